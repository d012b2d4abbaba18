"""The regency page: target status with the approximate band, comparisons with the province
and the nation, trend points, and why a regency is outside the model.

Figures are checked against values read by hand from the raw files (PROVENANCE §5 and §15)
or against closed forms, never against the code's own expression.
"""
from __future__ import annotations

import csv

import pytest

from kbanalysis import config
from kbanalysis import messages as T
from kbanalysis.reporting import content as C

HALF = config.SSGI_REGENCY_HALF_WIDTH_95


# -- target status ----------------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [
    (12.5, "undecided"),  # Bengkalis 1408 (SSGI 2024): band 8.5-16.5 contains 14
    (14.2, "undecided"),  # Garut 3205: band 10.2-18.2 contains 14
    (9.9, "met"),         # band 5.9-13.9 lies wholly below 14
    (7.2, "met"),         # Cianjur 3203
    (18.1, "not_met"),    # band 14.1-22.1 lies wholly above 14
    (33.0, "not_met"),    # Lombok Timur 5203
    (10.0, "undecided"),  # the band's edge touches the target: not decided
    (18.0, "undecided"),
])
def test_target_status_against_14_percent(value, expected):
    assert C.target_status(value, 14.0, HALF) == expected


def test_target_status_without_a_value_is_none():
    assert C.target_status(None, 14.0, HALF) is None
    assert C.target_status(float("nan"), 14.0, HALF) is None


def test_target_status_counts_add_up():
    counts = C.target_status_counts([12.5, 14.2, 9.9, 33.0, None, 3.0], 14.0, HALF)
    assert counts == {"met": 2, "not_met": 1, "undecided": 2, "missing": 1}


def test_target_statuses_judge_each_rpjmn_target():
    table = C.target_statuses(12.5, HALF).set_index("year")
    # 2024: 14 (undecided); 2025: 18.8 (band 8.5-16.5 wholly below: met); 2029: 14.2 (undecided)
    assert list(table["status"]) == ["undecided", "met", "undecided"]
    assert table.loc[2025, "gap"] == pytest.approx(12.5 - 18.8, abs=1e-9)


# -- the committed real default (data/processed, results) -------------------------------

SEEDS = {"5203": "52", "1408": "14", "7409": "74", "6371": "63", "3328": "33"}


@pytest.fixture(scope="module")
def ctx():
    from kbanalysis.reporting.context import load_context
    return load_context(raw_dir=None)


@pytest.fixture(scope="module")
def province_rows(ctx):
    from kbanalysis.reporting.official import read_province_rows
    return read_province_rows(ctx.processed_dir)


def _raw_csv(raw_dir, folder, pattern="*.csv"):
    import pandas as pd
    files = sorted((raw_dir / folder).glob(pattern))
    assert len(files) == 1, files
    return pd.read_csv(files[0], dtype=str)


# The first secondary list (PROVENANCE 15); the folder also holds the second (17).
FIRST_SECONDARY = "ssgi_ski_kabkota_*.csv"


@pytest.mark.parametrize("code", sorted(SEEDS))
def test_province_figure_is_the_official_one_read_from_the_raw_file(ctx, province_rows, raw_dir, code):
    raw = _raw_csv(raw_dir, "ssgi_provinsi")
    official = raw.loc[(raw["kode_provinsi"] == SEEDS[code]) & (raw["tahun"] == "2024"),
                       "prevalensi_balita_stunting"]
    assert len(official) == 1
    comp = C.survey_comparison(ctx.cross, code, province_rows)
    assert comp["year"] == 2024
    assert comp["province"] == pytest.approx(float(official.iloc[0]), abs=1e-9)
    assert comp["national"] == pytest.approx(19.8, abs=1e-9)  # SSGI 2024, published national figure


def test_province_figure_is_not_the_mean_of_its_regencies(ctx, province_rows):
    # Riau 2024: the official 20.1 differs from any mean of its regencies' values
    comp = C.survey_comparison(ctx.cross, "1408", province_rows)
    riau = ctx.cross.loc[ctx.cross["province_bps"] == "14", "stunting_survey_pct"]
    assert comp["province"] == pytest.approx(20.1, abs=1e-9)
    assert abs(riau.mean() - 20.1) > 0.5


def test_comparison_section_shows_the_three_figures(ctx):
    from kbanalysis.reporting import sections as S
    text = repr(S.regency_comparison(ctx, "5203", "id"))
    # Lombok Timur 33.0 (SSGI 2024), Nusa Tenggara Barat 29.8 (ssgi_provinsi 2024), Indonesia 19.8
    assert "Kabupaten Lombok Timur\t33,0\t29,0–37,0" in text
    assert "Provinsi Nusa Tenggara Barat (angka provinsi)\t29,8" in text
    assert "Indonesia (nasional)\t19,8" in text
    assert "sangat tinggi (≥ 30 %)" in text
    english = repr(S.regency_comparison(ctx, "5203", "en"))
    assert "Nusa Tenggara Barat province (province figure)\t29.8" in english and "very high" in english


def test_stunted_children_is_prevalence_times_children_read_from_the_raw_file(ctx, raw_dir):
    import pandas as pd
    children = pd.read_csv(raw_dir / "penduduk_kabkota" / "bps_penduduk_0_4_kabkota_2025.csv", dtype=str)
    row = children.loc[(children["nama_kabkota"] == "Lombok Timur") & (children["jenis"] == "Kabupaten")]
    n = int(row["penduduk_0_4_2025"].iloc[0])  # 129,103
    found = C.stunted_children(ctx.cross, "5203")
    assert found["children"] == n and found["children_year"] == 2025 and found["prevalence_year"] == 2024
    # 33.0 % of 129,103 = 42,604 -> nearest 100; the band 29-37 % gives 37,440 and 47,768
    assert (found["estimate"], found["low"], found["high"]) == (42_600, 37_400, 47_800)


@pytest.mark.parametrize("value, expected", [(0.0, 0), (4.0, 0), (5.0, 10), (994.9, 990), (995.0, 1_000),
                                             (1_049.9, 1_000), (1_050.0, 1_100), (42_604.0, 42_600)])
def test_round_count_to_10_below_1000_and_100_above(value, expected):
    assert C.round_count(value) == expected


@pytest.mark.parametrize("value, expected", [(0.0, "very_low"), (2.49, "very_low"), (2.5, "low"),
                                             (9.99, "low"), (10.0, "medium"), (19.9, "medium"),
                                             (20.0, "high"), (29.99, "high"), (30.0, "very_high"),
                                             (60.0, "very_high"), (None, None)])
def test_who_unicef_prevalence_classes(value, expected):
    assert C.prevalence_class(value) == expected


def test_national_rank_counts_every_regency_with_a_value_and_shares_ties():
    import pandas as pd
    cross = pd.DataFrame({"bps_code": ["a", "b", "c", "d", "e"],
                          "stunting_survey_pct": [20.0, 10.0, 10.0, None, 30.0]})
    assert C.national_rank(cross, "b") == {"rank": 1, "n": 4}
    assert C.national_rank(cross, "c") == {"rank": 1, "n": 4}
    assert C.national_rank(cross, "a") == {"rank": 3, "n": 4}
    assert C.national_rank(cross, "e") == {"rank": 4, "n": 4}
    assert C.national_rank(cross, "d") is None


def test_national_rank_of_the_real_default_covers_514(ctx):
    rank = C.national_rank(ctx.cross, "1408")
    values = ctx.cross["stunting_survey_pct"].dropna()
    assert rank["n"] == len(values) == 514
    assert rank["rank"] == int((values < 12.5).sum()) + 1  # Bengkalis 12.5: one more than those below


# -- trend points ------------------------------------------------------------------------


def test_trend_points_match_the_secondary_file_and_ssgi_2024(ctx, raw_dir):
    raw = _raw_csv(raw_dir, "stunting_kabkota_secondary", FIRST_SECONDARY)
    quoted = raw.loc[raw["wilayah"] == "Kabupaten Bengkalis"].set_index("tahun")["nilai"].astype(float)
    assert dict(quoted) == {"2021": 21.9, "2022": 8.4}
    trend = C.survey_trend(ctx.analysis, "1408")
    assert list(trend["year"]) == [2021, 2022, 2024]
    assert list(trend["value"]) == pytest.approx([21.9, 8.4, 12.5], abs=1e-9)
    assert list(trend["secondary"]) == [True, True, False]


def test_trend_of_kabupaten_tegal_keeps_kota_tegal_apart(ctx, raw_dir):
    raw = _raw_csv(raw_dir, "stunting_kabkota_secondary", FIRST_SECONDARY)
    kab = raw.loc[raw["wilayah"] == "Kabupaten Tegal"].set_index("tahun")["nilai"].astype(float)
    trend = C.survey_trend(ctx.analysis, "3328").set_index("year")
    assert trend.loc[2021, "value"] == pytest.approx(kab["2021"]) == pytest.approx(28.0)
    assert trend.loc[2022, "value"] == pytest.approx(kab["2022"]) == pytest.approx(22.3)
    # the bare "Tegal" rows (23.9, 16.8) are Kota Tegal's, not the kabupaten's
    assert 23.9 not in list(trend["value"]) and 16.8 not in list(trend["value"])


def test_trend_section_lists_every_survey_year_with_its_kind_and_the_province(ctx):
    from kbanalysis.reporting import sections as S
    parts = S.regency_trend(ctx, "1408", "id")
    text = "\n".join(repr(p) for p in parts)
    assert "2021\t21,9\tsekunder\t22,3\t24,4" in text  # Riau 2021 official 22.3, nation 24.4
    assert "2022\t8,4\tsekunder\t17,0\t21,6" in text
    assert "2024\t12,5\tsalinan tabel survei\t20,1\t19,8" in text
    assert "satu tahun" not in text


def test_trend_figure_marks_secondary_points_hollow_and_keeps_weighing_apart():
    import pandas as pd

    from kbanalysis.reporting import plots
    trend = pd.DataFrame({"year": [2019, 2021, 2022, 2024], "survey": [None, 35.3, 23.6, 14.2],
                          "survey_secondary": [None, True, True, False],
                          "weighing": [4.8, 4.78, 15.11, 11.67]})
    province = pd.DataFrame({"year": [2021, 2022, 2023, 2024], "value": [24.5, 20.2, 21.7, 15.9]})
    block = plots.trend_figure(trend, "id", "Prevalensi stunting", name="Kabupaten Garut",
                               province=province, province_name="Jawa Barat")
    survey_ax, weighing_ax = block.figure.axes
    labels = survey_ax.get_legend_handles_labels()[1]
    assert "dikutip sumber sekunder" in labels and "Kabupaten Garut (survei, salinan tabel)" in labels
    assert "Provinsi Jawa Barat" in labels
    hollow = [line for line in survey_ax.get_lines() if line.get_label() == "dikutip sumber sekunder"][0]
    assert hollow.get_markerfacecolor() == "white"
    assert list(hollow.get_xdata()) == [2021, 2022]
    # no weighing value on the survey axis, and every weighing value on its own axis
    survey_y = {round(float(y), 2) for line in survey_ax.get_lines() for y in line.get_ydata()}
    assert not survey_y & {4.8, 4.78, 15.11, 11.67}
    assert [round(float(y), 2) for y in weighing_ax.get_lines()[0].get_ydata()] == [4.8, 4.78, 15.11, 11.67]


def _svgs(block):
    """The <svg> elements of a chart block, parsed."""
    import re
    import xml.etree.ElementTree as ET
    return [ET.fromstring(m) for m in re.findall(r"<svg.*?</svg>", block.markup, re.S)]


NS = "{http://www.w3.org/2000/svg}"


def test_svg_trend_chart_marks_secondary_points_hollow_and_keeps_weighing_apart():
    import pandas as pd

    from kbanalysis.reporting import svgcharts
    survey = pd.DataFrame({"year": [2021, 2022, 2024], "value": [35.3, 23.6, 14.2],
                           "secondary": [True, True, False]})
    weighing = pd.DataFrame({"year": [2019, 2021, 2022, 2024], "value": [4.8, 4.78, 15.11, 11.67]})
    province = pd.DataFrame({"year": [2021, 2022, 2023, 2024], "value": [24.5, 20.2, 21.7, 15.9]})
    block = svgcharts.trend_chart(survey, weighing, "id", "Kabupaten <Garut>", province=province,
                                  province_name="Jawa Barat")
    survey_svg, weighing_svg = _svgs(block)
    texts = [t.text for t in survey_svg.iter(f"{NS}text")]
    assert "Kabupaten <Garut> (survei, salinan tabel)" in texts  # escaped in the markup, parsed back here
    assert "dikutip sumber sekunder" in texts and "Provinsi Jawa Barat" in texts
    hollow = [c for c in survey_svg.iter(f"{NS}circle") if c.get("class") == "secondary"]
    filled = [c for c in survey_svg.iter(f"{NS}circle") if c.get("class") == "official"]
    assert len(hollow) == 2 and all(c.get("fill") == "#ffffff" for c in hollow)
    assert len(filled) == 1 and filled[0].get("fill") != "#ffffff"
    # the secondary points are the two left ones (2021, 2022), the official one is right of them
    assert max(float(c.get("cx")) for c in hollow) < float(filled[0].get("cx"))
    # the value labels are the survey values only; weighing values appear in their own chart
    assert {"35,3", "23,6", "14,2"} <= set(texts)
    assert not {"4,8", "15,1", "11,7"} & set(texts)
    assert "Penimbangan rutin (ukuran lain)" in [t.text for t in weighing_svg.iter(f"{NS}text")]
    assert len([c for c in weighing_svg.iter(f"{NS}circle")]) == 4
    assert "<Garut>" not in block.markup


def test_svg_trend_chart_points_sit_at_their_values():
    import pandas as pd

    from kbanalysis.reporting import svgcharts
    survey = pd.DataFrame({"year": [2022, 2024], "value": [10.0, 20.0], "secondary": [False, False]})
    svg, = _svgs(svgcharts.trend_chart(survey, survey.iloc[0:0], "en", "A"))
    dots = sorted((float(c.get("cx")), float(c.get("cy"))) for c in svg.iter(f"{NS}circle")
                  if c.get("class") == "official")
    # the 0 % gridline and the top of the axis bound the y scale: 20 % sits twice as high as 10 %
    zero = max(float(line.get("y1")) for line in svg.iter(f"{NS}line") if line.get("x1") != line.get("x2"))
    assert (zero - dots[1][1]) == pytest.approx(2 * (zero - dots[0][1]), rel=1e-3)
    assert dots[0][0] < dots[1][0]


# -- target status on the pages and in the national count --------------------------------


def test_national_count_agrees_with_the_pages_saying_met(ctx):
    from kbanalysis import messages as T
    from kbanalysis.reporting import sections as S
    met_word = T.t("met", "id")
    pages_met = 0
    for code in ctx.cross["bps_code"]:
        first_row = repr(S.regency_targets(ctx, code, "id")).splitlines()[2]  # heading, header, 2024 row
        assert first_row.startswith(T.t("target_rpjmn_2024", "id"))
        pages_met += first_row.endswith("\t" + met_word)
    counts = C.target_status_counts(ctx.cross["stunting_survey_pct"], 14.0)
    assert pages_met == counts["met"]
    # closed form: met against 14 % with ±4 points means a value below 10 %
    assert counts["met"] == int((ctx.cross["stunting_survey_pct"] < 10.0).sum())


@pytest.mark.parametrize("code, status", [("1408", "belum dapat dipastikan"),  # Bengkalis 12.5
                                          ("3205", "belum dapat dipastikan"),  # Garut 14.2
                                          ("5203", "belum tercapai"),          # Lombok Timur 33.0
                                          ("3203", "tercapai")])               # Cianjur 7.2
def test_target_row_of_the_2024_target_on_the_page(ctx, code, status):
    from kbanalysis.reporting import sections as S
    row = repr(S.regency_targets(ctx, code, "id")).splitlines()[2]
    assert row.split("\t")[-1] == status


# -- the model: who is in it, what it says -----------------------------------------------


def test_regency_outside_the_model_says_which_column_was_missing(ctx):
    from kbanalysis.reporting import sections as S
    assert C.model_exclusion(ctx.analysis, ctx.meta, ctx.predictions, "5203") == {
        "missing": [{"column": "kbpp_coverage_pct", "year": 2021}]}
    assert C.model_exclusion(ctx.analysis, ctx.meta, ctx.predictions, "3328") is None
    text = "\n".join(repr(p) for p in S.regency_model(ctx, "6371", "en"))
    assert "Kota Banjarmasin is outside the model: no real KBPP coverage for 2021" in text


def test_relationship_sentence_states_the_headline_the_literature_and_the_mde(ctx):
    import json

    from kbanalysis.reporting import sections as S
    meta = json.loads((ctx.results_dir / "meta.json").read_text(encoding="utf-8"))
    head = meta["headline"]["adjusted"]
    text = repr(S.regency_relationship(ctx, "7409", "en"))

    def signed(v):
        return f"{v:+.2f}" if round(v, 2) else "0.00"
    assert f"{signed(head['estimate'])} points of stunting" in text
    assert f"95 % interval {signed(head['ci_low'])} to {signed(head['ci_high'])}" in text
    expected = meta["expected_effect"]
    assert f"expects {signed(expected['lower_pp'])} to {signed(expected['upper_pp'])} points" in text
    assert f"{head['mde_pp']:.2f} points or more" in text
    # the MDE (0.86) is larger than the largest effect the literature expects (0.22): not detectable
    assert "could not be seen" in text
    assert "35 regencies of Jawa Tengah province, not from Sulawesi Tenggara province" in text
    inside = repr(S.regency_relationship(ctx, "3328", "id"))
    assert "Kabupaten Tegal termasuk dalam 35 kabupaten/kota tersebut" in inside


def test_papua_province_figures_from_before_the_2022_split_are_not_drawn(ctx):
    from kbanalysis.reporting import sections as S
    # Kota Jayapura 9471 (Papua, 94): the raw file's 2021 29.5 and 2022 34.6 cover pre-split Papua
    text = "\n".join(repr(p) for p in S.regency_trend(ctx, "9471", "id"))
    assert "Angka Provinsi Papua tahun 2021, 2022 tidak digambar" in text
    assert "29,5" not in text and "34,6" not in text
    assert "satu tahun survei untuk wilayah ini (2024)" in text
    # Merauke 9401 (Papua Selatan, 95): the province exists from 2023 only; its 2024 figure is 25.7
    merauke = "\n".join(repr(p) for p in S.regency_trend(ctx, "9401", "id"))
    assert "2024\t18,5\tsalinan tabel survei\t25,7\t19,8" in merauke and "pemekaran" not in merauke


def test_trend_caption_names_only_what_is_drawn(ctx):
    from kbanalysis import messages as T
    from kbanalysis.reporting import sections as S
    only_official = "\n".join(repr(p) for p in S.regency_trend(ctx, "9401", "en"))
    assert T.t("reg_trend_caption_secondary", "en") not in only_official
    assert T.t("reg_trend_caption_weighing", "en") not in only_official
    garut = "\n".join(repr(p) for p in S.regency_trend(ctx, "3205", "en"))
    assert T.t("reg_trend_caption_secondary", "en") in garut
    assert T.t("reg_trend_caption_weighing", "en") in garut
    assert "2014: 7.1 %" in garut  # Open Data Jabar routine weighing, Garut 2014 7.12


def test_covariates_with_their_years_read_from_the_raw_file(ctx, province_rows, raw_dir):
    from kbanalysis.reporting import sections as S
    raw = _raw_csv(raw_dir, "bps_susenas_kabkota")
    row = raw.loc[raw["kode_kabkota"] == "5203"].iloc[0]  # Lombok Timur
    table = C.regency_covariates(ctx.cross, "5203", province_rows).set_index("indicator")
    assert table.loc["births_outside_facility_pct", "year"] == 2025
    assert table.loc["births_outside_facility_pct", "value"] == pytest.approx(float(row["persalinan_nonfaskes_2025"]))
    assert table.loc["first_birth_before_20_pct", "value"] == pytest.approx(float(row["melahirkan_dini_2025"]))
    assert table["province_value"].isna().all()  # no official province figure for these in the data
    text = repr(S.regency_covariates(ctx, "5203", "en"))
    assert "Last live birth not in a health facility\t2025\t24.7" in text
    assert "Province, official" not in text and "no province figure" in text


def test_a_model_fitted_on_simulated_inputs_is_labelled_simulated(ctx):
    import dataclasses

    from kbanalysis.reporting import sections as S
    demo = dataclasses.replace(ctx, meta={**ctx.meta, "simulated": True})
    text = repr(S.regency_relationship(demo, "3328", "id"))
    assert text.startswith("## Arti hubungan KBPP dan stunting bagi wilayah ini (simulasi)")
    assert "DATA SIMULASI" in text
    model = "\n".join(repr(p) for p in S.regency_model(demo, "3328", "en"))
    assert model.startswith("## Where it sits against the model (observed vs expected) (simulated)")
    real = repr(S.regency_relationship(ctx, "3328", "id"))
    assert "simulasi" not in real.lower()


# -- planning numbers, province context, programme counts, data-quality notes ----------------


def _children_by_hand(raw_dir, name: str, kind: str, province: str) -> int:
    import csv
    path = raw_dir / "penduduk_kabkota" / "bps_penduduk_0_4_kabkota_2025.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        (row,) = [r for r in csv.DictReader(handle)
                  if r["nama_kabkota"] == name and r["jenis"] == kind and r["provinsi"] == province]
    return int(row["penduduk_0_4_2025"])


@pytest.mark.parametrize("code, name, kind, province", [
    ("6371", "Kota Banjarmasin", "Kota", "KALIMANTAN SELATAN"),
    ("5203", "Lombok Timur", "Kabupaten", "NUSA TENGGARA BARAT"),
])
def test_regency_page_plans_deliveries_and_acceptors_per_10_points(ctx, raw_dir, code, name, kind, province):
    import math

    from kbanalysis import messages as T
    from kbanalysis.reporting import sections as S
    children = _children_by_hand(raw_dir, name, kind, province)
    # by hand: a year's deliveries ~ children 0-4 / 5, to the nearest 10; a month = / 12;
    # 10 points of coverage = 10 % of those deliveries, a month = / 12
    per_year_deliveries = math.floor(children / 5 / 10 + 0.5) * 10
    per_month_deliveries = math.floor(per_year_deliveries / 12 + 0.5)
    per_10 = math.floor(per_year_deliveries * 0.10 + 0.5)
    per_10_month = math.floor(per_10 / 12 + 0.5)
    text = repr(S.regency_kbpp(ctx, code, "id"))
    assert (f"sekitar {T.integer(per_year_deliveries, 'id')} per tahun "
            f"(≈ {T.integer(per_month_deliveries, 'id')} per bulan), dari {T.integer(children, 'id')} anak") in text
    assert (f"sekitar {T.integer(per_10, 'id')} peserta KBPP lagi per tahun "
            f"(≈ {T.integer(per_10_month, 'id')} per bulan)") in text
    assert "Cara menghitung" in text and "70 %" not in text


def test_kota_banjarmasin_numbers(ctx):
    from kbanalysis.reporting import sections as S
    # 51,940 children (raw file) / 5 = 10,388 -> 10,390; 866 a month; 1,039 and 87 per 10 points
    text = repr(S.regency_kbpp(ctx, "6371", "id"))
    assert "10.390 per tahun (≈ 866 per bulan)" in text and "1.039 peserta KBPP lagi per tahun (≈ 87" in text


@pytest.mark.parametrize("code, printed", [("6371", "87,57"), ("7401", "57,59")])
def test_regency_page_shows_the_province_susenas_context(ctx, raw_dir, code, printed):
    import csv

    from kbanalysis.reporting import sections as S
    (path,) = sorted((raw_dir / "susenas_provinsi").glob("*kb_modern_pascapersalinan*.csv"))
    with open(path, encoding="utf-8", newline="") as handle:
        values = {r["wilayah"]: r["nilai"] for r in csv.DictReader(handle)}
    assert values["Kalimantan Selatan"] == "87.57" and values["Sulawesi Tenggara"] == "57.59"
    text = repr(S.regency_kbpp(ctx, code, "id"))
    assert f"{printed} % ibu yang melahirkan dalam dua tahun terakhir memakai metode KB modern" in text
    assert "nasional 73,01 %" in text


def test_a_later_target_judged_on_2024_data_says_towards(ctx):
    from kbanalysis.reporting import sections as S
    text = repr(S.regency_targets(ctx, "5203", "id"))  # Lombok Timur 33.0 (SSGI 2024)
    assert "RPJMN 2025–2029 (2025)\t18,8\t+14,2\tmenuju target 2025: masih di atas target" in text
    assert "RPJMN 2020–2024 (2024)\t14,0\t+19,0\tbelum tercapai" in text


def test_data_quality_notes_are_true(ctx):
    from kbanalysis.reporting import sections as S
    # Kota Magelang: births outside a facility 0.0 is a sampling zero, poverty year uncertain
    text = repr(S.regency_stunting(ctx, "3371", "id"))
    assert "Tidak ada catatan mutu data" not in text
    assert "nol sampel" in text and "tahun data tidak pasti" in text
    for code in ("6371", "5203", "7601"):  # every regency carries the uncertain poverty year
        assert "Tidak ada catatan mutu data" not in repr(S.regency_stunting(ctx, code, "id"))


def test_programme_figures_show_their_counts_and_left_out_desa(ctx, raw_dir):
    import csv

    from kbanalysis import messages as T
    from kbanalysis.reporting import sections as S
    folder = raw_dir / "siga_sulbar"
    with open(folder / "data_pus.csv", encoding="utf-8", newline="") as handle:
        pus = sum(int(r["PUS"]) for r in csv.DictReader(handle, delimiter=";")
                  if r["KABUPATEN"] == "MAJENE" and r["BULAN"] == "SEPTEMBER")
    with open(folder / "2025-elsimil-bumil.csv", encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter=";") if r["KABUPATEN"] == "MAJENE"]
    n = lambda r, c: int(r[c])  # noqa: E731
    # a desa row is left out of the intention when its >= 32 weeks counts disagree (a subgroup
    # above them, or they above every count of pregnant women); a row whose JUMLAH BUMIL alone
    # disagrees (below the accompanied women) is counted, with a note
    late = "JUMLAH BUMIL >=32 MINGGU"
    left_out = [r for r in rows if n(r, "BUMIL >=32 MINGGU MENDAPAT INFORMASI KONTRASEPSI")
                + n(r, "BUMIL >=32 MINGGU TIDAK MENDAPAT INFORMASI KONTRASEPSI") > n(r, late)
                or n(r, "BUMIL >=32 MINGGU AKAN KBPP") + n(r, "BUMIL >=32 MINGGU MEMUTUSKAN TIDAK KBPP") > n(r, late)
                or n(r, late) > max(n(r, "JUMLAH BUMIL"), n(r, "BUMIL TERDAMPINGI"))]
    noted = [r for r in rows if r not in left_out
             and (n(r, "BUMIL TIDAK TERDAMPINGI") < 0
                  or n(r, "BUMIL TERDAMPINGI") + n(r, "BUMIL TIDAK TERDAMPINGI") != n(r, "JUMLAH BUMIL"))]
    assert (len(rows), len(left_out), len(noted)) == (82, 1, 29)
    text = repr(S.regency_programme(ctx, "7601", "id")).replace("\u00a0", " ")  # a pair never breaks
    assert f"/ {T.integer(pus, 'id')} PUS" in text
    # 289 / 462 = 62,55 % (sums of the raw file: tests/unit/test_sources_siga.py)
    assert "\t62,6\t289 / 462 ibu hamil ≥ 32 minggu" in text and "1 baris desa tidak ikut dihitung" in text
    assert "29 baris desa tetap dihitung walau JUMLAH BUMIL tidak sesuai" in text


def test_banner_and_source_name_the_publication_not_the_raw_file(ctx):
    from kbanalysis.reporting import sections as S
    from kbanalysis.reporting.html import external_references
    banner = repr(S.banner(ctx, "id", ["3376"]))
    assert "Profil Kesehatan Jawa Tengah 2021" in banner and ".csv" not in banner
    block = S.regency_kbpp(ctx, "3376", "id")  # Kota Tegal, Profil Kesehatan Jawa Tengah 2021
    assert ".csv" not in block.plain
    address = "https://dinkesjatengprov.go.id/v2018/dokumen/Profil_Kesehatan_2021/files/basic-html/page73.html"
    assert f'<a class="source-link" href="{address}"' in block.markup  # the address is a link
    assert external_references(block.markup) == []  # ... that fetches nothing by itself


def test_footer_names_the_contact_and_says_no_python_booleans(ctx, monkeypatch):
    from kbanalysis.reporting import sections as S
    text = repr(S.footer(ctx, {"regency": "6371", "lang": "id"}, "id"))
    assert "kirim ke pihak yang mengirimkan laporan ini kepada Anda" in text
    assert "False" not in text and "True" not in text
    monkeypatch.setenv(S.CONTACT_ENV, "Tim Data Dinkes Prov. Kalsel, data@example.org")
    assert "kirim ke Tim Data Dinkes Prov. Kalsel, data@example.org." in repr(S.footer(ctx, {}, "id"))
    offer = S.regency_kbpp(ctx, "6371", "id")  # no public KBPP: the template offer
    assert "lalu kirim berkasnya ke Tim Data Dinkes Prov. Kalsel, data@example.org" in offer.plain
    # the analyst's commands are folded away, after the office's own step
    assert offer.markup.index("<details>") < offer.markup.index("kbanalysis data check")
    assert offer.markup.index("lalu kirim berkasnya") < offer.markup.index("<details>")


def test_the_contact_is_part_of_every_report_fingerprint(monkeypatch):
    from kbanalysis import config as cfg
    from kbanalysis.reporting import batch
    job = batch.ReportJob(key="id/regency/6371", level="regency", code="6371", lang="id",
                          name="Kota Banjarmasin", parameters={"regency": "6371"})
    monkeypatch.delenv(cfg.REPORT_CONTACT_ENV, raising=False)
    before = batch.job_fingerprint(job, "t", "d", "c")
    monkeypatch.setenv(cfg.REPORT_CONTACT_ENV, "Tim Data Dinkes")
    assert batch.job_fingerprint(job, "t", "d", "c") != before  # a new contact rebuilds the pages


def test_the_only_kbpp_figure_of_a_province_gets_no_rank_of_one():
    from types import SimpleNamespace

    import pandas as pd

    from kbanalysis.reporting.page_sections.regency import regency_rank

    cross = pd.DataFrame({"bps_code": ["5201", "5202", "5203"], "province_bps": ["52"] * 3,
                          "stunting_survey_pct": [20.0, 25.0, 30.0],
                          "kbpp_coverage_pct": [None, None, 53.8]})
    text = repr(regency_rank(SimpleNamespace(cross=cross), "5203", "id"))
    assert "satu-satunya angka KBPP di provinsi ini" in text and "1 dari 1" not in text
    cross.loc[0, "kbpp_coverage_pct"] = 60.0
    assert "2 dari 2" in repr(regency_rank(SimpleNamespace(cross=cross), "5203", "id"))


def test_the_kbpp_figure_is_under_the_title_where_there_is_one(ctx, raw_dir):
    from kbanalysis.reporting import sections as S

    raw = _raw_csv(raw_dir, "kbpp_kabkota", "profil_kesehatan_jateng_2021*.csv")
    cilacap = raw.loc[raw["wilayah"].str.replace(" ", "") == "Kab.Cilacap", "nilai"].iloc[0]
    head = repr(S.regency_header(ctx, "3301", "id"))
    title_then_kbpp = head.split("# Profil Kabupaten Cilacap", 1)[1]
    assert f"Cakupan KBPP 2021: {cilacap.replace('.', ',')} %" in title_then_kbpp
    assert "Cakupan KBPP" not in repr(S.regency_header(ctx, "7601", "id"))  # Majene: no KBPP figure


def test_a_flagged_covariate_is_marked_where_it_is_shown(ctx):
    # Every poverty figure of the default data carries year_uncertain (PROVENANCE: the P0
    # table's year is not printed); the facility-birth figures carry no flag.
    from kbanalysis.reporting import sections as S
    text = repr(S.regency_covariates(ctx, "5203", "id"))
    assert "Persentase penduduk miskin (P0)\t2024*\t" in text
    assert "Persalinan tidak di fasilitas kesehatan\t2025\t" in text
    assert text.endswith("* Catatan mutu data: Persentase penduduk miskin (P0): tahun data tidak pasti.")


def test_similar_regencies_drop_a_kbpp_column_of_dashes_and_say_so(ctx):
    from kbanalysis.reporting import sections as S
    outside = repr(S.regency_similar(ctx, "5203", "id"))  # Lombok Timur: peers outside Jawa Tengah
    peers = C.similar_regencies(ctx.cross, "5203")
    assert peers["kbpp_coverage_pct"].isna().all()
    assert "Cakupan KBPP" not in outside.splitlines()[1]
    assert outside.endswith("Tidak satu pun dari kelimanya punya angka KBPP.")
    assert "Jarak kemiripan (0 = sama)" in outside.splitlines()[1]
    inside = repr(S.regency_similar(ctx, "3301", "id"))  # Kabupaten Cilacap: two of its peers have KBPP
    assert C.similar_regencies(ctx.cross, "3301")["kbpp_coverage_pct"].notna().sum() == 2
    assert "Cakupan KBPP" in inside.splitlines()[1] and "Tidak satu pun" not in inside


def test_a_regency_near_full_coverage_plans_the_rest_of_the_way_not_ten_points(ctx, raw_dir):
    """Kabupaten Tegal: 91,3 % KBPP in 2021 (Profil Kesehatan Jawa Tengah, read here from the
    raw chart file), children 0-4 from the raw BPS file. Ten more points would be 101,3 %."""
    from kbanalysis.reporting import sections as S
    with open(raw_dir / "kbpp_kabkota" / "profil_kesehatan_jateng_2021_gambar_5_17_kbpp.csv",
              encoding="utf-8", newline="") as handle:
        coverage = next(float(r["nilai"]) for r in csv.DictReader(handle) if r["wilayah"] == "Kab.Tegal")
    with open(raw_dir / "penduduk_kabkota" / "bps_penduduk_0_4_kabkota_2025.csv", encoding="utf-8",
              newline="") as handle:
        children = next(int(r["penduduk_0_4_2025"]) for r in csv.DictReader(handle)
                        if r["provinsi"] == "JAWA TENGAH" and r["nama_kabkota"] == "Tegal"
                        and r["jenis"] == "Kabupaten")
    deliveries = int(children / 5 / 10 + 0.5) * 10  # to the nearest ten
    current = int(deliveries * coverage / 100 + 0.5)
    rest = int(deliveries * (100 - coverage) / 100 + 0.5)
    text = repr(S.regency_plan(ctx, "3328", "id"))
    assert coverage == 91.3 and deliveries == 27430
    assert (f"Dengan cakupan KBPP 91,3 % (2021) pada persalinan ini, sekitar {T.integer(current, 'id')} ibu "
            f"ber-KBPP per tahun (≈ {T.integer(int(current / 12 + 0.5), 'id')} per bulan)") in text
    assert (f"Sisa 8,7 poin sampai cakupan 100 % berarti sekitar {T.integer(rest, 'id')} peserta KBPP lagi per "
            f"tahun (≈ {T.integer(int(rest / 12 + 0.5), 'id')} per bulan)") in text
    assert "Setiap kenaikan 10 poin" not in text
    # Cilacap (49,1 %) still gets the ten-point step; Lombok Timur (no KBPP) no current count
    assert "Setiap kenaikan 10 poin" in repr(S.regency_plan(ctx, "3301", "id"))
    assert "Dengan cakupan" not in repr(S.regency_plan(ctx, "5203", "id"))
