"""From the raw files to the committed tables: tidy, rejects, KBPP and the analysis table.

``build`` runs every reader, settles values that two sources both give (one is kept by
``SOURCE_PRIORITY``, the other goes to the ledger as ``duplicate``), adds the KBPP layer
(simulated unless real registers are passed in) and writes every table in one atomic set:
a failure anywhere leaves the previous tables as they were. The ``load_*`` functions read
the committed tables with their proper dtypes (codes stay strings).
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import __version__, config
from .atomic import finish_pending, write_frame_csv, write_set
from .availability import availability_table
from .indicators import TIDY_COLUMNS, normalise_tidy
from .kbpp_schema import COUNT_COLUMNS, KBPP_COLUMNS, empty_kbpp, kbpp_to_tidy, validate_kbpp
from .ledger import LEDGER_COLUMNS, InputError, Ledger
from .messages import msg
from .regions import REGION_COLUMNS, Resolver, build_regions
from .simulate.kbpp import simulate_kbpp
from .sources import kode_wilayah
from .sources.base import SourceResult
from .sources.jabar_opendata import read_opendata
from .sources.kbpp_import import file_labels, import_kbpp, kbpp_notes
from .sources.population import read_children_0_4, read_crosswalk_2020, read_population_total
from .sources.published import read_published
from .sources.rows import row_accounting
from .sources.siga import (
    PROGRAMME_COLUMNS,
    combine_programme,
    read_elsimil_bumil,
    read_siga_mix,
    read_siga_pus,
)
from .sources.ssgi import read_ssgi_kabkota
from .sources.ssgi_province import read_ssgi_provinsi
from .sources.susenas import read_susenas_kabkota

FIRST_YEAR = 2014  # the analysis table starts with the first year of any regency series

# Regency indicators of the analysis table, in column order (see the data contract).
REGENCY_INDICATORS = ["stunting_survey_pct", "stunting_weighing_pct", "poverty_pct",
                      "births_outside_facility_pct", "first_birth_before_20_pct",
                      "food_security_index", "sppg_per_100k", "sppg_count", "population",
                      "children_0_4", "modern_cpr_pct", "unmet_need_pct", "long_acting_share_pct",
                      "kbpp_intention_pct"]
INTEGER_INDICATORS = ["sppg_count", "population", "children_0_4"]  # counts: written without ".0"
PLACE_COLUMNS = ["latitude", "longitude"]  # describe the regency, repeated every year
KBPP_VALUE_COLUMNS = [*COUNT_COLUMNS, "kbpp_coverage_pct"]
# What availability.csv reports per regency: every indicator, the KBPP coverage and counts.
AVAILABILITY_INDICATORS = [*REGENCY_INDICATORS, "kbpp_coverage_pct", "deliveries", "kbpp_total"]
ANALYSIS_COLUMNS = (["bps_code", "year", "name", "type", "province_bps", "province_name",
                     *PLACE_COLUMNS, *REGENCY_INDICATORS, *KBPP_VALUE_COLUMNS,
                     "kbpp_measure_type", "kbpp_source", "flags"])


@dataclass(frozen=True)
class RawSource:
    """One raw file of the build: its id, where it lies under the raw folder, its reader.

    ``read(path, resolver, source_id, *used)`` also receives the results of the earlier
    sources named in ``uses``, in that order (read once by the build, never again).
    """

    source_id: str
    pattern: str  # glob under the raw folder; exactly one file must match
    read: Callable[..., SourceResult]
    kind: str = "official"  # of its values: see kbanalysis.availability.KINDS
    uses: tuple[str, ...] = ()  # source ids listed before this one


# In priority order: when two sources give the same region, year and indicator, the earlier
# one is kept. The 514-regency SSGI table comes before the Jawa Barat SSGI extract (they
# agree; the national table is the one every other regency comes from).
RAW_SOURCES = [
    RawSource("ssgi2024_kabkota", "ssgi2024_kabkota_brin/sppg_ikp_kabkota_514*.csv",
              lambda p, r, s: read_ssgi_kabkota(p, resolver=r, source_id=s)),
    RawSource("susenas_kabkota", "bps_susenas_kabkota/indikator_kabkota*.csv",
              lambda p, r, s: read_susenas_kabkota(p, resolver=r, source_id=s)),
    RawSource("jabar_od_17148", "jabar_opendata/*od_17148*.csv",
              lambda p, r, s: read_opendata(p, s, resolver=r), kind="administrative"),
    RawSource("jabar_ssgi2024", "jabar_opendata/ssgi2024_prevalensi_balita_stunting*.csv",
              lambda p, r, s: read_opendata(p, s, resolver=r)),
    RawSource("ssgi_provinsi", "ssgi_provinsi/*od_20953*.csv",
              lambda p, r, s: read_ssgi_provinsi(p, resolver=r, source_id=s)),
    # Published value tables (sources.published), after the official series so that an
    # official value wins a tie. Province lines of the secondary stunting lists are checked
    # against the official province series the build has read above.
    RawSource("stunting_secondary", "stunting_kabkota_secondary/ssgi_ski_kabkota_*.csv",
              lambda p, r, s, official: read_published(p, resolver=r, source_id=s,
                                                        official=official.tidy),
              uses=("ssgi_provinsi",)),
    # A second list of the same kind (PROVENANCE 17: other provinces, no region-year of the
    # first list), read by the same rules; its name is outside the first list's pattern.
    RawSource("stunting_secondary_extra", "stunting_kabkota_secondary/tambahan_ssgi_ski_*.csv",
              lambda p, r, s, official: read_published(p, resolver=r, source_id=s,
                                                        official=official.tidy),
              uses=("ssgi_provinsi",)),
    RawSource("susenas_provinsi_kb_modern", "susenas_provinsi/*kb_modern_pascapersalinan*.csv",
              lambda p, r, s: read_published(p, resolver=r, source_id=s)),
    RawSource("susenas_provinsi_konseling", "susenas_provinsi/*konseling_kbpp*.csv",
              lambda p, r, s: read_published(p, resolver=r, source_id=s)),
    # Facility births 2021, Jawa Tengah (Profil Kesehatan, Gambar 5.9): the province whose
    # KBPP 2021 is held; a published table in the same shape.
    RawSource("persalinan_faskes_jateng", "persalinan_faskes/*persalinan_faskes*.csv",
              lambda p, r, s: read_published(p, resolver=r, source_id=s)),
    # BPS population tables. Pre-2022 Kemendagri codes of Papua are read through the
    # bridging list of the same raw folder (the parent of the table's folder).
    RawSource("bps_population", "penduduk_kabkota/bps_penduduk_kabkota_*.csv",
              lambda p, r, s: read_population_total(
                  p, resolver=r, source_id=s,
                  crosswalk=read_crosswalk_2020(p.parents[1] / kode_wilayah.FILES["bridge"][0]))),
    RawSource("bps_children_0_4", "penduduk_kabkota/bps_penduduk_0_4_kabkota_*.csv",
              lambda p, r, s: read_children_0_4(p, resolver=r, source_id=s)),
    # BKKBN SIGA / Elsimil exports of Sulawesi Barat: no column holds the year; it is 2025 by
    # the file names and the dashboard they come from (data/SOURCES.md).
    RawSource("siga_pus", "siga_sulbar/data_pus.csv",
              lambda p, r, s: read_siga_pus(p, year=config.SIGA_SULBAR_YEAR, resolver=r,
                                            source_id=s),
              kind="administrative"),
    RawSource("siga_mix_kontra", "siga_sulbar/data_mix_kontra.csv",
              lambda p, r, s: read_siga_mix(p, year=config.SIGA_SULBAR_YEAR, resolver=r,
                                            source_id=s),
              kind="administrative"),
    RawSource("elsimil_bumil", "siga_sulbar/*elsimil-bumil*.csv",
              lambda p, r, s: read_elsimil_bumil(p, year=config.SIGA_SULBAR_YEAR, resolver=r,
                                                 source_id=s),
              kind="administrative"),
]
# Published KBPP tables in the raw folder (coverage by kab/kota, e.g. Profil Kesehatan Jawa
# Tengah 2021): read with the users' --kbpp files through the one KBPP importer.
KBPP_TABLE_PATTERNS = ("kbpp_kabkota/*.csv",)
SIMULATED_KBPP_ID = "simulated_kbpp"
IMPORTED_KBPP_ID = "kbpp_import"
SOURCE_PRIORITY = [s.source_id for s in RAW_SOURCES] + [SIMULATED_KBPP_ID, IMPORTED_KBPP_ID]
SOURCE_KINDS = ({s.source_id: s.kind for s in RAW_SOURCES}
                | {SIMULATED_KBPP_ID: "simulated", IMPORTED_KBPP_ID: "administrative"})


@dataclass
class BuildResult:
    out_dir: Path
    sources: list[SourceResult]
    tidy: pd.DataFrame
    rejects: pd.DataFrame
    analysis: pd.DataFrame
    kbpp: pd.DataFrame
    meta: dict = field(default_factory=dict)
    # Findings the build prints (kbpp_import.NOTES: counts against a printed coverage).
    notes: list = field(default_factory=list)

    def counts(self) -> list[dict]:
        """Rows read / kept / rejected per source, after cross-source duplicates."""
        return [{"source_id": k, **v} for k, v in self.meta["sources"].items()]


def build(raw_dir: Path, out_dir: Path = config.PROCESSED_DIR, kbpp: pd.DataFrame | None = None,
          seed: int = config.SEED, kbpp_files: Sequence[Path] = (),
          allow_kbpp_rejects: bool = False, kbpp_sheet: str | None = None,
          kbpp_region: str | None = None,
          simulate: bool = False, code_system: str | None = None) -> BuildResult:
    """Read ``raw_dir``, write every processed table into ``out_dir`` (all or nothing).

    The KBPP layer is real unless ``simulate``: ``kbpp`` (a frame in the KBPP schema) when
    given, else the published KBPP tables of the raw folder (``KBPP_TABLE_PATTERNS``) together
    with the user's ``kbpp_files`` (Profil Kesehatan tables, open-data tables, service
    registers, coverage tables; read and combined by
    :func:`kbanalysis.sources.kbpp_import.import_kbpp`, their rejects join the ledger). Regencies none of them covers get no KBPP values: nothing
    is ever filled in. ``simulate`` replaces the whole layer by the simulated demonstration
    (every row labelled "simulated"); it cannot be combined with real KBPP input.
    A problem in the user's ``kbpp_files`` (a rejected row or cell, regencies dropped as
    conflicting across files) stops the build before anything is written
    (:class:`~kbanalysis.sources.kbpp_import.KbppRejected` lists each) unless
    ``allow_kbpp_rejects``; ``kbpp_sheet`` picks the sheet of a workbook with several tables;
    ``kbpp_region`` (``--regency``) names the regency of a district Profil Kesehatan table.
    ``code_system`` ("bps"/"kemendagri") declares the system of the regency codes in the KBPP
    files; by default each file's is detected (:mod:`kbanalysis.sources.code_system`).
    """
    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    if simulate and (kbpp is not None or kbpp_files):
        raise InputError(", ".join(Path(f).name for f in kbpp_files) or msg("build.kbpp_table"),
                         expected=msg("build.not_both"))
    regencies, provinces = build_regions(raw_dir)
    resolver = Resolver(regencies, provinces)
    files = {s.source_id: find_raw_file(raw_dir, s.pattern) for s in RAW_SOURCES}
    read: dict[str, SourceResult] = {}
    for s in RAW_SOURCES:
        read[s.source_id] = s.read(files[s.source_id], resolver, s.source_id,
                                   *(read[u] for u in s.uses))
    results = list(read.values())
    programme = combine_programme(results)  # cross-file ratios (modern_cpr_pct) join here
    kbpp_ledger = Ledger()
    published_kbpp = [] if simulate else find_kbpp_tables(raw_dir)
    if kbpp is None and not simulate:
        kbpp, kbpp_ledger = (import_kbpp([Path(f) for f in kbpp_files], published_kbpp,
                                         allow_rejects=allow_kbpp_rejects, resolver=resolver,
                                         sheet=kbpp_sheet, code_system=code_system,
                                         **({"region": kbpp_region} if kbpp_region else {}))
                             if published_kbpp or kbpp_files else (empty_kbpp(), Ledger()))

    real = pd.concat([r.tidy for r in results], ignore_index=True)
    real, duplicates = drop_duplicates(real, results)
    real = normalise_tidy(real)

    if simulate:
        kbpp = simulate_kbpp(regencies, real, seed=seed)
    problems = validate_kbpp(kbpp, msg("build.kbpp_table"), resolver)
    if problems:
        raise InputError(msg("build.kbpp_table"),
                         expected=msg("build.valid_kbpp", count=len(problems), first=problems[0]))
    kbpp = (kbpp[KBPP_COLUMNS].sort_values(["bps_code", "year"], kind="mergesort")
            .reset_index(drop=True))
    simulated = not kbpp.empty and kbpp["measure_type"].eq("simulated").all()
    kbpp_id = SIMULATED_KBPP_ID if simulated else IMPORTED_KBPP_ID
    tidy = normalise_tidy(pd.concat([real, kbpp_to_tidy(kbpp, kbpp_id)], ignore_index=True))

    ledger = Ledger()
    for result in results:
        ledger.extend(result.ledger)
    ledger.extend(kbpp_ledger)
    rejects = ledger.to_frame().sort_values(["source_id", "row", "column"], kind="mergesort",
                                            na_position="first").reset_index(drop=True)
    analysis = analysis_table(tidy, regencies, kbpp)
    meta = build_meta(raw_dir, files, results, tidy, rejects, kbpp, seed, duplicates,
                      [Path(f) for f in kbpp_files], published_kbpp)

    outputs = {
        out_dir / config.REGIONS_CSV.name: regencies[REGION_COLUMNS],
        out_dir / config.PROVINCES_CSV.name: provinces,
        out_dir / config.TIDY_CSV.name: tidy,
        out_dir / config.REJECTS_CSV.name: rejects,
        out_dir / config.ANALYSIS_CSV.name: analysis,
        out_dir / config.KBPP_CSV.name: kbpp,
        out_dir / config.PROGRAMME_MONTHLY_CSV.name: programme,
        out_dir / config.AVAILABILITY_CSV.name: availability_table(
            tidy, regencies, AVAILABILITY_INDICATORS, SOURCE_KINDS),
    }
    writers = {path: (lambda tmp, frame=frame: write_frame_csv(frame, tmp))
               for path, frame in outputs.items()}
    meta_text = json.dumps(meta, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    writers[out_dir / config.BUILD_META_JSON.name] = (
        lambda tmp: tmp.write_text(meta_text, encoding="utf-8", newline="\n"))
    write_set(writers)
    return BuildResult(out_dir, results, tidy, rejects, analysis, kbpp, meta,
                       notes=kbpp_notes(kbpp_ledger))


def find_kbpp_tables(raw_dir: Path) -> list[Path]:
    """The published KBPP tables of the raw folder (any number, sorted by path)."""
    return sorted(p for pattern in KBPP_TABLE_PATTERNS for p in Path(raw_dir).glob(pattern))


def raw_source_file(raw_dir: Path, source_id: str) -> Path:
    """The raw file the build reads for ``source_id`` (one of ``RAW_SOURCES``)."""
    pattern = next((s.pattern for s in RAW_SOURCES if s.source_id == source_id), None)
    if pattern is None:
        raise KeyError(f"unknown source {source_id!r}; known: "
                       f"{', '.join(s.source_id for s in RAW_SOURCES)}")
    return find_raw_file(raw_dir, pattern)


def find_raw_file(raw_dir: Path, pattern: str) -> Path:
    found = sorted(Path(raw_dir).glob(pattern))
    if len(found) != 1:
        raise InputError(Path(raw_dir) / pattern,
                         expected=msg("build.one_raw_file"),
                         got=[p.name for p in found] or msg("got.none"))
    return found[0]


# --------------------------------------------------------------------------------------
# Cross-source duplicates


def drop_duplicates(tidy: pd.DataFrame, results: list[SourceResult]) -> tuple[pd.DataFrame, int]:
    """Keep one value per (region, level, year, indicator), by ``SOURCE_PRIORITY``.

    The other goes to its source's ledger as ``duplicate``, naming the kept source and the
    difference (the ledger column is then the tidy indicator). A row that loses its only
    value is rejected whole (no column), so every input row stays either kept or rejected.
    Each result's ``tidy`` is cut down to its kept values.
    """
    rank = {s: i for i, s in enumerate(SOURCE_PRIORITY)}
    key = ["region_code", "level", "year", "indicator"]
    ordered = tidy.assign(_rank=tidy["source_id"].map(rank)).sort_values(
        ["_rank", "source_row"], kind="mergesort")
    lost = ordered.duplicated(key, keep="first")
    kept = ordered[~lost].drop(columns="_rank")
    winners = kept.set_index(key)
    by_source = {r.source_id: r for r in results}
    remaining = kept.groupby("source_id")["source_row"].agg(set).to_dict()

    for row in ordered[lost].itertuples(index=False):
        winner = winners.loc[(row.region_code, row.level, row.year, row.indicator)]
        whole = row.source_row not in remaining.get(row.source_id, set())
        result = by_source[row.source_id]
        result.ledger.add(
            row.source_id, result.file, row.source_row, None if whole else row.indicator,
            "duplicate",
            msg("build.duplicate", indicator=row.indicator, year=row.year, code=row.region_code,
                source=winner["source_id"], row=winner["source_row"],
                difference=float(row.value - winner["value"])),
            f"{row.value:g}")
    # Each reader's result now holds only what is kept, so its counts reconcile.
    for result in results:
        own = kept[kept["source_id"] == result.source_id]
        result.tidy = own[TIDY_COLUMNS].reset_index(drop=True)
    return kept[TIDY_COLUMNS].reset_index(drop=True), int(lost.sum())


# --------------------------------------------------------------------------------------
# The analysis table


def analysis_table(tidy: pd.DataFrame, regions: pd.DataFrame, kbpp: pd.DataFrame) -> pd.DataFrame:
    """One row per regency x year (data contract), sorted by bps_code, year.

    Years: from ``FIRST_YEAR`` on, every year in which any regency-level value exists.
    Coordinates are repeated in every year of their regency; every other value sits in its
    own year, NaN where absent. ``flags`` joins ``indicator:flag`` items of the row's values.
    """
    regency = tidy[tidy["level"] == "regency"]
    years = sorted(int(y) for y in regency["year"].unique() if y >= FIRST_YEAR)
    places = regions[["bps_code", "name", "type", "province_bps", "province_name"]].astype(str)
    grid = places.merge(pd.DataFrame({"year": years}, dtype="int64"), how="cross")

    coordinates = (regency[regency["indicator"].isin(PLACE_COLUMNS)]
                   .sort_values("year", kind="mergesort")
                   .drop_duplicates(["region_code", "indicator"])
                   .pivot(index="region_code", columns="indicator", values="value"))
    grid = grid.merge(coordinates.reindex(columns=PLACE_COLUMNS), left_on="bps_code",
                      right_index=True, how="left")

    values = (regency[regency["indicator"].isin(REGENCY_INDICATORS)]
              .pivot(index=["region_code", "year"], columns="indicator", values="value")
              .reindex(columns=REGENCY_INDICATORS)
              .astype({c: "Int64" for c in INTEGER_INDICATORS}))
    grid = grid.merge(values, left_on=["bps_code", "year"], right_index=True, how="left")

    layer = kbpp[["bps_code", "year", *KBPP_VALUE_COLUMNS, "measure_type", "source"]].rename(
        columns={"measure_type": "kbpp_measure_type", "source": "kbpp_source"})
    layer = layer.astype({c: "Int64" for c in COUNT_COLUMNS} | {"bps_code": "str", "year": "int64"})
    grid = grid.merge(layer, on=["bps_code", "year"], how="left")

    grid["flags"] = _row_flags(regency, grid)
    return (grid[ANALYSIS_COLUMNS].sort_values(["bps_code", "year"], kind="mergesort")
            .reset_index(drop=True))


def _row_flags(regency: pd.DataFrame, grid: pd.DataFrame) -> pd.Series:
    order = {name: i for i, name in enumerate(ANALYSIS_COLUMNS)}
    flagged = regency[regency["flags"] != ""]
    items = (flagged.assign(item=flagged["flags"].str.split(";")).explode("item")
             .assign(pos=lambda f: f["indicator"].map(order).fillna(len(order)))
             .sort_values(["region_code", "year", "pos", "item"], kind="mergesort"))
    joined = (items.assign(item=items["indicator"] + ":" + items["item"])
              .groupby(["region_code", "year"])["item"].agg(";".join))
    keys = pd.MultiIndex.from_arrays([grid["bps_code"], grid["year"]])
    return pd.Series(joined.reindex(keys).fillna("").to_numpy(), index=grid.index, dtype="str")


# --------------------------------------------------------------------------------------
# Build record


def build_meta(raw_dir: Path, files: dict[str, Path], results: list[SourceResult],
               tidy: pd.DataFrame, rejects: pd.DataFrame, kbpp: pd.DataFrame, seed: int,
               duplicates: int, kbpp_files: list[Path] = (),
               published_kbpp: list[Path] = ()) -> dict:
    """What the tables were built from: no timestamps, so a rebuild is byte-identical.

    Raw files (including the published KBPP tables) are named by their path under the raw
    folder; the user's KBPP files by their name only (never an absolute path).
    """
    inputs = ([raw_dir / rel for rel, _ in kode_wilayah.FILES.values()] + list(files.values())
              + list(published_kbpp))
    used = {p.resolve() for p in inputs}
    others = sorted(p.relative_to(raw_dir).as_posix() for p in raw_dir.rglob("*")
                    if p.is_file() and p.resolve() not in used)
    sources = {}
    for result in results:
        counts = row_accounting(result.rows_read, result.kept_rows(), result.rejected_rows())
        file = files[result.source_id].relative_to(raw_dir).as_posix()
        sources[result.source_id] = {"file": file, **counts, "values": len(result.tidy)}
    return {
        "package": "kbanalysis", "package_version": __version__, "seed": seed,
        "raw_files": {p.relative_to(raw_dir).as_posix(): _sha256(p) for p in inputs},
        "raw_files_not_read": others,
        "sources": sources,
        "cross_source_duplicates": duplicates,
        "kbpp": {"measure_type": ";".join(sorted(kbpp["measure_type"].unique())),
                 "source": ";".join(sorted(kbpp["source"].unique())), "rows": len(kbpp),
                 # Keyed like the table's ``source``: two files of one name stay apart.
                 "files": {label: _sha256(p) for p, label in file_labels(kbpp_files).items()}},
        "tables": {"tidy.csv": len(tidy), "rejects.csv": len(rejects), "kbpp.csv": len(kbpp)},
        "rejects_by_reason": {k: int(v) for k, v
                              in sorted(rejects["reason"].value_counts().items())},
    }


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# --------------------------------------------------------------------------------------
# Loading the committed tables


def load_tidy(path: Path = config.TIDY_CSV) -> pd.DataFrame:
    finish_pending(Path(path).parent)  # never read half of an interrupted rebuild
    frame = pd.read_csv(path, dtype={"region_code": str, "flags": str, "source_ref": str},
                        keep_default_na=False,
                        na_values={"value": [""]})
    return normalise_tidy(frame)


def load_rejects(path: Path = config.REJECTS_CSV) -> pd.DataFrame:
    finish_pending(Path(path).parent)  # never read half of an interrupted rebuild
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["row"] = pd.to_numeric(frame["row"]).astype("Int64")
    frame["column"] = frame["column"].replace("", None)
    return frame[LEDGER_COLUMNS]


def load_kbpp(path: Path = config.KBPP_CSV) -> pd.DataFrame:
    finish_pending(Path(path).parent)  # never read half of an interrupted rebuild
    return pd.read_csv(path, dtype={"bps_code": str, "measure_type": str, "source": str})


def load_programme_monthly(path: Path = config.PROGRAMME_MONTHLY_CSV) -> pd.DataFrame:
    """BKKBN programme indicators per regency x month (data/SOURCES.md, programme_monthly.csv)."""
    finish_pending(Path(path).parent)  # never read half of an interrupted rebuild
    frame = pd.read_csv(path, dtype={"bps_code": str, "indicator": str, "source_id": str})
    return frame.astype({"year": "int64", "month": "Int64", "numerator": "Int64",
                         "denominator": "Int64", "value": "float64"})[PROGRAMME_COLUMNS]


def load_analysis(path: Path = config.ANALYSIS_CSV) -> pd.DataFrame:
    finish_pending(Path(path).parent)  # never read half of an interrupted rebuild
    frame = pd.read_csv(path, dtype={"bps_code": str, "province_bps": str, "flags": str,
                                     "name": str, "type": str, "province_name": str,
                                     "kbpp_measure_type": str, "kbpp_source": str})
    frame["flags"] = frame["flags"].fillna("")
    # Only the columns the file has: a table built before a column was added still loads.
    integers = [c for c in (*COUNT_COLUMNS, *INTEGER_INDICATORS) if c in frame]
    return frame.astype({c: "Int64" for c in integers} | {"year": "int64"})
