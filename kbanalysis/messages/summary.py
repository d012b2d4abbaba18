"""The catalogue's words of the fit summary: the plain-text report ``kbanalysis fit`` prints and
``SuiteResults.summary()`` returns.

Part of the one catalogue of :mod:`kbanalysis.messages`; keys start with ``summary.``.
"""
from __future__ import annotations

SUMMARY: dict[str, dict[str, str]] = {
}
