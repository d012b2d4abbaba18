"""Reader for published value tables: figures printed in a report, a profile or an article,
transcribed one value per row together with where they were printed.

Shape (header, any order): ``wilayah, [level,] provinsi, nilai, satuan, tahun, indikator,
sumber_tercetak, url, halaman[, daftar_lengkap]`` -- the region as printed, its province,
the value, its unit, the year, what the value is (free text), the printed source, the page
address and the page or figure. ``level`` is ``kabkota``, ``provinsi`` or ``nasional``
(without the column, a ``wilayah`` naming the row's own province is the province line);
``daftar_lengkap`` is ``ya`` when the page lists every kab/kota of the province; an optional
``catatan`` (note) saying the sources name different regions for the value ("konflik nama")
puts the row in the ledger as ``conflicting_sources``: the region is never guessed.

What the value is comes from the ``indikator`` text (:func:`indicator_of`): stunting
prevalence of a named survey (SSGI/SKI), KBPP coverage (acceptors over deliveries, the
programme indicator), deliveries in a health facility (a health profile's programme
coverage), or the Susenas survey shares of mothers using a modern method after delivery and
of mothers counselled on KBPP. Text naming none of them is ledgered
``unknown_indicator``.

Quirks of printed names, read here rather than guessed: ``Kab.Tegal`` (no space), an
abbreviation in brackets (``Ogan Komering Ilir (OKI)``), English pages (``Bangkalan
Regency``, ``Surabaya City``), a doubled or misspelt prefix (``Kabupaten Kabupaten ...``,
``Kabuapeten ...``). Typos of the name itself are aliases in :mod:`kbanalysis.regions`, only
where the intended regency is certain. A province printed before a split (``Papua`` in 2022)
covers the provinces carved out of it later; its own value is flagged
``pre_split_territory``.

Several values for one region, year and indicator (data/SOURCES.md, "Published value tables"):
the same value printed again is ``duplicate``; different values are settled by
:func:`settle_conflicts` -- a value printed identically by more sources wins, else the one
from a complete provincial list, else none -- and the rest is ``conflicting_sources``. A value
that an official series also gives (``official``, e.g. the SSGI province series) and that
differs from it is ``disagrees_official``. A national line is ledgered ``aggregate_row``:
the tidy table has no national level.

Values printed anywhere but on a government site (``.go.id``) are flagged
``secondary_source``; every value keeps its page address in ``source_ref``.
"""
from __future__ import annotations

import csv
import itertools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from .. import indicators
from ..availability import SECONDARY_FLAG  # what makes a value's kind "secondary"
from ..ledger import InputError, Ledger
from ..messages import joined, message_of, msg
from ..regions import RegionError, Resolver, default_resolver
from .base import SourceResult, TidyBuilder
from .kbpp_parts import method_of
from .numbers import parse_number
from .rows import YEAR_RULE, parse_year, read_csv_rows, require_columns, settle_rows
from .ssgi_province import SPLITS, flag_pre_split
from .text_format import records as text_records
from .text_format import sniff_text_format

COLUMNS = ["wilayah", "provinsi", "nilai", "satuan", "tahun", "indikator", "sumber_tercetak",
           "url", "halaman"]


# Other names of a column in transcribed tables -> the name read here.
_HEADER_VARIANTS = {"wilayah_tercetak": "wilayah"}


def read_header_names(header: list[str]) -> list[str]:
    """The header as this reader names its columns: lower case, variants renamed (a variant
    is renamed only where the file lacks the column's own name)."""
    header = [h.strip().lower() for h in header]
    for variant, name in _HEADER_VARIANTS.items():
        if name not in header and variant in header:
            header[header.index(variant)] = name
    return header


LEVELS = {"kabkota": "regency", "kabupatenkota": "regency", "kabupaten": "regency",
          "kota": "regency", "provinsi": "province", "nasional": "national"}
PERCENT_UNITS = {"persen", "%", "percent", "pct"}
COMPLETE_LIST = {"ya", "yes", "1", "true"}
# Values closer than this are the same printed value (one decimal is the finest printed).
SAME_VALUE = 0.05

# ``indikator`` text -> indicator: every group must match (any of its fragments), in the
# text squashed to lower-case letters and digits. Checked in this order.
_INDICATOR_RULES = [
    ("kbpp_counselling_pct", [("konseling", "counselling", "counseling"),
                              ("kbpascapersalinan", "kbpp", "postpartum")]),
    ("postpartum_modern_method_pct", [("kbmodern", "kontrasepsimodern", "modernmethod"),
                                      ("pascapersalinan", "setelahmelahirkan", "afterdelivery")]),
    ("births_in_facility_pct", [("persalinandifasilitas", "persalinandifaskes",
                                 "persalinanfaskes", "deliveriesinhealthfacilit",
                                 "birthsinhealthfacilit", "facilitydeliveries",
                                 "facilitybirths")]),
    ("kbpp_coverage_pct", [("cakupan", "coverage"),
                           ("kbpascapersalinan", "kbpp", "postpartumfamilyplanning"),
                           ("ibubersalin", "deliveries")]),
]
_STUNTING = "stunting"
# A stunting figure must say how it was measured: survey and weighing are never mixed.
_SURVEY_TOKENS = {"ssgi", "ski", "sdgi"}  # SDGI: a printed misspelling of SSGI
_SURVEY_FRAGMENTS = ("statusgizi", "surveikesehatanindonesia", "surveykesehatanindonesia",
                     "nutritionstatus", "nutritionalstatus")
_WEIGHING_FRAGMENTS = ("penimbangan", "eppgbm", "weighing")

# Prefix spellings met in print that are not the prefix itself.
_MISSPELT_KABUPATEN = {"kabuapeten", "kabuapaten"}
_ENGLISH_SUFFIX = {"regency": "Kabupaten", "city": "Kota"}

# Values printed elsewhere for a region-year but not transcribed (no address at hand), as
# recorded in the raw folder's PROVENANCE.md section 15. Each counts as one more source of
# unknown completeness in ``settle_conflicts``: (level, code, year, indicator) -> values.
NOTED_ELSEWHERE = {
    ("regency", "1401", 2021, "stunting_survey_pct"): [22.4],  # Kuantan Singingi
    ("regency", "1604", 2021, "stunting_survey_pct"): [22.8],  # Lahat
    ("regency", "1204", 2022, "stunting_survey_pct"): [20.5],  # Tapanuli Tengah
}
NOTED_WHERE = msg("pub.noted_where")


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", str(text).lower())


def indicator_of(indikator: str, sumber: str = "") -> str | None:
    """The tidy indicator an ``indikator`` text names, or None.

    A stunting figure is ``stunting_survey_pct`` when its text or printed source names the
    survey (SSGI, SKI, "Survei/Studi Status Gizi"), ``stunting_weighing_pct`` when it names
    routine weighing, and None when it names neither.
    """
    text = _squash(indikator)
    for name, groups in _INDICATOR_RULES:
        if all(any(f in text for f in group) for group in groups):
            return name
    if _STUNTING not in text:
        return None
    both = f"{indikator} {sumber}"
    if any(f in _squash(both) for f in _WEIGHING_FRAGMENTS):
        return "stunting_weighing_pct"
    tokens = set(re.findall(r"[a-z0-9]+", both.lower()))
    if tokens & _SURVEY_TOKENS or any(f in _squash(both) for f in _SURVEY_FRAGMENTS):
        return "stunting_survey_pct"
    return None


def printed_name(name: str) -> str:
    """A region name as the resolver reads it: bracketed abbreviation dropped, English
    suffix turned into the prefix, a doubled or misspelt ``Kabupaten`` mended."""
    text = re.sub(r"\s*\([^)]*\)\s*$", "", str(name).strip())
    words = text.split()
    if len(words) > 1 and words[-1].lower() in _ENGLISH_SUFFIX:
        words = [_ENGLISH_SUFFIX[words[-1].lower()], *words[:-1]]
    if words and words[0].lower() in _MISSPELT_KABUPATEN:
        words[0] = "Kabupaten"
    while len(words) > 2 and words[0].lower() == words[1].lower() == "kabupaten":
        words = words[1:]
    return " ".join(words)


def is_secondary(url: str) -> bool:
    """True unless the page is on a government host (``*.go.id``)."""
    host = urlparse(str(url).strip()).hostname or ""
    return not (host == "go.id" or host.endswith(".go.id"))


@dataclass
class PrintedValue:
    """One data row read and resolved, before conflicts are settled."""

    line: int
    level: str  # "regency", "province" or "national"
    code: str  # BPS code ("" for national)
    year: int
    indicator: str
    value: float
    url: str
    complete: bool  # from a list of every kab/kota of the province
    flags: list[str] = field(default_factory=list)
    printed: str = ""  # where it was printed: see printed_source

    @property
    def key(self) -> tuple:
        return (self.level, self.code, self.year, self.indicator)


@dataclass
class PublishedRows:
    """A published table read row by row: resolved values and the rows' ledger."""

    path: Path
    source_id: str
    line_numbers: list[int]
    values: list[PrintedValue]
    ledger: Ledger


def read_published_rows(path: Path, *, resolver: Resolver | None = None,
                        source_id: str | None = None) -> PublishedRows:
    """Every data row of a published table resolved to (level, BPS code, year, indicator,
    value), or in the ledger with the reason it could not be."""
    path = Path(path)
    rows = read_csv_rows(path)
    rows = replace(rows, header=read_header_names(rows.header))
    require_columns(rows, COLUMNS)
    source_id = source_id or f"published:{path.stem}"
    resolver = resolver or default_resolver()
    ledger = Ledger()
    values: list[PrintedValue] = []
    for line, cell in rows.cells(ledger, source_id):
        found = _read_row(line, cell, resolver, source_id, path, ledger)
        if found is not None:
            values.append(found)
    return PublishedRows(path, source_id, rows.line_numbers(), values, ledger)


def _read_row(line, cell, resolver, source_id, path, ledger) -> PrintedValue | None:
    def reject(column, reason, detail="", value=None):
        ledger.add(source_id, path, line, column, reason, detail,
                   cell.get(column, "") if value is None else value)

    indicator = indicator_of(cell["indikator"], cell["sumber_tercetak"])
    if indicator is None:
        reject("indikator", "unknown_indicator", msg("pub.known_indicators"))
        return None
    try:
        year = parse_year(cell["tahun"])
    except ValueError:
        reject("tahun", "bad_year", YEAR_RULE)
        return None
    named = sorted(set(re.findall(r"\b(?:19|20)\d\d\b", cell["indikator"])))
    if named and str(year) not in named:  # "SKI 2023" filed under 2022: a transcription slip
        reject("tahun", "bad_year", msg("pub.indikator_names_year", named=", ".join(named),
                                        year=year))
        return None
    # "persen (cakupan; penyebut tidak dicetak)": a note in brackets does not change the unit.
    unit = re.sub(r"\s*\(.*\)\s*$", "", cell["satuan"]).strip().lower()
    if indicators.get(indicator).unit == "percent" and unit not in PERCENT_UNITS:
        reject("satuan", "unit_mismatch", msg("pub.in_percent", indicator=indicator))
        return None
    try:
        value = parse_number(cell["nilai"], "auto",
                             percent=indicators.get(indicator).unit == "percent")
    except ValueError:
        reject("nilai", "not_a_number")
        return None
    if value is None:
        reject("nilai", "missing_value")
        return None
    level_text = _squash(cell.get("level", ""))
    if level_text and level_text not in LEVELS:
        reject("level", "unknown_region", msg("pub.level_values"))
        return None
    column = "provinsi"
    try:
        if LEVELS.get(level_text) == "national":
            reject("wilayah", "aggregate_row",
                   msg("pub.national_figure", value=value, year=year),
                   cell["wilayah"])
            return None
        province = resolver.province(printed_name(cell["provinsi"]))
        column = "wilayah"
        level = LEVELS.get(level_text) or _implied_level(resolver, cell["wilayah"], province)
        if level == "province":
            code = _province_line(resolver, cell["wilayah"], province, cell["provinsi"])
        else:
            code = _regency(resolver, cell["wilayah"], province, year)
    except RegionError as exc:
        reject(column, exc.reason, message_of(exc))
        return None
    if _names_disputed(cell.get("catatan", "")):
        # Another page gives this value to another region: which one is not guessed.
        reject("wilayah", "conflicting_sources", msg("pub.name_conflict", note=cell["catatan"]),
               cell["wilayah"])
        return None
    flags = [SECONDARY_FLAG] if is_secondary(cell["url"]) else []
    complete = _squash(cell.get("daftar_lengkap", "")) in COMPLETE_LIST
    return PrintedValue(line, level, code, year, indicator, value, cell["url"].strip(),
                        complete, flags, printed_source(cell))


# A transcriber's note (``catatan``) saying the sources disagree on WHICH region a value is
# for; a note on differing values of one region is settled by ``settle_conflicts`` instead.
_NAME_CONFLICT_NOTES = ("konfliknama", "namakonflik", "nameconflict", "conflictingname")


def _names_disputed(note: str) -> bool:
    return any(f in _squash(note) for f in _NAME_CONFLICT_NOTES)


def _implied_level(resolver: Resolver, wilayah: str, province: str) -> str:
    """Without a level column: a name that is the row's own province is its province line."""
    try:
        return "province" if resolver.province(printed_name(wilayah)) == province else "regency"
    except RegionError:
        return "regency"


def _province_line(resolver: Resolver, wilayah: str, province: str, printed_province: str) -> str:
    named = resolver.province(printed_name(wilayah))
    if named != province:
        raise RegionError("code_name_mismatch", msg(
            "pub.province_line", wilayah=wilayah, named=resolver.province_name(named),
            printed=printed_province, province=resolver.province_name(province)))
    return province


def territory(province: str, year: int) -> list[str]:
    """The provinces whose regencies belonged to ``province`` in ``year``: itself and any
    province split off it in ``year`` or later (Papua 2022: Papua Selatan, Tengah,
    Pegunungan), children of children included."""
    found = [province]
    for parent, child, split_year in SPLITS:
        if parent in found and year <= split_year and child not in found:
            found.append(child)
    return found


def _regency(resolver: Resolver, wilayah: str, province: str, year: int) -> str:
    """BPS code of a printed kab/kota within its province as it was in ``year``."""
    name = printed_name(wilayah)
    codes, errors = [], {}
    for part in territory(province, year):
        try:
            codes.append(resolver.regency(name, part))
        except RegionError as exc:
            errors[part] = exc
    ambiguous = [e for e in errors.values() if e.reason == "ambiguous_region"]
    if ambiguous:
        raise ambiguous[0]
    codes = list(dict.fromkeys(codes))
    if len(codes) == 1:
        return codes[0]
    if len(codes) > 1:
        labels = [resolver.label(c) for c in codes]
        raise RegionError("ambiguous_region", msg("pub.ambiguous", wilayah=wilayah,
                                                  labels=" / ".join(labels)), labels)
    raise errors[province]


# --------------------------------------------------------------------------------------
# Settling several values of one region-year


def official_values(official: pd.DataFrame | None) -> dict[tuple, tuple[float, str, int]]:
    """(level, code, year, indicator) -> (value, source_id, row) from an official tidy frame."""
    if official is None or official.empty:
        return {}
    return {(r.level, r.region_code, int(r.year), r.indicator): (float(r.value), r.source_id,
                                                                  int(r.source_row))
            for r in official.itertuples()}


def settle_conflicts(rows: PublishedRows, official: pd.DataFrame | None = None,
                     noted: dict | None = None, label=str) -> list[PrintedValue]:
    """The values to keep, one per (level, code, year, indicator); the rest into the ledger.

    1. A value the official series also gives and that differs from it by more than
       ``SAME_VALUE``: ``disagrees_official`` (naming both values).
    2. Equal values (within ``SAME_VALUE``) printed more than once: the first is kept, the
       repeats are ``duplicate``.
    3. Different values: the one printed by the most distinct pages wins; on a tie, the one
       printed in a complete provincial list (``daftar_lengkap = ya``) when only one is;
       else none is used. Values noted elsewhere (``noted``) count as one page each, never
       complete. Every value that is not used is ``conflicting_sources``, naming both pages;
       the kept value is flagged ``conflict_resolved``.
    """
    noted = NOTED_ELSEWHERE if noted is None else noted
    ledger, path, sid = rows.ledger, rows.path, rows.source_id
    reference = official_values(official)
    groups: dict[tuple, list[PrintedValue]] = {}
    for item in rows.values:
        if item.key in reference:
            value, where, row = reference[item.key]
            if abs(item.value - value) > SAME_VALUE:
                ledger.add(sid, path, item.line, "nilai", "disagrees_official",
                           msg("pub.disagrees", label=label(item), year=item.year,
                               value=float(item.value), url=item.url, official=float(value),
                               where=where, row=row), f"{item.value:g}")
                continue
        groups.setdefault(item.key, []).append(item)

    kept = []
    for key, items in groups.items():
        versions: dict[float, list] = {}
        for item in items:
            same = next((v for v in versions if abs(v - item.value) <= SAME_VALUE), item.value)
            versions.setdefault(same, []).append(item)
        others = [v for v in noted.get(key, []) if all(abs(v - x) > SAME_VALUE for x in versions)]
        winner = _winner(versions, others)
        if len(versions) == 1 and not others:
            winner = next(iter(versions))
        described = _describe(versions, others)
        for value, printed in versions.items():
            if value == winner:
                first, *repeats = printed
                if len(versions) > 1 or others:
                    first.flags.append("conflict_resolved")
                kept.append(first)
                for item in repeats:
                    ledger.add(sid, path, item.line, None, "duplicate",
                               msg("pub.same_kept", label=label(item), year=item.year,
                                   row=first.line, url=first.url), f"{item.value:g}")
                continue
            outcome = (msg("pub.kept", value=float(winner)) if winner is not None else
                       msg("pub.none_used"))
            for item in printed:
                ledger.add(sid, path, item.line, None, "conflicting_sources",
                           msg("pub.conflict", label=label(item), year=item.year,
                               described=described, outcome=outcome),
                           f"{item.value:g}")
        if winner is not None:
            for value in others:  # a noted value that lost: recorded, it has no row
                ledger.add(sid, path, None, None, "conflicting_sources",
                           msg("pub.conflict", label=label(items[0]), year=key[2],
                               described=described, outcome=msg("pub.kept", value=float(winner))),
                           f"{value:g}")
    return sorted(kept, key=lambda item: item.line)


def _winner(versions: dict[float, list], others: list[float]) -> float | None:
    if len(versions) + len(others) < 2:
        return None
    support = {v: len({item.url for item in printed}) for v, printed in versions.items()}
    support.update({("noted", v): 1 for v in others})
    best = max(support.values())
    leaders = [v for v, n in support.items() if n == best]
    if len(leaders) > 1:
        leaders = [v for v in leaders if v in versions and any(i.complete for i in versions[v])]
    if len(leaders) == 1 and leaders[0] in versions:
        return leaders[0]
    return None


def _describe(versions: dict[float, list], others: list[float]):
    parts = [msg("pub.value_at", value=float(v), places=joined("join.comma", [
                 msg("pub.url_row_complete" if i.complete else "pub.url_row", url=i.url,
                     row=i.line) for i in printed]))
             for v, printed in versions.items()]
    parts += [msg("pub.value_at", value=float(v), places=NOTED_WHERE) for v in others]
    return joined("join.vs", parts)


# --------------------------------------------------------------------------------------
# The tidy reader


def read_published(path: Path, *, resolver: Resolver | None = None,
                   source_id: str | None = None, official: pd.DataFrame | None = None,
                   noted: dict | None = None) -> SourceResult:
    """Tidy rows of one published table (any indicator the ``indikator`` text names).

    ``official``: tidy rows of an official series (e.g. ``read_ssgi_provinsi(...).tidy``)
    that printed values of the same region, year and indicator must agree with.
    ``noted``: values printed elsewhere (default ``NOTED_ELSEWHERE``).
    """
    resolver = resolver or default_resolver()
    rows = read_published_rows(path, resolver=resolver, source_id=source_id)
    builder = TidyBuilder(rows.source_id, rows.path, rows.ledger)
    for item in settle_conflicts(rows, official, noted, label=_labeller(resolver)):
        builder.add(item.line, "nilai", item.code, item.level, item.year, item.indicator,
                    item.value, ";".join(item.flags), source_ref=item.url)
    tidy = flag_pre_split(builder.frame())
    settle_rows(rows.ledger, tidy, rows.line_numbers)
    return SourceResult(rows.source_id, rows.path, len(rows.line_numbers), tidy, rows.ledger)


def _labeller(resolver: Resolver):
    def label(item: PrintedValue) -> str:
        if item.level == "province":
            return f"{resolver.province_name(item.code)} ({item.code})"
        return resolver.label(item.code)
    return label


# --------------------------------------------------------------------------------------
# KBPP coverage tables (one of the KBPP import formats, see kbpp_import)

KBPP_FORMAT = "published_coverage"
_KBPP_INDICATOR = "kbpp_coverage_pct"


def looks_like_kbpp_coverage(path) -> bool:
    """True for a CSV in the published shape whose ``indikator`` names KBPP coverage (read
    up to the first such row: detection runs on every file ``data check`` sees)."""
    path = Path(path)
    if path.suffix.lower() != ".csv":
        return False
    try:
        text_format = sniff_text_format(path)
        with path.open(encoding=text_format.python_encoding, newline="") as handle:
            records = (fields for _, fields, _ in text_records(handle, text_format))
            header = [h.strip().lower() for h in next(records, [])]
            if not all(c in header for c in COLUMNS):
                return False
            column = header.index("indikator")
            return any(len(fields) > column and indicator_of(fields[column]) == _KBPP_INDICATOR
                       for fields in records)
    except (InputError, OSError, UnicodeDecodeError, csv.Error):
        return False


def printed_source(cell_text: dict) -> str:
    """Where a value was printed, for the KBPP table's ``source`` (no ';', which separates
    files there)."""
    parts = [cell_text.get(c, "").strip() for c in ("sumber_tercetak", "halaman", "url")]
    return ", ".join(p for p in parts if p).replace(";", ",")


def read_published_kbpp_parts(path, resolver: Resolver | None = None):
    """The kab/kota coverage values of a published KBPP table, before files are combined.

    Rows of other indicators are ``unknown_indicator`` here (not KBPP coverage); the
    province line is ``aggregate_row`` (the KBPP table holds kab/kota only); conflicting
    values of one regency-year are settled as in :func:`settle_conflicts`.
    """
    from .kbpp_parts import KbppParts

    path = Path(path)
    resolver = resolver or default_resolver()
    rows = read_published_rows(path, resolver=resolver, source_id=f"kbpp_published:{path.stem}")
    kbpp = []
    for item in rows.values:
        if item.indicator != _KBPP_INDICATOR:
            rows.ledger.add(rows.source_id, path, item.line, "indikator", "unknown_indicator",
                            msg("pub.kbpp_only", kbpp=_KBPP_INDICATOR,
                                indicator=item.indicator), item.indicator)
        elif not _in_range(item):
            spec = indicators.get(item.indicator)
            rows.ledger.add(rows.source_id, path, item.line, "nilai", "out_of_range",
                            msg("base.must_lie_in", indicator=item.indicator, low=spec.low,
                                high=spec.high), f"{item.value:g}")
        elif item.level != "regency":
            rows.ledger.add(rows.source_id, path, item.line, "wilayah", "aggregate_row",
                            msg("pub.kbpp_province_line",
                                province=resolver.province_name(item.code), year=item.year,
                                value=float(item.value)),
                            f"{item.value:g}")
        else:
            kbpp.append(item)
    rows.values = kbpp
    records = [{"bps_code": i.code, "year": i.year, _KBPP_INDICATOR: i.value, "line": i.line,
                "printed": i.printed}
               for i in settle_conflicts(rows, label=_labeller(resolver))]
    frame = pd.DataFrame(records, columns=["bps_code", "year", _KBPP_INDICATOR, "line", "printed"])
    frame = frame.astype({"bps_code": "str", "year": "int64", _KBPP_INDICATOR: "float64",
                          "line": "Int64", "printed": "str"})
    return KbppParts(path, KBPP_FORMAT, frame, rows.ledger)


def _in_range(item: PrintedValue) -> bool:
    spec = indicators.get(item.indicator)
    return spec.low <= item.value <= spec.high


def add_printed_coverage(frame: pd.DataFrame, ledger: Ledger, parts: list,
                         resolver: Resolver | None = None, *, labels: dict | None = None,
                         contributors: dict | None = None) -> tuple[pd.DataFrame, Ledger]:
    """The KBPP table ``frame`` (combined from count files) completed with the coverage-only
    rows of coverage tables ``parts`` (``KbppParts`` of :data:`KBPP_FORMAT` or another
    coverage format). ``labels``: each file's name in the table (``kbpp_import.file_labels``);
    ``contributors``: the count rows behind each regency-year of ``frame``.

    A regency-year that the counts already give: a printed coverage that agrees with them
    (within ``kbpp_schema.COVERAGE_TOLERANCE``) is ``duplicate`` and the counts stay. One
    that does not agree wins (the rule in ``kbpp_import``'s docstring): the regency-year takes
    the printed coverage without the counts, and every count row behind it is ledgered
    ``conflicts_published`` naming both figures (a finding ``data check`` and the build show,
    not a rejected file). The same regency-year in two coverage tables: the same value is
    ``duplicate``, different values reject every version (``conflicting_duplicate``), as for
    counts.
    """
    from ..kbpp_schema import COUNT_COLUMNS, COVERAGE_TOLERANCE, KBPP_COLUMNS

    labels = labels or {}
    contributors = contributors or {}

    def add(reason, row, detail, value):
        line = None if pd.isna(row["line"]) else int(row["line"])
        ledger.add("kbpp_import", row["path"], line, None, reason, detail, value)
        ledger.rejects[-1].file = row["file"]  # the file's label (kbpp_import.file_labels)

    for part in parts:
        ledger.extend(part.ledger)
    rows = [part.rows.assign(file=labels.get(part.file, part.file.name), path=str(part.file),
                             order=i) for i, part in enumerate(parts)]
    rows = pd.concat(rows, ignore_index=True).sort_values(["bps_code", "year", "order", "line"],
                                                          kind="mergesort")
    rows["line"] = rows["line"].astype(int)
    counted = frame.set_index(["bps_code", "year"]) if len(frame) else None
    added, filled, replaced = [], [], []
    for (code, year), group in rows.groupby(["bps_code", "year"], sort=True):
        first, *repeats = group.to_dict("records")
        where = msg("read.file_row", file=first["file"], row=first["line"])
        values = {r[_KBPP_INDICATOR] for r in [first, *repeats]}
        if len(values) > 1:
            detail = msg("pub.coverage_conflict", code=code, year=year, versions=joined(
                "join.vs", [msg("pub.coverage_in_file", value=float(r[_KBPP_INDICATOR]),
                                file=r["file"], row=r["line"]) for r in [first, *repeats]]))
            for r in [first, *repeats]:
                add("conflicting_duplicate", r, detail, f"{r[_KBPP_INDICATOR]:g}")
            continue
        for r in repeats:
            add("duplicate", r, msg("pub.coverage_given", code=code, year=year, where=where),
                f"{r[_KBPP_INDICATOR]:g}")
        printed = first[_KBPP_INDICATOR]
        if counted is not None and (code, year) in counted.index:
            known = counted.loc[(code, year), "kbpp_coverage_pct"]
            if pd.isna(known):  # a total without deliveries: the printed coverage completes it
                filled.append((code, year, first))
                continue
            if abs(known - printed) <= COVERAGE_TOLERANCE:
                add("duplicate", first, msg("pub.coverage_vs_counts", code=code, year=year,
                                            value=float(printed), known=float(known)),
                    f"{printed:g}")
                continue
            # Counts that contradict a printed figure: the printed figure is used, the
            # counts are kept in the ledger beside it (never silently replaced).
            total = counted.loc[(code, year), "kbpp_total"]
            deliveries = counted.loc[(code, year), "deliveries"]
            behind = contributors.get((code, year), [])
            for r in behind:
                add("conflicts_published", r, msg(
                    "pub.counts_vs_printed", code=code, year=year, known=float(known),
                    total=int(total), deliveries=int(deliveries), value=float(printed),
                    where=where), f"{known:.2f}")
            if not behind:  # counts given as a table: the conflict is told on the printed row
                add("conflicts_published", first, msg(
                    "pub.printed_vs_counts", code=code, year=year, known=float(known),
                    total=int(total), deliveries=int(deliveries), value=float(printed),
                    files=counted.loc[(code, year), "source"]), f"{printed:g}")
            replaced.append((code, year))
        added.append({"bps_code": code, "year": int(year),
                      "kbpp_coverage_pct": printed, "measure_type": "administrative",
                      "source": _source_of(first)})
    if replaced:
        keys = pd.MultiIndex.from_frame(frame[["bps_code", "year"]])
        frame = frame[~keys.isin(replaced)].reset_index(drop=True)
    if filled:
        frame = frame.copy()
        for code, year, printed in filled:
            at = frame["bps_code"].eq(code) & frame["year"].eq(year)
            frame.loc[at, "kbpp_coverage_pct"] = printed[_KBPP_INDICATOR]
            frame.loc[at, "source"] = frame.loc[at, "source"] + "; " + _source_of(printed)
    if not added:
        return frame, ledger
    extra = pd.DataFrame(added).reindex(columns=KBPP_COLUMNS)
    combined = pd.concat([frame.astype({c: "Int64" for c in COUNT_COLUMNS}),
                          extra.astype({c: "Int64" for c in COUNT_COLUMNS})], ignore_index=True)
    combined = combined.astype({"bps_code": "str", "year": "int64", "kbpp_coverage_pct": "float64",
                                "measure_type": "str", "source": "str"})
    return (combined.sort_values(["bps_code", "year"], kind="mergesort").reset_index(drop=True),
            ledger)


def _source_of(printed: dict) -> str:
    """The file name, then where the value was printed (``;`` separates them, as files)."""
    return "; ".join(s for s in (printed["file"], printed["printed"]) if s)


# --------------------------------------------------------------------------------------
# A plain coverage table as an office types it (one of the KBPP import formats)
#
#     CAKUPAN KB PASCA PERSALINAN PROVINSI JAWA TENGAH TAHUN 2023
#     NO;KABUPATEN/KOTA;CAKUPAN KBPP (%)
#     1;Kabupaten Cilacap;85,2
#
# Title rows above the header name the province and the year (a ``TAHUN`` column may give
# the year instead); values are shares, with a decimal comma or point and an optional ``%``.
# The province line or a JUMLAH/TOTAL row is ``aggregate_row``; text rows below the table
# (``Sumber: ...``) are ``note_row``. Rows are read like a published coverage table's.

TABLE_FORMAT = "coverage_table"
_TABLE_SEARCH = 10  # the header is within the first records
_REGION_HEADER = re.compile(r"kabupaten|kabkota|kota|wilayah|daerah")
_KBPP_WORDS = ("kbpp", "kbpascapersalinan", "kbpascasalin", "pascapersalinan")
_TOTAL_LABELS = {"jumlah", "total", "jumlahprovinsi", "jumlahtotal", "provinsi"}
# A label that begins with a total word ("JML", "TOTAL KAB/KOTA", "Rata-rata Provinsi") or
# names the column itself ("KAB/KOTA") is a total of the table, never a regency.
_TOTAL_START = re.compile(r"(?:jumlah|jml|total|subtotal|ratarata|rerata|provinsi)")
_COLUMN_LABELS = {"kabkota", "kabupatenkota", "kabupaten", "kota"}


def _is_total_label(name: str) -> bool:
    squashed = _squash(name)
    return bool(_TOTAL_START.match(squashed)) or squashed in _COLUMN_LABELS


@dataclass
class _Table:
    title: list[str]
    header_line: int
    header: list[str]
    region: int
    value: int
    year: int | None
    code: int | None
    records: list[tuple[int, list[str]]]  # data records below the header


def _table_layout(path: Path, whole: bool = True) -> _Table | None:
    """The plain coverage table's layout, or None when ``path`` is not one (``whole=False``:
    only the first records are read, enough to recognise it)."""
    if path.suffix.lower() not in (".csv", ".txt"):
        return None
    text_format = sniff_text_format(path)
    with path.open(encoding=text_format.python_encoding, newline="") as handle:
        found = ((line, [f.strip() for f in fields])
                 for line, fields, _ in text_records(handle, text_format)
                 if any(f.strip() for f in fields))
        lines = list(found) if whole else list(itertools.islice(found, _TABLE_SEARCH))
    for i, (line, fields) in enumerate(lines[:_TABLE_SEARCH]):
        keys = [_squash(f) for f in fields]
        region = next((j for j, k in enumerate(keys) if _REGION_HEADER.search(k)
                       and "cakupan" not in k), None)
        value = next((j for j, k in enumerate(keys) if j != region and (
            "cakupan" in k or "persen" in k or "%" in fields[j])), None)
        if region is None or value is None or region == value:
            continue
        if sum(method_of(f) is not None for f in fields) >= 2:
            return None  # a table by method (Profil Kesehatan), not a coverage table
        title = [" ".join(f for f in fs if f) for _, fs in lines[:i]]
        if not any(w in _squash(" ".join([*title, fields[value]])) for w in _KBPP_WORDS):
            return None  # coverage of something else
        year = next((j for j, k in enumerate(keys) if k == "tahun"), None)
        code = next((j for j, k in enumerate(keys) if k.startswith("kode")), None)
        return _Table(title, line, fields, region, value, year, code, lines[i + 1:])
    return None


def looks_like_coverage_table(path) -> bool:
    """True for a plain KBPP coverage table (a region column and a ``CAKUPAN`` column)."""
    try:
        return _table_layout(Path(path), whole=False) is not None
    except (OSError, UnicodeDecodeError, csv.Error):
        return False


def _title_year(title: list[str]) -> int | None:
    text = " ".join(title)
    found = (re.search(r"tahun\s+((?:19|20)\d\d)\b", text, re.IGNORECASE)
             or re.search(r"\b((?:19|20)\d\d)\b", text))
    return int(found.group(1)) if found else None


def _title_province(title: list[str], resolver: Resolver) -> str | None:
    """The province a title names: after ``PROVINSI``, else the longest province name in it
    (``... JAWA TENGAH 2023``)."""
    found = _province_after_word(title, resolver)
    if found is not None:
        return found
    text = _squash(" ".join(title))
    named = [(len(key), code) for code, name in zip(resolver.provinces["province_bps"],
                                                    resolver.provinces["province_name"])
             if (key := _squash(name)) and key in text]
    return max(named)[1] if named else None


def _province_after_word(title: list[str], resolver: Resolver) -> str | None:
    for line in title:
        for found in re.finditer(r"provinsi\s+(.+?)(?=\s+tahun\b|\s*[,;(]|$)", line,
                                 re.IGNORECASE):
            words = found.group(1).split()
            for n in range(len(words), 0, -1):  # "JAWA TENGAH 2023": the longest that is one
                try:
                    return resolver.province(" ".join(words[:n]))
                except RegionError:
                    continue
    return None


def read_coverage_table_parts(path, *, year: int | None = None, province=None,
                              resolver: Resolver | None = None):
    """The kab/kota coverage values of a plain coverage table, before files are combined.

    ``year`` is needed only when neither the title nor a ``TAHUN`` column gives it;
    ``province`` (a name or BPS code) when the title names none and the names alone do not
    tell the regencies apart (without a province, names are resolved nationally and a bare
    name shared by a kabupaten and a kota is refused). A title naming another year or
    province than the one given is refused, not overridden silently.
    """
    from .kbpp_parts import KbppParts

    path = Path(path)
    resolver = resolver or default_resolver()
    table = _table_layout(path)
    if table is None:
        raise InputError(path, expected=msg("pub.table_header"))
    source_id, ledger = f"kbpp_table:{path.stem}", Ledger()
    named_year = _title_year(table.title)
    if year is not None and named_year is not None and int(year) != named_year:
        raise InputError(path, row=1, expected=msg("pub.table_year_given", year=year),
                         got=" ".join(table.title))
    year = year if year is not None else named_year
    if year is None and table.year is None:
        raise InputError(path, row=1, expected=msg("pub.table_year"),
                         got=" ".join(table.title) or msg("got.none"))
    prov = resolver.province(province) if province is not None else None
    named = _title_province(table.title, resolver)
    if prov is not None and named is not None and prov != named:
        raise InputError(path, row=1, expected=msg(
            "pub.table_province_given", province=resolver.province_name(prov)),
            got=" ".join(table.title))
    prov = prov or named  # None: names are resolved nationally (a bare shared name is refused)
    region_header, value_header = table.header[table.region], table.header[table.value]
    year_header = table.header[table.year] if table.year is not None else "tahun"
    records = []
    valued = [line for line, fields in table.records
              if len(fields) > table.value and fields[table.value].strip()]
    for line, fields in table.records:
        name = fields[table.region] if len(fields) > table.region else ""
        text = fields[table.value] if len(fields) > table.value else ""
        if not text and sum(1 for f in fields if f) == 1 and not name:
            # One text cell outside the region column ("Sumber: ..."): a note, not data.
            ledger.add(source_id, path, line, None, "note_row", "", " ".join(fields))
            continue
        if not name.strip() and text.strip() and line != valued[-1]:
            # A value without a name inside the table: its regency cannot be known.
            ledger.add(source_id, path, line, region_header, "missing_value",
                       msg("pub.table_unnamed"), text)
            continue
        if (not name.strip() and text.strip()) or _is_total_label(name) or (
                prov and _is_province_line(resolver, name, prov)):
            # The last value without a name is the table's total (its line has no label).
            ledger.add(source_id, path, line, None, "aggregate_row",
                       msg("pub.table_total", name=name), text)
            continue
        try:
            row_year = parse_year(fields[table.year]) if table.year is not None else int(year)
        except (ValueError, IndexError):
            ledger.add(source_id, path, line, year_header, "bad_year", YEAR_RULE,
                       fields[table.year] if table.year is not None else "")
            continue
        try:
            value = parse_number(text, "auto", percent=True)
        except ValueError:
            ledger.add(source_id, path, line, value_header, "not_a_number",
                       msg("pub.table_share"), text)
            continue
        if value is None:
            ledger.add(source_id, path, line, value_header, "missing_value", "", name)
            continue
        try:
            if table.code is not None and fields[table.code].strip():
                match = resolver.code_and_name(fields[table.code], printed_name(name), prov,
                                               system="bps")
                if match.via == "name":  # never decided by the name
                    raise RegionError("code_name_mismatch", msg(
                        "read.code_not_of_system", code=fields[table.code], system="bps",
                        label=resolver.label(match.bps_code)))
                code = match.bps_code
            else:
                code = resolver.regency(printed_name(name), prov)
        except RegionError as exc:
            ledger.add(source_id, path, line, region_header, exc.reason, message_of(exc), name)
            continue
        spec = indicators.get(_KBPP_INDICATOR)
        if not spec.low <= value <= spec.high:
            ledger.add(source_id, path, line, value_header, "out_of_range",
                       msg("base.must_lie_in", indicator=_KBPP_INDICATOR, low=spec.low,
                           high=spec.high), text)
            continue
        records.append({"bps_code": code, "year": row_year, _KBPP_INDICATOR: value,
                        "line": line, "printed": ""})
    frame = pd.DataFrame(records, columns=["bps_code", "year", _KBPP_INDICATOR, "line", "printed"])
    frame = frame.astype({"bps_code": "str", "year": "int64", _KBPP_INDICATOR: "float64",
                          "line": "Int64", "printed": "str"})
    return KbppParts(path, TABLE_FORMAT, frame, ledger)


def _is_province_line(resolver: Resolver, name: str, province: str) -> bool:
    """A row naming the table's own province (``JAWA TENGAH``, ``Provinsi Jawa Tengah``)."""
    text = re.sub(r"(?i)^\s*provinsi\s+", "", name)
    try:
        return resolver.province(text) == province
    except RegionError:
        return False
