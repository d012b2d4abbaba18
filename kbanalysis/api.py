"""The researcher's entry point: load the analysis table, fit the suite with plain arguments.

::

    import kbanalysis as kb
    data = kb.load()
    res = kb.fit(data, covariates="poverty_pct", province="Jawa Tengah")
    res.main_model.params, res.main_model.bse, res.main_model.conf_int()
    print(res.main_model.summary())
    res.estimates            # every model's rows, a DataFrame

``kbanalysis fit`` and the model notebook call :func:`fit` too. Arguments are plain Python
values: ``covariates="poverty_pct"`` is one covariate, a list several, ``None`` or ``[]``
none; ``province`` is a BPS code (``33``, ``"33"``) or a name (``"Jawa Tengah"``), or a list.
A specification the data cannot support raises :class:`FitError` (a ``ValueError``) whose
message names the function's arguments (``exposure_year=``), not command-line options. Messages
come from the catalogue (:mod:`kbanalysis.messages`): Indonesian by default, English with
``KBANALYSIS_LANG=en``; ``error.render(lang)`` gives either.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from . import config
from .messages import Msg, default_lang, message_of, msg, render, t
from .models import DEFAULT_COVARIATES, DEFAULT_EXPOSURE, DEFAULT_OUTCOME, SpecificationError

__all__ = ["FitError", "FittedModel", "Results", "fit", "load"]

# The suite's messages name command-line options; here they are function arguments.
OPTION_TO_ARGUMENT = {"--exposure-year": "exposure_year=", "--outcome-year": "outcome_year=",
                      "--cluster auto": "cluster='auto'", "--cluster": "cluster=",
                      "--weights": "weights=", "--covariates": "covariates=",
                      "--province-effects": "province_effects="}
# Simulated data on the command line, and in Python, in the words of each language.
SIMULATE_OPTION, SIMULATE_ARGUMENT = "model.simulate_data", "api.simulated_data"


class FitError(SpecificationError, ValueError):
    """A specification the data cannot support. ``message`` and ``cli_message`` are its
    catalogue message, naming command-line options (what ``kbanalysis fit`` shows);
    ``str()`` (the default language) and ``render(lang)`` name function arguments."""

    def __init__(self, message: str, cli_message: str | None = None):
        super().__init__(message)
        self.cli_message = message if cli_message is None else cli_message

    def render(self, lang: str) -> str:
        return as_arguments(super().render(lang))


class TableNotFoundError(FileNotFoundError):
    """:func:`load` found no analysis table; ``str()`` is in the default language."""

    def __init__(self, message: Msg, path):
        super().__init__(message)
        self.message, self.path = message, str(path)

    def render(self, lang: str) -> str:
        return render(self.message, lang)

    def __str__(self) -> str:
        return self.render(default_lang())


def as_arguments(message: str) -> str:
    """``message`` (rendered in either language) with function arguments for options."""
    for option, argument in OPTION_TO_ARGUMENT.items():
        message = message.replace(option, argument)
    for lang in ("en", "id"):
        message = message.replace(t(SIMULATE_OPTION, lang), t(SIMULATE_ARGUMENT, lang))
    return message


def load(path: str | Path | None = None) -> pd.DataFrame:
    """The analysis table (one row per regency and year): ``data/processed/analysis.csv``,
    or the ``analysis.csv`` at ``path`` (a file or the folder holding it)."""
    from .dataset import load_analysis

    target = config.ANALYSIS_CSV if path is None else Path(path)
    if target.is_dir():
        target = target / config.ANALYSIS_CSV.name
    if not target.is_file():
        raise TableNotFoundError(msg("api.no_table", path=str(target)), target)
    table = load_analysis(target)
    table.attrs["path"] = str(target)
    return table


class FittedModel:
    """One fitted least-squares model, answering like a statsmodels result: ``params`` and
    ``bse`` (Series by term), ``conf_int()`` (DataFrame), ``pvalues``, ``summary()``."""

    def __init__(self, name: str, fit):
        self.name, self.fit = name, fit

    @property
    def params(self) -> pd.Series:
        return pd.Series(np.asarray(self.fit.params, dtype=float), index=self.fit.names,
                         name="params")

    @property
    def bse(self) -> pd.Series:
        return pd.Series(np.asarray(self.fit.bse, dtype=float), index=self.fit.names,
                         name="bse")

    @property
    def pvalues(self) -> pd.Series:
        terms = self.fit.terms().set_index("term")
        return terms["p_value"].rename("pvalues")

    def conf_int(self, alpha: float | None = None) -> pd.DataFrame:
        return pd.DataFrame(np.asarray(self.fit.conf_int(alpha)), index=self.fit.names,
                            columns=[0, 1])

    @property
    def nobs(self) -> int:
        return int(self.fit.n_obs)

    def summary(self) -> str:
        return self.fit.summary()

    def __repr__(self) -> str:
        return f"<FittedModel {self.name}, n={self.nobs}>"


class Results:
    """What :func:`fit` returns: ``main_model`` (a :class:`FittedModel`), ``estimates`` (every
    model's rows), ``headline``, ``summary()``, ``write(folder)``; ``suite`` is the
    :class:`~kbanalysis.models.SuiteResults` with everything else (``models``, ``data``,
    ``designs``, ``notes``)."""

    def __init__(self, suite):
        self.suite = suite

    @property
    def main_model(self) -> FittedModel:
        name = self.suite.main_model
        return FittedModel(name, self.suite.models[name])

    def model(self, name: str) -> FittedModel:
        return FittedModel(name, self.suite.models[name])

    @property
    def estimates(self) -> pd.DataFrame:
        return self.suite.estimates()

    @property
    def headline(self):
        return self.suite.headline()

    @property
    def notes(self) -> list[str]:
        return list(self.suite.notes)

    @property
    def simulated(self) -> bool:
        return self.suite.simulated

    def summary(self, lang: str | None = None):
        """The suite's summary in ``lang`` ("id", "en"; None: ``$KBANALYSIS_LANG``, else "id")."""
        return self.suite.summary(lang)

    def write(self, out_dir) -> tuple:
        return self.suite.write(out_dir)

    def _repr_html_(self):
        return self.suite.summary()._repr_html_()

    def __repr__(self) -> str:
        return repr(self.suite).replace("<SuiteResults", "<kbanalysis.Results", 1)


def _covariates(covariates) -> tuple[str, ...]:
    if covariates is None:
        return ()
    if isinstance(covariates, str):  # one column name, never its letters
        return tuple(c.strip() for c in covariates.split(",") if c.strip())
    if isinstance(covariates, Iterable):
        items = list(covariates)
        bad = [c for c in items if not isinstance(c, str)]
        if not bad:
            return tuple(items)
    raise FitError(msg("api.covariates", value=repr(covariates)))


def _provinces(table: pd.DataFrame, province) -> list[str]:
    from .reporting.params import ParameterError, check_province

    items = [province] if isinstance(province, (str, int)) else list(province)
    provinces = table[["province_bps", "province_name"]].drop_duplicates()
    codes = []
    for item in items:
        try:
            codes.append(check_province(item, provinces))
        except ParameterError as error:
            raise FitError(msg("api.province", item=repr(item),
                               detail=message_of(error))) from None
    return codes


def fit(data: pd.DataFrame | None = None, *, covariates=DEFAULT_COVARIATES,
        province=None, outcome: str = DEFAULT_OUTCOME, exposure: str = DEFAULT_EXPOSURE,
        weights: str | None = "auto", cluster: str = "auto", year: int | None = None,
        outcome_year: int | None = None, exposure_year: int | None = None,
        seed: int = config.SEED, draws: int = 9999, bootstrap_weights: str = "rademacher",
        province_effects: str = "auto", tidy: pd.DataFrame | None = None,
        **options) -> Results:
    """Fit the estimator suite (:func:`kbanalysis.models.fit_suite`) on ``data`` (default:
    :func:`load`) and return :class:`Results`.

    ``covariates``: one column name, a list of names, or None. ``province``: restrict to
    one province (code or name) or a list of them. ``weights``: "auto" (children 0-4, else
    population), a column, or None (OLS main model). Years: the latest outcome year, and
    every regency's latest real KBPP year 1-3 years before it (pooled, province fixed
    effects when several provinces enter). ``tidy``: the tidy table, for the province-level
    design. ``options``: further keywords of ``fit_suite`` (``sensitivity=False``,
    ``spatial_model="never"``, ...).
    """
    table = load() if data is None else data
    if not isinstance(table, pd.DataFrame):
        raise FitError(msg("api.data_type", type=type(table).__name__))
    names = _covariates(covariates)
    if province is not None:
        if "province_bps" not in table.columns:
            raise FitError(msg("api.province_column"))
        codes = _provinces(table, province)
        table = table.loc[table["province_bps"].astype(str).isin(codes)].copy()
    from .models import fit_suite
    try:
        suite = fit_suite(table, outcome=outcome, exposure=exposure, covariates=names,
                          weights=weights, cluster=cluster, year=year,
                          outcome_year=outcome_year, exposure_year=exposure_year, seed=seed,
                          bootstrap_draws=draws, bootstrap_weights=bootstrap_weights,
                          province_effects=province_effects, tidy=tidy, **options)
    except SpecificationError as error:
        message = message_of(error)  # the catalogue message, in command-line options
        if not isinstance(message, Msg):
            message = message.splitlines()[0]
        raise FitError(message) from None
    return Results(suite)
