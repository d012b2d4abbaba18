"""Benchmark: aggregating a 5-million-row service register, DuckDB against plain pandas.

Run from the repository root::

    python bench/bench_registers.py [--rows 5000000] [--repeat 1] [--memory-limit 1GB]

Writes a SYNTHETIC register (``tests.fixtures.write_register``: one row per delivery,
messy spellings, 2 % planted problems) as Parquet and as CSV into a temporary folder (or
``--workdir``, where it is reused on the next run), then aggregates each file to regency x
month and regency x year with ``aggregate_register`` (DuckDB) and with the pandas
reference (``tests/fixtures/register_pandas_engine.py``), each run in its own subprocess so
that its peak memory (``ru_maxrss``) is its own. Prints rows per second and peak memory per
path, the DuckDB / pandas speed ratio, and checks that both paths gave identical results.

Goal: DuckDB at least 3x the pandas rate, with peak memory under 1.5 GB.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

GOAL_RATIO = 3.0
GOAL_PEAK_MB = 1536


def worker(engine: str, path: str, memory_limit: str, threads: int | None) -> None:
    """Aggregate once in this process; print one JSON line (time, peak memory, digest)."""
    import resource

    from kbanalysis.sources.registers import aggregate_register
    from tests.fixtures.register_pandas_engine import aggregate_register_pandas

    start = time.perf_counter()
    if engine == "duckdb":
        result = aggregate_register(path, memory_limit=memory_limit, threads=threads)
    else:
        result = aggregate_register_pandas(path)
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak_mb = usage.ru_maxrss / 1024  # Linux reports KiB
    # ru_maxrss survives exec, so it can hold the parent's size; VmHWM is this process's own.
    status = Path("/proc/self/status")
    if status.is_file():
        found = [line for line in status.read_text().splitlines() if line.startswith("VmHWM:")]
        if found:
            peak_mb = int(found[0].split()[1]) / 1024
    digest = hashlib.sha256()
    for frame in (result.monthly, result.yearly, result.reasons, result.ledger.to_frame()):
        digest.update(frame.to_csv(index=False, lineterminator="\n").encode())
    print(json.dumps({"engine": engine, "seconds": seconds, "rows": result.rows_read,
                      "cpu_seconds": usage.ru_utime + usage.ru_stime,
                      "peak_mb": peak_mb,
                      "digest": digest.hexdigest()}))


def run_worker(engine: str, path: Path, args) -> dict:
    command = [sys.executable, __file__, "--worker", engine, "--file", str(path),
               "--memory-limit", args.memory_limit]
    if args.threads:
        command += ["--threads", str(args.threads)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{engine} on {path.name} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def generate(path: Path, rows: int) -> None:
    from tests.fixtures import write_register

    partial = path.with_name(f"partial-{path.name}")
    write_register(partial, rows)
    partial.replace(path)


def ensure_files(workdir: Path, rows: int) -> dict[str, Path]:
    """The register as Parquet and CSV, written by a child process so that this one stays
    small (a child measured later must not inherit a large parent's size)."""
    files = {}
    for fmt in ("parquet", "csv"):
        path = workdir / f"register_synthetic_{rows}.{fmt}"
        if not path.is_file():
            start = time.perf_counter()
            subprocess.run([sys.executable, __file__, "--generate", str(path), "--rows", str(rows)],
                           check=True)
            print(f"wrote {path.name} ({path.stat().st_size / 1e6:.0f} MB) in "
                  f"{time.perf_counter() - start:.0f} s")
        files[fmt] = path
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--repeat", type=int, default=1, help="runs per path; the fastest counts")
    parser.add_argument("--memory-limit", default="1GB", help="DuckDB memory_limit")
    parser.add_argument("--threads", type=int, default=None,
                        help="DuckDB threads (default: cores, at most 4)")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="keep the generated files here and reuse them")
    parser.add_argument("--worker", choices=["duckdb", "pandas"], help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    parser.add_argument("--generate", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(args.generate, args.rows)
        return
    if args.worker:
        worker(args.worker, args.file, args.memory_limit, args.threads)
        return

    import os
    with tempfile.TemporaryDirectory(prefix="kbanalysis-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        files = ensure_files(workdir, args.rows)
        print(f"register: {args.rows:,} SYNTHETIC rows; {os.cpu_count()} cores; DuckDB "
              f"memory_limit {args.memory_limit}, threads {args.threads or 'default'}")
        print(f"{'file':8} {'engine':7} {'seconds':>8} {'rows/s':>11} {'cpu s':>7} {'peak MB':>8}")
        failed = False
        for fmt, path in files.items():
            best = {}
            for _ in range(args.repeat):
                for engine in ("duckdb", "pandas"):
                    run = run_worker(engine, path, args)
                    if engine not in best or run["seconds"] < best[engine]["seconds"]:
                        best[engine] = run
            for engine, run in best.items():
                rate = run["rows"] / run["seconds"]
                print(f"{fmt:8} {engine:7} {run['seconds']:8.2f} {rate:11,.0f} "
                      f"{run['cpu_seconds']:7.2f} {run['peak_mb']:8.0f}")
            ratio = best["pandas"]["seconds"] / best["duckdb"]["seconds"]
            same = best["duckdb"]["digest"] == best["pandas"]["digest"]
            peak = best["duckdb"]["peak_mb"]
            ok = ratio >= GOAL_RATIO and peak < GOAL_PEAK_MB and same
            failed |= not ok
            print(f"{fmt:8} duckdb/pandas speed {ratio:.1f}x (goal >= {GOAL_RATIO:.0f}x), duckdb "
                  f"peak {peak:.0f} MB (goal < {GOAL_PEAK_MB}), results "
                  f"{'identical' if same else 'DIFFER'}: {'OK' if ok else 'MISSED'}")
        sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
