"""The province and national pages: official headlines, the province trend, the planning
table's totals, SIGA months, the model section and the CSV downloads.

Official figures are checked against the raw SSGI province file read here with the csv
module (PROVENANCE §5), totals against sums done by hand, R² against a closed form.
"""
from __future__ import annotations

import base64
import csv
import json
import math
import re
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from kbanalysis import config
from kbanalysis import messages as T
from kbanalysis.reporting import areas as A
from kbanalysis.reporting import downloads as D
from kbanalysis.reporting import official, plots
from kbanalysis.reporting import sections as S


def _shown(parts) -> list:
    """Every block and figure of a section, those inside a fold (``details``) and inline
    figures included, in page order."""
    out = []
    for part in parts:
        out.append(part)
        out += _shown(getattr(part, "parts", ()))
    return out


@pytest.fixture(scope="module")
def raw_official(raw_dir) -> dict[tuple[str, int], float]:
    """(province code, year) -> prevalence, straight from the raw SSGI province file."""
    (path,) = sorted((raw_dir / "ssgi_provinsi").glob("*.csv"))
    with open(path, encoding="utf-8", newline="") as handle:
        return {(row["kode_provinsi"], int(row["tahun"])): float(row["prevalensi_balita_stunting"])
                for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def rows():
    return official.read_province_rows(config.PROCESSED_DIR)


@pytest.fixture(scope="module")
def ctx():
    from kbanalysis.reporting.context import load_context
    return load_context()


# -- headline: the official figure, never a regency mean ------------------------------------


@pytest.mark.parametrize("province, printed", [("15", 17.1), ("32", 15.9), ("16", 15.8), ("61", 26.8),
                                               ("63", 22.9), ("33", 17.0), ("76", 35.4)])
def test_headline_is_the_official_2024_figure(rows, raw_official, province, printed):
    head = A.province_headline(rows, province)
    assert head["year"] == 2024
    assert head["value"] == pytest.approx(raw_official[(province, 2024)])
    assert head["value"] == pytest.approx(printed)  # the figure the issue quotes


def test_headline_section_prints_the_official_figure_and_labels_the_mean(ctx):
    text = repr(S.province_headline(ctx, "15", "id"))
    assert "Jambi (SSGI 2024): 17,1 %" in text
    assert "Rata-rata kabupaten/kota (bukan angka provinsi)" in text
    # the province series is a copy of the Ministry's table: never called "resmi" (official)
    assert "resmi" not in text
    members = ctx.cross[ctx.cross["province_bps"] == "15"]
    assert f"atas {len(members)} kabupaten/kota yang punya angka 2024 (dari {len(members)})" in text


def test_national_table_official_column_matches_the_raw_file(ctx, rows, raw_official):
    table = A.national_province_table(ctx.cross, ctx.provinces, rows, 2024).set_index("province_bps")
    # the 2024 copy-down (PROVENANCE §5: 24.7 for Papua, Papua Barat, Papua Tengah, Papua
    # Pegunungan) is set aside: "not available", never 24.7 and never a regency mean
    assert set(table.index[table["official"].isna()]) == {"91", "94", "96", "97"}
    for code, value in table["official"].dropna().items():
        assert value == pytest.approx(raw_official[(code, 2024)]), code
    assert (table.loc[["91", "94", "96", "97"], "reason"] == "not_kept").all()


def test_defects_say_not_available_with_the_latest_official_figure(ctx, rows, raw_official):
    head = A.province_headline(rows, "96")  # Papua Tengah
    assert head["value"] is None and head["reason"] == "not_kept"
    assert (head["latest_year"], head["latest_value"]) == (2023, raw_official[("96", 2023)])
    text = repr(S.province_headline(ctx, "96", "id"))
    assert "tidak tersedia" in text and "24,7" not in text
    assert "kode BPS 2020" in text and "94xx" in text  # Papua codes explained
    ntt = A.trend_points(rows, "53").set_index("year")
    assert raw_official[("53", 2022)] == 0.0  # the defect in the raw file
    assert math.isnan(ntt.at[2022, "value"]) and ntt.at[2022, "reason"] == "not_kept"
    assert A.trend_points(rows, "97").set_index("year").at[2021, "reason"] == "formed_2022"


def test_national_page_headline_and_count_against_14(ctx):
    text = repr(S.national_overview(ctx, "en"))
    assert "(SSGI 2024): 19.8 %" in text
    values = ctx.cross["stunting_survey_pct"].dropna()
    below = int(((values + config.SSGI_REGENCY_HALF_WIDTH_95) < 14.0).sum())  # whole band below
    assert f"{below} of {len(ctx.cross)} are clearly below it" in text


# -- trend ---------------------------------------------------------------------------------


def test_kalimantan_barat_trend_points(rows, raw_official):
    points = A.trend_points(rows, "61")
    assert list(points["year"]) == [2021, 2022, 2023, 2024]
    assert list(points["value"]) == pytest.approx([raw_official[("61", y)] for y in range(2021, 2025)])
    assert list(points["value"]) == pytest.approx([29.8, 27.8, 24.5, 26.8])


def test_trend_section_draws_a_figure_and_lists_every_year(ctx):
    parts = S.province_trend(ctx, "61", "en")
    assert any(isinstance(p, plots.FigureBlock) for p in parts)
    text = "\n".join(repr(p) for p in parts)
    for line in ("2021\tSSGI 2021\t29.8", "2022\tSSGI 2022\t27.8", "2023\tSKI 2023\t24.5",
                 "2024\tSSGI 2024\t26.8"):
        assert line in text


# -- planning table --------------------------------------------------------------------------


def _planning_cross() -> pd.DataFrame:
    return pd.DataFrame({
        "bps_code": ["9901", "9902", "9903", "9904"], "name": ["A", "B", "C", "D"],
        "province_bps": "99", "province_name": "Uji",
        "kbpp_year": [2024.0, 2024.0, 2021.0, np.nan],
        "deliveries": [1000.0, 2500.0, np.nan, np.nan], "kbpp_total": [650.0, 1900.0, np.nan, np.nan],
        "kbpp_coverage_pct": [65.0, 76.0, 55.5, np.nan],
        "long_acting_share_pct": [np.nan, 30.0, np.nan, np.nan],
        "long_acting_share_pct_year": [np.nan, 2025.0, np.nan, np.nan],
    })


def test_planning_total_adds_up_the_rows_with_counts():
    table = A.planning_table(_planning_cross(), "99")
    total = A.planning_total(table)
    # by hand: 650 + 1900 acceptors of 1000 + 2500 deliveries
    assert (total["acceptors"], total["deliveries"]) == (2550, 3500)
    assert total["coverage"] == pytest.approx(100 * 2550 / 3500)
    assert (total["n_counts"], total["n_coverage"], total["n_none"], total["n"]) == (2, 1, 1, 4)
    assert list(table["basis"]) == ["counts", "counts", "coverage", "none"]
    # no KBPP target without a citable document: no gap or "mothers to reach 70 %" column
    assert "gap_points" not in table and "mothers" not in table


def test_planning_section_prints_a_total_row_that_adds_up():
    cross = _planning_cross()
    analysis = cross.assign(year=2024, kbpp_measure_type="administrative", kbpp_source="uji.csv")
    ctx = SimpleNamespace(cross=cross, analysis=analysis, programme_month=lambda code: (2025, 9))
    block = S.province_planning(ctx, "99", "en")
    lines = repr(block).split("## KBPP planning table")[1].splitlines()
    body = [line.split("\t") for line in lines if line.startswith("99")]
    total = next(line.split("\t") for line in lines if line.startswith("\tTotal (2 of 4"))
    ints = lambda cell: int(cell.replace(",", ""))  # noqa: E731 - English thousands separator
    assert ints(total[3]) == sum(ints(r[3]) for r in body[:2]) == 2550
    assert ints(total[4]) == sum(ints(r[4]) for r in body[:2]) == 3500
    assert body[2][3] == "not published" and body[3][7] == "no KBPP figure"
    assert body[0][6] == "not available" and body[1][6] == "30.0"
    assert "70 %" not in repr(block)
    assert "Long-acting share" in repr(block) and "September 2025" in repr(block)


def test_planning_csv_download_holds_the_table():
    cross = _planning_cross()
    analysis = cross.assign(year=2024, kbpp_measure_type="administrative", kbpp_source="uji.csv")
    ctx = SimpleNamespace(cross=cross, analysis=analysis, programme_month=lambda code: (2025, 9))
    markup = S.province_planning(ctx, "99", "id").markup
    name, text = D.decode_link(markup[markup.index("Tabel perencanaan KB"):])
    assert name == "kbpp-planning-99.csv"
    rows = list(csv.DictReader(text.splitlines()))
    assert [r["bps_code"] for r in rows] == ["9901", "9902", "9903", "9904"]
    assert [r["acceptors"] for r in rows] == ["650", "1900", "", ""]
    assert [r["deliveries"] for r in rows] == ["1000", "2500", "", ""]
    assert [r["coverage"] for r in rows] == ["65.0", "76.0", "55.5", ""]


def test_jawa_tengah_has_coverage_but_counts_not_published(ctx, raw_dir):
    table = A.planning_table(ctx.cross, "33")
    assert len(table) == 35 and (table["basis"] == "coverage").all()
    path = raw_dir / "kbpp_kabkota" / "profil_kesehatan_jateng_2021_gambar_5_17_kbpp.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        printed = {row["wilayah"]: float(row["nilai"]) for row in csv.DictReader(handle)}
    assert printed["Kota Magelang"] == pytest.approx(13.7)
    magelang = table.set_index("name").loc["Kota Magelang"]
    assert magelang["coverage"] == pytest.approx(printed["Kota Magelang"])
    text = repr(S.province_planning(ctx, "33", "en"))
    assert "53.9 %" in text  # the province line of the same chart
    header = next(line for line in text.splitlines() if line.startswith("Code\t") and "KBPP" in line)
    assert header.split("\t") == ["Code", "Name", "Year", "KBPP coverage (%)", "Deliveries in a facility 2021 (%)"]
    for column in ("KBPP acceptors", "Deliveries"):
        assert f"- {column}: not published for all 35 regencies." in text
    assert printed["JAWA TENGAH"] == pytest.approx(53.9)


def test_a_province_without_kbpp_or_mix_says_so(ctx):
    text = repr(S.province_planning(ctx, "61", "en"))
    assert "No public KBPP figure" in text and "14 regencies" in text


# -- SIGA months -----------------------------------------------------------------------------


def test_sulawesi_barat_siga_months(ctx):
    codes = ctx.cross.loc[ctx.cross["province_bps"] == "76", "bps_code"]
    months = A.programme_months(ctx.programme_monthly, codes)
    assert set(months["indicator"]) == set(A.MONTHLY_INDICATORS)
    assert sorted(set(months["month"])) == list(range(1, 10))  # January to September 2025
    assert months.groupby("indicator")["bps_code"].nunique().eq(6).all()
    # Majene's modern CPR in January, read from the monthly table with the csv module
    with open(config.PROGRAMME_MONTHLY_CSV, encoding="utf-8", newline="") as handle:
        wanted = next(float(r["value"]) for r in csv.DictReader(handle)
                      if (r["bps_code"], r["month"], r["indicator"]) == ("7601", "1", "modern_cpr_pct"))
    got = months.loc[(months["bps_code"] == "7601") & (months["month"] == 1)
                     & (months["indicator"] == "modern_cpr_pct"), "value"]
    assert float(got.iloc[0]) == pytest.approx(wanted)
    parts = S.province_programme_months(ctx, "76", "en")
    assert any(isinstance(p, plots.FigureBlock) for p in parts)
    assert "BKKBN SIGA" in "\n".join(repr(p) for p in parts)
    assert S.province_programme_months(ctx, "61", "en") == ()


# -- model section ---------------------------------------------------------------------------


def test_model_section_names_models_in_words_marks_the_main_one_and_states_the_scope(ctx):
    parts = S.model_comparison(ctx, "id")
    text = "\n".join(repr(p) for p in parts)
    with open(config.RESULTS_DIR / "predictions.csv", encoding="utf-8", newline="") as handle:
        codes = [row["bps_code"] for row in csv.DictReader(handle)]
    if {c[:2] for c in codes} == {"33"}:
        assert f"hanya {len(codes)} kabupaten/kota di Jawa Tengah" in text
    # the estimators by name sit in a fold for researchers, after the plain-words summary
    summary = next(i for i, p in enumerate(parts) if 'class="key-figure"' in p.markup)
    fold = next(i for i, p in enumerate(parts) if p.markup.startswith("<details>"))
    assert summary < fold
    assert not any("OLS" in repr(p) or "WLS" in repr(p) for p in parts[:fold])
    rows = [line for line in repr(parts[fold]).splitlines() if "\t" in line]
    assert rows[0].startswith("Model\t")
    assert not any("wls_wild_bootstrap" in row for row in rows) and any("(model utama)" in row for row in rows)
    figure = next(p for p in _shown(parts[fold:]) if isinstance(p, plots.FigureBlock))
    assert figure.figure.axes[0].get_xlabel() == "poin persentase stunting per kenaikan 10 poin cakupan KBPP"
    image = re.search(r'<img data-inline src="data:image/png;base64,([^"]+)" alt="([^"]+)"', parts[fold].markup)
    assert base64.b64decode(image.group(1)) == figure.png() and image.group(2) == figure.description
    meta = json.loads((config.RESULTS_DIR / "meta.json").read_text(encoding="utf-8"))
    mde = meta["power"]["adjusted"]["mde_pp"]
    assert f"{T.number(mde, 'id', 2)} poin stunting per kenaikan 10 poin" in text


def test_model_csv_download_matches_estimates_csv(ctx):
    parts = S.model_comparison(ctx, "en")
    link = next(p for p in parts if "download=" in getattr(p, "markup", ""))
    name, text = D.decode_link(link.markup)
    assert name == "model-comparison.csv"
    with open(config.RESULTS_DIR / "estimates.csv", encoding="utf-8", newline="") as handle:
        expected = {(r["model"], r["term"]): float(r["estimate"]) for r in csv.DictReader(handle)
                    if r["scale"] == "pp per 10 points" and r["is_exposure"] == "True"
                    and not r["model"].startswith("sensitivity:")
                    and not r["model"].endswith("_coef")}
    got = {(r["model"], r["term"]): float(r["estimate"]) for r in csv.DictReader(text.splitlines())}
    assert got.keys() == expected.keys()
    for key, value in expected.items():
        assert got[key] == pytest.approx(value, rel=1e-5), key


def test_forest_plot_labels_its_axis_and_writes_names():
    comparison = pd.DataFrame({"model": ["a", "b"], "estimate": [0.1, -0.2],
                               "ci_low": [-0.1, -0.5], "ci_high": [0.3, 0.1]})
    block = plots.estimates_figure(comparison, "en", "t", xlabel="pp per 10 points",
                                   names=["Model A", "Model B (main model)"], main=[False, True])
    ax = block.figure.axes[0]
    assert ax.get_xlabel() == "pp per 10 points"
    assert {t.get_text() for t in ax.texts} == {"Model A", "Model B (main model)"}


def test_forest_plot_names_are_never_cut_at_the_edge():
    comparison = pd.DataFrame({"model": ["a", "b"], "estimate": [0.1, -0.2],
                               "ci_low": [-0.1, -0.5], "ci_high": [0.3, 0.1]})
    long = "Disesuaikan dengan stunting sebelumnya (WLS), selang dari wild bootstrap, dan lain-lain"
    block = plots.estimates_figure(comparison, "id", "t", names=["A", long], main=[False, False])
    renderer = block.figure.canvas.get_renderer()
    edge = block.figure.bbox.x1
    for text in block.figure.axes[0].texts:
        assert text.get_window_extent(renderer).x1 <= edge, text.get_text()
    assert {t.get_fontsize() for t in block.figure.axes[0].texts} == {10.5}  # phone-readable, wrapped
    assert "\n" in block.figure.axes[0].texts[1].get_text()


# -- researcher tables -----------------------------------------------------------------------


def test_r2_from_predictions_closed_form():
    predictions = pd.DataFrame({"bps_code": list("abcd"), "observed": [1.0, 2.0, 3.0, 4.0],
                                "expected": [1.0, 2.0, 3.0, 5.0], "residual": [0, 0, 0, -1.0]})
    # SS_res = 1, SS_tot = 1.5² + 0.5² + 0.5² + 1.5² = 5
    assert A.fit_r2(predictions)["r2"] == pytest.approx(0.8)


def test_excluded_regencies_name_the_missing_column_and_year():
    analysis = pd.DataFrame({"bps_code": ["1", "1", "2", "2", "3"], "year": [2021, 2024, 2021, 2024, 2024],
                             "stunting_survey_pct": [np.nan, 20.0, np.nan, 25.0, np.nan],
                             "kbpp_coverage_pct": [50.0, np.nan, np.nan, np.nan, np.nan]})
    cross = pd.DataFrame({"bps_code": ["1", "2", "3"], "name": ["P", "Q", "R"], "province_bps": "99",
                          "province_name": "Uji"})
    meta = {"design": {"column_years": {"stunting_survey_pct": {"year": 2024},
                                        "kbpp_coverage_pct": {"year": 2021}}}}
    predictions = pd.DataFrame({"bps_code": ["1"], "observed": [20.0], "expected": [20.0], "residual": [0.0]})
    out = A.excluded_regencies(analysis, cross, meta, predictions)
    assert list(out["bps_code"]) == ["2", "3"]
    assert list(out["missing"]) == ["kbpp_coverage_pct 2021",
                                    "stunting_survey_pct 2024; kbpp_coverage_pct 2021"]
    reasons = A.exclusion_reasons(out)
    assert reasons["n"].sum() == 2


def test_national_research_sections_and_their_downloads(ctx):
    excluded = S.national_research_excluded(ctx, "en")
    with open(config.RESULTS_DIR / "predictions.csv", encoding="utf-8", newline="") as handle:
        inside = {row["bps_code"] for row in csv.DictReader(handle)}
    link = next(p for p in excluded if "download=" in p.markup)
    _name, text = D.decode_link(link.markup)
    listed = [r["bps_code"] for r in csv.DictReader(text.splitlines())]
    assert len(listed) == len(ctx.cross) - len(inside) and not set(listed) & inside
    spatial = S.national_research_spatial(ctx, "en")
    meta = json.loads((config.RESULTS_DIR / "meta.json").read_text(encoding="utf-8"))
    _name, text = D.decode_link(next(p for p in spatial if "download=" in p.markup).markup)
    moran = next(r for r in csv.DictReader(text.splitlines()) if r["test"] == "moran")
    assert float(moran["statistic"]) == pytest.approx(meta["spatial"]["moran_i"], rel=1e-5)
    evalue = "\n".join(repr(p) for p in S.national_research_evalue(ctx, "en"))
    assert f"E-value {meta['evalue']['evalue_point']:.2f}" in evalue


def test_the_national_research_appendix_is_folded_under_its_headings(ctx):
    """An office passes over the appendix: only its heading and one sentence are open; each
    part (covariates, spatial tests, sensitivity, E-value, referee checks, regencies outside
    the model) is a closed fold whose summary is its own heading, and the statistics terms
    sit inside the folds."""
    parts = [p for make in (S.national_research_covariates, S.national_research_spatial,
                            S.national_research_sensitivity, S.national_research_evalue,
                            S.national_research_referee, S.national_research_excluded)
             for p in make(ctx, "id")]
    head, intro, *folds = parts
    assert head.markup.startswith("<h2>Untuk peneliti") and "melewatinya" in intro.plain
    assert len(folds) == 6
    for fold in folds:
        assert re.fullmatch(r'<details><summary><h3 class="fold-heading">[^<]+</h3></summary>.*</details>',
                            fold.markup, flags=re.S), fold.markup[:120]
    summaries = [re.search(r"<h3[^>]*>([^<]+)</h3>", f.markup).group(1) for f in folds]
    assert summaries[-2:] == ["Pemeriksaan ketahanan hasil", "Kabupaten/kota di luar model"]
    opened = head.markup + intro.markup
    folded = "".join(f.markup for f in folds)
    for term in ("LM galat robust", "Jarak Cook", "Daya ungkit", "Moran"):
        assert term in folded and term not in opened
    # the downloads are still reachable inside their folds
    assert folded.count("download=") >= 4


def test_csv_text_is_plain_and_stable():
    frame = pd.DataFrame({"a": ["x", "y"], "v": [1.23456789, np.nan]})
    assert D.csv_text(frame) == "a,v\nx,1.23457\ny,\n"
    assert D.csv_text(frame, {"v": 1}) == "a,v\nx,1.2\ny,\n"
    name, text = D.decode_link(D.csv_link(frame, "t t.csv", "Download").markup)
    assert (name, text) == ("t-t.csv", "a,v\nx,1.23457\ny,\n")


def test_every_estimator_fit_can_write_has_a_name_in_both_languages():
    import re
    from pathlib import Path

    import kbanalysis.models as models
    source = "".join(p.read_text(encoding="utf-8") for p in Path(models.__file__).parent.glob("*.py"))
    written = set(re.findall(r'"((?:ols|wls|province_fe|random_intercept|spatial_error|panel_twfe|'
                             r'fractional_logit|beta_regression)(?:_unadjusted)?(?:_wild_bootstrap)?)"', source))
    assert {"wls", "wls_wild_bootstrap", "province_fe"} <= written
    for model in written:
        for lang in T.LANGS:
            assert S.model_name(model, lang) != model, (model, lang)


def test_national_table_shows_the_published_jawa_tengah_kbpp_and_no_empty_count_columns(ctx):
    text = repr(S.national_provinces(ctx, "en"))
    jateng = next(line for line in text.splitlines() if line.startswith("33\t"))
    assert "\t53.9 (2021, published province figure)\t" in jateng
    header = next(line for line in text.splitlines() if line.startswith("Code\t"))
    assert "\tDeliveries" not in header  # no province has delivery counts: no empty column
    assert "Papua Tengah (96)" in text and "not available" in text


def test_without_an_official_series_the_pages_say_so(ctx):
    empty = official.read_province_rows(config.PROJ_ROOT / "no-such-folder")
    assert empty.empty
    head = A.province_headline(empty, "53")
    assert head["year"] is None and head["value"] is None
    assert A.trend_points(empty, "53").empty
    fake = SimpleNamespace(**{k: getattr(ctx, k) for k in ("cross", "provinces", "regions", "analysis")},
                           processed_dir=config.PROJ_ROOT / "no-such-folder")
    assert "no province figure" in repr(S.province_headline(fake, "53", "en"))
    first = next(line for line in repr(S.national_provinces(fake, "en")).splitlines() if line.startswith("11\t"))
    assert "\t–\t" in first


def test_simulated_kbpp_is_labelled_in_the_planning_table_and_its_csv():
    cross = _planning_cross().assign(kbpp_measure_type=["simulated", "simulated", "simulated", None])
    analysis = cross.assign(year=2024, kbpp_source="simulated")
    ctx = SimpleNamespace(cross=cross, analysis=analysis, programme_month=lambda code: (2025, 9))
    block = S.province_planning(ctx, "99", "en")
    lines = repr(block).splitlines()
    # no children 0-4 and only simulated deliveries: no planning numbers to show
    assert "## KBPP planning table (simulated)" in lines
    assert "deliveries-99.csv" not in block.markup and "persalinan-99.csv" not in block.markup
    header = next(line for line in lines if line.startswith("Code\t")).split("\t")
    for column in ("KBPP acceptors", "Deliveries", "KBPP coverage (%)"):
        assert f"{column} (simulated)" in header
    assert "Total (2 of 4 regencies with counts) (simulated)" in repr(block)
    rows = list(csv.DictReader(D.decode_link(block.markup)[1].splitlines()))
    assert [r["simulated"] for r in rows] == ["True", "True", "True", "False"]


def test_model_section_says_simulated_when_the_fit_was_on_simulated_inputs(ctx):
    fake = SimpleNamespace(estimates=ctx.estimates, meta={**ctx.meta, "simulated": True},
                           predictions=ctx.predictions, cross=ctx.cross, simulated=["simulated_model"])
    parts = S.model_comparison(fake, "en")
    assert repr(parts[0]) == "## Model comparison (simulated)"
    figure = next(p for p in _shown(parts) if isinstance(p, plots.FigureBlock))
    assert figure.figure.axes[0].get_xlabel().endswith("(simulated)")
    assert "(simulated)" in repr(S.national_research_covariates(fake, "en")[0])


def test_page_figures_keep_text_readable_on_a_phone(ctx):
    figures = [p for p in (*S.province_trend(ctx, "32", "id"), *S.province_programme_months(ctx, "76", "id"),
                           *_shown(S.model_comparison(ctx, "id"))) if isinstance(p, plots.FigureBlock)]
    assert len(figures) == 3
    for block in figures:
        assert plots.text_px_on_phone(block) >= plots.MIN_PHONE_TEXT_PX - 0.1, block.description


# -- planning numbers, own figure against the targets, context, trends -------------------------


def test_province_deliveries_table_adds_up_and_follows_children_0_4(ctx, raw_dir):
    path = raw_dir / "penduduk_kabkota" / "bps_penduduk_0_4_kabkota_2025.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        children = {r["nama_kabkota"]: int(r["penduduk_0_4_2025"]) for r in csv.DictReader(handle)
                    if r["provinsi"] == "KALIMANTAN SELATAN"}
    assert len(children) == 13
    # by hand: each regency's deliveries a year = children 0-4 / 5 to the nearest 10
    by_hand = sorted(math.floor(n / 5 / 10 + 0.5) * 10 for n in children.values())
    text = repr(S.province_planning(ctx, "63", "id"))
    ints = lambda cell: int(cell.replace(".", ""))  # noqa: E731 - Indonesian thousands separator
    body = [line.split("\t") for line in text.splitlines() if line[:2] == "63" and line[4] == "\t"]
    body = body[:13]  # the deliveries table comes first
    assert sorted(ints(r[3]) for r in body) == by_hand
    total = next(line.split("\t") for line in text.splitlines() if line.startswith("\tTotal Kalimantan Selatan"))
    for column in range(2, 7):  # children, a year, a month, per 10 points a year, a month
        assert ints(total[column]) == sum(ints(r[column]) for r in body)
    assert ints(total[2]) == sum(children.values())
    assert f"sekitar {T.integer(sum(by_hand), 'id')} persalinan per tahun" in text
    assert "70 %" not in text


def test_province_judges_its_own_figure_against_the_targets(ctx):
    text = repr(S.province_headline(ctx, "61", "id"))  # Kalimantan Barat 26.8 (SSGI 2024)
    assert "Kalimantan Barat terhadap target stunting" in text
    assert "RPJMN 2020–2024 (2024)\t14,0\t+12,8\tbelum tercapai" in text
    assert "RPJMN 2025–2029 (2025)\t18,8\t+8,0\tmenuju target 2025: masih di atas target" in text


def test_province_page_shows_susenas_and_the_elsimil_intention(ctx):
    text = repr(S.province_planning(ctx, "63", "id"))
    assert "87,57 % ibu yang melahirkan" in text and "83,87 % ibu yang sama menerima konseling" in text
    parts = "\n".join(repr(p) for p in S.province_programme_months(ctx, "76", "id")).replace("\u00a0", " ")
    assert "Niat ber-KB pasca persalinan (Elsimil)" in parts
    # Majene: AKAN KBPP 289 / >= 32 weeks 462 over 81 of 82 desa (tests/unit/test_sources_siga.py
    # sums them from the raw file); MEKKATTA set aside, 29 rows counted with a note on JUMLAH BUMIL
    reason = T.t("programme_reason_elsimil_bumil_inconsistent_total", "id")
    assert "Kabupaten Majene\t2025\t62,6\t289 / 462 ibu hamil ≥ 32 minggu\t1\t(a)\t29" in parts
    assert f"- (a) {reason}" in parts and parts.count(reason) == 1  # the sentence once, below
    assert "Kabupaten Pasangkayu\t2025\t42,9\t93 / 217 ibu hamil ≥ 32 minggu\t0\t–\t12" in parts


def test_province_trend_has_every_regency_as_a_small_multiple(ctx):
    parts = S.province_trend(ctx, "63", "id")
    text = "\n".join(repr(p) for p in parts)
    members = ctx.cross.loc[ctx.cross["province_bps"] == "63"]
    assert text.count("[chart: ") == len(members)  # one small panel per regency
    assert "[chart: Kota Banjarmasin: 2021 27,8 %, 2024 26,5 %]" in text
    multiples = next(p for p in parts if "small-multiples" in getattr(p, "markup", ""))
    assert multiples.markup.count('class="target"') == len(members)


def test_national_page_has_its_trend_with_the_target_and_a_sentence(ctx):
    block = S.national_overview(ctx, "id")
    text = repr(block)
    assert "24,4 % (SSGI 2021) → 21,6 % (SSGI 2022) → 21,5 % (SKI 2023) → 19,8 % (SSGI 2024)" in text
    assert "Dari 2023 ke 2024 angkanya turun 1,7 poin (21,5 % → 19,8 %)" in text
    assert 'class="target"' in block.markup
    assert "Indonesia terhadap target stunting" in text and "+5,8\tbelum tercapai" in text
    # the mean of the regencies is said not to be the national figure (not "the province's")
    assert "Rata-rata kabupaten/kota (bukan angka nasional)" in text and "bukan angka provinsi" not in text


def test_siga_axis_ticks_show_their_real_values(ctx):
    parts = S.province_programme_months(ctx, "76", "id")
    figure = next(p for p in parts if isinstance(p, plots.FigureBlock)).figure
    figure.canvas.draw()
    labels = [[t.get_text() for t in ax.get_yticklabels()] for ax in figure.axes]
    unmet = next(ticks for ticks in labels if "10" in ticks and len(ticks) > 2 and "5" in ticks)
    # a tick between 5 and 10 is 7.5, written "7,5", never a rounded "8"
    assert "7,5" in unmet and "8" not in unmet


def test_national_deliveries_add_up_over_the_provinces(ctx, raw_dir):
    path = raw_dir / "penduduk_kabkota" / "bps_penduduk_0_4_kabkota_2025.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        children = [int(r["penduduk_0_4_2025"]) for r in csv.DictReader(handle)]
    assert sum(children) == 22_752_569  # PROVENANCE 14
    text = repr(S.national_provinces(ctx, "id"))
    rows = [line.split("\t") for line in text.splitlines() if line[:2].isdigit() and line[2] == "\t"]
    ints = lambda cell: int(cell.replace(".", ""))  # noqa: E731
    births = sum(ints(r[6]) for r in rows)
    # by hand: every regency's children / 5 rounded to tens, summed: within 5 per regency of the total / 5
    assert births == sum(math.floor(n / 5 / 10 + 0.5) * 10 for n in children)
    assert abs(births - sum(children) / 5) <= 5 * len(children)
    assert f"sekitar {T.integer(births, 'id')} persalinan per tahun" in text
    # acceptors per +10 points, by hand from each regency's children: a tenth of its deliveries a
    # year, and that over 12 a month (each rounded half up), summed over the province rows
    half_up = lambda x: math.floor(x + 0.5)  # noqa: E731
    yearly = [half_up(math.floor(n / 5 / 10 + 0.5) * 10 / 10) for n in children]
    assert sum(ints(r[7]) for r in rows) == sum(yearly)
    assert sum(ints(r[8]) for r in rows) == sum(half_up(y / 12) for y in yearly)
    estimates = [math.floor(n / 5 / 10 + 0.5) * 10 for n in children]
    assert (f"sekitar {T.integer(births, 'id')} persalinan per tahun "
            f"(≈ {T.integer(sum(half_up(e / 12) for e in estimates), 'id')} per bulan)") in text
    assert (f"sekitar {T.integer(sum(yearly), 'id')} peserta KBPP lagi per tahun "
            f"(≈ {T.integer(sum(half_up(y / 12) for y in yearly), 'id')} per bulan)") in text


def test_a_plain_summary_comes_before_the_table_of_estimators(ctx):
    parts = [repr(p) for p in _shown(S.model_comparison(ctx, "id"))]
    summary = next(i for i, p in enumerate(parts) if p.startswith("Ringkasan:"))
    table = next(i for i, p in enumerate(parts) if p.startswith("Model\t"))
    assert summary < table
    meta = json.loads((config.RESULTS_DIR / "meta.json").read_text(encoding="utf-8"))
    head = meta["headline"]["adjusted"]
    assert f"stunting {T.signed(head['estimate'], 'id', 2)} poin" in parts[summary]
    assert "α" not in "\n".join(parts)


def test_susenas_context_links_the_page_it_was_read_from(ctx, raw_dir):
    from kbanalysis.reporting.html import external_references
    # the page each quoted table was read from: its rows' url column (PROVENANCE 16), read here
    # with csv; Kalimantan Selatan (63) is named in both tables
    pages = []
    for stem in ("kb_modern_pascapersalinan", "konseling_kbpp"):
        (path,) = sorted((raw_dir / "susenas_provinsi").glob(f"*{stem}*.csv"))
        with open(path, encoding="utf-8", newline="") as handle:
            rows = [r for r in csv.DictReader(handle) if r["provinsi"] == "Kalimantan Selatan"]
        assert len(rows) == 1 and rows[0]["url"].startswith("https://databoks.katadata.co.id/")
        pages.append(rows[0]["url"])
    markup = S.province_planning(ctx, "63", "id").markup
    for address in pages:
        assert f'<a class="source-link" href="{address}" rel="noopener noreferrer">{address}</a>' in markup
    assert external_references(markup) == []  # a citation: the page still fetches nothing itself
    # the regency page's province context links the same pages
    regency = S.susenas_context(ctx, "63", "en", regency_page=True).markup
    assert all(f'href="{address}"' in regency for address in pages)


def test_national_table_says_how_many_regencies_a_pooled_coverage_rests_on(ctx):
    # An office's province file with 3 of Nusa Tenggara Barat's 10 regencies filled: the
    # national table's KBPP cell is their pooled coverage, with its year and "3 of 10".
    from types import SimpleNamespace

    cross = ctx.cross.copy()
    filled = {"5201": (14230, 6950), "5204": (8540, 4440), "5271": (7985, 4607)}
    for code, (deliveries, acceptors) in filled.items():
        at = cross["bps_code"] == code
        cross.loc[at, ["deliveries", "kbpp_total", "kbpp_year"]] = [deliveries, acceptors, 2023]
    pooled = 100 * sum(a for _, a in filled.values()) / sum(d for d, _ in filled.values())  # 52.0
    n = int((cross["province_bps"] == "52").sum())
    view = SimpleNamespace(**{**vars(ctx), "cross": cross}) if hasattr(ctx, "__dict__") else ctx
    text = repr(S.national_provinces(view, "id"))
    assert f"{pooled:.1f}".replace(".", ",") + f" (2023, 3 dari {n} kab/kota)" in text


@pytest.mark.parametrize("province", ["76", "33"])
def test_a_province_page_with_a_planning_table_still_offers_the_template(ctx, province):
    # Sulawesi Barat (SIGA method mix, no KBPP) and Jawa Tengah (every coverage published,
    # 2021): both can send newer or missing figures
    markup = S.province_planning(ctx, province, "id").markup
    assert 'class="kbpp-template"' in markup
    assert f"kbanalysis template --province {province}" in markup


def test_programme_tables_show_the_counts_behind_each_percentage(ctx):
    # no-break spaces keep each count pair on one line
    text = "\n".join(repr(p) for p in S.province_programme_months(ctx, "76", "id")).replace("\u00a0", " ")
    # Elsimil, year to date: 289 of 462 women at >= 32 weeks (awk on the raw file, see
    # tests/unit/test_sources_siga.py)
    assert "Kabupaten Majene\t2025\t62,6\t289 / 462 ibu hamil ≥ 32 minggu" in text
    # SIGA, September: each count pair gives back the percentage printed for that month; the
    # unit is in the heading, once per table, not in every cell
    headings = [line for line in text.splitlines() if line.startswith("Nama\tJan")]
    assert [h.split("\t")[-1] for h in headings] == ["Jumlah Sep 2025 (pembilang / PUS)"] * 2 + [
        "Jumlah Sep 2025 (pembilang / pengguna KB modern)"]
    rows = [line.split("\t") for line in text.splitlines() if line.startswith("Kabupaten") and line.count("\t") > 8]
    assert len(rows) == 18  # 6 regencies x (modern prevalence, unmet need, long-acting share)
    for row in rows:
        numerator, denominator = (int(x.replace(".", "")) for x in row[-1].split(" / "))
        assert row[-2] == f"{100 * numerator / denominator:.1f}".replace(".", ",")


def test_the_rank_correlation_names_its_two_measures_and_the_province_in_words(ctx):
    from kbanalysis.reporting import referee
    text = "\n".join(repr(p) for p in referee.province(ctx.meta, "id"))
    assert ("Ibu melahirkan yang memakai KB modern setelah melahirkan (survei) (2022) dengan "
            "Prevalensi balita stunting (survei SSGI/SKI) (2022), per provinsi:") in text
    assert "(Nusa Tenggara Timur 2022: 35,3 %; sumber sekunder" in text and "35.3" not in text


@pytest.mark.parametrize("province", ["61", "33", "63", "71"])
def test_the_small_multiples_count_changes_within_one_survey_and_say_which_panels_hold_one_point(ctx, province):
    """Counted here from analysis.csv by hand: a regency whose last two figures straddle SKI
    2023 is compared SSGI with SSGI where it has an earlier SSGI figure (Kalimantan Barat: 7
    fall and 5 rise so, against 3 and 9 across SKI 2023); the SKI note only for the others."""
    values: dict[str, dict[int, float]] = {}
    with open(config.PROCESSED_DIR / "analysis.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["bps_code"].startswith(province) and row["stunting_survey_pct"]:
                values.setdefault(row["bps_code"], {})[int(row["year"])] = float(row["stunting_survey_pct"])
    down = up = like = spanning = 0
    for found in values.values():
        years = sorted(found)
        if len(years) < 2:
            continue
        last, before = years[-1], years[-2]
        if (last == 2023) != (before == 2023):
            same = [y for y in years[:-2] if (y == 2023) == (last == 2023)]
            if same:
                before, like = same[-1], like + 1
            else:
                spanning += 1
        change = round(found[last], 1) - round(found[before], 1)
        down, up = down + (change <= -0.05), up + (change >= 0.05)
    caption = repr(S.regency_trends(ctx, province, "id")[-1])
    assert f": {down} turun, {up} naik," in caption
    assert (f"untuk {like} kabupaten/kota: SSGI sebelumnya → SSGI terakhir" in caption) == bool(like)
    assert (f"Pada {spanning} di antaranya, satu dari dua angka itu dari SKI 2023" in caption) == bool(spanning)
    single = sum(1 for code in ctx.cross.loc[ctx.cross["province_bps"] == province, "bps_code"]
                 if len(values.get(code, {})) == 1)
    assert (f"{single} kabupaten/kota hanya punya satu angka survei" in caption) == bool(single)
    if province == "61":
        assert (down, up, like) == (7, 5, 12)  # as a reviewer counted from the drawn panels
    if province == "63":
        assert single == 7 and "(Tanah Laut, Kotabaru," in caption
    if province == "71":
        assert spanning  # the SKI note's own branch


def test_scatter_names_its_dots_where_they_fit_and_says_how_many(ctx):
    cross = ctx.cross.loc[ctx.cross["province_bps"] == "33"]
    heading, figure, note = S.scatter(cross, "id")
    fig = figure.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    names = [t for t in ax.texts if t.get_gid() == "name-label"]
    boxes = [t.get_window_extent(renderer) for t in names]
    assert len(names) == figure.named and 20 <= len(names) <= figure.shown == 35
    assert f"Nama ditulis pada {len(names)} dari 35 titik" in repr(note)
    dots = ax.transData.transform(cross[["kbpp_coverage_pct", "stunting_survey_pct"]].dropna().to_numpy())
    for i, box in enumerate(boxes):
        for other in boxes[i + 1:]:  # no name over another
            assert box.x1 <= other.x0 or other.x1 <= box.x0 or box.y1 <= other.y0 or other.y1 <= box.y0
        for x, y in dots:  # no name over a dot's centre
            assert not (box.x0 <= x <= box.x1 and box.y0 <= y <= box.y1), names[i].get_text()


def test_jawa_tengah_planning_table_shows_facility_births_read_from_the_raw_figure(ctx, raw_dir):
    # Gambar 5.9 of the Profil Kesehatan Jawa Tengah 2021: the value printed for each name.
    (path,) = (raw_dir / "persalinan_faskes").glob("*.csv")
    with open(path, encoding="utf-8", newline="") as handle:
        raw = list(csv.DictReader(handle))
    printed = {row["wilayah_tercetak"]: row["nilai_tercetak"] for row in raw}
    (address,) = {row["url"] for row in raw}
    text = repr(S.province_planning(ctx, "33", "id"))
    header = next(line for line in text.splitlines() if "Persalinan di faskes" in line)
    column = header.split("\t").index("Persalinan di faskes 2021 (%)")
    table = text[text.index(header):].splitlines()[1:]
    rows = {line.split("\t")[1]: line.split("\t") for line in table if line.startswith("33")}
    assert len(rows) == 35
    assert rows["Kabupaten Cilacap"][column] == printed["Kab.Cilacap"] == "99,9"
    assert rows["Kota Tegal"][column] == printed["Kota Tegal"] == "100,0"
    # the page and figure of the print (raw "halaman" P. 67, "sumber_tercetak" Gambar 5.9), and the address
    assert {row["halaman"][:5] for row in raw} == {"P. 67"} and all("Gambar 5.9" in r["sumber_tercetak"] for r in raw)
    assert f"Persalinan di fasilitas kesehatan 2021 (Profil Kesehatan Jawa Tengah 2021, hlm. 67, Gambar 5.9, {address})" in text
    assert "Persalinan di faskes" not in repr(S.province_planning(ctx, "76", "id"))


def test_the_elsimil_desa_rows_set_aside_are_downloadable(ctx):
    """Every ledger row the Elsimil table counts is in the page's CSV: Majene's rows set
    aside and noted add up to the table's two columns."""
    block = S.province_intention(ctx, "76", "id")
    link = re.search(r'<a [^>]*download="elsimil-desa-76.csv"[^>]*>', block.markup)
    name, text = D.decode_link(link.group(0))
    rows = list(csv.DictReader(text.splitlines()))
    table = {line.split("\t")[0]: line.split("\t") for line in repr(block).splitlines()
             if line.startswith("Kabupaten")}
    code = ctx.cross.loc[ctx.cross["name"] == "Kabupaten Majene", "bps_code"].item()
    majene = [r for r in rows if r["bps_code"] == code]
    left_out = {(r["file"], r["row"]) for r in majene if r["left_out"] == "True"}
    noted = {(r["file"], r["row"]) for r in majene if r["left_out"] == "False"}
    assert str(len(left_out)) == table["Kabupaten Majene"][4] and str(len(noted)) == table["Kabupaten Majene"][6]
    assert {r["source_id"] for r in rows} == {"elsimil_bumil"}


def test_the_fold_names_the_row_whose_interval_the_summary_quotes(ctx):
    parts = _shown(S.model_comparison(ctx, "id"))
    summary = next(repr(p) for p in parts if repr(p).startswith("Ringkasan:"))
    named = re.search(r'selang dari baris "([^"]+)"', "\n".join(repr(p) for p in parts)).group(1)
    rows = [line.split("\t") for line in repr(next(p for p in parts if repr(p).startswith("Model\t"))).splitlines()]
    row = next(r for r in rows if r[0].replace(" (model utama)", "") == named)
    low, high = (v.replace("\u00a0", "").strip() for v in row[2].split("…"))
    def signed(text):  # the summary writes "+0,60" where the table writes "0,60"
        return text if text.startswith("-") else f"+{text}"
    assert f"(rentang 95 %: {signed(low)} sampai {signed(high)})" in summary


def test_a_province_outside_the_model_folds_the_other_provinces_estimate(ctx):
    """Kalimantan Selatan has no KBPP figure, so none of its regencies is in the model (read
    from predictions.csv): the page says so and folds the summary; Jawa Tengah keeps it open."""
    with open(config.RESULTS_DIR / "predictions.csv", encoding="utf-8", newline="") as handle:
        inside = {row["bps_code"][:2] for row in csv.DictReader(handle)}
    assert "63" not in inside and "33" in inside
    outside = S.province_model(ctx, "63", "id")
    assert "Tidak ada kabupaten/kota Kalimantan Selatan dalam model ini" in outside[2].plain
    assert outside[-1].markup.startswith("<details><summary>Ringkasan model dari provinsi lain")
    assert "Ringkasan:" in outside[-1].plain and not any("Ringkasan:" in p.plain for p in outside[:-1])
    inside_page = S.province_model(ctx, "33", "id")
    assert inside_page == S.model_comparison(ctx, "id")
    assert not any("dalam model ini (belum ada angka KBPP" in p.plain for p in inside_page)


def test_a_chart_with_nothing_to_draw_is_a_sentence_and_the_model_dots_are_explained(ctx):
    from kbanalysis.reporting import blocks as B
    members = ctx.cross.loc[ctx.cross["province_bps"] == "63"]  # no KBPP figure in the province
    _head, said = S.scatter(members, "id")
    assert type(said) is B.Block and said.markup.startswith("<p>KBPP dan stunting: Tidak ada kabupaten/kota")
    kbpp_map = S.maps_section(ctx, members, "id")[-1]
    assert type(kbpp_map) is B.Block and "Tidak ada angka" in kbpp_map.plain
    with open(config.RESULTS_DIR / "predictions.csv", encoding="utf-8", newline="") as handle:
        n = sum(1 for _ in csv.DictReader(handle))
    caption = S.regency_model(ctx, "3328", "id")[-1].plain
    assert caption.startswith(f"Satu titik untuk setiap {n} kabupaten/kota dalam model utama")
    assert caption.endswith("Sumber: SSGI 2024 (Kemenkes; salinan tabel); Profil Kesehatan Jawa Tengah 2021.")
