"""Claims about the same quantity across sources, and the range every claim allows.

Three steps, each a function over the figures table (see :mod:`analysis.schema`):

- :func:`claims` adds a ``claim_id``: mentions of the same measure, for the same actor, about a
  compatible place and close in time, share an id. Equipment must also be of the same kind
  (:func:`equipment_kind`), and daily tallies never group with running totals.
- :func:`compare` lists what each source and claimant said about one quantity, in reading order.
- :func:`consensus` sums up each claim group: how many said it, the values' spread, and the interval
  that all of them allow (empty when they contradict each other).

:func:`claim_bounds` turns each row's qualifier into the closed interval it allows; the plots use it too.

Examples
--------
>>> from analysis.schema import figures_frame
>>> figures = figures_frame([
...     {"measure": "troops", "value": 10000.0, "low": 10000.0, "qualifier": "at_least", "actor": "North Korea",
...      "claimant": "Pentagon", "source": "AFP", "published": "2024-11-04"},
...     {"measure": "troops", "value": 11000.0, "low": 10000.0, "high": 12000.0, "qualifier": "range",
...      "actor": "North Korea", "claimant": "NIS", "source": "AP", "published": "2024-11-10"}])
>>> consensus(figures)[["n_claimants", "agree_low", "agree_high", "contradiction"]].values.tolist()
[[2, 10000.0, 12000.0, False]]
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.schema import FIGURE_COLUMNS, MEASURES
from analysis.vocabulary import VOCABULARY, phrase_pattern

__all__ = ["APPROX_TOLERANCE", "DAILY", "claim_bounds", "claim_dates", "claims", "compare", "consensus",
           "equipment_kind"]

# "about 3,000" is read as 3,000 give or take 10%: wide enough for a rounded figure, narrow enough
# that "about 3,000" and "about 10,000" still contradict.
APPROX_TOLERANCE = 0.1
# Durations grow with the date they are stated on ("the 1,000th day of the war"), so two of them are
# never claims about the same quantity; they get no claim id.
UNGROUPED_MEASURES = frozenset({"duration"})
# A sentence saying one of these makes its figures a tally for one day ("1,300 over the past day"), which is
# not the same quantity as the running total ("8,601 tanks since the invasion") of the same thing.
# The phrases are in data/compare.toml; "a day earlier" or "the last day of the offensive" date a figure.
_TALLIES = VOCABULARY.compare.tallies
DAILY = re.compile(rf"\b{phrase_pattern(_TALLIES.daily)}\b"
                   rf"|\b{phrase_pattern(_TALLIES.day)}\b(?!\s+{phrase_pattern(_TALLIES.day_not_before)}\b)",
                   re.IGNORECASE)
MEASURE_RANK = {measure: rank for rank, measure in enumerate(MEASURES)}
COMPARE_COLUMNS = ["date", "claimant", "source", "measure", "actor", "location", "value", "low", "high",
                   "qualifier", "published", "event_date", "text", "article_id"]


def claim_bounds(figures: pd.DataFrame, *, tolerance: float = APPROX_TOLERANCE) -> pd.DataFrame:
    """The interval each figure allows, from its qualifier: columns ``lo`` and ``hi``, same index.

    exact -> [v, v]; approx -> [v*(1-tolerance), v*(1+tolerance)]; at_least -> [low, inf);
    at_most -> [0, high]; range -> [low, high]. A missing ``low``/``high`` falls back to ``value``;
    a missing qualifier counts as exact. Rows with nothing to bound get NaN.

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> rows = figures_frame([{"value": 100.0, "qualifier": q} for q in ("exact", "approx", "at_least", "at_most")])
    >>> claim_bounds(rows).round(6).values.tolist()
    [[100.0, 100.0], [90.0, 110.0], [100.0, inf], [0.0, 100.0]]
    """
    if tolerance < 0:
        raise ValueError(f"tolerance={tolerance!r} is negative; pass a fraction such as 0.1 for ±10%")
    _need(figures, ["value", "low", "high", "qualifier"])
    value = figures["value"].astype("float64")
    low = figures["low"].astype("float64").fillna(value)
    high = figures["high"].astype("float64").fillna(value)
    qualifier = figures["qualifier"].astype("object").where(figures["qualifier"].notna(), "exact")
    lo = value.copy()
    hi = value.copy()
    approx = qualifier.eq("approx")
    lo[approx], hi[approx] = value[approx] * (1 - tolerance), value[approx] * (1 + tolerance)
    at_least = qualifier.eq("at_least")
    lo[at_least], hi[at_least] = low[at_least], np.where(low[at_least].notna(), np.inf, np.nan)
    at_most = qualifier.eq("at_most")
    lo[at_most], hi[at_most] = np.where(high[at_most].notna(), 0.0, np.nan), high[at_most]
    ranged = qualifier.eq("range")
    lo[ranged], hi[ranged] = low[ranged], high[ranged]
    return pd.DataFrame({"lo": lo, "hi": hi}, index=figures.index)


def claim_dates(rows: pd.DataFrame) -> pd.Series:
    """The date each figure is about: its ``event_date``, else its ``published`` date.

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> rows = figures_frame([{"published": "2025-01-13", "event_date": "2025-01-06"}, {"published": "2025-01-13"}])
    >>> claim_dates(rows).dt.strftime("%Y-%m-%d").tolist()
    ['2025-01-06', '2025-01-13']
    """
    event = pd.to_datetime(rows["event_date"], errors="coerce")
    published = pd.to_datetime(rows["published"], errors="coerce")
    return event.fillna(published).astype("datetime64[ns]")


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


def _kinds(rows: pd.DataFrame) -> pd.Series:
    """The equipment kind of each equipment row; an empty string elsewhere, so every row has a key."""
    if "counted" not in rows:
        return pd.Series("", index=rows.index, dtype="object")
    equipment = rows["measure"].astype("object").eq("equipment")
    kinds = rows["counted"].astype("object").map(lambda c: equipment_kind(c) if isinstance(c, str) else None)
    return kinds.where(equipment, "").fillna("")


def _daily(rows: pd.DataFrame) -> pd.Series:
    """Whether each row's sentence says its figure is a tally for one day (see :data:`DAILY`)."""
    if "sentence" not in rows:
        return pd.Series(False, index=rows.index)
    return rows["sentence"].astype("string").str.contains(DAILY).fillna(False).astype(bool)


def claims(figures: pd.DataFrame, *, window: str | pd.Timedelta = "30D", by_location: bool = True) -> pd.DataFrame:
    """The figures with a ``claim_id`` (Int64): mentions of the same quantity share one id.

    Two mentions are about the same quantity when they have the same measure and the same actor
    (a missing actor only matches another missing actor), a compatible place, and dates close enough.
    Equipment mentions must also count the same kind of thing (:func:`equipment_kind` of ``counted``:
    tanks and drones are two quantities). A figure whose ``sentence`` says it is a tally for one day
    ("in the past 24 hours", "over the past day", "a day", "per day", "daily": the :data:`DAILY`
    pattern) only groups with other daily figures, never with a running total; every figure of such a
    sentence counts as daily.
    The date is ``event_date``, else ``published``; in each group, sorted by date, every mention is
    within ``window`` of the one before (a chain), and undated mentions only group with each other.
    Places are compatible when either is missing, they are equal, or one is the other's ``admin1``
    or ``country`` (case-insensitive); a mention joins a group only if its place fits every member's.

    Derived rows (``derived`` true: totals the extractor computed, which nobody stated), durations
    and rows without a value or measure are not claims: their ``claim_id`` is ``<NA>``. Ids are
    numbered from 0 in the order measure (schema order), actor, equipment kind, cumulative before
    daily, first date, so they do not depend on the order of the input rows.

    Parameters
    ----------
    figures : DataFrame
        A figures table.
    window : str or Timedelta, default "30D"
        Largest gap between consecutive dates in one group.
    by_location : bool, default True
        If False, ignore places: group on measure, actor and dates only.

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> rows = figures_frame([
    ...     {"measure": "troops", "value": 3000.0, "actor": "North Korea", "location": "Kursk Oblast",
    ...      "country": "Russia", "published": "2024-10-23"},
    ...     {"measure": "troops", "value": 10000.0, "actor": "North Korea", "location": "Russia",
    ...      "country": "Russia", "published": "2024-11-04"},
    ...     {"measure": "troops", "value": 12000.0, "actor": "North Korea", "location": "Kursk Oblast",
    ...      "admin1": "Kursk Oblast", "country": "Russia", "published": "2025-04-30"}])
    >>> claims(rows)["claim_id"].tolist()
    [0, 0, 1]
    """
    _need(figures, ["measure", "value", "actor", "published", "event_date", "location", "admin1", "country"])
    gap = _timedelta(window)
    eligible = figures["measure"].notna() & figures["value"].notna() & ~figures["measure"].isin(UNGROUPED_MEASURES)
    if "derived" in figures:
        eligible &= ~figures["derived"].astype("boolean").fillna(False).astype(bool)
    rows = figures.loc[eligible]
    keyed = pd.DataFrame({
        "measure_rank": rows["measure"].astype("object").map(MEASURE_RANK).fillna(len(MEASURES)),
        "measure": rows["measure"].astype("string"),
        "actor": _lower(rows["actor"]).fillna(""),
        "date": claim_dates(rows),
        "kind": _kinds(rows),
        "daily": _daily(rows),
        "place": _place(rows),
        "article_id": rows["article_id"].astype("string") if "article_id" in rows else pd.NA,
        "start": rows["start"].astype("Int64") if "start" in rows else pd.NA,
        "position": np.arange(len(rows)),
    }, index=rows.index)
    quantity = ["measure_rank", "measure", "actor", "kind", "daily"]
    keyed = keyed.sort_values([*quantity, "date", "article_id", "start", "position"], na_position="last",
                              kind="stable")
    groups: list[_Group] = []
    for _, block in keyed.groupby(quantity, sort=False, dropna=False):
        groups.extend(_chain(block, gap=gap, by_location=by_location))
    ids = pd.Series(pd.NA, index=figures.index, dtype="Int64")
    for number, group in enumerate(groups):
        ids.loc[group.members] = number
    return figures.assign(claim_id=ids)


def compare(figures: pd.DataFrame, *, measure: str, actor: str | None = None, location: str | None = None,
            include_derived: bool = False) -> pd.DataFrame:
    """What each source and claimant said about one measure, sorted by date, then claimant.

    One row per distinct claim: a source repeating the same claimant's same figure on the same date is
    one row. A missing ``claimant`` means the outlet's own voice. ``actor`` matches case-insensitively;
    ``location`` matches the ``location``, ``admin1`` or ``country`` column, case-insensitively.
    Derived rows are left out unless ``include_derived``. The ``date`` column is ``event_date``,
    else ``published``; ``claim_id`` is kept when the input has it.

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> rows = figures_frame([
    ...     {"measure": "troops", "value": 12000.0, "actor": "North Korea", "claimant": "HUR", "source": "KI",
    ...      "admin1": "Kursk Oblast", "published": "2024-10-25"},
    ...     {"measure": "troops", "value": 3000.0, "actor": "North Korea", "claimant": "NIS", "source": "AP",
    ...      "country": "Russia", "published": "2024-10-23"}])
    >>> compare(rows, measure="troops", location="russia")[["claimant", "value"]].values.tolist()
    [['NIS', 3000.0]]
    """
    if measure not in MEASURES:
        raise ValueError(f"measure={measure!r} is not a measure; pass one of {', '.join(MEASURES)}")
    _need(figures, ["measure", "value", "low", "high", "qualifier", "claimant", "source", "published", "event_date",
                    *(["actor"] if actor is not None else []),
                    *(["location", "admin1", "country"] if location is not None else [])])
    keep = figures["measure"].astype("object").eq(measure)
    if actor is not None:
        keep &= _lower(figures["actor"]).eq(actor.strip().casefold()).fillna(False)
    if location is not None:
        wanted = location.strip().casefold()
        places = pd.concat([_lower(figures[c]).eq(wanted) for c in ("location", "admin1", "country")], axis=1)
        keep &= places.fillna(False).any(axis=1)
    if not include_derived and "derived" in figures:
        keep &= ~figures["derived"].astype("boolean").fillna(False).astype(bool)
    table = figures.loc[keep].assign(date=claim_dates(figures.loc[keep]))
    columns = [c for c in COMPARE_COLUMNS + ["claim_id"] if c in table]
    table = table.reindex(columns=columns)
    table = table.drop_duplicates(subset=["date", "claimant", "source", "value", "low", "high", "qualifier"])
    table = table.sort_values(["date", "claimant", "source", "value"], na_position="last", kind="stable")
    return table.reset_index(drop=True)


def consensus(figures_or_claims: pd.DataFrame, *, tolerance: float = APPROX_TOLERANCE,
              window: str | pd.Timedelta = "30D", by_location: bool = True) -> pd.DataFrame:
    """One row per claim group: who said it, the values' spread and the interval all claims allow.

    Takes the output of :func:`claims` (or a figures table, grouped here with ``window`` and
    ``by_location``). Each mention's interval comes from :func:`claim_bounds` (``tolerance`` is the
    width given to approximate figures); ``agree_low``/``agree_high`` bound their intersection and
    are NaN when it is empty, which sets ``contradiction``. ``agree_high`` is ``inf`` when every
    claim is open above. ``n_claimants`` counts distinct voices, an unattributed mention being the
    outlet's own. ``spread`` is ``value_max / value_min`` (NaN when the minimum is not positive).
    ``location`` is the group's most frequent location, ``kind`` the equipment kind (NA for other
    measures) and ``daily`` whether the group holds tallies for one day (see :func:`claims`).

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> rows = figures_frame([
    ...     {"measure": "killed", "value": 47.0, "low": 47.0, "qualifier": "at_least", "actor": "civilians",
    ...      "source": "The Hindu", "published": "2024-09-03"},
    ...     {"measure": "killed", "value": 41.0, "low": 41.0, "high": 41.0, "qualifier": "exact",
    ...      "actor": "civilians", "source": "Reuters", "published": "2024-09-03"}])
    >>> consensus(rows)[["n_mentions", "agree_low", "contradiction", "spread"]].values.tolist()
    [[2, nan, True, 1.146341463414634]]
    """
    table = figures_or_claims
    if "claim_id" not in table:
        table = claims(table, window=window, by_location=by_location)
    _need(table, ["measure", "actor", "location", "claimant", "source", "published", "event_date"])
    table = table.loc[table["claim_id"].notna()]
    bounds = claim_bounds(table, tolerance=tolerance)
    voices = table["claimant"].astype("string").fillna(table["source"].astype("string"))
    work = pd.DataFrame({
        "claim_id": table["claim_id"].astype("Int64"), "measure": table["measure"].astype("object"),
        "actor": table["actor"].astype("string"), "location": table["location"].astype("string"),
        "source": table["source"].astype("string"), "voice": voices, "value": table["value"].astype("float64"),
        "lo": bounds["lo"], "hi": bounds["hi"], "date": claim_dates(table),
        "kind": _kinds(table).replace("", None), "daily": _daily(table),
    })
    rows = [_summary(claim_id, group) for claim_id, group in work.groupby("claim_id", sort=True)]
    return _consensus_frame(rows)


@dataclass
class _Group:
    last: pd.Timestamp
    places: list[tuple[str | None, frozenset[str]]] = field(default_factory=list)
    members: list[object] = field(default_factory=list)


def _chain(block: pd.DataFrame, *, gap: pd.Timedelta, by_location: bool) -> list[_Group]:
    """Greedy chaining of one measure+actor block, already sorted by date."""
    groups: list[_Group] = []
    live: list[_Group] = []
    for index, row in block.iterrows():
        date, place = row["date"], row["place"]
        # Dates only grow along the block, so a group left behind by one date is closed for good.
        live = [g for g in live if _close(g.last, date, gap)]
        fits = [g for g in live if not by_location or all(_fits(place, p) for p in g.places)]
        # Prefer a group that already names this very place, then the oldest one.
        fits.sort(key=lambda g: place[0] is None or place not in g.places)
        if fits:
            group = fits[0]
        else:
            group = _Group(last=date)
            groups.append(group)
            live.append(group)
        group.members.append(index)
        group.places.append(place)
        if pd.notna(date):
            group.last = max(group.last, date)
    return groups


def _close(last: pd.Timestamp, date: pd.Timestamp, gap: pd.Timedelta) -> bool:
    if pd.isna(last) or pd.isna(date):
        return pd.isna(last) and pd.isna(date)
    return date - last <= gap


def _fits(a: tuple[str | None, frozenset[str]], b: tuple[str | None, frozenset[str]]) -> bool:
    """Places are compatible: one is unknown, they are equal, or one contains the other."""
    (place_a, within_a), (place_b, within_b) = a, b
    if place_a is None or place_b is None:
        return True
    return place_a == place_b or place_a in within_b or place_b in within_a


def _place(rows: pd.DataFrame) -> list[tuple[str | None, frozenset[str]]]:
    """Each row's most specific place name and the names of the regions that contain it, lowercased."""
    names = pd.concat([_lower(rows[c]) for c in ("location", "admin1", "country")], axis=1)
    out = []
    for location, admin1, country in names.itertuples(index=False, name=None):
        known = [n for n in (location, admin1, country) if isinstance(n, str) and n]
        place = known[0] if known else None
        out.append((place, frozenset(known[1:]) - {place}))
    return out


def _summary(claim_id: int, group: pd.DataFrame) -> dict[str, object]:
    low, high = group["lo"].max(), group["hi"].min()
    contradiction = bool(low > high)
    values = group["value"]
    locations = Counter(group["location"].dropna())
    smallest = values.min()
    return {
        "claim_id": claim_id, "measure": group["measure"].iloc[0], "actor": group["actor"].iloc[0],
        "location": min(locations, key=lambda name: (-locations[name], name)) if locations else pd.NA,
        "kind": group["kind"].iloc[0], "daily": bool(group["daily"].iloc[0]),
        "n_mentions": len(group), "n_sources": group["source"].nunique(), "n_claimants": group["voice"].nunique(),
        "agree_low": np.nan if contradiction else low, "agree_high": np.nan if contradiction else high,
        "contradiction": contradiction, "value_min": smallest, "value_median": values.median(),
        "value_max": values.max(), "spread": values.max() / smallest if smallest > 0 else np.nan,
        "first_date": group["date"].min(), "last_date": group["date"].max(),
    }


def _consensus_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    dtypes = {
        "claim_id": "Int64", "measure": FIGURE_COLUMNS["measure"], "actor": "string", "location": "string",
        "kind": "string", "daily": "boolean",
        "n_mentions": "Int64", "n_sources": "Int64", "n_claimants": "Int64", "agree_low": "float64",
        "agree_high": "float64", "contradiction": "boolean", "value_min": "float64", "value_median": "float64",
        "value_max": "float64", "spread": "float64", "first_date": "datetime64[ns]", "last_date": "datetime64[ns]",
    }
    frame = pd.DataFrame.from_records(rows, columns=list(dtypes))
    return frame.astype(dtypes).reset_index(drop=True)


def _lower(column: pd.Series) -> pd.Series:
    return column.astype("string").str.strip().str.casefold()


def _timedelta(window: str | pd.Timedelta) -> pd.Timedelta:
    try:
        gap = pd.Timedelta(window)
    except (TypeError, ValueError) as error:
        raise ValueError(f"window={window!r} is not a duration; pass one such as '30D' or '2W'") from error
    if pd.isna(gap) or gap < pd.Timedelta(0):
        raise ValueError(f"window={window!r} is not a positive duration; pass one such as '30D'")
    return gap


def _need(frame: pd.DataFrame, columns: list[str]) -> None:
    missing = [c for c in columns if c not in frame]
    if missing:
        raise ValueError(f"the table lacks the column(s) {', '.join(missing)}; build it with "
                         "analysis.schema.figures_frame")
