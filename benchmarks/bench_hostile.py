"""Hostile large inputs (issue 12): peak memory and time, each case in a capped child process.

Usage::

    python benchmarks/bench_hostile.py [--src DIR] [--smoke] [--cases a,b] [--json]

``--src`` is the ``src`` folder to measure (default: this checkout's); point it at an export of another commit
to get "before" figures (``git archive db626f3 src | tar -x -C /tmp/base``, then ``--src /tmp/base/src``).
Cases (all inputs generated in a temporary folder; nothing large is written decompressed):

* ``tasks100k``  – a BPMN with 100 000 tasks, read into the domain model;
* ``attrs64k``   – one task with 64 000 attributes, read into the domain model;
* ``logbomb``    – a 10 GiB (decompressed) ``.xes.gz`` of events, ~10 MB on disk, read by ``read_log``;
* ``zerobomb``   – an XES header followed by 10 GiB of zero bytes through gzip, read by ``read_log``;
* ``labels100k`` – ``diff`` of two models whose only task has a 100 kB label (fixed by the matching work;
  measured here only).

Each child runs under ``RLIMIT_AS`` = 3 GB and 60 s of wall time (``--smoke``: smaller inputs, 20 s); a child
over a cap is reported as "killed at cap". Peak memory is the child's maximum resident set size. Figures only;
no assertion.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MEMORY_CAP = 3 * 1024**3
TIME_CAP = 60.0
MiB = 1024 * 1024
NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"'
XES_HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0" xmlns="http://www.xes-standard.org/">\n'


def bpmn(body: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions {NS} id="D" targetNamespace="x">'
            f'<bpmn:process id="P">{body}</bpmn:process></bpmn:definitions>\n')


def make_tasks(folder: Path, smoke: bool) -> list[Path]:
    n = 10_000 if smoke else 100_000
    body = "".join(f'<bpmn:task id="T{i}" name="Aufgabe {i}"/>' for i in range(n))
    path = folder / "tasks.bpmn"
    path.write_text(bpmn(body), encoding="utf-8")
    return [path]


def make_attrs(folder: Path, smoke: bool) -> list[Path]:
    n = 8_000 if smoke else 64_000
    path = folder / "attrs.bpmn"
    path.write_text(bpmn('<bpmn:task id="T" ' + " ".join(f'a{i}="v"' for i in range(n)) + "/>"), encoding="utf-8")
    return [path]


def gzip_members(path: Path, head: bytes, filler: bytes, total: int, tail: bytes) -> Path:
    chunk = filler * (4 * MiB // len(filler))
    member = gzip.compress(chunk, compresslevel=9)
    with path.open("wb") as out:
        out.write(gzip.compress(head))
        for _ in range(total // len(chunk)):
            out.write(member)
        out.write(gzip.compress(tail))
    return path


def make_logbomb(folder: Path, smoke: bool) -> list[Path]:
    event = (b'<event><string key="concept:name" value="a"/>'
             b'<date key="time:timestamp" value="2024-01-01T00:00:00+01:00"/></event>\n')
    total = (1 if smoke else 10) * 1024 * MiB
    head = XES_HEAD + b'<trace><string key="concept:name" value="c"/>\n'
    return [gzip_members(folder / "bomb.xes.gz", head, event, total, b"</trace></log>\n")]


def make_zerobomb(folder: Path, smoke: bool) -> list[Path]:
    total = (1 if smoke else 10) * 1024 * MiB
    return [gzip_members(folder / "zeros.xes.gz", XES_HEAD, b"\0" * 4096, total, b"</log>\n")]


def make_labels(folder: Path, smoke: bool) -> list[Path]:
    size = 10_000 if smoke else 100_000
    rng = random.Random(12)
    words = ["Wärmeplan", "Bestand", "Analyse", "Netz", "Gemeinde", "Beteiligung", "Prüfung", "Bericht"]
    paths = []
    for side in ("a", "b"):
        label = ""
        while len(label) < size:
            label += rng.choice(words) + " "
        path = folder / f"label-{side}.bpmn"
        path.write_text(bpmn(f'<bpmn:task id="T_{side}" name="{label[:size]}"/>'), encoding="utf-8")
        paths.append(path)
    return paths


CASES = {
    "tasks100k": (make_tasks, "from vollzug.loader import load_model\nload_model(ARGS[0])"),
    "attrs64k": (make_attrs, "from vollzug.loader import load_model\nload_model(ARGS[0])"),
    "logbomb": (make_logbomb, "from vollzug.mining.log import read_log\nread_log(ARGS[0])"),
    "zerobomb": (make_zerobomb, "from vollzug.mining.log import read_log\nread_log(ARGS[0])"),
    "labels100k": (make_labels, "from vollzug.diff.engine import diff_files\ndiff_files(ARGS[0], ARGS[1])"),
}

CHILD = """
import sys
ARGS = sys.argv[1:]
try:
{body}
    print("RESULT ok")
except Exception as exc:
    from vollzug.errors import VollzugError
    kind = "clean error" if isinstance(exc, VollzugError) else "crash " + type(exc).__name__
    print("RESULT " + kind + ": " + " ".join(str(exc).split())[:160])
"""


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_case(name: str, src: Path, folder: Path, smoke: bool) -> dict[str, object]:
    make, body = CASES[name]
    paths = make(folder, smoke)
    code = CHILD.format(body=textwrap.indent(body, "    "))
    env = {**os.environ, "PYTHONPATH": str(src)}
    cap = TIME_CAP / 3 if smoke else TIME_CAP
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, *map(str, paths)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env, preexec_fn=_limits, text=True)
    killed = ""
    try:
        out, err = child.communicate(timeout=cap)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate()
        killed = f"killed at cap ({cap:.0f} s)"
    elapsed = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest child so far (KiB)
    result = next((line[7:] for line in out.splitlines() if line.startswith("RESULT ")), "")
    if not killed and not result:
        memory = "MemoryError" in err or child.returncode in (-9, 137) or "Cannot allocate" in err
        killed = "killed at cap (3 GB)" if memory else f"died: {err.strip().splitlines()[-1:]}"
    for path in paths:
        path.unlink()
    return {"case": name, "seconds": round(elapsed, 1), "peak_mb": round(peak_kib / 1024),
            "outcome": killed or result}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="src folder to measure (default: this one)")
    parser.add_argument("--smoke", action="store_true", help="small inputs, 20 s cap (a quick check that it runs)")
    parser.add_argument("--cases", default=",".join(CASES), help=f"comma-separated subset of {', '.join(CASES)}")
    parser.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    args = parser.parse_args()
    names = [n.strip() for n in args.cases.split(",") if n.strip()]
    unknown = [n for n in names if n not in CASES]
    if unknown:
        parser.error(f"unknown case(s): {', '.join(unknown)}")
    print(f"src: {args.src}  caps: 3 GB address space, {TIME_CAP / 3 if args.smoke else TIME_CAP:.0f} s wall")
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        for name in names:
            # peak RSS is per process tree: each case gets its own fresh measuring process
            row = json.loads(subprocess.run(
                [sys.executable, __file__, "--_one", name, "--src", str(args.src), "--_tmp", tmp,
                 *(["--smoke"] if args.smoke else [])], capture_output=True, text=True, check=True).stdout)
            if args.json:
                print(json.dumps(row, ensure_ascii=False))
            else:
                print(f"{row['case']:<11} {row['seconds']:>7.1f} s {row['peak_mb']:>7} MB  {row['outcome']}")
    return 0


def one() -> int:
    """Internal: run one case in this (fresh) process and print its row as JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--_one")
    parser.add_argument("--src", type=Path)
    parser.add_argument("--_tmp", type=Path)
    parser.add_argument("--smoke", action="store_true")
    args = parser.parse_args()
    print(json.dumps(run_case(args._one, args.src, args._tmp, args.smoke)))
    return 0


if __name__ == "__main__":
    sys.exit(one() if "--_one" in sys.argv else main())
