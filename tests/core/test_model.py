"""The domain model: frozen records, discriminated unions, JSON Schema, JSON round trip."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from vollzug.model import Catalogue, OperationalModel, Step
from vollzug.model.law import Obligation
from vollzug.model.resources import BudgetResource, Resource, StaffResource
from vollzug.schema_docs import json_schema


def _model() -> OperationalModel:
    return OperationalModel.model_validate(
        {
            "law": "WPG",
            "variant": "SOLL",
            "municipality": {
                "ags": "05566076",
                "name": "Rheine",
                "kind": "Stadt",
                "population": {"count": 76344, "reference_date": "2022-05-15", "source": "Zensus 2022"},
            },
            "org_units": [{"id": "fb_planung", "name": "FB Planung", "kind": "department"}],
            "steps": [
                {"id": "start", "type": "startEvent"},
                {
                    "id": "beschluss",
                    "name": "Beschluss über die Durchführung",
                    "lane": "fb_planung",
                    "obligations": ["WPG.W01"],
                    "citations": ["§ 13 Abs. 1 Nr. 1 WPG"],
                    "raci": [{"party": "fb_planung", "letter": "A"}],
                    "resources": [{"kind": "staff", "fte": 0.5}, {"kind": "budget", "eur": 268800}],
                },
            ],
            "sequence_flows": [{"id": "f1", "source": "start", "target": "beschluss"}],
        }
    )


def test_records_are_frozen() -> None:
    model = _model()
    with pytest.raises(ValidationError):
        model.steps[0].name = "x"  # type: ignore[misc]


def test_unknown_keys_are_rejected_with_their_path() -> None:
    with pytest.raises(ValidationError) as info:
        OperationalModel.model_validate({"steps": [{"id": "a", "nmae": "typo"}]})
    assert info.value.errors()[0]["loc"] == ("steps", 0, "nmae")


def test_resources_are_discriminated_by_kind() -> None:
    step = _model().steps[1]
    assert isinstance(step.resources[0], StaffResource)
    assert isinstance(step.resources[1], BudgetResource)
    assert step.resources[1].eur == 268800.0
    with pytest.raises(ValidationError):
        TypeAdapter(Resource).validate_python({"kind": "gold", "amount": 1})


def test_json_round_trip_is_identity() -> None:
    model = _model()
    assert OperationalModel.model_validate_json(model.model_dump_json()) == model


def test_two_accountables_load_so_rules_can_report_them() -> None:
    step = Step(id="s", raci=({"party": "a", "letter": "A"}, {"party": "b", "letter": "A"}))  # type: ignore[arg-type]
    assert [r.letter for r in step.raci] == ["A", "A"]


def test_json_schema_has_a_description_for_every_field() -> None:
    for root in (OperationalModel, Catalogue):
        schema = json_schema(root)
        for name, definition in schema.get("$defs", {}).items():
            for field, spec in definition.get("properties", {}).items():
                assert spec.get("description"), f"{name}.{field} has no docstring"


def test_obligation_defaults() -> None:
    ob = Obligation(
        id="WPG.W02", title="t", citations=("§ 13 Abs. 2 WPG",), addressee="planning_body", kind="publication"
    )
    assert ob.verified and not ob.optional and ob.deadlines == ()
    assert OperationalModel().valid_from is None
