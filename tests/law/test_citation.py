"""The citation parser: every example of BRIEF §5, the extra grammar, errors, and property tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vollzug.errors import CatalogueError
from vollzug.law.citation import CitationError, parse_citation, parse_citations, roman_to_int

# BRIEF §5.3 test cases (all must parse as one citation) with their canonical keys.
BRIEF_CASES = [
    ("§ 13 Abs. 2 Satz 1 Nr. 3 WPG", "WPG:§13/Abs2/S1/Nr3"),
    ("§ 13 Absatz 1 Satz 1 Nummer 1 WPG", "WPG:§13/Abs1/S1/Nr1"),
    ("§ 4 Abs. 2 Satz 1 Nr. 2 WPG", "WPG:§4/Abs2/S1/Nr2"),
    ("§§ 10 bis 12 WPG", "WPG:§10-12"),
    ("§ 14 Abs. 3 Nr. 1 WPG", "WPG:§14/Abs3/Nr1"),
    ("§ 71 Abs. 8 S. 3 GEG", "GEG:§71/Abs8/S3"),
    ("§ 71k Abs. 1 Nr. 1 GEG", "GEG:§71k/Abs1/Nr1"),
    ("§ 2 Abs. 1 LWPG NRW", "LWPG NRW:§2/Abs1"),
    ("§ 4 GO NRW", "GO NRW:§4"),
    ("§ 75 Abs. 2 Satz 1 Nr. 4 FZV", "FZV:§75/Abs2/S1/Nr4"),
    ("§ 23 FZV a. F.", "FZV:§23@aF"),
    ("Art. 84 Abs. 1 S. 7 GG", "GG:Art84/Abs1/S7"),
    ("Anlage 2 WPG", "WPG:Anl2"),
    ("§ 5 ff. WPG", "WPG:§5ff"),
    ("§ 7 Abs. 2 und 3 WPG", "WPG:§7/Abs2,3"),
    ("Art. 6 Abs. 1 UAbs. 1 Buchst. e DSGVO", "DSGVO:Art6/Abs1/UAbs1/Buchste"),
]

# BRIEF §5.1 conventions and the brief's task list.
CONVENTION_CASES = [
    ("§ 5 Absatz 1 Satz 2 BGB", "BGB:§5/Abs1/S2"),
    ("§§ 13 bis 20 WPG", "WPG:§13-20"),
    ("§§ 10–12 WPG", "WPG:§10-12"),
    ("§ 5 f. WPG", "WPG:§5f"),
    ("§ 7 Abs. 2 Nr. 1 bis 4 WPG", "WPG:§7/Abs2/Nr1-4"),
    ("§ 7 Abs. 2 Nr. 1–4 WPG", "WPG:§7/Abs2/Nr1-4"),
    ("§ 15a FZV a. F.", "FZV:§15a@aF"),
    ("Art. 16a GG", "GG:Art16a"),
    ("§ 9a Satz 1 Nummer 1 Buchstabe a EStG", "EStG:§9a/S1/Nr1/Buchsta"),
    ("§ 3 Abs. 1 Nr. 1 a WPG", "WPG:§3/Abs1/Nr1/Buchsta"),
    ("§ 5 I 2 BGB", "BGB:§5/Abs1/S2"),
    ("§ 823 II BGB", "BGB:§823/Abs2"),
    ("Anlage 2 (zu § 23) WPG", "WPG:Anl2"),
    ("Anl. 1 WPG", "WPG:Anl1"),
    ("Artikel 84 Absatz 1 Satz 7 GG", "GG:Art84/Abs1/S7"),
    ("§ 2 Abs. 1 Hs. 2 Alt. 1 BGB", "BGB:§2/Abs1/Hs2/Alt1"),
    ("§ 2 Absätze 4 und 5 LWPG NRW", "LWPG NRW:§2/Abs4,5"),
    ("§ 7 Abs. 2 Sätze 1 bis 3 WPG", "WPG:§7/Abs2/S1-3"),
    ("§ 13 Nrn. 1, 3 und 5 WPG", "WPG:§13/Nr1,3,5"),
    ("Art. 6 Abs. 1 lit. c DSGVO", "DSGVO:Art6/Abs1/Buchstc"),
    ("§ 1 GkG NRW", "GkG NRW:§1"),
    ("§ 53 KrO NRW", "KrO NRW:§53"),
    ("§ 49 FZV n. F.", "FZV:§49@nF"),
    ("§§ 23, 27, 30, 31 FZV", "FZV:§23,27,30,31"),
    ("§ 4 GO NW", "GO NRW:§4"),
    ("§ 14 Abs. 1–3 WPG", "WPG:§14/Abs1-3"),
]


@pytest.mark.parametrize(("text", "key"), BRIEF_CASES + CONVENTION_CASES)
def test_single_citation_key(text: str, key: str) -> None:
    citation = parse_citation(text)
    assert citation.key == key
    assert citation.text == text


@pytest.mark.parametrize(
    "text",
    ["GV. NRW. S. 1177", "BGBl. I S. 139", "BGBl. 2023 I Nr. 394", "Seite 5 Absatz 3", "Art und Weise", "Anlage"],
)
def test_not_a_citation(text: str) -> None:
    assert parse_citations(text) == []


def test_ivm_chain_inherits_law_from_next_member() -> None:
    first, second = parse_citations("§ 13 Abs. 2 i. V. m. Anlage 2 WPG")
    assert (first.key, second.key) == ("WPG:§13/Abs2", "WPG:Anl2")
    assert first.text == "§ 13 Abs. 2"


def test_ivm_chain_inherits_law_from_previous_member() -> None:
    found = parse_citations("§ 13 Abs. 2 WPG iVm Anlage 2")
    assert [c.key for c in found] == ["WPG:§13/Abs2", "WPG:Anl2"]


def test_in_verbindung_mit_and_list_chains() -> None:
    found = parse_citations("§ 5 f. und § 7 in Verbindung mit § 9 WPG")
    assert [c.key for c in found] == ["WPG:§5f", "WPG:§7", "WPG:§9"]


def test_semicolon_ends_a_chain() -> None:
    found = parse_citations("§ 4 Abs. 1, § 33 Abs. 1 WPG; § 2 Abs. 1 LWPG NRW")
    assert [c.key for c in found] == ["WPG:§4/Abs1", "WPG:§33/Abs1", "LWPG NRW:§2/Abs1"]


def test_citation_inside_free_text() -> None:
    found = parse_citations("Beschluss (§ 13 Abs. 1 Nr. 1 WPG) und Bekanntmachung nach § 13 Abs. 2 WPG.")
    assert [c.key for c in found] == ["WPG:§13/Abs1/Nr1", "WPG:§13/Abs2"]
    assert found[0].text == "§ 13 Abs. 1 Nr. 1 WPG"


def test_gazette_page_after_citation_is_not_a_sentence() -> None:
    found = parse_citations("§ 2 Abs. 5 LWPG NRW (GV. NRW. S. 1177)")
    assert [c.key for c in found] == ["LWPG NRW:§2/Abs5"]


def test_letter_suffix_without_space_vs_buchstabe() -> None:
    assert parse_citation("§ 71k GEG").numbers == ("71k",)
    spaced = parse_citation("§ 9a Nr. 1 Buchst. b EStG")
    assert spaced.numbers == ("9a",)
    assert spaced.units[-1].level == "Buchst"
    assert spaced.units[-1].values == ("b",)


def test_brief_5_1_combinations_and_long_forms() -> None:
    assert [c.key for c in parse_citations("gem. § 13 Abs. 2 WPG")] == ["WPG:§13/Abs2"]
    assert [c.key for c in parse_citations("nach § 7 WPG analog")] == ["WPG:§7"]
    assert parse_citation("Art. 6 Abs. 1 Verordnung (EU) 2016/679").key == "VO (EU) 2016/679:Art6/Abs1"
    assert [c.key for c in parse_citations("Ziffer IV. der Anlage 2 WPG")] == ["WPG:Anl2"]
    assert parse_citations("Wärmeplanungsgesetz vom 20. Dezember 2023 (BGBl. 2023 I Nr. 394)") == []


def test_no_law_gives_unknown_in_key() -> None:
    assert parse_citation("§§ 10–12").key == "?:§10-12"


def test_common_words_are_not_laws() -> None:
    citation = parse_citations("nach § 13 Abs. 2 Der Rat beschließt")[0]
    assert citation.law is None


@pytest.mark.parametrize("text", ["", "kein Zitat", "§ 13 WPG und § 14 WPG", "§ 13 WPG ist wichtig", "§ WPG"])
def test_parse_citation_rejects(text: str) -> None:
    with pytest.raises(CitationError) as info:
        parse_citation(text)
    assert isinstance(info.value, CatalogueError)
    assert isinstance(info.value, ValueError)
    assert repr(text) in str(info.value)


@pytest.mark.parametrize(("roman", "value"), [("I", 1), ("IV", 4), ("IX", 9), ("XIV", 14), ("", None), ("IIII", None)])
def test_roman(roman: str, value: int | None) -> None:
    assert roman_to_int(roman) == value


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("§ .,-–abfiknrsuvAFGLNPRSVWZ0123456789()äöü")), max_size=60))
def test_parser_never_crashes_on_citation_like_noise(text: str) -> None:
    for citation in parse_citations(text):
        assert citation.text in text
        assert citation.numbers


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_parser_never_crashes_on_arbitrary_text(text: str) -> None:
    parse_citations(text)


_num = st.integers(min_value=1, max_value=120).map(str)
_unit_words = {"Abs": ["Abs.", "Absatz"], "S": ["Satz", "S."], "Nr": ["Nr.", "Nummer"]}


@st.composite
def _citations(draw: st.DrawFn) -> tuple[str, str]:
    number = draw(_num) + draw(st.sampled_from(["", "a", "k"]))
    parts, key = [f"§ {number}"], f"§{number}"
    for level in draw(st.lists(st.sampled_from(["Abs", "S", "Nr"]), unique=True, max_size=3)):
        value = draw(_num)
        parts.append(f"{draw(st.sampled_from(_unit_words[level]))} {value}")
        key += f"/{level}{value}"
    law = draw(st.sampled_from(["WPG", "FZV", "LWPG NRW", "BauGB"]))
    return " ".join([*parts, law]), f"{law}:{key}"


@settings(max_examples=200, deadline=None)
@given(_citations())
def test_generated_citations_parse_to_their_key_and_key_is_stable(case: tuple[str, str]) -> None:
    text, key = case
    citation = parse_citation(text)
    assert citation.key == key
    again = parse_citation(citation.text)
    assert again.key == citation.key
    assert parse_citations(f"Vorher {text}, nachher.")[0].key == key


@settings(max_examples=150, deadline=None)
@given(_citations())
def test_contains_properties(case: tuple[str, str]) -> None:
    from vollzug.law.citation import contains

    citation = parse_citation(case[0])
    assert contains(citation, citation)
    if citation.units:
        broader = citation.model_copy(update={"units": citation.units[:-1]})
        assert contains(broader, citation)
        assert not contains(citation, broader)
