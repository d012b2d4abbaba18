"""Profil Kesehatan KBPP tables as district and province offices really write them: a title
that names no type (``KABUPATEN/KOTA KEDIRI``), puskesmas called Sumbersari, totals and
subtotals without a JUMLAH label, a target column beside the deliveries, codes that disagree
with names, formulas never computed, damaged or old spreadsheets, the project's own
templates filled and written twice. Every file is generated here; every expected number is
added up by hand from the rows the test writes.
"""
from __future__ import annotations

import openpyxl
import pytest
from typer.testing import CliRunner

from kbanalysis.cli import app
from kbanalysis.sources.kbpp_import import read_kbpp_file

runner = CliRunner()

METHODS = ["Kondom", "Suntik", "Pil", "AKDR", "MOP", "MOW", "Implan", "MAL"]
# Two puskesmas and what they add up to (deliveries, then the eight method counts).
A = (100, [1, 10, 2, 5, 0, 3, 4, 0])   # 25 acceptors
B = (200, [2, 20, 4, 10, 0, 6, 8, 0])  # 50 acceptors


def header(first="No;Kecamatan;Puskesmas;Jumlah Ibu Bersalin"):
    return [first + ";" + "".join(f"{m};;" for m in METHODS) + "Jumlah;",
            ";" * first.count(";") + ";" + "Jumlah;%;" * 9]


def row(no, kecamatan, puskesmas, counts, *, before=""):
    deliveries, methods = counts
    return (f"{no};{kecamatan};{puskesmas};{before}{deliveries};"
            + "".join(f"{c};;" for c in methods) + f"{sum(methods)};")


def write(path, title, rows, *, top=("PROFIL KESEHATAN", "TABEL 39 CAKUPAN DAN PROPORSI PESERTA "
                                     "KB PASCA PERSALINAN MENURUT JENIS KONTRASEPSI"),
          head=None, footer=("Sumber: Seksi Kesehatan Keluarga",)):
    """A district table as a ';' CSV: two header lines, the title on row 3, the year."""
    lines = [*top, title, "TAHUN 2023", "", *(head or header()), *rows, *footer]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def check(*args):
    return runner.invoke(app, ["data", "check", *map(str, args)])


def single(frame):
    assert len(frame) == 1, frame
    return frame.iloc[0]


# --- 1. a title that names no type ------------------------------------------------------------

def test_kabupaten_kota_title_is_refused_on_its_row_and_regency_settles_it(tmp_path):
    path = write(tmp_path / "profil_kediri.csv", "KABUPATEN/KOTA KEDIRI",
                 [row(1, "Pare", "Pare", A), row(2, "Kunjang", "Kunjang", B)])
    result = check(path)
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{path}, baris 3: seharusnya judul yang menyebut kabupaten atau kota")
    assert "--regency 3506 (Kabupaten Kediri)" in first and "--regency 3571 (Kota Kediri)" in first

    result = check(path, "--regency", "3506")
    assert result.exit_code == 0, result.output
    got = single(read_kbpp_file(path, region="3506")[0])
    assert (got["bps_code"], got["deliveries"], got["kbpp_suntik"]) == ("3506", 300, 30)


def test_dinas_kesehatan_kab_kota_title_is_decided_by_the_regency_total_row(tmp_path):
    # The last row names the type (and is a total, not a third puskesmas).
    path = write(tmp_path / "dinkes_blitar.csv", "DINAS KESEHATAN KAB/KOTA BLITAR",
                 [row(1, "Wlingi", "Wlingi", A), row(2, "Talun", "Talun", B),
                  row("", "", "KABUPATEN BLITAR", (300, [3, 30, 6, 15, 0, 9, 12, 0]))])
    assert check(path).exit_code == 0
    got = single(read_kbpp_file(path)[0])
    assert (got["bps_code"], got["deliveries"], got["kbpp_total"]) == ("3505", 300, 75)


def test_kab_kota_title_of_a_name_only_a_kabupaten_has_just_works(tmp_path):
    path = write(tmp_path / "lotim.csv", "KABUPATEN/KOTA LOMBOK TIMUR",
                 [row(1, "Selong", "Selong", A), row(2, "Masbagik", "Masbagik", B)])
    result = check(path)
    assert result.exit_code == 0, result.output
    got = single(read_kbpp_file(path)[0])
    assert (got["bps_code"], got["deliveries"]) == ("5203", 300)


def test_regency_never_overrides_a_title_that_names_another_regency(tmp_path):
    path = write(tmp_path / "kab_kediri.csv", "KABUPATEN KEDIRI",
                 [row(1, "Pare", "Pare", A), row(2, "Kunjang", "Kunjang", B)])
    result = check(path, "--regency", "3571")
    assert result.exit_code == 1
    line = result.stdout.splitlines()[0]
    assert line.startswith(f"{path}, baris 3: seharusnya judul, kodenya dan baris jumlah yang "
                           "menyebut satu kabupaten/kota yang sama")
    assert "--regency 3571 = Kota Kediri (3571" in line
    assert "KABUPATEN KEDIRI = Kabupaten Kediri (3506" in line


def test_regency_passes_through_data_build(raw_dir, tmp_path):
    path = write(tmp_path / "kab_kota_kediri.csv", "KAB/KOTA KEDIRI",
                 [row(1, "Pare", "Pare", A), row(2, "Kunjang", "Kunjang", B)])
    out = tmp_path / "processed"
    args = ["data", "build", "--raw", str(raw_dir), "--out", str(out), "--kbpp", str(path)]
    refused = runner.invoke(app, args)
    assert refused.exit_code == 1 and "--regency 3506" in refused.stderr
    assert not out.exists()
    built = runner.invoke(app, [*args, "--regency", "3506"])
    assert built.exit_code == 0, built.output
    kbpp = (out / "kbpp.csv").read_text().splitlines()
    kediri = [line for line in kbpp if line.startswith("3506,2023,")]
    assert len(kediri) == 1 and ",300," in kediri[0]
    assert not [line for line in kbpp if line.startswith("3571,2023,")]


# --- 2. names beginning with "Sumber" ---------------------------------------------------------

def test_sumber_puskesmas_are_counted_and_notes_below_the_table_are_ledgered(tmp_path):
    path = write(tmp_path / "jember.csv", "KABUPATEN JEMBER",
                 [row(1, "Sumbersari", "Sumbersari", A), row(2, "Sumberjambe", "Sumberjambe", B),
                  row(3, "Sumber Baru", "Sumber Baru", A)],
                 footer=("Sumber: Seksi Kesga", "Sumber data: laporan puskesmas",
                         "Keterangan: MAL = metode amenore laktasi"))
    result = check(path)
    assert result.exit_code == 0, result.output
    frame, ledger = read_kbpp_file(path)
    got = single(frame)
    assert (got["bps_code"], got["deliveries"], got["kbpp_suntik"]) == ("3509", 400, 40)
    # Rows 11-13 are the notes: each in the ledger with its line.
    assert sorted((r.row, r.reason) for r in ledger.rejects) == [
        (11, "note_row"), (12, "note_row"), (13, "note_row")]


def test_the_district_template_with_sumber_puskesmas_reads_back(tmp_path):
    made = runner.invoke(app, ["template", "--regency", "3509", "--year", "2023", "--rows", "5",
                               "--out", str(tmp_path)])
    assert made.exit_code == 0, made.output
    path = tmp_path / "kbpp_3509_kabupaten_jember_2023.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book["Tabel KBPP"]
    for r, (name, (deliveries, methods)) in enumerate(
            [("Sumbersari", A), ("Sumberjambe", B)], start=8):
        sheet.cell(r, 3, name)
        sheet.cell(r, 4, deliveries)
        for k, count in enumerate(methods):
            sheet.cell(r, 5 + 2 * k, count)
    book.save(path)
    result = check(path)
    assert result.exit_code == 0, result.output
    got = single(read_kbpp_file(path)[0])
    assert (got["bps_code"], got["deliveries"], got["kbpp_total"]) == ("3509", 300, 75)


# --- 3. totals and subtotals without a JUMLAH label -------------------------------------------

C = (50, [0, 5, 1, 2, 0, 1, 1, 0])  # 10 acceptors


def test_subtotals_and_a_final_regency_row_are_not_added_to_their_parts(tmp_path):
    ab = (300, [3, 30, 6, 15, 0, 9, 12, 0])
    abc = (350, [3, 35, 7, 17, 0, 10, 13, 0])
    path = write(tmp_path / "garut.csv", "KABUPATEN GARUT",
                 [row(1, "Garut Kota", "Guntur", A), row(2, "Garut Kota", "Haurpanggung", B),
                  row("", "SUB TOTAL", "", ab),
                  row(3, "Tarogong", "Tarogong", C),
                  row("", "Sub Jumlah", "", C),
                  row("", "", "KABUPATEN GARUT", abc)])
    result = check(path)
    assert result.exit_code == 0, result.output
    frame, ledger = read_kbpp_file(path)
    got = single(frame)
    assert (got["bps_code"], got["deliveries"], got["kbpp_suntik"]) == ("3205", 350, 35)
    assert sorted((r.row, r.reason) for r in ledger.rejects) == [
        (10, "aggregate_row"), (12, "aggregate_row"), (13, "aggregate_row"), (14, "note_row")]


def test_an_unlabelled_sum_row_is_a_total_and_a_partial_coincidence_is_not(tmp_path):
    # Row 3 repeats deliveries 300 = 100 + 200 but not the methods: a real puskesmas.
    coincidence = (300, [1, 1, 1, 1, 0, 1, 1, 0])
    everything = (600, [4, 31, 7, 16, 0, 10, 13, 0])
    path = write(tmp_path / "garut_tanpa_label.csv", "KABUPATEN GARUT",
                 [row(1, "", "Guntur", A), row(2, "", "Haurpanggung", B),
                  row(3, "", "Sukaresmi", coincidence),
                  row("", "", "", everything),
                  row("", "", "KAB/KOTA", everything)])
    result = check(path)
    assert result.exit_code == 0, result.output
    frame, ledger = read_kbpp_file(path)
    got = single(frame)
    assert (got["deliveries"], got["kbpp_suntik"], got["kbpp_total"]) == (600, 31, 81)
    assert {r.row: r.reason for r in ledger.rejects} == {
        11: "aggregate_row", 12: "aggregate_row", 13: "note_row"}

    # No KBPP recorded anywhere: 60 + 40 = 100 is a coincidence of one column, not a total.
    zeros = [0] * 8
    path = write(tmp_path / "tanpa_peserta.csv", "KABUPATEN GARUT",
                 [row(1, "", "Guntur", (60, zeros)), row(2, "", "Haurpanggung", (40, zeros)),
                  row(3, "", "Sukaresmi", (100, zeros))])
    got = single(read_kbpp_file(path)[0])
    assert (got["deliveries"], got["kbpp_total"]) == (200, 0)


def test_kecamatan_lines_below_their_puskesmas_are_totals_even_of_one(tmp_path):
    # Each kecamatan closes with its own line (name, no puskesmas); Gurah has one puskesmas.
    path = write(tmp_path / "kecamatan.csv", "KABUPATEN KEDIRI",
                 [row(1, "", "Pare", A), row(2, "", "Tulungrejo", B),
                  row("", "KEC. PARE", "", (300, [3, 30, 6, 15, 0, 9, 12, 0])),
                  row(3, "", "Gurah", C),
                  row("", "KEC. GURAH", "", C)])
    result = check(path)
    assert result.exit_code == 0, result.output
    got = single(read_kbpp_file(path)[0])
    assert (got["deliveries"], got["kbpp_suntik"], got["kbpp_total"]) == (350, 35, 85)


def test_a_labelled_subtotal_that_is_not_its_group_sum_is_reported(tmp_path):
    path = write(tmp_path / "subtotal_salah.csv", "KABUPATEN GARUT",
                 [row(1, "Garut Kota", "Guntur", A), row(2, "Garut Kota", "Haurpanggung", B),
                  row("", "SUBTOTAL", "", (310, [3, 30, 6, 15, 0, 9, 12, 0]))])
    result = check(path)
    assert result.exit_code == 1
    line = result.stdout.splitlines()[0]
    assert line.startswith(f"{path}, baris 10, kolom 'Jumlah Ibu Bersalin [D]': seharusnya ")
    assert "jumlah semua baris 300" in line and line.endswith("ditemukan '310'")
    got = single(read_kbpp_file(path)[0])
    assert got["deliveries"] == 300


# --- 5. a code column that disagrees with the names -------------------------------------------

def _filled_province_template(tmp_path):
    made = runner.invoke(app, ["template", "--province", "33", "--year", "2023",
                               "--out", str(tmp_path)])
    assert made.exit_code == 0, made.output
    path = tmp_path / "kbpp_33_jawa_tengah_2023.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book["Tabel KBPP"]
    rows = {}
    for r in range(8, 8 + 35):
        rows[sheet.cell(r, 2).value] = r
        sheet.cell(r, 4, 1000)
        for k in range(8):
            sheet.cell(r, 5 + 2 * k, 10)
    return book, sheet, rows, path


def test_swapped_tegal_names_in_the_province_template_are_a_code_name_mismatch(tmp_path):
    book, sheet, rows, path = _filled_province_template(tmp_path)
    kab, kota = rows["3328"], rows["3376"]
    sheet.cell(kab, 3, "Kota Tegal")
    sheet.cell(kota, 3, "Kabupaten Tegal")
    book.save(path)
    result = check(path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{path}, baris {kab}, kolom 'Kode BPS [B]': seharusnya kode dan "
                               "nama dari kabupaten/kota yang sama")
    assert "'3328' adalah Kabupaten Tegal" in lines[0]
    assert lines[1].startswith(f"{path}, baris {kota}, kolom 'Kode BPS [B]'")
    frame, _ = read_kbpp_file(path)
    assert not frame["bps_code"].isin(["3328", "3376"]).any()
    assert len(frame) == 33


def test_a_district_template_whose_title_name_and_code_disagree_is_refused(tmp_path):
    made = runner.invoke(app, ["template", "--regency", "3328", "--year", "2023", "--rows", "3",
                               "--out", str(tmp_path)])
    assert made.exit_code == 0, made.output
    path = tmp_path / "kbpp_3328_kabupaten_tegal_2023.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book["Tabel KBPP"]
    sheet.cell(2, 1, "KOTA TEGAL, PROVINSI JAWA TENGAH")  # the code on row 4 stays 3328
    sheet.cell(8, 3, "Slawi")
    sheet.cell(8, 4, 100)
    for k in range(8):
        sheet.cell(8, 5 + 2 * k, 1)
    book.save(path)
    result = check(path)
    assert result.exit_code == 1
    line = result.stdout.splitlines()[0]
    assert line.startswith(f"{path.name} [Tabel KBPP], baris 2: seharusnya judul, kodenya dan "
                           "baris jumlah yang menyebut satu kabupaten/kota yang sama")
    assert "Kota Tegal (3376" in line and "Kabupaten Tegal (3328" in line


# --- 6. targets are not deliveries ------------------------------------------------------------

def test_a_target_column_before_the_deliveries_is_not_read_as_deliveries(tmp_path):
    first = "No;Kecamatan;Puskesmas;Sasaran Ibu Bersalin;Jumlah Ibu Bersalin"
    path = write(tmp_path / "sasaran.csv", "KABUPATEN GARUT",
                 [row(1, "", "Guntur", A, before="130;"), row(2, "", "Haurpanggung", B,
                                                          before="260;")],
                 head=header(first))
    result = check(path)
    assert result.exit_code == 0, result.output
    got = single(read_kbpp_file(path)[0])
    assert (got["deliveries"], got["kbpp_total"]) == (300, 75)  # not the 390 of the targets


def test_a_jumlah_persalinan_column_beside_a_proyeksi_column_is_the_deliveries(tmp_path):
    first = "No;Kecamatan;Puskesmas;Proyeksi Persalinan;Jumlah Persalinan"
    path = write(tmp_path / "persalinan.csv", "KABUPATEN GARUT",
                 [row(1, "", "Guntur", A, before="120;"), row(2, "", "Haurpanggung", B,
                                                          before="210;")],
                 head=header(first))
    result = check(path)
    assert result.exit_code == 0, result.output
    got = single(read_kbpp_file(path)[0])
    assert (got["deliveries"], got["kbpp_total"]) == (300, 75)  # not the 330 projected


def test_two_delivery_columns_are_refused_with_their_names(tmp_path):
    first = "No;Kecamatan;Puskesmas;Ibu Bersalin Nakes;Jumlah Ibu Bersalin"
    path = write(tmp_path / "dua_kolom.csv", "KABUPATEN GARUT",
                 [row(1, "", "Guntur", A, before="90;")], head=header(first))
    result = check(path)
    assert result.exit_code == 1
    line = result.stdout.splitlines()[0]
    assert line.startswith(f"{path}, baris 6, kolom 'Jumlah Ibu Bersalin': seharusnya satu kolom "
                           "persalinan")
    assert "'IBU BERSALIN NAKES [D]'" in line and "'JUMLAH IBU BERSALIN [E]'" in line


def test_a_table_with_only_a_target_column_says_so(tmp_path):
    first = "No;Kecamatan;Puskesmas;Sasaran Ibu Bersalin"
    path = write(tmp_path / "hanya_sasaran.csv", "KABUPATEN GARUT",
                 [row(1, "", "Guntur", A)], head=header(first))
    result = check(path)
    assert result.exit_code == 1
    assert "'SASARAN IBU BERSALIN [D]' adalah sasaran, proyeksi atau estimasi" in result.stdout


# --- 8. the template command never overwrites -------------------------------------------------

def test_template_never_overwrites_a_filled_workbook_without_force(tmp_path):
    target = tmp_path / "kbpp_kalsel.xlsx"
    args = ["template", "--province", "63", "--year", "2023", "--out", str(target)]
    assert runner.invoke(app, args).exit_code == 0
    book = openpyxl.load_workbook(target)
    book["Tabel KBPP"].cell(8, 4, 777)  # the office's figure
    book.save(target)
    filled = target.read_bytes()

    again = runner.invoke(app, args)
    assert again.exit_code == 1
    assert again.stderr == (f"{target}: seharusnya nama berkas baru, ditemukan berkas yang sudah "
                            "ada (mungkin buku kerja yang sudah diisi); tidak ada yang ditulis. "
                            "Pakai --out lain, atau --force untuk menggantinya\n")
    assert target.read_bytes() == filled
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0
    assert openpyxl.load_workbook(target)["Tabel KBPP"].cell(8, 4).value is None

    # The report batch regenerates its own templates when they are out of date.
    from kbanalysis import config
    from kbanalysis.reporting.batch import ReportJob, write_report_templates

    if not config.ANALYSIS_CSV.is_file():
        pytest.skip("data/processed has not been built")
    job = ReportJob("id/province/63", "province", "63", "id", "Kalimantan Selatan", {},
                    province="63")
    reports = tmp_path / "reports"
    first = write_report_templates([job], reports, {})
    assert len(first) == 1 and (reports / first[0]).is_file()
    stale = {"templates": {first[0]: "an older template"}}
    assert write_report_templates([job], reports, stale) == first


# --- unclear or refused where it should work --------------------------------------------------

def test_a_count_formula_without_a_saved_value_says_open_and_save(tmp_path):
    path = tmp_path / "rumus.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    for line in ["TABEL 39 KB PASCA PERSALINAN", "KABUPATEN GARUT", "TAHUN 2023", *header()]:
        sheet.append(line.split(";"))
    sheet.append([1, "", "Guntur", "=60+40", *sum(([c, None] for c in A[1]), [])])  # row 6
    book.save(path)  # openpyxl saves formulas without their values
    result = check(path)
    assert result.exit_code == 1
    assert (f"{path}, baris 6 (Kab. Garut), kolom 'Jumlah Ibu Bersalin [D]': seharusnya ada "
            "nilai (rumus tanpa "
            "nilai tersimpan: buka dan simpan di Excel atau LibreOffice ('=60+40'))"
            ) in result.stdout


def test_a_damaged_workbook_is_called_damaged(tmp_path):
    path = tmp_path / "profil_rusak.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    result = check(path)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f"{path}: seharusnya buku kerja .xlsx yang dapat dibaca, ditemukan 'berkas rusak (bukan "
        "buku kerja yang bisa dibuka Excel): simpan ulang sebagai .xlsx'")


@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_an_old_or_calc_spreadsheet_says_save_as_xlsx(tmp_path, suffix):
    path = tmp_path / f"profil_2023{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 60)
    result = check(path)
    assert result.exit_code == 1
    assert "simpan sebagai .xlsx" in result.stdout.splitlines()[0]


def province_table(path, title, names):
    lines = ["TABEL 39 CAKUPAN DAN PROPORSI PESERTA KB PASCA PERSALINAN", title, "",
             *header("No;Kabupaten/Kota;Jumlah Ibu Bersalin")]
    for no, name in enumerate(names, start=1):
        deliveries, methods = A
        lines.append(f"{no};{name};{deliveries};" + "".join(f"{c};;" for c in methods)
                     + f"{sum(methods)};")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_misspelt_kabupaten_suggests_the_kabupaten_not_the_kota(tmp_path):
    path = province_table(tmp_path / "jateng.csv", "PROVINSI JAWA TENGAH TAHUN 2021",
                          ["Kab. Tgal", "Kota Semarang"])
    result = check(path)
    assert result.exit_code == 1
    line = result.stdout.splitlines()[0]
    assert "Kabupaten Tegal (3328, Jawa Tengah)" in line and "Kota Tegal" not in line


def test_a_papua_table_from_before_the_split_is_read(tmp_path):
    path = province_table(tmp_path / "papua_2021.csv", "PROVINSI PAPUA TAHUN 2021",
                          ["Kabupaten Merauke", "Kabupaten Jayawijaya", "Kabupaten Nabire"])
    result = check(path)
    assert result.exit_code == 0, result.output
    frame, _ = read_kbpp_file(path)
    assert sorted(frame["bps_code"]) == ["9401", "9402", "9404"]
    assert set(frame["deliveries"]) == {100}
