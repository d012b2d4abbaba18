"""Row bookkeeping shared by the readers."""
from __future__ import annotations

import pandas as pd
import pytest

from kbanalysis.indicators import TIDY_COLUMNS
from kbanalysis.ledger import InputError, Ledger
from kbanalysis.sources.rows import (
    parse_year,
    promoted_column,
    read_csv_rows,
    row_accounting,
    settle_rows,
)


def test_line_numbers_survive_blank_lines_quoted_breaks_and_bom(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes("\ufeffa,b\r\n1,x\r\n\r\n2,\"two\r\nlines\"\r\n3,y\r\n".encode("utf-8"))
    rows = read_csv_rows(path)
    assert rows.header == ["a", "b"]
    assert rows.records == [(2, ["1", "x"]), (4, ["2", "two\r\nlines"]), (6, ["3", "y"])]


def test_unreadable_files_raise_input_errors(tmp_path):
    with pytest.raises(InputError, match="existing file"):
        read_csv_rows(tmp_path / "none.csv")
    (tmp_path / "bin.csv").write_bytes(b"\xff\xfe\x00a")
    with pytest.raises(InputError, match="UTF-8"):
        read_csv_rows(tmp_path / "bin.csv")


@pytest.mark.parametrize("text, year", [("2024", 2024), (" 2014 ", 2014), ("2020.0", 2020)])
def test_years(text, year):
    assert parse_year(text) == year


@pytest.mark.parametrize("text", ["20x4", "", "24", "1890", "2099", "2024.5"])
def test_bad_years(text):
    with pytest.raises(ValueError):
        parse_year(text)


def tidy_rows(rows):
    return pd.DataFrame([{c: None for c in TIDY_COLUMNS} | {"source_row": r} for r in rows],
                        columns=TIDY_COLUMNS)


def test_a_row_without_values_is_rejected_whole_once():
    ledger = Ledger()
    ledger.add("s", "f.csv", 3, "value", "not_a_number", "", "abc")
    ledger.add("s", "f.csv", 3, "other", "missing_value")
    ledger.add("s", "f.csv", 2, "other", "missing_value")  # row 2 keeps a value
    settle_rows(ledger, tidy_rows([2]), [2, 3])
    whole = [r for r in ledger.rejects if r.column is None]
    assert [(r.row, r.reason) for r in whole] == [(3, "not_a_number")]
    assert promoted_column(whole[0].detail) == "value"
    assert len(ledger) == 3  # nothing added, nothing lost


def test_a_row_that_vanished_is_a_bug():
    with pytest.raises(RuntimeError, match="row 3"):
        settle_rows(Ledger(), tidy_rows([2]), [2, 3])


def test_accounting_refuses_overlaps_and_gaps():
    assert row_accounting(3, {2, 3}, {4}) == {"read": 3, "kept": 2, "rejected": 1}
    with pytest.raises(RuntimeError):
        row_accounting(3, {2, 3}, {3})
    with pytest.raises(RuntimeError):
        row_accounting(3, {2}, {4})


# --- encodings and separators offices save CSV files in -----------------------------------

PLAIN = "kode,nama,nilai\r\n3201,Kabupaten Bogor,\"1,5\"\r\n3273,Kota Bandung,2\r\n"


@pytest.mark.parametrize("data, encoding, separator", [
    (PLAIN.encode("utf-8"), "utf-8", ","),
    (b"\xef\xbb\xbf" + PLAIN.encode("utf-8"), "utf-8 with BOM", ","),
    (PLAIN.replace(",", ";").replace('"1;5"', "1,5").encode("cp1252"), "utf-8", ";"),
])
def test_the_same_rows_whatever_the_separator_or_bom(tmp_path, data, encoding, separator):
    path = tmp_path / "a.csv"
    path.write_bytes(data)
    rows = read_csv_rows(path)
    assert rows.header == ["kode", "nama", "nilai"]
    assert rows.records == [(2, ["3201", "Kabupaten Bogor", "1,5"]),
                            (3, ["3273", "Kota Bandung", "2"])]
    assert rows.text_format.describe() == f"encoding {encoding}, separator '{separator}'"


def test_cp1252_names_are_read_as_written(tmp_path):
    path = tmp_path / "ansi.csv"
    # "Pemalang" with a cp1252 e-acute and an en dash: bytes 0xE9 and 0x96 are not UTF-8.
    path.write_bytes(b"kode;nama\r\n3327;Pemal\xe9ng \x96 Kab\r\n")
    rows = read_csv_rows(path)
    assert rows.records == [(2, ["3327", "Pemal\u00e9ng \u2013 Kab"])]
    assert rows.text_format.describe() == "encoding cp1252, separator ';'"


def test_a_header_without_rows_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "kosong.csv"
    path.write_text("kode,nama,nilai\r\n\r\n")
    with pytest.raises(InputError) as error:
        read_csv_rows(path)
    assert error.value.line() == f"{path}, row 2: expected data rows below the header, got 'only the header'"
    (tmp_path / "empty.csv").write_text("")
    with pytest.raises(InputError, match="header row"):
        read_csv_rows(tmp_path / "empty.csv")
