"""The sensitivity grid and the E-value."""
from __future__ import annotations

import math

import pytest

from kbanalysis.models import Spec, prepare
from kbanalysis.models.evalue import evalue_prevalence_difference, evalue_rr
from kbanalysis.models.sensitivity import sae_rows, sensitivity_grid
from kbanalysis.simulate.synthetic import synthetic_table


@pytest.fixture(scope="module")
def world():
    table = synthetic_table(n_provinces=14, regencies_per_province=(6, 10), seed=9)
    # A flag that marks every row, as a whole column of uncertain year would.
    table["flags"] = table["flags"].where(table["flags"] == "", table["flags"] + ";") \
        + "poverty_pct:year_uncertain"
    return table


@pytest.fixture(scope="module")
def grid(world):
    return sensitivity_grid(world, prepare(world, Spec()).spec).set_index("variant")


def test_leave_one_province_out_drops_each_province(world, grid):
    loo = grid.loc[grid["group"] == "leave_one_province_out"]
    assert len(loo) == world["province_bps"].nunique() == 14
    sizes = world.groupby("province_bps").size()
    for code, n in sizes.items():
        assert grid.loc[f"leave_out_province_{code}", "n_obs"] == len(world) - n


def test_small_area_estimates_are_dropped(world, grid):
    flagged = int(sae_rows(world, "stunting_survey_pct").sum())
    assert 0 < flagged < len(world)
    assert grid.loc["drop_small_area_estimates", "n_obs"] == len(world) - flagged


def test_a_flag_on_every_row_is_reported_not_fatal(grid):
    status = grid.loc["drop_flag_poverty_pct_year_uncertain", "status"]
    assert status.startswith("not estimable")


def test_weights_and_covariate_variants(grid):
    assert {"weights_none", "weights_deliveries", "covariates_none",
            "covariates_without_poverty_pct",
            "covariates_add_food_security_index"} <= set(grid.index)
    main = grid.loc["main"]
    assert main["status"] == "ok" and main["ci_low"] < main["estimate"] < main["ci_high"]
    assert grid.loc["weights_none", "estimate"] != main["estimate"]


def test_evalue_formula():
    assert evalue_rr(2.0) == pytest.approx(2 + math.sqrt(2))
    assert evalue_rr(0.5) == pytest.approx(evalue_rr(2.0))  # protective: inverted
    assert evalue_rr(1.0) == 1.0


def test_evalue_of_a_prevalence_difference():
    # -2 points from 20 %: prevalence ratio 0.9, inverted 1/0.9.
    ev = evalue_prevalence_difference(-2.0, -3.0, -1.0, 20.0)
    assert ev.rr == pytest.approx(0.9)
    assert ev.point == pytest.approx(evalue_rr(1 / 0.9))
    assert ev.ci == pytest.approx(evalue_rr(19 / 20))  # the limit closer to the null
    assert evalue_prevalence_difference(-2.0, -4.0, 0.5, 20.0).ci == 1.0
