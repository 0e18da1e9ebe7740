"""The reader's walk skips content it does not index (extensions, documentation, unknown and foreign elements) as
a whole; a foreign element outside extensionElements, an unknown BPMN element or a comment must not change what
is indexed and reported, with lines and element ids."""

from __future__ import annotations

from vollzug.bpmn.document import BpmnDocument, read_bpmn_bytes

HEAD = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
        b'xmlns:x="urn:example:vendor" id="Defs" targetNamespace="urn:t">\n')
PROCESS = b"""<bpmn:process id="P">
<bpmn:startEvent id="S"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
<bpmn:subProcess id="Sub"><bpmn:incoming>F1</bpmn:incoming>
<bpmn:extensionElements><x:meta><bpmn:task id="Hidden"/></x:meta></bpmn:extensionElements>
<bpmn:documentation>Text <x:b>bold</x:b></bpmn:documentation>
<bpmn:task id="Inner" x:flag="1"><bpmn:outgoing>Ghost</bpmn:outgoing></bpmn:task>
</bpmn:subProcess>
<bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Sub"/>
<bpmn:task id="S"/>
%s
</bpmn:process>
"""
TAIL = b"</bpmn:definitions>\n"


def read(extra: bytes = b"") -> BpmnDocument:
    return read_bpmn_bytes(HEAD + PROCESS.replace(b"%s", extra) + TAIL, source="t.bpmn")


def index(doc: BpmnDocument) -> list[tuple[object, ...]]:
    return [(e.id, e.category, e.line, e.container, e.process, e.documentation, dict(e.foreign_attributes),
             len(e.extensions), e.incoming, e.outgoing) for e in doc.elements.values()]


def test_fast_walk_skips_extension_content_and_keeps_warnings() -> None:
    doc = read()
    assert "Hidden" not in doc.elements
    assert doc.elements["Inner"].container == "Sub" and doc.elements["Inner"].process == "P"
    assert doc.elements["Inner"].foreign_attributes == {"{urn:example:vendor}flag": "1"}
    assert doc.elements["Sub"].documentation == "Text bold"
    assert len(doc.elements["Sub"].extensions) == 1
    assert [(d.code, d.line, d.element) for d in doc.diagnostics] == [
        ("RD003", 11, "S"), ("RD004", 8, "Inner")]


def test_foreign_element_outside_extensions_is_reported_and_changes_nothing_else() -> None:
    plain = read()
    foreign = read(b'<x:widget id="W"><bpmn:task id="InWidget"/></x:widget>')
    assert index(foreign) == index(plain)
    assert "InWidget" not in foreign.elements
    assert [(d.code, d.line, d.element) for d in foreign.diagnostics] == [
        ("RD003", 11, "S"), ("RD002", 12, "W"), ("RD004", 8, "Inner")]
    assert [tuple(r) for r in foreign.references] == [tuple(r) for r in plain.references]


def test_unknown_bpmn_element_hides_its_content() -> None:
    doc = read(b'<bpmn:fancyThing id="Fancy"><bpmn:task id="InFancy"/></bpmn:fancyThing>')
    assert "Fancy" not in doc.elements and "InFancy" not in doc.elements
    assert ("RD001", 12, "Fancy") in [(d.code, d.line, d.element) for d in doc.diagnostics]
    assert index(doc) == index(read())


def test_comments_and_processing_instructions_change_nothing() -> None:
    doc = read(b"<!-- a comment --><?vendor hint?>")
    assert index(doc) == index(read())
    assert [(d.code, d.line) for d in doc.diagnostics] == [(d.code, d.line) for d in read().diagnostics]
