"""Figures on the map: points, per-region aggregates for choropleths, and a bubble map.

Rows without coordinates cannot be placed. Every function here says how many it left out, the same
way: :func:`to_geodataframe` and :func:`by_region` store the count in ``attrs["dropped"]`` of the
frame they return and emit a :class:`DroppedFiguresWarning` naming it; :func:`plot_map` writes it in
its title. The warning points at the line that called the function (so ``module=`` filters name the
caller's module, not this one); silence it by its category::

    warnings.filterwarnings("ignore", category=analysis.views.maps.DroppedFiguresWarning)

It is a ``UserWarning``, so filters on that category catch it too.

Boundaries come from :func:`analysis.views.boundaries.regions` and are read once per process.

Examples
--------
>>> from analysis.schema import figures_frame
>>> figures = figures_frame([{"measure": "killed", "value": 6.0, "location": "Zaporizhzhia",
...                           "lat": 47.85, "lon": 35.12, "geo_precision": "place"}])
>>> totals = by_region(figures, measure="killed")
>>> totals.loc[totals["value"].notna(), ["name", "value", "n_figures"]].values.tolist()
[['Zaporizhzhia Oblast', 6.0, 1]]
"""

from __future__ import annotations

import functools
import math
import textwrap
import warnings
from typing import TYPE_CHECKING

import geopandas
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import shapely
from matplotlib import patheffects
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.lines import Line2D
from matplotlib.path import Path

from analysis.checks import require_columns
from analysis.compare import equipment_kind
from analysis.schema import MEASURE_UNITS, MEASURES
from analysis.views.boundaries import _cached, regions
from analysis.views.style import headline, source_line

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["DEFAULT_EXTENT", "MAP_CRS", "MEASURE_COLORS", "DroppedFiguresWarning", "by_region", "plot_map",
           "plot_regions", "regions", "to_geodataframe"]

# Lambert azimuthal equal-area for Europe (ETRS89-LAEA): areas are true, and Ukraine and western Russia
# lie well inside the zone it is made for.
MAP_CRS = "EPSG:3035"

# One colour per measure, used by every map so that "killed" is the same red everywhere:
# people harmed in reds and oranges, forces in blues, ground in greens, things in browns.
MEASURE_COLORS: dict[str, str] = {
    "troops": "#1f4e9c",
    "killed": "#b2182b",
    "injured": "#f4a044",
    "casualties": "#7f1d1d",
    "captured": "#7b3294",
    "missing": "#a88cc8",
    "displaced": "#1b9e9e",
    "advance": "#2e8b3e",
    "area": "#9ccf6a",
    "units": "#5aa5d8",
    "equipment": "#8c6d31",
    "settlements": "#d4b16a",
    "duration": "#808080",
}
# Ukraine and western Russia: (lon_min, lon_max, lat_min, lat_max)
DEFAULT_EXTENT: tuple[float, float, float, float] = (20.0, 50.0, 43.0, 57.0)
HOWS = ("sum", "count", "max", "median")
MAX_BUBBLE = 900.0  # points² of the largest value on a map
MIN_BUBBLE = 12.0  # points²: below this a bubble is drawn at this size so it stays visible
MIN_SPAN = 6.0  # degrees of latitude: a map of one place still shows its surroundings
ASPECT = 1.4  # width / height of a data-extent map, on the ground
LABEL_BOX = (0.15, 0.07)  # share of the map a label covers, across and up: closer labels collide
SHORT_UNITS = {"km": "km", "km2": "km²", "day": "days"}
UNIT_NAMES = {"person": "people", "km": "km", "km2": "km²", "unit": "units", "item": "items", "day": "days"}


class DroppedFiguresWarning(UserWarning):
    """Some figures were left out of a map or an aggregate (no coordinates, or in no region).

    Examples
    --------
    >>> import warnings
    >>> from analysis.schema import figures_frame
    >>> with warnings.catch_warnings():
    ...     warnings.filterwarnings("error")
    ...     warnings.filterwarnings("ignore", category=DroppedFiguresWarning)
    ...     len(to_geodataframe(figures_frame([{"measure": "troops", "value": 12000.0}])))
    0
    """


def _located(figures: pd.DataFrame, caller: str = "to_geodataframe") -> tuple[geopandas.GeoDataFrame, int]:
    """Points of the rows with a place, and how many rows had none.

    A GeoDataFrame keeps its own point geometry and CRS; a plain table is placed by ``lat``/``lon``
    (EPSG:4326).
    """
    if isinstance(figures, geopandas.GeoDataFrame) and figures.geometry.name in figures:
        if figures.crs is None:
            raise ValueError("the GeoDataFrame has no CRS; set one (e.g. .set_crs('EPSG:4326')) so its points "
                             "can be placed")
        has_point = figures.geometry.notna() & ~figures.geometry.is_empty
        return figures.loc[has_point].copy(), int((~has_point).sum())
    require_columns(figures, ["lat", "lon"], caller=caller)
    lat = pd.to_numeric(figures["lat"], errors="coerce").astype("float64")
    lon = pd.to_numeric(figures["lon"], errors="coerce").astype("float64")
    has_point = np.isfinite(lat) & np.isfinite(lon)
    kept = figures.loc[has_point]
    points = geopandas.points_from_xy(lon[has_point], lat[has_point], crs="EPSG:4326")
    return geopandas.GeoDataFrame(kept, geometry=points), int((~has_point).sum())


def _finite(figures: pd.DataFrame) -> pd.DataFrame:
    """The rows whose value is a finite number (an infinite one cannot be drawn to scale), with a
    warning naming how many were left out."""
    value = pd.to_numeric(figures["value"], errors="coerce").astype("float64")
    infinite = np.isinf(value.to_numpy())
    if infinite.any():
        _warn_dropped(int(infinite.sum()), "infinite value", stacklevel=4)
        return figures.loc[~infinite]
    return figures


def _warn_dropped(dropped: int, why: str, *, stacklevel: int = 3) -> None:
    if dropped:
        noun = "figure" if dropped == 1 else "figures"
        # stacklevel=3: the warning names the user's line that called the public function
        warnings.warn(f"{dropped} {noun} left out: {why}", DroppedFiguresWarning, stacklevel=stacklevel)


def to_geodataframe(figures: pd.DataFrame) -> geopandas.GeoDataFrame:
    """The figures that have coordinates, as points (EPSG:4326) with every figure column.

    Parameters
    ----------
    figures : DataFrame
        A figures table (:func:`analysis.schema.figures_frame`); ``lat`` and ``lon`` are read.

    Returns
    -------
    GeoDataFrame
        The located rows, with their original index so they can be joined back.
        ``attrs["dropped"]`` is the number of rows left out for lacking lat or lon; when it is
        not zero a :class:`DroppedFiguresWarning` says so too.

    Raises
    ------
    TypeError
        If ``figures`` is not a DataFrame.
    ValueError
        If ``figures`` lacks the ``lat`` or ``lon`` column, or is a GeoDataFrame with no CRS.

    Examples
    --------
    >>> import warnings
    >>> from analysis.schema import figures_frame
    >>> figures = figures_frame([{"measure": "troops", "value": 3000.0, "lat": 51.7, "lon": 36.2},
    ...                          {"measure": "troops", "value": 12000.0}])
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     points = to_geodataframe(figures)
    >>> len(points), points.attrs["dropped"], str(caught[0].message)
    (1, 1, '1 figure left out: no lat/lon')
    """
    points, dropped = _located(figures)
    points.attrs["dropped"] = dropped
    _warn_dropped(dropped, "no lat/lon")
    return points


def _select(figures: pd.DataFrame, measure: str | None) -> pd.DataFrame:
    if measure is None:
        return figures
    if measure not in MEASURES:
        raise ValueError(f"measure={measure!r} is not a measure; pass one of {', '.join(MEASURES)}")
    return figures.loc[figures["measure"] == measure]


def by_region(figures: pd.DataFrame, *, level: str = "admin1", measure: str | None = None, how: str = "sum",
              crimea: str = "Ukraine") -> geopandas.GeoDataFrame:
    """Every region's polygon with an aggregate of the figures that fall inside it, for choropleths.

    Points are placed in regions by a spatial join (a point on a shared border goes to one of
    them only). At ``level="admin1"`` figures located only to a country (``geo_precision``
    "country", drawn at the country's centroid) are left out: they belong to no oblast.

    Parameters
    ----------
    figures : DataFrame
        A figures table.
    level : {"admin1", "country"}
        The regions to aggregate into.
    measure : str, optional
        Keep only this measure. Required unless ``how="count"`` or the figures hold one measure,
        since adding troops to kilometres means nothing.
    how : {"sum", "count", "max", "median"}
        The aggregate of ``value`` per region.
    crimea : {"Ukraine", "Russia"}
        The country Crimea belongs to (matters at ``level="country"``).

    Returns
    -------
    GeoDataFrame
        The columns of :func:`regions` plus ``value`` (the aggregate; NaN for a region with no
        figures, 0 when counting) and ``n_figures``. ``attrs`` holds ``measure``, ``how``, ``level``,
        ``dropped`` (rows without lat/lon) and ``unassigned`` (located rows in no region, or only
        to a country at admin-1 level); a :class:`DroppedFiguresWarning` names any left out.

    Raises
    ------
    TypeError
        If ``figures`` is not a DataFrame.
    ValueError
        If ``how``, ``level``, ``crimea`` or ``measure`` is not one of its choices, if ``figures``
        lacks a column the join needs, or if ``how`` aggregates the values of several measures
        (different units) with no ``measure`` chosen.

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> figures = figures_frame([{"measure": "troops", "value": v, "lat": 51.7, "lon": 36.2}
    ...                          for v in (3000.0, 12000.0)])
    >>> kursk = by_region(figures, how="max").set_index("name").loc["Kursk Oblast"]
    >>> float(kursk["value"]), int(kursk["n_figures"])
    (12000.0, 2)
    """
    if how not in HOWS:
        raise ValueError(f"how={how!r} is not an aggregate; pass one of {', '.join(HOWS)}")
    require_columns(figures, ["measure", "value", "geo_precision"], caller="by_region")
    polygons = regions(level, crimea=crimea)
    chosen = _select(figures, measure)
    if measure is None and how != "count" and chosen["measure"].nunique() > 1:
        held = ", ".join(sorted(map(str, chosen["measure"].dropna().unique())))
        raise ValueError(f"how={how!r} over several measures ({held}) mixes units; pass measure=... or how='count'")
    points, dropped = _located(chosen, caller="by_region")
    if level == "admin1":
        points = points.loc[points["geo_precision"].astype("object") != "country"]
    points = points.to_crs(polygons.crs) if points.crs != polygons.crs else points
    joined = geopandas.sjoin(points[["value", "geometry"]], polygons[["geometry"]], how="inner",
                             predicate="intersects")
    joined = joined.loc[~joined.index.duplicated(keep="first")]
    grouped = joined.groupby("index_right")["value"]
    counts = grouped.size().reindex(polygons.index, fill_value=0).astype("int64")
    value = counts.astype("float64") if how == "count" else grouped.agg(how).reindex(polygons.index)
    out = polygons.assign(value=value, n_figures=counts)
    unassigned = len(chosen) - dropped - len(joined)
    out.attrs.update(measure=measure, how=how, level=level, dropped=dropped, unassigned=unassigned)
    _warn_dropped(dropped, "no lat/lon")
    _warn_dropped(unassigned, f"in no {level} region" + (" or placed only in a country" if level == "admin1" else ""))
    return out


def _format_number(value: float) -> str:
    """'15,000', '9', '0.75', '2.2'.

    Examples
    --------
    >>> _format_number(15000.0), _format_number(9.0), _format_number(0.75), _format_number(2.25)
    ('15,000', '9', '0.75', '2.2')
    """
    return f"{value:,.0f}" if abs(value) >= 100 or float(value).is_integer() else f"{value:.2g}"


def _format_value(value: float, measure: str) -> str:
    """'15,000 troops', '9 km', '2.2 km²'.

    Examples
    --------
    >>> _format_value(15000.0, "troops"), _format_value(9.0, "advance"), _format_value(2.25, "area")
    ('15,000 troops', '9 km', '2.2 km²')
    """
    return f"{_format_number(value)} {SHORT_UNITS.get(MEASURE_UNITS.get(measure, ''), measure)}"


def _nice_below(x: float) -> float:
    """The largest 1, 2 or 5 times a power of ten not above ``x``."""
    power = 10.0 ** math.floor(math.log10(x))
    return max(step * power for step in (1, 2, 5) if step * power <= x)


def _reference_values(vmax: float) -> list[float]:
    """Two or three round values for the size legend, largest first.

    Examples
    --------
    >>> _reference_values(15000.0), _reference_values(23.0)
    ([10000.0, 2000.0, 500.0], [20.0, 5.0, 1.0])
    """
    if not vmax > 0:
        return []
    refs = [_nice_below(vmax / f) for f in (1, 4, 20) if vmax / f >= 1 or f == 1]
    return sorted(set(refs), reverse=True)


def _bubble_area(values: pd.Series | np.ndarray, vmax: float) -> np.ndarray:
    """Marker areas in points², proportional to value (radius grows as its square root)."""
    area = MAX_BUBBLE * np.abs(np.asarray(values, dtype="float64")) / vmax
    return np.maximum(np.nan_to_num(area), MIN_BUBBLE)


def _project_box(box: tuple[float, float, float, float], crs: object) -> tuple[float, float, float, float]:
    """A (lon0, lon1, lat0, lat1) box as (x0, x1, y0, y1) in ``crs``: the bounds of its edges, densified."""
    lons = np.linspace(box[0], box[1], 25)
    lats = np.linspace(box[2], box[3], 25)
    edge = np.concatenate([np.c_[lons, np.full(25, box[2])], np.c_[lons, np.full(25, box[3])],
                           np.c_[np.full(25, box[0]), lats], np.c_[np.full(25, box[1]), lats]])
    points = geopandas.GeoSeries(geopandas.points_from_xy(edge[:, 0], edge[:, 1]), crs="EPSG:4326").to_crs(crs)
    x0, y0, x1, y1 = points.total_bounds
    return x0, x1, y0, y1


def _extent(points: geopandas.GeoDataFrame, extent: str | tuple, crs: object) -> tuple[float, float, float, float]:
    """The map's box (x0, x1, y0, y1) in ``crs``."""
    if not isinstance(extent, str):
        box = tuple(map(float, extent))
        if len(box) != 4 or box[0] >= box[1] or box[2] >= box[3]:
            raise ValueError(f"extent={extent!r} is not a box; pass (lon_min, lon_max, lat_min, lat_max)")
        return _project_box(box, crs)
    if extent not in ("data", "region"):
        raise ValueError(f"extent={extent!r} is not an extent; pass 'data', 'region' or (lon0, lon1, lat0, lat1)")
    if extent == "region" or points.empty:
        return _project_box(DEFAULT_EXTENT, crs)
    x0, y0, x1, y1 = points.total_bounds
    least = MIN_SPAN * 111_000.0  # metres of a data-extent map's height, at the least
    half_h = max(0.6 * (y1 - y0), least / 2 / ASPECT)
    half_w = max(0.6 * (x1 - x0), half_h * ASPECT)
    half_h = max(half_h, half_w / ASPECT)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return cx - half_w, cx + half_w, cy - half_h, cy + half_h


@functools.cache
def _outlines(level: str, crimea: str, crs: str) -> tuple[np.ndarray, ...]:
    """Every boundary ring of the regions as an (n, 2) array of x, y in ``crs``, computed once."""
    lines = shapely.get_parts(_cached(level, crimea).to_crs(crs).boundary.to_numpy())
    coords, which = shapely.get_coordinates(lines, return_index=True)
    return tuple(np.split(coords, np.flatnonzero(np.diff(which)) + 1))


def _draw_boundaries(ax: Axes, *, level: str, crimea: str, crs: str) -> None:
    """Land in a faint fill, admin-1 lines thin and grey, country lines darker and thicker.

    Drawn as plain matplotlib artists: ``GeoDataFrame.plot`` redraws the whole figure on
    every call, which made each map several times slower.
    """
    countries = _outlines("country", crimea, crs)
    land = Path.make_compound_path(*(Path(ring) for ring in countries))
    # a collection, not ax.add_patch: fitting the limits to every vertex of a patch takes long
    ax.add_collection(PathCollection([land], facecolors="#f7f7f4", edgecolors="none", zorder=0, gid="land"),
                      autolim=False)
    if level == "admin1":
        ax.add_collection(LineCollection(_outlines("admin1", crimea, crs), colors="0.65", linewidths=0.3, zorder=1,
                                         gid="boundaries:admin1"), autolim=False)
    ax.add_collection(LineCollection(countries, colors="0.3", linewidths=0.9, zorder=2, gid="boundaries:country"),
                      autolim=False)


def _only_by_country(points: pd.DataFrame) -> pd.Series:
    if "geo_precision" not in points:
        return pd.Series(False, index=points.index)
    return points["geo_precision"].astype("object").eq("country")


def _draw_bubbles(ax: Axes, points: geopandas.GeoDataFrame, vmax: float, measure: str, **kwargs: object) -> None:
    """The figures of one measure, big bubbles under small ones (gid "figures:<measure>")."""
    points = points.sort_values("value", ascending=False)
    style = {"color": MEASURE_COLORS.get(measure, "black"), "alpha": 0.6, "edgecolor": "white", "linewidth": 0.5,
             "zorder": 3, **kwargs}
    ax.scatter(points.geometry.x, points.geometry.y, s=_bubble_area(points["value"], vmax), label=measure,
               gid=f"figures:{measure}", **style)


def _what(row: object) -> str:
    """'North Korea troops', 'civilians killed', 'Ukraine equipment (drone)': the actor and what was counted."""
    measure = str(row.measure)
    actor = row.actor if isinstance(getattr(row, "actor", None), str) else None
    if measure == "equipment":
        kind = equipment_kind(getattr(row, "counted", None))
        measure = f"equipment ({kind})" if kind else measure
    return f"{actor} {measure}" if actor else measure


def _claimed(row: object) -> str:
    claimant = getattr(row, "claimant", None)
    return f", per {claimant}" if isinstance(claimant, str) and claimant else ""


def _label_rows(points: geopandas.GeoDataFrame, box: tuple, max_labels: int) -> pd.DataFrame:
    """The largest figure of each location, skipping any whose label would cover a bigger one's."""
    named = points.assign(place=points["location"].astype("object").fillna("?") if "location" in points else "?",
                          x=points.geometry.x, y=points.geometry.y)
    best = named.sort_values("value", ascending=False).drop_duplicates("place")
    gap_x, gap_y = LABEL_BOX[0] * (box[1] - box[0]), LABEL_BOX[1] * (box[3] - box[2])
    kept: list[int] = []
    for i, (x, y) in enumerate(zip(best["x"], best["y"], strict=True)):
        if all(abs(x - best["x"].iat[j]) >= gap_x or abs(y - best["y"].iat[j]) >= gap_y for j in kept):
            kept.append(i)
        if len(kept) == max_labels:
            break
    return best.iloc[kept]


def _draw_labels(ax: Axes, points: geopandas.GeoDataFrame, box: tuple, max_labels: int) -> None:
    outline = [patheffects.withStroke(linewidth=2.5, foreground="white")]
    for row in _label_rows(points, box, max_labels).itertuples():
        ax.annotate(f"{row.place}\n{_what(row)}: {_format_number(row.value)}", (row.x, row.y),
                    xytext=(5, 4), textcoords="offset points", fontsize=7, zorder=4, path_effects=outline,
                    gid="label")


def _country_lines(points: pd.DataFrame, limit: int = 12) -> list[str]:
    """'Ukraine: Russia casualties, 617,600, per Ukrainian General Staff', largest first."""
    rows = points.sort_values("value", ascending=False)
    lines = [f"{row.location}: {_what(row)}, {_format_number(row.value)}{_claimed(row)}"
             for row in rows.itertuples()]
    more = len(lines) - limit
    return lines[:limit] + ([f"… and {more:,} more"] if more > 0 else [])


def _draw_country_list(ax: Axes, points: pd.DataFrame) -> None:
    """Figures placed only by country, listed under the legends, right of the map (gid "country_figures")."""
    lines = _country_lines(points)
    text = "Country-wide figures (not drawn):\n" + "\n".join(textwrap.fill(line, 48, subsequent_indent="   ")
                                                              for line in lines)
    ax.annotate(text, xy=(1.02, 0), xycoords="axes fraction", ha="left", va="bottom", fontsize=6.5,
                color="0.2", gid="country_figures", annotation_clip=False)


def _draw_legends(ax: Axes, vmax: float, measure: str) -> None:
    sizes = [Line2D([], [], ls="", marker="o", color=MEASURE_COLORS.get(measure, "black"), alpha=0.6,
                    label=_format_number(v), ms=math.sqrt(_bubble_area([v], vmax)[0]))
             for v in _reference_values(vmax)]
    unit = UNIT_NAMES.get(MEASURE_UNITS.get(measure, ""), "")
    ax.legend(handles=sizes, loc="upper left", bbox_to_anchor=(1.02, 1), fontsize=7,
              title=f"{measure} ({unit}):\nbubble area grows with value", title_fontsize=7, labelspacing=1.2,
              borderpad=1.0, frameon=False)


def _subtitle(shown: int, missing: int, by_country: int) -> str:
    """'12 figures at a place; 4 country-wide, listed beside the map; 2 with no place'.

    Examples
    --------
    >>> _subtitle(12, 2, 4)
    '12 figures at a place; 4 country-wide, listed beside the map; 2 with no place'
    """
    def figures(n: int) -> str:
        return f"{n:,} figure" + ("" if n == 1 else "s")

    parts = [f"{figures(shown)} at a place" if shown else "no figures at a place"]
    if by_country:
        parts.append(f"{by_country:,} country-wide, listed beside the map")
    parts.append(f"{missing:,} with no place")
    return "; ".join(parts)


def _one_measure(figures: pd.DataFrame, measure: str | None) -> str | None:
    """The measure to draw: the one asked for, else the only one the figures hold."""
    if measure is not None:
        return measure
    held = sorted(map(str, figures["measure"].dropna().unique())) if "measure" in figures else []
    if len(held) > 1:
        raise ValueError(f"the figures hold several measures ({', '.join(held)}), in different units; a map shows "
                         "one: pass measure=...")
    return held[0] if held else None


def _map_crs(figures: pd.DataFrame, crs: object) -> str:
    if crs is not None:
        return str(crs)
    if isinstance(figures, geopandas.GeoDataFrame) and figures.crs is not None and figures.crs.is_projected:
        return figures.crs.to_string()
    return MAP_CRS


def plot_map(figures: pd.DataFrame, *, measure: str | None = None, ax: Axes | None = None, level: str = "admin1",
             label: bool = True, extent: str | tuple[float, float, float, float] = "data",
             crimea: str = "Ukraine", legend: bool = True, max_labels: int = 15, crs: object = None,
             title: str | None = None, **kwargs: object) -> Axes:
    """Draw the figures of one measure as bubbles on region boundaries, in an equal-area projection.

    Bubble area grows with value. Figures placed only by country (``geo_precision`` "country") are
    not drawn at the country's centre, which they are not about: they are listed beside the map,
    each naming its actor and claimant ("Ukraine: Russia casualties, 617,600, per Ukrainian General
    Staff"). Map labels name the place, the actor and the measure, and never overlap a bigger
    one's. The map has a title, a subtitle counting what is shown, a size legend in the measure's
    unit and a source line crediting Natural Earth and GeoNames.

    Parameters
    ----------
    figures : DataFrame or GeoDataFrame
        A figures table (placed by ``lat``/``lon``), or a GeoDataFrame of figures (placed by its
        geometry, in its own CRS); rows without a place are counted, not drawn.
    measure : str, optional
        The measure to draw; required when the figures hold several (a map has one unit).
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.
    level : {"admin1", "country"}
        Draw admin-1 boundaries (thin grey) under the country ones, or country ones only.
    label : bool
        Write place, actor and value beside the largest figure of each location.
    extent : {"data", "region"} or (lon_min, lon_max, lat_min, lat_max)
        The data's bounds with a margin (the default; :data:`DEFAULT_EXTENT` when nothing is
        placed), Ukraine and western Russia, or a box of your own in degrees.
    crimea : {"Ukraine", "Russia"}
        The country Crimea is drawn in.
    legend : bool
        Add the size legend (two or three round values, in the measure's unit).
    max_labels : int
        At most this many labels.
    crs : optional
        The map's projection; by default a projected GeoDataFrame's own CRS, else :data:`MAP_CRS`
        (ETRS89 Lambert azimuthal equal-area).
    title : str, optional
        Replace the title ("<measure>: where the figures are").
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.scatter` for the bubbles (``alpha``, ``edgecolor``...).

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    TypeError
        If ``figures`` is not a DataFrame.
    ValueError
        If ``measure``, ``level``, ``crimea`` or ``extent`` is not one of its choices, if
        ``figures`` lacks a column the map needs, or if it holds several measures and no
        ``measure`` is chosen.

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> figures = figures_frame([{"measure": "injured", "value": 23.0, "location": "Zaporizhzhia",
    ...                           "lat": 47.85, "lon": 35.12}, {"measure": "injured", "value": 9.0}])
    >>> ax = plot_map(figures)
    >>> ax.get_title(loc="left"), [t.get_text() for t in ax.texts if t.get_gid() == "subtitle"]
    ('Injured: where the figures are', ['1 figure at a place; 1 with no place'])
    """
    if level not in ("admin1", "country"):
        raise ValueError(f"level={level!r} is not a level; pass 'admin1' or 'country'")
    require_columns(figures, ["measure", "value"], caller="plot_map")
    figures = _finite(figures)
    measure = _one_measure(figures, measure)
    target = _map_crs(figures, crs)
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 6))
    chosen = _select(figures, measure)
    located, missing = _located(chosen, caller="plot_map")
    located = located.to_crs(target)
    national = _only_by_country(located)
    points, countrywide = located.loc[~national], located.loc[national]
    box = _extent(points, extent, target)
    _draw_boundaries(ax, level=level, crimea=crimea, crs=target)
    values = points["value"].abs()
    vmax = float(values.max()) if values.notna().any() and values.max() > 0 else 1.0
    if not points.empty and measure is not None:
        _draw_bubbles(ax, points, vmax, measure, **kwargs)
        if label:
            _draw_labels(ax, points, box, max_labels)
        if legend:
            _draw_legends(ax, vmax, measure)
    if not countrywide.empty:
        _draw_country_list(ax, countrywide)
    ax.set_xlim(box[0], box[1])
    ax.set_ylim(box[2], box[3])
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    name = measure.capitalize() if measure else "Figures"
    headline(ax, title or f"{name}: where the figures are", _subtitle(len(points), missing, len(countrywide)),
             source_line(chosen, maps=True))
    return ax


def plot_regions(figures: pd.DataFrame, *, measure: str | None = None, how: str = "count", ax: Axes | None = None,
                 level: str = "admin1", crimea: str = "Ukraine", crs: object = None, cmap: str = "OrRd",
                 **kwargs: object) -> Axes:
    """A choropleth of :func:`by_region`, saying what it counts: figures per region, or a measure's aggregate.

    ``how="count"`` shades by the number of figures reported in each region (mentions, not
    people); ``how="sum"``/``"max"``/``"median"`` by that aggregate of one measure's values. The
    title and the colour bar say which. ``**kwargs`` go to :meth:`geopandas.GeoDataFrame.plot`.

    Parameters
    ----------
    figures : DataFrame or GeoDataFrame
        A figures table, placed by ``lat``/``lon``.
    measure : str, optional
        Only this measure; needed for a ``how`` other than ``"count"`` when several are held.
    how : {"count", "sum", "max", "median"}, default "count"
        What shades a region: its number of figures, or that aggregate of their values.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if missing.
    level : {"admin1", "country"}
        Admin-1 regions (oblasts, krais...) or countries.
    crimea : {"Ukraine", "Russia"}
        The country Crimea and Sevastopol are drawn in.
    crs : optional
        The map's projection; by default a projected GeoDataFrame's own CRS, else :data:`MAP_CRS`.
    cmap : str, default "OrRd"
        The matplotlib colour map.
    **kwargs
        Passed to :meth:`geopandas.GeoDataFrame.plot`.

    Returns
    -------
    matplotlib Axes
        The map, with a title, a subtitle counting what is shown and what is left out, a colour bar
        and a source line.

    Raises
    ------
    TypeError
        If ``figures`` is not a DataFrame.
    ValueError
        As :func:`by_region`: a ``how``, ``level``, ``crimea`` or ``measure`` that is not one of its
        choices, or a missing column.

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> figures = figures_frame([{"measure": "killed", "value": 6.0, "lat": 47.85, "lon": 35.12}])
    >>> plot_regions(figures).get_title(loc="left")
    'Figures reported per region (a count of mentions, not of people)'
    """
    totals = by_region(figures, level=level, measure=measure, how=how, crimea=crimea)
    target = _map_crs(figures, crs)
    totals = totals.to_crs(target)
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 6))
    if how == "count":
        what = "figures reported" + (f" ({measure})" if measure else "")
        title = (f"Figures reported per region{' (' + measure + ')' if measure else ''} "
                 "(a count of mentions, not of people)")
    else:
        unit = UNIT_NAMES.get(MEASURE_UNITS.get(str(measure), ""), "")
        what = f"{how} of {measure} ({unit})"
        title = f"{measure.capitalize() if measure else 'Value'} per region: the {how} of the figures reported"
    totals.plot(ax=ax, color="whitesmoke", edgecolor="lightgrey", linewidth=0.3)
    shown = totals.loc[totals["n_figures"] > 0]
    if not shown.empty:
        shown.plot(ax=ax, column="value", cmap=cmap, edgecolor="white", linewidth=0.3, legend=True,
                   legend_kwds={"label": what, "shrink": 0.7}, **kwargs)
    ax.add_collection(LineCollection(_outlines("country", crimea, target), colors="0.3", linewidths=0.8, zorder=2,
                                     gid="boundaries:country"), autolim=False)
    box = _project_box(DEFAULT_EXTENT, target)
    ax.set_xlim(box[0], box[1])
    ax.set_ylim(box[2], box[3])
    ax.set_xticks([])
    ax.set_yticks([])
    left = totals.attrs["dropped"] + totals.attrs["unassigned"]
    headline(ax, title, f"{int(shown['n_figures'].sum()):,} figures in {len(shown):,} regions; {left:,} left out "
             "(no place, or only a country)", source_line(_select(figures, measure), maps=True))
    return ax
