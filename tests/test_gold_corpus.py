"""The bundled corpus scores above the bar (scored by analysis.evaluate), and its gold is well formed."""
from __future__ import annotations

import json
import re

import pytest

from analysis.evaluate import FIELDS, read_gold, score_folder
from analysis.extract.articles import split_header
from analysis.schema import MEASURES, QUALIFIERS

from .conftest import ROOT

ARTICLES = sorted((ROOT / "data/articles").glob("*.txt"))
GOLD_FILES = sorted((ROOT / "data/gold").glob("*.jsonl"))
SEED = "s01"  # the original article, annotated first: every figure and field must stay right


@pytest.fixture(scope="module")
def corpus():
    return score_folder(ROOT / "data/articles", GOLD_FILES)


def test_bundled_corpus_scores_at_least_f1_095(corpus):
    assert corpus.totals["crashes"] == 0 and corpus.totals["articles"] == len(ARTICLES)
    assert corpus.totals["f1"] >= 0.95, corpus.totals


@pytest.mark.parametrize("field", FIELDS)
def test_each_field_is_right_for_at_least_90_percent_of_the_gold_figures(corpus, field):
    assert corpus.fields.loc[field, "accuracy"] >= 0.9, corpus.fields


def test_seed_scores_perfectly_on_every_field():
    seed = score_folder(ROOT / "data/articles", [ROOT / "data/gold" / f"{SEED}.jsonl"])
    assert seed.totals["articles"] == 1 and seed.totals["tp"] > 0
    assert seed.totals["f1"] == 1.0 and seed.totals["strict_f1"] == 1.0, seed.errors


def test_bundled_gold_reads_without_errors():
    lines = [line for f in GOLD_FILES for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(read_gold(GOLD_FILES)) == len(lines)


def test_corpus_has_at_least_30_articles_from_8_outlets_each_with_gold():
    outlets = {split_header(p.read_text(encoding="utf-8"))[0].get("source") for p in ARTICLES}
    assert len(ARTICLES) >= 31 and len(outlets) >= 8
    assert {p.stem for p in ARTICLES} == {p.stem for p in GOLD_FILES}


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_article_header_names_its_report(article):
    meta, text = split_header(article.read_text(encoding="utf-8"))
    assert meta.get("source") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.get("published", ""))
    if article.stem != "s01":  # the seed is the original article; the rest are digests of real reports
        assert meta.get("kind") == "digest" and meta.get("url", "").startswith("http")
    assert len(text.split()) > 60


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_lines_are_well_formed_and_point_at_their_article(gold_file):
    _, text = split_header((ROOT / "data/articles" / f"{gold_file.stem}.txt").read_text(encoding="utf-8"))
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        assert gold["article"] == gold_file.stem
        assert gold["text"] in text, gold["text"]
        assert gold["measure"] in MEASURES and gold["qualifier"] in QUALIFIERS
        if gold["qualifier"] == "at_least":
            assert gold["low"] == gold["value"] and gold["high"] is None
        if gold["qualifier"] == "at_most":
            assert gold["high"] == gold["value"] and gold["low"] is None
        if gold["qualifier"] == "range":
            assert gold["low"] < gold["high"]
