"""The batch command: ``python -m analysis extract INPUT... -o OUT``.

Reads articles (folders, globs, files), extracts their figures and writes the table in the format
each output's extension names (.parquet, .csv, .jsonl); articles that could not be read or parsed
go to ``--errors``. Exit code 0 when every article was processed, 1 when some were errors, 2 for
bad arguments.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.articles import read_articles
from analysis.export import write_table
from analysis.figures import extract_with_errors


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="analysis", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    ext = commands.add_parser(
        "extract", help="extract the figures of articles into a table",
        description="Extract every figure from the given articles into one table.")
    ext.add_argument("inputs", nargs="+", metavar="INPUT",
                     help="article files, folders (read recursively) or globs: "
                          ".txt/.md/.html/.json/.jsonl/.csv/.parquet")
    ext.add_argument("-o", "--output", action="append", required=True, metavar="OUT",
                     help="output file; its extension picks the format (.parquet, .csv, .jsonl); repeatable")
    ext.add_argument("--errors", metavar="FILE",
                     help="write articles that could not be read or parsed here (.csv/.jsonl/.parquet)")
    ext.add_argument("--no-progress", action="store_true", help="do not show a progress bar")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    outputs = [Path(o) for o in args.output]
    for out in [*outputs, *([Path(args.errors)] if args.errors else [])]:
        if out.suffix.lower() not in (".parquet", ".csv", ".jsonl", ".json"):
            print(f"analysis: cannot write {out}: use .parquet, .csv or .jsonl", file=sys.stderr)
            return 2
    articles = read_articles(args.inputs)
    figures, errors = extract_with_errors(articles, progress=not args.no_progress and len(articles) > 1)
    for out in outputs:
        write_table(figures, out)
    if args.errors:
        write_table(errors, Path(args.errors))
    print(f"articles read: {len(articles)}, figures: {len(figures)}, errors: {len(errors)}"
          f" -> {', '.join(map(str, outputs))}")
    return 1 if len(errors) else 0


if __name__ == "__main__":
    sys.exit(main())
