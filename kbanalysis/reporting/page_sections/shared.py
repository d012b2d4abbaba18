"""Sections and helpers used by more than one level of report: the banner, the caveat and
footer, KBPP source citations and the template offer, trend sentences, targets, maps, the
scatter, the model comparison.
"""
from __future__ import annotations

import math
import re

import pandas as pd

from ... import config
from ... import messages as T
from .. import areas as A
from .. import blocks as B
from .. import content as C
from .. import downloads as D
from .. import maps, plots
from .. import official as O
from ..context import ReportContext
from ..sourcing import SURVEY_BY_YEAR


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
    from ..sourcing import indicator_source
    cross = ctx.cross if codes is None else ctx.cross.loc[ctx.cross["bps_code"].isin(list(codes))]
    if "kbpp_measure_type" in cross:
        cross = cross.loc[cross["kbpp_measure_type"].eq("administrative")]
    names = indicator_source(cross, "kbpp_coverage_pct", lang)
    return [n for n in names.split("; ") if n] or C.real_kbpp_sources(rows, codes)


# Survey years measured by SKI (Survei Kesehatan Indonesia) rather than SSGI: a change across
# the two is between different surveys (config.STUNTING_SURVEY_NATIONAL_PCT).
SKI_YEARS = frozenset({2023})


def trend_target(lang: str) -> tuple[float, str]:
    """The stunting target drawn on every trend chart, with the document that sets it."""
    target = C.STUNTING_TARGETS[0]
    return target.pct, T.t("trend_target_legend", lang, pct=T.number(target.pct, lang, 0),
                           year=target.year, document=T.t("doc_rpjmn_2020_2024", lang))


def trend_sentence(points: pd.DataFrame, lang: str, half_width: float | None = None) -> str:
    """One sentence: the direction and size of the change from the previous survey year with
    a figure to the latest (``points``: ``year, value`` and optionally ``secondary``; missing
    values skipped), a note when one of the two years is SKI and the other SSGI, and one when
    either figure was quoted by a secondary source. Empty with fewer than two figures.

    ``half_width``: the approximate 95 % half-width of each figure (regency estimates). A
    change smaller than the two figures' combined half-width, √(h² + h²), is said to be
    within the surveys' uncertainty: it cannot be told from no change."""
    known = points.loc[points["value"].notna()].sort_values("year")
    if len(known) < 2:
        return ""
    (prev_year, prev), (year, value) = [(int(r.year), float(r.value)) for r in known.tail(2).itertuples()]
    change = round(value, 1) - round(prev, 1)
    direction = T.t("trend_up" if change > 0 else "trend_down", lang)
    if abs(change) < 0.05:
        sentence = T.t("trend_same", lang, prev_year=prev_year, year=year, value=_pct(value, lang))
    else:
        sentence = T.t("trend_change", lang, prev_year=prev_year, year=year,
                       direction=direction, change=T.number(abs(change), lang, 1), prev=_pct(prev, lang),
                       value=_pct(value, lang))
        combined = None if half_width is None else math.hypot(half_width, half_width)
        if combined is not None and abs(change) < combined:
            sentence += " " + T.t("trend_within_noise", lang, half=T.number(half_width, lang, 0),
                                  combined=T.number(combined, lang, 1), direction=direction)
    between = [y for y in sorted(SURVEY_BY_YEAR) if prev_year < y < year]
    if between:  # "since the previous survey" would be read as the survey just before
        sentence += " " + T.t("trend_between", lang, years=", ".join(SURVEY_BY_YEAR[y] for y in between))
    if (prev_year in SKI_YEARS) != (year in SKI_YEARS):
        sentence += " " + T.t("trend_surveys_differ", lang)
        same = same_survey_pair(known)
        if same is not None:  # the like-for-like change can point the other way (Kalbar)
            (first_year, first), _ = same
            step = round(value, 1) - round(first, 1)
            moved = (T.t("trend_no_change", lang) if abs(step) < 0.05 else
                     f"{T.t('trend_up' if step > 0 else 'trend_down', lang)} {T.number(abs(step), lang, 1)} "
                     f"{T.t('trend_points', lang)}")
            sentence += " " + T.t("trend_same_survey", lang, prev=SURVEY_BY_YEAR.get(first_year, str(first_year)),
                                  now=SURVEY_BY_YEAR.get(year, str(year)), change=moved,
                                  before=_pct(first, lang), after=_pct(value, lang))
    if "secondary" in known:
        quoted = [int(r.year) for r in known.tail(2).itertuples() if bool(r.secondary)]
        if len(quoted) == 2:
            sentence += " " + T.t("trend_secondary_both", lang, prev_year=quoted[0], year=quoted[1])
        elif quoted:
            sentence += " " + T.t("trend_secondary", lang, year=quoted[0])
    return sentence


def has_ski_figure(*series: pd.DataFrame) -> bool:
    """Whether any of ``series`` (``year, value``) has a figure in an SKI year: its chart's
    caption then says that SKI and SSGI are different surveys."""
    return any(SKI_YEARS & set(f.loc[f["value"].notna(), "year"].astype(int)) for f in series)


def same_survey_pair(known: pd.DataFrame):
    """``((year, value), (year, value))``: the latest figure and the latest earlier one from the
    same kind of survey (SSGI with SSGI, SKI with SKI), when the figure just before the latest
    is from the other kind; None otherwise. ``known``: ``year, value`` by year, values present."""
    if len(known) < 3:
        return None
    years, values = [int(y) for y in known["year"]], [float(v) for v in known["value"]]
    latest_ski = years[-1] in SKI_YEARS
    if (years[-2] in SKI_YEARS) == latest_ski:
        return None
    for year, value in zip(reversed(years[:-2]), reversed(values[:-2])):
        if (year in SKI_YEARS) == latest_ski:
            return (year, value), (years[-1], values[-1])
    return None


def _toward(status: str | None, target_year: int, data_year, lang: str) -> str:
    """A status in words; a later year's target judged on earlier data reads "menuju target
    2025: masih di atas target" (it cannot be met or missed yet)."""
    if status is None or data_year is None or int(target_year) <= int(data_year):
        return _status_text(status, lang)
    return T.t("toward_target", lang, year=int(target_year), status=T.t(f"toward_{status}", lang))


def own_targets(value, year, lang: str, name: str, figure_key: str) -> B.Block | None:
    """A province's or the nation's own published figure against each stunting target, with
    the document that sets it (judged on the point figure: "menuju target" for later years).
    ``figure_key`` says what the figure is: official (read from the report) or a copy."""
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
                                       survey=A.survey_name(year), figure=T.t(figure_key, lang))))


def _status_text(status: str | None, lang: str) -> str:
    """A target status of ``content.target_status`` in words ("–" without a value)."""
    return T.t(status, lang) if status else "–"


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
    # The quoted pages' addresses, each once, as links (figure_caption links web addresses).
    pages = list(dict.fromkeys(found[f"{i}_source_ref"] for i in C.SUSENAS_INDICATORS
                               if found.get(f"{i}_source_ref")))
    caption = T.t("susenas_caption", lang)
    if pages:
        caption += " " + T.t("susenas_source_pages", lang, pages="; ".join(pages))
    return B.join(B.heading(T.t(key, lang, name=name), level=3), B.bullets(items),
                  B.figure_caption(caption))


def programme_reasons(excluded: dict, sources, lang: str) -> str:
    """Why desa rows of ``sources`` were left out, in words: a file's own wording of a ledger
    reason where the catalogue has one (``programme_reason_<source>_<reason>``), else the
    reason's general description."""
    words = []
    for source in sources:
        for reason in excluded.get(source, (0, []))[1]:
            key = f"programme_reason_{source}_{reason}"
            words.append(T.t(key if key in T.CATALOGUE else f"reason.{reason}", lang))
    return "; ".join(dict.fromkeys(words))


_FILE_NAME = re.compile(r"\.(csv|tsv|txt|xlsx?|parquet)$", re.IGNORECASE)
# Where a citation says its figure is printed: a page, a figure or table number, an address.
_PRINTED_AT = re.compile(r"(hlm\.|p\.|pp\.|page\b|gambar\b|tabel\b|figure\b|table\b|https?://)", re.IGNORECASE)
# A citation's page marker ("P. 73", "p.73", "page 73", "hal. 73"), written in the page's own
# language: an Indonesian reader takes "P." for an English abbreviation.
_PAGE_MARK = re.compile(r"(?<![^\s(,;])(?:pp?|pages?|hal|hlm|halaman)\.?\s*(?=\d)", re.IGNORECASE)


def _cited(ctx: ReportContext, joined: list[str], lang: str, codes) -> str:
    """A KBPP source as the reader should see it: the publication's name, then where it was
    printed (page, address); the raw file's name only when nothing else names it."""
    parts = [re.sub(r"^(sumber|source)\s*:\s*", "", p.strip(), flags=re.IGNORECASE)
             for j in joined for p in str(j).split(";") if p.strip()]
    citations = [p for p in parts if not _FILE_NAME.search(p)]
    if not citations or len(citations) == len(parts):  # an office's file: its name; a citation: itself
        return "; ".join(dict.fromkeys(parts))
    names = [n for n in _kbpp_source_names(ctx, codes, lang) if not _FILE_NAME.search(n)]
    cited = _PAGE_MARK.sub(T.t("cite_page", lang) + " ", "; ".join(dict.fromkeys(citations)))
    if not names:
        return cited
    # "BKKBN Prov. Jateng, 2021, P. 73, Gambar 5.17, https://…": the figure's own "Sumber:" note
    # comes before where it is printed; the publication is named first and the note said to be
    # its data source, so the note is not read as the publisher.
    parts = [p.strip() for p in cited.split(",")]
    where = next((i for i, p in enumerate(parts) if _PRINTED_AT.match(p)), len(parts))
    note, place = ", ".join(parts[:where]), ", ".join(parts[where:])
    head = ", ".join(p for p in ("; ".join(names), place) if p)
    return f"{head} ({T.t('cite_data_note', lang, note=note)})" if note else head


def kbpp_template_offer(ctx: ReportContext, province: str, lang: str, level: str,
                        regency: str | None = None) -> B.Block:
    """The province's fill-in KBPP workbook (written beside the reports by the batch, see
    ``batch.write_report_templates``) as a relative link from a ``level`` page, and the two
    commands that turn a filled copy into new reports. For any "no public KBPP data" section.

    A ``regency`` page also offers the district template (one row per puskesmas) as the
    command that writes it: its rows are blank, so one command makes it in a second, where
    writing one workbook per regency into every batch would add 514 near-identical files."""
    import posixpath

    from ... import templates as TP
    from ..paths import output_path

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


def caveat(lang: str) -> B.Block:
    return B.join(B.heading(T.t("h_caveat", lang)), B.caveat(T.t("caveat", lang)))


def footer(ctx: ReportContext, parameters: dict, lang: str) -> B.Block:
    """Contact, data origin and provenance: the fingerprints of what *this* page reads of each
    input (``page_inputs``), so a page whose own inputs did not change stays the same page."""
    from ..page_inputs import page_hashes

    level, code = next(((level, parameters[level]) for level in ("regency", "province")
                        if parameters.get(level)), ("national", None))
    hashes = page_hashes(level, code, ctx.processed_dir, ctx.results_dir)
    return B.join(B.paragraph(T.t("contact_line", lang, contact=report_contact(lang))),
                  data_origin(ctx, lang),
                  B.footer(C.provenance(hashes, parameters, ctx.meta), lang))


def data_origin(ctx: ReportContext, lang: str) -> B.Block:
    """One line saying which data the page was built from: the default, or the default plus
    an office's own files (``make run KBPP=...``, recorded in ``build_meta.json``)."""
    from ...workspace import office_files

    files = office_files(ctx.processed_dir)
    if files:
        text = T.t("data_origin_office", lang, files=", ".join(files))
    elif "simulated_kbpp" in ctx.simulated:
        text = T.t("data_origin_simulated", lang)
    else:
        text = T.t("data_origin_default", lang)
    return B.paragraph(text, css="data-origin")


def maps_section(ctx: ReportContext, cross, lang: str) -> tuple:
    geometry = ctx.geometry
    out = [B.heading(T.t("h_map", lang))]
    for column, key in (("stunting_survey_pct", "map_stunting"), ("kbpp_coverage_pct", "map_kbpp")):
        out.append(_said(maps.regency_map(cross, column, lang, T.t(key, lang), geometry=geometry)))
    return tuple(out)


def _said(figure):
    """A figure with nothing to draw (a message figure) as a sentence instead of a picture of
    one: readable on a phone, by a screen reader and by the page's search."""
    message = getattr(figure, "message", None)
    return B.paragraph(f"{figure.title}: {message}") if message else figure


def scatter(cross, lang: str) -> tuple:
    """KBPP against stunting, each dot named where its name fits, and a line saying how many
    are named, so an office looks for its own regency's values in the tables otherwise."""
    figure = plots.kbpp_stunting_scatter(cross, lang, T.t("h_scatter", lang), names=True)
    shown, named = getattr(figure, "shown", 0), getattr(figure, "named", 0)
    note = (B.figure_caption(T.t("scatter_names_some" if named < shown else "scatter_names_all", lang,
                                 named=named, n=shown)) if shown else None)
    return tuple(p for p in (B.heading(T.t("h_scatter", lang)), _said(figure), note) if p is not None)


_MODEL_SECTIONS: dict[tuple, tuple] = {}  # (inputs' ids, lang) -> (inputs kept alive, parts)


def model_comparison(ctx: ReportContext, lang: str) -> tuple:
    """The main estimate in plain words with the scope of the fit, the literature range and
    the minimum detectable effect; folded below it, for researchers, each estimator's
    exposure effect with its name in words and the main model marked, a forest plot with a
    labelled axis, and the table as a CSV download.

    Every province page shows the same section: a warm kernel builds it (and draws its
    figure) once per data set and language."""
    inputs = (ctx.estimates, ctx.meta, getattr(ctx, "predictions", None), getattr(ctx, "cross", None))
    key = (*map(id, inputs), lang)
    if key not in _MODEL_SECTIONS:
        if len(_MODEL_SECTIONS) >= 4:
            _MODEL_SECTIONS.clear()
        _MODEL_SECTIONS[key] = (inputs, _model_comparison(ctx, lang))  # the inputs stay referenced: their ids stay theirs
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
    parts = [head, model_scope(ctx, lang), model_summary(ctx, lang)]
    power = power_sentence(ctx, lang)  # the MDE beside the literature range
    if band and power is None:
        parts.append(B.paragraph(T.t("expected_sentence", lang, low=T.signed(band[0], lang, 3),
                                     high=T.signed(band[1], lang, 3))))
    parts.append(power)
    ids = ", ".join(comparison["model"])  # identifiers of the results files: code, not words
    before, after = T.t("nat_model_ids", lang, ids="\x00").split("\x00")
    # The estimators by name (OLS, WLS, wild bootstrap ...) are for researchers: folded away
    # under the plain summary, the forest plot written into the fold with its description.
    found = C.relationship_summary(getattr(ctx, "meta", None), None)
    # the summary's interval is one row's of the table: named, so the two do not seem to disagree
    which = (B.figure_caption(T.t("nat_summary_interval_row", lang, name=model_name(found["interval_model"], lang)))
             if found else None)
    parts.append(B.details(
        T.t("nat_h_model_details", lang),
        B.figure_caption(T.t("model_comparison_caption", lang, unit=unit)), which, table,
        B.image(figure),
        _download(comparison[["model", "name", "term", "estimate", "ci_low", "ci_high", "p_value", "n_obs"]],
                  "model-comparison.csv", "nat_download_models", lang),
        B.Block(f'<p class="caption">{B.esc(before)}<code>{B.esc(ids)}</code>{B.esc(after)}</p>',
                T.t("nat_model_ids", lang, ids=ids))))
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


# What the denominator of a programme percentage counts (text keys); PUS otherwise.
PROGRAMME_UNITS = {"long_acting_share_pct": "programme_unit_modern", "kbpp_intention_pct": "programme_unit_late"}


def latest_facility_births(ctx: ReportContext, codes) -> pd.DataFrame:
    """Each of ``codes``' latest facility-birth coverage (held for Jawa Tengah 2021 only):
    ``year, value, source_id, source_ref`` indexed by ``bps_code``; empty where none."""
    rows = O.read_regency_rows("births_in_facility_pct", getattr(ctx, "processed_dir", None))
    return rows.loc[rows["bps_code"].isin(list(codes))].sort_values("year", kind="mergesort") \
        .drop_duplicates("bps_code", keep="last").set_index("bps_code")


def facility_births_source(source_id: str, source_ref, lang: str) -> str:
    """The publication a facility-birth figure was read from, by name where the catalogue has
    it, with the address of the page it was printed on."""
    key = f"facility_births_source_{source_id}"
    if key not in T.CATALOGUE:
        return str(source_ref or source_id)
    address = str(source_ref or "")
    return f"{T.t(key, lang)}, {address}" if address.startswith(("http://", "https://")) else T.t(key, lang)


def programme_unit(indicator: str, lang: str) -> str:
    """What the denominator of a programme percentage counts ("PUS", "pengguna KB modern")."""
    return T.t(PROGRAMME_UNITS.get(indicator, "programme_unit_pus"), lang)


def programme_count(pair, indicator: str, lang: str, with_unit: bool = True) -> str:
    """"13.481 / 26.140 PUS": the numerator and denominator behind a programme percentage,
    the pair never broken across lines. ``with_unit=False`` leaves the unit to the column
    heading (a table of many months, where a long unit in every cell widens every row)."""
    if not pair:
        return "–"
    pair_text = f"{T.integer(pair[0], lang)}\u00a0/\u00a0{T.integer(pair[1], lang)}"
    return f"{pair_text} {programme_unit(indicator, lang)}" if with_unit else pair_text


def _indicator_label(column: str, lang: str) -> str:
    from ...indicators import label
    return T.t("col_province", lang) if column == "province_bps" else label(column, lang)


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


def _target_count(values, lang: str) -> B.Block:
    counts = C.target_status_counts(values)
    return B.paragraph(T.t("prov_target_count", lang, n=sum(counts.values()),
                           half=T.number(C.SURVEY_HALF_WIDTH_95, lang, 0), **counts))


def _regency_mean_sentence(mean: dict, lang: str, level: str = "province") -> B.Block:
    """The population-weighted mean of the regencies, said not to be the ``level``'s own figure."""
    if mean["value"] is None:
        return B.paragraph(T.t("prov_regency_mean_none", lang, year=mean["year"] or "–"))
    return B.paragraph(T.t("nat_regency_mean" if level == "national" else "prov_regency_mean", lang,
                           value=_pct(mean["value"], lang), n_used=mean["n_used"], n=mean["n"], year=mean["year"]))


def model_name(model: str, lang: str) -> str:
    """An estimator's name in words in the report language (its id when unknown)."""
    key = f"nat_model_{model}"
    return T.t(key, lang) if key in T.CATALOGUE else model


def model_scope(ctx: ReportContext, lang: str) -> B.Block | None:
    """Which regencies, provinces and years the model rests on. "National" only when every
    province of the data enters it; otherwise the provinces are named and the sentence says
    it is not a national estimate (two provinces with KBPP figures are not Indonesia)."""
    cross = getattr(ctx, "cross", None)
    if cross is None:
        return None
    scope = C.model_scope(ctx.meta, getattr(ctx, "predictions", None), cross)
    if scope is None or not scope["n"] or not scope["provinces"]:
        return None
    years = {"outcome_year": scope["outcome_year"] or "–", "exposure_year": scope["exposure_year"] or "–"}
    n_prov = len(scope["provinces"])
    if n_prov == cross["province_bps"].nunique():
        return B.paragraph(T.t("nat_scope_national", lang, n=scope["n"], n_prov=n_prov, **years))
    if n_prov == 1:
        return B.paragraph(T.t("nat_scope_province", lang, n=scope["n"], province=scope["province_names"][0],
                               **years))
    *first, last = scope["province_names"]
    names = T.t("join.and", lang, a=", ".join(first), b=last)
    sentence = T.t("nat_scope_provinces", lang, n=scope["n"], n_prov=n_prov, provinces=names, **years)
    absorbed = [str(c) for c in (((ctx.meta or {}).get("design") or {}).get("pooled") or {}).get("absorbed") or []]
    if absorbed:  # in the count, yet no information about the slope: said where the count is
        alone = cross.loc[cross["bps_code"].isin(absorbed), "name"].tolist() or absorbed
        sentence += " " + T.t("nat_scope_absorbed", lang, k=len(absorbed), names=", ".join(alone),
                              used=scope["n"] - len(absorbed))
    return B.paragraph(sentence)


def power_sentence(ctx: ReportContext, lang: str) -> B.Block | None:
    power = A.power_summary(ctx.meta)
    if power is None:
        return None
    sentence = T.t("nat_mde", lang, power=T.number(100 * power["power"], lang, 0),
                   alpha=T.number(power["alpha"], lang, 2), mde=T.number(power["mde_pp"], lang, 2),
                   low=T.signed(power["lower_pp"], lang, 3), high=T.signed(power["upper_pp"], lang, 3))
    verdict = T.t("nat_mde_can" if power["detectable"] else "nat_mde_cannot", lang)
    return B.paragraph(f"{sentence} {verdict}", css="key-figure")
