"""Spatial checks: k-nearest-neighbour weights, Moran's I of residuals, LM tests, and a
spatial error model when the tests call for one.

Weights are k-nearest neighbours by great-circle distance between the regencies'
representative points. Unlike contiguity or distance bands, kNN gives every regency
neighbours, including island regencies with no land border (Kepulauan Seribu, Simeulue,
Nias ...). The weights are row-standardised.

The diagnostics concern the main model: with regression weights (WLS) every check runs on
the weighted regression ``sqrt(w) y = sqrt(w) X b + u``, i.e. on the residuals
``sqrt(w_i) e_i`` whose variance the model takes as constant; unweighted, that is OLS. Moran's
I (permutation and normal), its regression-based moments (Cliff & Ord 1981, as spreg's
``moran_res``) and the LM tests (Anselin 1988; Anselin, Bera, Florax & Yoon 1996) are computed
here in closed form, and equal spreg's to rounding for OLS. The decision follows Anselin's
rule (Anselin 2005, *Exploring Spatial Data with GeoDa*, ch. 23): fit the error model if
LM-error is significant and LM-lag is not, or, when both are, if robust LM-error is the more
significant of the robust pair. The spatial error model itself (``spreg.GM_Error_Het``)
takes no regression weights and is unweighted; its notes say so.
"""
from __future__ import annotations

import contextlib
import io
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from ..results_contract import Spatial

EARTH_RADIUS_KM = 6371.0088


def great_circle_km(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """All pairwise great-circle distances (km), haversine formula."""
    phi = np.radians(np.asarray(lat, dtype=float))
    lam = np.radians(np.asarray(lon, dtype=float))
    dphi = phi[:, None] - phi[None, :]
    dlam = lam[:, None] - lam[None, :]
    h = np.sin(dphi / 2) ** 2 + np.cos(phi)[:, None] * np.cos(phi)[None, :] * np.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def knn_neighbours(lat: np.ndarray, lon: np.ndarray, k: int = 6) -> np.ndarray:
    """(n x k) indices of each point's k nearest others; ties go to the lower index."""
    n = len(lat)
    if n <= k:
        raise ValueError(f"need more than k={k} regencies with coordinates, got {n}")
    dist = great_circle_km(lat, lon)
    np.fill_diagonal(dist, np.inf)
    return np.argsort(dist, axis=1, kind="stable")[:, :k]


def knn_weights(lat: np.ndarray, lon: np.ndarray, k: int = 6, ids=None):
    """Row-standardised libpysal ``W`` of the k nearest neighbours (great-circle)."""
    return neighbour_weights(knn_neighbours(lat, lon, k), ids)


def neighbour_weights(nearest: np.ndarray, ids=None):
    """Row-standardised libpysal ``W`` of the neighbours :func:`knn_neighbours` found."""
    from libpysal.weights import W

    ids = list(range(len(nearest))) if ids is None else list(ids)
    neighbours = {ids[i]: [ids[j] for j in row] for i, row in enumerate(nearest)}
    w = W(neighbours, id_order=ids, silence_warnings=True)
    w.transform = "r"
    return w


def _lag_matrix(nearest: np.ndarray) -> np.ndarray:
    n, k = nearest.shape
    matrix = np.zeros((n, n))
    matrix[np.repeat(np.arange(n), k), nearest.ravel()] = 1.0 / k
    return matrix


@dataclass
class MoranResult:
    statistic: float
    expected: float
    p_permutation: float  # two-sided, seeded permutations
    permutations: int
    z_normal: float
    p_normal: float


def morans_i(values: np.ndarray, nearest: np.ndarray, *, permutations: int = 999,
             seed: int = 0) -> MoranResult:
    """Moran's I of ``values`` under row-standardised kNN weights, with a seeded
    permutation test (all permutations drawn at once) and the normality approximation."""
    z = np.asarray(values, dtype=float) - np.mean(values)
    n = len(z)
    # Row-standardised kNN: (Wz)_i is the mean of i's neighbours, S0 = n, I = z'Wz / z'z.
    statistic = float(z @ z[nearest].mean(axis=1) / (z @ z))
    expected = -1.0 / (n - 1)
    rng = np.random.default_rng(seed)
    perms = rng.permuted(np.broadcast_to(z, (permutations, n)), axis=1)
    sims = np.einsum("bi,bi->b", perms[:, nearest].mean(axis=2), perms) / (z @ z)
    above = int(np.sum(sims >= statistic))
    extreme = min(above, permutations - above)
    p_perm = min(1.0, 2 * (extreme + 1) / (permutations + 1))
    # Normality approximation (Cliff & Ord 1981).
    w = _lag_matrix(nearest)
    s0 = n
    s1 = 0.5 * np.sum((w + w.T) ** 2)
    s2 = np.sum((w.sum(axis=0) + w.sum(axis=1)) ** 2)
    var = (n ** 2 * s1 - n * s2 + 3 * s0 ** 2) / ((n ** 2 - 1) * s0 ** 2) - expected ** 2
    z_norm = (statistic - expected) / np.sqrt(var)
    return MoranResult(statistic, expected, p_perm, permutations, float(z_norm),
                       float(2 * stats.norm.sf(abs(z_norm))))


@dataclass
class SpatialDiagnostics:
    k: int
    moran: MoranResult  # of the main model's (sqrt-weight scaled) residuals
    lm: dict[str, tuple[float, float]]  # test -> (statistic, p) on the main model
    moran_ols: tuple[float, float, float]  # I, z, p with regression-residual moments
    decision: str
    fit_error_model: bool
    notes: list[str] = field(default_factory=list)
    residuals: str = "OLS residuals"  # which residuals the checks used
    nearest: np.ndarray | None = field(default=None, repr=False)  # (n x k) neighbour indices

    def record(self) -> Spatial:
        """``meta["spatial"]`` as the results contract declares it."""
        return Spatial(k_neighbours=self.k, moran_i=self.moran.statistic,
                       moran_expected=self.moran.expected,
                       moran_p_permutation=self.moran.p_permutation,
                       moran_permutations=self.moran.permutations,
                       moran_p_normal=self.moran.p_normal,
                       ols_moran_i=self.moran_ols[0], ols_moran_p=self.moran_ols[2],
                       tests=dict(self.lm), decision=self.decision,
                       spatial_error_model_fitted=self.fit_error_model,
                       residuals=self.residuals, notes=tuple(self.notes))

    def as_dict(self) -> dict:
        return self.record().write()


def lm_decision(lm: dict[str, tuple[float, float]], alpha: float = 0.05) -> tuple[str, bool]:
    """Anselin's decision rule from the LM tests: (text, fit the spatial error model?)."""
    err, lag = lm["lm_error"][1] < alpha, lm["lm_lag"][1] < alpha
    if not err and not lag:
        return "no spatial dependence detected by the LM tests", False
    if err and not lag:
        return "LM-error significant, LM-lag not: spatial error model", True
    if lag and not err:
        return "LM-lag significant, LM-error not: a spatial lag model would be indicated", False
    if lm["rlm_error"][1] <= lm["rlm_lag"][1]:
        return "both LM tests significant; robust LM-error stronger: spatial error model", True
    return "both LM tests significant; robust LM-lag stronger: a spatial lag model would be " \
           "indicated", False


def regression_tests(y: np.ndarray, X: np.ndarray, lag: np.ndarray) -> tuple[dict, tuple]:
    """LM tests and Moran's I with regression-residual moments for least squares of ``y`` on
    ``X`` (intercept included in ``X``) under the spatial weights matrix ``lag``.

    Returns ({test: (statistic, p)}, (I, z, p)); the same statistics as spreg's ``OLS``
    ``lm_error``, ``lm_lag``, ``rlm_error``, ``rlm_lag``, ``lm_sarma`` and ``moran_res``.
    """
    y = np.asarray(y, dtype=float)
    X = np.asarray(X, dtype=float)
    n, k = X.shape
    xtx_inv = np.linalg.inv(X.T @ X)
    b = xtx_inv @ (X.T @ y)
    e = y - X @ b
    sigma2 = e @ e / n
    we = lag @ e
    T = float(np.trace(lag.T @ lag + lag @ lag))
    wxb = lag @ (X @ b)
    m_wxb = wxb - X @ (xtx_inv @ (X.T @ wxb))
    nJ = float(m_wxb @ m_wxb / sigma2 + T)
    d_err = float(e @ we / sigma2)
    d_lag = float(e @ (lag @ y) / sigma2)
    stats_ = {"lm_error": d_err ** 2 / T, "lm_lag": d_lag ** 2 / nJ,
              "rlm_error": (d_err - T / nJ * d_lag) ** 2 / (T - T ** 2 / nJ),
              "rlm_lag": (d_lag - d_err) ** 2 / (nJ - T)}
    stats_["lm_sarma"] = stats_["rlm_lag"] + stats_["lm_error"]
    lm = {name: (float(v), float(stats.chi2.sf(v, 2 if name == "lm_sarma" else 1)))
          for name, v in stats_.items()}
    # Moran's I of regression residuals (Cliff & Ord 1981): moments under M W.
    moran = float(n / lag.sum() * (e @ we) / (e @ e))
    mw = lag - X @ (xtx_inv @ (X.T @ lag))  # M W
    mwt = lag.T - X @ (xtx_inv @ (X.T @ lag.T))  # M W'
    tr_mw = float(np.trace(mw))
    mean = n / lag.sum() * tr_mw / (n - k)
    # tr(M W M W') + tr(M W M W) + tr(M W)^2
    moment = float(np.sum(mw * mwt.T)) + float(np.sum(mw * mw.T)) + tr_mw ** 2
    var = (n / lag.sum()) ** 2 * moment / ((n - k) * (n - k + 2)) - mean ** 2
    z = (moran - mean) / np.sqrt(var)
    return lm, (moran, float(z), float(2 * stats.norm.sf(abs(z))))


def spatial_diagnostics(y: np.ndarray, X: np.ndarray, resid: np.ndarray, lat: np.ndarray,
                        lon: np.ndarray, *, k: int = 6, permutations: int = 999,
                        seed: int = 0, alpha: float = 0.05,
                        weights: np.ndarray | None = None,
                        with_w: bool = True) -> tuple[SpatialDiagnostics, object]:
    """Moran's I of the main model's residuals and the LM tests on its regression of ``y`` on
    ``X`` (intercept first). ``weights``: the main model's regression weights (WLS); every
    check then runs on the sqrt-weighted regression (``resid`` are the unscaled residuals
    ``y - X b``). Returns the diagnostics and the libpysal weights; ``with_w=False`` returns
    None instead (importing libpysal takes longer than the checks: build the weights from
    ``diagnostics.nearest`` with :func:`neighbour_weights` only to fit the error model)."""
    nearest = knn_neighbours(lat, lon, k)
    w = neighbour_weights(nearest) if with_w else None
    root = np.ones(len(y)) if weights is None else np.sqrt(np.asarray(weights, dtype=float))
    scaled = np.asarray(resid, dtype=float) * root
    moran = morans_i(scaled, nearest, permutations=permutations, seed=seed)
    lm, moran_regression = regression_tests(np.asarray(y, dtype=float) * root,
                                            np.asarray(X, dtype=float) * root[:, None],
                                            _lag_matrix(nearest))
    decision, fit = lm_decision(lm, alpha)
    residuals = ("OLS residuals" if weights is None else
                 "WLS residuals scaled by sqrt(weight) (the weighted regression)")
    return SpatialDiagnostics(k, moran, lm, moran_regression, decision, fit,
                              residuals=residuals, nearest=nearest), w


@dataclass
class SpatialErrorFit:
    names: list[str]
    params: np.ndarray  # regression coefficients, then lambda
    bse: np.ndarray
    p_values: np.ndarray
    n_obs: int
    result: object  # the spreg model

    def conf_int(self, alpha: float = 0.05) -> np.ndarray:
        return self.terms(alpha)[["ci_low", "ci_high"]].to_numpy()

    def summary(self) -> str:
        from .linear import summary_text
        return summary_text(self.terms(), f"spatial error model (GMM, heteroskedasticity-"
                                          f"robust), normal reference, n = {self.n_obs}")

    def terms(self, alpha: float = 0.05) -> pd.DataFrame:
        crit = stats.norm.ppf(1 - alpha / 2)
        return pd.DataFrame({"term": self.names, "estimate": self.params,
                             "std_error": self.bse, "ci_low": self.params - crit * self.bse,
                             "ci_high": self.params + crit * self.bse, "p_value": self.p_values})


def fit_spatial_error(y: np.ndarray, X: np.ndarray, names: list[str], w) -> SpatialErrorFit:
    """GMM spatial error model with heteroskedasticity-robust inference
    (Arraiz, Drukker, Kelejian & Prucha 2010; ``spreg.GM_Error_Het``)."""
    import spreg

    # spreg prints the model's name to stdout; keep the command line's output clean.
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        model = spreg.GM_Error_Het(np.asarray(y, dtype=float)[:, None],
                                   np.asarray(X, dtype=float)[:, 1:], w=w)
    params = np.asarray(model.betas, dtype=float).ravel()
    bse = np.sqrt(np.diag(np.asarray(model.vm, dtype=float)))
    p = np.array([float(z[1]) for z in model.z_stat])
    return SpatialErrorFit([*names, "lambda (spatial error)"], params, bse, p, len(y), model)
