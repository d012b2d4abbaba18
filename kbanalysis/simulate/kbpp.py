"""A simulated KBPP layer (KB pasca persalinan) for all 514 kabupaten/kota, 2014-2025.

**Every row this module produces is simulated**: ``measure_type`` is "simulated" and
``source`` is "simulated: kbanalysis.simulate.kbpp seed=<seed>" in every row. No regency-level
KBPP figures are public here, so the project runs on this layer until a user imports real
registers (same schema, ``kbanalysis.kbpp_schema``, measure_type "administrative").

What is real and what is assumed
--------------------------------
Real covariates, taken from the tidy table:

- ``births_outside_facility_pct`` (Susenas 2024; the facility-delivery share is 100 minus it),
  the nearest other year where 2024 is absent;
- ``population`` (BPS 2024, every regency);
- ``poverty_pct`` (BPS P0).

A regency without a value gets the **median of its province** (the national median if the
whole province lacks it); ``simulation_covariates`` returns the values used and flags every
fill, so a notebook can show them.

Deliveries (assumptions, not data): population x crude birth rate (CBR). The CBR is 16 per
1,000 in 2021 (approximately Indonesia's national CBR in the early 2020s, as in UN World
Population Prospects and World Bank WDI ``SP.DYN.CBRT.IN``; an assumption, not a regency
figure), higher where poverty is higher (+1 % per poverty point above the national median:
poorer regencies have higher fertility), times a province factor (log-normal, sd 0.05),
falling 1.5 % a year (so about 17.8 per 1,000 in 2014); population moves 1.1 % a year away from
the year of its figure (roughly BPS's projected growth). Deliveries are Poisson around that,
about 4.4-4.7 million a year nationally.

Coverage: ``logit(coverage) = a + papua_shift + b * z + u_province + e_regency + e_regency_year
+ trend * (year - 2021)`` where ``z`` is the standardised facility-delivery share (clipped to
+-3 sd: a few Susenas cells are sampling zeros). ``b`` is **positive** (0.30 per sd):
mothers who deliver in a facility meet the counselling and the providers that start KBPP
there. The year trend is small (+0.03 logit a year).

Calibration (by root finding on the realised draws, ``scipy.optimize.brentq``), to the
verified anchors of ``config`` (see data/SOURCES.md; an earlier "45 % within 42 days"
anchor had no source and is gone):

1. ``a + papua_shift`` so that the delivery-weighted coverage of the Papua region in 2021
   (pre-2022 Papua province, now BPS 94, 95, 96, 97) equals ``papua_pct`` = 53.9 x 28.71 /
   73.01 = 21.2 %: the national programme level below, scaled by the Papua-to-national
   ratio of the Susenas 2022 survey indicator (modern method after delivery, 28.71 % against
   73.01 %). Carrying a survey ratio over to the programme indicator is an assumption;
2. ``a`` so that the delivery-weighted national coverage in 2021 equals ``national_pct`` =
   53.9 %, the programme coverage Profil Kesehatan Jawa Tengah 2021 publishes for its
   province: the only published programme figure, taken to stand for the nation (an
   assumption: no national programme figure is published);
3. the Papua region is kept the lowest: a province outside it whose expected 2021 coverage
   would fall below ``papua_pct`` + 3 points has its province effect raised to that floor,
   and step 2 is repeated.

The regency spread (``regency_sd`` 0.9 on the logit scale) is chosen so that the 35
simulated Jawa Tengah regencies spread about as widely as the real ones (13.7-91.3 % in 2021).

The acceptors are binomial(deliveries, coverage) drawn by inversion from uniforms fixed by the
seed, so the calibrated means are those of the published frame (not only of expectations).
They are split over the 8 methods by a multinomial with ``METHOD_MIX``, an assumed national
mix shaped like BKKBN / Profil Kesehatan KBPP-by-method reports (injectables largest, then IUD
and implants; vasectomy near zero). It is an approximation, not a published table.

All randomness comes from ``numpy.random.default_rng(seed)`` in a fixed order over regencies
sorted by BPS code: the same inputs and seed give the same frame, byte for byte.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.optimize import brentq
from scipy.special import expit
from scipy.stats import binom

from .. import config
from ..kbpp_schema import COUNT_COLUMNS, KBPP_COLUMNS, METHOD_COLUMNS, METHODS

SOURCE_ID = "simulated_kbpp"
CALIBRATION_YEAR = 2021  # the year of the programme figure the layer is calibrated to
FACILITY_YEAR = 2024  # the Susenas year of births_outside_facility_pct to use
NATIONAL_PCT = config.KBPP_JATENG_PCT[CALIBRATION_YEAR]
PAPUA_PCT = round(NATIONAL_PCT * config.SUSENAS_POSTPARTUM_MODERN_PAPUA_PCT
                  / config.SUSENAS_POSTPARTUM_MODERN_PCT, 2)
# "Papua" in Susenas 2022 is the province before the 2022 split (fieldwork in March 2022,
# new provinces formed in November): today's Papua, Papua Selatan, Papua Tengah and Papua
# Pegunungan (BPS codes). Papua Barat and Papua Barat Daya were never part of it.
PAPUA_REGION_PROVINCES = ("94", "95", "96", "97")

# Assumed national KBPP method mix (share of acceptors); see the module docstring.
METHOD_MIX = {"kondom": 0.030, "suntik": 0.380, "pil": 0.090, "akdr": 0.200,
              "mop": 0.001, "mow": 0.060, "implan": 0.170, "mal": 0.069}

COVARIATES = ("births_outside_facility_pct", "population", "poverty_pct")


@dataclass(frozen=True)
class SimulationParameters:
    """The assumptions of the simulated layer (see the module docstring for their sources)."""

    national_pct: float = NATIONAL_PCT
    papua_pct: float = PAPUA_PCT
    papua_floor_margin: float = 3.0  # points other provinces stay above the Papua region
    crude_birth_rate: float = 16.0 / 1000  # in CALIBRATION_YEAR
    cbr_poverty_slope: float = 0.01  # relative CBR change per poverty point above the median
    cbr_province_sd: float = 0.05  # log-normal province factor on the CBR
    cbr_bounds: tuple[float, float] = (10.0 / 1000, 30.0 / 1000)
    cbr_annual_change: float = -0.015
    population_growth: float = 0.011
    facility_slope: float = 0.30  # logit per sd of the facility-delivery share; positive
    facility_clip_sd: float = 3.0
    province_sd: float = 0.15
    regency_sd: float = 0.90
    regency_year_sd: float = 0.05
    year_trend: float = 0.03  # logit per year
    method_mix: dict = field(default_factory=lambda: dict(METHOD_MIX))

    def __post_init__(self):
        if not 0 < self.papua_pct < self.national_pct < 100:
            raise ValueError("targets must satisfy 0 < papua_pct < national_pct < 100, got "
                             f"{self.papua_pct} and {self.national_pct}")
        if self.facility_slope <= 0:
            raise ValueError("facility_slope must be positive: coverage rises with facility "
                             f"deliveries, got {self.facility_slope}")
        shares = [self.method_mix.get(m, -1.0) for m in METHODS]
        if set(self.method_mix) != set(METHODS) or min(shares) < 0 or abs(sum(shares) - 1) > 1e-9:
            raise ValueError(f"method_mix needs a non-negative share for each of {', '.join(METHODS)}"
                             f" summing to 1, got {self.method_mix}")


def simulated_source(seed: int) -> str:
    return f"simulated: kbanalysis.simulate.kbpp seed={seed}"


# --------------------------------------------------------------------------------------
# Covariates


def simulation_covariates(regions: pd.DataFrame, tidy: pd.DataFrame) -> pd.DataFrame:
    """The real covariates per regency, sorted by BPS code, with every fill flagged.

    Columns: bps_code, province_bps, facility_pct (100 - births_outside_facility_pct),
    population, population_year, poverty_pct, and ``<name>_filled`` (True where the value is
    the province median because the regency had none).
    """
    frame = (regions[["bps_code", "province_bps"]].astype(str)
             .sort_values("bps_code", kind="mergesort").reset_index(drop=True))
    rows = tidy[tidy["level"] == "regency"].assign(region_code=lambda t: t["region_code"].astype(str))
    for indicator in COVARIATES:
        if not (rows["indicator"] == indicator).any():
            raise ValueError(f"the tidy table has no regency values of {indicator!r}; the KBPP "
                             f"simulation needs {', '.join(COVARIATES)}")
    outside = _pick(rows, "births_outside_facility_pct", prefer_year=FACILITY_YEAR)
    population = _pick(rows, "population")
    poverty = _pick(rows, "poverty_pct")

    frame["facility_pct"], frame["facility_filled"] = _fill(
        frame, 100.0 - frame["bps_code"].map(outside["value"]))
    frame["population"], frame["population_filled"] = _fill(
        frame, frame["bps_code"].map(population["value"]))
    # A filled population is taken to be of the year most population figures have.
    typical_year = int(population["year"].median())
    frame["population_year"] = (frame["bps_code"].map(population["year"])
                                .fillna(typical_year).astype("int64"))
    frame["poverty_pct"], frame["poverty_filled"] = _fill(
        frame, frame["bps_code"].map(poverty["value"]))
    return frame[["bps_code", "province_bps", "facility_pct", "facility_filled", "population",
                  "population_year", "population_filled", "poverty_pct", "poverty_filled"]]


def _pick(rows: pd.DataFrame, indicator: str, prefer_year: int | None = None) -> pd.DataFrame:
    """One value per regency: the year nearest ``prefer_year`` (else the latest), then the
    first source by id, so the choice never depends on row order."""
    these = rows.loc[rows["indicator"] == indicator, ["region_code", "year", "value", "source_id"]]
    these = these[these["value"].notna()].astype({"year": "int64", "value": "float64"})
    distance = ((these["year"] - prefer_year).abs() if prefer_year is not None else -these["year"])
    ordered = these.assign(distance=distance).sort_values(
        ["region_code", "distance", "year", "source_id"], kind="mergesort")
    return ordered.drop_duplicates("region_code").set_index("region_code")[["year", "value"]]


def _fill(frame: pd.DataFrame, values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Missing values -> the province median, else the national median; and the fill mask."""
    values = values.astype("float64")
    missing = values.isna()
    province_median = values.groupby(frame["province_bps"]).transform("median")
    filled = values.fillna(province_median).fillna(values.median())
    return filled, missing


# --------------------------------------------------------------------------------------
# Simulation


def simulate_kbpp(regions: pd.DataFrame, tidy: pd.DataFrame, years=range(2014, 2026),
                  seed: int = config.SEED,
                  params: SimulationParameters | None = None) -> pd.DataFrame:
    """The simulated KBPP table (``kbpp_schema.KBPP_COLUMNS``) for every regency x year.

    ``regions`` is ``regions.load_regions()``; ``tidy`` the tidy table with the real
    covariates. Calibrated in 2021 (see the module docstring); sorted by bps_code, year.
    """
    p = params or SimulationParameters()
    covariates = simulation_covariates(regions, tidy)
    out_years = sorted({int(y) for y in years})
    sim_years = sorted(set(out_years) | {CALIBRATION_YEAR})
    world = _World(covariates, np.array(sim_years), p, np.random.default_rng(seed))
    world.calibrate()
    acceptors = world.acceptors()

    n_regencies, n_years = world.deliveries.shape
    totals = acceptors.reshape(-1)
    mix = np.array([p.method_mix[m] for m in METHODS], dtype="float64")
    by_method = world.rng.multinomial(totals, mix / mix.sum())
    deliveries = world.deliveries.reshape(-1)

    frame = pd.DataFrame({
        "bps_code": np.repeat(covariates["bps_code"].to_numpy(), n_years),
        "year": np.tile(np.array(sim_years, dtype="int64"), n_regencies),
        "deliveries": deliveries,
        **{column: by_method[:, j] for j, column in enumerate(METHOD_COLUMNS)},
        "kbpp_total": totals,
        "kbpp_coverage_pct": np.round(100.0 * totals / deliveries, 2),
        "measure_type": "simulated",
        "source": simulated_source(seed),
    })
    frame = frame[frame["year"].isin(out_years)]
    frame = frame.astype({c: "int64" for c in COUNT_COLUMNS} | {"bps_code": "str"})
    return frame[KBPP_COLUMNS].sort_values(["bps_code", "year"], kind="mergesort").reset_index(drop=True)


class _World:
    """Deliveries and the linear predictor of coverage; calibrates the intercepts."""

    def __init__(self, covariates: pd.DataFrame, years: np.ndarray, p: SimulationParameters,
                 rng: np.random.Generator):
        self.p, self.rng, self.years = p, rng, years
        provinces = sorted(covariates["province_bps"].unique())
        self.provinces = np.array(provinces)
        province_index = covariates["province_bps"].map({c: i for i, c in enumerate(provinces)}).to_numpy()
        self.province_index = province_index
        self.papua = covariates["province_bps"].isin(PAPUA_REGION_PROVINCES).to_numpy()
        n_regencies, n_years = len(covariates), len(years)

        # Every draw in a fixed order and shape, before any calibration.
        province_effect = rng.normal(0.0, p.province_sd, len(provinces))
        province_cbr = rng.normal(0.0, p.cbr_province_sd, len(provinces))
        regency_effect = rng.normal(0.0, p.regency_sd, n_regencies)
        regency_year = rng.normal(0.0, p.regency_year_sd, (n_regencies, n_years))
        # Uniforms for the binomial draws by inversion (0 would give -1 acceptors).
        self.uniforms = np.clip(rng.random((n_regencies, n_years)), 1e-12, None)

        # Deliveries: population x crude birth rate.
        poverty = covariates["poverty_pct"].to_numpy()
        cbr = (p.crude_birth_rate * np.exp(province_cbr[province_index])
               * np.exp(p.cbr_poverty_slope * (poverty - np.median(poverty))))
        cbr = np.clip(cbr, *p.cbr_bounds)
        from_calibration = (years - CALIBRATION_YEAR)[None, :]
        from_population = years[None, :] - covariates["population_year"].to_numpy()[:, None]
        expected = (covariates["population"].to_numpy()[:, None]
                    * (1 + p.population_growth) ** from_population
                    * cbr[:, None] * (1 + p.cbr_annual_change) ** from_calibration)
        self.deliveries = np.maximum(rng.poisson(expected), 1).astype("int64")

        # Coverage: the linear predictor without the calibrated intercepts.
        facility = covariates["facility_pct"].to_numpy()
        spread = facility.std()
        z = (facility - facility.mean()) / spread if spread > 0 else np.zeros_like(facility)
        z = np.clip(z, -p.facility_clip_sd, p.facility_clip_sd)
        self.province_effect = province_effect
        self.fixed = (p.facility_slope * z + regency_effect)[:, None] + regency_year \
            + p.year_trend * from_calibration
        self.column = int(np.flatnonzero(years == CALIBRATION_YEAR)[0])
        self.intercept = 0.0
        self.papua_intercept = 0.0

    def _eta(self) -> np.ndarray:
        intercepts = np.where(self.papua, self.papua_intercept, self.intercept)
        return self.fixed + (self.province_effect[self.province_index] + intercepts)[:, None]

    def _realised_pct(self, eta_column: np.ndarray, rows: np.ndarray) -> float:
        n = self.deliveries[rows, self.column]
        draws = binom.ppf(self.uniforms[rows, self.column], n, expit(eta_column[rows]))
        return 100.0 * draws.sum() / n.sum()

    def calibrate(self) -> None:
        p = self.p
        papua, rest = self.papua, ~self.papua
        if papua.any():
            base = self._eta()[:, self.column] - self.papua_intercept * papua
            self.papua_intercept = brentq(
                lambda a: self._realised_pct(base + a * papua, papua) - p.papua_pct, -15, 15)
        everyone = np.ones_like(papua)
        floor = p.papua_pct + p.papua_floor_margin
        for _ in range(50):
            base = self._eta()[:, self.column] - self.intercept * rest
            self.intercept = brentq(
                lambda a: self._realised_pct(base + a * rest, everyone) - p.national_pct, -15, 15)
            if not papua.any() or not self._lift_low_provinces(floor):
                return
        raise RuntimeError("KBPP calibration did not settle: the Papua region cannot be kept "
                           "the lowest with these parameters")

    def _lift_low_provinces(self, floor: float) -> bool:
        """Raise the effect of provinces outside Papua whose expected coverage is under
        ``floor``; True if any moved."""
        eta = self._eta()[:, self.column]
        n = self.deliveries[:, self.column]
        moved = False
        for k, code in enumerate(self.provinces):
            if code in PAPUA_REGION_PROVINCES:
                continue
            rows = self.province_index == k
            if self._expected_pct(eta[rows], n[rows]) >= floor - 1e-9:
                continue
            lift = brentq(lambda d: self._expected_pct(eta[rows] + d, n[rows]) - floor, 0, 15)
            self.province_effect[k] += lift + 1e-6
            moved = True
        return moved

    @staticmethod
    def _expected_pct(eta: np.ndarray, n: np.ndarray) -> float:
        return 100.0 * float((expit(eta) * n).sum() / n.sum())

    def acceptors(self) -> np.ndarray:
        draws = binom.ppf(self.uniforms, self.deliveries, expit(self._eta()))
        return draws.astype("int64")


# --------------------------------------------------------------------------------------
# Checking the calibration


def calibration_report(frame: pd.DataFrame, regions: pd.DataFrame,
                       year: int = CALIBRATION_YEAR) -> pd.DataFrame:
    """Delivery-weighted KBPP coverage in ``year``: national, the Papua region, each province.

    ``coverage_pct`` = sum(deliveries x kbpp_coverage_pct) / sum(deliveries); ``target_pct``
    is the calibration anchor where there is one (national and Papua region). ``measure_type`` repeats the frame's label
    (e.g. "simulated").
    """
    rows = frame[frame["year"] == year].merge(
        regions[["bps_code", "province_bps", "province_name"]].astype(str), on="bps_code",
        how="left", validate="many_to_one")
    rows = rows.assign(weighted=rows["deliveries"] * rows["kbpp_coverage_pct"])
    label = ";".join(sorted(rows["measure_type"].astype(str).unique()))

    def summary(part: pd.DataFrame, level: str, code: str, name: str, target) -> dict:
        deliveries = int(part["deliveries"].sum())
        return {"level": level, "code": code, "name": name, "year": year,
                "regencies": len(part), "deliveries": deliveries,
                "kbpp_total": int(part["kbpp_total"].sum()),
                "coverage_pct": part["weighted"].sum() / deliveries if deliveries else np.nan,
                "target_pct": target, "measure_type": label}

    papua = rows["province_bps"].isin(PAPUA_REGION_PROVINCES)
    records = [summary(rows, "national", "ID", "Indonesia", NATIONAL_PCT),
               summary(rows[papua], "region", "papua", "Wilayah Papua (Papua sebelum pemekaran 2022, 4 provinsi)",
                       PAPUA_PCT)]
    for (code, name), part in rows.groupby(["province_bps", "province_name"], sort=True):
        records.append(summary(part, "province", code, name, np.nan))
    return pd.DataFrame.from_records(records)
