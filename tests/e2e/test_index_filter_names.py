"""The index filter reads "Kab." and "Kab" as "Kabupaten", ignores spaces, dots and hyphens
in names, and knows the provinces' short names, in a real browser."""
from __future__ import annotations

import pytest

from kbanalysis.reporting import index


@pytest.fixture()
def page(tmp_path):
    rows = "".join(f'<tr data-search="{search}"><td>{search}</td></tr>'
                   for search in ("kabupaten tegal 3328 jawa tengah jateng",
                                  "kota tegal 3376 jawa tengah jateng",
                                  "kabupaten kab kupang 5301 nusa tenggara timur ntt",
                                  "kota bau bau 7472 sulawesi tenggara sultra",
                                  "kabupaten kepulauan seribu 3101 dki jakarta dki"))
    path = tmp_path / "index.html"
    path.write_text(f'<html><body><input id="filter" type="search"><span id="count"></span>'
                    f'<table><tbody class="group">{rows}</tbody></table>{index.FILTER_SCRIPT}</body></html>',
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("query, shown", [
    ("Kab. Tegal", ["kabupaten tegal"]), ("kab tegal", ["kabupaten tegal"]), ("KAB.TEGAL", ["kabupaten tegal"]),
    ("Kabupaten Tegal", ["kabupaten tegal"]), ("tegal", ["kabupaten tegal", "kota tegal"]),
    ("Kota Tegal", ["kota tegal"]),
    # spaces, dots and hyphens do not count: the BPS spelling finds the table's
    ("Baubau", ["kota bau"]), ("Kota Bau-Bau", ["kota bau"]), ("bau bau", ["kota bau"]),
    ("Jateng", ["kabupaten tegal", "kota tegal"]), ("sultra", ["kota bau"]),
    ("Kep. Seribu", ["kabupaten kepulauan"]), ("kep seribu", ["kabupaten kepulauan"]),
])
def test_the_filter_reads_kab_as_kabupaten(browser, page, query, shown):
    browser.open(page.as_uri())
    found = browser.evaluate(
        "(() => { const box = document.getElementById('filter'); box.value = %r;"
        " box.dispatchEvent(new Event('input'));"
        " return [...document.querySelectorAll('tr[data-search]')].filter(r => !r.hidden)"
        ".map(r => r.textContent.split(' ').slice(0, 2).join(' ')); })()" % query)
    assert found == shown
