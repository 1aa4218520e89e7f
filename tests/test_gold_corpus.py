"""The bundled corpus scores above the bar with the project's shared scorer, and its gold is well formed."""
from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re

import pytest

from analysis.extract.articles import split_header
from analysis.schema import MEASURES, QUALIFIERS

from .conftest import ROOT, SHARED

SCORER = SHARED / "tools" / "score_figures.py"
ARTICLES = sorted((ROOT / "data/articles").glob("*.txt"))
GOLD_FILES = sorted((ROOT / "data/gold").glob("*.jsonl"))


def _scorer():
    if not SCORER.exists():
        pytest.skip(f"the shared scorer is not beside the checkout ({SCORER})")
    spec = importlib.util.spec_from_file_location("score_figures", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(*args: str) -> dict[str, float]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        _scorer().main([*args])
    lines = out.getvalue().strip().splitlines()
    scores = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", lines[-1])}
    attributes = next(line for line in lines if line.startswith("attributes:"))
    for field, right, total in re.findall(r"(\w+)=(\d+)/(\d+)", attributes):
        scores[f"{field}_accuracy"] = int(right) / max(int(total), 1)
    return scores


@pytest.fixture(scope="module")
def corpus_scores():
    return _score(str(ROOT / "data/articles"), "--gold", *map(str, GOLD_FILES))


def test_bundled_corpus_scores_at_least_f1_095(corpus_scores):
    assert corpus_scores["F1"] >= 0.95, corpus_scores


@pytest.mark.parametrize("field", ["qualifier", "actor", "location", "claimant", "event_date"])
def test_each_field_is_right_for_at_least_90_percent_of_the_gold_figures(corpus_scores, field):
    assert corpus_scores[f"{field}_accuracy"] >= 0.9, corpus_scores


def test_seed_scores_perfectly_on_every_field():
    scores = _score(str(SHARED / "seed") if (SHARED / "seed").exists() else str(ROOT / "data/articles"))
    assert scores["F1"] == 1.0 and scores["strictF1"] == 1.0, scores


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
