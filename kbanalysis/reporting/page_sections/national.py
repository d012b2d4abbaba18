"""The sections of the national report (``notebooks/reports/national.ipynb``), with its
research appendix.
"""
from __future__ import annotations

import re

import pandas as pd

from ... import messages as T
from ...results_contract import EValueSummary, Spatial
from .. import areas as A
from .. import blocks as B
from .. import content as C
from .. import official as O
from .. import referee as R
from .. import svgcharts
from ..context import ReportContext
from ..sourcing import planning_method
from .shared import (
    _download,
    _indicator_label,
    _interval,
    _model_tag,
    _pct,
    _regency_mean_sentence,
    _target_count,
    banner,
    own_targets,
    trend_sentence,
    trend_target,
)


def expected_range(ctx: ReportContext, lang: str) -> tuple:
    head = B.heading(T.t("h_expected", lang))
    expected = C.expected_effect(ctx.meta)
    if expected is None:
        return (head, B.paragraph(T.t("expected_missing", lang)))
    sentence = T.t("expected_sentence", lang, low=T.signed(expected["lower_pp"], lang, 3),
                   high=T.signed(expected["upper_pp"], lang, 3))
    scenarios = expected["scenarios"]
    if scenarios.empty:
        return (head, B.paragraph(sentence))
    scenarios = scenarios.assign(source=[literature_words(v, lang) for v in scenarios["source"]])
    table = B.table(scenarios, {"source": T.t("col_source", lang), "relative_risk": T.t("col_relative_risk", lang),
                                "share_otherwise_short": T.t("col_share_short", lang),
                                "expected_pp": T.t("col_expected_pp", lang)},
                    {"relative_risk": lambda v: T.number(v, lang, 3),
                     "share_otherwise_short": lambda v: T.number(v, lang, 2),
                     "expected_pp": lambda v: T.signed(float(v), lang, 3)})
    return (head, B.paragraph(sentence), B.details(T.t("expected_rows", lang), table))


def national_header(ctx: ReportContext, lang: str) -> B.Block:
    return B.join(banner(ctx, lang),
                  B.title(T.t("title_national", lang),
                          T.t("subtitle_national", lang, n_prov=ctx.cross["province_bps"].nunique(),
                              n_reg=len(ctx.cross))))


def _pooled_kbpp(row, lang: str) -> str:
    """A province's coverage pooled from its regencies' counts, with the year and how many of
    its regencies gave counts: "52,0 (2023, 3 dari 10 kab/kota)"."""
    year = row.kbpp_year
    return T.t("nat_kbpp_pooled", lang, value=_pct(row.kbpp, lang),
               year=int(year) if year is not None and year == year else "–", k=int(row.kbpp_n), n=int(row.n))


def national_provinces(ctx: ReportContext, lang: str) -> B.Block:
    """One row per province: the official figure (not a regency mean), the labelled regency
    mean with how many regencies it uses, KBPP (pooled counts, else the published province
    figure, with its year); a CSV download; the Papua codes."""
    rows = O.read_province_rows(ctx.processed_dir)
    years = A.series_years(rows)
    year = years[-1] if years else None
    table = A.national_province_table(ctx.cross, ctx.provinces, rows, year)
    na = T.t("not_available", lang)
    shown = table.assign(
        used=[f"{u} / {n}" for u, n in zip(table["n_used"], table["n"])],
        kbpp_text=[_pooled_kbpp(row, lang) if row.kbpp == row.kbpp and row.kbpp is not None else
                   (T.t("nat_kbpp_published", lang, value=_pct(row.kbpp_published, lang),
                        year=int(row.kbpp_published_year))
                    if row.kbpp_published == row.kbpp_published and row.kbpp_published is not None
                    else "–") for row in table.itertuples(index=False)])
    tag = f" {T.t('simulated_tag', lang)}" if table["kbpp_simulated"].any() else ""
    labels = {"province_bps": T.t("col_code", lang), "province_name": T.t("col_province", lang),
              "official": T.t("nat_col_official", lang, year=year or "–"),
              "regency_mean": T.t("nat_col_regency_mean", lang), "used": T.t("nat_col_n_used", lang),
              "kbpp_text": T.t("col_kbpp", lang) + tag, "deliveries": T.t("col_deliveries", lang) + tag,
              "births_estimate": T.t("plan_col_estimate", lang),
              "per_10_year": T.t("plan_col_per_10_year", lang), "per_10_month": T.t("plan_col_per_10_month", lang)}
    if table["deliveries"].isna().all():  # no province has counts: no empty column
        labels.pop("deliveries")
    whole = lambda v: "–" if v is None or v != v else T.integer(v, lang)  # noqa: E731
    # the nation's planning numbers: the sums of the province rows printed in the table
    births, births_month, per_10, per_10_month = (
        pd.to_numeric(table[c], errors="coerce")
        for c in ("births_estimate", "births_month", "per_10_year", "per_10_month"))
    plan = (B.paragraph(T.t("nat_plan", lang, estimate=whole(births.sum()), month=whole(births_month.sum()),
                            per_year=whole(per_10.sum()), per_month=whole(per_10_month.sum())))
            if births.notna().any() else None)
    return B.join(B.heading(T.t("h_provinces", lang)), plan, B.table(
        shown, labels,
        {"official": lambda v: na if v is None or v != v else _pct(v, lang),
         "regency_mean": lambda v: _pct(v, lang),
         "deliveries": lambda v: T.integer(v, lang), "births_estimate": whole, "per_10_year": whole,
         "per_10_month": whole}),
        B.figure_caption(T.t("nat_provinces_caption", lang)),
        B.figure_caption(planning_method(lang)) if plan else None,
        B.figure_caption(T.t("prov_source_official", lang)),
        B.caveat(T.t("nat_papua_codes", lang)),
        _download(table, f"provinces-{year or 'official'}.csv", "nat_download_provinces", lang,
                  {"official": 1, "regency_mean": 2, "kbpp": 2, "deliveries": 0,
                   "kbpp_published": 1, "births_estimate": 0, "births_month": 0, "per_10_year": 0,
                   "per_10_month": 0}))


def national_overview(ctx: ReportContext, lang: str) -> B.Block:
    """The published national figure, the labelled mean of the regencies and the national
    count against 14 % (the same decision the regency pages make)."""
    national = A.national_headline()
    parts = [B.heading(T.t("nat_h_headline", lang))]
    if national["value"] is not None:
        parts.append(B.paragraph(T.t("nat_headline", lang, survey=A.survey_name(national["year"]),
                                     value=_pct(national["value"], lang)), css="key-figure"))
    parts.append(own_targets(national["value"], national["year"], lang, "Indonesia", "own_figure_national"))
    parts += national_trend(lang)
    parts.append(_regency_mean_sentence(A.regency_mean(ctx.cross, national["year"]), lang, "national"))
    parts.append(_target_count(ctx.cross["stunting_survey_pct"], lang))
    parts.append(B.figure_caption(T.t("prov_source_official", lang)))
    return B.join(*parts)


def national_trend(lang: str) -> list[B.Block]:
    """The published national series (SSGI 2021, 2022, SKI 2023, SSGI 2024) as a chart with
    the 14 % target line, one sentence on the latest change, and the points in words."""
    series = C.national_survey_series().assign(secondary=False)
    if len(series) < 2:
        return []
    first, last = int(series["year"].min()), int(series["year"].max())
    chart = svgcharts.trend_chart(series, series.iloc[0:0][["year", "value"]], lang, "Indonesia",
                                  target=trend_target(lang), label=T.t("nat_legend", lang))
    points = " → ".join(f"{_pct(v, lang)} % ({A.survey_name(y)})" for y, v in zip(series["year"], series["value"]))
    return [B.heading(T.t("nat_h_trend", lang, first=first, last=last), level=3), chart,
            B.paragraph(trend_sentence(series, lang)), B.figure_caption(T.t("nat_trend_points", lang, points=points))]


def national_research_covariates(ctx: ReportContext, lang: str) -> tuple:
    appendix = (B.heading(T.t("nat_h_research", lang) + _model_tag(ctx, lang)),
                B.paragraph(T.t("nat_research_intro", lang)))
    head = T.t("nat_h_covariates", lang)
    table = A.covariate_table(ctx.estimates, ctx.meta)
    if table is None or table.empty:
        return (*appendix, _fold(head, B.paragraph(T.t("model_missing", lang))))
    shown = table.assign(
        label=[T.t("nat_intercept", lang) if t == "(intercept)" else _indicator_label(t, lang) for t in table["term"]],
        ci=[_interval(a, b, lang, 3) for a, b in zip(table["ci_low"], table["ci_high"])])
    r2 = A.fit_r2(ctx.predictions)
    caption = (T.t("nat_covariates_caption", lang, r2=T.number(r2["r2"], lang, 3), n=r2["n"]) if r2
               else T.t("nat_r2_missing", lang))
    return (*appendix, _fold(
        head, B.figure_caption(caption),
        B.table(shown, {"label": T.t("col_term", lang), "estimate": T.t("col_estimate", lang),
                        "ci": T.t("col_ci", lang), "p_value": T.t("col_p", lang)},
                {"estimate": lambda v: T.signed(float(v), lang, 3), "p_value": lambda v: T.p_value(v, lang)}),
        _download(table.assign(model=ctx.meta.get("main_model"))[
            ["model", "term", "estimate", "std_error", "ci_low", "ci_high", "p_value"]],
            "covariates.csv", "nat_download_covariates", lang)))


def _fold(heading: str, *blocks: B.Block) -> B.Block:
    """A part of the research appendix, folded under its heading: an office reading the page
    passes over it, a researcher opens it."""
    return B.details(heading, *blocks, level=3)


def national_research_referee(ctx: ReportContext, lang: str) -> tuple:
    """The referee checks (:mod:`..referee`) as one folded part of the research appendix."""
    _title, *parts = R.national(ctx, lang)
    return (_fold(T.t("ref_h_referee", lang), *parts),)


def national_research_spatial(ctx: ReportContext, lang: str) -> tuple:
    head = T.t("nat_h_spatial", lang)
    table = A.spatial_table(ctx.meta)
    if table.empty:
        return (_fold(head, B.paragraph(T.t("nat_spatial_missing", lang))),)
    spatial = Spatial.read(ctx.meta)  # not None: the table above has rows
    decision = T.t("nat_spatial_fitted" if spatial.spatial_error_model_fitted else "nat_spatial_none", lang)
    shown = table.assign(label=[T.t(f"nat_test_{t}", lang) for t in table["test"]])
    k = "–" if spatial.k_neighbours is None else spatial.k_neighbours
    return (_fold(head, B.figure_caption(T.t("nat_spatial_caption", lang, k=k, decision=decision)),
                  B.table(shown, {"label": T.t("nat_col_test", lang),
                                  "statistic": T.t("nat_col_statistic", lang), "p_value": T.t("col_p", lang)},
                          {"statistic": lambda v: T.number(v, lang, 3), "p_value": lambda v: T.p_value(v, lang)}),
                  _download(table, "spatial-diagnostics.csv", "nat_download_spatial", lang)),)


def national_research_sensitivity(ctx: ReportContext, lang: str) -> tuple:
    head = T.t("nat_h_sensitivity", lang)
    table = A.sensitivity_table(ctx.estimates, ctx.meta)
    if table is None or table.empty:
        return (_fold(head, B.paragraph(T.t("nat_sensitivity_missing", lang))),)
    shown = table.assign(ci=[_interval(a, b, lang, 2) for a, b in zip(table["ci_low"], table["ci_high"])],
                         group=[T.t(f"nat_group_{g}", lang) if f"nat_group_{g}" in T.CATALOGUE else g
                                for g in table["group"]],
                         description=[variant_words(v, d, lang)
                                      for v, d in zip(table["variant"], table["description"])])
    return (_fold(head, B.figure_caption(T.t("nat_sensitivity_caption", lang)),
                  B.table(shown, {"group": T.t("nat_col_group", lang), "description": T.t("nat_col_variant", lang),
                                  "estimate": T.t("col_estimate", lang), "ci": T.t("col_ci", lang),
                                  "p_value": T.t("col_p", lang), "n_obs": T.t("col_obs", lang)},
                          {"estimate": lambda v: T.signed(float(v), lang, 2),
                           "p_value": lambda v: T.p_value(v, lang), "n_obs": lambda v: T.integer(v, lang)}),
                  _download(table, "sensitivity-grid.csv", "nat_download_sensitivity", lang)),)


def variant_words(variant: str, description: str, lang: str) -> str:
    """A sensitivity variant in the page's language, from its id (``kbanalysis fit`` writes the
    descriptions in English); an id of an unknown shape keeps ``fit``'s description."""
    if lang == "en":
        return description
    from ...indicators import INDICATORS
    columns = sorted(INDICATORS, key=len, reverse=True)  # "poverty_pct" before "pct"-like prefixes

    def column_and_rest(text: str):
        found = next((c for c in columns if text == c or text.startswith(c + "_")), None)
        return (found, text[len(found) + 1:]) if found else (None, text)

    fixed = {"main": "variant_main", "drop_flagged": "variant_drop_flagged", "weights_none": "variant_weights_none",
             "covariates_none": "variant_covariates_none", "covariates_add_urban_kota": "variant_add_urban",
             "timing_pre_exposure_add_urban_kota": "variant_timing_urban"}
    if variant in fixed:
        return T.t(fixed[variant], lang)
    if variant == "timing_pre_exposure_only":
        year = re.search(r"\b(\d{4})\b", description or "")
        return T.t("variant_timing", lang, year=year.group(1) if year else "–")
    for prefix, key in (("drop_flag_", "variant_drop_flag"), ("weights_", "variant_weights"),
                        ("covariates_without_", "variant_without"), ("covariates_add_", "variant_add")):
        if variant.startswith(prefix):
            column, rest = column_and_rest(variant[len(prefix):])
            if column is None or (rest and key != "variant_drop_flag"):
                break
            return T.t(key, lang, label=_indicator_label(column, lang), flag=T.flag_label(rest, lang))
    return description


def literature_words(source: str, lang: str) -> str:
    """A literature row's label ("Fink et al. 2014, interval 12-23 months (RR 1.06)") in the
    page's language: authors, years and ratios stay, the words around them are translated."""
    if lang == "en":
        return source
    for english, key in ((r"\binterval\b", "lit_interval"), (r"\bmonths\b", "lit_months"),
                         (r"\bvs\.?(?=\s)", "lit_versus")):
        source = re.sub(english, T.t(key, lang), source)
    source = source.replace(">=", "≥").replace("<=", "≤")
    # Ratios in the page's decimal convention (RR 1,06), with the digits the source gave.
    return re.sub(r"(?<![\d.])(\d+)\.(\d+)(?![\d.])",
                  lambda m: T.number(float(m.group(0)), lang, len(m.group(2))), source)


def national_research_evalue(ctx: ReportContext, lang: str) -> tuple:
    head = T.t("nat_h_evalue", lang)
    evalue = EValueSummary.read(ctx.meta)
    if evalue is None:
        return (_fold(head, B.paragraph(T.t("nat_evalue_missing", lang))),)
    return (_fold(head, B.paragraph(T.t("nat_evalue", lang, point=T.number(evalue.evalue_point, lang, 2),
                                        ci=T.number(evalue.evalue_ci, lang, 2)))),)


def national_research_excluded(ctx: ReportContext, lang: str) -> tuple:
    head = T.t("nat_h_excluded", lang)
    excluded = A.excluded_regencies(ctx.analysis, ctx.cross, ctx.meta, ctx.predictions)
    parts = []
    if ctx.predictions is None:
        return (_fold(head, B.paragraph(T.t("predictions_missing", lang))),)
    reasons = A.exclusion_reasons(excluded)

    def words(missing: str) -> str:
        items = []
        for item in filter(None, missing.split("; ")):
            column, _, year = item.rpartition(" ")
            items.append(f"{_indicator_label(column, lang)} {year}")
        return "; ".join(items) or "–"

    parts.append(B.paragraph(T.t("nat_excluded_summary", lang, n_out=len(excluded), n=len(ctx.cross))))
    parts.append(B.table(reasons.assign(label=[words(m) for m in reasons["missing"]]),
                         {"label": T.t("nat_col_missing", lang), "n": T.t("nat_col_count", lang)},
                         {"n": lambda v: T.integer(v, lang)}))
    missing = A.rows_missing(ctx.meta)
    if not missing.empty:
        parts.append(B.paragraph(T.t("nat_rows_missing", lang)))
        parts.append(B.table(missing.assign(label=[_indicator_label(c, lang) for c in missing["column"]]),
                             {"label": T.t("nat_col_column", lang), "missing": T.t("nat_col_rows_missing", lang)},
                             {"missing": lambda v: T.integer(v, lang)}))
    parts.append(_download(excluded, "regencies-outside-model.csv", "nat_download_excluded", lang))
    return (_fold(head, *parts),)
