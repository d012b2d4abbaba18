"""The estimation layer's and the Python API's errors are Indonesian by default and English
with ``KBANALYSIS_LANG=en`` (``--lang en`` on the command line), from the one catalogue; in
Python they name function arguments (``exposure_year=``), on the command line options."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from test_cli_language import assert_english, assert_indonesian, words
from typer.testing import CliRunner

import kbanalysis
import kbanalysis as kb
from kbanalysis.cli import app
from kbanalysis.messages import LANG_ENV, Msg
from kbanalysis.messages.models import MODELS
from kbanalysis.models import Spec, SpecificationError, prepare
from kbanalysis.simulate.synthetic import synthetic_table

# Three regencies of one synthetic province, outcome 2024 and exposure 2023: far fewer than
# the 10 complete rows any regression needs.
TOO_FEW_ID = ("hanya 3 baris lengkap untuk luaran 2024, paparan 2023 (perlu sedikitnya 10 "
              "untuk regresi apa pun)")
TOO_FEW_EN = ("only 3 complete row(s) for outcome 2024, exposure 2023 (need at least 10 for "
              "any regression)")
# An exposure measured in the outcome year only (2024): no earlier year to take it from.
NO_EARLIER_ID = ("tidak ada poverty_pct pada tahun mana pun sebelum tahun luaran 2024; "
                 "poverty_pct berisi nilai pada 2024: sebutkan tahunnya dengan {option} "
                 "(tahun luaran itu sendiri juga boleh)")
NO_EARLIER_EN = ("no poverty_pct in any year before the outcome year 2024; poverty_pct has "
                 "values in 2024: name the year with {option} (the outcome year itself is "
                 "allowed)")


@pytest.fixture(autouse=True)
def _no_language_setting(monkeypatch):
    monkeypatch.delenv(LANG_ENV, raising=False)


@pytest.fixture(scope="module")
def tiny():
    world = synthetic_table(seed=1, years=range(2023, 2025), lag=1)
    return world.loc[world["bps_code"].isin(["0101", "0102", "0103"])].copy()


@pytest.fixture(scope="module")
def one_year():
    return synthetic_table(seed=1)  # every column in 2024 only


def _fit_error(data, **options) -> kb.FitError:
    with pytest.raises(kb.FitError) as caught:
        kb.fit(data, draws=999, sensitivity=False, **options)
    assert isinstance(caught.value, SpecificationError) and isinstance(caught.value, ValueError)
    return caught.value


def test_a_fit_on_three_rows_says_so_in_indonesian_by_default(tiny):
    error = _fit_error(tiny)
    assert str(error) == TOO_FEW_ID
    assert error.render("en") == TOO_FEW_EN  # any language on request


def test_the_same_fit_in_english_with_the_setting(tiny, monkeypatch):
    monkeypatch.setenv(LANG_ENV, "en")
    error = _fit_error(tiny)
    assert str(error) == TOO_FEW_EN
    assert error.render("id") == TOO_FEW_ID


def test_python_names_exposure_year_and_the_command_line_its_option(one_year, monkeypatch):
    error = _fit_error(one_year, exposure="poverty_pct", covariates=None)
    assert str(error) == NO_EARLIER_ID.format(option="exposure_year=")
    assert "--" not in str(error)
    # what `kbanalysis fit` shows: the option, in the language the command renders
    assert isinstance(error.cli_message, Msg)
    assert error.cli_message.render("id") == NO_EARLIER_ID.format(option="--exposure-year")
    assert error.cli_message.render("en") == NO_EARLIER_EN.format(option="--exposure-year")
    monkeypatch.setenv(LANG_ENV, "en")
    assert str(error) == NO_EARLIER_EN.format(option="exposure_year=")


def test_simulated_data_is_named_for_python_in_both_languages(one_year, monkeypatch):
    # The KBPP exposure has no year before 2024 in this world: the hint names the option
    # `--simulate` on the command line and the build command in Python.
    error = _fit_error(one_year)
    assert str(error).endswith("atau pakai data simulasi (kbanalysis data build --simulate)")
    assert error.cli_message.render("id").endswith("atau pakai data `--simulate`")
    monkeypatch.setenv(LANG_ENV, "en")
    assert str(error).endswith("or use simulated data (kbanalysis data build --simulate)")
    assert error.cli_message.render("en").endswith("or use `--simulate` data")


def test_a_specification_error_keeps_its_message(monkeypatch):
    table = synthetic_table(n_provinces=12, regencies_per_province=(4, 8), seed=7)
    with pytest.raises(SpecificationError) as caught:
        prepare(table, Spec(year=2024, covariates=("poverty_pc",)))
    error = caught.value
    assert isinstance(error.message, Msg)
    assert str(error) == ("kolom tidak ada di tabel analisis: 'poverty_pc' "
                          "(maksud Anda 'poverty_pct'?)")
    monkeypatch.setenv(LANG_ENV, "en")
    assert str(error) == ("missing column(s) in the analysis table: 'poverty_pc' "
                          "(did you mean 'poverty_pct'?)")
    # An error raised with plain text keeps that text, in any language.
    assert str(SpecificationError("as written")) == "as written"
    assert SpecificationError("as written").render("id") == "as written"


def test_api_argument_errors_in_both_languages(one_year, monkeypatch):
    assert str(_fit_error(one_year, covariates=3)) == (
        "covariates= menerima satu nama kolom atau daftar nama kolom, ditemukan 3")
    assert str(_fit_error(3)) == ("data= menerima tabel analisis (sebuah DataFrame, misalnya "
                                  "kb.load()), ditemukan int")
    monkeypatch.setenv(LANG_ENV, "en")
    assert str(_fit_error(one_year, covariates=3)) == (
        "covariates= takes a column name or a list of column names, got 3")


def test_load_without_a_table_says_so_in_the_default_language(tmp_path, monkeypatch):
    with pytest.raises(FileNotFoundError) as caught:
        kb.load(tmp_path)
    target = tmp_path / "analysis.csv"
    assert str(caught.value) == (f"tidak ada tabel analisis di {target}: bangun dengan "
                                 f"`kbanalysis data build`, atau berikan load(path=...)")
    monkeypatch.setenv(LANG_ENV, "en")
    assert str(caught.value).startswith(f"no analysis table at {target}: build it with ")


def test_the_command_line_prints_indonesian_then_english_with_lang_en(tiny, one_year, tmp_path):
    runner = CliRunner()
    path = tmp_path / "analysis.csv"
    tiny.to_csv(path, index=False)
    indonesian = runner.invoke(app, ["fit", "--table", str(path), "--out", str(tmp_path / "a")])
    assert indonesian.exit_code == 1
    assert indonesian.stderr == f"kesalahan: {TOO_FEW_ID}\n"
    assert_indonesian(indonesian.stderr)
    english = runner.invoke(app, ["fit", "--table", str(path), "--out", str(tmp_path / "b"),
                                  "--lang", "en"])
    assert english.exit_code == 1 and english.stderr == f"error: {TOO_FEW_EN}\n"
    assert_english(english.stderr)
    # The command line names its option, not the Python argument.
    one_year.to_csv(path, index=False)
    option = runner.invoke(app, ["fit", "--table", str(path), "--exposure", "poverty_pct",
                                 "--covariates", "", "--out", str(tmp_path / "c")])
    assert option.exit_code == 1
    assert option.stderr == "kesalahan: " + NO_EARLIER_ID.format(option="--exposure-year") + "\n"
    assert not any((tmp_path / name).exists() for name in "abc")


def _prose(text: str) -> set[str]:
    """The words of a message, without its placeholders and the arguments it names."""
    return words(re.sub(r"\{[^{}]*\}|\b\w+=", " ", text))


def test_every_model_message_has_both_languages_and_indonesian_words():
    assert MODELS and all(key.startswith(("model.", "api.")) for key in MODELS)
    for key, texts in MODELS.items():
        assert set(texts) == {"id", "en"} and texts["id"].strip() and texts["en"].strip(), key
        if _prose(texts["en"]):
            assert texts["id"] != texts["en"], key
            assert_indonesian(re.sub(r"\{[^{}]*\}|\b\w+=", " ", texts["id"]))
            assert_english(re.sub(r"\{[^{}]*\}|\b\w+=", " ", texts["en"]))


def test_the_prose_filter_sees_words():
    # guards the check above against a filter that drops everything
    assert _prose("only {n} cluster(s) in {column!r}; use cluster='auto'") == {
        "only", "cluster", "s", "in", "use"}
    assert _prose("province={item}: {detail}") == set()


def _free_text_errors(tree: ast.AST):
    """(line, error) of every SpecificationError or FitError raised with a text literal or an
    f-string where a catalogue message belongs."""
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in ("SpecificationError", "FitError") and node.args):
            first = node.args[0]
            if isinstance(first, (ast.JoinedStr, ast.BinOp)) or (
                    isinstance(first, ast.Constant) and isinstance(first.value, str)):
                yield node.lineno, node.func.id


def test_no_model_or_api_error_is_written_as_free_text():
    package = Path(kbanalysis.__file__).parent
    found = [f"{path.relative_to(package)}:{line}: {name}"
             for path in sorted(package.rglob("*.py"))
             for line, name in _free_text_errors(ast.parse(path.read_text("utf-8")))]
    assert found == [], found
    planted = 'raise SpecificationError(f"x {y}")\nraise FitError("z")\nFitError(msg("k"))\n'
    assert [line for line, _ in _free_text_errors(ast.parse(planted))] == [1, 2]
