"""Figures render the same bytes whatever the kernel's matplotlib state, and say what they show."""
from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
import pytest

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


def test_fit_band_agrees_with_statsmodels():
    import statsmodels.api as sm

    rng = np.random.default_rng(3)
    x = rng.uniform(10, 90, 40)
    y = 25 - 0.05 * x + rng.normal(0, 4, 40)
    grid = np.array([10.0, 50.0, 90.0])
    fit, low, high = plots.fit_band(x, y, grid)
    frame = sm.OLS(y, sm.add_constant(x)).fit().get_prediction(sm.add_constant(grid)).summary_frame(alpha=0.05)
    np.testing.assert_allclose(fit, frame["mean"], rtol=1e-9)
    np.testing.assert_allclose(low, frame["mean_ci_lower"], rtol=1e-9)
    np.testing.assert_allclose(high, frame["mean_ci_upper"], rtol=1e-9)


SCATTER = pd.DataFrame({"bps_code": ["3301", "3302", "3303", "3304"],
                        "name": ["Kabupaten Cilacap", "Kabupaten Banyumas", "Kabupaten Purbalingga",
                                 "Kabupaten Banjarnegara"],
                        "kbpp_coverage_pct": [49.1, 44.5, 34.1, 47.2], "kbpp_year": [2021.0] * 4,
                        "kbpp_measure_type": ["administrative"] * 4,
                        "stunting_survey_pct": [15.6, 19.6, 22.3, 20.6],
                        "stunting_survey_pct_year": [2024] * 4})


def _texts(block) -> list[str]:
    import matplotlib.text
    block.figure.canvas.draw()
    return [t.get_text() for t in block.figure.findobj(matplotlib.text.Text) if t.get_text().strip()]


def test_scatter_names_the_regency_draws_the_line_and_dates_each_axis():
    block = plots.kbpp_stunting_scatter(SCATTER, "id", "KBPP dan stunting", focus="3301")
    ax = block.figure.axes[0]
    assert ax.get_xlabel() == "Cakupan KBPP 2021 (%)"
    assert ax.get_ylabel() == "Stunting, survei 2024 (%)"
    assert "Kabupaten Cilacap" in _texts(block)
    assert len(ax.lines) == 1 and ax.collections  # the line, and its band among the collections
    assert repr(block) == "[figure: KBPP dan stunting: 4 kabupaten/kota]"  # alt text in the page's language


def test_tick_labels_use_the_languages_decimal_mark():
    assert plots.tick_text(12.5, "id") == "12,5" and plots.tick_text(12.5, "en") == "12.5"
    assert plots.tick_text(20.0, "id") == "20"
    block = plots.kbpp_stunting_scatter(SCATTER, "id", "x")
    labels = [t.get_text() for t in block.figure.axes[0].get_yticklabels()]
    assert labels and not any("." in label for label in labels)


def test_shrunk_chart_text_stays_10_px_on_a_phone():
    block = plots.kbpp_stunting_scatter(SCATTER, "en", "KBPP and stunting", focus="3301")
    # closed form: 10 pt at 100 dpi is 13.9 px; a 4.8 in (480 px) image shown 358 px wide keeps 74.6 %
    assert plots.text_px_on_phone(block) == pytest.approx(10 * 100 / 72 * 358 / 480, rel=1e-6)
    wide_default = plots.FigureBlock(plots.new_figure(width=7.0)[0], "x")
    wide_default.figure.axes[0].set_title("t", fontsize=9)
    assert plots.text_px_on_phone(wide_default) < plots.MIN_PHONE_TEXT_PX  # the check can fail


def test_scatter_without_pairs_says_so_instead_of_empty_axes():
    block = plots.kbpp_stunting_scatter(SCATTER.assign(kbpp_coverage_pct=None), "en", "KBPP and stunting")
    assert "No regency has both a KBPP figure and a stunting figure." in _texts(block)
    assert not block.figure.axes[0].axison


def test_scatter_names_its_sources_underneath():
    block = plots.kbpp_stunting_scatter(SCATTER.assign(province_name="Jawa Tengah",
                                                       kbpp_source="profil_kesehatan_jateng_2021.csv"),
                                        "id", "KBPP dan stunting")
    assert "Sumber: SSGI 2024 (Kemenkes; salinan tabel); Profil Kesehatan Jawa Tengah 2021." in _texts(block)


def test_an_empty_chart_describes_its_message_not_zero_regencies():
    import pandas as pd

    from kbanalysis.reporting import maps
    from kbanalysis.reporting import plots as P
    empty = pd.DataFrame({"bps_code": ["6101"], "name": ["Kabupaten Sambas"], "kbpp_coverage_pct": [float("nan")],
                          "stunting_survey_pct": [30.0], "longitude": [109.3], "latitude": [1.4]})
    scatter = P.kbpp_stunting_scatter(empty, "id", "KBPP dan stunting")
    assert scatter.description == ("KBPP dan stunting: Tidak ada kabupaten/kota yang punya angka KBPP dan "
                                   "angka stunting sekaligus.")
    drawn = maps.regency_map(empty, "kbpp_coverage_pct", "id", "Cakupan KBPP (%)")
    assert drawn.description == "Cakupan KBPP (%): Tidak ada angka untuk satu pun kabupaten/kota di wilayah ini."
