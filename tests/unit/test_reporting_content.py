"""The facts of the reports, computed by hand on small tables."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kbanalysis.reporting import content as C


def analysis_rows(rows: list[dict]) -> pd.DataFrame:
    """A small analysis table; unspecified columns are missing."""
    base = {"name": "", "type": "kabupaten", "province_bps": "32", "province_name": "Jawa Barat",
            "latitude": -7.0, "longitude": 107.0, "stunting_survey_pct": np.nan,
            "stunting_weighing_pct": np.nan, "poverty_pct": np.nan, "population": np.nan,
            "deliveries": np.nan, "kbpp_total": np.nan, "kbpp_coverage_pct": np.nan,
            "kbpp_measure_type": "", "kbpp_source": "", "flags": ""}
    frame = pd.DataFrame([{**base, **row} for row in rows])
    return frame.astype({"bps_code": "str", "year": "int64"})


@pytest.fixture()
def analysis():
    return analysis_rows([
        {"bps_code": "3201", "year": 2023, "name": "Kabupaten A", "stunting_weighing_pct": 5.0,
         "deliveries": 900, "kbpp_total": 450, "kbpp_coverage_pct": 50.0, "kbpp_measure_type": "simulated"},
        {"bps_code": "3201", "year": 2024, "name": "Kabupaten A", "stunting_survey_pct": 20.0,
         "stunting_weighing_pct": 6.0, "poverty_pct": 10.0, "population": 1000,
         "flags": "stunting_survey_pct:small_area;poverty_pct:derived"},
        {"bps_code": "3202", "year": 2024, "name": "Kabupaten B", "stunting_survey_pct": 10.0,
         "poverty_pct": 20.0, "population": 3000, "deliveries": 1000, "kbpp_total": 700,
         "kbpp_coverage_pct": 70.0, "kbpp_measure_type": "simulated"},
        {"bps_code": "3271", "year": 2024, "name": "Kota C", "type": "kota", "stunting_survey_pct": 10.0,
         "poverty_pct": 30.0, "population": 1000, "deliveries": 100, "kbpp_total": 80,
         "kbpp_coverage_pct": 80.0, "kbpp_measure_type": "simulated"},
        {"bps_code": "3501", "year": 2024, "name": "Kabupaten D", "province_bps": "35",
         "province_name": "Jawa Timur", "stunting_survey_pct": 1.0, "poverty_pct": 11.0},
    ])


@pytest.fixture()
def cross(analysis):
    return C.cross_section(analysis)


def test_cross_section_takes_each_latest_value_and_kbpp_from_one_year(cross):
    a = cross.set_index("bps_code").loc["3201"]
    assert a["stunting_survey_pct"] == 20.0 and a["stunting_survey_pct_year"] == 2024
    assert a["stunting_weighing_pct"] == 6.0
    # KBPP exists only in 2023 for A: counts and coverage come from that row together
    assert (a["kbpp_year"], a["deliveries"], a["kbpp_total"]) == (2023, 900, 450)
    assert a["stunting_flags"] == "small_area"  # the poverty flag is not a stunting flag
    assert list(cross["bps_code"]) == ["3201", "3202", "3271", "3501"]


def test_stunting_summary_band_is_plus_minus_four_points_clipped_at_zero(cross):
    s = C.stunting_summary(cross, "3201")
    assert (s["low"], s["high"], s["approximate"]) == (16.0, 24.0, True)
    assert C.stunting_summary(cross, "3501")["low"] == 0.0  # 1 % - 4 points is not negative


def test_target_gaps_against_the_three_rpjmn_targets():
    gaps = C.target_statuses(15.0)
    assert list(gaps["target_pct"]) == [14.0, 18.8, 14.2]
    assert list(gaps["gap"]) == [1.0, -3.8, 0.8]
    assert C.target_statuses(None)["gap"].isna().all()


@pytest.mark.parametrize(("deliveries", "acceptors", "target", "expected"), [
    (1000, 600, 70.0, 100),
    (1000, 700, 70.0, 0),   # exactly at target (0.7 * 1000 is not exactly 700 in floating point)
    (1000, 800, 70.0, 0),   # above target: nobody more to reach
    (999, 0, 70.0, 700),    # 699.3 mothers round up to 700
    (None, 5, 70.0, None),
])
def test_mothers_to_reach(deliveries, acceptors, target, expected):
    assert C.mothers_to_reach(deliveries, acceptors, target) == expected


def test_kbpp_summary(cross):
    k = C.kbpp_summary(cross, "3202")
    assert (k["coverage"], k["deliveries"], k["total"], k["simulated"]) == (70.0, 1000, 700, True)
    # no KBPP target without a citable document: nothing is measured against 70 %
    assert not {"target", "gap", "mothers"} & set(k)
    a = C.kbpp_summary(cross, "3201")
    assert (a["year"], a["coverage"]) == (2023, 50.0)


# -- planning numbers: deliveries a year and acceptors per 10 points ------------------------


@pytest.mark.parametrize("children, estimate, month, per_year, per_month", [
    # by hand: 51,940 / 5 = 10,388 -> 10,390 (tens); / 12 = 865.8 -> 866;
    # 10 % of 10,390 = 1,039; / 12 = 86.6 -> 87
    (51940, 10390, 866, 1039, 87),
    # 12,715 / 5 = 2,543 -> 2,540; / 12 = 211.7 -> 212; 254; 254 / 12 = 21.2 -> 21
    (12715, 2540, 212, 254, 21),
    # 7,625 / 5 = 1,525 -> 1,530 (a half goes up); / 12 = 127.5 -> 128; 153; 12.75 -> 13
    (7625, 1530, 128, 153, 13),
])
def test_deliveries_plan_from_children_0_4(children, estimate, month, per_year, per_month):
    plan = C.deliveries_plan({"children_0_4": children, "children_0_4_year": 2025})
    assert (plan["estimate"], plan["estimate_month"]) == (estimate, month)
    assert (plan["per_10_year"], plan["per_10_month"], plan["basis"]) == (per_year, per_month, "estimate")
    assert plan["office"] is None


def test_deliveries_plan_prefers_the_office_deliveries_for_acceptors_per_10_points():
    plan = C.deliveries_plan({"children_0_4": 5000, "children_0_4_year": 2025, "deliveries": 1234,
                              "kbpp_year": 2023, "kbpp_measure_type": "administrative"})
    # estimate 5,000 / 5 = 1,000; acceptors per 10 points on the office's 1,234: 123.4 -> 123
    assert (plan["estimate"], plan["office"], plan["office_year"]) == (1000, 1234, 2023)
    assert (plan["per_10_year"], plan["per_10_month"], plan["basis"]) == (123, 10, "office")


def test_simulated_deliveries_are_never_planned_on():
    plan = C.deliveries_plan({"children_0_4": 5000, "children_0_4_year": 2025, "deliveries": 9999,
                              "kbpp_year": 2023, "kbpp_measure_type": "simulated"})
    assert plan["office"] is None and plan["per_10_year"] == 100  # 10 % of 5,000 / 5
    assert C.deliveries_plan({"deliveries": 10, "kbpp_measure_type": "simulated"}) is None


@pytest.mark.parametrize("value, year, statuses", [
    # Kalimantan Barat 2024, 26.8 %: above 14 (2024); towards 18.8 (2025) and 14.2 (2029)
    (26.8, 2024, [("not_met", False), ("not_met", True), ("not_met", True)]),
    (14.0, 2024, [("met", False), ("met", True), ("met", True)]),
])
def test_own_figure_against_the_targets(value, year, statuses):
    table = C.own_target_statuses(value, year)
    assert list(table["target_pct"]) == [14.0, 18.8, 14.2]
    assert list(zip(table["status"], table["ahead"])) == statuses
    assert table["gap"].iloc[0] == pytest.approx(round(value - 14.0, 1))


def test_rank_within_province_shares_ties_and_ignores_other_provinces(cross):
    assert C.province_rank(cross, "3202", "stunting_survey_pct") == {"rank": 1, "n": 3}
    assert C.province_rank(cross, "3271", "stunting_survey_pct") == {"rank": 1, "n": 3}
    assert C.province_rank(cross, "3201", "stunting_survey_pct") == {"rank": 3, "n": 3}
    assert C.province_rank(cross, "3271", "kbpp_coverage_pct", ascending=False) == {"rank": 1, "n": 3}
    assert C.province_rank(cross, "3501", "kbpp_coverage_pct") is None


def test_similar_regencies_are_the_nearest_on_standardised_covariates():
    rows = [{"bps_code": f"11{i:02d}", "year": 2024, "name": f"R{i}", "poverty_pct": float(p),
             "births_outside_facility_pct": float(b)}
            for i, (p, b) in enumerate([(10, 10), (11, 10), (10, 30), (40, 10), (12, 11)])]
    cross = C.cross_section(analysis_rows(rows))
    peers = C.similar_regencies(cross, "1100", covariates=("poverty_pct", "births_outside_facility_pct"), k=3)
    assert list(peers["bps_code"]) == ["1101", "1104", "1102"]
    assert peers["distance"].is_monotonic_increasing
    assert "1100" not in set(peers["bps_code"])


def test_similar_regencies_empty_without_covariates(cross):
    assert C.similar_regencies(cross, "3201", covariates=("sppg_per_100k",)).empty


def test_model_position_and_share_of_larger_residuals():
    predictions = pd.DataFrame({"bps_code": ["1", "2", "3", "4", "5"],
                                "observed": [10.0, 20.0, 30.0, 40.0, 50.0],
                                "expected": [11.0, 15.0, 30.0, 30.0, 49.0],
                                "residual": [-1.0, 5.0, 0.0, 10.0, 1.0]})
    pos = C.model_position(predictions, "2")
    assert (pos["observed"], pos["expected"], pos["residual"]) == (20.0, 15.0, 5.0)
    assert pos["share_larger"] == 25.0  # one of the four others (residual 10) is larger
    assert C.model_position(predictions, "9") is None
    assert C.model_position(None, "2") is None


def test_area_overview_weights_stunting_by_population_and_pools_kbpp(cross):
    o = C.area_overview(cross[cross["province_bps"] == "32"])
    assert o["stunting"] == pytest.approx((20 * 1000 + 10 * 3000 + 10 * 1000) / 5000)
    assert o["kbpp"] == pytest.approx(100 * (450 + 700 + 80) / (900 + 1000 + 100))
    assert o["n_below_2024_target"] == 2 and o["n"] == 3


def test_model_comparison_keeps_the_per_10_rows_of_the_main_estimators():
    estimates = pd.DataFrame({
        "model": ["ols", "ols", "ols", "fractional_logit_coef", "sensitivity:main", "province_fe"],
        "term": ["(intercept)", "kbpp_coverage_pct", "kbpp_coverage_pct",
                 "kbpp_coverage_pct", "kbpp_coverage_pct", "kbpp_coverage_pct"],
        "estimate": [1.0, 0.04, 0.4, 0.01, 0.04, -0.2],
        "is_exposure": [False, True, True, False, True, True],
        "scale": ["pp per unit", "pp per unit", "pp per 10 points", "log-odds", "pp per unit",
                  "pp per 10 points"]})
    rows = C.model_comparison(estimates)
    assert list(rows["model"]) == ["ols", "province_fe"] and C.is_per_10(rows)
    assert C.model_comparison(None) is None


def test_simulated_inputs_are_named(analysis):
    assert C.simulated_inputs(analysis, None) == ["simulated_kbpp"]
    assert C.simulated_inputs(analysis, {"simulated": True}) == ["simulated_kbpp", "simulated_model"]
    real = analysis.assign(kbpp_measure_type="administrative")
    assert C.simulated_inputs(real, {"simulated": False}) == []


def test_expected_effect_prefers_the_range_fit_used():
    meta = {"expected_effect": {"coverage_rise_pts": 10, "lower_pp": -0.3, "upper_pp": -0.01,
                                "scenarios": [{"source": "x", "expected_pp": -0.3}]}}
    found = C.expected_effect(meta)
    assert (found["lower_pp"], found["upper_pp"]) == (-0.3, -0.01)
    computed = C.expected_effect({})  # falls back to kbanalysis.expected with its defaults
    from kbanalysis.expected import expected_effect
    reference = expected_effect().as_dict()
    assert computed is not None
    assert (computed["lower_pp"], computed["upper_pp"]) == pytest.approx(
        (reference["lower_pp"], reference["upper_pp"]), rel=1e-12)
    assert computed["coverage_rise_pts"] == 10.0
    assert len(computed["scenarios"]) == len(reference["scenarios"]) > 0
    assert computed["lower_pp"] < computed["upper_pp"] < 0  # more KBPP, less stunting


def test_provenance_lists_hashes_versions_parameters():
    prov = C.provenance({"b.csv": "2" * 64, "a.csv": "1" * 64}, {"regency": "3205"},
                        {"seed": 5, "specification": {"outcome": "y", "exposure": "x", "covariates": []}})
    assert list(prov["inputs"]) == ["a.csv", "b.csv"]
    assert {"python", "kbanalysis", "pandas"} <= set(prov["versions"])
    assert prov["parameters"] == {"regency": "3205"} and prov["model"]["seed"] == "5"


def test_weighted_mean_uses_the_rows_with_weights_and_says_how_many():
    values = pd.Series([10.0, 20.0, 40.0])
    assert C.weighted_mean(values, pd.Series([1.0, 3.0, np.nan])) == (17.5, 2)
    assert C.weighted_mean(values, pd.Series([np.nan] * 3)) == (pytest.approx(70 / 3), 0)
    assert C.weighted_mean(pd.Series([np.nan]), None) == (None, 0)


def test_real_kbpp_sources_name_every_file_and_only_real_rows():
    content = C
    from kbanalysis.reporting import blocks
    analysis = pd.DataFrame({
        "kbpp_measure_type": ["administrative", "administrative", "simulated", None],
        "kbpp_source": ["profil_2023.xlsx", "register.csv; profil_2023.xlsx",
                        "simulated: kbanalysis.simulate.kbpp seed=1", None]})
    assert content.real_kbpp_sources(analysis) == ["profil_2023.xlsx", "register.csv"]
    note = blocks.real_data_note(content.real_kbpp_sources(analysis), "id")
    assert "nyata" in note.plain and "register.csv" in note.markup
    assert blocks.real_data_note([], "en") is None
    assert content.real_kbpp_sources(analysis.iloc[2:]) == []


def test_an_office_count_under_half_the_estimate_is_flagged_as_partial():
    # Children 0-4 of 129,100: 25,820 deliveries a year (/5). A register of 487 deliveries
    # (one puskesmas) is under half of that; 20,000 (most facilities) is not.
    from kbanalysis.reporting.content import deliveries_plan

    row = {"children_0_4": 129_100.0, "children_0_4_year": 2025.0, "kbpp_year": 2023.0,
           "kbpp_coverage_pct": 46.8, "kbpp_measure_type": "administrative"}
    partial = deliveries_plan({**row, "deliveries": 487.0})
    assert partial["estimate"] == 25_820 and partial["office_partial"]
    assert partial["per_10_year"] == 49  # still planned on the office's count, with the warning
    assert not deliveries_plan({**row, "deliveries": 20_000.0})["office_partial"]
    assert not deliveries_plan({**row, "deliveries": None})["office_partial"]
