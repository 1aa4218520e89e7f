"""Run the extractor over many articles: chunked tables, progress, the collector pause, errors kept.

``extract`` and ``extract_with_errors`` take anything :func:`analysis.read_articles` reads; every article
ends up with figures, with none, or in the errors table with the stage that failed and why.

>>> import pandas as pd
>>> extract(pd.DataFrame({"text": ["Russia lost 5 tanks."], "article_id": ["a"]}))[
...     ["article_id", "measure", "value"]].values.tolist()
[['a', 'equipment', 5.0]]
"""
from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analysis.extract.articles import iter_articles, parse_published, replace_surrogates, warn_published
from analysis.extract.pipeline import MAX_TEXT_CHARS, figure_records
from analysis.runtime import cyclic_gc_paused
from analysis.schema import errors_frame, figures_frame


def extract(articles: pd.DataFrame | str | Path | Iterable[str | Path], *,
            progress: bool | None = None) -> pd.DataFrame:
    """Figures of many articles as one table.

    ``articles`` is an articles table (from :func:`analysis.read_articles`) or anything
    ``read_articles`` accepts. Articles that could not be read or parsed produce no rows and a
    warning; :func:`extract_with_errors` returns them as a table. ``progress`` shows a tqdm bar
    (default: only for more than 200 articles).

    Parameters
    ----------
    articles : DataFrame, str, Path or list of them
        An articles table with a ``text`` column, or a folder, a glob, a file or a list of paths
        (see :func:`analysis.read_articles`).
    progress : bool, optional
        Show a progress bar; by default only for more than 200 articles.

    Returns
    -------
    DataFrame
        The figures of every article, one row per figure, as a figures table (see
        :mod:`analysis.schema`); ``article_id`` says which article each came from.

    Raises
    ------
    TypeError
        If ``articles`` is not a table, a path, a glob or a list of paths (None, a number).
    ValueError
        For an empty name ``''``.

    Warns
    -----
    UserWarning
        Naming how many articles could not be read or parsed, and the first of them.
    PublishedDateWarning
        Naming the articles whose ``published`` is not a date (their figures are kept, undated).

    Examples
    --------
    >>> import pandas as pd
    >>> extract(pd.DataFrame({"text": ["Russia lost 5 tanks."], "article_id": ["a"]}))[
    ...     ["article_id", "measure", "value"]].values.tolist()
    [['a', 'equipment', 5.0]]
    """
    figures, errors = extract_with_errors(articles, progress=progress)
    failed = errors[errors["stage"].isin(["read", "extract"])].reset_index(drop=True)
    if len(failed):
        warnings.warn(f"{len(failed)} of the articles could not be read or parsed and gave no figures "
                      f"(first: {failed.loc[0, 'article_id']}: {failed.loc[0, 'error']}); "
                      "analysis.extract_with_errors() lists them all", stacklevel=2)
    return figures


def extract_with_errors(articles: pd.DataFrame | str | Path | Iterable[str | Path], *,
                        progress: bool | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Like :func:`extract`, also returning the errors table (article_id, path, stage, error).

    Every article is either in the figures' ``article_id`` (if it had figures) or absent with no
    error (it had none), or in the errors table: none is lost silently. The stage is ``read`` (the
    article could not be read), ``extract`` (extraction failed) or ``published`` (its publication
    date is not a date: its figures are kept, undated, and a :class:`PublishedDateWarning` names it).

    Parameters
    ----------
    articles : DataFrame, str, Path or list of them
        As in :func:`extract`.
    progress : bool, optional
        Show a progress bar; by default only for more than 200 articles.

    Returns
    -------
    figures : DataFrame
        The figures table, as :func:`extract` returns it.
    errors : DataFrame
        One row per article that could not be read, could not be parsed or has a publication date
        that is not a date: ``article_id``, ``path``, ``stage`` and ``error``.

    Raises
    ------
    TypeError
        If ``articles`` is not a table, a path, a glob or a list of paths (None, a number).
    ValueError
        For an empty name ``''``.

    Examples
    --------
    >>> import pandas as pd
    >>> figures, errors = extract_with_errors(pd.DataFrame({"text": ["Six died.", ""], "article_id": ["a", "b"]}))
    >>> errors[["article_id", "error"]].values.tolist()
    [['b', 'empty text']]
    """
    if isinstance(articles, pd.DataFrame) and {"error", "article_id"} <= set(articles.columns):
        records: list[dict] = articles.to_dict("records")
    else:
        if articles is None or isinstance(articles, int | float):
            raise TypeError(f"extract() takes an articles table, a path, a glob or a list of paths, "
                            f"not {type(articles).__name__}")
        records = list(iter_articles(articles))
    rows: list[dict] = []
    chunks: list[pd.DataFrame] = []  # rows as dicts take ten times the memory of the table they become
    errors: list[dict] = []
    with cyclic_gc_paused():
        for record in _progress(records, progress):
            figure_rows, record_errors = _extract_record(record)
            errors.extend(record_errors)
            rows.extend(figure_rows)
            if len(rows) >= _ROWS_PER_CHUNK:
                chunks.append(figures_frame(rows))
                rows = []
    figures = figures_frame(rows) if not chunks else pd.concat([*chunks, figures_frame(rows)], ignore_index=True)
    dated = [{"article_id": e["article_id"], "published_error": e["error"]} for e in errors
             if e["stage"] == "published"]
    warn_published(dated, stacklevel=3)
    return figures, errors_frame(errors)


_ROWS_PER_CHUNK = 20_000


def _extract_record(record: dict) -> tuple[list[dict], list[dict]]:
    """The figure rows of one article and its errors (at most one that stops it, one about its date)."""
    error = record.get("error")
    text = record.get("text")
    base = {"article_id": record.get("article_id"), "path": _or_none(record.get("path"))}
    if isinstance(error, str) and error:
        return [], [{**base, "stage": "read", "error": error}]
    if not isinstance(text, str) or not text.strip():
        return [], [{**base, "stage": "read", "error": "empty text"}]
    if len(text) > MAX_TEXT_CHARS:
        limit = f"text is {len(text):,} characters, more than the {MAX_TEXT_CHARS:,} one article may have"
        return [], [{**base, "stage": "read", "error": limit}]
    problems = []
    published_error = record.get("published_error")
    published = _or_none(record.get("published"))
    try:
        published = parse_published(published)
    except ValueError as exc:
        published, published_error = None, str(exc)
    if isinstance(published_error, str) and published_error:
        problems.append({**base, "stage": "published", "error": published_error + "; its figures are undated"})
    try:
        rows = figure_records(replace_surrogates(text), published=published, source=_or_none(record.get("source")),
                              article_id=record.get("article_id"))
    except Exception as exc:  # one bad article must not stop a run over a million
        return [], [*problems, {**base, "stage": "extract", "error": f"{type(exc).__name__}: {exc}"}]
    return rows, problems


def _or_none(value: object) -> object:
    missing = value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and pd.isna(value))
    return None if missing else value


def _progress(records: list, progress: bool | None):
    if progress is False or (progress is None and len(records) <= 200):
        return records
    from tqdm.auto import tqdm

    return tqdm(records, desc="extracting", unit="article")
