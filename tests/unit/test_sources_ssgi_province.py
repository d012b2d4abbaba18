"""The province stunting series (SSGI 2021/2022/2024, SKI 2023) and its known errors."""
from __future__ import annotations

import csv

import pytest

from kbanalysis.dataset import raw_source_file
from kbanalysis.sources.rows import row_accounting
from kbanalysis.sources.ssgi_province import read_ssgi_provinsi

HEADER = "id,kode_provinsi,nama_provinsi,prevalensi_balita_stunting,satuan,tahun"


@pytest.fixture(scope="module")
def province_path(raw_dir):
    return raw_source_file(raw_dir, "ssgi_provinsi")


@pytest.fixture(scope="module")
def provinces(province_path, resolver):
    return read_ssgi_provinsi(province_path, resolver=resolver)


def test_rows_reconcile(provinces):
    kept, rejected = provinces.kept_rows(), provinces.rejected_rows()
    assert provinces.rows_read == 144 and not kept & rejected
    assert row_accounting(provinces.rows_read, kept, rejected) == {"read": 144, "kept": 139,
                                                                   "rejected": 5}


def test_published_values_and_levels(provinces):
    tidy = provinces.tidy
    assert set(tidy["level"]) == {"province"} and set(tidy["measure_type"]) == {"survey"}
    value = tidy.set_index(["region_code", "year"])["value"]
    # Checked against the published figures (PROVENANCE): Kalbar 2021, Jabar 2021/2022/2024.
    assert value[("61", 2021)] == 29.8 and value[("32", 2021)] == 24.5
    assert value[("32", 2022)] == 20.2 and value[("32", 2024)] == 15.9


def test_ntt_2022_zero_and_papua_2024_copy_down_are_ledgered(provinces, province_path):
    with province_path.open(newline="", encoding="utf-8") as handle:
        raw = {i: r for i, r in enumerate(csv.DictReader(handle), start=2)}
    reasons = {(raw[r.row]["kode_provinsi"], raw[r.row]["tahun"]): r.reason
               for r in provinces.ledger.rejects}
    assert reasons == {("53", "2022"): "implausible_value",
                       ("94", "2024"): "copy_down", ("91", "2024"): "copy_down",
                       ("96", "2024"): "copy_down", ("97", "2024"): "copy_down"}
    kept_2024 = set(provinces.tidy.loc[provinces.tidy["year"] == 2024, "region_code"])
    assert {"92", "95"} <= kept_2024  # Papua Barat Daya and Papua Selatan differ: kept


def test_copy_down_rule_is_general(tmp_path, resolver):
    path = tmp_path / "prov.csv"
    path.write_text("\n".join([
        HEADER,
        "1,94,PAPUA,30.0,PERSEN,2023",  # 2 } three of the Papua family share 30.0
        "2,95,PAPUA SELATAN,30.0,PERSEN,2023",  # 3 }
        "3,96,PAPUA TENGAH,30.0,PERSEN,2023",  # 4 }
        "4,91,PAPUA BARAT,25.0,PERSEN,2023",  # 5 ] two sharing 25.0: not enough
        "5,92,PAPUA BARAT DAYA,25.0,PERSEN,2023",  # 6 ]
        "6,11,ACEH,20.0,PERSEN,2023",  # 7 ) three unrelated provinces sharing 20.0
        "7,12,SUMATERA UTARA,20.0,PERSEN,2023",  # 8 )
        "8,13,SUMATERA BARAT,20.0,PERSEN,2023",  # 9 )
        "9,97,PAPUA PEGUNUNGAN,30.0,PERSEN,2024",  # 10 same value, other year
        "10,94,PAPUA,31.0,PERSEN,2021",  # 11 before the 2022 split
    ]) + "\n")
    result = read_ssgi_provinsi(path, resolver=resolver)
    assert {r.row: r.reason for r in result.ledger.rejects} == {2: "copy_down", 3: "copy_down",
                                                                4: "copy_down"}
    assert result.kept_rows() == {5, 6, 7, 8, 9, 10, 11}
    flags = result.tidy.set_index("source_row")["flags"]
    assert flags[11] == "pre_split_territory" and flags[5] == ""
