"""Process mining on the five BPI Challenge 2015 logs: discovery, conformance, deadlines and comparison per town.

Usage::

    .venv/bin/python benchmarks/bench_mining.py [/work/shared/corpora/logs/bpic2015] [--align-budget 60]
                                                [--no-align] [--tracemalloc] [--smoke]

Prints per stage and town: wall time, CPU time (user + system of this process; other work on the machine inflates
wall time, not CPU time), peak RSS of the process so far (``resource.getrusage``) and, with ``--tracemalloc``, the
peak of Python allocations within the stage (slower). Then the figures: fitness/precision against
``rules/bpic2015/reference.yaml`` (token replay, and alignments under a time budget), top deviations, deadline
compliance (``rules/bpic2015/deadlines.yaml``) and the log comparison of the five. Nothing is written.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules" / "bpic2015"
DEFAULT_CORPUS = Path("/work/shared/corpora/logs/bpic2015")
T = TypeVar("T")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def stage(name: str, func: Callable[[], T], trace: bool) -> T:
    """Run one stage and print wall, CPU, peak RSS (and the tracemalloc peak)."""
    if trace:
        tracemalloc.start()
    wall, cpu = time.perf_counter(), _cpu()
    result = func()
    wall, cpu = time.perf_counter() - wall, _cpu() - cpu
    extra = ""
    if trace:
        extra = f"  py-peak {tracemalloc.get_traced_memory()[1] / 2**20:7.1f} MiB"
        tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  {name:<28} wall {wall:6.1f} s  cpu {cpu:6.1f} s  peak-rss {rss:6.0f} MiB{extra}", flush=True)
    return result


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f} %"


def _num(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--align-budget", type=float, default=60.0, help="seconds of alignments per town")
    parser.add_argument("--no-align", action="store_true", help="token replay only")
    parser.add_argument("--tracemalloc", action="store_true", help="Python allocation peak per stage (slower)")
    parser.add_argument("--smoke", action="store_true", help="two small test logs, no alignments (CI)")
    args = parser.parse_args(argv)
    files = [args.corpus / f"BPIC15_{i}.xes.gz" for i in range(1, 6)]
    if args.smoke:
        files = [ROOT / "tests" / "fixtures" / "logs" / name for name in ("fitting.xes", "deviating.csv")]
        args.no_align = True
    missing = [f for f in files if not f.is_file()]
    if missing:
        print(f"ERROR: {missing[0]} not found", file=sys.stderr)
        return 2

    from vollzug.loader import load_model
    from vollzug.mining.compare import compare_logs
    from vollzug.mining.deadlines import load_rules
    from vollzug.mining.discover import discover_model
    from vollzug.mining.log import read_log
    from vollzug.mining.pipeline import conform_model

    reference = load_model(RULES / "reference.yaml").model
    rules = list(load_rules(RULES / "deadlines.yaml").rules)
    total_wall, total_cpu = time.perf_counter(), _cpu()
    logs, tokens, aligned, discovered = [], {}, {}, {}
    labels = [f"Gemeente {i}" for i in range(1, len(files) + 1)]
    for path, label in zip(files, labels, strict=True):
        print(f"{label} ({path.name})", flush=True)
        log: Any = stage("read", lambda p=path: read_log(p), args.tracemalloc)
        logs.append(log)
        discovered[label] = stage("discover (IM, noise 0.2)", lambda lg=log: discover_model(lg), args.tracemalloc)
        tokens[label] = stage("conform tokens + precision", lambda lg=log: conform_model(
            lg, reference, method="tokens", rules=rules, model_name="reference.yaml"), args.tracemalloc)
        if not args.no_align:
            aligned[label] = stage(f"conform alignments ({args.align_budget:.0f} s)", lambda lg=log: conform_model(
                lg, reference, method="alignments", precision=False, budget_seconds=args.align_budget,
                model_name="reference.yaml"), args.tracemalloc)
    comparison = stage("compare five logs", lambda: compare_logs(logs, labels, rules=rules, conformance=tokens),
                       args.tracemalloc)
    wall, cpu = time.perf_counter() - total_wall, _cpu() - total_cpu
    print(f"total: wall {wall:.1f} s, cpu {cpu:.1f} s, peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB\n")

    print("Discovery and conformance against rules/bpic2015/reference.yaml")
    print(f"{'town':<11} {'cases':>5} {'events':>6} {'var':>5} {'IM tasks':>8} {'nodes':>5} {'fit tok':>7} "
          f"{'prec':>6} {'fit cases':>9} {'fit aln':>7} {'aln cases':>10} {'unknown':>7}")
    for log, label in zip(logs, labels, strict=True):
        model, tok, aln = discovered[label], tokens[label], aligned.get(label)
        tasks = sum(1 for s in model.steps if s.type == "task")
        covered = f"{aln.replayed_cases}/{aln.cases}" if aln else "–"
        print(f"{label:<11} {len(log.traces):>5} {log.event_count:>6} {len(log.variants()):>5} {tasks:>8} "
              f"{len(model.steps):>5} {_num(tok.fitness):>7} {_num(tok.precision):>6} {_pct(tok.fitting_cases):>9} "
              f"{_num(aln.fitness if aln else None):>7} {covered:>10} {len(tok.unknown):>7}")
    print("\nTop deviations per town (alignments if run, else tokens; cases)")
    for label in labels:
        result = aligned.get(label) or tokens[label]
        top = [d for d in result.steps if d.skipped + d.out_of_order + d.repeated][:3]
        text = "; ".join(f"{d.step.removeprefix('Activity_')} skipped {d.skipped}, order {d.out_of_order}, "
                         f"repeated {d.repeated}" for d in top)
        print(f"  {label}: {text or 'none'}")
    print("\nDeadline compliance (rules/bpic2015/deadlines.yaml, to be verified)")
    print(f"{'town':<11} {'rule':<9} {'applic':>6} {'meas':>5} {'open':>5} {'in time':>8} {'+ext':>8} "
          f"{'median':>7} {'p90':>7} {'max':>7}")
    for label in labels:
        for d in tokens[label].deadlines:
            print(f"{label:<11} {d.rule:<9} {d.applicable:>6} {d.measured:>5} {d.open:>5} {_pct(d.share):>8} "
                  f"{_pct(d.share_extended):>8} {_num(d.median_days, 1):>7} {_num(d.p90_days, 1):>7} "
                  f"{_num(d.max_days, 1):>7}")
    print(f"\nComparison: {comparison.shared_activities} activities in all five logs, {comparison.shared_variants} "
          f"variants in all five; {len(comparison.activities)} activities overall")
    for p in comparison.profiles:
        print(f"  {p.label}: {p.activities} activities, top-10 variants {_pct(p.top10_variant_share)}, "
              f"median case {_num(p.median_case_days, 1)} d, p90 {_num(p.p90_case_days, 1)} d, "
              f"{p.performers} performers")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
