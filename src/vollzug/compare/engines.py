"""Adapters to the rules engine and the diff engine of the other workstreams (the one place to swap them in).

Each adapter returns None when its engine is not installed; the comparison then uses its own fallback.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from vollzug.compare.results import Gap
from vollzug.model.process import OperationalModel

_ENGINE: Any = None


def _rules_engine() -> Any:
    global _ENGINE  # one engine per process: it caches catalogues
    if _ENGINE is None:
        try:
            module: Any = importlib.import_module("vollzug.lint.engine")
        except ImportError:
            return None
        _ENGINE = module.Engine()
    return _ENGINE


def run_rules(model: OperationalModel, path: Path | None, lines: Mapping[str, int] | None = None,
              lang: str = "de") -> list[Gap] | None:
    """Unsuppressed rule findings of one model as gaps, or None without a rules engine."""
    engine = _rules_engine()
    if engine is None:
        return None
    findings: Any = engine.check_model(model, str(path) if path else None, dict(lines or {}))
    gaps: list[Gap] = []
    for finding in findings:
        if finding.suppressed:
            continue
        message = finding.message.get(lang) if hasattr(finding.message, "get") else str(finding.message)
        gaps.append(Gap(category=finding.gap or "", code=finding.code, message=message, element=finding.element,
                        citation=finding.citation or "", source="rules"))
    return gaps
