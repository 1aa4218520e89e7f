"""The batch command: ``python -m analysis extract INPUT... -o OUT`` (also installed as ``analysis``).

Articles are read, extracted and written a batch at a time, so memory stays flat however large the
corpus; with ``--workers N`` batches are extracted in N processes. Every input article ends up either
in the output (its figures) or in the ``--errors`` file (why it gave none), so none is lost.

Exit codes: 0 every article was read and extracted; 1 some articles could not be (see --errors);
2 bad arguments.
"""
from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import pandas as pd

from analysis.extract.articles import iter_articles
from analysis.io.runner import extract_with_errors
from analysis.io.writers import TableWriter
from analysis.schema import errors_frame, figures_frame

OUTPUT_HELP = "output file, its extension picks the format: .parquet, .csv, .jsonl or .geojson; repeatable"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="analysis", description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    ext = commands.add_parser(
        "extract", help="extract the figures of articles into one table",
        description="Extract every figure from the given articles into one table (see the README for its columns).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  python -m analysis extract data/articles crawl/*.jsonl -o reports/figures.parquet "
               "--errors reports/errors.csv --workers 2")
    ext.add_argument("inputs", nargs="+", metavar="INPUT",
                     help="article files, folders (read recursively) or globs: .txt/.md (optional key: value "
                          "header), .html, or tables of articles with a 'text' column (.json/.jsonl/.csv/.parquet)")
    ext.add_argument("-o", "--output", action="append", required=True, metavar="OUT", help=OUTPUT_HELP)
    ext.add_argument("--errors", metavar="FILE",
                     help="where to list the articles that gave no figures and why (stage 'read' or 'extract' "
                          "for failures, 'none' for articles with no figure in them); .csv/.jsonl/.parquet")
    ext.add_argument("--workers", type=int, default=1, metavar="N", help="extract in N processes (default 1)")
    ext.add_argument("--batch-size", type=int, default=500, metavar="N",
                     help="articles per batch: memory grows with this, not with the corpus (default 500)")
    ext.add_argument("--no-progress", action="store_true", help="no progress bar")
    return parser


def _batches(records: Iterable[dict], size: int) -> Iterator[list[dict]]:
    iterator = iter(records)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def extract_batch(batch: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Figures and errors of one batch of article records; articles without figures are listed as 'none'."""
    figures, errors = extract_with_errors(pd.DataFrame(batch, columns=list(batch[0])), progress=False)
    found = set(figures["article_id"].dropna()) | set(errors["article_id"].dropna())
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
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[tuple[list[dict], Future]] = deque()
        for batch in batches:
            pending.append((batch, pool.submit(extract_batch, batch)))
            if len(pending) >= 2 * workers:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    outputs = [Path(o) for o in args.output]
    for out in [*outputs, *([Path(args.errors)] if args.errors else [])]:
        if out.suffix.lower() not in TableWriter.SUFFIXES:
            parser.error(f"cannot write {out}: use one of {', '.join(TableWriter.SUFFIXES)}")
    if args.workers < 1 or args.batch_size < 1:
        parser.error("--workers and --batch-size must be at least 1")
    writers = [TableWriter(out, like=figures_frame([])) for out in outputs]
    error_writer = TableWriter(args.errors, like=errors_frame([])) if args.errors else None
    progress = None if args.no_progress else _progress_bar()
    n_articles = n_figures = n_failed = n_empty = 0
    started = time.perf_counter()
    try:
        for batch, (figures, errors) in _results(_batches(iter_articles(args.inputs), args.batch_size),
                                                 args.workers):
            for writer in writers:
                writer.write(figures)
            if error_writer is not None:
                error_writer.write(errors)
            n_articles += len(batch)
            n_figures += len(figures)
            n_empty += int((errors["stage"] == "none").sum())
            n_failed += int((errors["stage"] != "none").sum())
            if progress is not None:
                progress.update(len(batch))
    finally:
        for writer in [*writers, *([error_writer] if error_writer else [])]:
            writer.close()
        if progress is not None:
            progress.close()
    rate = n_articles / max(time.perf_counter() - started, 1e-9)
    print(f"articles read: {n_articles}, figures: {n_figures}, errors: {n_failed}, without figures: {n_empty} "
          f"({rate:.0f} articles/s) -> {', '.join(map(str, outputs))}")
    if n_failed and error_writer is None:
        print(f"analysis: {n_failed} articles could not be read or parsed; pass --errors FILE to list them",
              file=sys.stderr)
    return 1 if n_failed else 0


def _progress_bar():
    from tqdm.auto import tqdm

    return tqdm(unit="article", desc="extracting", file=sys.stderr, dynamic_ncols=True)


if __name__ == "__main__":
    sys.exit(main())
