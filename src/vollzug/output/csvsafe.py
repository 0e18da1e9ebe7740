"""CSV cells that no spreadsheet runs as a formula (CSV injection, OWASP "CSV Injection").

OWASP's advice: a cell that begins with ``=``, ``+``, ``-``, ``@``, a TAB or a carriage return gets a leading single
quote, so Excel, LibreOffice and Google Sheets show it as text; the cell is then quoted by the CSV writer as
needed. Spreadsheets also skip leading blanks and quotes before they look for a formula, so ``" =cmd"`` and
``"\\"=cmd"`` are neutralised as well. A plain number written as text (``-3``, ``+1,5``) is left alone; numbers
from the data are written as numbers and never touched.

Why not ``defusedcsv``: it checks only the very first character (neither TAB/CR nor a formula after leading
blanks or quotes), see docs/decisions/0006-output-layer.md.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

_FORMULA_START = frozenset("=+-@")
_CONTROL_START = frozenset("\t\r")
_SKIPPED = " \t\r\n\"'\u00a0"
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)*|[.,]\d+)(?:[eE][+-]?\d+)?")

Cell = str | int | float | None


def neutralise(text: str) -> str:
    """``text`` with a leading ``'`` if a spreadsheet would read it as a formula (or it starts with TAB/CR)."""
    if not text:
        return text
    if text[0] in _CONTROL_START:
        return "'" + text
    head = text.lstrip(_SKIPPED)
    if head and head[0] in _FORMULA_START and not _PLAIN_NUMBER.fullmatch(text.strip()):
        return "'" + text
    return text


def safe_cell(value: Cell) -> str | int | float:
    """A value ready for ``csv.writer``: text neutralised, None empty, numbers as they are."""
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    return value


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    """RFC 4180 text (CRLF), every cell neutralised; text cells quoted, numbers not (``QUOTE_NONNUMERIC``), so a
    reader that honours quoting keeps an AGS like ``"05566076"`` as text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow([safe_cell(h) for h in header])
    writer.writerows([safe_cell(v) for v in row] for row in rows)
    return buffer.getvalue()
