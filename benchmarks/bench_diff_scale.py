"""Diff at scale: CPU time and peak memory of ``vollzug diff`` on synthetic chains, next to ``vollzug validate``.

For each size N a left model (start → N tasks → end, with a diagram) and a right model with about 1 % changes
(every 100th task relabelled, every 250th removed and its neighbours reconnected, every 500th swapped with its
successor) are written to a temporary folder. Each command runs in its own process; CPU (user + system) and peak
resident memory come from ``os.wait4`` of that process. Ratios are against ``validate`` of the left file in the same
run; the growth exponent is the slope of log CPU over log N between consecutive sizes. A case that exceeds the
memory cap (``--cap-gb``) or the time cap (``--cap-s``) is reported as killed at the cap. The last column is
bpmn-js-differ 3.2.0 (Node, bpmn-moddle read of both files + ``diff``) on the same pair, the same caps (memory as
V8's ``--max-old-space-size``, since V8 reserves more address space than it uses); ``--no-node`` leaves it out.

    python benchmarks/bench_diff_scale.py                 # 100 … 10,000 tasks, --match id and default
    python benchmarks/bench_diff_scale.py --sizes 100,1000,3000,10000,50000 --modes id
    python benchmarks/bench_diff_scale.py --smoke         # tiny sizes, a few seconds (CI)
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _node

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
DI = 'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"'


def chain(n: int, changed: bool) -> str:
    """BPMN text of an n-task chain; ``changed``: the right side with about 1 % changes."""
    tasks = [(f"Task_{i}", f"Schritt {i} bearbeiten") for i in range(1, n + 1)]
    if changed:
        tasks = [(t, f"{label} (geändert)" if i % 100 == 0 else label) for i, (t, label) in enumerate(tasks, 1)]
        tasks = [t for i, t in enumerate(tasks, 1) if i % 250 != 0]
        for i in range(499, len(tasks) - 1, 500):
            tasks[i], tasks[i + 1] = tasks[i + 1], tasks[i]
    nodes = [("StartEvent_1", "startEvent", "Start"), *[(t, "task", label) for t, label in tasks],
             ("EndEvent_1", "endEvent", "Ende")]
    out = [f'<?xml version="1.0" encoding="UTF-8"?>\n<definitions xmlns="{BPMN}" {DI} id="Defs" '
           'targetNamespace="urn:bench">', '<process id="Process_1" isExecutable="false">']
    out += [f'<{kind} id="{i}" name="{label}"/>' for i, kind, label in nodes]
    out += [f'<sequenceFlow id="Flow_{k}" sourceRef="{a[0]}" targetRef="{b[0]}"/>'
            for k, (a, b) in enumerate(itertools.pairwise(nodes))]
    out.append('</process><bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="P" bpmnElement="Process_1">')
    out += [f'<bpmndi:BPMNShape id="{i}_di" bpmnElement="{i}"><dc:Bounds x="{150 * k}" y="100" width="100" '
            'height="80"/></bpmndi:BPMNShape>' for k, (i, _, _) in enumerate(nodes)]
    out.append("</bpmndi:BPMNPlane></bpmndi:BPMNDiagram></definitions>\n")
    return "\n".join(out)


DIFFER = """
import { readFileSync } from 'node:fs';
import BpmnModdle from 'bpmn-moddle';
import { diff } from 'bpmn-js-differ';
const moddle = new BpmnModdle();
const { rootElement: a } = await moddle.fromXML(readFileSync(process.argv[2], 'utf8'));
const { rootElement: b } = await moddle.fromXML(readFileSync(process.argv[3], 'utf8'));
const d = diff(a, b);
console.log(Object.keys(d._changed).length + Object.keys(d._added).length + Object.keys(d._removed).length);
"""


def differ_command(cap_gb: float) -> list[str] | None:
    """The bpmn-js-differ command prefix (files follow), or None if Node/npm are not available."""
    try:
        work = _node.node_dir(_node.DIFFER)
    except _node.NodeMissingError as exc:
        print(f"note: bpmn-js-differ left out: {exc}", file=sys.stderr)
        return None
    return ["node", f"--max-old-space-size={int(cap_gb * 1024)}", str(_node.script(work, "scale.mjs", DIFFER))]


def measure(cmd: list[str], cap_gb: float, cap_s: float) -> tuple[float, float, str]:
    """(CPU seconds, peak RSS in MB, status) of one command in its own process."""
    def limits() -> None:
        cap = int(cap_gb * 2**30)
        if cmd[0] != "node":  # V8 reserves address space far beyond its heap; its cap is --max-old-space-size
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        resource.setrlimit(resource.RLIMIT_CPU, (int(cap_s), int(cap_s) + 1))

    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=limits)
    _, status, usage = os.wait4(proc.pid, 0)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    capped = code < 0 or "MemoryError" in err or "heap out of memory" in err
    state = "ok" if code in (0, 1) else ("killed at cap" if capped else f"exit {code}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, state


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--sizes", default="100,1000,3000,10000", help="comma-separated task counts")
    parser.add_argument("--modes", default="id,auto", help="comma-separated diff match modes")
    parser.add_argument("--cap-gb", type=float, default=3.0, help="address-space cap per process (GB)")
    parser.add_argument("--cap-s", type=float, default=300.0, help="CPU cap per process (s)")
    parser.add_argument("--auto-max", type=int, default=None,
                        help="run the default (auto) diff only up to this many tasks (the cap for slow matching)")
    parser.add_argument("--no-node", action="store_true", help="leave bpmn-js-differ out")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes only (CI)")
    args = parser.parse_args(argv)
    sizes = [30, 100] if args.smoke else [int(s) for s in args.sizes.split(",")]
    modes = args.modes.split(",")
    vollzug = [sys.executable, "-m", "vollzug"]
    differ = None if args.no_node else differ_command(args.cap_gb)
    columns = [f"diff --match {m}" for m in modes] + (["bpmn-js-differ"] if differ else [])
    print(f"# bench_diff_scale {time.strftime('%Y-%m-%d %H:%M')} — CPU s / peak MB; ratio = CPU / validate CPU; "
          f"caps {args.cap_gb:g} GB, {args.cap_s:g} s CPU; load {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("| tasks | validate | " + " | ".join(columns) + " |")
    print("|---:|---:|" + "---:|" * len(columns))
    previous: dict[str, tuple[int, float]] = {}
    exponents: dict[str, list[str]] = {c: [] for c in columns}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            left, right = Path(tmp, f"l{n}.bpmn"), Path(tmp, f"r{n}.bpmn")
            left.write_text(chain(n, False), encoding="utf-8")
            right.write_text(chain(n, True), encoding="utf-8")
            v_cpu, v_mem, _ = measure([*vollzug, "validate", str(left)], args.cap_gb, args.cap_s)
            cells = [f"{v_cpu:.2f} s / {v_mem:.0f} MB"]
            runs = {f"diff --match {mode}": [*vollzug, "diff", str(left), str(right), "--match", mode, "--format",
                                             "json", "-o", str(Path(tmp, f"d{n}{mode}.json"))] for mode in modes}
            if differ:
                runs["bpmn-js-differ"] = [*differ, str(left), str(right)]
            for column, cmd in runs.items():
                if column == "diff --match auto" and args.auto_max is not None and n > args.auto_max:
                    cells.append(f"not run (> {args.auto_max:,})")
                    continue
                cpu, mem, state = measure(cmd, args.cap_gb, args.cap_s)
                if state != "ok":
                    cells.append(f"{state} ({cpu:.1f} s / {mem:.0f} MB)")
                    continue
                cells.append(f"{cpu:.2f} s / {mem:.0f} MB ({cpu / max(v_cpu, 1e-9):.1f}×)")
                if column in previous:
                    n0, c0 = previous[column]
                    exponents[column].append(f"{math.log(cpu / c0) / math.log(n / n0):.2f}")
                previous[column] = (n, cpu)
            print(f"| {n:,} | " + " | ".join(cells) + " |", flush=True)
    for column, exps in exponents.items():
        print(f"growth exponent (CPU) {column}: {', '.join(exps) or '–'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
