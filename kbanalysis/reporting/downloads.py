"""Tables of a report as CSV downloads that work offline.

The CSV is embedded in the page as a ``data:`` URI on an ``<a download>`` link, so nothing is
written beside the page and nothing is fetched from a network. Numbers are written at fixed
decimals so the same results give the same bytes on every machine.
"""
from __future__ import annotations

import base64
import re

import pandas as pd

from .blocks import Block, esc

MIME = "text/csv;charset=utf-8"


def csv_text(frame: pd.DataFrame, decimals: dict[str, int] | None = None) -> str:
    """``frame`` as CSV (comma, ``.`` decimals, LF line ends, UTF-8), floats rounded per
    column by ``decimals`` (default 6 significant digits)."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]):
            places = (decimals or {}).get(column)
            out[column] = [("" if pd.isna(v) else (f"{v:.{places}f}" if places is not None else f"{v:.6g}"))
                           for v in out[column]]
    return out.to_csv(index=False, lineterminator="\n")


def data_uri(text: str) -> str:
    return f"data:{MIME};base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")


def safe_filename(name: str) -> str:
    """A file name of letters, digits, ``-``, ``_`` and ``.`` only."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "table.csv"


def csv_link(frame: pd.DataFrame, filename: str, label: str,
             decimals: dict[str, int] | None = None) -> Block:
    """A "download CSV" link holding ``frame``."""
    name = safe_filename(filename)
    text = csv_text(frame, decimals)
    markup = (f'<p class="download"><a download="{esc(name)}" href="{data_uri(text)}">'
              f"{esc(label)}</a> <span class=\"caption\">({esc(name)}, CSV)</span></p>")
    return Block(markup, f"[{label}: {name}, {len(frame)} rows]")


def decode_link(markup: str) -> tuple[str, str]:
    """The file name and CSV text of the first download link in ``markup`` (for checks)."""
    match = re.search(r'<a download="([^"]+)" href="data:[^;]+;charset=utf-8;base64,([^"]+)"', markup)
    if not match:
        raise ValueError("no CSV download link in the markup")
    return match.group(1), base64.b64decode(match.group(2)).decode("utf-8")
