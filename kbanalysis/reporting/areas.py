"""The facts of the province and national pages: pure functions returning frames/dicts.

A province's headline is its published figure (the official series read by
:mod:`.official`), never a mean of regency values; a regency mean, where a page shows one,
says how many regencies it uses. The planning table adds up: its total row is the sum of
the numbers printed above it, over the rows that have them. Model results are displayed as
``kbanalysis fit`` wrote them (``estimates.csv``, ``meta.json``, ``predictions.csv``).
"""
from __future__ import annotations

import pandas as pd

from .. import config
from . import content as C
from .sourcing import SURVEY_BY_YEAR

SURVEY = "stunting_survey_pct"
# Provinces formed in 2022 out of Papua (94) and Papua Barat (91). Their regencies keep the
# BPS 2020 code of the province they belonged to (9404 Nabire is in Papua Tengah, 96), and
# the official series has no figure of their own before 2023.
NEW_PAPUA_PROVINCES = {"92": "91", "95": "94", "96": "94", "97": "94"}
PAPUA_PROVINCES = ("91", "92", "94", "95", "96", "97")
# Published province KBPP coverage (printed beside the regency values), by province and year.
PUBLISHED_PROVINCE_KBPP_PCT = {"33": config.KBPP_JATENG_PCT}


def survey_name(year) -> str:
    """"SSGI 2024", "SKI 2023" ...: the survey that gave the official figure of ``year``
    (the same names as the source lines, :data:`.sourcing.SURVEY_BY_YEAR`)."""
    if year is None:
        return "–"
    return SURVEY_BY_YEAR.get(int(year), f"SSGI {int(year)}")


# --------------------------------------------------------------------------------------
# Official stunting: headline and trend


def series_years(rows: pd.DataFrame, indicator: str = SURVEY) -> list[int]:
    """The years of the official province series (all provinces together)."""
    years = rows.loc[rows["indicator"] == indicator, "year"].dropna().astype(int)
    return sorted(set(years))


def missing_reason(province: str, year: int, own_years: list[int]) -> str:
    """Why the official series has no figure for ``province`` in ``year``: "formed_2022" (a
    new Papua province, before its first own figure) or "not_kept" (none published, or the
    published value is a known defect set aside in the rejects ledger)."""
    if province in NEW_PAPUA_PROVINCES and (not own_years or year < min(own_years)):
        return "formed_2022"
    return "not_kept"


def province_headline(rows: pd.DataFrame, province: str, year: int | None = None) -> dict:
    """The official stunting figure of ``province`` in ``year`` (default: the series' latest
    year), with its flags; when it is missing, ``value`` is None, ``reason`` says why and
    ``latest_year``/``latest_value`` give the last year that has one (or None)."""
    years = series_years(rows)
    year = int(year) if year is not None else (years[-1] if years else None)
    own = trend_points(rows, province)
    have = own.loc[own["value"].notna()]
    found = own.loc[own["year"] == year] if year is not None else own.iloc[0:0]
    value = None if found.empty or pd.isna(found["value"].iloc[0]) else float(found["value"].iloc[0])
    out = {"year": year, "value": value, "flags": [] if value is None else found["flags"].iloc[0],
           "reason": None, "latest_year": None, "latest_value": None}
    if value is None and year is not None:
        out["reason"] = missing_reason(province, year, list(have["year"]))
        before = have.loc[have["year"] < year]
        if len(before):
            out["latest_year"] = int(before["year"].iloc[-1])
            out["latest_value"] = float(before["value"].iloc[-1])
    return out


def trend_points(rows: pd.DataFrame, province: str, indicator: str = SURVEY) -> pd.DataFrame:
    """``year, value, flags, reason``: one row per year of the official series; value NaN
    (and a reason) where the province has no kept figure that year."""
    own = rows.loc[(rows["province_bps"] == str(province)) & (rows["indicator"] == indicator)]
    by_year = {int(r.year): (float(r.value), [f for f in str(r.flags or "").split(";") if f])
               for r in own.itertuples(index=False)}
    own_years = sorted(by_year)
    records = []
    for year in series_years(rows, indicator):
        value, flags = by_year.get(year, (float("nan"), []))
        records.append({"year": year, "value": value, "flags": flags,
                        "reason": None if year in by_year else missing_reason(str(province), year, own_years)})
    return pd.DataFrame.from_records(records, columns=["year", "value", "flags", "reason"])


def regency_mean(members: pd.DataFrame, year: int | None) -> dict:
    """The population-weighted mean of the regencies' survey stunting in ``year``, labelled
    with how many of the ``n`` regencies it uses (``n_used``) and how many had a weight."""
    n = int(len(members))
    if year is None or SURVEY not in members or f"{SURVEY}_year" not in members:
        return {"value": None, "n_used": 0, "n": n, "n_weighted": 0, "year": year}
    used = members.loc[members[SURVEY].notna() & (members[f"{SURVEY}_year"] == year)]
    weights = used["population"] if "population" in used else None
    value, n_weighted = C.weighted_mean(used[SURVEY], weights)
    return {"value": value, "n_used": int(len(used)), "n": n, "n_weighted": n_weighted, "year": year}


def national_headline(year: int | None = None) -> dict:
    """The published national survey prevalence of ``year`` (default: the latest)."""
    series = config.STUNTING_SURVEY_NATIONAL_PCT
    year = int(year) if year is not None else max(series)
    return {"year": year, "value": series.get(year)}


def national_province_table(cross: pd.DataFrame, provinces: pd.DataFrame, rows: pd.DataFrame,
                            year: int | None = None) -> pd.DataFrame:
    """One row per province: the official figure of ``year`` (NaN where not available, with
    ``reason``), the labelled regency mean and how many regencies it uses, pooled KBPP, and
    the province planning totals (its page's total row: deliveries a year, acceptors per +10
    points a year and a month)."""
    years = series_years(rows)
    year = int(year) if year is not None else (years[-1] if years else None)
    records = []
    for prov in provinces.sort_values("province_bps").itertuples(index=False):
        members = cross.loc[cross["province_bps"] == prov.province_bps]
        if members.empty:
            continue
        head = province_headline(rows, prov.province_bps, year)
        mean = regency_mean(members, year)
        overview = C.area_overview(members)
        kbpp_year = members["kbpp_year"].max() if "kbpp_year" in members else None
        published = published_province_kbpp(prov.province_bps, kbpp_year)
        plan = deliveries_total(deliveries_table(cross, prov.province_bps))
        records.append({"province_bps": prov.province_bps, "province_name": prov.province_name,
                        "n": mean["n"], "official": head["value"], "reason": head["reason"],
                        "regency_mean": mean["value"], "n_used": mean["n_used"],
                        "kbpp": overview["kbpp"], "deliveries": overview["deliveries"],
                        "kbpp_year": overview["kbpp_year"], "kbpp_n": overview["kbpp_n"],
                        "kbpp_published": published, "births_estimate": plan["estimate"],
                        "births_month": plan["estimate_month"],
                        "per_10_year": plan["per_10_year"], "per_10_month": plan["per_10_month"],
                        "kbpp_published_year": None if published is None else int(kbpp_year),
                        "kbpp_simulated": overview["kbpp"] is not None and C.has_simulated_kbpp(members)})
    return pd.DataFrame.from_records(records, columns=[
        "province_bps", "province_name", "n", "official", "reason", "regency_mean", "n_used",
        "kbpp", "deliveries", "kbpp_published", "births_estimate", "births_month", "per_10_year", "per_10_month",
        "kbpp_published_year", "kbpp_simulated", "kbpp_year", "kbpp_n"])


# --------------------------------------------------------------------------------------
# Planning table (KBPP per regency, gap to the target, method mix)

PLANNING_COLUMNS = ["bps_code", "name", "basis", "kbpp_year", "acceptors", "deliveries",
                    "coverage", "long_acting_share_pct",
                    "long_acting_year", "simulated"]


def planning_table(cross: pd.DataFrame, province: str) -> pd.DataFrame:
    """Per regency of ``province``: KBPP acceptors and deliveries where known, coverage and
    the long-acting share of the method mix where known (no KBPP target: none with a citable
    document is in the project's sources; the acceptors per 10 points are in
    :func:`deliveries_table`). ``basis``: "counts" (acceptors and deliveries known),
    "coverage" (a published coverage only) or "none" (no KBPP figure)."""
    members = cross.loc[cross["province_bps"] == province].sort_values("bps_code", kind="mergesort")

    def col(name):
        return members[name] if name in members else pd.Series(float("nan"), index=members.index)

    coverage, deliveries, acceptors = col("kbpp_coverage_pct"), col("deliveries"), col("kbpp_total")
    counts = deliveries.notna() & acceptors.notna()
    table = pd.DataFrame({
        "bps_code": members["bps_code"], "name": members["name"],
        "basis": ["counts" if c else ("coverage" if pd.notna(v) else "none")
                  for c, v in zip(counts, coverage)],
        "kbpp_year": col("kbpp_year"),
        "acceptors": acceptors.where(counts), "deliveries": deliveries.where(counts),
        "coverage": coverage,
        "long_acting_share_pct": col("long_acting_share_pct"),
        "long_acting_year": col("long_acting_share_pct_year"),
        # the demonstration's KBPP layer: every figure from it is labelled simulated
        "simulated": (members["kbpp_measure_type"].eq("simulated") if "kbpp_measure_type" in members
                      else pd.Series(False, index=members.index)) & coverage.notna(),
    })
    return table[PLANNING_COLUMNS].reset_index(drop=True)


def planning_total(table: pd.DataFrame) -> dict:
    """The total row: acceptors and deliveries summed over the rows that print them (``n_counts`` of ``n``), and the coverage those sums give; how many rows have
    a published coverage only (``n_coverage``) or no KBPP figure (``n_none``)."""
    counted = table.loc[table["basis"] == "counts"]
    acceptors = float(counted["acceptors"].sum()) if len(counted) else None
    deliveries = float(counted["deliveries"].sum()) if len(counted) else None
    return {
        "n": int(len(table)), "n_counts": int(len(counted)),
        "n_coverage": int((table["basis"] == "coverage").sum()),
        "n_none": int((table["basis"] == "none").sum()),
        "acceptors": acceptors, "deliveries": deliveries,
        "coverage": (100.0 * acceptors / deliveries) if deliveries else None,
        "n_long_acting": int(table["long_acting_share_pct"].notna().sum()),
        "simulated": bool(table["simulated"].any()),
    }


def published_province_kbpp(province: str, year) -> float | None:
    """The province's own published KBPP coverage for ``year`` (Profil Kesehatan), or None."""
    if year is None or pd.isna(year):
        return None
    return PUBLISHED_PROVINCE_KBPP_PCT.get(str(province), {}).get(int(year))


# --------------------------------------------------------------------------------------
# Programme data by month (BKKBN SIGA)

MONTHLY_INDICATORS = ("modern_cpr_pct", "unmet_need_pct", "long_acting_share_pct")


def programme_months(monthly: pd.DataFrame | None, codes) -> pd.DataFrame:
    """``bps_code, year, month, indicator, value`` of the SIGA indicators of ``codes`` by
    month (empty when the data hold none)."""
    columns = ["bps_code", "year", "month", "indicator", "value"]
    if monthly is None or not set(columns) <= set(monthly.columns):
        return pd.DataFrame(columns=columns)
    rows = monthly.loc[monthly["bps_code"].astype(str).isin([str(c) for c in codes])
                       & monthly["indicator"].isin(MONTHLY_INDICATORS) & monthly["value"].notna(),
                       columns].copy()
    rows["bps_code"] = rows["bps_code"].astype(str)
    rows[["year", "month"]] = rows[["year", "month"]].astype(int)
    order = {name: i for i, name in enumerate(MONTHLY_INDICATORS)}
    rows = rows.assign(_order=rows["indicator"].map(order)).sort_values(
        ["_order", "bps_code", "year", "month"], kind="mergesort")
    return rows.drop(columns="_order").reset_index(drop=True)


def programme_wide(months: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """One row per regency, one column per (year, month) of ``indicator``."""
    rows = months.loc[months["indicator"] == indicator]
    wide = rows.pivot_table(index="bps_code", columns=["year", "month"], values="value", aggfunc="first")
    return wide.sort_index(axis=0).sort_index(axis=1)


# --------------------------------------------------------------------------------------
# Model section: scope, the main model, power, researcher tables


def main_models(meta: dict | None) -> set[str]:
    """The main model and the model that gives its headline interval (e.g. its bootstrap)."""
    from ..results_contract import Headline

    meta = meta or {}
    found = {meta.get("main_model")}
    headline = Headline.read(meta)
    adjusted = None if headline is None else headline.adjusted
    if adjusted is not None:
        found |= {adjusted.model, adjusted.interval_model}
    return {m for m in found if m}


def power_summary(meta: dict | None) -> dict | None:
    """The minimum detectable effect (pp per ``per_points``) of the main model next to the
    literature range, and whether the design could detect an effect of that size."""
    from ..results_contract import Headline, Power

    meta = meta or {}
    record = Power.read(meta)
    design = record.adjusted if record is not None else None
    head = Headline.read(meta)
    mde = (design.mde_pp if design is not None else
           head.adjusted.mde_pp if head is not None and head.adjusted is not None else None)
    expected = C.expected_effect(meta)
    if mde is None or expected is None:
        return None
    largest = max(abs(expected["lower_pp"]), abs(expected["upper_pp"]))

    def given(name, default):
        value = None if design is None else getattr(design, name)
        return float(default if value is None else value)
    return {"mde_pp": float(mde), "per_points": given("per_points", 10.0),
            "power": given("power", 0.8), "alpha": given("alpha", 0.05),
            "lower_pp": expected["lower_pp"], "upper_pp": expected["upper_pp"],
            "detectable": float(mde) <= largest}


def covariate_table(estimates: pd.DataFrame | None, meta: dict | None) -> pd.DataFrame | None:
    """The main model's coefficients other than the exposure (covariates and intercept),
    as ``fit`` wrote them (pp of stunting per unit of the covariate)."""
    main = (meta or {}).get("main_model")
    if estimates is None or not main:
        return None
    rows = estimates.loc[estimates["model"] == main]
    exposure = set(C.exposure_terms(rows))
    rows = rows.loc[~rows["term"].isin(exposure)]
    return rows[["term", "estimate", "std_error", "ci_low", "ci_high", "p_value"]].reset_index(drop=True)


def fit_r2(predictions: pd.DataFrame | None) -> dict | None:
    """R² of the main model's expected values against the observed ones (unweighted), from
    ``predictions.csv``: 1 - Σ residual² / Σ (observed - mean)²."""
    if predictions is None:
        return None
    rows = predictions.loc[predictions["observed"].notna() & predictions["expected"].notna()]
    if len(rows) < 3:
        return None
    observed = rows["observed"].astype(float)
    total = float(((observed - observed.mean()) ** 2).sum())
    if total == 0:
        return None
    residual = float(((observed - rows["expected"].astype(float)) ** 2).sum())
    return {"r2": 1.0 - residual / total, "n": int(len(rows))}


SPATIAL_TESTS = ("moran", "lm_error", "lm_lag", "rlm_error", "rlm_lag", "lm_sarma")


def spatial_table(meta: dict | None) -> pd.DataFrame:
    """``test, statistic, p_value`` of the residual spatial diagnostics ``fit`` recorded."""
    from ..results_contract import Spatial

    spatial = Spatial.read(meta)
    found = {} if spatial is None else {key: spatial.test(key) for key in SPATIAL_TESTS}
    records = [{"test": key, "statistic": value[0], "p_value": value[1]}
               for key, value in found.items() if value is not None]
    return pd.DataFrame.from_records(records, columns=["test", "statistic", "p_value"])


def excluded_regencies(analysis: pd.DataFrame, cross: pd.DataFrame, meta: dict | None,
                       predictions: pd.DataFrame | None) -> pd.DataFrame:
    """Regencies outside the model and why: the model's columns (outcome, exposure,
    covariates, weights) each regency lacks in the year ``fit`` took that column from
    (:func:`.content.missing_model_columns`, the rule of the regency page)."""
    columns = ["bps_code", "name", "province_bps", "province_name", "missing"]
    if predictions is None:
        return pd.DataFrame(columns=columns)
    inside = set(predictions["bps_code"].astype(str))
    out = cross.loc[~cross["bps_code"].isin(inside), ["bps_code", "name", "province_bps", "province_name"]].copy()
    out["missing"] = ["; ".join(f"{m['column']} {m['year']}" for m in found)
                      for found in C.missing_model_columns_of(analysis, meta, out["bps_code"])]
    return out[columns].sort_values("bps_code", kind="mergesort").reset_index(drop=True)


def exclusion_reasons(excluded: pd.DataFrame) -> pd.DataFrame:
    """``missing, n``: how many regencies are outside the model for each reason."""
    if excluded.empty:
        return pd.DataFrame(columns=["missing", "n"])
    counts = excluded.groupby("missing", sort=True).size().reset_index(name="n")
    return counts.sort_values(["n", "missing"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def rows_missing(meta: dict | None) -> pd.DataFrame:
    """``column, missing``: rows of the outcome year each model column lacks (``fit``'s count)."""
    found = (((meta or {}).get("data") or {}).get("rows_missing_by_column")) or {}
    return pd.DataFrame({"column": list(found), "missing": [int(v) for v in found.values()]})


def sensitivity_table(estimates: pd.DataFrame | None, meta: dict | None) -> pd.DataFrame | None:
    """The sensitivity refits per 10-point rise in coverage, as ``fit`` wrote them in
    ``estimates.csv`` (``sensitivity:<variant>`` rows), with each variant's group and
    description from ``meta.json``."""
    if estimates is None:
        return None
    rows = estimates.loc[estimates["model"].str.startswith("sensitivity:")
                         & estimates["scale"].astype(str).eq(C.PER_10_POINTS)]
    if rows.empty:
        return None
    grid = {str(r.get("variant")): r for r in ((meta or {}).get("sensitivity") or []) if isinstance(r, dict)}
    variant = rows["model"].str.removeprefix("sensitivity:")
    return pd.DataFrame({
        "variant": variant.to_numpy(),
        "group": [grid.get(v, {}).get("group", "") for v in variant],
        "description": [grid.get(v, {}).get("description", v) for v in variant],
        "estimate": rows["estimate"].to_numpy(), "ci_low": rows["ci_low"].to_numpy(),
        "ci_high": rows["ci_high"].to_numpy(), "p_value": rows["p_value"].to_numpy(),
        "n_obs": rows["n_obs"].to_numpy(),
    })


# --------------------------------------------------------------------------------------
# Deliveries and the acceptors each 10 points of KBPP coverage mean, per regency

DELIVERY_COLUMNS = ["bps_code", "name", "children", "children_year", "estimate", "estimate_month",
                    "office", "office_year", "per_10_year", "per_10_month"]


def deliveries_table(cross: pd.DataFrame, province: str) -> pd.DataFrame:
    """Per regency of ``province``: :func:`.content.deliveries_plan` (children 0-4, estimated
    deliveries a year and a month, the office's own deliveries, acceptors per 10 points of
    coverage a year and a month); integers, missing as None."""
    members = cross.loc[cross["province_bps"] == province].sort_values("bps_code", kind="mergesort")
    records = []
    for row in members.to_dict("records"):
        plan = C.deliveries_plan(row) or {}
        records.append({"bps_code": row["bps_code"], "name": row["name"],
                        **{c: plan.get(c) for c in DELIVERY_COLUMNS[2:]}})
    return pd.DataFrame.from_records(records, columns=DELIVERY_COLUMNS)


def deliveries_total(table: pd.DataFrame) -> dict:
    """The total row: each column is the sum of the (already rounded) numbers printed in its
    rows, so the table adds up; ``n_*`` say over how many of the ``n`` rows."""
    def total(column):
        values = pd.to_numeric(table[column], errors="coerce").dropna()
        return (int(values.sum()) if len(values) else None), int(len(values))

    out = {"n": int(len(table))}
    for column in ("children", "estimate", "estimate_month", "office", "per_10_year", "per_10_month"):
        out[column], out[f"n_{column}"] = total(column)
    years = pd.to_numeric(table["children_year"], errors="coerce").dropna()
    out["children_year"] = int(years.max()) if len(years) else None
    return out
