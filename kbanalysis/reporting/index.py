"""``reports/index.html``: every report with a link, grouped by province, which failed and why,
and a filter that matches region and province names.

The page works offline: inline CSS, a few lines of inline JavaScript for the filter, nothing
fetched. Every name and error message is escaped (they come from data and exceptions). The
page is in Indonesian with English beside it (the reports of both languages are listed), and
it shows only what a reader needs: no hashes, fingerprints or timings.
"""
from __future__ import annotations

from pathlib import Path

from .. import atomic
from .. import messages as T
from ..regions import PROVINCE_SHORT_NAMES
from .blocks import esc
from .html import page

LEVEL_ORDER = {"national": 0, "province": 1, "regency": 2}

FILTER_SCRIPT = """
<script>
(function () {
  var box = document.getElementById('filter');
  var rows = document.querySelectorAll('tr[data-search]');
  var groups = document.querySelectorAll('tbody.group');
  var count = document.getElementById('count');
  function squash(text) { return text.replace(/[\\s.\\-']+/g, ''); }
  function apply() {
    // "Kab. Tegal", "kab tegal" find "Kabupaten Tegal", "Kep. Seribu" "Kepulauan Seribu": the
    // short form means the long one;
    // spaces, dots and hyphens do not count, so "Baubau", "Bau-Bau" and "Bau Bau" are one name
    var q = squash(box.value.toLowerCase().replace(/\\bkab(?:\\.\\s*|\\s+|$)/g, 'kabupaten ')
      .replace(/\\bkep(?:\\.\\s*|\\s+|$)/g, 'kepulauan '));
    var shown = 0;
    rows.forEach(function (row) {
      var hit = !q || squash(row.getAttribute('data-search')).indexOf(q) !== -1;
      row.hidden = !hit;
      if (hit) { shown += 1; }
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector('tr[data-search]:not([hidden])');
    });
    count.textContent = shown + ' / ' + rows.length;
  }
  box.addEventListener('input', apply);
  apply();
})();
</script>
"""

INDEX_CSS = """
.status-ok { color: #0b6e4f; }
.status-failed { color: #b00020; font-weight: bold; }
.status-outdated { color: #8a6d00; }
.error { font-family: monospace; font-size: 0.8rem; white-space: pre-wrap; color: #b00020; }
input[type=search] { width: 100%; max-width: 28rem; font-size: 1rem; padding: 0.4rem; }
tr.group-head th { background: #e4ecf3; font-size: 1rem; }
"""


def _both(key: str, langs: tuple = T.LANGS, **values) -> str:
    """``key`` in the languages of the listed reports: "Indonesian / English" when the index
    lists both, one language when all its reports are in it."""
    texts = list(dict.fromkeys(T.t(key, lang, **values) for lang in langs))
    return " / ".join(texts)


def index_rows(manifest: dict) -> list[dict]:
    """Manifest entries sorted national, then by province (the province first, then its
    regencies); then language and code."""
    current = manifest.get("data_hash")
    rows = []
    for key, entry in manifest.get("reports", {}).items():
        status = entry.get("status", "failed")
        if status == "ok" and current and entry.get("data_hash") not in (None, current):
            status = "outdated"
        province = entry.get("province") or (entry.get("code") if entry.get("level") == "province" else "")
        rows.append({**entry, "key": key, "shown_status": status, "group": province or ""})
    return sorted(rows, key=lambda r: (r.get("level") != "national", r["group"] == "", r["group"],
                                       LEVEL_ORDER.get(r.get("level"), 9), r.get("lang") or "",
                                       r.get("code") or "", r["key"]))


def _group_name(rows: list[dict]) -> str:
    for r in rows:
        if r.get("province_name"):
            return str(r["province_name"])
        if r.get("level") == "province" and r.get("name"):
            return str(r["name"])
    return ""


def _in_row_language(key: str, lang) -> str:
    """A label in the row's own report language (each report is in one language)."""
    return T.t(key, lang if lang in T.LANGS else T.DEFAULT_LANG)


def _row(r: dict, province_name: str, show_lang: bool) -> str:
    name = esc(r.get("name"))
    link = (f'<a href="{esc(r["output"])}">{name}</a>'
            if r["shown_status"] in ("ok", "outdated") and r.get("output") else name)
    error = f'<div class="error">{esc(r.get("error"))}</div>' if r.get("error") else ""
    province = r.get("province") or (r.get("code") if r.get("level") == "province" else "")
    # A regency's name already says Kabupaten or Kota: its level word ("kabupaten/kota",
    # "regency") would make "kota" match every regency.
    level_words = ([] if r.get("level") == "regency" else
                   [T.t(f"ui_level_{r.get('level')}", lang) for lang in T.LANGS] if r.get("level") in LEVEL_ORDER
                   else [r.get("level")])
    words = [r.get("name"), r.get("code"), province_name, PROVINCE_SHORT_NAMES.get(str(province or "")),
             r.get("lang"), *level_words, "Indonesia" if r.get("level") == "national" else ""]
    search = esc(" ".join(" ".join(str(w or "").split()) for w in words).lower())
    lang = r.get("lang")
    level = (_in_row_language(f"ui_level_{r['level']}", lang) if r.get("level") in LEVEL_ORDER
             else r.get("level"))
    status_key = f"ui_status_{r['shown_status']}"
    status = _in_row_language(status_key, lang) if status_key in T.CATALOGUE else r["shown_status"]
    lang_cell = f"<td>{esc(lang)}</td>" if show_lang else ""
    return (f'<tr data-search="{search}"><td>{link}{error}</td><td>{esc(r.get("code") or "")}</td>'
            f'<td>{esc(level)}</td>{lang_cell}'
            f'<td class="status-{esc(r["shown_status"])}">{esc(status)}</td></tr>')


def _banner(manifest: dict, langs: tuple = T.LANGS) -> str:
    simulated = manifest.get("simulated")
    if simulated:
        what = "; ".join(T.t(k, "id") for k in simulated if k in T.CATALOGUE)
        what_en = "; ".join(T.t(k, "en") for k in simulated if k in T.CATALOGUE)
        return ('<div class="banner simulated" role="alert">'
                f'<p><strong>{esc(T.t("simulated_banner", "id", what=what))}</strong></p>'
                f'<p lang="en"><strong>{esc(T.t("simulated_banner", "en", what=what_en))}</strong></p></div>')
    if simulated == []:  # known to hold no simulated input (None: unknown, say nothing)
        return f'<div class="banner real"><strong>{esc(_both("ui_index_real", langs))}</strong></div>'
    return ""


def build_index(manifest: dict) -> str:
    rows = index_rows(manifest)
    n_failed = sum(r["shown_status"] == "failed" for r in rows)
    show_lang = len({r.get("lang") for r in rows}) > 1  # one language: no column for it
    # the labels in the listed reports' languages (both when the index lists no report yet)
    langs = tuple(lang for lang in T.LANGS if any(r.get("lang") == lang for r in rows)) or tuple(T.LANGS)
    n_columns = 5 if show_lang else 4
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(r["group"] if r.get("level") != "national" else "national", []).append(r)
    bodies = []
    for group, members in groups.items():
        if group == "national":
            bodies.append("<tbody>" + "".join(_row(r, "", show_lang) for r in members) + "</tbody>")
            continue
        province_name = _group_name(members)
        heading = (f"{province_name} ({group})" if province_name else group) if group \
            else _both("ui_group_other", langs)
        bodies.append(f'<tbody class="group"><tr class="group-head"><th colspan="{n_columns}">'
                      f'{esc(heading)}</th></tr>'
                      + "".join(_row(r, province_name, show_lang) for r in members) + "</tbody>")
    summary = f"<p>{esc(_both('ui_index_summary', langs, n=len(rows), failed=n_failed))}</p>"
    body = (f"<style>{INDEX_CSS}</style>{_banner(manifest, langs)}<h1>{esc(_both('ui_index_title', langs))}</h1>"
            f"{summary}"
            f'<p><label for="filter">{esc(_both("ui_index_filter", langs))}</label><br>'
            '<input id="filter" type="search" autocomplete="off"> <span id="count"></span></p>'
            f'<div class="table-wrap"><table><thead><tr><th>{esc(_both("col_name", langs))}</th>'
            f'<th>{esc(_both("col_code", langs))}</th><th>{esc(_both("ui_level_label", langs))}</th>'
            + (f'<th>{esc(_both("ui_lang_label", langs))}</th>' if show_lang else "")
            + "<th>Status</th></tr></thead>"
            + f"{''.join(bodies)}</table></div>{FILTER_SCRIPT}")
    return page(body, _both("ui_index_title", langs), langs[0] if len(langs) == 1 else "id")


def write_index(reports_dir: Path, manifest: dict) -> Path:
    target = Path(reports_dir) / "index.html"
    atomic.write_text(target, build_index(manifest))
    return target
