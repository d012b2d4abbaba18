"""The batch runner end to end: warm workers, failures, incremental runs, atomic writes, escaping."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import POISONED

from kbanalysis.reporting import batch
from kbanalysis.reporting.context import load_context
from kbanalysis.reporting.html import external_references


@pytest.fixture(scope="module")
def jobs(world, world_params):
    ctx = load_context(*world)
    picked = batch.plan("regency", only=[POISONED, "3273", "5301"], context=ctx, extra=world_params)
    return picked + batch.plan("province", only=["53"], context=ctx, extra=world_params)


def test_warm_worker_report_equals_fresh_worker_report(jobs, world, tmp_path):
    """A page made after others in one worker's shell is the page a new worker makes first."""
    processed, results = world
    first, second = jobs[1], jobs[2]  # a Jawa Barat city, then an NTT regency

    def made(queue, folder):
        summary = batch.run_batch(queue, reports_dir=folder, workers=1, force=True, progress=False,
                                  processed_dir=processed, results_dir=results)
        assert summary.ok, summary.failed
        return (folder / second.output).read_bytes()

    # a province report first: different template, maps, other state in the shell
    after_others = made([jobs[3], first, second], tmp_path / "warm")
    alone = made([second], tmp_path / "fresh")
    assert after_others == alone
    assert "Kabupaten Sumba Barat" in alone.decode("utf-8")  # BPS 5301 in the region list


def test_batch_failures_incremental_and_atomic(tmp_path, world):
    processed, results = (shutil.copytree(d, tmp_path / d.name) for d in world)  # a world to change
    params = {"processed_dir": str(processed), "results_dir": str(results)}
    ctx = load_context(processed, results)
    planned = batch.plan("regency", only=["3273 9998", "5301"], context=ctx, extra=params)
    unknown = [j for j in planned if j.problem]  # 9998: no such regency, the others still run
    jobs = [j for j in planned if not j.problem] + batch.plan("national", context=ctx, extra=params)
    bad = batch.make_job("regency", "9999", "id", "Nowhere", params)  # fails inside the notebook
    reports = tmp_path / "reports"
    summary = batch.run_batch([*jobs, *unknown, bad], reports_dir=reports, workers=2, progress=False,
                              processed_dir=processed, results_dir=results)
    assert not summary.ok and sorted(summary.failed) == sorted([bad.key, "id/regency/9998"])
    assert "ParameterError" in summary.failed[bad.key] and "closest" in summary.failed[bad.key]
    assert summary.failed["id/regency/9998"].startswith("ParameterError: unknown regency '9998'")
    assert sorted(summary.built) == sorted(j.key for j in jobs)
    for job in jobs:
        page = (reports / job.output).read_text(encoding="utf-8")
        assert external_references(page) == []
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "9999" in index and "ParameterError" in index and 'class="status-failed"' in index
    assert "unknown regency &#x27;9998&#x27;" in index
    assert all(f'href="{j.output}"' in index for j in jobs)
    assert not [p for p in reports.rglob("*") if p.name.endswith(".tmp")]  # no half-written files

    # unchanged: everything that was built is skipped, the failure is retried
    again = batch.run_batch([*jobs, bad], reports_dir=reports, workers=1, progress=False,
                            processed_dir=processed, results_dir=results)
    assert sorted(again.skipped) == sorted(j.key for j in jobs) and list(again.failed) == [bad.key]

    # a change in the model results rebuilds every report that reads them
    meta = json.loads((results / "meta.json").read_text())
    meta["seed"] = 8
    (results / "meta.json").write_text(json.dumps(meta))
    third = batch.run_batch(jobs, reports_dir=reports, workers=1, progress=False,
                            processed_dir=processed, results_dir=results)
    assert sorted(third.built) == sorted(j.key for j in jobs) and not third.skipped
    # The page footer (Indonesian) shows the new seed of the model run.
    assert "<li>Benih acak: 8</li>" in (reports / jobs[0].output).read_text(encoding="utf-8")


def test_region_names_are_escaped_in_reports_and_file_names(tmp_path, world, jobs):
    processed, results = world
    poisoned = jobs[0]
    assert poisoned.code == POISONED and "<" not in poisoned.output and "script" in poisoned.output
    batch.run_batch([poisoned], reports_dir=tmp_path, workers=1, progress=False,
                    processed_dir=processed, results_dir=results)
    page = (tmp_path / poisoned.output).read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page


def test_cli_unknown_only_code_is_failed_and_the_rest_is_built(tmp_path, world):
    processed, results = world
    out = tmp_path / "reports"
    done = subprocess.run(
        [sys.executable, "-m", "kbanalysis", "report", "--level", "regency", "--only", "5301 9998",
         "--jobs", "1", "--quiet", "--data", str(processed), "--results", str(results),
         "--out", str(out)],
        capture_output=True, text=True, timeout=600, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert done.returncode == 1, done.stderr
    # Indonesian by default, the reports' language too
    assert done.stdout.startswith("1 dibuat, 0 tidak berubah, 1 gagal")
    assert done.stderr.startswith("GAGAL id/regency/9998: kabupaten/kota tidak dikenal '9998'")
    entries = batch.load_manifest(out)["reports"]
    assert entries["id/regency/5301"]["status"] == "ok" and entries["id/regency/9998"]["status"] == "failed"
    assert (out / entries["id/regency/5301"]["output"]).is_file()
