"""Who said it: the person or body a text credits each figure to (the claimant).

Attributions are found per sentence ("X said", "said X", "according to X", "X told reporters"),
carried through quotes that run over several sentences, through pronouns and role nouns ("He
noted...", "the ministry said") to the speaker they stand for, and through the rest of a
paragraph that reports one speaker's statement. Names lose their titles ("regional Governor Ivan
Fedorov" -> "Ivan Fedorov", role "regional Governor"); bodies take their usual short names.

>>> from analysis.sentences import split_sentences
>>> text = "Regional Governor Ivan Fedorov said six died. He added that 23 were hurt."
>>> [c[0].name for c in claims_by_sentence(text, split_sentences(text))]
['Ivan Fedorov', 'Ivan Fedorov']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from analysis.lexicon import LEXICON, phrase_pattern
from analysis.sentences import Sentence

_VERB_RE = re.compile(rf"(?<![\w-])(?:{phrase_pattern(LEXICON.words('speech_verbs'))})(?![\w-])")
_ACCORDING_RE = re.compile(rf"\b(?:{phrase_pattern(LEXICON.words('attribution_phrases'))})\s+", re.I)
_BODY_RE = re.compile(rf"(?<![\w-])(?:{phrase_pattern(list(LEXICON.body_of_alias))})(?![\w-])", re.I)
_TITLE_WORDS = frozenset(w for t in LEXICON.words("titles") for w in t.lower().split())
_ORG_WORDS = frozenset({"service", "ministry", "staff", "office", "agency", "council", "department", "forces",
                        "force", "command", "committee", "institute", "mission", "administration", "police",
                        "guard", "army", "navy", "court", "parliament", "government", "headquarters",
                        "directorate", "bureau", "corps", "group", "center", "centre", "commission", "kremlin",
                        "pentagon", "military", "intelligence", "authorities", "officials", "unit", "brigade",
                        "battalion", "regiment", "division", "media", "agency's", "ministry's", "report",
                        "statement", "data", "assessment", "update", "monitor", "monitors", "project",
                        "party", "tass", "reuters", "afp", "yonhap", "interfax", "ria", "cnn", "bbc", "nbc",
                        "press", "news", "times", "post", "telegram", "team", "board"})
_PRONOUN_RE = re.compile(r"^(?:he|she|they|it|we)$", re.I)
_POSSESSIVE_RE = re.compile(r"^(?:his|her|their|its|our)\b", re.I)
_ROLE_RE = re.compile(r"^(?:the|that|this)\s+(?:[\w-]+\s+){0,2}?([\w-]+)$", re.I)
_VAGUE = frozenset({"reports", "media reports", "it", "this", "that", "which", "there", "report", "data",
                    "figures", "estimates", "what", "who", "some", "many", "observers", "witnesses", "sources",
                    "images", "videos", "footage", "photos", "analysis", "studies", "others", "most",
                    "experts", "analysts", "residents", "people", "one", "both", "all", "none", "everyone",
                    "records", "documents", "evidence", "unofficial claims"})
_AUX_END_RE = re.compile(r"\b(?:was|were|is|are|be|been|being|not|to|who|which|that|also|to\s+have)\s*$", re.I)
_ADVERB_END_RE = re.compile(
    r"(?:\s+(?:also|previously|earlier|later|separately|further|recently|has|have|had|would|will|could|"
    r"on\s+\w+|in\s+a\s+statement|in\s+an\s+interview|on\s+Telegram|late\s+\w+|early\s+\w+|then|however|"
    r"now|again|first|last\s+\w+|this\s+\w+|a\s+day\s+earlier|in\s+\w+|publicly|officially|reportedly|"
    r"had\s+earlier))+\s*$", re.I)
_COUNTRY_WORDS = ("U.S.", "US", "United States", "South Korea", "North Korea", "Ukraine", "Russia", "Britain",
                  "UK", "Japan", "Seoul", "Washington", "Kyiv", "Moscow", "NATO", "EU", "Ukrainian", "Russian",
                  "American", "South Korean", "British", "Western")
_COUNTRIES_RE = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(c) for c in _COUNTRY_WORDS) + r")(?![\w])")
_GROUP_WORD_RE = re.compile(r"\b(intelligence|officials|sources|assessments|estimates|governments|militaries|"
                            r"authorities)\b", re.I)
_NAME_PARTICLES = frozenset({"de", "van", "von", "bin", "al", "der", "la", "le"})
_NOT_NAME_START = frozenset({"the", "a", "an", "on", "in", "but", "and", "while", "after", "before", "this",
                             "that", "these", "those", "his", "her", "their", "its", "he", "she", "they", "we",
                             "i", "it", "there", "meanwhile", "separately", "earlier", "later", "also", "however",
                             "overall", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                             "sunday", "images", "since", "as", "if", "when", "at", "of", "for", "by", "with",
                             "until", "last", "according", "both", "some", "many", "another", "other", "our",
                             "your", "my", "what", "who", "why", "how", "where", "so", "then", "yet"})
_OPEN_QUOTES, _CLOSE_QUOTES = "“", "”"


@dataclass(frozen=True, slots=True)
class Claim:
    """A claimant: the short name, the role stripped from it, the span of the attribution."""

    name: str
    role: str | None
    start: int
    end: int
    person: bool


class _Speakers:
    """Who has been named so far in an article: to resolve surnames, pronouns and role nouns."""

    def __init__(self) -> None:
        self.by_surname: dict[str, str] = {}
        self.by_role: dict[str, str] = {}  # 'governor' -> 'Ivan Fedorov', 'ministry' -> 'Russian Defence Ministry'
        self.last: Claim | None = None
        self.last_person: Claim | None = None

    def person(self, name: str, role: str | None) -> str:
        if " " not in name and name in self.by_surname:
            return self.by_surname[name]
        if " " in name:
            for part in name.split()[1:]:
                self.by_surname.setdefault(part, name)
            if role:
                for word in role.lower().replace(",", " ").split():
                    if word in _TITLE_WORDS and word not in ("regional", "acting", "former", "deputy", "military"):
                        self.by_role[word] = name
        return name

    def body(self, name: str) -> str:
        for word in name.lower().split():
            if word in _ORG_WORDS:
                self.by_role[word] = name
        self.by_role.setdefault(name.lower().split()[-1], name)
        return name

    def remember(self, claim: Claim) -> None:
        self.last = claim
        if claim.person:
            self.last_person = claim


def _clean(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase).strip(" ,;:.\"“”'’()-—–")


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() or word.lower() in _NAME_PARTICLES


def _split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """['regional', 'Governor', 'Ivan', 'Fedorov'] -> (['Ivan', 'Fedorov'], ['regional', 'Governor'])."""
    i = 0
    while i < len(words) - 1 and (words[i].lower().strip(",") in _TITLE_WORDS or not _is_name_word(words[i])
                                  or words[i].endswith(("'s", "’s")) or words[i].lower() in _ORG_WORDS):
        i += 1
    return words[i:], words[:i]


def _person_in(segment: str) -> tuple[str, str | None] | None:
    """A person's name (title stripped) ending a phrase: 'Pentagon spokesman Maj. Gen. Pat Ryder'."""
    words = segment.split()
    name, role = _split_title(words)
    if not name or not all(_is_name_word(w) for w in name) or len(name) > 4:
        return None
    if name[0].lower() in _NOT_NAME_START or any(w.lower().strip("'’s") in _ORG_WORDS for w in name):
        return None
    joined = " ".join(name).strip(",")
    if _BODY_RE.fullmatch(joined) or _COUNTRIES_RE.fullmatch(joined) or joined.lower() in _VAGUE:
        return None
    if len(name) == 1 and not role and not joined[0].isupper():
        return None
    return joined, (" ".join(role).strip(", ") or None)


def _claim_from_phrase(phrase: str, start: int, end: int, speakers: _Speakers) -> Claim | None:
    """Read a subject or 'according to' phrase as a claimant."""
    phrase = _clean(phrase)
    if not phrase or phrase.lower() in _VAGUE or re.search(r"\d", phrase):
        return None
    lowered = phrase.lower()
    if _PRONOUN_RE.match(phrase):
        return replace(speakers.last, start=start, end=end) if speakers.last else None
    if _POSSESSIVE_RE.match(phrase):
        return None  # "his agency said": the speaker already credited stays the claimant
    group = _GROUP_WORD_RE.search(phrase)
    countries = list(dict.fromkeys(_COUNTRIES_RE.findall(phrase)))
    if group and len(countries) > 1:
        joined = ", ".join(countries[:-1]) + " and " + countries[-1]
        return Claim(f"{joined} {group.group(1).lower()}", None, start, end, False)
    segments = [s.strip() for s in re.split(r",|\s+(?:who|which)\s+", phrase) if s.strip()]
    for segment in (segments[0], segments[-1]) if segments else ():
        person = _person_in(segment)
        if person is not None:
            name, role = person
            if role is None and len(segments) > 1:
                role = _clean(segments[1] if segment == segments[0] else segments[0]) or None
            return Claim(speakers.person(name, role), role, start, end, True)
    body = _BODY_RE.search(phrase)
    if body is not None:
        name = LEXICON.body_of_alias[body.group().lower().replace("’", "'")]
        return Claim(speakers.body(name), None, start, end, False)
    role = _ROLE_RE.match(lowered)
    if role is not None and role.group(1).rstrip("'s’") in speakers.by_role:
        name = speakers.by_role[role.group(1).rstrip("'s’")]
        return Claim(name, None, start, end, name.split()[-1].lower() not in _ORG_WORDS)
    words = phrase.split()
    if len(words) > 7:
        return None
    name = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)
    if name.split()[-1].lower() in speakers.by_role and name.split()[-1].lower() in _TITLE_WORDS:
        return Claim(speakers.by_role[name.split()[-1].lower()], name, start, end, True)
    if any(w.lower() in _ORG_WORDS for w in words) or words[0][:1].isupper() or countries:
        return Claim(speakers.body(name) if words[-1].lower() in _ORG_WORDS else name, None, start, end, False)
    if name.split()[-1].lower() in _TITLE_WORDS:
        return Claim(name, None, start, end, True)
    return None


def _subject_claim(sentence: Sentence, verb: re.Match, floor: int, speakers: _Speakers) -> Claim | None:
    """The claimant of one speech verb: '<subject> said ...' or '..., said <name>'."""
    text = sentence.text
    left = text[floor:verb.start()]
    left = _ADVERB_END_RE.sub("", left)
    offset = sentence.start + floor
    if left.strip() and not _AUX_END_RE.search(left):
        trimmed = left.rstrip()
        if trimmed.endswith((",", "”", '"')) and not trimmed.rstrip(",”\" ").endswith((",",)):
            inverted = _inverted_claim(sentence, verb, speakers)
            if inverted is not None:
                return inverted
        start_at = max(left.rfind(";"), left.rfind(" that "), left.rfind(_CLOSE_QUOTES), left.rfind(" while "),
                       left.rfind(" but "), left.rfind(" whereas "), left.rfind(" and "))
        subject = left[start_at + 1:] if start_at >= 0 else left
        if start_at >= 0 and left[start_at:].startswith(" and ") and _COUNTRIES_RE.search(left):
            subject = left  # "U.S., South Korea and Ukraine intelligence": keep the whole list
        last_comma = subject.rstrip().rstrip(",").rfind(",")
        if last_comma >= 0 and not subject.rstrip().endswith(","):
            tail = subject[last_comma + 1:]
            if not _GROUP_WORD_RE.search(subject) or not _COUNTRIES_RE.search(subject):
                subject = tail
        s_start = offset + left.find(subject.strip()) if subject.strip() else offset
        claim = _claim_from_phrase(subject, s_start, s_start + len(subject.strip()), speakers)
        if claim is not None:
            return claim
    return _inverted_claim(sentence, verb, speakers)


def _inverted_claim(sentence: Sentence, verb: re.Match, speakers: _Speakers) -> Claim | None:
    """'..., said Ivan Fedorov, the governor.'"""
    text = sentence.text
    if not text[:verb.start()].rstrip().endswith((",", "”", '"')):
        return None
    after = re.match(r"\s+((?:the\s+)?[A-Za-z][^,.;:“”\"()]{1,80})", text[verb.end():verb.end() + 120])
    if after is None:
        return None
    start = sentence.start + verb.end() + after.start(1)
    return _claim_from_phrase(after.group(1), start, start + len(after.group(1)), speakers)


def _according_claim(sentence: Sentence, match: re.Match, speakers: _Speakers) -> Claim | None:
    rest = sentence.text[match.end():]
    phrase = re.split(r"[;:()“”\"]|,\s+(?!(?:the\s+)?(?:head|chief|spokes\w+|deputy|director|commander|governor|"
                      r"minister|mayor)\b)|\.\s|\.$| who | which | that | on \w+day| as of ", rest, maxsplit=1)[0]
    phrase = re.sub(r"\s+(?:on|in|at|late|early|released|published|issued|cited|quoted|told)\b.*$", "", phrase)
    phrase = re.sub(r"^(?:an?\s+\w+\s+(?:tally|count|analysis|estimate|report|assessment)\s+(?:of\s+[\w\s]+?\s+)?"
                    r"(?:from|by|of)\s+)", "", phrase, flags=re.I)
    start = sentence.start + match.end()
    return _claim_from_phrase(phrase, start, start + len(phrase), speakers)


def sentence_claims(sentence: Sentence, speakers: _Speakers) -> list[Claim]:
    """Every attribution in one sentence, in order of position."""
    claims: list[Claim] = []
    for match in _ACCORDING_RE.finditer(sentence.text):
        claim = _according_claim(sentence, match, speakers)
        if claim is not None:
            claims.append(claim)
    floor = 0
    for verb in _VERB_RE.finditer(sentence.text):
        if verb.group() == "according":
            continue
        claim = _subject_claim(sentence, verb, floor, speakers)
        floor = verb.end()
        if claim is not None:
            claims.append(claim)
    claims.sort(key=lambda c: c.start)
    for claim in claims:
        speakers.remember(claim)
    return claims


def claims_by_sentence(text: str, sentences: list[Sentence]) -> list[list[Claim]]:
    """The attributions of each sentence.

    A sentence without its own takes the speaker of the quote it sits in, else the speaker of the
    paragraph's previous sentence (wire copy reports one statement over several sentences).
    """
    speakers = _Speakers()
    result = [sentence_claims(sentence, speakers) for sentence in sentences]
    _carry_quotes(sentences, result)
    _carry_paragraphs(text, sentences, result)
    return result


def _carry_quotes(sentences: list[Sentence], result: list[list[Claim]]) -> None:
    """A quote that runs over several sentences belongs to whoever is credited with it."""
    depth, members = 0, []
    for k, sentence in enumerate(sentences):
        opens, closes = sentence.text.count(_OPEN_QUOTES), sentence.text.count(_CLOSE_QUOTES)
        if not opens and not closes and sentence.text.count('"') % 2 == 1:
            opens, closes = (1, 0) if depth == 0 else (0, 1)
        if depth > 0 or opens:
            members.append(k)
        depth = max(0, depth + opens - closes)
        if depth == 0 and members:
            owner = next((result[j][-1] for j in reversed(members) if result[j]), None)
            if owner is None and members[-1] + 1 < len(sentences) and result[members[-1] + 1]:
                owner = result[members[-1] + 1][0]
            for j in members:
                if not result[j] and owner is not None:
                    result[j] = [owner]
            members = []


def _carry_paragraphs(text: str, sentences: list[Sentence], result: list[list[Claim]]) -> None:
    for k in range(1, len(sentences)):
        if result[k] or not result[k - 1]:
            continue
        if "\n" in text[sentences[k - 1].end:sentences[k].start]:
            continue  # a new paragraph: the outlet's own voice until someone is credited
        result[k] = [result[k - 1][-1]]
