"""Benchmark of the BPMN layer on the MIWG files, side by side with bare lxml and pm4py.

Usage: python benchmarks/bench_bpmn.py [CORPUS]   (CORPUS defaults to ../shared/corpora; files under CORPUS/miwg)

Per file the best of REPEAT runs is taken (less noise on a shared machine); the table shows the median over files
of (a) bare ``lxml.etree.parse``, (b) vollzug read to BpmnDocument (safe parse + index), (c) read + OperationalModel
(``load_bpmn_model``), (d) write (serialise an unmodified document), (e) ``pm4py.read_bpmn`` (imported lazily, same
files; its failures are counted). Then ``vollzug --help`` wall time against ``python -c pass`` (median of 10 runs;
must stay under 3x). Prints figures only; no assertions except the exit code 1 if the --help ratio is >= 3.
"""

from __future__ import annotations

import contextlib
import io
import os
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lxml import etree  # noqa: E402

from vollzug.bpmn.document import read_bpmn  # noqa: E402
from vollzug.bpmn.to_model import load_bpmn_model  # noqa: E402
from vollzug.bpmn.writer import write_bpmn  # noqa: E402
from vollzug.errors import VollzugError  # noqa: E402

REPEAT = 3
HELP_RUNS = 10


def best_time(func: Callable[[], Any]) -> float:
    """Best wall time of REPEAT calls, in ms."""
    best = float("inf")
    for _ in range(REPEAT):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def bare_parse(path: Path) -> None:
    etree.parse(str(path))  # the baseline on trusted corpus files; vollzug itself always uses safe_xml


def pm4py_reader() -> Callable[[Path], Any]:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        import pm4py  # lazily, and without its banner

    def read(path: Path) -> Any:
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()), \
                contextlib.redirect_stderr(io.StringIO()):
            warnings.simplefilter("ignore")
            return pm4py.read_bpmn(str(path))

    return read


def measure(files: list[Path]) -> None:
    columns: dict[str, list[float]] = {k: [] for k in ("lxml", "read", "read+model", "write", "pm4py")}
    pm4py_read = pm4py_reader()
    pm4py_failures = 0
    ours_failed = lxml_failed = 0
    for path in files:
        try:
            doc = read_bpmn(path)
            load_bpmn_model(path)
        except VollzugError:
            ours_failed += 1
            continue
        try:
            bare_parse(path)
        except etree.XMLSyntaxError:
            lxml_failed += 1  # e.g. namespace names with spaces: vollzug reads them (with a warning), lxml not
            continue
        columns["lxml"].append(best_time(lambda p=path: bare_parse(p)))  # type: ignore[misc]
        columns["read"].append(best_time(lambda p=path: read_bpmn(p)))  # type: ignore[misc]
        columns["read+model"].append(best_time(lambda p=path: load_bpmn_model(p)))  # type: ignore[misc]
        columns["write"].append(best_time(lambda d=doc: write_bpmn(d)))  # type: ignore[misc]
        try:
            pm4py_read(path)
            columns["pm4py"].append(best_time(lambda p=path: pm4py_read(p)))  # type: ignore[misc]
        except Exception:
            pm4py_failures += 1
    compared = len(files) - ours_failed - lxml_failed
    print(f"MIWG files: {len(files)}; refused by vollzug with a clear error: {ours_failed}; read by vollzug but "
          f"not by bare lxml (left out): {lxml_failed}; compared: {compared}; "
          f"pm4py.read_bpmn failures: {pm4py_failures} of {compared}")
    base = statistics.median(columns["lxml"])
    print(f"{'step':<12} {'median ms/file':>15} {'p90 ms':>9} {'x lxml':>8}")
    for name, values in columns.items():
        if not values:
            continue
        med = statistics.median(values)
        p90 = statistics.quantiles(values, n=10)[-1] if len(values) > 1 else med
        print(f"{name:<12} {med:>15.3f} {p90:>9.3f} {med / base:>8.2f}")
    ours = statistics.median(columns["read+model"])
    theirs = statistics.median(columns["pm4py"]) if columns["pm4py"] else float("nan")
    print(f"read+model target <= 1.2 ms/file: {'met' if ours <= 1.2 else 'NOT met'} ({ours:.3f} ms); "
          f"pm4py/vollzug read+model: {theirs / ours:.2f}x")


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return (time.perf_counter() - start) * 1000


def measure_help() -> bool:
    script = Path(sys.executable).with_name("vollzug")
    help_cmd = [str(script), "--help"] if script.exists() else [sys.executable, "-m", "vollzug", "--help"]
    pass_cmd = [sys.executable, "-c", "pass"]
    wall(help_cmd)  # warm the page cache / bytecode
    helps = [wall(help_cmd) for _ in range(HELP_RUNS)]
    passes = [wall(pass_cmd) for _ in range(HELP_RUNS)]
    ratio = statistics.median(helps) / statistics.median(passes)
    print(f"vollzug --help: {statistics.median(helps):.1f} ms; python -c pass: {statistics.median(passes):.1f} ms; "
          f"ratio {ratio:.2f}x (must be < 3x): {'ok' if ratio < 3 else 'TOO SLOW'}")
    return ratio < 3


def load_note() -> str:
    try:
        with open("/proc/loadavg", encoding="ascii") as handle:
            return f"load average {handle.read().split()[0]} on {os.cpu_count()} CPUs"
    except OSError:
        return "load average unknown"


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else ROOT.parent / "shared" / "corpora"
    files = sorted((corpus / "miwg").rglob("*.bpmn"))
    if not files:
        print(f"ERROR: no .bpmn files under {corpus / 'miwg'}", file=sys.stderr)
        return 2
    print(f"({load_note()}; figures scale with machine load)")
    measure(files)
    return 0 if measure_help() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
