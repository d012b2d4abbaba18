"""The ``kbanalysis`` command line.

Each command group is a module of this package with a ``typer.Typer`` called ``app``; the
group's name is the module's name. To add one (e.g. ``kbanalysis fit ...``), write
``kbanalysis/cli/fit.py`` and add ``"fit"`` to ``GROUPS``.

The root group turns the errors a user fixes, not a programmer, into one line on stderr
and exit code 1: bad input (``InputError``) and a file that cannot be read or written
(``OSError``: read-only folder, full disk, file-size limit). ``--debug`` shows the traceback
instead. Ctrl-C and SIGTERM stop any command with one line (exit 130 / 143); the writes in
progress are abandoned whole (see ``kbanalysis.atomic``).
"""
from __future__ import annotations

import importlib
import signal

import typer
from typer.core import TyperGroup

from .. import __version__
from ..ledger import InputError

GROUPS = ("data", "fit", "report", "template", "office")


class Terminated(BaseException):
    """SIGTERM arrived: unwind like Ctrl-C, so every ``finally`` (workers, staging files) runs."""


def _raise_terminated(signum, frame) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second SIGTERM must not interrupt cleanup
    raise Terminated()


class _InputErrorsAsOneLine(TyperGroup):
    """Bad input and unwritable output are the user's to fix, not bugs: one line, exit 1."""

    def invoke(self, ctx: typer.Context):
        debug = bool(ctx.params.get("debug"))
        try:
            return super().invoke(ctx)
        except InputError as error:
            if debug:
                raise
            typer.echo(error.line(), err=True)
            raise typer.Exit(1) from None
        except OSError as error:
            if debug:
                raise
            typer.echo(f"error: {os_error_line(error)}", err=True)
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            typer.echo("interrupted (Ctrl-C): stopped; finished files are kept, none is "
                       "half-written", err=True)
            raise typer.Exit(130) from None
        except Terminated:
            typer.echo("terminated (SIGTERM): stopped; finished files are kept, none is "
                       "half-written", err=True)
            raise typer.Exit(143) from None


def os_error_line(error: OSError) -> str:
    """``cannot write results/meta.json: File too large``: the file and what failed."""
    from ..atomic import PendingWriteError, WriteError

    if isinstance(error, (WriteError, PendingWriteError)):
        return str(error)
    reason = error.strerror or type(error).__name__
    if error.filename is None:
        return f"{reason}: {error}" if str(error) and str(error) != reason else reason
    where = str(error.filename) + (f" -> {error.filename2}" if error.filename2 else "")
    return f"{where}: {reason}"


app = typer.Typer(
    cls=_InputErrorsAsOneLine,
    name="kbanalysis",
    help="KB pasca persalinan (KBPP) and child stunting across Indonesia's kabupaten/kota.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,  # a bug's traceback must not dump data frames
)

for _group in GROUPS:
    app.add_typer(importlib.import_module(f"{__name__}.{_group}").app, name=_group)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"kbanalysis {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                 help="Print the version and exit."),
    debug: bool = typer.Option(False, "--debug",
                               help="Show the traceback of an input or file error instead of "
                                    "its one-line message."),
) -> None:
    """KB pasca persalinan (KBPP) and child stunting across Indonesia's kabupaten/kota.

    Start with `kbanalysis data summary`.
    """


def main() -> None:
    """Console-script entry point (also ``python -m kbanalysis``)."""
    signal.signal(signal.SIGTERM, _raise_terminated)
    app(prog_name="kbanalysis")
