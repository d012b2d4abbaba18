"""The vectorised restricted wild cluster bootstrap against a draw-by-draw refit."""
from __future__ import annotations

import numpy as np
import pytest

from kbanalysis.models.bootstrap import _WCR, bootstrap_weights, wild_cluster_bootstrap


def _data(seed=0, n=160, g=14, effect=0.3):
    rng = np.random.default_rng(seed)
    clusters = rng.integers(0, g, n)
    x = rng.normal(size=n) + rng.normal(size=g)[clusters]
    X = np.column_stack([np.ones(n), x, rng.normal(size=n)])
    y = X @ [1.0, effect, -0.5] + rng.normal(size=g)[clusters] + rng.normal(size=n)
    weights = rng.uniform(0.5, 2.0, n)
    return X, y, clusters, weights


def _naive_t_star(X, y, clusters, column, weights, b0, v):
    """Impose the null, rebuild y* draw by draw, refit WLS and compute the CR1 t."""
    w = np.ones(len(y)) if weights is None else weights
    Z = np.delete(X, column, axis=1)
    W = np.diag(w)
    gamma = np.linalg.solve(Z.T @ W @ Z, Z.T @ W @ (y - b0 * X[:, column]))
    restricted = y - b0 * X[:, column] - Z @ gamma
    out = []
    for draw in v:
        y_star = (y - restricted) + draw[clusters] * restricted
        beta = np.linalg.solve(X.T @ W @ X, X.T @ W @ y_star)
        e = y_star - X @ beta
        bread = np.linalg.inv(X.T @ W @ X)
        meat = sum(np.outer(X[clusters == g].T @ (w * e)[clusters == g],
                            X[clusters == g].T @ (w * e)[clusters == g])
                   for g in np.unique(clusters))
        n, k = X.shape
        G = len(np.unique(clusters))
        V = G / (G - 1) * (n - 1) / (n - k) * bread @ meat @ bread
        out.append((beta[column] - b0) / np.sqrt(V[column, column]))
    return np.array(out)


@pytest.mark.parametrize("weight_type", ["rademacher", "webb"])
@pytest.mark.parametrize("weighted", [False, True])
def test_vectorised_t_star_equals_refitting_each_draw(weight_type, weighted):
    X, y, clusters, w = _data()
    weights = w if weighted else None
    v, _ = bootstrap_weights(14, 40, weight_type, np.random.default_rng(3))
    wcr = _WCR(X, y, weights, clusters, 1, v)
    for b0 in (0.0, 0.3, -1.2):
        np.testing.assert_allclose(wcr.t_star(b0),
                                   _naive_t_star(X, y, clusters, 1, weights, b0, v),
                                   atol=1e-9)


def test_confidence_limits_are_where_the_p_value_crosses_alpha():
    X, y, clusters, w = _data(seed=1)
    result = wild_cluster_bootstrap(X, y, clusters, 1, weights=w, draws=999, seed=5)
    v, _ = bootstrap_weights(14, 999, "rademacher", np.random.default_rng(5))
    wcr = _WCR(X, y, w, clusters, 1, v)
    eps = 1e-4 * wcr.se
    assert wcr.p_value(result.ci_low + eps) >= 0.05 > wcr.p_value(result.ci_low - eps)
    assert wcr.p_value(result.ci_high - eps) >= 0.05 > wcr.p_value(result.ci_high + eps)
    assert result.ci_low < result.estimate < result.ci_high


def test_same_seed_same_result_other_seed_other_draws():
    X, y, clusters, w = _data(seed=2)
    a = wild_cluster_bootstrap(X, y, clusters, 1, draws=999, seed=11)
    b = wild_cluster_bootstrap(X, y, clusters, 1, draws=999, seed=11)
    c = wild_cluster_bootstrap(X, y, clusters, 1, draws=999, seed=12)
    assert (a.ci_low, a.ci_high, a.p_value) == (b.ci_low, b.ci_high, b.p_value)
    assert (a.ci_low, a.ci_high) != (c.ci_low, c.ci_high)


def test_few_clusters_enumerate_every_sign_pattern():
    X, y, clusters, _ = _data(seed=4, g=8)
    v, enumerated = bootstrap_weights(8, 999, "rademacher", np.random.default_rng(0))
    assert enumerated and v.shape == (256, 8) and len({tuple(r) for r in v}) == 256
    a = wild_cluster_bootstrap(X, y, clusters, 1, draws=999, seed=1)
    b = wild_cluster_bootstrap(X, y, clusters, 1, draws=999, seed=2)
    assert a.enumerated and (a.ci_low, a.ci_high) == (b.ci_low, b.ci_high)


def test_webb_weights_take_six_values():
    v, _ = bootstrap_weights(20, 2000, "webb", np.random.default_rng(0))
    values = np.unique(np.round(v, 12))
    np.testing.assert_allclose(values, [-np.sqrt(1.5), -1, -np.sqrt(0.5), np.sqrt(0.5), 1,
                                        np.sqrt(1.5)])


def test_rejects_too_few_draws_and_unknown_weights():
    X, y, clusters, _ = _data()
    with pytest.raises(ValueError, match="999"):
        wild_cluster_bootstrap(X, y, clusters, 1, draws=500)
    with pytest.raises(ValueError, match="weight_type"):
        wild_cluster_bootstrap(X, y, clusters, 1, weight_type="mammen")


def test_p_value_small_for_a_strong_effect_and_large_for_none():
    strong = wild_cluster_bootstrap(*_pick(_data(seed=6, effect=1.0)), 1, draws=999, seed=1)
    none = wild_cluster_bootstrap(*_pick(_data(seed=6, effect=0.0)), 1, draws=999, seed=1)
    assert strong.p_value < 0.01 and none.ci_low < 0 < none.ci_high


def _pick(data):
    X, y, clusters, _ = data
    return X, y, clusters
