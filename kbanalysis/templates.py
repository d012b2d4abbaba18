"""Fill-in workbooks for an office's own KBPP figures (``kbanalysis template``).

The workbook holds the Profil Kesehatan table "Cakupan dan proporsi peserta KB pasca
persalinan menurut jenis kontrasepsi" in the layout ``sources.profil_kesehatan`` reads: a
province template lists its kabupaten/kota with their BPS codes; a district template
(``regency=``) leaves blank puskesmas rows the office can extend. Counts are restricted to
whole numbers >= 0 by Excel data validation (pasting can bypass it: ``data check`` catches
what slips through); Jumlah and % cells are formulas that stay empty instead of dividing by
zero, and a JUMLAH row sums the columns. A second sheet tells, in Bahasa Indonesia, what to
fill (the year included), what not to touch, where to send the file, and the analyst's two
commands.

openpyxl writes formulas without cached values; the reader then sees empty Jumlah and %
cells and checks only the counts. A workbook saved again by Excel or LibreOffice carries the
computed values, which the reader checks against the counts like any office's table.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import atomic, config
from .regions import load_provinces, load_regions
from .sources.kbpp_parts import METHOD_LABELS  # the headers the Profil reader recognises

TABLE_TITLE = "Cakupan dan proporsi peserta KB pasca persalinan menurut jenis kontrasepsi"
TABLE_SHEET = "Tabel KBPP"
GUIDE_SHEET = "Petunjuk"
TEMPLATES_SUBDIR = "templates"  # beside the reports: <reports>/templates/<file>.xlsx
DEFAULT_BLANK_ROWS = 30  # puskesmas rows of a district template (the office can add more)
INPUT_YELLOW = "FFE699"  # the cells an office types in: a yellow that shows on a pale screen

# Columns (1-based): No, Kode BPS, name, Jumlah ibu bersalin, then count and % per method,
# then Jumlah and %.
COL_NO, COL_CODE, COL_NAME, COL_DELIVERIES = 1, 2, 3, 4
FIRST_METHOD_COL = 5
COL_TOTAL = FIRST_METHOD_COL + 2 * len(config.KBPP_METHODS)
COL_TOTAL_PCT = COL_TOTAL + 1
TITLE_ROWS = 4  # title, region, year, region code
HEADER_ROWS = 3  # group row, method names, Jumlah/% under each method
FIRST_DATA_ROW = TITLE_ROWS + HEADER_ROWS + 1


@dataclass(frozen=True)
class TemplateSpec:
    """What one workbook is for: a province's regencies or one regency's puskesmas."""

    level: str  # "province" (kab/kota rows) or "district" (puskesmas rows)
    year: int
    province: str  # BPS province code
    province_name: str
    regency: str | None = None  # BPS regency code of a district template
    regency_name: str | None = None
    rows: tuple[tuple[str, str], ...] = ()  # (BPS code, name) per kab/kota row
    blank_rows: int = DEFAULT_BLANK_ROWS
    contact: str = ""  # whom the office sends the filled file to ("": whoever sent it)

    @property
    def n_rows(self) -> int:
        return len(self.rows) if self.level == "province" else self.blank_rows

    @property
    def region_line(self) -> str:
        if self.level == "province":
            return f"Provinsi {self.province_name}"
        return f"{self.regency_name}, Provinsi {self.province_name}"


def default_year(today: dt.date | None = None) -> int:
    """Last calendar year: the latest year an office's annual figures are complete for."""
    return (today or dt.date.today()).year - 1


def report_template_year(cross: pd.DataFrame) -> int:
    """The year of the templates the reports offer: the year before the latest survey
    stunting year of the regencies in ``cross`` (one row per regency with
    ``stunting_survey_pct_year``, as ``reporting.content.cross_section`` gives), i.e. the
    latest KBPP year the model can pair with it. From the data, so a report's link does not
    depend on the day it was made; last calendar year when no survey year is known."""
    years = cross["stunting_survey_pct_year"].dropna() if "stunting_survey_pct_year" in cross \
        else pd.Series(dtype=float)
    return int(years.max()) - 1 if len(years) else default_year()


def province_spec(province: str, year: int, regions: pd.DataFrame | None = None,
                  provinces: pd.DataFrame | None = None) -> TemplateSpec:
    """A province template: its kab/kota in BPS code order. KeyError for an unknown code."""
    regions = load_regions() if regions is None else regions
    provinces = load_provinces() if provinces is None else provinces
    names = dict(zip(provinces["province_bps"].astype(str), provinces["province_name"]))
    province = str(province).strip()
    if province not in names:
        raise KeyError(province)
    members = regions[regions["province_bps"].astype(str) == province].sort_values("bps_code")
    rows = tuple(zip(members["bps_code"].astype(str), members["name"]))
    return TemplateSpec("province", int(year), province, names[province], rows=rows)


def district_spec(regency: str, year: int, blank_rows: int = DEFAULT_BLANK_ROWS,
                  regions: pd.DataFrame | None = None) -> TemplateSpec:
    """A district template: ``blank_rows`` puskesmas rows. KeyError for an unknown code."""
    regions = load_regions() if regions is None else regions
    row = regions[regions["bps_code"].astype(str) == str(regency).strip()]
    if row.empty:
        raise KeyError(regency)
    info = row.iloc[0]
    return TemplateSpec("district", int(year), str(info["province_bps"]), info["province_name"],
                        str(info["bps_code"]), info["name"], blank_rows=int(blank_rows))


def file_name(spec: TemplateSpec) -> str:
    """``kbpp_63_kalimantan_selatan_2025.xlsx`` (a district: ``kbpp_6371_kota_banjarmasin_...``)."""
    code, name = ((spec.province, spec.province_name) if spec.level == "province"
                  else (spec.regency, spec.regency_name))
    return f"kbpp_{code}_{_slug(name)}_{spec.year}.xlsx"


def report_template_path(province: str, province_name: str, year: int) -> str:
    """A province template's path relative to the reports folder (pages link to it)."""
    spec = TemplateSpec("province", int(year), str(province), province_name)
    return f"{TEMPLATES_SUBDIR}/{file_name(spec)}"


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return "_".join(re.findall(r"[a-z0-9]+", ascii_text.lower())) or "wilayah"


# --------------------------------------------------------------------------------------
# The workbook


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(col)


def _method_cols() -> list[int]:
    return [FIRST_METHOD_COL + 2 * k for k in range(len(config.KBPP_METHODS))]


class TemplateExists(FileExistsError):
    """The target already exists: it may be a workbook an office has filled."""


def write_template(spec: TemplateSpec, path, *, overwrite: bool = False) -> Path:
    """Write the workbook of ``spec`` to ``path`` (all or nothing) and return the path.

    An existing file is never replaced unless ``overwrite`` (``--force``; the report batch
    regenerating its own templates): it may be a workbook an office has already filled.
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise TemplateExists(path)
    book = build_workbook(spec)
    with atomic.staged_path(path) as staged:
        book.save(staged)
    return path


def build_workbook(spec: TemplateSpec):
    """The openpyxl workbook of ``spec``: the instructions sheet first, then the table."""
    import openpyxl

    book = openpyxl.Workbook()
    guide = book.active
    guide.title = GUIDE_SHEET
    sheet = book.create_sheet(TABLE_SHEET)
    _write_table(sheet, spec)
    _write_guide(guide, spec)
    # Fixed document dates: the same template twice is the same content, whatever the day.
    stamp = dt.datetime(spec.year, 1, 1)
    book.properties.created = book.properties.modified = stamp
    book.properties.creator = "kbanalysis"
    book.properties.title = f"{TABLE_TITLE} {spec.year}"
    book.active = 1  # the office opens the workbook on the table
    return book


def _write_table(sheet, spec: TemplateSpec) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    bold = Font(bold=True)
    thin = Side(style="thin", color="808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    fill_input = PatternFill("solid", fgColor=INPUT_YELLOW)  # what the office types
    fill_fixed = PatternFill("solid", fgColor="E8E8E8")  # pre-filled or computed
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)

    # Title rows: the reader takes the year and the region from them.
    sheet.cell(1, 1, TABLE_TITLE.upper()).font = Font(bold=True, size=12)
    sheet.cell(2, 1, spec.region_line.upper()).font = bold
    year_cell = sheet.cell(3, 1, f"TAHUN {spec.year}")  # the office may change the year
    year_cell.font, year_cell.fill = bold, fill_input
    code = (f"KODE BPS PROVINSI {spec.province}" if spec.level == "province"
            else f"KODE BPS KABUPATEN/KOTA {spec.regency}")
    sheet.cell(4, 1, code)  # a line of its own: the reader finds the region by its name

    top = TITLE_ROWS + 1
    name_label = "Kabupaten/Kota" if spec.level == "province" else "Puskesmas"
    for col, label in ((COL_NO, "No"), (COL_CODE, "Kode BPS"), (COL_NAME, name_label),
                       (COL_DELIVERIES, "Jumlah ibu bersalin")):
        sheet.cell(top, col, label)
        sheet.merge_cells(start_row=top, start_column=col, end_row=top + 2, end_column=col)
    sheet.cell(top, FIRST_METHOD_COL, "Peserta KB pasca persalinan")
    sheet.merge_cells(start_row=top, start_column=FIRST_METHOD_COL, end_row=top,
                      end_column=COL_TOTAL_PCT)
    for col, method in zip(_method_cols(), config.KBPP_METHODS):
        sheet.cell(top + 1, col, METHOD_LABELS[method])
        sheet.merge_cells(start_row=top + 1, start_column=col, end_row=top + 1, end_column=col + 1)
    sheet.cell(top + 1, COL_TOTAL, "Jumlah")
    sheet.merge_cells(start_row=top + 1, start_column=COL_TOTAL, end_row=top + 1,
                      end_column=COL_TOTAL_PCT)
    for col in [*_method_cols(), COL_TOTAL]:
        sheet.cell(top + 2, col, "Jumlah")
        sheet.cell(top + 2, col + 1, "%")
    for row in sheet.iter_rows(min_row=top, max_row=top + 2, max_col=COL_TOTAL_PCT):
        for cell in row:
            cell.font, cell.alignment, cell.border = bold, centre, box

    first, last = FIRST_DATA_ROW, FIRST_DATA_ROW + spec.n_rows - 1
    counts = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0",
                            allow_blank=True, showErrorMessage=True, errorStyle="stop",
                            errorTitle="Angka tidak sah",
                            error="Isi bilangan bulat 0 atau lebih (tanpa desimal, tanpa tanda "
                                  "minus).")
    sheet.add_data_validation(counts)
    for i in range(spec.n_rows):
        r = first + i
        sheet.cell(r, COL_NO, i + 1)
        if spec.level == "province":
            code, name = spec.rows[i]
            sheet.cell(r, COL_CODE, code).number_format = "@"  # text: Excel keeps the code as written
            sheet.cell(r, COL_NAME, name)
        _row_formulas(sheet, r)
        for col in range(1, COL_TOTAL_PCT + 1):
            cell = sheet.cell(r, col)
            cell.border = box
            typed = col == COL_DELIVERIES or col in _method_cols() or (
                spec.level == "district" and col == COL_NAME)
            cell.fill = fill_input if typed else fill_fixed
        counts.add(f"{_letter(COL_DELIVERIES)}{r}")
        for col in _method_cols():
            counts.add(f"{_letter(col)}{r}")

    total = last + 1
    sheet.cell(total, COL_NAME, "JUMLAH")
    for col in [COL_DELIVERIES, *_method_cols(), COL_TOTAL]:
        letter = _letter(col)
        sheet.cell(total, col, f"=SUM({letter}{first}:{letter}{last})")
    _pct_formulas(sheet, total)
    for col in range(1, COL_TOTAL_PCT + 1):
        cell = sheet.cell(total, col)
        cell.font, cell.border, cell.fill = bold, box, fill_fixed

    note = total + 2
    sheet.cell(note, 1, "Keterangan: % per metode = proporsi terhadap jumlah peserta KB pasca "
                        "persalinan; % Jumlah = peserta KB pasca persalinan / ibu bersalin x 100.")
    sheet.cell(note + 1, 1, "Keterangan: sel kuning diisi; sel abu-abu terisi otomatis, jangan "
                            "diubah. Lihat lembar \"Petunjuk\".")

    for r in range(first, total + 1):
        for col in [*_method_cols(), COL_TOTAL]:
            sheet.cell(r, col + 1).number_format = "0.0"
    sheet.column_dimensions[_letter(COL_NO)].width = 5
    sheet.column_dimensions[_letter(COL_CODE)].width = 9
    sheet.column_dimensions[_letter(COL_NAME)].width = 30
    sheet.column_dimensions[_letter(COL_DELIVERIES)].width = 12
    sheet.freeze_panes = sheet.cell(first, COL_DELIVERIES)


def _row_formulas(sheet, r: int) -> None:
    """Jumlah (empty while no method is filled) and the % cells of row ``r``."""
    cells = ",".join(f"{_letter(c)}{r}" for c in _method_cols())
    added = "+".join(f"N({_letter(c)}{r})" for c in _method_cols())
    sheet.cell(r, COL_TOTAL, f'=IF(COUNT({cells})=0,"",{added})')
    _pct_formulas(sheet, r)


def _pct_formulas(sheet, r: int) -> None:
    """Method % of acceptors and Jumlah % of deliveries; empty instead of dividing by zero."""
    total, deliveries = f"{_letter(COL_TOTAL)}{r}", f"{_letter(COL_DELIVERIES)}{r}"
    for col in _method_cols():
        count = f"{_letter(col)}{r}"
        sheet.cell(r, col + 1, f'=IF(OR({count}="",N({total})=0),"",{count}/{total}*100)')
    sheet.cell(r, COL_TOTAL_PCT,
               f'=IF(OR({total}="",N({deliveries})=0),"",{total}/{deliveries}*100)')


def _write_guide(sheet, spec: TemplateSpec) -> None:
    from openpyxl.styles import Alignment, Font

    name = file_name(spec)
    what = ("kabupaten/kota yang angkanya Anda pegang. Kantor kabupaten/kota cukup mengisi baris "
            "wilayahnya sendiri; baris yang dibiarkan kosong dibaca sebagai belum melapor, bukan "
            "kesalahan" if spec.level == "province" else
            "setiap puskesmas (satu baris per puskesmas; nama puskesmas di kolom Puskesmas)")
    contact = spec.contact.strip() or "pihak yang mengirimkan templat ini kepada Anda"
    lines = [
        (f"Templat KB pasca persalinan (KBPP) {spec.year} — {spec.region_line}", "title"),
        ("", ""),
        ("Yang diisi", "heading"),
        (f"1. Di lembar \"{TABLE_SHEET}\", isi sel kuning untuk {what}: Jumlah ibu bersalin "
         f"dalam setahun dan jumlah peserta KB pasca persalinan (metode modern dimulai "
         f"dalam {config.KBPP_WINDOW_DAYS} hari setelah persalinan) per metode: "
         + ", ".join(METHOD_LABELS.values()) + ".", ""),
        ("2. Isi bilangan bulat 0 atau lebih (tanpa desimal, tanpa tanda minus, tanpa titik "
         "ribuan bila diketik sebagai teks). Metode tanpa peserta diisi 0, jangan dikosongkan.",
         ""),
        ("3. Jumlah peserta KB pasca persalinan tidak boleh melebihi jumlah ibu bersalin "
         "kabupaten/kota.", ""),
        (f"4. Tahun data: templat ini untuk tahun {spec.year}. Bila angka Anda untuk tahun lain, "
         f"ganti angka tahun di sel kuning baris ketiga (\"TAHUN {spec.year}\" menjadi, misalnya, "
         f"\"TAHUN {spec.year + 1}\"); kata TAHUN tetap.", ""),
    ]
    if spec.level == "district":
        lines.append(("5. Baris kosong boleh dibiarkan. Bila puskesmas lebih banyak dari "
                      "baris yang ada, sisipkan baris di atas baris kosong terakhir (bukan di "
                      "bawah JUMLAH) agar rumus JUMLAH ikut meluas.", ""))
    lines += [
        ("", ""),
        ("Yang tidak boleh diubah", "heading"),
        ("- Dua baris judul teratas (nama tabel, wilayah), baris kode BPS di bawah tahun, baris "
         "judul kolom, kolom No dan Kode BPS" + (", nama kabupaten/kota" if spec.level == "province" else "")
         + ".", ""),
        ("- Sel abu-abu: Jumlah, semua kolom % dan baris JUMLAH dihitung otomatis.", ""),
        ("- Nama lembar dan urutan kolom. Jangan menambah tabel lain di lembar yang sama.", ""),
        ("", ""),
        ("Setelah diisi", "heading"),
        (f"Simpan berkas ini, lalu kirim ke {contact}. Kantor Anda tidak perlu memasang perangkat "
         "lunak apa pun: penerima memeriksa berkas dan membuat ulang laporan dengan angka Anda.", ""),
        ("", ""),
        ("Untuk analis yang membuat laporan (dari folder proyek)", "heading"),
        (f".venv/bin/kbanalysis data check {name}", "command"),
        (f'make run KBPP="{name}"', "command"),
        ("Perintah pertama memeriksa berkas dan menyebut sel yang salah (baris dan kolom); "
         "perbaiki lalu ulangi sampai keluar \"OK\". Perintah kedua membangun ulang data, "
         "model dan semua laporan dengan angka kantor.", ""),
    ]
    for r, (text, kind) in enumerate(lines, start=1):
        cell = sheet.cell(r, 1, text)
        if kind == "title":
            cell.font = Font(bold=True, size=13)
        elif kind == "heading":
            cell.font = Font(bold=True)
        elif kind == "command":
            cell.font = Font(name="Courier New")
        elif kind == "note":
            cell.font = Font(italic=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 110
