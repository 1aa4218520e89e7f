"""Claim groups: one quantity at one time, and how each claim in a group stands.

:func:`claims` adds to the figures table the kind of quantity (``quantity``), the place it is about
(``scope``), who independently said it (``voice``), the group (``claim_id``) and the claim's
``status`` in its group.

>>> from analysis.schema import figures_frame
>>> toll = figures_frame([
...     {"measure": "killed", "value": v, "qualifier": "exact", "actor": "civilians", "location": "Poltava",
...      "geo_precision": "place", "claimant": "SES", "source": "KI", "published": p, "event_date": "2024-09-03",
...      "sentence": f"The death toll of the strike rose to {v:.0f}."}
...     for v, p in ((53.0, "2024-09-04"), (55.0, "2024-09-05"))])
>>> claims(toll)[["claim_id", "quantity", "status"]].values.tolist()
[[0, 'event_toll', 'superseded'], [0, 'event_toll', 'current']]
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.checks import require_columns
from analysis.compare.bounds import APPROX_TOLERANCE, claim_bounds, claim_dates, lower, point_values
from analysis.compare.quantity import daily, equipment_kinds, place_scopes, quantity_kinds
from analysis.schema import MEASURES
from analysis.vocabulary import VOCABULARY

__all__ = ["CLAIM_INPUT_COLUMNS", "STATUSES", "claims", "voices"]

# what claims() reads of a figures table (and so what consensus() and revisions() need too)
CLAIM_INPUT_COLUMNS = ("measure", "value", "low", "high", "qualifier", "actor", "published", "event_date")

STATUSES: tuple[str, ...] = ("current", "superseded", "outlier", "contradiction")
# Durations grow with the date they are stated on ("the 1,000th day of the war"), so two of them are
# never claims about the same quantity; they get no claim id.
UNGROUPED_MEASURES = frozenset({"duration"})
MEASURE_RANK = {measure: rank for rank, measure in enumerate(MEASURES)}
OUTLIER_FACTOR = VOCABULARY.compare.judging.outlier_factor


def voices(figures: pd.DataFrame) -> pd.Series:
    """Who independently said each figure: its claimant, else its outlet; a copy counts as its original.

    A sentence printed word for word by several outlets (a wire story republished) is one claim:
    every copy gets the voice of the earliest published one. Voices are case-folded; an outlet's own
    voice is written "outlet:<name>".

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> rows = figures_frame([
    ...     {"source": "AP", "published": "2024-10-23", "sentence": "Some 3,000 soldiers arrived."},
    ...     {"source": "Yonhap", "published": "2024-10-24", "sentence": "Some 3,000  soldiers arrived."},
    ...     {"source": "UPI", "claimant": "NIS", "published": "2024-10-24", "sentence": "NIS said 3,000."}])
    >>> voices(rows).tolist()
    ['outlet:ap', 'outlet:ap', 'nis']
    """
    claimant = lower(figures["claimant"]) if "claimant" in figures else pd.Series(pd.NA, index=figures.index)
    source = lower(figures["source"]) if "source" in figures else pd.Series(pd.NA, index=figures.index)
    voice = claimant.astype("object").where(claimant.notna() & claimant.ne(""), "outlet:" + source.fillna("?"))
    if "sentence" not in figures:
        return voice.astype("string").rename("voice")
    said = figures["sentence"].astype("string").str.casefold().str.replace(r"\s+", " ", regex=True).str.strip()
    published = pd.to_datetime(figures["published"], errors="coerce") if "published" in figures else None
    order = pd.DataFrame({"said": said, "published": published, "voice": voice}).dropna(subset=["said"])
    order = order.sort_values("published", kind="stable", na_position="last")
    first = order.groupby("said", sort=False)["voice"].transform("first")
    voice = voice.copy()
    voice.loc[first.index] = first
    return voice.astype("string").rename("voice")


def claims(figures: pd.DataFrame, *, window: str | pd.Timedelta = "7D", event_window: str | pd.Timedelta = "2D",
           tolerance: float = APPROX_TOLERANCE, by_location: bool = True) -> pd.DataFrame:
    """The figures with what each claims: ``quantity``, ``scope``, ``voice``, ``claim_id`` and ``status``.

    A claim group (``claim_id``, Int64) is one quantity at one time: the same measure, actor (a
    missing actor only matches another missing one), kind of equipment, kind of quantity
    (:func:`analysis.compare.quantity.quantity_kinds`; a daily tally apart from other rates) and place
    scope (:func:`analysis.compare.quantity.place_scopes`: a country's figure never groups with a
    town's). Its dates lie within ``window`` of its first date for levels, running totals and rates
    (as of the same time), within ``event_window`` for event tolls (the same event); the date is
    ``event_date``, else ``published``, and undated figures group only with each other.

    Within a group each claim's ``status`` is:

    - ``superseded``: for an event toll, any claim from a report published before the latest
      report of that toll (tolls are revised as bodies are found); for other quantities, a claim
      of a voice that said something newer in the group;
    - ``outlier``: a claim more than ``judging.outlier_factor`` (data/compare.toml) times smaller
      than the largest of its group in the same report by the same voice (a part told with the
      whole: "500 officers" of "12,000 troops"; the outlet's own figure counts against any voice),
      or, when three other voices or more stand, that many times away from the median of their
      largest claims;
    - ``contradiction``: a claim whose interval (:func:`analysis.compare.bounds.claim_bounds`) cannot
      hold together with a claim of another voice (two figures of one voice never contradict);
    - ``current`` otherwise.

    Derived rows, durations and rows without a value or measure get no ``claim_id`` nor ``status``.
    Ids are numbered from 0 in the order measure (schema order), actor, equipment kind, quantity,
    scope, first date, so they do not depend on the order of the input rows.

    Parameters
    ----------
    figures : DataFrame
        A figures table.
    window : str or Timedelta, default "7D"
        How far after a group's first date a level, running total or rate still belongs to it.
    event_window : str or Timedelta, default "2D"
        The same for event tolls, on the event's date.
    tolerance : float, default 0.1
        Relative width given to approximate values when judging contradictions.
    by_location : bool, default True
        If False, ignore places.

    Returns
    -------
    DataFrame
        ``figures`` (same rows, same order, same index) with the columns ``quantity``, ``scope``,
        ``voice``, ``claim_id`` (Int64) and ``status`` (categorical: current, superseded, outlier,
        contradiction) added.

    Raises
    ------
    TypeError
        If ``figures`` is not a DataFrame.
    ValueError
        If ``figures`` lacks a column grouping needs (``measure``, ``value``, ``low``, ``high``,
        ``qualifier``, ``actor``, ``published``, ``event_date``), if ``window`` or ``event_window``
        is not a positive duration, or if ``tolerance`` is not a number >= 0.

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> rows = figures_frame([
    ...     {"measure": "troops", "value": 3000.0, "qualifier": "approx", "actor": "North Korea", "claimant": "NIS",
    ...      "location": "Russia", "geo_precision": "country", "published": "2024-10-23"},
    ...     {"measure": "troops", "value": 12000.0, "qualifier": "approx", "actor": "North Korea", "claimant": "HUR",
    ...      "location": "Russia", "geo_precision": "country", "published": "2024-10-25"},
    ...     {"measure": "troops", "value": 12000.0, "qualifier": "approx", "actor": "North Korea", "claimant": "NIS",
    ...      "location": "Russia", "geo_precision": "country", "published": "2024-12-20"}])
    >>> claims(rows)[["claim_id", "status"]].values.tolist()
    [[0, 'contradiction'], [0, 'contradiction'], [1, 'current']]
    """
    require_columns(figures, CLAIM_INPUT_COLUMNS, caller="claims")
    gaps = {"event": _timedelta(event_window, "event_window"), "other": _timedelta(window, "window")}
    eligible = figures["measure"].notna() & figures["value"].notna() & ~figures["measure"].isin(UNGROUPED_MEASURES)
    if "derived" in figures:
        eligible &= ~figures["derived"].astype("boolean").fillna(False).astype(bool)
    quantity = quantity_kinds(figures)
    scope = place_scopes(figures) if by_location else pd.Series("anywhere", index=figures.index, dtype="string")
    voice = voices(figures)
    rows = figures.loc[eligible]
    bounds = claim_bounds(rows, tolerance=tolerance)
    keyed = pd.DataFrame({
        "measure_rank": rows["measure"].astype("object").map(MEASURE_RANK).fillna(len(MEASURES)),
        "actor": lower(rows["actor"]).fillna(""),
        "kind": equipment_kinds(rows),
        "quantity": quantity[eligible].astype("object"),
        "daily": daily(rows),
        "scope": scope[eligible].astype("object"),
        "date": claim_dates(rows),
        "published": pd.to_datetime(rows["published"], errors="coerce"),
        "voice": voice[eligible].astype("object"),
        "lo": bounds["lo"], "hi": bounds["hi"], "point": point_values(rows),
        "article_id": rows["article_id"].astype("string") if "article_id" in rows else pd.NA,
        "start": rows["start"].astype("Int64") if "start" in rows else pd.NA,
        "position": np.arange(len(rows)),
    }, index=rows.index)
    key = ["measure_rank", "actor", "kind", "quantity", "daily", "scope"]
    keyed = keyed.sort_values([*key, "date", "published", "article_id", "start", "position"], na_position="last",
                              kind="stable")
    ids = pd.Series(pd.NA, index=figures.index, dtype="Int64")
    status = pd.Series(pd.NA, index=figures.index, dtype="object")
    number = 0
    for (*_, kind_of_quantity, _daily, _scope), block in keyed.groupby(key, sort=False, dropna=False):
        gap = gaps["event" if kind_of_quantity == "event_toll" else "other"]
        for members in _windows(block["date"], gap):
            group = block.loc[members]
            ids.loc[members] = number
            status.loc[members] = _judge(group, event=kind_of_quantity == "event_toll")
            number += 1
    return figures.assign(quantity=quantity.where(eligible), scope=scope, voice=voice, claim_id=ids,
                          status=pd.Categorical(status, categories=STATUSES))


def _windows(dates: pd.Series, gap: pd.Timedelta) -> list[list[object]]:
    """Consecutive runs of sorted dates, each within ``gap`` of its first; undated ones together."""
    runs: list[list[object]] = []
    undated = [i for i, d in dates.items() if pd.isna(d)]
    start = None
    for index, date in dates.items():
        if pd.isna(date):
            continue
        if start is None or date - start > gap:
            runs.append([])
            start = date
        runs[-1].append(index)
    return runs + ([undated] if undated else [])


def _judge(group: pd.DataFrame, *, event: bool) -> list[str]:
    """The status of each claim of one group, in the group's order."""
    status = pd.Series("current", index=group.index, dtype="object")
    if event:
        latest = group["published"].max()
        status[group["published"].lt(latest).fillna(False)] = "superseded"
    else:
        newest = group.groupby("voice")["date"].transform("max")
        status[group["date"].lt(newest).fillna(False)] = "superseded"
    live = group.loc[status.eq("current")]
    # a part of a larger figure of the same report ("500 officers" of "12,000 troops")
    # (of the same voice, or the outlet's own words beside a claimant's figure)
    largest = live.groupby(["article_id", "voice"], dropna=False)["point"].transform("max")
    in_report = live.groupby("article_id", dropna=False)["point"].transform("max")
    largest = largest.where(~live["voice"].str.startswith("outlet:"), in_report)
    status[live.index[(live["point"] * OUTLIER_FACTOR < largest).to_numpy()]] = "outlier"
    live = group.loc[status.eq("current")]
    headline = live.groupby("voice")["point"].max()  # each voice by its largest standing figure
    if len(headline) >= 4:  # three other voices or more stand beside each
        middle = live["voice"].map({voice: float(headline.drop(voice).median()) for voice in headline.index})
        far = (middle > 0) & ~((middle / OUTLIER_FACTOR <= live["point"]) & (live["point"] <= middle * OUTLIER_FACTOR))
        status[live.index[far.to_numpy()]] = "outlier"
    live = group.loc[status.eq("current")]
    status[live.index[_contradicted(live)]] = "contradiction"
    return status.tolist()


def _contradicted(live: pd.DataFrame) -> np.ndarray:
    """Which claims cannot hold together with some claim of another voice: a claim's interval lies
    wholly above the lowest upper bound of the other voices, or wholly below their highest lower bound.
    (Linear in the claims: each voice's extreme bounds, and the best two over all voices.)"""
    if live.empty:
        return np.zeros(0, dtype=bool)
    by_voice = live.groupby("voice")
    lowest_hi, highest_lo = by_voice["hi"].min(), by_voice["lo"].max()

    def others(extremes: pd.Series, pick: str) -> pd.Series:
        """For each voice, the extreme over all the other voices."""
        ordered = extremes.sort_values(ascending=(pick == "min"))
        best, runner_up = ordered.iloc[0], (ordered.iloc[1] if len(ordered) > 1 else np.nan)
        return pd.Series(np.where(extremes.index == ordered.index[0], runner_up, best), index=extremes.index)

    hi_of_others = live["voice"].map(others(lowest_hi, "min")).to_numpy(dtype=float)
    lo_of_others = live["voice"].map(others(highest_lo, "max")).to_numpy(dtype=float)
    return (live["lo"].to_numpy(dtype=float) > hi_of_others) | (live["hi"].to_numpy(dtype=float) < lo_of_others)


def _timedelta(window: str | pd.Timedelta, name: str) -> pd.Timedelta:
    try:
        gap = pd.Timedelta(window)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name}={window!r} is not a duration; pass one such as '7D' or '2W'") from error
    if pd.isna(gap) or gap < pd.Timedelta(0):
        raise ValueError(f"{name}={window!r} is not a positive duration; pass one such as '7D'")
    return gap

