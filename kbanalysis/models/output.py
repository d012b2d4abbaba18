"""``estimates.csv``, ``meta.json``, ``predictions.csv``: the machine-readable results of a fit.

Same inputs and seed give the same bytes on every machine. The last digits of a fit are noise:
OpenBLAS picks its kernel per CPU and iterative fits stop at a tolerance, so two machines
differ by up to ~2e-9 of a row's scale for the spatial GMM and ~1e-12 for the other models
(measured across OpenBLAS kernels), and p-values far in a tail amplify that. Every number is
therefore stored at a precision such noise cannot flip in practice (``ROUNDING``, repeated in
``meta.json``):

- ``estimate``, ``std_error``, ``ci_low``, ``ci_high`` of one row (``estimates.csv``, and any
  record of ``meta.json`` with an estimate, e.g. the sensitivity grid, where keys such as
  ``analytic_ci_low`` or ``estimate_per_10`` count too) share one decimal place: 4 significant
  digits of the row's largest absolute value, so a coefficient near zero keeps no digits
  that are pure noise;
- p-values (``p_value`` and keys such as ``lm_lag_p``, ``moran_p_normal``): 3 significant
  digits, and values below 1e-16 are written as 1e-16 (read "p < 1e-16");
- ``predictions.csv``: 4 decimals (percentage points);
- ``influence.csv``: the slope without each regency and its change (pp per 10 points) as one
  row (``round_row``), the change in standard errors, leverage and Cook's distance at 4
  significant digits;
- every other float of ``meta.json`` (test statistics, E-values, expected effects): 6
  significant digits.

Rows keep the suite's order, JSON keys are sorted, and nothing records a time, a machine or
Python's patch release.
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd

from .. import __version__, atomic
from ..results_contract import (
    COLUMN_DOCS,
    ESTIMATE_COLUMNS,
    ESTIMATES_CSV,
    INFLUENCE_COLUMNS,
    INFLUENCE_CSV,
    META_JSON,
    PREDICTION_COLUMNS,
    PREDICTIONS_CSV,
    Designs,
    summary_table,
)
from ..versions import package_versions
from .suite import SuiteResults

ROW_COLUMNS = ("estimate", "std_error", "ci_low", "ci_high")
ROW_DIGITS = 4
P_VALUE_DIGITS = 3
P_VALUE_FLOOR = 1e-16
PREDICTION_DECIMALS = 4
OTHER_DIGITS = 6
ROUNDING = {
    "estimate, std_error, ci_low, ci_high (also analytic_ci_low, estimate_per_10, ...)": (
        f"one decimal place per row: {ROW_DIGITS} significant digits of the row's largest "
        "|value|"),
    "p-values (p_value, *_p, *_p_*)": f"{P_VALUE_DIGITS} significant digits; below "
                                      f"{P_VALUE_FLOOR:g} written as {P_VALUE_FLOOR:g}",
    "predictions.csv": f"{PREDICTION_DECIMALS} decimals",
    "influence.csv": f"estimate_without_per_10 and change_per_10 as one row ({ROW_DIGITS} "
                     f"significant digits of the larger); other floats {ROW_DIGITS} "
                     f"significant digits",
    "other floats": f"{OTHER_DIGITS} significant digits",
}
# p_value, lm_lag_p, moran_p_normal; not expected_pp
_P_VALUE_KEY = re.compile(r"(^|_)p(_|$)")
# In a record with an estimate: estimate, std_error, analytic_ci_high, estimate_per_10, ...
_ROW_KEY = re.compile(r"(^|_)(estimate|std_error|ci_low|ci_high)(_|$)")
_ESTIMATE_KEY = re.compile(r"(^|_)estimate(_|$)")
PACKAGES = ("numpy", "pandas", "scipy", "statsmodels", "libpysal", "esda", "spreg")


def _is_number(value) -> bool:
    return value is None or value is pd.NA or (
        isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool))


def _finite(value) -> float | None:
    if value is None or value is pd.NA:
        return None
    value = float(value)
    return None if math.isnan(value) or math.isinf(value) else value


def round_significant(value, digits: int) -> float | None:
    """``value`` to ``digits`` significant digits; None when missing or not finite."""
    value = _finite(value)
    if value is None:
        return None
    return float(f"{value:.{digits - 1}e}") + 0.0  # + 0.0: -0.0 and 0.0 write alike


def round_p_value(value) -> float | None:
    """A p-value at ``P_VALUE_DIGITS`` significant digits, floored at ``P_VALUE_FLOOR``."""
    value = _finite(value)
    if value is None:
        return None
    return round_significant(max(value, P_VALUE_FLOOR), P_VALUE_DIGITS)


def round_row(values, digits: int = ROW_DIGITS) -> list[float | None]:
    """Round ``values`` (estimate, SE, CI of one row) to one common decimal place.

    The place keeps ``digits`` significant digits of the largest |value|: fit noise scales
    with the row, not with each value, and an estimate near zero would otherwise be written
    to digits that differ between machines.
    """
    finite = [_finite(v) for v in values]
    present = [abs(v) for v in finite if v is not None]
    scale = max(present, default=0.0)
    if scale == 0.0:
        return [None if v is None else 0.0 for v in finite]
    exponent = int(f"{scale:.{digits - 1}e}".split("e")[1])  # after rounding: 9.9996 -> 1
    decimals = digits - 1 - exponent
    return [None if v is None else round(v, decimals) + 0.0 for v in finite]


def json_ready(value, key: str = ""):
    """JSON-safe and rounded by ``ROUNDING`` (``key`` names the value); NaN -> null."""
    if isinstance(value, dict):
        value = dict(value)
        keys = [k for k in value if isinstance(k, str) and _ROW_KEY.search(k)]
        is_row = any(_ESTIMATE_KEY.search(k) for k in keys)
        if is_row and all(_is_number(value[k]) for k in keys):
            value.update(zip(keys, round_row([value[k] for k in keys])))
        return {str(k): json_ready(v, str(k)) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_ready(v, key) for v in value]
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer, int)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        if _P_VALUE_KEY.search(key):
            return round_p_value(value)
        return round_significant(value, OTHER_DIGITS)
    if value is pd.NA or value is None:
        return None
    return value


def rounded_estimates(estimates: pd.DataFrame) -> pd.DataFrame:
    """``estimates.csv`` as written: each row's estimate/SE/CI and the p-value rounded."""
    out = estimates.copy()
    columns = [c for c in ROW_COLUMNS if c in out]
    rows = [round_row(row) for row in out[columns].itertuples(index=False)]
    for j, column in enumerate(columns):
        out[column] = pd.array([r[j] for r in rows], dtype="float64")
    if "p_value" in out:
        out["p_value"] = pd.array([round_p_value(v) for v in out["p_value"]], dtype="float64")
    return out


def rounded_predictions(predictions: pd.DataFrame) -> pd.DataFrame:
    """``predictions.csv`` as written: every float column to ``PREDICTION_DECIMALS`` decimals."""
    out = predictions.copy()
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]):
            out[column] = out[column].round(PREDICTION_DECIMALS) + 0.0
    return out


def rounded_influence(table: pd.DataFrame) -> pd.DataFrame:
    """``influence.csv`` as written (see ``ROUNDING``)."""
    out = table[INFLUENCE_COLUMNS].copy()
    pairs = [round_row(row) for row in
             out[["estimate_without_per_10", "change_per_10"]].itertuples(index=False)]
    out["estimate_without_per_10"] = [p[0] for p in pairs]
    out["change_per_10"] = [p[1] for p in pairs]
    for column in ("change_in_se", "leverage", "cooks_distance"):
        out[column] = [round_significant(v, ROW_DIGITS) for v in out[column]]
    return out


def meta(results: SuiteResults) -> dict:
    spec = results.spec
    data = results.data
    # Rounded before summarising, so the summary's lowest/highest are the grid's own values
    # and a near-zero estimate keeps no noise digits there either.
    grid = None if results.sensitivity is None else rounded_estimates(results.sensitivity)
    return {
        "kbanalysis_version": __version__,
        "specification": spec.as_dict(),
        "data": {"sha256": results.data_sha256, "n_obs": data.n_obs,
                 "n_clusters": data.n_clusters, "rows_in_year": data.rows_in_year,
                 "rows_missing_by_column": data.missing_by_column},
        "simulated": results.simulated,
        "simulated_inputs": results.simulated_inputs,
        "seed": results.seed,
        "bootstrap": results.bootstrap,
        "main_model": results.main_model,
        "models": results.model_info,
        "skipped": results.skipped,
        "design": results.design(),
        "headline": results.headline().write(),
        "power": results.power_dict(),
        "primary": results.primary().write(),
        "influence": None if results.influence is None else results.influence.record().write(),
        "measurement_error": None if results.measurement is None
        else results.measurement.write() or None,
        "covariate_timing": None if results.covariate_timing is None
        else results.covariate_timing.write(),
        "exposure": results.exposure_meta(),
        "designs": Designs({name: design.record()
                            for name, design in results.designs.items()}).write(),
        "spatial": None if results.spatial is None else results.spatial.record().write(),
        "expected_effect": results.expected.as_dict(),
        "evalue": None if results.evalue is None else results.evalue.record().write(),
        "sensitivity": None if grid is None else grid.to_dict(orient="records"),
        "sensitivity_summary": None if grid is None else
        summary_table(grid).to_dict(orient="records"),
        "notes": results.notes,
        "package_versions": package_versions(PACKAGES),
        "rounding": ROUNDING,
        "columns": {
            **COLUMN_DOCS,
            "simulated": "results from simulated inputs are flagged in this file "
                         "('simulated') and in the comparison table's 'simulated' column",
        },
    }


def write_results(results: SuiteResults, out_dir: Path) -> tuple[Path, Path]:
    """Write ``estimates.csv``, ``meta.json``, ``predictions.csv`` and ``influence.csv``
    together (atomically)."""
    out_dir = Path(out_dir)
    estimates = rounded_estimates(results.estimates()[ESTIMATE_COLUMNS])
    predictions = rounded_predictions(results.predictions()[PREDICTION_COLUMNS])
    text = json.dumps(json_ready(meta(results)), indent=2, sort_keys=True, ensure_ascii=False)
    influence = (rounded_influence(results.influence.table) if results.influence is not None
                 else pd.DataFrame(columns=INFLUENCE_COLUMNS))
    paths = (out_dir / ESTIMATES_CSV, out_dir / META_JSON, out_dir / PREDICTIONS_CSV,
             out_dir / INFLUENCE_CSV)
    # Floats are already rounded: the shortest repr pandas writes is the rounded decimal.
    atomic.write_set({
        paths[0]: lambda tmp: estimates.to_csv(tmp, index=False, lineterminator="\n"),
        paths[1]: lambda tmp: tmp.write_text(text + "\n", encoding="utf-8", newline="\n"),
        paths[2]: lambda tmp: predictions.to_csv(tmp, index=False, lineterminator="\n"),
        paths[3]: lambda tmp: influence.to_csv(tmp, index=False, lineterminator="\n"),
    })
    return paths
