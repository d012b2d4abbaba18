"""Reader for Open Data Jabar CSV downloads (opendata.jabarprov.go.id), any indicator, any level.

Quirks of the portal's files: decimal commas inside quotes (``"1,91"``) next to decimal
points (``6.07``) in one column, CRLF line ends, upper-case names (``KABUPATEN BOGOR``),
zeros that stand for missing values, and large year-to-year jumps where reporting
coverage changed. Region codes are BPS codes and are cross-checked against the names.
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from .. import indicators
from ..ledger import InputError, Ledger
from ..regions import RegionError, Resolver, default_resolver
from .base import SourceResult, TidyBuilder, parse_number
from .opendata_indicators import (BASE_COLUMNS, OPEN_DATA_COLUMNS, REGENCY_COLUMNS,
                                  SATUAN_UNITS, OpenDataColumn, value_column)
from .rows import YEAR_RULE, parse_year, read_csv_rows, require_columns, settle_rows

# A year-to-year change counts as a jump when it is at least this many percentage points
# AND at least this factor (up or down) against the same region's previous reported year.
JUMP_MIN_POINTS = 5.0
JUMP_MIN_RATIO = 2.0


def read_opendata(path: Path, source_id: str | None = None, *, resolver: Resolver | None = None,
                  zero_reason: str = "zero_coded_missing") -> SourceResult:
    """Tidy rows from one Open Data Jabar file (regency level, or province level when the
    file has no ``kode_kabupaten_kota``).

    ``zero_reason`` is the ledger reason for an exact zero where the indicator cannot be
    zero (missing coded as zero, by default).
    """
    path = Path(path)
    rows = read_csv_rows(path)
    spec = value_column(rows.header)
    if spec is None:
        raise InputError(path, row=1, expected=f"exactly one value column of "
                         f"{', '.join(OPEN_DATA_COLUMNS)}", got=", ".join(rows.header))
    level = "regency" if any(c in rows.header for c in REGENCY_COLUMNS) else "province"
    require_columns(rows, BASE_COLUMNS + (REGENCY_COLUMNS if level == "regency" else []))
    source_id = source_id or default_source_id(path, spec)
    resolver = resolver or default_resolver()
    ledger = Ledger()
    builder = TidyBuilder(source_id, path, ledger)
    unit = indicators.get(spec.indicator).unit
    province_of = dict(zip(resolver.regencies["bps_code"], resolver.regencies["province_bps"]))

    for line, cell in rows.cells(ledger, source_id):
        try:
            year = parse_year(cell["tahun"])
        except ValueError:
            ledger.add(source_id, path, line, "tahun", "bad_year", YEAR_RULE, cell["tahun"])
            continue
        column = "kode_provinsi"  # the cell blamed if resolving fails
        try:
            region, flags = _province(resolver, cell), ""
            if level == "regency":
                column = REGENCY_COLUMNS[0] if cell[REGENCY_COLUMNS[0]] else REGENCY_COLUMNS[1]
                region, flags = _regency(resolver, cell, region, province_of)
        except RegionError as exc:
            ledger.add(source_id, path, line, column, exc.reason, str(exc),
                       cell.get(REGENCY_COLUMNS[1]) or cell["nama_provinsi"])
            continue
        satuan = cell["satuan"].upper()
        if unit not in SATUAN_UNITS.get(satuan, set()):
            ledger.add(source_id, path, line, "satuan", "unit_mismatch",
                       f"{spec.indicator} is in {unit}", cell["satuan"])
            continue
        raw = cell[spec.column]
        try:
            value = parse_number(raw, "auto")
        except ValueError:
            ledger.add(source_id, path, line, spec.column, "not_a_number", "", raw)
            continue
        if value == 0 and spec.zero_means_missing:
            ledger.add(source_id, path, line, spec.column, zero_reason,
                       f"{spec.indicator} cannot be exactly 0 for a whole region", raw)
            continue
        builder.add(line, spec.column, region, level, year, spec.indicator, value, flags)

    tidy = flag_year_jumps(builder.frame())
    settle_rows(ledger, tidy, rows.line_numbers())
    return SourceResult(source_id, path, len(rows.records), tidy, ledger)


def default_source_id(path: Path, spec: OpenDataColumn) -> str:
    """``jabar_od_17148`` from the portal's download name, else one from the indicator."""
    found = re.search(r"od_(\d+)", Path(path).name)
    return f"jabar_od_{found.group(1)}" if found else f"jabar_{spec.indicator}"


def _province(resolver: Resolver, cell: dict) -> str:
    by_code = resolver.province(cell["kode_provinsi"])
    by_name = resolver.province(cell["nama_provinsi"])
    if by_code != by_name:
        raise RegionError("code_name_mismatch", f"province code {cell['kode_provinsi']!r} is "
                          f"{resolver.province_name(by_code)}, name {cell['nama_provinsi']!r} "
                          f"is {resolver.province_name(by_name)}")
    return by_code


def _regency(resolver: Resolver, cell: dict, province: str,
             province_of: dict[str, str]) -> tuple[str, str]:
    """BPS code and flags; the code must agree with the name (an empty code: the name alone)."""
    code, name = cell["kode_kabupaten_kota"], cell["nama_kabupaten_kota"]
    if not code:
        return resolver.regency(name, province), "code_missing_matched_by_name"
    match = resolver.code_and_name(code, name, province)
    # The portal publishes BPS codes: agreement in any other system is still a mismatch.
    if match.via != "bps_code":
        raise RegionError("code_name_mismatch", f"BPS code {code!r} is not {name!r} "
                          f"(the name is {resolver.label(match.bps_code)})")
    if province_of[match.bps_code] != province:
        raise RegionError("code_name_mismatch", f"{resolver.label(match.bps_code)} is not in "
                          f"province {cell['kode_provinsi']!r}")
    return match.bps_code, ""


def flag_year_jumps(tidy: pd.DataFrame) -> pd.DataFrame:
    """Add ``year_jump`` to percentage values that jump against the previous reported year.

    A value is flagged when it differs from the same region's previous reported year of
    the same indicator by at least ``JUMP_MIN_POINTS`` points and by a factor of at least
    ``JUMP_MIN_RATIO``. A one-year spike flags both the spike and the return. Values are
    kept: a jump may be real, or a change in reporting coverage.
    """
    if tidy.empty:
        return tidy
    ordered = tidy.sort_values(["indicator", "level", "region_code", "year"], kind="mergesort")
    previous = ordered.groupby(["indicator", "level", "region_code"])["value"].shift()
    value = ordered["value"]
    high, low = np.fmax(value, previous), np.fmin(value, previous)
    ratio = (high / low.where(low > 0)).fillna(np.inf)  # from zero, any rise is a jump
    jump = (ordered["unit"].eq("percent") & previous.notna()
            & (value - previous).abs().ge(JUMP_MIN_POINTS) & ratio.ge(JUMP_MIN_RATIO))
    flagged = jump.reindex(tidy.index)
    tidy = tidy.copy()
    tidy.loc[flagged, "flags"] = tidy.loc[flagged, "flags"].map(
        lambda f: "year_jump" if not f else f"{f};year_jump")
    return tidy
