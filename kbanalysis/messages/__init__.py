"""Every word a user reads, in Bahasa Indonesia (the default) and English: one catalogue, one
number formatter, for the CLI, the notebooks, the Python API and the reports.

``CATALOGUE`` joins the problem messages (:mod:`.problems`: data commands, office files, the
CLI), the model and API errors (:mod:`.models`), the fit summary (:mod:`.summary`) and the report words (:mod:`.reports`); a key
is defined once, in one of them, with both languages (``test_messages`` checks). Two ways in:

- ``msg(key, **params)`` gives a :class:`Msg`, a ``str`` that *is* its English text and keeps
  its key and parameters, so the language is chosen where it is shown (``render(text, "id")``).
  The rejects ledger stores the English; the CLI renders the user's language.
- ``t(key, lang, **values)`` gives the text in ``lang`` at once (the reports).

A parameter may be a ``Msg`` (rendered in the same language) or a list of them (joined with
"; "). Raw values quoted from a file are passed as text and never change; numbers given as
``float`` are prose and take the language's separators through :func:`number`'s rule:
``19,8`` and ``4.512`` in Indonesian, ``19.8`` and ``4,512`` in English.
"""
from __future__ import annotations

import math
import string

import pandas as pd

from .models import MODELS
from .problems import PROBLEMS
from .reports import REPORTS
from .summary import SUMMARY

LANGS = ("id", "en")
DEFAULT_LANG = "id"  # the offices that fill the files and read the reports read Indonesian
LANG_ENV = "KBANALYSIS_LANG"  # "en" makes English the default of the CLI, notebooks and API


def _joined_catalogue(*parts: dict) -> dict[str, dict[str, str]]:
    joined: dict[str, dict[str, str]] = {}
    for part in parts:
        repeated = sorted(set(joined) & set(part))
        if repeated:
            raise KeyError(f"message keys defined twice in the catalogue: {repeated}")
        joined.update(part)
    return joined


CATALOGUE = _joined_catalogue(PROBLEMS, MODELS, SUMMARY, REPORTS)


def localized_digits(text: str, lang: str) -> str:
    """A number written the English way (``4,512.5``) with the separators of ``lang``."""
    return text.translate(_ID_SEPARATORS) if lang == "id" else text


_ID_SEPARATORS = str.maketrans(".,", ",.")


class Msg(str):
    """A catalogue message: its English text, with the key and parameters to render any
    language (``render(lang)``)."""

    key: str
    params: dict

    def __new__(cls, key: str, /, **params) -> "Msg":
        if key not in CATALOGUE:
            raise KeyError(f"no message {key!r} in kbanalysis.messages.CATALOGUE")
        self = super().__new__(cls, _format(key, params, "en"))
        self.key, self.params = key, params
        return self

    def render(self, lang: str) -> str:
        return _format(self.key, self.params, lang)

    def __reduce__(self):  # copies and pickles rebuild from the key, not the English text
        return (_rebuild, (self.key, self.params))


def _rebuild(key: str, params: dict) -> Msg:
    return Msg(key, **params)


def msg(key: str, /, **params) -> Msg:
    """The message ``key`` of ``CATALOGUE`` with ``params``."""
    return Msg(key, **params)


def joined(key: str, items: list):
    """``items`` joined pairwise by the message ``key`` ("join.or": "a or b or c")."""
    text = items[0]
    for item in items[1:]:
        text = msg(key, a=text, b=item)
    return text


def render(text, lang: str = "en") -> str:
    """``text`` in ``lang``: a ``Msg`` in that language, anything else as it is."""
    check_lang(lang)
    if isinstance(text, Msg):
        return text.render(lang)
    if isinstance(text, list) and text and all(isinstance(t, Msg) for t in text):
        return "; ".join(t.render(lang) for t in text)
    return str(text)


def field_label(name: str) -> "Msg":
    """A KBPP field named inside a sentence: ``deliveries`` in English, ``jumlah persalinan``
    in Indonesian (any other column is quoted as a column name)."""
    if f"field.{name}" in CATALOGUE:
        return msg(f"field.{name}")
    if name.startswith("kbpp_") and name != "kbpp_total":
        return msg("field.method", method=name.removeprefix("kbpp_"))
    return msg("field.column", name=name)


def default_lang() -> str:
    """``$KBANALYSIS_LANG`` when it names a language, else Indonesian."""
    import os

    value = os.environ.get(LANG_ENV, "").strip().lower()
    return value if value in LANGS else DEFAULT_LANG


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"language must be one of {', '.join(LANGS)}, not {lang!r}")
    return lang


class Number(str):
    """A prose number written the English way (``12.5``); Indonesian text writes ``12,5``."""


class _Formatter(string.Formatter):
    def __init__(self, lang: str):
        self.lang = lang

    def convert_field(self, value, conversion):
        if isinstance(value, Msg) or (isinstance(value, list) and value
                                      and all(isinstance(v, Msg) for v in value)):
            value = render(value, self.lang)
        elif callable(getattr(value, "line", None)):  # an InputError quoted inside a message
            value = value.line(self.lang)
        return super().convert_field(value, conversion)

    def format_field(self, value, format_spec):
        text = super().format_field(value, format_spec)
        if self.lang == "id" and isinstance(value, (float, Number)):
            text = localized_digits(text, self.lang)
        return text


def _format(key: str, params: dict, lang: str) -> str:
    template = CATALOGUE[key][lang]
    return _Formatter(lang).vformat(template, (), params)


def message_of(error: BaseException):
    """The message an exception was raised with: its ``Msg`` when it has one, else its text."""
    first = error.args[0] if error.args else ""
    return first if isinstance(first, Msg) else str(error)


def t(key: str, lang: str, **values) -> str:
    """The string ``key`` in ``lang``, with ``values`` filled in (they are not escaped here)."""
    try:
        template = CATALOGUE[key][lang]
    except KeyError:
        raise KeyError(f"no text {key!r} in language {lang!r}") from None
    if not values:
        return template
    if all(type(v) in (str, int) for v in values.values()):  # the common case, without the
        return template.format(**values)  # pure-Python formatter (thousands of calls a page)
    return _format(key, values, lang)


def number(value, lang: str, decimals: int = 1) -> str:
    """``value`` with the decimal and thousands separators of ``lang``; "–" when missing."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return "–"
    # round() first (same correct rounding as the format) so that -0.0004 prints 0.00, not -0.00
    text = f"{round(float(value), decimals) + 0.0:,.{decimals}f}"
    return localized_digits(text, lang)


def signed(value, lang: str, decimals: int = 1) -> str:
    """:func:`number` with a "+" before a positive value (never "+0.00"); "–" when missing."""
    if value is None or value is pd.NA or value != value:
        return "–"
    text = number(value, lang, decimals)
    return ("+" if value > 0 and text.strip("0.,") else "") + text


P_VALUE_DECIMALS = 3


def p_value(value, lang: str) -> str:
    """A p-value at 3 decimals, or "<0.001" ("<0,001") below that, rather than "0.000"."""
    text = number(value, lang, P_VALUE_DECIMALS)
    if text != "–" and float(value) < 10 ** -P_VALUE_DECIMALS:
        return "<" + number(10 ** -P_VALUE_DECIMALS, lang, P_VALUE_DECIMALS)
    return text


MONTHS = {"id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                  "September", "Oktober", "November", "Desember"),
          "en": ("January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December")}


def month_year(year_month: tuple[int, int], lang: str, short: bool = False) -> str:
    """``(2025, 9)`` as "September 2025" in the reader's language ("Sep 2025" when ``short``)."""
    year, month = year_month
    name = MONTHS[lang][month - 1]
    return f"{name[:3] if short else name} {year}"


def integer(value, lang: str) -> str:
    return number(value, lang, decimals=0)


def flag_label(flag: str, lang: str) -> str:
    """A machine flag such as ``sampling_zero`` in words; unknown flags are shown as they are."""
    if flag.startswith("latest_month_") and flag[13:].isdigit() and 1 <= int(flag[13:]) <= 12:
        return t("flag_latest_month", lang, month=MONTHS[lang][int(flag[13:]) - 1])
    key = f"flag_{flag}"
    return t(key, lang) if key in CATALOGUE else flag
