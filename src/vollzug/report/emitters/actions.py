"""„Was ist zu tun“ as files beside the report: ``actions.md``, ``actions.xlsx``, ``actions.json`` (all towns, each
town's list sorted by legal deadline). Written by the md, xlsx and json emitters."""

from __future__ import annotations

import io
import json

from vollzug.compare.results import ComparisonSet
from vollzug.i18n import Lang
from vollzug.report import actions as act
from vollzug.report.context import context_for


def markdown(result: ComparisonSet, lang: Lang) -> dict[str, bytes]:
    """``actions.md``: one section per town with its table."""
    from vollzug.report.emitters.markdown import md

    ctx = context_for(result)
    out = [f"# {act.TITLE(lang)}", ""]
    for comparison in result.comparisons:
        for town in comparison.towns:
            items = act.town_actions(comparison, town, ctx, lang)
            out += [f"## {md(town.name)} ({md(comparison.law)})", ""]
            if not items:
                out += [act.NOTHING(lang), ""]
                continue
            out.append("| " + " | ".join(md(act.HEADER[c](lang)) for c in act.COLUMNS) + " |")
            out.append("|" + "---|" * len(act.COLUMNS))
            out += ["| " + " | ".join(md(v) for v in act.row(a)) + " |" for a in items]
            out.append("")
    return {"actions.md": "\n".join(out).encode("utf-8")}


def xlsx(result: ComparisonSet, lang: Lang) -> dict[str, bytes]:
    """``actions.xlsx``: one sheet, a row per action, filterable by town."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from vollzug.report.emitters.xlsx import _safe

    columns = ("town", *act.COLUMNS)
    book = Workbook()
    sheet = book.active
    sheet.title = act.TITLE(lang)[:31]
    sheet.append([act.HEADER[c](lang) for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for a in act.all_actions(result, context_for(result), lang):
        sheet.append([_safe(v) for v in act.row(a, columns)])
    for letter, width in zip("ABCDEFGHI", (22, 26, 11, 34, 22, 12, 40, 28, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:I{max(sheet.max_row, 2)}"
    buffer = io.BytesIO()
    book.save(buffer)
    return {"actions.xlsx": buffer.getvalue()}


def json_doc(result: ComparisonSet, lang: Lang) -> dict[str, bytes]:
    """``actions.json``: ``{"kind": "action_list", "lang", "actions": [...]}``."""
    doc = {"kind": "action_list", "lang": lang, "generated": result.generated,
           "actions": act.as_json(act.all_actions(result, context_for(result), lang))}
    return {"actions.json": json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")}
