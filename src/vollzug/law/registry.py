"""Katalogverzeichnis: catalogue id → file, from the folders of the rules directory (never from the id's text).

A law id comes from a model (a file anyone may send) or the command line. It is checked against the id grammar
(:mod:`vollzug.model.lawid`) and then looked up among the folders that exist — it is a dictionary key, never
joined into a path — so ``law: ../../x`` or ``law: /etc/passwd`` cannot make vollzug open anything.
"""

from __future__ import annotations

from pathlib import Path

from vollzug.errors import CatalogueError
from vollzug.law.yamlsource import rules_dir
from vollzug.model.lawid import is_law_id

CATALOGUE_FILE = "catalogue.yaml"
CHECKS_FILE = "checks.yaml"


def law_folders() -> dict[str, Path]:
    """Catalogue id (case-folded) → its folder, for every folder of the rules directory with a catalogue."""
    base = rules_dir()
    try:
        entries = sorted(base.iterdir())
    except OSError as exc:
        raise CatalogueError(f"cannot list the rules folder: {exc.strerror or exc}", file=base) from None
    return {entry.name.casefold(): entry for entry in entries
            if is_law_id(entry.name) and (entry / CATALOGUE_FILE).is_file()}


def require_law_id(law: str) -> str:
    """``law`` itself if it is a well-formed catalogue id, else a :class:`CatalogueError` naming the grammar."""
    if not is_law_id(law):
        raise CatalogueError(f"{law[:80]!r} is not a catalogue id (letters and digits, parts joined by - or _, "
                             "e.g. WPG)")
    return law


def law_folder(law: str) -> Path:
    """The folder of catalogue ``law``; :class:`CatalogueError` if the id is malformed or unknown."""
    folder = law_folders().get(require_law_id(law).casefold())
    if folder is None:
        known = ", ".join(sorted(p.name.upper() for p in law_folders().values())) or "none"
        raise CatalogueError(f"unknown catalogue {law!r} (known: {known})")
    return folder


def catalogue_file(law: str) -> Path:
    """``rules/<folder>/catalogue.yaml`` of catalogue ``law`` (looked up, not built from the id)."""
    return law_folder(law) / CATALOGUE_FILE


def checks_file(law: str) -> Path | None:
    """``rules/<folder>/checks.yaml`` of catalogue ``law``; None if the law or its check parameters do not exist."""
    if not is_law_id(law):
        return None
    folder = law_folders().get(law.casefold())
    if folder is None or not (folder / CHECKS_FILE).is_file():
        return None
    return folder / CHECKS_FILE
