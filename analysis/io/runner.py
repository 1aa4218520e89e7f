"""Run the extractor over many articles: chunked tables, progress, the collector pause, errors kept.

``extract`` and ``extract_with_errors`` take anything :func:`analysis.read_articles` reads; every article
ends up with figures, with none, or in the errors table with the stage that failed and why.

>>> import pandas as pd
>>> extract(pd.DataFrame({"text": ["Russia lost 5 tanks."], "article_id": ["a"]}))[
...     ["article_id", "measure", "value"]].values.tolist()
[['a', 'equipment', 5.0]]
"""
from __future__ import annotations

import gc
import threading
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from analysis.extract.articles import parse_published, read_articles
from analysis.extract.pipeline import figure_records
from analysis.schema import errors_frame, figures_frame


def extract(articles: pd.DataFrame | str | Path | Iterable[str | Path], *,
            progress: bool | None = None) -> pd.DataFrame:
    """Figures of many articles as one table.

    ``articles`` is an articles table (from :func:`analysis.read_articles`) or anything
    ``read_articles`` accepts. Articles that could not be read or parsed produce no rows and a
    warning; :func:`extract_with_errors` returns them as a table. ``progress`` shows a tqdm bar
    (default: only for more than 200 articles).

    >>> import pandas as pd
    >>> extract(pd.DataFrame({"text": ["Russia lost 5 tanks."], "article_id": ["a"]}))[
    ...     ["article_id", "measure", "value"]].values.tolist()
    [['a', 'equipment', 5.0]]
    """
    figures, errors = extract_with_errors(articles, progress=progress)
    if len(errors):
        warnings.warn(f"{len(errors)} of the articles could not be read or parsed and gave no figures "
                      f"(first: {errors.loc[0, 'article_id']}: {errors.loc[0, 'error']}); "
                      "analysis.extract_with_errors() lists them all", stacklevel=2)
    return figures


def extract_with_errors(articles: pd.DataFrame | str | Path | Iterable[str | Path], *,
                        progress: bool | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Like :func:`extract`, also returning the errors table (article_id, path, stage, error).

    Every article is either in the figures' ``article_id`` (if it had figures) or absent with no
    error (it had none), or in the errors table: none is lost silently.

    >>> import pandas as pd
    >>> figures, errors = extract_with_errors(pd.DataFrame({"text": ["Six died.", ""], "article_id": ["a", "b"]}))
    >>> errors[["article_id", "error"]].values.tolist()
    [['b', 'empty text']]
    """
    if not isinstance(articles, pd.DataFrame) or not {"error", "article_id"} <= set(articles.columns):
        articles = read_articles(articles)
    rows: list[dict] = []
    chunks: list[pd.DataFrame] = []  # rows as dicts take ten times the memory of the table they become
    errors: list[dict] = []
    with _cyclic_gc_paused():
        for record in _progress(articles.to_dict("records"), progress):
            rows_or_error = _extract_record(record)
            if isinstance(rows_or_error, dict):
                errors.append(rows_or_error)
            else:
                rows.extend(rows_or_error)
                if len(rows) >= _ROWS_PER_CHUNK:
                    chunks.append(figures_frame(rows))
                    rows = []
    figures = figures_frame(rows) if not chunks else pd.concat([*chunks, figures_frame(rows)], ignore_index=True)
    return figures, errors_frame(errors)


_ROWS_PER_CHUNK = 20_000


_GC_LOCK = threading.Lock()
_gc_pauses = 0  # extractions running in this process
_gc_was_enabled = False


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while articles are extracted.

    Extraction makes no reference cycles (reference counting frees everything it drops; a test
    checks it), but it allocates so much that the collector runs again and again, and each full
    collection walks every object of the process (pandas, the gazetteer, the caches): about 5% of a
    long run, to free nothing. The collector's state is restored when the last extraction running
    in the process (in any thread) ends.
    """
    global _gc_pauses, _gc_was_enabled
    with _GC_LOCK:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


def _extract_record(record: dict) -> list[dict] | dict:
    error = record.get("error")
    text = record.get("text")
    base = {"article_id": record.get("article_id"), "path": record.get("path")}
    if isinstance(error, str) and error:
        return {**base, "stage": "read", "error": error}
    if not isinstance(text, str) or not text.strip():
        return {**base, "stage": "read", "error": "empty text"}
    published = record.get("published")
    try:
        published = parse_published(None if pd.isna(published) else published)
        return figure_records(text, published=published, source=_or_none(record.get("source")),
                              article_id=record.get("article_id"))
    except Exception as exc:  # one bad article must not stop a run over a million
        return {**base, "stage": "extract", "error": f"{type(exc).__name__}: {exc}"}


def _or_none(value: object) -> object:
    return None if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)) else value


def _progress(records: list, progress: bool | None):
    if progress is False or (progress is None and len(records) <= 200):
        return records
    from tqdm.auto import tqdm

    return tqdm(records, desc="extracting", unit="article")
