"""The research notebooks driven through ``papermill -p``: each parameter changes what it should.

Every run goes through papermill's command line, as a researcher types it, with few bootstrap
draws. Expected values come from the committed analysis table read here by hand (counts of
regencies, a closed-form least-squares slope), from the synthetic world's own rows, or from
the truth a generated Profil Kesehatan table carries; never from the notebook's code.
"""
from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

from kbanalysis import config
from kbanalysis.reporting import batch, refresh
from tests.fixtures import write_profil_kesehatan
from tests.fixtures.folders import folder_files

MODEL = config.NOTEBOOKS_DIR / "2.01-model.ipynb"
YOUR_DATA = config.NOTEBOOKS_DIR / "3.01-your-data.ipynb"
FAST = ("-p", "draws", "999")  # the suite's floor: enough for the tests, about a second


def papermill(notebook: Path, out: Path, *params: str, lang: str | None = None):
    """Run ``papermill notebook out params``; (exit code, executed notebook, stderr).
    ``lang``: the kernel's ``$KBANALYSIS_LANG`` (None: the default, Indonesian)."""
    env = batch.kernel_environment()
    if lang:
        env["KBANALYSIS_LANG"] = lang
    done = subprocess.run([sys.executable, "-m", "papermill", str(notebook), str(out),
                           "--no-progress-bar", *params], capture_output=True, text=True,
                          env=env, timeout=600)
    executed = nbformat.read(out, as_version=4) if out.is_file() else None
    return done.returncode, executed, done.stderr


def outputs(notebook, tag: str) -> str:
    """The plain text of every output of the cell tagged ``tag``."""
    cell = next(c for c in notebook.cells if tag in c.metadata.get("tags", []))
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type == "error":
            parts.append(f"{output.ename}: {output.evalue}")
        else:
            parts.append(output.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def facts(notebook) -> dict:
    return json.loads(outputs(notebook, "facts"))


def error_of(notebook) -> str:
    """The first error any cell raised ("" when none)."""
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                return f"{output.ename}: {output.evalue}"
    return ""


def succeeded(result) -> dict:
    code, notebook, stderr = result
    assert code == 0, stderr[-2000:]
    return facts(notebook)


def failed(result) -> str:
    code, notebook, stderr = result
    assert code != 0, "the notebook ran although a parameter was bad"
    message = error_of(notebook)
    assert message.startswith("ParameterError: "), message
    assert message.split(": ", 1)[1][:60] in stderr  # the terminal shows it too
    return message


# Each run of the model notebook: its papermill parameters (draws=999 is added).
MODEL_RUNS = {
    "default": (),
    "ols": ("-p", "covariates", "", "-p", "weights", "none"),
    "unadjusted": ("-p", "covariates", ""),
    "lag_regency_jateng": ("-p", "lag", "3", "-p", "cluster", "regency",
                           "-p", "province", "Jawa Tengah"),
    "outcome2022": ("-p", "outcome_year", "2022", "-p", "covariates", ""),
    "exposure2022": ("-p", "exposure_year", "2022"),
    "lag1": ("-p", "lag", "1"),
    "outcome2022_covariates": ("-p", "outcome_year", "2022"),
    "cluster_province": ("-p", "cluster", "province"),
    "jabar": ("-p", "province", "32"),
    "synthetic": ("-p", "simulated", "synthetic", "-p", "province", "SYNTHETIC_PROVINCES"),
    "other_exposure": ("-p", "exposure", "first_birth_before_20_pct", "-p", "exposure_year",
                       "2024", "-p", "covariates", "", "-p", "weights", "none"),
}
PARALLEL = 3  # papermill runs at once (each starts its own kernel)


def synthetic_provinces() -> list[str]:
    from kbanalysis.simulate.synthetic import synthetic_table

    world = synthetic_table(seed=config.SEED)
    return sorted(world["province_bps"].unique())[:12]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Every run of ``MODEL_RUNS``, started together: name -> (exit code, notebook, stderr)."""
    folder = tmp_path_factory.mktemp("model")
    provinces = ",".join(synthetic_provinces())

    def one(name):
        params = [provinces if p == "SYNTHETIC_PROVINCES" else p for p in MODEL_RUNS[name]]
        # The research path's words are checked in English here; the Indonesian default in
        # test_bad_parameters_speak_indonesian_by_default and the tests after it.
        return name, papermill(MODEL, folder / f"{name}.ipynb", *FAST, *params, lang="en")

    with ThreadPoolExecutor(PARALLEL) as pool:
        return dict(pool.map(one, MODEL_RUNS))


# --------------------------------------------------------------------------------------
# Independent readings of the committed analysis table


@pytest.fixture(scope="module")
def analysis() -> pd.DataFrame:
    return pd.read_csv(config.ANALYSIS_CSV, dtype={"bps_code": str, "province_bps": str})


def _year(table: pd.DataFrame, year: int, column: str) -> pd.Series:
    rows = table.loc[(table["year"] == year) & table[column].notna()]
    return rows.set_index("bps_code")[column]


def joined(table, outcome_year: int, exposure_year: int) -> pd.DataFrame:
    return pd.concat({"y": _year(table, outcome_year, "stunting_survey_pct"),
                      "x": _year(table, exposure_year, "kbpp_coverage_pct")},
                     axis=1, join="inner")


# --------------------------------------------------------------------------------------
# 2.01-model


def test_default_is_real_ssgi_2024_on_kbpp_2021(runs, analysis):
    got, notebook = succeeded(runs["default"]), runs["default"][1]
    assert (got["outcome_year"], got["exposure_year"], got["lag_years"]) == (2024, 2021, 3)
    assert got["n_obs"] == len(joined(analysis, 2024, 2021)) == 35
    assert not got["simulated"] and "SIMULATED" not in outputs(notebook, "comparison")
    assert got["inference"] == "hc3" and got["weights"] == "children_0_4"
    assert "1 province(s) among the complete rows" in outputs(notebook, "specification")
    # The power statement sits next to the literature range.
    headline = outputs(notebook, "headline")
    assert "smallest effect this design detects" in headline
    assert f"{got['mde_per_10']:.2f}" in headline
    assert f"{got['expected_range_per_10'][0]:+.3f}" in headline


def test_no_covariates_no_weights_is_the_closed_form_slope(runs, analysis):
    got = succeeded(runs["ols"])
    rows = joined(analysis, 2024, 2021)
    slope = np.polyfit(rows["x"].to_numpy(float), rows["y"].to_numpy(float), 1)[0]
    assert got["covariates"] == [] and got["weights"] is None
    assert got["adjusted_per_10"] == pytest.approx(10 * slope, abs=1e-3)


def test_another_exposure_column_is_fitted_on_its_own_rows(runs, analysis):
    # Early first birth (Susenas 2024) exists for every regency: 514 rows, 38 provinces.
    got = succeeded(runs["other_exposure"])
    y = _year(analysis, 2024, "stunting_survey_pct")
    x = _year(analysis, 2024, "first_birth_before_20_pct")
    rows = pd.concat({"y": y, "x": x}, axis=1, join="inner")
    # 38 provinces: province fixed effects in the main model, i.e. the slope within
    # provinces (closed form on the province-demeaned values).
    # (the table's province, not the code's first digits: Papua's new provinces keep 91xx)
    province = (analysis.loc[analysis["year"] == 2024].set_index("bps_code")["province_bps"]
                .reindex(rows.index).to_numpy())
    within = rows - rows.groupby(province).transform("mean")
    slope = float((within["x"] * within["y"]).sum() / (within["x"] ** 2).sum())
    assert got["n_obs"] == len(rows) == 514
    assert got["adjusted_per_10"] == pytest.approx(10 * slope, abs=1e-3)
    assert got["inference"] == "cluster"


def test_no_covariates_gives_the_unadjusted_estimate(runs):
    default, got = succeeded(runs["default"]), succeeded(runs["unadjusted"])
    assert got["covariates"] == []
    assert got["adjusted_per_10"] == pytest.approx(got["unadjusted_per_10"], abs=1e-4)
    assert got["adjusted_per_10"] == pytest.approx(default["unadjusted_per_10"], abs=1e-4)
    assert abs(got["adjusted_per_10"] - default["adjusted_per_10"]) > 0.01


def test_exposure_year_without_real_kbpp_is_refused(runs):
    message = failed(runs["exposure2022"])
    assert "no real kbpp_coverage_pct values in 2022" in message
    assert "2021" in message  # the year that has real values


def test_lag_sets_the_exposure_year(runs):
    got = succeeded(runs["lag_regency_jateng"])
    assert (got["outcome_year"], got["exposure_year"]) == (2024, 2021)
    message = failed(runs["lag1"])  # 2024 - 1: no real KBPP in 2023
    assert "no real kbpp_coverage_pct values in 2023" in message


def test_outcome_year_changes_the_rows(runs, analysis):
    got = succeeded(runs["outcome2022"])
    assert (got["outcome_year"], got["exposure_year"], got["lag_years"]) == (2022, 2021, 1)
    assert got["n_obs"] == len(joined(analysis, 2022, 2021)) != 35
    # With the default covariates that survey year has no poverty figure: said plainly.
    message = failed(runs["outcome2022_covariates"])
    assert "'poverty_pct' has no values in the outcome year 2022" in message


def test_cluster_changes_the_inference_line(runs):
    code, notebook, _ = runs["lag_regency_jateng"]
    assert code == 0
    line = next(text for text in outputs(notebook, "specification").splitlines()
                if text.startswith("- Inference:"))
    assert line.startswith("- Inference: cluster='regency' asked for")
    message = failed(runs["cluster_province"])
    assert "only 1 cluster(s) in 'province_bps'" in message


def test_province_subset(runs, analysis):
    by_name = succeeded(runs["lag_regency_jateng"])
    jateng = analysis.loc[analysis["province_bps"] == "33", "bps_code"]
    assert by_name["n_obs"] == len(joined(analysis, 2024, 2021).index.intersection(jateng))
    assert "provinces 33" in by_name["data"]
    # Jawa Barat has no real KBPP: refused, and the subset is named.
    message = failed(runs["jabar"])
    assert "provinces 32" in message and "no real kbpp_coverage_pct" in message


def test_synthetic_world_is_simulated_and_clustered(runs):
    from kbanalysis.simulate.synthetic import synthetic_table

    world = synthetic_table(seed=config.SEED)
    provinces = synthetic_provinces()
    got = succeeded(runs["synthetic"])
    assert got["simulated"] and got["n_provinces"] == 12
    assert got["n_obs"] == int(world["province_bps"].isin(provinces).sum())
    assert got["inference"] == "cluster"  # 12 provinces: CR1 and the wild cluster bootstrap
    _assert_labelled_simulated(runs["synthetic"][1])


def test_simulated_demonstration_is_labelled(tmp_path, raw_dir):
    code, notebook, stderr = papermill(MODEL, tmp_path / "demo.ipynb", *FAST,
                                       "-p", "simulated", "True", lang="en")
    assert code == 0, stderr[-2000:]
    got = facts(notebook)
    assert got["simulated"] and "kbpp_coverage_pct" in got["simulated_inputs"]
    _assert_labelled_simulated(notebook)


def _assert_labelled_simulated(notebook):
    assert outputs(notebook, "fit").startswith("!! SIMULATED DATA")
    for tag in ("specification", "headline", "diagnostics", "sensitivity"):
        assert outputs(notebook, tag).startswith("## SIMULATED"), tag
    comparison = outputs(notebook, "comparison")
    assert "## SIMULATED — Model comparison" in comparison
    assert "[figure: SIMULATED — Model comparison" in comparison  # the chart's title
    assert '"simulated": true' in outputs(notebook, "facts")
    assert "SIMULATED INPUTS" in outputs(notebook, "summary")


# Bad parameters stop before anything is fitted; checked here without a kernel.


@pytest.mark.parametrize("arguments, expected", [
    ({"covariates": "poverty"}, "covariates='poverty': no such column in the analysis table "
                                "(did you mean 'poverty_pct'?)"),
    ({"outcome": "stunting"}, "outcome='stunting': no such column in the analysis table"),
    ({"weights": "births"}, "weights='births': no such column in the analysis table"),
    ({"lag": 3, "exposure_year": 2021}, "exposure_year=2021 and lag=3: give one of them"),
    ({"province": "99"}, "province='99': unknown province '99'"),
    ({"exposure_year": "21"}, "exposure_year='21': expected a year such as 2021"),
    ({"draws": 100}, "draws=100: expected a whole number of at least 999"),
    ({"simulated": "maybe"}, "simulated='maybe': expected False (real data), True"),
    ({"cluster": "district"}, "cluster='district': no such column"),
])
def test_bad_parameters_name_themselves(arguments, expected, monkeypatch):
    from kbanalysis.reporting.params import ParameterError
    from kbanalysis.research import fitting as research

    monkeypatch.setenv("KBANALYSIS_LANG", "en")
    with pytest.raises(ParameterError) as caught:
        research.model_request(**arguments)
    assert str(caught.value).startswith(expected)


@pytest.mark.parametrize("arguments, expected", [
    ({"covariates": "poverty"}, "covariates='poverty': tidak ada kolom itu di tabel analisis "
                                "(maksud Anda 'poverty_pct'?)"),
    ({"lag": 3, "exposure_year": 2021}, "exposure_year=2021 dan lag=3: berikan salah satunya"),
    ({"draws": 100}, "draws=100: seharusnya bilangan bulat sedikitnya 999"),
    ({"simulated": "maybe"}, "simulated='maybe': seharusnya False (data nyata), True"),
])
def test_bad_parameters_speak_indonesian_by_default(arguments, expected, monkeypatch):
    from kbanalysis.reporting.params import ParameterError
    from kbanalysis.research import fitting as research

    monkeypatch.delenv("KBANALYSIS_LANG", raising=False)
    with pytest.raises(ParameterError) as caught:
        research.model_request(**arguments)
    assert str(caught.value).startswith(expected)


def test_a_fit_the_data_cannot_support_names_parameters_in_indonesian(monkeypatch):
    from kbanalysis.reporting.params import ParameterError
    from kbanalysis.research import fitting as research

    monkeypatch.delenv("KBANALYSIS_LANG", raising=False)
    request = research.model_request(exposure_year=2019, draws=999)
    with pytest.raises(ParameterError) as caught:
        research.fit(request)
    text = str(caught.value)
    assert text.startswith("spesifikasi ini tidak dapat dihitung pada data nyata: ")
    assert "--" not in text  # notebook parameters, never command-line options


# --------------------------------------------------------------------------------------
# 3.01-your-data


def test_your_data_without_files_says_how_to_use_it(tmp_path):
    code, notebook, stderr = papermill(YOUR_DATA, tmp_path / "empty.ipynb")
    assert code == 0, stderr[-2000:]
    text = outputs(notebook, "check")  # Indonesian by default
    assert "Tidak ada berkas yang diberikan" in text and "-p kbpp_files" in text
    assert outputs(notebook, "fit") == ""
    code, notebook, stderr = papermill(YOUR_DATA, tmp_path / "en.ipynb", "-p", "lang", "en")
    assert code == 0, stderr[-2000:]
    assert "No file was given" in outputs(notebook, "check")


def test_your_data_missing_file(tmp_path):
    code, notebook, _ = papermill(YOUR_DATA, tmp_path / "missing.ipynb",
                                  "-p", "kbpp_files", str(tmp_path / "nowhere.xlsx"))
    assert code != 0
    assert "kbpp_files: berkas tidak ditemukan" in error_of(notebook)


def test_your_data_lists_every_problem_and_stops(tmp_path, raw_dir):
    table = write_profil_kesehatan(tmp_path / "profil_jabar_2023.xlsx", level="province",
                                   region="32", year=2023)
    code, notebook, _ = papermill(YOUR_DATA, tmp_path / "strict.ipynb",
                                  "-p", "kbpp_files", str(table.path), "-p", "lang", "en", *FAST)
    assert code != 0
    check = outputs(notebook, "check")
    for line, _, _ in table.issues:  # every planted problem is listed with its row
        assert f"row {line}," in check or f"row {line} (" in check, line  # (its regency)
    message = error_of(notebook)
    assert message.startswith("ParameterError: the build refused your files")
    assert f"{len(table.issues)} problems" in message and "set allow_rejects=True" in message


def test_your_data_builds_aside_and_fits_the_province(tmp_path, raw_dir):
    table = write_profil_kesehatan(tmp_path / "profil_jabar_2023.xlsx", level="province",
                                   region="32", year=2023)
    before = folder_files(config.PROCESSED_DIR)
    code, notebook, stderr = papermill(YOUR_DATA, tmp_path / "office.ipynb",
                                       "-p", "kbpp_files", str(table.path),
                                       "-p", "allow_rejects", "True", "-p", "lang", "en", *FAST)
    assert code == 0, stderr[-2000:]
    assert folder_files(config.PROCESSED_DIR) == before
    got = facts(notebook)
    kept = set(table.expected["bps_code"].astype(str))  # the regencies a correct read keeps
    assert got["exposure_year"] == 2023 and "provinces 32" in got["data"]
    assert got["n_obs"] == len(kept) and got["n_provinces"] == 1
    assert "Jawa Barat: " + f"{len(kept)} regencies" in outputs(notebook, "build")
    assert not got["simulated"]


@pytest.mark.parametrize("arguments, expected", [
    ({"code_system": "dagri"}, "code_system='dagri': expected None (detect), 'bps' or "
                               "'kemendagri'"),
    ({"allow_rejects": "maybe"}, "allow_rejects='maybe': expected True or False"),
    ({"draws": "many"}, "draws='many': expected a whole number of at least 999"),
])
def test_bad_office_parameters_name_themselves(tmp_path, arguments, expected, monkeypatch):
    from kbanalysis.reporting.params import ParameterError
    from kbanalysis.research import your_data

    monkeypatch.setenv("KBANALYSIS_LANG", "en")
    table = tmp_path / "profil.csv"
    table.write_text("placeholder\n", encoding="utf-8")
    with pytest.raises(ParameterError) as caught:
        your_data.office_files(kbpp_files=str(table), raw_dir=str(tmp_path), **arguments)
    assert str(caught.value).startswith(expected)


def test_refresh_re_executes_both_research_notebooks():
    notebooks = refresh.committed_notebooks()
    assert MODEL in notebooks and YOUR_DATA in notebooks


def test_refresh_keeps_no_python_patch_version():
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    notebook.metadata["language_info"] = {"name": "python", "version": "3.11.7"}
    notebook.metadata["papermill"] = {"start_time": "2026-01-01T00:00:00"}
    cleaned = refresh.clean(notebook)
    assert cleaned.metadata["language_info"]["version"] == "3.11"
    assert "papermill" not in cleaned.metadata
