"""YAML data files with line numbers: load, validate with pydantic, and name file, line and key on error."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from vollzug.errors import CatalogueError
from vollzug.safe_yaml import line_for, load_yaml_file

T = TypeVar("T", bound=BaseModel)
Loc = Sequence[str | int]

_RULES_ENV = "VOLLZUG_RULES_DIR"


class YamlSource:
    """A parsed YAML file that can tell the line of any key path (``("obligations", 3, "citations", 0)``).

    Read through :mod:`vollzug.safe_yaml` (size limit, alias budget, duplicate keys and unsafe tags refused).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        loaded = load_yaml_file(path, error=CatalogueError)
        self.data: Any = loaded.data
        self._lines = loaded.lines

    def line(self, loc: Loc) -> int | None:
        """Line (1-based) of the deepest node on the key path that exists."""
        return line_for(self._lines, tuple(loc))

    def error(self, message: str, loc: Loc) -> CatalogueError:
        """A CatalogueError located at ``loc``."""
        return CatalogueError(message, file=self.path, line=self.line(loc), element=dotted(loc))

    def validate(self, model: type[T], data: Any = None, base: Loc = ()) -> T:
        """Validate ``data`` (default: the whole file) as ``model``; the first error names file, line and key."""
        try:
            return model.model_validate(self.data if data is None else data)
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = (*base, *first["loc"])
            raise self.error(first["msg"], loc) from None


def dotted(loc: Loc) -> str:
    """``("obligations", 3, "id")`` → ``obligations[3].id``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def rules_dir() -> Path:
    """The folder holding catalogues and master data: ``$VOLLZUG_RULES_DIR``, else ``rules/`` of the checkout."""
    env = os.environ.get(_RULES_ENV)
    if env:
        return Path(env)
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "rules"
        if candidate.is_dir() and (parent / "pyproject.toml").is_file():
            return candidate
    packaged = Path(__file__).resolve().parent.parent / "rules_data"  # wheel installs: force-included by hatch
    if packaged.is_dir():
        return packaged
    raise CatalogueError(f"no rules folder found; set {_RULES_ENV} to the folder holding the catalogues")
