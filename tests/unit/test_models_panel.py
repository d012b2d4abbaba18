"""Two-way fixed effects with lagged exposure."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kbanalysis.models import SpecificationError
from kbanalysis.models.panel import fit_panel, panel_frame
from kbanalysis.simulate.synthetic import synthetic_table


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    """The errors below are matched in English (the Indonesian default: test_models_language)."""
    monkeypatch.setenv("KBANALYSIS_LANG", "en")


def test_lag_is_by_calendar_year_not_by_row():
    table = pd.DataFrame({
        "bps_code": ["0101"] * 4, "province_bps": ["01"] * 4, "year": [2014, 2015, 2017, 2018],
        "y": [10.0, 11.0, 12.0, 13.0], "x": [1.0, 2.0, 3.0, 4.0]})
    frame, name = panel_frame(table, "y", "x", lag=1)
    assert name == "x_lag1"
    # 2015 <- 2014, 2018 <- 2017; 2017 has no 2016 value and 2014 no 2013 value.
    assert frame[["year", "x_lag1"]].values.tolist() == [[2015, 1.0], [2018, 3.0]]


def test_within_estimates_equal_the_dummy_variable_regression():
    table = synthetic_table(n_provinces=10, regencies_per_province=4, years=range(2016, 2022),
                            lag=1, seed=4)
    table = table.drop(index=table.index[[5, 17, 40, 41, 90]])  # unbalanced
    fit = fit_panel(table, outcome="stunting_survey_pct", lag=1, weights="deliveries",
                    cluster="regency", bootstrap_draws=999)
    frame, name = panel_frame(table, "stunting_survey_pct", "kbpp_coverage_pct", 1,
                              weights="deliveries")
    dummies = pd.get_dummies(frame[["bps_code", "year"]].astype(str), dtype=float)
    # Every regency dummy (no intercept) and all but one year dummy.
    X = np.column_stack([frame[name], dummies.filter(like="bps_code").to_numpy(),
                         dummies.filter(like="year").iloc[:, 1:].to_numpy()])
    sw = np.sqrt(frame["deliveries"].to_numpy(float))
    beta = np.linalg.lstsq(X * sw[:, None], frame["stunting_survey_pct"].to_numpy() * sw,
                           rcond=None)[0]
    assert fit.fit.params[0] == pytest.approx(beta[0], abs=1e-8)


def test_two_way_fixed_effects_remove_regency_confounding():
    estimates, pooled = [], []
    for seed in range(6):
        table = synthetic_table(years=range(2014, 2025), lag=1, seed=seed,
                                province_confounding=True)
        estimates.append(fit_panel(table, outcome="stunting_survey_pct", lag=1,
                                   bootstrap_draws=999).fit.params[0])
        last = table.loc[table["year"] == 2024]
        pooled.append(np.polyfit(last["kbpp_coverage_pct"], last["stunting_survey_pct"], 1)[0])
    assert np.mean(estimates) == pytest.approx(-0.10, abs=0.01)
    assert np.mean(pooled) < -0.2  # the cross-section is confounded


def test_one_province_clusters_by_regency_and_says_so():
    jabar_like = synthetic_table(n_provinces=1, regencies_per_province=27,
                                 years=range(2014, 2025), lag=1, seed=8,
                                 outcome="stunting_weighing_pct")
    fit = fit_panel(jabar_like, outcome="stunting_weighing_pct", lag=1, bootstrap_draws=999)
    assert fit.cluster == "regency" and fit.fit.n_clusters == 27
    assert any("clustered by regency" in note for note in fit.notes)
    assert fit.bootstrap.ci_low < fit.bootstrap.estimate < fit.bootstrap.ci_high
    with pytest.raises(SpecificationError, match="only 1 cluster"):
        fit_panel(jabar_like, outcome="stunting_weighing_pct", cluster="province")


def test_one_year_is_not_a_panel():
    with pytest.raises(SpecificationError, match="at least two years"):
        fit_panel(synthetic_table(seed=1), outcome="stunting_survey_pct", lag=0)


def test_weights_published_for_one_year_are_carried_to_every_year():
    table = synthetic_table(n_provinces=10, regencies_per_province=4, years=range(2018, 2025),
                            lag=1, seed=6)
    table.loc[table["year"] != 2024, "population"] = np.nan
    fit = fit_panel(table, outcome="stunting_survey_pct", lag=1, weights="population",
                    bootstrap_draws=999)
    assert fit.fit.n_obs == 40 * 6  # 2019-2024, every regency kept
    assert any("used for every year" in note for note in fit.notes)
