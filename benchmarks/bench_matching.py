"""Speed of the default step matching for large models: 100 / 1,000 / 5,000 steps per side, growth exponent.

Usage::

    python benchmarks/bench_matching.py            # 100, 1,000, 5,000 steps
    python benchmarks/bench_matching.py --smoke    # 50 and 200 steps (seconds; for make bench-smoke)
    python benchmarks/bench_matching.py --sizes 100 2000

Each pair is two generated chains of n activities of one procedure-like vocabulary (verb × business object ×
modifier, about 1 % of the steps relabelled, a few dropped or added on the right), with an exclusive gateway every
50 steps. Timed: ``prepare`` + ``match_auto`` (the matching of ``vollzug diff``'s default mode), CPU time of this
process, best of ``--repeat`` runs; also the number of candidate pairs the index lets through. The exponent is the
least-squares slope of log(time) over log(n).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vollzug.diff.match import index  # noqa: E402
from vollzug.diff.match.combine import match_auto  # noqa: E402
from vollzug.diff.match.context import prepare  # noqa: E402
from vollzug.model.process import OperationalModel, SequenceFlow, Step  # noqa: E402

VERBS = ("prüfen", "erfassen", "anfordern", "versenden", "bewerten", "freigeben", "berechnen", "archivieren",
         "bestätigen", "ablehnen", "genehmigen", "veröffentlichen", "abstimmen", "weiterleiten", "dokumentieren")
OBJECTS = ("Antrag", "Bescheid", "Gebühr", "Unterlagen", "Stellungnahme", "Nachweis", "Vertrag", "Rechnung",
           "Gutachten", "Plan", "Entwurf", "Meldung", "Register", "Akte", "Protokoll", "Vorlage", "Zahlung",
           "Auskunft", "Widerspruch", "Erlaubnis", "Kataster", "Bericht", "Ausweis", "Vollmacht")
MODIFIERS = ("Bau", "Gewerbe", "Wohn", "Park", "Hunde", "Melde", "Fund", "Wärme", "Verkehrs", "Sonder", "Steuer",
             "Kita", "Friedhofs", "Sozial", "Umwelt", "Jugend", "Schul", "Sport", "Markt", "Wasser")


def chain(n: int, seed: int, pid: str) -> OperationalModel:
    rnd = random.Random(seed)
    steps = [Step(id=f"{pid}_start", type="startEvent", name="")]
    for i in range(n):
        if i and i % 50 == 0:
            steps.append(Step(id=f"{pid}_gw{i}", type="exclusiveGateway"))
        label = f"{rnd.choice(MODIFIERS)}{rnd.choice(OBJECTS).lower()} {rnd.choice(VERBS)}"
        steps.append(Step(id=f"{pid}_t{i}", name=label, type="task"))
    steps.append(Step(id=f"{pid}_end", type="endEvent"))
    flows = [SequenceFlow(id=f"{pid}_f{k}", source=a.id, target=b.id) for k, (a, b) in
             enumerate(pairwise(steps))]
    return OperationalModel(id=pid, steps=tuple(steps), sequence_flows=tuple(flows))


def variant(model: OperationalModel, seed: int) -> OperationalModel:
    rnd = random.Random(seed)
    steps = []
    for s in model.steps:
        if s.type == "task" and rnd.random() < 0.01:
            s = s.model_copy(update={"name": f"{rnd.choice(MODIFIERS)}{rnd.choice(OBJECTS).lower()} "
                                             f"{rnd.choice(VERBS)}"})
        steps.append(s.model_copy(update={"id": "r" + s.id}))
    flows = [SequenceFlow(id=f"rf{k}", source=a.id, target=b.id) for k, (a, b) in
             enumerate(pairwise(steps))]
    return OperationalModel(id="right", steps=tuple(steps), sequence_flows=tuple(flows))


def measure(n: int, repeat: int) -> tuple[float, int, int]:
    left = chain(n, n, "l")
    right = variant(left, n + 1)
    best = math.inf
    matches = candidates = 0
    for _ in range(repeat):
        start = time.process_time()
        ctx = prepare(left, right)
        found = match_auto(ctx)
        best = min(best, time.process_time() - start)
        matches = len(found)
        candidates = sum(1 for _ in index.candidates(ctx))
    return best, candidates, matches


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes (50, 200) for a quick check")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    sizes = [50, 200] if args.smoke else args.sizes
    prepare(chain(5, 0, "w"), chain(5, 1, "v"))  # warm the lemma dictionaries (a one-off cost per process)
    print(f"{'steps':>7} {'CPU s':>8} {'candidate pairs':>16} {'pairs/n':>8} {'matches':>8}")
    rows = []
    for n in sizes:
        cpu, cand, found = measure(n, args.repeat)
        rows.append((n, cpu))
        print(f"{n:7d} {cpu:8.2f} {cand:16d} {cand / n:8.1f} {found:8d}", flush=True)
    if len(rows) > 1:
        xs = [math.log(n) for n, _ in rows]
        ys = [math.log(max(t, 1e-6)) for _, t in rows]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
        print(f"growth exponent (CPU): {slope:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
