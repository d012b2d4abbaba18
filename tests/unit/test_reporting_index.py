"""The index page (grouped by province, filter words, banner) and the links between pages."""
from __future__ import annotations

import posixpath
import re
from types import SimpleNamespace

import pytest

from kbanalysis.regions import load_provinces, load_regions
from kbanalysis.reporting import batch
from kbanalysis.reporting.index import build_index


def entry(level, code, name, province="", province_name="", status="ok"):
    return {"level": level, "code": code, "lang": "id", "name": name, "province": province,
            "province_name": province_name, "output": f"id/{level}/{code}.html", "status": status,
            "error": None, "data_hash": "h"}


MANIFEST = {"data_hash": "h", "simulated": [], "reports": {
    "id/regency/6371": entry("regency", "6371", "Kota Banjarmasin", "63", "Kalimantan Selatan"),
    "id/province/63": entry("province", "63", "Kalimantan Selatan"),
    "id/regency/6301": entry("regency", "6301", "Kabupaten Tanah Laut", "63", "Kalimantan Selatan"),
    "id/regency/3301": entry("regency", "3301", "Kabupaten Cilacap", "33", "Jawa Tengah"),
    "id/national": entry("national", None, "Nasional"),
}}


def _rows(document):
    return re.findall(r'<tr data-search="([^"]*)"><td><a href="([^"]+)"', document)


def test_index_groups_by_province_and_regency_rows_carry_their_province_name():
    document = build_index(MANIFEST)
    rows = _rows(document)
    assert [href for _, href in rows] == ["id/national/None.html", "id/regency/3301.html",
                                          "id/province/63.html", "id/regency/6301.html",
                                          "id/regency/6371.html"]
    heads = re.findall(r'<tr class="group-head"><th colspan="\d">([^<]+)</th>', document)
    assert heads == ["Jawa Tengah (33)", "Kalimantan Selatan (63)"]
    # what the filter matches: searching the province name finds the province and every regency of it
    hits = [href for words, href in rows if "kalimantan selatan" in words]
    assert hits == ["id/province/63.html", "id/regency/6301.html", "id/regency/6371.html"]


def test_rows_carry_their_province_short_name_and_labels_follow_the_listed_languages():
    document = build_index(MANIFEST)
    rows = dict((href, words) for words, href in _rows(document))
    # the short names offices type ("Kalsel", "Jateng"), for the province page and its regencies
    assert "kalsel" in rows["id/province/63.html"] and "kalsel" in rows["id/regency/6371.html"]
    assert "jateng" in rows["id/regency/3301.html"] and "jateng" not in rows["id/regency/6301.html"]
    # a regency row holds no level word, so "kota" finds the cities only; the national row says Indonesia
    assert [href for words, href in _rows(document) if "kota" in words.split()] == ["id/regency/6371.html"]
    assert "indonesia" in rows["id/national/None.html"]
    # only Indonesian pages listed: no English beside the labels, and the page says it is Indonesian
    assert "Filter by" not in document and '<html lang="id">' in document
    english = {**MANIFEST, "reports": {f"en{k}": {**v, "lang": "en"} for k, v in MANIFEST["reports"].items()}}
    both = build_index({**MANIFEST, "reports": {**MANIFEST["reports"], **english["reports"]}})
    assert " / " in re.search(r'<label for="filter">([^<]+)</label>', both).group(1)


def test_index_banner_says_simulated_or_real_and_nothing_when_unknown():
    assert "Data nyata" in build_index(MANIFEST)
    simulated = build_index({**MANIFEST, "simulated": ["simulated_kbpp"]})
    assert "DATA SIMULASI" in simulated and "SIMULATED DATA" in simulated and "Data nyata" not in simulated
    unknown = build_index({k: v for k, v in MANIFEST.items() if k != "simulated"})
    assert "DATA SIMULASI" not in unknown and "Data nyata" not in unknown


def test_index_shows_no_developer_columns():
    document = build_index(MANIFEST)
    header = re.search(r"<thead>(.*?)</thead>", document).group(1).lower()
    for word in ("hash", "sha", "fingerprint", "seconds", "detik"):
        assert word not in header


@pytest.fixture(scope="module")
def context():
    regions = load_regions()
    return SimpleNamespace(cross=regions[["bps_code", "name", "province_bps", "province_name"]],
                           provinces=load_provinces())


def _targets(job):
    hrefs = re.findall(r'href="([^"]+)"', job.nav)
    return {posixpath.normpath(posixpath.join(posixpath.dirname(job.output), h)) for h in hrefs}


def test_every_page_links_to_the_index_the_nation_its_province_and_neighbours(context):
    jobs = batch.plan("all", context=context)
    outputs = {j.output for j in jobs}
    by_key = {j.key: j for j in jobs}
    for job in jobs:
        targets = _targets(job)
        assert targets <= outputs | {"index.html"}, job.key  # each link names a page the batch makes
        assert "index.html" in targets
    regency = by_key["id/regency/6371"]
    assert {"id/national.html", by_key["id/province/63"].output} <= _targets(regency)
    assert regency.province == "63" and regency.province_name == "Kalimantan Selatan"
    province_targets = _targets(by_key["id/province/63"])
    assert {j.output for j in jobs if j.level == "regency" and j.province == "63"} <= province_targets
    assert len({j.output for j in jobs if j.level == "regency" and j.province == "63"}) == 13  # Kalsel: 11 kab + 2 kota
    national = _targets(by_key["id/national"])
    assert {j.output for j in jobs if j.level == "province"} <= national
    # written relative to the page: the index is two folders up from a regency page
    assert 'href="../../index.html"' in regency.nav and 'href="../index.html"' in by_key["id/national"].nav
