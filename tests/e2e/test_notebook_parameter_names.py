"""A misspelt papermill parameter stops the research notebooks with the closest name
(issue 16), instead of running silently on the defaults; and a fit whose outcome values are
all secondary-source copies says so in its headline.

Papermill itself only warns about a name the parameters cell lacks and injects it anyway."""
from __future__ import annotations

import subprocess
import sys

import nbformat
import pandas as pd
import pytest

from kbanalysis import config
from kbanalysis.reporting import batch


def _papermill(notebook, out, *params):
    done = subprocess.run([sys.executable, "-m", "papermill", str(notebook), str(out),
                           "--no-progress-bar", *params], capture_output=True, text=True,
                          env=batch.kernel_environment(), timeout=600)
    executed = nbformat.read(out, as_version=4) if out.is_file() else None
    return done, executed


def _first_error(notebook) -> str:
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                return f"{output.ename}: {output.evalue}"
    return ""


@pytest.mark.parametrize("notebook, wrong, right", [
    ("2.01-model.ipynb", "outcom_year", "outcome_year"),
    ("3.01-your-data.ipynb", "kbpp_file", "kbpp_files"),
])
def test_a_misspelt_parameter_stops_the_notebook_with_the_closest_name(tmp_path, notebook,
                                                                       wrong, right):
    done, executed = _papermill(config.NOTEBOOKS_DIR / notebook, tmp_path / "out.ipynb",
                                "-p", wrong, "2022", "-p", "draws", "999")
    assert done.returncode != 0, "the notebook ran on its defaults"
    error = _first_error(executed)
    assert error.startswith(f"ParameterError: parameter tidak dikenal {wrong!r} "
                            f"(maksud Anda {right!r}?)"), error
    assert f"unknown parameter {wrong!r} (did you mean {right!r}?)" in error
    assert f"did you mean {right!r}?" in done.stderr  # the terminal shows it too
    # nothing was fitted: the first code cell after the parameters is where it stopped
    fitted = [c for c in executed.cells if c.cell_type == "code" and c.get("outputs")
              and "parameters" not in c.metadata.get("tags", [])
              and "injected-parameters" not in c.metadata.get("tags", [])]
    assert len(fitted) == 1


def test_a_fit_on_secondary_outcome_values_only_says_so_in_its_headline(analysis_csv):
    from kbanalysis.research import fitting as research
    from kbanalysis.research import suite_display as S

    table = pd.read_csv(analysis_csv, dtype={"bps_code": str})
    stunting = table.loc[(table["year"] == 2022) & table["stunting_survey_pct"].notna()]
    kbpp = set(table.loc[(table["year"] == 2021) & table["kbpp_coverage_pct"].notna(),
                         "bps_code"])
    both = stunting.loc[stunting["bps_code"].isin(kbpp)]
    flagged = both["flags"].fillna("").str.contains("stunting_survey_pct:secondary_source")
    assert len(both) >= 10 and flagged.all()  # the 2022 regency values are news copies

    results = research.fit(research.model_request(outcome_year=2022, covariates="", draws=999))
    text = S.headline(results).plain
    assert text.splitlines()[0].endswith("(outcome: secondary-source values only)")
    assert (f"Every outcome value of this fit ({len(both)} regencies, stunting_survey_pct 2022) "
            f"is a secondary-source copy") in text

    official = S.headline(research.fit(research.model_request(draws=999))).plain
    assert "secondary-source" not in official  # SSGI 2024: the survey's own table
