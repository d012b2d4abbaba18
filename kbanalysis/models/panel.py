"""Two-way fixed-effects panel with lagged exposure, where several years of the outcome exist.

``y_it = a_i + d_t + beta * x_i,t-lag + gamma' z_it + e_it``: regency effects ``a_i`` remove
everything about a regency that does not change over time (including time-invariant
confounders), year effects ``d_t`` remove shocks common to all regencies. Coverage enters with
a lag because a birth interval lengthened by KBPP can only change the growth of children born
later. The regency effects are removed by the (weighted) within transformation, which gives
exactly the dummy-variable estimates (Frisch-Waugh-Lovell) also for unbalanced panels; year
effects are dummies. Regencies seen once carry no within information and are dropped.

Clustering: by province when the panel covers at least 10 provinces; otherwise (e.g. the
Jawa Barat routine-weighing series: one province, 27 regencies) by regency, and the results
say so — province-wide shocks are then only absorbed by the year effects, and 27 clusters
call for the wild bootstrap, which is reported alongside. The regency effects are nested in
the clusters, so they are not counted in the CR1 small-sample factor (as in reghdfe).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..messages import msg
from .bootstrap import WildBootstrapResult, wild_cluster_bootstrap
from .errors import SpecificationError
from .linear import FitResults, LinearFit, fit_linear
from .spec import MIN_CLUSTERS, _numeric
from .threads import single_threaded


@dataclass
class PanelFit(FitResults):
    fit: LinearFit
    bootstrap: WildBootstrapResult | None
    exposure_term: str
    outcome: str
    lag: int
    years: list[int]
    n_regencies: int
    cluster: str  # "province" | "regency"
    notes: list[str] = field(default_factory=list)


def lagged_exposure_name(exposure: str, lag: int) -> str:
    return f"{exposure}_lag{lag}" if lag else exposure


def _within(values: np.ndarray, groups: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Subtract each group's weighted mean from every column of ``values``."""
    n_groups = int(groups.max()) + 1
    total_w = np.bincount(groups, weights=weights, minlength=n_groups)
    out = np.empty_like(values)
    for j in range(values.shape[1]):
        means = np.bincount(groups, weights=weights * values[:, j], minlength=n_groups) / total_w
        out[:, j] = values[:, j] - means[groups]
    return out


def panel_frame(table: pd.DataFrame, outcome: str, exposure: str, lag: int,
                covariates=(), weights: str | None = None) -> tuple[pd.DataFrame, str]:
    """Rows with the outcome, the exposure lagged ``lag`` years (by calendar year, not by
    row), covariates and weights all present; regencies seen once are dropped."""
    needed = ["bps_code", "year", "province_bps", outcome, exposure, *covariates]
    if weights:
        needed.append(weights)
    missing = [c for c in dict.fromkeys(needed) if c not in table.columns]
    if missing:
        raise SpecificationError(msg("model.panel_missing_columns", columns=str(missing)))
    base = table[list(dict.fromkeys(needed))].copy()
    for column in [outcome, exposure, *covariates, *([weights] if weights else [])]:
        base[column] = _numeric(base, column)
    base["year"] = base["year"].astype("int64")
    if weights:
        # Weights such as population are often published for one year only; a regency's
        # weight describes its size, so its (mean) value is carried to every year.
        base[weights] = base[weights].fillna(base.groupby("bps_code")[weights].transform("mean"))
    lag_name = lagged_exposure_name(exposure, lag)
    frame = base
    if lag:
        lagged = base[["bps_code", "year", exposure]].rename(columns={exposure: lag_name})
        lagged["year"] = lagged["year"] + lag
        frame = base.drop(columns=exposure).merge(lagged, on=["bps_code", "year"], how="left")
    columns = [outcome, lag_name, *covariates, *([weights] if weights else [])]
    frame = frame.dropna(subset=columns)
    counts = frame.groupby("bps_code")["year"].transform("size")
    frame = frame.loc[counts >= 2]
    frame = frame.sort_values(["bps_code", "year"], kind="mergesort").reset_index(drop=True)
    return frame, lag_name


@single_threaded
def fit_panel(table: pd.DataFrame, *, outcome: str, exposure: str = "kbpp_coverage_pct",
              lag: int = 1, covariates=(), weights: str | None = None, cluster: str = "auto",
              bootstrap_draws: int = 9999, bootstrap_weights: str = "rademacher",
              seed: int = 0) -> PanelFit:
    """Two-way FE regression of ``outcome`` on ``exposure`` lagged ``lag`` years.

    ``cluster``: "province", "regency", or "auto" (province if >= 10 provinces, else regency).
    """
    frame, lag_name = panel_frame(table, outcome, exposure, lag, covariates, weights)
    notes = []
    if weights:
        weight_years = table.loc[pd.to_numeric(table[weights], errors="coerce").notna(), "year"]
        if weight_years.nunique() < frame["year"].nunique():
            notes.append(f"weights {weights!r} exist in {weight_years.nunique()} year(s); each "
                         f"regency's value is used for every year")
    years = sorted(int(y) for y in frame["year"].unique())
    if len(years) < 2 or frame.empty:
        raise SpecificationError(msg("model.panel_years", outcome=outcome, exposure=exposure,
                                     lag=lag, years=str(years)))
    y_values = frame[outcome].to_numpy(float)
    if ((y_values < 0) | (y_values > 100)).any():
        raise SpecificationError(msg("model.panel_outcome_range", outcome=outcome))
    n_prov = frame["province_bps"].nunique()
    if cluster == "auto":
        cluster = "province" if n_prov >= MIN_CLUSTERS else "regency"
    if cluster == "regency" and n_prov < MIN_CLUSTERS:
        notes.append(f"the panel covers {n_prov} province(s): standard errors are clustered "
                     f"by regency ({frame['bps_code'].nunique()} clusters), so shocks shared "
                     f"by a province are absorbed only by the year effects")
    cluster_column = {"province": "province_bps", "regency": "bps_code"}.get(cluster, cluster)
    labels, clusters = np.unique(frame[cluster_column].astype(str), return_inverse=True)
    if len(labels) < MIN_CLUSTERS:
        raise SpecificationError(msg("model.panel_clusters", n=len(labels),
                                     column=cluster_column, need=MIN_CLUSTERS))

    regency = np.unique(frame["bps_code"].astype(str), return_inverse=True)[1]
    w = np.ones(len(frame)) if not weights else frame[weights].to_numpy(float)
    if (w <= 0).any():
        raise SpecificationError(msg("model.panel_weights", weights=weights))
    w = w / w.mean()
    year_dummies = pd.get_dummies(frame["year"], prefix="year", dtype=float).iloc[:, 1:]
    names = [lag_name, *covariates, *year_dummies.columns]
    raw = np.column_stack([frame[lag_name].to_numpy(float),
                           *[frame[c].to_numpy(float) for c in covariates],
                           year_dummies.to_numpy()])
    X = _within(raw, regency, w)
    y = _within(y_values[:, None], regency, w)[:, 0]
    varying = np.abs(X).max(axis=0) > 1e-10 * (np.abs(raw).max(axis=0) + 1)
    if not varying[0]:
        raise SpecificationError(msg("model.panel_no_variation", column=lag_name))
    dropped = [n for n, keep in zip(names, varying) if not keep]
    if dropped:
        notes.append(f"absorbed by the fixed effects and dropped: {dropped}")
    X, names = X[:, varying], [n for n, keep in zip(names, varying) if keep]
    weighted = bool(weights)
    # The regency effects are nested in the clusters (regencies lie within provinces), so
    # CR1 counts only the explicit regressors (K = columns of the within-transformed X): the
    # convention kbanalysis.models.linear states for every fixed-effects model.
    fit = fit_linear(X, y, names, weights=w if weighted else None, clusters=clusters)
    boot = wild_cluster_bootstrap(X, y, clusters, 0, weights=w if weighted else None,
                                  term=lag_name, draws=bootstrap_draws,
                                  weight_type=bootstrap_weights, seed=seed)
    return PanelFit(fit=fit, bootstrap=boot, exposure_term=lag_name, outcome=outcome, lag=lag,
                    years=years, n_regencies=int(regency.max()) + 1, cluster=cluster,
                    notes=notes)
