"""The fully synthetic (SIMULATED) world: shape, labels, truth and its switches."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kbanalysis import config
from kbanalysis.regions import load_provinces
from kbanalysis.simulate.synthetic import (
    ANALYSIS_COLUMNS,
    is_synthetic,
    synthetic_table,
    true_effect,
)

CONTRACT_COLUMNS = (
    "bps_code year name type province_bps province_name latitude longitude "
    "stunting_survey_pct stunting_weighing_pct poverty_pct births_outside_facility_pct "
    "first_birth_before_20_pct food_security_index sppg_per_100k sppg_count population "
    "deliveries kbpp_kondom kbpp_suntik kbpp_pil kbpp_akdr kbpp_mop kbpp_mow kbpp_implan "
    "kbpp_mal kbpp_total kbpp_coverage_pct kbpp_measure_type kbpp_source flags").split()


@pytest.fixture(scope="module")
def world():
    return synthetic_table(seed=3)


def test_columns_follow_the_analysis_table_contract(world):
    assert ANALYSIS_COLUMNS == CONTRACT_COLUMNS
    assert list(world.columns) == CONTRACT_COLUMNS
    assert world["bps_code"].str.fullmatch(r"\d{4}").all() and world["bps_code"].is_unique
    assert (world["bps_code"].str[:2] == world["province_bps"]).all()
    assert world.equals(world.sort_values(["bps_code", "year"]).reset_index(drop=True))


def test_everything_is_labelled_simulated(world):
    assert world["name"].str.startswith("SIMULATED").all()
    assert world["province_name"].str.startswith("SIMULATED").all()
    assert (world["kbpp_measure_type"] == "simulated").all()
    assert world["kbpp_source"].str.startswith("simulated").all()
    assert world.attrs["simulated"] is True
    stripped = world.copy()
    stripped.attrs = {}
    assert is_synthetic(stripped)


def test_province_codes_never_collide_with_real_ones(world):
    assert set(world["province_bps"]).isdisjoint(set(load_provinces()["province_bps"]))


def test_layout_and_kota_codes(world):
    sizes = world.groupby("province_bps").size()
    assert len(sizes) == 38 and sizes.between(5, 25).all()
    kota = world["type"] == "kota"
    assert (world.loc[kota, "bps_code"].str[2:].astype(int) >= 71).all()
    assert (world.loc[~kota, "bps_code"].str[2:].astype(int) < 71).all()
    real_sizes = load_provinces()["n_regencies"].astype(int).tolist()
    assert len(synthetic_table(regencies_per_province=real_sizes)) == 514


def test_kbpp_accounting_holds(world):
    methods = world[[f"kbpp_{m}" for m in config.KBPP_METHODS]].sum(axis=1)
    assert (methods == world["kbpp_total"]).all()
    coverage, deliveries = world["kbpp_coverage_pct"], world["deliveries"]
    # Coverage is a share of whole deliveries: coverage x deliveries / 100 is a count of
    # mothers, between 0 and the deliveries.
    mothers = coverage * deliveries / 100
    assert ((coverage >= 0) & (coverage <= 100)).all()
    np.testing.assert_allclose(mothers, mothers.round(), rtol=0, atol=1e-6)
    # Aggregated two ways, the national coverage agrees: the deliveries-weighted mean of the
    # regency coverages equals total acceptors over total deliveries (a percent, not a share).
    weighted = (coverage * deliveries).sum() / deliveries.sum()
    assert weighted == pytest.approx(100 * world["kbpp_total"].sum() / deliveries.sum(), rel=1e-12)


def test_outcome_is_bounded_and_the_mean_never_clipped(world):
    y = world["stunting_survey_pct"]
    assert y.notna().all() and ((y > 0) & (y < 100)).all()
    assert world["stunting_weighing_pct"].isna().all()
    assert world.attrs["clipped_means"] == 0


def test_truth_is_stored_and_returned():
    table = synthetic_table(true_effect=-0.25, seed=1)
    assert true_effect(table) == -0.25
    with pytest.raises(KeyError, match="no true effect"):
        true_effect(pd.DataFrame())


def test_same_seed_same_table_other_seed_other_table():
    a, b, c = synthetic_table(seed=5), synthetic_table(seed=5), synthetic_table(seed=6)
    pd.testing.assert_frame_equal(a, b)
    assert not a["stunting_survey_pct"].equals(c["stunting_survey_pct"])


def _province_correlation(confounding: bool) -> float:
    """Across provinces: mean coverage vs mean stunting, with no true effect."""
    values = []
    for seed in range(8):
        table = synthetic_table(true_effect=0.0, seed=seed, province_confounding=confounding)
        means = table.groupby("province_bps")[["kbpp_coverage_pct", "stunting_survey_pct"]].mean()
        values.append(means.corr().iloc[0, 1])
    return float(np.mean(values))


def test_province_confounding_switch():
    # Without the switch the two still share poverty (a measured confounder), so the
    # correlation is mildly negative; the unmeasured province effect makes it much stronger.
    on, off = _province_correlation(True), _province_correlation(False)
    assert on < -0.45 and -0.3 < off < 0 and on < off - 0.25


def test_panel_mode_years_lag_and_flags():
    panel = synthetic_table(n_provinces=10, regencies_per_province=4, years=range(2014, 2025),
                            lag=1, seed=2, sae_share=0.5)
    assert sorted(panel["year"].unique()) == list(range(2014, 2025))
    assert panel.groupby("bps_code").size().eq(11).all()
    assert panel.attrs["lag"] == 1
    assert panel["flags"].isin(["", "stunting_survey_pct:small_area_estimate"]).all()
    assert 0.3 < (panel["flags"] != "").mean() < 0.7
    # Place columns are the same every year, as in the analysis table.
    assert panel.groupby("bps_code")["latitude"].nunique().eq(1).all()


def test_weighing_outcome_option():
    table = synthetic_table(n_provinces=10, regencies_per_province=3,
                            outcome="stunting_weighing_pct")
    assert table["stunting_survey_pct"].isna().all()
    assert table["stunting_weighing_pct"].notna().all()
    with pytest.raises(ValueError):
        synthetic_table(outcome="poverty_pct")
