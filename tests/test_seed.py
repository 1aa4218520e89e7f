"""The article the project started from: every figure, every field."""
from __future__ import annotations

import json

import pandas as pd
import pytest

import analysis
from analysis.extract.articles import split_header

from .conftest import ROOT


@pytest.fixture(scope="module")
def seed():
    meta, text = split_header((ROOT / "data/articles/s01.txt").read_text(encoding="utf-8"))
    figures = analysis.extract_figures(text, published=meta["published"], source=meta["source"], article_id="s01")
    gold = [json.loads(line) for line in (ROOT / "data/gold/s01.jsonl").read_text().splitlines() if line]
    return text, figures, gold


def test_seed_has_every_required_gold_figure_with_its_fields(seed):
    text, figures, gold = seed
    for g in (g for g in gold if not g["optional"]):
        rows = figures[(figures.measure == g["measure"]) & (figures.value.sub(g["value"]).abs() < 0.05)]
        assert len(rows) >= 1, g
        row = rows.iloc[0]
        assert row.qualifier == g["qualifier"], g
        for field in ("actor", "claimant"):
            if g[field] is not None:
                assert g[field].split()[-1].lower() in str(row[field]).lower(), (field, g, row[field])
        if g["location"] is not None:
            assert g["location"].lower() in str(row.location).lower(), (g, row.location)
        if g["event_date"] is not None:
            assert row.event_date == pd.Timestamp(g["event_date"]), g


def test_seed_has_no_figure_outside_the_gold(seed):
    text, figures, gold = seed
    assert len(figures) == len(gold)


def test_seed_composite_gives_a_derived_total(seed):
    _, figures, _ = seed
    derived = figures[figures.derived]
    assert derived[["measure", "value", "qualifier"]].values.tolist() == [["troops", 15000.0, "approx"]]


def test_seed_spans_point_at_the_text(seed):
    text, figures, _ = seed
    for row in figures.itertuples():
        assert text[row.start:row.end] == row.text
        assert row.text in row.sentence


def test_seed_restatement_in_brackets_is_not_a_second_figure(seed):
    _, figures, _ = seed
    assert figures[figures.measure == "advance"][["value", "high", "qualifier"]].values.tolist() == [
        [9.0, 9.0, "at_most"]]
