"""Elementtyp-Verträglichkeit: a factor in [0, 1] multiplied onto the combined score (0 vetoes the pair)."""

from __future__ import annotations

from vollzug.diff.match.context import MatchContext
from vollzug.model.process import ACTIVITY_TYPES, EVENT_TYPES, GATEWAY_TYPES, Step

NAME = "type"


ACTIVITY_FACTOR = 0.97
"""Two activities of different types (a user task in one tool is a plain task in another)."""


def _event_kind(step: Step) -> str:
    return step.event.kind if step.event is not None else "none"


def factor(left: Step, right: Step, ctx: MatchContext | None = None) -> float:
    """1 for the same type; activities 0.9 among each other; events by position and trigger; gateways by kind."""
    if left.type == right.type:
        if left.type in EVENT_TYPES and _event_kind(left) != _event_kind(right):
            return 0.8
        return 1.0
    if left.type in ACTIVITY_TYPES and right.type in ACTIVITY_TYPES:
        return ACTIVITY_FACTOR
    if left.type in EVENT_TYPES and right.type in EVENT_TYPES:
        positional = {left.type, right.type}
        if positional == {"startEvent", "endEvent"}:
            return 0.0
        if positional <= {"intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent"}:
            return 0.8 if _event_kind(left) == _event_kind(right) else 0.6
        return 0.3 if _event_kind(left) == _event_kind(right) else 0.0
    if left.type in GATEWAY_TYPES and right.type in GATEWAY_TYPES:
        return 0.5
    # an activity modelled as an intermediate event (e.g. "Bescheid zustellen" as a throw event) is possible
    if {left.type, right.type} & {"intermediateThrowEvent", "intermediateCatchEvent"} and (
        left.type in ACTIVITY_TYPES or right.type in ACTIVITY_TYPES
    ):
        return 0.5
    return 0.0
