"""What one figure allows and when it is about: the interval of its qualifier, and its date.

>>> from analysis.schema import figures_frame
>>> rows = figures_frame([{"value": 47.0, "low": 47.0, "qualifier": "at_least", "published": "2024-09-03"}])
>>> claim_bounds(rows).values.tolist(), claim_dates(rows).dt.strftime("%Y-%m-%d").tolist()
([[47.0, inf]], ['2024-09-03'])
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.checks import fraction, require_columns

__all__ = ["APPROX_TOLERANCE", "claim_bounds", "claim_dates", "point_values"]

# "about 3,000" is read as 3,000 give or take 10%: wide enough for a rounded figure, narrow enough
# that "about 3,000" and "about 10,000" still contradict.
APPROX_TOLERANCE = 0.1


def claim_bounds(figures: pd.DataFrame, *, tolerance: float = APPROX_TOLERANCE) -> pd.DataFrame:
    """The interval each figure allows, from its qualifier: columns ``lo`` and ``hi``, same index.

    exact -> [v, v]; approx -> [v*(1-tolerance), v*(1+tolerance)]; at_least -> [low, inf);
    at_most -> [0, high]; range -> [low, high]. A missing ``low``/``high`` falls back to ``value``;
    a missing qualifier counts as exact. Rows with nothing to bound get NaN.

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> rows = figures_frame([{"value": 100.0, "qualifier": q} for q in ("exact", "approx", "at_least", "at_most")])
    >>> claim_bounds(rows).round(6).values.tolist()
    [[100.0, 100.0], [90.0, 110.0], [100.0, inf], [0.0, 100.0]]
    """
    tolerance = fraction(tolerance, "tolerance", caller="claim_bounds")
    require_columns(figures, ["value", "low", "high", "qualifier"], caller="claim_bounds")
    value = figures["value"].astype("float64")
    low = figures["low"].astype("float64").fillna(value)
    high = figures["high"].astype("float64").fillna(value)
    qualifier = figures["qualifier"].astype("object").where(figures["qualifier"].notna(), "exact")
    lo = value.copy()
    hi = value.copy()
    approx = qualifier.eq("approx")
    lo[approx], hi[approx] = value[approx] * (1 - tolerance), value[approx] * (1 + tolerance)
    at_least = qualifier.eq("at_least")
    lo[at_least], hi[at_least] = low[at_least], np.where(low[at_least].notna(), np.inf, np.nan)
    at_most = qualifier.eq("at_most")
    lo[at_most], hi[at_most] = np.where(high[at_most].notna(), 0.0, np.nan), high[at_most]
    ranged = qualifier.eq("range")
    lo[ranged], hi[ranged] = low[ranged], high[ranged]
    return pd.DataFrame({"lo": lo, "hi": hi}, index=figures.index)


def point_values(figures: pd.DataFrame) -> pd.Series:
    """One number per figure: its value, else the middle of its range, else the bound it gives.

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> point_values(figures_frame([{"low": 10.0, "high": 12.0}, {"value": 5.0}])).tolist()
    [11.0, 5.0]
    """
    low, high = figures["low"].astype("float64"), figures["high"].astype("float64")
    return figures["value"].astype("float64").fillna((low + high) / 2).fillna(low).fillna(high)


def claim_dates(rows: pd.DataFrame) -> pd.Series:
    """The date each figure is about: its ``event_date``, else its ``published`` date.

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> rows = figures_frame([{"published": "2025-01-13", "event_date": "2025-01-06"}, {"published": "2025-01-13"}])
    >>> claim_dates(rows).dt.strftime("%Y-%m-%d").tolist()
    ['2025-01-06', '2025-01-13']
    """
    event = pd.to_datetime(rows["event_date"], errors="coerce")
    published = pd.to_datetime(rows["published"], errors="coerce")
    return event.fillna(published).astype("datetime64[ns]")


def lower(column: pd.Series) -> pd.Series:
    """Strings stripped and case-folded, for matching names."""
    return column.astype("string").str.strip().str.casefold()

