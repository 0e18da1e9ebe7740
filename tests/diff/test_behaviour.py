"""Behavioural profile: strict order, parallel, exclusive and loop from the sequence-flow graph."""

from __future__ import annotations

from vollzug.diff.behaviour import Profile, invert
from vollzug.diff.similarity import behaviour_similarity
from vollzug.model.process import OperationalModel, SequenceFlow, Step


def _model(nodes: dict[str, str], edges: list[tuple[str, str]], looped: tuple[str, ...] = ()) -> OperationalModel:
    steps = tuple(Step(id=i, type=t, loop="standard" if i in looped else "none") for i, t in nodes.items())  # type: ignore[arg-type]
    flows = tuple(SequenceFlow(id=f"f{k}", source=a, target=b) for k, (a, b) in enumerate(edges))
    return OperationalModel(steps=steps, sequence_flows=flows)


NODES = {"s": "startEvent", "a": "task", "x": "exclusiveGateway", "b": "task", "c": "task", "xj": "exclusiveGateway",
         "p": "parallelGateway", "d": "task", "e": "task", "pj": "parallelGateway", "f": "task", "end": "endEvent"}
EDGES = [("s", "a"), ("a", "x"), ("x", "b"), ("x", "c"), ("b", "xj"), ("c", "xj"), ("xj", "p"), ("p", "d"),
         ("p", "e"), ("d", "pj"), ("e", "pj"), ("pj", "f"), ("f", "end"), ("f", "a")]


def test_relations() -> None:
    profile = Profile(_model(NODES, EDGES[:-1]))
    assert profile.relation("a", "b") == "sequence"
    assert profile.relation("b", "a") == "reverse"
    assert profile.relation("b", "c") == "exclusive"
    assert profile.relation("d", "e") == "parallel"
    assert profile.relation("a", "f") == "sequence"
    assert invert("sequence") == "reverse" and invert("parallel") == "parallel"


def test_loop_back_makes_everything_on_the_cycle_a_loop() -> None:
    profile = Profile(_model(NODES, EDGES))
    assert profile.relation("a", "f") == "loop"
    assert profile.relation("b", "d") == "loop"


def test_activity_with_two_outgoing_flows_splits_in_parallel() -> None:
    profile = Profile(_model({"a": "task", "b": "task", "c": "task"}, [("a", "b"), ("a", "c")]))
    assert profile.relation("b", "c") == "parallel"


def test_behaviour_similarity_is_one_for_the_same_model_and_lower_after_a_change() -> None:
    one = Profile(_model(NODES, EDGES[:-1]))
    ident = {n: n for n in NODES}
    assert behaviour_similarity(one, one, ident) == 1.0
    changed = Profile(_model(NODES, [*EDGES[:-1], ("f", "a")]))
    assert behaviour_similarity(one, changed, ident) < 1.0
