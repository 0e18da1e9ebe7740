"""Benchmark of ``vollzug compare``: N synthetic towns against the Kreis reference SOLL.

Runs each case in a fresh child process (so peak memory is per case) and prints a table:
wall time, peak RSS (process + its worker processes), cost per town. Cases: N = 24 (Kreis Steinfurt),
396 (NRW) and 10,754 (all German municipalities) through the fast path (no rules, no per-town detail,
no all-pairs matrix above 2,000 towns), and the all-pairs similarity matrix with clustering for N = 396.
Synthetic towns are generated in memory (not timed; 1,000 distinct variants, reused under new
municipalities beyond that); goal: 10,754 towns in < 60 s and < 2 GB.

Usage: python benchmarks/bench_compare.py [--jobs 2] [--sizes 24,396,10754]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCES = (ROOT / "models" / "soll" / "wpg-kreis-steinfurt.yaml", ROOT / "tests" / "fixtures" / "compare" /
              "wpg-soll.yaml")


POOL = 1000
"""Distinct synthetic variants; larger N reuse them under new municipalities."""


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024.0


def run_case(n: int, jobs: int, mode: str) -> dict[str, object]:
    """One measurement (called in a child process)."""
    from vollzug.compare.engine import Town, compare_law
    from vollzug.loader import load_model
    from vollzug.model.process import OperationalModel
    from vollzug.synth import synth_towns

    ref_path = next(p for p in REFERENCES if p.is_file())
    reference = load_model(ref_path).model
    spent = [0.0, 0.0]

    def stream() -> Iterator[Town]:
        """Synthetic towns made on demand (time spent making them is measured apart and subtracted).

        The first POOL towns are distinct variants; later ones reuse a variant's process under a new
        municipality (model_copy), which costs the comparison exactly the same but saves generation time.
        """
        made = synth_towns(reference, min(n, POOL), seed=42)
        pool: list[OperationalModel] = []
        for index in range(n):
            t, c = time.perf_counter(), time.process_time()
            if index < POOL:
                model = next(made)
                pool.append(model)
            else:
                base = pool[index % POOL]
                assert base.municipality is not None and base.municipality.population is not None
                population = base.municipality.population.model_copy(update={"count": 500 + (index * 7919) % 90_000})
                municipality = base.municipality.model_copy(update={"name": f"Synthstadt {index}",
                                                                    "ags": f"98{index:06d}", "population": population})
                model = base.model_copy(update={"municipality": municipality})
            spent[0] += time.perf_counter() - t
            spent[1] += time.process_time() - c
            yield Town(model)

    t0, c0 = time.perf_counter(), time.process_time()
    if mode == "pairwise":
        towns = list(stream())
        t0, c0 = time.perf_counter(), time.process_time()
        spent[0] = spent[1] = 0.0
        from vollzug.compare.clustering import cluster
        from vollzug.compare.features import extract
        from vollzug.compare.similarity import pairwise, signature

        matrices = pairwise([signature(extract(t.model)) for t in towns])
        clustering = cluster([str(i) for i in range(n)], matrices["overall"])
        assert clustering is not None
    else:
        result = compare_law(stream(), Town(reference, str(ref_path)), detail=False, rules=False, jobs=jobs,
                             pairwise_mode="auto")
        assert len(result.towns) == n
    wall = time.perf_counter() - t0 - spent[0]
    cpu = time.process_time() - c0 - spent[1]
    generate = spent[0]
    return {"n": n, "mode": mode, "jobs": jobs, "generate_s": generate, "wall_s": wall,
            "per_town_ms": 1000 * wall / n, "cpu_s": cpu, "peak_mb": _peak_mb(), "reference": ref_path.name}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=1,
                        help="Worker processes (in-memory towns: 1 is fastest; shipping models costs more)")
    parser.add_argument("--sizes", default="24,396,10754")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        n, mode = args.case.split(":")
        print(json.dumps(run_case(int(n), args.jobs, mode)))
        return
    cases = [f"{n}:compare" for n in args.sizes.split(",")] + ["396:pairwise"]
    print(f"{'case':<10} {'N':>7} {'jobs':>4} {'wall s':>8} {'cpu s':>8} {'ms/town':>8} {'peak MB':>8} {'gen s':>7}")
    for case in cases:
        out = subprocess.run([sys.executable, __file__, "--case", case, "--jobs", str(args.jobs)],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{r['mode']:<10} {r['n']:>7} {r['jobs']:>4} {r['wall_s']:>8.2f} {r['cpu_s']:>8.2f} "
              f"{r['per_town_ms']:>8.2f} {r['peak_mb']:>8.0f} {r['generate_s']:>7.1f}")
    print("goal: 10754 towns < 60 s and < 2048 MB (peak = process + worker processes, ru_maxrss)")


if __name__ == "__main__":
    main()
