"""A small stand-in world for the report tests: processed tables and model results, all simulated.

It follows the data contracts (analysis table, ``estimates.csv``, ``predictions.csv``,
``meta.json``) for a few provinces of the real region list, so the templates can be run end
to end without the real build or the model fit. Every KBPP row is labelled "simulated".
One regency can be renamed to carry HTML (``<script>``) to test escaping.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from kbanalysis import config
from kbanalysis.regions import load_provinces, load_regions

POISON_NAME = 'Kabupaten <script>window.__pwned=1</script> "Uji" & Co'
METHODS = [f"kbpp_{m}" for m in config.KBPP_METHODS]
YEARS = range(2014, 2026)
EXPOSURE = "kbpp_coverage_pct"  # its per-10-point rows: scale "pp per 10 points"


def make_world(root: Path, provinces=("32", "35", "53"), poison_code: str | None = None,
               seed: int = 7, with_results: bool = True) -> tuple[Path, Path]:
    """Write ``root/processed`` and ``root/results``; return both folders."""
    rng = np.random.default_rng(seed)
    processed, results = Path(root) / "processed", Path(root) / "results"
    processed.mkdir(parents=True, exist_ok=True)
    regions = load_regions(config.REGIONS_CSV).copy()
    provs = load_provinces(config.PROVINCES_CSV).copy()
    if poison_code is not None:
        regions.loc[regions["bps_code"] == poison_code, "name"] = POISON_NAME
    regions.to_csv(processed / "regions.csv", index=False, lineterminator="\n")
    provs.to_csv(processed / "provinces.csv", index=False, lineterminator="\n")
    chosen = regions.loc[regions["province_bps"].isin(provinces)].sort_values("bps_code")

    rows = []
    for reg in chosen.itertuples(index=False):
        lat, lon = rng.uniform(-10, 5), rng.uniform(95, 140)
        stunting = round(float(np.clip(rng.normal(22, 7), 5, 55)), 1)
        poverty = round(float(rng.uniform(3, 30)), 2)
        outside = round(float(rng.uniform(0, 40)), 2)
        first20 = round(float(rng.uniform(10, 40)), 2)
        ikp = round(float(rng.uniform(40, 90)), 2)
        sppg100k = round(float(rng.uniform(0, 5)), 3)
        population = int(rng.integers(50_000, 3_000_000))
        base_cov = float(np.clip(rng.normal(45, 10), 5, 95))
        for year in YEARS:
            deliveries = int(population * 0.016 * (1 - 0.015 * (year - 2022)))
            coverage = float(np.clip(base_cov + 0.5 * (year - 2022) + rng.normal(0, 2), 1, 99))
            counts = rng.multinomial(int(round(deliveries * coverage / 100)), [1 / 8] * 8)
            total = int(counts.sum())
            row = {
                "bps_code": reg.bps_code, "year": year, "name": reg.name, "type": reg.type,
                "province_bps": reg.province_bps, "province_name": reg.province_name,
                "latitude": round(lat, 4), "longitude": round(lon, 4),
                "stunting_survey_pct": stunting if year == 2024 else np.nan,
                "stunting_weighing_pct": (round(float(rng.uniform(2, 12)), 2)
                                          if reg.province_bps == "32" and year <= 2024 else np.nan),
                "poverty_pct": poverty if year == 2024 else np.nan,
                "births_outside_facility_pct": outside if year == 2024 else np.nan,
                "first_birth_before_20_pct": first20 if year == 2024 else np.nan,
                "food_security_index": ikp if year == 2024 else np.nan,
                "sppg_per_100k": sppg100k if year == 2024 else np.nan,
                "sppg_count": round(sppg100k * population / 1e5) if year == 2024 else np.nan,
                "population": population if year == 2024 else np.nan,
                "deliveries": deliveries,
                **dict(zip(METHODS, counts.tolist())),
                "kbpp_total": total,
                "kbpp_coverage_pct": round(100 * total / deliveries, 4),
                "kbpp_measure_type": "simulated",
                "kbpp_source": f"simulated: kbanalysis.simulate.kbpp seed={seed}",
                "flags": ("stunting_weighing_pct:year_jump" if reg.province_bps == "32" and year == 2019
                          else ""),
            }
            rows.append(row)
    analysis = pd.DataFrame(rows)
    analysis.to_csv(processed / "analysis.csv", index=False, lineterminator="\n")
    if with_results:
        write_results(results, analysis, rng)
    return processed, results


def write_results(results: Path, analysis: pd.DataFrame, rng) -> None:
    results.mkdir(parents=True, exist_ok=True)
    cross = analysis.loc[analysis["year"] == 2024]
    x, y = cross["kbpp_coverage_pct"].to_numpy(), cross["stunting_survey_pct"].to_numpy()
    slope, intercept = np.polyfit(x / 10, y, 1)
    expected = intercept + slope * x / 10
    pd.DataFrame({"bps_code": cross["bps_code"], "observed": y, "expected": expected.round(4),
                  "residual": (y - expected).round(4)}).to_csv(
        results / "predictions.csv", index=False, lineterminator="\n")
    models = ["wls_cluster", "fractional_logit", "beta_regression", "province_fe", "spatial_error"]
    rows = []
    for i, model in enumerate(models):
        est = float(slope + rng.normal(0, 0.2))
        se = 0.3 + 0.05 * i
        rows.append({"model": model, "term": EXPOSURE, "estimate": round(est, 4),
                     "std_error": se, "ci_low": round(est - 1.96 * se, 4),
                     "ci_high": round(est + 1.96 * se, 4), "p_value": 0.2, "n_obs": len(cross),
                     "n_clusters": cross["province_bps"].nunique(), "scale": "pp per 10 points",
                     "is_exposure": True})
        rows.append({"model": model, "term": "poverty_pct", "estimate": 0.3, "std_error": 0.1,
                     "ci_low": 0.1, "ci_high": 0.5, "p_value": 0.01, "n_obs": len(cross),
                     "n_clusters": cross["province_bps"].nunique(), "scale": "pp per unit",
                     "is_exposure": False})
    pd.DataFrame(rows).to_csv(results / "estimates.csv", index=False, lineterminator="\n")
    sensitivity = [{"group": "main", "variant": "main", "description": "the main specification",
                    "estimate": round(slope / 10, 4), "ci_low": -0.1, "ci_high": 0.2, "p_value": 0.5,
                    "n_obs": len(cross), "n_clusters": cross["province_bps"].nunique(), "status": "ok"},
                   {"group": "leave_one_province_out", "variant": "leave_out_province_32",
                    "description": "without province 32", "estimate": 0.01, "ci_low": -0.2,
                    "ci_high": 0.2, "p_value": 0.9, "n_obs": len(cross) - 27, "n_clusters": 2,
                    "status": "ok"}]
    (results / "meta.json").write_text(json.dumps({
        "specification": {"outcome": "stunting_survey_pct", "exposure": "kbpp_coverage_pct",
                          "covariates": ["poverty_pct"], "weights": None, "cluster": "province",
                          "year": 2024},
        "data": {"sha256": "0" * 64, "n_obs": len(cross)}, "seed": 7, "simulated": True,
        "simulated_inputs": ["kbpp_coverage_pct"], "main_model": models[0],
        "expected_effect": {"coverage_rise_pts": 10.0, "lower_pp": -0.219, "upper_pp": -0.006,
                            "scenarios": [{"source": "Fink et al. 2014 (RR 1.06)", "relative_risk": 1.06,
                                           "risk_long_interval_pct": 19.7,
                                           "share_otherwise_short": 0.05, "expected_pp": -0.006}]},
        "sensitivity": sensitivity, "skipped": {"panel_twfe": "one year only"},
        "spatial": {"moran_i": 0.3, "moran_p_permutation": 0.002, "k_neighbours": 6,
                    "decision": "spatial error model"},
        "evalue": {"evalue_point": 1.15, "evalue_ci": 1.0}, "notes": ["stand-in results"],
        "models": {m: {"description": m, "inference": "stand-in"} for m in models},
    }, indent=1, sort_keys=True), encoding="utf-8")
