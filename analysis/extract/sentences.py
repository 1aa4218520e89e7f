"""Split article text into sentences and clauses, keeping character offsets.

>>> [s.text for s in split_sentences("Gen. Smith said 5 died. U.S. data show 12 more.")]
['Gen. Smith said 5 died.', 'U.S. data show 12 more.']
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from analysis.vocabulary import VOCABULARY

# "Gen.", "U.S.", and the months' short forms ("Nov.", "Sept.")
_ABBREVIATIONS = frozenset(VOCABULARY.sentences.abbreviations) | {
    name for name in VOCABULARY.dates.month_number if name not in VOCABULARY.dates.months}
_INITIALISM_RE = re.compile(r"(?:[a-z]\.)+[a-z]?")
# a candidate boundary: terminal punctuation, optional closing quote/bracket, whitespace, then an opener;
# or a newline. (Both open with one character class, which lets ``re`` skip to the few places it holds.)
_BOUNDARY_RE = re.compile(r"[.!?…\n](?:(?<=\n)\s*|(?<!\n)[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9]))")
# a story's dateline: "KYIV, Ukraine (AP) — ", "SEOUL, Jan. 13 (UPI) -- ", "KURSK, August 19. /TASS/." (group 1:
# the place)
DATELINE_RE = re.compile(
    r"^\s*([A-Z][A-Za-z’'\- ]{2,40}?)(?:,\s*[A-Z][\w .]+)?\s*(?:\([A-Za-z .]+\)\s*)?(?:[—–-]{1,2}\s|/[A-Z]+/)")


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


def group_by_sentence(items: Iterable, sentences: list[Sentence], *,
                      span: Callable[[object], tuple[int, int]] | None = None) -> list[list]:
    """Items found in the text (in text order) grouped by the sentence that holds them whole; an
    item's ``span(item)`` is where it is (by default its ``start`` and ``end``).

    >>> found = [Sentence(0, 0, 3, "Six"), Sentence(0, 15, 19, "five")]
    >>> [[s.text for s in group] for group in group_by_sentence(found, split_sentences("Six died. Then five."))]
    [['Six'], ['five']]
    """
    groups: list[list] = [[] for _ in sentences]
    if not sentences:
        return groups
    ends = [sentence.end for sentence in sentences]
    last, k = len(sentences) - 1, 0
    for item in items:
        start, end = (item.start, item.end) if span is None else span(item)  # (no call for the usual case)
        if start >= ends[k] and k < last:  # the first sentence ending after the item's start
            k = min(bisect_right(ends, start, k), last)
        if sentences[k].start <= start and end <= ends[k]:
            groups[k].append(item)
    return groups


def is_abbreviation(chunk: str) -> bool:
    """Whether the word ending ``chunk`` is an abbreviation whose full stop ends no sentence.

    >>> is_abbreviation("according to U.S."), is_abbreviation("the ministry.")
    (True, False)
    """
    word = chunk[chunk.rfind(" ") + 1:].lstrip("(\"“‘'[")
    if len(word) < 2 or not word.endswith(".") or not word[0].isalpha():
        return False
    word = word[:-1].lower()
    # "U.S." style initialisms and single capitals ("J. Smith") never end a sentence on their own
    return word in _ABBREVIATIONS or len(word) == 1 or _INITIALISM_RE.fullmatch(word) is not None


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with their offsets; newlines always end a sentence."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(text):
        stop = match.start()  # a full stop only may end an abbreviation
        if text[stop] == "." and is_abbreviation(text[max(start, stop - 12):stop + 1]):
            # "U.S. data" ends a sentence only when the abbreviation is followed by a new subject;
            # we cannot tell, so we keep going, which is the safer error for attribution.
            continue
        _append(sentences, text, start, stop + len(match.group().rstrip()))
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


# no real sentence is longer: run-ons (lists, tables, junk) are cut so the work per sentence stays bounded
MAX_SENTENCE_CHARS = 2_000


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        if cut <= start:  # never inside a word: a cut token would read as new numbers
            cut = text.find(" ", start + MAX_SENTENCE_CHARS, end)
            if cut < 0:
                break
        _append(sentences, text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end, text[start:end]))
