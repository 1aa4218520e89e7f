"""Tests for analysis.views.maps: points, per-region aggregates and the bubble map. Offline, Agg backend."""

from __future__ import annotations

import math
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_hex
from matplotlib.legend import Legend

import analysis
import analysis.views.maps
from analysis.extract.articles import split_header
from analysis.schema import MEASURES, figures_frame
from analysis.views.maps import (
    DEFAULT_EXTENT,
    MEASURE_COLORS,
    DroppedFiguresWarning,
    by_region,
    plot_map,
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

def test_seed_map_has_bubbles_at_zaporizhzhia_kursk_region_and_donetsk_region(seed_figures):
    bubbles = _bubbles(plot_map(seed_figures))
    assert _has_point(bubbles["killed"], ZAPORIZHZHIA)
    assert _has_point(bubbles["injured"], ZAPORIZHZHIA)
    assert _has_point(bubbles["troops"], KURSK_OBLAST)
    assert _has_point(bubbles["advance"], DONETSK_OBLAST)
    assert sum(len(o) for o in bubbles.values()) == seed_figures["lat"].notna().sum() == 8


def test_seed_map_title_counts_figures_shown_and_without_place(seed_figures):
    figures = figures_frame([*seed_figures.to_dict("records"), _row("troops", 100.0, None)])
    assert plot_map(figures).get_title() == "8 figures on the map, 2 with no place"


def test_bubbles_take_their_measure_colour(seed_figures):
    ax = plot_map(seed_figures)
    for c in ax.collections:
        if (c.get_gid() or "").startswith("figures:"):
            assert to_hex(c.get_facecolor()[0]) == MEASURE_COLORS[c.get_gid().split(":")[1]]


def test_bubble_area_is_proportional_to_value():
    figures = figures_frame([_row("troops", v, KURSK_OBLAST) for v in (12000.0, 3000.0)])
    sizes = next(c for c in plot_map(figures).collections if c.get_gid() == "figures:troops").get_sizes()
    assert sorted(sizes) == pytest.approx([sizes.max() / 4, sizes.max()])


def test_every_measure_has_its_own_colour():
    assert set(MEASURE_COLORS) == set(MEASURES)
    assert len(set(MEASURE_COLORS.values())) == len(MEASURES)


def test_map_labels_each_location_once_with_its_largest_value(seed_figures):
    texts = [t.get_text() for t in plot_map(seed_figures).texts]
    assert "Zaporizhzhia\n23 injured" in texts
    assert not any(t.startswith("Zaporizhzhia\n6") for t in texts)
    assert len(texts) == len(set(texts))
    assert len(plot_map(seed_figures, label=False).texts) == 0


def _size_legend(ax) -> Legend:
    return next(leg for leg in ax.findobj(Legend) if leg.get_title().get_text().startswith("value"))


def test_map_has_a_size_legend_of_two_or_three_round_values(seed_figures):
    sizes = _size_legend(plot_map(seed_figures))
    assert [t.get_text() for t in sizes.get_texts()] == ["10,000", "2,000", "500"]


@pytest.mark.parametrize(("measure", "title"), [
    ("killed", "value (people)"),
    ("advance", "value (km)"),
    (None, "value in each measure's unit\n(mixed: people, km, units)"),
])
def test_size_legend_title_gives_the_unit_or_says_units_are_mixed(seed_figures, measure, title):
    assert _size_legend(plot_map(seed_figures, measure=measure)).get_title().get_text() == title


@pytest.mark.parametrize("measure", ["troops", "killed"])
def test_map_of_one_measure_draws_only_that_measure(seed_figures, measure):
    ax = plot_map(seed_figures, measure=measure)
    assert set(_bubbles(ax)) == {measure}
    assert ax.get_title().startswith(f"{measure}: ")


def test_region_extent_is_ukraine_and_western_russia(seed_figures):
    ax = plot_map(seed_figures, extent="region")
    assert (*ax.get_xlim(), *ax.get_ylim()) == DEFAULT_EXTENT


def test_data_extent_holds_every_point_with_a_margin(seed_figures):
    ax = plot_map(seed_figures)
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert x0 < seed_figures["lon"].min() < seed_figures["lon"].max() < x1
    assert y0 < seed_figures["lat"].min() < seed_figures["lat"].max() < y1


def test_map_of_no_figures_draws_the_boundaries_and_says_so():
    ax = plot_map(figures_frame([]))
    assert ax.get_title() == "No figures"
    assert ax.collections and not _bubbles(ax)
    assert (*ax.get_xlim(), *ax.get_ylim()) == DEFAULT_EXTENT


def test_map_of_figures_without_places_says_how_many_had_none():
    figures = figures_frame([_row("troops", 12000.0, None), _row("killed", 3.0, None)])
    ax = plot_map(figures)
    assert ax.get_title() == "No figures on the map (2 figures had no place)"
    assert not _bubbles(ax)


def test_map_draws_on_the_axes_it_is_given(seed_figures):
    _, ax = plt.subplots()
    assert plot_map(seed_figures, ax=ax, level="country") is ax


def test_map_rejects_an_unknown_extent(seed_figures):
    with pytest.raises(ValueError, match="extent='europe' is not an extent"):
        plot_map(seed_figures, extent="europe")


def test_map_takes_a_box_of_its_own(seed_figures):
    ax = plot_map(seed_figures, extent=(30, 40, 45, 53))
    assert (*ax.get_xlim(), *ax.get_ylim()) == (30, 40, 45, 53)
    with pytest.raises(ValueError, match="is not a box"):
        plot_map(seed_figures, extent=(40, 30, 45, 53))


def test_size_legend_of_small_values_keeps_their_decimals():
    figures = figures_frame([_row("advance", 0.75, DONETSK_OBLAST, "Donetsk Oblast")])
    ax = plot_map(figures)
    assert [t.get_text() for t in _size_legend(ax).get_texts()] == ["0.5"]
    assert "Donetsk Oblast\n0.75 km" in [t.get_text() for t in ax.texts]


def test_figures_placed_only_by_country_are_hollow_rings_counted_apart_in_the_title(killed):
    ax = plot_map(killed, measure="killed")
    (rings,) = [c for c in ax.collections if c.get_gid() == "rings:killed"]
    assert len(rings.get_offsets()) == 1 and _has_point(np.asarray(rings.get_offsets()), UKRAINE_CENTROID)
    assert rings.get_facecolor().size == 0 or rings.get_facecolor()[0][3] == 0
    assert to_hex(rings.get_edgecolor()[0]) == MEASURE_COLORS["killed"]
    assert not _has_point(_bubbles(ax)["killed"], UKRAINE_CENTROID)
    assert ax.get_title() == "killed: 5 figures on the map (1 only by country), 1 with no place"
    colours = next(leg for leg in ax.findobj(Legend) if leg.get_title().get_text() == "measure")
    assert [t.get_text() for t in colours.get_texts()] == ["killed", "only by country"]


def test_a_map_without_country_wide_figures_has_no_rings(seed_figures):
    ax = plot_map(seed_figures)
    assert not [c for c in ax.collections if (c.get_gid() or "").startswith("rings:")]
    assert "only by country" not in ax.get_title()
