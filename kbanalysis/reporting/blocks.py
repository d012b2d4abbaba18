"""HTML fragments the notebooks display, with every data-derived string escaped.

A region name or a flag comes from input files; if it held ``<script>`` it must show as text
in the report and never run. So fragments are built here, and only here, from escaped pieces
(``esc``); a notebook never builds HTML from data by string formatting.

Each fragment is a ``Block``: JupyterLab and nbconvert show its ``text/html``; its plain-text
form (``repr``) is what nbval compares and what a terminal shows.
"""
from __future__ import annotations

import base64
import html
import re
from collections.abc import Callable, Mapping

import pandas as pd

from .. import messages as T

# "95 %", "12,5 %": a number and its percent sign never split across two lines on a phone;
# nor a page mark and its number ("hlm. 73", "p. 73").
_PERCENT = re.compile(r"(?<=\d) %")
_PAGE_NUMBER = re.compile(r"\b(hlm|p)\. (?=\d)")


def esc(value) -> str:
    text = html.escape("" if value is None else str(value), quote=True)
    return _PAGE_NUMBER.sub("\\1.\u00a0", _PERCENT.sub("\u00a0%", text))


class Block:
    """An HTML fragment with a plain-text twin; ``parts``: the blocks or figures it holds
    written into it (a fold's contents, an inline figure), for code that inspects them."""

    def __init__(self, markup: str, plain: str, parts: tuple = ()):
        self.markup, self.plain, self.parts = markup, plain, parts

    def _repr_html_(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        return self.plain

    def __add__(self, other: "Block") -> "Block":
        return Block(self.markup + other.markup, f"{self.plain}\n{other.plain}")


def join(*blocks: Block | None) -> Block:
    parts = [b for b in blocks if b is not None]
    return Block("".join(b.markup for b in parts), "\n".join(b.plain for b in parts))


def simulated_banner(simulated: list[str], lang: str) -> Block | None:
    """The visible DATA SIMULASI / SIMULATED DATA banner, or None when nothing is simulated."""
    if not simulated:
        return None
    what = "; ".join(T.t(key, lang) for key in simulated)
    message = T.t("simulated_banner", lang, what=what)
    return Block(f'<div class="banner simulated" role="alert"><strong>{esc(message)}</strong></div>',
                 f"!! {message}")


def real_data_note(sources: list[str], lang: str) -> Block | None:
    """Which real KBPP files the report rests on, or None when there are none."""
    if not sources:
        return None
    message = T.t("real_kbpp_note", lang, files=", ".join(sources))
    return Block(f'<div class="banner real"><strong>{esc(message)}</strong></div>', f"i {message}")


def commands(lines: list[str]) -> Block:
    """Shell commands a reader can copy, one per line."""
    text = "\n".join(lines)
    return Block(f'<pre class="commands"><code>{esc(text)}</code></pre>', text)


def details(summary: str, *blocks: Block | None, level: int | None = None) -> Block:
    """``blocks`` folded away under ``summary`` (closed until the reader opens it). With
    ``level``, the summary is a heading of that level, so the folded part keeps its place in
    the page's outline."""
    inner = join(*blocks)
    label = esc(summary) if level is None else f'<h{level} class="fold-heading">{esc(summary)}</h{level}>'
    plain = summary if level is None else f"{'#' * level} {summary}"
    return Block(f"<details><summary>{label}</summary>{inner.markup}</details>",
                 f"{plain}\n{inner.plain}", tuple(b for b in blocks if b is not None))


def image(figure) -> Block:
    """A figure (``plots.FigureBlock``: its ``png()`` and ``description``) written into the
    block's own HTML, with the description as alt text: for a figure inside another block (a
    folded ``details``), where a cell's image output cannot go. ``data-inline`` tells the
    export it is not a cell's image output."""
    data = base64.b64encode(figure.png()).decode("ascii")
    return Block(f'<figure class="inline-figure"><img data-inline src="data:image/png;base64,{data}" '
                 f'alt="{esc(figure.description)}"></figure>', f"[figure: {figure.description}]", (figure,))


def title(main: str, subtitle: str = "") -> Block:
    sub = f'<p class="subtitle">{esc(subtitle)}</p>' if subtitle else ""
    return Block(f"<header><h1>{esc(main)}</h1>{sub}</header>", f"# {main}\n{subtitle}".rstrip())


def heading(label: str, level: int = 2) -> Block:
    return Block(f"<h{level}>{esc(label)}</h{level}>", f"{'#' * level} {label}")


def paragraph(sentence: str, css: str = "") -> Block:
    """A paragraph; a web address in it (a source's page) is a link."""
    cls = f' class="{esc(css)}"' if css else ""
    return Block(f"<p{cls}>{linked(sentence)}</p>", sentence)


def bullets(items: list[str], intro: str = "") -> Block:
    lis = "".join(f"<li>{esc(i)}</li>" for i in items)
    head = f"<p>{esc(intro)}</p>" if intro else ""
    plain = "\n".join([intro, *[f"- {i}" for i in items]]).strip()
    return Block(f"{head}<ul>{lis}</ul>", plain)


def figure_caption(sentence: str) -> Block:
    return Block(f'<p class="caption">{linked(sentence)}</p>', sentence)


_ADDRESS = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:)]")


def linked(sentence: str) -> str:
    """``sentence`` escaped, with each web address (a source's page) as a link to it."""
    out, last = [], 0
    for match in _ADDRESS.finditer(sentence):
        out.append(esc(sentence[last:match.start()]))
        url = esc(match.group(0))
        out.append(f'<a class="source-link" href="{url}" rel="noopener noreferrer">{url}</a>')
        last = match.end()
    out.append(esc(sentence[last:]))
    return "".join(out)


def locator(svg: str, alt: str, caption: str = "") -> Block:
    """A small map inline in the page (SVG markup: the page stays offline), floated beside
    the title; its plain twin is the description."""
    note = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
    return Block(f'<figure class="locator">{svg}{note}</figure>', f"[{alt}]")


def caveat(sentence: str) -> Block:
    return Block(f'<aside class="caveat"><p>{esc(sentence)}</p></aside>', sentence)


def table(frame: pd.DataFrame, labels: Mapping[str, str],
          formats: Mapping[str, Callable[[object], str]] | None = None,
          highlight: Callable[[pd.Series], bool] | None = None, keep_name: bool = False) -> Block:
    """``frame``'s ``labels`` columns as a table; cells formatted by ``formats`` then escaped.
    ``keep_name``: the first two columns (code and name) stay in view while a wide table
    scrolls sideways on a phone."""
    formats = formats or {}
    columns = list(labels)
    head = "".join(f"<th>{esc(labels[c])}</th>" for c in columns)
    body, plain_rows = [], ["\t".join(labels[c] for c in columns)]
    for _, row in frame.iterrows():
        cells = [formats.get(c, _default_format)(row[c]) for c in columns]
        mark = ' class="highlight"' if highlight is not None and highlight(row) else ""
        body.append(f"<tr{mark}>" + "".join(f"<td>{esc(x)}</td>" for x in cells) + "</tr>")
        plain_rows.append("\t".join(cells))
    css = ' class="keep-name"' if keep_name else ""
    markup = (f'<div class="table-wrap"><table{css}><thead><tr>{head}</tr></thead>'
              f"<tbody>{''.join(body)}</tbody></table></div>")
    return Block(markup, "\n".join(plain_rows))


def _default_format(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "–"
    return str(value)


def source(sentence: str) -> Block:
    """The small "Sumber: ..." line under a table or chart (empty sentence: nothing shown)."""
    if not sentence:
        return Block("", "")
    return Block(f'<p class="source">{esc(sentence)}</p>', sentence)


def footer(prov: dict, lang: str) -> Block:
    """The provenance footer in the report's language: a plain sentence, then the input hashes,
    parameters, model run and package versions folded away in ``<details>``.

    Versions sit in ``<span class="version">`` (and after ``==`` in the plain text) so the
    nbval sanitiser can mask them without masking any number of the report itself.
    """
    inputs = "".join(f"<li><code>{esc(n)}</code> <code class='hash'>{esc(h[:16])}</code></li>"
                     for n, h in prov["inputs"].items())
    versions = "".join(f"<li>{esc(n)} <span class=\"version\">{esc(v)}</span></li>"
                       for n, v in prov["versions"].items())
    params = "".join(f"<li>{esc(_label('ui_param_', k, lang))}: <code>{esc(_param(v, lang))}</code></li>"
                     for k, v in prov["parameters"].items())
    prov = {**prov, "model": {k: _model_value(k, v, lang) for k, v in prov["model"].items()}}
    # identifiers (the formula, hashes, model ids) are code, not words of the page's language
    model = "".join(f"<li>{esc(_label('ui_model_', k, lang))}: "
                    + (f"<code>{esc(v)}</code>" if k in CODE_FIELDS else esc(v)) + "</li>"
                    for k, v in prov["model"].items())
    markup = (f'<footer class="provenance"><h2>{esc(T.t("h_provenance", lang))}</h2>'
              f'<p>{esc(T.t("ui_prov_summary", lang))}</p>'
              f'<details><summary>{esc(T.t("ui_prov_details", lang))}</summary>'
              f'<h3>{esc(T.t("prov_inputs", lang))}</h3><ul>{inputs}</ul>'
              f'<h3>{esc(T.t("prov_parameters", lang))}</h3><ul>{params}</ul>'
              + (f'<h3>{esc(T.t("prov_model", lang))}</h3><ul>{model}</ul>' if model else "")
              + f'<h3>{esc(T.t("prov_versions", lang))}</h3><ul>{versions}</ul></details></footer>')
    plain = "\n".join([
        f"## {T.t('h_provenance', lang)}",
        *[f"{n} {h[:16]}" for n, h in prov["inputs"].items()],
        *[f"{_label('ui_param_', k, lang)}: {_param(v, lang)}" for k, v in prov["parameters"].items()],
        *[f"{_label('ui_model_', k, lang)}: {v}" for k, v in prov["model"].items()],
        *[f"{n}=={v}" for n, v in prov["versions"].items()],
    ])
    return Block(markup, plain)


def _label(prefix: str, key: str, lang: str) -> str:
    """A parameter's or model field's name in words; a name without words stays as it is."""
    return T.t(prefix + key, lang) if prefix + key in T.CATALOGUE else key


CODE_FIELDS = ("specification", "data_sha256", "main_model")


def _model_value(key: str, value, lang: str) -> str:
    """A model field as a reader reads it: "Data simulasi: tidak", never "False"."""
    if str(value) in ("True", "False"):
        return T.t("ui_yes" if str(value) == "True" else "ui_no", lang)
    return str(value)


def _param(value, lang: str) -> str:
    return T.t("ui_param_default", lang) if value is None else str(value)
