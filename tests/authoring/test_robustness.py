"""Bad input never crashes: random models either load and build, or fail with one VollzugError line."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from vollzug.authoring.build import build_bpmn
from vollzug.authoring.yaml_io import model_from_text
from vollzug.bpmn.validate import bpmn_schema
from vollzug.errors import VollzugError

STEP_IDS = st.sampled_from(["a", "b", "c", "d", "e", "f"])
IDS = st.sampled_from(["a", "b", "c", "d", "e", "f", "u", "v", "s", "o", "x"])
"""References draw from every kind of id (and one that exists nowhere)."""
TYPES = st.sampled_from(["task", "userTask", "subProcess", "startEvent", "endEvent", "boundaryEvent",
                         "exclusiveGateway", "parallelGateway", "intermediateCatchEvent", "sendTask", "bogus"])
STEP = st.fixed_dictionaries({"id": STEP_IDS}, optional={
    "type": TYPES, "lane": IDS, "parent": IDS, "pool": IDS, "collapsed": st.booleans(),
    "next": st.one_of(IDS, st.lists(IDS, max_size=3), st.lists(st.fixed_dictionaries(
        {"to": IDS}, optional={"default": st.booleans(), "condition": st.text(max_size=5)}), max_size=2)),
    "event": st.fixed_dictionaries({}, optional={
        "kind": st.sampled_from(["none", "timer", "message", "error", "multiple", "compensation"]),
        "attached_to": IDS, "timer": st.sampled_from(["P1D", "R/P1M", "2025-01-01"]), "ref": IDS}),
    "raci": st.dictionaries(st.sampled_from(["R", "A", "C", "I", "X"]), IDS, max_size=2),
})
MODEL = st.fixed_dictionaries({}, optional={
    "org_units": st.lists(st.fixed_dictionaries({"id": st.sampled_from(["u", "v", "w"]), "name": st.just("U")},
                                                optional={"parent": IDS}), max_size=3, unique_by=lambda u: u["id"]),
    "stakeholders": st.lists(st.fixed_dictionaries({"id": st.just("s"), "name": st.just("S"),
                                                    "kind": st.just("public")}), max_size=1),
    "steps": st.lists(STEP, max_size=6, unique_by=lambda step: step["id"]),
    "message_flows": st.lists(st.fixed_dictionaries({"id": st.sampled_from(["m1", "m2"]), "source": IDS,
                                                     "target": IDS}), max_size=2),
    "data_objects": st.lists(st.fixed_dictionaries({"id": st.just("o")}, optional={
        "kind": st.sampled_from(["object", "store", "input", "output"])}), max_size=2),
    "data_associations": st.lists(st.fixed_dictionaries({"id": st.sampled_from(["da1", "da2"]), "source": IDS,
                                                         "target": IDS}), max_size=2),
    "annotations": st.lists(st.fixed_dictionaries({"id": st.sampled_from(["n1", "n2"]), "text": st.just("t")},
                                                  optional={"target": IDS}), max_size=2),
})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MODEL)
def test_random_models_load_and_build_or_fail_cleanly(data: dict[str, object]) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    try:
        loaded = model_from_text(text, Path("random.yaml"))
        built = build_bpmn(loaded.model, file="random.yaml", lines=loaded.lines)
    except VollzugError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("random.yaml")
        return
    assert not [d for d in loaded.diagnostics if d.severity == "error"]
    schema = bpmn_schema()
    root = etree.fromstring(built, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    assert schema.validate(root), [e.message for e in schema.error_log][:3]


@st.composite
def valid_models(draw: st.DrawFn) -> dict[str, object]:
    """Random but consistent models: nested lanes, any flow graph (loops included), message flows to pools."""
    n_units = draw(st.integers(0, 4))
    units = [{"id": f"u{i}", "name": f"Einheit {i}"} for i in range(n_units)]
    for i, unit in enumerate(units[1:], start=1):
        parent = draw(st.integers(-1, i - 1))
        if parent >= 0:
            unit["parent"] = f"u{parent}"
    n_steps = draw(st.integers(1, 14))
    kinds = st.sampled_from(["task", "userTask", "exclusiveGateway", "parallelGateway", "startEvent", "endEvent",
                             "intermediateCatchEvent"])
    steps: list[dict[str, object]] = []
    for i in range(n_steps):
        step: dict[str, object] = {"id": f"s{i}", "name": f"Schritt {i}", "type": draw(kinds)}
        if units and draw(st.booleans()):
            step["lane"] = draw(st.sampled_from([u["id"] for u in units]))
        steps.append(step)
    pairs = draw(st.lists(st.tuples(st.integers(0, n_steps - 1), st.integers(0, n_steps - 1)), max_size=20,
                          unique=True))
    flows = [{"id": f"f{k}", "source": f"s{a}", "target": f"s{b}"} for k, (a, b) in enumerate(pairs)]
    messages = [{"id": f"m{k}", "source": f"s{a}", "target": "st"} for k, a in
                enumerate(draw(st.lists(st.integers(0, n_steps - 1), max_size=4)))]
    return {"org_units": units, "steps": steps, "sequence_flows": flows, "message_flows": messages,
            "stakeholders": [{"id": "st", "name": "Beteiligte", "kind": "public"}],
            "annotations": [{"id": "n0", "text": "Hinweis", "target": "s0"}],
            "data_objects": [{"id": "d0", "name": "Akte"}],
            "data_associations": [{"id": "da0", "source": "s0", "target": "d0"}] if steps[0]["type"] in (
                "task", "userTask") else []}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_models())
def test_random_valid_models_build_valid_bpmn_without_overlaps(data: dict[str, object]) -> None:
    loaded = model_from_text(yaml.safe_dump(data, allow_unicode=True), Path("random.yaml"))
    built = build_bpmn(loaded.model)
    root = etree.fromstring(built, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    assert bpmn_schema().validate(root)
    ns = {"bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI", "dc": "http://www.omg.org/spec/DD/20100524/DC"}
    frames = {"st", f"Participant_{loaded.model.id}"} | {u.id for u in loaded.model.org_units}
    boxes = []
    for shape in root.iterfind(".//bpmndi:BPMNShape", ns):
        if shape.get("bpmnElement") not in frames:
            b = shape.find("dc:Bounds", ns)
            boxes.append((shape.get("bpmnElement"), *(int(b.get(k)) for k in ("x", "y", "width", "height"))))
    for i, (a, x1, y1, w1, h1) in enumerate(boxes):
        for b, x2, y2, w2, h2 in boxes[i + 1:]:
            assert not (x1 < x2 + w2 and x2 < x1 + w1 and y1 < y2 + h2 and y2 < y1 + h1), (a, b)
