"""The interactive map: one marker and popup per placed figure, checked in headless Chromium."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from analysis.schema import figures_frame

folium = pytest.importorskip("folium")

from analysis.views.explore import POPUP_FIELDS, explore, write_map  # noqa: E402

CHROMIUM = next((path for name in ("chromium", "chromium-browser", "google-chrome")
                 if (path := shutil.which(name))), None)
ROWS = figures_frame([
    {"measure": "killed", "value": 55.0, "qualifier": "exact", "actor": "civilians", "article_id": "c03",
     "claimant": "State Emergency Service", "source": "Kyiv Independent", "published": "2024-09-05",
     "location": "Poltava", "lat": 49.59, "lon": 34.55, "sentence": "The toll of the strike reached 55."},
    {"measure": "killed", "value": 6.0, "qualifier": "exact", "actor": "civilians", "article_id": "s01",
     "claimant": "Ivan Fedorov", "source": "ABC News", "published": "2024-11-05", "location": "Zaporizhzhia",
     "lat": 47.85, "lon": 35.12, "sentence": "An attack left six dead."},
    {"measure": "killed", "value": 7.0, "sentence": "Seven died."},
    {"measure": "troops", "value": 12000.0, "lat": 51.7, "lon": 36.2},
])
# Opens the first marker's popup, then writes how many markers carry one into the page.
PROBE = """<script>window.addEventListener("load", () => setTimeout(() => {
  let markers = 0, popups = 0, first = null;
  for (const name of Object.keys(window)) {
    const layer = window[name];
    if (name.startsWith("geo_json_") && layer && layer.eachLayer) {
      // folium binds the popup to the layer of all the figures: each marker shows it when clicked
      layer.eachLayer(m => {
        markers += 1;
        if (m.getPopup() || layer.getPopup()) { popups += 1; first = first || m; }
      });
    }
  }
  if (first) first.fire("click", {latlng: first.getLatLng()}, true);  // as a click would, bubbling up
  document.body.setAttribute("data-leaflet", typeof L);
  document.body.setAttribute("data-markers", markers);
  document.body.setAttribute("data-popups", popups);
}, 300));</script>"""


def test_explore_has_one_popup_per_placed_figure_of_the_measure() -> None:
    page = explore(ROWS, measure="killed", tiles=None).get_root().render()
    assert page.count('"type": "Feature"') == 2
    for field in POPUP_FIELDS:
        assert f'"{field}"' in page
    assert "Natural Earth" in page and "GeoNames" in page


def test_explore_refuses_an_unknown_measure() -> None:
    with pytest.raises(ValueError, match="measure='tanks' is not a measure"):
        explore(ROWS, measure="tanks")


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (.ci/run installs it)")
def test_the_written_map_opens_in_a_browser_with_its_markers_and_popups(tmp_path) -> None:
    path = write_map(ROWS, tmp_path / "map.html", measure="killed", tiles=None)
    probed = tmp_path / "probed.html"
    probed.write_text(path.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000",
                          "--dump-dom", probed.as_uri()], capture_output=True, text=True, timeout=120).stdout
    assert 'data-leaflet="object"' in dom  # Leaflet is in the page: no network needed
    assert re.search(r'data-markers="2"', dom), dom[-2000:]
    assert 'data-popups="2"' in dom
    assert dom.count('class="leaflet-interactive"') == 2
    popup = re.search(r'class="leaflet-popup-content".*?</div>', dom, re.S)
    assert popup and ("State Emergency Service" in popup.group() or "Ivan Fedorov" in popup.group())


def test_the_written_map_carries_leaflet_instead_of_fetching_it(tmp_path) -> None:
    page = write_map(ROWS, tmp_path / "map.html", measure="killed", tiles=None).read_text(encoding="utf-8")
    assert "leaflet.js\"" not in page and "dist/leaflet.css" not in page
    assert "Leaflet" in page and "<style>" in page  # the library and its stylesheet are in the page
    fetched = write_map(ROWS, tmp_path / "cdn.html", measure="killed", tiles=None, self_contained=False)
    assert "dist/leaflet.js" in fetched.read_text(encoding="utf-8")
