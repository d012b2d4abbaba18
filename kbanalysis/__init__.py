"""kbanalysis: postpartum family planning (KBPP) and child stunting across Indonesia's regencies.

From Python (see :mod:`kbanalysis.api`)::

    import kbanalysis as kb
    data = kb.load()
    res = kb.fit(data, covariates="poverty_pct", province="Jawa Tengah")
"""

__version__ = "0.1.0"

_API = ("load", "fit", "Results", "FittedModel", "FitError")


def __getattr__(name):
    # Imported on first use: the command line starts without pandas and the models.
    if name in _API:
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module 'kbanalysis' has no attribute {name!r}")


def __dir__():
    return sorted([*globals(), *_API])
