"""The rejects ledger and the error type for bad input.

Every input row a reader sees ends up either in the tidy table or here, with a
machine-readable ``reason``. A reject with a ``column`` set concerns one cell of a row whose
other cells may still be kept; one without a column drops the whole row.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

# Machine-readable reasons. Keep in step with data/SOURCES.md.
REASONS = {
    "unknown_region": "name or code matches no kabupaten/kota or province",
    "ambiguous_region": "bare name shared by a kabupaten and a kota, no context to tell them apart",
    "code_name_mismatch": "the region code and the region name point at different regions",
    "duplicate": "same region, year and indicator already kept (from this or an earlier source)",
    "out_of_range": "value outside the range the indicator allows",
    "not_a_number": "value could not be read as a number",
    "missing_value": "cell is empty",
    "zero_coded_missing": "zero that stands for a missing value",
    "implausible_value": "value contradicts the published figure or its neighbours",
    "copy_down": "identical value repeated across provinces split from one parent",
    "pseudo_unit": "geometry that is not a kabupaten/kota (lake, reservoir, forest)",
    "null_geometry": "feature without a shape",
    "bad_year": "year missing or outside the supported range",
    "inconsistent_total": ("a total or percentage disagrees with the counts it summarises "
                           "(reported, never corrected)"),
    "method_unknown": ("contraceptive method outside the KBPP vocabulary "
                       "(kondom, suntik, pil, AKDR, MOP, MOW, implan, MAL)"),
    "after_kbpp_window": "method started more than 42 days after delivery: not KBPP",
    "not_postpartum": "acceptor not flagged as postpartum (KB pasca persalinan = no)",
    "bad_date": "date missing or unreadable",
    "date_out_of_range": "date outside the supported period",
    "not_yes_no": "a yes/no field holding something other than ya/tidak, yes/no, 1/0",
    "conflicting_duplicate": ("same regency and year given with different values by two rows "
                              "or files; every version rejected"),
    "unit_mismatch": "the file's unit column disagrees with the indicator's unit",
    "not_derivable": "a derived value cannot be computed from its inputs (e.g. a zero divisor)",
    "malformed_row": "row has a different number of fields than the header",
    # Published value tables (kbanalysis.sources.published).
    "conflicting_sources": ("one region-year printed with different values by two sources; the "
                            "rule in data/SOURCES.md picks one or none, the rest is here"),
    "disagrees_official": "a printed province value that differs from the official province series",
    "aggregate_row": ("a total of a higher level (the province line of a regency table, the "
                      "national line of a province table): not a value of the table's level"),
    "unknown_indicator": "the indikator text names no indicator the project knows",
}

LEDGER_COLUMNS = ["source_id", "file", "row", "column", "reason", "detail", "value"]


class InputError(ValueError):
    """Bad input, named by file, row and column, with what was expected there."""

    def __init__(self, file, row=None, column=None, expected="", got=None):
        self.file, self.row, self.column, self.expected, self.got = (
            str(file), row, column, expected, got)
        super().__init__(self.line())

    def line(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        got = "" if self.got is None else f", got {self.got!r}"
        return f"{', '.join(where)}: expected {self.expected}{got}"


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
        self.rejects.append(Reject(source_id, Path(file).name, row, column, reason, detail,
                                   "" if value is None else str(value)))

    def extend(self, other: "Ledger") -> None:
        self.rejects.extend(other.rejects)

    def __len__(self) -> int:
        return len(self.rejects)

    def to_frame(self) -> pd.DataFrame:
        frame = pd.DataFrame([asdict(r) for r in self.rejects], columns=LEDGER_COLUMNS)
        frame["row"] = frame["row"].astype("Int64")
        return frame
