"""The indicators of the tidy table: what each measures, its unit, type and valid range.

Survey and routine-weighing stunting are different measures and so different indicators:
they never share a column or a model.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import config

MEASURE_TYPES = ("survey", "routine_weighing", "administrative", "simulated")
LEVELS = ("province", "regency")

# ``source_ref``: where a value was printed when that is finer than its file (the web
# address of a secondary source quoting a survey); empty for the project's own tables.
TIDY_COLUMNS = ["region_code", "level", "year", "indicator", "value", "unit",
                "measure_type", "source_id", "source_row", "flags", "source_ref"]


@dataclass(frozen=True)
class Indicator:
    name: str
    unit: str
    measure_type: str
    low: float
    high: float
    label_id: str  # Bahasa Indonesia label
    label_en: str


_ALL = [
    Indicator("stunting_survey_pct", "percent", "survey", 0, 100,
              "Prevalensi balita stunting (survei SSGI/SKI)", "Stunting prevalence (SSGI/SKI survey)"),
    Indicator("stunting_weighing_pct", "percent", "routine_weighing", 0, 100,
              "Persentase balita stunting (penimbangan rutin)", "Stunting share (routine weighing)"),
    Indicator("poverty_pct", "percent", "survey", 0, 100,
              "Persentase penduduk miskin (P0)", "Population below the poverty line (P0)"),
    Indicator("births_outside_facility_pct", "percent", "survey", 0, 100,
              "Persalinan tidak di fasilitas kesehatan", "Last live birth not in a health facility"),
    # Programme indicator of a provincial health profile (Profil Kesehatan Jawa Tengah 2021,
    # Gambar 5.9): deliveries assisted by health workers in a health facility. Not the
    # complement of the Susenas share above (a different measure and year).
    Indicator("births_in_facility_pct", "percent", "administrative", 0, 100,
              "Cakupan persalinan di fasilitas pelayanan kesehatan",
              "Deliveries in a health facility (programme coverage)"),
    Indicator("first_birth_before_20_pct", "percent", "survey", 0, 100,
              "Melahirkan anak pertama sebelum umur 20", "First live birth before age 20"),
    Indicator("food_security_index", "index", "administrative", 0, 100,
              "Indeks Ketahanan Pangan (IKP)", "Food security index (IKP)"),
    Indicator("sppg_per_100k", "per 100,000", "administrative", 0, 1000,
              "SPPG per 100.000 penduduk", "Nutrition service units (SPPG) per 100,000"),
    Indicator("sppg_count", "count", "administrative", 0, 10_000,
              "Jumlah SPPG", "Nutrition service units (SPPG)"),
    Indicator("population", "persons", "administrative", 1_000, 20_000_000,
              "Jumlah penduduk (BPS)", "Population (BPS)"),
    Indicator("children_0_4", "persons", "administrative", 100, 5_000_000,
              "Jumlah penduduk umur 0-4 tahun (BPS)", "Children aged 0-4 (BPS)"),
    Indicator("latitude", "degrees", "administrative", -11.5, 6.5,
              "Lintang", "Latitude"),
    Indicator("longitude", "degrees", "administrative", 94.5, 141.5,
              "Bujur", "Longitude"),
    # The KBPP layer: real imports and the simulator share these names; measure_type tells
    # them apart ("administrative" for real registers and profiles, "simulated" otherwise).
    Indicator("deliveries", "count", "administrative", 0, 5_000_000,
              "Jumlah ibu bersalin", "Deliveries"),
    *[Indicator(f"kbpp_{m}", "count", "administrative", 0, 5_000_000,
                f"Peserta KBPP {m.upper()}", f"KBPP acceptors, {m.upper()}")
      for m in config.KBPP_METHODS],
    Indicator("kbpp_total", "count", "administrative", 0, 5_000_000,
              "Jumlah peserta KB pasca persalinan", "KBPP acceptors, all methods"),
    Indicator("kbpp_coverage_pct", "percent", "administrative", 0, 100,
              "Cakupan KB pasca persalinan", "KBPP coverage (acceptors / deliveries)"),
    # Survey indicators of postpartum contraception (Susenas, BPS Statistik Kesehatan): asked
    # of mothers who gave birth in the last two years, no 42-day window; never the programme
    # indicator above.
    Indicator("postpartum_modern_method_pct", "percent", "survey", 0, 100,
              "Ibu melahirkan yang memakai KB modern setelah melahirkan (survei)",
              "Mothers using a modern method after delivery (survey)"),
    Indicator("kbpp_counselling_pct", "percent", "survey", 0, 100,
              "Ibu melahirkan yang menerima konseling KB pasca persalinan (survei)",
              "Mothers counselled on postpartum family planning (survey)"),
    # Family-planning context from BKKBN / DP3AKB routine reporting (Open Data tables).
    Indicator("kb_active_users", "persons", "administrative", 0, 20_000_000,
              "Jumlah peserta KB aktif", "Current contraceptive users (peserta KB aktif)"),
    Indicator("kb_new_users", "persons", "administrative", 0, 20_000_000,
              "Jumlah peserta KB baru", "New contraceptive acceptors (peserta KB baru)"),
    Indicator("pus", "couples", "administrative", 0, 20_000_000,
              "Jumlah pasangan usia subur (PUS)", "Couples of reproductive age (PUS)"),
    Indicator("unmet_need_pct", "percent", "administrative", 0, 100,
              "Kebutuhan ber-KB tidak terpenuhi (unmet need)", "Unmet need for family planning"),
    # BKKBN SIGA / Elsimil programme exports (desa counts summed per regency).
    Indicator("kb_modern_users", "persons", "administrative", 0, 20_000_000,
              "Jumlah peserta KB modern", "Modern contraceptive users"),
    Indicator("modern_cpr_pct", "percent", "administrative", 0, 100,
              "Prevalensi kontrasepsi modern (peserta KB modern / PUS)",
              "Modern contraceptive prevalence (modern users / PUS)"),
    Indicator("long_acting_share_pct", "percent", "administrative", 0, 100,
              "Proporsi MKJP (IUD, implan, MOW, MOP) di antara peserta KB modern",
              "Long-acting methods (IUD, implant, MOW, MOP) among modern users"),
    Indicator("kbpp_intention_pct", "percent", "administrative", 0, 100,
              "Ibu hamil >=32 minggu yang akan ber-KBPP (Elsimil)",
              "Pregnant women at >=32 weeks intending postpartum FP (Elsimil)"),
]

INDICATORS: dict[str, Indicator] = {i.name: i for i in _ALL}


def get(name: str) -> Indicator:
    try:
        return INDICATORS[name]
    except KeyError:
        raise KeyError(f"unknown indicator {name!r}; known: {', '.join(INDICATORS)}") from None


def label(name: str, lang: str) -> str:
    """An indicator's name in words in ``lang``; a name that is no indicator stays as it is."""
    return getattr(INDICATORS.get(name), f"label_{lang}", name)


_DTYPES = {"region_code": "str", "level": "str", "year": "int64", "indicator": "str",
           "value": "float64", "unit": "str", "measure_type": "str", "source_id": "str",
           "source_row": "int64", "flags": "str", "source_ref": "str"}


def normalise_tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """Column order, dtypes and a stable sort, so that the same inputs give the same bytes."""
    frame = frame.reindex(columns=TIDY_COLUMNS)
    for text in ("flags", "source_ref"):
        frame[text] = frame[text].astype("object").fillna("")
    frame = frame.astype(_DTYPES)
    return frame.sort_values(["level", "region_code", "indicator", "year", "source_id"],
                             kind="mergesort").reset_index(drop=True)
