"""Checks of report parameters, run first in every template and by the batch planner.

A wrong code should stop a report before it computes anything, with a message that names
the closest valid codes, so a typo (``3599``) is fixed at once (``3509 Kabupaten Jember``).
"""
from __future__ import annotations

import difflib
import re

import pandas as pd

from ..messages import LANGS, msg
from ..regions import name_key, split_prefix

LEVELS = ("national", "province", "regency")


# Papermill writes the parameters it is given (``-p name value``) into a cell it adds after
# the notebook's "parameters" cell, starting with this comment, and never checks the names.
PAPERMILL_CELL_MARK = "# Parameters"


class ParameterError(ValueError):
    """A report parameter that is not valid; ``candidates`` holds the closest valid values."""

    def __init__(self, message: str, candidates: list[str] | None = None):
        self.candidates = candidates or []
        super().__init__(message)


def check_lang(lang) -> str:
    text = str(lang).strip().lower()
    if text not in LANGS:
        raise ParameterError(msg("param.unknown_lang", lang=lang, langs=", ".join(LANGS)),
                             list(LANGS))
    return text


def check_level(level) -> str:
    text = str(level).strip().lower()
    if text not in LEVELS:
        close = difflib.get_close_matches(text, LEVELS, n=1, cutoff=0.3)
        raise ParameterError(msg("param.unknown_level", level=level, levels=", ".join(LEVELS)),
                             close)
    return text


def check_province(code, provinces: pd.DataFrame) -> str:
    """The 2-digit BPS province code ``code`` (digits, or a province name), or ParameterError."""
    names = dict(zip(provinces["province_bps"].astype(str), provinces["province_name"]))
    return _check_code(code, names, width=2, what="province")


def check_regency(code, regions: pd.DataFrame) -> str:
    """The 4-digit BPS regency code ``code`` (digits, or a regency name), or ParameterError."""
    names = {c: f"{n}, {p}" for c, n, p in
             zip(regions["bps_code"].astype(str), regions["name"], regions["province_name"])}
    return _check_code(code, names, width=4, what="regency")


def _check_code(code, names: dict[str, str], width: int, what: str) -> str:
    text = "" if code is None else str(code).strip()
    digits = re.sub(r"\D", "", text)
    if text and digits == text.replace(".", ""):  # a code, perhaps dotted ("32.05")
        plain = digits.zfill(width) if len(digits) < width else digits
        if plain in names:
            return plain
        close = closest_codes(plain, names)
    else:  # a name: accept it only when it names exactly one region
        kind, key = split_prefix(text)[0], name_key(text) if text else ""
        exact = [c for c, n in names.items() if name_key(n.split(",")[0]) == key
                 and kind in (None, split_prefix(n.split(",")[0])[0])]
        if len(exact) == 1:
            return exact[0]
        by_key = {name_key(n.split(",")[0]): c for c, n in names.items()}
        close = exact or [by_key[k] for k in difflib.get_close_matches(key, list(by_key), n=3, cutoff=0.5)]
    shown = ", ".join(f"{c} {names[c]}" for c in close)
    raise ParameterError(msg("param.unknown_code", what=msg(f"param.what_{what}"), code=text,
                             width=width, closest=msg("param.closest", codes=shown)
                             if shown else ""), close)


def closest_codes(code: str, names: dict[str, str], n: int = 3) -> list[str]:
    """Codes that look most like ``code``: same leading digits first, then by similarity."""
    codes = sorted(names)

    def score(candidate: str) -> tuple:
        prefix = len(_common_prefix(candidate, code))
        ratio = difflib.SequenceMatcher(None, candidate, code).ratio()
        return (-prefix, -ratio, candidate)

    return sorted(codes, key=score)[:n]


def _common_prefix(a: str, b: str) -> str:
    out = []
    for x, y in zip(a, b):
        if x != y:
            break
        out.append(x)
    return "".join(out)


def _assigned(source: str) -> list[str]:
    """The names a cell's top-level assignments set (none for a cell that does not parse)."""
    import ast

    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    return [target.id for node in tree.body if isinstance(node, ast.Assign)
            for target in node.targets if isinstance(target, ast.Name)]


def injected_parameters(shell=None) -> tuple[list[str], list[str] | None]:
    """(the names papermill's injected-parameters cell set in this kernel, the names the
    notebook's own parameters cell declares: the cell run just before it, None when papermill
    found no such cell). ([], None) outside a kernel or when papermill injected nothing (a
    notebook opened in JupyterLab)."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return [], None
        shell = get_ipython()
    if shell is None:
        return [], None
    history = [s for s in (getattr(shell, "user_ns", {}).get("In") or [])
               if isinstance(s, str) and s.strip()]
    for k, source in enumerate(history):
        if source.lstrip().startswith(PAPERMILL_CELL_MARK):
            declared = _assigned(history[k - 1]) if k > 0 else None
            return list(dict.fromkeys(_assigned(source))), declared or None
    return [], None


def check_injected(declared, shell=None) -> None:
    """Stop when papermill set a parameter this notebook does not declare (``-p outcom_year
    2022`` would otherwise run silently on the defaults), naming the closest declared one.
    The declared names are those of the notebook's parameters cell; ``declared`` (the
    parameters of the function the notebook calls first) when that cell cannot be told."""
    from ..messages import msg

    injected, own = injected_parameters(shell)
    declared = own or list(declared)
    unknown = [name for name in injected if name not in declared]
    if not unknown:
        return
    parts, closest = [], []
    for name in unknown:
        close = difflib.get_close_matches(name, declared, n=1, cutoff=0.6)
        closest += close
        parts.append(msg("param.unknown", name=name,
                         hint=msg("param.did_you_mean", name=close[0]) if close else "",
                         names=", ".join(declared)))
    # The research notebooks speak English, the office's reader Indonesian: say it in both.
    raise ParameterError(" / ".join("; ".join(p.render(lang) for p in parts)
                                    for lang in ("id", "en")), closest)
