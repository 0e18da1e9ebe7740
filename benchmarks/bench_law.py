"""Speed of the law-text layer: import of the WPG (Markdown → norm tree), ``vollzug law verify WPG`` (catalogue,
checks.yaml and the example models against the norm tree), and ``vollzug law changes`` between the two shipped WPG
versions (without and with the impact on the models).

Usage: ``python benchmarks/bench_law.py [--smoke] [CORPORA_DIR]`` (default ``/work/shared/corpora``). Each figure is
the fastest of several runs in milliseconds, measured in-process; "cold" runs clear the caches of shipped texts,
catalogues and parsed citations first, so that they include reading the JSON norm trees and the YAML catalogue.
``--smoke`` runs each step once (a check that the script works, not a measurement). Figures only; no assertion.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _clear_caches() -> None:
    from vollzug.law import catalogue, citation, texts

    texts._load_cached.cache_clear()
    texts._versions_cached.cache_clear()
    texts._text_dir.cache_clear()
    texts._INDEXES.clear()
    catalogue._load_cached.cache_clear()
    citation._parse_cached.cache_clear()


def _time(step: Callable[[], object], runs: int, cold: bool) -> tuple[float, float]:
    """(fastest, median) milliseconds of ``runs`` runs."""
    times = []
    for _ in range(runs):
        if cold:
            _clear_caches()
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="?", default="/work/shared/corpora", help="folder holding laws/")
    parser.add_argument("--smoke", action="store_true", help="run every step once (no measurement)")
    parser.add_argument("--runs", type=int, default=7, help="runs per step (default 7)")
    args = parser.parse_args(argv)
    from vollzug.law.changes import compare_trees, impact, load_version
    from vollzug.law.grounding import verify
    from vollzug.law.markdown_text import read_markdown

    wpg = Path(args.corpora) / "laws" / "wpg" / "index.md"
    if not wpg.is_file():
        print(f"bench_law: {wpg} not found", file=sys.stderr)
        return 2
    models = [ROOT / "models"]
    steps: list[tuple[str, Callable[[], object], bool]] = [
        ("import WPG (Markdown → norm tree)", lambda: read_markdown(wpg), False),
        ("verify WPG + 13 models, cold", lambda: verify("WPG", models), True),
        ("verify WPG + 13 models, warm", lambda: verify("WPG", models), False),
        ("verify WPG catalogue only, cold", lambda: verify("WPG", []), True),
        ("changes WPG 2025-12 → 2026-03, cold",
         lambda: compare_trees(load_version("WPG@2025-12-02"), load_version("WPG@2026-03-11")), True),
        ("changes + impact on 13 models, warm",
         lambda: impact(compare_trees(load_version("WPG@2025-12-02"), load_version("WPG@2026-03-11")), models),
         False),
    ]
    runs = 1 if args.smoke else max(1, args.runs)
    print(f"{'step':<42} {'fastest ms':>11} {'median ms':>10}")
    for label, step, cold in steps:
        fastest, median = _time(step, runs, cold)
        print(f"{label:<42} {fastest:>11.1f} {median:>10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
