"""Files as offices really send them, through the command line: re-saved from Excel as
cp1252 with ``;`` or UTF-8 with a BOM, open-data tables of totals only, Profil Kesehatan
tables with the ``%`` labels beside the method names, header-only downloads, workbooks with
several tables, and files the build must not silently trim. Expected values are read by
hand from the rows each test writes, never from the code under test.
"""
from __future__ import annotations

import openpyxl
import pytest
from typer.testing import CliRunner

from kbanalysis.cli import app
from kbanalysis.sources.jabar_opendata import read_opendata
from tests.fixtures.folders import folder_files
from tests.fixtures.opendata import resave, write_opendata_kbpp_pair
from tests.fixtures.profil_kesehatan import SAME_ROW_LINES, write_same_row_pct_table

runner = CliRunner()

STUNTING_HEADER = ("id,kode_provinsi,nama_provinsi,kode_kabupaten_kota,nama_kabupaten_kota,"
                   "persentase_balita_stunting,satuan,tahun")
TOTALS_HEADER = ("kode_provinsi;nama_provinsi;kode_kabupaten_kota;nama_kabupaten_kota;"
                 "jumlah_peserta_kb_pasca_persalinan;satuan;tahun;keterangan")


def add_note(path, text="catatan \u2013 d\u00e9mo"):
    """Add a ``keterangan`` column holding non-ASCII text (so cp1252 and UTF-8 differ)."""
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(
            [rows[0] + ["keterangan"]] + [row + [text] for row in rows[1:]])
    return path


def check(*args):  # the English lines these tests read (Indonesian is the default)
    return runner.invoke(app, ["data", "check", "--lang", "en", *map(str, args)])


def _totals(path, *rows):
    """An open-data table of total KBPP acceptors, saved as Excel on Windows saves it."""
    lines = [TOTALS_HEADER] + [f"32;JAWA BARAT;{code};{name};{value};ORANG;2023;{note}"
                               for code, name, value, note in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


# --- encodings and separators ---------------------------------------------------------------

def test_a_resaved_open_data_file_gives_the_same_values_and_check_says_how_it_was_read(tmp_path):
    plain = tmp_path / "od_17148_plain.csv"
    plain.write_text("\n".join([STUNTING_HEADER,
                                '1,32,JAWA BARAT,3205,KABUPATEN GARUT,"11,67",PERSEN,2024',
                                "2,32,JAWA BARAT,3273,KOTA BANDUNG,8.85,PERSEN,2024"]) + "\n",
                     encoding="utf-8")
    add_note(plain)
    ansi = resave(plain, tmp_path / "od_17148_ansi.csv", delimiter=";", encoding="cp1252")
    bom = resave(plain, tmp_path / "od_17148_bom.csv", delimiter=",", encoding="utf-8", bom=True)
    for path in (ansi, bom):
        tidy = read_opendata(path).tidy.sort_values("region_code")
        assert tidy["region_code"].tolist() == ["3205", "3273"]
        assert tidy["value"].tolist() == pytest.approx([11.67, 8.85])

    result = check(plain, ansi, bom)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"OK: {plain} (jabar_opendata; encoding utf-8, separator ',')",
        f"OK: {ansi} (jabar_opendata; encoding cp1252, separator ';')",
        f"OK: {bom} (jabar_opendata; encoding utf-8 with BOM, separator ',')"]


def test_a_semicolon_kbpp_pair_is_recognised_read_and_checked_together(tmp_path):
    (tmp_path / "plain").mkdir()
    deliveries, acceptors, _ = write_opendata_kbpp_pair(tmp_path / "plain", years=(2022,))
    add_note(deliveries), add_note(acceptors)
    ansi = resave(deliveries, tmp_path / "ibu_bersalin.csv", delimiter=";", encoding="cp1252")
    bom = resave(acceptors, tmp_path / "peserta_kbpp.csv", delimiter=";", encoding="utf-8",
                 bom=True)
    result = check(ansi, bom)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"OK: {ansi} (kbpp_opendata; encoding cp1252, separator ';')",
        f"OK: {bom} (kbpp_opendata; encoding utf-8 with BOM, separator ';')"]
    # Alone, the deliveries give no KBPP row: the build would refuse it, so check does too.
    alone = check(ansi)
    assert alone.exit_code == 1
    assert "expected at least one regency-year of usable KBPP data" in alone.stdout


# --- Profil Kesehatan: "%" beside each method name ------------------------------------------

def test_check_names_the_broken_percent_cell_and_the_regency_above_its_deliveries(tmp_path):
    path = write_same_row_pct_table(tmp_path / "tabel_39.csv")
    result = check(path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    # Kondom % of Kota Bandung (line 6, column E) reads 14548; Kabupaten Bogor (line 7) has
    # 400 acceptors in Jumlah (column T) for 300 deliveries.
    # The row's regency is named after the row (issue 15).
    assert lines[0].startswith(f"{path}, row 6 (Kota Bandung), column 'Kondom % [E]': expected ")
    assert "0 to 100" in lines[0] and lines[0].endswith("got '14548'")
    assert lines[1].startswith(f"{path}, row 7 (Kab. Bogor), column 'Jumlah [T]': expected ")
    assert "400 KBPP acceptors above 300 deliveries" in lines[1]
    assert lines[2] == f"2 problems: {path} (kbpp_profil_kesehatan; encoding cp1252, separator ';')"


def _two_sheet_workbook(path):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for year in ("2022", "2023"):
        sheet = book.create_sheet(f"Tabel 39 ({year})")
        for line in SAME_ROW_LINES[:5]:  # title, header and Garut: 500 of 1.000
            sheet.append(line.replace("TAHUN 2023", f"TAHUN {year}").split(";"))
    book.save(path)
    return path


def test_a_workbook_with_two_tables_names_them_and_sheet_picks_one(tmp_path):
    path = _two_sheet_workbook(tmp_path / "profil_2022_2023.xlsx")
    result = check(path)
    assert result.exit_code == 1
    [problem, summary] = result.stdout.splitlines()
    assert "'Tabel 39 (2022)', 'Tabel 39 (2023)'" in problem and "--sheet" in problem
    assert summary == f"1 problem: {path} (kbpp_profil_kesehatan)"
    result = check(path, "--sheet", "Tabel 39 (2023)")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"OK: {path} (kbpp_profil_kesehatan)\n"


# --- header-only downloads ------------------------------------------------------------------

def test_a_header_only_file_fails_check_with_one_line(tmp_path):
    path = tmp_path / "jumlah_ibu_bersalin.csv"
    path.write_text("kode_provinsi,nama_provinsi,kode_kabupaten_kota,nama_kabupaten_kota,"
                    "jumlah_ibu_bersalin,satuan,tahun\r\n", encoding="utf-8")
    result = check(path)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}, row 2: expected data rows below the header, got 'only the header'",
        f"1 problem: {path} (kbpp_opendata; encoding utf-8, separator ',')"]


# --- the build: nothing written when a user's file has problems -----------------------------

def build(raw_dir, out, *kbpp, extra=()):
    args = ["data", "build", "--raw", str(raw_dir), "--out", str(out), "--lang", "en"]
    for path in kbpp:
        args += ["--kbpp", str(path)]
    return runner.invoke(app, [*args, *extra])


@pytest.fixture(scope="module")
def built(raw_dir, tmp_path_factory):
    """A folder holding a finished build with one clean totals file (Garut 700)."""
    folder = tmp_path_factory.mktemp("office")
    good = _totals(folder / "kbpp_baik.csv", ("3205", "KABUPATEN GARUT", "700", "ok"))
    out = folder / "processed"
    result = build(raw_dir, out, good)
    assert result.exit_code == 0, result.output
    return folder, out


def test_a_header_only_file_fails_the_build_with_one_line_and_writes_nothing(built, raw_dir):
    folder, out = built
    before = folder_files(out)
    path = folder / "kosong.csv"
    path.write_text(TOTALS_HEADER + "\r\n", encoding="utf-8")
    result = build(raw_dir, out, path)
    assert result.exit_code == 1
    assert result.stderr == f"{path}, row 2: expected data rows below the header, got 'only the header'\n"
    assert folder_files(out) == before


def test_a_rejected_row_stops_the_build_unless_allowed(built, raw_dir):
    folder, out = built
    before = folder_files(out)
    bad = _totals(folder / "kbpp_salah.csv", ("3205", "KABUPATEN GARUT", "710", "caf\u00e9"),
                  ("3273", "KOTA BANDUNG", "tujuh ratus", ""))
    result = build(raw_dir, out, bad)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == (f"{bad}, row 3 (Kota Bandung), column 'jumlah_peserta_kb_pasca_persalinan': "
                        "expected a number, got 'tujuh ratus'")
    assert lines[1].startswith("kbpp_salah.csv: expected KBPP files the build can use; nothing "
                               "was written") and "--allow-rejects" in lines[1]
    assert len(lines) == 2
    assert folder_files(out) == before

    result = build(raw_dir, out, bad, extra=["--allow-rejects"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == (
        "--allow-rejects: 1 rejected row or cell of the --kbpp files left out "
        f"(listed in {out / 'rejects.csv'})")
    assert folder_files(out) != before
    kbpp = (out / "kbpp.csv").read_text()
    assert "3205,2023,,,,,,,,,,710," in kbpp and "\n3273,2023" not in kbpp


def test_regencies_dropped_as_conflicting_across_files_are_printed(built, raw_dir):
    folder, out = built
    before = folder_files(out)
    one = _totals(folder / "kbpp_a.csv", ("3205", "KABUPATEN GARUT", "700", ""),
                  ("3273", "KOTA BANDUNG", "300", ""))
    other = _totals(folder / "kbpp_b.csv", ("3205", "KABUPATEN GARUT", "701", ""))
    result = build(raw_dir, out, one, other)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert [line.split(": expected")[0] for line in lines[:2]] == [f"{one}, row 2 (Kab. Garut)",
                                                                  f"{other}, row 2 (Kab. Garut)"]
    assert all("kbpp_total is 700 in kbpp_a.csv row 2 but 701 in kbpp_b.csv row 2" in line
               for line in lines[:2])
    assert folder_files(out) == before
    # The same two files checked together report the same two lines.
    checked = check(one, other)
    assert checked.exit_code == 1 and checked.stdout.splitlines()[0] == lines[0]

    result = build(raw_dir, out, one, other, extra=["--allow-rejects"])
    assert result.exit_code == 0, result.output
    printed = result.stdout.splitlines()
    assert sum("dropped as a conflicting duplicate" in line for line in printed) == 2
    assert printed[-1].startswith("--allow-rejects: 2 rejected rows or cells")
