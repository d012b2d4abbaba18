"""Figures of the province and national pages: the official trend and the SIGA months.

Drawn like :mod:`.plots` (no pyplot, fixed style, deterministic PNG), about 5 inches wide
with 10.5-point text, so that shrunk to a 390 px phone the smallest text stays about 10 px.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .. import messages as T
from .labels import value_labels
from .maps import short_name
from .plots import DPI, FigureBlock, _styled, new_figure, tick_text

WIDTH_IN = 5.2
TEXT_PT = 10.5
PROVINCE_LINE = "#1f4e79"
NATIONAL_LINE = "#000000"
WEIGHING_LINE = "#6c7a3a"
TARGET_LINE = "#2f855a"  # the stunting target, as on the regency trend chart
# Colour-blind-safe (Okabe-Ito) colours, one per regency of a province's SIGA lines.
LINE_COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000")


def _number_axis(ax, lang: str) -> None:
    # a tick at 7.5 reads "7,5", never a rounded "8"
    ax.yaxis.set_major_formatter(lambda value, _pos: tick_text(value, lang))
    ax.tick_params(labelsize=TEXT_PT)
    ax.grid(axis="x", visible=False)


@_styled
def province_trend_figure(points: pd.DataFrame, lang: str, title: str, name: str,
                          national: pd.DataFrame | None = None,
                          weighing: pd.DataFrame | None = None,
                          target: tuple[float, str] | None = None) -> FigureBlock:
    """The official province survey series (``points``: ``year, value``; NaN = not
    available, marked on the axis), the national series as a reference line, and routine
    weighing (``weighing``: ``bps_code, year, value``, one line per regency) in a panel of
    its own below, never on the survey axis. ``target``: (percent, legend text naming its
    document), a horizontal line."""
    have = points.loc[points["value"].notna()]
    lacking = points.loc[points["value"].isna()]
    two = weighing is not None and len(weighing) > 0
    height = 7.2 if two else 4.2
    top_bottom = 3.5 / height if two else 0.95 / height
    figure, ax = new_figure(width=WIDTH_IN, height=height,
                            margins={"left": 0.13, "right": 0.96, "bottom": top_bottom,
                                     "top": 1 - 0.45 / height})
    ax.plot(have["year"], have["value"], color=PROVINCE_LINE, marker="o", markersize=7, linewidth=1.4,
            label=name, zorder=3)
    values = list(have["value"])
    if national is not None and len(national):
        ax.plot(national["year"], national["value"], color=NATIONAL_LINE, linestyle=":", marker=".",
                linewidth=1.2, label=T.t("prov_national_legend", lang), zorder=2)
        values += list(national["value"])
    if target is not None:
        ax.axhline(target[0], color=TARGET_LINE, linestyle="--", linewidth=1.2, label=target[1],
                   zorder=1)
        values.append(target[0])
    top = max(values + [10.0]) * 1.3
    for year in lacking["year"]:
        ax.annotate(T.t("not_available", lang), (year, top * 0.06), ha="center",
                    fontsize=TEXT_PT, color="#52606d", rotation=90, va="bottom")
    years = sorted(int(y) for y in points["year"])
    if years:
        ax.set_xticks(years, [str(y) for y in years])
        ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
    ax.set_ylim(0, top)
    # Value labels last, once everything they must avoid is drawn: the national points and
    # line, the target line, each other.
    value_labels(ax, list(zip(have["year"], have["value"])), [T.number(v, lang, 1) for v in have["value"]],
                 PROVINCE_LINE, TEXT_PT, radius_pt=3.5)
    ax.set_ylabel(T.t("axis_stunting", lang), fontsize=TEXT_PT)
    ax.set_title(title, fontsize=TEXT_PT + 0.5)
    _number_axis(ax, lang)
    ax.legend(loc="upper left", bbox_to_anchor=(-0.1, -0.1), frameon=False, fontsize=TEXT_PT,
              borderaxespad=0.0)
    if two:
        low = figure.add_axes([0.13, 0.35 / height, 0.83, 1.9 / height])
        for _code, rows in weighing.groupby("bps_code", sort=True):
            rows = rows.sort_values("year")
            low.plot(rows["year"], rows["value"], color=WEIGHING_LINE, alpha=0.5, linewidth=0.9, marker=".")
        weighing_years = sorted({int(y) for y in weighing["year"]})
        step = 1 if len(weighing_years) <= 6 else 2
        low.set_xticks(weighing_years[::step], [str(y) for y in weighing_years[::step]])
        low.set_ylim(0, float(weighing["value"].max()) * 1.3)
        low.set_ylabel(T.t("axis_pct", lang), fontsize=TEXT_PT)
        low.set_title(T.t("prov_weighing_title", lang), fontsize=TEXT_PT + 0.5)
        low.spines[["top", "right"]].set_visible(False)
        _number_axis(low, lang)
    return FigureBlock(figure, T.t("ui_alt_years_official", lang, title=title, n=len(have), total=len(points)))


@_styled
def programme_months_figure(months: pd.DataFrame, names: dict[str, str], labels: dict[str, str],
                            lang: str, title: str) -> FigureBlock:
    """One panel per SIGA indicator (``labels``: indicator -> panel title), one line per
    regency (``names``: code -> name) over the months, with the regency names in a legend."""
    indicators = [i for i in labels if (months["indicator"] == i).any()]
    panel_in = 2.3
    legend_in = 0.24 * math.ceil(len(names) / 2) + 0.2
    height = panel_in * len(indicators) + legend_in + 0.5
    figure = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = list(np.atleast_1d(figure.subplots(len(indicators), 1, sharex=True)))
    figure.subplots_adjust(left=0.13, right=0.97, top=1 - 0.3 / height,
                           bottom=(legend_in + 0.4) / height, hspace=0.45)
    codes = sorted(names)
    for ax, indicator in zip(axes, indicators):
        rows = months.loc[months["indicator"] == indicator]
        for i, code in enumerate(codes):
            own = rows.loc[rows["bps_code"] == code].sort_values(["year", "month"])
            if len(own):
                ax.plot(own["month"], own["value"], marker=".", linewidth=1.3,
                        color=LINE_COLOURS[i % len(LINE_COLOURS)], label=short_name(names[code]))
        ax.set_title(labels[indicator], fontsize=TEXT_PT)
        ax.set_ylabel("%", fontsize=TEXT_PT)
        _number_axis(ax, lang)
    months_shown = sorted({int(m) for m in months["month"]})
    axes[-1].set_xticks(months_shown, [T.MONTHS[lang][m - 1][:3] for m in months_shown])
    axes[-1].tick_params(labelsize=TEXT_PT)
    handles, legend_labels = axes[0].get_legend_handles_labels()
    figure.legend(handles, legend_labels, loc="lower left", bbox_to_anchor=(0.02, 0.01), ncol=2,
                  frameon=False, fontsize=TEXT_PT)
    return FigureBlock(figure, T.t("ui_alt_months", lang, title=title, n=len(codes), k=len(indicators)))
