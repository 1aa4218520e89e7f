"""Every public function of ``analysis`` has a numpydoc docstring with Parameters, Returns and Examples."""
from __future__ import annotations

import inspect
import re

import pytest

import analysis

SECTIONS = ("Parameters", "Returns", "Examples")
FUNCTIONS = [name for name in analysis.__all__ if inspect.isfunction(getattr(analysis, name))]


def test_the_public_functions_are_found():
    assert {"extract", "extract_figures", "claims", "plot_map", "score_folder"} <= set(FUNCTIONS)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_public_function_has_numpydoc_sections(name):
    doc = inspect.getdoc(getattr(analysis, name)) or ""
    missing = [section for section in SECTIONS if not re.search(rf"^{section}\n-{{{len(section)}}}$", doc, re.M)]
    assert not missing, f"analysis.{name}'s docstring lacks the numpydoc section(s) {', '.join(missing)}"
