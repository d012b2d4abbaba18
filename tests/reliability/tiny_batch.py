"""``kbanalysis`` with a tiny report template, for the interruption and disk tests (test-only).

Run as a script: ``python tiny_batch.py report --level regency --only "0101 0199" --out DIR``.
Reports come from the notebook ``$KBANALYSIS_TINY_TEMPLATE`` instead of the real templates,
and ``plan`` makes one job per code without reading any data: a code ending in ``99`` sleeps
for minutes (a report still running when the test interrupts the batch), the others finish
at once; one ending in ``98`` takes ``MEDIUM_SECONDS``. The patches sit at module level because report workers are started with "spawn",
which re-imports this file in every worker.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from kbanalysis.reporting import batch

TEMPLATE_ENV = "KBANALYSIS_TINY_TEMPLATE"
SLOW_SUFFIX = "99"
MEDIUM_SUFFIX, MEDIUM_SECONDS = "98", 10.0


def write_template(path: Path, page_bytes: int = 1000, pid_dir: Path | None = None) -> Path:
    """The tiny template: parameters, then a pause for slow codes and ``page_bytes`` of text.
    With ``pid_dir``, each report first writes ``<pid_dir>/<code>.pid``: the id of the
    worker making it (the cells run in the worker's own process)."""
    parameters = new_code_cell('regency = None\nlang = "id"\ndelay = 0.0')
    parameters.metadata["tags"] = ["parameters"]
    tell = (f"import os\nopen(os.path.join({str(pid_dir)!r}, regency + '.pid'), 'w')"
            ".write(str(os.getpid()))\n" if pid_dir else "")
    body = new_code_cell(f"{tell}import time\ntime.sleep(float(delay))\n"
                         f"print(regency, 'x' * {page_bytes})")
    notebook = new_notebook(cells=[parameters, body], metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"}})
    nbformat.write(notebook, str(path))
    return path


def tiny_plan(level, *, only=(), lang="id", **_):
    return [batch.make_job("regency", code, lang, f"Tiny {code}",
                           {"delay": 600.0 if code.endswith(SLOW_SUFFIX)
                            else MEDIUM_SECONDS if code.endswith(MEDIUM_SUFFIX) else 0.0})
            for code in batch.split_codes(only)]


if os.environ.get(TEMPLATE_ENV):
    batch.TEMPLATES = {level: Path(os.environ[TEMPLATE_ENV]) for level in batch.TEMPLATES}
    batch.plan = tiny_plan

if __name__ == "__main__":
    from kbanalysis.cli import main

    main()


def wait_for(condition, timeout: float, what: str):
    """``condition()``'s first true value, polled; the test fails after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")
