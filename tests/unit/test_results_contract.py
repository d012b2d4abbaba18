"""The results contract: files and columns written by the fit and read by the reports, the
exposure found by ``is_exposure`` (any exposure column), and the summary object."""
from __future__ import annotations

import json
from pathlib import Path
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
    return fit_suite(world, year=2024, exposure=OTHER_EXPOSURE, covariates=("poverty_pct",),
                     bootstrap_draws=999, spatial_model="never", province_effects="no")


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
    assert marked == {OTHER_EXPOSURE}  # per point and per 10 points: one term, two scales
    assert set(meta["exposure"]["terms"]) == marked
    # The covariate and the intercept are never the exposure, whatever their scale.
    assert not estimates.loc[estimates["term"].isin(["poverty_pct", "(intercept)"]),
                             "is_exposure"].any()
    per_10 = estimates.loc[estimates["scale"].eq(RC.PER_10_POINTS)]
    assert len(per_10) and per_10["is_exposure"].all()
    assert not estimates["term"].str.contains(" per 10 points").any()  # no suffix encoding


def test_per_10_rows_are_ten_times_the_per_point_rows(written):
    estimates = read_estimates(written / RC.ESTIMATES_CSV)
    exposure = estimates.loc[estimates["is_exposure"]].set_index(["model", "term", "scale"])
    models = exposure.xs((OTHER_EXPOSURE, RC.PER_POINT), level=["term", "scale"]).index
    assert {"wls", "ols", "sensitivity:main"} <= set(models)
    for model in models:
        unit = exposure.loc[(model, OTHER_EXPOSURE, RC.PER_POINT), "estimate"]
        ten = exposure.loc[(model, OTHER_EXPOSURE, RC.PER_10_POINTS), "estimate"]
        # Both are rounded to 4 significant digits of their own row.
        assert ten == pytest.approx(10 * unit, rel=2e-3, abs=1e-9), model


def test_model_comparison_renders_with_another_exposure(written, other_fit):
    estimates = read_estimates(written / RC.ESTIMATES_CSV)
    meta = json.loads((written / RC.META_JSON).read_text(encoding="utf-8"))
    rows = content.model_comparison(estimates)
    assert set(rows["term"]) == {OTHER_EXPOSURE} and set(rows["scale"]) == {RC.PER_10_POINTS}
    expected_models = set(other_fit.comparison.loc[
        other_fit.comparison["term"].eq(OTHER_EXPOSURE)
        & other_fit.comparison["scale"].eq(RC.PER_10_POINTS), "model"])
    assert set(rows["model"]) == expected_models and {"wls", "ols", "province_fe"} <= set(
        rows["model"])
    assert content.is_per_10(rows)
    parts = sections.model_comparison(SimpleNamespace(estimates=estimates, meta=meta), "en")
    rendered = "".join(str(p) for p in parts)
    for model in ("wls", "province_fe", "fractional_logit"):
        assert model in rendered


def test_files_without_scale_and_is_exposure_are_refused_not_guessed(tmp_path):
    """The exposure is never guessed from term names (no " per 10 points" sniffing)."""
    old = pd.DataFrame({"model": ["ols", "ols", "ols"],
                        "term": ["x_pct", "x_pct per 10 points", "z"],
                        "estimate": [0.1, 1.0, 2.0], "std_error": 0.1, "ci_low": 0.0,
                        "ci_high": 1.0, "p_value": 0.5, "n_obs": 40, "n_clusters": 12})
    old.to_csv(tmp_path / "estimates.csv", index=False)
    with pytest.raises(ValueError, match=r"missing columns \['scale', 'is_exposure'\]"):
        RC.read_estimates(tmp_path / "estimates.csv")
    renamed = old.assign(term=["a", "b", "c"], scale=[RC.PER_POINT, RC.PER_10_POINTS,
                                                      RC.PER_POINT],
                         is_exposure=[True, True, False])
    renamed.to_csv(tmp_path / "estimates.csv", index=False)
    read = RC.read_estimates(tmp_path / "estimates.csv")
    assert list(RC.exposure_rows(read, per_10=True)["term"]) == ["b"]
    assert list(RC.exposure_rows(read, per_10=False)["term"]) == ["a"]


def test_a_file_missing_columns_is_named(tmp_path):
    path = tmp_path / "estimates.csv"
    pd.DataFrame({"model": ["ols"], "term": ["x"]}).to_csv(path, index=False)
    with pytest.raises(ValueError, match=r"estimates\.csv: missing columns \['estimate'"):
        RC.read_estimates(path)


def test_summary_object_has_text_html_and_tables(other_fit):
    summary = other_fit.summary(lang="en")
    assert str(summary) == summary.text and "Headline" in summary.text
    assert "Headline" in summary  # old callers used `in` on the string
    html = summary._repr_html_()
    assert html.startswith("<h3>") and "<table" in html and "0x" not in html
    assert {"headline", "comparison", "power", "sensitivity"} <= set(summary.tables)
    comparison = summary.comparison
    assert isinstance(comparison, pd.DataFrame)
    assert set(comparison["term"]) == {OTHER_EXPOSURE}  # the per-10-point rows only
    head = summary.headline.set_index("slope")
    assert list(head.index) == ["unadjusted", "adjusted"]
    # The headline's slope is the main model's per-10 row, and the MDE the power table's.
    main = other_fit.comparison.set_index(["model", "term", "scale"]).loc[
        ("wls", OTHER_EXPOSURE, RC.PER_10_POINTS)]
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


def test_headline_is_typed_and_reads_back_from_meta_json(other_fit, written):
    """Headline/Effect: what the fit writes reads back as the same objects, and the numbers
    agree with the per-10-point rows of estimates.csv read as plain CSV."""
    head = other_fit.headline()
    meta = json.loads((written / RC.META_JSON).read_text())
    back = RC.Headline.read(meta)
    assert back.adjusted.model == head.adjusted.model
    assert back.inference == head.inference and back.scale == RC.PER_10_POINTS
    csv = pd.read_csv(written / RC.ESTIMATES_CSV)
    for effect in back.effects().values():
        rows = csv.loc[csv["model"].eq(effect.model) & csv["scale"].eq(RC.PER_10_POINTS)
                       & csv["is_exposure"]]
        assert effect.estimate == pytest.approx(float(rows["estimate"].iloc[0]), rel=1e-12)
        boot = csv.loc[csv["model"].eq(effect.interval_model)
                       & csv["scale"].eq(RC.PER_10_POINTS)]
        assert effect.ci_low == pytest.approx(float(boot["ci_low"].iloc[0]), rel=1e-12)
    # Optional parts are left out of the record when absent, and read back as None.
    bare = RC.Effect(model="m", estimate=1.0, std_error=0.5, analytic_ci_low=0.0,
                     analytic_ci_high=2.0, analytic_p_value=0.05, analytic_inference="HC3",
                     n_obs=10)
    assert "ci_low" not in bare.write() and RC.Effect.read(bare.write()) == bare
    assert RC.Headline.read({}) is None


def test_fitted_models_answer_like_statsmodels_results(other_fit):
    """params, bse, conf_int() and summary() on every fitted model of the suite (the
    bootstrap rows and the raw statsmodels coefficient results aside)."""
    import numpy as np
    import statsmodels.api as sm
    for name, model in other_fit.models.items():
        if name.endswith(("_wild_bootstrap", "_coef")) or name == "random_intercept":
            continue
        assert np.shape(model.conf_int()) == (len(model.params), 2), name
        assert np.all(np.asarray(model.bse) > 0), name
        assert "coef" in model.summary() or "coef" in str(model.summary()), name
    data = other_fit.data
    ols = other_fit.models["ols"]
    ref = sm.OLS(data.y, data.X).fit(cov_type="cluster",
                                     cov_kwds={"groups": data.clusters})
    from scipy import stats
    np.testing.assert_allclose(ols.params, ref.params, rtol=1e-9)
    np.testing.assert_allclose(ols.bse, ref.bse, rtol=1e-9)  # CR1, the same correction
    np.testing.assert_allclose(ols.conf_int()[:, 1] - ols.params,
                               stats.t.ppf(0.975, data.n_clusters - 1) * ref.bse, rtol=1e-9)


def test_power_is_typed_and_reads_back_from_meta_json(written):
    """meta["power"] is a declared record (Power, DesignMde, RegenciesNeeded) written and read
    by results_contract; the MDE it carries is the hand formula on its own SE and df."""
    from scipy import stats

    from kbanalysis.results_contract import Power
    meta = json.loads((written / RC.META_JSON).read_text())
    power = Power.read(meta)
    design = power.adjusted
    by_hand = ((stats.t.ppf(0.975, design.df) + stats.t.ppf(0.8, design.df))
               * design.standard_error_per_point * design.per_points)
    assert design.mde_pp == pytest.approx(by_hand, rel=1e-4)
    assert power.regencies_needed["0.2"].target_pp == 0.2
    assert [row["regencies"] for row in power.curve] == sorted(r["regencies"]
                                                               for r in power.curve)
    assert Power.read({"power": power.write()}) == power
    assert Power.read({}) is None


# The committed results of the real default: each typed section of meta.json must read back
# the values a plain json reader sees, and write them back unchanged.
COMMITTED_META = Path(__file__).resolve().parents[2] / "results" / RC.META_JSON
TYPED_SECTIONS = {"primary": RC.Primary, "influence": RC.InfluenceSummary,
                  "covariate_timing": RC.CovariateTiming, "spatial": RC.Spatial,
                  "evalue": RC.EValueSummary, "measurement_error": RC.MeasurementError,
                  "designs": RC.Designs}


@pytest.fixture(scope="module")
def committed():
    return json.loads(COMMITTED_META.read_text(encoding="utf-8"))


def test_primary_reads_the_committed_record(committed):
    raw = committed["primary"]
    primary = RC.Primary.read(committed)
    assert primary.model == raw["model"]
    assert primary.interval_model == raw["interval_model"]
    assert primary.term == raw["term"]
    assert primary.scale == raw["scale"] == "pp per 10 points"
    assert primary.other_exposure_estimates == raw["other_exposure_estimates"]
    assert primary.statement == raw["statement"]
    assert primary.write() == raw


def test_influence_reads_the_committed_record(committed):
    raw = committed["influence"]
    info = RC.InfluenceSummary.read(committed)
    assert info.model == raw["model"]
    assert info.estimate_per_10 == raw["estimate_per_10"]
    assert info.std_error_per_10 == raw["std_error_per_10"]
    assert info.notable is raw["notable"]
    assert info.n_above_cooks_rule == raw["n_above_cooks_rule"]
    big, raw_big = info.largest, raw["largest"]
    assert (big.bps_code, big.name) == (raw_big["bps_code"], raw_big["name"])
    assert big.estimate_without_per_10 == raw_big["estimate_without_per_10"]
    assert big.change_per_10 == raw_big["change_per_10"]
    assert big.shift_in_se == raw_big["shift_in_se"]
    assert info.write() == raw


def test_covariate_timing_reads_the_committed_record(committed):
    raw = committed["covariate_timing"]
    timing = RC.CovariateTiming.read(committed)
    assert timing.exposure_year == raw["exposure_year"]
    assert timing.years == raw["years"]
    assert list(timing.post_exposure) == raw["post_exposure"]
    assert timing.write() == raw


def test_spatial_reads_the_committed_record(committed):
    raw = committed["spatial"]
    spatial = RC.Spatial.read(committed)
    assert spatial.k_neighbours == raw["k_neighbours"]
    assert spatial.test("moran") == (raw["moran_i"], raw["moran_p_permutation"])
    for name in ("lm_error", "lm_lag", "rlm_error", "rlm_lag", "lm_sarma"):
        assert spatial.test(name) == (raw[f"{name}_stat"], raw[f"{name}_p"])
    assert spatial.test("not_a_test") is None
    assert spatial.spatial_error_model_fitted is raw["spatial_error_model_fitted"]
    assert list(spatial.notes) == raw["notes"]
    assert spatial.write() == raw


def test_evalue_reads_the_committed_record(committed):
    raw = committed["evalue"]
    evalue = RC.EValueSummary.read(committed)
    assert evalue.evalue_point == raw["evalue_point"]
    assert evalue.evalue_ci == raw["evalue_ci"]
    assert evalue.prevalence_ratio == raw["prevalence_ratio"]
    assert (evalue.prevalence_ratio_ci_low, evalue.prevalence_ratio_ci_high) == (
        raw["prevalence_ratio_ci_low"], raw["prevalence_ratio_ci_high"])
    assert evalue.contrast == raw["contrast"]
    assert evalue.write() == raw


def test_measurement_error_reads_the_committed_record(committed):
    raw = committed["measurement_error"]
    info = RC.MeasurementError.read(committed)
    assert info.exposure.model == raw["exposure"]["model"]
    assert info.exposure.units == raw["exposure"]["units"]
    assert len(info.exposure.rows) == len(raw["exposure"]["rows"])
    for row, raw_row in zip(info.exposure.rows, raw["exposure"]["rows"]):
        assert (row.reliability, row.net_reliability, row.status) == (
            raw_row["reliability"], raw_row["net_reliability"], raw_row["status"])
        assert (row.estimate, row.ci_low, row.ci_high, row.mde_pp) == (
            raw_row.get("estimate"), raw_row.get("ci_low"), raw_row.get("ci_high"),
            raw_row.get("mde_pp"))
    ok = [r["reliability"] for r in raw["exposure"]["rows"] if r["status"] == "ok"]
    assert [row.reliability for row in info.exposure.fitted_rows()] == ok
    out = raw["outcome"]
    assert (info.outcome.estimate_per_10, info.outcome.ci_low_per_10,
            info.outcome.ci_high_per_10) == (out["estimate_per_10"], out["ci_low_per_10"],
                                             out["ci_high_per_10"])
    assert (info.outcome.sampling_se_min, info.outcome.sampling_se_max) == (
        out["sampling_se_min"], out["sampling_se_max"])
    assert info.write() == raw


def test_an_unidentifiable_reliability_row_keeps_only_what_it_has():
    row = {"reliability": 0.1, "net_reliability": -0.2, "status": "not identifiable: x"}
    record = {"measurement_error": {"exposure": {"model": "wls", "rows": [row], "method": "m",
                                                 "units": "pp per 10 points"}}}
    info = RC.MeasurementError.read(record)
    assert info.exposure.rows[0].estimate is None
    assert info.exposure.fitted_rows() == ()
    assert info.outcome is None
    assert info.write() == record["measurement_error"]


def test_designs_read_the_committed_records(committed):
    raw = committed["designs"]
    designs = RC.Designs.read(committed)
    assert sorted(designs.designs) == sorted(raw)
    base, raw_base = designs.get("baseline"), raw["baseline"]
    assert base.status == raw_base["status"]
    assert base.estimated is (raw_base["status"] == "estimated")
    assert list(base.notes) == raw_base["notes"]
    assert list(base.table) == raw_base["table"]
    assert base.statistics["estimate_per_10"] == raw_base["estimate_per_10"]
    assert base.statistics["baseline_coefficient"] == raw_base["baseline_coefficient"]
    assert "table" not in base.statistics and "status" not in base.statistics
    change = designs.get("change")
    assert (change.statistics["from_year"], change.statistics["to_year"]) == (
        raw["change"]["from_year"], raw["change"]["to_year"])
    assert list(change.rows) == raw["change"]["rows"]
    province = designs.get("province")
    assert province.statistics["spearman_rho"] == raw["province"]["spearman_rho"]
    assert designs.get("no_such_design") is None
    assert designs.write() == raw


def test_headline_reads_the_committed_record(committed):
    raw = committed["headline"]["adjusted"]
    adjusted = RC.Headline.read(committed).adjusted
    assert (adjusted.model, adjusted.interval_model) == (raw["model"], raw["interval_model"])
    assert (adjusted.estimate, adjusted.ci_low, adjusted.ci_high) == (
        raw["estimate"], raw["ci_low"], raw["ci_high"])
    assert RC.Headline.read(committed).write() == committed["headline"]


@pytest.mark.parametrize("key", sorted(TYPED_SECTIONS))
def test_a_missing_or_null_section_reads_as_none(committed, key):
    reader = TYPED_SECTIONS[key]
    assert reader.read({k: v for k, v in committed.items() if k != key}) is None
    assert reader.read({**committed, key: None}) is None
    assert reader.read(None) is None


def test_the_suite_writes_its_sections_through_the_contract(written):
    """A fresh fit's meta.json (another exposure, another world) reads back and rewrites to
    the same records."""
    meta = json.loads((written / RC.META_JSON).read_text())
    for key, reader in TYPED_SECTIONS.items():
        if meta.get(key) is not None:
            assert reader.read(meta).write() == meta[key], key
    assert RC.Primary.read(meta).term == OTHER_EXPOSURE
