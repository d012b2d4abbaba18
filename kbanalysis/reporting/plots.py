"""Figures of the reports and notebooks, drawn without pyplot and rendered deterministically.

Figures are plain ``matplotlib.figure.Figure`` objects (no pyplot state to leak from one
report into the next in a warm kernel) wrapped in ``FigureBlock``, which renders PNG with a
fixed style, dpi and no metadata, so the same data give the same bytes, and whose plain
text (what nbval compares) is a short description rather than ``<Figure size ...>``.
"""
from __future__ import annotations

import functools
import io
import textwrap

import matplotlib
import matplotlib.text
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from .. import messages as T
from .labels import value_labels

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
FOCUS_DOT_AREA = 70  # the red dot of the page's own regency in a scatter, in pt^2
PEER = "#2e86c1"
OTHER = "#b3b6b7"
NAME_COLOUR = "#3d4852"  # names beside the scatter's dots
# A phone 390 px wide shows an image at most 358 px wide (the page keeps 16 px each side).
# Text stays at least 10 px there when its size in points is at least ~2 x the figure's
# width in inches (10 px = pt * dpi / 72 * 358 / (width * dpi)); ``text_px_on_phone`` checks.
PHONE_IMAGE_PX = 358
MIN_PHONE_TEXT_PX = 10.0
PHONE_WIDTH_IN = 4.8
PHONE_TEXT = {"font.size": 10.0, "axes.titlesize": 10.5, "axes.labelsize": 10.0,
              "xtick.labelsize": 10.0, "ytick.labelsize": 10.0, "legend.fontsize": 10.0}


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
    """A figure shown as PNG, with a plain-text description for text outputs.

    ``wide`` figures (maps) are shown at their natural size on a phone, scrolling sideways in
    their own box, instead of being shrunk until their names cannot be read; the flag travels
    to the HTML page as the image's metadata.
    """

    def __init__(self, figure: Figure, description: str, wide: bool = False):
        self.figure, self.description, self.wide = figure, description, wide

    def png(self) -> bytes:
        buffer = io.BytesIO()
        with matplotlib.rc_context(report_style()):
            self.figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
        return buffer.getvalue()

    def _repr_png_(self):
        return (self.png(), {WIDE_METADATA: True}) if self.wide else self.png()

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


WIDE_METADATA = "kbanalysis_wide"


def text_px_on_phone(block: FigureBlock) -> float:
    """The smallest text of ``block``'s figure in screen pixels on a 390 px phone: at its
    natural size for a wide figure, else with the image scaled down to the phone's width."""
    figure = block.figure
    figure.canvas.draw()
    sizes = [t.get_fontsize() for t in figure.findobj(matplotlib.text.Text)
             if t.get_visible() and t.get_text().strip()]
    width_px = figure.get_figwidth() * DPI
    scale = 1.0 if block.wide else min(1.0, PHONE_IMAGE_PX / width_px)
    return min(sizes) * DPI / 72 * scale if sizes else float("inf")


def tick_text(value: float, lang: str) -> str:
    """A tick label in the reader's convention (``2,5`` in Indonesian), no needless decimals."""
    for decimals in (0, 1, 2):
        if abs(value * 10 ** decimals - round(value * 10 ** decimals)) < 1e-6:
            return T.number(value, lang, decimals)
    return T.number(value, lang, 2)


def localise_ticks(ax, lang: str) -> None:
    """Both axes' tick labels with the decimal comma of Indonesian (or the point of English)."""
    formatter = FuncFormatter(lambda value, _position: tick_text(value, lang))
    ax.xaxis.set_major_formatter(formatter)
    ax.yaxis.set_major_formatter(formatter)


def phone_text(ax) -> None:
    """Tick labels, axis labels and title at the phone sizes of ``PHONE_TEXT`` (set on the
    artists themselves: ticks made at drawing time would otherwise take the base style)."""
    ax.tick_params(labelsize=PHONE_TEXT["xtick.labelsize"])
    ax.xaxis.label.set_fontsize(PHONE_TEXT["axes.labelsize"])
    ax.yaxis.label.set_fontsize(PHONE_TEXT["axes.labelsize"])
    ax.title.set_fontsize(PHONE_TEXT["axes.titlesize"])


def _phone_styled(draw):
    """Like ``_styled``, with text large enough to read when the image is shrunk to a phone."""
    def wrapper(*args, **kwargs):
        with matplotlib.rc_context({**report_style(), **PHONE_TEXT}):
            return draw(*args, **kwargs)
    wrapper.__name__, wrapper.__doc__ = draw.__name__, draw.__doc__
    return wrapper


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
    ax.yaxis.set_major_formatter(lambda value, _pos: tick_text(value, lang))
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
        low_ax.yaxis.set_major_formatter(lambda value, _pos: tick_text(value, lang))
        low_ax.tick_params(labelsize=size)
        low_ax.set_ylabel(T.t("axis_pct", lang), fontsize=size)
        low_ax.set_title(T.t("reg_panel_weighing", lang), fontsize=size + 1)
        low_ax.grid(axis="x", visible=False)
        low_ax.spines[["top", "right"]].set_visible(False)
    return FigureBlock(figure, T.t("ui_alt_years", lang, title=title, n=len(trend)))


@_phone_styled
def position_figure(predictions: pd.DataFrame, code: str, province_codes: list[str], lang: str,
                    title: str, name: str | None = None) -> FigureBlock:
    """Observed against model-expected stunting; the regency in red (named ``name``, else
    its code), its province in blue."""
    # The legend goes in a band under the x-axis label, outside the axes, where it can hide
    # no regency's dot (inside, "upper left" covered a point at the top of the cloud).
    height = 5.6  # four legend lines: the three groups and the diagonal
    figure, ax = new_figure(width=PHONE_WIDTH_IN, height=height,
                            margins={"left": 0.15, "right": 0.97, "bottom": 1.75 / height, "top": 0.93})
    same = predictions["bps_code"].isin(province_codes)
    this = predictions["bps_code"] == code
    # A group with no regency gets no legend entry (a model fitted on one province has no
    # "other regencies").
    for rows, style, label in ((~same, dict(s=8, color=OTHER), T.t("legend_others", lang)),
                               (same & ~this, dict(s=14, color=PEER), T.t("legend_province", lang)),
                               (this, dict(s=60, color=HIGHLIGHT, edgecolor="black", zorder=3), name or code)):
        if rows.any():
            ax.scatter(predictions.loc[rows, "expected"], predictions.loc[rows, "observed"], label=label,
                       **style)
    low = float(np.nanmin(predictions[["expected", "observed"]].to_numpy()))
    high = float(np.nanmax(predictions[["expected", "observed"]].to_numpy()))
    ax.plot([low, high], [low, high], color="black", linewidth=0.8, linestyle="--",
            label=T.t("legend_diagonal", lang))  # above the line: more stunting than expected
    ax.set_xlabel(T.t("axis_expected", lang))
    ax.set_ylabel(T.t("axis_observed", lang))
    ax.set_title(title)
    localise_ticks(ax, lang)
    phone_text(ax)
    figure.legend(*ax.get_legend_handles_labels(), loc="lower left", bbox_to_anchor=(0.02, 0.01),
                  frameon=False, fontsize=PHONE_TEXT["legend.fontsize"])
    return FigureBlock(figure, T.t("ui_alt_position", lang, title=title, name=name or code,
                                   n=len(predictions)))


def message_figure(title: str, message: str, description: str, wide: bool = False) -> FigureBlock:
    """A short figure that says, in words, why there is nothing to draw (no empty axes)."""
    return _MessageFigure(title, message, description, wide)


class _MessageFigure(FigureBlock):
    """A message figure, drawn when its figure is asked for; its PNG is made once per process
    for each title and message (many pages of a batch show the same one)."""

    _png: dict[tuple, bytes] = {}

    def __init__(self, title: str, message: str, description: str, wide: bool = False):
        self.title, self.message, self.description, self.wide = title, message, description, wide
        self._figure = None

    @property
    def figure(self) -> Figure:
        if self._figure is None:
            with matplotlib.rc_context({**report_style(), **PHONE_TEXT}):
                figure, ax = new_figure(width=PHONE_WIDTH_IN, height=1.0,
                                        margins={"left": 0.02, "right": 0.98, "bottom": 0.05, "top": 0.7})
                ax.set_axis_off()
                ax.set_xticks([])
                ax.set_yticks([])
                ax.set_title(self.title, loc="left", fontsize=PHONE_TEXT["axes.titlesize"])
                ax.text(0.0, 0.5, self.message, transform=ax.transAxes, ha="left", va="center", wrap=True,
                        fontsize=PHONE_TEXT["font.size"], color="#52606d")
            self._figure = figure
        return self._figure

    def png(self) -> bytes:
        key = (self.title, self.message)
        if key not in self._png:
            self._png[key] = super().png()
        return self._png[key]


def _year_span(years: list[int]) -> str:
    return "" if not years else str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def fit_band(x, y, grid, level: float = 0.95):
    """Least-squares line of ``y`` on ``x`` at ``grid`` with the pointwise ``level`` interval
    of the fitted mean: (fit, low, high)."""
    from scipy import stats

    x, y, grid = (np.asarray(v, dtype=float) for v in (x, y, grid))
    n = len(x)
    x_mean = x.mean()
    sxx = float(((x - x_mean) ** 2).sum())
    slope = float(((x - x_mean) * (y - y.mean())).sum()) / sxx
    intercept = y.mean() - slope * x_mean
    residual_sd = np.sqrt(float(((y - intercept - slope * x) ** 2).sum()) / (n - 2))
    half = stats.t.ppf(0.5 + level / 2, n - 2) * residual_sd * np.sqrt(1 / n + (grid - x_mean) ** 2 / sxx)
    fit = intercept + slope * grid
    return fit, fit - half, fit + half


@_phone_styled
def kbpp_stunting_scatter(cross: pd.DataFrame, lang: str, title: str,
                          highlight: list[str] | None = None, focus: str | None = None,
                          names: bool = False) -> FigureBlock:
    """KBPP coverage against survey stunting, one dot per regency, with the plain least-squares
    line of stunting on coverage alone and its 95 % band (labelled as unadjusted: the main model
    adjusts for covariates this plane cannot show); each axis names its year. ``highlight``:
    regencies drawn in blue (a province among others); ``focus``: the page's own regency, in
    red and named; ``names``: every dot's short name where it fits clear of dots and names
    (the block's ``named`` and ``shown`` count them)."""
    from . import sourcing

    # Bands under the axes, from the bottom: the source line (up to three lines), then the
    # legend, then the x-axis label; nothing over the dots.
    height = 6.2
    figure, ax = new_figure(width=PHONE_WIDTH_IN, height=height,
                            margins={"left": 0.15, "right": 0.97, "bottom": 1.95 / height, "top": 0.93})
    rows = cross.loc[cross["kbpp_coverage_pct"].notna() & cross["stunting_survey_pct"].notna()]
    if rows.empty:
        return message_figure(title, T.t("ui_scatter_empty", lang),
                              T.t("ui_alt_message", lang, title=title, message=T.t("ui_scatter_empty", lang)))
    marked = rows["bps_code"].isin(highlight or [])
    ax.scatter(rows.loc[~marked, "kbpp_coverage_pct"], rows.loc[~marked, "stunting_survey_pct"],
               s=12, color=OTHER if marked.any() else PEER)
    if marked.any():
        ax.scatter(rows.loc[marked, "kbpp_coverage_pct"], rows.loc[marked, "stunting_survey_pct"],
                   s=18, color=PEER)
    if len(rows) >= 3 and rows["kbpp_coverage_pct"].nunique() > 1:
        grid = np.linspace(rows["kbpp_coverage_pct"].min(), rows["kbpp_coverage_pct"].max(), 50)
        fit, low, high = fit_band(rows["kbpp_coverage_pct"], rows["stunting_survey_pct"], grid)
        ax.fill_between(grid, low, high, color=PEER, alpha=0.15, linewidth=0,
                        label=T.t("ui_fit_band", lang))
        ax.plot(grid, fit, color=PEER, linewidth=1.2, label=T.t("ui_fit_line", lang))
    point = rows.loc[rows["bps_code"] == focus] if focus else rows.iloc[:0]
    focus_xy = None
    if len(point):
        focus_xy = float(point["kbpp_coverage_pct"].iloc[0]), float(point["stunting_survey_pct"].iloc[0])
        ax.scatter([focus_xy[0]], [focus_xy[1]], s=FOCUS_DOT_AREA, color=HIGHLIGHT, edgecolor="black", zorder=4)
    simulated = sourcing.is_simulated(cross, "kbpp_coverage_pct")
    kbpp_year = _year_span(sourcing.shown_years(rows, "kbpp_coverage_pct"))
    survey_year = _year_span(sourcing.shown_years(rows, "stunting_survey_pct"))
    ax.set_xlabel(T.t("ui_axis_kbpp_year", lang, year=kbpp_year)
                  + (f" {T.t('simulated_tag', lang)}" if simulated else ""))
    ax.set_ylabel(T.t("ui_axis_stunting_year", lang, year=survey_year))
    ax.set_title(title)
    localise_ticks(ax, lang)
    phone_text(ax)
    if simulated:
        ax.text(0.5, 0.5, T.t("ui_simulated_word", lang), transform=ax.transAxes, ha="center",
                va="center", fontsize=32, color=HIGHLIGHT, alpha=0.25, rotation=15)
    if focus_xy is not None:
        # The name goes where it covers no dot and stays inside the axes (labels.place), once
        # the limits are fixed: a leader line, where one is drawn, must not rescale them.
        ax.set_xlim(*ax.get_xlim())
        ax.set_ylim(*ax.get_ylim())
        value_labels(ax, [focus_xy], [str(point["name"].iloc[0])], HIGHLIGHT, PHONE_TEXT["font.size"],
                     radius_pt=np.sqrt(FOCUS_DOT_AREA) / 2, fontweight="bold", gid="focus-label")
    named = 0
    if names:  # after the limits are fixed, as for the focus name
        from .maps import short_name
        ax.set_xlim(*ax.get_xlim())
        ax.set_ylim(*ax.get_ylim())
        named = value_labels(ax, list(zip(rows["kbpp_coverage_pct"], rows["stunting_survey_pct"])),
                             [short_name(n) for n in rows["name"]], NAME_COLOUR, PHONE_TEXT["font.size"],
                             radius_pt=np.sqrt(12) / 2, gid="name-label", only_clear=True)
    if len(rows) >= 3 and ax.get_legend_handles_labels()[0]:
        figure.legend(*ax.get_legend_handles_labels(), loc="upper left", bbox_to_anchor=(0.02, 1.35 / height),
                      frameon=False, fontsize=PHONE_TEXT["legend.fontsize"])
    source = sourcing.source_line(rows, ["stunting_survey_pct", "kbpp_coverage_pct"], lang)
    figure.text(0.02, 0.01, source, fontsize=PHONE_TEXT["font.size"], color="#52606d", ha="left",
                va="bottom", wrap=True)
    block = FigureBlock(figure, T.t("ui_alt_regencies", lang, title=title, n=len(rows)))
    block.named, block.shown = named, len(rows)
    return block


@_styled
def estimates_figure(comparison: pd.DataFrame, lang: str, title: str,
                     band: tuple[float, float] | None = None, band_label: str = "",
                     xlabel: str | None = None, names: list[str] | None = None,
                     main: list[bool] | None = None) -> FigureBlock:
    """A forest plot of the exposure effect of each model with its 95 % interval, and the
    literature's expected range as a shaded band when it is on the same scale.

    ``names`` (model names in words) are written above each row, across the plot's width,
    instead of as tick labels beside it, so long names keep the plot readable on a phone;
    ``main`` marks the main model's rows (bold, red); ``xlabel`` names the scale."""
    rows = comparison.reset_index(drop=True)
    y = np.arange(len(rows))[::-1].astype(float)
    if names is None:
        figure, ax = new_figure(width=6.5, height=max(2.0, 0.35 * len(rows) + 1.0))
    else:
        height = 0.62 * len(rows) + 1.3
        figure, ax = new_figure(width=5.2, height=height,
                                margins={"left": 0.07, "right": 0.96, "bottom": 0.8 / height,
                                         "top": 1 - 0.4 / height})
    main = list(main) if main is not None else [False] * len(rows)
    if band is not None:
        ax.axvspan(band[0], band[1], color="#f5b041", alpha=0.4, label=band_label)
        if names is None:
            ax.legend(loc="lower right")
        else:  # above the rows, where no label or interval can hide it
            ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), frameon=False, fontsize=10.5,
                      borderaxespad=0.2)
    for i, row in rows.iterrows():
        colour = HIGHLIGHT if main[i] else PEER
        ax.errorbar([row["estimate"]], [y[i]], xerr=[[row["estimate"] - row["ci_low"]],
                                                     [row["ci_high"] - row["estimate"]]],
                    fmt="o", color=colour, ecolor=colour if main[i] else "black", capsize=3,
                    markersize=7 if main[i] else 5)
    ax.axvline(0, color="black", linewidth=0.8)
    if names is None:
        ax.set_yticks(y, list(rows["model"]))
    else:
        ax.set_yticks([])
        ax.set_ylim(-0.7, len(rows) - 0.2)
        renderer = figure.canvas.get_renderer()
        room = ax.get_window_extent(renderer).width * 0.98
        for i, name in enumerate(names):
            label = ax.text(0.01, y[i] + 0.42, name, transform=ax.get_yaxis_transform(), fontsize=10.5,
                            va="center", ha="left", color=HIGHLIGHT if main[i] else "black",
                            fontweight="bold" if main[i] else "normal", zorder=4,
                            bbox={"boxstyle": "square,pad=0.05", "facecolor": "white", "edgecolor": "none",
                                  "alpha": 0.85})
            width = label.get_window_extent(renderer).width
            if width > room:  # a long name goes on two lines (never cut, never smaller on a phone)
                label.set_text(textwrap.fill(name, int(len(name) * room / width)))
                label.set_linespacing(1.0)
        ax.tick_params(labelsize=10.5)
        ax.xaxis.set_major_formatter(lambda value, _pos: T.number(value, lang, 2))
    if xlabel:
        ax.set_xlabel(xlabel, fontsize=10.5 if names is not None else None)
    if names is None:
        ax.set_title(title)
    ax.grid(axis="y", visible=False)
    return FigureBlock(figure, T.t("ui_alt_estimates", lang, title=title, n=len(rows)))


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
