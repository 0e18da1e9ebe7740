"""The one safe way to parse XML in vollzug (BPMN files, XES logs, anything else).

Every parse goes through a hardened lxml parser: no entity resolution, no network, no DTD loading or validation,
no ``huge_tree``. A document that declares a DOCTYPE or ENTITY is refused outright (:class:`HostileInputError`),
as is anything over a byte size, element count or nesting depth limit. Undecodable bytes and malformed XML raise
:class:`NotXmlError` with the line; well-formed XML that is not BPMN 2.0 ``definitions`` raises
:class:`NotBpmnError` (only from the BPMN entry points).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, cast

from lxml import etree

from vollzug.errors import HostileInputError, NotBpmnError, NotXmlError

BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"
"""Namespace of BPMN 2.0 semantic elements."""
DEFINITIONS_TAG = f"{{{BPMN_NS}}}definitions"

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Safety limits for one parse. The defaults suit BPMN models and event logs alike."""

    max_bytes: int = 50 * MB
    """Largest accepted input in bytes (checked before reading a file)."""
    max_depth: int = 256
    """Deepest accepted element nesting. 256 is libxml2's own limit without ``huge_tree`` (enforced while parsing);
    a lower value is checked after parsing."""
    max_elements: int = 2_000_000
    """Most accepted elements in one document."""


DEFAULT_LIMITS = Limits()


_PARSERS = threading.local()


def _parser() -> etree.XMLParser:
    """The hardened parser, one per thread (lxml parsers are reusable but not shareable between threads).

    No entity resolution, no network, no DTD loading; whitespace, comments, PIs and CDATA kept for lossless round
    trips; no ID hash table (vollzug indexes ids itself).
    """
    parser: etree.XMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_blank_text=False,
            remove_comments=False,
            remove_pis=False,
            strip_cdata=False,
            collect_ids=False,
        )
        _PARSERS.parser = parser
    return parser


def _line_at(data: bytes, pos: int) -> int:
    return data.count(b"\n", 0, pos) + 1


def _refuse_doctype(data: bytes, source: str | None) -> None:
    """Scan the prolog (before the root element) for a DOCTYPE or ENTITY declaration and refuse it."""
    pos = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    end = len(data)
    while pos < end:
        while pos < end and data[pos] in b" \t\r\n":
            pos += 1
        if data.startswith(b"<?", pos):
            close = data.find(b"?>", pos)
            pos = end if close < 0 else close + 2
        elif data.startswith(b"<!--", pos):
            close = data.find(b"-->", pos)
            pos = end if close < 0 else close + 3
        elif data.startswith(b"<!DOCTYPE", pos) or data.startswith(b"<!ENTITY", pos):
            raise HostileInputError(
                "refused: document type declaration (DOCTYPE/ENTITY) is not allowed in input files",
                file=source, line=_line_at(data, pos),
            )
        else:
            return


def _check_size(size: int, limits: Limits, source: str | None) -> None:
    if size > limits.max_bytes:
        raise HostileInputError(
            f"refused: file is {size / MB:.1f} MB, larger than the limit of {limits.max_bytes / MB:.0f} MB",
            file=source,
        )


def _syntax_message(exc: etree.XMLSyntaxError) -> str:
    msg = str(exc.msg or exc).strip()
    low = msg.lower()
    if "encoding" in low or "utf-8" in low or "bytes:" in low:
        return f"wrong encoding or undecodable bytes: {msg}"
    if "depth" in low or "huge" in low:
        return f"refused: nesting too deep: {msg}"
    return f"not well-formed XML: {msg}"


def _only_namespace_uri_warnings(data: bytes, exc: etree.XMLSyntaxError,
                                 warnings: list[tuple[int | None, str]] | None) -> etree._Element | None:
    """libxml2 fails documents whose namespace URIs are not valid URIs (e.g. with spaces), which are well-formed
    XML. If that is the only complaint, parse again in recovery mode and turn the complaints into warnings."""
    if "is not a valid URI" not in str(exc):
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             recover=True)
    root = etree.fromstring(data, parser)
    log = list(parser.error_log)
    if root is None or any(e.type_name != "WAR_NS_URI" for e in log):
        return None
    if warnings is not None:
        warnings.extend((e.line or None, f"namespace URI is not a valid URI (kept): {e.message}") for e in log)
    return root


def parse_xml_bytes(
    data: bytes, *, source: str | Path | None = None, limits: Limits = DEFAULT_LIMITS,
    warnings: list[tuple[int | None, str]] | None = None,
) -> etree._ElementTree:
    """Parse XML bytes safely into an lxml tree (line numbers kept, whitespace and comments kept).

    Raises :class:`HostileInputError` for DTDs/entities and over-limit input, :class:`NotXmlError` otherwise.
    Tolerated oddities (namespace names that are not valid URIs) are appended to ``warnings`` as (line, message).
    """
    src = str(source) if source is not None else None
    _check_size(len(data), limits, src)
    if not data or data.isspace():  # (no stripped copy of the whole input)
        raise NotXmlError("not XML: the file is empty", file=src)
    _refuse_doctype(data, src)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        root = _only_namespace_uri_warnings(data, exc, warnings)
        if root is None:
            message = _syntax_message(exc)
            error_cls = HostileInputError if message.startswith("refused") else NotXmlError
            raise error_cls(message, file=src, line=exc.lineno or None) from None
    except ValueError as exc:  # e.g. unicode strings with encoding declaration
        raise NotXmlError(f"not XML: {exc}", file=src) from None
    tree = root.getroottree()
    docinfo: Any = tree.docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise HostileInputError("refused: document type declaration is not allowed in input files", file=src)
    # every element takes at least 4 bytes ("<a/>"), so small inputs cannot exceed the element limit
    count = int(cast(float, root.xpath("count(//*)"))) if len(data) > 4 * limits.max_elements else 0
    if count > limits.max_elements:
        raise HostileInputError(f"refused: {count} elements, more than the limit of {limits.max_elements}", file=src)
    if limits.max_depth < 256 and root.xpath("boolean(/" + "*/" * limits.max_depth + "*)"):
        raise HostileInputError(f"refused: elements nested deeper than {limits.max_depth} levels", file=src)
    return tree


def read_bytes_limited(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Read a file, refusing it by its size on disk before reading a single byte."""
    name = str(path)
    try:
        # Unbuffered: the bytes land in one bytes object; a buffered reader would first allocate its own buffer
        # (~20 µs per small file).
        with open(name, "rb", buffering=0) as handle:  # noqa: PTH123  # no Path object needed
            size = os.fstat(handle.fileno()).st_size
            _check_size(size, limits, name)
            if size:  # a regular file: one read of the announced size plus one byte (to notice growth)
                data = handle.read(size + 1)
                if len(data) > size:  # the file grew since fstat: read on, up to the limit
                    data += _read_up_to(handle, limits.max_bytes + 1 - len(data))
            else:  # size unknown (pipe, device, empty file): read up to the limit
                data = _read_up_to(handle, limits.max_bytes + 1)
    except OSError as exc:
        raise NotXmlError(f"cannot read file: {exc.strerror}", file=path) from None
    _check_size(len(data), limits, name)
    return data


def _read_up_to(handle: BinaryIO, want: int) -> bytes:
    """Up to ``want`` bytes (fewer only at the end of the file)."""
    chunks: list[bytes] = []
    got = 0
    while got < want:
        chunk = handle.read(want - got)
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def parse_xml_file(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> etree._ElementTree:
    """Read and parse an XML file safely (see :func:`parse_xml_bytes`)."""
    return parse_xml_bytes(read_bytes_limited(path, limits), source=path, limits=limits)


def require_bpmn(tree: etree._ElementTree, source: str | Path | None = None) -> None:
    """Raise :class:`NotBpmnError` unless the root is ``bpmn:definitions`` in the BPMN 2.0 namespace."""
    root = tree.getroot()
    if root.tag == DEFINITIONS_TAG:
        return
    qname = etree.QName(root)
    if qname.localname == "definitions":
        detail = f"root <definitions> is in namespace '{qname.namespace or ''}', expected '{BPMN_NS}'"
    else:
        detail = f"root element is <{qname.localname}>, expected BPMN 2.0 <definitions>"
    raise NotBpmnError(f"not a BPMN 2.0 file: {detail}", file=source, line=line_of(root),
                       element=root.get("id"))


def parse_bpmn_bytes(
    data: bytes, *, source: str | Path | None = None, limits: Limits = DEFAULT_LIMITS,
    warnings: list[tuple[int | None, str]] | None = None,
) -> etree._ElementTree:
    """Parse bytes safely and require a BPMN 2.0 ``definitions`` root."""
    tree = parse_xml_bytes(data, source=source, limits=limits, warnings=warnings)
    require_bpmn(tree, source)
    return tree


def parse_bpmn_file(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> etree._ElementTree:
    """Read and parse a BPMN file safely, requiring a BPMN 2.0 ``definitions`` root."""
    return parse_bpmn_bytes(read_bytes_limited(path, limits), source=path, limits=limits)


def line_of(element: etree._Element) -> int | None:
    """Source line of an element (typed; the lxml stubs mistype ``sourceline``)."""
    line: object = element.sourceline
    return line if isinstance(line, int) else None
