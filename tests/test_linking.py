"""The linking stage on its own: which claimant, place and date a figure is tied to, and by which rule.

Each article is a few sentences in our own words; the helper runs the stages before linking
(sentences, numbers, attribution, places, dates) and asks :class:`SentenceLinks` about one figure.
"""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.extract import places
from analysis.extract.articles import parse_published
from analysis.extract.attribution import claims_by_sentence
from analysis.extract.linking import ArticleContext, SentenceLinks
from analysis.extract.numbers import find_numbers
from analysis.extract.sentences import group_by_sentence, split_sentences

PUBLISHED = "2024-11-05"  # a Tuesday


def link(text: str, figure: str, measure: str, published: str | None = PUBLISHED) -> dict:
    sentences = split_sentences(text)
    mentions_in = group_by_sentence(find_numbers(text), sentences)
    claims = claims_by_sentence(text, sentences)
    place_mentions = places.find_places(text)
    context = ArticleContext.build(text, sentences, claims, place_mentions,
                                   group_by_sentence(place_mentions, sentences), parse_published(published))
    k, m = next((k, m) for k, mentions in enumerate(mentions_in) for m in mentions
                if text[m.start:m.end] == figure)
    links = SentenceLinks(context, k)
    claim = links.claimant(m)
    place, precision, place_rule = links.place(m, measure)
    date, date_rule = links.event_date(m, measure, claim)
    return {"claimant": claim.name if claim else None, "claimant_rule": claim.rule if claim else "none",
            "place": place.name if place else None, "precision": precision, "place_rule": place_rule,
            "date": str(date.date.date()) if date else None, "date_rule": date_rule}


@pytest.mark.parametrize(("text", "figure", "claimant", "rule"), [
    ("About 3,000 troops crossed the border, the Pentagon said.", "About 3,000", "Pentagon", "subject_said"),
    ("According to the Pentagon, about 3,000 troops crossed the border.", "about 3,000", "Pentagon",
     "according_to"),
    ("About 3,000 troops crossed the border, said John Kirby, a White House spokesman.", "About 3,000",
     "John Kirby", "said_subject"),
    ("The Pentagon said troops had moved. About 3,000 crossed the border on Monday.", "About 3,000",
     "Pentagon", "paragraph_speaker"),
    ("About 3,000 troops crossed the border.", "About 3,000", None, "none"),
])
def test_claimant_rules(text: str, figure: str, claimant: str | None, rule: str) -> None:
    linked = link(text, figure, "troops")
    assert (linked["claimant"], linked["claimant_rule"]) == (claimant, rule)


def test_a_new_paragraph_is_the_outlets_own_voice_again() -> None:
    text = "Governor Ivan Fedorov said troops had moved.\n\nAbout 3,000 crossed the border on Monday."
    assert link(text, "About 3,000", "troops")["claimant_rule"] == "none"


@pytest.mark.parametrize(("text", "figure", "measure", "place", "rule"), [
    ("A strike on Odesa killed 12 people.", "12", "killed", "Odesa", "own_sentence"),
    ("Shelling killed 5 in Kharkiv, and 3 were hurt in Sumy.", "3", "injured", "Sumy", "own_segment"),
    ("In Kharkiv 5 died; in Sumy, 3 were hurt.", "3", "injured", "Sumy", "own_clause"),
    ("Missiles hit Dnipro overnight. Officials said 7 people died.", "7", "killed", "Dnipro", "sentence_before"),
    ("Russia has lost 600,000 troops since the start of the full-scale invasion.", "600,000", "casualties",
     "Ukraine", "national"),
    ("The war has lasted 1,000 days.", "1,000 days", "duration", None, "none"),
])
def test_place_rules(text: str, figure: str, measure: str, place: str | None, rule: str) -> None:
    linked = link(text, figure, measure)
    assert (linked["place"], linked["place_rule"]) == (place, rule)


def test_the_place_the_story_is_about_reaches_a_later_figure_without_one() -> None:
    text = ("Rescuers worked through the night in Zaporizhzhia after a strike. The governor spoke of damage. "
            "Later he said 9 people had died.")
    linked = link(text, "9", "killed")
    assert (linked["place"], linked["place_rule"]) == ("Zaporizhzhia", "lede")


@pytest.mark.parametrize(("text", "figure", "measure", "date", "rule"), [
    ("A strike on Monday killed 12 people.", "12", "killed", "2024-11-04", "own_clause"),
    ("The attack came on Sunday; 4 people died in it.", "4", "killed", "2024-11-03", "before_in_sentence"),
    ("A missile hit the town on Sunday. Officials said 7 people died.", "7", "killed", "2024-11-03",
     "strike_before"),
    ("The ministry said on Monday that 1,200 troops had been lost.", "1,200", "casualties", "2024-11-04",
     "statement"),
    ("About 3,000 troops crossed the border.", "About 3,000", "troops", None, "none"),
])
def test_date_rules(text: str, figure: str, measure: str, date: str | None, rule: str) -> None:
    linked = link(text, figure, measure)
    assert (linked["date"], linked["date_rule"]) == (date, rule)


def test_without_a_publication_date_no_relative_date_is_resolved() -> None:
    assert link("A strike on Monday killed 12 people.", "12", "killed", published=None)["date"] is None


def test_the_rules_column_names_every_deciding_rule() -> None:
    from analysis import extract_figures
    row = extract_figures("A strike on Odesa on Monday killed 12 people, the governor said.",
                          published=PUBLISHED).iloc[0]
    fields = dict(part.split("=") for part in row["rules"].split(";"))
    assert list(fields) == ["measure", "actor", "claimant", "place", "date"]
    assert fields["claimant"] == "subject_said" and fields["date"] == "own_clause"
    assert row["event_date"] == pd.Timestamp("2024-11-04")


def _known_rules() -> dict[str, set[str]]:
    from analysis.extract import measures
    from analysis.extract.actors import ACTOR_RULES
    from analysis.extract.attribution import CLAIMANT_RULES
    from analysis.extract.linking import DATE_RULES, PLACE_RULES
    return {
        "measure": {r.__name__ for r in measures.MEASURE_RULES} | {"composite_total"},
        "actor": {r.__name__ for r in ACTOR_RULES} | {"carried_in_sentence", "carried_from_before",
                                                      "enemy_of_claimant", "own_side_of_claimant", "party_of_paragraph",
                                                      "of_the_whole", "of_the_next"},
        "claimant": set(CLAIMANT_RULES) | {f"pronoun_{r}" for r in CLAIMANT_RULES},
        "place": set(PLACE_RULES), "date": set(DATE_RULES),
    }


def test_the_rules_column_uses_only_documented_rule_names(corpus_figures) -> None:
    from tests.conftest import ROOT
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    known = _known_rules()
    undocumented = sorted(name for names in known.values() for name in names
                          if not name.startswith("pronoun_") and f"`{name}`" not in readme)
    assert not undocumented, f"README's 'How the extractor decides' lacks {undocumented}"
    for rules in corpus_figures["rules"]:
        for part in rules.split(";"):
            field, name = part.split("=")
            assert name == "none" or name in known[field], part
