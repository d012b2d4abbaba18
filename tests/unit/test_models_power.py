"""The minimum detectable effect against closed forms on constructed data."""
from __future__ import annotations

import numpy as np
import pytest

from kbanalysis.models.linear import fit_linear
from kbanalysis.models.power import design_power, mde_multiplier, minimum_detectable_effect

# Standard normal quantiles from printed tables: z_0.975 = 1.959964, z_0.80 = 0.841621.
Z_SUM = 1.959964 + 0.841621
# Student's t with 30 df from printed tables (3 decimals): t_0.975 = 2.042, t_0.80 = 0.854.
T30_SUM = 2.042 + 0.854

N = 8
X_BALANCED = np.array([1.0, -1.0] * 4)
RESID = np.array([0.5, -0.3, -0.5, 0.3, 0.2, 0.4, -0.2, -0.4])  # orthogonal to 1 and x


def test_multiplier_is_the_textbook_2_80_and_its_t_version():
    assert mde_multiplier() == pytest.approx(Z_SUM, abs=1e-6)
    assert mde_multiplier(df=30) == pytest.approx(T30_SUM, abs=1.5e-3)
    # 90 % power at 1 % two-sided: z_0.995 + z_0.90 = 2.575829 + 1.281552.
    assert mde_multiplier(alpha=0.01, power=0.90) == pytest.approx(3.857381, abs=1e-6)


def test_mde_per_10_points_is_the_multiplier_times_se_times_10():
    assert minimum_detectable_effect(0.05) == pytest.approx(Z_SUM * 0.05 * 10, abs=1e-6)
    assert minimum_detectable_effect(0.05, df=30, scale=1) == pytest.approx(T30_SUM * 0.05,
                                                                           abs=1e-4)
    with pytest.raises(ValueError):
        mde_multiplier(power=1.0)


def test_design_power_on_a_constructed_design():
    """Balanced x = +-1 with residuals orthogonal to 1 and x: every quantity has a closed form.

    residual SD s = sqrt(sum e^2 / (n - 2)); SD of x = 1 (also net of the intercept); the
    classical SE = s / sqrt(n); HC3 SE = sqrt(sum e^2) / (n - 2) (leverage 2/n everywhere).
    """
    X = np.column_stack([np.ones(N), X_BALANCED])
    y = 1.0 - 0.3 * X_BALANCED + RESID
    fit = fit_linear(X, y, ["(intercept)", "x"], vcov_type="HC3")
    ss = np.sum(RESID ** 2)  # 1.28
    power = design_power("ols", X, fit.resid, None, 1, fit.bse[1], None, "HC3")
    s = np.sqrt(ss / (N - 2))
    assert power.residual_sd == pytest.approx(s, rel=1e-12)
    assert power.exposure_sd == pytest.approx(1.0) and power.exposure_sd_net == pytest.approx(1.0)
    assert power.classical_se == pytest.approx(s / np.sqrt(N), rel=1e-12)
    hc3 = np.sqrt(ss) / (N - 2)
    assert power.standard_error == pytest.approx(hc3, rel=1e-12)
    assert power.variance_inflation == pytest.approx((hc3 / (s / np.sqrt(N))) ** 2, rel=1e-12)
    assert power.mde == pytest.approx(Z_SUM * hc3 * 10, abs=1e-6)
    assert power.n_obs == N and power.as_dict()["per_points"] == 10


def test_weights_enter_the_residual_sd_and_the_exposure_sd():
    """With weight 3 on the x = +1 rows and 1 on the others, the weighted SD of x is
    sqrt(3) / 2 (a two-point distribution with probabilities 3/4 and 1/4)."""
    X = np.column_stack([np.ones(N), X_BALANCED])
    w = np.where(X_BALANCED > 0, 3.0, 1.0)
    w = w / w.mean()
    y = 2.0 + 0.5 * X_BALANCED + RESID
    fit = fit_linear(X, y, ["(intercept)", "x"], weights=w, vcov_type="HC3")
    power = design_power("wls", X, fit.resid, w, 1, fit.bse[1], 6, "HC3")
    assert power.exposure_sd == pytest.approx(np.sqrt(3) / 2, rel=1e-12)
    assert power.exposure_sd_net == pytest.approx(np.sqrt(3) / 2, rel=1e-12)
    assert power.mde == pytest.approx(mde_multiplier(df=6) * fit.bse[1] * 10, rel=1e-12)
