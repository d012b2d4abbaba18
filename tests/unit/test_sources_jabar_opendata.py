"""The Open Data Jabar reader: real downloads and crafted files with the portal's quirks."""
from __future__ import annotations

import csv

import pandas as pd
import pytest

from kbanalysis.dataset import raw_source_file
from kbanalysis.ledger import InputError
from kbanalysis.sources.jabar_opendata import default_source_id, flag_year_jumps, read_opendata
from kbanalysis.sources.opendata_indicators import OPEN_DATA_COLUMNS
from kbanalysis.sources.rows import row_accounting

HEADER = ("id,kode_provinsi,nama_provinsi,kode_kabupaten_kota,nama_kabupaten_kota,"
          "persentase_balita_stunting,satuan,tahun")


def raw_file(raw_dir, source_id):
    return raw_source_file(raw_dir, source_id)


def write_crlf(path, lines):
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


def reconciles(result):
    kept, rejected = result.kept_rows(), result.rejected_rows()
    assert not kept & rejected
    assert row_accounting(result.rows_read, kept, rejected)["read"] == result.rows_read
    return kept, rejected


# --- the real files -------------------------------------------------------------------------

def test_routine_weighing_file_every_row_kept_or_rejected(raw_dir, resolver):
    path = raw_file(raw_dir, "jabar_od_17148")
    result = read_opendata(path, resolver=resolver)
    assert result.source_id == "jabar_od_17148"
    assert result.rows_read == 297  # 27 kab/kota x 11 years (PROVENANCE)
    kept, rejected = reconciles(result)
    assert len(kept) == 295 and len(rejected) == 2

    # The two rejected rows are the 2014 zeros of Sumedang and Indramayu, read independently.
    with path.open(newline="", encoding="utf-8") as handle:
        lines = {i: row for i, row in enumerate(csv.DictReader(handle), start=2)}
    rejects = result.ledger.to_frame()
    assert set(rejects["reason"]) == {"zero_coded_missing"}
    for row in rejects["row"]:
        assert lines[row]["persentase_balita_stunting"] == "0"
        assert lines[row]["tahun"] == "2014"
        assert lines[row]["kode_kabupaten_kota"] in {"3211", "3212"}


def test_routine_weighing_values_and_measure_type(raw_dir, resolver):
    tidy = read_opendata(raw_file(raw_dir, "jabar_od_17148"), resolver=resolver).tidy
    assert set(tidy["indicator"]) == {"stunting_weighing_pct"}
    assert set(tidy["measure_type"]) == {"routine_weighing"}
    assert tidy["region_code"].nunique() == 27 and set(tidy["year"]) == set(range(2014, 2025))
    value = tidy.set_index(["region_code", "year"])["value"]
    assert value[("3201", 2024)] == pytest.approx(1.91)  # written "1,91" in the file
    assert value[("3279", 2024)] == pytest.approx(6.07)  # written 6.07 in the same column
    # Pangandaran 2019 (21.67 against about 5 around it) is kept and flagged.
    flags = tidy.set_index(["region_code", "year"])["flags"]
    assert value[("3218", 2019)] == pytest.approx(21.67)
    assert "year_jump" in flags[("3218", 2019)]


def test_ssgi_extract_reads_as_survey(raw_dir, resolver):
    result = read_opendata(raw_file(raw_dir, "jabar_ssgi2024"), "jabar_ssgi2024", resolver=resolver)
    reconciles(result)
    tidy = result.tidy
    assert len(tidy) == 27 and set(tidy["year"]) == {2024}
    assert set(tidy["indicator"]) == {"stunting_survey_pct"} and set(tidy["measure_type"]) == {"survey"}
    value = tidy.set_index("region_code")["value"]
    assert value["3205"] == 14.2 and value["3275"] == 11.7 and value["3203"] == 7.2


# --- crafted files ----------------------------------------------------------------------------

def test_crafted_file_every_quirk(tmp_path, resolver):
    path = write_crlf(tmp_path / "od_99999_test.csv", [
        HEADER,
        '1,32,JAWA BARAT,3201,KABUPATEN BOGOR,"1,91",PERSEN,2024',  # 2 decimal comma
        "2,32,JAWA BARAT,3279,KOTA BANJAR,6.07,PERSEN,2024",  # 3 decimal point
        "3,32,JAWA BARAT,3211,KABUPATEN SUMEDANG,0,PERSEN,2014",  # 4 zero = missing
        "4,32,JAWA BARAT,3201,KABUPATEN ATLANTIS,5.0,PERSEN,2024",  # 5 unknown name
        "5,32,JAWA BARAT,3205,KABUPATEN BOGOR,5.0,PERSEN,2023",  # 6 3205 is Garut
        "6,32,JAWA BARAT,,BOGOR,5.0,PERSEN,2023",  # 7 no code, bare name
        "7,32,JAWA BARAT,3202,KABUPATEN SUKABUMI,5.0,PERSEN,20x4",  # 8 bad year
        "8,32,JAWA BARAT,3203,KABUPATEN CIANJUR,n/a,PERSEN,2024",  # 9 not a number
        "9,32,JAWA BARAT,3204,KABUPATEN BANDUNG,5.0,ORANG,2024",  # 10 wrong unit
        "10,32,JAWA BARAT,,KOTA BOGOR,4.0,PERSEN,2024",  # 11 no code, clear name
        "11,99,ATLANTIS,3201,KABUPATEN BOGOR,5.0,PERSEN,2024",  # 12 unknown province
        "12,32,JAWA TENGAH,3206,KABUPATEN TASIKMALAYA,5.0,PERSEN,2024",  # 13 province mismatch
        "13,32,JAWA BARAT,3207,KABUPATEN CIAMIS,5.0,PERSEN",  # 14 a field short
    ])
    result = read_opendata(path, resolver=resolver)
    assert result.source_id == "jabar_od_99999"
    kept, rejected = reconciles(result)
    assert kept == {2, 3, 11}
    value = result.tidy.set_index("source_row")["value"]
    assert value[2] == pytest.approx(1.91) and value[3] == pytest.approx(6.07)
    kota_bogor = result.tidy.set_index("source_row").loc[11]
    assert kota_bogor["region_code"] == "3271" and kota_bogor["flags"] == "code_missing_matched_by_name"

    reasons = dict(zip(result.ledger.to_frame()["row"], result.ledger.to_frame()["reason"]))
    assert reasons == {4: "zero_coded_missing", 5: "code_name_mismatch", 6: "code_name_mismatch",
                       7: "ambiguous_region", 8: "bad_year", 9: "not_a_number",
                       10: "unit_mismatch", 12: "unknown_region", 13: "code_name_mismatch",
                       14: "malformed_row"}


def test_lf_and_crlf_give_the_same_values(tmp_path, resolver):
    lines = [HEADER, '1,32,JAWA BARAT,3201,KABUPATEN BOGOR,"1,91",PERSEN,2024',
             "2,32,JAWA BARAT,3273,KOTA BANDUNG,8.85,PERSEN,2024"]
    crlf = read_opendata(write_crlf(tmp_path / "a.csv", lines), "x", resolver=resolver).tidy
    (tmp_path / "b.csv").write_text("\n".join(lines) + "\n")
    lf = read_opendata(tmp_path / "b.csv", "x", resolver=resolver).tidy
    pd.testing.assert_frame_equal(crlf, lf)
    assert crlf["region_code"].tolist() == ["3201", "3273"]


def test_province_level_file(tmp_path, resolver):
    path = write_crlf(tmp_path / "prov.csv", [
        "id,kode_provinsi,nama_provinsi,prevalensi_balita_stunting,satuan,tahun",
        "1,32,JAWA BARAT,20.2,PERSEN,2022",
        "2,33,JAWA BARAT,20.8,PERSEN,2022",
        "3,94,PAPUA,34.6,PERSEN,2022",
    ])
    result = read_opendata(path, "prov", resolver=resolver)
    reconciles(result)
    assert result.tidy[["region_code", "level"]].values.tolist() == [["32", "province"],
                                                                      ["94", "province"]]
    assert result.ledger.rejects[0].row == 3
    assert result.ledger.rejects[0].reason == "code_name_mismatch"


def test_file_without_known_value_column_names_the_header(tmp_path, resolver):
    path = write_crlf(tmp_path / "x.csv", [HEADER.replace("persentase_balita_stunting", "jumlah"),
                                           "1,32,JAWA BARAT,3201,KABUPATEN BOGOR,5,ORANG,2024"])
    with pytest.raises(InputError, match="row 1.*value column"):
        read_opendata(path, resolver=resolver)


def test_year_jump_rule():
    def series(values):
        return pd.DataFrame({"region_code": "3201", "level": "regency",
                             "year": range(2014, 2014 + len(values)),
                             "indicator": "stunting_weighing_pct", "value": values,
                             "unit": "percent", "measure_type": "routine_weighing",
                             "source_id": "x", "source_row": range(2, 2 + len(values)),
                             "flags": ""})
    # 5 -> 15 -> 5: the spike and the return are both jumps; 7 -> 3 (x2.3 but 4 points)
    # and 12 -> 18 (6 points but x1.5) are not; 6 -> 12 (6 points, x2) is.
    values = [5.0, 15.0, 5.0, 9.0, 7.0, 3.0, 6.0, 12.0, 18.0]
    flagged = flag_year_jumps(series(values))
    jumps = [year for year, flags in zip(flagged["year"], flagged["flags"]) if flags == "year_jump"]
    assert jumps == [2015, 2016, 2021]
    assert flagged["value"].tolist() == values  # flagged, never changed


def test_every_table_entry_names_a_known_indicator():
    from kbanalysis.indicators import INDICATORS
    assert all(spec.indicator in INDICATORS for spec in OPEN_DATA_COLUMNS.values())


def test_default_source_id_from_portal_name(tmp_path):
    spec = OPEN_DATA_COLUMNS["persentase_balita_stunting"]
    assert default_source_id(tmp_path / "dinkes-od_17148_x.csv", spec) == "jabar_od_17148"
    assert default_source_id(tmp_path / "mine.csv", spec) == "jabar_stunting_weighing_pct"
