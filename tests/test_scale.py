"""Extraction on a Dask cluster gives the pandas result row for row."""
from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis.schema import FIGURE_COLUMNS

from .conftest import ROOT

dd = pytest.importorskip("dask.dataframe", reason="the optional 'dask' extra is not installed")
distributed = pytest.importorskip("distributed")


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["article_id", "start", "derived"]).reset_index(drop=True)


def test_dask_on_a_two_worker_local_cluster_matches_pandas():
    articles = analysis.read_articles(ROOT / "data/articles")
    expected = analysis.extract(articles)
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster):
        from analysis.io.dask import extract_dask

        lazy = extract_dask(dd.from_pandas(articles, npartitions=4))
        assert list(lazy.columns) == list(FIGURE_COLUMNS)
        got = lazy.compute()
    pd.testing.assert_frame_equal(_sorted(got), _sorted(expected))


def test_dask_errors_list_the_unreadable_articles():
    from analysis.io.dask import extract_errors_dask

    articles = dd.from_pandas(pd.DataFrame({"article_id": ["a", "b"], "text": ["Six died.", ""]}), npartitions=2)
    assert extract_errors_dask(articles).compute().article_id.tolist() == ["b"]


def test_figures_and_errors_together_extract_each_partition_once(monkeypatch):
    import dask

    from analysis.io import dask as scale

    calls = []
    real = scale.extract_with_errors

    def counting(part, *, progress):
        calls.append(len(part))
        return real(part, progress=progress)

    monkeypatch.setattr(scale, "extract_with_errors", counting)
    frame = pd.DataFrame({"article_id": ["a", "b", "c", "d"],
                          "text": ["Six died.", "", "Russia lost 5 tanks.", "Up to 12,000 troops were sent."]})
    figures, errors = scale.extract_with_errors_dask(dd.from_pandas(frame, npartitions=2))
    with dask.config.set(scheduler="synchronous"):
        got_figures, got_errors = dask.compute(figures, errors)
    assert len(calls) == figures.npartitions and sum(calls) == len(frame)
    expected_figures, expected_errors = real(frame, progress=False)
    pd.testing.assert_frame_equal(_sorted(got_figures), _sorted(expected_figures))
    pd.testing.assert_frame_equal(got_errors.reset_index(drop=True), expected_errors)
