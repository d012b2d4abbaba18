"""The fill-in KBPP workbook (kbanalysis.templates, ``kbanalysis template``): layout, data
validation, formulas, and the round trip through the Profil Kesehatan reader and ``data check``
-- as written by openpyxl (formulas without cached values) and as saved again by a
spreadsheet program (formulas with cached values)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import shutil

import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

from kbanalysis import config
from kbanalysis import templates as TP
from kbanalysis.cli import app
from kbanalysis.sources.check import check_files
from kbanalysis.sources.kbpp_import import FINDINGS, read_kbpp_file
from tests.fixtures import kbpp_template as F

# Kalimantan Selatan's 13 kab/kota as the Kemendagri 2025 list names them (kode_wilayah raw).
KALSEL = {"6301": "Kabupaten Tanah Laut", "6302": "Kabupaten Kotabaru", "6303": "Kabupaten Banjar",
          "6304": "Kabupaten Barito Kuala", "6305": "Kabupaten Tapin",
          "6306": "Kabupaten Hulu Sungai Selatan", "6307": "Kabupaten Hulu Sungai Tengah",
          "6308": "Kabupaten Hulu Sungai Utara", "6309": "Kabupaten Tabalong",
          "6310": "Kabupaten Tanah Bumbu", "6311": "Kabupaten Balangan",
          "6371": "Kota Banjarmasin", "6372": "Kota Banjarbaru"}
COUNTS = [12, 410, 95, 180, 2, 61, 150, 9]  # Kondom .. MAL: 919 acceptors


@pytest.fixture(scope="module")
def kalsel(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "kalsel.xlsx"
    return TP.write_template(TP.province_spec("63", 2023), path)


def _values(rows: dict[str, int]) -> dict[int, tuple]:
    """Every regency 2000 + 100 x its position deliveries and COUNTS acceptors."""
    return {row: (2000 + 100 * i, COUNTS) for i, row in enumerate(rows.values())}


def test_province_template_lists_its_regencies_with_codes_title_and_year(kalsel):
    book = openpyxl.load_workbook(kalsel)
    assert book.sheetnames == ["Petunjuk", "Tabel KBPP"]
    sheet = book["Tabel KBPP"]
    assert "KB PASCA PERSALINAN" in sheet["A1"].value
    assert sheet["A2"].value == "PROVINSI KALIMANTAN SELATAN"
    assert sheet["A3"].value == "TAHUN 2023"
    assert sheet["A4"].value == "KODE BPS PROVINSI 63"
    rows = F.data_rows(kalsel)
    assert {code: sheet.cell(row, 3).value for code, row in rows.items()} == KALSEL
    assert list(rows.values()) == list(range(8, 8 + 13))  # one row each, in code order
    assert sheet.cell(21, 3).value == "JUMLAH"
    headers = [sheet.cell(6, c).value for c in range(5, 23, 2)]
    assert headers == ["Kondom", "Suntik", "Pil", "AKDR", "MOP", "MOW", "Implan", "MAL", "Jumlah"]


def test_counts_are_validated_as_whole_numbers_from_zero_and_totals_are_formulas(kalsel):
    sheet = openpyxl.load_workbook(kalsel)["Tabel KBPP"]
    [rule] = sheet.data_validations.dataValidation
    assert (rule.type, rule.operator, rule.formula1) == ("whole", "greaterThanOrEqual", "0")
    covered = {str(c) for rng in rule.sqref.ranges for c in _cells(rng)}
    wanted = {f"{F.letter(c)}{r}" for r in range(8, 21) for c in [F.COL_DELIVERIES, *F.METHOD_COLS]}
    assert covered == wanted  # every count cell, nothing else (not Jumlah, % or JUMLAH)
    for col in [*(c + 1 for c in F.METHOD_COLS), F.COL_TOTAL, F.COL_TOTAL + 1]:
        assert str(sheet.cell(8, col).value).startswith("=IF(")  # guarded against empty/zero
    assert sheet.cell(21, F.COL_DELIVERIES).value == "=SUM(D8:D20)"


def _cells(rng):
    from openpyxl.utils import get_column_letter
    for row in range(rng.min_row, rng.max_row + 1):
        for col in range(rng.min_col, rng.max_col + 1):
            yield f"{get_column_letter(col)}{row}"


def _guide(path) -> list[str]:
    return [str(c.value) for c in openpyxl.load_workbook(path)["Petunjuk"]["A"] if c.value]


def test_instructions_in_indonesian_tell_the_office_where_to_send_and_the_analyst_the_two_commands(kalsel):
    lines = _guide(kalsel)
    text = "\n".join(lines)
    assert "Yang diisi" in text and "Yang tidak boleh diubah" in text
    assert "English" not in text and "Template" not in text and lines[0].startswith("Templat KB pasca")
    # a regency office fills its own row only; empty rows are "not reported", not errors
    assert "Kantor kabupaten/kota cukup mengisi baris wilayahnya sendiri" in text
    # the office sends the file (default: whoever sent it); the commands are the analyst's
    send = lines.index("Setelah diisi") + 1
    assert lines[send].startswith("Simpan berkas ini, lalu kirim ke pihak yang mengirimkan templat ini")
    analyst = lines.index("Untuk analis yang membuat laporan (dari folder proyek)")
    assert lines[analyst + 1] == ".venv/bin/kbanalysis data check kbpp_63_kalimantan_selatan_2023.xlsx"
    assert lines[analyst + 2] == 'make run KBPP="kbpp_63_kalimantan_selatan_2023.xlsx"'
    assert send < analyst
    named = TP.write_template(dataclasses.replace(TP.province_spec("63", 2023), contact="Bidang Dalduk, a@b.id"),
                              kalsel.parent / "named.xlsx")
    assert any(line.startswith("Simpan berkas ini, lalu kirim ke Bidang Dalduk, a@b.id.") for line in _guide(named))


def test_an_office_with_another_year_changes_the_year_cell_and_fills_its_row_only(kalsel, tmp_path):
    """The guide lets the office change "TAHUN 2023" (a yellow cell); a regency office fills
    its own row: the reader takes the year from the cell and the one row, the rest unreported."""
    sheet = openpyxl.load_workbook(kalsel)["Tabel KBPP"]
    assert sheet["A3"].fill.fgColor.rgb.endswith(TP.INPUT_YELLOW)
    assert any('ganti angka tahun di sel kuning baris ketiga ("TAHUN 2023"' in line for line in _guide(kalsel))
    rows = F.data_rows(kalsel)
    filled = F.fill(kalsel, tmp_path / "banjarmasin.xlsx", {rows["6371"]: (5000, COUNTS)})
    book = openpyxl.load_workbook(filled)
    book["Tabel KBPP"]["A3"] = "TAHUN 2025"
    book.save(filled)
    [report] = check_files([filled])
    assert report.problems == []
    frame, _ledger = read_kbpp_file(filled)
    assert frame[["bps_code", "year", "deliveries", "kbpp_total"]].values.tolist() == [["6371", 2025, 5000, 919]]


@pytest.mark.parametrize("cached", [False, True], ids=["openpyxl", "resaved"])
def test_filled_template_reads_back_the_typed_numbers(kalsel, tmp_path, cached):
    rows = F.data_rows(kalsel)
    values = _values(rows)
    filled = F.fill(kalsel, tmp_path / "filled.xlsx", values)
    if cached:
        F.add_cached_values(filled, values, 8, 20)
        cells = openpyxl.load_workbook(filled, data_only=True)["Tabel KBPP"]
        assert cells.cell(8, F.COL_TOTAL).value == 919  # the fixture did store values
    [report] = check_files([filled])
    assert report.problems == [] and report.format == "kbpp_profil_kesehatan"

    frame, ledger = read_kbpp_file(filled)
    # Only findings: the JUMLAH row and the notes below the table, each with its line.
    assert {r.reason for r in ledger.rejects} <= FINDINGS
    frame = frame.sort_values("bps_code").reset_index(drop=True)
    assert frame["bps_code"].tolist() == sorted(KALSEL)
    assert set(frame["year"]) == {2023}
    assert frame["deliveries"].tolist() == [2000 + 100 * i for i in range(13)]
    assert frame["kbpp_suntik"].tolist() == [410] * 13
    assert frame["kbpp_total"].tolist() == [919] * 13
    # Tanah Laut: 919 acceptors of 2000 deliveries.
    assert frame.loc[0, "kbpp_coverage_pct"] == pytest.approx(45.95, abs=1e-9)


def test_a_wrong_cached_value_is_checked_like_any_written_percentage(kalsel, tmp_path):
    """Saved by a spreadsheet program, the % cells hold values the reader checks: one that
    disagrees with its counts is reported at its cell (so the cached values are read)."""
    rows = F.data_rows(kalsel)
    values = _values(rows)
    filled = F.fill(kalsel, tmp_path / "filled.xlsx", values)
    F.add_cached_values(filled, values, 8, 20)
    xml_row = 10
    # Store a % of 50 for Suntik in row 10 (410 of 919 is 44.6 %).
    _replace_cached(filled, f"{F.letter(F.METHOD_COLS[1] + 1)}{xml_row}", 50.0)
    problems = check_files([filled])[0].problems
    assert [(p.row, p.column) for p in problems] == [(10, "Suntik % [H]")]


def _replace_cached(path, ref, value):
    import re
    import zipfile

    staged = path.with_suffix(".edit.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(staged, "w") as target:
        sheet_xml = F._table_sheet_xml(source)  # before writing: writestr moves the entries' offsets
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == sheet_xml:
                data = re.sub(rf'(<c r="{ref}"[^>]*><f>.*?</f><v>)[^<]*(</v>)',
                              rf"\g<1>{value}\g<2>", data.decode()).encode()
            target.writestr(item, data)
    shutil.move(staged, path)


PLANTED = {  # row -> (deliveries, counts, column the problem is named in)
    9: (300, COUNTS, "Jumlah [U]"),  # 919 acceptors above 300 deliveries
    10: (2000, [12, -2, 95, 180, 2, 61, 150, 9], "Suntik [G]"),  # typed over the validation
    11: (2000, [12, 410, 95.5, 180, 2, 61, 150, 9], "Pil [I]"),  # a fraction
    12: (2000, [12, 410, 95, 180, 2, 61, 150, None], "MAL [S]"),  # left empty
}


@pytest.mark.parametrize("cached", [False, True], ids=["openpyxl", "resaved"])
def test_planted_errors_are_named_at_their_cells(kalsel, tmp_path, cached):
    values = _values(F.data_rows(kalsel))
    values.update({row: (d, c) for row, (d, c, _) in PLANTED.items()})
    filled = F.fill(kalsel, tmp_path / "planted.xlsx", values)
    if cached:
        F.add_cached_values(filled, values, 8, 20)
    problems = check_files([filled])[0].problems
    assert [(p.row, p.column) for p in problems] == [(r, c) for r, (_, _, c) in PLANTED.items()]


def test_data_check_exit_code_and_cell_in_both_languages(kalsel, tmp_path):
    values = _values(F.data_rows(kalsel))
    values[10] = (2000, [12, -2, 95, 180, 2, 61, 150, 9])
    filled = F.fill(kalsel, tmp_path / "planted.xlsx", values)
    runner = CliRunner()
    for lang, row_word, column_word in (("id", "baris", "kolom"), ("en", "row", "column")):
        result = runner.invoke(app, ["data", "check", "--lang", lang, str(filled)])
        assert result.exit_code == 1, result.output
        first = result.output.splitlines()[0]
        # The rejected row names its regency (issue 15).
        assert f"{filled}, {row_word} 10 (Kab. Banjar), {column_word} 'Suntik [G]'" in first
        assert "'-2'" in first
    clean = F.fill(kalsel, tmp_path / "clean.xlsx", _values(F.data_rows(kalsel)))
    result = runner.invoke(app, ["data", "check", str(clean)])
    assert result.exit_code == 0, result.output


def test_district_template_blank_rows_and_puskesmas_add_up(tmp_path):
    path = TP.write_template(TP.district_spec("6371", 2024, blank_rows=5), tmp_path / "bjm.xlsx")
    sheet = openpyxl.load_workbook(path)["Tabel KBPP"]
    assert sheet["A2"].value == "KOTA BANJARMASIN, PROVINSI KALIMANTAN SELATAN"
    assert sheet["A4"].value == "KODE BPS KABUPATEN/KOTA 6371"
    assert sheet.cell(7, 3).value is None and sheet.cell(5, 3).value == "Puskesmas"
    assert [sheet.cell(r, 3).value for r in range(8, 13)] == [None] * 5
    assert sheet.cell(13, 3).value == "JUMLAH"
    values = {8: (120, [1, 40, 10, 20, 0, 5, 12, 2]), 10: (80, [0, 30, 5, 10, 0, 0, 8, 1])}
    for cached in (False, True):
        filled = F.fill(path, tmp_path / f"bjm_{cached}.xlsx", values,
                        {8: "Puskesmas Teluk Dalam", 10: "Puskesmas Pekapuran Raya"})
        if cached:
            F.add_cached_values(filled, values, 8, 12)
        assert check_files([filled])[0].problems == []
        frame, _ = read_kbpp_file(filled)
        assert frame[["bps_code", "year", "deliveries", "kbpp_total"]].to_dict("records") == [
            {"bps_code": "6371", "year": 2024, "deliveries": 200, "kbpp_total": 144}]


def test_cli_writes_the_named_file_and_refuses_bad_codes(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["template", "--province", "63", "--year", "2022",
                                 "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = tmp_path / "kbpp_63_kalimantan_selatan_2022.xlsx"
    assert written.is_file() and str(written) in result.output

    for args, hint in ((["--province", "99"], "--province"), (["--regency", "6399"], "--regency"),
                       (["--province", "63", "--regency", "6371"], "--province / --regency"),
                       ([], "--province / --regency")):
        out = tmp_path / "bad"
        result = runner.invoke(app, ["template", *args, "--out", str(out)])
        assert result.exit_code == 2, result.output
        assert hint in result.output
        assert not out.exists()  # nothing written


def test_names_and_years():
    spec = TP.province_spec("63", 2025)
    assert TP.file_name(spec) == "kbpp_63_kalimantan_selatan_2025.xlsx"
    assert TP.report_template_path("63", "Kalimantan Selatan", 2025) == \
        "templates/kbpp_63_kalimantan_selatan_2025.xlsx"
    assert TP.file_name(TP.district_spec("6371", 2024)) == "kbpp_6371_kota_banjarmasin_2024.xlsx"
    assert TP.default_year(dt.date(2026, 1, 1)) == 2025
    cross = pd.DataFrame({"bps_code": ["6301", "6302", "6303"],
                          "stunting_survey_pct_year": [2024, 2022, None]})
    assert TP.report_template_year(cross) == 2023
    assert TP.report_template_year(cross.drop(columns="stunting_survey_pct_year")) == \
        TP.default_year()


def _section_ctx():
    from types import SimpleNamespace
    cross = pd.DataFrame({"bps_code": ["6371", "6372", "3201"],
                          "name": ["Kota Banjarmasin", "Kota Banjarbaru", "Kabupaten Bogor"],
                          "province_bps": ["63", "63", "32"],
                          "province_name": ["Kalimantan Selatan", "Kalimantan Selatan", "Jawa Barat"],
                          "stunting_survey_pct_year": [2024, 2024, 2024],
                          "kbpp_coverage_pct": [None, None, None]})
    return SimpleNamespace(cross=cross, programme_month=lambda code: None)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_public_kbpp_section_links_the_province_template_and_shows_the_commands(lang):
    import posixpath

    from kbanalysis.reporting import sections as S
    from kbanalysis.reporting.batch import output_path

    block = S.regency_kbpp(_section_ctx(), "6371", lang)
    href = "../../templates/kbpp_63_kalimantan_selatan_2023.xlsx"
    assert f'href="{href}"' in block.markup
    page = output_path("regency", "6371", lang, "Kota Banjarmasin")
    assert posixpath.normpath(posixpath.join(posixpath.dirname(page), href)) == \
        "templates/kbpp_63_kalimantan_selatan_2023.xlsx"  # where the batch writes it
    assert ".venv/bin/kbanalysis data check kbpp_63_kalimantan_selatan_2023.xlsx" in block.plain
    assert 'make run KBPP="kbpp_63_kalimantan_selatan_2023.xlsx"' in block.plain
    assert ("Templat isian untuk Kalimantan Selatan" if lang == "id"
            else "Fill-in template for Kalimantan Selatan") in block.plain
    province = S.kbpp_template_offer(_section_ctx(), "32", lang, "province")
    assert 'href="../../templates/kbpp_32_jawa_barat_2023.xlsx"' in province.markup


def test_batch_writes_one_template_per_province_and_only_when_it_changes(tmp_path):
    from kbanalysis.reporting import batch

    jobs = [batch.ReportJob(f"id/regency/{c}", "regency", c, "id", "x", {}, "o.html", province=p)
            for c, p in (("6371", "63"), ("6372", "63"), ("3201", "32"))]
    jobs.append(batch.ReportJob("id/national", "national", None, "id", "n", {}, "n.html"))
    manifest = {"reports": {}}
    analysis = pd.read_csv(config.ANALYSIS_CSV, usecols=["year", "stunting_survey_pct"])
    year = int(analysis.dropna()["year"].max()) - 1  # the year before the latest survey
    written = batch.write_report_templates(jobs, tmp_path, manifest)
    assert sorted(written) == [f"templates/kbpp_32_jawa_barat_{year}.xlsx",
                               f"templates/kbpp_63_kalimantan_selatan_{year}.xlsx"]
    sheet = openpyxl.load_workbook(tmp_path / written[1])["Tabel KBPP"]
    assert [sheet.cell(r, 2).value for r in range(8, 21)] == sorted(KALSEL)
    assert batch.write_report_templates(jobs, tmp_path, manifest) == []  # unchanged
    (tmp_path / written[0]).unlink()
    assert batch.write_report_templates(jobs, tmp_path, manifest) == [written[0]]  # missing again


def test_the_batch_templates_name_the_reports_contact(tmp_path, monkeypatch):
    from kbanalysis.reporting import batch
    jobs = [batch.ReportJob("id/regency/6371", "regency", "6371", "id", "x", {}, "o.html", province="63")]
    manifest = {"reports": {}}
    [first] = batch.write_report_templates(jobs, tmp_path, manifest)
    monkeypatch.setenv(config.REPORT_CONTACT_ENV, "Perwakilan BKKBN Kalsel, kbpp@contoh.id")
    assert batch.write_report_templates(jobs, tmp_path, manifest) == [first]  # a new contact: rewritten
    assert any(line.startswith("Simpan berkas ini, lalu kirim ke Perwakilan BKKBN Kalsel, kbpp@contoh.id.")
               for line in _guide(tmp_path / first))
