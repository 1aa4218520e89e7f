"""An interactive map of the figures (geopandas ``.explore()``, folium): one marker and popup per figure.

Needs the ``interactive`` extra (``pip install war-figures-analysis[interactive]``: folium, mapclassify).

>>> from analysis.schema import figures_frame
>>> rows = figures_frame([{"measure": "killed", "value": 55.0, "qualifier": "exact", "actor": "civilians",
...                        "claimant": "State Emergency Service", "source": "Kyiv Independent",
...                        "published": "2024-09-05", "location": "Poltava", "lat": 49.59, "lon": 34.55,
...                        "sentence": "The toll reached 55."}])
>>> "Poltava" in explore(rows, measure="killed").get_root().render()
True
"""
from __future__ import annotations

import html
import re
from importlib import resources
from pathlib import Path

import pandas as pd

from analysis.schema import MEASURES
from analysis.views.maps import MEASURE_COLORS, _located, _select
from analysis.views.style import MAP_CREDIT, source_line

__all__ = ["POPUP_FIELDS", "explore", "inline_leaflet", "write_map"]

# What a popup shows, in order: the figure, what it counts, who said it, where and when it was told.
POPUP_FIELDS = ("value", "qualifier", "measure", "actor", "claimant", "source", "published", "location", "sentence")
ATTRIBUTION = f"{MAP_CREDIT} Tiles: © OpenStreetMap contributors."


def _popup_table(rows: pd.DataFrame) -> pd.DataFrame:
    """The popup fields as text: values with thousands separators, dates as days, the sentence escaped."""
    out = pd.DataFrame(index=rows.index)
    for name in POPUP_FIELDS:
        column = rows[name] if name in rows else pd.Series(pd.NA, index=rows.index)
        if name == "value":
            text = column.map(lambda v: "" if pd.isna(v) else f"{float(v):,.10g}")
        elif name == "published":
            text = pd.to_datetime(column, errors="coerce").dt.strftime("%Y-%m-%d").fillna("")
        else:
            text = column.astype("object").map(lambda v: "" if v is None or pd.isna(v) else html.escape(str(v)))
        out[name] = text
    return out


def explore(figures: pd.DataFrame, *, measure: str | None = None, tiles: str | None = "OpenStreetMap",
            **kwargs: object):
    """An interactive map of the placed figures: one circle marker per figure, its popup giving the
    value, qualifier, actor, claimant, outlet, date and the sentence.

    Parameters
    ----------
    figures : DataFrame or GeoDataFrame
        A figures table (placed by ``lat``/``lon``) or a GeoDataFrame of figures.
    measure : str, optional
        Only this measure (a marker's colour is its measure's, :data:`analysis.views.maps.MEASURE_COLORS`).
    tiles : str or None
        The background tiles, as folium names them; None for none (offline).
    **kwargs
        Passed to :meth:`geopandas.GeoDataFrame.explore`.

    Returns
    -------
    folium.Map
        The map, fitted to the markers and captioned with the measure, the count and the sources;
        an empty map of the region when no figure is placed.

    Raises
    ------
    ImportError
        If folium is not installed (``pip install 'war-figures-analysis[interactive]'``).
    TypeError
        If ``figures`` is not a DataFrame.
    ValueError
        If ``measure`` is not a measure, or ``figures`` lacks the ``lat`` or ``lon`` column.

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> rows = figures_frame([{"measure": "injured", "value": 23.0, "location": "Zaporizhzhia",
    ...                        "lat": 47.85, "lon": 35.12}])
    >>> fmap = explore(rows, tiles=None)
    >>> type(fmap).__name__, [type(child).__name__ for child in fmap._children.values()]
    ('Map', ['FitBounds', 'GeoJson'])
    """
    try:
        import folium  # noqa: F401
    except ImportError as error:
        raise ImportError("explore needs folium: pip install 'war-figures-analysis[interactive]'") from error
    if measure is not None and measure not in MEASURES:
        raise ValueError(f"measure={measure!r} is not a measure; pass one of {', '.join(MEASURES)}")
    chosen = _select(figures, measure)
    points, _ = _located(chosen)
    points = points.to_crs("EPSG:4326")
    shown = _popup_table(points).set_geometry(points.geometry.to_numpy(), crs="EPSG:4326")
    colours = points["measure"].astype("object").map(MEASURE_COLORS).fillna("black").tolist()
    shown = shown.assign(colour=colours)
    options = {"popup": list(POPUP_FIELDS), "tooltip": ["value", "measure", "location"],
               "marker_type": "circle_marker", "marker_kwds": {"radius": 6}, "color": shown["colour"].tolist(),
               "style_kwds": {"fillOpacity": 0.7, "weight": 1}, "tiles": tiles, "attr": ATTRIBUTION,
               "popup_kwds": {"max_width": 420}, **kwargs}
    if tiles is None:
        options.pop("attr")
    if shown.empty:
        import folium
        return folium.Map(location=[49.0, 32.0], zoom_start=5, tiles=tiles, attr=ATTRIBUTION if tiles else None)
    fmap = shown.drop(columns="colour").explore(**options)
    title = f"{measure or 'All figures'}: {len(shown):,} placed figures. {source_line(chosen, maps=True)}"
    fmap.get_root().html.add_child(_caption(title))
    return fmap


def _caption(text: str):
    from branca.element import Element
    return Element(f'<div id="map-caption" style="position:fixed;bottom:8px;left:8px;z-index:9999;'
                   f'background:white;padding:3px 6px;font:12px sans-serif">{html.escape(text)}</div>')


def write_map(figures: pd.DataFrame, path: str | Path, *, measure: str | None = None, self_contained: bool = True,
              **kwargs: object) -> Path:
    """Write :func:`explore`'s map to an HTML file (``run.sh`` writes ``reports/map.html``); return its path.

    With ``self_contained`` (the default) the page carries Leaflet itself (the copy in
    ``analysis/data/leaflet``, BSD-2-Clause) instead of fetching it from a CDN, so its markers and
    popups show offline and the file can be archived with the figures; only the background tiles
    (``tiles=None`` for none) and folium's optional styling still come from the network.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    page = explore(figures, measure=measure, **kwargs).get_root().render()
    path.write_text(inline_leaflet(page) if self_contained else page, encoding="utf-8")
    return path


_LEAFLET_JS_RE = re.compile(r'<script src="[^"]*/leaflet@[\d.]+/dist/leaflet\.js"></script>')
_LEAFLET_CSS_RE = re.compile(r'<link rel="stylesheet" href="[^"]*/leaflet@[\d.]+/dist/leaflet\.css"\s*/?>')


def inline_leaflet(page: str) -> str:
    """The page with its Leaflet script and stylesheet written into it instead of fetched.

    >>> page = '<link rel="stylesheet" href="https://cdn/npm/leaflet@1.9.3/dist/leaflet.css"/>'
    >>> inline_leaflet(page).startswith("<style>")
    True
    """
    folder = resources.files("analysis").joinpath("data", "leaflet")
    script = folder.joinpath("leaflet.js").read_text(encoding="utf-8").replace("</script", "<\\/script")
    style = folder.joinpath("leaflet.css").read_text(encoding="utf-8")
    page = _LEAFLET_JS_RE.sub(lambda _: f"<script>{script}</script>", page, count=1)
    return _LEAFLET_CSS_RE.sub(lambda _: f"<style>{style}</style>", page, count=1)
