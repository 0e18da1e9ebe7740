"""Text: a plain, German-by-default report for the terminal."""

from __future__ import annotations

from vollzug.diff.changes import DiffResult
from vollzug.diff.emit import EmitContext
from vollzug.diff.emit.sections import build


def emit(result: DiffResult, ctx: EmitContext) -> bytes:
    """Headings underlined, one line per difference."""
    title, sections = build(result, ctx.lang)
    lines = [title, "=" * len(title)]
    for section in sections:
        lines += ["", section.heading, "-" * len(section.heading), *section.lines]
    return ("\n".join(lines) + "\n").encode("utf-8")
