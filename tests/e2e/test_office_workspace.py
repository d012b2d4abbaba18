"""``make run KBPP=...`` with a district office's one-regency file (issue 16).

The district template for Kabupaten Lombok Timur (5203) is written by ``kbanalysis template``
and filled with three puskesmas (a fourth is named but left empty: not reported). The
command ``make run`` runs for it is taken from ``make -n`` and run as it is, with one report
page (``OFFICE_ARGS="--only 5203"``) and few bootstrap draws. It must leave every committed
table and result byte for byte as it was, pool the office's regency (its own 2023) with the
published Jawa Tengah 2021 exposure and say how the model changed, and the office's page must show
the coverage its numbers give (computed here by hand) and name the file it came from.
"""
from __future__ import annotations

import html
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kbanalysis import config
from tests.fixtures import kbpp_template as F
from tests.fixtures.folders import folder_files

KBANALYSIS = str(Path(sys.executable).with_name("kbanalysis"))
PUSKESMAS = {  # sheet row: (name, deliveries, Kondom .. MAL)
    8: ("Puskesmas Selong", 900, [5, 200, 100, 60, 0, 10, 120, 5]),
    9: ("Puskesmas Masbagik", 700, [3, 150, 80, 50, 0, 8, 90, 2]),
    10: ("Puskesmas Aikmel", 500, [1, 100, 50, 30, 0, 5, 60, 1]),
}
DELIVERIES = 900 + 700 + 500  # 2 100
ACCEPTORS = 500 + 383 + 247  # 1 130: 53,8 % of 2 100


def _text(page: Path) -> str:
    """The words of an HTML page (tags, scripts and styles removed)."""
    markup = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", page.read_text(encoding="utf-8"),
                    flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup)))


@pytest.fixture(scope="module")
def office_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kantor")
    done = subprocess.run([KBANALYSIS, "template", "--regency", "5203", "--year", "2023",
                           "--rows", "4", "--out", str(folder)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    template = folder / "kbpp_5203_kabupaten_lombok_timur_2023.xlsx"
    assert f"Templat ditulis: {template}" in done.stdout
    values = {row: (deliveries, counts) for row, (_, deliveries, counts) in PUSKESMAS.items()}
    names = {row: name for row, (name, _, _) in PUSKESMAS.items()} | {11: "Puskesmas Sakra"}
    return F.fill(template, folder / "lotim_2023.xlsx", values, names)


def _make_command(office_file: Path) -> str:
    """The command ``make run`` runs for these variables (``make -n`` prints it)."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    done = subprocess.run(["make", "-n", "run", f"KBPP={office_file}",
                           "FIT_ARGS=--draws 999", "OFFICE_ARGS=--only 5203 --jobs 1"],
                          cwd=config.PROJ_ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    commands = [line for line in done.stdout.splitlines() if " office " in line]
    assert len(commands) == 1, done.stdout
    assert " data build " not in done.stdout  # the committed tables are not rebuilt
    return commands[0]


def test_make_run_with_an_offices_file_builds_in_the_workspace_only(office_file, tmp_path,
                                                                    raw_dir):
    command = _make_command(office_file)
    assert shlex.split(command)[:4] == [".venv/bin/kbanalysis", "office", "--kbpp",
                                        str(office_file)]
    tracked = {folder: folder_files(folder) for folder in (config.PROCESSED_DIR,
                                                          config.RESULTS_DIR)}
    workspace = tmp_path / "workspace"
    env = {**os.environ, config.LOCAL_DIR_ENV: str(workspace)}
    args = [KBANALYSIS, *shlex.split(command)[1:]]  # the same command, this environment's script
    done = subprocess.run(args, cwd=config.PROJ_ROOT, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]

    for folder, files in tracked.items():  # byte for byte, no file added or removed
        assert folder_files(folder) == files, folder
    out = done.stdout
    assert f"ruang kerja {workspace / 'processed'}" in out
    assert "data/processed/ dan results/ tidak diubah" in out
    assert "Perhatian: lotim_2023.xlsx: 1 baris tanpa angka" in out  # Puskesmas Sakra
    # Pooled, not replaced: one regency alone in NTB is in the data, absorbed by its effect.
    assert ("model: 35 → 36 kabupaten/kota, 2 provinsi (Jawa Tengah KBPP 2021; Nusa Tenggara "
            "Barat KBPP 2023)") in out
    assert "1 kabupaten/kota sendirian di provinsinya" in out
    assert f"Selesai: buka {workspace / 'reports' / 'index.html'}" in out

    pages = list((workspace / "reports").glob("id/regency/5203-*.html"))
    assert len(pages) == 1
    text = _text(pages[0])
    coverage = f"{100 * ACCEPTORS / DELIVERIES:.1f}".replace(".", ",")
    assert (f"Cakupan KBPP 2023: {coverage} % dari 2.100 persalinan (1.130 peserta)") in text
    assert "Sumber: lotim_2023.xlsx" in text
    assert "Dibangun dari: data bawaan ditambah berkas kantor lotim_2023.xlsx." in text
    assert "cakupan KBPP Jawa Tengah 2021; Nusa Tenggara Barat 2023" in text
    assert (workspace / "processed" / "analysis.csv").is_file()
    assert (workspace / "results" / "meta.json").is_file()


def test_make_run_without_files_is_the_default_chain():
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    done = subprocess.run(["make", "-n", "run"], cwd=config.PROJ_ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert " office " not in done.stdout
    assert ".venv/bin/kbanalysis report --level all" in done.stdout


def test_make_data_with_an_offices_file_builds_only_the_workspace():
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    done = subprocess.run(["make", "-n", "data", "KBPP=lotim.xlsx"], cwd=config.PROJ_ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert ".venv/bin/kbanalysis office --kbpp lotim.xlsx --build-only" in done.stdout
    assert " data build " not in done.stdout


def test_the_your_data_notebook_builds_in_the_same_workspace_and_fits(office_file, tmp_path,
                                                                     raw_dir):
    import json

    import nbformat

    from kbanalysis.reporting import batch

    workspace = tmp_path / "workspace"
    env = {**batch.kernel_environment(), config.LOCAL_DIR_ENV: str(workspace)}
    out = tmp_path / "office.ipynb"
    done = subprocess.run([sys.executable, "-m", "papermill",
                           str(config.NOTEBOOKS_DIR / "3.01-your-data.ipynb"), str(out),
                           "--no-progress-bar", "-p", "kbpp_files", str(office_file),
                           "-p", "draws", "999"], env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    tracked_build = workspace / "processed" / "build_meta.json"
    assert "lotim_2023.xlsx" in json.loads(tracked_build.read_text())["kbpp"]["files"]
    notebook = nbformat.read(out, as_version=4)
    facts = next(c for c in notebook.cells if "facts" in c.metadata.get("tags", []))
    got = json.loads(facts.outputs[0]["data"]["text/plain"])
    # one regency of 2023 alone is too few: pooled with the published 2021 exposure, said so
    assert got["exposure_year"] == 2021
    assert "the model pools every regency with real KBPP" in got["data"]
