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

from analysis.extract.sentences import Sentence, group_by_sentence
from analysis.vocabulary import VOCABULARY, lowered, phrase_key, phrase_pattern, word_starts

_A = VOCABULARY.attribution
_SP, _SU, _NA, _SO = _A.speech, _A.subjects, _A.names, _A.sources
_BODIES = VOCABULARY.claimants.bodies
_PEOPLE = VOCABULARY.claimants.people
_ACTOR_OF_WORD = VOCABULARY.actors.actor_of_word


def _words(phrases) -> str:
    return f"(?:{phrase_pattern(phrases)})"


_VERB_RE = re.compile(rf"(?<![\w-]){_words(_SP.verbs)}(?![\w-])")
# matched against lowered() text: lower-case patterns without re.I are several times faster
_ACCORDING_RE = re.compile(rf"{_words(_SP.phrases)}\s+")
_BODY_RE = re.compile(  # the registry spells ’ as ': a text may write either
    rf"(?<![\w-]){_words([*_BODIES, *(alias.replace(chr(39), '’') for alias in _BODIES if chr(39) in alias)])}(?![\w-])")
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
_NOT_NAME_START = frozenset(_NA.not_first)
_OPEN_QUOTES, _CLOSE_QUOTES = "“", "”"
# what a text calls a body it has named: "the National Intelligence Service" ... "the agency"
_ROLE_SYNONYMS = _A.organisations.role_synonyms
_FIGURE_OR_CLAUSE_RE = re.compile(
    rf"\d|\b{_words([*VOCABULARY.numbers.words.units, *_SU.clause_words])}\b")
_NAME_TITLES = [title.capitalize() for title in _A.titles_with("opens_name")] + \
    list(_A.titles_with("opens_name_in_lower_case"))
# opens with the titles, not \b: read with word_starts(), which is several times faster on a whole article
_TITLED_NAME_RE = re.compile(
    rf"(?:{phrase_pattern(_NAME_TITLES)})\s+(?:[A-Z][\w.'’-]+\s+){{0,2}}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")
# "Reports indicate that...": the outlet's own voice, which ends a statement carried from before
_VAGUE_SOURCE_RE = re.compile(
    rf"(?:\w+\s+){{0,3}}?{_words(_SU.vague_sources)}\s+(?:\w+\s+)?{_words(_SU.vague_source_verbs)}", re.I)
_ADD_VERBS = frozenset(_SP.add_verbs)
_PHRASE_ONLY = frozenset(_SP.phrase_only)
_NOT_SPEECH_AFTER_RE = re.compile(rf"\s+{_words(_SP.add_not_speech_after)}\b")
_NAME_THEN_TITLE_RE = re.compile(  # "[A-Z](?<!\w[A-Z])" is "\b[A-Z]", but lets re skip to capitals
    r"([A-Z](?<!\w[A-Z])[\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}),\s+(?:the\s+)?((?:[\w-]+\s+){0,3}?"
    rf"(?i:{phrase_pattern(_A.titles_with('follows_name'))})\b)")
_OF_PHRASE_RE = re.compile(rf"\s+{_words(_NA.ends_before)}\s+(?=the\b|[a-z])")
_SEGMENT_SPLIT_RE = re.compile(rf",|\s+{_words(_NA.relative_pronouns)}\s+")
_ARTICLE_START_RE = re.compile(rf"^{_words(_NA.articles)}\s+", re.I)
_LIST_SPLIT_RE = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_THE_START_RE = re.compile(r"^the\s+")
_COMMA_SPLIT_RE = re.compile(r",\s+")
_NAME_AFTER_RE = re.compile(r"\s+((?:the\s+)?[A-Za-z][^,.;:“”\"()]{1,80})")
# "according to X": where X ends, what may trail it, what may lead it ("a tally of ... by")
_SOURCE_END_RE = re.compile(
    rf"[;:()“”\"]|,\s+(?!(?:the\s+)?{_words(_SO.roles_after_comma)}\b)|\.\s|\.$"
    rf"|\s{_words(_SO.end_words)}\s|\s{_words(_SO.end_phrases)}\s"
    rf"|\son\s+(?i:{_words(VOCABULARY.dates.weekdays)})")
_SOURCE_TAIL_RE = re.compile(rf"\s+{_words(_SO.tail_words)}\b.*$")
_SOURCE_LEAD_RE = re.compile(rf"^(?:an?\s+\w+\s+{_words(_A.documents.lead_kinds)}\s+"
                             rf"(?:of\s+[\w\s]+?\s+)?{_words(_A.documents.lead_links)}\s+)", re.I)
_SUBJECT_STARTS = _SU.subject_starts
_LIST_TAIL_RE = re.compile(rf"\s+{_words(_SU.list_tails)}\s*$")
_DOCUMENT_WORDS = frozenset(_A.documents.words)
_DETERMINER_END_RE = re.compile(rf"\b{_words(_SP.determiners_before_noun)}\s+$")  # lowered
_PUT_AT = _SP.put_at[0]
_PUT_AT_RE = re.compile(
    rf"\b{_words(_SP.put_at)}\b(?=[^.;]{{0,80}}?\b{re.escape(_SP.put_at_link)}\s+(?:[a-z]+\s+){{0,3}}?\d)")


# The names of the rules that find a figure's claimant (the ``rules`` column's ``claimant=``): in the
# sentence, "according to X", "X said", "..., said X", "X, a spokesman for Y, said", "A, B and C said",
# "X put the losses at"; carried from elsewhere, the speaker of the quote it is in, of the paragraph's
# sentence before, or the body whose report the story is. A pronoun for the last speaker prefixes the
# rule with "pronoun_" ("he said": pronoun_subject_said).
CLAIMANT_RULES = ("according_to", "subject_said", "quote_then_said", "said_subject", "name_role_said",
                  "parties_said", "put_at", "quote_speaker", "paragraph_speaker", "story_source")


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


class _Speakers:
    """Who has been named so far in an article: to resolve surnames, pronouns and role nouns."""

    def __init__(self, outlets: frozenset[str] = frozenset()) -> None:
        self.by_surname: dict[str, str] = {}  # 'Syrskyi' and its spelling key 'sirski' -> 'Oleksandr Syrskyi'
        self.by_role: dict[str, str] = {}  # 'governor' -> 'Ivan Fedorov', 'ministry' -> 'Russian Defence Ministry'
        self.last: Claim | None = None
        self.last_person: Claim | None = None
        self.last_body: Claim | None = None
        self.roles: dict[str, str] = {}  # 'Ivan Fedorov' -> 'regional governor': what the text called them
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
                    if word in _TITLE_WORDS and word not in _NOT_ROLE_NOUNS:
                        self.by_role[word] = name
        return name

    def body(self, name: str, alias: str = "") -> str:
        for role in _body_roles(name, alias):
            self.by_role[role] = name
        self.by_role.setdefault(name.lower().split()[-1], name)
        return name

    def remember(self, claim: Claim) -> None:
        self.last = claim
        if claim.person:
            self.last_person = claim
        else:
            self.last_body = claim


@lru_cache(maxsize=4096)
def _body_roles(name: str, alias: str) -> tuple[str, ...]:
    """The nouns a text may later use for a body: 'Russian Defence Ministry' -> ('ministry', 'department')."""
    roles: list[str] = []
    for word in f"{name} {alias}".lower().split():
        if _bare(word) in _ORG_WORDS:
            roles += [_bare(word), *_ROLE_SYNONYMS.get(_bare(word), ())]
    return tuple(roles)


@lru_cache(maxsize=65536)
def _bare(word: str) -> str:
    """'Ministry's' -> 'ministry'."""
    word = word.lower().strip(",.;:")
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _clean(phrase: str) -> str:
    return " ".join(phrase.split()).strip(" ,;:.\"“”'’()-—–")


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() or word.lower() in _NAME_PARTICLES


def _split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """['regional', 'Governor', 'Ivan', 'Fedorov'] -> (['Ivan', 'Fedorov'], ['regional', 'Governor']);
    a demonym is part of the role: 'South Korean MP Lee Sung-kwon'."""
    i = 0
    while i < len(words) - 1 and (words[i].lower().strip(",") in _TITLE_WORDS or not _is_name_word(words[i])
                                  or words[i].endswith(("'s", "’s")) or words[i].lower() in _ORG_WORDS
                                  or words[i].lower() in _ACTOR_OF_WORD
                                  or (words[i] in ("South", "North") and words[i + 1].startswith("Korea"))):
        i += 1
    return words[i:], words[:i]


@lru_cache(maxsize=16384)
def _person_in(segment: str) -> tuple[str, str | None] | None:
    """A person's name (title stripped) ending a phrase: 'Pentagon spokesman Maj. Gen. Pat Ryder'."""
    head, *tail = _OF_PHRASE_RE.split(segment, maxsplit=1)
    found = _person_words(head)
    if found is None and tail:  # "Commander-in-Chief of the Armed Forces of Ukraine Oleksandr Syrskyi"
        found = _person_words(tail[0])
        if found is not None:
            found = (found[0], _clean(segment[:segment.rfind(found[0])]) or None)
    return found


def _person_words(segment: str) -> tuple[str, str | None] | None:
    words = segment.split()
    name, role = _split_title(words)
    for i in range(len(name) - 2, -1, -1):  # "United Nations Dorothy Shea": the body is part of the role
        prefix = " ".join(name[:i + 1])
        if _BODY_RE.fullmatch(lowered(prefix)) or _COUNTRIES_RE.fullmatch(prefix) or \
                _bare(name[i]) in _ORG_WORDS or _bare(name[i]) in _FIELD_WORDS:
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
    bodies = list(_BODY_RE.finditer(phrase.lower()))
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
        return replace(last, start=start, end=end, rule="pronoun", back=0, opens_clause=False) if last else None
    if kind == "none":
        return None
    if kind == "group":
        return Claim(parts[0], None, start, end, False)
    if kind == "person":
        name, role = parts
        return Claim(speakers.person(name, role), role, start, end, True)
    if kind == "body":
        return Claim(speakers.body(*parts), None, start, end, False)
    return _claim_from_rest(parts[0], start, end, speakers)


def _claim_from_rest(phrase: str, start: int, end: int, speakers: _Speakers) -> Claim | None:
    """A phrase naming no person or known body: a role noun, a title, an unknown organisation."""
    low = phrase.lower()
    if _ROLE_RE.match(low):  # "the ministry", "the ministry's statement", "the report"
        for word in low.split()[1:]:
            if _bare(word) in speakers.by_role:
                name = speakers.by_role[_bare(word)]
                return Claim(name, None, start, end, name.split()[-1].lower() not in _ORG_WORDS)
        if _bare(low.split()[-1]) in _DOCUMENT_WORDS and speakers.last is not None:
            return replace(speakers.last, start=start, end=end, back=0, opens_clause=False)
        last_person = speakers.last_person
        if low.split()[-1] in _TITLE_WORDS and last_person is not None and \
                low.split()[-1] in speakers.roles.get(last_person.name, ""):
            return replace(last_person, start=start, end=end, back=0, opens_clause=False)  # "the general said"
    words = phrase.split()
    if len(words) > 7:
        return None
    name = _ARTICLE_START_RE.sub("", phrase)
    last = name.split()[-1].lower()
    if last in _TITLE_WORDS:  # "the governor": a person, named if the article named them before
        if last in speakers.by_role:
            return Claim(speakers.by_role[last], name, start, end, True)
        return Claim(name, None, start, end, True)
    if _bare(last) in _VAGUE or name.split()[0].lower() in _NOT_NAME_START:
        return None  # "Geolocated footage", "About": a fragment, no one's name
    if any(w.lower() in _ORG_WORDS for w in words) or words[0][:1].isupper() or _COUNTRIES_RE.search(phrase):
        return Claim(speakers.body(name) if words[-1].lower() in _ORG_WORDS else name, None, start, end, False)
    return None


def _subject_claim(sentence: Sentence, verb: re.Match, floor: int, speakers: _Speakers) -> Claim | None:
    """The claimant of one speech verb: '<subject> said ...' or '..., said <name>'."""
    text = sentence.text
    floor = max(floor, verb.start() - 240)  # a subject is never longer: keeps the end-anchored scans short
    left = text[floor:verb.start()]
    adverbs = _ADVERB_END_RE.search(lowered(left[-60:]))  # end-anchored patterns: scan only the tail
    if adverbs is not None:
        tail = left[-60:]
        left = left[:-60] + tail[:adverbs.start()] + tail[adverbs.end():]
    offset = sentence.start + floor
    if left.rstrip().endswith(("”", '"', ",”", ',"')):
        inverted = _inverted_claim(sentence, verb, speakers)  # "“We need help,” said Zelensky"
        if inverted is not None:
            return _ruled(inverted, "quote_then_said")
    parties = _party_list(left)
    if parties is not None:  # "Ukraine, the United States and South Korea all said"
        return Claim(parties, None, offset, offset + len(left.rstrip()), False, "parties_said")
    if left.strip() and not _AUX_END_RE.search(lowered(left[-30:])):
        appositive = _appositive_claim(left, offset, speakers)
        if appositive is not None:
            return _ruled(appositive, "name_role_said")
        start_at = max(map(left.rfind, _SUBJECT_STARTS))
        subject = left[start_at + 1:] if start_at >= 0 else left
        if start_at >= 0 and left[start_at:].startswith(" and ") and _COUNTRIES_RE.search(left):
            subject = left  # "U.S., South Korea and Ukraine intelligence": keep the whole list
        last_comma = subject.rstrip().rstrip(",").rfind(",")
        if last_comma >= 0 and not subject.rstrip().endswith(","):
            is_list = (_GROUP_WORD_RE.search(lowered(subject)) and len(_COUNTRIES_RE.findall(subject)) > 1
                       and not any(ch.isdecimal() for ch in subject))
            if not is_list:
                subject = subject[last_comma + 1:]
        s_start = offset + left.find(subject.strip()) if subject.strip() else offset
        claim = _claim_from_phrase(subject, s_start, s_start + len(subject.strip()), speakers)
        if claim is not None:
            return _ruled(claim, "subject_said")
    return _ruled(_inverted_claim(sentence, verb, speakers), "said_subject")


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
    if len(segments) < 2 or not segments[-1].strip()[:1].islower():
        return None
    start = offset + left.rfind(segments[-2])
    person = _person_in(segments[-2].strip())
    if person is None:  # "DeepState, a monitoring project with ties to Ukraine's military, said"
        named = _claim_from_phrase(segments[-2], start, start + len(segments[-2]), speakers)
        return named if named is not None and not named.person else None
    role = _clean(segments[-1])
    return Claim(speakers.person(person[0], role), role, start, offset + len(left.rstrip()), True)


def _inverted_claim(sentence: Sentence, verb: re.Match, speakers: _Speakers) -> Claim | None:
    """'..., said Ivan Fedorov, the governor.'"""
    text = sentence.text
    if not text[:verb.start()].rstrip().endswith((",", "”", '"')):
        return None
    after = _NAME_AFTER_RE.match(text[verb.end():verb.end() + 120])
    if after is None:
        return None
    start = sentence.start + verb.end() + after.start(1)
    return _claim_from_phrase(after.group(1), start, start + len(after.group(1)), speakers)


def _according_claim(sentence: Sentence, end: int, speakers: _Speakers) -> Claim | None:
    """'according to X': ``end`` is where the phrase ends in the sentence."""
    rest = sentence.text[end:end + 160]
    phrase = _SOURCE_END_RE.split(rest, maxsplit=1)[0]
    phrase = _SOURCE_TAIL_RE.sub("", phrase)
    phrase = _SOURCE_LEAD_RE.sub("", phrase)
    start = sentence.start + end
    return _ruled(_claim_from_phrase(phrase, start, start + len(phrase), speakers), "according_to")


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


def _register_mentions(mentions: tuple[list, list, list], speakers: _Speakers) -> None:
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
        if _bare(alias.split()[-1]) in _ORG_WORDS:
            speakers.body(_BODIES[alias].name, alias)


def sentence_claims(sentence: Sentence, speakers: _Speakers, mentions: tuple | None = None) -> list[Claim]:
    """Every attribution in one sentence, in order of position."""
    if mentions is None:  # (only the matched words are read, so offsets within the sentence do)
        mentions = _mentions_by_sentence(sentence.text, [Sentence(0, 0, len(sentence.text), sentence.text)])[0]
    _register_mentions(mentions, speakers)
    claims: list[Claim] = []
    for end in mentions[3]:
        claim = _according_claim(sentence, end, speakers)
        if claim is not None:
            claims.append(claim)
    floor = 0
    low = lowered(sentence.text)
    for verb in _VERB_RE.finditer(sentence.text):
        if verb.group() in _PHRASE_ONLY or _DETERMINER_END_RE.search(low, max(0, verb.start() - 20), verb.start()) or \
                (verb.group() in _ADD_VERBS and _NOT_SPEECH_AFTER_RE.match(sentence.text, verb.end())):
            continue  # "the report", "its estimates": nouns; "adds to the pressure": not speech
        claim = _subject_claim(sentence, verb, floor, speakers)
        floor = verb.end()
        if claim is not None:
            claims.append(claim)
    for verb in _PUT_AT_RE.finditer(sentence.text) if _PUT_AT in sentence.text else ():  # "put Russia's losses at"
        claim = _subject_claim(sentence, verb, 0, speakers)
        if claim is not None:
            claim.rule = "put_at"
            claims.append(claim)
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


def claims_by_sentence(text: str, sentences: list[Sentence], *,
                       needed: set[int] | None = None) -> list[list[Claim]]:
    """The attributions of each sentence.

    A sentence without its own takes the speaker of the quote it sits in, else the speaker of the
    paragraph's previous sentence (wire copy reports one statement over several sentences).
    With ``needed`` (the indices of the sentences whose claimants matter, e.g. those with figures),
    attributions are read only where they can reach those sentences; the others only teach the
    names and bodies they mention. The result for the needed sentences is the same.
    """
    speakers = _Speakers()
    quotes = _quote_groups(sentences)
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
    _carry_quotes(sentences, result, quotes)
    _carry_paragraphs(text, sentences, result)
    _carry_report(sentences, result, reach)
    return result


def _carry_report(sentences: list[Sentence], result: list[list[Claim]], reach: set[int]) -> None:
    """A story that opens by crediting a body ("the UN monitoring mission said in its monthly report")
    is that body's report: its later unattributed sentences are credited to the body last named."""
    lede = next((claims[0] for claims in result[:2] if claims), None)
    if lede is None or lede.person:
        return
    body = lede
    for k, sentence in enumerate(sentences):
        if result[k]:
            body = next((c for c in reversed(result[k]) if not c.person), body)
        elif k in reach and not _VAGUE_SOURCE_RE.match(sentence.text):
            result[k] = [replace(body, rule="story_source")]


def _named(claim: Claim, speakers: _Speakers) -> Claim:
    """'..., the Commander-in-Chief said.' ... 'Oleksandr Syrskyi, Commander-in-Chief, ...': a role
    named before the person is resolved once the article has named them."""
    role = claim.name.removeprefix("the ")
    words = role.lower().split()  # "Commander-in-Chief", "the acting mayor", "Kharkiv governor"
    if claim.person and 0 < len(words) <= 2 and words[-1] in _TITLE_WORDS and words[-1] in speakers.by_role:
        return replace(claim, name=speakers.by_role[words[-1]], role=role)
    return claim


def _reach(text: str, sentences: list[Sentence], needed: set[int], quotes: list[list[int]]) -> set[int]:
    """The sentences whose attributions can reach the needed ones: the paragraph up to each (carried
    statements), the sentence before it (pronouns), and whole quotes with the sentence after them."""
    reach: set[int] = set()
    for k in sorted(needed):
        j = k
        while j > 0 and j - 1 not in reach and "\n" not in text[sentences[j - 1].end:sentences[j].start]:
            j -= 1
        reach.update(range(max(0, j - 1), k + 1))
    for group in quotes:
        if reach.intersection(group):
            reach.update(group)
            reach.add(min(group[-1] + 1, len(sentences) - 1))
    return reach


def _quote_groups(sentences: list[Sentence]) -> list[list[int]]:
    """Runs of sentences inside one quotation (a quote may run over several sentences)."""
    groups, depth, members = [], 0, []
    for k, sentence in enumerate(sentences):
        opens, closes = sentence.text.count(_OPEN_QUOTES), sentence.text.count(_CLOSE_QUOTES)
        if not opens and not closes and sentence.text.count('"') % 2 == 1:
            opens, closes = (1, 0) if depth == 0 else (0, 1)
        if depth > 0 or opens:
            members.append(k)
        depth = max(0, depth + opens - closes)
        if depth == 0 and members:
            groups.append(members)
            members = []
    if members:
        groups.append(members)
    return groups


def _carry_quotes(sentences: list[Sentence], result: list[list[Claim]], quotes: list[list[int]]) -> None:
    """A quote that runs over several sentences belongs to whoever is credited with it."""
    for members in quotes:
        owner = next((result[j][-1] for j in reversed(members) if result[j]), None)
        if owner is None and members[-1] + 1 < len(sentences) and result[members[-1] + 1]:
            owner = result[members[-1] + 1][0]
        for j in members:
            if not result[j] and owner is not None:
                result[j] = [replace(owner, rule="quote_speaker")]


def _carry_paragraphs(text: str, sentences: list[Sentence], result: list[list[Claim]]) -> None:
    """The rest of a paragraph continues the statement of its sentence before: its first claimant,
    the speaker ("the agency said, according to lawmakers": the agency)."""
    for k in range(1, len(sentences)):
        if result[k] or not result[k - 1] or "\n" in text[sentences[k - 1].end:sentences[k].start]:
            continue  # (a new paragraph: the outlet's own voice until someone is credited)
        if _VAGUE_SOURCE_RE.match(sentences[k].text):
            continue
        result[k] = [replace(result[k - 1][0], rule="paragraph_speaker")]
