"""The pieces every KBPP reader shares: the contraceptive-method vocabulary, how a count is
written in a message, and ``KbppParts``, what one file gives before files are combined.

Readers (``profil_kesehatan``, ``registers``, ``published``, the open-data reader in
``kbpp_import``) import this module; ``kbpp_import`` dispatches to the readers and combines
their parts. Nothing here imports a reader, so there is no cycle.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..kbpp_schema import METHOD_COLUMNS
from ..ledger import Ledger
from ..messages import Number

# The fields one source row can give for a regency and year. Coverage is always derived
# (total / deliveries); the total is the sum of the methods when they are given.
FIELDS = ["deliveries", *METHOD_COLUMNS, "kbpp_total"]

# --------------------------------------------------------------------------------------
# The contraceptive-method vocabulary shared by all readers

METHOD_LABELS = {"kondom": "Kondom", "suntik": "Suntik", "pil": "Pil", "akdr": "AKDR",
                 "mop": "MOP", "mow": "MOW", "implan": "Implan", "mal": "MAL"}

# Whole spellings met in registers and tables (after ``method_key``) -> method.
_METHOD_SPELLINGS = {
    "kondom": "kondom", "condom": "kondom",
    "suntik": "suntik", "suntikan": "suntik", "injeksi": "suntik", "injectable": "suntik",
    "kb suntik": "suntik",
    "pil": "pil", "pil kb": "pil", "pill": "pil", "kb pil": "pil",
    "akdr": "akdr", "iud": "akdr", "spiral": "akdr", "alat kontrasepsi dalam rahim": "akdr",
    "mop": "mop", "vasektomi": "mop", "metode operasi pria": "mop",
    "mow": "mow", "tubektomi": "mow", "metode operasi wanita": "mow",
    "implan": "implan", "implant": "implan", "susuk": "implan", "akbk": "implan",
    "alat kontrasepsi bawah kulit": "implan",
    "mal": "mal", "lam": "mal", "metode amenore laktasi": "mal",
    "metode amenorea laktasi": "mal",
}
# A first word that settles the method whatever follows ("Suntik 3 Bulan", "IUD Post
# Plasenta", "MOW/Tubektomi", "Pil Kombinasi").
_METHOD_FIRST_WORD = {"kondom": "kondom", "suntik": "suntik", "suntikan": "suntik",
                      "injeksi": "suntik", "pil": "pil", "akdr": "akdr", "iud": "akdr",
                      "mop": "mop", "vasektomi": "mop", "mow": "mow", "tubektomi": "mow",
                      "implan": "implan", "implant": "implan", "mal": "mal"}


def method_key(text) -> str:
    """Lower case, every run of punctuation or space one space: ``'AKDR/IUD'`` -> ``'akdr iud'``."""
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return ""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", str(text).lower()).split())


def method_of(text) -> str | None:
    """The KBPP method a spelling stands for (``'Suntik 3 Bulan'`` -> ``'suntik'``), or None.

    Only the eight modern methods of the Profil Kesehatan table count; anything else
    (``Kalender``, ``Lainnya``) is outside the vocabulary and the caller ledgers it.
    """
    key = method_key(text)
    if key in _METHOD_SPELLINGS:
        return _METHOD_SPELLINGS[key]
    first = key.split(" ", 1)[0]
    return _METHOD_FIRST_WORD.get(first)


def number_text(value) -> Number:
    """A count as people read it in messages: ``1086840``, ``12.5`` (never ``1.08e+06``;
    Indonesian messages write ``12,5``)."""
    value = float(value)
    return Number(str(int(value)) if value.is_integer() else f"{value:.4f}".rstrip("0"))


@dataclass
class KbppParts:
    """What one file gives before files are combined: one row per source row, with the
    fields it gives (NaN where it gives none), its line and its file."""

    file: Path
    format: str
    rows: pd.DataFrame  # bps_code, year, deliveries, kbpp_<method>..., line
    ledger: Ledger = field(default_factory=Ledger)
    extras: dict = field(default_factory=dict)  # reader-specific results (e.g. monthly)


def parts_frame(records: list[dict]) -> pd.DataFrame:
    """Source rows as a parts frame (the columns of ``KbppParts.rows``, in order)."""
    columns = ["bps_code", "year", *FIELDS, "line"]
    frame = pd.DataFrame(records, columns=columns)
    return frame.astype({"bps_code": "str", "year": "int64", **{f: "float64" for f in FIELDS},
                         "line": "Int64"})
