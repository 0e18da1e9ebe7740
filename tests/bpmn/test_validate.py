"""XSD validation (vendored OMG schemas + vollzug.xsd) and semantic checks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

from vollzug.bpmn import extension as ext
from vollzug.bpmn.document import read_bpmn, read_bpmn_bytes
from vollzug.bpmn.validate import XSD_DIR, bpmn_schema, problem_line, validate_document, validate_file
from vollzug.model.actors import Municipality, OrgUnit, Population, Role, Stakeholder
from vollzug.model.process import (
    DataObject,
    Deadline,
    Notification,
    OperationalModel,
    RaciAssignment,
    Step,
    Suppression,
)
from vollzug.model.resources import (
    BudgetResource,
    DataSourceResource,
    ExternalServiceResource,
    ItSystemResource,
    StaffResource,
)

FIXTURES = Path(__file__).parents[1] / "fixtures"
B = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"


def test_valid_fixture_has_no_problems() -> None:
    assert validate_file(FIXTURES / "bpmn" / "all-elements.bpmn") == []


def test_lax_fixture_problems() -> None:
    problems = validate_file(FIXTURES / "bpmn" / "lax.bpmn")
    found = {(p.code, p.element) for p in problems}
    assert ("SM002", "Lane_1") in found  # flowNodeRef Ghost_Node
    assert ("SM002", "SF_Dangling") in found
    assert ("SM002", "Missing_di") in found
    assert ("SM003", "SF_ToData") in found
    assert ("SM006", "MF_Same") in found
    assert ("RD001", "Fancy_1") in found and ("RD005", "T1") in found
    assert any(p.code == "XS001" and p.line == 4 for p in problems)  # documentation under definitions
    ghost = next(p for p in problems if p.code == "SM002" and p.element == "Lane_1")
    assert problem_line(ghost) == f"{FIXTURES / 'bpmn' / 'lax.bpmn'}:13: SM002 [Lane_1] lane refers to missing " \
                                  "flow node 'Ghost_Node'"


def test_duplicate_ids_are_errors_in_validate() -> None:
    problems = validate_file(FIXTURES / "hostile" / "duplicate-ids.bpmn")
    assert ("SM001", 5, "Task_1", "error") in [(p.code, p.line, p.element, p.severity) for p in problems]
    assert [p.code for p in validate_file(FIXTURES / "hostile" / "duplicate-ids.bpmn", xsd=False)] == ["SM001"]


def test_sequence_flow_across_sub_process_boundary() -> None:
    data = (b'<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="urn:t">'
            b'<process id="P"><task id="A"/><subProcess id="S"><task id="B"/></subProcess>'
            b'<sequenceFlow id="F" sourceRef="A" targetRef="B"/></process></definitions>')
    problems = validate_document(read_bpmn_bytes(data))
    assert [(p.code, p.element) for p in problems] == [("SM004", "F")]


def test_resolver_only_resolves_vendored_files() -> None:
    assert {p.name for p in XSD_DIR.glob("*.xsd")} >= {"BPMN20.xsd", "Semantic.xsd", "BPMNDI.xsd", "DC.xsd",
                                                       "DI.xsd", "vollzug.xsd"}
    assert bpmn_schema() is bpmn_schema()


def _full_model() -> tuple[OperationalModel, Step, OrgUnit, Stakeholder, DataObject]:
    step = Step(
        id="t1", obligations=("WPG.W05", "WPG.W06"), citations=("§ 14 WPG",), basis="internal",
        raci=(RaciAssignment(party="fb", letter="A"), RaciAssignment(party="rat", letter="I")),
        resources=(StaffResource(fte=0.5, unit="fb", name="Planer", source="estimated", note="n"),
                   BudgetResource(eur=12000.0, budget_line="5.1", funding="KfW"),
                   ItSystemResource(name="GIS", operator="Kreis"),
                   DataSourceResource(name="Register", medium="Excel", personal=True),
                   ExternalServiceResource(name="Büro", provider="X GmbH", eur=30000.0)),
        deadlines=(Deadline(kind="legal", date=dt.date(2028, 6, 30), citation="§ 4 Abs. 2 WPG"),
                   Deadline(duration="P3M", after="t0", term="unverzüglich")),
        notification=Notification(recipients=("fb", "rat"), obligations=("WPG.W05",), channel="Schulung",
                                  acknowledgement=True, sender="bm"),
        suppressions=(Suppression(code="RS001", reason="geprüft"),),
    )
    model = OperationalModel(
        id="wpg", title="T", law="WPG", variant="SOLL", valid_from=dt.date(2025, 1, 1), process_owner="fb",
        synthetic=True, authors=("A", "B"), joint_with=("05566012",), choices={"simplified_procedure": True},
        roles=(Role(id="ksm", name="Klimaschutzmanager", unit="fb"),),
        municipality=Municipality(ags="05566076", name="Rheine", kind="Stadt", kreis="Kreis Steinfurt",
                                  status="GKSt", population=Population(count=76344,
                                                                       reference_date=dt.date(2022, 5, 15),
                                                                       source="Zensus", quality="real")),
    )
    unit = OrgUnit(id="fb", name="FB", kind="department", documentation="d")
    holder = Stakeholder(id="netz", name="Netz", kind="network_operator", internal=True, involvement="must",
                         citations=("§ 7 WPG",))
    data = DataObject(id="do", medium="Papier", personal=True)
    return model, step, unit, holder, data


def _with_extensions(children: dict[str, etree._Element | None]) -> bytes:
    root = etree.Element(B + "definitions", nsmap={None: B[1:-1], "vz": ext.VZ_NS})
    root.set("id", "D")
    root.set("targetNamespace", "urn:t")
    collab = etree.SubElement(root, B + "collaboration", id="C")
    part = etree.SubElement(collab, B + "participant", id="netz", name="Netz")
    process = etree.SubElement(root, B + "process", id="wpg")
    lane_set = etree.SubElement(process, B + "laneSet", id="ls")
    lane = etree.SubElement(lane_set, B + "lane", id="fb", name="FB")
    task = etree.SubElement(process, B + "task", id="t1")
    obj = etree.SubElement(process, B + "dataObject", id="do")
    owners = {"model": process, "orgUnit": lane, "stakeholder": part, "step": task, "data": obj}
    for key, child in children.items():
        owner = owners[key]
        holder = etree.Element(B + "extensionElements")
        assert child is not None
        holder.append(child)
        owner.insert(0, holder)
    return etree.tostring(root)


def test_extension_output_validates_against_vollzug_xsd() -> None:
    model, step, unit, holder, data = _full_model()
    children = {"model": ext.encode_model(model), "orgUnit": ext.encode_org_unit(unit),
                "stakeholder": ext.encode_stakeholder(holder), "step": ext.encode_step(step),
                "data": ext.encode_data_object(data)}
    problems = validate_document(read_bpmn_bytes(_with_extensions(children)))
    assert [p for p in problems if p.code == "XS001"] == []


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda el: el.find(ext.VZ + "raci").set("letter", "Q"), "letter"),
    (lambda el: el.append(etree.Element(ext.VZ + "unknownThing")), "unknownThing"),
    (lambda el: el.find(ext.VZ + "deadline").set("date", "30.06.2028"), "date"),
])
def test_broken_extension_fails_the_xsd(mutate: object, message: str) -> None:
    _model, step, *_ = _full_model()
    el = ext.encode_step(step)
    assert el is not None
    mutate(el)  # type: ignore[operator]
    problems = validate_document(read_bpmn_bytes(_with_extensions({"step": el})))
    assert any(p.code == "XS001" and message in p.message for p in problems)


def test_read_document_is_reused_for_validation() -> None:
    doc = read_bpmn(FIXTURES / "bpmn" / "lax.bpmn")
    assert validate_document(doc, xsd=False) == validate_document(doc, xsd=False)
    assert all(p.code != "XS001" for p in validate_document(doc, xsd=False))
