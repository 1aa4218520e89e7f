"""The vocabulary files: every one loads, a mistake in one is an error naming the file and the key,
and the code holds no word lists of its own."""
from __future__ import annotations

import ast
import dataclasses
import re
from importlib import resources
from pathlib import Path

import pytest

from analysis import vocabulary
from analysis.vocabulary import (
    VOCABULARY,
    VocabularyError,
    last_words,
    load_vocabulary,
    marked_matches,
    phrase_pattern,
    word_starts,
)

DATA = Path(vocabulary.__file__).parent / "data"
PACKAGE = Path(vocabulary.__file__).parent


def test_every_vocabulary_file_is_loaded_by_a_stage() -> None:
    loaded = {f.name for f in dataclasses.fields(VOCABULARY)} | {"evaluate"}  # (the scorer loads its own)
    assert {p.stem for p in DATA.glob("*.toml")} == loaded
    import analysis.evaluate  # noqa: F401  (loads evaluate.toml through load_vocabulary)


@pytest.mark.parametrize(("name", "spec", "text", "message"), [
    ("events", vocabulary.Events, 'strikes = ["strike"]\nother_event = ["swap"]',
     "events.toml: unknown key 'other_event'"),
    ("events", vocabulary.Events, 'strikes = ["strike"]', "events.toml: missing key 'other_events'"),
    ("events", vocabulary.Events, 'strikes = "strike"\nother_events = []', "events.toml: 'strikes'"),
    ("events", vocabulary.Events, 'strikes = ["Strike"]\nother_events = []', "events.toml: 'strikes'"),
    ("events", vocabulary.Events, 'strikes = ["strike", "strike"]\nother_events = []', "events.toml: 'strikes'"),
    ("events", vocabulary.Events, 'strikes = [', "events.toml: not valid TOML"),
    ("compare", vocabulary.Compare, '[tallies]\ndaily = []\nday = []\nday_not_before = []\n'
     '[equipment]\nspellings = {}\nkind = {}', "compare.toml: unknown key 'equipment.kind'"),
])
def test_a_mistake_in_a_file_names_the_file_and_the_key(name: str, spec: type, text: str, message: str) -> None:
    with pytest.raises(VocabularyError) as error:
        load_vocabulary(name, spec, text=text)
    assert str(error.value).startswith(message)


def test_a_misspelt_key_in_a_shipped_file_is_caught_at_load_time() -> None:
    text = resources.files("analysis").joinpath("data", "events.toml").read_text(encoding="utf-8")
    with pytest.raises(VocabularyError, match="events.toml: unknown key 'strikez'"):
        load_vocabulary("events", vocabulary.Events, text=text.replace("strikes =", "strikez ="))


def test_one_word_cannot_belong_to_two_parties() -> None:
    text = resources.files("analysis").joinpath("data", "actors.toml").read_text(encoding="utf-8")
    doubled = text.replace('[demonyms]\n', '[demonyms]\nNowhere = ["russian"]\n', 1)
    with pytest.raises(VocabularyError, match="actors.toml"):
        load_vocabulary("actors", vocabulary.Actors, text=doubled)


@pytest.mark.parametrize(("phrases", "text", "matches"), [
    (["up to"], "up   to", True),                 # a space matches any whitespace
    (["captur*"], "captured", True),              # * : any word that begins so
    (["captur*"], "captur", True),
    (["shell+"], "shell", False),                 # + : that begins so and goes on
    (["shell+"], "shelling", True),
    (["on {word}"], "on tuesday", True),          # {word}: any one word
    (["a", "ab"], "ab", True),                    # the longest phrase wins
])
def test_phrase_patterns(phrases: list[str], text: str, matches: bool) -> None:
    assert (re.fullmatch(phrase_pattern(phrases), text) is not None) is matches


# two or more words of three letters or more joined by "|" in a string: a word list written in a pattern
_WORD_ALTERNATION = re.compile(r"(?<![\\\w])[A-Za-z]{3,}\|[A-Za-z]{3,}")


def _string_literals(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def test_no_pattern_in_the_code_lists_words() -> None:
    found = [f"{path.relative_to(PACKAGE.parent)}:{line}: {value[:60]!r}"
             for path in sorted(PACKAGE.rglob("*.py")) for line, value in _string_literals(path)
             if _WORD_ALTERNATION.search(value)]
    assert not found, "word lists belong in analysis/data/*.toml:\n" + "\n".join(found)


def test_word_starts_keeps_to_its_bounds_and_reads_the_character_before_them():
    said = re.compile("said")
    text = "unsaid; they said it, she said"
    assert [m.start() for m in word_starts(said, text, 0, 20)] == [13]
    assert [m.start() for m in word_starts(said, text, 15)] == [26]
    assert list(word_starts(said, "xsaid", 1)) == []  # the letter before pos still makes it no word start


def test_last_words_are_the_fixed_ends_of_phrases():
    assert last_words(["up to", "as many as"], ["about", "up to"]) == ("to", "as", "about")
    with pytest.raises(ValueError, match="captur"):
        last_words(["were captur*"])


def test_marked_matches_find_what_finditer_finds():
    pattern = re.compile(r"(?<![\w-])(?:said|says)\b")
    marks = re.compile(r"[^\w-](?=said|says)")
    for text in ("said it", "he says; she said", "unsaid, re-said, said-so", ""):
        assert [m.span() for m in marked_matches(pattern, marks, text)] == [m.span() for m in pattern.finditer(text)]
