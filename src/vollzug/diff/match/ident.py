"""Gleiche Id: two steps with the same BPMN id (strong within one file's versions, weak across towns)."""

from __future__ import annotations

from vollzug.diff.match.context import MatchContext
from vollzug.model.process import Step

NAME = "id"
WEIGHT = 0.1


def score(left: Step, right: Step, ctx: MatchContext) -> float | None:
    """1.0 for equal ids; None otherwise (different ids say nothing across towns, so they cost nothing)."""
    return 1.0 if left.id == right.id else None
