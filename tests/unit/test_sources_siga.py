"""BKKBN SIGA and Elsimil desa exports (Sulawesi Barat 2025): regency sums, ratios, ledger."""
from __future__ import annotations

import csv

import pandas as pd
import pytest

from kbanalysis.dataset import raw_source_file
from kbanalysis.indicators import get
from kbanalysis.ledger import InputError
from kbanalysis.sources import kode_wilayah
from kbanalysis.sources.rows import promoted_column, row_accounting
from kbanalysis.sources.siga import (
    PROGRAMME_COLUMNS,
    combine_programme,
    read_elsimil_bumil,
    read_siga_mix,
    read_siga_pus,
)

YEAR = 2025


@pytest.fixture(scope="module")
def paths(raw_dir):
    return {s: raw_source_file(raw_dir, s) for s in ("siga_pus", "siga_mix_kontra", "elsimil_bumil")}


@pytest.fixture(scope="module")
def results(paths, resolver):
    pus = read_siga_pus(paths["siga_pus"], year=YEAR, resolver=resolver)
    mix = read_siga_mix(paths["siga_mix_kontra"], year=YEAR, resolver=resolver)
    bumil = read_elsimil_bumil(paths["elsimil_bumil"], year=YEAR, resolver=resolver)
    table = combine_programme([pus, mix, bumil])
    return {"pus": pus, "mix": mix, "bumil": bumil, "table": table}


@pytest.fixture(scope="module")
def bps_codes(raw_dir):
    """Regency name -> BPS code, from the bridging list read with plain csv."""
    with (raw_dir / kode_wilayah.FILES["bridge"][0]).open(newline="", encoding="utf-8") as handle:
        return {row["nama_bps"]: row["kode_bps"] for row in csv.DictReader(handle)
                if row["kode_bps"].startswith("76")}


def plain_records(path):
    """(line, row) of a ';' export, the line counted like an editor does (header = 1)."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle, delimiter=";")
        header = next(reader)
        out, line = [], reader.line_num
        for fields in reader:
            out.append((line + 1, dict(zip(header, fields))))
            line = reader.line_num
        return out


def tidy_value(result, code, indicator):
    tidy = result.tidy
    row = tidy[(tidy["region_code"] == code) & (tidy["indicator"] == indicator)]
    assert len(row) == 1
    return row.iloc[0]


def test_rows_reconcile_per_file(results, paths):
    for key, source in (("pus", "siga_pus"), ("mix", "siga_mix_kontra"), ("bumil", "elsimil_bumil")):
        result = results[key]
        assert result.rows_read == len(plain_records(paths[source]))
        counts = row_accounting(result.rows_read, result.kept_rows(), result.rejected_rows())
        assert counts["kept"] + counts["rejected"] == counts["read"]
    assert results["pus"].rows_read == results["mix"].rows_read == 648 * 9
    assert not results["pus"].rejected_rows() and not results["mix"].rejected_rows()


def test_september_modern_prevalence_of_majene_by_hand(results, paths, bps_codes):
    pus = sum(int(r["PUS"]) for _, r in plain_records(paths["siga_pus"])
              if r["KABUPATEN"] == "MAJENE" and r["BULAN"] == "SEPTEMBER")
    modern = sum(int(r["KB MODERN"]) for _, r in plain_records(paths["siga_mix_kontra"])
                 if r["KABUPATEN"] == "MAJENE" and r["BULAN"] == "SEPTEMBER")
    row = tidy_value(results["mix"], bps_codes["MAJENE"], "modern_cpr_pct")
    assert row["value"] == pytest.approx(100 * modern / pus, abs=1e-4)
    assert row["year"] == YEAR and row["flags"] == "latest_month_09"
    assert row["measure_type"] == "administrative"
    # The same figure in the monthly table, with its counts.
    table = results["table"]
    monthly = table[(table["bps_code"] == bps_codes["MAJENE"]) & (table["month"] == 9)
                    & (table["indicator"] == "modern_cpr_pct")].iloc[0]
    assert (monthly["numerator"], monthly["denominator"]) == (modern, pus)
    assert monthly["source_id"] == "siga_mix_kontra+siga_pus"


def test_march_long_acting_share_of_mamasa_by_hand(results, paths, bps_codes):
    rows = [r for _, r in plain_records(paths["siga_mix_kontra"])
            if r["KABUPATEN"] == "MAMASA" and r["BULAN"] == "MARET"]
    mkjp = sum(int(r[c]) for r in rows for c in ("IUD", "IMPLAN", "TUBEKTOMI", "VASEKTOMI"))
    modern = sum(int(r["KB MODERN"]) for r in rows)
    table = results["table"]
    row = table[(table["bps_code"] == bps_codes["MAMASA"]) & (table["month"] == 3)
                & (table["indicator"] == "long_acting_share_pct")].iloc[0]
    assert row["value"] == pytest.approx(100 * mkjp / modern, abs=1e-4)


def test_unmet_need_of_pasangkayu_in_january_by_hand(results, paths, bps_codes):
    rows = [r for _, r in plain_records(paths["siga_pus"])
            if r["KABUPATEN"] == "PASANGKAYU" and r["BULAN"] == "JANUARI"]
    table = results["table"].set_index(["bps_code", "month", "indicator"])
    code = bps_codes["PASANGKAYU"]
    assert table.loc[(code, 1, "pus"), "value"] == sum(int(r["PUS"]) for r in rows)
    assert table.loc[(code, 1, "unmet_need_pct"), "value"] == pytest.approx(
        100 * sum(int(r["UNMET NEED"]) for r in rows) / sum(int(r["PUS"]) for r in rows), abs=1e-4)


def test_six_regencies_nine_months_in_the_monthly_table(results, bps_codes):
    table = results["table"]
    assert list(table.columns) == PROGRAMME_COLUMNS
    assert set(table["bps_code"]) == set(bps_codes.values()) and len(bps_codes) == 6
    assert set(table["month"]) == set(range(1, 10)) and set(table["year"]) == {YEAR}
    per_indicator = table.groupby("indicator").size()
    assert (per_indicator == 6 * 9).all() and len(per_indicator) == 6
    # Elsimil has no month: its values are in the tidy table only.
    assert "kbpp_intention_pct" not in per_indicator


def test_bambaira_negative_not_accompanied_row_is_ledgered(results, paths):
    line = next(line for line, r in plain_records(paths["elsimil_bumil"])
                if r["KELURAHAN"] == "BAMBAIRA" and r["BUMIL TIDAK TERDAMPINGI"] == "-4")
    assert line == 2
    reject = next(r for r in results["bumil"].ledger.rejects if r.row == line)
    assert reject.reason == "inconsistent_total" and reject.column is None
    assert "BUMIL TERDAMPINGI 40 > JUMLAH BUMIL 36" in reject.detail and "-4" in reject.detail


def test_rejected_bumil_rows_are_exactly_the_impossible_ones(results, paths):
    """A second implementation of the rules, on the raw text."""
    impossible = set()
    for line, r in plain_records(paths["elsimil_bumil"]):
        n = {k: int(v) for k, v in r.items() if k and k not in
             ("PROVINSI", "KABUPATEN", "KECAMATAN", "KELURAHAN")}
        late = n["JUMLAH BUMIL >=32 MINGGU"]
        if (n["BUMIL TIDAK TERDAMPINGI"] < 0 or late > n["JUMLAH BUMIL"]
                or n["BUMIL >=32 MINGGU AKAN KBPP"] + n["BUMIL >=32 MINGGU MEMUTUSKAN TIDAK KBPP"] > late
                or n["BUMIL >=32 MINGGU MENDAPAT INFORMASI KONTRASEPSI"]
                + n["BUMIL >=32 MINGGU TIDAK MENDAPAT INFORMASI KONTRASEPSI"] > late):
            impossible.add(line)
    assert results["bumil"].rejected_rows() == impossible and len(impossible) == 112
    assert {r.reason for r in results["bumil"].ledger.rejects} == {"inconsistent_total"}


def test_kbpp_intention_of_polewali_mandar_over_the_kept_rows(results, paths, bps_codes):
    rejected = results["bumil"].rejected_rows()
    rows = [r for line, r in plain_records(paths["elsimil_bumil"])
            if r["KABUPATEN"] == "POLEWALI MANDAR" and line not in rejected]
    will = sum(int(r["BUMIL >=32 MINGGU AKAN KBPP"]) for r in rows)
    late = sum(int(r["JUMLAH BUMIL >=32 MINGGU"]) for r in rows)
    row = tidy_value(results["bumil"], bps_codes["POLEWALI MANDAR"], "kbpp_intention_pct")
    assert row["value"] == pytest.approx(100 * will / late, abs=1e-4)
    assert row["year"] == YEAR and row["flags"] == "year_to_date"


def test_new_indicators_are_administrative_with_both_labels():
    for name in ("modern_cpr_pct", "long_acting_share_pct", "kbpp_intention_pct",
                 "kb_modern_users"):
        spec = get(name)
        assert spec.measure_type == "administrative" and spec.label_id and spec.label_en


# -- crafted files ----------------------------------------------------------------------------

PUS_HEADER = "NO;PROVINSI;KABUPATEN;KECAMATAN;KELURAHAN;PUS;UNMET NEED;BULAN"
MIX_HEADER = (";PROVINSI;KABUPATEN;KECAMATAN;KELURAHAN;PA;SUNTIK;PIL;KONDOM;IMPLAN;IUD;"
              "VASEKTOMI;TUBEKTOMI;MAL;KB MODERN;KB TRADISIONAL;BULAN")


def write(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_crafted_pus_rows(tmp_path, resolver):
    path = write(tmp_path / "data_pus.csv", [
        PUS_HEADER,
        "0;SULAWESI BARAT;MAJENE;BANGGAE;BARU;100;10;JANUARI",  # 2 kept
        "1;SULAWESI BARAT;MAJENE;PAMBOANG;BARU;50;5;JANUARI",  # 3 same desa name, other kecamatan
        "2;SULAWESI BARAT;MAJENE;BANGGAE;BARU;100;10;JANUARI",  # 4 same desa and month again
        "3;SULAWESI BARAT;MAJENE;BANGGAE;TOTOLI;80;90;JANUARI",  # 5 unmet need above PUS
        "4;SULAWESI BARAT;MAJENE;BANGGAE;PANGALI;-3;0;JANUARI",  # 6 negative
        "5;SULAWESI BARAT;MAJENE;BANGGAE;RANGAS;40;4;JANUARY",  # 7 not an Indonesian month
        "6;SULAWESI BARAT;ATLANTIS;X;Y;40;4;JANUARI",  # 8 unknown regency
        "7;SULAWESI BARAT;MAJENE;BANGGAE;LABUANG;4O;4;JANUARI",  # 9 letter O in a number
        "8;SULAWESI BARAT;MAJENE;BANGGAE;BARU;200;20;FEBRUARI",  # 10 kept, a later month
    ])
    result = read_siga_pus(path, year=2031, resolver=resolver)
    assert result.kept_rows() == {2, 3, 10} and result.rejected_rows() == {4, 5, 6, 7, 8, 9}
    found = {(r.row, r.column or promoted_column(r.detail), r.reason) for r in result.ledger.rejects}
    assert found == {(4, None, "duplicate"), (5, None, "inconsistent_total"),
                     (6, "PUS", "out_of_range"), (7, "BULAN", "bad_date"),
                     (8, "KABUPATEN", "unknown_region"), (9, "PUS", "not_a_number")}
    pus = result.tidy.set_index("indicator")
    assert pus.at["pus", "value"] == 200 and pus.at["pus", "flags"] == "latest_month_02"
    assert set(result.tidy["year"]) == {2031} and set(result.tidy["region_code"]) == {"7601"}
    january = result.monthly[(result.monthly["month"] == 1) & (result.monthly["indicator"] == "pus")]
    assert january["value"].tolist() == [150.0]  # both BARU desa, from two kecamatan


def test_crafted_mix_rows_and_the_cross_file_ratio(tmp_path, resolver):
    pus_path = write(tmp_path / "data_pus.csv", [
        PUS_HEADER,
        "0;SULAWESI BARAT;MAJENE;BANGGAE;BARU;100;10;SEPTEMBER",
        "1;SULAWESI BARAT;MAJENE;BANGGAE;TOTOLI;300;10;SEPTEMBER",
    ])
    mix_path = write(tmp_path / "data_mix_kontra.csv", [
        MIX_HEADER,
        ";SULAWESI BARAT;MAJENE;BANGGAE;BARU;50;10;10;0;10;5;1;4;0;40;10;SEPTEMBER",  # 2 kept
        ";SULAWESI BARAT;MAJENE;BANGGAE;TOTOLI;10;10;10;0;0;0;0;0;0;20;0;SEPTEMBER",  # 3 methods > PA
        ";SULAWESI BARAT;MAJENE;BANGGAE;PANGALI;20;5;5;0;0;0;0;0;0;10;5;SEPTEMBER",  # 4 10 + 5 != 20
        ";SULAWESI BARAT;MAJENE;BANGGAE;RANGAS;20;5;5;0;0;0;0;0;0;9;11;SEPTEMBER",  # 5 methods != KB MODERN
        ";SULAWESI BARAT;MAJENE;BANGGAE;LABUANG;30;10;10;0;5;5;0;0;0;30;0;SEPTEMBER",  # 6 no PUS row
    ])
    pus = read_siga_pus(pus_path, year=YEAR, resolver=resolver)
    mix = read_siga_mix(mix_path, year=YEAR, resolver=resolver)
    assert mix.kept_rows() == {2, 6} and mix.rejected_rows() == {3, 4, 5}
    details = {r.row: r.detail for r in mix.ledger.rejects if r.column is None}
    assert "methods sum to 20 > PA 10" in details[3]
    assert "KB MODERN + KB TRADISIONAL = 15 but PA = 20" in details[4]
    assert "sum to 10 but KB MODERN = 9" in details[5]

    table = combine_programme([pus, mix])
    # Only desa-months both files have: BARU (40 of 100). TOTOLI's PUS has no kept mix row,
    # LABUANG's mix row no PUS row: both noted, both left out.
    cpr = table[table["indicator"] == "modern_cpr_pct"].iloc[0]
    assert (cpr["numerator"], cpr["denominator"], cpr["value"]) == (40, 100, 40.0)
    notes = {(r.source_id, r.row, r.column, r.reason) for r in pus.ledger.rejects + mix.ledger.rejects
             if r.column is not None}
    assert notes == {("siga_pus", 3, "PUS", "not_derivable"),
                     ("siga_mix_kontra", 6, "KB MODERN", "not_derivable")}
    share = table[table["indicator"] == "long_acting_share_pct"].iloc[0]
    # IMPLAN + IUD + VASEKTOMI + TUBEKTOMI of BARU and LABUANG (own file: both kept).
    assert (share["numerator"], share["denominator"]) == ((10 + 5 + 1 + 4) + (5 + 5), 40 + 30)
    assert row_accounting(mix.rows_read, mix.kept_rows(), mix.rejected_rows())["kept"] == 2


def test_missing_column_is_refused_with_file_and_column(tmp_path, resolver):
    path = write(tmp_path / "data_pus.csv", [
        "NO;PROVINSI;KABUPATEN;KECAMATAN;KELURAHAN;PUS;BULAN",
        "0;SULAWESI BARAT;MAJENE;BANGGAE;BARU;100;JANUARI",
    ])
    with pytest.raises(InputError) as error:
        read_siga_pus(path, year=YEAR, resolver=resolver)
    assert "data_pus.csv, row 1, column 'UNMET NEED': expected columns" in str(error.value)


def test_build_writes_the_programme_table(raw_dir, tmp_path):
    from kbanalysis import config, dataset

    out = tmp_path / "processed"
    dataset.build(raw_dir, out)
    table = dataset.load_programme_monthly(out / config.PROGRAMME_MONTHLY_CSV.name)
    assert list(table.columns) == PROGRAMME_COLUMNS and len(table) == 6 * 9 * 6
    assert table["month"].notna().all()
    analysis = dataset.load_analysis(out / config.ANALYSIS_CSV.name)
    cpr = analysis[analysis["modern_cpr_pct"].notna()]
    assert set(cpr["year"]) == {YEAR} and cpr["bps_code"].nunique() == 6
    assert set(cpr["province_bps"]) == {"76"}
    for column, year in (("population", 2024), ("children_0_4", 2025)):
        known = analysis[analysis[column].notna()]
        assert set(known["year"]) == {year} and known["bps_code"].nunique() == 514
        assert isinstance(known[column].dtype, pd.Int64Dtype)


def test_the_year_must_be_given_and_plausible(tmp_path, resolver):
    path = write(tmp_path / "data_pus.csv", [PUS_HEADER, "0;SULAWESI BARAT;MAJENE;BANGGAE;BARU;1;0;MEI"])
    with pytest.raises(InputError) as error:
        read_siga_pus(path, year=25, resolver=resolver)
    assert "data_pus.csv: expected a year from 2000 to 2035 for this export" in str(error.value)
    assert read_siga_pus(path, year="2026", resolver=resolver).tidy["year"].tolist() == [2026, 2026]
