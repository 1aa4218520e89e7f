"""Matplotlib views of claims about one quantity: a forest plot and a timeline.

Both take ``ax=`` (a new figure is made without one), draw on it and return it. Every mark carries a
``gid`` naming what it shows ("exact", "approx", "tolerance", "range", "bound", "at_least",
"at_most", "consensus", "contradiction", "series", "interval"), so figures can be styled or checked.

Examples
--------
>>> from analysis.schema import figures_frame
>>> rows = figures_frame([
...     {"measure": "troops", "value": 10000.0, "low": 10000.0, "qualifier": "at_least", "actor": "North Korea",
...      "claimant": "Pentagon", "source": "AFP", "published": "2024-11-04"},
...     {"measure": "troops", "value": 11000.0, "low": 10000.0, "high": 12000.0, "qualifier": "range",
...      "actor": "North Korea", "claimant": "NIS", "source": "AP", "published": "2024-11-10"}])
>>> ax = plot_estimates(rows)
>>> [label.get_text() for label in ax.get_yticklabels()]
['NIS (AP, 2024-11-10)', 'Pentagon (AFP, 2024-11-04)']
"""
from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.markers import CARETDOWNBASE, CARETUPBASE
from matplotlib.patches import FancyArrowPatch

from analysis.compare import APPROX_TOLERANCE, claim_bounds, claim_dates, compare
from analysis.schema import MEASURE_UNITS

__all__ = ["plot_estimates", "plot_timeline"]

COLOR = "C0"
BAND_COLOR = "C2"
CONTRADICTION_COLOR = "red"
MIN_BAND = 0.01  # narrowest shaded band, as a share of the axis
PAD = 0.12  # share of the data's span left blank on each side, so arrows have room to point


def plot_estimates(table: pd.DataFrame, *, ax: Axes | None = None, tolerance: float = APPROX_TOLERANCE,
                   title: str | None = None) -> Axes:
    """Forest plot of estimates of one quantity: one line per claim, the interval they share shaded.

    Exact values are dots, ranges bars, approximate values hollow dots with a bar of ±``tolerance``,
    open bounds arrows to the edge of the axes (at_least to the right, at_most to the left). The
    interval that all claims allow is shaded; when there is none a red note says the claims contradict.
    Lines are labelled "claimant (source, date)", earliest at the top.

    Parameters
    ----------
    table : DataFrame
        The output of :func:`analysis.compare.compare`, or a figures table (plot only one quantity).
    ax : Axes, optional
        Where to draw; a new figure is made if missing.
    tolerance : float, default 0.1
        Relative width given to approximate values, as in :func:`analysis.compare.consensus`.
    title : str, optional
        Axes title.

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> rows = figures_frame([{"measure": "killed", "value": 53.0, "qualifier": "exact", "source": "KI",
    ...                        "published": "2024-09-04"}])
    >>> [a.get_gid() for a in plot_estimates(rows).patches]
    ['consensus']
    """
    ax = ax if ax is not None else plt.subplots()[1]
    rows = _estimates(table)
    if title:
        ax.set_title(title)
    if rows.empty:
        return _nothing(ax, "no estimates to plot")
    bounds = claim_bounds(rows, tolerance=tolerance)
    left, right = _xlimits(rows, bounds)
    ax.set_xlim(left, right)
    n = len(rows)
    for i, (row, lo, hi) in enumerate(zip(rows.itertuples(index=False), bounds["lo"], bounds["hi"], strict=True)):
        _draw_claim(ax, row, lo=lo, hi=hi, y=n - 1 - i, left=left, right=right)
    _draw_agreement(ax, low=bounds["lo"].max(), high=bounds["hi"].min(), left=left, right=right)
    ax.set_yticks(range(n), [_label(row) for row in rows.itertuples(index=False)][::-1])
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_xlabel(_axis_label(rows))
    return ax


def plot_timeline(figures: pd.DataFrame, *, measure: str, actor: str | None = None, location: str | None = None,
                  ax: Axes | None = None) -> Axes:
    """How the estimates of one measure evolved: one series per claimant, by date.

    The date is the event date, else the publication date. Each claimant's values are joined by a line
    with dots; ranges are vertical bars from low to high, open bounds caret markers (^ for "at least",
    v for "at most"). ``actor`` and ``location`` filter as in :func:`analysis.compare.compare`.

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> rows = figures_frame([
    ...     {"measure": "troops", "value": 3000.0, "qualifier": "approx", "actor": "North Korea",
    ...      "claimant": "NIS", "source": "AP", "published": "2024-10-23"},
    ...     {"measure": "troops", "value": 12000.0, "qualifier": "approx", "actor": "North Korea",
    ...      "claimant": "NIS", "source": "Yonhap", "published": "2024-12-20"}])
    >>> [text.get_text() for text in plot_timeline(rows, measure="troops").get_legend().get_texts()]
    ['NIS']
    """
    ax = ax if ax is not None else plt.subplots()[1]
    table = compare(figures, measure=measure, actor=actor, location=location)
    table = table.loc[table["date"].notna() & _position(table).notna()]
    ax.set_title(" · ".join(str(part) for part in (measure, actor, location) if part))
    ax.set_ylabel(f"{measure} ({MEASURE_UNITS[measure]})")
    if table.empty:
        return _nothing(ax, "no dated figures to plot")
    voices = table["claimant"].astype("string").fillna(table["source"].astype("string") + " (unattributed)")
    groups = table.groupby(voices.fillna("unattributed"), sort=True)
    colors = plt.get_cmap("tab10" if groups.ngroups <= 10 else "tab20").colors
    for k, (voice, series) in enumerate(groups):
        _draw_series(ax, series.sort_values("date", kind="stable"), label=str(voice), color=colors[k % len(colors)])
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.legend(loc="best", fontsize="small")
    return ax


def _estimates(table: pd.DataFrame) -> pd.DataFrame:
    """Rows that can be drawn, with a ``date``, in reading order."""
    rows = table if "date" in table else table.assign(date=claim_dates(table))
    rows = rows.loc[_position(rows).notna()]
    return rows.sort_values(["date", "claimant", "source"], na_position="last", kind="stable").reset_index(drop=True)


def _position(rows: pd.DataFrame) -> pd.Series:
    """Where to put a figure on the value axis: its value, else the middle of what it bounds."""
    low, high = rows["low"].astype("float64"), rows["high"].astype("float64")
    return rows["value"].astype("float64").fillna((low + high) / 2).fillna(low).fillna(high)


def _xlimits(rows: pd.DataFrame, bounds: pd.DataFrame) -> tuple[float, float]:
    """Limits around every finite bound and value; the 0 that "at most" implies does not count."""
    at_most = rows["qualifier"].astype("object").eq("at_most").to_numpy()
    points = np.concatenate([_position(rows).to_numpy(), bounds["lo"].to_numpy()[~at_most], bounds["hi"].to_numpy()])
    points = points[np.isfinite(points)]
    low, high = float(points.min()), float(points.max())
    pad = PAD * (high - low) if high > low else PAD * max(abs(high), 1.0)
    left = low - pad
    if low >= 0:
        left = max(left, 0.0)
    return left, high + pad


def _draw_claim(ax: Axes, row: object, *, lo: float, hi: float, y: float, left: float, right: float) -> None:
    qualifier = row.qualifier if isinstance(row.qualifier, str) else "exact"
    value = row.value if pd.notna(row.value) else (lo if np.isfinite(lo) else hi)
    if qualifier == "range":
        ax.hlines(y, lo, hi, colors=COLOR, linewidth=4, gid="range")
    elif qualifier == "approx":
        ax.hlines(y, lo, hi, colors=COLOR, linewidth=1, gid="tolerance")
        ax.plot([value], [y], "o", color=COLOR, markerfacecolor="white", gid="approx")
    elif qualifier in ("at_least", "at_most"):
        start, edge = (lo, right) if qualifier == "at_least" else (hi, left)
        ax.plot([start], [y], "|", color=COLOR, markersize=10, gid="bound")
        ax.add_patch(FancyArrowPatch((start, y), (edge, y), arrowstyle="-|>", mutation_scale=12, color=COLOR,
                                     shrinkA=0, shrinkB=0, gid=qualifier))
    else:
        ax.plot([value], [y], "o", color=COLOR, gid="exact")


def _draw_agreement(ax: Axes, *, low: float, high: float, left: float, right: float) -> None:
    if low <= high:
        low, high = max(low, left), min(high, right)
        # A band of one value (an exact figure everyone allows) would have no width: widen it to be seen.
        half = max(0.0, MIN_BAND * (right - left) - (high - low)) / 2
        ax.axvspan(low - half, high + half, color=BAND_COLOR, alpha=0.25, linewidth=0, zorder=0,
                   gid="consensus", label="allowed by every claim")
    else:
        # Above the axes, right-aligned: inside, it would cover the marks.
        ax.text(1.0, 1.01, "claims contradict: no value fits them all", transform=ax.transAxes, ha="right",
                va="bottom", fontsize="small", color=CONTRADICTION_COLOR, gid="contradiction")


def _draw_series(ax: Axes, series: pd.DataFrame, *, label: str, color: tuple[float, ...]) -> None:
    dates = series["date"].to_numpy()
    values = _position(series).to_numpy()
    qualifier = series["qualifier"].astype("object").fillna("exact").to_numpy()
    points = [i for i, q in enumerate(qualifier) if q in ("exact", "approx")]
    ax.plot(dates, values, "-o", color=color, markevery=points, label=label, gid="series")
    ranged = qualifier == "range"
    if ranged.any():
        ax.vlines(dates[ranged], series["low"].to_numpy()[ranged], series["high"].to_numpy()[ranged],
                  colors=color, linewidth=3, gid="interval")
    for kind, marker in (("at_least", CARETUPBASE), ("at_most", CARETDOWNBASE)):
        mask = qualifier == kind
        if mask.any():
            ax.plot(dates[mask], values[mask], linestyle="none", marker=marker, markersize=10, color=color, gid=kind)


def _label(row: object) -> str:
    claimant = row.claimant if isinstance(row.claimant, str) else "unattributed"
    where = [str(row.source) if isinstance(row.source, str) else None,
             row.date.strftime("%Y-%m-%d") if pd.notna(row.date) else None]
    where = [part for part in where if part]
    return f"{claimant} ({', '.join(where)})" if where else claimant


def _axis_label(rows: pd.DataFrame) -> str:
    measures = rows["measure"].dropna().astype("object").unique() if "measure" in rows else []
    if len(measures) == 1:
        return f"{measures[0]} ({MEASURE_UNITS.get(measures[0], '')})"
    return "value"


def _nothing(ax: Axes, message: str) -> Axes:
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", color="grey", gid="empty")
    ax.set_yticks([])
    return ax
