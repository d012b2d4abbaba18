"""A regency page printed from the browser is a two-page A4 profile.

Built from the committed project tables (data/processed/, results/): one regency with office
KBPP data (Kabupaten Tegal), one without (Lombok Timur), one in Papua (Merauke, Papua Selatan).
"""
from __future__ import annotations

import base64
import re

import pytest

from kbanalysis import config
from kbanalysis.reporting import batch
from kbanalysis.reporting.context import load_context
from tests.conftest import skip_or_fail

PAGES = ("3328", "5203", "9401")
A4_PT = (595, 842)  # 210 x 297 mm in PostScript points


@pytest.fixture(scope="module")
def printed_pages(tmp_path_factory):
    if not (config.ANALYSIS_CSV.exists() and (config.RESULTS_DIR / "meta.json").exists()):
        skip_or_fail("data/processed/ or results/ has not been built yet")
    extra = {"processed_dir": str(config.PROCESSED_DIR), "results_dir": str(config.RESULTS_DIR)}
    ctx = load_context(config.PROCESSED_DIR, config.RESULTS_DIR)
    jobs = batch.plan("regency", only=list(PAGES), context=ctx, extra=extra)
    reports = tmp_path_factory.mktemp("print-reports")
    summary = batch.run_batch(jobs, reports_dir=reports, workers=2, progress=False,
                              processed_dir=config.PROCESSED_DIR, results_dir=config.RESULTS_DIR)
    assert summary.ok, summary.failed
    return [(job.code, reports / job.output) for job in jobs]


def _pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """The size (points) of each page object of ``pdf`` (uncompressed page dictionaries, as
    Chromium writes them)."""
    pages = re.findall(rb"/Type\s*/Page(?!s)", pdf)
    boxes = [tuple(float(v) for v in m.groups()[2:])
             for m in re.finditer(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)]
    assert len(boxes) >= 1
    return [boxes[0]] * len(pages) if len(boxes) == 1 else boxes[:len(pages)]


def test_a_regency_page_prints_on_at_most_two_a4_pages(browser, printed_pages):
    assert [code for code, _ in printed_pages] == list(PAGES)
    for code, page in printed_pages:
        browser.open(page.as_uri())
        data = browser.call("Page.printToPDF", preferCSSPageSize=True, printBackground=True)["data"]
        sizes = _pdf_pages(base64.b64decode(data))
        assert 1 <= len(sizes) <= 2, (code, len(sizes))
        assert all(abs(w - A4_PT[0]) < 2 and abs(h - A4_PT[1]) < 2 for w, h in sizes), (code, sizes)


def test_print_hides_navigation_provenance_and_commands(browser, printed_pages):
    _, page = printed_pages[0]
    browser.open(page.as_uri())
    browser.call("Emulation.setEmulatedMedia", media="print")
    try:
        shown = browser.evaluate("[...document.querySelectorAll('nav.report-nav, .provenance, details, "
                                 "pre.commands')].filter(e => getComputedStyle(e).display !== 'none').length")
        headings = browser.evaluate("[...document.querySelectorAll('h2')].filter(h => h.offsetParent)"
                                    ".map(h => h.textContent)")
    finally:
        browser.call("Emulation.setEmulatedMedia", media="")
    assert shown == 0
    assert "Prevalensi stunting" in headings and "Asal-usul data" not in headings
    # on screen they are all still there
    assert browser.evaluate("document.querySelectorAll('nav.report-nav').length") == 2
