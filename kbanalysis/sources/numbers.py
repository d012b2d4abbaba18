"""How numbers are written in Indonesian tables and how a cell's text becomes a number."""
from __future__ import annotations

import re

import pandas as pd


def parse_number(text, style: str = "auto") -> float | None:
    """A number as written in Indonesian tables; None when the cell is empty.

    ``style="id"``: dots group thousands, the comma is the decimal mark (``1.234,5``), as in
    Profil Kesehatan tables. ``"en"``: the other way round. ``"auto"`` (open-data CSVs that mix
    both, e.g. ``"1,91"`` next to ``6.07``): a lone comma or dot is the decimal mark, several
    equal marks group thousands. A dash is zero (Profil Kesehatan writes zero as ``-``).
    Raises ValueError when the text is not a number.
    """
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return None
    if isinstance(text, (int, float)):
        return float(text)
    s = str(text).strip().replace("\u00a0", "").replace(" ", "")
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
            return float(s.replace(",", "."))
    thousands, decimal = (".", ",") if style == "id" else (",", ".")
    if not re.fullmatch(rf"-?\d{{1,3}}(\{thousands}\d{{3}})*(\{decimal}\d+)?|-?\d+(\{decimal}\d+)?", s):
        raise ValueError(f"not a number: {text!r}")
    return float(s.replace(thousands, "").replace(decimal, "."))
