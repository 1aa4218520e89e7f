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
import os
import tempfile
from pathlib import Path
from typing import TextIO

import pandas as pd

from analysis.extract.articles import replace_surrogates

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
    """Write ``frame`` whole as .parquet, .csv, .jsonl or .geojson (by extension), creating the folder.

    The file appears whole or not at all (see :class:`TableWriter`).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with TableWriter(path) as writer:
        writer.write(frame)


def without_surrogates(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with lone surrogates in its text cells made U+FFFD (they cannot be encoded as UTF-8)."""
    out = None
    for name in frame.columns:
        if frame[name].dtype == object:
            column = frame[name].map(lambda v: replace_surrogates(v) if isinstance(v, str) else v)
            if not column.equals(frame[name]):
                out = frame.copy() if out is None else out
                out[name] = column
    return frame if out is None else out


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class TableWriter:
    """Write a table a chunk at a time, so a run over millions of articles never holds them all.

    The format follows the extension: ``.parquet`` (one row group per chunk), ``.csv`` (one header),
    ``.jsonl`` (one record per line), ``.geojson`` (a FeatureCollection: rows with ``lat``/``lon``
    as points; a table without those columns, such as the errors table, as features without geometry).
    ``like`` is an empty frame with the table's columns and dtypes (e.g. ``figures_frame([])``):
    given, a run that writes no rows still leaves a valid file with the right columns.

    The rows go to a hidden temporary file beside ``path`` (created at once, so an unwritable place
    fails before any work); :meth:`close` renames it to ``path``, :meth:`abort` (or an exception
    inside ``with``) deletes it: an interrupted run never leaves a truncated file under the name,
    and an earlier file of that name stays as it was. With ``stream`` (e.g. ``sys.stdout``) the
    rows go there instead, as ``fmt`` (``jsonl`` or ``csv``).

    >>> import pandas as pd, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "t.jsonl"
    >>> with TableWriter(out) as writer:
    ...     writer.write(pd.DataFrame({"n": [1]})); writer.write(pd.DataFrame({"n": [2]}))
    >>> out.read_text().split()
    ['{"n":1}', '{"n":2}']
    """

    SUFFIXES = (".parquet", ".csv", ".jsonl", ".geojson")
    STREAM_FORMATS = ("jsonl", "csv")

    def __init__(self, path: str | Path | None, *, like: pd.DataFrame | None = None,
                 stream: TextIO | None = None, fmt: str | None = None) -> None:
        self.path = Path(path) if path is not None else None
        if stream is not None:
            if fmt not in self.STREAM_FORMATS:
                raise ValueError(f"cannot write {fmt!r} to a stream: use one of {', '.join(self.STREAM_FORMATS)}")
            self.suffix = "." + fmt
        else:
            if self.path is None:
                raise ValueError("TableWriter needs a path or a stream")
            self.suffix = self.path.suffix.lower()
            if self.suffix not in self.SUFFIXES:
                raise ValueError(f"cannot write {self.path}: use one of {', '.join(self.SUFFIXES)}")
        self.rows = 0
        self._like = like
        self._features = 0
        self._parquet = None
        self._header_done = False
        self._stream = stream
        self._temp: Path | None = None
        if stream is None:
            fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".part")
            self._temp = Path(temp)
            os.chmod(fd, 0o666 & ~_umask())  # the mode an ordinary new file gets, not mkstemp's 0600
            self._handle = os.fdopen(fd, "wb" if self.suffix == ".parquet" else "w",
                                     **({} if self.suffix == ".parquet" else {"encoding": "utf-8", "newline": ""}))
        else:
            self._handle = stream
        if self.suffix == ".geojson":
            self._handle.write('{"type": "FeatureCollection", "features": [\n')
        if like is not None and self.suffix == ".parquet":
            self._write_parquet(like)

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()

    def write(self, frame: pd.DataFrame) -> None:
        """Append the rows of ``frame``."""
        frame = without_surrogates(frame)
        if self.suffix == ".parquet":
            self._write_parquet(frame)
        elif self.suffix == ".csv":
            neutralise_formulas(frame).to_csv(self._handle, index=False, header=not self._header_done,
                                              date_format="%Y-%m-%d")
            self._header_done = True
        elif self.suffix == ".jsonl":
            if len(frame):
                frame.to_json(self._handle, orient="records", lines=True, date_format="iso", force_ascii=False)
        else:
            self._write_geojson(frame)
        self.rows += len(frame)

    def _write_parquet(self, frame: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(frame, preserve_index=False)
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self._handle, table.schema)
        self._parquet.write_table(table.cast(self._parquet.schema))

    def _write_geojson(self, frame: pd.DataFrame) -> None:
        located = {"lat", "lon"} <= set(frame.columns)
        rows = frame.dropna(subset=["lat", "lon"]) if located else frame
        props = rows.drop(columns=["lat", "lon"]) if located else rows
        properties = json.loads(props.to_json(orient="records", date_format="iso"))
        points = zip(rows["lat"], rows["lon"], strict=True) if located else ((None, None) for _ in properties)
        for (lat, lon), props in zip(points, properties, strict=True):
            geometry = {"type": "Point", "coordinates": [lon, lat]} if located else None
            feature = {"type": "Feature", "geometry": geometry, "properties": props}
            self._handle.write((",\n" if self._features else "") + json.dumps(feature, ensure_ascii=False))
            self._features += 1

    def close(self) -> None:
        """Finish the file and give it its name (a writer that wrote nothing still leaves a valid, empty file)."""
        if self.suffix == ".parquet":
            if self._parquet is None:
                self._write_parquet(pd.DataFrame())
            self._parquet.close()
        elif self.suffix == ".csv" and not self._header_done and self._like is not None:
            self.write(self._like)
        elif self.suffix == ".geojson":
            self._handle.write("\n]}\n")
        if self._stream is not None:
            self._handle.flush()
            return
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        os.replace(self._temp, self.path)
        self._temp = None

    def abort(self) -> None:
        """Stop without giving the file its name: the temporary file is deleted, an earlier file kept."""
        if self._stream is not None:
            return
        try:
            if self._parquet is not None:
                self._parquet.close()
        except Exception:  # noqa: BLE001 - finishing a file we are about to delete
            pass
        self._handle.close()
        if self._temp is not None:
            self._temp.unlink(missing_ok=True)
            self._temp = None
