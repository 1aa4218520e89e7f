"""The batch command: ``war-figures extract INPUT... -o OUT`` (or ``python -m analysis extract ...``).

Articles are read, extracted and written a batch at a time, so memory stays flat however large the
corpus; with ``--workers N`` batches are extracted in N processes. Every input article ends up either
in the output (its figures) or in the ``--errors`` file (why it gave none), so none is lost.

Outputs are written to a hidden temporary file beside each target and renamed when the run ends:
an interrupted run (Ctrl-C, a kill, a crash) leaves earlier files of those names as they were and
no truncated file. Arguments are all checked before any work starts.

Exit codes: 0 every article was read and extracted; 1 some articles could not be (see --errors);
2 bad arguments (nothing was read or written); 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
"""
from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pandas as pd

from analysis import __version__
from analysis.extract.articles import TABLE_SUFFIXES, iter_listed, list_inputs
from analysis.io.runner import extract_with_errors
from analysis.io.writers import TableWriter
from analysis.schema import errors_frame, figures_frame

MAX_BATCH_SIZE = 100_000
MAX_WORKERS = min(512, 8 * (os.cpu_count() or 1))
STDIO = "-"


def _plain(text: str) -> str:
    """Docstring text as a terminal shows it: no reStructuredText double backticks."""
    return text.replace("``", "")


def _bounded(low: int, high: int):
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"must be between {low} and {high:,}, not {value}")
        return number
    return parse


def build_parser(prog: str = "war-figures") -> argparse.ArgumentParser:
    """The command line's parser (``prog`` is the name its messages use)."""
    doc = _plain(__doc__)
    parser = argparse.ArgumentParser(prog=prog, description=doc.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=doc.split("\n\n", 1)[1])
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    ext = commands.add_parser(
        "extract", help="extract the figures of articles into one table",
        description="Extract every figure from the given articles into one table (see the README for its columns).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"examples:\n  {prog} extract data/articles crawl/*.jsonl -o reports/figures.parquet "
               "--errors reports/errors.csv --workers 2\n"
               f"  cat crawl.jsonl | {prog} extract - -o - | head")
    ext.add_argument("inputs", nargs="+", metavar="INPUT",
                     help="article files, folders (read recursively; hidden files, FIFOs and devices skipped, "
                          "symlinks out of the folder not followed) or globs: .txt/.md (optional key: value "
                          "header), .html, or tables of articles with a 'text' column (.json/.jsonl/.csv/.parquet). "
                          "'-' reads standard input: JSON lines (one article per line) if it starts with '{', "
                          "else one plain-text article. A repeated article id gets -2, -3... to stay unique")
    ext.add_argument("-o", "--output", action="append", required=True, metavar="OUT",
                     help="output file, its extension picks the format: .parquet, .csv, .jsonl or .geojson "
                          "(figures with coordinates); its folder must exist. '-' writes JSON lines to standard "
                          "output (CSV with --format csv). Repeatable")
    ext.add_argument("--errors", metavar="FILE",
                     help="where to list the articles that gave no figures and why: stage 'read' or 'extract' "
                          "for failures, 'published' for a publication date that is not a date (its figures are "
                          "kept, undated), 'none' for articles with no figure in them; .csv/.jsonl/.parquet, "
                          ".geojson (features without geometry) or '-'")
    ext.add_argument("--format", choices=TableWriter.STREAM_FORMATS, default=None,
                     help="the format of '-' (standard output): jsonl (default) or csv")
    ext.add_argument("--workers", type=_bounded(1, MAX_WORKERS), default=1, metavar="N",
                     help=f"extract in N processes, 1 to {MAX_WORKERS} (default 1)")
    ext.add_argument("--batch-size", type=_bounded(1, MAX_BATCH_SIZE), default=500, metavar="N",
                     help=f"articles per batch, 1 to {MAX_BATCH_SIZE:,}: memory grows with this, not with the "
                          "corpus (default 500)")
    shown = ext.add_mutually_exclusive_group()
    shown.add_argument("--progress", action="store_true", default=None,
                       help="show a progress bar even when standard error is not a terminal")
    shown.add_argument("--no-progress", dest="progress", action="store_false",
                       help="no progress bar (the default when standard error is not a terminal)")
    return parser


class _Refused(Exception):
    """A bad argument found before any work: one line, exit 2."""


class _Terminated(BaseException):
    """SIGTERM arrived: stop like Ctrl-C does."""


def _batches(records: Iterable[dict], size: int) -> Iterator[list[dict]]:
    iterator = iter(records)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def extract_batch(batch: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Figures and errors of one batch of article records; articles without figures are listed as 'none'."""
    figures, errors = extract_with_errors(pd.DataFrame(batch, columns=list(batch[0])), progress=False)
    found = set(figures["article_id"].dropna()) | set(errors.loc[errors["stage"] != "published", "article_id"])
    quiet = [{"article_id": r["article_id"], "path": r.get("path"), "stage": "none", "error": "no figures found"}
             for r in batch if r["article_id"] not in found]
    if quiet:
        errors = errors_frame([*errors.to_dict("records"), *quiet])
    return figures, errors


def _results(batches: Iterator[list[dict]], workers: int) -> Iterator[tuple[list[dict], tuple]]:
    """Batch results in input order; with workers, at most 2 batches per worker in flight (flat memory)."""
    if workers <= 1:
        for batch in batches:
            yield batch, extract_batch(batch)
        return
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        pending: deque[tuple[list[dict], Future]] = deque()
        for batch in batches:
            pending.append((batch, pool.submit(extract_batch, batch)))
            if len(pending) >= 2 * workers:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _check_output(path: str, what: str) -> Path | None:
    """The output's path (None for standard output), or _Refused naming what is wrong with it."""
    if path == STDIO:
        return None
    out = Path(path)
    if out.suffix.lower() not in TableWriter.SUFFIXES:
        raise _Refused(f"cannot write {what} {path}: its extension must be one of {', '.join(TableWriter.SUFFIXES)}")
    if out.is_dir():
        raise _Refused(f"cannot write {what} {path}: it is a directory")
    parent = out.parent
    if not parent.exists():
        raise _Refused(f"cannot write {what} {path}: the folder {parent} does not exist")
    if not parent.is_dir():
        raise _Refused(f"cannot write {what} {path}: {parent} is not a folder")
    return out


def _plan(args: argparse.Namespace) -> tuple[list[Path | None], Path | None, bool, list]:
    """Outputs, errors file, whether --errors is wanted, and the input listing; _Refused for bad arguments."""
    outputs: list[Path | None] = []
    for raw in args.output:
        out = _check_output(raw, "-o")
        if not any((o is None and out is None) or (o is not None and out is not None and _same_file(o, out))
                   for o in outputs):  # the same output named twice is written once
            outputs.append(out)
    errors = _check_output(args.errors, "--errors") if args.errors is not None else None
    to_stdout = [o for o in outputs if o is None] + ([None] if args.errors == STDIO else [])
    if len(to_stdout) > 1:
        raise _Refused("standard output ('-') can take one table only: give -o - or --errors -, not both")
    if args.format is not None and not to_stdout:
        raise _Refused("--format is the format of '-' (standard output); a file's extension picks its own")
    if errors is not None and any(o is not None and _same_file(o, errors) for o in outputs):
        raise _Refused(f"-o and --errors both name {args.errors}: give them different files")
    if args.inputs.count(STDIO) > 1:
        raise _Refused("standard input ('-') can be read once only")
    listing: list = []
    named: list[Path] = []
    for raw in args.inputs:
        if raw == STDIO:
            listing.append(sys.stdin.buffer)
            continue
        if not raw.strip():
            raise _Refused("an INPUT is an empty name ''; name a file, a folder or a glob ('.' for this folder)")
        found = list_inputs(raw)
        listing.extend(found)
        if not Path(raw).is_dir():
            named.extend(item for item in found if isinstance(item, Path))
    targets = [o for o in [*outputs, errors] if o is not None]
    for target in targets:
        if any(path.name == target.name and _same_file(target, path) for path in named):
            raise _Refused(f"cannot write {target}: it is also an input; write the figures to another file")
    existing = {target.name: target for target in targets if target.exists()}
    if existing:  # an output inside an input folder (from an earlier run) is not read back as an article
        listing = [item for item in listing if not (isinstance(item, Path) and item.name in existing
                                                    and _same_file(item, existing[item.name]))]
    return outputs, errors, args.errors is not None, listing


def _total(listing: list) -> int | None:
    """How many articles the listing holds, when that is known without reading them (else None)."""
    total = 0
    for item in listing:
        if isinstance(item, dict):
            total += 1
        elif not isinstance(item, Path):
            return None  # standard input
        elif item.suffix.lower() == ".parquet":
            try:
                import pyarrow.parquet as pq

                total += max(1, pq.ParquetFile(item).metadata.num_rows)
            except Exception:  # noqa: BLE001 - reading will report it, as one article
                total += 1
        elif item.suffix.lower() in TABLE_SUFFIXES:
            return None
        else:
            total += 1
    return total


def _say(prog: str, message: str) -> None:
    print(f"{prog}: {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None, prog: str = "war-figures") -> int:
    """Run the command line; returns the exit code (see the module's docstring)."""
    parser = build_parser(prog)
    args = parser.parse_args(argv)
    try:
        outputs, errors_path, want_errors, listing = _plan(args)
        writers, error_writer = _open_writers(outputs, errors_path, want_errors, args.format or "jsonl")
    except _Refused as refused:
        _say(prog, f"error: {refused}")
        return 2
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    progress = _progress_bar(_total(listing)) if show else None
    counts = {"articles": 0, "figures": 0, "failed": 0, "empty": 0, "undated": 0}
    all_writers = [*writers, *([error_writer] if error_writer else [])]
    started = time.perf_counter()
    previous = _on_sigterm()
    try:
        for batch, (figures, errors) in _results(_batches(iter_listed(listing), args.batch_size), args.workers):
            with _signals_held():  # a batch goes to every output, or to none: they hold the same articles
                for writer in writers:
                    writer.write(figures)
                if error_writer is not None:
                    error_writer.write(errors)
                counts["articles"] += len(batch)
                counts["figures"] += len(figures)
                counts["empty"] += int((errors["stage"] == "none").sum())
                counts["undated"] += int((errors["stage"] == "published").sum())
                counts["failed"] += int(errors["stage"].isin(["read", "extract"]).sum())
            if progress is not None:
                progress.update(len(batch))
        for writer in all_writers:
            writer.close()
    except (KeyboardInterrupt, _Terminated, BrokenProcessPool) as stop:
        if isinstance(stop, BrokenProcessPool) and not _terminated.is_set():
            for writer in all_writers:
                writer.abort()
            raise
        # Stopped on purpose: the articles done so far are written out whole (each output a valid file
        # of those articles, never a truncated one), and the message says how many they are.
        written = _close_all(all_writers)
        files = [str(o) for o in [*outputs, errors_path] if o is not None]
        held = f"; {', '.join(files)} hold those articles only" if files and written else \
            (f"; {', '.join(files)} not written (any earlier file of that name is as it was)" if files else "")
        _say(prog, f"{'interrupted' if isinstance(stop, KeyboardInterrupt) else 'terminated'} after "
                   f"{counts['articles']} articles ({counts['figures']} figures){held}")
        return 130 if isinstance(stop, KeyboardInterrupt) else 143
    except BrokenPipeError:  # `... -o - | head`: the reader has gone
        for writer in all_writers:
            writer.abort()
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as exc:  # a full disk, a vanished folder: one line, not a traceback
        for writer in all_writers:
            writer.abort()
        _say(prog, f"error: writing failed after {counts['articles']} articles: {exc}")
        return 1
    except BaseException:
        for writer in all_writers:
            writer.abort()
        raise
    finally:
        _restore_sigterm(previous)
        if progress is not None:
            progress.close()
    for item in listing:
        if isinstance(item, dict):
            _say(prog, f"{item['path']}: {item['error']}")
    rate = counts["articles"] / max(time.perf_counter() - started, 1e-9)
    undated = f", undated (published not a date): {counts['undated']}" if counts["undated"] else ""
    targets = ", ".join("standard output" if o is None else str(o) for o in outputs)
    print(f"articles read: {counts['articles']}, figures: {counts['figures']}, errors: {counts['failed']}, "
          f"without figures: {counts['empty']}{undated} ({rate:.0f} articles/s) -> {targets}",
          file=sys.stderr if None in outputs or args.errors == STDIO else sys.stdout)
    if counts["failed"] and error_writer is None:
        _say(prog, f"{counts['failed']} articles could not be read or parsed; pass --errors FILE to list them")
    return 1 if counts["failed"] else 0


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM that arrive inside the block take effect when it ends. (Python runs signal
    handlers in the main thread whichever thread the signal reached, so swapping them holds all.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {sig: signal.signal(sig, lambda signum, frame: caught.append(signum))
                for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if signal.SIGINT in caught:
        raise KeyboardInterrupt
    if caught:
        _terminated.set()
        raise _Terminated()


def _close_all(writers: list[TableWriter]) -> bool:
    """Close every writer (each renames its file into place); if one fails, abort the rest."""
    try:
        for writer in writers:
            writer.close()
        return True
    except (OSError, KeyboardInterrupt, _Terminated):
        for writer in writers:
            writer.abort()
        return False


def _open_writers(outputs: list[Path | None], errors_path: Path | None, want_errors: bool,
                  fmt: str) -> tuple[list[TableWriter], TableWriter | None]:
    """A writer per output (creating its temporary file now: an unwritable place is refused before any work)."""
    opened: list[TableWriter] = []

    def writer(path: Path | None, like: pd.DataFrame) -> TableWriter:
        try:
            made = TableWriter(path, like=like) if path is not None else \
                TableWriter(None, like=like, stream=sys.stdout, fmt=fmt)
        except OSError as exc:
            for done in opened:
                done.abort()
            raise _Refused(f"cannot write {path}: {exc.strerror or exc}") from None
        opened.append(made)
        return made

    writers = [writer(out, figures_frame([])) for out in outputs]
    error_writer = writer(errors_path, errors_frame([])) if want_errors else None
    return writers, error_writer


_terminated = threading.Event()


def _raise_terminated(signum: int, frame: object) -> None:
    _terminated.set()
    raise _Terminated()


def _on_sigterm() -> object:
    _terminated.clear()
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, _raise_terminated)


def _restore_sigterm(previous: object) -> None:
    if previous is not None:
        signal.signal(signal.SIGTERM, previous)


def _progress_bar(total: int | None):
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="article", desc="extracting", file=sys.stderr, dynamic_ncols=True)


if __name__ == "__main__":
    sys.exit(main())
