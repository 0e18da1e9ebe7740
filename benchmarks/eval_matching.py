"""Matching quality on the gold set (independently drawn models, Alignment API gold): P/R/F1 per language.

Usage::

    python benchmarks/eval_matching.py --part dev            # develop and tune on this part only
    python benchmarks/eval_matching.py --part test           # the final figures (never tune after reading them)
    python benchmarks/eval_matching.py --part dev --bands all  # count uncertain pairs too
    python benchmarks/eval_matching.py --part dev --pairs    # one line per model pair

The gold set is ``tests/fixtures/matching_gold/`` (``split.json`` names the procedures of each part, ``pairs/``
holds one RDF alignment per pair of variants). For every pair both models are diffed with the default setting
(``--match auto``) and the predicted activity correspondences (one-to-one, split and merge; by default only the
bands ``sicher`` and ``wahrscheinlich`` that the diff treats as the same step) are scored against the gold pairs.
Only activities are scored: the gold aligns activities, not events or gateways.

The script only uses the library API that the base matcher had too (``diff_models``), so the "before" figures come
from the same script run on an old checkout: ``PYTHONPATH=/tmp/base/src python benchmarks/eval_matching.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if not os.environ.get("PYTHONPATH"):
    sys.path.insert(0, str(ROOT / "src"))

ALIGN = "http://knowledgeweb.semanticweb.org/heterogeneity/alignment"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
ACTING = {"sicher", "wahrscheinlich", None}


def gold_dir() -> Path:
    """The gold set: ``$VOLLZUG_MATCHING_GOLD``, else the repository's ``tests/fixtures/matching_gold``."""
    env = os.environ.get("VOLLZUG_MATCHING_GOLD")
    return Path(env) if env else ROOT / "tests" / "fixtures" / "matching_gold"


def read_pairs(path: Path) -> tuple[str, str, set[tuple[str, str]]]:
    """(onto1, onto2, {(left id, right id)}) of one Alignment API RDF file."""
    from lxml import etree

    root = etree.fromstring(path.read_bytes(), etree.XMLParser(resolve_entities=False, no_network=True))
    onto1 = root.findtext(f".//{{{ALIGN}}}onto1") or ""
    onto2 = root.findtext(f".//{{{ALIGN}}}onto2") or ""
    pairs: set[tuple[str, str]] = set()
    for cell in root.iter(f"{{{ALIGN}}}Cell"):
        a = cell.find(f"{{{ALIGN}}}entity1").get(f"{{{RDF}}}resource")  # type: ignore[union-attr]
        b = cell.find(f"{{{ALIGN}}}entity2").get(f"{{{RDF}}}resource")  # type: ignore[union-attr]
        pairs.add((str(a).rsplit("#", 1)[-1], str(b).rsplit("#", 1)[-1]))
    return onto1, onto2, pairs


THRESHOLD: list[float] = [0.0]


def predict(left: Path, right: Path, bands: str) -> set[tuple[str, str]]:
    """Predicted activity pairs of the default diff."""
    from vollzug.diff import DiffOptions, diff_models
    from vollzug.loader import load_model
    from vollzug.model.process import ACTIVITY_TYPES

    lm, rm = load_model(left).model, load_model(right).model
    acts_l = {s.id for s in lm.steps if s.type in ACTIVITY_TYPES}
    acts_r = {s.id for s in rm.steps if s.type in ACTIVITY_TYPES}
    result = diff_models(lm, rm, DiffOptions(match="auto"))
    return {(m.left, m.right) for m in result.matches
            if m.left in acts_l and m.right in acts_r and m.score >= THRESHOLD[0]
            and (bands == "all" or getattr(m, "confidence", None) in ACTING)}


def prf(c: int, p: int, g: int) -> tuple[float, float, float]:
    precision = c / p if p else 1.0
    recall = c / g if g else 1.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=["dev", "test", "all"], default="dev")
    parser.add_argument("--bands", choices=["acting", "all"], default="acting",
                        help="acting: sicher + wahrscheinlich (default); all: uncertain pairs too")
    parser.add_argument("--pairs", action="store_true", help="print one line per model pair")
    parser.add_argument("--errors", action="store_true", help="print wrong and missed pairs with their labels")
    parser.add_argument("--threshold", type=float, default=0.0, help="count only matches with at least this score")
    args = parser.parse_args(argv)
    THRESHOLD[0] = args.threshold
    gold = gold_dir()
    split = json.loads((gold / "split.json").read_text(encoding="utf-8"))
    procs = split["dev"] + split["test"] if args.part == "all" else split[args.part]
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    start = time.perf_counter()
    for proc in procs:
        language = json.loads((gold / "procedures" / proc / "gold.json").read_text(encoding="utf-8"))["language"]
        for rdf in sorted((gold / "pairs").glob(f"{proc}__*.rdf")):
            onto1, onto2, truth = read_pairs(rdf)
            got = predict(gold / onto1, gold / onto2, args.bands)
            c, p, g = len(got & truth), len(got), len(truth)
            for key in (language, "overall"):
                totals[key][0] += c
                totals[key][1] += p
                totals[key][2] += g
            if args.pairs:
                print(f"{rdf.stem:70} P {prf(c, p, g)[0]:.2f} R {prf(c, p, g)[1]:.2f} F1 {prf(c, p, g)[2]:.2f}")
            if args.errors:
                _errors(gold / onto1, gold / onto2, got, truth)
    print(f"part {args.part}, bands {args.bands}, {time.perf_counter() - start:.1f} s")
    print(f"{'':10} {'P':>6} {'R':>6} {'F1':>6} {'correct':>8} {'predicted':>10} {'gold':>6}")
    for key in sorted(totals, key=lambda k: (k == "overall", k)):
        c, p, g = totals[key]
        pr, rc, f1 = prf(c, p, g)
        print(f"{key:10} {pr:6.3f} {rc:6.3f} {f1:6.3f} {c:8d} {p:10d} {g:6d}")
    return 0


def _errors(left: Path, right: Path, got: set[tuple[str, str]], truth: set[tuple[str, str]]) -> None:
    from vollzug.loader import load_model

    ln = {s.id: s.name for s in load_model(left).model.steps}
    rn = {s.id: s.name for s in load_model(right).model.steps}
    print(f"== {left.name} / {right.name}")
    for a, b in sorted(got - truth):
        print(f"   WRONG  {ln.get(a, a)!r} ~ {rn.get(b, b)!r}")
    for a, b in sorted(truth - got):
        print(f"   MISSED {ln.get(a, a)!r} ~ {rn.get(b, b)!r}")


if __name__ == "__main__":
    sys.exit(main())
