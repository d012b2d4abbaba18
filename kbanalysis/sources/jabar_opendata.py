"""Reader for Open Data Jabar CSV downloads (opendata.jabarprov.go.id), any indicator, any level.

Quirks of the portal's files: decimal commas inside quotes (``"1,91"``) next to decimal
points (``6.07``) in one column, CRLF line ends, upper-case names (``KABUPATEN BOGOR``),
zeros that stand for missing values, and large year-to-year jumps where reporting
coverage changed. Region codes are BPS codes on the portal; a file saved elsewhere may use
Kemendagri codes, so the file's code system is detected from its codes and names (or
declared, ``code_system=``) and every code is cross-checked against its name.
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from .. import indicators
from ..ledger import InputError, Ledger
from ..messages import message_of, msg
from ..regions import RegionError, Resolver, default_resolver
from .base import SourceResult, TidyBuilder
from .code_system import file_code_system
from .numbers import column_convention, parse_count, parse_number
from .opendata_indicators import (
    BASE_COLUMNS,
    OPEN_DATA_COLUMNS,
    REGENCY_COLUMNS,
    SATUAN_UNITS,
    OpenDataColumn,
    value_column,
)
from .rows import YEAR_RULE, parse_year, read_csv_rows, require_columns, settle_rows

# A year-to-year change counts as a jump when it is at least this many percentage points
# AND at least this factor (up or down) against the same region's previous reported year.
JUMP_MIN_POINTS = 5.0
JUMP_MIN_RATIO = 2.0
# Indicator units whose values are counts (read with one convention per column).
COUNT_UNITS = {"persons", "count", "couples"}


def read_opendata(path: Path, source_id: str | None = None, *, resolver: Resolver | None = None,
                  zero_reason: str = "zero_coded_missing",
                  code_system: str | None = None) -> SourceResult:
    """Tidy rows from one Open Data Jabar file (regency level, or province level when the
    file has no ``kode_kabupaten_kota``).

    ``zero_reason`` is the ledger reason for an exact zero where the indicator cannot be
    zero (missing coded as zero, by default). ``code_system`` ("bps"/"kemendagri") declares
    the regency codes' system; by default it is detected (``sources.code_system``).
    """
    path = Path(path)
    rows = read_csv_rows(path)
    spec = value_column(rows.header)
    if spec is None:
        raise InputError(path, row=1, expected=msg("od.one_value_column",
                                                   columns=", ".join(OPEN_DATA_COLUMNS)),
                         got=", ".join(rows.header))
    level = "regency" if any(c in rows.header for c in REGENCY_COLUMNS) else "province"
    require_columns(rows, BASE_COLUMNS + (REGENCY_COLUMNS if level == "regency" else []))
    source_id = source_id or default_source_id(path, spec)
    resolver = resolver or default_resolver()
    ledger = Ledger()
    builder = TidyBuilder(source_id, path, ledger)
    unit = indicators.get(spec.indicator).unit
    province_of = dict(zip(resolver.regencies["bps_code"], resolver.regencies["province_bps"]))
    system = None
    if level == "regency":
        code_col, name_col = REGENCY_COLUMNS[0], REGENCY_COLUMNS[1]
        cells = [cell for _, cell in rows.cells(Ledger(), source_id)]
        system = file_code_system(path, code_col, [c.get(code_col, "") for c in cells],
                                  [c.get(name_col, "") for c in cells], resolver,
                                  [c["nama_provinsi"] for c in cells], code_system)

    # Counts take one number convention for the whole column (numbers.count_convention);
    # shares never group thousands, so their lone mark is the decimal mark.
    convention = (column_convention(path, spec.column, [(line, cell.get(spec.column)) for
                                                        line, cell in rows.cells(Ledger(), source_id)])
                  if unit in COUNT_UNITS else None)
    for line, cell in rows.cells(ledger, source_id):
        try:
            year = parse_year(cell["tahun"])
        except ValueError:
            ledger.add(source_id, path, line, "tahun", "bad_year", YEAR_RULE, cell["tahun"])
            continue
        column = "kode_provinsi"  # the cell blamed if resolving fails
        try:
            region, flags = _province(resolver, cell, system), ""
            if level == "regency":
                column = REGENCY_COLUMNS[0] if cell[REGENCY_COLUMNS[0]] else REGENCY_COLUMNS[1]
                region, flags = _regency(resolver, cell, region, province_of, system)
        except RegionError as exc:
            ledger.add(source_id, path, line, column, exc.reason, message_of(exc),
                       cell.get(REGENCY_COLUMNS[1]) or cell["nama_provinsi"])
            continue
        satuan = cell["satuan"].upper()
        if unit not in SATUAN_UNITS.get(satuan, set()):
            ledger.add(source_id, path, line, "satuan", "unit_mismatch",
                       msg("od.unit_is", indicator=spec.indicator, unit=unit), cell["satuan"])
            continue
        raw = cell[spec.column]
        try:
            value = (parse_count(raw, convention) if convention else
                     parse_number(raw, "auto", percent=unit == "percent"))
        except ValueError:
            ledger.add(source_id, path, line, spec.column, "not_a_number", "", raw)
            continue
        if value == 0 and spec.zero_means_missing:
            ledger.add(source_id, path, line, spec.column, zero_reason,
                       msg("od.zero_whole_region", indicator=spec.indicator), raw)
            continue
        builder.add(line, spec.column, region, level, year, spec.indicator, value, flags)

    tidy = flag_year_jumps(builder.frame())
    settle_rows(ledger, tidy, rows.line_numbers())
    return SourceResult(source_id, path, len(rows.records), tidy, ledger)


def default_source_id(path: Path, spec: OpenDataColumn) -> str:
    """``jabar_od_17148`` from the portal's download name, else one from the indicator."""
    found = re.search(r"od_(\d+)", Path(path).name)
    return f"jabar_od_{found.group(1)}" if found else f"jabar_{spec.indicator}"


def _province(resolver: Resolver, cell: dict, system: str | None = None) -> str:
    # Province codes differ between the systems only in Papua (BPS 94 = Kemendagri 91).
    by_code = resolver.province(cell["kode_provinsi"],
                                "dagri" if system == "kemendagri" else "bps")
    by_name = resolver.province(cell["nama_provinsi"])
    if by_code != by_name:
        raise RegionError("code_name_mismatch", msg(
            "od.province_mismatch", code=cell["kode_provinsi"],
            by_code=resolver.province_name(by_code), name=cell["nama_provinsi"],
            by_name=resolver.province_name(by_name)))
    return by_code


def _regency(resolver: Resolver, cell: dict, province: str,
             province_of: dict[str, str], system: str | None = None) -> tuple[str, str]:
    """BPS code and flags; the code must agree with the name (an empty code: the name alone).

    ``system`` is the file's code system: codes are read in it only ("mixed": each row in
    the system its code and name agree in, flagged when that is Kemendagri).
    """
    code, name = cell["kode_kabupaten_kota"], cell["nama_kabupaten_kota"]
    if not code:
        return (resolver.regency(name, province, system=system),
                "code_missing_matched_by_name")
    match = resolver.code_and_name(code, name, province, system=system)
    # A code of no system never gives way to the name.
    if match.via == "name":
        raise RegionError("code_name_mismatch", msg("read.code_not_of_system", code=code,
                                                    system=system,
                                                    label=resolver.label(match.bps_code)))
    if province_of[match.bps_code] != province:
        raise RegionError("code_name_mismatch", msg("od.not_in_province",
                                                    label=resolver.label(match.bps_code),
                                                    code=cell["kode_provinsi"]))
    mixed_dagri = system == "mixed" and match.via == "dagri_code"
    return match.bps_code, "code_system_dagri" if mixed_dagri else ""


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
