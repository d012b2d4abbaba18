"""Maps of one indicator over regencies: a choropleth from shapes, or a dot map from coordinates.

Shapes come from the raw geometry files (``kbanalysis.sources.geometry``) and are absent on a
clean clone; the analysis table always has each regency's representative point, so a dot
map is the fallback and the map says which kind it is.

Every map of an indicator uses the same fixed classes (``config``: WHO/UNICEF classes for
stunting, fixed 20-point-wide bands of KBPP coverage, which are class bounds and not a target:
no official KBPP target is among the project's sources), so two pages compare by colour.
A regency without a value is hatched, and the legend says so. Borders are thin and grey: a
white border would erase the palest class. The year and source are written under the map.
Maps are drawn at their natural size on a phone (they scroll sideways in their box, see
``FigureBlock.wide``), so their text is sized for that, not for a scaled-down image.

Names sit on a point inside their own shape, or beside a shape too small for them with a
leader line (``_labels``). A map drawn from a boundary file whose licence asks for an
attribution (``shapes.attrs["attribution"]``) prints it in its caption. ``locator_map`` is
the small map of a regency page: its province, the regency in red. Shapes are drawn as
matplotlib paths converted once per shape and process (``shape_path``).
"""
from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

import matplotlib.colors as mcolors
import numpy as np
import pandas as pd
import shapely
from matplotlib import colormaps, patheffects
from matplotlib.collections import PathCollection
from matplotlib.patches import Patch, Rectangle
from matplotlib.path import Path as MplPath
from shapely.geometry.polygon import orient
from shapely.ops import polylabel

from .. import config
from .. import messages as T
from . import sourcing
from .plots import HIGHLIGHT, FigureBlock, _styled, new_figure

CMAPS = {"stunting_survey_pct": "OrRd", "kbpp_coverage_pct": "BuGn"}
BORDER = "#7b8794"  # darker than the palest class, lighter than the darkest
BORDER_WIDTH = 0.25
NO_DATA_HATCH = "////"
NO_DATA_EDGE = "#9aa5b1"
# Java (with Madura and Bali): half the population on 7 % of the map, so the national map
# shows it again, enlarged, below the archipelago.
JAVA_BOUNDS = (105.0, 116.0, -9.0, -5.7)  # lon min, lon max, lat min, lat max
WIDE_SPAN_DEGREES = 25.0  # a map spanning more longitude than this is a national map
MAP_WIDTH_IN = 8.0
LABEL_PT = 7.5  # regency names: 10.4 px at the map's natural size (100 dpi)
TEXT_PT = 9.0  # legend and caption


@dataclass(frozen=True)
class MapScale:
    """Fixed colour classes: class i holds values below ``thresholds[i]``; the last is open."""

    thresholds: tuple[float, ...]
    value_range: tuple[float, float]
    cmap: str
    class_keys: tuple[str, ...] = ()  # text keys naming the classes, if they have names


def map_scale(column: str) -> MapScale:
    """The fixed scale of ``column`` (an unknown percentage column gets five equal classes)."""
    if column == "stunting_survey_pct":
        return MapScale(tuple(config.STUNTING_PREVALENCE_THRESHOLDS_PCT), config.MAP_RANGE_PCT[column],
                        CMAPS[column], tuple(f"ui_class_{c}" for c in config.STUNTING_PREVALENCE_CLASSES))
    if column == "kbpp_coverage_pct":
        return MapScale(tuple(config.KBPP_MAP_THRESHOLDS_PCT), config.MAP_RANGE_PCT[column], CMAPS[column])
    return MapScale((20.0, 40.0, 60.0, 80.0), (0.0, 100.0), "viridis")


def classify(values, scale: MapScale) -> np.ndarray:
    """Class index of each value (-1 when missing): a value equal to a threshold is in the upper class."""
    array = np.asarray(pd.to_numeric(pd.Series(values), errors="coerce"), dtype=float)
    classes = np.searchsorted(np.asarray(scale.thresholds), array, side="right")
    return np.where(np.isnan(array), -1, classes)


def class_colors(scale: MapScale) -> list[str]:
    """One colour per class, from light to dark; the palest is still visibly coloured."""
    cmap = colormaps[scale.cmap]
    n = len(scale.thresholds) + 1
    return [mcolors.to_hex(cmap(x)) for x in np.linspace(0.15, 0.95, n)]


def _bound(value: float, lang: str) -> str:
    return T.number(value, lang, 0 if float(value).is_integer() else 1)


def class_labels(scale: MapScale, lang: str) -> list[str]:
    """"< 2,5", "2,5–10", ..., "≥ 30" with each class's name when it has one."""
    t = scale.thresholds
    labels = [f"< {_bound(t[0], lang)}"]
    labels += [f"{_bound(a, lang)}–{_bound(b, lang)}" for a, b in zip(t[:-1], t[1:])]
    labels.append(f"≥ {_bound(t[-1], lang)}")
    if scale.class_keys:
        labels = [f"{label} ({T.t(key, lang)})" for label, key in zip(labels, scale.class_keys)]
    return labels


def short_name(name: str) -> str:
    """"Kabupaten Garut" -> "Garut"; cities keep "Kota" (Kota Semarang is not Semarang)."""
    return str(name).removeprefix("Kabupaten ").removeprefix("Kab. ")


_PATHS: dict[int, tuple] = {}  # id(shape) -> (shape, its path): converted once per process


def shape_path(geometry) -> MplPath:
    """A (multi)polygon as one matplotlib path, holes included (cached per shape object:
    the report context holds one set of shapes, so each regency is converted once)."""
    hit = _PATHS.get(id(geometry))
    if hit is not None and hit[0] is geometry:
        return hit[1]
    rings = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        polygon = orient(polygon, 1.0)  # holes run against the shell, so they stay holes
        rings += [MplPath(np.asarray(ring.coords)[:, :2], closed=True)
                  for ring in (polygon.exterior, *polygon.interiors)]
    path = MplPath.make_compound_path(*rings)
    _PATHS[id(geometry)] = (geometry, path)
    return path


def _add_shapes(ax, geometries, **style) -> PathCollection:
    """Shapes as one collection (drawn directly: plotting through geopandas redraws the whole
    figure on every call, the larger part of a map's cost)."""
    collection = PathCollection([shape_path(g) for g in geometries], **style)
    ax.add_collection(collection, autolim=False)
    return collection


def _draw(ax, values: pd.DataFrame, shapes, column: str, colors: list[str], classes: np.ndarray):
    """Regencies in their class colour, the ones without a value hatched."""
    fill = [colors[c] if c >= 0 else "white" for c in classes]
    if shapes is not None:
        order = dict(zip(values["bps_code"], fill))
        missing = shapes[column].isna().to_numpy()
        face = [order.get(code, "white") for code in shapes["bps_code"]]
        geometries = shapes.geometry.to_numpy()
        if (~missing).any():
            _add_shapes(ax, geometries[~missing], facecolors=[f for f, m in zip(face, missing) if not m],
                        edgecolors=BORDER, linewidths=BORDER_WIDTH)
        if missing.any():
            _add_shapes(ax, geometries[missing], facecolors="white", edgecolors=NO_DATA_EDGE,
                        hatch=NO_DATA_HATCH, linewidths=BORDER_WIDTH)
    else:
        known = classes >= 0
        ax.scatter(values.loc[known, "longitude"], values.loc[known, "latitude"],
                   c=[f for f, k in zip(fill, known) if k], s=22, edgecolor=BORDER, linewidth=0.4)
        ax.scatter(values.loc[~known, "longitude"], values.loc[~known, "latitude"], s=22,
                   facecolor="white", edgecolor=NO_DATA_EDGE, hatch=NO_DATA_HATCH, linewidth=0.4)


def _bare(ax) -> None:
    """No ticks, frame or grid: a map's axes carry no information."""
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)


def label_points(shapes) -> pd.DataFrame:
    """Where each shape's name goes: the pole of inaccessibility of its largest part, the
    point inside it farthest from its border (a centroid can fall outside a crescent or
    into a bay; a representative point can hug an edge). Index: ``bps_code``."""
    points = []
    for geometry in shapes.geometry:
        largest = max(getattr(geometry, "geoms", [geometry]), key=lambda part: part.area)
        size = max(largest.bounds[2] - largest.bounds[0], largest.bounds[3] - largest.bounds[1])
        points.append(polylabel(largest, tolerance=max(size / 100.0, 1e-5)))
    return pd.DataFrame({"longitude": [p.x for p in points], "latitude": [p.y for p in points]},
                        index=shapes["bps_code"].to_numpy())


# Offsets (points) tried for a name: first on its shape (near), then as a callout (far).
NEAR_OFFSETS_PT = ((0, 0), (0, 8), (0, -8), (0, 16), (0, -16), (20, 0), (-20, 0), (0, 24),
                   (0, -24))
FAR_OFFSETS_PT = ((0, 22), (0, -22), (48, 0), (-48, 0), (40, 20), (-40, 20), (40, -20),
                  (-40, -20), (0, 36), (0, -36), (70, 0), (-70, 0), (60, 32), (-60, 32),
                  (60, -32), (-60, -32), (0, 50), (0, -50))
ON_SHAPE_SHARE = 0.85  # a name this much over its own shape reads as that shape's
ANCHOR_PX = 3.0  # other shapes' label points are kept clear of a name by this much
NAME_GAP_PX = 6.0  # and names clear of each other
LEADER = "#52606d"


def _labels(ax, values: pd.DataFrame, shapes) -> None:
    """Regency names with a white halo, none over another or over another shape's point.

    Each name is centred on a point inside its own shape (``label_points``) when it lies
    mostly on that shape there (or one nudge away); a shape too small for its name (a city)
    gets it beside, as a callout with a thin leader line to a dot on the shape. The
    smallest shapes are named first: they have the fewest places."""
    names = values.set_index("bps_code")["name"]
    if shapes is not None:
        points = label_points(shapes)
        outline = dict(zip(shapes["bps_code"], shapes.geometry))
        # Planar degrees: only the order matters here.
        order = shapes.assign(_area=shapely.area(shapes.geometry.to_numpy())).sort_values(
            "_area", kind="mergesort")
        codes = [c for c in order["bps_code"] if c in names.index]
    else:
        points = values.set_index("bps_code")[["longitude", "latitude"]]
        outline = {}
        codes = list(points.index)
    points = points.loc[[c for c in codes if c in points.index]]
    points = points[np.isfinite(points["longitude"]) & np.isfinite(points["latitude"])]
    halo = [patheffects.withStroke(linewidth=2.0, foreground="white")]
    # A page's two maps (stunting, KBPP) share shapes, names and frame: the places found for
    # the first are the places of the second.
    key = (tuple(points.index), tuple(short_name(names[c]) for c in points.index),
           tuple(points.to_numpy().ravel()), tuple(ax.figure.get_size_inches()),
           tuple(ax.get_position().bounds), ax.get_xlim(), ax.get_ylim())
    if key in _PLACED:
        for code, text, chosen, callout in _PLACED[key]:
            _annotate(ax, code, text, points, chosen, callout, halo)
        return
    found = []
    renderer = ax.figure.canvas.get_renderer()
    to_data = ax.transData.inverted()
    anchors = dict(zip(points.index, ax.transData.transform(points.to_numpy())))
    placed = []

    def free(box, code) -> bool:
        if any(box.padded(NAME_GAP_PX).overlaps(other) for other in placed):  # touching names read as one
            return False
        return not any(box.x0 - ANCHOR_PX < x < box.x1 + ANCHOR_PX
                       and box.y0 - ANCHOR_PX < y < box.y1 + ANCHOR_PX
                       for other, (x, y) in anchors.items() if other != code)

    def share_on(box, shape) -> float:
        (x0, y0), (x1, y1) = to_data.transform([(box.x0, box.y0), (box.x1, box.y1)])
        area = abs((x1 - x0) * (y1 - y0))
        return shapely.clip_by_rect(shape, x0, y0, x1, y1).area / area if area else 0.0

    for code in points.index:
        lon, lat = points.at[code, "longitude"], points.at[code, "latitude"]
        text = short_name(names[code])
        label = ax.annotate(text, (lon, lat), ha="center", va="center", fontsize=LABEL_PT,
                            color="#1f2933", path_effects=halo, xytext=(0, 0),
                            textcoords="offset points", zorder=4)
        shape = outline.get(code)
        chosen, callout = None, False
        for offset in NEAR_OFFSETS_PT:
            label.set_position(offset)
            box = label.get_window_extent(renderer)
            if free(box, code) and (shape is None or share_on(box, shape) >= ON_SHAPE_SHARE):
                chosen = offset
                break
        if chosen is None and shape is not None:
            for offset in FAR_OFFSETS_PT:
                label.set_position(offset)
                if free(label.get_window_extent(renderer), code):
                    chosen, callout = offset, True
                    break
        label.set_position(chosen or (0, 0))
        if callout:  # beside its shape: a leader line says whose name it is
            label.remove()
            label = _annotate(ax, code, text, points, chosen, True, halo)
        placed.append(label.get_window_extent(renderer))
        found.append((code, text, chosen or (0, 0), callout))
    _PLACED.clear()  # the other map of the same page is drawn next
    _PLACED[key] = found


_PLACED: dict[tuple, list] = {}


def _annotate(ax, code, text: str, points: pd.DataFrame, offset, callout: bool, halo):
    """One regency name at ``offset`` points from its label point; a ``callout`` with a
    leader line and a dot on the shape."""
    lon, lat = points.at[code, "longitude"], points.at[code, "latitude"]
    if not callout:
        return ax.annotate(text, (lon, lat), ha="center", va="center", fontsize=LABEL_PT,
                           color="#1f2933", path_effects=halo, xytext=offset,
                           textcoords="offset points", zorder=4)
    label = ax.annotate(text, (lon, lat), ha="center", va="center", fontsize=LABEL_PT,
                        color="#1f2933", path_effects=halo, xytext=offset,
                        textcoords="offset points", zorder=4,
                        arrowprops={"arrowstyle": "-", "color": LEADER, "linewidth": 0.6,
                                    "shrinkA": 1, "shrinkB": 0})
    ax.plot([lon], [lat], marker="o", markersize=2.2, color=LEADER, zorder=4)
    return label


# Characters of 9-point caption text that fit the 358 px a phone shows of a wide map.
PHONE_LINE_CHARS = 46
LEGEND_COLUMNS = 2
OUTLYING_MARGIN = 0.25  # a part this far (share of the span) outside the main shapes is left off the view


def main_extent(geometries) -> tuple[float, float, float, float]:
    """The map's view: every shape's largest part, and the other parts near them. A few far
    islets of one regency (Sulawesi Barat's Balabalagan) would otherwise shrink the province
    to a corner of its map; every regency stays on the map through its largest part."""
    parts = [list(getattr(g, "geoms", [g])) for g in geometries if g is not None and not g.is_empty]
    if not parts:
        return (0.0, 0.0, 1.0, 1.0)
    largest = [max(p, key=lambda part: part.area) for p in parts]
    min_lon, min_lat, max_lon, max_lat = shapely.GeometryCollection(largest).bounds
    pad_lon, pad_lat = OUTLYING_MARGIN * (max_lon - min_lon), OUTLYING_MARGIN * (max_lat - min_lat)
    near = [part for group in parts for part in group
            if part.bounds[0] >= min_lon - pad_lon and part.bounds[2] <= max_lon + pad_lon
            and part.bounds[1] >= min_lat - pad_lat and part.bounds[3] <= max_lat + pad_lat]
    return shapely.GeometryCollection(largest + near).bounds


@_styled
def regency_map(cross: pd.DataFrame, column: str, lang: str, title: str, geometry=None,
                highlight: str | None = None, names: bool | None = None) -> FigureBlock:
    """``column`` of ``cross`` on a map; choropleth when ``geometry`` covers the regencies.

    ``names``: write each regency's name (default: on maps of one province, not the nation).
    A national map gets an enlarged inset of Java.
    """
    if not cross[column].notna().any():  # a map of hatching only would say less than a sentence
        from .plots import message_figure
        return message_figure(title, T.t("ui_map_empty", lang),
                              T.t("ui_alt_message", lang, title=title, message=T.t("ui_map_empty", lang)))
    scale = map_scale(column)
    colors = class_colors(scale)
    values = cross[["bps_code", column, "longitude", "latitude"]].reset_index(drop=True)
    values["name"] = (cross["name"] if "name" in cross else cross["bps_code"]).to_numpy()
    classes = classify(values[column], scale)
    shapes = None
    attribution = ""
    if geometry is not None:
        attribution = geometry.attrs.get("attribution", "")
        shapes = geometry.loc[geometry["bps_code"].isin(values["bps_code"]), ["bps_code", "geometry"]]
        shapes = shapes.merge(values[["bps_code", column]], on="bps_code", how="left")
        if shapes.empty:
            shapes = None
    if shapes is not None:
        min_lon, min_lat, max_lon, max_lat = main_extent(shapes.geometry)
    else:
        lon, lat = values["longitude"].dropna(), values["latitude"].dropna()
        min_lon, max_lon = (lon.min(), lon.max()) if len(lon) else (0.0, 1.0)
        min_lat, max_lat = (lat.min(), lat.max()) if len(lat) else (0.0, 1.0)
    span_lon, span_lat = max(float(max_lon - min_lon), 0.5), max(float(max_lat - min_lat), 0.5)
    national = span_lon > WIDE_SPAN_DEGREES
    names = (not national) if names is None else names
    width = MAP_WIDTH_IN
    map_height = float(np.clip(0.98 * width * span_lat / span_lon, 2.4, 7.0))
    # A phone shows the map at natural size in a box that scrolls sideways: the legend (two
    # columns) and the caption (wrapped) stay within the box's first screen, at the left.
    simulated = sourcing.is_simulated(cross, column)
    caption = _caption(cross, column, lang, simulated)
    if shapes is not None and attribution:  # the boundary file's licence asks for it
        caption += f" · {T.t('ui_map_boundaries', lang, attribution=attribution)}"
    caption = "\n".join(textwrap.wrap(caption, PHONE_LINE_CHARS))
    caption_height = 0.16 + 0.165 * (caption.count("\n") + 1)
    legend_rows = math.ceil((len(class_labels(scale, lang)) + 1) / LEGEND_COLUMNS)
    head, foot = 0.4, caption_height + 0.3 + 0.2 * legend_rows  # title above; legend and caption below (inches)
    java_height = 0.0
    if national:  # archipelago on top, Java enlarged below it, legend and caption at the foot
        java_height = 0.98 * width * (JAVA_BOUNDS[3] - JAVA_BOUNDS[2]) / (JAVA_BOUNDS[1] - JAVA_BOUNDS[0]) + 0.3
    height = head + map_height + java_height + foot
    figure, ax = new_figure(width=width, height=height)
    figure.set_layout_engine(None)
    ax.set_position([0.01, (foot + java_height) / height, 0.98, map_height / height])
    ax.set_anchor("W")  # a tall province keeps its title and map together at the left
    inset = None
    if national:
        inset = figure.add_axes([0.01, foot / height, 0.98, (java_height - 0.3) / height])
    for target in (ax, inset):
        if target is None:
            continue
        _draw(target, values, shapes, column, colors, classes)
        if highlight is not None:
            point = values.loc[values["bps_code"] == highlight]
            if shapes is not None and (shapes["bps_code"] == highlight).any():
                _add_shapes(target, shapes.loc[shapes["bps_code"] == highlight].geometry,
                            facecolors="none", edgecolors=HIGHLIGHT, linewidths=1.6)
            else:
                target.scatter(point["longitude"], point["latitude"], s=80, facecolor="none",
                               edgecolor=HIGHLIGHT, linewidth=1.5)
        _bare(target)
    ax.set_xlim(min_lon - 0.02 * span_lon, max_lon + 0.02 * span_lon)
    ax.set_ylim(min_lat - 0.02 * span_lat, max_lat + 0.02 * span_lat)
    if names:
        ax.apply_aspect()  # the final box, so that the names' overlaps are measured right
        _labels(ax, values, shapes)
    if inset is not None:
        inset.set_xlim(JAVA_BOUNDS[0], JAVA_BOUNDS[1])
        inset.set_ylim(JAVA_BOUNDS[2], JAVA_BOUNDS[3])
        inset.set_title(T.t("ui_map_java", lang), fontsize=TEXT_PT, loc="left")
        ax.add_patch(Rectangle((JAVA_BOUNDS[0], JAVA_BOUNDS[2]), JAVA_BOUNDS[1] - JAVA_BOUNDS[0],
                               JAVA_BOUNDS[3] - JAVA_BOUNDS[2], fill=False, edgecolor="#52606d",
                               linewidth=0.8, linestyle="--"))
    kind = "" if shapes is not None else f" — {T.t('map_dots', lang)}"
    shown_title = title + (f" {T.t('simulated_tag', lang).upper()}" if simulated else "")
    ax.set_title(f"{shown_title}{kind}", fontsize=10, loc="left")
    if simulated:  # across the map itself, so a cropped screenshot still says it
        ax.text(0.5, 0.5, T.t("ui_simulated_word", lang), transform=ax.transAxes, ha="center",
                va="center", fontsize=40, color=HIGHLIGHT, alpha=0.35, rotation=15, zorder=5)
    # Only the classes the map paints, and "no data" only where a regency lacks a value:
    # the colours keep their place on the one scale every page shares.
    used = set(int(c) for c in classes[classes >= 0])
    handles = [Patch(facecolor=c, edgecolor=BORDER, linewidth=0.4) for i, c in enumerate(colors) if i in used]
    labels = [label for i, label in enumerate(class_labels(scale, lang)) if i in used]
    if (classes < 0).any():
        handles.append(Patch(facecolor="white", edgecolor=NO_DATA_EDGE, hatch=NO_DATA_HATCH, linewidth=0.4))
        labels.append(T.t("ui_no_data", lang))
    figure.legend(handles, labels, loc="lower left", bbox_to_anchor=(0.01, caption_height / height),
                  ncol=LEGEND_COLUMNS, columnspacing=0.6, handlelength=1.2, handletextpad=0.5, fontsize=TEXT_PT, frameon=False,
                  title=T.t("ui_legend_pct", lang),
                  title_fontsize=TEXT_PT, alignment="left")
    figure.text(0.01, 0.08 / height, caption, fontsize=TEXT_PT, color="#52606d", ha="left", va="bottom",
                linespacing=1.3)
    n_known = int((classes >= 0).sum())
    # The plain text (what nbval compares) leaves out the map kind: it depends on whether the
    # raw geometry is present, not on the data shown.
    block = FigureBlock(figure, T.t("ui_alt_regencies", lang, title=title, n=n_known), wide=True)
    # The regencies drawn as shapes (each in its own value's class), for checks and tests.
    block.codes = tuple(shapes["bps_code"]) if shapes is not None else ()
    return block


def _caption(cross: pd.DataFrame, column: str, lang: str, simulated: bool) -> str:
    """"Tahun 2024 · Sumber: SSGI 2024 (Kemenkes; salinan tabel)" (under the map)."""
    years = sourcing.shown_years(cross, column)
    year = "–" if not years else str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    source = sourcing.source_line(cross, [column], lang) or T.t("ui_source", lang, sources="–")
    return f"{T.t('ui_year', lang)} {year} · {source}"  # a simulated source names itself so


LOCATOR_WIDTH_PX = 200  # the locator's drawing width (it is scaled by CSS)
LOCATOR_OTHER = "#e4e7eb"  # the province's other regencies: quiet, so the red one stands out
LOCATOR_MIN_PX = 8.0  # a regency smaller than this (side of a square of its area) gets a ring


@dataclass
class Locator:
    """A locator map as inline SVG: ``svg`` (one line), its ``description`` (alt text), the
    regencies drawn as shapes (``codes``) and the boundary file's ``attribution``."""

    svg: str
    description: str
    codes: tuple = ()
    attribution: str = ""


# Province outlines as SVG path data, made once per process and boundary table: every regency
# page of a province draws the same shapes, only the red one changes. Plain SVG instead of a
# rendered figure keeps the locator to a few milliseconds a page and a few kilobytes.
_LOCATOR_SHAPES: dict = {}


def _locator_shapes(geometry: pd.DataFrame, codes: tuple) -> tuple[dict, tuple, float]:
    """``{code: path data}`` in the locator's pixels, the view size, and pixels per degree."""
    key = (id(geometry), codes)
    if key not in _LOCATOR_SHAPES:
        shapes = geometry.loc[geometry["bps_code"].isin(codes), ["bps_code", "geometry"]]
        min_lon, min_lat, max_lon, max_lat = shapes.total_bounds
        span_lon, span_lat = max(float(max_lon - min_lon), 0.3), max(float(max_lat - min_lat), 0.3)
        pad_lon, pad_lat = 0.03 * span_lon, 0.03 * span_lat
        scale = LOCATOR_WIDTH_PX / (span_lon + 2 * pad_lon)
        height = float(np.clip(LOCATOR_WIDTH_PX * span_lat / span_lon, 108, 262))
        scale = min(scale, height / (span_lat + 2 * pad_lat))
        x0 = min_lon - pad_lon - (LOCATOR_WIDTH_PX / scale - span_lon - 2 * pad_lon) / 2
        y0 = max_lat + pad_lat + (height / scale - span_lat - 2 * pad_lat) / 2
        paths = {}
        for code, shape in zip(shapes["bps_code"], shapes.geometry):
            # Detail below half a pixel cannot be seen at this size.
            simple = shapely.simplify(shape, 0.5 / scale, preserve_topology=True)
            rings = []
            for polygon in getattr(simple, "geoms", [simple]):
                for ring in [polygon.exterior, *polygon.interiors]:
                    xy = np.asarray(ring.coords)
                    if len(xy) < 3:
                        continue
                    px = np.round((xy[:, 0] - x0) * scale, 1)
                    py = np.round((y0 - xy[:, 1]) * scale, 1)
                    points = " ".join(f"{a:g},{b:g}" for a, b in zip(px, py))
                    rings.append(f"M{points}Z")
            paths[code] = "".join(rings)
        _LOCATOR_SHAPES[key] = (paths, (LOCATOR_WIDTH_PX, round(height, 1)), (x0, y0, scale))
    return _LOCATOR_SHAPES[key]


def locator_map(cross: pd.DataFrame, code: str, lang: str, geometry=None) -> Locator:
    """A small map of ``code``'s province with ``code`` filled red: where the page's regency
    lies. Shapes when ``geometry`` has the province's regencies, else their points."""
    row = cross.loc[cross["bps_code"] == code].iloc[0]
    members = cross.loc[cross["province_bps"] == row["province_bps"]]
    alt = T.t("ui_locator_alt", lang, name=row["name"], province=row["province_name"])
    codes = tuple(sorted(members["bps_code"]))
    drawn = () if geometry is None else tuple(sorted(set(codes) & set(geometry["bps_code"])))
    parts = []
    if code in drawn:
        paths, (width, height), (x0, y0, scale) = _locator_shapes(geometry, drawn)
        others = "".join(d for c, d in paths.items() if c != code)
        parts.append(f'<path class="other" d="{others}" fill="{LOCATOR_OTHER}" stroke="{BORDER}"'
                     f' stroke-width="0.4" fill-rule="evenodd"/>')
        parts.append(f'<path class="own" d="{paths[code]}" fill="{HIGHLIGHT}" stroke="{HIGHLIGHT}"'
                     f' stroke-width="0.6" fill-rule="evenodd"/>')
        shape = geometry.loc[geometry["bps_code"] == code].geometry.iloc[0]
        # By area, not extent: a spread of tiny islands (Kepulauan Seribu) is specks too.
        if np.sqrt(shape.area) * scale < LOCATOR_MIN_PX:
            point = label_points(geometry.loc[geometry["bps_code"] == code]).iloc[0]
            cx, cy = (point["longitude"] - x0) * scale, (y0 - point["latitude"]) * scale
            parts.append(f'<circle class="ring" cx="{cx:.1f}" cy="{cy:.1f}" r="7" fill="none"'
                         f' stroke="{HIGHLIGHT}" stroke-width="1.4"/>')
        attribution = geometry.attrs.get("attribution", "")
    else:
        drawn, attribution = (), ""
        width, height = LOCATOR_WIDTH_PX, 140
        lon, lat = members["longitude"].astype(float), members["latitude"].astype(float)
        ok = lon.notna() & lat.notna()
        if ok.any():
            span_lon = max(float(lon[ok].max() - lon[ok].min()), 0.3)
            span_lat = max(float(lat[ok].max() - lat[ok].min()), 0.3)
            sx, sy = (width - 20) / span_lon, (height - 20) / span_lat
            for c, x, y in zip(members["bps_code"][ok], lon[ok], lat[ok]):
                colour, radius = (HIGHLIGHT, 4) if c == code else ("#9aa5b1", 2.2)
                parts.append(f'<circle class="{"own" if c == code else "other"}"'
                             f' cx="{10 + (x - lon[ok].min()) * sx:.1f}"'
                             f' cy="{10 + (lat[ok].max() - y) * sy:.1f}" r="{radius}"'
                             f' fill="{colour}"/>')
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img"'
           f' aria-label="{_attr(alt)}"><title>{_attr(alt)}</title>{"".join(parts)}</svg>')
    return Locator(svg, alt, drawn, attribution)


def _attr(text: str) -> str:
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))
