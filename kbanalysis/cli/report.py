"""``kbanalysis report``: make the HTML reports (national, province, regency) in batch.

Examples::

    kbanalysis report --level all                       # everything, Bahasa Indonesia
    kbanalysis report --level regency --province 35     # every regency of Jawa Timur
    kbanalysis report --level regency --only 3205,3273 --lang en
    kbanalysis report --level regency --only "3205 3273" --only 5301
    kbanalysis report --level province --all --jobs 2

Reports go to ``reports/`` (``reports/index.html`` lists them). Unchanged reports are skipped;
a failing report does not stop the others, and the command exits 1 if any failed. An unknown
code among ``--only`` codes is such a failure (listed in the index); when every code is
unknown nothing runs and the exit code is 2. A page that cannot be written (full disk,
read-only folder) stops the batch with one line and exit code 1; Ctrl-C or SIGTERM stop every
worker and kernel (see ``kbanalysis.reporting.batch``). A worker that dies (killed, out of
memory) fails only the report it was making; the others go on. Two batches may write into
the same ``--out`` at once: the manifest and the index keep the entries of both.
"""
from __future__ import annotations

import os
from pathlib import Path

import typer

from ..messages import msg
from ._lang import Lang, cli_lang, help_text

app = typer.Typer(help=help_text("help.report"), add_completion=False)

LEVELS_HELP = help_text("help.report.level")


@app.callback(invoke_without_command=True, help=help_text("help.report"))
def report(
    level: str = typer.Option(..., "--level", help=LEVELS_HELP),
    province: str | None = typer.Option(
        None, "--province", help=help_text("help.report.province")),
    only: list[str] | None = typer.Option(
        None, "--only", help=help_text("help.report.only")),
    all_: bool = typer.Option(False, "--all", help=help_text("help.report.all")),
    lang: Lang | None = typer.Option(None, "--lang", help=help_text("help.report.lang")),
    jobs: int | None = typer.Option(None, "--jobs", min=1, help=help_text("help.report.jobs")),
    force: bool = typer.Option(False, "--force", help=help_text("help.report.force")),
    out: Path | None = typer.Option(None, "--out", file_okay=False,
                                    help=help_text("help.report.out")),
    data: Path | None = typer.Option(None, "--data", exists=True, file_okay=False,
                                     help=help_text("help.report.data")),
    results: Path | None = typer.Option(None, "--results", file_okay=False,
                                        help=help_text("help.report.results")),
    quiet: bool = typer.Option(False, "--quiet", help=help_text("help.report.quiet")),
    contact: str | None = typer.Option(None, "--contact", help=help_text("help.report.contact")),
) -> None:
    """Run the report templates through papermill and write self-contained HTML."""
    from ..messages import render
    from ..reporting import batch
    from ..reporting.params import ParameterError

    lang = cli_lang(lang)
    # Report kernels run in the templates' folder, not here: hand them absolute paths.
    data, results, out = (None if p is None else p.resolve() for p in (data, results, out))
    extra = {k: str(v) for k, v in (("processed_dir", data), ("results_dir", results)) if v is not None}
    try:
        jobs_list = batch.plan(level.strip().lower(), province=province, only=only or (), all_=all_,
                               lang=lang, extra=extra)
    except (ParameterError, FileNotFoundError) as error:
        detail = error.args[0] if isinstance(error, ParameterError) and error.args else error
        typer.echo(msg("cli.error", detail=render(detail, lang)).render(lang), err=True)
        raise typer.Exit(2) from None
    if contact is not None:  # the kernels inherit it; the fingerprints include it
        os.environ[batch.config.REPORT_CONTACT_ENV] = " ".join(contact.split())
    summary = batch.run_batch(jobs_list, reports_dir=out, workers=jobs, force=force,
                              progress=not quiet, processed_dir=data, results_dir=results,
                              lang=lang)
    reports_dir = out if out is not None else batch.config.REPORTS_DIR
    typer.echo(msg("cli.report_summary", built=len(summary.built), skipped=len(summary.skipped),
                   failed=len(summary.failed), seconds=round(float(summary.seconds), 1),
                   index=Path(reports_dir) / "index.html").render(lang))
    for key, error in summary.failed.items():
        # the error is the failing notebook's own text (a traceback's last line)
        typer.echo(msg("cli.report_failed", key=key,
                       error=render(error, lang).splitlines()[0] if error else "").render(lang),
                   err=True)
    if summary.failed:
        raise typer.Exit(1)
