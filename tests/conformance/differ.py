"""Conformance of ``vollzug diff --match id`` with bpmn-js-differ's own test expectations.

Usage: ``python tests/conformance/differ.py DIR`` where ``DIR/bpmn-js-differ/expected.json`` and the fixtures exist.

For every case of the spec we diff the fixture pair by id and print, per result map (added, removed, changed,
layout-changed), which expected ids we found, which we missed and which extra ids we report. Exit code 1 unless every
expected id of every default-handler case is found and, on the lanes fixture, the lane change bpmn-js-differ does not
report is reported by us. Cases run with a *custom* ChangeHandler in bpmn-js-differ's spec (tracking data objects or
every moddle element with synthetic ids) are shown for information only.

Value direction: bpmn-js-differ 3.2.0 swaps old/new for modified single-valued properties (see the ``semantics``
block of expected.json); we compare attribute values against ``fixture_truth`` (before file = our left,
after file = our right), not against the swapped asserted values.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

MAPS = {"added": "added", "removed": "removed", "changed": "changed", "layoutChanged": "layout_changed"}
PATH_ALIASES = {"laneSets[": "laneSet["}
"""bpmn-js-differ property names that our generic XML paths spell as the element name."""


def _ours(result: Any) -> dict[str, set[str]]:
    return {key: {e.id for e in getattr(result, attr)} for key, attr in MAPS.items()}


def _norm(value: Any) -> Any:
    """``bpmn:ServiceTask`` → ``serviceTask`` (our ``$type`` is the local element name)."""
    if isinstance(value, str) and value.startswith("bpmn:"):
        local = value[5:]
        return local[:1].lower() + local[1:]
    return value


def _attr_notes(case: dict[str, Any], result: Any) -> list[str]:
    notes: list[str] = []
    changed = {c.id: {a.path: a for a in c.attrs} for c in result.changed}
    truth = case.get("fixture_truth", {})
    for element, spec in case["expected"].get("changed_attrs", {}).items():
        ours = changed.get(element, {})
        keys = list(spec.get("value", {})) or spec.get("keys", [])
        for key in keys:
            path = key
            for old, new in PATH_ALIASES.items():
                path = path.replace(old, new)
            found = ours.get(path)
            nested = sorted(p for p in ours if p.startswith(path + "/"))
            if found is None and nested:
                notes.append(f"    attr {element}.{key}: reported as {', '.join(nested)}")
                continue
            if found is None:
                notes.append(f"    attr {element}.{key}: NOT reported")
                continue
            facts = truth.get(element, {}).get(key)
            if facts:
                files = (_norm(facts["before_file"]), _norm(facts["after_file"]))
                ok = (_norm(found.left), _norm(found.right)) == files
                notes.append(f"    attr {element}.{key}: {found.left!r} → {found.right!r} "
                             f"({'matches the files' if ok else 'DIFFERS from the files'}; spec asserts swapped)")
            else:
                notes.append(f"    attr {element}.{key}: reported ({found.left!r} → {found.right!r})")
    return notes


def run(root: Path) -> int:
    """Run every case; return the exit code."""
    from vollzug.diff import DiffOptions, diff_files

    base = root / "bpmn-js-differ"
    spec = json.loads((base / "expected.json").read_text(encoding="utf-8"))
    failures = 0
    total_expected = total_found = total_extra = 0
    for case in spec["cases"]:
        result = diff_files(base / case["before"], base / case["after"], DiffOptions(match="id"))
        ours = _ours(result)
        gating = case["handler"] == "default" or not case["handler"].startswith("CUSTOM")
        lines: list[str] = []
        ok = True
        for key in MAPS:
            expected = set(case["expected"][key].get("ids") or [])
            found, missed, extra = expected & ours[key], expected - ours[key], ours[key] - expected
            if gating:
                total_expected += len(expected)
                total_found += len(found)
                total_extra += len(extra)
            ok = ok and not missed
            if expected or extra:
                lines.append(f"    {key}: found {len(found)}/{len(expected)}"
                             + (f", missed {sorted(missed)}" if missed else "")
                             + (f", extra {sorted(extra)}" if extra else ""))
        if "lanes/" in case["before"]:
            lane_ids = {e.id for e in (*result.added, *result.removed) if e.type == "lane"}
            lane_ids |= {c.id for c in result.changed if any(a.path == "lane" for a in c.attrs)}
            lines.append(f"    lane change beyond bpmn-js-differ: {sorted(lane_ids) or 'NONE'}")
            ok = ok and bool(lane_ids)
        lines += _attr_notes(case, result)
        status = "ok" if ok else ("FAIL" if gating else "info (custom handler, not comparable)")
        if not ok and gating:
            failures += 1
        print(f"[{case['n']:>2}] {status:<5} {case['suite'].split(' > ')[-1]} / {case['name']}")
        print("\n".join(lines) if lines else "    (nothing expected, nothing reported)")
    print(f"\nexpected ids found: {total_found}/{total_expected}; extra ids reported: {total_extra}; "
          f"failing cases: {failures}")
    return 1 if failures else 0


def main(argv: list[str]) -> int:
    """Entry point."""
    if len(argv) != 2 or not (Path(argv[1]) / "bpmn-js-differ" / "expected.json").is_file():
        print("usage: differ.py DIR   (DIR/bpmn-js-differ/expected.json must exist)", file=sys.stderr)
        return 2
    return run(Path(argv[1]))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
