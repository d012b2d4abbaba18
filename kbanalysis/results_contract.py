"""The results contract: which files ``kbanalysis fit`` writes and what their columns mean.

One module owns it, so the writer (:mod:`kbanalysis.models.output`), the readers
(:mod:`kbanalysis.reporting.context`, :mod:`kbanalysis.reporting.content`) and the notebooks
agree. It imports nothing heavier than pandas: readers need not load the estimators.

Files (in one folder, written together):

- ``estimates.csv``: one row per model x term, columns :data:`ESTIMATE_COLUMNS`;
- ``meta.json``: the specification, the design, the headline, power, diagnostics, the
  sensitivity grid, notes; ``meta["exposure"]`` names the exposure column and its terms;
- ``predictions.csv``: observed and expected outcome per regency, :data:`PREDICTION_COLUMNS`;
- ``influence.csv``: each regency's influence on the main model, :data:`INFLUENCE_COLUMNS`.

The exposure is found by the ``is_exposure`` column (or ``meta["exposure"]``), never by
searching term names, so ``kbanalysis fit --exposure <any column>`` reads back the same way.
``scale`` says the unit of ``estimate``: :data:`PER_POINT` (percentage points of the outcome
per unit of the term), :data:`PER_10_POINTS` (the exposure's effect per 10-point rise), or a
model scale such as ``"log-odds"``.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

ESTIMATES_CSV = "estimates.csv"
META_JSON = "meta.json"
PREDICTIONS_CSV = "predictions.csv"
INFLUENCE_CSV = "influence.csv"
RESULT_FILES = (ESTIMATES_CSV, META_JSON, PREDICTIONS_CSV, INFLUENCE_CSV)

# estimate/std_error/ci_low/ci_high share one unit: the row's ``scale``.
ESTIMATE_VALUE_COLUMNS = ["estimate", "std_error", "ci_low", "ci_high"]
# Columns every estimates.csv has had; files written before ``scale``/``is_exposure`` still read.
BASE_ESTIMATE_COLUMNS = ["model", "term", *ESTIMATE_VALUE_COLUMNS, "p_value", "n_obs",
                         "n_clusters"]
ESTIMATE_COLUMNS = [*BASE_ESTIMATE_COLUMNS, "scale", "is_exposure"]
PREDICTION_COLUMNS = ["bps_code", "observed", "expected", "residual"]
# influence.csv: one row per regency of the main model; the exposure's slope without it (pp
# per 10 points), its change, that change in standard errors of the main model, leverage and
# Cook's distance.
INFLUENCE_COLUMNS = ["bps_code", "name", "estimate_without_per_10", "change_per_10",
                     "change_in_se", "leverage", "cooks_distance"]

PER_POINT = "pp per unit"  # percentage points of the outcome per unit (point) of the term
PER_10_POINTS = "pp per 10 points"  # the exposure's effect per 10-point rise in its value
PER_10 = 10.0
PER_10_SUFFIX = " per 10 points"
SENSITIVITY_MODEL_PREFIX = "sensitivity:"
# Status of a sensitivity variant (meta.json "sensitivity"): "ok" or "ok (...)" when fitted,
# "not applicable: <reason>" when its data do not exist here (never fitted, never a result),
# "not estimable: <reason>" when its data exist but cannot support the fit.
FITTED = "ok"
NOT_APPLICABLE = "not applicable"
NOT_ESTIMABLE = "not estimable"

COLUMN_DOCS = {
    "model": "estimator; 'sensitivity:<variant>' rows are the main model refitted (see "
             "meta.json 'sensitivity')",
    "term": "regressor; '<exposure> per 10 points' restates the exposure effect per 10-point "
            "rise",
    "estimate": "in the unit named by 'scale'",
    "std_error": "same unit; empty for wild bootstrap rows (the CI comes from test inversion)",
    "ci_low": "95 % interval, same unit",
    "ci_high": "95 % interval, same unit",
    "p_value": "two-sided, H0: 0",
    "n_obs": "rows the model used",
    "n_clusters": "clusters of the inference; empty under HC3 (no clusters)",
    "scale": f"'{PER_POINT}' (pp of the outcome per unit of the term), '{PER_10_POINTS}' "
             f"(per 10-point rise of the exposure), or a model scale ('log-odds', 'log "
             f"precision', 'spatial parameter')",
    "is_exposure": "true on the exposure's rows (per point and per 10 points, lagged in the "
                   "panel): read the exposure from here, never from term names",
}


def per_10_term(term: str) -> str:
    """The name of a term's per-10-point restatement, e.g. ``'kbpp_coverage_pct per 10 points'``."""
    return f"{term}{PER_10_SUFFIX}"


def exposure_meta(exposure: str, terms) -> dict:
    """``meta["exposure"]``: the exposure column and every term that carries its effect."""
    terms = list(dict.fromkeys(terms))
    return {"column": exposure, "terms": terms,
            "per_10_terms": [t for t in terms if t.endswith(PER_10_SUFFIX)]}


def read_estimates(path: Path) -> pd.DataFrame:
    """``estimates.csv`` with the contract's columns, ``is_exposure`` boolean.

    A file from before ``scale``/``is_exposure`` existed still reads: ``is_exposure`` is then
    derived from the per-10-point rows (only the exposure has them) and ``scale`` from the
    term. Raises ValueError naming the file and the missing columns otherwise.
    """
    frame = pd.read_csv(path, dtype={"model": "str", "term": "str", "scale": "str"})
    missing = [c for c in BASE_ESTIMATE_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{path}: missing columns {missing}; expected {ESTIMATE_COLUMNS}")
    if "is_exposure" not in frame.columns:
        frame["is_exposure"] = exposure_mask_from_terms(frame["term"])
    else:
        frame["is_exposure"] = frame["is_exposure"].map(_as_bool).astype(bool)
    if "scale" not in frame.columns:
        frame["scale"] = frame["term"].astype(str).str.endswith(PER_10_SUFFIX).map(
            {True: PER_10_POINTS, False: PER_POINT})
    return frame[ESTIMATE_COLUMNS]


def _as_bool(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value) and not pd.isna(value)


def exposure_mask_from_terms(terms: pd.Series) -> pd.Series:
    """For files without ``is_exposure``: the exposure is what was restated per 10 points."""
    terms = terms.astype(str)
    per_10 = terms[terms.str.endswith(PER_10_SUFFIX)]
    bases = set(per_10.str[: -len(PER_10_SUFFIX)]) | set(per_10)
    return terms.isin(bases)


def exposure_rows(estimates: pd.DataFrame, per_10: bool | None = None) -> pd.DataFrame:
    """The exposure's rows of ``estimates`` (``per_10``: only per 10 points, only per point,
    or both when None)."""
    mask = (estimates["is_exposure"].astype(bool) if "is_exposure" in estimates
            else exposure_mask_from_terms(estimates["term"]))
    if per_10 is not None:
        mask &= estimates["term"].astype(str).str.endswith(PER_10_SUFFIX) == per_10
    return estimates.loc[mask]


# --------------------------------------------------------------------------------------
# The sensitivity grid (meta.json "sensitivity"): one rule for what counts as fitted


def fitted_variants(grid: pd.DataFrame) -> pd.Series:
    """True for the variants that were fitted: status ``"ok"`` or ``"ok (...)"`` (e.g. "ok (no
    rows removed: same sample as main)"). The one rule every summary of the grid uses."""
    if "status" not in grid:
        return pd.Series(True, index=grid.index)
    return grid["status"].fillna("").astype(str).str.startswith(FITTED)


def not_applicable_variants(grid: pd.DataFrame) -> pd.Series:
    """True for the variants whose data do not exist here (listed once, never fitted)."""
    if "status" not in grid:
        return pd.Series(False, index=grid.index)
    return grid["status"].fillna("").astype(str).str.startswith(NOT_APPLICABLE)


def summary_table(grid: pd.DataFrame, scale: float = 1.0) -> pd.DataFrame:
    """Per group of fitted variants (:func:`fitted_variants`): ``group``, ``fits``, ``lowest``,
    ``highest`` of the exposure's estimate (times ``scale``: 10 for pp per 10 points), in the
    grid's order. Variants not estimable or not applicable are not counted."""
    ok = grid.loc[fitted_variants(grid)]
    out = (ok.assign(estimate=pd.to_numeric(ok["estimate"]) * scale)
           .groupby("group", sort=False)["estimate"].agg(["count", "min", "max"]).reset_index())
    out = out.rename(columns={"count": "fits", "min": "lowest", "max": "highest"})
    out["fits"] = out["fits"].astype(int)
    return out
