"""Figures from war reporting (troops, casualties, km advanced, equipment) as one tidy pandas table.

>>> import analysis
>>> analysis.extract_figures("Up to 12,000 North Korean troops were sent.")[["measure", "value"]].values.tolist()
[['troops', 12000.0]]
"""
from analysis.articles import read_articles
from analysis.figures import extract, extract_figures, extract_with_errors
from analysis.schema import FIGURE_COLUMNS, MEASURES, figures_frame

__all__ = [
    "FIGURE_COLUMNS", "MEASURES", "extract", "extract_figures", "extract_with_errors", "figures_frame",
    "read_articles",
]
__version__ = "0.1.0"
