"""The rejects ledger and the error type for bad input.

Every input row a reader sees ends up either in the tidy table or here, with a
machine-readable ``reason``. A reject with a ``column`` set concerns one cell of a row whose
other cells may still be kept; one without a column drops the whole row.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .messages import CATALOGUE, Msg, msg, render

# Machine-readable reasons, described in English (the committed ledger, data/SOURCES.md);
# every language's description is in kbanalysis.messages ("reason.<name>").
REASONS = {key.removeprefix("reason."): text["en"] for key, text in CATALOGUE.items()
           if key.startswith("reason.")}


def reason_text(reason: str, lang: str = "en") -> str:
    """What a ledger reason means, in ``lang``."""
    return msg(f"reason.{reason}").render(lang)


LEDGER_COLUMNS = ["source_id", "file", "row", "column", "reason", "detail", "value"]


@lru_cache(maxsize=1024)
def region_label(bps_code) -> str | None:
    """How a problem line names a regency: ``Kab. Lombok Timur``, ``Kota Mataram`` (None for
    no code or an unknown one)."""
    if bps_code is None or str(bps_code).strip() in ("", "nan", "None", "<NA>"):
        return None
    from .regions import load_regions

    regions = load_regions()
    found = regions.loc[regions["bps_code"] == str(bps_code).strip(), "name"]
    return re.sub(r"^Kabupaten ", "Kab. ", str(found.iloc[0])) if len(found) else None


class InputError(ValueError):
    """Bad input, named by file, row and column, with what was expected there.

    ``expected`` is a catalogue message (``kbanalysis.messages.msg``) and ``got`` the value
    found (quoted as it is) or a message; ``line(lang)`` gives the line in "id" or "en".
    ``region``: the regency the row is about, when known (a name as :func:`region_label`
    writes it), shown after the row: ``baris 10 (Kab. Lombok Timur), kolom ...``.
    """

    def __init__(self, file, row=None, column=None, expected="", got=None, region=None):
        # a file's name, or a message naming what is not one file ("KBPP table")
        self.file, self.row, self.column, self.expected, self.got = (
            file if isinstance(file, Msg) else str(file), row, column, expected, got)
        self.region = region or None
        super().__init__(self.line())

    def line(self, lang: str = "en") -> str:
        where = [render(self.file, lang)]
        if self.row is not None and self.region:
            where.append(msg("frame.row_region", row=self.row, region=self.region).render(lang))
        elif self.row is not None:
            where.append(msg("frame.row", row=self.row).render(lang))
        if self.column is not None:
            where.append(msg("frame.column", column=self.column).render(lang))
        got = ("" if self.got is None else  # a value found is quoted as it is; a message in lang
               msg("frame.got", got=render(self.got, lang)
                   if isinstance(self.got, Msg) else self.got).render(lang))
        return msg("frame.line", where=", ".join(where), expected=self.expected,
                   got=got).render(lang)


@dataclass
class Reject:
    source_id: str
    file: str
    row: int | None  # line number in the file, header = 1 (None for whole-file problems)
    column: str | None  # None: the whole row is rejected
    reason: str
    detail: str = ""
    value: str = ""
    # The file's path as the reader was given it (not a ledger column): two files with one
    # name are told apart by it (kbpp_import keys files by path).
    path: str = field(default="", compare=False, repr=False)
    # The regency the row is about, when the reader knows it (a BPS code): problem lines
    # name it (``region_label``). Not a ledger column either.
    region: str | None = field(default=None, compare=False)

    def __post_init__(self):
        if self.reason not in REASONS:
            raise ValueError(f"unknown ledger reason {self.reason!r}")


@dataclass
class Ledger:
    rejects: list[Reject] = field(default_factory=list)
    # (file as given, row) -> BPS code of the regency that row is about (``locate``).
    row_regions: dict = field(default_factory=dict, compare=False, repr=False)

    def add(self, source_id, file, row, column, reason, detail="", value="",
            region=None) -> None:
        if region is None and row is not None:
            region = self.row_regions.get((str(file), row))
        # A value that is a message (what a derived value means) renders in each language.
        self.rejects.append(Reject(source_id, Path(file).name, row, column, reason, detail,
                                   "" if value is None else
                                   value if isinstance(value, Msg) else str(value),
                                   path=str(file),
                                   region=None if region is None else str(region)))

    def locate(self, file, row, bps_code) -> None:
        """Row ``row`` of ``file`` is about regency ``bps_code``: its problem lines (made
        before or after) name it. A row said to be about two regencies names none."""
        if row is None or bps_code is None:
            return
        key, code = (str(file), row), str(bps_code)
        if self.row_regions.setdefault(key, code) != code:
            self.row_regions[key] = None
        for reject in self.rejects:
            if reject.row == row and reject.path == key[0] and reject.region in (None, code):
                reject.region = self.row_regions[key]

    def extend(self, other: "Ledger") -> None:
        self.rejects.extend(other.rejects)
        self.row_regions.update(other.row_regions)

    def __len__(self) -> int:
        return len(self.rejects)

    def to_frame(self) -> pd.DataFrame:
        # Details are written in English (plain text, not the message objects).
        frame = pd.DataFrame([{**asdict(r), "detail": str(r.detail), "value": str(r.value)}
                              for r in self.rejects], columns=LEDGER_COLUMNS)
        frame["row"] = frame["row"].astype("Int64")
        return frame
