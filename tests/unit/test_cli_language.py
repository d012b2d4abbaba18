"""Everything the command line prints is Indonesian by default, English with ``--lang en``.

Each command's ``--help`` and a representative message of each command are read in both
languages: the Indonesian text must hold none of a list of common English words (outside
quoted values, paths, options and column names, which are the same in both languages), the
English text none of a list of common Indonesian words.
"""
from __future__ import annotations

import errno
import re
from pathlib import Path

import pytest
import typer
from typer.core import TyperGroup
from typer.testing import CliRunner

from kbanalysis import config
from kbanalysis.atomic import WriteError
from kbanalysis.cli import app, os_error_line
from kbanalysis.cli._lang import lang_from_args
from kbanalysis.messages import LANG_ENV, msg

runner = CliRunner()

ENGLISH = {"the", "and", "of", "with", "file", "files", "expected", "rows", "row", "written",
           "regencies", "regency", "default", "got", "column", "must", "should", "error",
           "missing", "unknown", "not", "from", "this", "show", "exit", "write", "read",
           "language", "problem", "problems", "give", "exactly", "between",
           "built", "unchanged", "failed", "options", "commands", "arguments", "table",
           "tables", "province", "code", "year", "every", "only", "no", "print"}
INDONESIAN = {"dan", "berkas", "baris", "yang", "tidak", "dari", "seharusnya", "bawaan",
              "kolom", "untuk", "tabel", "ditulis", "bantuan", "lalu", "atau", "dengan"}

# Quoted values, backticked commands, paths, options, identifiers and Typer's type tags
# (<file>, <int>) are the same in both languages: they are not prose.
_NOT_PROSE = re.compile(r"<[^>\n]*>|'[^'\n]*'|\"[^\"\n]*\"|`[^`\n]*`|\$?[\w.-]*[/\\][^\s,;:)]*"
                        r"|--?[\w-]+|\b\w*[_.=<>\[\]]\w*\b|\b[A-Z][A-Z0-9]+\b")


def words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]+", _NOT_PROSE.sub(" ", text))}


def assert_indonesian(text: str) -> None:
    assert text.strip()
    english = words(text) & ENGLISH
    assert not english, f"English words {sorted(english)} in:\n{text}"


def assert_english(text: str) -> None:
    assert text.strip()
    indonesian = words(text) & INDONESIAN
    assert not indonesian, f"Indonesian words {sorted(indonesian)} in:\n{text}"


@pytest.fixture(autouse=True)
def _no_language_setting(monkeypatch):
    monkeypatch.delenv(LANG_ENV, raising=False)


def _command_paths(command, path=()):
    paths = [path]
    if isinstance(command, TyperGroup):
        for name, sub in sorted(command.commands.items()):
            paths += _command_paths(sub, (*path, name))
    return paths


COMMAND_PATHS = _command_paths(typer.main.get_command(app))


def _command(path):
    command = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]
    return command


def test_the_word_filter_keeps_prose_and_drops_values():
    # guards the checks below against a filter that drops everything
    assert words("Tabel 'the file' ditulis ke /tmp/of/rows --with kbpp_total: and") == {
        "tabel", "ditulis", "ke", "and"}


def test_lang_is_read_before_and_after_the_command():
    assert lang_from_args(["--lang", "en", "data", "check", "x.csv"]) == "en"
    assert lang_from_args(["data", "check", "--lang=en", "x.csv"]) == "en"
    assert lang_from_args(["data", "check", "x.csv"]) is None
    assert lang_from_args(["data", "check", "--", "--lang", "en"]) is None  # a file name


@pytest.mark.parametrize("path", COMMAND_PATHS, ids=lambda p: " ".join(p) or "kbanalysis")
def test_help_is_indonesian_by_default_and_english_on_request(path):
    indonesian = runner.invoke(app, [*path, "--help"])
    assert indonesian.exit_code == 0, indonesian.output
    assert_indonesian(indonesian.output)
    own_lang = any(p.name == "lang" for p in _command(path).params)
    runs = [runner.invoke(app, ["--lang", "en", *path, "--help"]),
            runner.invoke(app, [*path, "--help"], env={LANG_ENV: "en"})]
    if own_lang:  # the command's own --lang, after the command
        runs.append(runner.invoke(app, [*path, "--help", "--lang", "en"]))
    for english in runs:
        assert english.exit_code == 0, english.output
        assert_english(english.output)
        assert english.output != indonesian.output


def test_help_option_itself_is_translated():
    assert "Tampilkan bantuan ini lalu keluar." in runner.invoke(app, ["--help"]).output
    english = runner.invoke(app, ["--lang", "en", "--help"]).output
    assert "Show this message and exit." in english


def test_check_of_a_missing_file(tmp_path):
    missing = tmp_path / "tidak_ada.csv"
    indonesian = runner.invoke(app, ["data", "check", str(missing)])
    assert indonesian.exit_code == 2
    assert indonesian.stderr == f"Berkas tidak ditemukan: {missing}\n"
    english = runner.invoke(app, ["--lang", "en", "data", "check", str(missing)])
    assert english.exit_code == 2 and english.stderr == f"No such file: {missing}\n"


def test_check_of_a_file_of_no_known_format(tmp_path):
    path = tmp_path / "catatan.csv"
    path.write_text("warna,bentuk\nmerah,bulat\n", encoding="utf-8")
    indonesian = runner.invoke(app, ["data", "check", str(path)])
    assert indonesian.exit_code == 1
    assert_indonesian(indonesian.output)
    assert "1 masalah" in indonesian.output
    english = runner.invoke(app, ["data", "check", str(path)], env={LANG_ENV: "en"})
    assert english.exit_code == 1 and "1 problem" in english.output
    assert_english(english.output)


def test_build_without_a_raw_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(config.RAW_DIR_ENV, str(tmp_path / "nowhere"))
    indonesian = runner.invoke(app, ["data", "build", "--out", str(tmp_path / "out")])
    assert indonesian.exit_code == 2
    assert indonesian.stderr.startswith(f"${config.RAW_DIR_ENV} berisi {tmp_path / 'nowhere'}, "
                                        "yang bukan folder.")
    assert_indonesian(indonesian.stderr)
    english = runner.invoke(app, ["data", "build", "--lang", "en", "--out", str(tmp_path / "o")])
    assert english.exit_code == 2
    assert "which is not a folder" in english.stderr
    assert_english(english.stderr)
    assert not (tmp_path / "out").exists() and not (tmp_path / "o").exists()


def test_summary_of_the_committed_tables():
    indonesian = runner.invoke(app, ["data", "summary"])
    assert indonesian.exit_code == 0, indonesian.output
    assert "Kabupaten/kota: 514 dari 514, di 38 dari 38 provinsi" in indonesian.stdout
    assert ("Lapisan KBPP: data administratif untuk seluruh 35 baris (tanpa simulasi)"
            in indonesian.stdout)
    # the indicator and reason names are column values (identifiers), the prose Indonesian
    assert_indonesian(indonesian.stdout)
    english = runner.invoke(app, ["--lang", "en", "data", "summary"])
    assert "Regencies: 514 of 514, in 38 of 38 provinces" in english.stdout
    assert_english(english.stdout)


def test_template_written_and_its_errors(tmp_path):
    written = runner.invoke(app, ["template", "--province", "63", "--year", "2024",
                                  "--out", str(tmp_path)])
    assert written.exit_code == 0, written.output
    assert written.stdout.startswith("Templat ditulis: ")
    assert_indonesian(written.stdout)
    again = runner.invoke(app, ["template", "--province", "63", "--year", "2024",
                                "--out", str(tmp_path), "--lang", "en"])
    assert again.exit_code == 1  # the existing file is kept
    assert again.stderr.startswith(str(tmp_path / next(tmp_path.iterdir()).name))
    assert "expected a new file name" in again.stderr
    assert_english(again.stderr)

    for args, start in ((["--year", "1990", "--province", "63"], "--year: seharusnya tahun "
                         "antara 2000 dan 2100, ditemukan 1990"),
                        ([], "--province / --regency: berikan tepat satu"),
                        (["--province", "99"], "--province: '99' bukan kode BPS provinsi")):
        indonesian = runner.invoke(app, ["template", *args, "--out", str(tmp_path / "x")])
        assert indonesian.exit_code == 2 and indonesian.stderr.startswith(start), indonesian.output
        assert_indonesian(indonesian.stderr)
        english = runner.invoke(app, ["--lang", "en", "template", *args,
                                      "--out", str(tmp_path / "x")])
        assert english.exit_code == 2
        assert_english(english.stderr)
    assert not (tmp_path / "x").exists()


def test_report_with_an_unknown_code(tmp_path):
    indonesian = runner.invoke(app, ["report", "--level", "regency", "--only", "3599",
                                     "--out", str(tmp_path)])
    assert indonesian.exit_code == 2
    assert indonesian.stderr.startswith("kesalahan: kabupaten/kota tidak dikenal '3599' "
                                        "(seharusnya kode BPS 4 digit); yang paling mirip: 3509")
    assert_indonesian(indonesian.stderr)
    english = runner.invoke(app, ["report", "--level", "regency", "--only", "3599",
                                  "--out", str(tmp_path), "--lang", "en"])
    assert english.stderr.startswith("error: unknown regency '3599'")
    assert_english(english.stderr)
    assert not (tmp_path / "index.html").exists()


def test_an_unwritable_file_in_both_languages(tmp_path):
    error = WriteError(errno.EISDIR, msg("atomic.folder_in_way"), str(tmp_path / "a.csv"))
    assert os_error_line(error, "id") == f"tidak dapat menulis {tmp_path / 'a.csv'}: ada folder " \
                                         "di tempat berkas ini"
    assert os_error_line(error, "en") == f"cannot write {tmp_path / 'a.csv'}: a folder is in " \
                                         "the way of this file"
    assert str(error) == f"cannot write {tmp_path / 'a.csv'}: a folder is in the way of this file"


def test_conflicting_values_name_the_field_in_the_sentence_language():
    # the reported mix "deliveries bernilai": the field is named in Indonesian
    from kbanalysis.messages import field_label

    line = msg("kbpp.conflict", code="5203", year=2023, name=field_label("deliveries"),
               first="300", first_where="a.xlsx", other="310", other_where="b.csv")
    assert line.render("id") == "5203 2023: jumlah persalinan bernilai 300 di a.xlsx tetapi " \
                                "310 di b.csv"
    assert line.render("en") == "5203 2023: deliveries is 300 in a.xlsx but 310 in b.csv"
    suntik = msg("kbpp.conflict", code="5203", year=2023, name=field_label("kbpp_suntik"),
                 first="3", first_where="a", other="4", other_where="b")
    assert suntik.render("id").startswith("5203 2023: peserta KBPP suntik bernilai 3")


def test_every_help_text_of_the_tree_comes_from_the_catalogue():
    # an English help text added without the catalogue would stay English in Indonesian
    from kbanalysis.cli._lang import _HELP

    def texts(command):
        found = [command.help] + [p.help for p in command.params if getattr(p, "help", None)]
        for sub in getattr(command, "commands", {}).values():
            found += texts(sub)
        return [t for t in found if t]

    tree = typer.main.get_command(app)
    missing = [t for t in texts(tree) if t not in _HELP]
    assert not missing, missing


def test_the_help_paths_exist():
    assert {("data", "build"), ("template",), ("report",)} <= set(COMMAND_PATHS)
    assert Path(config.PROJ_ROOT).is_dir()


@pytest.mark.parametrize("args, indonesian, english", [
    (["report"], "Opsi '--level' wajib diisi.", "Missing option '--level'."),
    (["data", "check"], "Argumen 'FILE' wajib diisi.", "Missing argument 'FILE'."),
    (["data", "check", "--lan", "en", "x.csv"], "Opsi tidak dikenal: --lan (maksud Anda: --lang)",
     "No such option: --lan"),
    (["data", "chek"], "Perintah tidak dikenal: 'chek' (maksud Anda: check)",
     "No such command 'chek'."),
    (["template", "--rows", "0"], "Nilai tidak sah untuk '--rows': seharusnya paling sedikit 1",
     "Invalid value for '--rows': "),
    (["template", "--rows", "x"], "Nilai tidak sah untuk '--rows': seharusnya bilangan bulat",
     "Invalid value for '--rows': "),
    (["data", "build", "--kbpp", "tidak_ada.xlsx"],
     "Nilai tidak sah untuk '--kbpp': 'tidak_ada.xlsx' tidak ada", "Invalid value for '--kbpp'"),
    (["data", "summary", "--lang", "xx"],
     "Nilai tidak sah untuk '--lang': 'xx' bukan salah satu dari 'id', 'en'",
     "Invalid value for '--lang'"),
])
def test_click_usage_errors_in_both_languages(args, indonesian, english):
    shown = runner.invoke(app, args, terminal_width=200)
    assert shown.exit_code == 2 and indonesian in shown.output, shown.output
    assert "Lihat 'kbanalysis" in shown.output and "untuk bantuan" in shown.output
    shown = runner.invoke(app, ["--lang", "en", *args], terminal_width=200)
    assert shown.exit_code == 2 and english in shown.output, shown.output


def test_fit_without_its_table(tmp_path):
    missing = tmp_path / "tidak_ada.csv"
    indonesian = runner.invoke(app, ["fit", "--table", str(missing), "--out", str(tmp_path / "r")])
    assert indonesian.exit_code == 1
    assert indonesian.stderr.startswith(f"Tabel analisis tidak ada di {missing}: bangun dengan ")
    assert_indonesian(indonesian.stderr)
    english = runner.invoke(app, ["--lang", "en", "fit", "--table", str(missing)])
    assert english.exit_code == 1 and english.stderr.startswith(f"No analysis table at {missing}")
    assert_english(english.stderr)
    assert not (tmp_path / "r").exists()
