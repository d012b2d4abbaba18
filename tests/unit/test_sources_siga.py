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
    assert set(table["month"].dropna()) == set(range(1, 10)) and set(table["year"]) == {YEAR}
    monthly = table[table["month"].notna()]
    per_indicator = monthly.groupby("indicator").size()
    assert (per_indicator == 6 * 9).all() and len(per_indicator) == 6
    # Elsimil has no month: one year-to-date row per regency, with its counts.
    year_to_date = table[table["month"].isna()]
    assert set(year_to_date["indicator"]) == {"kbpp_intention_pct"} and len(year_to_date) == 6
    majene = year_to_date[year_to_date["bps_code"] == bps_codes["MAJENE"]].iloc[0]
    assert (majene["numerator"], majene["denominator"]) == (289, 462)  # by hand, see below


def test_bambaira_negative_not_accompanied_row_is_noted_and_still_counted(results, paths):
    line = next(line for line, r in plain_records(paths["elsimil_bumil"])
                if r["KELURAHAN"] == "BAMBAIRA" and r["BUMIL TIDAK TERDAMPINGI"] == "-4")
    assert line == 2
    (reject,) = [r for r in results["bumil"].ledger.rejects if r.row == line]
    # JUMLAH BUMIL 36 below 40 accompanied: a note on that cell, which the intention figure does
    # not use; its >= 32 weeks counts (30: 16 intend KBPP, 6 decide against) agree
    assert reject.reason == "inconsistent_total" and reject.column == "JUMLAH BUMIL"
    assert "BUMIL TERDAMPINGI 40 > JUMLAH BUMIL 36" in reject.detail and "-4" in reject.detail
    assert "still counts for kbpp_intention_pct" in reject.detail
    assert reject.value == "PASANGKAYU / BAMBAIRA / BAMBAIRA"
    assert line in results["bumil"].kept_rows() and line not in results["bumil"].rejected_rows()


def test_rejected_and_noted_bumil_rows_follow_the_rules(results, paths):
    """A second implementation of the rules, on the raw text: a row is out of the intention
    figure when its >= 32 weeks counts contradict each other or every count of pregnant women;
    a row whose only contradiction is in JUMLAH BUMIL (below the accompanied women, or below
    the women at >= 32 weeks) is kept with a note on JUMLAH BUMIL."""
    rejected, noted = set(), set()
    for line, r in plain_records(paths["elsimil_bumil"]):
        n = {k: int(v) for k, v in r.items() if k and k not in
             ("PROVINSI", "KABUPATEN", "KECAMATAN", "KELURAHAN")}
        late, bumil, accompanied = (n["JUMLAH BUMIL >=32 MINGGU"], n["JUMLAH BUMIL"],
                                    n["BUMIL TERDAMPINGI"])
        if (n["BUMIL >=32 MINGGU AKAN KBPP"] + n["BUMIL >=32 MINGGU MEMUTUSKAN TIDAK KBPP"] > late
                or n["BUMIL >=32 MINGGU MENDAPAT INFORMASI KONTRASEPSI"]
                + n["BUMIL >=32 MINGGU TIDAK MENDAPAT INFORMASI KONTRASEPSI"] > late
                or late > max(bumil, accompanied)):
            rejected.add(line)
        elif (n["BUMIL TIDAK TERDAMPINGI"] < 0 or accompanied + n["BUMIL TIDAK TERDAMPINGI"] != bumil
              or late > bumil):
            noted.add(line)
    bumil = results["bumil"]
    assert bumil.rejected_rows() == rejected == {93, 160, 179, 250}
    assert {r.row for r in bumil.ledger.rejects if r.column is not None} == noted and len(noted) == 108
    assert {r.column for r in bumil.ledger.rejects if r.column is not None} == {"JUMLAH BUMIL"}
    assert noted <= bumil.kept_rows() and len(bumil.kept_rows()) == 648 - 4
    assert {r.reason for r in bumil.ledger.rejects} == {"inconsistent_total"}


def test_kbpp_intention_of_majene_from_every_valid_row_by_hand(results, bps_codes):
    # 2025-elsimil-bumil.csv (siga_sulbar), summed with awk over the rows with KABUPATEN ==
    # MAJENE (82 desa) whose >= 32 weeks counts agree: MENDAPAT + TIDAK MENDAPAT INFORMASI <=
    # JUMLAH BUMIL >=32 MINGGU, AKAN KBPP + MEMUTUSKAN TIDAK KBPP <= JUMLAH BUMIL >=32 MINGGU, and
    # JUMLAH BUMIL >=32 MINGGU <= max(JUMLAH BUMIL, BUMIL TERDAMPINGI); 81 rows pass (MEKKATTA,
    # line 179: 2 + 0 informed > 1, fails):
    #   awk -F';' 'NR>1 && $3=="MAJENE" && $10+$11<=$9 && $12+$13<=$9 && $9<=($6>$7?$6:$7)
    #             {w+=$12; l+=$9} END {print w, l}'   ->  289 462
    # Before, the 29 rows with JUMLAH BUMIL below BUMIL TERDAMPINGI were left out too: 56 / 100.
    row = tidy_value(results["bumil"], bps_codes["MAJENE"], "kbpp_intention_pct")
    assert row["value"] == pytest.approx(100 * 289 / 462, abs=1e-6)
    assert round(row["value"], 1) == 62.6
    monthly = results["bumil"].monthly
    majene = monthly[monthly["bps_code"] == bps_codes["MAJENE"]].iloc[0]
    assert (majene["numerator"], majene["denominator"]) == (289, 462)
    left_out = [r for r in results["bumil"].ledger.rejects
                if r.column is None and r.value.startswith("MAJENE /")]
    assert [(r.row, r.value) for r in left_out] == [(179, "MAJENE / MALUNDA / MEKKATTA")]


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
    assert list(table.columns) == PROGRAMME_COLUMNS and len(table) == 6 * 9 * 6 + 6
    assert set(table.loc[table["month"].isna(), "indicator"]) == {"kbpp_intention_pct"}
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


BUMIL_HEADER = (";PROVINSI;KABUPATEN;KECAMATAN;KELURAHAN;JUMLAH BUMIL;BUMIL TERDAMPINGI;"
                "BUMIL TIDAK TERDAMPINGI;JUMLAH BUMIL >=32 MINGGU;"
                "BUMIL >=32 MINGGU MENDAPAT INFORMASI KONTRASEPSI;"
                "BUMIL >=32 MINGGU TIDAK MENDAPAT INFORMASI KONTRASEPSI;BUMIL >=32 MINGGU AKAN KBPP;"
                "BUMIL >=32 MINGGU MEMUTUSKAN TIDAK KBPP")


def test_crafted_bumil_rows_enter_the_intention_unless_its_own_counts_disagree(tmp_path, resolver):
    path = write(tmp_path / "2031-elsimil-bumil.csv", [
        BUMIL_HEADER,
        "0;SULAWESI BARAT;MAJENE;BANGGAE;BARU;20;15;5;10;8;2;6;3",  # 2 consistent
        "1;SULAWESI BARAT;MAJENE;BANGGAE;TOTOLI;10;14;-4;8;8;0;4;2",  # 3 10 < 14 accompanied: noted
        "2;SULAWESI BARAT;MAJENE;BANGGAE;PANGALI;6;12;-6;9;5;0;5;1",  # 4 9 >= 32 weeks > 6, <= 12: noted
        "3;SULAWESI BARAT;MAJENE;BANGGAE;RANGAS;5;6;-1;7;5;0;5;0",  # 5 7 > 5 and > 6: rejected
        "4;SULAWESI BARAT;MAJENE;BANGGAE;LABUANG;9;9;0;3;3;1;2;0",  # 6 informed 3 + 1 > 3: rejected
        "5;SULAWESI BARAT;MAJENE;BANGGAE;POKO;9;9;0;3;2;0;3;1",  # 7 KBPP 3 + 1 > 3: rejected
    ])
    result = read_elsimil_bumil(path, year=2031, resolver=resolver)
    assert result.kept_rows() == {2, 3, 4} and result.rejected_rows() == {5, 6, 7}
    notes = {(r.row, r.column) for r in result.ledger.rejects if r.column is not None}
    assert notes == {(3, "JUMLAH BUMIL"), (4, "JUMLAH BUMIL")}
    details = {r.row: r.detail for r in result.ledger.rejects}
    assert "JUMLAH BUMIL >=32 MINGGU 7 > JUMLAH BUMIL 5 and > BUMIL TERDAMPINGI 6" in details[5]
    row = result.monthly.iloc[0]
    # AKAN KBPP 6 + 4 + 5 over >= 32 weeks 10 + 8 + 9 (rows 2, 3, 4)
    assert (row["numerator"], row["denominator"]) == (15, 27)
    assert result.tidy["value"].tolist() == [pytest.approx(100 * 15 / 27)]
