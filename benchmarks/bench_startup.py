"""Per-call CPU of ``vollzug validate``, ``check`` and ``diff`` on a ~1 KB file, next to ``python -c pass``,
``node -e 0`` and the Node peers (bpmnlint, a bpmn-moddle read, bpmn-js-differ).

Every command runs as its own process, the way an analyst's shell or a CI hook calls it; CPU is user + system of
that process from ``os.wait4`` (wall time would count other work on the shared machine). Each command runs
``--runs`` times in alternating rounds (so load hits every command alike); the median counts. Ratios are against
``python -c pass`` and ``node -e 0`` of the same run. ``--importtime`` adds, per vollzug command, the biggest
imports from ``python -X importtime`` (cumulative microseconds, self-reported by the interpreter).

    python benchmarks/bench_startup.py                 # 15 runs per command
    python benchmarks/bench_startup.py --importtime    # plus the import breakdown
    python benchmarks/bench_startup.py --smoke         # one run per command, no warm-up (CI)
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

import _node

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(os.environ.get("VOLLZUG_CORPORA", ROOT.parent / "shared" / "corpora")) / "bpmn-js-differ" / "fixtures"
LEFT = FIXTURES / "change" / "type-change.before.bpmn"
RIGHT = FIXTURES / "change" / "type-change.after.bpmn"
VOLLZUG = [sys.executable, "-c", "import sys; from vollzug.cli.entry import main; sys.exit(main())"]
"""What the ``vollzug`` console script runs (``vollzug.cli.entry:main``), against this checkout's ``src``."""

MODDLE_READ = """
import { readFileSync } from 'node:fs';
import BpmnModdle from 'bpmn-moddle';
const { rootElement } = await new BpmnModdle().fromXML(readFileSync(process.argv[2], 'utf8'));
if (!rootElement) process.exit(2);
"""
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


def cpu_of(cmd: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """(CPU seconds, exit code) of one run of ``cmd`` in its own process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime, proc.returncode


def commands(with_node: bool) -> tuple[dict[str, tuple[list[str], Path | None]], list[str]]:
    """Label → (command, cwd); and notes on what was left out."""
    cmds: dict[str, tuple[list[str], Path | None]] = {
        "python -c pass": ([sys.executable, "-c", "pass"], None),
        "vollzug validate": ([*VOLLZUG, "validate", str(LEFT)], None),
        "vollzug check": ([*VOLLZUG, "check", str(LEFT)], None),
        "vollzug diff": ([*VOLLZUG, "diff", str(LEFT), str(RIGHT)], None),
        "vollzug diff --match id": ([*VOLLZUG, "diff", "--match", "id", str(LEFT), str(RIGHT)], None),
    }
    notes: list[str] = []
    if not with_node:
        return cmds, ["Node peers left out (--no-node)"]
    try:
        differ = _node.node_dir(_node.DIFFER)
        lint = _node.node_dir(_node.LINT)
    except _node.NodeMissingError as exc:
        return cmds, [f"Node peers left out: {exc}"]
    _node.script(lint, ".bpmnlintrc", '{"extends": "bpmnlint:recommended"}\n')
    cmds["node -e 0"] = (["node", "-e", "0"], None)
    cmds["bpmnlint"] = (["node", str(lint / "node_modules" / "bpmnlint" / "bin" / "bpmnlint.js"), str(LEFT)], lint)
    cmds["bpmn-moddle read"] = (["node", str(_node.script(differ, "read.mjs", MODDLE_READ)), str(LEFT)], differ)
    cmds["bpmn-js-differ"] = (["node", str(_node.script(differ, "differ.mjs", DIFFER)), str(LEFT), str(RIGHT)],
                              differ)
    return cmds, notes


def importtime(args: list[str], top: int) -> list[tuple[int, str]]:
    """The ``top`` biggest first-level imports (cumulative µs) of one vollzug call."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, "-X", "importtime", *VOLLZUG[1:], *args], capture_output=True, text=True,
                          env=env, check=False)
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self, cumulative, name = line.removeprefix("import time:").split("|")
        if not name.startswith(" ") or name.startswith("  "):  # first level: one space after the bar
            continue
        rows.append((int(cumulative), name.strip()))
    total = sum(c for c, _ in rows)
    return [(total, "(all imports)"), *sorted(rows, reverse=True)[:top]]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--runs", type=int, default=15, help="runs per command (median counts)")
    parser.add_argument("--no-node", action="store_true", help="vollzug and python only")
    parser.add_argument("--importtime", action="store_true", help="show the biggest imports per vollzug command")
    parser.add_argument("--smoke", action="store_true", help="one run per command, no warm-up (CI)")
    args = parser.parse_args(argv)
    if not LEFT.is_file():
        print(f"bench_startup: skipped, {LEFT} not found (set VOLLZUG_CORPORA)")
        return 0
    runs = 1 if args.smoke else max(1, args.runs)
    cmds, notes = commands(not args.no_node)
    times: dict[str, list[float]] = {label: [] for label in cmds}
    codes: dict[str, set[int]] = {label: set() for label in cmds}
    for cmd, cwd in cmds.values() if not args.smoke else ():  # warm the caches, not counted
        cpu_of(cmd, cwd)
    for _ in range(runs):
        for label, (cmd, cwd) in cmds.items():
            cpu, code = cpu_of(cmd, cwd)
            times[label].append(cpu)
            codes[label].add(code)
    print(f"# bench_startup {time.strftime('%Y-%m-%d %H:%M')} — {platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, load {os.getloadavg()[0]:.1f}; {LEFT.name} ({LEFT.stat().st_size} B)"
          f" / {RIGHT.name}; median CPU of {runs} runs")
    base_py = statistics.median(times["python -c pass"])
    base_node = statistics.median(times["node -e 0"]) if "node -e 0" in times else None
    print("| command | CPU ms | × python -c pass | × node -e 0 | exit |")
    print("|---|---:|---:|---:|---|")
    broken = []
    for label, values in times.items():
        med = statistics.median(values)
        vs_node = f"{med / base_node:.1f}" if base_node else "–"
        print(f"| {label} | {med * 1000:.0f} | {med / base_py:.1f} | {vs_node} | "
              f"{','.join(map(str, sorted(codes[label])))} |")
        if codes[label] - {0, 1}:
            broken.append(label)
    for note in notes:
        print(f"note: {note}")
    if args.importtime:
        for sub in (["validate", str(LEFT)], ["check", str(LEFT)], ["diff", str(LEFT), str(RIGHT)]):
            print(f"\nimports of vollzug {sub[0]} (cumulative ms, first level):")
            for micro, name in importtime(sub, 8):
                print(f"  {micro / 1000:7.1f}  {name}")
    if broken:
        print(f"ERROR: exit code other than 0/1 from: {', '.join(broken)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
