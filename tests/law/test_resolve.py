"""contains() and resolve(): ranges, lists, f./ff., renumbering through the FZV table."""

from __future__ import annotations

import pytest

from vollzug.law.catalogue import load_catalogue
from vollzug.law.citation import contains, parse_citation, resolve


@pytest.mark.parametrize(
    ("broader", "narrower", "expected"),
    [
        ("§ 7 Abs. 2 Nr. 1–4 WPG", "§ 7 Abs. 2 Nr. 1 WPG", True),
        ("§ 7 Abs. 2 Nr. 1 WPG", "§ 7 Abs. 2 Nr. 1–4 WPG", False),
        ("§ 7 WPG", "§ 7 Abs. 2 Nr. 3 WPG", True),
        ("§ 7 Abs. 3 WPG", "§ 7 Abs. 2 WPG", False),
        ("§§ 10 bis 12 WPG", "§ 11 Abs. 1 WPG", True),
        ("§§ 10 bis 12 WPG", "§ 13 WPG", False),
        ("§ 7 Abs. 2 und 3 WPG", "§ 7 Abs. 3 Satz 1 WPG", True),
        ("§ 5 ff. WPG", "§ 9 WPG", True),
        ("§ 5 f. WPG", "§ 6 WPG", True),
        ("§ 5 f. WPG", "§ 7 WPG", False),
        ("§§ 15a–15f FZV a. F.", "§ 15c FZV a. F.", True),
        ("§§ 15a–15f FZV a. F.", "§ 15c FZV", False),
        ("§ 15 FZV", "§ 15a FZV", False),
        ("§ 13 WPG", "§ 13 GEG", False),
        ("Anlage 2 WPG", "§ 2 WPG", False),
        ("Art. 6 Abs. 1 DSGVO", "Art. 6 Abs. 1 UAbs. 1 Buchst. e DSGVO", True),
    ],
)
def test_contains(broader: str, narrower: str, expected: bool) -> None:
    assert contains(parse_citation(broader), parse_citation(narrower)) is expected


def test_contains_is_reflexive_for_catalogue_citations() -> None:
    for catalogue in (load_catalogue("WPG"), load_catalogue("FZV")):
        for ob in catalogue.obligations:
            for text in ob.citations:
                citation = parse_citation(text)
                assert contains(citation, citation), text


def test_resolve_narrow_citation_finds_broader_obligation() -> None:
    result = resolve("§ 7 Abs. 2 Nr. 1 WPG", load_catalogue("WPG"))
    ids = [ob.id for ob in result.obligations]
    assert "WPG.W04" in ids
    assert "WPG.W05" not in ids  # § 7 Abs. 3
    assert [n.citation for n in result.norms] == ["§ 7 WPG"]


def test_resolve_whole_section_finds_all_its_obligations() -> None:
    ids = {ob.id for ob in resolve("§ 13 WPG", load_catalogue("WPG")).obligations}
    assert {"WPG.W01", "WPG.W02", "WPG.W10", "WPG.W11", "WPG.W12"} <= ids


def test_resolve_renumbered_fzv_citation() -> None:
    result = resolve(parse_citation("§ 23 FZV a. F."), load_catalogue("FZV"))
    assert result.citation.key == "FZV:§49"
    assert [ob.id for ob in result.obligations] == ["FZV.K01"]


def test_resolve_renumbered_keeps_units() -> None:
    result = resolve("§ 25 Abs. 4 FZV a. F.", load_catalogue("FZV"))
    assert result.citation.key == "FZV:§51/Abs4"
    assert [ob.id for ob in result.obligations] == ["FZV.K11"]


def test_resolve_old_online_procedure_range() -> None:
    result = resolve("§ 15c FZV a. F.", load_catalogue("FZV"))
    assert result.citation.key == "FZV:§18-32"
    assert {"FZV.K02", "FZV.K03", "FZV.K08"} <= {ob.id for ob in result.obligations}


def test_current_number_is_not_renumbered() -> None:
    result = resolve("§ 23 FZV", load_catalogue("FZV"))
    assert result.citation.key == "FZV:§23"
    assert [ob.id for ob in result.obligations] == ["FZV.K07"]


def test_resolve_unknown_norm_is_empty() -> None:
    result = resolve("§ 99 WPG", load_catalogue("WPG"))
    assert result.obligations == [] and result.norms == []
