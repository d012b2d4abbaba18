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

# ``source_ref``: the address of the page a value was read from (quoted tables), else empty.
PROVINCE_COLUMNS = ["province_bps", "year", "indicator", "value", "measure_type", "source_id", "flags",
                    "source_ref"]

_CACHE: dict[tuple, pd.DataFrame] = {}


def _memoised(path: Path, what: str, make) -> pd.DataFrame:
    """``make(path)``, kept while the file's size and modification time stay the same: a warm
    kernel asks for the same table on every page, and each file is read once."""
    stat = path.stat()
    key = (what, str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _CACHE:
        for old in [k for k in _CACHE if k[0] == what]:
            del _CACHE[old]
        _CACHE[key] = make(path)
    return _CACHE[key]


def _tidy(path: Path) -> pd.DataFrame:
    """``tidy.csv`` as text (values converted by each reader below), read once per version."""
    return _memoised(path, "tidy", lambda p: pd.read_csv(p, dtype=str, keep_default_na=False,
                                                          na_values=[""]))


def _processed(processed_dir, name: str) -> Path:
    return (Path(processed_dir) if processed_dir else config.PROCESSED_DIR) / name


def read_province_rows(processed_dir=None) -> pd.DataFrame:
    """Province-level rows of ``tidy.csv`` (empty when the file is absent)."""
    path = _processed(processed_dir, config.TIDY_CSV.name)
    if not path.exists():
        return pd.DataFrame({c: pd.Series(dtype="float64" if c in ("year", "value") else "str")
                             for c in PROVINCE_COLUMNS})

    def make(_):
        tidy = _tidy(path)
        rows = tidy.loc[tidy["level"] == "province"].rename(columns={"region_code": "province_bps"})
        rows = rows.assign(year=rows["year"].astype(int), value=rows["value"].astype(float),
                           flags=rows["flags"].fillna(""),
                           source_ref=rows["source_ref"].fillna("") if "source_ref" in rows else "")
        return rows[PROVINCE_COLUMNS].sort_values(
            ["indicator", "province_bps", "year"], kind="mergesort").reset_index(drop=True)
    return _memoised(path, "province_rows", make)


def read_regency_rows(indicator: str, processed_dir=None) -> pd.DataFrame:
    """Regency rows of one ``indicator`` of ``tidy.csv`` that the analysis table does not
    carry (facility births 2021 of Jawa Tengah): ``bps_code, year, value, source_id,
    source_ref``, empty when the file or the indicator is absent."""
    columns = ["bps_code", "year", "value", "source_id", "source_ref"]
    path = _processed(processed_dir, config.TIDY_CSV.name)
    if not path.exists():
        return pd.DataFrame(columns=columns)

    def make(_):
        tidy = _tidy(path)
        rows = tidy.loc[(tidy["level"] == "regency") & (tidy["indicator"] == indicator)]
        rows = rows.rename(columns={"region_code": "bps_code"}).reindex(columns=columns)
        return rows.assign(year=rows["year"].astype(int), value=rows["value"].astype(float))
    return _memoised(path, f"regency_rows:{indicator}", make)


SECONDARY = "secondary_source"  # flag of a value quoted by a secondary source (its address in source_ref)


def read_secondary_addresses(processed_dir=None) -> pd.DataFrame:
    """Regency rows of ``tidy.csv`` that a secondary source quoted: ``bps_code, indicator,
    year, source_ref`` (the address of the page the value was read from), empty when absent.
    The analysis table marks such values but does not carry their addresses."""
    columns = ["bps_code", "indicator", "year", "source_ref"]
    path = _processed(processed_dir, config.TIDY_CSV.name)
    if not path.exists():
        return pd.DataFrame(columns=columns)

    def make(_):
        tidy = _tidy(path)
        quoted = tidy["flags"].fillna("").str.split(";").map(lambda flags: SECONDARY in flags)
        rows = tidy.loc[(tidy["level"] == "regency") & quoted].rename(columns={"region_code": "bps_code"})
        rows = rows.reindex(columns=columns)
        return rows.assign(year=rows["year"].astype(int), source_ref=rows["source_ref"].fillna(""))
    return _memoised(path, "secondary_addresses", make)


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


def read_rejects(processed_dir=None) -> pd.DataFrame:
    """``rejects.csv`` of the build (empty when absent), read once per version."""
    path = _processed(processed_dir, config.REJECTS_CSV.name)
    columns = ["source_id", "file", "row", "column", "reason", "detail", "value"]
    if not path.exists():
        return pd.DataFrame({c: pd.Series(dtype="str") for c in columns})
    return _memoised(path, "rejects", lambda p: pd.read_csv(p, dtype="str", keep_default_na=False))
