"""The summary of a suite run: ``SuiteResults.summary()`` returns a :class:`SuiteSummary`.

Like statsmodels' summaries, one object carries the text (``.text``, ``str()``, ``print``),
an HTML rendering for JupyterLab (``_repr_html_``) and the tables as DataFrames
(``.tables``; also ``.comparison``, ``.headline``, ``.power``, ``.sensitivity``,
``.designs``).
"""
from __future__ import annotations

import html
import math
from dataclasses import dataclass, field

import pandas as pd

from ..results_contract import (
    PER_10,
    PER_10_POINTS,
    fitted_variants,
    not_applicable_variants,
    summary_table,
)

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
    spec = results.spec
    lines = [f"Headline (pp of {spec.outcome} per 10-point rise in {spec.exposure}; interval: "
             f"{head.interval})",
             f"  inference chosen by the data: {head.reason}"]
    covariates = ", ".join(spec.covariates)
    for key, label in (("unadjusted", "unadjusted (exposure alone)"),
                       ("adjusted", f"adjusted ({covariates})" if covariates else
                        "adjusted (no covariates given)")):
        e = head.effects().get(key)
        if e is None:
            continue
        ci = f"[{_num(e.ci_low, 2)}, {_num(e.ci_high, 2)}]" if e.has_interval else "-"
        analytic = f"[{_num(e.analytic_ci_low, 2)}, {_num(e.analytic_ci_high, 2)}]"
        lines.append(f"  {label}: {_num(e.estimate, 2)} {ci} p {_p(e.p_value)}"
                     f"; analytic {analytic}")
    for key in ("adjusted", "unadjusted"):
        power = results.power.get(key)
        if power is not None:
            lines.append(f"  {key}: {power.describe()}")
    adjusted = results.power.get("adjusted")
    if adjusted is not None and not spec.exposure.startswith("kbpp_"):
        lines.append(f"  the literature range concerns KBPP coverage, not {spec.exposure}: no "
                     f"comparison with the MDE")
    elif adjusted is not None:
        exp = results.expected
        largest = max(abs(exp.lower_pp), abs(exp.upper_pp))
        verdict = ("could detect" if adjusted.mde <= largest else "cannot detect")
        lines.append(f"  literature range {exp.lower_pp:+.3f} to {exp.upper_pp:+.3f} pp: this "
                     f"design {verdict} an effect of birth-spacing size (MDE "
                     f"{adjusted.mde:.2f} pp vs at most {largest:.3f} pp)")
    return lines


def _referee_lines(results) -> list[str]:
    """Influence, measurement error and power against the number of regencies (issue 18)."""
    lines = []
    if results.influence is not None:
        lines.append(f"  influence: {results.influence.sentence()}")
    exposure = None if results.measurement is None else results.measurement.exposure
    rows = () if exposure is None else exposure.fitted_rows()
    if rows:
        lines.append("  exposure reliability " + ", ".join(
            f"{r.reliability:.1f}: {r.estimate:+.2f}" for r in rows)
            + " (slope per 10 points corrected for attenuation)")
    needed = (results.power_curve or {}).get("regencies_needed", {})
    if needed:
        lines.append("  regencies needed for 80 % power: " + ", ".join(
            f"{v['target_pp']:.3g} pp -> {v['regencies'] if v['regencies'] else '>10^7'}"
            for v in needed.values()))
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
              f"Exposure  {spec.exposure} " + _exposure_years(results),
              f"Covariates {', '.join(c + year_of(c) for c in spec.covariates) or 'none'}",
              f"Weights   {(spec.weights + year_of(spec.weights)) if spec.weights else 'none (OLS main model)'}",
              f"Clusters  {clusters}",
              f"Rows      {data.n_obs} regencies used of {data.rows_in_year} in the outcome "
              f"year ({data.n_provinces} province(s))" + _absorbed(data),
              f"Inference {data.inference_reason}",
              THIN]
    lines += _headline_lines(results)
    lines += _referee_lines(results)
    lines += [THIN,
              f"Effect per 10-point rise in {spec.exposure} (percentage points of "
              f"{spec.outcome})",
              f"{'model':<28}{'estimate':>9}  {'95% CI':<21}{'p':>7}  inference"]
    per10 = results.comparison.loc[results.comparison["scale"] == PER_10_POINTS]
    for _, row in per10.iterrows():
        ci = f"[{_num(row['ci_low'], 2)}, {_num(row['ci_high'], 2)}]"
        model = row["model"] + ("" if row["term"] == spec.exposure else f" ({row['term']})")
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
        grid = results.sensitivity
        lines.append("Sensitivity of the main model's estimate (pp per 10 points):")
        for row in summary_table(grid, PER_10).itertuples(index=False):
            lines.append(f"  {row.group:<26} {row.fits:>3} fit(s), range "
                         f"{_num(row.lowest, 2)} to {_num(row.highest, 2)}")
        failed = grid.loc[~fitted_variants(grid) & ~not_applicable_variants(grid)]
        for _, row in failed.iterrows():
            lines.append(f"  {row['variant']}: {row['status']}")
        absent = grid.loc[not_applicable_variants(grid)]
        if len(absent):
            lines.append("  Variants not offered (their data do not exist here):")
            lines += [f"    {row['variant']}: {row['status']}" for _, row in absent.iterrows()]
    for name, design in results.designs.items():
        flag = " [SIMULATED inputs]" if design.statistics.get("simulated") else ""
        lines.append(f"Design '{name}' ({design.status}){flag}: {design.description}")
        lines += [f"  {note}" for note in design.notes]
        if name == "change" and design.status == "estimated":
            for _, row in design.table.iterrows():
                lines.append(f"  {row['model']:<26}{_num(row['estimate'], 2):>9}  "
                             f"[{_num(row['ci_low'], 2)}, {_num(row['ci_high'], 2)}] p "
                             f"{_p(row['p_value'])} (pp per 10 points; MDE "
                             f"{design.statistics['mde_pp']:.2f})")
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


# --------------------------------------------------------------------------------------
# The summary object


def headline_table(results) -> pd.DataFrame:
    """One row per headline slope (unadjusted, adjusted), pp per 10 points: the headline
    interval and p-value, the analytic ones, the MDE and the literature range."""
    head = results.headline()
    rows = []
    for key, e in head.effects().items():
        rows.append({"slope": key, "model": e.model, "estimate": e.estimate,
                     "ci_low": e.ci_low, "ci_high": e.ci_high, "p_value": e.p_value,
                     "analytic_ci_low": e.analytic_ci_low,
                     "analytic_ci_high": e.analytic_ci_high,
                     "analytic_p_value": e.analytic_p_value, "mde_pp": e.mde_pp,
                     "expected_low": head.expected_low, "expected_high": head.expected_high,
                     "n_obs": e.n_obs, "interval": head.interval, "inference": head.inference})
    return pd.DataFrame(rows)


def comparison_table(results) -> pd.DataFrame:
    """The exposure's effect per 10 points in every model (the comparison's exposure rows)."""
    c = results.comparison
    rows = c.loc[c["is_exposure"] & c["scale"].eq(PER_10_POINTS)]
    return rows[["model", "term", "estimate", "std_error", "ci_low", "ci_high", "p_value",
                 "n_obs", "n_clusters", "inference", "expected_low",
                 "expected_high"]].reset_index(drop=True)


def power_table(results) -> pd.DataFrame:
    """The minimum detectable effect of each headline slope and its ingredients."""
    rows = [{"slope": key, **{k: v for k, v in value.as_dict().items() if k != "formula"}}
            for key, value in results.power.items()]
    return pd.DataFrame(rows)


@dataclass
class SuiteSummary:
    """What ``SuiteResults.summary()`` returns: text, HTML and the tables.

    ``text`` (also ``str(summary)``) is what ``kbanalysis fit`` prints; ``_repr_html_``
    renders the same content in JupyterLab; ``tables`` holds DataFrames by name:

    - ``headline``: unadjusted and adjusted slopes per 10 points with the headline interval,
      the analytic one, the MDE and the literature range;
    - ``comparison``: the exposure's effect per 10 points in every model;
    - ``power``: the MDE of each headline slope and its design ingredients;
    - ``sensitivity``: per group of fitted variants, the number of fits and the range (pp per
      10 points); ``sensitivity_grid``: every variant with its status;
    - one table per extra design (``designs``), e.g. ``change`` (its slope per 10 points;
      ``change_rows``: the regencies, ``secondary_source`` marked), ``other_exposures``,
      ``province``.
    """

    text: str
    tables: dict = field(default_factory=dict)
    title: str = "KBPP coverage and stunting: estimator suite"

    def __str__(self) -> str:
        return self.text

    def __contains__(self, part: str) -> bool:
        return part in self.text

    def __getattr__(self, name):
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    @property
    def designs(self) -> dict:
        return {k: v for k, v in self.tables.items()
                if k not in ("headline", "comparison", "power", "sensitivity",
                             "sensitivity_grid")}

    def _repr_html_(self) -> str:
        parts = [f"<h3>{html.escape(self.title)}</h3>",
                 f"<pre>{html.escape(self.text)}</pre>"]
        for name, table in self.tables.items():
            if isinstance(table, pd.DataFrame) and len(table):
                parts += [f"<h4>{html.escape(name)}</h4>",
                          table.to_html(index=False, na_rep="-", float_format=_html_float)]
        return "\n".join(parts)


def _html_float(value: float) -> str:
    return f"{value:.4g}"


def summarise_results(results) -> SuiteSummary:
    """The :class:`SuiteSummary` of ``results``."""
    tables = {"headline": headline_table(results), "comparison": comparison_table(results),
              "power": power_table(results)}
    if results.sensitivity is not None:
        tables["sensitivity"] = summary_table(results.sensitivity, PER_10)
        tables["sensitivity_grid"] = results.sensitivity
    for name, design in results.designs.items():
        tables[name] = design.table
        if design.rows is not None and design.rows is not design.table:
            tables[f"{name}_rows"] = design.rows
    return SuiteSummary(text=summary_text(results), tables=tables)


def _exposure_years(results) -> str:
    """The exposure year and lag, or, pooled, each year with its regencies and lag."""
    spec, data = results.spec, results.data
    pooled = data.pooled_design()["pooled"] if data.pooled else None
    if not pooled or len(pooled["exposure_years"]) < 2:
        return f"(year {spec.exposure_year}; lag k = {spec.lag} year(s) before the outcome)"
    years = ", ".join(f"{y} for {k} (lag {spec.outcome_year - int(y)})"
                      for y, k in pooled["exposure_years"].items())
    return (f"(pooled, each regency its latest real year {pooled['lag_window_years'][0]}-"
            f"{pooled['lag_window_years'][1]} years before the outcome: {years})")


def _absorbed(data) -> str:
    if data.absorbed is None or not len(data.absorbed):
        return ""
    return (f"; {len(data.absorbed)} more alone in their province, absorbed by its fixed "
            f"effect (not informative for the slope)")
