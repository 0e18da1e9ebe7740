"""Emitters: one per output format, chosen through :data:`EMITTERS` (no if/elif chain).

Every emitter maps a :class:`~vollzug.compare.results.ComparisonSet` and a language to ``{file name: bytes}``;
the CLI writes the files (atomically) or prints a single one to stdout.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from vollzug.compare.results import ComparisonSet
from vollzug.errors import ConfigError
from vollzug.i18n import Lang

Emitter = Callable[[ComparisonSet, Lang], dict[str, bytes]]

_MODULES: dict[str, str] = {
    "html": "vollzug.report.emitters.html",
    "md": "vollzug.report.emitters.markdown",
    "markdown": "vollzug.report.emitters.markdown",
    "xlsx": "vollzug.report.emitters.xlsx",
    "csv": "vollzug.report.emitters.csv_files",
    "json": "vollzug.report.emitters.json_doc",
    "text": "vollzug.report.emitters.text",
}
"""Format name → module exposing ``emit``."""

FORMATS: tuple[str, ...] = tuple(_MODULES)


def emitter(name: str) -> Emitter:
    """The emitter of a format."""
    module = _MODULES.get(name.strip().lower())
    if module is None:
        raise ConfigError(f"unknown format '{name}' (known: {', '.join(FORMATS)})")
    func: Emitter = importlib.import_module(module).emit
    return func
