"""``check_file``: format recognition and one named problem per bad cell or row."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kbanalysis.dataset import raw_source_file
from kbanalysis.sources.check import FORMATS, KNOWN, TOPOJSON, check_file

OPENDATA_HEADER = ("id,kode_provinsi,nama_provinsi,kode_kabupaten_kota,nama_kabupaten_kota,"
                   "persentase_balita_stunting,satuan,tahun")
SSGI_HEADER = "provinsi,kabkota,ikp,kat_ikp,sppg_per100k,pct_miskin,pct_stunting,n_sppg,is_papua"


def where(report):
    return [(p.file, p.row, p.column) for p in report.problems]


@pytest.mark.parametrize("source_id, expected", [
    ("ssgi2024_kabkota", "ssgi_kabkota_514"), ("susenas_kabkota", "susenas_kabkota"),
    ("jabar_od_17148", "jabar_opendata"), ("jabar_ssgi2024", "jabar_opendata"),
    ("ssgi_provinsi", "ssgi_provinsi"), ("bps_population", "bps_population"),
    ("bps_children_0_4", "bps_children_0_4"), ("siga_pus", "siga_pus"),
    ("siga_mix_kontra", "siga_mix_kontra")])
def test_real_files_are_recognised_and_clean(raw_dir, source_id, expected):
    report = check_file(raw_source_file(raw_dir, source_id))
    assert report.format == expected
    assert report.problems == [] and report.ok
    assert report.rows_read > 0


def test_rows_the_build_rejects_are_problems_of_data_check(raw_dir):
    # Elsimil 2025, line 2 (Bambaira): 40 accompanied of 36 pregnant women, read by hand. The
    # row still counts for the intention figure, so the problem names the cell, JUMLAH BUMIL.
    report = check_file(raw_source_file(raw_dir, "elsimil_bumil"))
    assert report.format == "elsimil_bumil" and not report.ok
    first = report.problems[0]
    assert (first.row, first.column) == (2, "JUMLAH BUMIL")
    assert "40" in first.line() and "36" in first.line()
    # every row the build leaves out is a whole-row problem; the kept rows' doubtful cells too
    whole = [p for p in report.problems if p.column is None]
    assert len(whole) == report.rows_read - report.rows_kept == 4
    assert len(report.problems) == 112


def test_known_data_quirks_are_findings_not_problems(raw_dir):
    report = check_file(raw_source_file(raw_dir, "jabar_od_17148"))
    assert [f.reason for f in report.findings] == ["zero_coded_missing"] * 2


def test_national_topojson(raw_dir):
    report = check_file(raw_dir / "geometry" / "indonesia_kabkota_simplified_topo__ghapsara.json")
    assert report.format == TOPOJSON and report.ok
    assert {f.reason for f in report.findings} == {"pseudo_unit", "null_geometry"}


def test_crafted_good_file(tmp_path):
    path = tmp_path / "good.csv"
    path.write_text("\n".join([OPENDATA_HEADER,
                               "1,32,JAWA BARAT,3205,KABUPATEN GARUT,\"11,67\",PERSEN,2024",
                               "2,32,JAWA BARAT,3273,KOTA BANDUNG,8.85,PERSEN,2024"]) + "\n")
    report = check_file(path)
    assert report.format == "jabar_opendata" and report.problems == []
    assert (report.rows_read, report.rows_kept) == (2, 2)


def test_every_bad_row_is_named_with_file_row_and_column(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("\n".join([
        OPENDATA_HEADER,
        "1,32,JAWA BARAT,3205,KABUPATEN GARUT,11.67,PERSEN,2024",  # 2 fine
        "2,32,JAWA BARAT,3273,KOTA BANDUNG,abc,PERSEN,2024",  # 3 not a number
        "3,32,JAWA BARAT,3201,KABUPATEN BOGOR,5.0,PERSEN,20x4",  # 4 bad year
        "4,32,JAWA BARAT,3299,KABUPATEN ATLANTIS,5.0,PERSEN,2024",  # 5 unknown
        "5,32,JAWA BARAT,3202,KABUPATEN SUKABUMI,5.0,ORANG,2024",  # 6 unit
        "6,32,JAWA BARAT,3203,KABUPATEN CIANJUR,101.0,PERSEN,2024",  # 7 out of range
    ]) + "\n")
    report = check_file(path)
    assert report.format == "jabar_opendata"
    assert where(report) == [(str(path), 3, "persentase_balita_stunting"),
                             (str(path), 4, "tahun"),
                             (str(path), 5, "kode_kabupaten_kota"),
                             (str(path), 6, "satuan"),
                             (str(path), 7, "persentase_balita_stunting")]
    lines = [p.line() for p in report.problems]
    assert "expected a number" in lines[0] and "'abc'" in lines[0]
    assert "year" in lines[1] and "'20x4'" in lines[1]


def test_cell_problems_in_a_multi_value_file(tmp_path):
    path = tmp_path / "ssgi.csv"
    path.write_text("\n".join([SSGI_HEADER,
                               "Jawa Barat,Garut,70.0,5,4.0,9.0,x,10,false",
                               "Jawa Barat,Atlantis,70.0,5,4.0,9.0,14.2,10,false",
                               "Jawa Barat,Bogor,70.0,5,4.0,,14.2,10,false"]) + "\n")
    report = check_file(path)
    assert report.format == "ssgi_kabkota_514"
    assert [(p.row, p.column) for p in report.problems] == [(2, "pct_stunting"), (3, "kabkota"),
                                                            (4, "pct_miskin")]


def test_a_missing_column_is_named(tmp_path):
    path = tmp_path / "ssgi.csv"
    path.write_text(SSGI_HEADER.replace(",pct_stunting", "") + "\nJawa Barat,Garut,70,5,4,9,10,f\n")
    report = check_file(path)
    assert report.format == "ssgi_kabkota_514"
    assert where(report) == [(str(path), 1, "pct_stunting")]


def test_unknown_format_says_which_formats_are_known(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b,c\n1,2,3\n")
    report = check_file(path)
    assert report.format == "unknown" and len(report.problems) == 1
    message = report.problems[0].line()
    assert all(name in message for name in KNOWN)


def test_a_damaged_workbook_is_said_to_be_damaged(tmp_path):
    path = tmp_path / "book.xlsx"
    path.write_bytes(b"PK\x03\x04\xff\xfe\x00\x00")
    report = check_file(path)
    assert len(report.problems) == 1 and "damaged" in report.problems[0].line()


def test_topojson_problems(tmp_path):
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"type": "Topology", "arcs": [[[0, 0], [1, 0], [0, 1], [-1, 0], [0, -1]]],
                                "objects": {"kabkot": {"type": "GeometryCollection", "geometries": [
                                    {"type": "Polygon", "arcs": [[0]], "id": "32-01"},
                                    {"type": "Polygon", "arcs": [[0]], "id": "32-50"}]}}}))
    report = check_file(path)
    assert report.format == TOPOJSON
    assert where(report) == [(str(path), 2, "id")]


def test_formats_are_distinguishable():
    """No header of one format is accepted by another listed before it."""
    headers = {"ssgi_provinsi": "id,kode_provinsi,nama_provinsi,prevalensi_balita_stunting,satuan,tahun",
               "jabar_opendata": OPENDATA_HEADER, "ssgi_kabkota_514": SSGI_HEADER,
               "susenas_kabkota": "kode_kabkota,nama,provinsi,lat,lon,melahirkan_dini_2024"}
    for name, header in headers.items():
        columns = header.split(",")
        first = next(f.name for f in FORMATS
                     if all(c in columns for c in f.columns) and f.accepts(columns))
        assert first == name


# --- the KBPP shapes offices hold ------------------------------------------------------------

def test_kbpp_files_are_recognised_and_checked(tmp_path):
    from tests.fixtures import write_opendata_kbpp_pair, write_profil_kesehatan, write_register
    write_profil_kesehatan(tmp_path / "profil_clean.xlsx", problems=())
    report = check_file(tmp_path / "profil_clean.xlsx")
    assert report.format == "kbpp_profil_kesehatan" and report.ok, report.problems

    write_profil_kesehatan(tmp_path / "profil_bad.csv", problems=("bad_number",))
    report = check_file(tmp_path / "profil_bad.csv")
    assert report.format == "kbpp_profil_kesehatan" and not report.ok
    bad_cells = [p for p in report.problems if p.expected.startswith("a number")]
    assert len(bad_cells) == 1 and bad_cells[0].row and bad_cells[0].column

    deliveries, acceptors, _ = write_opendata_kbpp_pair(tmp_path)
    for path in (deliveries, acceptors):
        assert check_file(path).format == "kbpp_opendata"

    write_register(tmp_path / "register.csv", 2_000, problem_share=0.05)
    report = check_file(tmp_path / "register.csv")
    assert report.format == "kbpp_register" and report.problems


# --- the region code lists -----------------------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("bps_kemendagri_kabkota_2020__zakiego.csv", "kode_wilayah_bridge"),
    ("bps_kemendagri_provinsi_2020__zakiego.csv", "kode_wilayah_bridge"),
    ("kemendagri_regencies_2025__fityannugroho.csv", "kemendagri_regencies"),
    ("kemendagri_provinces_2025__fityannugroho.csv", "kemendagri_provinces")])
def test_real_code_lists_are_recognised_and_clean(raw_dir, name, expected):
    report = check_file(raw_dir / "kode_wilayah" / name)
    assert (report.format, report.problems) == (expected, [])
    assert report.rows_kept == report.rows_read > 30


def test_bad_code_list_rows_are_each_named(tmp_path):
    path = tmp_path / "regencies.csv"
    path.write_text("code,province_code,name\n32.01,32,Kabupaten Bogor\n32.0x,32,Kabupaten Y\n"
                    "32.01,32,Kabupaten Z\n32.02,32,\n")
    report = check_file(path)
    assert report.format == "kemendagri_regencies"
    assert where(report) == [(str(path), 3, "code"), (str(path), 4, "code"),
                             (str(path), 5, "name")]


def test_build_stops_on_a_bad_code_list_and_names_the_row(raw_dir, tmp_path):
    import shutil

    from kbanalysis.ledger import InputError
    from kbanalysis.sources.kode_wilayah import read_code_lists
    shutil.copytree(raw_dir / "kode_wilayah", tmp_path / "kode_wilayah")
    path = tmp_path / "kode_wilayah" / "kemendagri_provinces_2025__fityannugroho.csv"
    path.write_text(path.read_text().replace("32,Jawa Barat", "3X,Jawa Barat"))
    with pytest.raises(InputError) as error:
        read_code_lists(tmp_path)
    assert error.value.column == "code" and error.value.got == "3X"
    assert error.value.row == 13


# --- several KBPP files: checked together, as the build combines them ------------------------

KBPP_TOTALS = ("kode_provinsi,nama_provinsi,kode_kabupaten_kota,nama_kabupaten_kota,"
               "jumlah_peserta_kb_pasca_persalinan,satuan,tahun")


def test_kbpp_files_are_checked_together_and_an_unowned_problem_gets_its_own_report(tmp_path):
    from kbanalysis.sources.check import KBPP_COMBINED, check_files

    deliveries = tmp_path / "bersalin.csv"
    deliveries.write_text(KBPP_TOTALS.replace("jumlah_peserta_kb_pasca_persalinan",
                                              "jumlah_ibu_bersalin")
                          + "\n32,JAWA BARAT,3205,KABUPATEN GARUT,1000,ORANG,2023\n")
    more = tmp_path / "bersalin_2.csv"
    more.write_text(deliveries.read_text().replace("3205,KABUPATEN GARUT", "3273,KOTA BANDUNG"))
    stunting = tmp_path / "good.csv"
    stunting.write_text(OPENDATA_HEADER + "\n1,32,JAWA BARAT,3205,KABUPATEN GARUT,11.67,PERSEN,2024\n")

    reports = check_files([deliveries, stunting, more])
    assert [(r.format, r.path) for r in reports] == [
        ("kbpp_opendata", deliveries), ("jabar_opendata", stunting), ("kbpp_opendata", more),
        (KBPP_COMBINED, Path(f"{deliveries}, {more}"))]
    # Deliveries alone make no KBPP row: each file's rows, then the combination, are problems.
    assert [(p.row, p.expected.split(" (")[0]) for p in reports[0].problems] == [(2, "a value")]
    assert reports[1].ok
    assert [p.expected for p in reports[3].problems] == [
        "at least one regency-year of usable KBPP data"]

    totals = tmp_path / "total.csv"
    totals.write_text(KBPP_TOTALS + "\n32,JAWA BARAT,3205,KABUPATEN GARUT,400,ORANG,2023\n"
                      "32,JAWA BARAT,3273,KOTA BANDUNG,300,ORANG,2023\n")
    reports = check_files([deliveries, more, totals])
    assert [r.ok for r in reports] == [True, True, True]
    assert reports[2].label == "kbpp_opendata; encoding utf-8, separator ','"


def test_a_profil_csv_report_says_how_it_was_read(tmp_path):
    from tests.fixtures.profil_kesehatan import write_same_row_pct_table

    path = write_same_row_pct_table(tmp_path / "t39.csv", encoding="utf-8")
    report = check_file(path)
    assert report.label == "kbpp_profil_kesehatan; encoding utf-8, separator ';'"
    assert [(p.row, p.column) for p in report.problems] == [(6, "Kondom % [E]"), (7, "Jumlah [T]")]


def test_a_utf16_export_is_named_as_binary_not_misread(tmp_path):
    path = tmp_path / "unicode_text.csv"
    path.write_bytes((OPENDATA_HEADER + "\r\n").encode("utf-16"))  # Excel "Unicode text"
    report = check_file(path)
    assert (report.format, report.label) == ("unknown", "unknown")
    [problem] = report.problems
    assert problem.line() == (f"{path}: expected a text file: CSV saved as UTF-8 or cp1252 (save "
                              "UTF-16 'Unicode text' and .xls files as 'CSV UTF-8'), got "
                              "'binary data'")
