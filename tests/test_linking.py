"""The linking stage on its own: which claimant, place and date a figure is tied to, and by which rule.

Each article is a few sentences in our own words; the helper runs the stages before linking
(sentences, numbers, attribution, places, dates) and asks :class:`SentenceLinks` about one figure.
"""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import extract_figures
from analysis.extract import places
from analysis.extract.articles import parse_published
from analysis.extract.attribution import claims_by_sentence
from analysis.extract.linking import ArticleContext, SentenceLinks
from analysis.extract.numbers import find_numbers
from analysis.extract.pipeline import read_figure
from analysis.extract.sentences import group_by_sentence, split_sentences
from analysis.extract.view import SentenceView

PUBLISHED = "2024-11-05"  # a Tuesday


def link(text: str, figure: str, measure: str, published: str | None = PUBLISHED) -> dict:
    sentences = split_sentences(text)
    mentions_in = group_by_sentence(find_numbers(text), sentences)
    claims = claims_by_sentence(text, sentences)
    place_mentions = places.find_places(text)
    context = ArticleContext.build(text, sentences, claims, place_mentions,
                                   group_by_sentence(place_mentions, sentences), parse_published(published))
    k, m = next((k, m) for k, mentions in enumerate(mentions_in) for m in mentions
                if text[m.start:m.end] == figure)
    for j in range(k):  # what the figures of the sentences before count, as the pipeline tells the context
        view = SentenceView(text, text.lower(), mentions_in[j], sentences[j].start, sentences[j].end,
                            read=read_figure)
        readings = (view.reading(i) for i in range(len(mentions_in[j])))
        context.measures_read[j] = {reading.measure for reading in readings if reading is not None}
    links = SentenceLinks(context, k)
    claim = links.claimant(m)
    place, precision, place_rule = links.place(m, measure)
    date, date_rule = links.event_date(m, measure, claim)
    return {"claimant": claim.name if claim else None, "claimant_rule": claim.rule if claim else "none",
            "place": place.name if place else None, "precision": precision, "place_rule": place_rule,
            "date": str(date.date.date()) if date else None, "date_rule": date_rule}


@pytest.mark.parametrize(("text", "figure", "claimant", "rule"), [
    ("About 3,000 troops crossed the border, the Pentagon said.", "About 3,000", "Pentagon", "subject_said"),
    ("According to the Pentagon, about 3,000 troops crossed the border.", "about 3,000", "Pentagon",
     "according_to"),
    ("About 3,000 troops crossed the border, said John Kirby, a White House spokesman.", "About 3,000",
     "John Kirby", "said_subject"),
    ("The Pentagon said troops had moved. About 3,000 crossed the border on Monday.", "About 3,000",
     "Pentagon", "paragraph_speaker"),
    ("About 3,000 troops crossed the border.", "About 3,000", None, "none"),
])
def test_claimant_rules(text: str, figure: str, claimant: str | None, rule: str) -> None:
    linked = link(text, figure, "troops")
    assert (linked["claimant"], linked["claimant_rule"]) == (claimant, rule)


def test_a_new_paragraph_is_the_outlets_own_voice_again() -> None:
    text = "Governor Ivan Fedorov said troops had moved.\n\nAbout 3,000 crossed the border on Monday."
    assert link(text, "About 3,000", "troops")["claimant_rule"] == "none"


@pytest.mark.parametrize(("text", "figure", "measure", "place", "rule"), [
    ("A strike on Odesa killed 12 people.", "12", "killed", "Odesa", "own_sentence"),
    ("Shelling killed 5 in Kharkiv, and 3 were hurt in Sumy.", "3", "injured", "Sumy", "own_segment"),
    ("In Kharkiv 5 died; in Sumy, 3 were hurt.", "3", "injured", "Sumy", "own_clause"),
    ("Missiles hit Dnipro overnight. Officials said 7 people died.", "7", "killed", "Dnipro", "sentence_before"),
    # a place a distance is measured from is a landmark, while the sentence names another
    ("Troops took the village of Novohrodivka, 20 km from Pokrovsk, losing 6 soldiers.", "6", "casualties",
     "Novohrodivka", "own_clause"),
    ("Shelling 15 km from Pokrovsk killed 4 soldiers.", "4", "killed", "Pokrovsk", "own_sentence"),
    # with no place of its own, a figure a local official reports is in the official's place (a governor's
    # or a regional body's is the region's)
    ("Kharkiv Governor Oleh Syniehubov said 4 people were injured.", "4", "injured", "Kharkiv Oblast",
     "claimant_place"),
    ("Sumy's mayor said 6 people were injured.", "6", "injured", "Sumy", "claimant_place"),
    ("The Kherson regional administration said 2 people died.", "2", "killed", "Kherson Oblast", "claimant_place"),
    ("A missile hit Kupiansk. The Kharkiv governor said 3 people died.", "3", "killed", "Kupiansk",
     "sentence_before"),
    ("Moscow said 40 drones were downed overnight.", "40", "equipment", None, "none"),  # a government, no place
    ("Russia has lost 600,000 troops since the start of the full-scale invasion.", "600,000", "casualties",
     "Ukraine", "national"),
    # a war-long total told by when the war began is the country's, not the town of the next sentence
    ("Moscow has lost 690,000 men since February 2022, Kyiv claims. Shelling went on in Toretsk.", "690,000",
     "casualties", "Ukraine", "national"),
    ("Some 12,000 civilians have died since the invasion began, monitors say. Kherson was hit again.", "Some 12,000",
     "killed", "Ukraine", "national"),
    ("Kyiv has lost 45,000 soldiers since Russia invaded, its president says. Sirens sounded in Sumy.", "45,000",
     "casualties", "Ukraine", "national"),
    ("Moscow has lost 700,000 men since February 24, 2022, Kyiv claims. Shelling went on in Toretsk.", "700,000",
     "casualties", "Ukraine", "national"),
    ("Moscow has lost 3,600 tanks since 2022, Kyiv claims. Shelling went on in Toretsk.", "3,600",
     "equipment", "Ukraine", "national"),
    ("The army says 2,100 tanks were destroyed since start of war. Drones struck Izium.", "2,100", "equipment",
     "Ukraine", "national"),
    ("The war has lasted 1,000 days.", "1,000 days", "duration", None, "none"),
    ("It is 1,000 days since the war began. Kherson was shelled again.", "1,000 days", "duration", None, "none"),
    ("Rockets fell on Kherson, where 4 died, and on Mykolaiv, where 6 were hurt.", "4", "killed", "Kherson",
     "where_antecedent"),
    ("Rockets fell on Kherson, where 4 died, and on Mykolaiv, where 6 were hurt.", "6", "injured", "Mykolaiv",
     "where_antecedent"),
    ("Fighting raged near Vovchansk, Lyptsi and Kupiansk in the Kharkiv region. The enemy lost up to 40 soldiers.",
     "up to 40", "casualties", "Kharkiv Oblast", "region_of_list"),
    # a nationwide figure is the country's; the part of it told in a town stays there
    ("Russian shelling killed 9 people nationwide, among them 3 in Kherson.", "9", "killed", "Ukraine", "national"),
    ("Russian shelling killed 9 people nationwide, among them 3 in Kherson.", "3", "killed", "Kherson",
     "own_sentence"),
    ("Across the country, drones wounded 11 people, 4 of them in Sumy.", "11", "injured", "Ukraine", "national"),
    ("Ukrainian drones hurt 5 people countrywide, 2 of them in Belgorod.", "5", "injured", "Russia", "national"),
    # the air force's count of a night's drones is the whole country's, not the town of the sentence before;
    # a place of its own still wins
    ("Drones hit Odesa overnight. The air force said Russia launched 95 drones.", "95", "equipment", "Ukraine",
     "national_claimant"),
    ("The air force said Russia launched 95 drones at Odesa.", "95", "equipment", "Odesa", "own_sentence"),
    ("Drones hit Odesa overnight. The governor said Russia launched 15 drones.", "15", "equipment", "Odesa",
     "sentence_before"),
    # an unnamed town in the dateline town's country is that town
    ("POLTAVA, Ukraine (AP) — A missile hit a city in central Ukraine, killing 14 people.", "14", "killed",
     "Poltava", "dateline_town"),
    ("POLTAVA, Ukraine (AP) — A missile hit central Ukraine, killing 14 people.", "14", "killed", "Ukraine",
     "own_clause"),
    # a figure going on from a national total before it is national too
    ("Drones hit Sumy. This year Russia took 3,900 km2 of Ukrainian land. In 2022 it took 58,000 km2.",
     "58,000 km2", "area", "Ukraine", "national_before"),
    ("Drones hit Sumy. This year Russia took 3,900 km2 of Ukrainian land. Drones killed 2 people.",
     "2", "killed", "Sumy", "lede"),
])
def test_place_rules(text: str, figure: str, measure: str, place: str | None, rule: str) -> None:
    linked = link(text, figure, measure)
    assert (linked["place"], linked["place_rule"]) == (place, rule)


@pytest.mark.parametrize(("dateline", "place"), [
    ("KHARKIV, Ukraine (AP) — ", "Kharkiv"),
    # a capital is where wire stories are filed from, not what they are about
    ("MOSCOW, September 3. /TASS/. ", None),
    ("PARIS (AFP) — ", None),
])
def test_a_dateline_gives_the_story_its_place_unless_it_is_a_capital(dateline: str, place: str | None) -> None:
    text = dateline + "Air defences worked through the night. Officials said 7 drones were downed."
    assert link(text, "7", "equipment")["place"] == place


def test_the_place_the_story_is_about_reaches_a_later_figure_without_one() -> None:
    text = ("Rescuers worked through the night in Zaporizhzhia after a strike. The governor spoke of damage. "
            "Later he said 9 people had died.")
    linked = link(text, "9", "killed")
    assert (linked["place"], linked["place_rule"]) == ("Zaporizhzhia", "lede")


@pytest.mark.parametrize(("text", "figure", "measure", "place"), [
    # a country after "of" is a place only when "of" follows a word for land
    ("The Armed Forces of Ukraine freed 40 villages in the Kherson region.", "40", "settlements", "Kherson Oblast"),
    ("Shelling in the east of Ukraine killed 8 people.", "8", "killed", "Ukraine"),
    ("Moscow's troops took 120 square kilometres in eastern Ukraine in October.", "120 square kilometres", "area",
     "Ukraine"),
    ("Russia fired 70 drones against Ukraine overnight.", "70", "equipment", "Ukraine"),
    # a country far from the front is a place like any other
    ("Some 4,000 Ukrainian recruits are being trained in Germany this winter.", "Some 4,000", "troops", "Germany"),
    # the capital named by its country
    ("A missile attack on the Ukrainian capital killed 3 people.", "3", "killed", "Kyiv"),
    ("Drones struck Russia's capital, injuring 2 people.", "2", "injured", "Moscow"),
    # a district named after its city's possessive: the city, not its government
    ("Kyiv's Solomianskyi district took a direct hit, and 5 residents were hurt.", "5", "injured", "Kyiv"),
    ("The blast in Kharkiv's Kyivskyi district left 2 people dead.", "2", "killed", "Kharkiv"),
    # where the speaker was is not where it happened
    ("The president said in Kyiv that 800 enemy soldiers had died around Kurakhove.", "800", "killed", "Kurakhove"),
    ("The minister declared in Odesa that 14 drones were shot down.", "14", "equipment", None),
    ("Speaking from Izium on Friday, the minister said 50 villages had been retaken in the Donetsk region.", "50",
     "settlements", "Donetsk Oblast"),
    # a sum over the strikes just told keeps their place; a nationwide total does not
    ("Missiles hit Lutsk and Rivne. In total, the strikes killed 9 people.", "9", "killed", "Rivne"),
    # weapons sent toward a country are in it; a count over a side's "regions" is that side's country's
    ("Moscow sent 90 drones toward Ukraine before dawn.", "90", "equipment", "Ukraine"),
    ("Air defences downed 40 drones over Russian regions.", "40", "equipment", "Russia"),
    # a continent is where refugees are, and nothing else is: not a strike, not the country of the story
    ("Some 4 million refugees from Ukraine are now spread across Europe.", "Some 4 million", "displaced", "Europe"),
    ("It was the heaviest air raid in Europe for decades: 500 drones flew in.", "500", "equipment", None),
    ("Some 4 million refugees have settled in 30 European countries.", "Some 4 million", "displaced", "Europe"),
    ("Some 4 million refugees are spread across Europe. Of these, 3 million have found work.", "3 million",
     "displaced", "Europe"),
    ("Refugees are spread across Europe. In the country, 6 million people remain displaced.", "6 million",
     "displaced", "Ukraine"),
    # "in the country" in the figure's own piece, no place named: the story's country
    ("The mission recorded 640 civilian deaths in the country last month.", "640", "killed", "Ukraine"),
    # a count right before "over" or "in" and a place is at that place, whatever else its piece names
    ("Air defences downed 31 drones, with 20 over the Bryansk region and 11 over Oryol.", "20", "equipment",
     "Bryansk Oblast"),
    # a sum right after a strike told at a place adds up that strike; after strikes at no place named, the country's
    ("Drones struck Sumy at dawn. In all, 14 people were hurt.", "14", "injured", "Sumy"),
    ("Drones struck four regions at dawn. In all, 14 people were hurt.", "14", "injured", "Ukraine"),
    # "of Russian land" in a story about a Russian region
    ("Ukrainian units hold 500 square kilometres of Russian land. Fighting goes on in the Bryansk region.",
     "500 square kilometres", "area", "Bryansk Oblast"),
])
def test_where_the_text_puts_a_figure(text: str, figure: str, measure: str, place: str) -> None:
    assert link(text, figure, measure)["place"] == place


@pytest.mark.parametrize(("text", "figure", "measure", "date", "rule"), [
    ("A strike on Monday killed 12 people.", "12", "killed", "2024-11-04", "own_segment"),
    ("On Monday, a strike killed 12 people.", "12", "killed", "2024-11-04", "own_clause"),
    ("Troops took 90 km2 in October, compared with 150 km2 in September and 210 km2 in August.", "150 km2", "area",
     "2024-09-01", "own_segment"),
    ("Troops took 90 km2 in October, compared with 150 km2 in September and 210 km2 in August.", "210 km2", "area",
     "2024-08-01", "own_segment"),
    ("The attack came on Sunday; 4 people died in it.", "4", "killed", "2024-11-03", "before_in_sentence"),
    ("A missile hit the town on Sunday. Officials said 7 people died.", "7", "killed", "2024-11-03",
     "strike_before"),
    ("The ministry said on Monday that 1,200 troops had been lost.", "1,200", "casualties", "2024-11-04",
     "statement"),
    ("About 3,000 troops crossed the border.", "About 3,000", "troops", None, "none"),
    ("The army said 700 soldiers were lost over the past 24 hours.", "700", "casualties", "2024-11-05",
     "report_day"),
    ("The army said on Sunday that 700 soldiers were lost over the past 24 hours.", "700", "casualties",
     "2024-11-03", "statement"),
    # "overnight" and "yesterday" count back from the day the statement names, when it names one
    ("Moscow sent 60 drones overnight, the air force said on Sunday.", "60", "equipment", "2024-11-03",
     "relative_to_statement"),
    ("Shelling killed 3 people yesterday, the governor said on Sunday.", "3", "killed", "2024-11-02",
     "relative_to_statement"),
    ("Moscow sent 60 drones overnight, the air force said.", "60", "equipment", "2024-11-05", "own_segment"),
    ("A day earlier, the army had captured 5 villages near the border.", "5", "settlements", "2024-11-04",
     "own_clause"),
    # a clause opening the sentence with "While" ends at its first comma: the main clause's day is not its
    ("A drone hit a depot on Sunday. While 30 drones were downed, a fire broke out and was put out on Monday.", "30",
     "equipment", "2024-11-03", "strike_before"),
])
def test_date_rules(text: str, figure: str, measure: str, date: str | None, rule: str) -> None:
    linked = link(text, figure, measure)
    assert (linked["date"], linked["date_rule"]) == (date, rule)


def test_over_the_month_is_the_month_told_not_the_one_compared_with() -> None:
    text = ("In October, shelling killed 90 civilians. That was 20% more than in September. "
            "Some 40 children were hurt over the month.")
    rows = extract_figures(text, published="2024-11-05")
    row = rows[rows["text"].str.startswith("Some 40")].iloc[0]
    assert (str(row["event_date"])[:7], "date=month_anaphor" in row["rules"]) == ("2024-10", True)


# a month or day named without its year may lie a few weeks ahead (a coming date), but what has been
# counted (the dead, ground taken) happened before the report: then it is last year's
@pytest.mark.parametrize(("text", "figure", "measure", "date", "rule"), [
    ("Shelling killed 40 civilians in December, monitors said.", "40", "killed", "2023-12-01", "past_year"),
    ("Troops took 12 km2 on December 2.", "12 km2", "area", "2023-12-02", "past_year"),
    ("In December 2024, shelling killed 40 civilians.", "40", "killed", "2024-12-01", "own_clause"),
    ("The allies will deliver 31 tanks in December.", "31", "equipment", "2024-12-01", "own_segment"),
    ("Shelling killed 40 civilians in October.", "40", "killed", "2024-10-01", "own_segment"),
])
def test_what_has_happened_is_not_dated_after_the_report(text: str, figure: str, measure: str, date: str,
                                                          rule: str) -> None:
    linked = link(text, figure, measure)
    assert (linked["date"], linked["date_rule"]) == (date, rule)


def test_without_a_publication_date_no_relative_date_is_resolved() -> None:
    assert link("A strike on Monday killed 12 people.", "12", "killed", published=None)["date"] is None


def test_the_rules_column_names_every_deciding_rule() -> None:
    from analysis import extract_figures
    row = extract_figures("A strike on Odesa on Monday killed 12 people, the governor said.",
                          published=PUBLISHED).iloc[0]
    fields = dict(part.split("=") for part in row["rules"].split(";"))
    assert list(fields) == ["measure", "actor", "claimant", "place", "date"]
    assert fields["claimant"] == "subject_said" and fields["date"] == "own_segment"
    assert row["event_date"] == pd.Timestamp("2024-11-04")


def _known_rules() -> dict[str, set[str]]:
    from analysis.extract import measures
    from analysis.extract.actors import ACTOR_RULES
    from analysis.extract.attribution import CLAIMANT_RULES
    from analysis.extract.linking import DATE_RULES, PLACE_RULES
    return {
        "measure": {r.__name__ for r in measures.MEASURE_RULES} | {"composite_total"},
        "actor": {r.__name__ for r in ACTOR_RULES} | {"carried_in_sentence", "carried_from_before",
                                                      "enemy_of_claimant", "own_side_of_claimant", "party_of_paragraph",
                                                      "forces_of_claimant", "of_the_whole", "of_the_next"},
        "claimant": set(CLAIMANT_RULES) | {f"pronoun_{r}" for r in CLAIMANT_RULES},
        "place": set(PLACE_RULES), "date": set(DATE_RULES),
    }


def test_the_rules_column_uses_only_documented_rule_names(corpus_figures) -> None:
    from tests.conftest import ROOT
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    known = _known_rules()
    undocumented = sorted(name for names in known.values() for name in names
                          if not name.startswith("pronoun_") and f"`{name}`" not in readme)
    assert not undocumented, f"README's 'How the extractor decides' lacks {undocumented}"
    for rules in corpus_figures["rules"]:
        for part in rules.split(";"):
            field, name = part.split("=")
            assert name == "none" or name in known[field], part


def test_the_day_of_the_strike_a_story_leads_with_may_come_a_few_sentences_in() -> None:
    text = ("Nine people died after a Russian missile strike on Lutsk. "
            "Rescuers are still searching the rubble, the mayor said on Tuesday. "
            "\"We will not stop,\" he said. "
            "Russia launched the missiles at the city on Monday night. "
            "Another 14 people were injured.")
    assert link(text, "Nine", "killed")["date"] == "2024-11-04"
    assert link(text, "14", "injured")["date"] == "2024-11-04"


def test_the_missiles_a_strike_launched_share_its_day_but_a_tally_of_losses_does_not() -> None:
    text = "Russian drones hit Odesa on Monday. Russia launched 40 drones in the attack. Russia has lost 300 tanks."
    assert link(text, "40", "equipment")["date_rule"] == "strike_before"
    assert link(text, "300", "equipment")["date_rule"] == "lede_statement"


@pytest.mark.parametrize(("text", "figure", "measure", "place", "precision"), [
    ("Russian units pushed up to 3.5 km southwest of Toretsk. Later, shelling hit Kramatorsk.", "up to 3.5 km",
     "advance", "Toretsk", "near_place"),
    ("The enemy lost 250 soldiers in the Lyman direction.", "250", "casualties", "Lyman", "near_place"),
])
def test_near_a_town_and_its_front_sector_are_the_towns_area(text, figure, measure, place, precision) -> None:
    linked = link(text, figure, measure)
    assert (linked["place"], linked["precision"]) == (place, precision)


def test_a_capital_named_by_its_country_is_a_town_never_a_country() -> None:
    # the story's country is looked for among the places found only: a capital can never be it
    from analysis.extract.linking import _CAPITAL_OF
    kinds = {capital: places.geocode(capital).kind for capital in _CAPITAL_OF.values() if places.geocode(capital)}
    assert kinds and set(kinds.values()) == {"place"}


def test_the_storys_country_is_the_first_country_named_as_a_place() -> None:
    text = "Ukraine's General Staff said on Monday. Fighting in Ukraine went on, and 12 soldiers died in Russia."
    sentences = split_sentences(text)
    claims = claims_by_sentence(text, sentences)
    found = places.find_places(text)
    context = ArticleContext.build(text, sentences, claims, found, group_by_sentence(found, sentences), None)
    assert context.lede_country.place.name == "Ukraine"
    assert context.lede_country.start == text.index("Ukraine went")


@pytest.mark.parametrize("text, figure, expected", [
    # an earlier value keeps a date of its own clause ...
    ("Officials said 31 were killed on Friday, up from 20 on Wednesday.", "20", "2024-11-06"),
    # ... and takes none from the figure it is compared with
    ("Officials said 31 were killed on Friday, up from 20 the day before.", "20", None),
    ("Officials said 31 were killed on Friday, up from 20 the day before.", "31", "2024-11-08"),
])
def test_an_earlier_value_has_only_its_own_date(text: str, figure: str, expected: str | None) -> None:
    rows = extract_figures(text, published="2024-11-09")
    row = rows[rows["text"] == figure].iloc[0]
    assert row["measure"] == "killed"
    assert (None if pd.isna(row["event_date"]) else str(row["event_date"].date())) == expected


def test_a_value_compared_across_sides_is_no_earlier_value() -> None:
    rows = extract_figures("Russia lost 300 tanks in May, compared with 200 for Ukraine.", published="2024-11-09")
    assert "earlier_value" not in ";".join(rows["rules"])


@pytest.mark.parametrize("text, location", [
    # the capital a speaker is in is not where the figure happened
    ("The president in Kyiv said 250 Russian soldiers died near Kupiansk.", "Kupiansk"),
    ("Officials in Moscow said 12 Ukrainian drones were downed.", None),
    # but a capital that is the scene keeps its place
    ("A night raid on Kyiv killed 4 people, officials said.", "Kyiv"),
])
def test_a_capital_right_before_a_speech_verb_is_where_the_speaker_is(text: str, location: str | None) -> None:
    row = extract_figures(text, published="2024-11-05").iloc[0]
    assert (None if pd.isna(row["location"]) else row["location"]) == location


@pytest.mark.parametrize("text, figure, expected", [
    # a date right after another number is that number's, even when as near to this one
    ("Its losses rose from 700 in April to 1,150 in June, Kyiv said.", "1,150", "2024-06-01"),
    ("Its losses rose from 700 in April to 1,150 in June, Kyiv said.", "700", "2024-04-01"),
    # a date before the figure, alone in its piece, stays the figure's
    ("On Tuesday 14 people were hurt.", "14", "2024-11-05"),
])
def test_a_figure_takes_the_date_nearest_its_own_edge(text: str, figure: str, expected: str) -> None:
    rows = extract_figures(text, published="2024-11-09")
    row = rows[rows["text"] == figure].iloc[0]
    assert str(row["event_date"].date()) == expected
