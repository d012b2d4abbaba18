"""OLS and WLS with cluster-robust (CR1) standard errors, in closed form.

The CR1 variance is the one Stata's ``vce(cluster)`` and statsmodels' ``cov_type="cluster"``
report::

    V = c * (X'WX)^-1 [ sum_g (X_g' W_g e_g)(X_g' W_g e_g)' ] (X'WX)^-1,
    c = G / (G - 1) * (N - 1) / (N - K)

Inference uses Student's t with G - 1 degrees of freedom, not the normal: with 34-38 province
clusters the normal approximation is too optimistic (Cameron & Miller 2015, J Hum Resour 50:317).

With too few clusters (e.g. the 35 regencies of one province) the variance is HC3
(MacKinnon & White 1985; Long & Ervin 2000 recommend it below about 250 rows)::

    V = (X'WX)^-1 [ sum_i w_i^2 e_i^2 / (1 - h_i)^2 x_i x_i' ] (X'WX)^-1,
    h_i = w_i x_i' (X'WX)^-1 x_i

with Student's t on N - K degrees of freedom.

Small-sample convention for fixed effects (one rule for ``province_fe`` and the panel): fixed
effects nested in the clusters are **not** counted in K of the CR1 correction (the intercept
included, which is one of the effects), as Stata's ``xtreg, fe vce(cluster)`` and fixest's
default ``fixef.K = "nested"`` do: a cluster's own effect uses up none of the between-cluster
information the correction is about. Fixed effects that cut across clusters, and every
dummy under HC3 (no clusters; the dummies enter the leverages), are counted.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats


class FitResults:
    """The statsmodels-like numbers of a result that wraps one ``LinearFit`` (``self.fit``)."""

    fit: LinearFit

    @property
    def params(self) -> np.ndarray:
        return self.fit.params

    @property
    def bse(self) -> np.ndarray:
        return self.fit.bse

    def conf_int(self) -> np.ndarray:
        return self.fit.conf_int()

    def summary(self) -> str:
        return self.fit.summary()


@dataclass
class LinearFit:
    """A fitted (weighted) least-squares model with CR1 cluster-robust inference."""

    names: list[str]
    params: np.ndarray
    vcov: np.ndarray
    resid: np.ndarray
    fitted: np.ndarray
    n_obs: int
    n_clusters: int
    df_t: int  # degrees of freedom of the t reference distribution (G - 1, or N - K for HC3)
    weighted: bool
    alpha: float = 0.05
    vcov_type: str = "CR1"

    @property
    def bse(self) -> np.ndarray:
        return np.sqrt(np.diag(self.vcov))

    @property
    def tvalues(self) -> np.ndarray:
        return self.params / self.bse

    @property
    def pvalues(self) -> np.ndarray:
        return 2 * stats.t.sf(np.abs(self.tvalues), self.df_t)

    def conf_int(self, alpha: float | None = None) -> np.ndarray:
        crit = stats.t.ppf(1 - (alpha or self.alpha) / 2, self.df_t)
        return np.column_stack([self.params - crit * self.bse, self.params + crit * self.bse])

    def index(self, term: str) -> int:
        return self.names.index(term)

    def summary(self) -> str:
        """The coefficient table as text, like a statsmodels summary's."""
        return summary_text(self.terms(), f"{'WLS' if self.weighted else 'OLS'}, "
                            f"{self.vcov_type}, t({self.df_t}), n = {self.n_obs}")

    def terms(self, keep=None) -> pd.DataFrame:
        """One row per term: estimate, std_error, ci_low, ci_high, p_value."""
        ci = self.conf_int()
        frame = pd.DataFrame({"term": self.names, "estimate": self.params,
                              "std_error": self.bse, "ci_low": ci[:, 0], "ci_high": ci[:, 1],
                              "p_value": self.pvalues})
        if keep is not None:
            frame = frame.loc[frame["term"].isin(list(keep))]
        return frame.reset_index(drop=True)


def summary_text(terms: pd.DataFrame, title: str) -> str:
    """A terms frame (term, estimate, std_error, ci_low, ci_high, p_value) as aligned text."""
    lines = [title, f"{'term':<36}{'coef':>11}{'std err':>11}{'[0.025':>11}{'0.975]':>11}"
                    f"{'P>|t|':>9}"]
    for row in terms.itertuples(index=False):
        lines.append(f"{str(row.term)[:35]:<36}{row.estimate:>11.4g}{row.std_error:>11.4g}"
                     f"{row.ci_low:>11.4g}{row.ci_high:>11.4g}{row.p_value:>9.3f}")
    return "\n".join(lines)


def cr1_label(n_clusters: int, cluster_column: str) -> str:
    """How a CR1 fit's inference is described in the results."""
    return (f"CR1 cluster-robust by {cluster_column} ({n_clusters} clusters), "
            f"t({n_clusters - 1})")


def hc3_label(n_obs: int, n_params: int) -> str:
    """How an HC3 fit's inference is described in the results."""
    return f"HC3 heteroskedasticity-robust, t({n_obs - n_params})"


def cluster_sums(values: np.ndarray, clusters: np.ndarray, n_clusters: int) -> np.ndarray:
    """Row sums of ``values`` (n x k) within each cluster (G x k)."""
    values = np.asarray(values, dtype=float)
    out = np.zeros((n_clusters,) + values.shape[1:])
    np.add.at(out, clusters, values)
    return out


def cr1_vcov(X: np.ndarray, resid: np.ndarray, weights: np.ndarray | None,
             clusters: np.ndarray, bread: np.ndarray | None = None,
             n_params: int | None = None) -> np.ndarray:
    """The CR1 cluster-robust covariance of (weighted) least-squares coefficients; K of the
    correction is ``n_params`` (default: the columns of X)."""
    n, k = X.shape
    k = k if n_params is None else n_params
    w = np.ones(n) if weights is None else weights
    _, clusters = np.unique(clusters, return_inverse=True)
    g = int(clusters.max()) + 1
    if bread is None:
        bread = np.linalg.inv(X.T @ (X * w[:, None]))
    scores = cluster_sums(X * (w * resid)[:, None], clusters, g)
    meat = scores.T @ scores
    correction = g / (g - 1) * (n - 1) / (n - k)
    return correction * bread @ meat @ bread


def hc3_vcov(X: np.ndarray, resid: np.ndarray, weights: np.ndarray | None,
             bread: np.ndarray | None = None) -> np.ndarray:
    """The HC3 covariance of (weighted) least-squares coefficients."""
    w = np.ones(len(X)) if weights is None else weights
    if bread is None:
        bread = np.linalg.inv(X.T @ (X * w[:, None]))
    leverage = w * np.einsum("ij,jk,ik->i", X, bread, X)
    scores = X * (w * resid / (1.0 - leverage))[:, None]
    return bread @ (scores.T @ scores) @ bread


def fit_linear(X: np.ndarray, y: np.ndarray, names: list[str], *,
               weights: np.ndarray | None = None, clusters: np.ndarray | None = None,
               alpha: float = 0.05, vcov_type: str = "CR1",
               nested_effects: int = 0) -> LinearFit:
    """OLS (``weights=None``) or WLS with CR1 errors (no clusters means one per row: HC1),
    or HC3 errors with ``vcov_type="HC3"`` (``clusters`` is then ignored).

    ``nested_effects``: how many columns of X are fixed effects nested in the clusters
    (the intercept and the dummies); CR1 leaves them out of K (see the module docstring).
    """
    if vcov_type not in ("CR1", "HC3"):
        raise ValueError(f"vcov_type must be 'CR1' or 'HC3', got {vcov_type!r}")
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(y)
    if clusters is None:
        clusters = np.arange(n)
    sw = np.ones(n) if weights is None else np.sqrt(weights)
    # Least squares on the sqrt-weighted system: numerically safer than the normal equations.
    params, *_ = np.linalg.lstsq(X * sw[:, None], y * sw, rcond=None)
    fitted = X @ params
    resid = y - fitted
    bread = np.linalg.inv(X.T @ (X * (sw ** 2)[:, None]))
    if vcov_type == "HC3":
        vcov = hc3_vcov(X, resid, weights, bread)
        return LinearFit(names=list(names), params=params, vcov=vcov, resid=resid,
                         fitted=fitted, n_obs=n, n_clusters=n, df_t=n - X.shape[1],
                         weighted=weights is not None, alpha=alpha, vcov_type="HC3")
    vcov = cr1_vcov(X, resid, weights, clusters, bread,
                    n_params=X.shape[1] - nested_effects)
    n_clusters = len(np.unique(clusters))
    return LinearFit(names=list(names), params=params, vcov=vcov, resid=resid, fitted=fitted,
                     n_obs=n, n_clusters=n_clusters, df_t=n_clusters - 1,
                     weighted=weights is not None, alpha=alpha)
