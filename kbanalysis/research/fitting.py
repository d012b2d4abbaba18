"""The model notebook's parameters turned into one checked call of ``fit_suite``.

``notebooks/2.01-model.ipynb`` takes its specification as papermill parameters (strings from
``papermill -p``, or Python values from JupyterLab). :func:`model_request` checks them all
before anything is fitted and stops at the first bad one with a :class:`ParameterError`
naming the parameter, what it got and what is expected; :func:`fit` runs the suite and
reports a specification the data cannot support (no real exposure in a year, too few rows)
the same way.

Data: ``simulated=False`` is the committed real table (``data/processed/``);
``simulated=True`` the labelled demonstration (real regions and surveys, a SIMULATED KBPP
layer) built into a temporary folder from the raw files; ``simulated="synthetic"`` the fully
SIMULATED world of :mod:`kbanalysis.simulate.synthetic`, which needs no raw files.
"""
from __future__ import annotations

import inspect
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import config
from ..messages import default_lang, msg
from ..models import (
    DEFAULT_COVARIATES,
    DEFAULT_EXPOSURE,
    DEFAULT_OUTCOME,
    SpecificationError,
)
from ..reporting.params import ParameterError, check_injected, check_province

REAL, DEMONSTRATION, SYNTHETIC = "real", "simulated demonstration", "synthetic"
MIN_DRAWS = 999  # fit_suite's own floor for the wild bootstrap
def _said(key: str, **params) -> str:
    """A parameter problem in the reader's language (``$KBANALYSIS_LANG``, else Indonesian)."""
    return msg(key, **params).render(default_lang())


DATA_WORDS = {REAL: "fitparam.data_real", DEMONSTRATION: "fitparam.data_demonstration",
              SYNTHETIC: "fitparam.data_synthetic"}
_FALSE = {"false", "no", "0", "real", ""}
_TRUE = {"true", "yes", "1", "simulated", "demonstration"}


@dataclass
class ModelRequest:
    """The table a notebook fits on and the keyword arguments of ``fit_suite``."""

    table: pd.DataFrame
    arguments: dict
    data: str  # REAL, DEMONSTRATION or SYNTHETIC
    provinces: list[str]  # the province subset ([] = every province of the table)
    source: str = ""  # where a real table came from, when not data/processed/
    tidy: pd.DataFrame | None = None  # province values for the province-level design

    @property
    def simulated(self) -> bool:
        return self.data != REAL

    def describe(self) -> str:
        if self.source:
            where = self.source
        else:
            where = {REAL: "real data (data/processed/)",
                     DEMONSTRATION: "SIMULATED demonstration (real regions and surveys, "
                                    "simulated KBPP layer)",
                     SYNTHETIC: "SIMULATED synthetic world (every value simulated)"}[self.data]
        subset = f"; provinces {', '.join(self.provinces)}" if self.provinces else ""
        return where + subset


def parse_data(simulated) -> str:
    """``simulated``: False (real), True (the demonstration) or "synthetic"."""
    if isinstance(simulated, bool):
        return DEMONSTRATION if simulated else REAL
    text = "" if simulated is None else str(simulated).strip().lower()
    if text in _FALSE:
        return REAL
    if text in _TRUE:
        return DEMONSTRATION
    if text == SYNTHETIC:
        return SYNTHETIC
    raise ParameterError(_said("fitparam.simulated", value=repr(simulated)))


def parse_year(value, name: str) -> int | None:
    """A year parameter: None or '' for the default, else a four-digit year."""
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", "none")):
        return None
    text = str(value).strip()
    if isinstance(value, bool) or not re.fullmatch(r"\d{4}", text):
        raise ParameterError(_said("fitparam.year", name=name, value=repr(value)))
    return int(text)


def parse_count(value, name: str, minimum: int) -> int | None:
    """A whole-number parameter of at least ``minimum``; None or '' for the default."""
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", "none")):
        return None
    text = str(value).strip()
    if isinstance(value, bool) or not re.fullmatch(r"\d+", text) or int(text) < minimum:
        raise ParameterError(_said("fitparam.count", name=name, value=repr(value), minimum=minimum))
    return int(text)


def parse_columns(value, name: str, default=()) -> tuple[str, ...]:
    """Column names as a list or one comma-separated string; '' means none, None the
    default."""
    if value is None:
        return tuple(default)
    if isinstance(value, str):
        parts = value.split(",")
    elif isinstance(value, (list, tuple)):
        parts = [str(v) for v in value]
    else:
        raise ParameterError(_said("fitparam.columns", name=name, value=repr(value)))
    return tuple(p.strip() for p in parts if p.strip())


def parse_codes(value) -> list[str]:
    """Codes or names as a list or one string separated by commas (a name may hold spaces);
    None or '' for all."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        parts = [str(v) for v in value]
    else:
        parts = str(value).split(",")
    return [p.strip() for p in parts if p.strip() and p.strip().lower() != "all"]


def check_column(table: pd.DataFrame, column: str, name: str) -> None:
    if column not in table.columns:
        import difflib
        near = difflib.get_close_matches(column, [str(c) for c in table.columns], n=1)
        raise ParameterError(_said("fitparam.no_column", name=name, column=repr(column),
                                 hint=msg("param.did_you_mean", name=near[0]) if near else ""),
                             near)


def load_table(data: str, processed_dir=None, raw_dir=None,
               seed: int = config.SEED) -> pd.DataFrame:
    """The analysis table of ``data`` (see the module docstring)."""
    from .. import dataset

    if data == SYNTHETIC:
        from ..simulate.synthetic import synthetic_table
        return synthetic_table(seed=seed)
    if data == DEMONSTRATION:
        raw = Path(raw_dir) if raw_dir else config.default_raw_dir()
        if raw is None or not raw.is_dir():
            raise ParameterError(_said("fitparam.no_raw", env=config.RAW_DIR_ENV))
        with tempfile.TemporaryDirectory(prefix="kbanalysis-demo-") as tmp:
            dataset.build(raw, Path(tmp), simulate=True, seed=seed)
            return dataset.load_analysis(Path(tmp) / config.ANALYSIS_CSV.name)
    processed = Path(processed_dir) if processed_dir else config.PROCESSED_DIR
    path = processed / config.ANALYSIS_CSV.name
    if not path.is_file():
        raise ParameterError(_said("fitparam.no_table", file=config.ANALYSIS_CSV.name,
                                 folder=processed.name))
    return dataset.load_analysis(path)


def province_subset(table: pd.DataFrame, value) -> tuple[pd.DataFrame, list[str]]:
    """The rows of the provinces named by ``value`` (codes or names; None: all)."""
    wanted = parse_codes(value)
    if not wanted:
        return table, []
    provinces = (table[["province_bps", "province_name"]].drop_duplicates("province_bps")
                 .astype(str))
    try:
        codes = sorted({check_province(code, provinces) for code in wanted})
    except ParameterError as error:
        raise ParameterError(_said("fitparam.named", name="province", value=repr(value),
                                 detail=error.args[0]), error.candidates) from None
    return table.loc[table["province_bps"].astype(str).isin(codes)].copy(), codes


def model_request(*, outcome=DEFAULT_OUTCOME, outcome_year=None, exposure=DEFAULT_EXPOSURE,
                  exposure_year=None, lag=None, covariates=None, weights="auto",
                  cluster="auto", province=None, simulated=False, draws=9999,
                  seed=config.SEED, processed_dir=None, raw_dir=None) -> ModelRequest:
    """Check the notebook's parameters and load the table they ask for.

    ``exposure_year`` and ``lag`` (years between exposure and outcome) are alternatives;
    ``covariates=None`` keeps the default adjustment set and ``""`` fits none; ``province``
    restricts the table to some provinces (codes or names, comma-separated). Run by
    papermill, a parameter name it does not take stops here (``check_injected``).
    """
    check_injected(inspect.signature(model_request).parameters)
    data = parse_data(simulated)
    outcome_year = parse_year(outcome_year, "outcome_year")
    exposure_year = parse_year(exposure_year, "exposure_year")
    lag = parse_count(lag, "lag", 0)
    draws = parse_count(draws, "draws", MIN_DRAWS) or 9999
    seed = parse_count(seed, "seed", 0)
    seed = config.SEED if seed is None else seed
    if lag is not None and exposure_year is not None:
        raise ParameterError(_said("fitparam.year_and_lag", exposure_year=exposure_year, lag=lag))
    covariates = parse_columns(covariates, "covariates", DEFAULT_COVARIATES)
    weights = None if weights is None or str(weights).strip().lower() in ("", "none") \
        else str(weights).strip()
    cluster = str(cluster).strip() if cluster is not None else "auto"

    table = load_table(data, processed_dir, raw_dir, seed)
    for column, name in ((outcome, "outcome"), (exposure, "exposure"),
                         *((c, "covariates") for c in covariates)):
        check_column(table, column, name)
    if weights not in (None, "auto"):
        check_column(table, weights, "weights")
    if cluster not in ("auto", "province", "regency"):
        check_column(table, cluster, "cluster")
    table, provinces = province_subset(table, province)
    if data == SYNTHETIC and lag is None and exposure_year is None:
        lag = int(table.attrs.get("lag", 0))  # the world's own lag, passed explicitly
    if lag is not None:
        from ..models.timing import outcome_year as resolve_outcome_year
        try:
            year = resolve_outcome_year(table, outcome, outcome_year)
        except SpecificationError as error:
            raise ParameterError(_said("fitparam.named", name="outcome_year", value=str(outcome_year),
                                     detail=error.message)) from None
        outcome_year, exposure_year = year, year - lag
    arguments = {"outcome": outcome, "exposure": exposure, "covariates": covariates,
                 "weights": weights, "cluster": cluster, "outcome_year": outcome_year,
                 "exposure_year": exposure_year, "bootstrap_draws": draws, "seed": seed}
    return ModelRequest(table=table, arguments=arguments, data=data, provinces=provinces,
                        tidy=load_province_values(data, processed_dir) if not provinces
                        else None)


def load_province_values(data: str, processed_dir=None) -> pd.DataFrame | None:
    """The committed tidy table (for the province-level design) on real data; None for a
    simulated world or when it is absent (the design is then simply not shown)."""
    from .. import dataset

    path = (Path(processed_dir) if processed_dir else config.PROCESSED_DIR) / \
        config.TIDY_CSV.name
    return dataset.load_tidy(path) if data == REAL and path.is_file() else None


# The suite's messages name command-line options; a notebook reader sets parameters.
CLI_TO_PARAMETER = {"--exposure-year": "exposure_year", "--outcome-year": "outcome_year",
                    "--cluster": "cluster", "--weights": "weights",
                    "--covariates": "covariates", "`--simulate` data": "simulated=True",
                    "pass --allow-rejects": "set allow_rejects=True",
                    "tambahkan --allow-rejects": "pakai allow_rejects=True",
                    "--sheet": "sheet", "--code-system": "code_system"}


def as_parameters(message: str) -> str:
    for option, parameter in CLI_TO_PARAMETER.items():
        message = message.replace(option, parameter)
    return message


def fit(request: ModelRequest):
    """Fit the suite of ``request``; a specification the data cannot support is a
    ParameterError with the suite's one-line reason."""
    from ..api import FitError
    from ..api import fit as fit_api  # the one entry point of the CLI, notebooks and Python

    arguments = dict(request.arguments)
    draws = arguments.pop("bootstrap_draws", 9999)
    try:
        return fit_api(request.table, draws=draws, **arguments, tidy=request.tidy).suite
    except FitError as error:
        lang = default_lang()
        subset = (msg("fitparam.provinces", codes=", ".join(request.provinces)) if request.provinces
                  else "")
        reason = msg("fitparam.cannot_fit", data=msg(DATA_WORDS[request.data]), subset=subset,
                     detail=error.cli_message)
        raise ParameterError(as_parameters(reason.render(lang))) from None
