"""An office's rebuild re-renders only the pages whose content changed (issue 19).

Kabupaten Lombok Timur (5203) adds its district file through ``kbanalysis office``; the batch
renders a set of pages from that workspace: the national page, the Nusa Tenggara Barat and
Jawa Tengah province pages and three regency pages. Then the office corrects its method split
(same acceptors in total: nothing the model reads changes) and rebuilds: only the pages that
show the method split (5203, its province, the nation) may be rendered again, and every page
of the incremental rebuild must equal, byte for byte, the page a full rebuild makes. A
correction of the deliveries changes the coverage, which the model reads: every page shows
the model, so every page is rendered again.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kbanalysis import config
from tests.fixtures import kbpp_template as F

KBANALYSIS = str(Path(sys.executable).with_name("kbanalysis"))
ROWS = {8: (900, [5, 200, 100, 60, 0, 10, 120, 5]), 9: (700, [3, 150, 80, 50, 0, 8, 90, 2])}
# Row 8 moves 20 acceptors from Suntik to Implan: same 500 in total.
CORRECTED_SPLIT = {**ROWS, 8: (900, [5, 180, 100, 60, 0, 10, 140, 5])}
CORRECTED_DELIVERIES = {**ROWS, 8: (1000, ROWS[8][1])}
NAMES = {8: "Puskesmas Selong", 9: "Puskesmas Masbagik"}


def _office(file: Path, workspace: Path) -> None:
    done = subprocess.run([KBANALYSIS, "office", "--kbpp", str(file), "--fit-args", "--draws 999",
                           "--only", "5203", "--jobs", "1"], cwd=config.PROJ_ROOT,
                          env={**os.environ, config.LOCAL_DIR_ENV: str(workspace)},
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def _pages(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.html"))
            if p.name != "index.html"}


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("kantor")
    done = subprocess.run([KBANALYSIS, "template", "--regency", "5203", "--year", "2023",
                           "--rows", "2", "--out", str(folder)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return folder / "kbpp_5203_kabupaten_lombok_timur_2023.xlsx"


def test_a_correction_re_renders_only_the_pages_that_show_it(template, tmp_path, raw_dir):
    from kbanalysis.reporting import batch

    workspace, reports, fresh = tmp_path / "ws", tmp_path / "reports", tmp_path / "fresh"
    office_file = tmp_path / "lotim_2023.xlsx"  # the same name each time: the office's file
    F.fill(template, office_file, ROWS, NAMES)
    _office(office_file, workspace)
    extra = {"processed_dir": str(workspace / "processed"), "results_dir": str(workspace / "results")}

    def jobs():
        return [*batch.plan("national", extra=extra), *batch.plan("province", only=["52", "33"], extra=extra),
                *batch.plan("regency", only=["5203", "5201", "3301"], extra=extra)]

    def render(folder, force=False):
        summary = batch.run_batch(jobs(), reports_dir=folder, workers=1, force=force, progress=False,
                                  **extra)
        assert not summary.failed, summary.failed
        return summary

    first = render(reports)
    assert len(first.built) == 6 and not first.skipped
    before = _pages(reports)
    results = {p.name: p.read_bytes() for p in (workspace / "results").iterdir() if p.is_file()}

    F.fill(template, office_file, CORRECTED_SPLIT, NAMES)
    _office(office_file, workspace)
    assert {p.name: p.read_bytes() for p in (workspace / "results").iterdir() if p.is_file()} == results, \
        "a method split the model does not read changed the model's results"
    second = render(reports)
    assert sorted(second.built) == ["id/national", "id/province/52", "id/regency/5203"]
    assert sorted(second.skipped) == ["id/province/33", "id/regency/3301", "id/regency/5201"]
    render(fresh, force=True)
    assert _pages(reports) == _pages(fresh)  # skipped pages are the pages a full rebuild makes
    after = _pages(reports)
    own = next(key for key in after if "/5203-" in key)
    assert after[own] != before[own]  # the office's page shows the corrected split

    F.fill(template, office_file, CORRECTED_DELIVERIES, NAMES)
    _office(office_file, workspace)
    third = render(reports)
    assert len(third.built) == 6 and not third.skipped  # the model changed: every page shows it
