"""Tests for analysis.views.maps: points, per-region aggregates and the bubble map. Offline, Agg backend."""

from __future__ import annotations

import math
import warnings

import geopandas
import matplotlib.pyplot as plt
import numpy as np
import pyproj
import pytest
from matplotlib.colors import to_hex
from matplotlib.legend import Legend

import analysis
import analysis.views.maps
from analysis.extract.articles import split_header
from analysis.schema import MEASURES, figures_frame
from analysis.views.maps import (
    DEFAULT_EXTENT,
    MAP_CRS,
    MEASURE_COLORS,
    DroppedFiguresWarning,
    by_region,
    plot_map,
    plot_regions,
    regions,
    to_geodataframe,
)

from .conftest import ROOT

# Gazetteer coordinates (lon, lat) of the seed article's places.
ZAPORIZHZHIA = (35.11714, 47.85167)
KURSK_OBLAST = (36.2921, 51.7358)
DONETSK_OBLAST = (37.7933, 48.145)
ENERHODAR = (34.66199, 47.49048)
KHARKIV = (36.25475, 49.98177)
SUDZHA = (35.271, 51.191)
SIMFEROPOL = (34.11079, 44.95719)
UKRAINE_CENTROID = (33.90595, 48.37604)


def _row(measure: str, value: float, place: tuple[float, float] | None, location: str | None = None,
         precision: str = "place") -> dict:
    lon, lat = place if place is not None else (None, None)
    return {"measure": measure, "value": value, "location": location, "lat": lat, "lon": lon,
            "geo_precision": precision if place is not None else "unknown"}


@pytest.fixture(scope="module")
def seed_figures():
    meta, text = split_header((ROOT / "data/articles/s01.txt").read_text(encoding="utf-8"))
    return analysis.extract_figures(text, published=meta["published"], source=meta["source"], article_id="s01")


@pytest.fixture(scope="module")
def killed():
    """Killed figures in two oblasts, one in Kursk, one country-wide, one with no place."""
    return figures_frame([
        _row("killed", 6.0, ZAPORIZHZHIA, "Zaporizhzhia"),
        _row("killed", 4.0, ENERHODAR, "Enerhodar"),
        _row("killed", 2.0, KHARKIV, "Kharkiv"),
        _row("killed", 5.0, SUDZHA, "Sudzha"),
        _row("killed", 300.0, UKRAINE_CENTROID, "Ukraine", precision="country"),
        _row("killed", 7.0, None),
    ])


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _bubbles(ax) -> dict[str, np.ndarray]:
    """Offsets (lon, lat) of the figure bubbles on the Axes, by measure."""
    return {c.get_gid().split(":", 1)[1]: np.asarray(c.get_offsets()) for c in ax.collections
            if (c.get_gid() or "").startswith("figures:")}


def _has_point(offsets: np.ndarray, point: tuple[float, float]) -> bool:
    return bool(np.any(np.hypot(offsets[:, 0] - point[0], offsets[:, 1] - point[1]) < 1e-3))


def _by_name(frame, name: str):
    return frame.set_index("name").loc[name]


# --- to_geodataframe -------------------------------------------------------------------------------------------

def test_to_geodataframe_makes_wgs84_points_and_keeps_every_column(seed_figures):
    placed = seed_figures.dropna(subset=["lat", "lon"])  # the war's 1,000 days have no place
    with pytest.warns(UserWarning, match="1 figure left out"):
        points = to_geodataframe(seed_figures)
    assert points.crs.to_epsg() == 4326
    assert set(seed_figures.columns) <= set(points.columns)
    assert points.geometry.x.tolist() == placed["lon"].tolist()
    assert points.geometry.y.tolist() == placed["lat"].tolist()


def test_to_geodataframe_reports_rows_without_coordinates_in_attrs_and_a_warning(killed):
    with pytest.warns(UserWarning, match="1 figure left out"):
        points = to_geodataframe(killed)
    assert points.attrs["dropped"] == 1
    assert len(points) == len(killed) - 1
    assert list(points.index) == [0, 1, 2, 3, 4]  # the original index, to join back


def test_to_geodataframe_of_nothing_is_empty_and_silent():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        points = to_geodataframe(figures_frame([]))
    assert points.empty and points.attrs["dropped"] == 0 and points.crs.to_epsg() == 4326


@pytest.mark.parametrize("call", [to_geodataframe, lambda f: by_region(f, measure="killed")])
def test_left_out_figures_warn_with_their_own_category(killed, call):
    with pytest.warns(DroppedFiguresWarning, match="left out"):
        call(killed)
    assert issubclass(DroppedFiguresWarning, UserWarning)


@pytest.mark.parametrize("call", [to_geodataframe, lambda f: by_region(f, measure="killed")])
def test_the_filter_the_module_docstring_advises_silences_the_warnings(killed, call):
    (advice,) = [line.strip() for line in analysis.views.maps.__doc__.splitlines() if "filterwarnings(" in line]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        exec(advice, {"warnings": warnings, "analysis": analysis})  # noqa: S102 - our own docstring
        call(killed)


# --- regions ---------------------------------------------------------------------------------------------------

def test_regions_hands_out_copies_so_callers_cannot_spoil_the_cache():
    first = regions("admin1")
    first["name"] = "spoiled"
    assert "Kursk Oblast" in set(regions("admin1")["name"])


@pytest.mark.parametrize("crimea", ["Ukraine", "Russia"])
def test_regions_put_crimea_in_the_country_asked_for(crimea):
    admin1 = regions("admin1", crimea=crimea).set_index("iso_3166_2")
    assert admin1.loc[["UA-43", "UA-40"], "country"].tolist() == [crimea, crimea]


# --- by_region -------------------------------------------------------------------------------------------------

@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize(("how", "zaporizhzhia", "kharkiv", "kursk"), [
    ("sum", 10.0, 2.0, 5.0),
    ("count", 2.0, 1.0, 1.0),
    ("max", 6.0, 2.0, 5.0),
    ("median", 5.0, 2.0, 5.0),
])
def test_by_region_aggregates_points_into_the_oblast_they_lie_in(killed, how, zaporizhzhia, kharkiv, kursk):
    totals = by_region(killed, measure="killed", how=how)
    got = {name: _by_name(totals, name)["value"] for name in ("Zaporizhzhia Oblast", "Kharkiv Oblast",
                                                              "Kursk Oblast")}
    assert got == {"Zaporizhzhia Oblast": zaporizhzhia, "Kharkiv Oblast": kharkiv, "Kursk Oblast": kursk}


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_by_region_keeps_every_region_and_marks_empty_ones(killed):
    totals = by_region(killed, measure="killed")
    assert len(totals) == len(regions("admin1"))
    assert totals["n_figures"].sum() == 4
    lviv = _by_name(totals, "Lviv Oblast")
    assert lviv["n_figures"] == 0 and math.isnan(lviv["value"])
    assert _by_name(by_region(killed, how="count"), "Lviv Oblast")["value"] == 0


def test_by_region_leaves_country_wide_figures_out_of_oblasts_and_says_so(killed):
    with pytest.warns(UserWarning) as caught:
        totals = by_region(killed, measure="killed")
    # the Ukraine-wide 300 sits at Ukraine's centroid, in Kirovohrad Oblast, but is not about it
    assert _by_name(totals, "Kirovohrad Oblast")["n_figures"] == 0
    assert totals.attrs == {"measure": "killed", "how": "sum", "level": "admin1", "dropped": 1, "unassigned": 1}
    assert sorted(str(w.message).split(" left out")[0] for w in caught) == ["1 figure", "1 figure"]


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_by_region_by_country_counts_country_wide_figures(killed):
    totals = by_region(killed, level="country", measure="killed")
    assert _by_name(totals, "Ukraine")["value"] == 6 + 4 + 2 + 300
    assert _by_name(totals, "Russia")["value"] == 5


@pytest.mark.parametrize(("crimea", "owner", "other"), [("Ukraine", "Ukraine", "Russia"),
                                                        ("Russia", "Russia", "Ukraine")])
def test_by_region_crimea_parameter_moves_a_crimean_figure(crimea, owner, other):
    figures = figures_frame([_row("injured", 9.0, SIMFEROPOL, "Simferopol")])
    totals = by_region(figures, level="country", crimea=crimea)
    assert _by_name(totals, owner)["value"] == 9.0
    assert _by_name(totals, other)["n_figures"] == 0


def test_by_region_of_no_figures_keeps_every_region_empty():
    totals = by_region(figures_frame([]))
    assert len(totals) == len(regions("admin1"))
    assert totals["n_figures"].eq(0).all() and totals["value"].isna().all()


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"how": "mean"}, "how='mean' is not an aggregate"),
    ({"measure": "tanks"}, "measure='tanks' is not a measure"),
    ({"level": "district"}, "level='district' is not a level"),
    ({}, "mixes units"),
])
def test_by_region_rejects_what_it_cannot_aggregate(seed_figures, kwargs, message):
    with pytest.raises(ValueError, match=message):
        by_region(seed_figures, **kwargs)


# --- plot_map --------------------------------------------------------------------------------------------------

def _projected(point: tuple[float, float], crs: str = MAP_CRS) -> tuple[float, float]:
    projected = geopandas.GeoSeries(geopandas.points_from_xy([point[0]], [point[1]]), crs="EPSG:4326").to_crs(crs)
    return float(projected.x.iloc[0]), float(projected.y.iloc[0])


def _texts(ax, gid: str) -> list[str]:
    return [t.get_text() for t in ax.texts if t.get_gid() == gid]


def test_maps_are_in_an_equal_area_projection_not_in_degrees(seed_figures):
    ax = plot_map(seed_figures, measure="troops")
    bubbles = _bubbles(ax)
    assert _has_point(bubbles["troops"], _projected(KURSK_OBLAST))
    assert pyproj.CRS(MAP_CRS).is_projected and "equal area" in pyproj.CRS(MAP_CRS).name.lower() or \
        "LAEA" in pyproj.CRS(MAP_CRS).name
    assert not ax.get_xticks().size and not ax.get_xlabel()
    assert ax.get_xlim()[1] > 1000  # metres, not degrees


@pytest.mark.parametrize(("measure", "point"), [("killed", ZAPORIZHZHIA), ("injured", ZAPORIZHZHIA),
                                                ("advance", DONETSK_OBLAST)])
def test_seed_map_of_one_measure_has_its_bubbles_and_only_them(seed_figures, measure, point):
    bubbles = _bubbles(plot_map(seed_figures, measure=measure))
    assert set(bubbles) == {measure} and _has_point(bubbles[measure], _projected(point))


def test_a_map_draws_one_measure_never_one_scale_across_units(seed_figures):
    with pytest.raises(ValueError, match="several measures .* pass measure="):
        plot_map(seed_figures)
    one = seed_figures[seed_figures["measure"] == "troops"]
    assert set(_bubbles(plot_map(one))) == {"troops"}


def test_a_map_has_a_title_subtitle_and_source_crediting_the_map_data(seed_figures):
    figures = figures_frame([*seed_figures.to_dict("records"), _row("troops", 100.0, None)])
    ax = plot_map(figures, measure="troops")
    assert ax.get_title(loc="left") == "Troops: where the figures are"
    assert _texts(ax, "subtitle") == ["4 figures at a place; 1 with no place"]
    (source,) = _texts(ax, "source")
    assert source.startswith("Source: 1 article from 1 outlet, figures as credited by the texts.")
    assert "Natural Earth" in source and "GeoNames" in source


def test_bubbles_take_their_measure_colour_and_kwargs_reach_matplotlib(seed_figures):
    ax = plot_map(seed_figures, measure="killed")
    (bubbles,) = [c for c in ax.collections if c.get_gid() == "figures:killed"]
    assert to_hex(bubbles.get_facecolor()[0]) == MEASURE_COLORS["killed"]
    ax = plot_map(seed_figures, measure="killed", color="black", alpha=0.2)
    (bubbles,) = [c for c in ax.collections if c.get_gid() == "figures:killed"]
    assert to_hex(bubbles.get_facecolor()[0]) == "#000000" and bubbles.get_alpha() == 0.2


def test_bubble_area_is_proportional_to_value():
    figures = figures_frame([_row("troops", v, KURSK_OBLAST) for v in (12000.0, 3000.0)])
    sizes = next(c for c in plot_map(figures).collections if c.get_gid() == "figures:troops").get_sizes()
    assert sorted(sizes) == pytest.approx([sizes.max() / 4, sizes.max()])


def test_every_measure_has_its_own_colour():
    assert set(MEASURE_COLORS) == set(MEASURES)
    assert len(set(MEASURE_COLORS.values())) == len(MEASURES)


def test_map_labels_name_place_actor_and_measure_once_per_place(seed_figures):
    ax = plot_map(seed_figures, measure="injured")
    assert _texts(ax, "label") == ["Zaporizhzhia\ncivilians injured: 23"]
    assert not _texts(plot_map(seed_figures, measure="injured", label=False), "label")


def _size_legend(ax) -> Legend:
    return ax.get_legend()


def test_map_has_a_size_legend_of_round_values_in_the_measures_unit(seed_figures):
    sizes = _size_legend(plot_map(seed_figures, measure="troops"))
    assert [t.get_text() for t in sizes.get_texts()] == ["10,000", "2,000", "500"]
    assert sizes.get_title().get_text().startswith("troops (people)")


def test_region_extent_is_ukraine_and_western_russia(seed_figures):
    ax = plot_map(seed_figures, measure="troops", extent="region")
    x0, y0 = _projected((DEFAULT_EXTENT[0], DEFAULT_EXTENT[2]))
    assert ax.get_xlim()[0] <= x0 and ax.get_ylim()[0] <= y0


def test_data_extent_holds_every_point_with_a_margin(seed_figures):
    ax = plot_map(seed_figures, measure="troops")
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    for x, y in _bubbles(ax)["troops"]:
        assert x0 < x < x1 and y0 < y < y1


def test_map_of_no_figures_draws_the_boundaries_and_says_so():
    ax = plot_map(figures_frame([]))
    assert _texts(ax, "subtitle") == ["no figures at a place; 0 with no place"]
    assert ax.collections and not _bubbles(ax)


def test_map_draws_on_the_axes_it_is_given(seed_figures):
    _, ax = plt.subplots()
    assert plot_map(seed_figures, measure="troops", ax=ax, level="country") is ax


def test_map_rejects_an_unknown_extent(seed_figures):
    with pytest.raises(ValueError, match="extent='europe' is not an extent"):
        plot_map(seed_figures, measure="troops", extent="europe")
    with pytest.raises(ValueError, match="is not a box"):
        plot_map(seed_figures, measure="troops", extent=(40, 30, 45, 53))


def test_country_wide_figures_are_listed_beside_the_map_with_actor_and_claimant(killed):
    figures = killed.assign(actor="Russia", claimant="Ukrainian General Staff")
    ax = plot_map(figures, measure="killed")
    assert not _has_point(_bubbles(ax)["killed"], _projected(UKRAINE_CENTROID))
    assert len(_bubbles(ax)["killed"]) == 4
    (listed,) = _texts(ax, "country_figures")
    assert "Ukraine: Russia killed, 300, per Ukrainian General Staff" in " ".join(listed.split())
    assert _texts(ax, "subtitle") == ["4 figures at a place; 1 country-wide, listed beside the map; 1 with no place"]


def test_a_geodataframe_keeps_its_crs(killed):
    points = to_geodataframe(killed).to_crs("EPSG:32636")
    ax = plot_map(points, measure="killed")
    assert _has_point(_bubbles(ax)["killed"], _projected(ZAPORIZHZHIA, "EPSG:32636"))
    lonlat = to_geodataframe(killed)
    assert _has_point(_bubbles(plot_map(lonlat, measure="killed"))["killed"], _projected(ZAPORIZHZHIA))


def test_the_choropleth_says_what_it_counts(killed):
    ax = plot_regions(killed)
    assert ax.get_title(loc="left") == "Figures reported per region (a count of mentions, not of people)"
    ax = plot_regions(killed, measure="killed", how="sum")
    assert ax.get_title(loc="left") == "Killed per region: the sum of the figures reported"
    assert "Natural Earth" in _texts(ax, "source")[0]


@pytest.mark.parametrize("dpi", [100, 200])
def test_nothing_on_a_map_is_clipped_when_saved(killed, tmp_path, dpi):
    ax = plot_map(killed.assign(actor="civilians"), measure="killed")
    fig = ax.figure
    fig.savefig(tmp_path / "map.png", dpi=dpi, bbox_inches="tight")
    box = fig.get_tightbbox(fig.canvas.get_renderer())
    for artist in [*ax.texts, ax.get_legend()]:
        extent = artist.get_window_extent().transformed(fig.dpi_scale_trans.inverted())
        assert box.x0 - 1e-6 <= extent.x0 and extent.x1 <= box.x1 + 1e-6
