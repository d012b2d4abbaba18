"""Figures render the same bytes whatever the kernel's matplotlib state, and say what they show."""
from __future__ import annotations

import matplotlib
import pandas as pd

from kbanalysis.reporting import maps, plots

TREND = pd.DataFrame({"year": [2019, 2020, 2021], "survey": [None, 20.0, 21.0],
                      "weighing": [5.0, 6.0, None]})
CROSS = pd.DataFrame({"bps_code": ["3201", "3202", "3203"], "stunting_survey_pct": [10.0, 20.0, 30.0],
                      "kbpp_coverage_pct": [40.0, 50.0, None], "latitude": [-6.5, -7.0, -7.2],
                      "longitude": [106.8, 107.5, 108.0]})


def test_png_is_deterministic_and_ignores_the_kernels_rcparams():
    first = plots.trend_figure(TREND, "id", "Tren").png()
    assert first[:8] == b"\x89PNG\r\n\x1a\n"
    with matplotlib.rc_context({"lines.linewidth": 9, "font.size": 30, "axes.facecolor": "red"}):
        second = plots.trend_figure(TREND, "id", "Tren").png()
    assert first == second
    assert b"Matplotlib" not in first  # no software metadata


def test_plain_text_describes_instead_of_figure_repr():
    block = plots.trend_figure(TREND, "en", "Trend")
    assert repr(block) == "[figure: Trend: 3 years]"
    assert "Figure size" not in repr(block)


def test_dot_map_without_geometry():
    block = maps.regency_map(CROSS, "kbpp_coverage_pct", "en", "KBPP", geometry=None, highlight="3201")
    assert repr(block) == "[figure: KBPP: 2 regencies]"
    assert "dots" in block.figure.axes[0].get_title("left")
    assert block.png()[:4] == b"\x89PNG"


def test_choropleth_when_shapes_are_given():
    import geopandas as gpd
    from shapely.geometry import box

    shapes = gpd.GeoDataFrame({"bps_code": ["3201", "3202", "3203"]},
                              geometry=[box(106, -7, 107, -6), box(107, -7.5, 108, -6.5),
                                        box(108, -7.5, 109, -6.8)], crs="EPSG:4326")
    block = maps.regency_map(CROSS, "stunting_survey_pct", "id", "Stunting", geometry=shapes)
    axes = block.figure.axes[0]
    assert "titik" not in axes.get_title("left")  # not the dot-map fallback
    assert len(axes.patches) + sum(len(c.get_paths()) for c in axes.collections) >= 3
    assert block.png()[:4] == b"\x89PNG"
