"""What a model is asked to estimate, the checks on it, and the arrays the estimators share.

A bad specification stops here with one :class:`SpecificationError` whose message says what is
wrong and what to do, before any estimator runs.
"""
from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from ..simulate.synthetic import is_synthetic

DEFAULT_OUTCOME = "stunting_survey_pct"
DEFAULT_EXPOSURE = "kbpp_coverage_pct"
DEFAULT_COVARIATES = ("poverty_pct", "births_outside_facility_pct", "first_birth_before_20_pct")
DEFAULT_WEIGHTS = "population"
CLUSTER_COLUMNS = {"province": "province_bps", "regency": "bps_code"}
MIN_CLUSTERS = 10  # below this, cluster-robust variances are unreliable even with a t(G-1)
INTERCEPT = "(intercept)"


class SpecificationError(ValueError):
    """A model specification the data cannot support; the message is one line."""


@dataclass(frozen=True)
class Spec:
    """One model specification. ``year=None`` picks the latest year with the outcome."""

    outcome: str = DEFAULT_OUTCOME
    exposure: str = DEFAULT_EXPOSURE
    covariates: tuple[str, ...] = DEFAULT_COVARIATES
    weights: str | None = DEFAULT_WEIGHTS
    cluster: str = "province"  # "province", "regency" or a column name
    year: int | None = None

    def __post_init__(self):
        object.__setattr__(self, "covariates", tuple(self.covariates))
        if self.weights in ("", "none", "None"):
            object.__setattr__(self, "weights", None)

    @property
    def cluster_column(self) -> str:
        return CLUSTER_COLUMNS.get(self.cluster, self.cluster)

    def with_(self, **changes) -> "Spec":
        return replace(self, **changes)

    def as_dict(self) -> dict:
        return {"outcome": self.outcome, "exposure": self.exposure,
                "covariates": list(self.covariates), "weights": self.weights,
                "cluster": self.cluster, "cluster_column": self.cluster_column,
                "year": self.year}


@dataclass
class ModelData:
    """The rows and arrays one specification uses (complete cases of one year)."""

    spec: Spec
    frame: pd.DataFrame  # the rows used, in bps_code order
    y: np.ndarray
    X: np.ndarray  # intercept first, then exposure, then covariates
    names: list[str]
    weights: np.ndarray | None  # rescaled to mean 1 (estimates do not depend on the scale)
    clusters: np.ndarray  # integer codes 0..G-1
    cluster_labels: np.ndarray
    rows_in_year: int
    missing_by_column: dict[str, int] = field(default_factory=dict)
    simulated_inputs: list[str] = field(default_factory=list)

    @property
    def n_obs(self) -> int:
        return len(self.y)

    @property
    def n_clusters(self) -> int:
        return len(self.cluster_labels)

    @property
    def exposure_index(self) -> int:
        return self.names.index(self.spec.exposure)


def _closest(name: str, columns) -> str:
    near = difflib.get_close_matches(name, [str(c) for c in columns], n=1)
    return f" (did you mean {near[0]!r}?)" if near else ""


def model_columns(spec: Spec) -> list[str]:
    """Every column a specification reads, in a stable order."""
    columns = [spec.outcome, spec.exposure, *spec.covariates]
    if spec.weights:
        columns.append(spec.weights)
    return list(dict.fromkeys(columns))


def data_hash(table: pd.DataFrame, spec: Spec) -> str:
    """sha256 of the table columns the suite reads, in a canonical CSV form."""
    columns = ["bps_code", "year", "province_bps", "latitude", "longitude", "flags",
               *model_columns(spec), "population", "deliveries", "food_security_index",
               "sppg_per_100k"]
    present = [c for c in dict.fromkeys(columns) if c in table.columns]
    frame = table[present].sort_values([c for c in ("bps_code", "year") if c in present],
                                       kind="mergesort")
    text = frame.to_csv(index=False, lineterminator="\n", float_format="%.17g")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_columns(table: pd.DataFrame, spec: Spec, extra=()) -> None:
    needed = [*model_columns(spec), spec.cluster_column, "bps_code", *extra]
    if spec.year is not None or "year" in table.columns:
        needed.append("year")
    missing = [c for c in dict.fromkeys(needed) if c not in table.columns]
    if missing:
        detail = "; ".join(f"{c!r}{_closest(c, table.columns)}" for c in missing)
        raise SpecificationError(f"missing column(s) in the analysis table: {detail}")
    roles = [spec.outcome, spec.exposure, *spec.covariates]
    repeated = sorted({c for c in roles if roles.count(c) > 1})
    if repeated:
        raise SpecificationError(f"column(s) {repeated} appear more than once among the "
                                 f"outcome, the exposure and the covariates")


def simulated_inputs(table: pd.DataFrame, spec: Spec) -> list[str]:
    """The columns of ``spec`` whose values are simulated (empty for real data)."""
    if is_synthetic(table):
        return model_columns(spec)
    used = model_columns(spec)
    simulated = []
    if "kbpp_measure_type" in table.columns:
        kbpp_sim = table["kbpp_measure_type"].astype(str).str.lower().eq("simulated").any()
        if kbpp_sim:
            simulated += [c for c in used if c.startswith("kbpp_") or c == "deliveries"]
    return simulated


def resolve_year(table: pd.DataFrame, spec: Spec) -> Spec:
    """Fill ``spec.year`` with the latest year in which the outcome is observed."""
    if spec.year is not None or "year" not in table.columns:
        return spec
    outcome = pd.to_numeric(table[spec.outcome], errors="coerce")
    years = table.loc[outcome.notna(), "year"]
    if years.empty:
        raise SpecificationError(f"outcome {spec.outcome!r} has no values in any year")
    return spec.with_(year=int(years.max()))


def _numeric(frame: pd.DataFrame, column: str) -> pd.Series:
    values = frame[column]
    if pd.api.types.is_bool_dtype(values) or not pd.api.types.is_numeric_dtype(values):
        converted = pd.to_numeric(values, errors="coerce")
        bad = converted.isna() & values.notna()
        if bad.any():
            row = frame.loc[bad].iloc[0]
            raise SpecificationError(
                f"column {column!r} must be numeric; bps_code {row.get('bps_code', '?')} "
                f"has {values[bad].iloc[0]!r}")
        return converted.astype("float64")
    return values.astype("float64")


def collinear_column(X: np.ndarray, names: list[str]) -> str | None:
    """The first column that is a linear combination of the ones before it, or None."""
    scale = np.where(np.abs(X).max(axis=0) > 0, np.abs(X).max(axis=0), 1.0)
    Xs = X / scale
    rank = 0
    for k in range(Xs.shape[1]):
        new_rank = np.linalg.matrix_rank(Xs[:, : k + 1], tol=1e-10 * np.sqrt(len(Xs)))
        if new_rank == rank:
            return names[k]
        rank = new_rank
    return None


def prepare(table: pd.DataFrame, spec: Spec, *, min_clusters: int = MIN_CLUSTERS,
            require_outcome_pct: bool = True) -> ModelData:
    """Check ``spec`` against ``table`` and return the complete-case arrays of its year."""
    check_columns(table, spec)
    spec = resolve_year(table, spec)
    simulated = simulated_inputs(table, spec)
    # attrs are deep-copied by every pandas operation; the checks and the fit do not need them.
    rows = table.copy(deep=False)
    rows.attrs = {}
    if spec.year is not None:
        rows = rows.loc[rows["year"].astype("int64") == spec.year]
        if rows.empty:
            present = sorted(pd.unique(table["year"].astype("int64")))
            raise SpecificationError(f"no rows for year {spec.year} (years present: {present})")
    columns = model_columns(spec)
    values = {c: _numeric(rows, c) for c in columns}
    missing_by_column = {c: int(v.isna().sum()) for c, v in values.items()}
    cluster_values = rows[spec.cluster_column].astype("string")
    missing_by_column[spec.cluster_column] = int(cluster_values.isna().sum())
    keep = cluster_values.notna().to_numpy().copy()
    for v in values.values():
        keep &= v.notna().to_numpy()
    if not keep.any():
        counts = ", ".join(f"{c}: {k}" for c, k in missing_by_column.items() if k)
        raise SpecificationError(
            f"no complete rows left for year {spec.year}: all {len(rows)} rows have a missing "
            f"value (rows missing per column: {counts})")
    used = rows.loc[keep].sort_values(["bps_code"], kind="mergesort")
    order = rows.index.get_indexer(used.index)
    data = {c: v.to_numpy()[order] for c, v in values.items()}

    y = data[spec.outcome]
    if require_outcome_pct and ((y < 0) | (y > 100)).any():
        bad = np.flatnonzero((y < 0) | (y > 100))
        raise SpecificationError(
            f"outcome {spec.outcome!r} must lie in 0-100 (percent); {len(bad)} row(s) outside, "
            f"e.g. bps_code {used['bps_code'].iloc[bad[0]]} = {y[bad[0]]:g}")
    for c in [spec.outcome, spec.exposure, *spec.covariates]:
        if np.ptp(data[c]) == 0:
            raise SpecificationError(
                f"column {c!r} is constant ({data[c][0]:g} in all {len(y)} complete rows "
                f"of {spec.year}); it cannot be estimated")
    weights = None
    if spec.weights:
        weights = data[spec.weights]
        if (weights <= 0).any():
            bad = np.flatnonzero(weights <= 0)[0]
            raise SpecificationError(
                f"weights {spec.weights!r} must be positive; bps_code "
                f"{used['bps_code'].iloc[bad]} has {weights[bad]:g}")
        weights = weights / weights.mean()

    names = [INTERCEPT, spec.exposure, *spec.covariates]
    X = np.column_stack([np.ones(len(y)), data[spec.exposure],
                         *[data[c] for c in spec.covariates]])
    culprit = collinear_column(X, names)
    if culprit is not None:
        others = [n for n in names[: names.index(culprit)]]
        raise SpecificationError(
            f"perfect collinearity: {culprit!r} is a linear combination of {others} in the "
            f"{len(y)} complete rows; drop one of them")
    labels, clusters = np.unique(used[spec.cluster_column].astype(str).to_numpy(),
                                 return_inverse=True)
    if len(labels) < min_clusters:
        raise SpecificationError(
            f"only {len(labels)} cluster(s) in {spec.cluster_column!r} (need at least "
            f"{min_clusters} for cluster-robust inference); use cluster='regency' for "
            f"heteroskedasticity-robust errors when the data cover few provinces")
    return ModelData(spec=spec, frame=used.reset_index(drop=True), y=y, X=X, names=names,
                     weights=weights, clusters=clusters.astype(np.int64),
                     cluster_labels=labels, rows_in_year=len(rows),
                     missing_by_column=missing_by_column,
                     simulated_inputs=simulated)
