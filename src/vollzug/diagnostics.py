"""Warnings collected while reading (lax reading: keep going, report with location)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A non-fatal problem found while reading or validating a file."""

    message: str
    file: str | None = None
    line: int | None = None
    element: str | None = None
    severity: Literal["error", "warning", "info"] = "warning"
    code: str = ""

    def __str__(self) -> str:
        where = (self.file or "") + (f":{self.line}" if self.line else "")
        element = f" [{self.element}]" if self.element else ""
        prefix = f"{where}:" if where else ""
        return f"{prefix}{element} {self.severity}: {self.message}".strip()
