"""Figures of the reports and notebooks, drawn without pyplot and rendered deterministically.

Figures are plain ``matplotlib.figure.Figure`` objects (no pyplot state to leak from one
report into the next in a warm kernel) wrapped in ``FigureBlock``, which renders PNG with a
fixed style, dpi and no metadata, so the same data give the same bytes, and whose plain
text (what nbval compares) is a short description rather than ``<Figure size ...>``.
"""
from __future__ import annotations

import functools
import io

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from . import text as T

DPI = 100
# Everything a figure's look depends on, set explicitly: a fresh kernel and a warm one (after
# other reports) must draw the same pixels.
STYLE = {
    "figure.figsize": (7.0, 3.6),
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "legend.fontsize": 8,
    "svg.hashsalt": "kbanalysis",
    "path.simplify": True,
}
# Session settings, not looks (matplotlib's own list of them is private).
_NOT_STYLE = {"interactive", "backend", "webagg.port", "webagg.address", "webagg.port_retries",
              "webagg.open_in_browser", "backend_fallback", "toolbar", "timezone",
              "figure.max_open_warning", "figure.raise_window", "savefig.directory",
              "tk.window_focus", "docstring.hardcopy", "date.epoch"}
HIGHLIGHT = "#c0392b"
PEER = "#2e86c1"
OTHER = "#b3b6b7"


@functools.lru_cache(maxsize=1)
def _report_style() -> tuple:
    params = {k: v for k, v in matplotlib.rcParamsDefault.items() if k not in _NOT_STYLE}
    params.update(STYLE)
    return tuple(params.items())


def report_style() -> dict:
    """Matplotlib defaults with ``STYLE`` on top (used through ``rc_context`` when drawing).

    Keys a style may not set (the backend, interactive mode) are left to the kernel.
    """
    return dict(_report_style())


class FigureBlock:
    """A figure shown as PNG, with a plain-text description for text outputs."""

    def __init__(self, figure: Figure, description: str):
        self.figure, self.description = figure, description

    def png(self) -> bytes:
        buffer = io.BytesIO()
        with matplotlib.rc_context(report_style()):
            self.figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
        return buffer.getvalue()

    def _repr_png_(self) -> bytes:
        return self.png()

    def __repr__(self) -> str:
        return f"[figure: {self.description}]"


def new_figure(width: float = 7.0, height: float = 3.6, ncols: int = 1, margins: dict | None = None):
    """A figure and its axes. ``margins`` (``subplots_adjust`` fractions) fix the layout, which
    is several times faster than constrained layout: used for the per-regency figures."""
    with matplotlib.rc_context(report_style()):
        figure = Figure(figsize=(width, height), dpi=DPI, layout=None if margins else "constrained")
        FigureCanvasAgg(figure)
        axes = figure.subplots(1, ncols)
        if margins:
            figure.subplots_adjust(**margins)
    return figure, axes


def _styled(draw):
    """Run a drawing function inside the report style, whatever the kernel's rcParams are."""
    def wrapper(*args, **kwargs):
        with matplotlib.rc_context(report_style()):
            return draw(*args, **kwargs)
    wrapper.__name__, wrapper.__doc__ = draw.__name__, draw.__doc__
    return wrapper


# The trend figure is drawn this wide with text this large, so that shrunk to a 390 px phone
# (an image about 358 px wide) its smallest text stays about 10 px high.
TREND_WIDTH_IN = 5.2
TREND_TEXT_PT = 11.5
REGENCY_LINE = "#1f4e79"
PROVINCE_LINE = "#7f8c8d"
WEIGHING_LINE = "#6c7a3a"


@_styled
def trend_figure(trend: pd.DataFrame, lang: str, title: str, name: str | None = None,
                 province: pd.DataFrame | None = None, national: pd.DataFrame | None = None,
                 province_name: str | None = None) -> FigureBlock:
    """Survey stunting by year, with routine weighing (a different measure) in its own panel
    below, never on the survey axis.

    ``trend``: ``year, survey, weighing`` and optionally ``survey_secondary`` (True where a
    secondary source quoted the survey figure: drawn as hollow markers with a legend entry of
    their own). ``province`` and ``national`` (``year, value``) are drawn as official reference
    lines when given; ``name`` and ``province_name`` label the legend (names, not codes).
    """
    survey = trend.loc[trend["survey"].notna()]
    weighing = trend.loc[trend["weighing"].notna()] if "weighing" in trend else trend.iloc[0:0]
    secondary = (survey["survey_secondary"].fillna(False).astype(bool) if "survey_secondary" in survey
                 else pd.Series(False, index=survey.index))
    size = TREND_TEXT_PT
    two = len(weighing) > 0
    height = 6.9 if two else 4.3
    bottom = 3.6 / height if two else 1.25 / height  # room for the legend under the survey panel
    figure, ax = new_figure(width=TREND_WIDTH_IN, height=height,
                            margins={"left": 0.13, "right": 0.96, "bottom": bottom, "top": 1 - 0.45 / height})
    label = name or T.t("col_survey", lang)
    if len(survey):
        ax.plot(survey["year"], survey["survey"], color=REGENCY_LINE, linewidth=1.2, zorder=2)
        for is_secondary, key in ((False, "reg_legend_official"), (True, "reg_legend_secondary")):
            rows = survey.loc[secondary == is_secondary]
            if len(rows):
                ax.plot(rows["year"], rows["survey"], linestyle="none", marker="o", markersize=8,
                        markeredgewidth=1.6, color=REGENCY_LINE, zorder=3,
                        markerfacecolor="white" if is_secondary else REGENCY_LINE,
                        label=T.t(key, lang, name=label) if name else label)
        for year, value in zip(survey["year"], survey["survey"]):
            ax.annotate(T.number(value, lang, 1), (year, value), textcoords="offset points",
                        xytext=(0, 9), ha="center", fontsize=size, color=REGENCY_LINE,
                        bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.8})
    references = ((province, dict(color=PROVINCE_LINE, linestyle="--"),
                   T.t("reg_legend_province", lang, name=province_name) if province_name else None),
                  (national, dict(color="black", linestyle=":"), T.t("reg_legend_national", lang)))
    for frame, style, legend in references:
        if frame is not None and len(frame):
            ax.plot(frame["year"], frame["value"], marker=".", linewidth=1.2, zorder=1, label=legend,
                    **style)
    values = [*survey["survey"], *[v for f, _, _ in references if f is not None for v in f["value"]]]
    years = sorted({*survey["year"], *[y for f, _, _ in references if f is not None for y in f["year"]]})
    if years:
        ax.set_xticks(years, [str(int(y)) for y in years])
        ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
    ax.set_ylim(0, max(values + [10.0]) * 1.25)
    ax.yaxis.set_major_formatter(lambda value, _pos: T.number(value, lang, 0))
    ax.tick_params(labelsize=size)
    ax.set_ylabel(T.t("axis_pct", lang), fontsize=size)
    ax.set_title(T.t("reg_panel_survey", lang) if name else title, fontsize=size + 1)
    ax.grid(axis="x", visible=False)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="upper left", bbox_to_anchor=(-0.1, -0.1), ncol=1, frameon=False, fontsize=size,
                  borderaxespad=0.0, handlelength=2.4)
    if two:
        low_ax = figure.add_axes([0.13, 0.3 / height, 0.83, 1.45 / height])
        low_ax.plot(weighing["year"], weighing["weighing"], marker="s", color=WEIGHING_LINE,
                    label=T.t("col_weighing", lang))
        weighing_years = sorted(int(y) for y in weighing["year"])
        step = 1 if len(weighing_years) <= 6 else 2
        low_ax.set_xticks(weighing_years[::step], [str(y) for y in weighing_years[::step]])
        low_ax.set_xlim(weighing_years[0] - 0.5, weighing_years[-1] + 0.5)
        low_ax.set_ylim(0, max(weighing["weighing"]) * 1.3)
        low_ax.yaxis.set_major_formatter(lambda value, _pos: T.number(value, lang, 0))
        low_ax.tick_params(labelsize=size)
        low_ax.set_ylabel(T.t("axis_pct", lang), fontsize=size)
        low_ax.set_title(T.t("reg_panel_weighing", lang), fontsize=size + 1)
        low_ax.grid(axis="x", visible=False)
        low_ax.spines[["top", "right"]].set_visible(False)
    return FigureBlock(figure, f"{title}: {len(trend)} years")


@_styled
def position_figure(predictions: pd.DataFrame, code: str, province_codes: list[str], lang: str,
                    title: str) -> FigureBlock:
    """Observed against model-expected stunting; the regency in red, its province in blue."""
    figure, ax = new_figure(width=5.0, height=4.2,
                            margins={"left": 0.12, "right": 0.97, "bottom": 0.12, "top": 0.92})
    same = predictions["bps_code"].isin(province_codes)
    this = predictions["bps_code"] == code
    ax.scatter(predictions.loc[~same, "expected"], predictions.loc[~same, "observed"], s=8,
               color=OTHER, label=T.t("legend_others", lang))
    ax.scatter(predictions.loc[same & ~this, "expected"], predictions.loc[same & ~this, "observed"],
               s=14, color=PEER, label=T.t("legend_province", lang))
    ax.scatter(predictions.loc[this, "expected"], predictions.loc[this, "observed"], s=60,
               color=HIGHLIGHT, edgecolor="black", zorder=3, label=code)
    low = float(np.nanmin(predictions[["expected", "observed"]].to_numpy()))
    high = float(np.nanmax(predictions[["expected", "observed"]].to_numpy()))
    ax.plot([low, high], [low, high], color="black", linewidth=0.8, linestyle="--")
    ax.set_xlabel(T.t("axis_expected", lang))
    ax.set_ylabel(T.t("axis_observed", lang))
    ax.set_title(title)
    ax.legend(loc="upper left")
    return FigureBlock(figure, f"{title}: {code} against {len(predictions)} regencies")


@_styled
def kbpp_stunting_scatter(cross: pd.DataFrame, lang: str, title: str,
                          highlight: list[str] | None = None) -> FigureBlock:
    """KBPP coverage against survey stunting, one dot per regency."""
    figure, ax = new_figure(width=5.5, height=4.0)
    rows = cross.loc[cross["kbpp_coverage_pct"].notna() & cross["stunting_survey_pct"].notna()]
    marked = rows["bps_code"].isin(highlight or [])
    ax.scatter(rows.loc[~marked, "kbpp_coverage_pct"], rows.loc[~marked, "stunting_survey_pct"],
               s=10, color=OTHER if marked.any() else PEER)
    if marked.any():
        ax.scatter(rows.loc[marked, "kbpp_coverage_pct"], rows.loc[marked, "stunting_survey_pct"],
                   s=16, color=PEER)
    ax.set_xlabel(T.t("axis_kbpp", lang))
    ax.set_ylabel(T.t("axis_stunting", lang))
    ax.set_title(title)
    return FigureBlock(figure, f"{title}: {len(rows)} regencies")


@_styled
def estimates_figure(comparison: pd.DataFrame, lang: str, title: str,
                     band: tuple[float, float] | None = None, band_label: str = "") -> FigureBlock:
    """A forest plot of the exposure effect of each model with its 95 % interval, and the
    literature's expected range as a shaded band when it is on the same scale."""
    rows = comparison.reset_index(drop=True)
    figure, ax = new_figure(width=6.5, height=max(2.0, 0.35 * len(rows) + 1.0))
    y = np.arange(len(rows))[::-1]
    labels = list(rows["model"])
    if band is not None:
        ax.axvspan(band[0], band[1], color="#f5b041", alpha=0.4, label=band_label)
        ax.legend(loc="lower right")
    ax.errorbar(rows["estimate"], y, xerr=[rows["estimate"] - rows["ci_low"],
                                           rows["ci_high"] - rows["estimate"]],
                fmt="o", color=PEER, ecolor="black", capsize=3)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(y, labels)
    ax.set_title(title)
    ax.grid(axis="y", visible=False)
    return FigureBlock(figure, f"{title}: {len(rows)} estimates")


@_styled
def histograms(cross: pd.DataFrame, columns: list[str], labels: list[str], title: str) -> FigureBlock:
    """One histogram per column, side by side."""
    figure, axes = new_figure(width=3.0 * len(columns), height=2.8, ncols=len(columns))
    axes = np.atleast_1d(axes)
    for ax, column, label in zip(axes, columns, labels):
        values = cross[column].dropna()
        ax.hist(values, bins=25, color=PEER)
        ax.set_title(label)
    figure.suptitle(title)
    return FigureBlock(figure, f"{title}: {', '.join(columns)}")


@_styled
def correlation_figure(matrix: pd.DataFrame, title: str) -> FigureBlock:
    """A heat map of a correlation matrix with the coefficients written in."""
    n = len(matrix)
    figure, ax = new_figure(width=1.0 + 0.8 * n, height=0.8 + 0.7 * n)
    image = ax.imshow(matrix.to_numpy(), vmin=-1, vmax=1, cmap="RdBu_r")
    ax.set_xticks(range(n), matrix.columns, rotation=45, ha="right")
    ax.set_yticks(range(n), matrix.index)
    ax.grid(False)
    for i in range(n):
        for j in range(n):
            ax.text(j, i, f"{matrix.iat[i, j]:.2f}", ha="center", va="center", fontsize=7)
    figure.colorbar(image, ax=ax, shrink=0.8)
    ax.set_title(title)
    return FigureBlock(figure, f"{title}: {n} x {n}")


@_styled
def lines_by_year(frame: pd.DataFrame, x: str, y: str, group: str, title: str, ylabel: str,
                  max_groups: int = 12) -> FigureBlock:
    """One line per group (e.g. province) over the years."""
    figure, ax = new_figure(height=3.6)
    for name, rows in list(frame.groupby(group, sort=True))[:max_groups]:
        ax.plot(rows[x], rows[y], marker=".", label=str(name))
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=7)
    return FigureBlock(figure, f"{title}: {frame[group].nunique()} groups")
