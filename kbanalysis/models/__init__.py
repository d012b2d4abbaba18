"""The estimation layer: estimators run side by side on the analysis table.

Entry point: :func:`fit_suite` (see :mod:`kbanalysis.models.suite`), which returns a
:class:`SuiteResults` with a tidy comparison table, ``summary()`` (a :class:`SuiteSummary`:
text, HTML, tables), ``designs`` (change, other exposures, province level; see
:mod:`.designs`) and ``write(out_dir)`` (files declared by :mod:`kbanalysis.results_contract`).
Bad specifications raise :class:`SpecificationError` with a one-line message. The
cross-section joins the outcome year with an earlier exposure year (:mod:`.timing`); the
minimum detectable effect of the design is in :mod:`.power`.
"""
from .designs import DesignResult
from .errors import SpecificationError
from .output import write_results
from .power import DesignPower, minimum_detectable_effect
from .report import SuiteSummary
from .spec import (
                   DEFAULT_COVARIATES,
                   DEFAULT_EXPOSURE,
                   DEFAULT_OUTCOME,
                   DEFAULT_WEIGHTS,
                   Spec,
                   prepare,
                   prepare_aligned,
)
from .suite import SuiteResults, fit_suite

__all__ = ["DEFAULT_COVARIATES", "DEFAULT_EXPOSURE", "DEFAULT_OUTCOME", "DEFAULT_WEIGHTS",
           "DesignPower", "DesignResult", "Spec", "SpecificationError", "SuiteResults",
           "SuiteSummary", "fit_suite", "minimum_detectable_effect", "prepare",
           "prepare_aligned", "write_results"]
