"""CSV emitter: one file per matrix, RFC 4180 (comma, dot decimals), UTF-8 with BOM so Excel shows umlauts."""

from __future__ import annotations

import csv
import io

from vollzug.compare.results import ComparisonSet
from vollzug.i18n import Lang
from vollzug.report.tables import sheets


def emit(result: ComparisonSet, lang: Lang) -> dict[str, bytes]:
    """``<law>-<matrix>.csv`` per matrix."""
    files: dict[str, bytes] = {}
    for comparison in result.comparisons:
        for sheet in sheets(comparison, lang):
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\r\n")
            writer.writerow(sheet.header)
            writer.writerows(["" if v is None else v for v in row] for row in sheet.rows)
            files[f"{sheet.name}.csv"] = b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")
    return files
