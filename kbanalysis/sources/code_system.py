"""Which code system a file's regency codes are written in: BPS or Kemendagri.

A Kemendagri code written without its dot looks like a BPS code, and often is one: 164 of the
514 Kemendagri codes, undotted, are another regency's BPS code (``1109`` is Simeulue in
Kemendagri coding and Pidie in BPS coding). Reading such a file in the wrong system moves
every value to another regency without any error, so the system is read from the file
itself: from the rows whose code and name agree in one system only.

``detect_code_system`` gives:

- ``"bps"`` or ``"kemendagri"``: the rows that tell the systems apart all point to it (a
  dotted code such as ``11.09`` points to Kemendagri by its form); codes are then read in
  that system only, and a row whose code names another regency there is a mismatch;
- ``"mixed"``: some rows agree in BPS coding only and others in Kemendagri coding only, in
  different provinces (the Susenas table: BPS codes outside Papua, Kemendagri-style codes
  inside it); each row is then resolved by the system in which its own code and name agree.
  Where both kinds of rows share a province, the file is not mixed but has mistakes: the
  system more rows agree in is the file's, and the other rows become mismatches;
- ``"bps"`` too when nothing tells the systems apart but nothing needs to: every row has a
  name to check its code against, or every code names the same regency in both systems.

It raises :class:`CodeSystemUnknown` when rows without a name carry codes that name
different regencies in the two systems (or fit neither system alone), or when as many rows
agree in one system as in the other within the same provinces: the user must declare the
system (``--code-system``). ``file_code_system`` does that for a reader and turns the
refusal into an ``InputError`` naming the file and column.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..ledger import InputError
from ..messages import message_of, msg
from ..regions import CODE_SYSTEMS, RegionError, Resolver, default_resolver, looks_like_code


class CodeSystemUnknown(ValueError):
    """The file's codes cannot be read without being told their system."""


@dataclass(frozen=True)
class CodeEvidence:
    """What a file's codes and names say about its code system."""

    bps_only: int  # rows whose code and name agree in BPS coding only
    kemendagri_only: int  # ... in Kemendagri coding only
    bps_only_provinces: frozenset[str]  # BPS province codes of those rows' regencies
    kemendagri_only_provinces: frozenset[str]
    dotted: int  # codes written with the Kemendagri dot
    unnamed_bps_only: tuple[str, ...]  # codes of rows without a name: only BPS has them
    unnamed_kemendagri_only: tuple[str, ...]  # ... only Kemendagri has them
    unnamed_differ: tuple[str, ...]  # ... both have them, for different regencies


def code_evidence(codes: Sequence, names: Sequence | None = None,
                  resolver: Resolver | None = None,
                  provinces: Sequence | None = None) -> CodeEvidence:
    """Count the rows that tell the systems apart (see the module docstring).

    ``codes``, ``names`` and ``provinces`` are parallel (``names``/``provinces`` may be None).
    A name that is itself a code (``3204``) is no name to check against.
    """
    resolver = resolver or default_resolver()
    names = [""] * len(codes) if names is None else names
    provinces = [None] * len(codes) if provinces is None else provinces
    bps_only = kemendagri_only = dotted = 0
    only_bps, only_dagri, differ = set(), set(), set()
    provinces_of = {"bps": set(), "kemendagri": set()}
    province_bps = dict(zip(resolver.regencies["bps_code"], resolver.regencies["province_bps"]))
    for code, name, province in zip(codes, names, provinces):
        code = "" if code is None else str(code).strip()
        name = "" if name is None else str(name).strip()
        if not code and looks_like_code(name):
            code, name = name, ""  # a name column holding codes
        if not code:
            continue
        if "." in code:
            dotted += 1
            continue
        if name and not looks_like_code(name):
            agrees = {s: found for s in ("bps", "kemendagri")
                      if (found := _agreeing(resolver, code, name, province, s)) is not None}
            if len(agrees) == 1:
                (system, bps_code), = agrees.items()
                provinces_of[system].add(province_bps[bps_code])
                bps_only += system == "bps"
                kemendagri_only += system == "kemendagri"
            continue
        found = {}
        for system in ("bps", "kemendagri"):
            try:
                found[system] = resolver.code(code, system)
            except RegionError:
                pass
        if set(found) == {"bps"}:
            only_bps.add(code)
        elif set(found) == {"kemendagri"}:
            only_dagri.add(code)
        elif len(set(found.values())) == 2:
            differ.add(code)
    return CodeEvidence(bps_only, kemendagri_only, frozenset(provinces_of["bps"]),
                        frozenset(provinces_of["kemendagri"]), dotted, tuple(sorted(only_bps)),
                        tuple(sorted(only_dagri)), tuple(sorted(differ)))


def _agreeing(resolver: Resolver, code: str, name: str, province, system: str) -> str | None:
    """The BPS code on which ``code`` and ``name`` agree in ``system``, or None."""
    try:
        match = resolver.code_and_name(code, name, province, system=system)
    except RegionError:
        return None
    return None if match.via == "name" else match.bps_code  # "name": no such code there


def detect_code_system(codes: Sequence, names: Sequence | None = None,
                       resolver: Resolver | None = None,
                       provinces: Sequence | None = None) -> str:
    """``"bps"``, ``"kemendagri"`` or ``"mixed"`` for a file's codes (see the module docstring).

    Raises :class:`CodeSystemUnknown` when the codes cannot be read without a declaration.
    """
    evidence = code_evidence(codes, names, resolver, provinces)
    says_bps = evidence.bps_only > 0
    says_kemendagri = evidence.kemendagri_only > 0 or evidence.dotted > 0
    if says_bps and says_kemendagri:
        if not evidence.bps_only_provinces & evidence.kemendagri_only_provinces:
            return "mixed"  # one system per province, as in the Susenas table
        if evidence.bps_only != evidence.kemendagri_only:
            return "bps" if evidence.bps_only > evidence.kemendagri_only else "kemendagri"
        raise CodeSystemUnknown(msg("cs.tie", count=evidence.bps_only))
    if says_bps or says_kemendagri:
        return "bps" if says_bps else "kemendagri"
    # Nothing in the names tells the systems apart: the unnamed rows' codes alone decide.
    only_bps, only_dagri = evidence.unnamed_bps_only, evidence.unnamed_kemendagri_only
    if only_bps and not only_dagri:
        return "bps"
    if only_dagri and not only_bps:
        return "kemendagri"
    if only_bps and only_dagri:
        raise CodeSystemUnknown(msg("cs.neither", bps=_some(only_bps), dagri=_some(only_dagri)))
    if evidence.unnamed_differ:
        raise CodeSystemUnknown(msg("cs.both", codes=_some(evidence.unnamed_differ)))
    return "bps"  # either reading gives the same regencies, or every code is checked by a name


def file_code_system(path: Path, column: str | None, codes: Sequence,
                     names: Sequence | None = None, resolver: Resolver | None = None,
                     provinces: Sequence | None = None, declared: str | None = None) -> str:
    """The code system a reader uses for one file: ``declared`` when given, else detected.

    Raises ``InputError`` naming ``path`` and the code ``column`` when the codes cannot be
    read without a declaration, saying how to declare it.
    """
    if declared is not None:
        declared = "kemendagri" if declared == "dagri" else declared  # the older spelling
        if declared not in CODE_SYSTEMS:
            raise ValueError(f"code system must be one of {', '.join(CODE_SYSTEMS)}, "
                             f"not {declared!r}")
        return declared
    try:
        return detect_code_system(codes, names, resolver, provinces)
    except CodeSystemUnknown as exc:
        raise InputError(path, column=column,
                         expected=msg("cs.declare", reason=message_of(exc))) from None


def _some(codes: Iterable[str], limit: int = 5) -> str:
    codes = list(codes)
    shown = ", ".join(codes[:limit])
    return msg("cs.and_more", shown=shown, more=len(codes) - limit) if len(codes) > limit \
        else shown
