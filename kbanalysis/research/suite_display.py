"""What the research notebooks show of a live fit (``SuiteResults``): blocks and figures.

Every function takes the fitted suite and returns what one notebook cell displays, so the
notebooks stay a list of calls. Numbers are rounded for display (2 decimals for effects,
3 for the literature range and p-values), so a re-run on another machine shows the same text.
When any input is simulated, every heading, table caption and figure title says SIMULATED.
"""
from __future__ import annotations

import json

import pandas as pd

from .. import messages as T
from ..reporting import blocks as B
from ..reporting import plots
from ..results_contract import PER_10_POINTS

LANG = "en"  # the research notebooks are written for researchers, in English


def _num(value, decimals: int = 2) -> str:
    return T.signed(value, LANG, decimals)


def _p(value) -> str:
    if value is None or value is pd.NA or value != value:
        return "–"
    return T.p_value(value, LANG)


def exposure_label(results) -> str:
    """What a 10-point rise is a rise in: KBPP coverage, or the exposure column asked for."""
    exposure = results.spec.exposure
    return "KBPP coverage" if exposure == "kbpp_coverage_pct" else exposure


def label(results, text: str) -> str:
    """``text``, marked SIMULATED when any input of the fit is simulated."""
    return f"SIMULATED — {text}" if results.simulated else text


def banner(results, data_description: str) -> B.Block:
    """Which data the fit rests on; the SIMULATED banner when any input is simulated."""
    if results.simulated:
        message = (f"SIMULATED DATA ({data_description}): simulated inputs "
                   f"{', '.join(results.simulated_inputs)}. These results only exercise the "
                   f"analysis and are not evidence about Indonesia; do not quote them.")
        return B.Block(f'<div class="banner simulated" role="alert"><strong>{B.esc(message)}'
                       f'</strong></div>', f"!! {message}")
    message = f"Data: {data_description}."
    return B.Block(f'<div class="banner real"><strong>{B.esc(message)}</strong></div>',
                   f"i {message}")


def specification(results) -> B.Block:
    """Outcome, exposure, years and lag, covariates, weights, rows and the inference used."""
    spec, data = results.spec, results.data
    years = data.column_years

    def year_of(column):
        chosen = years.get(column)
        return "" if chosen is None or chosen.year is None else f" ({chosen.year})"

    items = [f"Outcome: {spec.outcome} in {spec.outcome_year}",
             f"Exposure: {spec.exposure} in {spec.exposure_year} (lag {spec.lag} year(s))",
             "Covariates: " + (", ".join(c + year_of(c) for c in spec.covariates) or "none "
                               "(unadjusted)"),
             "Weights: " + (f"{spec.weights}{year_of(spec.weights)} (main model WLS)"
                            if spec.weights else "none (main model OLS)"),
             f"Rows: {data.n_obs} regencies of {data.rows_in_year} in the outcome year, "
             f"{data.n_provinces} province(s)",
             f"Inference: {data.inference_reason}"]
    return B.join(B.heading(label(results, "Specification")), B.bullets(items))


def power_sentence(results) -> str | None:
    """The minimum detectable effect of the adjusted slope next to the literature range."""
    power = results.power.get("adjusted")
    if power is None:
        return None
    sentence = (f"Power: with {power.n_obs} regencies the smallest effect this design detects "
                f"with 80 % power at the 5 % level is {T.number(power.mde, LANG, 2)} pp of "
                f"stunting per 10-point rise in {exposure_label(results)} (either direction).")
    if results.spec.exposure != "kbpp_coverage_pct":
        return sentence  # the literature range is about KBPP coverage only
    exp = results.expected
    largest = max(abs(exp.lower_pp), abs(exp.upper_pp))
    verdict = "could" if power.mde <= largest else "cannot"
    return (f"{sentence} The birth-spacing literature makes {_num(exp.lower_pp, 3)} to "
            f"{_num(exp.upper_pp, 3)} pp plausible, so these data {verdict} detect an effect "
            f"of that size.")


def headline(results) -> B.Block:
    """The unadjusted and adjusted slopes per 10 points with their intervals, and power."""
    head = results.headline()
    items = []
    for key, what in (("unadjusted", "Unadjusted (coverage alone)"),
                      ("adjusted", "Adjusted" if results.spec.covariates
                       else "Adjusted (no covariates given: same as unadjusted)")):
        e = head.effects().get(key)
        if e is None:
            continue
        interval = (f"95 % interval {_num(e.ci_low)} to {_num(e.ci_high)} "
                    f"(wild bootstrap), p {_p(e.p_value)}" if e.has_interval
                    else "no bootstrap interval")
        items.append(f"{what}: {_num(e.estimate)} pp per 10-point rise; {interval}; "
                     f"analytic {_num(e.analytic_ci_low)} to "
                     f"{_num(e.analytic_ci_high)} ({e.analytic_inference}); "
                     f"n = {int(e.n_obs)}")
    sentence = power_sentence(results)
    secondary, n = secondary_outcome(results)
    every = bool(n) and secondary == n
    parts = [B.heading(label(results, f"Headline: pp of stunting per 10-point rise in "
                                      f"{exposure_label(results)}"
                             + (" (outcome: secondary-source values only)" if every else ""))),
             B.paragraph(secondary_sentence(results, secondary, n), css="key-figure")
             if secondary else None,
             B.bullets(items, f"Interval: {head.interval}.")]
    if sentence:
        parts.append(B.paragraph(sentence, css="key-figure"))
    return B.join(*parts)


def secondary_outcome(results) -> tuple[int, int]:
    """(regencies whose outcome value is a secondary-source copy, regencies in the fit)."""
    from ..models.timing import parse_flags

    frame = results.data.frame
    if "flags" not in frame.columns:
        return 0, len(frame)
    outcome = results.spec.outcome
    flagged = frame["flags"].map(lambda text: (outcome, "secondary_source") in parse_flags(text))
    return int(flagged.sum()), len(frame)


def secondary_sentence(results, secondary: int, n: int) -> str:
    """What a fit on secondary-source outcome values (news and data journalism quoting the
    survey, not its own tables) rests on."""
    year = results.spec.outcome_year
    if secondary == n:
        return (f"Every outcome value of this fit ({n} regencies, {results.spec.outcome} "
                f"{year}) is a secondary-source copy (news or data journalism quoting the "
                f"survey), not the survey's own table: the estimates are provisional.")
    return (f"{secondary} of {n} outcome values ({results.spec.outcome} {year}) are "
            f"secondary-source copies (news or data journalism quoting the survey).")


def comparison_rows(results) -> pd.DataFrame:
    """Every model's exposure effect per 10 points (the rows of the comparison table)."""
    rows = results.comparison.loc[results.comparison["scale"].eq(PER_10_POINTS)]
    return rows.reset_index(drop=True)


def comparison(results) -> tuple:
    """The comparison table and its forest plot with the literature band."""
    rows = comparison_rows(results)
    title = label(results, "Model comparison")
    caption = (f"The exposure effect of each estimator in percentage points of stunting per "
               f"10-point rise in {exposure_label(results)}, with 95 % intervals.")
    table = B.table(rows.assign(ci=[f"{_num(a)} to {_num(b)}" for a, b
                                    in zip(rows["ci_low"], rows["ci_high"])]),
                    {"model": "Model", "estimate": "Estimate", "ci": "95 % interval",
                     "p_value": "p-value", "n_obs": "Rows", "inference": "Inference"},
                    {"estimate": _num, "p_value": _p,
                     "n_obs": lambda v: T.integer(v, LANG)})
    exp = results.expected
    band = ((exp.lower_pp, exp.upper_pp) if results.spec.exposure == "kbpp_coverage_pct"
            else None)  # the literature range is about KBPP coverage only
    figure = plots.estimates_figure(
        rows, LANG, title, band=band, band_label="literature range",
        xlabel=label(results, f"pp of stunting per 10-point rise in {exposure_label(results)}"),
        main=list(rows["model"].isin([results.main_model, f"{results.main_model}_wild_bootstrap"])))
    return (B.heading(title), B.figure_caption(caption), table, figure)


def diagnostics(results) -> B.Block:
    """Spatial checks, the E-value, the models not fitted and every note of the fit."""
    items = []
    sp = results.spatial
    if sp is not None:
        items.append(f"Spatial: Moran's I of the {results.main_model.upper()} residuals "
                     f"{_num(sp.moran.statistic, 3)} (permutation p "
                     f"{_p(sp.moran.p_permutation)}, k = {sp.k} neighbours); LM-error p "
                     f"{_p(sp.lm['lm_error'][1])}, LM-lag p {_p(sp.lm['lm_lag'][1])}: "
                     f"{sp.decision}")
    ev = results.evalue
    if ev is not None:
        items.append(f"E-value {T.number(ev.point, LANG, 2)} (confidence limit "
                     f"{T.number(ev.ci, LANG, 2)}) for a {ev.contrast}")
    items += [f"Not fitted: {name}: {reason}" for name, reason in results.skipped.items()]
    items += [f"Note: {note}" for note in results.notes]
    for name, meta in results.model_info.items():
        items += [f"Note ({name}): {note}" for note in meta["notes"]]
    return B.join(B.heading(label(results, "Diagnostics")), B.bullets(items))


def sensitivity(results) -> tuple:
    """The main model refitted under each variant, per 10 points, with each status."""
    title = label(results, "Sensitivity grid")
    grid = results.sensitivity
    if grid is None:
        return (B.heading(title), B.paragraph("The sensitivity grid was not run."))
    shown = grid.assign(**{c: grid[c] * 10 for c in ("estimate", "ci_low", "ci_high")})
    shown["ci"] = [f"{_num(a)} to {_num(b)}" for a, b in zip(shown["ci_low"], shown["ci_high"])]
    table = B.table(shown, {"group": "Group", "variant": "Variant", "estimate": "Estimate",
                            "ci": "95 % interval", "n_obs": "Rows", "status": "Status"},
                    {"estimate": _num, "n_obs": lambda v: T.integer(v, LANG)})
    return (B.heading(title),
            B.figure_caption("The main model's exposure effect (pp per 10-point rise) under "
                             "each variant; a variant the data cannot estimate says why."),
            table)


def key_facts(results, data_description: str) -> dict:
    """The numbers a reader (or a test) checks first, rounded for display."""
    head = results.headline()

    def rounded(effect, key, digits=4):
        value = None if effect is None else getattr(effect, key)
        return None if value is None or value != value else round(float(value), digits)

    return {"data": data_description, "simulated": results.simulated,
            "simulated_inputs": list(results.simulated_inputs),
            "outcome": results.spec.outcome, "outcome_year": results.spec.outcome_year,
            "exposure": results.spec.exposure, "exposure_year": results.spec.exposure_year,
            "lag_years": results.spec.lag, "covariates": list(results.spec.covariates),
            "weights": results.spec.weights, "n_obs": results.data.n_obs,
            "n_provinces": results.data.n_provinces, "inference": results.data.inference,
            "inference_reason": results.data.inference_reason,
            "unadjusted_per_10": rounded(head.unadjusted, "estimate"),
            "adjusted_per_10": rounded(head.adjusted, "estimate"),
            "adjusted_ci": [rounded(head.adjusted, "ci_low"),
                            rounded(head.adjusted, "ci_high")],
            "mde_per_10": rounded(head.adjusted, "mde_pp"),
            "expected_range_per_10": [round(results.expected.lower_pp, 4),
                                      round(results.expected.upper_pp, 4)],
            "bootstrap_draws": results.bootstrap["draws"]}


def facts_block(facts: dict) -> B.Block:
    """``facts`` as indented JSON (readable in JupyterLab, parseable from the notebook)."""
    text = json.dumps(facts, indent=1, ensure_ascii=False)
    return B.Block(f'<pre class="facts">{B.esc(text)}</pre>', text)


def full_summary(results):
    """The suite's own summary (an object with text and HTML, or plain text)."""
    summary = results.summary()
    text = str(getattr(summary, "text", summary))  # an object with .text, or a string
    # The plain text in both forms: its numbers are rounded, so stored outputs stay stable.
    return B.Block(f"<pre>{B.esc(text)}</pre>", text)
