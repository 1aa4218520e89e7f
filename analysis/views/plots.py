"""Matplotlib views of claims about one quantity: a forest plot and a timeline.

Both take ``ax=`` (a new figure is made without one), draw on it and return it. Every mark carries a
``gid`` naming what it shows ("exact", "approx", "tolerance", "range", "bound", "at_least",
"at_most", "consensus", "contradiction", "series", "same_date", "interval"), so figures can be styled
or checked.

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
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
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
NOTE_ROOM = 0.8  # rows of blank space kept above the top claim for the "claims contradict" note
# Claimants' markers, cycled with the colours; carets are left out, they mean "at least" and "at most".
MARKERS = ("o", "s", "D", "P", "X", "h", "p", "*")
KEY_COLOR = "0.35"


def plot_estimates(table: pd.DataFrame, *, ax: Axes | None = None, tolerance: float = APPROX_TOLERANCE,
                   title: str | None = None) -> Axes:
    """Forest plot of estimates of one quantity: one line per claim, the interval they share shaded.

    Exact values are dots, ranges bars, approximate values hollow dots with a bar of ±``tolerance``,
    open bounds arrows to the edge of the axes (at_least to the right, at_most to the left). The
    interval that all claims allow is shaded; when there is none a red note, in a strip kept free at
    the top of the axes, says the claims contradict. Lines are labelled "claimant (source, published date)",
    followed by "; event <date>" when the figure is about another day than its publication; the
    earliest is at the top. The value axis keeps a margin below the smallest value, even at 0.

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
    agreed = _draw_agreement(ax, low=bounds["lo"].max(), high=bounds["hi"].min(), left=left, right=right)
    ax.set_yticks(range(n), [_label(row) for row in rows.itertuples(index=False)][::-1])
    ax.set_ylim(-0.7, n - 0.3 + (0 if agreed else NOTE_ROOM))
    ax.set_xlabel(_axis_label(rows))
    return ax


def plot_timeline(figures: pd.DataFrame, *, measure: str, actor: str | None = None, location: str | None = None,
                  ax: Axes | None = None) -> Axes:
    """How the estimates of one measure evolved: one series per claimant, by date.

    The date is the event date, else the publication date. Each claimant has its own colour and
    marker; its line runs through one value per date (the largest), and the claimant's other values on
    that date are markers only (gid "same_date"). Ranges are thick pale bars from low to high with
    caps, open bounds caret markers (^ for "at least", v for "at most"). The claimants' legend sits
    outside the axes, on the right, above a key to the bars and carets. ``actor`` and ``location``
    filter as in :func:`analysis.compare.compare`.

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
    colors = _palette(groups.ngroups)
    for k, (voice, series) in enumerate(groups):
        _draw_series(ax, series, label=str(voice), color=colors[k % len(colors)], marker=MARKERS[k % len(MARKERS)])
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    _timeline_legends(ax, set(table["qualifier"].astype("object").dropna()))
    return ax


def _palette(n: int) -> list[tuple[float, ...]]:
    """``n`` distinct colours (repeating past 20): tab10, or tab20's dark shades then its light ones.

    tab20 lists each hue dark then light; taken in that order, neighbouring claimants would get two
    shades of one hue.
    """
    if n <= 10:
        return list(plt.get_cmap("tab10").colors)
    tab20 = plt.get_cmap("tab20").colors
    return [*tab20[0::2], *tab20[1::2]]


def _timeline_legends(ax: Axes, qualifiers: set[str]) -> None:
    """Claimants upper right outside the axes (``ax.get_legend()``), a key to the marks below them."""
    keys = [("range", "range (low to high)", {"marker": "|", "markersize": 14, "markeredgewidth": 5,
                                              "alpha": 0.4}),
            ("at_least", "at least", {"marker": CARETUPBASE, "markersize": 9}),
            ("at_most", "at most", {"marker": CARETDOWNBASE, "markersize": 9})]
    handles = [Line2D([], [], linestyle="none", color=KEY_COLOR, label=label, **style)
               for qualifier, label, style in keys if qualifier in qualifiers]
    if handles:
        key = Legend(ax, handles, [h.get_label() for h in handles], loc="lower left", bbox_to_anchor=(1.02, 0),
                     borderaxespad=0, fontsize="small")
        ax.add_artist(key)
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1), borderaxespad=0, fontsize="small", title="claimant",
              title_fontsize="small")


def _estimates(table: pd.DataFrame) -> pd.DataFrame:
    """Rows that can be drawn, with a ``date``, in reading order."""
    rows = table if "date" in table else table.assign(date=claim_dates(table))
    rows = rows.loc[_position(rows).notna()]
    order = [c for c in ("date", "published", "claimant", "source") if c in rows]
    return rows.sort_values(order, na_position="last", kind="stable").reset_index(drop=True)


def _position(rows: pd.DataFrame) -> pd.Series:
    """Where to put a figure on the value axis: its value, else the middle of what it bounds."""
    low, high = rows["low"].astype("float64"), rows["high"].astype("float64")
    return rows["value"].astype("float64").fillna((low + high) / 2).fillna(low).fillna(high)


def _xlimits(rows: pd.DataFrame, bounds: pd.DataFrame) -> tuple[float, float]:
    """Limits around every finite bound and value; the 0 that "at most" implies does not count.

    Counts are never negative, so the margin below a small positive value is halved rather than
    cut at 0: a value of 3 must not sit on the axis line.
    """
    at_most = rows["qualifier"].astype("object").eq("at_most").to_numpy()
    points = np.concatenate([_position(rows).to_numpy(), bounds["lo"].to_numpy()[~at_most], bounds["hi"].to_numpy()])
    points = points[np.isfinite(points)]
    low, high = float(points.min()), float(points.max())
    pad = PAD * (high - low) if high > low else PAD * max(abs(high), 1.0)
    left = low - pad
    if low >= 0:
        left = max(left, -pad / 2)
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


def _draw_agreement(ax: Axes, *, low: float, high: float, left: float, right: float) -> bool:
    """Shade what every claim allows, or note that nothing does; whether the claims agree."""
    if low <= high:
        low, high = max(low, left), min(high, right)
        # A band of one value (an exact figure everyone allows) would have no width: widen it to be seen.
        half = max(0.0, MIN_BAND * (right - left) - (high - low)) / 2
        ax.axvspan(low - half, high + half, color=BAND_COLOR, alpha=0.25, linewidth=0, zorder=0,
                   gid="consensus", label="allowed by every claim")
        return True
    # Inside the axes, in the strip plot_estimates keeps free above the top claim: above the axes it
    # would run into a title set by the caller.
    ax.text(0.99, 0.96, "claims contradict: no value fits them all", transform=ax.transAxes, ha="right",
            va="top", fontsize="small", color=CONTRADICTION_COLOR, gid="contradiction",
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.9, "pad": 1.5})
    return False


def _draw_series(ax: Axes, series: pd.DataFrame, *, label: str, color: tuple[float, ...], marker: str) -> None:
    rows = series.assign(position=_position(series), qualifier=series["qualifier"].astype("object").fillna("exact"))
    rows = rows.sort_values(["date", "position"], ascending=[True, False], kind="stable")
    # One point per date: a line through two values of one day would stand upright like a range bar.
    lead = rows.drop_duplicates("date")
    marked = [i for i, q in enumerate(lead["qualifier"]) if q in ("exact", "approx")]
    ax.plot(lead["date"].to_numpy(), lead["position"].to_numpy(), "-", marker=marker, markevery=marked,
            color=color, label=label, gid="series")
    others = rows.drop(lead.index)
    others = others.loc[others["qualifier"].isin(["exact", "approx"])]
    if not others.empty:
        ax.plot(others["date"].to_numpy(), others["position"].to_numpy(), linestyle="none", marker=marker,
                color=color, gid="same_date")
    dates, qualifier = rows["date"].to_numpy(), rows["qualifier"].to_numpy()
    ranged = qualifier == "range"
    if ranged.any():
        low, high = rows["low"].to_numpy()[ranged], rows["high"].to_numpy()[ranged]
        ax.vlines(dates[ranged], low, high, colors=color, linewidth=5, alpha=0.4, gid="interval")
        ax.plot(np.concatenate([dates[ranged]] * 2), np.concatenate([low, high]), linestyle="none", marker="_",
                markersize=10, color=color, gid="cap")
    for kind, caret in (("at_least", CARETUPBASE), ("at_most", CARETDOWNBASE)):
        mask = qualifier == kind
        if mask.any():
            ax.plot(dates[mask], rows["position"].to_numpy()[mask], linestyle="none", marker=caret, markersize=10,
                    color=color, gid=kind)


def _label(row: object) -> str:
    """'NIS (AP, 2024-11-10)': the publication date; 'NIS (AP, 2024-11-10; event 2024-11-08)' if it differs."""
    claimant = row.claimant if isinstance(row.claimant, str) else "unattributed"
    published = _day(getattr(row, "published", None))
    event = _day(getattr(row, "event_date", None))
    if published and event and event != published:
        when = f"{published}; event {event}"
    elif published or event:
        when = published or f"event {event}"
    else:
        when = _day(row.date)
    where = [part for part in (row.source if isinstance(row.source, str) else None, when) if part]
    return f"{claimant} ({', '.join(where)})" if where else claimant


def _day(value: object) -> str | None:
    return pd.Timestamp(value).strftime("%Y-%m-%d") if value is not None and pd.notna(value) else None


def _axis_label(rows: pd.DataFrame) -> str:
    measures = rows["measure"].dropna().astype("object").unique() if "measure" in rows else []
    if len(measures) == 1:
        return f"{measures[0]} ({MEASURE_UNITS.get(measures[0], '')})"
    return "value"


def _nothing(ax: Axes, message: str) -> Axes:
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", color="grey", gid="empty")
    ax.set_yticks([])
    return ax
