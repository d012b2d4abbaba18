"""A fully synthetic world shaped like the analysis table, with a known true effect. SIMULATED.

Nothing here is data: provinces, regencies, covariates, KBPP coverage and stunting are all
drawn from a stated data-generating process, so that estimators can be checked against the
truth. Every name says "SIMULATED", ``kbpp_measure_type`` is ``"simulated"`` and the frame
carries ``attrs["simulated"] = True``.

The data-generating process (percentages on the 0-100 scale)::

    coverage_it   = 100 * kbpp_total / deliveries,  kbpp_total ~ Binomial(deliveries, c_it)
    logit(c_it)   = logit(0.45) + v_p [+ b_i] - 0.04 * (usual poverty_i - 12) + trend_t + e_it
    mean_it       = 21 + true_effect * (coverage_i,t-lag - 45)
                    + 0.35 * (poverty - 12) + 0.10 * (outside_facility - 12)
                    + 0.08 * (first_birth_before_20 - 25) + u_p [+ a_i] + year_t
    stunting_it   = 100 * Beta(m * phi_i, (1 - m) * phi_i),  m = mean_it / 100

so ``E[stunting | coverage, covariates, province] `` is linear in coverage with slope
``true_effect`` (percentage points of stunting per percentage point of coverage) while the
outcome stays inside 0-100. ``u_p`` is a province effect on stunting; with
``province_confounding`` it is correlated with the province effect ``v_p`` on coverage (and,
in panel mode, the regency level ``a_i`` with ``b_i``), so that a pooled regression is biased
and province (or regency) fixed effects are not. Beta precision ``phi_i`` grows with the
number of deliveries: small regencies are measured less precisely, as in SSGI.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .. import config

SIMULATED = "SIMULATED"
MEASURE_TYPE = "simulated"
SAE_FLAG = "small_area_estimate"

# Column order of the analysis table (data contract); the synthetic frame fills all of them.
ANALYSIS_COLUMNS = [
    "bps_code", "year", "name", "type", "province_bps", "province_name", "latitude", "longitude",
    "stunting_survey_pct", "stunting_weighing_pct", "poverty_pct", "births_outside_facility_pct",
    "first_birth_before_20_pct", "food_security_index", "sppg_per_100k", "sppg_count",
    "population", "deliveries", *[f"kbpp_{m}" for m in config.KBPP_METHODS], "kbpp_total",
    "kbpp_coverage_pct", "kbpp_measure_type", "kbpp_source", "flags",
]

# Real BPS province codes: synthetic provinces never reuse them, so a synthetic row can
# never be joined to a real region by accident.
_REAL_PROVINCE_CODES = frozenset({
    "11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35",
    "36", "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76",
    "81", "82", "91", "92", "94", "95", "96", "97"})
_METHOD_SHARES = {"kondom": 0.05, "suntik": 0.40, "pil": 0.10, "akdr": 0.14, "mop": 0.01,
                  "mow": 0.08, "implan": 0.16, "mal": 0.06}

# Coefficients of the outcome mean (pp per pp), centred at fixed reference values so that
# the truth does not depend on the sample.
_BASE_STUNTING = 21.0
_COVERAGE_REF = 54.0  # about Jawa Tengah's programme KBPP coverage (53.9 % in 2021)
_COVARIATE_EFFECTS = {"poverty_pct": (0.35, 12.0), "births_outside_facility_pct": (0.10, 12.0),
                      "first_birth_before_20_pct": (0.08, 25.0)}
_MEAN_BOUNDS = (1.0, 95.0)  # the outcome mean is kept inside these (pp); see attrs["clipped_means"]


def synthetic_province_codes(n: int) -> list[str]:
    """``n`` two-digit province codes that no real Indonesian province uses."""
    codes = [f"{c:02d}" for c in range(1, 100) if f"{c:02d}" not in _REAL_PROVINCE_CODES]
    if n > len(codes):
        raise ValueError(f"at most {len(codes)} synthetic provinces, asked for {n}")
    return codes[:n]


def _province_sizes(rng, n_provinces: int, regencies_per_province) -> np.ndarray:
    if isinstance(regencies_per_province, int):
        sizes = np.full(n_provinces, regencies_per_province)
    elif isinstance(regencies_per_province, tuple):
        low, high = regencies_per_province
        sizes = rng.integers(low, high + 1, size=n_provinces)
    else:
        sizes = np.asarray(regencies_per_province, dtype=int)
        if len(sizes) != n_provinces:
            raise ValueError("regencies_per_province: give a (low, high) tuple, an int, or a "
                             f"list with one size per province ({n_provinces})")
    if (sizes < 1).any() or (sizes > 70).any():
        raise ValueError("each province needs 1 to 70 regencies (kota codes start at 71)")
    return sizes


def _expit(x):
    return 1.0 / (1.0 + np.exp(-x))


def _logit(p):
    return np.log(p / (1.0 - p))


def synthetic_table(n_provinces: int = 38,
                    regencies_per_province: tuple[int, int] | int | Sequence[int] = (5, 25),
                    true_effect: float = -0.10,
                    seed: int = config.SEED,
                    *,
                    years: Sequence[int] = (2024,),
                    lag: int = 0,
                    province_confounding: bool = True,
                    province_sd: float = 4.0,
                    precision: float = 80.0,
                    outcome: str = "stunting_survey_pct",
                    sae_share: float = 0.2) -> pd.DataFrame:
    """A SIMULATED analysis table (one row per synthetic regency x year) with a known effect.

    Parameters
    ----------
    n_provinces, regencies_per_province
        Layout: a ``(low, high)`` tuple draws each province's size uniformly, an int fixes
        it, a list gives each size (e.g. the real sizes, to get 514 regencies).
    true_effect
        Percentage points of stunting per percentage point of KBPP coverage (the slope of the
        conditional mean). Read it back with :func:`true_effect`.
    years, lag
        One year gives a cross-section; several give a panel. The outcome in year ``t``
        responds to coverage in year ``t - lag``.
    province_confounding
        Correlate the province effects on stunting and on coverage (and, in panel mode, the
        regencies' permanent levels). Off: coverage is as good as random given the covariates.
    province_sd
        SD of the province effect on stunting (pp); it makes residuals correlated within
        provinces, which is what cluster-robust inference is for.
    precision
        Beta precision of the outcome around its mean for a median-sized regency.
    outcome
        The column that receives the simulated outcome (the other stunting column stays NaN).
    sae_share
        Share of regencies whose outcome is flagged ``<outcome>:small_area_estimate``.
    """
    years = sorted(int(y) for y in years)
    if len(set(years)) != len(years) or not years:
        raise ValueError("years must be distinct and non-empty")
    if lag < 0:
        raise ValueError("lag must be >= 0")
    if outcome not in ("stunting_survey_pct", "stunting_weighing_pct"):
        raise ValueError(f"outcome must be a stunting column, got {outcome!r}")
    rng = np.random.default_rng(seed)
    sizes = _province_sizes(rng, n_provinces, regencies_per_province)
    prov_codes = synthetic_province_codes(n_provinces)
    n = int(sizes.sum())
    prov_index = np.repeat(np.arange(n_provinces), sizes)

    # Province level: location, poverty level, effects on stunting (u) and on coverage (v).
    centre_lat = rng.uniform(-9.0, 4.0, n_provinces)
    centre_lon = rng.uniform(96.0, 140.0, n_provinces)
    prov_poverty = rng.normal(0.0, 1.0, n_provinces)
    u_prov = rng.normal(0.0, province_sd, n_provinces)
    rho = -0.6 if province_confounding else 0.0
    v_prov = 0.45 * (rho * u_prov / max(province_sd, 1e-9)
                     + np.sqrt(1.0 - rho ** 2) * rng.normal(0.0, 1.0, n_provinces))

    # Regency level. BPS numbers kabupaten from 01 and kota from 71 inside a province.
    is_kota = rng.random(n) < 0.18
    codes, names = [], []
    for p, size in enumerate(sizes):
        k_kab = k_kota = 0
        for i in np.flatnonzero(prov_index == p):
            is_kota[i] &= k_kota < 29  # kota codes run from 71 to 99
            if is_kota[i]:
                k_kota += 1
                suffix, kind = 70 + k_kota, "Kota"
            else:
                k_kab += 1
                suffix, kind = k_kab, "Kabupaten"
            code = f"{prov_codes[p]}{suffix:02d}"
            codes.append(code)
            names.append(f"{SIMULATED} {kind} {code}")
    # Some regencies are islands far from their province centre; kNN must still link them.
    island = rng.random(n) < 0.08
    spread = np.where(island, 2.5, 0.7)
    lat = np.clip(centre_lat[prov_index] + rng.normal(0, 1, n) * spread, -11.0, 6.0)
    lon = np.clip(centre_lon[prov_index] + rng.normal(0, 1, n) * spread, 95.0, 141.0)

    # Covariates on the logit scale: a province level, regency noise, kota less poor.
    prov_pov = prov_poverty[prov_index]
    pov_base = _logit(0.11) + 0.5 * prov_pov + 0.4 * rng.normal(size=n) - 0.4 * is_kota
    outside_base = _logit(0.12) + 0.6 * prov_pov + 0.5 * rng.normal(size=n) - 0.8 * is_kota
    teen_base = _logit(0.25) + 0.3 * prov_pov + 0.3 * rng.normal(size=n)
    food_security = np.clip(75 - 6 * prov_pov + 6 * rng.normal(size=n), 5, 99)
    population = np.round(np.clip(np.exp(rng.normal(np.log(400_000), 0.8, n)), 20_000, 6_000_000))
    birth_rate = 0.017 * np.exp(rng.normal(0, 0.1, n))
    sppg_rate = np.exp(rng.normal(np.log(1.5), 0.5, n))  # per 100,000
    poverty_level = 100 * _expit(pov_base)

    # Permanent regency levels (panel mode only): a_i on stunting, b_i on coverage.
    panel = len(years) > 1
    a_reg, b_reg = np.zeros(n), np.zeros(n)
    if panel:
        a_reg = rng.normal(0.0, 3.0, n)
        rho_reg = -0.5 if province_confounding else 0.0
        b_reg = 0.35 * (rho_reg * a_reg / 3.0 + np.sqrt(1 - rho_reg ** 2) * rng.normal(size=n))

    all_years = list(range(years[0] - lag, years[-1] + 1))
    sae = rng.random(n) < sae_share
    year_effect = {y: -0.6 * (y - years[-1]) if panel else 0.0 for y in all_years}
    coverage_by_year: dict[int, np.ndarray] = {}
    ar_state = rng.normal(0.0, 0.25, n)
    frames = []
    for y in all_years:
        t = y - years[-1]
        drift = np.exp(-0.03 * t) if panel else 1.0  # poverty falls slowly over the years
        poverty = 100 * _expit(pov_base + (0.05 * rng.normal(size=n) if panel else 0.0)) * drift
        outside = 100 * _expit(outside_base - 0.04 * t)
        teen = 100 * _expit(teen_base - 0.02 * t)
        deliveries = np.maximum(rng.poisson(population * birth_rate), 50)
        ar_state = 0.5 * ar_state + np.sqrt(1 - 0.25) * rng.normal(0.0, 0.25, n)
        # Coverage follows the regency's usual poverty level, not its yearly changes: the
        # panel's within-regency variation in coverage is then free of poverty confounding.
        logit_c = (_logit(0.45) + v_prov[prov_index] + b_reg - 0.04 * (poverty_level - 12.0)
                   + (0.04 * t if panel else 0.0) + ar_state)
        kbpp_total = rng.binomial(deliveries, _expit(logit_c))
        coverage = 100.0 * kbpp_total / deliveries
        coverage_by_year[y] = coverage
        if y < years[0]:
            continue  # a pre-period year, only needed for the lagged exposure
        exposure = coverage_by_year[y - lag]
        mean = (_BASE_STUNTING + true_effect * (exposure - _COVERAGE_REF)
                + u_prov[prov_index] + a_reg + year_effect[y])
        for column, value in (("poverty_pct", poverty), ("births_outside_facility_pct", outside),
                              ("first_birth_before_20_pct", teen)):
            slope, ref = _COVARIATE_EFFECTS[column]
            mean = mean + slope * (value - ref)
        clipped = int(((mean < _MEAN_BOUNDS[0]) | (mean > _MEAN_BOUNDS[1])).sum())
        m = np.clip(mean, *_MEAN_BOUNDS) / 100.0
        phi = precision * np.clip(np.sqrt(deliveries / np.median(deliveries)), 0.3, 3.0)
        stunting = 100.0 * rng.beta(m * phi, (1 - m) * phi)

        methods = rng.multinomial(kbpp_total, list(_METHOD_SHARES.values()))
        sppg_count = rng.poisson(population * sppg_rate / 1e5)
        frame = pd.DataFrame({
            "bps_code": codes, "year": y, "name": names,
            "type": np.where(is_kota, "kota", "kabupaten"),
            "province_bps": [prov_codes[p] for p in prov_index],
            "province_name": [f"{SIMULATED} Provinsi {prov_codes[p]}" for p in prov_index],
            "latitude": np.round(lat, 4), "longitude": np.round(lon, 4),
            "stunting_survey_pct": np.nan, "stunting_weighing_pct": np.nan,
            "poverty_pct": poverty, "births_outside_facility_pct": outside,
            "first_birth_before_20_pct": teen, "food_security_index": food_security,
            "sppg_per_100k": sppg_count / population * 1e5, "sppg_count": sppg_count,
            "population": population.astype(np.int64), "deliveries": deliveries,
            **{f"kbpp_{name}": methods[:, k] for k, name in enumerate(_METHOD_SHARES)},
            "kbpp_total": kbpp_total, "kbpp_coverage_pct": coverage,
            "kbpp_measure_type": MEASURE_TYPE,
            "kbpp_source": f"simulated: kbanalysis.simulate.synthetic seed={seed}",
            "flags": np.where(sae, f"{outcome}:{SAE_FLAG}", ""),
        })
        frame[outcome] = stunting
        frame.attrs["_clipped"] = clipped
        frames.append(frame)

    clipped_total = sum(f.attrs.pop("_clipped") for f in frames)
    table = pd.concat(frames, ignore_index=True)[ANALYSIS_COLUMNS]
    table = table.sort_values(["bps_code", "year"], kind="mergesort").reset_index(drop=True)
    table.attrs.update({
        "simulated": True, "true_effect": float(true_effect), "seed": int(seed),
        "lag": int(lag), "province_confounding": bool(province_confounding),
        "outcome": outcome, "clipped_means": clipped_total,
        "description": f"{SIMULATED}: fully synthetic world from kbanalysis.simulate.synthetic",
    })
    return table


def true_effect(table: pd.DataFrame) -> float:
    """The true effect (pp of stunting per pp of coverage) a synthetic table was drawn with."""
    try:
        return float(table.attrs["true_effect"])
    except KeyError:
        raise KeyError("this table carries no true effect: it was not made by "
                       "synthetic_table (or its attrs were lost)") from None


def drawn_years(table: pd.DataFrame) -> dict:
    """The outcome and exposure years a synthetic table was drawn with (its latest year and
    that year minus its lag): the settings a caller passes to the models explicitly, which
    do not guess them from the table."""
    outcome = table.attrs.get("outcome", "stunting_survey_pct")
    years = table.loc[pd.to_numeric(table[outcome], errors="coerce").notna(), "year"]
    latest = int(years.max())
    return {"outcome_year": latest, "exposure_year": latest - int(table.attrs.get("lag", 0))}


def is_synthetic(table: pd.DataFrame) -> bool:
    """True for a frame from :func:`synthetic_table`, even after its attrs were lost."""
    if table.attrs.get("simulated"):
        return True
    names = table.get("province_name")
    return names is not None and names.astype(str).str.startswith(SIMULATED).any()
