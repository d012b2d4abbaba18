"""Benchmark: the batch runner against the naive way, on the same machine in the same run.

The workload is the regency reports of one large province (default Jawa Timur, BPS 35, 38
kab/kota). The naive way is what a person would script: one ``papermill`` CLI call and one
``jupyter nbconvert --to html`` call per report, one after the other. The batch runner is
``kbanalysis.reporting.batch`` (warm workers in parallel, each running the templates in its
own IPython shell). Both start from an empty output folder (the batch is forced: nothing is
skipped).

    python bench/bench_reports.py                 # 38 reports both ways, prints times and ratio
    python bench/bench_reports.py --full          # also the full batch (--level all: 553 pages),
                                                  # against the code before the in-process engine
    python bench/bench_reports.py --naive-limit 5 # naive way on the first 5 only (extrapolated)

Reads the committed tables (data/processed/) and the model results in results/ if present.
Guards (exit code 1 when missed), from issue 19: the batch at least ``GOAL_RATIO`` times
faster than the naive way; with ``--full``, the whole batch (a) at least ``GOAL_RATIO`` times
faster than the naive way's per-page time extrapolated to every page, (b) at least
``GOAL_SPEEDUP`` times faster than the same full batch made by the code of ``BEFORE_COMMIT``
(the last commit before the in-process engine, checked out into a temporary git worktree and
timed in the same run, alternating with today's code, ``--rounds`` times each), and (c) under
``GOAL_MEMORY_GB`` for the batch's processes together.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from kbanalysis import config
from kbanalysis.reporting import batch

GOAL_RATIO = 40.0
# The last commit whose batch ran each page in a Jupyter kernel (issue 19's "today"): its full
# batch is timed on this machine, in this run; the goal is half of its time.
BEFORE_COMMIT = "23bc3202fbbd0c9a55159e9c76e44735e4401d08"
GOAL_SPEEDUP = 2.0
GOAL_MEMORY_GB = 1.5

# Run by the interpreter of this venv with the old checkout first on sys.path (a file, not
# ``-c``: the batch's spawned workers re-import their parent's __main__).
_OLD_BATCH = """
import sys, tempfile, time
from pathlib import Path
from kbanalysis.reporting import batch
if __name__ == "__main__":
    jobs = batch.plan("all")
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        summary = batch.run_batch(jobs, reports_dir=Path(out), workers=int(sys.argv[1]), force=True,
                                  progress=False)
        print(len(jobs), len(summary.failed), time.perf_counter() - started)
"""


def naive(jobs: list[batch.ReportJob], out_dir: Path) -> float:
    """One papermill process and one nbconvert process per report, sequentially."""
    bin_dir = Path(sys.executable).parent
    env = batch.kernel_environment()  # same kernel environment as the batch (importable package)
    started = time.perf_counter()
    for job in jobs:
        executed = out_dir / f"{job.code}.ipynb"
        command = [str(bin_dir / "papermill"), str(job.template), str(executed), "--kernel", "python3",
                   "--log-level", "ERROR", "--no-progress-bar", "--cwd", str(job.template.parent)]
        for name, value in job.parameters.items():
            command += ["-p", name, str(value)]
        _run(command, env)
        _run([str(bin_dir / "jupyter"), "nbconvert", "--to", "html", "--no-input",
              "--log-level", "ERROR", str(executed)], env)
    return time.perf_counter() - started


def _run(command: list[str], env: dict) -> None:
    """Run quietly (kernels chatter on stderr); show the output only if it fails."""
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(command[:2])} failed:\n{done.stdout}\n{done.stderr}")


class PeakMemory:
    """The largest resident memory of this process and all its children together, sampled."""

    def __init__(self, every: float = 0.2):
        import psutil

        self.every, self.peak, self._stop = every, 0, threading.Event()
        self._me = psutil.Process()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self):
        import psutil

        while not self._stop.is_set():
            total = 0
            for process in [self._me, *self._me.children(recursive=True)]:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(self.every)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def batched(jobs: list[batch.ReportJob], out_dir: Path, workers: int | None, results_dir=None) -> tuple[float, float]:
    """Seconds and peak memory (GB, every process of the batch together)."""
    started = time.perf_counter()
    with PeakMemory() as memory:
        summary = batch.run_batch(jobs, reports_dir=out_dir, workers=workers, force=True, progress=False,
                                  results_dir=results_dir)
    if summary.failed:
        raise SystemExit(f"batch failures: {summary.failed}")
    return time.perf_counter() - started, memory.peak / 1e9


@contextlib.contextmanager
def old_checkout(commit: str, scratch: Path):
    """A temporary git worktree of this repository at ``commit`` (removed afterwards)."""
    root = config.PROJ_ROOT
    tree = scratch / "before"
    added = subprocess.run(["git", "-C", str(root), "worktree", "add", "--detach", str(tree), commit],
                           capture_output=True, text=True)
    if added.returncode:
        raise SystemExit(f"cannot check out {commit[:10]} (the code before the in-process engine) "
                         f"from {root}: {added.stderr.strip()}\nA full clone is needed (not --depth).")
    try:
        yield tree
    finally:
        subprocess.run(["git", "-C", str(root), "worktree", "remove", "--force", str(tree)],
                       capture_output=True)


def old_batch(tree: Path, workers: int) -> float:
    """Seconds for the full batch made by the code checked out in ``tree`` (with its own
    committed tables and results)."""
    script = tree.parent / "old_batch.py"
    script.write_text(_OLD_BATCH)
    env = {**os.environ, "PYTHONPATH": str(tree)}
    raw = config.default_raw_dir()
    if raw is not None:
        env[config.RAW_DIR_ENV] = str(raw)
    done = subprocess.run([sys.executable, str(script), str(workers)], cwd=tree, env=env,
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"the old batch failed:\n{done.stdout}\n{done.stderr[-3000:]}")
    pages, failed, seconds = done.stdout.split()[-3:]
    if int(failed):
        raise SystemExit(f"the old batch: {failed} of {pages} pages failed")
    return float(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--province", default="35", help="BPS province code (default 35 Jawa Timur)")
    parser.add_argument("--jobs", type=int, default=None, help="batch workers (default: all cores)")
    parser.add_argument("--naive-limit", type=int, default=None,
                        help="run the naive way on only the first N reports and scale up")
    parser.add_argument("--full", action="store_true", help="also time the batch of every regency")
    parser.add_argument("--results", default=None, help="model results folder (default: results/)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="with --full: time the old and the new full batch this many times each, "
                             "alternating (the machine's speed drifts); medians are compared")
    parser.add_argument("--before", default=BEFORE_COMMIT, help="the commit to compare with (default: "
                        "the last one before the in-process engine)")
    args = parser.parse_args()

    extra = {"results_dir": args.results} if args.results else None
    results_dir = Path(args.results) if args.results else config.RESULTS_DIR
    jobs = batch.plan("regency", province=args.province, extra=extra)
    workers = args.jobs or batch.default_workers()
    print(f"{len(jobs)} regency reports of province {args.province}; {os.cpu_count()} cores, "
          f"{workers} batch workers; model results {'present' if (results_dir / 'estimates.csv').exists() else 'absent'}")
    with tempfile.TemporaryDirectory(prefix="bench-reports-") as tmp:
        tmp = Path(tmp)
        t_batch, _ = batched(jobs, tmp / "batch", workers, args.results)
        print(f"batch runner: {t_batch:7.1f} s  ({t_batch / len(jobs):.2f} s per report)")
        sample = jobs[: args.naive_limit] if args.naive_limit else jobs
        (tmp / "naive").mkdir()
        t_naive = naive(sample, tmp / "naive")
        if len(sample) < len(jobs):
            print(f"naive way:    {t_naive:7.1f} s for {len(sample)} reports, "
                  f"scaled to {len(jobs)}: {t_naive * len(jobs) / len(sample):.1f} s")
            t_naive = t_naive * len(jobs) / len(sample)
        else:
            print(f"naive way:    {t_naive:7.1f} s  ({t_naive / len(jobs):.2f} s per report)")
        ratio = t_naive / t_batch
        print(f"ratio naive / batch: {ratio:.1f}x (goal: at least {GOAL_RATIO:g}x)")
        missed = [] if ratio >= GOAL_RATIO else [f"ratio {ratio:.1f}x < {GOAL_RATIO:g}x"]
        if args.full:
            every = batch.plan("all", extra=extra)
            old_times, new_times, peak = [], [], 0.0
            with old_checkout(args.before, tmp) as tree:
                for round_ in range(max(1, args.rounds)):
                    old_times.append(old_batch(tree, workers))
                    seconds, memory = batched(every, tmp / f"full{round_}", workers, args.results)
                    new_times.append(seconds)
                    peak = max(peak, memory)
                    print(f"round {round_ + 1}: before {old_times[-1]:.1f} s, now {seconds:.1f} s")
            t_old, t_full = statistics.median(old_times), statistics.median(new_times)
            naive_full = t_naive / len(jobs) * len(every)
            full_ratio = naive_full / t_full
            print(f"full batch (national, every province and regency: {len(every)} pages): {t_full:.1f} s "
                  f"({t_full / len(every):.2f} s per report); peak memory {peak:.2f} GB")
            print(f"ratio naive / full batch: {full_ratio:.1f}x (naive {t_naive / len(jobs):.2f} s per "
                  f"page x {len(every)} = {naive_full:.0f} s; goal: at least {GOAL_RATIO:g}x)")
            speedup = t_old / t_full
            print(f"ratio before / full batch: {speedup:.2f}x (before: {t_old:.1f} s, the batch of "
                  f"{args.before[:10]} on this machine; goal: at least {GOAL_SPEEDUP:g}x)")
            if full_ratio < GOAL_RATIO:
                missed.append(f"full-batch ratio {full_ratio:.1f}x < {GOAL_RATIO:g}x")
            if speedup < GOAL_SPEEDUP:
                missed.append(f"before / full batch {speedup:.2f}x < {GOAL_SPEEDUP:g}x")
            if peak >= GOAL_MEMORY_GB:
                missed.append(f"peak memory {peak:.2f} GB >= {GOAL_MEMORY_GB:g} GB")
        if missed:
            raise SystemExit("goal missed: " + "; ".join(missed))


if __name__ == "__main__":
    main()
