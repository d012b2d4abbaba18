"""Maps of one indicator over regencies: a choropleth from shapes, or a dot map from coordinates.

Shapes come from the raw geometry files (``kbanalysis.sources.geometry``) and are absent on a
clean clone; the analysis table always has each regency's representative point, so a dot
map is the fallback and the map says which kind it is.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import text as T
from .plots import HIGHLIGHT, FigureBlock, _styled, new_figure

CMAPS = {"stunting_survey_pct": "OrRd", "kbpp_coverage_pct": "BuGn"}


@_styled
def regency_map(cross: pd.DataFrame, column: str, lang: str, title: str, geometry=None,
                highlight: str | None = None) -> FigureBlock:
    """``column`` of ``cross`` on a map; choropleth when ``geometry`` covers the regencies."""
    cmap = CMAPS.get(column, "viridis")
    values = cross[["bps_code", column, "longitude", "latitude"]]
    shapes = None
    if geometry is not None:
        shapes = geometry.loc[geometry["bps_code"].isin(values["bps_code"])]
        shapes = shapes.merge(values[["bps_code", column]], on="bps_code", how="left")
        if shapes.empty:
            shapes = None
    span_lon = float(np.ptp(values["longitude"].dropna())) if values["longitude"].notna().any() else 1.0
    span_lat = float(np.ptp(values["latitude"].dropna())) if values["latitude"].notna().any() else 1.0
    width = 7.0
    height = float(np.clip(width * max(span_lat, 0.5) / max(span_lon, 0.5) + 0.8, 2.6, 6.0))
    figure, ax = new_figure(width=width, height=height)
    low, high = values[column].min(), values[column].max()
    if shapes is not None:
        shapes.plot(column=column, ax=ax, cmap=cmap, vmin=low, vmax=high, edgecolor="white",
                    linewidth=0.2, missing_kwds={"color": "#eeeeee"})
        kind = ""
    else:
        ax.scatter(values["longitude"], values["latitude"], c=values[column], cmap=cmap,
                   vmin=low, vmax=high, s=18, edgecolor="#555555", linewidth=0.3)
        kind = f" — {T.t('map_dots', lang)}"
    if highlight is not None:
        point = values.loc[values["bps_code"] == highlight]
        ax.scatter(point["longitude"], point["latitude"], s=80, facecolor="none",
                   edgecolor=HIGHLIGHT, linewidth=1.5)
    mappable = ax.collections[0] if ax.collections else None
    if mappable is not None:
        figure.colorbar(mappable, ax=ax, shrink=0.8)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.grid(False)
    ax.set_title(f"{title}{kind}")
    # The plain text (what nbval compares) leaves out the map kind: it depends on whether the
    # raw geometry is present, not on the data shown.
    return FigureBlock(figure, f"{title}: {int(values[column].notna().sum())} regencies")
