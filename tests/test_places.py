"""Tests for analysis.extract.places: mentions, geocoding, regions. Offline and fast."""

from __future__ import annotations

import math
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.extract.places import Place, admin1_of, find_places, geocode
from analysis.views.boundaries import read_regions as regions

# (sentence, surface, name, precision, admin1, lat, lon); lat/lon from GeoNames, None for regions.
MENTIONS = [
    ("Explosions were heard in Kyiv overnight.", "Kyiv", "Kyiv", "place", "Kyiv", 50.45466, 30.5238),
    ("Missiles were fired at Kiev.", "Kiev", "Kyiv", "place", "Kyiv", 50.45466, 30.5238),
    ("Zaporizhzhia came under attack.", "Zaporizhzhia", "Zaporizhzhia", "place",
     "Zaporizhzhia Oblast", 47.85167, 35.11714),
    ("Drones hit Zaporozhye at dawn.", "Zaporozhye", "Zaporizhzhia", "place",
     "Zaporizhzhia Oblast", 47.85167, 35.11714),
    ("Power was cut in Zaporizhzhya.", "Zaporizhzhya", "Zaporizhzhia", "place",
     "Zaporizhzhia Oblast", 47.85167, 35.11714),
    ("Troops entered Vuhledar.", "Vuhledar", "Vuhledar", "place", "Donetsk Oblast", 47.77973, 37.24999),
    ("Moscow said it took Ugledar.", "Ugledar", "Vuhledar", "place", "Donetsk Oblast", 47.77973, 37.24999),
    ("The battle for Bakhmut lasted months.", "Bakhmut", "Bakhmut", "place", "Donetsk Oblast",
     48.59419, 37.99886),
    ("Russia calls it Artyomovsk.", "Artyomovsk", "Bakhmut", "place", "Donetsk Oblast", 48.59419, 37.99886),
    ("Formerly Artemivsk, the town was razed.", "Artemivsk", "Bakhmut", "place", "Donetsk Oblast",
     48.59419, 37.99886),
    ("Fighting neared Pokrovsk.", "Pokrovsk", "Pokrovsk", "place", "Donetsk Oblast", 48.28014, 37.17706),
    ("Russian media wrote Krasnoarmeysk.", "Krasnoarmeysk", "Pokrovsk", "place", "Donetsk Oblast",
     48.28014, 37.17706),
    ("Shelling in Kharkiv killed two.", "Kharkiv", "Kharkiv", "place", "Kharkiv Oblast", 49.98177, 36.25475),
    ("An old map shows Kharkov.", "Kharkov", "Kharkiv", "place", "Kharkiv Oblast", 49.98177, 36.25475),
    ("The port of Odesa was struck.", "Odesa", "Odesa", "place", "Odesa Oblast", 46.48572, 30.74383),
    ("Grain left Odessa.", "Odessa", "Odesa", "place", "Odesa Oblast", 46.48572, 30.74383),
    ("Mykolaiv's shipyard burned.", "Mykolaiv", "Mykolaiv", "place", "Mykolaiv Oblast", 46.97625, 31.99296),
    ("Officials in Nikolaev said so.", "Nikolaev", "Mykolaiv", "place", "Mykolaiv Oblast",
     46.97625, 31.99296),
    ("Luhansk is occupied.", "Luhansk", "Luhansk", "place", "Luhansk Oblast", 48.56814, 39.30553),
    ("Separatists in Lugansk said.", "Lugansk", "Luhansk", "place", "Luhansk Oblast", 48.56814, 39.30553),
    ("Toretsk was stormed.", "Toretsk", "Toretsk", "place", "Donetsk Oblast", 48.39477, 37.8478),
    ("Old reports say Dzerzhinsk.", "Dzerzhinsk", "Toretsk", "place", "Donetsk Oblast", 48.39477, 37.8478),
    ("Kurakhove fell.", "Kurakhove", "Kurakhove", "place", "Donetsk Oblast", 47.9847, 37.28069),
    ("Moscow claimed Kurakhovo.", "Kurakhovo", "Kurakhove", "place", "Donetsk Oblast", 47.9847, 37.28069),
    ("Avdiivka was abandoned.", "Avdiivka", "Avdiivka", "place", "Donetsk Oblast", 48.14019, 37.75008),
    ("TASS wrote Avdeyevka.", "Avdeyevka", "Avdiivka", "place", "Donetsk Oblast", 48.14019, 37.75008),
    ("Chasiv Yar sits on a hill.", "Chasiv Yar", "Chasiv Yar", "place", "Donetsk Oblast",
     48.58768, 37.83409),
    ("Kupiansk is near the Oskil.", "Kupiansk", "Kupiansk", "place", "Kharkiv Oblast", 49.71003, 37.61581),
    ("Assaults on Kupyansk went on.", "Kupyansk", "Kupiansk", "place", "Kharkiv Oblast",
     49.71003, 37.61581),
    ("Moscow's account says its forces retook Liman.", "Liman", "Lyman", "place", "Donetsk Oblast",
     48.99012, 37.80843),
    ("Ukrainian troops took Sudzha.", "Sudzha", "Sudzha", "place", "Kursk Oblast", 51.191, 35.271),
    ("A drone hit Kursk.", "Kursk", "Kursk", "place", "Kursk Oblast", 51.72689, 36.18457),
    ("Belgorod was shelled.", "Belgorod", "Belgorod", "place", "Belgorod Oblast", 50.60343, 36.58091),
    ("A depot in Bryansk burned.", "Bryansk", "Bryansk", "place", "Bryansk Oblast", 53.27096, 34.32143),
    ("Donetsk is the regional capital.", "Donetsk", "Donetsk", "place", "Donetsk Oblast", 48.023, 37.80224),
    ("Russia’s army advanced.", "Russia", "Russia", "country", None, None, None),
    ("Ukraine's forces regrouped.", "Ukraine", "Ukraine", "country", None, None, None),
    ("Belarus hosts nuclear weapons.", "Belarus", "Belarus", "country", None, None, None),
    ("Troops from North Korea arrived.", "North Korea", "North Korea", "country", None, None, None),
    ("The U.S. sent aid.", "U.S.", "United States", "country", None, None, None),
    ("Tank crews trained in Germany for weeks.", "Germany", "Germany", "country", None, None, None),
    # the suppliers and the hosts of refugees, by the names news gives them
    ("Refugees in the Czech Republic found work.", "Czech Republic", "Czech Republic", "country", None, None, None),
    ("Czechia took in many refugees.", "Czechia", "Czech Republic", "country", None, None, None),
    ("Pilots trained in the UK.", "UK", "United Kingdom", "country", None, None, None),
    ("Britain pledged more shells.", "Britain", "United Kingdom", "country", None, None, None),
    ("Talks were held in Türkiye.", "Türkiye", "Turkey", "country", None, None, None),
    # small towns of 1,000-5,000 people
    ("Fighting near Krasnotorka continued.", "Krasnotorka", "Krasnotorka", "place", "Donetsk Oblast",
     48.68542, 37.5303),
    ("Shelling hit Torske.", "Torske", "Torske", "place", "Donetsk Oblast", 49.01725, 37.96133),
    ("Troops held Styla.", "Styla", "Styla", "place", "Donetsk Oblast", 47.69647, 37.84557),
    ("Strikes on Tavilzhanka.", "Tavilzhanka", "Tavilzhanka", "place", "Kharkiv Oblast",
     49.84417, 37.77889),
    ("Podoly was retaken.", "Podoly", "Podoly", "place", "Kharkiv Oblast", 49.69129, 37.67771),
    ("Glushkovo was evacuated.", "Glushkovo", "Glushkovo", "place", "Kursk Oblast", 51.34066, 34.63915),
    ("Drones flew over Korenevo.", "Korenevo", "Korenevo", "place", "Kursk Oblast", 51.41065, 34.90008),
    ("Attack on Zolotukhino.", "Zolotukhino", "Zolotukhino", "place", "Kursk Oblast", 52.08706, 36.37896),
    ("Guided bombs hit Malokaterynivka.", "Malokaterynivka", "Malokaterynivka", "place",
     "Zaporizhzhia Oblast", 47.6557, 35.25733),
    ("Artillery struck Pryshyb.", "Pryshyb", "Pryshyb", "place", "Zaporizhzhia Oblast", 47.25614, 35.32426),
    ("Mortar fire on Richky.", "Richky", "Richky", "place", "Sumy Oblast", 51.12226, 34.49399),
    ("A drone hit Kuzemyn.", "Kuzemyn", "Kuzemyn", "place", "Sumy Oblast", 50.14438, 34.65183),
    # a district after its town's possessive is in that town, never a namesake elsewhere
    ("A rocket fell on Kharkiv's Kyivskyi district.", "Kharkiv's Kyivskyi", "Kharkiv", "place", "Kharkiv Oblast",
     49.98177, 36.25475),
    ("Fires broke out in Zaporizhzhia's Shevchenkivskyi district.", "Zaporizhzhia's Shevchenkivskyi",
     "Zaporizhzhia", "place", "Zaporizhzhia Oblast", 47.85167, 35.11714),
    ("Windows shattered across Kyiv's Desnianskyi District.", "Kyiv's Desnianskyi", "Kyiv", "place", "Kyiv",
     50.45466, 30.5238),
    ("Debris landed in Kyiv’s Podil neighbourhood.", "Kyiv’s Podil", "Podil", "place", "Kyiv", 50.46936, 30.51627),
    ("Kyiv's Kursk offensive stalled.", "Kursk", "Kursk", "place", "Kursk Oblast", 51.72689, 36.18457),
    # regions
    ("Fighting in the Kursk region.", "Kursk region", "Kursk Oblast", "admin1", "Kursk Oblast", None, None),
    ("Evacuation of Donetsk Oblast.", "Donetsk Oblast", "Donetsk Oblast", "admin1", "Donetsk Oblast",
     None, None),
    ("Strikes in Kharkiv province.", "Kharkiv province", "Kharkiv Oblast", "admin1", "Kharkiv Oblast",
     None, None),
    ("Shelling in the Donetsk region.", "Donetsk region", "Donetsk Oblast", "admin1", "Donetsk Oblast",
     None, None),
    ("Front lines in Zaporizhzhia oblast.", "Zaporizhzhia oblast", "Zaporizhzhia Oblast", "admin1",
     "Zaporizhzhia Oblast", None, None),
    ("Troops left Kursk Oblast.", "Kursk Oblast", "Kursk Oblast", "admin1", "Kursk Oblast", None, None),
    ("Drones over the Belgorod region.", "Belgorod region", "Belgorod Oblast", "admin1", "Belgorod Oblast",
     None, None),
    ("Sumy region border villages.", "Sumy region", "Sumy Oblast", "admin1", "Sumy Oblast", None, None),
    ("Moscow annexed Crimea in 2014.", "Crimea", "Autonomous Republic of Crimea", "admin1",
     "Autonomous Republic of Crimea", None, None),
]


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


@pytest.mark.parametrize(("sentence", "surface", "name", "precision", "admin1", "lat", "lon"), MENTIONS)
def test_mention_geocodes_to_the_right_place(sentence, surface, name, precision, admin1, lat, lon):
    mentions = {m.surface: m for m in find_places(sentence)}
    assert surface in mentions, f"{surface!r} not found in {sentence!r}: {list(mentions)}"
    mention = mentions[surface]
    assert sentence[mention.start:mention.end] == surface
    assert (mention.place.name, mention.precision, mention.place.admin1) == (name, precision, admin1)
    if lat is not None:
        assert km_between(lat, lon, mention.place.lat, mention.place.lon) < 15


def test_table_has_forty_plus_mentions():
    assert len(MENTIONS) >= 40


@pytest.mark.parametrize("sentence", [
    "Russian and Ukrainian officials met.",
    "Most people fled. Mir was the name of a station. Ray said so. Luck ran out.",
    "The Front held. A Belarusian unit moved.",
    "Volodymyr Zelenskyy and Vladimir Putin spoke.",
    "The Dnipro River flooded after the dam broke.",
    "Us and them.",
    # weapons named like towns
    "An Osa launcher, a Pantsir battery and Krasnopol rounds were hit.",
])
def test_non_places_are_not_matched(sentence):
    assert find_places(sentence) == []


def test_possessive_with_curly_apostrophe_spans_the_name_only():
    [mention] = find_places("Russia’s offensive")
    assert (mention.surface, mention.start, mention.end) == ("Russia", 0, 6)


def test_listed_regions_all_become_regions():
    text = "Drones fell on the Belgorod, Bryansk and Kursk regions."
    assert [m.place.name for m in find_places(text)] == ["Belgorod Oblast", "Bryansk Oblast", "Kursk Oblast"]


def test_longest_match_wins_and_mentions_do_not_overlap():
    mentions = find_places("In Velyka Novosilka and Kyiv-based units in Chasiv Yar")
    assert [m.surface for m in mentions] == ["Velyka Novosilka", "Kyiv", "Chasiv Yar"]


def test_region_named_elsewhere_picks_the_same_named_town():
    default = find_places("Kirovsk was hit.")[0].place
    hinted = find_places("Kirovsk, in the Leningrad region, was hit.")[0].place
    assert hinted.admin1 == "Leningrad Oblast"
    assert default.country == "Russia"


def test_bare_oblast_capital_is_the_city_and_admin1_of_gives_the_region():
    kursk = geocode("Kursk")
    assert kursk.kind == "place"
    region = admin1_of(kursk)
    assert (region.name, region.kind, region.country) == ("Kursk Oblast", "admin1", "Russia")
    assert admin1_of(region) == region
    assert admin1_of(geocode("Ukraine")) is None


def test_russian_towns_are_named_as_english_reporting_spells_them():
    # no soft signs, e for ë; the scholarly spellings still find them
    assert [geocode(name).name for name in ("Tëtkino", "Tetkino", "Ryl’sk", "Rylsk")] == [
        "Tetkino", "Tetkino", "Rylsk", "Rylsk"]


@pytest.mark.parametrize(("text", "oblast"), [
    # the Ukrainian adjectival names UN and OCHA reports use
    ("Shelling hit Donetska oblast again.", "Donetsk Oblast"),
    ("Evacuations from Kharkivska oblast went on.", "Kharkiv Oblast"),
    ("Drones struck Zaporizka Oblast.", "Zaporizhzhia Oblast"),
])
def test_an_oblast_named_in_its_ukrainian_form_is_that_oblast(text: str, oblast: str) -> None:
    assert [m.place.name for m in find_places(text)] == [oblast]


def test_geocode_spellings_and_country_hint():
    assert geocode("Artyomovsk").name == "Bakhmut"
    assert geocode("zaporizhzhia oblast").name == "Zaporizhzhia Oblast"
    assert geocode("Kirovsk", country="Belarus").country == "Belarus"
    assert geocode("Pokrovsk", country="Poland") is None
    assert geocode("Nowhereville") is None
    assert isinstance(geocode("Kyiv"), Place)


@pytest.mark.parametrize(("country", "lat", "lon"), [
    ("United States", 38.9, -77.0),  # its capital, not Washington, Utah (several towns share the name)
    ("Germany", 52.5, 13.4),
    ("North Korea", 39.0, 125.8),
    ("Czech Republic", 50.1, 14.4),
    ("Iran", 35.7, 51.4),
])
def test_a_country_outside_the_map_is_drawn_at_its_capital(country, lat, lon):
    place = geocode(country)
    assert place.kind == "country" and abs(place.lat - lat) < 0.2 and abs(place.lon - lon) < 0.2


def test_every_ukrainian_oblast_is_a_gazetteer_region():
    oblasts = {"Donetsk", "Luhansk", "Kharkiv", "Zaporizhzhia", "Kherson", "Sumy", "Dnipropetrovsk",
               "Mykolaiv", "Odesa", "Kyiv", "Chernihiv", "Poltava", "Lviv", "Zakarpattia"}
    for oblast in oblasts:
        place = geocode(f"{oblast} region")
        assert (place.name, place.kind, place.country) == (f"{oblast} Oblast", "admin1", "Ukraine")


@pytest.mark.slow  # a wall-clock check: see pyproject's markers
def test_find_places_takes_time_in_proportion_to_the_text():
    # (how fast it is, benchmarks/ measures: a bound in milliseconds here failed whenever the machine
    # was busy; what a test can tell on any machine is that doubling the text doubles the work)
    text = " ".join(s for s, *_ in MENTIONS)
    small, large = [(text * (n // len(text) + 1))[:n] for n in (20_000, 40_000)]
    find_places(small[:2000])  # the gazetteer, loaded once

    def cpu_seconds(chunk: str) -> float:
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            find_places(chunk)
            best = min(best, time.process_time() - started)
        return best

    ratio = cpu_seconds(large) / max(cpu_seconds(small), 1e-4)
    assert ratio < 3.0, f"doubling the text took {ratio:.1f}x as long"


def test_import_does_not_load_geopandas():
    code = "import sys, analysis.extract.places; print('geopandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Kyiv Donetsk region's’-.,Oblast ABZ ")), max_size=80))
def test_spans_point_at_the_text_and_never_overlap(text):
    mentions = find_places(text)
    for m in mentions:
        assert text[m.start:m.end] == m.surface
        assert m.precision == m.place.kind
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))


@pytest.fixture(scope="module")
def admin1_frame():
    return regions("admin1")


def test_regions_admin1_has_the_ukrainian_oblasts_in_wgs84(admin1_frame):
    assert admin1_frame.crs.to_epsg() == 4326
    ukraine = set(admin1_frame.loc[admin1_frame["country"] == "Ukraine", "name"])
    assert {"Donetsk Oblast", "Kharkiv Oblast", "Kyiv", "Autonomous Republic of Crimea"} <= ukraine
    assert len(ukraine) == 27


@pytest.mark.parametrize(("crimea", "owner"), [("Ukraine", "UA"), ("Russia", "RU")])
def test_crimea_parameter_moves_crimea_between_countries(crimea, owner):
    from shapely.geometry import Point

    countries = regions("country", crimea=crimea).set_index("country_code")
    simferopol, kharkiv = Point(34.11079, 44.95719), Point(36.25475, 49.98177)
    assert countries.geometry[owner].contains(simferopol)
    assert not countries.geometry["RU" if owner == "UA" else "UA"].contains(simferopol)
    assert countries.geometry["UA"].contains(kharkiv)


def test_regions_rejects_unknown_options():
    with pytest.raises(ValueError, match="crimea="):
        regions("country", crimea="Atlantis")
    with pytest.raises(ValueError, match="level="):
        regions("oblast")


@pytest.mark.parametrize(("spelling", "name"), [
    ("Kostyantynivka", "Kostiantynivka"), ("Syevyerodonetsk", "Sievierodonetsk"), ("Avdiyivka", "Avdiivka"),
    ("Dobropillya", "Dobropillia"),
])
def test_another_romanisation_of_a_town_finds_the_same_entry(spelling, name):
    assert [m.place.name for m in find_places(f"Fighting goes on near {spelling}.")] == [name]


@pytest.mark.parametrize("first_name", ["Serhiy", "Mariya", "Volodymyr"])
def test_a_first_name_in_another_spelling_is_no_village(first_name):
    assert find_places(f"{first_name} said the town held.") == []


def test_an_unknown_compound_name_gives_no_town_for_either_word():
    text = "Fighting near Nizhny Klin and Novy Put, and in Nova Kakhovka."
    assert [m.place.name for m in find_places(text)] == ["Nova Kakhovka"]
