"""What a page's fingerprint covers (kbanalysis.reporting.page_inputs): a regency's method
split is its own page's and its province's business; its coverage, every page's; the
national page reads whole files."""
from __future__ import annotations

import hashlib
import json

import pandas as pd

from kbanalysis.reporting.page_inputs import page_fingerprint, page_hashes

ANALYSIS = pd.DataFrame({
    "bps_code": ["3301", "3302", "5203"], "year": [2021, 2021, 2023],
    "stunting_survey_pct": [20.1, 18.5, 30.2], "kbpp_coverage_pct": [40.0, 50.0, 53.8],
    "deliveries": [900.0, 700.0, 2100.0], "kbpp_suntik": [200.0, 150.0, 450.0],
    "kbpp_implan": [120.0, 90.0, 270.0], "kbpp_total": [360.0, 350.0, 1130.0]})
TIDY = pd.DataFrame({
    "region_code": ["33", "5203", "5203"], "level": ["province", "regency", "regency"],
    "year": [2021, 2023, 2021], "indicator": ["stunting_survey_pct", "kbpp_suntik", "births_in_facility_pct"],
    "value": [20.9, 450, 80.0]})


def _folders(tmp_path, analysis=ANALYSIS, tidy=TIDY, office=("lotim.xlsx",)):
    processed, results = tmp_path / "processed", tmp_path / "results"
    processed.mkdir(parents=True, exist_ok=True)
    results.mkdir(parents=True, exist_ok=True)
    analysis.to_csv(processed / "analysis.csv", index=False)
    tidy.to_csv(processed / "tidy.csv", index=False)
    (processed / "build_meta.json").write_text(json.dumps({"kbpp": {"files": {f: {} for f in office}}}))
    (results / "meta.json").write_text('{"seed": 1}')
    return processed, results


def _hashes(tmp_path, level, code, **changes):
    processed, results = _folders(tmp_path, **changes)
    return page_hashes(level, code, processed, results), page_fingerprint(level, code, processed, results)


def test_a_method_split_changes_its_own_pages_only(tmp_path):
    moved = ANALYSIS.copy()
    moved.loc[moved["bps_code"] == "5203", ["kbpp_suntik", "kbpp_implan"]] = [430.0, 290.0]
    for level, code, changes in [("regency", "5203", True), ("province", "52", True),
                                 ("regency", "3301", False), ("province", "33", False),
                                 ("regency", "3302", False)]:
        before = _hashes(tmp_path / "a", level, code)[1]
        after = _hashes(tmp_path / "b", level, code, analysis=moved)[1]
        assert (before != after) == changes, (level, code)


def test_coverage_is_every_pages(tmp_path):
    changed = ANALYSIS.copy()
    changed.loc[changed["bps_code"] == "5203", "kbpp_coverage_pct"] = 60.0
    for level, code in [("regency", "3301"), ("province", "33"), ("national", None)]:
        assert _hashes(tmp_path / "a", level, code)[1] != _hashes(tmp_path / "b", level, code,
                                                                   analysis=changed)[1]


def test_regency_rows_of_an_analysis_column_in_tidy_are_not_read_by_pages(tmp_path):
    # kbpp_suntik is a column of the analysis table: pages read it there, never from tidy.csv;
    # births_in_facility_pct is not, so its regency rows are read from tidy.csv.
    other_split = TIDY.copy()
    other_split.loc[1, "value"] = 430
    facility = TIDY.copy()
    facility.loc[2, "value"] = 81.0
    base = _hashes(tmp_path / "a", "regency", "3301")[1]
    assert _hashes(tmp_path / "b", "regency", "3301", tidy=other_split)[1] == base
    assert _hashes(tmp_path / "c", "regency", "3301", tidy=facility)[1] != base


def test_the_office_files_named_are_every_pages(tmp_path):
    base = _hashes(tmp_path / "a", "regency", "3301")[1]
    assert _hashes(tmp_path / "b", "regency", "3301", office=("lotim.xlsx", "ntb.xlsx"))[1] != base


def test_the_national_page_shows_each_files_own_sha256(tmp_path):
    processed, results = _folders(tmp_path)
    hashes = page_hashes("national", None, processed, results)
    for name, folder in (("analysis.csv", processed), ("tidy.csv", processed), ("meta.json", results)):
        assert hashes[name] == hashlib.sha256((folder / name).read_bytes()).hexdigest()
    regency = page_hashes("regency", "3301", processed, results)
    assert regency["meta.json"] == hashes["meta.json"]  # the model: whole, on every page
    assert regency["analysis.csv"] != hashes["analysis.csv"]


def test_grouped_hashes_equal_each_groups_own_csv_even_with_a_line_break_in_a_value():
    from kbanalysis.reporting.page_inputs import _group_shas

    rows = pd.DataFrame({"bps_code": ["3302", "3301", "5203", "3301"], "year": ["2021"] * 4,
                         "kbpp_source": ["a.csv", "b, c", "d", "e"]})
    broken = rows.assign(kbpp_source=["a.csv", "kantor\nB", "d", "e"])
    for frame in (rows, broken):
        for keys in (frame["bps_code"], frame["bps_code"].str[:2]):
            by_hand = {key: hashlib.sha256(part.to_csv(index=False, lineterminator="\n").encode()).hexdigest()
                       for key, part in frame.groupby(keys)}
            assert _group_shas(frame, keys) == by_hand


def test_the_address_of_a_quoted_figure_is_read_by_pages(tmp_path):
    # stunting_survey_pct is an analysis column, but the address of a quoted value is only in
    # tidy.csv (the trend names it): correcting the address re-renders the pages.
    quoted = pd.concat([TIDY, pd.DataFrame({
        "region_code": ["3301", "3301"], "level": ["regency", "regency"], "year": [2022, 2024],
        "indicator": ["stunting_survey_pct"] * 2, "value": [20.1, 19.0],
        "flags": ["secondary_source", ""], "source_ref": ["https://example.org/a", ""]})], ignore_index=True)
    moved = quoted.copy()
    moved.loc[moved["source_ref"] == "https://example.org/a", "source_ref"] = "https://example.org/b"
    official = quoted.copy()
    official.loc[(official["year"] == 2024) & (official["region_code"] == "3301"), "source_ref"] = "x"
    base = _hashes(tmp_path / "a", "regency", "3301", tidy=quoted)[1]
    assert _hashes(tmp_path / "b", "regency", "3301", tidy=moved)[1] != base
    assert _hashes(tmp_path / "c", "regency", "3301", tidy=official)[1] == base  # not a quoted row
