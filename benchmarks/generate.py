"""Synthetic war-news articles for benchmarking the extractor: deterministic, any count, ~3 KB each.

Each article is assembled from this module's own sentence templates (wire, broadcast, government and
think-tank phrasing) filled from a seeded :class:`random.Random`: troop deployments with claimants,
strike casualties with places and weekdays, advances in km with miles in brackets, equipment loss
lists, area captured, ranges, qualifiers, numbers in words, and filler sentences without figures.
Places are real Ukrainian and Russian towns and oblasts. Article ``i`` of seed ``s`` depends only on
``(s, i)``, so any prefix of a larger run is identical to a smaller run.

Usage::

    python benchmarks/generate.py 100000 /tmp/articles.jsonl [--seed 0]

>>> frame = generate_articles(2, seed=1)
>>> list(frame.columns)
['article_id', 'source', 'published', 'text']
>>> frame.equals(generate_articles(2, seed=1))
True
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import string
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd

TARGET_CHARS = (2700, 3300)
# The share of a story's later sentences drawn from the figure templates (the others are filler). Set so
# that the articles carry as many figures per character as the bundled real articles (data/articles and
# their gold: 202 figures in about 47,300 characters of text, 4.3 per 1,000): about 13 per 3 KB article.
# Until 2026-11-26 it was 0.35, which gave about 17 (5.5 per 1,000), denser than any article we annotated.
FIGURE_SENTENCE_SHARE = 0.25
FIRST_DAY = dt.date(2022, 3, 1)
LAST_DAY = dt.date(2025, 10, 31)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# (source, kind): the kind picks the opening sentence and the claimants a story leans on
SOURCES: tuple[tuple[str, str], ...] = (
    ("Reuters", "wire"), ("Associated Press", "wire"), ("AFP", "wire"), ("UPI", "wire"),
    ("Ukrinform", "wire"), ("TASS", "wire"), ("Interfax-Ukraine", "wire"),
    ("BBC News", "broadcast"), ("CNN", "broadcast"), ("Al Jazeera", "broadcast"), ("Sky News", "broadcast"),
    ("Deutsche Welle", "broadcast"), ("France 24", "broadcast"),
    ("Ministry of Defence of Ukraine", "government"), ("Russian Ministry of Defence", "government"),
    ("General Staff of the Armed Forces of Ukraine", "government"),
    ("Institute for the Study of War", "think_tank"), ("RUSI", "think_tank"), ("CSIS", "think_tank"),
)
AGENCY_TAGS = {"Reuters": "Reuters", "Associated Press": "AP", "AFP": "AFP", "UPI": "UPI"}

# town -> oblast stem. TOWNS are Ukrainian-held front-line and rear towns (a story's main town);
# RU_TOWNS are towns in Russia or under Russian occupation, named by Russian-side officials.
TOWNS: dict[str, str] = {
    "Pokrovsk": "Donetsk", "Kramatorsk": "Donetsk", "Sloviansk": "Donetsk", "Kostiantynivka": "Donetsk",
    "Chasiv Yar": "Donetsk", "Toretsk": "Donetsk", "Kurakhove": "Donetsk", "Siversk": "Donetsk",
    "Selydove": "Donetsk", "Myrnohrad": "Donetsk", "Velyka Novosilka": "Donetsk", "Lyman": "Donetsk",
    "Kupiansk": "Kharkiv", "Vovchansk": "Kharkiv", "Kharkiv": "Kharkiv", "Izium": "Kharkiv",
    "Balakliia": "Kharkiv", "Zaporizhzhia": "Zaporizhzhia", "Orikhiv": "Zaporizhzhia",
    "Huliaipole": "Zaporizhzhia", "Robotyne": "Zaporizhzhia", "Kherson": "Kherson", "Beryslav": "Kherson",
    "Nikopol": "Dnipropetrovsk", "Kryvyi Rih": "Dnipropetrovsk", "Dnipro": "Dnipropetrovsk",
    "Sumy": "Sumy", "Okhtyrka": "Sumy", "Shostka": "Sumy", "Odesa": "Odesa", "Izmail": "Odesa",
    "Mykolaiv": "Mykolaiv", "Chernihiv": "Chernihiv", "Poltava": "Poltava", "Kremenchuk": "Poltava",
}
RU_TOWNS: dict[str, str] = {
    "Kursk": "Kursk", "Sudzha": "Kursk", "Rylsk": "Kursk", "Belgorod": "Belgorod", "Shebekino": "Belgorod",
    "Valuyki": "Belgorod", "Bryansk": "Bryansk", "Klintsy": "Bryansk", "Taganrog": "Rostov",
    "Voronezh": "Voronezh", "Novorossiysk": "Krasnodar", "Donetsk": "Donetsk", "Horlivka": "Donetsk",
    "Makiivka": "Donetsk", "Mariupol": "Donetsk", "Luhansk": "Luhansk", "Sievierodonetsk": "Luhansk",
    "Lysychansk": "Luhansk", "Melitopol": "Zaporizhzhia", "Berdiansk": "Zaporizhzhia",
    "Tokmak": "Zaporizhzhia", "Nova Kakhovka": "Kherson",
}
REAR_CITIES = ("Kyiv", "Lviv", "Vinnytsia", "Bila Tserkva", "Rostov-on-Don", "Krasnodar", "Moscow")
FRONT_OBLASTS = ("Donetsk", "Luhansk", "Kharkiv", "Zaporizhzhia", "Kherson", "Sumy", "Dnipropetrovsk", "Kursk")

UA_OFFICIALS = ("Serhiy Lysenko", "Oleh Hrytsenko", "Natalia Bondar", "Vadym Moroz", "Yulia Shevchuk",
                "Andriy Kovalenko", "Ivan Kovalchuk", "Olena Tkachenko")
RU_OFFICIALS = ("Alexei Smirnov", "Dmitry Volkov", "Igor Sokolov", "Yelena Orlova", "Sergei Belov")
UA_BODIES = ("Ukraine's General Staff", "the Ukrainian Air Force", "Ukraine's Defence Ministry",
             "Ukraine's military intelligence agency", "the State Emergency Service",
             "Ukraine's Prosecutor General's Office", "Ukraine's southern military command")
RU_BODIES = ("the Russian Defence Ministry", "Russia's Defence Ministry", "the Kremlin",
             "Russia's Federal Security Service", "the Russian-installed authorities")
ANALYSTS = ("the Institute for the Study of War", "analysts at the Royal United Services Institute",
            "the open-source monitoring group DeepState", "Britain's Defence Intelligence",
            "researchers at the Center for Strategic and International Studies", "a senior NATO official",
            "US officials", "South Korea's National Intelligence Service", "Western intelligence officials")
SPEECH = ("said", "said", "said on Telegram", "told reporters", "reported", "wrote on social media",
          "said in a statement", "claimed")
ASSESSMENTS = ("said", "assessed", "estimated", "wrote", "noted", "reported")
SMALL_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
               "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
               "nineteen")
TENS_WORDS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
QUALIFIERS = ("", "", "", "about ", "at least ", "up to ", "more than ", "nearly ", "some ", "as many as ",
              "roughly ", "over ", "an estimated ", "almost ")
TROOP_NOUNS = ("troops", "soldiers", "servicemen", "personnel", "fighters")


def number_words(n: int) -> str:
    """English words for ``n`` below 100, or for a round number of hundreds or thousands.

    >>> number_words(47), number_words(3000), number_words(500)
    ('forty-seven', 'three thousand', 'five hundred')
    """
    if n < 20:
        return SMALL_WORDS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return TENS_WORDS[tens] + (f"-{SMALL_WORDS[ones]}" if ones else "")
    for scale, word in ((1000, "thousand"), (100, "hundred")):
        if n % scale == 0 and n // scale < 100:
            return f"{number_words(n // scale)} {word}"
    raise ValueError(f"n={n} has no short English name here; use digits")


def _count(rng: random.Random, low: int, high: int, *, step: int = 1, words: float = 0.0) -> str:
    """A count between ``low`` and ``high`` (multiple of ``step``), in digits or, sometimes, words."""
    n = rng.randrange(low, high + 1, step)
    if rng.random() < words:
        try:
            return number_words(n)
        except ValueError:
            pass
    return f"{n:,}"


def _qualified(rng: random.Random, low: int, high: int, *, step: int = 1, words: float = 0.0) -> str:
    """A count with a qualifier, or as a range ("between 10,000 and 12,000", "10,000-12,000")."""
    if rng.random() < 0.15:
        a = rng.randrange(low, high + 1, step)
        b = a + step * rng.randint(1, 4)
        return rng.choice((f"between {a:,} and {b:,}", f"{a:,}-{b:,}", f"from {a:,} to {b:,}"))
    qualifier = rng.choice(QUALIFIERS)
    text = _count(rng, low, high, step=step, words=words)
    if not qualifier and rng.random() < 0.1:
        return f"{text} or more"
    return qualifier + text


def _distance(rng: random.Random) -> str:
    km = rng.choice((rng.randint(1, 30), round(rng.uniform(0.5, 12), 1)))
    miles = km / 1.609344
    first_miles = rng.random() < 0.25
    if first_miles:
        return f"{miles:.0f} miles ({km} km)" if miles >= 1 else f"{km} kilometres ({miles:.1f} miles)"
    unit = rng.choice(("km", "kilometres", "kilometers"))
    return f"{rng.choice(QUALIFIERS)}{km} {unit} ({miles:.1f} miles)"


def _area(rng: random.Random) -> str:
    km2 = rng.randrange(20, 4000, 10)
    mi2 = km2 / 2.589988
    unit = rng.choice(("square kilometres", "square kilometers", "sq km"))
    return f"{rng.choice(QUALIFIERS)}{km2:,} {unit} ({mi2:,.0f} square miles)"


def _equipment(rng: random.Random) -> str:
    items = [("tanks", 1, 40), ("armoured vehicles", 2, 90), ("artillery systems", 1, 60),
             ("drones", 5, 300), ("multiple rocket launchers", 1, 12), ("air defence systems", 1, 6),
             ("military vehicles", 3, 120), ("helicopters", 1, 4)]
    chosen = rng.sample(items, rng.randint(2, 5))
    parts = [f"{_count(rng, lo, hi, words=0.2)} {name}" for name, lo, hi in chosen]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _governor(rng: random.Random) -> str:
    name = rng.choice(UA_OFFICIALS)
    return rng.choice((f"regional governor {name}", f"Governor {name}",
                       f"{name}, the head of the regional military administration,"))


def _weekday_of(ctx: dict) -> str:
    return WEEKDAYS[ctx["event_day"].weekday()]


def _oblast_phrase(rng: random.Random, stem: str) -> str:
    return rng.choice((f"the {stem} region", f"{stem} Oblast", f"the {stem} oblast", f"{stem} region"))


# slot name -> how to fill it; a slot used twice in one sentence gets one value
SLOTS: dict[str, Callable[[random.Random, dict], str]] = {
    "town": lambda rng, ctx: ctx["town"],
    "town2": lambda rng, ctx: rng.choice(list(TOWNS)),
    "ru_town": lambda rng, ctx: ctx["ru_town"],
    "rear_city": lambda rng, ctx: rng.choice(REAR_CITIES),
    "oblast": lambda rng, ctx: _oblast_phrase(rng, TOWNS[ctx["town"]]),
    "ru_oblast": lambda rng, ctx: _oblast_phrase(rng, RU_TOWNS[ctx["ru_town"]]),
    "front_oblast": lambda rng, ctx: _oblast_phrase(rng, rng.choice(FRONT_OBLASTS)),
    "weekday": lambda rng, ctx: _weekday_of(ctx),
    "when": lambda rng, ctx: rng.choice(("on {d}", "late on {d}", "early on {d}", "on {d} morning",
                                         "overnight into {d}", "on {d} evening")).format(d=_weekday_of(ctx)),
    "said": lambda rng, ctx: rng.choice(SPEECH),
    "assessed": lambda rng, ctx: rng.choice(ASSESSMENTS),
    "ua_body": lambda rng, ctx: rng.choice(UA_BODIES),
    "ru_body": lambda rng, ctx: rng.choice(RU_BODIES),
    "analyst": lambda rng, ctx: rng.choice(ANALYSTS),
    "governor": lambda rng, ctx: _governor(rng),
    "ru_official": lambda rng, ctx: rng.choice(("Governor ", "regional governor ", "the Moscow-installed "
                                                "official ")) + rng.choice(RU_OFFICIALS),
    "mayor": lambda rng, ctx: "Mayor " + rng.choice(UA_OFFICIALS),
    "side": lambda rng, ctx: ctx["side"],
    "other_side": lambda rng, ctx: "Ukrainian" if ctx["side"] == "Russian" else "Russian",
    "troop_noun": lambda rng, ctx: rng.choice(TROOP_NOUNS),
    "troops_n": lambda rng, ctx: _qualified(rng, 500, 60000, step=500, words=0.15),
    "nk_troops_n": lambda rng, ctx: _qualified(rng, 1000, 15000, step=1000, words=0.2),
    "killed_n": lambda rng, ctx: _qualified(rng, 1, 60, words=0.4),
    "killed_bare": lambda rng, ctx: _count(rng, 1, 40, words=0.5),
    "injured_n": lambda rng, ctx: _count(rng, 2, 200, words=0.3),
    "missing_n": lambda rng, ctx: _qualified(rng, 2, 30, words=0.5),
    "children_n": lambda rng, ctx: _count(rng, 1, 9, words=0.8),
    "distance": lambda rng, ctx: _distance(rng),
    "area": lambda rng, ctx: _area(rng),
    "equipment": lambda rng, ctx: _equipment(rng),
    "settlements_n": lambda rng, ctx: _qualified(rng, 2, 30, words=0.4),
    "pows_n": lambda rng, ctx: _count(rng, 20, 400, step=5, words=0.1),
    "displaced_n": lambda rng, ctx: _qualified(rng, 1000, 250000, step=500),
    "casualties_n": lambda rng, ctx: _qualified(rng, 800, 2000, step=10),
    "total_losses_n": lambda rng, ctx: _qualified(rng, 50000, 900000, step=1000),
    "units_n": lambda rng, ctx: _count(rng, 2, 12, words=0.7),
    "per_unit_n": lambda rng, ctx: rng.choice(("about ", "approximately ", "roughly ", "")) + _count(
        rng, 1000, 4000, step=500),
    "drones_n": lambda rng, ctx: _count(rng, 20, 180),
    "downed_n": lambda rng, ctx: _count(rng, 10, 170),
    "missiles_n": lambda rng, ctx: _count(rng, 2, 40, words=0.3),
    "days_n": lambda rng, ctx: _count(rng, 100, 1300, step=10),
}

LEDES: dict[str, tuple[str, ...]] = {
    "wire": (
        "{DATELINE} — A {side} strike on {town} {when} killed {killed_n} people and wounded {injured_n}, "
        "{governor} {said}.",
        "{DATELINE} — {side} forces have advanced {distance} near {town} in the past week, {analyst} {assessed}.",
        "{DATELINE} — {analyst} {assessed} that {nk_troops_n} North Korean troops had been sent to {front_oblast}.",
    ),
    "broadcast": (
        "At least {killed_bare} people have been killed after {side} missiles hit {town} {when}, officials say.",
        "{side} troops say they have pushed forward {distance} around {town}, a claim we have not been able to "
        "verify.",
        "Ukraine says Russia has massed {troops_n} troops near {town} ahead of a new offensive.",
    ),
    "government": (
        "Over the past day, the enemy lost {casualties_n} personnel and {equipment}, {ua_body} said in its "
        "daily update.",
        "Units of the Russian army repelled attacks near {town} and destroyed {equipment}, {ru_body} {said}.",
        "Air defence forces shot down {downed_n} of {drones_n} drones launched overnight, {ua_body} {said}.",
    ),
    "think_tank": (
        "{side} forces recently advanced {distance} near {town}, according to geolocated footage reviewed by "
        "{analyst}.",
        "Key takeaways: Russian forces have seized {area} in {front_oblast} since the start of the month.",
        "{analyst} assessed that {troops_n} {troop_noun} were concentrated in {oblast} as of {weekday}.",
    ),
}

FIGURES: tuple[str, ...] = (
    "{governor} {said} that {killed_n} civilians were killed and {injured_n} injured when a missile struck "
    "{town} {when}.",
    "A drone attack on {town} {when} left {killed_bare} dead, including {children_n} children, {mayor} {said}.",
    "{injured_n} people were hurt in the shelling of {town}, among them {children_n} children.",
    "Rescuers pulled {killed_bare} bodies from the rubble of an apartment block in {town} on {weekday}.",
    "{ru_official} {said} {killed_n} people had died in Ukrainian shelling of {ru_town} {when}.",
    "Moscow has deployed {troops_n} {troop_noun} to {oblast}, {ua_body} {said}.",
    "According to {analyst}, {nk_troops_n} North Korean soldiers are now fighting alongside Russian units in "
    "{front_oblast}.",
    "{ua_body} estimated that Russia had gathered {troops_n} {troop_noun} for an assault on {town}.",
    "The garrison of {town} numbers {troops_n} troops, {analyst} {assessed}.",
    "Russia has sent {units_n} brigades, each of {per_unit_n} soldiers, to reinforce positions near {town}.",
    "{side} troops advanced {distance} toward {town} over the past week, {analyst} {assessed}.",
    "Geolocated footage shows that {side} forces have moved forward {distance} west of {town}.",
    "The front line near {town} shifted by {distance} in the {side} army's favour this month.",
    "{ua_body} {said} the enemy had lost {casualties_n} troops killed and wounded in the past 24 hours.",
    "Russia's total losses since the start of the full-scale invasion stand at {total_losses_n} personnel, "
    "according to {ua_body}.",
    "{ru_body} {said} Ukrainian forces had lost {equipment} in the {town} direction.",
    "Ukrainian forces destroyed {equipment} near {town}, {ua_body} {said}.",
    "Russia launched {drones_n} attack drones and {missiles_n} missiles at Ukraine overnight, of which "
    "{downed_n} drones were shot down, {ua_body} {said}.",
    "{side} forces now control {area} of {front_oblast}, {analyst} {assessed}.",
    "Since the spring, Russian troops have captured {area} of territory, {analyst} {assessed}.",
    "{ru_body} {said} its troops had taken {settlements_n} villages in {oblast} since the start of the month.",
    "Ukraine has recaptured {settlements_n} settlements around {town}, {ua_body} {said}.",
    "In the latest exchange, {pows_n} Ukrainian prisoners of war returned home, {ua_body} {said}.",
    "{pows_n} Russian soldiers were taken prisoner near {town}, {ua_body} {said}.",
    "{displaced_n} residents have been evacuated from {town} and nearby villages, {governor} {said}.",
    "The fighting around {town} has forced {displaced_n} people to flee their homes, the United Nations said.",
    "The battle for {town} has lasted {days_n} days, {analyst} {assessed}.",
    "{missing_n} people are still missing after the strike on {town}, officials said.",
    "Ukrainian drones struck an oil depot in {ru_town} {when}, injuring {injured_n} people, {ru_official} {said}.",
    "{ru_official} {said} {settlements_n} villages in {ru_oblast} had been evacuated after Ukrainian shelling.",
)

FILLERS: tuple[str, ...] = (
    "Air raid sirens sounded across much of the country overnight.",
    "The claims could not be independently verified.",
    "Neither side gave details of its own losses.",
    "The Kremlin did not immediately respond to a request for comment.",
    "Kyiv has repeatedly urged its Western allies to send more air defence systems.",
    "Residents of {town} described a night of explosions and fires.",
    "Emergency crews worked through the night to put out fires in {town}.",
    "Power was cut to parts of {town} after the attack, the local energy company said.",
    "The situation in {oblast} remains difficult, officials said.",
    "Ukrainian commanders have complained of shortages of artillery ammunition and infantry.",
    "Moscow says it does not target civilians.",
    "Footage posted online showed thick black smoke rising over {town}.",
    "Analysts expect fighting to intensify as the ground hardens.",
    "The area around {town} has been the focus of Russian offensive operations for months.",
    "Independent verification of battlefield claims is difficult.",
    "Officials in {rear_city} condemned the attack as a war crime.",
    "Schools in {town} have moved to online classes because of the shelling.",
    "Ukraine has stepped up long-range drone attacks on Russian oil refineries.",
    "The United Nations called for an independent investigation.",
    "Western officials say both sides are struggling to replenish their forces.",
    "Trenches and minefields now stretch along much of the front line.",
    "The road between {town} and {town2} has come under regular drone fire.",
    "A spokesman for the regional administration declined to give further details.",
    "Talks on a ceasefire have made little progress.",
    "Volunteers in {rear_city} have been collecting supplies for soldiers at the front.",
    "The strikes damaged a school, a hospital and several apartment buildings.",
    "Military bloggers on both sides reported heavy fighting in the area.",
    "Russian forces continued offensive operations along the front.",
    "The governor urged residents to stay in shelters.",
    "Ukraine's president thanked allies for their continued support.",
    "Satellite images showed extensive damage to the industrial zone of {town}.",
    "The European Union announced a new package of sanctions against Russia.",
    "Humanitarian groups warned of a worsening situation for civilians who remain in {town}.",
    "Officials did not say which units were involved.",
    "Local authorities declared a day of mourning.",
    "The attack came hours after talks between officials in {rear_city} ended without agreement.",
)
_FORMATTER = string.Formatter()


def _fill(template: str, rng: random.Random, ctx: dict) -> str:
    values: dict[str, str] = {}
    for _, name, _, _ in _FORMATTER.parse(template):
        if name and name not in values:
            values[name] = ctx["dateline"] if name == "DATELINE" else SLOTS[name](rng, ctx)
    text = template.format(**values)
    return text[0].upper() + text[1:]


def _dateline(rng: random.Random, source: str, town: str) -> str:
    tag = AGENCY_TAGS.get(source)
    place = rng.choice((town, "Kyiv", "Kyiv", "Moscow")) if source != "TASS" else "Moscow"
    country = "Russia" if place == "Moscow" else "Ukraine"
    if tag is None:
        return f"{place.upper()}, {country}"
    return f"{place.upper()}, {country} ({tag})"


def _deck(rng: random.Random, items: tuple[str, ...]) -> Iterator[str]:
    """Items in shuffled order, reshuffled when used up, so an article rarely repeats a sentence."""
    while True:
        order = list(items)
        rng.shuffle(order)
        yield from order


def make_article(seed: int, i: int, *, figure_share: float = FIGURE_SENTENCE_SHARE) -> dict:
    """Article ``i`` of the stream seeded ``seed``, as a dict (article_id, source, published, text).

    >>> a = make_article(0, 3)
    >>> sorted(a), a == make_article(0, 3)
    (['article_id', 'published', 'source', 'text'], True)
    """
    rng = random.Random(f"war-bench:{seed}:{i}")
    source, kind = rng.choice(SOURCES)
    published = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    town = rng.choice(list(TOWNS))
    ctx = {"town": town, "ru_town": rng.choice(list(RU_TOWNS)), "side": rng.choice(("Russian", "Ukrainian", "Russian")),
           "event_day": published - dt.timedelta(days=rng.randint(0, 2))}
    ctx["dateline"] = _dateline(rng, source, town)
    target = rng.randint(*TARGET_CHARS)
    figures, fillers = _deck(rng, FIGURES), _deck(rng, FILLERS)
    paragraphs = [_fill(rng.choice(LEDES[kind]), rng, ctx)]
    size = len(paragraphs[0])
    while size < target:
        if rng.random() < 0.3:  # a story moves on to another town now and then
            ctx["town"], ctx["ru_town"] = rng.choice(list(TOWNS)), rng.choice(list(RU_TOWNS))
        sentences = [_fill(next(figures) if rng.random() < figure_share else next(fillers), rng, ctx)
                     for _ in range(rng.randint(2, 4))]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return {"article_id": f"bench-{seed}-{i:07d}", "source": source, "published": published.isoformat(),
            "text": "\n\n".join(paragraphs)}


def iter_articles(n: int, *, seed: int = 0, figure_share: float = FIGURE_SENTENCE_SHARE) -> Iterator[dict]:
    """Yield ``n`` synthetic articles one at a time (for runs too large to hold in memory).

    ``figure_share`` is the share of sentences drawn from the figure templates (see
    FIGURE_SENTENCE_SHARE); 0.35 gives the denser articles of the benchmarks before 2026-11-26.

    >>> [a["article_id"] for a in iter_articles(2, seed=5)]
    ['bench-5-0000000', 'bench-5-0000001']
    """
    if n < 0:
        raise ValueError(f"n={n} articles: the count must be 0 or more")
    if not 0 <= figure_share <= 1:
        raise ValueError(f"figure_share={figure_share}: a share is between 0 and 1")
    return (make_article(seed, i, figure_share=figure_share) for i in range(n))


def generate_articles(n: int, *, seed: int = 0, figure_share: float = FIGURE_SENTENCE_SHARE) -> pd.DataFrame:
    """``n`` synthetic articles as a frame with columns article_id, source, published, text.

    The same ``n`` and ``seed`` give an identical frame; ``published`` is a date column.

    >>> frame = generate_articles(3)
    >>> frame.shape, str(frame["published"].dtype)
    ((3, 4), 'datetime64[ns]')
    """
    frame = pd.DataFrame.from_records(list(iter_articles(n, seed=seed, figure_share=figure_share)),
                                      columns=["article_id", "source", "published", "text"])
    return frame.astype({"article_id": "string", "source": "string", "text": "string"}).assign(
        published=pd.to_datetime(frame["published"]).astype("datetime64[ns]"))


def write_jsonl(n: int, out: str | Path, *, seed: int = 0, figure_share: float = FIGURE_SENTENCE_SHARE) -> Path:
    """Stream ``n`` articles to a JSON-lines file (one article per line) and return its path."""
    path = Path(out)
    with path.open("w", encoding="utf-8") as handle:
        for article in iter_articles(n, seed=seed, figure_share=figure_share):
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write N synthetic war-news articles to a JSON-lines file.")
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", help="output .jsonl path")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--figure-share", type=float, default=FIGURE_SENTENCE_SHARE,
                        help=f"share of sentences with figures (default {FIGURE_SENTENCE_SHARE}, the density of "
                             "the bundled real articles)")
    args = parser.parse_args(argv)
    path = write_jsonl(args.n, args.out, seed=args.seed, figure_share=args.figure_share)
    print(f"wrote {args.n:,} articles to {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
