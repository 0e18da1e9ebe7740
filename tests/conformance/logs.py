"""Process mining on the real BPI Challenge 2015 logs: ``python tests/conformance/logs.py DIR``.

DIR is the shared corpora folder; the five logs are read from ``DIR/logs/bpic2015/BPIC15_{1..5}.xes.gz`` (never
copied into the repository, nothing cached). Per town: read, discover an IST model (inductive miner), token-based
conformance against ``rules/bpic2015/reference.yaml`` with deadline compliance (``rules/bpic2015/deadlines.yaml``);
then the comparison of the five. Prints one table row per town. Exit 2 if the logs are missing, 1 if any stage
crashes or gives an empty result, 0 otherwise. Token replay, not alignments, to stay within the CI budget.
"""

from __future__ import annotations

import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
RULES = ROOT / "rules" / "bpic2015"


def _town(path: Path, label: str, reference: object, rules: list[object]) -> tuple[object, list[str]]:
    """Read, discover and replay one log; returns the log and the problems found (empty results)."""
    from vollzug.mining.discover import discover_model
    from vollzug.mining.log import read_log
    from vollzug.mining.pipeline import conform_model

    started = time.perf_counter()
    log = read_log(path)
    model = discover_model(log)
    result = conform_model(log, reference, method="tokens", rules=rules,  # type: ignore[arg-type]
                           model_name="reference.yaml")
    tasks = sum(1 for s in model.steps if s.type == "task")
    deadline = result.deadlines[0] if result.deadlines else None
    problems = []
    if not log.traces or not tasks:
        problems.append(f"{label}: empty log or discovered model")
    if result.fitness is None or not result.mapping.steps:
        problems.append(f"{label}: no conformance result (nothing mapped to the reference)")
    if deadline is None or not deadline.measured:
        problems.append(f"{label}: no deadline measured")
    share = "–" if deadline is None or deadline.share is None else f"{deadline.share * 100:.1f} %"
    print(f"{label:<11} {len(log.traces):>5} {log.event_count:>6} {tasks:>8} {len(model.sequence_flows):>6} "
          f"{result.fitness if result.fitness is not None else '–':>7} "
          f"{result.precision if result.precision is not None else '–':>7} {len(result.unknown):>7} "
          f"{deadline.measured if deadline else 0:>6} {share:>8} {time.perf_counter() - started:>6.1f}s", flush=True)
    return (log, result), problems


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python tests/conformance/logs.py DIR", file=sys.stderr)
        return 2
    folder = Path(argv[0]) / "logs" / "bpic2015"
    files = [folder / f"BPIC15_{i}.xes.gz" for i in range(1, 6)]
    if not all(f.is_file() for f in files):
        print(f"ERROR: '{folder}' must hold BPIC15_1.xes.gz … BPIC15_5.xes.gz", file=sys.stderr)
        return 2
    from vollzug.loader import load_model
    from vollzug.mining.compare import compare_logs
    from vollzug.mining.deadlines import load_rules

    reference = load_model(RULES / "reference.yaml").model
    rules = list(load_rules(RULES / "deadlines.yaml").rules)
    print(f"{'town':<11} {'cases':>5} {'events':>6} {'IM tasks':>8} {'flows':>6} {'fitness':>7} {'prec':>7} "
          f"{'unknown':>7} {'D01 n':>6} {'in time':>8} {'time':>7}")
    problems: list[str] = []
    logs, results, labels = [], {}, []
    for index, path in enumerate(files, 1):
        label = f"Gemeente {index}"
        try:
            (log, result), found = _town(path, label, reference, rules)  # type: ignore[misc]
        except Exception:  # a crash is a failure of this check, reported with its traceback
            traceback.print_exc()
            problems.append(f"{label}: crashed")
            continue
        problems += found
        logs.append(log)
        results[label] = result
        labels.append(label)
    try:
        comparison = compare_logs(logs, labels, rules=rules, conformance=results)  # type: ignore[arg-type]
        print(f"compare: {comparison.shared_activities} activities in all logs, {len(comparison.activities)} overall, "
              f"{len(comparison.edges)} directly-follows differences listed")
        if not comparison.activities or len(comparison.profiles) != len(files):
            problems.append("compare: empty result")
    except Exception:
        traceback.print_exc()
        problems.append("compare: crashed")
    for problem in problems:
        print(f"FAIL {problem}")
    print("logs: ok" if not problems else f"logs: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
