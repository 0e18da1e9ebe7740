"""Ausgabe der Gesetzesbefehle: a report of titled tables rendered as text, Markdown, HTML or JSON (one renderer for
``vollzug law import|verify|coverage|changes``; the JSON form is the command's own data, not the tables)."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Any

__all__ = ["FORMATS", "Report", "Table", "render"]

FORMATS = ("text", "md", "html", "json")
"""Output formats of the law commands."""


@dataclass(slots=True)
class Table:
    """One titled table; cells are plain text (a cell may hold a long norm text)."""

    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    empty: str = "—"
    """What to print when there are no rows."""


@dataclass(slots=True)
class Report:
    """Title, lead lines, tables, and the JSON data of one command run."""

    title: str
    lines: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _text(report: Report) -> str:
    out = [report.title, "=" * len(report.title), *report.lines, ""]
    for table in report.tables:
        out += [table.title, "-" * len(table.title)]
        if not table.rows:
            out += [table.empty, ""]
            continue
        cells = [[_clip(" ".join(c.split()), 90) for c in row] for row in table.rows]
        widths = [max(len(r[i]) for r in [table.columns, *cells]) for i in range(len(table.columns))]
        out.append("  ".join(c.ljust(w) for c, w in zip(table.columns, widths, strict=True)).rstrip())
        out += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
        out.append("")
    return "\n".join(out)


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|") or " "


def _markdown(report: Report) -> str:
    out = [f"# {report.title}", ""]
    out += [*(f"{line}  " for line in report.lines), ""] if report.lines else []
    for table in report.tables:
        out += [f"## {table.title}", ""]
        if not table.rows:
            out += [table.empty, ""]
            continue
        out.append("| " + " | ".join(table.columns) + " |")
        out.append("|" + "---|" * len(table.columns))
        out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in table.rows]
        out.append("")
    return "\n".join(out)


_CSS = ("body{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem}table{border-collapse:collapse;"
        "margin-bottom:1.5rem}td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}"
        "th{background:#eee}td.long{max-width:40rem}")


def _html(report: Report, lang: str) -> str:
    e = html.escape
    out = [f'<!DOCTYPE html><html lang="{e(lang)}"><head><meta charset="utf-8"><title>{e(report.title)}</title>',
           f"<style>{_CSS}</style></head><body><h1>{e(report.title)}</h1>"]
    out += [f"<p>{e(line)}</p>" for line in report.lines]
    for table in report.tables:
        out.append(f"<h2>{e(table.title)}</h2>")
        if not table.rows:
            out.append(f"<p>{e(table.empty)}</p>")
            continue
        out.append("<table><thead><tr>" + "".join(f"<th>{e(c)}</th>" for c in table.columns) + "</tr></thead><tbody>")
        for row in table.rows:
            cells = []
            for cell in row:
                if len(cell) > 160:
                    cells.append(f'<td class="long"><details><summary>{e(cell[:120])}…</summary>{e(cell)}'
                                 "</details></td>")
                else:
                    cells.append(f"<td>{e(cell)}</td>")
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</tbody></table>")
    out.append("</body></html>\n")
    return "\n".join(out)


def render(report: Report, fmt: str, lang: str = "de") -> str:
    """The report in ``fmt`` (text, md, html, json)."""
    if fmt == "json":
        return json.dumps(report.data, ensure_ascii=False, indent=2, default=str) + "\n"
    if fmt == "md":
        return _markdown(report)
    if fmt == "html":
        return _html(report, lang)
    return _text(report)
