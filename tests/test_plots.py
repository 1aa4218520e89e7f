"""Tests for the forest plot and the timeline: marks by qualifier, publishable furniture, no negative axis."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.axes import Axes

from analysis.compare import claims, compare
from analysis.schema import figures_frame
from analysis.views.plots import plot_estimates, plot_timeline
from analysis.views.style import side_color


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def claim(qualifier: str, value: float, low: float | None = None, high: float | None = None,
          **fields: object) -> dict[str, object]:
    row = {"measure": "troops", "value": value, "low": low, "high": high, "qualifier": qualifier,
           "actor": "North Korea", "claimant": "Pentagon", "source": "AFP", "published": "2024-11-04",
           "article_id": "a"}
    row.update(fields)
    return row


EXACT = claim("exact", 11000, 11000, 11000)
APPROX = claim("approx", 11000)
RANGE = claim("range", 11000, 10000, 12000)
AT_LEAST = claim("at_least", 10000, low=10000)
AT_MOST = claim("at_most", 12000, high=12000)


def marks(ax: Axes) -> Counter:
    return Counter(artist.get_gid() for artist in ax.get_children() if artist.get_gid())


def texts(ax: Axes, gid: str) -> list[str]:
    return [t.get_text() for t in ax.texts if t.get_gid() == gid]


@pytest.mark.parametrize(("rows", "expected"), [
    ([EXACT], {"exact": 1}),
    ([APPROX], {"approx": 1}),
    ([RANGE], {"range": 1}),
    ([AT_LEAST], {"at_least": 1, "bound": 1}),
    ([AT_MOST], {"at_most": 1, "bound": 1}),
    ([EXACT, APPROX, RANGE, AT_LEAST, AT_MOST],
     {"exact": 1, "approx": 1, "range": 1, "at_least": 1, "at_most": 1, "bound": 2}),
])
def test_each_claim_is_drawn_by_its_qualifier_and_approximate_ones_have_no_whiskers(rows, expected) -> None:
    found = marks(plot_estimates(figures_frame(rows)))
    assert {k: found[k] for k in expected} == expected
    assert found["tolerance"] == 0


@pytest.mark.parametrize(("row", "edge"), [(AT_LEAST, "right"), (AT_MOST, "zero")])
def test_open_bounds_are_arrows_that_stop_at_the_axis(row: dict, edge: str) -> None:
    ax = plot_estimates(figures_frame([row, EXACT]))
    arrow = next(p for p in ax.patches if p.get_gid() == row["qualifier"])
    ends = sorted(x for x, _ in arrow._posA_posB)  # noqa: SLF001
    assert ax.get_xlim()[0] == 0
    assert ends[0 if edge == "zero" else 1] == pytest.approx(0 if edge == "zero" else ax.get_xlim()[1])


@pytest.mark.parametrize("rows", [[AT_MOST], [EXACT, AT_MOST], [claim("exact", 3, 3, 3)]])
def test_no_axis_below_zero_for_counts(rows) -> None:
    assert plot_estimates(figures_frame(rows)).get_xlim()[0] == 0
    assert plot_timeline(figures_frame(rows), measure="troops").get_ylim()[0] == 0


@pytest.mark.parametrize("draw", [lambda f: plot_estimates(f), lambda f: plot_timeline(f, measure="troops")])
def test_every_figure_has_a_title_subtitle_legend_and_source_line(draw) -> None:
    figures = figures_frame([EXACT, dict(APPROX, article_id="b", source="AP", claimant_side="Ukraine")])
    ax = draw(figures)
    assert ax.get_title(loc="left").startswith("Troops of North Korea")
    assert texts(ax, "subtitle") and texts(ax, "source") == [
        "Source: 2 articles from 2 outlets, figures as credited by the texts."]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"exact", "speaks for Ukraine", "side not stated"} <= set(legend)
    assert any(label.startswith("approximate") for label in legend)


def test_value_axis_has_thousands_separators() -> None:
    ax = plot_estimates(figures_frame([EXACT, AT_LEAST]))
    ax.figure.canvas.draw()
    assert any("," in label.get_text() for label in ax.get_xticklabels())


def test_rows_are_told_apart_by_claimant_outlet_date_and_what_was_counted() -> None:
    rows = figures_frame([claim("exact", v, counted=c, claimant="HUR", source="KI", published="2024-10-25")
                          for v, c in ((12000, "troops"), (500, "officers"), (500, "officers"))])
    labels = [label.get_text() for label in plot_estimates(rows).get_yticklabels()]
    assert len(set(labels)) == 3
    assert labels[0] == "HUR · KI · 25 Oct 2024 · “troops”"


def test_colour_is_the_side_the_claimant_speaks_for_and_superseded_claims_are_faint() -> None:
    rows = claims(figures_frame([claim("exact", 3000, claimant_side="Ukraine", claimant="HUR", article_id="1"),
                                 claim("exact", 3500, claimant_side="Ukraine", claimant="HUR", article_id="2",
                                       published="2024-11-06")]))
    ax = plot_estimates(compare(rows, measure="troops"))
    dots = [line for line in ax.get_lines() if line.get_gid() == "exact"]
    assert {line.get_color() for line in dots} == {side_color("Ukraine")}
    assert sorted(line.get_alpha() for line in dots) == [0.3, 1.0]


@pytest.mark.parametrize(("rows", "band"), [
    ([EXACT], False),
    ([EXACT, dict(RANGE, claimant="NIS")], True),
    ([EXACT, dict(claim("exact", 5000, 5000, 5000), claimant="NIS")], False),
])
def test_the_consensus_band_is_drawn_only_where_claims_stand_and_agree(rows, band: bool) -> None:
    ax = plot_estimates(compare(claims(figures_frame(rows)), measure="troops"))
    assert any(p.get_gid() == "consensus" for p in ax.patches) is band


def test_contradicting_claims_are_ringed() -> None:
    rows = claims(figures_frame([EXACT, dict(claim("exact", 5000, 5000, 5000), claimant="NIS", article_id="b")]))
    assert marks(plot_estimates(compare(rows, measure="troops")))["contradiction"] == 2


def test_plot_estimates_draws_on_the_axes_it_is_given_and_says_when_there_is_nothing() -> None:
    _, ax = plt.subplots()
    assert plot_estimates(figures_frame([EXACT]), ax=ax) is ax
    assert marks(plot_estimates(figures_frame([])))["empty"] == 1


def test_the_timeline_draws_points_never_joined_by_lines() -> None:
    rows = figures_frame([claim("approx", v, claimant="NIS", published=p, article_id=p)
                          for v, p in ((3000, "2024-10-23"), (12000, "2024-12-20"), (15000, "2025-04-30"))])
    ax = plot_timeline(rows, measure="troops")
    assert all(len(line.get_xdata()) == 1 for line in ax.get_lines())
    assert texts(ax, "claimant")


def test_the_timeline_links_the_reports_of_one_toll() -> None:
    toll = [claim("exact", v, measure="killed", actor="civilians", location="Poltava", geo_precision="place",
                  event_date="2024-09-03", published=p, article_id=p, sentence="The strike's toll rose.")
            for v, p in ((47, "2024-09-03"), (53, "2024-09-04"), (55, "2024-09-05"))]
    ax = plot_timeline(figures_frame(toll), measure="killed")
    assert marks(ax)["revision"] == 1


def test_plot_timeline_draws_on_the_axes_it_is_given_even_when_empty() -> None:
    _, ax = plt.subplots()
    assert plot_timeline(figures_frame([]), measure="troops", ax=ax) is ax
    assert marks(ax)["empty"] == 1


@pytest.mark.parametrize("dpi", [100, 200])
def test_nothing_is_clipped_when_saved(tmp_path, dpi: int) -> None:
    ax = plot_estimates(figures_frame([EXACT, AT_LEAST, dict(APPROX, counted="a long phrase " * 4)]))
    fig = ax.figure
    fig.savefig(tmp_path / "out.png", dpi=dpi, bbox_inches="tight")
    box = fig.get_tightbbox(fig.canvas.get_renderer())
    for artist in [*ax.texts, ax.get_legend(), *ax.get_yticklabels()]:
        extent = artist.get_window_extent().transformed(fig.dpi_scale_trans.inverted())
        assert box.x0 - 1e-6 <= extent.x0 and extent.x1 <= box.x1 + 1e-6
    assert pd.notna(box.width)
