"""Instructions per article of ``analysis.extract``, counted by valgrind: a speed measure that does
not move with the machine's load.

On a shared virtual machine the CPU time of one commit varies by a quarter from run to run, which
hides the few per cent one change gains or loses. The number of instructions executed does not vary:
this script runs the extraction of generated articles under ``valgrind --tool=cachegrind`` twice,
once without extracting and once with, and prints the difference per article. Run it on two
checkouts to compare commits (``git worktree add /tmp/old <commit>``)::

    python benchmarks/instructions.py                      # this checkout, 200 articles
    python benchmarks/instructions.py --repo /tmp/old      # another checkout of the project
    python benchmarks/instructions.py --articles 500 --json
    python benchmarks/instructions.py --per-call           # the bundled articles, one extract_figures call each

It prints two counts: all instructions, and those outside the regex engine. **Compare commits on
the second.** The regex engine's inner loops run several instructions per cycle and the interpreter's
bytecode far fewer, so the total weighs a regex scan as much as the same number of Python
instructions: a change that trades scans for Python tests lowers the total and can still cost time
(2026-12-07: two commits 1% apart in total were 24% apart outside the regex engine, and 20-25% apart
in CPU time). For the time itself, ``ab.py`` times two checkouts in turns.

Each count takes about a minute per 100 articles (valgrind runs code some 50 times slower). It needs
valgrind (Debian: ``apt-get install valgrind``); without it, it says so and exits with status 2.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
# what runs under valgrind: import the checkout, generate the articles, warm up, extract `extracts` times
_PROGRAM = """
import gc, importlib.util, sys
sys.path.insert(0, {repo!r})
spec = importlib.util.spec_from_file_location("generate", {generator!r})
generate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generate)
import analysis
articles = generate.generate_articles({articles}, seed={seed})
analysis.extract(articles.head(20), progress=False)  # the gazetteer, the vocabulary, memoised words
gc.collect()
gc.freeze()  # what is loaded now stays: a full collection walking it would land in one run and not another
for _ in range({extracts}):
    analysis.extract(articles, progress=False)
"""
# the same for ``extract_figures`` called once per bundled article, as a loop in a notebook does
_PER_CALL_PROGRAM = """
import gc, sys
sys.path.insert(0, {repo!r})
import analysis
articles = analysis.read_articles({corpus!r}).head({articles})
calls = list(zip(articles["text"], articles["published"], articles["source"], articles["article_id"]))
for text, published, source, article_id in calls[:5]:
    analysis.extract_figures(text, published=published, source=source, article_id=article_id)
gc.collect()
gc.freeze()
for _ in range({extracts}):
    for text, published, source, article_id in calls:
        analysis.extract_figures(text, published=published, source=source, article_id=article_id)
"""
_TOTAL_RE = re.compile(r"I\s+refs:\s+([\d,]+)")


def count_instructions(repo: Path, articles: int, seed: int, extracts: int, *, per_call: bool = False) -> Counts:
    """Instructions valgrind counts for the program extracting ``extracts`` times: all of them, and
    those executed inside the regex engine (CPython's ``Modules/_sre``)."""
    if per_call:
        program = _PER_CALL_PROGRAM.format(repo=str(repo), corpus=str(repo / "data" / "articles"),
                                           articles=articles, extracts=extracts)
    else:
        program = _PROGRAM.format(repo=str(repo), generator=str(HERE / "generate.py"), articles=articles,
                                  seed=seed, extracts=extracts)
    with tempfile.TemporaryDirectory() as folder:
        script, counts = Path(folder) / "program.py", Path(folder) / "cachegrind.out"
        script.write_text(program)
        # one hash seed for every run (string hashes decide where dicts and sets probe, which moves the
        # count by about 1% otherwise), and no bytecode written: the first run of a fresh checkout
        # would compile the package and leave the second one less to do
        env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1"}
        done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={counts}",
                               sys.executable, str(script)], capture_output=True, text=True, check=False, env=env)
        found = _TOTAL_RE.search(done.stderr)
        if done.returncode != 0 or found is None:
            raise RuntimeError(f"valgrind failed (exit {done.returncode}): {done.stderr[-2000:]}")
        regex = regex_instructions(counts.read_text()) if counts.is_file() else 0
    return Counts(int(found.group(1).replace(",", "")), regex)


class Counts(NamedTuple):
    total: int
    regex: int  # of them, inside the regex engine

    @property
    def outside_regex(self) -> int:
        return self.total - self.regex


def regex_instructions(cachegrind_out: str) -> int:
    """The instructions a cachegrind output file counts in the source files of CPython's regex engine.

    >>> regex_instructions("events: Ir\\nfl=Modules/_sre/sre_lib.h\\nfn=sre_ucs1_match\\n10 400\\n"
    ...                    "fl=Python/ceval.c\\nfn=eval\\n3 50\\n")
    400
    """
    total, inside = 0, False
    for line in cachegrind_out.splitlines():
        if line.startswith("fl="):
            inside = "_sre" in line
        elif inside and line[:1].isdigit():
            total += int(line.split()[1])
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=HERE.parent, help="the checkout to measure (default: this one)")
    parser.add_argument("--articles", type=int, default=200, help="generated articles to extract (default 200)")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--per-call", action="store_true",
                        help="count extract_figures once per bundled article instead (at most --articles)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("instructions.py needs valgrind (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    repo = args.repo.resolve()
    if not (repo / "analysis" / "__init__.py").is_file():
        parser.error(f"--repo {repo}: no analysis/ package there")
    articles = min(args.articles, _bundled_count(repo)) if args.per_call else args.articles
    baseline = count_instructions(repo, articles, args.seed, extracts=0, per_call=args.per_call)
    # the 31 bundled articles are few: read five times over, the import's own wobble (some 20 M
    # instructions from run to run) weighs a fifth as much on each
    rounds = _PER_CALL_ROUNDS if args.per_call else 1
    with_extract = count_instructions(repo, articles, args.seed, extracts=rounds, per_call=args.per_call)
    per_article = (with_extract.total - baseline.total) / (articles * rounds)
    outside = (with_extract.outside_regex - baseline.outside_regex) / (articles * rounds)
    what = "bundled article, one extract_figures call each" if args.per_call else "generated article"
    if args.json:
        print(json.dumps({"repo": str(repo), "articles": articles, "seed": args.seed, "per_call": args.per_call,
                          "instructions_per_article": round(per_article),
                          "outside_regex_per_article": round(outside)}))
    else:
        print(f"{repo}: {per_article / 1e6:.2f} M instructions per {what}, {outside / 1e6:.2f} M of them outside "
              f"the regex engine ({articles} articles{'' if args.per_call else f', seed {args.seed}'})")
    return 0


_PER_CALL_ROUNDS = 5


def _bundled_count(repo: Path) -> int:
    """How many articles the checkout bundles (files under data/articles)."""
    return sum(1 for path in (repo / "data" / "articles").iterdir() if path.is_file()) or 1


if __name__ == "__main__":
    raise SystemExit(main())
