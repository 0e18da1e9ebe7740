"""vollzug's BPMN extension: what is encoded decodes to the same record."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from vollzug.bpmn.extension import (
    VZ_NS,
    decode_model,
    decode_org_unit,
    decode_stakeholder,
    decode_step,
    encode_model,
    encode_org_unit,
    encode_stakeholder,
    encode_step,
)
from vollzug.model.actors import Municipality, OrgUnit, Population, Role, Stakeholder
from vollzug.model.process import Deadline, Notification, OperationalModel, RaciAssignment, Step, Suppression
from vollzug.model.resources import (
    BudgetResource,
    DataSourceResource,
    ExternalServiceResource,
    ItSystemResource,
    StaffResource,
)

_text = (
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20)
    .map(str.strip)
    .filter(bool)
)
_ident = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,10}", fullmatch=True)


def _roundtrip_step(step: Step) -> Step:
    el = encode_step(step)
    if el is None:
        return Step(id=step.id, name=step.name)
    reparsed = etree.fromstring(etree.tostring(el))
    return Step(id=step.id, name=step.name, **decode_step(reparsed))


def test_full_step_round_trip() -> None:
    step = Step(
        id="a",
        name="Bestandsanalyse",
        obligations=("WPG.W08",),
        citations=("§ 15 WPG", "Anlage 1 WPG"),
        basis="internal",
        raci=(RaciAssignment(party="gis", letter="R"), RaciAssignment(party="fb", letter="A")),
        resources=(
            StaffResource(fte=1.25, name="GIS"),
            BudgetResource(eur=12000.5, budget_line="1.2.3", funding="Konnexität"),
            ItSystemResource(name="GIS", operator="KAAW"),
            DataSourceResource(name="Kehrbuch", medium="Excel", personal=True, source="real"),
            ExternalServiceResource(name="Planungsbüro", provider="X GmbH", eur=50000),
        ),
        deadlines=(Deadline(kind="legal", date="2028-06-30", citation="§ 4 Abs. 2 WPG"), Deadline(term="unverzüglich")),
        notification=Notification(
            recipients=("gis",), obligations=("WPG.W08",), channel="Schulung", acknowledgement=True
        ),
        suppressions=(Suppression(code="RE001", reason="Ressourcen liegen beim Kreis"),),
    )
    assert _roundtrip_step(step) == step


@settings(max_examples=60, deadline=None)
@given(
    obligations=st.lists(_ident, max_size=3).map(tuple),
    citations=st.lists(_text, max_size=3).map(tuple),
    fte=st.floats(min_value=0, max_value=50, allow_nan=False),
    letter=st.sampled_from(["R", "A", "C", "I"]),
)
def test_step_round_trip_property(
    obligations: tuple[str, ...], citations: tuple[str, ...], fte: float, letter: str
) -> None:
    step = Step(
        id="s",
        obligations=obligations,
        citations=citations,
        raci=(RaciAssignment(party="u", letter=letter),),  # type: ignore[arg-type]
        resources=(StaffResource(fte=fte),),
    )
    assert _roundtrip_step(step) == step


def test_empty_step_encodes_to_nothing() -> None:
    assert encode_step(Step(id="x")) is None


def test_model_header_round_trip() -> None:
    model = OperationalModel(
        law="WPG",
        variant="IST",
        title="Wärmeplanung Metelen (IST)",
        municipality=Municipality(
            ags="05566064",
            name="Metelen",
            kind="Gemeinde",
            kreis="Steinfurt",
            population=Population(count=6404, reference_date="2022-05-15", source="Zensus 2022"),
        ),
        authors=("A. Analyst",),
        roles=(Role(id="ksm", name="Klimaschutzmanager/in", unit="bauamt"),),
        choices={"simplified_procedure": True, "joint_planning": False},
        joint_with=("05566004",),
        synthetic=True,
        process_owner="bauamt",
        valid_from="2025-01-01",
    )
    el = etree.fromstring(etree.tostring(encode_model(model)))
    assert el.tag == f"{{{VZ_NS}}}model"
    assert OperationalModel(**decode_model(el)) == model


def test_lane_and_participant_round_trip() -> None:
    unit = OrgUnit(id="fb", name="FB Planung", kind="department", documentation="Federführung")
    assert OrgUnit(id="fb", name="FB Planung", **decode_org_unit(encode_org_unit(unit))) == unit
    holder = Stakeholder(
        id="p_netz",
        name="Netzbetreiber",
        kind="network_operator",
        involvement="must",
        citations=("§ 7 Abs. 2 Nr. 1 WPG",),
    )
    assert Stakeholder.model_validate(decode_stakeholder(encode_stakeholder(holder))) == holder
