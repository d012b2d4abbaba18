"""Interval coverage in SIMULATED one-province worlds (35 regencies, like Jawa Tengah).

With one province there are no clusters to lean on, so the suite uses HC3 errors and the
restricted wild bootstrap over regencies. Their 95 % intervals must cover the known true
effect in 90-99 % of 300 seeded replications (Monte Carlo SE about 1.3 points at 95 %). The
bootstrap uses 999 draws in the loop (the suite's default is 9999): the interval's coverage
does not depend on the extra precision.
"""
from __future__ import annotations

import numpy as np
import pytest

from kbanalysis.models.bootstrap import wild_cluster_bootstrap
from kbanalysis.models.linear import fit_linear
from kbanalysis.models.spec import Spec, prepare
from kbanalysis.models.threads import one_blas_thread
from kbanalysis.simulate.synthetic import synthetic_table, true_effect

REPLICATIONS = 300
TRUTH = -0.10
REGENCIES = 35
ESTIMATORS = ("ols_hc3", "wls_hc3", "ols_wild_bootstrap", "wls_wild_bootstrap")


@pytest.fixture(scope="module")
def replications():
    estimates = {name: [] for name in ESTIMATORS}
    covered = {name: [] for name in ESTIMATORS}
    with one_blas_thread():
        for rep in range(REPLICATIONS):
            table = synthetic_table(n_provinces=1, regencies_per_province=REGENCIES,
                                    true_effect=TRUTH, seed=30_000 + rep,
                                    province_confounding=False)
            assert true_effect(table) == TRUTH
            data = prepare(table, Spec())
            assert data.inference == "hc3" and data.n_obs == REGENCIES
            j = data.exposure_index
            for name, weights in (("ols", None), ("wls", data.weights)):
                fit = fit_linear(data.X, data.y, data.names, weights=weights, vcov_type="HC3")
                low, high = fit.conf_int()[j]
                estimates[f"{name}_hc3"].append(fit.params[j])
                covered[f"{name}_hc3"].append(low <= TRUTH <= high)
                boot = wild_cluster_bootstrap(data.X, data.y, data.clusters, j,
                                              weights=weights, draws=999, seed=rep)
                estimates[f"{name}_wild_bootstrap"].append(boot.estimate)
                covered[f"{name}_wild_bootstrap"].append(boot.ci_low <= TRUTH <= boot.ci_high)
    return ({k: np.array(v) for k, v in estimates.items()},
            {k: float(np.mean(v)) for k, v in covered.items()})


@pytest.mark.parametrize("name", ESTIMATORS)
def test_95_percent_intervals_cover_the_truth_in_one_province(replications, name):
    _, coverage = replications
    assert 0.90 <= coverage[name] <= 0.99, f"{name}: coverage {coverage[name]:.3f}"


@pytest.mark.parametrize("name", ESTIMATORS)
def test_point_estimates_centre_on_the_truth_in_one_province(replications, name):
    estimates, _ = replications
    # The slope's SD across worlds is about 0.14 here: the Monte Carlo SE of the mean ~0.008.
    assert np.mean(estimates[name]) == pytest.approx(TRUTH, abs=0.025)
