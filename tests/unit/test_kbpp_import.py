"""One entry point for real KBPP files: detection, dispatch, combining files, checking."""
from __future__ import annotations

import pandas as pd
import pytest

from tests.fixtures import (OPENDATA_KB_COLUMNS, write_opendata_kb, write_opendata_kbpp_pair,
                                 write_profil_kesehatan, write_register)
from kbanalysis.kbpp_schema import KBPP_COLUMNS, METHOD_COLUMNS, kbpp_to_tidy, validate_kbpp
from kbanalysis.sources.kbpp_import import (check_kbpp_file, detect_kbpp_format, read_kbpp_file,
                                            read_kbpp_files)

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
    assert {r.reason for r in ledger.rejects} == {"duplicate"}
    assert len(ledger) == len(twice)

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
