"""Which year each column of the cross-section comes from (rules of models.timing)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kbanalysis.models import Spec, SpecificationError, prepare
from kbanalysis.models.timing import align, column_year, exposure_year, is_simulated_build


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    """The errors below are matched in English (the Indonesian default: test_models_language)."""
    monkeypatch.setenv("KBANALYSIS_LANG", "en")


CODES = [f"33{i:02d}" for i in range(1, 13)]
YEARS = range(2019, 2027)


def _table() -> pd.DataFrame:
    """12 regencies x 2019-2026; each column present only in the years the test names."""
    rows = [{"bps_code": c, "year": y, "name": f"Kabupaten {c}", "province_bps": "33",
             "province_name": "Jawa Tengah", "latitude": -7.0 - 0.1 * i,
             "longitude": 110.0 + 0.1 * i, "flags": ""}
            for i, c in enumerate(CODES) for y in YEARS]
    table = pd.DataFrame(rows)
    i = table["bps_code"].str[2:].astype(int).to_numpy()
    year = table["year"].to_numpy()
    for column in ("stunting_survey_pct", "kbpp_coverage_pct", "poverty_pct", "population",
                   "children_0_4", "deliveries"):
        table[column] = np.nan
    table["kbpp_measure_type"] = pd.Series(pd.NA, index=table.index, dtype="string")
    table.loc[year == 2024, "stunting_survey_pct"] = 15.0 + i[year == 2024]
    table.loc[year == 2023, "stunting_survey_pct"] = 40.0 - i[year == 2023]  # not the default
    kbpp_2019 = year == 2019
    table.loc[kbpp_2019, "kbpp_coverage_pct"] = 30.0 + 3 * i[kbpp_2019]
    table.loc[kbpp_2019, "deliveries"] = 1000.0 + i[kbpp_2019]
    table.loc[kbpp_2019, "kbpp_measure_type"] = "administrative"
    # poverty: 2022 and 2025 (the outcome year 2024 has none): the earlier one is used.
    for y, base in ((2022, 10.0), (2025, 50.0)):
        table.loc[year == y, "poverty_pct"] = base + (i[year == y] % 5)
    # children 0-4 in 2022 and 2026 (both 2 years from 2024): the earlier on a tie.
    for y, base in ((2022, 5000.0), (2026, 9000.0)):
        table.loc[year == y, "children_0_4"] = base + 10 * i[year == y]
    table.loc[year == 2025, "population"] = 100_000.0 + i[year == 2025]
    return table


@pytest.fixture()
def table():
    return _table()


def test_default_years_and_each_columns_rule(table):
    data = prepare(table, Spec(covariates=("poverty_pct",)))
    spec, years = data.spec, data.column_years
    assert (spec.outcome_year, spec.exposure_year, spec.lag) == (2024, 2019, 5)
    assert years["poverty_pct"].year == 2022  # nearest earlier, never the later 2025
    assert spec.weights == "children_0_4" and years["children_0_4"].year == 2022
    assert years["population"].year == 2025 and years["deliveries"].year == 2019
    # The cross-section joins each regency's own values (3305: i = 5).
    row = data.frame.set_index("bps_code").loc["3305"]
    assert row["stunting_survey_pct"] == 20.0 and row["kbpp_coverage_pct"] == 45.0
    assert row["poverty_pct"] == 10.0 and row["children_0_4"] == 5050.0
    assert "poverty_pct from 2022" in " ".join(data.notes)


def test_a_covariate_only_after_the_outcome_year_is_refused(table):
    table.loc[table["year"] == 2022, "poverty_pct"] = np.nan
    with pytest.raises(SpecificationError, match="'poverty_pct' has no values in the outcome "
                                                 r"year 2024 or any earlier year; no values in "
                                                 r"2024 or before \(only \[2025\]\)"):
        prepare(table, Spec(covariates=("poverty_pct",)))


def test_exposure_year_needs_regencies_that_also_have_the_outcome(table):
    # 2022 coverage for a regency without the 2024 outcome does not count as a candidate.
    table.loc[table["year"] == 2024, "stunting_survey_pct"] = table.loc[
        table["year"] == 2024, "stunting_survey_pct"].where(
        table.loc[table["year"] == 2024, "bps_code"] != "3312")
    only = (table["year"] == 2022) & (table["bps_code"] == "3312")
    table.loc[only, "kbpp_coverage_pct"] = 70.0
    table.loc[only, "kbpp_measure_type"] = "administrative"
    year, how = exposure_year(table, "stunting_survey_pct", "kbpp_coverage_pct", 2024, None)
    assert year == 2019 and "real" in how


def test_weights_nearest_year_prefers_the_earlier_on_a_tie(table):
    rule = column_year(table, "children_0_4", outcome="stunting_survey_pct",
                       exposure="kbpp_coverage_pct", year_of_outcome=2024,
                       year_of_exposure=2019)
    assert rule.year == 2022 and rule.rule.startswith("weights")


def test_flags_come_from_the_year_each_value_came_from(table):
    def at(y, c):
        return (table["year"] == y) & (table["bps_code"] == c)
    table.loc[at(2024, "3301"), "flags"] = ("stunting_survey_pct:small_area_estimate;"
                                            "poverty_pct:year_uncertain;latitude:code_system")
    table.loc[at(2022, "3301"), "flags"] = "poverty_pct:derived;stunting_survey_pct:old"
    table.loc[at(2019, "3301"), "flags"] = "kbpp_coverage_pct:chart_extract"
    frame, _ = align(table, outcome="stunting_survey_pct", exposure="kbpp_coverage_pct",
                     year_of_outcome=2024, year_of_exposure=2019, weights="children_0_4")
    flags = set(frame.set_index("bps_code").loc["3301", "flags"].split(";"))
    assert flags == {"stunting_survey_pct:small_area_estimate", "latitude:code_system",
                     "poverty_pct:derived", "kbpp_coverage_pct:chart_extract"}


def test_explicit_years_and_the_year_shorthand(table):
    data = prepare(table, Spec(covariates=(), outcome_year=2023, exposure_year=2019))
    assert (data.spec.outcome_year, data.spec.exposure_year) == (2023, 2019)
    assert Spec(year=2022).exposure_year == 2022 and Spec(year=2022).outcome_year == 2022
    with pytest.raises(SpecificationError, match="disagree"):
        Spec(year=2024, outcome_year=2023)
    with pytest.raises(SpecificationError, match=r"no real kbpp_coverage_pct values in 2020 "
                                                 r"\(years with real values: \[2019\]\)"):
        prepare(table, Spec(covariates=(), exposure_year=2020))


def test_simulated_rows_make_a_simulated_build(table):
    assert not is_simulated_build(table)
    later = table["year"] == 2023
    table.loc[later, "kbpp_coverage_pct"] = 50.0 + np.arange(later.sum())
    table.loc[later, "kbpp_measure_type"] = "simulated"
    assert is_simulated_build(table)
    data = prepare(table, Spec(covariates=()))
    assert data.spec.exposure_year == 2023 and data.simulated_inputs == ["kbpp_coverage_pct"]
