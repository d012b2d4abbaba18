"""The sensitivity grid: the main linear model refitted on other data and specifications.

Variants (group -> what changes):

* ``leave_one_province_out``: every province dropped in turn (does one province drive it?);
* ``data``: for each flag carried by a model variable (``indicator:flag`` in ``flags``), the
  rows with that flag dropped; and all rows with any such flag dropped (no reader marks
  small-area estimates, so there is no variant for them);
* ``weights``: no weights, children 0-4, population, deliveries;
* ``covariates``: none, each covariate left out in turn, each extra covariate added, and the
  urban indicator (kota vs kabupaten, from the BPS code: kota have lower KBPP coverage and
  lower stunting);
* ``timing``: without the covariates measured after the exposure year (they may lie on the
  path from KBPP to stunting), alone and with the urban indicator (which does not change).

Every variant is fitted on the main run's cross-section (outcome and exposure years and the
other columns' years as chosen there) with the main run's kind of inference (CR1 by
province, or HC3). ``status`` says what happened, in three kinds:

* ``"ok"`` / ``"ok (...)"``: fitted (:func:`kbanalysis.results_contract.fitted_variants`, the one
  rule every summary uses);
* ``"not applicable: <reason>"``: the variant's data do not exist here (a flag on every used
  row, a weight or covariate column without values among them): listed once, never fitted
  and never shown as a result;
* ``"not estimable: <reason>"``: its data exist but cannot support the fit (e.g. fewer than
  10 rows left).
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..results_contract import FITTED, NOT_APPLICABLE, NOT_ESTIMABLE
from .errors import SpecificationError
from .linear import fit_linear
from .spec import (
    EXTRA_COVARIATES,
    WEIGHT_OPTIONS,
    ModelData,
    Spec,
    prepare,
    prepare_aligned,
)
from .threads import single_threaded
from .timing import parse_flags

__all__ = ["SENSITIVITY_COLUMNS", "Variant", "fit_variant", "sensitivity_grid", "variants"]

URBAN = "urban_kota"  # 1 for a kota (BPS code 71-99 within the province), 0 for a kabupaten
SENSITIVITY_COLUMNS = ["variant", "group", "description", "estimate", "std_error", "ci_low",
                       "ci_high", "p_value", "n_obs", "n_clusters", "status"]


@dataclass(frozen=True)
class Variant:
    name: str
    group: str
    description: str
    spec: Spec
    rows: pd.Series | None = None  # boolean mask over the table; None = all rows
    not_applicable: str = ""  # why the variant's data do not exist here ("" = they do)


def flag_items(flags: pd.Series) -> list[list[tuple[str, str]]]:
    """Each row's ``indicator:flag`` items as (indicator, flag) pairs (:func:`.parse_flags`)."""
    return [parse_flags(text) for text in flags]


def flagged_rows(table: pd.DataFrame, columns) -> pd.Series:
    """True where any flag concerns one of ``columns`` (or names no indicator)."""
    columns = set(columns) | {""}
    items = flag_items(table["flags"])
    return pd.Series([any(ind in columns for ind, _ in row) for row in items], index=table.index)


def has_flag(table: pd.DataFrame, indicator: str, flag: str) -> pd.Series:
    """True where ``indicator`` carries ``flag``."""
    items = flag_items(table["flags"])
    return pd.Series([(indicator, flag) in row for row in items], index=table.index)


def variants(table: pd.DataFrame, spec: Spec, data: ModelData,
             extra_covariates=EXTRA_COVARIATES) -> list[Variant]:
    """The grid for ``spec`` (whose year is already resolved) on ``table``."""
    out = [Variant("main", "main", "the main specification", spec)]
    provinces = sorted(pd.unique(data.frame["province_bps"].astype(str))) \
        if "province_bps" in data.frame.columns else []
    if len(provinces) >= 3:
        names = (data.frame.drop_duplicates("province_bps").set_index("province_bps")
                 ["province_name"].astype(str).to_dict()
                 if "province_name" in data.frame.columns else {})
        for code in provinces:
            out.append(Variant(f"leave_out_province_{code}", "leave_one_province_out",
                               f"without province {code} {names.get(code, '')}".rstrip(), spec,
                               table["province_bps"].astype(str) != code))
    used_rows = table["bps_code"].isin(set(data.frame["bps_code"])) \
        if "bps_code" in table.columns else pd.Series(True, index=table.index)
    if "flags" in table.columns:
        used = [spec.outcome, spec.exposure, *spec.covariates]
        pairs = sorted({(ind, flag) for row in flag_items(table["flags"]) for ind, flag in row
                        if ind in used})
        for indicator, flag in pairs:
            keep = ~has_flag(table, indicator, flag)
            out.append(Variant(f"drop_flag_{indicator}_{flag}", "data",
                               f"without rows where {indicator} is flagged {flag!r}", spec,
                               keep, _all_dropped(keep, used_rows, f"{indicator} is flagged "
                                                  f"{flag!r}")))
        if len(pairs) > 1:
            keep = ~flagged_rows(table, used)
            out.append(Variant("drop_flagged", "data",
                               "without rows with any flag on a model variable", spec, keep,
                               _all_dropped(keep, used_rows, "a model variable is flagged")))
    for weights in WEIGHT_OPTIONS:
        if weights != spec.weights and (weights is None or weights in table.columns):
            out.append(Variant(f"weights_{weights or 'none'}", "weights",
                               f"weights: {weights or 'none (OLS)'}", spec.with_(weights=weights),
                               not_applicable="" if weights is None else
                               _no_values(table, weights, used_rows)))
    if spec.covariates:
        out.append(Variant("covariates_none", "covariates", "no covariates",
                           spec.with_(covariates=())))
    if len(spec.covariates) > 1:
        for c in spec.covariates:
            out.append(Variant(f"covariates_without_{c}", "covariates", f"without {c}",
                               spec.with_(covariates=tuple(x for x in spec.covariates if x != c))))
    for c in extra_covariates:
        if c in table.columns and c not in spec.covariates:
            out.append(Variant(f"covariates_add_{c}", "covariates", f"adding {c}",
                               spec.with_(covariates=(*spec.covariates, c)),
                               not_applicable=_no_values(table, c, used_rows)))
    if URBAN in table.columns and URBAN not in spec.covariates:
        out.append(Variant(f"covariates_add_{URBAN}", "covariates",
                           "adding the urban indicator (kota vs kabupaten)",
                           spec.with_(covariates=(*spec.covariates, URBAN))))
    post = post_exposure_covariates(spec, data)
    if post:
        before = tuple(c for c in spec.covariates if c not in post)
        out.append(Variant("timing_pre_exposure_only", "timing",
                           f"without covariates measured after the exposure year "
                           f"{spec.exposure_year} ({', '.join(post)})",
                           spec.with_(covariates=before)))
        if URBAN in table.columns:
            out.append(Variant(f"timing_pre_exposure_add_{URBAN}", "timing",
                               "without post-exposure covariates, with the urban indicator",
                               spec.with_(covariates=(*before, URBAN))))
    return out


def post_exposure_covariates(spec: Spec, data: ModelData) -> list[str]:
    """The covariates whose values come from a year after the exposure year."""
    years = data.column_years
    return [c for c in spec.covariates
            if c in years and years[c].year is not None and spec.exposure_year is not None
            and years[c].year > spec.exposure_year]


def urban_indicator(codes: pd.Series) -> pd.Series:
    """1.0 for a kota (the regency part of the BPS code is 71 or above), else 0.0."""
    part = pd.to_numeric(codes.astype(str).str[2:4], errors="coerce")
    return (part >= 71).astype(float).where(part.notna())


def _all_dropped(keep: pd.Series, used_rows: pd.Series, what: str) -> str:
    """Why a row filter is not applicable: it removes every row the main model used, or
    none of them (a refit on the same sample is no sensitivity check)."""
    n_used = int(used_rows.sum())
    if n_used and not (keep & used_rows).any():
        return f"{NOT_APPLICABLE}: {what} in all {n_used} rows the main model uses"
    if (keep | ~used_rows).all():
        return f"{NOT_APPLICABLE}: {what} in none of the {n_used} rows the main model uses"
    return ""


def _no_values(table: pd.DataFrame, column: str, used_rows: pd.Series) -> str:
    """The reason a weight or covariate is not applicable: no values in the rows used."""
    values = pd.to_numeric(table.loc[used_rows, column], errors="coerce")
    if values.notna().any():
        return ""
    return (f"{NOT_APPLICABLE}: {column} has no values in the {int(used_rows.sum())} rows the "
            f"main model uses")


def fit_variant(table: pd.DataFrame, variant: Variant, main_n: int | None = None,
                hc3: bool = False) -> dict:
    """Fit one variant on the cross-section ``table`` (one row per regency)."""
    row = {"variant": variant.name, "group": variant.group, "description": variant.description}
    if variant.not_applicable:
        return {**row, "status": variant.not_applicable}
    rows = table if variant.rows is None else table.loc[variant.rows.to_numpy()]
    if rows.empty:
        return {**row, "status": f"{NOT_ESTIMABLE}: the variant removes every row"}
    spec = variant.spec.with_(cluster="regency") if hc3 else variant.spec
    if not hc3 and spec.cluster == "auto":
        # Keep the main run's cluster-robust inference: a variant left with fewer than 10
        # provinces is not estimable, rather than silently switched to HC3.
        spec = spec.with_(cluster="province")
    try:
        data = prepare_aligned(rows, spec)
    except SpecificationError as error:  # the grid's statuses are English, as the rest
        return {**row, "status": f"{NOT_ESTIMABLE}: {error.message}"}
    fit = fit_linear(data.X, data.y, data.names, weights=data.weights, clusters=data.clusters,
                     vcov_type="HC3" if data.hc3 else "CR1")
    # The exposure's numbers straight from the arrays (a terms() frame per variant is slow).
    j = data.exposure_index
    ci_low, ci_high = fit.conf_int()[j]
    status = FITTED
    if variant.rows is not None and main_n is not None and data.n_obs == main_n:
        status = f"{FITTED} (no rows removed: same sample as main)"
    return {**row, "estimate": float(fit.params[j]), "std_error": float(fit.bse[j]),
            "ci_low": float(ci_low), "ci_high": float(ci_high),
            "p_value": float(fit.pvalues[j]),
            "n_obs": data.n_obs, "n_clusters": data.n_clusters, "status": status}


@single_threaded
def sensitivity_grid(table: pd.DataFrame, spec: Spec, data: ModelData | None = None,
                     extra_covariates=EXTRA_COVARIATES) -> pd.DataFrame:
    """One row per variant: the exposure's estimate with the main run's inference (CR1 or
    HC3), or why not."""
    data = data or prepare(table, spec)
    spec = data.spec
    cross_section = data.aligned if data.aligned is not None else table
    if "bps_code" in cross_section.columns and URBAN not in cross_section.columns:
        cross_section = cross_section.assign(**{URBAN: urban_indicator(
            cross_section["bps_code"])})
    rows = [fit_variant(cross_section, v, data.n_obs, hc3=data.hc3)
            for v in variants(cross_section, spec, data, extra_covariates)]
    frame = pd.DataFrame(rows).reindex(columns=SENSITIVITY_COLUMNS)
    frame["n_obs"] = frame["n_obs"].astype("Int64")
    frame["n_clusters"] = frame["n_clusters"].astype("Int64")
    return frame
