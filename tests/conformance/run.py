"""Conformance entry point: ``python tests/conformance/run.py DIR`` (DIR = the shared corpora folder).

Runs ``miwg.py DIR`` (BPMN read/model/round trip), then, if present, ``differ.py DIR`` (diff engine against
bpmn-js-differ's expectations) and ``logs.py DIR`` (process mining on the BPIC 2015 logs). Exit 2 with a message if
DIR or DIR/miwg is missing; otherwise the worst exit code of the scripts run.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ("miwg.py", "differ.py", "identity.py", "logs.py")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python tests/conformance/run.py DIR", file=sys.stderr)
        return 2
    corpus = Path(argv[0])
    if not corpus.is_dir():
        print(f"ERROR: corpus folder '{corpus}' not found", file=sys.stderr)
        return 2
    if not (corpus / "miwg").is_dir():
        print(f"ERROR: '{corpus / 'miwg'}' not found: DIR must hold the MIWG files under miwg/", file=sys.stderr)
        return 2
    worst = 0
    for name in SCRIPTS:
        script = HERE / name
        if not script.exists():
            print(f"== {name}: not present, skipped")
            continue
        print(f"== {name}", flush=True)
        code = subprocess.run([sys.executable, str(script), str(corpus)], check=False).returncode
        print(f"== {name}: exit {code}", flush=True)
        worst = max(worst, code)
    return worst


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
