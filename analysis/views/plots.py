"""Matplotlib views of claims about one quantity: a forest plot and a timeline, fit to publish.

Both take ``ax=`` (a new figure is made without one), draw on it and return it. Each has a title,
a subtitle, a legend for every encoding and a source line (:mod:`analysis.views.style`); the value
axis starts at 0 (counts are never negative) and has thousands separators. Colour is the side the
claimant speaks for (``claimant_side``), shape the qualifier; superseded claims and outliers are
faint. Every mark carries a ``gid`` naming what it shows ("exact", "approx", "range", "bound",
"at_least", "at_most", "consensus", "contradiction", "revision"), so figures can be styled or checked.

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
['Pentagon · AFP · 4 Nov 2024', 'NIS · AP · 10 Nov 2024']
"""
from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.markers import CARETDOWNBASE, CARETUPBASE
from matplotlib.patches import FancyArrowPatch, Patch, Rectangle

from analysis.checks import require_columns
from analysis.compare import APPROX_TOLERANCE, claim_bounds, claim_dates, claims, compare, point_values
from analysis.schema import MEASURE_UNITS
from analysis.views.style import headline, side_color, side_label, source_line, thousands

__all__ = ["plot_estimates", "plot_timeline"]

BAND_COLOR = "#4daf4a"
CONTRADICTION_COLOR = "#d62728"
FAINT = 0.3  # alpha of superseded claims and outliers
MIN_BAND = 0.01  # narrowest shaded band, as a share of the axis
HEADROOM = 0.12  # share of the largest value left blank on the right, so arrows have room to point
COUNTED_WIDTH = 26  # characters of the "counted" phrase kept in a row label
UNIT_NAMES = {"person": "people", "km": "km", "km2": "km²", "unit": "units", "item": "items", "day": "days"}
KEY = "0.3"
FADED = ("superseded", "outlier")


def plot_estimates(table: pd.DataFrame, *, ax: Axes | None = None, tolerance: float = APPROX_TOLERANCE,
                   title: str | None = None, subtitle: str | None = None) -> Axes:
    """Forest plot of the claims about one quantity: one row per distinct claim.

    Exact values are dots, approximate ones hollow dots (no whiskers: "about 3,000" states no
    interval), ranges bars, open bounds arrows from the bound to the edge of the axis ("at least"
    to the right, "up to" down to 0). Rows are labelled "claimant · outlet · date · what was
    counted", earliest at the top; with claim groups (the output of :func:`analysis.compare.claims`
    passed through :func:`analysis.compare.compare`) they are ordered group by group, a claim that
    contradicts another claimant's at the same time is ringed in red, a thin line separates groups,
    superseded claims and outliers are faint, and the interval that every standing claim of a group allows is shaded,
    only where two claims or more stand and agree.

    Parameters
    ----------
    table : DataFrame
        The output of :func:`analysis.compare.compare`, or a figures table (plot only one quantity).
    ax : Axes, optional
        Where to draw; a new figure is made if missing.
    tolerance : float, default 0.1
        Relative width given to approximate values when intersecting claims, as in
        :func:`analysis.compare.consensus` (it is not drawn).
    title, subtitle : str, optional
        Replace the title ("<measure> of <actor>: the claims") and the subtitle.

    Returns
    -------
    matplotlib Axes
        The plot, with a title, a subtitle, a legend and a source line; a note "no estimates to plot"
        when ``table`` has no claim to draw.

    Raises
    ------
    TypeError
        If ``table`` is not a DataFrame.
    ValueError
        If ``table`` lacks a column a claim needs (``measure``, ``value``, ``low``, ``high``,
        ``qualifier``), or ``tolerance`` is not a number >= 0.

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> rows = figures_frame([{"measure": "killed", "value": 53.0, "qualifier": "exact", "source": "KI",
    ...                        "published": "2024-09-04"}])
    >>> ax = plot_estimates(rows)
    >>> ax.get_title(loc="left"), float(ax.get_xlim()[0])
    ('Killed: the claims', 0.0)
    """
    ax = ax if ax is not None else plt.subplots(figsize=(9, 5))[1]
    rows = _estimates(table)
    ax.set_xlabel(_axis_label(rows))
    headline(ax, title or _title(rows, "the claims"), subtitle or _estimates_subtitle(rows), source_line(rows))
    if rows.empty:
        return _nothing(ax, "no estimates to plot")
    bounds = claim_bounds(rows, tolerance=tolerance)
    right = _right_edge(rows, bounds)
    ax.set_xlim(0.0, right)
    n = len(rows)
    ys = np.arange(n)[::-1].astype(float)
    for row, lo, hi, y in zip(rows.itertuples(index=False), bounds["lo"], bounds["hi"], ys, strict=True):
        _draw_claim(ax, row, lo=lo, hi=hi, y=y, right=right)
    banded = _draw_bands(ax, rows, bounds, ys, right=right)
    if "claim_id" in rows:  # a thin line between claim groups: rows above and below it are other times
        ids = rows["claim_id"].astype("Int64").fillna(-1).to_numpy()
        for y in ys[1:][ids[1:] != ids[:-1]]:
            ax.axhline(y + 0.5, color="0.8", linewidth=0.6, gid="group")
    ax.set_yticks(ys, _labels(rows))
    ax.set_ylim(-0.7, n - 0.3)
    thousands(ax.xaxis)
    ax.grid(axis="x", color="0.9", linewidth=0.6)
    ax.set_axisbelow(True)
    _estimates_legend(ax, rows, banded=banded)
    return ax


def plot_timeline(figures: pd.DataFrame, *, measure: str, actor: str | None = None, location: str | None = None,
                  ax: Axes | None = None, title: str | None = None, subtitle: str | None = None) -> Axes:
    """Each claim about one measure as a point at the date it is about: no lines drawn between them.

    The date is the event date, else the publication date. Shape is the qualifier (dot exact,
    hollow dot approximate, a bar from low to high for ranges, carets for open bounds), colour the
    side the claimant speaks for, and each point is labelled with its claimant. Reports of one
    event's toll are linked by a thin dashed line (gid "revision"): they are revisions of one
    figure. Superseded claims and outliers are faint. ``actor`` and ``location`` filter as in
    :func:`analysis.compare.compare`.

    Parameters
    ----------
    figures : DataFrame
        A figures table, or the output of :func:`analysis.compare.claims`.
    measure : str
        The measure to plot (one of :data:`analysis.schema.MEASURES`).
    actor : str, optional
        Only the figures about this actor.
    location : str, optional
        Only the figures placed here (a place, an admin-1 region or a country).
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if missing.
    title, subtitle : str, optional
        Replace the title ("<measure> of <actor>: claims over time") and the subtitle.

    Returns
    -------
    matplotlib Axes
        The plot, dates along x and values up y, with a legend and a source line; a note "no dated
        figures to plot" when none is left.

    Raises
    ------
    TypeError
        If ``actor`` or ``location`` is not a string or None.
    ValueError
        If ``measure`` is not a measure, or ``figures`` lacks a column grouping needs.

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> rows = figures_frame([
    ...     {"measure": "troops", "value": 3000.0, "qualifier": "approx", "actor": "North Korea",
    ...      "claimant": "NIS", "source": "AP", "published": "2024-10-23"},
    ...     {"measure": "troops", "value": 15000.0, "qualifier": "approx", "actor": "North Korea",
    ...      "claimant": "NIS", "source": "UNN", "published": "2025-04-30"}])
    >>> ax = plot_timeline(rows, measure="troops")
    >>> len([line for line in ax.get_lines() if len(line.get_xdata()) > 1])
    0
    """
    require_columns(figures, ["measure", "value", "low", "high", "qualifier", "published", "event_date"],
                    caller="plot_timeline")
    ax = ax if ax is not None else plt.subplots(figsize=(10, 5.5))[1]
    table = compare(claims(figures) if "status" not in figures else figures, measure=measure, actor=actor,
                    location=location)
    table = table.loc[table["date"].notna() & point_values(table).notna()]
    unit = UNIT_NAMES.get(MEASURE_UNITS[measure], "")
    ax.set_ylabel(f"{measure} ({unit})")
    ax.set_xlabel("date the figure is about (else its publication date)")
    where = f" in {location}" if location else ""
    headline(ax, title or _title(table, f"claims over time{where}"),
             subtitle or _timeline_subtitle(table), source_line(table))
    if table.empty:
        return _nothing(ax, "no dated figures to plot")
    rows = table.assign(point=point_values(table), qualifier=table["qualifier"].astype("object").fillna("exact"))
    for row in rows.itertuples(index=False):
        _draw_point(ax, row)
    _link_revisions(ax, rows)
    top = float(np.nanmax(np.concatenate([rows["point"].to_numpy(), rows["high"].to_numpy(dtype=float)])))
    ax.set_ylim(0, top * (1 + HEADROOM) if top > 0 else 1)
    _label_points(ax, rows)
    thousands(ax.yaxis)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="y", color="0.9", linewidth=0.6)
    ax.set_axisbelow(True)
    _timeline_legend(ax, rows)
    return ax


# --- the forest plot --------------------------------------------------------------------------------

def _estimates(table: pd.DataFrame) -> pd.DataFrame:
    """Rows that can be drawn, with a ``date``, in reading order (group by group when grouped)."""
    require_columns(table, ["measure", "value", "low", "high", "qualifier"], caller="plot_estimates")
    rows = table if "date" in table else table.assign(date=claim_dates(table))
    points = point_values(rows)
    rows = rows.loc[points.notna() & ~np.isinf(points.astype("float64"))]  # an infinite value has no place
    order = [c for c in ("date", "published", "claimant", "source") if c in rows]
    if "claim_id" in rows and rows["claim_id"].notna().any():
        first = rows.groupby("claim_id")["date"].transform("min")
        rows = rows.assign(_first=first)
        order = ["_first", "claim_id", *order]
    rows = rows.sort_values(order, na_position="last", kind="stable").reset_index(drop=True)
    return rows.drop(columns=["_first"], errors="ignore")


def _right_edge(rows: pd.DataFrame, bounds: pd.DataFrame) -> float:
    points = np.concatenate([point_values(rows).to_numpy(), bounds["lo"].to_numpy(), bounds["hi"].to_numpy()])
    points = points[np.isfinite(points)]
    top = float(points.max()) if len(points) else 1.0
    return top * (1 + HEADROOM) if top > 0 else 1.0


def _status(row: object) -> str:
    status = getattr(row, "status", None)
    return status if isinstance(status, str) else "current"


def _draw_claim(ax: Axes, row: object, *, lo: float, hi: float, y: float, right: float) -> None:
    qualifier = row.qualifier if isinstance(row.qualifier, str) else "exact"
    value = row.value if pd.notna(row.value) else (lo if np.isfinite(lo) else hi)
    color = side_color(getattr(row, "claimant_side", None))
    alpha = FAINT if _status(row) in FADED else 1.0
    if qualifier == "range":
        ax.hlines(y, lo, hi, colors=color, linewidth=5, alpha=alpha, gid="range")
    elif qualifier == "approx":
        ax.plot([value], [y], "o", color=color, markerfacecolor="white", markeredgewidth=1.6, markersize=7,
                alpha=alpha, gid="approx")
    elif qualifier in ("at_least", "at_most"):
        start, edge = (lo, right) if qualifier == "at_least" else (hi, 0.0)
        ax.plot([start], [y], "|", color=color, markersize=11, markeredgewidth=2, alpha=alpha, gid="bound")
        ax.add_patch(FancyArrowPatch((start, y), (edge, y), arrowstyle="-|>", mutation_scale=12, color=color,
                                     alpha=alpha, shrinkA=0, shrinkB=0, gid=qualifier))
    else:
        ax.plot([value], [y], "o", color=color, markersize=7, alpha=alpha, gid="exact")
    if _status(row) == "contradiction":
        ax.plot([value], [y], "o", markersize=13, markerfacecolor="none", markeredgecolor=CONTRADICTION_COLOR,
                markeredgewidth=1.4, gid="contradiction")


def _draw_bands(ax: Axes, rows: pd.DataFrame, bounds: pd.DataFrame, ys: np.ndarray, *, right: float) -> bool:
    """Shade, for each group, what its standing claims allow, when two or more stand and agree."""
    groups = rows["claim_id"] if "claim_id" in rows else pd.Series(0, index=rows.index)
    status = rows["status"].astype("object") if "status" in rows else pd.Series("current", index=rows.index)
    drawn = False
    for _, members in rows.groupby(groups.fillna(-1), sort=False).groups.items():
        standing = [i for i in members if status[i] not in FADED]
        if len(standing) < 2:
            continue
        low, high = bounds.loc[standing, "lo"].max(), bounds.loc[standing, "hi"].min()
        if not low <= high:
            continue
        low, high = max(low, 0.0), min(high, right)
        half = max(0.0, MIN_BAND * right - (high - low)) / 2
        top, bottom = ys[list(members)].max() + 0.4, ys[list(members)].min() - 0.4
        ax.add_patch(Rectangle((low - half, bottom), high - low + 2 * half, top - bottom, color=BAND_COLOR,
                               alpha=0.22, linewidth=0, zorder=0, gid="consensus"))
        drawn = True
    return drawn


def _day(value: object) -> str | None:
    if value is None or pd.isna(value):
        return None
    stamp = pd.Timestamp(value)
    return f"{stamp.day} {stamp:%b %Y}"


def _labels(rows: pd.DataFrame) -> list[str]:
    """'claimant · outlet · published date · counted'; a differing event date is added; repeats numbered."""
    labels = []
    for row in rows.itertuples(index=False):
        claimant = row.claimant if isinstance(row.claimant, str) else "unattributed"
        published, event = _day(getattr(row, "published", None)), _day(getattr(row, "event_date", None))
        when = published or _day(row.date)
        if event and event != published:
            when = f"{when} (about {event})" if when else f"about {event}"
        counted = getattr(row, "counted", None)
        counted = counted if isinstance(counted, str) and counted else None
        if counted and len(counted) > COUNTED_WIDTH:
            counted = counted[:COUNTED_WIDTH - 1].rstrip() + "…"
        parts = [claimant, row.source if isinstance(row.source, str) else None, when,
                 f"“{counted}”" if counted else None]
        labels.append(" · ".join(p for p in parts if p))
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if labels.count(label) == 1 else f"{label} ({seen[label]})")
    return out


def _axis_label(rows: pd.DataFrame) -> str:
    measures = rows["measure"].dropna().astype("object").unique() if "measure" in rows else []
    if len(measures) == 1:
        return f"{measures[0]} ({UNIT_NAMES.get(MEASURE_UNITS.get(measures[0], ''), '')})"
    return "value"


def _title(rows: pd.DataFrame, what: str) -> str:
    measures = rows["measure"].dropna().astype("object").unique() if "measure" in rows else []
    actors = rows["actor"].dropna().unique() if "actor" in rows else []
    measure = str(measures[0]).capitalize() if len(measures) == 1 else "Figures"
    return f"{measure}{' of ' + str(actors[0]) if len(actors) == 1 else ''}: {what}"


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'s' * (n != 1)}"


def _estimates_subtitle(rows: pd.DataFrame) -> str:
    claimants = rows["claimant"].nunique() if "claimant" in rows else 0
    text = f"One row per claim, earliest first: {_count(len(rows), 'claim')} by {_count(claimants, 'named claimant')}"
    if "status" in rows:
        faded = int(rows["status"].isin(FADED).sum())
        clash = int(rows["status"].eq("contradiction").sum())
        text += f"; {faded:,} superseded or outliers (faint), {clash:,} contradicting another claimant (ringed)"
    return text + "."


def _marker_handles(qualifiers: set[str]) -> list[Line2D]:
    styles = [("exact", "exact", {"marker": "o"}),
              ("approx", "approximate (\u201cabout\u201d)", {"marker": "o", "markerfacecolor": "white"}),
              ("range", "range (low to high)", {"marker": "_", "markersize": 14, "markeredgewidth": 5}),
              ("at_least", "at least (arrow: no upper bound)", {"marker": CARETUPBASE}),
              ("at_most", "up to (arrow: down to 0)", {"marker": CARETDOWNBASE})]
    return [Line2D([], [], linestyle="none", color=KEY, label=label, **{"markersize": 7, **style})
            for qualifier, label, style in styles if qualifier in qualifiers]


def _side_handles(rows: pd.DataFrame) -> list[Line2D]:
    sides = rows["claimant_side"] if "claimant_side" in rows else pd.Series(None, index=rows.index, dtype=object)
    named = sorted({s for s in sides.dropna().astype(str) if s})
    entries = [*named, *([None] if sides.isna().any() else [])]
    return [Line2D([], [], linestyle="none", marker="s", markersize=8, color=side_color(s), label=side_label(s))
            for s in entries]


def _estimates_legend(ax: Axes, rows: pd.DataFrame, *, banded: bool) -> None:
    handles = _marker_handles(set(rows["qualifier"].astype("object").fillna("exact")))
    handles += _side_handles(rows)
    status = set(rows["status"].astype("object").dropna()) if "status" in rows else set()
    if status & set(FADED):
        handles.append(Line2D([], [], linestyle="none", marker="o", color=KEY, alpha=FAINT,
                              label="superseded or outlier"))
    if "contradiction" in status:
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=11, markerfacecolor="none",
                              markeredgecolor=CONTRADICTION_COLOR, label="contradicts another claimant"))
    if banded:
        handles.append(Patch(color=BAND_COLOR, alpha=0.3, label="allowed by every standing claim"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1), borderaxespad=0, fontsize="small",
              title="key", title_fontsize="small", frameon=False)


# --- the timeline -----------------------------------------------------------------------------------

QUALIFIER_MARKERS = {"exact": "o", "approx": "o", "at_least": CARETUPBASE, "at_most": CARETDOWNBASE, "range": "_"}


def _draw_point(ax: Axes, row: object) -> None:
    color = side_color(getattr(row, "claimant_side", None))
    alpha = FAINT if _status(row) in FADED else 1.0
    if row.qualifier == "range" and pd.notna(row.low) and pd.notna(row.high):
        ax.vlines(row.date, row.low, row.high, colors=color, linewidth=4, alpha=alpha * 0.7, gid="range")
    else:
        face = "white" if row.qualifier == "approx" else color
        ax.plot([row.date], [row.point], linestyle="none", marker=QUALIFIER_MARKERS.get(row.qualifier, "o"),
                markersize=8, color=color, markerfacecolor=face, markeredgewidth=1.5, alpha=alpha,
                gid=row.qualifier)


LABEL_GAP = (0.16, 0.035)  # share of the axes a point's label covers, across and up: closer labels collide


def _label_points(ax: Axes, rows: pd.DataFrame) -> None:
    """Name each point's claimant beside it, standing claims first; a label that would overlap one
    already placed is left out, and labels near the right edge are written to the left of their point."""
    ax.figure.canvas.draw_idle()
    to_axes = ax.transData + ax.transAxes.inverted()
    standing = ~rows["status"].isin(FADED) if "status" in rows else pd.Series(True, index=rows.index)
    placed: list[tuple[float, float]] = []
    for row in rows.loc[standing].itertuples(index=False):
        x, y = to_axes.transform((mdates.date2num(row.date), row.point))
        if any(abs(x - px) < LABEL_GAP[0] and abs(y - py) < LABEL_GAP[1] for px, py in placed):
            continue
        placed.append((x, y))
        left = x > 0.8
        who = row.claimant if isinstance(row.claimant, str) else f"{row.source} (unattributed)"
        ax.annotate(who, (row.date, row.point), xytext=(-6 if left else 6, 0), textcoords="offset points",
                    fontsize=6.5, va="center", ha="right" if left else "left", color="0.25", gid="claimant",
                    annotation_clip=False)


def _link_revisions(ax: Axes, rows: pd.DataFrame) -> None:
    """A thin dashed line through the reports of one event's toll, in publication order."""
    if "quantity" not in rows or "claim_id" not in rows:
        return
    tolls = rows.loc[rows["quantity"].astype("object").eq("event_toll") & rows["claim_id"].notna()]
    for _, reports in tolls.groupby("claim_id"):
        if len(reports) > 1:
            reports = reports.sort_values("published")
            ax.plot(reports["date"].to_numpy(), reports["point"].to_numpy(), linestyle="--", linewidth=0.8,
                    color="0.5", gid="revision")


def _timeline_subtitle(table: pd.DataFrame) -> str:
    claimants = table["claimant"].nunique() if "claimant" in table else 0
    return (f"One point per claim ({_count(len(table), 'claim')} by {_count(claimants, 'named claimant')}); "
            "points are not joined: a change between two claimants' figures is not a trend.")


def _timeline_legend(ax: Axes, rows: pd.DataFrame) -> None:
    handles = _marker_handles(set(rows["qualifier"]))
    handles += _side_handles(rows)
    if "status" in rows and rows["status"].isin(FADED).any():
        handles.append(Line2D([], [], linestyle="none", marker="o", color=KEY, alpha=FAINT,
                              label="superseded or outlier"))
    if any(line.get_gid() == "revision" for line in ax.get_lines()):
        handles.append(Line2D([], [], linestyle="--", linewidth=0.8, color="0.5", label="revisions of one toll"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1), borderaxespad=0, fontsize="small",
              title="key", title_fontsize="small", frameon=False)


def _nothing(ax: Axes, message: str) -> Axes:
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", color="grey", gid="empty")
    return ax


