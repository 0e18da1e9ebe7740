"""Markdown escaping for every Markdown output (check, diff, report, mining, law show).

Text from models and files is data, never markup: ``<``, ``>`` and ``&`` become character references (so no raw
HTML, no autolink such as ``<javascript:…>`` and no entity survives CommonMark rendering) and every other character
CommonMark gives a meaning inline — emphasis, code spans, links and images, headings, tables, strike-through — is
backslash-escaped; so is a list, heading or setext marker at the start (``- x``, ``1. x``), for values written at
the start of a line. Line breaks become spaces, so a value cannot start a new block.
"""

from __future__ import annotations

import re

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_HTML = re.compile(r"[&<>]")
_INLINE = re.compile(r"([\\`*_\[\]#|~])")
_BLOCK_START = re.compile(r"^(\s*)([-+=](?=[\s=]|$)|\d{1,9}(?=[.)](?:\s|$)))")
_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")


def _unblock(match: re.Match[str]) -> str:
    """``- x`` → ``\\- x``; ``1. x`` → ``1\\. x`` (the marker escaped, the text unchanged)."""
    indent, marker = match.group(1), match.group(2)
    return indent + (marker + "\\" if marker[0].isdigit() else "\\" + marker)


def escape(value: object) -> str:
    """``value`` as literal Markdown text (also safe inside a table cell)."""
    text = "" if value is None else str(value)
    text = _HTML.sub(lambda m: _ENTITIES[m.group(0)], text)
    text = _INLINE.sub(r"\\\1", text)
    text = _BLOCK_START.sub(_unblock, text, count=1)
    return _BREAKS.sub(" ", text)
