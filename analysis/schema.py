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

import numpy as np
import pandas as pd
import pyarrow as pa

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
    if isinstance(records, str | bytes | Mapping) or not isinstance(records, Iterable):
        raise TypeError(f"a table is built from a DataFrame or an iterable of row dicts, not {type(records).__name__}")
    if isinstance(records, pd.DataFrame):
        frame = records.reindex(columns=list(columns))
        values = {name: frame[name] for name in columns}
        n = len(frame)
    else:  # plain dicts (the extractor's rows): one list per column, no intermediate frame
        rows = records if isinstance(records, list) else list(records)
        n = len(rows)
        lists = dict(zip(columns, _columns(rows, list(columns)), strict=True))
        fast = {name: _fast_array(lists[name], dtype) for name, dtype in columns.items()}
        if all(array is not None for array in fast.values()):
            return _frame_of_arrays(fast, n)
        values = {name: pd.Series(column, dtype=object) for name, column in lists.items()}
    out = {}
    for name, dtype in columns.items():
        col = values[name]
        if str(dtype).startswith("datetime64"):
            col = pd.to_datetime(col, errors="coerce").astype(dtype)
        elif dtype == "boolean":
            col = col.astype("boolean")
        elif isinstance(dtype, pd.CategoricalDtype):
            col = col.astype("object")
            col = col.where(col.isin(dtype.categories), None).astype(dtype)  # an unknown value is missing
        else:
            col = col.astype(dtype)
        out[name] = col
    return pd.DataFrame(out, index=pd.RangeIndex(n))


# Building a column from its values with the dtype's own constructor is some 20 times faster than
# Series.astype, which matters for a table of a few rows (one article: ``extract_figures`` in a loop).
# Only values already of the column's type take this path; anything else goes through astype.
def _fast_array(values: list | tuple, dtype: object):
    """The column as an array of ``dtype``, or None when a value is not already of its type."""
    if isinstance(dtype, pd.CategoricalDtype):
        codes_of = _category_codes(dtype)
        codes = [-1 if v is None else codes_of.get(v) for v in values]
        return None if None in codes else pd.Categorical.from_codes(np.array(codes, dtype="int16"), dtype=dtype)
    kind = _FAST_KINDS.get(dtype)
    if kind is None or not set(map(type, values)) <= kind[0]:  # (one pass in C over the types)
        return None
    if dtype == "datetime64[ns]" and any(v is not None and v.tzinfo is not None for v in values):
        return None  # a zone: the slow path says what to do with it
    return kind[1](values)


def _strings(values) -> object:
    if _STRING.storage == "pyarrow":  # (pd.array would check every value again)
        return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()))
    return pd.array(values, dtype=_STRING)


def _masked(values) -> np.ndarray:
    return np.array([v is None for v in values], dtype=bool)


_NONE = type(None)
# dtype -> (the types its values may already have, the array of such values with None as missing)
_FAST_KINDS = {
    "string": ({str, _NONE}, _strings),
    "float64": ({float, int, _NONE},
                lambda values: np.array([np.nan if v is None else v for v in values], dtype="float64")),
    "Int64": ({int, _NONE}, lambda values: pd.arrays.IntegerArray(
        np.array([0 if v is None else v for v in values], dtype="int64"), _masked(values))),
    "boolean": ({bool, _NONE}, lambda values: pd.arrays.BooleanArray(
        np.array([bool(v) for v in values], dtype=bool), _masked(values))),
    "datetime64[ns]": ({pd.Timestamp, _NONE}, lambda values: _datetimes(values)),
}


def _datetimes(values) -> np.ndarray:
    """Timestamps (or None) as datetime64[ns]. A column holds few distinct dates (an article's
    publication day, its events' days), and converting a Timestamp costs some microseconds: each
    distinct one is converted once."""
    converted: dict = {None: _NAT}
    for value in values:
        if value not in converted:
            converted[value] = value.as_unit("ns").to_datetime64()
    return np.array([converted[value] for value in values], dtype="datetime64[ns]")


def _frame_of_arrays(arrays: dict, n: int) -> pd.DataFrame:
    """A frame of ready-typed arrays. pandas' own ``_from_arrays`` skips the checks the public
    constructor repeats on arrays we just built (half the cost of a one-article table); where a
    pandas version lacks it, the public constructor does the same."""
    index = pd.RangeIndex(n)
    from_arrays = getattr(pd.DataFrame, "_from_arrays", None)
    if from_arrays is not None:
        names = tuple(arrays)
        if names not in _COLUMN_INDEX:  # an Index is immutable: one per schema serves every frame
            _COLUMN_INDEX[names] = pd.Index(names)
        try:
            return from_arrays(list(arrays.values()), columns=_COLUMN_INDEX[names], index=index,
                               verify_integrity=False)
        except TypeError:  # a signature we do not know
            pass
    return pd.DataFrame(arrays, index=index, copy=False)


_COLUMN_INDEX: dict[tuple, pd.Index] = {}
_STRING = pd.StringDtype()
_NAT = np.datetime64("NaT", "ns")
_CODES: dict[int, dict] = {}


def _category_codes(dtype: pd.CategoricalDtype) -> dict:
    key = id(dtype)
    if key not in _CODES:
        _CODES[key] = {value: code for code, value in enumerate(dtype.categories)}
    return _CODES[key]


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

    Parameters
    ----------
    records : iterable of dict, or DataFrame
        The rows, one mapping of column name to value per figure, or a table. A value a column
        cannot hold as its category (an unknown ``measure``, say) becomes missing; dates are parsed,
        and one that is not a date becomes NaT.

    Returns
    -------
    DataFrame
        One row per record, with the columns of :data:`FIGURE_COLUMNS`, in order, with their dtypes.

    Raises
    ------
    TypeError
        If ``records`` is neither a DataFrame nor an iterable of row dicts.

    Examples
    --------
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
