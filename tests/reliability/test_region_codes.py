"""No number lands on the wrong regency: code-name mismatches, Kemendagri codes written
without their dot, codes without names, and names written as codes.

Expected BPS codes are read by hand from the bridging list (kode_wilayah/
bps_kemendagri_kabkota_2020__zakiego.csv): BPS 1101 SIMEULUE = Kemendagri 1109,
BPS 1102 ACEH SINGKIL = 1110, BPS 1103 ACEH SELATAN = 1101, BPS 1104 ACEH TENGGARA = 1102,
and BPS 1109 is PIDIE, BPS 1110 BIREUEN.
"""
from __future__ import annotations

import csv
import re

import pytest
from typer.testing import CliRunner

from kbanalysis.cli import app
from kbanalysis.ledger import InputError
from kbanalysis.regions import default_resolver
from kbanalysis.sources.check import check_file
from kbanalysis.sources.code_system import CodeSystemUnknown, detect_code_system, file_code_system
from kbanalysis.sources.jabar_opendata import read_opendata
from kbanalysis.sources.kbpp_import import read_opendata_parts
from kbanalysis.sources.registers import aggregate_register
from kbanalysis.sources.rows import promoted_column
from kbanalysis.sources.susenas import read_susenas_kabkota

runner = CliRunner()

OPENDATA_HEADER = ("id,kode_provinsi,nama_provinsi,kode_kabupaten_kota,nama_kabupaten_kota,"
                   "persentase_balita_stunting,satuan,tahun")
DECLARE = ("say which with --code-system bps or --code-system kemendagri")


def opendata_file(path, rows):
    """An Open Data Jabar style table: rows of (province code, province, code, name, value)."""
    lines = [OPENDATA_HEADER] + [f"{i},{pc},{pn},{code},{name},{value},PERSEN,2023"
                                 for i, (pc, pn, code, name, value) in enumerate(rows, 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def register_file(path, codes):
    """A service register with a regency code column and no names: one KBPP delivery each."""
    lines = ["tanggal_persalinan,kode_kabupaten_kota,kb_pasca_persalinan,metode_kb"]
    lines += [f"2023-03-0{i + 1},{code},ya,Implan" for i, code in enumerate(codes)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def values_by_region(result) -> dict[str, float]:
    return dict(zip(result.tidy["region_code"], result.tidy["value"]))


# --- the size of the problem, counted from the raw code lists with plain csv ----------------

def _norm(name: str) -> tuple[str, str]:
    text = name.upper()
    kind = "kota" if text.startswith("KOTA") else "kab"
    text = re.sub(r"^(KABUPATEN|KAB\.?|KOTA)\s*", "", text)
    return kind, re.sub(r"[^A-Z]", "", text)


def test_164_undotted_kemendagri_codes_are_another_regencys_bps_code(raw_dir):
    folder = raw_dir / "kode_wilayah"
    with open(folder / "bps_kemendagri_kabkota_2020__zakiego.csv", encoding="utf-8") as f:
        bridge = list(csv.DictReader(f))
    with open(folder / "kemendagri_regencies_2025__fityannugroho.csv", encoding="utf-8") as f:
        current = list(csv.DictReader(f))
    assert len(bridge) == len(current) == 514
    bps_codes = {r["kode_bps"] for r in bridge}
    bps_of_2020 = {r["kode_dagri"]: r["kode_bps"] for r in bridge}
    # Papua's regencies were renumbered in 2022 (provinces 91-96 of Kemendagri 2025): there
    # a regency is found by its name in the bridging list instead.
    papua_by_name = {_norm(r["nama_dagri"]): r["kode_bps"] for r in bridge
                     if r["kode_bps"][:2] in ("91", "94")}
    clashes = 0
    for row in current:
        plain = row["code"].replace(".", "")
        own = (papua_by_name[_norm(row["name"])] if row["province_code"] in
               {"91", "92", "93", "94", "95", "96"} else bps_of_2020[plain])
        clashes += plain in bps_codes and plain != own
    assert clashes == 164
    # The 2020 Kemendagri codes of the bridging list itself: 166 (Papua's old numbering).
    assert sum(r["kode_dagri"] in bps_codes and r["kode_dagri"] != r["kode_bps"]
               for r in bridge) == 166

    # The resolver reads the same 164 codes as naming two different regencies.
    resolver = default_resolver()
    both = 0
    for row in current:
        plain = row["code"].replace(".", "")
        if plain in bps_codes:
            both += resolver.code(plain, "bps") != resolver.code(plain, "kemendagri")
    assert both == 164


# --- a code and a name that disagree ----------------------------------------------------------

MISMATCHED = [("32", "JAWA BARAT", "3204", "KABUPATEN BANDUNG", "30.1"),
              ("32", "JAWA BARAT", "3201", "KOTA BANDUNG", "12.5"),  # 3201 is Kab. Bogor
              ("52", "NUSA TENGGARA BARAT", "5201", "KOTA MATARAM", "20.0"),  # 5201: Lombok Barat
              ("52", "NUSA TENGGARA BARAT", "5271", "KOTA MATARAM", "18.0")]


def test_code_name_mismatch_goes_to_the_ledger(tmp_path):
    path = opendata_file(tmp_path / "mismatch.csv", MISMATCHED)
    result = read_opendata(path, "mismatch")
    # The row is rejected whole; settle_rows keeps the blamed cell in the detail.
    rejected = {(r.row, r.column or promoted_column(r.detail), r.reason)
                for r in result.ledger.rejects}
    assert rejected == {(3, "kode_kabupaten_kota", "code_name_mismatch"),
                        (4, "kode_kabupaten_kota", "code_name_mismatch")}
    # Nothing of the bad rows landed anywhere: neither on the code's nor on the name's regency.
    assert values_by_region(result) == {"3204": 30.1, "5271": 18.0}


def test_code_name_mismatch_in_a_kbpp_open_data_table(tmp_path):
    path = tmp_path / "persalinan.csv"
    path.write_text("kode_provinsi,nama_provinsi,kode_kabupaten_kota,nama_kabupaten_kota,"
                    "jumlah_ibu_bersalin,tahun\n"
                    "32,JAWA BARAT,3201,KOTA BANDUNG,1000,2023\n"
                    "32,JAWA BARAT,3273,KOTA BANDUNG,2000,2023\n", encoding="utf-8")
    parts = read_opendata_parts(path)
    assert [(r.row, r.reason) for r in parts.ledger.rejects] == [(2, "code_name_mismatch")]
    assert parts.rows[["bps_code", "deliveries"]].values.tolist() == [["3273", 2000]]


def test_data_check_names_file_row_and_column_of_a_mismatch(tmp_path):
    path = opendata_file(tmp_path / "mismatch.csv", MISMATCHED)
    result = runner.invoke(app, ["data", "check", "--lang", "en", str(path)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    row3 = [line for line in lines if line.startswith(f"{path}, row 3, column "
                                                      f"'kode_kabupaten_kota'")]
    assert len(row3) == 1
    assert "Kabupaten Bogor (3201" in row3[0] and "Kota Bandung (3273" in row3[0]
    assert any(line.startswith(f"{path}, row 4, column 'kode_kabupaten_kota'") and
               "Lombok Barat" in line for line in lines)
    assert lines[-1].startswith(f"2 problems: {path} (jabar_opendata")


# --- Kemendagri codes written without their dot ------------------------------------------------

ACEH_KEMENDAGRI = [("11", "ACEH", "1109", "KABUPATEN SIMEULUE", "21.0"),
                   ("11", "ACEH", "1101", "KABUPATEN ACEH SELATAN", "22.0"),
                   ("11", "ACEH", "1110", "KABUPATEN ACEH SINGKIL", "23.0"),
                   ("11", "ACEH", "1102", "KABUPATEN ACEH TENGGARA", "24.0")]


def test_undotted_kemendagri_codes_with_names_land_on_their_bps_regency(tmp_path):
    rows = ACEH_KEMENDAGRI
    assert detect_code_system([r[2] for r in rows], [r[3] for r in rows]) == "kemendagri"
    result = read_opendata(opendata_file(tmp_path / "aceh.csv", rows), "aceh")
    assert result.ledger.rejects == []
    assert values_by_region(result) == {"1101": 21.0, "1103": 22.0, "1102": 23.0, "1104": 24.0}


def test_in_a_kemendagri_file_a_code_is_never_read_as_bps(tmp_path):
    # "1109 KABUPATEN PIDIE" agrees only in BPS coding (BPS 1109 is Pidie), but the file's
    # other Aceh rows are Kemendagri: the row is a mismatch (Kemendagri 1109 is Simeulue),
    # and Pidie gets nothing. A row that agrees in neither system is a mismatch too.
    rows = [*ACEH_KEMENDAGRI, ("11", "ACEH", "1109", "KABUPATEN PIDIE", "8.0"),
            ("11", "ACEH", "1107", "KABUPATEN SIMEULUE", "9.0")]
    path = opendata_file(tmp_path / "aceh.csv", rows)
    for declared in (None, "kemendagri"):
        result = read_opendata(path, "aceh", code_system=declared)
        assert sorted((r.row, r.reason) for r in result.ledger.rejects) == [
            (6, "code_name_mismatch"), (7, "code_name_mismatch")]
        assert values_by_region(result) == {"1101": 21.0, "1103": 22.0, "1102": 23.0,
                                            "1104": 24.0}


def test_undotted_codes_without_names_that_fit_both_systems_are_refused(tmp_path):
    rows = [("11", "ACEH", "1109", "", "21.0"), ("11", "ACEH", "1110", "", "23.0")]
    path = opendata_file(tmp_path / "aceh_codes.csv", rows)
    with pytest.raises(InputError) as err:
        read_opendata(path, "aceh")
    message = err.value.line()
    assert message.startswith(f"{path}, column 'kode_kabupaten_kota': expected")
    assert "fit both the BPS and the Kemendagri system and the file has no names" in message
    assert DECLARE in message
    # Declared, each system reads them its own way.
    kemendagri = read_opendata(path, "aceh", code_system="kemendagri")
    assert values_by_region(kemendagri) == {"1101": 21.0, "1102": 23.0}
    bps = read_opendata(path, "aceh", code_system="bps")
    assert values_by_region(bps) == {"1109": 21.0, "1110": 23.0}


def test_data_check_refuses_and_accepts_with_code_system(tmp_path):
    path = opendata_file(tmp_path / "aceh_codes.csv",
                         [("11", "ACEH", "1109", "", "21.0"), ("11", "ACEH", "1110", "", "23.0")])
    refused = runner.invoke(app, ["data", "check", "--lang", "en", str(path)])
    assert refused.exit_code == 1
    assert DECLARE in refused.output and f"{path}, column 'kode_kabupaten_kota'" in refused.output
    accepted = runner.invoke(app, ["data", "check", "--lang", "en", "--code-system", "kemendagri",
                                   str(path)])
    assert accepted.exit_code == 0, accepted.output
    assert accepted.output.splitlines()[-1].startswith(f"OK: {path} (jabar_opendata")
    wrong = runner.invoke(app, ["data", "check", "--code-system", "dagri", str(path)])
    assert wrong.exit_code == 2  # not one of bps, kemendagri


def test_a_register_of_codes_without_names_is_refused_until_declared(tmp_path):
    path = register_file(tmp_path / "register.csv", ["1109", "1110", "1109"])
    with pytest.raises(InputError, match="--code-system kemendagri"):
        aggregate_register(path)
    yearly = aggregate_register(path, code_system="kemendagri").yearly.set_index("bps_code")
    assert yearly["deliveries"].to_dict() == {"1101": 2, "1102": 1}
    # Codes that name one regency in both systems need no declaration.
    same = register_file(tmp_path / "jabar.csv", ["3204", "3273"])
    assert set(aggregate_register(same).yearly["bps_code"]) == {"3204", "3273"}

    report = check_file(path)
    assert len(report.problems) == 1 and DECLARE in report.problems[0].line()
    assert check_file(path, code_system="kemendagri").ok


def test_detection_semantics():
    # Dotted codes are Kemendagri by their form, names or not.
    assert detect_code_system(["11.09", "11.01"]) == "kemendagri"
    # Codes that mean the same regency in both systems: either reading is right.
    assert detect_code_system(["3204", "3273"]) == "bps"
    # Codes that exist in only one system decide for it.
    assert detect_code_system(["1473"]) == "bps"  # Kota Dumai has another Kemendagri code
    # Rows agreeing in BPS only next to rows agreeing in Kemendagri only, in other provinces
    # (9103 is Jayapura, Papua, in Kemendagri coding): each row decides.
    assert detect_code_system(["1109", "9103"], ["Pidie", "Kabupaten Jayapura"]) == "mixed"
    # In the same province they are mistakes: the system of most rows is the file's ...
    assert detect_code_system(["1109", "1101", "1110"], ["Kabupaten Simeulue",
                              "Kabupaten Aceh Selatan", "Bireuen"]) == "kemendagri"
    # ... and a tie cannot be settled without a declaration.
    with pytest.raises(CodeSystemUnknown, match="as many rows"):
        detect_code_system(["1109", "1109"], ["Pidie", "Kabupaten Simeulue"])
    # A name that is a code is no name.
    with pytest.raises(CodeSystemUnknown):
        detect_code_system(["1109"], ["1109"])
    with pytest.raises(CodeSystemUnknown, match="fit neither system alone"):
        detect_code_system(["1473", "9115"])
    # A declaration is taken as it is ("dagri" is the older spelling of "kemendagri").
    assert file_code_system("f.csv", "kode", ["1109"], declared="dagri") == "kemendagri"
    with pytest.raises(ValueError, match="bps, kemendagri"):
        file_code_system("f.csv", "kode", ["1109"], declared="BPS2020")


# --- a name column holding codes ---------------------------------------------------------------

def test_a_name_column_holding_codes_is_read_as_codes(tmp_path):
    rows = [("32", "JAWA BARAT", "", "3204", "30.1"),  # no code: the name column's code
            ("32", "JAWA BARAT", "3273", "3273", "14.0"),  # both agree
            ("32", "JAWA BARAT", "3201", "3273", "12.0")]  # they disagree
    result = read_opendata(opendata_file(tmp_path / "codes_as_names.csv", rows), "codes")
    assert values_by_region(result) == {"3204": 30.1, "3273": 14.0}
    assert [(r.row, r.reason) for r in result.ledger.rejects] == [(4, "code_name_mismatch")]

    aceh = [("11", "ACEH", "", "1109", "21.0")]
    path = opendata_file(tmp_path / "aceh_names_as_codes.csv", aceh)
    with pytest.raises(InputError, match="no names"):
        read_opendata(path, "aceh")
    assert values_by_region(read_opendata(path, "aceh", code_system="kemendagri")) == {"1101": 21.0}


# --- the raw Susenas table legitimately mixes systems ------------------------------------------

def test_raw_susenas_table_is_detected_mixed_and_fully_kept(raw_dir):
    path = next((raw_dir / "bps_susenas_kabkota").glob("indikator_kabkota*.csv"))
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert detect_code_system([r["kode_kabkota"] for r in rows], [r["nama"] for r in rows],
                              provinces=[r["provinsi"] for r in rows]) == "mixed"
    result = read_susenas_kabkota(path)
    assert result.ledger.rejects == [] and len(result.kept_rows()) == 514
    by_row = result.tidy.drop_duplicates("source_row").set_index("source_row")["region_code"]
    # Line 43 of the raw file: "9103,Jayapura,Papua" is Kabupaten Jayapura, BPS 9403,
    # not BPS 9103 (Teluk Wondama); line 28: "9207,Teluk Wondama" is BPS 9103.
    assert by_row[43] == "9403" and by_row[28] == "9103"


# --- data build --code-system: the user's KBPP files ------------------------------------------

def test_data_build_refuses_ambiguous_kbpp_codes_until_declared(raw_dir, tmp_path):
    register = register_file(tmp_path / "register.csv", ["1109", "1110", "1109"])
    out = tmp_path / "processed"
    refused = runner.invoke(app, ["data", "build", "--raw", str(raw_dir), "--out", str(out),
                                  "--kbpp", str(register), "--lang", "en"])
    assert refused.exit_code == 1
    assert DECLARE in refused.output
    assert f"{register}, column 'kode_kabupaten_kota'" in refused.output
    assert not out.exists()  # nothing half-written

    built = runner.invoke(app, ["data", "build", "--raw", str(raw_dir), "--out", str(out),
                                "--kbpp", str(register), "--code-system", "kemendagri"])
    assert built.exit_code == 0, built.output
    with open(out / "kbpp.csv", encoding="utf-8") as f:
        mine = {r["bps_code"]: r["deliveries"] for r in csv.DictReader(f)
                if r["source"] == "register.csv"}
    assert mine == {"1101": "2", "1102": "1"}  # Simeulue and Aceh Singkil, not Pidie/Bireuen
