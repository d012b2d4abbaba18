"""Readers for the BPS population tables per kab/kota (data/SOURCES.md, ``population`` and
``children_0_4``): total population in one year, and children aged 0-4 in one year.

Both tables are second-hand copies of BPS "Jumlah Penduduk menurut Kabupaten/Kota dan
Kelompok Umur". The year is the suffix of the value column (``penduduk_2024``,
``penduduk_0_4_2025``), so the same readers take another year's table.

- The total table has Kemendagri codes with a dot (``11.01`` = Aceh Selatan, which is BPS
  1103) next to the name. The six Papua provinces split off in 2022 keep their pre-2022
  codes (``91.01`` = Merauke, now in Papua Selatan), which the 2025 Kemendagri list does not
  have: those are read through the BPS-Kemendagri bridging list of 2020 (``crosswalk``).
  Every code is cross-checked against its name; a disagreement is ``code_name_mismatch``.
- The 0-4 table has names only, with upper-case BPS province names (``D I YOGYAKARTA``) and
  a ``jenis`` column (Kabupaten / Kota) that tells apart bare names shared by a kabupaten
  and a kota.

Names renamed since the source was made are written ``old / new`` (``Toba Samosir / Toba``):
both must name the same regency.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from ..ledger import InputError, Ledger
from ..messages import message_of, msg
from ..regions import RegionError, Resolver, default_resolver
from .base import SourceResult, TidyBuilder
from .numbers import parse_number
from .rows import (
    YEAR_RULE,
    CsvRows,
    RegionRows,
    parse_year,
    read_csv_rows,
    require_columns,
    settle_rows,
)

SOURCE_ID_TOTAL = "bps_population"
SOURCE_ID_UNDER_5 = "bps_children_0_4"
NAME_COLUMNS = ["provinsi", "nama_kabkota", "jenis"]
CODE_COLUMN = "kode_wilayah_src"
TOTAL_VALUE = re.compile(r"penduduk_(\d{4})")  # the year is the column's suffix
UNDER_5_VALUE = re.compile(r"penduduk_0_4_(\d{4})")
TYPES = {"kabupaten": "kabupaten", "kab": "kabupaten", "kota": "kota"}  # jenis -> type


def read_population_total(path: Path, *, resolver: Resolver | None = None,
                          source_id: str = SOURCE_ID_TOTAL,
                          crosswalk: Mapping[str, str] | None = None) -> SourceResult:
    """Total population per regency (indicator ``population``), code and name checked.

    ``crosswalk``: pre-2022 Kemendagri code (digits only) -> BPS code, for codes the 2025
    Kemendagri list no longer has (see :func:`read_crosswalk_2020`); without it such rows are
    ledgered ``unknown_region``.
    """
    return _read(path, resolver, source_id, TOTAL_VALUE, "population", crosswalk or {},
                 with_codes=True)


def read_children_0_4(path: Path, *, resolver: Resolver | None = None,
                      source_id: str = SOURCE_ID_UNDER_5) -> SourceResult:
    """Children aged 0-4 per regency (indicator ``children_0_4``), resolved by name."""
    return _read(path, resolver, source_id, UNDER_5_VALUE, "children_0_4", {},
                 with_codes=False)


def read_crosswalk_2020(path: Path) -> dict[str, str]:
    """The bridging list's Kemendagri 2020 code (digits only) -> BPS code.

    Its Kemendagri codes predate the 2022 split of Papua. The build checks the list row by
    row (``sources.kode_wilayah``); here only its columns are required.
    """
    rows = read_csv_rows(Path(path))
    require_columns(rows, ["kode_bps", "kode_dagri"])
    bps, dagri = rows.header.index("kode_bps"), rows.header.index("kode_dagri")
    return {re.sub(r"\D", "", fields[dagri]): fields[bps] for _, fields in rows.records
            if len(fields) == len(rows.header)}


def _value_column(rows: CsvRows, pattern: re.Pattern) -> tuple[str, int]:
    for column in rows.header:
        found = pattern.fullmatch(column)
        if found:
            try:
                return column, parse_year(found.group(1))
            except ValueError:
                raise InputError(rows.path, row=1, column=column,
                                 expected=msg("pop.year_suffix", rule=YEAR_RULE)) from None
    raise InputError(rows.path, row=1, expected=msg("pop.value_column_like",
                                                    pattern=pattern.pattern),
                     got=", ".join(rows.header))


def _read(path, resolver, source_id, pattern, indicator, crosswalk, *, with_codes) -> SourceResult:
    path = Path(path)
    rows = read_csv_rows(path)
    require_columns(rows, ([CODE_COLUMN] if with_codes else []) + NAME_COLUMNS)
    value_column, year = _value_column(rows, pattern)
    resolver = resolver or default_resolver()
    ledger = Ledger()
    builder = TidyBuilder(source_id, path, ledger)
    claimed = RegionRows(ledger, source_id, path, resolver.label)
    types = dict(zip(resolver.regencies["bps_code"], resolver.regencies["type"]))

    for line, cell in rows.cells(ledger, source_id):
        try:
            code = _resolve(resolver, types, cell, crosswalk if with_codes else None)
        except _RowRegionError as exc:
            ledger.add(source_id, path, line, exc.column, exc.reason, message_of(exc),
                       " / ".join(cell[c] for c in ([CODE_COLUMN] if with_codes else [])
                                  + NAME_COLUMNS))
            continue
        if claimed.repeated(line, code, cell["nama_kabkota"]):
            continue
        try:
            value = parse_number(cell[value_column], "en")
        except ValueError:
            ledger.add(source_id, path, line, value_column, "not_a_number",
                       msg("pop.count_of_persons"), cell[value_column])
            continue
        if value is not None and value != int(value):
            ledger.add(source_id, path, line, value_column, "not_a_number",
                       msg("pop.whole_persons"), cell[value_column])
            continue
        builder.add(line, value_column, code, "regency", year, indicator, value)

    tidy = builder.frame()
    settle_rows(ledger, tidy, rows.line_numbers())
    return SourceResult(source_id, path, len(rows.records), tidy, ledger)


class _RowRegionError(RegionError):
    def __init__(self, column: str, reason: str, message: str):
        self.column = column
        super().__init__(reason, message)


def _resolve(resolver: Resolver, types: Mapping[str, str], cell: dict,
             crosswalk: Mapping[str, str] | None) -> str:
    """The row's BPS code: from the name within its province and type, then, for the
    table with codes, checked against the code. Never settled by one of them alone."""
    try:
        province = resolver.province(cell["provinsi"])
    except RegionError as exc:
        raise _RowRegionError("provinsi", exc.reason, message_of(exc)) from None
    kind = TYPES.get(cell["jenis"].strip().lower())
    if kind is None:
        raise _RowRegionError("jenis", "unknown_region",
                              msg("pop.jenis", jenis=cell["jenis"]))
    code = _by_name(resolver, cell["nama_kabkota"], province, kind)
    if types[code] != kind:
        raise _RowRegionError("jenis", "code_name_mismatch",
                              msg("pop.not_a_kind", name=cell["nama_kabkota"],
                                  label=resolver.label(code), jenis=cell["jenis"]))
    if crosswalk is None:
        return code
    written = cell[CODE_COLUMN]
    by_code = _by_code(resolver, written, crosswalk)
    if not by_code:
        lists = msg("pop.lists_both") if crosswalk else msg("pop.lists_2025")
        raise _RowRegionError(CODE_COLUMN, "unknown_region",
                              msg("pop.no_dagri_code", written=written, lists=lists))
    if by_code != {code}:
        raise _RowRegionError(CODE_COLUMN, "code_name_mismatch",
                              msg("pop.dagri_code_but_name", written=written,
                                  labels=" / ".join(resolver.label(c) for c in sorted(by_code)),
                                  name=cell["nama_kabkota"], label=resolver.label(code)))
    return code


def _by_name(resolver: Resolver, name: str, province: str, kind: str) -> str:
    """``old / new`` names must both name the same regency."""
    codes = []
    for part in (p.strip() for p in name.split("/")):
        try:
            codes.append(resolver.regency(part, province, bare_means=kind))
        except RegionError as exc:
            raise _RowRegionError("nama_kabkota", exc.reason, message_of(exc)) from None
    if len(set(codes)) != 1:
        raise _RowRegionError("nama_kabkota", "code_name_mismatch",
                              msg("pop.parts_differ", name=name,
                                  labels=" / ".join(resolver.label(c) for c in codes)))
    return codes[0]


def _by_code(resolver: Resolver, written: str, crosswalk: Mapping[str, str]) -> set[str]:
    """BPS codes the Kemendagri code names in the 2025 list and in the 2020 bridging list
    (they agree wherever both have it: Papua's moved regencies got new codes)."""
    found = set()
    try:
        found.add(resolver.code(written, "dagri"))
    except RegionError:
        pass
    plain = re.sub(r"\D", "", written)
    if plain in crosswalk:
        found.add(crosswalk[plain])
    return found
