"""Checks of what a public function is given, so that a wrong argument fails at the call, naming it.

>>> optional_text("Russia", "actor", caller="compare")
'Russia'
>>> optional_text(5, "actor", caller="compare")
Traceback (most recent call last):
...
TypeError: compare(actor=5): pass a name as a string, or None
"""
from __future__ import annotations

import numbers
from collections.abc import Iterable

import pandas as pd

__all__ = ["count", "fraction", "optional_text", "require_columns"]


def require_columns(frame: object, columns: Iterable[str], *, caller: str) -> None:
    """Raise a clear error if ``frame`` is not a table holding ``columns`` (named in the message).

    >>> require_columns(pd.DataFrame({"value": [1.0]}), ["value", "measure"], caller="summary")
    Traceback (most recent call last):
    ...
    ValueError: summary() needs the column(s) 'measure', which the table lacks (pass analysis.extract's table)
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{caller}() needs a figures table (a pandas DataFrame), not {type(frame).__name__}")
    missing = [name for name in columns if name not in frame.columns]
    if missing:
        raise ValueError(f"{caller}() needs the column(s) {', '.join(map(repr, missing))}, which the table lacks "
                         "(pass analysis.extract's table)")


def optional_text(value: object, name: str, *, caller: str) -> str | None:
    """``value`` if it is a string or None; else a TypeError naming the argument."""
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"{caller}({name}={value!r}): pass a name as a string, or None")


def count(value: object, name: str, *, caller: str, allow_none: bool = True) -> int | None:
    """``value`` if it is a whole number >= 0 (or None when allowed)."""
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
        raise ValueError(f"{caller}({name}={value!r}): pass a whole number >= 0"
                         + (", or None" if allow_none else ""))
    return int(value)


def fraction(value: object, name: str, *, caller: str) -> float:
    """``value`` if it is a finite real number >= 0 (a share such as 0.1)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not 0 <= float(value) < float("inf"):
        raise ValueError(f"{caller}({name}={value!r}): pass a number >= 0, such as 0.1 for ±10%")
    return float(value)
