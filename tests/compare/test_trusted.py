"""compare.trusted: the fast constructor gives exactly what ``model_construct`` gives (or falls back to it)."""

from __future__ import annotations

import pickle

import pytest
from pydantic import BaseModel, Field

from vollzug.compare.results import Gap, ObligationCell, Outlier, TownResult
from vollzug.compare.trusted import trusted
from vollzug.i18n import Text

CASES = [
    (ObligationCell, {"obligation": "WPG.W01", "status": "not_applicable",
                      "reasons": (Text(de="Einwohner", en="inhabitants"),)}),
    (ObligationCell, {"obligation": "WPG.W04", "status": "deviating", "reasons": (Text.same("a"), Text.same("b")),
                      "steps": ("T1",),
                      "responsible": "FB61", "responsible_name": "Planung", "raci": ("FB61:A",), "fte": 0.25,
                      "eur": 100.0, "it_systems": ("GIS",), "stakeholders": ("public",), "notified": True}),
    (Gap, {"category": "G01", "code": "CMP001", "message": Text(de="fehlt", en="missing"), "obligation": "WPG.W01",
           "citation": "§ 4"}),
    (Gap, {"category": "", "code": "RS003", "message": Text.same("m"), "element": None, "citation": "",
           "source": "rules"}),
    (Outlier, {"obligation": "WPG.W01", "town": "a",
               "reason": Text(de="fehlt (meist abgedeckt)", en="missing (mostly covered)")}),
]


def _same(a: BaseModel, b: BaseModel) -> None:
    assert type(a) is type(b)
    assert list(a.__dict__.items()) == list(b.__dict__.items())  # values and field order (the JSON key order)
    assert a.model_fields_set == b.model_fields_set
    assert a.__pydantic_extra__ == b.__pydantic_extra__
    assert a.__pydantic_private__ == b.__pydantic_private__
    assert a.model_dump_json() == b.model_dump_json()
    assert a == b and hash(a) == hash(b) and repr(a) == repr(b)
    assert pickle.loads(pickle.dumps(a)) == b


@pytest.mark.parametrize(("cls", "values"), CASES)
def test_same_as_model_construct(cls: type[BaseModel], values: dict[str, object]) -> None:
    built = trusted(cls)(**values)
    _same(built, cls.model_construct(**values))
    assert built == cls(**values)  # the values are valid: validation gives the same record


def test_records_are_independent() -> None:
    make = trusted(ObligationCell)
    first, second = make(obligation="a", status="covered"), make(obligation="b", status="missing")
    assert (first.obligation, first.status, second.obligation, second.status) == ("a", "covered", "b", "missing")
    assert first.__dict__ is not second.__dict__
    assert first.model_fields_set is not second.model_fields_set


def test_odd_calls_fall_back_to_model_construct() -> None:
    make = trusted(Gap)
    _same(make(category="G01", code="X", unknown="ignored"), Gap.model_construct(category="G01", code="X",
                                                                                   unknown="ignored"))
    _same(make(category="G01", message=Text.same("no code")),
          Gap.model_construct(category="G01", message=Text.same("no code")))


class _WithFactory(BaseModel):
    items: list[str] = Field(default_factory=list)


class _WithAlias(BaseModel):
    value: int = Field(0, alias="v")


class _MutableDefault(BaseModel):
    values: tuple[list[int], ...] = ([1],)


@pytest.mark.parametrize("cls", [_WithFactory, _WithAlias, _MutableDefault, TownResult])
def test_other_classes_use_model_construct(cls: type[BaseModel]) -> None:
    assert trusted(cls) == cls.model_construct
