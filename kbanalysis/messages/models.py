"""The catalogue's model and Python-API errors: what the estimation layer says when a
specification cannot be fitted.

Part of the one catalogue of :mod:`kbanalysis.messages`; keys start with ``model.`` or ``api.``.
Options are written ``{opt_…}`` parameters so the same message names a command-line option in
the CLI and a function argument in Python (see :mod:`kbanalysis.api`).
"""
from __future__ import annotations

MODELS: dict[str, dict[str, str]] = {
}
