"""Exception tree of vollzug. Every error the user can cause is a :class:`VollzugError`.

::

    VollzugError                 one line: "file:line: [element] message", CLI exit code 2
    ├── InputError               a file cannot be read as what it claims to be
    │   ├── NotXmlError          not well-formed XML, wrong encoding
    │   ├── NotBpmnError         XML, but not BPMN 2.0 definitions
    │   ├── HostileInputError    entities, DTDs, external references, size limits
    │   └── ModelError           YAML/JSON model fails validation
    ├── CatalogueError           a law catalogue is inconsistent
    ├── ConfigError              bad configuration or command-line options
    ├── OutputError              an output cannot be written
    └── MissingExtraError        an optional dependency is not installed (says what to install)

The CLI prints ``str(error)`` and exits with code 2; ``--debug`` adds the traceback.
"""

from __future__ import annotations

from pathlib import Path


class VollzugError(Exception):
    """Base class: an error with an optional location (file, line, element id)."""

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        element: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line
        self.element = element

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file + (f":{self.line}" if self.line else "") + ": "
        elif self.line:
            where = f"line {self.line}: "
        element = f"[{self.element}] " if self.element else ""
        return f"{where}{element}{self.message}"


class InputError(VollzugError):
    """A file cannot be read as what it claims to be."""


class NotXmlError(InputError):
    """Not well-formed XML or undecodable bytes."""


class NotBpmnError(InputError):
    """Well-formed XML that is not a BPMN 2.0 ``definitions`` document."""


class HostileInputError(InputError):
    """Input refused for safety: DTD/entities, external references, or over a size limit."""


class ModelError(InputError):
    """A YAML/JSON model does not validate against the domain model."""


class CatalogueError(VollzugError):
    """A law catalogue is inconsistent (bad citation, duplicate id, unknown reference)."""


class ConfigError(VollzugError):
    """Bad configuration file or command-line options."""


class OutputError(VollzugError):
    """An output file cannot be written."""


class MissingExtraError(VollzugError):
    """An optional dependency is missing; the message names the extra to install."""

    def __init__(self, package: str, extra: str, purpose: str) -> None:
        super().__init__(
            f"{purpose} needs the Python package '{package}'. Install it with: pip install 'vollzug[{extra}]'"
        )
