"""Tests for analysis.views.display: marked sentences and counts per source and measure."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.schema import figures_frame
from analysis.views.display import Highlighted, highlight, locate_spans, summary


def figure(text: str, start: int | None, sentence: str | None, **fields: object) -> dict[str, object]:
    row = {"article_id": "a", "measure": "troops", "value": 10000.0, "text": text, "start": start,
           "end": None if start is None else start + len(text), "sentence": sentence}
    row.update(fields)
    return row


REPEATED = "Not 10,000 as Seoul said, but 10,000 more, Kyiv said."


@pytest.mark.parametrize(("rows", "expected"), [
    ([figure("six", 15, "An attack left six dead.")], [15]),
    ([figure("six", 115, "An attack left six dead.")], [15]),
    ([figure("10,000", 504, REPEATED), figure("10,000", 530, REPEATED)], [4, 30]),
    ([figure("10,000", 530, REPEATED), figure("10,000", 504, REPEATED)], [30, 4]),
    ([figure("Six", 0, "six died.")], [0]),
    ([figure("12", 3, "Five died.")], [pd.NA]),
    ([figure("10,000", None, REPEATED)], [4]),
    ([figure("six", 15, None)], [pd.NA]),
])
def test_locate_spans_finds_the_figure_that_the_article_offset_points_at(rows: list[dict], expected: list) -> None:
    assert locate_spans(figures_frame(rows)).tolist() == expected


def test_a_repeated_surface_is_placed_by_its_neighbours_in_the_same_sentence() -> None:
    sentence = "About 12,000, of them 12,000 in Kursk, and 500 officers."
    rows = figures_frame([figure("12,000", 1022, sentence), figure("500", 1043, sentence)])
    assert locate_spans(rows).tolist() == [22, 43]


def test_highlight_marks_the_span_and_escapes_the_sentence() -> None:
    rows = figures_frame([figure("10,000", 9, "<script>&10,000 troops", claimant="A & B")])
    shown = highlight(rows)
    assert isinstance(shown, Highlighted)
    assert "&lt;script&gt;&amp;<mark>10,000</mark> troops" in shown._repr_html_()
    assert "A &amp; B" in shown.html
    assert "<script>" not in shown.html


def test_highlight_prints_plain_text_with_the_span_in_brackets() -> None:
    rows = figures_frame([figure("some 2,000", 4, "The some 2,000 troops.", claimant="Pentagon")])
    assert str(highlight(rows)) == "troops 10,000 (Pentagon): The [some 2,000] troops."


@pytest.mark.parametrize(("n", "shown"), [(None, 3), (2, 2), (0, 0), (10, 3)])
def test_highlight_shows_at_most_n_rows(n: int | None, shown: int) -> None:
    rows = figures_frame([figure("six", 15, "An attack left six dead.")] * 3)
    assert highlight(rows, n=n).html.count("<tr>") == shown + 1


def test_highlight_rejects_a_negative_row_count() -> None:
    with pytest.raises(ValueError, match="n=-1"):
        highlight(figures_frame([]), n=-1)


def test_highlight_keeps_a_row_whose_figure_is_not_in_its_sentence() -> None:
    rows = figures_frame([figure("12", 3, "Five died.")])
    assert "Five died." in highlight(rows).html and "<mark>" not in highlight(rows).html


def test_summary_counts_each_source_per_measure_in_schema_order() -> None:
    rows = figures_frame([{"measure": "killed", "source": "AP"}, {"measure": "troops", "source": "AP"},
                          {"measure": "killed", "source": "AP"}, {"measure": "advance", "source": None}])
    counts = summary(rows)
    assert counts.columns.tolist() == ["troops", "killed", "advance"]
    assert counts.to_dict("index") == {"(no source)": {"troops": 0, "killed": 0, "advance": 1},
                                       "AP": {"troops": 1, "killed": 2, "advance": 0}}


def test_summary_margins_add_totals_that_match_the_row_count() -> None:
    rows = figures_frame([{"measure": m, "source": s} for m, s in [("killed", "AP"), ("troops", "BBC")] * 2])
    counts = summary(rows, margins=True)
    assert counts.loc["total", "total"] == len(rows)
    assert counts["total"].tolist() == [2, 2, 4]


def test_summary_of_no_figures_is_an_empty_table() -> None:
    assert summary(figures_frame([])).empty


def test_the_mark_shows_the_deciding_rules_on_hover() -> None:
    import analysis
    figures = analysis.extract_figures("A drone attack on Odesa on Monday killed 12 people, the governor said.",
                                       published="2024-11-05")
    page = analysis.highlight(figures).html
    assert "<mark title=\"measure: " in page and "claimant: subject_said" in page and "date: own_" in page
    assert "[12]" in str(analysis.highlight(figures))  # the plain text stays plain
