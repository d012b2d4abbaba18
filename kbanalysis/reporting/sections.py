"""The sections of the report templates: facts from :mod:`.content` put into words and figures.

Each function returns what one notebook cell displays (a ``Block``, or a tuple of blocks and
figures for ``display(*...)``), so the templates stay a list of calls.
"""
from __future__ import annotations

import re

import pandas as pd

from .. import config
from . import area_plots as AP
from . import areas as A
from . import blocks as B
from . import content as C
from . import downloads as D
from . import maps, plots, svgcharts
from . import official as O
from . import text as T
from .context import ReportContext


def _pct(value, lang: str) -> str:
    return T.number(value, lang, 1)


def banner(ctx: ReportContext, lang: str, codes=None) -> B.Block:
    """The simulated-data banner; when the page's KBPP data are real, a note naming their
    sources (``codes``: the regencies the page is about; None for the nation)."""
    return B.join(B.simulated_banner(ctx.simulated, lang),
                  B.real_data_note(_kbpp_source_names(ctx, codes, lang), lang))


def _kbpp_source_names(ctx: ReportContext, codes, lang: str) -> list[str]:
    """The real KBPP sources of the page by their names ("Profil Kesehatan Jawa Tengah
    2021"), not the raw file names; an office's own file keeps its file name."""
    rows = getattr(ctx, "analysis", None)
    rows = ctx.cross if rows is None else rows
    if not C.real_kbpp_sources(rows, codes):
        return []
    from .sourcing import indicator_source
    cross = ctx.cross if codes is None else ctx.cross.loc[ctx.cross["bps_code"].isin(list(codes))]
    if "kbpp_measure_type" in cross:
        cross = cross.loc[cross["kbpp_measure_type"].eq("administrative")]
    names = indicator_source(cross, "kbpp_coverage_pct", lang)
    return [n for n in names.split("; ") if n] or C.real_kbpp_sources(rows, codes)


# --------------------------------------------------------------------------------------
# Regency profile


def regency_header(ctx: ReportContext, code: str, lang: str) -> B.Block:
    row = ctx.cross.loc[ctx.cross["bps_code"] == code].iloc[0]
    head = B.join(regency_locator(ctx, code, lang),
                  B.title(T.t("title_regency", lang, name=row["name"]),
                          T.t("subtitle_regency", lang, province=row["province_name"], code=code)))
    return B.join(banner(ctx, lang, [code]),
                  B.Block(f'<div class="page-head">{head.markup}</div>', head.plain))


def regency_locator(ctx: ReportContext, code: str, lang: str) -> B.Block:
    """Where the regency lies: its province, the regency in red (beside the title)."""
    block = maps.locator_map(ctx.cross, code, lang, geometry=ctx.geometry)
    caption = (T.t("ui_map_boundaries", lang, attribution=block.attribution)
               if block.attribution else "")
    return B.locator(block.png(), block.description, caption)


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
    row = ctx.cross.loc[ctx.cross["bps_code"] == code].iloc[0]
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
    change = trend_sentence(survey, lang)
    if change:
        parts.append(B.paragraph(change))
    caption = [T.t("reg_trend_caption", lang)]
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
    if len(weighing):
        points = ", ".join(f"{int(y)}: {_pct(v, lang)} %" for y, v in zip(weighing["year"], weighing["value"]))
        parts.append(B.paragraph(T.t("reg_weighing_points", lang, points=points)))
    return tuple(parts)


PRE_SPLIT = "pre_split_territory"  # flag of a province figure from before Papua's 2022 split
# Survey years measured by SKI (Survei Kesehatan Indonesia) rather than SSGI: a change across
# the two is between different surveys (config.STUNTING_SURVEY_NATIONAL_PCT).
SKI_YEARS = frozenset({2023})


def trend_target(lang: str) -> tuple[float, str]:
    """The stunting target drawn on every trend chart, with the document that sets it."""
    target = C.STUNTING_TARGETS[0]
    return target.pct, T.t("trend_target_legend", lang, pct=T.number(target.pct, lang, 0),
                           year=target.year, document=T.t("doc_rpjmn_2020_2024", lang))


def trend_sentence(points: pd.DataFrame, lang: str) -> str:
    """One sentence: the direction and size of the change from the previous survey year with
    a figure to the latest (``points``: ``year, value``; missing values skipped), and a note
    when one of the two years is SKI and the other SSGI. Empty with fewer than two figures."""
    known = points.loc[points["value"].notna()].sort_values("year")
    if len(known) < 2:
        return ""
    (prev_year, prev), (year, value) = [(int(r.year), float(r.value)) for r in known.tail(2).itertuples()]
    change = round(value, 1) - round(prev, 1)
    if abs(change) < 0.05:
        sentence = T.t("trend_same", lang, prev_year=prev_year, year=year, value=_pct(value, lang))
    else:
        sentence = T.t("trend_change", lang, prev_year=prev_year, year=year,
                       direction=T.t("trend_up" if change > 0 else "trend_down", lang),
                       change=T.number(abs(change), lang, 1), prev=_pct(prev, lang),
                       value=_pct(value, lang))
    if (prev_year in SKI_YEARS) != (year in SKI_YEARS):
        sentence += " " + T.t("trend_surveys_differ", lang)
    return sentence


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


def _toward(status: str | None, target_year: int, data_year, lang: str) -> str:
    """A status in words; a later year's target judged on earlier data reads "menuju target
    2025: masih di atas target" (it cannot be met or missed yet)."""
    if status is None or data_year is None or int(target_year) <= int(data_year):
        return _status_text(status, lang)
    return T.t("toward_target", lang, year=int(target_year), status=T.t(f"toward_{status}", lang))


def own_targets(value, year, lang: str, name: str) -> B.Block | None:
    """A province's or the nation's own published figure against each stunting target, with
    the document that sets it (judged on the point figure: "menuju target" for later years)."""
    if value is None or year is None:
        return None
    table = C.own_target_statuses(value, year)
    table["label"] = [T.t(k, lang) for k in table["target"]]
    table["status_text"] = [_toward(st, y, year, lang) for st, y in zip(table["status"], table["year"])]
    return B.join(B.heading(T.t("own_targets_h", lang, name=name), level=3),
                  B.table(table, {"label": T.t("col_target", lang), "target_pct": "%",
                                  "gap": T.t("col_gap", lang), "status_text": T.t("col_status", lang)},
                          {"target_pct": lambda v: _pct(v, lang), "gap": lambda v: T.signed(v, lang)}),
                  B.figure_caption(T.t("own_targets_caption", lang, value=_pct(value, lang),
                                       survey=A.survey_name(year))))


def _status_text(status: str | None, lang: str) -> str:
    """A target status of ``content.target_status`` in words ("–" without a value)."""
    return T.t(status, lang) if status else "–"


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
                  B.figure_caption(T.t("reg_comparison_caption", lang, year=comp["year"])),
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
    rows = C.regency_covariates(ctx.cross, code, O.read_province_rows(ctx.processed_dir))
    rows["label"] = [_indicator_label(name, lang) for name in rows["indicator"]]
    missing = T.t("not_available", lang)
    labels = {"label": T.t("col_indicator", lang), "year": T.t("col_year", lang),
              "value": T.t("reg_col_regency", lang), "province_value": T.t("reg_col_province", lang)}
    any_province = rows["province_value"].notna().any()
    if not any_province:  # a column of "not available" only widens the table on a phone
        del labels["province_value"]
    table = B.table(rows, labels,
                    {"year": lambda v: "–" if v is None or v != v else str(int(v)),
                     "value": lambda v: _pct(v, lang),
                     "province_value": lambda v: missing if v is None or v != v else _pct(v, lang)})
    caption = T.t("reg_covariates_caption" if any_province else "reg_covariates_no_province", lang)
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
    row = ctx.cross.loc[ctx.cross["bps_code"] == code].iloc[0]
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
    row = ctx.cross.loc[ctx.cross["bps_code"] == code].iloc[0]
    plan = B.join(regency_plan(ctx, code, lang),
                  susenas_context(ctx, str(row["province_bps"]), lang, regency_page=True))
    if k["coverage"] is None:
        return B.join(head, plan, B.paragraph(T.t("kbpp_no_public", lang, name=row["name"])),
                      kbpp_template_offer(ctx, str(row["province_bps"]), lang, "regency",
                                          regency=code))
    if k["deliveries"] is None or k["total"] is None:  # a published coverage, no counts
        sentence = T.t("kbpp_coverage_only", lang, year=k["year"], coverage=_pct(k["coverage"], lang))
    else:
        sentence = T.t("kbpp_value", lang, year=k["year"], coverage=_pct(k["coverage"], lang),
                       deliveries=T.integer(k["deliveries"], lang),
                       total=T.integer(k["total"], lang))
    flags = [T.flag_label(f, lang) for f in k["flags"]]
    cited = _cited(ctx, [k["source"]], lang, [code]) if k["source"] else None
    source = B.figure_caption(T.t("ui_source", lang, sources=cited)) if cited else None
    return B.join(head, B.paragraph(sentence, css="key-figure"), source,
                  B.bullets(flags, T.t("flags_some", lang)) if flags else None, plan)


def susenas_context(ctx: ReportContext, province: str, lang: str, regency_page: bool = False) -> B.Block:
    """The province's Susenas 2022 postpartum indicators (modern method after delivery, KBPP
    counselling) beside the national figures; says so where the quoted tables omit it."""
    found = C.susenas_context(O.read_province_rows(getattr(ctx, "processed_dir", None)), province)
    name = _province_name(ctx, province)
    items = []
    for indicator in C.SUSENAS_INDICATORS:
        national = T.number(found[f"{indicator}_national"], lang, 2)
        if found[indicator] is None:
            items.append(T.t(f"susenas_{indicator}_missing", lang, n=found[f"{indicator}_n"], national=national))
        else:
            items.append(T.t(f"susenas_{indicator}", lang, value=T.number(found[indicator], lang, 2),
                             national=national))
    key = "susenas_h_regency" if regency_page else "susenas_h"
    return B.join(B.heading(T.t(key, lang, name=name), level=3), B.bullets(items),
                  B.figure_caption(T.t("susenas_caption", lang)))


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
    items.append(T.t("plan_per_10_office" if plan["basis"] == "office" else "plan_per_10", lang,
                     per_year=T.integer(plan["per_10_year"], lang),
                     per_month=T.integer(plan["per_10_month"], lang)))
    return B.join(B.heading(T.t("plan_h", lang), level=3), B.bullets(items),
                  B.figure_caption(T.t("plan_method", lang)))


_FILE_NAME = re.compile(r"\.(csv|tsv|txt|xlsx?|parquet)$", re.IGNORECASE)


def _cited(ctx: ReportContext, joined: list[str], lang: str, codes) -> str:
    """A KBPP source as the reader should see it: the publication's name, then where it was
    printed (page, address); the raw file's name only when nothing else names it."""
    parts = [re.sub(r"^(sumber|source)\s*:\s*", "", p.strip(), flags=re.IGNORECASE)
             for j in joined for p in str(j).split(";") if p.strip()]
    citations = [p for p in parts if not _FILE_NAME.search(p)]
    if not citations or len(citations) == len(parts):  # an office's file: its name; a citation: itself
        return "; ".join(dict.fromkeys(parts))
    names = [n for n in _kbpp_source_names(ctx, codes, lang) if not _FILE_NAME.search(n)]
    cited = "; ".join(dict.fromkeys(citations))
    return f"{'; '.join(names)} ({cited})" if names else cited


def kbpp_template_offer(ctx: ReportContext, province: str, lang: str, level: str,
                        regency: str | None = None) -> B.Block:
    """The province's fill-in KBPP workbook (written beside the reports by the batch, see
    ``batch.write_report_templates``) as a relative link from a ``level`` page, and the two
    commands that turn a filled copy into new reports. For any "no public KBPP data" section.

    A ``regency`` page also offers the district template (one row per puskesmas) as the
    command that writes it: its rows are blank, so one command makes it in a second, where
    writing one workbook per regency into every batch would add 514 near-identical files."""
    import posixpath

    from .. import templates as TP
    from .batch import output_path

    members = ctx.cross.loc[ctx.cross["province_bps"] == province]
    province_name = str(members["province_name"].iloc[0])
    year = TP.report_template_year(ctx.cross)
    target = TP.report_template_path(province, province_name, year)
    href = posixpath.relpath(target, posixpath.dirname(output_path(level, province, lang, "")))
    file = posixpath.basename(target)
    label = T.t("kbpp_template_link", lang, file=file)
    link = B.Block(f'<p><a class="kbpp-template" href="{B.esc(href)}" download>{B.esc(label)}</a></p>',
                   f"{label} ({href})")
    # The office fills and sends; whoever produced the report runs the commands (folded away).
    return B.join(B.paragraph(T.t("kbpp_template_intro", lang, province=province_name, year=year)),
                  link, B.paragraph(T.t("kbpp_template_send", lang, contact=report_contact(lang))),
                  B.details(T.t("kbpp_template_analyst", lang),
                            B.paragraph(T.t("kbpp_template_steps", lang)),
                            B.commands([f".venv/bin/kbanalysis data check {file}", f'make run KBPP="{file}"']),
                            B.paragraph(T.t("kbpp_template_other", lang)),
                            B.commands([f".venv/bin/kbanalysis template --province {province} "
                                        f"--year {T.t('kbpp_year_placeholder', lang)}"]),
                            _district_template_offer(ctx, regency, year, lang) if regency else None))


# Who produced the reports and receives the filled templates (`kbanalysis report --contact`).
CONTACT_ENV = config.REPORT_CONTACT_ENV


def report_contact(lang: str) -> str:
    """The contact the reports name, or a neutral phrase when none was given."""
    import os
    given = os.environ.get(CONTACT_ENV, "").strip()
    return given or T.t("contact_default", lang)


def _district_template_offer(ctx: ReportContext, code: str, year: int, lang: str) -> B.Block:
    """The command that writes ``code``'s district template (puskesmas rows to fill)."""
    name = str(ctx.cross.loc[ctx.cross["bps_code"] == code, "name"].iloc[0])
    return B.join(B.paragraph(T.t("kbpp_template_district", lang, name=name)),
                  B.commands([f".venv/bin/kbanalysis template --regency {code} --year {year}"]))


def regency_programme(ctx: ReportContext, code: str, lang: str) -> B.Block | None:
    """BKKBN programme indicators (SIGA / Elsimil) where the data hold them, with the counts
    behind each percentage and the desa rows the build left out of them; else nothing."""
    rows = C.programme_summary(ctx.cross, code)
    if rows.empty:
        return None
    rows["label"] = [_indicator_label(name, lang) for name in rows["indicator"]]
    latest = ctx.programme_month(code)
    counts = C.programme_counts(getattr(ctx, "programme_monthly", None), code, *latest) if latest else {}
    rows["counts"] = [_programme_count(counts.get(name), name, lang) for name in rows["indicator"]]
    labels = {"label": T.t("col_indicator", lang), "year": T.t("col_year", lang),
              "value": T.t("col_value", lang), "counts": T.t("programme_col_counts", lang)}
    if not counts:
        labels.pop("counts")
    table = B.table(rows, labels, {"value": lambda v: _pct(v, lang), "year": str})
    month = T.month_year(latest, lang) if latest else str(int(rows["year"].max()))
    excluded = C.programme_exclusions(O.read_rejects(getattr(ctx, "processed_dir", None)), ctx.cross, code)
    notes = []
    for name in rows["indicator"]:
        left_out = sum(excluded.get(source, (0, []))[0] for source in C.PROGRAMME_SOURCES.get(name, ()))
        if left_out:
            notes.append(T.t("programme_excluded", lang, label=_indicator_label(name, lang), n=left_out))
    return B.join(B.heading(T.t("h_programme", lang)), table,
                  B.figure_caption(T.t("programme_caption", lang, month=month)),
                  B.bullets(notes, T.t("programme_excluded_intro", lang)) if notes else None)


def _programme_count(pair, indicator: str, lang: str) -> str:
    """"13.481 / 26.140 PUS": the numerator and denominator behind a SIGA percentage."""
    if not pair:
        return "–"
    unit = T.t("programme_unit_modern" if indicator == "long_acting_share_pct" else "programme_unit_pus", lang)
    return f"{T.integer(pair[0], lang)} / {T.integer(pair[1], lang)} {unit}"


def regency_rank(ctx: ReportContext, code: str, lang: str) -> B.Block:
    stunting = C.province_rank(ctx.cross, code, "stunting_survey_pct", ascending=True)
    kbpp = C.province_rank(ctx.cross, code, "kbpp_coverage_pct", ascending=False)
    items = [T.t("rank_stunting", lang, **stunting) if stunting else T.t("reg_rank_stunting_missing", lang),
             T.t("rank_kbpp", lang, **kbpp) if kbpp else T.t("reg_rank_kbpp_missing", lang)]
    return B.join(B.heading(T.t("h_rank", lang)), B.bullets(items))


def regency_similar(ctx: ReportContext, code: str, lang: str) -> B.Block:
    peers = C.similar_regencies(ctx.cross, code)
    head = B.heading(T.t("h_similar", lang))
    if peers.empty:
        return B.join(head, B.paragraph(T.t("similar_missing", lang)))
    names = ", ".join(_indicator_label(c, lang) for c in C.SIMILARITY_COVARIATES)
    table = B.table(peers, {"bps_code": T.t("col_code", lang), "name": T.t("col_name", lang),
                            "province_name": T.t("col_province", lang),
                            "stunting_survey_pct": T.t("col_stunting", lang),
                            "kbpp_coverage_pct": T.t("col_kbpp", lang),
                            "distance": T.t("col_distance", lang)},
                    {"stunting_survey_pct": lambda v: _pct(v, lang),
                     "kbpp_coverage_pct": lambda v: _pct(v, lang),
                     "distance": lambda v: T.number(v, lang, 2)})
    return B.join(head, table, B.figure_caption(T.t("similar_caption", lang, covariates=names)))


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
    return (head, B.paragraph(sentence), figure)


def _outside_model(ctx: ReportContext, code: str, lang: str) -> str:
    """Why the model leaves ``code`` out: each model column it lacks in the model's year."""
    name = ctx.cross.loc[ctx.cross["bps_code"] == code, "name"].iloc[0]
    found = C.model_exclusion(ctx.analysis, ctx.meta, ctx.predictions, code)
    reasons = []
    for item in (found or {}).get("missing", []):
        if item["column"] == "kbpp_coverage_pct":
            reasons.append(T.t("reg_missing_kbpp", lang, year=item["year"]))
        else:
            label = _indicator_label(item["column"], lang)
            reasons.append(T.t("reg_missing_column", lang, label=label, year=item["year"]))
    return T.t("reg_outside_model", lang, name=name,
               reasons="; ".join(reasons) or T.t("reg_missing_unknown", lang))


def caveat(lang: str) -> B.Block:
    return B.join(B.heading(T.t("h_caveat", lang)), B.caveat(T.t("caveat", lang)))


def footer(ctx: ReportContext, parameters: dict, lang: str) -> B.Block:
    return B.join(B.paragraph(T.t("contact_line", lang, contact=report_contact(lang))),
                  data_origin(ctx, lang),
                  B.footer(C.provenance(ctx.hashes, parameters, ctx.meta), lang))


def data_origin(ctx: ReportContext, lang: str) -> B.Block:
    """One line saying which data the page was built from: the default, or the default plus
    an office's own files (``make run KBPP=...``, recorded in ``build_meta.json``)."""
    from ..workspace import office_files

    files = office_files(ctx.processed_dir)
    if files:
        text = T.t("data_origin_office", lang, files=", ".join(files))
    elif "simulated_kbpp" in ctx.simulated:
        text = T.t("data_origin_simulated", lang)
    else:
        text = T.t("data_origin_default", lang)
    return B.paragraph(text, css="data-origin")


# --------------------------------------------------------------------------------------
# Province and national reports


def province_header(ctx: ReportContext, province: str, lang: str) -> B.Block:
    name = _province_name(ctx, province)
    codes = ctx.cross.loc[ctx.cross["province_bps"] == province, "bps_code"]
    n = len(codes)
    return B.join(banner(ctx, lang, codes),
                  B.title(T.t("title_province", lang, name=name),
                          T.t("subtitle_province", lang, n=n, code=province)))


def province_regencies(ctx: ReportContext, province: str, lang: str) -> B.Block:
    """The province's regencies: survey stunting, rank, and the 14 % target decided with the
    approximate band (KBPP figures are in the planning table)."""
    table = C.province_table(ctx.cross, province)
    table = table.assign(status=[_status_text(C.target_status(v, C.STUNTING_TARGETS[0].pct), lang)
                                 for v in table["stunting_survey_pct"]])
    return B.join(B.heading(T.t("h_regencies", lang)), B.table(
        table, {"bps_code": T.t("col_code", lang), "name": T.t("col_name", lang),
                "stunting_survey_pct": T.t("col_stunting", lang), "stunting_rank": T.t("col_rank", lang),
                "status": T.t("prov_col_target_status", lang)},
        {"stunting_survey_pct": lambda v: _pct(v, lang),
         "stunting_rank": lambda v: "–" if v is None or v != v else str(int(v))}),
        B.figure_caption(T.t("prov_regencies_caption", lang,
                             half=T.number(C.SURVEY_HALF_WIDTH_95, lang, 0))))


def maps_section(ctx: ReportContext, cross, lang: str) -> tuple:
    geometry = ctx.geometry
    out = [B.heading(T.t("h_map", lang))]
    for column, key in (("stunting_survey_pct", "map_stunting"), ("kbpp_coverage_pct", "map_kbpp")):
        out.append(maps.regency_map(cross, column, lang, T.t(key, lang), geometry=geometry))
    return tuple(out)


def scatter(cross, lang: str) -> tuple:
    return (B.heading(T.t("h_scatter", lang)),
            plots.kbpp_stunting_scatter(cross, lang, T.t("h_scatter", lang)))


_MODEL_SECTIONS: dict[tuple, tuple] = {}  # (inputs' ids, lang) -> (inputs kept alive, parts)


def model_comparison(ctx: ReportContext, lang: str) -> tuple:
    """Each estimator's exposure effect with its name in words and the main model marked,
    the scope of the fit, a forest plot with a labelled axis, the literature range and the
    minimum detectable effect beside it, and the table as a CSV download.

    Every province page shows the same section: a warm kernel builds it (and draws its
    figure) once per data set and language."""
    inputs = (ctx.estimates, ctx.meta, getattr(ctx, "predictions", None), getattr(ctx, "cross", None))
    key = (*map(id, inputs), lang)
    if key not in _MODEL_SECTIONS:
        if len(_MODEL_SECTIONS) >= 4:
            _MODEL_SECTIONS.clear()
        parts = tuple(AP.rendered_once(p) if isinstance(p, plots.FigureBlock) else p
                      for p in _model_comparison(ctx, lang))
        _MODEL_SECTIONS[key] = (inputs, parts)  # the inputs stay referenced: their ids stay theirs
    return _MODEL_SECTIONS[key][1]


def _model_tag(ctx, lang: str) -> str:
    """" (simulated)" when the model results were fitted on simulated inputs, else ""."""
    simulated = ("simulated_model" in (getattr(ctx, "simulated", None) or [])
                 or bool((getattr(ctx, "meta", None) or {}).get("simulated")))
    return f" {T.t('simulated_tag', lang)}" if simulated else ""


def _model_comparison(ctx: ReportContext, lang: str) -> tuple:
    head = B.heading(T.t("h_model_comparison", lang) + _model_tag(ctx, lang))
    comparison = C.model_comparison(ctx.estimates)
    if comparison is None or comparison.empty:
        return (head, B.paragraph(T.t("model_missing", lang)))
    per_10 = C.is_per_10(comparison)
    unit = T.t("unit_per_10" if per_10 else "unit_as_fitted", lang)
    mains = A.main_models(ctx.meta)
    is_main = [m in mains for m in comparison["model"]]
    names = [model_name(m, lang) + (f" {T.t('nat_main_marker', lang)}" if main else "")
             for m, main in zip(comparison["model"], is_main)]
    comparison = comparison.assign(name=names, ci=[_interval(a, b, lang, 2)
                                                   for a, b in zip(comparison["ci_low"], comparison["ci_high"])])
    table = B.table(comparison, {"name": T.t("col_model", lang), "estimate": T.t("col_estimate", lang),
                                 "ci": T.t("col_ci", lang), "p_value": T.t("col_p", lang),
                                 "n_obs": T.t("col_obs", lang)},
                    {"estimate": lambda v: T.signed(float(v), lang, 2),
                     "p_value": lambda v: T.p_value(v, lang), "n_obs": lambda v: T.integer(v, lang)},
                    highlight=lambda row: row["model"] in mains)
    expected = C.expected_effect(ctx.meta)
    band = ((expected["lower_pp"], expected["upper_pp"])
            if per_10 and expected and expected["coverage_rise_pts"] == 10 else None)
    figure = plots.estimates_figure(comparison, lang, T.t("h_model_comparison", lang), band=band,
                                    band_label=T.t("expected_band", lang),
                                    xlabel=(T.t("nat_forest_axis", lang) if per_10 else unit) + _model_tag(ctx, lang),
                                    names=names, main=is_main)
    parts = [head, model_scope(ctx, lang), model_summary(ctx, lang),
             B.heading(T.t("nat_h_model_details", lang), level=3),
             B.figure_caption(T.t("model_comparison_caption", lang, unit=unit)), table, figure]
    power = power_sentence(ctx, lang)  # the MDE beside the literature range
    if band and power is None:
        parts.append(B.paragraph(T.t("expected_sentence", lang, low=T.signed(band[0], lang, 3),
                                     high=T.signed(band[1], lang, 3))))
    parts.append(power)
    parts.append(_download(comparison[["model", "name", "term", "estimate", "ci_low", "ci_high", "p_value",
                                       "n_obs"]], "model-comparison.csv", "nat_download_models", lang))
    ids = ", ".join(comparison["model"])  # identifiers of the results files: code, not words
    before, after = T.t("nat_model_ids", lang, ids="\x00").split("\x00")
    parts.append(B.Block(f'<p class="caption">{B.esc(before)}<code>{B.esc(ids)}</code>{B.esc(after)}</p>',
                         T.t("nat_model_ids", lang, ids=ids)))
    return tuple(p for p in parts if p is not None)


def model_summary(ctx: ReportContext, lang: str) -> B.Block | None:
    """The main estimate in plain words, before any table of estimators: the change in
    stunting that goes with 10 more points of KBPP coverage, its range, what the literature
    expects and whether these data could see an effect of that size."""
    found = C.relationship_summary(getattr(ctx, "meta", None), getattr(ctx, "estimates", None))
    if found is None:
        return None
    includes_zero = found["ci_low"] <= 0 <= found["ci_high"]
    sentence = T.t("nat_summary", lang, estimate=T.signed(found["estimate"], lang, 2),
                   low=T.signed(found["ci_low"], lang, 2), high=T.signed(found["ci_high"], lang, 2),
                   verdict=T.t("nat_summary_zero" if includes_zero else "nat_summary_not_zero", lang))
    if found["expected_low"] is not None:
        sentence += " " + T.t("nat_summary_literature", lang, low=T.signed(found["expected_low"], lang, 2),
                              high=T.signed(found["expected_high"], lang, 2))
    if found["detectable"] is not None:
        sentence += " " + T.t("nat_summary_detect_yes" if found["detectable"] else "nat_summary_detect_no",
                              lang, mde=T.number(found["mde"], lang, 2))
    return B.paragraph(sentence, css="key-figure")


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
    table = B.table(scenarios, {"source": T.t("col_source", lang), "relative_risk": "RR",
                                "share_otherwise_short": T.t("col_share_short", lang),
                                "expected_pp": T.t("col_expected_pp", lang)},
                    {"relative_risk": lambda v: T.number(v, lang, 3),
                     "share_otherwise_short": lambda v: T.number(v, lang, 2),
                     "expected_pp": lambda v: T.signed(float(v), lang, 3)})
    return (head, B.paragraph(sentence), table)


def national_header(ctx: ReportContext, lang: str) -> B.Block:
    return B.join(banner(ctx, lang),
                  B.title(T.t("title_national", lang),
                          T.t("subtitle_national", lang, n_prov=ctx.cross["province_bps"].nunique(),
                              n_reg=len(ctx.cross))))


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
        kbpp_text=[_pct(k, lang) if k == k and k is not None else
                   (T.t("nat_kbpp_published", lang, value=_pct(p, lang), year=int(y)) if p == p and p is not None
                    else "–") for k, p, y in zip(table["kbpp"], table["kbpp_published"], table["kbpp_published_year"])])
    tag = f" {T.t('simulated_tag', lang)}" if table["kbpp_simulated"].any() else ""
    labels = {"province_bps": T.t("col_code", lang), "province_name": T.t("col_province", lang),
              "official": T.t("nat_col_official", lang, year=year or "–"),
              "regency_mean": T.t("nat_col_regency_mean", lang), "used": T.t("nat_col_n_used", lang),
              "kbpp_text": T.t("col_kbpp", lang) + tag, "deliveries": T.t("col_deliveries", lang) + tag,
              "births_estimate": T.t("plan_col_estimate", lang),
              "per_10_year": T.t("plan_col_per_10_year", lang)}
    if table["deliveries"].isna().all():  # no province has counts: no empty column
        labels.pop("deliveries")
    whole = lambda v: "–" if v is None or v != v else T.integer(v, lang)  # noqa: E731
    # the nation's planning numbers: the sum of the province rows printed in the table
    births, per_10 = (pd.to_numeric(table[c], errors="coerce") for c in ("births_estimate", "per_10_year"))
    plan = (B.paragraph(T.t("nat_plan", lang, estimate=whole(births.sum()), month=whole(C.round_half_up(births.sum() / 12)),
                                per_year=whole(per_10.sum()), per_month=whole(C.round_half_up(per_10.sum() / 12))))
            if births.notna().any() else None)
    return B.join(B.heading(T.t("h_provinces", lang)), plan, B.table(
        shown, labels,
        {"official": lambda v: na if v is None or v != v else _pct(v, lang),
         "regency_mean": lambda v: _pct(v, lang),
         "deliveries": lambda v: T.integer(v, lang), "births_estimate": whole, "per_10_year": whole}),
        B.figure_caption(T.t("nat_provinces_caption", lang)),
        B.figure_caption(T.t("plan_method", lang)) if plan else None,
        B.figure_caption(T.t("prov_source_official", lang)),
        B.caveat(T.t("nat_papua_codes", lang)),
        _download(table, f"provinces-{year or 'official'}.csv", "nat_download_provinces", lang,
                  {"official": 1, "regency_mean": 2, "kbpp": 2, "deliveries": 0,
                   "kbpp_published": 1, "births_estimate": 0, "per_10_year": 0}))


def _indicator_label(column: str, lang: str) -> str:
    from ..indicators import INDICATORS
    if column == "province_bps":
        return T.t("col_province", lang)
    return getattr(INDICATORS.get(column), f"label_{lang}", column)


def _interval(low, high, lang: str, decimals: int) -> str:
    """"-0,54 … 0,67" held on one line (no-break spaces), so a narrow column cannot split it."""
    return f"{T.number(low, lang, decimals)}\u00a0…\u00a0{T.number(high, lang, decimals)}"


def _province_name(ctx: ReportContext, province: str) -> str:
    provinces = getattr(ctx, "provinces", None)
    if provinces is None:  # a context of regencies only: the name their rows carry
        return str(ctx.cross.loc[ctx.cross["province_bps"] == province, "province_name"].iloc[0])
    return provinces.set_index("province_bps").at[province, "province_name"]


def _download(frame, filename: str, key: str, lang: str, decimals=None) -> B.Block:
    return D.csv_link(frame, filename, T.t(key, lang), decimals)


def _headline_sentences(head: dict, name: str, lang: str) -> list[B.Block]:
    """The official figure, or "not available" with why and the latest figure there is."""
    if head["year"] is None:  # the data hold no official province series at all
        return [B.paragraph(T.t("prov_headline_none", lang, name=name), css="key-figure")]
    survey = A.survey_name(head["year"])
    if head["value"] is not None:
        parts = [B.paragraph(T.t("prov_headline", lang, name=name, survey=survey,
                                 value=_pct(head["value"], lang)), css="key-figure")]
        flags = [_flag(f, lang) for f in head["flags"]]
        if flags:
            parts.append(B.bullets(flags, T.t("flags_some", lang)))
        return parts
    parts = [B.paragraph(T.t("prov_headline_missing", lang, name=name, survey=survey,
                             reason=T.t(f"prov_reason_{head['reason']}", lang)), css="key-figure")]
    if head["latest_value"] is not None:
        parts.append(B.paragraph(T.t("prov_headline_latest", lang, value=_pct(head["latest_value"], lang),
                                     survey=A.survey_name(head["latest_year"]))))
    return parts


def _flag(flag: str, lang: str) -> str:
    key = f"prov_flag_{flag}"
    return T.t(key, lang) if key in T.STRINGS else T.flag_label(flag, lang)


def _target_count(values, lang: str) -> B.Block:
    counts = C.target_status_counts(values)
    return B.paragraph(T.t("prov_target_count", lang, n=sum(counts.values()),
                           half=T.number(C.SURVEY_HALF_WIDTH_95, lang, 0), **counts))


def _regency_mean_sentence(mean: dict, lang: str) -> B.Block:
    if mean["value"] is None:
        return B.paragraph(T.t("prov_regency_mean_none", lang, year=mean["year"] or "–"))
    return B.paragraph(T.t("prov_regency_mean", lang, value=_pct(mean["value"], lang),
                           n_used=mean["n_used"], n=mean["n"], year=mean["year"]))


def province_headline(ctx: ReportContext, province: str, lang: str) -> B.Block:
    """The official province figure (never a regency mean), the nation beside it, the
    labelled regency mean with how many regencies it uses, and the count against 14 %."""
    rows = O.read_province_rows(ctx.processed_dir)
    name = _province_name(ctx, province)
    members = ctx.cross.loc[ctx.cross["province_bps"] == province]
    head = A.province_headline(rows, province)
    parts = [B.heading(T.t("prov_h_headline", lang)), *_headline_sentences(head, name, lang)]
    national = A.national_headline(head["year"])
    if national["value"] is not None:
        parts.append(B.paragraph(T.t("prov_national", lang, survey=A.survey_name(national["year"]),
                                     value=_pct(national["value"], lang))))
    parts.append(own_targets(head["value"], head["year"], lang, name))
    parts.append(_regency_mean_sentence(A.regency_mean(members, head["year"]), lang))
    parts.append(_target_count(members["stunting_survey_pct"], lang))
    overview = C.area_overview(members)
    if overview["kbpp"] is not None:
        simulated = C.has_simulated_kbpp(members)
        parts.append(B.paragraph(T.t("prov_kbpp_pooled", lang, year=overview["kbpp_year"] or "–",
                                     kbpp=_pct(overview["kbpp"], lang),
                                     deliveries=T.integer(overview["deliveries"], lang))
                                 + (f" {T.t('simulated_tag', lang)}" if simulated else "")))
    parts.append(B.figure_caption(T.t("prov_source_official", lang)))
    return B.join(*parts, papua_codes(ctx, province, lang))


def papua_codes(ctx: ReportContext, province: str, lang: str) -> B.Block | None:
    """On a Papua province page: why its regency codes start with 91 or 94."""
    if province not in A.PAPUA_PROVINCES:
        return None
    regions = ctx.regions.loc[ctx.regions["province_bps"].astype(str) == province]
    if regions.empty:
        return None
    old = {"91": "Papua Barat", "94": "Papua"}
    prefixes = sorted({str(code)[:2] for code in regions["bps_code"]})
    listed = "; ".join(T.t("prov_papua_prefix", lang, prefix=p, old=old.get(p, p)) for p in prefixes)
    dagri = (str(regions["province_dagri"].iloc[0]) if "province_dagri" in regions
             and regions["province_dagri"].notna().any() else "–")
    return B.caveat(T.t("prov_papua_codes", lang, prefixes=listed, province=_province_name(ctx, province),
                        code=province, dagri=dagri))


def province_trend(ctx: ReportContext, province: str, lang: str) -> tuple:
    """The official province series (:func:`_province_trend`), then each regency's own survey
    trend as small multiples on one scale, with the target line."""
    return tuple(p for p in (*_province_trend(ctx, province, lang), *regency_trends(ctx, province, lang))
                 if p is not None)


def regency_trends(ctx: ReportContext, province: str, lang: str) -> tuple:
    """Small multiples: every survey year of each regency of ``province`` (secondary quotes
    hollow), one scale for all, the 14 % target in each; a count of falls and rises."""
    members = ctx.cross.loc[ctx.cross["province_bps"] == province].sort_values("bps_code", kind="mergesort")
    panels, down, up, n_two = [], 0, 0, 0
    for code, name in zip(members["bps_code"], members["name"]):
        trend = C.survey_trend(ctx.analysis, code)
        panels.append((maps.short_name(name), trend))
        if len(trend) >= 2:
            n_two += 1
            change = round(trend["value"].iloc[-1], 1) - round(trend["value"].iloc[-2], 1)
            down, up = down + (change <= -0.05), up + (change >= 0.05)
    if not any(len(f) for _, f in panels):
        return ()
    return (B.heading(T.t("prov_h_regency_trends", lang), level=3),
            svgcharts.small_multiples(panels, lang, target=trend_target(lang)),
            B.figure_caption(T.t("prov_regency_trends_caption", lang, n=len(members), n_two=n_two,
                                 down=down, up=up, same=n_two - down - up)))


def _province_trend(ctx: ReportContext, province: str, lang: str) -> tuple:
    """The official series by year (survey only), "not available" years marked, the nation
    as a reference; routine weighing, where the province has it, in its own panel."""
    rows = O.read_province_rows(ctx.processed_dir)
    points = A.trend_points(rows, province)
    if points.empty:
        return (B.heading(T.t("h_trend", lang)), B.paragraph(T.t("prov_trend_single", lang)))
    name = _province_name(ctx, province)
    first, last = int(points["year"].min()), int(points["year"].max())
    head = B.heading(T.t("prov_h_trend", lang, first=first, last=last))
    table = points.assign(
        survey=[A.survey_name(y) for y in points["year"]],
        note=[T.t(f"prov_reason_{reason}", lang) if isinstance(reason, str)
              else "; ".join(_flag(f, lang) for f in flags) for flags, reason in zip(points["flags"], points["reason"])])
    na = T.t("not_available", lang)
    shown = B.table(table, {"year": T.t("col_year", lang), "survey": T.t("prov_col_survey_name", lang),
                            "value": T.t("col_stunting", lang), "note": T.t("prov_col_note", lang)},
                    {"year": str, "value": lambda v: na if v != v else _pct(v, lang)})
    source = B.figure_caption(T.t("prov_source_official", lang))
    csv = _download(table[["year", "survey", "value"]].assign(province_bps=province)[
        ["province_bps", "year", "survey", "value"]], f"stunting-{province}-{first}-{last}.csv",
        "prov_download_trend", lang, {"value": 1})
    if points["value"].notna().sum() < 2:
        return (head, B.paragraph(T.t("prov_trend_single", lang)), shown, source, csv)
    national = C.national_survey_series()
    national = national.loc[national["year"].between(first, last)]
    members = ctx.analysis.loc[ctx.analysis["province_bps"] == province]
    weighing = None
    if "stunting_weighing_pct" in members and members["stunting_weighing_pct"].notna().any():
        weighing = members.loc[members["stunting_weighing_pct"].notna(), ["bps_code", "year", "stunting_weighing_pct"]] \
            .rename(columns={"stunting_weighing_pct": "value"})
    figure = AP.province_trend_figure(points, lang, T.t("prov_h_trend", lang, first=first, last=last),
                                      name, national=national, weighing=weighing,
                                      target=trend_target(lang))
    parts = [head, figure, B.paragraph(trend_sentence(points, lang)),
             B.figure_caption(T.t("prov_trend_caption", lang))]
    if weighing is not None:
        parts.append(B.figure_caption(T.t("prov_weighing_caption", lang)))
    return (*parts, shown, source, csv)


def _planning_cells(table, lang: str) -> pd.DataFrame:
    """The planning table as the strings a reader sees (counts "not published" where only a
    coverage is, "–" where there is no KBPP figure, "not available" for a missing mix)."""
    unpublished, na = T.t("prov_not_published", lang), T.t("not_available", lang)

    def count(value, basis):
        if basis == "counts":
            return T.integer(value, lang)
        return unpublished if basis == "coverage" else "–"

    return pd.DataFrame({
        "bps_code": table["bps_code"], "name": table["name"],
        "kbpp_year": ["–" if v != v or v is None else str(int(v)) for v in table["kbpp_year"]],
        "acceptors": [count(v, b) for v, b in zip(table["acceptors"], table["basis"])],
        "deliveries": [count(v, b) for v, b in zip(table["deliveries"], table["basis"])],
        "coverage": [_pct(v, lang) for v in table["coverage"]],
        "long_acting": [na if v != v else _pct(v, lang) for v in table["long_acting_share_pct"]],
        "basis": [T.t(f"prov_basis_{b}", lang) for b in table["basis"]],
        "total": False,
    })


def province_planning(ctx: ReportContext, province: str, lang: str) -> B.Block:
    """Deliveries and acceptors per 10 points per regency (:func:`province_deliveries`), then
    per regency: acceptors, deliveries, coverage, long-acting share; a total row over the
    rows with counts (it adds up)."""
    table = A.planning_table(ctx.cross, province)
    total = A.planning_total(table)
    deliveries = B.join(province_deliveries(ctx, province, lang), susenas_context(ctx, province, lang))
    if total["n_none"] == total["n"] and not total["n_long_acting"]:
        return B.join(deliveries, B.heading(T.t("prov_h_planning", lang)),
                      B.paragraph(T.t("prov_planning_none", lang, n=total["n"])),
                      kbpp_template_offer(ctx, province, lang, "province"))
    cells = _planning_cells(table, lang)
    tag = f" {T.t('simulated_tag', lang)}" if total["simulated"] else ""
    cells["basis"] = [b + (tag if sim else "") for b, sim in zip(cells["basis"], table["simulated"])]
    if total["n_counts"]:
        cells = pd.concat([cells, pd.DataFrame([{
            "bps_code": "", "name": T.t("prov_total_row", lang, n_counts=total["n_counts"], n=total["n"]) + tag,
            "kbpp_year": "", "acceptors": T.integer(total["acceptors"], lang),
            "deliveries": T.integer(total["deliveries"], lang), "coverage": _pct(total["coverage"], lang),
            "long_acting": "", "basis": "", "total": True}])], ignore_index=True)
    labels = {"bps_code": T.t("col_code", lang), "name": T.t("col_name", lang),
              "kbpp_year": T.t("prov_col_kbpp_year", lang),
              "acceptors": T.t("prov_col_acceptors", lang) + tag,
              "deliveries": T.t("col_deliveries", lang) + tag,
              "coverage": T.t("col_kbpp", lang) + tag,
              "long_acting": T.t("prov_col_long_acting", lang),
              "basis": T.t("prov_col_note", lang)}
    # A column saying the same "not published" / "–" in every row is said once, in words
    # (the method-mix sentence below already covers a long-acting share missing everywhere).
    said = []
    for column in ("kbpp_year", "acceptors", "deliveries", "coverage", "long_acting", "basis"):
        values = set(cells.loc[~cells["total"], column])
        if len(values) != 1 or not (column == "basis" or values <= {
                "–", T.t("prov_not_published", lang), T.t("not_available", lang)}):
            continue
        value, label = values.pop(), labels.pop(column)
        if column == "basis":
            said.append(T.t("prov_uniform_basis", lang, value=value, n=total["n"]))
        elif value != "–" and column != "long_acting":
            said.append(T.t("prov_uniform_column", lang, column=label, value=value, n=total["n"]))
    shown = B.table(cells, labels, highlight=lambda row: bool(row["total"]))
    parts = [deliveries, B.heading(T.t("prov_h_planning", lang) + tag),
             B.paragraph(T.t("prov_planning_intro", lang)), shown,
             B.bullets(said) if said else None]
    if total["n_counts"]:
        parts.append(B.paragraph(T.t("prov_total_sentence", lang, **total)))
    else:
        parts.append(B.paragraph(T.t("prov_total_none", lang, **total)))
    year = table["kbpp_year"].dropna().max() if table["kbpp_year"].notna().any() else None
    published = A.published_province_kbpp(province, year)
    if published is not None:
        parts.append(B.paragraph(T.t("prov_published_province", lang, year=int(year),
                                     value=_pct(published, lang))))
    with_mix = table.loc[table["long_acting_share_pct"].notna(), "bps_code"]
    if len(with_mix):
        month = ctx.programme_month(str(with_mix.iloc[0]))
        when = T.month_year(month, lang) if month else str(int(table["long_acting_year"].dropna().max()))
        parts.append(B.paragraph(T.t("prov_method_mix", lang, month=when)))
    else:
        parts.append(B.paragraph(T.t("prov_method_mix_none", lang)))
    # a printed source line may already start with "Sumber:" (Profil Kesehatan charts)
    real = C.real_kbpp_sources(ctx.analysis, table["bps_code"])
    sources = [_cited(ctx, ["; ".join(real)], lang, list(table["bps_code"]))] if real else []
    if len(with_mix):
        sources = [*sources, T.t("prov_source_siga", lang)]
    if sources:
        parts.append(B.figure_caption(T.t("ui_source", lang, sources="; ".join(sources))))
    parts.append(_download(table, f"kbpp-planning-{province}.csv", "prov_download_planning", lang,
                           {"coverage": 1, "long_acting_share_pct": 1,
                            "acceptors": 0, "deliveries": 0, "kbpp_year": 0,
                            "long_acting_year": 0}))
    return B.join(*parts)


def province_deliveries(ctx: ReportContext, province: str, lang: str) -> B.Block | None:
    """Per regency: children 0-4, estimated deliveries a year and a month, the office's own
    deliveries where given, and the KBPP acceptors a year and a month each 10 points of
    coverage mean; the total row is the sum of the rounded numbers printed above it."""
    table = A.deliveries_table(ctx.cross, province)
    if table[["estimate", "office"]].isna().all().all():
        return None
    total = A.deliveries_total(table)
    whole = lambda v: "–" if v is None or v != v else T.integer(v, lang)  # noqa: E731
    cells = table.assign(total=False)
    cells = pd.concat([cells, pd.DataFrame([{
        "bps_code": "", "name": T.t("plan_total_row", lang, name=_province_name(ctx, province)),
        **{c: total[c] for c in ("children", "estimate", "estimate_month", "office",
                                 "per_10_year", "per_10_month")}, "total": True}])], ignore_index=True)
    labels = {"bps_code": T.t("col_code", lang), "name": T.t("col_name", lang),
              "children": T.t("plan_col_children", lang, year=total["children_year"] or "–"),
              "estimate": T.t("plan_col_estimate", lang), "estimate_month": T.t("plan_col_month", lang),
              "office": T.t("plan_col_office", lang),
              "per_10_year": T.t("plan_col_per_10_year", lang),
              "per_10_month": T.t("plan_col_per_10_month", lang)}
    if table["office"].isna().all():  # no office gave its deliveries: no empty column
        labels.pop("office")
    shown = B.table(cells, labels, {c: whole for c in labels if c not in ("bps_code", "name")},
                    highlight=lambda row: bool(row["total"]))
    return B.join(B.heading(T.t("plan_h", lang)),
                  B.paragraph(T.t("plan_province_intro", lang, name=_province_name(ctx, province),
                                  estimate=whole(total["estimate"]), month=whole(total["estimate_month"]),
                                  per_year=whole(total["per_10_year"]),
                                  per_month=whole(total["per_10_month"]))),
                  shown, B.figure_caption(T.t("plan_total_caption", lang)),
                  B.figure_caption(T.t("plan_method", lang)),
                  _download(table, f"{'deliveries' if lang == 'en' else 'persalinan'}-{province}.csv",
                            "plan_download", lang))


def province_programme_months(ctx: ReportContext, province: str, lang: str) -> tuple:
    """SIGA modern contraceptive prevalence, unmet need and long-acting share by month per
    regency, where the programme data hold them (else nothing)."""
    members = ctx.cross.loc[ctx.cross["province_bps"] == province]
    months = A.programme_months(ctx.programme_monthly, members["bps_code"])
    intention = province_intention(ctx, province, lang)
    if months.empty:
        return () if intention is None else (intention,)
    names = dict(zip(members["bps_code"], members["name"]))
    names = {code: names[code] for code in sorted(set(months["bps_code"])) if code in names}
    labels = {ind: _indicator_label(ind, lang) for ind in A.MONTHLY_INDICATORS}
    panels = {ind: T.t(f"prov_siga_panel_{ind}", lang) for ind in A.MONTHLY_INDICATORS}
    title = T.t("prov_h_siga", lang)
    figure = AP.programme_months_figure(months, names, panels, lang, title)
    first = T.month_year((int(months["year"].min()), int(months.loc[months["year"] == months["year"].min(), "month"].min())), lang)
    last = T.month_year((int(months["year"].max()), int(months.loc[months["year"] == months["year"].max(), "month"].max())), lang)
    parts = [B.heading(title), figure, B.figure_caption(T.t("prov_siga_caption", lang, first=first, last=last))]
    for indicator in A.MONTHLY_INDICATORS:
        wide = A.programme_wide(months, indicator)
        if wide.empty:
            continue
        columns = {f"m{year}_{month}": T.MONTHS[lang][month - 1][:3] for year, month in wide.columns}
        frame = wide.copy()
        frame.columns = list(columns)
        frame = frame.reset_index()
        frame.insert(1, "name", [names.get(c, c) for c in frame["bps_code"]])
        parts.append(B.heading(T.t("prov_siga_table", lang, indicator=labels[indicator]), level=3))
        parts.append(B.table(frame, {"name": T.t("col_name", lang), **columns},
                             {c: (lambda v: _pct(v, lang)) for c in columns}))
    parts.append(_download(months.assign(name=[names.get(c, c) for c in months["bps_code"]])[
        ["bps_code", "name", "year", "month", "indicator", "value"]],
        f"siga-monthly-{province}.csv", "prov_download_siga", lang, {"value": 2}))
    return tuple(p for p in (*parts, intention) if p is not None)


def province_intention(ctx: ReportContext, province: str, lang: str) -> B.Block | None:
    """The Elsimil KBPP intention (pregnant women at >= 32 weeks who intend KBPP) per regency,
    with the desa rows the build left out of each figure; None where the data hold none."""
    column = "kbpp_intention_pct"
    members = ctx.cross.loc[ctx.cross["province_bps"] == province]
    if column not in members or members[column].isna().all():
        return None
    rows = members.loc[members[column].notna(), ["bps_code", "name", column, f"{column}_year"]].copy()
    rejects = O.read_rejects(ctx.processed_dir)
    rows["left_out"] = [sum(C.programme_exclusions(rejects, ctx.cross, code).get(s, (0, []))[0]
                            for s in C.PROGRAMME_SOURCES[column]) for code in rows["bps_code"]]
    table = B.table(rows, {"name": T.t("col_name", lang), f"{column}_year": T.t("col_year", lang),
                           column: T.t("col_value", lang), "left_out": T.t("prov_col_left_out", lang)},
                    {column: lambda v: _pct(v, lang), f"{column}_year": lambda v: str(int(v)),
                     "left_out": lambda v: T.integer(v, lang)})
    return B.join(B.heading(T.t("prov_h_intention", lang), level=3), table,
                  B.figure_caption(T.t("prov_intention_caption", lang)))


def national_overview(ctx: ReportContext, lang: str) -> B.Block:
    """The published national figure, the labelled mean of the regencies and the national
    count against 14 % (the same decision the regency pages make)."""
    national = A.national_headline()
    parts = [B.heading(T.t("nat_h_headline", lang))]
    if national["value"] is not None:
        parts.append(B.paragraph(T.t("nat_headline", lang, survey=A.survey_name(national["year"]),
                                     value=_pct(national["value"], lang)), css="key-figure"))
    parts.append(own_targets(national["value"], national["year"], lang, "Indonesia"))
    parts += national_trend(lang)
    parts.append(_regency_mean_sentence(A.regency_mean(ctx.cross, national["year"]), lang))
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


def model_name(model: str, lang: str) -> str:
    """An estimator's name in words in the report language (its id when unknown)."""
    key = f"nat_model_{model}"
    return T.t(key, lang) if key in T.STRINGS else model


def model_scope(ctx: ReportContext, lang: str) -> B.Block | None:
    cross = getattr(ctx, "cross", None)
    if cross is None:
        return None
    scope = A.model_scope(ctx.meta, getattr(ctx, "predictions", None), cross)
    if not scope["n_obs"] or not scope["provinces"]:
        return None
    years = {"outcome_year": scope["outcome_year"] or "–", "exposure_year": scope["exposure_year"] or "–"}
    if scope["national"]:
        return B.paragraph(T.t("nat_scope_national", lang, n=scope["n_obs"], n_prov=len(scope["provinces"]), **years))
    return B.paragraph(T.t("nat_scope_province", lang, n=scope["n_obs"], province=scope["provinces"][0], **years))


def power_sentence(ctx: ReportContext, lang: str) -> B.Block | None:
    power = A.power_summary(ctx.meta)
    if power is None:
        return None
    sentence = T.t("nat_mde", lang, power=T.number(100 * power["power"], lang, 0),
                   alpha=T.number(power["alpha"], lang, 2), mde=T.number(power["mde_pp"], lang, 2),
                   low=T.signed(power["lower_pp"], lang, 3), high=T.signed(power["upper_pp"], lang, 3))
    verdict = T.t("nat_mde_can" if power["detectable"] else "nat_mde_cannot", lang)
    return B.paragraph(f"{sentence} {verdict}", css="key-figure")


def national_research_covariates(ctx: ReportContext, lang: str) -> tuple:
    head = B.heading(T.t("nat_h_covariates", lang), level=3)
    table = A.covariate_table(ctx.estimates, ctx.meta)
    if table is None or table.empty:
        return (B.heading(T.t("nat_h_research", lang) + _model_tag(ctx, lang)), head,
                B.paragraph(T.t("model_missing", lang)))
    shown = table.assign(
        label=[T.t("nat_intercept", lang) if t == "(intercept)" else _indicator_label(t, lang) for t in table["term"]],
        ci=[_interval(a, b, lang, 3) for a, b in zip(table["ci_low"], table["ci_high"])])
    r2 = A.fit_r2(ctx.predictions)
    caption = (T.t("nat_covariates_caption", lang, r2=T.number(r2["r2"], lang, 3), n=r2["n"]) if r2
               else T.t("nat_r2_missing", lang))
    return (B.heading(T.t("nat_h_research", lang) + _model_tag(ctx, lang)), head, B.figure_caption(caption),
            B.table(shown, {"label": T.t("col_term", lang), "estimate": T.t("col_estimate", lang),
                            "ci": T.t("col_ci", lang), "p_value": T.t("col_p", lang)},
                    {"estimate": lambda v: T.signed(float(v), lang, 3), "p_value": lambda v: T.p_value(v, lang)}),
            _download(table.assign(model=ctx.meta.get("main_model"))[
                ["model", "term", "estimate", "std_error", "ci_low", "ci_high", "p_value"]],
                "covariates.csv", "nat_download_covariates", lang))


def national_research_spatial(ctx: ReportContext, lang: str) -> tuple:
    head = B.heading(T.t("nat_h_spatial", lang), level=3)
    table = A.spatial_table(ctx.meta)
    if table.empty:
        return (head, B.paragraph(T.t("nat_spatial_missing", lang)))
    spatial = ctx.meta.get("spatial") or {}
    decision = T.t("nat_spatial_fitted" if spatial.get("spatial_error_model_fitted") else "nat_spatial_none", lang)
    shown = table.assign(label=[T.t(f"nat_test_{t}", lang) for t in table["test"]])
    return (head, B.figure_caption(T.t("nat_spatial_caption", lang, k=spatial.get("k_neighbours", "–"),
                                       decision=decision)),
            B.table(shown, {"label": T.t("nat_col_test", lang), "statistic": T.t("nat_col_statistic", lang),
                            "p_value": T.t("col_p", lang)},
                    {"statistic": lambda v: T.number(v, lang, 3), "p_value": lambda v: T.p_value(v, lang)}),
            _download(table, "spatial-diagnostics.csv", "nat_download_spatial", lang))


def national_research_sensitivity(ctx: ReportContext, lang: str) -> tuple:
    head = B.heading(T.t("nat_h_sensitivity", lang), level=3)
    table = A.sensitivity_table(ctx.estimates, ctx.meta)
    if table is None or table.empty:
        return (head, B.paragraph(T.t("nat_sensitivity_missing", lang)))
    shown = table.assign(ci=[_interval(a, b, lang, 2) for a, b in zip(table["ci_low"], table["ci_high"])],
                         group=[T.t(f"nat_group_{g}", lang) if f"nat_group_{g}" in T.STRINGS else g
                                for g in table["group"]],
                         description=[variant_words(v, d, lang)
                                      for v, d in zip(table["variant"], table["description"])])
    return (head, B.figure_caption(T.t("nat_sensitivity_caption", lang)),
            B.table(shown, {"group": T.t("nat_col_group", lang), "description": T.t("nat_col_variant", lang),
                            "estimate": T.t("col_estimate", lang), "ci": T.t("col_ci", lang),
                            "p_value": T.t("col_p", lang), "n_obs": T.t("col_obs", lang)},
                    {"estimate": lambda v: T.signed(float(v), lang, 2), "p_value": lambda v: T.p_value(v, lang),
                     "n_obs": lambda v: T.integer(v, lang)}),
            _download(table, "sensitivity-grid.csv", "nat_download_sensitivity", lang))


def variant_words(variant: str, description: str, lang: str) -> str:
    """A sensitivity variant in the page's language, from its id (``kbanalysis fit`` writes the
    descriptions in English); an id of an unknown shape keeps ``fit``'s description."""
    if lang == "en":
        return description
    from ..indicators import INDICATORS
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
    for english, key in ((r"\binterval\b", "lit_interval"), (r"\bmonths\b", "lit_months")):
        source = re.sub(english, T.t(key, lang), source)
    return source


def national_research_evalue(ctx: ReportContext, lang: str) -> tuple:
    head = B.heading(T.t("nat_h_evalue", lang), level=3)
    evalue = ctx.meta.get("evalue") or {}
    if evalue.get("evalue_point") is None:
        return (head, B.paragraph(T.t("nat_evalue_missing", lang)))
    return (head, B.paragraph(T.t("nat_evalue", lang, point=T.number(evalue["evalue_point"], lang, 2),
                                  ci=T.number(evalue.get("evalue_ci"), lang, 2))))


def national_research_excluded(ctx: ReportContext, lang: str) -> tuple:
    head = B.heading(T.t("nat_h_excluded", lang), level=3)
    excluded = A.excluded_regencies(ctx.analysis, ctx.cross, ctx.meta, ctx.predictions)
    parts = [head]
    if ctx.predictions is None:
        return (head, B.paragraph(T.t("predictions_missing", lang)))
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
    return tuple(parts)
