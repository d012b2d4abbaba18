"""What a referee asks of the main model, as report blocks: the primary estimate among many,
the baseline-adjusted and change designs, influence, covariate timing, measurement error, the
province rank correlation and power against the number of regencies.

Everything is read from ``meta.json`` (and ``influence.csv``) as ``kbanalysis fit`` wrote
them, so the national report and ``notebooks/2.01-model.ipynb`` (which passes the live fit
through the same writer, :func:`live_meta`) show the same sentences. Bahasa Indonesia and
English; numbers are rounded for display.
"""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pandas as pd

from .. import messages as T
from ..indicators import label
from ..regions import load_provinces
from ..results_contract import (
    INFLUENCE_CSV,
    CovariateTiming,
    Designs,
    Headline,
    InfluenceSummary,
    MeasurementError,
    Power,
    Primary,
)
from . import blocks as B


def _s(value, lang, decimals=2) -> str:
    return T.signed(value, lang, decimals)


def live_meta(results) -> dict:
    """``meta.json`` of a live fit as the writer rounds it (for the research notebook)."""
    from ..models.output import json_ready, meta
    return json_ready(meta(results))


def read_influence(results_dir) -> pd.DataFrame | None:
    path = Path(results_dir) / INFLUENCE_CSV
    return pd.read_csv(path, dtype={"bps_code": str}) if path.is_file() else None


def primary(meta: dict, lang: str) -> tuple:
    entry = Primary.read(meta)
    if entry is None:
        return ()
    return (B.heading(T.t("ref_h_primary", lang), level=3),
            B.paragraph(T.t("ref_primary", lang, model=str(entry.model).upper(),
                          others=entry.other_exposure_estimates)))


def _row(label, estimate, low, high, n) -> dict:
    return {"design": label, "estimate": estimate, "low": low, "high": high, "n": n}


def designs(meta: dict, lang: str) -> tuple:
    found = Designs.read(meta)
    baseline = None if found is None else found.get("baseline")
    if baseline is None or not baseline.estimated:
        return ()
    base = baseline.statistics
    headline = Headline.read(meta)
    main = headline.adjusted if headline is not None else None
    rows = [] if main is None else [_row(T.t("ref_design_main", lang), main.estimate, main.ci_low,
                                         main.ci_high, main.n_obs)]
    change = found.get("change")
    for entry in () if change is None else change.table:
        if str(entry.get("model", "")).endswith("_wild_bootstrap"):
            rows.append(_row(T.t("ref_design_change", lang, a=change.statistics["from_year"],
                               b=change.statistics["to_year"]), entry["estimate"], entry["ci_low"],
                             entry["ci_high"], entry["n_obs"]))
    rows.append(_row(T.t("ref_design_baseline", lang, year=base["baseline_year"]),
                     base["estimate_per_10"], base["bootstrap_ci_low_per_10"],
                     base["bootstrap_ci_high_per_10"], base["n_obs"]))
    frame = pd.DataFrame(rows).assign(
        ci=lambda f: [f"{_s(a, lang)} … {_s(b, lang)}" for a, b in zip(f["low"], f["high"])])
    coef = base["baseline_coefficient"]
    parts = [B.heading(T.t("ref_h_designs", lang), level=3),
             B.figure_caption(T.t("ref_designs_caption", lang, year=base["baseline_year"],
                                coef=T.number(coef["estimate"], lang, 2),
                                low=T.number(coef["ci_low"], lang, 2),
                                high=T.number(coef["ci_high"], lang, 2))),
             B.table(frame, {"design": T.t("ref_col_design", lang), "estimate": T.t("ref_col_estimate", lang),
                             "ci": T.t("ref_col_ci", lang), "n": T.t("ref_col_n", lang)},
                     {"estimate": lambda v: _s(v, lang), "n": lambda v: T.integer(v, lang)})]
    if base["baseline_year"] > base["exposure_year"]:
        parts.append(B.paragraph(T.t("ref_baseline_post", lang, year=base["baseline_year"],
                                   exposure_year=base["exposure_year"],
                                   n=base["n_secondary_source"])))
    return tuple(parts)


def influence(meta: dict, table: pd.DataFrame | None, lang: str) -> tuple:
    info = InfluenceSummary.read(meta)
    big = None if info is None else info.largest
    if big is None:
        return ()
    se = abs(big.change_per_10) / info.std_error_per_10
    sentence = T.t("ref_influence", lang, name=big.name, before=_s(info.estimate_per_10, lang),
                 after=_s(big.estimate_without_per_10, lang), se=T.number(se, lang, 2))
    verdict = T.t("ref_influence_notable" if info.notable else "ref_influence_quiet", lang)
    parts = [B.heading(T.t("ref_h_influence", lang), level=3),
             B.paragraph(f"{sentence} {verdict}", css="key-figure")]
    if table is not None and not table.empty:
        top = table.reindex(table["change_in_se"].abs().sort_values(ascending=False).index)
        parts += [B.figure_caption(T.t("ref_influence_caption", lang)),
                  B.table(top.head(5), {"name": T.t("ref_col_region", lang),
                                        "estimate_without_per_10": T.t("ref_col_without", lang),
                                        "change_in_se": T.t("ref_col_shift_se", lang),
                                        "leverage": T.t("ref_col_leverage", lang),
                                        "cooks_distance": T.t("ref_col_cook", lang)},
                          {"estimate_without_per_10": lambda v: _s(v, lang),
                           "change_in_se": lambda v: _s(v, lang),
                           "leverage": lambda v: T.number(v, lang, 3),
                           "cooks_distance": lambda v: T.number(v, lang, 3)})]
    return tuple(parts)


def _variant(meta: dict, name: str) -> dict:
    for entry in meta.get("sensitivity") or []:
        if entry.get("variant") == name and str(entry.get("status", "")).startswith("ok"):
            return entry
    return {}


def timing(meta: dict, lang: str) -> tuple:
    info = CovariateTiming.read(meta)
    if info is None:
        return ()
    head = B.heading(T.t("ref_h_timing", lang), level=3)
    post = info.post_exposure
    if not post:
        return (head, B.paragraph(T.t("ref_timing_none", lang)))
    pre = _variant(meta, "timing_pre_exposure_only")
    urban = _variant(meta, "timing_pre_exposure_add_urban_kota")

    def per_10(entry, key):
        return _s(entry[key] * 10, lang) if entry.get(key) is not None else "–"

    listed = ", ".join(f"{label(c, lang)} ({info.years[c]})" for c in post)  # in words, not column names
    return (head, B.paragraph(T.t("ref_timing", lang, exposure_year=info.exposure_year,
                                post=listed, pre=per_10(pre, "estimate"),
                                pre_low=per_10(pre, "ci_low"), pre_high=per_10(pre, "ci_high"),
                                urban=per_10(urban, "estimate"))))


def measurement(meta: dict, lang: str) -> tuple:
    info = MeasurementError.read(meta)
    exposure = None if info is None else info.exposure
    if exposure is None:
        return ()
    rows = pd.DataFrame([r.write() for r in exposure.fitted_rows()])
    rows["ci"] = [f"{_s(a, lang)} … {_s(b, lang)}" for a, b in zip(rows["ci_low"],
                                                                    rows["ci_high"])]
    parts = [B.heading(T.t("ref_h_measurement", lang), level=3),
             B.figure_caption(T.t("ref_measurement_caption", lang)),
             B.table(rows, {"reliability": T.t("ref_col_reliability", lang),
                            "net_reliability": T.t("ref_col_net", lang),
                            "estimate": T.t("ref_col_estimate", lang), "ci": T.t("ref_col_ci", lang),
                            "mde_pp": T.t("ref_col_mde", lang)},
                     {"reliability": lambda v: T.number(v, lang, 1),
                      "net_reliability": lambda v: T.number(v, lang, 2),
                      "estimate": lambda v: _s(v, lang),
                      "mde_pp": lambda v: T.number(v, lang, 2)})]
    outcome = info.outcome
    if outcome is not None:
        from .. import config
        parts.append(B.paragraph(T.t(
            "ref_precision", lang, se_min=T.number(outcome.sampling_se_min, lang, 1),
            se_max=T.number(outcome.sampling_se_max, lang, 1),
            half=T.number(config.SSGI_REGENCY_HALF_WIDTH_95, lang, 0),
            estimate=_s(outcome.estimate_per_10, lang),
            low=_s(outcome.ci_low_per_10, lang), high=_s(outcome.ci_high_per_10, lang))))
    return tuple(parts)


def province(meta: dict, lang: str) -> tuple:
    found = Designs.read(meta)
    design = None if found is None else found.get("province")
    info = {} if design is None else design.statistics
    if info.get("spearman_ci_low") is None:
        return ()
    exposure, outcome = info.get("exposure"), info.get("outcome")
    pair = ("" if not exposure or not outcome else
            T.t("ref_province_pair", lang, exposure=label(exposure, lang), exposure_year=info.get("exposure_year"),
                outcome=label(outcome, lang), outcome_year=info.get("outcome_year")) + " ")
    parts = [B.heading(T.t("ref_h_province", lang), level=3),
             B.paragraph(pair + T.t("ref_province", lang, rho=_s(info["spearman_rho"], lang),
                                    low=_s(info["spearman_ci_low"], lang),
                                    high=_s(info["spearman_ci_high"], lang), n=info["n_provinces"]))]
    what_if = info.get("with_published_placeholders")
    if what_if:
        if what_if.get("published"):  # province names and numbers in the page's language
            names = load_provinces().set_index("province_bps")["province_name"]
            values = [f"{names.get(v['province_bps'], v['province_bps'])} {v['year']}: "
                      f"{T.number(v['value'], lang, 1)} %" for v in what_if["published"]]
        else:  # results written before the structured list
            values = what_if["values"]
        parts.append(B.paragraph(T.t("ref_province_what_if", lang, values="; ".join(values),
                                   rho=_s(what_if["spearman_rho"], lang),
                                   low=_s(what_if["spearman_ci_low"], lang),
                                   high=_s(what_if["spearman_ci_high"], lang),
                                   n=what_if["n_provinces"])))
    return tuple(parts)


def power(meta: dict, lang: str) -> tuple:
    info = Power.read(meta)
    if info is None or not info.curve or "0.2" not in (info.regencies_needed or {}):
        return ()
    frame = pd.DataFrame(list(info.curve))
    needed = {k: asdict(v) for k, v in info.regencies_needed.items()}
    largest = needed.get("literature_largest", {})
    return (B.heading(T.t("ref_h_power", lang), level=3),
            B.figure_caption(T.t("ref_power_caption", lang)),
            B.table(frame, {"regencies": T.t("ref_col_regencies", lang), "mde_pp": T.t("ref_col_mde", lang)},
                    {"regencies": lambda v: T.integer(v, lang),
                     "mde_pp": lambda v: T.number(v, lang, 2)}),
            B.paragraph(T.t("ref_needed", lang, target=T.number(needed["0.2"]["target_pp"], lang, 2),
                          largest=T.number(largest.get("target_pp"), lang, 2),
                          n_largest=T.integer(largest.get("regencies"), lang),
                          n_target=T.integer(needed["0.2"]["regencies"], lang)),
                        css="key-figure"))


def sections(meta: dict, lang: str, influence_table: pd.DataFrame | None = None) -> tuple:
    """Every block above, under one heading (a note when the results predate them)."""
    parts = (*primary(meta, lang), *designs(meta, lang),
             *influence(meta, influence_table, lang), *timing(meta, lang),
             *measurement(meta, lang), *province(meta, lang), *power(meta, lang))
    if not parts:
        return (B.heading(T.t("ref_h_referee", lang)), B.paragraph(T.t("ref_missing", lang)))
    return (B.heading(T.t("ref_h_referee", lang)), *parts)


def national(ctx, lang: str) -> tuple:
    """The national report's referee section, from the written results."""
    return sections(ctx.meta or {}, lang, read_influence(ctx.results_dir))


def notebook(results) -> tuple:
    """The same section for a live fit (English, as the research notebooks)."""
    return sections(live_meta(results), "en", results.influence.table
                    if results.influence is not None else None)
