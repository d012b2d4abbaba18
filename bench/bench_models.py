"""Benchmark: the full estimator suite plus the sensitivity grid, on the two shapes it meets.

Run from the repository root::

    python bench/bench_models.py [--repeat 3]

1. One province, real-shaped: SSGI 2024 outcome, KBPP coverage of 2021 for 35 regencies
   (HC3 and the wild bootstrap over regencies). Uses ``data/processed/analysis.csv`` when it
   holds real KBPP coverage; otherwise a SIMULATED one-province world of 35 regencies with
   the same layout. Goal: under 1 s on a 2-core machine.
2. All 514 regencies: a SIMULATED world with the real 38 provinces' sizes (CR1 by province
   and the wild cluster bootstrap). Goal: under 2 s on a 2-core machine.

Prints the import time, each run's wall time, the time per model of the fastest run, and
the vectorised wild bootstrap against a draw-by-draw refit (the "peer": the textbook
implementation) on the 514-regency data.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

_t0 = time.perf_counter()
import numpy as np  # noqa: E402

from kbanalysis import config  # noqa: E402
from kbanalysis.models import fit_suite  # noqa: E402
from kbanalysis.models.bootstrap import wild_cluster_bootstrap  # noqa: E402
from kbanalysis.models.threads import one_blas_thread  # noqa: E402

IMPORT_SECONDS = time.perf_counter() - _t0
GOALS = {"one province": 1.0, "514 regencies": 2.0}


def one_province_table():
    """The committed table when it has real KBPP coverage, else a SIMULATED 35-regency world."""
    if config.ANALYSIS_CSV.is_file():
        from kbanalysis.dataset import load_analysis
        from kbanalysis.models.timing import is_simulated_build
        try:
            table = load_analysis()
        except Exception as error:  # a half-rebuilt table must not stop the benchmark
            print(f"(analysis table unreadable: {error}; using the simulated world)")
        else:
            if not is_simulated_build(table) and table["kbpp_coverage_pct"].notna().any():
                from kbanalysis.dataset import load_tidy
                tidy = load_tidy() if config.TIDY_CSV.is_file() else None
                return (table, f"analysis table {config.ANALYSIS_CSV.name} (real KBPP)",
                        tidy)
    from kbanalysis.simulate.synthetic import synthetic_table
    return (synthetic_table(n_provinces=1, regencies_per_province=35, seed=config.SEED),
            "SIMULATED one-province world, 35 regencies", None)


def national_table():
    from kbanalysis.regions import load_provinces
    from kbanalysis.simulate.synthetic import synthetic_table
    sizes = load_provinces()["n_regencies"].astype(int).tolist()
    return (synthetic_table(regencies_per_province=sizes, seed=config.SEED),
            "SIMULATED world with the real province sizes", None)


def naive_wild_bootstrap_seconds_per_draw(data, draws: int = 200) -> float:
    """The peer: impose the null, rebuild y*, refit WLS and its CR1 variance, draw by draw."""
    X, y, w, clusters = data.X, data.y, data.weights, data.clusters
    w = np.ones(len(y)) if w is None else w
    j = data.exposure_index
    Z = np.delete(X, j, axis=1)
    sw = np.sqrt(w)
    gamma = np.linalg.lstsq(Z * sw[:, None], y * sw, rcond=None)[0]
    restricted = y - Z @ gamma
    rng = np.random.default_rng(0)
    g = clusters.max() + 1
    start = time.perf_counter()
    for _ in range(draws):
        v = rng.choice([-1.0, 1.0], size=g)
        y_star = (y - restricted) + v[clusters] * restricted
        beta = np.linalg.lstsq(X * sw[:, None], y_star * sw, rcond=None)[0]
        e = y_star - X @ beta
        bread = np.linalg.inv(X.T @ (X * w[:, None]))
        scores = np.zeros((g, X.shape[1]))
        np.add.at(scores, clusters, X * (w * e)[:, None])
        _ = (bread @ scores.T @ scores @ bread)[j, j]
    return (time.perf_counter() - start) / draws


def _years(table) -> dict:
    """A synthetic world's own years, passed explicitly (the models do not guess them)."""
    if not table.attrs.get("simulated"):
        return {}
    from kbanalysis.simulate.synthetic import drawn_years
    return drawn_years(table)


def bench(name: str, table, label: str, tidy, repeat: int):
    """Time ``fit_suite`` as ``kbanalysis fit`` runs it (designs included; the province
    design when the tidy table is there)."""
    print(f"\n== {name}: {label}")
    runs = []
    for run in range(repeat):
        start = time.perf_counter()
        results = fit_suite(table, tidy=tidy, **_years(table))
        wall = time.perf_counter() - start
        runs.append((wall, results))
        print(f"run {run + 1}: {wall:.2f} s wall (suite + sensitivity grid, "
              f"{results.bootstrap['draws']} bootstrap draws)")
    wall, results = min(runs, key=lambda pair: pair[0])
    n_variants = 0 if results.sensitivity is None else len(results.sensitivity)
    print(f"{results.data.n_obs} regencies, inference {results.data.inference}, "
          f"{len(results.models)} model outputs, {n_variants} sensitivity variants, "
          f"skipped: {', '.join(results.skipped) or 'none'}")
    print("time per step (fastest run):")
    for step, seconds in sorted(results.timings.items(), key=lambda kv: -kv[1]):
        print(f"  {step:<30}{seconds * 1000:9.1f} ms")
    print(f"  {'total':<30}{wall * 1000:9.1f} ms")
    goal = GOALS[name]
    print(f"fastest wall time {wall:.2f} s: {'within' if wall < goal else 'OVER'} the "
          f"{goal:g} s goal")
    if results.simulated:
        print("(inputs include SIMULATED columns: " + ", ".join(results.simulated_inputs) + ")")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"imports {IMPORT_SECONDS:.2f} s")
    bench("one province", *one_province_table(), args.repeat)
    results = bench("514 regencies", *national_table(), args.repeat)

    data = results.data
    with one_blas_thread():
        start = time.perf_counter()
        boot = wild_cluster_bootstrap(data.X, data.y, data.clusters, data.exposure_index,
                                      weights=data.weights, draws=9999, seed=1)
        fast = (time.perf_counter() - start) / boot.draws
        slow = naive_wild_bootstrap_seconds_per_draw(data)
    print(f"\nwild cluster bootstrap, per draw: vectorised {fast * 1e6:.1f} us "
          f"(incl. CI by test inversion), draw-by-draw refit {slow * 1e6:.1f} us "
          f"(one p-value only): ratio {slow / fast:.0f}x")


if __name__ == "__main__":
    main()
