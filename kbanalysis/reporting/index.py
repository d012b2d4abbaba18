"""``reports/index.html``: every report with a link, which failed and why, a filter by name.

The page works offline: inline CSS, a few lines of inline JavaScript for the filter, nothing
fetched. Every name and error message is escaped (they come from data and exceptions).
"""
from __future__ import annotations

import html
from pathlib import Path

from .. import atomic
from .html import page

LEVEL_ORDER = {"national": 0, "province": 1, "regency": 2}
LEVEL_LABELS = {"national": "Nasional / National", "province": "Provinsi / Province",
                "regency": "Kabupaten/kota / Regency"}

FILTER_SCRIPT = """
<script>
(function () {
  var box = document.getElementById('filter');
  var rows = document.querySelectorAll('tbody tr');
  var count = document.getElementById('count');
  function apply() {
    var q = box.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var hit = !q || row.getAttribute('data-search').indexOf(q) !== -1;
      row.hidden = !hit;
      if (hit) { shown += 1; }
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
"""


def _esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def index_rows(manifest: dict) -> list[dict]:
    """Manifest entries sorted national, provinces, regencies; then language and code."""
    current = manifest.get("data_hash")
    rows = []
    for key, entry in manifest.get("reports", {}).items():
        status = entry.get("status", "failed")
        if status == "ok" and current and entry.get("data_hash") not in (None, current):
            status = "outdated"
        rows.append({**entry, "key": key, "shown_status": status})
    return sorted(rows, key=lambda r: (LEVEL_ORDER.get(r.get("level"), 9), r.get("lang") or "",
                                       r.get("code") or "", r["key"]))


def build_index(manifest: dict) -> str:
    rows = index_rows(manifest)
    n_failed = sum(r["shown_status"] == "failed" for r in rows)
    body_rows = []
    for r in rows:
        name = _esc(r.get("name"))
        link = (f'<a href="{_esc(r["output"])}">{name}</a>'
                if r["shown_status"] in ("ok", "outdated") and r.get("output") else name)
        error = f'<div class="error">{_esc(r.get("error"))}</div>' if r.get("error") else ""
        search = _esc(" ".join(str(r.get(k) or "") for k in ("name", "code", "level", "lang")).lower())
        body_rows.append(
            f'<tr data-search="{search}"><td>{link}{error}</td><td>{_esc(r.get("code") or "")}</td>'
            f'<td>{_esc(LEVEL_LABELS.get(r.get("level"), r.get("level")))}</td>'
            f'<td>{_esc(r.get("lang"))}</td>'
            f'<td class="status-{_esc(r["shown_status"])}">{_esc(r["shown_status"])}</td></tr>')
    summary = (f"<p>{len(rows)} laporan / reports; <strong>{n_failed}</strong> gagal / failed.</p>")
    body = (f"<style>{INDEX_CSS}</style><h1>Laporan KBPP dan stunting / KBPP and stunting reports</h1>"
            f"{summary}"
            '<p><label for="filter">Cari nama atau kode / Filter by name or code</label><br>'
            '<input id="filter" type="search" autocomplete="off"> <span id="count"></span></p>'
            '<div class="table-wrap"><table><thead><tr><th>Nama / Name</th><th>Kode / Code</th>'
            "<th>Tingkat / Level</th><th>Bahasa / Language</th><th>Status</th></tr></thead>"
            f"<tbody>{''.join(body_rows)}</tbody></table></div>{FILTER_SCRIPT}")
    return page(body, "Laporan / Reports", "id")


def write_index(reports_dir: Path, manifest: dict) -> Path:
    target = Path(reports_dir) / "index.html"
    atomic.write_text(target, build_index(manifest))
    return target
