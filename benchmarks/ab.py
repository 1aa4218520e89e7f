"""CPU time of two checkouts of the project, measured in turns: which one extracts faster, and by how much.

On a shared virtual machine the CPU time of one commit moves by a quarter from hour to hour, so two
commits timed an hour apart cannot be compared. Counting instructions (``instructions.py``) does not
move, but it does not weigh them either: a regex's inner loop runs several instructions per cycle,
the interpreter's bytecode far fewer, so a change that trades regex scans for Python tests can cut the
count and still cost time (2026-12-07: two commits 1% apart in instructions were 15-25% apart in CPU
time). This script times both checkouts in alternate fresh processes, each pinned to one CPU and
extracting the same generated articles, so that whatever the machine does weighs on both alike::

    git worktree add /tmp/old <commit>
    python benchmarks/ab.py /tmp/old                   # this checkout against /tmp/old, 5 rounds
    python benchmarks/ab.py /tmp/old --rounds 8 --articles 1000 --json
    python benchmarks/ab.py /tmp/old --per-call        # extract_figures once per bundled article

Each process times its articles in ``--slices`` parts and reports their median rate; the ratio of the
two checkouts is taken within each round (this one's rate over the other's) and its median over the
rounds is printed with its range. About 15 seconds per round for 1,000 articles.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# what one timed process runs: the checkout's package, this checkout's articles (the same for both)
_PROGRAM = """
import gc, importlib.util, json, os, sys, time
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {{min(os.sched_getaffinity(0))}})
sys.path.insert(0, {repo!r})
spec = importlib.util.spec_from_file_location("generate", {generator!r})
generate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generate)
import analysis
if not os.path.abspath(analysis.__file__).startswith(os.path.join(os.path.abspath({repo!r}), "")):
    sys.exit(f"imported {{analysis.__file__}}, not the checkout's own package")
if {per_call!r}:
    frame = analysis.read_articles({corpus!r})
    frame = frame.iloc[[i % len(frame) for i in range({articles})]]
    calls = list(zip(frame["text"], frame["published"], frame["source"], frame["article_id"]))
    for text, published, source, article_id in calls[:5]:
        analysis.extract_figures(text, published=published, source=source, article_id=article_id)
    parts = [calls[i::{slices}] for i in range({slices})]
    def run(part):
        for text, published, source, article_id in part:
            analysis.extract_figures(text, published=published, source=source, article_id=article_id)
else:
    frame = generate.generate_articles({articles}, seed={seed})
    analysis.extract(generate.generate_articles(20, seed={seed} + 1), progress=False)  # gazetteer, vocabulary
    parts = [frame.iloc[i::{slices}] for i in range({slices})]
    def run(part):
        analysis.extract(part, progress=False)
gc.collect()
gc.freeze()
rates = []
for part in parts:
    start = time.process_time()
    run(part)
    rates.append(len(part) / (time.process_time() - start))
print(json.dumps(rates))
"""


def time_checkout(repo: Path, *, articles: int, seed: int, slices: int, per_call: bool) -> float:
    """The median rate (articles per CPU-second) of the slices one fresh process extracts."""
    program = _PROGRAM.format(repo=str(repo), generator=str(HERE / "generate.py"),
                              corpus=str(ROOT / "data" / "articles"), articles=articles, seed=seed, slices=slices,
                              per_call=per_call)
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=False, cwd=repo)
    if done.returncode != 0:
        raise RuntimeError(f"timing {repo} failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return statistics.median(json.loads(done.stdout.strip().splitlines()[-1]))


def compare(this: Path, other: Path, *, rounds: int, articles: int, seed: int = 0, slices: int = 5,
            per_call: bool = False, timer=time_checkout) -> dict:
    """Both checkouts timed in turns, ``rounds`` times (the one that goes first alternates)."""
    rates: dict[str, list[float]] = {"this": [], "other": []}
    for r in range(rounds):
        order = [("this", this), ("other", other)] if r % 2 == 0 else [("other", other), ("this", this)]
        for name, repo in order:
            rates[name].append(timer(repo, articles=articles, seed=seed, slices=slices, per_call=per_call))
    ratios = [t / o for t, o in zip(rates["this"], rates["other"], strict=True)]
    return {"this": str(this), "other": str(other), "articles": articles, "per_call": per_call, "rounds": rounds,
            "this_rates": rates["this"], "other_rates": rates["other"], "ratio_median": statistics.median(ratios),
            "ratio_min": min(ratios), "ratio_max": max(ratios)}


def format_report(report: dict) -> str:
    what = "bundled articles, one extract_figures call each" if report["per_call"] else "generated articles"
    lines = [f"{report['rounds']} rounds of {report['articles']} {what}, "
             "articles per CPU-second (median of each process):"]
    for name in ("this", "other"):
        rates = report[f"{name}_rates"]
        each = ", ".join(f"{rate:.0f}" for rate in rates)
        lines.append(f"  {report[name]}: median {statistics.median(rates):.0f}  ({each})")
    lines.append(f"this / other: {report['ratio_median']:.3f} (rounds ranged {report['ratio_min']:.3f}-"
                 f"{report['ratio_max']:.3f})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("other", type=Path, help="the other checkout (e.g. a git worktree of an older commit)")
    parser.add_argument("--repo", type=Path, default=ROOT, help="this checkout (default: the one holding this script)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--articles", type=int, default=1000, help="articles per process")
    parser.add_argument("--slices", type=int, default=5, help="parts each process times apart")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-call", action="store_true", help="extract_figures once per bundled article")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    for repo in (args.repo, args.other):
        if not (repo / "analysis" / "__init__.py").is_file():
            parser.error(f"{repo}: no analysis/ package there")
    if args.rounds < 1 or args.articles < args.slices or args.slices < 1:
        parser.error("--rounds and --slices must be at least 1, and --articles at least --slices")
    report = compare(args.repo.resolve(), args.other.resolve(), rounds=args.rounds, articles=args.articles,
                     seed=args.seed, slices=args.slices, per_call=args.per_call)
    print(json.dumps(report) if args.json else format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
