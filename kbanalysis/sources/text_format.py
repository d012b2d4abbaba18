"""How a delimited text file is written: its encoding, its separator and whether it starts
with a byte-order mark. Offices save the same table from Excel as UTF-8 (with or without a
BOM) or as Windows-1252 "ANSI", separated by ``,`` or, in Indonesian locales, by ``;``.

Excel's own quirks are read, not refused: a first line ``sep=;`` names the separator (and is
not the header: ``TextFormat.sep_line``), and a trailing Ctrl-Z (``\x1a``, the old DOS
end-of-file mark) is not data (:func:`strip_eof`).
"""
from __future__ import annotations

import codecs
import csv
import re
from dataclasses import dataclass
from pathlib import Path

from ..messages import msg

DELIMITERS = (",", ";", "\t")
_CHUNK = 1 << 20
# Bytes cp1252 leaves undefined; a file with one of them can only be Latin-1.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
_DELIMITER_NAMES = {",": "','", ";": "';'", "\t": "tab"}


@dataclass(frozen=True)
class TextFormat:
    """``encoding`` is a Python codec name: ``utf-8``, ``cp1252`` or ``latin-1``."""

    encoding: str
    delimiter: str
    has_bom: bool
    sep_line: bool = False  # the file starts with Excel's "sep=;" line, before its header

    @property
    def python_encoding(self) -> str:
        """The codec to open the file with, so that a BOM never reaches the header."""
        return "utf-8-sig" if self.has_bom else self.encoding

    def describe(self, lang: str = "en") -> str:
        """E.g. ``encoding cp1252, separator ';'`` (for messages and ``data check``)."""
        encoding = msg("text.utf8_bom") if self.has_bom else self.encoding
        separator = (msg("text.tab") if self.delimiter == "\t" else
                     _DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter)))
        return msg("text.format", encoding=encoding, separator=separator).render(lang)


def sniff_text_format(path: Path) -> TextFormat:
    """Detect encoding, separator and BOM of a delimited text file.

    The encoding is UTF-8 when every byte of the file decodes as UTF-8 (read in chunks, so
    a late accented name is not missed), otherwise cp1252 (Latin-1 when a byte cp1252 leaves
    undefined occurs). The separator is whichever of ``,``, ``;`` and tab occurs most often
    outside quotes in the first non-blank line (the header): data lines are no guide, since
    Indonesian numbers use the comma as the decimal mark. A first line without any separator
    (a title) is skipped for this; Excel's ``sep=;`` line names it. An empty file is UTF-8
    with ``,``.
    """
    path = Path(path)
    with path.open("rb") as handle:
        head = handle.read(_CHUNK)
        has_bom = head.startswith(codecs.BOM_UTF8)
        encoding = "utf-8" if _is_utf8(head, handle) else _single_byte_encoding(path)
    start = len(codecs.BOM_UTF8) if has_bom else 0
    text = head[start:].decode(encoding, errors="replace")
    first_line = _first_nonblank_line(text)
    declared = _SEP_LINE.fullmatch(first_line.strip())
    if declared:  # Excel's "sep=;": the separator is said, the header is the next line
        return TextFormat(encoding, declared.group(1), has_bom, sep_line=True)
    if not any(d in first_line for d in DELIMITERS):
        # A lone title line ("CAKUPAN KBPP JAWA TIMUR 2023") says nothing: the first line
        # with a separator (the header below it) does.
        first_line = next((line for line in text.splitlines()
                           if any(d in line for d in DELIMITERS)), first_line)
    return TextFormat(encoding, _delimiter(first_line), has_bom)


# Excel's separator line: "sep=;" (also quoted, or with the separator's field left empty).
_SEP_LINE = re.compile(r'"?sep=([,;\t|])"?[,;\t|]*', re.IGNORECASE)
EOF_MARK = "\x1a"


def strip_eof(fields: list[str]) -> list[str]:
    """A record without the DOS end-of-file mark (Ctrl-Z) Excel and old tools append."""
    return [f.replace(EOF_MARK, "") for f in fields]


def records(handle, text_format: "TextFormat"):
    """``(first line, fields, reader)`` of each csv record of an open text file in
    ``text_format``: Ctrl-Z removed, Excel's ``sep=`` line skipped. Lines are physical
    (header = line 1 without a ``sep=`` line), so quoted line breaks shift nothing."""
    reader = csv.reader(handle, delimiter=text_format.delimiter)
    skip, previous = text_format.sep_line, 0
    for fields in reader:
        start, previous = previous + 1, reader.line_num
        if skip and any(f.strip() for f in fields):
            skip = False
            continue
        yield start, strip_eof(fields), reader


def read_header(path: Path, text_format: TextFormat | None = None) -> list[str]:
    """A delimited file's first non-blank record, fields stripped (empty when it has none),
    read in ``text_format`` (sniffed when not given)."""
    path = Path(path)
    text_format = text_format or sniff_text_format(path)
    with path.open(encoding=text_format.python_encoding, newline="") as handle:
        for _, fields, _ in records(handle, text_format):
            if any(f.strip() for f in fields):
                return [f.strip() for f in fields]
    return []


def _is_utf8(head: bytes, handle) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    chunk = head
    try:
        while chunk:
            decoder.decode(chunk)
            chunk = handle.read(_CHUNK)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _single_byte_encoding(path: Path) -> str:
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            if _CP1252_UNDEFINED.intersection(chunk):
                return "latin-1"
    return "cp1252"


def _first_nonblank_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line
    return ""


def _delimiter(line: str) -> str:
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])  # ties keep the earlier, ',' first
    return best if counts[best] else ","
