"""Official province figures: the province-level rows of the tidy table.

The analysis table holds regencies only, so a page that shows a province's published
figure (SSGI/SKI province prevalence from ``ssgi_provinsi``, Susenas province indicators)
reads it here, never as a mean of regency values. Rows the build refused (NTT 2022 = 0,
the Papua 2024 copy-down) are in the rejects ledger, not here: they show as "not available".
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import config

PROVINCE_COLUMNS = ["province_bps", "year", "indicator", "value", "measure_type", "source_id", "flags"]

_CACHE: dict[tuple, pd.DataFrame] = {}


def read_province_rows(processed_dir=None) -> pd.DataFrame:
    """Province-level rows of ``tidy.csv`` (empty when the file is absent); memoised on the
    file's size and modification time, as a warm kernel reads it for every page."""
    path = (Path(processed_dir) if processed_dir else config.PROCESSED_DIR) / config.TIDY_CSV.name
    if not path.exists():
        return pd.DataFrame({c: pd.Series(dtype="float64" if c in ("year", "value") else "str")
                             for c in PROVINCE_COLUMNS})
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _CACHE:
        _CACHE.clear()
        tidy = pd.read_csv(path, dtype={"region_code": "str", "level": "str", "indicator": "str",
                                        "measure_type": "str", "source_id": "str", "flags": "str"},
                           keep_default_na=False, na_values=[""])
        rows = tidy.loc[tidy["level"] == "province"].rename(columns={"region_code": "province_bps"})
        rows = rows.assign(year=rows["year"].astype(int), value=rows["value"].astype(float),
                           flags=rows["flags"].fillna(""))
        _CACHE[key] = rows[PROVINCE_COLUMNS].sort_values(
            ["indicator", "province_bps", "year"], kind="mergesort").reset_index(drop=True)
    return _CACHE[key]



_REGENCY_CACHE: dict[tuple, pd.DataFrame] = {}


def read_regency_rows(indicator: str, processed_dir=None) -> pd.DataFrame:
    """Regency rows of one ``indicator`` of ``tidy.csv`` that the analysis table does not
    carry (facility births 2021 of Jawa Tengah): ``bps_code, year, value, source_id,
    source_ref``, empty when the file or the indicator is absent; memoised like the
    province rows."""
    columns = ["bps_code", "year", "value", "source_id", "source_ref"]
    path = (Path(processed_dir) if processed_dir else config.PROCESSED_DIR) / config.TIDY_CSV.name
    if not path.exists():
        return pd.DataFrame(columns=columns)
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size, indicator)
    if key not in _REGENCY_CACHE:
        _REGENCY_CACHE.clear()
        tidy = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
        rows = tidy.loc[(tidy["level"] == "regency") & (tidy["indicator"] == indicator)]
        rows = rows.rename(columns={"region_code": "bps_code"}).reindex(columns=columns)
        _REGENCY_CACHE[key] = rows.assign(year=rows["year"].astype(int), value=rows["value"].astype(float))
    return _REGENCY_CACHE[key]

def province_value(rows: pd.DataFrame, province: str, indicator: str, year: int) -> float | None:
    """The official value of ``indicator`` for ``province`` in ``year``, or None."""
    found = rows.loc[(rows["province_bps"] == str(province)) & (rows["indicator"] == indicator)
                     & (rows["year"] == int(year)), "value"]
    return None if found.empty else float(found.iloc[0])


def province_series(rows: pd.DataFrame, province: str, indicator: str = "stunting_survey_pct",
                    without_flags: tuple[str, ...] = ()) -> pd.DataFrame:
    """``year, value`` of ``indicator`` for ``province``, by year; rows carrying any of
    ``without_flags`` (e.g. ``pre_split_territory``: Papua before the 2022 split) left out."""
    found = rows.loc[(rows["province_bps"] == str(province)) & (rows["indicator"] == indicator)]
    if without_flags:
        keep = [not set(str(f).split(";")) & set(without_flags) for f in found["flags"]]
        found = found.loc[keep]
    return found[["year", "value"]].sort_values("year", kind="mergesort").reset_index(drop=True)


_REJECTS: dict[tuple, pd.DataFrame] = {}


def read_rejects(processed_dir=None) -> pd.DataFrame:
    """``rejects.csv`` of the build (empty when absent), memoised like the province rows."""
    path = (Path(processed_dir) if processed_dir else config.PROCESSED_DIR) / config.REJECTS_CSV.name
    columns = ["source_id", "file", "row", "column", "reason", "detail", "value"]
    if not path.exists():
        return pd.DataFrame({c: pd.Series(dtype="str") for c in columns})
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _REJECTS:
        _REJECTS.clear()
        _REJECTS[key] = pd.read_csv(path, dtype="str", keep_default_na=False)
    return _REJECTS[key]
