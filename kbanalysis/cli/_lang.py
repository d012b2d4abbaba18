"""The language of everything the command line prints, ``--help`` included.

Indonesian unless ``--lang en`` (before the command, or on the command) or the environment
variable ``KBANALYSIS_LANG=en`` says otherwise. Typer fixes help texts when the command tree
is built, so every help text is a catalogue message made with :func:`help_text`, stored in
English, and :func:`localize` rewrites the tree into the chosen language each time the root
command starts (it reads ``--lang`` from the arguments before Click parses them).
"""
from __future__ import annotations

import re
from contextvars import ContextVar
from enum import Enum

try:  # Typer vendors its own Click: its commands, contexts and errors are of that copy
    from typer._click import core, exceptions
except ImportError:  # an older Typer on the ordinary Click
    from click import core, exceptions

from ..messages import Msg, default_lang, msg

UsageError = exceptions.UsageError

_HELP: dict[str, Msg] = {}  # English help text -> its message, for localize


class Lang(str, Enum):
    """The language of what a command prints (``--lang``)."""

    id = "id"
    en = "en"


def help_text(key: str, /, **params) -> Msg:
    """The help text ``key`` of the catalogue (English until :func:`localize` runs)."""
    text = msg(key, **params)
    _HELP[str(text)] = text
    return text


def lang_from_args(args) -> str | None:
    """The last ``--lang X`` / ``--lang=X`` of ``args`` that names a language, if any."""
    found = None
    args = list(args)
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else \
            arg.partition("=")[2] if arg.startswith("--lang=") else None
        if value in (Lang.id.value, Lang.en.value):
            found = value
    return found


# The language of the run in progress, from its arguments (set by the root command).
RUN_LANG: ContextVar[str | None] = ContextVar("kbanalysis_run_lang", default=None)
# ``kbanalysis --debug`` for the command being run. A context variable, not Click's current
# context: Typer runs its own copy of Click, whose context the ``click`` package cannot see.
RUN_DEBUG: ContextVar[bool] = ContextVar("kbanalysis_run_debug", default=False)


def cli_lang(option: Lang | str | None = None) -> str:
    """A command's language: its own ``--lang``, else the root's ``--lang``, else
    ``KBANALYSIS_LANG``, else Indonesian."""
    if option:
        return Lang(option).value
    return RUN_LANG.get() or default_lang()


def localize(command: core.Command, lang: str) -> None:
    """Every help text of ``command`` and its sub-commands in ``lang``, and the frame that
    Typer's help and error panels print around them."""
    _frame(lang)
    _localize(command, lang)


def _text(value, lang: str):
    found = _HELP.get(str(value)) if value is not None else None
    if found is None:  # already localized: look the text up in either language
        found = next((m for m in _HELP.values() if value is not None
                      and value in (m.render("id"), m.render("en"))), None)
    return found.render(lang) if found is not None else value


def _localize(command: core.Command, lang: str) -> None:
    command.help = _text(command.help, lang)
    command.options_metavar = msg("help.options_metavar").render(lang)
    if getattr(command, "subcommand_metavar", None):
        command.subcommand_metavar = msg("help.subcommand_metavar").render(lang)
    command.short_help = _text(command.short_help, lang)
    helper = command.get_help_option(core.Context(command, info_name=command.name))
    if helper is not None:
        helper.help = msg("help.help_option").render(lang)
    for param in command.params:
        if getattr(param, "help", None) is not None:
            param.help = _text(param.help, lang)
    for sub in getattr(command, "commands", {}).values():
        _localize(sub, lang)


def _frame(lang: str) -> None:
    from typer import rich_utils

    for name, key in (("OPTIONS_PANEL_TITLE", "help.panel_options"),
                      ("ARGUMENTS_PANEL_TITLE", "help.panel_arguments"),
                      ("COMMANDS_PANEL_TITLE", "help.panel_commands"),
                      ("ERRORS_PANEL_TITLE", "help.panel_error"),
                      ("DEFAULT_STRING", "help.default"),
                      ("REQUIRED_LONG_STRING", "help.required"),
                      ("ABORTED_TEXT", "help.aborted"),
                      ("RICH_HELP", "help.try_help")):
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, msg(key).render(lang))


def _hint(param) -> str:
    """How Click names a parameter in an error: '--level', 'FILE'."""
    if getattr(param, "param_type_name", "") == "argument":
        return repr(param.metavar or param.name.upper())
    return " / ".join(repr(o) for o in getattr(param, "opts", ())) or repr(param.name)


# Why Click and Typer refuse a value, in their English: the catalogue's key for each.
_REASONS = [
    (r"(?:path|file|dir|directory) ('.*') does not exist\.?", "cli.reason_not_exist"),
    (r"file ('.*') is a directory\.?", "cli.reason_is_folder"),
    (r"(?:dir|directory) ('.*') is a file\.?", "cli.reason_is_file"),
    (r"Input should be a valid integer.*", "cli.reason_integer"),
    (r"Input should be greater than or equal to (\S+)", "cli.reason_at_least"),
    (r"Input should be less than or equal to (\S+)", "cli.reason_at_most"),
    (r"(?:Value error, )?('.*') is not one of (.*?)\.?", "cli.reason_not_one_of"),
]


def _reason(text: str):
    """A refused value's reason as a catalogue message, or Click's text as it is."""
    for pattern, key in _REASONS:
        found = re.fullmatch(pattern, str(text).strip(), flags=re.I | re.S)
        if found:
            return msg(key, **dict(zip(("value", "other"), found.groups())))
    return text


def usage_error(error: UsageError, lang: str) -> UsageError:
    """Click's own usage error in ``lang``: a missing or unknown option, a bad value (the
    reason a value is refused, from Click's types, is quoted as Click gives it)."""
    if lang == "en":
        return error
    param = getattr(error, "param", None)
    if isinstance(error, exceptions.MissingParameter) and param is not None:
        key = "cli.usage_missing_argument" if param.param_type_name == "argument" \
            else "cli.usage_missing_option"
        text = msg(key, name=error.param_hint or _hint(param))
    elif isinstance(error, exceptions.NoSuchOption):
        close = ", ".join(error.possibilities or ())
        text = msg("cli.usage_no_such_option", name=error.option_name,
                   hint=msg("cli.usage_did_you_mean", names=close) if close else "")
    elif isinstance(error, exceptions.BadParameter):
        name = error.param_hint or (_hint(param) if param is not None else "")
        text = msg("cli.usage_bad_value", name=name, reason=_reason(error.message))
    elif found := re.fullmatch(r"No such command '(.*)'\.(?: Did you mean '(.*)'\?)?",
                               error.message):  # Click says only this, in English
        text = msg("cli.usage_no_such_command", name=found[1],
                   hint=msg("cli.usage_did_you_mean", names=found[2]) if found[2] else "")
    else:
        return error
    return UsageError(text.render(lang), ctx=error.ctx)
