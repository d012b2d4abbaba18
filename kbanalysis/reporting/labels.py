"""Deterministic placement of value labels beside chart points.

A label written straight above its point can sit on another series' point or on a
neighbour's label (a regency at 15,9 with the national 19,8 just above it). ``place`` tries a
fixed list of offsets around each point, nearest first, and keeps the first box that touches
no point marker, no earlier label and, if possible, no line; a label that had to move away
from its point gets a leader line. Same input, same layout: no randomness, no iteration
order from sets.
"""
from __future__ import annotations

from dataclasses import dataclass

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 with y growing downwards (SVG)

# Average advance of DejaVu Sans glyphs in ems: digits and most letters ~0.64, comma and
# point ~0.32; a slightly generous estimate so that boxes err on the large side.
_NARROW = set(",.:;'|il ")


def text_width(text: str, size: float) -> float:
    return sum(0.34 if ch in _NARROW else 0.66 for ch in text) * size


@dataclass(frozen=True)
class Placed:
    box: Box
    moved: bool  # far enough from its point to need a leader line
    clear: bool = True  # off every marker and every other clear label

    @property
    def centre(self) -> tuple[float, float]:
        return (self.box[0] + self.box[2]) / 2, (self.box[1] + self.box[3]) / 2


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _segment_hits(box: Box, a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether the segment a-b passes through ``box`` (sampled finely: charts are small)."""
    steps = max(2, int(max(abs(b[0] - a[0]), abs(b[1] - a[1])) / 2))
    for i in range(steps + 1):
        t = i / steps
        x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        if box[0] <= x <= box[2] and box[1] <= y <= box[3]:
            return True
    return False


def _candidates(gap: float, width: float, height: float) -> list[tuple[float, float, bool]]:
    """Offsets of a box centre from its point: the near ring (above, below, right, left,
    diagonals), then the same directions further out, which need a leader line."""
    out = []
    for ring, moved in ((1.0, False), (2.2, True), (3.4, True)):
        dx = width / 2 + gap * ring
        dy = height / 2 + gap * ring
        out += [(0, -dy, moved), (0, dy, moved), (dx, 0, moved), (-dx, 0, moved),
                (dx, -dy, moved), (-dx, -dy, moved), (dx, dy, moved), (-dx, dy, moved)]
    return out


def _ambiguous(box: Box, point: tuple[float, float], markers, moved: bool, others: list[Box]) -> int:
    """1 when a name at ``box`` could be read as another dot's: another dot is nearer to it
    than its own, or its leader line crosses another name or dot."""
    centre = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)

    def gap(x, y):  # from the box's edge
        dx, dy = max(box[0] - x, 0, x - box[2]), max(box[1] - y, 0, y - box[3])
        return (dx * dx + dy * dy) ** 0.5
    own = gap(*point)
    if any(gap(x, y) < own for x, y, _ in markers if (x, y) != tuple(point)):
        return 1
    if moved:
        if any(_segment_hits(other, point, centre) for other in others):
            return 1
        if any(_segment_hits((x - r, y - r, x + r, y + r), point, centre) for x, y, r in markers
               if (x, y) != tuple(point)):
            return 1
    return 0


def place(points: list[tuple[float, float]], texts: list[str], size: float, radius: float,
          markers: list[tuple[float, float, float]], lines: list[list[tuple[float, float]]],
          bounds: Box, drop_unclear: bool = False) -> list[Placed]:
    """A box per label (``texts[i]`` for ``points[i]``) of font ``size``: off every marker
    (``markers``: x, y, radius, of all series), off every earlier label, inside ``bounds``,
    and off ``lines`` (polylines) where some candidate allows it. ``drop_unclear``: a label
    with no clear place will not be drawn, so it does not keep later labels off its box."""
    marker_boxes = [(x - r - 1, y - r - 1, x + r + 1, y + r + 1) for x, y, r in markers]
    segments = [(line[i], line[i + 1]) for line in lines for i in range(len(line) - 1)]
    placed: list[Placed] = []
    for (px, py), text in zip(points, texts):
        width, height = text_width(text, size), size * 1.05
        best, best_score = None, None
        for dx, dy, moved in _candidates(radius + 4, width, height):
            cx, cy = px + dx, py + dy
            box = (cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)
            if box[0] < bounds[0] or box[2] > bounds[2] or box[1] < bounds[1] or box[3] > bounds[3]:
                continue
            hard = sum(overlaps(box, m) for m in marker_boxes) + sum(overlaps(box, p.box) for p in placed
                                                                     if p.clear or not drop_unclear)
            if drop_unclear:  # many names among many dots: each must read as its own dot's
                hard += _ambiguous(box, (px, py), markers, moved, [p.box for p in placed if p.clear])
            soft = sum(_segment_hits(box, a, b) for a, b in segments)
            score = (hard, soft)
            if best_score is None or score < best_score:
                best, best_score = Placed(box, moved, hard == 0), score
            if score == (0, 0):
                break
        if best is None:  # nowhere inside the bounds: above the point, as before
            best = Placed((px - width / 2, py - radius - 4 - height, px + width / 2, py - radius - 4), False,
                          False)
        placed.append(best)
    return placed


def _edge_towards(box: Box, point: tuple[float, float]) -> tuple[float, float]:
    """Where the segment from ``box``'s centre to ``point`` leaves the box."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    dx, dy = point[0] - cx, point[1] - cy
    half_w, half_h = (box[2] - box[0]) / 2, (box[3] - box[1]) / 2
    t = min(half_w / abs(dx) if dx else float("inf"), half_h / abs(dy) if dy else float("inf"), 1.0)
    return cx + dx * t, cy + dy * t


def value_labels(ax, points: list[tuple[float, float]], texts: list[str], color: str, fontsize: float,
                 radius_pt: float, fontweight: str = "normal", gid: str = "value-label",
                 only_clear: bool = False) -> int:
    """Write ``texts`` beside data ``points`` of a matplotlib ``ax`` with ``place``: off every
    marker (line markers and scatter dots) and, where possible, every line already drawn (the
    target line included), inside the axes. Call once the axis limits are final;
    ``radius_pt``: the points' marker radius. ``only_clear``: leave out a label with no clear
    place (many names on a small chart) instead of letting it overprint. Returns how many
    labels were written."""
    import numpy as np
    from matplotlib.collections import PathCollection

    figure = ax.figure
    to_px = figure.dpi / 72
    height = figure.bbox.height

    def down(xy):  # matplotlib counts y upwards; ``place`` downwards
        return float(xy[0]), float(height - xy[1])

    markers, lines = [], []
    for line in ax.lines:
        xy = np.asarray(line.get_xydata(), dtype=float)
        xy = xy[np.isfinite(xy).all(axis=1)]
        if not len(xy):
            continue
        px = [down(p) for p in line.get_transform().transform(xy)]
        if str(line.get_marker()) not in ("", " ", "None", "none"):
            r = (line.get_markersize() / 2 + line.get_markeredgewidth()) * to_px
            markers += [(x, y, r) for x, y in px]
        if str(line.get_linestyle()) not in ("", " ", "None", "none") and len(px) > 1:
            lines.append(px)
    for dots in ax.collections:  # scatter dots (a band is a PolyCollection: not a marker)
        if not isinstance(dots, PathCollection) or not len(dots.get_offsets()):
            continue
        xy = np.asarray(dots.get_offsets(), dtype=float)
        sizes = np.resize(np.asarray(dots.get_sizes(), dtype=float), len(xy))  # area in pt^2
        edges = np.resize(np.asarray(dots.get_linewidths(), dtype=float), len(xy))
        for (x, y), size, edge, ok in zip(dots.get_offset_transform().transform(xy), sizes, edges,
                                          np.isfinite(xy).all(axis=1)):
            if ok:
                markers.append((*down((x, y)), (np.sqrt(size) / 2 + edge / 2) * to_px))
    anchors = [down(ax.transData.transform(p)) for p in points]
    box = ax.bbox
    bounds = (box.x0 + 2, height - box.y1 + 2, box.x1 - 2, height - box.y0 - 2)
    inverse = ax.transData.inverted()
    # Bold glyphs are wider: their boxes are measured a little larger.
    size = fontsize * to_px * (1.1 if fontweight == "bold" else 1.0)
    written = 0
    for (x, y), text, spot in zip(anchors, texts, place(anchors, texts, size, radius_pt * to_px,
                                                        markers, lines, bounds, only_clear)):
        if only_clear and not spot.clear:
            continue
        written += 1
        cx, cy = spot.centre
        if spot.moved:  # from the point to the name's edge, never through the name
            ex, ey = _edge_towards(spot.box, (x, y))
            ax.plot(*zip(inverse.transform((x, height - y)), inverse.transform((ex, height - ey))),
                    color=color, linewidth=0.8, zorder=2)
        ax.text(*inverse.transform((cx, height - cy)), text, ha="center", va="center", fontsize=fontsize,
                color=color, zorder=5, gid=gid, fontweight=fontweight)
    return written
