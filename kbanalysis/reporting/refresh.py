"""Re-execute the committed notebooks in place, so their stored outputs are fresh nbval references.

    python -m kbanalysis.reporting.refresh            # every notebook under notebooks/
    python -m kbanalysis.reporting.refresh notebooks/2.01-model.ipynb

Each notebook runs through papermill with its default parameters (the embedded default data)
in a kernel that imports this checkout; the research notebooks (``2.01-model`` fits live,
``3.01-your-data`` shows how to use it) are found like every other. Papermill's timings and
paths and the kernel's Python patch version are stripped afterwards and the file is replaced
atomically, so the same data give the same file.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat

from .. import atomic, config

VOLATILE_CELL_METADATA = ("papermill", "execution")


def committed_notebooks() -> list[Path]:
    return sorted(p for p in config.NOTEBOOKS_DIR.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def clean(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what changes from run to run without changing what the notebook shows."""
    notebook.metadata.pop("papermill", None)
    language = notebook.metadata.get("language_info", {})
    if "version" in language:  # the kernel's Python as major.minor: no patch version
        language["version"] = ".".join(str(language["version"]).split(".")[:2])
    for cell in notebook.cells:
        for key in VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
        if cell.metadata.get("tags") == []:
            cell.metadata.pop("tags")
    return notebook


def refresh(path: Path) -> None:
    import papermill

    from .batch import kernel_environment

    os.environ.update(kernel_environment())  # the kernel papermill starts inherits this
    executed = papermill.execute_notebook(str(path), None, kernel_name="python3",
                                          cwd=str(path.parent), progress_bar=False)
    text = nbformat.writes(clean(executed)) + "\n"
    atomic.write_text(path, text)


def main(argv: list[str] | None = None) -> None:
    paths = [Path(a) for a in (argv if argv is not None else sys.argv[1:])] or committed_notebooks()
    for path in paths:
        print(f"refreshing {path.relative_to(config.PROJ_ROOT) if path.is_absolute() else path}")
        refresh(path.resolve())


if __name__ == "__main__":
    main()
