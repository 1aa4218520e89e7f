"""Tie a number to what it counts (its measure), the words that name it, and whose it is (actor).

The rules read the words around a number the way a reader does: the noun after it ("12,000 North
Korean troops"), a verb before it ("killing six"), a noun before it ("the death toll rose to 12"),
a verb after the noun ("12 people were killed"), a unit ("9 kilometers") in an advancing sentence.
The rules read the lowered text (``low``: ``lexicon.lowered``, same offsets), so their patterns are
written in lower case and need no ``re.I``, which is several times slower; words are reported as written.

>>> from analysis.extract.numbers import find_numbers
>>> text = "The attack left six dead and 23 injured."
>>> mentions = find_numbers(text)
>>> [read_measure(text, mentions, i, 0, len(text)).measure for i in range(2)]
['killed', 'injured']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.extract.numbers import NumberMention
from analysis.schema import MEASURE_UNITS
from analysis.vocabulary import LEXICON, lowered, phrase_key, phrase_pattern

_NOUN_RE = re.compile(rf"\b(?:{phrase_pattern(list(LEXICON.measure_of_noun))})(?![\w-])")
_CASUALTY_PATTERN = phrase_pattern(list(LEXICON.casualty_word_measure))
_CASUALTY_RE = re.compile(rf"\b(?:{_CASUALTY_PATTERN})\b")
_NOUN_FIRST = {p: m for m, phrases in LEXICON.raw["noun_first"].items() for p in phrases}
_LINKS = phrase_pattern(LEXICON.words("noun_first_links"))
_NOUN_FIRST_RE = re.compile(
    rf"\b({phrase_pattern(list(_NOUN_FIRST))})\b(?:[^;:]{{0,60}}?)\s(?:now\s+|already\s+)?(?:{_LINKS})\s*$")
# "the number of Pyongyang's troops in the area rose to": the counted noun names the measure
_NUMBER_OF_RE = re.compile(
    rf"\b(?:number|total|tally|count)\s+of\s+(?:[\w'’.-]+\s+){{0,3}}?({phrase_pattern(list(LEXICON.measure_of_noun))})"
    rf"\b(?:[^;:]{{0,70}}?)\s(?:now\s+|already\s+)?(?:{_LINKS})\s*$")
_AUX = r"(?:(?:were|was|have\s+been|had\s+been|has\s+been|are|is|had|have|got|remain|remained|reportedly|" \
       r"also|later|all|subsequently|allegedly|been|being)\s+)*"
_VERB_AFTER_RE = re.compile(rf"\s*(?:,\s*)?(?:who\s+)?{_AUX}(?:\w+ly\s+)?({_CASUALTY_PATTERN})\b")
_WOUNDED_TOO_RE = re.compile(r"(?:\s+(?:or|and|and/or)\s+|,\s*)(?:wounded|injured|captured|missing)\b")
_OF_GROUP_RE = re.compile(r"\s+of\s+(?:its|their|his|her|the|these|those|russia's|ukraine's)\s+")
_OF_THEM_RE = re.compile(r"\s+(?:of\s+them|of\s+whom|among\s+them)\b")
_OUT_OF_RE = re.compile(r"\b(?:out\s+of|of\s+a\s+total\s+of|from\s+a\s+total\s+of|of\s+the)\s+$")
_ONE_OF_RE = re.compile(r"\s+(?:of\b|(?:[\w-]+\s+){1,2}(?:told|said|says|was\s+born|carried))")
_SETTLEMENT_CONTEXT_RE = re.compile(
    r"\b(?:captur\w*|liberat\w*|took|taken|tak\w+|seiz\w*|control\w*|occup\w*|retook|retak\w*|recaptur\w*|"
    r"fre(?:ed|e|eing)|lost|los\w+|gain\w*|entered|overr\w+|clear\w*|fell|advanc\w*)\b")
_ADVANCE_RE = re.compile(rf"\b(?:{phrase_pattern(LEXICON.words('advance_words'))})\b")
_NOT_ADVANCE_RE = re.compile(rf"^\W{{0,3}}(?:{phrase_pattern(LEXICON.words('distance_not_advance'))})\b")
_DURATION_RE = re.compile(rf"\b(?:{phrase_pattern(LEXICON.words('duration_context'))})\b")
_NOT_DURATION_RE = re.compile(rf"^[\s-]*(?:{phrase_pattern(LEXICON.words('duration_not'))})\b")
_NOT_DURATION_BEFORE_RE = re.compile(r"\b(?:next|within|every|first|previous|per)\s+$")
ACTOR_RE = re.compile(rf"(?<![\w-])(?:{phrase_pattern(list(LEXICON.actor_of_word))})(?![\w-])", re.I)
_ACTOR_LOW_RE = re.compile(ACTOR_RE.pattern)  # on lowered() text
_STOP_BETWEEN_RE = re.compile(
    r"\b(?:were|was|have|has|had|are|is|be|been|of|in|from|to|on|at|by|for|with|near|and|or|that|who|which|"
    r"than|as|into|across|since|during|after|before|over|per|each|said|says)\b")
_PUNCTUATION_BETWEEN_RE = re.compile(r"[,;:()\"“”]|\.\s")
_CLAUSE_END_RE = re.compile(r"[;:()\[\]—–]|,\s+(?:while|but|and|whereas|which|who|according)\b")
_INCLUDING_RE = re.compile(r"\b(?:including|among them|among whom|of them|of whom|incl\.)\s*$")
_OF_NEXT_RE = re.compile(r"\s+(?:of|out\s+of)\s+(?:the\s+|its\s+|their\s+)?$")
_STRIKE_RE = re.compile(r"\b(?:attack|attacks|strike|strikes|struck|shelling|shelled|missile|missiles|drone|"
                        r"drones|bomb|bombs|bombing|airstrike|air strike|hit|barrage|explosion|blast|raid)\b")
_CIVILIAN_RE = re.compile(r"\bcivilian")
_MILITARY_RE = re.compile(r"\b(?:soldiers|troops|servicemen|personnel|fighters|forces|military|army)\b")
_DESTROY_RE = re.compile(r"\b(?:destroyed|destroying|destroy|shot down|shooting down|downed|intercepted|"
                         r"intercepting|neutralised|neutralized|hit|struck|eliminated|disabled|damaged|"
                         r"captured|seized)\b")
_LAUNCHED_BY_RE = re.compile(r"^[^.;]{0,40}?\b(?:launched|fired|sent|used)\s+by\s+")
_CIVILIAN_NOUNS = frozenset(LEXICON.words("civilian_nouns"))
_PERSON_MEASURES = frozenset(m for m, u in MEASURE_UNITS.items() if u == "person") - {"troops"}
_NOT_ACTOR_BEFORE_RE = re.compile(r"\b(?:to|into|in|inside|entered|from|against|across|toward|towards|"
                                  r"(?:(?:to|into|in|inside|across|from)\s+(?:the\s+)?(?:north|south|east|west)\w*)|"
                                  r"supplying|with)\s+(?:the\s+)?$")  # on lowered() text
_OWNER_RE = re.compile(
    rf"(?<![\w-])({phrase_pattern(list(LEXICON.actor_of_word))})['’]?s?\s+(?:[\w-]+\s+){{0,2}}?losses\b"
    rf"|\blosses\s+(?:of|among|by|for)\s+(?:the\s+)?({phrase_pattern(list(LEXICON.actor_of_word))})(?![\w-])"
    rf"|\binflicted\s+on\s+(?:the\s+)?({phrase_pattern(list(LEXICON.actor_of_word))})(?![\w-])"
    rf"|\bin\s+({phrase_pattern(list(LEXICON.actor_of_word))})\s+hands\b")  # on lowered() text
_KILLED_SOON_RE = re.compile(r"\W*(?:\w+\s+){0,3}?(?:killed|dead|casualties|out of action)")
_NOT_AREA_AFTER_RE = re.compile(r"^\W{0,3}(?:radius|away|from)\b")
_LOSS_WORD_RE = re.compile(r"\b(?:lost|losses|losing)\b")
_CAPTURE_RE = re.compile(r"\b(?:took|taken|take|taking|captured|capturing|seized)\b")
OPPONENT = {"Russia": "Ukraine", "Ukraine": "Russia", "North Korea": "Ukraine"}


@dataclass(slots=True)
class Reading:
    """What a number counts: its measure, the counted words as written and their span, the actor."""

    measure: str
    counted: str
    counted_start: int
    counted_end: int
    actor: str | None


def actor_of(phrase: str) -> str | None:
    """The party a word names: 'North Korean' -> 'North Korea', "Moscow's" -> 'Russia'.

    >>> actor_of("Russian"), actor_of("Kyiv's")
    ('Russia', 'Ukraine')
    """
    return LEXICON.actor_of_word.get(phrase.lower().replace("’", "'"))


def _clause_bounds(text: str, mentions: list[NumberMention], i: int, lo: int, hi: int) -> tuple[int, int]:
    """The stretch around mention ``i`` that belongs to it: up to the clause ends and the numbers beside it."""
    m = mentions[i]
    left = lo
    for match in _CLAUSE_END_RE.finditer(text, lo, m.start):
        left = match.end()
    end_match = _CLAUSE_END_RE.search(text, m.end, hi)
    right = end_match.start() if end_match else hi
    return left, right


def _prev_end(mentions: list[NumberMention], i: int, lo: int) -> int:
    for j in range(i - 1, -1, -1):
        if mentions[j].kind == "quantity":
            return max(lo, mentions[j].end)
    return lo


def _next_start(mentions: list[NumberMention], i: int, hi: int, low: str, *, skip_including: bool) -> int:
    """Where the next figure starts; with ``skip_including``, subsets ("including three children") and
    the rest of a list ("9,300 troops and 80 tanks have been put out of action") are passed over."""
    prev_end = mentions[i].end
    for j in range(i + 1, len(mentions)):
        n = mentions[j]
        if n.kind != "quantity" or n.restates is not None:
            continue
        if skip_including and (_INCLUDING_RE.search(low, max(0, n.start - 20), n.start)
                               or _LIST_JOIN_RE.fullmatch(low, prev_end, n.start)):
            prev_end = _phrase_end(low, n.end, hi)
            continue
        return min(hi, n.start)
    return hi


_LIST_JOIN_RE = re.compile(r"\s+[\w’' -]{0,40}?(?:,\s*|\s+and\s+|,\s+and\s+)")


def _phrase_end(low: str, start: int, hi: int) -> int:
    noun = _NOUN_RE.search(low, start, min(hi, start + 60))
    return noun.end() if noun else start


def _noun_after(low: str, start: int, stop: int) -> re.Match | None:
    """The measure noun heading the phrase after a number, if at most three modifiers come first.

    "15,000 of its soldiers" counts soldiers too.
    """
    of_group = _OF_GROUP_RE.match(low, start, stop)
    if of_group is not None:
        start = of_group.end()
    match = _NOUN_RE.search(low, start, min(stop, start + 70))
    if match is None:
        return None
    between = low[start:match.start()]
    if len(between.split()) > 3 or _STOP_BETWEEN_RE.search(between) or _PUNCTUATION_BETWEEN_RE.search(between):
        return None
    return match


def _casualty_measure(low: str, match: re.Match, group: int = 0) -> str:
    measure = LEXICON.casualty_word_measure[phrase_key(match.group(group))]
    if measure == "killed" and _WOUNDED_TOO_RE.match(low, match.end(group)):
        return "casualties"  # "have been killed or wounded"
    return measure


def verb_after(low: str, start: int, stop: int) -> str | None:
    """The casualty measure of a verb right after a number or its noun: '... were killed'."""
    match = _VERB_AFTER_RE.match(low, start, stop)
    return _casualty_measure(low, match, 1) if match else None


def _casualty_context(low: str, before_lo: int, m: NumberMention, after_lo: int, after_hi: int) -> str | None:
    """The casualty measure a verb near the number gives: right after its noun, right before the
    number, else a little further after."""
    right_after = verb_after(low, after_lo, after_hi)
    if right_after is not None:
        return right_after
    before = low[max(before_lo, m.start - 40):m.start]
    last = None
    for match in _CASUALTY_RE.finditer(before):
        last = match
    if last is not None and len(before[last.end():].split()) <= 3:
        return _casualty_measure(before, last)
    for match in _CASUALTY_RE.finditer(low, after_lo, min(after_hi, after_lo + 90)):
        if len(low[after_lo:match.start()].split()) > 9:
            break
        word = phrase_key(match.group())
        if LEXICON.casualty_word_measure[word] != "casualties" or word in (
                "killed or wounded", "killed and wounded", "casualties", "out of action", "put out of action"):
            return _casualty_measure(low, match)  # "lost" this far from the number says too little
    return None


def _noun_first(low: str, lo: int, m: NumberMention) -> tuple[str, int, int] | None:
    """'the death toll rose to 12', 'the number of Pyongyang's troops reached 10,000'."""
    window = max(lo, m.start - 120)
    match = _NUMBER_OF_RE.search(low, window, m.start)
    if match is not None:
        measure = LEXICON.measure_of_noun[phrase_key(match.group(1))]
        if measure == "people":
            context = _CASUALTY_RE.search(low, match.end(1), m.start)
            measure = _casualty_measure(low, context) if context else None
        if measure is not None:
            return measure, match.start(), match.end(1)
    match = _NOUN_FIRST_RE.search(low, window, m.start)
    if match is None:
        return None
    phrase = phrase_key(match.group(1))
    return _NOUN_FIRST[phrase], match.start(1), match.end(1)


def _measure_from_noun(low, mentions, i, noun, bounds) -> tuple[str | None, re.Match | None]:
    m = mentions[i]
    left, right = bounds
    word = phrase_key(noun.group())
    measure = LEXICON.measure_of_noun[word]
    if measure not in ("troops", "people"):
        return measure, noun
    after_hi = _next_start(mentions, i, right, low, skip_including=True)
    context = _casualty_context(low, _prev_end(mentions, i, left), m, noun.end(), after_hi)
    if context is None:
        first = _noun_first(low, left, m)
        context = first[0] if first else None
    if measure == "troops":
        if context == "displaced":
            context = None
        return context or "troops", noun
    return context, noun


def read_measure(text: str, mentions: list[NumberMention], i: int, lo: int, hi: int, *,
                 low: str | None = None) -> Reading | None:
    """What mention ``i`` (inside the sentence ``text[lo:hi]``) counts, or None if it is not a figure.

    ``low`` is ``lowered(text)``, if the caller has it already (the rules read the lowered text).
    """
    low = lowered(text) if low is None else low
    reading = _read(text, low, mentions, i, lo, hi)
    if reading is None:
        return None
    at = low.find(reading.counted, reading.counted_start)  # the counted words as written, not lowered
    counted = text[at:at + len(reading.counted)] if at >= 0 else reading.counted
    return Reading(reading.measure, counted, reading.counted_start, reading.counted_end, reading.actor)


def _read(text: str, low: str, mentions: list[NumberMention], i: int, lo: int, hi: int) -> Reading | None:
    m = mentions[i]
    if m.kind != "quantity" or m.restates is not None:
        return None
    if m.value == 1 and _ONE_OF_RE.match(low, m.num_end):
        return None  # "one of the prisoners", "one prisoner told": a person, not a count
    bounds = _clause_bounds(text, mentions, i, lo, hi)  # (its conjunctions must be lower case as written)
    if m.dimension is not None:
        return _read_unit(low, mentions, i, lo, hi, bounds)
    next_start = _next_start(mentions, i, hi, low, skip_including=False)
    noun = _noun_after(low, m.end, next_start)
    if noun is None:
        of_next = _OF_NEXT_RE.fullmatch(low, m.end, next_start) if next_start < hi else None
        if of_next is not None:  # "50 of the 70 drones": the noun of the second number
            nxt = mentions.index(next(n for n in mentions[i + 1:] if n.start == next_start))
            later = _read(text, low, mentions, nxt, lo, hi)
            if later is None:
                return None
            return Reading(later.measure, later.counted, later.counted_start, later.counted_end, later.actor)
        return _read_without_noun(text, low, mentions, i, lo, hi, bounds)
    measure, noun = _measure_from_noun(low, mentions, i, noun, bounds)
    if measure is None:
        if _INCLUDING_RE.search(low, max(lo, m.start - 20), m.start):
            return _inherit(text, low, mentions, i, lo, hi, noun)
        return None
    if measure == "settlements" and not _SETTLEMENT_CONTEXT_RE.search(low, lo, hi):
        return None
    counted = low[m.end:noun.end()].strip(" -")
    start = noun.end() - len(counted)
    return Reading(measure, counted, start, noun.end(), _actor(low, mentions, i, lo, hi, measure, noun))


def _inherit(text, low, mentions, i, lo, hi, noun) -> Reading | None:
    """'12 people, including three children', 'out of some 10,000': count what the figure before counts."""
    for j in range(i - 1, -1, -1):
        parent = _read(text, low, mentions, j, lo, hi)
        if parent is None:
            continue
        if noun is None:
            return parent
        if parent.measure in _PERSON_MEASURES:
            counted = low[mentions[i].end:noun.end()].strip()
            return Reading(parent.measure, counted, noun.end() - len(counted), noun.end(), parent.actor)
        return None
    return None


def _read_without_noun(text, low, mentions, i, lo, hi, bounds) -> Reading | None:
    m = mentions[i]
    left, right = bounds
    before_lo = _prev_end(mentions, i, left)
    next_start = _next_start(mentions, i, hi, low, skip_including=False)
    of_them = _OF_THEM_RE.match(low, m.end, next_start)
    after = verb_after(low, of_them.end() if of_them else m.end, next_start)
    if after == "casualties" and not _KILLED_SOON_RE.match(low[m.end:next_start]):
        after = None  # "the remaining two have lost ...": lost what is not said
    if after is not None:  # "206 were wounded", "16,000 of them were killed"
        actor = _actor(low, mentions, i, lo, hi, after, None)
        return Reading(after, low[m.end:min(next_start, m.end + 40)].split(",")[0].strip(), m.end, m.end, actor)
    if of_them is not None or _OUT_OF_RE.search(low, max(lo, m.start - 25), m.start):
        return _inherit(text, low, mentions, i, lo, hi, None)  # "five of them children", "out of some 10,000"
    before = low[max(before_lo, m.start - 30):m.start]
    verb = None
    for match in _CASUALTY_RE.finditer(before):
        verb = match
    if verb is not None and not before[verb.end():].strip():
        measure = LEXICON.casualty_word_measure[phrase_key(verb.group())]
        if measure in ("killed", "injured", "displaced", "captured", "missing", "casualties"):
            v_start = max(before_lo, m.start - 30) + verb.start()
            return Reading(measure, verb.group(), v_start, v_start + len(verb.group()),
                           _actor(low, mentions, i, lo, hi, measure, None))
    first = _noun_first(low, left, m)
    if first is not None:
        measure, f_start, f_end = first
        return Reading(measure, low[f_start:f_end], f_start, f_end,
                       _actor(low, mentions, i, lo, hi, measure, None, phrase_span=(f_start, f_end)))
    return None


def _read_unit(low, mentions, i, lo, hi, bounds) -> Reading | None:
    m = mentions[i]
    left, right = bounds
    unit_word = low[m.num_end:m.end].strip(" -")
    after = low[m.end:min(hi, m.end + 40)]
    if m.dimension == "length":
        if _NOT_ADVANCE_RE.match(after) or not _ADVANCE_RE.search(low, lo, hi):
            return None
        measure = "advance"
    elif m.dimension == "area":
        if _NOT_AREA_AFTER_RE.match(after):
            return None
        measure = "area"
    else:
        if not _is_duration(low, m, lo, hi):
            return None
        measure = "duration"
    actor = None if measure == "duration" else _actor(low, mentions, i, lo, hi, measure, None)
    return Reading(measure, unit_word, m.num_end + low[m.num_end:m.end].find(unit_word), m.end, actor)


def _is_duration(low: str, m: NumberMention, lo: int, hi: int) -> bool:
    """'1,000-day mark', 'three years of war', 'held the town for seven months': the length of the
    war or of an operation, not a time window ("in the past 24 hours") or a sentence."""
    after = low[m.end:min(hi, m.end + 40)]
    before = low[max(lo, m.start - 12):m.start]
    if _NOT_DURATION_RE.match(after) or _NOT_DURATION_BEFORE_RE.search(before):
        return False
    near_after = " ".join(after.split()[:4])
    near_before = " ".join(low[max(lo, m.start - 60):m.start].split()[-6:])
    return bool(_DURATION_RE.search(near_after) or _DURATION_RE.search(near_before))


def _actors_in(low: str, lo: int, hi: int, a: int, b: int) -> list[tuple[int, int, str | None]]:
    """Parties named in low[a:b], inside the sentence low[lo:hi], as (start, end, actor), less
    destinations and opponents ("sent to Russia", "fighting against Ukraine")."""
    return [(lo + start, lo + end, actor) for start, end, actor in _sentence_actors(low[lo:hi])
            if a <= lo + start and lo + end <= b]


@lru_cache(maxsize=1024)
def _sentence_actors(low: str) -> tuple[tuple[int, int, str | None], ...]:
    """(read once per lowered sentence: its figures ask for the parties around each of them)"""
    actor_of_word = LEXICON.actor_of_word
    return tuple((m.start(), m.end(), actor_of_word.get(m.group().replace("’", "'")))
                 for m in _ACTOR_LOW_RE.finditer(low)
                 if not _NOT_ACTOR_BEFORE_RE.search(low, max(0, m.start() - 14), m.start()))


def _owner_in(low: str, lo: int, hi: int) -> str | None:
    """A party named as the owner anywhere in the sentence: "among Russia's losses", "inflicted on
    Russian forces", "the territory still in Ukrainian hands"."""
    sentence = low[lo:hi]
    if "losses" not in sentence and "inflicted" not in sentence and "hands" not in sentence:
        return None  # every way of naming an owner has one of these words: most sentences are ruled out at once
    match = _OWNER_RE.search(sentence)
    return actor_of(next(g for g in match.groups() if g)) if match else None


def _actor(low, mentions, i, lo, hi, measure, noun, *, phrase_span=None) -> str | None:
    """Whose people, forces or equipment the figure counts."""
    m = mentions[i]
    if noun is not None:  # a demonym inside the counted phrase wins: "North Korean troops"
        inside = _actors_in(low, lo, hi, m.end, noun.end())
        if inside:
            return inside[-1][2]
        if noun.group().lower() in _CIVILIAN_NOUNS and measure in _PERSON_MEASURES:
            return "civilians"
    if phrase_span is not None:
        inside = _actors_in(low, lo, hi, max(lo, phrase_span[0] - 25), phrase_span[1])
        if inside:
            return inside[-1][2]
    if measure in _PERSON_MEASURES:
        return _victim_actor(low, m, lo, hi, noun) or _owner_in(low, lo, hi) or (
            "civilians" if measure == "displaced" else None)
    if measure in ("equipment", "area"):
        owner = _owner_in(low, lo, hi)
        if owner is not None:
            return owner
    if measure == "equipment":
        by = _LAUNCHED_BY_RE.match(low, noun.end() if noun else m.end, hi)
        if by is not None:
            after_by = ACTOR_RE.match(low, by.end())
            if after_by:
                return actor_of(after_by.group())
    before = _actors_in(low, lo, hi, lo, m.start)
    if not before:
        after = _actors_in(low, lo, hi, m.end, hi)
        return after[0][2] if after and measure in ("troops", "units") else None
    actor = before[-1][2]
    if measure == "equipment" and _DESTROY_RE.search(low, before[-1][1], m.start):
        return OPPONENT.get(actor)
    return actor


def _victim_actor(low: str, m: NumberMention, lo: int, hi: int, noun: re.Match | None) -> str | None:
    """Victims without a demonym: soldiers of the side named nearby, else civilians of a strike."""
    before = _actors_in(low, lo, hi, lo, m.start)
    if before and _CAPTURE_RE.search(low, before[-1][1], m.start):
        return OPPONENT.get(before[-1][2])  # "Ukrainian forces took 711 prisoners"
    if noun is not None and _MILITARY_RE.fullmatch(noun.group()):
        return before[-1][2] if before else None
    if _MILITARY_RE.search(low, lo, hi):
        if before and _LOSS_WORD_RE.search(low, before[-1][1], m.start):
            return before[-1][2]
        return None
    if _STRIKE_RE.search(low, max(0, lo - 300), hi) or _CIVILIAN_RE.search(low, lo, hi):
        return "civilians"
    return None
