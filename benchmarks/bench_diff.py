"""Speed: bpmn-js-differ (Node) vs ``vollzug diff --match id`` (in-process) on the bpmn-js-differ fixture pairs.

Usage: ``python benchmarks/bench_diff.py [CORPORA_DIR] [--smoke]`` (default ``/work/shared/corpora``; ``--smoke``:
three fixture pairs, one short loop, CI). Installs bpmn-js-differ 3.2.0 and bpmn-moddle from npm into a cache folder
(``benchmarks/_node.py``, once), times "parse both files + diff" in a loop
inside Node (reading both files from disk each time, as we do), times the same for vollzug in a loop inside Python
(read and parse both files incl. our BPMN reader, domain model and XML view, match by id, diff, similarity and
behavioural profile), and prints milliseconds per diff, the per-pair ratio and the median ratio side by side. Both
runtimes first warm up over every pair three times; per pair the fastest of several loops in alternating passes
counts (the machine may be shared, and noise only ever adds time). Figures only; no assertion.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import _node

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

MIN_SECONDS = 0.1
"""Each timing loop runs at least this long (and at least 5 iterations)."""
ROUNDS = 3
"""Timing loops per pair and runtime in one pass; the fastest loop counts (the machine is shared: noise only adds)."""
PASSES = 2
"""Node and Python take turns this many times; per pair the fastest pass counts."""

NODE_SCRIPT = r"""
import { readFileSync } from 'node:fs';
import BpmnModdle from 'bpmn-moddle';
import { diff } from 'bpmn-js-differ';

const [base, pairsJson, minSeconds, rounds] = process.argv.slice(2);
const pairs = JSON.parse(pairsJson);
const moddle = new BpmnModdle();
const out = {};
const once = async (before, after) => {
  const a = readFileSync(base + '/' + before, 'utf8');
  const b = readFileSync(base + '/' + after, 'utf8');
  const { rootElement: da } = await moddle.fromXML(a);
  const { rootElement: db } = await moddle.fromXML(b);
  return diff(da, db);
};
const failed = new Set();
for (let i = 0; i < 3; i += 1) {  // warm-up over every pair (JIT), as the Python side does
  for (const [before, after] of pairs) {
    try { await once(before, after); } catch (e) { failed.add(before + ' -> ' + after); }
  }
}
for (let r = 0; r < Number(rounds); r += 1) {
  for (const [before, after] of pairs) {
    if (failed.has(before + ' -> ' + after)) continue;
    let n = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    while (n < 5 || elapsed < Number(minSeconds)) {
      await once(before, after);
      n += 1;
      elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    }
    const key = before + ' -> ' + after;
    out[key] = Math.min(out[key] ?? Infinity, elapsed * 1000 / n);
  }
}
console.log(JSON.stringify(out));
"""


def _install() -> Path:
    """The folder with bpmn-js-differ and bpmn-moddle from npm (installed once) and the timing script."""
    work = _node.node_dir(_node.DIFFER)
    _node.script(work, "bench.mjs", NODE_SCRIPT)
    return work


def _node_times(work: Path, corpus: Path, pairs: list[tuple[str, str]]) -> dict[str, float]:
    proc = subprocess.run(["node", "bench.mjs", str(corpus), json.dumps(pairs), str(MIN_SECONDS), str(ROUNDS)],
                          cwd=work, check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _our_times(corpus: Path, pairs: list[tuple[str, str]]) -> dict[str, float]:
    from vollzug.diff import DiffOptions, diff_files
    from vollzug.errors import VollzugError

    options = DiffOptions(match="id")
    out: dict[str, float] = {}
    usable = []
    for before, after in pairs:
        try:
            diff_files(corpus / before, corpus / after, options)
            usable.append((before, after))
        except VollzugError:  # a file our reader rejects: left out of the comparison (printed)
            continue
    for _ in range(3):  # warm-up over every pair (imports, caches), as the Node side does
        for before, after in usable:
            diff_files(corpus / before, corpus / after, options)
    for _ in range(ROUNDS):
        for before, after in usable:
            n, start = 0, time.perf_counter()
            while n < 5 or time.perf_counter() - start < MIN_SECONDS:
                diff_files(corpus / before, corpus / after, options)
                n += 1
            key = f"{before} -> {after}"
            out[key] = min(out.get(key, float("inf")), (time.perf_counter() - start) * 1000 / n)
    return out


def _best(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: min(run[key] for run in runs) for key in runs[0] if all(key in run for run in runs)}


def _miwg_pairs(corpora: Path, every: int = 15) -> list[tuple[str, str]]:
    """Export → roundtrip pairs of the MIWG reference models (two versions of one file, same ids), by size."""
    found = []
    for export in (corpora / "miwg").glob("*/*-export.bpmn"):
        roundtrip = export.with_name(export.name.replace("-export.bpmn", "-roundtrip.bpmn"))
        if roundtrip.is_file():
            found.append((export.stat().st_size, str(export.relative_to(corpora)), str(roundtrip.relative_to(corpora))))
    return [(a, b) for _size, a, b in sorted(found)[::every]]


def _report(title: str, keys: list[str], node: dict[str, float], ours: dict[str, float]) -> None:
    print(f"\n{title}")
    print(f"{'pair (before → after)':66} {'differ ms':>9} {'vollzug ms':>10} {'ratio':>6}")
    ratios = []
    for key in keys:
        if key not in node or key not in ours:
            print(f"{key.split(' -> ')[0]:66} left out (rejected by {'bpmn-moddle' if key not in node else 'vollzug'})")
            continue
        ratio = ours[key] / node[key]
        ratios.append(ratio)
        before, after = (p.removeprefix("bpmn-js-differ/fixtures/").removeprefix("miwg/") for p in key.split(" -> "))
        label = f"{before} → {after.rsplit('/', 1)[-1]}"
        print(f"{label:66} {node[key]:9.2f} {ours[key]:10.2f} {ratio:6.2f}")
    total_node = sum(node[k] for k in keys if k in node and k in ours)
    total_ours = sum(ours[k] for k in keys if k in node and k in ours)
    print(f"{'TOTAL':66} {total_node:9.2f} {total_ours:10.2f} {total_ours / total_node:6.2f}")
    print(f"median ratio (vollzug / bpmn-js-differ): {statistics.median(ratios):.2f}; "
          f"geometric mean {statistics.geometric_mean(ratios):.2f}; "
          f"pairs where vollzug is faster: {sum(r < 1 for r in ratios)}/{len(ratios)}  (< 1 means vollzug is faster)")


def main(argv: list[str]) -> int:
    """Time both tools on the bpmn-js-differ fixture pairs and on MIWG export/roundtrip pairs."""
    global MIN_SECONDS, ROUNDS, PASSES  # the smoke run shortens the loops
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("corpora", nargs="?", type=Path, default=Path("/work/shared/corpora"))
    parser.add_argument("--smoke", action="store_true", help="three fixture pairs, one short loop (CI)")
    args = parser.parse_args(argv[1:])
    corpora = args.corpora
    if not (corpora / "bpmn-js-differ" / "expected.json").is_file():
        print(f"bench_diff: skipped, no bpmn-js-differ corpus under {corpora} (give the corpora folder as argument)")
        return 0
    spec = json.loads((corpora / "bpmn-js-differ" / "expected.json").read_text(encoding="utf-8"))
    fixtures = list(dict.fromkeys((f"bpmn-js-differ/{c['before']}", f"bpmn-js-differ/{c['after']}")
                                  for c in spec["cases"]))
    miwg = _miwg_pairs(corpora) if (corpora / "miwg").is_dir() else []
    if args.smoke:
        fixtures, miwg, MIN_SECONDS, ROUNDS, PASSES = fixtures[:3], [], 0.01, 1, 1
    pairs = fixtures + miwg
    node_runs: list[dict[str, float]] = []
    our_runs: list[dict[str, float]] = []
    try:
        work = _install()
    except _node.NodeMissingError as exc:
        print(f"bench_diff: could not install bpmn-js-differ from npm ({exc})", file=sys.stderr)
        return 1
    for _ in range(PASSES):  # take turns, so that load from other processes hits both alike
        node_runs.append(_node_times(work, corpora, pairs))
        our_runs.append(_our_times(corpora, pairs))
    node, ours = _best(node_runs), _best(our_runs)
    _report(f"bpmn-js-differ's own fixture pairs ({len(fixtures)} distinct pairs of the {len(spec['cases'])} spec "
            "cases; small files)", [f"{a} -> {b}" for a, b in fixtures], node, ours)
    if miwg:
        _report("MIWG reference models, export → roundtrip of the same tool (two versions of one file; every 15th "
                "pair by size)", [f"{a} -> {b}" for a, b in miwg], node, ours)
    print(f"\n(per pair: fastest of {ROUNDS} loops of >= {MIN_SECONDS}s in each of {PASSES} alternating passes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
