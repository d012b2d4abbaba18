"""Fixes an independent re-fit of the suite found (issue 10, section 3), each checked against a
second implementation: random-intercept SEs (lme4's fixed-effect block), spatial checks on
the main model's weighted residuals, one small-sample convention for fixed effects, and
notes that say how every model is weighted."""
from __future__ import annotations

import warnings

import esda
import numpy as np
import pandas as pd
import pytest
import spreg
import statsmodels.api as sm
from scipy import linalg

from kbanalysis.models import fit_suite
from kbanalysis.models.linear import fit_linear
from kbanalysis.models.spatial import (
    _lag_matrix,
    knn_neighbours,
    knn_weights,
    regression_tests,
    spatial_diagnostics,
)
from kbanalysis.simulate.synthetic import synthetic_table


@pytest.fixture(scope="module")
def world():
    return synthetic_table(n_provinces=14, regencies_per_province=(5, 9), seed=31)


@pytest.fixture(scope="module")
def results(world):
    return fit_suite(world, year=2024, bootstrap_draws=999, spatial_model="always",
                     sensitivity=False,
                     province_effects="no")


def test_random_intercept_se_is_the_fixed_effect_block(results):
    data = results.data
    fitted = results.models["random_intercept"]
    groups = np.unique(data.frame["province_bps"].astype(str), return_inverse=True)[1]
    tau2, sigma2 = float(np.asarray(fitted.cov_re)[0, 0]), float(fitted.scale)
    # Second implementation: the dense block-diagonal V, inverted as a whole.
    blocks = [sigma2 * np.eye(n) + tau2 * np.ones((n, n)) for n in np.bincount(groups)]
    order = np.argsort(groups, kind="stable")
    X = data.X[order]
    V = linalg.block_diag(*blocks)
    expected = np.sqrt(np.diag(np.linalg.inv(X.T @ np.linalg.solve(V, X))))
    rows = results.comparison.loc[(results.comparison["model"] == "random_intercept")
                                  & (results.comparison["scale"] == "pp per unit")]
    se = rows.set_index("term")["std_error"]
    for j, name in enumerate(data.names):
        if name in se.index:
            assert se[name] == pytest.approx(expected[j], rel=1e-9), name
    # statsmodels' joint-Hessian SEs differ by a few percent at most, and the notes say
    # which convention is shown.
    np.testing.assert_allclose(expected, np.asarray(fitted.bse_fe), rtol=0.05)
    notes = " ".join(results.model_info["random_intercept"]["notes"])
    assert "lme4" in notes and "bse_fe" in notes


def test_province_fe_leaves_nested_effects_out_of_k(results, world):
    data = results.data
    assert not data.hc3
    row = results.comparison.set_index(["model", "term", "scale"]).loc[
        ("province_fe", "kbpp_coverage_pct", "pp per unit")]
    # Second implementation: demean by province (weighted) and fit without the effects.
    w = data.weights
    provinces = data.frame["province_bps"].astype(str).to_numpy()
    frame = pd.DataFrame(data.X[:, 1:], columns=data.names[1:]).assign(y=data.y, w=w,
                                                                        g=provinces)

    def demean(column):
        means = frame.groupby("g").apply(lambda p: np.average(p[column], weights=p["w"]),
                                         include_groups=False)
        return frame[column] - frame["g"].map(means)

    Xd = np.column_stack([demean(c) for c in data.names[1:]])
    within = fit_linear(Xd, demean("y").to_numpy(), data.names[1:], weights=w,
                        clusters=data.clusters)
    assert row["estimate"] == pytest.approx(within.params[0], rel=1e-9)
    assert row["std_error"] == pytest.approx(within.bse[0], rel=1e-9)
    # statsmodels counts every dummy in K: the ratio is exactly the two corrections'.
    dummies = pd.get_dummies(provinces, dtype=float).iloc[:, 1:].to_numpy()
    Xall = np.column_stack([data.X, dummies])
    sm_fit = sm.WLS(data.y, Xall, weights=w).fit(cov_type="cluster",
                                                  cov_kwds={"groups": data.clusters})
    n, k_all, k_explicit = len(data.y), Xall.shape[1], data.X.shape[1] - 1
    assert row["std_error"] == pytest.approx(
        sm_fit.bse[1] * np.sqrt((n - k_all) / (n - k_explicit)), rel=1e-9)
    assert "not counted in K" in results.model_info["province_fe"]["inference"]


def test_province_fe_counts_the_dummies_under_hc3():
    world = synthetic_table(n_provinces=4, regencies_per_province=(9, 12), seed=8)
    res = fit_suite(world, year=2024, bootstrap_draws=999, sensitivity=False,
                    spatial_model="never",
                    province_effects="no")
    assert res.data.hc3
    assert "province dummies counted in K" in res.model_info["province_fe"]["inference"]


def test_lm_tests_equal_spreg_for_ols():
    rng = np.random.default_rng(3)
    n = 120
    lat, lon = rng.uniform(-8, 4, n), rng.uniform(96, 140, n)
    lag = _lag_matrix(knn_neighbours(lat, lon, 6))
    errors = np.linalg.solve(np.eye(n) - 0.4 * lag, rng.normal(size=n))
    X = np.column_stack([np.ones(n), rng.normal(size=n), rng.normal(size=n)])
    y = X @ [1.0, 0.5, -0.2] + errors
    lm, moran = regression_tests(y, X, lag)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = spreg.OLS(y[:, None], X[:, 1:], w=knn_weights(lat, lon, 6), spat_diag=True,
                        moran=True)
    for name in ("lm_error", "lm_lag", "rlm_error", "rlm_lag", "lm_sarma"):
        assert lm[name][0] == pytest.approx(float(getattr(ref, name)[0]), rel=1e-10), name
        assert lm[name][1] == pytest.approx(float(getattr(ref, name)[1]), rel=1e-8), name
    np.testing.assert_allclose(moran, np.asarray(ref.moran_res, dtype=float), rtol=1e-10)


def test_spatial_checks_use_the_main_models_weighted_residuals(results):
    data, spatial = results.data, results.spatial
    fit = results.models["wls"]
    scaled = np.sqrt(data.weights) * fit.resid
    coords = data.frame[["latitude", "longitude"]].to_numpy(float)
    reference = esda.Moran(scaled, knn_weights(coords[:, 0], coords[:, 1], spatial.k),
                           permutations=0)
    assert spatial.moran.statistic == pytest.approx(reference.I, rel=1e-10)
    assert "WLS" in spatial.residuals and "sqrt(weight)" in spatial.residuals
    # Not the unweighted residuals any more.
    raw = esda.Moran(fit.resid, knn_weights(coords[:, 0], coords[:, 1], spatial.k),
                     permutations=0)
    assert spatial.moran.statistic != pytest.approx(raw.I, rel=1e-6)


def test_constant_weights_give_the_unweighted_diagnostics():
    rng = np.random.default_rng(4)
    n = 80
    lat, lon = rng.uniform(-8, 4, n), rng.uniform(96, 140, n)
    X = np.column_stack([np.ones(n), rng.normal(size=n)])
    y = X @ [1.0, 0.3] + rng.normal(size=n)
    resid = y - X @ np.linalg.lstsq(X, y, rcond=None)[0]
    plain, _ = spatial_diagnostics(y, X, resid, lat, lon, seed=1)
    weighted, _ = spatial_diagnostics(y, X, resid, lat, lon, seed=1,
                                      weights=np.full(n, 2.5))
    assert weighted.moran.statistic == pytest.approx(plain.moran.statistic, rel=1e-12)
    for name in plain.lm:
        assert weighted.lm[name][0] == pytest.approx(plain.lm[name][0], rel=1e-9)


def test_every_models_notes_say_how_it_is_weighted(results):
    panel = synthetic_table(n_provinces=12, regencies_per_province=(4, 8),
                            years=range(2018, 2025), lag=1, seed=3)
    with_panel = fit_suite(panel, bootstrap_draws=999, sensitivity=False,
                           spatial_model="never")
    for res in (results, with_panel):
        for name, info in res.model_info.items():
            first = [n for n in info["notes"] if n.startswith(("weighted by", "unweighted"))]
            assert first, (name, info["notes"])
        assert "panel_twfe" in with_panel.model_info
    # Stunting is a share of children: children 0-4 first; this world has none, and says so.
    assert results.model_info["wls"]["notes"][0].startswith("weighted by population")
    assert "weights: children_0_4 not in the table, so population instead" in results.notes
