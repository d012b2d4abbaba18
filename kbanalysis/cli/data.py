"""``kbanalysis data ...``: rebuild the processed tables, check a raw file, summarise the tables.

The data modules are imported inside each command, so ``--help`` stays fast and works even
when one of them is broken.
"""
from __future__ import annotations

from enum import Enum
from pathlib import Path

import pandas as pd
import typer

from .. import config
from ..availability import kind_counts, load_availability, year_ranges
from ..indicators import INDICATORS
from ..ledger import InputError
from ..messages import msg
from ._lang import Lang, cli_lang, help_text

app = typer.Typer(help=help_text("help.data"), no_args_is_help=True)

NO_RAW_DIR = msg("cli.no_raw_dir", env=config.RAW_DIR_ENV)

# Coordinates are columns of the analysis table but describe the place, not an indicator.
_NOT_INDICATORS = {"latitude", "longitude"}


class CodeSystem(str, Enum):
    """The system of a file's regency codes (``--code-system``)."""

    bps = "bps"
    kemendagri = "kemendagri"


__all__ = ["Lang"]  # re-exported: the other command groups take it from here

LANG_HELP = help_text("help.lang")


def _debug() -> bool:
    """``kbanalysis --debug``: show tracebacks instead of one-line messages."""
    from ._lang import RUN_DEBUG

    return RUN_DEBUG.get()


class _HelpTemplate:
    """A help text naming the files it is about: ``.format(files="the --kbpp files")``."""

    _FILES = {"the --kbpp files": "help.files.kbpp_files", "the files": "help.files.files",
              "--kbpp file": "help.files.kbpp_file", "file": "help.files.file"}

    def __init__(self, key: str):
        self.key = key

    def format(self, files: str):
        return help_text(self.key, files=msg(self._FILES[files]) if files in self._FILES
                         else files)


CODE_SYSTEM_HELP = _HelpTemplate("help.code_system")
REGENCY_HELP = _HelpTemplate("help.regency")


@app.command(help=help_text("help.build"))
def build(
    raw: Path | None = typer.Option(
        None, "--raw", exists=True, file_okay=False, dir_okay=True,
        help=help_text("help.build.raw")),
    out: Path | None = typer.Option(
        None, "--out", file_okay=False,
        help=help_text("help.build.out")),
    seed: int = typer.Option(config.SEED, "--seed",
                             help=help_text("help.build.seed")),
    kbpp: list[Path] = typer.Option(
        [], "--kbpp", exists=True, dir_okay=True,  # a folder gets our own message below
        help=help_text("help.build.kbpp")),
    simulate: bool = typer.Option(
        False, "--simulate",
        help=help_text("help.build.simulate")),
    code_system: CodeSystem | None = typer.Option(
        None, "--code-system", help=CODE_SYSTEM_HELP.format(files="the --kbpp files")),
    allow_rejects: bool = typer.Option(
        False, "--allow-rejects",
        help=help_text("help.build.allow_rejects")),
    sheet: str | None = typer.Option(
        None, "--sheet", help=help_text("help.build.sheet")),
    regency: str | None = typer.Option(
        None, "--regency", help=REGENCY_HELP.format(files="--kbpp file")),
    lang: Lang | None = typer.Option(None, "--lang", help=LANG_HELP),
) -> None:
    """Read the raw files and write tidy, rejects, KBPP and analysis tables."""
    lang = cli_lang(lang)
    folders = [path for path in kbpp if path.is_dir()]
    for path in folders:
        typer.echo(msg("cli.is_folder", path=path).render(lang), err=True)
    if folders:
        raise typer.Exit(2)
    raw_dir = raw if raw is not None else config.default_raw_dir()
    if raw_dir is None or not Path(raw_dir).is_dir():
        if raw_dir is not None:  # only $KBANALYSIS_RAW_DIR can name a folder that is not there
            typer.echo(msg("cli.raw_env_not_folder", env=config.RAW_DIR_ENV,
                           path=raw_dir).render(lang), err=True)
        typer.echo(NO_RAW_DIR.render(lang), err=True)
        raise typer.Exit(2)
    default_out = config.SIMULATED_PROCESSED_DIR if simulate else config.PROCESSED_DIR
    out_dir = out if out is not None else default_out

    from .. import dataset
    from ..sources.kbpp_import import KbppRejected, note_lines

    try:
        result = dataset.build(Path(raw_dir), Path(out_dir), seed=seed, kbpp_files=kbpp,
                               simulate=simulate,
                               code_system=code_system.value if code_system else None,
                               allow_kbpp_rejects=allow_rejects, kbpp_sheet=sheet,
                               kbpp_region=regency)
    except KbppRejected as error:  # every problem of the user's files, then why nothing was written
        for problem in error.problems:
            typer.echo(problem.line(lang), err=True)
        typer.echo(error.line(lang), err=True)
        raise typer.Exit(1) from None
    except InputError as error:  # one line in the user's language (the root group's, in English)
        if _debug():
            raise
        typer.echo(error.line(lang), err=True)
        raise typer.Exit(1) from None
    if simulate:
        layer = msg("cli.layer_simulated", seed=seed)
    else:
        sources = sorted(result.kbpp["source"].unique())
        layer = (msg("cli.layer_real", count=result.kbpp["bps_code"].nunique(),
                     sources="; ".join(sources)) if sources else msg("cli.layer_none"))
    typer.echo(msg("cli.built", out=out_dir, raw=raw_dir, layer=layer).render(lang))
    counts = pd.DataFrame(result.counts(), columns=["source_id", "read", "kept", "rejected"])
    counts.columns = msg("cli.counts_header").render(lang).split()
    typer.echo(counts.to_string(index=False))
    # counts that a printed coverage overrode; rows not reported, one line per file
    for line in note_lines(getattr(result, "notes", []), lang):
        typer.echo(line)
    if kbpp and allow_rejects:
        published = dataset.find_kbpp_tables(Path(raw_dir)) if not simulate else []
        typer.echo(kbpp_rejects_note(result.rejects, kbpp, Path(out_dir), lang, published))


def kbpp_rejects_note(rejects: pd.DataFrame, kbpp_files: list[Path], out_dir: Path,
                      lang: str = "en", published=()) -> str:
    """What ``--allow-rejects`` left out of the user's KBPP files: regencies dropped as
    conflicting duplicates one line each, then the count of every rejected row or cell.
    ``published``: the KBPP tables read with them (files are named by ``file_labels``)."""
    from ..sources.kbpp_import import FINDINGS, file_labels

    labels = file_labels([*published, *kbpp_files])
    own = rejects[rejects["file"].isin({labels[Path(p)] for p in kbpp_files})
                  & ~rejects["reason"].isin(FINDINGS)]
    # rejects.csv holds the English detail; the note quotes it as it is.
    lines = [msg("cli.dropped_conflict", where=r.file if pd.isna(r.row) else
                 f"{r.file}, {msg('frame.row', row=r.row).render(lang)}", detail=r.detail)
             .render(lang) for r in own[own["reason"] == "conflicting_duplicate"].itertuples()]
    lines.append(msg("cli.allow_rejects_one" if len(own) == 1 else "cli.allow_rejects",
                     count=len(own), where=out_dir / config.REJECTS_CSV.name).render(lang))
    return "\n".join(lines)


@app.command(help=help_text("help.check"))
def check(
    files: list[Path] = typer.Argument(..., metavar="FILE", help=help_text("help.check.files")),
    code_system: CodeSystem | None = typer.Option(
        None, "--code-system", help=CODE_SYSTEM_HELP.format(files="the files")),
    sheet: str | None = typer.Option(
        None, "--sheet", help=help_text("help.check.sheet")),
    regency: str | None = typer.Option(
        None, "--regency", help=REGENCY_HELP.format(files="file")),
    lang: Lang | None = typer.Option(None, "--lang", help=LANG_HELP),
) -> None:
    """Check raw files without building: one line per problem, then OK or the count.

    KBPP files are checked together, with the published KBPP tables of the raw folder, as
    `data build --kbpp` combines them: what the build would reject is a problem here.
    Exit code 0 when every file is clean, 1 when any has a problem, 2 when a file is missing.
    """
    lang = cli_lang(lang)
    missing = [path for path in files if not path.is_file()]
    if missing:
        for path in missing:
            typer.echo(msg("cli.is_folder" if path.is_dir() else "cli.no_such_file",
                           path=path).render(lang), err=True)
        raise typer.Exit(2)

    from ..dataset import find_kbpp_tables
    from ..sources.check import check_files
    from ..sources.kbpp_import import NOTES, note_lines

    raw_dir = config.default_raw_dir()  # the build combines --kbpp files with its tables
    reports = check_files(files, code_system=code_system.value if code_system else None,
                          sheet=sheet, region=regency,
                          published_kbpp=find_kbpp_tables(raw_dir) if raw_dir else ())
    for report in reports:
        for problem in report.problems:
            typer.echo(problem.line(lang))
        # what the build will print too; not a problem
        for line in note_lines([n for n in report.findings if n.reason in NOTES], lang):
            typer.echo(line)
        where = dict(path=report.path, label=report.label_in(lang))
        if report.problems:
            typer.echo(msg("cli.one_problem" if len(report.problems) == 1 else "cli.problems",
                           count=len(report.problems), **where).render(lang))
        else:
            typer.echo(msg("cli.ok", **where).render(lang))
    raise typer.Exit(1 if any(r.problems for r in reports) else 0)


@app.command(help=help_text("help.summary"))
def summary(lang: Lang | None = typer.Option(None, "--lang", help=LANG_HELP)) -> None:
    """Summarise the committed tables: coverage, indicators, rejects, KBPP layer."""
    from .. import dataset
    from ..regions import load_provinces, load_regions

    lang = cli_lang(lang)
    try:
        analysis, rejects = dataset.load_analysis(), dataset.load_rejects()
    except FileNotFoundError as error:
        typer.echo(msg("cli.no_table", path=error.filename).render(lang), err=True)
        raise typer.Exit(1) from None
    lines = summary_lines(analysis, rejects, n_regencies=len(load_regions()),
                          n_provinces=len(load_provinces()), lang=lang)
    if config.AVAILABILITY_CSV.is_file():
        lines += availability_lines(load_availability(), lang)
    where = config.PROCESSED_DIR.relative_to(config.PROJ_ROOT).as_posix()
    typer.echo("\n".join([msg("cli.summary_where", where=where).render(lang), *lines]))


def availability_lines(availability: pd.DataFrame, lang: str = "id") -> list[str]:
    """Regencies with at least one value of each kind, per indicator (availability.csv)."""
    counts = kind_counts(availability)
    return [msg("cli.summary_availability", file=config.AVAILABILITY_CSV.name).render(lang),
            *("  " + line for line in counts.to_string(index=False).splitlines())]


def summary_lines(analysis: pd.DataFrame, rejects: pd.DataFrame, n_regencies: int,
                  n_provinces: int, lang: str = "id") -> list[str]:
    """The printed summary of an analysis table (data contract) and its rejects ledger.
    Indicator and reason names are the tables' column values, as they are in the files."""
    lines = [msg("cli.summary_rows", count=len(analysis)).render(lang),
             msg("cli.summary_regions", regencies=analysis["bps_code"].nunique(),
                 n_regencies=n_regencies, provinces=analysis["province_bps"].nunique(),
                 n_provinces=n_provinces).render(lang),
             msg("cli.summary_years", years=year_ranges(analysis["year"])).render(lang),
             msg("cli.summary_indicators").render(lang)]
    rows = {}  # label -> (measure type, non-missing values, years)
    for column in analysis.columns:
        if column in INDICATORS and column not in _NOT_INDICATORS:
            present = analysis[column].notna()
            rows[column] = (measure_type(analysis, column), int(present.sum()),
                            year_ranges(analysis.loc[present, "year"]))
    # The eight KBPP method counts share one line when they cover the same rows.
    methods = [f"kbpp_{m}" for m in config.KBPP_METHODS]
    if all(m in rows for m in methods) and len({rows[m] for m in methods}) == 1:
        rows = {(f"kbpp_<method> x {len(methods)}" if k == methods[0] else k): v
                for k, v in rows.items() if k not in methods[1:]}
    width = max((len(label) for label in rows), default=0)
    for label, (kind, count, years) in rows.items():
        lines.append(f"  {label:<{width}}  {kind:<16}  {count:>6}  {years}")

    lines.append(msg("cli.summary_rejects", count=len(rejects)).render(lang))
    by_reason = rejects["reason"].value_counts()
    # Most frequent first; ties in alphabetical order so the output is stable.
    for reason, count in sorted(by_reason.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"  {reason:<20}  {count:>6}")
    lines.append(kbpp_line(analysis, lang))
    return lines


def measure_type(analysis: pd.DataFrame, column: str) -> str:
    """The KBPP columns carry their measure type per row; the others take the registry's."""
    from ..dataset import KBPP_VALUE_COLUMNS

    if column in KBPP_VALUE_COLUMNS:
        kinds = analysis.loc[analysis[column].notna(), "kbpp_measure_type"].dropna().unique()
        return "/".join(sorted(kinds)) or "-"
    return INDICATORS[column].measure_type


def kbpp_line(analysis: pd.DataFrame, lang: str = "id") -> str:
    """One line that cannot be missed saying whether the KBPP layer is real."""
    kinds = analysis["kbpp_measure_type"]
    n_rows = int(kinds.notna().sum())
    if n_rows == 0:
        return msg("cli.kbpp_absent").render(lang)
    simulated = kinds == "simulated"
    n_simulated = int(simulated.sum())
    sources = ", ".join(sorted(analysis.loc[simulated, "kbpp_source"].dropna().unique()))
    if n_simulated == n_rows:
        return msg("cli.kbpp_all_simulated", count=n_rows, sources=sources).render(lang)
    if n_simulated:
        return msg("cli.kbpp_some_simulated", simulated=n_simulated, count=n_rows,
                   sources=sources).render(lang)
    return msg("cli.kbpp_real", count=n_rows).render(lang)
