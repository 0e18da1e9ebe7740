"""YAML data files with line numbers: load, validate with pydantic, and name file, line and key on error."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from vollzug.errors import CatalogueError

T = TypeVar("T", bound=BaseModel)
Loc = Sequence[str | int]

_RULES_ENV = "VOLLZUG_RULES_DIR"
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader if present (several times faster), else PyYAML's."""


class YamlSource:
    """A parsed YAML file that can tell the line of any key path (``("obligations", 3, "citations", 0)``)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CatalogueError(f"cannot read file: {exc}", file=path) from exc
        try:
            self.node = yaml.compose(text, Loader=_LOADER)
            self.data: Any = yaml.load(text, Loader=_LOADER)  # noqa: S506  # a SafeLoader (libyaml's if present)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise CatalogueError(f"YAML syntax error: {problem}", file=path, line=line) from exc

    def line(self, loc: Loc) -> int | None:
        """Line (1-based) of the deepest node on the key path that exists."""
        node = self.node
        if node is None:
            return None
        found = node.start_mark.line + 1
        for part in loc:
            child = None
            if isinstance(node, yaml.MappingNode):
                child = next((value for key, value in node.value if key.value == str(part)), None)
                if child is None:  # the key itself may be the problem (unknown key)
                    child = next((key for key, _ in node.value if key.value == str(part)), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                child = node.value[part]
            if child is None:
                break
            node = child
            found = node.start_mark.line + 1
        return found

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
