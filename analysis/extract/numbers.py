"""Find number expressions in text: value, qualifier, bounds, unit and span.

A number expression is a number in digits or words with what modifies it: a qualifier before or
after ("up to", "at least", "or more"), a scale ("1.5 million", "600k", "1.2m", "two dozen"), a
fraction of a scale ("half a million", "one and a half million"), a range ("11 to 12,000",
"between 5 and 9") and a unit of measure right after ("9 kilometers", "1,000-day"). Thousands may be
grouped by commas or by spaces ("7 905", thin and no-break spaces too).
Numbers that are not quantities (dates, times, ages, money, percentages, calibres, model
names, ordinals) are recognised here and marked ``kind`` so later stages can skip them.

>>> [(n.value, n.qualifier, n.high) for n in find_numbers("up to 12,000 troops")]
[(12000.0, 'at_most', 12000.0)]
>>> find_numbers("gains of 9 kilometers (more than 5 miles)")[1].restates
0
>>> [n.value for n in find_numbers("about half a million, 600k, 7 905 and two dozen")]
[500000.0, 600000.0, 7905.0, 24.0]
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from analysis.vocabulary import VOCABULARY, last_words, lowered, marked_matches, phrase_key, phrase_pattern
from analysis.vocabulary import phrase_group as _words  # (a group of phrases, inside a pattern)

_VOCAB = VOCABULARY.numbers
_NOT = _VOCAB.not_quantities
_WORD_NUMBERS = _VOCAB.words.units
_SCALES = _VOCAB.words.scales
_AND = _VOCAB.words.joiner
_AND_CONTINUES_AFTER = frozenset(_VOCAB.words.and_continues_after)
_DIGIT_SCALES = phrase_pattern(_VOCAB.words.digit_scales)


_NUMBER_WORD = phrase_pattern([*_WORD_NUMBERS, *_SCALES])
_FRACTIONS = _VOCAB.words.fractions
_OF = _VOCAB.words.fraction_of
_ABBREVIATIONS = _VOCAB.words.abbreviations
_ALSO_UNITS = frozenset(_VOCAB.words.abbreviations_also_units)
_SEP = "[" + re.escape("".join(_VOCAB.words.thousands_separators)) + "]"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "7 905", "1 234 567": whole groups of three after a head of one to three digits (see _groups_hold)
_GROUPED_DIGITS = rf"\d{{1,3}}(?:{_SEP}\d{{3}})+(?!\d)(?:\.\d+)?"
# "1.5 million"; "15-thousand" as some outlets write it
_SCALE = rf"(?:\s+{_words([*_VOCAB.words.digit_scales, *_VOCAB.words.spaced_abbreviations])}\b" \
         rf"|-{_words(_VOCAB.words.digit_scales)}\b)"
_SUFFIX = rf"{_words(_ABBREVIATIONS)}(?![\w²])"
_FRACTION = rf"{_words(_FRACTIONS)}"
_FRACTION_SCALES = _words(_VOCAB.words.fraction_scales)
# "one and a half million", "two and a half thousand", "one-and-a-half"
_FRACTION_TAIL = rf"(?:[\s-]+{_AND}[\s-]+a[\s-]+{_FRACTION}\b(?:[\s-]+{_FRACTION_SCALES}\b)?)?"
_WORDS = (rf"\b(?:a\s+(?={_words(_AND_CONTINUES_AFTER)}\b))?(?:{_NUMBER_WORD})\b"
          rf"(?:(?:[\s-]+|\s+{_AND}\s+)\b(?:{_NUMBER_WORD})\b)*{_FRACTION_TAIL}")
# before a scale found alone (or with "a"): "half a million", "a half million", "a quarter of a million",
# "three quarters of a million"; looked for only there, the common scan stays as cheap as without fractions
_FRACTION_BEFORE_RE = re.compile(rf"(?<![\w.,:])(?:(?:a|{phrase_pattern(_WORD_NUMBERS)})[\s-]+)?{_FRACTION}"
                                 rf"(?:[\s-]+{re.escape(_OF)})?[\s-]+(?:a[\s-]+)?$")
_A_OR_FRACTION_SCALE_RE = re.compile(rf"(?:a\s+)?{_FRACTION_SCALES}\b")


def _number_re(*, grouped: bool, abbreviated: bool) -> re.Pattern:
    digits = f"{_GROUPED_DIGITS}|{_DIGITS}" if grouped else _DIGITS
    suffix = f"|(?P<suffix>{_SUFFIX if abbreviated else '(?!)'})"
    return re.compile(rf"(?<![\w.,:])(?:(?P<digits>{digits})(?:(?P<scale>{_SCALE}){suffix})?|(?P<words>{_WORDS}))")


# a bare number: digits (with scale) or words; letters glued to it ("155mm", "Su-34") are rejected later
# matched against lowered() text: without re.I the word alternation is several times faster
_NUMBER = _number_re(grouped=True, abbreviated=True)
# the same without the readings that may not hold: a grouping (_groups_hold), an abbreviation (_abbreviation_holds)
_NUMBER_VARIANTS = {(grouped, abbreviated): _number_re(grouped=grouped, abbreviated=abbreviated)
                    for grouped in (True, False) for abbreviated in (True, False)}
# where _NUMBER may match, for the scan of a whole text: the character before a number, then a digit
# or a number word. _NUMBER opens with a lookbehind, which makes ``re`` try it at every position (once
# most of the cost of find_numbers); this opens with a character class, which lets ``re`` skip ahead.
# The class holds every character the lookbehind lets through, and more: the lookbehind, last, tells.
_BEFORE_NUMBER_RE = re.compile(rf"[^0-9A-Za-z_.,:](?=\d|a\s+{_words(_AND_CONTINUES_AFTER)}\b|(?:{_NUMBER_WORD})\b)"
                               r"(?<![\w.,:])")
# the one-word nouns that count people or things ("3m people", "1.2m-strong"): they make "m" a million
_COUNTED_NOUNS = frozenset(noun for nouns in VOCABULARY.measures.nouns.values() for noun in nouns if " " not in noun)
_NEXT_WORDS_RE = re.compile(r"[\s-]*(\w+)(?:\s+(\w+))?")
_RUN_BEFORE_RE = re.compile(rf"(?:^|[^\d.,])\d{{1,3}}{_SEP}$")
_RUN_AFTER_RE = re.compile(rf"{_SEP}\d")
_SEP_RE = re.compile(_SEP)
_ONE_TIME_NEEDLES = [(f" {article} {unit}", len(article)) for article in _VOCAB.words.one_time_articles
                     for unit in _VOCAB.words.one_time_units]
_ONE_TIME_BEFORE_RE = re.compile(rf"\b{_words(_VOCAB.words.one_time_before)}$")
# The patterns below are matched against lowered() text too, except the two that tell codes by case
# ("Su-34", "No. 5", "2S19"): _GLUED_AFTER_RE and _GLUED_BEFORE_RE, matched against the text itself.

_QUALIFIER_BEFORE = _VOCAB.qualifier_before
_QUALIFIER_BEFORE_RE = re.compile(rf"(?:^|(?<=[\s(\"“—–-]))({phrase_pattern(_QUALIFIER_BEFORE)})\s*$")
_QUALIFIER_BEFORE_ENDS = last_words(_QUALIFIER_BEFORE)
_PARTICLES = frozenset(_VOCAB.qualifiers.particles)
_PARTICLE_VERB_RE = re.compile(rf"\b{_words(_VOCAB.qualifiers.particle_verbs)}\s+$")
_PREPOSITIONS = frozenset(_VOCAB.qualifiers.prepositions)
_PREPOSITION_AFTER_RE = re.compile(rf"\b{_words(_VOCAB.qualifiers.preposition_after)}\s+$")
_QUALIFIER_AFTER = _VOCAB.qualifier_after
_QUALIFIER_AFTER_RE = re.compile(rf"\s*({phrase_pattern(_QUALIFIER_AFTER)})(?![\w])")
_UNIT_OF_WORD = _VOCAB.unit_of_word
_UNIT_AFTER_RE = re.compile(rf"(?:\s*-\s*|\s+|(?<=\d))({phrase_pattern(_UNIT_OF_WORD)})(?![\w²])")
_RANGE_JOIN_RE = re.compile(rf"\s*{_words([*_VOCAB.ranges.joiners, *_VOCAB.ranges.joiners_after_opener])}\s*")
_JOINERS_AFTER_OPENER = frozenset(_VOCAB.ranges.joiners_after_opener)
_CHANGE_OPENERS = frozenset(_VOCAB.ranges.change_openers)
_AND_RE = re.compile(rf"\s+{re.escape(_VOCAB.ranges.second_joiner)}\s+")
_BETWEEN_RE = re.compile(rf"{_words(_VOCAB.ranges.openers)}\s+$")
_MONTH = phrase_pattern(VOCABULARY.dates.month_number)
_DATE_BEFORE_RE = re.compile(rf"\b(?:{_MONTH})\.?\s*$")
_DATE_AFTER_RE = re.compile(rf"^{_words(_NOT.ordinal_suffixes)}?\s*(?:of\s+)?(?:{_MONTH})\b")
_CURRENCY_SIGNS = re.escape("".join(_NOT.currency_signs))
_MONEY_BEFORE_RE = re.compile(rf"(?:[{_CURRENCY_SIGNS}]|\b{_words(_NOT.currency_codes_before)})\s*$")
_MONEY_AFTER_RE = re.compile(rf"^\s*(?:{_DIGIT_SCALES}\s+)?{_words(_NOT.currency_words_after)}\b")
_PERCENT_AFTER_RE = re.compile(rf"^\s*(?:{_words(_NOT.percent_signs)}|{_words(_NOT.percent_words_after)}\b)")
_AGE_UNIT = rf"{_words(_NOT.age_units)}s?"
_AGE_AFTER_RE = re.compile(rf"^(?:\s*|-){_AGE_UNIT}(?:\s*|-){_words(_NOT.age_words_after)}\b"
                           rf"|^\s+{_AGE_UNIT}\s+{phrase_pattern([_NOT.age_phrase_after_units])}\b")
_AGE_BEFORE_RE = re.compile(rf"\b{_words(_NOT.age_words_before)}\s*$")
_WAR_AGE_RE = re.compile(rf"\s*(?:{_words(_NOT.war_modifiers)}\s+)?{_words(_NOT.war_words_after_age)}")
_WAR_BEFORE_RE = re.compile(rf"\b{_words(_NOT.war_words_before_age)}\b[^.]{{0,25}}$")
_TIME_AFTER_RE = re.compile(rf"^(?::\d{{2}}|\s*{_words(_NOT.time_words_after)}(?!\w))")
_MODEL_NAME_ENDS = tuple(f"{name} " for name in _NOT.model_names_before)  # (read on lowered text)
_BUILDING_SIZE_AFTER_RE = re.compile(rf"^-{_words(_NOT.building_size_words_after)}\b")
_MULTIPLIER_AFTER_RE = re.compile(rf"^(?:\s+|-){_words(_NOT.multiplier_words_after)}\b")
_WEIGHT_AFTER_RE = re.compile(rf"^(?:\s*|-)(?:{_DIGIT_SCALES}\s+)?{_words(_NOT.weight_words_after)}\b")
_GLUED_AFTER_RE = re.compile(rf"^(?:-?[A-Za-z]{{1,3}}\d|[A-Za-z](?<!k)|(?:-|\s)?{_words(_NOT.calibre_words)}\b"
                             rf"|-?{_words(_NOT.ordinal_suffixes)}\b)")
_GLUED_BEFORE_RE = re.compile(rf"(?:[A-Za-z]-?|\d/|{_words(_NOT.number_signs_cased)}\s?)$")  # "Kh-101/555"
# _GLUED_BEFORE_RE matches a letter and a hyphen or a sign and a space at most, and its "$" may stand
# before a final newline: a match begins no further back than this, and the search looks no further
_GLUED_BEFORE_REACH = max(2, *(len(sign) + 1 for sign in last_words(_NOT.number_signs_cased))) + 1
_YEAR_RE = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
# "around 2000 Russian prisoners": what a year-like number counts, a word or two after it
_COUNTED_AFTER_RE = re.compile(
    rf"\s+(?:[\w'’-]+\s+){{0,2}}?{_words(VOCABULARY.measures.measure_of_noun)}(?![\w-])")
_YEAR_WORD_BEFORE_RE = re.compile(rf"\b{_words(_VOCAB.not_quantities.year_words_before)}\s+$")
# the rarer kinds each pattern of a side tells: one scan of their union rules most numbers out
_KIND_BEFORE_RE = re.compile("|".join(f"(?:{p.pattern})" for p in (_MONEY_BEFORE_RE, _AGE_BEFORE_RE, _DATE_BEFORE_RE)))
_MONTHS = last_words(VOCABULARY.dates.month_number)
_KIND_BEFORE_ENDS = (*"".join(_NOT.currency_signs), *last_words(_NOT.currency_codes_before),
                     *last_words(_NOT.age_words_before), *_MONTHS, *(f"{month}." for month in _MONTHS))
_KIND_AFTER_RE = re.compile("|".join(f"(?:{p.pattern})" for p in (
    _PERCENT_AFTER_RE, _MONEY_AFTER_RE, _AGE_AFTER_RE, _TIME_AFTER_RE, _DATE_AFTER_RE, _BUILDING_SIZE_AFTER_RE,
    _MULTIPLIER_AFTER_RE, _WEIGHT_AFTER_RE)))
_SCALE_ONLY_RE = re.compile(rf"{_words(_SCALES)}\b")
_WORD_SPLIT_RE = re.compile(r"[\s-]+")
_TOKEN_RE = re.compile(r"\S+")
_CHANGE_VERB_RE = re.compile(rf"\b{_words(_VOCAB.ranges.change_verbs)}\s+$")
# "has risen by about 200 to 1,100": the change and the new total (lowered text before the first number)
_CHANGE_BY_RE = re.compile(rf"\b{_words(_VOCAB.ranges.change_verbs)}\s+{re.escape(_VOCAB.ranges.change_by)}\s+"
                           rf"(?:(?:{phrase_pattern(_QUALIFIER_BEFORE)})\s+)?$")


@dataclass(slots=True)
class NumberMention:
    """One number expression found in a text (offsets are into that text)."""

    start: int  # start of the expression, qualifier included
    end: int  # end of the number, range and unit included
    num_start: int  # start of the number itself
    num_end: int  # end of the number itself (range included, unit excluded)
    value: float  # in the unit as written
    low: float | None
    high: float | None
    qualifier: str  # exact, approx, at_least, at_most, range
    unit: str | None = None  # unit key from the measures vocabulary ('km', 'mi', 'day'...), None when none follows
    factor: float = 1.0  # multiply by this to reach the canonical unit
    dimension: str | None = None  # length, area, time
    kind: str = "quantity"  # quantity, date, year, time, age, size, multiplier, weight, money, percent, code
    restates: int | None = None  # index of the mention this one restates in brackets
    hyphenated: bool = False  # "1,000-day": the number is an adjective

    @property
    def canonical(self) -> tuple[float, float | None, float | None]:
        """(value, low, high) converted to the canonical unit, rounded to 2 decimals."""
        factor, low, high = self.factor, self.low, self.high
        return (round(self.value * factor, 2), None if low is None else round(low * factor, 2),
                None if high is None else round(high * factor, 2))


def parse_number_words(words: str) -> float | None:
    """Value of a number written in words.

    >>> parse_number_words("two hundred and fifty"), parse_number_words("twenty-three")
    (250.0, 23.0)
    >>> parse_number_words("half a million"), parse_number_words("one and a half million")
    (500000.0, 1500000.0)
    """
    total, current, seen, after_and, last_scale = 0.0, 0.0, False, False, 1
    for token in _WORD_SPLIT_RE.split(words.lower()):
        if token in (_AND, _OF, ""):
            after_and = after_and or token == _AND
            continue
        if token == "a":
            if not seen:  # "a hundred", "a quarter of a million"; later, "and a half", "half a million"
                current, seen = 1, True
            continue
        if token in _WORD_NUMBERS:
            current += _WORD_NUMBERS[token]
        elif token in _FRACTIONS and after_and:  # "one and a half": adds to the number, or to its scale
            if current:
                current += _FRACTIONS[token]
            else:
                total += _FRACTIONS[token] * last_scale
        elif token in _FRACTIONS:  # "half a", "three quarters of a": a part of the scale that follows
            current = (current or 1) * _FRACTIONS[token]
        elif token in _SCALES and _SCALES[token] < 1000:  # "two hundred": multiplies what came before it
            current = (current or 1) * _SCALES[token]
        elif token in _SCALES:
            last_scale = _SCALES[token]
            total += (current or 1) * last_scale
            current = 0
        else:
            return None
        seen, after_and = True, False
    return float(total + current) if seen else None


def _bare_value(match: re.Match) -> float | None:
    if match.group("digits"):
        value = float(_SEP_RE.sub("", match.group("digits")).replace(",", ""))
        scale = phrase_key((match.group("scale") or match.group("suffix") or "").lstrip("-"))
        return value * (_SCALES.get(scale) or _ABBREVIATIONS.get(scale, 1))
    return parse_number_words(match.group("words"))


def _groups_hold(text: str, low: str, start: int, end: int) -> bool:
    """Whether the spaced groups of the digits at low[start:end] are one number ("7 905 soldiers"), not
    a day and a count ("March 12 100 troops"), a code ("Su-34 100") or part of a run ("3 4 500")."""
    before = low[max(0, start - 25):start]
    return not (_RUN_BEFORE_RE.search(before) or _RUN_AFTER_RE.match(low, end) or _DATE_BEFORE_RE.search(before)
                or _GLUED_BEFORE_RE.search(text, max(0, start - _GLUED_BEFORE_REACH), start))


def _abbreviation_holds(text: str, low: str, match: re.Match) -> bool:
    """Whether an abbreviation that is also a unit ("m") is a scale here: "1.2m people", "3m Ukrainian
    refugees", "a 1.2m-strong army", but "500m from the line" and "a 2.5m-deep ditch" are metres."""
    if phrase_key(match.group("suffix")) not in _ALSO_UNITS:
        return True
    words = _NEXT_WORDS_RE.match(low, match.end())
    if words and (words.group(1) in _COUNTED_NOUNS or (  # a counted noun, or one after a proper adjective
            words.group(2) in _COUNTED_NOUNS and text[words.start(1)].isupper()
            and low[match.end():words.start(1)].strip() == "")):
        return True
    return "." in match.group("digits") and low[match.end():match.end() + 1] != "-"


def _reading(text: str, low: str, match: re.Match) -> re.Match:
    """``match``, or the shorter reading at its start when its grouping or abbreviation does not hold."""
    digits = match.group("digits")
    if digits is None:
        return match
    keep_groups = _SEP_RE.search(digits) is None or _groups_hold(
        text, low, match.start(), match.start("digits") + len(digits))
    if not keep_groups:
        match = _NUMBER_VARIANTS[False, True].match(low, match.start())
    if match.group("suffix") is not None and not _abbreviation_holds(text, low, match):
        match = _NUMBER_VARIANTS[keep_groups, False].match(low, match.start())
    return match


def _trim_words(match: re.Match, text: str) -> tuple[int, int]:
    """Cut a word number at an 'and' that joins two numbers ("five and six" is two numbers)."""
    start, end = match.span()
    if not match.group("words"):
        return start, end
    parts = list(_TOKEN_RE.finditer(text, start, end))
    for i, part in enumerate(parts):
        after_scale = parts[i - 1].group().lower() in _AND_CONTINUES_AFTER if i else False
        then_a = i + 1 < len(parts) and parts[i + 1].group().lower() == "a"  # "one and a half"
        if part.group().lower() == _AND and i and not after_scale and not then_a:
            return start, parts[i - 1].end()
    return start, end


def _classify(text: str, low: str, start: int, end: int, digits: str | None) -> str:
    """The kind of the number at text[start:end] (``low`` is lowered(text)): quantity, date, money..."""
    before, after = low[max(0, start - 25):start], low[end:end + 30]
    # one scan of each side tells whether any of the rarer kinds may follow or precede: most numbers
    # are counts, and the patterns below need not each be tried on them
    kind_after = _KIND_AFTER_RE.match(after) is not None
    kind_before = before.rstrip().endswith(_KIND_BEFORE_ENDS) and _KIND_BEFORE_RE.search(before) is not None
    if kind_after and _PERCENT_AFTER_RE.match(after):
        return "percent"
    if (kind_before and _MONEY_BEFORE_RE.search(before)) or (kind_after and _MONEY_AFTER_RE.match(after)):
        return "money"
    age = _AGE_AFTER_RE.match(after) if kind_after else None
    if (age and not _WAR_AGE_RE.match(after, age.end()) and not _WAR_BEFORE_RE.search(before)) or \
            (kind_before and _AGE_BEFORE_RE.search(before)):
        return "age"  # "a 72-year-old man", but not "the three-year-old war"
    if kind_after and _BUILDING_SIZE_AFTER_RE.match(after):
        return "size"  # "a five-storey building"
    if kind_after and _MULTIPLIER_AFTER_RE.match(after):
        return "multiplier"  # "ten times higher": how many times another figure
    if kind_after and _WEIGHT_AFTER_RE.match(after):
        return "weight"  # "lost 20 kg"
    if digits is None and _SCALE_ONLY_RE.match(low, start, end):
        return "vague"  # "several hundred square miles": no count given
    if digits is not None:
        if len(digits) > 15:
            return "code"  # no war figure has 16 digits: an id, a phone number, junk
        if before.endswith(_MODEL_NAME_ENDS) and _after_model_name(before):
            return "code"  # "Leopard 2 tanks": a weapon's model
        if kind_after and _TIME_AFTER_RE.match(after):
            return "time"
        if _GLUED_BEFORE_RE.search(text, max(0, start - _GLUED_BEFORE_REACH), start) or (
                _GLUED_AFTER_RE.match(text[end:end + 30]) and not _UNIT_AFTER_RE.match(low, end)):
            return "code"
        if (kind_before and _DATE_BEFORE_RE.search(before)) or (kind_after and _DATE_AFTER_RE.match(after)):
            return "date"
        if len(digits) == 4 and _YEAR_RE.match(digits) and not _counts_what_follows(low, start, end):
            return "year"
    return "quantity"


def _after_model_name(before: str) -> bool:
    """Whether a (lowered) text ends in a weapon's name and a space: "14 leopard ", not "bleopard "."""
    end = next(end for end in _MODEL_NAME_ENDS if before.endswith(end))
    at = len(before) - len(end)
    return at == 0 or not before[at - 1].isalpha()


def _counts_what_follows(low: str, start: int, end: int) -> bool:
    """Whether a year-like number counts the noun after it ("around 2000 Russian prisoners"), no word
    that dates coming before it ("in 2014 Russian troops seized Crimea")."""
    return _COUNTED_AFTER_RE.match(low, end) is not None and \
        _YEAR_WORD_BEFORE_RE.search(low, max(0, start - 12), start) is None


def _scale_range_low(low: float, high: float, low_text: str) -> float:
    """'11 to 12,000' means 11,000 to 12,000: give a bare low end the high end's thousands or millions."""
    if "," in low_text or _SEP_RE.search(low_text) or low >= high or high < 1000:
        return low
    for scale in (1e3, 1e6, 1e9):
        if high / 10 <= low * scale <= high:
            return low * scale
    return low


def find_numbers(text: str, *, low: str | None = None) -> list[NumberMention]:
    """Every number expression in ``text``, in order, with qualifiers, ranges and units resolved.

    >>> n = find_numbers("between 11 and 12,000 soldiers")[0]
    >>> (n.low, n.high, n.value, n.qualifier)
    (11000.0, 12000.0, 11500.0, 'range')

    ``low`` is ``lowered(text)``, if the caller has it already.
    """
    low = lowered(text) if low is None else low
    mentions: list[NumberMention] = []
    pos = 0
    while True:
        match = _next_number(low, pos)
        if match is None:
            break
        match = _reading(text, low, match)
        start, end = _trim_words(match, text)
        pos = end
        value = _bare_value(match) if end == match.end() else parse_number_words(text[start:end])
        if match.group("words") and _A_OR_FRACTION_SCALE_RE.match(low, start):
            fraction = _FRACTION_BEFORE_RE.search(low, max(0, start - 30), start)
            if fraction:
                start = fraction.start()
                value = parse_number_words(low[start:end])
                while mentions and mentions[-1].num_start >= start:  # "three" of "three quarters of a million"
                    mentions.pop()
        if value is None:
            continue
        digits = match.group("digits") if match.group("digits") and not match.group("scale") else None
        kind = _classify(text, low, start, end, digits)
        mention = NumberMention(start, end, start, end, value, value, value, "exact", kind=kind)
        if kind == "quantity":
            _extend_range(text, low, mention)
            pos = mention.num_end
            _attach_qualifier(text, low, mention)
            _attach_unit(text, low, mention)
        mentions.append(mention)
    mentions = _with_one_time(text, low, mentions)
    if _VOCAB.ranges.shared_unit_after in low:
        _share_units(low, mentions)
    _mark_restatements(text, mentions)
    return mentions


_SHARED_UNIT_JOIN_RE = re.compile(rf"\s*{_words(_VOCAB.ranges.shared_unit_joiners)}\s*")
_SHARED_UNIT_END_RE = re.compile(rf"\s*{re.escape(_VOCAB.ranges.shared_unit_after)}\b")


def _share_units(low: str, mentions: list[NumberMention]) -> None:
    """'477 and 459 square kilometres respectively': the counts before the last one's unit share it."""
    for i in range(len(mentions) - 2, -1, -1):
        first, then = mentions[i], mentions[i + 1]
        if first.kind != "quantity" or first.unit is not None or then.unit is None:
            continue
        last = next((m for m in mentions[i + 1:] if m.unit is not None), then)
        if _SHARED_UNIT_JOIN_RE.fullmatch(low, first.end, then.start) and _SHARED_UNIT_END_RE.match(low, last.end):
            first.unit, first.factor, first.dimension = then.unit, then.factor, then.dimension


def _one_time_articles(low: str) -> Iterator[tuple[int, int]]:
    """The spans of the articles before a unit of time that count one ("for more than a year"): found
    by the phrase " a year" itself, then the word before it (a pattern tried at every position of a
    long text would cost more than the rest of the scan)."""
    for needle, width in _ONE_TIME_NEEDLES:
        at = low.find(needle)
        while at >= 0:
            end = at + len(needle)
            if (end == len(low) or not low[end].isalnum()) and _ONE_TIME_BEFORE_RE.search(low, max(0, at - 16), at):
                yield at + 1, at + 1 + width
            at = low.find(needle, end)


def _with_one_time(text: str, low: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """The mentions and the article that counts one unit of time ("for more than a year": 1 year, at least)."""
    added = []
    for start, end in _one_time_articles(low):
        if any(m.start <= start < m.end for m in mentions):
            continue
        mention = NumberMention(start, end, start, end, 1.0, 1.0, 1.0, "exact")
        _attach_qualifier(text, low, mention)
        _attach_unit(text, low, mention)
        added.append(mention)
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _next_number(low: str, pos: int) -> re.Match | None:
    """``_NUMBER.search(low, pos)``, found through _BEFORE_NUMBER_RE (see ``marked_matches``)."""
    return next(marked_matches(_NUMBER, _BEFORE_NUMBER_RE, low, pos), None)


def _extend_range(text: str, low: str, mention: NumberMention) -> None:
    join = _RANGE_JOIN_RE.match(low, mention.num_end)
    between = _BETWEEN_RE.search(low, max(0, mention.num_start - 10), mention.num_start)
    first_unit = None
    if between and join is None:
        first_unit = _UNIT_AFTER_RE.match(low, mention.num_end)  # "from 100 metres to 1,400 metres"
        at = first_unit.end(1) if first_unit else mention.num_end
        join = (_RANGE_JOIN_RE.match(low, at) if first_unit else None) or _AND_RE.match(low, at)
    if join is None:
        return
    joiner = join.group().strip()
    if joiner in _JOINERS_AFTER_OPENER and not between:
        return
    second = _NUMBER.match(low, join.end())
    if second is None:
        return
    second = _reading(text, low, second)
    s_start, s_end = _trim_words(second, text)
    high = _bare_value(second) if s_end == second.end() else parse_number_words(text[s_start:s_end])
    if high is None or _classify(text, low, s_start, s_end, second.group("digits")) != "quantity":
        return
    if first_unit is not None:
        second_unit = _UNIT_AFTER_RE.match(low, s_end)
        if second_unit is None or (_UNIT_OF_WORD[phrase_key(second_unit.group(1))][0]
                                   != _UNIT_OF_WORD[phrase_key(first_unit.group(1))][0]):
            return  # a range whose ends carry one unit, written twice
    if between and between.group().split()[0] in _CHANGE_OPENERS and _CHANGE_VERB_RE.search(
            low, max(0, between.start() - 12), between.start()):
        return  # "rose from 10 to 12": two readings, not a range
    if not between and _CHANGE_BY_RE.search(low, max(0, mention.num_start - 40), mention.num_start):
        return  # "has risen by about 200 to 1,100": the change and the new total
    bottom = _scale_range_low(mention.value, high, text[mention.num_start:mention.num_end])
    if not bottom < high or high > 100 * max(bottom, 1):
        return
    mention.low, mention.high = bottom, high
    mention.value = (bottom + high) / 2
    mention.qualifier = "range"
    mention.num_end = mention.end = s_end
    if between:
        mention.start = mention.num_start = between.start()


def _particle_of_verb(low: str, found: re.Match) -> bool:
    """Whether the qualifier ``found`` is the particle of the verb of change right before it: "the toll
    climbed up to 21", "has gone up to 40" say "climbed to 21", no "at most"."""
    return phrase_key(found.group(1)) in _PARTICLES and _PARTICLE_VERB_RE.search(
        low, max(0, found.start(1) - 16), found.start(1)) is not None


def _preposition_after_word(low: str, found: re.Match) -> bool:
    """Whether the qualifier ``found`` is a preposition after a noun that takes it, or a verb's particle:
    "regained control over 2.2 square kilometres" is control of 2.2, "handed over 40" hands 40; no
    "at least"."""
    return phrase_key(found.group(1)) in _PREPOSITIONS and _PREPOSITION_AFTER_RE.search(
        low, max(0, found.start(1) - 32), found.start(1)) is not None


def _attach_qualifier(text: str, low: str, mention: NumberMention) -> None:
    start = max(0, mention.num_start - 30)
    found = _QUALIFIER_BEFORE_RE.search(low, start, mention.num_start) if low[start:mention.num_start].rstrip(
        ).endswith(_QUALIFIER_BEFORE_ENDS) else None
    if found and (_particle_of_verb(low, found) or _preposition_after_word(low, found)):
        found = None
    if mention.qualifier == "range":
        if found and _QUALIFIER_BEFORE[phrase_key(found.group(1))] == "approx":
            mention.start = found.start(1)  # "around 11 to 12,000" is still a range
        return
    if found:
        mention.qualifier = _QUALIFIER_BEFORE[phrase_key(found.group(1))]
        mention.start = found.start(1)
    else:
        after = _QUALIFIER_AFTER_RE.match(low, mention.num_end)
        if after and not (after.group(1) == "+" and text[after.end():after.end() + 1].isdigit()):
            mention.qualifier = _QUALIFIER_AFTER[after.group(1)]
            mention.end = after.end()
    value = mention.value
    mention.low, mention.high = {
        "exact": (value, value), "approx": (None, None), "at_least": (value, None), "at_most": (None, value),
    }[mention.qualifier]


def _attach_unit(text: str, low: str, mention: NumberMention) -> None:
    found = _UNIT_AFTER_RE.match(low, mention.end)
    if not found:
        return
    word = phrase_key(found.group(1))
    unit, factor, dimension = _UNIT_OF_WORD[word]
    mention.unit, mention.factor, mention.dimension = unit, factor, dimension
    mention.hyphenated = "-" in text[mention.end:found.start(1)]
    mention.end = found.end(1)


_BRACKETED_RE = re.compile(rf"\s*[(\[]\s*(?:{_words(_NOT.restatement_openers)}\s+)?$")
_RESTATEMENT_JOINERS = frozenset(_NOT.restatement_joiners)


def _mark_restatements(text: str, mentions: list[NumberMention]) -> None:
    """'9 kilometers (more than 5 miles)': the bracketed figure restates the one before it."""
    for i in range(1, len(mentions)):
        prev, cur = mentions[i - 1], mentions[i]
        if prev.dimension is None or cur.dimension != prev.dimension:
            continue
        between = text[prev.end:cur.start]
        if _BRACKETED_RE.fullmatch(between) or between.strip() in _RESTATEMENT_JOINERS:
            cur.restates = i - 1
