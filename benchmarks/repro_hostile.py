"""The hostile-input reproducers of issue 12, run through the real CLI, with the outcome of each.

Usage: ``python benchmarks/repro_hostile.py [--src DIR]`` — ``--src`` as in ``bench_hostile.py`` (an export of
another commit gives the "before" column; its ``rules`` folder beside ``src`` is used). Each command runs in a
child with 2 GB of address space and 30 s of wall time; the outcome is the exit code and the last line of stderr,
or "hang" / "killed at cap". Inputs are generated in a temporary folder. Figures for ``docs/trust-hostile.md``.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOLL = ROOT / "models" / "soll" / "wpg-kreis-steinfurt.yaml"
FIXTURE = ROOT / "tests" / "fixtures" / "bpmn" / "all-elements.bpmn"
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8))
BPMN_HEAD = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x">'


def _cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))


def run(src: Path, rules: Path, args: list[str], cwd: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(src), "VOLLZUG_RULES_DIR": str(rules)}
    try:
        done = subprocess.run([sys.executable, "-m", "vollzug", *args], capture_output=True, text=True, timeout=30,
                              cwd=cwd, env=env, preexec_fn=_cap, check=False)
    except subprocess.TimeoutExpired:
        return "hang (killed after 30 s)"
    last = (done.stderr.strip().splitlines() or done.stdout.strip().splitlines()[-1:] or [""])[-1]
    if "MemoryError" in done.stderr or "too large" in last or done.returncode in (-9, 137):
        return f"exit {done.returncode}: killed at cap (2 GB) / {last[:90]}"
    return f"exit {done.returncode}: {last[:150]}"


def model_with(tmp: Path, name: str, old: str, new: str) -> Path:
    path = tmp / name
    path.write_text(SOLL.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return path


def cases(tmp: Path, rules: Path) -> list[tuple[str, list[str], Path]]:
    out: list[tuple[str, list[str], Path]] = []
    deep = tmp / "a" / "b"
    deep.mkdir(parents=True)
    ref = model_with(deep, "ref.yaml", "\nlaw: WPG", "\nlaw: ../../x")
    town = model_with(deep, "town.yaml", "\nlaw: WPG", "\nlaw: ../../x")
    out.append(("1 law ../../x: report CSV outside -o", ["report", "-r", str(ref), "-o", str(deep / "out"),
                                                         "--format", "csv", "-q", str(town)], deep))
    evil = tmp / "evil.yaml"  # any file a model names: here a catalogue, to show that it is read
    shutil.copy(rules / "fzv" / "catalogue.yaml", evil)
    out.append(("1 law: <path> opens that file", ["check", str(model_with(tmp, "path.yaml", "\nlaw: WPG",
                                                                            f"\nlaw: {evil}"))], tmp))
    slash = model_with(tmp, "slash.yaml", "\nlaw: WPG", "\nlaw: A/B")
    out.append(("1 '/' in law id: xlsx", ["report", "-r", str(slash), "-o", str(tmp / "xl"), "--format", "xlsx",
                                          "-q", str(slash)], tmp))
    (rules / "bomb").mkdir()
    (rules / "bomb" / "catalogue.yaml").write_text("id: BOMB\n" + LAUGHS, encoding="utf-8")
    out.append(("2 catalogue alias bomb via law:", ["check", str(model_with(tmp, "bomb.yaml", "\nlaw: WPG",
                                                                             "\nlaw: BOMB"))], tmp))
    dup = rules / "wpg" / "catalogue.yaml"
    dup.write_text(dup.read_text(encoding="utf-8") + "title: Zweiter Titel\n", encoding="utf-8")
    out.append(("2 duplicate key in catalogue", ["law", "show", "WPG"], tmp))
    fzv = rules / "fzv" / "catalogue.yaml"
    fzv.write_text(re.sub(r"(?m)^title:.*$", "title: !!binary SGFsbG8=", fzv.read_text(encoding="utf-8"), count=1),
                   encoding="utf-8")
    out.append(("2 !!binary in catalogue", ["law", "show", "FZV"], tmp))
    out.append(("2 invalid YAML date", ["check", str(model_with(tmp, "date.yaml", "\nlaw:",
                                                                "\nvalid_from: 2025-02-30\nlaw:"))], tmp))
    out.append(("2 bad !!int tag", ["check", str(model_with(tmp, "int.yaml", "\nlaw:", "\nsynthetic: !!int x\nlaw:"))],
                tmp))
    ctrl = tmp / "ctrl.yaml"
    ctrl.write_text(re.sub(r"(?m)^title:.*$", lambda _m: 'title: "Kreis\\x01"', SOLL.read_text(encoding="utf-8"),
                           count=1),
                    encoding="utf-8")
    out.append(("2 C0 character: build", ["build", str(ctrl), "-o", str(tmp / "ctrl.bpmn")], tmp))
    fifo = tmp / "fifo"
    os.mkfifo(fifo)
    u16 = tmp / "u16.bpmn"
    u16.write_bytes(('<?xml version="1.0" encoding="UTF-16"?>\n'
                     f'<!DOCTYPE d SYSTEM "file://{fifo}">\n{BPMN_HEAD}</bpmn:definitions>').encode("utf-16"))
    out.append(("3 UTF-16 DOCTYPE naming a FIFO", ["validate", str(u16)], tmp))
    many = tmp / "many.bpmn"
    many.write_bytes(BPMN_HEAD.encode() + b"<b/>" * 12_000_000 + b"</bpmn:definitions>")
    out.append(("4 48 MB BPMN, 12M elements", ["validate", str(many)], tmp))
    head = b'<?xml version="1.0"?>\n<log xmlns="http://www.xes-standard.org/">\n'
    ev = (b'<event><string key="concept:name" value="a"/>'
          b'<date key="time:timestamp" value="2024-01-01T00:00:00"/></event>')
    nocase = tmp / "nocase.xes"
    nocase.write_bytes(head + b"<trace>" + ev + b"</trace></log>")
    out.append(("5 XES without case id", ["mine", "discover", str(nocase), "-o", str(tmp / "m1.yaml")], tmp))
    notime = tmp / "notime.xes.gz"
    notime.write_bytes(gzip.compress(head + b'<trace><string key="concept:name" value="c"/>'
                                     b'<event><string key="concept:name" value="a"/></event></trace></log>'))
    out.append(("5 XES without timestamps", ["mine", "discover", str(notime), "-o", str(tmp / "m2.yaml")], tmp))
    coords = tmp / "coords.bpmn"
    coords.write_text(FIXTURE.read_text(encoding="utf-8").replace('x="', 'x="abc', 3), encoding="utf-8")
    out.append(("7 non-numeric DI coordinates: diff", ["diff", str(coords), str(FIXTURE)], tmp))
    towns = tmp / "towns"
    (towns / "a").mkdir(parents=True)
    shutil.copy(SOLL, towns / "a" / "wpg.yaml")
    (towns / "a" / "loop.yaml").symlink_to(towns / "a" / "loop.yaml")
    out.append(("7 symlink loop in a town folder", ["check", str(towns)], tmp))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="src folder to run (default: this one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="repro-hostile-") as name:
        tmp = Path(name)
        rules = tmp / "rules"
        shutil.copytree(args.src.parent / "rules", rules)
        for title, argv, cwd in cases(tmp, rules):
            outcome = run(args.src, rules, argv, cwd)
            if title.startswith("1 law ../../x"):
                stray = [str(p.relative_to(tmp)) for p in tmp.rglob("*.csv") if "out" not in p.parts]
                outcome += f" | CSVs outside -o: {stray or 'none'}"
            print(f"{title:<40} {outcome}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
