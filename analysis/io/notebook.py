"""The set-up every notebook shares: where the project's data and reports are, and pandas' display.

A notebook runs from ``notebooks/`` (JupyterLab, nbval, nbconvert) or from the repository root; one
call finds the project from wherever it starts.

>>> paths = notebook_setup(create=False)
>>> paths.articles.name, paths.figures.relative_to(paths.root).as_posix()
('articles', 'reports/figures')
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

__all__ = ["NotebookPaths", "notebook_setup"]


@dataclass(frozen=True)
class NotebookPaths:
    """The project's folders, as a notebook uses them."""

    root: Path  # the repository: the folder that holds data/articles
    articles: Path  # data/articles, the bundled corpus
    reports: Path  # reports/, where run.sh writes the figures table
    figures: Path  # reports/figures/, where the notebooks write their PNGs


def notebook_setup(start: str | Path | None = None, *, create: bool = True, max_columns: int = 30,
                   max_colwidth: int | None = 60) -> NotebookPaths:
    """Find the project from ``start`` (default: the current folder) or a folder above it, make
    ``reports/figures`` (unless ``create=False``), and set pandas to show wide tables.

    Parameters
    ----------
    start : str or Path, optional
        Where to start looking; the project is the first folder, going up, that holds ``data/articles``.
    create : bool, default True
        Make ``reports/figures`` if it does not exist.
    max_columns, max_colwidth : int, optional
        pandas' ``display.max_columns`` and ``display.max_colwidth`` (None: no limit).

    Returns
    -------
    NotebookPaths

    Raises
    ------
    FileNotFoundError
        If no folder from ``start`` up holds ``data/articles``.

    Examples
    --------
    >>> notebook_setup(create=False).root.joinpath("data", "articles").is_dir()
    True
    """
    here = Path.cwd() if start is None else Path(start)
    here = here.resolve()
    for folder in (here, *here.parents):
        if (folder / "data" / "articles").is_dir():
            break
    else:
        raise FileNotFoundError(f"no folder from {here} up holds data/articles; start inside the project, "
                                f"or pass start=")
    paths = NotebookPaths(folder, folder / "data" / "articles", folder / "reports", folder / "reports" / "figures")
    if create:
        paths.figures.mkdir(parents=True, exist_ok=True)
    pd.set_option("display.max_columns", max_columns)
    pd.set_option("display.max_colwidth", max_colwidth)
    return paths
