"""Pflichtenkataloge laden und prüfen: ``rules/<id>/catalogue.yaml`` → :class:`~vollzug.model.law.Catalogue`.

Checks on load (each error names file, YAML line and key): the file validates against the model, every citation
parses and names a law of the catalogue, ids are unique, referenced stakeholder kinds, addressees, land options
and ``depends_on`` ids exist, and ``depends_on`` has no cycle. Loaded catalogues are cached by path and mtime.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

from vollzug.errors import CatalogueError
from vollzug.law.citation import CitationError, parse_citation
from vollzug.law.registry import CATALOGUE_FILE, catalogue_file, law_folders
from vollzug.law.yamlsource import Loc, YamlSource
from vollzug.model.law import Catalogue, Condition, LandOptionCondition, Obligation
from vollzug.model.lawid import is_law_id

__all__ = ["catalogue_path", "find_catalogue", "iter_citations", "list_catalogues", "load_catalogue",
           "load_law_catalogue", "topological_order"]


def catalogue_path(id_or_path: str | Path) -> Path:
    """Path of a catalogue given on the command line: its id (``WPG`` → the registry's
    ``rules/wpg/catalogue.yaml``) or a file path (a :class:`~pathlib.Path`, or text that is not a catalogue id).

    Ids from models never come here: they go through :func:`load_law_catalogue`.
    """
    if isinstance(id_or_path, str) and is_law_id(id_or_path):
        return catalogue_file(id_or_path)
    candidate = Path(id_or_path)
    if not candidate.is_file():
        raise CatalogueError("catalogue file not found", file=candidate)
    return candidate


def load_catalogue(id_or_path: str | Path) -> Catalogue:
    """Load and validate a catalogue by id or path given by the user (cached while the file is unchanged)."""
    return _load_path(catalogue_path(id_or_path))


def load_law_catalogue(law: str) -> Catalogue:
    """The catalogue a model's ``law`` names: the id is checked against the grammar and the registry, never used
    as a path; the catalogue found must carry that id."""
    catalogue = _load_path(catalogue_file(law))
    if catalogue.id.casefold() != law.casefold():
        raise CatalogueError(f"the catalogue in this folder has id {catalogue.id!r}, not {law!r}",
                             file=catalogue_file(law))
    return catalogue


def _load_path(path: Path) -> Catalogue:
    try:
        resolved = path.resolve()
        mtime = resolved.stat().st_mtime_ns
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
        raise CatalogueError(f"cannot read catalogue: {getattr(exc, 'strerror', None) or exc}", file=path) from None
    return _load_cached(str(resolved), mtime)


def find_catalogue(law_id: str) -> Catalogue | None:
    """The shipped catalogue of a law id, or None when the rules folder has none for it (looked up in the registry,
    never joined into a path).

    A catalogue that exists but is broken raises :class:`CatalogueError`: it never silently turns into "no catalogue".
    """
    if not is_law_id(law_id) or law_id.casefold() not in law_folders():
        return None
    return load_law_catalogue(law_id)


@functools.lru_cache(maxsize=32)
def _load_cached(path: str, mtime_ns: int) -> Catalogue:
    source = YamlSource(Path(path))
    if not isinstance(source.data, dict):
        raise source.error("a catalogue must be a YAML mapping", ())
    catalogue = source.validate(Catalogue)
    _check(catalogue, source)
    return catalogue


def list_catalogues() -> list[Catalogue]:
    """All catalogues in the rules folder, sorted by id."""
    found = [_load_path(folder / CATALOGUE_FILE) for folder in law_folders().values()]
    return sorted(found, key=lambda c: c.id)


def _citations(catalogue: Catalogue) -> Iterator[tuple[str, Loc]]:
    """Every citation string in the catalogue with its key path."""
    for li, law in enumerate(catalogue.laws):
        for ni, norm in enumerate(law.norms):
            yield norm.citation, ("laws", li, "norms", ni, "citation")
        for ri, entry in enumerate(law.renumbering):
            yield entry.old, ("laws", li, "renumbering", ri, "old")
            yield entry.new, ("laws", li, "renumbering", ri, "new")
    for oi, ob in enumerate(catalogue.obligations):
        for ci, text in enumerate(ob.citations):
            yield text, ("obligations", oi, "citations", ci)
        for si, req in enumerate(ob.stakeholders):
            if req.citation:
                yield req.citation, ("obligations", oi, "stakeholders", si, "citation")
        for di, rule in enumerate(ob.deadlines):
            if rule.citation:
                yield rule.citation, ("obligations", oi, "deadlines", di, "citation")
    for pi, option in enumerate(catalogue.land_options):
        yield option.citation, ("land_options", pi, "citation")


def iter_citations(catalogue: Catalogue) -> Iterator[tuple[str, Loc]]:
    """Every citation string in the catalogue with its key path (norms, renumbering, obligations, stakeholder
    requirements, deadline rules, Land options)."""
    return _citations(catalogue)


def _conditions(ob: Obligation, oi: int) -> Iterator[tuple[Condition, Loc]]:
    for ci, cond in enumerate(ob.applicability):
        yield cond, ("obligations", oi, "applicability", ci)
    for di, rule in enumerate(ob.deadlines):
        for ci, cond in enumerate(rule.applies_if):
            yield cond, ("obligations", oi, "deadlines", di, "applies_if", ci)


def _unique(ids: list[str], what: str, field: str, source: YamlSource) -> None:
    seen: set[str] = set()
    for i, item in enumerate(ids):
        if item in seen:
            raise source.error(f"duplicate {what} id {item!r}", (field, i, "id"))
        seen.add(item)


def _check(catalogue: Catalogue, source: YamlSource) -> None:
    laws = {law.id for law in catalogue.laws}
    for text, loc in _citations(catalogue):
        try:
            citation = parse_citation(text)
        except CitationError as exc:
            raise source.error(f"citation does not parse: {exc.message}", loc) from None
        if citation.law not in laws:
            raise source.error(f"citation {text!r} names law {citation.law!r}, not in the catalogue's laws", loc)
    _unique([o.id for o in catalogue.obligations], "obligation", "obligations", source)
    _unique([k.id for k in catalogue.stakeholder_kinds], "stakeholder kind", "stakeholder_kinds", source)
    _unique([o.id for o in catalogue.land_options], "land option", "land_options", source)
    _unique([law.id for law in catalogue.laws], "law", "laws", source)
    kinds = {k.id for k in catalogue.stakeholder_kinds}
    options = {o.id for o in catalogue.land_options}
    ids = {o.id for o in catalogue.obligations}
    for oi, ob in enumerate(catalogue.obligations):
        if catalogue.addressees and ob.addressee not in catalogue.addressees:
            raise source.error(f"unknown addressee {ob.addressee!r}", ("obligations", oi, "addressee"))
        for si, req in enumerate(ob.stakeholders):
            if req.stakeholder not in kinds:
                raise source.error(
                    f"unknown stakeholder kind {req.stakeholder!r}", ("obligations", oi, "stakeholders", si)
                )
        for di, dep in enumerate(ob.depends_on):
            if dep not in ids:
                loc = ("obligations", oi, "depends_on", di)
                raise source.error(f"depends_on names unknown obligation {dep!r}", loc)
        for cond, loc in _conditions(ob, oi):
            if isinstance(cond, LandOptionCondition) and cond.option not in options:
                raise source.error(f"unknown land option {cond.option!r}", loc)
        for di, rule in enumerate(ob.deadlines):
            after = getattr(rule, "after", None)
            if after and after.startswith(f"{catalogue.id}.") and after not in ids:
                loc = ("obligations", oi, "deadlines", di)
                raise source.error(f"deadline starts after unknown obligation {after!r}", loc)
    try:
        topological_order(catalogue.obligations)
    except CatalogueError as exc:
        raise CatalogueError(exc.message, file=source.path, line=source.line(("obligations",))) from None


def topological_order(obligations: tuple[Obligation, ...] | list[Obligation]) -> list[Obligation]:
    """Obligations in ``depends_on`` order, stable by catalogue order; dependencies outside the list are ignored."""
    by_id = {o.id: o for o in obligations}
    done: list[Obligation] = []
    placed: set[str] = set()
    remaining = list(obligations)
    while remaining:
        ready = next(
            (o for o in remaining if all(d in placed or d not in by_id for d in o.depends_on)),
            None,
        )
        if ready is None:
            cycle = ", ".join(o.id for o in remaining)
            raise CatalogueError(f"depends_on has a cycle among: {cycle}")
        done.append(ready)
        placed.add(ready.id)
        remaining.remove(ready)
    return done
