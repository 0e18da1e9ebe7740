"""One entry point to load an operational model from any supported file (dispatch table by suffix)."""

from __future__ import annotations

import errno
import importlib
import os
import re
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vollzug.diagnostics import Diagnostic
from vollzug.errors import InputError, VollzugError
from vollzug.gcpause import gc_paused
from vollzug.output.guard import note_input

if TYPE_CHECKING:
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
    func = _LOADED_READERS.get(spec)
    if func is None:
        module_name, func_name = spec.split(":")
        func = _LOADED_READERS[spec] = getattr(importlib.import_module(module_name), func_name)
    return func


_LOADED_READERS: dict[str, Callable[[Path], LoadedModel]] = {}
"""``module:function`` → the function, imported on first use (the YAML reader is never imported for BPMN)."""


@gc_paused
def load_model(path: str | Path) -> LoadedModel:
    """Load a model from ``.bpmn``/``.xml`` or ``.yaml``/``.yml``/``.json``."""
    p = path if isinstance(path, Path) else Path(path)
    note_input(p)
    try:
        loaded = reader_for(p)(p)
    except (VollzugError, OSError, RuntimeError) as exc:  # RuntimeError: pathlib's "symlink loop"
        problem = _unreadable(p)  # asked only when reading failed (a stat call less per file read)
        if problem is not None:
            raise problem from None
        if isinstance(exc, VollzugError):
            raise
        raise InputError(f"cannot read: {getattr(exc, 'strerror', None) or exc}", file=p) from None
    if _READ_WARNINGS is not None:
        _READ_WARNINGS(loaded)
    return loaded


_READ_WARNINGS: Callable[[LoadedModel], None] | None = None
"""Called with every model read (the CLI prints its duplicate-id and dangling-reference warnings); see
:func:`set_read_warnings`."""


def set_read_warnings(sink: Callable[[LoadedModel], None] | None) -> None:
    """Have ``sink`` called with every model :func:`load_model` reads (None: no one)."""
    global _READ_WARNINGS  # one sink per process: the CLI's
    _READ_WARNINGS = sink


def _unreadable(path: Path) -> InputError | None:
    """Why ``path`` cannot be opened as a file (missing, a symlink loop, a folder …), or None if it can."""
    try:
        info = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return InputError("symbolic link loop (too many levels of symbolic links)", file=path)
        if exc.errno == errno.ENOENT:
            return InputError("file not found", file=path)
        return InputError(f"cannot read: {exc.strerror or exc}", file=path)
    if not stat.S_ISREG(info.st_mode):
        return InputError("not a regular file", file=path)
    return None


_MODEL_MARKER = re.compile(r"""^\s*(?:kind\s*:\s*["']?operational_model|steps\s*:)""", re.MULTILINE)
_JSON_MODEL_MARKER = re.compile(r'"(?:kind"\s*:\s*"operational_model"|steps"\s*:)')
_DATA_SUFFIXES = frozenset({".yaml", ".yml", ".json"})


def looks_like_model(path: Path) -> bool:
    """True for BPMN/XML files, and for YAML/JSON files declaring ``kind: operational_model`` or top-level ``steps``.

    Used when expanding folders, so that other data beside the models (e.g. ``models/expected-gaps.yaml``) is skipped.
    """
    if path.suffix.lower() not in _DATA_SUFFIXES:
        return True
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(65536)
    except OSError:
        return True
    marker = _JSON_MODEL_MARKER if path.suffix.lower() == ".json" else _MODEL_MARKER
    return marker.search(head) is not None


def _is_file(entry: os.DirEntry[str]) -> bool:
    """A regular file, or a link that cannot be followed (a loop): kept, so that reading it reports the problem."""
    try:
        return entry.is_file()
    except OSError:
        return True


def _model_files_below(folder: Path) -> list[Path]:
    """Files with a model suffix anywhere below ``folder``, in path order; symlinked folders are not entered and
    unreadable ones skipped (as :meth:`Path.rglob` does, at a seventh of its cost: 0.2 s for 10,754 town folders)."""
    found: list[str] = []
    pending = [str(folder)]
    while pending:
        try:
            with os.scandir(pending.pop()) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(entry.path)
                    elif entry.name[max(entry.name.rfind("."), 1):].lower() in MODEL_SUFFIXES and _is_file(entry):
                        found.append(entry.path)
        except PermissionError:
            continue
    return [Path(f) for f in sorted(found, key=lambda f: f.split(os.sep))]  # noqa: PTH206  # = Path order


model_files_below = _model_files_below


def iter_model_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders into the model files below them (sorted); files given explicitly are kept as given.

    In folders, a ``.bpmn`` built from a ``.yaml`` beside it is skipped in favour of the YAML source, and YAML/JSON
    files that are not models (see :func:`looks_like_model`) are skipped.
    """
    result: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = [(f, f.suffix.lower()) for f in _model_files_below(p)]
            stems = {f.with_suffix("") for f, suffix in found if suffix in {".yaml", ".yml"}}
            result.extend(
                f for f, suffix in found
                if not (stems and suffix == ".bpmn" and f.with_suffix("") in stems)
                and (suffix not in _DATA_SUFFIXES or looks_like_model(f))
            )
        else:
            result.append(p)
    return result
