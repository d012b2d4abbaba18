"""From a report's template to a report built on an office's own numbers (issue 12).

A generated template for Kalimantan Selatan (63) is filled with known numbers, checked with
``data check``, built with the raw files into a temporary folder, fitted (``kbanalysis fit``:
13 regencies of one province) and rendered (``kbanalysis report --level province``); the
page must show the numbers typed and the coverage they imply (computed here by hand). A
template with a planted error fails ``data check`` at its cell, in Indonesian. In a browser,
a page without public KBPP data links to its province's template, which exists.
"""
from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from kbanalysis import dataset
from kbanalysis import templates as TP
from tests.fixtures import kbpp_template as F

KBANALYSIS = str(Path(sys.executable).with_name("kbanalysis"))
YEAR = 2023  # before SSGI 2024, so the fit pairs the office's KBPP with the latest survey
NO_KBPP_REGENCY = "6201"  # Kabupaten Kotawaringin Barat (Kalimantan Tengah): no public KBPP


def _counts(i: int) -> list[int]:
    """Kondom .. MAL typed for the i-th regency (0-based), different in every row."""
    return [i + 1, 300 + 10 * i, 80, 150, 1, 40, 120, 5]


def _deliveries(i: int) -> int:
    return 1000 + 137 * i


def _id_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _id_pct(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([KBANALYSIS, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _finish(process: subprocess.Popen, timeout: int = 180) -> subprocess.CompletedProcess:
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def _run(*args: str) -> subprocess.CompletedProcess:
    return _finish(_start(*args))


@pytest.fixture(scope="module")
def roundtrip(tmp_path_factory, raw_dir):
    """The chain an office runs; independent steps run side by side to keep the test short."""
    work = tmp_path_factory.mktemp("roundtrip")
    template = TP.write_template(TP.province_spec("63", YEAR), work / "template.xlsx")
    rows = F.data_rows(template)
    typed = {code: (_deliveries(i), _counts(i)) for i, code in enumerate(rows)}
    filled = F.fill(template, work / f"kbpp_63_kalimantan_selatan_{YEAR}.xlsx",
                    {rows[code]: value for code, value in typed.items()})

    checking = _start("data", "check", str(filled))
    processed, results = work / "processed", work / "results"
    dataset.build(raw_dir, processed, kbpp_files=[filled])
    check = _finish(checking)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.startswith(f"OK: {filled}")

    fit = _run("fit", "--table", str(processed / "analysis.csv"), "--out", str(results), "--lang", "en")
    # Pooled with the published Jawa Tengah 2021 figures, never swapped in for them: two
    # provinces, each regency with its own exposure year, province fixed effects.
    assert fit.returncode == 0, fit.stderr
    assert "2021 for 35 (lag 3), 2023 for 13 (lag 1)" in fit.stdout, fit.stdout
    assert "2 provinces with province fixed effects" in fit.stdout, fit.stdout

    def report(level: str, code: str, out: Path) -> subprocess.Popen:
        return _start("report", "--level", level, "--only", code, "--data", str(processed),
                      "--results", str(results), "--out", str(out), "--jobs", "1", "--quiet")

    # the province page (the office's numbers) and a page without KBPP (the template link)
    running = [report("province", "63", work / "reports"),
               report("regency", NO_KBPP_REGENCY, work / "reports-regency")]
    for done in [_finish(p) for p in running]:
        assert done.returncode == 0, done.stdout + done.stderr
    return {"typed": typed, "reports": work / "reports", "regency_reports": work / "reports-regency",
            "work": work, "template": template}


def _table_rows(page: str) -> list[list[str]]:
    rows = []
    for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", page, flags=re.S):
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", tr, flags=re.S)
        rows.append([html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in cells])
    return rows


def test_province_page_shows_the_typed_numbers_and_their_coverage(roundtrip):
    [page] = (roundtrip["reports"] / "id" / "province").glob("63-*.html")
    rows = _table_rows(page.read_text(encoding="utf-8"))
    for code, (deliveries, counts) in roundtrip["typed"].items():
        acceptors = sum(counts)
        coverage = 100.0 * acceptors / deliveries
        assert abs(coverage * 10 % 1 - 0.5) > 1e-6  # no rounding tie in the numbers chosen
        shown = {str(YEAR), _id_int(acceptors), _id_int(deliveries), _id_pct(coverage)}
        assert any(shown <= set(r) for r in rows if r and r[0] == code), (code, shown)
    # The province's total over the 13 regencies.
    acceptors = sum(sum(c) for _, c in roundtrip["typed"].values())
    deliveries = sum(d for d, _ in roundtrip["typed"].values())
    total = [r for r in rows if _id_int(acceptors) in r and _id_int(deliveries) in r]
    assert total and _id_pct(100.0 * acceptors / deliveries) in total[0], total
    # the office's file is named as the source
    assert f"kbpp_63_kalimantan_selatan_{YEAR}.xlsx" in page.read_text(encoding="utf-8")


def test_a_planted_error_fails_data_check_at_its_cell_in_indonesian(roundtrip):
    template = roundtrip["template"]
    rows = F.data_rows(template)
    values = {row: (_deliveries(i), _counts(i)) for i, row in enumerate(rows.values())}
    values[rows["6303"]] = (_deliveries(2), [3, 320, 80.5, 150, 1, 40, 120, 5])  # 80.5 pills
    planted = F.fill(template, roundtrip["work"] / "planted.xlsx", values)
    check = _run("data", "check", str(planted))
    assert check.returncode == 1, check.stdout + check.stderr
    line = check.stdout.splitlines()[0]
    assert line.startswith(f"{planted}, baris {rows['6303']} (Kab. Banjar), kolom 'Pil [I]'"), line
    assert "'80.5'" in line
    assert check.stdout.splitlines()[-1].startswith("1 masalah")


def test_browser_follows_the_template_link_to_an_existing_workbook(roundtrip, browser):
    from urllib.parse import unquote, urlparse

    reports = roundtrip["regency_reports"]
    [page] = (reports / "id" / "regency").glob(f"{NO_KBPP_REGENCY}-*.html")
    browser.open(page.as_uri())
    body = browser.evaluate("document.body.innerText")  # what is shown
    assert "Belum ada data KBPP publik" in body
    # The analyst's commands sit in a collapsed block: in the page, not shown until opened.
    assert "kbanalysis data check" not in body
    assert "kbanalysis data check" in browser.evaluate("document.body.textContent")
    href = browser.evaluate("document.querySelector('a.kbpp-template').href")
    parsed = urlparse(href)
    assert parsed.scheme == "file", href  # a relative link: works offline
    target = Path(unquote(parsed.path))
    assert target.is_file(), href
    assert target.parent == reports / "templates"
    sheet = openpyxl.load_workbook(target)["Tabel KBPP"]
    assert sheet["A2"].value == "PROVINSI KALIMANTAN TENGAH"
