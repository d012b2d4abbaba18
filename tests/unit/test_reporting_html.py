"""Escaping of data in fragments, the offline HTML page, and the index."""
from __future__ import annotations

import base64

import nbformat
import pandas as pd
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from kbanalysis.reporting import blocks as B
from kbanalysis.reporting.html import ReportExporter, external_references, page
from kbanalysis.reporting.index import build_index

EVIL = '<script>alert("x")</script>'
# 1x1 transparent PNG
PIXEL = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082")).decode()


def test_fragments_escape_data():
    title = B.title(f"Profil {EVIL}", f"Provinsi {EVIL}")
    table = B.table(pd.DataFrame({"name": [EVIL]}), {"name": EVIL})
    footer = B.footer({"inputs": {EVIL: "ab" * 32}, "versions": {"x": EVIL},
                       "parameters": {"regency": EVIL}, "model": {"spec": EVIL}}, "en")
    for block in (title, table, footer, B.paragraph(EVIL), B.bullets([EVIL], EVIL)):
        assert "<script>" not in block._repr_html_()
        assert "&lt;script&gt;" in block._repr_html_()
        assert EVIL in repr(block)  # the plain text keeps it as text


def test_banner_only_when_something_is_simulated():
    assert B.simulated_banner([], "id") is None
    banner = B.simulated_banner(["simulated_kbpp"], "id")
    assert "DATA SIMULASI" in banner._repr_html_()
    assert "SIMULATED DATA" in B.simulated_banner(["simulated_kbpp"], "en")._repr_html_()


def test_versions_are_marked_for_the_nbval_sanitiser():
    footer = B.footer({"inputs": {}, "versions": {"pandas": "3.1.1"}, "parameters": {}, "model": {}}, "en")
    assert '<span class="version">3.1.1</span>' in footer._repr_html_()
    assert "pandas==3.1.1" in repr(footer)


def _notebook():
    image = new_output("display_data", data={"image/png": PIXEL, "text/plain": "[figure: Trend: 3 years]"})
    stderr = new_output("stream", name="stderr", text="SomeWarning: noisy\n")
    html_out = new_output("execute_result", data={"text/html": "<h2>Visible heading</h2>",
                                                  "text/plain": "Visible heading"}, execution_count=2)
    secret = new_code_cell("secret_code_marker = 1")
    secret.outputs = [image, stderr]
    shown = new_code_cell("S.header()", execution_count=2)
    shown.outputs = [html_out]
    note = new_markdown_cell("template note")
    note.metadata["tags"] = ["remove-cell"]
    book = new_notebook(cells=[note, secret, shown])
    book.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "Python 3"}
    return nbformat.from_dict(book)


def test_export_hides_code_and_stderr_keeps_outputs_and_fetches_nothing():
    document = ReportExporter().export(_notebook(), f"Title {EVIL}", "id")
    assert "secret_code_marker" not in document and "S.header()" not in document
    assert "SomeWarning" not in document and "template note" not in document
    assert "<h2>Visible heading</h2>" in document
    assert 'src="data:image/png;base64,' in document
    assert 'alt="Trend: 3 years"' in document
    assert '<html lang="id">' in document and 'name="viewport"' in document
    assert "<title>Title &lt;script&gt;" in document
    assert external_references(document) == []
    assert "<script" not in document.lower()  # the basic template brings no scripts


def test_external_references_are_found():
    document = ('<script src="https://cdn.example.org/require.js"></script>'
                '<link href="//fonts.example.com/x.css" rel="stylesheet">'
                '<style>@import "https://x.example/y.css"; body{background:url(http://x.example/a.png)}</style>'
                '<img src="data:image/png;base64,AAAA"><a href="#local">ok</a>')
    found = external_references(document)
    assert found == ["https://cdn.example.org/require.js", "//fonts.example.com/x.css",
                     "https://x.example/y.css", "http://x.example/a.png"]
    assert external_references(page("<p>x</p>", "t", "en")) == []


def test_index_links_reports_lists_failures_and_escapes():
    manifest = {"data_hash": "new", "reports": {
        "id/regency/3205": {"level": "regency", "code": "3205", "lang": "id", "name": f"Kab {EVIL}",
                            "output": "id/regency/3205-kab-script.html", "status": "ok",
                            "error": None, "data_hash": "new"},
        "id/regency/9999": {"level": "regency", "code": "9999", "lang": "id", "name": "Nowhere",
                            "output": "id/regency/9999-nowhere.html", "status": "failed",
                            "error": f"ParameterError: unknown regency {EVIL}", "data_hash": "new"},
        "id/national": {"level": "national", "code": None, "lang": "id", "name": "Nasional",
                        "output": "id/national.html", "status": "ok", "error": None,
                        "data_hash": "old"},
    }}
    document = build_index(manifest)
    assert 'href="id/regency/3205-kab-script.html"' in document
    assert 'href="id/regency/9999-nowhere.html"' not in document  # no link to a failed report
    assert "ParameterError: unknown regency &lt;script&gt;" in document
    assert document.count("<script>") == 1  # only the filter script of the page itself
    assert 'class="status-outdated"' in document  # built from other data than the current
    assert document.index("Nasional") < document.index("Kab &lt;script")  # national first
    assert external_references(document) == []


def test_wide_images_scroll_in_their_own_box_and_the_hint_speaks_the_page_language():
    book = _notebook()
    wide = new_output("display_data", data={"image/png": PIXEL, "text/plain": "[figure: Peta: 3 kabupaten/kota]"},
                      metadata={"image/png": {"kbanalysis_wide": True}})
    book.cells[1].outputs.append(wide)
    document = ReportExporter().export(book, "t", "id")
    assert document.count('<div class="figure-scroll"><img') == 1  # the map, not the chart
    assert document.index('alt="Trend: 3 years"') < document.index('class="figure-scroll"')
    assert '--scroll-hint: "geser →"' in document
    assert '--scroll-hint: "scroll →"' in page("<p>x</p>", "t", "en")


def test_navigation_is_escaped_and_sits_above_and_below_the_body():
    from kbanalysis.reporting.html import navigation

    nav = navigation([("Semua laporan", "../../index.html")], [("Kabupaten/kota", [(EVIL, "x.html")])], "id")
    document = page("<p>body</p>", "t", "id", nav)
    assert document.count('<nav class="report-nav"') == 2
    assert "<script>" not in nav and "&lt;script&gt;" in nav
    assert '<a href="../../index.html">Semua laporan</a>' in nav
    assert "<details><summary>Kabupaten/kota</summary>" in nav  # long link lists are folded


def test_footer_speaks_the_report_language_and_folds_the_hashes_away():
    prov = {"inputs": {"analysis.csv": "ab" * 32}, "versions": {"pandas": "3.1.1"},
            "parameters": {"regency": "3205", "processed_dir": None}, "model": {"main_model": "wls"}}
    markup = B.footer(prov, "id")._repr_html_()
    details = markup[markup.index("<details>"):]
    assert "abababababababab" in details and "abababababababab" not in markup[:markup.index("<details>")]
    assert "Kabupaten/kota: <code>3205</code>" in markup and "Folder tabel data: <code>bawaan</code>" in markup
    assert "Model utama: <code>wls</code>" in markup  # a model id is code, not a word
    assert "Model utama: wls" in repr(B.footer(prov, "id"))
    assert "Regency: 3205" in repr(B.footer(prov, "en"))


def test_source_line_under_a_table():
    assert B.source("Sumber: SSGI 2024 (Kemenkes).")._repr_html_() == \
        '<p class="source">Sumber: SSGI 2024 (Kemenkes).</p>'
    assert B.source("")._repr_html_() == ""


def test_kbpp_columns_are_labelled_simulated_cell_by_cell():
    from kbanalysis.reporting.html import label_simulated_columns

    frame = pd.DataFrame({"name": ["Kab A", "Kab B"], "deliveries": [1200, 800], "mothers": [100, 50],
                          "stunting": [20.1, 30.2]})
    table = B.table(frame, {"name": "Nama", "deliveries": "Persalinan", "mothers": "Ibu yang perlu dijangkau",
                            "stunting": "Stunting (%)"})._repr_html_()
    marked = label_simulated_columns(table, "id")
    assert "<th>Persalinan (simulasi)</th>" in marked and "<th>Ibu yang perlu dijangkau (simulasi)</th>" in marked
    assert "<th>Stunting (%) (simulasi)</th>" not in marked  # survey stunting is real
    assert marked.count('<td class="simulated">') == 4  # two columns of two rows
    assert '<td class="simulated">20.1</td>' not in marked
    english = B.table(frame, {"deliveries": "Deliveries"})._repr_html_()
    assert "<th>Deliveries (simulated)</th>" in label_simulated_columns(english, "en")
    # a heading with a filled-in placeholder ("Jarak ke {target} % (poin)") is found too
    gap = "<table><thead><tr><th>Jarak ke 70 % (poin)</th></tr></thead><tbody><tr><td>3,5</td></tr></tbody></table>"
    assert '<td class="simulated">3,5</td>' in label_simulated_columns(gap, "id")


def test_a_regency_page_marks_itself_in_its_province_list_instead_of_linking_to_itself():
    from kbanalysis.reporting import batch
    from kbanalysis.reporting.context import load_context
    ctx = load_context()
    (job,) = batch.plan("regency", only=["3328"], lang="id")
    nav = batch.with_navigation(job, ctx.cross, ctx.provinces).nav
    assert '<li aria-current="page"><strong>Kabupaten Tegal</strong></li>' in nav
    assert 'href="3328-kabupaten-tegal.html"' not in nav
    assert 'href="3376-kota-tegal.html">Kota Tegal</a>' in nav  # its neighbours stay links
