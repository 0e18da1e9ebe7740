"""Ausgabeformate: one emitter per format behind one interface, ``emit(result, lang) -> str``.

The table below is the only place formats are registered; the CLI looks the format up here (no if/elif chain).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from vollzug.errors import ConfigError
from vollzug.i18n import Lang
from vollzug.lint.finding import CheckResult

Emitter = Callable[[CheckResult, Lang], str]
"""An emitter turns a check result into the text of one output format."""

EMITTERS: dict[str, str] = {
    "text": "vollzug.lint.emit.text",
    "json": "vollzug.lint.emit.json",
    "sarif": "vollzug.lint.emit.sarif",
    "github": "vollzug.lint.emit.github",
    "markdown": "vollzug.lint.emit.markdown",
}
"""Format name → module exposing ``emit``."""


def get_emitter(fmt: str) -> Emitter:
    """The emitter for a format name."""
    module_name = EMITTERS.get(fmt)
    if module_name is None:
        raise ConfigError(f"unknown output format '{fmt}' (known: {', '.join(EMITTERS)})")
    emitter: Emitter = importlib.import_module(module_name).emit
    return emitter
