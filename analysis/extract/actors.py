"""Whose people, forces or equipment a figure counts (its actor), decided by named rules.

The rules of :data:`ACTOR_RULES` are tried in order on a figure and its measure reading: civilians by
the event or their noun (the displaced, "residents"), a party named in the counted words ("North
Korean troops"), the side that held, released or got back prisoners, that killed or lost soldiers, the
victims of a strike, an owner named in the sentence ("Russia's losses", "under Ukrainian control"), the
launcher of drones, the side that destroyed equipment (whose it is then the opponent's), the party
named before the figure, the owner of the land taken. The speaker's own side ("we", "our forces") is
:data:`OWN` (its enemy :data:`ENEMY`) until :func:`carry_actors` knows the claimant; it then gives
figures left without one the actor of the figures beside them ("6,662 Russian troops were killed and
10,446 wounded") or of the sentence before in their paragraph.

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

import bisect
import re
from collections.abc import Iterator

from analysis.extract.measures import GAIN_MEASURES, PERSON_MEASURES, Reading
from analysis.extract.places import geocode
from analysis.extract.rules import STOP, decide
from analysis.extract.sentences import DATELINE_RE, split_sentences
from analysis.extract.view import Figure, SentenceView
from analysis.vocabulary import VOCABULARY, hint_words, lowered, phrase_key, phrase_pattern, word_starts
from analysis.vocabulary import phrase_group as _words  # (a group of phrases, inside a pattern)

__all__ = ["ACTOR_RULES", "ENEMY", "OPPONENT", "OWN", "actor_of", "carry_actors", "decide_actor", "side_of"]

_V = VOCABULARY.actors
_W = _V.words
OPPONENT: dict[str, str] = dict(_V.opponents)
_ACTOR_OF_WORD = _V.actor_of_word
_PARTY = phrase_pattern(_ACTOR_OF_WORD)


PARTY_RE = re.compile(rf"(?<![\w-])(?:{_PARTY})(?![\w-])", re.I)
# PARTY_RE on lowered() text, as _party_spans reads it: a party word opening the text, or one after a character
# that is not an ASCII letter, digit, "_" or "-" (a class `re` skips ahead to, where a pattern opening with a
# lookbehind is tried at every position of every sentence)
_PARTY_AT_RE = re.compile(rf"(?:{_PARTY})(?![\w-])")
_PARTY_AFTER_MARK_RE = re.compile(rf"[^a-zA-Z0-9_\-]((?:{_PARTY}))(?![\w-])")
_NA = _V.not_actor
_NOT_ACTOR_BEFORE_RE = re.compile(
    rf"\b(?:{_words(_NA.before)}|(?:{_words(_NA.before_directions)}\s+(?:the\s+)?"
    rf"{_words(_NA.directions)}\w*))\s+(?:the\s+)?$")  # on lowered() text
# "the Ukrainian city of", "of Russian territory", "the Kyiv Independent": a place or a title, no side
_PLACE_AFTER_RE = re.compile(rf"\s+{_words(_NA.place_nouns)}(?![\w-])")
_NAME_AFTER_RE = re.compile(rf"\s+{_words(_NA.names_after)}(?![\w-])")
_CAPITALS_ONLY = frozenset(_NA.capitals_only)
_O = _V.owners
_OWN = _V.own_side
# the speaker's own side and its opponent, until carry_actors knows the claimant: "we advanced 3 km"
OWN, ENEMY = "@own", "@enemy"
# "we", "us", "our forces", "its troops", where one of these words begins a word (see _own_party_words)
_OWN_PARTY_LOW_RE = re.compile(
    rf"({_words(_OWN.pronouns)})(?![\w-])(?!\s+{_words(_OWN.pronouns)}\b)"
    rf"|({_words(_OWN.possessives)})\s+(?:[\w-]+\s+)?{_words(_V.words.military)}\b")
# where one may start: opening with its letters (no lookbehind), it lets `re` skip to them
_OWN_WORD_RE = re.compile(rf"{_words([*_OWN.pronouns, *_OWN.possessives])}(?![\w-])")
_OWNER_RE = re.compile(
    rf"(?<![\w-])({_PARTY})['’]?s?\s+(?:[\w-]+\s+){{0,2}}?{re.escape(_O.losses)}\b"
    rf"|\b{re.escape(_O.losses)}\s+{_words(_O.losses_of)}\s+(?:the\s+)?({_PARTY})(?![\w-])"
    rf"|\b{phrase_pattern([_O.inflicted_on])}\s+(?:the\s+)?({_PARTY})(?![\w-])"
    rf"|\bin\s+({_PARTY})\s+{re.escape(_O.in_hands)}\b"
    rf"|\b{_words(_O.control_before)}\s+(?:the\s+)?{re.escape(_O.control)}\s+of\s+(?:the\s+)?({_PARTY})(?![\w-])"
    rf"|\b{_words(_O.control_before)}\s+({_PARTY}|{_words(_OWN.pronouns)})\s+{re.escape(_O.control)}\b")
_OWNER_HINTS = (_O.losses, _O.inflicted_on.split()[0], _O.in_hands, _O.control)
_CIVILIAN_NOUNS = frozenset(_W.civilian_nouns)
_CIVILIAN_RE = re.compile(rf"\b{re.escape(_W.civilian_stem)}")
_MILITARY_RE = re.compile(rf"\b{_words(_W.military)}\b")
# the patterns below open with their words, not with \b: word_starts reads them where a word begins
# (`re` skips ahead to their letters, where a pattern opening with \b is tried at every position)
_CIVILIAN_WORD_RE = re.compile(re.escape(_W.civilian_stem))
_OTHERS = frozenset(_W.others)
_FAVOUR_RE = re.compile(  # "in the Russian army's favour", "in favour of Ukraine"
    rf"\bin\s+(?:{_words(_W.favour)}\s+of\s+(?:the\s+)?[\w'’-]+|(?:[\w'’-]+\s+){{0,3}}?{_words(_W.favour)}\b)")
# right after the counted noun: "10 foreigners who fought for Ukraine", "volunteers fighting alongside Russian troops"
_FIGHTS_FOR_RE = re.compile(
    rf"\s+(?:{_words(_W.fights_for_between)}\s+)*{_words(_W.fights_for)}\s+(?:the\s+)?")
_ONE_CIVILIAN_RE = re.compile(rf"\b(?:an?|one)\s+(?:[a-z-]+\s+)?{_words(_W.one_civilian)}\b")  # "a 70-year-old woman"
_MILITARY_WORD_RE = re.compile(rf"{_words(_W.military)}\b")
_DESTROY_RE = re.compile(rf"{_words(_W.destroy)}\b")
# "30 drones were downed", "12 tanks have been destroyed": a passive fate right after the counted noun
_DOWNED_AFTER_RE = re.compile(
    rf"\s+(?:{_words(_W.perfect)}\s+)?(?:{_words(_W.passive)}\s+)+(?:\w+ly\s+)?{_words(_W.destroy)}\b")
_BY_AFTER_RE = re.compile(rf"\s+{re.escape(_W.launched_by)}\b")
# a speech verb between a party word and a figure: the party is the speaker's ("Ukraine's air force said")
_SPEECH_VERB_RE = re.compile(rf"\b{_words(VOCABULARY.attribution.speech.verbs)}\b")
# (read with .match at a position: a "^" there would match only at the start of the text)
_LAUNCHED_BY_RE = re.compile(rf"[^.;]{{0,40}}?\b{_words(_W.launched)}\s+{re.escape(_W.launched_by)}\s+")
_LAUNCHER_AFTER_RE = re.compile(  # "the 120 drones Russia launched overnight"
    rf"\s+(?:{_words(_W.launched_before)}\s+)?({_PARTY})\s+(?:{_words(_W.launched_before)}\s+)?{_words(_W.launched)}\b")
_LIST_LAUNCHER_RE = re.compile(  # "... and three missiles Ukraine launched": after a list's last count
    rf"[\w\s'’-]{{0,40}}?\s({_PARTY})\s+(?:{_words(_W.launched_before)}\s+)?{_words(_W.launched)}\b")
_LAUNCHED_AT_RE = re.compile(  # "78 missiles fired at Ukraine"
    rf"[^.;]{{0,30}}?\b{_words(_W.launched)}\s+{_words(_W.launched_at)}\s+(?:the\s+)?({_PARTY})(?![\w-])")


def _launched_place_re(links) -> re.Pattern:
    """A launch verb, one of ``links`` and the capitalised place after them (group 1), on cased text."""
    return re.compile(rf"[^.;]{{0,30}}?\b(?i:{_words(_W.launched)})\s+(?i:{_words(links)})\s+(?:the\s+)?"
                      r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")


_LAUNCHED_AT_PLACE_RE = _launched_place_re(_W.launched_at)  # "194 projectiles had been fired at the Kursk region"
_LAUNCHED_FROM_RE = _launched_place_re(_W.launched_from)  # "missiles launched from Russia's Voronezh region"
_DELIVERED_RE = re.compile(rf"{_words(_W.delivered)}\b")  # (read with word_starts)
_DELIVERED_TO_RE = re.compile(rf"[^.;]{{0,60}}?\s{_words(_W.delivered_to)}\s+(?:the\s+)?({_PARTY})(?![\w-])")
# (a sentence holds one of these words before any of the patterns below can match it: a cheaper test first)
_INFLICT_HINTS = hint_words(_O.inflict)
_DELIVERED_HINTS = hint_words(_W.delivered)
_RETURNED_TO_HINTS = hint_words(_W.returned_to)
_LAUNCHED_HINTS = hint_words(_W.launched)
_PUNCTUATION_RE = re.compile(r"[—–(),;:.]")
_RETURNED_TO_RE = re.compile(rf"[^.;]{{0,60}}?\b{_words(_W.returned_to)}\s+(?:the\s+)?({_PARTY})(?![\w-])")
_CAPTURE_RE = re.compile(rf"{_words(_W.capture)}\b")
_RELEASE_RE = re.compile(rf"(?:({_words(_W.release)})|{_words(_W.got_back)})\b")
_LET_GO_RE = re.compile(rf"\b{_words(_W.release)}\b")  # (on a lowered sentence)
_CAPTIVITY_RE = re.compile(rf"\b(?:from|in|of)\s+(?:the\s+)?({_PARTY})\s+{re.escape(_W.captivity)}\b")
_PEOPLE_OF_PARTY = frozenset(_W.people_of_party)
_GENERIC_PEOPLE = frozenset(_W.generic_people)
_BOTH_SIDES_RE = re.compile(rf"{_words(_W.both_sides)}\b")  # (read with word_starts)
_LOSS_WORD_RE = re.compile(rf"\b{_words((*_W.loss, *_W.suffered))}\b")
_COST_BEFORE_RE = re.compile(rf"\b{_words(_W.cost)}\s+(?:the\s+)?$")  # "cost (the) Russian army"
_REGAIN_RE = re.compile(rf"\b{_words(_W.regain)}\b")
_OF_CIVILIANS_RE = re.compile(r"\s+of\s+(?:the\s+)?([\w-]+)")
_ENEMY_RE = re.compile(rf"\b{_words(_W.enemy)}\b", re.I)
_ENEMY_LOW_RE = re.compile(_ENEMY_RE.pattern)  # on lowered() text
_ENEMY_LOSES_RE = re.compile(  # "the enemy lost", "the enemy has suffered", "enemy losses"
    rf"\b({_words(_W.enemy)})\b(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}?{_words((*_W.loss, *_W.suffered))}\b")
_KILL_RE = re.compile(rf"{_words(_W.kill)}\b")  # (read with word_starts)
_INFLICT_RE = re.compile(rf"{_words(_O.inflict)}\b")  # (read with word_starts)
_INFLICTED_ON_RE = re.compile(rf"\b{_words(_O.inflict_on)}\s+(?:the\s+)?({_PARTY})(?![\w-])")
_INFLICT_REACH = 40  # "inflicted losses of up to 480": from the verb to the figure, and from it to "on"
_PASSIVE_BEFORE_RE = re.compile(rf"\b{_words(_W.passive)}\s+$")
_TOLL_OWNER_RE = re.compile(rf"\s+{_words(_W.toll_owner_links)}\s+")  # "casualties among North Korean troops"
_DATELINE_REACH = 80  # a dateline is shorter
_SUBJECT_OPENING_WORDS = 3  # "In the south, Ukrainian troops ...": at most this many words before the subject
_PASSIVE_AGENT_RE = re.compile(rf"\b{_words(_W.passive)}\s+\w+ed\s+(?:\w+\s+)?by\b")
_NEW_CLAUSE_RE = re.compile(rf"(?:\b{_words(_W.new_clause)}|[,;])\s+(?:the\s+)?$")
_HONORIFICS = frozenset(_W.honorifics)
_EV = VOCABULARY.events
_STRIKE_RE = re.compile(rf"{_words(_EV.strikes)}\b")  # (read with word_starts)
_CIVILIANS = "civilians"
_VICTIM_JOINTS = frozenset(_W.victim_joints)
_THEATRE = VOCABULARY.linking.theatre  # the country the war is fought in
_CLAIMANTS = VOCABULARY.claimants.by_alias


def actor_of(phrase: str) -> str | None:
    """The party a word names: 'North Korean' -> 'North Korea', "Moscow's" -> 'Russia'.

    >>> actor_of("Russian"), actor_of("Kyiv's")
    ('Russia', 'Ukraine')
    """
    return _ACTOR_OF_WORD.get(phrase.lower().replace("’", "'"))


def side_of(claimant: str | None) -> str | None:
    """The party a claimant speaks for: the side the claimants registry gives it, else the party its
    name names ("Russian Defence Ministry" -> Russia).

    >>> side_of("Oleksandr Syrskyi"), side_of("Russian Defence Ministry"), side_of("a local doctor")
    ('Ukraine', 'Russia', None)
    """
    words = (claimant or "").lower().replace("’", "'").split()
    if words and words[0] in _HONORIFICS:
        words = words[1:]  # "Mr Zelensky"
    entry = _CLAIMANTS.get(" ".join(words))
    if entry is not None and entry.side in OPPONENT:
        return entry.side
    for word in (claimant or "").split():
        side = actor_of(word)
        if side is not None:
            return side
    return None


def _party_words(low: str, text: str, *, every: bool = False) -> list[tuple[int, int, str | None, bool]]:
    """The party words of a lowered stretch (``text`` as written) as (start, end, actor, names land),
    less destinations and opponents ("sent to Russia", "fighting against Ukraine"; with ``every``: kept),
    titles ("the Kyiv Independent") and "us" in lower case; a party word before a place noun ("of
    Russian territory") names whose land it is."""
    found = []
    for start, end in _party_spans(low):
        word = low[start:end].replace("’", "'")
        if word in _CAPITALS_ONLY and not text[start:end].isupper():
            continue
        if _NAME_AFTER_RE.match(low, end) or (
                not every and _NOT_ACTOR_BEFORE_RE.search(low, max(0, start - 14), start)):
            continue
        found.append((start, end, _ACTOR_OF_WORD.get(word), _PLACE_AFTER_RE.match(low, end) is not None))
    return found


def _party_spans(low: str) -> Iterator[tuple[int, int]]:
    """The spans of the party words of a lowered text, left to right: what ``PARTY_RE`` finds in it."""
    first = _PARTY_AT_RE.match(low)
    if first is not None:
        yield first.span()
    pos = first.end() if first is not None else 0
    while (found := _PARTY_AFTER_MARK_RE.search(low, max(0, pos - 1))) is not None:
        start, end = found.span(1)
        if low[start - 1].isalnum():  # a letter or digit beyond ASCII: inside a word
            pos = start + 1
            continue
        yield start, end
        pos = end


def _sentence_parties(f: Figure) -> tuple[list[tuple[int, int, str | None]], list[tuple[int, int, str | None]]]:
    """(the parties the figure's sentence names, including the speaker's own side: "we", "our forces";
    the parties whose land it names: "of Russian territory"), each as (start, end, actor) in the
    article's text; read once per sentence."""
    memo = f.sentence.memo
    if "parties" not in memo:
        lo = f.lo
        parties, lands = _parties_of_sentence(f.low[lo:f.hi], f.text[lo:f.hi])
        memo["parties"] = ([(lo + start, lo + end, actor) for start, end, actor in parties],
                           [(lo + start, lo + end, actor) for start, end, actor in lands])
    return memo["parties"]


def _parties_of_sentence(low: str, text: str) -> tuple[list[tuple[int, int, str | None]],
                                                        list[tuple[int, int, str | None]]]:
    """:func:`_sentence_parties` of a lowered sentence (``text`` as written), offsets in the sentence."""
    parties, lands = [], []
    for start, end, actor, land in _party_words(low, text):
        (lands if land else parties).append((start, end, actor))
    named = None
    for m in _own_party_words(low):
        if _NOT_ACTOR_BEFORE_RE.search(low, max(0, m.start() - 14), m.start()) or text[m.start():m.end()].isupper():
            continue  # "sent against us"; "US" is a country
        earlier = [party for party in parties if party[1] <= m.start()]
        if not earlier and m.group(2):  # "from Moscow's claims that 600 of its troops": "its" is Moscow's
            if named is None:
                named = [(start, end, actor) for start, end, actor, land in _party_words(low, text, every=True)
                         if not land]
            earlier = [party for party in named if party[1] <= m.start()]
        if m.group(2) and len(earlier) > 1 and _LET_GO_RE.search(low, earlier[-1][1], m.start()):
            earlier = earlier[:-1]  # "Ukraine said Russia released 215 of its soldiers": not the releaser's own
        # "we", "our forces": the speaker's side; "its forces" the side named before, if any ("his forces"
        # after "the commander said": the speaker's)
        parties.append((m.start(), m.end(), earlier[-1][2] if m.group(2) and earlier else OWN))
    if any(word in low for word in _W.enemy):
        parties.extend(_enemy_words(low))
    return sorted(parties), lands


def _own_party_words(low: str) -> Iterator[re.Match]:
    """The matches of _OWN_PARTY_LOW_RE in ``low`` that begin a word (not after a letter, a digit, "_"
    or "-"), left to right: what the pattern would find if it opened with a lookbehind, which makes `re`
    try it at every position (several times slower than looking for its words first)."""
    pos = 0
    while (word := _OWN_WORD_RE.search(low, pos)) is not None:
        start = word.start()
        before = low[start - 1] if start else " "
        match = None if before.isalnum() or before in "_-" else _OWN_PARTY_LOW_RE.match(low, start)
        if match is None:
            pos = start + 1
            continue
        yield match
        pos = match.end()


def _enemy_words(low: str) -> list[tuple[int, int, str]]:
    """'Ukraine's General Staff said the enemy lost 1,400 troops', 'enemy losses reached 900': the
    "enemy" that lost or suffered is a side of its own (:data:`ENEMY`, the claimant's opponent once it
    is known), nearer the figure than the speaker's party word; an enemy that is only a target ("to
    wipe out the enemy", "inflicted on the enemy") names no side."""
    return [(m.start(), m.end(1), ENEMY) for m in _ENEMY_LOSES_RE.finditer(low)
            if not _NOT_ACTOR_BEFORE_RE.search(low, max(0, m.start() - 14), m.start())]


def _parties_in(f: Figure, a: int, b: int, *, lands: bool = False) -> list[tuple[int, int, str | None]]:
    """Parties named in low[a:b] of the figure's sentence (with ``lands``: the owners of land named)."""
    found = _sentence_parties(f)[1 if lands else 0]
    return [party for party in found if a <= party[0] and party[1] <= b]


def _word_search(pattern: re.Pattern, low: str, pos: int, endpos: int) -> re.Match | None:
    """The first of ``word_starts(pattern, low, pos, endpos)``, or None."""
    return next(word_starts(pattern, low, pos, endpos), None)


def _opponent(actor: str | None) -> str | None:
    return ENEMY if actor == OWN else OWN if actor == ENEMY else OPPONENT.get(actor)


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
    memo = f.sentence.memo  # (once per sentence, not once per figure: a sentence may hold thousands)
    if "military" not in memo:
        memo["military"] = _word_search(_MILITARY_WORD_RE, f.low, f.lo, f.hi) is not None
    return memo["military"]


def _mention_bounds(view: SentenceView) -> tuple[list[int], list[int]]:
    """The starts and ends of a sentence's number mentions, in order (for bisecting)."""
    if "mention_bounds" not in view.memo:
        view.memo["mention_bounds"] = [m.start for m in view.mentions], [m.end for m in view.mentions]
    return view.memo["mention_bounds"]


def _counted_by_number(f: Figure, start: int) -> bool:
    """Whether a party word at ``start`` is part of another figure's counted words ("12 Russian tanks")."""
    ends = _mention_bounds(f.sentence)[1]
    i = bisect.bisect_right(ends, start) - 1  # the last mention ending before the party word
    if i < 0 or ends[i] == f.m.end or start - ends[i] > 25:
        return False
    return _COUNTED_GAP_RE.fullmatch(f.low, ends[i], start) is not None


def _mention_between(f: Figure, a: int, b: int) -> bool:
    starts = _mention_bounds(f.sentence)[0]
    i = bisect.bisect_left(starts, a)
    return i < len(starts) and starts[i] < b


_COUNTED_GAP_RE = re.compile(r"\s+(?:[\w-]+\s+)?")


def _subject_of(f: Figure, verb: re.Match) -> tuple[int, int, str | None] | None:
    """The party doing what ``verb`` says: the last one named before it that is not another figure's
    counted words ("Ukrainian forces destroyed 12 Russian tanks and took 40 prisoners"), if no other
    side is named between the verb and the figure."""
    before = _before(f)
    for i in range(len(before) - 1, -1, -1):
        party = before[i]
        if _counted_by_number(f, party[0]):
            continue
        if party[0] >= verb.end():
            return None
        if party[1] <= verb.start():
            if f.low.rfind(",", f.lo, party[0]) >= 0 and f.low.find(",", party[1], verb.start()) >= 0:
                continue  # "The army, fighting Russian troops, took 40": an aside, not the subject
            if i and _AND_RE.fullmatch(f.low, before[i - 1][1], party[0]):
                return None  # "Moscow and Kyiv each handed back 100": both sides
            return party
    return None


_AND_RE = re.compile(r"\s+and\s+(?:the\s+)?")


def _verb_before(f: Figure, pattern: re.Pattern) -> re.Match | None:
    """The last match of ``pattern`` in the sentence before the figure (within reach)."""
    found = None
    for match in word_starts(pattern, f.low, max(f.lo, f.m.start - _VERB_REACH), f.m.start):
        found = match
    return found


_VERB_REACH = 250  # how far before a figure the verb that decides whose it is may stand


def _captor_party(f: Figure) -> tuple[int, int, str | None] | None:
    """The party that took prisoners before the figure: the subject of the last capture verb."""
    if "captor" not in f.memo:
        verb = _verb_before(f, _CAPTURE_RE) if _before(f) else None
        f.memo["captor"] = _subject_of(f, verb) if verb else None
    return f.memo["captor"]


def _captor(f: Figure) -> bool:
    return _captor_party(f) is not None


# --- the rules, in the order they are tried (each takes the figure and its measure reading) --------

def demonym_in_counted(f: Figure, reading: Reading):
    """'12,000 North Korean troops': a party named in the counted words; not for villages or ground ("nine
    Ukrainian settlements" taken are the captor's: the rules of gains decide)."""
    if reading.noun is None or reading.measure in GAIN_MEASURES:
        return None
    inside = _parties_in(f, f.m.end, min(reading.noun.end(), f.next_start))  # ("205 Ukrainian and 205 Russian")
    if inside:
        return inside[-1][2]
    return ENEMY if _ENEMY_LOW_RE.search(f.low, f.m.end, reading.noun.end()) else None


def fights_for(f: Figure, reading: Reading):
    """'10 foreigners who fought for Ukraine were freed': people are of the side they fight for."""
    if reading.noun is None or (reading.measure not in PERSON_MEASURES and reading.measure != "troops"):
        return None
    fight = _FIGHTS_FOR_RE.match(f.low, reading.noun.end(), f.hi)
    if fight is None:
        return None
    party = _PARTY_AT_RE.match(f.low, fight.end())
    return actor_of(party.group()) if party is not None else None


def displaced_civilians(f: Figure, reading: Reading):
    """'2,000 were evacuated', '9,000 Ukrainian refugees': the displaced are civilians unless they
    are soldiers."""
    if reading.measure != "displaced" or _military_noun(reading):
        return None
    return _CIVILIANS


def others_of_before(f: Figure, reading: Reading):
    """'killing 2 people and injuring 4 others', 'killing a woman and wounding six others': "others" are
    more of the victims named before them in the sentence: that figure's side, or civilians after one."""
    if reading.noun is None or reading.measure not in PERSON_MEASURES or \
            phrase_key(reading.noun.group()) not in _OTHERS:
        return None
    quantities = f.sentence.quantities()
    for j in reversed(quantities[:bisect.bisect_left(quantities, f.i)]):
        before = f.sentence.reading(j)
        if before is not None and before.measure in PERSON_MEASURES:
            return before.actor
    return _CIVILIANS if _ONE_CIVILIAN_RE.search(f.low, f.lo, f.m.start) else None


def victims_of_before(f: Figure, reading: Reading):
    """'killed at least five civilians and injured at least 30': a bare count of a second harm, its verb
    joined right to the victims named before it, is of those victims' side."""
    if reading.noun is not None or reading.measure not in PERSON_MEASURES or reading.measure_rule != "verb_before":
        return None
    quantities = f.sentence.quantities()
    at = bisect.bisect_left(quantities, f.i)
    before = f.sentence.reading(quantities[at - 1]) if at else None
    if before is None or before.measure not in PERSON_MEASURES or before.noun is None or before.actor is None:
        return None
    joint = f.low[before.counted_end:reading.counted_start].strip()
    return before.actor if joint in _VICTIM_JOINTS else None


def in_favour_of(f: Figure, reading: Reading):
    """'the front line shifted by 5 km in the Russian army's favour': ground gained is the side's it favours."""
    if reading.measure not in ("advance", "area", "settlements"):
        return None
    favour = _FAVOUR_RE.search(f.low, f.m.end, f.hi)
    if favour is None:
        return None
    # (every party word: "in the Russian army's favour" is no destination, as "in Russia" would be)
    inside = _party_words(f.low[favour.start():favour.end()], f.text[favour.start():favour.end()], every=True)
    return inside[-1][2] if inside else None


def civilian_noun(f: Figure, reading: Reading):
    """'12 residents were killed', 'two bodies of civilians': victims counted by a word for civilians
    (but "people" lost by a side are that side's: "Russia lost 300 people")."""
    if reading.noun is None or reading.measure not in PERSON_MEASURES:
        return None
    noun = reading.noun.group().lower()
    if noun in _GENERIC_PEOPLE and (_owner_in(f) is not None or losses_of_party(f, reading) is not None):
        return None
    if noun in _CIVILIAN_NOUNS:
        return _CIVILIANS
    of = _OF_CIVILIANS_RE.match(f.low, reading.noun.end(), f.hi)
    if of is not None and (of.group(1) in _CIVILIAN_NOUNS or _CIVILIAN_RE.match(of.group(1))):
        return _CIVILIANS
    return None


def both_sides(f: Figure, reading: Reading):
    """'40 prisoners released by each side': the figure counts both sides, no one actor."""
    lo, hi = f.clause
    if reading.measure in PERSON_MEASURES and _word_search(
            _BOTH_SIDES_RE, f.low, max(lo, f.m.start - _VERB_REACH), min(hi, f.m.end + _VERB_REACH)):
        return STOP
    return None


def party_in_toll(f: Figure, reading: Reading):
    """'Russia's death toll rose to 1,200': a party named in or just before the toll."""
    if reading.toll_span is None:
        return None
    inside = _parties_in(f, max(f.lo, reading.toll_span[0] - 25), reading.toll_span[1])
    if inside and inside[-1][1] <= reading.toll_span[0] and _PUNCTUATION_RE.search(
            f.low, inside[-1][1], reading.toll_span[0]):
        return None  # "KYIV, Ukraine (AP) — The number of people killed": a dateline, not whose toll it is
    if inside:
        return inside[-1][2]
    owner = _TOLL_OWNER_RE.match(f.low, reading.toll_span[1], f.m.start)  # "casualties among North Korean troops"
    party = PARTY_RE.match(f.low, owner.end()) if owner is not None else None
    if party is None or _word_search(_STRIKE_RE, f.low, party.end(), min(f.m.start, party.end() + 25)):
        return None  # "the toll of the Russian missile attack": the attack's, not whose people
    return actor_of(party.group())


def from_captivity(f: Figure, reading: Reading):
    """'freed 300 from Russian captivity': the captives of a side are its opponent's people."""
    if reading.measure != "captured" or _W.captivity not in f.low[f.lo:f.hi]:
        return None
    held = _CAPTIVITY_RE.search(f.low, f.lo, f.hi)
    return _opponent(actor_of(held.group(1))) if held else None


_BODIES = frozenset(_W.bodies)
_ATTACK_RE = re.compile(rf"{_words(_W.attack)}\b")  # (read with word_starts)
_INSTRUMENT_BEFORE_RE = re.compile(rf"\b{_words(_W.instrument_before)}\s+$")


def released_by_party(f: Figure, reading: Reading):
    """'Moscow handed over 90 prisoners' (the opponent's people), 'Kyiv brought home 90' (its own);
    so too the bodies of the dead ('Russia returned 6,000 bodies': Ukraine's)."""
    bodies = reading.measure == "killed" and not _BODIES.isdisjoint(reading.counted.split())
    if (reading.measure != "captured" and not bodies) or not _before(f):
        return None
    verb = _verb_before(f, _RELEASE_RE)
    party = _subject_of(f, verb) if verb else None
    if party is None:
        return None
    return _opponent(party[2]) if verb.group(1) else party[2]


def returned_to_party(f: Figure, reading: Reading):
    """'the bodies of 909 soldiers were returned to Ukraine', '90 prisoners were brought back to Russia': the
    prisoners or the dead a side gets back are its own."""
    if reading.measure not in ("captured", "killed") or not f.sentence.holds(_RETURNED_TO_HINTS):
        return None
    back = _RETURNED_TO_RE.match(f.low, reading.noun.end() if reading.noun else f.m.end, f.hi)
    return actor_of(back.group(1)) if back is not None else None


def captor_opponent(f: Figure, reading: Reading):
    """'Ukrainian forces took 711 prisoners': the prisoners of a side are its opponent's people."""
    if reading.measure not in PERSON_MEASURES or not _captor(f):
        return None
    return _opponent(_captor_party(f)[2])


def people_of_party(f: Figure, reading: Reading):
    """'among the freed Ukrainians are 40 medics': prisoners counted among a nation's people."""
    if reading.measure != "captured":
        return None
    before = _before(f)
    if before and f.low[before[-1][0]:before[-1][1]] in _PEOPLE_OF_PARTY:
        return before[-1][2]
    return None


def killed_by_party(f: Figure, reading: Reading):
    """'Ukrainian units killed 40 soldiers', 'we eliminated 300': in a sentence about soldiers, the
    people a side killed or wounded are its opponent's."""
    if reading.measure not in PERSON_MEASURES or not (_military_noun(reading) or _military_sentence(f)) or \
            not _before(f):
        return None
    verb = _verb_before(f, _KILL_RE)
    party = _subject_of(f, verb) if verb else None
    if party is None or _mention_between(f, party[1], verb.start()) or \
            _PASSIVE_BEFORE_RE.search(f.low, max(f.lo, verb.start() - 12), verb.start()):
        return None  # "suffered 900 soldiers killed", "have been killed": no side killing
    return _opponent(party[2])


def inflicted_on(f: Figure, reading: Reading):
    """'inflicted 1,230 casualties on Russian troops', 'inflicted losses of up to 480 soldiers on the
    Ukrainian army': the losses are those of the side they were inflicted on, named after the figure."""
    if reading.measure not in PERSON_MEASURES or not f.sentence.holds(_INFLICT_HINTS):
        return None
    verb = _verb_before(f, _INFLICT_RE)
    if verb is None or f.m.start - verb.end() > _INFLICT_REACH:
        return None
    on = _INFLICTED_ON_RE.search(f.low, f.m.end, min(f.hi, f.m.end + _INFLICT_REACH))
    return actor_of(on.group(1)) if on is not None else None


def soldiers_of_party(f: Figure, reading: Reading):
    """'Russia said 40 soldiers were killed': soldiers harmed belong to the side named before them."""
    if reading.measure not in PERSON_MEASURES or _captor(f) or not _military_noun(reading):
        return None
    before = _before(f)
    return before[-1][2] if before else None


def losses_of_party(f: Figure, reading: Reading):
    """'Moscow lost 300 men', 'Russia suffered 900 casualties', 'the battle cost Russia 900 casualties':
    the side that lost or suffered them (in a sentence about soldiers, or with the party just before
    the figure)."""
    if reading.measure not in PERSON_MEASURES or _captor(f) or _military_noun(reading):
        return None
    before = _before(f)
    if not before or (not _military_sentence(f) and f.m.start - before[-1][1] > 60):
        return None
    start, end, actor = before[-1]
    if _LOSS_WORD_RE.search(f.low, end, f.m.start):
        return actor
    if f.m.start - end <= 25 and _COST_BEFORE_RE.search(f.low, max(f.lo, start - 16), start):
        return actor
    return None


def strike_victims(f: Figure, reading: Reading):
    """'A missile strike killed 12': the victims of a strike are civilians, unless the sentence is
    about soldiers or their captors."""
    if reading.measure not in PERSON_MEASURES or _captor(f) or _military_noun(reading) or _military_sentence(f):
        return None
    if _word_search(_STRIKE_RE, f.low, max(0, f.lo - 300), f.hi) or _word_search(_CIVILIAN_WORD_RE, f.low, f.lo, f.hi):
        return _CIVILIANS
    return None


def owner_named(f: Figure, reading: Reading):
    """'among Russia's losses', 'inflicted on Russian forces', 'still in Ukrainian hands', 'under the
    control of Ukraine'."""
    if reading.measure not in PERSON_MEASURES and reading.measure not in ("equipment", "area", "settlements"):
        return None
    return _owner_in(f)


def victims_unknown(f: Figure, reading: Reading):
    """People harmed whose side the sentence does not tell: no actor (never the party named before)."""
    return STOP if reading.measure in PERSON_MEASURES else None


def launched_by(f: Figure, reading: Reading):
    """'40 drones launched by Russia': the launcher owns them."""
    if reading.measure != "equipment":
        return None
    if not f.sentence.holds(_LAUNCHED_HINTS):
        return None
    end = reading.noun.end() if reading.noun else f.m.end
    by = _LAUNCHED_BY_RE.match(f.low, end, f.hi)
    if by is None:
        named = _LAUNCHER_AFTER_RE.match(f.low, end, f.hi)  # "the 120 drones Russia launched"
        if named is not None:
            return actor_of(named.group(1))
        target = _LAUNCHED_AT_RE.match(f.low, end, f.hi)  # "78 missiles fired at Ukraine": its opponent's
        if target is not None:
            return _opponent(actor_of(target.group(1)))
        launcher = _country_launched_from(f, end)
        if launcher is not None:
            return launcher
        nxt = f.sentence.next_quantity(f.i)  # "the 36 drones and three missiles Ukraine launched": the list's
        if nxt is not None and f.sentence.joined(nxt, end):  # launcher, named after its last item (read from the
            named = _LIST_LAUNCHER_RE.match(f.low, f.sentence.mentions[nxt].end, f.hi)  # text: no reading asked)
            if named is not None:
                return actor_of(named.group(1))
        return _opponent(_country_fired_at(f, end))  # "194 projectiles fired at the Kursk region": Russia's opponent's
    party = PARTY_RE.match(f.low, by.end())
    return actor_of(party.group()) if party else None


def _country_launched_from(f: Figure, end: int) -> str | None:
    """The side weapons were launched from ("from Russia's Voronezh region", "from Belgorod": Russia): a party
    named, or a town or region of Russia (a launch from Ukraine's land may be from its occupied part)."""
    origin = _LAUNCHED_FROM_RE.match(f.text, end, f.hi)
    if origin is None:
        return None
    party = PARTY_RE.match(f.low, origin.start(1))  # "from Russia's Voronezh region"
    side = actor_of(party.group()) if party is not None else None
    if side in OPPONENT:
        return side
    place = geocode(origin.group(1))
    return place.country if place is not None and place.country in OPPONENT and place.country != _THEATRE else None


def _country_fired_at(f: Figure, end: int) -> str | None:
    """The country of the town or region weapons were fired at ("fired at the Kursk region": Russia), if it is
    a side of the war."""
    target = _LAUNCHED_AT_PLACE_RE.match(f.text, end, f.hi)
    place = geocode(target.group(1)) if target is not None else None
    return place.country if place is not None and place.country in OPPONENT else None


def delivered_to(f: Figure, reading: Reading):
    """'Germany will deliver four air defence systems to Ukraine': equipment given to a side is the receiver's."""
    if reading.measure != "equipment" or not f.sentence.holds(_DELIVERED_HINTS) or \
            _verb_before(f, _DELIVERED_RE) is None:
        return None
    to = _DELIVERED_TO_RE.match(f.low, reading.noun.end() if reading.noun else f.m.end, f.hi)
    return actor_of(to.group(1)) if to is not None else None


def attacked_with(f: Figure, reading: Reading):
    """'Russia attacked Kyiv with 60 drones', 'struck the city using 5 glide bombs': the weapons an attack
    is made with are the attacker's (the party before the attack verb, not its target after it)."""
    if reading.measure != "equipment" or not _after_instrument(f):
        return None
    verb = _verb_before(f, _ATTACK_RE)
    if verb is None:
        return None
    subjects = [party for party in _before(f) if party[1] <= verb.start() and not _counted_by_number(f, party[0])]
    return subjects[-1][2] if subjects else None


def _after_instrument(f: Figure) -> bool:
    """Whether 'with' or 'using' opens the figure, or the list it continues ("with 60 drones and 4
    missiles", looking back over at most three listed counts)."""
    starts = [f.m.start] + [f.sentence.mentions[j].start for j in f.sentence.list_heads(f.i, f.hi)]
    return any(_INSTRUMENT_BEFORE_RE.search(f.low, max(f.lo, start - 12), start) for start in starts)


def destroyed_by_party(f: Figure, reading: Reading):
    """'Ukrainian forces destroyed 12 tanks': equipment a side destroyed is its opponent's."""
    if reading.measure != "equipment":
        return None
    verb = _verb_before(f, _DESTROY_RE) if _before(f) else None
    party = _subject_of(f, verb) if verb else None
    if party is None or _PASSIVE_BEFORE_RE.search(f.low, max(f.lo, verb.start() - 12), verb.start()):
        return None  # "Russia launched 145 drones, of which 92 were shot down": no side named destroying
    return _opponent(party[2]) or STOP


def downed_by_speaker(f: Figure, reading: Reading):
    """'Ukraine's air force said 30 drones were downed': equipment downed with no owner and no one
    named as having downed it was downed by the speaker's side, so it is the speaker's enemy's (the
    claimant's opponent, once the claimant is known; a party word in the claimant's own name is no
    owner)."""
    if reading.measure != "equipment" or reading.noun is None:
        return None
    fate = _DOWNED_AFTER_RE.match(f.low, reading.noun.end(), f.hi)
    if fate is None or _BY_AFTER_RE.match(f.low, fate.end(), f.hi):
        return None
    before = _before(f)
    if before and not _speaks(f, before[-1]):
        return None  # "Russia's 30 drones were downed": the party before names the owner
    return ENEMY


def gains_of_subject(f: Figure, reading: Reading):
    """'Ukrainian troops ... pierced Russian defensive lines by up to 70 km', '... and liberated 3,000 km2':
    ground is gained by the side that opens the sentence, not by the side whose lines or land are named
    before the figure."""
    if reading.measure not in GAIN_MEASURES:
        return None
    before, lo = _before(f), f.lo
    if before and before[0][0] - f.lo < _DATELINE_REACH and (dateline := DATELINE_RE.match(
            f.text[f.lo:f.lo + _DATELINE_REACH])) is not None:
        lo += dateline.end()  # "KYIV, Ukraine (AP) — Russian forces advanced": the dateline is no subject
        before = [party for party in before if party[0] >= lo]
    if len(before) < 2 or before[0][2] is None or before[0][2] == before[-1][2]:
        return None
    opening = f.low[lo:before[0][0]]
    if len(opening.split()) > _SUBJECT_OPENING_WORDS or _PASSIVE_AGENT_RE.search(f.low, before[0][1], f.m.start):
        return None  # the first party is no subject, or the gain is told in the passive ("were pushed back by")
    return before[0][2]


def party_before(f: Figure, reading: Reading):
    """'Russia deployed 12,000 ...': the party named last before the figure; not a party outside the war
    that only speaks ('US officials said 11,000 were deployed': the troops are not American)."""
    before = [party for party in _before(f) if not _third_party_speaker(f, party)]
    return (before[-1][2] or STOP) if before else None


def _third_party_speaker(f: Figure, party: tuple[int, int, str | None]) -> bool:
    """Whether a party word before the figure names a speaker of a side that is not at war (none of
    OPPONENT): the United States, South Korea, the UN..."""
    return party[2] not in OPPONENT and party[2] is not None and _speaks(f, party)


def _speaks(f: Figure, party: tuple[int, int, str | None]) -> bool:
    """Whether a party word before the figure names its speaker: a speech verb comes between them."""
    return _SPEECH_VERB_RE.search(f.low, party[1], f.m.start) is not None


def land_of_party(f: Figure, reading: Reading):
    """'took 40 km2 of Ukrainian land': captured ground is the opponent's of the land's owner; ground
    'liberated' or 'regained' is the owner's."""
    if reading.measure not in GAIN_MEASURES:
        return None
    lands = _parties_in(f, f.lo, f.hi, lands=True)
    if not lands and reading.noun is not None:
        lands = _parties_in(f, f.m.end, reading.noun.end())  # "nine Ukrainian settlements were captured"
    if not lands:
        return None
    owner = min(lands, key=lambda land: abs(land[0] - f.m.start))[2]
    return owner if _REGAIN_RE.search(f.low, f.lo, f.hi) else _opponent(owner)


def party_after(f: Figure, reading: Reading):
    """'12,000 were sent by North Korea': for troops and units, a party named after the figure."""
    if reading.measure not in ("troops", "units"):
        return None
    after = _parties_in(f, f.m.end, f.hi)
    return after[0][2] if after else None


ACTOR_RULES = (displaced_civilians, others_of_before, victims_of_before, in_favour_of, civilian_noun,
               demonym_in_counted, fights_for,
               both_sides, party_in_toll, from_captivity, released_by_party, returned_to_party, captor_opponent,
               inflicted_on, people_of_party, killed_by_party,
               soldiers_of_party, losses_of_party, strike_victims, owner_named, victims_unknown, launched_by,
               delivered_to, attacked_with, destroyed_by_party, downed_by_speaker, gains_of_subject, party_before,
               land_of_party, party_after)


def decide_actor(f: Figure, reading: Reading, rules=ACTOR_RULES) -> tuple[str, str | None]:
    """(the name of the rule that decided, the actor) of one figure read as ``reading``."""
    return decide(rules, f, reading)


# --- after every figure of an article is read: actors carried from the figures beside them --------

# figures whose actor the text leaves to the reader share it with the figures beside them, within a family
ACTOR_FAMILY = {"troops": "forces", "units": "forces", "killed": "forces", "injured": "forces",
                "casualties": "forces", "captured": "forces", "missing": "forces", "advance": "ground",
                "area": "ground", "settlements": "ground", "equipment": "equipment"}


def carry_actors(rows: list[dict], text: str | None = None) -> None:
    """'6,662 Russian troops were killed and 10,446 were wounded': the second count is Russian too.

    Rows are one article's, in order, each with ``measure``, ``actor``, ``claimant``, ``sentence``,
    ``start``, ``end``, ``_k`` (its sentence's index), ``_lo`` (where its sentence starts in ``text``)
    and ``_rules`` (a dict of field -> rule name). The speaker's own side ("we", "our forces") is the
    side of the claimant (rule ``own_side_of_claimant``), its "enemy" the other side
    (``enemy_of_claimant``). An actor is then carried to a later figure of the same family in the same
    sentence when no other party is named between them (``carried_in_sentence``); to a later sentence
    that names no party of its own (``carried_from_before``: "Their casualties stand at about 4,700"),
    from a figure of the same paragraph first, else from the last party the paragraph named before
    (``party_of_paragraph``: "Russia suffered heavy losses. The tally lists 40 tanks"), else from a
    figure of an earlier paragraph; troops still without one, counted by a side's government, military
    or official, are that side's (``forces_of_claimant``). Without ``text`` the rows are taken as one
    paragraph (and without ``_claimant_kind`` the last rule does not apply).
    """
    last: dict[str, tuple[int, str, int]] = {}
    sentences: dict[int, _SentenceFacts] = {}  # what each sentence says, read once however many figures it has
    for row in rows:
        facts = sentences.get(row["_k"])
        if facts is None:
            facts = sentences[row["_k"]] = _SentenceFacts(row, text)
        _own_side(row, facts)
        family = ACTOR_FAMILY.get(row["measure"])
        if family is None or row["_rules"].get("actor") == "both_sides":
            continue
        if row["actor"] is None:
            _carry(row, family, last.get(family), facts, text)
        if row["actor"] is None:
            _forces_of_claimant(row)
        if row["actor"] is not None:
            last[family] = (row["_k"], row["actor"], row.get("end", 0))


_FORCES_MEASURES = frozenset(_OWN.forces_measures)
_FORCES_KINDS = frozenset(_OWN.forces_kinds)
# the measure rules that read troops from a verb ("were sent", "were deployed"): an event told, not a
# bare "soldiers" ("groups of four to six soldiers", "a battalion is 1,000 personnel")
_EVENT_MEASURE_RULES = frozenset({"noun_then_verb", "verb_after", "verb_before"})
_CALL_UP_NOUNS = frozenset(_OWN.call_up_nouns)


def _forces_of_claimant(row: dict) -> None:
    """Troops no party word claims, that a verb says were sent, deployed or called up (or that a call-up
    noun counts: "82,000 draftees"), and that a side's own government, military or official counts, are
    that side's (rule ``forces_of_claimant``): who reports a deployment or a call-up reports their own."""
    side = row.get("claimant_side")
    if row["measure"] in _FORCES_MEASURES and row.get("_claimant_kind") in _FORCES_KINDS and side in OPPONENT \
            and (row["_rules"].get("measure") in _EVENT_MEASURE_RULES
                 or phrase_key(row.get("counted") or "") in _CALL_UP_NOUNS):
        row["actor"] = side
        row["_rules"]["actor"] = "forces_of_claimant"


class _SentenceFacts:
    """What carry_actors asks of a figure's sentence, each worked out on first use."""

    __slots__ = ("_before", "_enemy", "_names", "paragraph", "row", "text")

    def __init__(self, row: dict, text: str | None) -> None:
        self.row, self.text = row, text
        self._enemy: bool | None = None
        self._names: bool | None = None
        self._before: tuple[str | None] | None = None  # (a one-tuple: None is an answer too)
        # where its paragraph starts (looking back no further than the reach of party_of_paragraph)
        lo = row.get("_lo")
        if text is None or lo is None:
            self.paragraph = 0
        else:
            reach = max(0, lo - _PARAGRAPH_REACH)
            self.paragraph = max(reach, text.rfind("\n", reach, lo) + 1)

    @property
    def enemy(self) -> bool:
        if self._enemy is None:
            self._enemy = _ENEMY_RE.search(self.row["sentence"]) is not None
        return self._enemy

    @property
    def names_party(self) -> bool:
        if self._names is None:
            self._names = _names_party(self.row["sentence"])
        return self._names

    @property
    def party_before(self) -> str | None:
        if self._before is None:
            found = _party_of_sentence_before(self.text, self.paragraph, self.row["_lo"]) \
                if self.text is not None and "_lo" in self.row else None
            self._before = (found,)
        return self._before[0]


def _own_side(row: dict, facts: _SentenceFacts) -> None:
    """The speaker's own side (and its enemy) as the claimant's side; the "enemy" named in an unread
    figure's sentence."""
    if row["actor"] in (OWN, ENEMY):
        side = _side_of_claimant(row)
        row["actor"] = side if row["actor"] == OWN else OPPONENT.get(side)
        if row["actor"] is not None:
            row["_rules"]["actor"] = "own_side_of_claimant" if side == row["actor"] else "enemy_of_claimant"
        else:
            row["_rules"]["actor"] = "none"
    if row["actor"] is None and facts.enemy:
        row["actor"] = OPPONENT.get(_side_of_claimant(row))
        if row["actor"] is not None:
            row["_rules"]["actor"] = "enemy_of_claimant"


def _side_of_claimant(row: dict) -> str | None:
    """The claimant's side: the ``claimant_side`` worked out for the row (registry, name, role, the town its
    name opens with), else the party its name names."""
    return row.get("claimant_side") or side_of(row["claimant"])


def _carry(row: dict, family: str, previous: tuple[int, str, int] | None, facts: _SentenceFacts,
           text: str | None) -> None:
    same_sentence = previous is not None and previous[0] == row["_k"]
    ground_or_equipment = family in ("equipment", "ground")
    if same_sentence:
        if text is not None and "start" in row and _named_party(text, previous[2], row["start"]):
            return  # "Russia lost 900, while Ukraine reported 300": another side's figure
        actor, rule = previous[1], "carried_in_sentence"
    elif (previous is None and not ground_or_equipment) or (facts.names_party and not _part_of_before(row)):
        return  # nothing to carry; a sentence naming a party of its own does not take another's
    elif previous is not None and (text is None or previous[2] >= facts.paragraph):
        actor, rule = previous[1], "carried_from_before"
    else:
        actor, rule = (facts.party_before if ground_or_equipment else None), "party_of_paragraph"
        if actor is None and previous is not None:
            actor, rule = previous[1], "carried_from_before"
    if actor is None or (actor == _CIVILIANS and (row["measure"] in ("troops", "units") or _counts_soldiers(row))):
        return
    row["actor"] = actor
    row["_rules"]["actor"] = rule


def _part_of_before(row: dict) -> bool:
    """Whether a row counts a part of a figure of the sentences before ("144 were freed. By branch, the
    group includes 59 members of the National Guard, 28 soldiers of the Armed Forces of Ukraine"): the
    whole's side is the part's, whatever else its sentence names."""
    return row["_rules"].get("measure") == "part_of_whole_with_noun"


def _counts_soldiers(row: dict) -> bool:
    """Whether a row's counted words end in a word for soldiers ("4 civilians and 3 soldiers were killed":
    the soldiers take no "civilians" from the figure before)."""
    words = (row.get("counted") or "").lower().split()
    return bool(words) and _MILITARY_RE.fullmatch(words[-1]) is not None


_PARAGRAPH_REACH = 600  # how far back in its paragraph a sentence looks for the side it is about


def _named_party(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] (from the end of one figure to the next) opens a clause about a side: "..., while
    Ukraine reported 300" (not "300 North Korean soldiers fighting for Russia")."""
    if a >= b:
        return False
    stretch = text[a:b]
    low = lowered(stretch)
    return any(actor for start, _, actor, land in _party_words(low, stretch)
               if not land and _NEW_CLAUSE_RE.search(low, max(0, start - 20), start))


def _names_party(sentence: str) -> bool:
    """Whether a sentence names a side (not a place, a title or a destination)."""
    return PARTY_RE.search(sentence) is not None and any(
        actor for _, _, actor, land in _party_words(lowered(sentence), sentence) if not land)


def _party_of_sentence_before(text: str, paragraph: int, lo: int) -> str | None:
    """The last side named in the sentence before ``lo`` in its paragraph (not a place: "the Ukrainian
    city of")."""
    a = max(paragraph, lo - _PARAGRAPH_REACH)
    if a >= lo:
        return None
    before = split_sentences(text[a:lo])
    if not before:
        return None
    stretch = before[-1].text
    parties = [actor for _, _, actor, land in _party_words(lowered(stretch), stretch) if not land and actor]
    return parties[-1] if parties else None
