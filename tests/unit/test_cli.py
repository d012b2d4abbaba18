"""The `kbanalysis` command line: help everywhere, exit codes, output formats."""
from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace

import pandas as pd
import pytest
import typer
from typer.core import TyperGroup
from typer.testing import CliRunner

import kbanalysis
from kbanalysis import config
from kbanalysis.cli import app
from kbanalysis.cli.data import summary_lines, year_ranges
from kbanalysis.ledger import InputError

runner = CliRunner()


def _command_paths(command, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = [path]
    if isinstance(command, TyperGroup):
        for name, sub in sorted(command.commands.items()):
            paths += _command_paths(sub, (*path, name))
    return paths


COMMAND_PATHS = _command_paths(typer.main.get_command(app))


def test_command_tree_has_the_data_commands():
    # Guards the parametrised help test below against walking an empty tree.
    assert {("data",), ("data", "build"), ("data", "check"), ("data", "summary")} <= set(
        COMMAND_PATHS)


@pytest.mark.parametrize("path", COMMAND_PATHS, ids=lambda p: " ".join(p) or "kbanalysis")
def test_help_works_on_every_command(path):
    result = runner.invoke(app, [*path, "--help"], prog_name="kbanalysis")
    assert result.exit_code == 0, result.output
    assert "Usage: kbanalysis" in result.output
    assert " ".join(path) in result.output


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"kbanalysis {kbanalysis.__version__}\n"


def test_python_dash_m_runs_the_same_cli():
    done = subprocess.run([sys.executable, "-m", "kbanalysis", "--version"], cwd=config.PROJ_ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"kbanalysis {kbanalysis.__version__}\n"


# --- data build ---------------------------------------------------------------------------

def test_build_without_raw_folder_explains_how_to_get_one(monkeypatch):
    monkeypatch.setattr(config, "default_raw_dir", lambda: None)
    result = runner.invoke(app, ["data", "build", "--lang", "en"])
    assert result.exit_code == 2
    assert "No raw data folder found" in result.stderr
    assert "--raw" in result.stderr and config.RAW_DIR_ENV in result.stderr
    assert "data/SOURCES.md" in result.stderr


def _built(sources=()):
    kbpp = pd.DataFrame({"bps_code": ["3328"] * len(sources), "source": list(sources)})
    return SimpleNamespace(counts=lambda: [{"source_id": "jabar_od_17148", "file": "x.csv",
                                            "read": 297, "kept": 295, "rejected": 2}],
                           kbpp=kbpp, rejects=pd.DataFrame(columns=["file", "reason"]))


def test_build_passes_its_options_through_and_prints_counts(monkeypatch, tmp_path):
    import kbanalysis.dataset

    calls = []

    def fake_build(raw_dir, out_dir, seed, kbpp_files, **options):
        calls.append((raw_dir, out_dir, seed, kbpp_files, options))
        return _built() if options["simulate"] or not kbpp_files else \
            _built([f.name for f in kbpp_files])

    monkeypatch.setattr(kbanalysis.dataset, "build", fake_build)
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    result = runner.invoke(app, ["data", "build", "--raw", str(raw), "--out", str(out),
                                 "--seed", "7", "--simulate", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert calls[-1][:4] == (raw, out, 7, []) and calls[-1][4]["simulate"] is True
    assert "KBPP: SIMULATED" in result.stdout
    files = [tmp_path / "a.xlsx", tmp_path / "b.csv"]
    for f in files:
        f.write_text("x")
    result = runner.invoke(app, ["data", "build", "--raw", str(raw), "--out", str(out),
                                 "--kbpp", str(files[0]), "--kbpp", str(files[1]), "--sheet",
                                 "Tabel 39", "--allow-rejects", "--regency", "3506",
                                 "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert calls[-1][:4] == (raw, out, config.SEED, files)
    assert calls[-1][4] | {"code_system": None} == {
        "simulate": False, "code_system": None, "allow_kbpp_rejects": True,
        "kbpp_sheet": "Tabel 39", "kbpp_region": "3506"}
    assert "KBPP: real, 1 regencies, from a.xlsx; b.csv" in result.stdout
    counts_line = next(line for line in result.stdout.splitlines() if "jabar_od_17148" in line)
    assert counts_line.split() == ["jabar_od_17148", "297", "295", "2"]


def test_build_defaults_to_the_found_raw_folder_and_the_processed_dir(monkeypatch, tmp_path):
    import kbanalysis.dataset

    calls = []
    monkeypatch.setattr(config, "default_raw_dir", lambda: tmp_path)
    monkeypatch.setattr(kbanalysis.dataset, "build",
                        lambda raw_dir, out_dir, seed, kbpp_files, **options:
                        calls.append((raw_dir, out_dir, options["simulate"])) or _built())
    result = runner.invoke(app, ["data", "build", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "KBPP: no real KBPP data" in result.stdout
    result = runner.invoke(app, ["data", "build", "--simulate"])
    assert result.exit_code == 0, result.output
    # The real default goes to data/processed/; the demonstration never does.
    assert calls == [(tmp_path, config.PROCESSED_DIR, False),
                     (tmp_path, config.SIMULATED_PROCESSED_DIR, True)]


def test_input_error_is_one_line_on_stderr_and_exit_1(monkeypatch, tmp_path):
    import kbanalysis.dataset

    error = InputError("x.csv", 4, "tahun", "a year between 2000 and 2035", "20x4")

    def broken_build(raw_dir, out_dir, seed, kbpp_files, **options):
        raise error

    monkeypatch.setattr(kbanalysis.dataset, "build", broken_build)
    result = runner.invoke(app, ["data", "build", "--raw", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr == error.line() + "\n"
    assert "Traceback" not in result.output


# --- data check ---------------------------------------------------------------------------

JABAR_HEADER = ("id,kode_provinsi,nama_provinsi,kode_kabupaten_kota,nama_kabupaten_kota,"
                "persentase_balita_stunting,satuan,tahun")
# The file name is the portal's own download name (see data/SOURCES.md).
JABAR_NAME = "dinkes-od_17148_persentase_balita_stunting__kabupatenkota_v3_data.csv"


def _jabar_file(folder, stunting_of_sukabumi: str):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / JABAR_NAME
    path.write_text("\n".join([
        JABAR_HEADER,
        "1,32,JAWA BARAT,3201,KABUPATEN BOGOR,9.04,PERSEN,2014",
        f"2,32,JAWA BARAT,3202,KABUPATEN SUKABUMI,{stunting_of_sukabumi},PERSEN,2014",
        "3,32,JAWA BARAT,3203,KABUPATEN CIANJUR,14.33,PERSEN,2014",
    ]) + "\n", encoding="utf-8")
    return path


def test_check_names_row_and_column_of_a_bad_number(tmp_path):
    bad = _jabar_file(tmp_path, "12.2a")
    result = runner.invoke(app, ["data", "check", "--lang", "en", str(bad)])
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    # Sukabumi is on line 3 of the file (the header is line 1).
    assert len(lines) == 2, result.stdout
    assert JABAR_NAME in lines[0] and "row 3" in lines[0]
    assert "persentase_balita_stunting" in lines[0] and "12.2a" in lines[0]
    assert lines[1].startswith("1 problem: ") and JABAR_NAME in lines[1]


def test_check_of_a_clean_file_says_ok_and_exits_0(tmp_path):
    good = _jabar_file(tmp_path, "12.21")
    result = runner.invoke(app, ["data", "check", str(good)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"OK: {good} (")


def test_check_of_several_files_fails_if_any_has_a_problem(tmp_path):
    good = _jabar_file(tmp_path / "good", "12.21")
    bad = _jabar_file(tmp_path / "bad", "12.2a")
    result = runner.invoke(app, ["data", "check", "--lang", "en", str(good), str(bad)])
    assert result.exit_code == 1
    assert f"OK: {good} (" in result.stdout
    assert result.stdout.splitlines()[-1].startswith(f"1 problem: {bad}")


def test_check_of_a_missing_file_exits_2(tmp_path):
    missing = tmp_path / "nowhere.csv"
    result = runner.invoke(app, ["data", "check", "--lang", "en", str(missing)])
    assert result.exit_code == 2
    assert result.stderr == f"No such file: {missing}\n"
    result = runner.invoke(app, ["data", "check", str(missing)])  # Indonesian by default
    assert result.exit_code == 2
    assert result.stderr == f"Berkas tidak ditemukan: {missing}\n"


# --- data summary -------------------------------------------------------------------------

def test_summary_of_the_committed_tables_says_kbpp_is_real_and_where():
    result = runner.invoke(app, ["data", "summary", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Regencies: 514 of 514, in 38 of 38 provinces" in result.stdout
    # The published Jawa Tengah 2021 coverage: 35 kab/kota, nothing simulated.
    assert "KBPP layer: administrative data for all 35 rows (none simulated)" in result.stdout
    assert "stunting_survey_pct" in result.stdout and "stunting_weighing_pct" in result.stdout
    kinds = next(line for line in result.stdout.splitlines()
                 if line.split()[:1] == ["kbpp_coverage_pct"] and "administrative" not in line)
    # official, secondary, administrative, simulated, none
    assert kinds.split()[1:] == ["0", "0", "35", "0", "479"]


def _analysis(kbpp_measure_types):
    n = len(kbpp_measure_types)
    return pd.DataFrame({
        "bps_code": ["3201", "3201", "3202", "9101"][:n],
        "year": [2023, 2024, 2024, 2024][:n],
        "province_bps": ["32", "32", "32", "91"][:n],
        "latitude": [-6.5] * n,
        "stunting_survey_pct": [None, 25.0, 30.0, None][:n],
        "stunting_weighing_pct": [8.0, 7.0, None, None][:n],
        "kbpp_coverage_pct": [40.0, 41.0, 50.0, 20.0][:n],
        "kbpp_measure_type": kbpp_measure_types,
        "kbpp_source": ["simulated: kbanalysis.simulate.kbpp seed=1" if t == "simulated"
                        else "profil_kesehatan_2024.xlsx" for t in kbpp_measure_types],
    })


REJECTS = pd.DataFrame({"reason": ["out_of_range", "missing_value", "missing_value",
                                   "duplicate"]})


def test_summary_lines_count_coverage_indicators_and_rejects():
    lines = summary_lines(_analysis(["simulated"] * 4), REJECTS, n_regencies=514,
                          n_provinces=38, lang="en")
    text = "\n".join(lines)
    assert "Regencies: 3 of 514, in 2 of 38 provinces" in text
    assert "Years: 2023-2024" in text
    survey = next(line for line in lines if "stunting_survey_pct" in line).split()
    assert survey == ["stunting_survey_pct", "survey", "2", "2024"]
    weighing = next(line for line in lines if "stunting_weighing_pct" in line).split()
    assert weighing == ["stunting_weighing_pct", "routine_weighing", "2", "2023-2024"]
    kbpp = next(line for line in lines if line.strip().startswith("kbpp_coverage_pct")).split()
    assert kbpp[:3] == ["kbpp_coverage_pct", "simulated", "4"]
    assert not any(line.strip().startswith("latitude") for line in lines)
    # Most frequent reason first, ties alphabetical.
    reasons = [line.split()[0] for line in lines[lines.index("Rejected input values/rows: 4") + 1:]
               if line.startswith("  ")]
    assert reasons == ["missing_value", "duplicate", "out_of_range"]


def test_summary_flags_a_simulated_kbpp_layer_and_only_then():
    simulated = summary_lines(_analysis(["simulated"] * 4), REJECTS, 514, 38, lang="en")[-1]
    assert simulated.startswith("KBPP layer: SIMULATED for all 4 rows")
    assert "not real data" in simulated
    mixed = summary_lines(_analysis(["simulated", "simulated", "administrative",
                                     "administrative"]), REJECTS, 514, 38, lang="en")[-1]
    assert mixed.startswith("KBPP layer: SIMULATED for 2 of 4 rows")
    real = summary_lines(_analysis(["administrative"] * 4), REJECTS, 514, 38, lang="en")
    assert "SIMULATED" not in "\n".join(real)
    assert real[-1] == "KBPP layer: administrative data for all 4 rows (none simulated)"


@pytest.mark.parametrize("years, expected", [
    ([2014, 2015, 2016, 2019, 2024, 2025], "2014-2016, 2019, 2024-2025"),
    ([2024, 2024, 2023], "2023-2024"),
    ([2019], "2019"),
    ([], "-"),
])
def test_year_ranges(years, expected):
    assert year_ranges(pd.Series(years, dtype="float64")) == expected


def test_debug_reaches_the_data_commands(tmp_path):
    """``kbanalysis --debug`` shows the traceback behind a data command's one-line error (the
    flag is read from the run, not from Click's context: Typer runs its own copy of Click)."""
    unknown = tmp_path / "not_kbpp.csv"
    unknown.write_text("x\n1\n", encoding="utf-8")
    args = ["data", "build", "--kbpp", str(unknown), "--out", str(tmp_path / "out")]
    plain = runner.invoke(app, args)
    assert plain.exit_code == 1
    assert "not_kbpp.csv" in plain.output and "Traceback" not in plain.output
    debug = runner.invoke(app, ["--debug", *args])
    assert isinstance(debug.exception, InputError), debug.output
    assert not (tmp_path / "out").exists()
