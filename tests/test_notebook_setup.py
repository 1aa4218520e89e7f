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


NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_each_notebook_uses_the_shared_setup_and_the_installed_kernel(path) -> None:
    import json
    import re
    notebook = json.loads(path.read_text(encoding="utf-8"))
    setup = (ROOT / "scripts" / "ensure_venv.sh").read_text(encoding="utf-8")
    name, display = re.search(r'--name (\S+) --display-name "([^"]+)"', setup).groups()
    assert notebook["metadata"]["kernelspec"]["name"] == name
    assert notebook["metadata"]["kernelspec"]["display_name"] == display  # opening it does not modify it
    code = "".join("".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code")
    assert "analysis.notebook_setup()" in code and 'Path("..")' not in code
    assert "filterwarnings(" not in code or "message=" not in code  # warnings are filtered by their class
