"""Gesetzestext aus Markdown: read the bundestag/gesetze layout (front matter, header definition list, ``##`` Teil /
Abschnitt, ``###``/``####`` §§ and Anlagen, ``(1)`` Absätze, ``1.`` Nummern, ``a)`` Buchstaben) into a norm tree."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from vollzug.errors import InputError
from vollzug.law.normtree import Block, build_division, build_norm, division_address
from vollzug.law.textsource import Heading, classify_heading, law_id, parse_german_date, text_version
from vollzug.model.normtree import NormTree, NormUnit

__all__ = ["parse_markdown", "read_markdown"]

MAX_BYTES = 20 * 1024 * 1024

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_ABSATZ = re.compile(r"^\((\d+[a-z]?)\)\s*(.*)$")
_NUMBER_ITEM = re.compile(r"^(\d+[a-z]?)\.\s+(.*)$")
_LETTER_ITEM = re.compile(r"^([a-z]{1,2})\)\s+(.*)$")
_ROMAN_HEADING = re.compile(r"^([IVX]+)\.\s+(.+)$")
_ARABIC_HEADING = re.compile(r"^(\d+)\\?\.\s+(.+)$")
_ESCAPED_HEADING = re.compile(r"^(\d+)\\\.\s+(.+)$")
_HEADING_MARK = "\x00H"
_FUNDSTELLE = re.compile(r"^\(Fundstelle:.*\)$")
_ZU = re.compile(r"^\(zu §§?\s*[^()]*\)$")


@dataclass(slots=True)
class _Division:
    kind: str
    number: str
    title: str
    depth: int
    address: str
    line: int
    children: list[NormUnit] = field(default_factory=list)


@dataclass(slots=True)
class _Norm:
    heading: Heading
    line: int
    lines: list[tuple[int, str]] = field(default_factory=list)


def _join(lines: list[str]) -> str:
    """Lines of one paragraph as one string; a line ending in a hyphen before a capital joins without a blank
    ("Kohlenstoffdioxid-" + "Äquivalent"), before a small letter with one ("Gas-" + "oder")."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not out:
            out = line
        elif out.endswith("-") and line[:1].isupper() and out[-2:-1].isalpha():
            out += line
        else:
            out += " " + line
    return out


def _paragraphs(lines: list[tuple[int, str]]) -> list[tuple[int, int, list[str]]]:
    """(first line number, indentation, lines) per blank-separated paragraph."""
    out: list[tuple[int, int, list[str]]] = []
    current: list[str] = []
    start = 0
    for number, line in [*lines, (0, "")]:
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            out.append((start, len(current[0]) - len(current[0].lstrip(" ")), current))
            current = []
    return out


def _blocks(norm: _Norm) -> tuple[list[Block], str]:
    blocks: list[Block] = []
    notes: list[str] = []
    annex = norm.heading.kind == "Anl"
    for line, indent, lines in _paragraphs(norm.lines):
        text = _join(lines)
        short = len(lines) <= 3 and len(text) < 200 and not text.endswith((".", ",", ";", ":"))
        if text.startswith(_HEADING_MARK):
            text = text.removeprefix(_HEADING_MARK)
            m = _ROMAN_HEADING.match(text) or _ARABIC_HEADING.match(text)
            blocks.append(Block("heading", m.group(2), marker=m.group(1), line=line) if m
                          else Block("para", text, line=line))
        elif annex and _FUNDSTELLE.match(text):
            notes.append(text)
        elif indent == 0 and (m := _ABSATZ.match(text)) and not annex:
            blocks.append(Block("abs", m.group(2), marker=m.group(1), line=line))
        elif (m := _NUMBER_ITEM.match(text)) or (m := _LETTER_ITEM.match(text)):
            blocks.append(Block("item", m.group(2), marker=m.group(1), line=line))
        elif annex and indent == 0 and short and (
                (m := _ROMAN_HEADING.match(text)) or (m := _ESCAPED_HEADING.match(text))):
            blocks.append(Block("heading", m.group(2), marker=m.group(1), line=line))
        elif indent > 0:
            blocks.append(Block("cont", text, line=line))
        else:
            blocks.append(Block("para", text, line=line))
    return blocks, " ".join(notes)


def parse_markdown(text: str, *, source: str = "", law: str | None = None) -> NormTree:
    """A norm tree from the text of a bundestag/gesetze ``index.md``."""
    lines = text.splitlines()
    meta: dict[str, str] = {}
    pos = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if end is None:
            raise InputError("front matter is not closed by '---'", file=source or None, line=1)
        for raw in lines[1:end]:
            key, sep, value = raw.partition(":")
            if sep:
                meta[key.strip()] = value.strip()
        pos = end + 1
    excerpt = ""
    header: dict[str, str] = {}
    title = meta.get("Title", "")
    divisions: list[_Division] = []
    top: list[NormUnit] = []
    norm: _Norm | None = None
    jurabk = meta.get("jurabk", "")
    name = law or law_id(jurabk) if jurabk else (law or "")

    def close_norm() -> None:
        nonlocal norm
        if norm is None:
            return
        blocks, note = _blocks(norm)
        h = norm.heading
        unit = build_norm(name, h.kind, h.number, h.title, blocks, line=norm.line,  # type: ignore[arg-type]
                          note=" ".join(n for n in (h.note, note) if n))
        (divisions[-1].children if divisions else top).append(unit)
        norm = None

    def close_divisions(depth: int) -> None:
        while divisions and divisions[-1].depth >= depth:
            done = divisions.pop()
            unit = build_division(name, done.kind, done.number, done.title, done.address,  # type: ignore[arg-type]
                                  tuple(done.children), line=done.line)
            (divisions[-1].children if divisions else top).append(unit)

    last_key = ""
    pending_zu: tuple[int, str] | None = None  # "(zu § 15)" before an Anlage heading (older layout)
    for index in range(pos, len(lines)):
        raw = lines[index]
        number = index + 1
        if raw.startswith("<!--") and "excerpt" in raw:
            excerpt = raw.strip().removeprefix("<!--").removesuffix("-->").strip()
            continue
        if _ZU.match(raw.strip()) and norm is not None:
            pending_zu = (index + 1, raw.strip())
            continue
        m = _HEADING.match(raw)
        heading = classify_heading(m.group(2)) if m else None
        if pending_zu is not None and raw.strip():
            if heading is not None and heading.kind == "Anl" and not heading.note:
                heading = Heading(heading.kind, heading.number, heading.title, pending_zu[1])
            elif norm is not None:
                norm.lines.extend([(pending_zu[0], pending_zu[1]), (pending_zu[0], "")])
            pending_zu = None
        if m and len(m.group(1)) == 1:
            title = title or m.group(2)
            jurabk = jurabk or (re.search(r"\(([^()]+)\)\s*$", m.group(2)) or [None, ""])[1] or ""
            name = name or law or law_id(jurabk)
            continue
        if m and heading is not None:
            close_norm()
            depth = len(m.group(1))
            if heading.kind in ("§", "Art", "Anl"):
                norm = _Norm(heading, number)
            else:
                close_divisions(depth)
                parent = divisions[-1].address if divisions else ""
                address = division_address(name, heading.kind, heading.number, parent)
                divisions.append(_Division(heading.kind, heading.number, heading.title, depth, address, number))
            continue
        if norm is not None:
            if m:  # a heading inside an Anlage ("## I. Darstellung …") is part of its body
                norm.lines.extend([(number, ""), (number, _HEADING_MARK + m.group(2)), (number, "")])
            else:
                norm.lines.append((number, raw))
        elif raw.startswith(":   "):
            header[last_key] = (header.get(last_key, "") + " " + raw[4:].strip()).strip()
        elif raw.strip():
            last_key = raw.strip()
    close_norm()
    close_divisions(0)
    if not name:
        raise InputError("no law abbreviation (jurabk) found in the text", file=source or None)
    amended = header.get("Zuletzt geändert durch") or header.get("Geändert durch") or ""
    issued = parse_german_date(header.get("Ausfertigungsdatum", ""))
    return NormTree(
        law=name, jurabk=jurabk or name, title=title, version=text_version(amended, header.get("Änderung durch", ""),
                                                                           issued),
        issued=issued, gazette=header.get("Fundstelle", ""), source=source, source_format="markdown",
        excerpt=excerpt, units=tuple(top),
    )


def read_markdown(path: str | Path, *, law: str | None = None, source: str | None = None) -> NormTree:
    """Read a Markdown law file (UTF-8) into a norm tree."""
    file = Path(path)
    try:
        if file.stat().st_size > MAX_BYTES:
            raise InputError(f"refused: file is larger than {MAX_BYTES // (1024 * 1024)} MB", file=file)
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text: {exc.reason} at byte {exc.start}", file=file) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", file=file) from None
    return parse_markdown(text, source=source or str(path), law=law)
