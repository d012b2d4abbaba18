"""The simulated KBPP layer: shape, labels, calibration to the verified anchors, determinism.

The anchors are typed here from their publications, not taken from the code: Profil Kesehatan
Jawa Tengah 2021 (programme KBPP coverage 53.9 %, kab/kota 13.7-91.3 %) and BPS Statistik
Kesehatan 2022 (modern method after delivery: national 73.01 %, Papua 28.71 %).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import spearmanr

from kbanalysis import config
from kbanalysis.indicators import TIDY_COLUMNS
from kbanalysis.kbpp_schema import KBPP_COLUMNS, METHOD_COLUMNS, validate_kbpp
from kbanalysis.regions import load_regions
from kbanalysis.simulate.kbpp import (
    PAPUA_REGION_PROVINCES,
    calibration_report,
    simulate_kbpp,
    simulation_covariates,
)

REGIONS = load_regions()
YEARS = list(range(2014, 2026))
# The Papua region, written out independently of the module.
PAPUA = {"94", "95", "96", "97"}  # pre-2022 Papua, as surveyed by Susenas 2022
NATIONAL_2021 = 53.9  # Jawa Tengah's published programme coverage, standing for the nation
PAPUA_2021 = 53.9 * 28.71 / 73.01  # the Susenas Papua-to-national ratio carried over (21.19)
YEAR = 2021


# --- covariates -----------------------------------------------------------------------------

def _tidy_rows(records) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=["region_code", "year", "indicator", "value"])
    return frame.assign(level="regency", unit="", measure_type="survey", source_id="test",
                        source_row=np.arange(len(frame)) + 2, flags="", source_ref="")[TIDY_COLUMNS]


def constructed_covariates() -> pd.DataFrame:
    """A made-up covariate tidy table for all 514 regencies (no raw files needed).

    Papua regencies get fewer facility deliveries and more poverty, as in Susenas; a few
    regencies have no population (like the 16 without SPPG in the real table).
    """
    rng = np.random.default_rng(7)
    papua = REGIONS["province_bps"].isin(PAPUA).to_numpy()
    outside = np.where(papua, rng.uniform(10, 90, len(REGIONS)), rng.uniform(0, 40, len(REGIONS)))
    poverty = np.where(papua, rng.uniform(15, 40, len(REGIONS)), rng.uniform(3, 20, len(REGIONS)))
    population = rng.lognormal(np.log(450_000), 0.7, len(REGIONS))
    records = []
    for i, code in enumerate(REGIONS["bps_code"]):
        records.append((code, 2024, "births_outside_facility_pct", round(outside[i], 1)))
        records.append((code, 2025, "births_outside_facility_pct", round(outside[i] / 2, 1)))
        records.append((code, 2024, "poverty_pct", round(poverty[i], 2)))
        if i % 40 != 5:
            records.append((code, 2025, "population", round(population[i])))
    return _tidy_rows(records)


def real_covariates(raw_dir) -> pd.DataFrame:
    """Tidy covariate rows of the raw Susenas, SSGI/IKP and BPS population tables, through the
    readers (as the build reads them)."""
    from kbanalysis.dataset import RAW_SOURCES, raw_source_file
    from kbanalysis.regions import default_resolver
    from kbanalysis.sources.ssgi import read_ssgi_kabkota
    from kbanalysis.sources.susenas import read_susenas_kabkota
    population = next(s for s in RAW_SOURCES if s.source_id == "bps_population")
    parts = [read_susenas_kabkota(raw_source_file(raw_dir, "susenas_kabkota")).tidy,
             read_ssgi_kabkota(raw_source_file(raw_dir, "ssgi2024_kabkota")).tidy,
             population.read(raw_source_file(raw_dir, "bps_population"), default_resolver(),
                             "bps_population").tidy]
    return pd.concat(parts, ignore_index=True)[TIDY_COLUMNS]


def _covariates(request):
    if request.param == "real":
        return real_covariates(request.getfixturevalue("raw_dir"))
    return constructed_covariates()


@pytest.fixture(scope="module", params=["real", "constructed"])
def world(request):
    tidy = _covariates(request)
    return tidy, simulate_kbpp(REGIONS, tidy)


@pytest.fixture(scope="module")
def constructed():
    tidy = constructed_covariates()
    return tidy, simulate_kbpp(REGIONS, tidy)


def _weighted_coverage(rows: pd.DataFrame) -> float:
    return float((rows["deliveries"] * rows["kbpp_coverage_pct"]).sum() / rows["deliveries"].sum())


def _with_province(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.merge(REGIONS[["bps_code", "province_bps"]], on="bps_code", how="left")


# --- shape and labels ----------------------------------------------------------------------

def test_one_row_per_regency_and_year_in_the_kbpp_schema(world):
    _, frame = world
    assert list(frame.columns) == KBPP_COLUMNS
    assert len(frame) == 514 * 12
    assert set(frame["bps_code"]) == set(REGIONS["bps_code"])
    assert sorted(frame["year"].unique()) == YEARS
    assert not frame.duplicated(["bps_code", "year"]).any()
    assert validate_kbpp(frame, "kbpp.csv") == []


def test_every_row_is_labelled_simulated(world):
    _, frame = world
    assert (frame["measure_type"] == "simulated").all()
    assert (frame["source"] == f"simulated: kbanalysis.simulate.kbpp seed={config.SEED}").all()


def test_counts_add_up(world):
    _, frame = world
    assert (frame[METHOD_COLUMNS].sum(axis=1) == frame["kbpp_total"]).all()
    assert (frame["kbpp_total"] <= frame["deliveries"]).all()
    assert np.allclose(frame["kbpp_coverage_pct"], 100 * frame["kbpp_total"] / frame["deliveries"],
                       atol=0.005 + 1e-9)


def test_national_deliveries_are_about_indonesias_births(world):
    # Indonesia has roughly 4.5-4.8 million births a year (CBR ~16/1000 x ~280 million).
    _, frame = world
    national = frame.groupby("year")["deliveries"].sum()
    assert national.between(3.8e6, 5.6e6).all()
    # A gentle trend, not jumps: no year moves by more than 5 % against the one before.
    assert national.pct_change().dropna().abs().max() < 0.05


# --- calibration ----------------------------------------------------------------------------

def test_national_2021_coverage_is_the_jawa_tengah_programme_figure(world):
    _, frame = world
    # Calibrated on the published draws, so only the 2-decimal rounding of coverage is left.
    assert _weighted_coverage(frame[frame["year"] == YEAR]) == pytest.approx(NATIONAL_2021, abs=0.01)


def test_no_anchor_without_a_source_is_left():
    # "45 % within 42 days" had no source: nothing may be calibrated to it.
    assert not hasattr(config, "KBPP_NATIONAL_PCT")
    from kbanalysis.simulate.kbpp import SimulationParameters
    assert SimulationParameters().national_pct == pytest.approx(NATIONAL_2021)
    assert SimulationParameters().papua_pct == pytest.approx(PAPUA_2021, abs=0.005)


def test_jawa_tengah_regencies_spread_about_as_widely_as_the_real_ones(world):
    # Real 2021 range 13.7-91.3 % over 35 kab/kota: on the logit scale about 4.2 wide.
    _, frame = world
    rows = _with_province(frame[frame["year"] == YEAR])
    jateng = rows.loc[rows["province_bps"] == "33", "kbpp_coverage_pct"] / 100
    width = np.ptp(np.log(jateng / (1 - jateng)))
    real_width = np.log(0.913 / 0.087) - np.log(0.137 / 0.863)
    assert len(jateng) == 35
    assert 0.5 * real_width < width < 1.6 * real_width


def test_papua_region_2021_coverage_is_scaled_by_the_susenas_ratio_and_lowest(world):
    _, frame = world
    rows = _with_province(frame[frame["year"] == YEAR])
    in_papua = rows["province_bps"].isin(PAPUA)
    papua = _weighted_coverage(rows[in_papua])
    assert papua == pytest.approx(PAPUA_2021, abs=0.02)
    others = rows[~in_papua].groupby("province_bps").apply(_weighted_coverage)
    assert len(others) == 34
    assert papua < others.min()


def test_papua_region_stays_lowest_next_to_a_province_with_few_facility_births():
    # Stress case: Maluku (81) with almost no facility births would, through the facility
    # slope alone, fall below the Papua region; Susenas 2022 has Papua lowest.
    tidy = constructed_covariates()
    maluku = set(REGIONS.loc[REGIONS["province_bps"] == "81", "bps_code"])
    outside = (tidy["indicator"] == "births_outside_facility_pct") & tidy["region_code"].isin(maluku)
    tidy.loc[outside, "value"] = 95.0
    frame = simulate_kbpp(REGIONS, tidy, years=[YEAR])
    rows = _with_province(frame)
    papua = _weighted_coverage(rows[rows["province_bps"].isin(PAPUA)])
    assert papua == pytest.approx(PAPUA_2021, abs=0.1)
    assert _weighted_coverage(rows[rows["province_bps"] == "81"]) > papua
    assert _weighted_coverage(rows) == pytest.approx(NATIONAL_2021, abs=0.1)


def test_coverage_rises_with_facility_deliveries(world):
    tidy, frame = world
    covariates = simulation_covariates(REGIONS, tidy).set_index("bps_code")
    rows = frame[frame["year"] == YEAR].set_index("bps_code")
    facility = covariates.loc[rows.index, "facility_pct"]
    assert spearmanr(facility, rows["kbpp_coverage_pct"]).statistic > 0
    # Also inside the rest of the country, where no Papua shift helps the relation along.
    outside = ~covariates.loc[rows.index, "province_bps"].isin(PAPUA)
    assert spearmanr(facility[outside], rows.loc[outside, "kbpp_coverage_pct"]).statistic > 0


def test_method_mix_has_injectables_first_and_vasectomy_last(world):
    # BKKBN reports: injectables are the largest KBPP method, vasectomy (MOP) near zero.
    _, frame = world
    shares = frame[METHOD_COLUMNS].sum() / frame["kbpp_total"].sum()
    assert shares.idxmax() == "kbpp_suntik"
    assert shares.idxmin() == "kbpp_mop"
    assert shares["kbpp_mop"] < 0.01


def test_calibration_report_matches_a_hand_computed_summary(constructed):
    _, frame = constructed
    report = calibration_report(frame, REGIONS, year=YEAR).set_index("code")
    rows = _with_province(frame[frame["year"] == YEAR])
    assert report.at["ID", "coverage_pct"] == pytest.approx(_weighted_coverage(rows))
    assert report.at["ID", "deliveries"] == rows["deliveries"].sum()
    assert report.at["papua", "regencies"] == rows["province_bps"].isin(PAPUA).sum()
    assert report.at["32", "coverage_pct"] == pytest.approx(
        _weighted_coverage(rows[rows["province_bps"] == "32"]))
    assert (report["level"] == "province").sum() == 38
    assert (report["measure_type"] == "simulated").all()
    assert set(PAPUA_REGION_PROVINCES) == PAPUA


# --- determinism ----------------------------------------------------------------------------

def test_same_seed_same_bytes_whatever_the_row_order(constructed):
    tidy, frame = constructed
    shuffled_regions = REGIONS.sample(frac=1, random_state=3).reset_index(drop=True)
    shuffled_tidy = tidy.sample(frac=1, random_state=4).reset_index(drop=True)
    again = simulate_kbpp(shuffled_regions, shuffled_tidy)
    assert again.to_csv(index=False) == frame.to_csv(index=False)


def test_another_seed_gives_another_frame_still_calibrated(constructed):
    tidy, frame = constructed
    other = simulate_kbpp(REGIONS, tidy, seed=config.SEED + 1)
    assert not other[METHOD_COLUMNS].equals(frame[METHOD_COLUMNS])
    assert (other["source"] == f"simulated: kbanalysis.simulate.kbpp seed={config.SEED + 1}").all()
    assert _weighted_coverage(other[other["year"] == YEAR]) == pytest.approx(NATIONAL_2021, abs=0.1)


def test_years_outside_the_calibration_year_keep_calibration(constructed):
    tidy, _ = constructed
    frame = simulate_kbpp(REGIONS, tidy, years=[2024, 2025])
    assert sorted(frame["year"].unique()) == [2024, 2025] and len(frame) == 514 * 2
    assert validate_kbpp(frame, "kbpp.csv") == []


# --- covariates and their fills -------------------------------------------------------------

def test_missing_population_is_the_province_median():
    tidy = constructed_covariates()
    covariates = simulation_covariates(REGIONS, tidy).set_index("bps_code")
    given = tidy[tidy["indicator"] == "population"].set_index("region_code")["value"]
    missing = sorted(set(REGIONS["bps_code"]) - set(given.index))
    assert missing and covariates.loc[missing, "population_filled"].all()
    assert not covariates.loc[given.index, "population_filled"].any()
    for code in missing:
        province = covariates.at[code, "province_bps"]
        peers = [c for c in REGIONS.loc[REGIONS["province_bps"] == province, "bps_code"] if c in given.index]
        assert covariates.at[code, "population"] == pytest.approx(given[peers].median())


def test_facility_share_is_100_minus_births_outside_facility_in_2024():
    # The brief names Susenas 2024; the 2025 cells are noisier (Papua cells of 0 and 100).
    tidy = constructed_covariates()
    covariates = simulation_covariates(REGIONS, tidy).set_index("bps_code")
    rows = tidy[(tidy["indicator"] == "births_outside_facility_pct") & (tidy["year"] == 2024)]
    outside = rows.set_index("region_code")["value"]
    assert np.allclose(covariates.loc[outside.index, "facility_pct"], 100 - outside)


def test_a_missing_covariate_is_a_clear_error():
    tidy = constructed_covariates()
    without = tidy[tidy["indicator"] != "births_outside_facility_pct"]
    with pytest.raises(ValueError, match="births_outside_facility_pct"):
        simulate_kbpp(REGIONS, without)


def test_parameters_keep_the_documented_directions():
    from kbanalysis.simulate.kbpp import SimulationParameters
    with pytest.raises(ValueError, match="facility_slope must be positive"):
        SimulationParameters(facility_slope=-0.3)
    with pytest.raises(ValueError, match="papua_pct < national_pct"):
        SimulationParameters(papua_pct=60.0)
    with pytest.raises(ValueError, match="method_mix"):
        SimulationParameters(method_mix={"suntik": 1.0})
