"""The measures stage on its own: which rule reads what each number counts.

Each row is a sentence in our own words, the figure's text, and the (rule, measure) expected.
"""
from __future__ import annotations

import pytest

from analysis.extract import measures
from analysis.extract.numbers import find_numbers
from analysis.extract.pipeline import read_figure
from analysis.extract.view import SentenceView


def reading_of(sentence: str, figure: str):
    """The measure reading of the number written ``figure`` in ``sentence``."""
    mentions = find_numbers(sentence)
    view = SentenceView.of(sentence, mentions)
    view.read = read_figure
    index = next(i for i, m in enumerate(mentions) if sentence[m.start:m.end] == figure)
    return view.reading(index)


@pytest.mark.parametrize(("sentence", "figure", "rule", "measure"), [
    ("About 3,000 troops crossed into the region.", "About 3,000", "troops_noun", "troops"),
    ("Twelve tanks were destroyed near the village.", "Twelve", "noun_after", "equipment"),
    ("The shelling killed 14 people and wounded 30 more.", "14", "noun_then_verb", "killed"),
    ("The shelling killed 14 people and wounded 30 more.", "30", "verb_before", "injured"),
    ("A drone attack on the port killed 12.", "12", "verb_before", "killed"),
    ("The army advanced 9 kilometres toward the town.", "9 kilometres", "unit_advance", "advance"),
    ("Forces took 120 square kilometres in a week.", "120 square kilometres", "unit_area", "area"),
    ("The war has lasted 1,000 days.", "1,000 days", "unit_duration", "duration"),
    ("Some 5,000 residents fled the city.", "Some 5,000", "noun_then_verb", "displaced"),
    ("The fighting left 8 dead, including two children.", "two", "noun_then_verb", "killed"),
])
def test_each_measure_rule_reads_its_construction(sentence: str, figure: str, rule: str, measure: str) -> None:
    reading = reading_of(sentence, figure)
    assert (reading.measure_rule, reading.measure) == (rule, measure)


@pytest.mark.parametrize(("sentence", "figure"), [
    ("The bridge was built in 1954.", "1954"),              # a year
    ("Prices rose by 12% in a month.", "12%"),              # a percentage
    ("The law was passed on 5 March.", "5"),                # a day of a month
])
def test_numbers_that_count_nothing_have_no_reading(sentence: str, figure: str) -> None:
    mentions = find_numbers(sentence)
    if not any(sentence[m.start:m.end] == figure and m.kind == "quantity" for m in mentions):
        return  # the number reader already set it aside
    assert reading_of(sentence, figure) is None


def test_the_rules_are_tried_in_their_listed_order() -> None:
    names = [rule.__name__ for rule in measures.MEASURE_RULES]
    assert names[0] == "one_person" and len(names) == len(set(names))


def test_a_list_nested_past_the_depth_limit_still_reads_in_bounded_time() -> None:
    sentence = "Only " + "5 of " * 200 + "12 soldiers returned."
    mentions = find_numbers(sentence)
    view = SentenceView.of(sentence, mentions)
    view.read = read_figure
    readings = [view.reading(i) for i in range(len(mentions))]
    assert readings[-1] is not None and readings[-1].measure == "troops"
