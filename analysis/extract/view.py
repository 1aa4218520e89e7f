"""What the measure and actor rules read: one sentence's text, its numbers and bounds, and one figure in it.

:class:`SentenceView` holds an article's text (as written and lower-cased, same offsets), the number
mentions of one sentence and the sentence's bounds; it answers, once each, the questions several rules
ask (where a figure's clause ends, where the next figure starts, what a number reads as). A
:class:`Figure` is one number of that sentence. Everything is computed on first use and kept, so that
a sentence is read in time linear in its length however its figures refer to each other.

>>> from analysis.extract.numbers import find_numbers
>>> text = "Six died and 23 were hurt."
>>> view = SentenceView.of(text, find_numbers(text))
>>> figure = view.figure(0)
>>> text[figure.clause[0]:figure.clause[1]], text[figure.next_start:]
('Six died and 23 were hurt.', '23 were hurt.')
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from analysis.extract.numbers import NumberMention
from analysis.vocabulary import VOCABULARY, lowered, phrase_pattern

_PHRASES = VOCABULARY.measures.phrases
_NOUN_RE = re.compile(rf"\b(?:{phrase_pattern(VOCABULARY.measures.measure_of_noun)})(?![\w-])")
# a clause ends at these: "... 23 injured; in Kyiv ...", ", while ..." (the marks as branches of their own,
# not a character class: a pattern whose every branch opens with a character lets `re` skip ahead to them)
_CLAUSE_END_RE = re.compile("|".join(map(re.escape, ";:()[]—–"))
                            + rf"|,\s+(?:{phrase_pattern(_PHRASES.clause_openers)})\b")
_INCLUDING_RE = re.compile(rf"\b(?:{phrase_pattern(_PHRASES.including_before)})\s*$")
# "9,300 troops and 80 tanks": the next figure of a list, also past items counted by an article
# ("220 servicemen, an armoured vehicle, 3 tanks")
_ITEM_ARTICLE = phrase_pattern(_PHRASES.unnumbered_item_articles)
_LIST_JOIN_RE = re.compile(rf"\s*[\w’' -]{{0,40}}?(?:,\s*(?:{_ITEM_ARTICLE})\s[\w’'/ -]{{0,40}}?)*"
                           r"(?:,\s*|\s+and\s+|,\s+and\s+)")

_PENDING = object()  # a reading asked for while it is being made (figures that refer to each other)
# figures read one through another ("5 of 5 of 5 ... soldiers") further than this are left unread:
# no sentence a reporter writes nests so deep, and the stack stays shallow whatever the input
MAX_READING_DEPTH = 40


@dataclass(slots=True, eq=False)
class SentenceView:
    """One sentence of an article, as the rules read it: ``text[lo:hi]`` holds ``mentions``."""

    text: str  # the whole article, as written
    low: str  # lowered(text): the rules' patterns are lower case
    mentions: list[NumberMention]
    lo: int
    hi: int
    read: Callable[[Figure], Any] | None = None  # how a figure is read (set by the measures stage)
    before: Any = None  # the last reading of the sentence just before, if it has one (set by the pipeline)
    memo: dict = field(default_factory=dict)  # what the rules work out once per sentence
    _readings: dict[int, Any] = field(default_factory=dict)
    _clause_ends: tuple[list[int], list[int]] | None = None
    _quantities: list[int] | None = None
    _counts: list[int] | None = None
    _after_list: dict[tuple[int, int], int] = field(default_factory=dict)
    _holds: dict[tuple[str, ...], bool] = field(default_factory=dict)
    _depth: int = 0

    @classmethod
    def of(cls, text: str, mentions: list[NumberMention], *, lo: int = 0, hi: int | None = None,
           low: str | None = None) -> SentenceView:
        """The view of ``text[lo:hi]`` (the whole text by default) holding ``mentions``."""
        return cls(text, lowered(text) if low is None else low, mentions, lo, len(text) if hi is None else hi)

    def figure(self, i: int) -> Figure:
        return Figure(self, i, self.mentions[i])

    def reading(self, i: int) -> Any:
        """What mention ``i`` reads as (made once; a reading asked for while being made is None)."""
        found = self._readings.get(i)
        if found is _PENDING:
            return None
        if i in self._readings:
            return found
        if self._depth >= MAX_READING_DEPTH:
            return None
        self._readings[i] = _PENDING
        self._depth += 1
        try:
            result = self.read(self.figure(i)) if self.read is not None else None
        finally:
            self._depth -= 1
        self._readings[i] = result
        return result

    # --- the sentence's structure, computed once ------------------------------------------------

    def clause_ends(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the sentence's clause boundaries, left to right."""
        if self._clause_ends is None:
            found = list(_CLAUSE_END_RE.finditer(self.text, self.lo, self.hi))
            self._clause_ends = [m.start() for m in found], [m.end() for m in found]
        return self._clause_ends

    def quantities(self) -> list[int]:
        """Indices of the mentions that are counts (not dates, not restatements)."""
        if self._quantities is None:
            self._quantities = [j for j, m in enumerate(self.mentions) if m.kind == "quantity" and m.restates is None]
        return self._quantities

    def counts(self) -> list[int]:
        """Indices of the mentions that are counts, restatements included ("(5 miles)")."""
        if self._counts is None:
            self._counts = [j for j, m in enumerate(self.mentions) if m.kind == "quantity"]
        return self._counts

    def next_quantity(self, i: int) -> int | None:
        """The first count after mention ``i``."""
        quantities = self.quantities()
        at = bisect.bisect_right(quantities, i)
        return quantities[at] if at < len(quantities) else None

    def holds(self, words: tuple[str, ...]) -> bool:
        """Whether the sentence holds one of ``words`` (lower case; worked out once per sentence): a test
        far cheaper than a pattern that needs one of them."""
        found = self._holds.get(words)
        if found is None:
            found = self._holds[words] = any(self.low.find(word, self.lo, self.hi) >= 0 for word in words)
        return found

    def phrase_end(self, start: int, hi: int) -> int:
        """Where the counted noun after ``start`` ends (``start`` if none comes within a few words)."""
        noun = _NOUN_RE.search(self.low, start, min(hi, start + 60))
        return noun.end() if noun else start

    def joined(self, j: int, prev_end: int) -> bool:
        """Whether mention ``j`` continues a list or a subset of what ends at ``prev_end``:
        "9,300 troops and 80 tanks", "12 people, including three children"."""
        n = self.mentions[j]
        return bool(_INCLUDING_RE.search(self.low, max(0, n.start - 20), n.start)
                    or _LIST_JOIN_RE.fullmatch(self.low, prev_end, n.start))

    def list_heads(self, i: int, hi: int, reach: int = 3) -> Iterator[int]:
        """The counts before mention ``i`` that it continues a list of, nearest first ("lost 4 tanks and
        300 men": 4 for the 300), looking back over at most ``reach`` counts (``hi`` bounds their nouns).

        >>> from analysis.extract.numbers import find_numbers
        >>> text = "Kyiv lost 4 tanks, 9 guns and 300 men. Then 7 died."
        >>> view = SentenceView.of(text, find_numbers(text))
        >>> list(view.list_heads(2, 38)), list(view.list_heads(3, len(text)))
        ([1, 0], [])
        """
        quantities = self.quantities()
        at, later = bisect.bisect_left(quantities, i), i
        for j in reversed(quantities[max(0, at - reach):at]):
            if not self.joined(later, self.phrase_end(self.mentions[j].end, hi)):
                return
            yield j
            later = j

    def after_list(self, j: int, hi: int) -> int:
        """Where the first count from ``j`` on that does not continue the list before it starts
        (at most ``hi``); mention ``j`` itself is known to continue it."""
        key = (j, hi)
        if key in self._after_list:
            return self._after_list[key]
        chain = []  # walked iteratively and remembered: lists of any length cost linear time
        k, result = j, hi
        while True:
            if (k, hi) in self._after_list:
                result = self._after_list[(k, hi)]
                break
            chain.append(k)
            nxt = self.next_quantity(k)
            if nxt is None:
                result = hi
                break
            if not self.joined(nxt, self.phrase_end(self.mentions[k].end, hi)):
                result = min(hi, self.mentions[nxt].start)
                break
            k = nxt
        for k in chain:
            self._after_list[(k, hi)] = result
        return result


@dataclass(slots=True, eq=False)
class Figure:
    """One number of a sentence, as the rules read it; its stretches are computed on first use."""

    sentence: SentenceView
    i: int
    m: NumberMention
    _clause: tuple[int, int] | None = None
    _next_start: int | None = None
    _prev_end: int | None = None
    _noun: Any = None
    _noun_read: bool = False
    memo: dict = field(default_factory=dict)  # what the rules work out once per figure

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def low(self) -> str:
        return self.sentence.low

    @property
    def lo(self) -> int:
        return self.sentence.lo

    @property
    def hi(self) -> int:
        return self.sentence.hi

    @property
    def clause(self) -> tuple[int, int]:
        """The stretch around the figure that belongs to it: up to the clause boundaries around it."""
        if self._clause is None:
            starts, ends = self.sentence.clause_ends()
            before = bisect.bisect_right(ends, self.m.start)  # boundaries wholly before the figure
            left = ends[before - 1] if before else self.lo
            after = bisect.bisect_left(starts, self.m.end)
            right = starts[after] if after < len(starts) else self.hi
            self._clause = (left, right)
        return self._clause

    @property
    def next_start(self) -> int:
        """Where the next count of the sentence starts (the sentence's end if none follows)."""
        if self._next_start is None:
            nxt = self.sentence.next_quantity(self.i)
            self._next_start = self.hi if nxt is None else min(self.hi, self.sentence.mentions[nxt].start)
        return self._next_start

    @property
    def prev_end(self) -> int:
        """Where the count before this one ends, or its clause starts if that is later."""
        if self._prev_end is None:
            counts = self.sentence.counts()
            at = bisect.bisect_left(counts, self.i)
            left = self.clause[0]
            self._prev_end = left if at == 0 else max(left, self.sentence.mentions[counts[at - 1]].end)
        return self._prev_end

    def next_start_past_list(self, hi: int) -> int:
        """Where the next figure that is not a part of this one starts, at most ``hi``: subsets
        ("including three children") and the rest of a list ("9,300 troops and 80 tanks have been
        put out of action") are passed over."""
        nxt = self.sentence.next_quantity(self.i)
        if nxt is None:
            return hi
        if not self.sentence.joined(nxt, self.m.end):
            return min(hi, self.sentence.mentions[nxt].start)
        return self.sentence.after_list(nxt, hi)
