"""Speed and memory of ``analysis.extract`` on synthetic ~3 KB articles (see ``generate.py``).

For each size, two runs, each in a fresh process pinned to one CPU so that peak memory and timing
belong to that run alone:

* ``extract``: the whole frame of articles through one ``analysis.extract`` call;
* ``stream``: ``iter_articles`` in batches (default 1,000), each batch extracted and dropped, which
  should keep peak memory flat as the size grows;
* ``corpus`` (not run by default): the bundled real articles (``data/articles``, ~1.5 KB each, far
  fewer figures than the synthetic ones) repeated to the size, through one ``analysis.extract`` call;
* ``per_call`` (not run by default): the bundled articles repeated to the size, each through its own
  ``analysis.extract_figures`` call, as a loop or ``DataFrame.apply`` in a notebook does (its target
  is its own: a one-article table costs its construction every call).

It also times ``import analysis`` in fresh interpreters and the first call (loading the gazetteer
and vocabulary) apart from the steady state. Run from the repository root::

    python benchmarks/bench_extract.py                       # sizes 1000 10000
    python benchmarks/bench_extract.py --sizes 1000 10000 100000 --modes stream
    python benchmarks/bench_extract.py --sizes 1000 --modes corpus
    python benchmarks/bench_extract.py --sizes 2000 --modes per_call
    python benchmarks/bench_extract.py --json > bench.json
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGET_ARTICLES_PER_S = 500.0
TARGET_PER_CALL_PER_S = 400.0  # extract_figures, one ~1.7 KB article per call
TARGET_IMPORT_S = 1.0
MODES = ("extract", "stream", "corpus", "per_call")
DEFAULT_MODES = ("extract", "stream")
CORPUS = ROOT / "data" / "articles"
_IMPORT_SNIPPET = "import time; t = time.perf_counter(); import analysis; print(time.perf_counter() - t)"


def load_generator() -> ModuleType:
    """The article generator, loaded from its path (``benchmarks/`` is not a package)."""
    spec = importlib.util.spec_from_file_location("bench_generate", HERE / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def peak_rss_mb() -> float | None:
    """Peak resident memory of this process so far, in MB (None where the OS does not say)."""
    try:
        import resource
    except ImportError:  # Windows
        return _psutil_rss_mb(peak=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS, KiB on Linux


def current_rss_mb() -> float | None:
    """Resident memory of this process now, in MB (psutil if installed, else /proc on Linux)."""
    value = _psutil_rss_mb(peak=False)
    if value is not None:
        return value
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _psutil_rss_mb(*, peak: bool) -> float | None:
    try:
        import psutil
    except ImportError:
        return None
    info = psutil.Process().memory_info()
    value = getattr(info, "peak_wset", None) if peak else info.rss
    return None if value is None else value / 2**20


def _pin_one_core(cpu: int | None) -> int | None:
    if not hasattr(os, "sched_setaffinity"):
        return None
    allowed = os.sched_getaffinity(0)
    cpu = min(allowed) if cpu is None or cpu not in allowed else cpu
    os.sched_setaffinity(0, {cpu})
    return cpu


def corpus_frame(n: int, folder: Path = CORPUS):
    """The articles of ``folder`` repeated to ``n`` rows, each copy with its own ``article_id``.

    >>> frame = corpus_frame(40)
    >>> len(frame), frame["article_id"].is_unique
    (40, True)
    """
    import pandas as pd

    import analysis

    articles = analysis.read_articles(folder)
    frame = articles.iloc[[i % len(articles) for i in range(n)]].reset_index(drop=True)
    copies = pd.Series([f"-{i // len(articles)}" for i in range(n)], dtype="string")
    return frame.assign(article_id=frame["article_id"] + copies)


def _batches(items: Iterator[dict], size: int) -> Iterator[list[dict]]:
    while batch := list(islice(items, size)):
        yield batch


def run_one(mode: str, n: int, *, seed: int, batch: int, cpu: int | None = None,
            figure_share: float | None = None) -> dict:
    """One measurement in this process (meant to be a fresh one): timings, figure count, memory.

    ``seconds`` is wall time; ``cpu_seconds`` is this process's CPU time over the same calls, which
    other load on the machine does not inflate.
    """
    cpu = _pin_one_core(cpu)
    generator = load_generator()
    import pandas as pd

    rss_start = current_rss_mb()
    t0 = time.perf_counter()
    import analysis

    import_s = time.perf_counter() - t0
    share = {} if figure_share is None else {"figure_share": figure_share}
    warm_frame = generator.generate_articles(2, seed=seed + 1, **share)  # not among the measured articles
    t0 = time.perf_counter()
    analysis.extract(warm_frame.iloc[:1], progress=False)
    warmup_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    analysis.extract(warm_frame.iloc[1:], progress=False)
    second_call_s = time.perf_counter() - t0
    rss_ready = current_rss_mb()

    seconds, cpu_seconds, figures, rss_batches = 0.0, 0.0, 0, []
    if mode in ("extract", "corpus"):
        frame = generator.generate_articles(n, seed=seed, **share) if mode == "extract" else corpus_frame(n)
        t0, c0 = time.perf_counter(), time.process_time()
        figures = len(analysis.extract(frame, progress=False))
        seconds, cpu_seconds = time.perf_counter() - t0, time.process_time() - c0
    elif mode == "per_call":
        frame = corpus_frame(n)
        calls = list(zip(frame["text"], frame["published"], frame["source"], frame["article_id"], strict=True))
        t0, c0 = time.perf_counter(), time.process_time()
        for text, published, source, article_id in calls:
            figures += len(analysis.extract_figures(text, published=published, source=source,
                                                    article_id=article_id))
        seconds, cpu_seconds = time.perf_counter() - t0, time.process_time() - c0
    elif mode == "stream":
        for chunk in _batches(generator.iter_articles(n, seed=seed, **share), batch):
            frame = pd.DataFrame(chunk)
            t0, c0 = time.perf_counter(), time.process_time()
            figures += len(analysis.extract(frame, progress=False))
            seconds += time.perf_counter() - t0
            cpu_seconds += time.process_time() - c0
            rss_batches.append(current_rss_mb())
    else:
        raise ValueError(f"mode={mode!r} is not one of {MODES}")
    return {
        "mode": mode, "articles": n, "cpu": cpu, "seconds": seconds, "cpu_seconds": cpu_seconds,
        "articles_per_s": n / seconds if seconds else None,
        "articles_per_cpu_s": n / cpu_seconds if cpu_seconds else None,
        "figures": figures, "figures_per_article": figures / n if n else None,
        "import_s_in_process": import_s, "warmup_s": warmup_s, "second_call_s": second_call_s,
        "rss_start_mb": rss_start, "rss_ready_mb": rss_ready, "peak_rss_mb": peak_rss_mb(),
        "rss_batch_min_mb": min(rss_batches, default=None), "rss_batch_max_mb": max(rss_batches, default=None),
    }


def _run_child(mode: str, n: int, *, seed: int, batch: int, cpu: int | None, figure_share: float | None) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(n), "--seed", str(seed),
           "--batch", str(batch)] + ([] if cpu is None else ["--cpu", str(cpu)]) + (
        [] if figure_share is None else ["--figure-share", str(figure_share)])
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"benchmark run {mode} n={n} failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def import_seconds(repeats: int = 3) -> list[float]:
    """Wall time of ``import analysis`` in ``repeats`` fresh interpreters."""
    times = []
    for _ in range(repeats):
        done = subprocess.run([sys.executable, "-c", _IMPORT_SNIPPET], cwd=ROOT, capture_output=True, text=True,
                              check=True)
        times.append(float(done.stdout.strip().splitlines()[-1]))
    return times


def machine() -> dict:
    """CPU model, core count, Python version and date of the run."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu_model": model, "cores": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), "date": dt.date.today().isoformat()}


def add_growth(runs: list[dict]) -> list[dict]:
    """Each run with ``growth_mb``: its peak RSS minus that of the next smaller size in the same mode.

    >>> [r["growth_mb"] for r in add_growth([{"mode": "stream", "articles": 10, "peak_rss_mb": 200.0},
    ...                                      {"mode": "stream", "articles": 1, "peak_rss_mb": 190.0}])]
    [10.0, None]
    """
    growth: dict[tuple[str, int], float | None] = {}
    last: dict[str, float | None] = {}
    for run in sorted(runs, key=lambda r: r["articles"]):
        previous, peak = last.get(run["mode"]), run["peak_rss_mb"]
        growth[run["mode"], run["articles"]] = None if previous is None or peak is None else peak - previous
        last[run["mode"]] = peak
    return [{**run, "growth_mb": growth[run["mode"], run["articles"]]} for run in runs]


def _verdict(ok: bool) -> str:
    return "ok" if ok else "BELOW TARGET"


def _mb(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.0f}"


def format_report(report: dict) -> str:
    """The plain-text table of a benchmark report (the dict ``--json`` prints)."""
    m = report["machine"]
    imp = report["import_s"]
    runs = report["runs"]
    warm = statistics.median(r["warmup_s"] for r in runs) if runs else float("nan")
    second = statistics.median(r["second_call_s"] for r in runs) if runs else float("nan")
    lines = [
        f"analysis.extract benchmark, {m['date']}: {m['cpu_model']} ({m['cores']} cores, runs pinned to one), "
        f"Python {m['python']}",
        f"import analysis, fresh process: median {statistics.median(imp):.2f} s of {len(imp)} "
        f"(min {min(imp):.2f}, max {max(imp):.2f})   target < {TARGET_IMPORT_S:g} s   "
        f"{_verdict(statistics.median(imp) < TARGET_IMPORT_S)}",
        f"first extract call (1 article, loads gazetteer and vocabulary): {warm:.2f} s; "
        f"second call (1 article): {second * 1000:.0f} ms",
        *([f"generated articles with figure share {report['figure_share']} (not the default)"]
          if report.get("figure_share") is not None else []),
        "",
        f"{'mode':<8} {'articles':>9} {'seconds':>8} {'articles/s':>11} {'per CPU-s':>10} {'target':>7} "
        f"{'':<12} {'figures/art':>11} {'peak RSS MB':>11} {'growth MB':>10}",
    ]
    for r in runs:
        rate, cpu_rate = r["articles_per_s"] or 0.0, r["articles_per_cpu_s"] or 0.0
        growth = "" if r["growth_mb"] is None else f"{r['growth_mb']:+,.0f}"
        target = TARGET_PER_CALL_PER_S if r["mode"] == "per_call" else TARGET_ARTICLES_PER_S
        lines.append(
            f"{r['mode']:<8} {r['articles']:>9,} {r['seconds']:>8.1f} {rate:>11,.0f} {cpu_rate:>10,.0f} "
            f"{target:>7,.0f} {_verdict(cpu_rate >= target):<12} "
            f"{r['figures_per_article'] or 0:>11.1f} "
            f"{_mb(r['peak_rss_mb']):>11} {growth:>10}")
    lines.append("")
    lines.append("articles/s: wall clock, steady state (after the warm-up call), article generation not counted;")
    lines.append("per CPU-s: the same over the process's CPU time (the target is checked on this: it ignores")
    lines.append("other load on the machine). growth MB: peak RSS minus the previous size's, same mode.")
    return "\n".join(lines)


def run_benchmark(sizes: list[int], *, modes: list[str], seed: int = 0, batch: int = 1000,
                  import_repeats: int = 3, cpu: int | None = None, figure_share: float | None = None) -> dict:
    """Run every (size, mode) in its own process and time the import; return the report as a dict."""
    runs = [_run_child(mode, n, seed=seed, batch=batch, cpu=cpu, figure_share=figure_share)
            for n in sizes for mode in modes]
    return {"machine": machine(), "seed": seed, "batch": batch, "figure_share": figure_share, "targets":
            {"articles_per_s": TARGET_ARTICLES_PER_S, "per_call_per_s": TARGET_PER_CALL_PER_S,
             "import_s": TARGET_IMPORT_S},
            "import_s": import_seconds(import_repeats), "runs": add_growth(runs)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark analysis.extract on synthetic articles.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="article counts")
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(DEFAULT_MODES),
                        help="default: extract stream")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch", type=int, default=1000, help="articles per batch in stream mode")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--cpu", type=int, default=None, help="CPU to pin the runs to (default: the first allowed)")
    parser.add_argument("--figure-share", type=float, default=None,
                        help="share of generated sentences with figures (default: the generator's, matched to "
                             "the bundled real articles; 0.35 gives the denser articles used before 2026-11-26)")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(run_one(args.child[0], int(args.child[1]), seed=args.seed, batch=args.batch,
                                 cpu=args.cpu, figure_share=args.figure_share)))
        return 0
    if any(n <= 0 for n in args.sizes) or args.batch <= 0:
        parser.error(f"sizes {args.sizes} and batch {args.batch} must be positive")
    report = run_benchmark(args.sizes, modes=args.modes, seed=args.seed, batch=args.batch, cpu=args.cpu,
                           figure_share=args.figure_share)
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
