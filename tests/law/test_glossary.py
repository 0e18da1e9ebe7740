"""The glossary covers every term the catalogues and the model use."""

from __future__ import annotations

import typing

import pytest

from vollzug.glossary import GAP_CATEGORIES, gap_category, term, terms_in
from vollzug.law.catalogue import list_catalogues
from vollzug.model.actors import OrgUnitKind
from vollzug.model.law import ObligationKind
from vollzug.model.process import NotificationChannel, RaciLetter


def test_gap_categories() -> None:
    assert tuple(f"G{i:02d}" for i in range(1, 16)) == GAP_CATEGORIES
    assert gap_category("G05").name == "Medienbruch"
    assert gap_category("g05", "en").name == "Media break"
    for code in GAP_CATEGORIES:
        de, en = gap_category(code, "de"), gap_category(code, "en")
        assert de.definition and en.definition and de.definition != en.definition
    with pytest.raises(KeyError):
        gap_category("G99")


@pytest.mark.parametrize(
    ("group", "literal"),
    [("obligation_kind", ObligationKind), ("org_unit_kind", OrgUnitKind), ("channel", NotificationChannel),
     ("raci", RaciLetter)],
)
def test_every_literal_has_a_term(group: str, literal: object) -> None:
    assert set(terms_in(group)) == set(typing.get_args(literal))


def test_every_catalogue_stakeholder_kind_and_option_has_a_term() -> None:
    for catalogue in list_catalogues():
        for kind in catalogue.stakeholder_kinds:
            assert term(f"stakeholder.{kind.id}", "de")
            assert term(f"stakeholder.{kind.id}", "en")
        for option in catalogue.land_options:
            assert term(f"land_option.{option.id}")


def test_term_lookup() -> None:
    assert term("variant.SOLL") == "SOLL"
    assert term("variant.IST", "en") == "as-is"
    assert term("nope", default="x") == "x"
    with pytest.raises(KeyError):
        term("nope")
