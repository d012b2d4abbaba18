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


def _headline_lines(results) -> list[str]:
    head = results.headline()
    lines = [f"Headline (pp of stunting per 10-point rise in KBPP coverage; interval: "
             f"{head['interval']})"]
    for key, label in (("unadjusted", "unadjusted (coverage alone)"),
                       ("adjusted", "adjusted (poverty, births outside facilities, early "
                                    "first birth)" if results.spec.covariates else
                        "adjusted (no covariates given)")):
        entry = head.get(key)
        if not entry:
            continue
        ci = (f"[{_num(entry.get('ci_low'), 2)}, {_num(entry.get('ci_high'), 2)}]"
              if "ci_low" in entry else "-")
        analytic = f"[{_num(entry['analytic_ci_low'], 2)}, {_num(entry['analytic_ci_high'], 2)}]"
        lines.append(f"  {label}: {_num(entry['estimate'], 2)} {ci} p {_p(entry.get('p_value'))}"
                     f"; analytic {analytic}")
    for key in ("adjusted", "unadjusted"):
        power = results.power.get(key)
        if power is not None:
            lines.append(f"  {key}: {power.describe()}")
    adjusted = results.power.get("adjusted")
    if adjusted is not None:
        exp = results.expected
        largest = max(abs(exp.lower_pp), abs(exp.upper_pp))
        verdict = ("could detect" if adjusted.mde <= largest else "cannot detect")
        lines.append(f"  literature range {exp.lower_pp:+.3f} to {exp.upper_pp:+.3f} pp: this "
                     f"design {verdict} an effect of birth-spacing size (MDE "
                     f"{adjusted.mde:.2f} pp vs at most {largest:.3f} pp)")
    return lines


def summary_text(results) -> str:
    spec, data = results.spec, results.data
    lines = [RULE, "KBPP coverage and stunting: estimator suite"]
    if results.simulated:
        lines += ["*** SIMULATED INPUTS: " + ", ".join(results.simulated_inputs) + " ***",
                  "*** Results that rest on simulated inputs are not evidence about Indonesia. ***"]
    years = data.column_years

    def year_of(column):
        chosen = years.get(column)
        return "" if chosen is None or chosen.year is None else f" ({chosen.year})"

    if data.hc3:
        clusters = f"none: HC3 by regency ({data.n_obs} regencies)"
    else:
        clusters = f"{spec.cluster_column} ({data.n_clusters})"
    lines += [RULE,
              f"Outcome   {spec.outcome} (year {spec.outcome_year})",
              f"Exposure  {spec.exposure} (year {spec.exposure_year}; lag k = {spec.lag} "
              f"year(s) before the outcome)",
              f"Covariates {', '.join(c + year_of(c) for c in spec.covariates) or 'none'}",
              f"Weights   {(spec.weights + year_of(spec.weights)) if spec.weights else 'none (OLS main model)'}",
              f"Clusters  {clusters}",
              f"Rows      {data.n_obs} regencies used of {data.rows_in_year} in the outcome "
              f"year ({data.n_provinces} province(s))",
              f"Inference {data.inference_reason}",
              THIN]
    lines += _headline_lines(results)
    lines += [THIN,
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
