"""The results contract: which files ``kbanalysis fit`` writes and what their columns mean.

One module owns it, so the writer (:mod:`kbanalysis.models.output`), the readers
(:mod:`kbanalysis.reporting.context`, :mod:`kbanalysis.reporting.content`) and the notebooks
agree. It imports nothing heavier than pandas: readers need not load the estimators.

Files (in one folder, written together):

- ``estimates.csv``: one row per model x term, columns :data:`ESTIMATE_COLUMNS`;
- ``meta.json``: the specification, the design, the headline, power, diagnostics, the
  sensitivity grid, notes; ``meta["exposure"]`` names the exposure column and its terms;
- ``predictions.csv``: observed and expected outcome per regency, :data:`PREDICTION_COLUMNS`;
- ``influence.csv``: each regency's influence on the main model, :data:`INFLUENCE_COLUMNS`.

The exposure is found by the ``is_exposure`` column (or ``meta["exposure"]``), never by
searching term names, so ``kbanalysis fit --exposure <any column>`` reads back the same way.
``scale`` says the unit of ``estimate``: :data:`PER_POINT` (percentage points of the outcome
per unit of the term), :data:`PER_10_POINTS` (the exposure's effect per 10-point rise), or a
model scale such as ``"log-odds"``.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import pandas as pd

ESTIMATES_CSV = "estimates.csv"
META_JSON = "meta.json"
PREDICTIONS_CSV = "predictions.csv"
INFLUENCE_CSV = "influence.csv"
RESULT_FILES = (ESTIMATES_CSV, META_JSON, PREDICTIONS_CSV, INFLUENCE_CSV)

# estimate/std_error/ci_low/ci_high share one unit: the row's ``scale``.
ESTIMATE_VALUE_COLUMNS = ["estimate", "std_error", "ci_low", "ci_high"]
BASE_ESTIMATE_COLUMNS = ["model", "term", *ESTIMATE_VALUE_COLUMNS, "p_value", "n_obs",
                         "n_clusters"]
ESTIMATE_COLUMNS = [*BASE_ESTIMATE_COLUMNS, "scale", "is_exposure"]
PREDICTION_COLUMNS = ["bps_code", "observed", "expected", "residual"]
# influence.csv: one row per regency of the main model; the exposure's slope without it (pp
# per 10 points), its change, that change in standard errors of the main model, leverage and
# Cook's distance.
INFLUENCE_COLUMNS = ["bps_code", "name", "estimate_without_per_10", "change_per_10",
                     "change_in_se", "leverage", "cooks_distance"]

PER_POINT = "pp per unit"  # percentage points of the outcome per unit (point) of the term
PER_10_POINTS = "pp per 10 points"  # the exposure's effect per 10-point rise in its value
PER_10 = 10.0
SENSITIVITY_MODEL_PREFIX = "sensitivity:"
# Status of a sensitivity variant (meta.json "sensitivity"): "ok" or "ok (...)" when fitted,
# "not applicable: <reason>" when its data do not exist here (never fitted, never a result),
# "not estimable: <reason>" when its data exist but cannot support the fit.
FITTED = "ok"
NOT_APPLICABLE = "not applicable"
NOT_ESTIMABLE = "not estimable"

COLUMN_DOCS = {
    "model": "estimator; 'sensitivity:<variant>' rows are the main model refitted (see "
             "meta.json 'sensitivity')",
    "term": "regressor; the exposure's effect appears twice, per point and per 10-point rise "
            "(same term, told apart by 'scale')",
    "estimate": "in the unit named by 'scale'",
    "std_error": "same unit; empty for wild bootstrap rows (the CI comes from test inversion)",
    "ci_low": "95 % interval, same unit",
    "ci_high": "95 % interval, same unit",
    "p_value": "two-sided, H0: 0",
    "n_obs": "rows the model used",
    "n_clusters": "clusters of the inference; empty under HC3 (no clusters)",
    "scale": f"'{PER_POINT}' (pp of the outcome per unit of the term), '{PER_10_POINTS}' "
             f"(per 10-point rise of the exposure), or a model scale ('log-odds', 'log "
             f"precision', 'spatial parameter')",
    "is_exposure": "true on the exposure's rows (per point and per 10 points, lagged in the "
                   "panel): read the exposure from here, never from term names",
}


@dataclass(frozen=True)
class Effect:
    """One headline slope of the exposure, pp of the outcome per 10-point rise: the analytic
    estimate and interval, the headline (wild bootstrap) interval when there is one, and the
    minimum detectable effect of the design."""

    model: str
    estimate: float
    std_error: float
    analytic_ci_low: float
    analytic_ci_high: float
    analytic_p_value: float
    analytic_inference: str
    n_obs: int
    ci_low: float | None = None
    ci_high: float | None = None
    p_value: float | None = None
    interval_model: str | None = None
    mde_pp: float | None = None

    @property
    def has_interval(self) -> bool:
        return self.ci_low is not None and self.ci_high is not None

    def write(self) -> dict:
        """The ``meta.json`` record (optional parts left out when absent)."""
        return {k: v for k, v in asdict(self).items() if v is not None}

    @classmethod
    def read(cls, record: dict | None) -> "Effect | None":
        if not record:
            return None
        return cls(**{f.name: record.get(f.name) for f in fields(cls)})


@dataclass(frozen=True)
class Headline:
    """``meta["headline"]``: the unadjusted and adjusted slopes, the inference the data
    chose and the literature range, all per 10 points of the exposure."""

    inference: str
    reason: str
    interval: str
    expected_low: float
    expected_high: float
    simulated: bool
    unadjusted: Effect | None = None
    adjusted: Effect | None = None
    scale: str = "pp per 10 points"

    def effects(self) -> dict[str, Effect]:
        return {k: e for k, e in (("unadjusted", self.unadjusted),
                                  ("adjusted", self.adjusted)) if e is not None}

    def write(self) -> dict:
        out = {f.name: getattr(self, f.name) for f in fields(self)
               if f.name not in ("unadjusted", "adjusted")}
        out.update({key: effect.write() for key, effect in self.effects().items()})
        return out

    @classmethod
    def read(cls, meta: dict | None) -> "Headline | None":
        """From ``meta.json`` (the whole file or its ``headline`` record); None when absent."""
        record = (meta or {}).get("headline", meta) or {}
        if "inference" not in record:
            return None
        plain = {f.name: record.get(f.name) for f in fields(cls)
                 if f.name not in ("unadjusted", "adjusted", "scale")}
        return cls(**plain, scale=record.get("scale", PER_10_POINTS),
                   unadjusted=Effect.read(record.get("unadjusted")),
                   adjusted=Effect.read(record.get("adjusted")))


@dataclass(frozen=True)
class DesignMde:
    """``meta["power"]["adjusted"]`` (or ``"unadjusted"``): the minimum detectable effect of
    one model, pp of the outcome per ``per_points`` rise of the exposure, and what it rests
    on (see :mod:`kbanalysis.models.power`)."""

    model: str
    inference: str
    mde_pp: float
    per_points: float
    standard_error_per_point: float
    df: int | None
    alpha: float
    power: float
    n_obs: int
    residual_sd: float
    exposure_sd: float
    exposure_sd_net_of_covariates: float
    classical_standard_error_per_point: float
    variance_inflation: float
    formula: str

    def write(self) -> dict:
        return asdict(self)

    @classmethod
    def read(cls, record: dict | None) -> "DesignMde | None":
        if not record or record.get("mde_pp") is None:
            return None
        return cls(**{f.name: record.get(f.name) for f in fields(cls)})


@dataclass(frozen=True)
class RegenciesNeeded:
    """How many regencies 80 % power needs for an effect of ``target_pp`` (per 10 points),
    and whether that is more than Indonesia has."""

    target_pp: float
    regencies: int
    exceeds_indonesia: bool

    def write(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Power:
    """``meta["power"]``: the main model's (and the unadjusted model's) minimum detectable
    effect, the curve of it against the number of regencies (``curve``: rows of
    ``regencies`` and ``mde_pp``) and the regencies needed per target effect."""

    adjusted: DesignMde | None = None
    unadjusted: DesignMde | None = None
    curve: tuple[dict, ...] = ()
    curve_model: str | None = None
    curve_assumptions: str | None = None
    regencies_needed: dict[str, RegenciesNeeded] | None = None

    def write(self) -> dict:
        out = {key: design.write() for key, design in (("adjusted", self.adjusted),
                                                       ("unadjusted", self.unadjusted))
               if design is not None}
        if self.regencies_needed is not None:
            out.update(curve=[dict(row) for row in self.curve], curve_model=self.curve_model,
                       curve_assumptions=self.curve_assumptions,
                       regencies_needed={k: v.write()
                                         for k, v in self.regencies_needed.items()})
        return out

    @classmethod
    def read(cls, meta: dict | None) -> "Power | None":
        """From ``meta.json`` (its ``power`` record); None when it holds none."""
        record = (meta or {}).get("power") or {}
        if not record:
            return None
        needed = record.get("regencies_needed")
        return cls(adjusted=DesignMde.read(record.get("adjusted")),
                   unadjusted=DesignMde.read(record.get("unadjusted")),
                   curve=tuple(record.get("curve") or ()),
                   curve_model=record.get("curve_model"),
                   curve_assumptions=record.get("curve_assumptions"),
                   regencies_needed=None if needed is None else
                   {k: RegenciesNeeded(**{f.name: v.get(f.name)
                                          for f in fields(RegenciesNeeded)})
                    for k, v in needed.items()})


def _section(meta: dict | None, key: str) -> dict:
    """``meta[key]`` as a dict; empty when the file holds none (null or absent)."""
    record = (meta or {}).get(key)
    return record if isinstance(record, dict) else {}


def _plain(cls, record: dict) -> dict:
    return {f.name: record.get(f.name) for f in fields(cls)}


@dataclass(frozen=True)
class Primary:
    """``meta["primary"]``: which exposure estimate is the primary one and how many others
    the suite reports (none of them a finding on its own)."""

    model: str
    interval_model: str
    term: str
    scale: str
    other_exposure_estimates: int
    statement: str

    def write(self) -> dict:
        return asdict(self)

    @classmethod
    def read(cls, meta: dict | None) -> "Primary | None":
        record = _section(meta, "primary")
        return cls(**_plain(cls, record)) if record else None


@dataclass(frozen=True)
class LargestInfluence:
    """The regency whose omission moves the main slope most (pp per 10 points)."""

    bps_code: str
    name: str
    estimate_without_per_10: float
    change_per_10: float
    shift_in_se: float

    def write(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class InfluenceSummary:
    """``meta["influence"]``: leave-one-out summary of the main model (the per-regency rows
    are ``influence.csv``)."""

    model: str
    estimate_per_10: float
    std_error_per_10: float
    threshold_in_se: float
    notable: bool
    largest: LargestInfluence | None
    sentence: str
    cooks_distance_rule: str
    n_above_cooks_rule: int
    method: str

    def write(self) -> dict:
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        # An empty record (no regency to name) is written as {} so the file is unchanged.
        out["largest"] = {} if self.largest is None else self.largest.write()
        return out

    @classmethod
    def read(cls, meta: dict | None) -> "InfluenceSummary | None":
        record = _section(meta, "influence")
        if not record:
            return None
        big = record.get("largest")
        plain = _plain(cls, record)
        plain["largest"] = (LargestInfluence(**_plain(LargestInfluence, big)) if big
                            else None)
        return cls(**plain)


@dataclass(frozen=True)
class CovariateTiming:
    """``meta["covariate_timing"]``: the year each covariate comes from and which of them
    are measured after the exposure."""

    exposure_year: int | None
    years: dict[str, int | None]
    post_exposure: tuple[str, ...] = ()

    def write(self) -> dict:
        return {"exposure_year": self.exposure_year, "years": dict(self.years),
                "post_exposure": list(self.post_exposure)}

    @classmethod
    def read(cls, meta: dict | None) -> "CovariateTiming | None":
        record = _section(meta, "covariate_timing")
        if not record:
            return None
        return cls(exposure_year=record.get("exposure_year"),
                   years=dict(record.get("years") or {}),
                   post_exposure=tuple(record.get("post_exposure") or ()))


@dataclass(frozen=True)
class Spatial:
    """``meta["spatial"]``: Moran's I and the LM tests of the main model's residuals
    (``tests``: test name -> (statistic, p)), and the decision they led to."""

    k_neighbours: int
    moran_i: float
    moran_expected: float
    moran_p_permutation: float
    moran_permutations: int
    moran_p_normal: float
    ols_moran_i: float
    ols_moran_p: float
    tests: dict[str, tuple[float, float]]
    decision: str
    spatial_error_model_fitted: bool
    residuals: str
    notes: tuple[str, ...] = ()

    def write(self) -> dict:
        out = {f.name: getattr(self, f.name) for f in fields(self)
               if f.name not in ("tests", "notes")}
        out.update({f"{name}_stat": v[0] for name, v in self.tests.items()})
        out.update({f"{name}_p": v[1] for name, v in self.tests.items()})
        out["notes"] = list(self.notes)
        return out

    @classmethod
    def read(cls, meta: dict | None) -> "Spatial | None":
        record = _section(meta, "spatial")
        if not record:
            return None
        plain = {f.name: record.get(f.name) for f in fields(cls)
                 if f.name not in ("tests", "notes")}
        tests = {key[:-len("_stat")]: (record[key], record.get(key[:-len("_stat")] + "_p"))
                 for key in record if key.endswith("_stat")}
        return cls(**plain, tests=tests, notes=tuple(record.get("notes") or ()))

    def test(self, name: str) -> tuple[float, float] | None:
        """(statistic, p) of test ``name``: ``"moran"`` (Moran's I, permutation p) or an LM
        test such as ``"lm_error"``; None when it was not computed."""
        if name == "moran":
            return None if self.moran_i is None else (self.moran_i, self.moran_p_permutation)
        found = self.tests.get(name)
        return None if found is None or found[0] is None else found


@dataclass(frozen=True)
class EValueSummary:
    """``meta["evalue"]``: the E-value of the main slope and of its confidence limit."""

    prevalence_ratio: float
    prevalence_ratio_ci_low: float
    prevalence_ratio_ci_high: float
    evalue_point: float
    evalue_ci: float
    contrast: str
    method: str

    def write(self) -> dict:
        return asdict(self)

    @classmethod
    def read(cls, meta: dict | None) -> "EValueSummary | None":
        record = _section(meta, "evalue")
        if record.get("evalue_point") is None:
            return None
        return cls(**_plain(cls, record))


@dataclass(frozen=True)
class AttenuationRow:
    """One assumed reliability of the exposure and the main slope corrected for it (pp per
    10 points); ``status`` "ok" when the correction is identifiable (else no estimate)."""

    reliability: float
    net_reliability: float
    status: str
    estimate: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    mde_pp: float | None = None

    def write(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass(frozen=True)
class ExposureReliability:
    """``meta["measurement_error"]["exposure"]``: the attenuation-corrected slope over a
    range of reliabilities of the exposure."""

    model: str
    rows: tuple[AttenuationRow, ...]
    method: str
    units: str = PER_10_POINTS

    def fitted_rows(self) -> tuple[AttenuationRow, ...]:
        return tuple(row for row in self.rows if row.status == FITTED)

    def write(self) -> dict:
        return {"model": self.model, "rows": [row.write() for row in self.rows],
                "method": self.method, "units": self.units}


@dataclass(frozen=True)
class OutcomePrecision:
    """``meta["measurement_error"]["outcome"]``: the precision-weighted slope (pp per 10
    points) under the stated approximation of each regency's survey sampling error."""

    model: str
    estimate_per_10: float
    std_error_per_10: float
    ci_low_per_10: float
    ci_high_per_10: float
    p_value: float
    tau2: float
    n_eff: float
    sampling_se_min: float
    sampling_se_max: float
    sampling_se_mean: float
    approximation: str
    weights: str
    band_note: str

    def write(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class MeasurementError:
    """``meta["measurement_error"]``: error in the exposure and in the outcome."""

    exposure: ExposureReliability | None = None
    outcome: OutcomePrecision | None = None

    def write(self) -> dict:
        return {key: part.write() for key, part in (("exposure", self.exposure),
                                                    ("outcome", self.outcome))
                if part is not None}

    @classmethod
    def read(cls, meta: dict | None) -> "MeasurementError | None":
        record = _section(meta, "measurement_error")
        exposure, outcome = record.get("exposure"), record.get("outcome")
        if not exposure and not outcome:
            return None
        return cls(
            exposure=None if not exposure else ExposureReliability(
                model=exposure.get("model"), method=exposure.get("method"),
                units=exposure.get("units", PER_10_POINTS),
                rows=tuple(AttenuationRow(**_plain(AttenuationRow, row))
                           for row in exposure.get("rows") or ())),
            outcome=None if not outcome else OutcomePrecision(**_plain(OutcomePrecision,
                                                                       outcome)))


DESIGN_ENVELOPE = ("description", "status", "notes", "table", "rows")


@dataclass(frozen=True)
class Design:
    """One entry of ``meta["designs"]`` (``baseline``, ``change``, ``province``, ...): what
    every design states (``status``: "estimated", "descriptive" or "not applicable"), the
    table a reader sees, the regencies used (``rows``, when the design keeps them) and the
    design's own numbers (``statistics``, by name: e.g. ``estimate_per_10``, ``n_obs``)."""

    description: str
    status: str
    notes: tuple[str, ...] = ()
    table: tuple[dict, ...] = ()
    statistics: dict = field(default_factory=dict)
    rows: tuple[dict, ...] | None = None

    @property
    def estimated(self) -> bool:
        return self.status == "estimated"

    def write(self) -> dict:
        out = {"description": self.description, "status": self.status,
               "notes": list(self.notes), **self.statistics,
               "table": [dict(row) for row in self.table]}
        if self.rows is not None:
            out["rows"] = [dict(row) for row in self.rows]
        return out

    @classmethod
    def from_record(cls, record: dict) -> "Design":
        rows = record.get("rows")
        return cls(description=record.get("description"), status=record.get("status"),
                   notes=tuple(record.get("notes") or ()),
                   table=tuple(record.get("table") or ()),
                   statistics={k: v for k, v in record.items() if k not in DESIGN_ENVELOPE},
                   rows=None if rows is None else tuple(rows))


@dataclass(frozen=True)
class Designs:
    """``meta["designs"]``: the designs beside the lagged cross-section, by name."""

    designs: dict[str, Design]

    def get(self, name: str) -> Design | None:
        return self.designs.get(name)

    def write(self) -> dict:
        return {name: design.write() for name, design in self.designs.items()}

    @classmethod
    def read(cls, meta: dict | None) -> "Designs | None":
        record = _section(meta, "designs")
        if not record:
            return None
        return cls({name: Design.from_record(entry) for name, entry in record.items()
                    if isinstance(entry, dict)})


def exposure_meta(exposure: str, terms) -> dict:
    """``meta["exposure"]``: the exposure column and every term that carries its effect (the
    panel's lagged exposure too); per point or per 10 points is the row's ``scale``."""
    return {"column": exposure, "terms": list(dict.fromkeys(terms)),
            "scales": [PER_POINT, PER_10_POINTS]}


def read_estimates(path: Path) -> pd.DataFrame:
    """``estimates.csv`` with the contract's columns, ``is_exposure`` boolean.

    The exposure and the unit of each row come from the ``is_exposure`` and ``scale`` columns
    only (never from term names); a file without them (written before they existed) is
    refused like any file missing a column: re-run ``kbanalysis fit``. Raises ValueError
    naming the file and the missing columns.
    """
    frame = pd.read_csv(path, dtype={"model": "str", "term": "str", "scale": "str"})
    missing = [c for c in ESTIMATE_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{path}: missing columns {missing}; expected {ESTIMATE_COLUMNS} "
                         f"(re-run `kbanalysis fit`)")
    frame["is_exposure"] = frame["is_exposure"].map(_as_bool).astype(bool)
    return frame[ESTIMATE_COLUMNS]


def _as_bool(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value) and not pd.isna(value)


def exposure_rows(estimates: pd.DataFrame, per_10: bool | None = None) -> pd.DataFrame:
    """The exposure's rows of ``estimates`` (``per_10``: only per 10 points, only per point,
    or both when None), by the ``is_exposure`` and ``scale`` columns."""
    mask = estimates["is_exposure"].astype(bool)
    if per_10 is not None:
        mask &= estimates["scale"].astype(str).eq(PER_10_POINTS) == per_10
    return estimates.loc[mask]


# --------------------------------------------------------------------------------------
# The sensitivity grid (meta.json "sensitivity"): one rule for what counts as fitted


def fitted_variants(grid: pd.DataFrame) -> pd.Series:
    """True for the variants that were fitted: status ``"ok"`` or ``"ok (...)"`` (e.g. "ok (no
    rows removed: same sample as main)"). The one rule every summary of the grid uses."""
    if "status" not in grid:
        return pd.Series(True, index=grid.index)
    return grid["status"].fillna("").astype(str).str.startswith(FITTED)


def not_applicable_variants(grid: pd.DataFrame) -> pd.Series:
    """True for the variants whose data do not exist here (listed once, never fitted)."""
    if "status" not in grid:
        return pd.Series(False, index=grid.index)
    return grid["status"].fillna("").astype(str).str.startswith(NOT_APPLICABLE)


def summary_table(grid: pd.DataFrame, scale: float = 1.0) -> pd.DataFrame:
    """Per group of fitted variants (:func:`fitted_variants`): ``group``, ``fits``, ``lowest``,
    ``highest`` of the exposure's estimate (times ``scale``: 10 for pp per 10 points), in the
    grid's order. Variants not estimable or not applicable are not counted."""
    ok = grid.loc[fitted_variants(grid)]
    out = (ok.assign(estimate=pd.to_numeric(ok["estimate"]) * scale)
           .groupby("group", sort=False)["estimate"].agg(["count", "min", "max"]).reset_index())
    out = out.rename(columns={"count": "fits", "min": "lowest", "max": "highest"})
    out["fits"] = out["fits"].astype(int)
    return out
