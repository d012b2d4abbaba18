"""Every path and default the project uses. No other module builds a path by hand.

Paths hang off ``PROJ_ROOT`` (the repository root), never off the working directory, so a
notebook, a test and the CLI agree wherever they are started from.
"""
from __future__ import annotations

import os
from pathlib import Path

PROJ_ROOT = Path(__file__).resolve().parents[1]

DATA_DIR = PROJ_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"  # a user's own downloads; never committed
PROCESSED_DIR = DATA_DIR / "processed"  # the embedded default, committed
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
REPORTS_DIR = PROJ_ROOT / "reports"
RESULTS_DIR = PROJ_ROOT / "results"

# The committed tables of the embedded default.
REGIONS_CSV = PROCESSED_DIR / "regions.csv"
PROVINCES_CSV = PROCESSED_DIR / "provinces.csv"
TIDY_CSV = PROCESSED_DIR / "tidy.csv"
REJECTS_CSV = PROCESSED_DIR / "rejects.csv"
ANALYSIS_CSV = PROCESSED_DIR / "analysis.csv"
KBPP_CSV = PROCESSED_DIR / "kbpp.csv"
BUILD_META_JSON = PROCESSED_DIR / "build_meta.json"
# Per regency and indicator: which years are known and of which kind (data contract).
AVAILABILITY_CSV = PROCESSED_DIR / "availability.csv"
# BKKBN programme indicators per regency and month, with numerators and denominators.
PROGRAMME_MONTHLY_CSV = PROCESSED_DIR / "programme_monthly.csv"

# The simulated demonstration (`kbanalysis data build --simulate`, `make run SIMULATE=1`)
# lives apart from the real default, so it can never overwrite or be mistaken for it.
SIMULATED_DIR = DATA_DIR / "simulated"  # not committed
SIMULATED_PROCESSED_DIR = SIMULATED_DIR / "processed"

# An office's own KBPP files (`make run KBPP=...`, `kbanalysis office`, `3.01-your-data`) are
# built, fitted and reported in this workspace, never into the committed tables and results
# above, so `make test` still passes after a run and deleting it returns to the default.
# $KBANALYSIS_LOCAL_DIR puts the whole workspace (tables, results, reports) in another folder.
LOCAL_DIR_ENV = "KBANALYSIS_LOCAL_DIR"
_LOCAL_ROOT = os.environ.get(LOCAL_DIR_ENV)
LOCAL_DIR = Path(_LOCAL_ROOT) if _LOCAL_ROOT else DATA_DIR / "local"  # not committed
LOCAL_PROCESSED_DIR = LOCAL_DIR / "processed"
LOCAL_RESULTS_DIR = LOCAL_DIR / "results"
LOCAL_REPORTS_DIR = LOCAL_DIR / "reports" if _LOCAL_ROOT else REPORTS_DIR / "local"  # not committed

# Raw files are looked for here, in this order, when no --raw is given:
# $KBANALYSIS_RAW_DIR, data/raw/ (if it holds anything), then a `shared/data/raw`
# checkout beside the repository.
RAW_DIR_ENV = "KBANALYSIS_RAW_DIR"
# Who produced the reports and receives filled templates (`kbanalysis report --contact`):
# named on every page; report kernels inherit it from the environment.
REPORT_CONTACT_ENV = "KBANALYSIS_REPORT_CONTACT"
SIBLING_RAW_DIR = PROJ_ROOT.parent / "shared" / "data" / "raw"

SEED = 20240601  # default seed for every random draw in the project

# Domain constants with their sources (see data/SOURCES.md).
KBPP_WINDOW_DAYS = 42  # KBPP: modern method started within 42 days of delivery
# Verified anchors (see data/SOURCES.md). Programme indicator, acceptors / deliveries:
KBPP_JATENG_PCT = {2021: 53.9, 2022: 50.5, 2023: 54.8}  # Profil Kesehatan Jawa Tengah
# Survey indicator (BPS Statistik Kesehatan 2022, Susenas): mothers who gave birth in the
# last two years using a modern method after delivery (no 42-day window stated).
SUSENAS_POSTPARTUM_MODERN_PCT = 73.01  # national
SUSENAS_POSTPARTUM_MODERN_PAPUA_PCT = 28.71  # Papua (pre-2022 province), the lowest
# A class bound of the KBPP map only: no page calls it a target, as no official document for
# a 70 % KBPP target is among the project's sources (DESIGN names one without a citation).
KBPP_TARGET_PCT = 70.0
# The BKKBN Sulawesi Barat SIGA/Elsimil exports hold no year column: the file names and the
# dashboard they come from say 2025 (data/SOURCES.md).
SIGA_SULBAR_YEAR = 2025
KBPP_METHODS = ("kondom", "suntik", "pil", "akdr", "mop", "mow", "implan", "mal")
# Stunting targets, year -> percent: 14 % by 2024 (RPJMN 2020-24); 18.8 % in 2025 and
# 14.2 % by 2029 (RPJMN 2025-29).
STUNTING_TARGETS_PCT = {2024: 14.0, 2025: 18.8, 2029: 14.2}
SSGI_2024_NATIONAL_PCT = 19.8  # SSGI 2024 national stunting prevalence
# SSGI 2024 regency estimates carry roughly +-4 points at 95 % (no CIs are published).
SSGI_REGENCY_HALF_WIDTH_95 = 4.0
# National survey stunting prevalence by year (Kemenkes: SSGI 2021, SSGI 2022, SKI 2023, SSGI 2024).
STUNTING_SURVEY_NATIONAL_PCT = {2021: 24.4, 2022: 21.6, 2023: 21.5, 2024: SSGI_2024_NATIONAL_PCT}
# WHO/UNICEF prevalence thresholds for stunting (de Onis et al. 2019, Public Health Nutrition
# 22(1):175-179; WHO/UNICEF 2018): a class holds values below its upper bound, in percent.
STUNTING_PREVALENCE_THRESHOLDS_PCT = (2.5, 10.0, 20.0, 30.0)
STUNTING_PREVALENCE_CLASSES = ("very_low", "low", "medium", "high", "very_high")
# Fixed colour classes of the maps, the same on every page (upper bounds in percent; the
# last class is open): stunting in the WHO/UNICEF classes above, KBPP coverage around the
# BKKBN 70 % target. Map axes run 0-60 % (no regency estimate reaches 60) and 0-100 %.
KBPP_MAP_THRESHOLDS_PCT = (30.0, 50.0, KBPP_TARGET_PCT, 90.0)
MAP_RANGE_PCT = {"stunting_survey_pct": (0.0, 60.0), "kbpp_coverage_pct": (0.0, 100.0)}


def default_raw_dir() -> Path | None:
    """The first raw-data folder that exists, or None when there is none."""
    env = os.environ.get(RAW_DIR_ENV)
    if env:
        return Path(env)
    if RAW_DIR.is_dir() and any(RAW_DIR.iterdir()):
        return RAW_DIR
    if SIBLING_RAW_DIR.is_dir():
        return SIBLING_RAW_DIR
    return None
