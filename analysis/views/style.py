"""What every published figure carries: a title and subtitle, a source line, thousands separators,
and one colour per side a claimant speaks for.

Every text it adds has a ``gid`` ("title", "subtitle", "source"), so tests and callers can find it.

>>> import matplotlib.pyplot as plt
>>> from analysis.schema import figures_frame
>>> ax = plt.subplots()[1]
>>> rows = figures_frame([{"article_id": a, "source": s} for a, s in (("a", "AP"), ("b", "AP"), ("c", "BBC"))])
>>> headline(ax, "Troops", "as claimed", source_line(rows))
>>> ax.get_title(loc="left")
'Troops'
>>> [t.get_text() for t in ax.texts if t.get_gid() == "source"]
['Source: 3 articles from 2 outlets, figures as credited by the texts.']
"""
from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter

__all__ = ["SIDE_COLORS", "headline", "side_color", "source_line", "thousands"]

# The side a claimant speaks for (the claimant_side column); unknown sides are grey.
SIDE_COLORS: dict[str, str] = {"Ukraine": "#1f5fa8", "Russia": "#c0392b", "United States": "#6a3d9a",
                               "South Korea": "#1b9e77", "North Korea": "#8c6d31"}
OTHER_SIDE = "#e08214"
UNKNOWN_SIDE = "#6f6f6f"
MAP_CREDIT = "Boundaries: Natural Earth. Places: GeoNames."


def side_color(side: object) -> str:
    """The colour of one side: its own, orange for another named side, grey when none is known.

    >>> side_color("Russia"), side_color(None)
    ('#c0392b', '#6f6f6f')
    """
    if not isinstance(side, str) or not side:
        return UNKNOWN_SIDE
    return SIDE_COLORS.get(side, OTHER_SIDE)


def side_label(side: object) -> str:
    """How the legend names a side."""
    return f"speaks for {side}" if isinstance(side, str) and side else "side not stated"


def source_line(table: pd.DataFrame, *, maps: bool = False) -> str:
    """'Source: N articles from M outlets, figures as credited by the texts.' (and the map credits).

    >>> from analysis.schema import figures_frame
    >>> source_line(figures_frame([{"article_id": "a", "source": "AP"}]), maps=True)
    'Source: 1 article from 1 outlet, figures as credited by the texts. Boundaries: Natural Earth. Places: GeoNames.'
    """
    articles = table["article_id"].nunique() if "article_id" in table else len(table)
    outlets = table["source"].nunique() if "source" in table else 0
    text = (f"Source: {articles:,} article{'s' * (articles != 1)} from {outlets:,} outlet{'s' * (outlets != 1)}, "
            "figures as credited by the texts.")
    return f"{text} {MAP_CREDIT}" if maps else text


def headline(ax: Axes, title: str, subtitle: str, source: str) -> None:
    """Title (bold, left) and subtitle above the axes, source line below everything.

    The subtitle and source are Axes texts placed in points from the axes, so ``bbox_inches="tight"``
    keeps them inside the saved image; the source sits under the x-axis label when there is one.
    """
    for artist in [t for t in ax.texts if t.get_gid() in ("subtitle", "source")]:
        artist.remove()
    ax.set_title(title, loc="left", fontsize=12, fontweight="bold", pad=22, gid="title")
    ax.annotate(subtitle, xy=(0, 1), xycoords="axes fraction", xytext=(0, 6), textcoords="offset points",
                ha="left", va="bottom", fontsize=9, color="0.25", gid="subtitle", annotation_clip=False)
    below = ax.xaxis.label if ax.xaxis.label.get_text() and ax.xaxis.get_visible() else None
    ax.annotate(source, xy=(0, 0), xycoords=("axes fraction", below) if below is not None else "axes fraction",
                xytext=(0, -8 if below is not None else -6), textcoords="offset points", ha="left", va="top",
                fontsize=7, color="0.35", gid="source", annotation_clip=False)


def thousands(axis: object) -> None:
    """Tick labels with thousands separators ('12,000'), decimals only below 10."""
    axis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}" if abs(v) >= 10 or float(v).is_integer()
                                           else f"{v:,.1f}"))
