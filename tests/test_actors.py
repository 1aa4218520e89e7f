"""The actors stage on its own: whose people or equipment each figure counts, and which rule said so."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import extract_figures
from analysis.extract.actors import OPPONENT, OWN, carry_actors, decide_actor, side_of
from analysis.extract.numbers import find_numbers
from analysis.extract.pipeline import read_figure
from analysis.extract.view import SentenceView

from .test_measures import reading_of


def actor_of(sentence: str, figure: str) -> tuple[str, str | None]:
    reading = reading_of(sentence, figure)
    return reading.actor_rule, reading.actor


@pytest.mark.parametrize(("sentence", "figure", "rule", "actor"), [
    ("Ukrainian forces took 40 prisoners and destroyed 12 Russian tanks.", "40", "captor_opponent", "Russia"),
    ("Ukrainian forces took 40 prisoners and destroyed 12 Russian tanks.", "12", "demonym_in_counted", "Russia"),
    ("Russia said 40 soldiers were killed in the fighting.", "40", "soldiers_of_party", "Russia"),
    ("The shelling killed 14 people and wounded 30 more.", "14", "civilian_noun", "civilians"),
    ("At least 14 people, including two children, were killed.", "At least 14", "civilian_noun", "civilians"),
    # losses inflicted on a side are that side's, though the side inflicting them is named first
    ("Ukrainian units inflicted 640 casualties on Russian forces.", "640", "inflicted_on", "Russia"),
    ("Moscow's army inflicted losses of some 300 soldiers upon the Ukrainian army.", "some 300", "inflicted_on",
     "Ukraine"),
    ("Moscow gave back 95 captive Ukrainian soldiers.", "95", "demonym_in_counted", "Ukraine"),
    ("Near Sumy, Ukrainian gunners brought down nine drones.", "nine", "destroyed_by_party", "Russia"),
    ("Kyiv said it sent 90 drones against three airbases, damaging 25 bombers.", "25", "destroyed_by_party",
     "Russia"),
    ("Poland handed 14 tanks to Ukraine.", "14", "delivered_to", "Ukraine"),
    # weapons fired at a town or region are its country's enemy's
    ("By evening 60 shells had been fired at the Belgorod region.", "60", "launched_by", "Ukraine"),
    ("Officials said 12 missiles were fired at Kharkiv.", "12", "launched_by", "Russia"),
    # ... also at the head of a list whose launcher is named after its last item
    ("Air defences downed most of the 40 drones and 6 missiles Ukraine launched.", "40", "launched_by", "Ukraine"),
    # ... and weapons launched from a side's land are that side's (but from Ukraine's, which may be occupied)
    ("Kyiv's air force said it faced 3 ballistic missiles launched from Russia's Kursk region.", "3", "launched_by",
     "Russia"),
    ("Kyiv's air force said it faced 3 missiles fired from Bryansk overnight.", "3", "launched_by", "Russia"),
    # villages named by their country's adjective are the captor's when taken, the owner's when retaken
    ("Nine Ukrainian settlements were captured, Moscow said.", "Nine", "land_of_party", "Russia"),
    ("Three Russian villages were retaken.", "Three", "land_of_party", "Russia"),
    # ground is gained by the side that opens the sentence, not by the side whose lines are named before it
    ("Ukrainian units broke through Russian defences to a depth of 12 km.", "12 km", "gains_of_subject", "Ukraine"),
    ("Ukrainian units broke through Russian defences and freed 900 square kilometres.", "900 square kilometres",
     "gains_of_subject", "Ukraine"),
    ("Russian lines were pushed back by Ukrainian units by 5 km.", "5 km", "party_before", "Ukraine"),
    ("KYIV, Ukraine (AP) — Russian forces advanced 4 km near Ukrainian positions.", "4 km", "party_before", "Russia"),
    # a bare count after "and" is of the same side as the count before it; a dateline owns no toll
    ("At least 90 North Koreans died and 400 were injured.", "400", "of_the_whole", "North Korea"),
    ("KYIV, Ukraine (AP) — The death toll from the strike rose to 12.", "12", "strike_victims", "civilians"),
    # a toll's owner named after it; not the side whose attack the toll is of
    ("Losses among Russian troops near the town have reached 900.", "900", "party_in_toll", "Russia"),
    ("The death toll of the Russian drone attack on Sumy rose to 9.", "9", "strike_victims", "civilians"),
    # a part named by its nation is that nation's, not the whole's side
    ("Moscow has 40,000 troops in the area, including 9,000 North Koreans.", "9,000", "demonym_in_counted",
     "North Korea"),
    # what the victims did for a living, or one of them by sex, says they were civilians
    ("Two firefighters and a nurse were hurt in the second strike.", "Two", "civilian_noun", "civilians"),
    ("One man died and two pensioners were wounded.", "One", "civilian_noun", "civilians"),
    # a part of a whole no side is known for is told by its own noun
    ("The death toll has climbed to 47, including 8 children.", "8", "civilian_noun", "civilians"),
    # the bodies a side hands back are its opponent's dead, those it receives its own
    ("The remains of 450 soldiers were repatriated to Ukraine.", "450", "returned_to_party", "Ukraine"),
    ("Moscow returned 500 bodies of soldiers to Kyiv.", "500", "released_by_party", "Ukraine"),
    ("Kyiv received 500 bodies in the exchange.", "500", "released_by_party", "Ukraine"),
    ("A drone attack on the port killed 12.", "12", "strike_victims", "civilians"),
    ("Some 5,000 residents fled the city.", "Some 5,000", "displaced_civilians", "civilians"),
    ("The war has lasted 1,000 days.", "1,000 days", "none", None),
    # people counted are of the side they fight for, whoever holds or frees them
    ("Moscow freed 12 foreigners who had fought for Ukraine.", "12", "fights_for", "Ukraine"),
    ("Kyiv says it holds 30 mercenaries fighting on the side of Russia.", "30", "fights_for", "Russia"),
    ("Some 200 volunteers fighting alongside Ukrainian troops have arrived.", "Some 200", "fights_for", "Ukraine"),
])
def test_each_actor_rule_names_whose_figure_it_is(sentence: str, figure: str, rule: str, actor: str | None) -> None:
    assert actor_of(sentence, figure) == (rule, actor)


def test_a_rule_list_can_be_given_and_the_first_answer_wins() -> None:
    sentence = "Russia said 40 soldiers were killed."
    mentions = find_numbers(sentence)
    view = SentenceView.of(sentence, mentions)
    view.read = read_figure
    figure, reading = view.figure(0), view.reading(0)
    assert decide_actor(figure, reading, rules=())[0] == "none"


def test_opponents_are_symmetric_and_sides_come_from_claimants() -> None:
    assert OPPONENT["Russia"] == "Ukraine" and OPPONENT["Ukraine"] == "Russia"
    assert side_of("Ukrainian General Staff") == "Ukraine"
    assert side_of("someone unheard of") is None


def test_figures_without_an_actor_take_the_one_beside_them() -> None:
    sentences = ["Some 600 Russian troops were killed and 900 wounded.", "Another 40 were wounded later.",
                 "Ukraine said 12 of its soldiers died."]
    rows = [{"_k": 0, "measure": "killed", "actor": "Russia", "_rules": {"actor": "demonym_in_counted"}},
            {"_k": 0, "measure": "injured", "actor": None, "_rules": {"actor": "none"}},
            {"_k": 1, "measure": "injured", "actor": None, "_rules": {"actor": "none"}},
            {"_k": 2, "measure": "killed", "actor": None, "_rules": {"actor": "none"}}]
    for row in rows:
        row |= {"claimant": None, "sentence": sentences[row["_k"]]}
    carry_actors(rows)
    assert [(row["actor"], row["_rules"]["actor"]) for row in rows] == [
        ("Russia", "demonym_in_counted"), ("Russia", "carried_in_sentence"), ("Russia", "carried_from_before"),
        (None, "none")]  # a sentence naming a party of its own does not take another's


# each row: a text, the figure as written, the rule that decides its actor and the actor (whole pipeline,
# so that the rules working across sentences and from the claimant take part)
@pytest.mark.parametrize(("text", "figure", "rule", "actor"), [
    # prisoners: the captor's opponent, the side that let them go or got them back
    ("Ukrainian units destroyed 9 Russian tanks and took 25 prisoners.", "25", "captor_opponent", "Russia"),
    ("The Ukrainian army, fighting Russian troops near the town, took 40 prisoners.", "40", "captor_opponent",
     "Russia"),
    ("Kyiv said 140 captives had been freed from Russian captivity.", "140", "from_captivity", "Ukraine"),
    ("Moscow released 90 prisoners of war on Friday.", "90", "released_by_party", "Ukraine"),
    # "its" after a side that lets prisoners go is the other side's
    ("Kyiv said that Moscow had released 120 of its soldiers.", "120", "demonym_in_counted", "Ukraine"),
    ("Kyiv brought home 75 prisoners of war under the deal.", "75", "released_by_party", "Ukraine"),
    ("Among the freed Ukrainians were 31 officers.", "31", "people_of_party", "Ukraine"),
    ("In the swap 50 prisoners were freed by each side.", "50", "both_sides", None),
    ("Moscow gave back 60 Ukrainian marines and got back 58 Russians in return.", "58", "demonym_in_counted",
     "Russia"),
    # losses: the side that lost or suffered them; soldiers a side killed are its opponent's
    ("Ukrainian units killed 60 soldiers near the river.", "60", "killed_by_party", "Russia"),
    ("Moscow lost 300 men in the assault.", "300", "losses_of_party", "Russia"),
    ("Russia suffered 900 casualties on Monday.", "900", "losses_of_party", "Russia"),
    # the side a battle or an offensive "cost" its losses
    ("The push on the river crossing cost Kyiv 1,200 casualties.", "1,200", "losses_of_party", "Ukraine"),
    ("The winter campaign, costing the Russian army 4,000 wounded, stalled.", "4,000", "losses_of_party",
     "Russia"),
    ("Russian losses in May reached 31,000 people.", "31,000", "losses_of_party", "Russia"),
    ("Moscow loses roughly 25,000 men every month, analysts estimate.", "roughly 25,000", "losses_of_party",
     "Russia"),
    # civilians, whatever their nationality, when displaced or named so
    ("The raid killed 5 villagers and 2 soldiers at the checkpoint.", "2", "victims_unknown", None),
    ("Police found four bodies of civilians in the cellar.", "four", "civilian_noun", "civilians"),
    ("Some 40,000 Ukrainian refugees live in Poland.", "Some 40,000", "displaced_civilians", "civilians"),
    # ground: its holder, the subject that took it, the opponent of the land's owner
    ("About 600 square kilometres remain under the control of Ukraine.", "About 600 square kilometres",
     "owner_named", "Ukraine"),
    ("The army took 300 square kilometres of Russian territory.", "300 square kilometres", "land_of_party",
     "Ukraine"),
    ("Some 500 square kilometres of Ukrainian land were liberated.", "Some 500 square kilometres",
     "land_of_party", "Ukraine"),
    ("Moscow has seized 900 square kilometres of Ukrainian territory this year, against 400 square "
     "kilometres last year.", "400 square kilometres", "party_before", "Russia"),
    ("Kyiv's troops took 700 square kilometres in the offensive.", "700 square kilometres", "party_before",
     "Ukraine"),
    # a target ("at Ukraine") is not whose the weapons are
    ("Russia fired 38 missiles at the capital before dawn. Of them, 29 were brought down.", "29", "of_the_whole",
     "Russia"),
    ("Russia fired 38 missiles at the capital before dawn. Air defence units brought down 29.", "29",
     "of_the_whole", "Russia"),
    ("Russia fired 60 drones and 8 missiles at Ukraine overnight.", "8", "party_before", "Russia"),
    # the speaker's own side and its enemy ("us" in lower case is no country)
    ("“This lets us train 20,000 soldiers a year,” Oleksandr Syrskyi said.", "20,000", "own_side_of_claimant",
     "Ukraine"),
    ("Oleksandr Syrskyi said his forces had advanced 12 kilometres.", "12 kilometres", "own_side_of_claimant",
     "Ukraine"),
    ("“We destroyed 400 enemy soldiers,” Mr Zelensky said.", "400", "enemy_of_claimant", "Russia"),
    # an enemy that lost or suffered is the speaker's opponent, even after the speaker's own party word
    ("Ukraine's General Staff said the enemy had lost 1,150 soldiers since dawn.", "1,150", "enemy_of_claimant",
     "Russia"),
    ("The Russian Defence Ministry said the enemy lost some 260 servicemen and four tanks near the river.", "four",
     "enemy_of_claimant", "Ukraine"),
    ("Ukrainian officials said enemy losses had reached 1,700 overnight.", "1,700", "enemy_of_claimant", "Russia"),
    # what a side's official says "had been" downed was downed by that side: the enemy's
    ("The Belgorod governor said 12 drones had been shot down over the region.", "12", "enemy_of_claimant",
     "Ukraine"),
    # ... but an enemy that is only a target leaves the speaker's figure to the speaker
    ("“We pushed the enemy out of 5 square kilometres,” Oleksandr Syrskyi said.", "5 square kilometres",
     "own_side_of_claimant", "Ukraine"),
    ("Russia's ministry disputed claims that 3,000 of its soldiers had died.", "3,000", "demonym_in_counted",
     "Russia"),
    # the side the sentence before named, in one paragraph (a title naming a city is no side)
    ("Russia suffered heavy losses again. The tally in the Kyiv Post lists 30 tanks and 12 artillery systems.",
     "30", "party_of_paragraph", "Russia"),
    ("A Russian drone attack hit the Ukrainian city of Sumy. Four drones struck the centre.", "Four",
     "party_of_paragraph", "Russia"),
    # people a side's own official says were sent or called up are that side's troops; an analyst's count,
    # or soldiers only described, are no one's
    ("Some 9,000 citizens were sent to the armed forces, Defence Minister Sergei Shoigu said.", "Some 9,000",
     "forces_of_claimant", "Russia"),
    ("Some 9,000 citizens were sent to the armed forces, the Institute for the Study of War said.", "Some 9,000",
     "none", None),
    ("Small groups of four to six soldiers move at once, Oleksandr Syrskyi said.", "four to six", "none", None),
    # a call-up noun tells of the call-up by itself
    ("Some 40,000 draftees are in training camps, Defence Minister Sergei Shoigu said.", "Some 40,000",
     "forces_of_claimant", "Russia"),
    # equipment downed with no owner named: the speaker's side downed it, so it is the speaker's enemy's
    ("Ukraine's air force said 35 drones were downed overnight.", "35", "enemy_of_claimant", "Russia"),
    ("Russia's defence ministry said 35 drones were intercepted over the border region.", "35",
     "enemy_of_claimant", "Ukraine"),
    ("Moscow's 35 drones were downed before dawn.", "35", "party_before", "Russia"),
    # a speaker of a side outside the war owns nothing it reports; a side at war may (its own liberations)
    ("US officials said 11,500 were deployed to the region.", "11,500", "none", None),
    ("Seoul's spy agency assessed that 9,000 fighters were massed near the town.", "9,000", "none", None),
    ("Kyiv says it has liberated 61 settlements in the region.", "61", "party_before", "Ukraine"),
    # the weapons an attack is made with are the attacker's, not the target's
    ("Moscow attacked Ukraine with 110 drones before dawn.", "110", "attacked_with", "Russia"),
    ("Defenders held the line near the town, killing 250 occupiers.", "250", "demonym_in_counted", "Russia"),
    ("Moscow attacked Lviv with 70 drones and 6 missiles.", "6", "attacked_with", "Russia"),
    # ... down a list whose items carry quoted or slashed model names
    ('Moscow attacked Lviv with three "Kinzhal/Kh-47" missiles, a Kh-22/Kh-32 cruise missile and 40 drones.', "40",
     "attacked_with", "Russia"),
    ('Moscow attacked Lviv with three "Kinzhal/Kh-47" missiles, a Kh-22/Kh-32 cruise missile and 40 drones.',
     "three", "attacked_with", "Russia"),
    ("Kyiv hit two Russian airbases using 45 drones.", "45", "attacked_with", "Ukraine"),
    # the launcher named after the weapons, or the target named, whose opponent launched them
    ("Crews downed 52 drones launched by Russia.", "52", "launched_by", "Russia"),
    ("Of the 52 drones Moscow sent overnight, most were downed.", "52", "launched_by", "Russia"),
    ("All 52 missiles fired at Ukraine were tracked.", "52", "launched_by", "Russia"),
    ("Ukrainian troops knocked out 7 tanks near the river.", "7", "destroyed_by_party", "Russia"),
    ("Moscow's troops shelled the town, expending 300 shells.", "300", "attacked_with", "Russia"),
    # weapons given to a side are the receiver's, not the giver's
    ("Berlin will deliver 18 howitzers to Ukraine next year.", "18", "delivered_to", "Ukraine"),
    ("Washington has supplied 31 tanks to the Ukrainian army.", "31", "delivered_to", "Ukraine"),
    # a count after a list joiner is of the same side as the count it continues
    ("Moscow launched 90 drones, of which 70 were downed and another 15 were jammed.", "15", "of_the_whole",
     "Russia"),
    # ground gained is the side's that the change favours
    ("Near the dam the line shifted by 6 km in the Ukrainian army's favour.", "6 km", "in_favour_of", "Ukraine"),
    ("The front moved 4 km in favour of Moscow last month.", "4 km", "in_favour_of", "Russia"),
    # "others" are more of the victims named before them
    ("Moscow's artillery hit the market, killing 3 people and wounding 11 others.", "11", "others_of_before",
     "civilians"),
    ("The shelling killed an elderly man and hurt 2 others in the suburb.", "2", "others_of_before", "civilians"),
    ("Kyiv's drones killed 6 Russian soldiers and injured 9 others.", "9", "others_of_before", "Russia"),
    # ... and so is a bare count of a second harm joined to the victims named before it
    ("Attacks by Russian forces killed four civilians and wounded at least 25 overnight.", "at least 25",
     "victims_of_before", "civilians"),
    # a passive destroy verb names no side destroying: the side before it launched the drones, and keeps them
    ("Moscow sent 90 drones at night, of which 61 were downed and 20 were lost to jamming.", "20", "of_the_whole",
     "Russia"),
])
def test_whose_figure_it_is_in_the_article(text: str, figure: str, rule: str, actor: str | None) -> None:
    rows = extract_figures(text)
    row = rows[rows["text"] == figure].iloc[0]
    assert (row["rules"].split(";")[1], _actor(row)) == (f"actor={rule}", actor)


def _actor(row) -> str | None:
    return None if pd.isna(row["actor"]) else row["actor"]


@pytest.mark.parametrize(("text", "first", "second", "actor"), [
    ("Russia lost 800 soldiers killed, while Ukraine reported 200 killed.", "800", "200", None),
    ("About 600 North Korean soldiers fighting for Russia died and 4,000 others were wounded.", "About 600",
     "4,000", "North Korea"),
])
def test_a_figure_takes_the_actor_before_it_unless_another_side_opens_its_clause(
        text: str, first: str, second: str, actor: str | None) -> None:
    rows = extract_figures(text).set_index("text")
    assert _actor(rows.loc[first]) is not None and _actor(rows.loc[second]) == actor


def test_a_paragraph_break_ends_the_side_a_sentence_takes_from_the_one_before() -> None:
    rows = extract_figures("Russia suffered heavy losses again.\nThe tally lists 30 tanks.")
    assert rows.iloc[0]["rules"].split(";")[1] != "actor=party_of_paragraph"


def test_the_speaker_side_waits_for_the_claimant_and_stays_unknown_without_one() -> None:
    reading = reading_of("We have taken 40 square kilometres.", "40 square kilometres")
    assert reading.actor == OWN
    assert extract_figures("We have taken 40 square kilometres.")["actor"].isna().all()


def test_sides_come_from_the_claimants_registry() -> None:
    assert side_of("Oleksandr Syrskyi") == "Ukraine" and side_of("Mr Zelensky") == "Ukraine"
    assert side_of("Pentagon") is None  # not a side of this war


@pytest.mark.parametrize(("old", "new", "message"), [
    ('forces_kinds = ["government"', 'forces_kinds = ["goverment"', "'own_side.forces_kinds' holds 'goverment'"),
    ('forces_measures = ["troops"]', 'forces_measures = ["troop"]', "'own_side.forces_measures' holds 'troop'"),
])
def test_the_forces_of_a_claimant_name_known_kinds_and_measures(old: str, new: str, message: str) -> None:
    from importlib import resources

    from analysis.vocabulary import Actors, VocabularyError, load_vocabulary

    text = resources.files("analysis").joinpath("data", "actors.toml").read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(VocabularyError, match=message):
        load_vocabulary("actors", Actors, text=text.replace(old, new, 1))


def test_a_fate_counted_against_a_whole_carried_in_later_takes_its_side_from_its_own_words() -> None:
    rows = extract_figures("The General Staff said Russia lost 9 tanks. Its list also records 8 guns and "
                           "7 jets. Ukrainian gunners also shot down 50, the update said.")
    row = rows[rows["text"] == "50"].iloc[0]
    assert (row["actor"], "actor=destroyed_by_party" in row["rules"]) == ("Russia", True)


def test_a_count_sharing_the_next_counts_noun_keeps_its_own_nation() -> None:
    rows = extract_figures("The deal freed 95 Ukrainian and 95 Russian prisoners.")
    assert rows[["measure", "actor"]].values.tolist() == [["captured", "Ukraine"], ["captured", "Russia"]]


def test_parts_of_a_whole_before_take_its_side_whatever_else_their_sentence_names() -> None:
    rows = extract_figures("Russia handed back 150 Ukrainian soldiers on Friday. Of the 150 freed, 60 are marines "
                           "and 20 of them are medics. By service, the group includes 40 members of the National "
                           "Guard and 30 soldiers of the Armed Forces of Ukraine.")
    parts = rows[rows["text"].isin(["40", "30"])]
    assert parts[["measure", "actor"]].values.tolist() == [["captured", "Ukraine"], ["captured", "Ukraine"]]
