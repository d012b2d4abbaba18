"""The KBPP table: one row per regency and year, the same for real imports and the simulator.

Columns (the data contract): ``bps_code, year, deliveries, kbpp_<method> x 8, kbpp_total,
kbpp_coverage_pct, measure_type, source`` with

- ``kbpp_total`` = the sum of the eight method counts (Profil Kesehatan's "Jumlah"),
- ``kbpp_coverage_pct`` = 100 * kbpp_total / deliveries (the denominator is deliveries,
  *ibu bersalin*, kept explicit as its own column),
- ``measure_type`` "administrative" for real registers and profiles, "simulated" for the
  simulator (whose ``source`` then starts with "simulated"); the two are never mixed up.

A table of total acceptors only (no method split) gives rows with ``kbpp_total`` and the
eight method counts all empty; a total without deliveries has empty ``deliveries`` and
``kbpp_coverage_pct`` too (coverage is only ever computed, never guessed).

A *coverage-only* row is a published coverage figure without its counts (a Profil Kesehatan
chart prints the percentage only): every count is empty (never invented), ``kbpp_coverage_pct``
holds the printed value, ``measure_type`` is "administrative" and ``source`` says where it
was printed (see :func:`coverage_only_rows`).

``validate_kbpp`` lists every problem of a frame, each naming file, row, column and what was
expected; ``kbpp_to_tidy`` turns a (valid) frame into rows of the tidy table.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from . import config
from .indicators import TIDY_COLUMNS, get, normalise_tidy
from .ledger import InputError
from .messages import Msg, joined, msg
from .regions import Resolver, default_resolver

METHODS = config.KBPP_METHODS
METHOD_COLUMNS = [f"kbpp_{m}" for m in METHODS]
COUNT_COLUMNS = ["deliveries", *METHOD_COLUMNS, "kbpp_total"]
KBPP_COLUMNS = ["bps_code", "year", *COUNT_COLUMNS, "kbpp_coverage_pct", "measure_type", "source"]
KBPP_MEASURE_TYPES = ("simulated", "administrative")

# Years a KBPP register can plausibly hold; widen when older or newer tables turn up.
YEAR_MIN, YEAR_MAX = 2010, 2030
# Coverage may be published to one decimal: allow half a unit of the first decimal.
COVERAGE_TOLERANCE = 0.05

# Tidy indicators of one KBPP row, in table order.
TIDY_INDICATORS = [*COUNT_COLUMNS, "kbpp_coverage_pct"]

_FIRST_DATA_LINE = 2  # line 1 is the header


def empty_kbpp() -> pd.DataFrame:
    """A KBPP frame without rows, with the contract's dtypes."""
    dtypes = {"bps_code": "str", "year": "int64", **{c: "int64" for c in COUNT_COLUMNS},
              "kbpp_coverage_pct": "float64", "measure_type": "str", "source": "str"}
    return pd.DataFrame({c: pd.Series(dtype=dtypes[c]) for c in KBPP_COLUMNS})


# --------------------------------------------------------------------------------------
# Validation


def validate_kbpp(frame: pd.DataFrame, file, resolver: Resolver | None = None) -> list[InputError]:
    """Every problem of ``frame`` as an ``InputError``; an empty list means the frame is valid.

    Rows are numbered as lines of the file (header = line 1, first data row = line 2, in the
    frame's order). Missing columns stop the check there (row checks would only repeat them);
    a column whose cells are all fine but whose dtype is wrong (codes read as numbers, counts
    as floats) gets one error for the whole column.
    """
    errors: list[InputError] = []
    missing = [c for c in KBPP_COLUMNS if c not in frame.columns]
    for column in missing:
        errors.append(InputError(file, 1, column, msg("schema.column"), got=msg("got.missing")))
    for column in frame.columns:
        if column not in KBPP_COLUMNS:
            errors.append(InputError(file, 1, column,
                                     msg("schema.only_columns", columns=", ".join(KBPP_COLUMNS))))
    if missing:
        return errors

    resolver = resolver or default_resolver()
    checker = _RowChecker(frame.reset_index(drop=True), file, errors)
    codes_ok = checker.codes(resolver)
    years_ok = checker.integers("year", YEAR_MIN, YEAR_MAX,
                                msg("schema.year", low=YEAR_MIN, high=YEAR_MAX))
    empty = {c: frame[c].isna().to_numpy(bool) for c in COUNT_COLUMNS}
    total_only = ~empty["kbpp_total"] & np.logical_and.reduce([empty[c] for c in METHOD_COLUMNS])
    # Counts a row of total acceptors may leave empty: all eight methods, and deliveries.
    may_be_empty = {**{c: total_only for c in METHOD_COLUMNS},
                    "deliveries": ~empty["kbpp_total"]}
    # A printed coverage without counts may leave every count empty.
    coverage_only = coverage_only_rows(frame)
    may_be_empty = {c: coverage_only | may_be_empty.get(c, False) for c in COUNT_COLUMNS}
    counts_ok = {c: checker.integers(c, 1 if c == "deliveries" else 0, get(c).high,
                                     msg("schema.positive_integer" if c == "deliveries"
                                         else "schema.nonnegative_integer",
                                         high=float(get(c).high)),
                                     empty_ok=may_be_empty.get(c))
                 for c in COUNT_COLUMNS}
    coverage_ok = checker.numbers("kbpp_coverage_pct",
                                  empty_ok=empty["deliveries"] & ~empty["kbpp_total"])
    checker.printed_coverage(coverage_only & coverage_ok)
    checker.labels()
    checker.totals(counts_ok)
    checker.coverage(counts_ok, coverage_ok)
    checker.duplicates(codes_ok & years_ok)
    return sorted(errors, key=_error_order)


def coverage_only_rows(frame: pd.DataFrame) -> np.ndarray:
    """Rows that are a printed coverage without counts: every count empty, coverage given,
    measure_type "administrative" (a simulated row always has its counts)."""
    frame = frame.reset_index(drop=True)
    no_counts = frame[COUNT_COLUMNS].isna().all(axis=1)
    coverage = pd.to_numeric(frame["kbpp_coverage_pct"], errors="coerce").notna()
    return (no_counts & coverage & frame["measure_type"].eq("administrative")).to_numpy(bool)


def _error_order(error: InputError) -> tuple[int, int]:
    position = KBPP_COLUMNS.index(error.column) if error.column in KBPP_COLUMNS else len(KBPP_COLUMNS)
    return (error.row if error.row is not None else 0, position)


def _plain(value):
    """A cell as a plain Python value, so messages read ``5`` and not ``np.int64(5)``."""
    return value.item() if isinstance(value, np.generic) else value


class _RowChecker:
    """The cell and row checks of ``validate_kbpp``; each returns a mask of the good cells."""

    def __init__(self, frame: pd.DataFrame, file, errors: list[InputError]):
        self.frame, self.file, self.errors = frame, file, errors
        self.lines = np.arange(len(frame)) + _FIRST_DATA_LINE
        self.values: dict[str, np.ndarray] = {}  # numeric value of each numeric column

    def _flag(self, bad: np.ndarray, column: str, expected, got=None) -> None:
        """One error per bad row; ``expected``/``got`` may be callables of the row position."""
        for i in np.flatnonzero(bad):
            self.errors.append(InputError(
                self.file, int(self.lines[i]), column,
                expected(i) if callable(expected) else expected,
                _plain(got(i) if callable(got) else self.frame[column].iloc[i])))

    def _dtype(self, column: str, ok: np.ndarray, wanted: str, is_right) -> None:
        if ok.all() and len(ok) and not is_right(self.frame[column].dtype):
            self.errors.append(InputError(self.file, None, column, wanted,
                                          got=str(self.frame[column].dtype)))

    def _empty_ok(self, column: str, empty_ok: np.ndarray | None) -> np.ndarray:
        """Cells that are empty where the row may leave them empty."""
        if empty_ok is None:
            return np.zeros(len(self.frame), dtype=bool)
        return self.frame[column].isna().to_numpy(bool) & empty_ok

    def codes(self, resolver: Resolver) -> np.ndarray:
        cells = self.frame["bps_code"]
        text = cells.map(lambda v: None if pd.isna(v) else str(v).strip())
        shaped = text.map(lambda v: v is not None and re.fullmatch(r"\d{4}", v) is not None).to_numpy(bool)
        self._flag(~shaped, "bps_code", msg("schema.bps_code_shape"))
        known_codes = set(resolver.regencies["bps_code"])
        known = shaped & text.isin(known_codes).to_numpy(bool)
        self._flag(shaped & ~known, "bps_code", msg("schema.bps_code_known"))
        self._dtype("bps_code", known, msg("schema.text_dtype"),
                    pd.api.types.is_string_dtype)
        return known

    def integers(self, column: str, low: int, high: int, expected: Msg,
                 empty_ok: np.ndarray | None = None) -> np.ndarray:
        """Good cells; an empty cell where ``empty_ok`` is neither good nor flagged."""
        numbers = pd.to_numeric(self.frame[column], errors="coerce").astype("float64").to_numpy()
        ok = np.isfinite(numbers) & (numbers == np.round(numbers)) & (numbers >= low) & (numbers <= high)
        skipped = self._empty_ok(column, empty_ok)
        self._flag(~ok & ~skipped, column, expected)
        self._dtype(column, ok, msg("schema.integer_dtype"), pd.api.types.is_integer_dtype)
        self.values[column] = numbers
        return ok

    def numbers(self, column: str, empty_ok: np.ndarray | None = None) -> np.ndarray:
        numbers = pd.to_numeric(self.frame[column], errors="coerce").astype("float64").to_numpy()
        ok = np.isfinite(numbers)
        self._flag(~ok & ~self._empty_ok(column, empty_ok), column, msg("schema.number_percent"))
        self._dtype(column, ok, msg("schema.numeric_dtype"), pd.api.types.is_numeric_dtype)
        self.values[column] = numbers
        return ok

    def printed_coverage(self, rows: np.ndarray) -> None:
        """A coverage without counts is checked against the percent range only."""
        value = self.values["kbpp_coverage_pct"]
        self._flag(rows & ((value < 0) | (value > 100)), "kbpp_coverage_pct",
                   msg("pk.percentage"))

    def labels(self) -> None:
        kinds = self.frame["measure_type"]
        kind_ok = kinds.isin(KBPP_MEASURE_TYPES).to_numpy(bool)
        self._flag(~kind_ok, "measure_type",
                   joined("join.or", [repr(k) for k in KBPP_MEASURE_TYPES]))
        source = self.frame["source"].map(lambda v: "" if pd.isna(v) else str(v).strip())
        named = (source != "").to_numpy(bool)
        self._flag(~named, "source", msg("schema.source"))
        # Simulated rows say so in their source too; real rows must not look simulated.
        says_simulated = source.str.startswith("simulated").to_numpy(bool)
        is_simulated = (kinds == "simulated").to_numpy(bool)
        self._flag(named & kind_ok & (says_simulated != is_simulated), "source",
                   lambda i: msg("schema.source_simulated" if is_simulated[i]
                                 else "schema.source_not_simulated"))

    def totals(self, counts_ok: dict[str, np.ndarray]) -> None:
        v = self.values
        methods_ok = np.logical_and.reduce([counts_ok[c] for c in METHOD_COLUMNS])
        method_sum = np.sum([v[c] for c in METHOD_COLUMNS], axis=0)
        bad_sum = methods_ok & counts_ok["kbpp_total"] & (v["kbpp_total"] != method_sum)
        self._flag(bad_sum, "kbpp_total",
                   lambda i: msg("schema.method_sum", total=int(method_sum[i])))
        both = counts_ok["kbpp_total"] & counts_ok["deliveries"]
        self._flag(both & (v["kbpp_total"] > v["deliveries"]), "kbpp_total",
                   lambda i: msg("schema.at_most_deliveries", deliveries=int(v["deliveries"][i])))

    def coverage(self, counts_ok: dict[str, np.ndarray], coverage_ok: np.ndarray) -> None:
        v = self.values
        usable = counts_ok["kbpp_total"] & counts_ok["deliveries"] & coverage_ok
        with np.errstate(divide="ignore", invalid="ignore"):
            implied = 100.0 * v["kbpp_total"] / v["deliveries"]
        off = usable & ~(np.abs(v["kbpp_coverage_pct"] - implied) <= COVERAGE_TOLERANCE + 1e-9)
        self._flag(off, "kbpp_coverage_pct",
                   lambda i: msg("schema.coverage", implied=float(implied[i]),
                                 tolerance=float(COVERAGE_TOLERANCE)))

    def duplicates(self, keyed: np.ndarray) -> None:
        keys = pd.DataFrame({"code": self.frame["bps_code"].astype(str).str.strip(),
                             "year": self.values["year"]})
        first_line: dict[tuple, int] = {}
        for i in np.flatnonzero(keyed):
            key = (keys["code"].iat[i], keys["year"].iat[i])
            if key in first_line:
                self.errors.append(InputError(
                    self.file, int(self.lines[i]), "bps_code",
                    msg("schema.one_row", code=key[0], year=int(key[1]), row=first_line[key]),
                    got=key[0]))
            else:
                first_line[key] = int(self.lines[i])


# --------------------------------------------------------------------------------------
# To the tidy table


def kbpp_to_tidy(frame: pd.DataFrame, source_id: str, first_row: int = _FIRST_DATA_LINE) -> pd.DataFrame:
    """The rows of a valid KBPP frame as tidy rows (``indicators.TIDY_COLUMNS``).

    One tidy row per regency, year and indicator (deliveries, the 8 method counts, the total,
    coverage). ``measure_type`` comes from the frame, so simulated rows stay "simulated".
    ``source_row`` is the row's line number when the frame was read from a file (header =
    line 1, so the first row is ``first_row`` = 2); for a simulated frame it is a running index
    (equal to the line number in ``kbpp.csv``). Validate the frame first: this does not check.
    """
    base = frame.reset_index(drop=True)
    base = base.assign(source_row=np.arange(len(base), dtype="int64") + first_row)
    long = base.melt(id_vars=["bps_code", "year", "measure_type", "source_row"],
                     value_vars=TIDY_INDICATORS, var_name="indicator", value_name="value")
    long = long[long["value"].notna()]  # a total-only row has no method counts to give
    tidy = pd.DataFrame({
        "region_code": long["bps_code"].astype(str),
        "level": "regency",
        "year": long["year"].astype("int64"),
        "indicator": long["indicator"],
        "value": long["value"].astype("float64"),
        "unit": long["indicator"].map(lambda name: get(name).unit),
        "measure_type": long["measure_type"],
        "source_id": source_id,
        "source_row": long["source_row"],
        "flags": "",
    }, columns=TIDY_COLUMNS)
    return normalise_tidy(tidy)
