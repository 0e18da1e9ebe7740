"""The safe parser: hostile constructs refused, limits enforced, errors located (no CLI here; see tests/cli)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vollzug.bpmn import safe_xml
from vollzug.errors import HostileInputError, NotBpmnError, NotXmlError

HOSTILE = Path(__file__).parents[1] / "fixtures" / "hostile"
BPMN = b'<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><process id="P"/></definitions>'


@pytest.mark.parametrize("name", ["xxe-file.bpmn", "xxe-url.bpmn", "external-dtd.bpmn", "billion-laughs.bpmn",
                                  "quadratic-blowup.bpmn"])
def test_doctype_refused_with_line(name: str) -> None:
    with pytest.raises(HostileInputError) as info:
        safe_xml.parse_bpmn_file(HOSTILE / name)
    assert info.value.line == 2
    assert name in str(info.value)


def test_doctype_after_comment_and_pi_is_found() -> None:
    data = b'<?xml version="1.0"?>\n<!-- c -->\n<?pi x?>\n<!DOCTYPE d [<!ENTITY e "x">]>\n' + BPMN
    with pytest.raises(HostileInputError) as info:
        safe_xml.parse_xml_bytes(data, source="mem.bpmn")
    assert info.value.line == 4


def test_utf16_doctype_is_refused_after_parsing() -> None:
    text = '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
    data = (text + BPMN.decode()).encode("utf-16")
    with pytest.raises(HostileInputError):
        safe_xml.parse_xml_bytes(data)


def test_size_limit_checked_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.bpmn"
    big.write_bytes(BPMN + b" " * 2048)
    with pytest.raises(HostileInputError, match="larger than the limit"):
        safe_xml.parse_bpmn_file(big, safe_xml.Limits(max_bytes=1024))


def test_depth_and_element_limits() -> None:
    deep = b"<a>" * 50 + b"</a>" * 50
    with pytest.raises(HostileInputError, match="nested deeper"):
        safe_xml.parse_xml_bytes(deep, limits=safe_xml.Limits(max_depth=20))
    many = b"<r>" + b"<x/>" * 100 + b"</r>"
    with pytest.raises(HostileInputError, match="elements"):
        safe_xml.parse_xml_bytes(many, limits=safe_xml.Limits(max_elements=50))
    assert safe_xml.parse_xml_bytes(many).getroot().tag == "r"


def test_libxml2_depth_limit_is_an_error_not_a_crash() -> None:
    deep = b"<a>" * 300 + b"</a>" * 300
    with pytest.raises(HostileInputError):
        safe_xml.parse_xml_bytes(deep, limits=safe_xml.Limits(max_depth=10_000))


def test_not_xml_and_encoding_errors_have_lines() -> None:
    with pytest.raises(NotXmlError) as info:
        safe_xml.parse_bpmn_file(HOSTILE / "latin1-declared-utf8.bpmn")
    assert info.value.line == 4
    assert "encoding" in info.value.message
    with pytest.raises(NotXmlError, match="empty"):
        safe_xml.parse_xml_bytes(b"  \n")
    with pytest.raises(NotXmlError, match="not well-formed"):
        safe_xml.parse_xml_bytes(b"<a><b></a>", source="x.xml")


def test_not_bpmn() -> None:
    with pytest.raises(NotBpmnError, match="root element is <html>"):
        safe_xml.parse_bpmn_file(HOSTILE / "not-bpmn.bpmn")
    wrong_ns = b'<definitions xmlns="http://www.omg.org/spec/BPMN/20100501/MODEL" id="D"/>'
    with pytest.raises(NotBpmnError, match="namespace"):
        safe_xml.parse_bpmn_bytes(wrong_ns)


def test_other_xml_parses_with_lines_and_comments_kept() -> None:
    tree = safe_xml.parse_xml_bytes(b'<log xmlns="http://www.xes-standard.org/">\n<!-- c -->\n<trace/></log>')
    root = tree.getroot()
    assert [safe_xml.line_of(child) for child in root] == [2, 3]


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(NotXmlError, match="cannot read"):
        safe_xml.parse_xml_file(tmp_path / "missing.xml")


def test_namespace_names_that_are_not_uris_are_tolerated_with_a_warning() -> None:
    data = (b'<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:p="http://x/Collapsed Process" '
            b'id="D"><process id="P"/></definitions>')
    warnings: list[tuple[int | None, str]] = []
    tree = safe_xml.parse_bpmn_bytes(data, warnings=warnings)
    assert tree.getroot().get("id") == "D"
    assert warnings and "not a valid URI" in warnings[0][1]
    broken = data.replace(b"</definitions>", b"</definitions")
    with pytest.raises(NotXmlError):
        safe_xml.parse_bpmn_bytes(broken)
