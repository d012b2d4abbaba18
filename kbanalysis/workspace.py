"""An office's own KBPP files, kept apart from the committed default.

``make run KBPP=...`` (``kbanalysis office``) builds the tables, fits the suite and writes
the reports in the workspace named in :mod:`kbanalysis.config` (``LOCAL_PROCESSED_DIR``,
``LOCAL_RESULTS_DIR``, ``LOCAL_REPORTS_DIR``), never in ``data/processed/`` or ``results/``.
This module holds what the command, the fit and the reports need to know about it: which
files a set of tables was built from, and the exposure year a fit falls back to when the
office's own year has too few regencies for a regression.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

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


@dataclass(frozen=True)
class Fallback:
    """The exposure year a fit uses instead of the default one, and why."""

    outcome_year: int
    default_year: int  # the latest KBPP year before the outcome (the rule of models.timing)
    default_rows: int  # regencies with the outcome and KBPP of default_year
    year: int  # the exposure year used
    rows: int  # complete regencies of that year's cross-section
    provinces: tuple[str, ...]  # province names among them


def fallback_exposure_year(table: pd.DataFrame, **spec) -> Fallback | None:
    """When the default exposure year (the latest before the outcome year with real KBPP,
    :func:`kbanalysis.models.timing.exposure_year`) cannot be fitted but an earlier real KBPP
    year can, that year; None when the default fits, when the caller named the exposure year,
    or when no year fits (the fit itself then says why).

    Until regencies of several years are pooled into one model, an office that adds one
    regency (or one small province) for a recent year would otherwise leave no model at all:
    the published Jawa Tengah 2021 exposure is kept, and the office's figures still appear
    on its pages. ``spec``: the keyword arguments of :class:`kbanalysis.models.Spec`.
    """
    from .models import Spec, SpecificationError, prepare
    from .models.timing import usable_exposure, years_with_values

    if spec.get("exposure_year") is not None or spec.get("year") is not None:
        return None
    base = Spec(**spec)
    try:
        prepare(table, base)
        return None
    except SpecificationError:
        pass
    try:
        resolved = prepare_years(table, base)
    except SpecificationError:
        return None
    outcome_year, default_year = resolved
    years = years_with_values(table, usable_exposure(table, base.exposure))
    for year in sorted((y for y in years if y < default_year), reverse=True):
        try:
            data = prepare(table, base.with_(exposure_year=year, outcome_year=outcome_year))
        except SpecificationError:
            continue
        names = data.frame["province_name"] if "province_name" in data.frame.columns else \
            pd.Series([], dtype="string")
        return Fallback(outcome_year, default_year,
                        _rows_with_both(table, base, outcome_year, default_year), year,
                        int(data.n_obs), tuple(sorted(set(names.astype(str)))))
    return None


def prepare_years(table: pd.DataFrame, spec) -> tuple[int, int]:
    """(outcome year, default exposure year) of ``spec`` on ``table``."""
    from .models.spec import resolve_years

    resolved, _ = resolve_years(table, spec)
    return int(resolved.outcome_year), int(resolved.exposure_year)


def _rows_with_both(table: pd.DataFrame, spec, outcome_year: int, exposure_year: int) -> int:
    """Regencies with the outcome in ``outcome_year`` and the exposure in ``exposure_year``."""
    def codes(column, year):
        values = pd.to_numeric(table[column], errors="coerce")
        rows = table.loc[values.notna() & (table["year"] == year), "bps_code"]
        return set(rows.astype(str))
    return len(codes(spec.outcome, outcome_year) & codes(spec.exposure, exposure_year))
