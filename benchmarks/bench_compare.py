"""Benchmark of ``vollzug compare``: N synthetic towns against the Kreis reference SOLL.

Two kinds of case, each in a fresh process, so that memory is per case:

* ``cli`` — what a user sees: ``vollzug compare DIR --reference SOLL [--no-rules] [--jobs J] -q`` run as a
  subprocess over N synthetic towns on disk (written once by ``vollzug synth --seed 42`` into ``--data``, not
  timed; ``yaml`` = authoring YAML, ``bpmn`` = the same towns as built BPMN). Times everything: start-up,
  reading and validating every file, diff + rules per town, matrix, text output. CPU = user + system of the
  command and its worker processes (``wait4``); peak = highest sum of the RSS of the process tree (sampled
  every 50 ms).
* ``engine`` — the comparison alone on models already in memory (no files, no rules, no per-town detail;
  towns generated on the fly, generation time subtracted), and ``pairwise`` — the all-pairs similarity matrix
  with clustering for N towns.

Usage::

    python benchmarks/bench_compare.py                       # the default table (several minutes for 10,754)
    python benchmarks/bench_compare.py --cases cli:yaml:24:1:rules,cli:yaml:396:2:norules
    python benchmarks/bench_compare.py --cases engine:10754:1,pairwise:396
    python benchmarks/bench_compare.py --smoke               # 3 towns per kind of case, seconds (CI)

A ``cli`` case is ``cli:<yaml|bpmn>:<N>:<jobs>:<rules|norules>``. Goal: 10,754 towns < 60 s and < 2 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "models" / "soll" / "wpg-kreis-steinfurt.yaml"
DEFAULT_DATA = Path(tempfile.gettempdir()) / "vollzug-bench-compare"
DEFAULT_CASES = ("cli:yaml:24:1:rules,cli:yaml:24:1:norules,cli:yaml:396:1:rules,cli:yaml:396:2:rules,"
                 "cli:yaml:396:2:norules,cli:yaml:10754:1:norules,cli:yaml:10754:2:norules,cli:yaml:10754:2:rules,"
                 "cli:bpmn:10754:2:norules,cli:bpmn:10754:2:rules,engine:24:1,engine:396:1,engine:10754:1,"
                 "pairwise:396")
POOL = 1000
"""Engine cases: distinct synthetic variants; larger N reuse them under new municipalities."""
SEED = 42


def _vollzug() -> list[str]:
    return [sys.executable, "-m", "vollzug"]


def towns_dir(data: Path, fmt: str, n: int) -> Path:
    """The folder of N synthetic towns in ``fmt``; generated with ``vollzug synth`` unless already there."""
    target = data / f"{fmt}-{n}"
    if target.is_dir() and sum(1 for _ in target.rglob(f"*.{fmt}")) == n:
        return target
    print(f"  (generating {n} {fmt} towns into {target}, not timed)", file=sys.stderr)
    subprocess.run([*_vollzug(), "synth", "--towns", str(n), "--from", str(REFERENCE), "-o", str(target),
                    "--seed", str(SEED), "--format", fmt, "-q"], check=True)
    return target


def _tree_rss_kb(pid: int) -> int:
    """Sum of VmRSS of a process and all its descendants (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return total


def run_cli(data: Path, fmt: str, n: int, jobs: int, rules: bool) -> dict[str, object]:
    """One end-to-end ``vollzug compare`` run over files."""
    folder = towns_dir(data, fmt, n)
    args = [*_vollzug(), "compare", str(folder), "--reference", str(REFERENCE), "--jobs", str(jobs), "-q"]
    if not rules:
        args.append("--no-rules")
    with tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.PIPE)
        peak = [0]
        stop = threading.Event()

        def sample() -> None:
            while not stop.wait(0.05):
                peak[0] = max(peak[0], _tree_rss_kb(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        stop.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode() if proc.stderr else ""
        if proc.returncode not in (0, 1):
            raise RuntimeError(f"compare failed ({proc.returncode}): {err[-2000:]}")
        out.seek(0)
        lines = out.read().decode("utf-8").count("\n")
    cpu = usage.ru_utime + usage.ru_stime
    return {"case": f"cli {fmt} {'rules' if rules else 'no-rules'}", "n": n, "jobs": jobs, "wall_s": wall,
            "cpu_s": cpu, "peak_mb": max(peak[0], usage.ru_maxrss) / 1024.0, "per_town_ms": 1000 * wall / n,
            "output_lines": lines}


def run_engine(n: int, mode: str) -> dict[str, object]:
    """The comparison (or the all-pairs matrix) on models in memory; generation time is subtracted."""
    from vollzug.compare.engine import Town, compare_law
    from vollzug.loader import load_model
    from vollzug.model.process import OperationalModel
    from vollzug.synth import synth_towns

    reference = load_model(REFERENCE).model
    spent = [0.0, 0.0]

    def stream() -> Iterator[Town]:
        made = synth_towns(reference, min(n, POOL), seed=SEED)
        pool: list[OperationalModel] = []
        for index in range(n):
            t, c = time.perf_counter(), time.process_time()
            if index < POOL:
                model = next(made)
                pool.append(model)
            else:  # same process as a variant, new municipality: same comparison cost, no generation cost
                base = pool[index % POOL]
                assert base.municipality is not None and base.municipality.population is not None
                population = base.municipality.population.model_copy(update={"count": 500 + (index * 7919) % 90_000})
                municipality = base.municipality.model_copy(update={"name": f"Synthstadt {index}",
                                                                    "ags": f"98{index:06d}", "population": population})
                model = base.model_copy(update={"municipality": municipality})
            spent[0] += time.perf_counter() - t
            spent[1] += time.process_time() - c
            yield Town(model)

    if mode == "pairwise":
        towns = list(stream())
        from vollzug.compare.clustering import cluster
        from vollzug.compare.features import extract
        from vollzug.compare.similarity import pairwise, signature

        t0, c0 = time.perf_counter(), time.process_time()
        matrices = pairwise([signature(extract(t.model)) for t in towns])
        assert cluster([str(i) for i in range(n)], matrices["overall"]) is not None
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    else:
        t0, c0 = time.perf_counter(), time.process_time()
        result = compare_law(stream(), Town(reference, str(REFERENCE)), detail=False, rules=False,
                             pairwise_mode="auto")
        assert len(result.towns) == n
        wall = time.perf_counter() - t0 - spent[0]
        cpu = time.process_time() - c0 - spent[1]
    peak = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024.0
    return {"case": "engine (memory)" if mode == "compare" else "pairwise matrix", "n": n, "jobs": 1,
            "wall_s": wall, "cpu_s": cpu, "peak_mb": peak, "per_town_ms": 1000 * wall / n}


def run_case(case: str, data: Path) -> dict[str, object]:
    """Dispatch one case string."""
    parts = case.split(":")
    if parts[0] == "cli":
        return run_cli(data, parts[1], int(parts[2]), int(parts[3]), parts[4] == "rules")
    return run_engine(int(parts[1]), "pairwise" if parts[0] == "pairwise" else "compare")


def machine_speed() -> float:
    """Seconds for a fixed pure-Python loop (5 million additions; best of 3): how fast this machine runs Python
    right now. Figures of runs with different values are not directly comparable (shared machines vary by 30 %)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        total = 0
        for i in range(5_000_000):
            total += i
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--cases", default=DEFAULT_CASES, help="Comma-separated cases (see module docstring).")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="Folder for the synthetic towns (reused).")
    parser.add_argument("--json", type=Path, default=None, help="Also write the rows as JSON.")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--smoke", action="store_true", help="3 towns per kind of case, in a temporary folder (CI)")
    args = parser.parse_args()
    if args.smoke and not args.case:
        args.cases = "cli:yaml:3:1:rules,engine:3:1,pairwise:3"
        with tempfile.TemporaryDirectory(prefix="vollzug-bench-compare-") as tmp:
            args.data = Path(tmp)
            _run(args)
        return
    _run(args)


def _run(args: argparse.Namespace) -> None:
    if args.case:
        print(json.dumps(run_case(args.case, args.data)))
        return
    rows = []
    print(f"machine speed: a fixed 5M-addition Python loop takes {machine_speed():.3f} s (before the cases)")
    print(f"{'case':<20} {'N':>6} {'jobs':>4} {'wall s':>8} {'cpu s':>8} {'ms/town':>8} {'peak MB':>8}  load")
    for case in args.cases.split(","):
        if case.startswith("cli:"):
            parts = case.split(":")
            towns_dir(args.data, parts[1], int(parts[2]))  # generate outside the measurement
        out = subprocess.run([sys.executable, __file__, "--case", case, "--data", str(args.data)],
                             capture_output=True, text=True, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        row["load"] = os.getloadavg()[0]
        rows.append(row)
        print(f"{row['case']:<20} {row['n']:>6} {row['jobs']:>4} {row['wall_s']:>8.2f} {row['cpu_s']:>8.2f} "
              f"{row['per_town_ms']:>8.2f} {row['peak_mb']:>8.0f}  {row['load']:.1f}", flush=True)
    print(f"machine speed after the cases: {machine_speed():.3f} s")
    print("goal: 10754 towns < 60 s and < 2048 MB; cpu = user+system incl. worker processes; "
          "load = 1-min load average after the case (other jobs on the machine)")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
