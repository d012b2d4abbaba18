"""The researcher's Python API (issue 16): the README example runs as written, its slope is
statsmodels' WLS on the same rows, a string is one covariate, a province is found by code or
name, and errors name function arguments, not command-line options."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

README_EXAMPLE = """
import kbanalysis as kb

data = kb.load()
res = kb.fit(data, covariates="poverty_pct", province="Jawa Tengah")
slope = res.main_model.params["kbpp_coverage_pct"]
low, high = res.main_model.conf_int().loc["kbpp_coverage_pct"]
print(res.main_model.summary())
res.estimates.query("model == 'wls' and is_exposure")
"""


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    """The errors below are matched in English (the Indonesian default: test_models_language)."""
    monkeypatch.setenv("KBANALYSIS_LANG", "en")


@pytest.fixture(scope="module")
def example(analysis_csv):
    namespace: dict = {}
    exec(compile(README_EXAMPLE, "README", "exec"), namespace)
    return namespace


def _by_hand(table: pd.DataFrame):
    """WLS of Jawa Tengah's stunting 2024 on KBPP 2021 and poverty 2024, weighted by
    children 0-4 of the year nearest 2024 that has them (the earlier on a tie), HC3."""
    table = table.loc[table["province_bps"] == "33"]
    years = sorted(table.loc[table["children_0_4"].notna(), "year"].unique())
    nearest = min(years, key=lambda y: (abs(y - 2024), y))
    at = {y: table.loc[table["year"] == y].set_index("bps_code") for y in (2021, 2024, nearest)}
    rows = pd.DataFrame({"y": at[2024]["stunting_survey_pct"],
                         "kbpp": at[2021]["kbpp_coverage_pct"],
                         "poverty": at[2024]["poverty_pct"],
                         "w": at[nearest]["children_0_4"].astype(float)}).dropna()
    X = sm.add_constant(rows[["kbpp", "poverty"]])
    return sm.WLS(rows["y"], X, weights=rows["w"]).fit(cov_type="HC3"), len(rows)


def test_the_readme_example_matches_statsmodels(example):
    res = example["res"]
    expected, n = _by_hand(example["data"])
    model = res.main_model
    # "poverty_pct" is one covariate, not eleven letters
    assert list(model.params.index) == ["(intercept)", "kbpp_coverage_pct", "poverty_pct"]
    assert example["slope"] == pytest.approx(expected.params["kbpp"], rel=1e-9)
    assert model.bse["kbpp_coverage_pct"] == pytest.approx(expected.bse["kbpp"], rel=1e-9)
    assert model.nobs == n == 35
    # the interval is t-based with n - k degrees of freedom, statsmodels' HC3 one is normal
    half = (example["high"] - example["low"]) / 2
    assert half == pytest.approx(expected.bse["kbpp"] * 2.0369, rel=1e-3)  # t(32) 97.5 %
    assert "kbpp_coverage_pct" in model.summary()
    assert isinstance(res.estimates, pd.DataFrame) and len(res.estimates) > 10


def test_province_by_code_or_name_and_covariates_as_a_list(example):
    import kbanalysis as kb

    data = example["data"]
    by_code = kb.fit(data, covariates=["poverty_pct"], province=33, draws=999,
                     sensitivity=False)
    assert by_code.main_model.params["kbpp_coverage_pct"] == pytest.approx(
        example["slope"], rel=1e-12)
    none = kb.fit(data, covariates=None, province="33", draws=999, sensitivity=False)
    assert list(none.main_model.params.index) == ["(intercept)", "kbpp_coverage_pct"]


def test_errors_name_function_arguments(example):
    import kbanalysis as kb

    data = example["data"]
    with pytest.raises(kb.FitError) as caught:
        kb.fit(data, cluster="province", draws=999)
    message = str(caught.value)
    assert "cluster='auto'" in message and "--" not in message
    assert "--cluster auto" in caught.value.cli_message  # what `kbanalysis fit` prints
    with pytest.raises(ValueError, match=r"province='Jawa Tngah': unknown province .*"
                                         r"closest: 33 Jawa Tengah"):
        kb.fit(data, province="Jawa Tngah")
    with pytest.raises(ValueError, match="covariates= takes a column name or a list"):
        kb.fit(data, covariates=3)
    assert np.isfinite(example["low"])
