"""Measurement error in the exposure and in the outcome, and what it could hide.

Exposure (KBPP coverage is programme data of unknown reliability). Classical error ``u``
independent of the truth and of the covariates attenuates the slope by the reliability of the
exposure *net of the covariates* (Fuller 1987, ch. 1; Carroll et al. 2006, ch. 3)::

    lambda_net = 1 - (1 - lambda) * var(x) / var(x | z)
    beta_true ~= beta_observed / lambda_net

where ``lambda = var(x_true) / var(x)`` is the reliability of the raw exposure. For a stated
range of reliabilities the corrected slope, its interval and the minimum detectable *true*
effect are all the observed ones divided by ``lambda_net`` (the interval ignores uncertainty
about ``lambda`` itself: it is a what-if, not an estimate).

Outcome (each regency's SSGI prevalence is a survey estimate). No standard errors are
published; the reports' approximate band of +-``config.SSGI_REGENCY_HALF_WIDTH_95`` points
at 95 % is taken to hold at the national prevalence, and scaled with the binomial variance::

    SE_i = sqrt(p_i (100 - p_i) / n_eff),   n_eff = p0 (100 - p0) / (half_width / 1.96)^2

(p0 the national SSGI 2024 prevalence; ``n_eff`` the design-effect-adjusted sample size of a
regency, about 380). That gives 1.5-2.4 points over 10-30 % prevalence. The precision-weighted
variant weights each regency by ``1 / (tau^2 + SE_i^2)`` (random-effects meta-regression),
with the between-regency variance ``tau^2`` by the method of moments on the OLS residuals
``e`` and leverages ``h`` (exact under the model: ``E[e'e] = (n - k) tau^2 + sum (1 - h_i) SE_i^2``)::

    tau^2 = max(0, (e'e - sum_i (1 - h_i) SE_i^2) / (n - k))
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats

from .. import config
from ..results_contract import PER_10
from .linear import LinearFit, fit_linear

RELIABILITIES = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)
Z_95 = float(stats.norm.ppf(0.975))


def ssgi_effective_n(half_width: float = config.SSGI_REGENCY_HALF_WIDTH_95,
                     prevalence: float = config.SSGI_2024_NATIONAL_PCT) -> float:
    """The regency sample size (design effect included) at which a binomial 95 % half-width
    at ``prevalence`` is ``half_width`` points."""
    return prevalence * (100.0 - prevalence) / (half_width / Z_95) ** 2


def ssgi_standard_error(prevalence_pct, n_eff: float | None = None) -> np.ndarray:
    """Approximate sampling SE (points) of a regency's SSGI prevalence (module docstring)."""
    n_eff = ssgi_effective_n() if n_eff is None else n_eff
    # A survey value of 0 or 100 % still has sampling error (and a zero SE would give an
    # infinite precision weight): at least that of 1 %.
    p = np.clip(np.asarray(prevalence_pct, dtype=float), 1.0, 99.0)
    return np.sqrt(p * (100.0 - p) / n_eff)


def net_reliability(reliability: float, exposure_sd: float, exposure_sd_net: float) -> float:
    """``lambda_net``: the share of the exposure's variance net of the covariates that is
    signal, when ``reliability`` of its raw variance is (<= 0: error could explain all of it)."""
    return 1.0 - (1.0 - reliability) * (exposure_sd / exposure_sd_net) ** 2


def attenuation_table(estimate: float, ci_low: float, ci_high: float, mde: float,
                      exposure_sd: float, exposure_sd_net: float,
                      reliabilities=RELIABILITIES) -> list[dict]:
    """The slope (and interval, MDE) corrected for each reliability, in the units given."""
    rows = []
    for reliability in reliabilities:
        lam = net_reliability(reliability, exposure_sd, exposure_sd_net)
        if lam <= 0:
            rows.append({"reliability": reliability, "net_reliability": lam,
                         "status": "not identifiable: error variance exceeds the exposure's "
                                   "variance net of the covariates"})
            continue
        rows.append({"reliability": reliability, "net_reliability": lam,
                     "estimate": estimate / lam, "ci_low": ci_low / lam,
                     "ci_high": ci_high / lam, "mde_pp": mde / lam, "status": "ok"})
    return rows


def between_regency_variance(X: np.ndarray, y: np.ndarray, sampling_var: np.ndarray) -> float:
    """``tau^2`` by the method of moments on OLS residuals (module docstring)."""
    n, k = X.shape
    bread = np.linalg.inv(X.T @ X)
    resid = y - X @ (bread @ (X.T @ y))
    leverage = np.einsum("ij,jk,ik->i", X, bread, X)
    return max(0.0, float((resid @ resid - np.sum((1.0 - leverage) * sampling_var)) / (n - k)))


@dataclass
class PrecisionWeighted:
    fit: LinearFit
    tau2: float
    standard_errors: np.ndarray  # SE_i per regency, points
    n_eff: float

    def as_dict(self, column: int) -> dict:
        ci = self.fit.conf_int()[column]
        se = self.standard_errors
        return {"estimate_per_10": float(self.fit.params[column] * PER_10),
                "std_error_per_10": float(self.fit.bse[column] * PER_10),
                "ci_low_per_10": float(ci[0] * PER_10), "ci_high_per_10": float(ci[1] * PER_10),
                "p_value": float(self.fit.pvalues[column]),
                "tau2": self.tau2, "n_eff": self.n_eff,
                "sampling_se_min": float(se.min()), "sampling_se_max": float(se.max()),
                "sampling_se_mean": float(se.mean()),
                "approximation": "SE_i = sqrt(p_i (100 - p_i) / n_eff), n_eff from the +-"
                                 f"{config.SSGI_REGENCY_HALF_WIDTH_95:g}-point 95 % band at "
                                 f"the national {config.SSGI_2024_NATIONAL_PCT:g} %",
                "weights": "1 / (tau^2 + SE_i^2), tau^2 by the method of moments on the OLS "
                           "residuals"}


def precision_weighted(X: np.ndarray, y: np.ndarray, names, *, clusters=None,
                       vcov_type: str = "HC3", n_eff: float | None = None) -> PrecisionWeighted:
    """The linear model weighted by the precision of each regency's survey prevalence."""
    n_eff = ssgi_effective_n() if n_eff is None else n_eff
    se = ssgi_standard_error(y, n_eff)
    tau2 = between_regency_variance(X, y, se ** 2)
    w = 1.0 / (tau2 + se ** 2)
    fit = fit_linear(X, y, names, weights=w / w.mean(), clusters=clusters, vcov_type=vcov_type)
    return PrecisionWeighted(fit=fit, tau2=tau2, standard_errors=se, n_eff=n_eff)
