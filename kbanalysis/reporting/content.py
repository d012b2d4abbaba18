"""The facts a report shows, computed from the tables: pure functions returning frames/dicts.

Nothing here draws, formats or reads files; the templates call these functions and hand the
results to :mod:`.blocks`, :mod:`.plots` and :mod:`.maps`. Model results are displayed as
``kbanalysis fit`` wrote them, never refitted.
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import config, results_contract
from ..kbpp_schema import COUNT_COLUMNS
from ..results_contract import PER_10_POINTS
from ..versions import package_versions

# --------------------------------------------------------------------------------------
# Domain constants of the reports (sources in DESIGN notes / data/SOURCES.md)


@dataclass(frozen=True)
class Target:
    key: str  # text key of its label
    year: int
    pct: float


STUNTING_TARGETS = tuple(Target(f"target_rpjmn_{year}", year, pct)
                         for year, pct in config.STUNTING_TARGETS_PCT.items())
# No CIs are published for SSGI regency estimates, so the reports show this as an
# approximate band, never as a computed interval.
SURVEY_HALF_WIDTH_95 = config.SSGI_REGENCY_HALF_WIDTH_95
# No KBPP coverage target is shown: none with a citable document is in the project's
# sources, so pages plan per 10 points of coverage instead (``deliveries_plan``).

# Covariates on which "similar regencies" are found (all regency-level, not the outcome or
# the exposure: peers should be comparable places, not places with the same result).
SIMILARITY_COVARIATES = ("poverty_pct", "births_outside_facility_pct", "first_birth_before_20_pct",
                         "food_security_index", "sppg_per_100k")
IDENTITY = ["bps_code", "name", "type", "province_bps", "province_name"]
STUNTING_COLUMNS = ("stunting_survey_pct", "stunting_weighing_pct")
# The KBPP layer: counts, coverage and their label, always taken together from one year.
KBPP_LAYER_COLUMNS = (*COUNT_COLUMNS, "kbpp_coverage_pct", "kbpp_measure_type", "kbpp_source")
# Packages whose versions the provenance footer lists.
PROVENANCE_PACKAGES = ("pandas", "numpy", "scipy", "statsmodels", "matplotlib", "papermill",
                       "nbconvert", "geopandas")


# --------------------------------------------------------------------------------------
# Flags


def parse_flags(flags: str) -> list[tuple[str, str]]:
    """``"a:x;b:y"`` -> ``[("a", "x"), ("b", "y")]``; an item without ``:`` has indicator ""."""
    items = []
    for item in str(flags or "").split(";"):
        item = item.strip()
        if not item:
            continue
        indicator, _, flag = item.rpartition(":")
        items.append((indicator, flag))
    return items


def _flags_for(rows: pd.DataFrame, column: str, year) -> list[str]:
    if year is None or (isinstance(year, float) and math.isnan(year)):
        return []
    found: list[str] = []
    for flags in rows.loc[rows["year"] == year, "flags"]:
        for indicator, flag in parse_flags(flags):
            if indicator in (column, "") and flag not in found:
                found.append(flag)
    return found


# --------------------------------------------------------------------------------------
# One row per regency


def _latest(analysis: pd.DataFrame, column: str) -> pd.DataFrame:
    """Last non-missing value of ``column`` per regency, with its year."""
    if column not in analysis:
        return pd.DataFrame({"bps_code": pd.Series(dtype="str"), column: pd.Series(dtype="float64"),
                             f"{column}_year": pd.Series(dtype="float64")})
    rows = analysis.loc[analysis[column].notna(), ["bps_code", "year", column]]
    rows = rows.sort_values(["bps_code", "year"], kind="mergesort").groupby("bps_code", sort=True).tail(1)
    return rows.rename(columns={"year": f"{column}_year"})


def cross_section(analysis: pd.DataFrame, regions: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per regency: identity, coordinates, each indicator's latest value and year.

    KBPP counts, coverage and measure type come together from the latest year with a coverage
    value (never mixed across years); ``stunting_flags`` and ``kbpp_flags`` hold the flags of
    the rows those values came from.
    """
    ident = analysis.groupby("bps_code", sort=True).head(1)[
        [c for c in [*IDENTITY, "latitude", "longitude"] if c in analysis]].copy()
    coords = analysis.groupby("bps_code", sort=True)[["latitude", "longitude"]].first() \
        if {"latitude", "longitude"} <= set(analysis) else None
    if coords is not None:
        ident = ident.drop(columns=["latitude", "longitude"]).merge(coords, on="bps_code", how="left")
    out = ident
    # The KBPP layer's columns travel together (one year); programme indicators such as
    # kbpp_intention_pct are ordinary indicators with their own latest year.
    kbpp_cols = [c for c in analysis.columns if c in KBPP_LAYER_COLUMNS]
    values = [c for c in analysis.columns if c not in {*IDENTITY, "year", "latitude", "longitude",
                                                       "flags", *kbpp_cols}]
    for column in values:
        if pd.api.types.is_numeric_dtype(analysis[column]):
            out = out.merge(_latest(analysis, column), on="bps_code", how="left")
    if "kbpp_coverage_pct" in analysis:
        rows = analysis.loc[analysis["kbpp_coverage_pct"].notna(), ["bps_code", "year", *kbpp_cols]]
        rows = rows.sort_values(["bps_code", "year"], kind="mergesort").groupby("bps_code").tail(1)
        out = out.merge(rows.rename(columns={"year": "kbpp_year"}), on="bps_code", how="left")
    by_code = dict(tuple(analysis.groupby("bps_code", sort=False)))
    stunting_flags, kbpp_flags = [], []
    for row in out.itertuples(index=False):
        rows = by_code[row.bps_code]
        flags = []
        for column in STUNTING_COLUMNS:
            flags += _flags_for(rows, column, getattr(row, f"{column}_year", None))
        stunting_flags.append(";".join(dict.fromkeys(flags)))
        kflags = []
        for column in ("deliveries", "kbpp_total", "kbpp_coverage_pct"):
            kflags += _flags_for(rows, column, getattr(row, "kbpp_year", None))
        kbpp_flags.append(";".join(dict.fromkeys(kflags)))
    out["stunting_flags"] = stunting_flags
    out["kbpp_flags"] = kbpp_flags
    return out.sort_values("bps_code", kind="mergesort").reset_index(drop=True)


def _row(cross: pd.DataFrame, code: str) -> pd.Series:
    """The first row of ``code``: found by position on the code column (a boolean mask over
    the wide table copies every column, fifteen times a page), the same Series as before."""
    found = np.flatnonzero(cross["bps_code"].to_numpy() == code)
    if not len(found):
        raise KeyError(f"regency {code!r} is not in the analysis table")
    return cross.iloc[int(found[0])]


_POSITIONS: dict[int, tuple] = {}


def _rows_of(analysis: pd.DataFrame, code: str) -> pd.DataFrame:
    """The analysis rows of ``code`` in table order: what ``analysis.loc[analysis["bps_code"]
    == code]`` gives, from positions grouped once per table (every page asks for its own)."""
    found = _POSITIONS.get(id(analysis))
    if found is None or found[0] is not analysis:
        codes = analysis["bps_code"].astype(str).to_numpy()
        order = np.argsort(codes, kind="stable")
        starts = np.flatnonzero(np.r_[True, codes[order][1:] != codes[order][:-1]])
        groups = np.split(order, starts[1:])
        found = (analysis, {codes[g[0]]: g for g in groups})
        _POSITIONS.clear()  # one table at a time
        _POSITIONS[id(analysis)] = found
    positions = found[1].get(str(code))
    return analysis.iloc[positions] if positions is not None else analysis.iloc[0:0]


def _value(row: pd.Series, column: str):
    value = row.get(column)
    return None if value is None or pd.isna(value) else value


# --------------------------------------------------------------------------------------
# Regency facts


def stunting_summary(cross: pd.DataFrame, code: str) -> dict:
    """Survey prevalence with its approximate 95 % band, the weighing figure and the flags."""
    row = _row(cross, code)
    value = _value(row, "stunting_survey_pct")
    half = SURVEY_HALF_WIDTH_95
    return {
        "value": value,
        "year": None if value is None else int(row["stunting_survey_pct_year"]),
        "low": None if value is None else max(0.0, value - half),
        "high": None if value is None else min(100.0, value + half),
        "half_width": half,
        "approximate": True,
        "weighing": _value(row, "stunting_weighing_pct"),
        "weighing_year": (None if _value(row, "stunting_weighing_pct") is None
                          else int(row["stunting_weighing_pct_year"])),
        "flags": [f for f in str(row.get("stunting_flags", "")).split(";") if f],
    }


def mothers_to_reach(deliveries, acceptors, target_pct: float) -> int | None:
    """More acceptors a year needed for coverage ``target_pct`` of ``deliveries`` (0 if met)."""
    if deliveries is None or acceptors is None or pd.isna(deliveries) or pd.isna(acceptors):
        return None
    # round first: 0.7 * 1000 is 700.0000000000001 in floating point
    needed = math.ceil(round(target_pct * float(deliveries) / 100.0, 6))
    return max(0, needed - int(acceptors))


def kbpp_summary(cross: pd.DataFrame, code: str) -> dict:
    """Latest KBPP coverage, deliveries and acceptors, with their source and flags."""
    row = _row(cross, code)
    coverage = _value(row, "kbpp_coverage_pct")
    deliveries, total = _value(row, "deliveries"), _value(row, "kbpp_total")
    return {
        "year": None if coverage is None else int(row["kbpp_year"]),
        "coverage": coverage,
        "deliveries": deliveries,
        "total": total,
        "simulated": str(row.get("kbpp_measure_type", "")) == "simulated",
        "source": None if coverage is None else str(row.get("kbpp_source", "") or "") or None,
        "flags": [f for f in str(row.get("kbpp_flags", "")).split(";") if f],
    }


# BKKBN programme indicators (SIGA / Elsimil), in the order a report lists them.
PROGRAMME_INDICATORS = ("modern_cpr_pct", "unmet_need_pct", "long_acting_share_pct",
                        "kbpp_intention_pct")


def programme_summary(cross: pd.DataFrame, code: str) -> pd.DataFrame:
    """The latest programme indicators of a regency: indicator, year, value (may be empty)."""
    row = _row(cross, code)
    records = [{"indicator": name, "year": int(row[f"{name}_year"]), "value": _value(row, name)}
               for name in PROGRAMME_INDICATORS
               if name in cross and _value(row, name) is not None]
    return pd.DataFrame.from_records(records, columns=["indicator", "year", "value"])


def province_rank(cross: pd.DataFrame, code: str, column: str, ascending: bool = True) -> dict | None:
    """Rank of ``code`` on ``column`` among its province's regencies with a value (1 = first).

    Ties share the best rank ("min"), so two regencies at 10.0 % are both 1st.
    """
    row = _row(cross, code)
    peers = cross.loc[(cross["province_bps"] == row["province_bps"]) & cross[column].notna()]
    if _value(row, column) is None or peers.empty:
        return None
    ranks = peers[column].rank(method="min", ascending=ascending)
    return {"rank": int(ranks[peers["bps_code"] == code].iloc[0]), "n": int(len(peers))}


def similar_regencies(cross: pd.DataFrame, code: str, covariates=SIMILARITY_COVARIATES,
                      k: int = 5) -> pd.DataFrame:
    """The ``k`` regencies nearest to ``code`` on standardised covariates (Euclidean distance).

    Only covariates that ``code`` has are used, and only regencies complete on them compete.
    Ties are broken by BPS code so the list is stable.
    """
    row = _row(cross, code)
    used = [c for c in covariates if c in cross and _value(row, c) is not None]
    columns = ["bps_code", "name", "province_name", "distance", "stunting_survey_pct", "kbpp_coverage_pct"]
    if not used:
        return pd.DataFrame(columns=columns)
    pool, z = _standardised(cross, tuple(used))
    pool = pool.copy()
    target = z.loc[pool["bps_code"] == code].iloc[0]
    pool["distance"] = np.sqrt(((z - target) ** 2).sum(axis=1)).round(6)
    pool = pool.loc[pool["bps_code"] != code]
    pool = pool.sort_values(["distance", "bps_code"], kind="mergesort").head(k)
    for column in ("stunting_survey_pct", "kbpp_coverage_pct"):
        if column not in pool:
            pool[column] = np.nan
    return pool[columns].reset_index(drop=True)


_STANDARDISED: dict[tuple, tuple] = {}


def _standardised(cross: pd.DataFrame, used: tuple) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The regencies complete on ``used`` and their z-scores, made once per table and set of
    covariates (every regency page of a batch asks for the same)."""
    key = (id(cross), used)
    found = _STANDARDISED.get(key)
    if found is None or found[0] is not cross:
        pool = cross.loc[cross[list(used)].notna().all(axis=1)]
        values = pool[list(used)].astype(float)
        spread = values.std(ddof=0).replace(0.0, 1.0)  # a constant covariate cannot separate anyone
        found = (cross, pool, (values - values.mean()) / spread)
        if len(_STANDARDISED) > 8:
            _STANDARDISED.clear()
        _STANDARDISED[key] = found
    return found[1], found[2]


def model_position(predictions: pd.DataFrame | None, code: str) -> dict | None:
    """Observed vs expected for ``code`` and the share of others with a larger |residual|."""
    if predictions is None:
        return None
    rows = predictions.loc[predictions["bps_code"] == code]
    if rows.empty:
        return None
    row = rows.iloc[0]
    others = predictions.loc[(predictions["bps_code"] != code) & predictions["residual"].notna(), "residual"]
    larger = float((others.abs() > abs(row["residual"])).mean() * 100) if len(others) else None
    return {"observed": float(row["observed"]), "expected": float(row["expected"]),
            "residual": float(row["residual"]), "share_larger": larger}


# --------------------------------------------------------------------------------------
# Province and national facts


def weighted_mean(values: pd.Series, weights: pd.Series | None) -> tuple[float | None, int]:
    """Mean of ``values`` weighted by ``weights`` over the rows that have both, and how many
    rows that was; the plain mean (and 0) when no row has a weight."""
    ok = values.notna()
    if not ok.any():
        return None, 0
    if weights is not None:
        both = ok & weights.notna() & (weights.astype(float) > 0)
        if both.any():
            return float(np.average(values[both].astype(float), weights=weights[both].astype(float))), \
                int(both.sum())
    return float(values[ok].mean()), 0


def area_overview(cross: pd.DataFrame) -> dict:
    """Population-weighted stunting, pooled KBPP coverage and counts for a set of regencies."""
    weights = cross["population"] if "population" in cross else None
    stunting, n_weighted = (weighted_mean(cross["stunting_survey_pct"], weights)
                            if "stunting_survey_pct" in cross else (None, 0))
    kb = cross.loc[cross["deliveries"].notna() & cross["kbpp_total"].notna()] \
        if {"deliveries", "kbpp_total"} <= set(cross) else cross.iloc[0:0]
    deliveries = float(kb["deliveries"].sum()) if len(kb) else None
    coverage = float(100 * kb["kbpp_total"].sum() / deliveries) if deliveries else None
    years = kb["kbpp_year"].dropna().astype(int) if "kbpp_year" in kb else pd.Series(dtype=int)
    below = cross["stunting_survey_pct"] < STUNTING_TARGETS[0].pct if "stunting_survey_pct" in cross else []
    return {
        "n": int(len(cross)),
        "stunting": stunting,
        "n_weighted": n_weighted,
        "kbpp": coverage,
        "kbpp_n": int(len(kb)),  # regencies whose counts the pooled coverage adds up
        "kbpp_year": int(years.max()) if len(years) else None,
        "deliveries": deliveries,
        "n_below_2024_target": int(np.sum(below)),
    }


def province_table(cross: pd.DataFrame, province: str) -> pd.DataFrame:
    """The province's regencies with survey stunting and its rank within the province (their
    KBPP figures are in ``areas.planning_table``)."""
    rows = cross.loc[cross["province_bps"] == province].copy()
    rows["stunting_rank"] = rows["stunting_survey_pct"].rank(method="min").astype("Int64")
    columns = ["bps_code", "name", "stunting_survey_pct", "stunting_rank"]
    return rows[columns].sort_values("bps_code", kind="mergesort").reset_index(drop=True)


# --------------------------------------------------------------------------------------
# Model results (displayed, never refitted)


def exposure_terms(estimates: pd.DataFrame) -> list[str]:
    """Terms that carry the exposure's effect, whatever the exposure column is called (the
    results contract's ``is_exposure`` column, not a search of term names)."""
    return list(dict.fromkeys(results_contract.exposure_rows(estimates)["term"].astype(str)))


def model_comparison(estimates: pd.DataFrame | None) -> pd.DataFrame | None:
    """One exposure row per estimator, in the order ``fit`` wrote them.

    Where ``fit`` restated the effect per 10-point rise in coverage (percentage points of
    stunting), those rows are the comparison; sensitivity refits and raw log-odds
    coefficients (``*_coef``) are left to the model notebook.
    """
    if estimates is None:
        return None
    main = estimates.loc[~estimates["model"].str.startswith("sensitivity:")
                         & ~estimates["model"].str.endswith("_coef")]
    exposure = results_contract.exposure_rows(main)
    per_10 = exposure.loc[exposure["scale"].astype(str).eq(PER_10_POINTS)]
    return (per_10 if len(per_10) else exposure).reset_index(drop=True)


def is_per_10(comparison: pd.DataFrame) -> bool:
    return bool(len(comparison)) and comparison["scale"].astype(str).eq(PER_10_POINTS).all()


def sensitivity_summary(grid: pd.DataFrame) -> pd.DataFrame:
    """Per group of variants: how many fits and the range of the estimate."""
    # The same rule as the fit's own summary: statuses "ok" and "ok (...)" are fits.
    return results_contract.summary_table(grid)


def expected_effect(meta: dict | None) -> dict | None:
    """The literature's expected-effect range: the one ``fit`` used (``meta.json``), else
    ``kbanalysis.expected`` computed with its defaults; None when neither is there.

    Returns ``lower_pp``, ``upper_pp`` (pp of stunting per ``coverage_rise_pts`` rise in KBPP
    coverage) and ``scenarios`` (a frame: source, relative risk, assumed share, expected pp).
    """
    found = (meta or {}).get("expected_effect")
    if not isinstance(found, dict):
        try:
            from ..expected import expected_effect as compute
        except ImportError:
            return None
        found = compute().as_dict()
    try:
        return {"coverage_rise_pts": float(found["coverage_rise_pts"]),
                "lower_pp": float(found["lower_pp"]), "upper_pp": float(found["upper_pp"]),
                "scenarios": pd.DataFrame(found.get("scenarios") or [])}
    except (KeyError, TypeError, ValueError):
        return None


# --------------------------------------------------------------------------------------
# Simulated inputs and provenance


def has_simulated_kbpp(frame: pd.DataFrame) -> bool:
    """Whether any KBPP row of ``frame`` (analysis or cross-section rows) is measured "simulated"."""
    return "kbpp_measure_type" in frame and bool(frame["kbpp_measure_type"].eq("simulated").any())


def simulated_inputs(analysis: pd.DataFrame, meta: dict | None) -> list[str]:
    """Text keys naming each simulated input: KBPP rows measured "simulated", a model fitted on them."""
    found = []
    if has_simulated_kbpp(analysis):
        found.append("simulated_kbpp")
    if meta and any(bool(meta.get(k)) for k in ("simulated", "simulated_inputs")):
        found.append("simulated_model")
    return found


def real_kbpp_sources(analysis: pd.DataFrame, codes=None) -> list[str]:
    """The sources real (non-simulated) KBPP rows came from, in order; empty when none.

    ``codes``: only the rows of these regencies (a regency's or a province's page)."""
    if "kbpp_measure_type" not in analysis:
        return []
    rows = analysis if codes is None else analysis[analysis["bps_code"].isin(list(codes))]
    real = rows.loc[rows["kbpp_measure_type"].eq("administrative"), "kbpp_source"]
    # A source joins files, or a file and where its figures were printed ("file; Sumber: …,
    # page, address"): keep each one's own order, so the file comes before its citation.
    parts = [name.strip() for joined in sorted(set(real.dropna().astype(str)))
             for name in joined.split(";") if name.strip()]
    return list(dict.fromkeys(parts))


@functools.lru_cache(maxsize=1)
def _provenance_versions() -> dict[str, str]:
    """Installed versions do not change while a kernel runs: read the metadata once (each
    ``metadata.version`` scans site-packages and parses a METADATA file)."""
    return package_versions(PROVENANCE_PACKAGES, missing="absent")


def provenance(hashes: dict[str, str], parameters: dict, meta: dict | None) -> dict:
    """Input hashes, package versions, the report's parameters and the model run's identity."""
    meta = meta or {}
    model = {}
    spec = meta.get("specification")
    if isinstance(spec, dict):
        model["specification"] = (f"{spec.get('outcome')} ~ {spec.get('exposure')} + "
                                  f"{' + '.join(spec.get('covariates') or [])}; weights "
                                  f"{spec.get('weights')}; clusters {spec.get('cluster')}; "
                                  f"year {spec.get('year')}")
    data = meta.get("data")
    if isinstance(data, dict) and data.get("sha256"):
        model["data_sha256"] = str(data["sha256"])[:16]
    for key in ("main_model", "seed", "simulated"):
        if key in meta:
            model[key] = str(meta[key])
    return {"inputs": dict(sorted(hashes.items())), "versions": dict(_provenance_versions()),
            "parameters": dict(parameters), "model": model}


# --------------------------------------------------------------------------------------
# Regency page: targets with uncertainty, comparisons, trend points, model reach


TARGET_STATUSES = ("met", "not_met", "undecided")


def target_status(value, target: float, half_width: float = SURVEY_HALF_WIDTH_95) -> str | None:
    """"met" when the whole approximate band (value ± half_width) lies below ``target``,
    "not_met" when it lies above it, "undecided" when the band contains the target (edges
    included); None without a value. The one decision the regency pages and the national
    count share, so the two can never disagree."""
    if value is None or pd.isna(value):
        return None
    # rounded so that 10.0 + 4.0 is exactly 14.0 and counts as containing a 14 % target
    low, high = round(float(value) - half_width, 6), round(float(value) + half_width, 6)
    if high < target:
        return "met"
    if low > target:
        return "not_met"
    return "undecided"


def target_status_counts(values, target: float = STUNTING_TARGETS[0].pct,
                         half_width: float = SURVEY_HALF_WIDTH_95) -> dict:
    """How many of ``values`` are "met", "not_met", "undecided" against ``target`` (and how
    many have no value: "missing"), by :func:`target_status`."""
    counts = dict.fromkeys((*TARGET_STATUSES, "missing"), 0)
    for value in values:
        status = target_status(value, target, half_width)
        counts[status or "missing"] += 1
    return counts


def target_statuses(value, half_width: float = SURVEY_HALF_WIDTH_95,
                    targets=STUNTING_TARGETS) -> pd.DataFrame:
    """``target, year, target_pct, gap, status``: gap = value - target in points (> 0: above
    it); status by :func:`target_status` (None without a value)."""
    rows = []
    for target in targets:
        gap = None if value is None else round(float(value) - target.pct, 1)
        rows.append({"target": target.key, "year": target.year, "target_pct": target.pct,
                     "gap": gap, "status": target_status(value, target.pct, half_width)})
    return pd.DataFrame(rows)


def prevalence_class(value) -> str | None:
    """The WHO/UNICEF stunting prevalence class of ``value`` (%): "very_low" < 2.5 ≤ "low"
    < 10 ≤ "medium" < 20 ≤ "high" < 30 ≤ "very_high"; None without a value."""
    if value is None or pd.isna(value):
        return None
    for bound, name in zip(config.STUNTING_PREVALENCE_THRESHOLDS_PCT, config.STUNTING_PREVALENCE_CLASSES):
        if float(value) < bound:
            return name
    return config.STUNTING_PREVALENCE_CLASSES[-1]


def national_rank(cross: pd.DataFrame, code: str, column: str = "stunting_survey_pct",
                  ascending: bool = True) -> dict | None:
    """Rank of ``code`` on ``column`` among all regencies with a value (1 = lowest when
    ``ascending``); ties share the best rank. None when ``code`` has no value."""
    row = _row(cross, code)
    if _value(row, column) is None:
        return None
    peers = cross.loc[cross[column].notna()]
    ranks = peers[column].rank(method="min", ascending=ascending)
    return {"rank": int(ranks[peers["bps_code"] == code].iloc[0]), "n": int(len(peers))}


def round_count(value) -> int | None:
    """An estimated head count at the precision it deserves: nearest 100 from 1,000 up,
    else nearest 10 (half away from zero, so 1,250 -> 1,300 on every platform)."""
    if value is None or pd.isna(value):
        return None
    step = 100 if abs(value) >= 1000 else 10
    return int(math.floor(float(value) / step + 0.5) * step)


def stunted_children(cross: pd.DataFrame, code: str, half_width: float = SURVEY_HALF_WIDTH_95) -> dict | None:
    """Estimated number of stunted under-fives: survey prevalence × children aged 0-4, with
    the same product at the band's ends; rounded (:func:`round_count`). None without both.

    An estimate: the prevalence and the head count come from different tables and years."""
    row = _row(cross, code)
    value, children = _value(row, "stunting_survey_pct"), _value(row, "children_0_4")
    if value is None or children is None:
        return None
    low, high = max(0.0, value - half_width), min(100.0, value + half_width)
    return {"estimate": round_count(value * children / 100), "low": round_count(low * children / 100),
            "high": round_count(high * children / 100), "children": int(children),
            "prevalence_year": int(row["stunting_survey_pct_year"]),
            "children_year": int(row["children_0_4_year"])}


def survey_comparison(cross: pd.DataFrame, code: str, province_rows: pd.DataFrame) -> dict:
    """The regency's survey prevalence beside the official province figure and the national
    one of the same year (None where that year has none): never a mean of regencies."""
    from .official import province_value
    s = stunting_summary(cross, code)
    row = _row(cross, code)
    year = s["year"]
    return {"value": s["value"], "year": year,
            "province": None if year is None else province_value(
                province_rows, row["province_bps"], "stunting_survey_pct", year),
            "province_name": row["province_name"],
            "national": None if year is None else config.STUNTING_SURVEY_NATIONAL_PCT.get(year)}


def survey_trend(analysis: pd.DataFrame, code: str) -> pd.DataFrame:
    """Every survey year of the regency: ``year, value, secondary`` (secondary: quoted by a
    secondary source, flag ``secondary_source`` on ``stunting_survey_pct``)."""
    rows = _rows_of(analysis, code) if "stunting_survey_pct" in analysis else analysis.iloc[0:0]
    rows = rows.loc[rows["stunting_survey_pct"].notna()] if "stunting_survey_pct" in rows else rows
    secondary = [("stunting_survey_pct", "secondary_source") in parse_flags(f)
                 for f in rows["flags"].fillna("")] if "flags" in rows else [False] * len(rows)
    frame = pd.DataFrame({"year": rows["year"].astype(int).to_numpy(),
                          "value": rows["stunting_survey_pct"].astype(float).to_numpy(),
                          "secondary": pd.Series(secondary, dtype=bool).to_numpy()})
    return frame.sort_values("year", kind="mergesort").reset_index(drop=True)


def weighing_trend(analysis: pd.DataFrame, code: str) -> pd.DataFrame:
    """Every routine-weighing year of the regency: ``year, value`` (a different measure)."""
    if "stunting_weighing_pct" not in analysis:
        return pd.DataFrame({"year": pd.Series(dtype=int), "value": pd.Series(dtype=float)})
    rows = _rows_of(analysis, code)
    rows = rows.loc[rows["stunting_weighing_pct"].notna()]
    frame = pd.DataFrame({"year": rows["year"].astype(int).to_numpy(),
                          "value": rows["stunting_weighing_pct"].astype(float).to_numpy()})
    return frame.sort_values("year", kind="mergesort").reset_index(drop=True)


REGENCY_COVARIATES = ("poverty_pct", "births_outside_facility_pct", "first_birth_before_20_pct")


def regency_covariates(cross: pd.DataFrame, code: str, province_rows: pd.DataFrame,
                       columns=REGENCY_COVARIATES, analysis: pd.DataFrame | None = None) -> pd.DataFrame:
    """``indicator, year, value, province_value, flags``: the regency's latest covariate values,
    the official province figure of the same indicator and year where the data hold one, and
    the data-quality flags of each value (from ``analysis``; none without it)."""
    from .official import province_value
    row = _row(cross, code)
    rows = _rows_of(analysis, code) if analysis is not None else None
    records = []
    for name in columns:
        value = _value(row, name) if name in cross else None
        year = None if value is None else int(row[f"{name}_year"])
        records.append({"indicator": name, "year": year, "value": value,
                        "province_value": None if year is None else province_value(
                            province_rows, row["province_bps"], name, year),
                        "flags": [] if rows is None else _flags_for(rows, name, year)})
    return pd.DataFrame.from_records(records, columns=["indicator", "year", "value", "province_value", "flags"])


def model_scope(meta: dict | None, predictions: pd.DataFrame | None, cross: pd.DataFrame) -> dict | None:
    """Which regencies the fitted model rests on: ``n`` regencies in ``provinces`` (codes and
    names, from predictions.csv), the outcome and exposure years (from meta.json)."""
    if predictions is None or predictions.empty:
        return None
    design = (meta or {}).get("design") or {}
    pooled = pooled_scope(design)
    if pooled is not None:
        return {"n": pooled["n"], "provinces": pooled["provinces"], "province_names": pooled["province_names"],
                "outcome_year": design.get("outcome_year"), "exposure_year": pooled["exposure_year"]}
    members = cross.loc[cross["bps_code"].isin(predictions["bps_code"]), ["province_bps", "province_name"]]
    provinces = members.drop_duplicates().sort_values("province_bps", kind="mergesort")
    return {"n": int(predictions["bps_code"].nunique()),
            "provinces": list(provinces["province_bps"]), "province_names": list(provinces["province_name"]),
            "outcome_year": design.get("outcome_year"), "exposure_year": design.get("exposure_year")}


def pooled_scope(design: dict) -> dict | None:
    """A pooled model's scope (meta.json ``design.pooled``, regencies of several provinces or
    exposure years): every regency in the data (one alone in its province included), every
    province, and each province's KBPP year(s), e.g. "Jawa Tengah 2021; Nusa Tenggara Barat
    2023" in place of the one exposure year; None for a one-province, one-year model."""
    pooled = (design or {}).get("pooled")
    if not pooled:
        return None
    scope = pooled.get("scope") or []
    return {"n": int(pooled["regencies_in_data"]),
            "provinces": [p["province_bps"] for p in scope],
            "province_names": [p["province_name"] for p in scope],
            "exposure_year": "; ".join(f"{p['province_name']} {', '.join(map(str, p['exposure_years']))}"
                                       for p in scope)}


def model_exclusion(analysis: pd.DataFrame, meta: dict | None, predictions: pd.DataFrame | None,
                    code: str) -> dict | None:
    """Why ``code`` is outside the fitted model, or None when it is inside (or nothing was fitted).

    A regency absent from predictions.csv is outside; ``missing`` lists each model column it
    lacks in the year the model took that column from (meta.json ``design.column_years``).
    """
    if predictions is None or (predictions["bps_code"] == code).any():
        return None
    pooled = ((meta or {}).get("design") or {}).get("pooled") or {}
    if code in (pooled.get("absorbed") or []):  # in the data, alone in its province
        return {"missing": [], "absorbed": True}
    return {"missing": missing_model_columns(_rows_of(analysis, code), meta)}


def missing_model_columns(rows: pd.DataFrame, meta: dict | None) -> list[dict]:
    """``column, year`` of each model column that a regency's analysis ``rows`` have no value
    of in the year the model took that column from (meta.json ``design.column_years``); the
    one rule of the regency page and the national list of regencies outside the model."""
    return missing_model_columns_of(rows, meta, ["the regency"] if rows.empty else
                                    [rows["bps_code"].iloc[0]])[0]


def missing_model_columns_of(analysis: pd.DataFrame, meta: dict | None, codes) -> list[list[dict]]:
    """:func:`missing_model_columns` of each regency in ``codes`` at once (a code without
    rows misses every column)."""
    design = (meta or {}).get("design") or {}
    years = design.get("column_years") or {}
    # Pooled exposure: each regency its own year, any of those the model pooled.
    pooled = sorted(int(y) for y in ((design.get("pooled") or {}).get("exposure_years") or {}))
    exposure = ((meta or {}).get("exposure") or {}).get("column")
    codes = [str(c) for c in codes]
    missing: list[list[dict]] = [[] for _ in codes]
    for column, info in years.items():
        year = (info or {}).get("year")
        if year is None or column not in analysis:
            continue
        wanted = pooled if pooled and column == exposure else [int(year)]
        known = analysis["year"].isin(wanted) & analysis[column].notna()
        present = set(analysis.loc[known, "bps_code"].astype(str))
        for found, code in zip(missing, codes):
            if code not in present:
                found.append({"column": column, "year": int(year)})
    return missing


def relationship_summary(meta: dict | None, estimates: pd.DataFrame | None) -> dict | None:
    """The headline KBPP-stunting estimate per 10 points with its interval, the literature
    range and the minimum detectable effect, as ``fit`` wrote them; None without a model.

    Reads meta.json ``headline.adjusted`` (the main model, its interval from the bootstrap
    when there is one), the one record of the headline; ``estimates`` is not read (kept for
    the callers' signature)."""
    meta = meta or {}
    headline = results_contract.Headline.read(meta)
    head = None if headline is None else headline.adjusted
    found = None
    if head is not None and head.estimate is not None:
        found = {"model": head.model, "interval_model": head.interval_model or head.model,
                 "estimate": float(head.estimate),
                 "ci_low": float(head.ci_low), "ci_high": float(head.ci_high),
                 "mde": None if head.mde_pp is None else float(head.mde_pp)}
    if found is None:
        return None
    expected = expected_effect(meta)
    if expected is not None and expected["coverage_rise_pts"] == 10:
        found["expected_low"], found["expected_high"] = expected["lower_pp"], expected["upper_pp"]
        largest = max(abs(expected["lower_pp"]), abs(expected["upper_pp"]))
        found["detectable"] = None if found["mde"] is None else bool(found["mde"] <= largest)
    else:
        found["expected_low"] = found["expected_high"] = found["detectable"] = None
    return found


def national_survey_series() -> pd.DataFrame:
    """``year, value``: the national survey prevalence (SSGI 2021, 2022, SKI 2023, SSGI 2024)."""
    series = config.STUNTING_SURVEY_NATIONAL_PCT
    return pd.DataFrame({"year": list(series), "value": [float(v) for v in series.values()]})


# --------------------------------------------------------------------------------------
# Planning numbers: deliveries a year and the acceptors each 10 points of KBPP coverage mean

# Children aged 0-4 are five yearly birth cohorts, so one fifth of them approximates the
# births of a year. An underestimate of births by the children who died before the census
# date (under-five mortality), shifted either way by migration, and the head count (BPS 2025)
# is a year or more after the births it stands for: a planning order of magnitude, not a count.
BIRTH_COHORTS = 5
DELIVERY_STEP = 10  # estimated deliveries are shown to the nearest 10: no more precise than that
COVERAGE_STEP_PTS = 10  # the planning unit: acceptors for each 10 points of coverage


def round_half_up(value: float, step: int = 1) -> int:
    """``value`` to the nearest multiple of ``step``, halves away from zero (2.5 -> 3)."""
    scaled = abs(float(value)) / step
    return int(math.copysign(math.floor(scaled + 0.5) * step, value))


def deliveries_plan(row) -> dict | None:
    """The planning numbers of one regency row (a ``cross_section`` row or a dict): estimated
    deliveries a year (children 0-4 / 5, to the nearest 10) and a month, the office's own
    deliveries where its KBPP data gave them, and the acceptors a year and a month that each
    10 points of KBPP coverage mean (on the office's deliveries when given, else the estimate).
    None without children 0-4 and without office deliveries."""
    get = row.get if hasattr(row, "get") else (lambda k, d=None: getattr(row, k, d))

    def value(name):
        v = get(name, None)
        return None if v is None or pd.isna(v) else float(v)

    children, office = value("children_0_4"), value("deliveries")
    if str(get("kbpp_measure_type", "") or "") == "simulated":
        office = None  # the demonstration's deliveries are not an office's: never planned on
    if children is None and office is None:
        return None
    estimate = None if children is None else round_half_up(children / BIRTH_COHORTS, DELIVERY_STEP)
    basis = office if office is not None else estimate
    per_year = round_half_up(basis * COVERAGE_STEP_PTS / 100)
    coverage = value("kbpp_coverage_pct")
    # Where coverage is known: the acceptors it means on these deliveries, and, when fewer
    # than 10 points are left, the acceptors the rest of the way to 100 % mean.
    current = None if coverage is None else round_half_up(basis * coverage / 100)
    room = None if coverage is None or coverage + COVERAGE_STEP_PTS <= 100 else max(100 - coverage, 0.0)
    to_full = None if room is None else round_half_up(basis * room / 100)
    return {
        "children": None if children is None else int(children),
        "children_year": None if children is None else int(value("children_0_4_year")),
        "estimate": estimate,
        "estimate_month": None if estimate is None else round_half_up(estimate / 12),
        "office": None if office is None else int(office),
        "office_year": None if office is None or value("kbpp_year") is None else int(value("kbpp_year")),
        "basis": "office" if office is not None else "estimate",
        "per_10_year": per_year,
        "per_10_month": round_half_up(per_year / 12),
        "coverage": coverage,
        "coverage_year": None if coverage is None or value("kbpp_year") is None else int(value("kbpp_year")),
        "current_year": current,
        "current_month": None if current is None else round_half_up(current / 12),
        "room_pts": room,
        "to_full_year": to_full,
        "to_full_month": None if to_full is None else round_half_up(to_full / 12),
        # An office's count under half the BPS estimate: likely not every facility (a register
        # of one puskesmas), so the page says so next to numbers planned on it.
        "office_partial": office is not None and estimate is not None and office < PARTIAL_SHARE * estimate,
    }


PARTIAL_SHARE = 0.5


def regency_plan(cross: pd.DataFrame, code: str) -> dict | None:
    """:func:`deliveries_plan` of regency ``code``."""
    return deliveries_plan(_row(cross, code))


def own_target_statuses(value, data_year: int, targets=STUNTING_TARGETS) -> pd.DataFrame:
    """A province's or the nation's own published figure against each stunting target:
    ``target, year, target_pct, gap, status, ahead``. A figure has no published band here,
    so the point decides ("met" at or below the target, else "not_met"); ``ahead`` marks a
    target whose year is after the data year (shown as "menuju target <year>")."""
    rows = []
    for target in targets:
        gap = None if value is None else round(float(value) - target.pct, 1)
        status = None if gap is None else ("met" if gap <= 0 else "not_met")
        rows.append({"target": target.key, "year": target.year, "target_pct": target.pct,
                     "gap": gap, "status": status, "ahead": target.year > int(data_year)})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------
# Susenas 2022 province context (BPS Statistik Kesehatan 2022, quoted by Databoks)

SUSENAS_INDICATORS = ("postpartum_modern_method_pct", "kbpp_counselling_pct")
SUSENAS_YEAR = 2022
# The national lines of the same two quoted tables (raw susenas_provinsi files, level "nasional").
SUSENAS_NATIONAL_PCT = {"postpartum_modern_method_pct": config.SUSENAS_POSTPARTUM_MODERN_PCT,
                        "kbpp_counselling_pct": 78.16}


def susenas_context(province_rows: pd.DataFrame, province: str) -> dict:
    """The province's Susenas 2022 postpartum indicators (None where the quoted tables do
    not name it) beside the national figures, how many provinces each table names, and the
    address of the page each table was read from (``<name>_source_ref``, "" when unknown)."""
    from .official import province_value
    out = {"year": SUSENAS_YEAR}
    for name in SUSENAS_INDICATORS:
        rows = province_rows.loc[(province_rows["indicator"] == name) & (province_rows["year"] == SUSENAS_YEAR)]
        out[name] = province_value(province_rows, province, name, SUSENAS_YEAR)
        out[f"{name}_n"] = int(rows["province_bps"].nunique())
        out[f"{name}_national"] = SUSENAS_NATIONAL_PCT[name]
        # The province's own row names its page; a province the table omits gets the page that
        # omits it (every row of one quoted table names the same page).
        own = rows.loc[rows["province_bps"] == str(province)]
        refs = [r for r in (own if len(own) else rows).get("source_ref", pd.Series(dtype=str)).fillna("")
                if str(r).strip()]
        out[f"{name}_source_ref"] = str(refs[0]).strip() if refs else ""
    return out


# --------------------------------------------------------------------------------------
# Data-quality notes of everything a regency page shows

PAGE_COLUMNS = ("stunting_survey_pct", "stunting_weighing_pct", "poverty_pct", "births_outside_facility_pct",
                "first_birth_before_20_pct", "food_security_index", "sppg_per_100k", "population",
                "children_0_4", *PROGRAMME_INDICATORS)


def page_flags(analysis: pd.DataFrame, cross: pd.DataFrame, code: str, columns=PAGE_COLUMNS) -> list[tuple[str, str]]:
    """``(indicator, flag)`` of every flag carried by the values a regency page shows: each
    column's latest value (the year ``cross_section`` took it from) and the KBPP layer."""
    row = _row(cross, code)
    rows = _rows_of(analysis, code)
    found: list[tuple[str, str]] = []
    for column in columns:
        year = _value(row, f"{column}_year") if f"{column}_year" in cross else None
        found += [(column, f) for f in _flags_for(rows, column, year)]
    for flag in [f for f in str(row.get("kbpp_flags", "") or "").split(";") if f]:
        found.append(("kbpp_coverage_pct", flag))
    return list(dict.fromkeys(found))


# --------------------------------------------------------------------------------------
# Programme data: the counts behind the percentages, and the desa rows left out of them

# Which programme file each indicator of a regency page is computed from (sources/siga.py).
PROGRAMME_SOURCES = {"modern_cpr_pct": ("siga_pus", "siga_mix_kontra"), "unmet_need_pct": ("siga_pus",),
                     "long_acting_share_pct": ("siga_mix_kontra",), "kbpp_intention_pct": ("elsimil_bumil",)}


def programme_counts(monthly: pd.DataFrame | None, code: str, year: int, month: int | None) -> dict:
    """``indicator -> (numerator, denominator)`` of the programme percentages of ``code``, as
    the build summed them: SIGA's of that month (modern users / PUS, unmet need / PUS,
    long-acting / modern users) and Elsimil's year to date of that year (women at >= 32 weeks
    intending KBPP / women at >= 32 weeks)."""
    if monthly is None or not {"numerator", "denominator"} <= set(monthly.columns):
        return {}
    rows = monthly.loc[(monthly["bps_code"].astype(str) == str(code)) & (monthly["year"] == year)
                       & ((monthly["month"] == month).fillna(False) | monthly["month"].isna())
                       & monthly["numerator"].notna() & monthly["denominator"].notna()]
    return {r.indicator: (int(r.numerator), int(r.denominator)) for r in rows.itertuples(index=False)}


def _plain_name(name: str) -> str:
    for prefix in ("kabupaten ", "kab. ", "kab ", "kota "):
        if name.lower().startswith(prefix):
            name = name[len(prefix):]
    return " ".join(name.upper().split())


def _programme_rejects(rejects: pd.DataFrame, cross: pd.DataFrame, code: str) -> pd.DataFrame:
    """The programme files' ledger rows about regency ``code``, each with ``left_out``: the
    row is out of the sums (rejected whole, or ``not_derivable``: left out of a cross-file
    figure) rather than kept with a note on one of its cells. The ledger names a desa row by
    "REGENCY / KECAMATAN / DESA" as written in the file."""
    if rejects.empty:
        return rejects.assign(left_out=pd.Series(dtype=bool))
    name = _plain_name(str(_row(cross, code)["name"]))
    sources = {s for pair in PROGRAMME_SOURCES.values() for s in pair}
    rows = rejects.loc[rejects["source_id"].isin(sources)]
    place = rows["value"].astype(str).str.split(" / ").str[0].map(lambda v: " ".join(v.upper().split()))
    rows = rows.loc[place == name]
    column = rows["column"].fillna("").astype(str).str.strip()
    out = (column == "") | (rows["reason"] == "not_derivable")
    key = rows["source_id"].astype(str) + "\t" + rows["file"].astype(str) + "\t" + rows["row"].astype(str)
    whole = set(key[out])
    return rows.assign(left_out=key.isin(whole).to_numpy())


def programme_ledger_rows(rejects: pd.DataFrame, cross: pd.DataFrame, code: str, sources) -> pd.DataFrame:
    """The ledger rows of ``sources`` (programme files) about regency ``code``, each desa row
    once per cell noted: ``source_id, file, row, column, reason, detail, value, left_out``."""
    rows = _programme_rejects(rejects, cross, code)
    rows = rows.loc[rows["source_id"].isin(list(sources))]
    return rows[["source_id", "file", "row", "column", "reason", "detail", "value", "left_out"]] \
        .drop_duplicates().reset_index(drop=True)


def programme_exclusions(rejects: pd.DataFrame, cross: pd.DataFrame, code: str) -> dict:
    """``source_id -> (rows left out, reasons)``: desa rows of the programme files that the
    build set aside (rejects ledger) for regency ``code``; each ledger row counted once. A row
    kept with a note on a cell its figures do not use is not left out
    (:func:`programme_noted`)."""
    rows = _programme_rejects(rejects, cross, code)
    rows = rows.loc[rows["left_out"]].drop_duplicates(["source_id", "file", "row"])
    return {source: (int(len(group)), sorted(set(group["reason"])))
            for source, group in rows.groupby("source_id", sort=True)}


def programme_noted(rejects: pd.DataFrame, cross: pd.DataFrame, code: str) -> dict:
    """``source_id -> (rows, columns)``: desa rows of regency ``code`` that are in the sums
    although one of their cells disagrees with the other counts (a JUMLAH BUMIL below BUMIL
    TERDAMPINGI), with the cells noted; each row counted once."""
    rows = _programme_rejects(rejects, cross, code)
    rows = rows.loc[~rows["left_out"]].drop_duplicates(["source_id", "file", "row"])
    return {source: (int(len(group)), sorted(set(group["column"].astype(str))))
            for source, group in rows.groupby("source_id", sort=True)}
