"""How large could the effect of KBPP coverage on regency stunting plausibly be?

A back-of-the-envelope calculator that turns individual-level evidence on birth intervals
into percentage points of stunting per rise in regency KBPP coverage, so that every estimate
can be shown next to a plausible range. The chain of assumptions, each an argument:

1. A rise of ``coverage_rise_pts`` points in KBPP coverage means ``coverage_rise_pts / 100``
   more mothers per delivery start a modern method within 42 days of giving birth.
2. A share ``share_otherwise_short`` of these additional acceptors would otherwise have had
   their next birth less than 24 months later (a short birth interval). *Assumption*: no
   published Indonesian figure is built in; check it against the birth-interval tables of the
   Indonesia DHS 2017 (BKKBN, BPS, Kemenkes & ICF 2018) before quoting a result.
3. Each averted short interval changes the stunting risk of ``children_per_averted`` children
   (by default 1: the next-born child). *Assumption*: effects on the older sibling, e.g. via
   longer breastfeeding, are left out unless this is raised.
4. A child born after a short interval has relative risk ``RR`` of stunting against a child
   born after 24 months or more (the literature, below).
5. Today's prevalence ``baseline_stunting_pct`` mixes children born after short intervals
   (share ``share_children_after_short``, an assumption) and the rest:
   ``p0 = p_long * (1 + q (RR - 1))``, which gives the risk ``p_long`` of the rest.

Expected change in prevalence (percentage points; negative = less stunting)::

    delta = -(coverage_rise_pts / 100) * share_otherwise_short * children_per_averted
            * p_long * (RR - 1)

Sources of the relative risks:

* Fink G, Sudfeld CR, Danaei G, Ezzati M, Fawzi WW (2014). Scaling-up access to family
  planning may improve linear growth and child development in low and middle income
  countries. PLoS ONE 9(7): e102391. doi:10.1371/journal.pone.0102391. 153 DHS surveys in
  61 countries: birth intervals of 12-23 and under 12 months carry stunting relative risks of
  1.06 (95 % CI 1.05-1.06) and 1.09 (1.06-1.12) against 24-35 months.
* Ntambara J, Zhang W, Qiu A, Cheng Z, Chu M (2023). Optimum birth interval (36-48 months)
  may reduce the risk of undernutrition in children: a meta-analysis. Front Nutr 9: 939747.
  doi:10.3389/fnut.2022.939747. 46 studies: a birth interval of 24 months or more against
  under 24 months, stunting OR 0.61 (95 % CI 0.55-0.67). The odds ratio is inverted (short
  against long) and converted to a relative risk at the risk ``p_long`` (Zhang J, Yu KF 1998,
  JAMA 280: 1690).
* Baseline: SSGI 2024 national stunting prevalence, 19.8 %.

These are associations between children, mostly from cross-sectional surveys; the calculator
gives the size an effect *through birth spacing* could have, not proof that it exists.
Regency-level slopes far outside this range are more likely confounding than effect.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from . import config

SSGI_2024_NATIONAL_PCT = config.SSGI_2024_NATIONAL_PCT

# (label, kind, value): kind "rr" = relative risk short vs long interval; "or_long" = odds
# ratio of the long interval against the short one.
LITERATURE = (
    ("Fink et al. 2014, interval 12-23 months (RR 1.06)", "rr", 1.06),
    ("Fink et al. 2014, interval < 12 months (RR 1.09)", "rr", 1.09),
    ("Ntambara et al. 2023, >= 24 vs < 24 months (OR 0.61)", "or_long", 0.61),
)


def odds_ratio_to_risk_ratio(odds_ratio: float, risk_reference: float) -> float:
    """Zhang & Yu (1998): RR = OR / (1 - p0 + p0 * OR), ``p0`` the reference group's risk
    as a proportion."""
    return odds_ratio / (1.0 - risk_reference + risk_reference * odds_ratio)


def risk_after_long_interval(baseline_pct: float, relative_risk: float,
                             share_children_after_short: float) -> float:
    """The risk (pct) of children born after >= 24 months that reproduces the baseline."""
    return baseline_pct / (1.0 + share_children_after_short * (relative_risk - 1.0))


def relative_risk_from(kind: str, value: float, baseline_pct: float,
                       share_children_after_short: float) -> tuple[float, float]:
    """(RR short vs long, p_long in pct) for a literature entry."""
    if kind == "rr":
        return value, risk_after_long_interval(baseline_pct, value, share_children_after_short)
    if kind != "or_long":
        raise ValueError(f"unknown kind {kind!r}")
    odds_short = 1.0 / value
    rr = odds_short
    for _ in range(100):  # p_long depends on RR and RR on p_long: iterate to the fixed point
        p_long = risk_after_long_interval(baseline_pct, rr, share_children_after_short)
        new_rr = odds_ratio_to_risk_ratio(odds_short, p_long / 100.0)
        if abs(new_rr - rr) < 1e-12:
            break
        rr = new_rr
    return rr, risk_after_long_interval(baseline_pct, rr, share_children_after_short)


def expected_change_pp(coverage_rise_pts: float, share_otherwise_short: float,
                       children_per_averted: float, p_long_pct: float,
                       relative_risk: float) -> float:
    """The chain's last step: expected change in prevalence, percentage points."""
    return -(coverage_rise_pts / 100.0) * share_otherwise_short * children_per_averted \
        * p_long_pct * (relative_risk - 1.0)


@dataclass(frozen=True)
class ExpectedEffect:
    """The plausible range of the effect of a ``coverage_rise_pts`` rise in KBPP coverage."""

    coverage_rise_pts: float
    lower_pp: float  # the most negative (largest reduction)
    upper_pp: float  # the least negative
    scenarios: pd.DataFrame = field(repr=False)
    assumptions: dict = field(default_factory=dict)

    def contains(self, estimate_pp: float) -> bool:
        return self.lower_pp <= estimate_pp <= self.upper_pp

    def per_point(self) -> tuple[float, float]:
        return self.lower_pp / self.coverage_rise_pts, self.upper_pp / self.coverage_rise_pts

    def describe(self) -> str:
        return (f"expected from the birth-interval literature: {self.lower_pp:+.3f} to "
                f"{self.upper_pp:+.3f} pp of stunting per {self.coverage_rise_pts:g}-point rise "
                f"in KBPP coverage")

    def as_dict(self) -> dict:
        return {"coverage_rise_pts": self.coverage_rise_pts, "lower_pp": self.lower_pp,
                "upper_pp": self.upper_pp, "assumptions": dict(self.assumptions),
                "scenarios": self.scenarios.to_dict(orient="records")}


def expected_effect(coverage_rise_pts: float = 10.0,
                    baseline_stunting_pct: float = SSGI_2024_NATIONAL_PCT,
                    share_otherwise_short: tuple[float, ...] = (0.05, 0.25),
                    children_per_averted: float = 1.0,
                    share_children_after_short: float = 0.10,
                    literature=LITERATURE) -> ExpectedEffect:
    """Every combination of a literature relative risk and a ``share_otherwise_short``
    value, and the envelope of their expected changes (see the module docstring)."""
    if not 0 < baseline_stunting_pct < 100:
        raise ValueError("baseline_stunting_pct must lie in (0, 100)")
    shares = tuple(share_otherwise_short)
    if not shares or any(not 0 <= s <= 1 for s in shares):
        raise ValueError("share_otherwise_short: one or more shares in [0, 1]")
    rows = []
    for label, kind, value in literature:
        rr, p_long = relative_risk_from(kind, value, baseline_stunting_pct,
                                        share_children_after_short)
        for share in shares:
            rows.append({"source": label, "relative_risk": rr, "risk_long_interval_pct": p_long,
                         "share_otherwise_short": share,
                         "expected_pp": expected_change_pp(coverage_rise_pts, share,
                                                           children_per_averted, p_long, rr)})
    scenarios = pd.DataFrame(rows)
    assumptions = {"baseline_stunting_pct": baseline_stunting_pct,
                   "share_otherwise_short": list(shares),
                   "children_per_averted": children_per_averted,
                   "share_children_after_short": share_children_after_short}
    return ExpectedEffect(coverage_rise_pts, float(scenarios["expected_pp"].min()),
                          float(scenarios["expected_pp"].max()), scenarios, assumptions)
