"""The BPS Susenas regency indicator table with its mixed code systems."""
from __future__ import annotations

import csv

import pytest

from kbanalysis.dataset import raw_source_file
from kbanalysis.sources.rows import promoted_column, row_accounting
from kbanalysis.sources.susenas import read_susenas_kabkota

PAPUA_REGION = {"91", "92", "94", "95", "96", "97"}  # BPS province codes after the 2022 split


@pytest.fixture(scope="module")
def susenas_path(raw_dir):
    return raw_source_file(raw_dir, "susenas_kabkota")


@pytest.fixture(scope="module")
def susenas(susenas_path, resolver):
    return read_susenas_kabkota(susenas_path, resolver=resolver)


def by_row(result):
    return result.tidy.drop_duplicates("source_row").set_index("source_row")


def test_all_rows_kept_and_every_regency_once(susenas):
    kept, rejected = susenas.kept_rows(), susenas.rejected_rows()
    assert susenas.rows_read == 514 and len(kept) == 514 and not rejected
    assert row_accounting(susenas.rows_read, kept, rejected)["read"] == 514
    assert susenas.tidy["region_code"].nunique() == 514


def test_indicators_and_years_come_from_column_names(susenas):
    counts = susenas.tidy.groupby(["indicator", "year"]).size().to_dict()
    assert counts == {("births_outside_facility_pct", 2024): 514,
                      ("births_outside_facility_pct", 2025): 514,
                      ("first_birth_before_20_pct", 2024): 514,
                      ("first_birth_before_20_pct", 2025): 514,
                      ("latitude", 2024): 514, ("longitude", 2024): 514}


def test_kemendagri_codes_only_inside_papua(susenas, resolver):
    rows = by_row(susenas)
    province = rows["region_code"].map(resolver.regencies.set_index("bps_code")["province_bps"])
    code_flags = rows["flags"].str.contains("code_")
    assert not code_flags[~province.isin(PAPUA_REGION)].any()
    assert code_flags[province.isin(PAPUA_REGION)].all()
    # PROVENANCE: 9103 is Jayapura in this file (BPS 9403), not BPS 9103 Teluk Wondama.
    regions = rows.set_index(rows["region_code"])
    assert "code_system_dagri" in regions.at["9403", "flags"]


def test_rows_resolve_to_the_named_regency(susenas, susenas_path, resolver):
    with susenas_path.open(newline="", encoding="utf-8") as handle:
        raw = {i: r for i, r in enumerate(csv.DictReader(handle), start=2)}
    official = resolver.regencies.set_index("bps_code")
    rows = by_row(susenas)
    for line, row in raw.items():
        if row["kode_kabkota"] == "9201":
            assert rows.at[line, "region_code"] == "9107"  # Kabupaten Sorong
        if row["kode_kabkota"] == "9103":
            assert official.at[rows.at[line, "region_code"], "name"] == "Kabupaten Jayapura"


def test_sampling_zeros_and_boundaries_are_kept_and_flagged(susenas, susenas_path):
    with susenas_path.open(newline="", encoding="utf-8") as handle:
        raw = list(csv.DictReader(handle))
    value_columns = [c for c in raw[0] if c.startswith(("melahirkan", "persalinan"))]
    zeros = sum(float(r[c]) == 0.0 for r in raw for c in value_columns)
    hundreds = sum(float(r[c]) == 100.0 for r in raw for c in value_columns)
    flags = susenas.tidy["flags"]
    assert flags.str.contains("sampling_zero").sum() == zeros > 0
    assert flags.str.contains("boundary_value").sum() == hundreds > 0
    assert (susenas.tidy.loc[flags.str.contains("sampling_zero"), "value"] == 0.0).all()


def test_crafted_rows(tmp_path, resolver):
    path = tmp_path / "susenas.csv"
    path.write_text("\n".join([
        "kode_kabkota,nama,provinsi,lat,lon,melahirkan_dini_2024,persalinan_nonfaskes_2024,"
        "melahirkan_dini_20x5",
        "1101,Simeulue,Aceh,2.63,96.03,10.5,0.0,1",  # 2 BPS code, a sampling zero
        "9103,Jayapura,Papua,-3.05,139.96,25.9,100.0,1",  # 3 Kemendagri code, boundary
        "1103,Simeulue,Aceh,2.63,96.03,10.5,1.0,1",  # 4 BPS 1103 is Aceh Selatan
        "9999,Atlantis,Aceh,2.63,96.03,10.5,1.0,1",  # 5 nothing matches
        "1102,Aceh Singkil,Aceh,x,97.8,10.5,1.0,1",  # 6 latitude not a number
        "9201,Sorong,Papua Barat Daya,-1.15,131.54,31.4,25.8,1",  # 7 old code: by name
        "1101,Simeulue,Aceh,2.63,96.03,10.5,0.0,1",  # 8 repeated
    ]) + "\n")
    result = read_susenas_kabkota(path, resolver=resolver)
    kept, rejected = result.kept_rows(), result.rejected_rows()
    assert kept == {2, 3, 6, 7} and rejected == {4, 5, 8}
    found = {(r.row, r.column or promoted_column(r.detail), r.reason) for r in result.ledger.rejects}
    assert found == {(1, "melahirkan_dini_20x5", "bad_year"),
                     (4, "kode_kabkota", "code_name_mismatch"),
                     (5, "kode_kabkota", "code_name_mismatch"),
                     (6, "lat", "not_a_number"), (8, None, "duplicate")}
    tidy = result.tidy.set_index(["source_row", "indicator"])
    assert tidy.at[(2, "births_outside_facility_pct"), "flags"] == "sampling_zero"
    assert tidy.at[(3, "births_outside_facility_pct"), "flags"] == "code_system_dagri;boundary_value"
    assert tidy.at[(3, "latitude"), "region_code"] == "9403"
    assert tidy.at[(7, "latitude"), "region_code"] == "9107"
    assert tidy.at[(7, "latitude"), "flags"] == "code_unknown_matched_by_name"
    assert set(result.tidy["year"]) == {2024}  # lat/lon filed under the earliest year
