"""An Indonesian page speaks Indonesian: no English words outside code and attribution.

The page is rendered from the committed real default by the same section calls the report
templates make; its words and the descriptions (alt texts) of its figures are checked
against a stop-list of common English words that are not Indonesian.
"""
from __future__ import annotations

import html
import re

import pytest

from kbanalysis.reporting import sections as S

ENGLISH = {"the", "and", "with", "estimate", "estimates", "confidence", "of", "from", "which", "this",
           "that", "regency", "regencies", "province", "survey", "coverage", "weighted", "unadjusted",
           "between", "years", "figure", "official", "not", "by", "month", "indicators", "gap", "mothers",
           "deliveries", "acceptors", "target", "is", "are", "no", "source", "points", "pp"}
# "target" is Indonesian too ("Target 14 %"): only the English sentences around it are listed
ENGLISH -= {"target"}


@pytest.fixture(scope="module")
def ctx():
    from kbanalysis.reporting.context import load_context
    return load_context(raw_dir=None)


def _flatten(parts):
    for part in parts:
        if isinstance(part, tuple):
            yield from _flatten(part)
        elif part is not None:
            yield part


def _words(parts) -> list[str]:
    text = []
    for part in _flatten(parts):
        if hasattr(part, "markup"):
            markup = re.sub(r"<(code|pre|script|style)\b[^>]*>.*?</\1>", " ", part.markup, flags=re.S)
            text.append(html.unescape(re.sub(r"<[^>]+>", " ", markup)))
        if getattr(part, "description", None):  # a figure's alt text
            text.append(part.description)
    return [w for w in re.findall(r"[A-Za-z]+", " ".join(text)) if w.lower() in ENGLISH]


@pytest.mark.parametrize("code", ["7601", "3376", "6371"])
def test_an_indonesian_regency_page_has_no_english_words(ctx, code):
    calls = (S.regency_header, S.regency_stunting, S.regency_comparison, S.regency_trend, S.regency_targets,
             S.regency_kbpp, S.regency_programme, S.regency_covariates, S.regency_rank, S.regency_similar,
             S.regency_relationship, S.regency_model)
    parts = [call(ctx, code, "id") for call in calls]
    parts += [S.caveat("id"), S.footer(ctx, {"regency": code, "lang": "id"}, "id")]
    assert _words(parts) == []


@pytest.mark.parametrize("province", ["63", "76", "33"])
def test_an_indonesian_province_page_has_no_english_words(ctx, province):
    calls = (S.province_header, S.province_headline, S.province_trend, S.province_regencies,
             S.province_planning, S.province_programme_months)
    cross = ctx.cross[ctx.cross["province_bps"] == province]
    parts = [call(ctx, province, "id") for call in calls]
    parts += [S.maps_section(ctx, cross, "id"), S.scatter(cross, "id"), S.model_comparison(ctx, "id"),
              S.caveat("id")]
    assert _words(parts) == []


def test_the_national_overview_has_no_english_words(ctx):
    assert _words([S.national_header(ctx, "id"), S.national_overview(ctx, "id"),
                   S.national_provinces(ctx, "id")]) == []


def test_the_stop_list_finds_english():
    from kbanalysis.reporting import blocks as B
    assert _words([B.paragraph("Estimate of the coverage"), B.paragraph("<code>ols</code>")]) \
        == ["Estimate", "of", "the", "coverage"]


def test_the_sensitivity_grid_and_literature_rows_are_indonesian(ctx):
    parts = [*S.national_research_sensitivity(ctx, "id"), *S.expected_range(ctx, "id")]
    assert _words(parts) == []
    assert S.variant_words("covariates_without_poverty_pct", "without poverty_pct", "id") \
        == "tanpa Persentase penduduk miskin (P0)"
    assert S.variant_words("drop_flag_poverty_pct_year_uncertain", "x", "id") \
        == 'tanpa baris dengan catatan "tahun data tidak pasti" pada Persentase penduduk miskin (P0)'
    assert S.variant_words("something_new", "as fit wrote it", "id") == "as fit wrote it"


@pytest.mark.parametrize("template", ["national", "province", "regency"])
def test_every_section_of_the_committed_indonesian_pages_has_no_english_words(template):
    """The whole page, research appendix included, as the template's committed outputs hold it
    (nbval keeps those equal to a fresh run)."""
    from types import SimpleNamespace

    import nbformat

    from kbanalysis import config

    notebook = nbformat.read(config.NOTEBOOKS_DIR / "reports" / f"{template}.ipynb", as_version=4)
    assert notebook.cells[1].source.count('lang = "id"') == 1  # the committed run is Indonesian
    outputs = [o.get("data", {}) for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    # a download's file name is the same in both languages (scripts rely on it): not prose
    parts = [SimpleNamespace(markup=re.sub(r"[\w.-]+\.csv\b", " ", data["text/html"]))
             for data in outputs if "text/html" in data]
    # an image's alt text is its plain-text twin without the "[figure: ...]" wrapper
    parts += [SimpleNamespace(description=data["text/plain"].removeprefix("[figure: ").removesuffix("]"))
              for data in outputs if "image/png" in data]
    assert len(parts) > 8
    assert _words(parts) == []
    # nor a column name of the data where the indicator's name belongs
    from kbanalysis.indicators import INDICATORS

    code = re.compile(r"<(code|pre|script|style)\b[^>]*>.*?</\1>", re.S)  # the model formula may
    prose = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", code.sub(" ", getattr(p, "markup", ""))))
                     for p in parts)
    assert [c for c in INDICATORS if re.search(rf"\b{c}\b", prose)] == []
