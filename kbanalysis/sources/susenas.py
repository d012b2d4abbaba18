"""Reader for the BPS Susenas regency indicator table (tidied copy of BPS SDG tables).

Columns ``kode_kabkota, nama, provinsi, lat, lon`` and one column per indicator and year:
``melahirkan_dini_YYYY`` (women 15-49 whose first live birth was before age 20, %) and
``persalinan_nonfaskes_YYYY`` (last live birth in the past 2 years not in a health
facility, %).

Codes are BPS codes outside the Papua region and Kemendagri-style codes (some of them
pre-2022) inside it, where ``9103`` is Jayapura although BPS 9103 is Teluk Wondama. So every
row is resolved by code *and* name, and the way it matched is kept as a flag: the file's
code system is detected as "mixed" (``sources.code_system``), which resolves each row in
the system its own code and name agree in. Small Susenas
cells give exact 0.0 and 100.0: kept, flagged.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..ledger import Ledger
from ..messages import message_of, msg
from ..regions import RegionError, Resolver, default_resolver
from .base import SourceResult, TidyBuilder
from .code_system import file_code_system
from .numbers import parse_number
from .rows import YEAR_RULE, RegionRows, parse_year, read_csv_rows, require_columns, settle_rows

SOURCE_ID = "susenas_kabkota"
ID_COLUMNS = ["kode_kabkota", "nama", "provinsi", "lat", "lon"]
BARE_MEANS = "kabupaten"  # "Kota X" for kota, the bare name for kabupaten

# column stem -> tidy indicator; the year is the column's suffix.
STEMS = {
    "melahirkan_dini": "first_birth_before_20_pct",
    "persalinan_nonfaskes": "births_outside_facility_pct",
}
_YEAR_COLUMN = re.compile(rf"({'|'.join(STEMS)})_(\w+)")

# How a row's region was found -> its flag ("" for the file's main system, BPS).
MATCH_FLAGS = {"bps_code": "", "dagri_code": "code_system_dagri",
               "name": "code_unknown_matched_by_name"}


def read_susenas_kabkota(path: Path, *, resolver: Resolver | None = None,
                         source_id: str = SOURCE_ID, code_system: str | None = None) -> SourceResult:
    """``code_system`` ("bps"/"kemendagri") declares the codes' system; detected by default."""
    path = Path(path)
    rows = read_csv_rows(path)
    require_columns(rows, ID_COLUMNS)
    resolver = resolver or default_resolver()
    cells = [cell for _, cell in rows.cells(Ledger(), source_id)]
    system = file_code_system(path, "kode_kabkota", [c["kode_kabkota"] for c in cells],
                              [c["nama"] for c in cells], resolver,
                              [c["provinsi"] for c in cells], code_system)
    ledger = Ledger()
    builder = TidyBuilder(source_id, path, ledger)

    value_columns: dict[str, tuple[str, int]] = {}  # column -> (indicator, year)
    for column in rows.header:
        found = _YEAR_COLUMN.fullmatch(column)
        if not found:
            continue
        try:
            value_columns[column] = (STEMS[found.group(1)], parse_year(found.group(2)))
        except ValueError:
            ledger.add(source_id, path, 1, column, "bad_year",
                       msg("susenas.year_column", rule=YEAR_RULE), column)
    if not value_columns:
        require_columns(rows, [f"{stem}_YYYY" for stem in STEMS])
    # lat/lon describe the regency, not a year: filed under the file's earliest year.
    first_year = min((y for _, y in value_columns.values()), default=None)

    claimed = RegionRows(ledger, source_id, path, resolver.label)
    for line, cell in rows.cells(ledger, source_id):
        try:
            code, flag = _resolve(resolver, cell, system)
        except RegionError as exc:
            ledger.add(source_id, path, line, "kode_kabkota", exc.reason, message_of(exc),
                       f"{cell['kode_kabkota']} {cell['nama']}")
            continue
        if claimed.repeated(line, code, f"{cell['kode_kabkota']} {cell['nama']}"):
            continue

        for column, indicator in (("lat", "latitude"), ("lon", "longitude")):
            _add(builder, ledger, source_id, path, line, column, code, first_year, indicator,
                 cell[column], [flag])
        for column, (indicator, year) in value_columns.items():
            _add(builder, ledger, source_id, path, line, column, code, year, indicator,
                 cell[column], [flag], boundaries=True)

    tidy = builder.frame()
    settle_rows(ledger, tidy, rows.line_numbers())
    return SourceResult(source_id, path, len(rows.records), tidy, ledger)


def _resolve(resolver: Resolver, cell: dict, system: str | None = None) -> tuple[str, str]:
    """BPS code and match flag. A name match is accepted only for codes that exist in
    neither system (old Kemendagri codes of Papua Barat Daya): a code that exists and names
    another regency is a contradiction, not a different coding."""
    code, name, province = cell["kode_kabkota"], cell["nama"], cell["provinsi"]
    match = resolver.code_and_name(code, name, province, bare_means=BARE_MEANS, system=system)
    if match.via == "name":
        for system in ("bps", "dagri"):
            try:
                other = resolver.code(code, system)
            except RegionError:
                continue
            raise RegionError("code_name_mismatch",
                              msg("susenas.code_but_name", system=system.upper(), code=code,
                                  label=resolver.label(other), name=name,
                                  name_label=resolver.label(match.bps_code)))
    return match.bps_code, MATCH_FLAGS[match.via]


def _add(builder, ledger, source_id, path, line, column, code, year, indicator, text,
         flags, boundaries=False) -> None:
    try:
        value = parse_number(text, "en")
    except ValueError:
        ledger.add(source_id, path, line, column, "not_a_number", "", text)
        return
    flags = list(flags)
    if boundaries and value == 0.0:
        flags.append("sampling_zero")  # a small sample cell with no case, not a true zero
    if boundaries and value == 100.0:
        flags.append("boundary_value")
    builder.add(line, column, code, "regency", year, indicator, value,
                ";".join(f for f in flags if f))
