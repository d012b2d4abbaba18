"""Pooled data from several provinces (e.g. office files): province fixed effects, and
inference that follows the number of provinces.

Provinces differ in survey rounds, programme reporting and everything else, so each one gets
its own intercept and the slope is estimated within provinces. How the slope's uncertainty is
judged depends on how many provinces there are (G):

- ``G < FEW_PROVINCES`` (2-4): no cluster-robust inference is possible (a cluster-robust
  variance from 2-4 clusters is nearly degenerate and a wild cluster bootstrap has at most
  6^G distinct draws). HC3 over regencies and the wild bootstrap over regencies; the fixed
  effects absorb province-wide shocks, and correlation within a province beyond them is
  assumed away (the notes say so).
- ``FEW_PROVINCES <= G < WEBB_BELOW`` (5-11): CR1 by province with t(G-1), and as the
  headline interval the restricted wild cluster bootstrap with Webb's six-point weights, which
  keeps enough distinct draws where Rademacher's 2^G patterns are too coarse (Webb 2023, Can J
  Econ 56:1108; MacKinnon & Webb 2018, Econometrics J 21:114).
- ``G >= WEBB_BELOW``: CR1 by province and the wild cluster bootstrap with Rademacher weights.

The fixed effects are nested in the province clusters and are not counted in K of the CR1
correction (:mod:`.linear`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .bootstrap import WildBootstrapResult, wild_cluster_bootstrap
from .linear import FitResults, LinearFit, cr1_label, fit_linear, hc3_label

FEW_PROVINCES = 5
WEBB_BELOW = 12


@dataclass
class PooledFit(FitResults):
    fit: LinearFit
    bootstrap: WildBootstrapResult
    n_provinces: int
    inference: str
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return self.fit.summary() + f"\n{self.inference}"


def province_dummies(provinces) -> tuple[np.ndarray, list[str]]:
    """One column per province but the first (the reference), in sorted code order."""
    codes, index = np.unique(np.asarray(provinces).astype(str), return_inverse=True)
    dummies = (index[:, None] == np.arange(1, len(codes))[None, :]).astype(float)
    return dummies, [f"province_{c}" for c in codes[1:]]


def pooled_fit(X: np.ndarray, y: np.ndarray, names: list[str], provinces, *,
               weights: np.ndarray | None = None, column: int = 1, draws: int = 9999,
               seed: int = 0) -> PooledFit:
    """``y`` on ``X`` (intercept first) plus province fixed effects, with the inference the
    number of provinces allows (module docstring); the bootstrap is for ``X[:, column]``."""
    X = np.asarray(X, dtype=float)
    dummies, dummy_names = province_dummies(provinces)
    n_provinces = dummies.shape[1] + 1
    if n_provinces < 2:
        raise ValueError("pooled_fit needs at least two provinces")
    XF = np.column_stack([X, dummies])
    all_names = [*names, *dummy_names]
    clusters = np.unique(np.asarray(provinces).astype(str), return_inverse=True)[1]
    term = names[column]
    if n_provinces < FEW_PROVINCES:
        fit = fit_linear(XF, y, all_names, weights=weights, vcov_type="HC3")
        boot = wild_cluster_bootstrap(XF, y, np.arange(len(y)), column, weights=weights,
                                      term=term, draws=draws, seed=seed)
        inference = (f"{hc3_label(fit.n_obs, XF.shape[1])}; province fixed effects; "
                     f"wild bootstrap over regencies ({n_provinces} provinces: too few for "
                     f"cluster-robust inference)")
        notes = [f"{n_provinces} provinces: fewer than {FEW_PROVINCES}, so no cluster-robust "
                 f"inference; the fixed effects absorb province-wide shocks, correlation "
                 f"within a province beyond them is assumed away"]
    else:
        weight_type = "webb" if n_provinces < WEBB_BELOW else "rademacher"
        fit = fit_linear(XF, y, all_names, weights=weights, clusters=clusters,
                         nested_effects=n_provinces)  # intercept + G - 1 dummies
        boot = wild_cluster_bootstrap(XF, y, clusters, column, weights=weights, term=term,
                                      draws=draws, weight_type=weight_type, seed=seed)
        inference = (f"{cr1_label(n_provinces, 'province')}; province fixed effects (not "
                     f"counted in K); restricted wild cluster bootstrap, {weight_type} "
                     f"weights")
        notes = [f"{n_provinces} provinces: cluster-robust by province; "
                 + ("Webb six-point weights (fewer than "
                    f"{WEBB_BELOW} clusters)" if weight_type == "webb" else
                    "Rademacher weights")]
    return PooledFit(fit=fit, bootstrap=boot, n_provinces=n_provinces, inference=inference,
                     notes=notes)
