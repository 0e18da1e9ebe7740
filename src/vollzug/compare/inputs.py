"""Eingaben: load the towns' models and the reference SOLLs from files and folders.

References may be given several times (one per law) and as folders. A law that has towns but no reference is
looked up among the SOLL models in the folders of the given references (``models/soll/`` holds one per law), so
``--reference models/soll/wpg-kreis-steinfurt.yaml`` also finds ``models/soll/fzv-ikfz.yaml`` for FZV models.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from vollzug.batch import Excluded
from vollzug.compare import messages as m_
from vollzug.compare.engine import Town
from vollzug.errors import ConfigError, InputError
from vollzug.i18n import Text
from vollzug.loader import iter_model_files, load_model


@dataclass
class Inputs:
    """Towns and references, plus notes about how references were found and the town files left out."""

    towns: list[Town]
    references: list[Town]
    notes: list[Text] = field(default_factory=list)
    excluded: list[Excluded] = field(default_factory=list)
    """Town files that could not be read (left out)."""


def _load_one(path: Path) -> Town:
    return Town(load_model(path).model, str(path))


def _load_or_exclude(path: Path, fail_fast: bool) -> Town | Excluded:
    try:
        return _load_one(path)
    except InputError as exc:
        if fail_fast:
            raise
        return Excluded.from_error(path, exc)


def _load(paths: Sequence[Path], jobs: int = 1, fail_fast: bool = True) -> list[Town | Excluded]:
    """Load model files, over ``jobs`` processes if many (reading YAML/BPMN costs far more than shipping models);
    a file that cannot be read becomes an :class:`Excluded` entry unless ``fail_fast``."""
    files = iter_model_files(list(paths))
    load = partial(_load_or_exclude, fail_fast=fail_fast)
    if jobs <= 1 or len(files) < 8:
        return [load(p) for p in files]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(load, files, chunksize=max(1, len(files) // (jobs * 8))))


def _towns(loaded: list[Town | Excluded]) -> list[Town]:
    return [t for t in loaded if isinstance(t, Town)]


def load_inputs(models: Sequence[str | Path], references: Sequence[str | Path], law: str | None = None,
                jobs: int = 1, *, fail_fast: bool = True) -> Inputs:
    """Load towns and references; discover missing references beside the given ones.

    A town file that cannot be read is left out and listed in :attr:`Inputs.excluded` (``fail_fast=False``) or
    raised (the default, for library callers); the references must be readable.
    """
    if not references:
        raise ConfigError("at least one --reference SOLL model is needed")
    refs = _towns(_load([Path(r) for r in references]))
    ref_paths = {Path(r.path).resolve() for r in refs}
    read = _load([Path(m) for m in models], jobs, fail_fast)
    excluded = [x for x in read if isinstance(x, Excluded)]
    towns = [t for t in _towns(read) if Path(t.path).resolve() not in ref_paths]
    if law:
        towns = [t for t in towns if t.model.law == law]
    notes: list[Text] = []
    have = {r.model.law for r in refs}
    wanted = {t.model.law for t in towns} - have
    if wanted:
        folders = sorted({Path(r.path).parent for r in refs if r.path})
        for candidate in iter_model_files(folders):
            if Path(candidate).resolve() in ref_paths:
                continue
            loaded = load_model(candidate)
            if loaded.model.variant == "SOLL" and loaded.model.law in wanted:
                refs.append(Town(loaded.model, str(candidate)))
                wanted.discard(loaded.model.law)
                notes.append(m_.text(m_.REFERENCE_FOUND, law=loaded.model.law, path=str(candidate)))
    return Inputs(towns, refs, notes, excluded)
