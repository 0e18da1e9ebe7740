"""XLSX emitter (openpyxl): one sheet per matrix, frozen header row, autofilter."""

from __future__ import annotations

import io
import re

from vollzug.compare.results import ComparisonSet
from vollzug.errors import MissingExtraError
from vollzug.i18n import Lang
from vollzug.report.tables import result_sheets

_FORMULA_START = ("=", "+", "-", "@")


def _safe(value: object) -> object:
    """Model text starting like a formula is written as text (no formula injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    if isinstance(value, str):
        return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", value)
    return value


def emit(result: ComparisonSet, lang: Lang) -> dict[str, bytes]:
    """``report.xlsx``."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter
    except ImportError as exc:
        raise MissingExtraError("openpyxl", "xlsx", "The XLSX report") from exc
    book = Workbook()
    book.remove(book.active)
    for sheet in result_sheets(result, lang):
        ws = book.create_sheet(sheet.name[:31])
        ws.append([_safe(h) for h in sheet.header])
        for row in sheet.rows:
            ws.append([_safe(v) for v in row])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "B2"
        last = get_column_letter(max(len(sheet.header), 1))
        ws.auto_filter.ref = f"A1:{last}{max(len(sheet.rows) + 1, 2)}"
        ws.column_dimensions["A"].width = 24
    buffer = io.BytesIO()
    book.save(buffer)
    from vollzug.report.emitters.actions import xlsx as actions_xlsx

    return {"report.xlsx": buffer.getvalue(), **actions_xlsx(result, lang)}
