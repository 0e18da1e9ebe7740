"""Quality of ``vollzug reference`` on the matching gold set: merged steps against the gold clusters.

For every procedure of the chosen part, all its variants are merged into one reference. Two activities of different
variants that end up in the same reference step form a predicted correspondence; the gold correspondences are the
cross-variant pairs of every gold cluster. Precision, recall and F1 are counted over these pairs, per procedure and
in total (micro average), plus the number of reference steps against the number of gold clusters.

    python benchmarks/eval_reference.py --part dev      # tune here
    python benchmarks/eval_reference.py --part test     # report only; never tune on it
    python benchmarks/eval_reference.py --smoke         # one small dev procedure (CI)
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import combinations
from pathlib import Path

from vollzug.loader import load_model
from vollzug.reference.merge import merge

GOLD = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "matching_gold"

Pair = tuple[tuple[str, str], tuple[str, str]]


def _pairs(groups: list[dict[str, list[str]]]) -> set[Pair]:
    out: set[Pair] = set()
    for members in groups:
        flat = [(variant, element) for variant, ids in members.items() for element in ids]
        for a, b in combinations(flat, 2):
            if a[0] != b[0]:
                out.add((min(a, b), max(a, b)))
    return out


def evaluate(procedure: str) -> tuple[int, int, int, int, int]:
    """(true positives, predicted, gold, reference steps, gold clusters) for one procedure."""
    folder = GOLD / "procedures" / procedure
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    models = [(v, load_model(folder / f"{v}.bpmn").model) for v in gold["variants"]]
    clusters = merge(models)
    predicted = _pairs([{m.model: [m.step.id] for m in c.members} for c in clusters])
    expected = _pairs([c["members"] for c in gold["clusters"]])
    return len(predicted & expected), len(predicted), len(expected), len(clusters), len(gold["clusters"])


def _f(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 1.0
    r = tp / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--part", choices=["dev", "test"], default="dev")
    parser.add_argument("--smoke", action="store_true", help="one small dev procedure only")
    args = parser.parse_args(argv)
    split = json.loads((GOLD / "split.json").read_text(encoding="utf-8"))
    procedures = ["hundesteuer"] if args.smoke else split[args.part]
    print("| procedure | variants | ref. steps | gold clusters | P | R | F1 |\n|---|---:|---:|---:|---:|---:|---:|")
    totals = [0, 0, 0]
    for proc in procedures:
        tp, pred, gold, steps, clusters = evaluate(proc)
        totals = [totals[0] + tp, totals[1] + pred, totals[2] + gold]
        variants = len(json.loads((GOLD / "procedures" / proc / "gold.json").read_text(encoding="utf-8"))["variants"])
        p, r, f = _f(tp, pred, gold)
        print(f"| {proc} | {variants} | {steps} | {clusters} | {p:.2f} | {r:.2f} | {f:.2f} |")
    p, r, f = _f(*totals)
    print(f"| **all ({args.part})** | | | | **{p:.2f}** | **{r:.2f}** | **{f:.2f}** |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
