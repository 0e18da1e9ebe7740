"""Speed: bpmn-js-differ (Node) vs ``vollzug diff --match id`` (in-process) on the bpmn-js-differ fixture pairs.

Usage: ``python benchmarks/bench_diff.py [CORPORA_DIR]`` (default ``/work/shared/corpora``). Installs
bpmn-js-differ 3.2.0 and bpmn-moddle from npm into a temporary folder, times "parse both files + diff" in a loop
inside Node, times the same for vollzug in a loop inside Python (load both files incl. our BPMN reader and domain
model, match by id, diff), and prints milliseconds per diff and the ratio side by side. Figures only; no assertion.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

MIN_SECONDS = 0.5
"""Each timing loop runs at least this long (and at least 5 iterations)."""

NODE_SCRIPT = r"""
import { readFileSync } from 'node:fs';
import BpmnModdle from 'bpmn-moddle';
import { diff } from 'bpmn-js-differ';

const [base, pairsJson, minSeconds] = process.argv.slice(2);
const pairs = JSON.parse(pairsJson);
const moddle = new BpmnModdle();
const out = {};
for (const [before, after] of pairs) {
  const a = readFileSync(base + '/' + before, 'utf8');
  const b = readFileSync(base + '/' + after, 'utf8');
  const once = async () => {
    const { rootElement: da } = await moddle.fromXML(a);
    const { rootElement: db } = await moddle.fromXML(b);
    return diff(da, db);
  };
  await once();  // warm-up
  let n = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (n < 5 || elapsed < Number(minSeconds)) {
    await once();
    n += 1;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  out[before + ' -> ' + after] = elapsed * 1000 / n;
}
console.log(JSON.stringify(out));
"""


def _node_times(corpus: Path, pairs: list[tuple[str, str]]) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="vollzug-bench-") as tmp:
        work = Path(tmp)
        (work / "package.json").write_text('{"name": "bench", "private": true, "type": "module"}', encoding="utf-8")
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "bpmn-js-differ@3.2.0",
                        "bpmn-moddle@9"], cwd=work, check=True, capture_output=True)
        (work / "bench.mjs").write_text(NODE_SCRIPT, encoding="utf-8")
        proc = subprocess.run(["node", "bench.mjs", str(corpus), json.dumps(pairs), str(MIN_SECONDS)], cwd=work,
                              check=True, capture_output=True, text=True)
        result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
        return result


def _our_times(corpus: Path, pairs: list[tuple[str, str]]) -> dict[str, float]:
    from vollzug.diff import DiffOptions, diff_files

    options = DiffOptions(match="id")
    out: dict[str, float] = {}
    for before, after in pairs:
        diff_files(corpus / before, corpus / after, options)  # warm-up (imports)
        n, start = 0, time.perf_counter()
        while n < 5 or time.perf_counter() - start < MIN_SECONDS:
            diff_files(corpus / before, corpus / after, options)
            n += 1
        out[f"{before} -> {after}"] = (time.perf_counter() - start) * 1000 / n
    return out


def main(argv: list[str]) -> int:
    corpora = Path(argv[1]) if len(argv) > 1 else Path("/work/shared/corpora")
    corpus = corpora / "bpmn-js-differ"
    spec = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    pairs = list(dict.fromkeys((c["before"], c["after"]) for c in spec["cases"]))
    node = _node_times(corpus, pairs)
    ours = _our_times(corpus, pairs)
    print(f"{'pair':78} {'differ ms':>9} {'vollzug ms':>10} {'ratio':>6}")
    ratios = []
    for key in node:
        ratio = ours[key] / node[key]
        ratios.append(ratio)
        print(f"{key:78} {node[key]:9.2f} {ours[key]:10.2f} {ratio:6.2f}")
    total_node, total_ours = sum(node.values()), sum(ours.values())
    geo = 1.0
    for r in ratios:
        geo *= r
    geo **= 1 / len(ratios)
    print(f"{'TOTAL':78} {total_node:9.2f} {total_ours:10.2f} {total_ours / total_node:6.2f}")
    print(f"geometric mean of ratios (vollzug / bpmn-js-differ): {geo:.2f}  (< 1 means vollzug is faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
