"""``kbanalysis report``: registered like every command group, it checks its codes before running."""
from __future__ import annotations

import typer
from typer.testing import CliRunner

from kbanalysis.cli import report


def root_app() -> typer.Typer:
    """The command line as the package registers groups (``app.add_typer(module.app, name=...)``)."""
    root = typer.Typer()

    @root.callback()
    def _root() -> None:
        """root"""

    root.add_typer(report.app, name="report")
    return root


def test_help_lists_the_options():
    result = CliRunner().invoke(root_app(), ["report", "--help"])
    assert result.exit_code == 0
    for option in ("--level", "--province", "--only", "--all", "--lang", "--jobs", "--force"):
        assert option in result.output


def test_unknown_code_stops_before_any_report(tmp_path):
    result = CliRunner().invoke(root_app(), ["report", "--level", "regency", "--only", "3599",
                                             "--out", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 2
    assert "unknown regency '3599'" in result.output and "closest" in result.output
    assert not (tmp_path / "index.html").exists()


def test_regency_level_needs_a_selection(tmp_path):
    result = CliRunner().invoke(root_app(), ["report", "--level", "regency", "--out", str(tmp_path)])
    assert result.exit_code == 2 and "--province" in result.output


def test_relative_folders_reach_the_kernels_as_absolute_paths(tmp_path, monkeypatch):
    # Kernels run in the templates' folder: a relative --data would point nowhere there.
    from types import SimpleNamespace

    from kbanalysis.reporting import batch

    (tmp_path / "sim" / "processed").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    seen = {}

    def plan(level, **options):
        seen["extra"] = options["extra"]
        return []

    def run_batch(jobs, **options):
        seen.update(options)
        return SimpleNamespace(built=[], skipped=[], failed={}, seconds=0.0, index=None)

    monkeypatch.setattr(batch, "plan", plan)
    monkeypatch.setattr(batch, "run_batch", run_batch)
    CliRunner().invoke(root_app(), ["report", "--level", "national", "--data", "sim/processed",
                                    "--results", "sim/results", "--out", "sim/reports"])
    assert seen["extra"] == {"processed_dir": str(tmp_path / "sim" / "processed"),
                             "results_dir": str(tmp_path / "sim" / "results")}
    assert seen["processed_dir"] == tmp_path / "sim" / "processed"
    assert seen["reports_dir"] == tmp_path / "sim" / "reports"
