"""Templates as offices use them (issue 16): a province template with only the office's own
row filled, the district template offered on a regency page, the next command printed with
the real path, and the line each page gives about the data it was built from.

Every workbook is generated here by ``kbanalysis template`` and filled as an office would;
expected numbers are typed by hand.
"""
from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from kbanalysis import config
from kbanalysis.cli import app
from tests.fixtures import kbpp_template as F

runner = CliRunner()
# Kabupaten Lombok Timur's row: 2 000 deliveries; Kondom .. MAL, 1 250 acceptors: 62.5 %.
LOTIM = (2000, [10, 600, 200, 150, 5, 35, 240, 10])
NTB = {"5201": "KABUPATEN LOMBOK BARAT", "5202": "KABUPATEN LOMBOK TENGAH",
       "5204": "KABUPATEN SUMBAWA", "5205": "KABUPATEN DOMPU", "5206": "KABUPATEN BIMA",
       "5207": "KABUPATEN SUMBAWA BARAT", "5208": "KABUPATEN LOMBOK UTARA",
       "5271": "KOTA MATARAM", "5272": "KOTA BIMA"}  # the nine rows left empty


@pytest.fixture(scope="module")
def ntb(tmp_path_factory):
    """The NTB 2023 province template as the command writes it."""
    folder = tmp_path_factory.mktemp("ntb")
    result = runner.invoke(app, ["template", "--province", "52", "--year", "2023",
                                 "--out", str(folder)])
    assert result.exit_code == 0, result.output
    return folder / "kbpp_52_nusa_tenggara_barat_2023.xlsx"


def _half_filled(ntb, out, cached: bool):
    rows = F.data_rows(ntb)
    filled = F.fill(ntb, out, {rows["5203"]: LOTIM})
    if cached:  # saved again by a spreadsheet program: formula cells carry their values
        F.add_cached_values(filled, {rows["5203"]: LOTIM}, min(rows.values()), max(rows.values()))
    return filled, rows


@pytest.mark.parametrize("cached", [False, True], ids=["openpyxl", "spreadsheet"])
def test_a_province_template_with_only_the_offices_row_is_accepted(ntb, tmp_path, cached):
    filled, rows = _half_filled(ntb, tmp_path / "ntb_lotim.xlsx", cached)
    result = runner.invoke(app, ["data", "check", str(filled)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-1].startswith(f"OK: {filled}")
    notes = [line for line in lines if "belum melapor" in line]
    assert len(notes) == 1, result.output  # the empty rows: one line, not nine errors
    assert notes[0].startswith(f"Perhatian: {filled.name}: 9 baris tanpa angka")
    for code, name in NTB.items():
        assert f"baris {rows[code]} {name}" in notes[0]
    assert "seharusnya" not in result.output  # no problem line at all

    english = runner.invoke(app, ["data", "check", "--lang", "en", str(filled)])
    assert english.exit_code == 0, english.output
    assert f"Note: {filled.name}: 9 row(s) without any number read as not reported" \
        in english.output


def test_the_build_keeps_the_filled_row_and_ledgers_each_empty_one(ntb, tmp_path, raw_dir):
    filled, rows = _half_filled(ntb, tmp_path / "ntb_lotim.xlsx", cached=False)
    out = tmp_path / "processed"
    result = runner.invoke(app, ["data", "build", "--kbpp", str(filled), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sum("belum melapor" in line for line in result.output.splitlines()) == 1
    kbpp = pd.read_csv(out / "kbpp.csv", dtype={"bps_code": str})
    own = kbpp.loc[kbpp["source"].str.contains(filled.name, regex=False)]
    assert own[["bps_code", "year", "deliveries", "kbpp_total"]].to_dict("records") == [
        {"bps_code": "5203", "year": 2023, "deliveries": 2000, "kbpp_total": 1250}]
    analysis = pd.read_csv(out / "analysis.csv", dtype={"bps_code": str})
    lotim = analysis.loc[(analysis["bps_code"] == "5203") & (analysis["year"] == 2023)]
    assert lotim["kbpp_coverage_pct"].tolist() == pytest.approx([62.5])
    rejects = pd.read_csv(out / "rejects.csv")
    empty = rejects.loc[(rejects["file"] == filled.name) & (rejects["reason"] == "not_reported")]
    assert sorted(empty["row"].astype(int)) == sorted(rows[c] for c in NTB)  # each, with its line


def test_a_row_with_some_numbers_is_still_checked_cell_by_cell(ntb, tmp_path):
    rows = F.data_rows(ntb)
    # Lombok Barat typed its deliveries and nothing else: not "not reported", a gap.
    filled = F.fill(ntb, tmp_path / "partial.xlsx", {rows["5203"]: LOTIM,
                                                      rows["5201"]: (1500, [None] * 8)})
    result = runner.invoke(app, ["data", "check", str(filled)])
    assert result.exit_code == 1, result.output
    assert f"{filled}, baris {rows['5201']}" in result.output
    assert "Perhatian:" in result.output and ": 8 baris tanpa angka" in result.output


@pytest.mark.parametrize("lang, written, step", [
    ("id", "Templat ditulis: ", "Isi sel kuning"),
    ("en", "Template written: ", "Fill the yellow cells"),
])
def test_template_prints_the_next_commands_with_the_real_path(tmp_path, lang, written, step):
    folder = tmp_path / "kantor dinkes"  # a folder with a space, as offices name them
    result = runner.invoke(app, ["template", "--regency", "5203", "--year", "2023",
                                 "--out", str(folder), "--lang", lang])
    assert result.exit_code == 0, result.output
    path = folder / "kbpp_5203_kabupaten_lombok_timur_2023.xlsx"
    assert path.is_file()
    assert result.output.splitlines() == [
        f"{written}{path}", result.output.splitlines()[1],
        f"  .venv/bin/kbanalysis data check '{path}'", f'  make run KBPP="{path}"']
    assert result.output.splitlines()[1].startswith(step)


def test_template_inside_the_project_prints_a_path_from_the_project_folder(tmp_path,
                                                                           monkeypatch):
    # Inside the project the commands, run from its folder, take the relative path.
    monkeypatch.setattr(config, "PROJ_ROOT", tmp_path)
    result = runner.invoke(app, ["template", "--province", "52", "--year", "2023",
                                 "--out", str(tmp_path / "kantor")])
    assert result.exit_code == 0, result.output
    assert "  .venv/bin/kbanalysis data check kantor/kbpp_52_nusa_tenggara_barat_2023.xlsx" \
        in result.output.splitlines()
    assert '  make run KBPP="kantor/kbpp_52_nusa_tenggara_barat_2023.xlsx"' \
        in result.output.splitlines()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_regency_page_offers_its_district_template_as_a_command(lang, analysis_csv):
    from kbanalysis.reporting import sections as S
    from kbanalysis.reporting.context import load_context

    ctx = load_context()
    analysis = pd.read_csv(analysis_csv, dtype={"bps_code": str})
    assert analysis.loc[analysis["bps_code"] == "5203", "kbpp_coverage_pct"].isna().all()
    # the year before the latest survey stunting year, the one the province template carries
    year = int(analysis.loc[analysis["stunting_survey_pct"].notna(), "year"].max()) - 1
    block = S.regency_kbpp(ctx, "5203", lang)
    assert f".venv/bin/kbanalysis template --regency 5203 --year {year}" in block.plain
    assert f"kbpp_52_nusa_tenggara_barat_{year}.xlsx" in block.plain  # the province one too
    assert ("Kabupaten Lombok Timur: templat per puskesmas" if lang == "id" else
            "Kabupaten Lombok Timur: a template with one row per puskesmas") in block.plain


def test_pages_say_which_data_they_were_built_from(tmp_path, analysis_csv):
    from types import SimpleNamespace

    from kbanalysis.reporting import sections as S

    default = SimpleNamespace(processed_dir=config.PROCESSED_DIR, simulated=[])
    assert S.data_origin(default, "id").plain == \
        "Dibangun dari: data bawaan (tabel data nyata proyek, tanpa berkas kantor)."
    (tmp_path / "build_meta.json").write_text(json.dumps(
        {"kbpp": {"files": {"register_lotim.csv": "ab", "kbpp_5203_2023.xlsx": "cd"}}}))
    office = SimpleNamespace(processed_dir=tmp_path, simulated=[])
    assert S.data_origin(office, "id").plain == ("Dibangun dari: data bawaan ditambah berkas "
                                                 "kantor kbpp_5203_2023.xlsx, register_lotim.csv.")
    assert S.data_origin(office, "en").plain == ("Built from: the default data plus the office "
                                                 "files kbpp_5203_2023.xlsx, register_lotim.csv.")
