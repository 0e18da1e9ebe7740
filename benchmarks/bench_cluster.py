"""Benchmark of the scale-out: ``vollzug compare`` over N synthetic towns with ``--jobs J`` (local processes)
against ``--scheduler local:W`` (a Dask LocalCluster of W worker processes), side by side, each case in a fresh
process.

Wall time, CPU (user + system of the command and the worker processes it waited for) and peak memory (highest sum
of the RSS of the whole process tree, sampled every 50 ms — for Dask this includes the scheduler, the nannies and
the workers). The towns are written once with ``vollzug synth --seed 42`` (not timed) into ``--data``.

Usage::

    python benchmarks/bench_cluster.py                 # 10,754 BPMN towns, --jobs 2 vs --scheduler local:2
    python benchmarks/bench_cluster.py --smoke         # 24 towns, seconds
    python benchmarks/bench_cluster.py --towns 396 --workers 2 --format yaml

Results are printed as a table and as JSON lines (``--json``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench_compare import REFERENCE, _tree_rss_kb, towns_dir

DEFAULT_DATA = Path(tempfile.gettempdir()) / "vollzug-bench-compare"


def run_case(folder: Path, n: int, mode: str, workers: int) -> dict[str, object]:
    """One ``vollzug compare`` run; ``mode`` is ``jobs`` or ``dask``."""
    parallel = ["--jobs", str(workers)] if mode == "jobs" else ["--scheduler", f"local:{workers}"]
    args = [sys.executable, "-m", "vollzug", "compare", str(folder), "--reference", str(REFERENCE), *parallel, "-q"]
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
        code = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode() if proc.stderr else ""
        if code not in (0, 1):
            raise RuntimeError(f"compare failed ({code}): {err[-2000:]}")
        out.seek(0)
        digest = out.read().decode("utf-8")
    return {"mode": "--jobs" if mode == "jobs" else "--scheduler local", "workers": workers, "n": n,
            "wall_s": round(wall, 1), "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
            "peak_mb": round(max(peak[0], usage.ru_maxrss) / 1024.0), "output_lines": digest.count("\n"),
            "same_output": None, "_text": digest}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--towns", type=int, default=10754, help="number of synthetic towns (default 10754)")
    parser.add_argument("--workers", type=int, default=2, help="--jobs J and local:W (default 2)")
    parser.add_argument("--format", choices=["yaml", "bpmn"], default="bpmn", help="file format of the towns")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"folder for the towns ({DEFAULT_DATA})")
    parser.add_argument("--smoke", action="store_true", help="24 towns: a quick check that the benchmark works")
    parser.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    args = parser.parse_args(argv)
    n = 24 if args.smoke else args.towns
    folder = towns_dir(args.data, args.format, n)
    rows = [run_case(folder, n, mode, args.workers) for mode in ("jobs", "dask")]
    same = rows[0].pop("_text") == rows[1].pop("_text")
    for row in rows:
        row["same_output"] = same
    if args.json:
        for row in rows:
            print(json.dumps(row))
    else:
        print(f"{'mode':<20} {'workers':>7} {'towns':>7} {'wall s':>8} {'cpu s':>8} {'peak MB':>8}  same text output")
        for row in rows:
            print(f"{row['mode']:<20} {row['workers']:>7} {row['n']:>7} {row['wall_s']:>8} {row['cpu_s']:>8} "
                  f"{row['peak_mb']:>8}  {row['same_output']}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
