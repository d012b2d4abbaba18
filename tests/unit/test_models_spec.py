"""Bad specifications fail early with one clear SpecificationError."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kbanalysis.models import Spec, SpecificationError, fit_suite, prepare
from kbanalysis.simulate.synthetic import synthetic_table


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    """The errors below are matched in English (the Indonesian default: test_models_language)."""
    monkeypatch.setenv("KBANALYSIS_LANG", "en")


@pytest.fixture(scope="module")
def table():
    return synthetic_table(n_provinces=12, regencies_per_province=(4, 8), seed=7)


def _fails(table, match, **spec):
    # The synthetic world is drawn with exposure and outcome in 2024: said explicitly.
    with pytest.raises(SpecificationError, match=match) as info:
        prepare(table, Spec(**{"year": 2024, **spec}))
    assert "\n" not in str(info.value)
    return str(info.value)


def test_missing_column_is_named_with_a_suggestion(table):
    message = _fails(table, "missing column", covariates=("poverty_pc",))
    assert "'poverty_pc'" in message and "did you mean 'poverty_pct'" in message


def test_constant_column(table):
    constant = table.assign(poverty_pct=12.5)
    _fails(constant, "'poverty_pct' is constant")


def test_perfect_collinearity_names_the_column(table):
    collinear = table.assign(food_security_index=2 * table["poverty_pct"] + 3)
    message = _fails(collinear, "perfect collinearity",
                     covariates=("poverty_pct", "food_security_index"))
    assert "'food_security_index'" in message


def test_fewer_than_ten_clusters(table):
    few = table.loc[table["province_bps"].isin(sorted(table["province_bps"].unique())[:9])]
    # Province clusters asked for explicitly: refused, with the way out named.
    message = _fails(few, "only 9 cluster", cluster="province", province_effects="no")
    assert "--cluster auto" in message
    # By default the data choose: HC3 with each regency on its own, and the reason says why.
    data = prepare(few, Spec(year=2024, province_effects="no"))
    assert data.inference == "hc3" and data.n_clusters == len(few)
    assert "9 province(s)" in data.inference_reason
    assert prepare(few, Spec(year=2024, cluster="regency", province_effects="no")).inference == "hc3"
    # Ten provinces are enough for clusters.
    ten = table.loc[table["province_bps"].isin(sorted(table["province_bps"].unique())[:10])]
    assert prepare(ten, Spec(year=2024, province_effects="no")).inference == "cluster"


def test_fewer_than_ten_rows_refuses_any_regression(table):
    rows = table.loc[table["province_bps"] == sorted(table["province_bps"].unique())[0]]
    assert len(rows) < 10
    _fails(rows, f"only {len(rows)} complete row")


def test_outcome_outside_0_to_100(table):
    bad = table.copy()
    bad.loc[3, "stunting_survey_pct"] = 104.0
    message = _fails(bad, "must lie in 0-100")
    assert bad.loc[3, "bps_code"] in message


def test_all_rows_dropped_says_how_many_each_column_removed(table):
    holes = table.copy()
    holes.loc[holes.index[:10], "poverty_pct"] = np.nan
    holes.loc[holes.index[10:], "kbpp_coverage_pct"] = np.nan
    message = _fails(holes, "no complete rows")
    assert "poverty_pct: 10" in message
    assert f"kbpp_coverage_pct: {len(holes) - 10}" in message


def test_partial_missing_is_counted_not_fatal(table):
    holes = table.copy()
    holes.loc[holes.index[:5], "poverty_pct"] = np.nan
    data = prepare(holes, Spec(year=2024))
    assert data.n_obs == len(table) - 5 and data.missing_by_column["poverty_pct"] == 5


def test_non_numeric_column(table):
    text = table.astype({"poverty_pct": "string"})
    text.loc[2, "poverty_pct"] = "n/a"
    _fails(text, "must be numeric")


def test_non_positive_weights(table):
    zero = table.copy()
    zero.loc[0, "population"] = 0
    _fails(zero, "must be positive")


def test_column_used_twice(table):
    _fails(table, "more than once", covariates=("kbpp_coverage_pct",))


def test_year_without_rows(table):
    _fails(table, r"has no values in 2019 \(years with values: \[2024\]\)", year=2019)


def test_default_year_is_the_latest_with_the_outcome():
    panel = synthetic_table(n_provinces=10, regencies_per_province=3, years=(2022, 2023), seed=1)
    assert prepare(panel, Spec()).spec.year == 2023


def test_suite_rejects_bad_options(table):
    with pytest.raises(SpecificationError, match="999"):
        fit_suite(table, bootstrap_draws=100)
    with pytest.raises(SpecificationError, match="bootstrap weights"):
        fit_suite(table, bootstrap_weights="mammen")


def test_simulated_kbpp_layer_is_detected_in_real_shaped_tables(table):
    real_shape = table.copy()
    real_shape["province_name"] = "Jawa Barat"
    real_shape.attrs = {}
    data = prepare(real_shape, Spec(year=2024))
    assert data.simulated_inputs == ["kbpp_coverage_pct"]
    real_shape["kbpp_measure_type"] = "administrative"
    assert prepare(real_shape, Spec(year=2024)).simulated_inputs == []
    # Real exposure in the outcome year only: the default (exposure before the outcome) has
    # none, and says how to get some.
    _fails(real_shape, "no real kbpp_coverage_pct in any year before the outcome year 2024",
           year=None)


def test_string_codes_are_kept():
    assert isinstance(prepare(synthetic_table(n_provinces=10, regencies_per_province=2),
                              Spec(year=2024)).cluster_labels[0], str)
    assert pd.api.types.is_string_dtype(
        synthetic_table(n_provinces=10, regencies_per_province=2)["bps_code"])
