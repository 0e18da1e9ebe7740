"""YAML → BPMN: valid against the XSD, deterministic, complete DI with a clean layered layout, lossless."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from lxml import etree

from vollzug.authoring.build import build_bpmn
from vollzug.authoring.summary import SUMMARY_FORMAT
from vollzug.authoring.yaml_io import load_yaml_model, model_from_text
from vollzug.errors import ModelError
from vollzug.model.process import OperationalModel

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "yaml"
ALL = sorted(FIXTURES.glob("*.yaml"))
NS = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL", "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
      "dc": "http://www.omg.org/spec/DD/20100524/DC", "di": "http://www.omg.org/spec/DD/20100524/DI",
      "vz": "urn:vollzug:bpmn:1.0"}
FLOW_NODE_TAGS = {f"{{{NS['bpmn']}}}{t}" for t in (
    "task", "userTask", "serviceTask", "sendTask", "receiveTask", "manualTask", "businessRuleTask", "scriptTask",
    "callActivity", "subProcess", "adHocSubProcess", "transaction", "startEvent", "endEvent",
    "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent", "exclusiveGateway", "parallelGateway",
    "inclusiveGateway", "eventBasedGateway", "complexGateway")}


def _parse(data: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(data, parser)


def _built(path: Path) -> tuple[OperationalModel, etree._Element, bytes]:
    model = load_yaml_model(path).model
    data = build_bpmn(model)
    return model, _parse(data), data


def _bounds(root: etree._Element) -> dict[tuple[str, str], tuple[float, float, float, float]]:
    """(plane element, element id) → (x, y, w, h)."""
    out = {}
    for plane in root.iterfind(".//bpmndi:BPMNPlane", NS):
        for shape in plane.iterfind("bpmndi:BPMNShape", NS):
            b = shape.find("dc:Bounds", NS)
            out[(plane.get("bpmnElement"), shape.get("bpmnElement"))] = tuple(
                float(b.get(k)) for k in ("x", "y", "width", "height"))
    return out


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_valid_against_bpmn_and_extension_xsd(path: Path) -> None:
    from vollzug.bpmn.validate import bpmn_schema

    _model, root, _data = _built(path)
    schema = bpmn_schema()
    assert schema.validate(root), [f"{e.line}: {e.message}" for e in schema.error_log][:5]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_deterministic(path: Path) -> None:
    model = load_yaml_model(path).model
    again = load_yaml_model(path).model
    assert build_bpmn(model) == build_bpmn(again)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_every_element_has_di(path: Path) -> None:
    model, root, _data = _built(path)
    shapes = {el for (_plane, el) in _bounds(root)}
    edges = {e.get("bpmnElement") for e in root.iterfind(".//bpmndi:BPMNEdge", NS)}
    for el in root.iter():
        if el.tag in FLOW_NODE_TAGS or el.tag.endswith(("}lane", "}participant", "}dataObjectReference",
                                                        "}dataStoreReference", "}textAnnotation", "}dataInput",
                                                        "}dataOutput")):
            assert el.get("id") in shapes, el.get("id")
        if el.tag.endswith(("}sequenceFlow", "}messageFlow", "}association", "}dataInputAssociation",
                            "}dataOutputAssociation")):
            assert el.get("id") in edges, el.get("id")
    for shape in root.iterfind(".//bpmndi:BPMNShape", NS):
        element = shape.get("bpmnElement")
        if element in {p.id for p in model.pools} | {u.id for u in model.org_units}:
            assert shape.get("isHorizontal") == "true"
        step = model.step(element)
        if step is not None and step.type == "subProcess":
            assert shape.get("isExpanded") == ("false" if step.collapsed else "true")


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_edges_are_orthogonal_and_shapes_do_not_overlap(path: Path) -> None:
    model, root, _data = _built(path)
    for edge in root.iterfind(".//bpmndi:BPMNEdge", NS):
        points = [(float(w.get("x")), float(w.get("y"))) for w in edge.iterfind("di:waypoint", NS)]
        assert len(points) >= 2
        for (x1, y1), (x2, y2) in itertools.pairwise(points):
            assert x1 == x2 or y1 == y2, (edge.get("bpmnElement"), points)
    frames = {p.id for p in model.pools} | {u.id for u in model.org_units}
    steps = {s.id: s for s in model.steps}

    def related(a: str, b: str) -> bool:  # containment or attachment is not overlap
        for x, y in ((a, b), (b, a)):
            s = steps.get(x)
            while s is not None:
                if s.parent == y or (s.event is not None and s.event.attached_to == y):
                    return True
                s = steps.get(s.parent) if s.parent else None
        return False

    boxes = [(plane, el, b) for (plane, el), b in _bounds(root).items() if el not in frames]
    for (p1, a, (x1, y1, w1, h1)), (p2, b, (x2, y2, w2, h2)) in itertools.combinations(boxes, 2):
        if p1 != p2 or related(a, b):
            continue
        overlap = x1 < x2 + w2 and x2 < x1 + w1 and y1 < y2 + h2 and y2 < y1 + h1
        assert not overlap, (a, b)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_pools_and_lanes_stack_without_gaps(path: Path) -> None:
    model, root, _data = _built(path)
    bounds = {el: b for (_p, el), b in _bounds(root).items()}
    pools = sorted((bounds[p.id] for p in model.pools), key=lambda b: b[1])
    for upper, lower in itertools.pairwise(pools):
        assert upper[1] + upper[3] <= lower[1]  # pools never overlap
    units = {u.id: u for u in model.org_units}
    siblings: dict[str | None, list[tuple[float, float, float, float]]] = {}
    for unit in model.org_units:
        siblings.setdefault(unit.parent, []).append(bounds[unit.id])
    for parent, lanes in siblings.items():
        lanes.sort(key=lambda b: b[1])
        for upper, lower in itertools.pairwise(lanes):
            assert upper[1] + upper[3] == lower[1], parent  # no gap, no overlap
        outer = bounds[parent] if parent in units else bounds[model.pools[0].id]
        for lane in lanes:
            assert outer[0] < lane[0] and lane[0] + lane[2] == outer[0] + outer[2]
            assert outer[1] <= lane[1] and lane[1] + lane[3] <= outer[1] + outer[3]
    for step in model.steps:  # each top-level node sits inside its lane's band
        if step.lane and step.parent is None and step.pool is None and step.type != "boundaryEvent":
            x, y, w, h = bounds[step.id]
            lx, ly, lw, lh = bounds[step.lane]
            assert lx < x and x + w < lx + lw and ly < y and y + h < ly + lh, step.id


def test_flows_run_left_to_right() -> None:
    model, root, _data = _built(FIXTURES / "wpg-small.yaml")
    bounds = {el: b for (_p, el), b in _bounds(root).items()}
    back = {("vollstaendig", "beteiligung")}  # the loop
    for flow in model.sequence_flows:
        if (flow.source, flow.target) in back or model.step(flow.source).type == "boundaryEvent":
            continue
        assert bounds[flow.source][0] < bounds[flow.target][0], flow.id


def test_semantics_of_the_written_elements() -> None:
    _model, root, _data = _built(FIXTURES / "wpg-small.yaml")
    xsi_type = "{http://www.w3.org/2001/XMLSchema-instance}type"
    gateway = root.find(".//bpmn:exclusiveGateway[@id='vollstaendig']", NS)
    assert gateway.get("default") == "Flow_vollstaendig_beteiligung"
    cond = root.find(".//bpmn:sequenceFlow[@id='Flow_vollstaendig_entwurf']/bpmn:conditionExpression", NS)
    assert cond.text == "${vollstaendig}" and cond.get(xsi_type) == "bpmn:tFormalExpression"
    boundary = root.find(".//bpmn:boundaryEvent[@id='frist']", NS)
    assert boundary.get("attachedToRef") == "analyse" and boundary.get("cancelActivity") == "false"
    assert boundary.find("bpmn:timerEventDefinition/bpmn:timeDuration", NS).text == "P6M"
    sub = root.find(".//bpmn:subProcess[@id='analyse']", NS)
    assert [c.get("id") for c in sub.iterfind("bpmn:task", NS)] == ["a_daten"]
    assert sub.find("bpmn:dataInputAssociation/bpmn:sourceRef", NS).text == "kehrbuch"
    lane = root.find(".//bpmn:lane[@id='verwaltung']", NS)
    nested = [el.get("id") for el in lane.iterfind("bpmn:childLaneSet/bpmn:lane", NS)]
    assert nested == ["fb_planung", "presse"]
    refs = [r.text for r in lane.iterfind("bpmn:flowNodeRef", NS)]
    assert "eskalation" in refs and "informieren" in refs  # parent lanes list their subtree
    participant = root.find(".//bpmn:participant[@id='netzbetreiber']", NS)
    assert participant.get("processRef") is None
    assert participant.find("bpmn:extensionElements/vz:stakeholder", NS).get("kind") == "network_operator"
    summary = root.find(f".//bpmn:sendTask[@id='informieren']/bpmn:documentation[@textFormat='{SUMMARY_FORMAT}']", NS)
    assert "Handlungsgrundlage: § 13 Abs. 2 WPG" in summary.text and "0,05 VZÄ" in summary.text
    assert root.find(".//bpmn:process/bpmn:extensionElements/vz:model", NS).get("law") == "WPG"
    assert root.find(".//bpmn:dataObjectReference[@id='kehrbuch']/bpmn:extensionElements/vz:data", NS) is not None


def test_collapsed_sub_process_gets_its_own_plane() -> None:
    _model, root, _data = _built(FIXTURES / "features.yaml")
    planes = [p.get("bpmnElement") for p in root.iterfind(".//bpmndi:BPMNPlane", NS)]
    assert planes == ["Collaboration_Process_Features", "pruefen"]
    assert ("pruefen", "p_evb") in _bounds(root)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_round_trip_through_the_bpmn_reader(path: Path, tmp_path: Path) -> None:
    from vollzug.bpmn.to_model import load_bpmn_model

    model = load_yaml_model(path).model
    out = tmp_path / "m.bpmn"
    out.write_bytes(build_bpmn(model))
    back = load_bpmn_model(out).model
    assert back == model


@pytest.mark.parametrize(("yaml_text", "element", "needle"), [
    ("steps:\n  - {id: g, type: exclusiveGateway}\ndata_objects: [{id: d}]\n"
     "data_associations: [{id: x, source: d, target: g}]\n", "x", "cannot have data associations"),
    ("steps:\n  - {id: a, next: b}\n", "Flow_a_b", "is not a step"),
    ("steps:\n  - {id: a}\n  - {id: a}\n", "a", "used by 2 elements"),
    ("steps:\n  - {id: e, type: boundaryEvent}\n", "e", "must be attached"),
])
def test_build_refuses_broken_models(yaml_text: str, element: str, needle: str) -> None:
    loaded = model_from_text(yaml_text, Path("bad.yaml"))
    with pytest.raises(ModelError) as info:
        build_bpmn(loaded.model, file="bad.yaml", lines=loaded.lines)
    assert info.value.element == element and needle in str(info.value)
    assert str(info.value).startswith("bad.yaml:")
