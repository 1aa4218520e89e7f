"""Tie a figure to the place and the date the text gives it, and to its claimant.

A reader looks for the place of a figure in its own clause first ("an attack on Kharkiv left one
dead, and in Kyiv ... killed 11"), then in its sentence, then in the sentence before ("Missiles
struck Sumy on Sunday. At least 35 people were killed."), then in the story's lede or dateline. A
country counts as a place only after a locative word ("in Ukraine", not "Russia's losses");
a national total ("since the start of the invasion", "of Ukrainian territory") belongs to the
country, not to the town the story opened with. Dates follow the same order; a running total
with no date of its own is dated by the statement that gives it.

>>> from analysis.extract.pipeline import extract_figures
>>> text = "A missile attack on Kharkiv left one person dead, and in Kyiv a drone strike killed 11."
>>> extract_figures(text)[["value", "location"]].values.tolist()
[[1.0, 'Kharkiv'], [11.0, 'Kyiv']]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from analysis.extract import places
from analysis.extract.attribution import Claim, registry_nationwide, registry_side
from analysis.extract.dates import DateMention, find_dates
from analysis.extract.measures import GAIN_MEASURES
from analysis.extract.numbers import NumberMention
from analysis.extract.rules import NONE
from analysis.extract.sentences import DATELINE_RE, Sentence
from analysis.vocabulary import VOCABULARY, hint_words, last_words, lowered, phrase_pattern
from analysis.vocabulary import phrase_group as _words  # (a group of phrases, inside a pattern)

_L = VOCABULARY.linking.places
_EV = VOCABULARY.events


_NEAR_RE = re.compile(
    rf"\b(?:{_words(_L.near)}|{_words(_L.directions)}(?:ern)?\s+of)\s+(?:the\s+)?$", re.I)
_SECTOR_RE = re.compile(rf"\s+{_words(_L.front_sectors)}\b", re.I)
_LOCATIVE_RE = re.compile(
    rf"\b(?:{_words(_L.locatives)}|{_words(_L.of_heads)}\s+of)\s+(?:the\s+)?(?:{_words(_L.locative_heads)}\s+)?"
    rf"(?:{_words(_L.part_of_country)}\s+)?$", re.I)
_METONYM_CAPITALS = frozenset(_L.metonym_capitals_cased)
_UNNAMED_TOWN_RE = re.compile(  # "into a city in central Ukraine" (before the country's name)
    rf"\b(?:an?|one)\s+(?:[a-z-]+\s+)?{_words(_L.unnamed_towns)}\s+in\s+(?:{_words(_L.part_of_country)}\s+)?$", re.I)
_REGIONAL_CLAIMANTS = frozenset(_L.regional_claimants)


# the words _NEAR_RE and _LOCATIVE_RE may end in (then whitespace): the text before a place must end so
_NEAR_ENDS = last_words(_L.near, ["of", "the"])
_LOCATIVE_ENDS = last_words(_L.locatives, _L.locative_heads, _L.part_of_country, ["of", "the"])
# "of Ukraine's Security Council", "near Ukraine's border": an owner or a line, not a place
_NOT_PLACE_AFTER_RE = re.compile(rf"['’]s\b|\s+{_words(_L.not_place_after)}\b", re.I)
# "Zelensky in Kyiv said", "officials in Moscow told": a capital or country right before a speech verb is
# where the speaker is (or whose government speaks), not where the figure happened
_SPEAKER_AT_RE = re.compile(rf"\s+{_words(VOCABULARY.attribution.speech.verbs)}(?![\w-])")
# the month a story has just named, referred back to: "in April ... over the month", "during that month"
_MONTH_ANAPHORS = VOCABULARY.linking.dates.month_anaphors
_MONTH_ANAPHOR_RE = re.compile(rf"\b{_words(_MONTH_ANAPHORS)}\b", re.I)
_MONTH_ANAPHOR_HINTS = hint_words(_MONTH_ANAPHORS)
_COMPARED_BEFORE_RE = re.compile(rf"\b{_words(VOCABULARY.linking.dates.comparison_before)}\s+$")  # lowered text
_PIECE_SEPARATORS = VOCABULARY.linking.dates.piece_separators
# "Russia launched 122 missiles": the weapons of the strike itself, not a tally of equipment lost
_LAUNCHED_RE = re.compile(rf"\b{_words(VOCABULARY.linking.dates.launched)}\b", re.I)
_PART_OF_IT_RE = re.compile(
    rf"\b{_words(_L.part_of_it)}\s+{_words(_L.part_of_it_prepositions)}\s+(?:[\w-]+\s+){{0,6}}?$")
_SPEECH_VENUE_RE = re.compile(
    rf"\b{_words(_L.speech_venues)}\s+{_words(_L.speech_venue_prepositions)}\s+(?:the\s+)?$")  # on lower-cased text
# (both are matched on lower-cased text, case-sensitively: a text without one of these words holds no match)
_PART_OF_IT_WORDS = hint_words(_L.part_of_it)
_SPEECH_VENUE_WORDS = hint_words(_L.speech_venues)
# "said in Kyiv that ...": where the speaker was (on lower-cased text)
_SAID_IN_RE = re.compile(
    rf"\b{_words(_L.speech_venue_verbs)}\s+{_words(_L.speech_venue_verb_prepositions)}\s+(?:the\s+)?$")
_SAID_IN_ENDS = tuple(f" {word} " for word in _L.speech_venue_verb_prepositions) + (" the ",)
_CITY_RE = re.compile(rf"\b{phrase_pattern([_L.city_of])}\s+\w+|\w+\s+{re.escape(_L.city)}\b", re.I)
_REGIONAL_MEASURES = frozenset({"troops", "advance", "area", "settlements", "units"})
_VICTIM_MEASURES = frozenset({"killed", "injured", "casualties", "missing", "captured", "displaced"})
# what a figure of these counts has happened by the time it is reported: its date is no later
_PAST_MEASURES = _VICTIM_MEASURES | GAIN_MEASURES
_YEAR_RE = re.compile(r"\d{4}")
_CLAUSE_SEPARATORS = _L.clause_separators
_FRONTED_OPENERS = tuple(f"{opener} " for opener in _L.fronted_clause_openers_cased)
_WHERE = _L.where_clause  # ", where": a clause about the place just before it
_LENGTH_WORDS = [word for unit in ("km", "mi", "m") for word in VOCABULARY.numbers.units[unit].words
                 if not word.startswith("-")]
# "20 km from Pokrovsk", "5 miles north of the city": the place a distance is measured from (lowered text)
_LANDMARK_RE = re.compile(rf"\d\s*{_words(_LENGTH_WORDS)}\s+{_words(_L.landmark_after_distance)}\s+(?:the\s+)?$")
THEATRE = VOCABULARY.linking.theatre
_PRECISION_RANK = {"place": 0, "admin1": 1, "country": 2}
_EVENT_WORDS_RE = re.compile(rf"\b{_words([*(w + '*' for w in _EV.strikes), *(w + '*' for w in _EV.other_events)])}",
                             re.I)
# a total over the whole war or country, not an event in one town
_NATIONAL_SCOPE_RE = re.compile(rf"\b{_words(_L.national_scope)}", re.I)
# a word every national-scope phrase has: sentences without one are ruled out by cheap substring tests
_NATIONAL_SCOPE_WORDS = hint_words(_L.national_scope)
# "killed 9 people nationwide, including 3 in Odesa": the 9 is the country's
_NATIONWIDE_RE = re.compile(rf"\b{_words(_L.nationwide)}\b", re.I)
_NATIONWIDE_WORDS = hint_words(_L.nationwide)
_SUM_SCOPE_RE = re.compile(rf"\b{_words(_L.sum_scope)}\b", re.I)
_SUM_SCOPE_WORDS = hint_words(_L.sum_scope)
_NATIONAL_COUNTRY_RE = re.compile(
    rf"\b({phrase_pattern(_L.national_land_adjectives)})\s+{_words(_L.national_land_words)}\b", re.I)
_COUNTRY_OF_ADJECTIVE = VOCABULARY.actors.actor_of_word


def _is_national(sentence: str) -> bool:
    """Whether a sentence gives a total over the whole war or country ("in total" only when it adds up
    no strikes: "in total, the attacks killed 43" is the sum of the attacks just told)."""
    return _nationwide_scope(sentence) or _sum_of_no_strike(sentence)


def _nationwide_scope(sentence: str) -> bool:
    low = sentence.lower()
    return any(word in low for word in _NATIONAL_SCOPE_WORDS) and _NATIONAL_SCOPE_RE.search(sentence) is not None


def _sum_of_no_strike(sentence: str) -> bool:
    low = sentence.lower()
    return any(word in low for word in _SUM_SCOPE_WORDS) and _SUM_SCOPE_RE.search(sentence) is not None \
        and _EVENT_WORDS_RE.search(sentence) is None


_CAPITAL_OF = {word: _L.capitals[country] for word, country in _COUNTRY_OF_ADJECTIVE.items()
               if country in _L.capitals and " " not in word.strip("'’")}
# "Ukraine's capital", "the Russian capital": the capital city itself
_CAPITAL_RE = re.compile(rf"\b({phrase_pattern(_CAPITAL_OF)})\s+{re.escape(_L.capital)}\b", re.I)
_SPEAKING_RE = re.compile(
    rf"\b{_words(_L.speaking)}\b[^,.;:]{{0,60}}\b{_words(_L.speaking_prepositions)}\b[^,.;:]{{0,30}}$")  # lowered


_SPEAKING_WORDS = hint_words(_L.speaking)
# "fired 96 missiles against Ukraine", "strikes against Russia" (lowered text before the place)
_STRIKE_AGAINST_RE = re.compile(rf"{_EVENT_WORDS_RE.pattern}[^.;,]{{0,40}}\b{_L.against}\s+(?:the\s+)?$")


_CONTINENT_RE = re.compile(
    rf"\b{_words(_L.continent_locatives)}\s+(?:[\w,]+\s+){{0,2}}?({phrase_pattern(_L.continent_adjectives)})\s+"
    rf"{_words(_L.continent_nouns)}\b", re.I)
_CONTINENT_HINTS = tuple(adjective[1:] for adjective in _L.continent_adjectives)  # "uropean": either case
_CONTINENT_CODES = frozenset(_L.continent_codes)


def _is_continent(mention) -> bool:
    return (mention.place.country_code or "").lower() in _CONTINENT_CODES


def continent_mentions(text: str, start: int, end: int) -> list:
    """The continents a sentence names by their adjective ("in European countries" is Europe), as place
    mentions."""
    if not any(text.find(hint, start, end) >= 0 for hint in _CONTINENT_HINTS):
        return []
    out = []
    for match in _CONTINENT_RE.finditer(text, start, end):
        place = places.geocode(_L.continent_adjectives[match.group(1).lower()])
        if place is not None:
            out.append(places.PlaceMention(match.start(1), match.end(), text[match.start(1):match.end()], place,
                                           place.kind))
    return out


def capital_mentions(text: str, start: int, end: int) -> list:
    """The capitals a sentence names by their country ("Ukraine's capital" is Kyiv), as place mentions."""
    if _L.capital not in text[start:end]:
        return []
    out = []
    for match in _CAPITAL_RE.finditer(text, start, end):
        place = places.geocode(_CAPITAL_OF[match.group(1).lower()])
        if place is not None:
            out.append(places.PlaceMention(match.start(), match.end(), match.group(0), place, place.kind))
    return out


def _may_end_in(window: str, words: tuple[str, ...]) -> bool:
    """Whether ``window`` ends in one of ``words`` and whitespace, as the text before a place must for
    an end-anchored pattern whose last words they are: a test far cheaper than the pattern, which most
    mentions fail ("Russia's", "between Russia and"). Beyond ASCII it answers yes (matching that
    ignores case finds "s" in "ſ", which lower() does not), and the pattern decides.

    >>> _may_end_in("shelling near ", _NEAR_ENDS), _may_end_in("shelling in ", _NEAR_ENDS)
    (True, False)
    """
    return not window.isascii() or (window[-1:].isspace() and window.rstrip().lower().endswith(words))


def _said_in(before: str) -> bool:
    """Whether the lowered text ``before`` a place ends in a speech verb and its "in" or "at" ("Zelensky
    said in Kyiv that ..."): the place is where the statement was made, not where the figure happened
    (venue nouns, "told a briefing in", are ``_SPEECH_VENUE_RE``'s)."""
    return before.endswith(_SAID_IN_ENDS) and _SAID_IN_RE.search(before, max(0, len(before) - 24)) is not None


def _names_a_district(p) -> bool:
    """Whether a town's mention runs on through a district of it ("Kyiv's Solomianskyi district", see
    ``places._district_of``): the city itself, never its government."""
    return "'s " in p.surface or "’s " in p.surface


def is_location(text: str, claims: list[Claim], p) -> bool:
    """Whether a place mention says where something happened (not who claimed it or who acted)."""
    if any(c.start <= p.start < c.end for c in claims):
        return False  # "Ukraine's General Staff said": the claimant's country is not where it happened
    before = text[max(0, p.start - 90):p.start].lower()
    if any(word in before for word in _SPEECH_VENUE_WORDS) and _SPEECH_VENUE_RE.search(before):
        return False  # "Putin said at the BRICS summit in Kazan that 2,000 soldiers...": where it was said
    if _said_in(before):
        return False  # "Zelensky said in Kyiv that 600 soldiers were killed": where the speaker was
    if any(word in before for word in _SPEAKING_WORDS) and _SPEAKING_RE.search(before):
        return False  # "Speaking from Balakliia, the minister said 300 towns were freed": where the speaker was
    if any(word in before for word in _PART_OF_IT_WORDS) and _PART_OF_IT_RE.search(before):
        return False  # "took 725 km2, most of it around Pokrovsk": where a part of the figure is
    if p.precision == "country" or (p.place.name in _METONYM_CAPITALS and p.precision == "place"
                                    and not _names_a_district(p)):
        # "Russia's losses", "an agreement with Moscow": a party to the war, not a place
        locative = (_may_end_in(before, _LOCATIVE_ENDS)
                    and _LOCATIVE_RE.search(text, max(0, p.start - 40), p.start) is not None) or (
            _L.against in before and _STRIKE_AGAINST_RE.search(before) is not None)
        return locative and not _NOT_PLACE_AFTER_RE.match(text, p.end) and not _SPEAKER_AT_RE.match(text, p.end)
    return True


# the names of the place and date rules (the ``rules`` column's ``place=`` and ``date=``), in the order
# they are tried; SentenceLinks.place and .event_date say what each means
PLACE_RULES = ("own_segment", "own_clause", "where_antecedent", "own_sentence", "dateline_town", "national_claimant",
               "sentence_before",
               "region_of_list", "claimant_place", "national", "national_before", "lede", "story_country")
DATE_RULES = ("own_segment", "own_clause", "before_in_sentence", "relative_to_statement", "month_anaphor",
              "strike_before", "lede_event", "statement", "carried_statement", "lede_statement", "report_day",
              "past_year")
# the day of the strike a story leads with may come a few sentences in, after the toll and a quote
LEDE_DATE_SENTENCES = 5


@dataclass
class ArticleContext:
    """What every figure of an article may be tied to: its sentences, claimants, places and dates."""

    text: str
    sentences: list[Sentence]
    claims: list[list[Claim]]
    places_in: list[list]
    published: pd.Timestamp | None
    lede: places.PlaceMention | None = None  # the PlaceMention the story is about
    lede_date: DateMention | None = None
    lede_country: places.PlaceMention | None = None  # the first country named as a place ("Civilians in Ukraine ...")
    lede_statement_date: DateMention | None = None  # "..., the Pentagon said on Monday."
    national_story: bool = False  # the story opens with a war-long or nationwide tally
    measures_read: dict[int, set[str]] = field(default_factory=dict)  # sentence -> the measures of its figures
    _dates: dict = field(default_factory=dict, repr=False)
    _strikes: dict = field(default_factory=dict, repr=False)
    _locations: dict = field(default_factory=dict, repr=False)
    _regional_of: dict = field(default_factory=dict, repr=False)
    _starts: list[int] | None = field(default=None, repr=False)

    def dates_of(self, k: int) -> list[DateMention]:
        """The dates named in sentence ``k`` (read once per sentence)."""
        if k not in self._dates:
            sentence = self.sentences[k]
            self._dates[k] = (find_dates(sentence.text, self.published, offset=sentence.start)
                              if self.published is not None else [])
        return self._dates[k]

    def tells_of_strike(self, k: int) -> bool:
        """Whether sentence ``k`` tells of a strike or another event (read once per sentence)."""
        if k not in self._strikes:
            self._strikes[k] = _EVENT_WORDS_RE.search(self.sentences[k].text) is not None
        return self._strikes[k]

    def sentence_at(self, offset: int) -> int | None:
        """The index of the sentence holding ``offset``, if any (a binary search: articles are long)."""
        if self._starts is None:
            self._starts = [sentence.start for sentence in self.sentences]
        j = bisect.bisect_right(self._starts, offset) - 1
        return j if j >= 0 and offset < self.sentences[j].end else None

    def locations_in(self, k: int) -> list:
        """The place mentions of sentence ``k`` that say where something happened (read once per sentence)."""
        if k not in self._locations:
            sentence = self.sentences[k]
            found = [p for p in self.places_in[k] if is_location(self.text, self.claims[k], p)]
            named = capital_mentions(self.text, sentence.start, sentence.end) + \
                continent_mentions(self.text, sentence.start, sentence.end)
            self._locations[k] = sorted(found + named, key=lambda p: p.start) if named else found
        return self._locations[k]

    def regional(self, p, measure: str):
        """The place a figure of ``measure`` at mention ``p`` is tied to, and its precision: 'near' a
        town, or the oblast a town's name stands for in military reporting ("fighting in Kursk")."""
        key = (p.start, measure in _REGIONAL_MEASURES)
        if key not in self._regional_of:
            self._regional_of[key] = _regional(self.text, p, key[1])
        return self._regional_of[key]

    def region_in(self, country: str):
        """The first region of ``country`` the story names (a town's region for a town), if any."""
        for k in range(len(self.places_in)):
            for p in self.locations_in(k):
                if p.precision != "country" and p.place.country == country:
                    return p.place if p.precision == "admin1" else places.admin1_of(p.place)
        return None

    @classmethod
    def build(cls, text, sentences, claims, place_mentions, places_in, published) -> ArticleContext:
        context = cls(text, sentences, claims, places_in, published)
        context.lede = context._lede_place(place_mentions)
        context.lede_date = context._lede_date()
        # (a capital named by its country is a town: only the places found can be the country)
        context.lede_country = next((p for k in range(len(places_in)) for p in places_in[k]
                                     if p.precision == "country" and not _is_continent(p)
                                     and is_location(text, claims[k], p)), None)
        context.lede_statement_date = context._lede_statement_date()
        context.national_story = bool(sentences) and _is_national(sentences[0].text)
        return context

    def _lede_statement_date(self) -> DateMention | None:
        """The day of the statement a story reports, told in its first sentences."""
        if self.published is None:
            return None
        for k in range(min(2, len(self.sentences))):
            found = [d for d in self.dates_of(k) if d.precision == "day" and not d.report]
            if found:
                return found[0]
        return None

    def story_country(self):
        """The first country the story names as a place, else the theatre of the war (a war-long total with
        no country named is where the war is fought)."""
        return self.lede_country.place if self.lede_country is not None else places.geocode(THEATRE)

    def _lede_place(self, place_mentions: list):
        """The first specific place of the first two sentences, else the dateline's (unless the dateline is
        a capital, where wire stories are filed from: "MOSCOW, September 3. /TASS/." tells of drones over
        the regions, not over Moscow)."""
        for k in range(min(2, len(self.places_in))):
            found = [p for p in self.locations_in(k) if p.precision != "country"]
            if found:
                return found[0]
        place = self._dateline_mention(place_mentions)
        return None if place is None or place.place.name in _METONYM_CAPITALS else place

    def _dateline_mention(self, place_mentions: list):
        """The place the story's dateline names ("VINNYTSIA, Ukraine (AP) —"), if it has one."""
        match = DATELINE_RE.match(self.text)
        if match is None:
            return None
        return next((p for p in place_mentions if p.start >= match.start(1) and p.end <= match.end(1)), None)

    def dateline_place(self):
        """The town of the story's dateline, if it names one (read from the places of its first sentence)."""
        return self._dateline_mention(self.places_in[0]) if self.places_in else None

    def _lede_date(self) -> DateMention | None:
        """The day of the event a story leads with ("A missile struck Sumy on Sunday ...")."""
        if self.published is None:
            return None
        told = False  # whether the lede tells of a strike (without its day, the day comes a few sentences on)
        for k in range(min(LEDE_DATE_SENTENCES, len(self.sentences))):
            if k >= 2 and not told:
                break
            event = self.tells_of_strike(k)
            told = told or event
            found = [d for d in self.dates_of(k) if not d.speech and not d.report and d.precision == "day"]
            if found and event:
                # "an overnight attack on Nov. 19": the day named outright, not the one told relative to the report
                return min(found, key=lambda d: d.relative)
        return None


def _regional(text: str, p, regional_measure: bool):
    """See :meth:`ArticleContext.regional` (which caches this per mention)."""
    precision = p.precision
    lo = max(0, p.start - 30)
    if (_may_end_in(text[lo:p.start], _NEAR_ENDS) and _NEAR_RE.search(text, lo, p.start)) \
            or _SECTOR_RE.match(text, p.end):
        # "near Pokrovsk"; "in the Pokrovsk direction": the front sector named after the town is its area
        precision = "near_place" if precision == "place" else precision
    if regional_measure and p.precision == "place":
        # "fighting in Kursk": in military reporting an oblast capital's name means the region
        region = places.admin1_of(p.place)
        if region is not None and region.name.split()[0] == p.place.name and not _CITY_RE.search(
                text, max(0, p.start - 12), min(len(text), p.end + 6)):
            return region, "admin1"
    return p.place, precision


def _past_landmarks(text: str, candidates: list) -> list:
    """The candidate places less those a distance is measured from ("the village of Novohrodivka, 20 km
    from Pokrovsk": Novohrodivka), unless they are all there is."""
    if len(candidates) < 2:
        return candidates
    kept = [p for p in candidates if _LANDMARK_RE.search(lowered(text[max(0, p.start - 40):p.start])) is None]
    return kept or candidates


def _gap(d: DateMention, m: NumberMention) -> tuple[int, int]:
    """How far a date is from a figure, edge to edge, a date after it first on a tie: "from 900 in March
    to 1,400 in May" dates the 1,400 May (the March is the 900's)."""
    return (d.start - m.end, 0) if d.start >= m.end else (m.start - d.end, 1)


def _clause(text: str, m: NumberMention, sentence: Sentence) -> tuple[int, int]:
    """The stretch of the sentence between the clause boundaries around a figure (a clause that opens the
    sentence with "While", "Although" ... ends at its first comma)."""
    lo = max(text.rfind(sep, sentence.start, m.start) for sep in _CLAUSE_SEPARATORS)
    ends = [i for i in (text.find(sep, m.end, sentence.end) for sep in _CLAUSE_SEPARATORS) if i >= 0]
    if sentence.text.startswith(_FRONTED_OPENERS) and (comma := text.find(", ", sentence.start, sentence.end)) > 0:
        if comma >= m.end:
            ends.append(comma)
        else:
            lo = max(lo, comma)
    return max(lo, sentence.start), min(ends) if ends else sentence.end


_RIGHT_AFTER_RE = re.compile(rf"\s+{_words(_L.right_after)}\s+", re.I)
_RIGHT_AFTER_REACH = 25


def _segment(text: str, m: NumberMention, lo: int, hi: int) -> tuple[int, int]:
    """The comma-delimited piece of a clause around a figure: 'out of some 10,000 in Russia'."""
    left = text.rfind(", ", lo, m.start)
    right = text.find(", ", m.end, hi)
    return (left if left >= 0 else lo), (right if right >= 0 else hi)


def _piece(text: str, m: NumberMention, lo: int, hi: int) -> tuple[int, int]:
    """The piece of a clause that is the figure's alone, between the commas and "and"s around it."""
    left = max(text.rfind(sep, lo, m.start) for sep in _PIECE_SEPARATORS)
    ends = [i for i in (text.find(sep, m.end, hi) for sep in _PIECE_SEPARATORS) if i >= 0]
    return max(left, lo), min(ends) if ends else hi


class SentenceLinks:
    """Ties the figures of one sentence to their claimant, place and date."""

    def __init__(self, article: ArticleContext, k: int) -> None:
        self.article, self.k = article, k
        self.sentence = article.sentences[k]
        self.dates = article.dates_of(k)
        self.month_anaphor = any(hint in self.sentence.text for hint in _MONTH_ANAPHOR_HINTS) and \
            _MONTH_ANAPHOR_RE.search(self.sentence.text) is not None
        self._clauses: dict[tuple[int, int], tuple[int, int]] = {}
        self._says_nationwide: bool | None = None

    @cached_property
    def national(self) -> bool:
        """Whether the sentence gives a war-long or nationwide total (asked for by few figures: read when asked).
        A sum right after a strike is told adds up that strike ("Missiles hit Kharkiv. In all, 12 were hurt")."""
        text = self.sentence.text
        if _nationwide_scope(text):
            return True
        before = self.k - 1
        return _sum_of_no_strike(text) and not (
            before >= 0 and self.article.tells_of_strike(before) and self.article.locations_in(before))

    def _clause(self, m: NumberMention) -> tuple[int, int]:
        key = (m.start, m.end)
        if key not in self._clauses:  # (asked for a figure's place and again for its date)
            self._clauses[key] = _clause(self.article.text, m, self.sentence)
        return self._clauses[key]

    def claimant(self, m: NumberMention) -> Claim | None:
        """The claim nearest the figure among its sentence's (its ``rule`` says which rule found it); a
        claim that opens a clause of its own after the figure ("..., while Kyiv reported ...") is not its."""
        claims = self.article.claims[self.k]
        if not claims:
            return None
        own = [c for c in claims if not (c.opens_clause and c.start >= m.end)] or claims
        return min(own, key=lambda c: m.start - c.end if c.end <= m.start else max(0, c.start - m.end))

    def place(self, m: NumberMention, measure: str):
        """The most specific place the text ties the figure to, its precision, and the place rule that
        found it: ``own_segment``, ``own_clause``, ``own_sentence`` (the figure's comma-piece, clause or
        sentence), ``sentence_before``, ``claimant_place`` (the town or region of a local official who
        reports it), ``national`` (a war-long or nationwide total), ``lede`` (the place the story is
        about), ``story_country``, or ``none``."""
        art = self.article
        for k in (self.k, self.k - 1):
            if k < 0 or (k < self.k and (measure == "duration" or self.national)):
                break  # the length of the war, a national total: no place from the sentence before
            if k < self.k:
                country = self._claimant_country(m)
                if country is not None:  # "the air force said 80 drones were launched": all over Ukraine
                    return country, "country", "national_claimant"
            # a country only from its own sentence; a continent only for refugees, from either
            refugees = measure == "displaced"
            candidates = [p for p in art.locations_in(k) if (refugees and _is_continent(p)) or (
                not _is_continent(p) and (k == self.k or p.precision != "country"))]
            rule = "sentence_before"
            if k == self.k:
                country = self._nationwide(m, candidates)
                if country is not None:
                    return country, "country", "national"
                candidates, rule = self._nearest_group(candidates, m)
                candidates = _past_landmarks(art.text, candidates)
            if candidates:
                regions = [p for p in candidates if p.precision == "admin1"]
                if regions and len({p.place for p in candidates if p.precision == "place"}) >= 2:
                    # "near three villages, each named, in the Kharkiv region": the region the listed towns are in
                    candidates, rule = regions, "region_of_list"
                best = min(candidates, key=lambda p: (_PRECISION_RANK[p.precision], abs(p.start - m.start)))
                town = self._dateline_town(best)
                if town is not None:
                    return (*art.regional(town, measure), "dateline_town")
                return (*art.regional(best, measure), rule)
        if measure == "duration":
            return None, None, NONE  # the length of the war has no place, even told as a war-long total
        local = self._claimant_place(m)
        if local is not None:  # "Belgorod's governor said 3 people were killed": in the Belgorod region
            region = places.admin1_of(local.place) if local.precision == "place" and self._regional_claimant(m) \
                else None
            return (*((region, "admin1") if region is not None else art.regional(local, measure)), "claimant_place")
        if self.national:
            return (*self._national_country(measure), "national")
        if measure in art.measures_read.get(self.k - 1, ()) and _is_national(art.sentences[self.k - 1].text):
            # "Russia took 4,000 km2 of Ukrainian land this year. In 2022 it took 60,000 km2.": national too
            return (*self._national_country(measure, art.sentences[self.k - 1].text), "national_before")
        if art.lede is not None:  # the place the story is about
            return (*art.regional(art.lede, measure), "lede")
        if art.lede_country is not None or art.national_story:  # a story about a whole country, a war-long tally
            return (*self._national_country(measure), "story_country")
        return None, None, NONE

    def _dateline_town(self, best):
        """The dateline's town when the figure's place is only the country it is in, named as that of an
        unnamed town ("VINNYTSIA, Ukraine (AP) — missiles hit a city in central Ukraine"), else None."""
        if best.precision != "country" or not _UNNAMED_TOWN_RE.search(self.article.text, max(0, best.start - 40),
                                                                       best.start):
            return None
        town = self.article.dateline_place()
        return town if town is not None and town.place.country == best.place.name else None

    def _claimant_place(self, m: NumberMention):
        """The town or region named in the figure's own claimant ("Belgorod's governor", "the Kharkiv
        regional administration"), when its sentences name no place of its own: a local official
        reports on their place. A country in a claimant's name ("Ukraine's General Staff") is none, and
        so is a place that is the whole claimant ("Moscow said": its government)."""
        claim = self.claimant(m)
        if claim is None or self.national:
            return None
        inside = [p for p in self.article.places_in[self.k]  # (not "Moscow said": a place for its government)
                  if claim.start <= p.start < claim.end and p.precision != "country"
                  and not (p.start <= claim.start and claim.end <= p.end)]
        return min(inside, key=lambda p: _PRECISION_RANK[p.precision]) if inside else None

    def _claimant_country(self, m: NumberMention):
        """The country of the figure's claimant when the registry says its counts are nationwide
        (:func:`.attribution.registry_nationwide`), else None."""
        claim = self.claimant(m)
        if claim is None or not registry_nationwide(claim.name):
            return None
        return places.geocode(registry_side(claim.name))

    def _regional_claimant(self, m: NumberMention) -> bool:
        """Whether the figure's claimant speaks for a region ("Belgorod's governor", "the Kharkiv regional
        administration"), not for a town ("Kharkiv's mayor")."""
        claim = self.claimant(m)
        words = lowered(self.article.text[claim.start:claim.end]).replace("’", "'").split() if claim else ()
        return any(word.removesuffix("'s") in _REGIONAL_CLAIMANTS for word in words)

    def _nationwide(self, m: NumberMention, candidates: list):
        """The country of a figure told as nationwide while a town elsewhere in its sentence holds only a
        part of it ("killed 9 people nationwide, including 3 in Odesa": the 9 is Ukraine's, the country of
        the sentence's places), said by the figure's own comma-piece (naming no place) or by its clause's
        opening one ("Across the country, 14 died, 6 of them in Dnipro"); with no place in the sentence, the
        story's country ("recorded 18,817 civilian casualties in the country"); else None."""
        if self._says_nationwide is None:  # (a substring test, once per sentence)
            low = self.sentence.text.lower()
            self._says_nationwide = any(word in low for word in _NATIONWIDE_WORDS)
        if not self._says_nationwide:
            return None
        text = self.article.text
        c_lo, c_hi = self._clause(m)
        lo, hi = _segment(text, m, c_lo, c_hi)
        said = (lo, hi) if _NATIONWIDE_RE.search(text, lo, hi) is not None else None
        # the clause's first piece, the phrase alone, when the figure's comes right after it
        if said is None and lo > c_lo and text.find(", ", c_lo, lo + 2) == lo \
                and _NATIONWIDE_RE.fullmatch(text[c_lo:lo].strip(" ,;—")) is not None:
            said = (c_lo, lo)
        if said is None or any(said[0] <= p.start < said[1] for p in candidates):
            return None
        if not candidates:
            return self.article.story_country()
        nearest = min(candidates, key=lambda p: abs(p.start - m.start)).place
        return nearest if nearest.kind == "country" else places.geocode(nearest.country or THEATRE)

    def _nearest_group(self, candidates: list, m: NumberMention) -> tuple[list, str]:
        """The candidates in the figure's comma-piece, else its clause, else the whole sentence."""
        if len(candidates) < 2:
            return candidates, "own_sentence"
        text = self.article.text
        right = [p for p in candidates if 0 < p.start - m.end < _RIGHT_AFTER_REACH
                 and _RIGHT_AFTER_RE.fullmatch(text, m.end, p.start)]
        if right:  # "with 15 over Belgorod, nine over Kursk and four over the Voronezh region"
            return right[:1], "own_segment"
        lo, hi = self._clause(m)
        s_lo, s_hi = _segment(text, m, lo, hi)
        for a, b, rule in ((s_lo, s_hi, "own_segment"), (lo, hi, "own_clause")):
            inside = [p for p in candidates if a <= p.start < b]
            if inside:
                return inside, rule
        if self.article.text.startswith(_WHERE, lo):
            before = [p for p in candidates if p.end <= lo]  # "hit Kharkiv, where 5 died": the place before it
            if before:
                return [max(before, key=lambda p: p.end)], "where_antecedent"
        return candidates, "own_sentence"

    def _national_country(self, measure: str, said_in: str | None = None):
        """The country (or region) of a national total, from the land its sentence (or ``said_in``) names."""
        match = _NATIONAL_COUNTRY_RE.search(self.sentence.text if said_in is None else said_in)
        if match is not None:
            place = places.geocode(_COUNTRY_OF_ADJECTIVE[match.group(1).lower()])
            lede = self.article.lede
            if lede is not None and place is not None and lede.place.country == place.name != THEATRE:
                # "1,376 km2 of Russian land" in a story about Sudzha: a share of its region, not of the town;
                # but "68,500 km2 of Ukrainian territory" in a story about Pokrovsk is the whole theatre's
                region = places.admin1_of(lede.place) if lede.precision == "place" else None
                return (region, "admin1") if region is not None else self.article.regional(lede, "area")
            if place is not None and place.name != THEATRE:
                region = self.article.region_in(place.name)  # "of Russian territory" in a story about Kursk region
                if region is not None:
                    return region, "admin1"
            if place is not None:
                return place, "country"
        country = self.article.story_country()
        return (country, "country") if country is not None else (None, None)

    def event_date(self, m: NumberMention, measure: str, claim: Claim | None, *,
                   earlier: bool = False) -> tuple[DateMention | None, str]:
        """The figure's date and the rule that found it (see :meth:`_event_date`), never after publication
        for a figure of what has happened (``past_year``)."""
        date, rule = self._event_date(m, measure, claim, earlier=earlier)
        return _in_the_past(date, rule, measure, self.article)

    def _event_date(self, m: NumberMention, measure: str, claim: Claim | None, *,
                    earlier: bool = False) -> tuple[DateMention | None, str]:
        """The figure's date and the date rule that found it: ``own_clause`` (a date in its clause),
        ``before_in_sentence`` (one told before it in the sentence), ``month_anaphor`` ("over the
        month": the month named last), for victims ``strike_before`` (the strike's date in the sentence
        before) or ``lede_event``; else the date of the statement that gives the figure (a running
        total is as of that day): ``statement``, ``carried_statement`` (the statement of a claimant
        credited earlier), ``lede_statement``; or ``none``. An ``earlier`` value of another figure ("...,
        down from 1,600 the day before") has only a date of its own clause: the others are the later one's."""
        events = [d for d in self.dates if not d.speech and not d.report]
        if events:
            text = self.article.text
            lo, hi = self._clause(m)
            p_lo, p_hi = _piece(text, m, lo, hi)  # "196 km2 in February and 326 km2 in January"
            own, rule = [d for d in events if p_lo <= d.start < p_hi], "own_segment"
            if not own:
                own, rule = [d for d in events if lo <= d.start < hi], "own_clause"
            if not own and not earlier:
                own, rule = [d for d in events if d.start < m.start], "before_in_sentence"
            if own:
                return self._relative_to_statement(min(own, key=lambda d: _gap(d, m)), rule)
        if earlier:
            return None, NONE
        art = self.article
        if art.published is not None and self.month_anaphor:
            named = self._month_named_before()  # "209 deaths in April. The injured over the month reached 1,146."
            if named is not None:
                return named, "month_anaphor"
        if self._of_the_event(measure) and art.published is not None:
            if self.k > 0:
                before = [d for d in art.dates_of(self.k - 1) if not d.speech and not d.report
                           and d.precision == "day"]
                if before and art.tells_of_strike(self.k - 1):
                    return before[-1], "strike_before"
            if art.lede_date is not None:
                return art.lede_date, "lede_event"
        statements, rule = [d for d in self.dates if d.speech and d.precision == "day"], "statement"
        if not statements and claim is not None and not self.sentence.start <= claim.start < self.sentence.end:
            statements, rule = self._statement_dates_of(claim), "carried_statement"
        if statements:
            return min(statements, key=lambda d: abs(d.start - m.start)), rule
        if art.lede_statement_date is not None:
            return art.lede_statement_date, "lede_statement"  # the briefing or report the story is about
        report = [d for d in self.dates if d.report]
        if report:
            return report[0], "report_day"  # "over the past 24 hours" with no statement day told: the publication's
        return None, NONE

    def _relative_to_statement(self, date: DateMention, rule: str) -> tuple[DateMention, str]:
        """A date told relative to the day of writing ("overnight", "yesterday") in a sentence whose
        statement names its own earlier day ("..., the air force said on Saturday") counts back from that
        day, not from publication: rule ``relative_to_statement``."""
        base = self.article.published
        if not date.relative or base is None:
            return date, rule
        said = [d for d in self.dates if d.speech and d.precision == "day" and not d.relative]
        if not said:
            return date, rule
        day = min(said, key=lambda d: abs(d.start - date.start)).date
        shift = day - base.normalize()
        if not shift:
            return date, rule
        return DateMention(date.start, date.end, date.date + shift, date.precision, False, relative=True), \
            "relative_to_statement"

    def _of_the_event(self, measure: str) -> bool:
        """Whether a figure shares the day of the strike (or swap) its story tells: its victims, and the
        missiles and drones of a sentence about the strike."""
        if measure not in _VICTIM_MEASURES and measure != "equipment":
            return False
        if self.national:
            return False
        return measure in _VICTIM_MEASURES or self._tells_of_launch

    @cached_property
    def _tells_of_launch(self) -> bool:
        """Whether the sentence tells of missiles or drones launched (asked for by each of its figures)."""
        return _LAUNCHED_RE.search(self.sentence.text) is not None

    def _month_named_before(self) -> DateMention | None:
        """The month the story named last, for "over the month" (the month itself, not a day of it):
        "took less ground in September than in August, ... 259 km2 over the month" is September."""
        art = self.article
        for j in range(self.k - 1, -1, -1):
            named = [d for d in art.dates_of(j) if not d.speech and not d.report and d.precision in ("day", "month")
                     and not _COMPARED_BEFORE_RE.search(lowered(art.text[max(0, d.start - 20):d.start]))]
            if named:  # the first: the month the sentence is about comes before those it is compared with
                d = named[0]
                return DateMention(d.start, d.end, d.date.replace(day=1), "month", False)
        return None

    def _statement_dates_of(self, claim: Claim) -> list[DateMention]:
        """The days of the statement a claimant credited in an earlier sentence made."""
        art = self.article
        j = art.sentence_at(claim.start)
        if j is None or j >= self.k:
            return []
        return [d for d in art.dates_of(j) if d.speech and d.precision == "day"]


def _in_the_past(date: DateMention | None, rule: str, measure: str,
                 article: ArticleContext) -> tuple[DateMention | None, str]:
    """A month or day named without its year lies within a few weeks after publication when reporters
    name a coming date ("on Jan. 20, when he is sworn in"); for the dead, the wounded or ground taken it
    cannot: "714 were killed in April" in a report of February is last April (rule ``past_year``)."""
    published = article.published
    if date is None or published is None or date.relative or measure not in _PAST_MEASURES:
        return date, rule
    day = date.date  # (compared field by field: Timestamp arithmetic and periods cost far more)
    if date.precision == "month":
        after = (day.year, day.month) > (published.year, published.month)
    elif date.precision == "day":
        after = (day.year, day.month, day.day) > (published.year, published.month, published.day)
    else:
        return date, rule
    if not after or _YEAR_RE.search(article.text, date.start, date.end):
        return date, rule  # "in April 2025": its year is told
    try:
        earlier = date.date.replace(year=date.date.year - 1)
    except ValueError:  # February 29
        earlier = date.date.replace(year=date.date.year - 1, day=28)
    return DateMention(date.start, date.end, earlier, date.precision, date.speech, relative=False,
                       report=date.report), "past_year"
