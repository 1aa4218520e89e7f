"""Accuracy of ``analysis`` on folders of gold-annotated articles: one line per folder, then the total.

Each folder holds ``ARTICLE_ID.txt`` files (a ``key: value`` header, a blank line, the text) and its
gold in ``gold.jsonl`` (the annotation guidelines' format); ``--gold FILE ...`` reads those files
instead, for every folder, and scores only the articles they annotate. The scoring is
``analysis.evaluate.score_folder``: precision, recall and F1 of the figures found, strict F1 (every
field the gold gives right), and the accuracy of each field over the figures found. Run from the
repository root::

    python benchmarks/accuracy.py data/articles --gold data/gold/*.jsonl
    python benchmarks/accuracy.py my/annotated/set another/set --show-errors
    python benchmarks/accuracy.py my/set --json > accuracy.json

It exits with status 1 if ``--min-f1`` is given and the total F1 is below it, or an article failed.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the checkout's package, installed or not

from analysis.evaluate import FIELDS, GoldError, combine, score_folder  # noqa: E402

_SHORT = {"event_date": "date"}


def _cell(value: object) -> str:
    return "" if isinstance(value, float) and math.isnan(value) else f"{value:.3f}"


def _plain(value: object) -> object:
    """A number as JSON takes it: NaN (no figure checked) becomes null."""
    if isinstance(value, float):
        return None if math.isnan(value) else float(value)
    return int(value) if hasattr(value, "__index__") else value


def _table(lines: list[tuple[str, dict]]) -> list[str]:
    names = [name for name, _ in lines]
    width = max(len("set"), *map(len, names))
    head = (f"{'set':<{width}} {'articles':>8} {'tp':>4} {'fn':>4} {'fp':>4} {'P':>6} {'R':>6} {'F1':>6} "
            f"{'strict':>6} " + " ".join(f"{_SHORT.get(f, f):>9}" for f in FIELDS) + f" {'crashes':>7}")
    out = [head]
    for name, row in lines:
        fields = " ".join(f"{_cell(row[f'{f}_accuracy']):>9}" for f in FIELDS)
        out.append(f"{name:<{width}} {row['articles']:>8} {row['tp']:>4} {row['fn']:>4} {row['fp']:>4} "
                   f"{row['precision']:>6.3f} {row['recall']:>6.3f} {row['f1']:>6.3f} {row['strict_f1']:>6.3f} "
                   f"{fields} {row['crashes']:>7}")
    return out


def _error_lines(errors) -> list[str]:
    lines = []
    for row in errors.to_dict("records"):
        if row["kind"] == "field":
            lines.append(f"  FIELD {row['article_id']} {row['field']}: gold={row['gold']!r} "
                         f"got={row['got']!r}  [{row['text']}]")
        elif row["kind"] == "missed":
            lines.append(f"  MISS  {row['article_id']} {row['measure']}={row['gold']:g} [{row['text']}]")
        else:
            lines.append(f"  FP    {row['article_id']} {row['measure']}={row['got']:g} [{row['text']}]")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", help="folders of annotated articles")
    parser.add_argument("--gold", nargs="+", default=None,
                        help="gold .jsonl files to read instead of each folder's gold.jsonl")
    parser.add_argument("--show-errors", action="store_true", help="list the missed, spurious and wrong figures")
    parser.add_argument("--json", action="store_true", help="print the per-folder and total lines as JSON")
    parser.add_argument("--min-f1", type=float, default=None, help="exit 1 if the total F1 is below this")
    args = parser.parse_args(argv)
    try:
        result = combine(score_folder(folder, args.gold) for folder in args.folders)
    except GoldError as error:
        print(f"accuracy.py: {error}", file=sys.stderr)
        return 2
    total, by_set = result.totals, result.by_set()
    lines = [*zip(by_set.index, by_set.to_dict("records"), strict=True), ("total", total.to_dict())]
    if args.json:
        rows = [{"set": name, **{k: _plain(v) for k, v in row.items()}} for name, row in lines]
        print(json.dumps(rows, indent=1))
    else:
        print("\n".join(_table(lines)))
        measures = result.measures
        print("\nper measure (all folders):")
        print(measures.to_string(float_format=lambda v: f"{v:.3f}"))
        fields = " ".join(f"{name}={right}/{checked}" for name, right, checked
                          in zip(result.fields.index, result.fields["right"], result.fields["checked"], strict=True))
        seconds = result.articles["seconds"].dropna().sum()
        print(f"\nfields: {fields}  (accuracy {total['field_accuracy']:.3f}); extraction {seconds:.2f} s")
        if args.show_errors:
            print("\nerrors:")
            print("\n".join(_error_lines(result.errors)))
    for row in result.articles[result.articles["error"].notna()].to_dict("records"):
        print(f"CRASH {row['set']} {row['article_id']}: {row['error']}", file=sys.stderr)
    failed = args.min_f1 is not None and (total["f1"] < args.min_f1 or total["crashes"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
