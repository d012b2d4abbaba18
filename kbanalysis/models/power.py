"""Minimum detectable effect (MDE) of the design actually fitted.

The smallest true slope a two-sided test at level ``alpha`` detects with probability
``power``, per ``scale`` points of exposure (10: per 10-point rise in KBPP coverage)::

    MDE = (q_{1 - alpha/2} + q_{power}) * SE(beta) * scale

``SE(beta)`` is the exposure's standard error under the inference the suite chose (CR1 by
province, or HC3), so the MDE carries that inference's variance; ``q`` are quantiles of the
same reference distribution as the tests (Student's t with the inference's degrees of
freedom; the normal when ``df`` is None, which gives the textbook
``(z_0.975 + z_0.80) = 2.80``). The ingredients are reported too: rows, residual SD, SD of
the exposure (raw and net of the covariates), the classical SE they imply,
``SE_0 = s_e / sqrt(sum_i w_i x_net,i^2) = s_e / (s_x|z * sqrt(n))`` (weights of mean 1), and the
variance inflation ``(SE / SE_0)^2`` of the chosen inference over it (Bloom 1995, Eval Rev
19:547; Cohen 1988 ch. 9).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats

ALPHA = 0.05
POWER = 0.80


def mde_multiplier(alpha: float = ALPHA, power: float = POWER, df: int | None = None) -> float:
    """``q_{1-alpha/2} + q_{power}`` of t(df), or of the normal when ``df`` is None."""
    if not (0 < alpha < 1 and 0 < power < 1):
        raise ValueError("alpha and power must lie in (0, 1)")
    dist = stats.norm if df is None else stats.t(df)
    return float(dist.ppf(1 - alpha / 2) + dist.ppf(power))


def minimum_detectable_effect(standard_error: float, *, scale: float = 10.0,
                              alpha: float = ALPHA, power: float = POWER,
                              df: int | None = None) -> float:
    """The MDE (a positive number, in outcome units per ``scale`` exposure units)."""
    return mde_multiplier(alpha, power, df) * float(standard_error) * scale


@dataclass(frozen=True)
class DesignPower:
    """The MDE of one fitted slope and the design quantities behind it."""

    model: str
    inference: str
    mde: float  # pp per ``scale`` points, positive
    scale: float
    standard_error: float  # per point, under the chosen inference
    df: int | None
    alpha: float
    power: float
    n_obs: int
    residual_sd: float  # weighted residual SD (sqrt(sum w e^2 / (n - k)))
    exposure_sd: float  # weighted SD of the exposure
    exposure_sd_net: float  # weighted SD of the exposure net of the other regressors
    classical_se: float  # s_e / sqrt(sum w x_net^2): the homoskedastic SE
    variance_inflation: float  # (standard_error / classical_se)^2

    def as_dict(self) -> dict:
        return {"model": self.model, "inference": self.inference,
                "mde_pp": self.mde, "per_points": self.scale,
                "standard_error_per_point": self.standard_error, "df": self.df,
                "alpha": self.alpha, "power": self.power, "n_obs": self.n_obs,
                "residual_sd": self.residual_sd, "exposure_sd": self.exposure_sd,
                "exposure_sd_net_of_covariates": self.exposure_sd_net,
                "classical_standard_error_per_point": self.classical_se,
                "variance_inflation": self.variance_inflation,
                "formula": "MDE = (q_{1-alpha/2} + q_{power}) * SE(beta) * per_points; q from "
                           "t(df) of the chosen inference (normal when df is null); SE(beta) "
                           "from the chosen inference"}

    def describe(self) -> str:
        return (f"minimum detectable effect {self.mde:.2f} pp per {self.scale:g}-point rise "
                f"({self.power:.0%} power, {self.alpha:.0%} two-sided; SE "
                f"{self.standard_error * self.scale:.2f} from {self.inference}, n={self.n_obs})")


def design_power(model: str, X: np.ndarray, resid: np.ndarray, weights: np.ndarray | None,
                 column: int, standard_error: float, df: int | None, inference: str, *,
                 scale: float = 10.0, alpha: float = ALPHA,
                 power: float = POWER) -> DesignPower:
    """The MDE of ``X[:, column]``'s slope and its design ingredients."""
    n, k = X.shape
    w = np.ones(n) if weights is None else np.asarray(weights, dtype=float)
    sw = np.sqrt(w)
    x = X[:, column]
    others = np.delete(X, column, axis=1)
    coef = np.linalg.lstsq(others * sw[:, None], x * sw, rcond=None)[0]
    x_net = x - others @ coef
    residual_sd = float(np.sqrt(np.sum(w * resid ** 2) / (n - k)))
    mean_x = np.average(x, weights=w)
    exposure_sd = float(np.sqrt(np.average((x - mean_x) ** 2, weights=w)))
    exposure_sd_net = float(np.sqrt(np.average(x_net ** 2, weights=w)))
    classical = residual_sd / float(np.sqrt(np.sum(w * x_net ** 2)))
    return DesignPower(model=model, inference=inference,
                       mde=minimum_detectable_effect(standard_error, scale=scale, alpha=alpha,
                                                     power=power, df=df),
                       scale=scale, standard_error=float(standard_error), df=df, alpha=alpha,
                       power=power, n_obs=n, residual_sd=residual_sd, exposure_sd=exposure_sd,
                       exposure_sd_net=exposure_sd_net, classical_se=classical,
                       variance_inflation=float((standard_error / classical) ** 2))


CURVE_REGENCIES = (20, 35, 50, 75, 100, 150, 200, 300, 400, 514, 750, 1000, 1500, 2000)
INDONESIA_REGENCIES = 514


def mde_at(n: int, design: DesignPower, n_params: int) -> float:
    """The MDE ``design`` would have with ``n`` regencies like the observed ones: the same
    residual SD, exposure SD net of the covariates and variance inflation of the inference,
    the standard error shrinking as 1 / sqrt(n) and the t reference on n - k df."""
    se = (np.sqrt(design.variance_inflation) * design.residual_sd
          / (design.exposure_sd_net * np.sqrt(n)))
    df = None if design.df is None else n - n_params
    return minimum_detectable_effect(se, scale=design.scale, alpha=design.alpha,
                                     power=design.power, df=df)


def regencies_needed(target: float, design: DesignPower, n_params: int,
                     limit: int = 10 ** 7) -> int | None:
    """The fewest regencies whose MDE is at most ``|target|`` (None beyond ``limit``)."""
    target = abs(float(target))
    if target <= 0 or mde_at(limit, design, n_params) > target:
        return None
    low, high = n_params + 2, limit
    while low < high:  # the MDE falls with n: bisect on whole numbers
        mid = (low + high) // 2
        if mde_at(mid, design, n_params) <= target:
            high = mid
        else:
            low = mid + 1
    return low


def power_curve(design: DesignPower, n_params: int, targets: dict[str, float],
                regencies=CURVE_REGENCIES) -> dict:
    """The MDE against the number of regencies, and the regencies each target needs."""
    needed = {}
    for key, target in targets.items():
        n = regencies_needed(target, design, n_params)
        needed[key] = {"target_pp": abs(float(target)), "regencies": n,
                       "exceeds_indonesia": n is None or n > INDONESIA_REGENCIES}
    return {"model": design.model, "per_points": design.scale,
            "curve": [{"regencies": int(n), "mde_pp": mde_at(n, design, n_params)}
                      for n in regencies if n > n_params + 1],
            "regencies_needed": needed,
            "assumptions": "the observed residual SD, exposure SD net of the covariates and "
                           "variance inflation of the chosen inference held fixed; SE "
                           "proportional to 1 / sqrt(n); t(n - k) quantiles; independent "
                           "regencies (more provinces would add between-province variance)"}
