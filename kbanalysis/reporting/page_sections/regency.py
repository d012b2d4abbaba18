"""The sections of the regency profile (``notebooks/reports/regency.ipynb``).
"""
from __future__ import annotations

import pandas as pd

from ... import config
from ... import messages as T
from .. import areas as A
from .. import blocks as B
from .. import content as C
from .. import maps, plots, svgcharts
from .. import official as O
from ..context import ReportContext
from ..sourcing import planning_method, source_line, ssgi_regency_copy
from .shared import (
    _cited,
    _indicator_label,
    _pct,
    _toward,
    banner,
    facility_births_source,
    has_ski_figure,
    kbpp_template_offer,
    latest_facility_births,
    programme_count,
    programme_reasons,
    susenas_context,
    trend_sentence,
    trend_target,
)


def regency_header(ctx: ReportContext, code: str, lang: str) -> B.Block:
    row = C._row(ctx.cross, code)
    head = B.join(regency_locator(ctx, code, lang),
                  B.title(T.t("title_regency", lang, name=row["name"]),
                          T.t("subtitle_regency", lang, province=row["province_name"], code=code)))
    return B.join(banner(ctx, lang, [code]),
                  B.Block(f'<div class="page-head">{head.markup}</div>', head.plain),
                  _kbpp_at_a_glance(ctx, code, lang))


def _kbpp_at_a_glance(ctx: ReportContext, code: str, lang: str) -> B.Block | None:
    """The regency's KBPP coverage under its title (an office's own figure is what it opens
    the page for; on a phone the KBPP section is screens further down), else nothing."""
    k = C.kbpp_summary(ctx.cross, code)
    if k["coverage"] is None:
        return None
    tag = f" {T.t('simulated_tag', lang)}" if k["simulated"] else ""
    return B.paragraph(T.t("reg_kbpp_glance", lang, year=k["year"], coverage=_pct(k["coverage"], lang)) + tag,
                       css="key-figure")


def regency_locator(ctx: ReportContext, code: str, lang: str) -> B.Block:
    """Where the regency lies: its province, the regency in red (beside the title)."""
    block = maps.locator_map(ctx.cross, code, lang, geometry=ctx.geometry)
    caption = (T.t("ui_map_boundaries", lang, attribution=block.attribution)
               if block.attribution else "")
    return B.locator(block.svg, block.description, caption)


def regency_stunting(ctx: ReportContext, code: str, lang: str) -> B.Block:
    s = C.stunting_summary(ctx.cross, code)
    parts = [B.heading(T.t("h_stunting", lang))]
    if s["value"] is None:
        parts.append(B.paragraph(T.t("stunting_missing", lang)))
    else:
        parts.append(B.paragraph(T.t("stunting_value", lang, year=s["year"], value=_pct(s["value"], lang),
                                     low=_pct(s["low"], lang), high=_pct(s["high"], lang),
                                     half=T.number(s["half_width"], lang, 0)), css="key-figure"))
    if s["weighing"] is not None:
        parts.append(B.paragraph(T.t("stunting_weighing", lang, year=s["weighing_year"],
                                     value=_pct(s["weighing"], lang))))
    flags = [T.flag_label(f, lang) for f in s["flags"]]
    if flags:
        parts.append(B.bullets(flags, T.t("flags_some", lang)))
    parts.append(data_quality_notes(ctx, code, lang))
    return B.join(*parts)


def data_quality_notes(ctx: ReportContext, code: str, lang: str) -> B.Block:
    """Every data-quality flag carried by the values this page shows, by indicator (beyond
    the stunting figure's own, listed above it); "no notes" only when there is none at all."""
    found = C.page_flags(ctx.analysis, ctx.cross, code)
    if not found:
        return B.paragraph(T.t("flags_none", lang))
    others = [(c, f) for c, f in found if c != "stunting_survey_pct"]
    if not others:
        return B.Block("", "")
    by_column: dict[str, list[str]] = {}
    for column, flag in others:
        by_column.setdefault(column, []).append(T.flag_label(flag, lang))
    items = [f"{_indicator_label(c, lang)}: {', '.join(labels)}" for c, labels in by_column.items()]
    return B.bullets(items, T.t("flags_page", lang))


def regency_trend(ctx: ReportContext, code: str, lang: str) -> tuple:
    """Every survey year the data hold (secondary quotes marked), the official province and
    national series beside them, routine weighing in its own panel; the points as a table."""
    survey = C.survey_trend(ctx.analysis, code)
    weighing = C.weighing_trend(ctx.analysis, code)
    head = B.heading(T.t("h_trend", lang))
    if survey.empty and weighing.empty:
        return (head, B.paragraph(T.t("reg_trend_missing", lang)))
    row = C._row(ctx.cross, code)
    official = O.read_province_rows(ctx.processed_dir)
    province = O.province_series(official, row["province_bps"], without_flags=(PRE_SPLIT,))
    pre_split = sorted(set(O.province_series(official, row["province_bps"])["year"]) - set(province["year"]))
    national = C.national_survey_series()
    figure = svgcharts.trend_chart(survey, weighing, lang, row["name"], province=province,
                                   national=national, province_name=row["province_name"],
                                   target=trend_target(lang))
    parts = [head]
    if len(survey) == 1:
        parts.append(B.paragraph(T.t("reg_trend_single", lang, year=int(survey["year"].iloc[0]))))
    change = trend_sentence(survey, lang, half_width=C.SURVEY_HALF_WIDTH_95)
    if change:
        parts.append(B.paragraph(change))
    caption = [T.t("reg_trend_caption", lang)]
    if has_ski_figure(survey, province, national):
        caption.append(T.t("trend_caption_ski", lang))
    if survey["secondary"].any():
        caption.append(T.t("reg_trend_caption_secondary", lang))
    if len(weighing):
        caption.append(T.t("reg_trend_caption_weighing", lang))
    parts += [figure, B.figure_caption(" ".join(caption))]
    if pre_split:  # Papua's figures before the 2022 split cover a larger territory
        parts.append(B.figure_caption(T.t("reg_trend_pre_split", lang, province=row["province_name"],
                                          years=", ".join(str(int(y)) for y in pre_split))))
    if len(survey):
        parts.append(_trend_table(survey, province, national, lang))
    addresses = _secondary_addresses(ctx, code, survey, lang)
    if addresses:
        parts.append(B.figure_caption(addresses))
    if len(weighing):
        points = ", ".join(f"{int(y)}: {_pct(v, lang)} %" for y, v in zip(weighing["year"], weighing["value"]))
        parts.append(B.paragraph(T.t("reg_weighing_points", lang, points=points)))
    return tuple(parts)


def _secondary_addresses(ctx: ReportContext, code: str, survey, lang: str) -> str:
    """"Alamat angka sekunder: 2021 https://…; 2022 https://…": where each quoted survey
    figure of the trend was read, so a reader can check it (empty when none is quoted)."""
    years = {int(y) for y, quoted in zip(survey["year"], survey["secondary"]) if quoted}
    if not years:
        return ""
    rows = O.read_secondary_addresses(getattr(ctx, "processed_dir", None))
    rows = rows.loc[(rows["bps_code"] == code) & (rows["indicator"] == "stunting_survey_pct")
                    & rows["year"].isin(years)].sort_values("year", kind="mergesort")
    missing = T.t("reg_secondary_no_address", lang)
    found = {int(y): ref or missing for y, ref in zip(rows["year"], rows["source_ref"])}
    return T.t("reg_secondary_addresses", lang,
               addresses="; ".join(f"{y}: {found.get(y, missing)}" for y in sorted(years)))


PRE_SPLIT = "pre_split_territory"  # flag of a province figure from before Papua's 2022 split


def _trend_table(survey, province, national, lang: str) -> B.Block:
    """The survey points of the trend, with the official province and national figures."""
    table = survey.merge(province.rename(columns={"value": "province"}), on="year", how="left") \
                  .merge(national.rename(columns={"value": "national"}), on="year", how="left")
    table["kind"] = [T.t("reg_kind_secondary" if s else "reg_kind_official", lang) for s in table["secondary"]]
    return B.table(table, {"year": T.t("col_year", lang), "value": T.t("reg_col_regency", lang),
                           "kind": T.t("reg_col_kind", lang), "province": T.t("reg_col_province", lang),
                           "national": T.t("reg_col_national", lang)},
                   {"year": lambda v: str(int(v)), "value": lambda v: _pct(v, lang),
                    "province": lambda v: _pct(v, lang), "national": lambda v: _pct(v, lang)})


def regency_targets(ctx: ReportContext, code: str, lang: str) -> B.Block:
    """Each target judged with the approximate band (``content.target_status``): met, not
    met, or cannot be decided when the band contains the target."""
    s = C.stunting_summary(ctx.cross, code)
    table = C.target_statuses(s["value"], s["half_width"])
    table["label"] = [T.t(k, lang) for k in table["target"]]
    table["status_text"] = [_toward(st, y, s["year"], lang) for st, y in zip(table["status"], table["year"])]
    block = B.table(table, {"label": T.t("col_target", lang), "target_pct": "%",
                            "gap": T.t("col_gap", lang), "status_text": T.t("col_status", lang)},
                    {"target_pct": lambda v: _pct(v, lang), "gap": lambda v: T.signed(v, lang)})
    caption = B.figure_caption(T.t("reg_targets_caption", lang, half=T.number(s["half_width"], lang, 0)))
    return B.join(B.heading(T.t("h_targets", lang)), block, caption if s["value"] is not None else None)


def regency_comparison(ctx: ReportContext, code: str, lang: str) -> B.Block | None:
    """The regency beside the official province and national figures of the same survey
    year, its national rank, WHO/UNICEF class and the estimated number of stunted children."""
    comp = C.survey_comparison(ctx.cross, code, O.read_province_rows(ctx.processed_dir))
    if comp["value"] is None:
        return None
    s = C.stunting_summary(ctx.cross, code)
    name = ctx.cross.loc[ctx.cross["bps_code"] == code, "name"].iloc[0]
    missing = T.t("not_available", lang)
    rows = pd.DataFrame([
        {"area": name, "value": comp["value"], "band": f"{_pct(s['low'], lang)}–{_pct(s['high'], lang)}"},
        {"area": T.t("reg_row_province", lang, name=comp["province_name"]), "value": comp["province"], "band": ""},
        {"area": T.t("reg_row_national", lang), "value": comp["national"], "band": ""},
    ])
    table = B.table(rows, {"area": T.t("reg_col_area", lang),
                           "value": T.t("reg_col_prevalence", lang, year=comp["year"]),
                           "band": T.t("reg_col_band", lang)},
                    {"value": lambda v: missing if v is None or v != v else _pct(v, lang)},
                    highlight=lambda r: r["area"] == name)
    items = []
    rank = C.national_rank(ctx.cross, code)
    if rank:
        items.append(T.t("reg_national_rank", lang, **rank))
    klass = C.prevalence_class(comp["value"])
    items.append(T.t("reg_who_class", lang, label=T.t(f"ui_class_{klass}", lang),
                     range=_class_range(klass, lang)))
    children = C.stunted_children(ctx.cross, code)
    if children:
        items.append(T.t("reg_stunted_children", lang, estimate=T.integer(children["estimate"], lang),
                         low=T.integer(children["low"], lang), high=T.integer(children["high"], lang),
                         children=T.integer(children["children"], lang),
                         prevalence_year=children["prevalence_year"],
                         children_year=children["children_year"]))
    return B.join(B.heading(T.t("reg_h_comparison", lang)), table,
                  B.figure_caption(T.t("reg_comparison_caption", lang, year=comp["year"],
                                       copy=ssgi_regency_copy(lang) if comp["year"] == 2024 else "")),
                  B.bullets(items))


def _class_range(klass: str, lang: str) -> str:
    """The WHO/UNICEF class's bounds in words of numbers: "< 2,5 %", "10–< 20 %", "≥ 30 %"."""
    bounds = config.STUNTING_PREVALENCE_THRESHOLDS_PCT
    i = config.STUNTING_PREVALENCE_CLASSES.index(klass)
    number = lambda v: T.number(v, lang, 0 if float(v).is_integer() else 1)  # noqa: E731
    if i == 0:
        return f"< {number(bounds[0])} %"
    if i == len(bounds):
        return f"≥ {number(bounds[-1])} %"
    return f"{number(bounds[i - 1])}–< {number(bounds[i])} %"


def regency_covariates(ctx: ReportContext, code: str, lang: str) -> B.Block:
    """The regency's own values of the model's covariates, with their years, and the
    official province figure where the data hold one."""
    rows = C.regency_covariates(ctx.cross, code, O.read_province_rows(ctx.processed_dir), analysis=ctx.analysis)
    rows["label"] = [_indicator_label(name, lang) for name in rows["indicator"]]
    # A value with a data-quality flag is marked where it is shown, not only in the notes above.
    rows["year_text"] = ["–" if y is None or y != y else f"{int(y)}{'*' if flags else ''}"
                         for y, flags in zip(rows["year"], rows["flags"])]
    missing = T.t("not_available", lang)
    labels = {"label": T.t("col_indicator", lang), "year_text": T.t("col_year", lang),
              "value": T.t("reg_col_regency", lang), "province_value": T.t("reg_col_province", lang)}
    any_province = rows["province_value"].notna().any()
    if not any_province:  # a column of "not available" only widens the table on a phone
        del labels["province_value"]
    table = B.table(rows, labels,
                    {"value": lambda v: _pct(v, lang),
                     "province_value": lambda v: missing if v is None or v != v else _pct(v, lang)})
    caption = T.t("reg_covariates_caption" if any_province else "reg_covariates_no_province", lang)
    marked = [f"{label}: {', '.join(T.flag_label(f, lang) for f in flags)}"
              for label, flags in zip(rows["label"], rows["flags"]) if flags]
    if marked:
        caption += " " + T.t("reg_covariates_flagged", lang, notes="; ".join(marked))
    return B.join(B.heading(T.t("reg_h_covariates", lang)), table, B.figure_caption(caption))


def regency_relationship(ctx: ReportContext, code: str, lang: str) -> B.Block | None:
    """What the fitted KBPP-stunting estimate means for this regency, in one plain sentence:
    the estimate per 10 points with its interval, the literature range, whether the data
    could detect such an effect; and where the estimate comes from when not from here."""
    found = C.relationship_summary(ctx.meta, ctx.estimates)
    scope = C.model_scope(ctx.meta, ctx.predictions, ctx.cross)
    if found is None or scope is None or found["expected_low"] is None:
        return None
    where = (T.t("reg_scope_one", lang, name=scope["province_names"][0]) if len(scope["provinces"]) == 1
             else T.t("reg_scope_provinces", lang, k=len(scope["provinces"])))
    detect = ("" if found["detectable"] is None else
              T.t("reg_detect_yes" if found["detectable"] else "reg_detect_no", lang,
                  mde=T.number(found["mde"], lang, 2)))
    sentence = T.t("reg_relationship", lang, n=scope["n"], scope=where, outcome_year=scope["outcome_year"],
                   exposure_year=scope["exposure_year"], estimate=T.signed(found["estimate"], lang, 2),
                   low=T.signed(found["ci_low"], lang, 2), high=T.signed(found["ci_high"], lang, 2),
                   exp_low=T.signed(found["expected_low"], lang, 2),
                   exp_high=T.signed(found["expected_high"], lang, 2), detect=detect)
    row = C._row(ctx.cross, code)
    if row["bps_code"] in set(ctx.predictions["bps_code"]):
        where_from = T.t("reg_relationship_inside", lang, name=row["name"], n=scope["n"])
    elif row["province_bps"] in scope["provinces"]:
        where_from = None
    else:
        where_from = T.t("reg_relationship_elsewhere", lang, n=scope["n"], scope=where,
                         province=row["province_name"], name=row["name"])
    simulated = _model_simulated(ctx)
    tag = f" {T.t('simulated_tag', lang)}" if simulated else ""
    return B.join(B.heading(T.t("reg_h_relationship", lang) + tag),
                  B.paragraph(T.t("reg_relationship_simulated", lang), css="simulated") if simulated else None,
                  B.paragraph(sentence, css="key-figure"),
                  B.paragraph(where_from) if where_from else None)


def _model_simulated(ctx: ReportContext) -> bool:
    """The model results were fitted on simulated inputs (the demonstration)."""
    return "simulated_model" in ctx.simulated


def regency_kbpp(ctx: ReportContext, code: str, lang: str) -> B.Block:
    k = C.kbpp_summary(ctx.cross, code)
    head = B.heading(T.t("h_kbpp", lang) + (f" {T.t('simulated_tag', lang)}" if k["simulated"] else ""))
    row = C._row(ctx.cross, code)
    plan = B.join(regency_plan(ctx, code, lang),
                  susenas_context(ctx, str(row["province_bps"]), lang, regency_page=True))
    if k["coverage"] is None:
        return B.join(head, facility_births(ctx, code, lang), plan,
                      B.paragraph(T.t("kbpp_no_public", lang, name=row["name"])),
                      kbpp_template_offer(ctx, str(row["province_bps"]), lang, "regency",
                                          regency=code))
    if k["deliveries"] is None or k["total"] is None:  # a published coverage, no counts
        sentence = T.t("kbpp_coverage_only", lang, year=k["year"], coverage=_pct(k["coverage"], lang))
    else:
        sentence = T.t("kbpp_value", lang, year=k["year"], coverage=_pct(k["coverage"], lang),
                       deliveries=T.integer(k["deliveries"], lang),
                       total=T.integer(k["total"], lang))
    flags = [T.flag_label(f, lang) for f in k["flags"]]
    compare = _kbpp_in_province(ctx, row, k["year"], lang)
    cited = _cited(ctx, [k["source"]], lang, [code]) if k["source"] else None
    source = B.figure_caption(T.t("ui_source", lang, sources=cited)) if cited else None
    # A published figure can be replaced by a newer year: the same offer as where there is none.
    newer = B.join(B.paragraph(T.t("reg_template_newer", lang, year=k["year"])),
                   kbpp_template_offer(ctx, str(row["province_bps"]), lang, "regency", regency=code))
    return B.join(head, B.paragraph(sentence, css="key-figure"), compare, source,
                  B.bullets(flags, T.t("flags_some", lang)) if flags else None,
                  facility_births(ctx, code, lang), plan, newer)


def _kbpp_in_province(ctx: ReportContext, row, year, lang: str) -> B.Block | None:
    """The yardstick for a regency's KBPP coverage: the province's published figure of the same
    year and the range over the province's regencies with a figure that year."""
    members = ctx.cross.loc[(ctx.cross["province_bps"] == row["province_bps"])
                            & (ctx.cross["kbpp_year"] == year) & ctx.cross["kbpp_coverage_pct"].notna()]
    if len(members) < 2:
        return None
    published = A.published_province_kbpp(str(row["province_bps"]), year)
    values = members["kbpp_coverage_pct"].astype(float)
    province = ("" if published is None else
                T.t("reg_kbpp_province", lang, province=row["province_name"], year=int(year),
                    value=_pct(published, lang)) + " ")
    return B.paragraph(province + T.t("reg_kbpp_range", lang, n=len(members), low=_pct(values.min(), lang),
                                      high=_pct(values.max(), lang),
                                      median=_pct(values.median(), lang)))


def facility_births(ctx: ReportContext, code: str, lang: str) -> B.Block | None:
    """The regency's latest facility-birth coverage (held for Jawa Tengah 2021 only) with its
    publication's name: context for the KBPP figure, whose denominator is those deliveries."""
    rows = latest_facility_births(ctx, [code])
    if rows.empty:
        return None
    row = rows.iloc[0]
    return B.paragraph(T.t("facility_births", lang, year=int(row["year"]), value=T.number(row["value"], lang, 1),
                           source=facility_births_source(row["source_id"], row["source_ref"], lang)))


def regency_plan(ctx: ReportContext, code: str, lang: str) -> B.Block | None:
    """Deliveries a year (the office's own where given, else children 0-4 / 5) and the KBPP
    acceptors a year and a month that each 10 points of coverage mean, with the method."""
    plan = C.regency_plan(ctx.cross, code)
    if plan is None:
        return None
    items = []
    if plan["estimate"] is not None:
        items.append(T.t("plan_estimate", lang, estimate=T.integer(plan["estimate"], lang),
                         month=T.integer(plan["estimate_month"], lang),
                         children=T.integer(plan["children"], lang), children_year=plan["children_year"]))
    if plan["office"] is not None:
        items.append(T.t("plan_office", lang, office=T.integer(plan["office"], lang),
                         year=plan["office_year"] or "–"))
        if plan["office_partial"]:
            items.append(T.t("plan_office_partial", lang, office=T.integer(plan["office"], lang),
                             estimate=T.integer(plan["estimate"], lang)))
    if plan["current_year"] is not None:
        items.append(T.t("plan_current", lang, coverage=_pct(plan["coverage"], lang),
                         year=plan["coverage_year"] or "–",
                         current=T.integer(plan["current_year"], lang),
                         month=T.integer(plan["current_month"], lang)))
    if plan["room_pts"] is not None:  # 10 more points would pass 100 %
        items.append(T.t("plan_to_full", lang, room=T.number(plan["room_pts"], lang, 1),
                         per_year=T.integer(plan["to_full_year"], lang),
                         per_month=T.integer(plan["to_full_month"], lang)))
    else:
        items.append(T.t("plan_per_10_office" if plan["basis"] == "office" else "plan_per_10", lang,
                         per_year=T.integer(plan["per_10_year"], lang),
                         per_month=T.integer(plan["per_10_month"], lang)))
    return B.join(B.heading(T.t("plan_h", lang), level=3), B.bullets(items),
                  B.figure_caption(planning_method(lang)))


def regency_programme(ctx: ReportContext, code: str, lang: str) -> B.Block | None:
    """BKKBN programme indicators (SIGA / Elsimil) where the data hold them, with the counts
    behind each percentage and the desa rows the build left out of them; else nothing."""
    rows = C.programme_summary(ctx.cross, code)
    if rows.empty:
        return None
    rows["label"] = [_indicator_label(name, lang) for name in rows["indicator"]]
    latest = ctx.programme_month(code)
    counts = C.programme_counts(getattr(ctx, "programme_monthly", None), code, *latest) if latest else {}
    rows["counts"] = [programme_count(counts.get(name), name, lang) for name in rows["indicator"]]
    labels = {"label": T.t("col_indicator", lang), "year": T.t("col_year", lang),
              "value": T.t("col_value", lang), "counts": T.t("programme_col_counts", lang)}
    if not counts:
        labels.pop("counts")
    table = B.table(rows, labels, {"value": lambda v: _pct(v, lang), "year": str})
    month = T.month_year(latest, lang) if latest else str(int(rows["year"].max()))
    rejects = O.read_rejects(getattr(ctx, "processed_dir", None))
    excluded = C.programme_exclusions(rejects, ctx.cross, code)
    noted = C.programme_noted(rejects, ctx.cross, code)
    notes = []
    for name in rows["indicator"]:
        sources = C.PROGRAMME_SOURCES.get(name, ())
        label = _indicator_label(name, lang)
        left_out = sum(excluded.get(source, (0, []))[0] for source in sources)
        if left_out:
            notes.append(T.t("programme_excluded", lang, label=label, n=left_out,
                             reasons=programme_reasons(excluded, sources, lang)))
        kept = sum(noted.get(source, (0, []))[0] for source in sources)
        if kept:
            columns = sorted({c for source in sources for c in noted.get(source, (0, []))[1]})
            notes.append(T.t("programme_noted", lang, label=label, n=kept, columns=", ".join(columns)))
    return B.join(B.heading(T.t("h_programme", lang)), table,
                  B.figure_caption(T.t("programme_caption", lang, month=month)),
                  B.bullets(notes, T.t("programme_excluded_intro", lang)) if notes else None)


def regency_rank(ctx: ReportContext, code: str, lang: str) -> B.Block:
    stunting = C.province_rank(ctx.cross, code, "stunting_survey_pct", ascending=True)
    kbpp = C.province_rank(ctx.cross, code, "kbpp_coverage_pct", ascending=False)
    items = [T.t("rank_stunting", lang, **stunting) if stunting else T.t("reg_rank_stunting_missing", lang),
             # "1 of 1" reads like a top place: with no other figure in the province, say that
             T.t("rank_kbpp", lang, **kbpp) if kbpp and kbpp["n"] > 1 else
             T.t("reg_rank_kbpp_alone", lang) if kbpp else T.t("reg_rank_kbpp_missing", lang)]
    return B.join(B.heading(T.t("h_rank", lang)), B.bullets(items))


def regency_similar(ctx: ReportContext, code: str, lang: str) -> B.Block:
    peers = C.similar_regencies(ctx.cross, code)
    head = B.heading(T.t("h_similar", lang))
    if peers.empty:
        return B.join(head, B.paragraph(T.t("similar_missing", lang)))
    names = ", ".join(_indicator_label(c, lang) for c in C.SIMILARITY_COVARIATES)
    labels = {"bps_code": T.t("col_code", lang), "name": T.t("col_name", lang),
              "province_name": T.t("col_province", lang), "stunting_survey_pct": T.t("col_stunting", lang),
              "kbpp_coverage_pct": T.t("col_kbpp", lang), "distance": T.t("col_distance", lang)}
    caption = T.t("similar_caption", lang, covariates=names)
    if peers["kbpp_coverage_pct"].isna().all():  # a column of dashes: said once, in words
        del labels["kbpp_coverage_pct"]
        caption += " " + T.t("similar_no_kbpp", lang)
    table = B.table(peers, labels, {"stunting_survey_pct": lambda v: _pct(v, lang),
                                    "kbpp_coverage_pct": lambda v: _pct(v, lang),
                                    "distance": lambda v: T.number(v, lang, 2)})
    return B.join(head, table, B.figure_caption(caption))


def regency_model(ctx: ReportContext, code: str, lang: str) -> tuple:
    head = B.heading(T.t("h_model_position", lang)
                     + (f" {T.t('simulated_tag', lang)}" if _model_simulated(ctx) else ""))
    if ctx.predictions is None:
        key = "model_missing" if ctx.estimates is None else "predictions_missing"
        return (head, B.paragraph(T.t(key, lang)))
    pos = C.model_position(ctx.predictions, code)
    if pos is None:
        return (head, B.paragraph(_outside_model(ctx, code, lang)))
    sentence = T.t("model_position", lang, observed=_pct(pos["observed"], lang),
                   expected=_pct(pos["expected"], lang), residual=T.signed(round(pos["residual"], 1), lang),
                   direction=T.t("above" if pos["residual"] > 0 else "below", lang),
                   share=T.number(pos["share_larger"], lang, 0))
    province = ctx.cross.loc[ctx.cross["bps_code"] == code, "province_bps"].iloc[0]
    same = ctx.cross.loc[ctx.cross["province_bps"] == province, "bps_code"].tolist()
    name = ctx.cross.loc[ctx.cross["bps_code"] == code, "name"].iloc[0]
    figure = plots.position_figure(ctx.predictions, code, same, lang, T.t("h_model_position", lang),
                                   name=name)
    fitted = ctx.cross.loc[ctx.cross["bps_code"].isin(ctx.predictions["bps_code"])]
    source = source_line(fitted, ["stunting_survey_pct", "kbpp_coverage_pct"], lang)
    return (head, B.paragraph(sentence), figure,
            B.figure_caption(T.t("model_position_caption", lang, n=len(ctx.predictions)) + " " + source))


def _outside_model(ctx: ReportContext, code: str, lang: str) -> str:
    """Why the model leaves ``code`` out: each model column it lacks in the model's year."""
    name = ctx.cross.loc[ctx.cross["bps_code"] == code, "name"].iloc[0]
    found = C.model_exclusion(ctx.analysis, ctx.meta, ctx.predictions, code)
    if (found or {}).get("absorbed"):
        return T.t("reg_absorbed", lang, name=name)
    reasons = []
    for item in (found or {}).get("missing", []):
        if item["column"] == "kbpp_coverage_pct":
            reasons.append(T.t("reg_missing_kbpp", lang, year=item["year"]))
        else:
            label = _indicator_label(item["column"], lang)
            reasons.append(T.t("reg_missing_column", lang, label=label, year=item["year"]))
    return T.t("reg_outside_model", lang, name=name,
               reasons="; ".join(reasons) or T.t("reg_missing_unknown", lang))
