"""Registers as offices really export them: Indonesian header spellings, a ragged line,
cp1252 with ``;``, a UTF-8 BOM. Expected counts are made here, by hand or in plain Python
over the rows the test wrote, never by the code under test."""
from __future__ import annotations

import codecs
import tempfile
from collections import Counter

import pandas as pd
import pytest

from kbanalysis.ledger import InputError
from kbanalysis.sources.check import check_file
from kbanalysis.sources.registers import aggregate_register, register_columns
from kbanalysis.sources.text_format import TextFormat, sniff_text_format
from tests.fixtures.register_pandas_engine import aggregate_register_pandas

# (field, header as offices write it)
SPELLINGS = [
    ("delivery_date", "Tgl Persalinan"), ("delivery_date", "Tanggal Bersalin"),
    ("delivery_date", "TGL. PERSALINAN:"), ("delivery_date", "tgl_persalinan"),
    ("delivery_date", "Tanggal Persalinan (dd/mm/yyyy)"), ("delivery_date", "Tgl Lahir Bayi"),
    ("service_date", "Tanggal Pelayanan KB"), ("service_date", "Tgl. Pelayanan KB"),
    ("method", "Metode KB"), ("method", "Alat Kontrasepsi"), ("method", "Jenis Alkon"),
    ("method", "JENIS ALKON."), ("regency_name", "Kab/Kota"), ("regency_name", "Kabupaten/Kota"),
    ("regency_name", "Nama Kab/Kota"), ("regency_name", "NAMA KAB./KOTA"),
    ("regency_code", "KODE KAB"), ("regency_code", "Kode Kab/Kota"),
    ("facility", "Puskesmas"), ("facility", "Faskes"), ("postpartum", "KB PP"),
    ("postpartum", "KB Pasca Salin"), ("postpartum", "Ber-KB Pasca Persalinan (Ya/Tidak)"),
    ("postpartum", "kb pasca persalinan?"), ("days", "Hari ke-"), ("days", "Jarak (hari)"),
    ("days", "HARI KE"),
]


@pytest.mark.parametrize("field, header", SPELLINGS)
def test_each_spelling_maps_to_its_field(field, header):
    others = ["No", "Nama Ibu", "NIK"]  # columns a register has that are no field
    assert register_columns([*others, header]) == {field: header}


def test_a_bare_birth_date_and_the_service_date_are_never_the_delivery_date():
    # "Tgl Lahir" may be the mother's own birth date; the service date is another day.
    assert "delivery_date" not in register_columns(["TGL_LAHIR", "Tanggal Pelayanan KB"])


# Rows: (delivery date, regency name, facility, flag, method, days)
ROWS = [
    # Day 15 tells the column is day first (a column of days up to 12 only is refused).
    ("15/03/2023", "Kab. Pidie Jaya", "Puskesmas Meureudü", "Ya", "Suntik", "3"),
    ("06/03/2023", "Kab. Pidie Jaya", "Klinik Café Ma’rang", "Tidak", "", ""),
    ("07/03/2023", "KOTA BANDUNG", "RSUD Kota Bandung", "Y", "IUD", "0"),
    ("09/04/2023", "Kab. Garut", "Puskesmas Garut Kota", "1", "Pil", "12"),
    ("10/04/2023", "Kab. Garut", "Puskesmas Garut Kota", "T", "", ""),
    ("11/04/2023", "Kab. Garut", "Puskesmas Cibatu", "ya", "Implant", "40"),
]
MESSY_HEADER = ["Tgl. Persalinan", "Nama Kab/Kota", "Puskesmas",
                "Ber-KB Pasca Persalinan (Ya/Tidak)", "Alat Kontrasepsi", "Jarak (hari)"]
# Read by hand from ROWS: Pidie Jaya 1118 (2 deliveries, 1 injection), Kota Bandung 3273
# (1 delivery, 1 IUD), Garut 3205 (3 deliveries, 1 pill, 1 implant).
BY_HAND = {"1118": (2, {"kbpp_suntik": 1}), "3273": (1, {"kbpp_akdr": 1}),
           "3205": (3, {"kbpp_pil": 1, "kbpp_implan": 1})}


def _write(path, header, rows, *, encoding="utf-8", sep=",", bom=False):
    text = "".join(sep.join(fields) + "\r\n" for fields in [header, *rows])
    data = text.encode(encoding)
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + data)
    return path


def _check_by_hand(result):
    yearly = result.yearly.set_index("bps_code")
    assert sorted(yearly.index) == sorted(BY_HAND)
    for code, (deliveries, methods) in BY_HAND.items():
        assert yearly.at[code, "deliveries"] == deliveries
        for column in [c for c in yearly.columns if c.startswith("kbpp_") and c[5:].isalpha()
                       and c != "kbpp_total"]:
            assert yearly.at[code, column] == methods.get(column, 0), (code, column)


def test_messy_headers_read_the_right_fields(tmp_path):
    result = aggregate_register(_write(tmp_path / "register.csv", MESSY_HEADER, ROWS))
    _check_by_hand(result)
    assert result.rows_read == len(ROWS) and result.reasons.empty


def test_cp1252_with_semicolons_gives_what_utf8_with_commas_gives(tmp_path):
    latin = _write(tmp_path / "latin.csv", MESSY_HEADER, ROWS, encoding="cp1252", sep=";")
    plain = _write(tmp_path / "plain.csv", MESSY_HEADER, ROWS)
    assert b"\xfc" in latin.read_bytes() and b"\x92" in latin.read_bytes()  # ü and ’ in cp1252
    a, b = aggregate_register(latin), aggregate_register(plain)
    _check_by_hand(a)
    pd.testing.assert_frame_equal(a.monthly, b.monthly)
    pd.testing.assert_frame_equal(a.yearly, b.yearly)
    assert a.text_format == TextFormat("cp1252", ";", False)
    assert b.text_format == TextFormat("utf-8", ",", False)
    assert check_file(latin).label == "kbpp_register; encoding cp1252, separator ';'"


def test_utf8_with_bom_reads_its_first_column(tmp_path):
    path = _write(tmp_path / "bom.csv", MESSY_HEADER, ROWS, bom=True)
    result = aggregate_register(path)
    _check_by_hand(result)
    assert result.text_format == TextFormat("utf-8", ",", True)
    assert check_file(path).label == "kbpp_register; encoding utf-8 with BOM, separator ','"


def test_an_accented_value_is_shown_as_written_in_the_ledger(tmp_path):
    rows = [*ROWS, ("12/04/2023", "Kab. Pidié", "Puskesmas X", "Ya", "Pil", "1")]
    path = _write(tmp_path / "latin.csv", MESSY_HEADER, rows, encoding="cp1252", sep=";")
    result = aggregate_register(path)
    example = [r for r in result.ledger.rejects if r.row is not None]
    assert [(r.row, r.reason, r.value) for r in example] == [(8, "unknown_region", "Kab. Pidié")]


def test_the_utf8_copy_of_a_cp1252_register_is_removed(tmp_path, monkeypatch):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    latin = _write(tmp_path / "latin.csv", MESSY_HEADER, ROWS, encoding="cp1252", sep=";")
    aggregate_register(latin)
    assert list(scratch.iterdir()) == []
    broken = _write(tmp_path / "broken.csv", MESSY_HEADER, ROWS, encoding="cp1252", sep=";")
    broken.write_bytes(broken.read_bytes() + b'05/05/2023;"Kab. Garut;P\xe9;Ya;Pil;1\r\n')
    result = aggregate_register(broken)  # an unclosed quote: ledgered, the copy removed
    assert list(scratch.iterdir()) == []
    example = [r for r in result.ledger.rejects if r.row is not None]
    assert [(r.row, r.reason, r.detail) for r in example] == [
        (8, "malformed_row", "a quote opened here is never closed, so the lines after it "
                             "read as one field")]
    assert result.yearly["deliveries"].sum() == 6  # the six rows before it still count


def test_a_ragged_line_is_ledgered_and_the_other_lines_counted(tmp_path):
    header = ["tanggal_persalinan", "kode_kabupaten_kota", "kb_pasca_persalinan", "metode_kb",
              "hari_ke_kb"]
    good = [[f"2023-0{1 + i % 6}-1{i % 9}", ["3205", "3273", "1118"][i % 3],
             ["ya", "tidak"][i % 2], ["Pil", ""][i % 2], ["5", ""][i % 2]] for i in range(40)]
    lines = [",".join(header)] + [",".join(r) for r in good]
    lines.insert(7, "2023-02-02,3205,ya")  # line 8: too few fields
    lines.insert(20, "2023-02-03,3205,ya,Pil,5,extra")  # line 21: too many
    lines.insert(30, "2023-02-04,3205,ya,Kalender,5")  # line 31: a method outside KBPP
    lines.insert(35, "2023-02-05,3273,ya,Pil,5,,")  # line 36: trailing separators are fine
    path = tmp_path / "ragged.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = aggregate_register(path)
    reasons = result.reasons.set_index("reason")["rows"].to_dict()
    assert reasons == {"malformed_row": 2, "method_unknown": 1}
    examples = {(r.reason, r.row, r.detail) for r in result.ledger.rejects if r.row is not None}
    assert examples == {("malformed_row", 8, "3 fields, header has 5"),
                        ("malformed_row", 21, "6 fields, header has 5"),
                        ("method_unknown", 31, "column 'metode_kb'")}
    # The good rows (and line 36), counted in plain Python.
    deliveries = Counter([r[1] for r in good] + ["3273"])
    pills = Counter([r[1] for r in good if r[2] == "ya"] + ["3273"])
    yearly = result.yearly.groupby("bps_code")[["deliveries", "kbpp_pil"]].sum()
    assert yearly["deliveries"].to_dict() == dict(deliveries)
    assert yearly["kbpp_pil"].to_dict() == dict(pills)
    assert result.rows_read == len(good) + 4
    # The pandas twin finds the malformed lines with the csv module: the same ledger.
    twin = aggregate_register_pandas(path)
    assert result.ledger.to_frame().equals(twin.ledger.to_frame())
    pd.testing.assert_frame_equal(result.yearly, twin.yearly)


def test_an_unknown_header_names_what_is_expected_and_the_closest_header(tmp_path):
    path = _write(tmp_path / "register.csv",
                  ["tgl persalin", "Kab/Kota", "KB PP", "Metode KB"],
                  [("2023-01-01", "Kab. Garut", "ya", "Pil")])
    with pytest.raises(InputError) as caught:
        aggregate_register(path)
    message = str(caught.value)
    assert message.startswith(f"{path}, row 1: expected a column for the delivery date")
    assert "tanggal_persalinan, tgl_persalinan, " in message
    assert message.endswith("closest header found: 'tgl persalin'")
    report = check_file(path)
    assert report.format == "kbpp_register" and [str(p) for p in report.problems] == [message]


def test_a_mothers_birth_date_column_is_pointed_out(tmp_path):
    path = _write(tmp_path / "register.csv", ["TGL_LAHIR", "Kab/Kota", "KB PP", "Metode KB"],
                  [("2023-01-01", "Kab. Garut", "ya", "Pil")])
    with pytest.raises(InputError, match="'TGL_LAHIR' is not read as the delivery date"):
        aggregate_register(path)


# The sniffer itself ---------------------------------------------------------------------

@pytest.mark.parametrize("data, expected", [
    (b"a,b\n1,2\n", TextFormat("utf-8", ",", False)),
    (codecs.BOM_UTF8 + b"a;b\n1,5;2\n", TextFormat("utf-8", ";", True)),
    (b"a\tb\n1\t2\n", TextFormat("utf-8", "\t", False)),
    ("nama;kab\nCafé;x\n".encode("cp1252"), TextFormat("cp1252", ";", False)),
    (b"nama;kab\n\x81;x\n", TextFormat("latin-1", ";", False)),  # 0x81: undefined in cp1252
    (b'"a;b;c",d\n1,2\n', TextFormat("utf-8", ",", False)),  # separators inside quotes
    (b"", TextFormat("utf-8", ",", False)),
])
def test_sniff_text_format(tmp_path, data, expected):
    path = tmp_path / "file.csv"
    path.write_bytes(data)
    assert sniff_text_format(path) == expected


def test_a_single_late_accent_makes_the_file_cp1252(tmp_path):
    path = tmp_path / "late.csv"
    path.write_bytes(b"a,b\n" + b"1,2\n" * 600_000 + "Café,3\n".encode("cp1252"))
    assert sniff_text_format(path).encoding == "cp1252"  # beyond the first megabyte


def test_days_come_from_the_service_date_when_there_is_no_days_column(tmp_path):
    header = ["Tanggal Persalinan", "Kab/Kota", "KB PP", "Metode KB", "Tanggal Pelayanan KB"]
    rows = [("05/03/2023", "Kab. Garut", "Ya", "Pil", "10/03/2023"),  # day 5: KBPP
            ("05/03/2023", "Kab. Garut", "Ya", "Suntik", "20/05/2023"),  # day 76: too late
            ("06/03/2023", "Kab. Garut", "Tidak", "", ""),
            ("07/03/2023", "Kab. Garut", "Ya", "Pil", "kemarin"),  # unreadable service date
            ("08/03/2023", "Kab. Garut", "Ya", "Pil", "01/03/2023"),  # before the delivery
            ("2023-03-09", "Kab. Garut", "Ya", "IUD", "2023-04-20"),  # day 42: still KBPP
            ("31/02/2023", "Kab. Garut", "Ya", "Pil", "01/03/2023")]  # no such delivery date
    path = _write(tmp_path / "service.csv", header, rows)
    result = aggregate_register(path)
    yearly = result.yearly.set_index("bps_code")
    assert yearly.at["3205", "deliveries"] == 4  # rows 1, 2, 3 and 6
    assert (yearly.at["3205", "kbpp_pil"], yearly.at["3205", "kbpp_akdr"],
            yearly.at["3205", "kbpp_suntik"]) == (1, 1, 0)
    reasons = {(r.reason, r.column): r.rows for r in result.reasons.itertuples()}
    assert reasons == {("after_kbpp_window", "Tanggal Pelayanan KB"): 1,
                       ("bad_date", "Tanggal Pelayanan KB"): 1,
                       ("bad_date", "Tanggal Persalinan"): 1,
                       ("out_of_range", "Tanggal Pelayanan KB"): 1}
    examples = {(r.row, r.reason, r.value) for r in result.ledger.rejects if r.row is not None}
    assert examples == {(3, "after_kbpp_window", "76 days from delivery to service"),
                        (5, "bad_date", "kemarin"),
                        (6, "out_of_range", "-7 days from delivery to service"),
                        (8, "bad_date", "31/02/2023")}
    twin = aggregate_register_pandas(path)
    assert result.ledger.to_frame().equals(twin.ledger.to_frame())
    pd.testing.assert_frame_equal(result.monthly, twin.monthly)
