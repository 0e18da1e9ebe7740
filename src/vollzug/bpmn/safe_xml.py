"""The one safe way to parse XML in vollzug (BPMN files, XES logs, anything else).

Every parse goes through a hardened lxml parser: no entity resolution, no network, no DTD loading or validation,
no ``huge_tree``. A document that declares a DOCTYPE or ENTITY is refused outright (:class:`HostileInputError`),
as is anything over a byte size, element count or nesting depth limit. Undecodable bytes and malformed XML raise
:class:`NotXmlError` with the line; well-formed XML that is not BPMN 2.0 ``definitions`` raises
:class:`NotBpmnError` (only from the BPMN entry points).
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from lxml import etree

from vollzug.bpmn.prolog import ascii_compatible, check_prolog
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
    """Most accepted elements in one document (counted before a tree is built)."""
    max_attributes: int = 1_000
    """Most accepted attributes on one element (real BPMN has fewer than 50)."""


DEFAULT_LIMITS = Limits()


_PARSERS = threading.local()


class ExternalLoadRefused(Exception):  # noqa: N818  # raised inside lxml, turned into HostileInputError
    """Raised by :class:`RefuseAll` inside lxml when the parser tries to load anything from outside."""


class RefuseAll(etree.Resolver):
    """A resolver that refuses every external load (DTD, entity, XInclude): nothing is ever opened.

    libxml2 asks the resolver before it opens a file or URL; this one raises, so the parse fails instead of
    reading ``/dev/stdin``, a FIFO or a local DTD (lxml's ``collect_ids=False`` alone makes libxml2 2.14 load the
    external subset a DOCTYPE names).
    """

    def resolve(self, system_url: str | None, public_id: str | None, context: Any) -> Any:  # type: ignore[override]
        raise ExternalLoadRefused(f"refused: the document tries to load {system_url or public_id!r}")


def hardened_parser(*, recover: bool = False, collect_ids: bool = False, **options: Any) -> etree.XMLParser:
    """A new parser with every external load refused (no entities, no network, no DTD, resolver refusing all)."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False,
        recover=recover, collect_ids=collect_ids, **options,
    )
    parser.resolvers.add(RefuseAll())
    return parser


def _parser(external_doctype: bool = False) -> etree.XMLParser:
    """The hardened parser, one per thread and mode (lxml parsers are reusable but not shareable between threads).

    Whitespace, comments, PIs and CDATA kept for lossless round trips; no ID hash table (vollzug indexes ids
    itself) — except for documents with an accepted external DOCTYPE, where ``collect_ids=False`` would make
    libxml2 try to load the DTD (the resolver would refuse it, failing the parse).
    """
    name = "external" if external_doctype else "strict"
    parser: etree.XMLParser | None = getattr(_PARSERS, name, None)
    if parser is None:
        parser = hardened_parser(collect_ids=external_doctype, remove_blank_text=False, remove_comments=False,
                                 remove_pis=False, strip_cdata=False)
        setattr(_PARSERS, name, parser)
    return parser


def _check_size(size: int, limits: Limits, source: str | None) -> None:
    if size > limits.max_bytes:
        raise HostileInputError(
            f"refused: file is {size / MB:.1f} MB, larger than the limit of {limits.max_bytes / MB:.0f} MB",
            file=source,
        )


def _syntax_message(exc: etree.XMLSyntaxError) -> str:
    msg = " ".join(str(exc.msg or exc).split())
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
    parser = hardened_parser(recover=True, collect_ids=True)
    root = etree.fromstring(data, parser)
    log = list(parser.error_log)
    if root is None or any(e.type_name != "WAR_NS_URI" for e in log):
        return None
    if warnings is not None:
        warnings.extend((e.line or None, f"namespace URI is not a valid URI (kept): {e.message}") for e in log)
    return root


class _ElementCounter:
    """Parser target that counts start tags and stops past the limit (no tree: memory stays bounded)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.count = 0

    def start(self, tag: str, attrib: Any) -> None:
        self.count += 1
        if self.count > self.limit:
            raise OverflowError(self.count)

    def close(self) -> int:
        return self.count


def _refuse_too_many_elements(data: bytes, codec: str, limits: Limits, source: str | None) -> None:
    """Refuse more than ``max_elements`` elements before a tree is built.

    Every element takes at least 4 bytes (``<a/>``) and has a 0x3C byte (in ASCII-compatible encodings as in
    UTF-16/UTF-32), so most inputs are cleared by their size or one byte count; the rest are counted exactly by
    a streaming parse that builds no tree and stops at the limit.
    """
    if len(data) <= 4 * limits.max_elements:
        return
    if codec != "cp037" and data.count(b"<") <= limits.max_elements:
        return
    parser = hardened_parser(target=_ElementCounter(limits.max_elements))
    try:
        etree.fromstring(data, parser)
    except OverflowError:
        raise HostileInputError(
            f"refused: more than {limits.max_elements} elements (the limit)", file=source) from None
    except (etree.XMLSyntaxError, ExternalLoadRefused):
        return  # the real parse reports it with its line


def _refuse_many_attributes(root: etree._Element, data: bytes, codec: str, limits: Limits,
                            source: str | None) -> None:
    """Refuse an element with more than ``max_attributes`` attributes (with its line).

    An attribute takes at least 5 bytes (`` a=""``), so a start tag over the limit is a run of more than
    5 × limit bytes without ``>``; only documents with such a run (rare: long comments) are searched exactly.
    """
    limit = limits.max_attributes
    if ascii_compatible(codec) and not re.search(b"<[^>]{%d}" % (5 * limit), data):
        return
    found = root.xpath(f"(//*[count(@*) > {limit}])[1]")
    if isinstance(found, list) and found and isinstance(found[0], etree._Element):
        el = found[0]
        raise HostileInputError(
            f"refused: element <{etree.QName(el).localname}> has {len(el.attrib)} attributes, more than the limit "
            f"of {limit}", file=source, line=line_of(el), element=el.get("id"))


def parse_xml_bytes(
    data: bytes, *, source: str | Path | None = None, limits: Limits = DEFAULT_LIMITS,
    warnings: list[tuple[int | None, str]] | None = None, allow_external_doctype: bool = False,
) -> etree._ElementTree:
    """Parse XML bytes safely into an lxml tree (line numbers kept, whitespace and comments kept).

    Raises :class:`HostileInputError` for DTDs/entities, external loads and over-limit input, :class:`NotXmlError`
    otherwise. Tolerated oddities (namespace names that are not valid URIs) are appended to ``warnings`` as
    (line, message).

    ``allow_external_doctype`` (for official XML such as gesetze-im-internet.de's, which starts with
    ``<!DOCTYPE dokumente SYSTEM "…gii-norm.dtd">``) accepts a DOCTYPE that only names an external DTD by
    public/system id; the DTD is never loaded, and an internal subset or entity declaration is still refused.
    BPMN never needs it (the default stays strict).
    """
    src = str(source) if source is not None else None
    _check_size(len(data), limits, src)
    if not data or data.isspace():  # (no stripped copy of the whole input)
        raise NotXmlError("not XML: the file is empty", file=src)
    prolog = check_prolog(data, src, allow_external_doctype=allow_external_doctype)
    _refuse_too_many_elements(data, prolog.encoding, limits, src)
    try:
        root = etree.fromstring(data, _parser(prolog.external_doctype))
    except ExternalLoadRefused as exc:
        raise HostileInputError(str(exc), file=src) from None
    except etree.XMLSyntaxError as exc:
        root = _only_namespace_uri_warnings(data, exc, warnings)
        if root is None:
            message = _syntax_message(exc)
            error_cls = HostileInputError if message.startswith("refused") else NotXmlError
            raise error_cls(message, file=src, line=exc.lineno or None) from None
    except ValueError as exc:  # e.g. unicode strings with encoding declaration
        raise NotXmlError(f"not XML: {exc}", file=src) from None
    tree = root.getroottree()
    _refuse_declarations(tree, prolog.external_doctype, src)
    _refuse_many_attributes(root, data, prolog.encoding, limits, src)
    if limits.max_depth < 256 and root.xpath("boolean(/" + "*/" * limits.max_depth + "*)"):
        raise HostileInputError(f"refused: elements nested deeper than {limits.max_depth} levels", file=src)
    return tree


def _refuse_declarations(tree: etree._ElementTree, external_doctype: bool, src: str | None) -> None:
    """The parsed document carries no DOCTYPE (or, where allowed, one without any declaration in it)."""
    docinfo: Any = tree.docinfo
    dtd = docinfo.internalDTD
    if not docinfo.doctype and dtd is None:
        return
    if external_doctype and dtd is not None and not list(dtd.iterelements()) and not list(dtd.iterentities()):
        return
    raise HostileInputError("refused: document type declaration is not allowed in input files", file=src)


_FEW_ATTRIBUTES = 32


def attributes(el: etree._Element) -> dict[str, str]:
    """The attributes of an element as a dict, in time linear in their number.

    lxml's ``el.items()`` looks every value up by name again (quadratic: 64 000 attributes took 48 s); for
    elements with many attributes the XPath ``@*`` node set is read instead.
    """
    if len(el.attrib) <= _FEW_ATTRIBUTES:
        return dict(el.items())  # type: ignore[arg-type]  # str in Python 3
    nodes = el.xpath("@*")
    assert isinstance(nodes, list)
    return {str(getattr(node, "attrname", "")): str(node) for node in nodes}


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
