"""Read articles from files, folders, globs, streams or frames into one articles table.

Every input gets a row: an input that cannot be read keeps its row with ``error`` saying why, so
no article is ever lost silently. Article ids are unique within one read: a repeated id (two
``report.txt`` in two folders, a JSONL id given twice) is suffixed ``-2``, ``-3``... in reading order.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a1.txt").write_text("source: ABC News\\npublished: 2024-11-05\\n\\nSix died.")
>>> read_articles(folder)[["article_id", "source", "text"]].values.tolist()
[['a1', 'ABC News', 'Six died.']]
"""
from __future__ import annotations

import csv
import datetime
import glob
import hashlib
import itertools
import json
import os
import re
import stat
import warnings
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import BinaryIO

import numpy as np
import pandas as pd

from analysis.schema import articles_frame

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".json", ".jsonl", ".ndjson", ".csv", ".parquet")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES
MAX_BYTES = 50_000_000  # a single article larger than this is an error, not a text
MAX_JSON_TABLE_BYTES = 2_000_000_000  # a .json table is parsed whole; larger crawls belong in .jsonl
_HEADER_KEYS = {"title", "source", "published", "date", "url", "language", "kind", "author", "id"}
_HEADER_LINE_RE = re.compile(r"^([A-Za-z_]+)\s*:\s*(.*)$")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_EARLIEST, _LATEST = pd.Timestamp.min.ceil("D"), pd.Timestamp.max.floor("D")


class PublishedDateWarning(UserWarning):
    """An article's ``published`` is not a date the table can hold: the article is kept, undated.

    Raised (as a warning) by :func:`read_articles` and :func:`analysis.extract_with_errors`, which
    also list the article in its errors table with stage ``published``.
    """


def article_id_for(text: str) -> str:
    """A stable id for an article without a file name: a short hash of its text."""
    return "a" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def replace_surrogates(text: str) -> str:
    """``text`` with every lone surrogate (half an emoji, e.g. from a JSON ``\\ud83d`` escape) made U+FFFD.

    Such a string cannot be encoded as UTF-8, so no table could be written with it; one character
    stands for one, so spans into the text stay right.

    >>> replace_surrogates("12 killed \\ud83d.")
    '12 killed \\ufffd.'
    """
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE_RE.sub("\ufffd", text)
    return text


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


def _clean(value: object) -> object:
    return replace_surrogates(value) if isinstance(value, str) else value


def _row(path: Path | None, text: str | None, meta: dict | None = None, error: str | None = None,
         article_id: str | None = None) -> dict:
    """One articles row; ``published_error`` (not a column of the table) says why a given date was not kept."""
    meta = meta or {}
    if article_id is None:
        article_id = meta.get("id") or (path.stem if path is not None else article_id_for(text or ""))
    published, published_error = _published_or_problem(meta.get("published") or meta.get("date"))
    return {
        "article_id": _clean(str(article_id)), "title": _clean(meta.get("title") or None),
        "source": _clean(meta.get("source") or None), "published": published,
        "url": _clean(meta.get("url") or None), "language": _clean(meta.get("language") or None),
        "text": _clean(text), "path": _clean(str(path)) if path is not None else None, "error": error,
        "published_error": published_error,
    }


def _published_or_problem(value: object) -> tuple[pd.Timestamp | None, str | None]:
    try:
        return parse_published(value), None
    except ValueError as exc:
        return None, str(exc)


def _read_text(path: Path) -> list[dict]:
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


def _read_bytes(path: Path, limit: int = MAX_BYTES, what: str = "one article") -> bytes:
    """The bytes of a regular file, refusing more than ``limit`` (counted as read, not trusted from stat)."""
    with path.open("rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise ValueError("not a regular file")
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise ValueError(f"file is more than the {limit:,}-byte limit for {what}")
    return raw


def _lines(handle: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) of a binary handle; a line longer than MAX_BYTES is (number, None), skipped unread."""
    number = 0
    while raw := handle.readline(MAX_BYTES + 1):
        number += 1
        if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, raw


def _iter_table_file(path: Path, chunk_rows: int) -> Iterator[dict]:
    """Rows of a table of articles, a chunk at a time: a crawl's file need not fit in memory."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from _iter_csv(path)
    elif suffix == ".parquet":
        import pyarrow.parquet as pq

        first = 0
        for batch in pq.ParquetFile(path).iter_batches(batch_size=chunk_rows):
            frame = batch.to_pandas()
            yield from _rows_from_frame(frame, path, first_row=first)
            first += len(frame)
    elif suffix == ".json":
        data = json.loads(decode_bytes(_read_bytes(path, MAX_JSON_TABLE_BYTES, "a .json table (use .jsonl)")))
        yield from _rows_from_frame(pd.DataFrame(data if isinstance(data, list) else [data]), path)
    else:
        with path.open("rb") as handle:
            yield from _iter_jsonl(handle, path)


def _iter_jsonl(handle: BinaryIO, path: Path, lines: Iterable[tuple[int, bytes | None]] = ()) -> Iterator[dict]:
    """One article per line; a line that is not a JSON object with a text becomes an error row of its own.

    ``lines`` are lines already read from ``handle`` (numbered from 1), read before the rest.
    """
    for number, raw in itertools.chain(lines, _lines(handle)):
        if raw is None:
            yield _row(path, None, error=f"line {number}: longer than the {MAX_BYTES:,}-byte limit for one article",
                       article_id=f"{path.stem}-{number}")
            continue
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
        yield _record_row(record, path, number)


def _iter_csv(path: Path) -> Iterator[dict]:
    """Rows of a CSV of articles; a malformed row becomes an error row of its own and the rows after it are read."""
    csv.field_size_limit(MAX_BYTES)
    with path.open(encoding=_sniff_encoding(path), errors="replace", newline="") as handle:
        reader = csv.reader(handle)
        try:
            header = next(reader)
        except StopIteration:
            raise ValueError("empty CSV file: no header, no rows") from None
        if "text" not in header:
            raise ValueError(f"no 'text' column in {path}; columns are {header}")
        number = 0
        while True:
            line = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                number += 1
                yield _row(path, None, error=f"row {number} (line {line}): malformed CSV: {exc}",
                           article_id=f"{path.stem}-{number}")
                continue
            if not cells:
                continue
            number += 1
            if len(cells) > len(header):
                yield _row(path, None, error=f"row {number} (line {line}): {len(cells)} fields, the header has "
                                             f"{len(header)}", article_id=f"{path.stem}-{number}")
                continue
            record = {k: (v if v != "" or k == "text" else None) for k, v in zip(header, cells, strict=False)}
            yield _record_row(record, path, number)  # a short row: the missing cells are missing


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
            for number, record in enumerate(frame.to_dict("records"), start=first_row + 1)]


def _record_row(record: dict, path: Path | None, number: int) -> dict:
    """Article ``number`` (from 1) of a table (a row of a CSV, Parquet or JSON file, a JSONL line) as a row."""
    text = record.get("text")
    meta = {k: record.get(k) for k in ("title", "source", "published", "date", "url", "language")}
    meta = {k: (None if _missing(v) else v if k in ("published", "date") else str(v)) for k, v in meta.items()}
    given_id = record.get("article_id", record.get("id"))
    error = None
    if _missing(text):
        text, error = None, "empty text"
    elif not isinstance(text, str):
        text, error = None, f"text is {type(record.get('text')).__name__}, not a string"
    elif len(text) > MAX_BYTES:
        text, error = None, f"text is {len(text):,} characters, more than the {MAX_BYTES:,} one article may have"
    if not _missing(given_id):
        article_id = str(given_id)
    elif text is not None and text.strip():
        article_id = article_id_for(text)
    else:
        article_id = f"{path.stem}-{number}" if path else f"row-{number}"
    return _row(path, text, meta, error, article_id)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA or value is pd.NaT


def _iter_path(path: Path, chunk_rows: int) -> Iterator[dict]:
    suffix = path.suffix.lower()
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        yield _row(path, None, error="no such file")
        return
    except OSError as exc:
        yield _row(path, None, error=f"cannot open: {exc.strerror or exc}")
        return
    if not stat.S_ISREG(mode):  # a FIFO would block for ever, /dev/zero never ends
        kind = "a folder" if stat.S_ISDIR(mode) else "a FIFO, socket or device"
        yield _row(path, None, error=f"not a regular file ({kind}): skipped")
        return
    try:
        if suffix in HTML_SUFFIXES:
            rows: Iterable[dict] = _read_html_file(path)
        elif suffix in TABLE_SUFFIXES:
            rows = _iter_table_file(path, chunk_rows)
        else:
            rows = _read_text(path)
        for row in rows:
            if row["error"] is None and not (row["text"] or "").strip():
                row["error"], row["text"] = "empty text", row["text"] or None
            yield row
    except (OSError, ValueError, UnicodeError, pd.errors.ParserError, csv.Error) as exc:
        yield _row(path, None, error=f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # a reader library failing on odd input must not lose the article
        yield _row(path, None, error=f"unreadable ({type(exc).__name__}: {exc})")


def iter_stream(handle: BinaryIO, name: str = "stdin") -> Iterator[dict]:
    """Articles from a binary stream (standard input): JSON lines if it starts with ``{``, else one text.

    A plain-text stream is one article (with an optional ``key: value`` header), its id ``name``.

    >>> import io
    >>> [r["article_id"] for r in iter_stream(io.BytesIO(b'{"text": "Six died.", "id": "x"}\\n'))]
    ['x']
    >>> next(iter_stream(io.BytesIO(b"source: AP\\n\\nSix died.")))["source"]
    'AP'
    """
    path = Path(name)
    head: list[tuple[int, bytes | None]] = []
    for number, raw in _lines(handle):
        head.append((number, raw))
        if raw is None or raw.strip():
            break
    first = next((raw for _, raw in head if raw is not None and raw.strip()), b"")
    if first.lstrip().lstrip(b"\xef\xbb\xbf").startswith(b"{"):
        yield from _iter_jsonl(handle, path, head)
        return
    try:
        if any(raw is None for _, raw in head):
            raise ValueError(f"more than the {MAX_BYTES:,}-byte limit for one article")
        raw = b"".join(raw for _, raw in head if raw is not None)
        raw += handle.read(MAX_BYTES + 1 - len(raw))
        if len(raw) > MAX_BYTES:
            raise ValueError(f"more than the {MAX_BYTES:,}-byte limit for one article")
        meta, text = split_header(decode_bytes(raw).replace("\r\n", "\n"))
        row = _row(None, text, meta, article_id=meta.get("id") or name)
        if not (text or "").strip():
            row["error"], row["text"] = "empty text", None
    except ValueError as exc:
        row = _row(None, None, error=f"{name}: {exc}", article_id=name)
    yield row


def list_inputs(src: str | Path | Iterable[str | Path]) -> list[Path | dict]:
    """What ``src`` names, in reading order: the files to read, and an error row for each name that gives none.

    A folder gives its article files (sorted, recursively; hidden ones skipped; symlinks leading out
    of the folder are not followed and get an error row); a glob its matches; a plain name itself
    (reading reports it if missing). A glob or folder that matches no article file gets an error row.

    Raises ValueError for an empty name, which would otherwise mean the current directory.
    """
    if isinstance(src, str | Path | bytes):
        src = [src]
    listed: list[Path | dict] = []
    for item in src:
        name = os.fsdecode(item) if isinstance(item, bytes | os.PathLike) else item
        if not isinstance(name, str):
            raise TypeError(f"read_articles() takes paths or globs, not {type(item).__name__} ({item!r})")
        if not name.strip():
            raise ValueError("read_articles() got an empty name ''; name a file, a folder or a glob "
                             "(use '.' for the current directory)")
        path = Path(name)
        if _is_dir(path):
            found = _folder_files(path)
            if not any(isinstance(f, Path) for f in found):
                found.append(_row(path, None, error=f"folder holds no article file ({', '.join(SUFFIXES)})"))
            listed.extend(found)
        elif any(ch in name for ch in "*?[") and not os.path.lexists(name):
            matches = [Path(p) for p in sorted(glob.glob(name, recursive=True)) if Path(p).is_file()]
            listed.extend(matches or [_row(path, None, error="no file matches this glob")])
        else:
            listed.append(path)
    return listed


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _folder_files(folder: Path) -> list[Path | dict]:
    root = os.path.realpath(folder)
    seen: set[str] = set()
    stack = [folder]
    found: list[Path] = []
    problems: list[dict] = []
    while stack:
        current = stack.pop()
        real = os.path.realpath(current)
        if real in seen:  # symlink loops
            continue
        seen.add(real)
        try:
            with os.scandir(current) as scan:
                entries = list(scan)
        except OSError as exc:  # unreadable, or deeper than PATH_MAX
            problems.append(_row(current, None, error=f"cannot list folder: {exc.strerror or exc}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):  # hidden files and folders (and the batch command's temporary outputs)
                continue
            path = Path(entry.path)
            wanted = path.suffix.lower() in SUFFIXES
            try:
                if entry.is_symlink() and not _inside(os.path.realpath(entry.path), root):
                    if wanted or entry.is_dir():
                        problems.append(_row(path, None, error=f"symlink out of {folder} "
                                                                f"(to {os.path.realpath(entry.path)}): not followed"))
                    continue
                is_dir = entry.is_dir()
            except OSError as exc:
                if wanted:
                    problems.append(_row(path, None, error=f"cannot open: {exc.strerror or exc}"))
                continue
            if is_dir:
                stack.append(path)
            elif wanted:
                found.append(path)
    return [*sorted(found), *sorted(problems, key=lambda row: row["path"])]


def iter_paths(src: str | Path | Iterable[str | Path]) -> Iterator[Path]:
    """Files named by ``src``: a file, a folder (its article files, sorted, recursively), a glob, or a list.

    A plain name that matches nothing is yielded as is, so that reading it reports the error.
    """
    yield from (item for item in list_inputs(src) if isinstance(item, Path))


def read_articles(src: str | Path | Iterable[str | Path] | pd.DataFrame) -> pd.DataFrame:
    """Articles from a folder, glob, file, list of paths, or a DataFrame with a ``text`` column.

    Parameters
    ----------
    src : str, Path, list of them, or DataFrame
        Files may be ``.txt``/``.md`` (with an optional ``key: value`` header block), ``.html``, or
        ``.json``/``.jsonl``/``.csv``/``.parquet`` tables with a ``text`` column. A folder is read
        recursively (hidden files skipped, symlinks out of it not followed, FIFOs and devices skipped).

    Returns
    -------
    DataFrame
        One row per article: ``article_id``, ``title``, ``source``, ``published``, ``url``,
        ``language``, ``text``, ``path``, ``error``. An input that cannot be read keeps its row with
        ``error`` set and ``text`` missing. Ids are unique: a repeated one gets ``-2``, ``-3``...

    Raises
    ------
    ValueError
        For an empty name ``''``.
    TypeError
        For anything that is not a path, a glob, a list of them or a DataFrame.

    Warns
    -----
    PublishedDateWarning
        Naming the articles whose ``published`` is given but is not a date (they are kept, undated).

    Examples
    --------
    >>> import pandas as pd
    >>> read_articles(pd.DataFrame({"text": ["Five died."], "source": ["AP"]}))["source"].tolist()
    ['AP']
    >>> read_articles(pd.DataFrame({"text": ["Five died.", "Two died."], "article_id": ["x", "x"]})).article_id.tolist()
    ['x', 'x-2']
    """
    rows = list(iter_articles(src))
    warn_published(rows, stacklevel=3)
    return articles_frame(rows)


def warn_published(rows: Iterable[dict], *, stacklevel: int = 2) -> None:
    """One :class:`PublishedDateWarning` naming the rows whose ``published_error`` is set, if any."""
    bad = [(row["article_id"], row["published_error"]) for row in rows if row.get("published_error")]
    if bad:
        named = "; ".join(f"{aid}: {error}" for aid, error in bad[:3]) + ("; ..." if len(bad) > 3 else "")
        warnings.warn(f"{len(bad)} article(s) kept without a publication date, their published is not a date "
                      f"({named})", PublishedDateWarning, stacklevel=stacklevel)


def iter_articles(src: str | Path | Iterable[str | Path] | pd.DataFrame, *,
                  chunk_rows: int = 1000) -> Iterator[dict]:
    """The rows of :func:`read_articles` one at a time, reading large tables a chunk at a time.

    Each row also has ``published_error``: why a given ``published`` was not kept (None when it
    was, or was not given).

    >>> next(iter_articles(pd.DataFrame({"text": ["Five died."]})))["text"]
    'Five died.'
    """
    if isinstance(src, pd.DataFrame):
        yield from _unique_ids(iter(_rows_from_frame(src, None)))
        return
    if not isinstance(src, str | Path | bytes) and not isinstance(src, Iterable):
        raise TypeError(f"read_articles() takes a path, a glob, a list of paths or a DataFrame, "
                        f"not {type(src).__name__}")
    yield from iter_listed(list_inputs(src), chunk_rows=chunk_rows)


def iter_listed(listed: Iterable[Path | dict | BinaryIO], *, chunk_rows: int = 1000) -> Iterator[dict]:
    """The rows of the items :func:`list_inputs` returned, with binary streams (read by :func:`iter_stream`) among them.

    >>> import io
    >>> [r["article_id"] for r in iter_listed([io.BytesIO(b'{"text": "Six died.", "id": "x"}'), io.BytesIO(b"Two.")])]
    ['x', 'stdin']
    """
    yield from _unique_ids(_read_listed(listed, chunk_rows))


def _read_listed(listed: Iterable[Path | dict | BinaryIO], chunk_rows: int) -> Iterator[dict]:
    for item in listed:
        if isinstance(item, dict):
            yield item
        elif hasattr(item, "read"):
            yield from iter_stream(item)
        else:
            yield from _iter_path(Path(item), chunk_rows)


def _unique_ids(rows: Iterator[dict]) -> Iterator[dict]:
    """Rows with a repeated ``article_id`` suffixed ``-2``, ``-3``... so that no article shadows another."""
    taken: dict[str, int] = {}
    for row in rows:
        article_id = row["article_id"]
        if article_id in taken:
            n = taken[article_id] + 1
            while f"{article_id}-{n}" in taken:
                n += 1
            taken[article_id] = n
            article_id = row["article_id"] = f"{article_id}-{n}"
        taken[article_id] = 1
        yield row


def parse_published(value: object) -> pd.Timestamp | None:
    """The publication date as a Timestamp (naive, day resolution), or None when not given.

    A time with a zone keeps its local day ("2024-11-05T08:00+09:00" is 5 November). Words that
    only mean something relative to today ("yesterday", "3 days ago") are not a date.

    Raises ValueError with the offending value when it is given but is not a date, or is a date
    outside what a table can hold (1677-09-22 to 2262-04-11).

    >>> parse_published("5 November 2024")
    Timestamp('2024-11-05 00:00:00')
    >>> parse_published("2024-11-05T08:00:00+09:00")
    Timestamp('2024-11-05 00:00:00')
    """
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, str) and not value.strip():
        return None
    reason = "is not a date"
    if isinstance(value, str):
        parsed, reason = _parse_date_string(value.strip())
    elif isinstance(value, datetime.date | np.datetime64):
        try:
            parsed = pd.Timestamp(value)
        except (ValueError, OverflowError):
            parsed, reason = None, "is outside the dates a table can hold (1677-09-22 to 2262-04-11)"
    else:
        parsed = None  # a number is not a date: 12.5 would silently become 1970-01-01
    if parsed is None or pd.isna(parsed):
        raise ValueError(f"published={value!r} {reason}; pass an ISO date such as '2024-11-05'")
    if parsed.tzinfo is not None:
        parsed = parsed.tz_localize(None)  # the wall-clock time where it was published: its local day
    parsed = parsed.normalize()
    if not _EARLIEST <= parsed <= _LATEST:
        raise ValueError(f"published={value!r} is outside the dates a table can hold "
                         f"({_EARLIEST.date()} to {_LATEST.date()})")
    return parsed.as_unit("ns")


@lru_cache(maxsize=4096)
def _parse_date_string(value: str) -> tuple[pd.Timestamp | None, str]:
    """The date a string names, or None and why not."""
    if re.fullmatch(r"[+-]?\d{4,}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?", value):
        try:
            return pd.Timestamp(value), ""
        except (ValueError, OverflowError):
            return None, "is not a date the table can hold (or not a date at all)"
    import dateparser  # slow to import: only for the free-form dates that need it

    # a date relative to today ("yesterday", "3 days ago") parses differently from two different todays
    bases = (datetime.datetime(2001, 3, 7), datetime.datetime(2013, 9, 21))
    found = [dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True, "RELATIVE_BASE": base})
             for base in bases]
    if found[0] is None:
        return None, "is not a date"
    if found[0] != found[1]:
        return None, "is relative to a day that is not given (not a date)"
    try:
        return pd.Timestamp(found[0]), ""
    except (ValueError, OverflowError):
        return None, "is outside the dates a table can hold"
