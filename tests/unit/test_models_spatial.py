"""kNN weights on great-circle distances, Moran's I, the LM decision rule."""
from __future__ import annotations

import math

import esda
import numpy as np
import pytest

from kbanalysis.models.spatial import (
    fit_spatial_error,
    great_circle_km,
    knn_neighbours,
    knn_weights,
    lm_decision,
    morans_i,
    spatial_diagnostics,
)


def test_great_circle_distances():
    one_degree = math.pi / 180 * 6371.0088
    d = great_circle_km(np.array([0.0, 1.0, 0.0, 60.0, 60.0]),
                        np.array([100.0, 100.0, 101.0, 100.0, 101.0]))
    assert d[0, 1] == pytest.approx(one_degree)  # along a meridian
    assert d[0, 2] == pytest.approx(one_degree)  # along the equator
    assert d[3, 4] == pytest.approx(one_degree * 0.5, rel=1e-3)  # cos 60 = 0.5
    np.testing.assert_allclose(d, d.T)


def test_island_regencies_get_neighbours():
    rng = np.random.default_rng(0)
    lat = np.append(rng.uniform(-7, -6, 30), -10.5)  # one far-off island
    lon = np.append(rng.uniform(106, 108, 30), 121.0)
    nearest = knn_neighbours(lat, lon, k=5)
    assert nearest.shape == (31, 5)
    assert all(i not in row and len(set(row)) == 5 for i, row in enumerate(nearest))
    w = knn_weights(lat, lon, k=5)
    assert w.islands == [] and w.cardinalities[30] == 5
    np.testing.assert_allclose(w.full()[0].sum(axis=1), 1.0)  # row-standardised


def test_knn_uses_great_circle_not_degrees():
    # Near 60 N a degree of longitude is half as long: the east neighbour is nearer.
    lat = np.array([60.0, 60.0, 61.6, 0.0, 10.0, 20.0])
    lon = np.array([10.0, 11.5, 10.0, 50.0, 60.0, 70.0])
    assert knn_neighbours(lat, lon, k=1)[0, 0] == 1


def test_morans_i_matches_esda():
    rng = np.random.default_rng(1)
    lat, lon = rng.uniform(-8, 4, 200), rng.uniform(96, 140, 200)
    values = np.sin(lat / 2) + 0.5 * rng.normal(size=200)
    result = morans_i(values, knn_neighbours(lat, lon, 6), permutations=999, seed=3)
    reference = esda.Moran(values, knn_weights(lat, lon, 6), permutations=0)
    assert result.statistic == pytest.approx(reference.I)
    assert result.z_normal == pytest.approx(reference.z_norm)
    assert result.p_permutation < 0.01
    again = morans_i(values, knn_neighbours(lat, lon, 6), permutations=999, seed=3)
    assert again == result


def test_morans_i_of_noise_is_not_significant():
    rng = np.random.default_rng(2)
    lat, lon = rng.uniform(-8, 4, 300), rng.uniform(96, 140, 300)
    result = morans_i(rng.normal(size=300), knn_neighbours(lat, lon, 6), seed=1)
    assert result.p_permutation > 0.05


@pytest.mark.parametrize("p, expected", [
    ({"lm_error": 0.2, "lm_lag": 0.3, "rlm_error": 0.5, "rlm_lag": 0.5}, False),
    ({"lm_error": 0.01, "lm_lag": 0.3, "rlm_error": 0.5, "rlm_lag": 0.5}, True),
    ({"lm_error": 0.3, "lm_lag": 0.01, "rlm_error": 0.5, "rlm_lag": 0.5}, False),
    ({"lm_error": 0.01, "lm_lag": 0.01, "rlm_error": 0.02, "rlm_lag": 0.4}, True),
    ({"lm_error": 0.01, "lm_lag": 0.01, "rlm_error": 0.4, "rlm_lag": 0.02}, False),
])
def test_anselin_decision_rule(p, expected):
    assert lm_decision({k: (1.0, v) for k, v in p.items()})[1] is expected


def test_spatial_error_model_recovers_coefficients_under_spatial_errors():
    rng = np.random.default_rng(3)
    n = 400
    lat, lon = rng.uniform(-8, 4, n), rng.uniform(96, 140, n)
    nearest = knn_neighbours(lat, lon, 6)
    lag = np.zeros((n, n))
    lag[np.repeat(np.arange(n), 6), nearest.ravel()] = 1 / 6
    errors = np.linalg.solve(np.eye(n) - 0.6 * lag, rng.normal(size=n))
    X = np.column_stack([np.ones(n), rng.normal(size=n)])
    y = X @ [2.0, -0.5] + errors
    ols_resid = y - X @ np.linalg.lstsq(X, y, rcond=None)[0]
    diagnostics, w = spatial_diagnostics(y, X, ols_resid, lat, lon, k=6, seed=1)
    assert diagnostics.lm["lm_error"][1] < 0.01 and diagnostics.moran.statistic > 0.1
    fit = fit_spatial_error(y, X, ["(intercept)", "x"], w)
    terms = fit.terms().set_index("term")
    assert terms.loc["x", "ci_low"] < -0.5 < terms.loc["x", "ci_high"]
    assert terms.loc["lambda (spatial error)", "estimate"] > 0.3
