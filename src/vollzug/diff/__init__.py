"""Diff engine: semantic comparison of two operational models (IST/SOLL, town/town, two versions of a file).

Public API (imported lazily, so ``vollzug diff --help`` stays light)::

    from vollzug.diff import diff_files, diff_models, DiffOptions
    result = diff_files("ist.bpmn", "soll.yaml", DiffOptions(match="auto"))   # a DiffResult (pydantic)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vollzug.diff.changes import DiffResult
    from vollzug.diff.engine import DiffOptions, Side, diff_files, diff_models, diff_sides, load_side

_EXPORTS = {
    "DiffResult": "vollzug.diff.changes",
    "DiffOptions": "vollzug.diff.engine",
    "Side": "vollzug.diff.engine",
    "diff_files": "vollzug.diff.engine",
    "diff_models": "vollzug.diff.engine",
    "diff_sides": "vollzug.diff.engine",
    "load_side": "vollzug.diff.engine",
}

__all__ = ["DiffOptions", "DiffResult", "Side", "diff_files", "diff_models", "diff_sides", "load_side"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'vollzug.diff' has no attribute '{name}'")
    return getattr(importlib.import_module(module), name)
