"""Befund: the immutable result records of the rules engine (findings, per-file results, the whole run)."""

from __future__ import annotations

from collections import Counter
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from vollzug.i18n import Text

Severity = Literal["error", "warning", "info"]
"""Schweregrad: error and warning count as failures (exit code 1), info never does."""

SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
"""Sort order, most severe first."""

FAILING: frozenset[str] = frozenset({"error", "warning"})
"""Severities that make ``vollzug check`` exit with 1 (unless suppressed)."""


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    __field_docs__: ClassVar[bool] = True
    """Field docstrings become JSON Schema text (added when a schema is made: :mod:`vollzug.schema_docs`)."""



class Finding(_Record):
    """Befund: one rule violation at one element of one model file."""

    code: str
    """Rule code, e.g. "RS002"."""
    name: str
    """Rule name (kebab-case), e.g. "ambiguous-accountable"."""
    severity: Severity
    """Effective severity after configuration."""
    message: Text
    """What is wrong, German and English."""
    file: str | None = None
    """Model file (as given on the command line)."""
    line: int | None = None
    """Source line of the element, if known."""
    element: str | None = None
    """Element id (step, flow, lane, pool, data object), or None for the whole model."""
    citation: str | None = None
    """Handlungsgrundlage the finding rests on, e.g. "§ 7 Abs. 2 WPG"."""
    gap: str | None = None
    """Gap category G01–G15 (BRIEF §7)."""
    suppressed: bool = False
    """True if suppressed in the model or configuration; reported but not counted as a failure."""
    suppression_reason: str | None = None
    """The mandatory reason of the suppression."""

    @property
    def failing(self) -> bool:
        """Counts as a failure (error/warning, not suppressed)."""
        return not self.suppressed and self.severity in FAILING

    def sort_key(self) -> tuple[str, int, str, str]:
        """Order: file, line, code, element."""
        return (self.file or "", self.line or 0, self.code, self.element or "")


class FileResult(_Record):
    """Ergebnis für eine Datei: the findings of one model file."""

    file: str
    """The model file."""
    title: str = ""
    """Model title."""
    municipality: str | None = None
    """Municipality name, if the model names one."""
    law: str | None = None
    """Catalogue id of the model."""
    variant: str | None = None
    """IST or SOLL."""
    findings: tuple[Finding, ...] = ()
    """Findings, sorted by line and code."""


class CheckResult(_Record):
    """Prüfergebnis: the result of one ``vollzug check`` run."""

    kind: Literal["check_result"] = "check_result"
    """Document tag."""
    tool_version: str
    """vollzug version."""
    rules: tuple[str, ...] = ()
    """Codes of the rules that ran."""
    files: tuple[FileResult, ...] = ()
    """Per-file results."""
    summary: dict[str, int] = Field(default_factory=dict)
    """Counts: files, findings, failing, suppressed, and per severity."""

    @property
    def findings(self) -> list[Finding]:
        """All findings of all files."""
        return [f for r in self.files for f in r.findings]

    @property
    def failed(self) -> bool:
        """True if any finding is failing."""
        return any(f.failing for f in self.findings)


def summarise(files: tuple[FileResult, ...]) -> dict[str, int]:
    """Summary counts for a run."""
    all_findings = [f for r in files for f in r.findings]
    active = [f for f in all_findings if not f.suppressed]
    counts = Counter(f.severity for f in active)
    return {
        "files": len(files),
        "findings": len(active),
        "failing": sum(1 for f in active if f.failing),
        "suppressed": len(all_findings) - len(active),
        "error": counts.get("error", 0),
        "warning": counts.get("warning", 0),
        "info": counts.get("info", 0),
    }
