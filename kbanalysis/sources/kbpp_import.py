"""Real KBPP data in: one entry point for the shapes district and provincial offices hold.

- ``profil_kesehatan``: the Kemenkes Profil Kesehatan table "Cakupan dan proporsi peserta KB
  pasca persalinan menurut jenis kontrasepsi" (.xlsx or .csv), see
  :mod:`kbanalysis.sources.profil_kesehatan`;
- ``opendata``: Open Data Jabar style tables (``kode_provinsi, nama_provinsi,
  kode_kabupaten_kota, nama_kabupaten_kota, <value>, satuan, tahun``) holding deliveries
  (``jumlah_ibu_bersalin``) or KBPP acceptors (``jumlah_peserta_kb_pasca_persalinan``), by
  method (a ``metode_kontrasepsi`` column) or in total, read here;
- ``register``: record-level service registers (one row per delivery), aggregated with
  DuckDB, see :mod:`kbanalysis.sources.registers`;
- ``published_coverage``: printed coverage values with their source, and ``coverage_table``:
  a plain ``NO;KABUPATEN/KOTA;CAKUPAN KBPP (%)`` table under a title naming province and
  year, see :mod:`kbanalysis.sources.published`.

Every reader returns rows of the KBPP table (:mod:`kbanalysis.kbpp_schema`) with
``measure_type`` "administrative" and ``source`` the file name, plus a rejects ledger.

Several files combine as a union over regency x year (:func:`read_kbpp_files`). Where two
rows (from one file or several) give the same regency and year, a field given by only one
of them is taken as given (a deliveries table and an acceptors table complete each other);
a field given twice with the same value is kept once and the repeat is ledgered as
``duplicate``; a field given twice with different values rejects every version of that
regency and year as ``conflicting_duplicate`` -- the project cannot know which one is right.

A regency-year needs its KBPP acceptors: all eight method counts (their sum is the total),
or the total alone (the method counts then stay empty). Deliveries are optional; coverage is
computed when they are known, and left empty otherwise.

Coverage tables (``published_coverage``, ``coverage_table``: a coverage without counts) join
the counted rows last. **Rule when counts and a printed coverage disagree** for the same
regency and year (by more than ``kbpp_schema.COVERAGE_TOLERANCE`` points, e.g. Kab. Tegal
2021: counts giving 30 % against the 91.3 % printed in the Profil Kesehatan): the printed
coverage is used for that regency-year and the counts are not -- a printed figure is the one
the province published for the year, and counts that contradict it are incomplete or counted
differently until the office corrects them or explains the difference. Both are kept: each
count row behind the regency-year is in the ledger as ``conflicts_published`` (its detail
starts ``<BPS code> <year>:`` and names both figures; its value is the coverage the counts
give), which ``data check`` and the build print as a ``Perhatian:`` line (a finding, not a
rejected file: exit code 0). Counts that agree with the printed figure are kept and the
printed row is a ``duplicate``.

Files are keyed by their path: two files with one name (``kantorA/kbpp_2023.csv`` and
``kantorB/kbpp_2023.csv``) are told apart in problem lines (the path as given), in the
ledger's ``file`` column and in ``source`` (:func:`file_labels`: the name when it is unique,
else the end of the path that tells them apart).

The formats are one registry, ``KBPP_FORMATS`` (name, recogniser, reader, message
``fmt.kbpp_<name>``): detection, the build and ``data check`` all take them from there.

``import_kbpp`` is what the build runs on the user's files and ``check_kbpp_files`` what
``data check`` runs: both read and combine the same way and list the same problems
(:func:`kbpp_problems`); the build refuses to write when there are any, unless told to
accept them (``allow_rejects``), and always when the files give no usable row.
"""
from __future__ import annotations

import csv
import importlib
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..kbpp_schema import KBPP_COLUMNS, METHOD_COLUMNS, empty_kbpp, validate_kbpp
from ..ledger import InputError, Ledger
from ..messages import field_label, message_of, msg
from ..regions import RegionError, Resolver, default_resolver
from .code_system import file_code_system
from .kbpp_parts import FIELDS, KbppParts, method_of, number_text, parts_frame, with_row_regions
from .numbers import column_convention, parse_count
from .rows import reject_as_error
from .text_format import read_header

MEASURE_TYPE = "administrative"


# --------------------------------------------------------------------------------------
# The one registry of KBPP formats: ``detect_kbpp_format``, ``read_kbpp_parts`` (the build)
# and ``data check`` (``sources.check``) all take their formats from ``KBPP_FORMATS``. A new
# format is one entry here and one reader returning ``KbppParts``.


@dataclass(frozen=True)
class KbppFormat:
    """One KBPP shape: its ``name``, the module holding its ``recognise(path) -> bool`` and
    ``read(path, **hints) -> KbppParts`` functions (imported when first used: the readers
    import heavy libraries), and the catalogue message describing it (``fmt.kbpp_<name>``)."""

    name: str
    module: str
    recognise: str
    read: str
    # Coverage without counts: joins the counted rows last (published.add_printed_coverage).
    coverage_only: bool = False

    @property
    def check_name(self) -> str:
        """The format's name in ``data check``'s report (``kbpp_<name>``)."""
        return f"kbpp_{self.name}"

    @property
    def description(self):
        return msg(f"fmt.{self.check_name}")

    def _function(self, name: str):
        return getattr(importlib.import_module(self.module, __package__), name)

    def recognises(self, path: Path) -> bool:
        return bool(self._function(self.recognise)(path))

    def reader(self):
        return self._function(self.read)


# Most specific first: a register's header is decisive; an open-data table has the portal's
# columns; a published table its own; a Profil Kesehatan table is recognised by its methods;
# a plain coverage table by a region column and a coverage column.
KBPP_FORMATS: list[KbppFormat] = [
    KbppFormat("register", ".registers", "looks_like_register", "read_register_parts"),
    KbppFormat("opendata", ".kbpp_import", "looks_like_opendata", "read_opendata_parts"),
    KbppFormat("published_coverage", ".published", "looks_like_kbpp_coverage",
               "read_published_kbpp_parts", coverage_only=True),
    KbppFormat("profil_kesehatan", ".profil_kesehatan", "looks_like_profil",
               "read_profil_parts"),
    # Last: any table with a region column and a CAKUPAN column (no method columns).
    KbppFormat("coverage_table", ".published", "looks_like_coverage_table",
               "read_coverage_table_parts", coverage_only=True),
]


def kbpp_format(name: str) -> KbppFormat:
    """The registry's entry ``name`` (read at call time: the registry is the one list)."""
    found = next((f for f in KBPP_FORMATS if f.name == name), None)
    if found is None:
        raise ValueError(f"unknown KBPP format {name!r}; known: "
                         f"{', '.join(f.name for f in KBPP_FORMATS)}")
    return found


# --------------------------------------------------------------------------------------
# Detection


def detect_kbpp_format(path) -> str | None:
    """The name of the first of ``KBPP_FORMATS`` that recognises ``path``, or None."""
    path = Path(path)
    if not path.is_file():
        return None
    return next((f.name for f in KBPP_FORMATS if f.recognises(path)), None)


def is_empty(path: Path) -> bool:
    """True for a file with nothing in it but blanks, a BOM or Excel's end-of-file mark."""
    with Path(path).open("rb") as handle:
        head = handle.read(4096)
    return not head.replace(b"\xef\xbb\xbf", b"").replace(b"\x1a", b"").strip()


def looks_like_opendata(path) -> bool:
    """A CSV with the open-data portal's columns and one KBPP value column."""
    path = Path(path)
    return path.suffix.lower() == ".csv" and _opendata_kind(_csv_header(path)) is not None


def _csv_header(path: Path) -> list[str]:
    try:
        return [c.lower() for c in read_header(path)]
    except (OSError, UnicodeDecodeError, csv.Error):
        return []


# --------------------------------------------------------------------------------------
# Reading


def read_kbpp_file(path, **hints) -> tuple[pd.DataFrame, Ledger]:
    """The KBPP table from one file of any supported shape, and its rejects ledger.

    The shape is detected (``format=`` forces it). Hints go to the reader of that shape:

    - Profil Kesehatan: ``year``, ``region`` (the regency of a district profile, name or
      BPS code), ``province``, ``level`` ("district"/"province"), ``sheet``, ``bare_means``,
      ``allow_partial``; the title supplies year and region when they are not given.
    - register: ``unit`` ("delivery"/"acceptor"), ``years``, ``deliveries`` (for
      acceptor registers), ``code_system``, ``memory_limit``, ``threads``,
      ``examples_per_reason``.
    - all: ``resolver`` (a :class:`~kbanalysis.regions.Resolver`).

    Rows are ``measure_type`` "administrative" with ``source`` the file name. Raises
    InputError when the file is not a KBPP file or cannot be read at all; row-level
    problems go to the ledger. An open-data file of deliveries only gives no KBPP row
    alone: give it with the acceptors' file to :func:`read_kbpp_files`.
    """
    return read_kbpp_files([path], **hints)


def read_kbpp_files(paths, **hints) -> tuple[pd.DataFrame, Ledger]:
    """The KBPP table from several files: a union over regency x year (see module doc).

    Each file gets the hints its reader knows (``year`` goes to a Profil Kesehatan table,
    ``unit`` to a register); a hint no reader knows is an error, not ignored.
    """
    parts = [read_kbpp_parts(p, **hints) for p in paths]
    return combine_parts(parts, resolver=hints.get("resolver"))


def _reader(fmt: str):
    return kbpp_format(fmt).reader()


def _hints_for(fmt: str, hints: dict) -> dict:
    """The hints ``fmt``'s reader takes; TypeError for a hint that no reader takes."""
    import inspect

    from .registers import aggregate_register

    def names(function) -> set[str]:
        return {name for name, p in inspect.signature(function).parameters.items()
                if p.kind is p.KEYWORD_ONLY or p.kind is p.POSITIONAL_OR_KEYWORD}

    accepted = {f.name: names(f.reader()) for f in KBPP_FORMATS}
    accepted["register"] |= names(aggregate_register)  # passed on by read_register_parts
    unknown = set(hints) - set().union(*accepted.values())
    if unknown:
        raise TypeError(f"unknown KBPP import hints: {', '.join(sorted(unknown))}")
    return {k: v for k, v in hints.items() if k in accepted[fmt] and k != "path"}


def read_kbpp_parts(path, **hints) -> KbppParts:
    """One file's rows before combining, dispatched on the detected (or given) format."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, expected=msg("check.existing_file"))
    hints = dict(hints)
    fmt = hints.pop("format", None) or detect_kbpp_format(path)
    if fmt is None:
        # What the file could have been: every format of the registry, by its message.
        raise InputError(path, expected=msg("kbpp.one_of_formats", formats=[
            msg("fmt.named", name=f.check_name, description=f.description)
            for f in KBPP_FORMATS]), got=msg("got.empty_file") if is_empty(path) else None)
    # Problem lines of a row that was read name its regency (issue 15).
    return with_row_regions(_reader(fmt)(path, **_hints_for(fmt, hints)))


# Ledger reasons that are findings about the data, not mistakes in the file: reported by
# the readers, but not problems for ``check_kbpp_file``.
# A province line beside its kab/kota (aggregate_row) is kept out of the table, not a fault.
# A note below a Profil Kesehatan table (note_row) is ledgered with its line, not a fault.
# A named row without any number (not_reported: a half-filled template) is left out, listed.
FINDINGS = {"after_kbpp_window", "not_postpartum", "aggregate_row", "note_row",
            "conflicts_published", "duplicates_undetectable", "not_reported"}
# Findings every user must see (``data check`` and the build print them): an office's counts
# that a printed coverage overrode.
# A register without a column naming the mother: deliveries entered twice cannot be found.
# Rows not reported: one line per file (``note_lines``).
NOTES = ("conflicts_published", "duplicates_undetectable", "not_reported")


def kbpp_notes(ledger: Ledger, paths=None) -> list:
    """The ledger entries of ``NOTES`` (of the files ``paths`` when given), in order."""
    keys = None if paths is None else {Path(p).resolve() for p in paths}
    return [r for r in ledger.rejects if r.reason in NOTES
            and (keys is None or (r.path and Path(r.path).resolve() in keys))]


def note_line(reject, lang: str = "en") -> str:
    """One printed line for a note: where it is, then what it says."""
    where = reject.file if reject.row is None else (
        f"{reject.file}, {msg('frame.row', row=reject.row).render(lang)}")
    return msg("kbpp.note", where=where, detail=reject.detail).render(lang)


def note_lines(notes, lang: str = "en") -> list[str]:
    """The printed lines of ``notes``: one per note, except the rows a file left without any
    number (``not_reported``), which are listed together in one line per file, where the
    file's first such row was."""
    lines: list = []
    unreported: dict[str, list] = {}
    for note in notes:
        if note.reason != "not_reported":
            lines.append(note_line(note, lang))
            continue
        if note.file not in unreported:
            unreported[note.file] = []
            lines.append(unreported[note.file])  # filled below, rendered once
        unreported[note.file].append(note)
    return [line if isinstance(line, str) else msg(
        "kbpp.not_reported_line", file=line[0].file, count=len(line),
        rows=", ".join(f"{msg('frame.row', row=r.row).render(lang)} {r.value}".strip()
                       for r in line)).render(lang) for line in lines]

# What a file's author should have written instead, per ledger reason (kbanalysis.messages
# "kbpp.expected.<reason>").
EXPECTED = {reason: msg(f"kbpp.expected.{reason}") for reason in (
    "unknown_region", "ambiguous_region", "code_name_mismatch", "duplicate",
    "conflicting_duplicate", "not_a_number", "missing_value", "out_of_range", "bad_year",
    "malformed_row", "inconsistent_total", "not_derivable", "method_unknown", "bad_date",
    "date_out_of_range", "not_yes_no", "conflicting_sources", "unknown_indicator",
    # registers (issue 15): a future date, a method that is no one countable method, a delivery
    # entered twice
    "date_in_future", "method_group", "method_not_modern", "method_ambiguous",
    "duplicate_delivery", "garbled_identifier", "unit_mismatch", "excel_serial_date")}


def check_kbpp_file(path, **hints) -> list[InputError]:
    """Every problem of one KBPP file as an ``InputError``: :func:`check_kbpp_files` of it."""
    return check_kbpp_files([path], **hints)


def check_kbpp_files(paths, published=(), notes: list | None = None,
                     **hints) -> list[InputError]:
    """Every problem the build would find in ``paths`` (the user's KBPP files), read and
    combined with each other and with ``published`` (the KBPP tables the build always reads)
    exactly as the build does; empty when the build would take them whole.

    Unlike the build, a file that cannot be read at all does not stop the others: it gives
    its one error and the rest are still checked. See :func:`kbpp_problems` for what counts.
    ``notes`` (a list) receives the findings the build prints too (:func:`kbpp_notes`).
    """
    parts, problems = [], []
    for path in [*_others(published, paths), *paths]:
        try:
            parts.append(read_kbpp_parts(path, **hints))
        except InputError as error:
            problems.append(error)
    read = {part.file.resolve() for part in parts}
    readable = [p for p in paths if Path(p).resolve() in read]
    if not readable:
        return problems
    frame, ledger = combine_parts(parts, resolver=hints.get("resolver"))
    if notes is not None:
        notes.extend(kbpp_notes(ledger, readable))
    return problems + kbpp_problems(frame, ledger, readable)


def import_kbpp(paths, published=(), *, allow_rejects: bool = False,
                **hints) -> tuple[pd.DataFrame, Ledger]:
    """The KBPP table the build uses: ``published`` tables and the user's ``paths`` read
    and combined (:func:`read_kbpp_files`), and their rejects ledger.

    Raises :class:`KbppRejected` listing every problem of the user's files (nothing may be
    written then) unless ``allow_rejects``; and always when they give no usable row.
    Problems of the published tables are the project's own, documented in the ledger.
    """
    frame, ledger = read_kbpp_files([*_others(published, paths), *paths], **hints)
    problems = kbpp_problems(frame, ledger, paths)
    unusable = any(p.expected == NOTHING_USABLE for p in problems)
    if problems and (unusable or not allow_rejects):
        raise KbppRejected(paths, problems)
    return frame, ledger


NOTHING_USABLE = msg("kbpp.nothing_usable")


def _others(published, paths) -> list[Path]:
    """The published tables that are not among the user's files (never read one twice)."""
    given = {Path(p).resolve() for p in paths}
    return [Path(p) for p in published if Path(p).resolve() not in given]


class KbppRejected(InputError):
    """The user's KBPP files have problems, each in ``problems``; nothing was written."""

    def __init__(self, paths, problems: list[InputError]):
        self.problems = problems
        names = ", ".join(file_labels(paths).values())  # two files of one name told apart
        unusable = any(p.expected == NOTHING_USABLE for p in problems)
        remedy = msg("kbpp.remedy_fix" if unusable else "kbpp.remedy_fix_or_allow")
        count = msg("got.problem_count" if len(problems) == 1 else "got.problems_count",
                    count=len(problems))
        super().__init__(names, expected=msg("kbpp.rejected", remedy=remedy), got=count)


def kbpp_problems(frame: pd.DataFrame, ledger: Ledger, paths) -> list[InputError]:
    """The problems of the user's KBPP files ``paths`` once read and combined into ``frame``.

    Each ledger entry about one of the files becomes one error naming file, row, column and
    what was expected (for registers the ledger is bounded: one line with the count per
    reason, then example rows) -- rejected rows, rejected cells, and regencies dropped as
    conflicting duplicates across files. Findings about the data (``FINDINGS``: a method
    started after 42 days, kept as a delivery without KBPP) are not problems. When no row
    of the table comes from the files, that is one more error.
    """
    given = {Path(p).resolve(): Path(p) for p in paths}
    names = _unique_names(given.values())
    problems = []
    for r in ledger.rejects:
        path = given.get(Path(r.path).resolve()) if r.path else names.get(r.file)
        if path is not None and r.reason not in FINDINGS:
            problems.append(problem(path, r))
    order = {str(p): i for i, p in enumerate(given.values())}
    problems.sort(key=lambda e: (order.get(e.file, len(order)), e.row or 0))
    labels = frame.attrs.get("file_labels", {})
    own = {labels.get(str(p), p.name) for p in given.values()}
    used = {name for source in frame["source"] for name in str(source).split("; ")}
    # Counts a printed coverage overrode were read and compared: the build goes on.
    used |= {r.file for r in kbpp_notes(ledger, given.values())}
    if given and not used & own:
        problems.append(InputError(", ".join(map(str, given.values())),
                                   expected=NOTHING_USABLE, got=msg("got.none")))
    return problems


def _unique_names(paths) -> dict[str, Path]:
    """File name -> path, for names only one of ``paths`` has."""
    found: dict[str, list[Path]] = {}
    for path in paths:
        found.setdefault(path.name, []).append(path)
    return {name: group[0] for name, group in found.items() if len(group) == 1}


def file_labels(paths) -> dict[Path, str]:
    """How each file is named in the KBPP table's ``source``, the ledger's ``file`` column and
    conflict details: its name, or, when another file has the same name
    (``kantorA/kbpp_2023.csv`` and ``kantorB/kbpp_2023.csv``), the shortest end of its path
    that tells them apart. A ``;`` becomes ``,``: ``source`` separates files with ``; ``."""
    paths = list(dict.fromkeys(Path(p) for p in paths))
    full = {p: p.resolve().parts for p in paths}
    labels = {}
    for path in paths:
        depth = 1
        while depth < len(full[path]) and any(
                other != path and full[other][-depth:] == full[path][-depth:]
                and full[other] != full[path] for other in paths):
            depth += 1
        labels[path] = "/".join(full[path][-depth:]).replace(";", ",")
    return labels


def problem(path: Path, reject) -> InputError:
    """One ledger entry as an ``InputError`` line; a whole-row reject names its cell."""
    return reject_as_error(path, reject,
                           EXPECTED.get(reject.reason) or msg(f"reason.{reject.reason}"))


# --------------------------------------------------------------------------------------
# Combining rows into the KBPP table


def combine_parts(parts: list[KbppParts], resolver: Resolver | None = None
                  ) -> tuple[pd.DataFrame, Ledger]:
    """Union of the files' rows over regency x year; duplicates and conflicts ledgered.

    Files are taken in the order given, rows in file order, so the first version of a
    repeated field is the one kept and the result does not depend on anything else.
    Published coverage tables (coverage without counts) join last: ``published.add_printed_coverage``.
    """
    labels = file_labels(part.file for part in parts)
    for part in parts:
        relabel(part, labels)
    coverage = {f.name for f in KBPP_FORMATS if f.coverage_only}
    printed = [part for part in parts if part.format in coverage]
    counts = [part for part in parts if part.format not in coverage]
    frame, ledger, contributors = _combine_counts(counts, labels, resolver)
    if printed:
        from .published import add_printed_coverage
        frame, ledger = add_printed_coverage(frame, ledger, printed, resolver,
                                             labels=labels, contributors=contributors)
    return _labelled(frame, labels), ledger


def _combine_counts(parts: list[KbppParts], labels: dict[Path, str],
                    resolver: Resolver | None) -> tuple[pd.DataFrame, Ledger, dict]:
    """:func:`combine_parts` of the files with counts; also the source rows of each kept
    regency-year, ``(code, year) -> [{"file", "path", "line", ...}]``."""
    ledger = Ledger()
    for part in parts:
        ledger.extend(part.ledger)
    frames = [part.rows.assign(file=labels[part.file], path=str(part.file), order=i)
              for i, part in enumerate(parts) if len(part.rows)]
    if not frames:
        return empty_kbpp(), ledger, {}
    rows = pd.concat(frames, ignore_index=True)
    rows = rows.sort_values(["bps_code", "year", "order", "line"], kind="mergesort")

    kept, contributors = [], []
    for (code, year), group in rows.groupby(["bps_code", "year"], sort=True):
        records = group.to_dict("records")
        merged = _merge_group(code, year, records, ledger)
        if merged is not None:
            kept.append(merged)
            contributors.append(records)
    frame = _kbpp_rows(kept)
    # Last line of defence: a row the schema refuses (a year outside its range, a count
    # above the indicator's bound) is ledgered, never passed on.
    bad: dict[int, InputError] = {}
    for error in validate_kbpp(frame, "KBPP rows", resolver or default_resolver()):
        if error.row is not None and error.row >= 2:
            bad.setdefault(error.row - 2, error)
    for i, error in sorted(bad.items()):
        row = frame.iloc[i]
        reason = "bad_year" if error.column == "year" else "out_of_range"
        for record in contributors[i]:
            _reject(ledger, record, reason, msg("kbpp.must_be", code=row["bps_code"],
                                                year=row["year"],
                                                column=field_label(str(error.column)),
                                                expected=error.expected))
    frame = frame.drop(index=list(bad)).reset_index(drop=True)
    sources = {(r[0]["bps_code"], int(r[0]["year"])): r for i, r in enumerate(contributors)
               if i not in bad}
    return frame, ledger, sources


def relabel(part: KbppParts, labels: dict[Path, str]) -> None:
    """The part's ledger entries name its file by its label (``file_labels``)."""
    for reject in part.ledger.rejects:
        reject.file, reject.path = labels[part.file], str(part.file)


def _labelled(frame: pd.DataFrame, labels: dict[Path, str]) -> pd.DataFrame:
    """``frame`` knowing its files' labels (for ``kbpp_problems``: which files were used)."""
    frame.attrs["file_labels"] = {str(p): label for p, label in labels.items()}
    return frame


def _where(row: dict):
    return (msg("read.file_row", file=row["file"], row=row["line"]) if pd.notna(row["line"])
            else row["file"])


def _merge_group(code: str, year: int, records: list[dict], ledger: Ledger) -> dict | None:
    """One regency-year from every row that gives it, or None (then all rows are ledgered)."""
    merged: dict[str, float] = {}
    given_by: dict[str, dict] = {}
    conflicts = []
    for row in records:
        for name in FIELDS:
            value = row[name]
            if pd.isna(value):
                continue
            if name not in merged:
                merged[name], given_by[name] = value, row
            elif merged[name] != value:
                conflicts.append((name, given_by[name], row))
    if conflicts:
        name, first, other = conflicts[0]
        detail = msg("kbpp.conflict", code=code, year=year, name=field_label(name),
                     first=number_text(first[name]), first_where=_where(first),
                     other=number_text(other[name]), other_where=_where(other))
        for row in records:
            _reject(ledger, row, "conflicting_duplicate", detail)
        return None
    contributes = [any(given_by.get(n) is row for n in FIELDS) for row in records]
    for row, gives in zip(records, contributes):
        repeats = [n for n in FIELDS if pd.notna(row[n])]
        if repeats and not gives:
            _reject(ledger, row, "duplicate", msg("kbpp.same_values", code=code, year=year,
                                                  where=_where(given_by[repeats[0]])))
    methods = [m for m in METHOD_COLUMNS if m in merged]
    problem = None
    if not methods and "kbpp_total" not in merged:
        problem = ("missing_value", msg("kbpp.no_acceptors", code=code, year=year,
                                        methods=", ".join(METHOD_COLUMNS)))
    elif methods and len(methods) < len(METHOD_COLUMNS):
        missing = [m for m in METHOD_COLUMNS if m not in merged]
        problem = ("missing_value", msg("kbpp.missing_methods", code=code, year=year,
                                        missing=", ".join(missing)))
    else:
        total = sum(merged[m] for m in methods) if methods else merged["kbpp_total"]
        deliveries = merged.get("deliveries")
        if methods and "kbpp_total" in merged and merged["kbpp_total"] != total:
            problem = ("inconsistent_total", msg(
                "kbpp.methods_vs_total", code=code, year=year, total=number_text(total),
                where=_where(given_by[methods[0]]), kbpp_total=number_text(merged["kbpp_total"]),
                total_where=_where(given_by["kbpp_total"])))
        elif deliveries is not None and deliveries <= 0:
            problem = ("not_derivable", msg("kbpp.deliveries_zero", code=code, year=year))
        elif deliveries is not None and total > deliveries:
            problem = ("inconsistent_total", msg("kbpp.above_deliveries", code=code, year=year,
                                                 total=number_text(total),
                                                 deliveries=number_text(deliveries)))
    if problem:
        for row in records:
            _reject(ledger, row, *problem)
        return None
    files = dict.fromkeys(row["file"] for row, gives in zip(records, contributes) if gives)
    return {"bps_code": code, "year": int(year), **merged, "source": "; ".join(files)}


def _reject(ledger: Ledger, row: dict, reason: str, detail: str) -> None:
    line = None if pd.isna(row["line"]) else int(row["line"])
    ledger.add("kbpp_import", row["path"], line, None, reason, detail)
    ledger.rejects[-1].file = row["file"]  # the file's label, not only its name


def _kbpp_rows(records: list[dict]) -> pd.DataFrame:
    if not records:
        return empty_kbpp()
    frame = pd.DataFrame(records).reindex(columns=["bps_code", "year", *FIELDS, "source"])
    by_method = frame[METHOD_COLUMNS].notna().all(axis=1)
    frame.loc[by_method, "kbpp_total"] = frame.loc[by_method, METHOD_COLUMNS].sum(axis=1)
    frame["kbpp_coverage_pct"] = 100.0 * frame["kbpp_total"] / frame["deliveries"]
    # Integers where every row gives the count; nullable integers where some leave it empty.
    for name in FIELDS:
        counts = frame[name].round()
        frame[name] = counts.astype("int64" if counts.notna().all() else "Int64")
    frame["measure_type"] = MEASURE_TYPE
    frame = frame[KBPP_COLUMNS].astype({"bps_code": "str", "measure_type": "str", "source": "str"})
    return frame.sort_values(["bps_code", "year"], kind="mergesort").reset_index(drop=True)


# --------------------------------------------------------------------------------------
# Open-data tables of deliveries and KBPP acceptors

# The KBPP table's open-data inputs: value columns of the shared declarative table
# (``opendata_indicators.OPEN_DATA_COLUMNS``) that give deliveries or KBPP acceptors.
_KBPP_INDICATORS = ("deliveries", "kbpp_total")
# Columns that say which contraceptive method a row counts.
OPENDATA_METHOD_COLUMNS = ("metode_kontrasepsi", "jenis_kontrasepsi", "metode_kb",
                           "jenis_alat_kontrasepsi", "alat_kontrasepsi")
_OPENDATA_REQUIRED = ["kode_provinsi", "nama_provinsi", "kode_kabupaten_kota",
                      "nama_kabupaten_kota", "tahun"]


def _opendata_kind(header: list[str]) -> tuple[str, str] | None:
    """``(value column, indicator)`` when ``header`` is a regency KBPP open-data table."""
    if not all(c in header for c in _OPENDATA_REQUIRED):
        return None
    columns = _kbpp_value_columns()
    found = [(c, columns[c]) for c in header if c in columns]
    return found[0] if len(found) == 1 else None


def counts_in(unit: str) -> bool:
    """False for a ``satuan`` that names a share or an index (``PERSEN``, ``%``): the value
    beside it is not a count. Units the portal does not list (``IBU``, ``PESERTA``) count."""
    from .opendata_indicators import SATUAN_UNITS

    text = unit.strip().upper()
    if "%" in text or "PERSEN" in text or "PERCENT" in text:
        return False
    # A scaled unit ("RIBU JIWA", "JUTA", "x1000"): the value is not a count of persons.
    if re.search(r"RIBU|JUTA|THOUSAND|MILLION|\b1\.?000\b|\bX\s*1", text):
        return False
    return "count" in SATUAN_UNITS.get(text, {"count"})


def _kbpp_value_columns() -> dict[str, str]:
    """Open-data value column -> ``deliveries`` or ``kbpp_total``."""
    from .opendata_indicators import OPEN_DATA_COLUMNS
    return {c: spec.indicator for c, spec in OPEN_DATA_COLUMNS.items()
            if spec.indicator in _KBPP_INDICATORS}


def read_opendata_parts(path, resolver: Resolver | None = None,
                        code_system: str | None = None) -> KbppParts:
    """Deliveries, or KBPP acceptors (by method or in total), from an open-data table.

    ``code_system`` ("bps"/"kemendagri") declares the regency codes' system; by default it
    is detected from the codes and names (``sources.code_system``).

    Acceptors come by method (a ``metode_kontrasepsi`` column, one row per method) or as a
    total (no method column: each row gives ``kbpp_total``, the method counts stay empty).
    The counts of the value column are read in one convention decided from all its cells
    (``42.000`` and ``12,000`` are thousands; a column mixing both is refused). A ``satuan``
    naming a share (``PERSEN``) beside a count column rejects the row: it is not a count.
    """
    from .rows import parse_year, read_csv_rows

    path = Path(path)
    rows = read_csv_rows(path)
    header = [h.lower() for h in rows.header]
    kind = _opendata_kind(header)
    if kind is None:
        raise InputError(path, row=1, expected=msg(
            "kbpp.opendata_columns", required=", ".join(_OPENDATA_REQUIRED),
            values=", ".join(_kbpp_value_columns())), got=", ".join(rows.header))
    value_column, indicator = kind
    method_column = next((c for c in OPENDATA_METHOD_COLUMNS if c in header), None)
    resolver = resolver or default_resolver()
    source_id, ledger = f"kbpp_opendata:{path.stem}", Ledger()
    cells = [cell for _, cell in rows.cells(Ledger(), source_id, header)]
    system = file_code_system(path, "kode_kabupaten_kota",
                              [c["kode_kabupaten_kota"] for c in cells],
                              [c["nama_kabupaten_kota"] for c in cells], resolver,
                              [c.get("nama_provinsi") for c in cells], code_system)
    # Counts: one number convention for the whole column (``numbers.count_convention``).
    convention = column_convention(path, value_column,
                                   [(line, cell[value_column]) for line, cell in
                                    rows.cells(Ledger(), source_id, header)])
    records = []
    for line, cell in rows.cells(ledger, source_id, header):
        try:
            year = parse_year(cell["tahun"])
        except ValueError as exc:
            ledger.add(source_id, path, line, None, "bad_year",
                       msg("in_column", column="tahun", detail=message_of(exc)), cell["tahun"])
            continue
        try:
            province = resolver.province(cell["kode_provinsi"],
                                         "dagri" if system == "kemendagri" else "bps")
            match = resolver.code_and_name(cell["kode_kabupaten_kota"],
                                           cell["nama_kabupaten_kota"], province, system=system)
            if match.via == "name" and cell["kode_kabupaten_kota"]:  # never decided by the name
                raise RegionError("code_name_mismatch", msg(
                    "read.code_not_of_system", code=cell["kode_kabupaten_kota"], system=system,
                    label=resolver.label(match.bps_code)))
            code = match.bps_code
        except RegionError as exc:
            ledger.add(source_id, path, line, None, exc.reason,
                       msg("in_column", column="kode_kabupaten_kota", detail=message_of(exc)),
                       cell["nama_kabupaten_kota"])
            continue
        ledger.locate(path, line, code)  # this row's problems name its regency
        target = indicator  # deliveries, or the total of a table without a method split
        if method_column is not None:
            method = method_of(cell[method_column])
            if method is None:
                ledger.add(source_id, path, line, None, "method_unknown",
                           msg("in_column_only", column=method_column), cell[method_column])
                continue
            target = f"kbpp_{method}"
        unit = cell.get("satuan", "").strip()
        if unit and not counts_in(unit):
            ledger.add(source_id, path, line, None, "unit_mismatch",
                       msg("in_column", column="satuan",
                           detail=msg("kbpp.unit_count", column=value_column)), unit)
            continue
        try:
            value = parse_count(cell[value_column], convention)
        except ValueError:
            ledger.add(source_id, path, line, None, "not_a_number",
                       msg("in_column_only", column=value_column), cell[value_column])
            continue
        if value is None:
            ledger.add(source_id, path, line, None, "missing_value",
                       msg("in_column_only", column=value_column))
            continue
        if value < 0 or value != round(value):
            ledger.add(source_id, path, line, None, "out_of_range",
                       msg("in_column", column=value_column, detail=msg("kbpp.whole_count")),
                       cell[value_column])
            continue
        # One parts row per line, giving one field: combining completes a regency-year from
        # its method rows and catches repeated or conflicting rows like any other duplicate.
        records.append({"bps_code": code, "year": year, target: value, "line": line})
    return KbppParts(path, "opendata", parts_frame(records), ledger)
