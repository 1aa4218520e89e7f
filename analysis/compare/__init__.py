"""Claims about one quantity at one time across sources, how they stand, and what they allow.

The figures table (see :mod:`analysis.schema`) goes through:

- :func:`claims`: each figure's kind of quantity (event toll, level, running total, rate), the
  place it is about, its claim group (one quantity at one time) and its status in the group
  (current, superseded, outlier, contradiction);
- :func:`compare`: what each source and claimant said about one measure, in reading order;
- :func:`consensus`: per group, the interval the standing claims allow, a best estimate with low
  and high, and how many independent claimants;
- :func:`revisions`: how one event's toll or one claimant's estimate moved, report by report.

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

from analysis.compare.bounds import APPROX_TOLERANCE, claim_bounds, claim_dates, point_values
from analysis.compare.groups import STATUSES, claims, voices
from analysis.compare.quantity import DAILY, QUANTITIES, equipment_kind, place_scopes, quantity_kinds
from analysis.compare.summary import compare, consensus, revisions

__all__ = ["APPROX_TOLERANCE", "DAILY", "QUANTITIES", "STATUSES", "claim_bounds", "claim_dates", "claims", "compare",
           "consensus", "equipment_kind", "place_scopes", "point_values", "quantity_kinds", "revisions", "voices"]
