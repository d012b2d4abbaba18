"""Where the values a table or chart shows come from, as one short line for the reader.

"Sumber: SSGI 2024 (Kemenkes; salinan tabel)" under a figure names the published table and its year, so a
reader can look the number up. The names come from the rows shown (their years, flags and
KBPP sources), never from a fixed guess: a page of Jawa Tengah names the Profil Kesehatan
Jawa Tengah 2021, a simulated demonstration says it is simulated.
"""
from __future__ import annotations

import re

import pandas as pd

from .. import messages as T
from .content import has_simulated_kbpp

# The survey behind each year's regency stunting estimates (Kemenkes).
SURVEY_BY_YEAR = {2018: "Riskesdas 2018", 2019: "SSGBI 2019", 2021: "SSGI 2021", 2022: "SSGI 2022",
                  2023: "SKI 2023", 2024: "SSGI 2024"}
# Where the regency SSGI 2024 figures were copied from (PROVENANCE §4): named on the pages.
SSGI_REGENCY_COPY_URL = "https://github.com/yanuprasetyo/sppg_rawanpangan"


def ssgi_regency_copy(lang: str) -> str:
    """The sentence that says the regency SSGI 2024 figures are a copy, and of what."""
    return T.t("ssgi_regency_copy", lang, url=SSGI_REGENCY_COPY_URL)


# Where the BPS children 0-4 counts (2025) behind the planning numbers were copied from (§14).
CHILDREN_COPY_URL = "https://github.com/lisafajrianti0/UAS_VISDAT"


def planning_method(lang: str) -> str:
    """How deliveries are estimated, how rough that is, and where the children counts come from."""
    return T.t("plan_method", lang, url=CHILDREN_COPY_URL)


# Other indicators of the analysis table and the publisher of each.
INDICATOR_PUBLISHERS = {
    "population": "BPS", "children_0_4": "BPS", "poverty_pct": "BPS",
    "modern_cpr_pct": "BKKBN SIGA", "unmet_need_pct": "BKKBN SIGA",
    "long_acting_share_pct": "BKKBN SIGA", "kbpp_intention_pct": "BKKBN SIGA",
    "stunting_weighing_pct": "e-PPGBM",
}


def shown_years(cross: pd.DataFrame, column: str) -> list[int]:
    year_column = "kbpp_year" if column in ("kbpp_coverage_pct", "deliveries", "kbpp_total") \
        else f"{column}_year"
    if year_column not in cross or column not in cross:
        return []
    years = cross.loc[cross[column].notna(), year_column].dropna()
    return sorted({int(y) for y in years})


def _column(frame: pd.DataFrame, name: str, default) -> pd.Series:
    return frame[name] if name in frame else pd.Series(default, index=frame.index)


def _kbpp_names(cross: pd.DataFrame, lang: str) -> list[str]:
    """Readable names of the KBPP tables behind ``cross``'s coverage values."""
    rows = cross.loc[cross["kbpp_coverage_pct"].notna()]
    keys = pd.DataFrame({"source": _column(rows, "kbpp_source", "").fillna("").astype(str),
                         "year": _column(rows, "kbpp_year", 0).fillna(0).astype(int),
                         "kind": _column(rows, "kbpp_measure_type", "").fillna("").astype(str),
                         "province": _column(rows, "province_name", "").fillna("").astype(str)})
    names = []
    for (source, year, kind), group in keys.groupby(["source", "year", "kind"], sort=True):
        first = source.split(";")[0].strip()
        if kind == "simulated":
            names.append(T.t("ui_source_simulated", lang))
        elif re.search(r"profil[_ ]kesehatan", first, re.IGNORECASE):
            provinces = " / ".join(sorted(set(group["province"]) - {""}))
            names.append(" ".join(p for p in ("Profil Kesehatan", provinces, str(year or "")) if p))
        elif first:
            names.append(first)
    return list(dict.fromkeys(names))


def indicator_source(cross: pd.DataFrame, column: str, lang: str) -> str:
    """The table(s) and year(s) ``column``'s shown values come from, e.g. "SSGI 2024 (Kemenkes; salinan tabel)"."""
    if column in ("kbpp_coverage_pct", "deliveries", "kbpp_total"):
        if "kbpp_coverage_pct" not in cross:
            return ""
        return "; ".join(_kbpp_names(cross, lang))
    years = shown_years(cross, column)
    if column.startswith("stunting_survey"):
        names = [SURVEY_BY_YEAR.get(y, f"SSGI/SKI {y}") for y in years]
        # every regency survey figure is read from a copy of the published table
        text = T.t("ui_source_survey", lang, surveys=", ".join(names)) if names else ""
        flags = cross.get("stunting_flags", pd.Series(dtype=str)).fillna("")
        quoted = int(flags.str.contains("secondary_source").sum())
        if quoted:
            text += "; " + T.t("ui_source_secondary", lang, n=quoted)
        return text
    publisher = INDICATOR_PUBLISHERS.get(column, "")
    span = "" if not years else str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    return " ".join(p for p in (publisher, span) if p)


def source_line(cross: pd.DataFrame, columns: list[str], lang: str) -> str:
    """"Sumber: SSGI 2024 (Kemenkes; salinan tabel); Profil Kesehatan Jawa Tengah 2021" for ``columns``."""
    names = [indicator_source(cross, c, lang) for c in columns]
    names = [n for n in dict.fromkeys(names) if n]
    if not names:
        return ""
    return T.t("ui_source", lang, sources="; ".join(names))


def is_simulated(cross: pd.DataFrame, column: str) -> bool:
    """Whether the shown values of ``column`` rest on the simulated KBPP layer."""
    return column.startswith(("kbpp_", "deliveries")) and has_simulated_kbpp(cross)
