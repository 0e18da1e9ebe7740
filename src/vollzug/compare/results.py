"""Vergleichsergebnisse: the pydantic result records of ``vollzug compare`` (JSON output is a dump of these)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from vollzug.i18n import Text
from vollzug.mining.conform import ConformanceResult
from vollzug.model.base import Frozen
from vollzug.model.normtree import CitedText

CellStatus = Literal["covered", "deviating", "missing", "not_applicable"]
"""Status einer Pflicht in einer Kommune: abgedeckt, abweichend, fehlend, nicht anwendbar."""

DIMENSIONS: tuple[str, ...] = ("obligations", "responsibility", "resources", "stakeholders", "structure")
"""Similarity dimensions, in report order."""


class ObligationInfo(Frozen):
    """Pflicht (row header of the matrix)."""

    id: str
    """Obligation id, e.g. "WPG.W04"."""
    title: str = ""
    """German title."""
    title_en: str = ""
    """English title ("" if the catalogue has none)."""
    citations: tuple[str, ...] = ()
    """Handlungsgrundlagen."""
    kind: str = ""
    """Pflichtart (task, participation, publication, …)."""
    optional: bool = False
    """The addressee may choose to perform it."""


class ObligationCell(Frozen):
    """Zelle der Pflichten-×-Kommunen-Matrix: how one town operationalises one obligation."""

    obligation: str
    """Obligation id."""
    status: CellStatus
    """covered / deviating / missing / not_applicable."""
    reasons: tuple[Text, ...] = ()
    """Why deviating / missing / not applicable (short, German and English)."""
    steps: tuple[str, ...] = ()
    """Step ids carrying the obligation."""
    responsible: str | None = None
    """Org unit accountable (RACI A, else R, else the step's lane)."""
    responsible_name: str | None = None
    """Its display name."""
    raci: tuple[str, ...] = ()
    """RACI as "unit:letter" strings."""
    fte: float = 0.0
    """Staff (VZÄ) on the obligation's steps."""
    eur: float = 0.0
    """Budget and external services in EUR."""
    it_systems: tuple[str, ...] = ()
    """IT systems used."""
    stakeholders: tuple[str, ...] = ()
    """Stakeholder kinds involved through message flows."""
    notified: bool = False
    """Staff have been notified of the obligation (Inkenntnissetzung)."""


class DimensionScores(Frozen):
    """Ähnlichkeit je Dimension (0 … 1) and overall."""

    overall: float
    """Mean of the dimensions."""
    obligations: float
    """Same obligations covered (Jaccard)."""
    responsibility: float
    """Same kind of unit accountable per obligation (Jaccard)."""
    resources: float
    """Staff and budget per obligation (1 − normalised L1 distance)."""
    stakeholders: float
    """Same stakeholder kinds per obligation (Jaccard)."""
    structure: float
    """Same order of obligations (Jaccard of obligation-level sequence edges)."""


class Gap(Frozen):
    """Lücke: one gap of a town, with its category G01–G15 and the norm concerned."""

    category: str
    """Gap category G01 … G15."""
    code: str
    """Rule code (from the rules engine) or comparison code (CMP…)."""
    message: Text
    """What the gap is, German and English."""
    element: str | None = None
    """Element id in the town's model."""
    obligation: str | None = None
    """Obligation concerned."""
    citation: str = ""
    """Norm concerned (§ …)."""
    source: Literal["compare", "rules", "diff"] = "compare"
    """Which engine found it."""


class DiffEntry(Frozen):
    """Abweichung vom SOLL: one difference between the town and the reference."""

    kind: str
    """Change code of the one change vocabulary (:mod:`vollzug.vocabulary`), relative to the reference:
    ``removed`` fehlt gegenüber SOLL / missing compared with the reference; ``added`` zusätzlich / additional;
    ``changed`` abweichend / deviating; ``reassigned`` Zuständigkeit verschoben / responsibility shifted;
    ``renamed`` anders benannt / named differently; ``resource_changed`` Ressourcen abweichend / resources deviating;
    ``stakeholder_removed`` Beteiligung fehlt / stakeholder involvement missing; ``notification_removed``
    Inkenntnissetzung fehlt / staff notification missing; and ``<area>_<change>`` from the full diff (area:
    stakeholder, message_flow, notification, deadline, obligation, citation; change: ``added`` only in the town,
    ``removed`` only in the reference, ``changed`` different)."""
    element: str | None = None
    """Element id in the town (None if removed)."""
    reference_element: str | None = None
    """Element id in the reference."""
    label: str = ""
    """Step label."""
    detail: Text = Text(de="", en="")
    """Detail, German and English."""


class RaciMatrix(Frozen):
    """RACI-Matrix einer Kommune: units × steps."""

    units: tuple[tuple[str, str], ...] = ()
    """(unit id, name) per row."""
    steps: tuple[tuple[str, str], ...] = ()
    """(step id, name) per column."""
    letters: tuple[tuple[str, ...], ...] = ()
    """letters[row][column], "" where none; several letters joined ("AR")."""


class UnitResources(Frozen):
    """Ressourcen je Organisationseinheit."""

    unit: str
    """Org unit id."""
    name: str = ""
    """Display name."""
    fte: float = 0.0
    """Staff (VZÄ)."""
    eur: float = 0.0
    """Budget and external services in EUR."""
    it_systems: tuple[str, ...] = ()
    """IT systems."""


class DiagramNode(Frozen):
    """Knoten des eingefärbten Diagramms."""

    id: str
    """Step id."""
    label: str = ""
    """Label."""
    type: str = "task"
    """BPMN type."""
    lane: str | None = None
    """Lane (org unit) id."""
    state: Literal["same", "changed", "added"] = "same"
    """Compared with the reference."""


class Diagram(Frozen):
    """Diagramm einer Kommune für den Bericht (lanes, nodes, sequence flows)."""

    lanes: tuple[tuple[str, str], ...] = ()
    """(lane id, name)."""
    nodes: tuple[DiagramNode, ...] = ()
    """Flow nodes."""
    edges: tuple[tuple[str, str], ...] = ()
    """Sequence flows (source, target)."""


class TownLog(Frozen):
    """Ereignislog einer Kommune: conformance and deadline compliance measured on the town's log (``--log``)."""

    log: str
    """Log file."""
    cases: int = 0
    """Cases in the log."""
    events: int = 0
    """Events in the log."""
    against: Literal["model", "reference"] = "model"
    """Replayed on the town's own model, or on the reference (town discovered from its log)."""
    conformance: ConformanceResult
    """Fitness, precision, deviations per step, unknown activities and deadline compliance."""


class TownResult(Frozen):
    """Ergebnis einer Kommune: matrix column, scores, gaps and (with detail) diff, RACI, resources, diagram."""

    key: str
    """Unique slug of the town in this comparison."""
    name: str
    """Display name."""
    ags: str = ""
    """Amtlicher Gemeindeschlüssel."""
    kind: str = ""
    """Gemeinde / Stadt / Kreis."""
    population: int | None = None
    """Inhabitants."""
    variant: str = ""
    """IST or SOLL."""
    path: str = ""
    """Source file ("" for in-memory models)."""
    synthetic: bool = False
    """Made-up example data."""
    cells: tuple[ObligationCell, ...] = ()
    """One per obligation of the comparison, same order."""
    similarity: DimensionScores
    """Similarity to the reference."""
    counts: dict[str, int] = Field(default_factory=dict)
    """Cells per status."""
    gaps: tuple[Gap, ...] = ()
    """Gaps (comparison-derived and rule findings)."""
    fte: float = 0.0
    """Total staff (VZÄ)."""
    eur: float = 0.0
    """Total EUR."""
    diff: tuple[DiffEntry, ...] = ()
    """Differences from the reference (detail)."""
    raci: RaciMatrix | None = None
    """RACI matrix (detail)."""
    units: tuple[UnitResources, ...] = ()
    """Resources per unit (detail)."""
    diagram: Diagram | None = None
    """Coloured diagram data (detail)."""
    own_soll: tuple[ObligationCell, ...] | None = None
    """The IST against the town's own SOLL, if one was given."""
    notes: tuple[Text, ...] = ()
    """Notes, e.g. engines that were not available."""
    from_log: bool = False
    """The model was discovered from the town's event log (aus Log entdeckt), no hand-made model was given."""
    log: TownLog | None = None
    """Conformance and deadline compliance on the town's event log, if one was given."""


class Outlier(Frozen):
    """Ausreißer: a town that differs from the others for one obligation."""

    obligation: str
    """Obligation id."""
    town: str
    """Town key."""
    reason: Text
    """Why it is an outlier, German and English."""


class SimilarityMatrix(Frozen):
    """Ähnlichkeitsmatrix Kommune × Kommune, overall and per dimension (rounded to 3 digits)."""

    towns: tuple[str, ...]
    """Town keys, row/column order."""
    overall: tuple[tuple[float, ...], ...]
    """Mean over the dimensions."""
    dimensions: dict[str, tuple[tuple[float, ...], ...]] = Field(default_factory=dict)
    """Per dimension."""


class Clustering(Frozen):
    """Hierarchisches Clustering (average linkage on 1 − overall similarity)."""

    method: str = "average"
    """scipy linkage method."""
    order: tuple[str, ...]
    """Town keys in dendrogram leaf order."""
    linkage: tuple[tuple[float, float, float, float], ...]
    """scipy linkage matrix rows (a, b, distance, size)."""
    groups: dict[str, int] = Field(default_factory=dict)
    """Town key → cluster number at distance threshold 0.3."""


class Comparison(Frozen):
    """Vergleich: all towns of one law against one reference SOLL."""

    kind: Literal["comparison"] = "comparison"
    """Document tag."""
    law: str
    """Catalogue id, e.g. "WPG"."""
    reference: str
    """Reference file (or title)."""
    reference_title: str = ""
    """Title of the reference model."""
    obligations: tuple[ObligationInfo, ...]
    """Matrix rows."""
    towns: tuple[TownResult, ...]
    """Matrix columns."""
    similarity: SimilarityMatrix | None = None
    """Town × town similarity (omitted for very many towns)."""
    clustering: Clustering | None = None
    """Clustering of the towns."""
    closest: tuple[str, ...] = ()
    """Town keys, most similar to the reference first."""
    outliers: tuple[Outlier, ...] = ()
    """Outliers per obligation."""
    engines: dict[str, str] = Field(default_factory=dict)
    """Which engine did what: catalogue, diff, rules (name or "fallback")."""
    norm_texts: tuple[CitedText, ...] = ()
    """Wortlaut der zitierten Normen: address and exact text of the citations of the obligations and gaps (filled
    by ``vollzug report`` from the shipped law texts; empty where no text is shipped)."""


class ExcludedInput(Frozen):
    """Ausgeschlossen: an input file that could not be read and was left out of the run."""

    file: str
    """The file (as given or found in a folder)."""
    line: int | None = None
    """Line of the problem, if known."""
    reason: str
    """Why it could not be read (the reader's one-line message)."""


class ComparisonSet(Frozen):
    """Ergebnis eines Laufs: one comparison per law (the JSON document of compare and report)."""

    kind: Literal["comparison_set"] = "comparison_set"
    """Document tag."""
    schema_version: str = "1"
    """Version of this JSON shape (docs/schemas/report.schema.json)."""
    generated: str = ""
    """ISO timestamp of the run."""
    comparisons: tuple[Comparison, ...] = ()
    """One per law."""
    skipped: tuple[Text, ...] = ()
    """Inputs that were not compared, with the reason."""
    excluded: tuple[ExcludedInput, ...] = ()
    """Input files that could not be read (left out; the run exits with 2)."""
