"""The sensitivity grid and the E-value."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from kbanalysis.models import Spec, prepare
from kbanalysis.models.evalue import evalue_prevalence_difference, evalue_rr
from kbanalysis.models.sensitivity import sensitivity_grid
from kbanalysis.reporting import content
from kbanalysis.results_contract import summary_table
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
    return sensitivity_grid(world, prepare(world, Spec(year=2024)).spec).set_index("variant")


def test_leave_one_province_out_drops_each_province(world, grid):
    loo = grid.loc[grid["group"] == "leave_one_province_out"]
    assert len(loo) == world["province_bps"].nunique() == 14
    sizes = world.groupby("province_bps").size()
    for code, n in sizes.items():
        assert grid.loc[f"leave_out_province_{code}", "n_obs"] == len(world) - n


def test_a_flag_on_the_outcome_drops_exactly_its_rows(world, grid):
    # Counted by plain text search, not by the grid's flag parser.
    flagged = int(world["flags"].str.contains("stunting_survey_pct:small_area_estimate",
                                              regex=False).sum())
    assert 0 < flagged < len(world)
    variant = "drop_flag_stunting_survey_pct_small_area_estimate"
    assert grid.loc[variant, "n_obs"] == len(world) - flagged
    assert grid.loc[variant, "status"] == "ok"
    # No reader marks small-area estimates, so no variant is offered for them by name.
    assert "drop_small_area_estimates" not in grid.index


def test_a_flag_on_every_row_is_not_applicable_listed_once_and_never_a_result(world, grid):
    status = grid.loc["drop_flag_poverty_pct_year_uncertain", "status"]
    assert status == ("not applicable: poverty_pct is flagged 'year_uncertain' in all "
                      f"{len(world)} rows the main model uses")
    assert list(grid.index).count("drop_flag_poverty_pct_year_uncertain") == 1
    assert grid.loc["drop_flagged", "status"].startswith("not applicable")
    assert summary_table(grid.reset_index()).set_index("group").loc["data", "fits"] == int(
        ((grid["group"] == "data") & (grid["status"] == "ok")).sum())


def test_a_weight_without_values_is_not_applicable():
    table = synthetic_table(n_provinces=12, regencies_per_province=(6, 8), seed=4)
    table["deliveries"] = float("nan")
    grid = sensitivity_grid(table, prepare(table, Spec(year=2024)).spec).set_index("variant")
    assert grid.loc["weights_deliveries", "status"] == (
        f"not applicable: deliveries has no values in the {len(table)} rows the main model "
        f"uses")
    assert grid.loc["weights_deliveries", ["estimate", "n_obs"]].isna().all()


def test_both_summaries_of_the_grid_count_the_same_fits():
    # "ok (...)" is a fit; "not estimable" and "not applicable" are not. Before issue 10 the
    # report counted only "ok" and the fit's summary "ok*": 5 against 7 fits.
    grid = pd.DataFrame({
        "variant": list("abcdef"), "group": ["data"] * 4 + ["weights"] * 2,
        "estimate": [0.1, 0.3, -0.2, None, 0.5, None],
        "status": ["ok", "ok (no rows removed: same sample as main)", "ok",
                   "not estimable: only 4 complete row(s)", "ok",
                   "not applicable: deliveries has no values"]})
    report = content.sensitivity_summary(grid).set_index("group")
    fit = summary_table(grid).set_index("group")
    assert report.loc["data", "fits"] == fit.loc["data", "fits"] == 3
    assert report.loc["data", "lowest"] == fit.loc["data", "lowest"] == -0.2
    assert report.loc["data", "highest"] == fit.loc["data", "highest"] == 0.3
    assert report.loc["weights", "fits"] == fit.loc["weights", "fits"] == 1


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


def test_a_variant_left_with_too_few_clusters_is_not_switched_to_hc3():
    table = synthetic_table(n_provinces=10, regencies_per_province=(6, 8), seed=12)
    data = prepare(table, Spec(year=2024, province_effects="no"))
    assert not data.hc3 and data.n_clusters == 10
    grid = sensitivity_grid(table, data.spec, data).set_index("variant")
    loo = grid.loc[grid["group"] == "leave_one_province_out"]
    assert len(loo) == 10
    assert loo["status"].str.startswith("not estimable: only 9 cluster(s)").all()
    assert grid.loc["main", "n_clusters"] == 10 and grid.loc["main", "status"] == "ok"
