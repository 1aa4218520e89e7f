"""The extractor's vocabulary, loaded once from ``data/lexicon.json`` and compiled into regexes.

Keeping words in a data file lets the vocabulary grow without touching the logic that uses it.

>>> LEXICON.number_words["twelve"]
12
>>> LEXICON.measure_of_noun["brigades"]
'units'
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from importlib import resources


def phrase_key(matched: str) -> str:
    """A matched phrase as the lexicon spells it: lower case, single spaces ('Death  Toll' -> 'death toll')."""
    return " ".join(matched.lower().split())


def lowered(text: str) -> str:
    """``text`` in lower case with every offset kept (``str.lower`` lengthens a few letters, such as 'İ').

    Matching lower-case patterns against lower-cased text is several times faster than ``re.I``.

    >>> lowered("İstanbul SAID")
    'İstanbul said'
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def word_starts(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """Matches of ``pattern`` that begin a word, left to right and not overlapping: ``\\b`` + pattern.

    A pattern that opens with its letters, not with ``\\b``, lets ``re`` skip ahead to the places
    where those letters occur (several times faster on long text); the boundary is checked here.

    >>> [m.group() for m in word_starts(re.compile("said"), "Unsaid, he said.")]
    ['said']
    """
    pos = 0
    while (match := pattern.search(text, pos)) is not None:
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            pos = start + 1  # inside a word: try again just after where this match began
            continue
        yield match
        pos = match.end() if match.end() > start else start + 1


def phrase_pattern(phrases: list[str] | tuple[str, ...]) -> str:
    """A regex matching any of ``phrases`` (the longest where several fit), spaces matching any whitespace.

    The phrases are laid out as a trie ("kill(?:ed|ing)"): Python's ``re`` tries the branches of a
    flat alternation one by one at every position, and a trie lets it drop all but one at once.

    >>> re.fullmatch(phrase_pattern(["up to", "up"]), "up  to") is not None
    True
    """
    trie: dict = {}
    for phrase in set(phrases):
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie) or "(?!)"


def _trie_pattern(node: dict) -> str:
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_pattern(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body  # greedy: a longer phrase wins over its prefix


@dataclass(frozen=True)
class Lexicon:
    raw: dict

    @cached_property
    def number_words(self) -> dict[str, int]:
        return dict(self.raw["number_words"])

    @cached_property
    def scale_words(self) -> dict[str, int]:
        return dict(self.raw["scale_words"])

    @cached_property
    def unit_of_word(self) -> dict[str, tuple[str, float, str]]:
        """'miles' -> ('mi', 1.609344, 'length')."""
        out = {}
        for unit, spec in self.raw["units"].items():
            for word in spec["words"]:
                out[word.lstrip("-")] = (unit, spec["factor"], spec["dimension"])
        return out

    @cached_property
    def measure_of_noun(self) -> dict[str, str]:
        out = {}
        for measure, nouns in self.raw["measure_nouns"].items():
            for noun in nouns:
                out.setdefault(noun, measure)
        return out

    @cached_property
    def casualty_word_measure(self) -> dict[str, str]:
        out = {}
        for measure, words in self.raw["casualty_words"].items():
            for word in words:
                out.setdefault(word, measure)
        return out

    @cached_property
    def actor_of_word(self) -> dict[str, str]:
        out = {}
        for actor, words in {**self.raw["demonyms"]}.items():
            for word in words:
                out[word] = actor
        for actor, words in self.raw["actor_subjects"].items():
            for word in words:
                out[word] = actor
        return out

    @cached_property
    def body_of_alias(self) -> dict[str, str]:
        return {alias: body for body, aliases in self.raw["bodies"].items() for alias in aliases}

    @cached_property
    def person_of_alias(self) -> dict[str, str]:
        """'zelenskyy' -> 'Volodymyr Zelensky': one spelling per often-quoted person."""
        people = {k: v for k, v in self.raw["people"].items() if not k.startswith("_")}
        return {alias: name for name, aliases in people.items() for alias in [name.lower(), *aliases]}

    def words(self, key: str) -> list[str]:
        return list(self.raw[key])


def _load() -> Lexicon:
    text = resources.files("analysis").joinpath("data/lexicon.json").read_text(encoding="utf-8")
    return Lexicon(json.loads(text))


LEXICON = _load()
