"""The figures table's schema: every way of building it gives the same columns and dtypes."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import schema
from analysis.schema import FIGURE_COLUMNS, figures_frame

ROWS = [
    {"article_id": "a1", "published": pd.Timestamp("2024-11-05"), "measure": "troops", "value": 12000.0,
     "low": None, "high": 12000.0, "unit": "person", "qualifier": "at_most", "derived": False,
     "actor": "North Korea", "claimant": "Pentagon", "geonameid": 703448, "start": 10, "end": 22,
     "event_date": None, "date_precision": None, "text": "up to 12,000", "rules": "measure=noun_after"},
    {"article_id": "a1", "published": pd.Timestamp("2024-11-05"), "measure": "killed", "value": 6.0,
     "unit": "person", "qualifier": "exact", "derived": True, "start": 40, "end": 43,
     "event_date": pd.Timestamp("2024-11-05"), "date_precision": "day", "text": "six"},
]


def _slow(rows: list[dict]) -> pd.DataFrame:
    """The frame built column by column with astype, the path for values of any type."""
    original = schema._fast_array
    schema._fast_array = lambda values, dtype: None
    try:
        return figures_frame(rows)
    finally:
        schema._fast_array = original


def test_rows_of_plain_values_build_the_same_frame_as_astype() -> None:
    fast = figures_frame(ROWS)
    pd.testing.assert_frame_equal(fast, _slow(ROWS))
    assert list(fast.dtypes.astype(str)) == [str(pd.Series([], dtype=d).dtype) for d in FIGURE_COLUMNS.values()]


@pytest.mark.parametrize(("column", "value"), [
    ("value", "12"),                            # a string where a float goes
    ("start", 3.0),                             # a float where an integer goes
    ("published", "2024-11-05"),                # a date as text
    ("text", 5),                                # a number where a string goes
    ("derived", 1),
])
def test_values_of_another_type_are_converted_as_before(column: str, value: object) -> None:
    rows = [dict(ROWS[0], **{column: value})]
    pd.testing.assert_frame_equal(figures_frame(rows), _slow(rows))


def test_a_value_outside_a_columns_categories_is_missing() -> None:
    rows = [dict(ROWS[0], measure="pizzas")]
    assert figures_frame(rows)["measure"].isna().all()
    pd.testing.assert_frame_equal(figures_frame(rows), _slow(rows))


def test_no_rows_give_an_empty_typed_frame() -> None:
    empty = figures_frame([])
    assert list(empty.columns) == list(FIGURE_COLUMNS) and len(empty) == 0
    assert str(empty.dtypes["start"]) == "Int64"
