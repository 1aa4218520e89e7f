"""notebook_setup finds the project from wherever a notebook starts."""
from __future__ import annotations

import pandas as pd
import pytest

import analysis

from .conftest import ROOT


@pytest.mark.parametrize("start", [ROOT, ROOT / "notebooks", ROOT / "data" / "articles"])
def test_the_project_is_found_from_inside_it(start) -> None:
    paths = analysis.notebook_setup(start, create=False)
    assert paths.root == ROOT.resolve() and paths.articles == ROOT.resolve() / "data" / "articles"


def test_outside_a_project_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match="data/articles"):
        analysis.notebook_setup(tmp_path)


def test_it_makes_the_figures_folder_and_sets_the_display(tmp_path) -> None:
    (tmp_path / "data" / "articles").mkdir(parents=True)
    with pd.option_context("display.max_columns", 5):
        paths = analysis.notebook_setup(tmp_path, max_columns=12)
        assert pd.get_option("display.max_columns") == 12
    assert paths.figures.is_dir() and paths.figures == tmp_path.resolve() / "reports" / "figures"
