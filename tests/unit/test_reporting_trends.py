"""Trend charts: the 14 % target line with its document, and one sentence on the change
since the previous survey (noting when SKI 2023 and SSGI are compared)."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from kbanalysis.reporting import area_plots, svgcharts
from kbanalysis.reporting import sections as S


def points(pairs):
    return pd.DataFrame({"year": [y for y, _ in pairs], "value": [v for _, v in pairs],
                         "secondary": False})


@pytest.mark.parametrize("pairs, lang, expected", [
    # Bengkalis: 8.4 (2022) -> 12.5 (2024) is up 4.1 points.
    ([(2021, 21.9), (2022, 8.4), (2024, 12.5)], "id",
     "Dari 2022 ke 2024 angkanya naik 4,1 poin (8,4 % → 12,5 %)."),
    ([(2021, 21.9), (2022, 8.4), (2024, 12.5)], "en",
     "From 2022 to 2024 the figure rose by 4.1 points (8.4 % → 12.5 %)."),
    # Riau: 22.3 (2021) -> 17.0 (2022), down 5.3, both SSGI.
    ([(2021, 22.3), (2022, 17.0)], "id", "Dari 2021 ke 2022 angkanya turun 5,3 poin (22,3 % → 17,0 %)."),
    # A year without a figure is skipped: the previous survey WITH a figure counts.
    ([(2021, 30.0), (2022, math.nan), (2024, 30.0)], "en", "From 2021 to 2024 the figure stayed at 30.0 %."),
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


def test_one_figure_is_no_trend():
    assert S.trend_sentence(points([(2024, 12.5)]), "id") == ""
    assert S.trend_sentence(points([(2022, math.nan), (2024, 12.5)]), "en") == ""


def test_the_regency_trend_chart_has_the_target_line_and_names_its_document():
    chart = svgcharts.trend_chart(points([(2022, 8.4), (2024, 12.5)]), pd.DataFrame(), "id",
                                  "Kabupaten Bengkalis", target=S.trend_target("id"))
    assert 'class="target"' in chart.markup
    assert "Target 14 % (2024; RPJMN 2020–2024)" in chart.markup
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
