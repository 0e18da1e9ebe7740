"""Ausgabeformate: one emitter per format behind one interface, chosen from a table (no if/elif chain).

An emitter is a function ``emit(result, ctx) -> bytes`` in its own module; ``ctx`` carries the language and the two
loaded sides (the BPMN emitter needs the right-hand file).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from vollzug.i18n import Lang

if TYPE_CHECKING:  # keep ``vollzug diff --help`` light: no pydantic/scipy import for the option list
    from vollzug.diff.changes import DiffResult
    from vollzug.diff.engine import Side


@dataclass
class EmitContext:
    """What an emitter may need besides the result."""

    lang: Lang = "de"
    left: Side | None = None
    right: Side | None = None


EMITTERS: dict[str, str] = {
    "text": "vollzug.diff.emit.text:emit",
    "json": "vollzug.diff.emit.json:emit",
    "markdown": "vollzug.diff.emit.markdown:emit",
    "html": "vollzug.diff.emit.html:emit",
    "bpmn": "vollzug.diff.emit.bpmn:emit",
}
"""Format name → ``module:function``."""


STREAMERS: dict[str, str] = {
    "json": "vollzug.diff.emit.json:write",
}
"""Format name → ``module:function`` writing the output into a binary file piece by piece (for huge diffs)."""


def streamer(fmt: str) -> Callable[[DiffResult, EmitContext, BinaryIO], None] | None:
    """The streaming writer of a format, or None if the format is only produced whole (see :func:`emitter`)."""
    if fmt not in STREAMERS:
        return None
    module, func = STREAMERS[fmt].split(":")
    found: Callable[[DiffResult, EmitContext, BinaryIO], None] = getattr(importlib.import_module(module), func)
    return found


def emitter(fmt: str) -> Callable[[DiffResult, EmitContext], bytes]:
    """The emitter function for a format name."""
    module, func = EMITTERS[fmt].split(":")
    found: Callable[[DiffResult, EmitContext], bytes] = getattr(importlib.import_module(module), func)
    return found
