"""Lossless round-trip check: compare two XML documents canonically and name the first difference.

The comparison ignores attribute order, whitespace-only text, surrounding whitespace of text, and how namespace
prefixes are spelled where the namespace is the same; it compares element names (namespace + local name),
attributes, text, comments, processing instructions, the set of namespace declarations in scope, and the encoding
named in the XML declaration.
"""

from __future__ import annotations

from lxml import etree

from vollzug.bpmn import safe_xml
from vollzug.bpmn.safe_xml import line_of
from vollzug.errors import VollzugError


def _text(value: str | None) -> str:
    return (value or "").strip()


def _path(el: etree._Element) -> str:
    tree = el.getroottree()
    where = tree.getpath(el)
    return f"{where} (line {line_of(el)})" if line_of(el) else where



def _compare(a: etree._Element, b: etree._Element) -> str | None:
    if a.tag != b.tag:
        return f"{_path(a)}: element {a.tag!r} became {b.tag!r}"
    if isinstance(a.tag, str):
        left, right = safe_xml.attributes(a), safe_xml.attributes(b)
        if left != right:
            key = next(k for k in sorted(set(left) | set(right)) if left.get(k) != right.get(k))
            return f"{_path(a)}: attribute {key!r}: {left.get(key)!r} became {right.get(key)!r}"
        if set(a.nsmap.values()) != set(b.nsmap.values()):
            return f"{_path(a)}: namespaces in scope differ: {sorted(a.nsmap.items(), key=str)} vs " \
                   f"{sorted(b.nsmap.items(), key=str)}"
    if isinstance(a, etree._ProcessingInstruction) and a.target != b.target:  # type: ignore[attr-defined]
        return f"{_path(a)}: processing instruction {a.target!r} became {b.target!r}"  # type: ignore[attr-defined]
    if _text(a.text) != _text(b.text):
        return f"{_path(a)}: text {_text(a.text)[:60]!r} became {_text(b.text)[:60]!r}"
    if _text(a.tail) != _text(b.tail):
        return f"{_path(a)}: tail text {_text(a.tail)[:60]!r} became {_text(b.tail)[:60]!r}"
    ca, cb = list(a), list(b)
    for x, y in zip(ca, cb, strict=False):
        diff = _compare(x, y)
        if diff:
            return diff
    if len(ca) != len(cb):
        return f"{_path(a)}: {len(ca)} child nodes became {len(cb)}"
    return None


def is_lossless(original: bytes, written: bytes) -> tuple[bool, str | None]:
    """Whether ``written`` keeps everything of ``original`` (canonically); else the first difference."""
    try:
        left = safe_xml.parse_xml_bytes(original, source="original")
        right = safe_xml.parse_xml_bytes(written, source="written")
    except VollzugError as exc:
        return False, str(exc)
    enc_a = (left.docinfo.encoding or "UTF-8").upper()
    enc_b = (right.docinfo.encoding or "UTF-8").upper()
    if enc_a != enc_b:
        return False, f"XML declaration encoding {enc_a} became {enc_b}"
    before = [n for n in left.getroot().itersiblings(preceding=True)]
    after = [n for n in right.getroot().itersiblings(preceding=True)]
    if [etree.tostring(n) for n in before] != [etree.tostring(n) for n in after]:
        return False, "comments or processing instructions before the root element differ"
    diff = _compare(left.getroot(), right.getroot())
    return diff is None, diff
