"""Reader for the region code lists: BPS-Kemendagri bridging (2020) and Kemendagri 2025."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..ledger import InputError

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


def read_code_lists(raw_dir: Path) -> dict[str, pd.DataFrame]:
    """All four lists, as strings (codes keep their leading zeros and dots)."""
    out = {}
    for key, (rel, columns) in FILES.items():
        path = Path(raw_dir) / rel
        if not path.is_file():
            raise InputError(path, expected="the region code list (file not found)")
        frame = pd.read_csv(path, dtype=str, keep_default_na=False).apply(lambda c: c.str.strip())
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            raise InputError(path, row=1, column=missing[0], expected=f"columns {columns}",
                             got=list(frame.columns))
        for i, value in enumerate(frame[columns[0]], start=2):
            if not value.replace(".", "").isdigit():
                raise InputError(path, row=i, column=columns[0], expected="a numeric region code",
                                 got=value)
        out[key] = frame[columns]
    return out
