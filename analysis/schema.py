"""The figures table: its columns, their dtypes and allowed values, in one place.

Every writer (the extractor, the CLI, the Dask entry point) and every test builds frames through
:func:`figures_frame`, so the table looks the same wherever it comes from.

>>> from analysis.schema import figures_frame
>>> list(figures_frame([]).columns)[:4]
['article_id', 'source', 'published', 'measure']
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from operator import itemgetter

import pandas as pd

# measure -> canonical unit (GUIDELINES.md)
MEASURE_UNITS: dict[str, str] = {
    "troops": "person",
    "killed": "person",
    "injured": "person",
    "casualties": "person",
    "captured": "person",
    "missing": "person",
    "displaced": "person",
    "advance": "km",
    "area": "km2",
    "units": "unit",
    "equipment": "item",
    "settlements": "item",
    "duration": "day",
}
MEASURES: tuple[str, ...] = tuple(MEASURE_UNITS)
UNITS: tuple[str, ...] = ("person", "km", "km2", "unit", "item", "day")
QUALIFIERS: tuple[str, ...] = ("exact", "approx", "at_least", "at_most", "range")
DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")
GEO_PRECISIONS: tuple[str, ...] = ("place", "near_place", "admin1", "country", "unknown")


def _category(values: Iterable[str]) -> pd.CategoricalDtype:
    return pd.CategoricalDtype(list(values))


FIGURE_COLUMNS: dict[str, object] = {
    "article_id": "string",
    "source": "string",
    "published": "datetime64[ns]",
    "measure": _category(MEASURES),
    "value": "float64",
    "low": "float64",
    "high": "float64",
    "unit": _category(UNITS),
    "qualifier": _category(QUALIFIERS),
    "derived": "boolean",
    "actor": "string",
    "counted": "string",
    "claimant": "string",
    "claimant_role": "string",
    "claimant_text": "string",
    "claimant_side": "string",
    "location": "string",
    "geonameid": "Int64",
    "lat": "float64",
    "lon": "float64",
    "admin1": "string",
    "country": "string",
    "geo_precision": _category(GEO_PRECISIONS),
    "event_date": "datetime64[ns]",
    "date_precision": _category(DATE_PRECISIONS),
    "text": "string",
    "start": "Int64",
    "end": "Int64",
    "sentence": "string",
    "rules": "string",
}

ARTICLE_COLUMNS: dict[str, object] = {
    "article_id": "string",
    "title": "string",
    "source": "string",
    "published": "datetime64[ns]",
    "url": "string",
    "language": "string",
    "text": "string",
    "path": "string",
    "error": "string",
}

ERROR_COLUMNS: dict[str, object] = {
    "article_id": "string",
    "path": "string",
    "stage": "string",
    "error": "string",
}


def _typed(records: Iterable[Mapping[str, object]] | pd.DataFrame, columns: dict[str, object]) -> pd.DataFrame:
    if isinstance(records, pd.DataFrame):
        frame = records.reindex(columns=list(columns))
        values = {name: frame[name] for name in columns}
        n = len(frame)
    else:  # plain dicts (the extractor's rows): one list per column, no intermediate frame
        rows = records if isinstance(records, list) else list(records)
        values = {name: pd.Series(column, dtype=object) for name, column in zip(columns, _columns(rows, list(columns)),
                                                                                strict=True)}
        n = len(rows)
    out = {}
    for name, dtype in columns.items():
        col = values[name]
        if str(dtype).startswith("datetime64"):
            col = pd.to_datetime(col, errors="coerce").astype(dtype)
        elif dtype == "boolean":
            col = col.astype("boolean")
        elif isinstance(dtype, pd.CategoricalDtype):
            col = col.astype("object").where(col.notna(), None).astype(dtype)
        else:
            col = col.astype(dtype)
        out[name] = col
    return pd.DataFrame(out, index=pd.RangeIndex(n))


def _columns(rows: list[Mapping[str, object]], names: list[str]) -> list[tuple | list]:
    """The values of each named column, None where a row lacks it."""
    if not rows:
        return [[] for _ in names]
    try:  # every row has every column (the extractor's rows): transpose in C
        return list(zip(*map(itemgetter(*names), rows), strict=True)) if len(names) > 1 else \
            [[row[names[0]] for row in rows]]
    except KeyError:
        return [[row.get(name) for row in rows] for name in names]


def figures_frame(records: Iterable[Mapping[str, object]] | pd.DataFrame) -> pd.DataFrame:
    """Build a figures table with exactly the schema's columns, in order, with their dtypes.

    Missing columns are added as NA; unknown ones are dropped.

    >>> row = figures_frame([{"measure": "troops", "value": 12000.0}])
    >>> str(row.dtypes["measure"]), str(row.dtypes["start"])
    ('category', 'Int64')
    """
    return _typed(records, FIGURE_COLUMNS)


def articles_frame(records: Iterable[Mapping[str, object]] | pd.DataFrame) -> pd.DataFrame:
    """Build an articles table (the output of :func:`analysis.read_articles`) with its dtypes."""
    return _typed(records, ARTICLE_COLUMNS)


def errors_frame(records: Iterable[Mapping[str, object]] | pd.DataFrame) -> pd.DataFrame:
    """Build an errors table: one row per article that could not be read or parsed."""
    return _typed(records, ERROR_COLUMNS)
