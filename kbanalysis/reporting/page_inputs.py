"""What each report page is made from: one fingerprint per input file, for that page only.

A page's footer shows these fingerprints and the batch skips a page whose fingerprints (and
template, parameters and code) did not change, so an office that corrects its own figures
re-renders its regency's page, its province's page and the national page, not all 553.

What a page reads, and so what its fingerprint covers:

- the **national** page reads everything: each file's own sha256;
- a **province** or **regency** page reads every regency's shared columns (stunting, the
  covariates, KBPP coverage: peers, ranks and maps compare regencies across provinces) but the
  office-level detail of KBPP (deliveries, acceptors by method and in total, the source named)
  only for its own regencies: a province page for those of its province, a regency page for
  itself;
- every page reads the province-level rows of ``tidy.csv``, the regency rows of the
  indicators the analysis table does not carry and the addresses of the regency values a
  secondary source quoted (``reporting.official``), the programme
  files' rows of ``rejects.csv`` (``content.programme_exclusions``), the office files named in
  ``build_meta.json`` (``workspace.office_files``), the region lists, the programme table and
  the model results, all whole.

``tests/e2e/test_incremental_batch.py`` checks the split the only way that counts: pages
rebuilt after an office's correction equal pages rebuilt from scratch.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from .. import config
from ..results_contract import ESTIMATES_CSV, META_JSON, PREDICTIONS_CSV
from .official import SECONDARY

# The office-level detail of a regency's KBPP: shown on its own page, its province's page
# (planning tables, method mix, sources) and the national page, never on another page.
PROVINCE_ONLY_COLUMNS = ("deliveries", "kbpp_kondom", "kbpp_suntik", "kbpp_pil", "kbpp_akdr", "kbpp_mop",
                         "kbpp_mow", "kbpp_implan", "kbpp_mal", "kbpp_total", "kbpp_source")
PROGRAMME_SOURCE_PREFIXES = ("siga_", "elsimil_")

ANALYSIS, TIDY, REJECTS, BUILD = "analysis.csv", "tidy.csv", "rejects.csv", "build_meta.json"
WHOLE_FILES = ("regions.csv", "provinces.csv", "programme_monthly.csv", ESTIMATES_CSV, PREDICTIONS_CSV,
               META_JSON)

_CACHE: dict[tuple, dict] = {}


def _sha(text: str | bytes) -> str:
    return hashlib.sha256(text if isinstance(text, bytes) else text.encode("utf-8")).hexdigest()


def _frame_sha(frame: pd.DataFrame) -> str:
    return _sha(frame.to_csv(index=False, lineterminator="\n"))


def _group_shas(frame: pd.DataFrame, keys: pd.Series) -> dict[str, str]:
    """``{key: _frame_sha(rows of key)}`` from one CSV rendering of ``frame`` (551 renderings
    took a second of every worker's first page)."""
    lines = frame.to_csv(index=False, lineterminator="\n").split("\n")
    header, body = lines[0], lines[1:-1]
    if len(body) != len(frame):  # a value with a line break: render group by group
        return {key: _frame_sha(rows) for key, rows in frame.groupby(keys.to_numpy())}
    positions = pd.Series(range(len(frame))).groupby(keys.to_numpy())
    return {key: _sha(header + "\n" + "".join(body[i] + "\n" for i in rows))
            for key, rows in positions}


def _paths(processed: Path, results: Path) -> dict[str, Path]:
    names = {ANALYSIS: processed / config.ANALYSIS_CSV.name, TIDY: processed / config.TIDY_CSV.name,
             REJECTS: processed / config.REJECTS_CSV.name, BUILD: processed / config.BUILD_META_JSON.name}
    for name in WHOLE_FILES:
        names[name] = (results if name in (ESTIMATES_CSV, PREDICTIONS_CSV, META_JSON) else processed) / name
    return names


def _stamp(paths: dict[str, Path]) -> tuple:
    out = []
    for name, path in sorted(paths.items()):
        stat = path.stat() if path.exists() else None
        out.append((name, str(path), stat.st_mtime_ns if stat else None, stat.st_size if stat else None))
    return tuple(out)


def _parts(processed: Path, results: Path) -> dict:
    """Every file's whole hash, and the pieces the province and regency pages read."""
    paths = _paths(processed, results)
    key = _stamp(paths)
    if key in _CACHE:
        return _CACHE[key]
    whole = {name: _sha(path.read_bytes()) for name, path in paths.items() if path.exists()}
    parts: dict = {"whole": whole, "shared": {}, "province": {}, "regency": {}}
    if paths[ANALYSIS].exists():
        # As text: the same bytes whatever the parser guesses, and no float formatting to vary.
        table = pd.read_csv(paths[ANALYSIS], dtype=str, keep_default_na=False)
        local = [c for c in PROVINCE_ONLY_COLUMNS if c in table.columns]
        parts["shared"][ANALYSIS] = _frame_sha(table.drop(columns=local))
        own = table[["bps_code", "year", *local]]
        parts["province"] = _group_shas(own, own["bps_code"].str[:2])
        parts["regency"] = _group_shas(own, own["bps_code"])
    if paths[TIDY].exists():
        tidy = pd.read_csv(paths[TIDY], dtype=str, keep_default_na=False)
        in_analysis = set(pd.read_csv(paths[ANALYSIS], nrows=0).columns) if paths[ANALYSIS].exists() else set()
        flags = tidy["flags"] if "flags" in tidy else pd.Series("", index=tidy.index)
        quoted = flags.str.split(";").map(lambda found: SECONDARY in found)
        read = (tidy["level"] != "regency") | ~tidy["indicator"].isin(in_analysis) | quoted
        parts["shared"][TIDY] = _frame_sha(tidy.loc[read])
    if paths[REJECTS].exists():
        rejects = pd.read_csv(paths[REJECTS], dtype=str, keep_default_na=False)
        programme = rejects["source_id"].str.startswith(PROGRAMME_SOURCE_PREFIXES)
        parts["shared"][REJECTS] = _frame_sha(rejects.loc[programme])
    if paths[BUILD].exists():
        from ..workspace import office_files
        parts["shared"][BUILD] = _sha(json.dumps(office_files(processed)))
    _CACHE.clear()  # one data set at a time
    _CACHE[key] = parts
    return parts


def page_hashes(level: str, code: str | None, processed_dir=None, results_dir=None) -> dict[str, str]:
    """``file name -> sha256`` of what the page of ``level`` and ``code`` reads of each input
    file (see the module docstring); the whole file's hash on the national page."""
    processed = Path(processed_dir) if processed_dir else config.PROCESSED_DIR
    results = Path(results_dir) if results_dir else config.RESULTS_DIR
    parts = _parts(processed, results)
    whole = parts["whole"]
    if level == "national" or not code:
        return {name: whole[name] for name in sorted(whole) if name != BUILD}
    own = parts["province" if level == "province" else "regency"].get(str(code), "none")
    hashes = {}
    for name in sorted(whole):
        if name == ANALYSIS:
            hashes[name] = _sha(parts["shared"][ANALYSIS] + own)
        elif name in parts["shared"] and name != BUILD:
            hashes[name] = parts["shared"][name]
        elif name != BUILD:
            hashes[name] = whole[name]
    return hashes


def page_fingerprint(level: str, code: str | None, processed_dir=None, results_dir=None) -> str:
    """One hash over :func:`page_hashes` and the office files named (the page says which)."""
    processed = Path(processed_dir) if processed_dir else config.PROCESSED_DIR
    results = Path(results_dir) if results_dir else config.RESULTS_DIR
    hashes = page_hashes(level, code, processed, results)
    office = _parts(processed, results)["shared"].get(BUILD, "none")
    return _sha(json.dumps({"inputs": hashes, "office_files": office}, sort_keys=True))
