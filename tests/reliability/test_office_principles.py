"""The principles of issue 15 tried with other spellings and layouts than the first tests:
Excel's ``sep=`` line and Ctrl-Z in a register, ``nan``/``inf`` days, a UTC timestamp's
local date for duplicates, an identifier Excel wrote in scientific notation, postpartum
qualifiers in register headers, a kecamatan line written above its puskesmas, totals of a
coverage table without a label, a unit in thousands, and problem lines of Profil rows that
name their regency. Every file is written here; every expected number is counted by hand
from the rows written.
"""
from __future__ import annotations

from datetime import date

import pytest
from typer.testing import CliRunner

from kbanalysis.cli import app
from kbanalysis.clock import TODAY_ENV
from kbanalysis.sources.kbpp_import import read_kbpp_file
from kbanalysis.sources.registers import aggregate_register

runner = CliRunner()
TODAY = date(2026, 6, 30)
METHODS = ["Kondom", "Suntik", "Pil", "AKDR", "MOP", "MOW", "Implan", "MAL"]
# Three puskesmas: deliveries, then the eight method counts.
A = (100, [1, 10, 2, 5, 0, 3, 4, 0])   # 25 acceptors
B = (200, [2, 20, 4, 10, 0, 6, 8, 0])  # 50 acceptors
C = (50, [0, 5, 1, 2, 0, 1, 1, 0])     # 10 acceptors
A_B = (300, [3, 30, 6, 15, 0, 9, 12, 0])
A_B_C = (350, [3, 35, 7, 17, 0, 10, 13, 0])


def check(path, monkeypatch, *extra):
    monkeypatch.setenv(TODAY_ENV, TODAY.isoformat())
    return runner.invoke(app, ["data", "check", str(path), *extra])


def yearly(result, code) -> dict:
    rows = result.yearly[result.yearly["bps_code"] == code]
    return {int(r.year): (int(r.deliveries), int(r.kbpp_total)) for r in rows.itertuples()}


# --- registers: Excel's quirks, days, local dates, identifiers, headers ----------------------

def test_a_register_after_an_excel_sep_line_and_before_ctrl_z_reads_physical_lines(
        tmp_path, monkeypatch):
    path = tmp_path / "register.csv"
    path.write_bytes(b"sep=;\r\n"
                     b"tgl_persalinan;kab_kota;kb_pp;metode_kb\r\n"      # line 2
                     b"25/03/2023;Kab. Lombok Timur;Ya;Pil\r\n"          # 3
                     b"06/03/2023;Kab. Lombok Timur\r\n"                 # 4: two fields
                     b"07/03/2023;Kab. Lombok Timur;Tidak;\r\n"          # 5
                     b"\x1a")
    result = aggregate_register(path, today=TODAY)
    assert yearly(result, "5203") == {2023: (2, 1)}
    assert dict(zip(result.reasons["reason"], result.reasons["rows"])) == {"malformed_row": 1}
    out = check(path, monkeypatch)
    assert out.exit_code == 1
    assert (f"{path}, baris 4: seharusnya isian sebanyak kolom pada baris judul (2 isian, "
            "baris judul punya 4)") in out.stdout
    assert "tgl_persalinan'" not in out.stdout  # the header is no record
    assert "\\x1a" not in out.stdout


def test_a_cp1252_register_after_a_sep_line_names_the_line_of_its_bad_method(
        tmp_path, monkeypatch):
    path = tmp_path / "register.csv"
    path.write_bytes("sep=,\r\ntgl_persalinan,kab_kota,kb_pp,metode_kb\r\n"
                     "2023-03-05,Kab. Lombok Timur,Ya,Pil\r\n"
                     "2023-03-06,Kab. Lombok Timur,Ya,Pïl?\r\n".encode("cp1252"))
    out = check(path, monkeypatch)
    assert out.exit_code == 1
    assert f"{path}, baris 4 (Kab. Lombok Timur), kolom 'metode_kb'" in out.stdout
    assert "ditemukan 'tgl_persalinan'" not in out.stdout  # the header is no record
    assert "bad_date" not in out.stdout and "2023-05-17" not in out.stdout  # no date problem


@pytest.mark.parametrize("days", ["nan", "NaN", "inf", "-inf", "1e2", "1_0"])
def test_days_that_only_float_would_read_are_not_numbers(tmp_path, monkeypatch, days):
    path = tmp_path / "register.csv"
    path.write_text("tgl_persalinan,kab_kota,kb_pp,metode_kb,hari_ke_kb\n"
                    "2023-01-02,Kab. Lombok Timur,Ya,Pil,7\n"
                    f"2023-01-03,Kab. Lombok Timur,Ya,Pil,{days}\n", encoding="utf-8")
    result = aggregate_register(path, today=TODAY)
    assert yearly(result, "5203") == {2023: (1, 1)}
    out = check(path, monkeypatch)
    assert out.exit_code == 1
    assert (f"{path}, baris 3 (Kab. Lombok Timur), kolom 'hari_ke_kb': seharusnya angka, "
            f"ditemukan '{days}'") in out.stdout


def test_a_utc_timestamp_and_a_local_date_of_one_delivery_are_one_delivery(tmp_path):
    # 18:00 UTC on 31 December is 01:00 WIB on 1 January: the same day as the second entry.
    path = tmp_path / "register.csv"
    path.write_text("nik,tgl_persalinan,kab_kota,kb_pp,metode_kb\n"
                    "3205011234560001,2023-12-31T18:00:00Z,Kab. Garut,Ya,Pil\n"
                    "3205011234560001,2024-01-01,Kab. Garut,Ya,Pil\n"
                    "3205011234560002,2024-02-01,Kab. Garut,Ya,Pil\n", encoding="utf-8")
    result = aggregate_register(path, today=TODAY)
    assert yearly(result, "3205") == {2024: (2, 2)}
    assert dict(zip(result.reasons["reason"], result.reasons["rows"])) == {
        "duplicate_delivery": 1}


def test_nik_in_scientific_notation_is_no_identifier(tmp_path, monkeypatch):
    # Excel's 3.20301E+15 is many mothers at once: none is a repeat of another.
    path = tmp_path / "register.csv"
    path.write_text("nik,tgl_persalinan,kab_kota,kb_pp,metode\n"
                    "3.20301E+15,2023-03-05,Kab. Cianjur,Ya,Pil\n"
                    "3.20301E+15,2023-03-05,Kab. Cianjur,Ya,Pil\n"
                    "3.20301E+15,2023-03-06,Kab. Cianjur,Tidak,\n", encoding="utf-8")
    result = aggregate_register(path, today=TODAY)
    assert yearly(result, "3203") == {2023: (3, 2)}
    out = check(path, monkeypatch)
    assert out.exit_code == 1
    assert (f"{path}, baris 2 (Kab. Cianjur), kolom 'nik': seharusnya nomor identitas utuh, "
            "disimpan sebagai teks (Excel menulisnya sebagai angka notasi ilmiah") in out.stdout


def test_an_excel_serial_number_for_a_date_is_refused_saying_what_it_is(tmp_path, monkeypatch):
    path = tmp_path / "register.csv"
    path.write_text("tgl_bersalin,kabupaten,kb_pasca_salin,jenis_kb\n"
                    "2023-03-01,Kab. Cianjur,Y,Pil\n"
                    "44986,Kab. Cianjur,Y,Suntik\n", encoding="utf-8")
    result = aggregate_register(path, today=TODAY)
    assert yearly(result, "3203") == {2023: (1, 1)}
    out = check(path, monkeypatch)
    assert out.exit_code == 1
    assert (f"{path}, baris 3 (Kab. Cianjur), kolom 'tgl_bersalin': seharusnya tanggal seperti "
            "2023-05-17 atau 17/05/2023 (angka seperti 44986 adalah nomor seri tanggal Excel: "
            "format kolomnya sebagai tanggal lalu simpan ulang), ditemukan '44986'") in out.stdout


def test_register_headers_with_a_postpartum_qualifier_are_read(tmp_path, monkeypatch):
    path = tmp_path / "register.csv"
    rows = [("1-2-2023", "Implant 1 batang"), ("2023/03/05", "Susuk KB"),
            ("15-2-2023", "MOW/Tubektomi"), ("2023/04/06", "Pil Progestin"),
            ("2023/04/07", "AKDR Post Plasenta"), ("2023/04/08", "Kondom Pria"),
            ("2023/04/09", "suntik 1 bln"), ("2023/04/10", "Vasektomi (suami)")]
    path.write_text("\n".join(
        ["No;NIK Ibu;Tanggal Partus;Kabupaten/Kota;Ber-KB;Metode Kontrasepsi Pasca Salin",
         *(f"{i};32030101010100{i:02d};{d};Kab. Cianjur;Ya;{m}"
           for i, (d, m) in enumerate(rows, start=1)),
         "9;3203010101010099;2023/04/11;Kab. Cianjur;Tidak;"]) + "\n", encoding="utf-8")
    result = aggregate_register(path, today=TODAY)
    got = result.yearly.set_index("bps_code").loc["3203"]
    assert (got["deliveries"], got["kbpp_total"]) == (9, 8)
    assert {m: int(got[f"kbpp_{m.lower()}"]) for m in METHODS} == {
        "Kondom": 1, "Suntik": 1, "Pil": 1, "AKDR": 1, "MOP": 1, "MOW": 1, "Implan": 2,
        "MAL": 0}
    assert check(path, monkeypatch).exit_code == 0


# --- Profil Kesehatan: a kecamatan line above its puskesmas, regency in problem lines --------

def _row(no, kecamatan, puskesmas, counts):
    deliveries, methods = counts
    return (f"{no};{kecamatan};{puskesmas};{deliveries};" + "".join(f"{c};;" for c in methods)
            + f"{sum(methods)};")


def _district(path, title, rows):
    head = ["No;Kecamatan;Puskesmas;Jumlah Ibu Bersalin;" + "".join(f"{m};;" for m in METHODS)
            + "Jumlah;", ";;;;" + "Jumlah;%;" * 9]
    path.write_text("\n".join(["TABEL 39 KB PASCA PERSALINAN", title, "TAHUN 2023", "", *head,
                               *rows, "Sumber : Seksi Kesga"]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("last", [_row("", "", "", A_B_C), _row("", "JUMLAH", "", A_B_C), None])
def test_kecamatan_lines_above_their_puskesmas_are_not_added_to_them(tmp_path, last):
    rows = [_row("", "KEC. TAROGONG", "", A_B), _row(1, "", "Tarogong", A),
            _row(2, "", "Haurpanggung", B), _row("", "KEC. CILAWU", "", C),
            _row(3, "", "Cilawu", C)]
    path = _district(tmp_path / "garut.csv", "KABUPATEN GARUT", rows + ([last] if last else []))
    frame, ledger = read_kbpp_file(path)
    assert frame[["bps_code", "deliveries", "kbpp_total", "kbpp_suntik"]].values.tolist() == [
        ["3205", 350, 85, 35]]
    assert runner.invoke(app, ["data", "check", str(path)]).exit_code == 0


@pytest.mark.parametrize("title", ["DINAS KESEHATAN KABUPATEN-KOTA KEDIRI",
                                   "KABUPATEN/KOTAMADYA KEDIRI",
                                   "PROFIL KESEHATAN KOTA/KAB KEDIRI 2023",
                                   "KAB & KOTA KEDIRI"])
def test_a_title_joining_both_types_names_no_regency(tmp_path, title):
    path = _district(tmp_path / "kediri.csv", title,
                     [_row(1, "Pare", "Pare", A), _row(2, "Kunjang", "Kunjang", B)])
    out = runner.invoke(app, ["data", "check", str(path)])
    assert out.exit_code == 1  # never Kota Kediri because "KOTA KEDIRI" is in the title
    first = out.stdout.splitlines()[0]
    assert first.startswith(f"{path}, baris 2: seharusnya judul yang menyebut kabupaten atau "
                            "kota")
    assert "--regency 3506 (Kabupaten Kediri)" in first and "--regency 3571 (Kota Kediri)" in first
    frame, _ = read_kbpp_file(path, region="3506")
    assert frame[["bps_code", "deliveries", "kbpp_total"]].values.tolist() == [["3506", 300, 75]]


def test_a_subtotal_over_puskesmas_of_several_kecamatan_names_is_a_subtotal(tmp_path):
    # "TOTAL KECAMATAN" adds the two rows above it although each names its own kecamatan.
    big = (1500, [10, 100, 20, 50, 0, 30, 40, 0])  # 250 acceptors
    rows = [_row(1, "Sumberpucung", "SUMBERPUCUNG", A),
            _row(2, "Sumber Manjing Wetan", "Sumbermanjing", B),
            _row("", "TOTAL KECAMATAN", "", A_B), _row(3, "Kepanjen", "Kepanjen", big),
            _row("", "JML", "", (1800, [13, 130, 26, 65, 0, 39, 52, 0]))]
    path = _district(tmp_path / "malang.csv", "PEMERINTAH KABUPATEN MALANG", rows)
    out = runner.invoke(app, ["data", "check", str(path)])
    assert out.exit_code == 0, out.output
    frame, _ = read_kbpp_file(path)
    assert frame[["bps_code", "deliveries", "kbpp_total"]].values.tolist() == [
        ["3507", 1800, 325]]


PROVINCE_FIGURE = (5000, [50, 500, 100, 250, 0, 150, 200, 0])


@pytest.mark.parametrize("label", ["ANGKA PROVINSI", "Rata-rata Prov. Jawa Barat",
                                   "TARGET SPM"])
@pytest.mark.parametrize("before_total", [True, False])
def test_a_province_figure_or_target_row_is_no_puskesmas(tmp_path, label, before_total):
    reference = _row("", label, "", PROVINCE_FIGURE)
    total = _row("", "JUMLAH (KAB/KOTA)", "", A_B)
    rows = [_row(1, "Tarogong", "Tarogong", A), _row(2, "Cilawu", "Cilawu", B),
            *([reference, total] if before_total else [total, reference])]
    path = _district(tmp_path / "garut.csv", "KABUPATEN GARUT", rows)
    out = runner.invoke(app, ["data", "check", str(path)])
    assert out.exit_code == 0, out.output
    frame, _ = read_kbpp_file(path)
    assert frame[["bps_code", "deliveries", "kbpp_total"]].values.tolist() == [["3205", 300, 75]]


def test_a_rejected_puskesmas_row_names_the_regency_of_the_table(tmp_path):
    bad = _row(2, "Masbagik", "Masbagik", B).replace(";20;", ";x;", 1)
    path = _district(tmp_path / "lotim.csv", "KABUPATEN LOMBOK TIMUR",
                     [_row(1, "Selong", "Selong", A), bad])
    out = runner.invoke(app, ["data", "check", str(path)])
    assert out.exit_code == 1
    assert f"{path}, baris 8 (Kab. Lombok Timur), kolom 'Suntik [G]'" in out.stdout
    assert "allow_partial" not in out.stdout  # no internal argument in a user's message


def test_a_rejected_province_row_names_its_own_regency(tmp_path):
    head = ["No;Kabupaten/Kota;Jumlah Ibu Bersalin;" + "".join(f"{m};;" for m in METHODS)
            + "Jumlah;", ";;;" + "Jumlah;%;" * 9]

    def line(no, name, deliveries):
        return f"{no};{name};{deliveries};" + "".join(f"{c};;" for c in A[1]) + "25;"
    path = tmp_path / "ntb.csv"
    path.write_text("\n".join(["TABEL 39 KB PASCA PERSALINAN",
                               "PROVINSI NUSA TENGGARA BARAT TAHUN 2022", "", *head,
                               line(1, "Kabupaten Lombok Barat", 100),
                               line(2, "Kabupaten Lombok Timur", "seratus"),
                               line(3, "Kota Mataram", 100)]) + "\n", encoding="utf-8")
    out = runner.invoke(app, ["data", "check", str(path)])
    assert out.exit_code == 1
    assert (f"{path}, baris 7 (Kab. Lombok Timur), kolom 'Jumlah Ibu Bersalin [C]': "
            "seharusnya angka") in out.stdout


# --- coverage tables and open data: totals without a label, units in thousands -------------

def test_a_coverage_total_without_a_label_is_the_total_and_a_nameless_value_is_refused(
        tmp_path):
    path = tmp_path / "cakupan.csv"
    path.write_text("CAKUPAN KBPP JAWA TIMUR 2023\r\nNO;KABUPATEN/KOTA;CAKUPAN KBPP (%)\r\n"
                    "1;Kab. Pacitan;80\r\n2;Kab. Ponorogo;90\r\n;JML KAB/KOTA;85\r\n;;85\r\n",
                    encoding="utf-8")
    assert runner.invoke(app, ["data", "check", str(path)]).exit_code == 0
    frame, _ = read_kbpp_file(path)
    assert frame.set_index("bps_code")["kbpp_coverage_pct"].to_dict() == {"3501": 80.0,
                                                                          "3502": 90.0}
    inside = tmp_path / "cakupan_tengah.csv"
    inside.write_text("CAKUPAN KBPP JAWA TIMUR 2023\r\nNO;KABUPATEN/KOTA;CAKUPAN KBPP (%)\r\n"
                      "1;Kab. Pacitan;80\r\n2;;70\r\n3;Kab. Ponorogo;90\r\n", encoding="utf-8")
    out = runner.invoke(app, ["data", "check", str(inside)])
    assert out.exit_code == 1
    assert (f"{inside}, baris 4, kolom 'KABUPATEN/KOTA': seharusnya ada nilai (nama "
            "kabupaten/kota di samping nilainya), ditemukan '70'") in out.stdout


def test_open_data_counts_in_thousands_are_refused_not_read_as_persons(tmp_path):
    head = ("kode_provinsi,nama_provinsi,kode_kabupaten_kota,nama_kabupaten_kota,"
            "jumlah_ibu_bersalin,satuan,tahun")
    deliveries = tmp_path / "bersalin.csv"
    deliveries.write_text(f"{head}\n32,JAWA BARAT,3201,KABUPATEN BOGOR,42,RIBU JIWA,2023\n",
                          encoding="utf-8")
    out = runner.invoke(app, ["data", "check", str(deliveries)])
    assert out.exit_code == 1
    assert (f"{deliveries}, baris 2 (Kab. Bogor), kolom 'satuan': seharusnya satuan yang sesuai "
            "dengan nilainya (satuan 'jumlah_ibu_bersalin' harus jumlah orang (ORANG, JIWA), "
            "bukan persentase atau ribuan), ditemukan 'RIBU JIWA'") in out.stdout

