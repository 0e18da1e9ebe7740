"""Event log bytes read safely: decompressed-size and event limits, the hardened XML parser for XES.

A ``.gz`` log is decompressed as a stream and stops at :attr:`LogLimits.max_bytes` (a 52 MB file can inflate to
10 GiB); XES is parsed incrementally (:func:`lxml.etree.iterparse`, every element cleared once read) with every
external load refused and a DOCTYPE refused, and reading stops after :attr:`LogLimits.max_events` events. A trace
without a case id or an event without a timestamp is a one-line error naming the attribute and its line.
"""

from __future__ import annotations

import datetime as dt
import gzip
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from lxml import etree

from vollzug.bpmn.prolog import check_prolog
from vollzug.bpmn.safe_xml import ExternalLoadRefused, RefuseAll
from vollzug.errors import HostileInputError, InputError, NotXmlError

MiB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class LogLimits:
    """Limits for one event log. The real BPIC 2015 logs are 35–47 MB decompressed with up to 60 000 events."""

    max_bytes: int = 1024 * MiB
    """Most bytes read (after decompression)."""
    max_events: int = 2_000_000
    """Most events read."""


DEFAULT_LOG_LIMITS = LogLimits()


class _TooLarge(Exception):  # noqa: N818  # internal signal
    pass


def _open(path: Path) -> BinaryIO:
    raw: BinaryIO = path.open("rb")
    if path.name.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw


def _too_large(path: Path, limits: LogLimits) -> HostileInputError:
    return HostileInputError(f"refused: the log is larger than {limits.max_bytes // MiB} MiB (decompressed); "
                             "reading stopped there", file=path)


def read_log_bytes(path: Path, limits: LogLimits = DEFAULT_LOG_LIMITS) -> bytes:
    """All bytes of a (possibly gzip-compressed) log, refused once they exceed the decompressed-size limit."""
    try:
        with _open(path) as handle:
            data = handle.read(limits.max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"cannot read event log: {exc}", file=path) from None
    if len(data) > limits.max_bytes:
        raise _too_large(path, limits)
    return data


_XES_NS = "{http://www.xes-standard.org/}"
_ATTRIBUTES = ("string", "date", "int", "float", "boolean", "id")
_KIND = {**{_XES_NS + k: k for k in _ATTRIBUTES}, **{k: k for k in _ATTRIBUTES}}
"""Qualified or unqualified attribute tag → XES attribute type."""


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _date(value: str, path: Path, line: int | None, key: str) -> dt.datetime:
    try:
        stamp = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"unreadable date '{value[:60]}' in attribute '{key}'", file=path, line=line) from None
    return stamp.astimezone(dt.UTC) if stamp.tzinfo is not None else stamp.replace(tzinfo=dt.UTC)


class _XesRows:
    """Collects one row per event (event attributes plus the trace's as ``case:<key>``)."""

    def __init__(self, path: Path, limits: LogLimits) -> None:
        self.path = path
        self.limits = limits
        self.rows: list[dict[str, Any]] = []
        self.date_keys: set[str] = set()
        self.pending: list[dict[str, Any]] = []

    def attributes(self, el: etree._Element) -> dict[str, Any]:
        """The attribute children of a trace or event (nested attributes are not read)."""
        out: dict[str, Any] = {}
        for child in el:
            kind = _KIND.get(child.tag)
            if kind is None:
                continue
            key = child.get("key")
            if key is None:
                continue
            value = child.get("value") or ""
            if kind == "date":
                self.date_keys.add(key)
                out[key] = _date(value, self.path, child.sourceline, key)  # type: ignore[arg-type]
            else:
                out[key] = value
        return out

    def event(self, el: etree._Element) -> None:
        row = self.attributes(el)
        if TIMESTAMP not in row:
            raise InputError(f"event without timestamp (attribute '{TIMESTAMP}')", file=self.path,
                             line=el.sourceline)  # type: ignore[arg-type]
        self.pending.append(row)
        if len(self.rows) + len(self.pending) > self.limits.max_events:
            raise HostileInputError(f"refused: more than {self.limits.max_events} events (the limit)",
                                    file=self.path, line=el.sourceline)  # type: ignore[arg-type]

    def trace(self, el: etree._Element) -> None:
        trace = self.attributes(el)
        case = trace.get(CASE_KEY)
        if case is None or not str(case).strip():
            raise InputError(f"trace without case id (attribute '{CASE_KEY}')", file=self.path,
                             line=el.sourceline)  # type: ignore[arg-type]
        attrs = {f"case:{k}": v for k, v in trace.items()}
        for row in self.pending:
            row.update(attrs)
        self.rows.extend(self.pending)
        self.pending = []


CASE_KEY = "concept:name"
"""Trace attribute holding the case id (pm4py's ``case:concept:name``)."""
TIMESTAMP = "time:timestamp"
"""Event attribute holding the timestamp."""


def read_xes_rows(path: Path, limits: LogLimits = DEFAULT_LOG_LIMITS) -> tuple[list[dict[str, Any]], set[str]]:
    """Rows of an XES(.gz) log (one per event, trace attributes as ``case:<key>``) and the keys holding dates."""
    try:
        with _open(path) as handle:
            head = handle.read(65536)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"cannot read event log: {exc}", file=path) from None
    check_prolog(head, str(path))
    _prescan(path, limits)
    rows = _XesRows(path, limits)
    try:
        with _open(path) as handle:
            _parse(handle, rows, path, limits.max_bytes)
    except _TooLarge:
        raise _too_large(path, limits) from None
    except ExternalLoadRefused as exc:
        raise HostileInputError(str(exc), file=path) from None
    except etree.XMLSyntaxError as exc:
        message = " ".join(str(exc.msg or exc).split())
        raise NotXmlError(f"not a readable XES event log: {message}", file=path, line=exc.lineno or None) from None
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"cannot read event log: {exc}", file=path) from None
    return rows.rows, rows.date_keys


def _prescan(path: Path, limits: LogLimits) -> None:
    """One pass over the (decompressed) bytes before any parsing: the size limit, and the event limit by counting
    ``<event`` (an upper bound of the events in UTF-8/ASCII logs), so a bomb stops after decompression alone.
    Logs in other encodings are counted exactly while parsing."""
    total = events = 0
    tail = b""
    try:
        with _open(path) as handle:
            while True:
                chunk = handle.read(_CHUNK)
                if not chunk:
                    return
                total += len(chunk)
                if total > limits.max_bytes:
                    raise _too_large(path, limits)
                events += (tail + chunk).count(b"<event")
                tail = chunk[-6:]
                events -= tail.count(b"<event")  # counted again with the next chunk
                if events > limits.max_events:
                    raise HostileInputError(f"refused: more than {limits.max_events} events (the limit)", file=path)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"cannot read event log: {exc}", file=path) from None


def _check_root(root: etree._Element | None, path: Path) -> None:
    if root is None:
        return
    docinfo: Any = root.getroottree().docinfo
    if docinfo.doctype:
        raise HostileInputError("DTDs and entities are not allowed in event logs", file=path, line=1)
    if _local(root.tag) != "log":
        raise InputError(f"not an XES event log (root element <{_local(root.tag)}>, expected <log>)", file=path,
                         line=root.sourceline)  # type: ignore[arg-type]


def _parse(stream: BinaryIO, rows: _XesRows, path: Path, limit: int) -> None:
    """Feed the log in chunks to a pull parser (a syntax error or the size limit stops it at once).

    Only ``log``, ``trace`` and ``event`` are reported (filtered in C); each trace is dropped once read, and whatever
    else piles up under ``<log>`` (log-level attributes) is dropped every :data:`_SWEEP` bytes, so memory stays at
    about one trace.
    """
    parser = etree.XMLPullParser(events=("start", "end"), tag=_REPORTED, resolve_entities=False, no_network=True,
                                 load_dtd=False, huge_tree=False, remove_comments=True)
    parser.resolvers.add(RefuseAll())
    root: etree._Element | None = None
    total = swept = 0
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        total += len(chunk)
        if total > limit:
            raise _TooLarge
        parser.feed(chunk)
        for action, found in parser.read_events():
            if not isinstance(found, etree._Element):
                continue
            if root is None:
                root = found.getroottree().getroot()
                _check_root(root, path)
            if action == "end":
                _handle(found, root, rows)
        if root is not None and total - swept > _SWEEP:
            swept = total
            for child in list(root)[:-1]:  # everything but the element still open
                root.remove(child)
    final = parser.close()
    if root is None:
        _check_root(final, path)


def _handle(el: etree._Element, root: etree._Element, rows: _XesRows) -> None:
    parent = el.getparent()
    if el.tag in _TRACE:
        if parent is root:
            rows.trace(el)
            el.clear()
            while el.getprevious() is not None:
                del root[0]
    elif el.tag in _EVENT and parent is not None and parent.tag in _TRACE and parent.getparent() is root:
        rows.event(el)
        el.clear()


_SWEEP = 16 * 1024 * 1024
_REPORTED = (_XES_NS + "log", "log", _XES_NS + "trace", "trace", _XES_NS + "event", "event")
_CHUNK = 256 * 1024
_TRACE = frozenset({_XES_NS + "trace", "trace"})
_EVENT = frozenset({_XES_NS + "event", "event"})
