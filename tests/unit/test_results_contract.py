"""The results contract: files and columns written by the fit and read by the reports, the
exposure found by ``is_exposure`` (any exposure column), and the summary object."""
from __future__ import annotations

import json
from types import SimpleNamespace

import pandas as pd
import pytest

from kbanalysis import results_contract as RC
from kbanalysis.models import fit_suite
from kbanalysis.reporting import content, sections
from kbanalysis.reporting.context import read_estimates
from kbanalysis.simulate.synthetic import synthetic_table

OTHER_EXPOSURE = "first_birth_before_20_pct"


@pytest.fixture(scope="module")
def world():
    return synthetic_table(n_provinces=12, regencies_per_province=(6, 9), seed=17)


@pytest.fixture(scope="module")
def other_fit(world):
    """The suite with an exposure whose name has nothing to do with KBPP."""
    return fit_suite(world, exposure=OTHER_EXPOSURE, covariates=("poverty_pct",),
                     bootstrap_draws=999, spatial_model="never")


@pytest.fixture(scope="module")
def written(other_fit, tmp_path_factory):
    out = tmp_path_factory.mktemp("results")
    other_fit.write(out)
    return out


def test_files_carry_the_contract_columns(written):
    assert sorted(p.name for p in written.iterdir()) == sorted(RC.RESULT_FILES)
    header = (written / RC.ESTIMATES_CSV).read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == RC.ESTIMATE_COLUMNS
    predictions = (written / RC.PREDICTIONS_CSV).read_text(encoding="utf-8").splitlines()[0]
    assert predictions.split(",") == RC.PREDICTION_COLUMNS


def test_the_exposure_is_declared_not_guessed(written):
    estimates = read_estimates(written / RC.ESTIMATES_CSV)
    meta = json.loads((written / RC.META_JSON).read_text(encoding="utf-8"))
    assert meta["exposure"]["column"] == OTHER_EXPOSURE
    marked = set(estimates.loc[estimates["is_exposure"], "term"])
    assert marked == {OTHER_EXPOSURE, f"{OTHER_EXPOSURE} per 10 points"}
    assert set(meta["exposure"]["terms"]) == marked
    # The covariate and the intercept are never the exposure, whatever their scale.
    assert not estimates.loc[estimates["term"].isin(["poverty_pct", "(intercept)"]),
                             "is_exposure"].any()
    per_10 = estimates.loc[estimates["term"].str.endswith(" per 10 points")]
    assert per_10["scale"].eq(RC.PER_10_POINTS).all() and per_10["is_exposure"].all()


def test_per_10_rows_are_ten_times_the_per_point_rows(written):
    estimates = read_estimates(written / RC.ESTIMATES_CSV)
    exposure = estimates.loc[estimates["is_exposure"]].set_index(["model", "term"])
    models = exposure.xs(OTHER_EXPOSURE, level="term").index
    assert {"wls", "ols", "sensitivity:main"} <= set(models)
    for model in models:
        unit = exposure.loc[(model, OTHER_EXPOSURE), "estimate"]
        ten = exposure.loc[(model, f"{OTHER_EXPOSURE} per 10 points"), "estimate"]
        # Both are rounded to 4 significant digits of their own row.
        assert ten == pytest.approx(10 * unit, rel=2e-3, abs=1e-9), model


def test_model_comparison_renders_with_another_exposure(written, other_fit):
    estimates = read_estimates(written / RC.ESTIMATES_CSV)
    meta = json.loads((written / RC.META_JSON).read_text(encoding="utf-8"))
    rows = content.model_comparison(estimates)
    assert set(rows["term"]) == {f"{OTHER_EXPOSURE} per 10 points"}
    expected_models = set(other_fit.comparison.loc[
        other_fit.comparison["term"].eq(f"{OTHER_EXPOSURE} per 10 points"), "model"])
    assert set(rows["model"]) == expected_models and {"wls", "ols", "province_fe"} <= set(
        rows["model"])
    assert content.is_per_10(rows)
    parts = sections.model_comparison(SimpleNamespace(estimates=estimates, meta=meta), "en")
    rendered = "".join(str(p) for p in parts)
    for model in ("wls", "province_fe", "fractional_logit"):
        assert model in rendered


def test_files_without_the_new_columns_still_read(tmp_path):
    old = pd.DataFrame({"model": ["ols", "ols", "ols"],
                        "term": ["x_pct", "x_pct per 10 points", "z"],
                        "estimate": [0.1, 1.0, 2.0], "std_error": 0.1, "ci_low": 0.0,
                        "ci_high": 1.0, "p_value": 0.5, "n_obs": 40, "n_clusters": 12})
    old.to_csv(tmp_path / "estimates.csv", index=False)
    read = RC.read_estimates(tmp_path / "estimates.csv")
    assert list(read["is_exposure"]) == [True, True, False]
    assert list(read["scale"]) == [RC.PER_POINT, RC.PER_10_POINTS, RC.PER_POINT]


def test_a_file_missing_columns_is_named(tmp_path):
    path = tmp_path / "estimates.csv"
    pd.DataFrame({"model": ["ols"], "term": ["x"]}).to_csv(path, index=False)
    with pytest.raises(ValueError, match=r"estimates\.csv: missing columns \['estimate'"):
        RC.read_estimates(path)


def test_summary_object_has_text_html_and_tables(other_fit):
    summary = other_fit.summary()
    assert str(summary) == summary.text and "Headline" in summary.text
    assert "Headline" in summary  # old callers used `in` on the string
    html = summary._repr_html_()
    assert html.startswith("<h3>") and "<table" in html and "0x" not in html
    assert {"headline", "comparison", "power", "sensitivity"} <= set(summary.tables)
    comparison = summary.comparison
    assert isinstance(comparison, pd.DataFrame)
    assert set(comparison["term"]) == {f"{OTHER_EXPOSURE} per 10 points"}
    head = summary.headline.set_index("slope")
    assert list(head.index) == ["unadjusted", "adjusted"]
    # The headline's slope is the main model's per-10 row, and the MDE the power table's.
    main = other_fit.comparison.set_index(["model", "term"]).loc[
        ("wls", f"{OTHER_EXPOSURE} per 10 points")]
    assert head.loc["adjusted", "estimate"] == pytest.approx(main["estimate"])
    assert head.loc["adjusted", "mde_pp"] == pytest.approx(
        summary.power.set_index("slope").loc["adjusted", "mde_pp"])
    with pytest.raises(AttributeError):
        summary.no_such_table  # noqa: B018


def test_meta_states_the_mde_next_to_the_literature_range(written, other_fit):
    meta = json.loads((written / RC.META_JSON).read_text(encoding="utf-8"))
    head = meta["headline"]
    power = other_fit.power["adjusted"]
    assert head["adjusted"]["mde_pp"] == pytest.approx(power.mde, rel=1e-5)
    assert head["expected_low"] == pytest.approx(other_fit.expected.lower_pp, rel=1e-5)
    assert head["expected_high"] == pytest.approx(other_fit.expected.upper_pp, rel=1e-5)
    assert head["inference"] == "cluster" and "12 provinces" in head["reason"]
    assert meta["power"]["adjusted"]["per_points"] == 10
