"""Real KBPP data in: one entry point for the three shapes district and provincial offices hold.

- ``profil_kesehatan``: the Kemenkes Profil Kesehatan table "Cakupan dan proporsi peserta KB
  pasca persalinan menurut jenis kontrasepsi" (.xlsx or .csv), see
  :mod:`kbanalysis.sources.profil_kesehatan`;
- ``opendata``: Open Data Jabar style tables (``kode_provinsi, nama_provinsi,
  kode_kabupaten_kota, nama_kabupaten_kota, <value>, satuan, tahun``) holding deliveries
  (``jumlah_ibu_bersalin``) or KBPP acceptors (``jumlah_peserta_kb_pasca_persalinan``), by
  method (a ``metode_kontrasepsi`` column) or in total, read here;
- ``register``: record-level service registers (one row per delivery), aggregated with
  DuckDB, see :mod:`kbanalysis.sources.registers`.

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

``import_kbpp`` is what the build runs on the user's files and ``check_kbpp_files`` what
``data check`` runs: both read and combine the same way and list the same problems
(:func:`kbpp_problems`); the build refuses to write when there are any, unless told to
accept them (``allow_rejects``), and always when the files give no usable row.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..kbpp_schema import KBPP_COLUMNS, METHOD_COLUMNS, empty_kbpp, validate_kbpp
from ..ledger import InputError, Ledger
from ..messages import message_of, msg
from ..regions import RegionError, Resolver, default_resolver
from .code_system import file_code_system
from .kbpp_parts import FIELDS, KbppParts, method_of, number_text, parts_frame
from .numbers import parse_number
from .rows import reject_as_error
from .text_format import sniff_text_format

FORMATS = ("profil_kesehatan", "opendata", "register", "published_coverage")
MEASURE_TYPE = "administrative"


# --------------------------------------------------------------------------------------
# Detection


def detect_kbpp_format(path) -> str | None:
    """Which KBPP shape ``path`` is ("profil_kesehatan", "opendata", "register"), or None.

    Decided by the header: a register's names a delivery date and the
    ``kb_pasca_persalinan`` flag (CSV or Parquet); an open-data file has the portal's
    columns and a KBPP value column; a Profil Kesehatan table (any sheet of a workbook, or a
    CSV) has the eight method names in a header row beside "ibu bersalin".
    """
    path = Path(path)
    if not path.is_file():
        return None
    from . import profil_kesehatan, published, registers  # the readers import this module

    if registers.looks_like_register(path):
        return "register"
    if path.suffix.lower() == ".csv" and _opendata_kind(_csv_header(path)) is not None:
        return "opendata"
    if published.looks_like_kbpp_coverage(path):
        return "published_coverage"  # a printed coverage table (sources.published)
    if profil_kesehatan.looks_like_profil(path):
        return "profil_kesehatan"
    return None


def _csv_header(path: Path) -> list[str]:
    try:
        text_format = sniff_text_format(path)
        with path.open(encoding=text_format.python_encoding, errors="replace") as handle:
            first = handle.readline()
    except OSError:
        return []
    return [c.strip().strip('"').strip().lower() for c in first.split(text_format.delimiter)]


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
    if fmt == "profil_kesehatan":
        from .profil_kesehatan import read_profil_parts
        return read_profil_parts
    if fmt == "published_coverage":
        from .published import read_published_kbpp_parts
        return read_published_kbpp_parts
    if fmt == "register":
        from .registers import read_register_parts
        return read_register_parts
    return read_opendata_parts


def _hints_for(fmt: str, hints: dict) -> dict:
    """The hints ``fmt``'s reader takes; TypeError for a hint that no reader takes."""
    import inspect

    from .registers import aggregate_register

    def names(function) -> set[str]:
        return {name for name, p in inspect.signature(function).parameters.items()
                if p.kind is p.KEYWORD_ONLY or p.kind is p.POSITIONAL_OR_KEYWORD}

    accepted = {f: names(_reader(f)) for f in FORMATS}
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
        raise InputError(path, expected=msg("kbpp.kbpp_file"))
    if fmt not in FORMATS:
        raise ValueError(f"unknown KBPP format {fmt!r}; known: {', '.join(FORMATS)}")
    return _reader(fmt)(path, **_hints_for(fmt, hints))


# Ledger reasons that are findings about the data, not mistakes in the file: reported by
# the readers, but not problems for ``check_kbpp_file``.
# A province line beside its kab/kota (aggregate_row) is kept out of the table, not a fault.
FINDINGS = {"after_kbpp_window", "not_postpartum", "aggregate_row"}

# What a file's author should have written instead, per ledger reason (kbanalysis.messages
# "kbpp.expected.<reason>").
EXPECTED = {reason: msg(f"kbpp.expected.{reason}") for reason in (
    "unknown_region", "ambiguous_region", "code_name_mismatch", "duplicate",
    "conflicting_duplicate", "not_a_number", "missing_value", "out_of_range", "bad_year",
    "malformed_row", "inconsistent_total", "not_derivable", "method_unknown", "bad_date",
    "date_out_of_range", "not_yes_no", "conflicting_sources", "unknown_indicator")}


def check_kbpp_file(path, **hints) -> list[InputError]:
    """Every problem of one KBPP file as an ``InputError``: :func:`check_kbpp_files` of it."""
    return check_kbpp_files([path], **hints)


def check_kbpp_files(paths, published=(), **hints) -> list[InputError]:
    """Every problem the build would find in ``paths`` (the user's KBPP files), read and
    combined with each other and with ``published`` (the KBPP tables the build always reads)
    exactly as the build does; empty when the build would take them whole.

    Unlike the build, a file that cannot be read at all does not stop the others: it gives
    its one error and the rest are still checked. See :func:`kbpp_problems` for what counts.
    """
    parts, problems = [], []
    for path in [*_others(published, paths), *paths]:
        try:
            parts.append(read_kbpp_parts(path, **hints))
        except InputError as error:
            problems.append(error)
    read = {part.file.name for part in parts}
    readable = [p for p in paths if Path(p).name in read]
    if not readable:
        return problems
    frame, ledger = combine_parts(parts, resolver=hints.get("resolver"))
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
        names = ", ".join(Path(p).name for p in paths)
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
    by_name = {Path(p).name: Path(p) for p in paths}
    problems = [problem(by_name[r.file], r) for r in ledger.rejects
                if r.file in by_name and r.reason not in FINDINGS]
    order = {name: i for i, name in enumerate(by_name)}
    problems.sort(key=lambda e: (order.get(Path(e.file).name, len(order)), e.row or 0))
    used = {name for source in frame["source"] for name in str(source).split("; ")}
    if by_name and not used & set(by_name):
        problems.append(InputError(", ".join(map(str, by_name.values())),
                                   expected=NOTHING_USABLE, got=msg("got.none")))
    return problems


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
    printed = [part for part in parts if part.format == "published_coverage"]
    if printed:
        from .published import add_printed_coverage
        others = [part for part in parts if part.format != "published_coverage"]
        frame, ledger = combine_parts(others, resolver)
        return add_printed_coverage(frame, ledger, printed, resolver)
    ledger = Ledger()
    for part in parts:
        ledger.extend(part.ledger)
    frames = [part.rows.assign(file=part.file.name, order=i) for i, part in enumerate(parts)
              if len(part.rows)]
    if not frames:
        return empty_kbpp(), ledger
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
                                                year=row["year"], column=error.column,
                                                expected=error.expected))
    frame = frame.drop(index=list(bad)).reset_index(drop=True)
    return frame, ledger


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
        detail = msg("kbpp.conflict", code=code, year=year, name=name,
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
    ledger.add("kbpp_import", row["file"], line, None, reason, detail)


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
    Numbers may use either decimal mark (``parse_number(..., "auto")``), as the portal
    mixes them.
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
        target = indicator  # deliveries, or the total of a table without a method split
        if method_column is not None:
            method = method_of(cell[method_column])
            if method is None:
                ledger.add(source_id, path, line, None, "method_unknown",
                           msg("in_column_only", column=method_column), cell[method_column])
                continue
            target = f"kbpp_{method}"
        try:
            value = parse_number(cell[value_column], "auto")
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
