"""Speed of ``vollzug reference``: merge N synthetic towns (``vollzug synth``) into one reference process.

    python benchmarks/bench_reference.py             # 12, 100 and 396 towns
    python benchmarks/bench_reference.py --towns 396
    python benchmarks/bench_reference.py --smoke     # 6 towns (CI)

Prints wall and CPU seconds of the merge (in process, models already loaded) and of the whole command (own process,
with loading and writing), and the number of reference steps.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from vollzug.loader import iter_model_files, load_model
from vollzug.reference.merge import merge

ROOT = Path(__file__).resolve().parents[1]
SOLL = ROOT / "models" / "soll" / "wpg-kreis-steinfurt.yaml"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--towns", default="12,100,396", help="comma-separated town counts")
    parser.add_argument("--smoke", action="store_true", help="6 towns only")
    args = parser.parse_args(argv)
    counts = [6] if args.smoke else [int(n) for n in args.towns.split(",")]
    print(f"# bench_reference {time.strftime('%Y-%m-%d %H:%M')}")
    print("| towns | merge wall s | merge CPU s | command CPU s | reference steps |\n|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in counts:
            folder = Path(tmp, f"t{n}")
            subprocess.run([sys.executable, "-m", "vollzug", "synth", "--towns", str(n), "--from", str(SOLL), "-o",
                            str(folder)], check=True, capture_output=True)
            models = [(f.parent.name, load_model(f).model) for f in iter_model_files([folder])]
            wall, cpu = time.perf_counter(), time.process_time()
            clusters = merge(models)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            proc = subprocess.Popen([sys.executable, "-m", "vollzug", "reference", str(folder), "-o",
                                     str(Path(tmp, f"ref{n}.bpmn"))], stdout=subprocess.DEVNULL)
            _, _, usage = os.wait4(proc.pid, 0)
            print(f"| {n} | {wall:.2f} | {cpu:.2f} | {usage.ru_utime + usage.ru_stime:.2f} | {len(clusters)} |",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
