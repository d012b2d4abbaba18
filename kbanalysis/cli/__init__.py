"""The ``kbanalysis`` command line.

Each command group is a module of this package with a ``typer.Typer`` called ``app``; the
group's name is the module's name. To add one (e.g. ``kbanalysis fit ...``), write
``kbanalysis/cli/fit.py`` and add ``"fit"`` to ``GROUPS``.
"""
from __future__ import annotations

import importlib

import typer
from typer.core import TyperGroup

from .. import __version__
from ..ledger import InputError

GROUPS = ("data", "fit", "report")


class _InputErrorsAsOneLine(TyperGroup):
    """Bad input is the user's to fix, not a bug: print its one line, exit 1, no traceback."""

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except InputError as error:
            typer.echo(error.line(), err=True)
            raise typer.Exit(1) from None


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
) -> None:
    """KB pasca persalinan (KBPP) and child stunting across Indonesia's kabupaten/kota.

    Start with `kbanalysis data summary`.
    """


def main() -> None:
    """Console-script entry point (also ``python -m kbanalysis``)."""
    app(prog_name="kbanalysis")
