"""Service registers as offices write them (issue 15): future delivery dates, zoned
timestamps, the same delivery entered twice, a method column headed ``metode``, dates whose
day and month order must be decided per column, method words, and problem lines that name
the regency of their row. Each file is written here; expected counts are counted by hand
from the rows written, never by the code under test.
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from typer.testing import CliRunner

from kbanalysis.cli import app
from kbanalysis.clock import TODAY_ENV
from kbanalysis.ledger import InputError
from kbanalysis.sources.registers import aggregate_register

runner = CliRunner()
TODAY = date(2026, 6, 30)
LOTIM = "Kab. Lombok Timur"  # BPS 5203


def write_csv(path, header, rows, sep=","):
    path.write_text("\n".join([sep.join(header), *(sep.join(r) for r in rows)]) + "\n",
                    encoding="utf-8")
    return path


def check(path, monkeypatch, *extra):
    """``data check`` as a user runs it (Indonesian lines), on a fixed today."""
    monkeypatch.setenv(TODAY_ENV, TODAY.isoformat())
    return runner.invoke(app, ["data", "check", str(path), *extra])


def counts(result, code="5203") -> dict:
    """{year: (deliveries, KBPP total)} of one regency."""
    yearly = result.yearly[result.yearly["bps_code"] == code]
    return {int(r.year): (int(r.deliveries), int(r.kbpp_total)) for r in yearly.itertuples()}


HEADER = ["tgl_persalinan", "kab_kota", "kb_pp", "metode_kb"]


# --- 1. delivery dates after today ----------------------------------------------------------

def test_deliveries_dated_after_today_are_rejected_not_counted(tmp_path, monkeypatch):
    path = write_csv(tmp_path / "register.csv", HEADER, [
        ["2026-06-30", "Kab. Lombok Timur", "Ya", "Pil"],   # today: counted
        ["2026-07-01", "Kab. Lombok Timur", "Ya", "Pil"],   # tomorrow
        ["17/03/2029", "Kab. Lombok Timur", "Ya", "Suntik"],
        ["2027-01-02", "Kab. Lombok Timur", "Tidak", ""],
    ])
    result = aggregate_register(path, today=TODAY)
    assert counts(result) == {2026: (1, 1)}  # no 2027 or 2029 row
    reasons = dict(zip(result.reasons["reason"], result.reasons["rows"]))
    assert reasons == {"date_in_future": 3}

    out = check(path, monkeypatch)
    assert out.exit_code == 1
    assert (f"{path}, baris 3 ({LOTIM}), kolom 'tgl_persalinan': seharusnya tanggal "
            "persalinan paling lambat hari ini, ditemukan '2026-07-01'") in out.stdout.splitlines()


def test_today_comes_from_one_clock_that_a_run_can_fix(tmp_path, monkeypatch):
    path = write_csv(tmp_path / "register.csv", HEADER,
                     [["2026-07-01", "Kab. Lombok Timur", "Ya", "Pil"]])
    monkeypatch.setenv(TODAY_ENV, "2026-07-01")
    assert counts(aggregate_register(path)) == {2026: (1, 1)}
    monkeypatch.setenv(TODAY_ENV, "2026-06-30")
    assert counts(aggregate_register(path)) == {}


# --- 1. zoned timestamps: the local calendar date --------------------------------------------

@pytest.mark.parametrize("zone", ["Asia/Jakarta", "+07:00"])
def test_a_zoned_parquet_timestamp_is_dated_in_its_own_zone(tmp_path, zone):
    local = pd.to_datetime(["2024-01-01 03:00", "2023-12-31 10:00", "2024-01-01 00:30"])
    frame = pd.DataFrame({"tgl_persalinan": local.tz_localize(zone),
                          "kode_kab": ["5203", "5203", "5203"],
                          "kb_pp": ["Ya", "Ya", "Tidak"], "metode_kb": ["Pil", "Implan", ""]})
    path = tmp_path / "register.parquet"
    frame.to_parquet(path)
    # New Year's night in WIB is 2023 in UTC: the delivery still belongs to 2024.
    assert counts(aggregate_register(path, today=TODAY)) == {2023: (1, 1), 2024: (2, 1)}


# --- 1. the same delivery twice ---------------------------------------------------------------

ID_HEADER = ["NIK Ibu", "Tgl Persalinan", "Kab/Kota", "Puskesmas", "KB PP", "Metode KB"]


def test_the_same_mother_date_and_facility_twice_is_counted_once(tmp_path, monkeypatch):
    path = write_csv(tmp_path / "register.csv", ID_HEADER, [
        ["5203010101900001", "05/03/2023", "Kab. Lombok Timur", "Selong", "Ya", "Pil"],
        ["5203010101900001", "05/03/2023", "Kab. Lombok Timur", "Selong", "Ya", "Pil"],
        ["5203010101900002", "05/03/2023", "Kab. Lombok Timur", "Selong", "Ya", "Pil"],
        ["5203010101900001", "17/04/2023", "Kab. Lombok Timur", "Selong", "Tidak", ""],
        ["5203010101900003", "17/04/2023 08:00", "Kab. Lombok Timur", "Masbagik", "Tidak", ""],
        ["5203010101900003", "17/04/2023", "Kab. Lombok Timur", "Masbagik", "Tidak", ""],
    ])
    # Mothers ...01 (twice on 5 March, once on 17 April), ...02, ...03 (twice on 17 April):
    # 4 deliveries, 2 with KBPP.
    result = aggregate_register(path, today=TODAY)
    assert counts(result) == {2023: (4, 2)}
    assert dict(zip(result.reasons["reason"], result.reasons["rows"])) == {"duplicate_delivery": 2}

    out = check(path, monkeypatch)
    assert out.exit_code == 1
    lines = out.stdout.splitlines()
    assert (f"{path}, baris 3 ({LOTIM}), kolom 'NIK Ibu': seharusnya setiap persalinan satu "
            "kali (ibu, tanggal dan fasilitas sama dengan baris 2), "
            "ditemukan '5203010101900001'") in lines
    assert (f"{path}, baris 7 ({LOTIM}), kolom 'NIK Ibu': seharusnya setiap persalinan satu "
            "kali (ibu, tanggal dan fasilitas sama dengan baris 6), "
            "ditemukan '5203010101900003'") in lines


def test_without_an_identifier_check_says_duplicates_cannot_be_found(tmp_path, monkeypatch):
    path = write_csv(tmp_path / "register.csv", HEADER, [
        ["2023-03-05", "Kab. Lombok Timur", "Ya", "Pil"],
        ["2023-03-05", "Kab. Lombok Timur", "Ya", "Pil"]])
    out = check(path, monkeypatch)
    assert out.exit_code == 0, out.stdout  # a note, not a problem
    notes = [line for line in out.stdout.splitlines() if "NIK" in line]
    assert notes == [f"Perhatian: {path.name}: tidak ada kolom yang mengenali ibu (NIK, No. RM, "
                     "ID ibu): persalinan yang sama yang dicatat dua kali tidak dapat dikenali "
                     "dan akan dihitung dua kali"]


# --- 2. a method column headed just "metode" ----------------------------------------------------

def test_a_method_column_headed_metode_is_read(tmp_path):
    path = write_csv(tmp_path / "register.csv", ["Tanggal Persalinan", "Kabupaten", "KB PP",
                                                  "Metode"], [
        ["2023-05-01", "Kab. Lombok Timur", "Ya", "Implan"],
        ["2023-05-02", "Kab. Lombok Timur", "Ya", "AKDR"],
        ["2023-05-03", "Kab. Lombok Timur", "Tidak", ""]])
    result = aggregate_register(path, today=TODAY)
    row = result.yearly.iloc[0]
    assert (row["bps_code"], row["deliveries"], row["kbpp_implan"], row["kbpp_akdr"]) == (
        "5203", 3, 1, 1)


# --- 3. the order of day and month, per column ------------------------------------------------

def test_day_first_is_decided_from_the_whole_column_and_a_time_is_accepted(tmp_path):
    path = write_csv(tmp_path / "register.csv", HEADER, [
        ["2/3/2023", "Kab. Lombok Timur", "Ya", "Pil"],         # 2 March
        ["15/03/2023", "Kab. Lombok Timur", "Ya", "Pil"],       # day 15: the file is day-first
        ["05/03/2023 10:15", "Kab. Lombok Timur", "Tidak", ""],  # 5 March, with a time
        ["01/04/2023", "Kab. Lombok Timur", "Tidak", ""]])      # 1 April
    monthly = aggregate_register(path, today=TODAY).monthly
    assert dict(zip(monthly["month"], monthly["deliveries"])) == {3: 3, 4: 1}
    assert dict(zip(monthly["month"], monthly["kbpp_pil"])) == {3: 2, 4: 0}


def test_a_month_first_column_is_read_month_first(tmp_path):
    path = write_csv(tmp_path / "register.csv", HEADER, [
        ["2/3/2023", "Kab. Lombok Timur", "Ya", "Pil"],      # 3 February
        ["03/15/2023", "Kab. Lombok Timur", "Ya", "Pil"],    # 15 March: month first
        ["04/01/2023", "Kab. Lombok Timur", "Tidak", ""]])   # 1 April
    monthly = aggregate_register(path, today=TODAY).monthly
    assert dict(zip(monthly["month"], monthly["deliveries"])) == {2: 1, 3: 1, 4: 1}


def test_dates_that_cannot_be_told_apart_are_refused_not_guessed(tmp_path, monkeypatch):
    path = write_csv(tmp_path / "register.csv", HEADER, [
        ["02/03/2023", "Kab. Lombok Timur", "Ya", "Pil"],
        ["05/04/2023", "Kab. Lombok Timur", "Tidak", ""]])
    with pytest.raises(InputError):
        aggregate_register(path, today=TODAY)
    out = check(path, monkeypatch)
    assert out.exit_code == 1
    assert out.stdout.splitlines()[0] == (
        f"{path}, kolom 'tgl_persalinan': seharusnya tanggal yang urutan hari dan bulannya "
        "dapat dikenali: di kolom ini tidak ada hari di atas 12, sehingga 02/03/2023 bisa "
        "hari/bulan atau bulan/hari (tulis YYYY-MM-DD, atau DD/MM/YYYY dengan setidaknya satu "
        "hari di atas 12)")
    # The same days written year first are unambiguous: read, not refused.
    iso = write_csv(tmp_path / "iso.csv", HEADER, [
        ["2023-03-02", "Kab. Lombok Timur", "Ya", "Pil"],
        ["2023-04-05", "Kab. Lombok Timur", "Tidak", ""]])
    monthly = aggregate_register(iso, today=TODAY).monthly
    assert dict(zip(monthly["month"], monthly["deliveries"])) == {3: 1, 4: 1}


def test_a_column_mixing_both_orders_is_refused(tmp_path):
    path = write_csv(tmp_path / "register.csv", HEADER, [
        ["25/03/2023", "Kab. Lombok Timur", "Ya", "Pil"],
        ["03/26/2023", "Kab. Lombok Timur", "Tidak", ""]])
    with pytest.raises(InputError, match="25/03/2023 is day/month but 03/26/2023 is month/day"):
        aggregate_register(path, today=TODAY)


# --- 4. method words ----------------------------------------------------------------------------

def test_method_words_map_to_their_method_or_are_named_as_not_countable(tmp_path, monkeypatch):
    path = write_csv(tmp_path / "register.csv", HEADER, [
        ["2023-05-01", "Kab. Lombok Timur", "Ya", "KB Suntik 3 Bulanan"],  # row 2: suntik
        ["2023-05-02", "Kab. Lombok Timur", "Ya", "Inj. 3 bln"],           # row 3: suntik
        ["2023-05-03", "Kab. Lombok Timur", "Ya", "Steril Wanita"],        # row 4: MOW
        ["2023-05-04", "Kab. Lombok Timur", "Ya", "steril"],               # row 5: whose?
        ["2023-05-05", "Kab. Lombok Timur", "Ya", "KB alami"],             # row 6
        ["2023-05-06", "Kab. Lombok Timur", "Ya", "MKJP"],                 # row 7
        ["2023-05-07", "Kab. Lombok Timur", "Ya", "IUD/Implan"],           # row 8
    ])
    result = aggregate_register(path, today=TODAY)
    row = result.yearly.iloc[0]
    assert (row["deliveries"], row["kbpp_suntik"], row["kbpp_mow"], row["kbpp_akdr"],
            row["kbpp_implan"], row["kbpp_total"]) == (3, 2, 1, 0, 0, 3)

    out = check(path, monkeypatch)
    assert out.exit_code == 1
    lines = out.stdout.splitlines()
    where = f"{path}, baris {{}} ({LOTIM}), kolom 'metode_kb': seharusnya "
    assert (where.format(5) + "tepat satu metode (untuk sterilisasi: MOW bagi perempuan, MOP "
            "bagi laki-laki), ditemukan 'steril'") in lines
    assert (where.format(6) + "salah satu metode modern Kondom, Suntik, Pil, AKDR, MOP, MOW, "
            "Implan, MAL (KB alami tidak dihitung), ditemukan 'KB alami'") in lines
    assert (where.format(7) + "satu metode, bukan kelompok seperti MKJP (salah satu dari "
            "Kondom, Suntik, Pil, AKDR, MOP, MOW, Implan, MAL), ditemukan 'MKJP'") in lines
    assert (where.format(8) + "tepat satu metode (untuk sterilisasi: MOW bagi perempuan, MOP "
            "bagi laki-laki), ditemukan 'IUD/Implan'") in lines


# --- 5. problem lines name the row's regency, in both languages --------------------------------

def test_a_problem_line_names_the_regency_of_its_row_in_both_languages(tmp_path, monkeypatch):
    path = write_csv(tmp_path / "register.csv", ["tgl_persalinan", "kode_kab", "kb_pp",
                                                  "metode_kb"], [
        ["2023-05-01", "5203", "Ya", "Pil"],
        ["2023-05-02", "5271", "Mungkin", "Pil"],   # row 3: Kota Mataram, flag unreadable
        ["2023-05-03", "9999", "Ya", "Pil"]])       # row 4: no regency known
    lines = check(path, monkeypatch).stdout.splitlines()
    assert any(line.startswith(f"{path}, baris 3 (Kota Mataram), kolom 'kb_pp': ")
               for line in lines)
    assert any(line.startswith(f"{path}, baris 4, kolom 'kode_kab': ") for line in lines)
    english = check(path, monkeypatch, "--lang", "en").stdout.splitlines()
    assert any(line.startswith(f"{path}, row 3 (Kota Mataram), column 'kb_pp': ")
               for line in english)


def test_other_readers_name_the_regency_of_their_rows_too(tmp_path, monkeypatch):
    # An open-data table: row 2 resolves to Garut and has a bad count; row 4 names no regency.
    path = tmp_path / "kbpp_opendata.csv"
    path.write_text("\n".join([
        "id;kode_provinsi;nama_provinsi;kode_kabupaten_kota;nama_kabupaten_kota;"
        "jumlah_peserta_kb_pasca_persalinan;satuan;tahun",
        "1;32;JAWA BARAT;3205;KABUPATEN GARUT;abc;ORANG;2023",
        "2;32;JAWA BARAT;3273;KOTA BANDUNG;100;ORANG;2023",
        "3;32;JAWA BARAT;3299;KOTA ANTAH;100;ORANG;2023"]) + "\n", encoding="utf-8")
    lines = check(path, monkeypatch).stdout.splitlines()
    assert any(line.startswith(f"{path}, baris 2 (Kab. Garut), kolom "
                               "'jumlah_peserta_kb_pasca_persalinan': ") for line in lines)
    assert any(line.startswith(f"{path}, baris 4, kolom 'kode_kabupaten_kota': ")
               for line in lines)


def test_other_spellings_of_the_same_principle(tmp_path):
    path = write_csv(tmp_path / "register.csv", HEADER, [
        ["2023-05-01", "Kab. Lombok Timur", "Ya", "Steril (MOW)"],     # whose: named
        ["2023-05-02", "Kab. Lombok Timur", "Ya", "Kontap Pria"],      # the man's: MOP
        ["2023-05-03", "Kab. Lombok Timur", "Ya", "Injeksi 3 Bulan"],  # suntik
        ["2023-05-04", "Kab. Lombok Timur", "Ya", "Suntik/Pil"],       # two methods
        ["2023-05-05", "Kab. Lombok Timur", "Ya", "Non MKJP"]])        # a group
    result = aggregate_register(path, today=TODAY)
    row = result.yearly.iloc[0]
    assert (row["deliveries"], row["kbpp_mow"], row["kbpp_mop"], row["kbpp_suntik"],
            row["kbpp_pil"]) == (3, 1, 1, 1, 0)
    assert dict(zip(result.reasons["reason"], result.reasons["rows"])) == {
        "method_ambiguous": 1, "method_group": 1}


def test_a_utc_timestamp_is_dated_in_its_regencys_own_zone(tmp_path):
    # 16:30 UTC on 31 December is 23:30 WIB (still 2023), 00:30 WITA and 01:30 WIT (2024).
    path = write_csv(tmp_path / "register.csv", ["tgl_persalinan", "kode_kab", "kb_pp",
                                                  "metode_kb"], [
        ["2023-12-31T16:30:00Z", "3205", "Ya", "Pil"],      # Garut, WIB
        ["2023-12-31T16:30:00Z", "5203", "Ya", "Pil"],      # Lombok Timur, WITA
        ["2023-12-31T16:30:00Z", "9471", "Tidak", ""],      # Kota Jayapura, WIT
        ["2023-12-31T02:00:00Z", "9471", "Tidak", ""]])     # the same day everywhere
    result = aggregate_register(path, today=TODAY)
    assert counts(result, "3205") == {2023: (1, 1)}
    assert counts(result, "5203") == {2024: (1, 1)}
    assert counts(result, "9471") == {2023: (1, 0), 2024: (1, 0)}
    # The same instants in a Parquet column zoned UTC.
    frame = pd.DataFrame({"tgl_persalinan": pd.to_datetime(
        ["2023-12-31 16:30", "2023-12-31 16:30"]).tz_localize("UTC"),
        "kode_kab": ["3205", "5203"], "kb_pp": ["Ya", "Ya"], "metode_kb": ["Pil", "Pil"]})
    frame.to_parquet(tmp_path / "register.parquet")
    result = aggregate_register(tmp_path / "register.parquet", today=TODAY)
    assert (counts(result, "3205"), counts(result, "5203")) == ({2023: (1, 1)}, {2024: (1, 1)})
