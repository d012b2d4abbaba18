"""``kbanalysis template``: a fill-in KBPP workbook for a province or a district office."""
from __future__ import annotations

from pathlib import Path

import typer

from .. import config
from ..messages import msg
from .data import LANG_HELP, Lang

app = typer.Typer(help="Write a fill-in KBPP workbook (Profil Kesehatan table layout).",
                  add_completion=False)


@app.callback(invoke_without_command=True)
def template(
    province: str | None = typer.Option(
        None, "--province", help="BPS province code (63 = Kalimantan Selatan): one row per "
                                 "kabupaten/kota, names and codes filled in."),
    regency: str | None = typer.Option(
        None, "--regency", help="BPS regency code (6371 = Kota Banjarmasin): blank puskesmas "
                                "rows for a district office."),
    year: int | None = typer.Option(
        None, "--year", help="Year of the figures, in the title. Default: last year."),
    rows: int = typer.Option(
        30, "--rows", min=1, max=500,
        help="Blank puskesmas rows of a district template (the office can insert more)."),
    out: Path | None = typer.Option(
        None, "--out", dir_okay=True,
        help="File (.xlsx) or folder to write to. Default: reports/templates/ with a name "
             "from the region and the year."),
    force: bool = typer.Option(
        False, "--force",
        help="Replace an existing file of the same name (it may hold an office's figures)."),
    lang: Lang = typer.Option(Lang.id, "--lang", help=LANG_HELP),
) -> None:
    """Write the workbook: the KBPP table to fill and a sheet of instructions (Bahasa
    Indonesia). A filled workbook goes to `kbanalysis data check FILE`, then
    `make run KBPP=FILE`."""
    from .. import templates as TP

    if (province is None) == (regency is None):
        raise typer.BadParameter("give exactly one of --province CODE or --regency CODE",
                                 param_hint="--province / --regency")
    year = TP.default_year() if year is None else year
    if not 2000 <= year <= 2100:
        raise typer.BadParameter(f"a year between 2000 and 2100, got {year}", param_hint="--year")
    try:
        spec = (TP.province_spec(province, year) if province is not None
                else TP.district_spec(regency, year, rows))
    except KeyError:
        option, code = ("--province", province) if province is not None else ("--regency", regency)
        what = "province (2 digits, e.g. 63)" if province is not None else \
            "kabupaten/kota (4 digits, e.g. 6371)"
        raise typer.BadParameter(f"{code!r} is not the BPS code of a {what}; "
                                 f"{config.REGIONS_CSV.name} lists them",
                                 param_hint=option) from None
    if out is None:
        target = config.REPORTS_DIR / TP.TEMPLATES_SUBDIR / TP.file_name(spec)
    elif out.is_dir() or out.suffix.lower() != ".xlsx":
        if out.exists() and not out.is_dir():
            raise typer.BadParameter(f"a folder or a file ending in .xlsx, got {str(out)!r}",
                                     param_hint="--out")
        target = out / TP.file_name(spec)
    else:
        target = out
    try:
        TP.write_template(spec, target, overwrite=force)
    except TP.TemplateExists:
        typer.echo(msg("cli.template_exists", path=target).render(lang.value), err=True)
        raise typer.Exit(1) from None
    for line in next_steps(target, lang.value):
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
