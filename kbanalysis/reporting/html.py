"""Executed notebooks as self-contained, offline HTML pages with the code hidden.

nbconvert's default ``lab`` template loads require.js and MathJax from a CDN; a programme
office reading a report offline would get a broken page. So the body comes from the
``basic`` template (no scripts, no styles), code cells are left out with ``exclude_input``
(papermill's report mode does not hide code in static HTML), and the page around it is ours:
inline CSS, a viewport for phones, images inline as data URIs, nothing fetched from any host.
"""
from __future__ import annotations

import copy
import html as _html
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # nbformat's import costs seconds (jsonschema's format checkers): only workers need it
    import nbformat

from .. import messages as T

REMOVE_TAGS = ("remove-cell", "injected-parameters", "parameters")

CSS = """
:root { --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --accent: #0b6e4f; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
       "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 56rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1rem; margin: 1rem 0 0.25rem; }
.subtitle, .caption { color: var(--muted); }
.caption { font-size: 0.9rem; }
.key-figure { font-size: 1.05rem; }
.banner { padding: 0.75rem 1rem; margin: 0.5rem 0 1rem; border-radius: 4px; }
.banner.simulated { background: #fff3cd; border: 2px solid #b7791f; color: #5f370e; }
.banner.real { background: #e6f4ea; border: 1px solid #2f855a; color: #1c4532; }
.caveat { border-left: 4px solid var(--accent); background: #f0f7f4; padding: 0.5rem 1rem; }
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; font-size: 0.9rem; margin: 0.5rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left;
         vertical-align: top; overflow-wrap: normal; }
td { min-width: 3.5rem; }
th { background: #f5f7fa; }
tr.highlight td { background: #fdecea; }
/* A wide table keeps its code and name columns in view while it scrolls sideways: the code
   column has a fixed width, so the name column knows where to stick. */
table.keep-name :is(td, th):nth-child(-n+2) { position: sticky; z-index: 1; background: #fff; }
table.keep-name :is(td, th):first-child { left: 0; width: 3.4rem; min-width: 3.4rem; max-width: 3.4rem;
  box-sizing: border-box; }
table.keep-name :is(td, th):nth-child(2) { left: 3.4rem; box-shadow: 1px 0 0 var(--line); }
table.keep-name th:nth-child(-n+2) { background: #f5f7fa; }
table.keep-name tr.highlight td:nth-child(-n+2) { background: #fdecea; }
@media print { table.keep-name :is(td, th) { position: static; } }
img { max-width: 100%; height: auto; }
details > summary { cursor: pointer; }
summary > .fold-heading { display: inline; }
.inline-figure { margin: 0.5rem 0; }
pre { white-space: pre-wrap; overflow-x: auto; font-size: 0.85rem; }
.provenance { margin-top: 2rem; font-size: 0.8rem; color: var(--muted); }
.provenance ul { padding-left: 1.2rem; }
.provenance summary { cursor: pointer; font-size: 0.9rem; }
.source { font-size: 0.8rem; color: var(--muted); margin: 0.1rem 0 1rem; }
nav.report-nav { font-size: 0.9rem; margin: 0.25rem 0 0.75rem; padding: 0.4rem 0;
                 border-bottom: 1px solid var(--line); }
nav.report-nav a { color: var(--accent); }
nav.report-nav ul { list-style: none; padding: 0; margin: 0.2rem 0; }
nav.report-nav li { display: inline; }
nav.report-nav li + li::before { content: " · "; color: var(--muted); }
nav.report-nav details { margin-top: 0.2rem; }
.page-head { display: flow-root; }
.locator { float: right; width: 42%; max-width: 13rem; margin: 0 0 0.5rem 1rem; }
.locator svg { display: block; width: 100%; height: auto; border: 1px solid var(--line); }
.locator figcaption { font-size: 0.7rem; color: var(--muted); }
.figure-scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
td.simulated { background: repeating-linear-gradient(135deg, #fff3cd 0 6px, #fffaf0 6px 12px); }
td.simulated::after { content: " sim."; font-size: 0.7rem; color: #8a4b08; }
.figure-scroll img { max-width: none; }
/* A wide table or map scrolls inside its own box, and a hint says so. Where the browser can
   tell (scroll-driven animations: the animation runs only while the box can scroll), the
   hint shows only on boxes that do scroll; elsewhere it shows on every box of a narrow screen. */
.table-wrap::before, .figure-scroll::before { content: var(--scroll-hint); display: block;
  font-size: 0.8rem; color: var(--muted); text-align: right; position: sticky; left: 0; }
@media (min-width: 56rem) {
  .table-wrap::before, .figure-scroll::before { font-size: 0; }
}
@supports (animation-timeline: scroll()) {
  .table-wrap, .figure-scroll { scroll-timeline: --box inline; }
  .table-wrap::before, .figure-scroll::before { font-size: 0; animation: scroll-hint linear both;
    animation-timeline: --box; }
  @keyframes scroll-hint { from, to { font-size: 0.8rem; } }
}
code { font-size: 0.85em; word-break: break-all; }
.jp-OutputArea-output { margin: 0; }
/* Printed, a regency page is a two-page A4 profile for a meeting: two columns of small text,
   compact charts, no navigation, no research appendix, no analyst commands, no provenance
   details (the screen page keeps them). */
@media print {
  @page { size: A4; margin: 10mm 10mm 11mm; }
  body { font-size: 8.2pt; line-height: 1.28; }
  main { max-width: none; padding: 0; columns: 2; column-gap: 6mm; column-fill: auto; }
  nav.report-nav, .provenance, details, pre.commands,
  .table-wrap::before, .figure-scroll::before { display: none !important; }
  .page-head, .banner { column-span: all; }
  h1 { font-size: 14pt; margin: 0 0 1pt; }
  h2 { font-size: 10pt; margin: 5pt 0 2pt; border-bottom-width: 1px; break-after: avoid; }
  h3 { font-size: 8.6pt; margin: 3pt 0 1pt; break-after: avoid; }
  p, ul, ol { margin: 2pt 0; } ul, ol { padding-left: 1.1em; } li { margin: 0; }
  .key-figure { font-size: 8.6pt; }
  .caption, .source { font-size: 6.6pt; line-height: 1.2; margin: 1pt 0 3pt; }
  .banner { padding: 2pt 5pt; margin: 0 0 3pt; }
  .caveat { padding: 1pt 5pt; }
  .table-wrap, .figure-scroll { overflow: visible; }
  table { font-size: 7pt; margin: 1pt 0; } th, td { padding: 0.5pt 2.5pt; } td { min-width: 0; }
  table, tr, img, svg, figure, aside, .chart { break-inside: avoid; }
  .chart svg { max-width: 72mm !important; }
  .chart.small-multiples { grid-template-columns: repeat(3, 1fr) !important; }
  img { max-width: 70mm; }
  .locator { width: 34mm; margin: 0 0 2pt 4mm; }
  .locator figcaption { font-size: 5.5pt; }
  a { color: inherit; text-decoration: none; }
}
"""


def page(body: str, title: str, lang: str, nav: str = "") -> str:
    """A full HTML page around ``body``; ``title`` is escaped here. ``nav`` (already escaped
    markup, see ``navigation``) goes above and below the body."""
    hint = T.t("ui_scroll_hint", lang) if lang in T.LANGS else "→"
    style = f':root {{ --scroll-hint: "{_css_string(hint)}"; }}\n{CSS}'
    return ("<!DOCTYPE html>\n"
            f'<html lang="{_html.escape(lang, quote=True)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_html.escape(title)}</title>\n<style>{style}</style>\n</head>\n"
            f"<body>\n<main>\n{nav}{body}\n{nav}</main>\n</body>\n</html>\n")


def _css_string(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in " →-" else f"\\{ord(ch):x} " for ch in text)


def navigation(links: list[tuple[str, str]], groups: list[tuple[str, list[tuple[str, str]]]],
               lang: str, current: str = "") -> str:
    """Links to the other reports: ``links`` (label, relative href) in one line, each of
    ``groups`` (heading, links) folded under its heading. Labels and hrefs are escaped here.
    The entry whose href is ``current`` (the page itself) is marked, not linked."""
    def item(label, href):
        if current and href == current:
            return f'<li aria-current="page"><strong>{_html.escape(label)}</strong></li>'
        return f'<li><a href="{_html.escape(href, quote=True)}">{_html.escape(label)}</a></li>'

    def items(pairs):
        return "".join(item(label, href) for label, href in pairs)
    folded = "".join(f"<details><summary>{_html.escape(heading)}</summary><ul>{items(pairs)}</ul></details>"
                     for heading, pairs in groups if pairs)
    label = _html.escape(T.t("ui_nav_label", lang) if lang in T.LANGS else "", quote=True)
    return f'<nav class="report-nav" aria-label="{label}"><ul>{items(links)}</ul>{folded}</nav>\n'



class ReportExporter:
    """One nbconvert exporter, built once and reused for every report of a worker."""

    def __init__(self):
        from nbconvert import HTMLExporter
        from traitlets.config import Config

        config = Config()
        config.TagRemovePreprocessor.enabled = True
        config.TagRemovePreprocessor.remove_cell_tags = set(REMOVE_TAGS)
        config.HTMLExporter.exclude_input = True
        config.HTMLExporter.exclude_input_prompt = True
        config.HTMLExporter.exclude_output_prompt = True
        config.HTMLExporter.anchor_link_text = ""
        class _Exporter(HTMLExporter):
            # nbconvert validates the whole notebook against the schema after each of its
            # dozen preprocessors; the notebook was validated when it was executed, and these
            # preprocessors only drop cells and merge streams. Same output, a fifth of the time.
            def _validate_preprocessor(self, nbc, preprocessor):
                pass

        self._exporter = _Exporter(config=config, template_name="basic")

    def body(self, notebook: nbformat.NotebookNode) -> str:
        clean = _without_stderr(notebook)
        body, _ = self._exporter.from_notebook_node(clean)
        return _in_scroll_boxes(_with_alt_text(body, _image_descriptions(clean)), _wide_images(clean))

    def export(self, notebook: nbformat.NotebookNode, title: str, lang: str, nav: str = "",
               simulated: bool = False) -> str:
        """The page; ``simulated``: the KBPP layer is simulated, so its table columns say so."""
        body = self.body(notebook)
        if simulated and lang in T.LANGS:
            body = label_simulated_columns(body, lang)
        return page(body, title, lang, nav)


def _without_stderr(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Without stderr streams (a copy; ``notebook`` itself when it has none): warnings are
    for the batch log, not for the reader."""
    def is_stderr(output) -> bool:
        return output.get("output_type") == "stream" and output.get("name") == "stderr"

    if not any(is_stderr(o) for cell in notebook.cells for o in cell.get("outputs", [])):
        return notebook  # nothing to drop: a deep copy of every output would cost more than the export
    clean = copy.deepcopy(notebook)
    for cell in clean.cells:
        if cell.get("cell_type") == "code":
            cell.outputs = [o for o in cell.get("outputs", []) if not is_stderr(o)]
    return clean


_NO_ALT = 'alt="No description has been provided for this image"'


def _image_descriptions(notebook: nbformat.NotebookNode) -> list[str]:
    """The plain-text twin of every image output, in document order (``[figure: ...]``)."""
    found = []
    for cell in notebook.cells:
        if _removed(cell):
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data:
                plain = str(data.get("text/plain", "")).strip()
                found.append(plain.removeprefix("[figure: ").removesuffix("]"))
    return found


def _wide_images(notebook: nbformat.NotebookNode) -> list[bool]:
    """For every image output in document order: whether it is wide (a map, ``FigureBlock.wide``)."""
    from .plots import WIDE_METADATA

    found = []
    for cell in notebook.cells:
        if _removed(cell):
            continue
        for output in cell.get("outputs", []):
            if "image/png" in output.get("data", {}):
                found.append(bool(output.get("metadata", {}).get("image/png", {}).get(WIDE_METADATA)))
    return found


# Image outputs of cells; an image a block writes into its own HTML (``data-inline``) is not
# one of them.
_IMG = re.compile(r"<img\b(?![^>]*\bdata-inline\b)[^>]*>")

# Table columns whose values come from the KBPP layer (the text keys of their headings).
SIMULATED_COLUMN_KEYS = ("col_kbpp", "col_deliveries", "col_mothers", "prov_col_acceptors", "prov_col_gap")
_TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)
_ROW = re.compile(r"<tr([^>]*)>(.*?)</tr>", re.DOTALL)
_CELL = re.compile(r"<(t[hd])([^>]*)>(.*?)</t[hd]>", re.DOTALL)


def label_simulated_columns(body: str, lang: str) -> str:
    """Every table column of KBPP values (deliveries, coverage, mothers to reach ...) marked
    simulated: its heading gets "(simulasi)" and each of its cells the ``simulated`` class
    (a hatched background with a "sim." tag, see ``CSS``). Headings are matched against
    this project's own column names, never against data."""
    tag = T.t("simulated_tag", lang)
    # a heading with a placeholder ("Jarak ke {target} % (poin)") matches whatever filled it
    names = [re.compile(re.sub(r"\\\{[a-z_]+\\\}", ".+?", re.escape(_html.escape(T.CATALOGUE[key][lang]))))
             for key in SIMULATED_COLUMN_KEYS if key in T.CATALOGUE]

    def table(match: re.Match) -> str:
        text = match.group(0)
        head = _ROW.search(text)
        if head is None:
            return text
        cells = _CELL.findall(head.group(2))
        marked = {i for i, (kind, _, inner) in enumerate(cells)
                  if kind == "th" and any(n.fullmatch(inner.strip()) for n in names)}
        if not marked:
            return text

        def row(m: re.Match) -> str:
            parts = list(_CELL.finditer(m.group(2)))
            if len(parts) != len(cells):  # a total row with merged cells: leave it whole
                return m.group(0)
            out = []
            for i, cell in enumerate(parts):
                kind, attrs, inner = cell.groups()
                if i in marked and kind == "th":
                    inner = f"{inner} {_html.escape(tag)}"
                elif i in marked:
                    attrs = f'{attrs} class="simulated"'
                out.append(f"<{kind}{attrs}>{inner}</{kind}>")
            return f"<tr{m.group(1)}>{''.join(out)}</tr>"
        return _ROW.sub(row, text)

    return _TABLE.sub(table, body)


def _in_scroll_boxes(body: str, wide: list[bool]) -> str:
    """Wide images in a box that scrolls sideways, so a phone shows them at natural size."""
    images = list(_IMG.finditer(body))
    if len(images) != len(wide) or not any(wide):
        return body  # unexpected layout: leave the images as they are
    out, last = [], 0
    for match, is_wide in zip(images, wide):
        out.append(body[last:match.start()])
        out.append(f'<div class="figure-scroll">{match.group(0)}</div>' if is_wide else match.group(0))
        last = match.end()
    out.append(body[last:])
    return "".join(out)


def _removed(cell) -> bool:
    return bool(set(cell.get("metadata", {}).get("tags", [])) & set(REMOVE_TAGS))


def _with_alt_text(body: str, descriptions: list[str]) -> str:
    """Give each image its figure's description as alt text (nbconvert puts a placeholder)."""
    parts = body.split(_NO_ALT)
    if len(parts) - 1 != len(descriptions):
        return body  # unexpected layout: keep nbconvert's placeholder rather than misattribute
    out = [parts[0]]
    for description, rest in zip(descriptions, parts[1:]):
        out.append(f'alt="{_html.escape(description, quote=True)}"' + rest)
    return "".join(out)


# Attributes and CSS that make a browser fetch something.
_FETCHING = re.compile(
    r"""(?:\b(?:src|href|data|poster|action|srcset)\s*=\s*["']?\s*(?P<url>(?:https?:)?//[^"'\s>]+))"""
    r"""|(?:url\(\s*["']?(?P<css>(?:https?:)?//[^"')\s]+))"""
    r"""|(?:@import\s+["'](?P<imp>[^"']+))""", re.IGNORECASE)


# A source's web address written as a link (``blocks.linked``): the page names where a figure
# was printed; nothing is fetched unless the reader clicks it.
_SOURCE_LINK = re.compile(r'<a class="source-link" href="https?://[^"]*"', re.IGNORECASE)


def external_references(document: str) -> list[str]:
    """Every URL in ``document`` a browser would request from another host (should be none).

    Plain ``<a href>`` links are counted too (an offline reader could not follow them either),
    except a source's address written as a ``source-link``: a citation, not part of the page.
    """
    document = _SOURCE_LINK.sub("<a", document)
    return [m.group("url") or m.group("css") or m.group("imp") for m in _FETCHING.finditer(document)]
