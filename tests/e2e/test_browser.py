"""Reports in a real browser: no console errors, no request to any host, key content present."""
from __future__ import annotations

import pytest
from conftest import POISONED

from kbanalysis.reporting import batch
from kbanalysis.reporting.context import load_context


@pytest.fixture(scope="module")
def built(tmp_path_factory, world, world_params):
    processed, results = world
    ctx = load_context(processed, results)
    jobs = (batch.plan("regency", only=[POISONED], context=ctx, extra=world_params)
            + batch.plan("province", only=["53"], lang="en", context=ctx, extra=world_params)
            + batch.plan("national", context=ctx, extra=world_params))
    bad = batch.make_job("regency", "9999", "id", "Nowhere", world_params)
    reports = tmp_path_factory.mktemp("reports")
    summary = batch.run_batch([*jobs, bad], reports_dir=reports, workers=2, progress=False,
                              processed_dir=processed, results_dir=results)
    assert list(summary.failed) == [bad.key]
    return reports, jobs


def only_local(urls: list[str]) -> list[str]:
    return [u for u in urls if not u.startswith(("file:", "data:"))]


def test_regency_report_in_the_browser(browser, built):
    reports, jobs = built
    browser.open((reports / jobs[0].output).as_uri())
    assert only_local(browser.requested_urls()) == []
    assert browser.console_errors() == []
    assert browser.evaluate("typeof window.__pwned") == "undefined"  # the <script> name never ran
    h1 = browser.evaluate("document.querySelector('h1').textContent")
    assert h1.startswith("Profil Kabupaten <script>window.__pwned=1</script>")
    headings = browser.evaluate("[...document.querySelectorAll('h2')].map(h => h.textContent)")
    assert {"Prevalensi stunting", "Jarak ke target", "KB pasca persalinan (KBPP) (simulasi)",
            "Cara membaca", "Asal-usul data"} <= set(headings)
    body = browser.evaluate("document.body.innerText")
    assert "DATA SIMULASI" in body and "RPJMN 2020–2024" in body and "14,0" in body
    assert browser.evaluate("document.querySelectorAll('img').length") >= 1
    assert browser.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)")
    # no notebook code; the analyst's shell commands are the only preformatted text, folded away
    assert browser.evaluate("document.querySelectorAll('.jp-InputArea, .input_area').length") == 0
    assert browser.evaluate("[...document.querySelectorAll('pre')].every(p => p.matches('details pre.commands'))")
    # readable on a phone: nothing wider than the 390 px viewport (wide tables scroll inside)
    assert browser.evaluate("document.documentElement.clientWidth") == 390
    assert browser.evaluate("document.documentElement.scrollWidth") <= 390


def test_province_and_national_reports_in_the_browser(browser, built):
    reports, jobs = built
    for job, title in ((jobs[1], "Province report: Nusa Tenggara Timur"),
                       (jobs[2], "Laporan Nasional: KB Pasca Persalinan dan Stunting")):
        browser.open((reports / job.output).as_uri())
        assert only_local(browser.requested_urls()) == []
        assert browser.console_errors() == []
        assert browser.evaluate("document.querySelector('h1').textContent") == title
        assert browser.evaluate("document.querySelectorAll('img').length") >= 3  # maps, scatter, models


def test_index_lists_filters_and_reports_failures(browser, built):
    reports, jobs = built
    browser.open((reports / "index.html").as_uri())
    assert only_local(browser.requested_urls()) == []
    assert browser.console_errors() == []
    assert browser.evaluate("document.querySelectorAll('tr[data-search]').length") == 4
    assert "ParameterError" in browser.evaluate("document.body.innerText")
    assert browser.evaluate("document.querySelectorAll('td.status-failed').length") == 1
    visible = ("(() => { const box = document.getElementById('filter'); box.value = 'kupang';"
               " box.dispatchEvent(new Event('input'));"
               " return [...document.querySelectorAll('tr[data-search]')].filter(r => !r.hidden).length; })()")
    assert browser.evaluate(visible) == 0  # no Kupang report was made
    browser.evaluate("(() => { const box = document.getElementById('filter'); box.value = 'nusa';"
                     " box.dispatchEvent(new Event('input')); })()")
    rows = browser.evaluate("[...document.querySelectorAll('tr[data-search]')].filter(r => !r.hidden)"
                            ".map(r => r.querySelector('a').getAttribute('href'))")
    assert rows == [jobs[1].output]
    assert browser.evaluate("document.getElementById('count').textContent") == "1 / 4"


# --------------------------------------------------------------------------------------
# A whole batch (`--level all`) of a one-province world: the link graph, phone layout, filter

# Every link but a source's web address (a.source-link: a reference, never fetched).
LINKS = "[...document.querySelectorAll('a[href]:not(.source-link)')].map(a => a.href)"
# Elements sticking out of the 390 px viewport that no scroll box holds.
OVERFLOWING = """[...document.querySelectorAll('main *')].filter(e => {
  const box = e.getBoundingClientRect();
  return box.width > 0 && box.right > document.documentElement.clientWidth + 0.5
         && !e.closest('.table-wrap, .figure-scroll');
}).map(e => e.tagName + '.' + e.className).slice(0, 5)"""


@pytest.fixture(scope="module")
def whole(tmp_path_factory):
    from reporting_world import make_world

    processed, results = make_world(tmp_path_factory.mktemp("ntt"), provinces=("53",))
    extra = {"processed_dir": str(processed), "results_dir": str(results)}
    ctx = load_context(processed, results)
    jobs = batch.plan("all", context=ctx, extra=extra)
    reports = tmp_path_factory.mktemp("all-reports")
    summary = batch.run_batch(jobs, reports_dir=reports, workers=2, progress=False,
                              processed_dir=processed, results_dir=results)
    assert summary.ok, summary.failed
    return reports, jobs, ctx


def _file_of(url: str):
    from pathlib import Path
    from urllib.parse import unquote, urlparse

    parsed = urlparse(url)
    assert parsed.scheme == "file", url  # relative links only: they work offline
    return Path(unquote(parsed.path))


def test_every_link_of_a_sample_of_pages_resolves(browser, whole):
    reports, jobs, ctx = whole
    by_level = {}
    for job in jobs:
        by_level.setdefault(job.level, []).append(job)
    sample = [reports / "index.html", *(reports / j.output for j in
                                        [by_level["national"][0], by_level["province"][0],
                                         by_level["regency"][0], by_level["regency"][-1]])]
    for page in sample:
        browser.open(page.as_uri())
        assert only_local(browser.requested_urls()) == []
        links = browser.evaluate(LINKS)
        assert links, page
        # downloads embedded in the page (data: URIs) work offline; a source's web address is a
        # reference (a.source-link, never fetched); everything else is a file
        sources = browser.evaluate("[...document.querySelectorAll('a.source-link')].map(a => a.href)")
        assert all(u.startswith("https://") for u in sources), sources
        links = [u for u in links if not u.startswith("data:")]
        missing = [u for u in links if not _file_of(u).is_file()]
        assert missing == [], (page, missing[:3])
    # the graph: regency -> province, national and index; province -> each of its regencies
    regency, province = by_level["regency"][0], by_level["province"][0]
    browser.open((reports / regency.output).as_uri())
    targets = {_file_of(u).resolve() for u in browser.evaluate(LINKS) if not u.startswith("data:")}
    assert {(reports / province.output).resolve(), (reports / "index.html").resolve(),
            (reports / by_level["national"][0].output).resolve()} <= targets
    browser.open((reports / province.output).as_uri())
    targets = {_file_of(u).resolve() for u in browser.evaluate(LINKS) if not u.startswith("data:")}
    assert {(reports / j.output).resolve() for j in by_level["regency"]} <= targets
    n_regencies = int((ctx.cross["province_bps"] == "53").sum())
    assert len(by_level["regency"]) == n_regencies


def test_pages_fit_a_phone_outside_their_scroll_boxes(browser, whole):
    reports, jobs, _ = whole
    for job in jobs[:3]:  # national, the province, the first regency
        browser.open((reports / job.output).as_uri())
        assert browser.evaluate("document.documentElement.clientWidth") == 390
        assert browser.evaluate(OVERFLOWING) == [], job.output
        assert browser.evaluate("document.documentElement.scrollWidth") <= 390
        # maps keep their natural size (their text stays readable) inside a sideways scroll box
        wide = browser.evaluate("[...document.querySelectorAll('.figure-scroll img')]"
                                ".map(i => [i.getBoundingClientRect().width, i.naturalWidth])")
        assert all(abs(shown - natural) < 2 for shown, natural in wide)
        # the "geser →" hint shows on exactly the boxes that scroll sideways
        boxes = browser.evaluate("[...document.querySelectorAll('.table-wrap, .figure-scroll')].map(b =>"
                                 " [b.scrollWidth > b.clientWidth,"
                                 "  parseFloat(getComputedStyle(b, '::before').fontSize) > 0,"
                                 "  getComputedStyle(b, '::before').content])")
        assert boxes and all(scrolls == hinted for scrolls, hinted, _ in boxes), (job.output, boxes)
        assert all(content == '"geser →"' for _, _, content in boxes)


def test_index_filter_finds_a_province_and_all_its_regencies(browser, whole):
    reports, jobs, ctx = whole
    browser.open((reports / "index.html").as_uri())
    assert only_local(browser.requested_urls()) == []
    assert browser.console_errors() == []
    assert "DATA SIMULASI" in browser.evaluate("document.body.innerText")  # the world is simulated
    shown = ("(() => { const box = document.getElementById('filter'); box.value = 'NUSA  Tenggara timur';"
             " box.dispatchEvent(new Event('input'));"
             " return [...document.querySelectorAll('tr[data-search]')].filter(r => !r.hidden)"
             ".map(r => r.querySelector('a').getAttribute('href')); })()")
    expected = sorted(j.output for j in jobs if j.level != "national")
    assert sorted(browser.evaluate(shown)) == expected
    # one group heading per province, named
    heads = browser.evaluate("[...document.querySelectorAll('tr.group-head')].map(r => r.textContent)")
    assert heads == ["Nusa Tenggara Timur (53)"]
    # no developer columns
    header = browser.evaluate("[...document.querySelectorAll('thead th')].map(t => t.textContent)")
    assert not any(word in " ".join(header).lower() for word in ("hash", "sha", "fingerprint", "second"))
