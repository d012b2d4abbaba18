"""What a model is asked to estimate, the checks on it, and the arrays the estimators share.

A bad specification stops here with one :class:`SpecificationError` whose message says what is
wrong and what to do, before any estimator runs.

The cross-section joins the outcome of year t with the exposure of year t-k (see
:mod:`kbanalysis.models.timing` for which year every column comes from). The data choose the
inference: with at least ``MIN_CLUSTERS`` provinces among the complete rows, province-clustered
(CR1) errors and the wild cluster bootstrap; with fewer, heteroskedasticity-robust HC3 errors
and a wild bootstrap over regencies, and the reason is recorded.

Pooled real KBPP (an office's own year beside the published Jawa Tengah 2021): without a
requested exposure year, each regency takes its latest real exposure year within
``LAG_WINDOW`` before the outcome year, so no year replaces another. When the complete rows
span more than one province, the main model gets province fixed effects (``province_effects``)
and the inference follows the number of provinces as in :mod:`.pooled` (fewer than 5: HC3
and the wild bootstrap over regencies; 5-11: CR1 by province with Webb weights; 12 or more:
CR1 with Rademacher weights). A regency alone in its province is absorbed by its own effect
(its residual is 0 whatever the slope): it is kept in the data and listed, but not in the
estimation rows, since it carries no information about the slope.
"""
from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from ..messages import msg
from .errors import SpecificationError
from .pooled import FEW_PROVINCES, WEBB_BELOW, province_dummies
from .timing import (
    AUTO_WEIGHTS,
    LAG_WINDOW,
    WEIGHT_PREFERENCE,
    ColumnYear,
    align,
    exposure_year,
    exposure_years_by_regency,
    is_simulated_build,
    outcome_year,
    principal_year,
)

__all__ = ["Spec", "ModelData", "prepare", "prepare_aligned"]

DEFAULT_OUTCOME = "stunting_survey_pct"
DEFAULT_EXPOSURE = "kbpp_coverage_pct"
DEFAULT_COVARIATES = ("poverty_pct", "births_outside_facility_pct", "first_birth_before_20_pct")
DEFAULT_WEIGHTS = AUTO_WEIGHTS  # children_0_4 when the table has it, else population
CLUSTER_COLUMNS = {"province": "province_bps", "regency": "bps_code", "auto": "province_bps"}
MIN_CLUSTERS = 10  # below this, cluster-robust variances are unreliable even with a t(G-1)
MIN_ROWS = 10  # below this no regression is fitted at all
INTERCEPT = "(intercept)"
# What the sensitivity grid refits with (kbanalysis.models.sensitivity): other weights and
# added covariates. Here because data_hash must cover every column the suite reads.
WEIGHT_OPTIONS = (None, "children_0_4", "population", "deliveries")
EXTRA_COVARIATES = ("food_security_index", "sppg_per_100k")
# Columns of the rows used (``ModelData.frame``) besides the model's own.
FRAME_COLUMNS = ("bps_code", "year", "name", "province_bps", "province_name", "latitude",
                 "longitude", "flags", "kbpp_measure_type", "kbpp_source", "exposure_year")
CLUSTER_INFERENCE = "cluster"  # CR1 by cluster + wild cluster bootstrap
HC3_INFERENCE = "hc3"  # HC3 + wild bootstrap over regencies


@dataclass(frozen=True)
class Spec:
    """One model specification.

    ``outcome_year=None`` picks the latest year with the outcome; ``exposure_year=None`` the
    latest year before it with (real) exposure. ``year`` sets whichever of the two is not
    given (``year`` alone: both in one year); once resolved, ``year`` is the outcome year.
    ``cluster="auto"`` lets the data choose (province clusters or HC3, see the module
    docstring); ``weights="auto"`` uses children 0-4, else population.
    """

    outcome: str = DEFAULT_OUTCOME
    exposure: str = DEFAULT_EXPOSURE
    covariates: tuple[str, ...] = DEFAULT_COVARIATES
    weights: str | None = DEFAULT_WEIGHTS
    cluster: str = "auto"  # "auto", "province", "regency" or a column name
    year: int | None = None
    outcome_year: int | None = None
    exposure_year: int | None = None
    # "auto": province fixed effects in the main model when the complete rows span more than
    # one province; "yes" / "no" force them on / off.
    province_effects: str = "auto"

    def __post_init__(self):
        if isinstance(self.covariates, str):  # one column, not its letters
            object.__setattr__(self, "covariates", (self.covariates,) if self.covariates
                               else ())
        object.__setattr__(self, "covariates", tuple(self.covariates))
        if self.province_effects not in ("auto", "yes", "no"):
            raise SpecificationError(msg("model.province_effects",
                                         value=self.province_effects))
        if self.weights in ("", "none", "None"):
            object.__setattr__(self, "weights", None)
        if self.year is not None:
            if self.outcome_year is not None and self.outcome_year != self.year:
                raise SpecificationError(msg("model.years_disagree", year=self.year,
                                             outcome_year=self.outcome_year))
            object.__setattr__(self, "outcome_year", int(self.year))
            if self.exposure_year is None:
                object.__setattr__(self, "exposure_year", int(self.year))

    @property
    def cluster_column(self) -> str:
        return CLUSTER_COLUMNS.get(self.cluster, self.cluster)

    @property
    def lag(self) -> int | None:
        """Years between the exposure and the outcome (None until both are resolved)."""
        if self.outcome_year is None or self.exposure_year is None:
            return None
        return self.outcome_year - self.exposure_year

    def with_(self, **changes) -> "Spec":
        return replace(self, **changes)

    def as_dict(self) -> dict:
        return {"outcome": self.outcome, "exposure": self.exposure,
                "covariates": list(self.covariates), "weights": self.weights,
                "cluster": self.cluster, "cluster_column": self.cluster_column,
                "year": self.outcome_year, "outcome_year": self.outcome_year,
                "exposure_year": self.exposure_year, "lag_years": self.lag}


@dataclass
class ModelData:
    """The rows and arrays one specification uses (complete cases of the cross-section)."""

    spec: Spec
    frame: pd.DataFrame  # the rows used, in bps_code order
    y: np.ndarray
    X: np.ndarray  # intercept first, then exposure, then covariates
    names: list[str]
    weights: np.ndarray | None  # rescaled to mean 1 (estimates do not depend on the scale)
    clusters: np.ndarray  # integer codes 0..G-1 (one per regency under HC3)
    cluster_labels: np.ndarray
    rows_in_year: int
    missing_by_column: dict[str, int] = field(default_factory=dict)
    simulated_inputs: list[str] = field(default_factory=list)
    inference: str = CLUSTER_INFERENCE  # CLUSTER_INFERENCE or HC3_INFERENCE
    inference_reason: str = ""
    column_years: dict[str, ColumnYear] = field(default_factory=dict)
    aligned: pd.DataFrame | None = None  # every regency of the cross-section, before dropping
    notes: list[str] = field(default_factory=list)  # how years and weights were chosen
    # Province fixed effects of the main model: their columns in X (after the covariates).
    effect_names: list[str] = field(default_factory=list)
    # Complete rows alone in their province: absorbed by its effect, not estimation rows.
    absorbed: pd.DataFrame | None = None
    bootstrap_weights: str | None = None  # what the pooled inference asks for (Webb, 5-11)

    @property
    def n_obs(self) -> int:
        return len(self.y)

    @property
    def n_clusters(self) -> int:
        return len(self.cluster_labels)

    @property
    def n_provinces(self) -> int:
        return int(self.frame["province_bps"].nunique()) if "province_bps" in self.frame else 0

    @property
    def exposure_index(self) -> int:
        return self.names.index(self.spec.exposure)

    @property
    def effect_columns(self) -> list[int]:
        return [self.names.index(n) for n in self.effect_names]

    @property
    def pooled(self) -> bool:
        """True when regencies of several exposure years or provinces enter the model."""
        return bool(self.effect_names) or self.absorbed is not None or (
            "exposure_year" in self.frame.columns)

    def scope(self) -> list[dict]:
        """Per province in the data: its name, exposure year(s), regencies (all complete
        rows, absorbed ones included) and how many inform the slope."""
        frames = [self.frame.assign(_informative=True)]
        if self.absorbed is not None and len(self.absorbed):
            frames.append(self.absorbed.assign(_informative=False))
        rows = pd.concat(frames, ignore_index=True)
        if "province_bps" not in rows.columns:
            return []
        if "exposure_year" not in rows.columns:
            rows = rows.assign(exposure_year=self.spec.exposure_year)
        out = []
        for code, part in rows.groupby(rows["province_bps"].astype(str), sort=True):
            name = (str(part["province_name"].iloc[0]) if "province_name" in part.columns
                    else code)
            out.append({"province_bps": code, "province_name": name,
                        "exposure_years": sorted(int(y) for y in
                                                 part["exposure_year"].dropna().unique()),
                        "regencies": int(len(part)),
                        "informative": int(part["_informative"].sum())})
        return out

    @property
    def hc3(self) -> bool:
        return self.inference == HC3_INFERENCE

    def design(self) -> dict:
        """Years, lag, weights and inference of this cross-section (for meta.json)."""
        spec = self.spec
        used = [spec.outcome, spec.exposure, *spec.covariates, *([spec.weights]
                                                                 if spec.weights else [])]
        return {"outcome_year": spec.outcome_year, "exposure_year": spec.exposure_year,
                "lag_years": spec.lag,
                "column_years": {c: {"year": self.column_years[c].year,
                                     "rule": self.column_years[c].rule}
                                 for c in used if c in self.column_years},
                "weights": spec.weights, "weighted": spec.weights is not None,
                "inference": self.inference, "inference_reason": self.inference_reason,
                "n_obs": self.n_obs, "n_provinces": self.n_provinces,
                "notes": list(self.notes), **(self.pooled_design() if self.pooled else {})}

    def pooled_design(self) -> dict:
        """What pooling adds to ``design()``: who enters from where and when, the lag rule
        and the province effects (absent for a one-province, one-year model, whose record is
        unchanged)."""
        scope = self.scope()
        rows = pd.concat([self.frame, *([self.absorbed] if self.absorbed is not None else [])],
                         ignore_index=True)
        years = (rows["exposure_year"] if "exposure_year" in rows.columns
                 else pd.Series([self.spec.exposure_year] * len(rows)))
        return {"pooled": {
            "scope": scope, "lag_window_years": list(LAG_WINDOW),
            "regencies_in_data": sum(p["regencies"] for p in scope),
            "provinces_in_data": len(scope),
            "exposure_years": {str(int(y)): int(k) for y, k in
                               years.dropna().astype("int64").value_counts().sort_index()
                               .items()},
            "province_effects": list(self.effect_names),
            "absorbed": ([] if self.absorbed is None else
                         self.absorbed["bps_code"].astype(str).tolist())}}


def _closest(name: str, columns):
    near = difflib.get_close_matches(name, [str(c) for c in columns], n=1)
    return msg("param.did_you_mean", name=near[0]) if near else ""


def model_columns(spec: Spec) -> list[str]:
    """Every column a specification reads, in a stable order."""
    columns = [spec.outcome, spec.exposure, *spec.covariates]
    if spec.weights and spec.weights != AUTO_WEIGHTS:
        columns.append(spec.weights)
    return list(dict.fromkeys(columns))


def data_hash(table: pd.DataFrame, spec: Spec) -> str:
    """sha256 of the table columns the suite reads, in a canonical CSV form."""
    columns = ["bps_code", "year", "province_bps", "latitude", "longitude", "flags",
               *model_columns(spec), *filter(None, WEIGHT_OPTIONS), "kbpp_measure_type",
               *EXTRA_COVARIATES]
    present = [c for c in dict.fromkeys(columns) if c in table.columns]
    frame = table[present].sort_values([c for c in ("bps_code", "year") if c in present],
                                       kind="mergesort")
    text = frame.to_csv(index=False, lineterminator="\n", float_format="%.17g")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_columns(table: pd.DataFrame, spec: Spec, extra=()) -> None:
    needed = [*model_columns(spec), spec.cluster_column, "bps_code", "year", *extra]
    missing = [c for c in dict.fromkeys(needed) if c not in table.columns]
    if missing:
        detail = [msg("model.missing_column", column=c, hint=_closest(c, table.columns))
                  for c in missing]
        raise SpecificationError(msg("model.missing_columns", detail=detail))
    roles = [spec.outcome, spec.exposure, *spec.covariates]
    repeated = sorted({c for c in roles if roles.count(c) > 1})
    if repeated:
        raise SpecificationError(msg("model.repeated_columns", columns=str(repeated)))


def simulated_inputs(frame: pd.DataFrame, spec: Spec) -> list[str]:
    """The columns of ``spec`` whose values in ``frame`` (the rows used) are simulated: all
    of them in a table that declares itself simulated (``attrs["simulated"]``, set by
    :func:`kbanalysis.simulate.synthetic.synthetic_table`), else the KBPP layer of a
    simulated build (which a simulated ``kbpp_measure_type`` marks even when attrs are lost)."""
    if frame.attrs.get("simulated"):
        return model_columns(spec)
    if "kbpp_measure_type" in frame.columns and is_simulated_build(frame):
        used = model_columns(spec)
        return [c for c in used if c.startswith("kbpp_") or c == "deliveries"]
    return []


def resolve_weights(table: pd.DataFrame, spec: Spec) -> tuple[Spec, list[str]]:
    """Replace ``weights="auto"`` by children 0-4 (stunting is a share of children), else
    population, else none; say which."""
    if spec.weights != AUTO_WEIGHTS:
        return spec, []
    for column in WEIGHT_PREFERENCE:
        if column in table.columns and pd.to_numeric(table[column], errors="coerce").notna().any():
            skipped = [c for c in WEIGHT_PREFERENCE[:WEIGHT_PREFERENCE.index(column)]]
            note = ([f"weights: {', '.join(skipped)} not in the table, so {column} instead"]
                    if skipped else [])
            return spec.with_(weights=column), note
    return spec.with_(weights=None), [f"unweighted: none of {list(WEIGHT_PREFERENCE)} in the "
                                      f"table"]


def weight_note(weights: str | None, year: int | None = None, why_not: str = "") -> str:
    """How a model's weighting is described in its notes: the column and its year, or
    ``unweighted`` and why (``why_not``)."""
    if weights:
        why = ": the outcome is a share of children" if weights == "children_0_4" else ""
        return (f"weighted by {weights}" + (f" ({year})" if year else "")
                + ", rescaled to mean 1" + why)
    return "unweighted" + (f" ({why_not})" if why_not else "")


def resolve_years(table: pd.DataFrame, spec: Spec) -> tuple[Spec, str, pd.Series | None]:
    """Fill the outcome and exposure years; returns the spec, how the exposure year was
    chosen and, when the regencies' own latest exposure years within ``LAG_WINDOW`` differ,
    those years (bps_code -> year; ``spec.exposure_year`` is then the year most share)."""
    year_t = outcome_year(table, spec.outcome, spec.outcome_year)
    if spec.exposure_year is None:
        by_regency = exposure_years_by_regency(table, spec.outcome, spec.exposure, year_t)
        if by_regency.nunique() > 1:
            year_e = principal_year(by_regency)
            how = (f"pooled: each regency's latest real {spec.exposure} "
                   f"{LAG_WINDOW[0]}-{LAG_WINDOW[1]} years before the outcome year")
            return (spec.with_(year=year_t, outcome_year=year_t, exposure_year=year_e), how,
                    by_regency)
    year_e, how = exposure_year(table, spec.outcome, spec.exposure, year_t, spec.exposure_year)
    return spec.with_(year=year_t, outcome_year=year_t, exposure_year=year_e), how, None


def _numeric(frame: pd.DataFrame, column: str) -> pd.Series:
    values = frame[column]
    if pd.api.types.is_bool_dtype(values) or not pd.api.types.is_numeric_dtype(values):
        converted = pd.to_numeric(values, errors="coerce")
        bad = converted.isna() & values.notna()
        if bad.any():
            row = frame.loc[bad].iloc[0]
            raise SpecificationError(msg("model.not_numeric", column=column,
                                         code=str(row.get("bps_code", "?")),
                                         value=repr(values[bad].iloc[0])))
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
    """Check ``spec`` against ``table``, build the cross-section (outcome of its year, the
    exposure of the exposure year, see :mod:`.timing`) and return its complete-case arrays."""
    spec, notes = resolve_weights(table, spec)
    check_columns(table, spec)
    spec, how, by_regency = resolve_years(table, spec)
    aligned, years = align(table, outcome=spec.outcome, exposure=spec.exposure,
                           year_of_outcome=spec.outcome_year,
                           year_of_exposure=spec.exposure_year, weights=spec.weights,
                           exposure_by_regency=by_regency)
    if by_regency is None:
        when = f"from {spec.exposure_year} (lag {spec.lag} year(s): {how})"
    else:
        counts = by_regency.value_counts().sort_index()
        when = ("from " + ", ".join(f"{y} for {k} regenc{'y' if k == 1 else 'ies'} (lag "
                                    f"{spec.outcome_year - y})" for y, k in counts.items())
                + f" ({how}; the column exposure_year gives each regency's year)")
    notes = [f"outcome {spec.outcome} from {spec.outcome_year}; exposure {spec.exposure} "
             f"{when}", *notes]
    for column in [*spec.covariates, *([spec.weights] if spec.weights else [])]:
        chosen = years[column]
        if chosen.year is None:
            raise SpecificationError(msg("model.column_no_year", column=column,
                                         year=spec.outcome_year, rule=chosen.rule))
        if chosen.year != spec.outcome_year:
            notes.append(f"{column} from {chosen.year} ({chosen.rule})")
    if table.attrs.get("simulated"):
        aligned.attrs["simulated"] = True
    data = prepare_aligned(aligned, spec, min_clusters=min_clusters,
                           require_outcome_pct=require_outcome_pct)
    data.column_years, data.aligned = years, aligned
    data.notes = notes + data.notes
    return data


def choose_inference(spec: Spec, provinces: int, min_clusters: int,
                     effects: bool = False) -> tuple[str, str]:
    """(inference, reason) for a cross-section whose complete rows span ``provinces``;
    ``effects``: the main model has province fixed effects (the rule of :mod:`.pooled`)."""
    if effects and spec.cluster in ("auto", "province", "regency"):
        if spec.cluster == "regency" or provinces < FEW_PROVINCES:
            return HC3_INFERENCE, (
                f"{provinces} provinces with province fixed effects"
                + (": cluster='regency' asked for" if spec.cluster == "regency" else
                   f", fewer than {FEW_PROVINCES}: too few for cluster-robust inference")
                + "; heteroskedasticity-robust HC3 errors and a wild bootstrap over "
                  "regencies (the fixed effects absorb province-wide shocks; correlation "
                  "within a province beyond them is assumed away)")
        weights = "Webb six-point" if provinces < WEBB_BELOW else "Rademacher"
        return CLUSTER_INFERENCE, (f"{provinces} provinces with province fixed effects: CR1 "
                                   f"errors clustered by province (effects not counted in K) "
                                   f"and the wild cluster bootstrap with {weights} weights")
    if spec.cluster == "regency":
        return HC3_INFERENCE, ("cluster='regency' asked for: heteroskedasticity-robust HC3 "
                               "errors and a wild bootstrap over regencies")
    if spec.cluster == "auto" and provinces < min_clusters:
        return HC3_INFERENCE, (f"{provinces} province(s) among the complete rows, fewer than "
                               f"the {min_clusters} clusters cluster-robust errors need: "
                               f"heteroskedasticity-robust HC3 errors and a wild bootstrap "
                               f"over regencies instead (province-wide shocks are not "
                               f"accounted for)")
    return CLUSTER_INFERENCE, (f"{provinces} provinces: CR1 errors clustered by "
                               f"{spec.cluster_column} and the wild cluster bootstrap")


def prepare_aligned(rows: pd.DataFrame, spec: Spec, *, min_clusters: int = MIN_CLUSTERS,
                    require_outcome_pct: bool = True) -> ModelData:
    """The checks and arrays of ``spec`` on a cross-section that is already one row per
    regency (its years resolved), e.g. the sensitivity grid's subsets."""
    check_columns(rows, spec)
    simulated = simulated_inputs(rows, spec)
    columns = model_columns(spec)
    # Only the columns the estimators read travel on (copying the rest costs time in every
    # sensitivity variant); attrs are deep-copied by every pandas operation, so drop them.
    keep_columns = [c for c in (*FRAME_COLUMNS, spec.cluster_column, *columns)
                    if c in rows.columns]
    rows = rows[list(dict.fromkeys(keep_columns))]
    rows.attrs = {}
    values = {c: _numeric(rows, c) for c in columns}
    missing_by_column = {c: int(v.isna().sum()) for c, v in values.items()}
    cluster_values = rows[spec.cluster_column].astype("string")
    missing_by_column[spec.cluster_column] = int(cluster_values.isna().sum())
    keep = cluster_values.notna().to_numpy().copy()
    for v in values.values():
        keep &= v.notna().to_numpy()
    counts = ", ".join(f"{c}: {k}" for c, k in missing_by_column.items() if k)
    where = (msg("model.where_years", outcome_year=spec.outcome_year,
                 exposure_year=spec.exposure_year)
             if spec.exposure_year != spec.outcome_year else
             msg("model.where_year", year=spec.outcome_year))
    if not keep.any():
        raise SpecificationError(msg("model.no_complete_rows", where=where, n=len(rows),
                                     counts=counts))
    if keep.sum() < MIN_ROWS:
        raise SpecificationError(msg("model.too_few_rows", n=int(keep.sum()), where=where,
                                     need=MIN_ROWS,
                                     missing=msg("model.rows_missing", counts=counts)
                                     if counts else ""))
    used = rows.loc[keep].sort_values(["bps_code"], kind="mergesort")
    effects, absorbed = False, None
    if "province_bps" in used.columns and spec.province_effects != "no":
        province = used["province_bps"].astype(str)
        effects = spec.province_effects == "yes" or province.nunique() > 1
        alone = province.map(province.value_counts()).eq(1).to_numpy()
        if effects and alone.any() and province.nunique() > 1:
            # Its own intercept fits it exactly: no information about the slope.
            absorbed, used = used.loc[alone], used.loc[~alone]
            if len(used) < MIN_ROWS:
                raise SpecificationError(msg("model.too_few_rows_fe", n=len(used),
                                             where=where, need=MIN_ROWS,
                                             absorbed=len(absorbed)))
        effects = effects and used["province_bps"].astype(str).nunique() > 1
    order = rows.index.get_indexer(used.index)
    data = {c: v.to_numpy()[order] for c, v in values.items()}

    y = data[spec.outcome]
    if require_outcome_pct and ((y < 0) | (y > 100)).any():
        bad = np.flatnonzero((y < 0) | (y > 100))
        raise SpecificationError(msg("model.outcome_range", outcome=spec.outcome, n=len(bad),
                                     code=str(used["bps_code"].iloc[bad[0]]),
                                     value=f"{y[bad[0]]:g}"))
    for c in [spec.outcome, spec.exposure, *spec.covariates]:
        if np.ptp(data[c]) == 0:
            raise SpecificationError(msg("model.constant", column=c, value=f"{data[c][0]:g}",
                                         n=len(y), where=where))
    weights = None
    if spec.weights:
        weights = data[spec.weights]
        if (weights <= 0).any():
            bad = np.flatnonzero(weights <= 0)[0]
            raise SpecificationError(msg("model.weights_positive", weights=spec.weights,
                                         code=str(used["bps_code"].iloc[bad]),
                                         value=f"{weights[bad]:g}"))
        weights = weights / weights.mean()

    names = [INTERCEPT, spec.exposure, *spec.covariates]
    X = np.column_stack([np.ones(len(y)), data[spec.exposure],
                         *[data[c] for c in spec.covariates]])
    effect_names: list[str] = []
    if effects:
        dummies, effect_names = province_dummies(used["province_bps"])
        X, names = np.column_stack([X, dummies]), [*names, *effect_names]
    culprit = collinear_column(X, names)
    if culprit is not None:
        others = [n for n in names[: names.index(culprit)]]
        raise SpecificationError(msg("model.collinear", column=culprit, others=str(others),
                                     n=len(y)))
    provinces = (int(used["province_bps"].nunique()) if "province_bps" in used.columns
                 else len(pd.unique(used[spec.cluster_column])))
    inference, reason = choose_inference(spec, provinces, min_clusters, effects)
    if effects:
        min_clusters = FEW_PROVINCES
    if inference == HC3_INFERENCE:
        labels, clusters = used["bps_code"].astype(str).to_numpy(), np.arange(len(used))
    else:
        labels, clusters = np.unique(used[spec.cluster_column].astype(str).to_numpy(),
                                     return_inverse=True)
        if len(labels) < min_clusters:
            raise SpecificationError(msg("model.too_few_clusters", n=len(labels),
                                         column=spec.cluster_column, need=min_clusters))
    notes = []
    if effects:
        reference = used["province_bps"].astype(str).min()
        notes.append(f"province fixed effects for {provinces} provinces (reference "
                     f"{reference}): the slope is estimated within provinces, which differ in "
                     f"survey round, KBPP year and reporting; with two provinces this equals "
                     f"one province indicator")
    if absorbed is not None:
        listed = ", ".join(f"{r.get('name', r['bps_code'])} ({r['bps_code']})"
                           for _, r in absorbed.iterrows())
        notes.append(f"{len(absorbed)} regency(ies) alone in their province: {listed}; in the "
                     f"data but absorbed by their province's own fixed effect, so not "
                     f"informative for the slope (not among the {len(used)} estimation rows)")
    return ModelData(spec=spec, frame=used.reset_index(drop=True), y=y, X=X, names=names,
                     weights=weights, clusters=clusters.astype(np.int64),
                     cluster_labels=labels, rows_in_year=len(rows),
                     missing_by_column=missing_by_column,
                     simulated_inputs=simulated, inference=inference,
                     inference_reason=reason, effect_names=effect_names,
                     absorbed=None if absorbed is None else absorbed.reset_index(drop=True),
                     bootstrap_weights=("webb" if effects and inference == CLUSTER_INFERENCE
                                        and provinces < WEBB_BELOW else None),
                     notes=notes)
