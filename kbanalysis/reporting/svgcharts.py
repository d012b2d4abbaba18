"""Small line charts written directly as inline SVG, for the one chart every regency page has.

A matplotlib figure costs about a fifth of a second to draw and encode; 514 regency pages
each with a trend chart would take most of the batch's time budget. The trend chart is a
few lines and points, so it is written here as SVG text instead: microseconds, the same
bytes on every machine, real text that stays sharp when a phone shrinks it, and every
data-derived string escaped (the chart is a :class:`~.blocks.Block`).
"""
from __future__ import annotations

import math

import pandas as pd

from .. import messages as T
from .blocks import Block, esc
from .labels import place, text_width

WIDTH = 520  # user units; the chart scales to its box, at most this many pixels wide
# At 18 units, text shrunk to a 390 px phone (a 358 px wide box) is 18 * 358 / 520 = 12 px.
FONT = 18
LEFT, RIGHT, TOP = 58, 16, 36
REGENCY = "#1f4e79"
PROVINCE = "#7f8c8d"
NATIONAL = "#000000"
WEIGHING = "#6c7a3a"
GRID = "#d5d8dc"
LABEL_CLEARANCE = 8  # value labels keep this far right of the y axis (user units)
# The reference series of a regency's trend: colour, dash, marker radius, and whether the
# marker is an open square (the province's, so a point under it still shows through).
REFERENCE_STYLE = {"province": (PROVINCE, "7 5", 4.5, True), "national": (NATIONAL, "2 4", 3, False)}
TARGET = "#2f855a"


def _nice_top(high: float) -> tuple[float, float]:
    """The axis top and tick step for values up to ``high`` (axis from 0)."""
    high = max(high, 1.0) * 1.15
    for step in (1, 2, 5, 10, 20, 25, 50):
        if high / step <= 6:
            return step * math.ceil(high / step), step
    return 100.0, 20.0


class _Panel:
    """One chart panel: years on x, percent from 0 on y, drawn into a list of SVG strings."""

    def __init__(self, years: list[int], high: float, top: float, height: float, lang: str, title: str):
        self.years, self.lang, self.top, self.height = years, lang, top, height
        self.y_max, self.step = _nice_top(high)
        self.parts: list[str] = []
        # Everything drawn, in user units, so value labels can be placed off all of it.
        self.markers: list[tuple[float, float, float]] = []
        self.polylines: list[list[tuple[float, float]]] = []
        self.wanted: list[tuple[float, float, float, str]] = []  # x, y, value, colour
        self._frame(title)

    def x(self, year) -> float:
        """Each year in the middle of its own slot, from the first year to the last."""
        first, last = self.years[0], self.years[-1]
        return LEFT + (float(year) - first + 0.5) / (last - first + 1) * (WIDTH - LEFT - RIGHT)

    def y(self, value) -> float:
        return self.top + self.height * (1 - float(value) / self.y_max)

    def _frame(self, title: str) -> None:
        p = self.parts
        p.append(f'<text x="{WIDTH / 2:.1f}" y="{self.top - 12:.1f}" text-anchor="middle" '
                 f'font-size="{FONT + 1}">{esc(title)}</text>')
        tick = 0.0
        while tick <= self.y_max + 1e-9:
            y = self.y(tick)
            p.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}" '
                     f'stroke-width="1"/>')
            p.append(f'<text x="{LEFT - 8}" y="{y + FONT / 3:.1f}" text-anchor="end" font-size="{FONT}">'
                     f'{esc(T.number(tick, self.lang, 0))}</text>')
            tick += self.step
        bottom = self.top + self.height
        p.append(f'<line x1="{LEFT}" x2="{LEFT}" y1="{self.top:.1f}" y2="{bottom:.1f}" stroke="#333"/>')
        p.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{bottom:.1f}" y2="{bottom:.1f}" stroke="#333"/>')
        first, last = self.years[0], self.years[-1]
        every = 1 if last - first < 6 else 2
        shown = range(first, last + 1, every)
        for year in shown:
            p.append(f'<text x="{self.x(year):.1f}" y="{bottom + FONT + 6:.1f}" text-anchor="middle" '
                     f'font-size="{FONT}">{int(year)}</text>')
        p.append(f'<text transform="translate(14 {self.top + self.height / 2:.1f}) rotate(-90)" '
                 f'text-anchor="middle" font-size="{FONT}">%</text>')

    def line(self, points, color: str, dash: str = "", width: float = 2.0, css: str = "") -> None:
        if len(points) < 2:
            return
        coords = " ".join(f"{self.x(x):.1f},{self.y(v):.1f}" for x, v in points)
        self.polylines.append([(self.x(x), self.y(v)) for x, v in points])
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(f'<polyline class="{css}" points="{coords}" fill="none" stroke="{color}" '
                          f'stroke-width="{width}"{dashed}/>')

    def dots(self, points, color: str, radius: float, hollow: bool = False, css: str = "",
             labels: bool = False, square: bool = False) -> None:
        for x, v in points:
            self.parts.append(_marker(self.x(x), self.y(v), radius, color, hollow=hollow, square=square, css=css))
            self.markers.append((self.x(x), self.y(v), radius + 1.1))
            if labels:
                self.wanted.append((self.x(x), self.y(v), float(v), color))

    def write_labels(self, radius: float) -> None:
        """The value labels asked for by ``dots``, placed once everything else is drawn: off
        every point and every other label, with a leader line when one had to move away."""
        texts = [T.number(v, self.lang, 1) for _, _, v, _ in self.wanted]
        boxes = place([(x, y) for x, y, _, _ in self.wanted], texts, FONT, radius, self.markers,
                      self.polylines, (LEFT + LABEL_CLEARANCE, self.top - FONT * 0.6, WIDTH - 2,
                                       self.top + self.height - 2))
        for (x, y, _, color), text, placed in zip(self.wanted, texts, boxes):
            cx, cy = placed.centre
            if placed.moved:  # from the marker's edge, so the line never covers the point
                length = max(((cx - x) ** 2 + (cy - y) ** 2) ** 0.5, 1e-9)
                x, y = x + (cx - x) / length * (radius + 2), y + (cy - y) / length * (radius + 2)
                self.parts.append(f'<line class="leader" x1="{x:.1f}" y1="{y:.1f}" x2="{cx:.1f}" '
                                  f'y2="{cy:.1f}" stroke="{color}" stroke-width="1"/>')
            # Baseline: the box bottom less the descent, so the glyphs fill the box.
            self.parts.append(f'<text class="value" x="{cx:.1f}" y="{placed.box[3] - FONT * 0.22:.1f}" '
                              f'text-anchor="middle" font-size="{FONT}" fill="{color}" '
                              f'paint-order="stroke" stroke="#ffffff" stroke-width="4">{esc(text)}</text>')


def _wrap(label: str, width: float) -> list[str]:
    """``label`` in lines no wider than ``width`` user units (words kept whole)."""
    lines: list[str] = []
    for word in label.split():
        if lines and text_width(lines[-1] + " " + word, FONT) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _legend(entries: list[tuple[str, str]], top: float) -> tuple[list[str], float]:
    """One legend row per entry: (symbol SVG at x 0..36, label), a long label wrapped onto
    further lines so that a phone never cuts it; returns the parts and the height used."""
    out, y = [], top
    room = WIDTH - (LEFT - 36 + 44) - 4
    for symbol, label in entries:
        lines = _wrap(label, room)
        spans = esc(label) if len(lines) == 1 else "".join(
            f'<tspan x="44" dy="{0 if i == 0 else FONT + 4}">{esc(line)}</tspan>' for i, line in enumerate(lines))
        out.append(f'<g transform="translate({LEFT - 36} {y:.1f})">{symbol}'
                   f'<text x="44" y="{FONT / 3:.1f}" font-size="{FONT}">{spans}</text></g>')
        y += FONT + 8 + (len(lines) - 1) * (FONT + 4)
    return out, y - top


def _svg(parts: list[str], height: float, description: str, css: str) -> str:
    return (f'<svg class="{css}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
            f'width="100%" style="max-width:{WIDTH}px;height:auto;display:block" role="img" '
            f'font-family="DejaVu Sans, Verdana, sans-serif"><title>{esc(description)}</title>'
            + "".join(parts) + "</svg>")


def _marker(x: float, y: float, radius: float, color: str, *, hollow: bool = False, square: bool = False,
            css: str = "") -> str:
    """A point's marker: a circle (filled, or white inside when ``hollow``) or an open square."""
    cls = f' class="{css}"' if css else ""
    if square:
        return (f'<rect{cls} x="{x - radius:.1f}" y="{y - radius:.1f}" width="{2 * radius}" height="{2 * radius}" '
                f'fill="none" stroke="{color}" stroke-width="1.8"/>')
    return (f'<circle{cls} cx="{x:.1f}" cy="{y:.1f}" r="{radius}" fill="{"#ffffff" if hollow else color}" '
            f'stroke="{color}" stroke-width="2.2"/>')


GAP_DASH = "12 6"  # long dashes in the regency colour: unlike the province's and the nation's lines


def _runs(points: list, years: list[int]) -> tuple[list, list]:
    """``points`` (year, value) split into runs without a gap, drawn solid, and the pairs
    that span an axis year with no figure between them, drawn dashed."""
    runs, gaps = [], []
    for point in points:
        if runs and not any(runs[-1][-1][0] < y < point[0] for y in years):
            runs[-1].append(point)
            continue
        if runs:
            gaps.append([runs[-1][-1], point])
        runs.append([point])
    return [r for r in runs if len(r) > 1], gaps


def trend_chart(survey: pd.DataFrame, weighing: pd.DataFrame, lang: str, name: str,
                province: pd.DataFrame | None = None, national: pd.DataFrame | None = None,
                province_name: str | None = None, target: tuple[float, str] | None = None,
                label: str | None = None) -> Block:
    """The regency's survey stunting by year (``survey``: ``year, value, secondary``; hollow
    circles where a secondary source quoted the figure), the official province and national
    series as dashed and dotted lines, and routine weighing (``weighing``: ``year, value``), a
    different measure, in a second chart of its own below, never on the survey axis.
    ``target``: (percent, legend text naming its document), a horizontal line; ``label``: the
    legend of the main series (default: the regency's survey figures)."""
    references = [(f, s) for f, s in ((province, "province"), (national, "national")) if f is not None and len(f)]
    years = sorted({int(y) for y in survey["year"]} | {int(y) for f, _ in references for y in f["year"]})
    values = [*survey["value"], *[v for f, _ in references for v in f["value"]]]
    out, plain = [], []
    if years:
        height = 250.0
        panel = _Panel(years, max(values + ([target[0]] if target else [])), TOP, height, lang,
                       T.t("reg_panel_survey", lang))
        if target is not None:
            y = panel.y(target[0])
            panel.parts.append(f'<line class="target" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" '
                               f'y2="{y:.1f}" stroke="{TARGET}" stroke-width="1.6" stroke-dasharray="10 5"/>')
            panel.polylines.append([(LEFT, y), (WIDTH - RIGHT, y)])  # value labels keep off it too
        for frame, kind in references:
            color, dash, _, _ = REFERENCE_STYLE[kind]
            panel.line(list(zip(frame["year"], frame["value"])), color, dash, 1.8, css=f"ref-{kind}")
        points = list(zip(survey["year"], survey["value"]))
        runs, gaps = _runs(points, years)
        for run in runs:
            panel.line(run, REGENCY, width=2.4, css="regency")
        for gap in gaps:  # years on the axis without a figure of the regency: not a measured change
            panel.line(gap, REGENCY, GAP_DASH, 1.6, css="regency-gap")
        secondary = survey["secondary"].astype(bool).tolist() if "secondary" in survey else [False] * len(survey)
        panel.dots([p for p, s in zip(points, secondary) if not s], REGENCY, 7, css="official", labels=True)
        panel.dots([p for p, s in zip(points, secondary) if s], REGENCY, 7, hollow=True, css="secondary",
                   labels=True)
        # The reference points on top, each its own shape, so none hides another (Riau 20,1
        # under the nation's 19,8; Jawa Tengah 17,0 under Tegal's 15,9).
        for frame, kind in references:
            color, _, radius, square = REFERENCE_STYLE[kind]
            panel.dots(list(zip(frame["year"], frame["value"])), color, radius, css=f"ref-{kind}", square=square)
        panel.write_labels(7)
        line = lambda color, dash: (f'<line x1="0" x2="36" y1="0" y2="0" stroke="{color}" '  # noqa: E731
                                    f'stroke-width="2" stroke-dasharray="{dash}"/>')
        entries = [(f'<circle cx="18" cy="0" r="7" fill="{REGENCY}" stroke="{REGENCY}"/>',
                    label or T.t("reg_legend_official", lang, name=name))]
        if any(secondary):
            entries.append((f'<circle cx="18" cy="0" r="7" fill="#ffffff" stroke="{REGENCY}" stroke-width="2.2"/>',
                            T.t("reg_legend_secondary", lang)))
        if gaps:
            entries.append((line(REGENCY, GAP_DASH), T.t("reg_legend_gap", lang)))
        for _, kind in references:  # each reference's line with its marker
            color, dash, radius, square = REFERENCE_STYLE[kind]
            entries.append((line(color, dash) + _marker(18, 0, radius, color, square=square),
                            T.t("reg_legend_province", lang, name=province_name) if kind == "province"
                            else T.t("reg_legend_national", lang)))
        if target is not None:
            entries.append((line(TARGET, "10 5"), target[1]))
        legend_top = TOP + height + FONT + 44
        legend, legend_height = _legend(entries, legend_top)
        parts = panel.parts + legend
        total = legend_top + legend_height + 4
        description = (f"{T.t('h_stunting', lang)}, {T.t('reg_panel_survey', lang)}: {name}, "
                       + ", ".join(f"{int(y)} {T.number(v, lang, 1)} %" for y, v in zip(survey["year"], survey["value"])))
        out.append(_svg(parts, total, description, "trend trend-survey"))
        plain.append(f"[chart: {description}]")
    if len(weighing):
        wyears = sorted(int(y) for y in weighing["year"])
        panel = _Panel(wyears, float(weighing["value"].max()), TOP, 150.0, lang, T.t("reg_panel_weighing", lang))
        points = list(zip(weighing["year"], weighing["value"]))
        panel.line(points, WEIGHING, width=2.0, css="weighing")
        panel.dots(points, WEIGHING, 4, css="weighing")
        description = (f"{T.t('reg_panel_weighing', lang)}: {name}, "
                       + ", ".join(f"{int(y)} {T.number(v, lang, 1)} %" for y, v in zip(weighing["year"], weighing["value"])))
        out.append(_svg(panel.parts, TOP + 150.0 + FONT + 16, description, "trend trend-weighing"))
        plain.append(f"[chart: {description}]")
    return Block('<div class="chart">' + "".join(out) + "</div>", "\n".join(plain))


SMALL_WIDTH, SMALL_HEIGHT = 240, 150  # one small panel (user units); two fit a phone's width


def small_multiples(panels: list[tuple[str, pd.DataFrame]], lang: str,
                    target: tuple[float, str] | None = None) -> Block:
    """One small chart per regency (``panels``: (name, ``year, value, secondary``)) on the
    same years and the same 0-based percent scale, so panels compare by eye; the target as a
    dashed line in each; hollow circles for secondary quotes; every value and every year
    written. A panel with no value says so."""
    years = sorted({int(y) for _, f in panels for y in f["year"]})
    if not years:
        return Block("", "")
    values = [float(v) for _, f in panels for v in f["value"]] + ([target[0]] if target else [])
    y_max, _ = _nice_top(max(values))
    left, right, top, bottom = 8, 8, 30, 24
    span = max(years[-1] - years[0], 1)
    x = lambda year: left + 14 + (float(year) - years[0]) / span * (SMALL_WIDTH - left - right - 28)  # noqa: E731
    y = lambda v: top + (SMALL_HEIGHT - top - bottom) * (1 - float(v) / y_max)  # noqa: E731
    out, plain = [], []
    for name, frame in panels:
        frame = frame.sort_values("year")
        p = [f'<text x="{SMALL_WIDTH / 2}" y="18" text-anchor="middle" font-size="{FONT - 2}">{esc(name)}</text>',
             f'<line x1="{left}" x2="{SMALL_WIDTH - right}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="#333"/>']
        if target is not None:
            p.append(f'<line class="target" x1="{left}" x2="{SMALL_WIDTH - right}" y1="{y(target[0]):.1f}" '
                     f'y2="{y(target[0]):.1f}" stroke="{TARGET}" stroke-width="1.4" stroke-dasharray="8 4"/>')
        for year in years:  # every survey year, centred under its points
            p.append(f'<text x="{x(year):.1f}" y="{SMALL_HEIGHT - 4}" text-anchor="middle" '
                     f'font-size="{FONT - 4}">{year}</text>')
        points = list(zip(frame["year"], frame["value"]))
        if len(points) > 1:
            coords = " ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in points)
            p.append(f'<polyline points="{coords}" fill="none" stroke="{REGENCY}" stroke-width="2"/>')
        secondary = frame["secondary"].astype(bool).tolist() if "secondary" in frame else [False] * len(points)
        for (a, b), hollow in zip(points, secondary):
            p.append(f'<circle cx="{x(a):.1f}" cy="{y(b):.1f}" r="4" fill="{"#ffffff" if hollow else REGENCY}" '
                     f'stroke="{REGENCY}" stroke-width="2"/>')
        for a, b in points:  # every value written, centred over its point: a phone has no hover
            p.append(f'<text x="{x(a):.1f}" y="{y(b) - 9:.1f}" text-anchor="middle" font-size="{FONT - 3}" '
                     f'fill="{REGENCY}" paint-order="stroke" stroke="#ffffff" stroke-width="4">'
                     f'{esc(T.number(b, lang, 1))}</text>')
        if not points:
            p.append(f'<text x="{SMALL_WIDTH / 2}" y="{SMALL_HEIGHT / 2}" text-anchor="middle" '
                     f'font-size="{FONT - 4}" fill="#555">{esc(T.t("not_available", lang))}</text>')
        description = f"{name}: " + (", ".join(f"{int(a)} {T.number(b, lang, 1)} %" for a, b in points)
                                     or T.t("not_available", lang))
        out.append(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SMALL_WIDTH} {SMALL_HEIGHT}" '
                   f'width="100%" style="max-width:{SMALL_WIDTH}px;height:auto;display:block" role="img" '
                   f'font-family="DejaVu Sans, Verdana, sans-serif"><title>{esc(description)}</title>'
                   + "".join(p) + "</svg>")
        plain.append(f"[chart: {description}]")
    # A grid of equal cells: two a row on a phone, four on a desktop page, never one stretched.
    cells = "".join(f"<div>{svg}</div>" for svg in out)
    return Block('<div class="chart small-multiples" style="display:grid;gap:6px;'
                 f'grid-template-columns:repeat(auto-fill,minmax(170px,1fr))">{cells}</div>',
                 "\n".join(plain))
