"""Gazetteer, place mentions and geocoding with precision.

The gazetteer (``data/gazetteer.tsv.gz``, built by ``scripts/build_gazetteer.py``
from GeoNames) holds towns of 1,000+ people in Ukraine, western Russia,
Belarus, Moldova and the neighbours' border regions, their admin-1 regions
and a few countries. It is read once, lazily, into a dict keyed by lowercased
name, and text is scanned with one compiled regex for capitalised word runs,
so :func:`find_places` costs a few dict look-ups per capitalised word.

Boundaries (``data/boundaries.gpkg``, Natural Earth admin-1) are read by
:mod:`analysis.views.boundaries`: nothing here imports geopandas.

Examples
--------
>>> [(m.surface, m.place.name, m.precision) for m in find_places("Shelling in the Kursk region and Kiev.")]
[('Kursk region', 'Kursk Oblast', 'admin1'), ('Kiev', 'Kyiv', 'place')]
"""

from __future__ import annotations

import csv
import functools
import gzip
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from analysis.vocabulary import VOCABULARY, phrase_pattern

__all__ = ["Place", "PlaceMention", "admin1_of", "find_places", "geocode"]

DATA = Path(__file__).resolve().parent.parent / "data"
GAZETTEER_FILE = DATA / "gazetteer.tsv.gz"
STOPLIST_FILE = DATA / "place_stoplist.txt"

# Ukraine first, then Russia, then the rest: the war's places win a tie.
COUNTRY_RANK = {"UA": 0, "RU": 1}
KIND_RANK = {"place": 0, "admin1": 1, "country": 2}
# Match tiers: a curated alias outranks a canonical name, which outranks a GeoNames alias.
CURATED, NAME, REGION_FORM, ALIAS = range(4)
_WORDS = VOCABULARY.places
# A word that ends a region's name, and the spellings that replace it in text.
REGION_WORDS = frozenset(_WORDS.region_words)
REGION_FORMS = _WORDS.region_forms
PLURALS = _WORDS.region_plurals
VETO_NEXT = frozenset(_WORDS.not_a_town_before)  # "Dnipro River" is no town
NAME_PREFIXES = frozenset(_WORDS.name_prefixes)  # "Novy Put": an unknown compound name, not Novy and Put
DISTRICT_WORDS = frozenset(_WORDS.district_words)  # "Kyiv's Podil district"
MAX_DISTRICT_WORDS = 3  # the longest district name read after a town's possessive
MIN_PEOPLE_COMMON_WORD = 5000
MIN_NAME_LEN = 4
BIG_CITY = 100_000  # a city this big and 20x larger beats the country preference

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_TOKEN = rf"(?:[A-Z]\.){{2,}}|[{_UPPER}][\w'’]*(?:-[\w'’]+)*"
# The first token is _TOKEN with its capital letter first and the check of the character before it
# after that letter: a pattern that opens with a character class lets re skip to the next capital
# instead of trying the lookbehind at every position of the text.
_FIRST_TOKEN = rf"[{_UPPER}](?<![\w'’.-].)(?:(?<=[A-Z])\.(?:[A-Z]\.)+|[\w'’]*(?:-[\w'’]+)*)"
_RUN = re.compile(
    rf"{_FIRST_TOKEN}(?:[ \u00a0](?:{_TOKEN}))*"
    rf"(?:[ \u00a0](?i:{phrase_pattern(_WORDS.lower_case_tails)})\b)?"
)
_LIST_GLUE = re.compile(r"(?:,| and|, and) ")


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: a town, an admin-1 region or a country."""

    name: str
    kind: str  # "place" | "admin1" | "country"
    lat: float
    lon: float
    admin1: str | None
    country: str | None
    population: int
    country_code: str | None = None
    geonameid: int | None = None


@dataclass(slots=True)
class PlaceMention:
    """A place named in a text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    place: Place
    precision: str  # "place" | "admin1" | "country"


_Hit = tuple[int, int, tuple["Place", ...]]  # start, end, candidates best first


class _Entry(NamedTuple):
    tier: int
    place: Place
    section: bool  # a district of a bigger city


class _Gazetteer(NamedTuple):
    by_key: dict[str, tuple[Place, ...]]  # every candidate, best first: geocode
    in_text: dict[str, tuple[Place, ...]]  # candidates that may match running text
    by_spelling: dict[str, tuple[Place, ...]]  # in_text under one spelling per romanisation (see _one_spelling)
    exact: dict[str, Place]  # short upper-case curated aliases, matched case-sensitively
    admin1: dict[str, Place]
    max_words: int
    heads: frozenset[str]  # first words of the names of several words


def _key(text: str) -> str:
    return text.replace("’", "'").lower()


_APOSTROPHES_RE = re.compile("['’ʼ`]")
_I_RUN_RE = re.compile("i{2,}")
MIN_SPELLING_LEN = 6  # shorter names are too often other words in another spelling


def _one_spelling(key: str) -> str:
    """One spelling for the romanisations of a name, which differ in y/i and apostrophes: Avdiyivka and
    Avdiivka, Dobropillya and Dobropillia, Sievierodonetsk and Syevyerodonetsk.

    >>> _one_spelling("avdiyivka") == _one_spelling("avdiivka"), _one_spelling("dobropillya")
    (True, 'dobropillia')
    """
    return _I_RUN_RE.sub("i", _APOSTROPHES_RE.sub("", key).replace("y", "i"))


def _by_spelling(in_text: dict[str, tuple[Place, ...]], stop: dict[str, str]) -> dict[str, tuple[Place, ...]]:
    """``in_text`` keyed by :func:`_one_spelling`; names that share a spelling pool their candidates, and
    none is found under the spelling of a stoplist word ("Serhiy" is a man, whatever village is Serhii)."""
    stopped = {_one_spelling(word) for word in stop}
    pooled: dict[str, tuple[Place, ...]] = {}
    for key, found in in_text.items():
        if len(key) >= MIN_SPELLING_LEN and _one_spelling(key) not in stopped:
            spelling = _one_spelling(key)
            pooled[spelling] = tuple(dict.fromkeys((*pooled.get(spelling, ()), *found)))
    return {spelling: tuple(sorted(found, key=lambda p: (KIND_RANK[p.kind], COUNTRY_RANK.get(p.country_code or "", 2),
                                                         -p.population)))
            for spelling, found in pooled.items()}


def _split(field: str) -> list[str]:
    return [a for a in field.split("|") if a]


def _read_stoplist(path: Path = STOPLIST_FILE) -> dict[str, str]:
    """Stoplist words mapped to their class, "never" or "common"."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#")[0].strip().split("\t")
        if fields[0]:
            out[fields[0].strip().lower()] = fields[-1].strip() if len(fields) > 1 else "common"
    return out


def _place(row: dict[str, str]) -> Place:
    return Place(name=row["name"], kind=row["kind"], lat=float(row["lat"]), lon=float(row["lon"]),
                 admin1=row["admin1"] or None, country=row["country"] or None,
                 population=int(row["population"]), country_code=row["country_code"] or None,
                 geonameid=int(row["geonameid"]) if row["geonameid"] else None)


def _region_forms(names: list[str]) -> set[str]:
    """'Kursk region', 'Kursk province'... for region names that end in a region word.

    Examples
    --------
    >>> sorted(_region_forms(["Kursk Oblast", "Chechnya"]))
    ['kursk krai', 'kursk oblast', 'kursk province', 'kursk region']
    """
    out = set()
    for name in names:
        stem, _, last = _key(name).rpartition(" ")
        if stem and last in REGION_WORDS:
            out.update(f"{stem} {form}" for form in REGION_FORMS)
    return out


def _entries(row: dict[str, str], place: Place) -> Iterator[tuple[str, int]]:
    """(key, tier) pairs under which a row is found."""
    yield _key(row["name"]), NAME
    for alias in _split(row["curated_aliases"]):
        yield _key(alias), CURATED
    aliases = _split(row["aliases"])
    for alias in aliases:
        yield _key(alias), ALIAS
    if place.kind == "admin1":
        for form in _region_forms([row["name"], *aliases]):
            yield form, REGION_FORM


def _rank(entry: _Entry) -> tuple:
    place = entry.place
    return (entry.tier, KIND_RANK[place.kind], entry.section,
            COUNTRY_RANK.get(place.country_code or "", 2), -place.population)


def _order(entries: list[_Entry]) -> tuple[Place, ...]:
    """Candidates best first; a much bigger city of the same tier beats the country preference."""
    entries = sorted(entries, key=_rank)
    first = entries[0]
    for entry in entries[1:]:
        if entry.tier == first.tier and entry.place.kind == first.place.kind and not entry.section \
                and entry.place.population >= max(BIG_CITY, 20 * first.place.population):
            entries.remove(entry)
            entries.insert(0, entry)
            break
    return tuple(dict.fromkeys(e.place for e in entries))


def _may_match_text(key: str, entry: _Entry, stop: dict[str, str]) -> bool:
    """Whether a canonical name may match running text (stoplist and short names)."""
    if entry.tier != NAME or " " in key:
        return entry.tier == CURATED or key not in stop
    word_class = stop.get(key, "common" if len(key) < MIN_NAME_LEN else None)
    if word_class == "never":
        return False
    return word_class is None or entry.place.population >= MIN_PEOPLE_COMMON_WORD


@functools.cache
def _gazetteer() -> _Gazetteer:
    """Read the gazetteer and stoplist once."""
    stop = _read_stoplist()
    grouped: dict[str, list[_Entry]] = {}
    exact: dict[str, Place] = {}
    admin1: dict[str, Place] = {}
    with gzip.open(GAZETTEER_FILE, "rt", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            place = _place(row)
            if place.kind == "admin1":
                admin1[place.name] = place
            for alias in _split(row["curated_aliases"]):
                if alias.replace(".", "").isupper():
                    exact[alias] = place
            section = bool(row["urban_area"])
            for key, tier in _entries(row, place):
                grouped.setdefault(key, []).append(_Entry(tier, place, section))
    by_key, in_text = {}, {}
    for key, entries in grouped.items():
        by_key[key] = _order(entries)
        # a city district answers in running text to its own name only: GeoNames' other spellings
        # of districts ("Podol" for Kyiv's Podil) are also the names of villages elsewhere
        allowed = [e for e in entries if _may_match_text(key, e, stop)
                   and not (e.tier == CURATED and key in map(_key, exact))
                   and not (e.section and e.tier == ALIAS)]
        if allowed:
            in_text[key] = _order(allowed)
    max_words = max(k.count(" ") for k in in_text) + 1
    heads = frozenset(k.split(" ", 1)[0] for k in in_text if " " in k)
    return _Gazetteer(by_key, in_text, _by_spelling(in_text, stop), exact, admin1, max_words, heads)


def _lookup(gaz: _Gazetteer, surface: str, key: str) -> tuple[Place, ...] | None:
    if surface in gaz.exact:
        return (gaz.exact[surface],)
    return gaz.in_text.get(key)


def _longest_at(gaz: _Gazetteer, words: list[str], keys: list[str], offsets: list[int],
                i: int) -> tuple[int, int, tuple[Place, ...]] | None:
    """The longest gazetteer name starting at word ``i``: (next word, end offset, candidates)."""
    longest = gaz.max_words if keys[i] in gaz.heads else 1
    for j in range(min(len(words), i + longest), i + 1, -1):  # names of two words or more
        end = offsets[j - 1] + len(words[j - 1])
        key = " ".join(keys[i:j])
        found = _lookup(gaz, " ".join(words[i:j]), key)
        if found is None and key.endswith("'s"):  # possessive: Ukraine's, Russia’s
            end, found = end - 2, gaz.in_text.get(key[:-2])
        if found is not None:
            return j, end, found
    alone = _run_word(words[i]).alone
    return None if alone is None else (i + 1, offsets[i] + len(words[i]) - alone[0], alone[1])


class _RunWord(NamedTuple):
    """A word of a run of several capitalised words, as the gazetteer sees it."""

    key: str  # lower-cased, a plural region word made singular
    alone: tuple[int, tuple[Place, ...]] | None  # the name it is alone: characters left out at its end
    # (2 for a possessive) and the candidates
    head: bool  # the first word of a name of several words


@functools.lru_cache(maxsize=65536)
def _run_word(word: str) -> _RunWord:
    """(Cached per word: most words of a run are no place, "President Vladimir Putin", and they come
    again and again.)"""
    gaz = _gazetteer()
    key = _key(word)
    key = PLURALS.get(key, key)
    found, cut = _lookup(gaz, word, key), 0
    if found is None and key.endswith("'s"):  # possessive: Ukraine's, Russia’s
        found, cut = gaz.in_text.get(key[:-2]), 2
    return _RunWord(key, None if found is None else (cut, found), key in gaz.heads)


def _match_run(gaz: _Gazetteer, run: str, start: int, after: str = "") -> Iterator[_Hit]:
    """Longest-first matches (start, end, candidates) in one run of capitalised words (``after``: the
    text that follows the run, where a lower-case "district" may come)."""
    words = run.split(" ")
    seen = [_run_word(word) for word in words]
    if "-" not in run and not any(word.alone or word.head for word in seen):
        return  # no word is or begins a name: "Defence Minister Andrei Belousov"
    offsets, pos = [], start
    for word in words:
        offsets.append(pos)
        pos += len(word) + 1
    keys = [word.key for word in seen]
    i = 0
    while i < len(words):
        match = _longest_at(gaz, words, keys, offsets, i)
        if keys[i] in NAME_PREFIXES and i + 1 < len(words) and (match is None or match[0] == i + 1):
            i += 2  # "Nizhny Klin" is no town the gazetteer knows: neither "Nizhny" nor "Klin" alone
            continue
        if match is None:
            if "-" in words[i]:
                yield from _match_hyphenated(gaz, words[i], offsets[i])
            i += 1
            continue
        j, end, found = match
        if j < len(words) and keys[j - 1].endswith("'s") and found[0].kind == "place":
            part = _district_of(gaz, words, keys, j, found[0], after)
            if part is not None:  # "Kharkiv's Kyivskyi district": the town's own district, or the town
                yield offsets[i], offsets[part[0] - 1] + len(words[part[0] - 1]), (part[1],)
                i = part[0]
                continue
        if j == len(words) or keys[j] not in VETO_NEXT:
            yield offsets[i], end, found
        i = j


def _district_of(gaz: _Gazetteer, words: list[str], keys: list[str], j: int, town: Place,
                 after: str) -> tuple[int, Place] | None:
    """The place a district named after a town's possessive stands for ("Kharkiv's Kyivskyi district",
    words ``j`` on), and the word after its name: the same-named place in the town's region if the
    gazetteer has one there, else the town itself, never a namesake elsewhere (Kyivskyi of Donetsk).
    None unless a district word ends the name, in the run or just after it ("Kyiv's Kursk offensive").

    >>> _, place = _district_of(_gazetteer(), ["Kyiv's", "Podil"], ["kyiv's", "podil"], 1, geocode("Kyiv"),
    ...                         " district was hit")
    >>> place.name, place.admin1
    ('Podil', 'Kyiv')
    """
    last = min(len(words), j + MAX_DISTRICT_WORDS + 1)
    d = next((k for k in range(j + 1, last) if keys[k] in DISTRICT_WORDS), None)
    if d is not None:
        word = keys[d]
    else:
        word = after.split(None, 1)[0].lower() if after[:1].isspace() and len(words) - j <= MAX_DISTRICT_WORDS \
            else ""
        if word.rstrip(".,;:") not in DISTRICT_WORDS:
            return None
        word, d = word.rstrip(".,;:"), len(words)
    name = " ".join(keys[j:d])
    for key in (name, f"{name} {word}"):
        for place in gaz.by_key.get(key, ()):
            if place.kind == "place" and place.admin1 == town.admin1 and place != town:
                return d, place
    return d, town


def _match_hyphenated(gaz: _Gazetteer, word: str, start: int) -> Iterator[_Hit]:
    """Places inside compounds: 'Kyiv-based', 'Russia-Ukraine'."""
    pos = start
    for part in word.split("-"):
        found = gaz.in_text.get(_key(part)) if part[:1].isupper() else None
        if found:
            yield pos, pos + len(part), found
        pos += len(part) + 1


def _with_regions_list(gaz: _Gazetteer, text: str,
                       hits: list[_Hit]) -> list[_Hit]:
    """'Donetsk and Luhansk regions': the plural makes every listed name a region."""
    for k in range(len(hits) - 1, 0, -1):
        start, end, found = hits[k]
        if found[0].kind != "admin1":
            continue
        last = text[start:end].rsplit(" ", 1)[-1].lower()
        if last not in PLURALS:
            continue
        for m in range(k - 1, -1, -1):
            prev_start, prev_end, _ = hits[m]
            if not _LIST_GLUE.fullmatch(text[prev_end:hits[m + 1][0]]):
                break
            regional = gaz.in_text.get(f"{_key(text[prev_start:prev_end])} {PLURALS[last]}")
            if regional is None:
                break
            hits[m] = (prev_start, prev_end, regional)
    return hits


def _choose(candidates: tuple[Place, ...], context: Counter) -> Place:
    """The first candidate in a region or (non-default) country the text names elsewhere."""
    for place in candidates:
        if context[place.admin1] > 0:
            return place
    for place in candidates:
        if place.country_code not in COUNTRY_RANK and context[place.country] > 0:
            return place
    return candidates[0]


def find_places(text: str, *, spans: list[tuple[int, int]] | None = None) -> list[PlaceMention]:
    """Every gazetteer place named in ``text``, in order, longest match first.

    Parameters
    ----------
    text : str
        Any text; place names must be capitalised ("Kursk region", "Kiev",
        "Ukraine's"). Demonyms ("Russian") and common words are not places.
    spans : list of (start, end), optional
        Look only inside these stretches of ``text`` (sorted, not overlapping),
        e.g. the sentences that hold figures; offsets stay those of ``text``.

    Returns
    -------
    list of PlaceMention
        Non-overlapping mentions; ``precision`` is the matched place's kind.
        Same-named places are told apart by the regions the text names
        elsewhere, then Ukraine, Russia, others, and population.

    Examples
    --------
    >>> text = "Russia’s troops left Zaporizhzhia oblast, not Pokrovsk."
    >>> [(m.surface, m.precision) for m in find_places(text)]
    [('Russia', 'country'), ('Zaporizhzhia oblast', 'admin1'), ('Pokrovsk', 'place')]
    """
    gaz = _gazetteer()
    hits = [hit for start, end in (spans or [(0, len(text))]) for hit in _scan(gaz, text, start, end)]
    if not hits:
        return []
    hits = _with_regions_list(gaz, text, hits)
    context = _context(hits) if any(len(found) > 1 for _, _, found in hits) else None
    out = []
    for start, end, found in hits:
        place = found[0]
        if context is not None and len(found) > 1:
            # not counting the mention itself (item by item: Counter.subtract and .update are slower)
            context[place.admin1] -= 1
            context[place.country] -= 1
            chosen = _choose(found, context)
            context[place.admin1] += 1
            context[place.country] += 1
            place = chosen
        out.append(PlaceMention(start, end, text[start:end], place, place.kind))
    return out


def _scan(gaz: _Gazetteer, text: str, start: int = 0, end: int | None = None) -> list[_Hit]:
    """(start, end, candidates) of every match in text[start:end], one word runs looked up directly."""
    hits = []
    for run in _RUN.finditer(text, start, len(text) if end is None else end):
        words = run.group()
        if " " in words or "\u00a0" in words or "-" in words:
            hits.extend(_match_run(gaz, words.replace("\u00a0", " "), run.start(),
                                   text[run.end():run.end() + 16] if "'s " in words or "’s " in words else ""))
            continue
        found = _one_word(words)
        if found is not None:
            run_start, run_end = run.span()
            hits.append((run_start, run_end - found[0], found[1]))
    return hits


@functools.lru_cache(maxsize=65536)
def _one_word(word: str) -> tuple[int, tuple[Place, ...]] | None:
    """The candidates a one-word run names, after how many characters at its end the name stops (2 for
    a possessive), or None. (Cached per word: a story names the same few words again and again.)"""
    gaz = _gazetteer()
    key = word.lower().replace("’", "'")
    found = (gaz.exact[word],) if word in gaz.exact else gaz.in_text.get(key)
    cut = 0
    if found is None and key.endswith("'s"):
        key, cut = key[:-2], 2
        found = gaz.in_text.get(key)
    if found is None and len(key) >= MIN_SPELLING_LEN:  # another romanisation: Avdiyivka for Avdiivka
        found = gaz.by_spelling.get(_one_spelling(key))
    return None if found is None else (cut, found)


def _context(hits: list[_Hit]) -> Counter:
    """How often each region and country is named, by the best candidate of each mention."""
    return Counter(name for _, _, found in hits for name in (found[0].admin1, found[0].country))


def geocode(name: str, *, country: str | None = None) -> Place | None:
    """The best gazetteer entry for a name, or None.

    Parameters
    ----------
    name : str
        A place, region or country name in any listed spelling, case-insensitive:
        "Kiev", "Kursk region", "Donetsk Oblast", "Ukraine".
    country : str, optional
        English name or ISO code of the country to prefer ("Russia", "RU").

    Examples
    --------
    >>> geocode("Artemivsk").name, geocode("kursk region").name
    ('Bakhmut', 'Kursk Oblast')
    >>> geocode("Kirovsk", country="BY").admin1
    'Mogilev Region'
    """
    key = _key(name.strip())
    key = " ".join(PLURALS.get(w, w) for w in key.split())
    gaz = _gazetteer()
    found = gaz.by_key.get(key) or gaz.by_key.get(key.removesuffix("'s"))
    exact = gaz.exact.get(name.strip())
    found = (exact,) if exact else found
    if not found:
        return None
    if country is not None:
        wanted = country.lower()
        found = tuple(p for p in found if wanted in (_key(p.country or ""), _key(p.country_code or "")))
    return found[0] if found else None


def admin1_of(place: Place) -> Place | None:
    """The admin-1 region of a place (itself for a region, None for a country).

    Examples
    --------
    >>> admin1_of(geocode("Sudzha")).name
    'Kursk Oblast'
    """
    if place.admin1 is None:
        return None
    return _gazetteer().admin1.get(place.admin1)
