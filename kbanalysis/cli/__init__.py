"""The ``kbanalysis`` command line.

Each command group is a module of this package with a ``typer.Typer`` called ``app``; the
group's name is the module's name. To add one (e.g. ``kbanalysis fit ...``), write
``kbanalysis/cli/fit.py`` and add ``"fit"`` to ``GROUPS``.

The root group turns the errors a user fixes, not a programmer, into one line on stderr
and exit code 1: bad input (``InputError``) and a file that cannot be read or written
(``OSError``: read-only folder, full disk, file-size limit). ``--debug`` shows the traceback
instead. Ctrl-C and SIGTERM stop any command with one line (exit 130 / 143); the writes in
progress are abandoned whole (see ``kbanalysis.atomic``).

Everything printed, ``--help`` included, is Indonesian unless ``--lang en`` (before the
command or on it) or ``KBANALYSIS_LANG=en`` (see ``kbanalysis.cli._lang``).
"""
from __future__ import annotations

import importlib
import signal
import sys

import typer
from typer.core import TyperGroup

from .. import __version__
from ..ledger import InputError
from ..messages import default_lang, msg, render
from ._lang import (
    RUN_DEBUG,
    RUN_LANG,
    Lang,
    UsageError,
    help_text,
    lang_from_args,
    localize,
    usage_error,
)

GROUPS = ("data", "fit", "report", "template", "office")


class Terminated(BaseException):
    """SIGTERM arrived: unwind like Ctrl-C, so every ``finally`` (workers, staging files) runs."""


def _raise_terminated(signum, frame) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second SIGTERM must not interrupt cleanup
    raise Terminated()


class _InputErrorsAsOneLine(TyperGroup):
    """Bad input and unwritable output are the user's to fix, not bugs: one line, exit 1.
    Chooses the language of the whole run (help texts included) before Click parses."""

    lang = "id"

    def main(self, args=None, *rest, **kwargs):
        args = list(sys.argv[1:] if args is None else args)
        self.lang = lang_from_args(args) or default_lang()
        localize(self, self.lang)
        token = RUN_LANG.set(self.lang)
        try:
            return super().main(args, *rest, **kwargs)
        finally:
            RUN_LANG.reset(token)

    def parse_args(self, ctx, args):
        try:
            return super().parse_args(ctx, args)
        except UsageError as error:  # the root's own options
            raise usage_error(error, self.lang) from None

    def invoke(self, ctx: typer.Context):
        debug = bool(ctx.params.get("debug"))
        lang = self.lang
        token = RUN_DEBUG.set(debug)
        try:
            return super().invoke(ctx)
        except UsageError as error:  # a sub-command's options, parsed in here
            raise usage_error(error, lang) from None
        except InputError as error:
            if debug:
                raise
            typer.echo(error.line(lang), err=True)
            raise typer.Exit(1) from None
        except OSError as error:
            if debug:
                raise
            typer.echo(msg("cli.error", detail=os_error_line(error, lang)).render(lang), err=True)
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            typer.echo(msg("cli.interrupted").render(lang), err=True)
            raise typer.Exit(130) from None
        except Terminated:
            typer.echo(msg("cli.terminated").render(lang), err=True)
            raise typer.Exit(143) from None
        finally:
            RUN_DEBUG.reset(token)


def os_error_line(error: OSError, lang: str = "en") -> str:
    """``cannot write results/meta.json: File too large``: the file and what failed (the
    reason is the operating system's own text)."""
    from ..atomic import PendingWriteError, WriteError

    if isinstance(error, WriteError):
        return msg("cli.cannot_write", path=error.filename,
                   reason=render(error.strerror, lang)).render(lang)
    if isinstance(error, PendingWriteError):
        return f"{error.filename}: {render(error.strerror, lang)}"
    reason = error.strerror or type(error).__name__
    if error.filename is None:
        return f"{reason}: {error}" if str(error) and str(error) != reason else reason
    where = str(error.filename) + (f" -> {error.filename2}" if error.filename2 else "")
    return f"{where}: {reason}"


app = typer.Typer(
    cls=_InputErrorsAsOneLine,
    name="kbanalysis",
    help=help_text("help.root"),
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


@app.callback(help=help_text("help.root"))
def _root(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                 help=help_text("help.version")),
    debug: bool = typer.Option(False, "--debug", help=help_text("help.debug")),
    lang: Lang | None = typer.Option(None, "--lang", help=help_text("help.lang_global")),
) -> None:
    """The root options; the help text is ``help.root`` of the message catalogue."""


def main() -> None:
    """Console-script entry point (also ``python -m kbanalysis``)."""
    signal.signal(signal.SIGTERM, _raise_terminated)
    app(prog_name="kbanalysis")
