"""analysis.evaluate: the matching of predicted figures to gold, the metrics, reading gold, and the script."""
from __future__ import annotations

import json
import math

import pandas as pd
import pytest

import analysis
from analysis import evaluate
from analysis.evaluate import GoldError, combine, field_agrees, read_gold, read_gold_folder, score, score_folder

from .conftest import load_benchmark


def _gold(measure="killed", value=5, text="5", article="t1", **fields):
    return {"article": article, "text": text, "measure": measure, "value": value, **fields}


def _pred(measure="killed", value=5.0, article="t1", **fields):
    return {"article_id": article, "measure": measure, "value": value, **fields}


def _counts(result):
    t = result.totals
    return t["tp"], t["fn"], t["fp"], t["strict_tp"]


# --- one value, one field ----------------------------------------------------------------------------

@pytest.mark.parametrize(("gold", "predicted", "expected"), [
    (1000, 1000.0, True),
    (1000, 1019, True),        # within 2%
    (1000, 1021, False),
    (0.5, 0.549, True),        # small values: within 0.05
    (0.5, 0.56, False),
    (300, None, False),
    (300, float("nan"), False),
    (300, pd.NA, False),
])
def test_values_agree_within_two_percent_or_five_hundredths(gold, predicted, expected):
    assert evaluate.values_agree(gold, predicted) is expected


@pytest.mark.parametrize(("field", "gold", "predicted", "expected"), [
    ("qualifier", "approx", "approx", True),
    ("qualifier", "approx", "about", True),            # an alias of the guideline's name
    ("qualifier", "at_least", "more_than", True),
    ("qualifier", "at_least", "exact", False),
    ("qualifier", "exact", None, False),
    ("actor", "Russia", "Russian", True),
    ("actor", "North Korea", "DPRK", True),
    ("actor", "Russia", "Russian forces", True),       # one name holds the other
    ("actor", "Ukraine", "Russia", False),
    ("actor", "civilians", "Civilian", True),
    ("location", "Kharkiv", "Kharkiv Oblast", True),
    ("location", "Kharkiv region", "Kharkiv Oblast", True),
    ("location", "Kupiansk", "Kupyansk", True),        # two romanisations of one town
    ("location", "Lviv", "Kyiv", False),
    ("location", "the area", "Sumy", False),           # nothing left once generic words are dropped
    ("location", "Sumy", pd.NA, False),
    ("claimant", "SBU", "Security Service of Ukraine", True),
    ("claimant", "the Pentagon", "U.S. Department of Defense", True),
    ("claimant", "Ivan Fedorov", "Governor Ivan Fedorov", True),
    ("claimant", "Oleksandr Syrskyi", "Syrskyi", True),       # one distinctive word of the gold will do
    ("claimant", "Syrskyi", "Oleksandr Syrskyi", True),
    ("claimant", "Russian Defence Ministry", "Ukrainian Defence Ministry", False),
    ("claimant", "Russian Defence Ministry", "Russia's defence ministry", True),
    ("event_date", "2024-11-05", pd.Timestamp("2024-11-05"), True),
    ("event_date", "2024-11", pd.Timestamp("2024-11-21"), True),   # a month is right for any of its days
    ("event_date", "2024-11-05", pd.Timestamp("2024-11-04"), False),
    ("event_date", "2024-11-05", pd.NaT, False),
])
def test_field_agrees(field, gold, predicted, expected):
    assert field_agrees(field, gold, predicted) is expected


def test_an_unknown_field_is_a_clear_error():
    with pytest.raises(ValueError, match="no field 'side'.*qualifier, actor"):
        field_agrees("side", "a", "a")


# --- matching and counting ---------------------------------------------------------------------------

MATCHING = {
    "one figure, found": ([_gold()], [_pred()], (1, 0, 0, 1)),
    "another measure is a miss and a spurious figure": ([_gold()], [_pred(measure="injured")], (0, 1, 1, 0)),
    "a value 5% off is a miss and a spurious figure": ([_gold(value=100)], [_pred(value=105.0)], (0, 1, 1, 0)),
    "a range matches by its ends": ([_gold(value=11500, qualifier="range", low=11000, high=12000)],
                                    [_pred(value=11000.0, low=11000.0, high=12000.0, qualifier="range")],
                                    (1, 0, 0, 1)),
    "ends only count for a gold range": ([_gold(value=11500, low=11000, high=12000)],
                                         [_pred(value=11000.0, low=11000.0, high=12000.0)], (0, 1, 1, 0)),
    "optional gold takes its prediction, uncounted": ([_gold(optional=True)], [_pred()], (0, 0, 0, 0)),
    "optional gold is never missed": ([_gold(optional=True)], [], (0, 0, 0, 0)),
    "required gold is served first": ([_gold(optional=True), _gold()], [_pred()], (1, 0, 0, 1)),
    "one prediction matches one gold figure": ([_gold(), _gold()], [_pred()], (1, 1, 0, 1)),
    "a measure outside the schema is ignored": ([], [_pred(measure="money")], (0, 0, 0, 0)),
    "the measure is read in lower case": ([_gold()], [_pred(measure="Killed")], (1, 0, 0, 1)),
    "a wrong field spoils strict": ([_gold(actor="Ukraine")], [_pred(actor="Russia")], (1, 0, 0, 0)),
    "a field the gold leaves out is not checked": ([_gold(actor=None)], [_pred(actor="Russia")], (1, 0, 0, 1)),
    "gold for another article is left out": ([_gold(), _gold(article="t2")], [_pred()], (1, 0, 0, 1)),
}


@pytest.mark.parametrize(("gold", "predictions", "expected"), MATCHING.values(), ids=MATCHING.keys())
def test_matching(gold, predictions, expected):
    articles = pd.DataFrame({"article_id": ["t1"], "text": ["Five figures, 5 of them."]})
    figures = pd.DataFrame(predictions, columns=["article_id", "measure", "value", "low", "high", "qualifier",
                                                 "actor"])
    assert _counts(score(figures, gold, articles=articles)) == expected


def test_of_two_predictions_of_one_value_the_one_at_the_gold_text_is_taken():
    text = "Five were killed in Kherson and five in Odesa."
    figures = pd.DataFrame([_pred(location="Kherson", start=0, end=4), _pred(location="Odesa", start=32, end=36)])
    gold = [_gold(text="five in Odesa", location="Odesa")]
    placed = score(figures, gold, articles=pd.DataFrame({"article_id": ["t1"], "text": [text]}))
    assert _counts(placed) == (1, 0, 1, 1)
    assert placed.errors[["kind", "text"]].values.tolist() == [["spurious", "Five"]]
    unplaced = score(figures, gold)  # without the text, the first of equal predictions is taken
    assert _counts(unplaced) == (1, 0, 1, 0)


def test_totals_measures_fields_and_errors():
    gold = [_gold(value=5, actor="Ukraine", claimant="Kherson governor"),
            _gold(value=7, actor="Ukraine", claimant="Kherson governor"),
            _gold(measure="injured", value=12, location="Kherson"),
            _gold(measure="troops", value=400, optional=True)]
    figures = pd.DataFrame([_pred(value=5.0, actor="Ukraine", claimant="regional police"),
                            _pred(value=7.0, actor="Russia", claimant="Kherson governor"),
                            _pred(measure="captured", value=3.0)])
    result = score(figures, gold)
    totals = result.totals
    assert (totals["tp"], totals["fn"], totals["fp"], totals["strict_tp"]) == (2, 1, 1, 0)
    assert totals["precision"] == pytest.approx(2 / 3) and totals["recall"] == pytest.approx(2 / 3)
    assert totals["f1"] == pytest.approx(2 / 3) and totals["strict_f1"] == 0.0
    assert totals["field_accuracy"] == pytest.approx(2 / 4)
    assert totals["actor_accuracy"] == 0.5 and totals["claimant_accuracy"] == 0.5
    assert math.isnan(totals["location_accuracy"])  # the one gold location was missed, never checked
    assert result.measures[["tp", "fn", "fp"]].to_dict("index") == {
        "captured": {"tp": 0, "fn": 0, "fp": 1}, "injured": {"tp": 0, "fn": 1, "fp": 0},
        "killed": {"tp": 2, "fn": 0, "fp": 0}}
    assert result.measures.loc["killed", "f1"] == 1.0 and result.measures.loc["captured", "precision"] == 0.0
    assert result.fields.loc["actor"].tolist() == [1, 2, 0.5]
    assert result.errors[["kind", "measure", "field", "gold", "got"]].values.tolist() == [
        ["field", "killed", "claimant", "Kherson governor", "regional police"],  # figure by figure, as matched
        ["field", "killed", "actor", "Ukraine", "Russia"],
        ["missed", "injured", None, 12.0, None],
        ["spurious", "captured", None, None, 3.0]]
    assert result.outcomes["outcome"].tolist() == ["matched", "matched", "missed", "optional", "spurious"]


def test_nothing_to_score_gives_zeros_not_errors():
    result = score(pd.DataFrame(columns=["article_id", "measure", "value"]), [])
    assert _counts(result) == (0, 0, 0, 0) and result.totals["f1"] == 0.0
    assert result.measures.empty and result.errors.empty


def test_an_article_without_gold_makes_its_figures_spurious_when_it_is_scored():
    articles = pd.DataFrame({"article_id": ["t1", "t2"], "text": ["5 died.", "9 died."]})
    figures = pd.DataFrame([_pred(), _pred(article="t2", value=9.0)])
    assert _counts(score(figures, [_gold()], articles=articles)) == (1, 0, 1, 1)
    assert _counts(score(figures, [_gold()])) == (1, 0, 0, 1)  # without articles=, the gold's articles


# --- scoring articles: extraction here ---------------------------------------------------------------

def test_articles_are_extracted_and_a_failing_one_counts_as_all_missed(monkeypatch):
    real = evaluate.extract_figures

    def flaky(text, **kwargs):
        if kwargs["article_id"] == "bad":
            raise RuntimeError("broken on purpose")
        return real(text, **kwargs)

    monkeypatch.setattr(evaluate, "extract_figures", flaky)
    articles = pd.DataFrame({"article_id": ["ok", "bad"], "published": ["2024-11-05", None],
                             "text": ["Up to 12,000 North Korean troops were sent.", "Up to 9,000 were sent."]})
    gold = [_gold("troops", 12000, "Up to 12,000", "ok", qualifier="at_most"),
            _gold("troops", 9000, "Up to 9,000", "bad")]
    result = score(articles, gold)
    assert result.totals[["articles", "crashes", "tp", "fn"]].tolist() == [2, 1, 1, 1]
    assert result.articles.set_index("article_id").loc["bad", "error"] == "RuntimeError: broken on purpose"


@pytest.mark.parametrize(("data", "error", "message"), [
    ("some/folder", TypeError, "score_folder"),
    (pd.DataFrame({"title": ["x"]}), ValueError, "'text' column.*'measure' column"),
    (pd.DataFrame({"text": ["x"]}), ValueError, "no 'article_id' column"),
])
def test_score_says_what_it_needs(data, error, message):
    with pytest.raises(error, match=message):
        score(data, [])


def test_combine_keeps_each_set_and_totals_over_all():
    one = score(pd.DataFrame([_pred()]), [_gold()], label="first")
    two = score(pd.DataFrame([_pred(value=6.0)]), [_gold()], label="second")
    both = combine([one, two])
    assert both.by_set()[["tp", "fn", "fp"]].to_dict("index") == {
        "first": {"tp": 1, "fn": 0, "fp": 0}, "second": {"tp": 0, "fn": 1, "fp": 1}}
    assert _counts(both) == (1, 1, 1, 1) and both.totals["f1"] == 0.5


def test_the_package_exports_the_scoring():
    assert analysis.score is score and analysis.score_folder is score_folder and analysis.read_gold is read_gold


# --- reading gold ------------------------------------------------------------------------------------

GOOD = json.dumps(_gold())
BAD_LINES = {
    "not JSON": ("{'article': 't1'}", "not valid JSON"),
    "not an object": ("[1, 2]", "a JSON list, not an object"),
    "no measure": (json.dumps({"article": "t1", "text": "5", "value": 5}), "no 'measure' field"),
    "unknown measure": (json.dumps(_gold(measure="dead")), "measure 'dead' is not one of troops"),
    "value as text": (json.dumps(_gold(value="five")), "'value' should be a number, not 'five'"),
    "value true": (json.dumps(_gold(value=True)), "'value' should be a number"),
    "low as text": (json.dumps(_gold(low="4")), "'low' should be a number or null"),
    "unknown qualifier": (json.dumps(_gold(qualifier="roughly")), "qualifier 'roughly' is not one of exact"),
    "date in words": (json.dumps(_gold(event_date="5 November")), "event_date '5 November' is not YYYY"),
    "actor as a list": (json.dumps(_gold(actor=["Russia"])), "'actor' should be a string or null"),
    "optional as text": (json.dumps(_gold(optional="yes")), "'optional' should be true or false"),
    "empty text": (json.dumps(_gold(text=" ")), "'text' should be a non-empty string"),
}


@pytest.mark.parametrize(("line", "message"), BAD_LINES.values(), ids=BAD_LINES.keys())
def test_a_bad_gold_line_is_named_by_file_and_line(tmp_path, line, message):
    path = tmp_path / "mine.jsonl"
    path.write_text(f"{GOOD}\n\n{line}\n", encoding="utf-8")
    with pytest.raises(GoldError, match=message) as caught:
        read_gold(path)
    assert str(caught.value).startswith(f"{path}, line 3: ")


def test_gold_from_dicts_and_frames_is_checked_too():
    with pytest.raises(GoldError, match="gold row 2: no 'value' field"):
        read_gold([_gold(), {"article": "t1", "text": "5", "measure": "killed"}])
    frame = read_gold(pd.DataFrame([_gold(), _gold(value=6, actor="Russia")]))
    assert frame[["value", "actor"]].values.tolist() == [[5.0, None], [6.0, "Russia"]]
    with pytest.raises(GoldError, match="no such gold file"):
        read_gold("nowhere/gold.jsonl")


def _folder(tmp_path, articles: dict[str, str], gold: list[dict] | None):
    tmp_path.mkdir(parents=True, exist_ok=True)
    for name, content in articles.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    if gold is not None:
        (tmp_path / "gold.jsonl").write_text("\n".join(map(json.dumps, gold)), encoding="utf-8")
    return tmp_path


def test_a_folder_reads_its_articles_headers_and_gold(tmp_path):
    folder = _folder(tmp_path, {
        "t1.txt": "title: A day\nsource: Wire\npublished: 2024-11-05\npublished_confidence: low\n\n5 died.",
        "t2.md": "Nine died.\n\nNo header here: the whole file is text.",
        "NOTES.md": "not an article", "README.txt": "not an article either",
    }, [_gold()])
    articles, gold = read_gold_folder(folder)
    assert articles[["article_id", "source", "published", "text"]].values.tolist() == [
        ["t1", "Wire", "2024-11-05", "5 died."],
        ["t2", None, None, "Nine died.\n\nNo header here: the whole file is text."]]
    assert gold["file"].tolist() == [str(folder / "gold.jsonl")] and gold["line"].tolist() == [1]


def test_with_gold_files_only_the_annotated_articles_are_scored(tmp_path):
    folder = _folder(tmp_path / "set", {"t1.txt": "5 died.", "t2.txt": "9 died."}, None)
    extra = tmp_path / "mine.jsonl"
    extra.write_text(json.dumps(_gold()) + "\n" + json.dumps(_gold(article="elsewhere")), encoding="utf-8")
    articles, gold = read_gold_folder(folder, [extra])
    assert articles["article_id"].tolist() == ["t1"] and gold["article"].tolist() == ["t1"]


@pytest.mark.parametrize(("gold", "message"), [
    (None, "no gold.jsonl; pass the gold files"),
    ([_gold(), _gold(article="t9")], "gold.jsonl, line 2: article 't9' has no file in"),
])
def test_a_folder_without_its_gold_or_with_stray_gold_is_an_error(tmp_path, gold, message):
    folder = _folder(tmp_path, {"t1.txt": "5 died."}, gold)
    with pytest.raises(GoldError, match=message):
        read_gold_folder(folder)
    with pytest.raises(GoldError, match="not a folder"):
        read_gold_folder(tmp_path / "t1.txt")


# --- benchmarks/accuracy.py --------------------------------------------------------------------------

def _accuracy_script():
    return load_benchmark("accuracy")


@pytest.fixture
def two_sets(tmp_path):
    for name, number in (("north", "12,000"), ("south", "3,000")):
        text = f"source: Wire\npublished: 2024-11-05\n\nUp to {number} North Korean troops were sent."
        value = int(number.replace(",", ""))
        _folder(tmp_path / name, {f"{name}1.txt": text},
                [_gold("troops", value, f"Up to {number}", f"{name}1", qualifier="at_most")])
    return [str(tmp_path / "north"), str(tmp_path / "south")]


def test_the_script_prints_one_line_per_folder_and_the_total(two_sets, capsys):
    assert _accuracy_script().main([*two_sets, "--show-errors", "--min-f1", "0.5"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:9] == ["set", "articles", "tp", "fn", "fp", "P", "R", "F1", "strict"]
    assert [line.split()[0] for line in lines[1:4]] == [*two_sets, "total"]
    assert lines[3].split()[1:5] == ["2", "2", "0", "0"]
    assert any(line.startswith("fields: qualifier=2/2") for line in lines)


def test_the_script_writes_json_and_fails_below_min_f1(two_sets, capsys):
    assert _accuracy_script().main([*two_sets, "--json", "--min-f1", "1.01"]) == 1
    rows = json.loads(capsys.readouterr().out)
    assert [row["set"] for row in rows] == [*two_sets, "total"] and rows[-1]["tp"] == 2
    assert rows[-1]["actor_accuracy"] is None  # no gold actor: nothing checked


def test_the_script_reports_bad_gold_without_a_traceback(tmp_path, capsys):
    folder = _folder(tmp_path, {"t1.txt": "5 died."}, None)
    (folder / "gold.jsonl").write_text("{broken\n", encoding="utf-8")
    assert _accuracy_script().main([str(folder)]) == 2
    assert "gold.jsonl, line 1: not valid JSON" in capsys.readouterr().err
