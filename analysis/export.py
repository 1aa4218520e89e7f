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
    """Write ``frame`` as .parquet, .csv or .jsonl/.json (by extension), creating the folder."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        frame.to_parquet(path, index=False)
    elif suffix == ".csv":
        neutralise_formulas(frame).to_csv(path, index=False, date_format="%Y-%m-%d")
    elif suffix in (".jsonl", ".json"):
        frame.to_json(path, orient="records", lines=suffix == ".jsonl", date_format="iso", force_ascii=False)
    else:
        raise ValueError(f"cannot write {path}: use a .parquet, .csv or .jsonl file name")
