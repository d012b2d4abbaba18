"""Where each report page lives inside the reports folder.

Shared by the batch runner (which writes the pages) and the page sections (which link from one
page to another and to the templates beside them), so a section needs no part of the runner.
"""
from __future__ import annotations

import re
import unicodedata


def slug(text: str, limit: int = 60) -> str:
    """A file-name-safe form of ``text``: ascii letters, digits and dashes only."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words)[:limit].strip("-") or "report"


def output_path(level: str, code: str | None, lang: str, name: str) -> str:
    """Where a report's page goes, relative to the reports folder (links are built from it)."""
    if level == "national":
        return f"{lang}/national.html"
    return f"{lang}/{level}/{code}-{slug(name)}.html"
