"""The estimator suite: every model on the same analysis table, side by side.

``fit_suite`` checks the specification once, fits each model, and returns a
:class:`SuiteResults` holding the tidy comparison table (one row per model x term), the
sensitivity grid, diagnostics, the literature range and the E-value, with every fitted model
still reachable in ``results.models`` for diagnostics.

Models (``model`` column):

=========================== ==============================================================
``ols`` / ``wls``           least squares, CR1 cluster-robust SE, t(G-1) (HC3, t(N-K) when
                            the data span fewer than 10 provinces)
``*_unadjusted``            the main model with the exposure alone (no covariates)
``*_wild_bootstrap``        the exposure's restricted wild cluster bootstrap CI and p-value
                            (over regencies under HC3)
``fractional_logit``        average marginal effects (pp per unit) of the binomial GLM
``fractional_logit_coef``   its raw coefficients (log-odds)
``beta_regression``         average marginal effects of the beta regression
``beta_regression_coef``    its raw coefficients (log-odds; log precision)
``province_fe``             least squares with province fixed effects
``random_intercept``        province random intercepts (MixedLM, REML; SE of the fixed-effect
                            block, as lme4)
``spatial_error``           GMM spatial error model, when the LM tests call for it
``panel_twfe``              regency + year fixed effects, exposure lagged (several years)
``change_wls`` (``_ols``)   change in the outcome between two survey years on the exposure
                            (:mod:`.designs`; with its wild bootstrap row)
``baseline_wls`` (``_ols``) the outcome on the exposure and the regency's earlier survey
                            value (:func:`.designs.baseline_design`; with its bootstrap row)
``precision_weighted``      the main specification weighted by each regency's approximate
                            survey precision (:mod:`.measurement`)
``province_fe_wild_bootstrap`` province fixed effects, the bootstrap the number of provinces
                            allows (:mod:`.pooled`)
=========================== ==============================================================

Beside the table: each regency's influence on the main model (:mod:`.influence`,
``influence.csv``), the slope corrected for exposure reliability (:mod:`.measurement`), the
minimum detectable effect against the number of regencies (:func:`.power.power_curve`), the
covariates measured after the exposure (``covariate_timing``) and which estimate is primary
(:meth:`SuiteResults.primary`).

Each exposure row (``is_exposure``) is followed by the same effect restated as percentage
points of stunting per 10-point rise in KBPP coverage: the same term, ``scale`` says which.

The data choose the inference (:func:`.spec.choose_inference`): at least 10 provinces give CR1
and the wild cluster bootstrap as the headline; fewer give HC3 and the wild bootstrap over
regencies. A model the data cannot support is not fitted; ``skipped`` says why (province
effects with one province, random intercepts with fewer than 5, spatial checks with fewer
than ``MIN_SPATIAL_ROWS`` regencies or fewer than ``SPATIAL_ROWS_PER_NEIGHBOUR`` rows per
neighbour, the panel with one exposure year or fewer than 10 rows). The headline reports the
unadjusted and the adjusted slope with the minimum detectable effect (:mod:`.power`).
"""
from __future__ import annotations

import hashlib
import re
import time
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from .. import config
from ..expected import ExpectedEffect, expected_effect
from ..messages import msg
from ..results_contract import (
    ESTIMATE_COLUMNS,
    PER_10,
    PER_10_POINTS,
    PER_POINT,
    SENSITIVITY_MODEL_PREFIX,
    AttenuationRow,
    CovariateTiming,
    DesignMde,
    Effect,
    ExposureReliability,
    Headline,
    MeasurementError,
    OutcomePrecision,
    Power,
    Primary,
    RegenciesNeeded,
    exposure_meta,
    fitted_variants,
)
from .bootstrap import WEIGHT_TYPES, WildBootstrapResult, wild_cluster_bootstrap
from .designs import (
    DesignResult,
    baseline_design,
    change_design,
    other_exposures,
    province_design,
)
from .errors import SpecificationError
from .evalue import EValue, evalue_prevalence_difference
from .glm import fit_beta_regression, fit_fractional_logit
from .influence import Influence, influence
from .linear import LinearFit, cr1_label, fit_linear, hc3_label
from .measurement import attenuation_table, precision_weighted
from .panel import fit_panel
from .pooled import pooled_fit
from .power import DesignPower, design_power, power_curve
from .sensitivity import sensitivity_grid
from .spatial import fit_spatial_error, neighbour_weights, spatial_diagnostics
from .spec import (
    DEFAULT_COVARIATES,
    DEFAULT_EXPOSURE,
    DEFAULT_OUTCOME,
    DEFAULT_WEIGHTS,
    INTERCEPT,
    MIN_ROWS,
    ModelData,
    Spec,
    data_hash,
    prepare,
    weight_note,
)
from .threads import single_threaded
from .timing import usable_exposure

COMPARISON_COLUMNS = [*ESTIMATE_COLUMNS, "inference", "expected_low", "expected_high",
                      "simulated"]
# Spatial checks need enough regencies for Moran's I and the LM tests to have a reference
# distribution, and enough rows per neighbour that k neighbours stay a local neighbourhood.
MIN_SPATIAL_ROWS = 30
MIN_DRAWS = 999  # the wild bootstrap's floor (kbanalysis.models.bootstrap)
SPATIAL_ROWS_PER_NEIGHBOUR = 5

MODEL_DESCRIPTIONS = {
    "ols": "ordinary least squares",
    "wls": "weighted least squares",
    "ols_wild_bootstrap": "OLS exposure: restricted wild cluster bootstrap (WCR-t), CI by "
                          "test inversion, p-value of H0: 0",
    "wls_wild_bootstrap": "WLS exposure: restricted wild cluster bootstrap (WCR-t), CI by "
                          "test inversion, p-value of H0: 0",
    "ols_unadjusted": "ordinary least squares of the outcome on the exposure alone",
    "wls_unadjusted": "weighted least squares of the outcome on the exposure alone",
    "ols_unadjusted_wild_bootstrap": "unadjusted OLS exposure: restricted wild (cluster) "
                                     "bootstrap, CI by test inversion",
    "wls_unadjusted_wild_bootstrap": "unadjusted WLS exposure: restricted wild (cluster) "
                                     "bootstrap, CI by test inversion",
    "fractional_logit": "fractional logit (binomial quasi-likelihood, logit link): average "
                        "marginal effects in pp per unit",
    "fractional_logit_coef": "fractional logit coefficients (log-odds)",
    "beta_regression": "beta regression (logit mean, log precision): average marginal "
                       "effects in pp per unit",
    "beta_regression_coef": "beta regression coefficients (log-odds; log precision)",
    "province_fe": "least squares with province fixed effects",
    "province_fe_wild_bootstrap": "province fixed effects, exposure: wild bootstrap as the "
                                  "number of provinces allows (over regencies below 5, "
                                  "by province with Webb weights below 12, Rademacher above)",
    "random_intercept": "linear mixed model with province random intercepts (REML)",
    "spatial_error": "spatial error model (GMM, heteroskedasticity-robust; kNN weights)",
    "panel_twfe": "two-way fixed effects (regency and year), exposure lagged",
    "panel_twfe_wild_bootstrap": "panel exposure: restricted wild cluster bootstrap",
    "change_wls": "change design: weighted least squares of the change in the outcome between "
                  "two survey years on the exposure",
    "change_ols": "change design: least squares of the change in the outcome between two "
                  "survey years on the exposure",
    "change_wls_wild_bootstrap": "change design exposure: restricted wild (cluster) "
                                 "bootstrap, CI by test inversion",
    "change_ols_wild_bootstrap": "change design exposure: restricted wild (cluster) "
                                 "bootstrap, CI by test inversion",
    "baseline_wls": "baseline-adjusted design: weighted least squares of the outcome on the "
                    "exposure and the regency's earlier survey value",
    "baseline_ols": "baseline-adjusted design: least squares of the outcome on the exposure "
                    "and the regency's earlier survey value",
    "baseline_wls_wild_bootstrap": "baseline-adjusted exposure: restricted wild (cluster) "
                                   "bootstrap, CI by test inversion",
    "baseline_ols_wild_bootstrap": "baseline-adjusted exposure: restricted wild (cluster) "
                                   "bootstrap, CI by test inversion",
    "precision_weighted": "the main specification weighted by the precision of each "
                          "regency's survey prevalence, 1 / (tau^2 + SE_i^2)",
}


def main_model(spec: Spec) -> str:
    """The main model's name: WLS when the specification is weighted, else OLS."""
    return "wls" if spec.weights else "ols"


def derive_seed(seed: int, label: str) -> int:
    """A reproducible, independent seed for one component (adding one leaves others alone)."""
    digest = hashlib.sha256(f"{seed}:{label}".encode()).digest()
    return int.from_bytes(digest[:4], "little")


@dataclass
class SuiteResults:
    """Everything ``fit_suite`` produced. ``comparison`` is the tidy table."""

    spec: Spec
    data: ModelData
    comparison: pd.DataFrame
    models: dict  # name -> fitted object (LinearFit, BoundedFit, statsmodels result, ...)
    model_info: dict  # name -> {"description", "inference", "notes"}
    sensitivity: pd.DataFrame | None
    spatial: object | None  # SpatialDiagnostics
    expected: ExpectedEffect
    evalue: EValue | None
    skipped: dict  # name -> reason
    notes: list[str]
    seed: int
    bootstrap: dict  # draws, weights
    simulated_inputs: list[str]
    data_sha256: str = ""
    timings: dict = field(default_factory=dict)  # seconds per step; never written to files
    power: dict = field(default_factory=dict)  # "adjusted" / "unadjusted" -> DesignPower
    # Designs beside the lagged cross-section (name -> object with .table and .as_dict()):
    # "change", "other_exposures", "province" (see kbanalysis.models.designs).
    designs: dict = field(default_factory=dict)
    influence: Influence | None = None  # the main model's leave-one-out and Cook's distance
    measurement: MeasurementError | None = None  # exposure reliability, outcome precision
    power_curve: dict = field(default_factory=dict)  # MDE against regencies, regencies needed
    covariate_timing: CovariateTiming | None = None  # covariate -> year, post-exposure?

    @property
    def simulated(self) -> bool:
        return bool(self.simulated_inputs)

    @property
    def main_model(self) -> str:
        return main_model(self.spec)

    @property
    def unadjusted_model(self) -> str:
        return f"{self.main_model}_unadjusted"

    def design(self) -> dict:
        """Years, lag, weights and the inference the data chose (for meta.json)."""
        return self.data.design()

    def headline(self) -> Headline:
        """The unadjusted and adjusted slopes per 10 points with the headline interval (the
        wild bootstrap: over provinces, or over regencies under HC3), the analytic one, the
        minimum detectable effect and the literature range (``.write()`` is the
        ``meta.json`` record)."""
        exposure = self.spec.exposure
        rows = self.comparison.set_index(["model", "term", "scale"])
        effects = {}
        for key, model in (("unadjusted", self.unadjusted_model), ("adjusted", self.main_model)):
            if (model, exposure, PER_10_POINTS) not in rows.index:
                continue
            point = rows.loc[(model, exposure, PER_10_POINTS)]
            boot_key = (f"{model}_wild_bootstrap", exposure, PER_10_POINTS)
            boot = rows.loc[boot_key] if boot_key in rows.index else None
            effects[key] = Effect(
                model=model, estimate=float(point["estimate"]),
                std_error=float(point["std_error"]), analytic_ci_low=float(point["ci_low"]),
                analytic_ci_high=float(point["ci_high"]),
                analytic_p_value=float(point["p_value"]),
                analytic_inference=str(point["inference"]), n_obs=int(point["n_obs"]),
                ci_low=None if boot is None else float(boot["ci_low"]),
                ci_high=None if boot is None else float(boot["ci_high"]),
                p_value=None if boot is None else float(boot["p_value"]),
                interval_model=None if boot is None else boot_key[0],
                mde_pp=self.power[key].mde if key in self.power else None)
        return Headline(
            inference=self.data.inference, reason=self.data.inference_reason,
            interval=("restricted wild bootstrap over regencies (test inversion); HC3 "
                      "alongside" if self.data.hc3 else
                      "restricted wild cluster bootstrap by province (test inversion); "
                      "CR1 alongside"),
            expected_low=self.expected.lower_pp, expected_high=self.expected.upper_pp,
            simulated=self.simulated, scale=PER_10_POINTS, **effects)

    def power_record(self) -> Power:
        """``meta["power"]``, typed (:class:`~kbanalysis.results_contract.Power`)."""
        designs = {key: DesignMde(**value.as_dict()) for key, value in self.power.items()}
        curve = self.power_curve
        return Power(adjusted=designs.get("adjusted"), unadjusted=designs.get("unadjusted"),
                     curve=tuple(curve.get("curve") or ()), curve_model=curve.get("model"),
                     curve_assumptions=curve.get("assumptions"),
                     regencies_needed=None if not curve else
                     {k: RegenciesNeeded(**v) for k, v in curve["regencies_needed"].items()})

    def power_dict(self) -> dict:
        return self.power_record().write()

    def primary(self) -> Primary:
        """Which estimate is the primary one, and what the many others are."""
        rows = self.comparison
        per_10 = rows.loc[rows["scale"].eq(PER_10_POINTS)]
        grid = (0 if self.sensitivity is None
                else int(fitted_variants(self.sensitivity).sum()))
        main = self.main_model
        others = len(per_10) - int(per_10["model"].isin([main, f"{main}_wild_bootstrap"]).sum())
        return Primary(model=main, interval_model=f"{main}_wild_bootstrap",
                       term=self.spec.exposure, scale=PER_10_POINTS,
                       other_exposure_estimates=others + grid,
                       statement=(f"The primary estimate is the {main.upper()} slope of "
                                  f"{self.spec.exposure} per 10 points with its wild bootstrap "
                                  f"interval (the main specification). The other "
                                  f"{others + grid} exposure estimates (other estimators, "
                                  f"designs and the sensitivity grid) show how far it moves "
                                  f"with each choice; none of them is a finding on its own: "
                                  f"among that many, one with p < 0.05 would not be surprising "
                                  f"by chance alone."))

    def exposure_rows(self) -> pd.DataFrame:
        """The exposure's rows (pp per unit; the panel's lagged exposure included)."""
        c = self.comparison
        return c.loc[c["is_exposure"] & c["scale"].eq(PER_POINT)]

    def exposure_meta(self) -> dict:
        """``meta["exposure"]``: the exposure column and the terms that carry its effect."""
        c = self.comparison
        return exposure_meta(self.spec.exposure, c.loc[c["is_exposure"], "term"])

    def effect(self, model: str | None = None) -> pd.Series:
        """The exposure row of one model (default: the main one)."""
        rows = self.exposure_rows()
        return rows.loc[rows["model"] == (model or self.main_model)].iloc[0]

    def estimates(self) -> pd.DataFrame:
        """The rows of ``estimates.csv``: the comparison table's fixed columns, then the
        sensitivity grid as models ``sensitivity:<variant>`` (the exposure per point, then
        all variants again per 10 points)."""
        frames = [self.comparison[ESTIMATE_COLUMNS]]
        if self.sensitivity is not None:
            ok = self.sensitivity.loc[fitted_variants(self.sensitivity)]
            for term, factor, scale in ((self.spec.exposure, 1.0, PER_POINT),
                                        (self.spec.exposure, PER_10, PER_10_POINTS)):
                grid = pd.DataFrame({"model": SENSITIVITY_MODEL_PREFIX + ok["variant"],
                                     "term": term,
                                     **{c: ok[c] * factor for c in
                                        ("estimate", "std_error", "ci_low", "ci_high")},
                                     **{c: ok[c] for c in ("p_value", "n_obs", "n_clusters")},
                                     "scale": scale, "is_exposure": True})
                frames.append(grid)
        out = pd.concat(frames, ignore_index=True)
        out["n_obs"] = out["n_obs"].astype("Int64")
        out["n_clusters"] = out["n_clusters"].astype("Int64")
        return out

    def predictions(self) -> pd.DataFrame:
        """Observed and expected outcome per regency under the main model (OLS/WLS).

        ``expected`` is the fitted value: what the model predicts from the regency's exposure
        and covariates. Reports show where a regency sits against it; a residual is not an
        effect, only a distance from the cross-regency pattern.
        """
        fit = self.models[self.main_model]
        return pd.DataFrame({"bps_code": self.data.frame["bps_code"].to_numpy(),
                             "observed": self.data.y, "expected": fit.fitted,
                             "residual": fit.resid})

    def summary(self, lang: str | None = None):
        """A :class:`~kbanalysis.models.report.SuiteSummary`: ``.text`` (and ``str()``) is the
        plain-text report ``kbanalysis fit`` prints, ``_repr_html_`` shows it in JupyterLab,
        ``.tables`` (and attributes ``.headline``, ``.comparison``, ``.power``,
        ``.sensitivity``) hold the DataFrames. The text is in ``lang`` ("id" or "en"; None:
        ``$KBANALYSIS_LANG``, else Indonesian)."""
        from .report import summarise_results
        return summarise_results(self, lang)

    def write(self, out_dir) -> tuple:
        """Write ``estimates.csv``, ``meta.json`` and ``predictions.csv`` into ``out_dir``."""
        from .output import write_results
        return write_results(self, out_dir)

    def __repr__(self) -> str:
        flag = " SIMULATED inputs" if self.simulated else ""
        return (f"<SuiteResults {self.spec.outcome} {self.spec.outcome_year} ~ "
                f"{self.spec.exposure} {self.spec.exposure_year}, {len(self.models)} models, "
                f"n={self.data.n_obs}{flag}>")


def _rows(model: str, terms: pd.DataFrame, n_obs, n_clusters, scale: str,
          inference: str) -> pd.DataFrame:
    frame = terms.copy()
    frame.insert(0, "model", model)
    frame["n_obs"] = n_obs
    frame["n_clusters"] = n_clusters
    frame["scale"] = scale
    frame["inference"] = inference
    return frame


def _bootstrap_row(model: str, boot: WildBootstrapResult,
                   over_regencies: bool = False) -> pd.DataFrame:
    kind = ("restricted wild bootstrap over regencies (HC1-studentised)" if over_regencies
            else "restricted wild cluster bootstrap")
    inference = (f"{kind}, {boot.weight_type} weights, "
                 f"{boot.draws} draws{' (all sign patterns)' if boot.enumerated else ''}, "
                 f"seed {boot.seed}")
    terms = pd.DataFrame([{"term": boot.term, "estimate": boot.estimate, "std_error": np.nan,
                           "ci_low": boot.ci_low, "ci_high": boot.ci_high,
                           "p_value": boot.p_value}])
    return _rows(model, terms, boot.n_obs, boot.n_clusters, PER_POINT, inference)


def fixed_effect_vcov(X: np.ndarray, groups: np.ndarray, tau2: float,
                      sigma2: float) -> np.ndarray:
    """``(X' V^-1 X)^-1`` of a random-intercept model, V_g = sigma2 I + tau2 11' per group:
    the fixed-effect covariance lme4 reports (variance parameters held at their estimates).
    V_g^-1 = (I - tau2 / (sigma2 + n_g tau2) 11') / sigma2, so no n x n matrix is formed."""
    n_groups = int(groups.max()) + 1
    sums = np.zeros((n_groups, X.shape[1]))
    np.add.at(sums, groups, X)
    sizes = np.bincount(groups, minlength=n_groups)
    shrink = tau2 / (sigma2 + sizes * tau2)
    information = (X.T @ X - (sums * shrink[:, None]).T @ sums) / sigma2
    return np.linalg.inv(information)


def _fit_random_intercept(data: ModelData):
    """MixedLM with province random intercepts: (result, terms, groups, notes)."""
    import statsmodels.api as sm
    from statsmodels.tools.sm_exceptions import ConvergenceWarning

    groups = np.unique(data.frame["province_bps"].astype(str), return_inverse=True)[1]
    notes = ["unweighted (MixedLM takes no weights)",
             "standard errors: the fixed-effect block (X'V^-1 X)^-1 at the REML estimates, as "
             "lme4's vcov() reports; statsmodels' bse_fe inverts the joint Hessian of fixed "
             "effects and variance parameters and is slightly larger; normal reference"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = sm.MixedLM(data.y, data.X, groups=groups).fit(reml=True)
    notes += sorted({str(w.message).splitlines()[0] for w in caught
                     if issubclass(w.category, (ConvergenceWarning, RuntimeWarning, UserWarning))})
    if not result.converged:
        notes.append("REML did not converge")
    params = np.asarray(result.fe_params, dtype=float)
    bse = np.sqrt(np.diag(fixed_effect_vcov(data.X, groups, float(np.asarray(result.cov_re)[0, 0]),
                                            float(result.scale))))
    crit = stats.norm.ppf(0.975)
    terms = pd.DataFrame({"term": data.names, "estimate": params, "std_error": bse,
                          "ci_low": params - crit * bse, "ci_high": params + crit * bse,
                          "p_value": 2 * stats.norm.sf(np.abs(params / bse))})
    return result, terms, int(groups.max()) + 1, notes


def _nested(groups: pd.Series, clusters: np.ndarray) -> bool:
    """True when every group lies within one cluster (its fixed effect is nested)."""
    pairs = pd.DataFrame({"group": groups.astype(str).to_numpy(), "cluster": clusters})
    return bool(pairs.groupby("group")["cluster"].nunique().max() == 1)


def _province_dummies(data: ModelData) -> tuple[np.ndarray, list[str]]:
    codes = data.frame["province_bps"].astype(str)
    dummies = pd.get_dummies(codes, prefix="province", dtype=float)
    dummies = dummies.iloc[:, 1:]  # the first province is the reference
    return dummies.to_numpy(), list(dummies.columns)


class _SuiteRun:
    """Collects each model's rows, fitted object, description and timing as it is fitted."""

    def __init__(self, table: pd.DataFrame, data: ModelData, seed: int, draws: int,
                 bootstrap_weights: str):
        self.table, self.data, self.spec = table, data, data.spec
        self.seed, self.draws, self.bootstrap_weights = seed, draws, bootstrap_weights
        self.vcov_type = "HC3" if data.hc3 else "CR1"
        self.analytic = (hc3_label(data.n_obs, data.X.shape[1]) if data.hc3
                         else cr1_label(data.n_clusters, self.spec.cluster_column))
        # Bounded-outcome models use statsmodels' cluster sandwich; under HC3 each regency
        # is its own cluster, i.e. a heteroskedasticity-robust (HC1-type) sandwich.
        self.sandwich = ("heteroskedasticity-robust sandwich (each regency its own cluster), "
                         f"t({data.n_obs - 1})" if data.hc3 else self.analytic)
        self.parts: list[pd.DataFrame] = []
        self.models, self.info, self.skipped = {}, {}, {}
        self.notes: list[str] = []
        self.power: dict[str, DesignPower] = {}
        self.timings: dict[str, float] = {}
        self.spatial = None
        self.influence: Influence | None = None
        self.measurement: MeasurementError | None = None
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        """Charge the time since the previous lap to ``name`` (for the benchmark)."""
        now = time.perf_counter()
        self.timings[name] = self.timings.get(name, 0.0) + now - self._last
        self._last = now

    def weight_note(self, weighted: bool, why_not: str = "") -> str:
        spec, years = self.spec, self.data.column_years
        year = years[spec.weights].year if spec.weights in years else None
        return weight_note(spec.weights if weighted else None, year, why_not)

    def record(self, name: str, frame: pd.DataFrame, model, inference: str, notes=()):
        self.lap(name)
        self.parts.append(frame)
        self.models[name] = model
        self.info[name] = {"description": MODEL_DESCRIPTIONS[name], "inference": inference,
                           "notes": list(notes)}

    def bootstrap(self, name: str, X, y, clusters, column, weights, term):
        # Pooled provinces (5-11 clusters) ask for Webb weights (kbanalysis.models.pooled).
        weight_type = self.data.bootstrap_weights or self.bootstrap_weights
        return wild_cluster_bootstrap(X, y, clusters, column, weights=weights, term=term,
                                      draws=self.draws, weight_type=weight_type,
                                      seed=derive_seed(self.seed, name))

    def label(self, fit: LinearFit) -> str:
        """The inference of one fit, from its own columns (the unadjusted model has fewer
        than the adjusted one, so its HC3 t has more degrees of freedom)."""
        label = (hc3_label(fit.n_obs, len(fit.params)) if fit.vcov_type == "HC3"
                 else cr1_label(fit.n_clusters, self.spec.cluster_column))
        return label + ("; province fixed effects" if self.data.effect_names else "")

    def referee(self) -> None:
        """Influence, the precision-weighted variant and the reliability what-if, all on the
        main model."""
        data = self.data
        j = data.exposure_index
        main: LinearFit = self.models[self.main_model]
        self.influence = influence(self.main_model, data.X, data.y, data.weights if
                                   main.weighted else None, j, float(main.bse[j]), data.frame)
        if self.influence.notable:
            self.notes.append(self.influence.sentence())
        pw = precision_weighted(data.X, data.y, data.names, clusters=data.clusters,
                                vcov_type=self.vcov_type)
        label = self.label(pw.fit)
        n_clusters = pd.NA if data.hc3 else pw.fit.n_clusters
        notes = [f"weighted by precision 1 / (tau^2 + SE_i^2), rescaled to mean 1: tau^2 "
                 f"{pw.tau2:.2f}, sampling SE "
                 f"{pw.standard_errors.min():.2f}-{pw.standard_errors.max():.2f} points "
                 f"(binomial approximation, n_eff {pw.n_eff:.0f}); the main model weights by "
                 f"children instead (a population-average slope)"]
        self.record("precision_weighted", _rows("precision_weighted", pw.fit.terms(),
                                                pw.fit.n_obs, n_clusters, PER_POINT, label),
                    pw.fit, label, notes)
        adjusted = self.power["adjusted"]
        ci = main.conf_int()[j]
        rows = attenuation_table(main.params[j] * PER_10, ci[0] * PER_10, ci[1] * PER_10,
                                 adjusted.mde, adjusted.exposure_sd, adjusted.exposure_sd_net)
        self.measurement = MeasurementError(
            exposure=ExposureReliability(
                model=self.main_model, rows=tuple(AttenuationRow(**row) for row in rows),
                method="classical error independent of truth and covariates: slope, "
                       "analytic interval and MDE divided by the reliability net of the "
                       "covariates, 1 - (1 - reliability) var(x) / var(x | z) (regression "
                       "calibration; uncertainty about the reliability not included)",
                units=PER_10_POINTS),
            outcome=OutcomePrecision(
                model="precision_weighted", **pw.as_dict(j),
                band_note="the reports' target verdicts keep the flat band: it equals this "
                          "approximation at national prevalence, and for the 102 regencies "
                          "SSGI 2024 gives small-area estimates the binomial scaling does not "
                          "describe the error, so a per-regency band would claim a precision "
                          "nobody published"))
        self.lap("influence and measurement")

    def _least_squares(self, name: str, columns: list[int], weights, notes) -> LinearFit:
        """One least-squares model on the regressors ``columns`` and its bootstrap."""
        data, spec = self.data, self.spec
        X, names = data.X[:, columns], [data.names[k] for k in columns]
        # Province effects nested in the province clusters are not counted in K.
        nested = 1 + len(data.effect_names) if data.effect_names and not data.hc3 else 0
        fit = fit_linear(X, data.y, names, weights=weights, clusters=data.clusters,
                         vcov_type=self.vcov_type, nested_effects=nested)
        n_clusters = pd.NA if data.hc3 else fit.n_clusters
        label = self.label(fit)
        self.record(name, _rows(name, fit.terms(), fit.n_obs, n_clusters, PER_POINT, label),
                    fit, label, notes)
        boot_name = f"{name}_wild_bootstrap"
        boot = self.bootstrap(boot_name, X, data.y, data.clusters, data.exposure_index,
                              weights, spec.exposure)
        frame = _bootstrap_row(boot_name, boot, over_regencies=data.hc3)
        self.record(boot_name, frame, boot, frame["inference"].iloc[0], notes)
        return fit

    # 1. OLS and WLS, each with the wild (cluster) bootstrap for the exposure; the main
    # model also with the exposure alone (unadjusted); the minimum detectable effects.
    def linear(self) -> None:
        data, spec = self.data, self.spec
        j = data.exposure_index
        for name, w in [("ols", None)] + ([("wls", data.weights)] if spec.weights else []):
            note = self.weight_note(w is not None, "" if spec.weights else "no weights asked")
            fit = self._least_squares(name, list(range(data.X.shape[1])), w, [note])
            if name == self.main_model:
                self.power["adjusted"] = design_power(
                    name, data.X, fit.resid, w, j, fit.bse[j], fit.df_t, self.label(fit),
                    scale=PER_10)
        main_w = data.weights if spec.weights else None
        name = f"{self.main_model}_unadjusted"
        alone = [0, j, *data.effect_columns]  # with the province effects, if any
        fit = self._least_squares(name, alone, main_w,
                                  [self.weight_note(main_w is not None, "no weights asked"),
                                   "no covariates: the exposure alone"
                                   + (" (and the province effects)" if data.effect_names
                                      else "")])
        self.power["unadjusted"] = design_power(name, data.X[:, alone], fit.resid, main_w, j,
                                                fit.bse[j], fit.df_t, self.label(fit),
                                                scale=PER_10)

    @property
    def main_model(self) -> str:
        return main_model(self.spec)

    # 2-3. Bounded outcome: fractional logit and beta regression, AMEs in pp.
    def bounded(self) -> None:
        data, cr1 = self.data, self.sandwich
        frac = fit_fractional_logit(data.X, data.y, data.names, weights=data.weights,
                                    clusters=data.clusters)
        inference = cr1 + "; AME by the delta method"
        frac_notes = frac.notes + [self.weight_note(data.weights is not None,
                                                    "no weights asked")]
        self.record("fractional_logit", _rows("fractional_logit", frac.ame.terms(), frac.n_obs,
                                              frac.n_clusters, PER_POINT, inference),
                    frac, inference, frac_notes)
        self.record("fractional_logit_coef",
                    _rows("fractional_logit_coef", frac.coefficients(), frac.n_obs,
                          frac.n_clusters, "log-odds", cr1), frac.result, cr1, frac_notes)
        beta = fit_beta_regression(data.X, data.y, data.names, clusters=data.clusters)
        if not beta.converged:
            self.skipped["beta_regression"] = "; ".join(beta.notes)
            return
        inference = cr1 + " (sandwich of the likelihood); AME by the delta method"
        self.record("beta_regression", _rows("beta_regression", beta.ame.terms(), beta.n_obs,
                                             beta.n_clusters, PER_POINT, inference),
                    beta, inference, beta.notes)
        frame = _rows("beta_regression_coef", beta.coefficients(), beta.n_obs,
                      beta.n_clusters, "log-odds", cr1)
        frame.loc[frame["term"].str.startswith("(precision"), "scale"] = "log precision"
        self.record("beta_regression_coef", frame, beta.result, cr1, beta.notes)

    # 4-5. Province fixed effects and province random intercepts.
    def province(self) -> None:
        data = self.data
        n_prov = data.n_provinces
        if data.effect_names:
            reason = "the main model already has province fixed effects"
            self.skipped["province_fe"] = reason
            self.skipped["random_intercept"] = reason + " (random ones would repeat them)"
            return
        if n_prov < 2:
            self.skipped["province_fe"] = ("one province only: its fixed effect is the "
                                           "intercept, nothing to compare within")
        else:
            dummies, dummy_names = _province_dummies(data)
            k = data.X.shape[1] + dummies.shape[1]
            if data.n_obs - k < MIN_ROWS:
                self.skipped["province_fe"] = (f"{data.n_obs} rows for {k} coefficients: "
                                               f"fewer than {MIN_ROWS} residual degrees of "
                                               f"freedom")
            else:
                # One convention with the panel (see kbanalysis.models.linear): effects
                # nested in the clusters are not counted in K; under HC3 all are.
                nested = (not data.hc3 and _nested(data.frame["province_bps"], data.clusters))
                fe = fit_linear(np.column_stack([data.X, dummies]), data.y,
                                data.names + dummy_names, weights=data.weights,
                                clusters=data.clusters, vcov_type=self.vcov_type,
                                nested_effects=1 + dummies.shape[1] if nested else 0)
                keep = [n for n in data.names if n != INTERCEPT]
                analytic = (hc3_label(data.n_obs, k) if data.hc3 else self.analytic)
                inference = analytic + ("; province effects nested in the clusters, not "
                                        "counted in K" if nested else
                                        "; province dummies counted in K")
                reference = data.frame["province_bps"].astype(str).min()
                n_clusters = pd.NA if data.hc3 else fe.n_clusters
                self.record("province_fe", _rows("province_fe", fe.terms(keep=keep), fe.n_obs,
                                                 n_clusters, PER_POINT, inference), fe,
                            inference,
                            [f"{len(dummy_names)} province dummies (reference {reference})",
                             self.weight_note(data.weights is not None, "no weights asked")])
                # Pooled provinces: the bootstrap the number of provinces allows
                # (kbanalysis.models.pooled), whatever the suite chose for the main model.
                pooled = pooled_fit(data.X, data.y, data.names, data.frame["province_bps"],
                                    weights=data.weights, column=data.exposure_index,
                                    draws=self.draws,
                                    seed=derive_seed(self.seed, "province_fe_wild_bootstrap"))
                boot = pooled.bootstrap
                frame = pd.DataFrame([{"term": boot.term, "estimate": boot.estimate,
                                       "std_error": np.nan, "ci_low": boot.ci_low,
                                       "ci_high": boot.ci_high, "p_value": boot.p_value}])
                self.record("province_fe_wild_bootstrap",
                            _rows("province_fe_wild_bootstrap", frame, boot.n_obs,
                                  boot.n_clusters, PER_POINT,
                                  f"{pooled.inference}, {boot.draws} draws, seed {boot.seed}"),
                            boot, pooled.inference, pooled.notes + [
                                self.weight_note(data.weights is not None, "no weights asked")])
        if n_prov < 5:
            self.skipped["random_intercept"] = (f"{n_prov} province(s): too few groups to "
                                                f"estimate a between-province variance "
                                                f"(need at least 5)")
            return
        result, terms, groups, notes = _fit_random_intercept(data)
        inference = (f"model-based (REML; fixed-effect block as lme4), normal reference; "
                     f"{groups} province groups")
        self.record("random_intercept", _rows("random_intercept", terms, data.n_obs, groups,
                                              PER_POINT, inference), result, inference, notes)

    # 6. Spatial checks on the main model's residuals; the error model when called for.
    def spatial_checks(self, knn: int, mode: str) -> None:
        data = self.data
        if mode == "never":
            self.skipped["spatial_error"] = "spatial checks switched off"
            return
        coords = data.frame.reindex(columns=["latitude", "longitude"]).apply(
            pd.to_numeric, errors="coerce")
        rows = np.flatnonzero(coords.notna().all(axis=1).to_numpy())
        needed = max(MIN_SPATIAL_ROWS, SPATIAL_ROWS_PER_NEIGHBOUR * knn)
        if len(rows) < needed:
            self.skipped["spatial_checks"] = (
                f"{len(rows)} regencies with coordinates; Moran's I and the LM tests with "
                f"k={knn} neighbours need at least {needed} (at least {MIN_SPATIAL_ROWS}, "
                f"and {SPATIAL_ROWS_PER_NEIGHBOUR} per neighbour)")
            self.skipped["spatial_error"] = "no spatial checks (see spatial_checks)"
            return
        if len(rows) < data.n_obs:
            self.notes.append(f"spatial checks use the {len(rows)} of {data.n_obs} regencies "
                              f"with coordinates")
        main_fit: LinearFit = self.models[self.main_model]
        self.lap("(other)")
        # The checks concern the main model: WLS residuals (scaled by sqrt(weight)) when it
        # is weighted, so they test the errors the model assumes homoskedastic.
        main_weights = data.weights[rows] if main_fit.weighted else None
        self.spatial, _ = spatial_diagnostics(
            data.y[rows], data.X[rows], main_fit.resid[rows],
            coords["latitude"].to_numpy()[rows], coords["longitude"].to_numpy()[rows], k=knn,
            seed=derive_seed(self.seed, "moran"), weights=main_weights, with_w=False)
        if data.n_provinces == 1:
            self.spatial.notes.append("one province: neighbours are found inside it only, "
                                      "so regencies on its border have fewer true "
                                      "neighbours in the weights")
        self.lap("spatial diagnostics")
        if not (self.spatial.fit_error_model or mode == "always"):
            self.skipped["spatial_error"] = f"not called for: {self.spatial.decision}"
            return
        sem = fit_spatial_error(data.y[rows], data.X[rows], data.names,
                                neighbour_weights(self.spatial.nearest))
        inference = "GMM, heteroskedasticity-robust (Arraiz et al. 2010), normal reference"
        frame = _rows("spatial_error", sem.terms(), sem.n_obs, pd.NA, PER_POINT, inference)
        frame.loc[frame["term"] == sem.names[-1], "scale"] = "spatial parameter"
        self.record("spatial_error", frame, sem, inference,
                    [self.weight_note(False, "spreg takes no regression weights"),
                     f"kNN k={knn} great-circle weights", self.spatial.decision])

    # 7. Panel with lagged exposure, where several years exist.
    def panel(self, lag: int | None, covariates) -> None:
        spec, table = self.spec, self.table
        lag = lag if lag is not None else (spec.lag or 1)
        observed = pd.to_numeric(table[spec.outcome], errors="coerce").notna()
        if "year" not in table.columns or table.loc[observed, "year"].nunique() < 2:
            self.skipped["panel_twfe"] = f"{spec.outcome} is observed in one year only"
            return
        exposure = usable_exposure(table, spec.exposure)
        exposure_years = sorted(int(y) for y in table.loc[exposure.notna(), "year"].unique())
        if len(exposure_years) < 2:
            self.skipped["panel_twfe"] = (f"{spec.exposure} is observed in one year only "
                                          f"({exposure_years[0] if exposure_years else 'none'}"
                                          f"): a panel needs the exposure in at least two "
                                          f"years")
            return
        panel_table = table.assign(**{spec.exposure: exposure.to_numpy()})
        try:
            pan = fit_panel(panel_table, outcome=spec.outcome, exposure=spec.exposure, lag=lag,
                            covariates=tuple(covariates), weights=spec.weights,
                            cluster="regency" if spec.cluster == "regency" else "auto",
                            bootstrap_draws=self.draws,
                            bootstrap_weights=self.bootstrap_weights,
                            seed=derive_seed(self.seed, "panel_twfe_wild_bootstrap"))
        except SpecificationError as error:  # recorded in English, with its message
            self.skipped["panel_twfe"] = error.message
            return
        if pan.fit.n_obs < MIN_ROWS:
            self.skipped["panel_twfe"] = (f"{pan.fit.n_obs} panel rows (need at least "
                                          f"{MIN_ROWS})")
            return
        inference = (cr1_label(pan.fit.n_clusters, pan.cluster)
                     + "; regency effects nested in the clusters, not counted in K")
        notes = [f"years {pan.years[0]}-{pan.years[-1]}, {pan.n_regencies} regencies, "
                 f"exposure lagged {pan.lag} year(s)", *pan.notes,
                 self.weight_note(bool(spec.weights), "no weights asked")]
        self.record("panel_twfe", _rows("panel_twfe",
                                        pan.fit.terms(keep=[pan.exposure_term, *covariates]),
                                        pan.fit.n_obs, pan.fit.n_clusters, PER_POINT, inference),
                    pan, inference, notes)
        frame = _bootstrap_row("panel_twfe_wild_bootstrap", pan.bootstrap)
        self.record("panel_twfe_wild_bootstrap", frame, pan.bootstrap,
                    frame["inference"].iloc[0], notes)

    # 8. Designs beside the cross-section: the change design (its rows join the comparison),
    # other real exposures and the province level (tables, in ``SuiteResults.designs``).
    def designs(self, tidy: pd.DataFrame | None) -> dict[str, DesignResult]:
        spec, data = self.spec, self.data
        weights_year = (data.column_years[spec.weights].year
                        if spec.weights and spec.weights in data.column_years else None)
        out = {"change": change_design(
            self.table, exposure=spec.exposure, exposure_year=spec.exposure_year,
            outcome=spec.outcome, weights=spec.weights, weights_year=weights_year,
            draws=self.draws, bootstrap_weights=self.bootstrap_weights,
            seed=derive_seed(self.seed, "change_wild_bootstrap"))}
        out["baseline"] = baseline_design(
            self.table, exposure=spec.exposure, exposure_year=spec.exposure_year,
            outcome_year=spec.outcome_year, outcome=spec.outcome, weights=spec.weights,
            weights_year=weights_year, draws=self.draws,
            bootstrap_weights=self.bootstrap_weights,
            seed=derive_seed(self.seed, "baseline_wild_bootstrap"), change=out["change"])
        for key in ("change", "baseline"):
            design = out[key]
            if design.estimates is None:
                self.skipped[key] = "; ".join(design.notes)
                continue
            for name, part in design.estimates.groupby("model", sort=False):
                frame = part.drop(columns="inference").assign(scale=PER_POINT,
                                                              inference=part["inference"])
                self.record(name, frame, design.models[name], part["inference"].iloc[0],
                            design.model_notes)
        out["other_exposures"] = other_exposures(self.table)
        if tidy is not None:
            out["province"] = province_design(tidy)
        # The change and baseline designs rest on the exposure (simulated in a simulated
        # build); the others on survey and programme values, simulated only where the
        # outcome itself is (the preparation already decided which inputs are simulated).
        synthetic = self.spec.outcome in self.data.simulated_inputs
        for name, design in out.items():
            design.statistics["simulated"] = (bool(self.data.simulated_inputs)
                                              if name in ("change", "baseline")
                                              else synthetic)
        self.lap("designs")
        return out

    def comparison(self, expected: ExpectedEffect) -> pd.DataFrame:
        frame = _with_per_10_rows(pd.concat(self.parts, ignore_index=True), self.spec.exposure)
        frame["simulated"] = bool(self.data.simulated_inputs)
        # The literature range sits next to every per-10-point exposure effect.
        per_10 = frame["scale"].eq(PER_10_POINTS)
        frame.loc[per_10, "expected_low"] = expected.lower_pp
        frame.loc[per_10, "expected_high"] = expected.upper_pp
        return frame.reindex(columns=COMPARISON_COLUMNS)


@single_threaded
def fit_suite(table: pd.DataFrame, *, outcome: str = DEFAULT_OUTCOME,
              exposure: str = DEFAULT_EXPOSURE, covariates=DEFAULT_COVARIATES,
              weights: str | None = DEFAULT_WEIGHTS, cluster: str = "auto",
              year: int | None = None, outcome_year: int | None = None,
              exposure_year: int | None = None, seed: int = config.SEED,
              bootstrap_draws: int = 9999, bootstrap_weights: str = "rademacher",
              knn: int = 6, spatial_model: str = "auto", sensitivity: bool = True,
              panel: bool = True, panel_lag: int | None = None, panel_covariates=(),
              expected: ExpectedEffect | None = None, designs: bool = True,
              tidy: pd.DataFrame | None = None,
              province_effects: str = "auto") -> SuiteResults:
    """Fit every estimator of the suite on ``table`` (see the module docstring).

    Years: ``outcome_year=None`` uses the latest year with the outcome, ``exposure_year=None``
    the latest year before it with real exposure (``year`` sets both at once). ``weights``:
    "auto" (children 0-4, else population), a column, or None (the main model is then OLS).
    ``cluster``: "auto" (province clusters with at least 10 provinces, else HC3 by
    regency), "province", "regency" (HC3) or a column. ``spatial_model``: "auto" (fit the
    spatial error model when the LM tests call for it), "always" or "never". The panel uses
    every year of ``table`` (lag ``panel_lag``, default the cross-section's lag or 1) and is
    skipped when the outcome or the exposure exists in one year only. ``designs``: also the
    change design (its rows join the comparison as ``change_*``), the other real exposures
    and, with ``tidy`` (the tidy table, for province values), the province level; see
    :mod:`.designs`. ``province_effects``: "auto" (province fixed effects in the main model
    when the complete rows span several provinces, with the inference of :mod:`.pooled`),
    "yes" or "no". Raises :class:`SpecificationError` on a bad spec.
    """
    if spatial_model not in ("auto", "always", "never"):
        raise SpecificationError(msg("model.spatial_model", value=spatial_model))
    if bootstrap_draws < MIN_DRAWS:
        raise SpecificationError(msg("model.bootstrap_draws", need=MIN_DRAWS,
                                     draws=bootstrap_draws))
    if bootstrap_weights not in WEIGHT_TYPES:
        raise SpecificationError(msg("model.bootstrap_weights", types=str(WEIGHT_TYPES),
                                     value=bootstrap_weights))
    spec = Spec(outcome=outcome, exposure=exposure, covariates=tuple(covariates),
                weights=weights, cluster=cluster, year=year, outcome_year=outcome_year,
                exposure_year=exposure_year, province_effects=province_effects)
    started = time.perf_counter()
    data = prepare(table, spec)
    run = _SuiteRun(table, data, seed, bootstrap_draws, bootstrap_weights)
    run.timings["specification checks"] = time.perf_counter() - started
    spec = data.spec
    run.notes += data.notes
    run.notes.append(f"inference: {data.inference_reason}")
    dropped = {c: k for c, k in data.missing_by_column.items() if k}
    if dropped:
        run.notes.append(f"{data.rows_in_year - data.n_obs} of {data.rows_in_year} regencies "
                         f"dropped for missing values (rows missing per column: "
                         + ", ".join(f"{c} {k}" for c, k in dropped.items()) + ")")

    timing = covariate_timing(data)
    if timing.post_exposure:
        run.notes.append(f"covariates measured after the exposure ({spec.exposure_year}): "
                         + ", ".join(f"{c} ({timing.years[c]})" for c in
                                     timing.post_exposure)
                         + "; they may carry part of any effect (mediators); the sensitivity "
                           "grid's 'timing' variant leaves them out")
    run.linear()
    run.referee()
    run.bounded()
    run.province()
    run.spatial_checks(knn, spatial_model)
    if panel:
        run.panel(panel_lag, panel_covariates)
    extra = run.designs(tidy) if designs else {}
    expected = expected or expected_effect(coverage_rise_pts=PER_10)
    comparison = run.comparison(expected)
    run.lap("(other)")
    grid = sensitivity_grid(table, spec, data) if sensitivity else None
    run.lap("sensitivity grid")
    curve = {}
    if "adjusted" in run.power:
        curve = power_curve(run.power["adjusted"], data.X.shape[1],
                            power_targets(expected))
    if data.simulated_inputs:
        run.notes.insert(0, "SIMULATED inputs: " + ", ".join(data.simulated_inputs)
                         + " — results that rest on them are not evidence about Indonesia")
    return SuiteResults(spec=spec, data=data, comparison=comparison, models=run.models,
                        model_info=run.info, sensitivity=grid, spatial=run.spatial,
                        expected=expected, evalue=_main_evalue(comparison, spec, data),
                        skipped=run.skipped, notes=run.notes, seed=seed,
                        bootstrap={"draws": bootstrap_draws, "weights": bootstrap_weights},
                        simulated_inputs=list(data.simulated_inputs),
                        data_sha256=data_hash(table, spec), timings=run.timings,
                        power=run.power, designs=extra, influence=run.influence,
                        measurement=run.measurement, power_curve=curve,
                        covariate_timing=timing)


def covariate_timing(data: ModelData) -> CovariateTiming:
    """The year each covariate comes from and which are measured after the exposure."""
    spec = data.spec
    years = {c: (data.column_years[c].year if c in data.column_years else None)
             for c in spec.covariates}
    post = [c for c, y in years.items()
            if y is not None and spec.exposure_year is not None and y > spec.exposure_year]
    return CovariateTiming(exposure_year=spec.exposure_year, years=years,
                           post_exposure=tuple(post))


def power_targets(expected: ExpectedEffect) -> dict[str, float]:
    """Effects the power curve is asked about: the literature range's ends and round values
    inside it (pp per 10 points)."""
    largest = max(abs(expected.lower_pp), abs(expected.upper_pp))
    smallest = min(abs(expected.lower_pp), abs(expected.upper_pp))
    return {"literature_largest": largest, "0.2": 0.2, "0.1": 0.1, "0.05": 0.05,
            "literature_smallest": smallest}


def _with_per_10_rows(comparison: pd.DataFrame, exposure: str) -> pd.DataFrame:
    """After each exposure row (pp per unit), the same effect per 10 points of coverage;
    ``is_exposure`` marks both (the panel's lagged exposure included; log-odds rows are not
    pp effects, so they are not marked)."""
    comparison = comparison.assign(
        is_exposure=comparison["term"].str.fullmatch(rf"{re.escape(exposure)}(_lag\d+)?")
        & comparison["scale"].eq(PER_POINT))
    out = []
    for _, row in comparison.iterrows():
        out.append(row)
        if row["is_exposure"]:
            scaled = row.copy()
            for c in ("estimate", "std_error", "ci_low", "ci_high"):
                scaled[c] = row[c] * PER_10
            scaled["scale"] = PER_10_POINTS
            out.append(scaled)
    return pd.DataFrame(out).reset_index(drop=True)


def _main_evalue(comparison: pd.DataFrame, spec: Spec, data: ModelData) -> EValue | None:
    """E-value of the main model's effect per 10 points, with the wild bootstrap CI."""
    main = main_model(spec)
    rows = comparison.set_index(["model", "term", "scale"])
    try:
        point = rows.loc[(main, spec.exposure, PER_10_POINTS)]
        boot = rows.loc[(f"{main}_wild_bootstrap", spec.exposure, PER_10_POINTS)]
    except KeyError:
        return None
    w = np.ones(data.n_obs) if data.weights is None else data.weights
    baseline = float(np.average(data.y, weights=w))
    if not 0 < baseline < 100:
        return None
    return evalue_prevalence_difference(point["estimate"], boot["ci_low"], boot["ci_high"],
                                        baseline, contrast=f"10-point rise in {spec.exposure} "
                                        f"at mean prevalence {baseline:.1f} %")
