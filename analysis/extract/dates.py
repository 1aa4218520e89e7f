"""Event dates: resolve the date phrases of a sentence against the article's publication date.

Reporters date events relative to the day they write: "on Tuesday" is the most recent Tuesday on
or before publication, "last week" a week before, "in early October" the October before. We read
the common phrases ourselves (dateparser mis-reads several of them: "Nov. 4" split at the dot,
"early October" left unparsed, the publication weekday sent a week back) and hand dateparser only
what is left: explicit dates in their many spellings. Results are cached per (phrase, base date).

>>> import pandas as pd
>>> [(d.date.date().isoformat(), d.precision) for d in find_dates("An attack on Tuesday", pd.Timestamp("2024-11-05"))]
[('2024-11-05', 'day')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from analysis.vocabulary import VOCABULARY, lowered, marked_matches, phrase_pattern
from analysis.vocabulary import phrase_group as _words  # (a group of phrases, inside a pattern)

_D = VOCABULARY.dates
_WEEKDAYS = _D.weekdays
_MONTH_NUMBER = _D.month_number
_LAST = frozenset(_D.weekday_last)


_MONTH_RE = rf"{_words(_MONTH_NUMBER)}\.?"
_ORDINAL = rf"{_words(VOCABULARY.numbers.not_quantities.ordinal_suffixes)}?"
_YEAR = r"(?:19|20)\d\d"
_DATE_RE = re.compile(
    rf"\b(?P<weekday>(?:{_words(_D.weekday_edges)}\s+)?(?:{_words(_D.weekday_before)}\s+)?"
    rf"(?:{_words(_D.weekday_last)}\s+)?{_words(_WEEKDAYS)}(?:\s+{_words(_D.weekday_parts)})?)\b"
    rf"|\b(?P<md>{_MONTH_RE}\s+(?P<md_day>\d{{1,2}}){_ORDINAL}(?:,?\s+(?P<md_year>{_YEAR}))?)\b"
    rf"|\b(?P<dm>(?P<dm_day>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<dm_month>{_MONTH_RE})(?:,?\s+(?P<dm_year>{_YEAR}))?)"
    rf"|\b(?P<month>(?:{_words(_D.month_edges)}[\s-]+)?"
    rf"(?P<m_name>{_MONTH_RE})(?:\s+(?P<m_year>{_YEAR}))?)\b"
    rf"|\b(?P<rel>{_words(_D.relative)})\b"
    rf"|\b{_words(_D.year_prepositions)}\s+(?P<year>{_YEAR})\b")  # matched on lowered() text
# the first word of every phrase _DATE_RE matches, branch by branch (a day of the month: its digits)
_FIRST_WORDS = {phrase.split()[0] for phrases in (
    _D.weekday_edges, _D.weekday_before, _D.weekday_last, _WEEKDAYS, _MONTH_NUMBER, _D.month_edges,
    _D.relative, _D.year_prepositions) for phrase in phrases}
# where a date phrase may begin, for the scan of a sentence: the character before a word, then the first
# word of a date phrase and the phrase. _DATE_RE opens each branch with \b, which makes ``re`` try them
# all at every position; this opens with a character class, which lets it skip ahead, and tries the
# branches only after a first word (the lookbehind tells a character before a word from one inside it)
_BEFORE_DATE_RE = re.compile(rf"[^0-9A-Za-z_](?<!\w)(?=\d|(?:{phrase_pattern(_FIRST_WORDS)})\b)(?={_DATE_RE.pattern})")
# a piece of every phrase _DATE_RE matches ("day" of the weekdays, "jun" of "June", "20" of a year):
# a sentence that holds none names no date, which substring tests tell far faster than any pattern
_HINTS = list(dict.fromkeys([*(day[-3:] for day in _WEEKDAYS), *_D.weekday_parts, *(month[:3] for month in _D.months),
                             *(phrase.split()[-1] for phrase in _D.relative), "19", "20"]))
_DATE_HINTS = tuple(hint for hint in _HINTS if not any(other != hint and other in hint for other in _HINTS))
# "since early August", "since the offensive began there on August 6": when a period began
_PERIOD_START_RE = re.compile(
    rf"\b{_words(_D.period_start)}\b[^,;.:]*$"
    rf"|\b(?:(?P<count>{_words(_D.period_from_not_after)})\s+)?{_words(_D.period_from)}\s+(?:the\s+)?$")
_MODAL_MONTH_RE = re.compile(rf"\b{_words(_D.modal_month_after)}\s+$")  # "in May" (lowered text)
_SPEECH_BEFORE_RE = re.compile(rf"\b{_words(_D.speech_words)}\b[^.,;]{{0,25}}$", re.I)
_MODAL_MONTH = _D.modal_month


@dataclass(slots=True)
class DateMention:
    start: int
    end: int
    date: pd.Timestamp
    precision: str  # day, week, month, year
    speech: bool  # the date of a statement ("said on Tuesday"), not of an event
    relative: bool = False  # told relative to the report ("overnight", "yesterday"), not by its name
    report: bool = False  # "over the past 24 hours": whatever day the report that gives the figure was made


def _month_number(name: str) -> int:
    return _MONTH_NUMBER[name.lower().rstrip(".")]


_DAYS = tuple(pd.Timedelta(days=n) for n in range(15))  # (building a Timedelta costs more than the subtraction)
_FUTURE_HORIZON = pd.Timedelta(days=60)  # "on Jan. 20, when Trump is sworn in": reporters also name coming dates


def _year_for(month: int, day: int, base: pd.Timestamp) -> int:
    """The year of a month/day without one: this year's, unless that lies well after publication."""
    try:
        candidate = pd.Timestamp(year=base.year, month=month, day=day)
    except ValueError:  # February 29 of a common year
        candidate = pd.Timestamp(year=base.year, month=month, day=28)
    return base.year - 1 if candidate > base + _FUTURE_HORIZON else base.year


@lru_cache(maxsize=65536)
def resolve(phrase: str, base: pd.Timestamp) -> tuple[pd.Timestamp, str] | None:
    """The date and precision of one date phrase, relative to ``base``.

    >>> resolve("last week", pd.Timestamp("2024-11-05"))
    (Timestamp('2024-10-29 00:00:00'), 'week')
    """
    match = _DATE_RE.fullmatch(lowered(phrase.strip()))
    return _resolve_match(match, base) if match else None


def _resolve_match(match: re.Match, base: pd.Timestamp) -> tuple[pd.Timestamp, str] | None:
    g = match.groupdict()
    try:
        if g["weekday"]:
            words = g["weekday"].lower().split()
            target = next(_WEEKDAYS.index(w) for w in words if w in _WEEKDAYS)
            back = (base.weekday() - target) % 7
            if _LAST.intersection(words) and back == 0:
                back = 7
            return base - _DAYS[back], "day"
        if g["md"] or g["dm"]:
            month = _month_number(g["md"] and match.group(0).split()[0] or g["dm_month"])
            day = int(g["md_day"] or g["dm_day"])
            year = g["md_year"] or g["dm_year"]
            year = int(year) if year else _year_for(month, day, base)
            return pd.Timestamp(year=year, month=month, day=day), "day"
        if g["month"]:
            if g["month"].lower() == _MODAL_MONTH and not g["m_year"]:
                return None
            month = _month_number(g["m_name"])
            year = int(g["m_year"]) if g["m_year"] else _year_for(month, 1, base)
            return pd.Timestamp(year=year, month=month, day=1), "month"
        if g["rel"]:
            return _relative(g["rel"].lower(), base)
        if g["year"]:
            return pd.Timestamp(year=int(g["year"]), month=1, day=1), "year"
    except ValueError:  # "February 30"
        return None
    return None


def _relative(rel: str, base: pd.Timestamp) -> tuple[pd.Timestamp, str]:
    spec = _D.relative[" ".join(rel.split())]
    if spec.month == "last_month":
        return (base.replace(day=1) - _DAYS[1]).replace(day=1), spec.precision
    if spec.month == "this_month":
        return base.replace(day=1), spec.precision
    return base - _DAYS[spec.days], spec.precision


def date_phrase_end(low: str, pos: int = 0) -> int | None:
    """Where a date phrase that begins at ``pos`` of a lowered text ends, if one begins there.

    >>> date_phrase_end("late on tuesday the governor said")
    15
    """
    match = _DATE_RE.match(low, pos)
    return match.end() if match is not None and match.group() != _MODAL_MONTH else None


def find_dates(text: str, published: pd.Timestamp | None, *, offset: int = 0) -> list[DateMention]:
    """Dated phrases in ``text`` (a sentence), resolved against ``published``; none without a base."""
    if published is None:
        return []
    low = lowered(text)
    if not any(hint in low for hint in _DATE_HINTS) or pd.isna(published):  # most sentences name no date
        return []
    base = _base_date(published)
    out = []
    for match in marked_matches(_DATE_RE, _BEFORE_DATE_RE, low):
        resolved = resolve(match.group(0), base)
        if resolved is None and match.group(0) == _MODAL_MONTH and text[match.start()].isupper() \
                and _MODAL_MONTH_RE.search(low, max(0, match.start() - 12), match.start()):
            resolved = _month_date(_MONTH_NUMBER[_MODAL_MONTH], base)  # "in May": the month
        if resolved is None or _period_start(low, match):
            continue  # "since early August": when a period began, not when the figure's event happened
        if resolved[1] == "day" and _night_that_ended_after(low, match):
            resolved = (resolved[0] + _DAYS[1], "day")
        speech = bool(_SPEECH_BEFORE_RE.search(text, max(0, match.start() - 40), match.start()))
        rel = match.group("rel")
        out.append(DateMention(offset + match.start(), offset + match.end(), resolved[0], resolved[1], speech,
                               relative=rel is not None, report=rel is not None and _D.relative[
                                   " ".join(rel.split())].report))
    return out


_TIME = r"\d{1,2}(?:[:.]\d\d)?\s*"
_NIGHT_START_RE = re.compile(rf"{_TIME}{_words(_D.night_start_marks)}[^.;]{{0,40}}?\s$")  # lowered
_NIGHT_END_RE = re.compile(rf"[^.;]{{0,3}}\s{re.escape(_D.night_joiner)}\s+{_TIME}{_words(_D.night_end_marks)}")


def _night_that_ended_after(low: str, match: re.Match) -> bool:
    """Whether a day is the start of a night span that ended the morning after ("between 11 p.m. on
    December 24 and 7 a.m."): the tally of such a night is the morning's, as "overnight" is."""
    return bool(_NIGHT_START_RE.search(low, max(0, match.start() - 60), match.start())
                and _NIGHT_END_RE.match(low, match.end()))


def _period_start(low: str, match: re.Match) -> bool:
    """Whether a date tells when a period began ("since early August", "from June"), not when a figure's
    event happened; "since October 2022, when 317 were killed" and "UN data from August" date their figures."""
    if low.startswith(("'s ", "’s "), match.end()):
        return False  # "the toll from Monday's strike": a possessive day is an event's, never a period's start
    found = _PERIOD_START_RE.search(low, max(0, match.start() - 90), match.start())
    if found is None or found.group("count") is not None:
        return False
    return not low.startswith(_D.period_then, match.end())


def _month_date(month: int, base: pd.Timestamp) -> tuple[pd.Timestamp, str]:
    return pd.Timestamp(year=_year_for(month, 1, base), month=month, day=1), "month"


@lru_cache(maxsize=1024)
def _base_date(published: pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(published).normalize()  # (cached: a Timestamp is slow to build, and articles share days)
