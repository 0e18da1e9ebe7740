"""Änderungsmenge: the result records of the diff engine (pydantic, so ``--format json`` is a dump).

The two sides are neutral (``left``/``right``): town A vs town B is not old vs new. Every entry names the element
id *on its side* (``id``; for changed entries also ``left_id`` when matching paired different ids).
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from vollzug.i18n import Text
from vollzug.model.normtree import CitedText

Category = Literal[
    "process", "step", "sequence_flow", "message_flow", "lane", "pool", "stakeholder", "role", "data_object",
    "data_association", "annotation", "collaboration", "other",
]
"""What kind of element an entry is about."""

Relation = Literal["sequence", "reverse", "parallel", "exclusive", "loop"]
"""Behavioural relation of an ordered activity pair: a before b, b before a, interleaving, exclusive, in one loop."""


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    __field_docs__: ClassVar[bool] = True
    """Field docstrings become JSON Schema text (added when a schema is made: :mod:`vollzug.schema_docs`)."""



class AttrChange(_Record):
    """Geänderte Eigenschaft: one property path with its value on the left and on the right."""

    path: str
    """Property path, e.g. ``name``, ``type``, ``lane``, ``camunda:assignee``,
    ``extensionElements[0]/camunda:properties[0]/camunda:property[0]/@value``."""
    left: Any = None
    """Value on the left (None if absent)."""
    right: Any = None
    """Value on the right (None if absent)."""


class Entry(_Record):
    """Ein Element, das nur auf einer Seite vorkommt (added/removed) or whose layout changed."""

    id: str
    """Element id on its side (right for added, left for removed, right for layout changes)."""
    type: str
    """Element type (BPMN local name, e.g. ``userTask``, ``sequenceFlow``, ``lane``)."""
    name: str = ""
    """Label."""
    category: Category = "other"
    """Kind of element."""
    attrs: tuple[AttrChange, ...] = ()
    """For layout changes: what changed (bounds, waypoints, isExpanded)."""


class Changed(_Record):
    """Geändertes Element: a matched pair with property changes."""

    id: str
    """Element id on the right."""
    left_id: str
    """Element id on the left (equal to ``id`` when matched by id)."""
    type: str
    """Element type on the right."""
    name: str = ""
    """Label on the right (left label if the right one is empty)."""
    category: Category = "other"
    """Kind of element."""
    attrs: tuple[AttrChange, ...]
    """The changed properties."""


Confidence = Literal["sicher", "wahrscheinlich", "unsicher"]
"""Confidence band of a match: certain, probable, uncertain (a possible correspondence only)."""


class Match(_Record):
    """Zuordnung: a left element paired with a right element, with its score and the signals behind it."""

    left: str
    """Left element id."""
    right: str
    """Right element id."""
    score: float
    """Combined confidence in [0, 1]."""
    signals: dict[str, float] = Field(default_factory=dict)
    """Signal name → contribution to the score (contributions sum to the score before the type factor)."""
    kind: Literal["one_to_one", "split", "merge"] = "one_to_one"
    """A plain pair, or the extra pair of a step split in two (right) / two steps merged (left)."""
    confidence: Confidence | None = Field(default=None, exclude_if=lambda v: v is None)
    """Confidence band of ``--match auto`` (``sicher`` ≥ 0.8, ``wahrscheinlich`` ≥ 0.5, ``unsicher`` below: shown
    as a possible correspondence, never as a change of the element); absent for ``--match id``."""


class Reconnected(_Record):
    """Umgehängter Fluss: a matched flow whose source or target changed."""

    id: str
    """Flow id on the right."""
    left_id: str
    """Flow id on the left."""
    type: str
    """sequenceFlow or messageFlow."""
    left_source: str
    """Source on the left."""
    left_target: str
    """Target on the left."""
    right_source: str
    """Source on the right."""
    right_target: str
    """Target on the right."""


class ResponsibilityShift(_Record):
    """Zuständigkeitsverschiebung: a step moved to another lane/unit, or its RACI changed (who is A/R now)."""

    id: str
    """Step id on the right."""
    left_id: str
    """Step id on the left."""
    name: str
    """Step label."""
    left_lane: str | None = None
    """Lane (org unit id) on the left."""
    right_lane: str | None = None
    """Lane on the right."""
    left_lane_name: str = ""
    """Name of the left lane."""
    right_lane_name: str = ""
    """Name of the right lane."""
    left_accountable: tuple[str, ...] = ()
    """Parties with A on the left."""
    right_accountable: tuple[str, ...] = ()
    """Parties with A on the right."""
    left_responsible: tuple[str, ...] = ()
    """Parties with R on the left."""
    right_responsible: tuple[str, ...] = ()
    """Parties with R on the right."""
    raci_added: tuple[str, ...] = ()
    """RACI assignments only on the right, written ``party:letter``."""
    raci_removed: tuple[str, ...] = ()
    """RACI assignments only on the left."""
    lane_moved: bool = True
    """The step is in another lane (lanes compared through the lane pairing, not by id or name)."""
    accountable_changed: bool = True
    """Another party is A (compared through the pairing)."""
    responsible_changed: bool = True
    """Another party is R (compared through the pairing)."""
    left_accountable_names: tuple[str, ...] = ()
    """Names of the A parties on the left (for reports)."""
    right_accountable_names: tuple[str, ...] = ()
    """Names of the A parties on the right."""
    left_responsible_names: tuple[str, ...] = ()
    """Names of the R parties on the left."""
    right_responsible_names: tuple[str, ...] = ()
    """Names of the R parties on the right."""


class ResourceDelta(_Record):
    """Ressourcenänderung: one resource of one step (or the total) that differs."""

    step: str
    """Step id (right id if matched or added, left id if removed); ``*`` for totals."""
    step_name: str = ""
    """Label of that step (for reports)."""
    kind: str
    """Resource kind: staff, budget, it_system, data_source, external_service."""
    name: str
    """Resource name."""
    measure: Literal["fte", "eur", "presence"]
    """What is compared: FTE (VZÄ), EUR, or presence (IT systems, data sources)."""
    left: float | None = None
    """Value on the left (None: absent)."""
    right: float | None = None
    """Value on the right (None: absent)."""
    delta: float = 0.0
    """right − left (absent counts 0)."""


class ResourceTotals(_Record):
    """Ressourcensummen beider Seiten."""

    left_fte: float = 0.0
    """Total VZÄ on the left."""
    right_fte: float = 0.0
    """Total VZÄ on the right."""
    left_eur: float = 0.0
    """Total EUR (budget + external services) on the left."""
    right_eur: float = 0.0
    """Total EUR on the right."""
    it_systems_added: tuple[str, ...] = ()
    """IT systems only on the right."""
    it_systems_removed: tuple[str, ...] = ()
    """IT systems only on the left."""
    data_sources_added: tuple[str, ...] = ()
    """Data sources only on the right."""
    data_sources_removed: tuple[str, ...] = ()
    """Data sources only on the left."""


class DomainDelta(_Record):
    """Fachliche Änderung: stakeholder, notification, deadline or obligation/citation difference."""

    kind: Literal["stakeholder", "message_flow", "notification", "deadline", "obligation", "citation"]
    """Area of the change."""
    change: Literal["added", "removed", "changed"]
    """Only right, only left, or on both sides with different values. (``compare``/``report`` turn this around to be
    relative to the reference: their ``<kind>_removed`` is this ``added``.)"""
    element: str
    """Element concerned (right id unless only on the left)."""
    subject: str
    """What it is about: stakeholder id, obligation id, citation, deadline kind, …"""
    left: Any = None
    """Value on the left."""
    right: Any = None
    """Value on the right."""
    text: Text
    """Sentence describing the change."""


class BehaviourDelta(_Record):
    """Verhaltensänderung: two matched activities whose behavioural relation differs."""

    left_a: str
    """First activity (left id)."""
    left_b: str
    """Second activity (left id)."""
    right_a: str
    """First activity (right id)."""
    right_b: str
    """Second activity (right id)."""
    name_a: str
    """Label of the first activity."""
    name_b: str
    """Label of the second activity."""
    left_relation: Relation
    """Relation on the left."""
    right_relation: Relation
    """Relation on the right."""
    text: Text
    """Sentence, e.g. "In IST läuft „A“ vor „B“, in SOLL laufen „A“ und „B“ parallel."."""


class Similarity(_Record):
    """Ähnlichkeit after Dijkman et al. (2011), each in [0, 1]."""

    node: float
    """Node matching similarity: 2·Σ match scores / (|N1| + |N2|)."""
    structural: float
    """1 − normalised graph edit distance (skipped nodes, skipped edges, substituted nodes)."""
    behavioural: float
    """Agreement of the behavioural profiles (Jaccard of relation triples over matched activities)."""
    overall: float
    """Mean of the three."""


class DiffResult(_Record):
    """Ergebnis eines Modellvergleichs."""

    kind: Literal["diff_result"] = "diff_result"
    """Document tag."""
    left_label: str = "IST"
    """Name of the left side."""
    right_label: str = "SOLL"
    """Name of the right side."""
    left_file: str = ""
    """Left file."""
    right_file: str = ""
    """Right file."""
    match_mode: Literal["id", "auto"] = "auto"
    """How elements were paired."""
    equal: bool = True
    """No semantic and no layout difference."""
    matches: tuple[Match, ...] = ()
    """Paired flow nodes (steps) with score and signals; other elements follow from these or their ids."""
    unmatched_left: tuple[str, ...] = ()
    """Left flow node ids without partner."""
    unmatched_right: tuple[str, ...] = ()
    """Right flow node ids without partner."""
    added: tuple[Entry, ...] = ()
    """Elements only on the right. With the right side as reference (IST ↔ SOLL) reports call them "fehlt gegenüber
    SOLL" / "missing compared with the reference" (change vocabulary, :mod:`vollzug.vocabulary`)."""
    removed: tuple[Entry, ...] = ()
    """Elements only on the left: "zusätzlich" / "additional" relative to the reference."""
    changed: tuple[Changed, ...] = ()
    """Matched elements whose semantics differ: "abweichend" / "deviating"."""
    layout_changed: tuple[Entry, ...] = ()
    """Matched elements whose diagram layout (DI) differs — kept apart from semantic changes."""
    reconnected: tuple[Reconnected, ...] = ()
    """Matched flows with another source/target."""
    responsibility_shifts: tuple[ResponsibilityShift, ...] = ()
    """Steps moved to another unit, or with other A/R: "Zuständigkeit verschoben" / "responsibility shifted"."""
    resource_deltas: tuple[ResourceDelta, ...] = ()
    """Resource differences per step."""
    resource_totals: ResourceTotals = Field(default_factory=ResourceTotals)
    """Totals of both sides."""
    domain_deltas: tuple[DomainDelta, ...] = ()
    """Stakeholder, message flow, notification, deadline, obligation and citation differences."""
    behaviour_deltas: tuple[BehaviourDelta, ...] = ()
    """Activity pairs whose relation changed."""
    norm_texts: tuple[CitedText, ...] = ()
    """Wortlaut der zitierten Normen: address and exact text of the steps' citations (filled by ``vollzug diff``
    from the shipped law texts; empty where no text is shipped)."""
    similarity: Similarity = Field(default_factory=lambda: Similarity(node=1, structural=1, behavioural=1, overall=1))
    """Similarity scores."""

    @property
    def semantic_change_count(self) -> int:
        """Number of semantic differences (everything except layout)."""
        return len(self.added) + len(self.removed) + len(self.changed)
