"""The summary of a suite run: ``SuiteResults.summary()`` returns a :class:`SuiteSummary`.

Like statsmodels' summaries, one object carries the text (``.text``, ``str()``, ``print``),
an HTML rendering for JupyterLab (``_repr_html_``) and the tables as DataFrames
(``.tables``; also ``.comparison``, ``.headline``, ``.power``, ``.sensitivity``,
``.designs``).

The text is in Indonesian by default and in English with ``lang="en"`` (or
``$KBANALYSIS_LANG=en``); its words are the ``summary.*`` keys of :mod:`kbanalysis.messages`
and its numbers take the language's decimal separator. The sentences the suite writes from a
few fixed templates (the inference the data chose, the spatial decision, the influence
sentence, the literature range, the E-value contrast, a few reasons a model was not fitted)
are worded here from their parts; the others (design descriptions and notes, most reasons a
model was not fitted, most notes, the inference labels of the comparison table) are quoted as
the suite wrote them, in English.
"""
from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field

import pandas as pd

from ..messages import Msg, check_lang, default_lang, localized_digits, number, render, t
from ..results_contract import (
    PER_10,
    PER_10_POINTS,
    fitted_variants,
    not_applicable_variants,
    summary_table,
)

RULE = "=" * 78
THIN = "-" * 78
MODEL_WIDTH = 28  # the effect table's model column (wider when a model's name needs it)


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _num(value, lang: str, digits: int = 3) -> str:
    """A signed estimate (``+1.25``; ``-1,25`` in Indonesian); "-" when missing."""
    if _missing(value):
        return "-"
    return localized_digits(f"{value:+.{digits}f}", lang)


def _p(value, lang: str) -> str:
    if _missing(value):
        return "-"
    return localized_digits("<0.001" if value < 0.001 else f"{value:.3f}", lang)


def _interval(low, high, lang: str) -> str:
    """``[-1.25, 0.50]``; ``[-1,25; 0,50]`` in Indonesian, where "," is the decimal mark."""
    return "[" + _joined([_num(low, lang, 2), _num(high, lang, 2)], lang) + "]"


def _s(key: str, lang: str, **values) -> str:
    return t(f"summary.{key}", lang, **values)


def _joined(items, lang: str) -> str:
    """Items of a list of numbers: "; " between them in Indonesian, where "," is decimal."""
    return _s("list_separator", lang).join(items)


# The sentences the suite writes from fixed templates, worded again in ``lang``; a text that
# matches none of them is quoted as it is.

_REASONS = (
    (re.compile(r"(?P<provinces>\d+) provinces with province fixed effects: cluster='regency' "
                r"asked for; heteroskedasticity-robust HC3 errors .*assumed away\)$"),
     "fe_regency"),
    (re.compile(r"(?P<provinces>\d+) provinces with province fixed effects, fewer than "
                r"(?P<few>\d+): too few for cluster-robust inference; .*assumed away\)$"),
     "fe_few"),
    (re.compile(r"(?P<provinces>\d+) provinces with province fixed effects: CR1 errors "
                r"clustered by province \(effects not counted in K\) and the wild cluster "
                r"bootstrap with (?P<weights>.+) weights$"), "fe_cluster"),
    (re.compile(r"cluster='regency' asked for: heteroskedasticity-robust HC3 errors and a "
                r"wild bootstrap over regencies$"), "regency"),
    (re.compile(r"(?P<provinces>\d+) province\(s\) among the complete rows, fewer than the "
                r"(?P<clusters>\d+) clusters cluster-robust errors need: .*accounted for\)$"),
     "few_clusters"),
    (re.compile(r"(?P<provinces>\d+) provinces: CR1 errors clustered by (?P<column>\S+) and "
                r"the wild cluster bootstrap$"), "cluster"),
)

_DECISIONS = {
    "no spatial dependence detected by the LM tests": "none",
    "LM-error significant, LM-lag not: spatial error model": "error",
    "LM-lag significant, LM-error not: a spatial lag model would be indicated": "lag",
    "both LM tests significant; robust LM-error stronger: spatial error model": "both_error",
    "both LM tests significant; robust LM-lag stronger: a spatial lag model would be "
    "indicated": "both_lag",
}

_CONTRAST = re.compile(r"(?P<rise>\d+)-point rise in (?P<exposure>\S+) at mean prevalence "
                       r"(?P<prevalence>[\d.]+) %$")

_STATUSES = {"estimated": "estimated", "descriptive": "descriptive",
             "not applicable": "not_applicable"}


def _reason(text: str, lang: str) -> str:
    """The inference the data chose (``ModelData.inference_reason``) in ``lang``."""
    if isinstance(text, Msg):
        return text.render(lang)
    for pattern, key in _REASONS:
        found = pattern.match(text)
        if found:
            values = found.groupdict()
            if values.get("weights") == "Webb six-point":
                values["weights"] = _s("reason.webb", lang)
            return _s(f"reason.{key}", lang, **values)
    return text


def _decision(text: str, lang: str) -> str:
    if isinstance(text, Msg):
        return text.render(lang)
    key = _DECISIONS.get(text)
    return text if key is None else _s(f"decision.{key}", lang)


_ONE_YEAR = re.compile(r"(?P<column>\S+) is observed in one year only$")
_FIXED_SKIPPED = {"spatial checks switched off": "spatial_off",
                  "no spatial checks (see spatial_checks)": "no_spatial_checks"}


def _quoted(text, lang: str) -> str:
    """A text of the results: a catalogue message (:class:`~kbanalysis.messages.Msg`) in
    ``lang``, anything else as the suite wrote it."""
    return render(text, lang)


def _skipped(text, lang: str) -> str:
    """Why a model was not fitted: a catalogue message or one of the few fixed reasons in
    ``lang``, the others as written."""
    if not isinstance(text, str) or isinstance(text, Msg):
        return _quoted(text, lang)
    if text in _FIXED_SKIPPED:
        return _s(f"skipped.{_FIXED_SKIPPED[text]}", lang)
    called, _, decision = text.partition("not called for: ")
    if not called and decision in _DECISIONS:
        return _s("skipped.not_called_for", lang, decision=_decision(decision, lang))
    found = _ONE_YEAR.match(text)
    if found:
        return _s("skipped.one_year", lang, column=found["column"])
    return text


def _contrast(text: str, lang: str) -> str:
    found = _CONTRAST.match(text)
    if not found:
        return text
    return _s("evalue_contrast", lang, rise=found["rise"], exposure=found["exposure"],
              prevalence=localized_digits(found["prevalence"], lang))


def _influence_sentence(influence, lang: str) -> str:
    big = influence.largest
    if not big:
        return ""
    return (_s("influence", lang, name=str(big["name"]),
               before=_num(influence.estimate_per_10, lang, 2),
               after=_num(big["estimate_without_per_10"], lang, 2),
               shift=number(big["shift_in_se"], lang, 2))
            + _s("influence_notable" if influence.notable else "influence_quiet", lang))


def _power_line(slope: str, power, lang: str) -> str:
    return _s("power", lang, slope=_s(f"slope.{slope}", lang), mde=number(power.mde, lang, 2),
              scale=localized_digits(f"{power.scale:g}", lang), power=f"{power.power:.0%}",
              alpha=f"{power.alpha:.0%}", se=number(power.standard_error * power.scale, lang, 2),
              inference=power.inference, n=str(power.n_obs))


def _headline_lines(results, lang: str) -> list[str]:
    head = results.headline()
    spec = results.spec
    interval = _s("interval_hc3" if results.data.hc3 else "interval_cluster", lang)
    lines = [_s("headline", lang, outcome=spec.outcome, exposure=spec.exposure,
                interval=interval),
             "  " + _s("chosen_by_data", lang, reason=_reason(head.reason, lang))]
    covariates = ", ".join(spec.covariates)
    for key, label in (("unadjusted", _s("unadjusted_label", lang)),
                       ("adjusted", _s("adjusted_label", lang, covariates=covariates)
                        if covariates else _s("adjusted_no_covariates", lang))):
        e = head.effects().get(key)
        if e is None:
            continue
        ci = _interval(e.ci_low, e.ci_high, lang) if e.has_interval else "-"
        lines.append("  " + _s("headline_effect", lang, label=label,
                               estimate=_num(e.estimate, lang, 2), interval=ci,
                               p=_p(e.p_value, lang),
                               analytic=_interval(e.analytic_ci_low, e.analytic_ci_high, lang)))
    for key in ("adjusted", "unadjusted"):
        power = results.power.get(key)
        if power is not None:
            lines.append("  " + _power_line(key, power, lang))
    adjusted = results.power.get("adjusted")
    if adjusted is not None and not spec.exposure.startswith("kbpp_"):
        lines.append("  " + _s("literature_other_exposure", lang, exposure=spec.exposure))
    elif adjusted is not None:
        exp = results.expected
        largest = max(abs(exp.lower_pp), abs(exp.upper_pp))
        verdict = "literature_can" if adjusted.mde <= largest else "literature_cannot"
        lines.append("  " + _s(verdict, lang, low=_num(exp.lower_pp, lang, 3),
                               high=_num(exp.upper_pp, lang, 3),
                               mde=number(adjusted.mde, lang, 2),
                               largest=number(largest, lang, 3)))
    return lines


def _referee_lines(results, lang: str) -> list[str]:
    """Influence, measurement error and power against the number of regencies (issue 18)."""
    lines = []
    if results.influence is not None:
        sentence = _influence_sentence(results.influence, lang)
        if sentence:
            lines.append("  " + _s("influence_line", lang, sentence=sentence))
    exposure = None if results.measurement is None else results.measurement.exposure
    rows = () if exposure is None else exposure.fitted_rows()
    if rows:
        pairs = _joined([_s("reliability_pair", lang, reliability=number(r.reliability, lang, 1),
                            estimate=_num(r.estimate, lang, 2)) for r in rows], lang)
        lines.append("  " + _s("reliability", lang, pairs=pairs))
    needed = (results.power_curve or {}).get("regencies_needed", {})
    if needed:
        items = _joined([_s("regencies_needed_item", lang,
                            target=localized_digits(f"{v['target_pp']:.3g}", lang),
                            regencies=number(v["regencies"], lang, 0) if v["regencies"]
                            else ">10^7")
                         for v in needed.values()], lang)
        lines.append("  " + _s("regencies_needed", lang, items=items))
    return lines


def _frame_lines(results, lang: str) -> list[str]:
    """Outcome, exposure, covariates, weights, clusters, rows and inference, labels aligned."""
    spec, data = results.spec, results.data
    years = data.column_years

    def with_year(column):
        chosen = years.get(column)
        if chosen is None or chosen.year is None:
            return column
        return _s("column_year", lang, column=column, year=str(chosen.year))

    if data.hc3:
        clusters = _s("clusters_hc3", lang, n=str(data.n_obs))
    else:
        clusters = _s("clusters", lang, column=str(spec.cluster_column), n=str(data.n_clusters))
    rows = _s("rows", lang, n=str(data.n_obs), total=str(data.rows_in_year),
              provinces=str(data.n_provinces)) + _absorbed(data, lang)
    fields = [
        ("outcome", _s("outcome_year", lang, outcome=spec.outcome, year=str(spec.outcome_year))),
        ("exposure", f"{spec.exposure} {_exposure_years(results, lang)}"),
        ("covariates", ", ".join(with_year(c) for c in spec.covariates)
         or _s("covariates_none", lang)),
        ("weights", with_year(spec.weights) if spec.weights else _s("weights_none", lang)),
        ("clusters", clusters),
        ("rows", rows),
        ("inference", _reason(data.inference_reason, lang)),
    ]
    labels = {name: _s(f"label.{name}", lang) for name, _ in fields}
    width = max(len(label) for label in labels.values()) + 1
    return [f"{labels[name]:<{width}}{value}" for name, value in fields]


def _effect_table(results, lang: str) -> list[str]:
    """The exposure's effect per 10 points in every model, in aligned columns."""
    spec = results.spec
    per10 = results.comparison.loc[results.comparison["scale"] == PER_10_POINTS]
    names = [row["model"] + ("" if row["term"] == spec.exposure else f" ({row['term']})")
             for _, row in per10.iterrows()]
    width = max([MODEL_WIDTH, *(len(name) + 1 for name in names)])
    column = {key: _s(f"column.{key}", lang)
              for key in ("model", "estimate", "ci", "p", "inference")}
    lines = [f"{column['model']:<{width}}{column['estimate']:>9}  {column['ci']:<21}"
             f"{column['p']:>7}  {column['inference']}"]
    for name, (_, row) in zip(names, per10.iterrows()):
        ci = _interval(row["ci_low"], row["ci_high"], lang)
        lines.append(f"{name:<{width}}{_num(row['estimate'], lang, 2):>9}  {ci:<21}"
                     f"{_p(row['p_value'], lang):>7}  {row['inference']}")
    return lines


def summary_text(results, lang: str | None = None) -> str:
    """The plain-text summary of ``results`` in ``lang`` (None: :func:`default_lang`)."""
    lang = check_lang(default_lang() if lang is None else lang)
    spec = results.spec
    lines = [RULE, _s("title", lang)]
    if results.simulated:
        lines += [_s("simulated_banner", lang, inputs=", ".join(results.simulated_inputs)),
                  _s("simulated_warning", lang)]
    lines += [RULE, *_frame_lines(results, lang), THIN]
    lines += _headline_lines(results, lang)
    lines += _referee_lines(results, lang)
    lines += [THIN, _s("effect_heading", lang, exposure=spec.exposure, outcome=spec.outcome)]
    lines += _effect_table(results, lang)
    exp = results.expected
    lines += [THIN, _s("expected", lang, low=_num(exp.lower_pp, lang, 3),
                       high=_num(exp.upper_pp, lang, 3),
                       rise=localized_digits(f"{exp.coverage_rise_pts:g}", lang))]
    if results.evalue is not None:
        ev = results.evalue
        lines.append(_s("evalue", lang, point=number(ev.point, lang, 2),
                        ci=number(ev.ci, lang, 2), contrast=_contrast(ev.contrast, lang)))
    if results.spatial is not None:
        sp = results.spatial
        lines.append(_s("spatial", lang, model=results.main_model.upper(),
                        moran=number(sp.moran.statistic, lang, 3),
                        p=_p(sp.moran.p_permutation, lang), k=str(sp.k),
                        lm_error=_p(sp.lm["lm_error"][1], lang),
                        lm_lag=_p(sp.lm["lm_lag"][1], lang),
                        decision=_decision(sp.decision, lang)))
    if results.sensitivity is not None:
        grid = results.sensitivity
        lines.append(_s("sensitivity", lang))
        for row in summary_table(grid, PER_10).itertuples(index=False):
            lines.append(f"  {row.group:<26} " + _s(
                "sensitivity_row", lang, fits=f"{row.fits:>3}", low=_num(row.lowest, lang, 2),
                high=_num(row.highest, lang, 2)))
        failed = grid.loc[~fitted_variants(grid) & ~not_applicable_variants(grid)]
        for _, row in failed.iterrows():
            lines.append(f"  {row['variant']}: {_quoted(row['status'], lang)}")
        absent = grid.loc[not_applicable_variants(grid)]
        if len(absent):
            lines.append("  " + _s("variants_absent", lang))
            lines += [f"    {row['variant']}: {_quoted(row['status'], lang)}"
                      for _, row in absent.iterrows()]
    for name, design in results.designs.items():
        flag = _s("design_simulated", lang) if design.statistics.get("simulated") else ""
        status = (_s(f"status.{_STATUSES[design.status]}", lang)
                  if design.status in _STATUSES else design.status)
        lines.append(_s("design", lang, name=name, status=status, flag=flag,
                        description=_quoted(design.description, lang)))
        lines += [f"  {_quoted(note, lang)}" for note in design.notes]
        if name == "change" and design.status == "estimated":
            for _, row in design.table.iterrows():
                lines.append(f"  {row['model']:<26}{_num(row['estimate'], lang, 2):>9}  " + _s(
                    "change_row", lang, interval=_interval(row["ci_low"], row["ci_high"], lang),
                    p=_p(row["p_value"], lang),
                    mde=number(design.statistics["mde_pp"], lang, 2)))
    if results.skipped:
        lines.append(_s("not_fitted", lang))
        lines += [f"  {name}: {_skipped(reason, lang)}"
                  for name, reason in results.skipped.items()]
    notes = [_note(n, results, lang) for n in results.notes]
    for name, meta in results.model_info.items():
        notes += [f"{name}: {_decision(_quoted(n, lang), lang)}" for n in meta["notes"]]
    if notes:
        lines.append(_s("notes", lang))
        lines += [f"  {n}" for n in notes]
    lines += [THIN, _s("ecological", lang), RULE]
    return "\n".join(lines)


def _note(note: str, results, lang: str) -> str:
    """A note of the run: the ones this module words (simulated inputs, the inference, the
    influence sentence) in ``lang``, the others as the suite wrote them."""
    if not isinstance(note, str) or isinstance(note, Msg):
        return _quoted(note, lang)
    reason = results.data.inference_reason
    inputs = ", ".join(results.simulated_inputs)
    if inputs and note == _s("note_simulated", "en", inputs=inputs):
        return _s("note_simulated", lang, inputs=inputs)
    if note == f"inference: {reason}":
        return _s("note_inference", lang, reason=_reason(reason, lang))
    if results.influence is not None and note and note == results.influence.sentence():
        return _influence_sentence(results.influence, lang)
    return note


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
    title: str = ""  # the summary's title in ``lang`` when not given
    lang: str = field(default_factory=default_lang)

    def __post_init__(self):
        check_lang(self.lang)
        if not self.title:
            self.title = _s("title", self.lang)

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
                          table.to_html(index=False, na_rep="-",
                                        float_format=lambda v: _html_float(v, self.lang))]
        return "\n".join(parts)


def _html_float(value: float, lang: str = "en") -> str:
    return localized_digits(f"{value:.4g}", lang)


def summarise_results(results, lang: str | None = None) -> SuiteSummary:
    """The :class:`SuiteSummary` of ``results``, its text in ``lang`` (None:
    :func:`~kbanalysis.messages.default_lang`)."""
    lang = check_lang(default_lang() if lang is None else lang)
    tables = {"headline": headline_table(results), "comparison": comparison_table(results),
              "power": power_table(results)}
    if results.sensitivity is not None:
        tables["sensitivity"] = summary_table(results.sensitivity, PER_10)
        tables["sensitivity_grid"] = results.sensitivity
    for name, design in results.designs.items():
        tables[name] = design.table
        if design.rows is not None and design.rows is not design.table:
            tables[f"{name}_rows"] = design.rows
    return SuiteSummary(text=summary_text(results, lang), tables=tables, lang=lang)


def _exposure_years(results, lang: str) -> str:
    """The exposure year and lag, or, pooled, each year with its regencies and lag."""
    spec, data = results.spec, results.data
    pooled = data.pooled_design()["pooled"] if data.pooled else None
    if not pooled or len(pooled["exposure_years"]) < 2:
        return _s("exposure_year", lang, year=str(spec.exposure_year), lag=str(spec.lag))
    years = ", ".join(_s("exposure_pooled_year", lang, year=str(y), regencies=str(k),
                         lag=str(spec.outcome_year - int(y)))
                      for y, k in pooled["exposure_years"].items())
    first, last = pooled["lag_window_years"][:2]
    return _s("exposure_pooled", lang, first=str(first), last=str(last), years=years)


def _absorbed(data, lang: str) -> str:
    if data.absorbed is None or not len(data.absorbed):
        return ""
    return _s("absorbed", lang, n=str(len(data.absorbed)))
