"""Diff engine: semantic comparison of two operational models (IST/SOLL, town/town, two versions of a file).

Public API::

    from vollzug.diff import diff_files, diff_models, DiffOptions
    result = diff_files("ist.bpmn", "soll.yaml", DiffOptions(match="auto"))   # a DiffResult (pydantic)
"""

from __future__ import annotations

from vollzug.diff.changes import DiffResult
from vollzug.diff.engine import DiffOptions, Side, diff_files, diff_models, diff_sides, load_side

__all__ = ["DiffOptions", "DiffResult", "Side", "diff_files", "diff_models", "diff_sides", "load_side"]
