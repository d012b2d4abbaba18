"""The sections of the province report (``notebooks/reports/province.ipynb``).
"""
from __future__ import annotations

import pandas as pd

from ... import messages as T
from .. import area_plots as AP
from .. import areas as A
from .. import blocks as B
from .. import content as C
from .. import maps, svgcharts
from .. import official as O
from ..context import ReportContext
from ..sourcing import planning_method, ssgi_regency_copy
from .shared import (
    SKI_YEARS,
    _cited,
    _download,
    _indicator_label,
    _pct,
    _province_name,
    _regency_mean_sentence,
    _status_text,
    _target_count,
    banner,
    facility_births_source,
    has_ski_figure,
    kbpp_template_offer,
    latest_facility_births,
    model_comparison,
    own_targets,
    programme_count,
    programme_reasons,
    programme_unit,
    same_survey_pair,
    susenas_context,
    trend_sentence,
    trend_target,
)


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
        B.figure_caption(T.t("prov_regencies_caption", lang, copy=ssgi_regency_copy(lang),
                             document=T.t("doc_rpjmn_2020_2024", lang),
                             half=T.number(C.SURVEY_HALF_WIDTH_95, lang, 0))))


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
    return T.t(key, lang) if key in T.CATALOGUE else T.flag_label(flag, lang)


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
    parts.append(own_targets(head["value"], head["year"], lang, name, "own_figure_province"))
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
    panels, down, up, n_two, across_surveys, like_for_like, single = [], 0, 0, 0, 0, 0, []
    for code, name in zip(members["bps_code"], members["name"]):
        trend = C.survey_trend(ctx.analysis, code)
        panels.append((maps.short_name(name), trend))
        known = trend.loc[trend["value"].notna()].sort_values("year")
        if len(known) == 1:
            single.append(maps.short_name(name))
        if len(known) >= 2:
            n_two += 1
            # the change between two figures of one survey where the regency has them,
            # else between its last two figures (noted when they straddle SKI and SSGI)
            pair = same_survey_pair(known)
            like_for_like += pair is not None
            if pair is None:
                pair = tuple(zip(known["year"].astype(int).tail(2), known["value"].tail(2)))
                across_surveys += (pair[0][0] in SKI_YEARS) != (pair[1][0] in SKI_YEARS)
            (_, before), (_, after) = pair
            change = round(after, 1) - round(before, 1)
            down, up = down + (change <= -0.05), up + (change >= 0.05)
    if not any(len(f) for _, f in panels):
        return ()
    caption = T.t("prov_regency_trends_caption", lang, n=len(members), n_two=n_two, down=down, up=up,
                  same=n_two - down - up)
    if like_for_like:
        caption += " " + T.t("prov_regency_trends_like", lang, n=like_for_like)
    if across_surveys:  # the SKI/SSGI note only where a compared pair spans the two surveys
        caption += " " + T.t("prov_regency_trends_ski", lang, n=across_surveys)
    if single:
        caption += " " + T.t("prov_regency_trends_single", lang, n=len(single), names=", ".join(single))
    return (B.heading(T.t("prov_h_regency_trends", lang), level=3),
            svgcharts.small_multiples(panels, lang, target=trend_target(lang)), B.figure_caption(caption))


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
    columns = {"year": T.t("col_year", lang), "survey": T.t("prov_col_survey_name", lang),
               "value": T.t("col_stunting", lang), "note": T.t("prov_col_note", lang)}
    if not table["note"].astype(bool).any():  # an empty column only widens the table on a phone
        del columns["note"]
    shown = B.table(table, columns, {"year": str, "value": lambda v: na if v != v else _pct(v, lang)})
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
    caption = T.t("prov_trend_caption", lang)
    if has_ski_figure(points):
        caption += " " + T.t("trend_caption_ski", lang)
    parts = [head, figure, B.paragraph(trend_sentence(points, lang)), B.figure_caption(caption)]
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
    facility = latest_facility_births(ctx, table["bps_code"])
    if len(facility):  # the denominator of KBPP coverage is these deliveries: beside it
        cells["facility"] = [_pct(facility.at[c, "value"], lang) if c in facility.index
                             else T.t("not_available", lang) for c in cells["bps_code"]]
    tag = f" {T.t('simulated_tag', lang)}" if total["simulated"] else ""
    cells["basis"] = [b + (tag if sim else "") for b, sim in zip(cells["basis"], table["simulated"])]
    if total["n_counts"]:
        cells = pd.concat([cells, pd.DataFrame([{
            "bps_code": "", "name": T.t("prov_total_row", lang, n_counts=total["n_counts"], n=total["n"]) + tag,
            "kbpp_year": "", "acceptors": T.integer(total["acceptors"], lang),
            "deliveries": T.integer(total["deliveries"], lang), "coverage": _pct(total["coverage"], lang),
            "long_acting": "", "basis": "", "total": True, **({"facility": ""} if len(facility) else {})}])],
            ignore_index=True)
    labels = {"bps_code": T.t("col_code", lang), "name": T.t("col_name", lang),
              "kbpp_year": T.t("prov_col_kbpp_year", lang),
              "acceptors": T.t("prov_col_acceptors", lang) + tag,
              "deliveries": T.t("col_deliveries", lang) + tag,
              "coverage": T.t("col_kbpp", lang) + tag,
              **({"facility": T.t("prov_col_facility", lang, year=int(facility["year"].max()))}
                 if len(facility) else {}),
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
    shown = B.table(cells, labels, highlight=lambda row: bool(row["total"]), keep_name=True)
    parts = [deliveries, B.heading(T.t("prov_h_planning", lang) + tag),
             B.paragraph(T.t("prov_planning_intro", lang)), shown,
             B.bullets(said) if said else None]
    if len(facility):
        sources = sorted({facility_births_source(i, r, lang)
                          for i, r in zip(facility["source_id"], facility["source_ref"])})
        parts.append(B.figure_caption(T.t("prov_facility_caption", lang, year=int(facility["year"].max()),
                                          source="; ".join(sources))))
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
    # Every province page lets its offices add the figures missing or a newer year.
    parts += [B.paragraph(T.t("prov_template_lead", lang)), kbpp_template_offer(ctx, province, lang, "province")]
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
                    highlight=lambda row: bool(row["total"]), keep_name=True)
    return B.join(B.heading(T.t("plan_h", lang)),
                  B.paragraph(T.t("plan_province_intro", lang, name=_province_name(ctx, province),
                                  estimate=whole(total["estimate"]), month=whole(total["estimate_month"]),
                                  per_year=whole(total["per_10_year"]),
                                  per_month=whole(total["per_10_month"]))),
                  shown, B.figure_caption(T.t("plan_total_caption", lang)),
                  B.figure_caption(planning_method(lang)),
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
    last_year = int(months["year"].max())
    last_month = (last_year, int(months.loc[months["year"] == last_year, "month"].max()))
    last = T.month_year(last_month, lang)
    short_month = T.month_year(last_month, lang, short=True)
    # the counts behind each regency's latest percentages (PUS, users), as the build summed them
    latest = {code: ctx.programme_month(code) for code in names}
    counts = {code: C.programme_counts(ctx.programme_monthly, code, *month) if month else {}
              for code, month in latest.items()}
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
        frame["counts"] = [programme_count(counts.get(code, {}).get(indicator), indicator, lang, with_unit=False)
                           for code in frame["bps_code"]]
        counts_label = T.t("prov_siga_counts", lang, month=short_month, unit=programme_unit(indicator, lang))
        parts.append(B.heading(T.t("prov_siga_table", lang, indicator=labels[indicator]), level=3))
        parts.append(B.table(frame, {"name": T.t("col_name", lang), **columns,
                                     "counts": counts_label},
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
    sources = C.PROGRAMME_SOURCES[column]
    excluded = [C.programme_exclusions(rejects, ctx.cross, code) for code in rows["bps_code"]]
    noted = [C.programme_noted(rejects, ctx.cross, code) for code in rows["bps_code"]]
    rows["left_out"] = [sum(e.get(s, (0, []))[0] for s in sources) for e in excluded]
    # A reason is a sentence, mostly the same for every regency: the table names it by a
    # letter and the sentence follows once below (a phone column of it made rows a screen tall).
    reasons = [programme_reasons(e, sources, lang) for e in excluded]
    letters = {reason: chr(ord("a") + i) for i, reason in enumerate(dict.fromkeys(r for r in reasons if r))}
    rows["why"] = [f"({letters[r]})" if r else "–" for r in reasons]
    rows["noted"] = [sum(n.get(s, (0, []))[0] for s in sources) for n in noted]
    # Elsimil is a year-to-date file: its counts have no month
    rows["counts"] = [programme_count(C.programme_counts(ctx.programme_monthly, code, int(year), None)
                                      .get(column), column, lang)
                      for code, year in zip(rows["bps_code"], rows[f"{column}_year"])]
    table = B.table(rows, {"name": T.t("col_name", lang), f"{column}_year": T.t("col_year", lang),
                           column: T.t("col_value", lang), "counts": T.t("programme_col_counts", lang),
                           "left_out": T.t("prov_col_left_out", lang),
                           "why": T.t("prov_col_left_out_reason", lang), "noted": T.t("prov_col_noted", lang)},
                    {column: lambda v: _pct(v, lang), f"{column}_year": lambda v: str(int(v)),
                     "left_out": lambda v: T.integer(v, lang), "noted": lambda v: T.integer(v, lang)})
    # the desa rows behind the two counting columns, as the build's ledger holds them
    ledger = [C.programme_ledger_rows(rejects, ctx.cross, code, sources).assign(bps_code=code)
              for code in rows["bps_code"]]
    ledger = pd.concat(ledger, ignore_index=True) if ledger else pd.DataFrame()
    download = (_download(ledger[["bps_code", "source_id", "file", "row", "column", "reason", "left_out", "value",
                                  "detail"]], f"elsimil-desa-{province}.csv", "prov_download_intention_rows", lang)
                if len(ledger) else None)
    return B.join(B.heading(T.t("prov_h_intention", lang), level=3), table,
                  B.bullets([f"({letter}) {reason}" for reason, letter in letters.items()]) if letters else None,
                  B.figure_caption(T.t("prov_intention_caption", lang)), download)


def province_model(ctx: ReportContext, province: str, lang: str) -> tuple:
    """The model section (:func:`.shared.model_comparison`); where none of the province's
    regencies is in the model, its scope and one sentence saying so stay open and the rest
    (an estimate from other provinces) is folded: it says nothing about this province."""
    parts = model_comparison(ctx, lang)
    predictions = getattr(ctx, "predictions", None)
    members = ctx.cross.loc[ctx.cross["province_bps"] == province, "bps_code"]
    if predictions is None or len(parts) < 3 or predictions["bps_code"].isin(members).any():
        return parts
    head, scope, *rest = parts
    return (head, scope, B.paragraph(T.t("prov_model_not_here", lang, province=_province_name(ctx, province))),
            B.details(T.t("prov_model_fold", lang), *rest))
