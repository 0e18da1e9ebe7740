"""Identity: ``diff X X`` is equal (no entries) in every match mode for every file the reader accepts.

Usage: ``python tests/conformance/identity.py DIR`` (DIR = the shared corpora folder). Diffs every MIWG file
(``DIR/miwg/**/*.bpmn``) and every shipped model (``models/**/*.yaml``) against itself with ``--match id`` and
``--match auto``. Files the reader refuses with a clear error are counted apart. Prints per mode: files, equal,
not equal (with the first entries), refused, crashes. Exit 1 if any accepted file is not equal to itself or any diff
crashes; exit 2 if DIR/miwg is missing.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

from vollzug.diff import DiffOptions, diff_sides, load_side  # noqa: E402
from vollzug.diff.changes import DiffResult  # noqa: E402
from vollzug.errors import VollzugError  # noqa: E402

MODES = ("id", "auto")


def files(corpus: Path) -> list[Path]:
    """Every MIWG BPMN file and every shipped model."""
    models = sorted(p for p in (ROOT / "models").rglob("*.yaml") if p.parent != ROOT / "models")
    return sorted((corpus / "miwg").rglob("*.bpmn")) + models


def entries(result: DiffResult) -> list[str]:
    """A short description of what makes a diff unequal."""
    out = [f"removed {e.id}" for e in result.removed] + [f"added {e.id}" for e in result.added]
    out += [f"changed {c.id} ({', '.join(a.path for a in c.attrs)})" for c in result.changed]
    out += [f"layout {e.id}" for e in result.layout_changed]
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python tests/conformance/identity.py DIR", file=sys.stderr)
        return 2
    corpus = Path(argv[0])
    if not (corpus / "miwg").is_dir():
        print(f"ERROR: '{corpus / 'miwg'}' not found", file=sys.stderr)
        return 2
    worst = 0
    paths = files(corpus)
    for mode in MODES:
        equal = refused = crashes = 0
        notes: list[str] = []
        for path in paths:
            try:
                side = load_side(path)
                result = diff_sides(side, side, DiffOptions(match=mode))  # type: ignore[arg-type]
            except VollzugError:
                refused += 1
                continue
            except Exception:
                crashes += 1
                notes.append(f"  CRASH {path}\n{traceback.format_exc()}")
                continue
            found = entries(result)
            if result.equal and not found:
                equal += 1
            else:
                notes.append(f"  not equal: {path}: {'; '.join(found[:4])}{' …' if len(found) > 4 else ''}")
        accepted = len(paths) - refused
        print(f"--match {mode}: {len(paths)} files, {equal}/{accepted} accepted files equal to themselves, "
              f"{refused} refused, {crashes} crashes")
        for note in notes:
            print(note)
        if equal != accepted or crashes:
            worst = 1
    return worst


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
