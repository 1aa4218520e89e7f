"""Claimants: every way a text credits a figure to someone."""
from __future__ import annotations

import pytest

from analysis import extract_figures

CASES = [
    # X said / said X / according to X / X told reporters
    ("Governor Ivan Fedorov said six people were killed.", "Ivan Fedorov", "Governor"),
    ("Six people were killed, said Ivan Fedorov, the regional governor.", "Ivan Fedorov", None),
    ("Six people were killed, according to regional Governor Ivan Fedorov.", "Ivan Fedorov", "regional Governor"),
    ("Pentagon spokesman Maj. Gen. Pat Ryder told reporters that 10,000 troops were in Kursk.", "Pat Ryder", None),
    ("The Pentagon stated that at least 10,000 North Korean soldiers are stationed there.", "Pentagon", None),
    # attribution after the figure
    ("Russian strikes killed 12 civilians, the governor said.", "governor", None),
    ("Ukraine lost up to 460 soldiers, the Russian Defence Ministry said.", "Russian Defence Ministry", None),
    # bodies keep their short names
    ("According to Ukraine's General Staff, Russia has lost 1,300 soldiers.", "Ukrainian General Staff", None),
    ("South Korea's National Intelligence Service estimated that 300 North Korean soldiers were killed.", "NIS", None),
    ("Russia captured 725 square kilometres in November, according to the Institute for the Study of War.",
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
    # a role noun resolves to the body it stands for
    ("The Russian Defence Ministry published its update. The ministry said 40 tanks were destroyed.",
     "Russian Defence Ministry"),
    ("South Korea's National Intelligence Service briefed lawmakers. The agency said 600 soldiers were killed.", "NIS"),
    # a quote over several sentences belongs to its speaker
    ("“We have lost contact with them. More than 100 people are missing,” said Mayor Ihor Terekhov.", "Ihor Terekhov"),
    # the rest of a paragraph continues the statement
    ("The General Staff said Russia lost 1,300 soldiers. That included 8 tanks and 20 drones.",
     "Ukrainian General Staff"),
])
def test_claimant_carried_across_sentences(text, claimant):
    figures = extract_figures(text)
    assert str(figures.iloc[-1].claimant) == claimant


def test_a_role_named_before_the_person_resolves_when_the_article_names_them():
    text = ("Ukraine controls 1,260 sq km of Kursk Oblast, the Commander-in-Chief said. "
            "Oleksandr Syrskyi, Commander-in-Chief of the Armed Forces, spoke in a video address.")
    row = extract_figures(text).iloc[0]
    assert (row.claimant, row.claimant_role) == ("Oleksandr Syrskyi", "Commander-in-Chief")


def test_a_report_credited_in_the_lede_owns_its_later_unattributed_figures():
    text = ("The UN Human Rights Monitoring Mission said in its monthly report that civilians suffered most in April."
            "\n\nIn Kryvyi Rih, 20 civilians were killed when a missile struck.")
    assert extract_figures(text).iloc[0].claimant == "HRMMU"


def test_new_paragraph_in_the_outlets_voice_has_no_claimant():
    figures = extract_figures("The governor said 5 people died.\n\nRussia has deployed 50,000 troops in Kursk.")
    assert figures.iloc[-1].claimant is pd_na()


def pd_na():
    import pandas as pd

    return pd.NA
