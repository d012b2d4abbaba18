"""The BPS population tables: total population 2024 (Kemendagri codes) and children 0-4 in
2025 (names only)."""
from __future__ import annotations

import csv

import pytest

from kbanalysis.dataset import raw_source_file
from kbanalysis.indicators import get
from kbanalysis.sources import kode_wilayah
from kbanalysis.sources.population import (
    read_children_0_4,
    read_crosswalk_2020,
    read_population_total,
)
from kbanalysis.sources.rows import promoted_column, row_accounting

TOTAL_HEADER = "kode_wilayah_src,nama_kabkota,jenis,provinsi,penduduk_2024"
UNDER_5_HEADER = "provinsi,nama_kabkota,jenis,penduduk_0_4_2025"


@pytest.fixture(scope="module")
def crosswalk(raw_dir):
    return read_crosswalk_2020(raw_dir / kode_wilayah.FILES["bridge"][0])


@pytest.fixture(scope="module")
def total_path(raw_dir):
    return raw_source_file(raw_dir, "bps_population")


@pytest.fixture(scope="module")
def under_5_path(raw_dir):
    return raw_source_file(raw_dir, "bps_children_0_4")


@pytest.fixture(scope="module")
def total(total_path, resolver, crosswalk):
    return read_population_total(total_path, resolver=resolver, crosswalk=crosswalk)


@pytest.fixture(scope="module")
def under_5(under_5_path, resolver):
    return read_children_0_4(under_5_path, resolver=resolver)


def plain_sum(path, column):
    with path.open(newline="", encoding="utf-8") as handle:
        return sum(int(row[column]) for row in csv.DictReader(handle))


def test_every_one_of_the_514_regencies_once_in_both(total, under_5, resolver):
    everyone = set(resolver.regencies["bps_code"])
    assert len(everyone) == 514
    for result, indicator, year in ((total, "population", 2024), (under_5, "children_0_4", 2025)):
        assert result.rows_read == 514 and len(result.ledger) == 0
        assert row_accounting(result.rows_read, result.kept_rows(), result.rejected_rows())["kept"] == 514
        assert set(result.tidy["indicator"]) == {indicator} and set(result.tidy["year"]) == {year}
        assert result.tidy["region_code"].is_unique and set(result.tidy["region_code"]) == everyone


def test_national_sums_equal_the_published_totals(total, under_5, total_path, under_5_path):
    # BPS mid-2024 population 281,603.8 thousand; children 0-4 in 2025 as logged by the source.
    assert plain_sum(total_path, "penduduk_2024") == 281_603_799
    assert plain_sum(under_5_path, "penduduk_0_4_2025") == 22_752_569
    assert total.tidy["value"].sum() == pytest.approx(281_603_799, abs=0.5)
    assert under_5.tidy["value"].sum() == pytest.approx(22_752_569, abs=0.5)


def test_kemendagri_codes_land_on_the_bps_regency(total):
    value = total.tidy.set_index("region_code")["value"]
    # Read by hand: "11.01,Aceh Selatan,...,241994" is BPS 1103 (BPS 1101 is Simeulue);
    # "91.01,Merauke,...,Papua Selatan,239404" is a pre-2022 code, BPS 9401.
    assert value["1103"] == 241_994 and value["9401"] == 239_404
    assert value["3201"] == 5_682_303 and value["3271"] == 1_078_351  # Bogor, Kota Bogor


def test_names_only_table_uses_jenis_and_bps_province_names(under_5):
    value = under_5.tidy.set_index("region_code")["value"]
    assert value["3402"] == 66_312  # "D I YOGYAKARTA,Bantul,Kabupaten"
    assert value["3201"] == 454_091 and value["3271"] == 76_820  # Bogor / Kota Bogor
    assert value["5206"] == 54_407 and value["5272"] == 14_343  # Bima / Kota Bima


def test_labels_name_bps_not_sppg():
    for name in ("population", "children_0_4"):
        spec = get(name)
        assert "BPS" in spec.label_en and "BPS" in spec.label_id
        assert "SPPG" not in spec.label_en + spec.label_id
        assert spec.measure_type == "administrative" and spec.unit == "persons"


def test_crafted_total_rows(tmp_path, resolver, crosswalk):
    path = tmp_path / "penduduk.csv"
    path.write_text("\n".join([
        TOTAL_HEADER,
        "32.01,Bogor,Kabupaten,Jawa Barat,5682303",  # 2 kept: 3201
        "32.01,Kota Bandung,Kota,Jawa Barat,100000",  # 3 code and name disagree
        "32.04,Bogor,Kota,Jawa Barat,100000",  # 4 jenis says kota: Kota Bogor, code 32.04 is Bandung
        "99.99,Garut,Kabupaten,Jawa Barat,100000",  # 5 no such code
        "12.12,Toba Samosir / Toba,Kabupaten,Sumatera Utara,216720",  # 6 old / new: kept (BPS 1206)
        "12.12,Toba / Samosir,Kabupaten,Sumatera Utara,216720",  # 7 parts disagree
        "32.01,Bogor,Kabupaten,Jawa Barat,5682303",  # 8 again
        "32.05,Garut,Kabupaten,Jawa Barat,2.6e6x",  # 9 not a number
        "32.06,Tasikmalaya,Desa,Jawa Barat,100000",  # 10 jenis unknown
        "91.01,Merauke,Kabupaten,Papua Selatan,239404",  # 11 pre-2022 code: kept via crosswalk
        "91.01,Jayapura,Kabupaten,Papua,100000",  # 12 pre-2022 Merauke with another name
        "32.07,Ciamis,Kabupaten,Jawa Barat,",  # 13 empty
    ]) + "\n")
    result = read_population_total(path, resolver=resolver, crosswalk=crosswalk)
    assert result.kept_rows() == {2, 6, 11}
    assert result.rejected_rows() == {3, 4, 5, 7, 8, 9, 10, 12, 13}
    found = {(r.row, r.column or promoted_column(r.detail), r.reason) for r in result.ledger.rejects}
    assert found == {
        (3, "kode_wilayah_src", "code_name_mismatch"), (4, "kode_wilayah_src", "code_name_mismatch"),
        (5, "kode_wilayah_src", "unknown_region"), (7, "nama_kabkota", "code_name_mismatch"),
        (8, None, "duplicate"), (9, "penduduk_2024", "not_a_number"),
        (10, "jenis", "unknown_region"), (12, "kode_wilayah_src", "code_name_mismatch"),
        (13, "penduduk_2024", "missing_value")}
    codes = result.tidy.set_index("source_row")["region_code"]
    assert codes[2] == "3201" and codes[6] == "1206" and codes[11] == "9401"
    mismatch = next(r for r in result.ledger.rejects if r.row == 3)
    assert "Kota Bandung" in mismatch.detail and "32.01" in mismatch.detail

    # Without the 2020 bridging list a pre-2022 code is unknown, never settled by the name.
    alone = read_population_total(path, resolver=resolver)
    reject = next(r for r in alone.ledger.rejects if r.row == 11)
    assert reject.reason == "unknown_region" and "bridging list" in reject.detail


def test_crafted_names_only_rows(tmp_path, resolver):
    path = tmp_path / "balita.csv"
    path.write_text("\n".join([
        UNDER_5_HEADER,
        "JAWA BARAT,Bogor,Kabupaten,454091",  # 2 kabupaten
        "JAWA BARAT,Bogor,Kota,76820",  # 3 the bare name with jenis Kota: Kota Bogor
        "JAWA BARAT,Kota Bogor,Kota,76820",  # 4 again
        "JAWA BARAT,Kota Bandung,Kabupaten,1",  # 5 jenis disagrees with the name
        "ATLANTIS,Bogor,Kabupaten,1",  # 6 unknown province
        "JAWA BARAT,Bogor Utara,Kabupaten,1",  # 7 unknown name
        "D I YOGYAKARTA,Bantul,Kabupaten,66312.5",  # 8 not a whole number
    ]) + "\n")
    result = read_children_0_4(path, resolver=resolver)
    assert result.kept_rows() == {2, 3} and result.rejected_rows() == {4, 5, 6, 7, 8}
    codes = result.tidy.set_index("source_row")["region_code"]
    assert codes[2] == "3201" and codes[3] == "3271"
    found = {(r.row, promoted_column(r.detail) or r.column, r.reason) for r in result.ledger.rejects}
    assert found == {(4, None, "duplicate"), (5, "jenis", "code_name_mismatch"),
                     (6, "provinsi", "unknown_region"), (7, "nama_kabkota", "unknown_region"),
                     (8, "penduduk_0_4_2025", "not_a_number")}
    assert set(result.tidy["year"]) == {2025}  # from the value column's name


def test_a_table_without_a_year_column_is_refused(tmp_path, resolver):
    from kbanalysis.ledger import InputError

    path = tmp_path / "balita.csv"
    path.write_text("provinsi,nama_kabkota,jenis,jumlah\nJAWA BARAT,Bogor,Kabupaten,1\n")
    with pytest.raises(InputError) as error:
        read_children_0_4(path, resolver=resolver)
    assert "balita.csv, row 1: expected a value column named like penduduk_0_4_" in str(error.value)
