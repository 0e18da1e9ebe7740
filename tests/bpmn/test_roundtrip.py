"""Lossless round trip: write_bpmn of an unmodified document keeps everything; is_lossless finds differences."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from vollzug.bpmn.document import read_bpmn, read_bpmn_bytes
from vollzug.bpmn.roundtrip import is_lossless
from vollzug.bpmn.writer import write_bpmn

FIXTURES = Path(__file__).parents[1] / "fixtures" / "bpmn"
ALL = sorted(FIXTURES.glob("*.bpmn"))


@pytest.mark.parametrize("path", ALL, ids=[p.name for p in ALL])
def test_fixture_round_trip_is_lossless_and_input_untouched(path: Path) -> None:
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    original = path.read_bytes()
    written = write_bpmn(read_bpmn(path))
    assert is_lossless(original, written) == (True, None)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_vendor_extensions_comments_pis_and_unused_namespaces_survive() -> None:
    written = write_bpmn(read_bpmn(FIXTURES / "all-elements.bpmn"))
    for needle in (b'camunda:assignee="sachbearbeitung"', b"<signavio:signavioMetaData", b"<?vendor-pi keep=\"me\"?>",
                   b"<!-- Hand-written fixture", b'xmlns:unused="urn:example:unused"', b"<![CDATA[if (a < b)",
                   b'<dc:Bounds x="270.5"'):
        assert needle in written


def test_encoding_and_missing_declaration_are_kept() -> None:
    latin = write_bpmn(read_bpmn(FIXTURES / "latin1.bpmn"))
    assert latin.startswith(b"<?xml version='1.0' encoding='ISO-8859-1'?>")
    assert "Wärmeplanung".encode("latin-1") in latin
    bare = write_bpmn(read_bpmn(FIXTURES / "no-declaration.bpmn"))
    assert bare.startswith(b"<definitions")
    standalone = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + BASE
    assert write_bpmn(read_bpmn_bytes(standalone)).startswith(
        b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>")


def test_lax_file_round_trips_with_unknown_content() -> None:
    original = (FIXTURES / "lax.bpmn").read_bytes()
    written = write_bpmn(read_bpmn(FIXTURES / "lax.bpmn"))
    assert is_lossless(original, written)[0]
    assert b"<fancyTask" in written and b"<foo:widget" in written


BASE = (b'<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:x="urn:x" id="D">'
        b'<process id="P" x:a="1"><task id="T" name="A"/><!-- c --></process></definitions>')


@pytest.mark.parametrize(("changed", "expected"), [
    (BASE.replace(b'name="A"', b'name="B"'), "attribute 'name'"),
    (BASE.replace(b'<task id="T" name="A"/>', b""), "element"),
    (BASE.replace(b"<!-- c -->", b"<!-- d -->"), "text"),
    (BASE.replace(b"urn:x", b"urn:y"), "namespaces in scope differ"),
    (BASE.replace(b' x:a="1"', b""), "attribute '{urn:x}a'"),
    (BASE.replace(b"</process>", b"<task id='U'/></process>"), "child nodes"),
    (b'<?xml version="1.0" encoding="ISO-8859-1"?>' + BASE, "encoding"),
    (BASE.replace(b"<!-- c -->", b"<?other x?>"), "element"),
])
def test_differences_are_found_and_named(changed: bytes, expected: str) -> None:
    ok, diff = is_lossless(BASE, changed)
    assert not ok
    assert diff is not None and expected in diff


def test_whitespace_and_attribute_order_do_not_count() -> None:
    reordered = BASE.replace(b'<task id="T" name="A"/>', b'\n    <task name="A" id="T" />\n')
    assert is_lossless(BASE, reordered) == (True, None)


def test_namespace_declarations_count() -> None:
    extra = BASE.replace(b'xmlns:x="urn:x"', b'xmlns:x="urn:x" xmlns:z="urn:z"')
    ok, diff = is_lossless(BASE, extra)
    assert not ok and diff is not None and "namespaces" in diff


def test_round_trip_of_bytes_without_file() -> None:
    assert write_bpmn(read_bpmn_bytes(BASE)) == BASE
