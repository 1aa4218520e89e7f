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

from analysis.vocabulary import lowered

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), start=1)}
_MONTH_ABBR = {m[:3]: i for m, i in _MONTHS.items()} | {"sept": 9}
_MONTH_RE = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|" \
            r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DATE_RE = re.compile(
    r"\b(?P<weekday>(?:(?:late|early)\s+)?(?:on\s+)?(?:last\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)(?:\s+(?:night|morning|evening|afternoon))?)\b"
    rf"|\b(?P<md>{_MONTH_RE}\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<md_year>(?:19|20)\d\d))?)\b"
    rf"|\b(?P<dm>(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_month>{_MONTH_RE})(?:,?\s+(?P<dm_year>(?:19|20)\d\d))?)"
    rf"|\b(?P<month>(?:(?:early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)[\s-]+)?"
    rf"(?P<m_name>{_MONTH_RE})(?:\s+(?P<m_year>(?:19|20)\d\d))?)\b"
    r"|\b(?P<rel>yesterday|today|tonight|this\s+morning|this\s+evening|overnight|last\s+night|"
    r"last\s+week|this\s+week|last\s+month|this\s+month|earlier\s+this\s+week|earlier\s+this\s+month)\b"
    r"|\b(?:in|since|during|by|throughout)\s+(?P<year>(?:19|20)\d\d)\b")  # matched on lowered() text
# a piece of every phrase _DATE_RE matches ("day" of the weekdays and "today", "jun" of "June", "20" of a
# year): a flat alternation of short words is the cheapest scan that rules a sentence out
_DATE_HINT_RE = re.compile("|".join(["day", "night", "morning", "evening", "week", "month", "19", "20",
                                     *(month[:3] for month in _MONTHS)]))
# "since early August", "since the offensive began there on August 6": when a period began
_PERIOD_START_RE = re.compile(r"\b(?:since|until|till)\b[^,;.:]*$|\bfrom\s+(?:the\s+)?$")
_SPEECH_BEFORE_RE = re.compile(
    r"\b(?:said|says|told|announced|reported|wrote|stated|added|noted|claimed|confirmed|posted|"
    r"estimated|published|released|briefing|statement|interview|address)\b[^.,;]{0,25}$", re.I)
# "May" is a month only when a day, a year or a preposition makes it one
_MAY_MODAL_RE = re.compile(r"^may$", re.I)


@dataclass(slots=True)
class DateMention:
    start: int
    end: int
    date: pd.Timestamp
    precision: str  # day, week, month, year
    speech: bool  # the date of a statement ("said on Tuesday"), not of an event


def _month_number(name: str) -> int:
    name = name.lower().rstrip(".")
    return _MONTHS.get(name) or _MONTH_ABBR[name[:4] if name.startswith("sept") else name[:3]]


_DAYS = tuple(pd.Timedelta(days=n) for n in range(8))  # (building a Timedelta costs more than the subtraction)
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
            if "last" in words and back == 0:
                back = 7
            return base - _DAYS[back], "day"
        if g["md"] or g["dm"]:
            month = _month_number(g["md"] and match.group(0).split()[0] or g["dm_month"])
            day = int(g["md_day"] or g["dm_day"])
            year = g["md_year"] or g["dm_year"]
            year = int(year) if year else _year_for(month, day, base)
            return pd.Timestamp(year=year, month=month, day=day), "day"
        if g["month"]:
            if _MAY_MODAL_RE.match(g["month"]) and not g["m_year"]:
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
    rel = " ".join(rel.split())
    if rel in ("yesterday", "last night"):
        return base - _DAYS[1], "day"
    if rel in ("today", "tonight", "this morning", "this evening", "overnight"):
        return base, "day"
    if rel == "last week":
        return base - _DAYS[7], "week"
    if rel in ("this week", "earlier this week"):
        return base, "week"
    if rel == "last month":
        first = base.replace(day=1) - _DAYS[1]
        return first.replace(day=1), "month"
    return base.replace(day=1), "month"


def find_dates(text: str, published: pd.Timestamp | None, *, offset: int = 0) -> list[DateMention]:
    """Dated phrases in ``text`` (a sentence), resolved against ``published``; none without a base."""
    if published is None:
        return []
    low = lowered(text)
    if not _DATE_HINT_RE.search(low) or pd.isna(published):  # most sentences name no date: one cheap scan says so
        return []
    base = _base_date(published)
    out = []
    for match in _DATE_RE.finditer(low):
        resolved = resolve(match.group(0), base)
        if resolved is None or _PERIOD_START_RE.search(low, max(0, match.start() - 90), match.start()):
            continue  # "since early August": when a period began, not when the figure's event happened
        speech = bool(_SPEECH_BEFORE_RE.search(text, max(0, match.start() - 40), match.start()))
        out.append(DateMention(offset + match.start(), offset + match.end(), resolved[0], resolved[1], speech))
    return out


@lru_cache(maxsize=1024)
def _base_date(published: pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(published).normalize()  # (cached: a Timestamp is slow to build, and articles share days)
