"""Extraction over a Dask DataFrame of articles: the same table, computed on a cluster.

Needs the optional extra: ``pip install ".[dask]"``. The core package does not import Dask.

>>> import dask.dataframe as dd, pandas as pd
>>> articles = dd.from_pandas(pd.DataFrame({"article_id": ["a"], "text": ["Russia lost 5 tanks."]}), npartitions=1)
>>> extract_dask(articles).compute()[["article_id", "measure", "value"]].values.tolist()
[['a', 'equipment', 5.0]]
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from analysis.io.runner import extract_with_errors
from analysis.schema import errors_frame, figures_frame

if TYPE_CHECKING:
    import dask.dataframe as dd


def _partition_figures(articles: pd.DataFrame) -> pd.DataFrame:
    return extract_with_errors(articles, progress=False)[0]


def _partition_errors(articles: pd.DataFrame) -> pd.DataFrame:
    return extract_with_errors(articles, progress=False)[1]


def extract_dask(articles: dd.DataFrame) -> dd.DataFrame:
    """Figures of a Dask DataFrame of articles, as a Dask DataFrame with the figures table's schema.

    ``articles`` needs a ``text`` column; ``article_id``, ``source``, ``published`` are used when
    present (an ``article_id`` column is strongly advised: without one each article gets a hash of
    its text). Each partition is extracted independently, so the result is row for row what
    :func:`analysis.extract` gives on the same articles. Point it at a cluster as with any Dask
    computation, e.g. ``distributed.Client("tcp://scheduler:8786")`` before ``.compute()``.
    """
    return articles.map_partitions(_partition_figures, meta=figures_frame([]))


def extract_errors_dask(articles: dd.DataFrame) -> dd.DataFrame:
    """The articles of a Dask DataFrame that could not be read or extracted (see :func:`extract_with_errors`).

    Computing this and :func:`extract_dask` extracts every partition twice; when both are wanted,
    use :func:`extract_with_errors_dask`.
    """
    return articles.map_partitions(_partition_errors, meta=errors_frame([]))


def extract_with_errors_dask(articles: dd.DataFrame) -> tuple[dd.DataFrame, dd.DataFrame]:
    """Figures and errors of a Dask DataFrame of articles, each partition extracted once.

    The two Dask DataFrames share their extraction tasks: compute or write them in one call, e.g.
    ``dask.compute(figures, errors)`` or ``dask.compute(figures.to_parquet(a, compute=False),
    errors.to_parquet(b, compute=False))``. Computed one after the other, each extracts again.

    >>> import dask, dask.dataframe as dd, pandas as pd
    >>> frame = pd.DataFrame({"article_id": ["a", "b"], "text": ["Russia lost 5 tanks.", ""]})
    >>> figures, errors = dask.compute(*extract_with_errors_dask(dd.from_pandas(frame, npartitions=2)))
    >>> figures["value"].tolist(), errors["article_id"].tolist()
    ([5.0], ['b'])
    """
    from dask import delayed
    from dask.dataframe import from_delayed

    results = [delayed(extract_with_errors, nout=2)(part, progress=False) for part in articles.to_delayed()]
    figures = from_delayed([figures for figures, _ in results], meta=figures_frame([]), verify_meta=False)
    errors = from_delayed([errors for _, errors in results], meta=errors_frame([]), verify_meta=False)
    return figures, errors
