"""Herstellererweiterungen: property changes that belong to a modelling tool's own namespace, not to BPMN.

A change is a vendor extension change when its property path starts with a foreign attribute (``boc:class``,
``camunda:assignee``, ``signavio:…``) or inside ``extensionElements`` (vollzug's own ``vz:`` content never reaches
the property maps: the domain model reads it). ADONIS, Signavio or Camunda attach such values to every element, so
a diff between two tools lists them by the thousand. Three ways to report them (``vollzug diff --extensions``):

* ``show`` — every changed path on its own line, as they are;
* ``fold`` (default) — one entry per element: path :data:`FOLDED_PATH`; the value on each side names the
  namespaces (by prefix) of the differing items there and how many (``"boc ×1, signavio ×2"``; ``None`` if none).
  An item is a foreign attribute or one child of ``extensionElements`` with everything inside it;
* ``ignore`` — dropped; an element whose only changes were vendor values is no longer "changed".
"""

from __future__ import annotations

from collections import Counter
from typing import Literal

from vollzug.diff.changes import AttrChange

ExtensionMode = Literal["show", "fold", "ignore"]
EXTENSION_MODES: tuple[ExtensionMode, ...] = ("fold", "show", "ignore")
FOLDED_PATH = "extensions"
"""Property path of the one folded entry per element (no BPMN attribute has this name)."""
_EXTENSION_ELEMENTS = "extensionElements["
_PROCESS_REF = "processRef."


def _head(path: str) -> str:
    """The first segment of a property path (a process's properties are reported on its pool as ``processRef.…``)."""
    return path.removeprefix(_PROCESS_REF).split("/", 1)[0]


def is_vendor(path: str) -> bool:
    """Whether a property path belongs to a tool's own extension (foreign attribute or extension element)."""
    head = _head(path)
    return head.startswith(_EXTENSION_ELEMENTS) or ":" in head


def _item(path: str) -> tuple[str, str] | None:
    """(namespace prefix, item) of a vendor path: the foreign attribute, or the child of ``extensionElements``
    the path lies in; None for the bare ``extensionElements`` container (its children are what counts)."""
    segments = path.removeprefix(_PROCESS_REF).split("/")
    if not segments[0].startswith(_EXTENSION_ELEMENTS):
        return segments[0].rsplit(":", 1)[0], segments[0]
    if len(segments) < 2:
        return None
    name = segments[1].removeprefix("@").split("[", 1)[0]
    return (name.rsplit(":", 1)[0] if ":" in name else name), "/".join(segments[:2])


def _summary(items: set[tuple[str, str]]) -> str | None:
    counts = Counter(namespace for namespace, _item in items)
    return ", ".join(f"{name} ×{n}" for name, n in sorted(counts.items())) or None


def fold(attrs: tuple[AttrChange, ...], mode: ExtensionMode) -> tuple[AttrChange, ...]:
    """The changes of one element with its vendor extension changes shown, folded into one, or dropped."""
    if mode == "show" or not any(is_vendor(a.path) for a in attrs):
        return attrs
    kept = tuple(a for a in attrs if not is_vendor(a.path))
    if mode == "ignore":
        return kept
    vendor = [(a, _item(a.path)) for a in attrs if is_vendor(a.path)]
    left = {item for a, item in vendor if item is not None and a.left is not None}
    right = {item for a, item in vendor if item is not None and a.right is not None}
    if not left and not right:  # only the containers differ (one side has an empty extensionElements)
        left = {("extensionElements", "") for a, _item in vendor if a.left is not None}
        right = {("extensionElements", "") for a, _item in vendor if a.right is not None}
    folded = AttrChange(path=FOLDED_PATH, left=_summary(left), right=_summary(right))
    return tuple(sorted((*kept, folded), key=lambda a: a.path))
