"""Wortlaut der zitierten Normen für den Diff: the texts of the citations of both sides' steps (address + text),
for the JSON, Markdown (quote blocks) and HTML (title and details) output of ``vollzug diff``."""

from __future__ import annotations

from vollzug.diff.changes import DiffResult
from vollzug.i18n import Msg
from vollzug.model.process import OperationalModel

__all__ = ["WORDING", "with_norm_texts"]

WORDING = Msg("Wortlaut der zitierten Normen", "Wording of the cited norms")
"""Heading of the section."""


def with_norm_texts(result: DiffResult, *models: OperationalModel | None) -> DiffResult:
    """The result with the wording of every norm the steps of ``models`` cite (in the text version in force at
    the first model's ``valid_from``, else the newest shipped one)."""
    from vollzug.law.texts import cited_texts

    present = [m for m in models if m is not None]
    citations = [c for m in present for step in m.steps for c in step.citations]
    version = next((m.valid_from for m in present if m.valid_from), None)
    return result.model_copy(update={"norm_texts": cited_texts(citations, version)})
