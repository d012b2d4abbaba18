"""An office's own KBPP files, kept apart from the committed default.

``make run KBPP=...`` (``kbanalysis office``) builds the tables, fits the suite and writes
the reports in the workspace named in :mod:`kbanalysis.config` (``LOCAL_PROCESSED_DIR``,
``LOCAL_RESULTS_DIR``, ``LOCAL_REPORTS_DIR``), never in ``data/processed/`` or ``results/``.
This module holds what the command, the fit and the reports need to know about it: which
files a set of tables was built from, and how the workspace's model differs from the
committed one (the office's regencies are pooled with the published ones, see
:mod:`kbanalysis.models.spec`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from . import config


@dataclass(frozen=True)
class Workspace:
    """The three folders of one office run."""

    processed: Path
    results: Path
    reports: Path

    @property
    def analysis(self) -> Path:
        return self.processed / config.ANALYSIS_CSV.name


def local() -> Workspace:
    """The office workspace of this checkout (ignored by git)."""
    return Workspace(config.LOCAL_PROCESSED_DIR, config.LOCAL_RESULTS_DIR,
                     config.LOCAL_REPORTS_DIR)


def shown(path: Path) -> str:
    """``path`` relative to the project when it lies inside it (what a user types)."""
    path = Path(path).resolve()
    try:
        return path.relative_to(config.PROJ_ROOT).as_posix()
    except ValueError:
        return str(path)


def office_files(processed_dir=None) -> list[str]:
    """The office's own KBPP files the tables in ``processed_dir`` were built with (names, as
    ``build_meta.json`` records them); [] for the default build or without the file."""
    folder = Path(processed_dir) if processed_dir else config.PROCESSED_DIR
    path = folder / config.BUILD_META_JSON.name
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    files = (meta.get("kbpp") or {}).get("files") or {}
    return sorted(files) if isinstance(files, dict) else []


def model_scope(meta: dict) -> dict:
    """Regencies and provinces a fit's model holds (``meta.json``): those in the data (a
    regency alone in its province included) and each province's exposure years."""
    design = meta.get("design") or {}
    pooled = design.get("pooled")
    if pooled:
        return {"regencies": int(pooled["regencies_in_data"]),
                "provinces": int(pooled["provinces_in_data"]),
                "absorbed": len(pooled.get("absorbed") or []),
                "scope": [(p["province_name"], p["exposure_years"]) for p in pooled["scope"]]}
    return {"regencies": int(design.get("n_obs") or 0),
            "provinces": int(design.get("n_provinces") or 0), "absorbed": 0,
            "scope": []}


def model_change(default_meta: dict, local_meta: dict) -> list:
    """The lines ``make run KBPP=...`` prints after the fit: how the workspace model differs
    from the committed default's (:class:`~kbanalysis.messages.Msg` objects)."""
    from .messages import msg

    before, after = model_scope(default_meta), model_scope(local_meta)
    where = "; ".join(f"{name} KBPP {', '.join(map(str, years))}"
                      for name, years in after["scope"])
    lines = [msg("office.model_change", before=before["regencies"], after=after["regencies"],
                 provinces=after["provinces"], scope=where or "-")]
    if after["absorbed"]:
        lines.append(msg("office.model_absorbed", absorbed=after["absorbed"]))
    return lines
