"""``check_file``: which known format a raw file is, and every problem in it, without building.

KBPP files (``kbanalysis.sources.kbpp_import``) are checked together by ``check_files``,
exactly as the build reads and combines them (``check_kbpp_files``): what the build would
reject -- a bad row, a conflict between two files, a file with nothing usable -- is a
problem here, named by file, row and column. CSV files are read in the encoding and
separator the shared sniffer detects, and the report says which (``CheckReport.label``).

A format is recognised from the file's header (the JSON structure for TopoJSON). The KBPP
formats offices send come from the one registry ``kbpp_import.KBPP_FORMATS`` (recognised
first, named ``kbpp_<name>``); the project's own raw tables live in ``FORMATS``; a new one is
one ``FileFormat(...)`` entry. The file is then read
by that format's own reader, and each rejected cell or row becomes one ``InputError`` naming
file, row, column and what was expected; reading never stops at the first bad row.

Problems are what the file's author would fix (a name that matches no regency, text where
a number belongs, a bad year). Known *findings* about the data itself (a zero standing for a
missing value, a copy-down, a shape lost in simplification) are handled by the build and
listed separately, not as problems.
"""
from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import config
from ..ledger import InputError, Reject
from ..messages import Msg, msg
from ..regions import Resolver, default_resolver
from . import opendata_indicators as od
from . import population as pop
from . import siga
from .base import SourceResult
from .geometry import read_geojson, read_topojson
from .jabar_opendata import read_opendata
from .kbpp_import import KBPP_FORMATS as KBPP_IMPORT_FORMATS
from .kbpp_import import check_kbpp_files, detect_kbpp_format, is_empty
from .kode_wilayah import FILES as CODE_LISTS
from .kode_wilayah import check_code_list
from .published import COLUMNS as PUBLISHED_COLUMNS
from .published import read_header_names, read_published
from .rows import reject_as_error
from .ssgi import COLUMNS as SSGI_COLUMNS
from .ssgi import read_ssgi_kabkota
from .ssgi_province import read_ssgi_provinsi
from .susenas import ID_COLUMNS as SUSENAS_COLUMNS
from .susenas import STEMS as SUSENAS_STEMS
from .susenas import read_susenas_kabkota
from .text_format import TextFormat, read_header, sniff_text_format

# Ledger reasons that are problems of the file, with what was expected instead
# (kbanalysis.messages "check.expected.<reason>"; for bad_year the detail gives the range).
EXPECTED = {reason: msg(f"check.expected.{reason}") for reason in (
    "malformed_row", "bad_year", "unknown_region", "ambiguous_region", "unknown_indicator",
    "code_name_mismatch", "duplicate", "unit_mismatch", "not_a_number", "missing_value",
    "out_of_range", "inconsistent_total")}


@dataclass(frozen=True)
class FileFormat:
    name: str
    description: Msg | str
    columns: tuple[str, ...]  # header columns the format must have
    read: Callable[[Path, Resolver], SourceResult]
    accepts: Callable[[list[str]], bool] = lambda header: True  # a further test of the header
    requirement: Msg | str = ""  # what ``accepts`` wants, for the problem message
    takes_code_system: bool = False  # ``read`` takes a third argument: the declared code system


def _no_regency_columns(header: list[str]) -> bool:
    return not any(c in header for c in od.REGENCY_COLUMNS)


def _has_susenas_values(header: list[str]) -> bool:
    return any(re.fullmatch(rf"({'|'.join(SUSENAS_STEMS)})_\w+", c) for c in header)


# Most specific first: the province SSGI series is also in the generic Open Data schema.
FORMATS: list[FileFormat] = [
    FileFormat("ssgi_provinsi", msg("fmt.ssgi_provinsi"),
               ("kode_provinsi", "nama_provinsi", "prevalensi_balita_stunting", "satuan", "tahun"),
               lambda p, r: read_ssgi_provinsi(p, resolver=r), _no_regency_columns,
               msg("check.req.no_regency_columns")),
    FileFormat("jabar_opendata", msg("fmt.jabar_opendata"),
               tuple(od.BASE_COLUMNS),
               lambda p, r, s: read_opendata(p, resolver=r, code_system=s),
               lambda header: od.value_column(header) is not None,
               msg("check.req.one_value_column", columns=", ".join(od.OPEN_DATA_COLUMNS)),
               takes_code_system=True),
    FileFormat("ssgi_kabkota_514", msg("fmt.ssgi_kabkota_514"),
               tuple(SSGI_COLUMNS), lambda p, r: read_ssgi_kabkota(p, resolver=r)),
    FileFormat("susenas_kabkota", msg("fmt.susenas_kabkota"),
               tuple(SUSENAS_COLUMNS),
               lambda p, r, s: read_susenas_kabkota(p, resolver=r, code_system=s),
               _has_susenas_values,
               msg("check.req.susenas_columns",
                   columns=", ".join(f"{s}_YYYY" for s in SUSENAS_STEMS)),
               takes_code_system=True),
    # The code lists the region table is built from (kbanalysis.regions.build_regions).
    FileFormat("kode_wilayah_bridge", msg("fmt.kode_wilayah_bridge"),
               tuple(CODE_LISTS["bridge"][1]),
               lambda p, r: check_code_list(p, CODE_LISTS["bridge"][1])),
    FileFormat("kemendagri_regencies", msg("fmt.kemendagri_regencies"),
               tuple(CODE_LISTS["regencies_2025"][1]),
               lambda p, r: check_code_list(p, CODE_LISTS["regencies_2025"][1])),
    FileFormat("kemendagri_provinces", msg("fmt.kemendagri_provinces"),
               tuple(CODE_LISTS["provinces_2025"][1]),
               lambda p, r: check_code_list(p, CODE_LISTS["provinces_2025"][1]),
               lambda header: "province_code" not in header, msg("check.req.no_province_code")),
    # Printed figures with their source and address (kbanalysis.sources.published).
    # Its region column may be named "wilayah_tercetak" (published.read_header_names).
    FileFormat("published_table", msg("fmt.published_table"),
               tuple(c for c in PUBLISHED_COLUMNS if c != "wilayah"),
               lambda p, r: read_published(p, resolver=r),
               lambda header: "wilayah" in read_header_names(header),
               msg("check.req.published_region")),
    # BPS population tables (kbanalysis.sources.population): the value column names the year.
    FileFormat("bps_population", msg("fmt.bps_population"),
               (pop.CODE_COLUMN, *pop.NAME_COLUMNS),
               lambda p, r: pop.read_population_total(p, resolver=r, crosswalk=_crosswalk_2020()),
               lambda header: any(pop.TOTAL_VALUE.fullmatch(c) for c in header),
               msg("check.req.value_column", pattern=pop.TOTAL_VALUE.pattern)),
    FileFormat("bps_children_0_4", msg("fmt.bps_children_0_4"), tuple(pop.NAME_COLUMNS),
               lambda p, r: pop.read_children_0_4(p, resolver=r),
               lambda header: any(pop.UNDER_5_VALUE.fullmatch(c) for c in header),
               msg("check.req.value_column", pattern=pop.UNDER_5_VALUE.pattern)),
    # BKKBN SIGA / Elsimil desa exports (kbanalysis.sources.siga).
    FileFormat("siga_pus", msg("fmt.siga_pus"),
               (*siga.PLACE_COLUMNS, *siga.PUS_COLUMNS, siga.MONTH_COLUMN),
               lambda p, r: siga.read_siga_pus(p, year=config.SIGA_SULBAR_YEAR, resolver=r)),
    FileFormat("siga_mix_kontra", msg("fmt.siga_mix_kontra"),
               (*siga.PLACE_COLUMNS, *siga.MIX_COLUMNS, siga.MONTH_COLUMN),
               lambda p, r: siga.read_siga_mix(p, year=config.SIGA_SULBAR_YEAR, resolver=r)),
    FileFormat("elsimil_bumil", msg("fmt.elsimil_bumil"),
               (*siga.PLACE_COLUMNS, *siga.BUMIL_COLUMNS),
               lambda p, r: siga.read_elsimil_bumil(p, year=config.SIGA_SULBAR_YEAR,
                                                    resolver=r)),
]


def _crosswalk_2020() -> dict[str, str]:
    """Pre-2022 Kemendagri codes (Papua) -> BPS, from the raw folder's bridging list when
    there is one; without it such codes are reported as unknown regions."""
    raw = config.default_raw_dir()
    bridge = raw / CODE_LISTS["bridge"][0] if raw is not None else None
    return pop.read_crosswalk_2020(bridge) if bridge is not None and bridge.is_file() else {}
TOPOJSON = "topojson_kabkot"
GEOJSON = "geojson_kabkota"  # the complete boundary file the maps read (sources.geometry)
# The KBPP shapes offices hold (kbanalysis.sources.kbpp_import) are recognised first: a KBPP
# open-data table also fits the generic Open Data schema, but must be read as KBPP rows.
# Their names and messages come from the one registry (``kbpp_import.KBPP_FORMATS``).
KBPP_FORMATS = {f.name: f.check_name for f in KBPP_IMPORT_FORMATS}
KNOWN = [*KBPP_FORMATS.values()] + [f.name for f in FORMATS] + [TOPOJSON, GEOJSON]


@dataclass
class CheckReport:
    path: Path
    format: str  # a name from ``KNOWN``, or "unknown"
    problems: list[InputError] = field(default_factory=list)
    findings: list[Reject] = field(default_factory=list)  # data-quality notes, not errors
    rows_read: int = 0
    rows_kept: int = 0
    text_format: TextFormat | None = None  # how a CSV was written, when the reader says

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def label(self) -> str:
        """The format for the summary line, e.g. "kbpp_register; encoding cp1252, separator ';'"."""
        return self.label_in("en")

    def label_in(self, lang: str) -> str:
        """``label`` in ``lang`` ("id" or "en"); the format's name stays as it is."""
        name = msg("check.format_unknown").render(lang) if self.format == "unknown" else self.format
        return name + (f"; {self.text_format.describe(lang)}" if self.text_format else "")


def check_file(path: Path, resolver: Resolver | None = None,
               code_system: str | None = None, sheet: str | None = None) -> CheckReport:
    """Recognise ``path``'s format and list every problem in it.

    ``code_system`` ("bps"/"kemendagri") declares the system of the file's regency codes;
    without it, formats with codes detect it (``sources.code_system``). ``sheet`` picks the
    sheet of a workbook with several candidate tables.
    """
    return check_files([path], resolver, code_system, sheet)[0]


KBPP_COMBINED = "kbpp_combined"  # the format of the report on several KBPP files together


def check_files(paths, resolver: Resolver | None = None, code_system: str | None = None,
                sheet: str | None = None, published_kbpp=(),
                region: str | None = None) -> list[CheckReport]:
    """One report per file, in order; the KBPP files among them are checked together.

    KBPP files are read and combined with each other and with ``published_kbpp`` (the KBPP
    tables the build always reads) as the build does. A problem of the combination that no
    one file owns (none of several files gives a usable row) gets one more report, of
    format ``kbpp_combined``, after the files' own.
    """
    paths = [Path(p) for p in paths]
    kinds = {p: detect_kbpp_format(p) if p.is_file() else None for p in paths}
    kbpp_paths = list(dict.fromkeys(p for p in paths if kinds[p]))
    hints = {k: v for k, v in {"resolver": resolver, "code_system": code_system,
                               "sheet": sheet, "region": region}.items() if v is not None}
    notes: list = []  # findings the build prints too (kbpp_import.NOTES)
    kbpp_problems = (check_kbpp_files(kbpp_paths, published_kbpp, notes, **hints)
                     if kbpp_paths else [])

    def owner(error: InputError) -> Path | None:
        if len(kbpp_paths) == 1:
            return kbpp_paths[0]
        # A workbook's errors name its sheet: "profil.xlsx [Tabel 39]".
        return next((p for p in kbpp_paths
                     if error.file == str(p) or error.file.startswith(f"{p.name} [")), None)

    reports = []
    for path in paths:
        if kinds[path]:
            report = CheckReport(path, f"kbpp_{kinds[path]}",  # KbppFormat.check_name
                                 [e for e in kbpp_problems if owner(e) == path],
                                 [n for n in notes if Path(n.path).resolve() == path.resolve()])
        else:
            report = _check_one(path, resolver, code_system)
        report.text_format = report.text_format or _text_format(path)
        reports.append(report)
    unowned = [e for e in kbpp_problems if owner(e) is None]
    if unowned:
        reports.append(CheckReport(Path(", ".join(map(str, kbpp_paths))), KBPP_COMBINED,
                                   unowned))
    return reports


TEXT_SUFFIXES = (".csv", ".txt", ".tsv")


def _text_format(path: Path) -> TextFormat | None:
    """How a delimited text file was written; None for workbooks, Parquet, JSON, a missing
    file, and binary data (NUL bytes: UTF-16 or a spreadsheet saved under a .csv name)."""
    if not path.is_file() or path.suffix.lower() not in TEXT_SUFFIXES:
        return None
    with path.open("rb") as handle:
        if b"\x00" in handle.read(1 << 16):
            return None
    return sniff_text_format(path)


def _check_one(path: Path, resolver: Resolver | None, code_system: str | None) -> CheckReport:
    """A file of one of ``FORMATS`` or TopoJSON, checked alone."""
    if not path.is_file():
        return CheckReport(path, "unknown", [InputError(path, expected=msg("check.existing_file"))])
    if is_empty(path):  # a failed download or an unsaved file: say so, not "unknown format"
        return CheckReport(path, "unknown", [InputError(path, expected=msg("check.data_file"),
                                                        got=msg("got.empty_file"))])
    head = path.read_bytes()[:4096].lstrip()
    if head.startswith(b"{"):
        return _check_topojson(path)
    if _text_format(path) is None and path.suffix.lower() in TEXT_SUFFIXES:
        return CheckReport(path, "unknown", [InputError(
            path, expected=msg("check.binary_csv"), got=msg("got.binary_data"))])
    header = _header(path)
    if header is None:
        return CheckReport(path, "unknown", [_unknown(path, None)])

    fmt, problems = _recognise(path, header)
    if fmt is None:
        return CheckReport(path, "unknown", problems or [_unknown(path, header)])
    if problems:
        return CheckReport(path, fmt.name, problems)
    try:
        resolver = resolver or default_resolver()
        result = (fmt.read(path, resolver, code_system) if fmt.takes_code_system
                  else fmt.read(path, resolver))
    except InputError as error:
        return CheckReport(path, fmt.name, [error])
    return _report(path, fmt.name, result, header)


def _header(path: Path) -> list[str] | None:
    try:
        header = read_header(path, sniff_text_format(path))
    except (UnicodeDecodeError, csv.Error):
        return None
    if not header or any("\x00" in f for f in header):
        return None  # none, or binary: a workbook or a UTF-16 export, not a CSV
    return header


def _recognise(path: Path, header: list[str]) -> tuple[FileFormat | None, list[InputError]]:
    """The format whose header this is; else the nearest one (at least half its columns)
    and one problem per column it lacks."""
    for fmt in FORMATS:
        if all(c in header for c in fmt.columns) and fmt.accepts(header):
            return fmt, []
    def share(fmt: FileFormat) -> float:
        return sum(c in header for c in fmt.columns) / len(fmt.columns)
    nearest = max(FORMATS, key=share)
    if share(nearest) < 0.5:
        return None, []
    problems = [InputError(path, 1, c, msg("check.format_column", column=c, format=nearest.name),
                           got=msg("got.missing"))
                for c in nearest.columns if c not in header]
    if not nearest.accepts(header):
        problems.append(InputError(path, 1, None, msg("check.format_requirement",
                                                      requirement=nearest.requirement,
                                                      format=nearest.name),
                                   got=", ".join(header)))
    return nearest, problems


def _unknown(path: Path, header: list[str] | None) -> InputError:
    formats = [msg("fmt.named", name=f.name, description=f.description) for f in FORMATS]
    formats += [msg("fmt.named", name=TOPOJSON, description=msg("fmt.topojson"))]
    formats += [msg("fmt.named", name=GEOJSON, description=msg("fmt.geojson"))]
    formats += [msg("fmt.named", name=f.check_name, description=f.description)
                for f in KBPP_IMPORT_FORMATS]
    return InputError(path, 1 if header else None, None,
                      msg("check.known_format", formats=formats),
                      got=", ".join(header) if header else msg("got.no_csv_header"))


def _report(path: Path, name: str, result: SourceResult, header: list[str]) -> CheckReport:
    problems, findings = [], []
    for reject in result.ledger.rejects:
        if reject.reason in EXPECTED:
            problems.append(_problem(path, reject))
        else:
            findings.append(reject)
    position = {c: i for i, c in enumerate(header)}
    problems.sort(key=lambda e: (e.row or 0, position.get(e.column, len(position))))
    return CheckReport(path, name, problems, findings, result.rows_read, len(result.kept_rows()))


def _problem(path: Path, reject: Reject) -> InputError:
    return reject_as_error(path, reject, EXPECTED[reject.reason])


def _check_topojson(path: Path) -> CheckReport:
    try:
        topology = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        return CheckReport(path, "unknown", [InputError(path, expected=msg("check.valid_json"),
                                                       got=str(exc))])
    kind = topology.get("type") if isinstance(topology, dict) else None
    if kind not in ("Topology", "FeatureCollection"):
        return CheckReport(path, "unknown", [_unknown(path, None)])
    name, read = (TOPOJSON, read_topojson) if kind == "Topology" else (GEOJSON, read_geojson)
    try:
        result = read(path)
    except InputError as error:
        return CheckReport(path, name, [error])
    problems = [_problem(path, r) for r in result.ledger.rejects if r.reason in EXPECTED]
    findings = [r for r in result.ledger.rejects if r.reason not in EXPECTED]
    kept = result.features_read - len({r.row for r in result.ledger.rejects})
    return CheckReport(path, name, problems, findings, result.features_read, kept)
