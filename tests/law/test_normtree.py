"""Norm tree: the shared WPG (two versions) and FZV texts in Markdown and our own gii-norm XML files, addresses
that the citation grammar resolves, unit counts per level, hostile XML refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from vollzug.errors import HostileInputError, InputError
from vollzug.law.citation import parse_citation
from vollzug.law.gii import read_gii, strip_external_doctype
from vollzug.law.markdown_text import parse_markdown, read_markdown
from vollzug.law.normtree import TreeIndex, count_levels, iter_units, lookup
from vollzug.law.sentences import split_sentences
from vollzug.law.texts import load_tree, text_dir

REPO = Path(__file__).resolve().parents[2]
LAWS = REPO.parent.parent / "shared" / "corpora" / "laws"
if not LAWS.is_dir():
    LAWS = REPO / ".." / "shared" / "corpora" / "laws"
GII = REPO / "tests" / "fixtures" / "law" / "gii"
needs_corpus = pytest.mark.skipif(not (LAWS / "wpg" / "index.md").is_file(), reason="shared law corpus missing")


@needs_corpus
@pytest.mark.parametrize(("folder", "law", "version", "norms"), [
    ("wpg", "WPG", "2026-03-11", 39), ("wpg-2025-12", "WPG", "2025-12-02", 38), ("fzv", "FZV", "2026-03-05", 37),
])
def test_shared_texts_import(folder: str, law: str, version: str, norms: int) -> None:
    tree = read_markdown(LAWS / folder / "index.md")
    assert (tree.law, tree.version.id) == (law, version)
    index = TreeIndex(tree)
    assert len(index.norms) == norms
    counts = count_levels(tree)
    assert counts["Abs"] > 100 and counts["S"] > 250 and counts["Nr"] > 150


@needs_corpus
def test_every_address_is_the_key_of_its_citation() -> None:
    tree = read_markdown(LAWS / "wpg" / "index.md")
    for unit in iter_units(tree.units):
        if unit.kind in ("§", "Anl", "Abs", "S", "Nr", "Buchst", "DBuchst") and "/Ziff" not in unit.address:
            assert parse_citation(unit.citation).key == unit.address, unit.citation


@needs_corpus
def test_structure_of_known_units() -> None:
    index = TreeIndex(read_markdown(LAWS / "wpg" / "index.md"))
    abs2 = index.by_address["WPG:§7/Abs2"]
    assert [c.kind for c in abs2.children] == ["S", "S"]  # list in Satz 1, the Bundeswehr in Satz 2
    assert [n.number for n in abs2.children[0].children] == ["1", "2", "3", "4"]
    assert index.by_address["WPG:Anl2"].title == "Darstellungen im Wärmeplan"
    assert index.by_address["WPG:Anl2"].note.startswith("(zu § 23)")
    assert index.by_address["WPG:§28"].title == "Transformation von Gasverteilernetzen"
    assert index.by_address["WPG:Teil3"].title == "Anforderungen an Betreiber von Wärmenetzen"
    assert "Kohlenstoffdioxid-Äquivalent" in index.by_address["WPG:Anl2"].text  # line-break hyphen joined
    fzv = TreeIndex(read_markdown(LAWS / "fzv" / "index.md"))
    assert [c.kind for c in fzv.by_address["FZV:§26/Abs4"].children] == ["S"]  # Nr. 1–5 are full sentences
    assert "sechs Kalendertage" in fzv.by_address["FZV:§26/Abs4/Nr4"].text


@needs_corpus
@pytest.mark.parametrize(("text", "found", "missing"), [
    ("§ 4 Abs. 2 Nr. 1 WPG", True, ""), ("§ 7 Abs. 2 Satz 2 WPG", True, ""), ("Anlage 2 WPG", True, ""),
    ("§ 7 Abs. 2 Nr. 1–4 WPG", True, ""), ("§§ 17 bis 20 WPG", True, ""), ("§ 6 Satz 2 WPG", True, ""),
    ("Anlage 1 Nr. 5 Buchst. a Doppelbuchst. aa WPG", True, ""),
    ("§ 7 Abs. 2 Satz 3 WPG", False, "§ 7 Abs. 2 Satz 3 (§ 7 Abs. 2 WPG: 2 × Satz)"),
    ("§ 99 WPG", False, "§ 99"),
])
def test_lookup(text: str, found: bool, missing: str) -> None:
    index = TreeIndex(read_markdown(LAWS / "wpg" / "index.md"))
    result = lookup(index, parse_citation(text))
    assert result.found is found
    assert result.missing == missing


def test_own_gii_files() -> None:
    tree = read_gii(GII / "wpg-excerpt.xml")
    assert (tree.law, tree.version.id, tree.source_format) == ("WPG", "2026-03-11", "gii-xml")
    index = TreeIndex(tree)
    assert index.by_address["WPG:Teil2/Abschnitt1"].title == "Pflicht zur Wärmeplanung"
    assert [u.address for u in index.by_address["WPG:Teil2/Abschnitt1"].children] == ["WPG:§4"]
    assert index.by_address["WPG:§4/Abs2/S1/Nr2"].text.startswith("30. Juni 2028")
    assert index.by_address["WPG:§4/Abs2/S2"].text == "§ 5 bleibt unberührt."
    assert index.by_address["WPG:Anl1/Nr1/Buchsta/Buchstbb"].text == "zur Art,"
    assert count_levels(tree) == {"Teil": 1, "Abschnitt": 2, "§": 2, "Abs": 4, "S": 8, "Nr": 5, "Anl": 1,
                                  "Buchst": 2, "DBuchst": 2}
    fzv = read_gii(GII / "fzv-excerpt.xml")
    assert fzv.law == "FZV" and fzv.jurabk == "FZV 2023"
    assert "nicht abschließend bearbeitet" in fzv.version.pending
    assert TreeIndex(fzv).by_address["FZV:§32/Abs1/S4"].text.startswith("Liegt eine der Angaben")


@pytest.mark.parametrize("name", ["internal-subset.xml", "entity-no-doctype.xml", "two-doctypes.xml"])
def test_hostile_gii_refused(name: str) -> None:
    with pytest.raises(HostileInputError):
        read_gii(GII / name)


def test_external_doctype_is_blanked_not_loaded() -> None:
    data = (GII / "wpg-excerpt.xml").read_bytes()
    cleaned = strip_external_doctype(data)
    assert b"<!DOCTYPE" not in cleaned and len(cleaned) == len(data)
    assert cleaned.count(b"\n") == data.count(b"\n")  # line numbers kept


def test_markdown_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "x.md"
    bad.write_text("---\nTitle: x\n", encoding="utf-8")
    with pytest.raises(InputError, match="front matter"):
        read_markdown(bad)
    bad.write_bytes(b"\xff\xfe")
    with pytest.raises(InputError, match="not UTF-8"):
        read_markdown(bad)
    assert parse_markdown("# Gesetz (TG)\n\n### § 1 Eins\n\n(1) Text.\n").law == "TG"


@pytest.mark.parametrize(("text", "count"), [
    ("Die Frist endet am 30. Juni 2026. Danach gilt Satz 2.", 2),
    ("Nach § 13 Abs. 1 Nr. 1 ist z. B. das zu tun. Die Stelle prüft.", 2),
    ("Es gilt Absatz 1 Nummer 3. Die Stelle prüft.", 2),
    ("Am 1. Januar 2024 gemeldet sind.", 1),
    ("Die Evaluierung erfolgt zum Ablauf des 31. Dezember 2027. Hierbei wird überprüft.", 2),
])
def test_sentences(text: str, count: int) -> None:
    assert len(split_sentences(text)) == count


@needs_corpus
def test_shipped_texts_equal_a_fresh_import() -> None:
    for law, folder, file in (("WPG", "wpg", "2026-03-11"), ("WPG", "wpg-2025-12", "2025-12-02"),
                              ("FZV", "fzv", "2026-03-05")):
        shipped = load_tree(text_dir(law) / f"{file}.json")
        fresh = read_markdown(LAWS / folder / "index.md", source=shipped.source)
        assert shipped == fresh


def test_gii_list_beside_the_paragraph() -> None:
    index = TreeIndex(read_gii(GII / "dl-beside-p.xml"))
    assert index.by_address["TG:§1/Abs1/Nr2"].text == "zu entscheiden."
    assert index.by_address["TG:§1/Abs2"].text == "Die Entscheidung ist bekanntzugeben."
