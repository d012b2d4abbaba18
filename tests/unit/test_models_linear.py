"""OLS/WLS and CR1 cluster-robust variances against independent computations."""
from __future__ import annotations

import numpy as np
import pytest
import statsmodels.api as sm

from kbanalysis.models.linear import cr1_vcov, fit_linear

# A small fixed data set: 12 regencies in 4 provinces (values typed by hand).
Y = np.array([21.0, 18.5, 25.2, 30.1, 14.8, 19.9, 27.3, 22.4, 16.0, 24.7, 28.8, 20.5])
COVERAGE = np.array([40.0, 52.0, 35.0, 28.0, 61.0, 47.0, 33.0, 44.0, 58.0, 39.0, 30.0, 50.0])
POVERTY = np.array([10.0, 8.5, 14.0, 18.2, 6.1, 9.9, 16.4, 11.0, 7.2, 13.3, 17.5, 9.0])
CLUSTERS = np.array([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3])
WEIGHTS = np.array([1.0, 2.0, 0.5, 1.5, 3.0, 1.0, 2.5, 0.8, 1.2, 2.0, 1.0, 0.7])
X = np.column_stack([np.ones(12), COVERAGE, POVERTY])
NAMES = ["(intercept)", "coverage", "poverty"]


def hand_cr1(X, y, w, clusters):
    """Textbook formulas written out term by term, with a loop over clusters."""
    W = np.diag(w)
    beta = np.linalg.solve(X.T @ W @ X, X.T @ W @ y)
    e = y - X @ beta
    bread = np.linalg.inv(X.T @ W @ X)
    meat = np.zeros((X.shape[1], X.shape[1]))
    for g in np.unique(clusters):
        rows = clusters == g
        score = X[rows].T @ (w[rows] * e[rows])
        meat += np.outer(score, score)
    n, k = X.shape
    G = len(np.unique(clusters))
    return beta, G / (G - 1) * (n - 1) / (n - k) * bread @ meat @ bread


@pytest.mark.parametrize("weights", [None, WEIGHTS], ids=["ols", "wls"])
def test_coefficients_and_cr1_match_the_closed_form(weights):
    w = np.ones(12) if weights is None else weights
    beta, vcov = hand_cr1(X, Y, w, CLUSTERS)
    fit = fit_linear(X, Y, NAMES, weights=weights, clusters=CLUSTERS)
    np.testing.assert_allclose(fit.params, beta, rtol=0, atol=1e-8)
    np.testing.assert_allclose(fit.vcov, vcov, rtol=0, atol=1e-8)
    assert fit.df_t == 3 and fit.n_clusters == 4 and fit.n_obs == 12


@pytest.mark.parametrize("weights", [None, WEIGHTS], ids=["ols", "wls"])
def test_cr1_agrees_with_statsmodels(weights):
    model = sm.OLS(Y, X) if weights is None else sm.WLS(Y, X, weights=weights)
    reference = model.fit(cov_type="cluster", cov_kwds={"groups": CLUSTERS})
    fit = fit_linear(X, Y, NAMES, weights=weights, clusters=CLUSTERS)
    np.testing.assert_allclose(fit.params, reference.params, atol=1e-8)
    np.testing.assert_allclose(fit.bse, reference.bse, atol=1e-8)


def test_weights_scale_does_not_matter():
    a = fit_linear(X, Y, NAMES, weights=WEIGHTS, clusters=CLUSTERS)
    b = fit_linear(X, Y, NAMES, weights=WEIGHTS * 1000, clusters=CLUSTERS)
    np.testing.assert_allclose(a.params, b.params, atol=1e-10)
    np.testing.assert_allclose(a.vcov, b.vcov, atol=1e-10)


@pytest.mark.parametrize("weights", [None, WEIGHTS], ids=["ols", "wls"])
def test_t_reference_with_g_minus_1_degrees_of_freedom(weights):
    fit = fit_linear(X, Y, NAMES, weights=weights, clusters=CLUSTERS)
    # t(3), 97.5 % point, from a printed t table: 3.182446.
    ci = fit.conf_int()
    np.testing.assert_allclose((ci[:, 1] - fit.params) / fit.bse, 3.182446, rtol=1e-6)
    # p-values and intervals from a second implementation: statsmodels' cluster-robust
    # inference with a t reference, which uses G - 1 = 3 degrees of freedom.
    model = sm.OLS(Y, X) if weights is None else sm.WLS(Y, X, weights=weights)
    reference = model.fit(cov_type="cluster", cov_kwds={"groups": CLUSTERS}, use_t=True)
    assert reference.df_resid_inference == 3
    np.testing.assert_allclose(fit.pvalues, reference.pvalues, rtol=1e-8)
    np.testing.assert_allclose(ci, reference.conf_int(), rtol=1e-8)


def test_no_clusters_means_hc1():
    fit = fit_linear(X, Y, NAMES)
    reference = sm.OLS(Y, X).fit(cov_type="HC1")
    np.testing.assert_allclose(fit.bse, reference.bse, atol=1e-8)


def test_cr1_vcov_is_invariant_to_cluster_labels():
    relabelled = np.array([7, 7, 7, 2, 2, 2, 9, 9, 9, 4, 4, 4])
    fit = fit_linear(X, Y, NAMES, clusters=CLUSTERS)
    np.testing.assert_allclose(cr1_vcov(X, fit.resid, None, relabelled), fit.vcov, atol=1e-12)


def test_terms_table_has_one_row_per_term():
    frame = fit_linear(X, Y, NAMES, clusters=CLUSTERS).terms(keep=["coverage"])
    assert list(frame["term"]) == ["coverage"]
    assert frame.loc[0, "ci_low"] < frame.loc[0, "estimate"] < frame.loc[0, "ci_high"]


@pytest.mark.parametrize("weights", [None, WEIGHTS], ids=["ols", "wls"])
def test_hc3_matches_statsmodels_and_uses_t_n_minus_k(weights):
    fit = fit_linear(X, Y, NAMES, weights=weights, clusters=CLUSTERS, vcov_type="HC3")
    model = sm.OLS(Y, X) if weights is None else sm.WLS(Y, X, weights=weights)
    reference = model.fit(cov_type="HC3", use_t=True)
    np.testing.assert_allclose(fit.params, reference.params, rtol=1e-10)
    np.testing.assert_allclose(fit.bse, reference.bse, rtol=1e-10)
    assert fit.df_t == 12 - 3 and fit.vcov_type == "HC3"
    np.testing.assert_allclose(fit.conf_int(), reference.conf_int(), rtol=1e-10)


def test_hc3_closed_form_for_a_balanced_two_point_design():
    """x = +-1 in equal numbers: every leverage is 2/n, so HC3's slope SE is
    sqrt(sum e^2) / (n - 2) (written out by hand)."""
    n = 8
    x = np.array([1.0, -1.0] * 4)
    e = np.array([0.5, -0.3, -0.5, 0.3, 0.2, 0.4, -0.2, -0.4])  # orthogonal to 1 and x
    assert abs(e.sum()) < 1e-12 and abs(e @ x) < 1e-12
    y = 3.0 + 2.0 * x + e
    fit = fit_linear(np.column_stack([np.ones(n), x]), y, ["(intercept)", "x"],
                     vcov_type="HC3")
    assert fit.params[1] == pytest.approx(2.0)
    assert fit.bse[1] == pytest.approx(np.sqrt(np.sum(e ** 2)) / (n - 2), rel=1e-12)
