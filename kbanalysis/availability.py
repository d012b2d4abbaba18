"""Which values are known per regency, for which years, and of which kind (data contract).

``availability.csv`` has one row per kabupaten/kota (BPS code order) and, per indicator of the
analysis table, one cell listing the kinds of its values with their years, e.g.
``official 2024; secondary 2021-2022``; an empty cell means nothing is known. The kinds:

- ``official``: an official statistic (BPS, Kemenkes survey tables), from a copy of the
  official table (every raw file is a copy; data/SOURCES.md names the original);
- ``secondary``: a survey figure as quoted by a news or data-journalism page (flag
  ``secondary_source``; the page address is the value's ``source_ref`` in the tidy table);
- ``administrative``: programme and routine data (KBPP coverage, SIGA, routine weighing);
- ``simulated``: the demonstration layer, never real.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from . import config

KINDS = ("official", "secondary", "administrative", "simulated")
SECONDARY_FLAG = "secondary_source"
ID_COLUMNS = ["bps_code", "name", "province_bps", "province_name"]


# Indicators whose kind differs from their file's: the SSGI 2024 / IKP table also carries the
# SPPG counts of Badan Gizi Nasional, which are programme data.
INDICATOR_KINDS = {"sppg_per_100k": "administrative", "sppg_count": "administrative"}


def value_kinds(tidy: pd.DataFrame, source_kinds: Mapping[str, str]) -> pd.Series:
    """The kind of each tidy value: simulated, else secondary (flagged), else the kind of its
    indicator (``INDICATOR_KINDS``) or of its source."""
    kind = tidy["indicator"].map(INDICATOR_KINDS).fillna(tidy["source_id"].map(source_kinds))
    unknown = sorted(tidy.loc[kind.isna(), "source_id"].unique())
    if unknown:
        raise ValueError(f"no kind declared for source(s) {', '.join(unknown)}")
    secondary = tidy["flags"].str.split(";").apply(lambda items: SECONDARY_FLAG in items)
    kind = kind.where(~secondary, "secondary")
    return kind.where(tidy["measure_type"] != "simulated", "simulated")


def availability_table(tidy: pd.DataFrame, regions: pd.DataFrame, indicators: list[str],
                       source_kinds: Mapping[str, str]) -> pd.DataFrame:
    """One row per regency, one ``kind years`` list per indicator (see the module docstring)."""
    regency = tidy[(tidy["level"] == "regency") & tidy["indicator"].isin(indicators)
                   & tidy["value"].notna()]
    items = (regency.assign(kind=value_kinds(regency, source_kinds))
             [["region_code", "indicator", "year", "kind"]].drop_duplicates())
    order = {kind: i for i, kind in enumerate(KINDS)}
    by_kind = (items.groupby(["region_code", "indicator", "kind"])["year"].agg(year_ranges)
               .reset_index())
    by_kind = by_kind.assign(rank=by_kind["kind"].map(order)).sort_values(
        ["region_code", "indicator", "rank"], kind="mergesort")
    by_kind["item"] = by_kind["kind"] + " " + by_kind["year"]
    cells = (by_kind.groupby(["region_code", "indicator"])["item"].agg("; ".join)
             .unstack("indicator").reindex(columns=indicators).astype("object"))
    table = regions[ID_COLUMNS].astype(str).sort_values("bps_code", kind="mergesort")
    table = table.merge(cells, left_on="bps_code", right_index=True, how="left")
    return table[[*ID_COLUMNS, *indicators]].fillna("").reset_index(drop=True)


def year_ranges(years: pd.Series) -> str:
    """Distinct years as compact ranges: ``2014-2017, 2019, 2024-2025``; ``-`` when none."""
    values = sorted({int(y) for y in years.dropna()})
    if not values:
        return "-"
    spans, start, previous = [], values[0], values[0]
    for year in [*values[1:], None]:
        if year is None or year != previous + 1:
            spans.append(str(start) if start == previous else f"{start}-{previous}")
            start = year
        previous = year
    return ", ".join(spans)


def load_availability(path: Path = config.AVAILABILITY_CSV) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def kind_counts(availability: pd.DataFrame) -> pd.DataFrame:
    """Per indicator: how many regencies have at least one value of each kind."""
    indicators = [c for c in availability.columns if c not in ID_COLUMNS]
    rows = []
    for indicator in indicators:
        cells = availability[indicator]
        rows.append({"indicator": indicator,
                     **{kind: int(cells.str.contains(rf"(?:^|; ){kind} ").sum())
                        for kind in KINDS},
                     "none": int((cells == "").sum())})
    return pd.DataFrame(rows, columns=["indicator", *KINDS, "none"])
