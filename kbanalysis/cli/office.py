"""``kbanalysis office``: an office's own KBPP files, built, fitted and reported in its workspace.

What ``make run KBPP="..."`` runs. The three steps are the ordinary commands, pointed at the
workspace named in :mod:`kbanalysis.config` (``LOCAL_PROCESSED_DIR``, ``LOCAL_RESULTS_DIR``,
``LOCAL_REPORTS_DIR``, ignored by git)::

    kbanalysis data build --kbpp FILE ... --out data/local/processed
    kbanalysis fit --table data/local/processed/analysis.csv --out data/local/results
    kbanalysis report --level all --data data/local/processed --results data/local/results --out reports/local

so the committed tables and results are never rewritten (``make test`` passes after it) and
running ``make run`` without files is the default again. The fit pools the office's
regencies (their own KBPP year) with the published ones (:mod:`kbanalysis.models.spec`);
after it one line says how the model differs from the committed one ("model: 35 → 36
kabupaten/kota, 2 provinsi ..."). A step that fails stops the run with its exit code.
"""
from __future__ import annotations

import shlex
from pathlib import Path

import click
import typer

from .. import config
from ..messages import msg
from ._lang import cli_lang, help_text
from .data import CODE_SYSTEM_HELP, LANG_HELP, NO_RAW_DIR, REGENCY_HELP, CodeSystem, Lang

app = typer.Typer(help=help_text("help.office"), add_completion=False)


def _run(args: list[str]) -> int:
    """Run one ``kbanalysis`` command in this process; its exit code."""
    from . import app as root
    from ._lang import RUN_DEBUG

    debug = RUN_DEBUG.get()
    command = typer.main.get_command(root)
    try:
        code = command.main([*(["--debug"] if debug else []), *args], prog_name="kbanalysis",
                            standalone_mode=False)
    except click.ClickException as error:  # a bad option, e.g. in --fit-args
        error.show()
        return error.exit_code
    return code if isinstance(code, int) else 0


def steps(kbpp: list[Path], *, build: list[str] = (), fit_args: str = "", only=(),
          jobs: int | None = None, lang: str = "id", build_only: bool = False
          ) -> list[list[str]]:
    """The commands of one office run (arguments of ``kbanalysis``)."""
    from ..workspace import local

    ws = local()
    files = [a for path in kbpp for a in ("--kbpp", str(path))]
    out = [["data", "build", *files, *build, "--out", str(ws.processed), "--lang", lang]]
    if build_only:
        return out
    out.append(["fit", "--quiet", "--lang", lang, "--table", str(ws.analysis),
                "--out", str(ws.results), *shlex.split(fit_args)])
    level = ["--level", "regency", *(a for code in only for a in ("--only", code))] if only \
        else ["--level", "all"]
    out.append(["report", *level, "--data", str(ws.processed), "--results", str(ws.results),
                "--out", str(ws.reports), "--lang", lang,
                *(["--jobs", str(jobs)] if jobs else [])])
    return out


def _say_model_change(results_dir: Path, lang: str) -> None:
    """Print how the workspace model differs from the committed default's."""
    import json

    from ..workspace import model_change

    try:
        default = json.loads((config.RESULTS_DIR / "meta.json").read_text(encoding="utf-8"))
        local = json.loads((Path(results_dir) / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    for line in model_change(default, local):
        typer.echo(line.render(lang))


@app.callback(invoke_without_command=True, help=help_text("help.office"))
def office(
    kbpp: list[Path] = typer.Option(
        ..., "--kbpp", exists=True, dir_okay=False,
        help=help_text("help.office.kbpp")),
    code_system: CodeSystem | None = typer.Option(
        None, "--code-system", help=CODE_SYSTEM_HELP.format(files="the --kbpp files")),
    allow_rejects: bool = typer.Option(
        False, "--allow-rejects", help=help_text("help.office.allow_rejects")),
    sheet: str | None = typer.Option(
        None, "--sheet", help=help_text("help.build.sheet")),
    regency: str | None = typer.Option(
        None, "--regency", help=REGENCY_HELP.format(files="--kbpp file")),
    fit_args: str = typer.Option(
        "", "--fit-args",
        help=help_text("help.office.fit_args")),
    only: list[str] | None = typer.Option(
        None, "--only", help=help_text("help.office.only")),
    jobs: int | None = typer.Option(None, "--jobs", min=1,
                                    help=help_text("help.office.jobs")),
    build_only: bool = typer.Option(False, "--build-only",
                                    help=help_text("help.office.build_only")),
    lang: Lang | None = typer.Option(None, "--lang", help=LANG_HELP),
) -> None:
    """Build the tables with your files, fit the models and write the reports, all in the
    workspace (data/local/, reports/local/); data/processed/ and results/ are not changed."""
    from ..workspace import local, shown

    lang = cli_lang(lang)
    raw_dir = config.default_raw_dir()
    if raw_dir is None or not Path(raw_dir).is_dir():
        typer.echo(msg("office.no_raw").render(lang), err=True)
        typer.echo(NO_RAW_DIR.render(lang), err=True)
        raise typer.Exit(2)
    ws = local()
    names = ", ".join(path.name for path in kbpp)
    typer.echo(msg("office.start", files=names, processed=shown(ws.processed),
                   results=shown(ws.results), reports=shown(ws.reports)).render(lang))
    build = [*(["--code-system", code_system.value] if code_system else []),
             *(["--allow-rejects"] if allow_rejects else []),
             *(["--sheet", sheet] if sheet else []), *(["--regency", regency] if regency else [])]
    for args in steps(kbpp, build=build, fit_args=fit_args, only=only or (), jobs=jobs,
                      lang=lang, build_only=build_only):
        code = _run(args)
        if code:
            typer.echo(msg("office.step_failed", command=" ".join(args[:2 if args[0] == "data" else 1]),
                           code=code)
                       .render(lang), err=True)
            raise typer.Exit(code)
        if args[0] == "fit":
            _say_model_change(ws.results, lang)
    if not build_only:
        typer.echo(msg("office.done", index=shown(ws.reports / "index.html"), files=names,
                       workspace=shown(config.LOCAL_DIR), reports=shown(ws.reports))
                   .render(lang))
