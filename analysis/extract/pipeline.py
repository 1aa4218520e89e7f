"""Articles in, figures out: the pipeline that turns text into rows of the figures table.

Per article: split sentences, find numbers, read what each counts, then tie it to a claimant,
a place and a date. ``extract_figures`` does one text; ``extract`` does a whole articles table.

>>> extract_figures("Russian forces advanced up to 9 kilometers in the Donetsk region.")[
...     ["measure", "value", "qualifier", "actor", "location"]].values.tolist()
[['advance', 9.0, 'at_most', 'Russia', 'Donetsk Oblast']]
"""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from analysis.extract import measures, places
from analysis.extract.actors import OPPONENT, actor_of, carry_actors, decide_actor, side_of
from analysis.extract.articles import article_id_for, parse_published
from analysis.extract.attribution import claims_by_sentence, registry_kind, registry_side
from analysis.extract.linking import ArticleContext, SentenceLinks
from analysis.extract.measures import Reading, as_written, composite_total
from analysis.extract.numbers import NumberMention, find_numbers
from analysis.extract.rules import NONE
from analysis.extract.sentences import group_by_sentence, split_sentences
from analysis.extract.view import Figure, SentenceView
from analysis.runtime import cyclic_gc_paused
from analysis.schema import MEASURE_UNITS, figures_frame
from analysis.vocabulary import lowered

MAX_TEXT_CHARS = 20_000_000
# the fields whose deciding rules the ``rules`` column names, in its order
RULE_FIELDS = ("measure", "actor", "claimant", "place", "date")


def extract_figures(text: str, *, published: object = None, source: str | None = None,
                    article_id: str | None = None) -> pd.DataFrame:
    """Every figure in one article text, as a figures table (see :mod:`analysis.schema`).

    Parameters
    ----------
    text : str
        The article text.
    published : date-like, optional
        Publication date ("2024-11-05", a datetime, a Timestamp); relative dates resolve against it.
    source, article_id : str, optional
        Copied into every row; ``article_id`` defaults to a hash of the text.

    Returns
    -------
    DataFrame
        One row per figure, with the columns and dtypes of
        :data:`analysis.schema.FIGURE_COLUMNS`; no rows if the text reports no figure.

    Raises
    ------
    TypeError
        If ``text`` is not a str (bytes included: decode them first).
    ValueError
        If ``text`` is longer than one article may be, or ``published`` is not a date.

    Examples
    --------
    >>> extract_figures("An attack on Tuesday left six dead, according to Governor Ivan Fedorov.",
    ...                 published="2024-11-05")[["measure", "value", "claimant", "event_date"]].values.tolist()
    [['killed', 6.0, 'Ivan Fedorov', Timestamp('2024-11-05 00:00:00')]]
    """
    if not isinstance(text, str):
        kind = type(text).__name__
        hint = "; decode bytes first, or use read_articles() on the file" if isinstance(text, bytes) else ""
        raise TypeError(f"extract_figures() needs the article text as str, not {kind}{hint}")
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"text is {len(text):,} characters, more than the {MAX_TEXT_CHARS:,} one article may have")
    base = parse_published(published)
    if article_id is None:
        article_id = article_id_for(text)
    with cyclic_gc_paused():  # (a call allocates enough to start the collector, which frees nothing here)
        rows = figure_records(text, published=base, source=source, article_id=article_id)
        return figures_frame(rows)


def read_figure(f: Figure) -> Reading | None:
    """What a figure counts (:mod:`.measures`) and whose it is (:mod:`.actors`), or None if it is no figure."""
    reading = measures.read(f)
    if reading is not None and not reading.actor_rule:
        if reading.measure == "duration":
            reading.actor_rule = "none"  # the length of the war belongs to no side
        else:
            reading.actor_rule, reading.actor = decide_actor(f, reading)
    return reading


def figure_records(text: str, *, published: pd.Timestamp | None, source: str | None,
                   article_id: str | None) -> list[dict]:
    """The figures of one text as plain dicts (the rows of :func:`extract_figures`)."""
    shown = _storable(text)  # what the rows quote: the text as given, where a table can hold it
    text = shown.replace("\x00", " ")  # the rules read NUL as a space
    sentences = split_sentences(text)
    if not sentences:
        return []
    low = lowered(text)  # the rules match lower-cased text; offsets are the same
    mentions_in = group_by_sentence(find_numbers(text, low=low), sentences)
    with_numbers = {k for k, mentions in enumerate(mentions_in) if _has_quantity(mentions)}
    if not with_numbers:
        return []
    claims = claims_by_sentence(text, sentences, needed=with_numbers, source=source)
    # a figure's place is in its sentence, the one before, or the lede: only those are read
    lede = set(range(min(2, len(sentences))))
    wanted = sorted(with_numbers | {k - 1 for k in with_numbers if k} | lede)
    place_mentions = places.find_places(text, spans=[(sentences[k].start, sentences[k].end) for k in wanted])
    places_in = group_by_sentence(place_mentions, sentences)
    context = ArticleContext.build(text, sentences, claims, place_mentions, places_in, published)
    article = {"article_id": article_id, "source": source, "published": published}
    rows: list[dict] = []
    last: tuple[int, Reading | None] = (-2, None)  # the last reading of the last sentence read, and its index
    for k in sorted(with_numbers):
        sentence, mentions = sentences[k], mentions_in[k]
        view = SentenceView(text, low, mentions, sentence.start, sentence.end, read=read_figure,
                            before=last[1] if _continues(last[0], k, with_numbers) else None)
        links = None
        last = (k, None)
        for i in range(len(mentions)):
            reading = view.reading(i)
            if reading is None:
                continue
            last = (k, reading)
            context.measures_read.setdefault(k, set()).add(reading.measure)
            links = links or SentenceLinks(context, k)  # only sentences with a figure are linked
            reading = as_written(text, low, reading)
            rows.append(_row(article, links, mentions[i], reading, shown, derived=False))
            derived = composite_total(view.figure(i), reading)
            if derived is not None:
                rows.append(_row(article, links, derived[0], derived[1], shown, derived=True))
    carry_actors(rows, text)
    for row in rows:
        row["rules"] = ";".join(f"{name}={row['_rules'][name]}" for name in RULE_FIELDS if name in row["_rules"])
    return rows


def _continues(j: int, k: int, with_numbers: set[int]) -> bool:
    """Whether sentence k goes on from the figures of sentence j: the sentence right before, or the one
    before that when the sentence between counts nothing, across a paragraph break too ("Of the 144
    freed, ... Defence Intelligence called it the largest swap. // By branch, the group includes 59 ...")."""
    return j == k - 1 or (j >= 0 and j == k - 2 and k - 1 not in with_numbers)


def _has_quantity(mentions: list[NumberMention]) -> bool:
    return any(m.kind == "quantity" for m in mentions)


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _storable(text: str) -> str:
    """The text with lone surrogates (half an emoji from a broken JSON escape, which no file or Arrow
    table can hold) as U+FFFD, one character for one, so that offsets stay those of the input."""
    return _SURROGATE_RE.sub("\ufffd", text) if not text.isascii() else text


@lru_cache(maxsize=4096)  # (an article quotes a few claimants many times; their names are short)
def _claimant_side(name: str, person: bool, role: str | None) -> str | None:
    """The side a claimant speaks for: the registry's, else the party its name names, else, for a
    person, the party their role names ('the Moscow-installed official Igor Sokolov': Russia)."""
    side = registry_side(name)
    if side is None and not person and len(parties := name.replace(" and ", ", ").split(", ")) > 1 \
            and all(side_of(party) or actor_of(party) for party in parties):
        return None  # "Russia and Ukraine", "Ukraine, United States and South Korea": no one side
    side = side or side_of(name) or _country_of_place_in(name)
    return side if side is not None or not person or not role else side_of(role)


def _country_of_place_in(name: str) -> str | None:
    """The side whose town or region opens a claimant's name ("Belgorod governor": Russia, "Kharkiv regional
    administration": Ukraine), if it is a side of the war."""
    words = name.split()
    for n in (2, 1):
        if len(words) > n:
            place = places.geocode(" ".join(words[:n]))
            if place is not None and place.kind != "country" and place.country in OPPONENT:
                return place.country
    return None


def _row(article: dict, links: SentenceLinks, m: NumberMention, reading: Reading, shown: str, *,
         derived: bool) -> dict:
    value, low, high = m.canonical
    claim = links.claimant(m)
    place, precision, place_rule = links.place(m, reading.measure)
    date, date_rule = links.event_date(m, reading.measure, claim, earlier=reading.measure_rule == "earlier_value")
    return {
        **article,
        "measure": reading.measure, "value": value, "low": low, "high": high,
        "unit": MEASURE_UNITS[reading.measure], "qualifier": m.qualifier, "derived": derived,
        "actor": reading.actor, "counted": reading.counted,
        "claimant": claim.name if claim else None, "claimant_role": claim.role if claim else None,
        "claimant_text": shown[claim.start:claim.end] if claim else None,
        "claimant_side": _claimant_side(claim.name, claim.person, claim.role) if claim else None,
        "location": place.name if place else None, "geonameid": place.geonameid if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None, "admin1": place.admin1 if place else None,
        "country": place.country if place else None, "geo_precision": precision or "unknown",
        "event_date": date.date if date else None, "date_precision": date.precision if date else None,
        "text": shown[m.start:m.end], "start": m.start, "end": m.end,
        "sentence": shown[links.sentence.start:links.sentence.end],
        "_k": links.k, "_lo": links.sentence.start,  # the sentence's index and start, for carry_actors
        "_claimant_kind": registry_kind(claim.name) if claim else None,  # (for carry_actors too)
        "_rules": {"measure": reading.measure_rule, "actor": reading.actor_rule,
                   "claimant": claim.rule if claim else NONE, "place": place_rule, "date": date_rule},
    }
