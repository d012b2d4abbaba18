"""Reader for the province stunting series (Open Data Jabar od_20953: SSGI 2021, SSGI 2022,
SKI 2023, SSGI 2024), with the series' own error checks.

The file is in the Open Data Jabar schema at province level, so the generic reader does the
parsing; this module adds what is known to go wrong in this series:

- an exact 0 cannot be a province's stunting prevalence (NTT 2022 is 0.0, the published
  figure is 35.3): ``implausible_value``;
- the same exact value in three or more provinces split from one parent in one year is a
  copy-down, not a measurement (2024: Papua, Papua Barat, Papua Tengah, Papua Pegunungan
  all 24.7): ``copy_down``. Which of them is the real one cannot be told, so all go;
- values of a province before it lost territory to a split describe the larger, pre-split
  province: kept, flagged ``pre_split_territory``.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..messages import msg
from ..regions import Resolver, default_resolver
from .base import SourceResult
from .jabar_opendata import read_opendata

SOURCE_ID = "ssgi_provinsi"

# Province splits since 1999 as (parent BPS code, child BPS code, year of the split law).
# Papua Barat (91) came out of Papua in 2003; Papua Selatan, Tengah, Pegunungan (95, 96, 97)
# out of Papua and Papua Barat Daya (92) out of Papua Barat in 2022.
SPLITS = [
    ("81", "82", 1999), ("16", "19", 2000), ("32", "36", 2000), ("71", "75", 2000),
    ("14", "21", 2002), ("94", "91", 2003), ("73", "76", 2004), ("64", "65", 2012),
    ("94", "95", 2022), ("94", "96", 2022), ("94", "97", 2022), ("91", "92", 2022),
]
COPY_DOWN_MIN_PROVINCES = 3


def read_ssgi_provinsi(path: Path, *, resolver: Resolver | None = None,
                       source_id: str = SOURCE_ID) -> SourceResult:
    resolver = resolver or default_resolver()
    result = read_opendata(path, source_id, resolver=resolver, zero_reason="implausible_value")
    tidy, copied = split_copy_downs(result.tidy)
    for row in copied.itertuples():
        others = copied[(copied["year"] == row.year) & (copied["value"] == row.value)]
        names = ", ".join(resolver.province_name(c) for c in others["region_code"])
        result.ledger.add(source_id, result.file, row.source_row, None, "copy_down",
                          msg("ssgi.copy_down", value=float(row.value), year=row.year,
                              names=names), row.value)
    tidy = flag_pre_split(tidy)
    return SourceResult(result.source_id, result.file, result.rows_read, tidy, result.ledger)


def family_of() -> dict[str, str]:
    """Province code -> its oldest ancestor (itself when never split off)."""
    parent = {child: par for par, child, _ in SPLITS}

    def root(code: str) -> str:
        while code in parent:
            code = parent[code]
        return code
    return {code: root(code) for pair in SPLITS for code in pair[:2]}


def split_copy_downs(tidy: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(kept, copied)``: rows sharing one exact value with at least
    ``COPY_DOWN_MIN_PROVINCES - 1`` other provinces of the same split family in one year."""
    family = tidy["region_code"].map(family_of()).fillna(tidy["region_code"])
    keys = [tidy["indicator"], tidy["year"], family, tidy["value"]]
    size = tidy.groupby(keys)["region_code"].transform("nunique")
    copied = tidy["level"].eq("province") & size.ge(COPY_DOWN_MIN_PROVINCES)
    return tidy[~copied].reset_index(drop=True), tidy[copied].reset_index(drop=True)


def flag_pre_split(tidy: pd.DataFrame) -> pd.DataFrame:
    """Flag ``pre_split_territory`` on a province's values up to the year it lost territory."""
    last_split = {}
    for parent, _, year in SPLITS:
        last_split[parent] = max(year, last_split.get(parent, 0))
    before = tidy["level"].eq("province") & (
        tidy["year"] <= tidy["region_code"].map(last_split).fillna(0))
    tidy = tidy.copy()
    tidy.loc[before, "flags"] = tidy.loc[before, "flags"].map(
        lambda f: "pre_split_territory" if not f else f"{f};pre_split_territory")
    return tidy
