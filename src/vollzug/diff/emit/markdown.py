"""Markdown: the text report with headings and lists, model strings escaped."""

from __future__ import annotations

from vollzug.diff.changes import DiffResult
from vollzug.diff.emit import EmitContext
from vollzug.diff.emit.sections import build
from vollzug.output.markdown import escape


def emit(result: DiffResult, ctx: EmitContext) -> bytes:
    """One ``##`` section per area, differences as list items (details nested)."""
    title, sections = build(result, ctx.lang)
    out = [f"# {escape(title)}", ""]
    for section in sections:
        out += [f"## {escape(section.heading)}", ""]
        for line in section.lines:
            indent = "  " if line.startswith("    ") else ""
            for part in line.strip().split("\n"):
                out.append(f"{indent}- {escape(part)}")
        out.append("")
    if result.norm_texts:
        from vollzug.diff.normtexts import WORDING

        out += [f"## {escape(WORDING(ctx.lang))}", ""]
        for cited in result.norm_texts:  # one quote block per cited norm
            out += [f"> **{escape(cited.citation)}** ({escape(cited.law)} {escape(cited.version)})", ">"]
            out += [f"> {escape(line)}" for line in cited.text.splitlines()] + [""]
    return "\n".join(out).encode("utf-8")
