"""One entry point for real KBPP files: detection, dispatch, combining files, checking."""
from __future__ import annotations

import pandas as pd
import pytest

from kbanalysis.kbpp_schema import KBPP_COLUMNS, METHOD_COLUMNS, kbpp_to_tidy, validate_kbpp
from kbanalysis.sources.kbpp_import import (
    FINDINGS,
    check_kbpp_file,
    detect_kbpp_format,
    read_kbpp_file,
    read_kbpp_files,
)
from tests.fixtures import (
    OPENDATA_KB_COLUMNS,
    write_opendata_kb,
    write_opendata_kbpp_pair,
    write_profil_kesehatan,
    write_register,
)

COUNTS = ["bps_code", "year", "deliveries", *METHOD_COLUMNS]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kbpp")
    profil = write_profil_kesehatan(folder / "profil_jabar_2023.xlsx", level="province",
                                    year=2023, problems=())
    district = write_profil_kesehatan(folder / "profil_garut_2022.csv", level="district",
                                      region="3205", year=2022, problems=())
    deliveries, acceptors, opendata = write_opendata_kbpp_pair(folder, years=(2021,))
    register = folder / "register_2020.parquet"
    truth = write_register(register, 4_000, regencies=["3205", "3273"], years=(2020, 2020))
    return {"profil": profil, "district": district, "deliveries": deliveries,
            "acceptors": acceptors, "opendata": opendata, "register": register,
            "register_truth": truth, "folder": folder}


def test_each_shape_is_recognised(files, tmp_path):
    assert detect_kbpp_format(files["profil"].path) == "profil_kesehatan"
    assert detect_kbpp_format(files["district"].path) == "profil_kesehatan"
    assert detect_kbpp_format(files["deliveries"]) == "opendata"
    assert detect_kbpp_format(files["acceptors"]) == "opendata"
    assert detect_kbpp_format(files["register"]) == "register"
    other = tmp_path / "od_17148_persentase_balita_stunting.csv"
    other.write_text("kode_provinsi,nama_provinsi,kode_kabupaten_kota,nama_kabupaten_kota,"
                     "persentase_balita_stunting,satuan,tahun\n32,JAWA BARAT,3205,"
                     "KABUPATEN GARUT,5.1,PERSEN,2023\n")
    assert detect_kbpp_format(other) is None
    assert detect_kbpp_format(tmp_path / "missing.csv") is None


@pytest.mark.parametrize("name", ["profil", "district", "register"])
def test_every_shape_gives_a_valid_administrative_kbpp_table(files, name):
    path = files[name].path if hasattr(files[name], "path") else files[name]
    frame, _ = read_kbpp_file(path)
    assert list(frame.columns) == KBPP_COLUMNS and len(frame) > 0
    assert validate_kbpp(frame, path) == []
    assert set(frame["measure_type"]) == {"administrative"}
    assert set(frame["source"]) == {path.name}
    tidy = kbpp_to_tidy(frame, f"kbpp_{name}")
    assert set(tidy["measure_type"]) == {"administrative"}


def test_register_years_come_from_delivery_dates(files):
    frame, _ = read_kbpp_file(files["register"])
    expected = files["register_truth"].yearly()
    pd.testing.assert_frame_equal(frame[COUNTS], expected[COUNTS], check_dtype=False)


def test_open_data_deliveries_and_acceptors_complete_each_other(files):
    frame, ledger = read_kbpp_files([files["deliveries"], files["acceptors"]])
    pd.testing.assert_frame_equal(frame[COUNTS], files["opendata"][COUNTS], check_dtype=False)
    assert len(ledger) == 0
    assert set(frame["source"]) == {f"{files['deliveries'].name}; {files['acceptors'].name}"}
    # Alone, the deliveries table cannot make a KBPP row, and says why.
    alone, ledger = read_kbpp_file(files["deliveries"])
    assert alone.empty and {r.reason for r in ledger.rejects} == {"missing_value"}
    assert "kbpp_suntik" in ledger.rejects[0].detail


def test_files_combine_as_a_union_and_conflicts_reject_every_version(files, tmp_path):
    profil, district = files["profil"].path, files["district"].path
    union, ledger = read_kbpp_files([profil, district, files["register"]])
    assert len(union) == len(files["profil"].expected) + 1 + 2  # 27 + Garut 2022 + 2 x 2020
    assert not [r for r in ledger.rejects if "duplicate" in r.reason]  # disjoint: no clash

    # The same file twice: one copy kept, the other ledgered as a duplicate row by row.
    twice, ledger = read_kbpp_files([profil, profil])
    assert len(twice) == len(files["profil"].expected)
    # (Each copy's total row is ledgered too, as a finding: kept out of the data.)
    duplicates = [r for r in ledger.rejects if r.reason not in FINDINGS]
    assert {r.reason for r in duplicates} == {"duplicate"}
    assert len(duplicates) == len(twice)

    # Another table of the same province and year with different numbers: nothing is kept
    # for a regency-year the two disagree on.
    rival = write_profil_kesehatan(tmp_path / "rival.csv", level="province", year=2023,
                                   seed=7, problems=())
    both, ledger = read_kbpp_files([profil, rival.path])
    assert both.empty
    conflicts = [r for r in ledger.rejects if r.reason == "conflicting_duplicate"]
    assert {r.file for r in conflicts} == {profil.name, rival.path.name}
    assert len(conflicts) == 2 * len(files["profil"].expected)


def test_hints_go_to_the_reader_that_knows_them(files, tmp_path):
    district = write_profil_kesehatan(tmp_path / "tanpa_tahun.csv", level="district",
                                      region="3205", year=2019, problems=())
    # year= is for the profile; the register (dated deliveries) never sees it.
    frame, _ = read_kbpp_files([district.path, files["register"]], year=2021)
    assert sorted(frame["year"].unique().tolist()) == [2020, 2021]
    with pytest.raises(TypeError, match="yaer"):
        read_kbpp_file(district.path, yaer=2021)


def test_check_lists_problems_by_file_row_and_column(files, tmp_path):
    assert check_kbpp_file(files["profil"].path) == []
    planted = write_profil_kesehatan(tmp_path / "planted.csv", level="district")
    problems = check_kbpp_file(planted.path)
    assert sorted((p.row, p.column.split(" [")[0]) for p in problems) == sorted(
        (line, label) for line, label, _ in planted.issues)
    assert all("planted.csv" in p.line() for p in problems)

    unknown = tmp_path / "catatan.txt"
    unknown.write_text("bukan tabel\n")
    [problem] = check_kbpp_file(unknown)
    assert "KBPP file" in problem.line()

    register_problems = check_kbpp_file(files["register"])
    assert register_problems and all(p.column for p in register_problems)
    # Late methods are findings about the data, not problems of the file.
    assert not any("42 days" in p.line() for p in register_problems)


# Open-data KB columns and the tidy indicator each must become (independent of the table in
# kbanalysis.sources.opendata_indicators, which these tests check).
EXPECTED_INDICATORS = {
    "jumlah_ibu_bersalin": "deliveries",
    "jumlah_peserta_kb_pasca_persalinan": "kbpp_total",
    "jumlah_peserta_kb_aktif": "kb_active_users",
    "jumlah_peserta_kb_baru": "kb_new_users",
    "jumlah_pasangan_usia_subur": "pus",
    "persentase_unmet_need": "unmet_need_pct",
}


@pytest.mark.parametrize("column", sorted(OPENDATA_KB_COLUMNS))
def test_kb_open_data_tables_read_through_the_open_data_reader(column, tmp_path):
    from kbanalysis.sources.jabar_opendata import read_opendata

    indicator = EXPECTED_INDICATORS[column]
    path = tmp_path / f"od_{column}.csv"
    written = write_opendata_kb(path, column, years=(2022, 2023))
    result = read_opendata(path)
    assert len(result.ledger) == 0, result.ledger.to_frame()
    tidy = result.tidy.sort_values(["year", "region_code"]).reset_index(drop=True)
    expected = written.sort_values(["year", "bps_code"]).reset_index(drop=True)
    assert (tidy["indicator"] == indicator).all()
    assert tidy["region_code"].tolist() == expected["bps_code"].tolist()
    assert tidy["value"].tolist() == pytest.approx(expected["value"].tolist())


# --- the encodings and separators offices save in ------------------------------------------

def test_semicolon_cp1252_and_bom_files_give_the_same_table_as_plain_ones(files, tmp_path):
    from tests.fixtures.opendata import resave

    plain, _ = read_kbpp_files([files["deliveries"], files["acceptors"]])
    ansi = resave(files["deliveries"], tmp_path / "ibu_bersalin_ansi.csv", delimiter=";",
                  encoding="cp1252")
    bom = resave(files["acceptors"], tmp_path / "peserta_kbpp_bom.csv", delimiter=",",
                 encoding="utf-8", bom=True)
    assert ansi.read_bytes().count(b";") > 0 and bom.read_bytes().startswith(b"\xef\xbb\xbf")
    assert detect_kbpp_format(ansi) == detect_kbpp_format(bom) == "opendata"
    frame, ledger = read_kbpp_files([ansi, bom])
    assert len(ledger) == 0
    pd.testing.assert_frame_equal(frame[COUNTS], plain[COUNTS])
    pd.testing.assert_frame_equal(frame[COUNTS], files["opendata"][COUNTS], check_dtype=False)


# --- open-data tables of total acceptors (no method split) ---------------------------------

OD_HEAD = "kode_provinsi;nama_provinsi;kode_kabupaten_kota;nama_kabupaten_kota;{};satuan;tahun"


def _od(path, column, rows):
    lines = [OD_HEAD.format(column)] + [f"32;JAWA BARAT;{code};{name};{value};ORANG;2023"
                                        for code, name, value in rows]
    # Saved from Excel on Windows: ';' and cp1252 (the e-acute in a note column would break UTF-8).
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def test_a_totals_only_table_is_imported_with_coverage_where_deliveries_are_known(tmp_path):
    totals = _od(tmp_path / "kbpp_total.csv", "jumlah_peserta_kb_pasca_persalinan",
                 [("3205", "KABUPATEN GARUT", "12345"), ("3273", "KOTA BANDUNG", "6000")])
    deliveries = _od(tmp_path / "bersalin.csv", "jumlah_ibu_bersalin",
                     [("3205", "KABUPATEN GARUT", "40000")])
    assert detect_kbpp_format(totals) == "opendata"

    frame, ledger = read_kbpp_files([totals, deliveries])
    assert len(ledger) == 0, ledger.to_frame()
    assert validate_kbpp(frame, "combined") == []
    garut, bandung = frame.set_index("bps_code").loc["3205"], frame.set_index("bps_code").loc["3273"]
    assert (garut["kbpp_total"], garut["deliveries"]) == (12345, 40000)
    assert garut["kbpp_coverage_pct"] == pytest.approx(30.8625)  # 12345 / 40000, by hand
    assert bandung["kbpp_total"] == 6000
    assert pd.isna(bandung["deliveries"]) and pd.isna(bandung["kbpp_coverage_pct"])
    assert frame[METHOD_COLUMNS].isna().all().all()  # no method split was given
    tidy = kbpp_to_tidy(frame, "kbpp_import")
    assert sorted(tidy.loc[tidy["region_code"] == "3273", "indicator"]) == ["kbpp_total"]
    assert sorted(tidy.loc[tidy["region_code"] == "3205", "indicator"]) == [
        "deliveries", "kbpp_coverage_pct", "kbpp_total"]

    # Alone, the totals table still gives both regencies, without coverage.
    alone, ledger = read_kbpp_file(totals)
    assert len(ledger) == 0 and alone["kbpp_total"].tolist() == [12345, 6000]
    assert alone["kbpp_coverage_pct"].isna().all()


def test_a_total_that_disagrees_with_the_methods_or_deliveries_is_rejected(files, tmp_path):
    garut_2021 = files["opendata"].set_index(["bps_code", "year"]).loc[("3205", 2021)]
    methods_sum = int(garut_2021[METHOD_COLUMNS].sum())
    totals = tmp_path / "total.csv"
    totals.write_text(
        OD_HEAD.format("jumlah_peserta_kb_pasca_persalinan").replace(";", ",") + "\n"
        + f"32,JAWA BARAT,3205,KABUPATEN GARUT,{methods_sum + 1},ORANG,2021\n")
    frame, ledger = read_kbpp_files([files["deliveries"], files["acceptors"], totals])
    assert "3205" not in set(frame.loc[frame["year"] == 2021, "bps_code"])
    garut = [r for r in ledger.rejects if r.reason == "inconsistent_total"]
    assert garut and f"the methods sum to {methods_sum}" in garut[0].detail
    assert f"kbpp_total is {methods_sum + 1}" in garut[0].detail

    over = _od(tmp_path / "over.csv", "jumlah_peserta_kb_pasca_persalinan",
               [("3205", "KABUPATEN GARUT", "500")])
    few = _od(tmp_path / "few.csv", "jumlah_ibu_bersalin", [("3205", "KABUPATEN GARUT", "499")])
    frame, ledger = read_kbpp_files([over, few])
    assert frame.empty and {r.reason for r in ledger.rejects} == {"inconsistent_total"}


# --- what the build runs, and what check runs ----------------------------------------------

def test_import_refuses_files_with_problems_unless_allowed(files, tmp_path):
    from kbanalysis.sources.kbpp_import import KbppRejected, check_kbpp_files, import_kbpp

    bad = _od(tmp_path / "kbpp_total.csv", "jumlah_peserta_kb_pasca_persalinan",
              [("3205", "KABUPATEN GARUT", "700"), ("3273", "KOTA BANDUNG", "tujuh")])
    with pytest.raises(KbppRejected) as error:
        import_kbpp([bad])
    [problem] = error.value.problems
    assert (problem.file, problem.row, problem.column) == (str(bad), 3,
                                                            "jumlah_peserta_kb_pasca_persalinan")
    assert "--allow-rejects" in error.value.line()
    assert [p.line() for p in check_kbpp_files([bad])] == [problem.line()]

    frame, ledger = import_kbpp([bad], allow_rejects=True)
    assert frame["bps_code"].tolist() == ["3205"] and len(ledger) == 1

    # Nothing usable is refused even when rejects are allowed.
    nothing = _od(tmp_path / "nol.csv", "jumlah_peserta_kb_pasca_persalinan",
                  [("3273", "KOTA BANDUNG", "tujuh")])
    with pytest.raises(KbppRejected) as error:
        import_kbpp([nothing], allow_rejects=True)
    assert error.value.problems[-1].expected.startswith("at least one regency-year")
    assert "--allow-rejects" not in error.value.line()


def test_check_combines_the_files_like_the_build(tmp_path):
    from kbanalysis.sources.kbpp_import import check_kbpp_files

    # Each file alone is clean; together they disagree on Garut's total.
    one = _od(tmp_path / "kbpp_a.csv", "jumlah_peserta_kb_pasca_persalinan",
              [("3205", "KABUPATEN GARUT", "700"), ("3273", "KOTA BANDUNG", "300")])
    other = _od(tmp_path / "kbpp_b.csv", "jumlah_peserta_kb_pasca_persalinan",
                [("3205", "KABUPATEN GARUT", "710")])
    assert check_kbpp_files([one]) == [] and check_kbpp_files([other]) == []
    problems = check_kbpp_files([one, other])
    assert [(p.file, p.row) for p in problems] == [(str(one), 2), (str(other), 2)]
    assert all(p.expected.startswith("one value per kabupaten/kota and year (3205 2023: "
                                     "kbpp_total is 700 in kbpp_a.csv row 2 but 710 in "
                                     "kbpp_b.csv row 2)") for p in problems)


def test_the_schema_takes_a_total_without_methods_but_not_half_a_method_split():
    row = {"bps_code": "3205", "year": 2023, "deliveries": 1000, **{m: None for m in METHOD_COLUMNS},
           "kbpp_total": 400, "kbpp_coverage_pct": 40.0, "measure_type": "administrative",
           "source": "a.csv"}
    no_deliveries = {**row, "bps_code": "3273", "deliveries": None, "kbpp_coverage_pct": None}
    frame = pd.DataFrame([row, no_deliveries], columns=KBPP_COLUMNS)
    assert validate_kbpp(frame, "t.csv") == []
    half = pd.DataFrame([{**row, "kbpp_kondom": 10}], columns=KBPP_COLUMNS)
    flagged = {e.column for e in validate_kbpp(half, "t.csv")}
    assert flagged == set(METHOD_COLUMNS) - {"kbpp_kondom"}  # the seven left empty
    no_total = pd.DataFrame([{**row, "kbpp_total": None}], columns=KBPP_COLUMNS)
    assert {e.column for e in validate_kbpp(no_total, "t.csv")} >= {"kbpp_total", *METHOD_COLUMNS}
