"""The regency page: target status with the approximate band, comparisons with the province
and the nation, trend points, and why a regency is outside the model.

Figures are checked against values read by hand from the raw files (PROVENANCE §5 and §15)
or against closed forms, never against the code's own expression.
"""
from __future__ import annotations

import pytest

from kbanalysis import config
from kbanalysis.reporting import content as C

HALF = config.SSGI_REGENCY_HALF_WIDTH_95


# -- target status ----------------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [
    (12.5, "undecided"),  # Bengkalis 1408 (SSGI 2024): band 8.5-16.5 contains 14
    (14.2, "undecided"),  # Garut 3205: band 10.2-18.2 contains 14
    (9.9, "met"),         # band 5.9-13.9 lies wholly below 14
    (7.2, "met"),         # Cianjur 3203
    (18.1, "not_met"),    # band 14.1-22.1 lies wholly above 14
    (33.0, "not_met"),    # Lombok Timur 5203
    (10.0, "undecided"),  # the band's edge touches the target: not decided
    (18.0, "undecided"),
])
def test_target_status_against_14_percent(value, expected):
    assert C.target_status(value, 14.0, HALF) == expected


def test_target_status_without_a_value_is_none():
    assert C.target_status(None, 14.0, HALF) is None
    assert C.target_status(float("nan"), 14.0, HALF) is None


def test_target_status_counts_add_up():
    counts = C.target_status_counts([12.5, 14.2, 9.9, 33.0, None, 3.0], 14.0, HALF)
    assert counts == {"met": 2, "not_met": 1, "undecided": 2, "missing": 1}


def test_target_statuses_judge_each_rpjmn_target():
    table = C.target_statuses(12.5, HALF).set_index("year")
    # 2024: 14 (undecided); 2025: 18.8 (band 8.5-16.5 wholly below: met); 2029: 14.2 (undecided)
    assert list(table["status"]) == ["undecided", "met", "undecided"]
    assert table.loc[2025, "gap"] == pytest.approx(12.5 - 18.8, abs=1e-9)
