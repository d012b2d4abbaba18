"""What a referee asks of the main model (issue 18), each against an independent computation:
influence (statsmodels OLSInfluence on the whitened regression, brute-force refits), the
baseline-adjusted design (statsmodels WLS with HC3), measurement error (moment-corrected
normal equations, simulation), power against the number of regencies (statsmodels' exact
noncentral-t power), the Spearman interval (coverage by simulation), the urban and timing
variants (statsmodels on a kota dummy built from the ``type`` column, not from the code)."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats

from kbanalysis import config
from kbanalysis.models import fit_suite
from kbanalysis.models.designs import (
    PUBLISHED_FOR_PLACEHOLDER,
    baseline_design,
    change_design,
    province_design,
    spearman_interval,
)
from kbanalysis.models.influence import influence
from kbanalysis.models.measurement import (
    attenuation_table,
    between_regency_variance,
    net_reliability,
    precision_weighted,
    ssgi_effective_n,
    ssgi_standard_error,
)
from kbanalysis.models.power import design_power, mde_at, regencies_needed
from kbanalysis.models.sensitivity import urban_indicator
from kbanalysis.results_contract import INFLUENCE_COLUMNS, INFLUENCE_CSV, META_JSON
from kbanalysis.simulate.synthetic import synthetic_table


def _regression(n=40, seed=3, k=3):
    rng = np.random.default_rng(seed)
    X = np.column_stack([np.ones(n), rng.normal(50, 20, n), rng.normal(size=(n, k - 2))])
    y = 20 - 0.03 * X[:, 1] + X[:, 2:] @ np.full(k - 2, 0.5) + rng.normal(0, 3, n)
    w = rng.uniform(0.3, 3.0, n)
    return X, y, w / w.mean()


# --------------------------------------------------------------------------------------
# Influence


def test_leave_one_out_matches_brute_force_refits():
    X, y, w = _regression()
    frame = pd.DataFrame({"bps_code": [f"{i:04d}" for i in range(len(y))], "name": "r"})
    result = influence("wls", X, y, w, 1, 0.02, frame)
    for i in (0, 7, 23):
        keep = np.arange(len(y)) != i
        refit = sm.WLS(y[keep], X[keep], weights=w[keep]).fit()
        assert result.table["estimate_without_per_10"].iloc[i] == pytest.approx(
            10 * refit.params[1], rel=1e-9)
    full = sm.WLS(y, X, weights=w).fit().params[1]
    shifts = [abs(sm.WLS(np.delete(y, i), np.delete(X, i, 0),
                         weights=np.delete(w, i)).fit().params[1] - full)
              for i in range(len(y))]
    assert result.largest["bps_code"] == frame["bps_code"].iloc[int(np.argmax(shifts))]
    assert result.largest["shift_in_se"] == pytest.approx(max(shifts) / 0.02, rel=1e-9)


def test_leverage_and_cooks_distance_match_statsmodels():
    X, y, w = _regression(seed=5)
    frame = pd.DataFrame({"bps_code": [str(i) for i in range(len(y))], "name": "r"})
    result = influence("wls", X, y, w, 1, 0.02, frame)
    sw = np.sqrt(w)
    ref = sm.OLS(y * sw, X * sw[:, None]).fit().get_influence()  # WLS = OLS on whitened data
    np.testing.assert_allclose(result.table["leverage"], ref.hat_matrix_diag, rtol=1e-9)
    np.testing.assert_allclose(result.table["cooks_distance"], ref.cooks_distance[0], rtol=1e-9)
    assert list(result.table.columns) == INFLUENCE_COLUMNS


def test_influence_sentence_only_above_half_a_standard_error():
    X, y, w = _regression(seed=8)
    frame = pd.DataFrame({"bps_code": [str(i) for i in range(len(y))], "name": "r"})
    shift = abs(influence("wls", X, y, w, 1, 1.0, frame).largest["change_per_10"]) / 10
    assert influence("wls", X, y, w, 1, shift / 0.6, frame).notable      # 0.6 SE
    assert not influence("wls", X, y, w, 1, shift / 0.4, frame).notable  # 0.4 SE


# --------------------------------------------------------------------------------------
# Measurement error


def test_net_reliability_matches_moment_corrected_normal_equations():
    """Regression calibration in matrix form: (X'WX - sum(w) diag(0, s_u^2, 0)) b = X'Wy with
    s_u^2 = (1 - lambda) var_w(x); its slope over the naive one is 1 / lambda_net."""
    X, y, w = _regression(seed=11)
    naive = sm.WLS(y, X, weights=w).fit().params[1]
    x = X[:, 1]
    var_x = np.average((x - np.average(x, weights=w)) ** 2, weights=w)
    others = np.delete(X, 1, axis=1)
    net = x - others @ sm.WLS(x, others, weights=w).fit().params
    var_net = np.average(net ** 2, weights=w)
    for reliability in (0.9, 0.7, 0.5):
        error = np.zeros((X.shape[1], X.shape[1]))
        error[1, 1] = (1 - reliability) * var_x * w.sum()
        corrected = np.linalg.solve(X.T @ (X * w[:, None]) - error, X.T @ (w * y))[1]
        lam = net_reliability(reliability, np.sqrt(var_x), np.sqrt(var_net))
        assert naive / lam == pytest.approx(corrected, rel=1e-9)
    rows = attenuation_table(1.0, -2.0, 4.0, 3.0, 1.0, 0.5, reliabilities=(1.0, 0.8, 0.7))
    assert rows[0]["estimate"] == 1.0 and rows[1]["estimate"] == pytest.approx(1 / 0.2)
    assert rows[2]["status"].startswith("not identifiable")  # 1 - 0.3 * 4 < 0


def test_reliability_correction_recovers_the_true_slope():
    rng = np.random.default_rng(2)
    n = 1_000_000
    z = rng.normal(size=n)
    x_true = 50 + 10 * z + rng.normal(0, 15, n)
    x_obs = x_true + rng.normal(0, 12, n)  # reliability 325 / 469
    y = 20 - 0.05 * x_true + 2 * z + rng.normal(0, 3, n)
    X = np.column_stack([np.ones(n), x_obs, z])
    naive = np.linalg.lstsq(X, y, rcond=None)[0][1]
    sd_x = x_obs.std()
    sd_net = (x_obs - np.polyval(np.polyfit(z, x_obs, 1), z)).std()
    lam = net_reliability(325 / 469, sd_x, sd_net)
    assert naive / lam == pytest.approx(-0.05, rel=0.02)
    assert abs(naive - -0.05) > 0.01  # the naive slope is visibly attenuated


def test_ssgi_standard_error_reproduces_the_band_at_national_prevalence():
    p0, half = config.SSGI_2024_NATIONAL_PCT, config.SSGI_REGENCY_HALF_WIDTH_95
    assert 1.959964 * ssgi_standard_error(p0) == pytest.approx(half, rel=1e-6)
    # hand: n_eff = 19.8 * 80.2 / (4 / 1.959964)^2 = 381.26; SE(10 %) = sqrt(900 / 381.26)
    assert ssgi_effective_n() == pytest.approx(381.26, abs=0.01)
    assert ssgi_standard_error(10.0) == pytest.approx(1.5364, abs=1e-4)
    assert ssgi_standard_error(30.0) == pytest.approx(2.3470, abs=1e-4)


def test_between_regency_variance_is_unbiased_by_simulation():
    rng = np.random.default_rng(4)
    n, tau2 = 60, 4.0
    X = np.column_stack([np.ones(n), rng.uniform(10, 90, n)])
    se2 = rng.uniform(1.5, 6.0, n)
    draws = [between_regency_variance(X, X @ [20, -0.02] + rng.normal(0, np.sqrt(tau2 + se2)),
                                      se2) for _ in range(3000)]
    assert np.mean(draws) == pytest.approx(tau2, rel=0.05)


def test_precision_weighted_fit_matches_statsmodels_wls():
    X, _, _ = _regression(seed=9)
    rng = np.random.default_rng(99)
    y = np.clip(25 - 0.05 * X[:, 1] + rng.normal(0, 3, len(X)), 2, 60)
    result = precision_weighted(X, y, ["c", "x", "z"])
    se = np.sqrt(y * (100 - y) / ssgi_effective_n())
    ref = sm.WLS(y, X, weights=1 / (result.tau2 + se ** 2)).fit(cov_type="HC3")
    np.testing.assert_allclose(result.fit.params, ref.params, rtol=1e-9)
    np.testing.assert_allclose(result.fit.bse, ref.bse, rtol=1e-9)
    # A survey value of exactly 0 still gets a finite weight (its SE is that of 1 %).
    y[0] = 0.0
    assert np.isfinite(precision_weighted(X, y, ["c", "x", "z"]).fit.params).all()
    assert ssgi_standard_error(0.0) == pytest.approx(np.sqrt(99 / ssgi_effective_n()))


# --------------------------------------------------------------------------------------
# Power against the number of regencies


def test_regencies_needed_agrees_with_exact_noncentral_t_power():
    X, y, w = _regression(n=35, seed=12)
    fit = sm.WLS(y, X, weights=w).fit(cov_type="HC3")
    design = design_power("wls", X, fit.resid.to_numpy() if hasattr(fit.resid, "to_numpy")
                          else fit.resid, w, 1, fit.bse[1], 32, "HC3", scale=10.0)
    assert mde_at(35, design, 3) == pytest.approx(design.mde, rel=1e-9)
    target = design.mde / 3
    n = regencies_needed(target, design, 3)
    assert mde_at(n, design, 3) <= target < mde_at(n - 1, design, 3)
    # statsmodels: power of a t test with noncentrality target / SE(n), df n - 3
    se_1 = np.sqrt(design.variance_inflation) * design.residual_sd / design.exposure_sd_net
    power = sm.stats.TTestPower().power(effect_size=target / 10 / se_1, nobs=n, alpha=0.05,
                                        df=n - 3)
    assert power == pytest.approx(0.80, abs=0.01)


# --------------------------------------------------------------------------------------
# Province rank correlation


def test_spearman_interval_covers_by_simulation():
    rng = np.random.default_rng(6)
    rho, n = 0.5, 25
    truth = 6 / np.pi * np.arcsin(rho / 2)  # Spearman's rho of a bivariate normal
    cov = [[1, rho], [rho, 1]]
    hits = 0
    reps = 2000
    for _ in range(reps):
        a, b = rng.multivariate_normal([0, 0], cov, n).T
        low, high = spearman_interval(stats.spearmanr(a, b)[0], n)
        hits += low <= truth <= high
    assert 0.93 <= hits / reps <= 0.97


def _tidy(values: dict, year=2022):
    rows = []
    for code, (exposure, outcome) in values.items():
        rows.append({"region_code": code, "level": "province", "year": year,
                     "indicator": "postpartum_modern_method_pct", "value": exposure,
                     "flags": "", "source_id": "susenas"})
        if outcome is not None:
            rows.append({"region_code": code, "level": "province", "year": year,
                         "indicator": "stunting_survey_pct", "value": outcome, "flags": "",
                         "source_id": "ssgi"})
    return pd.DataFrame(rows)


def test_placeholder_what_if_uses_the_published_value_flagged():
    (code, year), published = next(iter(PUBLISHED_FOR_PLACEHOLDER.items()))
    rng = np.random.default_rng(7)
    values = {f"{11 + i}": (float(rng.uniform(40, 90)), float(rng.uniform(10, 35)))
              for i in range(12)}
    values[code] = (55.0, None)  # the placeholder is rejected by the reader: no outcome
    result = province_design(_tidy(values, year))
    what_if = result.statistics["with_published_placeholders"]
    frame = pd.DataFrame(values, index=["x", "y"]).T
    frame.loc[code, "y"] = published
    assert what_if["spearman_rho"] == pytest.approx(
        stats.spearmanr(frame["x"].astype(float), frame["y"].astype(float))[0], rel=1e-12)
    assert what_if["n_provinces"] == 13 and what_if["flag"] == "secondary_source"
    assert result.statistics["n_provinces"] == 12  # the result itself is unchanged


# --------------------------------------------------------------------------------------
# Baseline-adjusted design


def test_baseline_design_matches_statsmodels_wls_hc3():
    rng = np.random.default_rng(13)
    n = 30
    codes = [f"33{i:02d}" for i in range(1, n + 1)]
    kbpp = rng.uniform(15, 90, n)
    before = rng.uniform(12, 30, n)
    after = 5 + 0.6 * before - 0.01 * kbpp + rng.normal(0, 2, n)
    children = rng.uniform(5e3, 1e5, n)
    rows = []
    for i, code in enumerate(codes):
        base = {"bps_code": code, "name": f"R{i}", "province_bps": "33", "flags": ""}
        rows += [{**base, "year": 2021, "kbpp_coverage_pct": kbpp[i]},
                 {**base, "year": 2022, "stunting_survey_pct": before[i]},
                 {**base, "year": 2024, "stunting_survey_pct": after[i],
                  "children_0_4": children[i]}]
    table = pd.DataFrame(rows)
    result = baseline_design(table, exposure="kbpp_coverage_pct", exposure_year=2021,
                             outcome_year=2024, weights="children_0_4", weights_year=2024,
                             draws=999, seed=1)
    X = sm.add_constant(np.column_stack([kbpp, before]))
    ref = sm.WLS(after, X, weights=children).fit(cov_type="HC3")
    stats_ = result.statistics
    assert stats_["baseline_year"] == 2022 and stats_["n_obs"] == n
    assert stats_["estimate_per_10"] == pytest.approx(10 * ref.params[1], rel=1e-9)
    assert stats_["ci_low_per_10"] == pytest.approx(
        10 * (ref.params[1] - stats.t.ppf(0.975, n - 3) * ref.bse[1]), rel=1e-9)
    assert stats_["baseline_coefficient"]["estimate"] == pytest.approx(ref.params[2], rel=1e-9)
    assert any("measured after the exposure" in note for note in result.notes)
    # The suite hands over the change design's rows when its pair ends in the outcome year.
    change = change_design(table, exposure="kbpp_coverage_pct", exposure_year=2021,
                           weights="children_0_4", weights_year=2024, draws=999, seed=1)
    reused = baseline_design(table, exposure="kbpp_coverage_pct", exposure_year=2021,
                             outcome_year=2024, weights="children_0_4", weights_year=2024,
                             draws=999, seed=1, change=change)
    assert reused.statistics["estimate_per_10"] == pytest.approx(stats_["estimate_per_10"],
                                                                 rel=1e-12)


# --------------------------------------------------------------------------------------
# On the real default


@pytest.fixture(scope="module")
def real(analysis_csv):
    from kbanalysis.dataset import load_analysis
    table = load_analysis(analysis_csv)
    if table["kbpp_coverage_pct"].notna().sum() < 10:
        pytest.skip("no real KBPP coverage in the committed table")
    return table, fit_suite(table, bootstrap_draws=999, designs=False)


def test_unadjusted_fit_is_labelled_from_its_own_columns(real):
    _, results = real
    n = results.data.n_obs
    assert results.model_info["wls_unadjusted"]["inference"].endswith(f"t({n - 2})")
    assert results.power["unadjusted"].inference.endswith(f"t({n - 2})")
    k = 2 + len(results.spec.covariates)  # intercept, exposure, covariates
    assert results.model_info["wls"]["inference"].endswith(f"t({n - k})")


def test_urban_and_timing_variants_match_statsmodels(real):
    table, results = real
    rows = results.data.frame[["bps_code"]].merge(
        table.loc[table["year"].eq(results.spec.outcome_year), ["bps_code", "type"]],
        on="bps_code")
    kota = rows["type"].astype(str).str.lower().eq("kota").to_numpy(float)
    data = results.data
    grid = results.sensitivity.set_index("variant")
    ref = sm.WLS(data.y, np.column_stack([data.X, kota]), weights=data.weights).fit(
        cov_type="HC3")
    assert grid.loc["covariates_add_urban_kota", "estimate"] == pytest.approx(ref.params[1],
                                                                              rel=1e-8)
    assert grid.loc["covariates_add_urban_kota", "std_error"] == pytest.approx(ref.bse[1],
                                                                               rel=1e-8)
    post = results.covariate_timing.post_exposure
    keep = [0, 1] + [2 + i for i, c in enumerate(results.spec.covariates) if c not in post]
    ref = sm.WLS(data.y, data.X[:, keep], weights=data.weights).fit(cov_type="HC3")
    assert grid.loc["timing_pre_exposure_only", "estimate"] == pytest.approx(ref.params[1],
                                                                             rel=1e-8)
    np.testing.assert_array_equal(urban_indicator(rows["bps_code"]), kota)


def test_written_results_carry_influence_and_regencies_needed(real, tmp_path):
    _, results = real
    results.write(tmp_path)
    written = pd.read_csv(tmp_path / INFLUENCE_CSV, dtype={"bps_code": str})
    assert list(written.columns) == INFLUENCE_COLUMNS
    assert sorted(written["bps_code"]) == sorted(results.data.frame["bps_code"])
    meta = json.loads((tmp_path / META_JSON).read_text())
    needed = meta["power"]["regencies_needed"]
    assert needed["0.2"]["regencies"] > results.data.n_obs
    assert meta["influence"]["largest"]["bps_code"] in set(written["bps_code"])
    assert meta["primary"]["model"] == results.main_model


def test_synthetic_world_runs_the_referee_checks():
    table = synthetic_table(n_provinces=1, regencies_per_province=35, seed=3)
    results = fit_suite(table, year=2024, bootstrap_draws=999, sensitivity=False)
    assert len(results.influence.table) == results.data.n_obs
    assert "precision_weighted" in results.models
    # The designs are flagged from the inputs the preparation found simulated (here all of
    # them), not by recognising the synthetic world again.
    assert all(d.statistics["simulated"] for d in results.designs.values())


def test_real_designs_are_not_flagged_simulated(real):
    table, _ = real
    results = fit_suite(table, bootstrap_draws=999, sensitivity=False)
    assert not any(d.statistics["simulated"] for d in results.designs.values())


def test_report_section_reads_the_committed_results():
    """The national report's section, from results/ as written: the influence sentence names
    the regency that influence.csv (read as plain CSV here) shows moving the slope most, and
    the regencies needed for 0.2 pp is the one meta.json records, in both languages."""
    import csv

    from kbanalysis.reporting import referee
    results_dir = config.RESULTS_DIR
    meta = json.loads((results_dir / META_JSON).read_text(encoding="utf-8"))
    if not meta.get("influence"):
        pytest.skip("results/ predates the referee checks")
    with open(results_dir / INFLUENCE_CSV, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    biggest = max(rows, key=lambda r: abs(float(r["change_per_10"])))
    needed = meta["power"]["regencies_needed"]["0.2"]["regencies"]
    for lang in ("en", "id"):
        text = "\n".join(repr(b) for b in referee.sections(meta, lang,
                                                           referee.read_influence(results_dir)))
        assert f"Without {biggest['name']}" in text or f"Tanpa {biggest['name']}" in text
        assert f"{needed:,}".replace(",", "." if lang == "id" else ",") in text
