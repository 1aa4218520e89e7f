"""How extract runs over many articles: the figures table is built in chunks as rows come, and the
cyclic garbage collector is paused, safely (extraction makes no cycles; the state is restored)."""
from __future__ import annotations

import gc
import threading

import pandas as pd

import analysis
from analysis.io import runner
from analysis.runtime import cyclic_gc_paused as _cyclic_gc_paused

from .conftest import ROOT


def test_extraction_leaves_no_cyclic_garbage():
    """The pause is only free if reference counting frees everything extraction drops."""
    articles = analysis.read_articles(ROOT / "data/articles")
    analysis.extract(articles.head(2), progress=False)  # gazetteer and caches loaded outside the count
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        analysis.extract(articles, progress=False)
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()


def test_the_collector_is_paused_during_extraction_and_restored_after(monkeypatch):
    seen = []
    monkeypatch.setattr(runner, "_extract_record", lambda record: seen.append(gc.isenabled()) or ([], []))
    gc.enable()
    analysis.extract(pd.DataFrame({"text": ["Six died."], "article_id": ["a"]}), progress=False)
    assert seen == [False]
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled():
    gc.disable()
    try:
        analysis.extract(pd.DataFrame({"text": ["Six died."], "article_id": ["a"]}), progress=False)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_comes_back_only_when_the_last_of_overlapping_extractions_ends():
    gc.enable()
    inner_started, outer_may_end = threading.Event(), threading.Event()
    states = {}

    def inner():
        with _cyclic_gc_paused():
            inner_started.set()
            outer_may_end.wait(5)
        states["after inner"] = gc.isenabled()

    with _cyclic_gc_paused():
        thread = threading.Thread(target=inner)
        thread.start()
        inner_started.wait(5)
    states["after outer, inner running"] = gc.isenabled()
    outer_may_end.set()
    thread.join(5)
    assert states == {"after outer, inner running": False, "after inner": True}
    assert gc.isenabled()


def test_an_error_inside_still_restores_the_collector():
    gc.enable()
    try:
        with _cyclic_gc_paused():
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert gc.isenabled()


def test_rows_become_the_same_table_in_chunks_as_in_one_piece(monkeypatch):
    articles = analysis.read_articles(ROOT / "data/articles")
    whole = analysis.extract(articles, progress=False)
    monkeypatch.setattr(runner, "_ROWS_PER_CHUNK", 7)
    chunked = analysis.extract(articles, progress=False)
    assert len(whole) > 7 * 5
    pd.testing.assert_frame_equal(chunked, whole)
