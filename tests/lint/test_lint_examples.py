"""The rules on the example models: every planted gap of ``models/expected-gaps.yaml`` is found, and the Kreis
reference SOLL has no error or warning."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
import yaml

from tests.lint.lintcase import REPO
from vollzug.lint.engine import Engine
from vollzug.lint.finding import Finding
from vollzug.loader import load_model

GAPS_FILE = REPO / "models" / "expected-gaps.yaml"


@cache
def findings_of(rel: str) -> tuple[tuple[Finding, ...], dict[str, tuple[str, ...]]]:
    """Findings of one example model (default configuration) and the obligations of its steps."""
    loaded = load_model(REPO / rel)
    result = Engine().check_loaded(loaded, rel)
    return result.findings, {s.id: s.obligations for s in loaded.model.steps}


def _gaps() -> list[Any]:
    if not GAPS_FILE.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason="models/expected-gaps.yaml not present"))]
    gaps = yaml.safe_load(GAPS_FILE.read_text(encoding="utf-8"))["gaps"]
    return [pytest.param(g, id=f"{g['model']}:{g.get('element')}:{g['gap']}") for g in gaps]


@pytest.mark.parametrize("gap", _gaps())
def test_planted_gap_is_found(gap: dict[str, Any]) -> None:
    findings, obligations = findings_of(gap["model"])
    candidates = [f for f in findings if f.gap == gap["gap"] and not f.suppressed]
    element, obligation = gap.get("element"), gap.get("obligation")

    def matches(f: Finding) -> bool:
        if element is None or f.element == element:
            return True
        # a finding about the planted obligation at another of its steps (e.g. the path's last step)
        return bool(obligation) and obligation in obligations.get(f.element or "", ()) and obligation in f.message.de

    assert any(matches(f) for f in candidates), (
        f"planted gap not found: {gap}\nfindings with {gap['gap']}: "
        f"{[(f.code, f.element, f.message.de) for f in candidates]}")


@pytest.mark.parametrize("rel", ["models/soll/wpg-kreis-steinfurt.yaml", "models/soll/fzv-ikfz.yaml"])
def test_reference_soll_has_no_error_or_warning(rel: str) -> None:
    if not (REPO / rel).is_file():
        pytest.skip(f"{rel} not present")
    failing = [(f.code, f.element, f.message.de) for f in findings_of(rel)[0] if f.failing]
    assert not failing


@pytest.mark.parametrize("rel", ["models/ist/rheine/wpg", "models/soll/wpg-kreis-steinfurt"])
def test_built_bpmn_gives_the_same_findings_as_its_yaml(rel: str) -> None:
    if not (REPO / f"{rel}.bpmn").is_file():
        pytest.skip("built BPMN not present")
    from_yaml = {(f.code, f.element, f.message.de) for f in findings_of(f"{rel}.yaml")[0]}
    from_bpmn = {(f.code, f.element, f.message.de) for f in findings_of(f"{rel}.bpmn")[0]}
    assert from_bpmn == from_yaml
