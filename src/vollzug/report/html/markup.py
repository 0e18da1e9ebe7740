"""Markup: build HTML from nested calls; every string that is not :class:`Markup` is escaped (autoescape).

``el("td", {"class": "x"}, town.name)`` escapes ``town.name``; only this module and literal constants create
:class:`Markup`. Attribute values are always escaped, attribute names must be plain identifiers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from html import escape

_ATTR_NAME = re.compile(r"^[a-zA-Z][a-zA-Z0-9_:-]*$")
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "col"})


class Markup(str):
    """A string that is already safe HTML."""

    __slots__ = ()


Node = "Markup | str | int | float | None | Iterable[Node]"


def esc(value: object) -> Markup:
    """Escape anything that is not already :class:`Markup`; None becomes empty; iterables are joined."""
    if value is None:
        return Markup("")
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return Markup(escape(value, quote=True))
    if isinstance(value, (int, float)):
        return Markup(escape(str(value)))
    if isinstance(value, Iterable):
        return Markup("".join(esc(v) for v in value))
    return Markup(escape(str(value), quote=True))


def el(name: str, attrs: Mapping[str, object] | None = None, *children: object) -> Markup:
    """An element with escaped attributes and children (attribute value True → bare attribute; None/False → omitted)."""
    parts = [f"<{name}"]
    for key, value in (attrs or {}).items():
        if not _ATTR_NAME.match(key) or key.lower().startswith("on"):
            raise ValueError(f"refusing attribute name {key!r}")
        if value is None or value is False:
            continue
        if value is True:
            parts.append(f" {key}")
        else:
            parts.append(f' {key}="{escape(str(value), quote=True)}"')
    parts.append(">")
    if name in _VOID:
        return Markup("".join(parts))
    return Markup("".join(parts) + esc(children) + f"</{name}>")


def table(headers: Iterable[object], rows: Iterable[Iterable[object]], *, table_id: str | None = None,
          css: str = "data sortable", caption: object = None, filter_label: str | None = None) -> Markup:
    """A sortable table (optionally with a filter box) of escaped cells; a cell may be Markup or (value, attrs)."""
    head = el("thead", None, el("tr", None, [el("th", {"scope": "col"}, h) for h in headers]))
    body_rows = []
    for row in rows:
        cells = []
        for cell in row:
            if isinstance(cell, tuple) and len(cell) == 2 and isinstance(cell[1], Mapping):
                cells.append(el("td", cell[1], cell[0]))
            else:
                cells.append(el("td", None, cell))
        body_rows.append(el("tr", None, cells))
    tbl = el("table", {"class": css, "id": table_id}, el("caption", None, caption) if caption else None, head,
             el("tbody", None, body_rows))
    if filter_label and table_id:
        box = el("input", {"type": "search", "class": "filter", "data-table": table_id, "placeholder": filter_label,
                           "aria-label": filter_label})
        return Markup(box + tbl)
    return tbl
