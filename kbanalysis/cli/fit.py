"""``kbanalysis fit``: run the estimator suite; write ``estimates.csv``, ``meta.json``, ``predictions.csv``.

With no options: the latest survey stunting year is the outcome; every regency with real
KBPP 1-3 years before it enters with its own latest such year (all real KBPP is pooled, the
lag of each is stated), or, when none has one there, the latest real KBPP year before the
outcome. Regencies from several provinces get province fixed effects, and the number of
provinces chooses the inference (:mod:`kbanalysis.models.pooled`); one province: HC3 by
regency below 10 clusters.

A specification the data cannot support (missing or constant column, collinearity, too few
clusters or rows, outcome outside 0-100, no real exposure before the outcome year) is
reported as one line on stderr with exit code 1 and nothing written, like bad input
elsewhere in the command line.
"""
from __future__ import annotations

from pathlib import Path

import typer

from .. import config
from ..messages import msg
from ._lang import Lang, cli_lang, help_text
from .data import LANG_HELP

app = typer.Typer(help=help_text("help.fit"), add_completion=False)

_DEFAULT_COVARIATES = "poverty_pct,births_outside_facility_pct,first_birth_before_20_pct"


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _tidy_beside(table: Path | None, lang: str = "id"):
    """The tidy table for the province-level design: beside ``--table``, else the default;
    None when there is none. A file without the tidy table's columns is refused (exit 1)."""
    import csv

    from ..dataset import load_tidy
    from ..indicators import TIDY_COLUMNS
    path = config.TIDY_CSV if table is None else Path(table).with_name(config.TIDY_CSV.name)
    if not path.is_file():
        return None
    with open(path, encoding="utf-8", errors="replace", newline="") as handle:
        header = next(csv.reader(handle), [])
    missing = [c for c in TIDY_COLUMNS if c not in header]
    if missing:
        typer.echo(msg("cli.error", detail=msg(
            "cli.fit_tidy_header", path=path, missing=", ".join(missing),
            columns=", ".join(TIDY_COLUMNS))).render(lang), err=True)
        raise typer.Exit(1)
    return load_tidy(path)


@app.callback(invoke_without_command=True, help=help_text("help.fit"))
def fit(
    outcome: str = typer.Option("stunting_survey_pct", "--outcome",
                                help=help_text("help.fit.outcome")),
    exposure: str = typer.Option("kbpp_coverage_pct", "--exposure",
                                 help=help_text("help.fit.exposure")),
    covariates: str = typer.Option(_DEFAULT_COVARIATES, "--covariates",
                                   help=help_text("help.fit.covariates")),
    weights: str = typer.Option("auto", "--weights",
                                help=help_text("help.fit.weights")),
    cluster: str = typer.Option("auto", "--cluster",
                                help=help_text("help.fit.cluster")),
    outcome_year: int | None = typer.Option(
        None, "--outcome-year", help=help_text("help.fit.outcome_year")),
    exposure_year: int | None = typer.Option(
        None, "--exposure-year",
        help=help_text("help.fit.exposure_year")),
    year: int | None = typer.Option(None, "--year",
                                    help=help_text("help.fit.year")),
    seed: int = typer.Option(config.SEED, "--seed", help=help_text("help.fit.seed")),
    draws: int = typer.Option(9999, "--draws", help=help_text("help.fit.draws")),
    bootstrap_weights: str = typer.Option("rademacher", "--bootstrap-weights",
                                          help=help_text("help.fit.bootstrap_weights")),
    table: Path | None = typer.Option(
        None, "--table", dir_okay=False,
        help=help_text("help.fit.table")),
    synthetic: bool = typer.Option(
        False, "--synthetic",
        help=help_text("help.fit.synthetic")),
    out: Path | None = typer.Option(None, "--out", file_okay=False,
                                    help=help_text("help.fit.out")),
    quiet: bool = typer.Option(False, "--quiet", help=help_text("help.fit.quiet")),
    province_effects: str = typer.Option(
        "auto", "--province-effects",
        help=help_text("help.fit.province_effects")),
    lang: Lang | None = typer.Option(None, "--lang", help=LANG_HELP),
) -> None:
    """Fit every model of the suite; write DIR/estimates.csv, meta.json and predictions.csv."""
    lang = cli_lang(lang)
    if synthetic:
        from ..simulate.synthetic import drawn_years, synthetic_table
        frame = synthetic_table(seed=seed)
        if year is None and outcome_year is None and exposure_year is None:
            # The years it was drawn with, passed explicitly: the models never guess them.
            outcome_year, exposure_year = drawn_years(frame).values()
    else:
        from ..dataset import load_analysis
        path = table if table is not None else config.ANALYSIS_CSV
        if not Path(path).is_file():
            typer.echo(msg("cli.fit_no_table", path=path).render(lang), err=True)
            raise typer.Exit(1)
        frame = load_analysis(Path(path))
    tidy = None if synthetic else _tidy_beside(table, lang)
    from ..api import FitError
    from ..api import fit as fit_api  # the one entry point of the CLI, notebooks and Python
    try:
        results = fit_api(frame, outcome=outcome, exposure=exposure,
                          covariates=_split(covariates), weights=weights, cluster=cluster,
                          year=year, outcome_year=outcome_year, exposure_year=exposure_year,
                          seed=seed, draws=draws, bootstrap_weights=bootstrap_weights,
                          tidy=tidy, province_effects=province_effects).suite
    except FitError as error:
        typer.echo(msg("cli.error", detail=error.cli_message).render(lang), err=True)
        raise typer.Exit(1) from None
    out_dir = out if out is not None else config.RESULTS_DIR
    written = results.write(out_dir)
    if not quiet:
        typer.echo(results.summary(lang).text)
    from ..research.suite_display import secondary_outcome, secondary_sentence
    secondary, n = secondary_outcome(results)
    if secondary and secondary == n:  # said even with --quiet: the outcome is no survey table
        typer.echo(secondary_sentence(results, secondary, n))
    typer.echo(msg("cli.fit_wrote", files=", ".join(str(p) for p in written),
                   simulated=msg("cli.fit_simulated") if results.simulated else "")
               .render(lang))
