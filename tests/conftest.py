"""Shared fixtures. Tests that need the raw public files skip without them, except under CI."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Tests never write into an office's own workspace (data/local/, reports/local/): theirs is a
# temporary folder, in this process and in every kernel and command it starts. Set before
# kbanalysis.config is imported, which reads it.
if not os.environ.get("KBANALYSIS_LOCAL_DIR"):
    _LOCAL = tempfile.mkdtemp(prefix="kbanalysis-local-")
    os.environ["KBANALYSIS_LOCAL_DIR"] = _LOCAL
    atexit.register(shutil.rmtree, _LOCAL, ignore_errors=True)

from kbanalysis import config  # noqa: E402


def skip_or_fail(message: str):
    """A missing input skips the test locally; under CI, which must have it, it fails."""
    if os.environ.get("CI"):
        pytest.fail(message + "; CI must have it")
    pytest.skip(message)


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    found = config.default_raw_dir()
    if found is None or not (found / "kode_wilayah").is_dir():
        skip_or_fail(f"raw data folder not found (set ${config.RAW_DIR_ENV}, fill data/raw/, "
                     f"or put shared/data/raw beside the repository)")
    return found


@pytest.fixture(scope="session")
def analysis_csv() -> Path:
    """The committed analysis table (data/processed/analysis.csv)."""
    if not config.ANALYSIS_CSV.is_file():
        skip_or_fail("data/processed/analysis.csv has not been built yet")
    return config.ANALYSIS_CSV


@pytest.fixture(scope="session")
def resolver():
    from kbanalysis.regions import default_resolver
    return default_resolver()
