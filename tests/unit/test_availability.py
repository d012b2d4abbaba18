"""availability.csv: which values are known per regency, of which kind, for which years."""
from __future__ import annotations

import pandas as pd
import pytest

from kbanalysis.availability import availability_table, kind_counts, value_kinds
from kbanalysis.indicators import normalise_tidy

REGIONS = pd.DataFrame({"bps_code": ["3328", "3371", "7601"],
                        "name": ["Kabupaten Tegal", "Kota Magelang", "Kabupaten Majene"],
                        "province_bps": ["33", "33", "76"],
                        "province_name": ["Jawa Tengah", "Jawa Tengah", "Sulawesi Barat"]})
KINDS = {"ssgi": "official", "kbpp": "administrative", "news": "official", "sim": "simulated"}


def _tidy(rows) -> pd.DataFrame:
    base = {"level": "regency", "unit": "percent", "source_row": 2, "flags": "", "source_ref": ""}
    return normalise_tidy(pd.DataFrame([base | row for row in rows]))


TIDY = _tidy([
    {"region_code": "3328", "year": 2024, "indicator": "stunting_survey_pct", "value": 20.1,
     "measure_type": "survey", "source_id": "ssgi"},
    {"region_code": "3328", "year": 2021, "indicator": "stunting_survey_pct", "value": 28.0,
     "measure_type": "survey", "source_id": "news", "flags": "secondary_source",
     "source_ref": "https://example.org/a"},
    {"region_code": "3328", "year": 2022, "indicator": "stunting_survey_pct", "value": 27.0,
     "measure_type": "survey", "source_id": "news", "flags": "rounded;secondary_source"},
    {"region_code": "3328", "year": 2021, "indicator": "kbpp_coverage_pct", "value": 91.3,
     "measure_type": "administrative", "source_id": "kbpp"},
    {"region_code": "3371", "year": 2024, "indicator": "stunting_survey_pct", "value": 10.0,
     "measure_type": "survey", "source_id": "ssgi"},
    {"region_code": "3371", "year": 2020, "indicator": "kbpp_coverage_pct", "value": 50.0,
     "measure_type": "simulated", "source_id": "sim"},
    {"region_code": "3371", "year": 2021, "indicator": "kbpp_coverage_pct", "value": 51.0,
     "measure_type": "simulated", "source_id": "sim"},
    {"region_code": "33", "level": "province", "year": 2024, "indicator": "stunting_survey_pct",
     "value": 17.1, "measure_type": "survey", "source_id": "ssgi"},
])


def test_each_regency_lists_its_kinds_and_years():
    table = availability_table(TIDY, REGIONS, ["stunting_survey_pct", "kbpp_coverage_pct"],
                               KINDS).set_index("bps_code")
    assert table.at["3328", "stunting_survey_pct"] == "official 2024; secondary 2021-2022"
    assert table.at["3328", "kbpp_coverage_pct"] == "administrative 2021"
    assert table.at["3371", "kbpp_coverage_pct"] == "simulated 2020-2021"
    # Nothing known is an empty cell, and every regency has its row (province rows do not).
    assert table.at["7601", "stunting_survey_pct"] == ""
    assert list(table.index) == ["3328", "3371", "7601"]


def test_kind_counts_count_regencies_not_values():
    table = availability_table(TIDY, REGIONS, ["stunting_survey_pct", "kbpp_coverage_pct"], KINDS)
    counts = kind_counts(table).set_index("indicator")
    assert counts.loc["stunting_survey_pct"].to_dict() == {
        "official": 2, "secondary": 1, "administrative": 0, "simulated": 0, "none": 1}
    assert counts.loc["kbpp_coverage_pct"].to_dict() == {
        "official": 0, "secondary": 0, "administrative": 1, "simulated": 1, "none": 1}


def test_a_source_without_a_declared_kind_is_an_error():
    with pytest.raises(ValueError, match="news"):
        value_kinds(TIDY, {"ssgi": "official", "kbpp": "administrative", "sim": "simulated"})
