"""Speed-up from more local workers: the batch command and Dask, 1 worker against 2, on the same articles.

Two ways of spreading extraction over processes are timed on one set of synthetic articles (see
``generate.py``; seeded, so every run sees the same input):

* ``cli``: the whole ``python -m analysis extract INPUT.jsonl -o OUT.parquet --workers N --no-progress``
  subprocess, start-up, reading and writing included. The input is written once to a temporary
  JSON-lines file; the outputs of every worker count must have the same number of rows.
* ``dask``: ``analysis.io.dask.extract_dask(dask.dataframe.from_pandas(frame, npartitions=P)).compute()``
  on a ``distributed.LocalCluster(n_workers=N, threads_per_worker=1, processes=True)``. Starting the
  cluster and each worker's first extraction (loading the gazetteer) are timed apart, not in the
  compute. Skipped, with a message, when dask or distributed is not installed.

The speed-up is the 1-worker time divided by the N-worker time, per mode, each the fastest of
``--repeats`` runs. The machine may be shared, so before each run the script waits (up to
``--max-wait`` seconds) for other processes to leave the cores idle, and it reports for each run the
cores other processes kept busy meanwhile (``other load``, from ``/proc/stat``). Run from the
repository root (nothing is pinned: the workers need every core)::

    python benchmarks/bench_scale.py                      # 4,000 articles, 1 and 2 workers
    python benchmarks/bench_scale.py --articles 10000 --repeats 3
    python benchmarks/bench_scale.py --json > scale.json
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MODES = ("cli", "dask")


def _load(name: str) -> ModuleType:
    """A sibling script loaded from its path (``benchmarks/`` is not a package)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cli_command(source: Path, out: Path, workers: int, batch_size: int | None = None) -> list[str]:
    """The batch command that extracts ``source`` into ``out`` with ``workers`` processes.

    >>> cli_command(Path("in.jsonl"), Path("out.parquet"), 2)[1:]
    ['-m', 'analysis', 'extract', 'in.jsonl', '-o', 'out.parquet', '--workers', '2', '--no-progress']
    """
    cmd = [sys.executable, "-m", "analysis", "extract", str(source), "-o", str(out), "--workers", str(workers),
           "--no-progress"]
    return cmd + ([] if batch_size is None else ["--batch-size", str(batch_size)])


def _parquet_rows(path: Path) -> int:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        return len(pd.read_parquet(path))
    return pq.read_metadata(path).num_rows


def _children_cpu_s() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def machine_busy_s() -> float | None:
    """CPU-seconds every process on the machine has used since boot (``/proc/stat``; None elsewhere)."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()
    except OSError:
        return None
    if fields[0] != "cpu":
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def other_load(busy_before: float | None, busy_after: float | None, own_cpu_s: float | None,
               seconds: float) -> float | None:
    """Cores kept busy by other processes during a run: the machine's CPU time minus the run's, per second.

    >>> other_load(100.0, 112.0, 10.0, 4.0)
    0.5
    """
    if busy_before is None or busy_after is None or own_cpu_s is None or seconds <= 0:
        return None
    return max(0.0, busy_after - busy_before - own_cpu_s) / seconds


def _minus(after: float | None, before: float | None) -> float | None:
    return None if after is None or before is None else after - before


def wait_for_quiet(*, limit: float = 0.2, max_wait_s: float = 60.0, window_s: float = 1.0) -> float | None:
    """Wait until other processes keep less than ``limit`` cores busy (checked over ``window_s``), at most
    ``max_wait_s``; return the last load seen (None where ``/proc/stat`` is missing)."""
    deadline = time.perf_counter() + max_wait_s
    while True:
        busy0, own0 = machine_busy_s(), time.process_time()
        time.sleep(window_s)
        load = other_load(busy0, machine_busy_s(), time.process_time() - own0, window_s)
        if load is None or load < limit or time.perf_counter() >= deadline:
            return load


def time_cli(source: Path, out: Path, *, articles: int, workers: int, batch_size: int | None = None) -> dict:
    """Wall and CPU time of one batch-command subprocess, and the rows it wrote.

    The CPU time is that of the command and its worker processes (``RUSAGE_CHILDREN`` before and after).
    """
    busy0, cpu0, t0 = machine_busy_s(), _children_cpu_s(), time.perf_counter()
    done = subprocess.run(cli_command(source, out, workers, batch_size), cwd=ROOT, capture_output=True, text=True,
                          check=False)
    seconds, cpu_seconds, busy1 = time.perf_counter() - t0, _minus(_children_cpu_s(), cpu0), machine_busy_s()
    if done.returncode != 0:
        raise RuntimeError(f"batch command with {workers} workers failed (exit {done.returncode}):\n"
                           f"{done.stderr[-2000:]}")
    return {"mode": "cli", "workers": workers, "articles": articles, "seconds": seconds,
            "cpu_seconds": cpu_seconds, "rows": _parquet_rows(out),
            "other_load": other_load(busy0, busy1, cpu_seconds, seconds),
            "summary": done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""}


def dask_missing() -> str | None:
    """Why the Dask runs cannot happen here (a missing package), or None when they can."""
    missing = [name for name in ("dask", "distributed") if importlib.util.find_spec(name) is None]
    if missing:
        return f"not installed: {', '.join(missing)} (pip install '.[dask]')"
    try:
        import dask.dataframe  # noqa: F401  (needs pandas/pyarrow extras as well)
        import distributed  # noqa: F401
    except ImportError as error:
        return f"cannot import: {error}"
    return None


def _warm_worker() -> float:
    """Import analysis and extract one article in this process (a Dask worker); CPU time afterwards."""
    import analysis

    analysis.extract(pd.DataFrame({"article_id": ["warm-up"], "text": ["Russia lost 5 tanks near Pokrovsk."]}),
                     progress=False)
    return time.process_time()


def time_dask(frame: pd.DataFrame, *, workers: int, partitions: int) -> dict:
    """Wall time of ``extract_dask(...).compute()`` on a fresh local cluster of ``workers`` processes.

    Cluster start and the workers' warm-up are reported apart (``startup_s``); ``cpu_seconds`` is the
    workers' CPU time over the compute (the scheduler's and this process's are not counted).
    """
    import logging
    import warnings

    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    from analysis.io.dask import extract_dask

    t0 = time.perf_counter()
    with warnings.catch_warnings():
        # from_pandas puts the articles in the graph (12 MB for 4,000 articles): expected here, see the README
        warnings.filterwarnings("ignore", message=r"(?s).*(already in use|Sending large graph)")
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            cpu_before = client.run(_warm_worker)
            startup_s = time.perf_counter() - t0
            busy0, own0, t0 = machine_busy_s(), time.process_time(), time.perf_counter()
            rows = len(extract_dask(dd.from_pandas(frame, npartitions=partitions)).compute())
            seconds, own1, busy1 = time.perf_counter() - t0, time.process_time(), machine_busy_s()
            cpu_after = client.run(time.process_time)
    cpu_seconds = sum(cpu_after[w] - cpu_before[w] for w in cpu_before if w in cpu_after)
    own = cpu_seconds + own1 - own0  # the workers, and this process (client and scheduler)
    return {"mode": "dask", "workers": workers, "articles": len(frame), "seconds": seconds,
            "cpu_seconds": cpu_seconds, "rows": rows, "other_load": other_load(busy0, busy1, own, seconds),
            "startup_s": startup_s,
            "partitions": partitions}


def summarize(runs: list[dict]) -> list[dict]:
    """One row per (mode, workers): the fastest of its repeats, rates, and speed-up against 1 worker.

    The fastest run is the one least slowed by other processes on the machine; every run stays in
    the report's ``runs``.

    >>> rows = summarize([{"mode": "cli", "workers": 1, "articles": 100, "seconds": 10.0, "cpu_seconds": 10.0,
    ...                    "rows": 5}, {"mode": "cli", "workers": 2, "articles": 100, "seconds": 5.0,
    ...                    "cpu_seconds": 10.0, "rows": 5}])
    >>> [(r["workers"], r["speedup"], r["efficiency"]) for r in rows]
    [(1, 1.0, 1.0), (2, 2.0, 1.0)]
    """
    groups: dict[tuple[str, int], list[dict]] = {}
    for run in runs:
        groups.setdefault((run["mode"], run["workers"]), []).append(run)
    rows = []
    for (mode, workers), group in groups.items():
        best = min(group, key=lambda r: r["seconds"])
        seconds, cpu_seconds, n = best["seconds"], best["cpu_seconds"], best["articles"]
        rows.append({"mode": mode, "workers": workers, "articles": n, "repeats": len(group), "seconds": seconds,
                     "seconds_median": statistics.median(r["seconds"] for r in group), "cpu_seconds": cpu_seconds,
                     "articles_per_s": n / seconds if seconds else None,
                     "articles_per_cpu_s": n / cpu_seconds if cpu_seconds else None,
                     "rows": sorted({r["rows"] for r in group}),
                     "other_load": best.get("other_load")})
    base = {r["mode"]: r["seconds"] for r in rows if r["workers"] == 1}
    for row in rows:
        one = base.get(row["mode"])
        row["speedup"] = one / row["seconds"] if one and row["seconds"] else None
        row["efficiency"] = row["speedup"] / row["workers"] if row["speedup"] is not None else None
    return rows


def same_rows(rows: list[dict], mode: str | None = "cli") -> bool | None:
    """Whether every worker count of ``mode`` (every row when None) gave the same number of figure rows.

    None with fewer than two rows to compare.

    >>> rows = [{"mode": "cli", "workers": 1, "rows": [7]}, {"mode": "cli", "workers": 2, "rows": [7]},
    ...         {"mode": "dask", "workers": 1, "rows": [6]}]
    >>> same_rows(rows), same_rows(rows, mode=None)
    (True, False)
    """
    counts = [r["rows"] for r in rows if mode is None or r["mode"] == mode]
    if len(counts) < 2:
        return None
    return all(len(c) == 1 for c in counts) and len({c[0] for c in counts}) == 1


def _fmt(value: float | None, spec: str) -> str:
    return "n/a" if value is None else format(value, spec)


def format_report(report: dict) -> str:
    """The plain-text table of a scaling report (the dict ``--json`` prints)."""
    m = report["machine"]
    best = min(max(report["workers"]), report["usable_cpus"] or 1)
    lines = [
        f"scaling benchmark, {m['date']}: {m['cpu_model']}, {m['cores']} cores ({report['usable_cpus']} usable by "
        f"this process), Python {m['python']}; {report['articles']:,} synthetic articles, seed {report['seed']}, "
        f"fastest of {report['repeats']}",
        f"with {report['usable_cpus']} cores the best possible speed-up is {best:.1f}; the batch command's "
        "main process (reading, writing) and Dask's scheduler share those cores with the workers.",
        "",
        f"{'mode':<5} {'workers':>7} {'articles':>9} {'seconds':>8} {'articles/s':>11} {'per CPU-s':>10} "
        f"{'speed-up':>9} {'efficiency':>10} {'rows':>10} {'other load':>10} {'median s':>8}",
    ]
    for r in report["rows"]:
        rows = "/".join(f"{c:,}" for c in r["rows"])
        lines.append(
            f"{r['mode']:<5} {r['workers']:>7} {r['articles']:>9,} {r['seconds']:>8.1f} "
            f"{_fmt(r['articles_per_s'], ',.0f'):>11} {_fmt(r['articles_per_cpu_s'], ',.0f'):>10} "
            f"{_fmt(r['speedup'], '.2f'):>9} {_fmt(r['efficiency'], '.0%'):>10} {rows:>10} "
            f"{_fmt(r['other_load'], '.2f'):>10} {r['seconds_median']:>8.1f}")
    lines.append("")
    same = report["cli_same_rows"]
    if same is not None:
        counts = ", ".join(f"{r['workers']} worker(s): {'/'.join(map(str, r['rows']))}" for r in report["rows"]
                           if r["mode"] == "cli")
        lines.append(f"batch command output rows ({counts}): {'same' if same else 'DIFFERENT'}")
    if len({r["mode"] for r in report["rows"]}) > 1:
        lines.append(f"every mode and worker count: {'same' if report['all_same_rows'] else 'DIFFERENT'} rows")
    if report.get("dask_skipped"):
        lines.append(f"dask: skipped, {report['dask_skipped']}")
    dask_runs = [r for r in report["runs"] if r["mode"] == "dask"]
    if dask_runs:
        startup = ", ".join(f"{r['workers']} worker(s) {r['startup_s']:.1f} s" for r in dask_runs)
        lines.append(f"dask: {dask_runs[0]['partitions']} partitions; cluster start + worker warm-up, not timed "
                     f"above: {startup}")
    lines.append("cli seconds: the whole subprocess (interpreter start, import, reading, extraction, writing Parquet);")
    lines.append("per CPU-s: articles per second of CPU time of the workers (cli: the command and its workers).")
    lines.append("other load: cores kept busy by other processes during the run (/proc/stat); above ~0.2 the")
    lines.append("speed-up of that row is understated. median s: median wall time over the repeats.")
    return "\n".join(lines)


def run_benchmark(*, articles: int, workers: list[int], modes: list[str], seed: int = 0, repeats: int = 1,
                  partitions: int | None = None, batch_size: int | None = None, max_wait_s: float = 60.0) -> dict:
    """Write the input once, time every (mode, workers) ``repeats`` times; return the report as a dict.

    Before each run it waits (up to ``max_wait_s``) for other processes to leave the cores idle.
    """
    generator, extract_bench = _load("generate"), _load("bench_extract")
    workers = sorted(set(workers) | {1})
    report: dict = {"machine": extract_bench.machine(), "usable_cpus": len(os.sched_getaffinity(0))
                    if hasattr(os, "sched_getaffinity") else os.cpu_count(), "articles": articles, "seed": seed,
                    "repeats": repeats, "workers": workers, "runs": []}
    if "cli" in modes:
        with tempfile.TemporaryDirectory(prefix="bench_scale_") as tmp:
            source = generator.write_jsonl(articles, Path(tmp) / f"articles-{articles}-seed{seed}.jsonl", seed=seed)
            for _ in range(repeats):
                for n in workers:
                    wait_for_quiet(max_wait_s=max_wait_s)
                    report["runs"].append(time_cli(source, Path(tmp) / f"figures-{n}.parquet", articles=articles,
                                                   workers=n, batch_size=batch_size))
    if "dask" in modes:
        report["dask_skipped"] = dask_missing()
        if report["dask_skipped"] is None:
            frame = generator.generate_articles(articles, seed=seed)
            parts = partitions or max(1, min(articles, 4 * max(workers)))
            for _ in range(repeats):
                for n in workers:
                    wait_for_quiet(max_wait_s=max_wait_s)
                    report["runs"].append(time_dask(frame, workers=n, partitions=parts))
    report["rows"] = summarize(report["runs"])
    report["cli_same_rows"] = same_rows(report["rows"])
    report["all_same_rows"] = same_rows(report["rows"], mode=None)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Speed-up of the batch command and Dask with more local workers.")
    parser.add_argument("--articles", type=int, default=4000, help="synthetic articles (default 4000)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (default 1 2)")
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=1,
                        help="runs of each (mode, workers); the fastest is shown (default 1)")
    parser.add_argument("--partitions", type=int, default=None,
                        help="Dask partitions (default 4 per worker of the largest count)")
    parser.add_argument("--batch-size", type=int, default=None, help="the batch command's --batch-size "
                        "(default: its own)")
    parser.add_argument("--max-wait", type=float, default=60.0, metavar="S",
                        help="before each run, wait up to S seconds for the machine to be idle (default 60)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    if args.articles <= 0 or args.repeats <= 0 or any(n <= 0 for n in args.workers):
        parser.error("--articles, --repeats and --workers must be positive")
    report = run_benchmark(articles=args.articles, workers=args.workers, modes=args.modes, seed=args.seed,
                           repeats=args.repeats, partitions=args.partitions, batch_size=args.batch_size,
                           max_wait_s=args.max_wait)
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    return 1 if False in (report["cli_same_rows"], report["all_same_rows"]) else 0


if __name__ == "__main__":
    sys.exit(main())
