"""Papermill smoke tests: every template runs, in both languages, on the stand-in world."""
from __future__ import annotations

import papermill
import pytest

from kbanalysis.reporting import batch

CASES = [("national", {}), ("province", {"province": "35"}), ("regency", {"regency": "3509"})]
HEADINGS = {"id": ["Ringkasan", "Cara membaca", "Asal-usul data"],
            "en": ["Overview", "How to read this", "Provenance"]}
REGENCY_HEADINGS = {"id": ["Prevalensi stunting", "Jarak ke target", "Lima kabupaten/kota paling mirip",
                           "Posisi terhadap model"],
                    "en": ["Stunting prevalence", "Gap to the targets", "The five most similar regencies",
                           "Where it sits against the model"]}


def html_of(notebook) -> str:
    return "\n".join(o.get("data", {}).get("text/html", "") for c in notebook.cells
                     for o in c.get("outputs", []))


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("level", "params"), CASES, ids=[c[0] for c in CASES])
def test_template_runs_with_papermill(tmp_path, kernel_env, world_params, level, params, lang):
    template = batch.TEMPLATES[level]
    out = papermill.execute_notebook(str(template), str(tmp_path / f"{level}.ipynb"),
                                     parameters={**params, "lang": lang, **world_params},
                                     kernel_name="python3", cwd=str(template.parent),
                                     progress_bar=False)
    shown = html_of(out)
    banner = "DATA SIMULASI" if lang == "id" else "SIMULATED DATA"
    assert banner in shown  # the stand-in world's KBPP layer is simulated
    expected = REGENCY_HEADINGS[lang] if level == "regency" else HEADINGS[lang][1:]
    for heading in expected:
        assert heading in shown, heading
    errors = [o for c in out.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []


def test_unknown_code_fails_first_with_the_closest_matches(tmp_path, kernel_env, world_params):
    template = batch.TEMPLATES["regency"]
    with pytest.raises(papermill.PapermillExecutionError) as error:
        papermill.execute_notebook(str(template), str(tmp_path / "bad.ipynb"),
                                   parameters={"regency": "3599", **world_params},
                                   kernel_name="python3", cwd=str(template.parent), progress_bar=False)
    assert error.value.ename == "ParameterError"
    assert "closest" in error.value.evalue and "35" in error.value.evalue
    assert error.value.exec_count is not None and error.value.exec_count <= 3  # stops at the setup cell


@pytest.mark.parametrize(("level", "params"), CASES, ids=[c[0] for c in CASES])
def test_templates_run_without_raw_files_or_model_results(tmp_path, kernel_env, monkeypatch, world,
                                                          level, params):
    """A clean clone: no raw folder (dot maps instead of shapes), no `kbanalysis fit` results."""
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("KBANALYSIS_RAW_DIR", str(empty))
    template = batch.TEMPLATES[level]
    out = papermill.execute_notebook(str(template), str(tmp_path / "out.ipynb"),
                                     parameters={**params, "lang": "en", "processed_dir": str(world[0]),
                                                 "results_dir": str(tmp_path / "no-results")},
                                     kernel_name="python3", cwd=str(template.parent), progress_bar=False)
    shown = html_of(out)
    assert "Model results are not available (run `kbanalysis fit`)" in shown
    assert "SIMULATED DATA" in shown  # the KBPP layer is still simulated
    if level != "regency":
        plain = "\n".join(o.get("data", {}).get("text/plain", "") for c in out.cells for o in c.get("outputs", []))
        assert "[figure: Stunting prevalence (SSGI, %)" in plain
