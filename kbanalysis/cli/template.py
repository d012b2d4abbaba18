"""``kbanalysis template``: a fill-in KBPP workbook for a province or a district office."""
from __future__ import annotations

from pathlib import Path

import typer

from .. import config
from ..messages import msg
from ._lang import cli_lang, help_text
from .data import LANG_HELP, Lang

app = typer.Typer(help=help_text("help.template"), add_completion=False)


def _usage_error(message, lang: str):
    """One line naming the option and what it needs, in the user's language (exit 2, as
    Click's own usage errors)."""
    typer.echo(message.render(lang), err=True)
    return typer.Exit(2)


@app.callback(invoke_without_command=True, help=help_text("help.template"))
def template(
    province: str | None = typer.Option(
        None, "--province", help=help_text("help.template.province")),
    regency: str | None = typer.Option(
        None, "--regency", help=help_text("help.template.regency")),
    year: int | None = typer.Option(
        None, "--year", help=help_text("help.template.year")),
    rows: int = typer.Option(
        30, "--rows", min=1, max=500,
        help=help_text("help.template.rows")),
    out: Path | None = typer.Option(
        None, "--out", dir_okay=True,
        help=help_text("help.template.out")),
    force: bool = typer.Option(
        False, "--force",
        help=help_text("help.template.force")),
    lang: Lang | None = typer.Option(None, "--lang", help=LANG_HELP),
) -> None:
    """Write the workbook: the KBPP table to fill and a sheet of instructions (Bahasa
    Indonesia). A filled workbook goes to `kbanalysis data check FILE`, then
    `make run KBPP=FILE`."""
    from .. import templates as TP

    lang = cli_lang(lang)
    if (province is None) == (regency is None):
        raise _usage_error(msg("cli.template_one_of"), lang)
    year = TP.default_year() if year is None else year
    if not 2000 <= year <= 2100:
        raise _usage_error(msg("cli.template_year", year=year), lang)
    try:
        spec = (TP.province_spec(province, year) if province is not None
                else TP.district_spec(regency, year, rows))
    except KeyError:
        option, code = ("--province", province) if province is not None else ("--regency", regency)
        what = msg("cli.template_province" if province is not None else "cli.template_regency")
        raise _usage_error(msg("cli.template_unknown_code", option=option, code=code, what=what,
                               regions=config.REGIONS_CSV.name), lang) from None
    if out is None:
        target = config.REPORTS_DIR / TP.TEMPLATES_SUBDIR / TP.file_name(spec)
    elif out.is_dir() or out.suffix.lower() != ".xlsx":
        if out.exists() and not out.is_dir():
            raise _usage_error(msg("cli.template_out", path=str(out)), lang)
        target = out / TP.file_name(spec)
    else:
        target = out
    try:
        TP.write_template(spec, target, overwrite=force)
    except TP.TemplateExists:
        typer.echo(msg("cli.template_exists", path=target).render(lang), err=True)
        raise typer.Exit(1) from None
    for line in next_steps(target, lang):
        typer.echo(line)


def next_steps(target: Path, lang: str) -> list[str]:
    """What the office does with the written file: its real path, then the two commands,
    run from the project folder (a path inside the project is written relative to it)."""
    import shlex

    from ..workspace import shown

    path = shown(target)
    # make splits KBPP on spaces, so the make line quotes for the shell only
    return [msg("cli.template_written", path=path).render(lang),
            msg("cli.template_next").render(lang),
            f"  .venv/bin/kbanalysis data check {shlex.quote(path)}",
            f'  make run KBPP="{path}"']
