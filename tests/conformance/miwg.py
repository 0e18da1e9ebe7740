"""Conformance of the BPMN layer with the BPMN MIWG test suite files.

Usage: ``python tests/conformance/miwg.py DIR`` where ``DIR/miwg/<tool>/*.bpmn`` exist (the shared corpora).

For every file: safe read into a BpmnDocument, build the OperationalModel, write it back and compare canonically.
Prints per tool folder: files, read OK, lossless, reader warnings, errors (files refused with a clear VollzugError,
e.g. not well-formed or wrong encoding), crashes (any other exception). Exit 1 on any crash or if fewer than 99 % of
the well-formed files round-trip losslessly; exit 2 if the folder is missing.
"""

from __future__ import annotations

import sys
import traceback
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

from vollzug.bpmn.document import read_bpmn  # noqa: E402
from vollzug.bpmn.roundtrip import is_lossless  # noqa: E402
from vollzug.bpmn.to_model import model_from_document  # noqa: E402
from vollzug.bpmn.writer import write_bpmn  # noqa: E402
from vollzug.errors import NotXmlError, VollzugError  # noqa: E402

COLUMNS = ("files", "read_ok", "lossless", "warnings", "errors", "crashes")
THRESHOLD = 0.99


def check_file(path: Path, counts: dict[str, int], notes: list[str]) -> None:
    """Read, model, write and compare one file, counting into ``counts``."""
    counts["files"] += 1
    try:
        doc = read_bpmn(path)
        model_from_document(doc)
        _ = doc.shapes
    except NotXmlError as exc:
        counts["errors"] += 1
        counts["not_well_formed"] += 1
        notes.append(f"  error: {exc}")
        return
    except VollzugError as exc:
        counts["errors"] += 1
        notes.append(f"  error: {exc}")
        return
    except Exception:
        counts["crashes"] += 1
        notes.append(f"  CRASH: {path}\n{traceback.format_exc()}")
        return
    counts["read_ok"] += 1
    counts["warnings"] += len(doc.diagnostics)
    ok, diff = is_lossless(path.read_bytes(), write_bpmn(doc))
    if ok:
        counts["lossless"] += 1
    else:
        notes.append(f"  not lossless: {path}: {diff}")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    corpus = Path(argv[0]) / "miwg"
    if not corpus.is_dir():
        print(f"ERROR: {corpus} not found (expected DIR/miwg/<tool>/*.bpmn)", file=sys.stderr)
        return 2
    per_tool: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    notes: list[str] = []
    for path in sorted(corpus.rglob("*.bpmn")):
        tool = path.relative_to(corpus).parts[0] if len(path.relative_to(corpus).parts) > 1 else "."
        check_file(path, per_tool[tool], notes)
    width = max((len(t) for t in per_tool), default=10)
    print(f"{'tool':<{width}}  " + "  ".join(f"{c:>8}" for c in COLUMNS))
    total: dict[str, int] = defaultdict(int)
    for tool, counts in sorted(per_tool.items()):
        print(f"{tool:<{width}}  " + "  ".join(f"{counts[c]:>8}" for c in COLUMNS))
        for key, value in counts.items():
            total[key] += value
    print(f"{'TOTAL':<{width}}  " + "  ".join(f"{total[c]:>8}" for c in COLUMNS))
    for note in notes:
        print(note)
    well_formed = total["files"] - total["not_well_formed"]
    share = total["lossless"] / well_formed if well_formed else 1.0
    print(f"lossless: {total['lossless']}/{well_formed} well-formed files ({share:.1%}); "
          f"not well-formed (clear error): {total['not_well_formed']}; crashes: {total['crashes']}")
    if total["crashes"] or share < THRESHOLD:
        print("FAIL: crash or lossless share below 99 %", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
