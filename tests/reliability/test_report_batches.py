"""Report batches that share a folder or lose a worker (issue 15, items 12 and the killed worker).

The batches are real ``kbanalysis report`` processes over the tiny template
(``tiny_batch.py``): two batches into one ``--out`` must keep each other's manifest and index
entries; a worker killed with SIGKILL must cost only the report it was making. Stale DuckDB
temporary folders of a killed register aggregation are removed by the next aggregation.
"""
from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import psutil
import pytest
from tiny_batch import TEMPLATE_ENV, wait_for, write_template

from kbanalysis.sources import registers

TINY_BATCH = Path(__file__).with_name("tiny_batch.py")
MARKER = "KBANALYSIS_TEST_MARKER"


def _marked(marker: str) -> list[psutil.Process]:
    found = []
    for process in psutil.process_iter():
        with contextlib.suppress(psutil.Error):
            if process.environ().get(MARKER) == marker and process.status() != psutil.STATUS_ZOMBIE:
                found.append(process)
    return found


@pytest.fixture()
def batch_env(tmp_path):
    template = write_template(tmp_path / "tiny.ipynb", pid_dir=tmp_path)
    marker = uuid.uuid4().hex
    env = {**os.environ, TEMPLATE_ENV: str(template), MARKER: marker, "PYTHONWARNINGS": "ignore"}
    started = []

    def start(codes: str, out: Path, jobs: int = 1) -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, str(TINY_BATCH), "report", "--level", "regency", "--only", codes,
             "--jobs", str(jobs), "--quiet", "--out", str(out)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            start_new_session=True)
        started.append(process)
        return process

    yield start, tmp_path
    for process in _marked(marker):  # never leave a stray process behind a failed test
        with contextlib.suppress(psutil.Error):
            process.kill()
    for process in started:
        process.kill()
        process.communicate()


def _manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))["reports"]


def test_two_batches_into_one_folder_keep_each_others_entries(batch_env):
    start, tmp_path = batch_env
    out = tmp_path / "reports"
    first = start("0101 0199", out)  # 0101 at once, then 0199 runs until it is stopped
    wait_for(lambda: (tmp_path / "0199.pid").exists(), 60, "the first batch's slow report")
    second = start("0201 0202", out)
    _, stderr = second.communicate(timeout=120)
    assert second.returncode == 0, stderr
    first.send_signal(signal.SIGTERM)  # the first batch ends after the second one
    first.communicate(timeout=60)
    assert first.returncode == 143

    entries = _manifest(out)
    assert {key: entries[key]["status"] for key in entries} == {
        "id/regency/0101": "ok", "id/regency/0201": "ok", "id/regency/0202": "ok"}
    index = (out / "index.html").read_text(encoding="utf-8")
    for code in ("0101", "0201", "0202"):
        assert f"id/regency/{code}-tiny-{code}.html" in index
    assert not [p for p in out.rglob("*.tmp")]


def test_a_killed_worker_costs_only_its_own_report(batch_env):
    start, tmp_path = batch_env
    out = tmp_path / "reports"
    quick = [f"01{n:02d}" for n in range(1, 9)]
    # Two workers: one takes 0199 (minutes), the other 0198 (seconds); the quick ones wait.
    batch = start(" ".join(["0199", "0198", *quick]), out, jobs=2)
    wait_for(lambda: (tmp_path / "0199.pid").exists() and (tmp_path / "0198.pid").exists(),
              90, "both workers busy")
    assert not list(out.glob("id/regency/01[0-9][0-9]-*.html"))  # the quick ones still wait
    victim = int((tmp_path / "0199.pid").read_text())
    os.kill(victim, signal.SIGKILL)
    _, stderr = batch.communicate(timeout=120)

    assert batch.returncode == 1  # one report failed
    entries = _manifest(out)
    failed = {key for key, entry in entries.items() if entry["status"] != "ok"}
    assert failed == {"id/regency/0199"}
    assert "worker" in entries["id/regency/0199"]["error"]
    pages = sorted(p.name.split("-")[0] for p in out.rglob("*.html") if p.name != "index.html")
    assert pages == sorted(["0198", *quick])
    failed_lines = [line for line in stderr.splitlines() if line.startswith("GAGAL")]
    assert len(failed_lines) == 1 and failed_lines[0].startswith("GAGAL id/regency/0199: ")
    assert not [p for p in out.rglob("*.tmp")]


# A register aggregation that waits (test-only patch) once its temporary folder exists, so
# that the test can kill it there with SIGKILL.
KILLED_AGGREGATION = """
import sys, time
from kbanalysis.sources import registers
registers._DuckDB.distinct = lambda self: time.sleep(600)
registers.aggregate_register(sys.argv[1])
"""


def test_the_next_aggregation_removes_a_killed_ones_temporary_folder(tmp_path, monkeypatch):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    register = tmp_path / "register.csv"
    # cp1252: DuckDB reads a UTF-8 copy made in the temporary folder
    register.write_bytes("tgl_persalinan;kode_kab;kb_pasca_persalinan;metode_kb\r\n"
                         "2023-03-05;3205;Ya;Pil\r\n2023-03-06;3205;Tidak;Caf\u00e9\r\n"
                         .encode("cp1252"))
    child = subprocess.Popen([sys.executable, "-c", KILLED_AGGREGATION, str(register)],
                             env={**os.environ, "TMPDIR": str(scratch)})
    try:
        [stale] = wait_for(lambda: list(scratch.glob("kbanalysis-duckdb-*")), 60,
                            "the aggregation's temporary folder")
        wait_for(lambda: (stale / "register-utf8.csv").exists(), 60, "the UTF-8 copy")
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    finally:
        child.kill()
        child.wait()
    assert stale.exists()  # a killed process cannot clean up after itself
    alive = scratch / f"kbanalysis-duckdb-{os.getpid()}-live00"  # a running aggregation's
    alive.mkdir()

    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    result = registers.aggregate_register(register)

    assert int(result.yearly["kbpp_pil"].sum()) == 1
    assert not stale.exists()
    assert [p.name for p in scratch.glob("kbanalysis-duckdb-*")] == [alive.name]
