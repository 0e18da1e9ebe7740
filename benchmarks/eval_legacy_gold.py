"""Matching quality on the gold set: precision, recall and F1 per pair and overall.

Usage: ``python benchmarks/eval_legacy_gold.py`` (from the repository root). For every ``benchmarks/gold/*.yaml`` the
two models are matched with ``--match auto``; a predicted pair is correct if it is the gold pair or listed under
``acceptable`` (splits, merges). The second F1 column repeats the run with obligations and citations removed from
both models, i.e. what labels, types, lanes and graph context achieve alone (models drawn elsewhere carry no
``vz:`` obligations, so this column is the one to read for them).

Summary lines: all pairs; the independently drawn pairs (two models written by different people, not generated
variants); and the pairs marked ``held_out: true`` in their gold file (written, with their gold, before the matcher
changes they were first measured against; ``docs/diff.md`` says which of them were looked at while tuning later).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vollzug.diff import DiffOptions, diff_models  # noqa: E402
from vollzug.loader import load_model  # noqa: E402
from vollzug.model.process import OperationalModel  # noqa: E402


def _strip(model: OperationalModel) -> OperationalModel:
    steps = tuple(s.model_copy(update={"obligations": (), "citations": ()}) for s in model.steps)
    return model.model_copy(update={"steps": steps})


def score(gold: dict[str, Any], left: OperationalModel, right: OperationalModel) -> tuple[int, int, int, int]:
    """(correct predictions, predictions, gold pairs found, gold pairs)."""
    pairs: dict[str, str] = gold.get("pairs", {})
    acceptable: dict[str, list[str]] = gold.get("acceptable", {}) or {}
    result = diff_models(left, right, DiffOptions(match="auto"))
    predicted = [(m.left, m.right) for m in result.matches]
    ok = [(a, b) for a, b in predicted if pairs.get(a) == b or b in acceptable.get(a, [])]
    found = {a for a, _b in ok if a in pairs}
    return len(ok), len(predicted), len(found), len(pairs)


def _prf(c: int, p: int, f: int, g: int) -> tuple[float, float, float]:
    precision = c / p if p else 1.0
    recall = f / g if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> int:
    files = sorted((ROOT / "benchmarks" / "gold").glob("*.yaml"))
    groups: dict[str, tuple[list[int], list[int]]] = {
        "OVERALL (micro)": ([0] * 4, [0] * 4), "independently drawn": ([0] * 4, [0] * 4),
        "held out": ([0] * 4, [0] * 4)}
    print(f"{'pair':28} {'P':>6} {'R':>6} {'F1':>6}   {'F1 w/o norms':>12}  {'ms':>6}")
    for path in files:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        left = load_model(ROOT / gold["left"]).model
        right = load_model(ROOT / gold["right"]).model
        start = time.perf_counter()
        counts = score(gold, left, right)
        elapsed = (time.perf_counter() - start) * 1000
        plain = score(gold, _strip(left), _strip(right))
        member = ["OVERALL (micro)"]
        if "/variants/" not in gold["right"] and "/variants/" not in gold["left"]:
            member.append("independently drawn")
        if gold.get("held_out"):
            member.append("held out")
        for name in member:
            for i in range(4):
                groups[name][0][i] += counts[i]
                groups[name][1][i] += plain[i]
        p, r, f = _prf(*counts)
        mark = " *" if gold.get("held_out") else ""
        print(f"{path.stem + mark:28} {p:6.3f} {r:6.3f} {f:6.3f}   {_prf(*plain)[2]:12.3f}  {elapsed:6.0f}")
    for name, (totals, totals_plain) in groups.items():
        if totals[3]:
            p, r, f = _prf(*totals)
            print(f"{name:28} {p:6.3f} {r:6.3f} {f:6.3f}   {_prf(*totals_plain)[2]:12.3f}")
    print("(* held out when written; see docs/diff.md for which were looked at while tuning afterwards)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
