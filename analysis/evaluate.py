"""How right the extractor is: extracted figures scored against gold annotations.

Gold follows the project's annotation guidelines: one JSON object per line, naming its ``article``,
the figure's ``text`` as written, its ``measure`` and ``value``, and optionally its ``qualifier``,
``low``/``high``, ``actor``, ``location``, ``claimant``, ``event_date`` and ``optional`` flag.
A folder of annotated articles holds ``ARTICLE_ID.txt`` files (a ``key: value`` header, a blank
line, the text) and its gold in ``gold.jsonl``; :func:`score_folder` scores one.

Matching, one article at a time: each gold figure (the required ones first) takes the first unused
prediction of its measure whose value agrees (within 2% of the gold value, or 0.05; for a gold range,
agreeing ends will do), preferring one whose span overlaps the gold text in the article. A matched
required figure is a true positive; an unmatched one is missed; an unmatched prediction is spurious.
Optional gold neither counts nor is missed, but it does take the prediction it matches. For each true
positive, every field the gold gives is checked (:func:`field_agrees`); strict F1 counts only the
true positives with every such field right.

>>> gold = [{"article": "n1", "text": "Up to 12,000", "measure": "troops", "value": 12000,
...          "qualifier": "at_most", "actor": "North Korea"}]
>>> articles = pd.DataFrame({"article_id": ["n1"], "text": ["Up to 12,000 North Korean troops were sent."]})
>>> result = score(articles, gold)
>>> result.totals[["tp", "fn", "fp", "f1", "strict_f1"]].tolist()
[1, 0, 0, 1.0, 1.0]
"""
from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.extract.pipeline import extract_figures
from analysis.schema import MEASURES, QUALIFIERS
from analysis.vocabulary import load_vocabulary

__all__ = ["FIELDS", "Evaluation", "GoldError", "combine", "field_agrees", "read_gold", "read_gold_folder",
           "score", "score_folder", "values_agree"]

FIELDS: tuple[str, ...] = ("qualifier", "actor", "location", "claimant", "event_date")
OUTCOMES: tuple[str, ...] = ("matched", "missed", "optional", "spurious")
GOLD_COLUMNS: tuple[str, ...] = ("article", "text", "measure", "value", "qualifier", "low", "high", "actor",
                                 "location", "claimant", "event_date", "optional", "note", "file", "line")
_REQUIRED = ("article", "text", "measure", "value")
_NOT_ARTICLES = {"NOTES", "README", "AUDIT"}  # a set's notes beside its articles, by file stem
_MISSING_TEXT = {"", "nan", "none", "nat", "<na>"}  # how a missing value reads once turned into text
_DATE_RE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_HEADER_LINE_RE = re.compile(r"[\w-]+\s*:")


class GoldError(ValueError):
    """A gold line or an annotated folder is not what the guidelines describe (the message says where)."""


# --- the scorer's vocabulary (analysis/data/evaluate.toml) ------------------------------------------

@dataclass(frozen=True)
class _PlaceWords:
    generic_words: tuple[str, ...]


@dataclass(frozen=True)
class _ClaimantWords:
    generic_words: tuple[str, ...]
    bodies: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class _ScoringWords:
    qualifiers: dict[str, str]
    actors: dict[str, str]
    places: _PlaceWords
    claimants: _ClaimantWords
    body_of: dict[str, str] = field(default_factory=dict, init=False, compare=False)

    def check(self) -> str | None:
        wrong = sorted(set(self.qualifiers.values()) - set(QUALIFIERS))
        if wrong:
            return f"qualifiers: {wrong[0]!r} is not one of {', '.join(QUALIFIERS)}"
        seen: dict[str, str] = {}
        for body, names in self.claimants.bodies.items():
            for name in names:
                if name in seen:
                    return f"claimants.bodies: {name!r} is a name of both '{seen[name]}' and '{body}'"
                seen[name] = body
        return None

    def __post_init__(self) -> None:
        names = {name: body for body, names in self.claimants.bodies.items() for name in names}
        object.__setattr__(self, "body_of", names)


_WORDS: _ScoringWords = load_vocabulary("evaluate", _ScoringWords)
_GENERIC_PLACE_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, _WORDS.places.generic_words)) + r")\b")
_APOSTROPHES_RE = re.compile(r"['’ʼ`]")


# --- agreement of one value or field ----------------------------------------------------------------

def _folded(value: object) -> str | None:
    """``value`` as stripped lower-case text, or None when it is missing (None, NaN, NaT, NA, '')."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    text = str(value).strip().lower()
    return None if text in _MISSING_TEXT else text


def _number(value: object) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def values_agree(gold: object, predicted: object) -> bool:
    """Whether a predicted number is the gold one: within 2% of the gold value, or within 0.05.

    >>> values_agree(10000, 10150), values_agree(10000, 10300), values_agree(0.5, 0.54), values_agree(5, None)
    (True, False, True, False)
    """
    g, p = _number(gold), _number(predicted)
    if g is None or p is None:
        return False
    return abs(p - g) <= max(0.02 * abs(g), 0.05)


def _same_qualifier(gold: str, predicted: str) -> bool:
    return _WORDS.qualifiers.get(predicted, predicted) == gold


def _same_actor(gold: str, predicted: str) -> bool:
    gold, predicted = _WORDS.actors.get(gold, gold), _WORDS.actors.get(predicted, predicted)
    return gold in predicted or predicted in gold


def _place_key(name: str) -> str:
    """A place name without its generic words, end punctuation, apostrophes, and with 'y' read as 'i'
    (one spelling for the romanisations of one town: Kupiansk/Kupyansk, Avdiivka/Avdiyivka)."""
    name = _GENERIC_PLACE_RE.sub("", name).strip(" ,'’s")  # trimming 's' drops what is left of a possessive
    name = _APOSTROPHES_RE.sub("", name).replace("y", "i")
    return re.sub("i+", "i", name).strip()


def _same_place(gold: str, predicted: str) -> bool:
    gold, predicted = _place_key(gold), _place_key(predicted)
    return bool(gold and predicted) and (gold in predicted or predicted in gold)


def _body(name: str) -> str | None:
    return _WORDS.body_of.get(name.replace("’", "'").removeprefix("the ").strip())


def _same_claimant(gold: str, predicted: str) -> bool:
    body = _body(gold)
    if body is not None and body == _body(predicted):
        return True
    words = [w for w in re.findall(r"[a-z.]+", gold) if len(w) >= 4 and w not in _WORDS.claimants.generic_words]
    return gold in predicted or any(w in predicted for w in words)


def _same_date(gold: str, predicted: str) -> bool:
    return predicted[:len(gold)] == gold  # "2024-11" is right for any day of that month


_FIELD_RULES = {"qualifier": _same_qualifier, "actor": _same_actor, "location": _same_place,
                "claimant": _same_claimant, "event_date": _same_date}


def field_agrees(name: str, gold: object, predicted: object) -> bool:
    """Whether the predicted value of field ``name`` is the gold one, by the scorer's rules.

    Both sides are compared in lower case. ``qualifier``: the same after reading aliases ("about" is
    ``approx``). ``actor``: one name contains the other, after aliases ("Russian" is Russia).
    ``location``: one contains the other once generic words ("region", "oblast"...) are dropped and 'y'
    reads as 'i'. ``claimant``: two names of one body, or the prediction contains the gold name or one
    of its distinctive words. ``event_date``: the prediction begins with the gold date ("2024-11").
    A missing prediction is never right.

    >>> (field_agrees("location", "Kursk", "Kursk Oblast"),
    ...  field_agrees("claimant", "NIS", "National Intelligence Service"))
    (True, True)
    >>> field_agrees("event_date", "2024-11", pd.Timestamp("2024-11-04")), field_agrees("actor", "Ukraine", None)
    (True, False)
    """
    if name not in _FIELD_RULES:
        raise ValueError(f"no field {name!r} to check; the fields are {', '.join(FIELDS)}")
    gold_text, predicted_text = _folded(gold), _folded(predicted)
    if gold_text is None or predicted_text is None:
        return False
    return _FIELD_RULES[name](gold_text, predicted_text)


# --- reading gold -----------------------------------------------------------------------------------

def _checked_line(record: object, where: str) -> dict:
    """One gold line, checked against the guidelines; GoldError says what is wrong and where."""
    if not isinstance(record, Mapping):
        raise GoldError(f"{where}: a JSON {type(record).__name__}, not an object")
    record = {k: (None if _number(v) is None and isinstance(v, float) else v) for k, v in record.items()}
    missing = [k for k in _REQUIRED if record.get(k) is None]
    if missing:
        raise GoldError(f"{where}: no {missing[0]!r} field (a gold line needs {', '.join(_REQUIRED)})")
    for key in ("article", "text"):
        if not isinstance(record[key], str) or not record[key].strip():
            raise GoldError(f"{where}: {key!r} should be a non-empty string, not {record[key]!r}")
    if record["measure"] not in MEASURES:
        raise GoldError(f"{where}: measure {record['measure']!r} is not one of {', '.join(MEASURES)}")
    for key in ("value", "low", "high"):
        value = record.get(key)
        if value is None and key != "value":
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise GoldError(f"{where}: {key!r} should be a number{'' if key == 'value' else ' or null'}, "
                            f"not {value!r}")
    qualifier = record.get("qualifier")
    if qualifier is not None and qualifier not in QUALIFIERS:
        raise GoldError(f"{where}: qualifier {qualifier!r} is not one of {', '.join(QUALIFIERS)}")
    for key in ("actor", "location", "claimant", "event_date", "note"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise GoldError(f"{where}: {key!r} should be a string or null, not {record[key]!r}")
    date = record.get("event_date")
    if date and not _DATE_RE.fullmatch(date):
        raise GoldError(f"{where}: event_date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    if record.get("optional") is not None and not isinstance(record["optional"], bool):
        raise GoldError(f"{where}: 'optional' should be true or false, not {record['optional']!r}")
    row = {k: record.get(k) for k in GOLD_COLUMNS}
    row["value"], row["optional"] = float(row["value"]), bool(row["optional"])
    return row


def _lines_of(path: Path) -> Iterable[tuple[dict, str]]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{path}: cannot read the gold file ({type(error).__name__}: {error})") from error
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}, line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldError(f"{where}: not valid JSON ({error.msg} at column {error.colno})") from None
        row = _checked_line(record, where)
        row["file"], row["line"] = str(path), number
        yield row


def read_gold(src: str | Path | Iterable[str | Path] | Iterable[Mapping] | pd.DataFrame) -> pd.DataFrame:
    """Gold figures from JSONL files (a path or a list of paths), a list of dicts, or a frame, checked.

    Parameters
    ----------
    src : str, Path, list of paths, list of dicts, or DataFrame
        JSONL gold files (one figure a line), or the figures themselves as mappings or table rows
        (``article``, ``text``, ``measure`` and ``value`` at least).

    Returns
    -------
    DataFrame
        One row per gold figure with the columns ``article``, ``text``, ``measure``, ``value``,
        ``qualifier``, ``low``, ``high``, ``actor``, ``location``, ``claimant``, ``event_date``,
        ``optional``, ``note``, ``file`` and ``line`` (where the figure was read; None for dicts).

    Raises
    ------
    GoldError
        (a ValueError) Naming the file and line (or the row) of the first line that is not valid
        JSON or lacks what the guidelines require, or a path that is no file.

    Examples
    --------
    >>> gold = read_gold([{"article": "n1", "text": "six", "measure": "killed", "value": 6}])
    >>> gold[["measure", "value", "optional"]].values.tolist()
    [['killed', 6.0, False]]
    >>> read_gold([{"article": "n1", "text": "six", "measure": "dead", "value": 6}])
    Traceback (most recent call last):
    ...
    analysis.evaluate.GoldError: gold row 1: measure 'dead' is not one of troops, killed, injured, ...
    """
    if isinstance(src, pd.DataFrame):
        src = src.to_dict("records")
    if isinstance(src, str | Path | Mapping):
        src = [src]
    rows: list[dict] = []
    for number, item in enumerate(src, start=1):
        if isinstance(item, str | Path):
            if not Path(item).is_file():
                raise GoldError(f"{item}: no such gold file")
            rows.extend(_lines_of(Path(item)))
        else:
            rows.append(_checked_line(item, f"gold row {number}"))
    return pd.DataFrame(rows, columns=list(GOLD_COLUMNS), dtype=object)


def _split_article(raw: str) -> tuple[dict[str, str], str]:
    """A gold-set article: the header lines up to the first blank line, then the text as published.

    A first block that is not all ``key: value`` lines is text, not a header.
    """
    head, blank, text = raw.partition("\n\n")
    lines = [line for line in head.splitlines() if line.strip()]
    if not blank or not lines or not all(_HEADER_LINE_RE.match(line.strip()) for line in lines):
        return {}, raw
    meta = {}
    for line in lines:
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    return meta, text


def read_gold_folder(folder: str | Path, gold: Iterable[str | Path] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The annotated articles of ``folder`` and their gold, as ``(articles, gold)`` frames.

    The articles are the folder's ``*.txt`` and ``*.md`` files (not its ``NOTES``, ``README`` or
    ``AUDIT``), each ``ARTICLE_ID.txt``: a ``key: value`` header (``source``, ``published``...), a blank
    line, the text. The gold is ``folder/gold.jsonl``, every line naming one of the folder's articles.
    With ``gold`` (a list of JSONL files) that is read instead and only the articles it names are kept;
    its lines for other articles are left out.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "n1.txt").write_text("source: Wire\\npublished: 2024-11-05\\n\\nSix were killed.")
    >>> _ = (folder / "gold.jsonl").write_text('{"article": "n1", "text": "Six", "measure": "killed", "value": 6}')
    >>> articles, gold = read_gold_folder(folder)
    >>> articles[["article_id", "source", "text"]].values.tolist(), len(gold)
    ([['n1', 'Wire', 'Six were killed.']], 1)
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldError(f"{folder}: not a folder of annotated articles")
    rows = {}
    for path in sorted([*folder.glob("*.txt"), *folder.glob("*.md")]):
        if path.stem.upper() in _NOT_ARTICLES:
            continue
        try:
            meta, text = _split_article(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as error:
            raise GoldError(f"{path}: cannot read the article ({type(error).__name__}: {error})") from error
        rows[path.stem] = {"article_id": path.stem, "title": meta.get("title") or None,
                           "source": meta.get("source") or None, "published": meta.get("published") or None,
                           "text": text, "path": str(path)}
    if gold is None:
        own = folder / "gold.jsonl"
        if not own.is_file():
            raise GoldError(f"{folder}: no gold.jsonl; pass the gold files with gold=[...]")
        frame = read_gold(own)
        stray = frame[~frame["article"].isin(list(rows))]
        if len(stray):
            first = stray.iloc[0]
            raise GoldError(f"{first['file']}, line {first['line']}: article {first['article']!r} "
                            f"has no file in {folder}")
    else:
        frame = read_gold([gold] if isinstance(gold, str | Path) else list(gold))
        named = set(frame["article"])
        rows = {k: v for k, v in rows.items() if k in named}
        frame = frame[frame["article"].isin(list(rows))].reset_index(drop=True)
    articles = pd.DataFrame(list(rows.values()), columns=["article_id", "title", "source", "published", "text", "path"],
                            dtype=object)
    return articles, frame


# --- matching ---------------------------------------------------------------------------------------

def _occurrences(text: str | None, needle: str) -> list[tuple[int, int]]:
    if not text:
        return []
    found, at = [], text.find(needle)
    while at >= 0:
        found.append((at, at + len(needle)))
        at = text.find(needle, at + 1)
    return found


def _span(prediction: Mapping) -> tuple[float, float] | None:
    start, end = _number(prediction.get("start")), _number(prediction.get("end"))
    return None if start is None or end is None else (start, end)


def _agrees(gold: Mapping, prediction: Mapping) -> bool:
    if values_agree(gold["value"], prediction.get("value")):
        return True
    return gold.get("qualifier") == "range" and values_agree(gold.get("low"), prediction.get("low")) \
        and values_agree(gold.get("high"), prediction.get("high"))


def _surface(text: str | None, prediction: Mapping) -> object:
    span = _span(prediction)
    if text is not None and span is not None:
        return text[int(span[0]):int(span[1])]
    return prediction.get("text")


def _outcome(label: str, article_id: str, outcome: str, gold: Mapping | None, prediction: Mapping | None,
             text: str | None) -> dict:
    row = {"set": label, "article_id": article_id, "outcome": outcome,
           "measure": gold["measure"] if gold is not None else prediction["measure"],
           "gold_text": gold["text"] if gold is not None else None,
           "gold_value": gold["value"] if gold is not None else None,
           "value": _number(prediction.get("value")) if prediction is not None else None,
           "text": _surface(text, prediction) if prediction is not None else None}
    for name in FIELDS:
        wanted = gold.get(name) if gold is not None else None
        got = prediction.get(name) if prediction is not None else None
        row[f"gold_{name}"], row[name] = wanted, (None if _folded(got) is None else got)
        row[f"{name}_ok"] = field_agrees(name, wanted, got) if outcome == "matched" and _folded(wanted) else None
    row["strict"] = all(row[f"{n}_ok"] is not False for n in FIELDS) if outcome == "matched" else None
    return row


def _match_article(label: str, article_id: str, text: str | None, gold: list[dict],
                   predictions: list[dict]) -> list[dict]:
    """The outcome of every gold figure of one article (required ones first), then of every unused prediction."""
    predictions = [p for p in predictions if _folded(p.get("measure")) in MEASURES]
    predictions = [{**p, "measure": _folded(p["measure"])} for p in predictions]
    used: set[int] = set()
    rows = []
    for g in sorted(gold, key=lambda g: bool(g.get("optional"))):
        spans = _occurrences(text, g["text"])
        candidates = [i for i, p in enumerate(predictions)
                      if i not in used and p["measure"] == g["measure"] and _agrees(g, p)]
        placed = [i for i in candidates
                  if (s := _span(predictions[i])) is not None and any(s[0] < e and s[1] > b for b, e in spans)]
        chosen = (placed or candidates or [None])[0]
        if chosen is not None:
            used.add(chosen)
        outcome = "optional" if g.get("optional") else ("missed" if chosen is None else "matched")
        rows.append(_outcome(label, article_id, outcome, g, None if chosen is None else predictions[chosen], text))
    rows += [_outcome(label, article_id, "spurious", None, p, text)
             for i, p in enumerate(predictions) if i not in used]
    return rows


# --- the result -------------------------------------------------------------------------------------

def _is_false(flag: object) -> bool:
    return flag is not None and flag is not pd.NA and not flag


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


_OUTCOME_COLUMNS = ["set", "article_id", "outcome", "measure", "gold_text", "gold_value", "value", "text",
                    *[c for n in FIELDS for c in (f"gold_{n}", n, f"{n}_ok")], "strict"]
_ARTICLE_COLUMNS = ["set", "article_id", "figures", "seconds", "error"]


@dataclass(frozen=True)
class Evaluation:
    """The scores of one or more sets of annotated articles, as tidy frames.

    ``outcomes`` has one row per gold figure and per unmatched prediction: ``outcome`` is ``matched``,
    ``missed``, ``optional`` (optional gold, matched or not) or ``spurious``; beside the gold and predicted
    value of each field, ``<field>_ok`` says whether it is right (NA where the gold leaves it out or the
    figure is not matched), ``strict`` whether all of them are. ``articles`` has one row per article
    scored: how many figures were extracted, in how many seconds, and the error if extraction failed
    (its gold then counts as missed). The other frames are computed from these two.
    """

    outcomes: pd.DataFrame
    articles: pd.DataFrame

    @property
    def totals(self) -> pd.Series:
        """Counts and scores over everything: ``articles``, ``crashes``, ``tp``, ``fn``, ``fp``,
        ``precision``, ``recall``, ``f1``, ``strict_tp``, ``strict_f1``, ``field_accuracy`` (right over
        checked, all fields together) and ``<field>_accuracy`` for each field (NaN when none was checked)."""
        kind = self.outcomes["outcome"]
        tp, fn, fp = int((kind == "matched").sum()), int((kind == "missed").sum()), int((kind == "spurious").sum())
        strict_tp = int(self.outcomes["strict"].fillna(False).astype(bool).sum())
        precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        fields = self.fields
        totals = {"articles": len(self.articles), "crashes": int(self.articles["error"].notna().sum()),
                  "tp": tp, "fn": fn, "fp": fp, "precision": precision, "recall": recall,
                  "f1": _f1(precision, recall), "strict_tp": strict_tp,
                  "strict_f1": _f1(_ratio(strict_tp, tp + fp), _ratio(strict_tp, tp + fn)),
                  "field_accuracy": _ratio(int(fields["right"].sum()), max(1, int(fields["checked"].sum()))),
                  **{f"{name}_accuracy": float(fields.loc[name, "accuracy"]) for name in FIELDS}}
        return pd.Series(totals, dtype=object, name="total")

    @property
    def measures(self) -> pd.DataFrame:
        """One row per measure that has gold or predictions (by name): ``tp``, ``fn``, ``fp``,
        ``precision``, ``recall``, ``f1``. A true positive or a miss counts under its gold measure, a
        spurious figure under its predicted one."""
        scored = self.outcomes[self.outcomes["outcome"] != "optional"]
        if scored.empty:
            return pd.DataFrame(columns=["tp", "fn", "fp", "precision", "recall", "f1"]).rename_axis("measure")
        counts = pd.crosstab(scored["measure"], scored["outcome"]).reindex(
            columns=["matched", "missed", "spurious"], fill_value=0)
        table = counts.rename(columns={"matched": "tp", "missed": "fn", "spurious": "fp"}).sort_index()
        table.index.name, table.columns.name = "measure", None
        table = table.astype(int)
        table["precision"] = [_ratio(tp, tp + fp) for tp, fp in zip(table["tp"], table["fp"], strict=True)]
        table["recall"] = [_ratio(tp, tp + fn) for tp, fn in zip(table["tp"], table["fn"], strict=True)]
        table["f1"] = [_f1(p, r) for p, r in zip(table["precision"], table["recall"], strict=True)]
        return table

    @property
    def fields(self) -> pd.DataFrame:
        """One row per field of :data:`FIELDS`: ``right`` and ``checked`` (true positives whose gold gives
        the field) and ``accuracy`` (NaN when none was checked)."""
        rows = []
        for name in FIELDS:
            ok = self.outcomes[f"{name}_ok"].dropna()
            right, checked = int(ok.astype(bool).sum()), len(ok)
            rows.append({"field": name, "right": right, "checked": checked,
                         "accuracy": right / checked if checked else math.nan})
        return pd.DataFrame(rows).set_index("field")

    @property
    def errors(self) -> pd.DataFrame:
        """What went wrong, article by article: ``kind`` is ``field`` (a true positive with a wrong field:
        ``field``, ``gold``, ``got``), ``missed`` or ``spurious``; ``text`` is the gold text, or the
        predicted figure's words in the article."""
        rows = []
        for (label, article_id), group in self.outcomes.groupby(["set", "article_id"], sort=False):
            for row in group[group["outcome"] == "matched"].to_dict("records"):
                rows += [{"set": label, "article_id": article_id, "kind": "field", "measure": row["measure"],
                          "field": name, "gold": row[f"gold_{name}"], "got": row[name], "text": row["gold_text"]}
                         for name in FIELDS if _is_false(row[f"{name}_ok"])]
            for row in group[group["outcome"] == "missed"].to_dict("records"):
                rows.append({"set": label, "article_id": article_id, "kind": "missed", "measure": row["measure"],
                             "field": None, "gold": row["gold_value"], "got": None, "text": row["gold_text"]})
            for row in group[group["outcome"] == "spurious"].to_dict("records"):
                rows.append({"set": label, "article_id": article_id, "kind": "spurious", "measure": row["measure"],
                             "field": None, "gold": None, "got": row["value"], "text": row["text"]})
        columns = ["set", "article_id", "kind", "measure", "field", "gold", "got", "text"]
        return pd.DataFrame(rows, columns=columns, dtype=object)

    def by_set(self) -> pd.DataFrame:
        """:attr:`totals` for each set (a folder of :func:`score_folder`), one row each, in order."""
        labels = list(dict.fromkeys([*self.articles["set"], *self.outcomes["set"]]))
        rows = [Evaluation(self.outcomes[self.outcomes["set"] == label],
                           self.articles[self.articles["set"] == label]).totals.to_dict() for label in labels]
        return pd.DataFrame(rows, index=pd.Index(labels, name="set"), columns=list(self.totals.index))


def combine(evaluations: Iterable[Evaluation]) -> Evaluation:
    """One evaluation of several (of different folders, say): the totals are over all of them.

    >>> one = score(pd.DataFrame({"article_id": ["n1"], "text": ["Six were killed."]}),
    ...             [{"article": "n1", "text": "Six", "measure": "killed", "value": 6}], label="first")
    >>> combine([one, one]).by_set()["tp"].tolist(), combine([one, one]).totals["tp"]
    ([2], 2)
    """
    evaluations = list(evaluations)
    outcomes = pd.concat([e.outcomes for e in evaluations], ignore_index=True) if evaluations else None
    articles = pd.concat([e.articles for e in evaluations], ignore_index=True) if evaluations else None
    return Evaluation(_frame([], _OUTCOME_COLUMNS) if outcomes is None else outcomes,
                      _frame([], _ARTICLE_COLUMNS) if articles is None else articles)


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns, dtype=object)


# --- scoring ----------------------------------------------------------------------------------------

def _records_by_article(figures: pd.DataFrame) -> dict[str, list[dict]]:
    if "article_id" not in figures.columns:
        raise ValueError("the figures table has no 'article_id' column to pair its figures with the gold")
    return {str(k): group.to_dict("records") for k, group in figures.groupby("article_id", sort=False)}


def _extract(article: Mapping) -> tuple[list[dict], float, str | None]:
    """The article's figures as records, the seconds it took, and the error if it failed (no figures)."""
    if article.get("error") is not None and _folded(article.get("error")) is not None:
        return [], 0.0, str(article["error"])
    started = time.perf_counter()
    try:
        published = article.get("published")
        figures = extract_figures(article.get("text"), published=None if _folded(published) is None else published,
                                  source=article.get("source") if _folded(article.get("source")) else None,
                                  article_id=str(article["article_id"]))
    except Exception as error:  # a failure on one article scores its gold as missed, the others go on
        return [], time.perf_counter() - started, f"{type(error).__name__}: {error}"
    return figures.to_dict("records"), time.perf_counter() - started, None


def score(data: pd.DataFrame, gold: str | Path | Iterable[str | Path] | Iterable[Mapping] | pd.DataFrame, *,
          articles: pd.DataFrame | None = None, label: str = "") -> Evaluation:
    """Score figures against gold: precision, recall and F1, per measure, per field, and strict F1.

    Parameters
    ----------
    data : DataFrame
        Either articles (a ``text`` and an ``article_id`` column, as :func:`analysis.read_articles`
        gives; ``published`` and ``source`` are used too), which are extracted here one by one, or a
        figures table (a ``measure`` column, as :func:`analysis.extract` gives).
    gold : path, list of paths, list of dicts or DataFrame
        Gold figures (see :func:`read_gold`); an ``article`` names the ``article_id`` it belongs to.
    articles : DataFrame, optional
        With a figures table: the articles it was extracted from (``article_id``, ``text``). They decide
        which articles are scored (one without gold expects no figures), and their texts tell which of
        two predictions of equal value sits at the gold text. Without it, the articles scored are those
        the gold names.
    label : str
        The ``set`` column of the result (the folder's name in :func:`score_folder`).

    Returns
    -------
    Evaluation
        ``totals``, ``measures``, ``fields``, ``errors`` and ``by_set()``, computed from its
        ``outcomes`` and ``articles`` frames. Articles extracted here are scored all, with or without
        gold; gold for articles not scored is left out.

    Raises
    ------
    TypeError
        If ``data`` is not a DataFrame (for a folder, use :func:`score_folder`).
    ValueError
        If ``data`` has neither a ``text`` nor a ``measure`` column, articles lack ``article_id``,
        or ``articles`` lacks ``article_id`` or ``text``.
    GoldError
        (a ValueError) If the gold is not valid, as in :func:`read_gold`.

    Examples
    --------
    >>> gold = [{"article": "n1", "text": "40", "measure": "killed", "value": 40, "claimant": "Ivan Fedorov"},
    ...         {"article": "n1", "text": "seven", "measure": "injured", "value": 7}]
    >>> figures = pd.DataFrame({"article_id": ["n1"], "measure": ["killed"], "value": [40.0],
    ...                         "claimant": ["Governor Ivan Fedorov"]})
    >>> result = score(figures, gold)
    >>> result.totals[["tp", "fn", "fp", "recall", "claimant_accuracy"]].tolist()
    [1, 1, 0, 0.5, 1.0]
    >>> result.errors[["kind", "measure", "gold"]].values.tolist()
    [['missed', 'injured', 7.0]]
    """
    if not isinstance(data, pd.DataFrame):
        hint = "; for a folder of annotated articles use score_folder()" if isinstance(data, str | Path) else ""
        raise TypeError(f"score() takes a DataFrame of articles or of figures, not {type(data).__name__}{hint}")
    gold_frame = read_gold(gold)
    gold_by_article: dict[str, list[dict]] = {}
    for row in gold_frame.to_dict("records"):
        gold_by_article.setdefault(row["article"], []).append(row)
    article_rows, outcome_rows = [], []
    if "measure" in data.columns:
        predicted = _records_by_article(data)
        texts = {}
        if articles is not None:
            if not {"article_id", "text"} <= set(articles.columns):
                raise ValueError("articles= needs the columns 'article_id' and 'text'")
            texts = {str(k): (t if isinstance(t, str) else None) for k, t in zip(articles["article_id"],
                                                                                  articles["text"], strict=True)}
        ids = list(texts) if articles is not None else list(gold_by_article)
        for article_id in ids:
            figures = predicted.get(article_id, [])
            article_rows.append({"set": label, "article_id": article_id, "figures": len(figures),
                                 "seconds": None, "error": None})
            outcome_rows += _match_article(label, article_id, texts.get(article_id),
                                           gold_by_article.get(article_id, []), figures)
    elif "text" in data.columns:
        if "article_id" not in data.columns:
            raise ValueError("the articles table has no 'article_id' column to pair its articles with the gold")
        for article in data.to_dict("records"):
            article_id = str(article["article_id"])
            figures, seconds, error = _extract(article)
            article_rows.append({"set": label, "article_id": article_id, "figures": len(figures),
                                 "seconds": seconds, "error": error})
            text = article.get("text") if isinstance(article.get("text"), str) else None
            outcome_rows += _match_article(label, article_id, text, gold_by_article.get(article_id, []), figures)
    else:
        raise ValueError(f"score() needs articles (a 'text' column) or figures (a 'measure' column); "
                         f"the columns are {list(data.columns)[:10]}")
    outcomes = _frame(outcome_rows, _OUTCOME_COLUMNS)
    for name in (*[f"{n}_ok" for n in FIELDS], "strict"):
        outcomes[name] = outcomes[name].astype("boolean")
    return Evaluation(outcomes, _frame(article_rows, _ARTICLE_COLUMNS))


def score_folder(folder: str | Path, gold: Iterable[str | Path] | None = None, *,
                 label: str | None = None) -> Evaluation:
    """Extract the annotated articles of ``folder`` and score them against their gold.

    The folder is read by :func:`read_gold_folder`: its gold is ``gold.jsonl``, or the files ``gold``
    names (then only the articles with gold lines are scored). ``label`` (default: the folder as
    given) fills the ``set`` column.

    Parameters
    ----------
    folder : str or Path
        A folder of annotated articles (``.txt`` files with a header block) and their gold.
    gold : list of paths, optional
        The gold files to use instead of the folder's ``gold.jsonl``.
    label : str, optional
        The ``set`` column of the result; by default the folder as given.

    Returns
    -------
    Evaluation
        As :func:`score` returns it, for the articles of ``folder``.

    Raises
    ------
    GoldError
        (a ValueError) If ``folder`` is not a folder of annotated articles, an article cannot be
        read, there is no gold, or a gold line is not valid or names an article the folder lacks.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "n1.txt").write_text("source: Wire\\npublished: 2024-11-05\\n\\nUp to 12,000 troops were sent.")
    >>> _ = (folder / "gold.jsonl").write_text('{"article": "n1", "text": "Up to 12,000", "measure": "troops", '
    ...                                        '"value": 12000, "qualifier": "at_most"}')
    >>> score_folder(folder).totals[["articles", "tp", "f1", "qualifier_accuracy"]].tolist()
    [1, 1, 1.0, 1.0]
    """
    articles, gold_frame = read_gold_folder(folder, gold)
    return score(articles, gold_frame, label=str(folder) if label is None else label)
