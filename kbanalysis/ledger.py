"""The rejects ledger and the error type for bad input.

Every input row a reader sees ends up either in the tidy table or here, with a
machine-readable ``reason``. A reject with a ``column`` set concerns one cell of a row whose
other cells may still be kept; one without a column drops the whole row.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
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


class InputError(ValueError):
    """Bad input, named by file, row and column, with what was expected there.

    ``expected`` is a catalogue message (``kbanalysis.messages.msg``) and ``got`` the value
    found (quoted as it is) or a message; ``line(lang)`` gives the line in "id" or "en".
    """

    def __init__(self, file, row=None, column=None, expected="", got=None):
        self.file, self.row, self.column, self.expected, self.got = (
            str(file), row, column, expected, got)
        super().__init__(self.line())

    def line(self, lang: str = "en") -> str:
        where = [self.file]
        if self.row is not None:
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

    def __post_init__(self):
        if self.reason not in REASONS:
            raise ValueError(f"unknown ledger reason {self.reason!r}")


@dataclass
class Ledger:
    rejects: list[Reject] = field(default_factory=list)

    def add(self, source_id, file, row, column, reason, detail="", value="") -> None:
        # A value that is a message (what a derived value means) renders in each language.
        self.rejects.append(Reject(source_id, Path(file).name, row, column, reason, detail,
                                   "" if value is None else
                                   value if isinstance(value, Msg) else str(value)))

    def extend(self, other: "Ledger") -> None:
        self.rejects.extend(other.rejects)

    def __len__(self) -> int:
        return len(self.rejects)

    def to_frame(self) -> pd.DataFrame:
        # Details are written in English (plain text, not the message objects).
        frame = pd.DataFrame([{**asdict(r), "detail": str(r.detail), "value": str(r.value)}
                              for r in self.rejects], columns=LEDGER_COLUMNS)
        frame["row"] = frame["row"].astype("Int64")
        return frame
