"""Trend charts: the 14 % target line with its document, and one sentence on the change
since the previous survey (noting when SKI 2023 and SSGI are compared)."""
from __future__ import annotations

import csv
import math
import re

import pandas as pd
import pytest

from kbanalysis.reporting import area_plots, svgcharts
from kbanalysis.reporting import sections as S


def points(pairs):
    return pd.DataFrame({"year": [y for y, _ in pairs], "value": [v for _, v in pairs],
                         "secondary": False})


@pytest.mark.parametrize("pairs, lang, expected", [
    # Bengkalis: 8.4 (2022) -> 12.5 (2024) is up 4.1 points.
    # ... and says that SKI 2023, between them, has no figure for it
    ([(2021, 21.9), (2022, 8.4), (2024, 12.5)], "id",
     "Dari 2022 ke 2024 angkanya naik 4,1 poin (8,4 % → 12,5 %). Angka wilayah ini dari survei di antaranya "
     "(SKI 2023) belum ada di tabel proyek ini."),
    ([(2021, 21.9), (2022, 8.4), (2024, 12.5)], "en",
     "From 2022 to 2024 the figure rose by 4.1 points (8.4 % → 12.5 %). This area's figures from the surveys "
     "in between (SKI 2023) are not yet in this project's tables."),
    # Riau: 22.3 (2021) -> 17.0 (2022), down 5.3, both SSGI.
    ([(2021, 22.3), (2022, 17.0)], "id", "Dari 2021 ke 2022 angkanya turun 5,3 poin (22,3 % → 17,0 %)."),
    # A year without a figure is skipped: the previous survey WITH a figure counts.
    ([(2021, 30.0), (2022, math.nan), (2024, 30.0)], "en", "From 2021 to 2024 the figure stayed at 30.0 %. "
     "This area's figures from the surveys in between (SSGI 2022, SKI 2023) are not yet in this project's "
     "tables."),
])
def test_the_change_since_the_previous_survey_in_one_sentence(pairs, lang, expected):
    assert S.trend_sentence(points(pairs), lang) == expected


@pytest.mark.parametrize("pairs", [[(2022, 24.6), (2023, 24.7)], [(2023, 24.7), (2024, 22.9)]])
def test_a_change_between_ski_and_ssgi_says_they_are_different_surveys(pairs):
    sentence = S.trend_sentence(points(pairs), "id")
    assert "SKI 2023 dan SSGI adalah survei yang berbeda" in sentence
    english = S.trend_sentence(points(pairs), "en")
    assert "SKI 2023 and SSGI are different surveys" in english
    assert "SKI" not in S.trend_sentence(points([(2021, 24.6), (2022, 22.0)]), "en")


@pytest.mark.parametrize("pairs, within", [
    # two regency figures, each about ±4: their difference is uncertain by √(4² + 4²) ≈ 5,66
    ([(2022, 31.2), (2024, 30.5)], True),   # Buton Utara, 0,7 down
    ([(2021, 37.6), (2024, 33.0)], True),   # Lombok Timur, 4,6 down
    ([(2021, 30.0), (2024, 24.4)], True),   # 5,6 < 5,66
    ([(2021, 30.0), (2024, 24.3)], False),  # 5,7 > 5,66
    ([(2021, 22.3), (2022, 17.0), (2024, 29.0)], False),
])
def test_a_regency_change_within_the_surveys_uncertainty_is_not_called_a_fall(pairs, within):
    sentence = S.trend_sentence(points(pairs), "id", half_width=4.0)
    said = "belum dapat dipastikan angkanya benar-benar" in sentence
    assert said == within, sentence
    if within:
        assert "lebih kecil dari 5,7 poin" in sentence and "±4 poin" in sentence
    # without a half-width (province and national figures) nothing is added
    assert "dipastikan" not in S.trend_sentence(points(pairs), "id")


def test_a_change_across_ski_also_gives_the_change_within_ssgi():
    # Kalimantan Barat: SKI 2023 24,5 -> SSGI 2024 26,8 rises, SSGI 2022 27,8 -> 2024 falls
    sentence = S.trend_sentence(points([(2021, 29.8), (2022, 27.8), (2023, 24.5), (2024, 26.8)]), "id")
    assert sentence.startswith("Dari 2023 ke 2024 angkanya naik 2,3 poin")
    assert sentence.endswith("Dibanding survei yang sama (SSGI 2022 → SSGI 2024): turun 1,0 poin (27,8 % → 26,8 %).")
    # no earlier SSGI figure: only the note that the surveys differ
    assert "survei yang sama" not in S.trend_sentence(points([(2023, 24.5), (2024, 26.8)]), "id")
    # SSGI to SSGI already: nothing to add
    assert "survei yang sama" not in S.trend_sentence(points([(2021, 29.8), (2022, 27.8), (2024, 26.8)]), "id")


def test_one_figure_is_no_trend():
    assert S.trend_sentence(points([(2024, 12.5)]), "id") == ""
    assert S.trend_sentence(points([(2022, math.nan), (2024, 12.5)]), "en") == ""


def test_the_regency_trend_chart_has_the_target_line_and_names_its_document():
    chart = svgcharts.trend_chart(points([(2022, 8.4), (2024, 12.5)]), pd.DataFrame(), "id",
                                  "Kabupaten Bengkalis", target=S.trend_target("id"))
    assert 'class="target"' in chart.markup
    assert "Target 14\u00a0% (2024; RPJMN 2020–2024)" in chart.markup  # "14 %" never split on a phone
    # The line sits at 14 on the axis: the panel maps 0..top to its height.
    panel = svgcharts._Panel([2022, 2024], 14.0, svgcharts.TOP, 250.0, "id", "t")
    assert f'y1="{panel.y(14.0):.1f}"' in chart.markup
    without = svgcharts.trend_chart(points([(2022, 8.4), (2024, 12.5)]), pd.DataFrame(), "id", "X")
    assert 'class="target"' not in without.markup


def test_the_province_trend_figure_has_the_target_line():
    pairs = [(2021, 30.0), (2022, 24.6), (2023, 24.7), (2024, 22.9)]
    block = area_plots.province_trend_figure(points(pairs)[["year", "value"]], "en", "Trend",
                                             "Kalimantan Selatan", target=S.trend_target("en"))
    ax = block.figure.axes[0]
    lines = [line for line in ax.get_lines() if "RPJMN 2020–2024" in line.get_label()]
    assert len(lines) == 1 and set(lines[0].get_ydata()) == {14.0}
    assert "Target 14 % (2024; RPJMN 2020–2024)" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_the_regency_page_trend_says_the_change():
    from kbanalysis.reporting.context import load_context
    ctx = load_context(raw_dir=None)
    text = "\n".join(repr(p) for p in S.regency_trend(ctx, "1408", "id"))
    assert "Dari 2022 ke 2024 angkanya naik 4,1 poin (8,4 % → 12,5 %)." in text
    assert "belum dapat dipastikan angkanya benar-benar naik" in text  # 4,1 < 5,7
    # the province and national lines run through SKI 2023: the caption says it is another survey
    assert "Titik 2023 berasal dari SKI 2023, survei yang berbeda dari SSGI" in text


def test_a_change_from_a_quoted_figure_says_so():
    quoted = points([(2021, 21.9), (2022, 8.4), (2024, 12.5)]).assign(secondary=[True, True, False])
    sentence = S.trend_sentence(quoted, "id")
    assert sentence.endswith("Angka 2022 dikutip sumber sekunder, bukan dibaca dari buku survei; periksa "
                             "alamatnya di bawah tabel sebelum mengutip selisih ini.")
    both = points([(2021, 37.6), (2022, 30.0)]).assign(secondary=True)
    assert "The 2021 and 2022 figures were quoted by a secondary source" in S.trend_sentence(both, "en")
    assert "sekunder" not in S.trend_sentence(points([(2022, 8.4), (2024, 12.5)]), "id")


def test_the_regency_page_names_where_each_quoted_figure_was_read(raw_dir):
    """Bengkalis 2021 and 2022 are quoted figures: the page gives each one's address, read
    here by hand from the raw secondary file, as a link."""
    from kbanalysis.reporting.context import load_context
    with open(raw_dir / "stunting_kabkota_secondary" / "ssgi_ski_kabkota_2021_2023_secondary.csv",
              encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    bengkalis = {row[5]: row[8] for row in rows if row[0].strip().lower() in ("bengkalis", "kabupaten bengkalis")}
    ctx = load_context(raw_dir=None)
    parts = S.regency_trend(ctx, "1408", "id")
    caption = next(p for p in parts if repr(p).startswith("Alamat angka sekunder"))
    assert "2022" in bengkalis
    assert f"2022: {bengkalis['2022']}" in repr(caption)
    assert f'href="{bengkalis["2022"].replace("&", "&amp;")}"' in caption.markup
    assert "2021: https://" in repr(caption) and "2024" not in repr(caption)


def test_years_without_a_figure_between_two_points_are_drawn_dashed():
    # Axis 2021-2024 (the province has every year); the regency has 2021, 2022 and 2024.
    survey = points([(2021, 21.9), (2022, 8.4), (2024, 12.5)])
    province = pd.DataFrame({"year": [2021, 2022, 2023, 2024], "value": [22.3, 17.0, 13.6, 20.1]})
    chart = svgcharts.trend_chart(survey, pd.DataFrame(), "id", "Kabupaten Bengkalis", province=province,
                                  province_name="Riau")
    solid = re.findall(r'<polyline class="regency" points="([^"]+)"', chart.markup)
    dashed = re.findall(r'<polyline class="regency-gap" points="([^"]+)"', chart.markup)
    assert len(solid) == 1 and len(solid[0].split()) == 2  # 2021-2022, adjacent years
    assert len(dashed) == 1 and len(dashed[0].split()) == 2  # 2022-2024, across 2023
    assert "tahun di antaranya tanpa angka" in chart.markup  # its legend entry
    adjacent = svgcharts.trend_chart(points([(2023, 20.0), (2024, 19.0)]), pd.DataFrame(), "id", "X")
    assert "regency-gap" not in adjacent.markup and "tanpa angka" not in adjacent.markup


def test_value_labels_keep_clear_of_the_y_axis():
    # Bengkalis 2021 (21,9) sits in the first year's slot, close to the axis at x = LEFT
    from kbanalysis.reporting.labels import text_width
    # Riau and the nation as printed on the page (their lines crowd the label's other places)
    province = pd.DataFrame({"year": [2021, 2022, 2023, 2024], "value": [22.3, 17.0, 13.6, 20.1]})
    national = pd.DataFrame({"year": [2021, 2022, 2023, 2024], "value": [24.4, 21.6, 21.5, 19.8]})
    chart = svgcharts.trend_chart(points([(2021, 21.9), (2022, 8.4), (2024, 12.5)]), pd.DataFrame(), "id",
                                  "Kabupaten Bengkalis", province=province, national=national,
                                  province_name="Riau", target=S.trend_target("id"))
    labels = re.findall(r'<text class="value" x="([0-9.]+)"[^>]*>([^<]+)</text>', chart.markup)
    assert {text for _, text in labels} == {"21,9", "8,4", "12,5"}
    for x, text in labels:
        left_edge = float(x) - text_width(text, svgcharts.FONT) / 2
        assert left_edge >= svgcharts.LEFT + 6, text


def test_small_multiples_write_every_value_and_year_centred_on_its_point():
    """Majene 2022 (40,6) sits between two other points: its value and its year are written,
    each centred on the point's x, so no label reads as another year's (on a phone there is
    no hover to show the tooltip)."""
    majene = points([(2021, 35.7), (2022, 40.6), (2024, 37.5)])
    block = svgcharts.small_multiples([("Majene", majene), ("Mamuju", points([(2023, 20.1)]))], "id",
                                      target=S.trend_target("id"))
    first = block.markup.split("</svg>")[0]
    dots = [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', first)]
    labels = dict((t, float(x)) for x, t in re.findall(r'<text x="([\d.]+)"[^>]*text-anchor="middle"[^>]*>([^<]+)<', first))
    assert [labels[v] for v in ("35,7", "40,6", "37,5")] == dots
    # the years of every panel (the union), each under its points: 2023 has Mamuju's point only
    assert [labels[str(y)] for y in (2021, 2022, 2024)] == dots and "2023" in labels
