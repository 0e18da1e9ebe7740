"""Gesetzestext aus dem XML von gesetze-im-internet.de (gii-norm DTD 1.01) → norm tree.

Layout read: ``<dokumente>`` of ``<norm>``; the first norm without ``enbez`` carries the law's ``metadaten``
(``jurabk``, ``langue``, ``ausfertigung-datum``, ``fundstelle``, ``standangabe``); a norm with a
``gliederungseinheit`` (``gliederungskennzahl`` three digits per level, ``gliederungsbez`` "Teil 2",
``gliederungstitel``) opens a division; a norm with ``enbez`` ("§ 4", "Anlage 2") is a § or Anlage with
``titel`` and ``textdaten/text/Content`` of ``<P>`` paragraphs and ``<DL>/<DT>/<DD>/<LA>`` lists.

Safety: the official files start with ``<!DOCTYPE dokumente SYSTEM "http://www.gesetze-im-internet.de/dtd/1.01/
gii-norm.dtd">``. :func:`strip_external_doctype` accepts exactly such an external-only DOCTYPE (no internal
subset) and blanks it, so that nothing is ever fetched or loaded; the blanked bytes then go through the project's
one safe parser (:func:`vollzug.bpmn.safe_xml.parse_xml_bytes`), which still refuses any other DOCTYPE or ENTITY.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from vollzug.bpmn.safe_xml import line_of, parse_xml_bytes, read_bytes_limited
from vollzug.errors import HostileInputError, InputError
from vollzug.law.normtree import Block, build_division, build_norm, division_address
from vollzug.law.textsource import classify_heading, law_id, parse_german_date, text_version
from vollzug.model.normtree import NormTree, NormUnit

__all__ = ["parse_gii", "read_gii", "strip_external_doctype"]

# ---------------------------------------------------------------- DOCTYPE pre-check (kept small and separate)

_EXTERNAL_DOCTYPE = re.compile(
    rb'<!DOCTYPE\s+[A-Za-z_][\w.-]*\s+(?:SYSTEM\s+("[^"<>\[\]]*"|\'[^\'<>\[\]]*\')'
    rb'|PUBLIC\s+("[^"<>\[\]]*"|\'[^\'<>\[\]]*\')\s+("[^"<>\[\]]*"|\'[^\'<>\[\]]*\'))\s*>'
)


def strip_external_doctype(data: bytes, source: str | None = None) -> bytes:
    """Blank an external-only ``<!DOCTYPE name SYSTEM "uri">`` in the prolog (same length, newlines kept).

    A DOCTYPE with an internal subset (``[ … ]``, entity declarations) is refused; anything else is left to the
    safe parser, which refuses any DOCTYPE or ENTITY still present.
    """
    start = data.find(b"<!DOCTYPE", 0, 4096)
    if start < 0:
        return data
    root = re.search(rb"<[A-Za-z_]", data[start + 2:])
    if root is not None and data.find(b"[", start, start + 2 + root.start()) >= 0:
        raise HostileInputError("refused: DOCTYPE with an internal subset (entity declarations) is not allowed",
                                file=source, line=data.count(b"\n", 0, start) + 1)
    match = _EXTERNAL_DOCTYPE.match(data, start)
    if match is None:
        return data  # the safe parser refuses it with its own message
    blank = bytes(b if b in b"\r\n" else 0x20 for b in match.group(0))
    return data[:start] + blank + data[match.end():]


# ---------------------------------------------------------------- reading


def _local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _child(element: etree._Element | None, name: str) -> etree._Element | None:
    if element is None:
        return None
    return next((c for c in element if _local(c) == name), None)


def _text(element: etree._Element | None) -> str:
    """All text below ``element`` (footnote marks, tables of contents and revision notes left out)."""
    if element is None:
        return ""
    parts: list[str] = [element.text or ""]
    for child in element:
        name = _local(child)
        if name not in ("FnR", "Footnotes", "TOC", "Revision"):
            parts.append(" " if name == "BR" else _text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _segments(element: etree._Element) -> list[str | etree._Element]:
    """The content of ``element`` as text runs and nested ``<DL>`` lists in document order (``<LA>`` flattened)."""
    out: list[str | etree._Element] = []
    buf: list[str] = [element.text or ""]
    for child in element:
        name = _local(child)
        if name == "DL":
            out.append("".join(buf))
            buf = []
            out.append(child)
        elif name == "LA":
            for seg in _segments(child):
                if isinstance(seg, str):
                    buf.append(" " + seg)
                else:
                    out.append("".join(buf))
                    buf = []
                    out.append(seg)
        elif name not in ("FnR", "Footnotes", "TOC", "Revision"):
            buf.append(" " if name == "BR" else _text(child))
        buf.append(child.tail or "")
    out.append("".join(buf))
    return out


def _list_blocks(dl: etree._Element, out: list[Block]) -> None:
    marker = "?"
    for node in dl:
        name = _local(node)
        if name == "DT":
            marker = _text(node).rstrip(".)").strip() or "?"
        elif name == "DD":
            segments = _segments(node)
            first = segments[0] if isinstance(segments[0], str) else ""
            out.append(Block("item", first, marker=marker, line=line_of(node)))
            for seg in segments[1:]:
                if isinstance(seg, str):
                    if seg.strip():
                        out.append(Block("cont", seg, line=line_of(node)))
                else:
                    _list_blocks(seg, out)


def _content_blocks(content: etree._Element) -> list[Block]:
    blocks: list[Block] = []
    for p in content:
        if _local(p) == "DL":  # a list beside the paragraphs, not inside one
            _list_blocks(p, blocks)
            continue
        if _local(p) != "P":
            continue
        segments = _segments(p)
        first = segments[0] if isinstance(segments[0], str) else ""
        blocks.append(_para(" ".join(first.split()), line_of(p)))
        for seg in segments[1:]:
            if isinstance(seg, str):
                if seg.strip():
                    blocks.append(Block("para", seg, line=line_of(p)))
            else:
                _list_blocks(seg, blocks)
    return blocks


def _para(text: str, line: int | None) -> Block:
    m = re.match(r"^\((\d+[a-z]?)\)\s*(.*)$", text)
    if m:
        return Block("abs", m.group(2), marker=m.group(1), line=line)
    return Block("para", text, line=line)


@dataclass(slots=True)
class _Division:
    kind: str
    number: str
    title: str
    code: str
    address: str
    line: int | None
    children: list[NormUnit] = field(default_factory=list)


def parse_gii(data: bytes, *, source: str = "", law: str | None = None) -> NormTree:
    """A norm tree from the bytes of a gii-norm XML document."""
    cleaned = strip_external_doctype(data, source or None)
    tree = parse_xml_bytes(cleaned, source=source or None)
    root = tree.getroot()
    if _local(root) != "dokumente":
        raise InputError(f"not a gii-norm document: root element is <{_local(root)}>, expected <dokumente>",
                         file=source or None, line=line_of(root))
    header: dict[str, str] = {}
    name = law or ""
    jurabk = ""
    top: list[NormUnit] = []
    stack: list[_Division] = []
    for norm in root:
        if _local(norm) != "norm":
            continue
        meta = _child(norm, "metadaten")
        if meta is None:
            raise InputError("<norm> without <metadaten>", file=source or None, line=line_of(norm))
        jurabk = jurabk or _text(_child(meta, "jurabk"))
        name = name or law_id(jurabk)
        enbez = _text(_child(meta, "enbez"))
        unit_of = _child(meta, "gliederungseinheit")
        if not enbez and unit_of is None:
            if not header:
                header["title"] = _text(_child(meta, "langue"))
                header["issued"] = _text(_child(meta, "ausfertigung-datum"))
                fund = _child(meta, "fundstelle")
                header["gazette"] = " ".join(
                    x for x in (_text(_child(fund, "periodikum")), _text(_child(fund, "zitstelle"))) if x)
                for stand in (s for s in meta if _local(s) == "standangabe"):
                    kind = _text(_child(stand, "standtyp"))
                    comment = _text(_child(stand, "standkommentar"))
                    if kind in ("Stand", "Neuf") and "amended" not in header:
                        header["amended"] = re.sub(r"^(Zuletzt )?geändert durch\s*", "", comment, flags=re.I)
                    elif kind == "Hinweis" or "nicht berücksichtigt" in comment:
                        header["pending"] = comment
            continue
        if unit_of is not None:
            code = _text(_child(unit_of, "gliederungskennzahl"))
            heading = classify_heading(_text(_child(unit_of, "gliederungsbez")))
            if heading is None or heading.kind in ("§", "Art", "Anl"):
                continue
            while stack and len(stack[-1].code) >= len(code):
                _close(name, stack, top)
            parent = stack[-1].address if stack else ""
            address = division_address(name, heading.kind, heading.number, parent)
            stack.append(_Division(heading.kind, heading.number, _text(_child(unit_of, "gliederungstitel")), code,
                                   address, line_of(norm)))
            if not enbez:
                continue
        heading = classify_heading(enbez)
        if heading is None or heading.kind not in ("§", "Art", "Anl"):
            continue
        content = _child(_child(_child(norm, "textdaten"), "text"), "Content")
        blocks = _content_blocks(content) if content is not None else []
        title = _text(_child(meta, "titel")) or heading.title
        unit = build_norm(name, heading.kind, heading.number, title, blocks,  # type: ignore[arg-type]
                          line=line_of(norm), note=heading.note)
        (stack[-1].children if stack else top).append(unit)
    while stack:
        _close(name, stack, top)
    if not name:
        raise InputError("no <jurabk> found", file=source or None)
    issued = parse_german_date(header.get("issued", ""))
    return NormTree(law=name, jurabk=jurabk, title=header.get("title", ""),
                    version=text_version(header.get("amended", ""), header.get("pending", ""), issued),
                    issued=issued, gazette=header.get("gazette", ""), source=source, source_format="gii-xml",
                    units=tuple(top))


def _close(law: str, stack: list[_Division], top: list[NormUnit]) -> None:
    done = stack.pop()
    unit = build_division(law, done.kind, done.number, done.title, done.address,  # type: ignore[arg-type]
                          tuple(done.children), line=done.line)
    (stack[-1].children if stack else top).append(unit)


def read_gii(path: str | Path, *, law: str | None = None, source: str | None = None) -> NormTree:
    """Read a gii-norm XML file (size-limited, nothing fetched) into a norm tree."""
    return parse_gii(read_bytes_limited(path), source=source or str(path), law=law)
