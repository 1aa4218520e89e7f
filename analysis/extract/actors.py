"""Whose people, forces or equipment a figure counts (its actor), decided by named rules.

The rules of :data:`ACTOR_RULES` are tried in order on a figure and its measure reading: a party
named in the counted words ("North Korean troops"), civilians by their noun ("residents"), the side
that took prisoners or lost soldiers, the victims of a strike, an owner named in the sentence
("Russia's losses"), the launcher of drones, the side that destroyed equipment (whose it is then the
opponent's), the party named before the figure. :func:`carry_actors` then gives figures left without
one the actor of the figures beside them ("6,662 Russian troops were killed and 10,446 wounded").

>>> from analysis.extract.numbers import find_numbers
>>> from analysis.extract import measures
>>> from analysis.vocabulary import lowered
>>> text = "Ukrainian forces took 40 prisoners and destroyed 12 Russian tanks."
>>> from analysis.extract.view import SentenceView
>>> view = SentenceView(text, lowered(text), find_numbers(text), 0, len(text), read=measures.read)
>>> [decide_actor(view.figure(i), view.reading(i)) for i in range(2)]
[('captor_opponent', 'Russia'), ('demonym_in_counted', 'Russia')]
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.extract.measures import PERSON_MEASURES, Reading
from analysis.extract.rules import STOP, decide
from analysis.extract.view import Figure
from analysis.vocabulary import VOCABULARY, phrase_pattern

__all__ = ["ACTOR_RULES", "OPPONENT", "actor_of", "carry_actors", "decide_actor", "side_of"]

_V = VOCABULARY.actors
_W = _V.words
OPPONENT: dict[str, str] = dict(_V.opponents)
_ACTOR_OF_WORD = _V.actor_of_word
_PARTY = phrase_pattern(_ACTOR_OF_WORD)


def _words(phrases) -> str:
    return f"(?:{phrase_pattern(phrases)})"


PARTY_RE = re.compile(rf"(?<![\w-])(?:{_PARTY})(?![\w-])", re.I)
_PARTY_LOW_RE = re.compile(PARTY_RE.pattern)  # on lowered() text
_NOT_ACTOR_BEFORE_RE = re.compile(
    rf"\b(?:{_words(_V.not_actor.before)}|(?:{_words(_V.not_actor.before_directions)}\s+(?:the\s+)?"
    rf"{_words(_V.not_actor.directions)}\w*))\s+(?:the\s+)?$")  # on lowered() text
_O = _V.owners
_OWNER_RE = re.compile(
    rf"(?<![\w-])({_PARTY})['’]?s?\s+(?:[\w-]+\s+){{0,2}}?{re.escape(_O.losses)}\b"
    rf"|\b{re.escape(_O.losses)}\s+{_words(_O.losses_of)}\s+(?:the\s+)?({_PARTY})(?![\w-])"
    rf"|\b{phrase_pattern([_O.inflicted_on])}\s+(?:the\s+)?({_PARTY})(?![\w-])"
    rf"|\bin\s+({_PARTY})\s+{re.escape(_O.in_hands)}\b")  # on lowered() text
_OWNER_HINTS = (_O.losses, _O.inflicted_on.split()[0], _O.in_hands)
_CIVILIAN_NOUNS = frozenset(_W.civilian_nouns)
_CIVILIAN_RE = re.compile(rf"\b{re.escape(_W.civilian_stem)}")
_MILITARY_RE = re.compile(rf"\b{_words(_W.military)}\b")
_DESTROY_RE = re.compile(rf"\b{_words(_W.destroy)}\b")
_LAUNCHED_BY_RE = re.compile(rf"^[^.;]{{0,40}}?\b{_words(_W.launched)}\s+{re.escape(_W.launched_by)}\s+")
_CAPTURE_RE = re.compile(rf"\b{_words(_W.capture)}\b")
_LOSS_WORD_RE = re.compile(rf"\b{_words(_W.loss)}\b")
_ENEMY_RE = re.compile(rf"\b{_words(_W.enemy)}\b", re.I)
_EV = VOCABULARY.events
_STRIKE_RE = re.compile(rf"\b{_words(_EV.strikes)}\b")
_CIVILIANS = "civilians"


def actor_of(phrase: str) -> str | None:
    """The party a word names: 'North Korean' -> 'North Korea', "Moscow's" -> 'Russia'.

    >>> actor_of("Russian"), actor_of("Kyiv's")
    ('Russia', 'Ukraine')
    """
    return _ACTOR_OF_WORD.get(phrase.lower().replace("’", "'"))


def side_of(claimant: str | None) -> str | None:
    """The party a claimant speaks for, when its name says so ("Russian Defence Ministry" -> Russia).

    >>> side_of("Russian Defence Ministry"), side_of("Pentagon")
    ('Russia', None)
    """
    for word in (claimant or "").split():
        side = actor_of(word)
        if side is not None:
            return side
    return None


@lru_cache(maxsize=1024)
def _sentence_parties(low: str) -> tuple[tuple[int, int, str | None], ...]:
    """The parties a lowered sentence names, less destinations and opponents ("sent to Russia",
    "fighting against Ukraine"), as (start, end, actor); read once per sentence."""
    return tuple((m.start(), m.end(), _ACTOR_OF_WORD.get(m.group().replace("’", "'")))
                 for m in _PARTY_LOW_RE.finditer(low)
                 if not _NOT_ACTOR_BEFORE_RE.search(low, max(0, m.start() - 14), m.start()))


def _parties_in(f: Figure, a: int, b: int) -> list[tuple[int, int, str | None]]:
    """Parties named in low[a:b] of the figure's sentence."""
    lo = f.lo
    return [(lo + start, lo + end, actor) for start, end, actor in _sentence_parties(f.low[lo:f.hi])
            if a <= lo + start and lo + end <= b]


def _before(f: Figure) -> list[tuple[int, int, str | None]]:
    if "parties_before" not in f.memo:
        f.memo["parties_before"] = _parties_in(f, f.lo, f.m.start)
    return f.memo["parties_before"]


def _owner_in(f: Figure) -> str | None:
    """A party named as the owner anywhere in the sentence: "among Russia's losses", "inflicted on
    Russian forces", "the territory still in Ukrainian hands"."""
    sentence = f.low[f.lo:f.hi]
    if not any(hint in sentence for hint in _OWNER_HINTS):
        return None  # every way of naming an owner has one of these words: most sentences are ruled out at once
    match = _OWNER_RE.search(sentence)
    return actor_of(next(g for g in match.groups() if g)) if match else None


def _military_noun(reading: Reading) -> bool:
    return reading.noun is not None and _MILITARY_RE.fullmatch(reading.noun.group()) is not None


def _military_sentence(f: Figure) -> bool:
    if "military" not in f.memo:
        f.memo["military"] = _MILITARY_RE.search(f.low, f.lo, f.hi) is not None
    return f.memo["military"]


def _captor(f: Figure) -> bool:
    before = _before(f)
    return bool(before) and _CAPTURE_RE.search(f.low, before[-1][1], f.m.start) is not None


# --- the rules, in the order they are tried (each takes the figure and its measure reading) --------

def demonym_in_counted(f: Figure, reading: Reading):
    """'12,000 North Korean troops': a party named in the counted words."""
    if reading.noun is None:
        return None
    inside = _parties_in(f, f.m.end, reading.noun.end())
    return inside[-1][2] if inside else None


def civilian_noun(f: Figure, reading: Reading):
    """'12 residents were killed': victims counted by a word for civilians."""
    if reading.noun is not None and reading.noun.group().lower() in _CIVILIAN_NOUNS and \
            reading.measure in PERSON_MEASURES:
        return _CIVILIANS
    return None


def party_in_toll(f: Figure, reading: Reading):
    """'Russia's death toll rose to 1,200': a party named in or just before the toll."""
    if reading.toll_span is None:
        return None
    inside = _parties_in(f, max(f.lo, reading.toll_span[0] - 25), reading.toll_span[1])
    return inside[-1][2] if inside else None


def captor_opponent(f: Figure, reading: Reading):
    """'Ukrainian forces took 711 prisoners': the prisoners of a side are its opponent's people."""
    if reading.measure not in PERSON_MEASURES or not _captor(f):
        return None
    return OPPONENT.get(_before(f)[-1][2])


def soldiers_of_party(f: Figure, reading: Reading):
    """'Russia said 40 soldiers were killed': soldiers harmed belong to the side named before them."""
    if reading.measure not in PERSON_MEASURES or _captor(f) or not _military_noun(reading):
        return None
    before = _before(f)
    return before[-1][2] if before else None


def losses_of_party(f: Figure, reading: Reading):
    """'Ukraine lost 40 and 12 were wounded' in a sentence about soldiers: the side that lost them."""
    if reading.measure not in PERSON_MEASURES or _captor(f) or _military_noun(reading) or \
            not _military_sentence(f):
        return None
    before = _before(f)
    return before[-1][2] if before and _LOSS_WORD_RE.search(f.low, before[-1][1], f.m.start) else None


def strike_victims(f: Figure, reading: Reading):
    """'A missile strike killed 12': the victims of a strike are civilians, unless the sentence is
    about soldiers or their captors."""
    if reading.measure not in PERSON_MEASURES or _captor(f) or _military_noun(reading) or _military_sentence(f):
        return None
    if _STRIKE_RE.search(f.low, max(0, f.lo - 300), f.hi) or _CIVILIAN_RE.search(f.low, f.lo, f.hi):
        return _CIVILIANS
    return None


def owner_named(f: Figure, reading: Reading):
    """'among Russia's losses', 'inflicted on Russian forces', 'still in Ukrainian hands'."""
    if reading.measure not in PERSON_MEASURES and reading.measure not in ("equipment", "area"):
        return None
    return _owner_in(f)


def displaced_civilians(f: Figure, reading: Reading):
    """'2,000 were evacuated': the displaced are civilians unless the text says otherwise."""
    return _displaced_default(reading)


def victims_unknown(f: Figure, reading: Reading):
    """People harmed whose side the sentence does not tell: no actor (never the party named before)."""
    return STOP if reading.measure in PERSON_MEASURES else None


def launched_by(f: Figure, reading: Reading):
    """'40 drones launched by Russia': the launcher owns them."""
    if reading.measure != "equipment":
        return None
    by = _LAUNCHED_BY_RE.match(f.low, reading.noun.end() if reading.noun else f.m.end, f.hi)
    if by is None:
        return None
    party = PARTY_RE.match(f.low, by.end())
    return actor_of(party.group()) if party else None


def destroyed_by_party(f: Figure, reading: Reading):
    """'Ukrainian forces destroyed 12 tanks': equipment a side destroyed is its opponent's."""
    if reading.measure != "equipment":
        return None
    before = _before(f)
    if before and _DESTROY_RE.search(f.low, before[-1][1], f.m.start):
        return OPPONENT.get(before[-1][2]) or STOP
    return None


def party_before(f: Figure, reading: Reading):
    """'Russia deployed 12,000 ...': the party named last before the figure."""
    before = _before(f)
    return (before[-1][2] or STOP) if before else None


def party_after(f: Figure, reading: Reading):
    """'12,000 were sent by North Korea': for troops and units, a party named after the figure."""
    if reading.measure not in ("troops", "units"):
        return None
    after = _parties_in(f, f.m.end, f.hi)
    return after[0][2] if after else None


def _displaced_default(reading: Reading) -> str | None:
    return _CIVILIANS if reading.measure == "displaced" else None


ACTOR_RULES = (demonym_in_counted, civilian_noun, party_in_toll, captor_opponent, soldiers_of_party,
               losses_of_party, strike_victims, owner_named, displaced_civilians, victims_unknown, launched_by,
               destroyed_by_party, party_before, party_after)


def decide_actor(f: Figure, reading: Reading, rules=ACTOR_RULES) -> tuple[str, str | None]:
    """(the name of the rule that decided, the actor) of one figure read as ``reading``."""
    return decide(rules, f, reading)


# --- after every figure of an article is read: actors carried from the figures beside them --------

# figures whose actor the text leaves to the reader share it with the figures beside them, within a family
ACTOR_FAMILY = {"troops": "forces", "units": "forces", "killed": "forces", "injured": "forces",
                "casualties": "forces", "captured": "forces", "missing": "forces", "advance": "ground",
                "area": "ground", "settlements": "ground", "equipment": "equipment"}


def carry_actors(rows: list[dict]) -> None:
    """'6,662 Russian troops were killed and 10,446 were wounded': the second count is Russian too.

    Rows are one article's, in order, each with ``measure``, ``actor``, ``claimant``, ``sentence``,
    ``_k`` (its sentence's index) and ``_rules`` (a dict of field -> rule name). An actor is carried to
    a later figure of the same family in the same sentence (rule ``carried_in_sentence``), or to a
    later sentence that names no party of its own (``carried_from_before``: "Their casualties stand at
    about 4,700"); the "enemy" of a claimant whose side is known is the other side (``enemy_of_claimant``).
    """
    last: dict[str, tuple[int, str]] = {}
    for row in rows:
        if row["actor"] is None and _ENEMY_RE.search(row["sentence"]):
            row["actor"] = OPPONENT.get(side_of(row["claimant"]))
            if row["actor"] is not None:
                row["_rules"]["actor"] = "enemy_of_claimant"
        family = ACTOR_FAMILY.get(row["measure"])
        if family is None:
            continue
        if row["actor"] is None and family in last:
            k, actor = last[family]
            same_sentence = k == row["_k"]
            if (same_sentence or not PARTY_RE.search(row["sentence"])) and not (
                    actor == _CIVILIANS and row["measure"] in ("troops", "units")):
                row["actor"] = actor
                row["_rules"]["actor"] = "carried_in_sentence" if same_sentence else "carried_from_before"
        if row["actor"] is not None:
            last[family] = (row["_k"], row["actor"])

