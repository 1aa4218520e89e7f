"""Event dates resolve against the publication date as a reporter means them."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import extract_figures
from analysis.extract.articles import parse_published
from analysis.extract.dates import resolve

PUBLISHED = pd.Timestamp("2024-11-05")  # a Tuesday


@pytest.mark.parametrize(("phrase", "date", "precision"), [
    ("on Tuesday", "2024-11-05", "day"),  # the publication weekday is that same day, not a week back
    ("on Monday", "2024-11-04", "day"),
    ("on Sunday night", "2024-11-03", "day"),
    ("last Tuesday", "2024-10-29", "day"),
    ("Wednesday", "2024-10-30", "day"),
    ("yesterday", "2024-11-04", "day"),
    ("overnight", "2024-11-05", "day"),
    ("last week", "2024-10-29", "week"),
    ("in early October", None, None),  # only the inner phrase is a date: see the next case
    ("early October", "2024-10-01", "month"),
    ("October", "2024-10-01", "month"),
    ("December", "2024-12-01", "month"),  # "by December": a coming month
    ("February", "2024-02-01", "month"),
    ("Nov. 4", "2024-11-04", "day"),  # the abbreviation's dot does not split the date
    ("Nov. 19", "2024-11-19", "day"),  # a coming date stays this year
    ("Dec. 23", "2024-12-23", "day"),
    ("March 3", "2024-03-03", "day"),
    ("4 November", "2024-11-04", "day"),
    ("September 3, 2024", "2024-09-03", "day"),
    ("last month", "2024-10-01", "month"),
    ("two days ago", "2024-11-03", "day"),  # counted back from publication
    ("five days ago", "2024-10-31", "day"),
    ("the day before yesterday", "2024-11-03", "day"),
    ("a week ago", "2024-10-29", "week"),
    ("two weeks ago", "2024-10-22", "week"),
])
def test_date_phrase_resolves_against_publication(phrase, date, precision):
    got = resolve(phrase, PUBLISHED)
    if date is None:
        assert got is None
    else:
        assert got == (pd.Timestamp(date), precision)


@pytest.mark.parametrize("phrase", ["two years", "24 hours", "May"])
def test_durations_and_modal_may_are_not_dates(phrase):
    assert resolve(phrase, PUBLISHED) is None


def test_event_date_comes_from_the_figures_sentence():
    row = extract_figures("An attack on Zaporizhzhia on Tuesday left six dead.", published=PUBLISHED).iloc[0]
    assert (row.event_date, row.date_precision) == (pd.Timestamp("2024-11-05"), "day")


@pytest.mark.parametrize(("text", "date"), [
    # a night that began on the day named is the tally of the morning it ended, as "overnight" is
    ("Between 10 p.m. on November 3 and 6 a.m., air defences downed 40 drones.", "2024-11-04"),
    ("Between 10 p.m. Moscow time (7 p.m. GMT) on November 3 and 6 a.m., air defences downed 40 drones.",
     "2024-11-04"),
    ("At 10 p.m. on November 3 a missile killed 4 people.", "2024-11-03"),
])
def test_a_night_span_is_dated_by_the_morning_it_ended(text: str, date: str) -> None:
    assert extract_figures(text, published=PUBLISHED).iloc[0].event_date == pd.Timestamp(date)


def test_the_figures_own_date_wins_over_the_date_of_the_statement():
    text = "Umerov said on Monday that 3,000 soldiers had arrived on Saturday."
    assert extract_figures(text, published=PUBLISHED).iloc[0].event_date == pd.Timestamp("2024-11-02")


def test_a_running_total_is_dated_by_the_statement_that_gives_it():
    text = "The Pentagon said on Monday that 10,000 North Korean soldiers are in Kursk."
    assert extract_figures(text, published=PUBLISHED).iloc[0].event_date == pd.Timestamp("2024-11-04")


def test_victims_take_the_date_of_the_strike_in_the_previous_sentence():
    text = "Russian missiles struck Sumy on Sunday. At least 35 people were killed."
    row = extract_figures(text, published="2025-04-14").iloc[0]
    assert row.event_date == pd.Timestamp("2025-04-13")


@pytest.mark.parametrize(("text", "published", "month"), [
    ("The mission verified at least 209 civilian deaths in April. The number injured over the month reached 1,146.",
     "2025-05-09", "2025-04-01"),
    ("Russia took less ground in September than in August, DeepState said. Its troops seized 259 square kilometers "
     "over the month.", "2025-10-01", "2025-09-01"),
])
def test_over_the_month_is_the_month_the_story_named(text, published, month):
    row = extract_figures(text, published=published).iloc[-1]
    assert (row.event_date, row.date_precision) == (pd.Timestamp(month), "month")


@pytest.mark.parametrize(("text", "published", "date", "precision"), [
    ("In May, the army took 300 square kilometers.", "2024-07-31", "2024-05-01", "month"),
    ("You may see 300 soldiers there, he said.", "2024-07-31", None, None),  # the verb, not the month
    ("The toll was the worst since March 2023, when strikes killed 410 civilians.", "2024-08-09", "2023-03-01",
     "month"),
    ("According to official data from June, 7,200 civilians have been killed.", "2024-12-09", "2024-06-01", "month"),
    ("Since June, 7,200 civilians have been killed.", "2024-12-09", None, None),  # when the period began
    ("Since 2022, 7,200 civilians have been killed.", "2024-12-09", None, None),  # ... a year too
    ("In 2023, 7,200 civilians were killed.", "2024-12-09", "2023-01-01", "year"),
])
def test_month_dates_of_figures(text, published, date, precision):
    row = extract_figures(text, published=published).iloc[0]
    if date is None:
        assert pd.isna(row.event_date)
    else:
        assert (row.event_date, row.date_precision) == (pd.Timestamp(date), precision)


def test_no_publication_date_means_no_event_date():
    assert pd.isna(extract_figures("An attack on Tuesday left six dead.").iloc[0].event_date)


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-11-05", "2024-11-05"), ("5 November 2024", "2024-11-05"), ("Nov 5, 2024", "2024-11-05"),
    (pd.Timestamp("2024-11-05 14:00", tz="UTC"), "2024-11-05"), ("2024-11-05T10:00:00Z", "2024-11-05"),
])
def test_published_accepts_dates_in_any_common_form(value, expected):
    assert parse_published(value) == pd.Timestamp(expected)


@pytest.mark.parametrize("value", ["yesterday-ish", "not a date", 12.5, object()])
def test_published_that_is_not_a_date_is_a_clear_value_error(value):
    with pytest.raises(ValueError, match="is not a date"):
        extract_figures("Six people died.", published=value)


@pytest.mark.parametrize(("text", "date"), [
    # a possessive day names the event's day, even after "from" or "since", which otherwise open a period
    ("The toll from Saturday's drone strike on Sumy rose to 14, officials said.", "2024-11-02"),
    ("Since Sunday’s shelling of the town, 9 people have died in hospital.", "2024-11-03"),
    ("Figures have been collected from Monday to count 30 wounded.", None),  # (from Monday: a period's start)
])
def test_a_possessive_day_is_the_events_day(text, date):
    got = extract_figures(text, published=PUBLISHED).event_date.iloc[0]
    assert (None if pd.isna(got) else str(got.date())) == date
