"""Run every ``benchmarks/bench_*.py`` in turn (each prints its own figures); exit with the worst exit code.

The scripts are found by name (``bench_*.py``), so a new benchmark joins without being registered here. Every
script must answer ``--help`` and accept ``--smoke`` (tiny inputs, seconds): with ``--smoke`` a script whose help
does not mention ``--smoke`` fails the run (exit 1) instead of being skipped, so no benchmark can rot unnoticed.

    python benchmarks/run_all.py --list          # what would run, nothing runs
    python benchmarks/run_all.py --smoke         # every benchmark on tiny inputs (make bench-smoke, CI)
    python benchmarks/run_all.py                 # the full figures: long (tens of minutes); run on a quiet machine
    python benchmarks/run_all.py --only diff     # the scripts whose name contains "diff"
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def scripts(only: list[str]) -> list[Path]:
    """The benchmark scripts, by name; ``only``: keep those whose name contains one of these strings."""
    found = sorted(HERE.glob("bench_*.py"))
    return [s for s in found if not only or any(o in s.name for o in only)]


def supports_smoke(script: Path) -> tuple[bool, str]:
    """Whether ``script --help`` succeeds and mentions ``--smoke`` (and the first line of a failure)."""
    try:
        proc = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120,
                              check=False)
    except subprocess.TimeoutExpired:
        return False, "--help did not answer within 120 s"
    if proc.returncode != 0:
        lines = (proc.stderr or proc.stdout).strip().splitlines()
        return False, f"--help failed (exit {proc.returncode}): {lines[-1] if lines else ''}"
    return ("--smoke" in proc.stdout), "--help does not offer --smoke"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--smoke", action="store_true", help="pass --smoke to every script (tiny inputs, CI)")
    parser.add_argument("--list", action="store_true", help="print the scripts that would run and stop")
    parser.add_argument("--only", action="append", default=[], help="run only scripts whose name contains this")
    args = parser.parse_args(argv)
    selected = scripts(args.only)
    if args.list:
        for script in selected:
            print(f"{script.name}: {' '.join([sys.executable, str(script), *(['--smoke'] if args.smoke else [])])}")
        return 0
    if not selected:
        print("run_all: no benchmark script matched", file=sys.stderr)
        return 1
    worst, summary = 0, []
    for script in selected:
        if args.smoke:
            ok, why = supports_smoke(script)
            if not ok:
                print(f"== {script.name}: FAILED — {why}", file=sys.stderr, flush=True)
                summary.append((script.name, 1, 0.0))
                worst = max(worst, 1)
                continue
        print(f"== {script.name}", flush=True)
        start = time.perf_counter()
        code = subprocess.run([sys.executable, str(script), *(["--smoke"] if args.smoke else [])],
                              check=False).returncode
        elapsed = time.perf_counter() - start
        print(f"== {script.name}: exit {code} ({elapsed:.1f} s)", flush=True)
        summary.append((script.name, code, elapsed))
        worst = max(worst, 1 if code else 0)
    print("\nsummary:")
    for name, code, elapsed in summary:
        print(f"  {name:28} {'ok' if code == 0 else f'FAILED (exit {code})':18} {elapsed:6.1f} s")
    return worst


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
