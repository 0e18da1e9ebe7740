"""BpmnDocument: the table-driven index over a hand-written fixture with every element kind, and lax reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from vollzug.bpmn.document import BpmnDocument, read_bpmn
from vollzug.bpmn.spec import SPECS

FIXTURES = Path(__file__).parents[1] / "fixtures" / "bpmn"
CAMUNDA = "http://camunda.org/schema/1.0/bpmn"
SIGNAVIO = "http://www.signavio.com"


@pytest.fixture(scope="module")
def doc() -> BpmnDocument:
    return read_bpmn(FIXTURES / "all-elements.bpmn")


def test_every_element_with_an_id_is_indexed_with_its_line(doc: BpmnDocument) -> None:
    ids_in_tree = {el.get("id") for el in doc.root.iter() if isinstance(el.tag, str) and el.get("id")}
    di_ids = {el.get("id") for el in doc.root.iter("{*}BPMNShape", "{*}BPMNEdge", "{*}BPMNPlane",
                                                   "{*}BPMNDiagram", "{*}BPMNLabelStyle")}
    assert set(doc.elements) == ids_in_tree - di_ids
    assert doc.elements["Task_User"].line == doc.elements["Task_User"].element.sourceline
    assert not doc.diagnostics


@pytest.mark.parametrize(("eid", "category", "tag"), [
    ("Defs_1", "definitions", "definitions"), ("Proc_Main", "process", "process"),
    ("Collab_1", "collaboration", "collaboration"), ("Part_Netz", "participant", "participant"),
    ("LaneSet_1", "lane_set", "laneSet"), ("Lane_Planung", "lane", "lane"), ("Task_Script", "flow_node", "scriptTask"),
    ("Tx_1", "sub_process", "transaction"), ("AdHoc_1", "sub_process", "adHocSubProcess"),
    ("Boundary_Err", "flow_node", "boundaryEvent"), ("Gw_E", "flow_node", "eventBasedGateway"),
    ("SF_5", "sequence_flow", "sequenceFlow"), ("MF_1", "message_flow", "messageFlow"),
    ("DOR_Antrag", "data", "dataObjectReference"), ("DataIn_1", "data", "dataInput"),
    ("DIA_1", "data_association", "dataInputAssociation"), ("Note_1", "artifact", "textAnnotation"),
    ("Group_1", "artifact", "group"), ("Assoc_1", "association", "association"),
    ("TED_1", "event_definition", "timerEventDefinition"), ("Msg_Antrag", "root_element", "message"),
    ("CatVal_1", "support", "categoryValue"),
])
def test_categories_come_from_the_table(doc: BpmnDocument, eid: str, category: str, tag: str) -> None:
    record = doc.elements[eid]
    assert (record.category, record.tag) == (category, tag)
    assert SPECS[f"{{{record.namespace}}}{record.tag}"].category == category


def test_containers_processes_and_nested_lanes(doc: BpmnDocument) -> None:
    assert doc.elements["Sub_Task"].container == "Sub_1"
    assert doc.elements["Sub_Task"].process == "Proc_Main"
    assert doc.elements["Task_User"].container == "Proc_Main"
    assert doc.elements["EvSub_Start"].container == "EvSub_1"
    assert doc.elements["B_End"].process == "Proc_Buerger"
    assert doc.elements["Task_User"].lanes == ("Lane_Verwaltung", "Lane_Planung")
    assert doc.elements["Task_Plain"].lanes == ("Lane_Rat",)


def test_names_documentation_foreign_attributes_extensions(doc: BpmnDocument) -> None:
    task = doc.elements["Task_User"]
    assert task.name == "Antrag prüfen"
    assert task.documentation == "Prüfen nach § 13 WPG"
    assert task.foreign_attributes == {f"{{{CAMUNDA}}}assignee": "sachbearbeitung"}
    assert [e.tag for e in task.extensions] == [f"{{{CAMUNDA}}}inputOutput", f"{{{SIGNAVIO}}}signavioMetaData"]
    assert task.extension(f"{{{SIGNAVIO}}}signavioMetaData") is not None
    assert doc.elements["Lane_Rat"].documentation == "Der Rat"
    assert doc.elements["Proc_Main"].foreign_attributes == {f"{{{CAMUNDA}}}versionTag": "v1"}


def test_flows_incoming_outgoing(doc: BpmnDocument) -> None:
    assert doc.elements["Gw_X"].incoming == ("SF_4",)
    assert doc.elements["Gw_X"].outgoing == ("SF_5", "SF_6")
    assert (doc.elements["MF_1"].source, doc.elements["MF_1"].target) == ("Task_Send", "Part_Netz")
    assert (doc.elements["DIA_1"].source, doc.elements["DIA_1"].target) == ("DOR_Antrag", "Prop_1")
    assert doc.elements["Assoc_1"].target == "Task_User"


def test_di_shapes_and_edges(doc: BpmnDocument) -> None:
    start = doc.shapes["Start_1"]
    assert start.bounds is not None and (start.bounds.x, start.bounds.width) == (182.0, 36.0)
    assert start.label is not None and start.label.height == 27.0
    assert doc.shapes["Task_User"].bounds is not None and doc.shapes["Task_User"].bounds.x == 270.5
    assert doc.shapes["Sub_Collapsed"].is_expanded is False
    assert doc.shapes["Sub_1"].is_expanded is True
    assert doc.shapes["Part_Stadt"].is_horizontal is True
    assert doc.edges["SF_1"].waypoints == [(218.0, 120.0), (270.0, 120.0)]
    assert doc.edges["SF_5"].label is not None
    assert "Gw_X" not in doc.shapes


def test_lax_reading_keeps_going_and_reports_lines() -> None:
    doc = read_bpmn(FIXTURES / "lax.bpmn")
    _ = doc.shapes
    found = {(d.code, d.element, d.line) for d in doc.diagnostics}
    assert ("RD001", "Fancy_1", 19) in found
    assert ("RD002", "Widget_1", 20) in found
    assert ("RD004", "Lane_1", 13) in found  # flowNodeRef Ghost_Node
    assert ("RD004", "SF_Dangling", 24) in found
    assert ("RD004", "Missing_di", 30) in found
    assert ("RD005", "T1", 29) in found
    assert "T1" in doc.elements and "Fancy_1" not in doc.elements
    assert doc.shapes["T1"].bounds is None


def test_duplicate_ids_are_a_reader_warning() -> None:
    doc = read_bpmn(FIXTURES.parent / "hostile" / "duplicate-ids.bpmn")
    assert doc.duplicates == {"Task_1": [5]}
    assert doc.elements["Task_1"].name == "Erste"
    assert [d.code for d in doc.diagnostics] == ["RD003"]


def test_table_covers_every_concrete_element_of_the_bpmn_schema() -> None:
    from lxml import etree

    from vollzug.bpmn.spec import OPAQUE_TAGS
    from vollzug.bpmn.validate import XSD_DIR

    xsd = "{http://www.w3.org/2001/XMLSchema}"
    schema = etree.parse(str(XSD_DIR / "Semantic.xsd"))  # our own vendored file
    declared = {el.get("name") for el in schema.iter(xsd + "element") if el.get("name")}
    abstract = {el.get("name") for el in schema.iter(xsd + "element") if el.get("abstract") == "true"}
    abstract |= {  # substitution-group heads of abstract types: never written as such
        "activity", "artifact", "baseElement", "baseElementWithMixedContent", "callableElement", "catchEvent",
        "choreographyActivity", "dataAssociation", "event", "flowElement", "flowNode", "gateway",
        "loopCharacteristics", "rootElement", "throwEvent"}
    known = {tag.rpartition("}")[2] for tag in (*SPECS, *OPAQUE_TAGS) if "BPMN/20100524/MODEL" in tag}
    assert declared - abstract - known == set()
