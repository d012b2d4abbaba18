"""The facts of the data-audit and exploration notebooks, computed from the committed tables.

Pure functions of frames, like :mod:`.content`; the notebooks only call and display them.
"""
from __future__ import annotations

import pandas as pd

from ..ledger import REASONS

# Indicators of the analysis table whose coverage the audit shows, in reading order.
AUDIT_COLUMNS = ("stunting_survey_pct", "stunting_weighing_pct", "poverty_pct",
                 "births_outside_facility_pct", "first_birth_before_20_pct", "food_security_index",
                 "sppg_per_100k", "population", "deliveries", "kbpp_coverage_pct")
EXPLORE_COLUMNS = ("stunting_survey_pct", "kbpp_coverage_pct", "poverty_pct",
                   "births_outside_facility_pct", "first_birth_before_20_pct", "food_security_index",
                   "sppg_per_100k")


def source_inventory(tidy: pd.DataFrame) -> pd.DataFrame:
    """Per source and indicator: measure type, rows kept, regions, first and last year."""
    grouped = tidy.groupby(["source_id", "indicator", "measure_type", "level"], sort=True)
    out = grouped.agg(rows=("value", "size"), regions=("region_code", "nunique"),
                      first_year=("year", "min"), last_year=("year", "max")).reset_index()
    return out


def coverage_by_year(analysis: pd.DataFrame, columns=AUDIT_COLUMNS) -> pd.DataFrame:
    """Regencies with a value, per indicator (rows) and year (columns)."""
    present = [c for c in columns if c in analysis]
    counts = analysis.groupby("year", sort=True)[present].count().T
    counts.index.name = "indicator"
    counts.columns = [int(y) for y in counts.columns]
    return counts


def rejects_by_reason(rejects: pd.DataFrame) -> pd.DataFrame:
    """Ledger rows per source and reason, with the reason in words."""
    if rejects.empty:
        return pd.DataFrame(columns=["source_id", "reason", "rows", "meaning"])
    out = rejects.groupby(["source_id", "reason"], sort=True).size().rename("rows").reset_index()
    out["meaning"] = out["reason"].map(REASONS).fillna("")
    return out


def measure_status(tidy: pd.DataFrame, analysis: pd.DataFrame) -> pd.DataFrame:
    """Per indicator: which measure types feed it and whether any of it is simulated."""
    status = (tidy.groupby("indicator", sort=True)["measure_type"]
              .agg(lambda s: ", ".join(sorted(set(s)))).rename("measure_types").reset_index())
    status["simulated"] = status["measure_types"].str.contains("simulated")
    if "kbpp_measure_type" in analysis:  # the KBPP layer carries its own label in the analysis table
        kbpp = ", ".join(sorted(set(analysis["kbpp_measure_type"].dropna()) - {""}))
        status.loc[status["indicator"].str.startswith(("kbpp_", "deliveries")), "measure_types"] = kbpp
        status.loc[status["indicator"].str.startswith(("kbpp_", "deliveries")), "simulated"] = \
            "simulated" in kbpp
    return status


def flag_counts(analysis: pd.DataFrame) -> pd.DataFrame:
    """How often each ``indicator:flag`` appears in the analysis table."""
    items = analysis["flags"].fillna("").str.split(";").explode()
    items = items[items.str.len() > 0]
    if items.empty:
        return pd.DataFrame(columns=["indicator", "flag", "rows"])
    split = items.str.rpartition(":")
    out = pd.DataFrame({"indicator": split[0], "flag": split[2]})
    return out.groupby(["indicator", "flag"], sort=True).size().rename("rows").reset_index()


def summary_statistics(cross: pd.DataFrame, columns=EXPLORE_COLUMNS) -> pd.DataFrame:
    """Count, mean, sd and quartiles of each indicator across regencies (latest values)."""
    present = [c for c in columns if c in cross]
    return cross[present].astype(float).describe().T.round(2)


def correlations(cross: pd.DataFrame, columns=EXPLORE_COLUMNS) -> pd.DataFrame:
    """Spearman rank correlations across regencies (pairwise complete)."""
    present = [c for c in columns if c in cross and cross[c].notna().sum() > 2]
    return cross[present].astype(float).corr(method="spearman").round(3)


def kbpp_by_year(analysis: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """KBPP coverage per year, nationally or per ``by``: how many regencies have a value, the
    spread of their coverages, and the pooled coverage (acceptors / deliveries) over those
    that also have counts (empty where only coverages were published)."""
    keys = ["year"] if by is None else [by, "year"]
    rows = analysis.loc[analysis["kbpp_coverage_pct"].notna()]
    spread = (rows.groupby(keys, sort=True)["kbpp_coverage_pct"]
              .agg(regencies="count", coverage_min="min", coverage_median="median",
                   coverage_max="max").reset_index())
    counted = rows.loc[rows["deliveries"].notna() & rows["kbpp_total"].notna()]
    sums = counted.groupby(keys, sort=True)[["deliveries", "kbpp_total"]].sum().reset_index()
    sums["pooled_coverage_pct"] = (100 * sums["kbpp_total"].astype(float)
                                   / sums["deliveries"].astype(float)).round(2)
    return spread.merge(sums, on=keys, how="left")


def kbpp_label(simulated: list[str]) -> str:
    """The axis label of KBPP coverage, saying whether it is simulated or programme data."""
    kind = "SIMULATED" if "simulated_kbpp" in simulated else "programme data"
    return f"KBPP coverage (%, {kind})"


def weighing_by_year(analysis: pd.DataFrame) -> pd.DataFrame:
    """Routine-weighing stunting per year: regencies reporting, median and range."""
    rows = analysis.loc[analysis["stunting_weighing_pct"].notna()]
    return (rows.groupby("year", sort=True)["stunting_weighing_pct"]
            .agg(regencies="count", median="median", lowest="min", highest="max").round(2).reset_index())


def load_audit_tables(processed_dir=None) -> dict:
    """The committed tables the audit reads: tidy, rejects, KBPP and the build's metadata."""
    import json
    from pathlib import Path

    from .. import config
    from ..dataset import load_kbpp, load_rejects, load_tidy

    folder = Path(processed_dir) if processed_dir else config.PROCESSED_DIR
    meta_path = folder / config.BUILD_META_JSON.name
    return {
        "tidy": load_tidy(folder / config.TIDY_CSV.name),
        "rejects": load_rejects(folder / config.REJECTS_CSV.name),
        "kbpp": load_kbpp(folder / config.KBPP_CSV.name),
        "build_meta": json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {},
    }


def build_sources(build_meta: dict) -> pd.DataFrame:
    """Per source of the last build: its file and the row accounting the build recorded."""
    rows = []
    for source_id, info in sorted((build_meta.get("sources") or {}).items()):
        flat = {k: v for k, v in info.items() if isinstance(v, (str, int, float, bool))}
        rows.append({"source_id": source_id, **flat})
    return pd.DataFrame(rows)


def raw_files(build_meta: dict) -> pd.DataFrame:
    """The raw files of the last build with their sha256 (first 16 hex digits)."""
    files = build_meta.get("raw_files") or {}
    return pd.DataFrame({"file": list(files), "sha256": [h[:16] for h in files.values()]})
