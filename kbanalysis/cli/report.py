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

app = typer.Typer(help="Make the HTML reports (papermill templates, in parallel, incremental).",
                  add_completion=False)

LEVELS_HELP = "national, province, regency, or all (national + every province + every regency)"


@app.callback(invoke_without_command=True)
def report(
    level: str = typer.Option(..., "--level", help=LEVELS_HELP),
    province: str | None = typer.Option(
        None, "--province", help="BPS province code: that province's report, or with --level "
                                 "regency all its regencies."),
    only: list[str] | None = typer.Option(
        None, "--only", help="Only these BPS codes: separate them by spaces or commas, or repeat "
                             "the option. An unknown code is listed as failed; the others run."),
    all_: bool = typer.Option(False, "--all", help="Every province / every regency."),
    lang: str = typer.Option("id", "--lang", help="id (Bahasa Indonesia) or en."),
    jobs: int | None = typer.Option(None, "--jobs", min=1, help="Parallel workers. Default: all cores."),
    force: bool = typer.Option(False, "--force", help="Rebuild even unchanged reports."),
    out: Path | None = typer.Option(None, "--out", file_okay=False,
                                    help="Reports folder. Default: reports/."),
    data: Path | None = typer.Option(None, "--data", exists=True, file_okay=False,
                                     help="Processed tables. Default: data/processed/."),
    results: Path | None = typer.Option(None, "--results", file_okay=False,
                                        help="Model results of `kbanalysis fit`. Default: results/."),
    quiet: bool = typer.Option(False, "--quiet", help="No progress bar."),
    contact: str | None = typer.Option(
        None, "--contact", help="Who produced the reports and receives filled templates (a name, an "
                                "office, an address): named on every page. Default: a neutral sentence."),
) -> None:
    """Run the report templates through papermill and write self-contained HTML."""
    from ..reporting import batch
    from ..reporting.params import ParameterError

    # Report kernels run in the templates' folder, not here: hand them absolute paths.
    data, results, out = (None if p is None else p.resolve() for p in (data, results, out))
    extra = {k: str(v) for k, v in (("processed_dir", data), ("results_dir", results)) if v is not None}
    try:
        jobs_list = batch.plan(level.strip().lower(), province=province, only=only or (), all_=all_,
                               lang=lang, extra=extra)
    except (ParameterError, FileNotFoundError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    if contact is not None:  # the kernels inherit it; the fingerprints include it
        os.environ[batch.config.REPORT_CONTACT_ENV] = " ".join(contact.split())
    summary = batch.run_batch(jobs_list, reports_dir=out, workers=jobs, force=force,
                              progress=not quiet, processed_dir=data, results_dir=results)
    reports_dir = out if out is not None else batch.config.REPORTS_DIR
    typer.echo(f"{len(summary.built)} built, {len(summary.skipped)} unchanged, "
               f"{len(summary.failed)} failed in {summary.seconds:.1f} s; "
               f"index: {Path(reports_dir) / 'index.html'}")
    for key, error in summary.failed.items():
        typer.echo(f"FAILED {key}: {error.splitlines()[0] if error else ''}", err=True)
    if summary.failed:
        raise typer.Exit(1)
