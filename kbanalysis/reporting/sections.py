"""The sections of the report templates: facts from :mod:`.content` put into words and figures.

Each function returns what one notebook cell displays (a ``Block``, or a tuple of blocks and
figures for ``display(*...)``), so the templates stay a list of calls.
"""
from __future__ import annotations

import pandas as pd

from .. import config
from . import blocks as B
from . import content as C
from . import maps, plots
from . import official as O
from . import text as T
from .context import ReportContext


def _pct(value, lang: str) -> str:
    return T.number(value, lang, 1)


def banner(ctx: ReportContext, lang: str, codes=None) -> B.Block:
    """The simulated-data banner; when the page's KBPP data are real, a note naming their
    sources (``codes``: the regencies the page is about; None for the nation)."""
    return B.join(B.simulated_banner(ctx.simulated, lang),
                  B.real_data_note(C.real_kbpp_sources(ctx.analysis, codes), lang))


# --------------------------------------------------------------------------------------
# Regency profile


def regency_header(ctx: ReportContext, code: str, lang: str) -> B.Block:
    row = ctx.cross.loc[ctx.cross["bps_code"] == code].iloc[0]
    return B.join(banner(ctx, lang, [code]),
                  B.title(T.t("title_regency", lang, name=row["name"]),
                          T.t("subtitle_regency", lang, province=row["province_name"], code=code)))


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
    parts.append(B.bullets(flags, T.t("flags_some", lang)) if flags
                 else B.paragraph(T.t("flags_none", lang)))
    return B.join(*parts)


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
    trend = survey.rename(columns={"value": "survey", "secondary": "survey_secondary"}).merge(
        weighing.rename(columns={"value": "weighing"}), on="year", how="outer").sort_values("year")
    figure = plots.trend_figure(trend, lang, T.t("h_stunting", lang), name=row["name"],
                                province=province, national=national,
                                province_name=row["province_name"])
    parts = [head]
    if len(survey) == 1:
        parts.append(B.paragraph(T.t("reg_trend_single", lang, year=int(survey["year"].iloc[0]))))
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
    table["status_text"] = [_STATUS_TEXT[st](lang) if st else "–" for st in table["status"]]
    block = B.table(table, {"label": T.t("col_target", lang), "target_pct": "%",
                            "gap": T.t("col_gap", lang), "status_text": T.t("col_status", lang)},
                    {"target_pct": lambda v: _pct(v, lang), "gap": lambda v: _signed(v, lang)})
    caption = B.figure_caption(T.t("reg_targets_caption", lang, half=T.number(s["half_width"], lang, 0)))
    return B.join(B.heading(T.t("h_targets", lang)), block, caption if s["value"] is not None else None)


_STATUS_TEXT = {"met": lambda lang: T.t("met", lang), "not_met": lambda lang: T.t("not_met", lang),
                "undecided": lambda lang: T.t("reg_status_undecided", lang)}


def regency_comparison(ctx: ReportContext, code: str, lang: str) -> B.Block | None:
    """The regency beside the official province and national figures of the same survey
    year, its national rank, WHO/UNICEF class and the estimated number of stunted children."""
    comp = C.survey_comparison(ctx.cross, code, O.read_province_rows(ctx.processed_dir))
    if comp["value"] is None:
        return None
    s = C.stunting_summary(ctx.cross, code)
    name = ctx.cross.loc[ctx.cross["bps_code"] == code, "name"].iloc[0]
    missing = T.t("reg_not_available", lang)
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
    items.append(T.t("reg_who_class", lang, label=T.t(f"reg_who_{klass}", lang),
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
    from ..indicators import INDICATORS
    rows["label"] = [getattr(INDICATORS[name], f"label_{lang}") for name in rows["indicator"]]
    missing = T.t("reg_not_available", lang)
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
                   exposure_year=scope["exposure_year"], estimate=_signed(found["estimate"], lang, 2),
                   low=_signed(found["ci_low"], lang, 2), high=_signed(found["ci_high"], lang, 2),
                   exp_low=_signed(found["expected_low"], lang, 2),
                   exp_high=_signed(found["expected_high"], lang, 2), detect=detect)
    row = ctx.cross.loc[ctx.cross["bps_code"] == code].iloc[0]
    if row["bps_code"] in set(ctx.predictions["bps_code"]):
        where_from = T.t("reg_relationship_inside", lang, name=row["name"], n=scope["n"])
    elif row["province_bps"] in scope["provinces"]:
        where_from = None
    else:
        where_from = T.t("reg_relationship_elsewhere", lang, n=scope["n"], scope=where,
                         province=row["province_name"], name=row["name"])
    return B.join(B.heading(T.t("reg_h_relationship", lang)), B.paragraph(sentence, css="key-figure"),
                  B.paragraph(where_from) if where_from else None)


def _signed(value, lang: str, decimals: int = 1) -> str:
    if value is None or value != value:
        return "–"
    text = T.number(value, lang, decimals)
    return ("+" if value > 0 and text.strip("0.,") else "") + text  # no "+0.00"


def regency_kbpp(ctx: ReportContext, code: str, lang: str) -> B.Block:
    k = C.kbpp_summary(ctx.cross, code)
    head = B.heading(T.t("h_kbpp", lang) + (f" {T.t('simulated_tag', lang)}" if k["simulated"] else ""))
    if k["coverage"] is None:
        name = ctx.cross.loc[ctx.cross["bps_code"] == code, "name"].iloc[0]
        own = T.t("kbpp_own_file", lang)
        return B.join(head, B.paragraph(T.t("kbpp_no_public", lang, name=name)),
                      B.paragraph(T.t("kbpp_add_own", lang)),
                      B.commands([f".venv/bin/kbanalysis data check {own}",
                                  f'make run KBPP="{own}"']))
    target = T.number(k["target"], lang, 0)
    if k["deliveries"] is None or k["total"] is None:  # a published coverage, no counts
        gap_text = (T.t("kbpp_met", lang) if not k["gap"] else
                    T.t("kbpp_gap_points", lang, gap=_pct(k["gap"], lang)))
        sentence = T.t("kbpp_coverage_only", lang, year=k["year"],
                       coverage=_pct(k["coverage"], lang), target=target, gap_text=gap_text)
    else:
        gap_text = (T.t("kbpp_met", lang) if not k["mothers"] else
                    T.t("kbpp_gap", lang, gap=_pct(k["gap"], lang),
                        mothers=T.integer(k["mothers"], lang)))
        sentence = T.t("kbpp_value", lang, year=k["year"], coverage=_pct(k["coverage"], lang),
                       deliveries=T.integer(k["deliveries"], lang),
                       total=T.integer(k["total"], lang), target=target, gap_text=gap_text)
    flags = [T.flag_label(f, lang) for f in k["flags"]]
    source = B.figure_caption(T.t("kbpp_source", lang, source=k["source"])) if k["source"] else None
    return B.join(head, B.paragraph(sentence, css="key-figure"), source,
                  B.bullets(flags, T.t("flags_some", lang)) if flags else None)


def regency_programme(ctx: ReportContext, code: str, lang: str) -> B.Block | None:
    """BKKBN programme indicators (SIGA / Elsimil) where the data hold them; else nothing."""
    rows = C.programme_summary(ctx.cross, code)
    if rows.empty:
        return None
    from ..indicators import INDICATORS
    rows["label"] = [getattr(INDICATORS[name], f"label_{lang}") for name in rows["indicator"]]
    table = B.table(rows, {"label": T.t("col_indicator", lang), "year": T.t("col_year", lang),
                           "value": T.t("col_value", lang)},
                    {"value": lambda v: _pct(v, lang), "year": str})
    month = T.month_year(ctx.programme_month(code), lang) if ctx.programme_month(code) else \
        str(int(rows["year"].max()))
    return B.join(B.heading(T.t("h_programme", lang)), table,
                  B.figure_caption(T.t("programme_caption", lang, month=month)))


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
    from ..indicators import INDICATORS
    names = ", ".join(getattr(INDICATORS.get(c), f"label_{lang}", c) for c in C.SIMILARITY_COVARIATES)
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
    head = B.heading(T.t("h_model_position", lang))
    if ctx.predictions is None:
        key = "model_missing" if ctx.estimates is None else "predictions_missing"
        return (head, B.paragraph(T.t(key, lang)))
    pos = C.model_position(ctx.predictions, code)
    if pos is None:
        return (head, B.paragraph(_outside_model(ctx, code, lang)))
    sentence = T.t("model_position", lang, observed=_pct(pos["observed"], lang),
                   expected=_pct(pos["expected"], lang), residual=_signed(round(pos["residual"], 1), lang),
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
    from ..indicators import INDICATORS
    reasons = []
    for item in (found or {}).get("missing", []):
        if item["column"] == "kbpp_coverage_pct":
            reasons.append(T.t("reg_missing_kbpp", lang, year=item["year"]))
        else:
            label = getattr(INDICATORS.get(item["column"]), f"label_{lang}", item["column"])
            reasons.append(T.t("reg_missing_column", lang, label=label, year=item["year"]))
    return T.t("reg_outside_model", lang, name=name,
               reasons="; ".join(reasons) or T.t("reg_missing_unknown", lang))


def caveat(lang: str) -> B.Block:
    return B.join(B.heading(T.t("h_caveat", lang)), B.caveat(T.t("caveat", lang)))


def footer(ctx: ReportContext, parameters: dict, lang: str) -> B.Block:
    return B.footer(C.provenance(ctx.hashes, parameters, ctx.meta), lang)


# --------------------------------------------------------------------------------------
# Province and national reports


def province_header(ctx: ReportContext, province: str, lang: str) -> B.Block:
    name = ctx.provinces.set_index("province_bps").at[province, "province_name"]
    codes = ctx.cross.loc[ctx.cross["province_bps"] == province, "bps_code"]
    n = len(codes)
    return B.join(banner(ctx, lang, codes),
                  B.title(T.t("title_province", lang, name=name),
                          T.t("subtitle_province", lang, n=n, code=province)))


def overview(cross, lang: str) -> B.Block:
    o = C.area_overview(cross)
    weighting = (T.t("weighted_by_population", lang, n=o["n_weighted"], total=o["n"]) if o["n_weighted"]
                 else T.t("unweighted", lang))
    sentence = T.t("province_overview", lang, stunting=_pct(o["stunting"], lang), weighting=weighting,
                   kbpp_year=o["kbpp_year"] or "–", kbpp=_pct(o["kbpp"], lang),
                   deliveries=T.integer(o["deliveries"], lang), n_below=o["n_below_2024_target"],
                   n=o["n"])
    return B.join(B.heading(T.t("h_overview", lang)), B.paragraph(sentence, css="key-figure"))


def province_regencies(ctx: ReportContext, province: str, lang: str) -> B.Block:
    table = C.province_table(ctx.cross, province)
    return B.join(B.heading(T.t("h_regencies", lang)), B.table(
        table, {"bps_code": T.t("col_code", lang), "name": T.t("col_name", lang),
                "stunting_survey_pct": T.t("col_stunting", lang), "stunting_rank": T.t("col_rank", lang),
                "kbpp_coverage_pct": T.t("col_kbpp", lang), "deliveries": T.t("col_deliveries", lang),
                "mothers": T.t("col_mothers", lang)},
        {"stunting_survey_pct": lambda v: _pct(v, lang), "kbpp_coverage_pct": lambda v: _pct(v, lang),
         "deliveries": lambda v: T.integer(v, lang), "mothers": lambda v: T.integer(v, lang),
         "stunting_rank": lambda v: "–" if v is None or v != v else str(int(v))}))


def maps_section(ctx: ReportContext, cross, lang: str) -> tuple:
    geometry = ctx.geometry
    out = [B.heading(T.t("h_map", lang))]
    for column, key in (("stunting_survey_pct", "map_stunting"), ("kbpp_coverage_pct", "map_kbpp")):
        out.append(maps.regency_map(cross, column, lang, T.t(key, lang), geometry=geometry))
    return tuple(out)


def scatter(cross, lang: str) -> tuple:
    return (B.heading(T.t("h_scatter", lang)),
            plots.kbpp_stunting_scatter(cross, lang, T.t("h_scatter", lang)))


def model_comparison(ctx: ReportContext, lang: str) -> tuple:
    head = B.heading(T.t("h_model_comparison", lang))
    comparison = C.model_comparison(ctx.estimates)
    if comparison is None or comparison.empty:
        return (head, B.paragraph(T.t("model_missing", lang)))
    per_10 = C.is_per_10(comparison)
    unit = T.t("unit_per_10" if per_10 else "unit_as_fitted", lang)
    comparison = comparison.assign(ci=[f"{T.number(a, lang, 2)} … {T.number(b, lang, 2)}"
                                       for a, b in zip(comparison["ci_low"], comparison["ci_high"])])
    table = B.table(comparison, {"model": T.t("col_model", lang), "estimate": T.t("col_estimate", lang),
                                 "ci": T.t("col_ci", lang), "p_value": T.t("col_p", lang),
                                 "n_obs": T.t("col_obs", lang)},
                    {"estimate": lambda v: _signed(float(v), lang, 2),
                     "p_value": lambda v: T.p_value(v, lang), "n_obs": lambda v: T.integer(v, lang)})
    expected = C.expected_effect(ctx.meta)
    band = ((expected["lower_pp"], expected["upper_pp"])
            if per_10 and expected and expected["coverage_rise_pts"] == 10 else None)
    figure = plots.estimates_figure(comparison, lang, T.t("h_model_comparison", lang), band=band,
                                    band_label=T.t("expected_band", lang))
    parts = [head, B.figure_caption(T.t("model_comparison_caption", lang, unit=unit)), table, figure]
    if band:
        parts.append(B.paragraph(T.t("expected_sentence", lang, low=_signed(band[0], lang, 3),
                                     high=_signed(band[1], lang, 3))))
    return tuple(parts)


def expected_range(ctx: ReportContext, lang: str) -> tuple:
    head = B.heading(T.t("h_expected", lang))
    expected = C.expected_effect(ctx.meta)
    if expected is None:
        return (head, B.paragraph(T.t("expected_missing", lang)))
    sentence = T.t("expected_sentence", lang, low=_signed(expected["lower_pp"], lang, 3),
                   high=_signed(expected["upper_pp"], lang, 3))
    scenarios = expected["scenarios"]
    if scenarios.empty:
        return (head, B.paragraph(sentence))
    table = B.table(scenarios, {"source": T.t("col_source", lang), "relative_risk": "RR",
                                "share_otherwise_short": T.t("col_share_short", lang),
                                "expected_pp": T.t("col_expected_pp", lang)},
                    {"relative_risk": lambda v: T.number(v, lang, 3),
                     "share_otherwise_short": lambda v: T.number(v, lang, 2),
                     "expected_pp": lambda v: _signed(float(v), lang, 3)})
    return (head, B.paragraph(sentence), table)


def national_header(ctx: ReportContext, lang: str) -> B.Block:
    return B.join(banner(ctx, lang),
                  B.title(T.t("title_national", lang),
                          T.t("subtitle_national", lang, n_prov=ctx.cross["province_bps"].nunique(),
                              n_reg=len(ctx.cross))))


def national_provinces(ctx: ReportContext, lang: str) -> B.Block:
    table = C.national_table(ctx.cross, ctx.provinces)
    return B.join(B.heading(T.t("h_provinces", lang)), B.table(
        table, {"province_bps": T.t("col_code", lang), "province_name": T.t("col_province", lang),
                "n": T.t("col_n", lang), "stunting": T.t("col_stunting", lang),
                "kbpp": T.t("col_kbpp", lang), "deliveries": T.t("col_deliveries", lang),
                "mothers": T.t("col_mothers", lang)},
        {"stunting": lambda v: _pct(v, lang), "kbpp": lambda v: _pct(v, lang),
         "deliveries": lambda v: T.integer(v, lang), "mothers": lambda v: T.integer(v, lang)}))
