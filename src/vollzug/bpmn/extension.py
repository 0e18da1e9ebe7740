"""vollzug's own BPMN extension (namespace :data:`VZ_NS`, prefix ``vz``) inside ``bpmn:extensionElements``.

A model stays plain, valid BPMN for every other tool; vollzug reads its operational data back from here.
The XSD is ``src/vollzug/bpmn/xsd/vollzug.xsd``; the format is described in ``docs/extension.md``.

Flat records (RACI, resources, deadlines, suppressions, …) are encoded generically: every field that differs
from its default becomes an attribute (snake_case → camelCase); decoding hands the attribute strings to pydantic,
which converts them to the field types. Tuples of strings become repeated child elements.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from lxml import etree
from pydantic import BaseModel, TypeAdapter

from vollzug.bpmn.safe_xml import attributes
from vollzug.bpmn.spec import VZ_NS
from vollzug.model.actors import Municipality, OrgUnit, Population, Role, Stakeholder
from vollzug.model.process import (
    DataObject,
    Deadline,
    Notification,
    OperationalModel,
    RaciAssignment,
    Step,
    Suppression,
)
from vollzug.model.resources import Resource

VZ = f"{{{VZ_NS}}}"
VZ_PREFIX = "vz"

_RESOURCE = TypeAdapter(Resource)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _snake(name: str) -> str:  # memoised by _attrs through _SNAKE
    return "".join("_" + c.lower() if c.isupper() else c for c in name)


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _flat(tag: str, record: BaseModel, *, always: Iterable[str] = (), skip: Iterable[str] = ()) -> etree._Element:
    """Encode a record of scalar fields as one element with attributes (defaults omitted unless in ``always``)."""
    el = etree.Element(VZ + tag, nsmap={VZ_PREFIX: VZ_NS})
    keep, drop = set(always), set(skip)
    for name, info in type(record).model_fields.items():
        value = getattr(record, name)
        if name in drop or value is None or (name not in keep and value == info.default):
            continue
        el.set(_camel(name), _text(value))
    return el


_SNAKE: dict[str, str] = {}
"""camelCase attribute name → snake_case field name (attribute names are few; every attribute read uses this)."""


def _attrs(el: etree._Element) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in attributes(el).items():
        key = _SNAKE.get(k)
        if key is None:
            if k[0] == "{":
                continue
            key = _SNAKE[k] = _snake(k)
        out[key] = v
    return out


def _texts(parent: etree._Element, tag: str) -> tuple[str, ...]:
    return tuple((c.text or "").strip() for c in parent.iterchildren(VZ + tag))


def _refs(parent: etree._Element, tag: str, attr: str = "ref") -> tuple[str, ...]:
    return tuple(c.get(attr, "") for c in parent.iterchildren(VZ + tag))


def _add_texts(parent: etree._Element, tag: str, values: Iterable[str]) -> None:
    for value in values:
        etree.SubElement(parent, VZ + tag).text = value


def _add_refs(parent: etree._Element, tag: str, values: Iterable[str], attr: str = "ref") -> None:
    for value in values:
        etree.SubElement(parent, VZ + tag).set(attr, value)


# --- steps -----------------------------------------------------------------------------------------------

def encode_step(step: Step) -> etree._Element | None:
    """``<vz:step>`` with obligations, citations, RACI, resources, deadlines, notification, suppressions."""
    el = etree.Element(VZ + "step", nsmap={VZ_PREFIX: VZ_NS})
    if step.basis != "legal":
        el.set("basis", step.basis)
    _add_refs(el, "obligation", step.obligations)
    _add_texts(el, "citation", step.citations)
    for raci in step.raci:
        el.append(_flat("raci", raci))
    for resource in step.resources:
        el.append(_flat("resource", resource, always=("kind",)))
    for deadline in step.deadlines:
        el.append(_flat("deadline", deadline, always=("kind",)))
    if step.notification is not None:
        note = step.notification
        nel = _flat("notification", note, always=("channel",), skip=("recipients", "obligations"))
        _add_refs(nel, "recipient", note.recipients)
        _add_refs(nel, "obligation", note.obligations)
        el.append(nel)
    for suppression in step.suppressions:
        el.append(_flat("suppress", suppression))
    if len(el) == 0 and not el.attrib:
        return None
    return el


def decode_step(el: etree._Element, *, validate: bool = True) -> dict[str, Any]:
    """Field values for :class:`Step` from a ``<vz:step>`` element.

    With ``validate`` every RACI entry, resource, deadline, notification and suppression is validated here, so a
    broken one fails this call (the reader then ignores the extension with a warning). Without it the values stay
    plain data for one validation of the whole model (the reader's fast path; it falls back to validating here when
    the model does not validate).
    """
    data: dict[str, Any] = {}
    if "basis" in el.attrib:
        data["basis"] = el.get("basis")
    lists: dict[str, list[Any]] = {"obligation": [], "citation": [], "raci": [], "resource": [], "deadline": [],
                                   "suppress": []}
    note: etree._Element | None = None
    for child in el:  # one pass over the children (cheaper than a tag-filtered iterator per kind)
        tag = child.tag
        if not isinstance(tag, str) or not tag.startswith(VZ):
            continue
        kind = tag[len(VZ):]
        if kind == "obligation":
            lists[kind].append(child.get("ref", ""))
        elif kind == "citation":
            lists[kind].append((child.text or "").strip())
        elif kind in lists:
            lists[kind].append(_attrs(child))
        elif kind == "notification" and note is None:
            note = child
    data["obligations"] = tuple(lists["obligation"])
    data["citations"] = tuple(lists["citation"])
    raci, resources, deadlines, suppressions = lists["raci"], lists["resource"], lists["deadline"], lists["suppress"]
    notification: dict[str, Any] | None = None
    if note is not None:
        notification = dict[str, Any](_attrs(note))
        notification["recipients"] = _refs(note, "recipient")
        notification["obligations"] = _refs(note, "obligation")
    if validate:
        data["raci"] = tuple(RaciAssignment.model_validate(r) for r in raci)
        data["resources"] = tuple(_RESOURCE.validate_python(r) for r in resources)
        data["deadlines"] = tuple(Deadline.model_validate(d) for d in deadlines)
        data["suppressions"] = tuple(Suppression.model_validate(x) for x in suppressions)
        data["notification"] = Notification.model_validate(notification) if notification is not None else None
    else:
        data.update(raci=tuple(raci), resources=tuple(resources), deadlines=tuple(deadlines),
                    suppressions=tuple(suppressions), notification=notification)
    return {k: v for k, v in data.items() if v not in ((), None)}


# --- lanes, pools, data --------------------------------------------------------------------------------

def encode_org_unit(unit: OrgUnit) -> etree._Element:
    """``<vz:orgUnit kind=…>`` on a lane (id, name and nesting come from the lane itself)."""
    return _flat("orgUnit", unit, always=("kind",), skip=("id", "name", "parent"))


def decode_org_unit(el: etree._Element) -> dict[str, Any]:
    """Extra :class:`OrgUnit` fields from ``<vz:orgUnit>``."""
    return {k: v for k, v in _attrs(el).items() if k in ("kind", "documentation")}


def encode_stakeholder(stakeholder: Stakeholder) -> etree._Element:
    """``<vz:stakeholder>`` on a participant, with its citations as children."""
    el = _flat("stakeholder", stakeholder, always=("kind", "involvement"), skip=("citations",))
    _add_texts(el, "citation", stakeholder.citations)
    return el


def decode_stakeholder(el: etree._Element) -> dict[str, Any]:
    """:class:`Stakeholder` fields from ``<vz:stakeholder>`` (id/name default to the participant's)."""
    data: dict[str, Any] = _attrs(el)
    data["citations"] = _texts(el, "citation")
    return data


def encode_data_object(obj: DataObject) -> etree._Element | None:
    """``<vz:data medium=… personal=…>`` on a data object/store reference, or None if nothing to say."""
    if obj.medium is None and not obj.personal:
        return None
    el = etree.Element(VZ + "data", nsmap={VZ_PREFIX: VZ_NS})
    if obj.medium is not None:
        el.set("medium", obj.medium)
    if obj.personal:
        el.set("personal", "true")
    return el


def decode_data_object(el: etree._Element) -> dict[str, Any]:
    """``medium``/``personal`` from ``<vz:data>``."""
    data: dict[str, Any] = {}
    if el.get("medium") is not None:
        data["medium"] = el.get("medium")
    if el.get("personal") is not None:
        data["personal"] = el.get("personal") == "true"
    return data


# --- the model header on the municipality's process ----------------------------------------------------

def encode_model(model: OperationalModel) -> etree._Element:
    """``<vz:model>``: law, variant, municipality, authors, owner, roles, choices, joint planning partners."""
    el = etree.Element(VZ + "model", nsmap={VZ_PREFIX: VZ_NS})
    for name in ("law", "variant", "valid_from", "process_owner", "title"):
        value = getattr(model, name)
        if value:
            el.set(_camel(name), _text(value))
    if model.synthetic:
        el.set("synthetic", "true")
    if model.municipality is not None:
        mun = model.municipality
        mel = _flat("municipality", mun, always=("kind", "land"), skip=("population",))
        if mun.population is not None:
            pel = _flat("population", mun.population, always=("count", "reference_date"))
            mel.append(pel)
        el.append(mel)
    _add_texts(el, "author", model.authors)
    _add_refs(el, "jointWith", model.joint_with, attr="ags")
    for role in model.roles:
        el.append(_flat("role", role, always=("id", "name")))
    for key, value in sorted(model.choices.items()):
        choice = etree.SubElement(el, VZ + "choice")
        choice.set("id", key)
        choice.set("value", _text(value))
    return el


def decode_model(el: etree._Element) -> dict[str, Any]:
    """:class:`OperationalModel` header fields from ``<vz:model>``."""
    data: dict[str, Any] = {k: v for k, v in _attrs(el).items() if k in ("law", "variant", "valid_from",
                                                                          "process_owner", "title")}
    if el.get("synthetic") == "true":
        data["synthetic"] = True
    mel = el.find(VZ + "municipality")
    if mel is not None:
        mdata: dict[str, Any] = _attrs(mel)
        pel = mel.find(VZ + "population")
        if pel is not None:
            mdata["population"] = Population.model_validate(_attrs(pel))
        data["municipality"] = Municipality.model_validate(mdata)
    data["authors"] = _texts(el, "author")
    data["joint_with"] = _refs(el, "jointWith", attr="ags")
    data["roles"] = tuple(Role.model_validate(_attrs(c)) for c in el.iterchildren(VZ + "role"))
    data["choices"] = {c.get("id", ""): c.get("value") == "true" for c in el.iterchildren(VZ + "choice")}
    return {k: v for k, v in data.items() if v not in ((), None, {})}
