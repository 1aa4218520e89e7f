"""What a figure is a quantity of: its kind (event toll, level, running total, rate), the kind of
equipment it counts, and the place it is about.

The phrases are in ``data/compare.toml``; the order in which they decide is given there and in
:func:`quantity_kinds`.

>>> from analysis.schema import figures_frame
>>> rows = figures_frame([{"measure": "killed", "value": 53.0, "location": "Poltava", "geo_precision": "place",
...                        "sentence": "The death toll from the strike on Poltava reached 53."}])
>>> quantity_kinds(rows).tolist(), place_scopes(rows).tolist()
(['event_toll'], ['place:poltava'])
"""
from __future__ import annotations

import functools
import re

import pandas as pd

from analysis.compare.bounds import lower
from analysis.vocabulary import VOCABULARY, phrase_pattern

__all__ = ["DAILY", "QUANTITIES", "equipment_kind", "place_scopes", "quantity_kinds"]

QUANTITIES: tuple[str, ...] = ("event_toll", "level", "running_total", "rate")
_WORDS = VOCABULARY.compare.quantity
_TALLIES = VOCABULARY.compare.tallies
# A sentence saying one of these makes its figures a tally for one day ("1,300 over the past day"), which is
# not the same quantity as the running total ("8,601 tanks since the invasion") of the same thing.
# "a day earlier" or "the last day of the offensive" date a figure.
DAILY = re.compile(rf"\b{phrase_pattern(_TALLIES.daily)}\b"
                   rf"|\b{phrase_pattern(_TALLIES.day)}\b(?!\s+{phrase_pattern(_TALLIES.day_not_before)}\b)",
                   re.IGNORECASE)
_PERIOD = re.compile(rf"\b{phrase_pattern(_WORDS.period)}\b", re.IGNORECASE)
# "... 209 deaths in April": a month named after the figure makes it that month's tally
_IN_MONTH = re.compile(rf"\b{phrase_pattern(_WORDS.month_prepositions)}\s+{phrase_pattern(VOCABULARY.dates.months)}\b",
                       re.IGNORECASE)
_RUNNING = re.compile(rf"\b{phrase_pattern(_WORDS.running_total)}\b", re.IGNORECASE)
_LEVEL = re.compile(rf"\b{phrase_pattern(_WORDS.level)}\b", re.IGNORECASE)
_EVENT_WORDS = (*VOCABULARY.events.strikes, *VOCABULARY.events.other_events, *_WORDS.event_words)
_EVENT = re.compile(rf"\b{phrase_pattern(_EVENT_WORDS)}", re.IGNORECASE)
_LOCAL = frozenset({"place", "near_place"})
_EVENT_ACTORS = frozenset({"", *_WORDS.event_actors})


def quantity_kinds(figures: pd.DataFrame) -> pd.Series:
    """The kind of quantity each figure is: "event_toll", "level", "running_total" or "rate".

    Decided from the sentence and the measure, first rule that holds:

    1. a tally for a period is a **rate**: a daily tally (:data:`DAILY`), a period ("during the
       month", "a week") or a month named after the figure ("209 deaths in April");
    2. troops and units are always a **level** (a deployment is as large as it is on a date);
    3. a measure that events take (killed, injured, equipment...) at one town is an **event toll**;
    4. "since", "so far", "counting from" make a **running total**;
    5. such a measure about civilians (or nobody named), not country-wide, told with an event word
       ("strike", "swap", "death toll") is an **event toll**;
    6. "as of", "in control of" make a **level**;
    7. else the measure's default (``quantity.default`` of ``data/compare.toml``).

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> rows = figures_frame([
    ...     {"measure": "casualties", "value": 1300.0, "sentence": "It lost 1,300 troops over the past day."},
    ...     {"measure": "casualties", "value": 6e5, "sentence": "Its losses since the invasion reached 600,000."},
    ...     {"measure": "troops", "value": 3000.0, "sentence": "About 3,000 soldiers are in Russia."},
    ...     {"measure": "killed", "value": 6.0, "sentence": "A strike left six dead."}])
    >>> quantity_kinds(rows).tolist()
    ['rate', 'running_total', 'level', 'event_toll']
    """
    def column(name: str) -> pd.Series:
        return figures[name].astype("object") if name in figures else pd.Series(None, index=figures.index, dtype=object)

    scale = place_scopes(figures).str.split(":").str[0]
    actors = lower(column("actor").astype("string")).fillna("")
    rows = zip(column("measure"), column("sentence"), column("text"), scale, actors, strict=True)
    kinds = [_kind(m, s, t, where, actor) for m, s, t, where, actor in rows]
    return pd.Series(pd.Categorical(kinds, categories=QUANTITIES), index=figures.index, name="quantity")


def _kind(measure: object, sentence: object, text: object, scale: str, actor: str) -> str | None:
    if not isinstance(measure, str):
        return None
    said = sentence if isinstance(sentence, str) else ""
    if DAILY.search(said) or _PERIOD.search(said) or _IN_MONTH.search(_after(said, text)):
        return "rate"
    if measure in _WORDS.level_measures:
        return "level"
    eventful = measure in _WORDS.event_measures
    if eventful and scale == "place":
        return "event_toll"
    if _RUNNING.search(said):
        return "running_total"
    if eventful and scale != "country" and actor in _EVENT_ACTORS and _EVENT.search(said):
        return "event_toll"
    if _LEVEL.search(said):
        return "level"
    return _WORDS.default.get(measure, "level")


def _after(sentence: str, text: object) -> str:
    """The part of the sentence after the figure's words (all of it if they are not found)."""
    if not isinstance(text, str) or not text:
        return sentence
    at = sentence.lower().find(text.lower())
    return sentence if at < 0 else sentence[at + len(text):]


def daily(figures: pd.DataFrame) -> pd.Series:
    """Whether each row's sentence says its figure is a tally for one day (see :data:`DAILY`)."""
    if "sentence" not in figures:
        return pd.Series(False, index=figures.index)
    return figures["sentence"].astype("string").str.contains(DAILY).fillna(False).astype(bool)


def place_scopes(figures: pd.DataFrame) -> pd.Series:
    """The place each figure is about, at its own scale: "place:<town>", "admin1:<region>",
    "country:<country>" or "unplaced".

    A country's figure and one town's in it are different quantities (a month's toll for Ukraine is
    not the toll of one strike in Kryvyi Rih), so the scope names the scale as well as the place.
    Without ``geo_precision`` the scale is read from which of ``location``, ``admin1``, ``country``
    the location equals. Names are case-folded.

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> rows = figures_frame([{"location": "Kryvyi Rih", "geo_precision": "place", "country": "Ukraine"},
    ...                       {"location": "Ukraine", "country": "Ukraine"}, {}])
    >>> place_scopes(rows).tolist()
    ['place:kryvyi rih', 'country:ukraine', 'unplaced']
    """
    columns = {c: lower(figures[c]) if c in figures else pd.Series(pd.NA, index=figures.index, dtype="string")
               for c in ("location", "admin1", "country")}
    precision = (figures["geo_precision"].astype("object") if "geo_precision" in figures
                 else pd.Series(None, index=figures.index, dtype="object"))
    out = []
    for location, admin1, country, scale in zip(columns["location"], columns["admin1"], columns["country"], precision,
                                                strict=True):
        name = location if isinstance(location, str) and location else None
        if not isinstance(scale, str) or scale == "unknown":
            scale = None if name is None else ("country" if name == country else
                                                "admin1" if name == admin1 else "place")
        if scale in _LOCAL:
            scale = "place"
        if scale == "admin1":
            name = name or (admin1 if isinstance(admin1, str) else None)
        elif scale == "country":
            name = name or (country if isinstance(country, str) else None)
        out.append(f"{scale}:{name}" if scale and name else "unplaced")
    return pd.Series(out, index=figures.index, dtype="string", name="scope")


def equipment_kind(counted: str | None) -> str | None:
    """The kind of equipment a ``counted`` phrase names: its head noun, singular, aliases merged.

    The last words of the phrase are looked up in ``data/compare.toml`` (longest match
    first, after spelling variants are unified); failing that, the kind is the last word made
    singular. A missing or wordless phrase has no kind (None).

    Examples
    --------
    >>> [equipment_kind(c) for c in ("Russian tanks", "armored combat vehicles", "UAVs", "ballistic missiles")]
    ['tank', 'armoured combat vehicle', 'drone', 'missile']
    """
    if not isinstance(counted, str):
        return None
    spellings, kinds = _equipment_vocabulary()
    words = [spellings.get(word, word) for word in re.findall(r"[a-z0-9]+(?:[-'.][a-z0-9]+)*", counted.lower())]
    if not words:
        return None
    words[-1] = _singular(words[-1])
    for size in range(len(words), 0, -1):
        kind = kinds.get(" ".join(words[-size:]))
        if kind:
            return kind
    return words[-1]


@functools.cache
def _equipment_vocabulary() -> tuple[dict[str, str], dict[str, str]]:
    kinds = VOCABULARY.compare.equipment
    return kinds.spellings, kinds.kinds


def _singular(word: str) -> str:
    """'drones' -> 'drone', 'lorries' -> 'lorry', 'boxes' -> 'box'; 'bus' and 'aircraft' stay."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def equipment_kinds(rows: pd.DataFrame) -> pd.Series:
    """The equipment kind of each equipment row; an empty string elsewhere, so every row has a key."""
    if "counted" not in rows:
        return pd.Series("", index=rows.index, dtype="object")
    equipment = rows["measure"].astype("object").eq("equipment")
    kinds = rows["counted"].astype("object").map(lambda c: equipment_kind(c) if isinstance(c, str) else None)
    return kinds.where(equipment, "").fillna("")
