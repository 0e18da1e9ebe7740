"""ModelIndex: reachability along sequence flows and boundary events (memoised per start)."""

from __future__ import annotations

from vollzug.lint.rule import ModelIndex
from vollzug.model.process import OperationalModel

MODEL = OperationalModel.model_validate({
    "id": "P",
    "steps": [
        {"id": "S", "type": "startEvent"},
        {"id": "A", "name": "A"},
        {"id": "B", "name": "B"},
        {"id": "E", "type": "boundaryEvent", "event": {"kind": "timer", "attached_to": "B"}},
        {"id": "C", "name": "C"},
        {"id": "X", "name": "Nicht verbunden"},
        {"id": "End", "type": "endEvent"},
    ],
    "sequence_flows": [
        {"id": "F1", "source": "S", "target": "A"},
        {"id": "F2", "source": "A", "target": "B"},
        {"id": "F3", "source": "B", "target": "A"},
        {"id": "F4", "source": "E", "target": "C"},
        {"id": "F5", "source": "B", "target": "End"},
    ],
})


def test_reachable_follows_flows_loops_and_boundary_events() -> None:
    index = ModelIndex(MODEL)
    assert index.reachable("S") == {"S", "A", "B", "E", "C", "End"}
    assert index.reachable("B") == {"A", "B", "E", "C", "End"}
    assert index.reachable("C") == {"C"}
    assert index.reachable("X") == {"X"}
    assert index.reachable("unknown") == {"unknown"}
    assert index.reachable("S") is index.reachable("S")  # memoised


def test_successors_leave_the_flow_lists_alone() -> None:
    index = ModelIndex(MODEL)
    assert index.successors["B"] == ["A", "End", "E"]
    assert [f.id for f in index.outgoing["B"]] == ["F3", "F5"]
    assert index.boundary == {"B": ["E"]}
