"""Write tables to files, the format chosen by the file's extension.

CSV cells that a spreadsheet would run as a formula (starting with = + - @) are prefixed with a
quote, so that an article's text cannot inject formulas into whoever opens the file.

>>> import pandas as pd, tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
>>> write_table(pd.DataFrame({"text": ["=HYPERLINK(1)", "-5 km"], "n": [1, -2]}), out)
>>> out.read_text().splitlines()[1:]
["'=HYPERLINK(1),1", "'-5 km,-2"]
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells cannot start a spreadsheet formula."""
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if pd.api.types.is_string_dtype(column) or column.dtype == object:
            text = column.astype("string")
            risky = text.str.startswith(_FORMULA_START).fillna(False)
            if risky.any():
                out[name] = text.mask(risky, "'" + text)
    return out


def write_table(frame: pd.DataFrame, path: str | Path) -> None:
    """Write ``frame`` whole as .parquet, .csv, .jsonl or .geojson (by extension), creating the folder."""
    with TableWriter(path) as writer:
        writer.write(frame)


class TableWriter:
    """Write a table a chunk at a time, so a run over millions of articles never holds them all.

    The format follows the extension: ``.parquet`` (one row group per chunk), ``.csv`` (one header),
    ``.jsonl`` (one record per line), ``.geojson`` (a FeatureCollection of the rows with coordinates).
    ``like`` is an empty frame with the table's columns and dtypes (e.g. ``figures_frame([])``):
    given, a run that writes no rows still leaves a valid file with the right columns.

    >>> import pandas as pd, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "t.jsonl"
    >>> with TableWriter(out) as writer:
    ...     writer.write(pd.DataFrame({"n": [1]})); writer.write(pd.DataFrame({"n": [2]}))
    >>> out.read_text().split()
    ['{"n":1}', '{"n":2}']
    """

    SUFFIXES = (".parquet", ".csv", ".jsonl", ".geojson")

    def __init__(self, path: str | Path, *, like: pd.DataFrame | None = None) -> None:
        self.path = Path(path)
        self.suffix = self.path.suffix.lower()
        if self.suffix not in self.SUFFIXES:
            raise ValueError(f"cannot write {self.path}: use one of {', '.join(self.SUFFIXES)}")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.rows = 0
        self._features = 0
        self._parquet = None
        self._handle = None
        if like is not None and self.suffix == ".parquet":
            self._write_parquet(like)

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write(self, frame: pd.DataFrame) -> None:
        """Append the rows of ``frame``."""
        if self.suffix == ".parquet":
            self._write_parquet(frame)
        elif self.suffix == ".csv":
            header = self._handle is None
            neutralise_formulas(frame).to_csv(self._open(), index=False, header=header, date_format="%Y-%m-%d")
        elif self.suffix == ".jsonl":
            if len(frame):
                frame.to_json(self._open(), orient="records", lines=True, date_format="iso", force_ascii=False)
        else:
            self._write_geojson(frame)
        self.rows += len(frame)

    def _open(self):
        if self._handle is None:
            self._handle = self.path.open("w", encoding="utf-8", newline="")
            if self.suffix == ".geojson":
                self._handle.write('{"type": "FeatureCollection", "features": [\n')
        return self._handle

    def _write_parquet(self, frame: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(frame, preserve_index=False)
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self.path, table.schema)
        self._parquet.write_table(table.cast(self._parquet.schema))

    def _write_geojson(self, frame: pd.DataFrame) -> None:
        handle = self._open()
        if not {"lat", "lon"} <= set(frame.columns):
            return
        located = frame.dropna(subset=["lat", "lon"])
        properties = json.loads(located.drop(columns=["lat", "lon"]).to_json(orient="records", date_format="iso"))
        for lat, lon, props in zip(located["lat"], located["lon"], properties, strict=True):
            feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                       "properties": props}
            handle.write((",\n" if self._features else "") + json.dumps(feature, ensure_ascii=False))
            self._features += 1

    def close(self) -> None:
        """Finish the file (a writer that wrote nothing still leaves a valid, empty file)."""
        if self.suffix == ".parquet":
            if self._parquet is None:
                self._write_parquet(pd.DataFrame())
            self._parquet.close()
            return
        handle = self._open()
        if self.suffix == ".geojson":
            handle.write("\n]}\n")
        handle.close()
