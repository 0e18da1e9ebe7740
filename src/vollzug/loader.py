"""One entry point to load an operational model from any supported file (dispatch table by suffix)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vollzug.diagnostics import Diagnostic
from vollzug.errors import InputError
from vollzug.model.process import OperationalModel


@dataclass
class LoadedModel:
    """A model with where it came from: element id → source line, reader warnings, and the BPMN document if any."""

    model: OperationalModel
    path: Path
    lines: Mapping[str, int] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    document: Any = None
    """The lossless :class:`vollzug.bpmn.document.BpmnDocument` when read from BPMN, else None."""

    def line_of(self, element_id: str | None) -> int | None:
        """Source line of an element (BPMN or YAML), if known."""
        return self.lines.get(element_id) if element_id else None


_READERS: dict[str, str] = {
    ".bpmn": "vollzug.bpmn.to_model:load_bpmn_model",
    ".xml": "vollzug.bpmn.to_model:load_bpmn_model",
    ".bpmn2": "vollzug.bpmn.to_model:load_bpmn_model",
    ".yaml": "vollzug.authoring.yaml_io:load_yaml_model",
    ".yml": "vollzug.authoring.yaml_io:load_yaml_model",
    ".json": "vollzug.authoring.yaml_io:load_yaml_model",
}
"""Suffix → ``module:function`` taking a :class:`Path` and returning a :class:`LoadedModel`."""

MODEL_SUFFIXES: frozenset[str] = frozenset(_READERS)


def reader_for(path: Path) -> Callable[[Path], LoadedModel]:
    """The reader function for a file, by suffix."""
    spec = _READERS.get(path.suffix.lower())
    if spec is None:
        known = ", ".join(sorted(_READERS))
        raise InputError(f"unsupported file type '{path.suffix}' (known: {known})", file=path)
    module_name, func_name = spec.split(":")
    func: Callable[[Path], LoadedModel] = getattr(importlib.import_module(module_name), func_name)
    return func


def load_model(path: str | Path) -> LoadedModel:
    """Load a model from ``.bpmn``/``.xml`` or ``.yaml``/``.yml``/``.json``."""
    p = Path(path)
    if not p.is_file():
        raise InputError("file not found", file=p)
    return reader_for(p)(p)


def iter_model_files(paths: Mapping[str, None] | list[Path] | tuple[Path, ...]) -> list[Path]:
    """Expand folders into the model files below them (sorted); files are kept as given.

    A ``.bpmn`` built from a ``.yaml`` beside it is skipped in favour of the YAML source.
    """
    result: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in MODEL_SUFFIXES)
            stems = {f.with_suffix("") for f in found if f.suffix.lower() in {".yaml", ".yml"}}
            result.extend(f for f in found if not (f.suffix.lower() == ".bpmn" and f.with_suffix("") in stems))
        else:
            result.append(p)
    return result
