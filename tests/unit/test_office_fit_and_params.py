"""An office's own year that cannot be fitted falls back to the published exposure year with
one line (``kbanalysis fit --fallback``, what ``make run KBPP=...`` runs), and notebook
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


def test_fit_stops_on_the_offices_year_without_fallback(one_regency_2023, tmp_path):
    result = runner.invoke(app, ["fit", "--quiet", "--table", str(one_regency_2023), "--out",
                                 str(tmp_path / "strict"), "--draws", "999"])
    assert result.exit_code == 1
    assert "only 1 complete row(s) for outcome 2024, exposure 2023" in result.output
    assert not (tmp_path / "strict").exists()


def test_fallback_keeps_the_published_exposure_year_and_says_so(one_regency_2023, tmp_path):
    out = tmp_path / "results"
    result = runner.invoke(app, ["fit", "--quiet", "--fallback", "--table",
                                 str(one_regency_2023), "--out", str(out), "--draws", "999"])
    assert result.exit_code == 0, result.output
    line = result.output.splitlines()[0]
    assert line.startswith("Model: KBPP 2023 ada untuk 1 kabupaten/kota yang punya angka "
                           "stunting 2024 (regresi perlu minimal 10); model memakai KBPP 2021 (")
    assert "Jawa Tengah)" in line
    meta = json.loads((out / "meta.json").read_text())
    assert meta["design"]["exposure_year"] == 2021 and meta["design"]["outcome_year"] == 2024
    assert "secondary-source" not in result.output  # SSGI 2024 is the survey's own table

    english = runner.invoke(app, ["fit", "--quiet", "--fallback", "--lang", "en", "--table",
                                  str(one_regency_2023), "--out", str(out), "--draws", "999"])
    assert english.output.startswith("Model: KBPP 2023 exists for 1 regency(ies) with stunting "
                                     "2024 (a regression needs at least 10); the model uses "
                                     "KBPP 2021 instead (")


def test_fallback_is_silent_when_the_default_year_fits_or_a_year_is_named(
        one_regency_2023, analysis_csv):
    from kbanalysis.workspace import fallback_exposure_year

    default = pd.read_csv(analysis_csv, dtype={"bps_code": str, "province_bps": str})
    assert fallback_exposure_year(default) is None
    added = pd.read_csv(one_regency_2023, dtype={"bps_code": str, "province_bps": str})
    assert fallback_exposure_year(added, exposure_year=2023) is None
    found = fallback_exposure_year(added)
    assert (found.default_year, found.default_rows, found.year, found.provinces) == \
        (2023, 1, 2021, ("Jawa Tengah",))


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
