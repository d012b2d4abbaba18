"""The suite end to end: comparison table, files, determinism, simulated labels, CLI."""
from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from kbanalysis.cli import fit as fit_command
from kbanalysis.models import SpecificationError, fit_suite
from kbanalysis.models.output import ESTIMATES_CSV, META_JSON, PREDICTIONS_CSV
from kbanalysis.models.suite import ESTIMATE_COLUMNS
from kbanalysis.simulate.synthetic import synthetic_table

EXPOSURE = "kbpp_coverage_pct"


@pytest.fixture(scope="module")
def world():
    return synthetic_table(seed=21)


@pytest.fixture(scope="module")
def results(world):
    # The suite without province effects in the main model (province_fe beside it).
    return fit_suite(world, year=2024, bootstrap_draws=999, spatial_model="always",
                     province_effects="no")


def test_every_estimator_is_in_the_comparison_table(results):
    models = set(results.comparison["model"])
    assert {"ols", "wls", "ols_wild_bootstrap", "wls_wild_bootstrap", "fractional_logit",
            "fractional_logit_coef", "beta_regression", "beta_regression_coef", "province_fe",
            "random_intercept", "spatial_error"} <= models
    assert results.skipped["panel_twfe"].endswith("one year only")
    assert results.comparison.duplicated(["model", "term", "scale"]).sum() == 0
    # Fitted models stay reachable for diagnostics.
    assert results.models["wls"].resid.shape == (results.data.n_obs,)
    assert hasattr(results.models["random_intercept"], "cov_re")


def test_per_10_rows_restate_each_exposure_effect(results):
    table = results.comparison.set_index(["model", "term", "scale"])
    per_unit = results.comparison.loc[(results.comparison["term"] == EXPOSURE)
                                      & (results.comparison["scale"] == "pp per unit")]
    assert len(per_unit) >= 9
    for model in per_unit["model"]:
        unit = table.loc[(model, EXPOSURE, "pp per unit")]
        ten = table.loc[(model, EXPOSURE, "pp per 10 points")]  # same term, its own scale
        for column in ("estimate", "ci_low", "ci_high"):
            assert ten[column] == pytest.approx(10 * unit[column])
        assert ten["p_value"] == unit["p_value"]


def test_bootstrap_rows_use_the_bootstrap_interval(results):
    row = results.effect("wls_wild_bootstrap")
    assert np.isnan(row["std_error"]) and row["ci_low"] < row["estimate"] < row["ci_high"]
    assert row["estimate"] == pytest.approx(results.effect("wls")["estimate"])


def test_simulated_inputs_are_flagged_everywhere(results, tmp_path):
    assert results.simulated and results.comparison["simulated"].all()
    assert "SIMULATED INPUTS" in results.summary(lang="en")
    results.write(tmp_path)
    meta = json.loads((tmp_path / META_JSON).read_text())
    assert meta["simulated"] is True and EXPOSURE in meta["simulated_inputs"]


def test_real_shaped_table_is_not_called_simulated(world):
    real = world.copy()
    real.attrs = {}
    real["province_name"] = "Jawa Barat"
    real["name"] = "Kabupaten " + real["bps_code"].astype(str)  # the summary names regencies
    real["kbpp_measure_type"] = "administrative"
    res = fit_suite(real, year=2024, bootstrap_draws=999, sensitivity=False,
                    spatial_model="never")
    assert not res.simulated and not res.comparison["simulated"].any()
    assert "SIMULATED" not in res.summary(lang="en")


def test_files_have_the_fixed_columns_and_are_byte_identical(world, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        fit_suite(world, year=2024, bootstrap_draws=999, seed=5).write(out)
    for name in (ESTIMATES_CSV, META_JSON, PREDICTIONS_CSV):
        assert (first / name).read_bytes() == (second / name).read_bytes()
    estimates = pd.read_csv(first / ESTIMATES_CSV)
    assert list(estimates.columns) == ESTIMATE_COLUMNS
    assert estimates["model"].str.startswith("sensitivity:").any()
    meta = json.loads((first / META_JSON).read_text())
    assert re.fullmatch(r"[0-9a-f]{64}", meta["data"]["sha256"])
    assert meta["seed"] == 5 and "statsmodels" in meta["package_versions"]
    assert meta["specification"]["outcome"] == "stunting_survey_pct"
    # No dates or times anywhere (they would break byte-identical reruns).
    assert not re.search(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", (first / META_JSON).read_text())


def test_predictions_are_the_main_models_fitted_values(world, results, tmp_path):
    results.write(tmp_path)
    predictions = pd.read_csv(tmp_path / PREDICTIONS_CSV, dtype={"bps_code": str})
    assert list(predictions.columns) == ["bps_code", "observed", "expected", "residual"]
    assert len(predictions) == results.data.n_obs and predictions["bps_code"].is_unique
    # Independent check: refit the main model by weighted least squares with numpy.
    data = results.data
    w = np.sqrt(data.weights) if data.weights is not None else np.ones(data.n_obs)
    beta = np.linalg.lstsq(data.X * w[:, None], data.y * w, rcond=None)[0]
    # predictions.csv keeps 4 decimals (percentage points).
    np.testing.assert_allclose(predictions["expected"], data.X @ beta, atol=6e-5)
    np.testing.assert_allclose(predictions["observed"] - predictions["expected"],
                               predictions["residual"], atol=2e-4)


def test_other_seed_changes_only_the_random_parts(world, tmp_path):
    a = fit_suite(world, year=2024, bootstrap_draws=999, seed=1, sensitivity=False).comparison
    b = fit_suite(world, year=2024, bootstrap_draws=999, seed=2, sensitivity=False).comparison
    ols_a = a.loc[a["model"] == "ols", "estimate"].to_numpy()
    assert np.array_equal(ols_a, b.loc[b["model"] == "ols", "estimate"].to_numpy())
    def boot(frame):
        return frame.loc[frame["model"] == "wls_wild_bootstrap", "ci_low"].iloc[0]
    assert boot(a) != boot(b)


def test_panel_model_runs_when_several_years_exist():
    panel = synthetic_table(n_provinces=12, regencies_per_province=(4, 8),
                            years=range(2018, 2025), lag=1, seed=3)
    res = fit_suite(panel, bootstrap_draws=999, sensitivity=False, spatial_model="never")
    panel_rows = res.comparison.loc[res.comparison["model"] == "panel_twfe"]
    lagged = panel_rows.loc[panel_rows["term"] == f"{EXPOSURE}_lag1"]
    assert set(lagged["scale"]) == {"pp per unit", "pp per 10 points"}
    assert lagged["is_exposure"].all()
    assert "panel_twfe_wild_bootstrap" in set(res.comparison["model"])
    assert res.spec.year == 2024


def test_one_province_needs_regency_clusters_and_skips_province_models(monkeypatch):
    monkeypatch.setenv("KBANALYSIS_LANG", "en")  # the error's English text
    jabar_like = synthetic_table(n_provinces=1, regencies_per_province=27,
                                 years=range(2014, 2025), lag=1, seed=4,
                                 outcome="stunting_weighing_pct")
    with pytest.raises(SpecificationError, match="only 1 cluster"):
        fit_suite(jabar_like, outcome="stunting_weighing_pct", cluster="province")
    res = fit_suite(jabar_like, outcome="stunting_weighing_pct", bootstrap_draws=999)
    assert res.data.inference == "hc3" and res.spec.lag == 1
    assert {"province_fe", "random_intercept"} <= set(res.skipped)
    assert "spatial_checks" in res.skipped and "27 regencies" in res.skipped["spatial_checks"]
    panel = res.model_info["panel_twfe"]
    assert "regency" in panel["inference"] and res.effect("panel_twfe").shape


def test_summary_shows_literature_range_and_evalue(results):
    text = results.summary(lang="en")
    assert "per 10-point rise" in text and "E-value" in text and "Moran's I" in text
    assert results.evalue.point > 1 and results.evalue.ci >= 1


@pytest.fixture()
def cli():
    app = typer.Typer()
    app.add_typer(fit_command.app, name="fit")

    @app.callback()
    def _root():
        """Test harness."""
    return app


def test_cli_defaults_are_the_suite_defaults():
    # kbanalysis fit spells its defaults out (the models are imported only when it runs):
    # they must stay the ones fit_suite takes.
    import inspect
    cli_options = inspect.signature(fit_command.fit).parameters
    suite = inspect.signature(fit_suite).parameters
    for option, argument in (("outcome", "outcome"), ("exposure", "exposure"),
                             ("weights", "weights"), ("cluster", "cluster"), ("seed", "seed"),
                             ("draws", "bootstrap_draws"),
                             ("bootstrap_weights", "bootstrap_weights")):
        assert cli_options[option].default.default == suite[argument].default, option
    covariates = cli_options["covariates"].default.default
    assert tuple(covariates.split(",")) == tuple(suite["covariates"].default)


def test_cli_writes_all_result_files(cli, tmp_path):
    result = CliRunner().invoke(cli, ["fit", "--synthetic", "--draws", "999", "--quiet",
                                      "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert all((tmp_path / n).is_file() for n in (ESTIMATES_CSV, META_JSON, PREDICTIONS_CSV))
    assert "(masukan SIMULASI)" in result.output  # Indonesian by default
    result = CliRunner().invoke(cli, ["fit", "--synthetic", "--draws", "999", "--quiet",
                                      "--out", str(tmp_path), "--lang", "en"])
    assert "SIMULATED" in result.output


def test_cli_turns_a_bad_specification_into_one_line(cli, tmp_path):
    result = CliRunner().invoke(cli, ["fit", "--synthetic", "--covariates", "nonexistent_pct",
                                      "--out", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: missing column")
    assert not (tmp_path / ESTIMATES_CSV).exists()


def test_cli_reads_an_analysis_table_file(cli, tmp_path):
    from kbanalysis.atomic import write_frame_csv
    path = tmp_path / "analysis.csv"
    write_frame_csv(synthetic_table(n_provinces=12, regencies_per_province=(4, 8), seed=2), path)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["fit", "--table", str(path), "--draws", "999", "--quiet",
                                      "--weights", "none", "--year", "2024", "--out",
                                      str(out)])
    assert result.exit_code == 0, result.output
    meta = json.loads((out / META_JSON).read_text())
    assert meta["simulated"] is True and meta["specification"]["weights"] is None
    assert meta["main_model"] == "ols"
    missing = CliRunner().invoke(cli, ["fit", "--table", str(tmp_path / "nope.csv"),
                                       "--out", str(out), "--lang", "en"])
    assert missing.exit_code == 1 and "No analysis table" in missing.output


def test_suite_runs_on_the_committed_analysis_table(analysis_csv):
    from kbanalysis.dataset import load_analysis
    table = load_analysis(analysis_csv)
    res = fit_suite(table, bootstrap_draws=999, sensitivity=False)
    assert res.spec.outcome_year == 2024 and res.spec.exposure_year < 2024
    # A simulated KBPP layer covers every regency and must say so; real KBPP (Jawa Tengah
    # 2021) covers one province, fitted with HC3.
    if (table["kbpp_measure_type"] == "simulated").any():
        assert res.simulated and EXPOSURE in res.simulated_inputs
        assert res.data.n_clusters == 38 and res.data.n_obs > 450
    else:
        assert not res.simulated and res.data.n_obs >= 10
        assert res.data.inference == ("hc3" if res.data.n_provinces < 10 else "cluster")


@pytest.mark.parametrize("regencies, checked", [(29, False), (30, True)])
def test_spatial_checks_need_30_regencies_and_5_per_neighbour(regencies, checked):
    world = synthetic_table(n_provinces=1, regencies_per_province=regencies, seed=8)
    res = fit_suite(world, year=2024, bootstrap_draws=999, sensitivity=False)
    assert (res.spatial is not None) is checked
    if not checked:
        assert res.skipped["spatial_checks"].startswith(f"{regencies} regencies with coordinates")
        assert "need at least 30" in res.skipped["spatial_checks"]
    else:
        assert "spatial_checks" not in res.skipped and "one province" in res.spatial.notes[0]
    # Larger k asks for more rows: 8 neighbours need 40.
    res = fit_suite(world, year=2024, bootstrap_draws=999, sensitivity=False, knn=8)
    assert res.spatial is None and "need at least 40" in res.skipped["spatial_checks"]
