"""Elementsicht: a flat, comparable view of every element of an :class:`OperationalModel`.

Each element becomes an :class:`Element` with a category, a type, a label, a map of *semantic properties*
(``path → plain value``) and the ids it references (so references can be translated through the matching before
values are compared).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel

from vollzug.diff.changes import Category
from vollzug.model.process import OperationalModel, Step

REF_PATHS: frozenset[str] = frozenset({
    "source", "target", "lane", "pool", "parent", "unit", "process_owner", "attached_to", "stakeholder",
})
"""Property paths whose values are element ids (translated through the matching before comparison)."""

STEP_DOMAIN_PATHS: frozenset[str] = frozenset({
    "raci", "resources", "deadlines", "notification", "obligations", "citations", "lane",
})
"""Step properties reported by the dedicated deltas (responsibility, resources, …) as well as in ``changed``."""


class Element:
    """One element of one side. Its properties are computed from its record(s) on first use: in a diff of two
    versions of one file (``--match id``) most elements have equal records and never need them."""

    __slots__ = ("_props", "category", "extra", "id", "name", "record", "type")

    def __init__(self, id: str, category: Category, type: str, name: str, props: dict[str, Any] | None = None,
                 record: BaseModel | None = None) -> None:
        self.id, self.category, self.type, self.name = id, category, type, name
        self._props = props
        self.record = record
        """The model record the properties come from (None when they were given)."""
        self.extra: BaseModel | None = None
        """A stakeholder merged into the pool of the same id (its facts as ``stakeholder.*`` properties)."""

    @property
    def props(self) -> dict[str, Any]:
        """Semantic properties, path → JSON-like value."""
        if self._props is None:
            record = self.record
            props = {} if record is None else step_props(record) if isinstance(record, Step) else _props(
                record, skip=("id",) if self.category == "annotation" else ("id", "name", "type"))
            if self.extra is not None:
                props.update({f"stakeholder.{k}": v for k, v in _props(self.extra).items()})
            self._props = props
        return self._props

    def same_record(self, other: Element) -> bool:
        """True if both elements come from equal records (then their properties, name and type are equal too)."""
        return self.record is not None and self.record == other.record and self.extra == other.extra

    def __repr__(self) -> str:
        return f"Element({self.id!r}, {self.category!r}, {self.type!r}, {self.name!r})"


@cache
def _defaults(cls: type[BaseModel]) -> tuple[tuple[str, Any], ...]:
    """(field name, default) of a record class, computed once per class (the records are frozen)."""
    return tuple((name, info.get_default(call_default_factory=True)) for name, info in cls.model_fields.items())


def plain(value: Any) -> Any:
    """JSON-like value of a model field (tuples → lists, records → dicts without defaults)."""
    if isinstance(value, BaseModel):
        out: dict[str, Any] = {}
        for name, default in _defaults(type(value)):
            item = getattr(value, name)
            if item != default or name == "kind":
                out[name] = plain(item)
        return out
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in sorted(value.items())}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


@cache
def _compared(cls: type[BaseModel], skip: tuple[str, ...]) -> tuple[tuple[str, Any], ...]:
    """(field name, default) of the fields of a record class that :func:`_props` reads, once per class."""
    return tuple((name, default) for name, default in _defaults(cls) if name not in skip)


def _props(record: BaseModel, skip: tuple[str, ...] = ("id", "name", "type")) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, default in _compared(type(record), skip):
        value = getattr(record, name)
        if value == default or value in ((), "", None):
            continue
        out[name] = plain(value)
    return out


def step_props(step: Step) -> dict[str, Any]:
    """Properties of a step, with RACI and resources in a canonical order."""
    props = _props(step)
    if step.raci:
        props["raci"] = sorted(f"{r.party}:{r.letter}" for r in step.raci)
    if step.obligations:
        props["obligations"] = sorted(step.obligations)
    if step.citations:
        props["citations"] = sorted(step.citations)
    return props


_HEADER_FIELDS = ("title", "law", "variant", "process_owner", "choices", "joint_with", "documentation", "synthetic")


def index_model(model: OperationalModel) -> dict[str, Element]:
    """All elements of the model by id (the process header under the process id)."""
    out: dict[str, Element] = {}

    def put(element: Element) -> None:
        out.setdefault(element.id, element)

    header: dict[str, Any] = {}
    for name in _HEADER_FIELDS:
        value = getattr(model, name)
        if value not in ((), "", None, {}, False):
            header[name] = plain(value)
    if model.municipality is not None:
        header["municipality"] = model.municipality.name
    put(Element(model.id, "process", "process", model.title, header))
    for step in model.steps:
        put(Element(step.id, "step", step.type, step.name, record=step))
    for flow in model.sequence_flows:
        put(Element(flow.id, "sequence_flow", "sequenceFlow", flow.name, record=flow))
    for mflow in model.message_flows:
        put(Element(mflow.id, "message_flow", "messageFlow", mflow.name, record=mflow))
    for unit in model.org_units:
        put(Element(unit.id, "lane", "lane", unit.name, record=unit))
    for pool in model.pools:
        put(Element(pool.id, "pool", "participant", pool.name, record=pool))
    for holder in model.stakeholders:
        if holder.id not in out:
            put(Element(holder.id, "stakeholder", "stakeholder", holder.name, record=holder))
        else:  # the stakeholder's pool shares its id: merge the stakeholder facts into it
            shared = out[holder.id]
            if shared.extra is None and shared.category == "pool":
                shared.extra = holder
            else:  # (ids shared with something else, or twice): merged now, compared by properties only
                shared.props.update({f"stakeholder.{k}": v for k, v in _props(holder).items()})
                shared.record = None
    for role in model.roles:
        put(Element(role.id, "role", "role", role.name, record=role))
    for data in model.data_objects:
        kind = "dataStoreReference" if data.kind == "store" else "dataObjectReference"
        put(Element(data.id, "data_object", kind, data.name, record=data))
    for assoc in model.data_associations:
        put(Element(assoc.id, "data_association", "dataAssociation", "", record=assoc))
    for note in model.annotations:
        put(Element(note.id, "annotation", "textAnnotation", "", record=note))
    return out
