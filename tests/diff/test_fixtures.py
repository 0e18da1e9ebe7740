"""One driver for every fixture case in tests/fixtures/diff/<case>/{left,right}.* + expected.yaml."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.diff.diffcase import FIXTURES, case_files
from vollzug.diff import DiffOptions, DiffResult, diff_files

CASES = sorted(p for p in FIXTURES.iterdir() if (p / "expected.yaml").is_file())


def _check(result: DiffResult, expected: dict[str, Any]) -> None:
    checks: dict[str, tuple[Any, Any]] = {}
    if "equal" in expected:
        checks["equal"] = (result.equal, expected["equal"])
    for key in ("added", "removed", "layout_changed"):
        if key in expected:
            checks[key] = (sorted(e.id for e in getattr(result, key)), sorted(expected[key]))
    if "changed" in expected:
        got = {c.id: sorted(a.path for a in c.attrs) for c in result.changed}
        checks["changed"] = (got, {k: sorted(v) for k, v in expected["changed"].items()})
    if "responsibility_shifts" in expected:
        shifts = sorted(s.id for s in result.responsibility_shifts)
        checks["shifts"] = (shifts, sorted(expected["responsibility_shifts"]))
    if "reconnected" in expected:
        checks["reconnected"] = (sorted(r.id for r in result.reconnected), sorted(expected["reconnected"]))
    if "resource_deltas" in expected:
        got_r = sorted([d.step, d.kind, d.measure, pytest.approx(d.delta)] for d in result.resource_deltas)
        checks["resources"] = (got_r, sorted(expected["resource_deltas"]))
    for key, value in expected.get("totals", {}).items():
        got_t = getattr(result.resource_totals, key)
        checks[f"totals.{key}"] = (list(got_t) if isinstance(got_t, tuple) else got_t, value)
    if "behaviour" in expected:
        got_b = sorted([b.right_a, b.right_b, b.left_relation, b.right_relation] for b in result.behaviour_deltas)
        checks["behaviour"] = (got_b, sorted(expected["behaviour"]))
    if "domain" in expected:
        got_d = sorted([d.kind, d.change, d.element, d.subject] for d in result.domain_deltas)
        checks["domain"] = (got_d, sorted(expected["domain"]))
    if "matches" in expected:
        got_m = {m.left: m.right for m in result.matches if m.kind == "one_to_one"}
        checks["matches"] = (got_m, expected["matches"])
    if "all_pairs" in expected:
        checks["all_pairs"] = (sorted([m.left, m.right] for m in result.matches), sorted(expected["all_pairs"]))
    if "kinds" in expected:
        kinds = Counter(m.kind for m in result.matches if m.kind != "one_to_one")
        checks["kinds"] = (dict(kinds), expected["kinds"])
    for key in ("unmatched_left", "unmatched_right"):
        if key in expected:
            checks[key] = (list(getattr(result, key)), sorted(expected[key]))
    failed = {k: v for k, v in checks.items() if v[0] != v[1]}
    assert not failed, "\n".join(f"{k}: got {g!r}, expected {e!r}" for k, (g, e) in failed.items())
    assert checks, "expected.yaml asserts nothing"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fixture_case(case: Path) -> None:
    expected = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))
    left, right = case_files(case)
    result = diff_files(left, right, DiffOptions(match=expected.get("match", "auto"),
                                                 extensions=expected.get("extensions", "fold")))
    _check(result, expected)


def test_there_are_cases() -> None:
    assert len(CASES) >= 8


def test_two_towns_drawn_apart_no_layout_diff_and_deadlines_follow_the_matching() -> None:
    """Rheine and Greven share lane and pool ids (``rat``, ``presse``, ``lanuv`` …) but are two drawings: no layout
    changes between them. The LANUV report deadline ("3 months after the update") refers to each town's own update
    step; through the matching it is the same deadline, not one dropped and one added."""
    root = Path(__file__).resolve().parents[2]
    result = diff_files(root / "models/ist/rheine/wpg.bpmn", root / "models/ist/greven/wpg.bpmn")
    assert result.layout_changed == ()
    assert result.matches and not result.equal
    deadline_changes = [d for d in result.domain_deltas if d.kind == "deadline"]
    assert not [d for d in deadline_changes if "P3M" in d.subject], deadline_changes
    assert any(m.left == "bericht_lanuv" and m.right == "Activity_ijslvzu" for m in result.matches)
