"""Which year each column of the cross-section comes from, and the aligned cross-section.

Children under five in survey year t were born in t-5 ... t, and KBPP in year t-k can only act
through births after it; so the outcome comes from year t and the exposure from an earlier
year t-k (the lag k). The other columns follow fixed rules, recorded for every run:

* the exposure's companions (``deliveries`` and every ``kbpp_*`` column): the exposure year;
* weights (``children_0_4``, ``population``): the year nearest the outcome year that has
  them (the earlier one on a tie): a regency's size changes slowly, a missing weight would
  drop the regency;
* every other column (covariates): the outcome year, or the nearest earlier year that has it
  (never a later one: a covariate measured after the outcome cannot have shaped it).

Real data only: a table whose exposure holds any simulated row (``kbpp_measure_type``
"simulated") is a simulated build, and only there are simulated exposure values used; the
results then say so.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..kbpp_schema import COUNT_COLUMNS
from ..messages import msg
from .errors import SpecificationError

AUTO_WEIGHTS = "auto"
# Stunting is a share of children under five, so regencies count by their children.
WEIGHT_PREFERENCE = ("children_0_4", "population")
WEIGHT_COLUMNS = frozenset(WEIGHT_PREFERENCE)
IDENTITY_COLUMNS = ("bps_code", "year", "name", "type", "province_bps", "province_name",
                    "latitude", "longitude", "flags")
SIMULATED_MEASURE = "simulated"
# Pooled exposure years: each regency's latest real KBPP year 1-3 years before the outcome
# (children under five at the survey were born in the five years before it, so a figure
# from 1-3 years earlier reaches most of them; a later or older figure reaches few).
LAG_WINDOW = (1, 3)
KBPP_HINT = msg("model.kbpp_hint", simulate=msg("model.simulate_data"))


@dataclass(frozen=True)
class ColumnYear:
    """The year a column of the cross-section was taken from, and the rule that chose it."""

    column: str
    year: int | None
    rule: str  # a catalogue message when no year was found (it is then shown in errors)

    def describe(self) -> str:
        where = "no year has values" if self.year is None else str(self.year)
        return f"{self.column}: {where} ({self.rule})"


# The KBPP layer's own columns (counts, deliveries, type and source): one row's values come
# from one year. Programme indicators named kbpp_* (e.g. kbpp_intention_pct) are not in it.
KBPP_LAYER = frozenset([*COUNT_COLUMNS, "kbpp_coverage_pct", "kbpp_measure_type", "kbpp_source"])


def follows_exposure(column: str, exposure: str) -> bool:
    """Columns measured with the exposure (its counts, denominator, type and source)."""
    return column == exposure or column in KBPP_LAYER


def is_simulated_build(table: pd.DataFrame) -> bool:
    """True for a table carrying a simulated KBPP layer (``kbpp_measure_type`` "simulated",
    as the simulated demonstration and the synthetic world write it)."""
    if "kbpp_measure_type" not in table.columns:
        return False
    return bool(table["kbpp_measure_type"].astype("string").str.lower()
                .eq(SIMULATED_MEASURE).fillna(False).any())


def usable_exposure(table: pd.DataFrame, exposure: str) -> pd.Series:
    """The exposure as numbers. A table with any simulated KBPP row is a simulated build as a
    whole (``is_simulated_build``) and is flagged so; a real table has no simulated row."""
    return pd.to_numeric(table[exposure], errors="coerce")


def years_with_values(table: pd.DataFrame, values: pd.Series) -> list[int]:
    return sorted(int(y) for y in pd.unique(table.loc[values.notna().to_numpy(), "year"]))


def outcome_year(table: pd.DataFrame, outcome: str, requested: int | None) -> int:
    """The requested outcome year (checked), or the latest year with the outcome."""
    years = years_with_values(table, pd.to_numeric(table[outcome], errors="coerce"))
    if not years:
        raise SpecificationError(msg("model.outcome_no_values", outcome=outcome))
    if requested is None:
        return years[-1]
    if requested not in years:
        raise SpecificationError(msg("model.outcome_year_no_values", outcome=outcome,
                                     year=requested, years=str(years)))
    return int(requested)


def exposure_year(table: pd.DataFrame, outcome: str, exposure: str, year_of_outcome: int,
                  requested: int | None) -> tuple[int, str]:
    """(exposure year, how it was chosen).

    Default: the latest year before the outcome year whose usable exposure covers at least
    one regency that has the outcome. Any other lag (a world drawn with exposure and outcome
    in one year, say) is the caller's setting: ``requested``.
    """
    real = not is_simulated_build(table)
    kind = "real " if real else ""
    real_ = "real_" if real else ""  # the catalogue's "real" variant of each message
    values = usable_exposure(table, exposure)
    years = years_with_values(table, values)
    if requested is not None:
        if requested > year_of_outcome:
            raise SpecificationError(msg("model.exposure_after_outcome", year=requested,
                                         outcome_year=year_of_outcome))
        if requested not in years:
            raise SpecificationError(msg(f"model.{real_}exposure_no_values_in",
                                         exposure=exposure, year=requested,
                                         years=str(years) if years else msg("model.no_years")))
        return int(requested), "as requested"
    with_outcome = set(table.loc[pd.to_numeric(table[outcome], errors="coerce").notna()
                                 & (table["year"] == year_of_outcome), "bps_code"].astype(str))
    candidates = [y for y in years if y < year_of_outcome and
                  table.loc[values.notna().to_numpy() & (table["year"] == y).to_numpy(),
                            "bps_code"].astype(str).isin(with_outcome).any()]
    if candidates:
        return candidates[-1], (f"the latest year before the outcome year with {kind}"
                                f"{exposure} for regencies that have the outcome")
    if follows_exposure(exposure, "kbpp_coverage_pct"):
        hint = KBPP_HINT
    elif years:
        hint = msg(f"model.{real_}exposure_years_hint", exposure=exposure,
                   years=", ".join(map(str, years)))
    else:
        hint = msg("model.exposure_no_year_hint", exposure=exposure)
    raise SpecificationError(msg(f"model.{real_}exposure_none_before", exposure=exposure,
                                 outcome_year=year_of_outcome, hint=hint))


def exposure_years_by_regency(table: pd.DataFrame, outcome: str, exposure: str,
                               year_of_outcome: int, window: tuple[int, int] = LAG_WINDOW
                               ) -> pd.Series:
    """Each regency with the outcome in ``year_of_outcome``: its latest year with usable
    ``exposure`` within ``window`` (lags in years, both ends included), indexed by bps_code
    in code order; regencies without one are left out."""
    values = usable_exposure(table, exposure)
    year = table["year"].astype("int64")
    low, high = year_of_outcome - window[1], year_of_outcome - window[0]
    has_outcome = (pd.to_numeric(table[outcome], errors="coerce").notna()
                   & year.eq(year_of_outcome))
    wanted = set(table.loc[has_outcome, "bps_code"].astype(str))
    rows = table.loc[values.notna().to_numpy() & year.between(low, high).to_numpy(),
                     ["bps_code", "year"]]
    rows = rows.assign(bps_code=rows["bps_code"].astype(str), year=rows["year"].astype("int64"))
    rows = rows.loc[rows["bps_code"].isin(wanted)]
    latest = rows.groupby("bps_code")["year"].max().sort_index()
    return latest.astype("int64")


def principal_year(by_regency: pd.Series) -> int:
    """The exposure year most regencies share (the earlier one on a tie): the year the
    designs beside the cross-section (change, baseline) use."""
    counts = by_regency.value_counts()
    return int(min(counts.index[counts.eq(counts.max())]))


def column_year(table: pd.DataFrame, column: str, *, outcome: str, exposure: str,
                year_of_outcome: int, year_of_exposure: int,
                weights: str | None = None) -> ColumnYear:
    """The year ``column`` is taken from (see the module docstring for the rules)."""
    if column == outcome:
        return ColumnYear(column, year_of_outcome, "outcome year")
    if follows_exposure(column, exposure):
        return ColumnYear(column, year_of_exposure, "exposure year")
    values = table[column]
    if not pd.api.types.is_numeric_dtype(values):
        values = values.where(values.astype("string").str.strip().ne("").fillna(False))
    years = years_with_values(table, values)
    if column in WEIGHT_COLUMNS or column == weights:
        if not years:
            return ColumnYear(column, None, msg("model.rule_weights"))
        nearest = min(years, key=lambda y: (abs(y - year_of_outcome), y))
        return ColumnYear(column, nearest, "weights: nearest year with values")
    if year_of_outcome in years:
        return ColumnYear(column, year_of_outcome, "outcome year")
    earlier = [y for y in years if y < year_of_outcome]
    if earlier:
        return ColumnYear(column, earlier[-1], "nearest earlier year with values")
    return ColumnYear(column, None, msg("model.rule_no_values", year=year_of_outcome,
                                        only=msg("model.rule_only", years=str(years))
                                        if years else ""))


def parse_flags(text) -> list[tuple[str, str]]:
    """One ``flags`` cell as (indicator, flag) pairs: ``"a:x;y"`` -> ``[("a", "x"), ("", "y")]``
    (a flag naming no indicator has indicator ""); blank or missing -> ``[]``."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return []
    items = []
    for item in filter(None, (part.strip() for part in str(text).split(";"))):
        indicator, _, flag = item.partition(":")
        items.append((indicator, flag) if flag else ("", indicator))
    return items


def _aligned_flags(table: pd.DataFrame, codes: pd.Series, years: dict[str, ColumnYear],
                   year_of_outcome: int) -> list[str]:
    """Each regency's flags on the values it contributes: a column's flags come from the
    year the column was taken from; flags on other fields from the outcome year."""
    wanted = {y.year for y in years.values() if y.year is not None} | {year_of_outcome}
    rows = table.loc[table["year"].isin(wanted), ["bps_code", "year", "flags"]]
    by_key = {(str(c), int(y)): f for c, y, f in rows.itertuples(index=False)}
    out = []
    for code in codes.astype(str):
        parts = []
        for indicator, flag in parse_flags(by_key.get((code, year_of_outcome))):
            if indicator not in years or years[indicator].year == year_of_outcome:
                parts.append(f"{indicator}:{flag}" if indicator else flag)
        for column, chosen in years.items():
            if chosen.year is None or chosen.year == year_of_outcome:
                continue
            parts += [f"{column}:{flag}" for indicator, flag
                      in parse_flags(by_key.get((code, chosen.year))) if indicator == column]
        out.append(";".join(dict.fromkeys(parts)))
    return out


def align(table: pd.DataFrame, *, outcome: str, exposure: str, year_of_outcome: int,
          year_of_exposure: int, weights: str | None = None,
          exposure_by_regency: pd.Series | None = None
          ) -> tuple[pd.DataFrame, dict[str, ColumnYear]]:
    """One row per regency of the outcome year; every other column from its own year.

    The frame keeps the table's columns and order, its ``year`` is the outcome year, and the
    exposure is blank where it is not usable (simulated in a real build).
    ``exposure_by_regency`` (bps_code -> year, :func:`exposure_years_by_regency`): pooled
    exposure years; each listed regency's exposure and its companions come from its own
    year, the others' are blank, and the column ``exposure_year`` says which year.
    """
    base = table.loc[table["year"].astype("int64") == year_of_outcome]
    base = base.drop_duplicates("bps_code").sort_values("bps_code", kind="mergesort")
    frame = base.copy()
    frame.attrs = {}
    codes = frame["bps_code"].astype(str)
    columns = [c for c in table.columns if c not in IDENTITY_COLUMNS]
    years = {c: column_year(table, c, outcome=outcome, exposure=exposure,
                            year_of_outcome=year_of_outcome, year_of_exposure=year_of_exposure,
                            weights=weights) for c in columns}
    exposure_values = usable_exposure(table, exposure)
    for column, chosen in years.items():
        if chosen.year == year_of_outcome and column != exposure:
            continue
        if chosen.year is None:
            frame[column] = (np.nan if pd.api.types.is_numeric_dtype(table[column])
                             else pd.NA)
            continue
        source = table.loc[table["year"].astype("int64") == chosen.year]
        values = exposure_values.loc[source.index] if column == exposure else source[column]
        lookup = values.set_axis(source["bps_code"].astype(str).to_numpy())
        lookup = lookup[~lookup.index.duplicated()]
        frame[column] = lookup.reindex(codes.to_numpy()).set_axis(frame.index)
    if "flags" in frame.columns:
        frame["flags"] = _aligned_flags(table, codes, years, year_of_outcome)
    if exposure_by_regency is not None:
        _pool_exposure(table, frame, codes, exposure, exposure_values, exposure_by_regency)
    return frame.reset_index(drop=True), years


def _pool_exposure(table: pd.DataFrame, frame: pd.DataFrame, codes: pd.Series, exposure: str,
                   exposure_values: pd.Series, by_regency: pd.Series) -> None:
    """Put each regency's exposure layer from its own year (``by_regency``) into ``frame``."""
    layer = [c for c in frame.columns if follows_exposure(c, exposure)]
    wanted = by_regency.reindex(codes.to_numpy())
    year = table["year"].astype("int64")
    for column in layer:
        out = pd.Series(pd.NA if not pd.api.types.is_numeric_dtype(table[column]) else np.nan,
                        index=frame.index, dtype=frame[column].dtype)
        for y in sorted(set(wanted.dropna().astype("int64"))):
            source = table.loc[year.eq(y)]
            values = exposure_values.loc[source.index] if column == exposure else source[column]
            lookup = values.set_axis(source["bps_code"].astype(str).to_numpy())
            lookup = lookup[~lookup.index.duplicated()]
            mine = (wanted == y).to_numpy()
            out.loc[mine] = lookup.reindex(codes.to_numpy()[mine]).to_numpy()
        frame[column] = out
    frame["exposure_year"] = pd.array(wanted.to_numpy(), dtype="Int64")
