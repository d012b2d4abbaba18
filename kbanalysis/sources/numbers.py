"""How numbers are written in Indonesian tables and how a cell's text becomes a number.

Two conventions meet in the files offices send: Indonesian (``.`` groups thousands, ``,`` is
the decimal mark: ``42.000`` is forty-two thousand, ``91,3`` a share) and English (the other
way round: ``12,000``, ``6.07``). One cell alone often cannot tell them apart (``2.000``), so a
column of counts is read with ONE convention for all its cells, decided from all of them
(:func:`count_convention`); a column whose cells contradict each other is refused
(:class:`ConventionError`), never guessed. Shares (percentages) never need a thousands mark,
so a lone mark in a share is its decimal mark (``parse_number(..., "auto")``).
"""
from __future__ import annotations

import math
import re

import pandas as pd

# A share may carry its sign: "91,3%", "50,0 %".
_PERCENT_SIGN = re.compile(r"\s*%\s*$")
# A plain number: digits with at most one decimal mark of either kind.
_PLAIN = re.compile(r"[-+]?(\d+([.,]\d*)?|[.,]\d+)")


def parse_number(text, style: str = "auto", *, percent: bool = False) -> float | None:
    """A number as written in Indonesian tables; None when the cell is empty.

    ``style="id"``: dots group thousands, the comma is the decimal mark (``1.234,5``), as in
    Profil Kesehatan tables. ``"en"``: the other way round. ``"auto"`` (shares in open-data
    CSVs that mix both, e.g. ``"1,91"`` next to ``6.07``): a lone comma or dot is the decimal
    mark, several equal marks group thousands -- never use it for counts, whose convention
    :func:`count_convention` decides per column. ``percent=True`` accepts a trailing ``%``
    (a share's cell). A dash is zero (Profil Kesehatan writes zero as ``-``).
    Raises ValueError when the text is not a finite number (``NaN``, ``inf``, ``1e5`` too).
    """
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return None
    if isinstance(text, bool):
        raise ValueError(f"not a number: {text!r}")
    if isinstance(text, (int, float)):
        if not math.isfinite(text):
            raise ValueError(f"not a number: {text!r}")
        return float(text)
    s = str(text).strip().replace("\u00a0", "").replace(" ", "")
    if percent:
        s = _PERCENT_SIGN.sub("", s)
    if s == "":
        return None
    if s in {"-", "\u2013", "\u2014"}:
        return 0.0
    if style == "auto":
        if s.count(",") > 1 or (s.count(".") and s.count(",") and s.rfind(",") < s.rfind(".")):
            style = "en"
        elif s.count(".") > 1 or (s.count(".") and s.count(",")):
            style = "id"
        else:
            if not _PLAIN.fullmatch(s):
                raise ValueError(f"not a number: {text!r}")
            return float(s.replace(",", "."))
    thousands, decimal = (".", ",") if style == "id" else (",", ".")
    if not re.fullmatch(rf"-?\d{{1,3}}(\{thousands}\d{{3}})*(\{decimal}\d+)?|-?\d+(\{decimal}\d+)?", s):
        raise ValueError(f"not a number: {text!r}")
    return float(s.replace(thousands, "").replace(decimal, "."))


class ConventionError(ValueError):
    """A count column whose cells use both conventions; ``examples`` holds one cell of each
    as ``(index, text)`` (the index of the cell in the values given)."""

    def __init__(self, examples: list[tuple[int, str]]):
        self.examples = examples
        super().__init__("count column mixes number conventions: "
                         + ", ".join(text for _, text in examples))


def cell_convention(text) -> str | None:
    """What one cell of a COUNT column says about its convention: ``"id"``, ``"en"`` or None.

    Both marks: the last one is the decimal mark. Several equal marks: they group thousands.
    One mark between 1-3 digits and exactly three digits (``42.000``, ``3,000``): it groups
    thousands (a count written with three decimal zeros is not how anyone types a count).
    Any other single mark (``12.5``, ``1,91``) is a decimal mark.
    """
    if text is None or not isinstance(text, str):
        return None
    s = _PERCENT_SIGN.sub("", text.strip().replace("\u00a0", "").replace(" ", "")).lstrip("+-")
    dots, commas = s.count("."), s.count(",")
    if not (dots or commas):
        return None
    if dots and commas:
        return "id" if s.rfind(",") > s.rfind(".") else "en"
    if dots > 1:
        return "id"
    if commas > 1:
        return "en"
    mark = "." if dots else ","
    grouped = re.fullmatch(rf"\d{{1,3}}\{mark}\d{{3}}", s) is not None
    if mark == ".":
        return "id" if grouped else "en"
    return "en" if grouped else "id"


def count_convention(values) -> str:
    """The one convention of a column of counts: ``"id"``, ``"en"``, or ``"plain"`` when no
    cell has a mark. Raises :class:`ConventionError` naming a cell of each convention when
    the cells contradict each other (``42.000`` beside ``12,000``)."""
    first: dict[str, tuple[int, str]] = {}
    for i, value in enumerate(values):
        found = cell_convention(value)
        if found is not None:
            first.setdefault(found, (i, str(value)))
    if len(first) > 1:
        raise ConventionError([first["id"], first["en"]])
    return next(iter(first), "plain")


def parse_count(text, convention: str) -> float | None:
    """A count's cell read in its column's ``convention`` (from :func:`count_convention`)."""
    return parse_number(text, "en" if convention == "plain" else convention)


def column_convention(path, column: str, cells) -> str:
    """:func:`count_convention` of a count column given as ``(line, text)`` pairs; a column
    that mixes both conventions is refused: an ``InputError`` naming the file, the column
    and one cell of each convention with its line. Offered to every reader of counts."""
    from ..ledger import InputError
    from ..messages import msg

    cells = list(cells)
    try:
        return count_convention([text for _, text in cells])
    except ConventionError as error:
        (i, first), (j, second) = error.examples
        raise InputError(path, column=column, expected=msg("num.one_convention"),
                         got=msg("num.both_conventions", first=first, first_row=cells[i][0],
                                 second=second, second_row=cells[j][0])) from None
