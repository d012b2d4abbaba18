"""Charts a person can read: value labels off every point and off each other, legends off the data.

Geometry is measured on the drawn result: SVG circles and text positions for the inline trend
chart, matplotlib's own window extents for the figures.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd

from kbanalysis.reporting import plots, svgcharts

NS = "{http://www.w3.org/2000/svg}"


def _survey_svg(block):
    markup = block.markup
    start = markup.index("<svg")
    return ET.fromstring(markup[start:markup.index("</svg>", start) + len("</svg>")])


def _value_label_boxes(svg) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each value label (the haloed texts) as a box: glyphs of an 18-unit DejaVu Sans digit are
    at most 0.64 em wide and rise 0.73 em above the baseline, descend 0.24 em below it."""
    boxes = []
    for t in svg.iter(f"{NS}text"):
        if t.get("paint-order") != "stroke":
            continue
        size, x, y = float(t.get("font-size")), float(t.get("x")), float(t.get("y"))
        width = sum(0.32 if ch in ",." else 0.64 for ch in t.text) * size
        boxes.append((t.text, (x - width / 2, y - 0.73 * size, x + width / 2, y + 0.24 * size)))
    return boxes


def _circles(svg):
    return [(float(c.get("cx")), float(c.get("cy")), float(c.get("r")) + 1.1)  # + half the stroke
            for c in svg.iter(f"{NS}circle") if c.get("cx") is not None and float(c.get("cx")) > 40]


def _squares(svg):
    """Open square markers (the province's points) as the circles around them."""
    return [(float(r.get("x")) + float(r.get("width")) / 2, float(r.get("y")) + float(r.get("height")) / 2,
             float(r.get("width")) / 2 * 1.42 + 0.9)
            for r in svg.iter(f"{NS}rect") if (r.get("class") or "").startswith("ref-")]


def _hits(box, circle) -> bool:
    x, y, r = circle
    nearest_x, nearest_y = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
    return (nearest_x - x) ** 2 + (nearest_y - y) ** 2 < r * r


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_trend_value_labels_sit_off_the_national_and_province_points_and_each_other():
    # Kabupaten Tegal's shape: 2024 at 15,9 with the national 19,8 four points above it (on a
    # 0-40 % axis 250 units tall, 24 units up: exactly where a label "above the dot" was written)
    survey = pd.DataFrame({"year": [2021, 2022, 2024], "value": [28.0, 22.3, 15.9],
                           "secondary": [True, True, False]})
    province = pd.DataFrame({"year": [2021, 2022, 2023, 2024], "value": [20.9, 20.8, 20.7, 17.0]})
    national = pd.DataFrame({"year": [2021, 2022, 2023, 2024], "value": [24.4, 21.6, 21.5, 19.8]})
    block = svgcharts.trend_chart(survey, pd.DataFrame(columns=["year", "value"]), "id", "Kabupaten Tegal",
                                  province=province, national=national, province_name="Jawa Tengah",
                                  target=(14.0, "Target 14 %"))
    svg = _survey_svg(block)
    labels = _value_label_boxes(svg)
    assert sorted(text for text, _ in labels) == ["15,9", "22,3", "28,0"]
    circles = _circles(svg) + _squares(svg)
    assert (len(_circles(svg)), len(_squares(svg))) == (3 + 4, 4)  # the province's points are squares
    # drawn last, so Jawa Tengah's 17,0 is not hidden under Tegal's 15,9 marker
    order = [e.get("class") for e in svg.iter() if e.tag in (f"{NS}circle", f"{NS}rect")
             and e.get("class") in ("official", "secondary", "ref-province", "ref-national")]
    assert order.index("ref-province") > max(i for i, c in enumerate(order) if c in ("official", "secondary"))
    for text, box in labels:
        assert not any(_hits(box, c) for c in circles), text
    for i, (_, a) in enumerate(labels):
        for _, b in labels[i + 1:]:
            assert not _overlap(a, b)
    # nor on the 14 % target line, where a free place off it exists (right of the 2024 dot)
    target_y = next(float(line.get("y1")) for line in svg.iter(f"{NS}line") if line.get("class") == "target")
    assert not any(box[1] <= target_y <= box[3] for _, box in labels)


def test_a_label_moved_away_from_its_point_gets_a_leader_line():
    # three series stacked 1 point apart at every year: no near slot is free for the labels
    years = [2021, 2022, 2023, 2024]
    survey = pd.DataFrame({"year": years, "value": [20.0, 20.0, 20.0, 20.0], "secondary": [False] * 4})
    province = pd.DataFrame({"year": years, "value": [21.5, 21.5, 21.5, 21.5]})
    national = pd.DataFrame({"year": years, "value": [18.5, 18.5, 18.5, 18.5]})
    svg = _survey_svg(svgcharts.trend_chart(survey, pd.DataFrame(columns=["year", "value"]), "id", "A",
                                            province=province, national=national, province_name="B"))
    labels = _value_label_boxes(svg)
    assert len(labels) == 4
    circles = _circles(svg)
    for text, box in labels:
        assert not any(_hits(box, c) for c in circles), text
    leaders = [line for line in svg.iter(f"{NS}line") if line.get("class") == "leader"]
    own = [(float(c.get("cx")), float(c.get("cy"))) for c in svg.iter(f"{NS}circle") if c.get("class") == "official"]

    def gap(box):  # from the box to the nearest regency dot's centre
        return min(np.hypot(min(max(x, box[0]), box[2]) - x, min(max(y, box[1]), box[3]) - y) for x, y in own)

    far = [box for _, box in labels if gap(box) > 7 + 12]  # more than a small gap beyond the dot's edge
    assert len(far) > 0 and len(leaders) == len(far)


def _legend_extent(figure):
    figure.canvas.draw()
    legends = [*figure.legends] + [ax.get_legend() for ax in figure.axes if ax.get_legend()]
    assert legends
    return [legend.get_window_extent() for legend in legends]


def _points_px(figure):
    """Display coordinates of every scatter dot (PathCollections; the band is a PolyCollection)."""
    from matplotlib.collections import PathCollection

    ax = figure.axes[0]
    out = []
    for collection in ax.collections:
        if isinstance(collection, PathCollection) and len(collection.get_offsets()):
            out += list(ax.transData.transform(np.asarray(collection.get_offsets(), dtype=float)))
    return out


def test_model_position_legend_hides_no_regency():
    # one regency in the top-left corner, where the legend used to sit (Temanggung's place)
    predictions = pd.DataFrame({"bps_code": ["3301", "3302", "3303", "3323", "1101"],
                                "expected": [10.0, 15.0, 20.0, 10.5, 18.0],
                                "observed": [11.0, 14.0, 21.0, 27.5, 17.0]})
    block = plots.position_figure(predictions, "3301", ["3301", "3302", "3303", "3323"], "id", "Posisi",
                                  name="Kabupaten Cilacap")
    points = _points_px(block.figure)
    assert len(points) == 5
    for extent in _legend_extent(block.figure):
        assert not any(extent.contains(x, y) for x, y in points)
    labels = [t.get_text() for legend in block.figure.legends for t in legend.get_texts()]
    assert labels == ["kabupaten/kota lain", "provinsi yang sama", "Kabupaten Cilacap",
                      "garis putus-putus: teramati = harapan"]  # the diagonal says what it is


def test_model_position_legend_has_no_entry_for_a_group_without_regencies():
    # a model fitted on one province: every regency is in "the same province"
    predictions = pd.DataFrame({"bps_code": ["3301", "3302", "3303"], "expected": [10.0, 15.0, 20.0],
                                "observed": [11.0, 14.0, 21.0]})
    block = plots.position_figure(predictions, "3302", ["3301", "3302", "3303"], "id", "Posisi",
                                  name="Kabupaten Banyumas")
    block.figure.canvas.draw()
    labels = [t.get_text() for legend in block.figure.legends for t in legend.get_texts()]
    assert labels == ["provinsi yang sama", "Kabupaten Banyumas", "garis putus-putus: teramati = harapan"]


def test_scatter_legend_hides_no_regency_and_names_the_line_as_unadjusted():
    rng = np.random.default_rng(5)
    cross = pd.DataFrame({"bps_code": [f"33{i:02d}" for i in range(1, 31)],
                          "name": [f"Kab {i}" for i in range(1, 31)],
                          "kbpp_coverage_pct": rng.uniform(5, 95, 30), "kbpp_year": [2021.0] * 30,
                          "kbpp_measure_type": ["administrative"] * 30,
                          "stunting_survey_pct": rng.uniform(8, 35, 30),
                          "stunting_survey_pct_year": [2024] * 30})
    block = plots.kbpp_stunting_scatter(cross, "id", "KBPP dan stunting")
    points = _points_px(block.figure)
    assert len(points) >= 30
    for extent in _legend_extent(block.figure):
        assert not any(extent.contains(x, y) for x, y in points)
    labels = [t.get_text() for legend in block.figure.legends for t in legend.get_texts()]
    # every entry says something; the line is called what it is: no adjustment for anything
    assert labels == ["selang kepercayaan 95 %", "garis lurus sederhana (tanpa penyesuaian)"]


def test_a_long_legend_label_wraps_inside_the_chart_instead_of_running_off_a_phone():
    name = "Kabupaten Kepulauan Siau Tagulandang Biaro"
    survey = pd.DataFrame({"year": [2022, 2024], "value": [20.0, 18.0], "secondary": [False, False]})
    svg = _survey_svg(svgcharts.trend_chart(survey, pd.DataFrame(columns=["year", "value"]), "id", name))
    width = float(svg.get("viewBox").split()[2])
    lines = []
    for group in svg.iter(f"{NS}g"):
        left = float(group.get("transform").split("(")[1].split()[0])
        for t in group.iter(f"{NS}text"):
            spans = list(t.iter(f"{NS}tspan")) or [t]
            lines += [(left + float(s.get("x")), s.text) for s in spans]
    joined = " ".join(text for _, text in lines)
    assert f"{name} (survei, salinan tabel)" in joined  # nothing lost in the wrapping
    for x, text in lines:  # 0,64 em a glyph is generous for DejaVu Sans
        assert x + 0.64 * 18 * len(text) <= width + 1e-6, text
    # the svg is tall enough for its last line
    last_y = max(float(g.get("transform").split()[1].rstrip(")")) for g in svg.iter(f"{NS}g"))
    assert float(svg.get("viewBox").split()[3]) > last_y


def test_province_trend_labels_keep_off_the_target_line_the_national_points_and_each_other():
    from kbanalysis.reporting import area_plots

    # Jawa Tengah's shape: 17,0 in 2024 just above the 14 % target line
    points = pd.DataFrame({"year": [2021, 2022, 2023, 2024], "value": [20.9, 20.8, 20.7, 17.0]})
    national = pd.DataFrame({"year": [2021, 2022, 2023, 2024], "value": [24.4, 21.6, 21.5, 19.8]})
    block = area_plots.province_trend_figure(points, "id", "Tren", "Jawa Tengah", national=national,
                                             target=(14.0, "Target 14 %"))
    figure = block.figure
    figure.canvas.draw()
    ax = figure.axes[0]
    values = {"20,9", "20,8", "20,7", "17,0"}
    boxes = [t.get_window_extent() for t in ax.texts if t.get_text() in values]
    assert len(boxes) == 4
    target_y = ax.transData.transform((2024, 14.0))[1]
    assert not any(b.y0 <= target_y <= b.y1 for b in boxes)
    dots = []  # every marker: province and national points
    for line in ax.lines:
        if str(line.get_marker()) not in ("", "None", "none") and len(line.get_xydata()):
            r = (line.get_markersize() / 2 + line.get_markeredgewidth()) * figure.dpi / 72
            dots += [(x, y, r) for x, y in ax.transData.transform(line.get_xydata())]
    assert len(dots) == 8
    for b in boxes:
        box = (b.x0, b.y0, b.x1, b.y1)
        assert not any(_hits(box, d) for d in dots)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)


def _dots_px(figure):
    """Every scatter dot as (x, y, radius) in display pixels: radius from the dot's area (pt^2)
    and half its edge."""
    from matplotlib.collections import PathCollection

    ax = figure.axes[0]
    to_px = figure.dpi / 72
    out = []
    for collection in ax.collections:
        if isinstance(collection, PathCollection) and len(collection.get_offsets()):
            xy = ax.transData.transform(np.asarray(collection.get_offsets(), dtype=float))
            sizes = np.resize(collection.get_sizes(), len(xy))
            edges = np.resize(collection.get_linewidths(), len(xy))
            out += [(x, y, (np.sqrt(s) / 2 + e / 2) * to_px) for (x, y), s, e in zip(xy, sizes, edges)]
    return out


def _circle_hits_extent(extent, circle) -> bool:
    x, y, r = circle
    nearest_x, nearest_y = min(max(x, extent.x0), extent.x1), min(max(y, extent.y0), extent.y1)
    return (nearest_x - x) ** 2 + (nearest_y - y) ** 2 < r * r


def test_scatter_name_of_the_regency_covers_no_other_dot_and_stays_inside_the_axes():
    # The page's regency at (30, 20) with three neighbours just up and to the right, where the
    # name used to be written (6 points right and up of the dot, running rightwards), and a
    # fourth regency at the right edge so that the name has to find its own free side.
    cross = pd.DataFrame({"bps_code": ["7601", "7602", "7603", "7604", "7605", "7606", "7607"],
                          "name": ["Kabupaten Majene", "B", "C", "D", "E", "F", "G"],
                          "kbpp_coverage_pct": [30.0, 33.0, 36.0, 40.0, 5.0, 95.0, 60.0],
                          "kbpp_year": [2021.0] * 7, "kbpp_measure_type": ["administrative"] * 7,
                          "stunting_survey_pct": [20.0, 20.8, 21.0, 21.2, 10.0, 35.0, 28.0],
                          "stunting_survey_pct_year": [2024] * 7})
    block = plots.kbpp_stunting_scatter(cross, "id", "KBPP dan stunting", focus="7601")
    figure = block.figure
    figure.canvas.draw()
    ax = figure.axes[0]
    renderer = figure.canvas.get_renderer()
    (label,) = [t for t in ax.texts if t.get_gid() == "focus-label"]
    assert label.get_text() == "Kabupaten Majene"
    box = label.get_window_extent(renderer)
    focus = tuple(ax.transData.transform((30.0, 20.0)))
    others = [d for d in _dots_px(figure) if np.hypot(d[0] - focus[0], d[1] - focus[1]) > 1e-6]
    assert len(others) == 6  # the red dot is drawn over the focus's own blue one: both at (30, 20)
    assert not any(_circle_hits_extent(box, dot) for dot in others)
    inside = ax.get_window_extent(renderer)
    assert inside.x0 <= box.x0 and box.x1 <= inside.x1 and inside.y0 <= box.y0 and box.y1 <= inside.y1

    # the trap is real: the old fixed placement of the same text covered a neighbour
    old = ax.annotate("Kabupaten Majene", (30.0, 20.0), xytext=(6, 6), textcoords="offset points",
                      fontweight="bold", ha="left")
    figure.canvas.draw()
    assert any(_circle_hits_extent(old.get_window_extent(renderer), dot) for dot in others)
