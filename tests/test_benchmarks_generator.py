"""The benchmark's article generator: deterministic, ~3 KB articles, full of figures the extractor finds."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pandas as pd
import pytest

import analysis

from .conftest import load_benchmark


@pytest.fixture(scope="module")
def generate():
    return load_benchmark("generate")


@pytest.fixture(scope="module")
def sample(generate) -> pd.DataFrame:
    return generate.generate_articles(40, seed=7)


def test_same_n_and_seed_give_an_identical_frame(generate):
    pd.testing.assert_frame_equal(generate.generate_articles(25, seed=3), generate.generate_articles(25, seed=3))


def test_another_seed_gives_other_articles(generate):
    first, second = generate.generate_articles(5, seed=0), generate.generate_articles(5, seed=1)
    assert not set(first["text"]) & set(second["text"])


def test_a_smaller_run_is_a_prefix_of_a_larger_one(generate):
    small, large = generate.generate_articles(5, seed=2), generate.generate_articles(12, seed=2)
    pd.testing.assert_frame_equal(small, large.iloc[:5])


def test_iter_articles_yields_the_rows_of_generate_articles(generate):
    streamed = list(generate.iter_articles(6, seed=4))
    frame = generate.generate_articles(6, seed=4)
    assert [a["text"] for a in streamed] == frame["text"].tolist()
    assert [a["article_id"] for a in streamed] == frame["article_id"].tolist()
    assert pd.to_datetime([a["published"] for a in streamed]).tolist() == frame["published"].tolist()


def test_iter_articles_is_lazy(generate):
    stream = generate.iter_articles(10**9)
    assert next(stream)["article_id"] == next(generate.iter_articles(1))["article_id"]


def test_frame_has_the_documented_columns_and_unique_ids(sample):
    assert list(sample.columns) == ["article_id", "source", "published", "text"]
    assert sample["article_id"].is_unique
    assert sample["published"].notna().all() and sample["source"].notna().all()


def test_articles_are_about_three_kilobytes(sample):
    sizes = sample["text"].str.encode("utf-8").str.len()
    assert 2_700 <= sizes.mean() <= 3_400
    assert sizes.between(2_000, 4_500).all()


def test_articles_mix_sources_and_places(sample, generate):
    assert sample["source"].nunique() >= 8
    towns = [town for town in generate.TOWNS if sample["text"].str.contains(town, regex=False).any()]
    assert len(towns) >= 15


def test_extract_finds_several_figures_per_article(sample):
    figures = analysis.extract(sample, progress=False)
    per_article = figures.groupby("article_id").size().reindex(sample["article_id"], fill_value=0)
    assert per_article.mean() >= 3
    assert (per_article >= 1).all()
    assert {"troops", "killed", "injured", "advance", "equipment", "area"} <= set(figures["measure"].dropna())


@pytest.mark.parametrize(("n", "expected"), [
    (7, "seven"), (20, "twenty"), (47, "forty-seven"), (300, "three hundred"), (12000, "twelve thousand"),
])
def test_number_words_spell_counts_the_extractor_reads(generate, n, expected):
    assert generate.number_words(n) == expected
    assert analysis.extract_figures(f"{expected} soldiers were killed")["value"].tolist() == [float(n)]


def test_number_words_refuses_numbers_without_a_short_name(generate):
    with pytest.raises(ValueError, match="1234"):
        generate.number_words(1234)


def test_negative_count_is_an_error(generate):
    with pytest.raises(ValueError, match="n=-1"):
        generate.iter_articles(-1)


def test_cli_writes_one_json_article_per_line(generate, tmp_path):
    out = tmp_path / "articles.jsonl"
    assert generate.main(["3", str(out), "--seed", "9"]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == list(generate.iter_articles(3, seed=9))


@pytest.mark.slow  # a wall-clock check: see pyproject's markers
def test_generating_a_thousand_articles_takes_well_under_a_few_seconds(generate):
    start = time.perf_counter()
    frame = generate.generate_articles(1000, seed=11)
    assert len(frame) == 1000
    assert time.perf_counter() - start < 3.0


def _gold_figures_per_1000_chars() -> float:
    """Figures per 1,000 characters of text in the bundled real articles, by their gold annotations."""
    root = Path(__file__).resolve().parents[1] / "data"
    figures = sum(1 for path in (root / "gold").glob("*.jsonl") for line in path.read_text().splitlines()
                  if line.strip())
    chars = analysis.read_articles(root / "articles")["text"].str.len().sum()
    return 1000 * figures / chars


def test_articles_are_as_dense_in_figures_as_the_bundled_real_ones(generate):
    """A benchmark on articles much denser or sparser in figures than real reporting would mislead."""
    sample = generate.generate_articles(150, seed=11)
    figures = analysis.extract(sample, progress=False)
    density = 1000 * len(figures) / sample["text"].str.len().sum()
    assert density == pytest.approx(_gold_figures_per_1000_chars(), rel=0.15)


def test_figure_share_sets_how_dense_the_articles_are(generate):
    sparse = analysis.extract(generate.generate_articles(30, seed=5, figure_share=0.1), progress=False)
    dense = analysis.extract(generate.generate_articles(30, seed=5, figure_share=0.5), progress=False)
    assert len(dense) > 1.5 * len(sparse)
    with pytest.raises(ValueError, match="between 0 and 1"):
        generate.generate_articles(3, figure_share=1.5)
