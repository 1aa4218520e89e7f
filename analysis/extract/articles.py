"""Read articles from files, folders, globs or frames into one articles table.

Every input gets a row: an input that cannot be read keeps its row with ``error`` saying why, so
no article is ever lost silently.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a1.txt").write_text("source: ABC News\\npublished: 2024-11-05\\n\\nSix died.")
>>> read_articles(folder)[["article_id", "source", "text"]].values.tolist()
[['a1', 'ABC News', 'Six died.']]
"""
from __future__ import annotations

import datetime
import glob
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd

from analysis.schema import articles_frame

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".json", ".jsonl", ".ndjson", ".csv", ".parquet")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES
MAX_BYTES = 50_000_000  # a single article larger than this is an error, not a text
_HEADER_KEYS = {"title", "source", "published", "date", "url", "language", "kind", "author", "id"}
_HEADER_LINE_RE = re.compile(r"^([A-Za-z_]+)\s*:\s*(.*)$")


def article_id_for(text: str) -> str:
    """A stable id for an article without a file name: a short hash of its text."""
    return "a" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def decode_bytes(raw: bytes) -> str:
    """Text of a file's bytes: UTF-8 (with or without BOM), else the detected encoding.

    Raises ValueError for binary data (NUL bytes or no plausible encoding).
    """
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError("binary data (NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000]).best()
    if best is None:
        raise ValueError("undecodable bytes: no text encoding fits")
    return raw.decode(best.encoding, errors="replace")


def split_header(raw: str) -> tuple[dict[str, str], str]:
    """Split the ``key: value`` header block (up to the first blank line) from the text.

    A file without such a block is all text.

    >>> split_header("source: AP\\npublished: 2024-11-05\\n\\nBody.")
    ({'source': 'AP', 'published': '2024-11-05'}, 'Body.')
    """
    head, sep, body = raw.partition("\n\n")
    lines = [line for line in head.splitlines() if line.strip()]
    meta = {}
    for line in lines:
        match = _HEADER_LINE_RE.match(line.strip())
        if match is None or match.group(1).lower() not in _HEADER_KEYS:
            return {}, raw
        meta[match.group(1).lower()] = match.group(2).strip()
    if not sep or not meta:
        return {}, raw
    return meta, body


def _row(path: Path | None, text: str | None, meta: dict | None = None, error: str | None = None,
         article_id: str | None = None) -> dict:
    meta = meta or {}
    if article_id is None:
        article_id = meta.get("id") or (path.stem if path is not None else article_id_for(text or ""))
    return {
        "article_id": str(article_id), "title": meta.get("title") or None, "source": meta.get("source") or None,
        "published": _published_or_none(meta.get("published") or meta.get("date")),
        "url": meta.get("url") or None, "language": meta.get("language") or None, "text": text,
        "path": str(path) if path is not None else None, "error": error,
    }


def _published_or_none(value: object) -> pd.Timestamp | None:
    try:
        return parse_published(value)
    except ValueError:
        return None


def _read_text_file(path: Path) -> list[dict]:
    meta, text = split_header(decode_bytes(_read_bytes(path)).replace("\r\n", "\n"))
    return [_row(path, text, meta)]


def _read_html_file(path: Path) -> list[dict]:
    import trafilatura

    html = decode_bytes(_read_bytes(path))
    # trafilatura parses with lxml, which neither runs scripts nor resolves external entities
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if isinstance(document, dict):  # trafilatura < 2.0 returns a dict by default
        fields = dict.fromkeys(("text", "title", "sitename", "date", "url", "language")) | document
        document = SimpleNamespace(**{k: v for k, v in fields.items() if isinstance(k, str)})
    if document is None or not (document.text or "").strip():
        return [_row(path, None, error="no article text found in the HTML page")]
    meta = {"title": document.title, "source": document.sitename, "published": document.date,
            "url": document.url, "language": document.language}
    return [_row(path, document.text, {k: v for k, v in meta.items() if v})]


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ValueError(f"file is {size:,} bytes, more than the {MAX_BYTES:,}-byte limit for one article")
    return path.read_bytes()


def _iter_table_file(path: Path, chunk_rows: int) -> Iterator[dict]:
    """Rows of a table of articles, a chunk at a time: a crawl's file need not fit in memory."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        encoding = _sniff_encoding(path)
        for number, frame in enumerate(pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=chunk_rows,
                                                    encoding=encoding, encoding_errors="replace")):
            yield from _rows_from_frame(frame, path, first_row=number * chunk_rows)
    elif suffix == ".parquet":
        import pyarrow.parquet as pq

        first = 0
        for batch in pq.ParquetFile(path).iter_batches(batch_size=chunk_rows):
            frame = batch.to_pandas()
            yield from _rows_from_frame(frame, path, first_row=first)
            first += len(frame)
    elif suffix == ".json":
        data = json.loads(decode_bytes(_read_bytes(path)))
        yield from _rows_from_frame(pd.DataFrame(data if isinstance(data, list) else [data]), path)
    else:
        yield from _iter_jsonl(path)


def _iter_jsonl(path: Path) -> Iterator[dict]:
    """One article per line; a line that is not a JSON object with a text becomes an error row of its own."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig"))
                if not isinstance(record, dict):
                    raise ValueError(f"a JSON {type(record).__name__}, not an object")
            except (UnicodeDecodeError, ValueError) as exc:
                yield _row(path, None, error=f"line {number}: {type(exc).__name__}: {exc}",
                           article_id=f"{path.stem}-{number}")
                continue
            if "text" not in record:  # this line only: the lines after it are still read
                given_id = record.get("article_id", record.get("id"))
                yield _row(path, None, error=f"line {number}: no 'text' field; fields are {sorted(record)[:10]}",
                           article_id=f"{path.stem}-{number}" if _missing(given_id) else str(given_id))
                continue
            yield _record_row(record, path, number - 1)


def _sniff_encoding(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(65536)
    try:
        head.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(head).best()
        return best.encoding if best is not None else "utf-8"


def _rows_from_frame(frame: pd.DataFrame, path: Path | None, *, first_row: int = 0) -> list[dict]:
    if "text" not in frame.columns:
        where = f" in {path}" if path else ""
        raise ValueError(f"no 'text' column{where}; columns are {list(frame.columns)}")
    return [_record_row(record, path, number)
            for number, record in enumerate(frame.to_dict("records"), start=first_row)]


def _record_row(record: dict, path: Path | None, number: int) -> dict:
    """One article of a table (a row of a CSV, Parquet or JSON file, a line of JSONL) as an articles row."""
    text = record.get("text")
    meta = {k: record.get(k) for k in ("title", "source", "published", "date", "url", "language")}
    meta = {k: (None if _missing(v) else str(v)) for k, v in meta.items()}
    given_id = record.get("article_id", record.get("id"))
    error = None
    if _missing(text):
        text, error = None, "empty text"
    elif not isinstance(text, str):
        text, error = None, f"text is {type(record.get('text')).__name__}, not a string"
    if not _missing(given_id):
        article_id = str(given_id)
    elif text is not None:
        article_id = article_id_for(text)
    else:
        article_id = f"{path.stem}-{number}" if path else f"row-{number}"
    return _row(path, text, meta, error, article_id)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA


def _iter_path(path: Path, chunk_rows: int) -> Iterator[dict]:
    suffix = path.suffix.lower()
    try:
        if suffix in HTML_SUFFIXES:
            rows: Iterable[dict] = _read_html_file(path)
        elif suffix in TABLE_SUFFIXES:
            rows = _iter_table_file(path, chunk_rows)
        else:
            rows = _read_text_file(path)
        for row in rows:
            if row["error"] is None and not (row["text"] or "").strip():
                row["error"], row["text"] = "empty text", row["text"] or None
            yield row
    except (OSError, ValueError, UnicodeError, pd.errors.ParserError) as exc:
        yield _row(path, None, error=f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # a reader library failing on odd input must not lose the article
        yield _row(path, None, error=f"unreadable ({type(exc).__name__}: {exc})")


def iter_paths(src: str | Path | Iterable[str | Path]) -> Iterator[Path]:
    """Files named by ``src``: a file, a folder (its article files, sorted, recursively), a glob, or a list.

    A name that matches nothing is yielded as is, so that reading it reports the error.
    """
    if isinstance(src, str | Path):
        src = [src]
    for item in src:
        path = Path(item)
        if path.is_dir():
            yield from _folder_files(path)
        elif any(ch in str(item) for ch in "*?[") and not path.exists():
            yield from (Path(p) for p in sorted(glob.glob(str(item), recursive=True)) if Path(p).is_file())
        else:
            yield path


def _folder_files(folder: Path) -> Iterator[Path]:
    seen: set[Path] = set()
    stack = [folder]
    found: list[Path] = []
    while stack:
        current = stack.pop()
        try:
            real = current.resolve()
            if real in seen:  # symlink loops
                continue
            seen.add(real)
            entries = list(current.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir():
                stack.append(entry)
            elif entry.suffix.lower() in SUFFIXES and not entry.name.startswith("."):
                found.append(entry)
    yield from sorted(found)


def read_articles(src: str | Path | Iterable[str | Path] | pd.DataFrame) -> pd.DataFrame:
    """Articles from a folder, glob, file, list of paths, or a DataFrame with a ``text`` column.

    Returns one row per article with the columns ``article_id``, ``title``, ``source``,
    ``published``, ``url``, ``language``, ``text``, ``path``, ``error``. Files may be ``.txt``/``.md``
    (with an optional ``key: value`` header block), ``.html``, or ``.json``/``.jsonl``/``.csv``/
    ``.parquet`` tables with a ``text`` column. An input that cannot be read keeps its row with
    ``error`` set and ``text`` missing.

    >>> import pandas as pd
    >>> read_articles(pd.DataFrame({"text": ["Five died."], "source": ["AP"]}))["source"].tolist()
    ['AP']
    """
    return articles_frame(list(iter_articles(src)))


def iter_articles(src: str | Path | Iterable[str | Path] | pd.DataFrame, *,
                  chunk_rows: int = 1000) -> Iterator[dict]:
    """The rows of :func:`read_articles` one at a time, reading large tables a chunk at a time.

    >>> next(iter_articles(pd.DataFrame({"text": ["Five died."]})))["text"]
    'Five died.'
    """
    if isinstance(src, pd.DataFrame):
        yield from _rows_from_frame(src, None)
        return
    if not isinstance(src, str | Path) and not isinstance(src, Iterable):
        raise TypeError(f"read_articles() takes a path, a glob, a list of paths or a DataFrame, "
                        f"not {type(src).__name__}")
    for path in iter_paths(src):
        if not path.exists():
            yield _row(path, None, error="no such file")
        else:
            yield from _iter_path(path, chunk_rows)


def parse_published(value: object) -> pd.Timestamp | None:
    """The publication date as a Timestamp (naive, day resolution), or None when not given.

    Raises ValueError with the offending value when it is given but is not a date.

    >>> parse_published("5 November 2024")
    Timestamp('2024-11-05 00:00:00')
    """
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, str):
        parsed = _parse_date_string(value.strip())
    elif isinstance(value, datetime.date | np.datetime64):
        parsed = pd.Timestamp(value)
    else:
        parsed = None  # a number is not a date: 12.5 would silently become 1970-01-01
    if parsed is None or pd.isna(parsed):
        raise ValueError(f"published={value!r} is not a date; pass an ISO date such as '2024-11-05'")
    if parsed.tzinfo is not None:
        parsed = parsed.tz_convert(None)
    return parsed.normalize()


@lru_cache(maxsize=4096)
def _parse_date_string(value: str) -> pd.Timestamp | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?", value):
        try:
            return pd.Timestamp(value)
        except ValueError:
            return None
    import dateparser  # slow to import: only for the free-form dates that need it

    parsed = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True})
    return pd.Timestamp(parsed) if parsed is not None else None
