"""Mitgelieferte Gesetzestexte: the norm trees shipped under ``rules/<law>/text/<version>.json``, version choice
(the text in force at a date), and :func:`norm_text`, the one function reports and diffs call for a cited text.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from vollzug.errors import CatalogueError, InputError
from vollzug.law.citation import parse_citations
from vollzug.law.normtree import Lookup, TreeIndex, lookup
from vollzug.law.yamlsource import rules_dir
from vollzug.model.citation import Citation
from vollzug.model.normtree import CitedText, NormTree

__all__ = [
    "cited_text", "cited_texts", "cited_units", "index_for", "load_tree", "norm_text", "text_dir", "text_versions",
    "tree_for", "write_tree",
]

TEXT_DIR = "text"


def text_dir(law: str) -> Path:
    """Folder of the shipped texts of a law id ("WPG" → ``rules/wpg/text``)."""
    return _text_dir(law, os.environ.get("VOLLZUG_RULES_DIR"))


@functools.lru_cache(maxsize=64)
def _text_dir(law: str, env: str | None) -> Path:
    del env  # part of the cache key only: rules_dir() follows $VOLLZUG_RULES_DIR
    return rules_dir() / law.lower().replace(" ", "-") / TEXT_DIR


def load_tree(path: str | Path) -> NormTree:
    """A norm tree from its JSON file (cached while the file is unchanged)."""
    file = Path(path).resolve()
    try:
        stamp = file.stat().st_mtime_ns
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", file=path) from None
    return _load_cached(str(file), stamp)


@functools.lru_cache(maxsize=16)
def _load_cached(path: str, stamp: int) -> NormTree:
    try:
        return NormTree.model_validate_json(Path(path).read_bytes())
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise CatalogueError(f"not a norm tree: {first['msg']}", file=path, element=where) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", file=path) from None


def text_versions(law: str) -> list[NormTree]:
    """The shipped versions of a law, oldest first (empty if none is shipped)."""
    folder = text_dir(law)
    try:
        stamp = folder.stat().st_mtime_ns
    except OSError:
        return []
    return list(_versions_cached(str(folder), stamp))


@functools.lru_cache(maxsize=64)
def _versions_cached(folder: str, stamp: int) -> tuple[NormTree, ...]:
    """The trees of one folder, cached while its listing is unchanged (new files are written by rename)."""
    trees = [load_tree(p) for p in sorted(Path(folder).glob("*.json"))]
    return tuple(sorted(trees, key=lambda t: (t.version.in_force or dt.date.min, t.version.id)))


def tree_for(law: str, version: str | dt.date | None = None) -> NormTree | None:
    """The text of ``law``: the newest if ``version`` is None; the version with that id; for a date, the version
    in force at that date (the oldest shipped one if the date lies before it). None if no text is shipped."""
    versions = text_versions(law)
    if not versions:
        return None
    if version is None:
        return versions[-1]
    if isinstance(version, str):
        exact = next((t for t in versions if t.version.id == version), None)
        if exact is not None:
            return exact
        try:
            version = dt.date.fromisoformat(version)
        except ValueError:
            known = ", ".join(t.version.id for t in versions)
            raise CatalogueError(f"no text version {version!r} of {law} (shipped: {known})") from None
    in_force = [t for t in versions if t.version.in_force and t.version.in_force <= version]
    return in_force[-1] if in_force else versions[0]


_INDEXES: dict[int, tuple[NormTree, TreeIndex]] = {}


def index_for(tree: NormTree) -> TreeIndex:
    """The (cached) address index of a tree (by identity: hashing a frozen tree would walk all of it)."""
    entry = _INDEXES.get(id(tree))
    if entry is None or entry[0] is not tree:
        if len(_INDEXES) > 32:
            _INDEXES.clear()
        entry = (tree, TreeIndex(tree))
        _INDEXES[id(tree)] = entry
    return entry[1]


def cited_units(citation: Citation, version: str | dt.date | None = None) -> tuple[NormTree | None, Lookup]:
    """The tree for the citation's law (version as in :func:`tree_for`) and where the citation lands in it; no tree
    if none is shipped or the cited § lies outside a shipped excerpt."""
    if citation.law is None:
        return None, Lookup(())
    if citation.version and citation.version[:1].isdigit():  # "i. d. F. vom 2.12.2025": the citation says
        version = citation.version
    tree = tree_for(citation.law, version)
    if tree is None:
        return None, Lookup(())
    result = lookup(index_for(tree), citation)
    if tree.excerpt and result.anchor_missing:
        return None, Lookup(())  # the § may lie outside the excerpt: the text cannot tell
    return tree, result


def cited_text(citation: str | Citation, version: str | dt.date | None = None) -> CitedText | None:
    """Address(es) and exact text a citation designates, or None if the law has no shipped text or the unit does
    not exist (see :func:`norm_text`)."""
    found = parse_citations(citation) if isinstance(citation, str) else [citation]
    texts: list[tuple[str, str, str]] = []
    tree: NormTree | None = None
    for item in found:
        item_tree, result = cited_units(item, version)
        if not result.found or item_tree is None:
            continue
        tree = tree or item_tree
        texts.extend((unit.address, unit.citation, unit.text or unit.title) for unit in result.units)
    if not texts or tree is None:
        return None
    text = texts[0][2] if len(texts) == 1 else "\n".join(f"{label}: {body}" for _a, label, body in texts)
    written = citation if isinstance(citation, str) else citation.text
    return CitedText(citation=written, addresses=tuple(a for a, _l, _b in texts), text=text, law=tree.law,
                     version=tree.version.id)


def cited_texts(citations: Iterable[str], version: str | dt.date | None = None) -> tuple[CitedText, ...]:
    """The texts of distinct citations (in first-seen order), leaving out those without a shipped text."""
    out = []
    for citation in dict.fromkeys(citations):
        found = cited_text(citation, version)
        if found is not None:
            out.append(found)
    return tuple(out)


def norm_text(citation: str | Citation, version: str | dt.date | None = None) -> str | None:
    """The exact text a citation designates ("§ 7 Abs. 2 Nr. 1 WPG" → the text of that Nummer), or None if the
    law has no shipped text or the unit does not exist. Several units (ranges, lists, chains) come one per line,
    each after its citation. ``version``: a version id, a date (the text in force then) or None (the newest)."""
    found = cited_text(citation, version)
    return found.text if found is not None else None


def write_tree(tree: NormTree) -> bytes:
    """The JSON form of a tree as shipped (defaults left out, one key per line for readable git diffs)."""
    return (tree.model_dump_json(exclude_defaults=True, indent=1) + "\n").encode("utf-8")
