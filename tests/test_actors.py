"""The actors stage on its own: whose people or equipment each figure counts, and which rule said so."""
from __future__ import annotations

import pytest

from analysis.extract.actors import OPPONENT, carry_actors, decide_actor, side_of
from analysis.extract.numbers import find_numbers
from analysis.extract.pipeline import read_figure
from analysis.extract.view import SentenceView

from .test_measures import reading_of


def actor_of(sentence: str, figure: str) -> tuple[str, str | None]:
    reading = reading_of(sentence, figure)
    return reading.actor_rule, reading.actor


@pytest.mark.parametrize(("sentence", "figure", "rule", "actor"), [
    ("Ukrainian forces took 40 prisoners and destroyed 12 Russian tanks.", "40", "captor_opponent", "Russia"),
    ("Ukrainian forces took 40 prisoners and destroyed 12 Russian tanks.", "12", "demonym_in_counted", "Russia"),
    ("Russia said 40 soldiers were killed in the fighting.", "40", "soldiers_of_party", "Russia"),
    ("The shelling killed 14 people and wounded 30 more.", "14", "civilian_noun", "civilians"),
    ("A drone attack on the port killed 12.", "12", "strike_victims", "civilians"),
    ("Some 5,000 residents fled the city.", "Some 5,000", "civilian_noun", "civilians"),
    ("The war has lasted 1,000 days.", "1,000 days", "none", None),
])
def test_each_actor_rule_names_whose_figure_it_is(sentence: str, figure: str, rule: str, actor: str | None) -> None:
    assert actor_of(sentence, figure) == (rule, actor)


def test_a_rule_list_can_be_given_and_the_first_answer_wins() -> None:
    sentence = "Russia said 40 soldiers were killed."
    mentions = find_numbers(sentence)
    view = SentenceView.of(sentence, mentions)
    view.read = read_figure
    figure, reading = view.figure(0), view.reading(0)
    assert decide_actor(figure, reading, rules=())[0] == "none"


def test_opponents_are_symmetric_and_sides_come_from_claimants() -> None:
    assert OPPONENT["Russia"] == "Ukraine" and OPPONENT["Ukraine"] == "Russia"
    assert side_of("Ukrainian General Staff") == "Ukraine"
    assert side_of("someone unheard of") is None


def test_figures_without_an_actor_take_the_one_beside_them() -> None:
    sentences = ["Some 600 Russian troops were killed and 900 wounded.", "Another 40 were wounded later.",
                 "Ukraine said 12 of its soldiers died."]
    rows = [{"_k": 0, "measure": "killed", "actor": "Russia", "_rules": {"actor": "demonym_in_counted"}},
            {"_k": 0, "measure": "injured", "actor": None, "_rules": {"actor": "none"}},
            {"_k": 1, "measure": "injured", "actor": None, "_rules": {"actor": "none"}},
            {"_k": 2, "measure": "killed", "actor": None, "_rules": {"actor": "none"}}]
    for row in rows:
        row |= {"claimant": None, "sentence": sentences[row["_k"]]}
    carry_actors(rows)
    assert [(row["actor"], row["_rules"]["actor"]) for row in rows] == [
        ("Russia", "demonym_in_counted"), ("Russia", "carried_in_sentence"), ("Russia", "carried_from_before"),
        (None, "none")]  # a sentence naming a party of its own does not take another's
