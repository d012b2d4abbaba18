"""What every reader returns, and the parsing helpers they share."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..indicators import TIDY_COLUMNS, get
from ..ledger import Ledger
from ..messages import msg


@dataclass
class SourceResult:
    """Tidy rows from one file, its rejects, and how many data rows the file had."""

    source_id: str
    file: Path
    rows_read: int
    tidy: pd.DataFrame
    ledger: Ledger = field(default_factory=Ledger)

    def kept_rows(self) -> set[int]:
        return set(self.tidy["source_row"].astype(int))

    def rejected_rows(self) -> set[int]:
        """Rows rejected whole (a reject without a column)."""
        return {r.row for r in self.ledger.rejects if r.column is None and r.row is not None}


class TidyBuilder:
    """Collects tidy rows while a reader walks its file, checking each value's range."""

    def __init__(self, source_id: str, file: Path, ledger: Ledger):
        self.source_id, self.file, self.ledger, self.rows = source_id, Path(file), ledger, []

    def add(self, row: int, column: str, region_code: str, level: str, year: int,
            indicator: str, value, flags: str = "", measure_type: str | None = None,
            source_ref: str = "") -> bool:
        """Keep ``value`` (already a float or None) or send it to the ledger. True if kept."""
        spec = get(indicator)
        if value is None or pd.isna(value):
            self.ledger.add(self.source_id, self.file, row, column, "missing_value")
            return False
        if not spec.low <= value <= spec.high:
            self.ledger.add(self.source_id, self.file, row, column, "out_of_range",
                            msg("base.must_lie_in", indicator=indicator, low=spec.low,
                                high=spec.high), value)
            return False
        self.rows.append({
            "region_code": region_code, "level": level, "year": int(year),
            "indicator": indicator, "value": float(value), "unit": spec.unit,
            "measure_type": measure_type or spec.measure_type, "source_id": self.source_id,
            "source_row": row, "flags": flags, "source_ref": source_ref})
        return True

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.rows, columns=TIDY_COLUMNS)
