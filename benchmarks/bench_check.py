"""Benchmark of ``vollzug check`` on the example models: wall time, and findings per rule family and per town.

Run: ``.venv/bin/python benchmarks/bench_check.py [PATH ...] [--repeat N]`` (default: models/, 5 repetitions);
``--smoke``: one SOLL model, one repetition (CI).
Prints figures only; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from pathlib import Path

from vollzug.lint.engine import Engine
from vollzug.lint.registry import FAMILIES
from vollzug.loader import iter_model_files, load_model, looks_like_model

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", default=[str(REPO / "models")])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--smoke", action="store_true", help="one SOLL model, one repetition (CI)")
    args = parser.parse_args()
    if args.smoke:
        args.paths, args.repeat = [str(REPO / "models" / "soll" / "wpg-kreis-steinfurt.yaml")], 1

    start = time.perf_counter()
    engine = Engine()
    result = engine.check_paths(args.paths)
    first = time.perf_counter() - start
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        Engine().check_paths(args.paths)
        times.append(time.perf_counter() - t0)

    files = iter_model_files([Path(p) for p in args.paths])
    loaded = [load_model(f) for f in files if looks_like_model(f)]
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for item in loaded:
            engine.check_loaded(item)
    rules_only = (time.perf_counter() - t0) / args.repeat

    print(f"files: {result.summary['files']}, rules: {len(result.rules)}")
    print(f"first run (incl. catalogue loading): {first:.3f} s")
    print(f"repeated runs: median {statistics.median(times):.3f} s, min {min(times):.3f} s ({args.repeat} runs)")
    print(f"rules only (models already loaded): {rules_only:.3f} s per pass over all models")
    print(f"summary: {result.summary}")
    active = [f for f in result.findings if not f.suppressed]
    print("\nfindings per family (error+warning / info):")
    fail = Counter(f.code[:2] for f in active if f.failing)
    info = Counter(f.code[:2] for f in active if not f.failing)
    for fam in sorted(set(fail) | set(info)):
        print(f"  {fam} {FAMILIES.get(fam, (fam, fam))[1]:<16} {fail[fam]:>4} / {info[fam]}")
    print("\nfindings per model (error+warning):")
    for file in result.files:
        name = file.municipality or file.title
        counts = Counter(f.code[:2] for f in file.findings if f.failing)
        detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "-"
        print(f"  {Path(file.file).relative_to(REPO) if Path(file.file).is_absolute() else file.file}"
              f" ({name}, {file.variant}): {sum(counts.values())}  [{detail}]")


if __name__ == "__main__":
    main()
