"""Record-level service registers: one row per delivery, aggregated to regency x month/year.

A register export holds, per delivery: the delivery date, the regency (code and/or name),
the facility, ``kb_pasca_persalinan`` (yes/no), the method and the days from delivery to
the method. Column names are matched by meaning, as offices spell them ("Tgl Persalinan",
"Tanggal Bersalin", "Kab/Kota", "KODE KAB", "Puskesmas", "KB PP", "Ber-KB Pasca Persalinan
(Ya/Tidak)", "Alat Kontrasepsi", "Jenis Alkon", "Hari ke-", "Jarak (hari)" ...; case,
spaces, dots, slashes and a bracketed note do not matter; see ``COLUMN_ALIASES``). A bare
"Tanggal Lahir" is not taken as the delivery date: it may be the mother's own birth date.
A missing column fails naming every spelling expected and the closest header found.

A CSV may be UTF-8 (with or without BOM), cp1252 or Latin-1, separated by ``,``, ``;`` or
tabs (:mod:`kbanalysis.sources.text_format` detects which; ``RegisterResult.text_format``
says). A record with too few or too many fields is rejected whole (``malformed_row``, with
its line); the other records are still counted. Empty fields after the last column (the
trailing separators spreadsheets write) are no extra value.

Rules, per record, in this order (the first that fails decides the ledger reason; the
record is then not counted at all):

0. a record with the same mother (a NIK, No. RM or other identifier column, see
   ``MOTHER_ID_ALIASES``), delivery date and facility as an earlier record is the same
   delivery entered twice: it is not counted (``duplicate_delivery``, naming the line it
   repeats). Without such a column the repeats cannot be found: the ledger holds one note
   (``duplicates_undetectable``) that ``data check`` and ``data build`` print;
1. delivery date readable (``2022-03-05``, ``05/03/2022``, ``05-03-2022``, with or without a
   time such as ``05/03/2022 10:15``) -- ``bad_date``; within ``years`` --
   ``date_out_of_range``; not after today (:func:`kbanalysis.clock.today`, fixed by
   ``$KBANALYSIS_TODAY`` or ``today=``) -- ``date_in_future``. Whether ``05/03/2022`` is
   day or month first is decided per column from all its cells (:func:`date_order`): a
   first number above 12 makes it day first, a second one month first; a column with
   neither (all days up to 12) or both is refused with one message (ISO dates need no
   decision). Deliveries are dated in local time: a Parquet timestamp with a time zone is
   dated in its own zone, never in UTC; a timestamp in UTC (``2023-12-31T16:30:00Z``, a
   Parquet column zoned UTC) in the zone of its record's regency (WIB, WITA or WIT:
   :func:`local_zone`);
2. regency resolves to one BPS code -- ``unknown_region`` / ``ambiguous_region`` /
   ``code_name_mismatch``;
3. the flag reads as yes or no (``Ya/Y/1/Yes/True``, ``Tidak/T/0/2/No/False``) -- ``not_yes_no``;
4. for KBPP records: the method is one of the eight (``missing_value`` when empty;
   ``method_group`` for a group such as MKJP, ``method_not_modern`` for KB alami,
   ``method_ambiguous`` for two methods such as IUD/Implan or ``steril`` without whose --
   MOW for the woman, MOP for the man; ``method_unknown`` otherwise) and the days, when given, are a number
   (``not_a_number``) not below zero (``out_of_range``). A register without a days column
   but with the service date ("Tanggal Pelayanan KB") gets its days as service date minus
   delivery date (an unreadable service date is ``bad_date``, one before the delivery
   ``out_of_range``, both at the service date column).

A KBPP record whose method started more than 42 days after delivery is not KBPP: it is
kept as a delivery without KBPP and ledgered at the days column (``after_kbpp_window``).
In an acceptor register (``unit="acceptor"``: one row per new acceptor), records not flagged
postpartum are ledgered (``not_postpartum``) and deliveries must come from elsewhere.

Scale: about 4.8 million deliveries a year nationally. :func:`aggregate_register` runs in
DuckDB (embedded, no server) straight from CSV or Parquet, never loading the file into
pandas, with DuckDB's ``memory_limit`` and ``threads`` set (it spills to a temporary folder
beyond the limit). Two scans: the first collects the distinct raw values (dates, regency
code/name/province, flag/method/days -- thousands, not millions), which Python reads once
with the rules above; the second joins those three small tables and counts records by one
integer key (regency, month, outcome) or, for a failing record, by the table entry it fails
on; it needs no line numbers, so it runs on every core. A third, short scan in file order
reads the first example lines of each problem and stops as soon as it has them. The rules
therefore live in Python only, never twice. (The tests check the counts against a plain
pandas twin of the two scans, ``tests/fixtures/register_pandas_engine.py``.)

The ledger stays bounded for multi-million-row files: per reason and column it holds one
summary entry (``row`` None, the full count in ``detail``) plus the first
``examples_per_reason`` records as examples (with their line numbers). Exact counts are in
``RegisterResult.reasons``. Line numbers count the header as line 1 (for Parquet, the
record's position + 1, as in a CSV export with a header); a malformed line's number is
exact, a kept record's assumes one line per record (see :func:`_file_lines`).
"""
from __future__ import annotations

import csv
import difflib
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from .. import clock, config
from ..kbpp_schema import METHOD_COLUMNS, YEAR_MAX, YEAR_MIN
from ..ledger import InputError, Ledger
from ..messages import message_of, msg
from ..regions import RegionError, Resolver, default_resolver
from .code_system import file_code_system
from .kbpp_parts import KbppParts, method_key, method_of, method_problem, parts_frame
from .text_format import EOF_MARK, TextFormat, read_header, sniff_text_format

METHODS = list(config.KBPP_METHODS)
WINDOW_DAYS = config.KBPP_WINDOW_DAYS
Z_95 = 1.959963984540054

# Canonical field -> column names met in register exports, as ``column_key`` writes them
# (so "Tgl. Persalinan", "TGL_PERSALINAN" and "tgl persalinan" are all tgl_persalinan).
COLUMN_ALIASES = {
    "delivery_date": ("tanggal_persalinan", "tgl_persalinan", "tanggal_bersalin", "tgl_bersalin",
                      "tanggal_melahirkan", "tgl_melahirkan", "tanggal_partus", "tgl_partus",
                      "tanggal_lahir_bayi", "tgl_lahir_bayi", "tanggal_lahir_anak",
                      "tgl_lahir_anak", "delivery_date", "date_of_delivery"),
    "regency_code": ("kode_kabupaten_kota", "kode_kab_kota", "kode_kabkota", "kode_kab_kot",
                     "kode_kabkot", "kode_kabupaten", "kode_kab", "kd_kab", "kd_kab_kota",
                     "bps_code", "kode_bps", "regency_code"),
    "regency_name": ("nama_kabupaten_kota", "kabupaten_kota", "nama_kab_kota", "kab_kota",
                     "nama_kabkota", "kabkota", "nama_kab_kot", "kab_kot", "kabkot",
                     "nama_kabupaten", "kabupaten", "regency", "regency_name"),
    "province": ("nama_provinsi", "provinsi", "nama_prov", "prov", "province"),
    "facility": ("fasilitas", "faskes", "fasilitas_kesehatan", "nama_faskes", "fasyankes",
                 "nama_fasyankes", "puskesmas", "nama_puskesmas", "tempat_pelayanan",
                 "facility"),
    "postpartum": ("kb_pasca_persalinan", "kbpp", "kb_pp", "kb_pasca_salin", "kb_pascasalin",
                   "kb_pasca_bersalin", "ber_kb_pasca_persalinan", "is_kb_pasca_persalinan",
                   "postpartum_fp", "ber_kb", "ikut_kb", "status_kb"),
    "method": ("metode_kb", "jenis_kb", "metode_kontrasepsi", "jenis_kontrasepsi",
               "alat_kontrasepsi", "jenis_alat_kontrasepsi", "jenis_alkon", "alkon",
               "metode_kb_pp", "jenis_kb_pp", "method", "metode", "jenis_metode"),
    "days": ("hari_ke_kb", "hari_ke", "selang_hari", "hari_setelah_persalinan", "jarak_hari",
             "jarak_kb_hari", "days_to_method", "days_after_delivery"),
    # The day the method was given: without a days column, the days from delivery to the
    # method are this date minus the delivery date.
    "service_date": ("tanggal_pelayanan_kb", "tgl_pelayanan_kb", "tanggal_pelayanan",
                     "tgl_pelayanan", "tanggal_ber_kb", "tgl_ber_kb", "tanggal_kb", "tgl_kb",
                     "service_date"),
}
# Who the mother is (not a field of the counts, so not in ``COLUMN_ALIASES``): the same
# mother, delivery date and facility twice is one delivery entered twice, counted once.
# Names are not identifiers (two mothers may share one).
MOTHER_ID_ALIASES = ("nik_ibu", "nik", "no_nik", "nomor_nik", "nomor_induk_kependudukan",
                     "id_ibu", "no_id_ibu", "kode_ibu", "no_rm", "nomor_rm", "no_rekam_medis",
                     "nomor_rekam_medis", "no_rm_ibu", "id_pasien", "no_register_ibu",
                     "mother_id", "patient_id")
REQUIRED = ("delivery_date", "postpartum", "method")
FIELD_NAMES = {name: msg(f"reg.field.{name}")
               for name in ("delivery_date", "regency", "postpartum", "method")}
# A bare "tanggal lahir" may be the mother's own date of birth: never taken as the delivery.
_BIRTH_DATE_KEYS = {"tanggal_lahir", "tgl_lahir"}

_YES = {"ya", "y", "yes", "1", "true", "iya", "benar"}
# "2" is "Tidak" in forms that code 1 = Ya, 2 = Tidak; "t" is Tidak, not True, in these files.
_NO = {"tidak", "t", "tdk", "no", "n", "0", "2", "false", "bukan"}
# A date is ISO (year first: unambiguous) or day and month before a four-digit year, in an
# order decided per column (``date_order``); a time of day after it does not matter.
_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_NUMERIC_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_TIME_OF_DAY = re.compile(r"(?:[ T]+|(?<=\d)T)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?"
                          r"\s*(?:Z|[+-]\d{2}(?::?\d{2})?|WIB|WITA|WIT)?$", re.IGNORECASE)
DAY_FIRST, MONTH_FIRST = "dmy", "mdy"
# Zones whose instants are not local time: the local calendar date cannot be read from them.
_UTC_ZONES = {"utc", "etc/utc", "z", "+00:00", "gmt", "etc/gmt", "universal", "zulu"}
# A timestamp in UTC (``2023-12-31T20:00:00Z``, ``... +00``, a Parquet column zoned UTC): its
# local date is that of the regency's zone (``local_zone``), which may be the next day.
_UTC_TIMESTAMP = re.compile(r"(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
                            r"\s*(?:Z|[+-]00(?::?00)?|UTC|GMT)", re.IGNORECASE)
ZONE_HOURS = (7, 8, 9)  # WIB, WITA, WIT
_EXCEL_SERIAL = re.compile(r"\d{5}(?:[.,]\d+)?")
# Provinces on WITA (UTC+8); from Maluku (81) on, WIT (UTC+9); every other province, WIB.
_WITA_PROVINCES = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}


def local_zone(bps_code) -> int | None:
    """Hours ahead of UTC of a regency's local time (7 WIB, 8 WITA, 9 WIT), or None."""
    if bps_code is None or pd.isna(bps_code) or not str(bps_code)[:2].isdigit():
        return None
    province = str(bps_code)[:2]
    return 9 if province >= "81" else 8 if province in _WITA_PROVINCES else 7


def _utc_instant(text) -> datetime | None:
    """The instant of a timestamp written in UTC, or None for any other text."""
    found = _UTC_TIMESTAMP.fullmatch(str(text).strip())
    if not found:
        return None
    year, month, day, hour, minute, second = (int(g or 0) for g in found.groups())
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def column_key(name: str) -> str:
    """A header as lower-case words joined by ``_``: spaces, dots, slashes, dashes and
    trailing punctuation do not matter ("Kab./Kota:" and "KAB_KOTA" are both kab_kota)."""
    return re.sub(r"[^0-9a-z]+", "_", str(name).strip().lower()).strip("_")


# A qualifier saying "postpartum" after a field's name ("Metode Kontrasepsi Pasca Salin",
# "Jenis KB PP"): in a postpartum register it adds nothing, so the name is also tried
# without it.
_POSTPARTUM_SUFFIX = re.compile(r"_(?:pasca_?(?:salin|persalinan|bersalin|melahirkan)|pp|kbpp)$")


def _keys_of(name: str) -> list[str]:
    """The header's key, then the key without a bracketed note ("Ber-KB (Ya/Tidak)"), then
    either without a trailing postpartum qualifier."""
    bare = column_key(re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", str(name)))
    keys = [column_key(name)] + ([bare] if bare and bare != column_key(name) else [])
    for key in list(keys):
        plain = _POSTPARTUM_SUFFIX.sub("", key)
        if plain and plain not in keys and plain != "kb":
            keys.append(plain)
    return keys


def register_columns(names: list[str]) -> dict[str, str]:
    """Canonical field -> the file's column name, for the fields the file has (the first
    column of the most usual spelling when several would do)."""
    found = {}
    keys: dict[str, str] = {}
    for name in names:
        for key in _keys_of(name):
            keys.setdefault(key, name)
    for canonical, aliases in COLUMN_ALIASES.items():
        for alias in aliases:
            if alias in keys:
                found[canonical] = keys[alias]
                break
    return found


def mother_id_column(names: list[str]) -> str | None:
    """The column that identifies the mother (``MOTHER_ID_ALIASES``), or None."""
    keys: dict[str, str] = {}
    for name in names:
        for key in _keys_of(name):
            keys.setdefault(key, name)
    return next((keys[a] for a in MOTHER_ID_ALIASES if a in keys), None)


def missing_column_error(path: Path, names: list[str], field_name: str) -> InputError:
    """The message for a register without a column for ``field_name``: every spelling
    expected, and the header closest to one of them (difflib)."""
    aliases = (COLUMN_ALIASES["regency_code"] + COLUMN_ALIASES["regency_name"]
               if field_name == "regency" else COLUMN_ALIASES[field_name])
    taken = set(register_columns(names).values())
    scores = {}
    for name in names:
        if name not in taken and column_key(name):
            scores[name] = max(difflib.SequenceMatcher(None, column_key(name), a).ratio()
                               for a in aliases)
    closest = max(scores, key=scores.get) if scores else None
    if closest is not None and scores[closest] >= 0.6:
        found = msg("reg.closest_header", name=closest)
    else:
        found = msg("reg.no_close_header", names=", ".join(map(repr, names)))
    if field_name == "delivery_date":
        birth = [n for n in names if column_key(n) in _BIRTH_DATE_KEYS]
        if birth:
            found = msg("reg.birth_date_note", found=found, name=birth[0])
    what = FIELD_NAMES.get(field_name, field_name.replace("_", " "))
    return InputError(path, row=1, expected=msg("reg.column_for", what=what,
                                                aliases=", ".join(aliases), found=found))


def _file_columns(path: Path, text_format: TextFormat | None = None) -> list[str]:
    """The header's column names, stripped (for a CSV: its first non-blank record)."""
    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq
        return list(pq.read_schema(path).names)
    return read_header(path, text_format)


def looks_like_register(path) -> bool:
    """True for a CSV/Parquet file whose header names two of the delivery date, the KBPP
    flag and the method (so that a register lacking one of them is still read as a
    register, and told which column it lacks)."""
    path = Path(path)
    if path.suffix.lower() not in (".csv", ".parquet", ".txt"):
        return False
    try:
        columns = register_columns(_file_columns(path))
    except Exception:  # an unreadable file is simply not a register
        return False
    return len(set(REQUIRED) & set(columns)) >= 2

# --------------------------------------------------------------------------------------
# Reading raw values (the rules, once, whatever engine counts)


def _date_text(text) -> str:
    """The date part of a cell: ``'05/03/2023 10:15'`` -> ``'05/03/2023'`` (a timestamp's
    date is its local calendar date as written: a time zone after it changes nothing)."""
    return _TIME_OF_DAY.sub("", str(text).strip())


def parse_date(text, order: str = DAY_FIRST) -> date | None:
    """A date as registers write it (ISO, or day and month in ``order``), or None."""
    s = _date_text(text)
    if found := _ISO_DATE.fullmatch(s):
        year, month, day = map(int, found.groups())
    elif found := _NUMERIC_DATE.fullmatch(s):
        a, b, year = map(int, found.groups())
        day, month = (a, b) if order == DAY_FIRST else (b, a)
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def date_order(values) -> tuple[str | None, str | None]:
    """How a column writes day and month, decided from all its cells: ``(order, None)``
    with ``DAY_FIRST`` or ``MONTH_FIRST`` when a first number above 12 (a day) or a second
    one above 12 shows it, or when no cell could be read either way; ``(None, why)`` when
    the cells cannot be told apart (no number above 12) or contradict each other (a Msg)."""
    day_first = month_first = either = None
    for raw in values:
        found = _NUMERIC_DATE.fullmatch(_date_text(raw))
        if not found:
            continue
        a, b, _ = map(int, found.groups())
        if a > 12 >= b >= 1:
            day_first = day_first or str(raw).strip()
        elif b > 12 >= a >= 1:
            month_first = month_first or str(raw).strip()
        elif 1 <= a <= 12 and 1 <= b <= 12 and a != b:
            either = either or str(raw).strip()
    if day_first and month_first:
        return None, msg("reg.date_order_mixed", day_first=day_first, month_first=month_first)
    if day_first or month_first:
        return (DAY_FIRST if day_first else MONTH_FIRST), None
    if either:
        return None, msg("reg.date_order_undecided", example=either)
    return DAY_FIRST, None  # nothing to tell apart (ISO dates, or day = month)


def _date_table(values, first: date, last: date, order: str = DAY_FIRST,
                today: date | None = None) -> pd.DataFrame:
    """raw date -> year, month or the reason it fails. A UTC timestamp whose local date
    differs between WIB, WITA and WIT gets one row per zone (``zone``: hours ahead of UTC),
    joined to each record by its regency's zone; every other text has ``zone`` NA."""
    def judged(raw, found, zone):
        if found is None:
            # A bare day number (44986) is Excel's serial of a date in a column not
            # formatted as a date: refused, saying so, not guessed (1900 or 1904 system).
            reason = "excel_serial_date" if _EXCEL_SERIAL.fullmatch(str(raw).strip()) \
                else "bad_date"
        elif not first <= found <= last:
            reason = "date_out_of_range"
        elif today is not None and found > today:
            reason = "date_in_future"
        else:
            reason = None
        return (raw, zone, found.year if reason is None else None,
                found.month if reason is None else None, reason)

    rows = []
    for raw in values:
        instant = _utc_instant(raw)
        local = ({zone: (instant + timedelta(hours=zone)).date() for zone in ZONE_HOURS}
                 if instant else {})
        if len(set(local.values())) > 1:
            rows += [judged(raw, found, zone) for zone, found in local.items()]
        else:
            rows.append(judged(raw, next(iter(local.values()), None) or parse_date(raw, order),
                               None))
    return pd.DataFrame(rows, columns=["raw", "zone", "year", "month", "reason"]).astype(
        {"raw": "str", "zone": "Int64", "year": "Int64", "month": "Int64", "reason": "object"})


# In a register whose days are derived from the service date, the days text is computed
# (see ``_DuckDB._days_expression``): a whole number, "" without a service date, or this
# marker before a service date that does not read as a date.
UNREADABLE_SERVICE_DATE = "?"


def date_ordinals(values, order: str = DAY_FIRST) -> pd.DataFrame:
    """raw date text -> its day number (``date.toordinal``, NA when it does not read) and
    ``blank`` (empty or "-": no date given); the engines subtract two day numbers to get the
    days from delivery to service. ``values`` may be ``(text, order)`` pairs (two columns
    with their own orders); a text met twice keeps its first reading."""
    rows = []
    first_order: dict = {}
    for value in values:
        raw, own = value if isinstance(value, tuple) else (value, order)
        first_order.setdefault(raw, own)
    for raw, own in first_order.items():
        found = parse_date(raw, own)
        rows.append((raw, found.toordinal() if found else None, str(raw).strip() in ("", "-")))
    return pd.DataFrame(rows, columns=["raw", "ordinal", "blank"]).astype(
        {"raw": "str", "ordinal": "Int64", "blank": "bool"})


def local_date_ordinals(values, order: str = DAY_FIRST) -> pd.DataFrame:
    """raw delivery date -> its local day number, as :func:`_date_table` dates it: a UTC
    timestamp whose local date differs between WIB, WITA and WIT has one row per ``zone``
    (hours ahead of UTC, joined by the record's regency), any other text ``zone`` NA."""
    rows = []
    for raw in dict.fromkeys(values):
        instant = _utc_instant(raw)
        local = ({zone: (instant + timedelta(hours=zone)).date() for zone in ZONE_HOURS}
                 if instant else {})
        if len(set(local.values())) > 1:
            rows += [(raw, zone, day.toordinal()) for zone, day in local.items()]
        else:
            found = next(iter(local.values()), None) or parse_date(raw, order)
            rows.append((raw, None, found.toordinal() if found else None))
    return pd.DataFrame(rows, columns=["raw", "zone", "ordinal"]).astype(
        {"raw": "str", "zone": "Int64", "ordinal": "Int64"})


def days_shown(plan, days_text: str) -> str:
    """A days value as the ledger shows it: as written, or, when derived from the service
    date, what it means."""
    if not plan.derive_days:
        return days_text
    if days_text.startswith(UNREADABLE_SERVICE_DATE):
        return days_text[len(UNREADABLE_SERVICE_DATE):]
    return msg("reg.days_from_delivery", days=days_text) if days_text else ""


def _flag_table(values) -> pd.DataFrame:
    rows = []
    for raw in values:
        key = str(raw).strip().lower()
        flag = True if key in _YES else False if key in _NO else None
        rows.append((raw, flag, None if flag is not None else "not_yes_no"))
    return pd.DataFrame(rows, columns=["raw", "flag", "reason"]).astype(
        {"raw": "str", "flag": "boolean", "reason": "object"})


def _method_table(values) -> pd.DataFrame:
    rows = []
    for raw in values:
        method = method_of(raw)
        empty = method_key(raw) == ""  # "", "-" and other punctuation only
        # A group (MKJP), a natural method (KB alami) or two methods named (IUD/Implan) are
        # named as such: a user told "unknown" would not know what to write instead.
        reason = (None if method else "missing_value" if empty
                  else method_problem(raw) or "method_unknown")
        rows.append((raw, method, reason))
    return pd.DataFrame(rows, columns=["raw", "method", "reason"]).astype(
        {"raw": "str", "method": "object", "reason": "object"})


# An identifier Excel turned into a number in scientific notation ("3.20301E+15", "3,2E+15"):
# its digits are gone (DuckDB regular expression).
_GARBLED_ID_SQL = r"[0-9]+([.,][0-9]+)?[eE][+]?[0-9]+"
_DAYS_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")


def _days_table(values) -> pd.DataFrame:
    rows = []
    for raw in values:
        s = str(raw).strip()
        if s.startswith(UNREADABLE_SERVICE_DATE):
            rows.append((raw, None, "bad_date"))
            continue
        if s in ("", "-"):
            rows.append((raw, None, None))
            continue
        # Digits only: float() would also take "nan", "inf", "1e3" or "1_000".
        if not _DAYS_NUMBER.fullmatch(s):
            rows.append((raw, None, "not_a_number"))
            continue
        days = float(s.replace(",", "."))
        rows.append((raw, days, "out_of_range" if days < 0 else None))
    return pd.DataFrame(rows, columns=["raw", "days", "reason"]).astype(
        {"raw": "str", "days": "float64", "reason": "object"})


def _region_table(triples, resolver: Resolver, code_system: str,
                  bare_means: str | None) -> pd.DataFrame:
    rows = []
    for code, name, province in triples:
        # Keys stay as written (the join matches raw text); the resolver gets them stripped.
        try:
            found, reason = _resolve(resolver, str(code).strip(), str(name).strip(),
                                     str(province).strip() or None, code_system,
                                     bare_means), None
        except RegionError as exc:
            found, reason = None, exc.reason
        rows.append((code, name, province, found, reason))
    frame = pd.DataFrame(rows, columns=["code", "name", "province", "bps_code", "reason"])
    return frame.astype({"code": "str", "name": "str", "province": "str",
                         "bps_code": "object", "reason": "object"})


def _resolve(resolver, code, name, province, code_system, bare_means) -> str:
    if not code and not name:
        raise RegionError("missing_value", msg("reg.no_regency"))
    system = "kemendagri" if "." in code else code_system  # the dot is Kemendagri's mark
    if code and name:
        try:
            match = resolver.code_and_name(code, name, province, bare_means=bare_means,
                                           system=system)
            if match.via != "name":
                return match.bps_code
            raise RegionError("code_name_mismatch", msg(
                "read.code_not_of_system", code=code, system=system,
                label=resolver.label(match.bps_code)))
        except RegionError as exc:
            by_code = by_name = None
            try:
                by_code = resolver.code_alone(code, system)
            except RegionError:
                pass
            try:
                by_name = resolver.regency(name, province, bare_means=bare_means)
            except RegionError:
                pass
            if by_code is None and by_name is None:
                raise RegionError("unknown_region", message_of(exc)) from None
            raise
    if code:
        return resolver.code_alone(code, system).bps_code
    return resolver.regency(name, province, bare_means=bare_means, system=code_system)


# --------------------------------------------------------------------------------------
# Results


@dataclass
class RegisterResult:
    """Counts per regency x month and x year, with coverage and its Wilson interval."""

    file: Path
    unit: str
    monthly: pd.DataFrame
    yearly: pd.DataFrame
    reasons: pd.DataFrame  # reason, column, rows, kept (True for cell-level notes)
    ledger: Ledger = field(default_factory=Ledger)
    rows_read: int = 0
    text_format: TextFormat | None = None  # how a CSV register was written; None for Parquet

    @property
    def rows_rejected(self) -> int:
        return int(self.reasons.loc[~self.reasons["kept"], "rows"].sum())


def wilson_interval(successes, trials, z: float = Z_95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval of a proportion, in percent (NaN where ``trials`` is 0).

    Register counts are a census, not a sample: the interval shows the binomial noise of a
    regency-month's coverage, which is what makes small cells jumpy.
    """
    k = np.asarray(successes, dtype="float64")
    n = np.asarray(trials, dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        denominator = 1 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denominator
        half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denominator
    low, high = 100 * (centre - half), 100 * (centre + half)
    bad = ~(n > 0)
    return np.where(bad, np.nan, np.clip(low, 0, 100)), np.where(bad, np.nan, np.clip(high, 0, 100))


def _with_coverage(counts: pd.DataFrame) -> pd.DataFrame:
    counts = counts.copy()
    counts["kbpp_total"] = counts[METHOD_COLUMNS].sum(axis=1).astype("int64")
    deliveries = counts["deliveries"].astype("float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        counts["kbpp_coverage_pct"] = 100.0 * counts["kbpp_total"] / deliveries
    counts["coverage_ci_low"], counts["coverage_ci_high"] = wilson_interval(
        counts["kbpp_total"], deliveries)
    return counts


# --------------------------------------------------------------------------------------
# Aggregation


@dataclass
class _Plan:
    """What to read: the file's columns for each field, and the reading options."""

    path: Path
    columns: dict[str, str]  # canonical field -> the file's column name
    parquet: bool
    text_format: TextFormat | None  # None for Parquet
    header: list[str]  # the file's column names, in file order
    unit: str
    first: date
    last: date
    examples: int
    today: date | None = None  # a later delivery date is ``date_in_future``
    # Day and month order of the delivery and service date columns (``date_order``).
    orders: dict = field(default_factory=lambda: {"d": DAY_FIRST, "s": DAY_FIRST})
    # Parquet timestamps with a time zone: field -> zone; the date is taken in that zone.
    zones: dict = field(default_factory=dict)
    line_regions: dict = field(default_factory=dict)  # example line -> BPS code

    @property
    def mother_id(self) -> str | None:
        """The column that identifies the mother (NIK, No. RM ...), if the file has one."""
        return self.columns.get("mother_id")

    @property
    def delimiter(self) -> str | None:
        return self.text_format.delimiter if self.text_format else None

    @property
    def derive_days(self) -> bool:
        """No days column, but a service date: days = service date - delivery date."""
        return "days" not in self.columns and "service_date" in self.columns


def _plan(path: Path, unit: str, years, examples: int, today: date | None = None) -> _Plan:
    if not path.is_file():
        raise InputError(path, expected=msg("check.existing_file"))
    if unit not in ("delivery", "acceptor"):
        raise ValueError(f"unit must be 'delivery' or 'acceptor', not {unit!r}")
    parquet = path.suffix.lower() == ".parquet"
    text_format = None if parquet else sniff_text_format(path)
    names = _file_columns(path, text_format)
    columns = register_columns(names)
    for needed in REQUIRED:
        if needed not in columns:
            raise missing_column_error(path, names, needed)
    if "regency_code" not in columns and "regency_name" not in columns:
        raise missing_column_error(path, names, "regency")
    mother_id = mother_id_column(names)
    if mother_id is not None:
        columns["mother_id"] = mother_id
    first_year, last_year = years
    return _Plan(path, columns, parquet, text_format, names, unit, date(first_year, 1, 1),
                 date(last_year, 12, 31), examples, today,
                 zones=_timestamp_zones(path, columns) if parquet else {})


def _timestamp_zones(path: Path, columns: dict[str, str]) -> dict[str, str]:
    """The time zone of each date field stored as a zoned Parquet timestamp. Deliveries are
    dated in local time (WIB, WITA, WIT): such a timestamp is read in its own zone, never in
    UTC (which would move a New Year's night delivery into the previous year)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pq.read_schema(path)
    zones = {}
    for field_name in ("delivery_date", "service_date"):
        name = columns.get(field_name)
        if name is None:
            continue
        kind = schema.field(name).type
        if pa.types.is_timestamp(kind) and kind.tz and kind.tz.lower() not in _UTC_ZONES:
            zones[field_name] = kind.tz
    return zones


def _in_zone(column: str, zone: str) -> str:
    """SQL for a zoned timestamp as local text (``2024-01-01 03:00:00``) in ``zone``."""
    offset = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", zone)
    if offset:  # a fixed offset: UTC plus the offset
        minutes = (1 if offset.group(1) == "+" else -1) * (int(offset.group(2)) * 60
                                                           + int(offset.group(3)))
        local = f"timezone('UTC', {column}) + INTERVAL '{minutes} minutes'"
    else:
        local = f"timezone('{zone.replace(chr(39), chr(39) * 2)}', {column})"
    return f"strftime({local}, '%Y-%m-%d %H:%M:%S')"


# Raw fields read from the file; missing columns read as ''.
_RAW = {"d": "delivery_date", "rc": "regency_code", "rn": "regency_name", "rp": "province",
        "f": "postpartum", "m": "method", "dy": "days", "s": "service_date"}
# Read only to find deliveries entered twice (``_DuckDB.duplicates``).
_RAW_DEDUP = {"i": "mother_id", "fa": "facility"}


def aggregate_register(path, *, unit: str = "delivery", years=(YEAR_MIN, YEAR_MAX),
                       code_system: str | None = None, bare_means: str | None = None,
                       resolver: Resolver | None = None, memory_limit: str = "1GB",
                       threads: int | None = None, examples_per_reason: int = 5,
                       source_id: str | None = None, today: date | None = None
                       ) -> RegisterResult:
    """Aggregate a register (CSV or Parquet) to regency x month and x year, in DuckDB.

    ``years``: first and last year a delivery may fall in. ``code_system``: how undotted
    regency codes are read ("bps" or "kemendagri"; dotted codes are always Kemendagri);
    by default detected from the codes and names (``sources.code_system``), and a file
    whose codes could be either and that has no names is refused.
    ``memory_limit`` / ``threads``: DuckDB's settings (threads default: all cores, at most
    4). A CSV may be UTF-8 (with or without BOM), cp1252 or Latin-1, separated by ``,``,
    ``;`` or tabs: ``RegisterResult.text_format`` says what was detected.
    ``today``: a delivery after it is rejected (``date_in_future``); by default
    :func:`kbanalysis.clock.today`.
    """
    return _aggregate_with(lambda plan: _DuckDB(plan, memory_limit, threads), path, unit=unit,
                           years=years, code_system=code_system, bare_means=bare_means,
                           resolver=resolver, examples_per_reason=examples_per_reason,
                           source_id=source_id, today=today)


def _aggregate_with(open_engine, path, *, unit, years, code_system, bare_means, resolver,
                    examples_per_reason, source_id, today=None) -> RegisterResult:
    """The pipeline around a counting engine: ``open_engine(plan)`` is a context manager
    with ``distinct()``, ``kb_combinations(ordinals)`` (when the days come from the service
    date), ``aggregate(keyed)`` and ``malformed()`` (DuckDB here; the tests plug in a pandas
    twin to check it against)."""
    path = Path(path)
    plan = _plan(path, unit, years, examples_per_reason, today or clock.today())
    resolver = resolver or default_resolver()
    source_id = source_id or f"register:{path.stem}"
    with open_engine(plan) as engine:
        distinct = engine.distinct()
        plan.orders = _date_orders(plan, distinct)
        if plan.derive_days:  # the days need both dates read: one more pass for them
            ordinals = date_ordinals([*((d, plan.orders["d"]) for d in distinct["d"]),
                                      *((s, plan.orders["s"]) for s in distinct["s"])])
            distinct["kb"] = engine.kb_combinations(ordinals)
        keyed = _keyed(_maps(distinct, plan, resolver, code_system, bare_means))
        duplicates = None
        if plan.mother_id and hasattr(engine, "duplicates"):  # the pandas twin has no ids
            duplicates = engine.duplicates(
                local_date_ordinals(distinct["d"], plan.orders["d"]), keyed)
        counted = engine.aggregate(keyed)
        malformed = engine.malformed()
    grouped, noted = _decode(keyed, plan, *counted)
    noted.extend(duplicates or [])
    plan.line_regions = getattr(engine, "line_regions", {})  # the pandas twin has none
    if not plan.mother_id and plan.unit == "delivery":
        noted.append(("note", "duplicates_undetectable", None, 0, [], []))
    if malformed.count:
        noted.append(_malformed_note(plan, malformed))
    return _result(plan, grouped, noted, distinct["rows"] + malformed.count, source_id)


def _date_orders(plan: _Plan, distinct: dict) -> dict[str, str]:
    """The order of day and month in the delivery and the service date columns, each from
    all its cells; a column that cannot tell takes the other's (one file, one writer). A
    file where neither can tell, or a column that contradicts itself, is refused."""
    decided, why = {}, {}
    for short, field_name in (("d", "delivery_date"), ("s", "service_date")):
        if field_name in plan.columns:
            decided[short], why[short] = date_order(distinct[short])
    for short, problem in why.items():
        if problem is None:
            continue
        other = decided.get("s" if short == "d" else "d")
        if problem.key == "reg.date_order_undecided" and other:
            decided[short] = other
            continue
        name = plan.columns["delivery_date" if short == "d" else "service_date"]
        raise InputError(plan.path, column=name, expected=problem)
    return {"d": decided.get("d") or DAY_FIRST, "s": decided.get("s") or DAY_FIRST}


def _reason_columns(plan: _Plan) -> dict[str, str]:
    """The file column each rule's reason points at (region: the code if present)."""
    c = plan.columns
    region = c.get("regency_code") or c.get("regency_name")
    return {"d": c["delivery_date"], "r": region, "f": c["postpartum"], "m": c["method"],
            "dy": c.get("days") or c.get("service_date", "")}


def _maps(distinct, plan, resolver, code_system, bare_means) -> dict[str, pd.DataFrame]:
    """Every distinct raw value read once, in Python: the rules live here, not in SQL.

    - ``date_map``: raw date -> year, month, or the reason it fails;
    - ``region_map``: (code, name, province) -> BPS code, or the reason it fails;
    - ``kb_map``: (flag, method, days) -> the outcome of a record (a method, or "none" for
      a delivery without KBPP), ``late`` (method after 42 days), or the reason it fails.

    Each failing entry carries the file column to blame and the value to show.
    """
    cols = _reason_columns(plan)
    dates = _date_table(distinct["d"], plan.first, plan.last, plan.orders["d"], plan.today)
    dates["column"], dates["value"] = cols["d"], dates["raw"]
    region = distinct["region"]
    triples = list(region[["rc", "rn", "rp"]].itertuples(index=False, name=None))
    code_system = file_code_system(plan.path, cols["r"], [str(t[0]) for t in triples],
                                   [str(t[1]) for t in triples], resolver,
                                   [str(t[2]).strip() or None for t in triples], code_system)
    regions = _region_table(triples, resolver, code_system, bare_means)
    regions["column"] = cols["r"]
    regions["value"] = np.where(regions["code"].str.strip() != "", regions["code"], regions["name"])
    return {"date_map": dates, "region_map": regions,
            "kb_map": _kb_table(distinct["kb"], plan, cols)}


def _kb_table(combos: pd.DataFrame, plan: _Plan, cols: dict[str, str]) -> pd.DataFrame:
    """The rules for flag, method and days, per distinct combination (see module doc)."""
    def lookup(table: pd.DataFrame, *columns) -> dict:
        return {row[0]: row[1:] for row in table[["raw", *columns]].itertuples(index=False)}

    flags = lookup(_flag_table(pd.unique(combos["f"])), "flag", "reason")
    methods = lookup(_method_table(pd.unique(combos["m"])), "method", "reason")
    days_of = lookup(_days_table(pd.unique(combos["dy"])), "days", "reason")
    acceptor = plan.unit == "acceptor"
    rows = []
    for f, m, dy in combos[["f", "m", "dy"]].itertuples(index=False, name=None):
        (flag, f_reason), (method, m_reason), (days, dy_reason) = flags[f], methods[m], days_of[dy]
        flag = bool(flag) if pd.notna(flag) else None
        over = bool(pd.notna(days) and days > WINDOW_DAYS)
        failure = None
        if pd.notna(f_reason):
            failure = (f_reason, cols["f"], f)
        elif acceptor and not flag:
            failure = ("not_postpartum", cols["f"], f)
        elif flag and pd.notna(m_reason):
            failure = (m_reason, cols["m"], m)
        elif flag and pd.notna(dy_reason):
            failure = (dy_reason, cols["dy"], days_shown(plan, dy))
        elif acceptor and flag and over:
            failure = ("after_kbpp_window", cols["dy"], days_shown(plan, dy))
        if failure:
            rows.append((f, m, dy, None, False, *failure))
            continue
        late = bool(not acceptor and flag and over)
        outcome = method if flag and not late else "none"
        rows.append((f, m, dy, outcome, late, None, None, dy if late else None))
    frame = pd.DataFrame(rows, columns=["f", "m", "dy", "outcome", "late", "reason", "column",
                                        "value"])
    return frame.astype({"f": "str", "m": "str", "dy": "str", "outcome": "object",
                         "late": "bool", "reason": "object", "column": "object",
                         "value": "object"})


OUTCOMES = ["none", *METHODS]  # what a kept record counts as: no KBPP, or its method


@dataclass
class _Keyed:
    """The maps with small integer ids, so that both engines count by one BIGINT key.

    A kept record's key is ``((region * n_months + month) * n_outcomes + outcome) * 2 +
    late``; a failing record is counted by the id of the map entry it fails on (``fail``),
    which ``problems`` turns back into a reason, a column and the value to show.
    """

    date_map: pd.DataFrame  # raw, ym, fail
    region_map: pd.DataFrame  # code, name, province, region, fail
    kb_map: pd.DataFrame  # f, m, dy, outcome, late, fail, row
    months: list[tuple[int, int]]  # ym id -> (year, month)
    regions: list[str]  # region id -> BPS code
    problems: pd.DataFrame  # fail id -> reason, column, value

    def key_sizes(self) -> tuple[int, int]:
        return len(self.months), len(OUTCOMES)


def _keyed(maps: dict[str, pd.DataFrame]) -> _Keyed:
    dates, regions, kb = maps["date_map"], maps["region_map"], maps["kb_map"]
    problems, offset = [], 0
    fails = {}
    for name, table in (("date", dates), ("region", regions), ("kb", kb)):
        failing = table["reason"].notna().to_numpy()
        ids = np.cumsum(failing) - 1 + offset  # failing entries numbered on from offset
        fails[name] = pd.Series(ids).where(failing).astype("Int64").array
        offset += int(failing.sum())
        problems.append(table.loc[failing, ["reason", "column", "value"]])
    good_dates = dates[dates["reason"].isna()]
    months = sorted({(int(y), int(m)) for y, m in zip(good_dates["year"], good_dates["month"])})
    month_id = {ym: i for i, ym in enumerate(months)}
    ym = [month_id.get((int(y), int(m))) if pd.notna(y) else None
          for y, m in zip(dates["year"], dates["month"])]
    codes = sorted(set(regions["bps_code"].dropna()))
    region_id = {c: i for i, c in enumerate(codes)}
    outcome_id = {o: i for i, o in enumerate(OUTCOMES)}
    return _Keyed(
        date_map=pd.DataFrame({"raw": dates["raw"], "ym": pd.array(ym, dtype="Int64"),
                               "fail": fails["date"],
                               "zone": pd.array(dates["zone"], dtype="Int64")}),
        region_map=pd.DataFrame({"code": regions["code"], "name": regions["name"],
                                 "province": regions["province"],
                                 "zone": pd.array([local_zone(c) for c in regions["bps_code"]],
                                                  dtype="Int64"),
                                 "region": pd.array([region_id.get(c) for c in regions["bps_code"]],
                                                    dtype="Int64"),
                                 "fail": fails["region"]}),
        kb_map=pd.DataFrame({"f": kb["f"], "m": kb["m"], "dy": kb["dy"],
                             "outcome": pd.array([outcome_id.get(o) for o in kb["outcome"]],
                                                 dtype="Int64"),
                             "late": kb["late"].astype(bool), "fail": fails["kb"],
                             "row": np.arange(len(kb), dtype="int64")}),
        months=months, regions=codes,
        problems=pd.concat(problems, ignore_index=True))


def _decode(keyed: _Keyed, plan: _Plan, counts: pd.DataFrame, problems: pd.DataFrame,
            late: pd.DataFrame) -> tuple[pd.DataFrame, list]:
    """Engine counts back into named rows and ledger notes (the same for both engines).

    ``counts``: key, n (kept records); ``problems``: fail, n, lines (first lines of each
    failing map entry); ``late``: n, lines, values (first late records of each key).
    """
    n_months, n_outcomes = keyed.key_sizes()
    key = counts["key"].to_numpy(dtype="int64") // 2  # the late bit is counted either way
    rest, outcome = np.divmod(key, n_outcomes)
    region, month = np.divmod(rest, n_months)
    months = np.array(keyed.months, dtype="int64").reshape(-1, 2)
    grouped = pd.DataFrame({"bps_code": np.array(keyed.regions, dtype=object)[region],
                            "year": months[month, 0], "month": months[month, 1],
                            "outcome": np.array(OUTCOMES, dtype=object)[outcome],
                            "n": counts["n"].to_numpy(dtype="int64")})
    noted = []
    if len(problems):
        named = keyed.problems.iloc[problems["fail"].to_numpy(dtype="int64")].reset_index(drop=True)
        table = pd.concat([named, problems[["n", "lines"]].reset_index(drop=True)], axis=1)
        for (reason, column), group in table.groupby(["reason", "column"], sort=True):
            examples = sorted((int(line), value)
                              for lines, value in zip(group["lines"], group["value"])
                              for line in lines)
            noted.append(("rejected", reason, column, int(group["n"].sum()),
                          [line for line, _ in examples[: plan.examples]],
                          [value for _, value in examples[: plan.examples]]))
    if len(late):
        examples = sorted((int(line), value) for lines, values in zip(late["lines"], late["values"])
                          for line, value in zip(lines, values))
        noted.append(_late_note(plan, int(late["n"].sum()), examples))
    return grouped, noted


# The example scan first reads this many matching records per example wanted, then 4x more
# each round while some group still lacks examples.
EXAMPLE_SCAN_FACTOR = 64


# DuckDB's spill files and a transcoded copy go to a folder named after the process
# (``kbanalysis-duckdb-<pid>-<random>``): a killed aggregation cannot remove its own, so the
# next one removes every such folder whose process is gone.
TEMP_PREFIX = "kbanalysis-duckdb-"


def remove_stale_temp_dirs(folder=None) -> list[Path]:
    """Delete the temporary folders of register aggregations whose process no longer runs
    (in ``folder``, by default the system's temporary folder); returns those removed."""
    import shutil

    removed = []
    for path in Path(folder or tempfile.gettempdir()).glob(f"{TEMP_PREFIX}*"):
        found = re.fullmatch(rf"{TEMP_PREFIX}(\d+)-.+", path.name)
        if not (found and path.is_dir()) or _process_alive(int(found.group(1))):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


class _DuckDB:
    """One DuckDB connection with the memory and thread limits, over one file."""

    def __init__(self, plan: _Plan, memory_limit: str, threads: int | None):
        import duckdb

        self.plan = plan
        remove_stale_temp_dirs()
        self.tmp = tempfile.TemporaryDirectory(prefix=f"{TEMP_PREFIX}{os.getpid()}-")
        self.csv_path = plan.path
        # Lines before the header (Excel's "sep=;" line): DuckDB reads a copy without them,
        # and every line number it gives is moved on by this many to stay the file's own.
        self.line_offset = 0
        text_format = plan.text_format
        ends_eof = bool(text_format) and _ends_with_eof(plan.path)
        if text_format and (text_format.encoding != "utf-8" or text_format.sep_line
                            or ends_eof):
            # DuckDB reads UTF-8 (a BOM is fine); a cp1252 export is copied to UTF-8 in the
            # temporary folder, line for line, so line numbers stay those of the original.
            # The copy also leaves out the "sep=" line and a trailing Ctrl-Z (not data).
            self.csv_path = Path(self.tmp.name) / "register-utf8.csv"
            self.line_offset = _transcode(plan.path, text_format.python_encoding,
                                          self.csv_path, skip_sep_line=text_format.sep_line,
                                          strip_eof=ends_eof)
        self.rejected_lines = np.empty(0, dtype="int64")
        self.deduplicated = False  # set once the repeated deliveries are known (dup_lines)
        self.line_regions: dict[int, str] = {}  # example line -> its record's BPS code
        self.has_ordinals = False  # set once the service dates' day numbers are registered
        threads = threads or min(4, os.cpu_count() or 1)
        # Insertion order is kept (the default, stated here because _examples relies on it:
        # a LIMIT without ORDER BY then returns the first matching records of the file).
        # The file stays the probe side of every join (the small maps are hashed, never
        # the file), so that matching records leave in file order and memory stays small;
        # without this the optimiser may swap sides on a poor estimate of the file's size.
        self.con = duckdb.connect(config={"memory_limit": memory_limit, "threads": threads,
                                          "temp_directory": self.tmp.name,
                                          "preserve_insertion_order": True,
                                          "disabled_optimizers":
                                              "join_order,build_side_probe_side"})
        # Timestamps without a local zone render in UTC on every machine, never in the
        # machine's own zone (zoned columns are read in their zone: ``_in_zone``).
        self.con.execute("SET TimeZone = 'UTC'")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.con.close()
        self.tmp.cleanup()

    def _source(self, first_scan: bool = False) -> tuple[str, str]:
        """The table function over the file, and the expression of a record's ordinal
        (1 for the first data record; :func:`_file_lines` turns it into a line number)."""
        path = str(self.csv_path).replace("'", "''")
        if self.plan.parquet:
            return f"read_parquet('{path}', file_row_number = true)", "file_row_number + 1"
        delim = self.plan.delimiter.replace("'", "''")
        # Columns by position, all text: the rules read text, never DuckDB's guesses, and a
        # header spelled with spaces or slashes needs no quoting. A record with too few or
        # too many fields is skipped; the first scan stores it (line and text) for the
        # ledger. The streaming row_number() keeps file order.
        columns = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(len(self.plan.header)))
        errors = ("store_rejects = true, rejects_table = 'malformed_rows', "
                  "rejects_scan = 'malformed_scan'" if first_scan else "ignore_errors = true")
        return (f"read_csv('{path}', header = true, auto_detect = false, "
                f"columns = {{{columns}}}, delim = '{delim}', quote = '\"', escape = '\"', "
                f"{errors})", "row_number() OVER ()")

    def _raw_select(self, with_line: bool = True, first_scan: bool = False,
                    dedup_fields: bool = False) -> str:
        if self.deduplicated and not first_scan:
            # Every record but the repeats of a delivery (their lines are in dup_lines);
            # the line is needed to tell them, so this scan keeps file order by line.
            inner = self._raw_select_base(with_line=True)
            keep = "*" if with_line else "* EXCLUDE (line)"
            return f"""
                SELECT {keep} FROM ({inner}) AS base
                WHERE base.line NOT IN (SELECT line FROM dup_lines)"""
        return self._raw_select_base(with_line, first_scan, dedup_fields)

    def _raw_select_base(self, with_line: bool = True, first_scan: bool = False,
                         dedup_fields: bool = False) -> str:
        source, ordinal = self._source(first_scan)
        fields = [f"{ordinal} AS line"] if with_line else []
        wanted = {**_RAW, **(_RAW_DEDUP if dedup_fields else {})}
        for short, canonical in wanted.items():
            name = self.plan.columns.get(canonical)
            if name is None:
                expr = "''"
            else:
                column = (name.replace('"', '""') if self.plan.parquet
                          else f"c{self.plan.header.index(name)}")
                expr = f'coalesce(CAST("{column}" AS VARCHAR), \'\')'
            if canonical in self.plan.zones:  # a zoned timestamp: its local date
                local = _in_zone('"' + column + '"', self.plan.zones[canonical])
                expr = f"coalesce({local}, '')"
            fields.append(f"{expr} AS {short}")
        select = f"SELECT {', '.join(fields)} FROM {source}"
        if not (self.plan.derive_days and self.has_ordinals):
            return select
        return f"""
            SELECT raw.* EXCLUDE (dy), {self._days_expression()} AS dy
            FROM ({select}) AS raw
            LEFT JOIN ordinal_map od ON raw.d = od.raw
            LEFT JOIN ordinal_map os ON raw.s = os.raw"""

    @staticmethod
    def _days_expression() -> str:
        """Days from delivery to service as text, from the day numbers Python read; the
        rules then treat it as they treat a days column (see ``_days_table``)."""
        marker = UNREADABLE_SERVICE_DATE.replace("'", "''")
        return f"""CASE WHEN os.blank THEN ''
                        WHEN os.ordinal IS NULL THEN '{marker}' || raw.s
                        WHEN od.ordinal IS NULL THEN ''
                        ELSE CAST(os.ordinal - od.ordinal AS VARCHAR) END"""

    def duplicates(self, days: pd.DataFrame, keyed: "_Keyed") -> tuple | None:
        """Deliveries entered twice: a record with the same mother (identifier), delivery
        date and facility as an earlier one is a repeat. The repeats' lines go to
        ``dup_lines`` (later scans leave them out); returns the ledger note (every repeat
        counted, the first few with the line they repeat), or None without repeats.

        ``days``: raw delivery date -> day number (``local_date_ordinals``), so that two
        spellings of one date (``05/03/2023``, ``05/03/2023 10:15``) are one date, and a
        UTC timestamp is the local date of its record's regency (as it is counted).
        """
        self.con.register("day_map", days)
        self.con.register("region_map", keyed.region_map)

        def mothers(with_line: bool) -> str:
            line = "raw.line, " if with_line else ""
            return f"""
                SELECT {line}raw.i, raw.rc, raw.rn, raw.rp, lower(trim(raw.i)) AS ik,
                       dm.ordinal AS day, lower(trim(raw.fa)) AS fk
                FROM ({self._raw_select_base(with_line, dedup_fields=True)}) AS raw
                LEFT JOIN region_map rm ON raw.rc = rm.code AND raw.rn = rm.name
                                        AND raw.rp = rm.province
                JOIN day_map dm ON raw.d = dm.raw AND (dm.zone IS NULL OR dm.zone = rm.zone)
                WHERE trim(raw.i) NOT IN ('', '-') AND dm.ordinal IS NOT NULL
                  AND NOT regexp_full_match(trim(raw.i), '{_GARBLED_ID_SQL}')"""

        notes = self._garbled_ids(keyed)
        # First without line numbers (a parallel count): most registers repeat nothing, and
        # then the later scans stay as they are.
        repeated = self._run(f"""
            SELECT count(*) FROM (SELECT 1 FROM ({mothers(False)})
                                  GROUP BY ik, day, fk HAVING count(*) > 1)""").fetchall()[0][0]
        if not repeated:
            return notes
        self._run(f"""
            CREATE OR REPLACE TEMP TABLE dup_lines AS
            SELECT line, i, first, rc, rn, rp FROM (
                SELECT line, i, rc, rn, rp,
                       min(line) OVER (PARTITION BY ik, day, fk) AS first FROM ({mothers(True)}))
            WHERE line > first""")
        count = self._run("SELECT count(*) FROM dup_lines").fetchall()[0][0]
        self.deduplicated = True
        examples = self._run(f"""SELECT line, first, i, rc, rn, rp FROM dup_lines
                                 ORDER BY line LIMIT {int(self.plan.examples)}""").fetchall()
        # Line numbers of the file once the malformed records are known (scan 1 is done).
        rejected = self.rejected_lines
        lines = self._lines([e[0] for e in examples], rejected).tolist()
        firsts = self._lines([e[1] for e in examples], rejected).tolist()
        regions = keyed.region_map.dropna(subset=["region"])
        region_of = {(c, n, p): keyed.regions[int(r)] for c, n, p, r in
                     regions[["code", "name", "province", "region"]].itertuples(index=False)}
        for line, example in zip(lines, examples):
            if example[3:] in region_of:
                self.line_regions[line] = region_of[example[3:]]
        return [*notes, ("rejected", "duplicate_delivery", self.plan.mother_id, int(count),
                         lines, [e[2] for e in examples],
                         [msg("in_column", column=self.plan.mother_id,
                              detail=msg("reg.duplicate_of", row=f)) for f in firsts])]

    def _garbled_ids(self, keyed: "_Keyed") -> list:
        """Identifiers Excel stored as numbers in scientific notation (``3.20301E+15``): the
        digits are lost, so two mothers look alike. Such records are counted, never taken
        as repeats of each other, and reported (kept) so that the column is saved as text."""
        select = self._raw_select_base(with_line=True, dedup_fields=True)
        where = f"regexp_full_match(trim(raw.i), '{_GARBLED_ID_SQL}')"
        count = self._run(f"SELECT count(*) FROM ({select}) AS raw WHERE {where}"
                          ).fetchall()[0][0]
        if not count:
            return []
        examples = self._run(f"""SELECT line, i, rc, rn, rp FROM ({select}) AS raw
                                 WHERE {where} ORDER BY line
                                 LIMIT {int(self.plan.examples)}""").fetchall()
        lines = self._lines([e[0] for e in examples], self.rejected_lines).tolist()
        regions = keyed.region_map.dropna(subset=["region"])
        region_of = {(c, n, p): keyed.regions[int(r)] for c, n, p, r in
                     regions[["code", "name", "province", "region"]].itertuples(index=False)}
        for line, example in zip(lines, examples):
            if example[2:] in region_of:
                self.line_regions[line] = region_of[example[2:]]
        return [("counted", "garbled_identifier", self.plan.mother_id, int(count), lines,
                 [e[1] for e in examples], [msg("reg.garbled_id") for _ in examples])]

    def kb_combinations(self, ordinals: pd.DataFrame) -> pd.DataFrame:
        """Scan 1b (days from the service date): the distinct flag-method-days."""
        self.con.register("ordinal_map", ordinals)
        self.has_ordinals = True
        return self._run(f"""
            SELECT f, m, dy FROM ({self._raw_select(with_line=False)}) GROUP BY ALL""").df()

    def _run(self, sql: str):
        import duckdb
        try:
            return self.con.execute(sql)
        except duckdb.Error as exc:
            raise InputError(self.plan.path, expected=msg("reg.readable"),
                             got=str(exc).splitlines()[0][:300]) from None

    def distinct(self) -> dict:
        """Scan 1: the distinct raw values (dates, regency triples, flag-method-days, and the
        service dates when the days come from them)."""
        service, gs, s = ((", (s)", "grouping(s)", "s") if self.plan.derive_days
                          else ("", "1", "'' AS s"))
        sql = f"""
            WITH raw AS ({self._raw_select(with_line=False, first_scan=True)})
            SELECT grouping(d) AS gd, grouping(rc, rn, rp) AS gr, grouping(f, m, dy) AS gk,
                   {gs} AS gs, d, rc, rn, rp, f, m, dy, {s}, count(*) AS n
            FROM raw
            GROUP BY GROUPING SETS ((d), (rc, rn, rp), (f, m, dy){service})"""
        frame = self._run(sql).df()
        if not self.plan.parquet:
            self.rejected_lines = self._run(
                "SELECT DISTINCT line FROM malformed_rows ORDER BY line"
            ).df()["line"].to_numpy(dtype="int64")
        return {"d": frame.loc[frame["gd"] == 0, "d"],
                "region": frame.loc[frame["gr"] == 0, ["rc", "rn", "rp"]],
                "kb": frame.loc[frame["gk"] == 0, ["f", "m", "dy"]],
                "s": frame.loc[frame["gs"] == 0, "s"],
                "rows": int(frame.loc[frame["gd"] == 0, "n"].sum())}

    def aggregate(self, keyed: _Keyed):
        """Scan 2: join the three small maps and count by one integer key (in parallel);
        then a short ordered scan for the first example lines of each problem."""
        for name in ("date_map", "region_map", "kb_map"):
            self.con.register(name, getattr(keyed, name))
        n_months, n_outcomes = keyed.key_sizes()
        frame = self._run(f"""
            WITH labelled AS ({self._labelled(n_months, n_outcomes, with_line=False)})
            SELECT CASE WHEN fail IS NULL THEN key END AS key, fail, count(*) AS n
            FROM labelled
            GROUP BY ALL""").df()
        kept = frame["fail"].isna()
        counts = frame.loc[kept, ["key", "n"]]
        failing = frame.loc[~kept, ["fail", "n"]].astype({"fail": "int64"})
        late_total = int(frame.loc[kept & (frame["key"].fillna(0).astype("int64") % 2 == 1),
                                   "n"].sum())
        lines, late_lines = self._examples(keyed, n_months, n_outcomes, failing, late_total)
        problems = failing.assign(lines=[lines.get(int(f), []) for f in failing["fail"]])
        days_text = keyed.kb_map["dy"].to_numpy(dtype=object)
        late = pd.DataFrame({"n": [late_total] if late_total else [],
                             "lines": [[line for line, _ in late_lines]] if late_total else [],
                             "values": [[days_text[row] for _, row in late_lines]]
                             if late_total else []})
        return counts, problems, late

    def _labelled(self, n_months: int, n_outcomes: int, with_line: bool) -> str:
        line = "raw.line, " if with_line else ""
        return f"""
            SELECT {line}km.late, km.row AS kb_row, rm.region AS region,
                coalesce(dm.fail, rm.fail, km.fail) AS fail,
                ((rm.region * {n_months} + dm.ym) * {n_outcomes} + km.outcome) * 2
                    + CAST(km.late AS BIGINT) AS key
            FROM ({self._raw_select(with_line)}) AS raw
            LEFT JOIN region_map rm ON raw.rc = rm.code AND raw.rn = rm.name
                                    AND raw.rp = rm.province
            LEFT JOIN date_map dm ON raw.d = dm.raw
                                  AND (dm.zone IS NULL OR dm.zone = rm.zone)
            LEFT JOIN kb_map km ON raw.f = km.f AND raw.m = km.m AND raw.dy = km.dy"""

    def _examples(self, keyed: _Keyed, n_months: int, n_outcomes: int, failing: pd.DataFrame,
                  late_total: int) -> tuple[dict[int, list[int]], list[tuple[int, int]]]:
        """The first example lines of each failing map entry's (reason, column) and of the
        late records, from an ordered scan that stops after ``limit`` matching records.

        Line numbers need file order, which keeps a scan sequential; so they are read only
        here, and the scan stops early. It reads further (doubling ``limit``) until every
        group has its examples or the whole file was read.
        """
        n = int(self.plan.examples)
        groups = keyed.problems.iloc[failing["fail"].to_numpy()][["reason", "column"]]
        group_of = dict(zip(failing["fail"], map(tuple, groups.to_numpy())))
        wanted = failing.assign(group=[group_of[f] for f in failing["fail"]]).groupby("group")["n"].sum()
        wanted = {g: min(n, int(c)) for g, c in wanted.items()}
        late_wanted = min(n, late_total)
        if not wanted and not late_wanted:
            return {}, []
        limit = max(1, int(EXAMPLE_SCAN_FACTOR * n * (len(wanted) + 1)))
        while True:
            rows = self._run(f"""
                WITH labelled AS ({self._labelled(n_months, n_outcomes, with_line=True)})
                SELECT line, fail, late, kb_row, region FROM labelled
                WHERE fail IS NOT NULL OR late
                {"ORDER BY line" if self.deduplicated else ""}
                LIMIT {limit}""").fetchall()
            found: dict[tuple, int] = {}
            lines: dict[int, list[int]] = {}
            late_lines: list[tuple[int, int]] = []
            region_at: dict[int, str] = {}  # example ordinal -> the record's BPS code
            for line, fail, late, kb_row, region in sorted(rows, key=lambda r: r[0]):
                if fail is not None:
                    group = group_of[int(fail)]
                    if found.get(group, 0) < wanted[group]:
                        found[group] = found.get(group, 0) + 1
                        lines.setdefault(int(fail), []).append(int(line))
                elif len(late_lines) < late_wanted:
                    late_lines.append((int(line), int(kb_row)))
                else:
                    continue
                if region is not None and not pd.isna(region):
                    region_at[int(line)] = keyed.regions[int(region)]
            complete = (all(found.get(g, 0) == k for g, k in wanted.items())
                        and len(late_lines) == late_wanted)
            if complete or len(rows) < limit:
                rejected = self.rejected_lines
                ordinals = sorted(region_at)
                # Problem lines name the regency of a record whose regency was read.
                self.line_regions.update(zip(self._lines(ordinals, rejected).tolist(),
                                             (region_at[o] for o in ordinals)))
                lines = {f: self._lines(ordinals, rejected).tolist()
                         for f, ordinals in lines.items()}
                at = self._lines([ordinal for ordinal, _ in late_lines], rejected).tolist()
                return lines, [(line, row) for line, (_, row) in zip(at, late_lines)]
            limit *= 4

    def malformed(self) -> "_Malformed":
        """The records skipped for a wrong number of fields: their lines, and the text
        and DuckDB's diagnosis of the first few."""
        if self.plan.parquet or not len(self.rejected_lines):
            return _Malformed(np.empty(0, dtype="int64"), [])
        rows = self._run(f"""
            SELECT line, first(csv_line ORDER BY column_idx), first(error_type ORDER BY column_idx)
            FROM malformed_rows GROUP BY line ORDER BY line
            LIMIT {int(self.plan.examples)}""").fetchall()
        examples = [(int(line) + self.line_offset, text.strip("\r\n"), _malformed_detail(
            self.plan, text.strip("\r\n"), kind)) for line, text, kind in rows]
        return _Malformed(self.rejected_lines + self.line_offset, examples)

    def _lines(self, ordinals, rejected: np.ndarray) -> np.ndarray:
        """The file's own line numbers of kept records (:func:`_file_lines`, moved on by
        the lines the copy DuckDB reads leaves out at the top)."""
        return _file_lines(ordinals, rejected) + self.line_offset


def _ends_with_eof(path: Path) -> bool:
    """True when the file ends with the DOS end-of-file mark (Ctrl-Z), before any line
    breaks."""
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - 16))
        return EOF_MARK.encode() in handle.read().rstrip(b"\r\n")[-1:]


def _transcode(source: Path, encoding: str, target: Path, skip_sep_line: bool = False,
               strip_eof: bool = False) -> int:
    """Copy ``source`` to UTF-8 in chunks (bounded memory); newlines are left as they are.
    ``skip_sep_line``: leave out the lines up to Excel's ``sep=`` line; ``strip_eof``: a
    trailing Ctrl-Z. Returns the number of lines left out at the top."""
    skipped = 0
    with source.open(encoding=encoding, newline="") as reader, \
            target.open("w", encoding="utf-8", newline="") as writer:
        if skip_sep_line:
            for line in reader:
                skipped += 1
                if line.strip():
                    break
        pending = ""
        while chunk := reader.read(1 << 20):
            writer.write(pending)
            pending = chunk
        if strip_eof:
            body = pending.rstrip("\r\n")
            pending = body.rstrip(EOF_MARK) + pending[len(body):]
        writer.write(pending)
    return skipped


def _file_lines(ordinals, rejected_lines: np.ndarray) -> np.ndarray:
    """The line numbers of kept records given their ordinals among kept records (1 = the
    first), skipping the lines of malformed records (header = line 1).

    Exact when every record is one line, as register exports are; a blank line or a
    quoted line break before a record would put it a line later than shown.
    """
    ordinals = np.asarray(ordinals, dtype="int64")
    lines = ordinals + 1
    while True:  # each malformed line at or before a record pushes it one line on
        moved = ordinals + 1 + np.searchsorted(rejected_lines, lines, side="right")
        if np.array_equal(moved, lines):
            return lines
        lines = moved


@dataclass
class _Malformed:
    """Records with a wrong number of fields: every line, and the first few examples as
    (line, text, detail)."""

    lines: np.ndarray
    examples: list[tuple[int, str, str]]

    @property
    def count(self) -> int:
        return len(self.lines)


def _malformed_detail(plan: _Plan, text: str, error_type: str = "") -> str:
    """What is wrong with a malformed line, e.g. "3 fields, header has 4"."""
    if error_type == "UNQUOTED VALUE":
        return msg("reg.unclosed_quote")
    fields = next(csv.reader([text], delimiter=plan.delimiter), [])
    return msg("rows.fields_count", fields=len(fields), header=len(plan.header))


def _malformed_note(plan: _Plan, malformed: _Malformed) -> tuple:
    examples = malformed.examples[: plan.examples]
    return ("rejected", "malformed_row", None, malformed.count,
            [line for line, _, _ in examples], [text[:200] for _, text, _ in examples],
            [detail for _, _, detail in examples])


def _late_note(plan: _Plan, count: int, examples: list[tuple]) -> tuple:
    examples = examples[: plan.examples]
    return ("kept", "after_kbpp_window", _reason_columns(plan)["dy"], count,
            [line for line, _ in examples], [days_shown(plan, value) for _, value in examples])


def _result(plan: _Plan, grouped: pd.DataFrame, noted: list, rows_read: int,
            source_id: str) -> RegisterResult:
    keys = ["bps_code", "year", "month"]
    if grouped.empty:  # nothing kept: one placeholder-free empty pivot
        grouped = pd.DataFrame({"bps_code": [], "year": [], "month": [], "outcome": [], "n": []})
    grouped = grouped.astype({"bps_code": "str", "year": "int64", "month": "int64",
                              "outcome": "str", "n": "int64"})
    wide = grouped.pivot_table(index=keys, columns="outcome", values="n", aggfunc="sum",
                               fill_value=0)
    monthly = pd.DataFrame(index=wide.index)
    if plan.unit == "delivery":
        monthly["deliveries"] = wide.sum(axis=1)
    else:
        monthly["deliveries"] = np.nan  # an acceptor register does not count deliveries
    for m in METHODS:
        monthly[f"kbpp_{m}"] = wide[m] if m in wide.columns else 0
    monthly = monthly.reset_index().astype({m: "int64" for m in METHOD_COLUMNS})
    if plan.unit == "delivery":
        monthly["deliveries"] = monthly["deliveries"].astype("int64")
    monthly = monthly.sort_values(keys, kind="mergesort").reset_index(drop=True)
    count_columns = ["deliveries", *METHOD_COLUMNS]
    yearly = (monthly.groupby(["bps_code", "year"], as_index=False)[count_columns]
              .sum(min_count=1).sort_values(["bps_code", "year"], kind="mergesort")
              .reset_index(drop=True))
    if plan.unit == "delivery":
        monthly, yearly = _with_coverage(monthly), _with_coverage(yearly)

    ledger = Ledger()
    summary = []
    # A note: (kind, reason, column, count, lines, values[, details]); a malformed row has
    # no column, and its own detail (how many fields) instead.
    for kind, reason, column, count, lines, values, *details in sorted(
            noted, key=lambda x: (x[0], x[1], x[2] or "")):
        if kind == "note":  # about the whole file, said once (kbpp_import.NOTES)
            ledger.add(source_id, plan.path, None, None, reason, msg(f"reg.{reason}"))
            continue
        # "counted": records counted as they are, with a cell worth fixing (a garbled NIK).
        kept = kind in ("kept", "counted")
        summary.append({"reason": reason, "column": column, "rows": count, "kept": kept})
        if details:
            shown = sorted(zip(lines, values, details[0]))[: plan.examples]
        else:
            # A rejected record is dropped whole: the column moves to the detail.
            detail = "" if kind == "kept" else msg("in_column_only", column=column)
            shown = [(line, value, detail) for line, value in sorted(zip(lines, values))]
            shown = shown[: plan.examples]
        summary_key = ("reg.summary" + ("_one" if count == 1 else "")
                       + {"kept": "_kept", "counted": "_counted"}.get(kind, "_rejected"))
        ledger.add(source_id, plan.path, None, column, reason,
                   msg(summary_key, count=count, shown=len(shown)))
        for line, value, detail in shown:
            ledger.add(source_id, plan.path, int(line), column if kept else None,
                       reason, detail, value, region=plan.line_regions.get(int(line)))
    reasons = pd.DataFrame(summary, columns=["reason", "column", "rows", "kept"])
    return RegisterResult(plan.path, plan.unit, monthly, yearly, reasons, ledger, rows_read,
                          plan.text_format)


# --------------------------------------------------------------------------------------
# Into the KBPP table


def read_register_parts(path, *, unit: str = "delivery", deliveries: pd.DataFrame | None = None,
                        resolver: Resolver | None = None, **options) -> KbppParts:
    """A register's yearly counts as KBPP parts (see :func:`aggregate_register`).

    An acceptor register (``unit="acceptor"``) gives the method counts only; the deliveries
    come from ``deliveries`` (bps_code, year, deliveries) when given, else from another file
    combined with it (e.g. a Profil Kesehatan or open-data table of deliveries).
    """
    result = aggregate_register(path, unit=unit, resolver=resolver, **options)
    yearly = result.yearly
    if unit == "acceptor":
        yearly = yearly.drop(columns="deliveries")
        if deliveries is not None:
            given = deliveries[["bps_code", "year", "deliveries"]].astype(
                {"bps_code": "str", "year": "int64"})
            yearly = yearly.merge(given, on=["bps_code", "year"], how="left")
        else:
            yearly["deliveries"] = np.nan
    records = yearly.assign(line=None)[["bps_code", "year", "deliveries", *METHOD_COLUMNS,
                                        "line"]].to_dict("records")
    extras = {"monthly": result.monthly, "yearly": result.yearly, "reasons": result.reasons,
              "rows_read": result.rows_read}
    return KbppParts(Path(path), "register", parts_frame(records), result.ledger, extras)
