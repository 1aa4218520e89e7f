"""Table-driven: each phrase family real reporting uses, and what the extractor must make of it."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis import extract_figures

NAN = float("nan")


def _rows(sentence: str, published: str = "2024-11-05"):
    figures = extract_figures(sentence, published=published)
    return [(r.measure, r.value, r.qualifier) for r in figures.itertuples()]


# sentence -> expected (measure, value, qualifier) rows, in order
FIGURES = [
    # numbers in digits and words
    ("Six people were killed in the attack.", [("killed", 6.0, "exact")]),
    ("Twenty-three people were injured.", [("injured", 23.0, "exact")]),
    ("Some 1.5 million people have been displaced.", [("displaced", 1_500_000.0, "approx")]),
    ("Two hundred and fifty soldiers were captured.", [("captured", 250.0, "exact")]),
    ("Half a million people have fled the region.", [("displaced", 500_000.0, "exact")]),
    ("One and a half million people were evacuated.", [("displaced", 1_500_000.0, "exact")]),
    ("Some 600k troops are massed on the border.", [("troops", 600_000.0, "approx")]),
    ("About 1.2m people have been displaced.", [("displaced", 1_200_000.0, "approx")]),
    ("Two dozen soldiers were captured near the village.", [("captured", 24.0, "exact")]),
    ("A dozen soldiers were captured.", []),
    ("Dozens of civilians were killed.", []),
    ("The general said 7 905 Russian soldiers were killed.", [("killed", 7905.0, "exact")]),
    ("In 2023 400 soldiers were captured.", [("captured", 400.0, "exact")]),
    # every qualifier family
    ("Up to 12,000 North Korean troops have been sent to Russia.", [("troops", 12000.0, "at_most")]),
    ("At least 10,000 North Korean soldiers are stationed near the border.", [("troops", 10000.0, "at_least")]),
    ("More than 3,000 soldiers were deployed.", [("troops", 3000.0, "at_least")]),
    ("Approximately 3,000 soldiers arrived.", [("troops", 3000.0, "approx")]),
    ("As many as 170 soldiers were killed.", [("killed", 170.0, "at_most")]),
    ("Nearly 15,000 Russian soldiers were killed.", [("killed", 15000.0, "approx")]),
    ("Fewer than 50 civilians were evacuated.", [("displaced", 50.0, "at_most")]),
    ("An estimated 600 soldiers died.", [("killed", 600.0, "approx")]),
    ("1,000 or more troops were deployed.", [("troops", 1000.0, "at_least")]),
    # ranges
    ("Pyongyang sent 11 to 12,000 troops.", [("troops", 11500.0, "range")]),
    ("Between 5 and 9 tanks were destroyed.", [("equipment", 7.0, "range")]),
    ("The army lost 10,000-12,000 soldiers.", [("casualties", 11000.0, "range")]),
    # units and their conversion
    ("Russian forces advanced up to 9 kilometers (more than 5 miles) in the Donetsk region.",
     [("advance", 9.0, "at_most")]),
    ("Ukrainian troops pushed 6 miles into the Kursk region.", [("advance", 9.66, "exact")]),
    ("Our units advanced from 200 metres to 1,100 metres near the town.", [("advance", 0.65, "range")]),
    ("Russia captured 40 square miles (104 sq km) of territory.", [("area", 103.6, "exact")]),
    ("Russian forces seized 725 square kilometres in November.", [("area", 725.0, "exact")]),
    ("The war is nearing its 1,000-day mark.", [("duration", 1000.0, "approx")]),
    ("Ukrainian forces held the town for seven months.", [("duration", 213.08, "exact")]),
    ("After three years of war, the front barely moves.", [("duration", 1095.75, "exact")]),
    # composites
    ("Umerov expects five North Korean units, each comprising approximately 3,000 soldiers.",
     [("units", 5.0, "exact"), ("troops", 15000.0, "approx"), ("troops", 3000.0, "approx")]),
    # lists
    ("Ukraine said it destroyed 5 tanks, 12 drones and 3 artillery systems.",
     [("equipment", 5.0, "exact"), ("equipment", 12.0, "exact"), ("equipment", 3.0, "exact")]),
    ("The strike left six dead and 23 injured.", [("killed", 6.0, "exact"), ("injured", 23.0, "exact")]),
    ("At least 47 people were killed and 206 were wounded.",
     [("killed", 47.0, "at_least"), ("injured", 206.0, "exact")]),
    ("Russian strikes killed 12 people and injured 30 others.",
     [("killed", 12.0, "exact"), ("injured", 30.0, "exact")]),
    # the noun before the number
    ("The death toll rose to 12.", [("killed", 12.0, "exact")]),
    ("The death toll from Sunday's attack on the city has risen to 35.", [("killed", 35.0, "exact")]),
    ("Casualties stood at 25.", [("casualties", 25.0, "exact")]),
    ("The number of Pyongyang's troops in the area reached roughly 10,000.", [("troops", 10000.0, "approx")]),
    # subsets and casualty wording
    ("At least 12 people, including three children, were killed.",
     [("killed", 12.0, "at_least"), ("killed", 3.0, "exact")]),
    ("More than 3,000 North Korean soldiers have been killed or wounded.", [("casualties", 3000.0, "at_least")]),
    ("Russia has lost 17,819 soldiers killed, wounded or captured.", [("casualties", 17819.0, "exact")]),
    ("Russia and Ukraine swapped 115 prisoners of war.", [("captured", 115.0, "exact")]),
    ("Five people remain missing.", [("missing", 5.0, "exact")]),
    ("Russian forces captured three villages near Pokrovsk.", [("settlements", 3.0, "exact")]),
    ("Russian forces seized two strategic eastern cities in the autumn.", [("settlements", 2.0, "exact")]),
    ("Russia has deployed two brigades to the area.", [("units", 2.0, "exact")]),
    # the measure comes from the event
    ("Moscow said 95 Ukrainians and 90 Russians were released in the exchange.",
     [("captured", 95.0, "exact"), ("captured", 90.0, "exact")]),
    ("Roughly 40,000 draftees were sent to the front last month.", [("troops", 40000.0, "approx")]),
    ("Some 2,500 mobilised citizens are being trained at the range.", [("troops", 2500.0, "approx")]),
    ("About 600 foreigners were evacuated from the port.", [("displaced", 600.0, "approx")]),
    ("Nearly two million people have found shelter abroad.", [("displaced", 2_000_000.0, "approx")]),
    # figures whose noun is elsewhere
    ("Another 1,200 marines landed over the weekend, bringing the total at the base to roughly 4,000.",
     [("troops", 1200.0, "exact"), ("troops", 4000.0, "approx")]),
    ("Some 90,000 refugees registered in Austria, nearly 40,000 in Slovenia.",
     [("displaced", 90000.0, "approx"), ("displaced", 40000.0, "approx")]),
    ("The ministry said 1,200 people were dispatched to the front, of which more than 700 serve in "
     "assault units.", [("troops", 1200.0, "exact"), ("troops", 700.0, "at_least")]),
]

NOT_FIGURES = [
    "The war began on February 24, 2022.",
    "A 72-year-old woman was among the victims.",
    "It was the first attack of its kind.",
    "The United States pledged $500 million in aid.",
    "Turnout fell by 20% in the region.",
    "The village lies 15 kilometres from the front line.",
    "Russia launched 20 attacks on the town.",
    "Artillery fired 155mm shells from Su-34 positions.",
    "Ukraine received F-16 jets in 2024.",
    "The attack began at 10:30 a.m.",
    "World War II ended decades ago.",
    "Dozens of people were injured and hundreds evacuated.",
    "A dozen buildings were damaged.",
    "Call 0 800 500 335 for help.",
    "Over the past 24 hours, the situation was calm.",
    "He served two years in prison.",
    "The enemy holds a 30-mile front along the river, where our troops advanced.",
    "Officials said the army loses four men for every one it kills.",
]


@pytest.mark.parametrize(("sentence", "expected"), FIGURES, ids=[s for s, _ in FIGURES])
def test_phrase_gives_expected_figures(sentence, expected):
    got = _rows(sentence)
    assert [(m, q) for m, _, q in got] == [(m, q) for m, _, q in expected]
    for (_, value, _), (_, want, _) in zip(got, expected, strict=True):
        assert math.isclose(value, want, abs_tol=0.05)


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_non_figures_are_left_out(sentence):
    assert _rows(sentence) == []


@pytest.mark.parametrize(("sentence", "low", "high"), [
    ("Up to 12,000 troops were sent.", NAN, 12000.0),
    ("At least 10,000 troops were sent.", 10000.0, NAN),
    ("About 3,000 troops were sent.", NAN, NAN),
    ("Exactly 3,000 troops were sent.", 3000.0, 3000.0),
    ("Between 10,000 and 12,000 troops were sent.", 10000.0, 12000.0),
])
def test_qualifier_sets_the_interval(sentence, low, high):
    row = extract_figures(sentence).iloc[0]
    for got, want in ((row.low, low), (row.high, high)):
        assert (math.isnan(got) and math.isnan(want)) or got == want


@pytest.mark.parametrize(("sentence", "actor"), [
    ("Up to 12,000 North Korean combat troops have been sent.", "North Korea"),
    ("Russian forces advanced 4 kilometres near Pokrovsk.", "Russia"),
    ("Ukrainian troops captured 3 villages.", "Ukraine"),
    ("An attack on Zaporizhzhia on Tuesday left six dead.", "civilians"),
    ("Russian strikes killed 12 civilians.", "civilians"),
    ("Russia lost 1,500 soldiers in a day, the General Staff said.", "Russia"),
    ("Ukrainian forces destroyed 5 tanks.", "Russia"),
    ("North Korea has sent about 10,000 soldiers to Russia.", "North Korea"),
    ("In addition, it listed 940 air defence systems among Russia's losses since the start of the war.", "Russia"),
    ("Of that total, 1,300 casualties were inflicted on Russian forces over the past day.", "Russia"),
    ("The territory still in Ukrainian hands had shrunk to 140 square kilometres.", "Ukraine"),
    ("Some 46,500 people have now been evacuated out of three frontier villages.", "civilians"),
])
def test_actor_from_demonym_subject_and_context(sentence, actor):
    assert extract_figures(sentence).iloc[0].actor == actor


def test_the_enemy_of_a_claimant_is_the_other_side():
    text = "The enemy's losses have exceeded 9,300 servicemen, the Russian Defence Ministry said."
    assert extract_figures(text).iloc[0].actor == "Ukraine"


def test_an_actor_carries_to_a_sentence_that_names_no_party():
    figures = extract_figures("Pyongyang has sent about 15,000 soldiers. Their casualties stand at about 4,700.")
    assert figures.actor.tolist() == ["North Korea", "North Korea"]


@pytest.mark.parametrize(("text", "location"), [
    ("A missile attack on Kharkiv left one person dead, and in Kyiv a drone strike killed 11.", ["Kharkiv", "Kyiv"]),
    ("About 8,000 North Korean soldiers were in Kursk, out of some 10,000 in Russia.", ["Kursk Oblast", "Russia"]),
    ("Russia has lost 617,600 troops since the start of the full-scale invasion.", ["Ukraine"]),
    ("Missiles struck Sumy on Sunday. At least 35 people were killed.", ["Sumy"]),
    ("The war is nearing its 1,000-day mark.", [None]),
    # where a claim was made is not where its figure happened
    ("Fighting went on in the Kursk region. Putin said at the BRICS summit in Kazan that about 2,000 Ukrainian "
     "soldiers had been cut off.", ["Kursk Oblast"]),
    # land of the country the war is not fought in, in a story about a town there: that town's region
    ("Ukrainian troops entered Sudzha in August. They held 1,376 square kilometers of Russian land.",
     ["Kursk Oblast"]),
    # the theatre's own territory is a national total, whatever town the story is about
    ("Russian troops advanced near Pokrovsk. Since 2022, Russia has seized 68,500 square kilometers of "
     "Ukrainian territory.", ["Ukraine"]),
    # a place that holds only part of the figure is not its place
    ("Russian troops took over 725 square kilometers in November, most of it in the east around the city of "
     "Pokrovsk.", [None]),
    # a relative clause describes its place; the figure belongs to the main clause's
    ("Nearly 90% of the gains, or 629 square kilometers, lay in the Donetsk region, where Pokrovsk is a rail hub.",
     ["Donetsk Oblast"]),
])
def test_place_of_a_figure_as_a_reader_finds_it(text, location):
    got = extract_figures(text, published="2025-04-14").location.tolist()
    assert [None if isinstance(x, type(pd.NA)) else x for x in got] == location


def test_counted_is_the_noun_phrase_as_written():
    row = extract_figures("Up to 12,000 North Korean combat troops have been sent.").iloc[0]
    assert row.counted == "North Korean combat troops"
