"""Batch planning: safe file names, checked codes, fingerprints that change with their inputs."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kbanalysis.regions import load_provinces, load_regions
from kbanalysis.reporting import batch
from kbanalysis.reporting.params import ParameterError


@given(st.text())
def test_slug_is_safe_for_any_name(name):
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*|report", batch.slug(name))


@given(st.text(), st.sampled_from(["id", "en"]), st.sampled_from(["province", "regency"]))
def test_output_path_stays_in_its_folder(name, lang, level):
    job = batch.make_job(level, "3205", lang, name)
    parts = job.output.split("/")
    assert parts[:2] == [lang, level] and len(parts) == 3
    assert re.fullmatch(r"3205-[a-z0-9-]+\.html", parts[2])


def test_job_needs_a_numeric_code():
    with pytest.raises(ParameterError):
        batch.make_job("regency", "../../etc", "id", "x")


@pytest.fixture(scope="module")
def context():
    regions = load_regions()
    return SimpleNamespace(cross=regions[["bps_code", "name", "province_bps", "province_name"]],
                           provinces=load_provinces())


def test_plan_regencies_of_a_province(context):
    jobs = batch.plan("regency", province="35", context=context)
    assert len(jobs) == 38  # Jawa Timur has 38 kabupaten/kota
    assert all(j.code.startswith("35") and j.parameters == {"regency": j.code, "lang": "id"} for j in jobs)
    assert len({j.output for j in jobs}) == 38


def test_plan_all_levels(context):
    jobs = batch.plan("all", lang="en", context=context)
    levels = [j.level for j in jobs]
    assert levels.count("national") == 1 and levels.count("province") == 38 and levels.count("regency") == 514
    assert len({j.key for j in jobs}) == len(jobs)


def test_plan_only_accepts_commas_spaces_and_repeats(context):
    jobs = batch.plan("regency", only=["3205,3273", "3205"], context=context)
    assert [j.code for j in jobs] == ["3205", "3273"]
    jobs = batch.plan("regency", only=["5301 3273", " 3205 ,, 32.73;"], context=context)
    assert [j.code for j in jobs] == ["3205", "3273", "5301"]


def test_split_codes_keeps_region_names_whole():
    assert batch.split_codes(["Kota Bandung, 3205 3273", "Kabupaten  Garut"]) == [
        "Kota Bandung", "3205", "3273", "Kabupaten Garut"]


def test_unknown_only_codes_become_failed_jobs_and_the_others_stay(context):
    jobs = batch.plan("regency", only=["3299 3205", "3205,abc"], context=context)
    assert [(j.code, bool(j.problem)) for j in jobs] == [("3205", False), ("3299", True), ("abc", True)]
    unknown = jobs[1]
    assert unknown.key == "id/regency/3299" and unknown.output == ""
    assert unknown.problem.startswith("ParameterError: unknown regency '3299'") and "closest" in unknown.problem


def test_only_unknown_codes_is_a_plain_error(context):
    with pytest.raises(ParameterError) as error:
        batch.plan("regency", only=["3299"], context=context)
    assert "closest" in str(error.value)


def test_an_unknown_code_is_listed_as_failed_in_the_index_without_running(tmp_path, context):
    jobs = batch.plan("province", only=["32", "99"], context=context)
    unknown = [j for j in jobs if j.problem]
    assert [j.code for j in jobs if not j.problem] == ["32"] and len(unknown) == 1
    summary = batch.run_batch(unknown, reports_dir=tmp_path, workers=1, progress=False)
    assert list(summary.failed) == ["id/province/99"] and not summary.built
    assert batch.load_manifest(tmp_path)["reports"]["id/province/99"]["status"] == "failed"
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "unknown province &#x27;99&#x27;" in index and 'class="status-failed"' in index
    assert not list(tmp_path.rglob("*.tmp")) and not list(tmp_path.rglob("id"))  # no page, no staging


def test_plan_needs_a_selection(context):
    with pytest.raises(ParameterError):
        batch.plan("regency", context=context)


def test_fingerprint_changes_with_each_input():
    job = batch.make_job("regency", "3205", "id", "Kabupaten Garut")
    base = batch.job_fingerprint(job, "t", "d", "c")
    assert base == batch.job_fingerprint(job, "t", "d", "c")
    other = batch.make_job("regency", "3205", "en", "Kabupaten Garut")
    assert len({base, batch.job_fingerprint(job, "t2", "d", "c"), batch.job_fingerprint(job, "t", "d2", "c"),
                batch.job_fingerprint(job, "t", "d", "c2"), batch.job_fingerprint(other, "t", "d", "c")}) == 5


def test_kernel_environment_pins_blas_and_imports_this_checkout():
    env = batch.kernel_environment()
    assert env["OMP_NUM_THREADS"] == env["OPENBLAS_NUM_THREADS"] == "1"
    assert env["PYTHONPATH"].split(":")[0] == str(batch.config.PROJ_ROOT)


def test_manifest_round_trip_and_damaged_manifest(tmp_path):
    batch.write_manifest(tmp_path, {"reports": {"k": {"status": "ok"}}})
    assert batch.load_manifest(tmp_path)["reports"] == {"k": {"status": "ok"}}
    (tmp_path / batch.MANIFEST_NAME).write_text("{not json")
    assert batch.load_manifest(tmp_path) == {"reports": {}}


def test_a_batch_removes_the_staging_files_of_a_killed_run_in_its_own_folders(tmp_path, context):
    stale = tmp_path / "id" / "regency" / ".3205-kabupaten-garut.html.k7x_2abc.tmp"
    other_batch = tmp_path / "simulated" / "id" / "regency" / ".3205-garut.html.q1w2e3r4.tmp"
    not_staging = tmp_path / "id" / "regency" / ".notes.tmp"
    for path in (stale, other_batch, not_staging):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<html><body>half")
    unknown = [j for j in batch.plan("province", only=["32", "99"], context=context) if j.problem]
    batch.run_batch(unknown, reports_dir=tmp_path, workers=1, progress=False)
    assert not stale.exists()
    assert other_batch.exists() and not_staging.exists()  # another batch's folder; not our name
