"""The committed default is real: what a clean clone's tables, results and availability hold.

Expected values are read by hand from the raw files (PROVENANCE sections 12-16), not from
the code: Kab. Tegal 91.3 and Kota Magelang 13.7 (Profil Kesehatan Jawa Tengah 2021,
Gambar 5.17); Kab. Sumedang 27.6 and Kota Bekasi 6.0 (SSGI 2022 as quoted by Databoks).
"""
from __future__ import annotations

import json

import pytest

from kbanalysis import config, dataset
from kbanalysis.availability import load_availability

TEGAL, MAGELANG, SUMEDANG, BEKASI = "3328", "3371", "3211", "3275"
SULAWESI_BARAT = "76"


@pytest.fixture(scope="module")
def analysis():
    return dataset.load_analysis()


def _value(analysis, code, year, column):
    rows = analysis[(analysis["bps_code"] == code) & (analysis["year"] == year)]
    assert len(rows) == 1, (code, year)
    return rows.iloc[0][column]


def test_no_simulated_value_in_the_committed_tables_or_results(analysis):
    tidy, kbpp = dataset.load_tidy(), dataset.load_kbpp()
    assert not tidy["measure_type"].eq("simulated").any()
    assert not kbpp["measure_type"].eq("simulated").any()
    assert not analysis["kbpp_measure_type"].eq("simulated").any()
    meta = json.loads((config.RESULTS_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["simulated"] is False
    assert "simulated" not in (config.PROCESSED_DIR / "availability.csv").read_text()


def test_real_kbpp_coverage_as_printed_for_jawa_tengah_2021(analysis):
    assert _value(analysis, TEGAL, 2021, "kbpp_coverage_pct") == pytest.approx(91.3)
    assert _value(analysis, MAGELANG, 2021, "kbpp_coverage_pct") == pytest.approx(13.7)
    # Coverage only: the counts were not printed, so they stay unknown.
    assert _value(analysis, TEGAL, 2021, "deliveries") is dataset.pd.NA
    real = analysis[analysis["kbpp_coverage_pct"].notna()]
    assert set(real["province_bps"]) == {"33"} and real["bps_code"].nunique() == 35


def test_regencies_without_a_real_figure_have_no_kbpp_value(analysis):
    others = analysis[analysis["province_bps"] != "33"]
    assert others["kbpp_coverage_pct"].isna().all()
    assert others["kbpp_measure_type"].isna().all()


def test_every_regency_has_population_and_children_under_five(analysis):
    for column, year in (("population", 2024), ("children_0_4", 2025)):
        rows = analysis[(analysis["year"] == year) & analysis[column].notna()]
        assert rows["bps_code"].nunique() == 514, column


def test_sulawesi_barat_regencies_have_september_2025_modern_prevalence(analysis):
    rows = analysis[(analysis["province_bps"] == SULAWESI_BARAT) & (analysis["year"] == 2025)]
    assert len(rows) == 6
    assert rows["modern_cpr_pct"].between(1, 100).all()


def test_jawa_barat_has_ssgi_2022_values_flagged_secondary(analysis):
    assert _value(analysis, SUMEDANG, 2022, "stunting_survey_pct") == pytest.approx(27.6)
    assert _value(analysis, BEKASI, 2022, "stunting_survey_pct") == pytest.approx(6.0)
    assert "stunting_survey_pct:secondary_source" in _value(analysis, SUMEDANG, 2022, "flags")
    jabar_2022 = analysis[(analysis["province_bps"] == "32") & (analysis["year"] == 2022)]
    assert jabar_2022["stunting_survey_pct"].notna().sum() == 27


def test_known_conflicts_of_the_secondary_lists_are_in_the_ledger():
    rejects = dataset.load_rejects()
    conflicts = rejects[rejects["reason"] == "conflicting_sources"]
    # Tapanuli Tengah 2022 was printed as 30.5 and as 20.5 (PROVENANCE section 15).
    assert conflicts["detail"].str.contains("30.5").any()
    assert conflicts["detail"].str.contains("20.5").any()


def test_availability_names_the_kind_of_each_value():
    table = load_availability().set_index("bps_code")
    assert len(table) == 514
    assert table.at[TEGAL, "kbpp_coverage_pct"] == "administrative 2021"
    assert table.at["1101", "kbpp_coverage_pct"] == ""
    # SSGI 2024 from the official table; 2021 and 2022 as quoted by news pages.
    assert table.at[SUMEDANG, "stunting_survey_pct"] == "official 2024; secondary 2021-2022"


def test_the_committed_results_use_the_35_real_regencies():
    meta = json.loads((config.RESULTS_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["data"]["n_obs"] == 35
    assert meta["data"]["n_clusters"] in (1, 35)
