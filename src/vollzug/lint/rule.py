"""Regel: the base class every rule derives from, the context a rule sees, and what it reports.

A rule is one small module in :mod:`vollzug.lint.rules` (or a plugin registered under the entry-point group
``vollzug.rules``). It declares its metadata as class attributes and implements :meth:`Rule.check`, which yields
:class:`Violation` records: an element id, a message (German and English) and optionally a citation. File and line are
added by the engine, never by the rule.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar

from pydantic import BaseModel, ConfigDict

from vollzug.i18n import Msg, Text
from vollzug.lint.finding import Severity
from vollzug.lint.lawdata import LawChecks
from vollzug.model.law import Catalogue, Obligation
from vollzug.model.process import ACTIVITY_TYPES, OperationalModel, SequenceFlow, Step


class NoOptions(BaseModel):
    """Rule without options."""

    model_config = ConfigDict(frozen=True, extra="forbid")


@dataclass(frozen=True)
class Violation:
    """Verstoß: what a rule reports (the engine turns it into a :class:`~vollzug.lint.finding.Finding`)."""

    element: str | None
    """Element id, or None for the model as a whole."""
    message: Text
    """Message in both languages."""
    citation: str | None = None
    """Norm the finding rests on."""


class ModelIndex:
    """Lookups over one model that many rules need (built once per model, lazily)."""

    def __init__(self, model: OperationalModel) -> None:
        self.model = model
        self._reachable: dict[str, frozenset[str]] = {}
        self._obligation_steps: dict[str, list[str]] = {}

    @cached_property
    def steps(self) -> dict[str, Step]:
        """Steps by id."""
        return {s.id: s for s in self.model.steps}

    @cached_property
    def own_steps(self) -> list[Step]:
        """Steps of the municipality's own process (not inside an external stakeholder pool)."""
        external = {p.id for p in self.model.pools if p.stakeholder is not None}
        return [s for s in self.model.steps if s.pool not in external]

    @cached_property
    def activities(self) -> list[Step]:
        """Own activities (tasks, sub-processes, call activities)."""
        return [s for s in self.own_steps if s.type in ACTIVITY_TYPES]

    @cached_property
    def outgoing(self) -> dict[str, list[SequenceFlow]]:
        """Outgoing sequence flows per step id."""
        out: dict[str, list[SequenceFlow]] = {s.id: [] for s in self.model.steps}
        for flow in self.model.sequence_flows:
            out.setdefault(flow.source, []).append(flow)
        return out

    @cached_property
    def incoming(self) -> dict[str, list[SequenceFlow]]:
        """Incoming sequence flows per step id."""
        inc: dict[str, list[SequenceFlow]] = {s.id: [] for s in self.model.steps}
        for flow in self.model.sequence_flows:
            inc.setdefault(flow.target, []).append(flow)
        return inc

    @cached_property
    def steps_by_obligation(self) -> dict[str, list[Step]]:
        """Steps per obligation id they fulfil."""
        result: dict[str, list[Step]] = {}
        for step in self.model.steps:
            for obligation in step.obligations:
                result.setdefault(obligation, []).append(step)
        return result

    @cached_property
    def org_unit_ids(self) -> set[str]:
        """Ids of org units (lanes)."""
        return {u.id for u in self.model.org_units}

    @cached_property
    def pool_of_stakeholder(self) -> dict[str, str]:
        """Stakeholder id → pool id."""
        return {p.stakeholder: p.id for p in self.model.pools if p.stakeholder}

    @cached_property
    def stakeholder_kind(self) -> dict[str, str]:
        """Stakeholder id → kind."""
        return {s.id: s.kind for s in self.model.stakeholders}

    @cached_property
    def pool_kind(self) -> dict[str, str]:
        """Stakeholder pool id → the stakeholder's kind (its id if the stakeholder is not declared)."""
        kind_of = self.stakeholder_kind
        return {p.id: kind_of.get(p.stakeholder, p.stakeholder) for p in self.model.pools if p.stakeholder}

    @cached_property
    def step_pool(self) -> dict[str, str]:
        """Step id → pool id (steps drawn in a pool)."""
        return {s.id: s.pool for s in self.model.steps if s.pool}

    @cached_property
    def message_partners(self) -> dict[str, list[str]]:
        """Element id → the ids at the other end of its message flows (both directions)."""
        partners: dict[str, list[str]] = {}
        for flow in self.model.message_flows:
            partners.setdefault(flow.source, []).append(flow.target)
            partners.setdefault(flow.target, []).append(flow.source)
        return partners

    @cached_property
    def boundary(self) -> dict[str, list[str]]:
        """Boundary event ids per activity id they are attached to."""
        boundary: dict[str, list[str]] = {}
        for s in self.model.steps:
            if s.event is not None and s.event.attached_to:
                boundary.setdefault(s.event.attached_to, []).append(s.id)
        return boundary

    @cached_property
    def nested(self) -> dict[str, list[str]]:
        """Step ids directly inside a step: sub-process children and attached boundary events."""
        nested: dict[str, list[str]] = {}
        for s in self.model.steps:
            if s.parent is not None:
                nested.setdefault(s.parent, []).append(s.id)
        for activity, events in self.boundary.items():
            nested.setdefault(activity, []).extend(events)
        return nested

    @cached_property
    def successors(self) -> dict[str, list[str]]:
        """Step id → the targets of its outgoing sequence flows and its boundary events (the edges of
        :meth:`reachable`)."""
        successors = {node: [f.target for f in flows] for node, flows in self.outgoing.items()}
        for activity, events in self.boundary.items():
            successors.setdefault(activity, []).extend(events)
        return successors

    def reachable(self, start: str) -> frozenset[str]:
        """Step ids reachable from ``start`` along sequence flows (including boundary events of activities);
        worked out once per start."""
        memo = self._reachable
        hit = memo.get(start)
        if hit is not None:
            return hit
        seen = {start}
        todo = [start]
        successors = self.successors
        while todo:
            for node in successors.get(todo.pop(), ()):
                if node not in seen:
                    seen.add(node)
                    todo.append(node)
        memo[start] = result = frozenset(seen)
        return result

    def obligation_steps(self, obligation_id: str) -> list[str]:
        """Ids of the steps of an obligation plus the steps nested in them (sub-process children, boundary
        events), in model order of discovery; worked out once per obligation."""
        memo = self._obligation_steps
        hit = memo.get(obligation_id)
        if hit is None:
            hit = [s.id for s in self.steps_by_obligation.get(obligation_id, [])]
            found = set(hit)
            nested = self.nested
            for sid in hit:  # grows while iterating: breadth-first over nested steps
                for inner in nested.get(sid, ()):
                    if inner not in found:
                        found.add(inner)
                        hit.append(inner)
            memo[obligation_id] = hit
        return list(hit)


@dataclass
class RuleContext:
    """What a rule sees: the model, its catalogue and applicable obligations, law-specific check data."""

    model: OperationalModel
    catalogue: Catalogue | None = None
    """The model's law catalogue, if the model names a law and the catalogue loads."""
    applicable: tuple[Obligation, ...] = ()
    """Obligations that apply to the model's municipality (population, Land options, choices)."""
    checks: LawChecks = field(default_factory=LawChecks)
    """Law-specific check parameters from ``rules/<law>/checks.yaml``."""
    lines: Mapping[str, int] = field(default_factory=dict)
    """Element id → source line."""

    @cached_property
    def index(self) -> ModelIndex:
        """Lookups over the model."""
        return ModelIndex(self.model)

    @cached_property
    def obligations(self) -> dict[str, Obligation]:
        """All catalogue obligations by id."""
        return {o.id: o for o in self.catalogue.obligations} if self.catalogue else {}


class Rule:
    """Base class of all rules. Subclasses set the class attributes and implement :meth:`check`."""

    code: ClassVar[str]
    """Stable code: two-letter family + three digits, never reused."""
    name: ClassVar[str]
    """Kebab-case name that names the problem."""
    summary: ClassVar[Msg]
    """One-line title (German, English)."""
    what: ClassVar[Msg]
    """What the rule finds."""
    why: ClassVar[Msg]
    """Why it matters."""
    invalid: ClassVar[str]
    """Example model fragment (YAML) that the rule reports."""
    valid: ClassVar[str]
    """The same fragment done right."""
    severity: ClassVar[Severity] = "warning"
    """Default severity."""
    groups: ClassVar[tuple[str, ...]] = ("recommended",)
    """Presets the rule belongs to (``all`` contains every rule implicitly)."""
    gap: ClassVar[str | None] = None
    """Gap category G01–G15."""
    aliases: ClassVar[tuple[str, ...]] = ()
    """Former codes or names that still select this rule."""
    options_model: ClassVar[type[BaseModel]] = NoOptions
    """Typed options (a pydantic model with defaults)."""
    needs_catalogue: ClassVar[bool] = False
    """True if the rule does nothing without a law catalogue."""

    def __init__(self, options: BaseModel | None = None) -> None:
        self.options: BaseModel = options if options is not None else self.options_model()

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Yield the violations found in ``ctx.model``."""
        raise NotImplementedError

    def report(self, element: str | None, msg: Msg, citation: str | None = None, **kwargs: object) -> Violation:
        """Build a violation with the message formatted in both languages."""
        return Violation(element=element, message=Text.of(msg, **kwargs), citation=citation)
