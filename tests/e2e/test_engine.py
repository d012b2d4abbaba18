"""The batch's in-process engine gives a template the outputs a Jupyter kernel gives."""
from __future__ import annotations

import nbformat
import pytest

from kbanalysis.reporting import batch


def _outputs(notebook) -> list:
    return [[{k: v for k, v in output.items() if k != "execution_count"} for output in cell.outputs]
            for cell in notebook.cells if cell.cell_type == "code"]


@pytest.mark.parametrize("level, code", [("regency", "3301"), ("province", "76")])
def test_in_process_outputs_equal_a_kernels(level, code, tmp_path, monkeypatch, raw_dir):
    import papermill

    from kbanalysis.reporting import engine

    job = batch.plan(level, only=[code])[0]
    for name, value in batch.kernel_environment().items():
        monkeypatch.setenv(name, value)
    by_kernel = papermill.execute_notebook(str(job.template), str(tmp_path / "kernel.ipynb"),
                                           parameters=job.parameters, kernel_name="python3",
                                           progress_bar=False, cwd=str(job.template.parent))
    by_engine = papermill.execute_notebook(str(job.template), str(tmp_path / "engine.ipynb"),
                                           parameters=job.parameters, progress_bar=False,
                                           engine_name=engine.ENGINE_NAME)
    assert _outputs(by_engine) == _outputs(by_kernel)
    assert sum(len(outputs) for outputs in _outputs(by_engine)) > 10  # the page's sections
    counts = [c.execution_count for c in by_engine.cells if c.cell_type == "code"]
    assert counts == [c.execution_count for c in by_kernel.cells if c.cell_type == "code"]
    # The engine builds outputs without nbformat's per-output check: the whole page must pass it.
    nbformat.validate(by_engine)
    nbformat.validate(batch.Worker().execute(job.template, job.parameters))


def test_the_engine_hands_back_the_processs_main_module():
    # IPython makes its namespace __main__; a process that then spawns workers (a test, a
    # notebook running a batch) needs its own back, or multiprocessing cannot start them.
    import sys

    import papermill

    from kbanalysis.reporting import engine

    main = sys.modules["__main__"]
    job = batch.plan("regency", only=["3301"])[0]
    papermill.execute_notebook(str(job.template), None, parameters=job.parameters,
                               progress_bar=False, engine_name=engine.ENGINE_NAME)
    assert sys.modules["__main__"] is main
