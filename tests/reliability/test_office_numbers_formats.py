"""Numbers, text-file quirks and formats as offices really write them (issue 15).

Every file is written by the test; expected numbers are read by hand from the rows written.
Lines are checked in Indonesian, the default language of every message a user reads.
"""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kbanalysis.cli import app
from kbanalysis.sources.jabar_opendata import read_opendata
from kbanalysis.sources.kbpp_import import import_kbpp, read_kbpp_files
from kbanalysis.sources.siga import read_siga_pus

runner = CliRunner()

OD = ("kode_provinsi,nama_provinsi,kode_kabupaten_kota,nama_kabupaten_kota,{column},satuan,"
      "tahun")
DELIVERIES, ACCEPTORS = "jumlah_ibu_bersalin", "jumlah_peserta_kb_pasca_persalinan"
INDIKATOR = "Cakupan Peserta KB Pasca Persalinan Terhadap Jumlah Ibu Bersalin"
PUBLISHED = "provinsi,wilayah,nilai,satuan,tahun,indikator,sumber_tercetak,url,halaman"


def opendata(path, column, rows, unit="ORANG", year=2023, sep=","):
    """An open-data KBPP table; ``rows`` are (code, name, value as written)."""
    lines = [OD.format(column=column).replace(",", sep)]
    lines += [sep.join(["32", "JAWA BARAT", code, name, value, unit, str(year)])
              for code, name, value in rows]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def check(*paths, lang=()):
    return runner.invoke(app, ["data", "check", *lang, *map(str, paths)])


def table(frame, code, column):
    return frame.set_index("bps_code").at[code, column]


# --- B: thousands separators, one convention per count column -------------------------------

def test_dots_group_thousands_in_open_data_counts(tmp_path):
    deliveries = opendata(tmp_path / "bersalin.csv", DELIVERIES,
                          [("3201", "KABUPATEN BOGOR", '"42.000"'),
                           ("3202", "KABUPATEN SUKABUMI", "2.000")])
    acceptors = opendata(tmp_path / "kbpp.csv", ACCEPTORS,
                         [("3201", "KABUPATEN BOGOR", '"30.500"'),
                          ("3202", "KABUPATEN SUKABUMI", "1.500")])
    frame, _ = read_kbpp_files([deliveries, acceptors])
    assert table(frame, "3201", "deliveries") == 42000
    assert table(frame, "3201", "kbpp_total") == 30500
    assert table(frame, "3202", "deliveries") == 2000
    assert table(frame, "3202", "kbpp_total") == 1500
    assert check(deliveries, acceptors).exit_code == 0


def test_commas_group_thousands_in_open_data_counts(tmp_path):
    deliveries = opendata(tmp_path / "bersalin.csv", DELIVERIES,
                          [("3201", "KABUPATEN BOGOR", '"12,000"'),
                           ("3202", "KABUPATEN SUKABUMI", '"3,000"')])
    acceptors = opendata(tmp_path / "kbpp.csv", ACCEPTORS,
                         [("3201", "KABUPATEN BOGOR", '"9,000"'),
                          ("3202", "KABUPATEN SUKABUMI", "750")])
    frame, _ = read_kbpp_files([deliveries, acceptors])
    assert table(frame, "3201", "deliveries") == 12000
    assert table(frame, "3202", "deliveries") == 3000
    assert table(frame, "3201", "kbpp_total") == 9000
    assert table(frame, "3201", "kbpp_coverage_pct") == pytest.approx(75.0)


def test_a_count_column_mixing_both_conventions_is_refused_naming_it(tmp_path):
    mixed = opendata(tmp_path / "kbpp.csv", ACCEPTORS,
                     [("3201", "KABUPATEN BOGOR", '"42.000"'),
                      ("3202", "KABUPATEN SUKABUMI", '"12,000"')])
    result = check(mixed)
    assert result.exit_code == 1
    assert (f"{mixed}, kolom '{ACCEPTORS}': seharusnya satu cara penulisan angka di seluruh "
            "kolom") in result.stdout
    assert "ditemukan '42.000 (baris 2) dan 12,000 (baris 3)'" in result.stdout


def test_siga_counts_with_thousands_dots_are_thousands(tmp_path):
    path = tmp_path / "data_pus.csv"
    path.write_text("NO;PROVINSI;KABUPATEN;KECAMATAN;KELURAHAN;PUS;UNMET NEED;BULAN\r\n"
                    "0;SULAWESI BARAT;PASANGKAYU;BAMBAIRA;BAMBAIRA;2.000;59;JANUARI\r\n"
                    "1;SULAWESI BARAT;PASANGKAYU;BAMBAIRA;KASOLOANG;1.250;61;JANUARI\r\n",
                    encoding="utf-8")
    result = read_siga_pus(path, year=2025)
    assert sorted(result.counts["PUS"].tolist()) == [1250, 2000]
    assert result.counts["UNMET NEED"].sum() == 120


def test_an_open_data_count_indicator_reads_comma_thousands(tmp_path):
    path = tmp_path / "kb_aktif.csv"
    path.write_text(OD.format(column="jumlah_peserta_kb_aktif") + "\n"
                    '32,JAWA BARAT,3201,KABUPATEN BOGOR,"12,000",ORANG,2023\n'
                    "32,JAWA BARAT,3202,KABUPATEN SUKABUMI,950,ORANG,2023\n", encoding="utf-8")
    tidy = read_opendata(path).tidy.set_index("region_code")
    assert tidy.at["3201", "value"] == 12000
    assert tidy.at["3202", "value"] == 950


# --- C: percent signs, NaN/inf, a unit column -----------------------------------------------

def test_percent_signs_in_published_coverage_cells(tmp_path):
    path = tmp_path / "cakupan.csv"
    path.write_text("\n".join([
        PUBLISHED,
        f'Jawa Timur,Kab. Pacitan,"91,3%",persen,2023,{INDIKATOR},Profil,https://x.go.id/p,1',
        f'Jawa Timur,Kab. Ponorogo,"50,0 %",persen,2023,{INDIKATOR},Profil,https://x.go.id/p,1',
    ]) + "\n", encoding="utf-8")
    frame, _ = read_kbpp_files([path])
    assert table(frame, "3501", "kbpp_coverage_pct") == pytest.approx(91.3)
    assert table(frame, "3502", "kbpp_coverage_pct") == pytest.approx(50.0)


def test_nan_and_inf_cells_are_problems_not_a_traceback(tmp_path):
    path = opendata(tmp_path / "kbpp.csv", ACCEPTORS,
                    [("3201", "KABUPATEN BOGOR", "NaN"), ("3202", "KABUPATEN SUKABUMI", "inf"),
                     ("3203", "KABUPATEN CIANJUR", "150")])
    result = check(path)
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stdout.splitlines()
    # Each line names its row's regency (issue 15: the frame of problem lines).
    assert (f"{path}, baris 2 (Kab. Bogor), kolom '{ACCEPTORS}': seharusnya angka, "
            "ditemukan 'NaN'") in lines
    assert (f"{path}, baris 3 (Kab. Sukabumi), kolom '{ACCEPTORS}': seharusnya angka, "
            "ditemukan 'inf'") in lines


def test_a_percent_unit_beside_a_count_is_refused(tmp_path):
    path = opendata(tmp_path / "kbpp.csv", ACCEPTORS,
                    [("3201", "KABUPATEN BOGOR", "75")], unit="PERSEN")
    result = check(path)
    assert result.exit_code == 1
    assert f"{path}, baris 2 (Kab. Bogor), kolom 'satuan'" in result.stdout
    assert "bukan persentase" in result.stdout
    frame, _ = read_kbpp_files([path])
    assert "3201" not in set(frame["bps_code"])


# --- D: text-file quirks --------------------------------------------------------------------

def _acceptors_text(sep=","):
    return "\r\n".join([OD.format(column=ACCEPTORS).replace(",", sep),
                        sep.join(["32", "JAWA BARAT", "3201", "KABUPATEN BOGOR", "305", "ORANG",
                                  "2023"])]) + "\r\n"


def test_an_excel_sep_line_names_the_separator(tmp_path):
    path = tmp_path / "kbpp.csv"
    path.write_text("sep=;\r\n" + _acceptors_text(";"), encoding="utf-8")
    result = check(path)
    assert result.exit_code == 0, result.output
    assert "kbpp_opendata; encoding utf-8, pemisah ';'" in result.stdout
    frame, ledger = read_kbpp_files([path])
    assert table(frame, "3201", "kbpp_total") == 305


def test_a_trailing_ctrl_z_is_not_a_row(tmp_path):
    path = tmp_path / "kbpp.csv"
    path.write_bytes(_acceptors_text().encode() + b"\x1a")
    assert check(path).exit_code == 0
    frame, ledger = read_kbpp_files([path])
    assert table(frame, "3201", "kbpp_total") == 305
    assert ledger.rejects == []


def test_a_zero_byte_file_says_it_is_empty(tmp_path):
    path = tmp_path / "kbpp.csv"
    path.write_bytes(b"")
    result = check(path)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f"{path}: seharusnya berkas berisi tabel (berkas ini kosong: simpan atau unduh ulang), "
        "ditemukan 'berkas kosong'")


def test_a_folder_given_as_a_file_is_named_a_folder(tmp_path):
    folder = tmp_path / "kbpp_2023.csv"
    folder.mkdir()
    result = check(folder)
    assert result.exit_code == 2
    assert f"{folder} adalah folder, bukan berkas" in result.output
    built = runner.invoke(app, ["data", "build", "--kbpp", str(folder), "--out",
                                str(tmp_path / "out")])
    assert built.exit_code == 2
    assert f"{folder} adalah folder, bukan berkas" in built.output
    assert not (tmp_path / "out").exists()


def test_a_file_name_with_a_semicolon_is_one_file(tmp_path):
    path = tmp_path / "kbpp; 2023.csv"
    path.write_text(_acceptors_text(), encoding="utf-8")
    result = check(path)
    assert result.exit_code == 0, result.output
    frame, _ = import_kbpp([path])
    assert table(frame, "3201", "kbpp_total") == 305


# --- E: two files with one name -------------------------------------------------------------

def test_two_files_with_one_name_are_told_apart(tmp_path):
    a = opendata(tmp_path / "kantorA" / "kbpp_2023.csv", ACCEPTORS,
                 [("3202", "KABUPATEN SUKABUMI", "150"), ("3203", "KABUPATEN ZZZ", "90")])
    b = opendata(tmp_path / "kantorB" / "kbpp_2023.csv", ACCEPTORS,
                 [("3201", "KABUPATEN BOGOR", "305")])
    result = check(a, b)
    lines = result.stdout.splitlines()
    assert result.exit_code == 1
    # The bad row is kantorA's: never reported against kantorB, which is clean.
    assert any(line.startswith(f"{a}, baris 3, kolom 'kode_kabupaten_kota'") for line in lines)
    assert not any(line.startswith(f"{b}, baris") for line in lines)
    assert f"OK: {b} (kbpp_opendata; encoding utf-8, pemisah ',')" in lines
    frame, ledger = import_kbpp([a, b], allow_rejects=True)
    assert set(frame["source"]) == {"kantorA/kbpp_2023.csv", "kantorB/kbpp_2023.csv"}
    assert [(r.file, r.row) for r in ledger.rejects] == [("kantorA/kbpp_2023.csv", 3)]


# --- F: office counts against a printed coverage --------------------------------------------

def test_counts_contradicting_a_printed_coverage_are_shown_and_the_printed_figure_used(tmp_path):
    printed = tmp_path / "profil_cakupan.csv"
    printed.write_text(PUBLISHED + "\n" + f"Jawa Tengah,Kab.Tegal,91.3,persen,2023,{INDIKATOR},"
                       "Profil,https://x.go.id/p,73\n", encoding="utf-8")
    rows = "\n".join([OD.format(column="{}"), "33,JAWA TENGAH,3328,KABUPATEN TEGAL,{},ORANG,2023"])
    deliveries = tmp_path / "bersalin.csv"
    deliveries.write_text(rows.format(DELIVERIES, 1000) + "\n", encoding="utf-8")
    acceptors = tmp_path / "peserta.csv"
    acceptors.write_text(rows.format(ACCEPTORS, 300) + "\n", encoding="utf-8")

    result = check(deliveries, acceptors, printed)
    assert result.exit_code == 0, result.output
    assert ("Perhatian: peserta.csv, baris 2: 3328 2023: angka ini memberi cakupan 30,0 % "
            "(300 peserta dari 1000 persalinan), tetapi profil_cakupan.csv baris 2 mencetak "
            "91,3 %") in result.stdout
    frame, ledger = import_kbpp([deliveries, acceptors, printed])
    assert table(frame, "3328", "kbpp_coverage_pct") == pytest.approx(91.3)
    conflicts = [(r.file, r.row, r.value) for r in ledger.rejects
                 if r.reason == "conflicts_published"]
    assert conflicts == [("bersalin.csv", 2, "30.00"), ("peserta.csv", 2, "30.00")]


def test_the_build_prints_the_conflict_and_keeps_both_figures(raw_dir, tmp_path):
    printed = tmp_path / "profil_cakupan.csv"
    printed.write_text(PUBLISHED + "\n" + f"Jawa Tengah,Kab.Tegal,91.3,persen,2023,{INDIKATOR},"
                       "Profil,https://x.go.id/p,73\n", encoding="utf-8")
    acceptors = tmp_path / "kbpp_tegal.csv"
    acceptors.write_text("\n".join([OD.format(column=ACCEPTORS).replace(",", ";"),
                                    "33;JAWA TENGAH;3328;KABUPATEN TEGAL;300;ORANG;2023"]) + "\n",
                         encoding="utf-8")
    deliveries = tmp_path / "bersalin_tegal.csv"
    deliveries.write_text("\n".join([OD.format(column=DELIVERIES),
                                     "33,JAWA TENGAH,3328,KABUPATEN TEGAL,1000,ORANG,2023"]) + "\n",
                          encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["data", "build", "--raw", str(raw_dir), "--out", str(out),
                                 "--kbpp", str(deliveries), "--kbpp", str(acceptors),
                                 "--kbpp", str(printed)])
    assert result.exit_code == 0, result.output
    assert "Perhatian: kbpp_tegal.csv, baris 2: 3328 2023: angka ini memberi cakupan 30,0 %" \
        in result.output
    kbpp = (out / "kbpp.csv").read_text(encoding="utf-8").splitlines()
    tegal = [line for line in kbpp if line.startswith("3328,2023,")]
    assert len(tegal) == 1 and ",91.3,administrative," in tegal[0]
    rejects = (out / "rejects.csv").read_text(encoding="utf-8")
    assert rejects.count(",conflicts_published,") == 2


# --- G: a plain coverage table as an office types it ----------------------------------------

COVERAGE_TABLE = ("CAKUPAN KB PASCA PERSALINAN MENURUT KABUPATEN/KOTA PROVINSI JAWA TIMUR "
                  "TAHUN 2023;;\r\n;;\r\nNO;KABUPATEN/KOTA;CAKUPAN KBPP (%)\r\n"
                  "1;Kabupaten Pacitan;85,2\r\n2;Kab. Ponorogo;91,3\r\n3;Kota Kediri;50\r\n"
                  ";JUMLAH;75,5\r\nSumber: Dinas Kesehatan;;\r\n")


def test_a_plain_coverage_table_is_read_with_the_year_of_its_title(tmp_path):
    path = tmp_path / "cakupan_kbpp.csv"
    path.write_bytes(COVERAGE_TABLE.encode("cp1252"))
    result = check(path)
    assert result.exit_code == 0, result.output
    assert f"OK: {path} (kbpp_coverage_table; encoding utf-8, pemisah ';')" in result.stdout
    frame, _ = import_kbpp([path])
    assert set(frame["year"]) == {2023}
    assert table(frame, "3501", "kbpp_coverage_pct") == pytest.approx(85.2)
    assert table(frame, "3502", "kbpp_coverage_pct") == pytest.approx(91.3)
    assert table(frame, "3571", "kbpp_coverage_pct") == pytest.approx(50.0)
    assert len(frame) == 3  # the JUMLAH row is the province's total, not a regency


def test_a_plain_coverage_table_without_a_year_is_refused_saying_where_to_put_it(tmp_path):
    path = tmp_path / "cakupan_kbpp.csv"
    path.write_text(COVERAGE_TABLE.replace(" TAHUN 2023", ""), encoding="utf-8")
    result = check(path)
    assert result.exit_code == 1
    assert "seharusnya tahun di judul" in result.stdout


def test_a_coverage_table_under_a_lone_title_line_with_a_tahun_column(tmp_path):
    # The title has no separator and no "PROVINSI"; the year is a column; a % sign per cell.
    path = tmp_path / "kbpp_jatim.csv"
    path.write_text("CAKUPAN KB PASCA PERSALINAN JAWA TIMUR\r\n"
                    "NO;NAMA KAB/KOTA;TAHUN;PERSENTASE KBPP\r\n"
                    "1;Kab. Pacitan;2022;85,2%\r\n2;Kota Kediri;2022;50,1 %\r\n"
                    "3;Jawa Timur;2022;70\r\n", encoding="utf-8")
    result = check(path)
    assert result.exit_code == 0, result.output
    assert "kbpp_coverage_table; encoding utf-8, pemisah ';'" in result.stdout
    frame, _ = import_kbpp([path])
    assert list(zip(frame["bps_code"], frame["year"], frame["kbpp_coverage_pct"])) == [
        ("3501", 2022, pytest.approx(85.2)), ("3571", 2022, pytest.approx(50.1))]


# --- A: one registry of formats -------------------------------------------------------------

def looks_like_demo(path):
    return path.suffix == ".kbppdemo"


def read_demo(path, resolver=None):
    """A toy format for the registry test: lines ``code year total``."""
    from kbanalysis.sources.kbpp_parts import KbppParts, parts_frame

    records = [{"bps_code": code, "year": int(year), "kbpp_total": float(total), "line": i}
               for i, (code, year, total) in enumerate(
                   (line.split() for line in path.read_text().splitlines()), start=1)]
    return KbppParts(path, "demo", parts_frame(records))


def test_a_new_format_is_one_registry_entry_for_detection_check_and_build(tmp_path,
                                                                         monkeypatch):
    from kbanalysis.sources import kbpp_import

    entry = kbpp_import.KbppFormat("demo", __name__, "looks_like_demo", "read_demo")
    monkeypatch.setattr(kbpp_import, "KBPP_FORMATS", [*kbpp_import.KBPP_FORMATS, entry])
    path = tmp_path / "kantor.kbppdemo"
    path.write_text("3201 2023 305\n")
    assert kbpp_import.detect_kbpp_format(path) == "demo"
    result = check(path)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == f"OK: {path} (kbpp_demo)"
    frame, _ = import_kbpp([path])
    assert table(frame, "3201", "kbpp_total") == 305
