"""``estimates.csv`` and ``meta.json``: the machine-readable results of a suite run.

Same inputs and seed give the same bytes: floats are written with 8 significant digits, rows
keep the suite's order, JSON keys are sorted, and nothing records a time or a machine.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd

from .. import __version__, atomic
from ..versions import package_versions
from .suite import ESTIMATE_COLUMNS, SuiteResults, per_10_term

FLOAT_FORMAT = "%.8g"
PACKAGES = ("numpy", "pandas", "scipy", "statsmodels", "libpysal", "esda", "spreg")
ESTIMATES_CSV = "estimates.csv"
META_JSON = "meta.json"
PREDICTIONS_CSV = "predictions.csv"


def _clean(value):
    """JSON-safe, rounded to 10 significant digits, NaN -> null."""
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer, int)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        value = float(value)
        if math.isnan(value) or math.isinf(value):
            return None
        return float(f"{value:.10g}")
    if value is pd.NA or value is None:
        return None
    return value


def meta(results: SuiteResults) -> dict:
    spec = results.spec
    data = results.data
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
        "spatial": None if results.spatial is None else results.spatial.as_dict(),
        "expected_effect": results.expected.as_dict(),
        "evalue": None if results.evalue is None else results.evalue.as_dict(),
        "sensitivity": None if results.sensitivity is None else
        results.sensitivity.to_dict(orient="records"),
        "notes": results.notes,
        "package_versions": package_versions(PACKAGES),
        "columns": {
            "estimate": "pp of the outcome per unit of the term (scale 'log-odds' for models "
                        "ending in _coef)",
            "term": f"'{per_10_term(spec.exposure)}' rows restate the exposure effect per "
                    "10-point rise in coverage",
            "std_error": "empty for wild bootstrap rows (the CI comes from test inversion)",
            "model": "'sensitivity:<variant>' rows are the main model refitted (see "
                     "'sensitivity')",
            "simulated": "results from simulated inputs are flagged in this file "
                         "('simulated') and in the comparison table's 'simulated' column",
        },
    }


def write_results(results: SuiteResults, out_dir: Path) -> tuple[Path, Path]:
    """Write ``estimates.csv``, ``meta.json`` and ``predictions.csv`` together (atomically)."""
    out_dir = Path(out_dir)
    estimates = results.estimates()[ESTIMATE_COLUMNS]
    predictions = results.predictions()
    text = json.dumps(_clean(meta(results)), indent=2, sort_keys=True, ensure_ascii=False)
    paths = (out_dir / ESTIMATES_CSV, out_dir / META_JSON, out_dir / PREDICTIONS_CSV)
    atomic.write_set({
        paths[0]: lambda tmp: estimates.to_csv(tmp, index=False, lineterminator="\n",
                                               float_format=FLOAT_FORMAT),
        paths[1]: lambda tmp: tmp.write_text(text + "\n", encoding="utf-8", newline="\n"),
        paths[2]: lambda tmp: predictions.to_csv(tmp, index=False, lineterminator="\n",
                                                 float_format=FLOAT_FORMAT),
    })
    return paths
