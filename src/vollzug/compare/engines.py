"""Adapters to the rules engine and the diff engine of the other workstreams (the one place to swap them in).

Each adapter returns None when its engine is not installed yet; the comparison then uses its own fallback.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from vollzug.compare.results import Gap
from vollzug.model.process import OperationalModel


def _import(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def rules_available() -> bool:
    """True if the rules engine can be used."""
    module = _import("vollzug.lint.engine")
    return module is not None and hasattr(module, "check_model")


def run_rules(model: OperationalModel, path: Path | None) -> list[Gap] | None:
    """Rule findings of one model as gaps, or None without a rules engine."""
    module = _import("vollzug.lint.engine")
    if module is None or not hasattr(module, "check_model"):
        return None
    findings: Any = module.check_model(model, path=path)
    gaps: list[Gap] = []
    for finding in findings:
        category = getattr(finding, "category", None) or getattr(finding, "gap", None) or ""
        gaps.append(Gap(category=str(category), code=str(getattr(finding, "code", "")),
                        message=str(getattr(finding, "message", "")), element=getattr(finding, "element", None),
                        obligation=getattr(finding, "obligation", None),
                        citation=str(getattr(finding, "citation", "") or ""), source="rules"))
    return gaps
