"""The XML prolog, decoded as libxml2 would decode it: refuse document type declarations in every encoding.

libxml2 picks the encoding from a byte order mark, from the first four bytes (UTF-16/UTF-32 without BOM, EBCDIC)
or from the ``encoding`` of the XML declaration (latin-1, windows-1252, UTF-7 through iconv, …). A byte-level
search for ``<!DOCTYPE`` sees none of the non-ASCII-compatible spellings, so the prolog is decoded here under
every plausible reading — the detected encoding *and* the declared one — and a declaration found under any of
them is refused. :mod:`vollzug.bpmn.safe_xml` adds a resolver that refuses every external load, so nothing is
opened even if a spelling slipped past this scan.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from vollzug.errors import HostileInputError, NotXmlError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)
_SIGNATURES: tuple[tuple[bytes, str], ...] = (  # XML 1.0 appendix F: the first four bytes of "<?xm" or "<x"
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x4c\x6f\xa7\x94", "cp037"),  # "<?xm" in EBCDIC
)
_DECLARED = re.compile(r"""^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._:-]*)["']""")
_EXTERNAL_ONLY = re.compile(
    r"""<!DOCTYPE\s+[^\s\[>"']+\s+(?:SYSTEM\s+(?:"[^"]*"|'[^']*')|PUBLIC\s+(?:"[^"]*"|'[^']*')\s+(?:"[^"]*"|'[^']*'))\s*>"""
)
_CHUNK = 4096
_SPACE = " \t\r\n\ufeff"
_LOOKAHEAD = len("<!DOCTYPE")


@dataclass(frozen=True, slots=True)
class Prolog:
    """What the scan found: the encoding libxml2 detects from the bytes, and whether an external DOCTYPE was seen."""

    encoding: str
    """Python codec of the byte-level detection (before any declared encoding)."""
    external_doctype: bool = False
    """An external-only ``<!DOCTYPE … SYSTEM/PUBLIC …>`` was accepted (only with ``allow_external_doctype``)."""


def detect_encoding(data: bytes) -> tuple[str, int]:
    """The codec libxml2 starts with and the length of the byte order mark (0 without one)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    for signature, codec in _SIGNATURES:
        if data.startswith(signature):
            return codec, 0
    if len(data) >= 2 and data[0] == 0 and data[1] != 0:
        return "utf-16-be", 0
    if len(data) >= 2 and data[0] != 0 and data[1] == 0:
        return "utf-16-le", 0
    return "utf-8", 0


def ascii_compatible(codec: str) -> bool:
    """Whether ``<`` is one byte 0x3C in ``codec`` (a byte search for markup then finds every ``<``)."""
    try:
        return "<!".encode(codec) == b"<!"
    except (LookupError, UnicodeError):
        return False


def check_prolog(data: bytes, source: str | None, *, allow_external_doctype: bool = False) -> Prolog:
    """Refuse a DOCTYPE/ENTITY (any ``<!`` other than a comment) before the root element, in every reading.

    With ``allow_external_doctype`` a DOCTYPE that only names an external DTD (public/system id, no internal
    subset) is accepted; nothing is loaded for it (the parser's resolver refuses every load).
    """
    codec, bom = detect_encoding(data)
    readings = [codec]
    head = _decode_head(data[bom:], codec)
    declared = _DECLARED.match(head.lstrip("\ufeff"))
    if declared is not None:
        name = declared.group(1)
        try:
            declared_codec = codecs.lookup(name).name
        except LookupError:
            raise NotXmlError(f"not XML: unsupported encoding '{name}' in the XML declaration", file=source,
                              line=1) from None
        if declared_codec not in readings:
            readings.append(declared_codec)
    external = False
    for reading in readings:
        try:
            found = _scan(data[bom:] if reading == codec else data, reading, source, allow_external_doctype)
        except UnicodeError:  # e.g. declared "UTF-32" without BOM: Python cannot read it so; libxml2 reads the
            continue  # detected encoding, which is always scanned
        external = external or found
    return Prolog(codec, external)


def _decode_head(data: bytes, codec: str) -> str:
    try:
        return codecs.getincrementaldecoder(codec)(errors="replace").decode(data[:512])
    except UnicodeError:
        return ""


def _scan(data: bytes, codec: str, source: str | None, allow_external: bool) -> bool:
    """Decode ``data`` chunk by chunk until the root element starts; True if an accepted external DOCTYPE was seen.

    Memory stays at one chunk: comments and processing instructions are skipped without keeping their text.
    """
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    text, pos, lines_before, offset, done, external = "", 0, 0, 0, False, False
    pending = ""  # the end marker of a comment/PI still open at the end of the text
    while True:
        if not done:
            chunk = data[offset:offset + _CHUNK]
            offset += len(chunk)
            done = offset >= len(data)
            text += decoder.decode(chunk, final=done)
        while True:
            if pending:
                close = text.find(pending, pos)
                if close < 0:
                    keep = max(pos, len(text) - len(pending) + 1)
                    lines_before += text.count("\n", 0, keep)
                    text, pos = text[keep:], 0
                    break
                pos, pending = close + len(pending), ""
            while pos < len(text) and text[pos] in _SPACE:
                pos += 1
            if len(text) - pos < _LOOKAHEAD and not done:
                break  # not enough text to tell what comes next
            if text.startswith(("<?", "<!--"), pos):
                pending = "?>" if text.startswith("<?", pos) else "-->"
                pos += 2
                continue
            if not text.startswith("<!", pos):
                return external  # the root element (or text the parser rejects)
            if allow_external:
                match = _EXTERNAL_ONLY.match(text, pos)
                if match is not None:
                    external = True
                    pos = match.end()
                    continue
                if text.find(">", pos) < 0 and not done and len(text) - pos < _CHUNK:
                    break  # the declaration may end in the next chunk
            line = lines_before + text.count("\n", 0, pos) + 1
            what = "an internal DTD subset or entity declaration" if allow_external else "a document type declaration"
            raise HostileInputError(
                f"refused: {what} (DOCTYPE/ENTITY) is not allowed in input files (read as {codec})",
                file=source, line=line,
            )
        if done:
            return external
        lines_before += text.count("\n", 0, pos)
        text, pos = text[pos:], 0
