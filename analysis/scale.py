"""The Dask entry points, at the import path the README documents (the code is :mod:`analysis.io.dask`)."""
from analysis.io.dask import extract_dask, extract_errors_dask, extract_with_errors_dask

__all__ = ["extract_dask", "extract_errors_dask", "extract_with_errors_dask"]
