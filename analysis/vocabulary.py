"""The extractor's vocabulary: one loader for the data files of ``analysis/data/``, into typed structures.

Each stage of :mod:`analysis.extract` has its file (``numbers.toml``, ``measures.toml``, ``actors.toml``,
``attribution.toml``, ``claimants.toml``, ``places.toml``, ``dates.toml``, ``linking.toml``,
``events.toml``, ``sentences.toml``), and :mod:`analysis.compare` has ``compare.toml``;
``analysis/data/README.md`` says which holds what. A file is read once, at import, and checked against
the dataclass that describes it: a key that is unknown, misspelt or missing, a value of the wrong type,
a phrase in upper case where the text is matched in lower case, or a phrase listed twice raises
:class:`VocabularyError` naming the file and the key.
Code keeps only the grammar around the words (spaces, punctuation, optional words).

>>> VOCABULARY.numbers.words.units["twelve"]
12
>>> VOCABULARY.measures.measure_of_noun["brigades"]
'units'
>>> load_vocabulary("numbers", Numbers, text="[words]\\nunits = {}")
Traceback (most recent call last):
...
analysis.vocabulary.VocabularyError: numbers.toml: missing key 'words.scales'
"""
from __future__ import annotations

import dataclasses
import re
import tomllib
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from importlib import resources

__all__ = ["VOCABULARY", "VocabularyError", "hint_words", "last_words", "load_vocabulary", "lowered",
           "marked_matches", "phrase_group", "phrase_key", "phrase_pattern", "word_starts"]


class VocabularyError(ValueError):
    """A vocabulary file does not hold what its stage expects (the message names the file and the key)."""


# --- text helpers shared by every stage -------------------------------------------------------------

def phrase_key(matched: str) -> str:
    """A matched phrase as the vocabulary spells it: lower case, single spaces ('Death  Toll' -> 'death toll')."""
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


def word_starts(pattern: re.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
    """Matches of ``pattern`` in ``text[pos:endpos]`` that begin a word, left to right and not
    overlapping: ``\\b`` + pattern, for a pattern that opens with a letter (the character before
    ``pos`` counts, as it does for ``\\b``).

    A pattern that opens with its letters, not with ``\\b``, lets ``re`` skip ahead to the places
    where those letters occur (several times faster on long text); the boundary is checked here.

    >>> [m.group() for m in word_starts(re.compile("said"), "Unsaid, he said.")]
    ['said']
    """
    endpos = len(text) if endpos is None else endpos
    while (match := pattern.search(text, pos, endpos)) is not None:
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            pos = start + 1  # inside a word: try again just after where this match began
            continue
        yield match
        pos = match.end() if match.end() > start else start + 1


_ANY_WORD = "{word}"
_REST_OF_WORD, _MORE_OF_WORD = "\x00*", "\x00+"  # (not characters of a phrase)
_TOKEN_PATTERNS = {" ": r"\s+", _ANY_WORD: r"\w+", _REST_OF_WORD: r"\w*", _MORE_OF_WORD: r"\w+"}


def _tokens(phrase: str) -> list[str]:
    """A phrase as trie tokens: characters, a space (any whitespace), '{word}' (any word), and a
    final '*' or '+' after a letter (the rest of a word that begins with the phrase)."""
    tail = []
    if len(phrase) > 1 and phrase[-1] in "*+" and phrase[-2].isalpha():
        phrase, tail = phrase[:-1], [_REST_OF_WORD if phrase[-1] == "*" else _MORE_OF_WORD]
    out: list[str] = []
    while phrase:
        if phrase.startswith(_ANY_WORD):
            out.append(_ANY_WORD)
            phrase = phrase[len(_ANY_WORD):]
        else:
            out.append(phrase[0])
            phrase = phrase[1:]
    return out + tail


def phrase_pattern(phrases: typing.Iterable[str]) -> str:
    """A regex matching any of ``phrases`` (the longest where several fit), spaces matching any whitespace.

    The phrases are laid out as a trie ("kill(?:ed|ing)"): Python's ``re`` tries the branches of a
    flat alternation one by one at every position, and a trie lets it drop all but one at once.
    A phrase may end in ``*`` (any word that begins so: "captur*") or ``+`` (that begins so and goes
    on), and ``{word}`` stands for any one word ("on {word}").

    >>> re.fullmatch(phrase_pattern(["up to", "up"]), "up  to") is not None
    True
    >>> bool(re.fullmatch(phrase_pattern(["captur*", "on {word}"]), "capturing")), phrase_pattern(["a", "ab"])
    (True, 'a(?:b)?')
    """
    trie: dict = {}
    for phrase in set(phrases):
        node = trie
        for token in _tokens(phrase):
            node = node.setdefault(token, {})
        node[""] = {}
    return _trie_pattern(trie) or "(?!)"


def _trie_pattern(node: dict) -> str:
    branches = [_TOKEN_PATTERNS.get(token, re.escape(token)) + _trie_pattern(child)
                for token, child in sorted(node.items()) if token]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body  # greedy: a longer phrase wins over its prefix


def phrase_group(phrases: typing.Iterable[str]) -> str:
    """:func:`phrase_pattern` as one group, to stand between other parts of a pattern.

    >>> bool(re.fullmatch(rf"{phrase_group(['up to', 'about'])} 5", "about 5"))
    True
    """
    return f"(?:{phrase_pattern(phrases)})"


def hint_words(phrases: typing.Iterable[str]) -> tuple[str, ...]:
    """One word of each phrase (its longest): a text holds a phrase only if it holds one of these,
    which a plain substring test tells far faster than the phrases' pattern.

    >>> hint_words(["since the start", "in all"])
    ('since', 'all')
    """
    return tuple(dict.fromkeys(max(phrase.replace("{word}", " ").split(), key=len) for phrase in phrases))


def last_words(*phrase_lists: typing.Iterable[str]) -> tuple[str, ...]:
    """The word each phrase ends with. A text that an end-anchored pattern of the phrases matches
    (``(?:phrases)\\s*$``) ends with one of them once its trailing spaces are dropped, which
    ``str.endswith`` tells at once, where ``re`` would try the pattern at every position of the text.

    >>> last_words(["up to", "as many as"], ["about"])
    ('to', 'as', 'about')
    """
    words = tuple(dict.fromkeys(phrase.split()[-1] for phrases in phrase_lists for phrase in phrases))
    odd = [word for word in words if word.endswith(("*", "+")) or "{" in word]
    if odd:
        raise ValueError(f"the phrase ending {odd[0]!r} ends in no fixed word; list it in full")
    return words


def marked_matches(pattern: re.Pattern, marks: re.Pattern, text: str, pos: int = 0) -> Iterator[re.Match]:
    """``pattern.finditer(text, pos)`` for a pattern that opens with a lookbehind or ``\\b`` (which
    makes ``re`` try it at every position), found through ``marks``: a pattern opening with a
    character class (which ``re`` skips ahead to) that matches the one character before each place
    ``pattern`` may match. Only a match at the very start of the text has no such character.

    >>> said = re.compile(r"(?<![\\w-])said")
    >>> [m.start() for m in marked_matches(said, re.compile(r"[^\\w-](?=said)"), "said unsaid, said")]
    [0, 13]
    """
    if pos == 0 and (match := pattern.match(text)) is not None:
        yield match
        pos = match.end()
    while (mark := marks.search(text, max(pos - 1, 0))) is not None:
        match = pattern.match(text, mark.end())
        if match is None:  # (only where ``marks`` lets through more than ``pattern`` takes)
            pos = mark.end() + 1
            continue
        yield match
        pos = match.end()


# --- the loader -------------------------------------------------------------------------------------

Words = tuple[str, ...]  # a list of phrases: unique, lower case unless its key ends in "_cased"


def load_vocabulary(name: str, spec: type, *, text: str | None = None):
    """Read ``analysis/data/<name>.toml`` (or ``text``) into an instance of the dataclass ``spec``.

    Raises VocabularyError naming the file and key for unknown, missing or ill-typed keys.
    """
    filename = f"{name}.toml"
    if text is None:
        text = resources.files("analysis").joinpath("data", filename).read_text(encoding="utf-8")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise VocabularyError(f"{filename}: not valid TOML ({error})") from error
    value = _build(spec, raw, filename, "")
    check = getattr(value, "check", None)
    if check is not None:
        problem = check()
        if problem:
            raise VocabularyError(f"{filename}: {problem}")
    return value


def _build(annotation, value, filename: str, key: str):
    where = key or "(top level)"
    origin = typing.get_origin(annotation)
    if dataclasses.is_dataclass(annotation):
        if not isinstance(value, dict):
            raise VocabularyError(f"{filename}: '{where}' should be a table")
        return _build_dataclass(annotation, value, filename, key)
    if origin is tuple:
        item_type = typing.get_args(annotation)[0]
        if not isinstance(value, list):
            raise VocabularyError(f"{filename}: '{where}' should be a list")
        items = tuple(_build(item_type, item, filename, f"{key}[{i}]") for i, item in enumerate(value))
        if item_type is str:
            _check_phrases(items, filename, key)
        return items
    if origin is dict:
        key_type, item_type = typing.get_args(annotation)
        if not isinstance(value, dict):
            raise VocabularyError(f"{filename}: '{where}' should be a table")
        return {k: _build(item_type, v, filename, f"{key}.{k}" if key else k) for k, v in value.items()}
    if origin in (typing.Union, types.UnionType):  # an optional value: X | None
        kinds = [a for a in typing.get_args(annotation) if a is not type(None)]
        return None if value is None else _build(kinds[0], value, filename, key)
    if annotation is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, annotation) or isinstance(value, bool) and annotation is not bool:
        raise VocabularyError(f"{filename}: '{where}' should be {annotation.__name__}, not {type(value).__name__}")
    return value


def _build_dataclass(spec: type, table: dict, filename: str, key: str):
    hints = typing.get_type_hints(spec)
    fields = {f.name: f for f in dataclasses.fields(spec) if f.init}
    unknown = sorted(set(table) - set(fields))
    if unknown:
        known = ", ".join(sorted(fields))
        raise VocabularyError(f"{filename}: unknown key '{_join(key, unknown[0])}' (known here: {known})")
    values = {}
    for name, spec_field in fields.items():
        if name not in table:
            if spec_field.default is dataclasses.MISSING and spec_field.default_factory is dataclasses.MISSING:
                raise VocabularyError(f"{filename}: missing key '{_join(key, name)}'")
            continue
        values[name] = _build(hints[name], table[name], filename, _join(key, name))
        if name.endswith("_cased"):
            continue
        for phrase in _strings(values[name]):
            if phrase != phrase.lower():
                raise VocabularyError(f"{filename}: '{_join(key, name)}' holds {phrase!r}: phrases are lower case "
                                      "(the text is matched in lower case)")
    return spec(**values)


def _strings(value) -> Iterator[str]:
    if isinstance(value, tuple):
        yield from (v for v in value if isinstance(v, str))
    elif isinstance(value, dict) and all(isinstance(v, tuple) for v in value.values()):
        for phrases in value.values():
            yield from (v for v in phrases if isinstance(v, str))


def _check_phrases(items: tuple, filename: str, key: str) -> None:
    seen = set()
    for item in items:
        if item in seen:
            raise VocabularyError(f"{filename}: '{key}' lists {item!r} twice")
        seen.add(item)


def _join(key: str, name: str) -> str:
    return f"{key}.{name}" if key else name


def _unique_owner(table: dict[str, Words], what: str) -> str | None:
    """None if no phrase is listed under two keys of ``table``, else a message naming one."""
    owner: dict[str, str] = {}
    for key, phrases in table.items():
        for phrase in phrases:
            if phrase in owner:
                return f"{what}: {phrase!r} is listed under both '{owner[phrase]}' and '{key}'"
            owner[phrase] = key
    return None


# --- what each file holds ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Sentences:
    abbreviations: Words

    def check(self) -> str | None:
        odd = [word for word in self.abbreviations if " " in word or word.endswith(".")]
        if odd:  # (the splitter reads the one word before a full stop, without its stop)
            return f"'abbreviations' holds {odd[0]!r}: each is one word, without its final full stop"
        return None


@dataclass(frozen=True)
class NumberWords:
    units: dict[str, int]
    scales: dict[str, int]
    digit_scales: Words
    fractions: dict[str, float]
    fraction_scales: Words
    fraction_of: str
    abbreviations: dict[str, int]
    spaced_abbreviations: Words
    abbreviations_also_units: Words
    thousands_separators: Words
    and_continues_after: Words
    joiner: str
    one_time_before: Words
    one_time_articles: Words
    one_time_units: Words


@dataclass(frozen=True)
class UnitSpec:
    words: Words
    factor: float
    dimension: str


@dataclass(frozen=True)
class Qualifiers:
    before: dict[str, Words]
    after: dict[str, Words]
    particles: Words
    particle_verbs: Words
    prepositions: Words
    preposition_after: Words


@dataclass(frozen=True)
class Ranges:
    joiners: Words
    joiners_after_opener: Words
    openers: Words
    second_joiner: str
    change_openers: Words
    change_verbs: Words
    change_by: str
    shared_unit_joiners: Words
    shared_unit_after: str


@dataclass(frozen=True)
class NotQuantities:
    currency_signs: Words
    currency_codes_before: Words
    currency_words_after: Words
    percent_signs: Words
    percent_words_after: Words
    age_words_before: Words
    age_units: Words
    age_words_after: Words
    age_phrase_after_units: str
    war_modifiers: Words
    war_words_after_age: Words
    war_words_before_age: Words
    building_size_words_after: Words
    multiplier_words_after: Words
    weight_words_after: Words
    time_words_after: Words
    year_words_before: Words
    ordinal_suffixes: Words
    calibre_words: Words
    model_names_before: Words
    number_signs_cased: Words
    restatement_openers: Words
    restatement_joiners: Words


QUALIFIER_KINDS = ("approx", "at_least", "at_most")
DIMENSIONS = ("length", "area", "time")


@dataclass(frozen=True)
class Numbers:
    words: NumberWords
    qualifiers: Qualifiers
    units: dict[str, UnitSpec]
    ranges: Ranges
    not_quantities: NotQuantities

    def check(self) -> str | None:
        for side, table in (("before", self.qualifiers.before), ("after", self.qualifiers.after)):
            odd = set(table) - set(QUALIFIER_KINDS)
            if odd:
                return f"unknown qualifier 'qualifiers.{side}.{sorted(odd)[0]}' (known: {', '.join(QUALIFIER_KINDS)})"
        before = {phrase for phrases in self.qualifiers.before.values() for phrase in phrases}
        for key, listed in (("particles", self.qualifiers.particles), ("prepositions", self.qualifiers.prepositions)):
            odd = [phrase for phrase in listed if phrase not in before]
            if odd:
                return f"'qualifiers.{key}' holds {odd[0]!r}, which 'qualifiers.before' does not list"
        words = self.words
        for key, listed, table in (("spaced_abbreviations", words.spaced_abbreviations, words.abbreviations),
                                   ("abbreviations_also_units", words.abbreviations_also_units, words.abbreviations),
                                   ("fraction_scales", words.fraction_scales, words.scales)):
            odd = [word for word in listed if word not in table]
            if odd:
                return f"'words.{key}' holds {odd[0]!r}, which its table does not list"
        odd = [sep for sep in words.thousands_separators if len(sep) != 1 or not sep.isspace()]
        if odd:
            return f"'words.thousands_separators' holds {odd[0]!r}: each is one space character"
        for unit, spec in self.units.items():
            if spec.dimension not in DIMENSIONS:
                return f"'units.{unit}.dimension' is {spec.dimension!r}; use one of {', '.join(DIMENSIONS)}"
        return (_unique_owner(self.qualifiers.before, "qualifiers.before")
                or _unique_owner({u: s.words for u, s in self.units.items()}, "units"))

    @cached_property
    def qualifier_before(self) -> dict[str, str]:
        return {phrase: kind for kind, phrases in self.qualifiers.before.items() for phrase in phrases}

    @cached_property
    def qualifier_after(self) -> dict[str, str]:
        return {phrase: kind for kind, phrases in self.qualifiers.after.items() for phrase in phrases}

    @cached_property
    def unit_of_word(self) -> dict[str, tuple[str, float, str]]:
        """'miles' -> ('mi', 1.609344, 'length'); a leading hyphen ("-km") is dropped from the key."""
        return {word.lstrip("-"): (unit, spec.factor, spec.dimension)
                for unit, spec in self.units.items() for word in spec.words}


@dataclass(frozen=True)
class VerbRules:
    clear_from_afar: Words
    losses_said_soon: Words
    more_before: Words
    auxiliaries: Words
    unharmed: Words
    relative_pronouns: Words
    conjunctions: Words
    wounded_too: Words
    killed_of_people: Words


@dataclass(frozen=True)
class NounFirstRules:
    links: Words
    link_adverbs: Words
    event_links: Words
    count_nouns: Words
    strength_nouns: Words
    strength_links: Words


@dataclass(frozen=True)
class UnitRules:
    advance_words: Words
    not_advance_after: Words
    directions_after: Words
    advance_then: Words
    not_area_after: Words
    duration_words: Words
    duration_reaching_words: Words
    duration_start_words: Words
    not_duration_after: Words
    not_duration_before: Words
    record_words: Words
    record_link: str
    length_adjective_before: Words


@dataclass(frozen=True)
class MeasurePhrases:
    among: Words
    group_determiners: Words
    captive_adjectives: Words
    subset_after: Words
    including_before: Words
    after_aside: Words
    shared_noun_joiners: Words
    total_before: Words
    part_of: Words
    part_of_determiners: Words
    one_person_after: Words
    one_person_of: Words
    not_before_noun: Words
    clause_openers: Words
    settlements_change_hands: Words
    each: Words
    each_of: Words
    list_joiners: Words
    unnumbered_item_articles: Words
    ellipsis_after: Words
    running_total_verbs: Words
    running_total_adjectives: Words
    running_total_links: Words
    ratio_after: Words
    difference_after: Words
    difference_link: str
    earlier_value_before: Words
    earlier_value_from: str
    attack_nouns: Words
    swap_joiners: Words
    swaps: Words
    units_of: Words
    equipment_fates: Words
    exchange_verbs: Words
    exchange_context: Words
    homecoming: Words
    abroad_links: Words


NOUN_MEASURES = ("troops", "killed", "injured", "casualties", "captured", "missing", "displaced", "units",
                 "equipment", "settlements", "people")


@dataclass(frozen=True)
class Measures:
    nouns: dict[str, Words]
    verbs: dict[str, Words]
    verb_rules: VerbRules
    noun_first: dict[str, Words]
    noun_first_rules: NounFirstRules
    units: UnitRules
    phrases: MeasurePhrases

    def check(self) -> str | None:
        for table_name, table in (("nouns", self.nouns), ("verbs", self.verbs), ("noun_first", self.noun_first)):
            odd = set(table) - set(NOUN_MEASURES)
            if odd:
                return f"unknown measure '{table_name}.{sorted(odd)[0]}' (known: {', '.join(NOUN_MEASURES)})"
        return (_unique_owner(self.nouns, "nouns") or _unique_owner(self.verbs, "verbs")
                or _unique_owner(self.noun_first, "noun_first"))

    @cached_property
    def measure_of_noun(self) -> dict[str, str]:
        return {noun: measure for measure, nouns in self.nouns.items() for noun in nouns}

    @cached_property
    def measure_of_verb(self) -> dict[str, str]:
        return {verb: measure for measure, verbs in self.verbs.items() for verb in verbs}

    @cached_property
    def measure_of_noun_first(self) -> dict[str, str]:
        return {phrase: measure for measure, phrases in self.noun_first.items() for phrase in phrases}


@dataclass(frozen=True)
class ActorWords:
    civilian_nouns: Words
    civilian_stem: str
    others: Words
    one_civilian: Words
    favour: Words
    fights_for: Words
    fights_for_between: Words
    military: Words
    destroy: Words
    launched: Words
    launched_by: str
    launched_before: Words
    launched_at: Words
    launched_from: Words
    delivered: Words
    delivered_to: Words
    returned_to: Words
    capture: Words
    loss: Words
    enemy: Words
    kill: Words
    passive: Words
    perfect: Words
    toll_owner_links: Words
    victim_joints: Words
    new_clause: Words
    honorifics: Words
    release: Words
    got_back: Words
    captivity: str
    bodies: Words
    attack: Words
    instrument_before: Words
    people_of_party: Words
    generic_people: Words
    both_sides: Words
    suffered: Words
    cost: Words
    regain: Words


@dataclass(frozen=True)
class Owners:
    losses: str
    losses_of: Words
    inflicted_on: str
    inflict: Words
    inflict_on: Words
    in_hands: str
    control: str
    control_before: Words


@dataclass(frozen=True)
class OwnSide:
    pronouns: Words
    possessives: Words
    forces_measures: Words
    forces_kinds: Words
    call_up_nouns: Words


@dataclass(frozen=True)
class NotActor:
    before: Words
    before_directions: Words
    directions: Words
    place_nouns: Words
    names_after: Words
    capitals_only: Words


@dataclass(frozen=True)
class Actors:
    demonyms: dict[str, Words]
    subjects: dict[str, Words]
    opponents: dict[str, str]
    words: ActorWords
    owners: Owners
    own_side: OwnSide
    not_actor: NotActor

    def check(self) -> str | None:
        odd = [kind for kind in self.own_side.forces_kinds if kind not in CLAIMANT_KINDS]
        if odd:
            return f"'own_side.forces_kinds' holds {odd[0]!r}, no claimant kind (known: {', '.join(CLAIMANT_KINDS)})"
        odd = [measure for measure in self.own_side.forces_measures if measure not in NOUN_MEASURES]
        if odd:
            return f"'own_side.forces_measures' holds {odd[0]!r}, no measure"
        return _unique_owner({**{f"demonyms.{k}": v for k, v in self.demonyms.items()},
                              **{f"subjects.{k}": v for k, v in self.subjects.items()}}, "parties")

    @cached_property
    def actor_of_word(self) -> dict[str, str]:
        """'north korean' -> 'North Korea', 'the kremlin' -> 'Russia'."""
        return {word: actor for table in (self.demonyms, self.subjects) for actor, words in table.items()
                for word in words}


@dataclass(frozen=True)
class Speech:
    verbs: Words
    phrases: Words
    phrase_only: Words
    relays: Words
    put_at: Words
    put_at_link: str
    add_verbs: Words
    add_not_speech_after: Words
    claim_verbs: Words
    claim_not_speech_after: Words
    register_verbs: Words
    register_not_speech_after: Words
    speech_nouns: Words
    place_subject_verbs: Words
    document_subject_verbs: Words
    participles_after_documents: Words
    not_speech_before_figure: Words
    determiners_before_noun: Words


@dataclass(frozen=True)
class Subjects:
    pronouns: Words
    person_pronouns: Words
    body_pronouns: Words
    possessives: Words
    role_determiners: Words
    vague: Words
    not_subject_end: Words
    adverbs_before_verb: Words
    subject_words: Words
    subject_starts: Words
    seat_word: str
    both_sides: Words
    own_country_words: Words
    seats_cased: dict[str, str]  # capital -> the country its officials speak for
    before_leading_date: Words
    before_leading_place: Words
    place_modifiers: Words
    clause_openers: Words
    clause_words: Words
    vague_sources: Words
    vague_source_verbs: Words
    list_tails: Words


@dataclass(frozen=True)
class Names:
    particles: Words
    not_first: Words
    place_words: Words
    field_words: Words
    members: Words
    member_links: Words
    ends_before: Words
    relative_pronouns: Words
    articles: Words
    before_place: Words


TITLE_ROLES = ("opens_name", "opens_name_in_lower_case", "follows_name", "not_a_role_noun")


@dataclass(frozen=True)
class Organisations:
    words: Words
    role_synonyms: dict[str, Words]


@dataclass(frozen=True)
class Documents:
    words: Words
    lead_kinds: Words
    lead_links: Words
    lead_verbs: Words


@dataclass(frozen=True)
class Sources:
    end_words: Words
    end_phrases: Words
    roles_after_comma: Words
    tail_words: Words


@dataclass(frozen=True)
class Groups:
    words: Words
    countries_cased: Words


@dataclass(frozen=True)
class BackReferences:
    subjects: Words
    links: Words
    verbs: Words
    anaphora: Words
    labels: Words
    objects: Words
    object_ends: Words


@dataclass(frozen=True)
class Outlets:
    source_links: Words
    staff_words: Words


@dataclass(frozen=True)
class Headlines:
    not_sources: Words
    outlets: Words
    lowercase_words: Words
    longest: int


@dataclass(frozen=True)
class Attribution:
    speech: Speech
    subjects: Subjects
    names: Names
    titles: dict[str, Words]
    organisations: Organisations
    documents: Documents
    sources: Sources
    groups: Groups
    back_references: BackReferences
    outlets: Outlets
    headlines: Headlines

    def check(self) -> str | None:
        for title, roles in self.titles.items():
            odd = set(roles) - set(TITLE_ROLES)
            if odd:
                return f"'titles.{title}' has the unknown role {sorted(odd)[0]!r} (known: {', '.join(TITLE_ROLES)})"
        return None

    def titles_with(self, role: str) -> tuple[str, ...]:
        return tuple(title for title, roles in self.titles.items() if role in roles)

    @cached_property
    def title_words(self) -> frozenset[str]:
        return frozenset(word for title in self.titles for word in title.split())


CLAIMANT_KINDS = ("government", "military", "intelligence", "un", "ngo", "think_tank", "media", "person",
                  "officials", "police", "emergency", "court", "parliament")


@dataclass(frozen=True)
class Claimant:
    name: str  # the canonical name: what the figures table's claimant column says
    kind: str
    side: str  # the country or organisation the claimant speaks for
    aliases: tuple[str, ...] = ()
    full: str | None = None
    role: str | None = None
    # its counts are the whole country's unless it names a place: an air force's tally of a night's drones
    nationwide: bool = False


@dataclass(frozen=True)
class Claimants:
    claimant: tuple[Claimant, ...]

    def check(self) -> str | None:
        owner: dict[str, str] = {}
        for entry in self.claimant:
            if entry.kind not in CLAIMANT_KINDS:
                return f"'{entry.name}' has the unknown kind {entry.kind!r} (known: {', '.join(CLAIMANT_KINDS)})"
            for alias in (entry.name.lower(), *entry.aliases):
                if alias in owner and owner[alias] != entry.name:
                    return f"the alias {alias!r} names both '{owner[alias]}' and '{entry.name}'"
                owner[alias] = entry.name
        return None

    @cached_property
    def by_alias(self) -> dict[str, Claimant]:
        """Every alias (and the lower-cased canonical name) -> its entry."""
        return {alias: entry for entry in self.claimant for alias in (entry.name.lower(), *entry.aliases)}

    @cached_property
    def bodies(self) -> dict[str, Claimant]:
        return {alias: e for alias, e in self.by_alias.items() if e.kind != "person"}

    @cached_property
    def people(self) -> dict[str, Claimant]:
        return {alias: e for alias, e in self.by_alias.items() if e.kind == "person"}


@dataclass(frozen=True)
class Places:
    region_words: Words
    region_forms: Words
    region_plurals: dict[str, str]
    not_a_town_before: Words
    lower_case_tails: Words
    name_prefixes: Words
    district_words: Words


@dataclass(frozen=True)
class RelativeDate:
    precision: str
    days: int | None = None
    month: str | None = None
    report: bool = False  # "over the past 24 hours": the day of the report that gives the figure


@dataclass(frozen=True)
class Dates:
    weekdays: Words
    months: Words
    month_abbreviations: dict[str, int]
    weekday_parts: Words
    weekday_edges: Words
    weekday_before: Words
    weekday_last: Words
    month_edges: Words
    modal_month: str
    modal_month_after: Words
    year_prepositions: Words
    period_start: Words
    period_from: Words
    period_from_not_after: Words
    period_then: str
    night_start_marks: Words
    night_end_marks: Words
    night_joiner: str
    speech_words: Words
    relative: dict[str, RelativeDate]

    def check(self) -> str | None:
        if len(self.weekdays) != 7 or len(self.months) != 12:
            return "'weekdays' must list 7 days and 'months' 12 months, in calendar order"
        for phrase, rel in self.relative.items():
            if rel.precision not in ("day", "week", "month"):
                return f"'relative.{phrase}.precision' is {rel.precision!r}; use day, week or month"
            if (rel.days is None) == (rel.month is None) or rel.month not in (None, "last_month", "this_month"):
                return f"'relative.{phrase}' needs either days = N or month = \"last_month\" / \"this_month\""
        return None

    @cached_property
    def month_number(self) -> dict[str, int]:
        """'january' -> 1, 'jan' -> 1, 'sept' -> 9."""
        numbers = {month: i for i, month in enumerate(self.months, start=1)}
        return numbers | {month[:3]: i for month, i in numbers.items()} | self.month_abbreviations


@dataclass(frozen=True)
class PlaceLinks:
    near: Words
    continent_codes: Words
    continent_adjectives: dict[str, str]
    continent_nouns: Words
    continent_locatives: Words
    right_after: Words
    front_sectors: Words
    unnamed_towns: Words
    directions: Words
    locatives: Words
    locative_heads: Words
    against: str
    part_of_country: Words
    of_heads: Words
    metonym_capitals_cased: Words
    not_place_after: Words
    capitals: dict[str, str]
    capital: str
    regional_claimants: Words
    speaking: Words
    speaking_prepositions: Words
    part_of_it: Words
    part_of_it_prepositions: Words
    speech_venues: Words
    speech_venue_prepositions: Words
    speech_venue_verbs: Words
    speech_venue_verb_prepositions: Words
    city: str
    city_of: str
    clause_separators: Words
    fronted_clause_openers_cased: Words
    where_clause: str
    landmark_after_distance: Words
    national_scope: Words
    nationwide: Words
    sum_scope: Words
    national_land_words: Words
    national_land_adjectives: Words


@dataclass(frozen=True)
class DateLinks:
    month_anaphors: Words
    comparison_before: Words
    piece_separators: Words
    launched: Words


@dataclass(frozen=True)
class Linking:
    theatre: str
    places: PlaceLinks
    dates: DateLinks


@dataclass(frozen=True)
class Events:
    strikes: Words
    other_events: Words


@dataclass(frozen=True)
class Tallies:
    daily: Words
    day: Words
    day_not_before: Words


@dataclass(frozen=True)
class EquipmentKinds:
    spellings: dict[str, str]
    kinds: dict[str, str]


@dataclass(frozen=True)
class QuantityWords:
    period: Words
    month_prepositions: Words
    running_total: Words
    level: Words
    level_measures: Words
    event_measures: Words
    event_words: Words
    event_actors: Words
    default: dict[str, str]

    def check(self) -> str | None:
        kinds = ("event_toll", "level", "running_total", "rate")
        for measure, kind in self.default.items():
            if kind not in kinds:
                return f"'quantity.default.{measure}' is {kind!r}; use one of {', '.join(kinds)}"
        return None


@dataclass(frozen=True)
class Judging:
    outlier_factor: float


@dataclass(frozen=True)
class Compare:
    tallies: Tallies
    equipment: EquipmentKinds
    quantity: QuantityWords
    judging: Judging

    def check(self) -> str | None:
        return self.quantity.check()


@dataclass(frozen=True)
class Vocabulary:
    sentences: Sentences
    numbers: Numbers
    measures: Measures
    actors: Actors
    attribution: Attribution
    claimants: Claimants
    places: Places
    dates: Dates
    linking: Linking
    events: Events
    compare: Compare


def _load_all() -> Vocabulary:
    specs = {f.name: typing.get_type_hints(Vocabulary)[f.name] for f in dataclasses.fields(Vocabulary)}
    return Vocabulary(**{name: load_vocabulary(name, spec) for name, spec in specs.items()})


VOCABULARY = _load_all()
