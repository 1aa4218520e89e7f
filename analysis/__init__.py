"""Figures from war reporting (troops, casualties, km advanced, equipment) as one tidy pandas table.

>>> import analysis
>>> analysis.extract_figures("Up to 12,000 North Korean troops were sent.")[["measure", "value"]].values.tolist()
[['troops', 12000.0]]

The map and plot helpers (``to_geodataframe``, ``regions``, ``by_region``, ``plot_map``, ``plot_regions``,
``explore``, ``plot_estimates``, ``plot_timeline``) load geopandas and matplotlib on first use, so that
``import analysis`` stays fast for batch jobs that never draw. The scoring against gold annotations
(``score``, ``score_folder``, ``read_gold``; see :mod:`analysis.evaluate`) loads on first use too.
"""
from __future__ import annotations

__version__ = "0.1.0"  # the one place the version is written: pyproject.toml reads it from here

import importlib

from analysis.compare import claims, compare, consensus, revisions
from analysis.extract.articles import PublishedDateWarning, read_articles
from analysis.extract.pipeline import extract_figures
from analysis.io.notebook import notebook_setup
from analysis.io.runner import extract, extract_with_errors
from analysis.schema import FIGURE_COLUMNS, MEASURES, figures_frame
from analysis.views.display import highlight, summary

_MAPS, _PLOTS, _EVALUATE = "analysis.views.maps", "analysis.views.plots", "analysis.evaluate"
_LAZY = {
    "to_geodataframe": _MAPS, "by_region": _MAPS, "plot_map": _MAPS, "MEASURE_COLORS": _MAPS,
    "DroppedFiguresWarning": _MAPS, "plot_regions": _MAPS, "explore": "analysis.views.explore",
    "regions": "analysis.views.boundaries",
    "plot_estimates": _PLOTS, "plot_timeline": _PLOTS,
    "score": _EVALUATE, "score_folder": _EVALUATE, "read_gold": _EVALUATE,
}

__all__ = [
    "FIGURE_COLUMNS", "MEASURES", "PublishedDateWarning", "claims", "compare", "consensus", "extract",
    "extract_figures", "extract_with_errors", "figures_frame", "highlight", "notebook_setup", "read_articles",
    "revisions", "summary", *_LAZY,
]


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
