"""CSV emitter: one file per table, RFC 4180 (comma, dot decimals), UTF-8 with BOM so Excel shows umlauts.

Every text cell is neutralised against formula injection and quoted (:mod:`vollzug.output.csvsafe`); numbers are
not quoted. Tables are keyed by AGS (text, leading zero kept: read with ``dtype={"AGS": str}``) and town name.
"""

from __future__ import annotations

from vollzug.compare.results import ComparisonSet
from vollzug.i18n import Lang
from vollzug.output.csvsafe import to_csv
from vollzug.report.tables import result_sheets


def emit(result: ComparisonSet, lang: Lang) -> dict[str, bytes]:
    """``<law>-<table>.csv`` per table (and ``excluded.csv`` when input files could not be read)."""
    return {f"{sheet.name}.csv": b"\xef\xbb\xbf" + to_csv(sheet.header, sheet.rows).encode("utf-8")
            for sheet in result_sheets(result, lang)}
