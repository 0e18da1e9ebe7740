"""JSON emitter: a dump of the :class:`ComparisonSet` (schema: ``docs/schemas/report.schema.json``)."""

from __future__ import annotations

from vollzug.compare.results import ComparisonSet
from vollzug.i18n import Lang


def emit(result: ComparisonSet, lang: Lang) -> dict[str, bytes]:
    """``report.json``."""
    from vollzug.report.emitters.actions import json_doc as actions_json

    return {"report.json": result.model_dump_json(indent=1).encode("utf-8"), **actions_json(result, lang)}
