"""Views of a figures table for notebooks: sentences with their figure marked, and counts.

:func:`highlight` shows each figure in its sentence with the figure's words in ``<mark>``;
:func:`summary` counts the figures per source and measure.

>>> from analysis.schema import figures_frame
>>> rows = figures_frame([{"measure": "killed", "value": 6.0, "text": "six", "start": 22, "end": 25,
...                        "sentence": "An attack left six dead."}])
>>> print(highlight(rows))
killed 6 (no claimant): An attack left [six] dead.
"""
from __future__ import annotations

import html
from collections import Counter

import pandas as pd

from analysis.checks import count, require_columns
from analysis.schema import MEASURES

__all__ = ["Highlighted", "highlight", "summary"]

_STYLE = "border-collapse:collapse;text-align:left"
_CELL = "padding:2px 8px;border-bottom:1px solid #ddd;vertical-align:top;text-align:left"


class Highlighted:
    """An HTML table that Jupyter renders (``_repr_html_``) and a terminal prints as plain text."""

    def __init__(self, html_text: str, plain_text: str) -> None:
        self.html = html_text
        self.text = plain_text

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def _occurrences(sentence: str, text: str) -> list[int]:
    """Every position where ``text`` starts in ``sentence`` (case-insensitive if no exact match)."""
    for haystack, needle in ((sentence, text), (sentence.lower(), text.lower())):
        found, at = [], haystack.find(needle)
        while needle and at >= 0:
            found.append(at)
            at = haystack.find(needle, at + 1)
        if found:
            return found
    return []


def locate_spans(figures: pd.DataFrame) -> pd.Series:
    """Where each figure's ``text`` starts inside its ``sentence`` (``<NA>`` when it is not there).

    ``start`` is an offset into the article, so a surface repeated in a sentence ("10,000 ... 10,000")
    is resolved with the other figures of the same sentence: the sentence's own offset in the article
    is the one that most of their ``start - position`` agree on.

    >>> from analysis.schema import figures_frame
    >>> rows = figures_frame([
    ...     {"article_id": "a", "text": "10", "start": 108, "sentence": "Not 10 but 10 or 12."},
    ...     {"article_id": "a", "text": "12", "start": 117, "sentence": "Not 10 but 10 or 12."}])
    >>> locate_spans(rows).tolist()
    [11, 17]
    """
    positions = pd.Series(pd.NA, index=figures.index, dtype="Int64")
    keys = figures[["article_id", "sentence"]].astype("string").fillna("")
    for _, group in figures.groupby([keys["article_id"], keys["sentence"]], sort=False):
        found = {i: _occurrences(str(group.at[i, "sentence"]), str(group.at[i, "text"]))
                 for i in group.index if pd.notna(group.at[i, "sentence"]) and pd.notna(group.at[i, "text"])}
        starts = {i: int(group.at[i, "start"]) for i in found if pd.notna(group.at[i, "start"])}
        votes = Counter(starts[i] - at for i in starts for at in found[i])
        origin = min(votes, key=lambda offset: (-votes[offset], offset)) if votes else None
        for i, candidates in found.items():
            if not candidates:
                continue
            if origin is None or i not in starts:
                positions[i] = candidates[0]
            else:
                positions[i] = min(candidates, key=lambda at: abs(starts[i] - origin - at))
    return positions


def _number(value: object) -> str:
    return "" if pd.isna(value) else f"{float(value):,.10g}"


def _why(row: pd.Series) -> str:
    """The hover text of a figure: the rules that decided its fields, one per line."""
    rules = row.get("rules")
    if rules is None or pd.isna(rules):
        return ""
    return "\n".join(part.replace("=", ": ", 1) for part in str(rules).split(";"))


def _marked(sentence: object, text: object, at: object, *, html_out: bool, why: str = "") -> str:
    if pd.isna(sentence):
        return "" if pd.isna(text) else (html.escape(str(text)) if html_out else str(text))
    sentence = str(sentence)
    if pd.isna(at):
        return html.escape(sentence) if html_out else sentence
    at = int(at)
    stop = at + len(str(text))
    before, span, after = sentence[:at], sentence[at:stop], sentence[stop:]
    if not html_out:
        return f"{before}[{span}]{after}"
    title = f' title="{html.escape(why, quote=True)}"' if why else ""
    return f"{html.escape(before)}<mark{title}>{html.escape(span)}</mark>{html.escape(after)}"


def highlight(figures: pd.DataFrame, *, n: int | None = None) -> Highlighted:
    """Each figure's sentence with the figure's words marked, beside its measure, value and claimant.

    Parameters
    ----------
    figures : DataFrame
        A figures table (:func:`analysis.schema.figures_frame`); ``sentence``, ``text`` and ``start``
        place the mark.
    n : int, optional
        Show only the first ``n`` rows.

    Returns
    -------
    Highlighted
        Renders as an HTML table in Jupyter (text escaped, the figure in ``<mark>``; resting the
        pointer on it shows the ``rules`` that decided its measure, actor, claimant, place and date)
        and prints as plain text with the figure in square brackets.

    Raises
    ------
    TypeError
        If ``figures`` is not a DataFrame.
    ValueError
        If ``figures`` lacks ``sentence``, ``text`` or ``start``, or ``n`` is not a whole number >= 0.

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> rows = figures_frame([{"measure": "troops", "value": 12000.0, "claimant": "HUR", "text": "12,000",
    ...                        "start": 9, "sentence": "Up to <b>12,000</b> troops."}])
    >>> highlight(rows).html.count("<mark>12,000</mark>"), "&lt;b&gt;" in highlight(rows).html
    (1, True)
    """
    require_columns(figures, ["sentence", "text", "start"], caller="highlight")
    n = count(n, "n", caller="highlight")
    shown = figures if n is None else figures.head(n)
    spans = locate_spans(shown)
    head = "".join(f'<th style="{_CELL}">{name}</th>'
                   for name in ("article", "measure", "value", "qualifier", "claimant", "sentence"))
    rows, lines = [], []
    for i, row in shown.iterrows():
        claimant = row.get("claimant")
        cells = (row.get("article_id"), row.get("measure"), _number(row.get("value")), row.get("qualifier"), claimant)
        text_cells = "".join(f'<td style="{_CELL}">{"" if pd.isna(c) else html.escape(str(c))}</td>' for c in cells)
        sentence = _marked(row.get("sentence"), row.get("text"), spans[i], html_out=True, why=_why(row))
        rows.append(f'<tr>{text_cells}<td style="{_CELL}">{sentence}</td></tr>')
        who = "no claimant" if pd.isna(claimant) else claimant
        plain = _marked(row.get("sentence"), row.get("text"), spans[i], html_out=False)
        lines.append(f"{row.get('measure')} {_number(row.get('value'))} ({who}): {plain}")
    table = f'<table style="{_STYLE}"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    return Highlighted(table, "\n".join(lines))


def summary(figures: pd.DataFrame, *, margins: bool = False) -> pd.DataFrame:
    """How many figures each source reported, per measure: sources as rows, measures as columns.

    Measures keep the schema's order and only those present appear; a missing source is counted
    as "(no source)". ``margins`` adds a ``total`` row and column.

    Parameters
    ----------
    figures : DataFrame
        A figures table (a ``source`` and a ``measure`` column).
    margins : bool, default False
        Add a ``total`` row and a ``total`` column.

    Returns
    -------
    DataFrame
        Counts (int64), one row per source (index named ``source``, sorted), one column per measure
        reported (named ``measure``, in the schema's order).

    Raises
    ------
    TypeError
        If ``figures`` is not a DataFrame.
    ValueError
        If ``figures`` lacks the ``source`` or the ``measure`` column.

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> rows = figures_frame([{"measure": "troops", "source": "AP"}, {"measure": "killed", "source": "AP"},
    ...                       {"measure": "killed", "source": "BBC"}])
    >>> counts = summary(rows, margins=True)
    >>> counts.columns.tolist(), counts.loc["BBC"].tolist(), counts.loc["total"].tolist()
    (['troops', 'killed', 'total'], [0, 1, 1], [1, 2, 3])
    """
    require_columns(figures, ["source", "measure"], caller="summary")
    source = figures["source"].astype("string").fillna("(no source)").rename("source")
    measure = figures["measure"].astype("string").rename("measure")
    table = pd.crosstab(source, measure)
    order = [name for name in MEASURES if name in table.columns]
    order += sorted(name for name in table.columns if name not in MEASURES)
    table = table.reindex(columns=order).astype("int64")
    table.columns = pd.Index(order, name="measure")
    table.index = table.index.rename("source")
    if margins:
        table["total"] = table.sum(axis=1)
        table.loc["total"] = table.sum(axis=0)
    return table
