"""Readers for BKKBN programme exports per desa: SIGA (monthly) and Elsimil (year to date).

The exports (data/SOURCES.md, "BKKBN SIGA and Elsimil") are ``;``-separated, upper case, one
row per desa/kelurahan (and month, ``BULAN`` in Indonesian: JANUARI ... DESEMBER), with a
leading index column (unnamed or ``NO``) that is ignored. No column holds the year: the
caller passes it (the build takes it from the file names). Regencies are resolved by name
within ``PROVINSI``; ``bare_means`` ("kabupaten"/"kota") states an export's convention for bare
names shared by a kabupaten and a kota (none in Sulawesi Barat): without it they are
``ambiguous_region``. Desa names repeat across kecamatan, so a desa is keyed by regency,
kecamatan and desa together, and values are summed per regency: only regencies reach the
tables.

Each file gives one :class:`ProgrammeResult`: its rows kept or rejected (row accounting per
file), the kept desa counts, and its own regency indicators at the latest month of the file
(flagged ``latest_month_MM``). A desa row is kept when its counts enter the regency sums,
in any month: every month is in the programme table (``programme_table``). Rows whose counts
behind a figure contradict themselves are rejected whole (``inconsistent_total``): a subgroup
above its group, methods that do not add up to KB MODERN, KB MODERN + KB TRADISIONAL other
than PA, the >= 32 weeks subgroups (informed or not, intending KBPP or deciding against it)
above the women at >= 32 weeks, or those women above every count of pregnant women.

A contradiction among counts no figure uses leaves the row in the sums, with a note on the
cell it makes doubtful (``inconsistent_total`` with a column; the ledger's rule for a cell of a
kept row). In the Elsimil export that is JUMLAH BUMIL below BUMIL TERDAMPINGI (a negative
"TIDAK TERDAMPINGI", e.g. Bambaira 36 < 40): the intention figure uses only the >= 32 weeks
columns, and in the 2025 export the women at >= 32 weeks never exceed the accompanied ones,
so a JUMLAH BUMIL below either count is JUMLAH BUMIL's own undercount.

Modern contraceptive prevalence (KB MODERN / PUS) needs two files: it is computed by
:func:`add_modern_prevalence` after both are read, over the desa-months both files have.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..indicators import TIDY_COLUMNS, get
from ..ledger import InputError, Ledger
from ..messages import Msg, message_of, msg
from ..regions import RegionError, Resolver, default_resolver
from .base import SourceResult
from .numbers import column_convention, parse_count
from .rows import YEAR_RULE, parse_year, read_csv_rows, require_columns, settle_rows

PUS_ID, MIX_ID, BUMIL_ID = "siga_pus", "siga_mix_kontra", "elsimil_bumil"

MONTHS = {name: i for i, name in enumerate(
    ["JANUARI", "FEBRUARI", "MARET", "APRIL", "MEI", "JUNI", "JULI", "AGUSTUS", "SEPTEMBER",
     "OKTOBER", "NOVEMBER", "DESEMBER"], start=1)}
MONTHS |= {"PEBRUARI": 2, "NOPEMBER": 11}  # older official spellings
PLACE_COLUMNS = ["PROVINSI", "KABUPATEN", "KECAMATAN", "KELURAHAN"]
MONTH_COLUMN = "BULAN"

PUS, UNMET = "PUS", "UNMET NEED"
METHODS = ["SUNTIK", "PIL", "KONDOM", "IMPLAN", "IUD", "VASEKTOMI", "TUBEKTOMI", "MAL"]
LONG_ACTING = ["IUD", "IMPLAN", "TUBEKTOMI", "VASEKTOMI"]  # MKJP: IUD, implant, MOW, MOP
PA, MODERN, TRADITIONAL = "PA", "KB MODERN", "KB TRADISIONAL"
BUMIL, ACCOMPANIED, NOT_ACCOMPANIED = "JUMLAH BUMIL", "BUMIL TERDAMPINGI", "BUMIL TIDAK TERDAMPINGI"
LATE = "JUMLAH BUMIL >=32 MINGGU"
INFORMED = "BUMIL >=32 MINGGU MENDAPAT INFORMASI KONTRASEPSI"
NOT_INFORMED = "BUMIL >=32 MINGGU TIDAK MENDAPAT INFORMASI KONTRASEPSI"
WILL_KBPP = "BUMIL >=32 MINGGU AKAN KBPP"
NO_KBPP = "BUMIL >=32 MINGGU MEMUTUSKAN TIDAK KBPP"
DIFFERENCES = {NOT_ACCOMPANIED}  # written as JUMLAH BUMIL - BUMIL TERDAMPINGI
# The count columns each export must have (beside PLACE_COLUMNS, and BULAN where monthly).
PUS_COLUMNS = [PUS, UNMET]
MIX_COLUMNS = [PA, *METHODS, MODERN, TRADITIONAL]
BUMIL_COLUMNS = [BUMIL, ACCOMPANIED, NOT_ACCOMPANIED, LATE, INFORMED, NOT_INFORMED, WILL_KBPP,
                 NO_KBPP]

# The programme table (data contract): one row per regency, month and indicator; numerator
# and denominator are empty for counts. A file without months (Elsimil, year to date) has
# its rows with an empty month.
PROGRAMME_COLUMNS = ["bps_code", "year", "month", "indicator", "value", "numerator",
                     "denominator", "source_id"]
RATIO_DECIMALS = 6  # percentages of integer sums: more digits are float noise


@dataclass
class ProgrammeResult(SourceResult):
    """A SourceResult whose kept rows are the desa rows summed into regency values (the
    tidy rows are regency totals, so they cannot name their rows); ``counts`` holds them."""

    kind: str = ""  # "pus", "mix" or "bumil": which export it is
    counts: pd.DataFrame = field(default_factory=pd.DataFrame)  # kept desa rows
    monthly: pd.DataFrame = field(default_factory=pd.DataFrame)  # PROGRAMME_COLUMNS
    year: int = 0

    def kept_rows(self) -> set[int]:
        return set(self.counts["line"].astype(int)) if len(self.counts) else set()


# -- the three files --------------------------------------------------------------------


def read_siga_pus(path: Path, *, year: int, resolver: Resolver | None = None,
                  source_id: str = PUS_ID, bare_means: str | None = None) -> ProgrammeResult:
    """``data_pus``: PUS and UNMET NEED per desa and month -> ``pus``, ``unmet_need_pct``."""
    checks = [_part_of(UNMET, PUS)]
    result = _read(path, year, resolver, source_id, PUS_COLUMNS, checks, True, bare_means)
    result.kind = "pus"
    sums = _sums(result.counts, [PUS, UNMET])
    _add(result, sums, "pus", PUS)
    _add(result, sums, "unmet_need_pct", UNMET, PUS)
    return _finish(result)


def read_siga_mix(path: Path, *, year: int, resolver: Resolver | None = None,
                  source_id: str = MIX_ID, bare_means: str | None = None) -> ProgrammeResult:
    """``data_mix_kontra``: users by method per desa and month -> ``kb_active_users`` (PA),
    ``kb_modern_users``, ``long_acting_share_pct`` (MKJP / KB MODERN)."""
    checks = [_methods_add_up, _sum_of([MODERN, TRADITIONAL], PA)]
    result = _read(path, year, resolver, source_id, MIX_COLUMNS, checks, True, bare_means)
    result.kind = "mix"
    counts = result.counts.assign(MKJP=result.counts[LONG_ACTING].sum(axis=1)
                                  if len(result.counts) else [])
    sums = _sums(counts, [PA, MODERN, "MKJP"])
    _add(result, sums, "kb_active_users", PA)
    _add(result, sums, "kb_modern_users", MODERN)
    _add(result, sums, "long_acting_share_pct", "MKJP", MODERN)
    return _finish(result)


def read_elsimil_bumil(path: Path, *, year: int, resolver: Resolver | None = None,
                       source_id: str = BUMIL_ID, bare_means: str | None = None) -> ProgrammeResult:
    """Elsimil pregnancy accompaniment per desa (no month: the year to date) ->
    ``kbpp_intention_pct`` = AKAN KBPP / pregnant women at >= 32 weeks.

    A row enters the figure when its >= 32 weeks counts agree with each other and with the
    pregnant women counted (JUMLAH BUMIL, or BUMIL TERDAMPINGI where that is larger: accompanied
    women are pregnant women too); a JUMLAH BUMIL that disagrees with its accompaniment split
    or lies below the >= 32 weeks count is noted on its cell and the row still counts."""
    checks = [_parts_within([INFORMED, NOT_INFORMED], LATE),
              _parts_within([WILL_KBPP, NO_KBPP], LATE),
              _part_of_either(LATE, BUMIL, ACCOMPANIED)]
    cell_checks = [(BUMIL, _part_of(ACCOMPANIED, BUMIL, NOT_ACCOMPANIED)),
                   (BUMIL, _sum_of([ACCOMPANIED, NOT_ACCOMPANIED], BUMIL)),
                   (BUMIL, _part_of(LATE, BUMIL))]
    result = _read(path, year, resolver, source_id, BUMIL_COLUMNS, checks, False, bare_means,
                   cell_checks=cell_checks, kept_for=("kbpp_intention_pct", [LATE, WILL_KBPP]))
    result.kind = "bumil"
    sums = _sums(result.counts, [LATE, WILL_KBPP])
    _add(result, sums, "kbpp_intention_pct", WILL_KBPP, LATE)
    return _finish(result)


def add_modern_prevalence(pus: ProgrammeResult, mix: ProgrammeResult) -> None:
    """``modern_cpr_pct`` = KB MODERN / PUS per regency and month, from two files.

    Only desa-months both files have enter the sums (numerator and denominator over the same
    desa); a kept row without its partner keeps its own file's values and gets a
    ``not_derivable`` note in its file's ledger. The values join the mix file's result
    (the numerator's file); the programme table names both sources.
    """
    if (mix.monthly["indicator"] == "modern_cpr_pct").any():
        raise ValueError(f"modern_cpr_pct of {mix.file.name} is already computed")
    key = ["bps_code", "kecamatan_key", "desa_key", "month"]
    left = mix.counts[[*key, "line", MODERN]]
    right = pus.counts[[*key, "line", PUS]]
    both = left.merge(right, on=key, how="outer", suffixes=("", "_pus"), indicator=True)
    for result, side, column, other in ((mix, "left_only", MODERN, pus),
                                        (pus, "right_only", PUS, mix)):
        line_column = "line" if result is mix else "line_pus"
        for line in both.loc[both["_merge"] == side, line_column].astype(int):
            result.ledger.add(result.source_id, result.file, line, column, "not_derivable",
                              msg("siga.no_desa_row", file=other.file.name))
    matched = both[both["_merge"] == "both"].astype({"line": int})
    sums = _sums(matched, [MODERN, PUS])
    before = len(mix.monthly)
    _add(mix, sums, "modern_cpr_pct", MODERN, PUS)
    # Cross-file values name both files in the programme table.
    mix.monthly.loc[mix.monthly.index >= before, "source_id"] = f"{mix.source_id}+{pus.source_id}"
    _finish(mix)


def combine_programme(results: Sequence[SourceResult]) -> pd.DataFrame:
    """After every file of a build is read: ``modern_cpr_pct`` from its PUS and mix exports
    (:func:`add_modern_prevalence`, when it has one of each), then the programme table."""
    pus = [r for r in results if isinstance(r, ProgrammeResult) and r.kind == "pus"]
    mix = [r for r in results if isinstance(r, ProgrammeResult) and r.kind == "mix"]
    if len(pus) == len(mix) == 1:
        add_modern_prevalence(pus[0], mix[0])
    elif pus or mix:
        raise ValueError(f"{len(pus)} SIGA PUS and {len(mix)} method-mix exports: pair them "
                         f"with add_modern_prevalence before building the programme table")
    return programme_table(results)


def programme_table(results: Sequence[SourceResult]) -> pd.DataFrame:
    """Every regency x month value of the programme results (data contract
    ``PROGRAMME_COLUMNS``), sorted; a year-to-date file's values (Elsimil) have no month.
    Other results are skipped."""
    frames = [r.monthly for r in results if isinstance(r, ProgrammeResult) and len(r.monthly)]
    frames = [f for f in frames if len(f)]
    if not frames:
        return empty_programme_table()
    table = pd.concat(frames, ignore_index=True)[PROGRAMME_COLUMNS]
    table = table.astype({"bps_code": "str", "year": "int64", "month": "Int64",
                          "numerator": "Int64", "denominator": "Int64", "value": "float64"})
    return table.sort_values(["bps_code", "year", "indicator", "month", "source_id"],
                             kind="mergesort").reset_index(drop=True)


def empty_programme_table() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(
        PROGRAMME_COLUMNS, ["str", "int64", "Int64", "str", "float64", "Int64", "Int64", "str"])})


# -- reading desa rows --------------------------------------------------------------------

Check = Callable[[dict[str, int]], Msg | None]  # counts -> what is wrong, or None


def _part_of(part: str, total: str, shown: str | None = None) -> Check:
    def check(c):
        if c[part] > c[total]:
            if shown:
                return msg("siga.part_above_shown", part=part, count=c[part], total=total,
                           total_count=c[total], shown=shown, shown_count=c[shown])
            return msg("siga.part_above", part=part, count=c[part], total=total,
                       total_count=c[total])
    return check


def _part_of_either(part: str, total: str, other: str) -> Check:
    """``part`` within the larger of two counts of its group (each a lower bound of it)."""
    def check(c):
        if c[part] > max(c[total], c[other]):
            return msg("siga.part_above_either", part=part, count=c[part], total=total,
                       total_count=c[total], other=other, other_count=c[other])
    return check


def _parts_within(parts: list[str], total: str) -> Check:
    def check(c):
        if sum(c[p] for p in parts) > c[total]:
            return msg("siga.parts_above", parts=" + ".join(parts),
                       count=sum(c[p] for p in parts), total=total, total_count=c[total])
    return check


def _sum_of(parts: list[str], total: str) -> Check:
    def check(c):
        if sum(c[p] for p in parts) != c[total]:
            return msg("siga.parts_differ", parts=" + ".join(parts),
                       count=sum(c[p] for p in parts), total=total, total_count=c[total])
    return check


def _methods_add_up(c) -> Msg | None:
    # In these exports KB MODERN counts MAL with the seven modern methods, in every row.
    methods = sum(c[m] for m in METHODS)
    if methods > c[PA]:
        return msg("siga.methods_above", count=methods, total=PA, total_count=c[PA])
    if methods != c[MODERN]:
        return msg("siga.methods_differ", methods=" + ".join(METHODS), count=methods,
                   total=MODERN, total_count=c[MODERN])
    return None


def _read(path, year, resolver, source_id, columns, checks, monthly, bare_means,
          cell_checks: Sequence[tuple[str, Check]] = (),
          kept_for: tuple[str, list[str]] | None = None) -> ProgrammeResult:
    """The desa rows of one export. ``checks``: contradictions that reject a row whole;
    ``cell_checks``: (column, check) contradictions among counts that no figure of the file
    uses: the first one found is noted on that column and the row is kept (``kept_for``: the
    indicator and the columns it uses, named in the note)."""
    path = Path(path)
    try:
        year = parse_year(year)
    except ValueError:
        raise InputError(path, expected=msg("siga.year_for_export", rule=YEAR_RULE),
                         got=year) from None
    rows = read_csv_rows(path)
    require_columns(rows, PLACE_COLUMNS + ([MONTH_COLUMN] if monthly else []) + columns)
    resolver = resolver or default_resolver()
    ledger = Ledger()
    regencies: dict[tuple[str, str], str | RegionError] = {}
    seen: dict[tuple, int] = {}
    kept = []
    # Each count column is read in one number convention decided from all its cells.
    conventions = {column: column_convention(path, column, [(line, cell[column]) for line, cell
                                                            in rows.cells(Ledger(), source_id)])
                   for column in columns}
    for line, cell in rows.cells(ledger, source_id):
        place = (cell["PROVINSI"], cell["KABUPATEN"])
        if place not in regencies:
            regencies[place] = _regency(resolver, *place, bare_means)
        code = regencies[place]
        if isinstance(code, RegionError):
            ledger.add(source_id, path, line, code.column, code.reason, message_of(code),
                       f"{place[0]} / {place[1]}")
            continue
        month = None
        if monthly:
            month = MONTHS.get(cell[MONTH_COLUMN].strip().upper())
            if month is None:
                ledger.add(source_id, path, line, MONTH_COLUMN, "bad_date",
                           msg("siga.month_name"), cell[MONTH_COLUMN])
                continue
        counts = _counts(ledger, source_id, path, line, cell, columns, conventions)
        if counts is None:
            continue
        # A negative difference column is the symptom of a part above its total: the checks
        # name the cause.
        negative = next((c for c in columns if counts[c] < 0 and c not in DIFFERENCES), None)
        if negative:
            ledger.add(source_id, path, line, negative, "out_of_range",
                       msg("siga.persons_zero_or_more"), counts[negative])
            continue
        problem = next((p for p in (check(counts) for check in checks) if p), None)
        if problem:
            ledger.add(source_id, path, line, None, "inconsistent_total", problem,
                       _place_text(cell))
            continue
        desa = (code, _key(cell["KECAMATAN"]), _key(cell["KELURAHAN"]), month)
        if desa in seen:
            ledger.add(source_id, path, line, None, "duplicate",
                       msg("siga.same_desa_month" if monthly else "siga.same_desa",
                           row=seen[desa]),
                       _place_text(cell))
            continue
        seen[desa] = line
        noted = next(((column, p) for column, p in ((column, check(counts))
                                                    for column, check in cell_checks) if p), None)
        if noted:
            indicator, used = kept_for
            ledger.add(source_id, path, line, noted[0], "inconsistent_total",
                       msg("siga.kept_for", problem=noted[1], indicator=indicator,
                           columns=" / ".join(used)),
                       _place_text(cell))
        kept.append({"line": line, "bps_code": code, "kecamatan_key": desa[1],
                     "desa_key": desa[2], "month": month, **counts})
    counts_frame = pd.DataFrame(kept, columns=["line", "bps_code", "kecamatan_key", "desa_key",
                                               "month", *columns])
    counts_frame["month"] = counts_frame["month"].astype("Int64")
    settle_rows(ledger, pd.DataFrame({"source_row": counts_frame["line"]}), rows.line_numbers())
    return ProgrammeResult(source_id, path, len(rows.records),
                           pd.DataFrame(columns=TIDY_COLUMNS), ledger, counts=counts_frame,
                           monthly=pd.DataFrame(columns=PROGRAMME_COLUMNS), year=int(year))


class _PlaceError(RegionError):
    def __init__(self, column: str, error: RegionError):
        self.column = column
        super().__init__(error.reason, message_of(error), error.candidates)


def _regency(resolver: Resolver, province: str, regency: str, bare_means) -> str | RegionError:
    try:
        prov = resolver.province(province)
    except RegionError as exc:
        return _PlaceError("PROVINSI", exc)
    try:
        return resolver.regency(regency, prov, bare_means=bare_means)
    except RegionError as exc:
        return _PlaceError("KABUPATEN", exc)


def _counts(ledger, source_id, path, line, cell, columns, conventions) -> dict[str, int] | None:
    counts, bad = {}, False
    for column in columns:
        try:
            value = parse_count(cell[column], conventions[column])
        except ValueError:
            value = "text"
        if value is None:
            ledger.add(source_id, path, line, column, "missing_value")
        elif value == "text" or value != int(value):
            ledger.add(source_id, path, line, column, "not_a_number", msg("read.whole_number"),
                       cell[column])
        else:
            counts[column] = int(value)
            continue
        bad = True
    return None if bad else counts


def _key(name: str) -> str:
    """Case, spacing and punctuation folded (one export breaks ``RAMBU-\\nRAMBU``)."""
    return re.sub(r"[^A-Z0-9]", "", name.upper())


def _place_text(cell: dict) -> str:
    return " / ".join(" ".join(cell[c].split()) for c in ("KABUPATEN", "KECAMATAN", "KELURAHAN"))


# -- regency values -----------------------------------------------------------------------


def _sums(counts: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Per regency and month (month NA for year-to-date files): the columns' sums and the
    first line that entered them."""
    if not len(counts):
        return pd.DataFrame(columns=["bps_code", "month", "line", *columns])
    grouped = counts.groupby(["bps_code", "month"], dropna=False, sort=True)
    sums = grouped[columns].sum().join(grouped["line"].min())
    return sums.reset_index()


def _add(result: ProgrammeResult, sums: pd.DataFrame, indicator: str, numerator: str,
         denominator: str | None = None) -> None:
    """Append the indicator's regency x month rows to ``result.monthly``; a zero
    denominator is a regency-level ``not_derivable`` note in the ledger."""
    rows = []
    for row in sums.to_dict("records"):
        if denominator is None:
            value, num, den = float(row[numerator]), None, None
        elif row[denominator] == 0:
            where = dict(indicator=indicator, code=row["bps_code"], denominator=denominator)
            result.ledger.add(result.source_id, result.file, None, denominator, "not_derivable",
                              msg("siga.zero_denominator", **where) if pd.isna(row["month"])
                              else msg("siga.zero_denominator_month", **where,
                                       month=int(row["month"])))
            continue
        else:
            num, den = int(row[numerator]), int(row[denominator])
            value = round(100 * num / den, RATIO_DECIMALS)
        rows.append({"bps_code": row["bps_code"], "year": result.year, "month": row["month"],
                     "indicator": indicator, "value": value, "numerator": num,
                     "denominator": den, "source_id": result.source_id, "_line": row["line"]})
    frame = pd.DataFrame(rows, columns=[*PROGRAMME_COLUMNS, "_line"])
    result.monthly = (frame if not len(result.monthly)
                      else pd.concat([result.monthly, frame], ignore_index=True))


def _finish(result: ProgrammeResult) -> ProgrammeResult:
    """The tidy rows: each indicator of the file at the file's latest month, flagged
    ``latest_month_MM``; every value of a file without months, flagged ``year_to_date``."""
    monthly = result.monthly
    if not len(monthly):
        result.tidy = pd.DataFrame(columns=TIDY_COLUMNS)
        return result
    months = monthly["month"].dropna()
    latest = int(months.max()) if len(months) else None
    chosen = monthly if latest is None else monthly[monthly["month"] == latest]
    flags = "year_to_date" if latest is None else f"latest_month_{latest:02d}"
    tidy = pd.DataFrame({
        "region_code": chosen["bps_code"], "level": "regency", "year": result.year,
        "indicator": chosen["indicator"], "value": chosen["value"].astype(float),
        "unit": chosen["indicator"].map(lambda i: get(i).unit),
        "measure_type": chosen["indicator"].map(lambda i: get(i).measure_type),
        "source_id": result.source_id, "source_row": chosen["_line"].astype(int),
        "flags": flags, "source_ref": ""})
    result.tidy = tidy[TIDY_COLUMNS].reset_index(drop=True)
    return result
