"""The plain-text summary of a suite run (``SuiteResults.summary()``)."""
from __future__ import annotations

import math

from .sensitivity import summarise

RULE = "=" * 78
THIN = "-" * 78


def _num(value, digits: int = 3) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:+.{digits}f}"


def _p(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return "<0.001" if value < 0.001 else f"{value:.3f}"


def summary_text(results) -> str:
    spec, data = results.spec, results.data
    lines = [RULE, "KBPP coverage and stunting: estimator suite"]
    if results.simulated:
        lines += ["*** SIMULATED INPUTS: " + ", ".join(results.simulated_inputs) + " ***",
                  "*** Results that rest on simulated inputs are not evidence about Indonesia. ***"]
    lines += [RULE,
              f"Outcome   {spec.outcome} (year {spec.year})",
              f"Exposure  {spec.exposure}",
              f"Covariates {', '.join(spec.covariates) or 'none'}",
              f"Weights   {spec.weights or 'none (OLS main model)'}",
              f"Clusters  {spec.cluster_column} ({data.n_clusters})",
              f"Rows      {data.n_obs} used of {data.rows_in_year} in {spec.year}",
              THIN,
              f"Effect per 10-point rise in KBPP coverage (percentage points of stunting)",
              f"{'model':<28}{'estimate':>9}  {'95% CI':<21}{'p':>7}  inference"]
    per10 = results.comparison.loc[results.comparison["scale"] == "pp per 10 points"]
    for _, row in per10.iterrows():
        ci = f"[{_num(row['ci_low'], 2)}, {_num(row['ci_high'], 2)}]"
        model = row["model"] + ("" if row["term"].startswith(spec.exposure + " ")
                                else f" ({row['term'].split(' per ')[0]})")
        lines.append(f"{model:<28}{_num(row['estimate'], 2):>9}  {ci:<21}{_p(row['p_value']):>7}"
                     f"  {row['inference']}")
    lines += [THIN, results.expected.describe() + " (birth-spacing pathway; see "
              "kbanalysis.expected for the assumptions)"]
    if results.evalue is not None:
        ev = results.evalue
        lines.append(f"E-value {ev.point:.2f} (confidence limit: {ev.ci:.2f}) for a "
                     f"{ev.contrast}: an unmeasured confounder associated with both coverage "
                     f"and stunting by a risk ratio of {ev.point:.2f} could explain the "
                     f"estimate away")
    if results.spatial is not None:
        sp = results.spatial
        lines.append(f"Spatial: Moran's I of {results.main_model.upper()} residuals "
                     f"{sp.moran.statistic:.3f} (permutation p {_p(sp.moran.p_permutation)}, "
                     f"kNN k={sp.k}); LM-error p {_p(sp.lm['lm_error'][1])}, LM-lag p "
                     f"{_p(sp.lm['lm_lag'][1])}: {sp.decision}")
    if results.sensitivity is not None:
        lines.append("Sensitivity of the main model's estimate (pp per 10 points):")
        for group, part in summarise(results.sensitivity).items():
            lines.append(f"  {group:<26} {part['n']:>3} fit(s), range "
                         f"{_num(10 * part['min'], 2)} to {_num(10 * part['max'], 2)}")
        failed = results.sensitivity.loc[~results.sensitivity["status"].str.startswith("ok")]
        for _, row in failed.iterrows():
            lines.append(f"  {row['variant']}: {row['status']}")
    if results.skipped:
        lines.append("Not fitted:")
        lines += [f"  {name}: {reason}" for name, reason in results.skipped.items()]
    notes = list(results.notes)
    for name, meta in results.model_info.items():
        notes += [f"{name}: {n}" for n in meta["notes"]]
    if notes:
        lines.append("Notes:")
        lines += [f"  {n}" for n in notes]
    lines += [THIN,
              "Associations between regencies are not effects on children (ecological "
              "fallacy); a regency slope far outside the literature range is more likely "
              "confounding than effect.", RULE]
    return "\n".join(lines)
