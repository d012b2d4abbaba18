"""``check_file``: which known format a raw file is, and every problem in it, without building.

A format is recognised from the file's header (the JSON structure for TopoJSON). Known
formats live in ``FORMATS``; a new one is one ``FileFormat(...)`` entry. The file is then read
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

from ..ledger import InputError, Reject
from ..regions import Resolver, default_resolver
from . import opendata_indicators as od
from .base import SourceResult
from .geometry import read_topojson
from .jabar_opendata import read_opendata
from .kode_wilayah import FILES as CODE_LISTS
from .kode_wilayah import check_code_list
from .kbpp_import import check_kbpp_file, detect_kbpp_format
from .published import COLUMNS as PUBLISHED_COLUMNS
from .published import read_published
from .rows import promoted_column
from .ssgi import COLUMNS as SSGI_COLUMNS
from .ssgi import read_ssgi_kabkota
from .ssgi_province import read_ssgi_provinsi
from .susenas import ID_COLUMNS as SUSENAS_COLUMNS
from .susenas import STEMS as SUSENAS_STEMS
from .susenas import read_susenas_kabkota

# Ledger reasons that are problems of the file, with what was expected instead.
EXPECTED = {
    "malformed_row": "as many fields as the header",
    "bad_year": "a four-digit year",  # the detail gives the range
    "unknown_region": "a known kabupaten/kota or province",
    "ambiguous_region": "a region name that is not ambiguous",
    "unknown_indicator": "an indikator text naming a known indicator",
    "code_name_mismatch": "a region code and name of the same region",
    "duplicate": "one row per region and year",
    "unit_mismatch": "the indicator's unit",
    "not_a_number": "a number",
    "missing_value": "a value",
    "out_of_range": "a value inside the indicator's range",
}


@dataclass(frozen=True)
class FileFormat:
    name: str
    description: str
    columns: tuple[str, ...]  # header columns the format must have
    read: Callable[[Path, Resolver], SourceResult]
    accepts: Callable[[list[str]], bool] = lambda header: True  # a further test of the header
    requirement: str = ""  # what ``accepts`` wants, for the problem message


def _no_regency_columns(header: list[str]) -> bool:
    return not any(c in header for c in od.REGENCY_COLUMNS)


def _has_susenas_values(header: list[str]) -> bool:
    return any(re.fullmatch(rf"({'|'.join(SUSENAS_STEMS)})_\w+", c) for c in header)


# Most specific first: the province SSGI series is also in the generic Open Data schema.
FORMATS: list[FileFormat] = [
    FileFormat("ssgi_provinsi", "SSGI/SKI stunting by province (Open Data Jabar od_20953)",
               ("kode_provinsi", "nama_provinsi", "prevalensi_balita_stunting", "satuan", "tahun"),
               lambda p, r: read_ssgi_provinsi(p, resolver=r), _no_regency_columns,
               "no kabupaten/kota columns"),
    FileFormat("jabar_opendata", "Open Data Jabar table (regency or province level)",
               tuple(od.BASE_COLUMNS),
               lambda p, r: read_opendata(p, resolver=r),
               lambda header: od.value_column(header) is not None,
               f"one value column of {', '.join(od.OPEN_DATA_COLUMNS)}"),
    FileFormat("ssgi_kabkota_514", "SSGI 2024 / IKP / SPPG table of the 514 regencies",
               tuple(SSGI_COLUMNS), lambda p, r: read_ssgi_kabkota(p, resolver=r)),
    FileFormat("susenas_kabkota", "BPS Susenas regency indicators",
               tuple(SUSENAS_COLUMNS), lambda p, r: read_susenas_kabkota(p, resolver=r),
               _has_susenas_values,
               f"columns {', '.join(f'{s}_YYYY' for s in SUSENAS_STEMS)}"),
    # The code lists the region table is built from (kbanalysis.regions.build_regions).
    FileFormat("kode_wilayah_bridge", "BPS-Kemendagri code bridge (kab/kota or provinces)",
               tuple(CODE_LISTS["bridge"][1]),
               lambda p, r: check_code_list(p, CODE_LISTS["bridge"][1])),
    FileFormat("kemendagri_regencies", "Kemendagri kab/kota code list",
               tuple(CODE_LISTS["regencies_2025"][1]),
               lambda p, r: check_code_list(p, CODE_LISTS["regencies_2025"][1])),
    FileFormat("kemendagri_provinces", "Kemendagri province code list",
               tuple(CODE_LISTS["provinces_2025"][1]),
               lambda p, r: check_code_list(p, CODE_LISTS["provinces_2025"][1]),
               lambda header: "province_code" not in header, "no province_code column"),
    # Printed figures with their source and address (kbanalysis.sources.published).
    FileFormat("published_table", "published value table (region as printed, value, unit, "
               "year, indicator, printed source, address)", tuple(PUBLISHED_COLUMNS),
               lambda p, r: read_published(p, resolver=r)),
]
TOPOJSON = "topojson_kabkot"
# The KBPP shapes offices hold (kbanalysis.sources.kbpp_import) are recognised first: a KBPP
# open-data table also fits the generic Open Data schema, but must be read as KBPP rows.
KBPP_FORMATS = {"profil_kesehatan": "kbpp_profil_kesehatan", "opendata": "kbpp_opendata",
                "register": "kbpp_register", "published_coverage": "kbpp_published_coverage"}
KNOWN = [*KBPP_FORMATS.values()] + [f.name for f in FORMATS] + [TOPOJSON]


@dataclass
class CheckReport:
    path: Path
    format: str  # a name from ``KNOWN``, or "unknown"
    problems: list[InputError] = field(default_factory=list)
    findings: list[Reject] = field(default_factory=list)  # data-quality notes, not errors
    rows_read: int = 0
    rows_kept: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check_file(path: Path, resolver: Resolver | None = None) -> CheckReport:
    """Recognise ``path``'s format and list every problem in it."""
    path = Path(path)
    if not path.is_file():
        return CheckReport(path, "unknown", [InputError(path, expected="an existing file")])
    kbpp = detect_kbpp_format(path)
    if kbpp is not None:
        hints = {} if resolver is None else {"resolver": resolver}
        return CheckReport(path, KBPP_FORMATS[kbpp], check_kbpp_file(path, **hints))
    head = path.read_bytes()[:4096].lstrip()
    if head.startswith(b"{"):
        return _check_topojson(path)
    header = _header(path)
    if header is None:
        return CheckReport(path, "unknown", [_unknown(path, None)])

    fmt, problems = _recognise(path, header)
    if fmt is None:
        return CheckReport(path, "unknown", problems or [_unknown(path, header)])
    if problems:
        return CheckReport(path, fmt.name, problems)
    try:
        result = fmt.read(path, resolver or default_resolver())
    except InputError as error:
        return CheckReport(path, fmt.name, [error])
    return _report(path, fmt.name, result, header)


def _header(path: Path) -> list[str] | None:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for fields in csv.reader(handle):
                if any(f.strip() for f in fields):
                    return [f.strip() for f in fields]
    except (UnicodeDecodeError, csv.Error):
        return None
    return None


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
    problems = [InputError(path, 1, c, f"column {c!r} of format {nearest.name}", got="missing")
                for c in nearest.columns if c not in header]
    if not nearest.accepts(header):
        problems.append(InputError(path, 1, None, f"{nearest.requirement} (format {nearest.name})",
                                   got=", ".join(header)))
    return nearest, problems


def _unknown(path: Path, header: list[str] | None) -> InputError:
    formats = "; ".join([f"{f.name} ({f.description})" for f in FORMATS]
                        + [f"{TOPOJSON} (TopoJSON kab/kota shapes)",
                           "kbpp_profil_kesehatan (Profil Kesehatan table of KB pasca "
                           "persalinan by method, .xlsx/.csv)", "kbpp_opendata (open-data "
                           "deliveries or KBPP acceptors)", "kbpp_register (service register, "
                           "one row per delivery, .csv/.parquet)",
                           "kbpp_published_coverage (printed KBPP coverage by kab/kota, with "
                           "its source)"])
    return InputError(path, 1 if header else None, None,
                      f"a file of a known format: {formats}",
                      got=", ".join(header) if header else "no CSV header")


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
    column, detail = reject.column, reject.detail
    if column is None and (cell := promoted_column(detail)):
        column, detail = cell, re.sub(r"^column '[^']+':? ?", "", detail)
    expected = EXPECTED[reject.reason] + (f" ({detail})" if detail else "")
    return InputError(path, reject.row, column, expected, got=reject.value or None)


def _check_topojson(path: Path) -> CheckReport:
    try:
        topology = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        return CheckReport(path, "unknown", [InputError(path, expected="valid JSON", got=str(exc))])
    if not (isinstance(topology, dict) and topology.get("type") == "Topology"):
        return CheckReport(path, "unknown", [_unknown(path, None)])
    try:
        result = read_topojson(path)
    except InputError as error:
        return CheckReport(path, TOPOJSON, [error])
    problems = [_problem(path, r) for r in result.ledger.rejects if r.reason in EXPECTED]
    findings = [r for r in result.ledger.rejects if r.reason not in EXPECTED]
    kept = result.features_read - len({r.row for r in result.ledger.rejects})
    return CheckReport(path, TOPOJSON, problems, findings, result.features_read, kept)
