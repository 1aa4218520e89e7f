"""Shared fixtures: the project's paths and the gold-annotated corpus."""
from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")
os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def corpus_figures():
    """The figures of the bundled corpus (data/articles), extracted once per test session."""
    import analysis
    return analysis.extract(analysis.read_articles(ROOT / "data" / "articles"), progress=False)
