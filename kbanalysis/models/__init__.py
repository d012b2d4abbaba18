"""The estimation layer: estimators run side by side on the analysis table.

Entry point: :func:`fit_suite` (see :mod:`kbanalysis.models.suite`), which returns a
:class:`SuiteResults` with a tidy comparison table, ``summary()`` and ``write(out_dir)``.
Bad specifications raise :class:`SpecificationError` with a one-line message.
"""
from .spec import (DEFAULT_COVARIATES, DEFAULT_EXPOSURE, DEFAULT_OUTCOME, DEFAULT_WEIGHTS,
                   Spec, SpecificationError, prepare)
from .suite import SuiteResults, fit_suite
from .output import write_results

__all__ = ["DEFAULT_COVARIATES", "DEFAULT_EXPOSURE", "DEFAULT_OUTCOME", "DEFAULT_WEIGHTS",
           "Spec", "SpecificationError", "SuiteResults", "fit_suite", "prepare",
           "write_results"]
