"""Fixtures of the end-to-end report tests: a stand-in world and a kernel that imports this checkout."""
from __future__ import annotations

import pytest
from reporting_world import make_world

from kbanalysis.reporting import batch
from tests.conftest import skip_or_fail

POISONED = "3205"  # the regency renamed to carry <script> in the stand-in world


@pytest.fixture(scope="session")
def world(tmp_path_factory):
    """(processed_dir, results_dir) of a small simulated world: Jawa Barat, Jawa Timur, NTT."""
    return make_world(tmp_path_factory.mktemp("world"), poison_code=POISONED)


@pytest.fixture(scope="session")
def world_params(world):
    processed, results = world
    return {"processed_dir": str(processed), "results_dir": str(results)}


@pytest.fixture()
def kernel_env(monkeypatch):
    """Kernels started by papermill inherit this environment: BLAS pinned, package importable."""
    for name, value in batch.kernel_environment().items():
        monkeypatch.setenv(name, value)


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium over CDP; skips without it locally, fails under CI."""
    from cdp import Browser, find_chromium

    executable = find_chromium()
    if executable is None:
        skip_or_fail("chromium not installed (Debian: apt-get install -y chromium)")
    driver = Browser(executable)
    yield driver
    driver.close()
