"""The one error type of the estimation layer (kept apart so every module can raise it)."""
from __future__ import annotations


class SpecificationError(ValueError):
    """A model specification the data cannot support; the message is one line."""
