"""Reader for the region code lists: BPS-Kemendagri bridging (2020) and Kemendagri 2025."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..ledger import InputError, Ledger
from ..messages import msg
from .base import SourceResult
from .rows import read_csv_rows, require_columns

FILES = {
    "bridge": ("kode_wilayah/bps_kemendagri_kabkota_2020__zakiego.csv",
               ["kode_bps", "nama_bps", "kode_dagri", "nama_dagri"]),
    "provinces_bridge": ("kode_wilayah/bps_kemendagri_provinsi_2020__zakiego.csv",
                         ["kode_bps", "nama_bps", "kode_dagri", "nama_dagri"]),
    "regencies_2025": ("kode_wilayah/kemendagri_regencies_2025__fityannugroho.csv",
                       ["code", "province_code", "name"]),
    "provinces_2025": ("kode_wilayah/kemendagri_provinces_2025__fityannugroho.csv",
                       ["code", "name"]),
}


def check_code_list(path: Path, columns: list[str], source_id: str = "kode_wilayah") -> SourceResult:
    """Every row of a code list: a numeric code (dots allowed), given once, with a name.

    ``columns``: the list's columns, code first; the name column is the first with "nam" in
    it (``nama_bps``, ``name``). The result's tidy frame
    holds only ``source_row`` of the rows that pass: code lists build the region table, not
    tidy values.
    """
    path = Path(path)
    rows = read_csv_rows(path)
    require_columns(rows, columns)
    code_column = columns[0]
    name_column = next(c for c in columns if "nam" in c)
    ledger, kept, seen = Ledger(), [], {}
    for line, cell in rows.cells(ledger, source_id):
        code, name = cell[code_column], cell[name_column]
        if not code.replace(".", "").isdigit():
            ledger.add(source_id, path, line, code_column, "not_a_number",
                       msg("codes.numeric_code"), code)
        elif code in seen:
            ledger.add(source_id, path, line, code_column, "duplicate",
                       msg("codes.already_on_row", row=seen[code]), code)
        elif not name:
            ledger.add(source_id, path, line, name_column, "missing_value",
                       msg("codes.region_name"))
        else:
            seen[code] = line
            kept.append(line)
    return SourceResult(source_id, path, len(rows.records), pd.DataFrame({"source_row": kept}),
                        ledger)


def read_code_lists(raw_dir: Path) -> dict[str, pd.DataFrame]:
    """All four lists, as strings (codes keep their leading zeros and dots).

    A list with any bad row stops the build: every region code downstream depends on it.
    """
    out = {}
    for key, (rel, columns) in FILES.items():
        path = Path(raw_dir) / rel
        if not path.is_file():
            raise InputError(path, expected=msg("codes.list_not_found"))
        checked = check_code_list(path, columns)
        if checked.ledger.rejects:
            bad = checked.ledger.rejects[0]
            reason = msg(f"reason.{bad.reason}")
            raise InputError(path, bad.row, bad.column,
                             msg("codes.bad_row", detail=bad.detail or reason, reason=reason),
                             got=bad.value or None)
        frame = pd.read_csv(path, dtype=str, keep_default_na=False).apply(lambda c: c.str.strip())
        out[key] = frame[columns]
    return out
