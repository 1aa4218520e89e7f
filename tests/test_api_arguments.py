"""Public helpers given a wrong table or argument fail at the call, naming what is wrong."""
from __future__ import annotations

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import analysis
from analysis.schema import figures_frame

ROWS = figures_frame([
    {"article_id": "a", "source": "AP", "published": "2024-11-05", "measure": "killed", "value": 6.0,
     "low": 6.0, "high": 6.0, "qualifier": "exact", "actor": "civilians", "location": "Odesa", "lat": 46.48,
     "lon": 30.72, "geo_precision": "place", "text": "six", "start": 0, "sentence": "six died"},
    {"article_id": "b", "source": "BBC", "published": "2024-11-06", "measure": "killed", "value": 8.0,
     "low": 8.0, "high": 8.0, "qualifier": "exact", "actor": "civilians", "location": "Odesa", "lat": 46.48,
     "lon": 30.72, "geo_precision": "place", "text": "8", "start": 0, "sentence": "8 died"},
])


@pytest.mark.parametrize(("name", "column"), [
    ("summary", "source"), ("highlight", "sentence"), ("plot_map", "measure"), ("by_region", "geo_precision"),
    ("to_geodataframe", "lat"), ("plot_estimates", "qualifier"), ("claims", "published"),
    ("consensus", "event_date"),
])
def test_a_table_missing_a_column_names_it(name: str, column: str) -> None:
    with pytest.raises(ValueError, match=rf"{name}\(\) needs the column\(s\) .*'{column}'"):
        getattr(analysis, name)(ROWS.drop(columns=[column]))
    plt.close("all")


def test_a_table_that_is_not_a_frame_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="summary\\(\\) needs a figures table"):
        analysis.summary([{"source": "AP"}])


@pytest.mark.parametrize(("call", "error", "message"), [
    (lambda: analysis.compare(ROWS, measure="killed", actor=5), TypeError, r"compare\(actor=5\)"),
    (lambda: analysis.compare(ROWS, measure="killed", location=["Odesa"]), TypeError, r"compare\(location="),
    (lambda: analysis.highlight(ROWS, n=1.5), ValueError, r"highlight\(n=1.5\)"),
    (lambda: analysis.highlight(ROWS, n=-1), ValueError, r"highlight\(n=-1\)"),
    (lambda: analysis.consensus(ROWS, tolerance="x"), ValueError, r"consensus\(tolerance='x'\)"),
    (lambda: analysis.consensus(ROWS, tolerance=float("nan")), ValueError, r"consensus\(tolerance=nan\)"),
])
def test_a_wrong_argument_is_named(call, error, message) -> None:
    with pytest.raises(error, match=message):
        call()


@pytest.mark.parametrize("name", ["plot_map", "plot_estimates"])
def test_an_infinite_value_is_left_out_of_a_drawing(name: str) -> None:
    rows = pd.concat([ROWS, ROWS.iloc[[0]].assign(value=np.inf, high=np.inf)], ignore_index=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", analysis.DroppedFiguresWarning)
        ax = getattr(analysis, name)(rows)
    assert np.isfinite(ax.get_xlim()).all() and np.isfinite(ax.get_ylim()).all()
    plt.close("all")


def test_plot_map_says_how_many_infinite_values_it_left_out() -> None:
    rows = pd.concat([ROWS, ROWS.iloc[[0]].assign(value=np.inf)], ignore_index=True)
    with pytest.warns(analysis.DroppedFiguresWarning, match="1 figure left out: infinite value"):
        analysis.plot_map(rows)
    plt.close("all")


def test_contradictions_are_judged_once_per_group_not_pair_by_pair() -> None:
    """Contradictions are found from each voice's extreme bounds, not by comparing every pair."""
    n = 3000
    many = figures_frame(pd.DataFrame({
        "article_id": [f"a{i}" for i in range(n)], "source": [f"S{i % 7}" for i in range(n)],
        "claimant": [f"C{i % 5}" for i in range(n)], "published": pd.Timestamp("2024-11-05"),
        "measure": "killed", "value": np.arange(n, dtype=float) % 90 + 1, "qualifier": "exact",
        "actor": "civilians", "location": "Kharkiv", "geo_precision": "place"}))
    many = many.assign(low=many["value"], high=many["value"])
    from analysis.compare import groups
    calls = []
    original = groups._contradicted
    groups._contradicted = lambda live: calls.append(len(live)) or original(live)
    try:
        statuses = analysis.claims(many)["status"]
    finally:
        groups._contradicted = original
    assert statuses.eq("contradiction").any() and sum(calls) <= n


@pytest.mark.parametrize(("call", "error", "message"), [
    (lambda: analysis.revisions(5), TypeError, r"revisions\(\) needs a figures table"),
    (lambda: analysis.plot_timeline(5, measure="killed"), TypeError, r"plot_timeline\(\) needs a figures table"),
    (lambda: figures_frame(5), TypeError, "iterable of row dicts, not int"),
    (lambda: figures_frame({"value": 1.0}), TypeError, "not dict"),
])
def test_a_value_that_is_no_table_is_a_type_error(call, error, message) -> None:
    with pytest.raises(error, match=message):
        call()
