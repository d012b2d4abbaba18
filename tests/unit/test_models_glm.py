"""Fractional logit and beta regression: AMEs, delta-method variances, robust errors."""
from __future__ import annotations

import numpy as np
import pytest

from kbanalysis.models.glm import (
    average_marginal_effects,
    fit_beta_regression,
    fit_fractional_logit,
    squeeze_share,
)

NAMES = ["(intercept)", "coverage", "poverty"]


def _data(seed=0, n=400, g=25):
    rng = np.random.default_rng(seed)
    clusters = rng.integers(0, g, n)
    X = np.column_stack([np.ones(n), rng.uniform(10, 80, n), rng.uniform(2, 30, n)])
    mean = 1 / (1 + np.exp(-(X @ [-1.0, -0.012, 0.03] + 0.2 * rng.normal(size=g)[clusters])))
    y = 100 * rng.beta(mean * 60, (1 - mean) * 60)
    return X, y, clusters, rng.uniform(0.5, 2.0, n)


def _average_prediction(params, X, w):
    return 100 * np.average(1 / (1 + np.exp(-(X @ params))), weights=w)


def test_ame_is_the_derivative_of_the_average_prediction():
    X, _, _, w = _data()
    params = np.array([-1.0, -0.012, 0.03])
    ame = average_marginal_effects(params, np.eye(3), X, NAMES, w)
    h = 1e-5
    for k, name in enumerate(NAMES[1:], start=1):
        shifted = X.copy()
        shifted[:, k] += h
        numeric = (_average_prediction(params, shifted, w)
                   - _average_prediction(params, X, w)) / h
        assert ame.ame[ame.names.index(name)] == pytest.approx(numeric, rel=1e-4)


def test_delta_method_matches_a_numerical_jacobian():
    X, _, _, w = _data(seed=1)
    params = np.array([-1.0, -0.012, 0.03])
    vcov = np.array([[0.04, 1e-4, -2e-4], [1e-4, 4e-6, 1e-7], [-2e-4, 1e-7, 9e-6]])
    ame = average_marginal_effects(params, vcov, X, NAMES, w)

    def ame_of(p):
        mu = 1 / (1 + np.exp(-(X @ p)))
        return 100 * p[1:] * np.average(mu * (1 - mu), weights=w)

    jac = np.empty((2, 3))
    for k in range(3):
        step = np.zeros(3)
        step[k] = 1e-6
        jac[:, k] = (ame_of(params + step) - ame_of(params - step)) / 2e-6
    np.testing.assert_allclose(ame.vcov, jac @ vcov @ jac.T, rtol=1e-5)


def test_fractional_logit_errors_are_the_cr1_sandwich():
    X, y, clusters, w = _data(seed=2)
    fit = fit_fractional_logit(X, y, NAMES, weights=w, clusters=clusters)
    beta = np.asarray(fit.result.params)
    mu = 1 / (1 + np.exp(-(X @ beta)))
    bread = np.linalg.inv(X.T @ (X * (w * mu * (1 - mu))[:, None]))
    meat = np.zeros((3, 3))
    for g in np.unique(clusters):
        rows = clusters == g
        score = X[rows].T @ (w[rows] * (y[rows] / 100 - mu[rows]))
        meat += np.outer(score, score)
    n, G = len(y), len(np.unique(clusters))
    vcov = G / (G - 1) * (n - 1) / (n - 3) * bread @ meat @ bread
    np.testing.assert_allclose(np.asarray(fit.result.bse), np.sqrt(np.diag(vcov)), rtol=1e-6)
    assert fit.n_clusters == G and fit.ame.df_t == G - 1


def test_beta_regression_recovers_the_logit_mean_and_agrees_with_fractional_logit():
    X, y, clusters, _ = _data(seed=3, n=2000)
    beta = fit_beta_regression(X, y, NAMES, clusters=clusters)
    frac = fit_fractional_logit(X, y, NAMES, clusters=clusters)
    assert beta.converged
    truth = np.array([-1.0, -0.012, 0.03])
    params = np.asarray(beta.result.params)[:3]
    se = np.asarray(beta.result.bse)[:3]
    # Within 4 cluster-robust SEs of the truth; the slopes are 38 SEs from zero, so a wrong
    # sign or a slope off by a tenth fails (a fixed atol of 0.15 would not notice either).
    assert (np.abs(params - truth) <= 4 * se).all(), (params, se)
    assert (np.sign(params) == np.sign(truth)).all()
    np.testing.assert_allclose(params, truth, rtol=0.1)
    # Both estimators are consistent for the same mean: their AMEs agree closely.
    np.testing.assert_allclose(beta.ame.ame, frac.ame.ame, rtol=0.02)


def test_exact_zero_and_hundred_are_squeezed_and_said_so():
    share, moved = squeeze_share(np.array([0.0, 0.5, 1.0]))
    assert moved and (share > 0).all() and (share < 1).all()
    X, y, clusters, _ = _data(seed=4)
    y = y.copy()
    y[:3] = 0.0
    fit = fit_beta_regression(X, y, NAMES, clusters=clusters)
    assert any("squeezed" in note for note in fit.notes)


def test_coefficient_table_names_the_precision_parameter():
    X, y, clusters, _ = _data(seed=5)
    table = fit_beta_regression(X, y, NAMES, clusters=clusters).coefficients()
    assert list(table["term"]) == [*NAMES, "(precision: log phi)"]
