"""Influence of each regency on the main model: leave-one-out slopes, leverage, Cook's D.

For (weighted) least squares with weights ``w`` (mean 1), bread ``B = (X'WX)^-1`` and
residuals ``e``, the exact leave-one-out change needs no refit (Belsley, Kuh & Welsch 1980)::

    h_i = w_i x_i' B x_i                                   (leverage)
    beta - beta_(i) = B x_i w_i e_i / (1 - h_i)            (DFBETA, exact)
    D_i = w_i e_i^2 / (k s^2) * h_i / (1 - h_i)^2,  s^2 = sum w e^2 / (n - k)   (Cook)

The exposure's change is also expressed in units of the main model's standard error (the
chosen inference, HC3 or CR1): a regency that alone moves the slope by more than half of
it (:data:`NOTABLE_SHIFT_SE`) is named in a sentence, because with a few dozen regencies one
place can carry the estimate.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..results_contract import INFLUENCE_COLUMNS, PER_10, InfluenceSummary, LargestInfluence

NOTABLE_SHIFT_SE = 0.5  # a leave-one-out change above half a standard error is reported
COOK_RULE = 4.0  # Cook's D above 4 / n is the usual screening threshold


@dataclass
class Influence:
    """One row per regency of the main model (:data:`INFLUENCE_COLUMNS`) and the summary."""

    table: pd.DataFrame
    model: str
    estimate_per_10: float
    std_error_per_10: float
    largest: dict  # the regency whose omission moves the slope most

    @property
    def notable(self) -> bool:
        return bool(self.largest and self.largest["shift_in_se"] > NOTABLE_SHIFT_SE)

    def sentence(self) -> str:
        """The sentence a reader needs (English; the reports word it in their language)."""
        big = self.largest
        if not big:
            return ""
        text = (f"Leaving out {big['name']} moves the slope from {self.estimate_per_10:+.2f} "
                f"to {big['estimate_without_per_10']:+.2f} pp per 10 points "
                f"({big['shift_in_se']:.2f} standard errors)")
        if self.notable:
            return (text + ": more than half a standard error, so this one regency carries "
                           "a visible part of the estimate.")
        return text + ": no single regency moves it by half a standard error."

    def record(self) -> InfluenceSummary:
        """``meta["influence"]`` as the results contract declares it."""
        big = self.largest
        return InfluenceSummary(
            model=self.model, estimate_per_10=self.estimate_per_10,
            std_error_per_10=self.std_error_per_10, threshold_in_se=NOTABLE_SHIFT_SE,
            notable=self.notable,
            largest=LargestInfluence(**big) if big else None, sentence=self.sentence(),
            cooks_distance_rule=f"{COOK_RULE:g} / n",
            n_above_cooks_rule=int((self.table["cooks_distance"]
                                    > COOK_RULE / len(self.table)).sum()),
            method="exact leave-one-out (DFBETA) of the main least-squares model; "
                   "leverage and Cook's distance of the weighted fit")

    def as_dict(self) -> dict:
        return self.record().write()


def influence(model: str, X: np.ndarray, y: np.ndarray, weights: np.ndarray | None,
              column: int, standard_error: float, frame: pd.DataFrame) -> Influence:
    """Leave-one-out slopes of ``X[:, column]``, leverage and Cook's distance per row.

    ``standard_error`` is the slope's SE under the chosen inference (per unit); ``frame``
    holds ``bps_code`` and ``name`` of the rows, in the order of ``X``.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, k = X.shape
    w = np.ones(n) if weights is None else np.asarray(weights, dtype=float)
    bread = np.linalg.inv(X.T @ (X * w[:, None]))
    params = bread @ (X.T @ (w * y))
    resid = y - X @ params
    leverage = w * np.einsum("ij,jk,ik->i", X, bread, X)
    dfbeta = (X @ bread) * (w * resid / (1.0 - leverage))[:, None]  # row i: beta - beta_(i)
    without = params[column] - dfbeta[:, column]
    s2 = float(np.sum(w * resid ** 2) / (n - k))
    cooks = w * resid ** 2 / (k * s2) * leverage / (1.0 - leverage) ** 2
    change = without - params[column]
    table = pd.DataFrame({
        "bps_code": frame["bps_code"].astype(str).to_numpy(),
        "name": frame["name"].astype(str).to_numpy() if "name" in frame else "",
        "estimate_without_per_10": without * PER_10,
        "change_per_10": change * PER_10,
        "change_in_se": change / standard_error,
        "leverage": leverage,
        "cooks_distance": cooks,
    }).reindex(columns=INFLUENCE_COLUMNS)
    i = int(np.argmax(np.abs(change)))
    largest = {"bps_code": table["bps_code"].iloc[i], "name": table["name"].iloc[i],
               "estimate_without_per_10": float(without[i] * PER_10),
               "change_per_10": float(change[i] * PER_10),
               "shift_in_se": float(abs(change[i]) / standard_error)}
    return Influence(table=table, model=model, estimate_per_10=float(params[column] * PER_10),
                     std_error_per_10=float(standard_error * PER_10), largest=largest)
