"""Problem lines in Bahasa Indonesia and English from one catalogue (kbanalysis.messages).

Every ``data check`` / ``data build`` problem line exists in both languages with the same
file, row, column and quoted value; Indonesian is the default of the CLI, English is
``--lang en``. The catalogue has both languages for every key, and no reader writes a
free-text expectation that would stay English in an Indonesian line.
"""
from __future__ import annotations

import ast
import copy
import pickle
import re
import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kbanalysis
from kbanalysis.cli import app
from kbanalysis.ledger import REASONS, InputError, Ledger, reason_text
from kbanalysis.messages import CATALOGUE, LANGS, Msg, Number, msg, render
from kbanalysis.sources.check import check_file, check_files
from tests.fixtures.profil_kesehatan import PROBLEMS, write_profil_kesehatan

runner = CliRunner()

# Words of the English frame and of English prose that an Indonesian line must not hold
# (outside the file name and the quoted values, which are the user's own).
ENGLISH = re.compile(r"\b(row|column|expected|got|the|of|is|must|but|and|not|from|"
                     r"a|an|value|number|year|above|already|one)\b")
GOT = re.compile(r"(?:, got |, ditemukan )('(?:[^'\\]|\\.)*'|\[.*\])$")

OPEN_DATA_HEADER = ("kode_provinsi,nama_provinsi,kode_kabupaten_kota,nama_kabupaten_kota,"
                    "prevalensi_balita_stunting,satuan,tahun")


def _open_data_with_problems(path: Path) -> Path:
    """Five kinds of problem, one per row: a bad number, a code and name of different
    regencies, a bad year, a short row, a name of no regency."""
    path.write_text("\n".join([
        OPEN_DATA_HEADER,
        "32,JAWA BARAT,3201,KABUPATEN BOGOR,abc,PERSEN,2021",           # row 2
        "32,JAWA BARAT,3202,KABUPATEN CIANJUR,20.1,PERSEN,2021",        # row 3
        "32,JAWA BARAT,3203,KABUPATEN CIANJUR,20.1,PERSEN,20x1",        # row 4
        "32,JAWA BARAT,3204",                                           # row 5
        "32,JAWA BARAT,,KABUPATEN ANTAH BERANTAH,20.1,PERSEN,2021",     # row 6
        "32,JAWA BARAT,3205,KABUPATEN GARUT,21.3,PERSEN,2021",          # row 7: clean
    ]) + "\n", encoding="utf-8")
    return path


def _after_file(line: str, file: str) -> str:
    assert line.startswith(file + ", ") or line.startswith(file + ": "), line
    return line[len(file):]


def _prose(line: str, file: str) -> str:
    """The line without its file name and its quoted value: what the project wrote."""
    rest = _after_file(line, file)
    return GOT.sub("", rest)


def _got(line: str) -> str | None:
    found = GOT.search(line)
    return found.group(1) if found else None


def _assert_same_problem_in_both(problem: InputError) -> None:
    en, id_ = problem.line("en"), problem.line("id")
    assert en == problem.line()  # English stays the default of the Python API
    if problem.row is not None:
        assert f", row {problem.row}" in en and f", baris {problem.row}" in id_
    if problem.column is not None:
        column = render(problem.column, "id")
        assert f"kolom {column!r}" in id_, id_
    assert "seharusnya " in id_ and ": expected " in en
    assert _got(en) == _got(id_)  # a value quoted from the file never changes
    prose = _prose(id_, problem.file)
    assert not ENGLISH.search(prose), (prose, ENGLISH.search(prose).group(0))


def test_every_catalogue_key_has_both_languages_with_the_same_placeholders():
    def fields(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert set(LANGS) == {"id", "en"}
    for key, texts in CATALOGUE.items():
        assert set(texts) == set(LANGS), key
        assert all(texts[lang].strip() for lang in LANGS), key
        assert fields(texts["id"]) == fields(texts["en"]), key


def test_every_ledger_reason_is_described_in_both_languages():
    assert len(REASONS) >= 28 and REASONS["missing_value"] == "cell is empty"
    for reason in REASONS:
        en, id_ = reason_text(reason, "en"), reason_text(reason, "id")
        assert en == REASONS[reason] and id_ and id_ != en, reason
    assert reason_text("missing_value", "id") == "sel kosong"


def _calls_with_free_text(tree: ast.AST):
    """(line, call, argument) of every problem raised or ledgered with a text literal or
    f-string where a catalogue message belongs."""
    positions = {"InputError": ["file", "row", "column", "expected", "got"],
                 "RegionError": ["reason", "message"],
                 "_RowRegionError": ["column", "reason", "message"],
                 "CodeSystemUnknown": ["message"],
                 "_reject": ["ledger", "row", "reason", "detail"],
                 "add": ["source_id", "file", "row", "column", "reason", "detail", "value"]}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name == "add" and "ledger" not in ast.unparse(func):
            continue  # a set's or a builder's add, not a ledger's
        if name not in positions:
            continue
        given = dict(zip(positions[name], node.args)) | {k.arg: k.value for k in node.keywords}
        for argument in ("expected", "message", "detail"):
            value = given.get(argument)
            literal = isinstance(value, ast.JoinedStr) or (
                isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value)
            if literal or isinstance(value, ast.BinOp):
                yield node.lineno, name, argument
        got = given.get("got")
        if isinstance(got, ast.Constant) and isinstance(got.value, str):
            yield node.lineno, name, "got"


def test_no_problem_in_the_package_is_written_as_free_english_text():
    package = Path(kbanalysis.__file__).parent
    found = []
    for path in sorted(package.rglob("*.py")):
        for line, name, argument in _calls_with_free_text(ast.parse(path.read_text("utf-8"))):
            found.append(f"{path.relative_to(package)}:{line}: {name}({argument}=...)")
    assert found == [], "use kbanalysis.messages.msg(...) for:\n" + "\n".join(found)


def test_the_free_text_finder_finds_free_text():
    """The scan above must be able to fail: it sees each way of writing free text."""
    source = '''
InputError(path, 1, "c", "a number")
InputError(path, expected=f"a year {rule}", got="missing")
ledger.add(sid, path, 3, None, "bad_year", "a four-digit year", value)
self.ledger.add(sid, path, 3, None, "bad_year", "x " + rule)
RegionError("unknown_region", f"unknown {name!r}")
things.add("not a ledger")
InputError(path, expected=msg("rows.valid_csv"), got=msg("got.missing"))
'''
    found = [(line, name, argument)
             for line, name, argument in _calls_with_free_text(ast.parse(source))]
    assert found == [(2, "InputError", "expected"), (3, "InputError", "expected"),
                     (3, "InputError", "got"), (4, "add", "detail"), (5, "add", "detail"),
                     (6, "RegionError", "message")]


def test_an_open_data_file_with_five_kinds_of_problem_in_both_languages(tmp_path):
    path = _open_data_with_problems(tmp_path / "od.csv")
    report = check_file(path)
    assert report.format == "jabar_opendata"
    rows = {p.row: p for p in report.problems}
    assert sorted(rows) == [2, 3, 4, 5, 6]
    assert rows[2].column == "prevalensi_balita_stunting" and rows[4].column == "tahun"
    for problem in report.problems:
        _assert_same_problem_in_both(problem)
    # The wording, read from the rules of the catalogue by hand.
    assert rows[2].line("en") == (f"{path}, row 2, column 'prevalensi_balita_stunting': "
                                  "expected a number, got 'abc'")
    assert rows[2].line("id") == (f"{path}, baris 2, kolom 'prevalensi_balita_stunting': "
                                  "seharusnya angka, ditemukan 'abc'")
    assert rows[4].line("id") == (f"{path}, baris 4, kolom 'tahun': seharusnya tahun empat "
                                  "digit (dari 2000 sampai 2035), ditemukan '20x1'")
    assert "kode dan nama dari wilayah yang sama" in rows[3].line("id")
    assert "Kabupaten Sukabumi (3202, Jawa Barat)" in rows[3].line("id")


def test_a_profil_kesehatan_table_with_planted_problems_in_both_languages(tmp_path):
    table = write_profil_kesehatan(tmp_path / "profil_jabar_2023.xlsx", level="province",
                                   region="32", year=2023, problems=PROBLEMS)
    (report,) = check_files([table.path])
    assert {p.row for p in report.problems} == {line for line, _, _ in table.issues}
    for problem in report.problems:
        _assert_same_problem_in_both(problem)
    lines = {p.row: p for p in report.problems}
    planted = {line: (column, reason) for line, column, reason in table.issues}
    bad_number = next(line for line, (_, reason) in planted.items() if reason == "not_a_number")
    # A cell that is not a number is named by its column (the sheet's label) in both languages.
    column = lines[bad_number].column
    assert column and f"kolom {column!r}: seharusnya angka (bukan angka (" in \
        lines[bad_number].line("id")
    assert f"column {column!r}: expected a number (not a number (" in lines[bad_number].line("en")
    unknown = next(line for line, (_, reason) in planted.items() if reason == "unknown_region")
    assert "tidak dikenal; yang paling mirip: " in lines[unknown].line("id")


def test_prose_numbers_take_the_decimal_comma_and_quoted_values_do_not(tmp_path):
    table = write_profil_kesehatan(tmp_path / "profil_pct.xlsx", level="province",
                                   region="32", year=2023, problems=("percent",))
    (report,) = check_files([table.path])
    (line, column, _), = [i for i in table.issues if i[2] == "inconsistent_total"]
    problem = next(p for p in report.problems if p.row == line)
    en, id_ = problem.line("en"), problem.line("id")
    assert re.search(r" is \d+\.\d\d %", en) and re.search(r" adalah \d+,\d\d %", id_), (en, id_)
    assert _got(en) == _got(id_)
    # The rule itself: floats and prose numbers follow the language, text does not.
    message = msg("pk.pct_is", count=Number("12.5"), base=Number("100"), of=msg("pk.deliveries"),
                  pct=12.5)
    assert message == "12.5 of 100 deliveries is 12.50 %"
    assert message.render("id") == "12,5 dari 100 persalinan adalah 12,50 %"
    assert msg("pk.what_value", what=msg("pk.not_a_number"), value="1.5x").render("id") == \
        "bukan angka ('1.5x')"


def test_data_check_speaks_indonesian_by_default_and_english_with_lang_en(tmp_path):
    path = _open_data_with_problems(tmp_path / "od.csv")
    default = runner.invoke(app, ["data", "check", str(path)])
    english = runner.invoke(app, ["data", "check", "--lang", "en", str(path)])
    indonesian = runner.invoke(app, ["data", "check", "--lang", "id", str(path)])
    assert default.exit_code == english.exit_code == indonesian.exit_code == 1
    assert default.stdout == indonesian.stdout
    id_lines, en_lines = default.stdout.splitlines(), english.stdout.splitlines()
    assert len(id_lines) == len(en_lines) == 6
    assert en_lines[0] == (f"{path}, row 2, column 'prevalensi_balita_stunting': expected a "
                           "number, got 'abc'")
    assert en_lines[-1] == f"5 problems: {path} (jabar_opendata; encoding utf-8, separator ',')"
    assert id_lines[-1] == f"5 masalah: {path} (jabar_opendata; encoding utf-8, pemisah ',')"
    for id_line, en_line in zip(id_lines[:-1], en_lines[:-1]):
        row = re.search(r", row (\d+)", en_line).group(1)
        assert f", baris {row}" in id_line and _got(id_line) == _got(en_line)
        assert not ENGLISH.search(_prose(id_line, str(path)))
    wrong = runner.invoke(app, ["data", "check", "--lang", "fr", str(path)])
    assert wrong.exit_code == 2  # id or en only


def test_data_check_of_a_clean_file_says_ok_in_both_languages(tmp_path):
    path = tmp_path / "clean.csv"
    path.write_text(OPEN_DATA_HEADER + "\n32,JAWA BARAT,3205,KABUPATEN GARUT,21.3,PERSEN,2021\n",
                    encoding="utf-8")
    default = runner.invoke(app, ["data", "check", str(path)])
    english = runner.invoke(app, ["data", "check", "--lang", "en", str(path)])
    assert default.exit_code == english.exit_code == 0
    assert default.stdout == f"OK: {path} (jabar_opendata; encoding utf-8, pemisah ',')\n"
    assert english.stdout == f"OK: {path} (jabar_opendata; encoding utf-8, separator ',')\n"


def test_data_build_refusal_is_indonesian_by_default(monkeypatch, tmp_path):
    import kbanalysis.dataset
    from kbanalysis.sources.kbpp_import import NOTHING_USABLE, KbppRejected

    problem = InputError("register.csv", 4, "tahun", msg("kbpp.expected.bad_year"), "20x4")
    unusable = InputError("register.csv", expected=NOTHING_USABLE, got=msg("got.none"))

    def refused(raw_dir, out_dir, seed, kbpp_files, **options):
        raise KbppRejected(["register.csv"], [problem, unusable])

    monkeypatch.setattr(kbanalysis.dataset, "build", refused)
    register = tmp_path / "register.csv"
    register.write_text("x")
    args = ["data", "build", "--raw", str(tmp_path), "--out", str(tmp_path / "out"),
            "--kbpp", str(register)]
    default = runner.invoke(app, args)
    english = runner.invoke(app, [*args, "--lang", "en"])
    assert default.exit_code == english.exit_code == 1
    assert english.stderr.splitlines() == [
        "register.csv, row 4, column 'tahun': expected a four-digit year, got '20x4'",
        "register.csv: expected at least one regency-year of usable KBPP data, got 'none'",
        "register.csv: expected KBPP files the build can use; nothing was written (fix them), "
        "got '2 problems'"]
    assert default.stderr.splitlines() == [
        "register.csv, baris 4, kolom 'tahun': seharusnya tahun empat digit, ditemukan '20x4'",
        "register.csv: seharusnya paling sedikit satu kabupaten/kota-tahun dengan data KBPP yang "
        "dapat dipakai, ditemukan 'tidak ada'",
        "register.csv: seharusnya berkas KBPP yang dapat dipakai untuk membangun tabel; tidak ada "
        "yang ditulis (perbaiki masalahnya), ditemukan '2 masalah'"]
    assert not (tmp_path / "out").exists()


def test_data_build_other_input_errors_follow_lang(monkeypatch, tmp_path):
    import kbanalysis.dataset

    def broken(raw_dir, out_dir, seed, kbpp_files, **options):
        raise InputError("x.csv", 2, "tahun", msg("check.expected.bad_year"), "20x4")

    monkeypatch.setattr(kbanalysis.dataset, "build", broken)
    result = runner.invoke(app, ["data", "build", "--raw", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == ("x.csv, baris 2, kolom 'tahun': seharusnya tahun empat digit, "
                             "ditemukan '20x4'\n")


def test_build_without_raw_folder_explains_in_indonesian(monkeypatch):
    from kbanalysis import config

    monkeypatch.setattr(config, "default_raw_dir", lambda: None)
    result = runner.invoke(app, ["data", "build"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Folder data mentah tidak ditemukan")
    assert "--raw" in result.stderr and config.RAW_DIR_ENV in result.stderr


def test_the_ledger_keeps_english_details_and_the_message_for_other_languages():
    ledger = Ledger()
    ledger.add("s", "f.csv", 3, "tahun", "bad_year", msg("rows.year_rule", low=2000, high=2035),
               msg("reg.days_from_delivery", days="50"))
    frame = ledger.to_frame()
    assert frame.loc[0, "detail"] == "from 2000 to 2035" and type(frame.loc[0, "detail"]) is str
    assert frame.loc[0, "value"] == "50 days from delivery to service"
    assert render(ledger.rejects[0].detail, "id") == "dari 2000 sampai 2035"
    assert render(ledger.rejects[0].value, "id") == "50 hari dari persalinan sampai pelayanan"


def test_messages_survive_copies_and_unknown_keys_are_refused():
    message = msg("with_detail", expected=msg("check.expected.bad_year"),
                  detail=msg("rows.year_rule", low=2000, high=2035))
    for twin in (copy.deepcopy(message), pickle.loads(pickle.dumps(message))):
        assert isinstance(twin, Msg) and twin == message
        assert twin.render("id") == "tahun empat digit (dari 2000 sampai 2035)"
    with pytest.raises(KeyError):
        msg("no.such.message")
    with pytest.raises(ValueError):
        render(message, "fr")
