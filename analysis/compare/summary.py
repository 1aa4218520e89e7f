"""Tables over claim groups: what each source said (:func:`compare`), what each group allows
(:func:`consensus`) and how a toll or an estimate moved (:func:`revisions`).

>>> from analysis.schema import figures_frame
>>> figures = figures_frame([
...     {"measure": "troops", "value": 10000.0, "low": 10000.0, "qualifier": "at_least", "actor": "North Korea",
...      "claimant": "Pentagon", "source": "AFP", "published": "2024-11-04"},
...     {"measure": "troops", "value": 11000.0, "low": 10000.0, "high": 12000.0, "qualifier": "range",
...      "actor": "North Korea", "claimant": "NIS", "source": "AP", "published": "2024-11-10"}])
>>> consensus(figures)[["n_claimants", "agree_low", "agree_high", "contradiction", "best"]].values.tolist()
[[2, 10000.0, 12000.0, False, 10500.0]]
"""
from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from analysis.checks import fraction, optional_text, require_columns
from analysis.compare.bounds import APPROX_TOLERANCE, claim_bounds, claim_dates, lower, point_values
from analysis.compare.groups import CLAIM_INPUT_COLUMNS, claims
from analysis.compare.quantity import QUANTITIES
from analysis.schema import FIGURE_COLUMNS, MEASURES

__all__ = ["compare", "consensus", "revisions"]

COMPARE_COLUMNS = ["date", "claimant", "claimant_side", "source", "measure", "actor", "location", "value", "low",
                   "high", "qualifier", "counted", "published", "event_date", "text", "article_id"]
CLAIM_COLUMNS = ["quantity", "scope", "claim_id", "status"]
_ALLOWING = ("current", "contradiction")  # the claims an agreement must satisfy


def compare(figures: pd.DataFrame, *, measure: str, actor: str | None = None, location: str | None = None,
            include_derived: bool = False) -> pd.DataFrame:
    """What each source and claimant said about one measure, sorted by date, then claimant.

    One row per distinct claim: a source repeating the same claimant's same figure on the same date is
    one row. A missing ``claimant`` means the outlet's own voice. ``actor`` matches case-insensitively;
    ``location`` matches the ``location``, ``admin1`` or ``country`` column, case-insensitively.
    Derived rows are left out unless ``include_derived``. The ``date`` column is ``event_date``,
    else ``published``; ``quantity``, ``scope``, ``claim_id`` and ``status`` are kept when the input
    has them (the output of :func:`analysis.compare.claims`).

    Parameters
    ----------
    figures : DataFrame
        A figures table, or the output of :func:`analysis.compare.claims`.
    measure : str
        The measure to compare (one of :data:`analysis.schema.MEASURES`).
    actor : str, optional
        Keep only the figures about this actor.
    location : str, optional
        Keep only the figures placed here (a place, an admin-1 region or a country).
    include_derived : bool, default False
        Keep the rows derived from other figures too.

    Returns
    -------
    DataFrame
        One row per distinct claim, sorted by ``date`` then ``claimant``, with the columns ``date``,
        ``claimant``, ``claimant_side``, ``source``, ``measure``, ``actor``, ``location``, ``value``,
        ``low``, ``high``, ``qualifier``, ``counted``, ``published``, ``event_date``, ``text`` and
        ``article_id`` that the input has, and the claim columns when it has them.

    Raises
    ------
    TypeError
        If ``figures`` is not a DataFrame, or ``actor`` or ``location`` is not a string or None.
    ValueError
        If ``measure`` is not a measure, or ``figures`` lacks a column the comparison needs.

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
    actor = optional_text(actor, "actor", caller="compare")
    location = optional_text(location, "location", caller="compare")
    require_columns(figures, ["measure", "value", "low", "high", "qualifier", "claimant", "source", "published",
                              "event_date", *(["actor"] if actor is not None else []),
                              *(["location", "admin1", "country"] if location is not None else [])], caller="compare")
    keep = figures["measure"].astype("object").eq(measure)
    if actor is not None:
        keep &= lower(figures["actor"]).eq(actor.strip().casefold()).fillna(False)
    if location is not None:
        wanted = location.strip().casefold()
        places = pd.concat([lower(figures[c]).eq(wanted) for c in ("location", "admin1", "country")], axis=1)
        keep &= places.fillna(False).any(axis=1)
    if not include_derived and "derived" in figures:
        keep &= ~figures["derived"].astype("boolean").fillna(False).astype(bool)
    table = figures.loc[keep].assign(date=claim_dates(figures.loc[keep]))
    columns = [c for c in COMPARE_COLUMNS + CLAIM_COLUMNS if c in table]
    table = table.reindex(columns=columns)
    table = table.drop_duplicates(subset=["date", "claimant", "source", "value", "low", "high", "qualifier"])
    table = table.sort_values(["date", "claimant", "source", "value"], na_position="last", kind="stable")
    return table.reset_index(drop=True)


def _claimed(table: pd.DataFrame, **options: object) -> pd.DataFrame:
    """``table`` with claim groups: as given when it has them, else through :func:`claims`."""
    if {"claim_id", "status", "voice"} <= set(table.columns):
        return table
    return claims(table, **options)


def consensus(figures_or_claims: pd.DataFrame, *, tolerance: float = APPROX_TOLERANCE,
              window: str | pd.Timedelta = "7D", event_window: str | pd.Timedelta = "2D",
              by_location: bool = True) -> pd.DataFrame:
    """One row per claim group: who said it, what the standing claims allow, and a best estimate.

    The *standing* claims of a group are those neither superseded nor outliers (see
    :func:`analysis.compare.claims`). ``agree_low``/``agree_high`` is the interval that every
    voice's standing claims allow: each voice by the span of its own claims (two figures of one voice
    never contradict: a part and its whole, a figure and its update), intersected across voices
    (NaN when voices contradict each other). The estimate follows UCDP's
    low / best / high: each independent voice counts once, by the median of its standing claims'
    values (an open bound counts at its bound, a range at its middle); ``low`` and ``high`` are the
    smallest and largest of these, ``best`` their median, moved into the agreed interval when there
    is one. ``n_claimants`` counts independent voices (a claimant, else an outlet; a wire story
    republished word for word counts once), ``n_reports`` the articles.

    Parameters
    ----------
    figures_or_claims : DataFrame
        A figures table, or the output of :func:`analysis.compare.claims`.
    tolerance, window, event_window, by_location
        As in :func:`analysis.compare.claims`, when the groups are made here.

    Returns
    -------
    DataFrame
        One row per claim group, ordered by ``claim_id``: the group (``claim_id``, ``quantity``,
        ``measure``, ``actor``, ``scope``, ``location``, ``kind``, ``daily``), its counts
        (``n_mentions``, ``n_reports``, ``n_sources``, ``n_claimants``, ``n_current``,
        ``n_superseded``, ``n_outliers``), ``contradiction``, the agreed interval (``agree_low``,
        ``agree_high``), the estimate (``low``, ``best``, ``high``), the spread of the values
        (``value_min``, ``value_median``, ``value_max``, ``spread``) and ``first_date``/``last_date``.

    Raises
    ------
    TypeError
        If ``figures_or_claims`` is not a DataFrame.
    ValueError
        If it lacks a column grouping needs, if ``tolerance`` is not a number >= 0, or if
        ``window`` or ``event_window`` is not a positive duration.

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> toll = figures_frame([
    ...     {"measure": "killed", "value": v, "qualifier": "exact", "actor": "civilians", "location": "Poltava",
    ...      "geo_precision": "place", "source": "KI", "published": p, "event_date": "2024-09-03"}
    ...     for v, p in ((47.0, "2024-09-03"), (53.0, "2024-09-04"), (55.0, "2024-09-05"))])
    >>> row = consensus(toll).iloc[0]
    >>> row["quantity"], int(row["n_superseded"]), float(row["best"]), bool(row["contradiction"])
    ('event_toll', 2, 55.0, False)
    """
    require_columns(figures_or_claims, CLAIM_INPUT_COLUMNS, caller="consensus")
    tolerance = fraction(tolerance, "tolerance", caller="consensus")
    table = _claimed(figures_or_claims, tolerance=tolerance, window=window, event_window=event_window,
                     by_location=by_location)
    require_columns(table, ["measure", "actor", "location", "source", "published", "event_date", "claim_id", "status"],
                    caller="consensus")
    table = table.loc[table["claim_id"].notna()]
    bounds = claim_bounds(table, tolerance=tolerance)
    work = pd.DataFrame({
        "claim_id": table["claim_id"].astype("Int64"), "measure": table["measure"].astype("object"),
        "quantity": table["quantity"].astype("object"), "scope": table["scope"].astype("string"),
        "actor": table["actor"].astype("string"), "location": table["location"].astype("string"),
        "source": table["source"].astype("string"), "voice": table["voice"].astype("string"),
        "article": table["article_id"].astype("string") if "article_id" in table else table["source"],
        "value": table["value"].astype("float64"), "point": point_values(table),
        "lo": bounds["lo"], "hi": bounds["hi"], "date": claim_dates(table), "status": table["status"].astype("object"),
        "kind": _kind_column(table), "daily": _daily_column(table),
    })
    rows = [_summary(claim_id, group) for claim_id, group in work.groupby("claim_id", sort=True)]
    return _consensus_frame(rows)


def _kind_column(table: pd.DataFrame) -> pd.Series:
    from analysis.compare.quantity import equipment_kinds
    return equipment_kinds(table).replace("", None)


def _daily_column(table: pd.DataFrame) -> pd.Series:
    from analysis.compare.quantity import daily
    return daily(table)


def _summary(claim_id: int, group: pd.DataFrame) -> dict[str, object]:
    standing = group.loc[group["status"].isin(_ALLOWING)]
    spans = standing.groupby("voice").agg(lo=("lo", "min"), hi=("hi", "max"))  # what each voice allows
    low, high = spans["lo"].max(), spans["hi"].min()
    agreed = bool(low <= high)
    per_voice = standing.groupby("voice")["point"].median()
    best = float(per_voice.median()) if len(per_voice) else np.nan
    if agreed and np.isfinite(best):
        best = float(np.clip(best, low, high))
    values = group["value"]
    locations = Counter(group["location"].dropna())
    smallest = values.min()
    status = Counter(group["status"])
    return {
        "claim_id": claim_id, "quantity": group["quantity"].iloc[0], "measure": group["measure"].iloc[0],
        "actor": group["actor"].iloc[0], "scope": group["scope"].iloc[0],
        "location": min(locations, key=lambda name: (-locations[name], name)) if locations else pd.NA,
        "kind": group["kind"].iloc[0], "daily": bool(group["daily"].iloc[0]),
        "n_mentions": len(group), "n_reports": group["article"].nunique(), "n_sources": group["source"].nunique(),
        "n_claimants": group["voice"].nunique(), "n_current": status["current"],
        "n_superseded": status["superseded"], "n_outliers": status["outlier"],
        "contradiction": status["contradiction"] > 0,
        "agree_low": low if agreed else np.nan, "agree_high": high if agreed else np.nan,
        "low": per_voice.min() if len(per_voice) else np.nan, "best": best,
        "high": per_voice.max() if len(per_voice) else np.nan,
        "value_min": smallest, "value_median": values.median(), "value_max": values.max(),
        "spread": values.max() / smallest if smallest > 0 else np.nan,
        "first_date": group["date"].min(), "last_date": group["date"].max(),
    }


CONSENSUS_DTYPES: dict[str, object] = {
    "claim_id": "Int64", "quantity": pd.CategoricalDtype(list(QUANTITIES)), "measure": FIGURE_COLUMNS["measure"],
    "actor": "string", "scope": "string", "location": "string", "kind": "string", "daily": "boolean",
    "n_mentions": "Int64", "n_reports": "Int64", "n_sources": "Int64", "n_claimants": "Int64", "n_current": "Int64",
    "n_superseded": "Int64", "n_outliers": "Int64", "contradiction": "boolean", "agree_low": "float64",
    "agree_high": "float64", "low": "float64", "best": "float64", "high": "float64", "value_min": "float64",
    "value_median": "float64", "value_max": "float64", "spread": "float64", "first_date": "datetime64[ns]",
    "last_date": "datetime64[ns]",
}


def _consensus_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(rows, columns=list(CONSENSUS_DTYPES))
    return frame.astype(CONSENSUS_DTYPES).reset_index(drop=True)


REVISION_COLUMNS = ["series", "quantity", "measure", "actor", "scope", "claimant", "source", "published", "date",
                    "value", "low", "high", "qualifier", "change", "status", "claim_id", "article_id", "sentence"]


def revisions(figures: pd.DataFrame, *, min_reports: int = 2, **options: object) -> pd.DataFrame:
    """How one event's toll, or one claimant's estimate, moved: one row per report, oldest first.

    A *series* (``series``, numbered from 0) is the claim group of an event toll (every report of
    the dead of one strike, whoever gave them), or, for levels, running totals and rates, every
    claim of one voice about one quantity (measure, actor, kind, scope) across time. A report
    (article) that gives the series several figures is shown by its largest. ``change`` is the
    value minus the series' previous one. Series with fewer than ``min_reports`` reports are left
    out. ``options`` go to :func:`analysis.compare.claims` when the groups are made here.

    Parameters
    ----------
    figures : DataFrame
        A figures table, or the output of :func:`analysis.compare.claims`.
    min_reports : int, default 2
        Leave out the series told by fewer reports than this.
    **options
        ``window``, ``event_window``, ``tolerance`` and ``by_location``, as in
        :func:`analysis.compare.claims` (used only when ``figures`` has no claim groups yet).

    Returns
    -------
    DataFrame
        One row per report of each series kept, by ``series`` then publication date, with the
        columns ``series``, ``quantity``, ``measure``, ``actor``, ``scope``, ``claimant``,
        ``source``, ``published``, ``date``, ``value``, ``low``, ``high``, ``qualifier``,
        ``change``, ``status``, ``claim_id``, ``article_id`` and ``sentence`` that the table has.

    Raises
    ------
    ValueError
        If ``min_reports`` is not a whole number >= 1, or, when the groups are made here, as in
        :func:`analysis.compare.claims` (a missing column, a bad ``window``).

    Examples
    --------
    >>> from analysis.schema import figures_frame
    >>> toll = figures_frame([
    ...     {"measure": "killed", "value": v, "qualifier": "exact", "actor": "civilians", "location": "Poltava",
    ...      "geo_precision": "place", "source": "KI", "article_id": a, "published": p, "event_date": "2024-09-03"}
    ...     for a, v, p in (("c1", 47.0, "2024-09-03"), ("c2", 53.0, "2024-09-04"), ("c3", 55.0, "2024-09-05"))])
    >>> revisions(toll)[["value", "change", "status"]].values.tolist()
    [[47.0, nan, 'superseded'], [53.0, 6.0, 'superseded'], [55.0, 2.0, 'current']]
    """
    if not isinstance(min_reports, int) or min_reports < 1:
        raise ValueError(f"min_reports={min_reports!r} is not a count; pass a whole number such as 2")
    require_columns(figures, CLAIM_INPUT_COLUMNS, caller="revisions")
    table = _claimed(figures, **options)
    table = table.loc[table["claim_id"].notna()]
    table = table.assign(date=claim_dates(table), _point=point_values(table),
                         _article=table["article_id"].astype("string").fillna(table["source"].astype("string"))
                         if "article_id" in table else table["source"].astype("string"))
    event = table["quantity"].astype("object").eq("event_toll")
    series_key = pd.Series(
        np.where(event, "event:" + table["claim_id"].astype("string"),
                 "voice:" + table["voice"].astype("string") + "|" + table["measure"].astype("string") + "|"
                 + lower(table["actor"]).fillna("") + "|" + table["quantity"].astype("string") + "|"
                 + table["scope"].astype("string") + "|" + _kind_column(table).fillna("").astype("string")),
        index=table.index)
    table = table.assign(_series=series_key)
    table = table.sort_values(["_series", "_article", "_point"], ascending=[True, True, False], kind="stable")
    table = table.drop_duplicates(["_series", "_article"])
    table = table.groupby("_series").filter(lambda g: len(g) >= min_reports)
    table = table.sort_values(["_series", "date", "published"], kind="stable")
    first = table.groupby("_series")["date"].transform("min")
    order = pd.DataFrame({"first": first, "key": table["_series"]}).sort_values(["first", "key"]).drop_duplicates("key")
    number = {key: i for i, key in enumerate(order["key"])}
    table = table.assign(series=table["_series"].map(number).astype("Int64"))
    table = table.sort_values(["series", "published", "date"], kind="stable")
    table = table.assign(change=table.groupby("series")["value"].diff())
    columns = [c for c in REVISION_COLUMNS if c in table]
    return table.reindex(columns=columns).reset_index(drop=True)
