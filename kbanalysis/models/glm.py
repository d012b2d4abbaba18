"""Models for a bounded outcome: fractional logit and beta regression, with average marginal
effects (AMEs) in percentage points.

* Fractional logit (Papke & Wooldridge 1996, J Appl Econom 11:619): a binomial GLM with logit
  link fitted to the share ``y / 100`` by quasi-likelihood. Only the mean has to be right, so
  the standard errors must be robust; here they are clustered like the linear models (CR1).
* Beta regression (Ferrari & Cribari-Neto 2004, J Appl Stat 31:799) via
  ``statsmodels.othermod.betareg.BetaModel``: a full likelihood for a share in (0, 1). Exact
  0 or 100 are squeezed to ``(y (n - 1) + 0.5) / n`` (Smithson & Verkuilen 2006). BetaModel
  takes no weights, so it is fitted unweighted.

The AME of regressor ``j`` is ``100 * mean_i(beta_j * mu_i (1 - mu_i))``: percentage points of
the outcome per unit of ``x_j``, comparable with a linear slope. Its variance comes from the
delta method with the Jacobian
``J[j, k] = 1{j=k} mean(mu(1-mu)) + beta_j mean(mu(1-mu)(1-2mu) x_k)``.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats
from statsmodels.othermod.betareg import BetaModel
from statsmodels.tools.sm_exceptions import ConvergenceWarning

from .spec import INTERCEPT


@dataclass
class MarginalEffects:
    """AMEs (pp per unit of each regressor) with delta-method covariance."""

    names: list[str]
    ame: np.ndarray
    vcov: np.ndarray
    df_t: int | None  # t(G-1) reference; None: normal
    alpha: float = 0.05

    def terms(self) -> pd.DataFrame:
        se = np.sqrt(np.diag(self.vcov))
        if self.df_t:
            crit = stats.t.ppf(1 - self.alpha / 2, self.df_t)
            p = 2 * stats.t.sf(np.abs(self.ame / se), self.df_t)
        else:
            crit = stats.norm.ppf(1 - self.alpha / 2)
            p = 2 * stats.norm.sf(np.abs(self.ame / se))
        return pd.DataFrame({"term": self.names, "estimate": self.ame, "std_error": se,
                             "ci_low": self.ame - crit * se, "ci_high": self.ame + crit * se,
                             "p_value": p})


@dataclass
class BoundedFit:
    """A fitted bounded-outcome model: the statsmodels result and its AMEs."""

    kind: str  # "fractional_logit" | "beta_regression"
    result: object  # statsmodels results (for diagnostics)
    names: list[str]
    ame: MarginalEffects
    n_obs: int
    n_clusters: int
    converged: bool
    notes: list[str]

    # Like statsmodels results: params, bse, conf_int() and summary() are the average
    # marginal effects (pp per unit), the numbers the suite reports; ``result`` holds the
    # log-odds fit.
    @property
    def params(self) -> np.ndarray:
        return self.ame.ame

    @property
    def bse(self) -> np.ndarray:
        return np.sqrt(np.diag(self.ame.vcov))

    def conf_int(self) -> np.ndarray:
        return self.ame.terms()[["ci_low", "ci_high"]].to_numpy()

    def summary(self) -> str:
        from .linear import summary_text
        return summary_text(self.ame.terms(), f"{self.kind}: average marginal effects (pp "
                                              f"per unit), n = {self.n_obs}")

    def coefficients(self) -> pd.DataFrame:
        """Raw coefficients on the log-odds scale (and beta regression's log-precision)."""
        params = np.asarray(self.result.params, dtype=float)
        bse = np.asarray(self.result.bse, dtype=float)
        names = list(self.names) + [f"(precision: {n})" for n in
                                    _extra_names(len(params) - len(self.names))]
        crit_df = self.ame.df_t
        crit = stats.t.ppf(0.975, crit_df) if crit_df else stats.norm.ppf(0.975)
        p = (2 * stats.t.sf(np.abs(params / bse), crit_df) if crit_df
             else 2 * stats.norm.sf(np.abs(params / bse)))
        return pd.DataFrame({"term": names, "estimate": params, "std_error": bse,
                             "ci_low": params - crit * bse, "ci_high": params + crit * bse,
                             "p_value": p})


def _extra_names(count: int) -> list[str]:
    return ["log phi"] if count == 1 else [f"log phi {i}" for i in range(count)]


def average_marginal_effects(params: np.ndarray, vcov: np.ndarray, X: np.ndarray,
                             names: list[str], weights: np.ndarray | None = None,
                             df_t: int | None = None) -> MarginalEffects:
    """AMEs in percentage points for a logit-mean model (intercept excluded)."""
    params = np.asarray(params, dtype=float)
    w = np.ones(len(X)) if weights is None else np.asarray(weights, dtype=float)
    w = w / w.sum()
    mu = 1.0 / (1.0 + np.exp(-(X @ params)))
    density = mu * (1 - mu)
    mean_density = w @ density
    slope = w @ (X * (density * (1 - 2 * mu))[:, None])  # d mean_density / d beta
    jac = np.eye(len(params)) * mean_density + np.outer(params, slope)
    keep = [i for i, n in enumerate(names) if n != INTERCEPT]
    jac = 100.0 * jac[keep]
    ame = 100.0 * params[keep] * mean_density
    return MarginalEffects(names=[names[i] for i in keep], ame=ame, vcov=jac @ vcov @ jac.T,
                           df_t=df_t)


def fit_fractional_logit(X: np.ndarray, y_pct: np.ndarray, names: list[str], *,
                         weights: np.ndarray | None = None,
                         clusters: np.ndarray | None = None) -> BoundedFit:
    """Binomial quasi-likelihood with logit link on ``y / 100``; CR1 cluster-robust errors."""
    share = np.asarray(y_pct, dtype=float) / 100.0
    n = len(share)
    groups = np.arange(n) if clusters is None else np.unique(clusters, return_inverse=True)[1]
    g = int(groups.max()) + 1
    model = sm.GLM(share, X, family=sm.families.Binomial(),
                   var_weights=None if weights is None else np.asarray(weights, dtype=float))
    notes = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = model.fit(cov_type="cluster", cov_kwds={"groups": groups})
    converged = bool(getattr(result, "converged", True))
    notes += sorted({str(w.message).splitlines()[0] for w in caught
                     if issubclass(w.category, (ConvergenceWarning, RuntimeWarning))})
    vcov = np.asarray(result.cov_params(), dtype=float)
    ame = average_marginal_effects(result.params, vcov, X, names, weights, df_t=g - 1)
    return BoundedFit("fractional_logit", result, list(names), ame, n, g, converged, notes)


def squeeze_share(share: np.ndarray) -> tuple[np.ndarray, bool]:
    """Move exact 0s and 1s inside (0, 1) (Smithson & Verkuilen 2006); True if any moved."""
    n = len(share)
    if ((share <= 0) | (share >= 1)).any():
        return (share * (n - 1) + 0.5) / n, True
    return share, False


def fit_beta_regression(X: np.ndarray, y_pct: np.ndarray, names: list[str], *,
                        clusters: np.ndarray | None = None) -> BoundedFit:
    """Beta regression (logit mean, log precision) with CR1-type cluster-robust errors."""
    share, squeezed = squeeze_share(np.asarray(y_pct, dtype=float) / 100.0)
    n = len(share)
    groups = np.arange(n) if clusters is None else np.unique(clusters, return_inverse=True)[1]
    g = int(groups.max()) + 1
    notes = ["unweighted (BetaModel takes no weights)"]
    if squeezed:
        notes.append("outcome values of exactly 0 or 100 squeezed into (0, 100)")
    model = BetaModel(share, X)
    # Start from the fractional-logit mean: Newton then converges in a few steps.
    start_mean = sm.GLM(share, X, family=sm.families.Binomial()).fit().params
    mu = 1 / (1 + np.exp(-(X @ start_mean)))
    resid_var = np.mean((share - mu) ** 2)
    phi0 = max(np.mean(mu * (1 - mu)) / max(resid_var, 1e-12) - 1, 1.0)
    start = np.append(start_mean, np.log(phi0))
    cov = {"cov_type": "cluster", "cov_kwds": {"groups": groups}}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = model.fit(start_params=start, method="newton", maxiter=100, disp=False, **cov)
        converged = bool(result.mle_retvals.get("converged", False))
        if not converged:
            result = model.fit(start_params=start, method="bfgs", maxiter=2000, disp=False, **cov)
            converged = bool(result.mle_retvals.get("converged", False))
    notes += sorted({str(w.message).splitlines()[0] for w in caught
                     if issubclass(w.category, ConvergenceWarning)})
    if not converged:
        notes.append("maximum likelihood did not converge")
    k = X.shape[1]
    vcov = np.asarray(result.cov_params(), dtype=float)[:k, :k]
    ame = average_marginal_effects(np.asarray(result.params)[:k], vcov, X, names, None,
                                   df_t=g - 1)
    return BoundedFit("beta_regression", result, list(names), ame, n, g, converged, notes)
