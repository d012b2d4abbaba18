"""The Profil Kesehatan KBPP table reader, on messy generated tables and hand-written ones."""
from __future__ import annotations

import pandas as pd
import pytest

from kbanalysis.kbpp_schema import METHOD_COLUMNS, validate_kbpp
from kbanalysis.ledger import InputError
from kbanalysis.sources.kbpp_import import FINDINGS, read_kbpp_file
from kbanalysis.sources.profil_kesehatan import looks_like_profil, read_profil_parts
from tests.fixtures import write_profil_kesehatan

COUNTS = ["bps_code", "year", "deliveries", *METHOD_COLUMNS]


def problems_in(ledger) -> list:
    """The ledger's problems: not the findings (total rows and notes kept out of the data,
    each with its line)."""
    return [r for r in ledger.rejects if r.reason not in FINDINGS]


def issues_of(ledger) -> list[tuple]:
    """Ledger entries as (line, column label without its [letter], reason)."""
    return sorted(((r.row, r.column.split(" [")[0] if r.column else None, r.reason)
                   for r in problems_in(ledger)), key=lambda x: (x[0] or 0, x[2]))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("level", ["district", "province"])
def test_counts_and_planted_problems_come_out_as_written(tmp_path, level, suffix):
    fixture = write_profil_kesehatan(tmp_path / f"tabel_kbpp{suffix}", level=level, year=2023)
    frame, ledger = read_kbpp_file(fixture.path)

    pd.testing.assert_frame_equal(frame[COUNTS], fixture.expected, check_dtype=False)
    assert (frame["kbpp_total"] == frame[METHOD_COLUMNS].sum(axis=1)).all()
    assert set(frame["measure_type"]) == {"administrative"}
    assert set(frame["source"]) == {fixture.path.name}
    assert validate_kbpp(frame, fixture.path) == []
    # Every planted problem is reported at its cell, nothing else is.
    assert issues_of(ledger) == sorted(fixture.issues, key=lambda x: (x[0] or 0, x[2]))


def test_puskesmas_rows_add_up_to_the_regency_named_in_the_title(tmp_path):
    fixture = write_profil_kesehatan(tmp_path / "garut.csv", level="district", region="3205",
                                     problems=())
    frame, ledger = read_kbpp_file(fixture.path)
    assert frame["bps_code"].tolist() == ["3205"] and frame["year"].tolist() == [2023]
    assert frame.at[0, "deliveries"] == fixture.rows["deliveries"].sum()
    assert frame.at[0, "kbpp_suntik"] == fixture.rows["kbpp_suntik"].sum()
    assert problems_in(ledger) == []


def test_year_and_region_hints_replace_a_title_without_them(tmp_path):
    fixture = write_profil_kesehatan(tmp_path / "no_region.csv", level="district",
                                     region="3273", title_region=False, problems=())
    with pytest.raises(InputError, match="region"):
        read_kbpp_file(fixture.path)
    frame, _ = read_kbpp_file(fixture.path, region="Kota Bandung", year=2021)
    assert frame[["bps_code", "year"]].values.tolist() == [["3273", 2021]]


@pytest.mark.parametrize("convention", ["acceptors", "deliveries"])
def test_method_percentages_of_either_denominator_are_accepted(tmp_path, convention):
    fixture = write_profil_kesehatan(tmp_path / "pct.csv", level="province", problems=(),
                                     method_pct=convention)
    _, ledger = read_kbpp_file(fixture.path)
    assert problems_in(ledger) == []


def test_three_row_header_without_number_row_and_bare_kabupaten_names(tmp_path):
    fixture = write_profil_kesehatan(tmp_path / "variant.xlsx", level="province", problems=(),
                                     header_rows=3, number_row=False, names="bare")
    frame, ledger = read_kbpp_file(fixture.path)
    # "Bogor" (bare) is the kabupaten because the file writes "Kota Bogor" for the kota.
    assert {"3201", "3271"} <= set(frame["bps_code"])
    pd.testing.assert_frame_equal(frame[COUNTS], fixture.expected, check_dtype=False)
    assert problems_in(ledger) == []


def test_a_bad_puskesmas_row_stops_the_regency_total_unless_partial_is_allowed(tmp_path):
    fixture = write_profil_kesehatan(tmp_path / "bad.csv", level="district",
                                     problems=("bad_number",))
    bad_line = fixture.issues[0][0]
    frame, ledger = read_kbpp_file(fixture.path)
    assert frame.empty
    reasons = {(r.row, r.reason) for r in problems_in(ledger)}
    assert (bad_line, "not_a_number") in reasons and (None, "not_derivable") in reasons
    row_reject = next(r for r in problems_in(ledger) if r.row == bad_line)
    assert row_reject.column is None and "Pil" in row_reject.detail and row_reject.value == "1O"

    frame, _ = read_kbpp_file(fixture.path, allow_partial=True)
    pd.testing.assert_frame_equal(frame[COUNTS], fixture.expected, check_dtype=False)


def test_every_regency_row_is_kept_or_ledgered(tmp_path):
    fixture = write_profil_kesehatan(tmp_path / "prov.csv", level="province",
                                     problems=("unknown_name", "bad_number", "over_deliveries"))
    parts = read_profil_parts(fixture.path)
    frame, ledger = read_kbpp_file(fixture.path)
    kept_lines = set(parts.rows["line"].astype(int))
    rejected_lines = {r.row for r in problems_in(ledger) if r.column is None}
    written = set(fixture.rows["line"])
    assert written <= kept_lines | rejected_lines
    assert len(frame) == len(fixture.expected) == len(written) - 3
    assert ("unknown_region" in {r.reason for r in problems_in(ledger)})


def test_indonesian_numbers_footnotes_spacers_and_the_total_row(tmp_path):
    path = tmp_path / "tulis_tangan.csv"
    header = ("No;Kabupaten/Kota;Jumlah Ibu Bersalin;" + "".join(
        f"{m};;" for m in ["Kondom", "Suntik", "Pil", "AKDR", "MOP", "MOW", "Implan", "MAL"])
        + "Jumlah;")
    sub = ";;;" + "Jumlah;%;" * 9
    lines = [
        "TABEL 39;;",
        "CAKUPAN DAN PROPORSI PESERTA KB PASCA PERSALINAN MENURUT JENIS KONTRASEPSI;;",
        "PROVINSI JAWA BARAT TAHUN 2022;;",
        "",
        header, sub,
        # 1.234 deliveries; 500 acceptors: 100 kondom (20 %), 400 suntik (80 %), rest "-".
        "1;Kabupaten Garut;1.234;100;20,0;400;80,0" + ";-;-" * 6 + ";500;40,52",
        ";;;;;;;;",
        "2;Kota Banjar;2.000;-;-;1.000;100;-;-;-;-;-;-;-;-;-;-;-;-;1.000;50,0",
        "JUMLAH;;3.234;100;;1.400;;-;;-;;-;;-;;-;;-;;1.500;46,38",
        "Sumber: catatan tangan untuk pengujian",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert looks_like_profil(path)
    frame, ledger = read_kbpp_file(path)
    assert problems_in(ledger) == [], ledger.to_frame()
    # The JUMLAH row and the footnote are kept out of the data, each with its line.
    assert sorted((r.row, r.reason) for r in ledger.rejects) == [(10, "aggregate_row"),
                                                                (11, "note_row")]
    garut = frame.set_index("bps_code").loc["3205"]
    assert (garut["year"], garut["deliveries"], garut["kbpp_kondom"], garut["kbpp_suntik"],
            garut["kbpp_pil"], garut["kbpp_total"]) == (2022, 1234, 100, 400, 0, 500)
    assert frame.set_index("bps_code").at["3279", "kbpp_suntik"] == 1000
    assert garut["kbpp_coverage_pct"] == pytest.approx(100 * 500 / 1234)


def test_a_workbook_without_the_table_is_refused_with_a_clear_message(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["TABEL 38", "CAKUPAN PELAYANAN IBU NIFAS"])
    path = tmp_path / "lain.xlsx"
    book.save(path)
    assert not looks_like_profil(path)
    with pytest.raises(InputError, match="Kondom, Suntik"):
        read_profil_parts(path)


# --- the layout with "%" in the method names' row, and workbooks of several tables --------

def test_same_row_percent_labels_are_each_checked(tmp_path):
    from tests.fixtures.profil_kesehatan import SAME_ROW_PROBLEMS, write_same_row_pct_table

    path = write_same_row_pct_table(tmp_path / "tabel_39.csv")
    parts = read_profil_parts(path)
    problems = sorted((r.row, r.column or r.detail.split("'")[1], r.reason)
                      for r in problems_in(parts.ledger))
    assert problems == SAME_ROW_PROBLEMS
    # Bogor (acceptors above deliveries) is rejected whole; Garut and Bandung are kept.
    frame, _ = read_kbpp_file(path)
    assert frame["bps_code"].tolist() == ["3205", "3273"]
    assert frame["kbpp_coverage_pct"].tolist() == pytest.approx([50.0, 10.0])  # 500/1000, 200/2000


def test_a_percentage_above_100_is_a_problem_even_where_it_cannot_be_checked(tmp_path):
    from tests.fixtures.profil_kesehatan import SAME_ROW_LINES

    lines = list(SAME_ROW_LINES[:5])
    # Pil: no acceptors (so nothing to check its share against), but a % of 101 written.
    lines.append("2;Kota Bandung;2.000;50;25,0;150;75,0;-;101" + ";-;-" * 5 + ";200;10,0")
    path = tmp_path / "pil.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, ledger = read_kbpp_file(path)
    assert [(r.row, r.column, r.reason, r.value) for r in problems_in(ledger)] == [
        (6, "Pil % [I]", "out_of_range", "101")]


def test_a_table_with_only_its_header_is_refused(tmp_path):
    from tests.fixtures.profil_kesehatan import SAME_ROW_LINES

    path = tmp_path / "kosong.csv"
    path.write_text("\n".join(SAME_ROW_LINES[:4]) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_profil_parts(path)
    assert (error.value.row, error.value.expected) == (5, "data rows below the header")


def _two_sheet_workbook(path):
    import openpyxl

    from tests.fixtures.profil_kesehatan import SAME_ROW_LINES

    book = openpyxl.Workbook()
    book.remove(book.active)
    for year, deliveries in (("2022", "900"), ("2023", "1.000")):
        sheet = book.create_sheet(f"Tabel 39 ({year})")
        for line in SAME_ROW_LINES[:5]:
            sheet.append(line.replace("TAHUN 2023", f"TAHUN {year}")
                         .replace("1.000", deliveries).split(";"))
    book.save(path)
    return path


def test_a_workbook_with_two_tables_names_both_sheets_and_sheet_picks_one(tmp_path):
    path = _two_sheet_workbook(tmp_path / "profil.xlsx")
    assert looks_like_profil(path)
    with pytest.raises(InputError) as error:
        read_profil_parts(path)
    message = error.value.line()
    assert "'Tabel 39 (2022)'" in message and "'Tabel 39 (2023)'" in message
    assert "--sheet" in message
    frame, _ = read_kbpp_file(path, sheet="Tabel 39 (2022)")
    # 900 deliveries, 500 acceptors in the 2022 sheet.
    assert frame[["bps_code", "year", "deliveries"]].values.tolist() == [["3205", 2022, 900]]
    with pytest.raises(InputError, match="'Tabel 39 \\(2022\\)', 'Tabel 39 \\(2023\\)'"):
        read_profil_parts(path, sheet="Tabel 40")
