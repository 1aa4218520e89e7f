"""Shared fixtures: the project's paths and the gold-annotated corpus."""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import matplotlib
import pytest
from hypothesis import settings

matplotlib.use("Agg")
os.environ.setdefault("MPLBACKEND", "Agg")

# The test command draws the same property-test examples on every machine, so that a red run is a
# change's doing, not the luck of a draw; HYPOTHESIS_PROFILE=explore draws new ones each run (do that
# after changing the extractor, a few times: it is how new failures are found).
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def load_benchmark(name: str):
    """A script of ``benchmarks/`` (not a package) loaded as a module: ``load_benchmark("ab")``."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def corpus_figures():
    """The figures of the bundled corpus (data/articles), extracted once per test session."""
    import analysis
    return analysis.extract(analysis.read_articles(ROOT / "data" / "articles"), progress=False)
