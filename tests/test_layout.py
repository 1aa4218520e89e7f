"""The package's layout is its architecture: the extraction stages never reach for the drawing code."""
from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys

import analysis

from .conftest import ROOT

DRAWING_LIBRARIES = ("matplotlib", "geopandas", "shapely", "pyogrio")
DRAWING = ("analysis.views", *DRAWING_LIBRARIES)


def _imports(path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_extraction_stage_imports_the_views_or_a_drawing_library():
    offenders = {path.name: sorted(n for n in _imports(path) if n.startswith(DRAWING))
                 for path in (ROOT / "analysis" / "extract").glob("*.py")}
    assert {name: found for name, found in offenders.items() if found} == {}


def test_importing_the_package_and_extracting_loads_no_drawing_library():
    code = ("import sys, analysis; analysis.extract_figures('Six died.'); "
            f"print([m for m in {DRAWING_LIBRARIES!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_analysis_extract_stays_the_function_whatever_submodules_are_imported():
    """``analysis/extract/`` is a package and ``analysis.extract`` a function: importing a submodule for the
    first time would rebind the name to the package, so every submodule is loaded by ``import analysis``."""
    for module in pkgutil.walk_packages(analysis.__path__, "analysis."):
        if module.name not in ("analysis.__main__",):
            importlib.import_module(module.name)
    assert callable(analysis.extract) and analysis.extract.__module__ == "analysis.io.runner"
    assert analysis.extract.__doc__.startswith("Figures of many articles")
