"""Parameter recovery and interval coverage on the fully synthetic (SIMULATED) world.

The truth is known: ``true_effect`` pp of stunting per pp of coverage. Coverage is checked
over 400 seeded replications with the province confounder switched off (no estimator
without fixed effects could recover the truth otherwise). CR1 intervals cover about 93 % in
this world (38 clusters of 5-25 regencies: CR1 is known to be a little liberal there; the
wild bootstrap is about 95 %), so 400 rather than 200 replications keep the Monte Carlo
error (about 1.3 points) well inside the 90-99 % band. The wild bootstrap uses 999 draws
in the loop (the suite's default is 9999): 999 is the smallest count whose p-values resolve
0.05 exactly (MacKinnon 2009), and the interval's coverage does not depend on the extra
precision, while 200 x 2 x 9999 draws would only slow the test down.
"""
from __future__ import annotations

import numpy as np
import pytest

from kbanalysis.models.bootstrap import wild_cluster_bootstrap
from kbanalysis.models.glm import fit_beta_regression, fit_fractional_logit
from kbanalysis.models.linear import fit_linear
from kbanalysis.models.spatial import fit_spatial_error, knn_weights
from kbanalysis.models.spec import Spec, prepare
from kbanalysis.models.suite import _fit_random_intercept, _province_dummies
from kbanalysis.models.threads import one_blas_thread
from kbanalysis.simulate.synthetic import synthetic_table, true_effect

REPLICATIONS = 400
TRUTH = -0.10
INTERVAL_ESTIMATORS = ("ols", "wls", "ols_wild_bootstrap", "wls_wild_bootstrap",
                       "fractional_logit")


def record_linear(data, truth: float, seed: int, estimates: dict, covered: dict, *,
                  vcov_type: str = "CR1", suffix: str = "") -> None:
    """OLS and WLS of one world (analytic interval, named ``ols``/``wls`` + ``suffix``) and
    their wild bootstraps (999 draws, ``seed``): append each exposure estimate to
    ``estimates`` and whether its 95 % interval covers ``truth`` to ``covered``."""
    j = data.exposure_index
    for name, weights in (("ols", None), ("wls", data.weights)):
        fit = fit_linear(data.X, data.y, data.names, weights=weights, clusters=data.clusters,
                         vcov_type=vcov_type)
        low, high = fit.conf_int()[j]
        estimates[f"{name}{suffix}"].append(fit.params[j])
        covered[f"{name}{suffix}"].append(low <= truth <= high)
        boot = wild_cluster_bootstrap(data.X, data.y, data.clusters, j, weights=weights,
                                      draws=999, seed=seed)
        estimates[f"{name}_wild_bootstrap"].append(boot.estimate)
        covered[f"{name}_wild_bootstrap"].append(boot.ci_low <= truth <= boot.ci_high)


@pytest.fixture(scope="module")
def replications():
    estimates = {name: [] for name in INTERVAL_ESTIMATORS}
    covered = {name: [] for name in INTERVAL_ESTIMATORS}
    with one_blas_thread():
        for rep in range(REPLICATIONS):
            table = synthetic_table(true_effect=TRUTH, seed=10_000 + rep,
                                    province_confounding=False)
            assert true_effect(table) == TRUTH
            data = prepare(table, Spec(year=2024, province_effects="no"))
            record_linear(data, TRUTH, rep, estimates, covered)
            ame = fit_fractional_logit(data.X, data.y, data.names, weights=data.weights,
                                       clusters=data.clusters).ame.terms().iloc[0]
            estimates["fractional_logit"].append(ame["estimate"])
            covered["fractional_logit"].append(ame["ci_low"] <= TRUTH <= ame["ci_high"])
    return ({k: np.array(v) for k, v in estimates.items()},
            {k: np.mean(v) for k, v in covered.items()})


@pytest.mark.parametrize("name", INTERVAL_ESTIMATORS)
def test_95_percent_intervals_cover_the_truth(replications, name):
    _, coverage = replications
    assert 0.90 <= coverage[name] <= 0.99, f"{name}: coverage {coverage[name]:.3f}"


@pytest.mark.parametrize("name", INTERVAL_ESTIMATORS)
def test_point_estimates_centre_on_the_truth(replications, name):
    estimates, _ = replications
    # Monte Carlo standard error of the mean is about 0.003 here.
    assert np.mean(estimates[name]) == pytest.approx(TRUTH, abs=0.012)


def _other_estimators(seeds, confounding):
    """Exposure estimates of the remaining estimators on low-noise worlds."""
    out = {"beta_regression": [], "province_fe": [], "random_intercept": [],
           "spatial_error": [], "pooled_ols": []}
    with one_blas_thread():
        for seed in seeds:
            table = synthetic_table(true_effect=TRUTH, seed=seed, province_sd=1.0,
                                    precision=400, province_confounding=confounding)
            data = prepare(table, Spec(year=2024, province_effects="no"))
            j = data.exposure_index
            out["pooled_ols"].append(fit_linear(data.X, data.y, data.names).params[j])
            dummies, names = _province_dummies(data)
            out["province_fe"].append(fit_linear(np.column_stack([data.X, dummies]), data.y,
                                                 data.names + names, weights=data.weights,
                                                 clusters=data.clusters).params[j])
            if confounding:
                continue
            out["beta_regression"].append(
                fit_beta_regression(data.X, data.y, data.names, clusters=data.clusters).ame.ame[0])
            out["random_intercept"].append(_fit_random_intercept(data)[1]["estimate"].iloc[j])
            w = knn_weights(data.frame["latitude"].to_numpy(), data.frame["longitude"].to_numpy())
            out["spatial_error"].append(fit_spatial_error(data.y, data.X, data.names, w).params[j])
    return {k: np.mean(v) for k, v in out.items() if v}


def test_every_other_estimator_recovers_the_truth_without_confounding():
    means = _other_estimators(range(500, 520), confounding=False)
    for name, mean in means.items():
        assert mean == pytest.approx(TRUTH, abs=0.012), name


def test_province_fixed_effects_remove_province_confounding_that_biases_pooled_ols():
    means = _other_estimators(range(600, 620), confounding=True)
    assert means["province_fe"] == pytest.approx(TRUTH, abs=0.012)
    assert means["pooled_ols"] < TRUTH - 0.02
