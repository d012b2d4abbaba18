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
# Plasenta", "MOW/Tubektomi", "Pil Kombinasi", "Inj. 3 bln") -- unless another word names a
# different method ("IUD/Implan": two methods, never a guess).
_METHOD_FIRST_WORD = {"kondom": "kondom", "condom": "kondom", "suntik": "suntik",
                      "suntikan": "suntik", "injeksi": "suntik", "inj": "suntik",
                      "injectable": "suntik", "pil": "pil", "pill": "pil", "akdr": "akdr",
                      "iud": "akdr", "spiral": "akdr", "mop": "mop", "vasektomi": "mop",
                      "mow": "mow", "tubektomi": "mow", "implan": "implan",
                      "implant": "implan", "susuk": "implan", "akbk": "implan", "mal": "mal",
                      "lam": "mal"}
# Words that only introduce the method ("KB Suntik 3 Bulanan", "Metode Pil").
_LEAD_WORDS = ("kb", "metode", "alat", "alkon")
# Sterilisation names the sex only with a qualifier: "steril" alone may be MOW (the mother)
# or MOP (her husband), both KBPP methods; the qualifier decides.
_STERIL_WORDS = {"steril", "sterilisasi", "kontap"}
_WOMAN_WORDS = {"wanita", "perempuan", "ibu", "istri", "female"}
_MAN_WORDS = {"pria", "laki", "suami", "male"}
# Spellings that are not one countable method, with why (``method_problem``).
_METHOD_GROUPS = {"mkjp", "non mkjp", "nonmkjp", "mjp", "hormonal", "non hormonal",
                  "kb modern", "modern", "metode modern", "kontrasepsi modern"}
# (Named traditional methods such as "Kalender" stay plain unknown methods.)
_NOT_MODERN = {"kb alami", "alami", "alamiah", "kb alamiah", "metode alami", "kb tradisional",
               "tradisional", "metode tradisional", "kb non modern", "non modern"}


def method_key(text) -> str:
    """Lower case, every run of punctuation or space one space: ``'AKDR/IUD'`` -> ``'akdr iud'``."""
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return ""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", str(text).lower()).split())


def _methods_named(words: list[str]) -> set[str]:
    """Every method a word of the spelling names (first words and whole one-word spellings)."""
    return {_METHOD_FIRST_WORD[w] for w in words if w in _METHOD_FIRST_WORD}


def _steril(words: list[str]) -> str | None:
    """"steril wanita" -> mow, "steril pria" -> mop, "Steril (MOW)" -> mow; None when
    nothing (or both sexes) says whose."""
    woman = bool(_WOMAN_WORDS & set(words)) or "mow" in _methods_named(words)
    man = bool(_MAN_WORDS & set(words)) or "mop" in _methods_named(words)
    if _methods_named(words) - {"mow", "mop"}:
        return None  # another method named beside it
    return "mow" if woman and not man else "mop" if man and not woman else None


def method_of(text) -> str | None:
    """The KBPP method a spelling stands for (``'Suntik 3 Bulan'`` -> ``'suntik'``), or None.

    Only the eight modern methods of the Profil Kesehatan table count; anything else
    (``Kalender``, ``Lainnya``, ``KB alami``, a group such as ``MKJP``, two methods such as
    ``IUD/Implan``, ``steril`` without saying whose) is outside the vocabulary and the
    caller ledgers it (:func:`method_problem` says why).
    """
    key = method_key(text)
    if key in _METHOD_SPELLINGS:
        return _METHOD_SPELLINGS[key]
    words = key.split()
    while len(words) > 1 and words[0] in _LEAD_WORDS:
        words = words[1:]
    if " ".join(words) in _METHOD_SPELLINGS:
        return _METHOD_SPELLINGS[" ".join(words)]
    if not words:
        return None
    if words[0] in _STERIL_WORDS:
        return _steril(words)
    first = _METHOD_FIRST_WORD.get(words[0])
    if first is None or _methods_named(words) - {first}:
        return None
    return first


def method_problem(text) -> str | None:
    """Why a spelling that is no method is not one: ``"method_group"`` (``MKJP``: several
    methods together), ``"method_not_modern"`` (``KB alami``), ``"method_ambiguous"`` (two
    methods named, or ``steril`` without whose), or None (unknown, or a method)."""
    key = method_key(text)
    if not key or method_of(text) is not None:
        return None
    words = key.split()
    while len(words) > 1 and words[0] in _LEAD_WORDS:
        words = words[1:]
    bare = " ".join(words)
    if key in _METHOD_GROUPS or bare in _METHOD_GROUPS:
        return "method_group"
    if key in _NOT_MODERN or bare in _NOT_MODERN:
        return "method_not_modern"
    if words[0] in _STERIL_WORDS or len(_methods_named(words)) > 1:
        return "method_ambiguous"
    return None


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


def with_row_regions(parts: KbppParts) -> KbppParts:
    """``parts`` with each kept row's regency known to its ledger (``Ledger.locate``), so
    that a problem of that row names the regency (``baris 10 (Kab. Lombok Timur)``), for
    every reader."""
    rows = parts.rows.dropna(subset=["line"])
    for line, code in zip(rows["line"], rows["bps_code"]):
        parts.ledger.locate(parts.file, int(line), code)
    return parts
