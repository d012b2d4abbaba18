"""The literature-based expected-effect calculator."""
from __future__ import annotations

import pytest

from kbanalysis.expected import (
    LITERATURE,
    expected_change_pp,
    expected_effect,
    odds_ratio_to_risk_ratio,
    relative_risk_from,
    risk_after_long_interval,
)


def test_odds_ratio_conversion_zhang_yu():
    # RR = OR / (1 - p0 + p0 OR): OR 2 at p0 = 0.2 gives 2 / 1.2.
    assert odds_ratio_to_risk_ratio(2.0, 0.2) == pytest.approx(2 / 1.2)
    assert odds_ratio_to_risk_ratio(1.64, 0.0) == pytest.approx(1.64)  # rare outcome: RR = OR


def test_long_interval_risk_reproduces_the_baseline_mix():
    p_long = risk_after_long_interval(19.8, 1.5, 0.1)
    assert 0.1 * 1.5 * p_long + 0.9 * p_long == pytest.approx(19.8)


def test_chain_by_hand():
    # 10 points more coverage, 20 % of new acceptors avoid a short interval, one child each,
    # risk 20 % after a long interval, RR 1.5: 0.1 * 0.2 * 1 * 20 * 0.5 = 0.2 pp less.
    assert expected_change_pp(10, 0.2, 1.0, 20.0, 1.5) == pytest.approx(-0.2)


def test_ntambara_odds_ratio_becomes_a_smaller_relative_risk():
    rr, p_long = relative_risk_from("or_long", 0.61, 19.8, 0.1)
    assert 1.0 < rr < 1 / 0.61
    assert rr == pytest.approx(odds_ratio_to_risk_ratio(1 / 0.61, p_long / 100))


def test_default_range_is_small_and_negative():
    effect = expected_effect()
    assert effect.lower_pp < effect.upper_pp < 0
    assert len(effect.scenarios) == len(LITERATURE) * 2
    # Fink's smallest RR with the smallest share gives the upper end.
    fink = effect.scenarios.loc[effect.scenarios["relative_risk"] == 1.06]
    assert fink["expected_pp"].max() == pytest.approx(effect.upper_pp)
    assert effect.contains((effect.lower_pp + effect.upper_pp) / 2)
    assert not effect.contains(-1.0)
    assert "per 10-point rise" in effect.describe()


def test_linear_in_the_coverage_rise_and_zero_without_averted_intervals():
    ten, twenty = expected_effect(10), expected_effect(20)
    assert twenty.lower_pp == pytest.approx(2 * ten.lower_pp)
    assert ten.per_point() == pytest.approx(twenty.per_point())
    nothing = expected_effect(share_otherwise_short=(0.0,))
    assert nothing.lower_pp == nothing.upper_pp == 0


def test_arguments_are_checked():
    with pytest.raises(ValueError):
        expected_effect(baseline_stunting_pct=0)
    with pytest.raises(ValueError):
        expected_effect(share_otherwise_short=(1.5,))
