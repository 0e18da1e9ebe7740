"""Hostile XML generated at test time: DOCTYPEs in every encoding libxml2 reads, external loads, element and
attribute limits (issue 12, items 3 and 4).

Cases that could hang (a DOCTYPE naming a FIFO) run in a child process; its timeout is the failure signal (a
hang is the bug), not a speed assertion.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from lxml import etree

from vollzug.bpmn import safe_xml
from vollzug.bpmn.document import read_bpmn
from vollzug.bpmn.prolog import detect_encoding
from vollzug.errors import HostileInputError

SRC = str(Path(__file__).parents[2] / "src")
BODY = ('<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x">'
        '<process id="P"><task id="T"/></process></definitions>')

# (codec used to write the bytes, BOM prepended, XML declaration's encoding or None)
ENCODINGS = [
    ("utf-8", b"", "UTF-8"), ("utf-8", b"\xef\xbb\xbf", "UTF-8"),
    ("utf-16-le", b"\xff\xfe", "UTF-16"), ("utf-16-be", b"\xfe\xff", "UTF-16"),
    ("utf-16-le", b"", "UTF-16"), ("utf-16-be", b"", "UTF-16"),
    ("utf-16-le", b"", None), ("utf-16-be", b"", None),
    ("utf-32-le", b"\xff\xfe\x00\x00", "UTF-32"), ("utf-32-be", b"\x00\x00\xfe\xff", "UTF-32"),
    ("utf-32-le", b"", "UTF-32"), ("utf-32-be", b"", "UTF-32"),
    ("latin-1", b"", "ISO-8859-1"), ("cp1252", b"", "windows-1252"), ("cp037", b"", "IBM037"),
]


def hostile(codec: str, bom: bytes, declared: str | None, system: str, body: str = BODY) -> bytes:
    decl = f'<?xml version="1.0" encoding="{declared}"?>\n' if declared else ""
    return bom + f'{decl}<!DOCTYPE definitions SYSTEM "{system}">\n{body}'.encode(codec)


def run_child(code: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": SRC}
    try:
        return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                              timeout=timeout, env=env, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("the parser hung: it opened the FIFO named by the DOCTYPE")


@pytest.mark.parametrize(("codec", "bom", "declared"), ENCODINGS, ids=lambda v: repr(v))
def test_doctype_refused_in_every_encoding(codec: str, bom: bytes, declared: str | None, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    path = tmp_path / "m.bpmn"
    path.write_bytes(hostile(codec, bom, declared, f"file://{fifo}"))
    result = run_child(f"""
        from vollzug.bpmn.safe_xml import parse_bpmn_file
        from vollzug.errors import HostileInputError
        try:
            parse_bpmn_file({str(path)!r})
        except HostileInputError as exc:
            print("refused", exc.line)
    """)
    assert result.stdout.split() == ["refused", "2" if declared else "1"], result.stderr


@pytest.mark.parametrize(("codec", "bom", "declared"), ENCODINGS[:8], ids=lambda v: repr(v))
def test_resolver_refuses_even_without_the_prescan(codec: str, bom: bytes, declared: str | None,
                                                   tmp_path: Path) -> None:
    """The parser itself opens nothing: the pre-scan is bypassed and the FIFO is still never opened."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    data = hostile(codec, bom, declared, f"file://{fifo}")
    result = run_child(f"""
        from lxml import etree
        from vollzug.bpmn import safe_xml
        try:
            etree.fromstring({data!r}, safe_xml._parser())
            print("parsed")
        except safe_xml.ExternalLoadRefused:
            print("refused")
        except etree.XMLSyntaxError:  # libxml2 does not detect UTF-16 without BOM or declaration
            print("not XML")
    """)
    assert result.stdout.strip() == ("not XML" if declared is None else "refused"), result.stderr


def test_declared_encoding_is_read_too() -> None:
    """An ASCII-looking prolog declaring UTF-7 spells the DOCTYPE in UTF-7; the declared reading finds it."""
    data = b'<?xml version="1.0" encoding="UTF-7"?>\n' + '<!DOCTYPE d SYSTEM "x">\n'.encode("utf-7") + BODY.encode()
    with pytest.raises(HostileInputError):
        safe_xml.parse_xml_bytes(data)


def test_unknown_declared_encoding_is_a_clean_error() -> None:
    with pytest.raises(safe_xml.NotXmlError, match="unsupported encoding"):
        safe_xml.parse_xml_bytes(b'<?xml version="1.0" encoding="x-no-such"?>\n' + BODY.encode())


@pytest.mark.parametrize(("codec", "bom"), [("utf-8", b""), ("utf-16-le", b"\xff\xfe"), ("utf-32-be", b"")])
def test_plain_documents_in_those_encodings_still_parse(codec: str, bom: bytes) -> None:
    declared = {"utf-8": "UTF-8", "utf-16-le": "UTF-16", "utf-32-be": "UTF-32"}[codec]
    data = bom + f'<?xml version="1.0" encoding="{declared}"?>\n<!-- c -->\n{BODY}'.encode(codec)
    assert safe_xml.parse_bpmn_bytes(data).getroot().get("id") == "D"
    assert detect_encoding(data)[0] == codec


def test_ebcdic_without_doctype_is_a_clean_error_or_parses() -> None:
    """This libxml2 build has no EBCDIC support: a clean one-line NotXmlError (a build with iconv parses it)."""
    data = f'<?xml version="1.0" encoding="IBM037"?>\n{BODY}'.encode("cp037")
    assert detect_encoding(data)[0] == "cp037"
    try:
        safe_xml.parse_bpmn_bytes(data)
    except safe_xml.NotXmlError as exc:
        assert "\n" not in str(exc)


def test_long_prolog_comment_split_across_chunks() -> None:
    data = ("<!--" + "x" * 10_000 + "-->\n<!DOCTYPE d SYSTEM 'x'>\n" + BODY).encode("utf-16")
    with pytest.raises(HostileInputError) as info:
        safe_xml.parse_xml_bytes(data)
    assert info.value.line == 2


# --- the opt-in for official law XML (gesetze-im-internet.de) ----------------------------------------------

GII = ('<?xml version="1.0" encoding="UTF-8"?>\n'
       '<!DOCTYPE dokumente SYSTEM "http://www.gesetze-im-internet.de/dtd/1.01/gii-norm.dtd">\n'
       '<dokumente builddate="20240101" doknr="BJNR"><norm><metadaten><jurabk>WPG</jurabk></metadaten></norm>'
       '</dokumente>')


def test_external_doctype_accepted_only_when_asked_and_nothing_loaded() -> None:
    with pytest.raises(HostileInputError):
        safe_xml.parse_xml_bytes(GII.encode())
    tree = safe_xml.parse_xml_bytes(GII.encode(), allow_external_doctype=True)
    assert tree.getroot().findtext("norm/metadaten/jurabk") == "WPG"
    assert tree.docinfo.system_url == "http://www.gesetze-im-internet.de/dtd/1.01/gii-norm.dtd"


def test_external_doctype_with_public_id_and_in_utf16(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    text = f'<!DOCTYPE dokumente PUBLIC "-//x//DTD y//DE" "file://{fifo}">\n<dokumente/>'
    path = tmp_path / "law.xml"
    path.write_bytes(text.encode("utf-16"))
    result = run_child(f"""
        from vollzug.bpmn.safe_xml import parse_xml_bytes
        print(parse_xml_bytes(open({str(path)!r}, "rb").read(), allow_external_doctype=True).getroot().tag)
    """)
    assert result.stdout.strip() == "dokumente", result.stderr


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE dokumente SYSTEM "gii.dtd" [<!ENTITY e "x">]>',
    '<!DOCTYPE dokumente [<!ELEMENT dokumente ANY>]>',
    '<!ENTITY e "x">',
    '<!DOCTYPE dokumente SYSTEM "a.dtd">\n<!DOCTYPE dokumente SYSTEM "b.dtd" [ ]>',
])
def test_internal_subset_still_refused_with_the_opt_in(doctype: str) -> None:
    with pytest.raises(HostileInputError):
        safe_xml.parse_xml_bytes(f"{doctype}\n<dokumente/>".encode(), allow_external_doctype=True)


# --- element and attribute limits ------------------------------------------------------------------------------

def test_twelve_million_elements_refused_in_bounded_memory(tmp_path: Path) -> None:
    """48 MB of ``<b/>``: refused by the streaming count before a tree is built (the child has 1 GB of address
    space more than it needs at start; a 12M-node tree needs several GB)."""
    path = tmp_path / "many.bpmn"
    with path.open("wb") as out:
        out.write(b'<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D">')
        out.write(b"<b/>" * 12_000_000)
        out.write(b"</definitions>")
    result = run_child(f"""
        import resource
        from vollzug.bpmn.safe_xml import parse_bpmn_file
        from vollzug.errors import HostileInputError
        soft = int(open("/proc/self/statm").read().split()[0]) * resource.getpagesize() + 1024 ** 3
        resource.setrlimit(resource.RLIMIT_AS, (soft, soft))
        try:
            parse_bpmn_file({str(path)!r})
        except HostileInputError as exc:
            print(exc)
    """, timeout=120)
    assert "more than 2000000 elements" in result.stdout, result.stderr


def test_many_attributes_refused_with_line() -> None:
    attrs = " ".join(f'a{i}="v"' for i in range(64_000))
    data = BODY.replace('<task id="T"/>', f'\n<task id="T" {attrs}/>').encode()
    with pytest.raises(HostileInputError, match="64001 attributes") as info:
        safe_xml.parse_bpmn_bytes(data, source="m.bpmn")
    assert (info.value.line, info.value.element) == (1 + 1, "T")


def test_attributes_helper_equals_lxml_items_also_for_many() -> None:
    attrs = " ".join(f'a{i}="{i}"' for i in range(900))
    root = etree.fromstring(f'<r xmlns:x="urn:x" x:n="q" {attrs}/>'.encode())
    assert safe_xml.attributes(root) == dict(root.items())
    assert safe_xml.attributes(root)["{urn:x}n"] == "q"


def test_reader_reads_an_element_with_many_attributes(tmp_path: Path) -> None:
    attrs = " ".join(f'a{i}="v"' for i in range(998))
    path = tmp_path / "m.bpmn"
    path.write_text(BODY.replace('<task id="T"/>', f'<task id="T" name="Prüfen" {attrs}/>'), encoding="utf-8")
    doc = read_bpmn(path)
    assert doc.elements["T"].name == "Prüfen"
