"""Shared helpers of the rules-engine tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from vollzug.lint.config import Config
from vollzug.lint.engine import Engine
from vollzug.lint.finding import Finding
from vollzug.lint.registry import all_rules
from vollzug.loader import load_model
from vollzug.model.process import OperationalModel

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "lint"
CASES = FIXTURES / "cases"


def load_cases(path: Path) -> dict[str, Any]:
    """One case file."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def run_case(code: str, case: dict[str, Any]) -> list[Finding]:
    """Run one rule on one case (inline model or ``path`` relative to the repository)."""
    rule = all_rules()[code]
    config = Config(options={code: case["options"]} if case.get("options") else {})
    engine = Engine(config, rules=[rule])
    if "path" in case:
        loaded = load_model(REPO / case["path"])
        return engine.check_model(loaded.model, case["path"], dict(loaded.lines))
    model = OperationalModel.model_validate(case["model"])
    return engine.check_model(model, "case.yaml")


def as_expected(findings: list[Finding]) -> list[dict[str, Any]]:
    """The comparable form of findings: element and German message."""
    return [{"element": f.element, "message": f.message.de} for f in findings]
