"""E-values for unmeasured confounding (VanderWeele & Ding 2017, Ann Intern Med 167:268).

The E-value is the minimum strength of association, on the risk-ratio scale, that an
unmeasured confounder would need with both the exposure and the outcome (beyond the measured
covariates) to fully explain away an observed risk ratio ``RR``::

    E = RR + sqrt(RR * (RR - 1))      (for RR >= 1; use 1 / RR when RR < 1)

For the confidence interval, the same formula is applied to the limit closer to 1; it is 1
when the interval includes the null.

The regency outcome is a prevalence, so an effect in percentage points is turned into a
prevalence ratio at the sample's mean prevalence: a contrast that changes prevalence by
``d`` points from a baseline ``p`` has ``RR = (p + d) / p``. This is a ratio of regency
prevalences, an ecological quantity; it is not the risk ratio for an individual child.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from ..results_contract import EValueSummary


def evalue_rr(rr: float) -> float:
    """E-value of a risk ratio (protective ratios are inverted first)."""
    if not rr > 0:
        raise ValueError(f"a risk ratio must be positive, got {rr}")
    rr = 1.0 / rr if rr < 1 else rr
    return rr + math.sqrt(rr * (rr - 1.0))


@dataclass(frozen=True)
class EValue:
    rr: float  # prevalence ratio for the contrast
    rr_ci_low: float
    rr_ci_high: float
    point: float  # E-value of the estimate
    ci: float  # E-value of the confidence limit closest to the null (1 if it crosses)
    contrast: str

    def record(self) -> EValueSummary:
        """``meta["evalue"]`` as the results contract declares it."""
        return EValueSummary(prevalence_ratio=self.rr, prevalence_ratio_ci_low=self.rr_ci_low,
                             prevalence_ratio_ci_high=self.rr_ci_high, evalue_point=self.point,
                             evalue_ci=self.ci, contrast=self.contrast,
                             method="VanderWeele & Ding 2017; prevalence difference converted "
                                    "to a prevalence ratio at the sample mean prevalence")

    def as_dict(self) -> dict:
        return self.record().write()


def evalue_prevalence_difference(difference_pp: float, ci_low_pp: float, ci_high_pp: float,
                                 baseline_pct: float, contrast: str = "") -> EValue:
    """E-value for a change of ``difference_pp`` points in a prevalence of ``baseline_pct``."""
    if not 0 < baseline_pct < 100:
        raise ValueError(f"baseline prevalence must lie in (0, 100), got {baseline_pct}")

    def ratio(diff: float) -> float:
        # A limit that would push prevalence below zero is capped just above it.
        return max(baseline_pct + diff, 1e-6) / baseline_pct

    rr, lo, hi = ratio(difference_pp), ratio(ci_low_pp), ratio(ci_high_pp)
    crosses = lo <= 1.0 <= hi
    closest = 1.0 if crosses else (lo if rr > 1 else hi)
    return EValue(rr, lo, hi, evalue_rr(rr), 1.0 if crosses else evalue_rr(closest), contrast)
