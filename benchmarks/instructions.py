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

Each count takes about a minute per 100 articles (valgrind runs code some 50 times slower). It needs
valgrind (Debian: ``apt-get install valgrind``); without it, it says so and exits with status 2.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
# what runs under valgrind: import the checkout, generate the articles, warm up, extract `extracts` times
_PROGRAM = """
import importlib.util, sys
sys.path.insert(0, {repo!r})
spec = importlib.util.spec_from_file_location("generate", {generator!r})
generate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generate)
import analysis
articles = generate.generate_articles({articles}, seed={seed})
analysis.extract(articles.head(20), progress=False)  # the gazetteer, the vocabulary, memoised words
for _ in range({extracts}):
    analysis.extract(articles, progress=False)
"""
_TOTAL_RE = re.compile(r"I\s+refs:\s+([\d,]+)")


def count_instructions(repo: Path, articles: int, seed: int, extracts: int) -> int:
    """Instructions valgrind counts for the program extracting ``extracts`` times."""
    program = _PROGRAM.format(repo=str(repo), generator=str(HERE / "generate.py"), articles=articles,
                              seed=seed, extracts=extracts)
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as script:
        script.write(program)
    try:
        done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                               sys.executable, script.name], capture_output=True, text=True, check=False)
    finally:
        Path(script.name).unlink()
    found = _TOTAL_RE.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise RuntimeError(f"valgrind failed (exit {done.returncode}): {done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=HERE.parent, help="the checkout to measure (default: this one)")
    parser.add_argument("--articles", type=int, default=200, help="generated articles to extract (default 200)")
    parser.add_argument("--seed", type=int, default=3)
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
    baseline = count_instructions(repo, args.articles, args.seed, extracts=0)
    with_extract = count_instructions(repo, args.articles, args.seed, extracts=1)
    per_article = (with_extract - baseline) / args.articles
    if args.json:
        print(json.dumps({"repo": str(repo), "articles": args.articles, "seed": args.seed,
                          "instructions_per_article": round(per_article)}))
    else:
        print(f"{repo}: {per_article / 1e6:.2f} M instructions per generated article "
              f"({args.articles} articles, seed {args.seed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
