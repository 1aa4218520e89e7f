"""What a number counts: its measure and the words that name it, decided by named rules.

The rules read the words around a number the way a reader does: a unit after it in a sentence about
the front ("advanced 9 kilometers"), the noun after it ("12,000 North Korean troops"), a verb after
that noun ("12 people were killed"), a verb or a toll before the number ("killing six", "the death
toll rose to 12"), or the figure it is a part of ("50 of the 70 drones", "five of them"). They are
tried in the order of :data:`MEASURE_RULES`; the first that answers decides, and its name goes to the
``rules`` column. Whose people or equipment a figure counts is then decided by :mod:`.actors`.

The rules read the lowered text (same offsets), so their patterns are lower case and need no
``re.I``, which is several times slower; the counted words are reported as written.

>>> from analysis.extract.numbers import find_numbers
>>> text = "The attack left six dead and 23 injured."
>>> mentions = find_numbers(text)
>>> [(r.measure, r.measure_rule) for r in (read_measure(text, mentions, i, 0, len(text)) for i in range(2))]
[('killed', 'noun_after'), ('injured', 'noun_after')]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from analysis.extract.numbers import NumberMention
from analysis.extract.places import geocode
from analysis.extract.rules import STOP, decide
from analysis.extract.view import Figure, SentenceView
from analysis.schema import MEASURE_UNITS
from analysis.vocabulary import VOCABULARY, hint_words, lowered, phrase_key, phrase_pattern
from analysis.vocabulary import phrase_group as _words  # (a group of phrases, inside a pattern)

__all__ = ["GAIN_MEASURES", "MEASURE_RULES", "PERSON_MEASURES", "Reading", "as_written", "composite_total", "read",
           "read_measure"]

_V = VOCABULARY.measures
_P = _V.phrases
_CAPTIVE_ADJECTIVES = frozenset(_P.captive_adjectives)


_MEASURE_OF_NOUN = {**_V.measure_of_noun, **{word: "equipment" for word in _V.phrases.units_of}}
_MEASURE_OF_VERB = _V.measure_of_verb
_MEASURE_OF_NOUN_FIRST = _V.measure_of_noun_first
_NOUN_RE = re.compile(rf"\b{_words(_V.measure_of_noun)}(?![\w-])")
_CASUALTY_PATTERN = phrase_pattern(_MEASURE_OF_VERB)
_CASUALTY_RE = re.compile(rf"\b(?:{_CASUALTY_PATTERN})\b")
_LINKS = phrase_pattern(_V.noun_first_rules.links)
_LINK_WORDS = frozenset(_V.noun_first_rules.links)
_LINK_ADVERBS = rf"(?:{_words(_V.noun_first_rules.link_adverbs)}\s+)?"
_NOUN_FIRST_RE = re.compile(
    rf"\b({phrase_pattern(_MEASURE_OF_NOUN_FIRST)})\b"
    rf"(?:\s+{_words(_V.noun_first_rules.event_links)}\s[^;:]{{0,120}}?|[^;:]{{0,60}}?)"
    rf"\s{_LINK_ADVERBS}(?:{_LINKS})\s*$")
# "the number of Pyongyang's troops in the area rose to": the counted noun names the measure
_NUMBER_OF_RE = re.compile(
    rf"\b{_words(_V.noun_first_rules.count_nouns)}\s+of\s+(?:[\w'’.-]+\s+){{0,3}}?({phrase_pattern(_V.measure_of_noun)})"
    rf"\b(?:[^;:]{{0,130}}?)\s{_LINK_ADVERBS}(?:{_LINKS})\s*$")
_STRENGTH_LINK_RE = re.compile(rf"\s{_words(_V.noun_first_rules.strength_links)}\s*$")
_STRENGTH_RE = re.compile(  # "north korea's troops in the region numbered"
    rf"\b({_words(_V.noun_first_rules.strength_nouns)})\s+(?:[\w'’-]+\s+){{0,4}}?"
    rf"{_words(_V.noun_first_rules.strength_links)}\s*$")
_AUX = rf"(?:{_words(_V.verb_rules.auxiliaries)}\s+)*"
# "1,000 troops, 55 tanks and 12 guns (were) lost": the list's last noun right before its verb
_NOUN_BEFORE_RE = re.compile(rf"\b{_words(_V.measure_of_noun)}\s+{_AUX}$")
_KILLED_OF_PEOPLE = _words(_V.verb_rules.killed_of_people)
_KILLED_OF_PEOPLE_BEFORE_RE = re.compile(rf"\b{_KILLED_OF_PEOPLE}\s+$")  # "destroyed up to 80 servicemen"
_KILLED_OF_PEOPLE_AFTER_RE = re.compile(rf"\s+{_AUX}{_KILLED_OF_PEOPLE}\b")  # "80 servicemen were destroyed"
# "80 servicemen and 2 tanks were destroyed": the verb after the list the people head
_KILLED_AFTER_LIST_RE = re.compile(rf"\b{_words(_V.measure_of_noun)}\s+{_AUX}{_KILLED_OF_PEOPLE}\b")
_VERB_AFTER_RE = re.compile(  # "were killed", "were reportedly killed", "were (hospitalised)"
    rf"\s*(?:,\s*)?(?:{_words(_V.verb_rules.relative_pronouns)}\s+)?{_AUX}(?:\w+ly\s+)?\(?({_CASUALTY_PATTERN})\b")
_WOUNDED_TOO_RE = re.compile(  # "killed or wounded", "died or were injured"
    rf"(?:\s+{_words(_V.verb_rules.conjunctions)}\s+|,\s*){_AUX}{_words(_V.verb_rules.wounded_too)}\b")
_CLEAR_FROM_AFAR = frozenset(_V.verb_rules.clear_from_afar)
_KILLED_SOON_RE = re.compile(rf"\W*(?:\w+\s+){{0,3}}?{_words(_V.verb_rules.losses_said_soon)}")
_OF_GROUP_RE = re.compile(  # "15,000 of its soldiers", "9,000 of Russians called up"
    rf"\s+of\s+(?:{_words(_P.group_determiners)}\s+|(?={_words(_V.measure_of_noun)}(?![\w-])))")
_OF_THEM_RE = re.compile(rf"\s+{_words(_P.subset_after)}\b")
_OUT_OF_RE = re.compile(rf"\b{_words(_P.total_before)}\s+$")
_ONE_OF_RE = re.compile(rf"\s+(?:{_words(_P.one_person_of)}\b|(?:[\w-]+\s+){{1,2}}{_words(_P.one_person_after)})")
_SETTLEMENT_CONTEXT_RE = re.compile(rf"\b{_words(_P.settlements_change_hands)}\b")
_ADVANCE_RE = re.compile(rf"\b{_words(_V.units.advance_words)}\b")
_NOT_ADVANCE_RE = re.compile(rf"^\W{{0,3}}{_words(_V.units.not_advance_after)}\b")
_DIRECTION_AFTER_RE = re.compile(rf"^\W{{0,3}}{_words(_V.units.directions_after)}\b")
_ADVANCE_RIGHT_BEFORE_RE = re.compile(
    rf"\b{_words(_V.units.advance_words)}\s+(?:{_words(_V.units.advance_then)}\s+){{0,2}}$")
_NOT_AREA_AFTER_RE = re.compile(rf"^\W{{0,3}}{_words(_V.units.not_area_after)}\b")
_DURATION_RE = re.compile(rf"\b{_words(_V.units.duration_words)}\b")
_DURATION_REACHING = frozenset(_V.units.duration_reaching_words)
_DURATION_START_RE = re.compile(rf"\b{_words(_V.units.duration_start_words)}\b")
_DURATION_REACH_WORDS = 9  # how many words after "after" may hold the war word
_CLAUSE_END_RE = re.compile(r"[,;:.]")
_NOT_DURATION_RE = re.compile(rf"^[\s-]*{_words(_V.units.not_duration_after)}\b")
_NOT_DURATION_BEFORE_RE = re.compile(rf"\b{_words(_V.units.not_duration_before)}\s+$")
_RECORD_LINK = f" {_V.units.record_link} "  # "the deadliest attack in two years"
_RECORD_IN_RE = re.compile(rf"\b{_words(_V.units.record_words)}\b[^.;:]{{0,100}}{re.escape(_RECORD_LINK)}\s*$")
_STOP_BETWEEN_RE = re.compile(rf"\b{_words(_P.not_before_noun)}\b")
_PUNCTUATION_BETWEEN_RE = re.compile(r"[,;:()\"“”]|\.\s")
_QUOTED_WORD_RE = re.compile(r"[\"“][\w/.-]{1,30}[\"”]")  # (a model name too: "Iskander-M/KN-23")
_INCLUDING_RE = re.compile(rf"\b{_words(_P.including_before)}\s*,?\s*$")  # ("Of those, 40 were children")
# "losses exceeded 130 servicemen; the West group — more than 150; ...": an item of a list whose items are
# clauses, each a short label and its count (on lowered text, from the last semicolon to the number)
_PARALLEL_LABEL_RE = re.compile(r";\s*(?:and\s+)?(?:[\w'’.-]+\s+){0,6}?(?:[—–:-]|[\w'’.-]+,)\s*$")
_PARALLEL_END_RE = re.compile(r"\s*(?:[;.]|$)")
_BRACKETS_RE = re.compile(r"\s*\([^()]{0,30}\)")
_OWN_PREDICATE_RE = re.compile(  # "39 people have been rescued": people no harm befell
    rf"\s+(?:{_words(_V.verb_rules.auxiliaries)}\s+)*{_words(_V.verb_rules.unharmed)}\b")
_PREDICATE_RE = re.compile(  # "40 were (all) children"
    rf"\s+{_words(_P.after_aside)}\s+(?:{_words(_V.verb_rules.auxiliaries)}\s+)?")
# "205 Ukrainian and 205 Russian captives": a count whose nation is told, sharing the noun of the next one
_SHARED_NOUN_GAP_RE = re.compile(
    rf"\s+{_words([word for words in VOCABULARY.actors.demonyms.values() for word in words])}\s+"
    rf"{_words(_P.shared_noun_joiners)}\s+")
# "the largest number of drones – 65 – were downed over Bryansk", "of IDPs – 2.9 million people – are in the
# west": a count set off by dashes restates the noun right before it (on lowered text)
_APPOSED_BEFORE_RE = re.compile(rf"{_NOUN_RE.pattern}\s*[—–]\s*$")
_APPOSED_AFTER_RE = re.compile(r"\s*[—–]")
# "among them, according to the ministry, are 23 officers", "including, officials said, 12 children": an
# aside crediting the figure, between it and the words that link it to what came before (on lowered text)
_SPEECH = VOCABULARY.attribution.speech
_ASIDE_RE = re.compile(rf",\s+(?:{_words(_SPEECH.phrases)}\s+[^,;.]{{1,60}}?|[^,;.]{{1,50}}?\s+{_words(_SPEECH.verbs)})"
                       rf"\s*,\s+(?:{_words(_P.after_aside)}\s+)?$")
_OF_NEXT_RE = re.compile(rf"\s+{_words(_P.part_of)}\s+(?:{_words(_P.part_of_determiners)}\s+)?$")
_COMPOSITE_RE = re.compile(rf"^\s*,?\s*{_words(_P.each)}\s+(?:{_words(_P.each_of)}\s+)?$")
# "215 prisoners, 205 soldiers and 10 civilians": this figure continues the list of the one before
_LIST_NEXT_RE = re.compile(rf"\s*(?:\([^()]{{0,80}}\)\s*)?{_words(_P.list_joiners)}\s*[\"“”']?\s*")
# "... and two in another town": a bare count that leaves its noun and verb to the figure before
_ELLIPSIS_AFTER_RE = re.compile(  # "... and two in another town", "... and two have since been destroyed"
    rf"[\"“”']?\s+(?:{_words(_P.ellipsis_after)}|{_words(_V.verb_rules.auxiliaries)})\b")
_LIST_BEFORE_RE = re.compile(rf"(?:\s|(?<=\w)){_words(_P.list_joiners)}\s*[\"“”']?\s*$")
_RUNNING_TOTAL_RE = re.compile(
    rf"\b{_words(_P.running_total_verbs)}\s+{_words(_P.part_of_determiners)}\s+"
    rf"(?:{_words(_P.running_total_adjectives)}\s+)?{_words(_V.noun_first_rules.count_nouns)}\b[^;:.]{{0,90}}?"
    rf"\s{_words(_P.running_total_links)}\s*$")
_RUNNING_TOTAL_LINK_RE = re.compile(rf"\s{_words(_P.running_total_links)}\s*$")
_ATTACKS_RE = re.compile(rf"[\s-]+{_words(_P.attack_nouns)}\b")
_SWAP_TAIL = rf"[\"”]?\s+(?:[\w-]+\s+)?{_words(_P.swaps)}\b"  # what follows the second side of a swap
_SWAP_RE = re.compile(rf"\s*{_words(_P.swap_joiners)}\s*[\d,]+{_SWAP_TAIL}")  # "a 150-for-150 swap", '"1000 for 1000"'
_SWAP_TAIL_RE = re.compile(_SWAP_TAIL)
_SWAP_SECOND_RE = re.compile(rf"\d\s*{_words(_P.swap_joiners)}\s*$")
_SWAP_HINTS = hint_words(_P.swap_joiners)
_INCLUDING_LIST_RE = re.compile(
    rf"\b{_words(_P.including_before)}\s[^.;:]{{0,100}}?(?:\s|(?<=\w)){_words(_P.list_joiners)}\s*$")
_RATIO_RE = re.compile(rf"(?:\s+[\w'’-]+){{0,3}}?\s+{_words(_P.ratio_after)}\b")
_RATIO_HINTS = hint_words(_P.ratio_after)
# "800 more occupants than ...": the words right after the number (lowered text)
_DIFFERENCE_RE = re.compile(
    rf"\s+{_words(_P.difference_after)}\s+(?:[\w'’-]+\s+){{0,2}}?{re.escape(_P.difference_link)}\b")
_UNITS_OF_RE = re.compile(
    rf"\s+of\s+(?:[\w'’-]+\s+){{0,2}}?({_words([*_P.units_of, *_V.nouns['equipment']])})(?![\w-])")
_UNITS_OF_WORD_RE = re.compile(_words([*_P.units_of, *_V.nouns["equipment"]]))
_FATE_AFTER_RE = re.compile(rf"\s*(?:,\s*)?{_AUX}(?:\w+ly\s+)?{_words(_P.equipment_fates)}\b")
_FATE_BEFORE_RE = re.compile(rf"\b{_words(_P.equipment_fates)}\s+$")
_EARLIER_VALUE_RE = re.compile(rf"\b{_words(_P.earlier_value_before)}\s+$")
_CHANGE_FROM_RE = re.compile(  # "grew from ", "rose by ": before the earlier value, or the change, of a total
    rf"\b{_words(VOCABULARY.numbers.ranges.change_verbs)}\s+"
    rf"(?:{re.escape(_P.earlier_value_from)}|{re.escape(VOCABULARY.numbers.ranges.change_by)})\s+$")
_TO_NEW_VALUE_RE = re.compile(r"\s+(?:[^\d;:,]{1,30}\s+)?to\s+")  # "from 10,000 (in March) to 12,000"
_OPENS_SENTENCE_RE = re.compile(  # "Of these, 50 ...", "Another 15 were downed ..."
    rf"\W*(?:{_words(_P.including_before)}\W*)?(?:{_words(_V.verb_rules.more_before)}\s+)?", re.I)
# "It said 138 were shot down", "The air force said 138 of them ...": a clause of speech opening the sentence
_SAID_OPENS_RE = re.compile(
    rf"[^,;:\d]{{0,80}}?\b{_words(VOCABULARY.attribution.speech.verbs)}\s+(?:that\s+)?(?:{_words(_P.including_before)}\W*)?")
_EXCHANGE_VERB_RE = re.compile(rf"\b{_words(_P.exchange_verbs)}\s+$")
_EXCHANGE_CONTEXT_RE = re.compile(rf"\b{_words(_P.exchange_context)}")
_ABROAD_RE = re.compile(rf"\s+{_words(_P.abroad_links)}\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")  # cased text
_THEATRE = VOCABULARY.linking.theatre
_PARTY_OF_NOUN = VOCABULARY.actors.actor_of_word
_HOMECOMING_RE = re.compile(rf"\s+(?:[a-z]+\s+)?{_words(_P.homecoming)}\b")  # "(have) returned home"
_LENGTH_ADJECTIVE_RE = re.compile(rf"\b{_words(_V.units.length_adjective_before)}\s+$")
_NEXT_WORD_RE = re.compile(r"[\s-]*(?:\([^()]{0,30}\)\s*)?([\w-]+)")
PERSON_MEASURES = frozenset(m for m, u in MEASURE_UNITS.items() if u == "person") - {"troops"}
GAIN_MEASURES = frozenset({"advance", "area", "settlements"})  # ground and places taken
_PEOPLE = "people"  # the nouns that count people whose measure the clause decides
_TROOPS = "troops"
_DASHES = ("—", "–")  # the clause boundaries that may close an aside
_ASIDE_CLOSERS = ("—", "–", " - ")
_OPENING_QUOTES = ('"', "“", "‘")
_CLOSING_QUOTES = ('"', "”", "’")
# what a verb before a list gives its later items ("lost 4 tanks and 300 men")
_LIST_VERB_MEASURES = PERSON_MEASURES - {"displaced"}
# what a bare count in a list may continue
_LISTED_MEASURES = PERSON_MEASURES | {_TROOPS, "equipment", "units", "settlements"}


@dataclass(slots=True)
class Reading:
    """What a number counts: its measure, the counted words as written and their span, whose it is,
    and the names of the rules that decided the measure and the actor."""

    measure: str
    counted: str
    counted_start: int
    counted_end: int
    actor: str | None = None
    measure_rule: str = ""
    actor_rule: str = ""
    noun: re.Match | None = None  # the measure noun after the number, for the actor rules
    toll_span: tuple[int, int] | None = None  # "the death toll" before the number, for the actor rules


# --- helpers the rules share -------------------------------------------------------------------------


def _noun(f: Figure) -> re.Match | None:
    """The measure noun heading the phrase after the number, if at most three modifiers come first:
    "15,000 of its soldiers" counts soldiers too."""
    if not f._noun_read:
        f._noun_read = True
        start = f.m.end
        if f.m.start and f.low[f.m.start - 1] in _OPENING_QUOTES and f.low[start:start + 1] in _CLOSING_QUOTES:
            start += 1  # a figure quoted on its own: '"about 55,110" Russian soldiers'
        f._noun = _noun_after(f.low, start, f.next_start)
        if f._noun is None and _SHARED_NOUN_GAP_RE.fullmatch(f.low, f.m.end, f.next_start):
            nxt = f.sentence.mentions[f.sentence.next_quantity(f.i)]  # "205 Ukrainian and 205 Russian captives"
            f._noun = _noun_after(f.low, nxt.end, min(f.hi, nxt.end + 70))
    return f._noun


def _noun_after(low: str, start: int, stop: int) -> re.Match | None:
    of_group = _OF_GROUP_RE.match(low, start, stop)
    if of_group is not None:
        start = of_group.end()
    match = _NOUN_RE.search(low, start, min(stop, start + 70))
    if match is None:
        return None
    between = low[start:match.start()]
    if between.strip() and not _may_stand_between(between):  # (mostly a space: "12 soldiers")
        return None
    if _MEASURE_OF_NOUN[phrase_key(match.group())] == "units":
        of_equipment = _UNITS_OF_RE.match(low, match.end(), stop)
        if of_equipment is not None:  # "1,200 units of enemy equipment": the equipment word is the noun
            return _UNITS_OF_WORD_RE.match(low, of_equipment.start(1))
    return match


def _may_stand_between(between: str) -> bool:
    """Whether these words may stand between a number and its noun: "12,000 North Korean troops" (not
    "12 of the troops", "12, troops")."""
    if between.strip() in _OPENING_QUOTES:
        return True  # 'sustained 1,500 "sanitary losses"'
    if '"' in between or "“" in between:
        between = _QUOTED_WORD_RE.sub(" ", between)  # '35 Shahed-type "kamikaze" drones'
    if between.lstrip().startswith(_OPENING_QUOTES):
        between = between.lstrip()[1:]  # 'brought down 141 "Ukrainian drones"': the quote opens the noun's phrase
    return not (len(between.split()) > 3 or _STOP_BETWEEN_RE.search(between)
                or _PUNCTUATION_BETWEEN_RE.search(between))


def _noun_measure(f: Figure) -> str | None:
    """The measure the noun after the number names (worked out once per figure: most rules ask)."""
    memo = f.memo
    if "noun_measure" not in memo:
        noun = _noun(f)
        memo["noun_measure"] = None if noun is None else _MEASURE_OF_NOUN[phrase_key(noun.group())]
    return memo["noun_measure"]


def _casualty_measure(low: str, match: re.Match, group: int = 0) -> str:
    measure = _MEASURE_OF_VERB[phrase_key(match.group(group))]
    if measure == "killed" and _WOUNDED_TOO_RE.match(low, match.end(group)):
        return "casualties"  # "have been killed or wounded"
    return measure


def _verb_right_after(low: str, start: int, stop: int) -> str | None:
    """The casualty measure of a verb right after a number or its noun: '... were killed'."""
    match = _VERB_AFTER_RE.match(low, start, stop)
    return _casualty_measure(low, match, 1) if match else None


def _verb_context(f: Figure) -> str | None:
    """The casualty measure a verb near a counted noun gives: right after the noun, right before the
    number, else a little further after (computed once per figure)."""
    if "verb_context" in f.memo:
        return f.memo["verb_context"]
    low, m, noun = f.low, f.m, _noun(f)
    after_lo, after_hi = noun.end(), f.next_start_past_list(f.clause[1])
    right_hi = f.next_start if low.startswith("(", after_hi) else after_hi  # "were (hospitalised)"
    found = _verb_right_after(low, after_lo, right_hi)
    if found is None and low.startswith(_DASHES, after_hi):  # "14 people - 13 men and a woman - were found dead"
        closings = [(at, len(c)) for c in _ASIDE_CLOSERS if (at := low.find(c, after_hi + 1, after_hi + 80)) > 0]
        if closings:
            at, width = min(closings)
            found = _verb_right_after(low, at + width, min(f.hi, at + width + 80))
    if found is None or found == _TROOPS:  # "captured two soldiers who were fighting for ...": captured
        before = _verb_before_within(low, max(f.prev_end, m.start - 40), m.start, 3)
        if before == _TROOPS:  # a troop verb before the number is its verb only right before it
            before = _verb_before_within(low, max(f.prev_end, m.start - 40), m.start, 0)
        found = before or found
    if found is None and (_KILLED_OF_PEOPLE_BEFORE_RE.search(low, max(f.prev_end, m.start - 20), m.start)
                          or _KILLED_OF_PEOPLE_AFTER_RE.match(low, after_lo, right_hi)):
        found = "killed"  # "destroyed up to 80 servicemen": said of people, destroyed is killed
    if found is None and after_hi > f.next_start and _KILLED_AFTER_LIST_RE.search(low, f.next_start, after_hi):
        found = "killed"  # "up to 80 servicemen and 2 tanks were destroyed": the servicemen were killed
    if found is None:
        found = _verb_before_list(f)
    if found is None and not _OWN_PREDICATE_RE.match(low, after_lo, right_hi):  # ("39 people have been rescued
        # and 30 more remain missing": the 39 have a verb of their own, and the "missing" further on is not theirs)
        # (the verb after a list is near its last item: "4,272 men, some 2,558 women, ... and 226 girls were killed")
        last_item = max((other.start for other in f.sentence.mentions if after_lo <= other.start < after_hi),
                        default=after_lo) if after_hi > f.next_start else after_lo
        for match in _CASUALTY_RE.finditer(low, after_lo, min(after_hi, last_item + 90)):
            if len(low[last_item:match.start()].split()) > 9:
                break
            word = phrase_key(match.group())
            if (_MEASURE_OF_VERB[word] != "casualties" or word in _CLEAR_FROM_AFAR
                    or (after_hi > f.next_start and _NOUN_BEFORE_RE.search(low, max(after_lo, match.start() - 40),
                                                                          match.start()))):
                found = _casualty_measure(low, match)  # "lost" this far from the number says too little,
                break  # unless it ends the list the number heads: "1,000 troops, 55 tanks and 12 guns lost"
    f.memo["verb_context"] = found
    return found


def _verb_before_list(f: Figure) -> str | None:
    """'Ukrainian forces lost 4 tanks and 300 men': a casualty verb right before the head of the list
    this figure continues reaches it too (looking back over at most three listed counts)."""
    view, low = f.sentence, f.low
    quantities = view.quantities()
    for j in view.list_heads(f.i, f.hi):
        head = view.mentions[j]
        earlier = bisect.bisect_left(quantities, j) - 1  # the count before the head bounds its verb's reach
        start = max(f.lo, head.start - 40, view.mentions[quantities[earlier]].end if earlier >= 0 else 0)
        found = _verb_before_within(low, start, head.start, 2)
        if found is not None:
            return found if found in _LIST_VERB_MEASURES else None
    return None


def _verb_before_within(low: str, start: int, end: int, words: int) -> str | None:
    """The casualty measure of the last casualty word in low[start:end], if at most ``words`` follow it."""
    before = low[start:end]
    last = None
    for match in _CASUALTY_RE.finditer(before):
        last = match
    if last is None:
        return None
    between = before[last.end():]
    if len(between.split()) <= words or phrase_key(between) in _MORE_BEFORE:  # "mobilise an additional 160,000"
        return _casualty_measure(before, last)
    return None


_MORE_BEFORE = frozenset(_V.verb_rules.more_before)
_NATION_NOUNS = frozenset(VOCABULARY.actors.actor_of_word)  # "North Koreans": a people named by its nation
_AMONG_RE = re.compile(rf"\s+{_words(_P.among)}\s+({_CASUALTY_PATTERN})\b")
_AMONG_HINTS = hint_words(_P.among)
_TOLL_REACH = 170  # from a toll noun to its number: "the death toll from <the event, told at length> rose to"


def _toll_before(low: str, lo: int, end: int) -> tuple[str, int, int] | None:
    """'the death toll rose to 12', 'the number of Pyongyang's troops reached 10,000': (measure, span),
    for the toll noun that ends its link at ``end`` (a number's start), at most ``_TOLL_REACH``
    characters before it and not before ``lo``."""
    window = max(lo, end - _TOLL_REACH)
    match = _NUMBER_OF_RE.search(low, window, end)
    if match is not None:
        measure = _counted_in_toll(low, match, end)
        if measure is not None:
            return measure, match.start(), match.end(1)
    match = _NOUN_FIRST_RE.search(low, window, end)
    if match is None:
        return _strength_before(low, window, end)
    while (nearer := _NOUN_FIRST_RE.search(low, match.end(1), end)) is not None:
        match = nearer  # "the toll on its forces, ... its losses exceed 9,000": the nearest toll noun
    return _MEASURE_OF_NOUN_FIRST[phrase_key(match.group(1))], match.start(1), match.end(1)


def _strength_before(low: str, window: int, end: int) -> tuple[str, int, int] | None:
    """'North Korea's troops numbered roughly 12,000': soldiers that number a count are troops (unless a
    casualty word between says what happened to them; the link is looked for first, right before the number)."""
    if not _STRENGTH_LINK_RE.search(low, max(window, end - 16), end):
        return None
    match = _STRENGTH_RE.search(low, max(window, end - 70), end)
    if match is None or _CASUALTY_RE.search(low, match.end(1), end):
        return None
    return _TROOPS, match.start(1), match.end(1)


def _counted_in_toll(low: str, match: re.Match, end: int) -> str | None:
    """What 'the number of <noun> ... <link>' counts: the noun's measure, unless a casualty word after
    the noun says what happened to them ("the number of North Korean soldiers killed has reached 300":
    killed, not troops); people of whom it says nothing count nothing."""
    measure = _MEASURE_OF_NOUN[phrase_key(match.group(1))]
    if measure not in (_PEOPLE, _TROOPS):
        return measure
    context = _CASUALTY_RE.search(low, match.end(1), end)
    if context is None:
        return None if measure == _PEOPLE else measure
    harm = _casualty_measure(low, context)  # (soldiers "moved out" are still troops)
    return harm if measure == _PEOPLE or harm not in (_TROOPS, "displaced") else measure


def _toll_across_aside(f: Figure) -> tuple[str, int, int] | None:
    """'put the number of its soldiers in the region - where ... - at 8,000': the toll read as if the
    aside between two dashes were not there."""
    low, lo = f.low, f.clause[0]
    if lo <= f.lo or low[lo - 1] not in _DASHES:
        return None
    opening = max(low.rfind(dash, max(f.lo, lo - 300), lo - 1) for dash in _DASHES)
    if opening < 0:
        return None
    head_start = max(f.lo, opening - 120)
    head = low[head_start:opening]
    found = _toll_before(head + " " + low[lo:f.m.start], 0, len(head) + 1 + f.m.start - lo)
    if found is None or found[2] > len(head):
        return None  # (a toll after the aside is found without this rule)
    measure, start, end = found
    return measure, head_start + start, head_start + end


def _toll_of(f: Figure) -> tuple[str, int, int] | None:
    if "toll" not in f.memo:
        toll = _toll_before(f.low, f.clause[0], f.m.start)
        if toll is None and f.m.num_start > f.m.start and phrase_key(f.low[f.m.start:f.m.num_start]) in _LINK_WORDS:
            toll = _toll_before(f.low, f.clause[0], f.m.num_start)  # "the number ... exceeded 8 million": the
            # qualifier is the link too
        f.memo["toll"] = toll or _toll_across_aside(f)
    return f.memo["toll"]


def _noun_reading(f: Figure, measure: str) -> Reading:
    """The reading of a figure whose noun follows it: "12,000 North Korean troops"."""
    noun = _noun(f)
    if measure == "settlements" and not _SETTLEMENT_CONTEXT_RE.search(f.low, f.lo, f.hi):
        return STOP  # "three villages" is a figure only where they changed hands
    if measure == "captured" and phrase_key(noun.group()) in _CAPTIVE_ADJECTIVES:
        noun = _people_after(f, noun) or noun  # "103 captive Ukrainian soldiers"
    counted = f.low[f.m.end:noun.end()].strip(" -")
    return Reading(measure, counted, noun.end() - len(counted), noun.end(), noun=noun)


def _people_after(f: Figure, word: re.Match) -> re.Match | None:
    """The people a word that qualifies them goes on to ("captive" or "wounded" North Korean soldiers), if a
    noun of people or soldiers follows within a few words."""
    head = _NOUN_RE.search(f.low, word.end(), min(f.hi, word.end() + 30))
    return head if head is not None and _MEASURE_OF_NOUN[phrase_key(head.group())] in (_PEOPLE, _TROOPS) else None


def _unit_reading(f: Figure, measure: str) -> Reading:
    m, low = f.m, f.low
    unit_word = low[m.num_end:m.end].strip(" -")
    return Reading(measure, unit_word, m.num_end + low[m.num_end:m.end].find(unit_word), m.end)


def _inherit(f: Figure, noun: re.Match | None) -> Reading | None:
    """'12 people, including three children', 'out of some 10,000': count what the figure before counts."""
    found = _list_parent(f)  # (the few counts just before: looking further back made long lists quadratic)
    if found is None and noun is not None and _opens_with_part(f):
        found = (None, f.sentence.before)  # "... 144 came home. Among them are 23 officers"
    if found is not None:
        parent = found[1]
        if noun is None:
            return replace(parent, measure_rule="", actor_rule="of_the_whole")
        if parent.measure in PERSON_MEASURES or parent.measure == _TROOPS:  # "troops, including 11,000 North Koreans"
            counted = f.low[f.m.end:noun.end()].strip()
            # the part is of the whole's side; when the whole has none, or the part is named by its
            # nation, the part's own noun tells it ("the toll climbed to 51, including 9 children": civilians)
            actor = parent.actor if phrase_key(noun.group()) not in _NATION_NOUNS else None
            return Reading(parent.measure, counted, noun.end() - len(counted), noun.end(), actor,
                           actor_rule="of_the_whole" if actor is not None else "", noun=noun)
    return None


# --- the rules, in the order they are tried ----------------------------------------------------------

def among_the(f: Figure):
    """'with four children among the dead', 'two soldiers were among the wounded': people counted as part
    of a group of victims are of that group's measure (not of the figure listed just before them)."""
    noun = _noun(f)
    if noun is None or _noun_measure(f) not in (_PEOPLE, _TROOPS) or not f.sentence.holds(_AMONG_HINTS):
        return None
    match = _AMONG_RE.match(f.low, noun.end(), f.hi)
    if match is None:
        return None
    counted = f.low[f.m.end:noun.end()].strip()
    return Reading(_casualty_measure(f.low, match, 1), counted, noun.end() - len(counted), noun.end(), noun=noun)


def captured_wounded(f: Figure):
    """'captured two wounded soldiers': the wounded that a side captures are counted as its prisoners."""
    if _noun_measure(f) != "injured":
        return None
    if _verb_before_within(f.low, max(f.prev_end, f.m.start - 30), f.m.start, 0) != "captured":
        return None
    noun = _people_after(f, _noun(f)) or _noun(f)  # "wounded North Korean soldiers"
    counted = f.low[f.m.end:noun.end()].strip()
    return Reading("captured", counted, noun.end() - len(counted), noun.end(), noun=noun)


def one_person(f: Figure):
    """'one of the prisoners', 'one prisoner told': a person, not a count."""
    return STOP if f.m.value == 1 and _ONE_OF_RE.match(f.low, f.m.num_end) else None


def difference(f: Figure):
    """'800 more occupants than the month before', 'killed 5 more than last week': a difference between
    two counts, not a count."""
    return STOP if _DIFFERENCE_RE.match(f.low, f.m.end, f.hi) else None


def ratio(f: Figure):
    """'five soldiers for every one of theirs': a ratio, not a count."""
    if not f.sentence.holds(_RATIO_HINTS):  # (tried on every figure, it almost never applies)
        return None
    return STOP if _RATIO_RE.match(f.low, f.m.end, f.hi) else None


def unit_advance(f: Figure):
    """'advanced up to 9 kilometers': a length in a sentence about the front ("15 km from the front
    line" is no advance, nor is "a 40-kilometre front": a hyphenated length before a noun describes it;
    "15 km north of the city" is one only right after an advance word: "advanced 2 km north of it")."""
    if f.m.dimension != "length":
        return None
    low, m = f.low, f.m
    after = low[m.end:min(f.hi, m.end + 40)]
    if _NOT_ADVANCE_RE.match(after) or not _ADVANCE_RE.search(low, f.lo, f.hi):
        return STOP
    restated = _BRACKETS_RE.match(after)  # "30 kilometers (18.5 miles) southwest of"
    if _DIRECTION_AFTER_RE.match(after[restated.end():] if restated else after) and not _ADVANCE_RIGHT_BEFORE_RE.search(
            low, max(f.lo, m.start - 40), m.start):
        return STOP  # "a village 15 km north of Kharkiv"; but "advanced 2.5 km northwest of Pokrovsk"
    if low[m.num_end:m.num_end + 1] == "-" and _LENGTH_ADJECTIVE_RE.search(low, max(f.lo, m.start - 12), m.start):
        described = _NEXT_WORD_RE.match(low, m.end, f.hi)
        if described is None or not _ADVANCE_RE.fullmatch(described.group(1)):
            return STOP
    return _unit_reading(f, "advance")


def unit_area(f: Figure):
    """'captured 725 square kilometres': an area (a radius is not)."""
    if f.m.dimension != "area":
        return None
    if _NOT_AREA_AFTER_RE.match(f.low[f.m.end:min(f.hi, f.m.end + 40)]):
        return STOP
    return _unit_reading(f, "area")


def unit_duration(f: Figure):
    """'the 1,000-day mark', 'three years of war', 'held the town for seven months': the length of the
    war or of an operation, not a time window ("in the past 24 hours") or a sentence."""
    if f.m.dimension != "time":
        return None
    low, m = f.low, f.m
    after = low[m.end:min(f.hi, m.end + 40)]
    before = low[max(f.lo, m.start - 12):m.start]
    if _NOT_DURATION_RE.match(after) or _NOT_DURATION_BEFORE_RE.search(before) or (
            before.endswith(_RECORD_LINK) and _RECORD_IN_RE.search(low, max(f.lo, m.start - 120), m.start)):
        return STOP  # (the last: "the highest number of casualties in almost two years")
    words_after = after.split()
    if words_after and words_after[0] in _DURATION_REACHING:  # "five months after Putin ordered the invasion"
        clause = _CLAUSE_END_RE.split(low[m.end:min(f.hi, m.end + 80)], maxsplit=1)[0]  # ("..., the war zone")
        if _DURATION_START_RE.search(" ".join(clause.split()[:_DURATION_REACH_WORDS])):
            return _unit_reading(f, "duration")
        words_after = []  # "a week after a Russian attack": a time since an event, no length of the fighting
    near_after = " ".join(words_after[:4])
    near_before = " ".join(low[max(f.lo, m.start - 70):m.start].split()[-8:])  # "fighting for the town has lasted"
    if not (_DURATION_RE.search(near_after) or _DURATION_RE.search(near_before)):
        return STOP
    return _unit_reading(f, "duration")


def swap(f: Figure):
    """'a 150-for-150 swap': the prisoners each side handed over."""
    if not f.sentence.holds(_SWAP_HINTS):  # (tried on every figure, it almost never applies)
        return None
    match = _SWAP_RE.match(f.low, f.m.end, f.hi)
    if match is None:  # the second side of "1000 for 1000" restates the first
        second = _SWAP_SECOND_RE.search(f.low, max(f.lo, f.m.start - 16), f.m.start) and _SWAP_TAIL_RE.match(
            f.low, f.m.end, f.hi)
        return STOP if second else None
    return Reading("captured", f.low[f.m.end:match.end()].strip(" -"), f.m.end, match.end())


def toll_list_item(f: Figure):
    """'the death toll takes in 17,000 volunteers, 14,500 recruited prisoners and 9,700 mobilised soldiers':
    people listed after a toll's first item are of the toll, whatever their own nouns would count."""
    if _noun_measure(f) not in (_PEOPLE, _TROOPS, "captured"):
        return None
    found = _list_parent(f)
    if found is None or found[1].measure not in PERSON_MEASURES:
        return None
    mention, parent = found
    if parent.measure_rule != "toll_list_item" and _toll_before(f.low, f.clause[0], mention.start) is None:
        return None  # (the head is a toll's: "the death toll takes in 17,000 volunteers")
    if not _LIST_NEXT_RE.fullmatch(f.low, max(mention.end, parent.counted_end), f.m.start):
        return None
    return _noun_reading(f, parent.measure)


def noun_after(f: Figure):
    """'5 tanks', 'six dead', '12 brigades': the noun after the number names the measure (nouns that
    count soldiers or people are left to the rules after this one; "57 missile strikes" counts attacks,
    no figure)."""
    measure = _noun_measure(f)
    if measure is None or measure in (_TROOPS, _PEOPLE):
        return None
    if measure == "equipment":
        attack = _ATTACKS_RE.match(f.low, _noun(f).end(), f.hi)
        if attack is not None:  # "57 missile strikes", but "728 Shahed attack drones" are drones
            weapon = _NOUN_RE.match(f.low, attack.end() + 1, f.hi) if f.low.startswith(" ", attack.end()) else None
            if weapon is None or _MEASURE_OF_NOUN[phrase_key(weapon.group())] != "equipment":
                return STOP
    return _noun_reading(f, measure)


def recruited_prisoners(f: Figure):
    """'Russia has recruited 10,000 prisoners to fight': prisoners a troop verb right before them takes in
    (recruited, enlisted, mobilised) are troops, not captives."""
    if _noun_measure(f) != "captured":
        return None
    verb = _verb_before_within(f.low, max(f.prev_end, f.m.start - 40), f.m.start, 1)
    return _noun_reading(f, _TROOPS) if verb == _TROOPS else None


def nationals_abroad(f: Figure):
    """'3 million Ukrainians are in Poland': people of the country the war is fought in, in another country,
    are refugees; others there ("10,000 North Koreans are in Russia") are left to the other rules."""
    if _noun_measure(f) != _PEOPLE or _PARTY_OF_NOUN.get(_noun(f).group().lower()) != _THEATRE:
        return None
    where = _ABROAD_RE.match(f.text, _noun(f).end(), f.hi)
    place = geocode(where.group(1)) if where is not None else None
    if place is None or place.kind != "country" or place.name == _THEATRE:
        return None
    return _noun_reading(f, "displaced")


def noun_then_verb(f: Figure):
    """'12 people were killed', '40 soldiers died': a verb after the counted people says the measure."""
    measure = _noun_measure(f)
    if measure not in (_TROOPS, _PEOPLE):
        return None
    context = _verb_context(f)
    if context is None or (measure == _TROOPS and context in ("displaced", _TROOPS)):
        return None  # (soldiers who are "moved out" are still troops, and troops_noun reads them)
    if context in PERSON_MEASURES and _part_before(f) is not None:
        return None  # "5 of the 70 soldiers were killed": the 5 were; the 70 are the group they were of
    if context == "captured" and measure == _PEOPLE and _HOMECOMING_RE.match(f.low, _noun(f).end(), f.hi) \
            and not _EXCHANGE_CONTEXT_RE.search(f.low, max(0, f.lo - 300), f.hi):
        return None  # "1.2 million Ukrainians have returned home": refugees, not freed prisoners
    return _noun_reading(f, context)


_PART_VERB_NOUNS = frozenset({_TROOPS, _PEOPLE, *PERSON_MEASURES})  # the nouns of people a verb may befall


def _harm_after(f: Figure) -> str | None:
    """The first harm (a person measure) a casualty word says after the figure's noun, before the next
    figure and within a few words: past the clause that tells where the people were sent."""
    noun = _noun(f)
    if noun is None:
        return None
    for match in _CASUALTY_RE.finditer(f.low, noun.end(), min(f.next_start, noun.end() + 60)):
        measure = _casualty_measure(f.low, match)
        if measure in PERSON_MEASURES:
            return measure
    return None


def _part_before(f: Figure) -> int | None:
    """The bare count this figure is the whole of ("5 of the 70 soldiers": 5 for the 70), if any."""
    quantities = f.sentence.quantities()
    at = bisect.bisect_left(quantities, f.i)
    if at == 0:
        return None
    j = quantities[at - 1]
    return j if _OF_NEXT_RE.fullmatch(f.low, f.sentence.mentions[j].end, f.m.start) else None


def noun_then_toll(f: Figure):
    """'... the toll of the attack rose to 12 people': a toll before the number says the measure."""
    measure = _noun_measure(f)
    if measure not in (_TROOPS, _PEOPLE) or _verb_context(f) is not None:
        return None
    toll = _toll_of(f)
    if toll is None or (measure == _TROOPS and toll[0] == "displaced"):
        return None
    return _noun_reading(f, toll[0])


def exchanged(f: Figure):
    """'Kyiv returned 95 Russian soldiers and received 95 Ukrainians in return': soldiers or people handed
    over or got back in a sentence about an exchange are prisoners."""
    if _noun_measure(f) not in (_TROOPS, _PEOPLE):
        return None
    if not _EXCHANGE_VERB_RE.search(f.low, max(f.prev_end, f.m.start - 16), f.m.start):
        return None
    if not _EXCHANGE_CONTEXT_RE.search(f.low, f.lo, f.hi):
        return None
    return _noun_reading(f, "captured")


def troops_noun(f: Figure):
    """'12,000 North Korean troops': soldiers with no verb saying they were harmed are troops; but soldiers
    listed as part of freed prisoners or of the dead ("144 came home. Among them are 23 officers") are of
    that count (``part_of_whole_with_noun`` names them)."""
    if _noun_measure(f) != _TROOPS:
        return None
    if _is_listed_part(f):
        whole = _inherit(f, _noun(f))
        if whole is not None and whole.measure in PERSON_MEASURES:
            whole.measure_rule = "part_of_whole_with_noun"
            return whole
    return _noun_reading(f, _TROOPS)


def _is_listed_part(f: Figure) -> bool:
    """'including 40 children', 'Among them are 23 officers and 69 sergeants': a part of a count before
    (or the next in a list of such parts)."""
    if _included(f) or _in_including_list(f):
        return True
    head = next(f.sentence.list_heads(f.i, f.hi), None)
    reading = f.sentence.reading(head) if head is not None else None
    return reading is not None and reading.measure_rule == "part_of_whole_with_noun"


def _list_parent(f: Figure) -> tuple[NumberMention, Reading] | None:
    """The nearest count before this figure in its sentence that reads as a figure, and its reading
    (passing over at most two that do not: "three boys (aged 16 and 17) and three girls")."""
    quantities = f.sentence.quantities()
    at = bisect.bisect_left(quantities, f.i)
    for j in reversed(quantities[max(0, at - 3):at]):
        parent = f.sentence.reading(j)
        if parent is not None:
            return f.sentence.mentions[j], parent
    return None


def people_in_a_list(f: Figure):
    """'215 prisoners, 205 soldiers and 10 civilians', 'including 40 children and 12 elderly people': people
    of whom the clause says nothing, listed right after a count of people, are counted as that one is."""
    if _noun_measure(f) != _PEOPLE:
        return None
    found = _list_parent(f)
    if found is None or found[1].measure not in PERSON_MEASURES:
        return None
    mention, parent = found
    if not _LIST_NEXT_RE.fullmatch(f.low, max(mention.end, parent.counted_end), f.m.start):
        return None
    noun = _noun(f)
    counted = f.low[f.m.end:noun.end()].strip()
    return Reading(parent.measure, counted, noun.end() - len(counted), noun.end())


def part_of_whole_with_noun(f: Figure):
    """'12 people, including three children': a subset counts what the figure before counts."""
    if _noun_measure(f) != _PEOPLE:
        return None
    if _included(f) or _in_including_list(f) or _breaks_down(f):
        return _inherit(f, _noun(f)) or STOP
    return STOP  # people of whom the clause says nothing


def _breaks_down(f: Figure) -> bool:
    """'23 people were killed: 22 were found in the rubble', 'six children died: three boys and ...': the
    first figure after a colon that follows a figure's clause breaks that figure down."""
    lo = f.clause[0]
    if lo <= f.lo or f.low[lo - 1] != ":" or f.low[lo:f.m.start].strip():
        return False
    found = _list_parent(f)
    return found is not None and found[0].end >= f.low.rfind(".", f.lo, lo) and lo - found[0].end < 60


def _included(f: Figure) -> bool:
    """'including 12 children', 'of those, 40': a word right before the figure (or before an aside that
    credits it) that makes it a part of a count before."""
    return _INCLUDING_RE.search(f.low, max(f.lo, (start := _past_aside(f)) - 20), start) is not None


def _past_aside(f: Figure) -> int:
    """Where the words before a figure end once an aside crediting it is passed over: the first comma of
    ", according to the ministry, are 23 officers" (the figure's own start when there is none)."""
    start = f.m.start
    if "," not in f.low[max(f.lo, start - 8):start]:  # (an aside ends with a comma, at most a copula before the figure)
        return start
    aside = _ASIDE_RE.search(f.low, max(f.lo, start - 90), start)
    return aside.start() if aside is not None else start


def _in_including_list(f: Figure) -> bool:
    """'12 returned, including soldiers, border guards and three civilians': the last of a list of parts."""
    found = _list_parent(f)
    start = max(f.lo, f.m.start - 120, found[0].end if found else 0)  # (the list's clause may end at ", and")
    return _INCLUDING_LIST_RE.search(f.low, start, f.m.start) is not None


def part_of_next(f: Figure):
    """'50 of the 70 drones': the first number counts what the second one does."""
    if _noun(f) is not None or f.next_start >= f.hi or not _OF_NEXT_RE.fullmatch(f.low, f.m.end, f.next_start):
        return None
    nxt = f.sentence.next_quantity(f.i)
    whole = f.sentence.figure(nxt)
    # "5 of the 70 soldiers were killed", "3 of the 40 people were hurt": the verb says what befell the part
    context = _verb_context(whole) if _noun_measure(whole) in _PART_VERB_NOUNS else None
    if context is not None and context not in PERSON_MEASURES:
        context = _harm_after(whole) or context  # "9,000 of the 14,000 soldiers sent there were killed"
    later = f.sentence.reading(nxt)
    if later is None:
        return STOP if context not in PERSON_MEASURES else replace(_noun_reading(whole, context), measure_rule="")
    measure = context if context in PERSON_MEASURES else later.measure
    return Reading(measure, later.counted, later.counted_start, later.counted_end, later.actor,
                   actor_rule="of_the_next")


def verb_after(f: Figure):
    """'206 were wounded', '16,000 of them were killed': a verb right after a number without a noun."""
    if _noun(f) is not None:
        return None
    low, m, next_start = f.low, f.m, f.next_start
    gap = low[m.end:next_start]
    if gap.lstrip().startswith(",") and next_start < f.hi and _CASUALTY_RE.fullmatch(gap.strip(" ,")):
        return None  # "attacks kill 6, injure 31": the verb after the comma is the next number's
    of_them = _OF_THEM_RE.match(low, m.end, next_start)
    measure = _verb_right_after(low, of_them.end() if of_them else m.end, next_start)
    if measure == "casualties" and not _KILLED_SOON_RE.match(low[m.end:next_start]):
        return None  # "the remaining two have lost ...": lost what is not said
    if measure is None:
        return None
    counted = low[m.end:min(next_start, m.end + 40)].split(",")[0].strip()
    if measure in PERSON_MEASURES and _LIST_BEFORE_RE.search(low, max(f.lo, m.start - 20), m.start):
        found = _list_parent(f)  # "100 North Koreans had died and 1,000 had been injured": the same side
        if found is not None and found[1].actor is not None and found[1].measure in PERSON_MEASURES:
            return Reading(measure, counted, m.end, m.end, found[1].actor, actor_rule="of_the_whole")
    return Reading(measure, counted, m.end, m.end)


def part_of_whole(f: Figure):
    """'five of them children', 'out of some 10,000': a part or the whole of the figure before."""
    if _noun(f) is not None:
        return None
    low, m = f.low, f.m
    if _OF_THEM_RE.match(low, m.end, f.next_start):
        # "Fifty of them were destroyed", "air defences downed 50 of them": with no whole in its own
        # sentence, the whole is the figure that ends the sentence before, and the rules after this one
        # read what the part is (a fate, a verb)
        return _inherit(f, None) or (None if _opens_with_part(f) else STOP)
    if (_OUT_OF_RE.search(low, max(f.lo, m.start - 25), m.start)
            or _included(f) or _breaks_down(f)):
        # (a part opening its sentence whose whole is not found yet is left to the rules after: a fate)
        return _inherit(f, None) or _inherit(f, _predicate_people(f)) or (None if _opens_with_part(f) else STOP)
    if _RUNNING_TOTAL_LINK_RE.search(low, max(f.lo, m.start - 6), m.start) and _RUNNING_TOTAL_RE.search(
            low, max(f.lo, m.start - 120), m.start) and _toll_of(f) is None:
        return _inherit(f, None)  # "bringing the total to 9,000" (but "raising the number of its troops to")
    return None


def _predicate_people(f: Figure) -> re.Match | None:
    """The people a bare part is said to be ("Of those, 40 were children"): a noun of people or soldiers
    after a copula, if one follows the number."""
    copula = _PREDICATE_RE.match(f.low, f.m.end, f.next_start)
    if copula is None:
        return None
    head = _NOUN_RE.match(f.low, copula.end(), f.next_start)
    return head if head is not None and _MEASURE_OF_NOUN[phrase_key(head.group())] in (_PEOPLE, _TROOPS) else None


def _opens_with_part(f: Figure) -> bool:
    """Whether the figure is the first count of its sentence and the sentence before ends with a reading:
    the whole that '... of them' takes a part of."""
    return f.sentence.before is not None and f.sentence.quantities()[:1] == [f.i]


def verb_before(f: Figure):
    """'killing six', 'wounded 23': a casualty word right before a number without a noun."""
    if _noun(f) is not None:
        return None
    low, m = f.low, f.m
    start = max(f.prev_end, m.start - 30)
    before = low[start:m.start]
    verb = None
    for match in _CASUALTY_RE.finditer(before):
        verb = match
    if verb is None or (before[verb.end():].strip() and phrase_key(before[verb.end():]) not in _MORE_BEFORE):
        return None  # ("injuring another 12": a word of more between the verb and its number)
    measure = _MEASURE_OF_VERB[phrase_key(verb.group())]
    if measure not in PERSON_MEASURES:
        return None
    return Reading(measure, verb.group(), start + verb.start(), start + verb.start() + len(verb.group()))


def toll_before(f: Figure):
    """'the death toll rose to 12', 'losses stand at 1,200': a toll noun before a number without a noun."""
    if _noun(f) is not None:
        return None
    toll = _toll_of(f)
    if toll is None:
        return None
    measure, start, end = toll
    return Reading(measure, f.low[start:end], start, end, toll_span=(start, end))


def earlier_value(f: Figure):
    """'1,300 were killed on Monday, down from 1,600 the day before', 'grew from 10,000 to 12,000': a bare
    number a figure is compared with, or changed from, is an earlier value of it and counts what it
    counts (the same people or things, the same side); so does the change itself ("losses rose by 50 to
    300 tanks": 50 tanks)."""
    if _noun(f) is not None:
        return None
    low, m = f.low, f.m
    if _EARLIER_VALUE_RE.search(low, max(f.lo, m.start - 20), m.start):
        found = _list_parent(f)
    elif _CHANGE_FROM_RE.search(low, max(f.lo, m.start - 30), m.start):
        nxt = f.sentence.next_quantity(f.i)
        later = f.sentence.mentions[nxt] if nxt is not None else None
        found = (later, f.sentence.reading(nxt)) if later is not None and _TO_NEW_VALUE_RE.fullmatch(
            low, m.end, later.start) else None
    else:
        return None
    if found is None or found[1] is None:
        return None
    # whose it is the actor rules say, from its own words ("compared with 200 for Ukraine") or carried
    return replace(found[1], measure_rule="", actor=None, actor_rule="", noun=None, toll_span=None)


def elided_count(f: Figure):
    """'eight died in one town and two in another', '..., and 300 more at the border': a bare count after a
    list joiner, followed by a place, counts what the figure before it counts."""
    if _noun(f) is not None:
        return None
    low, m = f.low, f.m
    if not _ELLIPSIS_AFTER_RE.match(low, m.end, f.hi) or not _LIST_BEFORE_RE.search(low, max(f.lo, m.start - 20),
                                                                                       m.start):
        return None
    found = _list_parent(f)
    if found is None or found[1].measure not in _LISTED_MEASURES:
        return None
    parent = found[1]  # (and whose they are: "of which 97 were shot down and another 25 were jammed")
    return Reading(parent.measure, parent.counted, parent.counted_start, parent.counted_end, parent.actor,
                   actor_rule="of_the_whole" if parent.actor is not None else "")


def apposed_count(f: Figure):
    """'the largest number of drones – 65 – were destroyed', 'a third of IDPs – 2.9 million people – are in
    the west': a count set off by dashes right after a noun of things or of the displaced restates it."""
    start = f.m.start
    if start < 2 or f.low[start - 2:start].strip() not in _DASHES:
        return None  # (most counts follow no dash: the pattern is not tried)
    before = _APPOSED_BEFORE_RE.search(f.low, max(f.lo, start - 40), start)
    noun = _noun(f)
    if before is None or not _APPOSED_AFTER_RE.match(f.low, noun.end() if noun is not None else f.m.end):
        return None
    head = _NOUN_RE.match(f.low, before.start())
    measure = _MEASURE_OF_NOUN[phrase_key(head.group())]
    if measure in (_PEOPLE, _TROOPS) or (noun is not None and _noun_measure(f) not in (_PEOPLE, measure)):
        return None  # people before the dash: what befell them is told after it
    if noun is None:  # "drones – 65 –": the noun before the dash is what it counts
        return Reading(measure, head.group(), head.start(), head.end())
    return Reading(measure, f.low[f.m.end:noun.end()].strip(), noun.start(), noun.end(), noun=noun)


def parallel_item(f: Figure):
    """'losses exceeded 130 servicemen; in the West — more than 150; in the South — up to 30 servicemen':
    a count that, with only a short label before it, makes up an item of a list whose items are clauses
    (split by semicolons) counts what the item before counts."""
    semicolon = f.low.rfind(";", f.lo, f.m.start)
    if semicolon < 0 or not _PARALLEL_LABEL_RE.search(f.low, semicolon, f.m.start):
        return None
    noun = _noun(f)
    if not _PARALLEL_END_RE.match(f.low, noun.end() if noun is not None else f.m.end):
        return None  # the item says more (a verb of its own): its words decide
    quantities = f.sentence.quantities()
    at = bisect.bisect_left(quantities, f.i)
    if not at or f.sentence.mentions[quantities[at - 1]].end > semicolon:
        return None
    parent = f.sentence.reading(quantities[at - 1])
    if parent is None or parent.measure not in PERSON_MEASURES or (
            noun is not None and parent.noun is not None
            and _noun_measure(f) != _MEASURE_OF_NOUN[phrase_key(parent.noun.group())]):
        return None
    if noun is None:
        return Reading(parent.measure, parent.counted, parent.counted_start, parent.counted_end, parent.actor,
                       actor_rule="of_the_whole" if parent.actor is not None else "")
    return _noun_reading(f, parent.measure)


def equipment_fate(f: Figure):
    """'Russia launched 72 drones overnight; 50 were shot down', '... 72 drones. Of these, 50 were
    intercepted', '... and air defences downed 50', '... 40 of them were destroyed': a bare count that
    was shot down or destroyed counts the equipment of the figure before it, in its sentence or, for a
    count opening its sentence (or right after the verb that opens it), at the end of the sentence before."""
    if _noun(f) is not None:
        return None
    low, m = f.low, f.m
    fate_before = _FATE_BEFORE_RE.search(low, max(f.prev_end, m.start - 20), m.start)
    part = _OF_THEM_RE.match(low, m.end, f.next_start)  # "Fifty of them were destroyed"
    if fate_before is None and not _FATE_AFTER_RE.match(low, part.end() if part else m.end, f.next_start):
        return None
    found = _list_parent(f)
    parent = found[1] if found is not None else _opening_continues(f, fate_before)
    if parent is None or parent.measure != "equipment":
        return None
    if parent.actor is None:  # a whole whose side is carried in only later: the fate's own words tell it
        return replace(parent, measure_rule="", actor_rule="", noun=None, toll_span=None)
    return replace(parent, measure_rule="", actor_rule="of_the_whole")


def _opening_continues(f: Figure, verb: re.Match | None) -> Reading | None:
    """The last reading of the sentence before, if this figure opens its own sentence ("Of these, 50 ...")
    or follows the fate ``verb`` that its sentence's first clause ends with ("Air defences downed 50")."""
    before = f.sentence.before
    if before is None:
        return None
    if _OPENS_SENTENCE_RE.fullmatch(f.low, f.lo, f.m.start) or _SAID_OPENS_RE.fullmatch(f.low, f.lo, f.m.start):
        return before
    if verb is not None and f.clause[0] == f.lo and f.sentence.quantities()[0] == f.i:
        return before
    return None


MEASURE_RULES = (one_person, among_the, captured_wounded, difference, ratio, swap, unit_advance, unit_area,
                 unit_duration, recruited_prisoners, apposed_count,
                 toll_list_item, noun_after, nationals_abroad, noun_then_verb, noun_then_toll, exchanged, parallel_item,
                 troops_noun, people_in_a_list,
                 part_of_whole_with_noun, part_of_next, verb_after, part_of_whole, verb_before, earlier_value,
                 toll_before, elided_count, equipment_fate)


def composite_total(f: Figure, reading: Reading) -> tuple[NumberMention, Reading] | None:
    """'five units, each of approximately 3,000 soldiers' -> a derived total of 15,000 troops."""
    mentions, i, text = f.sentence.mentions, f.i, f.text
    if reading.measure != "units" or i + 1 >= len(mentions):
        return None
    per = mentions[i + 1]
    if not _COMPOSITE_RE.match(f.low[reading.counted_end:per.start]):
        return None
    per_reading = f.sentence.reading(i + 1)
    if per_reading is None or per_reading.measure != _TROOPS:
        return None
    m = f.m
    qualifier = "approx" if per.qualifier == "approx" else m.qualifier if per.qualifier == "exact" else "approx"
    value = m.value * per.value
    low, high = {"exact": (value, value), "approx": (None, None)}.get(qualifier, (None, None))
    total = NumberMention(m.start, reading.counted_end, m.num_start, m.num_end, value, low, high,
                          qualifier if qualifier in ("exact", "approx") else "approx")
    actor, actor_rule = ((per_reading.actor, per_reading.actor_rule) if per_reading.actor
                         else (reading.actor, reading.actor_rule))
    return total, Reading(_TROOPS, text[m.start:per_reading.counted_end], m.start, per_reading.counted_end, actor,
                          measure_rule="composite_total", actor_rule=actor_rule)


def as_written(text: str, low: str, reading: Reading) -> Reading:
    """The reading with its counted words as the text writes them (the rules read them lowered)."""
    at = low.find(reading.counted, reading.counted_start)
    counted = text[at:at + len(reading.counted)] if at >= 0 else reading.counted
    return reading if counted == reading.counted else replace(reading, counted=counted)


def read_measure(text: str, mentions: list[NumberMention], i: int, lo: int, hi: int, *,
                 low: str | None = None) -> Reading | None:
    """What mention ``i`` (inside the sentence ``text[lo:hi]``) counts, or None if it is not a figure.

    Only the measure is decided here (``actor`` stays None: :mod:`.actors` decides it); ``low`` is
    ``lowered(text)``, if the caller has it already. Reading a whole sentence, make one
    :class:`~analysis.extract.view.SentenceView` whose ``read`` is :func:`read`: each figure is then
    read once, however its neighbours refer to it.
    """
    view = SentenceView(text, lowered(text) if low is None else low, mentions, lo, hi, read=read)
    reading = view.reading(i)
    return None if reading is None else as_written(text, view.low, reading)


def read(f: Figure) -> Reading | None:
    """The measure reading of a figure: the first of :data:`MEASURE_RULES` that answers."""
    if f.m.kind != "quantity" or f.m.restates is not None:
        return None
    name, reading = decide(MEASURE_RULES, f)
    if reading is not None and not reading.measure_rule:
        reading.measure_rule = name
    return reading
