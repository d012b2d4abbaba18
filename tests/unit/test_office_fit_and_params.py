"""An office's own year is pooled with the published exposure year (each regency its own
year, what ``make run KBPP=...`` fits), and notebook
parameters papermill injects under a name the notebook does not take stop the run with the
closest name (issue 16). Tables are the committed analysis table with one regency's KBPP
added by hand; expected years come from that addition."""
from __future__ import annotations

import json
from types import SimpleNamespace

import pandas as pd
import pytest
from typer.testing import CliRunner

from kbanalysis.cli import app
from kbanalysis.reporting.params import ParameterError, check_injected

runner = CliRunner()


@pytest.fixture()
def one_regency_2023(analysis_csv, tmp_path):
    """The committed table plus Kabupaten Lombok Timur's own KBPP 2023 (62.5 %)."""
    table = pd.read_csv(analysis_csv, dtype={"bps_code": str, "province_bps": str})
    row = (table["bps_code"] == "5203") & (table["year"] == 2023)
    assert row.sum() == 1 and table["kbpp_coverage_pct"].notna().any()
    table.loc[row, ["kbpp_coverage_pct", "kbpp_measure_type"]] = [62.5, "administrative"]
    path = tmp_path / "analysis.csv"
    table.to_csv(path, index=False)
    return path


def test_the_offices_year_is_pooled_with_the_published_one(one_regency_2023, tmp_path):
    out = tmp_path / "results"
    result = runner.invoke(app, ["fit", "--quiet", "--table", str(one_regency_2023), "--out",
                                 str(out), "--draws", "999"])
    assert result.exit_code == 0, result.output
    meta = json.loads((out / "meta.json").read_text())
    design = meta["design"]
    # Jawa Tengah keeps KBPP 2021 (lag 3); Lombok Timur enters with its own 2023 (lag 1) and,
    # alone in its province, is absorbed by its province effect.
    assert design["exposure_year"] == 2021 and design["outcome_year"] == 2024
    assert design["n_obs"] == 35
    assert design["pooled"]["exposure_years"] == {"2021": 35, "2023": 1}
    assert design["pooled"]["absorbed"] == ["5203"]
    assert [(p["province_name"], p["exposure_years"]) for p in design["pooled"]["scope"]] \
        == [("Jawa Tengah", [2021]), ("Nusa Tenggara Barat", [2023])]
    assert "secondary-source" not in result.output  # SSGI 2024 is the survey's own table


def test_fallback_flag_is_gone(one_regency_2023, tmp_path):
    result = runner.invoke(app, ["fit", "--fallback", "--table", str(one_regency_2023)])
    assert result.exit_code == 2


def test_fit_on_secondary_outcome_values_only_says_so(analysis_csv, tmp_path):
    table = pd.read_csv(analysis_csv, dtype={"bps_code": str})
    flagged = table["flags"].fillna("").str.contains("stunting_survey_pct:secondary_source")
    stunting = table.loc[(table["year"] == 2022) & table["stunting_survey_pct"].notna()]
    kbpp = set(table.loc[(table["year"] == 2021) & table["kbpp_coverage_pct"].notna(),
                         "bps_code"])
    used = stunting["bps_code"].isin(kbpp)
    assert flagged[stunting.index[used]].all()  # every 2022 value the fit uses is a copy
    result = runner.invoke(app, ["fit", "--quiet", "--outcome-year", "2022", "--covariates", "",
                                 "--draws", "999", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        f"Every outcome value of this fit ({int(used.sum())} regencies, stunting_survey_pct "
        f"2022) is a secondary-source copy (news or data journalism quoting the survey), not "
        f"the survey's own table: the estimates are provisional.")


def _kernel(*cells):
    """A kernel's input history, as IPython keeps it in ``In``."""
    return SimpleNamespace(user_ns={"In": ["", *cells]})


DECLARED = ("outcome", "outcome_year", "exposure_year", "draws")
PARAMETERS = 'outcome = "stunting_survey_pct"\noutcome_year = None  # latest\ndraws = 9999\n'


def test_a_misspelt_papermill_parameter_names_the_closest_one():
    shell = _kernel("import os", PARAMETERS, "# Parameters\noutcom_year = 2022\ndraws = 999\n")
    with pytest.raises(ParameterError) as error:
        check_injected(DECLARED, shell)
    assert "parameter tidak dikenal 'outcom_year' (maksud Anda 'outcome_year'?)" in str(error.value)
    assert "unknown parameter 'outcom_year' (did you mean 'outcome_year'?)" in str(error.value)
    assert error.value.candidates == ["outcome_year"]


def test_declared_names_come_from_the_notebooks_parameters_cell():
    # exposure_year is an argument of the function but not a parameter of this notebook
    shell = _kernel(PARAMETERS, "# Parameters\nexposure_year = 2021\n")
    with pytest.raises(ParameterError, match="notebook ini menerima outcome, outcome_year, draws"):
        check_injected(DECLARED, shell)


@pytest.mark.parametrize("cells", [
    (PARAMETERS, "# Parameters\noutcome_year = 2022\ndraws = 999\n"),  # right names
    (PARAMETERS, "x = 1\noutcom_year = 3"),  # JupyterLab: no injected cell, the user's own names
    (),
])
def test_right_names_and_interactive_sessions_pass(cells):
    check_injected(DECLARED, _kernel(*cells))
    check_injected(DECLARED, None)  # outside a kernel
