"""The effort estimate inside ``vollzug report --effort``: a section with the chart in ``index.html`` and
``effort-<law>.md``/``.json`` beside it (added to the report's files; the HTML emitter itself is unchanged)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from vollzug.compare.results import ComparisonSet
from vollzug.effort.emit import html_section, render
from vollzug.effort.estimate import EffortEstimate, SampleTown, estimate
from vollzug.effort.rates import load_wages
from vollzug.errors import VollzugError
from vollzug.i18n import Lang
from vollzug.law.catalogue import load_catalogue
from vollzug.law.masterdata import load_master_data
from vollzug.model.process import OperationalModel


def estimates_for(result: ComparisonSet, models: Sequence[OperationalModel], master: Path | None
                  ) -> list[EffortEstimate]:
    """One estimate per law of the comparison that has a catalogue."""
    data = load_master_data(master)
    wages = load_wages()
    out: list[EffortEstimate] = []
    for comparison in result.comparisons:
        try:
            catalogue = load_catalogue(comparison.law)
        except VollzugError:
            continue
        sample = [SampleTown(m) for m in models if m.law == comparison.law]
        out.append(estimate(catalogue, sample, data.municipalities, wages, master_source=data.source))
    return out


def add_effort(files: dict[str, bytes], result: ComparisonSet, models: Sequence[OperationalModel],
               master: Path | None, lang: Lang) -> None:
    """Add the estimates to the rendered report files (in place)."""
    sections = []
    for e in estimates_for(result, models, master):
        law = e.law.lower()
        files[f"effort-{law}.md"] = render(e, "markdown", lang)
        files[f"effort-{law}.json"] = render(e, "json", lang)
        sections.append(html_section(e, lang))
    page = files.get("index.html")
    if page is not None and sections:
        text = page.decode("utf-8")
        marker = "</main>"
        at = text.rfind(marker)
        if at >= 0:
            files["index.html"] = (text[:at] + "".join(sections) + text[at:]).encode("utf-8")
