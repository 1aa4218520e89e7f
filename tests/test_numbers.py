"""Table-driven: how the number reader (``analysis.extract.numbers.find_numbers``) reads each way of
writing a number, and what it must leave alone. Every sentence is written for this test."""
from __future__ import annotations

from importlib import resources

import pytest

from analysis.extract.numbers import find_numbers, parse_number_words
from analysis.vocabulary import Numbers, VocabularyError, load_vocabulary

N = None  # a bound that is not given

# text -> every mention found: (words as written, value, qualifier, low, high, kind)
READINGS = [
    # a comparison that puts a count near a value is an approximation
    ("The true figure may be nearer 2,000.", [("nearer 2,000", 2000.0, "approx", N, N, "quantity")]),
    ("They hold closer to 700 men.", [("closer to 700", 700.0, "approx", N, N, "quantity")]),
    ("They lost perhaps 700 men.", [("perhaps 700", 700.0, "approx", N, N, "quantity")]),
    ("Losses are in the vicinity of 700.", [("in the vicinity of 700", 700.0, "approx", N, N, "quantity")]),
    # a ship's class ("Project 22160") is a name, not a count
    ("a Project 22160 patrol ship", [("22160", 22160.0, "exact", 22160.0, 22160.0, "code")]),
    # the parts of a weapon's name after a slash are no counts: "Kh-101/555" fired 40 times is 40
    ("40 Kh-101/555 missiles", [("40", 40.0, "exact", 40.0, 40.0, "quantity"), ("101", 101.0, "exact", 101.0,
                                101.0, "code"), ("555", 555.0, "exact", 555.0, 555.0, "code")]),
    # fractions of a scale
    ("Officials put the figure at half a million people.",
     [("half a million", 500_000.0, "exact", 500_000.0, 500_000.0, "quantity")]),
    ("A half million residents left the region.",
     [("A half million", 500_000.0, "exact", 500_000.0, 500_000.0, "quantity")]),
    ("About a quarter of a million soldiers took part.",
     [("About a quarter of a million", 250_000.0, "approx", N, N, "quantity")]),
    ("Some three quarters of a million people moved west.",
     [("Some three quarters of a million", 750_000.0, "approx", N, N, "quantity")]),
    ("Half a billion rounds were ordered.",
     [("Half a billion", 500_000_000.0, "exact", 500_000_000.0, 500_000_000.0, "quantity")]),
    # "and a half", "and a quarter"
    ("The army grew to one and a half million men.",
     [("one and a half million", 1_500_000.0, "exact", 1_500_000.0, 1_500_000.0, "quantity")]),
    ("More than two and a half thousand troops crossed.",
     [("More than two and a half thousand", 2500.0, "at_least", 2500.0, N, "quantity")]),
    ("The siege lasted one-and-a-half years.",
     [("one-and-a-half years", 1.5, "exact", 1.5, 1.5, "quantity")]),
    ("Four and a quarter million people need aid.",
     [("Four and a quarter million", 4_250_000.0, "exact", 4_250_000.0, 4_250_000.0, "quantity")]),
    # "and" still splits two numbers
    ("Between five and six tanks were hit.", [("Between five and six", 5.5, "range", 5.0, 6.0, "quantity")]),
    ("The unit lost five and gained six.", [("five", 5.0, "exact", 5.0, 5.0, "quantity"),
                                            ("six", 6.0, "exact", 6.0, 6.0, "quantity")]),
    # a fraction with no scale after it is not a number
    ("Half of the village was destroyed.", []),
    ("Nearly half the drones were shot down.", []),
    # dozens (the guidelines: "a dozen", "dozens" are not figures; "two dozen" is)
    ("Two dozen soldiers surrendered.", [("Two dozen", 24.0, "exact", 24.0, 24.0, "quantity")]),
    ("At least three dozen drones flew in.", [("At least three dozen", 36.0, "at_least", 36.0, N, "quantity")]),
    ("A dozen tanks rolled past.", [("dozen", 12.0, "exact", 12.0, 12.0, "vague")]),
    ("Half a dozen shells landed.", [("dozen", 12.0, "exact", 12.0, 12.0, "vague")]),
    ("Dozens of people were hurt.", []),
    ("Hundreds of troops waited.", []),
    # abbreviated scales
    ("Russia has some 600k troops in the area.", [("some 600k", 600_000.0, "approx", N, N, "quantity")]),
    ("A 3K force crossed the river.", [("3K", 3000.0, "exact", 3000.0, 3000.0, "quantity")]),
    ("Nearly 1.2m people fled.", [("Nearly 1.2m", 1_200_000.0, "approx", N, N, "quantity")]),
    ("About 3m Ukrainian refugees are in the EU.", [("About 3m", 3_000_000.0, "approx", N, N, "quantity")]),
    ("The plan calls for a 1.5m-strong army.", [("1.5m", 1_500_000.0, "exact", 1_500_000.0, 1_500_000.0, "quantity")]),
    ("The ministry counted 1.5bn rounds.", [("1.5bn", 1.5e9, "exact", 1.5e9, 1.5e9, "quantity")]),
    ("Up to 2 mln shells a year.", [("Up to 2 mln", 2_000_000.0, "at_most", N, 2_000_000.0, "quantity")]),
    ("The fund holds $2bn.", [("2bn", 2e9, "exact", 2e9, 2e9, "money")]),
    ("It cost £1.4m to repair.", [("1.4m", 1_400_000.0, "exact", 1_400_000.0, 1_400_000.0, "money")]),
    ("The 9K720 launcher fired.", [("9", 9.0, "exact", 9.0, 9.0, "code")]),
    # "m" alone stays metres unless it reads as a million
    ("Troops moved 500m from the line.", [("500m", 500.0, "exact", 500.0, 500.0, "quantity")]),
    ("They dug a 2.5m-deep ditch.", [("2.5m", 2.5, "exact", 2.5, 2.5, "quantity")]),
    ("Forces advanced 800m as troops regrouped.", [("800m", 800.0, "exact", 800.0, 800.0, "quantity")]),
    # thousands grouped by a space, a thin space, a narrow no-break space or a no-break space
    ("The brigade lost 7 905 soldiers.", [("7 905", 7905.0, "exact", 7905.0, 7905.0, "quantity")]),
    ("Officials reported 20\u2009842 casualties.", [("20\u2009842", 20842.0, "exact", 20842.0, 20842.0, "quantity")]),
    ("Officials reported 20\u202f842 casualties.", [("20\u202f842", 20842.0, "exact", 20842.0, 20842.0, "quantity")]),
    ("Officials reported 20\u00a0842 casualties.", [("20\u00a0842", 20842.0, "exact", 20842.0, 20842.0, "quantity")]),
    ("The census found 1 234 567 residents.",
     [("1 234 567", 1_234_567.0, "exact", 1_234_567.0, 1_234_567.0, "quantity")]),
    ("Over 1 000 km² were taken.", [("Over 1 000 km²", 1000.0, "at_least", 1000.0, N, "quantity")]),
    ("Between 20 000 and 30 000 troops massed.",
     [("Between 20 000 and 30 000", 25000.0, "range", 20000.0, 30000.0, "quantity")]),
    ("Kyiv sent 2 500–3 000 troops.", [("2 500–3 000", 2750.0, "range", 2500.0, 3000.0, "quantity")]),
    ("Since 2014 100 000 people left.", [("2014", 2014.0, "exact", 2014.0, 2014.0, "year"),
                                         ("100 000", 100000.0, "exact", 100000.0, 100000.0, "quantity")]),
    # ... but not groups that are two numbers
    ("In 2022 40 people died here.", [("2022", 2022.0, "exact", 2022.0, 2022.0, "year"),
                                      ("40", 40.0, "exact", 40.0, 40.0, "quantity")]),
    ("Rows 3 4 held tanks.", [("3", 3.0, "exact", 3.0, 3.0, "quantity"), ("4", 4.0, "exact", 4.0, 4.0, "quantity")]),
    ("Squads 5 12 stayed.", [("5", 5.0, "exact", 5.0, 5.0, "quantity"), ("12", 12.0, "exact", 12.0, 12.0, "quantity")]),
    ("Rows 3 4 500 tanks.", [("3", 3.0, "exact", 3.0, 3.0, "quantity"), ("4", 4.0, "exact", 4.0, 4.0, "quantity"),
                             ("500", 500.0, "exact", 500.0, 500.0, "quantity")]),
    ("On March 12 100 troops left.", [("12", 12.0, "exact", 12.0, 12.0, "date"),
                                      ("100", 100.0, "exact", 100.0, 100.0, "quantity")]),
    ("Two Su-34 100 km away.", [("Two", 2.0, "exact", 2.0, 2.0, "quantity"), ("34", 34.0, "exact", 34.0, 34.0, "code"),
                                ("100 km", 100.0, "exact", 100.0, 100.0, "quantity")]),
    ("The count rose by 12 3456 overnight.", [("12", 12.0, "exact", 12.0, 12.0, "quantity"),
                                              ("3456", 3456.0, "exact", 3456.0, 3456.0, "quantity")]),
    # "up to" right after a verb of change is the verb's particle: the number is exact
    ("By noon the tally had gone up to 38.", [("38", 38.0, "exact", 38.0, 38.0, "quantity")]),
    ("Officials fear it may climb up to 70 soon.", [("70", 70.0, "exact", 70.0, 70.0, "quantity")]),
    ("The count of the dead shot up to 19 by dusk.", [("19", 19.0, "exact", 19.0, 19.0, "quantity")]),
    # ... elsewhere it is still "at most"
    ("Crews pushed up to 6 km west.", [("up to 6 km", 6.0, "at_most", N, 6.0, "quantity")]),
    ("Pyongyang may send up to 8,000 more.", [("up to 8,000", 8000.0, "at_most", N, 8000.0, "quantity")]),
    # "over" after "control" is its preposition: the number is exact
    ("The brigade won back control over 3.4 km² of fields.", [("3.4 km²", 3.4, "exact", 3.4, 3.4, "quantity")]),
    ("Kyiv keeps its authority over 12 districts.", [("12", 12.0, "exact", 12.0, 12.0, "quantity")]),
    ("The unit handed over 16 captives.", [("16", 16.0, "exact", 16.0, 16.0, "quantity")]),
    ("The unit seized over 12 km² near the river.", [("over 12 km²", 12.0, "at_least", 12.0, N, "quantity")]),
    ("Its troops now control over 40 km² there.", [("over 40 km²", 40.0, "at_least", 40.0, N, "quantity")]),
    # "by N to M" after a verb of change: the change and the new total, two readings
    ("The toll has climbed by about 40 to 520.", [("about 40", 40.0, "approx", N, N, "quantity"),
                                                   ("520", 520.0, "exact", 520.0, 520.0, "quantity")]),
    ("Some 40 to 50 soldiers arrived.", [("Some 40 to 50", 45.0, "range", 40.0, 50.0, "quantity")]),
    # verbs of exceeding say "at least"
    ("Moscow's losses now exceed 640,000.", [("exceed 640,000", 640_000.0, "at_least", 640_000.0, N, "quantity")]),
    ("The toll has passed 250.", [("passed 250", 250.0, "at_least", 250.0, N, "quantity")]),
    ("Arrivals crossed the 3 million mark.", [("crossed the 3 million", 3_000_000.0, "at_least", 3_000_000.0, N,
                                               "quantity")]),
    ("The tally tops 3,100 this week.", [("tops 3,100", 3100.0, "at_least", 3100.0, N, "quantity")]),
    # a year-like number that counts the noun after it is a count, unless a word that dates comes before it
    ("Kyiv's units took around 2000 Russian prisoners.", [("around 2000", 2000.0, "approx", N, N, "quantity")]),
    ("The brigade lost 1990 soldiers.", [("1990", 1990.0, "exact", 1990.0, 1990.0, "quantity")]),
    ("In 2014 Russian troops entered the peninsula.", [("2014", 2014.0, "exact", 2014.0, 2014.0, "year")]),
    ("After 2022 civilians left the town.", [("2022", 2022.0, "exact", 2022.0, 2022.0, "year")]),
    ("The 2022 offensive stalled.", [("2022", 2022.0, "exact", 2022.0, 2022.0, "year")]),
    # what worked before still works
    ("Some 1.5 million people left.", [("Some 1.5 million", 1_500_000.0, "approx", N, N, "quantity")]),
    ("A million shells were fired.", [("A million", 1_000_000.0, "exact", 1_000_000.0, 1_000_000.0, "quantity")]),
    ("Two hundred and fifty soldiers", [("Two hundred and fifty", 250.0, "exact", 250.0, 250.0, "quantity")]),
    ("Several hundred square miles", [("hundred", 100.0, "exact", 100.0, 100.0, "vague")]),
    ("11 to 12,000 troops", [("11 to 12,000", 11500.0, "range", 11000.0, 12000.0, "quantity")]),
    ("a 72-year-old man", [("72", 72.0, "exact", 72.0, 72.0, "age")]),
    # a time of day or a span of hours counts no one
    ("at 5 a.m. sirens sounded", [("5", 5.0, "exact", 5.0, 5.0, "time")]),
    ("within 48 hours the army lost 12 men", [("48", 48.0, "exact", 48.0, 48.0, "time"),
                                              ("12", 12.0, "exact", 12.0, 12.0, "quantity")]),
    # an age bound after the people it bounds: "men under 50" counts no one
    ("about 9,000 men under 45 died", [("about 9,000", 9000.0, "approx", N, N, "quantity"),
                                       ("45", 45.0, "exact", 45.0, 45.0, "age")]),
    ("3,000 children younger than 14", [("3,000", 3000.0, "exact", 3000.0, 3000.0, "quantity"),
                                        ("14", 14.0, "exact", 14.0, 14.0, "age")]),
    # an article before a unit of time, after "for", "than", "almost"...: one of it
    ("under fire for more than a year", [("more than a year", 1.0, "at_least", 1.0, N, "quantity")]),
    ("a year ago", []),
    # a scale word joined to its digits by a hyphen, as some outlets write it
    ("about 12-thousand soldiers", [("about 12-thousand", 12000.0, "approx", N, N, "quantity")]),
    ("some 14-hundred recruits", [("some 14-hundred", 1400.0, "approx", N, N, "quantity")]),
    # a calibre spelt out is no count
    ("240-millimeter launchers", [("240", 240.0, "exact", 240.0, 240.0, "code")]),
    # a weapon's model number counts nothing
    ("14 Leopard 2 tanks", [("14", 14.0, "exact", 14.0, 14.0, "quantity"), ("2", 2.0, "exact", 2.0, 2.0, "code")]),
    # the height of a building counts no one
    ("the rubble of a five-storey block", [("five", 5.0, "exact", 5.0, 5.0, "size")]),
    # a multiplier counts no one either
    ("its losses are four times higher", [("four", 4.0, "exact", 4.0, 4.0, "multiplier")]),
    ("a 3-fold rise in strikes", [("3", 3.0, "exact", 3.0, 3.0, "multiplier")]),
    # ... nor does a weight
    ("he lost 15 kg in captivity", [("15", 15.0, "exact", 15.0, 15.0, "weight")]),
    ("300 tonnes of aid", [("300", 300.0, "exact", 300.0, 300.0, "weight")]),
    ("a 16-story tower", [("16", 16.0, "exact", 16.0, 16.0, "size")]),
]


@pytest.mark.parametrize(("text", "expected"), READINGS, ids=[text for text, _ in READINGS])
def test_number_reading(text, expected):
    found = [(text[m.start:m.end], m.value, m.qualifier, m.low, m.high, m.kind) for m in find_numbers(text)]
    assert found == expected


@pytest.mark.parametrize(("words", "value"), [
    ("half a million", 500_000.0), ("a quarter of a million", 250_000.0), ("three quarters of a million", 750_000.0),
    ("one and a half million", 1_500_000.0), ("one million and a half", 1_500_000.0),
    ("two and a half thousand", 2500.0), ("two dozen", 24.0), ("a hundred and five", 105.0),
    ("twenty-three", 23.0), ("half", 0.5), ("tanks", None),
])
def test_parse_number_words(words, value):
    assert parse_number_words(words) == value


def _numbers_toml(old: str, new: str) -> str:
    text = resources.files("analysis").joinpath("data", "numbers.toml").read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize(("old", "new", "message"), [
    ('spaced_abbreviations = ["mn"', 'spaced_abbreviations = ["mm", "mn"',
     "'words.spaced_abbreviations' holds 'mm'"),
    ('abbreviations_also_units = ["m"]', 'abbreviations_also_units = ["km"]',
     "'words.abbreviations_also_units' holds 'km'"),
    ('fraction_scales = ["thousand"', 'fraction_scales = ["lakh", "thousand"', "'words.fraction_scales' holds 'lakh'"),
    ('thousands_separators = [" "', 'thousands_separators = ["."', "'words.thousands_separators' holds '.'"),
    ('prepositions = ["over"]', 'prepositions = ["across"]', "'qualifiers.prepositions' holds 'across'"),
    ('particles = ["up to"]', 'particles = ["up till"]', "'qualifiers.particles' holds 'up till'"),
])
def test_numbers_vocabulary_is_checked(old, new, message):
    with pytest.raises(VocabularyError, match=message):
        load_vocabulary("numbers", Numbers, text=_numbers_toml(old, new))


@pytest.mark.parametrize(("text", "units"), [
    # counts before the last one's unit, with "respectively", share it
    ("In May and June they took 310 and 280 square kilometres respectively.", ["km2", "km2"]),
    ("Of 310 villages, 280 square kilometres were taken.", [None, "km2"]),
])
def test_counts_joined_before_a_unit_share_it_when_said_respectively(text: str, units: list) -> None:
    assert [m.unit for m in find_numbers(text) if m.kind == "quantity"] == units


def test_the_reader_stays_linear_on_long_runs_of_groups():
    import time
    text = "1" + " 000" * 20000 + " x " + "half " * 20000 + "a million"
    started = time.process_time()
    found = find_numbers(text)
    assert time.process_time() - started < 2.0
    assert found[-1].value == 500_000.0
