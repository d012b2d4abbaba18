"""The inputs a report reads, loaded once per kernel and fingerprinted.

A batch runs hundreds of reports in a few warm kernels; each kernel loads the tables once
(``load_context`` is memoised on the files' paths, sizes and modification times) and every
report after the first reuses them. Nothing here depends on the working directory: default
folders come from :mod:`kbanalysis.config`.

Model results are *read*, never computed: ``estimates.csv``, ``predictions.csv`` and
``meta.json`` are written by ``kbanalysis fit --out DIR``; when they are absent the reports
say so and skip the model sections.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from .. import config
from ..atomic import finish_pending
from ..regions import load_provinces, load_regions
from ..results_contract import ESTIMATES_CSV, META_JSON, PREDICTION_COLUMNS, PREDICTIONS_CSV
from ..results_contract import read_estimates as _read_contract_estimates


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_analysis(path: Path) -> pd.DataFrame:
    from ..dataset import load_analysis  # the table's owner knows its dtypes
    return load_analysis(Path(path))


def read_estimates(path: Path) -> pd.DataFrame:
    """``estimates.csv`` by the results contract (:mod:`kbanalysis.results_contract`):
    its columns, ``is_exposure`` marking the exposure's rows."""
    return _read_contract_estimates(path)


def read_predictions(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype={"bps_code": "str"})
    missing = [c for c in PREDICTION_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{path}: missing columns {missing}; expected {PREDICTION_COLUMNS}")
    return frame[PREDICTION_COLUMNS]


@dataclass
class ReportContext:
    """Everything the templates read, with the hashes of the files it came from."""

    processed_dir: Path
    results_dir: Path
    raw_dir: Path | None
    analysis: pd.DataFrame
    regions: pd.DataFrame
    provinces: pd.DataFrame
    estimates: pd.DataFrame | None
    predictions: pd.DataFrame | None
    meta: dict
    hashes: dict[str, str]  # file name -> sha256 of every input read
    notes: list[str] = field(default_factory=list)  # why an optional input is missing
    programme_monthly: pd.DataFrame | None = None  # BKKBN SIGA regency x month, if built

    def programme_month(self, code: str) -> tuple[int, int] | None:
        """The latest (year, month) of a regency's programme data, or None."""
        frame = self.programme_monthly
        if frame is None or not {"bps_code", "year", "month"} <= set(frame.columns):
            return None
        rows = frame[(frame["bps_code"].astype(str) == code) & frame["month"].notna()]
        if rows.empty:
            return None
        year, month = max(zip(rows["year"].astype(int), rows["month"].astype(int)))
        return year, month

    @cached_property
    def cross(self) -> pd.DataFrame:
        """One row per regency with its latest values (see ``content.cross_section``)."""
        from .content import cross_section
        return cross_section(self.analysis, self.regions)

    @cached_property
    def simulated(self) -> list[str]:
        """Which inputs are simulated: text keys "simulated_kbpp", "simulated_model"."""
        from .content import simulated_inputs
        return simulated_inputs(self.analysis, self.meta if self.estimates is not None else None)

    @cached_property
    def geometry(self):
        """Regency shapes keyed by ``bps_code`` when the raw geometry can be read, else None."""
        if self.raw_dir is None:
            self.notes.append("geometry: no raw data folder")
            return None
        try:
            from ..sources.geometry import read_geometry
        except ImportError as error:
            self.notes.append(f"geometry: reader unavailable ({error})")
            return None
        try:
            shapes = read_geometry(self.raw_dir)
        except (OSError, ValueError) as error:
            self.notes.append(f"geometry: {error}")
            return None
        return _keyed_by_bps(shapes)


def _keyed_by_bps(shapes):
    """The reader's result as a GeoDataFrame with a ``bps_code`` column (or None)."""
    if shapes is None:
        return None
    frame = getattr(shapes, "shapes", shapes)  # a GeometryResult or a frame
    if "bps_code" not in getattr(frame, "columns", []):
        return None
    return frame


_CACHE: dict[tuple, ReportContext] = {}


def _stamp(paths: list[Path]) -> tuple:
    out = []
    for path in paths:
        stat = path.stat() if path.exists() else None
        out.append((str(path), stat.st_mtime_ns if stat else None, stat.st_size if stat else None))
    return tuple(out)


def input_paths(processed_dir: Path, results_dir: Path) -> dict[str, Path]:
    """The files a report may read, by the name the provenance footer shows."""
    return {
        "analysis.csv": processed_dir / config.ANALYSIS_CSV.name,
        "regions.csv": processed_dir / config.REGIONS_CSV.name,
        "provinces.csv": processed_dir / config.PROVINCES_CSV.name,
        "programme_monthly.csv": processed_dir / "programme_monthly.csv",
        # read by reporting.official (province figures, secondary trend points)
        "tidy.csv": processed_dir / config.TIDY_CSV.name,
        "estimates.csv": results_dir / ESTIMATES_CSV,
        "predictions.csv": results_dir / PREDICTIONS_CSV,
        "meta.json": results_dir / META_JSON,
    }


def load_context(processed_dir=None, results_dir=None, raw_dir="default") -> ReportContext:
    """The report inputs, from ``config`` folders unless given; memoised per process.

    ``raw_dir`` is only used for geometry (maps); "default" means ``config.default_raw_dir()``.
    """
    processed = Path(processed_dir) if processed_dir else config.PROCESSED_DIR
    results = Path(results_dir) if results_dir else config.RESULTS_DIR
    raw = config.default_raw_dir() if raw_dir == "default" else (Path(raw_dir) if raw_dir else None)
    for folder in (processed, results):  # never read half of an interrupted rewrite
        finish_pending(folder)
    paths = input_paths(processed, results)
    key = (_stamp(list(paths.values())), str(raw))
    if key not in _CACHE:
        _CACHE.clear()  # one data set at a time is all a kernel needs
        _CACHE[key] = _load(processed, results, raw, paths)
    return _CACHE[key]


def _load(processed: Path, results: Path, raw: Path | None, paths: dict[str, Path]) -> ReportContext:
    if not paths["analysis.csv"].exists():
        raise FileNotFoundError(f"{paths['analysis.csv']}: the analysis table is missing; "
                                f"build it with `kbanalysis data build`")
    notes: list[str] = []
    hashes = {name: file_hash(path) for name, path in paths.items() if path.exists()}
    estimates = predictions = None
    meta: dict = {}
    if paths["estimates.csv"].exists():
        estimates = read_estimates(paths["estimates.csv"])
    else:
        notes.append(f"model results: {paths['estimates.csv'].name} not found")
    if paths["predictions.csv"].exists():
        predictions = read_predictions(paths["predictions.csv"])
    if paths["meta.json"].exists():
        meta = json.loads(paths["meta.json"].read_text(encoding="utf-8"))
    regions_path = paths["regions.csv"] if paths["regions.csv"].exists() else config.REGIONS_CSV
    provinces_path = paths["provinces.csv"] if paths["provinces.csv"].exists() else config.PROVINCES_CSV
    monthly = (pd.read_csv(paths["programme_monthly.csv"], dtype={"bps_code": str})
               if paths["programme_monthly.csv"].exists() else None)
    return ReportContext(
        processed_dir=processed, results_dir=results, raw_dir=raw, programme_monthly=monthly,
        analysis=read_analysis(paths["analysis.csv"]),
        regions=load_regions(regions_path), provinces=load_provinces(provinces_path),
        estimates=estimates, predictions=predictions, meta=meta, hashes=hashes, notes=notes)


def geometry_fingerprint(raw_dir="default") -> str:
    """One hash over the raw geometry files the maps draw (empty when there are none)."""
    raw = config.default_raw_dir() if raw_dir == "default" else (Path(raw_dir) if raw_dir else None)
    if raw is None or not (raw / "geometry").is_dir():
        return ""
    digest = hashlib.sha256()
    for path in sorted(p for p in (raw / "geometry").iterdir() if p.is_file()):
        digest.update(path.name.encode())
        digest.update(file_hash(path).encode())
    return digest.hexdigest()


def data_fingerprint(processed_dir=None, results_dir=None, raw_dir="default") -> str:
    """One hash over every input a report reads (and the geometry files, if any)."""
    processed = Path(processed_dir) if processed_dir else config.PROCESSED_DIR
    results = Path(results_dir) if results_dir else config.RESULTS_DIR
    raw = config.default_raw_dir() if raw_dir == "default" else (Path(raw_dir) if raw_dir else None)
    digest = hashlib.sha256()
    files = sorted(input_paths(processed, results).items())
    if raw is not None and (raw / "geometry").is_dir():
        files += [(f"geometry/{p.name}", p) for p in sorted((raw / "geometry").iterdir()) if p.is_file()]
    for name, path in files:
        digest.update(name.encode())
        digest.update(file_hash(path).encode() if path.exists() else b"absent")
    return digest.hexdigest()
