"""Konfiguration: ``[tool.vollzug]`` in ``pyproject.toml`` or ``vollzug.toml``, searched upwards from the checked path.

``vollzug.toml`` may hold the keys at top level or under ``[tool.vollzug]``. Example::

    [tool.vollzug]
    preset = "recommended"          # recommended | strict | all
    select = ["RS", "OB"]           # code prefixes, names or ALL
    ignore = ["BP006"]
    lang = "de"

    [tool.vollzug.severity]
    RE001 = "info"                  # per-rule severity

    [tool.vollzug.options.RE002]
    max_fte = 3.0                   # per-rule options (see 'vollzug rules RE002')

    [[tool.vollzug.suppress]]       # model-level suppression for whole files (reason is mandatory)
    files = "models/ist/*/wpg.yaml"
    code = "NT"
    reason = "IST-Modelle beschreiben keine Einführung neuer Pflichten"
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from vollzug.errors import ConfigError
from vollzug.lint.finding import Severity

CONFIG_FILES: tuple[str, ...] = ("vollzug.toml", "pyproject.toml")
"""Files looked for in each folder, in this order."""


class FileSuppression(BaseModel):
    """Unterdrückung für ganze Dateien: a code prefix suppressed in matching files, with a reason."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    files: str
    """Glob matched against the file path as given and against its path relative to the config folder."""
    code: str
    """Rule code, prefix or name."""
    reason: str = Field(min_length=1)
    """Why; shown in every report."""


class Config(BaseModel):
    """Settings of the rules engine."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    preset: Literal["recommended", "strict", "all"] = "recommended"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = Field(default_factory=dict)
    options: dict[str, dict[str, Any]] = Field(default_factory=dict)
    suppress: tuple[FileSuppression, ...] = ()
    lang: Literal["de", "en"] = "de"
    source: Path | None = None
    """The file the configuration came from (None: defaults)."""

    def suppression_for(self, file: str, code: str, name: str) -> FileSuppression | None:
        """The first file-level suppression matching ``file`` and the rule."""
        if not self.suppress:  # the common case: no path work at all (resolving costs system calls per finding)
            return None
        rel = file
        if self.source is not None:
            try:
                rel = Path(file).resolve().relative_to(self.source.parent.resolve()).as_posix()
            except ValueError:
                rel = file
        for sup in self.suppress:
            if not (fnmatch.fnmatch(file, sup.files) or fnmatch.fnmatch(rel, sup.files)):
                continue
            if code.startswith(sup.code.upper()) or sup.code == name or sup.code.upper() == "ALL":
                return sup
        return None


def _table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read configuration: {exc}", file=path) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", file=path) from exc
    tool = data.get("tool", {}).get("vollzug")
    if tool is not None:
        return dict(tool)
    if path.name == "vollzug.toml":
        return {k: v for k, v in data.items() if k != "tool"}
    return None


def find_config_file(start: Path) -> Path | None:
    """The nearest ``vollzug.toml`` or ``pyproject.toml`` with a ``[tool.vollzug]`` table, searching upwards."""
    try:
        folder = start.resolve()
    except (OSError, RuntimeError):  # a symlink loop: search from where it is (reading it reports the loop)
        folder = Path(os.path.abspath(start))  # noqa: PTH100  # resolve() is what failed
    if not folder.is_dir():
        folder = folder.parent
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate_dir / name
            if path.is_file() and _table(path) is not None:
                return path
    return None


def load_config(path: Path) -> Config:
    """Read one configuration file."""
    table = _table(path) or {}
    try:
        return Config.model_validate({**table, "source": path})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"[tool.vollzug] {where}: {first['msg']}", file=path) from exc


def discover_config(paths: Sequence[Path], explicit: Path | None = None) -> Config:
    """The configuration for a run: ``explicit`` if given, else the nearest one above the first path, else defaults."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError("configuration file not found", file=explicit)
        return load_config(explicit)
    found = find_config_file(paths[0]) if paths else find_config_file(Path.cwd())
    return load_config(found) if found else Config()
