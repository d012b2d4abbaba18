"""Shared fixtures. Tests that need the raw public files skip without them, except under CI."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kbanalysis import config


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    found = config.default_raw_dir()
    if found is None or not (found / "kode_wilayah").is_dir():
        message = (f"raw data folder not found (set ${config.RAW_DIR_ENV}, fill data/raw/, or "
                   f"put shared/data/raw beside the repository)")
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must have it")
        pytest.skip(message)
    return found


@pytest.fixture(scope="session")
def resolver():
    from kbanalysis.regions import default_resolver
    return default_resolver()
