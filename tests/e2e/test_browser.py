"""Reports in a real browser: no console errors, no request to any host, key content present."""
from __future__ import annotations

import os

import pytest

from kbanalysis.reporting import batch
from kbanalysis.reporting.context import load_context

from cdp import Browser, find_chromium
from conftest import POISONED


@pytest.fixture(scope="module")
def browser():
    executable = find_chromium()
    if executable is None:
        message = "chromium not installed (Debian: apt-get install -y chromium)"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must have it")
        pytest.skip(message)
    driver = Browser(executable)
    yield driver
    driver.close()


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
    assert browser.evaluate("document.querySelectorAll('pre, .jp-InputArea, .input_area').length") == 0
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
    assert browser.evaluate("document.querySelectorAll('tbody tr').length") == 4
    assert "ParameterError" in browser.evaluate("document.body.innerText")
    assert browser.evaluate("document.querySelectorAll('td.status-failed').length") == 1
    visible = ("(() => { const box = document.getElementById('filter'); box.value = 'kupang';"
               " box.dispatchEvent(new Event('input'));"
               " return [...document.querySelectorAll('tbody tr')].filter(r => !r.hidden).length; })()")
    assert browser.evaluate(visible) == 0  # no Kupang report was made
    browser.evaluate("(() => { const box = document.getElementById('filter'); box.value = 'nusa';"
                     " box.dispatchEvent(new Event('input')); })()")
    rows = browser.evaluate("[...document.querySelectorAll('tbody tr')].filter(r => !r.hidden)"
                            ".map(r => r.querySelector('a').getAttribute('href'))")
    assert rows == [jobs[1].output]
    assert browser.evaluate("document.getElementById('count').textContent") == "1 / 4"
