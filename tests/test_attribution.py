"""Claimants: every way a text credits a figure to someone."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import extract_figures

CASES = [
    # X said / said X / according to X / X told reporters
    ("Governor Ivan Fedorov said six people were killed.", "Ivan Fedorov", "Governor"),
    ("Six people were killed, said Ivan Fedorov, the regional governor.", "Ivan Fedorov", None),
    ("Six people were killed, according to regional Governor Ivan Fedorov.", "Ivan Fedorov", "regional Governor"),
    # the words of a role after its last title ("of Ukraine") are the role's, not the name's
    ("Interior Minister of Ukraine Ihor Klymenko said six people were killed.", "Ihor Klymenko",
     "Interior Minister of Ukraine"),
    # a place before or after the name is the role's ("Mayor of Kharkiv", "Governor ... of Zaporizhzhia")
    ("Mayor of Kharkiv Ihor Terekhov said six people were killed.", "Ihor Terekhov", "Mayor of Kharkiv"),
    ("Head of Kharkiv Oblast Oleh Syniehubov said six people were killed.", "Oleh Syniehubov",
     "Head of Kharkiv Oblast"),
    ("Regional Governor Ivan Fedorov of Zaporizhzhia said six people were killed.", "Ivan Fedorov",
     "Regional Governor of Zaporizhzhia"),
    ("Pentagon spokesman Maj. Gen. Pat Ryder told reporters that 10,000 troops were in Kursk.", "Pat Ryder", None),
    # a summing up is a statement too
    ("The governor summed up the night in a post: shelling killed 4 people.", "governor", None),
    ("The Pentagon stated that at least 10,000 North Korean soldiers are stationed there.", "Pentagon", None),
    # a document "finds"; others who found something are no source
    ("More than 2 million people had fled the east, a survey by the International Organisation for Migration "
     "found.", "International Organization for Migration", None),
    ("Some 900 civilians died in March, the Office of the United Nations High Commissioner for Human Rights said.",
     "OHCHR", None),
    # a document "posted" or "released" is no speaker's verb: who told of it is
    ("Army chief Oleksandr Syrskyi told President Volodymyr Zelensky in a video posted on Sunday that his men hold "
     "700 square kilometres.", "Oleksandr Syrskyi", None),
    ("Some 3 million people have left Ukraine, according to the United Nations High Commissioner for Refugees.",
     "UNHCR", None),
    ("Two people died in the strike on Mykolaiv, Operational Command South of the Ukrainian Armed Forces reported.",
     "Operational Command South", None),
    # a name followed by several descriptions is the source, not its last description
    ("Mediazona, an independent Russian outlet, working with volunteers, has counted 80,000 dead soldiers.",
     "Mediazona", None),
    # a count's finder is its source
    ("Working with volunteers, Mediazona has established the names of 90,000 Russian soldiers who died.",
     "Mediazona", None),
    ("The BBC has identified 90,000 dead Russian soldiers by name.", "BBC", None),
    ("Going through obituaries, Mediazona found that 4,000 officers were among the dead.", "Mediazona", None),
    # attribution after the figure
    ("Russian strikes killed 12 civilians, the governor said.", "governor", None),
    ("Ukraine lost up to 460 soldiers, the Russian Defence Ministry said.", "Russian Defence Ministry", None),
    # bodies keep their short names
    ("According to Ukraine's General Staff, Russia has lost 1,300 soldiers.", "Ukrainian General Staff", None),
    ("South Korea's National Intelligence Service estimated that 300 North Korean soldiers were killed.", "NIS", None),
    ("Russia captured 725 square kilometres in November, according to the Institute for the Study of War.",
     "Institute for the Study of War", None),
    # a body named by its initials keeps their last full stop; a country, however written, is named as such
    ("A drone hit a clinic in Kherson and injured 9 civilians, the U.N. said.", "United Nations", None),
    ("A drone hit a clinic in Kherson and injured 9 civilians, the U.S. said.", "United States", None),
    ("According to the US, 9 civilians were injured in Kherson.", "United States", None),
    ("Britain said 9 civilians were injured in Kherson.", "United Kingdom", None),
    # a speaker citing what is no one ("intelligence information") is the source
    ("The UK Ministry of Defence said, citing intelligence information, that 4,000 North Korean soldiers had died.",
     "Britain's Ministry of Defence", None),
    # "the country's" agency cited by a speaker is that of the speaker's country
    ("Some 300 North Korean soldiers have died, a South Korean MP said on Friday, citing the country's spy agency.",
     "NIS", None),
    # "registered as refugees" is no speech: its subject is no claimant
    ("Nearly 640,000 Ukrainians have registered as refugees in Czechia, the UN refugee agency said.", "UNHCR",
     None),
    # a country's data are that country's ("Russian data": Russia, not the word "Russian")
    ("Ukrainian figures indicate that 35 tanks were lost near the bridgehead.", "Ukraine", None),
    # a group named by its country speaks; the bare group is nobody in particular
    ("Moscow's troops gained 2 km near the river, Ukrainian analysts said.", "Ukrainian analysts", None),
    ("Moscow's troops gained 2 km near the river, analysts said.", None, None),
    # the body that published or released the figures is their source
    ("Moscow has lost 980 men in a day, according to numbers released by Ukraine's General Staff on Sunday.",
     "Ukrainian General Staff", None),
    ("The army took 14 villages, according to maps made public by the Institute for the Study of War.",
     "Institute for the Study of War", None),
    # lists of claimants
    ("Intelligence assessments from the U.S., South Korea, and Ukraine indicate that up to 12,000 troops were sent.",
     "U.S., South Korea and Ukraine intelligence", None),
    # appositions
    ("Andrii Kovalenko, head of the counter-disinformation centre, said 3,000 soldiers arrived.", "Andrii Kovalenko",
     "head of the counter-disinformation centre"),
    # lists of parties, bodies in apposition, claims made by someone
    ("Last fall, Ukraine, the United States and South Korea all said North Korea had sent 10,000 troops.",
     "Ukraine, United States and South Korea", None),
    ("DeepState, a monitoring project with ties to Ukraine's military, said Russia seized 259 square kilometres.",
     "DeepState", None),
    ("Syrskyi dismissed the claim made by Russian President Vladimir Putin that 2,000 soldiers were encircled.",
     "Vladimir Putin", None),
    ("The General Staff put Russia's losses at no fewer than 1,300 soldiers.", "Ukrainian General Staff", None),
    # a place or body before the title is part of the role: the name begins after the last title word
    ("Zaporizhzhia Governor Ivan Fedorov said three people died.", "Ivan Fedorov", "Zaporizhzhia Governor"),
    ("Three people died overnight, Sumy regional governor Volodymyr Artiukh said.", "Volodymyr Artiukh",
     "Sumy regional governor"),
    ("Kursk acting governor Pavel Orlov said 2,000 residents had left.", "Pavel Orlov", None),
    ("NATO Secretary General Mark Rutte told reporters that 10,000 North Korean troops had come.", "Mark Rutte",
     None),
    ("UN rights chief Volker Turk reported 57 more civilian deaths.", "Volker Turk", None),
    ("Donetsk regional military administration head Vadym Filashkin said seven were killed.", "Vadym Filashkin",
     None),
    # one spelling per person
    ("Zelenskiy said 3,000 North Korean soldiers were killed.", "Volodymyr Zelensky", None),
    # the outlet's own voice
    ("Russian advances have sped up, with gains of up to 9 kilometers in the Donetsk region.", None, None),
    ("Reports indicate that Russian forces advanced 5 kilometres.", None, None),
]


@pytest.mark.parametrize(("sentence", "claimant", "role"), CASES, ids=[c[0][:60] for c in CASES])
def test_claimant_of_a_sentence(sentence, claimant, role):
    row = extract_figures(sentence).iloc[0]
    got = None if row.claimant is None or str(row.claimant) == "<NA>" else row.claimant
    assert (got if claimant is None else str(got).lower()) == (None if claimant is None else claimant.lower())
    if role is not None:
        assert row.claimant_role == role


@pytest.mark.parametrize(("text", "claimant"), [
    # a pronoun resolves to the last named speaker; a surname to the full name
    ("Defense Minister Rustem Umerov spoke on Tuesday. He noted that 3,000 soldiers had arrived.", "Rustem Umerov"),
    ("Defense Minister Rustem Umerov described the clashes. Umerov also mentioned five North Korean units.",
     "Rustem Umerov"),
    # a document named again ("the analysis") is that of the last source credited, not of a name only mentioned
    ("Russia took 190 square km in June, according to an AFP analysis. The pace has slowed since President "
     "Vladimir Putin ordered the invasion. In July, troops took 160 square km, according to the analysis.", "AFP"),
    # the UN named after one of its agencies was credited is that agency
    ("The UN human rights office has counted the dead. According to UN data, 900 civilians were killed in March.",
     "OHCHR"),
    # a role noun resolves to the body it stands for
    ("The Russian Defence Ministry published its update. The ministry said 40 tanks were destroyed.",
     "Russian Defence Ministry"),
    # ... and to the person named with the role ("pointed out", "stressed" are speech verbs too)
    ("Defence Minister Rustem Umerov met the troops. The defence minister pointed out that 3,000 recruits had arrived.",
     "Rustem Umerov"),
    ("Defence Minister Rustem Umerov met the troops. The minister stressed that 4,000 soldiers had arrived.",
     "Rustem Umerov"),
    ("South Korea's National Intelligence Service briefed lawmakers. The agency said 600 soldiers were killed.", "NIS"),
    # a defence ministry is "the military" later on
    ("The Russian Defence Ministry reported on the night. The military said 15 drones were downed at sea.",
     "Russian Defence Ministry"),
    # ... also when the body was named by an acronym: the registry's other names for it give its nouns
    ("UNHCR updated its tallies. Some 900 refugees crossed on Monday, the agency said.", "UNHCR"),
    # a quote over several sentences belongs to its speaker
    ("“We have lost contact with them. More than 100 people are missing,” said Mayor Ihor Terekhov.", "Ihor Terekhov"),
    # ... and over paragraphs: a paragraph that is a quote credited to no one goes on with the speaker of
    # the quote that ends the paragraph before
    ("“Crews worked all night,” Mayor Ihor Terekhov added.\n\n“Cranes came in. Six people were hospitalised "
     "after the strike.”", "Ihor Terekhov"),
    # the rest of a paragraph continues the statement
    ("The General Staff said Russia lost 1,300 soldiers. That included 8 tanks and 20 drones.",
     "Ukrainian General Staff"),
])
def test_claimant_carried_across_sentences(text, claimant):
    figures = extract_figures(text)
    assert str(figures.iloc[-1].claimant) == claimant


@pytest.mark.parametrize(("text", "claimant", "role"), [
    ("Ukraine controls 1,260 sq km of Kursk Oblast, the Commander-in-Chief said. "
     "Oleksandr Syrskyi, Commander-in-Chief of the Armed Forces, spoke in a video address.", "Oleksandr Syrskyi",
     "Commander-in-Chief"),
    # ... also when the role is the country's
    ("A missile killed three people in Dnipro, Ukraine's interior minister said. The blast shattered windows, "
     "Interior Minister Ihor Klymenko added.", "Ihor Klymenko", "Ukraine's interior minister"),
])
def test_a_role_named_before_the_person_resolves_when_the_article_names_them(text, claimant, role) -> None:
    row = extract_figures(text).iloc[0]
    assert (row.claimant, row.claimant_role) == (claimant, role)


def test_a_report_credited_in_the_lede_owns_its_later_unattributed_figures():
    text = ("The UN Human Rights Monitoring Mission said in its monthly report that civilians suffered most in April."
            "\n\nIn Kryvyi Rih, 20 civilians were killed when a missile struck.")
    assert extract_figures(text).iloc[0].claimant == "HRMMU"


def test_a_dateline_standing_as_a_sentence_is_no_part_of_the_lede():
    text = ("Enemy losses in the past day came to some 900 servicemen\n\nMOSCOW, March 3. /TASS/. Russian units took "
            "two villages in the east, the Russian Defence Ministry reported.\n\nIn all, the enemy lost up to 400 "
            "servicemen in the east.")
    losses = extract_figures(text).query("measure == 'casualties'")
    assert losses["claimant"].tolist() == ["Russian Defence Ministry"] * 2
    assert losses["rules"].str.contains("claimant=story_source").all()


def test_new_paragraph_in_the_outlets_voice_has_no_claimant():
    figures = extract_figures("The governor said 5 people died.\n\nRussia has deployed 50,000 troops in Kursk.")
    assert figures.iloc[-1].claimant is pd_na()


def pd_na():
    import pandas as pd

    return pd.NA


def _claimant_of(text: str, figure: str, source: str | None = None):
    rows = extract_figures(text, source=source)
    row = rows[rows.text.str.contains(figure, regex=False)].iloc[0]
    return None if row.claimant is None or str(row.claimant) == "<NA>" else row.claimant


# (text, the figure's words, the claimant, the outlet): each row a way of crediting, in our own words
CREDITED = [
    # figures or data "from" a body are that body's; a word saying what kind of figures is nobody
    ("Russia lost 1,340 soldiers in a day, according to fresh figures from Kyiv.", "1,340", "Kyiv", None),
    ("According to official figures, 12 civilians died.", "12", None, None),
    # one canonical name per body and person, whatever the text calls them
    ("Britain’s Ministry of Defence estimated that Russia seized 150 sq km in May.", "150 sq km",
     "Britain's Ministry of Defence", None),
    ("General Oleksandr Syrskyi visited the front. Sirskyi said 40 soldiers were captured.", "40",
     "Oleksandr Syrskyi", None),
    ("Mr Zelenskiy said 300 enemy soldiers were killed near the town.", "300", "Volodymyr Zelensky", None),
    ("The UN refugee agency said 2,000 people fled the region.", "2,000", "UNHCR", None),
    ("Local officials said four people were killed in the strike.", "four", "Local officials", None),
    # "he" is the last person, "it" the last body
    ("Mayor Ivan Petrenko visited the ward. The UN monitoring mission said it verified 30 deaths.", "30",
     "HRMMU", None),
    ("The Russian Defence Ministry spoke first. Governor Olena Savchuk then said she counted 12 injured.",
     "12", "Olena Savchuk", None),
    ("Defence Minister Rustem Umerov spoke. According to him, 5,000 recruits signed up in May.", "5,000",
     "Rustem Umerov", None),
    # a subject that opens a clause of its own speaks for what follows it only
    ("Russia's Defence Ministry said 900 Ukrainian soldiers died, while Kyiv reported 210 dead.", "900",
     "Russian Defence Ministry", None),
    ("Russia's Defence Ministry said 900 Ukrainian soldiers died, while Kyiv reported 210 dead.", "210",
     "Kyiv", None),
    # the subject of the main clause before ", saying"; a possessor of claims; a name ending a phrase
    ("Governor Oleh Marchenko toured the hospital on Monday, saying 14 people were hurt.", "14",
     "Oleh Marchenko", None),
    ("The count stands against the Kremlin's widely doubted claims that only 4,000 soldiers died.", "4,000",
     "Kremlin", None),
    ("The toll is far above the 4,000 deaths Zelenskyy reported last winter.", "4,000", "Volodymyr Zelensky", None),
    # a role and the name in apposition
    ("According to the regional governor, Petro Kovalenko, nine people were hurt.", "nine", "Petro Kovalenko", None),
    ("At a briefing, the acting governor of the region, Petro Kovalenko, said nine people were hurt.", "nine",
     "Petro Kovalenko", None),
    # a role named first, the person later
    ("Twelve people died, according to the acting mayor.\n\nActing Mayor Oksana Lysenko said rescue work "
     "went on.", "Twelve", "Oksana Lysenko", None),
    # an unnamed role is not the last person named
    ("Analyst Petro Hnatiuk spoke on TV. A Ukrainian colonel told reporters that 900 soldiers took part.",
     "900", "Ukrainian colonel", None),
    # "released 90 prisoners" is no speech; the innermost source; members of a body; a dateline
    ("Russia released 90 prisoners of war on Friday, according to Andriy Yermak.", "90", "Andriy Yermak", None),
    ("The strike on the market claimed the lives of 16 people.\nSource: Governor Ivan Petrenko on Telegram", "16",
     "Ivan Petrenko", None),
    ("Russia gained 300 sq km, according to footage reviewed by the Institute for the Study of War.",
     "300 sq km", "Institute for the Study of War", None),
    ("Analysts at the Royal United Services Institute wrote that 12,000 troops were sent.", "12,000",
     "Royal United Services Institute", None),
    ("LVIV, Ukraine (AP) — US officials assessed that 6,000 troops had been sent north.", "6,000",
     "US officials", None),
    # a statement credited after it: closing its paragraph, or pointed back to
    ("Russia has massed 30,000 troops near the town. They plan to attack in spring, Syrskyi said.", "30,000",
     "Oleksandr Syrskyi", None),
    ("Sirens sounded overnight.\n\nRescuers pulled 12 bodies from the rubble. The situation remains tense, "
     "officials said.", "12", None, None),
    ("Ukrainian units hold 900 square kilometres of the region.\n\nThis was stated by Defence Minister Rustem "
     "Umerov, a Ukrinform correspondent reports.", "900", "Rustem Umerov", "Ukrinform"),
    ("In May, 180 civilians were killed in the country.\n\nThe figures come from the monthly update of the UN "
     "Human Rights Monitoring Mission.", "180", "HRMMU", None),
    # a paragraph of its own whose speaker gave "the toll" or "the figures" points back to the one before
    ("Shelling killed 3 people in the town.\n\nGovernor Petro Kovalenko announced the toll on Telegram.", "3",
     "Petro Kovalenko", None),
    ("Moscow sent about 60,000 reservists to the front. The corresponding statement was made by Defence "
     "Minister Sergei Shoigu.", "about 60,000", "Sergei Shoigu", None),
    ("The toll from the strike has risen to 14.\nSource: Ivan Petrenko, head of the regional administration, "
     "on Telegram", "14", "Ivan Petrenko", None),
    ("Our forces destroyed 40 tanks this week. They will not stop,’ said General Ivan Petrenko.", "40",
     "Ivan Petrenko", None),
    # "X reported ..., citing Y": Y, the innermost source (but "X said ..., according to Y" is X's)
    ("Ukrainska Pravda reported that 25 drones were shot down, citing the air force.", "25",
     "Ukrainian Air Force", None),
    ("The Washington Post, quoting US officials, said 9,000 troops were in the region.", "9,000",
     "US officials", None),
    ("The agency said 45 soldiers died, according to lawmakers.", "45", "agency", None),
    # ... also fronted, set off by commas, or as the briefing a speaker gave word of
    ("Citing the NIS, Lee said that 300 soldiers died.", "300", "NIS", None),
    ("Lee Sung-kwon briefed reporters. Citing the NIS, he said that 300 soldiers died.", "300", "NIS", None),
    ("Lawmakers, citing the NIS, said 300 soldiers died.", "300", "NIS", None),
    ("Some 300 soldiers died, lawmakers said after a briefing by the NIS.", "Some 300", "NIS", None),
    # a document's owner is its source ("the agency's data", "an AFP analysis of data")
    ("The agency's data showed 4,500 civilians were displaced.", "4,500", "agency", None),
    ("An AFP analysis of data shows Moscow took 3,900 square kilometres.", "3,900 square kilometres", "AFP", None),
    # the outlet's own voice is no claimant; another outlet named is
    ("A TASS correspondent reports that 20 drones were shot down over the region.", "20", None, "TASS"),
    ("The Washington Post reports that 20 drones were shot down over the region.", "20", "Washington Post",
     "Kyiv Post"),
    ("According to an AFP tally, 20 drones were shot down over the region.", "20", "AFP", "Barron's (AFP)"),
    # data the outlet itself analysed are their maker's
    ("Russia took 510 square kilometres in May, according to data from the Institute for the Study of War "
     "analysed by AFP.", "510 square kilometres", "Institute for the Study of War", "France 24 (AFP)"),
    # a body that publishes its own report is the source it names, unlike a news outlet
    ("UNHCR estimates that 6 million refugees from Ukraine are in Europe.", "6 million", "UNHCR", "UNHCR"),
    # a date opening the clause without a comma is no part of the subject; a weekday begins no name
    ("On Thursday Governor Petro Kovalenko said eight people were hurt.", "eight", "Petro Kovalenko", None),
    ("Late on Friday the regional governor reported 11 wounded.", "11", "regional governor", None),
    ("Earlier on Sunday the air force said 35 drones were downed.", "35", "Ukrainian Air Force", None),
    ("In March Ukraine's Defence Ministry said 60 soldiers were captured.", "60", "Ukrainian Defence Ministry", None),
    ("Yesterday the mayor said 17 people were hurt.", "17", "mayor", None),
    ("Saturday Evening Digest said 40 soldiers died.", "40", None, None),
    # a place after a preposition opening the clause without a comma is no part of the subject
    ("In Kharkiv Oleh Syniehubov told reporters that six people were hurt.", "six", "Oleh Syniehubov", None),
    ("Near Pokrovsk a brigade commander said his men had lost 14 soldiers.", "14", "brigade commander", None),
    ("From Moscow the defence ministry claimed 230 enemy soldiers died.", "230", "defence ministry", None),
    # an abbreviation's full stop does not end 'according to X'
    ("Some 8,000 soldiers crossed into Kursk, according to U.S. officials.", "8,000", "US officials", None),
    ("According to a senior U.S. defence official, 8,000 soldiers crossed into Kursk.", "8,000",
     "senior U.S. defence official", None),
    ("According to Lt. Gen. Petro Hnatov, 500 enemy soldiers gave themselves up.", "500", "Petro Hnatov", None),
    # a headline credits its source by a label before a colon or a name after a dash; a place, a kind of
    # story, what happened or the outlet it ran in is no source
    ("Syrskyi: enemy lost 2,300 soldiers near Kupiansk\n\nThe battle goes on.", "2,300", "Oleksandr Syrskyi", None),
    ("Six hurt as drones hit Sumy – regional authorities\n\nThe attack came at night.", "Six",
     "regional authorities", None),
    ("Odesa: 8 killed as missile hits port\n\nRescuers worked all night.", "8", None, None),
    ("Live: 8 killed as missile hits port\n\nRescuers worked all night.", "8", None, None),
    ("Drone strike on Kherson market: 8 killed\n\nRescuers worked all night.", "8", None, None),
    ("Eight killed as missile hits port - Reuters\n\nRescuers worked all night.", "Eight", None, None),
    ("Eight killed as missile hits port, police say - Reuters\n\nRescuers worked all night.", "Eight",
     "Ukrainian National Police", None),
    # a bare group named by its seat is that country's; adverbs of time stand between subject and verb
    ("Some 900 soldiers have been wounded, lawmakers in Seoul said.", "Some 900", "South Korean lawmakers", None),
    ("The mission has so far verified 75 deaths among civilians.", "75", "mission", None),
    # a speech word after a body's noun is that body's verb, not a noun owned by the possessive before it
    ("South Korea's spy agency estimates that 11,000 soldiers were sent.", "11,000", "NIS", None),
    # a town that records is where it happened; a town closing the subject is where the speakers are
    ("Sumy Oblast recorded 11 injuries on Monday, Governor Petro Kovalenko said.", "11", "Petro Kovalenko", None),
    ("Kharkiv recorded 11 injuries on Monday.", "11", None, None),
    ("Kremlin-backed officials in occupied Nova Kakhovka said 4 people died.", "4", "Kremlin-backed officials", None),
    # the UN human rights office is known by its acronym
    ("The UN human rights office said 31 civilians died in May.", "31", "OHCHR", None),
    # a body's name is a body, whatever its words look like; each agency is its own
    ("RIA Novosti reported that 14 drones were downed.", "14", "RIA Novosti", None),
    ("Interfax-Ukraine reported that 14 drones were downed.", "14", "Interfax-Ukraine", None),
    # an ordinal names a unit, it is no figure in the subject
    ("The 72nd Mechanised Brigade said its fighters had taken 19 prisoners.", "19", "72nd Mechanised Brigade", None),
    ("According to the 110th Brigade, 35 enemy soldiers were killed.", "35", "110th Brigade", None),
    # never a fragment
    ("Satellite images show that Russian forces advanced 3 km.", "3 km", None, None),
    ("About 40 drones were launched overnight. About reported the air force on Telegram.", "40",
     "Ukrainian Air Force", None),
]


@pytest.mark.parametrize(("text", "figure", "claimant", "source"), CREDITED, ids=[r[0][:50] for r in CREDITED])
def test_who_the_text_credits(text, figure, claimant, source):
    assert _claimant_of(text, figure, source) == claimant


def test_claimant_side_comes_from_the_registry():
    rows = extract_figures("The Pentagon said 3,000 troops arrived. Seoul's spy agency said 300 died.")
    assert rows.claimant_side.tolist() == ["United States", "South Korea"]


def test_a_claimant_named_after_a_town_speaks_for_its_country():
    rows = extract_figures("The Belgorod governor said 12 drones were downed. The Sumy city council said 3 died.")
    assert rows.claimant_side.tolist() == ["Russia", "Ukraine"]


@pytest.mark.parametrize(("text", "claimant", "side"), [
    # "both countries" are the two sides of the war, and a claim of several sides has no one side
    ("Moscow and Kyiv swapped 103 prisoners each, both countries confirmed.", "Russia and Ukraine", None),
    ("Ukraine and South Korea said 10,000 troops were sent.", "Ukraine and South Korea", None),
])
def test_a_claim_of_both_sides_has_no_one_side(text: str, claimant: str, side: str | None) -> None:
    rows = extract_figures(text)
    assert (rows.claimant[0], rows.claimant_side[0] if pd.notna(rows.claimant_side[0]) else None) == (claimant, side)


def test_a_persons_side_may_come_from_their_role():
    rows = extract_figures("The Moscow-installed official Pavel Orlov said nine people were hurt.")
    assert (rows.claimant[0], rows.claimant_side[0]) == ("Pavel Orlov", "Russia")


def test_every_speech_verb_opens_with_a_word_character():
    # the verb pattern's "\b(?<!-)" stands for "not after a letter or hyphen" only before a word character
    from analysis.vocabulary import VOCABULARY

    assert all(verb[:1].isalnum() for verb in VOCABULARY.attribution.speech.verbs)


def test_a_speech_verb_inside_a_hyphenated_word_is_no_speech_verb():
    from analysis.extract.attribution import _Speakers, sentence_claims
    from analysis.extract.sentences import split_sentences

    sentence = split_sentences("The army self-reported 300 losses.")[0]  # "reported" ends a longer word
    assert sentence_claims(sentence, _Speakers()) == []


def test_finding_things_is_no_speech() -> None:
    assert extract_figures("Soldiers found 12 bodies in a cellar.")["claimant"].isna().all()


@pytest.mark.parametrize("text", [
    "Moscow said that 6,000 of its men had died, a total far below Ukrainian and Western estimates.",
    "Moscow said 6,000 had died, a toll far under independent estimates.",
    "Moscow said 6,000 had died, a toll drawn from obituaries and regional media reports.",
])
def test_a_speech_noun_after_an_adjective_is_no_speech(text: str) -> None:
    from analysis.extract.attribution import _Speakers, sentence_claims
    from analysis.extract.sentences import split_sentences

    assert [claim.name for claim in sentence_claims(split_sentences(text)[0], _Speakers())] == ["Moscow"]


@pytest.mark.parametrize("text, claimant", [
    # a body "in" a capital, or a country, speaks for that country
    ("The interior ministry in Kyiv said 40 homes burned and 3 people died.", "Ukrainian Interior Ministry"),
    ("Officials in Moscow said 26 Ukrainian drones were downed over the border region.", "Russian officials"),
    ("Authorities in Ukraine said 9 people were injured in the night raid.", "Ukrainian officials"),
    ("Officials in Washington said 40 armoured vehicles were on their way.", "US officials"),
    # a town is no seat: local officials stay as the text names them
    ("Officials in Sumy said 4 people were hurt.", "Officials"),
])
def test_a_body_in_a_capital_speaks_for_its_country(text: str, claimant: str) -> None:
    rows = extract_figures(text, published="2024-11-05")
    assert set(rows["claimant"]) == {claimant}


@pytest.mark.parametrize("text, claimant", [
    # a ministry named without its country, in a story of what one country says, is that country's
    ("Moscow said its forces held the town. Its units had moved 4 km forward, the defence ministry said.",
     "Russian Defence Ministry"),
    ("Kyiv said the attack failed. The Defence Ministry said 12 Russian tanks were destroyed.",
     "Ukrainian Defence Ministry"),
    # a ministry named by another country's adjective is not the ministry named before
    ("Russia's Defence Ministry said 5 tanks were hit. The Emirati ministry said 1,994 captives were swapped.",
     "Emirati ministry"),
    # "the MoD" is the defence ministry already credited; alone, the registry's (Britain's)
    ("Kyiv lost 390 troops, the Russian Defense Ministry said. It also put 840 out of action, according to the "
     "MoD.", "Russian Defence Ministry"),
    ("The MoD said Russia lost 300 tanks in May.", "Britain's Ministry of Defence"),
    # "the country's" is the country last credited, whatever names it ("officials in Seoul")
    ("Officials in Seoul said 1,100 North Koreans were hurt. The country's spy agency said 100 had died.", "NIS"),
    # with no country credited before, it stays as written; a group of officials gets no country
    ("The defence ministry said 12 tanks were destroyed.", "defence ministry"),
    ("Moscow said its forces held the town. Officials said 3 soldiers were wounded.", "Officials"),
])
def test_a_bare_ministry_speaks_for_the_country_last_credited(text: str, claimant: str) -> None:
    rows = extract_figures(text, published="2024-11-05")
    assert rows["claimant"].iloc[-1] == claimant


@pytest.mark.parametrize("text, figure, claimant", [
    # an outlet credited after another source relays it; one credited first tells its own figures
    ("Speaking on Monday, officials in Kyiv said Russian losses are nearing 3,000, the Washington Post reported.",
     "3,000", "Ukrainian officials"),
    ("According to the BBC, 500 soldiers were killed, while Kyiv reported 340 dead.", "500", "BBC"),
    ("Reuters reported that 90 drones were shot down.", "90", "Reuters"),
    # "was quoted as saying" is the subject's own statement
    ("Russia lost 300 tanks in the battle, Syrskyi was quoted as saying.", "300", "Oleksandr Syrskyi"),
])
def test_an_outlet_relays_the_source_it_reports(text: str, figure: str, claimant: str) -> None:
    rows = extract_figures(text, published="2024-11-05")
    assert rows.loc[rows["text"].str.endswith(figure), "claimant"].iloc[0] == claimant


@pytest.mark.parametrize("text, claimant_text", [
    # the words before the real source are no part of what the article calls it
    ("Moscow lost 240 tanks in a month, according to a Reuters count of figures from the Pentagon.", "the Pentagon"),
    ("Moscow lost 240 tanks in a month, according to estimates by the Pentagon.", "the Pentagon"),
    ("Moscow lost 240 tanks in a month, according to Pentagon estimates.", "Pentagon estimates"),
])
def test_the_claimant_text_is_the_source_named(text: str, claimant_text: str) -> None:
    row = extract_figures(text).iloc[0]
    assert (row["claimant"], row["claimant_text"]) == ("Pentagon", claimant_text)


def test_each_speech_verb_has_at_most_one_other_sense():
    # one table maps a verb to what follows it when it is no speech: a verb in two lists would lose one
    from analysis.vocabulary import VOCABULARY

    speech = VOCABULARY.attribution.speech
    lists = [speech.add_verbs, speech.not_speech_before_figure, speech.claim_verbs, speech.register_verbs]
    words = [verb for verbs in lists for verb in verbs]
    assert len(words) == len(set(words))
