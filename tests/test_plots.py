"""Tests for analysis.views.plots: what is drawn for each kind of claim, on the Axes we pass."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.colors import to_hex
from matplotlib.legend import Legend

from analysis.compare import compare
from analysis.schema import figures_frame
from analysis.views.plots import plot_estimates, plot_timeline

MARKS = ("exact", "approx", "tolerance", "range", "bound", "at_least", "at_most")


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def claim(qualifier: str, value: float, low: float | None = None, high: float | None = None,
          **fields: object) -> dict[str, object]:
    row = {"measure": "troops", "value": value, "low": low, "high": high, "qualifier": qualifier,
           "actor": "North Korea", "claimant": "Pentagon", "source": "AFP", "published": "2024-11-04"}
    row.update(fields)
    return row


EXACT = claim("exact", 11000, 11000, 11000)
APPROX = claim("approx", 11000)
RANGE = claim("range", 11000, 10000, 12000)
AT_LEAST = claim("at_least", 10000, low=10000)
AT_MOST = claim("at_most", 12000, high=12000)


def marks(ax: Axes) -> Counter:
    return Counter(artist.get_gid() for artist in ax.get_children() if artist.get_gid())


@pytest.mark.parametrize(("rows", "expected"), [
    ([EXACT], {"exact": 1}),
    ([APPROX], {"approx": 1, "tolerance": 1}),
    ([RANGE], {"range": 1}),
    ([AT_LEAST], {"at_least": 1, "bound": 1}),
    ([AT_MOST], {"at_most": 1, "bound": 1}),
    ([EXACT, APPROX, RANGE, AT_LEAST, AT_MOST],
     {"exact": 1, "approx": 1, "tolerance": 1, "range": 1, "at_least": 1, "at_most": 1, "bound": 2}),
    ([AT_LEAST, AT_LEAST, EXACT], {"at_least": 2, "bound": 2, "exact": 1}),
])
def test_each_claim_is_drawn_by_its_qualifier(rows: list[dict], expected: dict[str, int]) -> None:
    ax = plot_estimates(figures_frame(rows))
    assert {key: marks(ax)[key] for key in MARKS} == {key: expected.get(key, 0) for key in MARKS}
    assert len(ax.get_yticks()) == len(rows)


@pytest.mark.parametrize(("row", "edge"), [(AT_LEAST, "right"), (AT_MOST, "left")])
def test_open_bounds_point_to_the_edge_of_the_axes(row: dict, edge: str) -> None:
    ax = plot_estimates(figures_frame([row, EXACT]))
    ax.figure.canvas.draw()
    arrow = next(patch for patch in ax.patches if patch.get_gid() == row["qualifier"])
    tip, frame = arrow.get_window_extent(), ax.get_window_extent()
    if edge == "right":
        assert tip.x1 == pytest.approx(frame.x1, abs=3) and tip.x0 > frame.x0 + 10
    else:
        assert tip.x0 == pytest.approx(frame.x0, abs=3) and tip.x1 < frame.x1 - 10


@pytest.mark.parametrize(("rows", "band"), [
    ([EXACT, RANGE, AT_LEAST, AT_MOST], (11000, 11000)),
    ([RANGE, AT_LEAST], (10000, 12000)),
    ([APPROX], (9900, 12100)),
    ([EXACT, claim("exact", 12000)], None),
    ([AT_MOST, claim("at_least", 13000, low=13000)], None),
])
def test_the_agreed_interval_is_shaded_only_when_claims_agree(rows: list[dict], band: tuple | None) -> None:
    ax = plot_estimates(figures_frame(rows))
    shaded = [patch for patch in ax.patches if patch.get_gid() == "consensus"]
    notes = [text for text in ax.texts if text.get_gid() == "contradiction"]
    if band is None:
        assert not shaded
        assert len(notes) == 1 and notes[0].get_color() == "red"
    else:
        assert not notes
        (patch,) = shaded
        # a band of one value is widened to 1% of the axis so that it shows
        slack = 0.006 * (ax.get_xlim()[1] - ax.get_xlim()[0])
        assert (patch.get_x(), patch.get_x() + patch.get_width()) == pytest.approx(band, abs=slack)


def test_plot_estimates_draws_on_the_axes_it_is_given() -> None:
    _, ax = plt.subplots()
    assert plot_estimates(figures_frame([EXACT]), ax=ax) is ax
    assert isinstance(plot_estimates(figures_frame([EXACT])), Axes)


def labels(ax: Axes) -> list[str]:
    return [label.get_text() for label in ax.get_yticklabels()]


def test_lines_are_labelled_claimant_source_published_and_a_differing_event_date_earliest_on_top() -> None:
    rows = figures_frame([EXACT, claim("exact", 3000, 3000, 3000, claimant=None, source="AP",
                                       published="2024-10-23", event_date="2024-10-20"),
                          claim("exact", 5000, 5000, 5000, claimant="NIS", source="AP", published="2024-11-01",
                                event_date="2024-11-01")])
    for table in (rows, compare(rows, measure="troops")):
        assert labels(plot_estimates(table)) == ["Pentagon (AFP, 2024-11-04)", "NIS (AP, 2024-11-01)",
                                                 "unattributed (AP, 2024-10-23; event 2024-10-20)"]


def test_revisions_of_one_toll_published_on_different_days_get_different_labels() -> None:
    rows = figures_frame([claim("exact", count, count, count, measure="killed", claimant=None, source="KI",
                                published=day, event_date="2024-09-03")
                          for count, day in ((41, "2024-09-03"), (51, "2024-09-04"), (53, "2024-09-05"))])
    assert labels(plot_estimates(rows)) == ["unattributed (KI, 2024-09-05; event 2024-09-03)",
                                            "unattributed (KI, 2024-09-04; event 2024-09-03)",
                                            "unattributed (KI, 2024-09-03)"]


@pytest.mark.parametrize("values", [(3, 53), (0, 10), (100, 15000)])
def test_the_smallest_value_does_not_sit_on_the_edge_of_the_axes(values: tuple[int, int]) -> None:
    ax = plot_estimates(figures_frame([claim("exact", v, v, v) for v in values]))
    left, right = ax.get_xlim()
    assert left < min(values) - 0.03 * (right - left)
    assert left >= -0.1 * (right - left)


@pytest.mark.parametrize("title_first", [True, False])
def test_the_contradiction_note_stays_inside_the_axes_clear_of_title_and_claims(title_first: bool) -> None:
    _, ax = plt.subplots(figsize=(6, 2.8))
    title = "North Korean troops in Russia, as claimed by every outlet and official we read"
    if title_first:
        ax.set_title(title)
    plot_estimates(figures_frame([EXACT, claim("exact", 3000, 3000, 3000, published="2024-10-01")]), ax=ax)
    if not title_first:
        ax.set_title(title)
    ax.figure.canvas.draw()
    (note,) = [text for text in ax.texts if text.get_gid() == "contradiction"]
    box, frame, heading = note.get_window_extent(), ax.get_window_extent(), ax.title.get_window_extent()
    assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
    assert not box.overlaps(heading)
    top_claim = ax.transData.transform((0, len(ax.get_yticks()) - 1))[1]
    assert box.y0 > top_claim + 5


@pytest.mark.parametrize("table", [figures_frame([]), compare(figures_frame([]), measure="troops"),
                                   figures_frame([{"measure": "troops"}])])
def test_plot_estimates_of_nothing_says_so(table: pd.DataFrame) -> None:
    ax = plot_estimates(table)
    assert isinstance(ax, Axes)
    assert marks(ax) == Counter({"empty": 1})


TIMELINE = [
    claim("approx", 3000, claimant="NIS", source="AP", published="2024-10-23"),
    claim("range", 11000, 10000, 12000, claimant="NIS", source="Yonhap", published="2024-11-20"),
    claim("at_least", 10000, low=10000, published="2024-11-04"),
    claim("at_most", 12000, high=12000, published="2024-12-01", event_date="2024-11-28"),
    claim("exact", 12000, 12000, 12000, claimant=None, source="Babel", published="2025-02-06"),
    claim("exact", 500, 500, 500, actor="Russia", claimant="HUR", published="2024-10-25"),
]


def test_timeline_has_one_series_per_claimant_with_a_legend() -> None:
    ax = plot_timeline(figures_frame(TIMELINE), measure="troops", actor="North Korea")
    series = [line for line in ax.lines if line.get_gid() == "series"]
    assert sorted(line.get_label() for line in series) == ["Babel (unattributed)", "NIS", "Pentagon"]
    assert sorted(text.get_text() for text in ax.get_legend().get_texts()) == [
        "Babel (unattributed)", "NIS", "Pentagon"]
    nis = next(line for line in series if line.get_label() == "NIS")
    assert list(nis.get_ydata()) == [3000, 11000]


def test_timeline_draws_ranges_as_bars_and_open_bounds_as_carets() -> None:
    ax = plot_timeline(figures_frame(TIMELINE), measure="troops", actor="North Korea")
    bars = sum(len(c.get_segments()) for c in ax.collections if c.get_gid() == "interval")
    ups = sum(len(line.get_xdata()) for line in ax.lines if line.get_gid() == "at_least")
    downs = sum(len(line.get_xdata()) for line in ax.lines if line.get_gid() == "at_most")
    assert (bars, ups, downs) == (1, 1, 1)


def test_timeline_dates_are_event_dates_else_publication_dates() -> None:
    ax = plot_timeline(figures_frame(TIMELINE), measure="troops", actor="North Korea")
    (pentagon,) = [line for line in ax.lines if line.get_gid() == "series" and line.get_label() == "Pentagon"]
    assert [pd.Timestamp(x).strftime("%Y-%m-%d") for x in pentagon.get_xdata()] == ["2024-11-04", "2024-11-28"]


def test_plot_timeline_draws_on_the_axes_it_is_given_even_when_empty() -> None:
    _, ax = plt.subplots()
    assert plot_timeline(figures_frame(TIMELINE), measure="troops", ax=ax) is ax
    _, ax = plt.subplots()
    assert plot_timeline(figures_frame([]), measure="troops", ax=ax) is ax
    assert marks(ax) == Counter({"empty": 1})


def test_several_values_of_one_claimant_on_one_date_are_one_line_point_and_loose_markers() -> None:
    rows = figures_frame([claim("exact", v, v, v, published=day) for v, day in
                          ((3000, "2024-10-23"), (12000, "2024-10-23"), (10000, "2024-11-04"))])
    ax = plot_timeline(rows, measure="troops")
    (series,) = [line for line in ax.lines if line.get_gid() == "series"]
    days = [pd.Timestamp(x).strftime("%Y-%m-%d") for x in series.get_xdata()]
    assert days == ["2024-10-23", "2024-11-04"]
    assert list(series.get_ydata()) == [12000, 10000]
    (loose,) = [line for line in ax.lines if line.get_gid() == "same_date"]
    assert list(loose.get_ydata()) == [3000] and loose.get_linestyle() == "None"


def test_ranges_are_drawn_thicker_and_paler_than_series_lines() -> None:
    ax = plot_timeline(figures_frame(TIMELINE), measure="troops", actor="North Korea")
    (bars,) = [c for c in ax.collections if c.get_gid() == "interval"]
    series = next(line for line in ax.lines if line.get_gid() == "series")
    assert bars.get_linewidth()[0] >= 2 * series.get_linewidth()
    assert bars.get_alpha() < 1


def test_the_timeline_legend_sits_outside_the_axes_on_the_right() -> None:
    ax = plot_timeline(figures_frame(TIMELINE), measure="troops", actor="North Korea")
    ax.figure.canvas.draw()
    assert ax.get_legend().get_window_extent().x0 >= ax.get_window_extent().x1
    keys = [child for child in ax.get_children() if isinstance(child, Legend) and child is not ax.get_legend()]
    assert [t.get_text() for t in keys[0].get_texts()] == ["range (low to high)", "at least", "at most"]
    assert keys[0].get_window_extent().x0 >= ax.get_window_extent().x1


@pytest.mark.parametrize("n", [3, 12, 20])
def test_neighbouring_claimants_differ_in_colour_hue_and_marker(n: int) -> None:
    rows = figures_frame([claim("exact", 100 * k, claimant=f"claimant {k:02d}", published=f"2024-10-{k + 1:02d}")
                          for k in range(n)])
    series = [line for line in plot_timeline(rows, measure="troops").lines if line.get_gid() == "series"]
    colours = [to_hex(line.get_color()) for line in series]
    assert len(set(colours)) == n
    twin = {to_hex(c): i // 2 for i, c in enumerate(plt.get_cmap("tab20").colors)}
    assert all(twin.get(a) != twin.get(b) for a, b in pairwise(colours))
    markers = [line.get_marker() for line in series]
    assert all(a != b for a, b in pairwise(markers))
