"""Reader for the 514-regency SSGI 2024 / IKP / SPPG table (BRIN ``sppg_rawanpangan`` extract).

Columns ``provinsi, kabkota, ikp, kat_ikp, sppg_per100k, pct_miskin, pct_stunting, n_sppg,
is_papua``. There are no region codes: rows are resolved by (province, name). Kabupaten
names are bare and kota names keep ``Kota``, so a bare name means the kabupaten
(``bare_means="kabupaten"``).

Years (see data/SOURCES.md): ``pct_stunting`` is SSGI **2024** although the repository's
README says 2022 (its Jawa Barat rows equal the official SSGI 2024 figures, and the
population-weighted mean is the national SSGI 2024 19.8 %). IKP is the 2024 FSVA. The
poverty year is 2024 or 2025 (flagged ``year_uncertain``). SPPG counts are BGN's of
1 May 2026 (filed under 2026). Population is not read from this table (its ``sppg_per100k``
rests on a population sized like the 2026 projection): it comes from the BPS population
table (``sources.population``).
"""
from __future__ import annotations

from pathlib import Path

from ..ledger import Ledger
from ..messages import message_of
from ..regions import RegionError, Resolver, default_resolver
from .base import SourceResult, TidyBuilder
from .numbers import parse_number
from .rows import RegionRows, read_csv_rows, require_columns, settle_rows

SOURCE_ID = "ssgi2024_kabkota"
COLUMNS = ["provinsi", "kabkota", "ikp", "kat_ikp", "sppg_per100k", "pct_miskin",
           "pct_stunting", "n_sppg", "is_papua"]
BARE_MEANS = "kabupaten"  # this file drops "Kabupaten" but keeps "Kota"

SSGI_YEAR = 2024
SPPG_YEAR = 2026

# file column -> (tidy indicator, year, flags). kat_ikp is the IKP category (1-6), derived
# from ikp, and is_papua restates the province: neither is kept.
VALUE_COLUMNS = {
    "pct_stunting": ("stunting_survey_pct", SSGI_YEAR, ""),
    "pct_miskin": ("poverty_pct", SSGI_YEAR, "year_uncertain"),
    "ikp": ("food_security_index", SSGI_YEAR, ""),
    "sppg_per100k": ("sppg_per_100k", SPPG_YEAR, ""),
    "n_sppg": ("sppg_count", SPPG_YEAR, ""),
}


def read_ssgi_kabkota(path: Path, *, resolver: Resolver | None = None,
                      source_id: str = SOURCE_ID) -> SourceResult:
    path = Path(path)
    rows = read_csv_rows(path)
    require_columns(rows, COLUMNS)
    resolver = resolver or default_resolver()
    ledger = Ledger()
    builder = TidyBuilder(source_id, path, ledger)
    claimed = RegionRows(ledger, source_id, path, resolver.label)

    for line, cell in rows.cells(ledger, source_id):
        column = "provinsi"
        try:
            province = resolver.province(cell["provinsi"])
            column = "kabkota"
            code = resolver.regency(cell["kabkota"], province, bare_means=BARE_MEANS)
        except RegionError as exc:
            ledger.add(source_id, path, line, column, exc.reason, message_of(exc),
                       f"{cell['provinsi']} / {cell['kabkota']}")
            continue
        if claimed.repeated(line, code, cell["kabkota"]):
            continue

        numbers: dict[str, float | None] = {}
        for column, (indicator, year, flags) in VALUE_COLUMNS.items():
            try:
                numbers[column] = parse_number(cell[column], "en")
            except ValueError:
                ledger.add(source_id, path, line, column, "not_a_number", "", cell[column])
                continue
            builder.add(line, column, code, "regency", year, indicator, numbers[column], flags)

    tidy = builder.frame()
    settle_rows(ledger, tidy, rows.line_numbers())
    return SourceResult(source_id, path, len(rows.records), tidy, ledger)

