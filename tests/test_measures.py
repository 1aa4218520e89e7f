"""The measures stage on its own: which rule reads what each number counts.

Each row is a sentence in our own words, the figure's text, and the (rule, measure) expected.
"""
from __future__ import annotations

import pytest

import analysis
from analysis import extract_figures
from analysis.extract import measures
from analysis.extract.numbers import find_numbers
from analysis.extract.pipeline import read_figure
from analysis.extract.view import SentenceView


def reading_of(sentence: str, figure: str):
    """The measure reading of the number written ``figure`` in ``sentence``."""
    mentions = find_numbers(sentence)
    view = SentenceView.of(sentence, mentions)
    view.read = read_figure
    index = next(i for i, m in enumerate(mentions) if sentence[m.start:m.end] == figure)
    return view.reading(index)


@pytest.mark.parametrize(("sentence", "figure", "rule", "measure"), [
    ("About 3,000 troops crossed into the region.", "About 3,000", "troops_noun", "troops"),
    ("Twelve tanks were destroyed near the village.", "Twelve", "noun_after", "equipment"),
    ("The shelling killed 14 people and wounded 30 more.", "14", "noun_then_verb", "killed"),
    ("The shelling killed 14 people and wounded 30 more.", "30", "verb_before", "injured"),
    ("The blast took the lives of 9 villagers.", "9", "noun_then_verb", "killed"),
    ("Three miners were killed at the pit.", "Three", "noun_then_verb", "killed"),
    # the wounded a side captures are prisoners; prisoners back home are counted as such; engineers of an army
    ("The unit captured three wounded enemy soldiers.", "three", "captured_wounded", "captured"),
    ("Eighty of our defenders are back home.", "Eighty", "noun_then_verb", "captured"),
    ("Under the deal each side is to hand over 500 people.", "500", "noun_then_verb", "captured"),
    ("Pyongyang sent 2,000 military builders to the region.", "2,000", "troops_noun", "troops"),
    # what an offensive cost a side in men is its losses; a part named by its nation is of the whole's measure
    ("The winter offensive cost Moscow some 20,000 men.", "some 20,000", "noun_then_verb", "casualties"),
    ("Moscow has 40,000 troops in the area, including 9,000 North Koreans.", "9,000", "part_of_whole_with_noun",
     "troops"),
    # a headline's verbs in the present, each governing the number after it
    ("Drone strikes kill 4, injure 17 in Kherson region", "4", "verb_before", "killed"),
    ("Drone strikes kill 4, injure 17 in Kherson region", "17", "verb_before", "injured"),
    # weapons named by kind, an attack drone is no attack, the dead and wounded are casualties, wounds suffered
    ("The guns fired 480 projectiles at the bridge.", "480", "noun_after", "equipment"),
    ("The army lost 38 units of arms and military equipment.", "38", "noun_after", "equipment"),
    ("Moscow sent 310 Shahed attack drones over the border.", "310", "noun_after", "equipment"),
    ("The unit's dead and wounded numbered nearly 900.", "nearly 900", "toll_before", "casualties"),
    ("The number of fighters killed or wounded in the siege is now approaching 9,000.", "approaching 9,000",
     "toll_before", "casualties"),
    ("The true toll likely lies between 3,000 and 4,500.", "between 3,000 and 4,500", "toll_before", "killed"),
    ("The dead now number in the vicinity of 1,200.", "in the vicinity of 1,200", "toll_before", "killed"),
    # surrender told as giving oneself up; vehicles named as cars and automotive equipment
    ("Some 40 marines laid down their arms and gave themselves up.", "Some 40", "noun_then_verb", "captured"),
    ("Drones wrecked 51 automobiles and 9 tanks.", "51", "noun_after", "equipment"),
    ("Air defences tracked 72 air targets and downed 51 aerial targets.", "72", "noun_after", "equipment"),
    ("The army lost 14 armored personnel vehicles.", "14", "noun_after", "equipment"),
    ("Later, the ministry said, it handed 85 Ukrainian troops back to Kyiv.", "85", "noun_then_verb", "captured"),
    # captivity told by an adjective: prisoners, whose nation the words after it name
    ("Moscow gave back 95 captive Ukrainian soldiers.", "95", "noun_after", "captured"),
    # the war's length told from its start: "N months after ... the invasion", up to the clause's end
    ("Nearly four months after the Kremlin ordered the invasion, the front barely moved.", "Nearly four months",
     "unit_duration", "duration"),
    # a word of "more" may stand between a casualty verb and its number
    ("A drone hit the market, killing two people and injuring another 14.", "14", "verb_before", "injured"),
    # recruits taken into the army are troops
    ("Since January, 150,000 people have been accepted into the ranks of the army.", "150,000", "noun_then_verb",
     "troops"),
    # a verb after a modal ("may be internally displaced")
    ("Up to 7 million more may be internally displaced, the agency warned.", "Up to 7 million", "verb_after",
     "displaced"),
    # a count and its nation may share the noun of the next count
    ("The deal freed 95 Ukrainian and 95 Russian prisoners.", "95", "noun_after", "captured"),
    # the verb after a long list is read from its last item
    ("Some 900 men, some 400 women, some 80 boys and 60 girls were killed.", "Some 900", "noun_then_verb",
     "killed"),
    # a word in quotes may stand between a count and its noun
    ('Gunners downed all 35 Shahed-type "kamikaze" drones.', "35", "noun_after", "equipment"),
    # ... or a quote that opens the phrase of the noun
    ('Moscow said its gunners downed 48 "Ukrainian attack drones" over the border.', "48", "noun_after",
     "equipment"),
    # ... and a figure quoted on its own, its noun after the closing quote
    ('Kyiv puts the dead at "well over 40,000" Russian soldiers.', "well over 40,000", "noun_then_verb", "killed"),
    ("The army said “nearly 300” Russian soldiers were killed.", "nearly 300", "noun_then_verb", "killed"),
    ("Another 40 have suffered wounds since spring.", "40", "verb_after", "injured"),
    ("The number of people killed when the glide bomb tore through the shopping centre on the edge of the city "
     "has reached 17.", "17", "toll_before", "killed"),
    # a part named by the group of victims it is among, not by the count listed just before it
    ("The blast killed 9 and hurt 30, with two medics among the dead.", "two", "among_the", "killed"),
    # leaving, escaping or crossing out of the fighting is displacement; an unknown fate is the missing
    ("Nearly 900 villagers managed to leave the district by bus.", "Nearly 900", "noun_then_verb", "displaced"),
    ("Some 2,500 residents had crossed into the neighbouring region.", "Some 2,500", "noun_then_verb",
     "displaced"),
    ("The whereabouts of 65 villagers are still unknown.", "65", "noun_then_verb", "missing"),
    ("About 700 people are leaving the district every day.", "About 700", "noun_then_verb", "displaced"),
    ("A drone attack on the port killed 12.", "12", "verb_before", "killed"),
    ("The army advanced 9 kilometres toward the town.", "9 kilometres", "unit_advance", "advance"),
    ("The brigade advanced up to 3.5 km southwest of the town.", "up to 3.5 km", "unit_advance", "advance"),
    ("The brigade pushed a further 2 km north of the river.", "2 km", "unit_advance", "advance"),
    ("Forces took 120 square kilometres in a week.", "120 square kilometres", "unit_area", "area"),
    ("The war has lasted 1,000 days.", "1,000 days", "unit_duration", "duration"),
    ("The town has been under attack for almost a year.", "almost a year", "unit_duration", "duration"),
    ("Fighting around the fortress has now continued for nine months.", "nine months", "unit_duration",
     "duration"),
    # a call-up in the present or to come, also of "an additional" number
    ("The ministry intends to mobilise an additional 90,000 people.", "90,000", "noun_then_verb", "troops"),
    ("Minsk may conscript 7,000 people this autumn.", "7,000", "noun_then_verb", "troops"),
    ("The commander spoke after the eight-month fight for the town ended.", "eight-month", "unit_duration",
     "duration"),
    ("Some 5,000 residents fled the city.", "Some 5,000", "noun_then_verb", "displaced"),
    ("The fighting left 8 dead, including two children.", "two", "noun_then_verb", "killed"),
    # the measure comes from the event: nationalities and other people are what the clause makes them
    ("Police said 14 Belarusians were freed on Sunday.", "14", "noun_then_verb", "captured"),
    ("Moscow said 95 Georgians and 90 Chechens were released.", "95", "noun_then_verb", "captured"),
    ("The ministry said 45,000 people were called up in the first month.", "45,000", "noun_then_verb", "troops"),
    ("About 6,500 citizens volunteered before the decree.", "About 6,500", "noun_then_verb", "troops"),
    ("Some 2.4 million Ukrainians are now registered as refugees across the bloc.", "Some 2.4 million",
     "noun_then_verb", "displaced"),
    ("Officials said 9,000 residents have already left the district.", "9,000", "noun_then_verb", "displaced"),
    ("About 60,000 Ukrainians were under temporary protection in Poland by March.", "About 60,000",
     "noun_then_verb", "displaced"),
    ("Shelling forced 2,300 villagers to flee their homes.", "2,300", "noun_then_verb", "displaced"),
    ("Around 4 million Ukrainians remain abroad, the agency said.", "Around 4 million", "noun_then_verb",
     "displaced"),
    # the war country's people in another country are refugees
    ("Roughly 980,000 Ukrainians are in Poland today.", "Roughly 980,000", "nationals_abroad", "displaced"),
    ("The governor ordered 700 residents to leave the town.", "700", "noun_then_verb", "displaced"),
    ("About 2,500 residents left the town before the assault.", "About 2,500", "noun_then_verb", "displaced"),
    # "N more were hurt": the count goes on with its verb
    ("Two people died, and 6 more were hurt, officials said.", "6", "verb_after", "injured"),
    # "destroyed" said of soldiers counted by their noun is killed (of equipment or a bare count it is not)
    ("Its artillery destroyed up to 70 enemy servicemen near the village.", "up to 70", "noun_then_verb",
     "killed"),
    ("Up to 70 enemy servicemen were destroyed near the village.", "Up to 70", "noun_then_verb", "killed"),
    ("Its artillery destroyed 12 tanks near the village.", "12", "noun_after", "equipment"),
    # Ukrainian reporting's words for Russia's soldiers count soldiers
    ("Defenders held the line, killing 250 occupiers.", "250", "noun_then_verb", "killed"),
    # the weapons aid packages name by their model
    ("The new package holds 80 Humvees and three Patriot batteries.", "80", "noun_after", "equipment"),
    ("The new package holds 80 Humvees and three Patriot batteries.", "three", "noun_after", "equipment"),
    ("Marines captured three Chechen fighters who were fighting near the bridge.", "three", "noun_then_verb",
     "captured"),
    ("Some 4,000 Russian soldiers died or were injured in the assault.", "Some 4,000", "noun_then_verb",
     "casualties"),
    ("Doctors said eleven people were (hospitalised) overnight.", "eleven", "noun_then_verb", "injured"),
    ("Twelve people were left injured and nine are still missing.", "nine", "verb_after", "missing"),
    ("Kyiv and Moscow agreed a 150-for-150 swap on Friday.", "150", "swap", "captured"),
    ('Kyiv and Moscow began a "500 for 500" prisoner exchange.', "500", "swap", "captured"),
    # figures whose noun is elsewhere
    ("The convoy carried 310 evacuees, among them 40 children and 12 elderly residents.", "12",
     "people_in_a_list", "displaced"),
    ("Kyiv got back 140 prisoners, 120 Ukrainians and 20 Moldovans, in the deal.", "120", "noun_then_verb",
     "captured"),
    ("Six died in the first village and four in the second.", "four", "elided_count", "killed"),
    ("The army planned 12 new brigades, and three have been formed.", "three", "elided_count", "units"),
    # counts by the airspace they fell in, and "another" count of the same
    ("Air defences downed 31 drones, with 20 over Bryansk and 11 over Oryol.", "20", "elided_count", "equipment"),
    ("Of 50 drones, 40 were downed and another 6 were jammed.", "6", "elided_count", "equipment"),
    ("The army launched 90 drones overnight, 70 of which were shot down.", "70", "part_of_whole", "equipment"),
    ("Officials said 800 more marines had landed, bringing the total on the island to about 5,000.",
     "about 5,000", "part_of_whole", "troops"),
    ("The number of foreign fighters in the province has risen by about 1,500.", "about 1,500", "toll_before",
     "troops"),
    ("Officials put the number of its soldiers in the province — where fighting resumed in spring after a "
     "pause of several months — at about 4,000.", "about 4,000", "toll_before", "troops"),
    ("He stressed the toll on the invaders, saying their losses now stand at 90,000.", "90,000", "toll_before",
     "casualties"),
    # ... and a qualifier after the toll word ("exceed" says "at least") leaves it right before the figure
    ("He stressed the toll on the invaders, saying their losses exceed 90,000.", "exceed 90,000", "verb_before",
     "casualties"),
    # a casualty word after the soldiers of a toll says what happened to them
    ("Seoul said the number of Pyongyang's soldiers killed so far had climbed to 420.", "420", "toll_before",
     "killed"),
    ("The tally of enemy troops wounded near the dam now stands at 1,350.", "1,350", "toll_before", "injured"),
    ("By spring the number of marines taken prisoner reached 640.", "640", "toll_before", "captured"),
    ("The number of reservists sent to the front line has grown to 9,500.", "9,500", "toll_before", "troops"),
    ("The enemy lost 950 units of armoured equipment.", "950", "noun_after", "equipment"),
    ("Their convoy included 14 Leopard tanks.", "14", "noun_after", "equipment"),
    # a single item of a daily tally is counted by its singular noun ("one mortar"), and a "fighter
    # jet" is equipment though "fighters" are troops
    ("The brigade hit one mortar and one radar station near the river.", "one", "noun_after", "equipment"),
    ("Two helicopters and one fighter jet were shot down.", "one", "noun_after", "equipment"),
    # a list of three or more keeps its verb at the end
    ("Some 400 soldiers, 12 tanks and 30 trucks were put out of action.", "Some 400", "noun_then_verb",
     "casualties"),
    ("Kyiv said 900 soldiers, 40 tanks and 60 armoured vehicles lost on Monday.", "900", "noun_then_verb",
     "casualties"),
    ("The general said the enemy suffered 700 \u201csanitary losses\u201d in a week.", "700", "noun_after", "injured"),
    ("The toll in the town climbed up to 17 by evening.", "17", "toll_before", "killed"),
    ("By Friday the death toll had gone up to 26.", "26", "toll_before", "killed"),
    # the event may be told at length between the toll and its link
    ("The death toll from Sunday's glide bomb attack on a crowded market square in the centre of Sumy has "
     "climbed to 19.", "19", "toll_before", "killed"),
    ("Medics said the number of wounded shot up to 48 overnight.", "48", "toll_before", "injured"),
    ("Nine people were killed: seven were pulled from the ruins and two died later.", "seven", "part_of_whole",
     "killed"),
    ("Five children died: two boys (aged 5 and 9) and three girls.", "three", "people_in_a_list", "killed"),
    ("Of the detainees, 11 people \u2013 ten men and a woman \u2013 were found dead.", "11", "noun_then_verb",
     "killed"),
    # an average is a link too: "losses averaged ..."
    ("The invaders' losses have averaged close to 1,100 a day since spring.", "close to 1,100", "toll_before",
     "casualties"),
    # one verb over a whole list reaches its last items
    ("The brigade lost 6 tanks, 3 howitzers and 250 men in two days.", "250", "noun_then_verb", "casualties"),
    ("The raid killed 5 villagers and 2 soldiers at the checkpoint.", "2", "noun_then_verb", "killed"),
    # a verb after the list that people head is said of them too
    ("Some 60 soldiers and 4 tanks were lost near the bridge.", "Some 60", "noun_then_verb", "casualties"),
    ("Up to 45 servicemen, 2 howitzers and 6 trucks were destroyed overnight.", "Up to 45", "noun_then_verb",
     "killed"),
    # also past items counted by an article ("a tank"), and one after the list's end ("as well as a howitzer")
    ("Over 90 soldiers, a tank, 2 trucks, as well as a howitzer were destroyed.", "Over 90", "noun_then_verb",
     "killed"),
    # people handed over or got back in an exchange are prisoners
    ("Moscow gave back 60 Ukrainian marines and got back 58 Russians in return.", "60", "exchanged", "captured"),
    ("Moscow gave back 60 Ukrainian marines and got back 58 Russians in return.", "58", "exchanged", "captured"),
    # soldiers that number a count are troops
    ("When the war began, the army of Moldova stood at 6,000 people.", "6,000", "noun_then_toll", "troops"),
    ("Before the war, the armed forces amounted to between 190,000 and 200,000 people.",
     "between 190,000 and 200,000", "noun_then_toll", "troops"),
    ("Pyongyang's soldiers in the province numbered close to 11,500 by then.", "close to 11,500", "toll_before",
     "troops"),
    # a bare count that was shot down continues the equipment count before it
    ("Moscow sent 64 attack drones against the region overnight; 41 were intercepted.", "41", "equipment_fate",
     "equipment"),
    ("Moscow sent 64 attack drones against the region overnight, and air defences intercepted 41.", "41",
     "equipment_fate", "equipment"),
    ("Moscow sent 64 attack drones overnight; 41 were intercepted and 9 reached their targets.", "9",
     "equipment_fate", "equipment"),
    # the verb after "N of the M <people>" says what befell the part; the whole is the group they were of
    ("Four of the 30 marines were killed in the ambush.", "Four", "part_of_next", "killed"),
    ("Four of the 30 marines were killed in the ambush.", "30", "troops_noun", "troops"),
    ("Six of the 25 detainees were wounded.", "Six", "part_of_next", "injured"),
    ("Nine of the 60 residents were hurt.", "Nine", "part_of_next", "injured"),
    ("Seven of the 40 reservists sent to the front were killed.", "Seven", "part_of_next", "killed"),
    ("East of the river the front line shifted by 7 km over the winter.", "7 km", "unit_advance", "advance"),
    # people coming home are freed prisoners only where the text speaks of captivity or a swap
    ("After the swap, 140 Ukrainians came home to Chernihiv.", "140", "noun_then_verb", "captured"),
    # prisoners a side recruits are its troops
    ("Moscow has enlisted 8,000 prisoners for its assault units.", "8,000", "recruited_prisoners", "troops"),
    ("The group recruited 40,000 convicts in a year.", "40,000", "noun_then_verb", "troops"),
    # the value a figure is compared with, or changed from, counts what the figure counts
    ("Medics said 14 were hurt by nightfall, up from 9 at noon.", "9", "earlier_value", "injured"),
    ("The daily count of enemy dead fell to 700, down from 950 a week before.", "950", "earlier_value", "killed"),
    ("The regiment's strength went from 2,400 to 1,900 over the winter.", "2,400", "earlier_value", "troops"),
    ("The tally of captured marines rose from 80 in spring to 130 by autumn.", "80", "earlier_value", "captured"),
    # the change itself counts what the new total counts
    ("The enemy's losses climbed by 14 to 520 armoured vehicles.", "14", "earlier_value", "equipment"),
])
def test_each_measure_rule_reads_its_construction(sentence: str, figure: str, rule: str, measure: str) -> None:
    reading = reading_of(sentence, figure)
    assert (reading.measure_rule, reading.measure) == (rule, measure)


@pytest.mark.parametrize(("sentence", "figure"), [
    ("The bridge was built in 1954.", "1954"),              # a year
    ("Prices rose by 12% in a month.", "12%"),              # a percentage
    ("The law was passed on 5 March.", "5"),                # a day of a month
    ("He said the army loses three men for every one it kills.", "three"),           # a ratio
    ("The brigade advanced along a 25-kilometre front near the river.", "25-kilometre"),  # a front's length
    ("Troops pushed forward on the roughly 500-mile line of contact.", "roughly 500-mile"),
    ("The air force counted 48 missile strikes and 30 drone attacks.", "48"),          # attacks
    ("The count was 700 more soldiers than a month before.", "700"),                   # a difference
    ("Kyiv now fields 25 fewer tanks than last year.", "25"),
    # a length to a place is where something is, not an advance, unless an advance word comes right before it
    ("The brigade took a hamlet 14 km north of the city while advancing.", "14 km"),
    ("The town sits 30 km (19 miles) east of the border, where the incursion began.", "30 km"),
    # people rescued were not harmed: a harm told further on is another figure's
    ("Crews said 25 people have been rescued and 12 more are still missing.", "25"),
    # a time after "in" that frames a record is no length of the war
    ("It was the deadliest Russian attack on the region in almost two years.", "almost two years"),
    # a time after an event that began no war or operation, or past the clause, is no length of the war
    ("The strikes came nearly a week after a Russian attack on the capital.", "nearly a week"),
    ("Three weeks after he was elected, the president toured the war zone.", "Three weeks"),
])
def test_numbers_that_count_nothing_have_no_reading(sentence: str, figure: str) -> None:
    mentions = find_numbers(sentence)
    if not any(sentence[m.start:m.end] == figure and m.kind == "quantity" for m in mentions):
        return  # the number reader already set it aside
    assert reading_of(sentence, figure) is None


def test_the_rules_are_tried_in_their_listed_order() -> None:
    names = [rule.__name__ for rule in measures.MEASURE_RULES]
    assert names[0] == "one_person" and len(names) == len(set(names))


def test_a_list_nested_past_the_depth_limit_still_reads_in_bounded_time() -> None:
    sentence = "Only " + "5 of " * 200 + "12 soldiers returned."
    mentions = find_numbers(sentence)
    view = SentenceView.of(sentence, mentions)
    view.read = read_figure
    readings = [view.reading(i) for i in range(len(mentions))]
    assert readings[-1] is not None and readings[-1].measure == "troops"


@pytest.mark.parametrize(("text", "figure", "rule", "measure"), [
    ("Moscow sent 64 attack drones overnight. Air defences intercepted 41 of them.", "41", "equipment_fate",
     "equipment"),
    ("Moscow sent 64 attack drones overnight. Forty-one of them were intercepted.", "Forty-one", "equipment_fate",
     "equipment"),
    # ... also after a clause of speech that opens the sentence, and for the weapons lost or gone astray
    ("Moscow sent 64 attack drones overnight. Another 11 were jammed.", "11", "equipment_fate", "equipment"),
    ("Moscow sent 64 attack drones overnight. The air force said 41 of them were intercepted.", "41",
     "equipment_fate", "equipment"),
    ("Moscow sent 64 attack drones overnight. It said 41 were downed and 9 failed to reach their targets.", "9",
     "equipment_fate", "equipment"),
    ("The unit took 200 prisoners on the river. 35 of them were wounded.", "35", "verb_after", "injured"),
    # soldiers listed as parts of freed prisoners are prisoners, down the list too
    ("Kyiv got 150 of its soldiers back in the swap. Among them are 31 officers and 72 sergeants.", "31",
     "part_of_whole_with_noun", "captured"),
    ("Kyiv got 150 of its soldiers back in the swap. Among them are 31 officers and 72 sergeants.", "72",
     "part_of_whole_with_noun", "captured"),
    ("The swap freed 150 defenders. The group includes 40 sailors, 35 marines and 12 pilots.", "12",
     "part_of_whole_with_noun", "captured"),
    # ... also past a sentence between that counts nothing, within the paragraph
    ("Moscow launched 64 drones overnight. Air defences were busy across the country. Forty-one of them were "
     "intercepted.", "Forty-one", "equipment_fate", "equipment"),
    ("Kyiv got 150 of its soldiers back in the swap. Officials called it the largest so far. The group "
     "includes 40 sailors and 12 pilots.", "12", "part_of_whole_with_noun", "captured"),
    # ... and past one that ends its paragraph: the part opens the next
    ("Kyiv got 150 of its soldiers back in the swap. Officials called it the largest so far.\n\nIn all, the "
     "group includes 40 sailors and 12 pilots.", "40", "part_of_whole_with_noun", "captured"),
    # ... also when the part's people are named after a copula
    ("A missile killed 48 people in the town. Of those, 19 were children.", "19", "part_of_whole", "killed"),
    # an aside crediting the part may stand between it and the words that make it one
    ("Kyiv got 150 of its soldiers back in the swap. Among them, according to the ministry, are 31 officers.",
     "31", "part_of_whole_with_noun", "captured"),
    ("Kyiv got 150 of its soldiers back in the swap. Among them, the ministry said, were 31 officers.",
     "31", "part_of_whole_with_noun", "captured"),
    ("The strike killed 51 people, including, officials said, 12 children.", "12", "part_of_whole_with_noun",
     "killed"),
])
def test_a_part_that_opens_its_sentence_is_a_part_of_the_figure_before(text, figure, rule, measure) -> None:
    assert _measure_and_rule(text, figure) == (measure, rule)


@pytest.mark.parametrize("text", [
    "Five of them said nothing.",                             # no sentence before: no whole
    "The brigade lost 30 tanks. Five of them said nothing.",  # a part, but of no count the text gives
])
def test_a_part_of_no_figure_is_no_figure(text) -> None:
    assert "Five" not in set(analysis.extract_figures(text)["text"])


def test_people_coming_home_without_captivity_are_no_prisoners() -> None:
    rows = extract_figures("Nearly 900,000 Ukrainians have returned home from abroad this year.")
    assert "captured" not in set(rows["measure"].astype(str))


def test_other_nationals_in_a_country_are_no_refugees() -> None:
    rows = extract_figures("About 11,000 North Koreans are in Russia, officials in Seoul believe.")
    assert "displaced" not in set(rows["measure"].astype(str))


@pytest.mark.parametrize(("text", "figure", "rule", "measure"), [
    # a toll noun with its owner told at length before the link: "losses of <the side, the zone, the day> came to"
    ("The losses of the Ukrainian forces across the whole area of the operation over the past day came to about "
     "900 servicemen.", "about 900", "noun_then_toll", "casualties"),
    # a qualifier that is a verb links the toll too; a count may be "the N mark"
    ("The number of displaced people exceeded 5 million in May.", "exceeded 5 million", "toll_before",
     "displaced"),
    ("The number of people driven from their homes has passed the 5 million mark.", "passed the 5 million",
     "toll_before", "displaced"),
    # a count set off by dashes restates the noun of things or of the displaced right before it
    ("Air defences said most of the drones – 52 – fell over the sea.", "52", "apposed_count", "equipment"),
    ("A third of the refugees – 1.1 million people – are now in Poland.", "1.1 million", "apposed_count",
     "displaced"),
    # people listed after a toll's first item are of the toll, whatever their own nouns count
    ("The death toll takes in 9,000 volunteers, 6,500 recruited convicts and 4,000 mobilised soldiers.", "4,000",
     "toll_list_item", "killed"),
    # a toll that "ranges" over a range
    ("Counting the graves missed, the true number of deaths may range from 90,000 to 140,000.",
     "from 90,000 to 140,000", "toll_before", "killed"),
    # the items of a list split by semicolons, each a label and its count, count what the first counts
    ("In the north, enemy losses exceeded 120 servicemen; in the west — more than 90; and in the south — up to "
     "40 servicemen.", "more than 90", "parallel_item", "casualties"),
    ("In the north, enemy losses exceeded 120 servicemen; in the west — more than 90; and in the south — up to "
     "40 servicemen.", "up to 40", "parallel_item", "casualties"),
])
def test_a_figure_reads_as_the_toll_or_list_item_before_it(text, figure, rule, measure) -> None:
    assert _measure_and_rule(text, figure) == (measure, rule)


def _measure_and_rule(text: str, figure: str) -> tuple[str, str]:
    """The measure of the first figure written as ``figure`` (or starting so), and its measure rule."""
    rows = analysis.extract_figures(text)
    row = rows[rows["text"].str.startswith(figure)].iloc[0]
    return row["measure"], dict(part.split("=") for part in row["rules"].split(";"))["measure"]


def test_a_count_in_dashes_after_people_is_read_by_what_befell_them() -> None:
    rows = analysis.extract_figures("The strike hit soldiers — 40 of them — who died at once.")
    assert "measure=apposed_count" not in ";".join(rows["rules"])


def test_a_clause_with_a_verb_of_its_own_is_no_item_of_the_list_before() -> None:
    rows = analysis.extract_figures("Enemy losses exceeded 120 servicemen; in the west, 90 soldiers were deployed.")
    assert rows.set_index("text").loc["90", "measure"] == "troops"


def test_the_second_side_of_a_swap_restates_the_first() -> None:
    rows = analysis.extract_figures('Kyiv and Moscow began a "500 for 500" prisoner exchange.')
    assert rows["value"].tolist() == [500.0]
