"""Tests for analysis.compare: claim groups, side-by-side tables, consensus intervals."""
from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis
from analysis.compare import (
    DAILY,
    claim_bounds,
    claim_dates,
    claims,
    compare,
    consensus,
    equipment_kind,
    place_scopes,
    quantity_kinds,
    revisions,
    voices,
)
from analysis.schema import figures_frame
from analysis.vocabulary import Compare, VocabularyError, load_vocabulary

KURSK = {"location": "Kursk Oblast", "admin1": "Kursk Oblast", "country": "Russia", "geo_precision": "admin1"}
SUDZHA = {"location": "Sudzha", "admin1": "Kursk Oblast", "country": "Russia", "geo_precision": "place"}
RUSSIA = {"location": "Russia", "admin1": None, "country": "Russia", "geo_precision": "country"}
POKROVSK = {"location": "Pokrovsk", "admin1": "Donetsk Oblast", "country": "Ukraine", "geo_precision": "place"}
MYRNOHRAD = {"location": "Myrnohrad", "admin1": "Donetsk Oblast", "country": "Ukraine", "geo_precision": "place"}
UKRAINE = {"location": "Ukraine", "admin1": None, "country": "Ukraine", "geo_precision": "country"}
NOWHERE = {"location": None, "admin1": None, "country": None, "geo_precision": "unknown"}


def mention(**fields: object) -> dict[str, object]:
    """One figure row: 10,000 North Korean troops in Kursk Oblast, published 2024-11-01, unless overridden."""
    row = {"measure": "troops", "value": 10000.0, "low": 10000.0, "high": 10000.0, "qualifier": "exact",
           "derived": False, "actor": "North Korea", "claimant": "Pentagon", "source": "AFP",
           "published": "2024-11-01", "article_id": "a", "text": "10,000", **KURSK}
    row.update(fields)
    return row


def claim_ids(*rows: dict[str, object], **options: object) -> list[object]:
    return claims(figures_frame(list(rows)), **options)["claim_id"].tolist()


@pytest.mark.parametrize(("first", "second", "together"), [
    ({}, {"published": "2024-11-06"}, True),
    ({}, {"published": "2024-11-20"}, False),
    ({}, {"actor": "Russia"}, False),
    ({}, {"measure": "killed"}, False),
    ({}, {"published": "2025-01-15"}, False),
    ({"event_date": "2024-08-01"}, {"event_date": "2024-11-01"}, False),
    ({"published": "2024-08-01", "event_date": "2024-11-01"}, {}, True),
    (SUDZHA, SUDZHA, True),
    (SUDZHA, KURSK, False),
    (SUDZHA, RUSSIA, False),
    (KURSK, RUSSIA, False),
    (KURSK, NOWHERE, False),
    (NOWHERE, NOWHERE, True),
    (POKROVSK, MYRNOHRAD, False),
    (KURSK, UKRAINE, False),
    (POKROVSK, KURSK, False),
    (KURSK, {"location": "kursk oblast", "admin1": None, "country": None, "geo_precision": "admin1"}, True),
    ({"actor": None}, {"actor": None}, True),
    ({"actor": None}, {}, False),
    ({"actor": "north korea"}, {}, True),
    ({"published": None}, {"published": None}, True),
    ({"published": None}, {}, False),
])
def test_mentions_of_one_quantity_share_a_claim_id(first: dict, second: dict, together: bool) -> None:
    a, b = claim_ids(mention(**first), mention(value=12000.0, **second))
    assert (a == b) is together


@pytest.mark.parametrize(("counted", "kind"), [
    ("Russian tanks", "tank"),
    ("armoured combat vehicles", "armoured combat vehicle"),
    ("armored fighting vehicles", "armoured combat vehicle"),
    ("M113 armoured personnel carrier", "armoured personnel carrier"),
    ("operational-tactical drones", "drone"),
    ("UAVs", "drone"),
    ("air defense systems", "air defence system"),
    ("U.S.-made missiles", "missile"),
    ("airplanes", "aircraft"),
    ("aircraft", "aircraft"),
    ("pieces of military hardware", "hardware"),
    ("ships", "ship"),
    ("", None),
    (None, None),
])
def test_equipment_kind_is_the_head_noun_singular_with_aliases_merged(counted: str | None, kind: str | None) -> None:
    assert equipment_kind(counted) == kind


def equipment(counted: str, **fields: object) -> dict[str, object]:
    return mention(measure="equipment", actor="Russia", counted=counted, **POKROVSK, **fields)


@pytest.mark.parametrize(("first", "second", "together"), [
    ("tanks", "Russian tanks", True),
    ("tanks", "drones", False),
    ("tanks", "ballistic missiles", False),
    ("drones", "UAVs", True),
    ("armored combat vehicles", "armoured combat vehicles", True),
    ("armoured combat vehicles", "armoured personnel carriers", False),
])
def test_equipment_mentions_share_a_claim_id_only_when_they_count_the_same_kind(first: str, second: str,
                                                                                together: bool) -> None:
    a, b = claim_ids(equipment(first), equipment(second, value=12000.0, published="2024-11-03"))
    assert (a == b) is together


def test_the_counted_phrase_does_not_split_other_measures() -> None:
    a, b = claim_ids(mention(counted="North Korean soldiers"), mention(counted="troops", value=12000.0))
    assert a == b


@pytest.mark.parametrize(("sentence", "daily"), [
    ("Russia lost 1,300 troops over the past day, the General Staff said.", True),
    ("Losses in the last 24 hours amounted to more than 400 troops.", True),
    ("In the past 24 hours, more than 650 people have left.", True),
    ("About 600 people leave a day.", True),
    ("Some 700 people leave per day.", True),
    ("The daily figure is 600.", True),
    ("Russia has lost 600,000 troops since the invasion.", False),
    ("Less than a day earlier, 3 people were killed.", False),
    ("On the last day of the offensive 40 troops were captured.", False),
])
def test_daily_pattern_tells_a_tally_for_one_day(sentence: str, daily: bool) -> None:
    assert bool(DAILY.search(sentence)) is daily


@pytest.mark.parametrize(("first", "second", "together"), [
    ("8,601 tanks since the invasion.", "12 tanks over the past day.", False),
    ("12 tanks over the past day.", "10 tanks in the last 24 hours.", True),
    ("8,601 tanks since the invasion.", "8,700 tanks in all.", True),
])
def test_daily_figures_are_not_the_same_quantity_as_running_totals(first: str, second: str, together: bool) -> None:
    a, b = claim_ids(equipment("tanks", sentence=first), equipment("tanks", sentence=second, value=9.0))
    assert (a == b) is together


def test_consensus_names_the_kind_and_whether_figures_are_daily() -> None:
    figures = figures_frame([equipment("tanks", sentence="8,601 tanks since February 2022."),
                             equipment("drones", sentence="12 drones over the past day."),
                             mention()])
    summary = consensus(figures)
    assert summary["kind"].fillna("-").tolist() == ["-", "drone", "tank"]
    assert summary["daily"].tolist() == [False, True, False]


def test_by_location_false_ignores_places() -> None:
    rows = (mention(**POKROVSK), mention(**KURSK))
    assert len(set(claim_ids(*rows, by_location=False))) == 1
    assert len(set(claim_ids(*rows))) == 2


@pytest.mark.parametrize(("window", "groups"), [("7D", 2), ("10D", 1), ("3D", 3), (pd.Timedelta(days=4), 2)])
def test_a_group_holds_the_dates_within_the_window_of_its_first_not_a_chain(window: object, groups: int) -> None:
    rows = [mention(published=day) for day in ("2024-10-01", "2024-10-05", "2024-10-09")]
    assert len(set(claim_ids(*rows, window=window))) == groups


def test_a_country_wide_figure_never_groups_with_a_towns() -> None:
    toll = {"measure": "killed", "actor": "civilians", "value": 20.0}
    ids = claim_ids(mention(**toll, **POKROVSK), mention(**toll, **UKRAINE), mention(**toll, **NOWHERE))
    assert len(set(ids)) == 3


@pytest.mark.parametrize("fields", [{"derived": True}, {"measure": "duration", "value": 900.0}, {"value": None}])
def test_rows_that_are_not_claims_get_no_claim_id_but_are_kept(fields: dict) -> None:
    figures = figures_frame([mention(), mention(**fields)])
    out = claims(figures)
    assert len(out) == 2
    assert str(out["claim_id"].dtype) == "Int64"
    assert out["claim_id"].iloc[0] == 0 and pd.isna(out["claim_id"].iloc[1])


def test_claim_ids_do_not_depend_on_row_order() -> None:
    rows = [mention(article_id="k", measure="killed", value=50.0, actor="civilians"),
            mention(article_id="r", actor="Russia"),
            mention(article_id="n2", published="2025-03-01"),
            mention(article_id="n1", published="2024-10-20")]
    forward = claims(figures_frame(rows)).set_index("article_id")["claim_id"].to_dict()
    backward = claims(figures_frame(rows[::-1])).set_index("article_id")["claim_id"].to_dict()
    assert forward == backward
    # measure in schema order (troops before killed), then actor, then first date
    assert forward == {"n1": 0, "n2": 1, "r": 2, "k": 3}


def test_claims_keeps_the_input_index_and_columns() -> None:
    figures = figures_frame([mention(), mention()]).set_axis([10, 20])
    out = claims(figures)
    assert list(out.index) == [10, 20]
    assert list(out.columns) == [*figures.columns, "quantity", "scope", "voice", "claim_id", "status"]


def test_a_window_that_is_no_duration_is_refused() -> None:
    with pytest.raises(ValueError, match="window='soon'"):
        claims(figures_frame([mention()]), window="soon")


def test_compare_keeps_one_measure_and_actor_sorted_by_date_then_claimant() -> None:
    figures = figures_frame([
        mention(claimant="Pentagon", published="2024-11-04"),
        mention(claimant="NIS", published="2024-11-04", value=11000.0),
        mention(claimant="Zelensky", published="2024-10-01", event_date="2024-10-28"),
        mention(claimant="HUR", actor="Russia"),
        mention(claimant="HUR", measure="killed"),
    ])
    table = compare(figures, measure="troops", actor="NORTH KOREA")
    assert table["claimant"].tolist() == ["Zelensky", "NIS", "Pentagon"]
    assert table["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-10-28", "2024-11-04", "2024-11-04"]
    assert {"value", "low", "high", "qualifier", "published", "event_date", "text", "source"} <= set(table)


@pytest.mark.parametrize(("location", "claimants"), [
    ("Sudzha", ["A"]),
    ("kursk oblast", ["A", "B"]),
    ("RUSSIA", ["A", "B", "C"]),
    ("Ukraine", ["D"]),
    ("Kursk", []),
    (None, ["A", "B", "C", "D"]),
])
def test_compare_matches_location_admin1_or_country(location: str | None, claimants: list[str]) -> None:
    figures = figures_frame([mention(claimant="A", **SUDZHA), mention(claimant="B", **KURSK),
                             mention(claimant="C", **RUSSIA), mention(claimant="D", **POKROVSK)])
    assert compare(figures, measure="troops", location=location)["claimant"].tolist() == claimants


def test_compare_lists_a_repeated_claim_once_and_different_figures_apart() -> None:
    figures = figures_frame([mention(), mention(text="ten thousand"), mention(value=2000.0, low=2000.0, high=2000.0),
                             mention(claimant=None)])
    table = compare(figures, measure="troops")
    assert table["value"].tolist() == [2000.0, 10000.0, 10000.0]
    assert table["claimant"].fillna("own voice").tolist() == ["Pentagon", "Pentagon", "own voice"]


def test_compare_leaves_derived_totals_out_unless_asked() -> None:
    figures = figures_frame([mention(), mention(value=15000.0, derived=True)])
    assert compare(figures, measure="troops")["value"].tolist() == [10000.0]
    assert compare(figures, measure="troops", include_derived=True)["value"].tolist() == [10000.0, 15000.0]


def test_compare_refuses_an_unknown_measure() -> None:
    with pytest.raises(ValueError, match="measure='soldiers'"):
        compare(figures_frame([mention()]), measure="soldiers")


def claim(qualifier: str, value: float, low: float | None = None, high: float | None = None, **fields) -> dict:
    return mention(qualifier=qualifier, value=value, low=low, high=high, **fields)


@pytest.mark.parametrize(("mentions", "low", "high"), [
    ([claim("exact", 100, 100, 100), claim("exact", 100, 100, 100)], 100, 100),
    ([claim("exact", 100, 100, 100), claim("exact", 120, 120, 120)], None, None),
    ([claim("approx", 100), claim("exact", 105, 105, 105)], 105, 105),
    ([claim("approx", 100), claim("approx", 120)], 108, 110),
    ([claim("approx", 100), claim("approx", 130)], None, None),
    ([claim("at_least", 100, low=100), claim("at_most", 150, high=150)], 100, 150),
    ([claim("at_least", 200, low=200), claim("at_most", 150, high=150)], None, None),
    ([claim("at_least", 100, low=100), claim("at_least", 120, low=120)], 120, math.inf),
    ([claim("at_most", 100, high=100)], 0, 100),
    ([claim("at_most", 100, high=100), claim("at_most", 80)], 0, 80),
    ([claim("range", 150, 100, 200), claim("exact", 150, 150, 150)], 150, 150),
    ([claim("range", 150, 100, 200), claim("range", 240, 180, 300)], 180, 200),
    ([claim("range", 150, 100, 200), claim("at_least", 250, low=250)], None, None),
    ([claim("range", 150, 100, 200), claim("approx", 210)], 189, 200),
])
def test_consensus_is_the_intersection_of_what_each_claim_allows(mentions: list, low: float | None,
                                                                  high: float | None) -> None:
    voiced = [dict(m, claimant=f"claimant {i}") for i, m in enumerate(mentions)]
    row = consensus(figures_frame(voiced)).iloc[0]
    assert bool(row["contradiction"]) is (low is None)
    if low is None:
        assert math.isnan(row["agree_low"]) and math.isnan(row["agree_high"])
    else:
        assert row["agree_low"] == pytest.approx(low)
        assert row["agree_high"] == pytest.approx(high)


@pytest.mark.parametrize(("tolerance", "contradiction"), [(0.1, True), (0.2, False), (0.0, True)])
def test_consensus_tolerance_sets_how_far_an_approximate_figure_reaches(tolerance: float,
                                                                        contradiction: bool) -> None:
    figures = figures_frame([claim("approx", 100), claim("exact", 115, 115, 115, claimant="NIS")])
    assert bool(consensus(figures, tolerance=tolerance)["contradiction"].iloc[0]) is contradiction


def test_claim_bounds_refuses_a_negative_tolerance() -> None:
    with pytest.raises(ValueError, match="tolerance=-0.1"):
        claim_bounds(figures_frame([claim("approx", 100)]), tolerance=-0.1)


def test_consensus_summarises_who_said_what_and_when() -> None:
    figures = figures_frame([
        mention(value=10000.0, claimant="Pentagon", source="AFP", published="2024-11-04", article_id="p1"),
        mention(value=12000.0, claimant="Pentagon", source="AP", published="2024-11-06", article_id="p2"),
        mention(value=8000.0, claimant=None, source="AP", published="2024-11-07", article_id="p3"),
        mention(value=11000.0, claimant=None, source="BBC", published="2024-11-02", article_id="p4"),
    ])
    row = consensus(figures).iloc[0]
    expected = {"quantity": "level", "measure": "troops", "actor": "North Korea", "scope": "admin1:kursk oblast",
                "location": "Kursk Oblast", "n_mentions": 4, "n_reports": 4,
                "n_sources": 3, "n_claimants": 3, "n_superseded": 1, "value_min": 8000.0, "value_median": 10500.0,
                "value_max": 12000.0, "spread": 1.5, "contradiction": True, "low": 8000.0, "best": 11000.0,
                "high": 12000.0, "first_date": pd.Timestamp("2024-11-02"), "last_date": pd.Timestamp("2024-11-07")}
    assert {key: row[key] for key in expected} == expected


def test_consensus_takes_figures_or_claims_alike() -> None:
    figures = figures_frame([mention(), mention(actor="Russia"), mention(published="2025-06-01")])
    assert consensus(figures).equals(consensus(claims(figures)))
    assert consensus(figures)["claim_id"].tolist() == [0, 1, 2]


def test_consensus_of_nothing_is_an_empty_table_with_its_columns() -> None:
    out = consensus(figures_frame([]))
    assert out.empty
    assert {"claim_id", "agree_low", "agree_high", "contradiction", "n_claimants", "spread"} <= set(out)
    assert str(out["contradiction"].dtype) == "boolean"


MENTIONS = st.fixed_dictionaries({
    "measure": st.sampled_from(["troops", "killed", "duration"]),
    "actor": st.sampled_from(["Russia", "Ukraine", None]),
    "published": st.dates(min_value=pd.Timestamp("2024-01-01").date(), max_value=pd.Timestamp("2024-12-31").date()),
    "value": st.floats(min_value=1, max_value=1e5),
    "qualifier": st.sampled_from(["exact", "approx", "at_least", "at_most"]),
    "place": st.sampled_from([KURSK, SUDZHA, RUSSIA, POKROVSK, UKRAINE, NOWHERE]),
})


@settings(max_examples=40, deadline=None)
@given(st.lists(MENTIONS, max_size=12))
def test_every_claim_group_is_one_quantity_and_place_within_the_window(drawn: list[dict]) -> None:
    rows = [mention(**{k: v for k, v in d.items() if k != "place"}, low=None, high=None, **d["place"]) for d in drawn]
    out = claims(figures_frame(rows), window="10D", event_window="10D")
    assert out.loc[out["measure"] == "duration", "claim_id"].isna().all()
    for _, group in out.dropna(subset=["claim_id"]).groupby("claim_id"):
        assert group["measure"].nunique() == 1 and group["actor"].nunique(dropna=False) == 1
        assert group["scope"].nunique() == 1 and group["quantity"].nunique() == 1
        assert group["published"].max() - group["published"].min() <= pd.Timedelta("10D")
        voices = group.loc[group["status"] == "contradiction", "voice"]
        assert voices.nunique() != 1
    summary = consensus(out)
    agreed = summary.loc[~summary["contradiction"].astype(bool)]
    assert (agreed["agree_low"] <= agreed["agree_high"]).all()
    assert (summary["value_min"] <= summary["value_max"]).all()


@pytest.fixture(scope="module")
def corpus(root) -> pd.DataFrame:
    return analysis.extract(analysis.read_articles(root / "data" / "articles"))


def test_north_korean_troop_estimates_from_the_corpus_line_up(corpus: pd.DataFrame) -> None:
    table = compare(corpus, measure="troops", actor="North Korea")
    assert table["claimant"].nunique() >= 4
    assert table["source"].nunique() >= 3
    groups = consensus(claims(corpus))
    korean = groups[(groups["measure"] == "troops") & (groups["actor"] == "North Korea")]
    biggest = korean.loc[korean["n_claimants"].idxmax()]
    assert biggest["n_claimants"] >= 3
    assert biggest["n_sources"] >= 2
    assert 2000 <= biggest["value_median"] <= 15000


def test_no_corpus_claim_group_mixes_kinds_of_equipment(corpus: pd.DataFrame) -> None:
    grouped = claims(corpus)
    equipment_rows = grouped[(grouped["measure"] == "equipment") & grouped["claim_id"].notna()]
    kinds = equipment_rows.assign(kind=equipment_rows["counted"].map(equipment_kind, na_action="ignore"))
    assert (kinds.groupby("claim_id")["kind"].nunique(dropna=False) == 1).all()
    widest = consensus(grouped).sort_values("spread", ascending=False).iloc[0]
    assert widest["measure"] != "equipment"


# --- kinds of quantity, statuses, revisions --------------------------------------------------------

@pytest.mark.parametrize(("fields", "kind"), [
    ({"measure": "casualties", "sentence": "It lost 1,300 troops over the past day."}, "rate"),
    ({"measure": "area", "sentence": "They took 725 km2 during the month.", "text": "725"}, "rate"),
    ({"measure": "killed", "sentence": "The mission counted 209 deaths in April.", "text": "209"}, "rate"),
    ({"measure": "killed", "sentence": "In April it had counted 300 deaths.", "text": "300"}, "running_total"),
    ({"measure": "casualties", "sentence": "Losses since the invasion reached 600,000."}, "running_total"),
    ({"measure": "troops", "sentence": "Some 12,000 troops have been fighting there since August."}, "level"),
    ({"measure": "killed", "actor": "civilians", "sentence": "A strike left six dead.", **KURSK}, "event_toll"),
    ({"measure": "killed", "actor": "civilians", "sentence": "Six died so far this year.", **SUDZHA}, "event_toll"),
    ({"measure": "killed", "actor": "Russia", "sentence": "A strike killed 60 soldiers.", **KURSK},
     "running_total"),
    ({"measure": "killed", "actor": "civilians", "sentence": "Attacks killed 150 in a month.", **UKRAINE}, "rate"),
    ({"measure": "killed", "actor": "civilians", "sentence": "Attacks killed 151 people.", **UKRAINE},
     "running_total"),
    ({"measure": "area", "sentence": "It was in control of 45,000 km2."}, "level"),
    ({"measure": "equipment", "sentence": "Its losses stood at 8,601 tanks."}, "running_total"),
])
def test_each_figure_knows_its_kind_of_quantity(fields: dict, kind: str) -> None:
    assert quantity_kinds(figures_frame([mention(**fields)])).tolist() == [kind]


def test_place_scopes_name_the_scale_and_the_place() -> None:
    rows = figures_frame([mention(**SUDZHA), mention(**KURSK), mention(**RUSSIA), mention(**NOWHERE)])
    assert place_scopes(rows).tolist() == ["place:sudzha", "admin1:kursk oblast", "country:russia", "unplaced"]


def test_a_quantity_default_that_is_no_kind_is_refused() -> None:
    text = (analysis.vocabulary.resources.files("analysis").joinpath("data", "compare.toml")
            .read_text(encoding="utf-8").replace('troops = "level"', 'troops = "stock"'))
    with pytest.raises(VocabularyError, match="quantity.default.troops"):
        load_vocabulary("compare", Compare, text=text)


def statuses(*rows: dict[str, object], **options: object) -> list[object]:
    return claims(figures_frame(list(rows)), **options)["status"].tolist()


TOLL = {"measure": "killed", "actor": "civilians", "event_date": "2024-09-03", "sentence": "The strike's toll.",
        **SUDZHA}


def test_a_later_report_of_one_toll_supersedes_earlier_ones_whoever_gave_them() -> None:
    assert statuses(mention(**TOLL, value=47.0, claimant="A", article_id="1", published="2024-09-03"),
                    mention(**TOLL, value=53.0, claimant="B", article_id="2", published="2024-09-04"),
                    mention(**TOLL, value=55.0, claimant="B", article_id="3", published="2024-09-05")) == \
        ["superseded", "superseded", "current"]


def test_a_claimants_newer_figure_supersedes_its_older_one_but_not_anothers() -> None:
    assert statuses(mention(value=3000.0, claimant="NIS", published="2024-10-01", article_id="1"),
                    mention(value=3100.0, claimant="HUR", published="2024-10-02", article_id="2", qualifier="approx"),
                    mention(value=3200.0, claimant="NIS", published="2024-10-05", article_id="3")) \
        == ["superseded", "current", "current"]


def test_only_different_claimants_contradict() -> None:
    one = [mention(value=8000.0, article_id="1"), mention(value=10000.0, article_id="1")]
    assert statuses(*one) == ["current", "current"]
    two = [mention(value=8000.0, claimant="US officials", article_id="1"), mention(value=10000.0, article_id="2")]
    assert statuses(*two) == ["contradiction", "contradiction"]


def test_a_part_told_with_the_whole_is_an_outlier_not_a_contradiction() -> None:
    assert statuses(mention(value=12000.0, claimant="HUR"), mention(value=500.0, claimant="HUR"),
                    mention(value=11000.0, claimant="NIS", qualifier="approx", article_id="b")) == \
        ["current", "outlier", "current"]


def test_a_figure_far_from_three_other_claimants_is_an_outlier() -> None:
    rows = [mention(value=v, claimant=c, article_id=c, qualifier="approx")
            for v, c in ((10000.0, "A"), (10500.0, "B"), (11000.0, "C"), (2000.0, "D"))]
    assert statuses(*rows) == ["current", "current", "current", "outlier"]
    assert statuses(*rows[1:]) == ["contradiction", "contradiction", "contradiction"]


def test_a_wire_story_republished_by_several_outlets_is_one_claimant() -> None:
    copies = [mention(claimant=None, source=s, article_id=s, sentence="Some 10,000 troops are there.")
              for s in ("AP", "ABC", "CBS")]
    assert voices(figures_frame(copies)).tolist() == ["outlet:ap"] * 3
    row = consensus(figures_frame([*copies, mention(claimant="NIS", article_id="n")])).iloc[0]
    assert (row["n_claimants"], row["n_sources"], row["n_reports"]) == (2, 4, 4)


def test_the_best_estimate_counts_each_claimant_once_inside_the_agreed_interval() -> None:
    rows = [mention(value=10000.0, claimant="A", qualifier="at_least", article_id="1"),
            mention(value=10000.0, claimant="A", qualifier="at_least", source="AP", article_id="2"),
            mention(value=9000.0, claimant="B", qualifier="range", low=8000.0, high=12000.0, article_id="3"),
            mention(value=11500.0, claimant="C", qualifier="approx", article_id="4")]
    row = consensus(figures_frame(rows)).iloc[0]
    assert (row["low"], row["best"], row["high"]) == (9000.0, 10350.0, 11500.0)
    assert (row["agree_low"], row["agree_high"]) == (10350.0, 12000.0)


def test_revisions_follow_one_toll_report_by_report_and_one_claimants_estimate() -> None:
    rows = [mention(**TOLL, value=v, article_id=a, published=p)
            for v, a, p in ((47.0, "1", "2024-09-03"), (53.0, "2", "2024-09-04"))]
    rows += [mention(value=v, claimant="NIS", article_id=a, published=p)
             for v, a, p in ((3000.0, "k1", "2024-10-23"), (15000.0, "k2", "2025-04-30"))]
    rows += [mention(value=900.0, claimant="HUR", article_id="h")]
    out = revisions(figures_frame(rows))
    assert out[["series", "value", "change"]].fillna(-1).values.tolist() == \
        [[0, 47.0, -1], [0, 53.0, 6.0], [1, 3000.0, -1], [1, 15000.0, 12000.0]]
    assert set(revisions(figures_frame(rows), min_reports=1)["claimant"]) == {"Pentagon", "NIS", "HUR"}


def test_revisions_refuse_a_min_reports_that_is_no_count() -> None:
    with pytest.raises(ValueError, match="min_reports=0"):
        revisions(figures_frame([mention()]), min_reports=0)


def test_the_poltava_toll_is_a_revision_not_a_contradiction(corpus: pd.DataFrame) -> None:
    grouped = claims(corpus)
    poltava = grouped[(grouped["measure"] == "killed") & (grouped["location"] == "Poltava")]
    assert poltava["claim_id"].nunique() == 1 and set(poltava["quantity"]) == {"event_toll"}
    assert sorted(poltava["status"]) == ["current", "superseded", "superseded"]
    series = revisions(grouped).query("measure == 'killed' and scope == 'place:poltava'")
    assert series["value"].tolist() == [47.0, 53.0, 55.0]
    assert series["change"].tolist()[1:] == [6.0, 2.0]


def test_north_korean_estimates_are_grouped_by_time_and_only_same_time_ones_contradict(
        corpus: pd.DataFrame) -> None:
    grouped = claims(corpus)
    korean = grouped[(grouped["measure"] == "troops") & (grouped["actor"] == "North Korea")
                     & grouped["claim_id"].notna()]
    dates = korean.assign(date=claim_dates(korean)).groupby("claim_id")["date"]
    assert ((dates.max() - dates.min()) <= pd.Timedelta("7D")).all()
    assert korean["claim_id"].nunique() >= 6
    nis = korean[korean["claimant"] == "NIS"]
    assert nis["claim_id"].nunique() == 2  # October 2024 and April 2025 are two times
    for _, group in korean.groupby("claim_id"):
        assert group.loc[group["status"] == "contradiction", "voice"].nunique() != 1


def test_no_corpus_group_mixes_a_country_wide_figure_with_a_towns(corpus: pd.DataFrame) -> None:
    grouped = claims(corpus).dropna(subset=["claim_id"])
    scales = grouped["geo_precision"].astype("object").replace({"near_place": "place"})
    mixed = scales.groupby(grouped["claim_id"]).agg(lambda s: {"place", "country"} <= set(s))
    assert not mixed.any()
    assert (grouped.groupby("claim_id")["scope"].nunique() == 1).all()
