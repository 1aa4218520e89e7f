"""Sentence splitting (analysis.extract.sentences), called directly: where a full stop ends a sentence."""
from __future__ import annotations

from importlib import resources

import pytest

import analysis
from analysis.extract.sentences import is_abbreviation, split_sentences
from analysis.vocabulary import Sentences, VocabularyError, load_vocabulary


@pytest.mark.parametrize(("text", "sentences"), [
    ("Six died. Then five more.", ["Six died.", "Then five more."]),
    ("Gen. Oleksandr Syrskyi spoke. Then 5 died.", ["Gen. Oleksandr Syrskyi spoke.", "Then 5 died."]),
    ("Lt. Gen. Kyrylo Budanov spoke.", ["Lt. Gen. Kyrylo Budanov spoke."]),  # titles run on into the name
    ("U.S. officials said 40 died.", ["U.S. officials said 40 died."]),
    ("Nov. 4 saw 12 strikes.", ["Nov. 4 saw 12 strikes."]),
    ("Troops advanced 9 km. The ministry said 50 died.", ["Troops advanced 9 km.", "The ministry said 50 died."]),
    ("Troops pushed on 800 ft. Officials confirmed it.", ["Troops pushed on 800 ft.", "Officials confirmed it."]),
    ("They took 120 sq. km of fields.", ["They took 120 sq. km of fields."]),  # a lower-case word goes on
    ("The first line\nThe second line", ["The first line", "The second line"]),  # a newline always ends one
])
def test_split_sentences(text, sentences):
    assert [s.text for s in split_sentences(text)] == sentences


def test_sentences_keep_their_offsets_in_the_text():
    text = "  Six died.   Then five.  "
    assert [(s.start, s.end) for s in split_sentences(text)] == [(2, 11), (14, 24)]
    assert all(text[s.start:s.end] == s.text for s in split_sentences(text))


@pytest.mark.parametrize(("chunk", "abbreviation"), [
    ("said Gen.", True), ("the U.N.", True), ("J.", True), ("a.m.", True),
    ("9 km.", False), ("the ministry.", False), ("(Mr.", True),
])
def test_is_abbreviation(chunk, abbreviation):
    assert is_abbreviation(chunk) is abbreviation


def _sentences_toml(old: str, new: str) -> str:
    text = resources.files("analysis").joinpath("data", "sentences.toml").read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize("entry", ['"lt. gen"', '"gen."'])
def test_an_abbreviation_is_one_word_without_its_stop(entry):
    with pytest.raises(VocabularyError, match="each is one word"):
        load_vocabulary("sentences", Sentences, text=_sentences_toml('"mt"]', f'"mt", {entry}]'))


def test_a_figure_after_a_unit_that_ends_a_sentence_quotes_its_own_sentence():
    figures = analysis.extract_figures("Russian troops advanced 9 km. The ministry said 50 soldiers died.")
    assert figures.set_index("value").loc[50.0, "sentence"] == "The ministry said 50 soldiers died."
