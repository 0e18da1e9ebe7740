"""Process mining on event logs (pm4py, imported lazily): discovery, conformance, deadlines, log comparison.

Public entry points (each module imports pm4py only inside its functions):

* :func:`vollzug.mining.log.read_log` – XES(.gz)/CSV → :class:`~vollzug.mining.log.EventLog`
* :func:`vollzug.mining.discover.discover_model` – inductive miner → :class:`~vollzug.model.process.OperationalModel`
* :func:`vollzug.mining.conform.conform` – fitness, precision, deviations per model step
* :func:`vollzug.mining.deadlines.compliance` – deadline compliance on a log
* :func:`vollzug.mining.compare.compare_logs` – several towns' logs side by side
* :func:`report_section` – an HTML fragment for the district report
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import BaseModel

    from vollzug.i18n import Lang
    from vollzug.report.html.markup import Markup


def report_section(result: BaseModel, lang: Lang = "de", heading_level: int = 3) -> Markup:
    """A conformance result or log comparison as an escaped HTML fragment (``<section class="mining">``)."""
    from vollzug.mining.html import fragment
    from vollzug.mining.render import sections_of

    return fragment(sections_of(result, lang), heading_level=heading_level)
