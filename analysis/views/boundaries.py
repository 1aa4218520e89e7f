"""Region polygons from Natural Earth (``data/boundaries.gpkg``), with Crimea where the user puts it.

The file is read once per process; callers get copies, so they may change what they get.

>>> regions("country").crs.to_epsg()
4326
"""
from __future__ import annotations

import functools
from pathlib import Path

import geopandas

__all__ = ["BOUNDARIES_FILE", "CRIMEA_CODES", "regions"]

BOUNDARIES_FILE = Path(__file__).resolve().parent.parent / "data" / "boundaries.gpkg"
CRIMEA_CODES = ("UA-43", "UA-40")


def read_regions(level: str = "admin1", *, crimea: str = "Ukraine") -> geopandas.GeoDataFrame:
    """Region polygons (EPSG:4326) from Natural Earth, with Crimea where you put it.

    Parameters
    ----------
    level : {"admin1", "country"}
        Admin-1 regions (oblasts, krais, voivodeships...) or countries.
        Russia and Kazakhstan are covered west of about 62°E only.
    crimea : {"Ukraine", "Russia"}
        The country that Crimea and Sevastopol (ISO UA-43, UA-40) belong to.

    Examples
    --------
    >>> frame = regions("country", crimea="Russia")
    >>> frame.crs.to_epsg(), "Ukraine" in set(frame["name"])
    (4326, True)
    """
    if level not in ("admin1", "country"):
        raise ValueError(f"level={level!r} is not a level; pass 'admin1' or 'country'")
    if crimea not in ("Ukraine", "Russia"):
        raise ValueError(f"crimea={crimea!r} is not a choice; pass 'Ukraine' or 'Russia'")
    admin1 = geopandas.read_file(BOUNDARIES_FILE, layer="admin1")
    is_crimea = admin1["iso_3166_2"].isin(CRIMEA_CODES)
    code = "UA" if crimea == "Ukraine" else "RU"
    admin1 = admin1.assign(country=admin1["country"].mask(is_crimea, crimea),
                           country_code=admin1["country_code"].mask(is_crimea, code))
    if level == "admin1":
        return admin1
    countries = geopandas.read_file(BOUNDARIES_FILE, layer="country")
    if crimea == "Russia":  # as Natural Earth files it
        return countries
    peninsula = admin1.loc[is_crimea].union_all()
    geoms = countries.geometry.copy()
    geoms[countries["country_code"] == "RU"] = geoms[countries["country_code"] == "RU"].difference(peninsula)
    geoms[countries["country_code"] == "UA"] = geoms[countries["country_code"] == "UA"].union(peninsula)
    return countries.set_geometry(geoms)


@functools.cache
def _cached(level: str, crimea: str) -> geopandas.GeoDataFrame:
    return read_regions(level, crimea=crimea)


def regions(level: str = "admin1", *, crimea: str = "Ukraine") -> geopandas.GeoDataFrame:
    """Region polygons of :func:`read_regions`, read once per process and handed out as copies.

    Parameters
    ----------
    level : {"admin1", "country"}
        Admin-1 regions (oblasts, krais...) or countries.
    crimea : {"Ukraine", "Russia"}
        The country Crimea and Sevastopol belong to.

    Returns
    -------
    GeoDataFrame
        One polygon per region, in EPSG:4326, with the columns of :func:`read_regions`; a copy, so
        changing it leaves the next call's table as read.

    Raises
    ------
    ValueError
        If ``level`` or ``crimea`` is not one of its choices.

    Examples
    --------
    >>> regions("admin1", crimea="Russia").set_index("iso_3166_2").loc["UA-43", "country"]
    'Russia'
    """
    return _cached(level, crimea).copy()
