"""Who said it: the person or body a text credits each figure to (the claimant).

Attributions are found per sentence ("X said", "said X", "according to X", "X told reporters"),
carried through quotes that run over several sentences, through pronouns and role nouns ("He
noted...", "the ministry said") to the speaker they stand for, and through the rest of a
paragraph that reports one speaker's statement. Names lose their titles ("regional Governor Ivan
Fedorov" -> "Ivan Fedorov", role "regional Governor"); bodies take their usual short names.

>>> from analysis.extract.sentences import split_sentences
>>> text = "Regional Governor Ivan Fedorov said six died. He added that 23 were hurt."
>>> [c[0].name for c in claims_by_sentence(text, split_sentences(text))]
['Ivan Fedorov', 'Ivan Fedorov']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from analysis.extract.dates import date_phrase_end
from analysis.extract.places import geocode
from analysis.extract.sentences import DATELINE_RE, Sentence, group_by_sentence, is_abbreviation
from analysis.vocabulary import VOCABULARY, last_words, lowered, phrase_key, phrase_pattern, word_starts
from analysis.vocabulary import phrase_group as _words  # (a group of phrases, inside a pattern)

_A = VOCABULARY.attribution
_SP, _SU, _NA, _SO = _A.speech, _A.subjects, _A.names, _A.sources
_BODIES = VOCABULARY.claimants.bodies
_PEOPLE = VOCABULARY.claimants.people
_ACTOR_OF_WORD = VOCABULARY.actors.actor_of_word
_DEMONYMS = VOCABULARY.actors.demonyms


# "\b(?<!-)" is "(?<![\w-])" before a word's first letter (every verb opens with one), but re tries the
# lookbehind only where a word begins or ends, not at every letter (a quarter faster on a sentence)
_VERB_RE = re.compile(rf"\b(?<!-){_words(_SP.verbs)}(?![\w-])")
# matched against lowered() text: lower-case patterns without re.I are several times faster
_ACCORDING_RE = re.compile(rf"{_words(_SP.phrases)}\s+")
_CURLY = [alias.replace("'", "’") for alias in _BODIES if "'" in alias]  # the registry spells ’ as '
_BODY_RE = re.compile(rf"(?<![\w-]){_words([*_BODIES, *_CURLY])}(?![\w-])")
_TITLE_WORDS = _A.title_words
_NOT_ROLE_NOUNS = frozenset(_A.titles_with("not_a_role_noun"))
_ORG_WORDS = frozenset(_A.organisations.words)
_PRONOUN_RE = re.compile(rf"^{_words(_SU.pronouns)}$", re.I)
_PERSON_PRONOUNS, _BODY_PRONOUNS = frozenset(_SU.person_pronouns), frozenset(_SU.body_pronouns)
_POSSESSIVE_RE = re.compile(rf"^{_words(_SU.possessives)}\b", re.I)
_ROLE_RE = re.compile(rf"^{_words(_SU.role_determiners)}\s+(?:[\w'’-]+\s+){{0,2}}?([\w'’-]+)$", re.I)
_VAGUE = frozenset(_SU.vague)
_AUX_END_RE = re.compile(rf"\b{_words(_SU.not_subject_end)}\s*$")  # lowered
_ADVERB_END_RE = re.compile(rf"(?:\s+{_words(_SU.adverbs_before_verb)})+\s*$")  # on lowered() text
_COUNTRY_WORDS = _A.groups.countries_cased
_COUNTRIES_RE = re.compile(rf"(?<![\w.]){_words(_COUNTRY_WORDS)}(?![\w])")
_GROUP_WORD_RE = re.compile(rf"\b({phrase_pattern(_A.groups.words)})\b")  # on lowered() text
_PLACE_WORDS = frozenset(_NA.place_words)
_FIELD_WORDS = frozenset(_NA.field_words)
_NAME_PARTICLES = frozenset(_NA.particles)
_NAME_ENDS_BEFORE = frozenset(_NA.ends_before)
_NOT_NAME_START = frozenset(_NA.not_first) | frozenset(VOCABULARY.dates.weekdays)  # ("Tuesday's strike")
_OPEN_QUOTES, _CLOSE_QUOTES = "“", "”"
_SINGLE_CLOSE_RE = re.compile(r"[,.!?…]’(?!\w)")
# what a text calls a body it has named: "the National Intelligence Service" ... "the agency"
_ROLE_SYNONYMS = _A.organisations.role_synonyms
_FIGURE_OR_CLAUSE_RE = re.compile(  # (an ordinal names a unit, "the 47th Brigade": no figure)
    rf"\d(?!\d*{_words(VOCABULARY.numbers.not_quantities.ordinal_suffixes)}\b)"
    rf"|\b{_words([*VOCABULARY.numbers.words.units, *_SU.clause_words])}\b")
_NAME_TITLES = [title.capitalize() for title in _A.titles_with("opens_name")] + \
    list(_A.titles_with("opens_name_in_lower_case"))
# opens with the titles, not \b: read with word_starts(), which is several times faster on a whole article
_TITLED_NAME_RE = re.compile(
    rf"(?:{phrase_pattern(_NAME_TITLES)})\s+(?:[A-Z][\w.'’-]+\s+){{0,2}}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")
# "Reports indicate that...": the outlet's own voice, which ends a statement carried from before
_VAGUE_SOURCE_RE = re.compile(
    rf"(?:\w+\s+){{0,3}}?{_words(_SU.vague_sources)}\s+(?:\w+\s+)?{_words(_SU.vague_source_verbs)}", re.I)
_PHRASE_ONLY = frozenset(_SP.phrase_only)
# "[A-Z](?<!\w[A-Z])" is "\b[A-Z]", but lets re skip to capitals; a word or a space given back could never
# be followed by what comes next, so "++" spares re trying (most capitals open no 'Name, title')
_NAME_THEN_TITLE_RE = re.compile(
    r"([A-Z](?<!\w[A-Z])[\w'’-]++(?:\s++[A-Z][\w'’-]++){1,2}),\s+(?:the\s+)?((?:[\w-]++\s++){0,3}?"
    rf"(?i:{phrase_pattern(_A.titles_with('follows_name'))})\b)")
_OF_PHRASE_RE = re.compile(rf"\s+{_words(_NA.ends_before)}\s+(?=the\b|[a-z])")
_SEGMENT_SPLIT_RE = re.compile(rf",|\s+{_words(_NA.relative_pronouns)}\s+")
_MEMBERS_RE = re.compile(rf"(?i:(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+)?{_words(_NA.members)}\s+{_words(_NA.member_links)})"
                         rf"\s+((?:the\s+)?[A-Z].*)$")
_MEMBER_NOUNS = frozenset(_NA.members)
_ARTICLE_START_RE = re.compile(rf"^{_words(_NA.articles)}\s+", re.I)
_LIST_SPLIT_RE = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_THE_START_RE = re.compile(r"^the\s+")
_COMMA_SPLIT_RE = re.compile(r",\s+")
_APPOSED_NAME_RE = re.compile(r",\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\s*(?:,|$)")
_NAME_AFTER_RE = re.compile(r"\s+((?:the\s+)?[A-Za-z][^,.;:“”\"()]{1,80})")
# "according to X": where X ends, what may trail it, what may lead it ("a tally of ... by")
_SOURCE_END_RE = re.compile(
    rf"[;:()“”\"]|,\s+(?!(?:the\s+)?{_words(_SO.roles_after_comma)}\b)|\.\s|\.$"
    rf"|\s{_words(_SO.end_words)}\s|\s{_words(_SO.end_phrases)}\s"
    rf"|\son\s+(?i:{_words(VOCABULARY.dates.weekdays)})")
_SOURCE_TAIL_RE = re.compile(rf"\s+{_words(_SO.tail_words)}\b.*$")
_SOURCE_LEAD_RE = re.compile(rf"^(?:(?:(?:an?|the)\s+)?(?:\w+\s+)?{_words(_A.documents.lead_kinds)}\s+"
                             rf"(?:of\s+[\w\s]+?\s+)?{_words(_A.documents.lead_links)}\s+)", re.I)
_SOURCE_BY_RE = re.compile(rf"\b{_words(_A.documents.lead_verbs)}\s+by\s+", re.I)
_SUBJECT_STARTS = _SU.subject_starts
# "the defence ministry in Moscow said": a capital or a country among the adverbs before the verb
_SEAT_WORD = _SU.seat_word
_SEAT_RE = re.compile(rf"\b{re.escape(_SEAT_WORD)}\s+([A-Z][\w'’-]+)")
_COUNTRY_OF_CAPITAL = {capital: country for country, capital in VOCABULARY.linking.places.capitals.items()}
_COUNTRY_OF_CAPITAL.update(_SU.seats_cased)
_DAY_AND_MONTH_NAMES = frozenset(VOCABULARY.dates.weekdays) | frozenset(VOCABULARY.dates.month_number)
_BEFORE_LEADING_DATE_RE = re.compile(rf"\s*(?:{_words(_SU.before_leading_date)}\s+){{0,2}}")  # lowered
_BEFORE_PLACE = frozenset(_SU.before_leading_place)
_PLACE_MODIFIERS = frozenset(_SU.place_modifiers)
_ROLE_BEFORE_PLACE = frozenset(_A.names.before_place)  # "officials in occupied": a town named next
_PLACE_SUBJECT_VERBS = frozenset(_A.speech.place_subject_verbs)  # "Kharkiv recorded": no speaker
_DOCUMENT_SUBJECT_VERBS = frozenset(_A.speech.document_subject_verbs)  # "the survey found": a document's finding
_LIST_TAIL_RE = re.compile(rf"\s+{_words(_SU.list_tails)}\s*$")
_DOCUMENT_WORDS = frozenset(_A.documents.words)
_LEAD_KINDS = frozenset(_A.documents.lead_kinds)
_DETERMINER_END_RE = re.compile(rf"\b{_words(_SP.determiners_before_noun)}\s+$")  # lowered
_PUT_AT = _SP.put_at[0]
_SUBJECT_WORDS = frozenset(_SU.subject_words)
_CLAUSE_OPENERS = frozenset(_SU.clause_openers)
_SPEECH_NOUNS = frozenset(_SP.speech_nouns)
# "Moscow's widely disputed claims": the possessor of a speech noun (matched on a short tail)
_POSSESSOR_RE = re.compile(r"(?<![\w'’])([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})['’]s(?: [a-z-]+){0,3} ?$")
# the capitalised words that end a phrase after a lower-case word: "the 31,000 deaths Zelensky"
_TRAILING_NAME_RE = re.compile(r"(?<=[a-z,] )((?:[A-Z][\w'’-]+ ){0,2}[A-Z][\w'’-]+) ?$")
_BR = _A.back_references
# "This was stated by X", "Such information was given by X", "Source: X" (on lowered text, at a sentence's start)
_BACK_RE = re.compile(rf"(?:{_words(_BR.subjects)}\s+(?:{_words(_BR.links)}\s+)?{_words(_BR.verbs)}(?:\s+by)?"
                      rf"|{_words(_BR.labels)})\s+")
_BACK_OBJECT_RE = re.compile(  # "..., Syrskyi said this on Telegram." (on lowered text, after the verb)
    rf"\s+{_words(_BR.objects)}(?:[.,;]|\s+{_words(_BR.object_ends)}\b)")
_BACK_REACH = 6  # how many sentences after a figure its paragraph's closing attribution is looked for
_ANAPHORA_RE = re.compile(rf"\b{_words(_BR.anaphora)}\b")  # on lowered text
_CLOSING_RULES = frozenset(("subject_said", "said_subject", "quote_then_said", "name_role_said"))
_RELAYS = tuple(_SP.relays)
# the claims a "citing" further on passes over: who reported what the cited source said
_RELAYING_RULES = frozenset(("subject_said", "said_subject", "subject_saying", "name_role_said"))
_OUTLET_LINKS_RE = re.compile(rf"[()\[\],;/|]|\s+{_words(_A.outlets.source_links)}\s+|\s+[-–—]\s+")
_STAFF_RE = re.compile(rf"\b{_words(_A.outlets.staff_words)}\b")
_FIGURE_AHEAD_RE = re.compile(  # "released 215 prisoners", "released more than 200 people" (on lowered text)
    rf"\s+(?:[a-z]+\s+){{0,2}}?(?:\d|{_words(VOCABULARY.numbers.words.units)}\b)")
# a speech verb in another sense, told by what follows it (on lowered text): "adds to the pressure",
# "released 215 prisoners", "claimed the lives of six", "registered as refugees"
_NOT_SPEECH_AFTER = {verb: after for verbs, after in (
    (_SP.add_verbs, re.compile(rf"\s+{_words(_SP.add_not_speech_after)}\b")),
    (_SP.not_speech_before_figure, _FIGURE_AHEAD_RE),
    (_SP.claim_verbs, re.compile(rf"\s+{_words(_SP.claim_not_speech_after)}\b")),
    (_SP.register_verbs, re.compile(rf"\s+{_words(_SP.register_not_speech_after)}\b"))) for verb in verbs}
_PUT_AT_RE = re.compile(
    rf"\b{_words(_SP.put_at)}\b(?=[^.;]{{0,80}}?\b{re.escape(_SP.put_at_link)}\s+(?:[a-z]+\s+){{0,3}}?\d)")


# The names of the rules that find a figure's claimant (the ``rules`` column's ``claimant=``): in the
# sentence, "according to X", "X said", "..., said X", "X, a spokesman for Y, said", "A, B and C said",
# "X put the losses at", "X did ..., saying", "X's claims that", "This was stated by X"; carried from
# elsewhere, the speaker of the quote it is in, of a statement credited after it ("..., X said." closing
# its paragraph, "This was stated by X" opening the next), of the paragraph's sentence before, or the
# body whose report the story is. A pronoun for the last speaker prefixes the rule with "pronoun_"
# ("he said": pronoun_subject_said).
CLAIMANT_RULES = ("according_to", "subject_said", "quote_then_said", "said_subject", "name_role_said",
                  "parties_said", "put_at", "subject_saying", "possessive_source", "back_reference",
                  "headline_label", "headline_source", "quote_speaker", "statement_after", "paragraph_speaker",
                  "story_source")


@dataclass(slots=True)
class Claim:
    """A claimant: the short name, the role stripped from it, the span of the attribution."""

    name: str
    role: str | None
    start: int
    end: int
    person: bool
    rule: str = ""  # the claimant rule that found it (see CLAIMANT_RULES)
    opens_clause: bool = False  # "..., while Ukraine reported 340": its statement follows it, not before
    back: int = 0  # it credits the sentences before: 1 its paragraph's ("..., Syrskyi said."), 2 also the
    # paragraph before when it opens one ("This was stated by ...")

    def carried(self, rule: str) -> Claim:
        """The same claim credited elsewhere by ``rule`` (``dataclasses.replace`` costs five times as much,
        and an article carries its claims to many sentences)."""
        return Claim(self.name, self.role, self.start, self.end, self.person, rule, self.opens_clause, self.back)

    def moved(self, start: int, end: int, rule: str | None = None) -> Claim:
        """The same claimant, named again at ``start:end`` ("he", "the ministry"): no clause of its own,
        crediting nothing before."""
        return Claim(self.name, self.role, start, end, self.person, self.rule if rule is None else rule)


@lru_cache(maxsize=16384)
def spelling_key(name: str) -> str:
    """One key for the romanisations of a name: 'Syrskyi', 'Sirskyi' and 'Syrskiy' -> 'sirski'.

    >>> spelling_key("Zelenskyy") == spelling_key("Zelenskiy") == spelling_key("Zelensky")
    True
    """
    key = re.sub(r"['’ʼ`.\-]", "", name.lower()).replace("y", "i")
    return re.sub(r"(\w)\1+", r"\1", key)


_PEOPLE_BY_SPELLING = {spelling_key(alias): entry for alias, entry in _PEOPLE.items()}


def known_person(name: str):
    """The registry's entry for a person, by any alias or a romanisation of one (None if unknown)."""
    return _PEOPLE.get(name.lower()) or _PEOPLE_BY_SPELLING.get(spelling_key(name))


_BY_NAME = {entry.name: entry for entry in VOCABULARY.claimants.claimant}


def registry_side(name: str | None) -> str | None:
    """The country or organisation a registered claimant speaks for (None if it is not registered).

    >>> registry_side("Pentagon"), registry_side("NIS"), registry_side("a local resident")
    ('United States', 'South Korea', None)
    """
    entry = _BY_NAME.get(name) if name else None
    return entry.side if entry is not None else None


def registry_nationwide(name: str | None) -> bool:
    """Whether a registered claimant's counts are the whole country's unless it names a place (the
    air force's tally of the drones launched over one night).

    >>> registry_nationwide("Ukrainian Air Force"), registry_nationwide("Russian Defence Ministry")
    (True, False)
    """
    entry = _BY_NAME.get(name) if name else None
    return entry is not None and entry.nationwide


def registry_kind(name: str | None) -> str | None:
    """The kind of a registered claimant (government, military, person...; None if it is not registered).

    >>> registry_kind("Pentagon"), registry_kind("DeepState"), registry_kind("a local resident")
    ('military', 'think_tank', None)
    """
    entry = _BY_NAME.get(name) if name else None
    return entry.kind if entry is not None else None


@lru_cache(maxsize=4096)
def _named_side(name: str) -> str | None:
    """The party a body's name names, whole or by its first words: 'Russia', 'South Korean officials'."""
    words = name.lower().split()
    return next((_ACTOR_OF_WORD[" ".join(words[:n])] for n in (len(words), 2, 1)
                 if 0 < n <= len(words) and " ".join(words[:n]) in _ACTOR_OF_WORD), None)


_NATIONAL_BODY_KINDS = frozenset({"government", "military", "intelligence"})  # (not "officials": a group)
_OWN_COUNTRY_WORDS = frozenset(_SU.own_country_words)
_BOTH_SIDES = frozenset(_SU.both_sides)
_THEATRE = VOCABULARY.linking.theatre
_BOTH_SIDES_NAME = f"{VOCABULARY.actors.opponents[_THEATRE]} and {_THEATRE}"  # "Russia and Ukraine"


class _Speakers:
    """Who has been named so far in an article: to resolve surnames, pronouns and role nouns."""

    def __init__(self, outlets: frozenset[str] = frozenset()) -> None:
        self.by_surname: dict[str, str] = {}  # 'Syrskyi' and its spelling key 'sirski' -> 'Oleksandr Syrskyi'
        self.by_role: dict[str, str] = {}  # 'governor' -> 'Ivan Fedorov', 'ministry' -> 'Russian Defence Ministry'
        self.last: Claim | None = None
        self.last_credited: Claim | None = None  # the last claim a text credits (not a name it only mentions)
        self.last_person: Claim | None = None
        self.last_body: Claim | None = None
        self.last_side: str | None = None  # the country of the last body credited that speaks for one
        self.roles: dict[str, str] = {}  # 'Ivan Fedorov' -> 'regional governor': what the text called them
        self.people: dict[str, Claim] = {}  # the people credited so far, the latest last
        self.outlets = outlets  # the names of the article's own outlet: its voice is no claimant

    def person(self, name: str, role: str | None) -> str:
        known = known_person(name)
        name = known.name if known is not None else name
        if " " not in name:
            full = self.by_surname.get(name) or self.by_surname.get(spelling_key(name))
            if full is not None:
                return full
        if " " in name:
            if role:
                self.roles[name] = role.lower()
            for part in name.split()[1:]:
                self.by_surname.setdefault(part, name)
                self.by_surname.setdefault(spelling_key(part), name)
            if role:
                for word in role.lower().replace(",", " ").split():
                    if word in _TITLE_WORDS and word not in _NOT_ROLE_NOUNS and word not in _ACTOR_OF_WORD:
                        self.by_role[word] = name
        return name

    def body(self, name: str, alias: str = "") -> str:
        for role in _body_roles(name, alias):
            self.by_role[role] = name
        self.by_role.setdefault(name.lower().split()[-1], name)
        return name

    def titled(self, noun: str) -> Claim | None:
        """The person credited last whose role or name has the title ``noun`` ('colonel')."""
        for name in reversed(self.people):
            if noun in self.roles.get(name, "").split() or noun in name.lower().split():
                return self.people[name]
        return None

    def remember(self, claim: Claim) -> None:
        self.last = claim
        if claim.rule:  # (a name the text only mentions has no rule)
            self.last_credited = claim
        if claim.person:
            self.last_person = claim
            self.people.pop(claim.name, None)
            self.people[claim.name] = claim
            side = _named_side(claim.role or claim.name)  # "a South Korean lawmaker": "the country's spy agency" next
            if side is not None:
                self.last_side = side
        else:
            self.last_body = claim
            side = registry_side(claim.name) or _named_side(claim.name)
            if side is not None:
                self.last_side = side

    def national_body(self, name: str) -> str | None:
        """The registered body a bare name means in a story whose last credited body spoke for a country:
        "the defence ministry" after "Russia said" is the Russian Defence Ministry."""
        first, _, rest = name.partition(" ")
        if first in _OWN_COUNTRY_WORDS and rest:
            name = rest  # "the country's spy agency": South Korea's, in a story of what Seoul says
        if self.last_side is None or _bare(name.split()[-1]) not in _ORG_WORDS or _COUNTRIES_RE.search(name):
            return None  # (a group, "officials", stays nobody in particular; "Russian-installed ..." has its side)
        for adjective in _DEMONYMS.get(self.last_side, ()):
            entry = _BODIES.get(f"{adjective} {name}")
            if entry is not None and entry.kind in _NATIONAL_BODY_KINDS:
                return entry.name
        return None


@lru_cache(maxsize=4096)
def _body_roles(name: str, alias: str) -> tuple[str, ...]:
    """The nouns a text may later use for a body: 'Russian Defence Ministry' -> ('ministry', 'department'),
    from the words of its name as written and of every name the registry knows it by ('UNHCR', also
    'UN refugee agency': 'the agency')."""
    entry = _BY_NAME.get(name)
    known = " ".join(entry.aliases) if entry is not None else ""
    roles: list[str] = []
    for word in f"{name} {alias} {known}".lower().split():
        if _bare(word) in _ORG_WORDS:
            roles.append(_bare(word))
        roles += _ROLE_SYNONYMS.get(_bare(word), ())  # "the Defence Ministry ... the military said"
    return tuple(roles)


@lru_cache(maxsize=65536)
def _bare(word: str) -> str:
    """'Ministry's' -> 'ministry'."""
    return _unpossessed(word.lower().strip(",.;:"))


def _unpossessed(text: str) -> str:
    """``text`` less a final possessive: "the agency's" -> "the agency"."""
    return text[:-2] if text.endswith(("'s", "’s")) else text


_INITIALISM_END_RE = re.compile(r"(?<![\w.])(?:[A-Z]\.)+[A-Z]$")  # "the U.N" once its last full stop is stripped


def _clean(phrase: str) -> str:
    cleaned = " ".join(phrase.split()).strip(" ,;:.\"“”'’()-—–")
    if cleaned[-2:-1] == "." and _INITIALISM_END_RE.search(cleaned):  # (the cheap test first)
        return f"{cleaned}."  # "the U.N." keeps its dot
    return cleaned


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() or word.lower() in _NAME_PARTICLES


def _split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """['regional', 'Governor', 'Ivan', 'Fedorov'] -> (['Ivan', 'Fedorov'], ['regional', 'Governor']);
    a demonym is part of the role: 'South Korean MP Lee Sung-kwon'."""
    # (and past the words of the role that follow its last title: 'Interior Minister of Ukraine Ihor ...')
    i = _past_role_words(words, _after_last_title(words, _past_role_words(words, 0)))
    return words[i:], words[:i]


def _past_role_words(words: list[str], i: int) -> int:
    """Where, from ``i`` on, the words that cannot begin a name end (titles, link words, possessives,
    bodies, parties: 'Foreign Minister of Russia')."""
    while i < len(words) - 1 and (words[i].lower().strip(",") in _TITLE_WORDS or not _is_name_word(words[i])
                                  or words[i].endswith(("'s", "’s")) or words[i].lower() in _ORG_WORDS
                                  or words[i].lower() in _ACTOR_OF_WORD
                                  or (words[i] in ("South", "North") and words[i + 1].startswith("Korea"))):
        i += 1
    return i


def _after_last_title(words: list[str], i: int) -> int:
    """Where a name begins past a place or body that opens its role: after the last title word
    with a word after it ('Zaporizhzhia Governor Ivan Fedorov', 'Sumy regional governor ...',
    'NATO Secretary General Mark Rutte': a name holds no title word). A title's link word ('of' in
    'head of state') is none: 'Institute for the Study of War' names no 'War'."""
    for j in range(len(words) - 2, i - 1, -1):
        word = words[j].lower().strip(",")
        if word in _TITLE_WORDS and word not in _NAME_ENDS_BEFORE:
            return j + 1
    return i


@lru_cache(maxsize=16384)
def _person_in(segment: str) -> tuple[str, str | None] | None:
    """A person's name (title stripped) ending a phrase: 'Pentagon spokesman Maj. Gen. Pat Ryder'."""
    head, *tail = _OF_PHRASE_RE.split(segment, maxsplit=1)
    found = _person_words(head)
    if found is None and tail:  # "Minister of Defence of Ukraine Rustem Umerov": a title that runs into the name
        found = _person_words(tail[0])
        if found is not None:
            found = (found[0], _clean(segment[:segment.rfind(found[0])]) or None)
    if found is None:  # "Governor Ivan Fedorov of Zaporizhzhia": the place after the name is the role's
        found = _person_of_place(segment)
    return found


def _person_of_place(segment: str) -> tuple[str, str | None] | None:
    """'Regional Governor Ivan Fedorov of Zaporizhzhia' -> ('Ivan Fedorov', 'Regional Governor of
    Zaporizhzhia'): a person named before 'of' and a place the gazetteer knows."""
    head, of, place = segment.rpartition(" of ")
    place = place.strip(" ,")
    if not of or not place[:1].isupper() or geocode(place) is None:
        return None
    found = _person_words(head)
    if found is None:
        return None
    return found[0], f"{found[1]} of {place}" if found[1] else f"of {place}"


def _person_words(segment: str) -> tuple[str, str | None] | None:
    words = segment.split()
    name, role = _split_title(words)
    for i in range(len(name) - 2, -1, -1):  # "United Nations Dorothy Shea": the body is part of the role
        prefix = " ".join(name[:i + 1])
        if _BODY_RE.fullmatch(lowered(prefix)) or _COUNTRIES_RE.fullmatch(prefix) or \
                _bare(name[i]) in _ORG_WORDS or _bare(name[i]) in _FIELD_WORDS or \
                (i <= len(name) - 3 and geocode(prefix) is not None):  # "Mayor of Kharkiv Ihor Terekhov"
            name, role = name[i + 1:], role + name[:i + 1]
            break
    if not name or not all(_is_name_word(w) for w in name) or len(name) > 4:
        return None
    if name[0].lower() in _NOT_NAME_START or any(_bare(w) in _ORG_WORDS or _bare(w) in _PLACE_WORDS
                                                 or _bare(w) in _FIELD_WORDS for w in name):
        return None
    if name[-1].lower().strip(",") in _TITLE_WORDS:  # "Ministry of Defence": a name never ends in a title
        return None
    joined = " ".join(name).strip(",")
    if _COUNTRIES_RE.fullmatch(joined + ".") or joined.upper() == joined:
        return None  # "U.S", "NATO": not a person
    if _BODY_RE.fullmatch(lowered(joined)) or _COUNTRIES_RE.fullmatch(joined) or joined.lower() in _VAGUE:
        return None
    if len(name) == 1 and not role and not joined[0].isupper():
        return None
    if role and role[-1].lower() in _ROLE_BEFORE_PLACE and geocode(joined) is not None:
        return None  # "officials in occupied Nova Kakhovka": a town, where the speakers are
    return joined, (" ".join(role).strip(", ") or None)


@lru_cache(maxsize=65536)
def _read_phrase(phrase: str) -> tuple:
    """What a subject phrase names, as far as the phrase alone tells (cached: subjects repeat):
    ('pronoun',), ('none',), ('group', name), ('person', name, role), ('body', name, alias), ('rest', phrase)."""
    phrase = _clean(phrase)
    if _PRONOUN_RE.match(phrase):
        return ("pronoun", phrase.lower())
    if not phrase or phrase.lower() in _VAGUE or _FIGURE_OR_CLAUSE_RE.search(lowered(phrase)) or \
            _POSSESSIVE_RE.match(phrase):  # "his agency said": the speaker already credited stays the claimant
        return ("none",)
    whole = _BODY_RE.fullmatch(lowered(phrase[4:] if phrase[:4].lower() == "the " else phrase).replace("’", "'"))
    # (a body's whole name after "the" too: "the United Nations High Commissioner for Refugees", no "Refugees")
    if whole is not None:  # "RIA Novosti": a body's name, whatever its words look like
        alias = phrase_key(whole.group())
        return ("body", _BODIES[alias].name, alias)
    group = _GROUP_WORD_RE.search(lowered(phrase))
    countries = list(dict.fromkeys(_COUNTRIES_RE.findall(phrase)))
    if group and len(countries) > 1:
        return ("group", ", ".join(countries[:-1]) + " and " + countries[-1] + " " + group.group(1).lower())
    segments = [s.strip() for s in _SEGMENT_SPLIT_RE.split(phrase) if s.strip()]
    for segment in (segments[0], segments[-1]) if segments else ():
        person = _person_in(segment)
        if person is not None:
            name, role = person
            if role is None and len(segments) > 1:
                role = _clean(segments[1] if segment == segments[0] else segments[0]) or None
            return ("person", name, role)
    bodies, low, at = [], phrase.lower(), 0
    while (body := _BODY_RE.search(low, at)) is not None:  # overlapping: "the UN refugee agency"
        bodies.append(body)
        at = body.start() + 1
    if bodies:
        body = max(bodies, key=lambda b: len(b.group()))  # "UN Human Rights Monitoring Mission", not "UN"
        alias = phrase_key(body.group().replace("’", "'"))
        return ("body", _BODIES[alias].name, alias)
    return ("rest", phrase)


def _claim_from_phrase(phrase: str, start: int, end: int, speakers: _Speakers) -> Claim | None:
    """Read a subject or 'according to' phrase as a claimant."""
    kind, *parts = _read_phrase(phrase)
    if kind == "pronoun":  # "he" is the last person named, "it" the last body, "they" either
        last = speakers.last_person if parts[0] in _PERSON_PRONOUNS else \
            speakers.last_body if parts[0] in _BODY_PRONOUNS else speakers.last
        return last.moved(start, end, "pronoun") if last else None
    if kind == "none":
        return None
    if kind == "group":
        return Claim(parts[0], None, start, end, False)
    if kind == "person":
        name, role = parts
        return Claim(speakers.person(name, role), role, start, end, True)
    if kind == "body":
        named = speakers.by_role.get(parts[1])
        if named is not None and named != parts[0]:  # "the MoD" in a story of Russia's Defence Ministry: that one
            return Claim(named, None, start, end, False)
        agency = speakers.last_body
        if agency is not None and agency.name != parts[0] and registry_side(agency.name) == parts[0] \
                and registry_kind(parts[0]) == "un":  # "UN data" after the OHCHR was credited: the OHCHR's
            return Claim(agency.name, None, start, end, False)
        return Claim(speakers.body(*parts), None, start, end, False)
    return _claim_from_rest(parts[0], start, end, speakers)


def _claim_from_rest(phrase: str, start: int, end: int, speakers: _Speakers) -> Claim | None:
    """A phrase naming no person or known body: a role noun, a title, an unknown organisation."""
    low = phrase.lower()
    if phrase_key(low) in _BOTH_SIDES:  # "both countries confirmed": the two sides of the war
        return Claim(_BOTH_SIDES_NAME, None, start, end, False)
    if _ROLE_RE.match(low):  # "the ministry", "the ministry's statement", "the report"
        for word in low.split()[1:]:
            if _bare(word) in speakers.by_role and _bare(word) not in _ACTOR_OF_WORD:
                name = speakers.by_role[_bare(word)]
                side = _named_side(_ARTICLE_START_RE.sub("", low))
                if side is not None and registry_side(name) not in (None, side):
                    break  # "the Emirati ministry" is no ministry of another country named before
                return Claim(name, None, start, end, name.split()[-1].lower() not in _ORG_WORDS)
        credited = speakers.last_credited or speakers.last  # "the analysis": a document of one credited, not
        if _bare(low.split()[-1]) in _DOCUMENT_WORDS and credited is not None and phrase.split()[-1].islower():
            return credited.moved(start, end)  # of a president the story only mentioned
        noun = low.split()[-1]
        if noun in _TITLE_WORDS and speakers.last_person is not None:  # "the general said": the last person
            named = speakers.titled(noun)  # so called, else the last person named
            return (named or speakers.last_person).moved(start, end)
    member = _MEMBERS_RE.match(phrase)  # "analysts at the Royal Institute": the institute
    if member is not None:
        at = start + member.start(1)
        return _claim_from_phrase(member.group(1), at, at + len(member.group(1)), speakers)
    words = phrase.split()
    if len(words) > 7:
        return None
    name = _ARTICLE_START_RE.sub("", phrase)
    last = name.split()[-1].lower()
    country = geocode(name) if _COUNTRIES_RE.fullmatch(name) else None
    if country is not None and country.kind == "country":  # "the US", "U.S.", "Britain": the country's own name
        return Claim(country.name, None, start, end, False)
    if last in _TITLE_WORDS and last not in _ORG_WORDS:  # "the governor": a person, named if named before
        if last in speakers.by_role:
            return Claim(speakers.by_role[last], name, start, end, True)
        return Claim(name, None, start, end, True)
    if len(words) > 1 and (_bare(last) in _DOCUMENT_WORDS or last in _LEAD_KINDS) and words[-1].islower():
        owner = phrase[:phrase.rstrip().rfind(" ")].rstrip()  # "an AFP analysis"; "the agency's data": the agency
        head, _, link = owner.rpartition(" ")
        if head and link.lower() in _NAME_ENDS_BEFORE:  # "an AFP analysis of data": an AFP analysis
            owner = head
        owner = _unpossessed(owner)
        party = _ACTOR_OF_WORD.get(owner.lower()) if " " not in owner.strip() else None
        if party is not None and geocode(owner.strip()) is None:  # "Russian data": Russia's, not "Russian"
            return Claim(party, None, start, end, False)
        if owner.strip().islower() and " " not in owner.strip():
            return None  # "official figures", "preliminary data": a word that says what kind, not whose
        return _claim_from_rest(owner, start, end, speakers)
    if (_bare(last) in _VAGUE and not _qualified_group(words)) or name.split()[0].lower() in _NOT_NAME_START:
        return None  # "Geolocated footage", "About": a fragment, no one's name
    national = speakers.national_body(phrase_key(name))
    if national is not None:  # "the defence ministry said" in a story of what Russia says
        return Claim(speakers.body(national), None, start, end, False)
    proper = all(_is_name_word(w) or w.lower() in _SUBJECT_WORDS for w in name.split())  # "The Kyiv Independent"
    if any(w.lower() in _ORG_WORDS for w in words) or (proper and name[:1].isupper()) or _COUNTRIES_RE.search(phrase):
        return Claim(speakers.body(name) if words[-1].lower() in _ORG_WORDS else name, None, start, end, False)
    return None


def _seated(country: str, subject: str) -> str:
    """A subject named by the seat it speaks from: 'lawmakers' in Seoul -> 'South Korean lawmakers' (the
    country's adjective, its first demonym), else "Britain's lawmakers"."""
    adjective = _DEMONYMS.get(country, ())
    if adjective and " " not in subject and not adjective[0].endswith(("'s", "’s")):
        return f"{' '.join(w.upper() if '.' in w else w.capitalize() for w in adjective[0].split())} {subject}"
    return f"{country}'s {subject}"


def _seat_country(adverbs: str) -> str | None:
    """The country of the capital (or the country) an 'in X' among the adverbs before a speech verb
    names: 'the defence ministry in Moscow said' speaks for Russia."""
    seat = _SEAT_RE.search(adverbs)
    if seat is None:
        return None
    country = _COUNTRY_OF_CAPITAL.get(seat.group(1))
    if country is None:
        place = geocode(seat.group(1))
        country = place.name if place is not None and place.kind == "country" else None
    return country


def _qualified_group(words: list[str]) -> bool:
    """Whether a phrase is a group of people named by their country ("Ukrainian analysts", "Western
    experts"): a speaker, where the bare group ("analysts") is nobody in particular."""
    return len(words) > 1 and _bare(words[-1].lower()) in _MEMBER_NOUNS and \
        any(_COUNTRIES_RE.fullmatch(word) for word in words[:-1])


def _subject_claim(sentence: Sentence, verb: re.Match, floor: int, speakers: _Speakers) -> Claim | None:
    """The claimant of one speech verb: '<subject> said ...' or '..., said <name>'."""
    text = sentence.text
    floor = max(floor, verb.start() - 240)  # a subject is never longer: keeps the end-anchored scans short
    left = text[floor:verb.start()]
    adverbs = _adverbs_at_end(lowered(left[-60:]))  # end-anchored patterns: scan only the tail
    seat = None
    if adverbs is not None:
        tail = left[-60:]
        seat = _seat_country(tail[adverbs.start():adverbs.end()]) if _SEAT_WORD in adverbs.group() else None
        left = left[:-60] + tail[:adverbs.start()] + tail[adverbs.end():]
    offset = sentence.start + floor
    if left.rstrip().endswith(("”", '"', ",’", ".’", "!’", "?’")):
        inverted = _inverted_claim(sentence, verb, speakers)  # "“We need help,” said Zelensky"
        if inverted is not None:
            return _ruled(inverted, "quote_then_said")
    parties = _party_list(left)
    if parties is not None:  # "Ukraine, the United States and South Korea all said"
        return Claim(parties, None, offset, offset + len(left.rstrip()), False, "parties_said")
    if left.strip() and not _aux_at_end(lowered(left[-30:])):
        if verb.group().endswith("ing") and left.rstrip().endswith(","):
            main = _main_subject_claim(left, offset, speakers)  # "The ministry raised its estimate, saying"
            if main is not None:
                return _ruled(main, "subject_saying")
        if verb.group() in _SPEECH_NOUNS and not _ends_in_speaker_noun(left):
            possessor = _POSSESSOR_RE.search(left[-80:])  # "Moscow's disputed claims that ..."
            if possessor is not None:
                p_start = offset + len(left) - len(left[-80:]) + possessor.start(1)
                claim = _claim_from_phrase(possessor.group(1), p_start, p_start + len(possessor.group(1)), speakers)
                if claim is not None:
                    return _ruled(claim, "possessive_source")
        appositive = _appositive_claim(left, offset, speakers)
        if appositive is not None:
            return _ruled(appositive, "name_role_said")
        start_at, opener = _subject_start(left)
        subject = left[start_at + len(opener):] if start_at >= 0 else left
        if start_at >= 0 and opener == " and " and _COUNTRIES_RE.search(left):
            subject, opener = left, ""  # "U.S., South Korea and Ukraine intelligence": keep the whole list
        last_comma = subject.rstrip().rstrip(",").rfind(",")
        if last_comma >= 0 and not subject.rstrip().endswith(","):
            is_list = (_GROUP_WORD_RE.search(lowered(subject)) and len(_COUNTRIES_RE.findall(subject)) > 1
                       and " and " in subject[last_comma:] and not any(ch.isdecimal() for ch in subject))
            if not is_list:
                subject, opener = subject[last_comma + 1:], ""
        subject = _past_trailing_place(_past_leading_place(_past_leading_date(subject)))
        s_start = offset + left.rfind(subject.strip()) if subject.strip() else offset
        claim = _claim_from_phrase(subject, s_start, s_start + len(subject.strip()), speakers)
        if seat is not None and subject.strip() and (
                claim is None or (not claim.person and registry_side(claim.name) is None)):
            # "officials in Kyiv": Ukraine's officials (a capital for its government); "lawmakers in Seoul"
            # are South Korea's, where bare "lawmakers" are nobody in particular
            seated = _claim_from_phrase(_seated(seat, _ARTICLE_START_RE.sub("", subject.strip())), s_start,
                                        s_start + len(subject.strip()), speakers)
            claim = seated if seated is not None and not seated.person else claim
        if claim is None and _FIGURE_OR_CLAUSE_RE.search(lowered(subject)):
            claim = _trailing_name_claim(subject, s_start, speakers)  # "the 31,000 deaths Zelensky reported"
        if claim is not None:
            claim.opens_clause = opener.strip() in _CLAUSE_OPENERS
            return _ruled(claim, "subject_said")
    return _ruled(_inverted_claim(sentence, verb, speakers), "said_subject")


def _end_words(phrases) -> tuple[frozenset[str], frozenset[str]]:
    """The words that end ``phrases``, and the words before a final '{word}' ('on {word}': 'on'):
    :func:`~analysis.vocabulary.last_words` for phrases that may end in any word."""
    last, before_any = set(), set()
    for phrase in phrases:
        words = phrase.split()
        if words[-1] != "{word}":
            last.add(words[-1])
        elif len(words) > 1 and words[-2] != "{word}":
            before_any.add(words[-2])
        else:
            raise ValueError(f"{phrase!r}: a phrase read at a text's end must end in a word or 'a {{word}}'")
        if words[-1][-1] in "*+":
            raise ValueError(f"{phrase!r}: a phrase read at a text's end cannot end in a word's beginning")
    return frozenset(last), frozenset(before_any)


# The end-anchored patterns are tried only where a text's last words allow a match, which str.rsplit
# and str.endswith tell far faster than re (it tries such a pattern after every space or word start)
_ADVERB_LAST, _ADVERB_BEFORE_ANY = _end_words(_SU.adverbs_before_verb)
_AUX_LAST = last_words(_SU.not_subject_end)


def _adverbs_at_end(low: str) -> re.Match | None:
    """``_ADVERB_END_RE.search(low)``: the adverbs ending a lowered text ("... also previously ")."""
    words = low.rsplit(None, 2)  # each phrase follows a space: the last phrase's words are the last words
    if not words or not (words[-1] in _ADVERB_LAST or (len(words) > 1 and words[-2] in _ADVERB_BEFORE_ANY)):
        return None
    return _ADVERB_END_RE.search(low)


def _aux_at_end(low: str) -> bool:
    """Whether a lowered text ends in a word that ends no subject ("troops who were ")."""
    return low.rstrip().endswith(_AUX_LAST) and _AUX_END_RE.search(low) is not None


def _past_leading_date(subject: str) -> str:
    """'On Tuesday the governor' -> 'the governor': a date opening the clause without a comma is
    no part of its subject (with a comma, the clause's comma already parts them). A bare day or
    month name leads no subject: it may begin a title ("Sunday Times")."""
    low = lowered(subject)
    lead = _BEFORE_LEADING_DATE_RE.match(low)
    end = date_phrase_end(low, lead.end())
    if end is None or not low[end:end + 1].isspace() or not subject[end:].strip():
        return subject
    named = low[lead.end():end].split()[0].rstrip(".") in _DAY_AND_MONTH_NAMES
    return subject if named and not low[:lead.end()].strip() else subject[end:]


def _past_leading_place(subject: str) -> str:
    """'In Kharkiv Oleh Syniehubov' -> 'Oleh Syniehubov', 'Near Pokrovsk a commander' -> 'a commander':
    a place opening the clause after a preposition, without a comma, is no part of its subject. The
    place is the longest run of (at most three) capitalised words the gazetteer knows; the subject
    must go on after it."""
    words = subject.split()
    if len(words) < 3 or words[0].lower() not in _BEFORE_PLACE or not words[1][:1].isupper():
        return subject
    for n in range(min(3, len(words) - 2), 0, -1):
        if all(w[:1].isupper() for w in words[1:n + 1]) and geocode(" ".join(words[1:n + 1])) is not None:
            return subject[subject.find(words[n + 1], subject.find(words[n]) + len(words[n])):]
    return subject


def _past_trailing_place(subject: str) -> str:
    """'Russian-installed officials in occupied Nova Kakhovka' -> 'Russian-installed officials': a place
    closing the subject after a preposition is where the speakers are, no part of their name (the place
    is at most three capitalised words the gazetteer knows)."""
    words = subject.split()
    for i in range(len(words) - 2, 0, -1):
        if words[i].lower() not in _BEFORE_PLACE:
            continue
        rest = words[i + 1:]
        while rest and rest[0].lower() in _PLACE_MODIFIERS:
            rest = rest[1:]
        if 0 < len(rest) <= 3 and all(w[:1].isupper() for w in rest) and geocode(" ".join(rest)) is not None:
            return subject[:subject.rfind(f" {words[i]} ", 0, len(subject) - len(" ".join(rest)))]
        return subject
    return subject


def _subject_start(left: str) -> tuple[int, str]:
    """Where a speech verb's subject begins in the text before it: after the last clause opener
    ("; ", " that ", " while ", " after "...) that leaves some words before the verb ("as saying": not "as")."""
    best, opener = -1, ""
    for token in _SUBJECT_STARTS:
        at = left.rfind(token)
        if at >= 0 and not left[at + len(token):].strip():
            at = left.rfind(token, 0, at)
        if at > best:
            best, opener = at, token
    return best, opener


def _main_subject_claim(left: str, offset: int, speakers: _Speakers) -> Claim | None:
    """The subject of the main clause before ', saying': the names and titles that open it
    ('Acting Mayor Olena Hrytsenko visited the site, saying'), past a short opener ('On Monday,')."""
    pos = 0
    for piece in left.split(","):
        words = piece.split()
        taken: list[str] = []
        for word in words[:8]:
            low = word.lower()
            if not (_is_name_word(word) or low in _SUBJECT_WORDS or low in _TITLE_WORDS or _bare(word) in _ORG_WORDS):
                break
            taken.append(word)
        while taken and taken[-1].lower() in _SUBJECT_WORDS:
            taken.pop()
        if taken:
            phrase = " ".join(taken)
            start = offset + pos + piece.find(taken[0])
            claim = _claim_from_phrase(phrase, start, start + len(phrase), speakers)
            if claim is not None:
                return claim
        if len(words) > 3:
            return None  # only a short opener is passed over
        pos += len(piece) + 1
    return None


def _trailing_name_claim(subject: str, start: int, speakers: _Speakers) -> Claim | None:
    """The name that ends a longer phrase, right before its verb: 'the 31,000 deaths Zelensky' -> Zelensky
    (a figure the speaker reported), when the phrase names a person or a known body there."""
    trailing = _TRAILING_NAME_RE.search(subject)
    if trailing is None:
        return None
    kind = _read_phrase(trailing.group(1))[0]
    if kind not in ("person", "body"):
        return None
    at = start + subject.strip().rfind(trailing.group(1).strip())
    return _claim_from_phrase(trailing.group(1), at, at + len(trailing.group(1)), speakers)


def _party_list(left: str) -> str | None:
    """'Last fall, Ukraine, the United States and South Korea all' -> 'Ukraine, United States and South Korea'."""
    if " and " not in left or len(_COUNTRIES_RE.findall(left)) < 2:
        return None
    phrase = (left[:-40] + _LIST_TAIL_RE.sub("", left[-40:])).strip().rstrip(",")
    if _GROUP_WORD_RE.search(lowered(phrase)):
        return None  # "intelligence from the U.S., ...": a group, named by _claim_from_phrase
    pieces = [p.strip() for p in _LIST_SPLIT_RE.split(phrase) if p.strip()]
    while pieces and not _COUNTRIES_RE.search(pieces[0]) and len(pieces[0].split()) <= 3:
        pieces = pieces[1:]  # a leading adverbial: "Last fall"
    names = [_THE_START_RE.sub("", p) for p in pieces]
    if len(names) < 2 or not all(_COUNTRIES_RE.fullmatch(n) for n in names):
        return None
    return ", ".join(names[:-1]) + " and " + names[-1]


def _appositive_claim(left: str, offset: int, speakers: _Speakers) -> Claim | None:
    """'..., Artyom Sharov, deputy spokesman for the Emergencies Ministry, told': the name before the role."""
    if not left.rstrip().endswith(","):
        return None
    segments = [seg for seg in _COMMA_SPLIT_RE.split(left.rstrip().rstrip(",")) if seg.strip()]
    if len(segments) < 2:
        return None
    if not segments[-1].strip()[:1].islower():  # "the acting governor of the region, Ivan Petrenko, said"
        person = _person_in(segments[-1].strip())
        role = _clean(segments[-2])
        if person is None or not any(w.strip(",") in _TITLE_WORDS for w in role.lower().split()):
            return None
        start = offset + left.rfind(segments[-1])
        return Claim(speakers.person(person[0], role), role, start, offset + len(left.rstrip()), True)
    at = len(segments) - 2  # "Mediazona, an independent outlet, working with BBC Russia, has": past the lower-case
    while at > 0 and segments[at].strip()[:1].islower():  # descriptions to the name that opens them
        at -= 1
    start = offset + left.rfind(segments[at])
    person = _person_in(segments[at].strip())
    if person is None:  # "DeepState, a monitoring project with ties to Ukraine's military, said"
        named = _claim_from_phrase(segments[at], start, start + len(segments[at]), speakers)
        return named if named is not None and not named.person else None
    role = _clean(segments[at + 1])
    return Claim(speakers.person(person[0], role), role, start, offset + len(left.rstrip()), True)


def _inverted_claim(sentence: Sentence, verb: re.Match, speakers: _Speakers) -> Claim | None:
    """'..., said Ivan Fedorov, the governor.'"""
    text = sentence.text
    if not text[:verb.start()].rstrip().endswith((",", "”", '"', "’")):
        return None
    after = _NAME_AFTER_RE.match(text[verb.end():verb.end() + 120])
    if after is None:
        return None
    start = sentence.start + verb.end() + after.start(1)
    return _claim_from_phrase(after.group(1), start, start + len(after.group(1)), speakers)


def _source_phrase(rest: str) -> str:
    """The X of 'according to X' that opens ``rest``: up to its first end (a comma, a stop, 'who'...),
    past the full stop of an abbreviation ('U.S. officials', 'Lt. Gen. Ivan Petrenko')."""
    at = 0
    while (found := _SOURCE_END_RE.search(rest, at)) is not None:
        if rest[found.start()] != "." or not is_abbreviation(rest[max(0, found.start() - 12):found.start() + 1]):
            return rest[:found.start()]
        at = found.end()
    return rest


def _according_claim(sentence: Sentence, end: int, speakers: _Speakers) -> Claim | None:
    """'according to X': ``end`` is where the phrase ends in the sentence."""
    rest = sentence.text[end:end + 160]
    source = _source_phrase(rest)
    apposed = _APPOSED_NAME_RE.match(rest, len(source))  # "according to the regional head, Ivan Petrenko,"
    phrase = _SOURCE_TAIL_RE.sub("", source)
    lead = _SOURCE_LEAD_RE.match(phrase)  # "an AFP tally of data from X": X
    skip = lead.end() if lead is not None else 0
    by = _SOURCE_BY_RE.search(phrase, skip)  # "geolocated footage reviewed by X": X
    if by is not None and lead is not None and _names_outlet(phrase[by.end():], speakers.outlets):
        phrase, by = phrase[:by.start()].rstrip(), None  # "data from the ISW analysed by AFP" in AFP's story
    skip = by.end() if by is not None else skip
    phrase = phrase[skip:]
    start = sentence.start + end + skip
    if apposed is not None and any(w.strip(",") in _TITLE_WORDS for w in phrase.lower().split()):
        person = _person_in(apposed.group(1))
        if person is not None:
            return Claim(speakers.person(person[0], _clean(phrase)), _clean(phrase), start,
                         sentence.start + end + apposed.end(1), True, "according_to")
    claim = _claim_from_phrase(phrase, start, start + len(phrase), speakers)
    if claim is None and by is None:  # "figures published by X on Monday": the tail was cut before its "by"
        by = _SOURCE_BY_RE.search(source)
        if by is not None:
            phrase = _SOURCE_TAIL_RE.sub("", source[by.end():])
            start = sentence.start + end + by.end()
            claim = _claim_from_phrase(phrase, start, start + len(phrase), speakers)
    return _ruled(claim, "according_to")


_HEADLINE = _A.headlines
_HEADLINE_NOT_SOURCES = frozenset(_HEADLINE.not_sources)
_HEADLINE_OUTLETS = frozenset(_HEADLINE.outlets)
_HEADLINE_LOWERCASE = frozenset(_HEADLINE.lowercase_words)
_HEADLINE_LABEL_RE = re.compile(r"^\s*([^\s:][^:\n]*?):\s+\S")  # "Zelensky: Russia has lost ..."
_HEADLINE_TAIL_RE = re.compile(r"\s[—–-]{1,2}\s*([^—–\-\n]+?)\s*$")  # "... in past day — MoD"
_SENTENCE_ENDS = (".", "!", "?", "”", '"', "’", "…")


def _headline_claim(sentence: Sentence, speakers: _Speakers) -> Claim | None:
    """The source a headline credits by a label before a colon ("Zelensky: ...", ``headline_label``) or
    a name after a dash ("... — police", ``headline_source``). A headline is a line with no full stop."""
    text = sentence.text.rstrip()
    if not text or text.endswith(_SENTENCE_ENDS):
        return None
    for pattern, rule in ((_HEADLINE_LABEL_RE, "headline_label"), (_HEADLINE_TAIL_RE, "headline_source")):
        found = pattern.search(text)
        if found is None or not _names_a_source(found.group(1), label=rule == "headline_label"):
            continue
        if rule == "headline_source" and found.group(1).lower() in _HEADLINE_OUTLETS:
            continue  # "... - Reuters": where the headline ran, not its source
        start = sentence.start + found.start(1)
        claim = _claim_from_phrase(found.group(1), start, start + len(found.group(1)), speakers)
        if claim is not None:
            claim.rule = rule
            return claim
    return None


def _names_a_source(phrase: str, *, label: bool) -> bool:
    """Whether a headline's label or dash tail names a person or body, not a place or a kind of story
    ("Kharkiv: ...", "Breaking: ...", "... - live updates")."""
    words = phrase.split()
    if not words or len(words) > _HEADLINE.longest or any(map(str.isdigit, phrase)) or \
            (label and not phrase[0].isupper()) or phrase.lower() in _HEADLINE_NOT_SOURCES:
        return False
    for word in words:
        bare = _bare(word.lower())
        if word[0].islower() and not (bare in _TITLE_WORDS or bare in _ORG_WORDS or bare in _HEADLINE_LOWERCASE):
            return False  # "Russian attack on Zaporizhzhia: ...": what happened, not who says so
    kind = _read_phrase(phrase)[0]
    if kind in ("person", "body", "group"):
        return kind != "person" or geocode(phrase) is None
    last = _bare(words[-1].lower())
    return kind == "rest" and (last in _TITLE_WORDS or last in _ORG_WORDS)


def _ends_in_speaker_noun(left: str) -> bool:
    """Whether the words before a speech word end in a body's or a person's noun: then the word is the
    verb of that subject ("South Korea's spy agency estimates that"), not a noun ("Moscow's claims that")."""
    words = left.split()
    return bool(words) and (_bare(words[-1].lower()) in _ORG_WORDS or _bare(words[-1].lower()) in _TITLE_WORDS)


def _is_town_or_region(name: str) -> bool:
    """Whether a claimant's name is a town or region of the gazetteer (not a country, not a registered body)."""
    place = geocode(name)
    return place is not None and place.kind != "country" and registry_kind(name) is None


def _ruled(claim: Claim | None, rule: str) -> Claim | None:
    """The claim, named for the rule that found it; a pronoun's claim says so ("he said")."""
    if claim is None:
        return None
    claim.rule = rule if claim.rule != "pronoun" else f"pronoun_{rule}"
    return claim


def _mentions_by_sentence(text: str, sentences: list[Sentence]) -> list[tuple[list, list, list, list[int]]]:
    """The titled names, 'Name, title' pairs, bodies and 'according to' phrases (where each ends,
    counted from its sentence's start) of each sentence, found in one pass over the text."""
    low = lowered(text)
    scans = (word_starts(_TITLED_NAME_RE, text), _NAME_THEN_TITLE_RE.finditer(text), _BODY_RE.finditer(low),
             word_starts(_ACCORDING_RE, low))
    titled, name_then_title, bodies, according = (group_by_sentence(matches, sentences, span=re.Match.span)
                                                  for matches in scans)
    according = [[match.end() - sentence.start for match in found] if found else found
                 for found, sentence in zip(according, sentences, strict=True)]
    return list(zip(titled, name_then_title, bodies, according, strict=True))


def _register_mentions(mentions: tuple[list, list, list, list[int]], speakers: _Speakers) -> None:
    """Learn the people and bodies a sentence names, so later pronouns and role nouns resolve to them."""
    titled, name_then_title, bodies, _ = mentions
    for match in titled:
        person = _person_in(match.group())
        if person is not None:
            name = speakers.person(*person)
            speakers.remember(Claim(name, person[1], 0, 0, True))
    for match in name_then_title:  # "Oleksandr Syrskyi, Commander-in-Chief of ..."
        person = _person_in(match.group(1))
        if person is not None:
            speakers.person(person[0], match.group(2))
    for body in bodies:
        alias = phrase_key(body.group().replace("’", "'"))
        name = _BODIES[alias].name
        if speakers.by_role.get(alias, name) != name:
            continue  # "the MoD" after Russia's Defence Ministry is that ministry (see _claim_from_phrase)
        if _bare(alias.split()[-1]) in _ORG_WORDS or _body_roles(name, alias):  # "UNHCR": "the agency" later
            speakers.body(name, alias)


_PARTICIPLES = frozenset(_SP.participles_after_documents)
_AFTER_DOCUMENT_RE = re.compile(rf"\b{_words(_A.documents.words)}\s+$")  # lowered: "a video posted"


def _no_speech(verb: re.Match, low: str) -> bool:
    """Whether a speech word is no speech here: a noun ("the report", "its estimates"), or a verb in
    another sense ("adds to the pressure", "released 20 captives", "claimed the lives of six",
    "registered as refugees")."""
    word = verb.group()
    after = _NOT_SPEECH_AFTER.get(word)
    return bool(word in _PHRASE_ONLY
                or (word in _SPEECH_NOUNS and _DETERMINER_END_RE.search(low, max(0, verb.start() - 20), verb.start()))
                or (word in _PARTICIPLES and _AFTER_DOCUMENT_RE.search(low, max(0, verb.start() - 24), verb.start()))
                or (after is not None and after.match(low, verb.end())))


def _document_before(low: str, at: int) -> bool:
    """Whether the clause before ``at`` (on lowered text) names a document: "a report by the IOM found"."""
    clause = low[max(0, at - 80):at]
    return any(_bare(word) in _DOCUMENT_WORDS or word in _LEAD_KINDS for word in clause[clause.rfind(",") + 1:].split())


def sentence_claims(sentence: Sentence, speakers: _Speakers, mentions: tuple | None = None) -> list[Claim]:
    """Every attribution in one sentence, in order of position."""
    if mentions is None:  # (only the matched words are read, so offsets within the sentence do)
        mentions = _mentions_by_sentence(sentence.text, [Sentence(0, 0, len(sentence.text), sentence.text)])[0]
    _register_mentions(mentions, speakers)
    claims: list[Claim] = []
    low = lowered(sentence.text)
    back = _BACK_RE.match(low)  # "This was stated by X": credits what came before
    if back is not None:
        claim = _according_claim(sentence, back.end(), speakers)
        if claim is not None:
            claim.rule, claim.back = "back_reference", 2
            claims.append(claim)
    relayed: list[Claim] = []  # the sources a "citing" names
    for end in mentions[3]:
        claim = _according_claim(sentence, end, speakers)
        if claim is not None:
            claims.append(claim)
            if low[:end].rstrip().endswith(_RELAYS):
                relayed.append(claim)
    floor = 0
    for verb in _VERB_RE.finditer(sentence.text):
        if _no_speech(verb, low):
            continue
        if claims and any(c.start <= sentence.start + verb.start() < c.end for c in claims):
            continue  # "according to Pentagon estimates": a noun inside the source named
        if verb.group() in _DOCUMENT_SUBJECT_VERBS and not _document_before(low, verb.start()):
            continue  # "troops found 40 bodies": no one's finding reported
        claim = _subject_claim(sentence, verb, floor, speakers)
        floor = verb.end()
        if claim is not None and verb.group() in _PLACE_SUBJECT_VERBS and _is_town_or_region(claim.name):
            claim = None  # "Kharkiv recorded 16 injuries": where they happened, not who says so
        if claim is not None:
            if _BACK_OBJECT_RE.match(low, verb.end()):
                claim.back = 2  # "Syrskyi said this on Telegram"
            elif claim.rule in _CLOSING_RULES:
                claim.back = _closing(sentence, claim)
            claims.append(claim)
            speakers.remember(claim)  # "HRMMU said it verified": "it" is the subject just named
    for verb in _PUT_AT_RE.finditer(sentence.text) if _PUT_AT in sentence.text else ():  # "put Russia's losses at"
        claim = _subject_claim(sentence, verb, 0, speakers)
        if claim is not None:
            claim.rule = "put_at"
            claims.append(claim)
    if not claims:
        claim = _headline_claim(sentence, speakers)
        if claim is not None:
            claims.append(claim)
    for claim in relayed:  # "a South Korean lawmaker said, citing the country's spy agency": the speaker's
        national = speakers.national_body(phrase_key(claim.name))  # country is known only now
        if national is not None:
            claim.name = speakers.body(national)
    if relayed:  # "Ukrainska Pravda reported that ..., citing the air force": the air force; so too a
        # speaker right after a fronted relay ("Citing the NIS, Lee said that ...")
        claims = [c for c in claims if c in relayed or c.rule.removeprefix("pronoun_") not in _RELAYING_RULES
                  or (c.start > relayed[0].start and not _right_after(sentence, relayed, c))]
    if speakers.outlets and claims:
        claims = [c for c in claims if not _is_outlet(c, sentence, speakers.outlets)]
    if len(claims) > 1:
        claims = _past_relaying_outlets(claims)
    if len(claims) < 2:
        for claim in claims:
            speakers.remember(claim)
        return claims
    claims.sort(key=lambda c: (c.start, -c.end))
    claims = [c for i, c in enumerate(claims)  # "assessments from the U.S., ..." inside a longer subject
              if not any(o.start <= c.start and c.end <= o.end and o is not c and (o.start, o.end) != (c.start, c.end)
                         for o in claims[:i])]
    for claim in reversed(claims):  # the sentence's first claimant is its subject: pronouns point there
        speakers.remember(claim)
    return claims


def _past_relaying_outlets(claims: list[Claim]) -> list[Claim]:
    """A news outlet credited after another source relays it: "officials said ..., the New York Times
    reported" is the officials' claim (the innermost source the text credits). One credited first tells
    its own figures ("According to the Guardian, ..., while Ukraine reported 340")."""
    first = min((c.start for c in claims if registry_kind(c.name) != "media"), default=None)
    if first is None:
        return claims
    return [c for c in claims if c.start < first or registry_kind(c.name) != "media"]


def _right_after(sentence: Sentence, relayed: list[Claim], claim: Claim) -> bool:
    """Whether a claim follows a relayed source with only a comma between them ("Citing the NIS, Lee")."""
    return any(0 <= claim.start - r.end <= 3 and not sentence.text[r.end - sentence.start:claim.start - sentence.start]
               .strip(" ,") for r in relayed)


def _closing(sentence: Sentence, claim: Claim) -> int:
    """1 when the attribution closes its sentence after a comma or a quote ("..., Syrskyi said."): the
    statement it closes may have begun in the sentences before; else 0."""
    head = sentence.text[:claim.start - sentence.start].rstrip()
    if claim.rule == "said_subject":  # "..., said President Zelensky": the verb sits before the name
        head = head[:head.rfind(" ")].rstrip() if " " in head else ""
    tail = sentence.text[claim.end - sentence.start:]
    if len(head) < 20 or not head.endswith((",", "”", "’", '"')) or len(tail) > 40 or any(map(str.isdigit, tail)):
        return 0
    return 1 if _ANAPHORA_RE.search(lowered(head)) else 0  # "..., so they bring in more, X said": it goes on


def outlet_names(source: str | None) -> frozenset[str]:
    """The names an article's outlet goes by, read from its source header: 'The Moscow Times (AFP)' ->
    moscow times, afp; 'Ukrainian News Agency (ukranews.com)' -> ..., ukranews.com, ukranews.

    >>> sorted(outlet_names("Dayton Daily News (AP)"))
    ['ap', 'dayton daily news', 'ddn']
    """
    names: set[str] = set()
    for part in _OUTLET_LINKS_RE.split((source or "").lower()):
        part = part.strip().removeprefix("the ").strip()
        if len(part) < 2:
            continue
        names.add(part)
        if "." in part and " " not in part:
            names.add(part.split(".")[0])  # a web address: its name
        if len(part.split()) > 1:
            names.add("".join(word[0] for word in part.split()))  # "associated press": ap
    return frozenset(names)


def _names_outlet(phrase: str, outlets: frozenset[str]) -> bool:
    """Whether a phrase names the article's own outlet ("AFP", "the Kyiv Independent")."""
    return bool(outlets) and _clean(phrase).lower().removeprefix("the ") in outlets


def _is_outlet(claim: Claim, sentence: Sentence, outlets: frozenset[str]) -> bool:
    """Whether a claim is the article's own outlet speaking ("Ukrinform correspondent reports" in
    Ukrinform's story); an outlet's named analysis or count ("an AFP analysis") stays a source, and so
    does a body that publishes its own report ("UNHCR estimates" in a UNHCR update)."""
    name = claim.name.lower().removeprefix("the ")
    if name not in outlets and " ".join(_STAFF_RE.sub(" ", name).split()) not in outlets:
        return False  # (most claimants are no outlet: the words of the phrase need no reading)
    if registry_kind(claim.name) not in (None, "media"):
        return False  # a UN agency's or a ministry's own report names it as the source of its counts
    phrase = lowered(sentence.text[max(0, claim.start - sentence.start):claim.end - sentence.start])
    return not any(_bare(word) in _DOCUMENT_WORDS or word in _LEAD_KINDS for word in phrase.split())


def claims_by_sentence(text: str, sentences: list[Sentence], *,
                       needed: set[int] | None = None, source: str | None = None) -> list[list[Claim]]:
    """The attributions of each sentence.

    A sentence without its own takes the speaker of the quote it sits in, else the speaker of the
    paragraph's previous sentence (wire copy reports one statement over several sentences).
    With ``needed`` (the indices of the sentences whose claimants matter, e.g. those with figures),
    attributions are read only where they can reach those sentences; the others only teach the
    names and bodies they mention. The result for the needed sentences is the same.
    """
    speakers = _Speakers(outlet_names(source))
    quotes = _quote_groups(sentences, text)
    reach = set(range(len(sentences))) if needed is None else _reach(text, sentences, needed, quotes)
    last_needed = max(reach, default=-1)
    mentions = _mentions_by_sentence(text, sentences)
    result = []
    for k, sentence in enumerate(sentences):
        if k in reach:
            result.append(sentence_claims(sentence, speakers, mentions[k]))
        else:
            if k <= last_needed + 2:  # past that, a name taught ("X, Commander-in-Chief, ...") reaches no figure
                _register_mentions(mentions[k], speakers)
            result.append([])
    result = [[_named(claim, speakers) for claim in claims] if claims else claims for claims in result]
    _carry_quotes(sentences, result, quotes, text)
    _carry_back(text, sentences, result)
    _carry_paragraphs(text, sentences, result)
    _carry_report(text, sentences, result, reach)
    return result


def _new_paragraph(text: str, sentences: list[Sentence], k: int) -> bool:
    """Whether sentence k opens a paragraph."""
    return k == 0 or "\n" in text[sentences[k - 1].end:sentences[k].start]


def _carry_back(text: str, sentences: list[Sentence], result: list[list[Claim]]) -> None:
    """A statement credited at its end ("..., Syrskyi said.") or by a sentence pointing back ("This was
    stated by ...") is the speaker's from the start of its paragraph (and, pointing back from a
    paragraph's opening, the paragraph before): its unattributed sentences are credited to it."""
    for k, claims in enumerate(result):
        claim = next((c for c in claims if c.back), None)
        if claim is None:
            continue
        run, j = [], k
        while not _new_paragraph(text, sentences, j) and not result[j - 1]:
            j -= 1
            run.append(j)
        if not _new_paragraph(text, sentences, j):
            continue  # the paragraph credits someone before: its statement goes on (paragraph_speaker)
        if claim.back == 2 and j == k and j > 0:  # a paragraph of its own, pointing back to the one before
            before = [j - 1]
            while not _new_paragraph(text, sentences, before[-1]):
                before.append(before[-1] - 1)
            if not any(result[i] for i in before):
                run += before
        for j in run:
            if not _VAGUE_SOURCE_RE.match(sentences[j].text):
                result[j] = [claim.moved(claim.start, claim.end, "statement_after")]


def _lede_length(text: str, sentences: list[Sentence]) -> int:
    """How many sentences open the story: the first, and the second after a headline (a line with no
    full stop) or in the first's paragraph; a dateline that stands as a sentence of its own ("MOSCOW,
    February 1. /TASS/.") is passed over."""
    datelines = sum(1 for sentence in sentences[:3] if _is_dateline(sentence.text))
    if len(sentences) > 1 and (not _new_paragraph(text, sentences, 1) or not sentences[0].text.rstrip().endswith(
            (".", "!", "?", "”", '"', "’"))):
        return min(len(sentences), 2 + datelines)
    return min(1 + datelines, len(sentences))


def _is_dateline(sentence: str) -> bool:
    """Whether a sentence is a dateline and nothing more."""
    match = DATELINE_RE.match(sentence)
    return match is not None and not sentence[match.end():].strip(" ./")


def _carry_report(text: str, sentences: list[Sentence], result: list[list[Claim]], reach: set[int]) -> None:
    """A story that opens by crediting a body ("the UN monitoring mission said in its monthly report")
    is that body's report: its later unattributed sentences are credited to the body last named."""
    lede = next((claims[0] for k, claims in enumerate(result[:_lede_length(text, sentences)]) if claims), None)
    if lede is None or lede.person:
        return
    body = lede
    for k, sentence in enumerate(sentences):
        if result[k]:
            body = next((c for c in reversed(result[k]) if not c.person), body)
        elif k in reach and not _VAGUE_SOURCE_RE.match(sentence.text):
            result[k] = [body.carried("story_source")]


def _named(claim: Claim, speakers: _Speakers) -> Claim:
    """'..., the Commander-in-Chief said.' ... 'Oleksandr Syrskyi, Commander-in-Chief, ...': a role
    named before the person is resolved once the article has named them."""
    role = claim.name.removeprefix("the ")
    words = role.lower().split()  # "Commander-in-Chief", "the acting mayor", "Kharkiv governor"
    if len(words) > 1 and words[0] in _ACTOR_OF_WORD and words[0].endswith(("'s", "’s")):
        words = words[1:]  # "Ukraine's interior minister": the country's, named later
    if claim.person and 0 < len(words) <= 2 and words[-1] in _TITLE_WORDS and words[-1] in speakers.by_role:
        return replace(claim, name=speakers.by_role[words[-1]], role=role)
    return claim


def _reach(text: str, sentences: list[Sentence], needed: set[int], quotes: list[list[int]]) -> set[int]:
    """The sentences whose attributions can reach the needed ones: the paragraph up to each (carried
    statements), the sentence before it (pronouns), and whole quotes with the sentence after them."""
    reach: set[int] = set(range(_lede_length(text, sentences)))  # the lede: a story may be its source's report
    for k in sorted(needed):
        j = k
        while j > 0 and j - 1 not in reach and "\n" not in text[sentences[j - 1].end:sentences[j].start]:
            j -= 1
        reach.update(range(max(0, j - 1), k + 1))
        j = k + 1  # and after it: its paragraph's closing attribution, the next one's "This was stated by"
        while j < len(sentences) and j - k <= _BACK_REACH:
            reach.add(j)
            if _new_paragraph(text, sentences, j):
                break
            j += 1
    for group in quotes:
        if reach.intersection(group):
            reach.update(group)
            reach.add(min(group[-1] + 1, len(sentences) - 1))
    return reach


def _quote_groups(sentences: list[Sentence], text: str | None = None) -> list[list[int]]:
    """Runs of sentences inside one quotation (a quote may run over several sentences). With the
    ``text``, a quote that closes without opening ("..., there is none,’ said X") opened its paragraph."""
    groups, depth, members = [], 0, []
    for k, sentence in enumerate(sentences):
        opens, closes = sentence.text.count(_OPEN_QUOTES), sentence.text.count(_CLOSE_QUOTES)
        if "’" in sentence.text or "‘" in sentence.text:  # single quotes: ’ closes after a stop, else an apostrophe
            opens, closes = opens + sentence.text.count("‘"), closes + len(_SINGLE_CLOSE_RE.findall(sentence.text))
        if not opens and not closes and sentence.text.count('"') % 2 == 1:
            opens, closes = (1, 0) if depth == 0 else (0, 1)
        if depth == 0 and closes > opens and text is not None and not _new_paragraph(text, sentences, k):
            j, lo = k, groups[-1][-1] + 1 if groups else 0  # the quote opened where its paragraph did
            while j > lo and not _new_paragraph(text, sentences, j):
                j -= 1
            members = list(range(j, k))
        if depth > 0 or opens or members:
            members.append(k)
        depth = max(0, depth + opens - closes)
        if depth == 0 and members:
            groups.append(members)
            members = []
    if members:
        groups.append(members)
    return groups


def _carry_quotes(sentences: list[Sentence], result: list[list[Claim]], quotes: list[list[int]],
                  text: str | None = None) -> None:
    """A quote that runs over several sentences belongs to whoever is credited with it; with the
    ``text``, a paragraph that is a quote credited to no one, right after a paragraph that ends with a
    credited quote, goes on with that speaker (the quote runs over paragraphs)."""
    before: tuple[int, Claim] | None = None  # the last sentence of the quote before, and its owner
    for members in quotes:
        owner = next((result[j][-1] for j in reversed(members) if result[j]), None)
        if owner is None and members[-1] + 1 < len(sentences) and result[members[-1] + 1]:
            owner = result[members[-1] + 1][0]
        if owner is None and text is not None and before is not None and before[0] == members[0] - 1 \
                and _new_paragraph(text, sentences, members[0]):
            owner = before[1]
        for j in members:
            if not result[j] and owner is not None:
                result[j] = [owner.carried("quote_speaker")]
        before = (members[-1], owner) if owner is not None else None


def _carry_paragraphs(text: str, sentences: list[Sentence], result: list[list[Claim]]) -> None:
    """The rest of a paragraph continues the statement of its sentence before: its first claimant,
    the speaker ("the agency said, according to lawmakers": the agency)."""
    for k in range(1, len(sentences)):
        if result[k] or not result[k - 1] or "\n" in text[sentences[k - 1].end:sentences[k].start]:
            continue  # (a new paragraph: the outlet's own voice until someone is credited)
        if _VAGUE_SOURCE_RE.match(sentences[k].text):
            continue
        result[k] = [result[k - 1][0].carried("paragraph_speaker")]
