"""Row bookkeeping shared by the CSV readers: reading rows with their line numbers, years,
and making sure every data row ends up either kept or rejected whole.

Every CSV reader walks its file through :func:`read_csv_rows`, which reads it in the format
:func:`~kbanalysis.sources.text_format.sniff_text_format` detects (UTF-8 with or without a
BOM, cp1252/Latin-1; ``,``, ``;`` or tab), so each reader accepts all of them.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from ..ledger import InputError, Ledger, region_label
from ..messages import Msg, msg
from .text_format import TextFormat, sniff_text_format
from .text_format import records as text_records

YEAR_MIN, YEAR_MAX = 2000, 2035  # the years any table of this project can describe
YEAR_RULE = msg("rows.year_rule", low=YEAR_MIN, high=YEAR_MAX)


@dataclass(frozen=True)
class CsvRows:
    """A CSV file's header and its data records, each with the line it starts on."""

    path: Path
    header: list[str]
    records: list[tuple[int, list[str]]]  # (line number with header = 1, fields)
    text_format: TextFormat | None = None  # how the file was written (encoding, separator)

    def line_numbers(self) -> list[int]:
        return [line for line, _ in self.records]

    def cells(self, ledger: Ledger, source_id: str, header: list[str] | None = None):
        """Each well-formed record as ``(line, {column: text})``; a record with the wrong
        number of fields goes to the ledger as ``malformed_row`` instead."""
        header = self.header if header is None else header
        for line, fields in self.records:
            if len(fields) != len(header):
                ledger.add(source_id, self.path, line, None, "malformed_row",
                           msg("rows.fields_count", fields=len(fields), header=len(header)),
                           ",".join(fields))
                continue
            yield line, dict(zip(header, fields))


class RegionRows:
    """Which row first gave each region: a later row giving the same region again is
    ledgered ``duplicate`` (naming the first row) instead of being read twice."""

    def __init__(self, ledger: Ledger, source_id: str, path: Path, label):
        self.ledger, self.source_id, self.path, self.label = ledger, source_id, path, label
        self.first: dict[str, int] = {}  # region code -> row that claimed it

    def repeated(self, line: int, code: str, got: str) -> bool:
        """True (and the reject) when an earlier row claimed ``code``; else claims it."""
        if code in self.first:
            self.ledger.add(self.source_id, self.path, line, None, "duplicate",
                            msg("read.already_read", label=self.label(code),
                                row=self.first[code]), got)
            return True
        self.first[code] = line
        return False


def read_csv_rows(path: Path) -> CsvRows:
    """Every non-blank record, fields as text, stripped, read in the sniffed encoding and
    separator. CRLF/LF are fine. A file without data rows below its header is refused:
    every reader needs at least one row, and an empty download is a failed one.

    Line numbers are counted by the csv module, so quoted fields with line breaks do not
    shift the rows after them.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(path, expected=msg("check.existing_file"))
    text_format = sniff_text_format(path)
    try:
        with path.open(encoding=text_format.python_encoding, newline="") as handle:
            header, records, reader = None, [], None
            for start, fields, reader in text_records(handle, text_format):
                if any("\x00" in f for f in fields):
                    # NUL never occurs in text: a spreadsheet, a UTF-16 export, a binary file.
                    raise InputError(path, row=start, expected=msg("rows.text_file"),
                                     got=msg("got.binary_data"))
                if not any(f.strip() for f in fields):
                    continue  # blank line: not a row
                fields = [f.strip() for f in fields]
                if header is None:
                    header = fields
                else:
                    records.append((start, fields))
    except UnicodeDecodeError as exc:  # the sniffer read every byte; only a race gets here
        raise InputError(path, expected=msg("rows.encoding_text", encoding=text_format.encoding),
                         got=msg("got.byte", position=exc.start)) from None
    except csv.Error as exc:
        raise InputError(path, row=reader.line_num if reader else 1,
                         expected=msg("rows.valid_csv"), got=str(exc)) from None
    if header is None:
        raise InputError(path, row=1, expected=msg("rows.header_row"), got=msg("got.empty_file"))
    if not records:
        raise InputError(path, row=2, expected=msg("rows.data_rows"), got=msg("got.only_header"))
    return CsvRows(path, header, records, text_format)


def require_columns(rows: CsvRows, columns: list[str]) -> None:
    """Raise naming the first missing column (a file without them is another format)."""
    missing = [c for c in columns if c not in rows.header]
    if missing:
        raise InputError(rows.path, row=1, column=missing[0],
                         expected=msg("rows.columns", columns=", ".join(columns)),
                         got=", ".join(rows.header))


def parse_year(text) -> int:
    """A four-digit year within the supported range; ValueError otherwise."""
    s = str(text).strip()
    if s.endswith(".0"):  # spreadsheets write years as floats
        s = s[:-2]
    if not (s.isdigit() and len(s) == 4 and YEAR_MIN <= int(s) <= YEAR_MAX):
        raise ValueError(msg("rows.not_a_year", rule=YEAR_RULE, text=text))
    return int(s)


def settle_rows(ledger: Ledger, tidy: pd.DataFrame, line_numbers: list[int]) -> None:
    """Make every data row either kept or rejected whole.

    A row none of whose values survived has only cell-level rejects; its first one becomes
    the whole-row reject (the column moves into ``detail``), so the row is counted once.
    A row with neither a value nor a reject is a bug in the reader: nothing may vanish.
    """
    kept = set(tidy["source_row"].astype(int))
    whole = {r.row for r in ledger.rejects if r.column is None}
    first_cell: dict[int, int] = {}
    for i, r in enumerate(ledger.rejects):
        if r.column is not None and r.row is not None:
            first_cell.setdefault(r.row, i)
    for line in line_numbers:
        if line in kept or line in whole:
            continue
        if line not in first_cell:
            raise RuntimeError(f"row {line} was neither kept nor rejected")
        i = first_cell[line]
        cell = ledger.rejects[i]
        detail = (msg("in_column", column=cell.column, detail=cell.detail) if cell.detail
                  else msg("in_column_only", column=cell.column))
        ledger.rejects[i] = replace(cell, column=None, detail=detail)


def promoted_column(detail: str) -> str | None:
    """The cell a whole-row reject made by :func:`settle_rows` came from, or None."""
    if isinstance(detail, Msg) and detail.key in ("in_column", "in_column_only"):
        return detail.params["column"]
    found = re.match(r"column '([^']+)'", detail or "")
    return found.group(1) if found else None


def detail_after_column(detail: str) -> str:
    """A detail naming its cell (``column 'X': ...``) without the cell: what is left to say."""
    if isinstance(detail, Msg) and detail.key in ("in_column", "in_column_only"):
        return detail.params.get("detail", "")
    return re.sub(r"^column '[^']+':? ?", "", detail or "")


def reject_as_error(path: Path, reject, expected) -> InputError:
    """One ledger entry as an ``InputError`` line saying what was ``expected`` (with the
    entry's detail); a whole-row reject made from a cell names that cell again."""
    column, detail = reject.column, reject.detail
    if column is None and (cell := promoted_column(detail)):
        column, detail = cell, detail_after_column(detail)
    if detail:
        expected = msg("with_detail", expected=expected, detail=detail)
    # The row's regency, when the reader knew it: "baris 10 (Kab. Lombok Timur)".
    return InputError(path, reject.row, column, expected, got=reject.value or None,
                      region=region_label(getattr(reject, "region", None)))


def row_accounting(rows_read: int, kept: set[int], rejected: set[int]) -> dict[str, int]:
    """``{"read", "kept", "rejected"}``; raises if a row is both or neither."""
    both = kept & rejected
    if both or len(kept) + len(rejected) != rows_read:
        raise RuntimeError(f"rows do not reconcile: read {rows_read}, kept {len(kept)}, "
                           f"rejected {len(rejected)}, both {sorted(both)[:5]}")
    return {"read": rows_read, "kept": len(kept), "rejected": len(rejected)}
