"""The one error type of the estimation layer (kept apart so every module can raise it)."""
from __future__ import annotations

from ..messages import default_lang, render


class SpecificationError(ValueError):
    """A model specification the data cannot support; the message is one line.

    ``message`` is the catalogue message it was raised with (a :class:`~kbanalysis.messages.Msg`,
    whose ``str`` is the English text) or a plain text; ``str(error)`` is the message in the
    default language (``$KBANALYSIS_LANG``, Indonesian unless set), ``render(lang)`` in any.
    """

    def __init__(self, message: str = "", *args):
        super().__init__(message, *args)
        self.message = message

    def render(self, lang: str) -> str:
        return render(self.message, lang)

    def __str__(self) -> str:
        return self.render(default_lang())
