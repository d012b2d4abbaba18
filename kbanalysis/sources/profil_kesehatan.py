"""Reader for the Profil Kesehatan table "Cakupan dan proporsi peserta KB pasca persalinan
menurut jenis kontrasepsi" (Kemenkes standard table, .xlsx or .csv).

A district profile lists kecamatan and puskesmas; a province profile lists kabupaten/kota.
The table as offices export it:

- title rows above the header (table number, table name, region, year), which give the
  year and the region when the caller does not;
- a two- or three-row header: No, Kecamatan / Kabupaten/Kota, Puskesmas (district), Jumlah
  Ibu Bersalin, then a count and a % column for each of Kondom, Suntik, Pil, AKDR, MOP, MOW,
  Implan, MAL, then Jumlah and %; merged cells (only the first cell of a merge holds the
  text), sometimes a row of column numbers (1, 2, 3, ...);
- Indonesian numbers (``1.234`` thousands, ``12,5`` decimals, ``-`` for zero);
- a JUMLAH / TOTAL row, kecamatan subtotals, blank spacer rows and footnotes
  (``Sumber: ...``).

Rules (every one reported, none silently applied):

- A data row needs deliveries and all eight method counts as whole numbers; otherwise it is
  rejected whole (``missing_value``, ``not_a_number``, ``out_of_range``).
- KBPP acceptors are the sum of the methods (the KBPP table's definition). A written Jumlah
  that differs is ledgered (``inconsistent_total``, cell level) and not used.
- % cells are checked, never used: Jumlah % against acceptors / deliveries; a method's %
  against either the method's share of acceptors (*proporsi*, the template's meaning) or of
  deliveries -- the file's own convention, detected as the one most cells follow. A % off by
  more than the rounding of its written decimals is ledgered (``inconsistent_total``); a %
  outside 0-100 always is (``out_of_range``). The ``%`` labels may sit in a row of their own
  under the method names or in the method names' row (``Kondom | % | Suntik | % | ...``).
- Acceptors above deliveries: a puskesmas may serve mothers delivered elsewhere, so in a
  district profile this is reported and the row kept (the regency total is checked later);
  a regency row of a province profile with it is rejected (coverage above 100 %), naming
  the Jumlah cell.
- A table without data rows below its header is refused (``InputError``).
- The total row is compared with the sum of the rows, column by column; differences are
  ledgered at the total row. The total row itself is never used as data.
- Totals are told from parts by label (JUMLAH, TOTAL, SUB TOTAL, ``KABUPATEN GARUT``,
  ``KAB/KOTA``) and by arithmetic: a row whose deliveries and eight method counts all equal
  the sum of two or more rows above it (its kecamatan group, or all of them) is a total
  whatever its label. Every total and subtotal is ledgered with its line
  (``aggregate_row``), a finding rather than a fault; so is every note below the table
  (``note_row``). Footnotes are whole words (``Sumber:``, ``Sumber data``, ``Keterangan``)
  in rows without numbers: a puskesmas called Sumbersari is data.
- Deliveries come from the one header with BERSALIN that is not a target, projection or
  estimate (``SASARAN``, ``TARGET``, ``PROYEKSI``, ``ESTIMASI``); several are refused.
- A district table's regency: ``region`` (``--regency``), the title, a ``KODE BPS`` line
  and a total row naming the regency must agree. ``KABUPATEN/KOTA KEDIRI`` names no type
  and decides only when one regency has the name or another of those fields names it.
- A code column beside the names must agree with them (``code_name_mismatch``).
- A count cell holding a formula whose value was never saved is reported (open and save
  the file in Excel); .xls/.ods files are refused with "save as .xlsx".
- Puskesmas rows add up to the regency. A regency total needs every puskesmas row: if any
  is rejected, the regency is not built (``not_derivable``) unless ``allow_partial=True``.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..ledger import InputError, Ledger
from ..messages import joined, message_of, msg
from ..regions import RegionError, Resolver, default_resolver, split_prefix
from .kbpp_parts import METHOD_LABELS, KbppParts, method_of, number_text, parts_frame
from .numbers import parse_number
from .text_format import DELIMITERS, TextFormat, sniff_text_format

METHODS = list(METHOD_LABELS)
TITLE_WORDS = "KB PASCA PERSALINAN"
_TOTAL_ROW = re.compile(r"^\s*(JUMLAH|TOTAL|GRAND\s+TOTAL|JML)\b", re.IGNORECASE)
_SUBTOTAL_ROW = re.compile(r"^\s*SUB\s*-?\s*(TOTAL|JUMLAH|JML)\b", re.IGNORECASE)
# A total of a kecamatan or a group, whatever word opens it ("JUMLAH KECAMATAN PARE").
_GROUP_WORDS = re.compile(r"\b(KECAMATAN|KEC\.?|KELOMPOK|WILAYAH)\b")
# A bare level label where a name belongs ("KABUPATEN", "KAB/KOTA") is the regency's line.
_LEVEL_LABEL = re.compile(r"^\s*(KABUPATEN|KAB\.?)(\s*/\s*KOTA)?\s*$", re.IGNORECASE)
# Footnotes are whole words ("Sumber:", "Sumber data", "Keterangan"), never the start of a
# name: Sumbersari and Sumberjambe are puskesmas.
_FOOTNOTE = re.compile(r"^\s*(SUMBER\s*(:|DATA\b|$)|KETERANGAN\b|KET\s*[:.]|CATATAN\b|"
                       r"NOTE\b|NB\b|\*)", re.IGNORECASE)
# A row of a district table that gives the province's or the nation's figure, a target or an
# average (never a puskesmas name).
_REFERENCE_ROW = re.compile(r"\b(PROVINSI|PROV|NASIONAL|TARGET|SPM|RATA\s*-?\s*RATA|RERATA)\b",
                            re.IGNORECASE)
# Targets, projections and estimates are never deliveries, whatever else the header says.
_NOT_DELIVERIES = re.compile(r"\b(SASARAN|TARGET|PROYEKSI|ESTIMASI|PERKIRAAN)\b")
OTHER_SPREADSHEETS = (".xls", ".ods", ".xlsb", ".fods")  # saved by Excel 97-2003 or Calc
_MAX_HEADER_SEARCH = 40  # the header sits within the first rows of a sheet


# --------------------------------------------------------------------------------------
# The sheet as a grid of cells


@dataclass
class Grid:
    """The cells of one sheet or CSV file: ``rows`` holds ``(line, cells)``, line 1 first.

    Cells are ``str`` (stripped), ``int``/``float`` (numeric spreadsheet cells; a cell
    formatted as a percentage is multiplied by 100 so it reads as shown), or None when empty.
    """

    path: Path
    sheet: str | None
    rows: list[tuple[int, list]]
    text_format: TextFormat | None = None  # CSV files: encoding and separator read with


def read_grid(path, sheet: str | None = None) -> Grid:
    """The table's sheet (found by its header, or ``sheet``) or the CSV file as a grid."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, expected=msg("check.existing_file"))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if path.suffix.lower() in (".csv", ".txt"):
        return _read_csv_grid(path)
    if path.suffix.lower() in OTHER_SPREADSHEETS:
        # No reader for these in the locked environment: one line saying what to do.
        raise InputError(path, expected=msg("pk.save_as_xlsx"), got=path.suffix)
    raise InputError(path, expected=msg("pk.xlsx_or_csv"))


class Unsaved(str):
    """A formula cell whose value was never saved (a workbook written by a program, not by
    Excel or LibreOffice): the formula's text, which is not a number."""


def _open_workbook(path: Path, data_only: bool):
    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    except Exception:  # openpyxl raises many types for a damaged file
        # A zero-byte workbook (a failed download or copy) is empty, not damaged.
        empty = Path(path).stat().st_size == 0
        raise InputError(path, expected=msg("pk.readable_xlsx"),
                         got=msg("got.empty_file" if empty else "got.damaged_xlsx")) from None


def _workbook_grids(path: Path, sheet: str | None = None,
                    formulas: bool = False) -> list[Grid]:
    """Every sheet of the workbook as a grid (only ``sheet`` when given); with ``formulas``,
    a formula cell without a saved value is an :class:`Unsaved` instead of empty."""
    book = _open_workbook(path, data_only=True)
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise InputError(path, column="sheet", expected=msg(
                "pk.sheet_named", sheet=sheet, sheets=", ".join(map(repr, book.sheetnames))),
                got=sheet)
        names = [sheet] if sheet is not None else book.sheetnames
        grids = [Grid(path, name, _sheet_rows(book[name])) for name in names]
    finally:
        book.close()
    if formulas:
        book = _open_workbook(path, data_only=False)
        try:
            for grid in grids:
                _mark_unsaved(grid, book[grid.sheet])
        finally:
            book.close()
    return grids


def _mark_unsaved(grid: Grid, ws) -> None:
    for (_, cells), row in zip(grid.rows, ws.iter_rows()):
        for j, cell in enumerate(row):
            value = getattr(cell, "value", None)
            if j < len(cells) and cells[j] is None and isinstance(value, str) \
                    and value.startswith("="):
                cells[j] = Unsaved(value)


def _candidate_sheets(grids: list[Grid]) -> list[Grid]:
    """Sheets with the table's header; those whose title names KBPP when several have it."""
    found = [g for g in grids if _header_row(g.rows[:_MAX_HEADER_SEARCH]) is not None]
    titled = [g for g in found if TITLE_WORDS in _title_text(g)]
    return titled or found


def _read_xlsx(path: Path, sheet: str | None) -> Grid:
    grids = _workbook_grids(path, sheet, formulas=True)
    if sheet is not None:
        return grids[0]
    found = _candidate_sheets(grids)
    if len(found) == 1:
        return found[0]
    if not found:
        raise InputError(path, expected=msg("pk.sheet_with_table"))
    names = ", ".join(repr(g.sheet) for g in found)
    raise InputError(path, column="sheet", expected=msg("pk.one_sheet", count=len(found),
                                                        names=names))


def _sheet_rows(ws) -> list[tuple[int, list]]:
    rows = []
    for line, row in enumerate(ws.iter_rows(), start=1):
        cells = []
        for cell in row:
            value = getattr(cell, "value", None)
            if isinstance(value, bool):
                value = str(value)
            elif isinstance(value, (int, float)):
                if "%" in (getattr(cell, "number_format", "") or ""):
                    # Stored as a fraction, shown as a percentage: keep the written decimals
                    # (0.123 is 12.3, not 12.299999999999999) for the rounding tolerance.
                    value = round(value * 100.0, max(0, _decimals(value) - 2))
            elif value is not None:
                value = str(value).strip() or None
            cells.append(value)
        rows.append((line, cells))
    return rows


def _read_csv_grid(path: Path) -> Grid:
    """The CSV file in its sniffed encoding and separator (Indonesian exports separate with
    ';' because ',' is the decimal mark; older Windows exports are cp1252)."""
    text_format = sniff_text_format(path)
    text = path.read_bytes().decode(text_format.python_encoding)
    if "\x00" in text:
        raise InputError(path, expected=msg("rows.text_file"), got=msg("got.binary_data"))
    delimiter = text_format.delimiter
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not any(d in first for d in DELIMITERS):
        # A lone title line ("TABEL 39") says nothing: the rows below it tell.
        sample = text[:8192]
        delimiter = max(DELIMITERS, key=sample.count)
        text_format = TextFormat(text_format.encoding, delimiter, text_format.has_bom)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, previous = [], 0
    try:
        for fields in reader:
            start, previous = previous + 1, reader.line_num
            rows.append((start, [f.strip() or None for f in fields]))
    except csv.Error as exc:
        raise InputError(path, row=reader.line_num, expected=msg("rows.valid_csv"),
                         got=str(exc)) from None
    return Grid(path, None, rows, text_format)


# --------------------------------------------------------------------------------------
# Header and layout


def _text(cell) -> str:
    if cell is None or isinstance(cell, (int, float, Unsaved)):
        return ""
    return " ".join(str(cell).upper().split())


def _is_pct_label(text: str) -> bool:
    """A header cell that labels a percentage column: ``%``, ``(%)``, ``Persentase``."""
    return "%" in text or text in ("PERSEN", "PERSENTASE")


def _method_in_header(cell) -> str | None:
    text = _text(cell)
    if not text or text.startswith("JUMLAH") or "%" in text:
        return None
    return method_of(text)


def _header_row(rows) -> int | None:
    """Index of the row naming at least six of the eight methods."""
    for i, (_, cells) in enumerate(rows):
        if len({m for c in cells if (m := _method_in_header(c))}) >= 6:
            return i
    return None


def _title_text(grid: Grid) -> str:
    index = _header_row(grid.rows[:_MAX_HEADER_SEARCH]) or 0
    return " ".join(_text(c) for _, cells in grid.rows[:index] for c in cells if _text(c))


def looks_like_profil(path) -> bool:
    """True when ``path`` is a spreadsheet or CSV whose first rows hold the KBPP table header."""
    path = Path(path)
    if path.suffix.lower() in OTHER_SPREADSHEETS:
        return True  # the only spreadsheet format: its reader says how to save it
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            try:
                grids = _workbook_grids(path)  # any sheet: several candidates are this table
            except InputError as error:
                # A damaged workbook: its reader names the damage instead of "unknown format".
                return error.got == msg("got.damaged_xlsx")
        elif path.suffix.lower() in (".csv", ".txt"):
            grids = [_read_csv_grid(path)]
        else:
            return False
    except InputError:
        return False
    return any(_has_kbpp_header(g) for g in grids)


def _has_kbpp_header(grid: Grid) -> bool:
    index = _header_row(grid.rows[:_MAX_HEADER_SEARCH])
    if index is None:
        return False
    block = grid.rows[max(0, index - 3): index + 2]
    return any(_names_deliveries(_text(c)) for _, cells in block for c in cells)


def _names_deliveries(text: str) -> bool:
    """A header naming deliveries: "Jumlah Ibu Bersalin", "Jumlah Persalinan" (not the "KB
    pasca persalinan" over the methods)."""
    return "BERSALIN" in text or re.search(r"(?<!PASCA )\bPERSALINAN\b", text) is not None


@dataclass
class Layout:
    """Where everything is: column indexes by role, the header's rows, the title's text."""

    level: str  # "district" (puskesmas rows) or "province" (kabupaten/kota rows)
    columns: dict[str, int]  # deliveries, kbpp_<m>, pct_<m>, total, pct_total, no, name, ...
    labels: dict[str, str]  # role -> label for messages, e.g. "Suntik % [H]"
    first_data: int  # index into grid.rows of the first row after the header
    title: list[str]  # title lines above the header, upper case
    title_lines: list[int] = field(default_factory=list)  # their rows in the file


def _letter(index: int) -> str:
    name, index = "", index + 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def find_layout(grid: Grid, level: str | None = None) -> Layout:
    """Locate the header and give every column a role; InputError when one is missing."""
    method_row = _header_row(grid.rows[:_MAX_HEADER_SEARCH])
    if method_row is None:
        raise InputError(grid.path, expected=msg("pk.method_header"))
    top = method_row
    for i in range(method_row, max(-1, method_row - 3), -1):
        if any(_text(c) in ("NO", "NO.", "NOMOR") for c in grid.rows[i][1]):
            top = i
            break
    bottom = method_row
    below = grid.rows[method_row + 1][1] if method_row + 1 < len(grid.rows) else []
    same_row_pct = any(_is_pct_label(_text(c)) for c in grid.rows[method_row][1])
    if not same_row_pct and any("%" in _text(c) for c in below):
        bottom = method_row + 1  # the %-labels have a row of their own
    header = [cells for _, cells in grid.rows[top: bottom + 1]]
    width = max(len(cells) for cells in header)
    texts = [[_text(cells[j]) if j < len(cells) else "" for j in range(width)] for cells in header]
    methods_cells = texts[method_row - top]
    sub = texts[bottom - top] if bottom > method_row else None

    columns: dict[str, int] = {}
    labels: dict[str, str] = {}

    def assign(role: str, j: int, label: str) -> None:
        if role not in columns:
            columns[role], labels[role] = j, f"{label} [{_letter(j)}]"

    # Method and Jumlah groups: a label cell, then its merged neighbours up to the next label
    # (a "%" beside the label, in the same row, belongs to its group).
    starts = [j for j, t in enumerate(methods_cells) if t and not _is_pct_label(t)]
    first_method = min(j for j, t in enumerate(methods_cells) if _method_in_header(t))
    for n, j in enumerate(starts):
        if j < first_method:
            continue
        text = methods_cells[j]
        method = _method_in_header(text)
        if method is None and not re.match(r"^(JUMLAH|TOTAL)\b", text):
            continue
        key, label = (method, METHOD_LABELS[method]) if method else ("total", "Jumlah")
        end = starts[n + 1] if n + 1 < len(starts) else width
        group = list(range(j, min(end, j + 2)))
        for k in group:
            is_pct = ("%" in sub[k]) if sub is not None else (k > j)
            role = (f"pct_{key}" if is_pct else
                    ("total" if key == "total" else f"kbpp_{key}"))
            assign(role, k, f"{label} %" if is_pct else label)
    deliveries, not_deliveries = [], []
    for j in range(width):
        column_text = " ".join(t[j] for t in texts if t[j])
        if not column_text or any(j == c for c in columns.values()):
            continue
        if _names_deliveries(column_text):
            (not_deliveries if _NOT_DELIVERIES.search(column_text) else deliveries).append(
                (j, column_text))
        elif re.search(r"\bKODE\b", column_text):
            assign("code", j, "Kode BPS" if "BPS" in column_text else "Kode")
        elif re.search(r"\bNO\.?$|^NO\b", column_text):
            assign("no", j, "No")
        elif "PUSKESMAS" in column_text:
            assign("puskesmas", j, "Puskesmas")
        elif "KECAMATAN" in column_text:
            assign("kecamatan", j, "Kecamatan")
        elif re.search(r"\bKAB|\bKOTA\b", column_text):
            assign("regency", j, "Kabupaten/Kota")

    if len(deliveries) > 1:
        names = ", ".join(f"'{text} [{_letter(j)}]'" for j, text in deliveries)
        raise InputError(grid.path, row=grid.rows[method_row][0], column="Jumlah Ibu Bersalin",
                         expected=msg("pk.one_deliveries", names=names))
    if deliveries:
        assign("deliveries", deliveries[0][0], "Jumlah Ibu Bersalin")
    # Rows of a district profile are puskesmas (or, in some, kecamatan); of a province
    # profile, kabupaten/kota.
    local = next((r for r in ("puskesmas", "kecamatan") if r in columns), None)
    found_level = level or ("district" if local else "province" if "regency" in columns else None)
    needed = ["deliveries", *[f"kbpp_{m}" for m in METHODS]]
    needed += [local or "puskesmas"] if found_level == "district" else ["regency"]
    missing = [r for r in needed if r not in columns]
    if found_level is None or missing:
        what = {"deliveries": "Jumlah Ibu Bersalin", "puskesmas": "Puskesmas",
                "regency": "Kabupaten/Kota"}
        name = (what.get(missing[0], missing[0]) if missing
                else msg("pk.puskesmas_or_regency"))
        expected = msg("pk.table_columns")
        if missing and missing[0] == "deliveries" and not_deliveries:
            expected = msg("pk.targets_not_deliveries", expected=expected, names=", ".join(
                f"'{text} [{_letter(j)}]'" for j, text in not_deliveries))
        raise InputError(grid.path, row=grid.rows[method_row][0], column=name,
                         expected=expected)
    first_data = bottom + 1
    if first_data < len(grid.rows) and _is_number_row(grid.rows[first_data][1]):
        first_data += 1
    title = [(line, " ".join(_text(c) for c in cells if _text(c)))
             for line, cells in grid.rows[:top]]
    title = [(line, text) for line, text in title if text]
    return Layout(found_level, columns, labels, first_data, [t for _, t in title],
                  [line for line, _ in title])


def _is_number_row(cells) -> bool:
    """The row of column numbers some templates put under the header: 1, 2, 3, ..."""
    numbers = []
    for c in cells:
        if c is None:
            continue
        text = str(c).strip("() ")
        try:
            numbers.append(float(text))
        except ValueError:
            return False
    return len(numbers) >= 5 and numbers == list(np.arange(numbers[0], numbers[0] + len(numbers)))


# --------------------------------------------------------------------------------------
# Title: year and region


def title_year(title: list[str]) -> int | None:
    text = " ".join(title)
    found = re.search(r"TAHUN\s+(\d{4})", text) or re.search(r"\b(20\d{2})\b", text)
    return int(found.group(1)) if found else None


def title_province(title: list[str], resolver: Resolver) -> str | None:
    for line in title:
        for found in re.finditer(r"PROVINSI\s+([A-Z][A-Z .'-]*?)(?=\s+TAHUN\b|\s*,|$)", line):
            try:
                return resolver.province(found.group(1))
            except RegionError:
                continue
    return None


_NAME_END = r"(?=\s+TAHUN\b|\s+PROVINSI\b|\s+\d{4}\b|\s*[,(]|$)"
# The two types a title may write together, and what joins them: "KAB/KOTA", "KOTA\\KAB.",
# "KABUPATEN-KOTA", "KABUPATEN & KOTA", "KABUPATEN/KOTAMADYA".
_TYPE = r"(?:KABUPATEN|KAB\.?|KOTAMADYA|KODYA|KOTA)"
_PAIR = r"\s*(?:[/\\&-]|\bDAN\b|\bATAU\b)\s*"
# "KABUPATEN GARUT", "KAB. GARUT", "KOTA BANDUNG"; not the "KOTA X" of "KAB/KOTA X".
_TYPED_REGENCY = re.compile(r"(?<![/\\&-])(?<![/\\&-]\s)(?<!\bDAN\s)(?<!\bATAU\s)"
                            r"\b(KABUPATEN|KAB\.?|KOTA)\s+(?![/\\&-]|DAN\b|ATAU\b)"
                            r"([A-Z][A-Z .'-]*?)" + _NAME_END)
# "KABUPATEN/KOTA KEDIRI", "KAB/KOTA BLITAR", "KOTA/KABUPATEN X": a name without its type.
_UNTYPED_REGENCY = re.compile(r"\b" + _TYPE + _PAIR + _TYPE
                              + r"\.?\s*[\s:]\s*([A-Z][A-Z .'-]*?)" + _NAME_END)
_TITLE_CODE = re.compile(r"\bKODE\b(?P<what>[^0-9]*?)\b(?P<code>\d{2}\.?\d{2})\b")


def title_regency(title: list[str], resolver: Resolver, province: str | None) -> str | None:
    """The regency a district profile names in its title (``KABUPATEN GARUT``), or None."""
    found = _typed_mentions(list(enumerate(title, start=1)), resolver, province)
    return found[0][2] if found else None


def _typed_mentions(lines, resolver, province) -> list[tuple[int, str, str]]:
    """``(row, text, BPS code)`` of every typed regency name in ``lines`` ((row, text))."""
    found = []
    for line, text in lines:
        for match in _TYPED_REGENCY.finditer(text):
            name = f"{match.group(1)} {match.group(2)}"
            try:
                found.append((line, name, resolver.regency(name, province)))
            except RegionError:
                continue
    return found


def _district_code(region, layout, resolver, province_code, where, named_rows=()) -> str:
    """The regency of a district profile: ``region`` (``--regency``) when given, else what
    the title and the regency's own total row decide together.

    ``KABUPATEN/KOTA KEDIRI`` names no type: it decides only when one regency has the name
    (Lombok Timur) or another field names the type (a ``KODE BPS`` line, a typed title
    line, a total row ``KABUPATEN KEDIRI``). The project has no puskesmas or kecamatan
    lists to tell Kabupaten from Kota Kediri, so otherwise the file is refused, naming the
    option that settles it. Fields that name different regencies are a code-name mismatch.
    """
    named = []
    if region is not None:
        text = str(region).strip()
        try:
            given = (resolver.code(text) if text.replace(".", "").isdigit() else
                     resolver.regency(text, province_code))
        except RegionError as exc:
            raise InputError(where, column="--regency", expected=msg("pk.a_regency"),
                             got=message_of(exc)) from None
        # The option settles a title without a type; it never overrides a title that names
        # another regency.
        named.append((None, f"--regency {text}", given))
    lines = list(zip(layout.title_lines, layout.title))
    named += _typed_mentions(lines, resolver, province_code)
    named += _typed_mentions(named_rows, resolver, province_code)
    for line, text in lines:
        for match in _TITLE_CODE.finditer(text):
            system = "bps" if "BPS" in match.group("what") else None
            try:
                code = resolver.code_alone(match.group("code"), system, province_code).bps_code
            except RegionError as exc:
                raise InputError(where, row=line, expected=msg("pk.a_regency"),
                                 got=message_of(exc)) from None
            named.append((line, match.group(0), code))
    untyped = [(line, match.group(0), resolver.namesakes(match.group(1), province_code))
               for line, text in lines for match in _UNTYPED_REGENCY.finditer(text)]
    codes = list(dict.fromkeys(code for _, _, code in named))
    if len(codes) > 1:
        raise InputError(where, row=next(line for line, _, _ in named if line is not None),
                         expected=msg("pk.one_regency_named"),
                         got="; ".join(f"{text} = {resolver.label(code)}"
                                       for _, text, code in named))
    for line, text, candidates in untyped:
        if codes and candidates and codes[0] not in candidates:
            raise InputError(where, row=line, expected=msg("pk.one_regency_named"),
                             got=f"{text}; {named[0][1]} = {resolver.label(codes[0])}")
        if not codes and len(candidates) == 1:
            codes = candidates
        elif not codes and len(candidates) > 1:
            options = [f"--regency {c} ({resolver.label(c).split(' (')[0]})" for c in candidates]
            raise InputError(where, row=line, expected=msg(
                "pk.untyped_regency", options=joined("join.or", options)), got=text)
    if not codes:
        row = layout.title_lines[0] if layout.title_lines else 1
        raise InputError(where, row=row, expected=msg("pk.title_regency"),
                         got=" / ".join(layout.title))
    return codes[0]


# --------------------------------------------------------------------------------------
# Reading


@dataclass
class ProfilRow:
    line: int
    name: str
    values: dict[str, float | None] = field(default_factory=dict)  # role -> number
    bad: dict[str, str] = field(default_factory=dict)  # role -> text that is not a number
    unsaved: set[str] = field(default_factory=set)  # roles holding a formula never computed
    code: str = ""  # the region code column, when the table has one


def _number(cell, style: str) -> float | None:
    """A cell as a number (None when empty); ValueError when it is not one."""
    if isinstance(cell, (int, float)):
        return float(cell)
    return parse_number(cell, style)


def _decimals(cell) -> int:
    """Decimals written in a % cell, for its rounding tolerance."""
    if isinstance(cell, int):
        return 0
    text = repr(cell) if isinstance(cell, float) else str(cell)
    found = re.search(r"[.,](\d+)$", text.strip())
    return min(len(found.group(1)), 6) if found else 0


def read_profil_parts(path, *, year: int | None = None, region=None, province=None,
                      level: str | None = None, sheet: str | None = None,
                      bare_means: str | None = None, allow_partial: bool = False,
                      number_style: str = "id", resolver: Resolver | None = None,
                      source_id: str | None = None) -> KbppParts:
    """The table's rows as KBPP parts (one row per regency), with every problem ledgered.

    ``region`` (district profiles) and ``year`` override the title; ``province`` narrows
    name matching. ``bare_means`` says what a name without Kabupaten/Kota means; by default a
    province profile that writes ``Kota X`` but never ``Kabupaten``/``Kab.`` is read as
    writing kabupaten bare. See the module docstring for the rules.
    """
    path = Path(path)
    resolver = resolver or default_resolver()
    source_id = source_id or f"profil_kesehatan:{path.stem}"
    grid = read_grid(path, sheet)
    layout = find_layout(grid, level)
    ledger = Ledger()
    where = path if grid.sheet is None else f"{path.name} [{grid.sheet}]"

    year = year if year is not None else title_year(layout.title)
    if year is None:
        raise InputError(where, row=layout.title_lines[0] if layout.title_lines else 1,
                         expected=msg("pk.title_year"))
    province_code = (resolver.province(province) if province is not None
                     else title_province(layout.title, resolver))

    table = _data_rows(grid, layout, number_style, ledger, source_id, path, resolver,
                       province_code)
    rows = table.rows
    total_row = table.totals[0] if table.totals else None
    if not rows:
        below = grid.rows[layout.first_data][0] if layout.first_data < len(grid.rows) else None
        header_end = grid.rows[layout.first_data - 1][0]
        raise InputError(where, row=below or header_end + 1,
                         expected=msg("rows.data_rows"), got=msg("got.no_data_rows"))
    _check_rows(rows, layout, ledger, source_id, path)
    for total in table.totals:
        _check_total(total, rows, layout, ledger, source_id, path)
        ledger.add(source_id, path, total.line, _name_label(layout), "aggregate_row",
                   msg("pk.total_row"), total.name)

    lines = {r.line for r in rows}
    rejected = {r.row for r in ledger.rejects if r.column is None and r.row in lines}
    usable = [r for r in rows if r.line not in rejected]
    if layout.level == "district":
        code = _district_code(region, layout, resolver, province_code, where, table.named)
        records = _district_record(code, year, rows, usable, rejected, allow_partial,
                                   ledger, source_id, path)
        for row in [*rows, *table.totals]:  # every row of a district table is about it
            ledger.locate(path, row.line, code)
    else:
        records = _province_records(usable, year, province_code, bare_means, resolver,
                                    layout, ledger, source_id, path)
        _locate_rejected(rows, rejected, province_code, bare_means, resolver, ledger, path)
    extras = {"level": layout.level, "year": year, "sheet": grid.sheet,
              "rows_read": len(rows), "total_row": total_row.line if total_row else None}
    return KbppParts(path, "profil_kesehatan", parts_frame(records), ledger, extras)


COUNT_ROLES = ["deliveries", *[f"kbpp_{m}" for m in METHODS]]


def _name_label(layout) -> str | None:
    """The label of the column naming the rows (for ledger lines about a whole row's role)."""
    return next((layout.labels[r] for r in ("puskesmas", "kecamatan", "regency", "no")
                 if r in layout.columns), None)


@dataclass
class TableRows:
    """The rows below the header: data rows, and the total rows kept out of them."""

    rows: list[ProfilRow]
    totals: list[ProfilRow]  # labelled totals of the whole table (JUMLAH, KABUPATEN X, ...)
    named: list[tuple[int, str]]  # (row, label) of those totals, which may name the regency


def _data_rows(grid, layout, style, ledger, source_id, path, resolver=None, province=None):
    """Parse every row below the header; totals, subtotals, spacer rows and notes are kept
    out of the data, each (but the empty ones) with a ledger line."""
    cols = layout.columns
    value_roles = [r for r in cols
                   if r in ("deliveries", "total") or r.startswith(("kbpp_", "pct_"))]
    name_roles = [r for r in ("puskesmas", "regency", "kecamatan", "no") if r in cols]
    name_label = _name_label(layout)
    table = TableRows([], [], [])
    rows, kecamatan = table.rows, None
    group_start = 0  # rows[group_start:] is the current kecamatan group
    since = 0  # rows[since:] are the rows after the last subtotal
    subtotals: list[ProfilRow] = []
    heads: set[int] = set()  # lines of kept rows that name only a kecamatan

    def aside(row, detail):  # a total kept out of the data: a finding, not a fault
        ledger.add(source_id, path, row.line, name_label, "aggregate_row", detail,
                   row.name)

    for line, cells in grid.rows[layout.first_data:]:
        cell = lambda role: cells[cols[role]] if cols[role] < len(cells) else None  # noqa: E731
        if all(c is None for c in cells):
            continue  # spacer
        texts = [_text(c) for c in cells if _text(c)]
        names = {r: _text(cell(r)) for r in name_roles}
        labels = [t for t in [*names.values(), *texts[:1]] if t]
        # A regency's name marks its total row only where no puskesmas is named beside it
        # (kecamatan "Kota Kudus" of Kabupaten Kudus holds puskesmas).
        own = [t for t in labels if not names.get("puskesmas") or t == names["puskesmas"]]
        kind = _total_kind(labels, own, layout.level, resolver, province)
        # A formula never computed is no value, except in a count cell, where it must be
        # reported.
        has_values = any(cell(r) is not None and (r in COUNT_ROLES or
                                                  not isinstance(cell(r), Unsaved))
                         for r in value_roles)
        if (kind is None and layout.level == "district" and not names.get("puskesmas")
                and any(_REFERENCE_ROW.search(t) for t in labels)):
            # "ANGKA PROVINSI", "RATA-RATA NASIONAL", "TARGET SPM" where no puskesmas is
            # named (an "RS PROVINSI" row names its facility): a figure beside the table,
            # neither a puskesmas nor a sum of them.
            ledger.add(source_id, path, line, name_label, "aggregate_row",
                       msg("pk.reference_row"), labels[0])
            continue
        if kind == "total":
            total = _parse(line, labels[0], cells, cols, value_roles, style)
            # "JUMLAH KECAMATAN X", or a JUMLAH equal to the rows since the last subtotal
            # but not to all rows, closes a group: it is a subtotal.
            counts, group = _counts(total), rows[group_start:]
            if _GROUP_WORDS.search(labels[0]) or (
                    counts is not None and any(
                        0 < start and rows[start:]
                        and counts == _sum_counts(rows[start:], at_least=1)
                        != _sum_counts(rows) for start in (group_start, since))):
                kind = "subtotal"
            else:
                table.totals.append(total)
                table.named.append((line, labels[0]))
                continue
        if kind == "subtotal":
            total = _parse(line, labels[0], cells, cols, value_roles, style)
            # Its parts: the kecamatan group, or every row since the last subtotal when
            # those are what it adds up (a subtotal over puskesmas of several names).
            parts = rows[group_start:]
            counts = _counts(total)
            if (counts is not None and counts != _sum_counts(parts, at_least=1)
                    and counts == _sum_counts(rows[since:], at_least=1)):
                parts = rows[since:]
            _check_total(total, parts, layout, ledger, source_id, path)
            aside(total, msg("pk.subtotal_row"))
            subtotals.append(total)
            group_start = since = len(rows)
            continue
        if not has_values:
            # A note, or (before the total) a named row with no numbers at all: a region or
            # puskesmas that did not report (a half-filled template), left out and listed,
            # not an error; a row with some of its numbers is still checked cell by cell.
            named = names.get("puskesmas") or names.get("regency")
            footnote = bool(texts) and _FOOTNOTE.match(texts[0])
            if named and not table.totals and not footnote:
                ledger.add(source_id, path, line, None, "not_reported",
                           msg("pk.not_reported"), named)
            elif texts:
                ledger.add(source_id, path, line, None, "note_row", msg("pk.note_row"),
                           " ".join(texts)[:80])
            continue
        if names.get("kecamatan") and names["kecamatan"] != kecamatan:
            kecamatan = names["kecamatan"]
            new_group = True
        else:
            new_group = False
        name = names.get("puskesmas") or names.get("regency") or kecamatan or ""
        row = _parse(line, name, cells, cols, value_roles, style)
        if layout.level == "province":
            # Keep the name as written: Kabupaten/Kota prefixes decide between namesakes.
            row.name = str(cell("regency") or "").strip()
            if "code" in cols and cell("code") is not None:
                code = cell("code")
                row.code = str(int(code) if isinstance(code, float) and code.is_integer()
                               else code).strip()
        # A row that repeats the sum of the rows above it is a total whatever its label
        # says ("KABUPATEN GARUT", "KEC. SUMBERSARI", none). Every one of the nine counts must
        # match, over at least two parts and at least three non-zero counts: a real
        # puskesmas equal, in deliveries and several methods at once, to the sum of two or
        # more others does not happen by chance, while one row always "equals" itself and
        # zeros match anything (a table without KBPP acceptors would lose rows whose
        # deliveries happen to add up).
        counts = _counts(row)
        if counts is not None and counts[0] > 0 and sum(c > 0 for c in counts) >= 3:
            group = [] if new_group else rows[group_start:]
            # A kecamatan's own line (its name, no puskesmas, in a table of puskesmas) may
            # close a group of one puskesmas: there the name shows what the sum confirms.
            kecamatan_line = ("puskesmas" in cols and not names.get("puskesmas")
                              and names.get("kecamatan"))
            closed = rows[group_start:]
            if kecamatan_line and counts == _sum_counts(closed, at_least=1):
                group = closed
            if counts == _sum_counts(group, at_least=1 if group is closed else 2):
                aside(row, msg("pk.sum_row", first=group[0].line, last=group[-1].line))
                subtotals.append(row)
                group_start = since = len(rows)
                if new_group:  # the kecamatan line closed its group; the name is not a start
                    kecamatan = None
                continue
            # With kecamatan lines above their puskesmas (``heads``, told apart at the end),
            # the total is the sum of the puskesmas alone, or of those lines.
            parts = [r for r in rows if r.line not in heads]
            if counts in (_sum_counts(rows), _sum_counts(subtotals), _sum_counts(parts),
                          _sum_counts([r for r in rows if r.line in heads])):
                aside(row, msg("pk.sum_row", first=rows[0].line, last=rows[-1].line))
                continue
        if new_group:
            group_start = len(rows)
        if "puskesmas" in cols and not names.get("puskesmas") and names.get("kecamatan"):
            heads.add(line)  # a kecamatan's own line kept so far: it may head its group
        rows.append(row)
    _drop_heading_sums(rows, heads, aside)
    return table


def _drop_heading_sums(rows, heads, aside) -> None:
    """A kecamatan's own line written ABOVE its puskesmas (``KEC. TAROGONG`` then its
    puskesmas) is their sum: every count equal to the sum of the rows up to the next such
    line. It is kept out of the data like a subtotal below its group."""
    at = [i for i, r in enumerate(rows) if r.line in heads]
    drop = []
    for n, i in enumerate(at):
        parts = rows[i + 1:at[n + 1] if n + 1 < len(at) else len(rows)]
        counts = _counts(rows[i])
        if (parts and counts is not None and counts[0] > 0
                and counts == _sum_counts(parts, at_least=1)):
            aside(rows[i], msg("pk.sum_row", first=parts[0].line, last=parts[-1].line))
            drop.append(i)
    for i in reversed(drop):
        del rows[i]


def _total_kind(labels, own, level, resolver, province) -> str | None:
    """"total", "subtotal" or None, from the row's name cells and first text (``own``: those
    that may name the regency itself)."""
    for text in labels:
        if _SUBTOTAL_ROW.match(text):
            return "subtotal"
        if _TOTAL_ROW.match(text) or text.startswith("PROVINSI ") or _LEVEL_LABEL.match(text):
            return "total"
    for text in own:
        if level == "district" and re.match(r"^(KABUPATEN|KAB\.)\s*\S", text):
            return "total"  # no puskesmas is called "Kabupaten ...": the regency's own line
        if level == "district" and resolver is not None and re.match(r"^KOTA\s+\S", text):
            # "KOTA KEDIRI" is the regency's line; "KOTA KULON" may be a puskesmas.
            try:
                resolver.regency(text, province)
                return "total"
            except RegionError:
                pass
    return None


def _counts(row) -> list[float] | None:
    """Deliveries and the eight method counts, or None when one is not a number."""
    values = [row.values.get(r) for r in COUNT_ROLES]
    return None if any(v is None for v in values) else values


def _sum_counts(rows, at_least: int = 2) -> list[float] | None:
    """The column sums of at least ``at_least`` rows whose counts are all numbers, else None."""
    counts = [_counts(r) for r in rows]
    if len(counts) < at_least or any(c is None for c in counts):
        return None
    return [sum(column) for column in zip(*counts)]


def _parse(line, name, cells, cols, roles, style) -> ProfilRow:
    row = ProfilRow(line, name)
    for role in roles:
        raw = cells[cols[role]] if cols[role] < len(cells) else None
        if isinstance(raw, Unsaved):
            if role in COUNT_ROLES:
                row.values[role], row.bad[role] = None, raw
                row.unsaved.add(role)
                continue
            raw = None  # a Jumlah or % formula is only checked when its value was saved
        try:
            row.values[role] = _number(raw, style)
        except ValueError:
            row.values[role] = None
            row.bad[role] = str(raw)
        if role.startswith("pct_") and raw is not None:
            row.values[f"decimals_{role}"] = _decimals(raw)
    return row


def _check_rows(rows, layout, ledger, source_id, path) -> None:
    labels = layout.labels
    convention = _pct_convention(rows, layout)
    for row in rows:
        problems = []
        for role in ["deliveries", *[f"kbpp_{m}" for m in METHODS]]:
            value = row.values[role]
            if role in row.unsaved:
                problems.append(("missing_value", role, row.bad[role], msg("pk.unsaved")))
            elif role in row.bad:
                problems.append(("not_a_number", role, row.bad[role], msg("pk.not_a_number")))
            elif value is None:
                problems.append(("missing_value", role, "", msg("pk.empty")))
            elif value < 0 or value != round(value):
                problems.append(("out_of_range", role, number_text(value),
                                 msg("kbpp.whole_count")))
        if problems:
            reason, _, value, _ = problems[0]
            # "column 'A': what ('v'); column 'B': ...": the first cell names the row's column.
            cells = [msg("in_column", column=labels[r],
                         detail=msg("pk.what_value", what=what, value=str(v)) if v else what)
                     for _, r, v, what in problems]
            detail = (cells[0] if len(cells) == 1 else
                      msg("in_column", column=labels[problems[0][1]], detail=joined(
                          "join.semicolon", [cells[0].params["detail"], *cells[1:]])))
            ledger.add(source_id, path, row.line, None, reason, detail, value)
            continue
        acceptors = sum(row.values[f"kbpp_{m}"] for m in METHODS)
        if layout.level == "province" and acceptors > row.values["deliveries"]:
            # A regency cannot have more KBPP acceptors than deliveries: the row is rejected.
            label = labels["total"] if "total" in labels else labels["deliveries"]
            ledger.add(source_id, path, row.line, None, "inconsistent_total",
                       msg("in_column", column=label, detail=msg(
                           "pk.acceptors_above", acceptors=number_text(acceptors),
                           deliveries=number_text(row.values["deliveries"]))),
                       number_text(acceptors))
            continue
        _check_sums(row, layout, convention, ledger, source_id, path)


def _check_sums(row, layout, convention, ledger, source_id, path, what="row") -> None:
    """Jumlah against the methods, acceptors against deliveries, % cells against counts."""
    labels, values = layout.labels, row.values
    acceptors = sum(values[f"kbpp_{m}"] for m in METHODS)
    deliveries = values["deliveries"]
    if "total" in layout.columns:
        if "total" in row.bad:
            ledger.add(source_id, path, row.line, labels["total"], "not_a_number",
                       msg("pk.jumlah_not_number"),
                       row.bad["total"])
        elif values["total"] is not None and values["total"] != acceptors:
            ledger.add(source_id, path, row.line, labels["total"], "inconsistent_total",
                       msg("pk.methods_sum", total=number_text(acceptors)),
                       f"{number_text(values['total'])}")
    if what == "row" and layout.level == "district" and acceptors > deliveries:
        ledger.add(source_id, path, row.line, labels["total"] if "total" in labels else
                   labels["deliveries"], "inconsistent_total",
                   msg("pk.puskesmas_above", acceptors=number_text(acceptors),
                       deliveries=number_text(deliveries)),
                   number_text(acceptors))
    for key in [*METHODS, "total"]:
        role = f"pct_{key}"
        if role not in layout.columns:
            continue
        count = acceptors if key == "total" else values[f"kbpp_{key}"]
        of = "deliveries" if key == "total" or convention == "deliveries" else "KBPP acceptors"
        base = deliveries if of == "deliveries" else acceptors
        if role in row.bad:
            if base:  # "#DIV/0!" under a zero denominator is what the spreadsheet shows
                ledger.add(source_id, path, row.line, labels[role], "not_a_number",
                           msg("pk.pct_not_number"), row.bad[role])
            continue
        written = values[role]
        if written is not None and not 0 <= written <= 100:
            ledger.add(source_id, path, row.line, labels[role], "out_of_range",
                       msg("pk.percentage"), number_text(written))
            continue
        if written is None or not base:
            continue
        expected = 100.0 * count / base
        tolerance = 0.5 * 10.0 ** -values[f"decimals_{role}"] + 1e-6
        if abs(written - expected) > tolerance:
            ledger.add(source_id, path, row.line, labels[role], "inconsistent_total",
                       msg("pk.pct_is", count=number_text(count), base=number_text(base),
                           of=msg("pk.deliveries" if of == "deliveries" else "pk.acceptors"),
                           pct=float(expected)),
                       number_text(written))


def _pct_convention(rows, layout) -> str:
    """Whether this file's method % are shares of acceptors or of deliveries (most cells win)."""
    votes = {"acceptors": 0, "deliveries": 0}
    for row in rows:
        v = row.values
        try:
            acceptors = sum(v[f"kbpp_{m}"] for m in METHODS)
        except TypeError:
            continue
        for m in METHODS:
            written, count = v.get(f"pct_{m}"), v[f"kbpp_{m}"]
            if written is None or not count:
                continue
            tolerance = 0.5 * 10.0 ** -v[f"decimals_pct_{m}"] + 1e-6
            for name, base in (("acceptors", acceptors), ("deliveries", v["deliveries"])):
                if base and abs(written - 100.0 * count / base) <= tolerance:
                    votes[name] += 1
    return "deliveries" if votes["deliveries"] > votes["acceptors"] else "acceptors"


def _check_total(total, rows, layout, ledger, source_id, path) -> None:
    """The JUMLAH row against the sum of the rows, then its own Jumlah and % cells."""
    for role in ["deliveries", *[f"kbpp_{m}" for m in METHODS], "total"]:
        if role not in layout.columns or role in total.bad or total.values[role] is None:
            continue
        if role == "total":
            column_sum = sum(sum(r.values[f"kbpp_{m}"] or 0 for m in METHODS) for r in rows)
        else:
            column_sum = sum(r.values[role] or 0 for r in rows)
        if total.values[role] != column_sum:
            ledger.add(source_id, path, total.line, layout.labels[role], "inconsistent_total",
                       msg("pk.rows_sum", total=number_text(column_sum)),
                       f"{number_text(total.values[role])}")
    methods_known = all(total.values.get(f"kbpp_{m}") is not None for m in METHODS)
    if methods_known and total.values.get("deliveries") is not None:
        _check_sums(total, layout, _pct_convention(rows, layout), ledger, source_id, path,
                    what="total")


def _district_record(code, year, rows, usable, rejected, allow_partial, ledger, source_id, path):
    bad = [r.line for r in rows if r.line in rejected]
    if bad and not allow_partial:
        ledger.add(source_id, path, None, None, "not_derivable",
                   msg("pk.needs_every_row", code=code, year=year, rows=", ".join(map(str, bad))))
        return []
    record = {"bps_code": code, "year": year, "line": None,
              "deliveries": sum(r.values["deliveries"] for r in usable)}
    for m in METHODS:
        record[f"kbpp_{m}"] = sum(r.values[f"kbpp_{m}"] for r in usable)
    return [record]


def _province_records(usable, year, province_code, bare_means, resolver, layout, ledger,
                      source_id, path):
    label = layout.labels["regency"]
    if bare_means is None:
        kinds = {_prefix(r.name) for r in usable}
        bare_means = "kabupaten" if "kota" in kinds and "kabupaten" not in kinds else None
    # A code column beside the names (the project's template has "Kode BPS") must agree
    # with them: a disagreement is a code_name_mismatch, never settled by either.
    header = layout.labels.get("code", "").upper()
    system = "bps" if "BPS" in header else "kemendagri" if "DAGRI" in header else None
    records = []
    for row in usable:
        try:
            if row.code:
                code = resolver.code_and_name(row.code, row.name, province_code,
                                              bare_means=bare_means, system=system).bps_code
            else:
                code = resolver.regency(row.name, province_code, bare_means=bare_means)
        except RegionError as exc:
            column = (layout.labels["code"] if row.code and exc.reason == "code_name_mismatch"
                      else label)
            ledger.add(source_id, path, row.line, None, exc.reason,
                       msg("in_column", column=column, detail=message_of(exc)), row.name)
            continue
        record = {"bps_code": code, "year": year, "line": row.line,
                  "deliveries": row.values["deliveries"]}
        record.update({f"kbpp_{m}": row.values[f"kbpp_{m}"] for m in METHODS})
        records.append(record)
    return records


def _locate_rejected(rows, rejected, province_code, bare_means, resolver, ledger, path):
    """A province row rejected whole still names its regency in its problem lines, when its
    name (and code) resolve to one; otherwise the line names none (no guess)."""
    if bare_means is None:
        kinds = {_prefix(r.name) for r in rows}
        bare_means = "kabupaten" if "kota" in kinds and "kabupaten" not in kinds else None
    for row in rows:
        if row.line not in rejected:
            continue
        try:
            code = (resolver.code_and_name(row.code, row.name, province_code,
                                           bare_means=bare_means).bps_code if row.code
                    else resolver.regency(row.name, province_code, bare_means=bare_means))
        except RegionError:
            continue
        ledger.locate(path, row.line, code)


def _prefix(name: str) -> str | None:
    return split_prefix(name)[0]
