"""Step data entered through vollzug's element templates in the Camunda Modeler.

Element templates (``vollzug templates``) can only write bindings the Modeler knows; vollzug's templates write
``camunda:property`` entries inside ``camunda:properties`` whose names start with ``vz:`` (the names are listed in
:data:`NAMES`). The reader turns them into the same step data a ``<vz:step>`` carries, so a task the analyst created
from a template in the Modeler is an obligation step for vollzug; ``vollzug import`` then writes the YAML and
``vollzug build`` the canonical ``<vz:step>``. A ``<vz:step>`` on the same element wins field by field.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn"
_PROPERTIES = f"{{{CAMUNDA_NS}}}properties"
_PROPERTY = f"{{{CAMUNDA_NS}}}property"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SPLIT = re.compile(r"\s*[,;]\s*")

PREFIX = "vz:"
NAMES = {
    "obligation": "obligation ids, comma-separated",
    "citation": "citations, separated by ';'",
    "basis": "legal | internal | none",
    "deadline": "legal deadline: ISO date (2028-06-30), ISO duration (P3M) or a term (unverzüglich)",
    "deadline.citation": "the norm setting the deadline",
    "raci.R": "responsible unit ids (lanes), comma-separated", "raci.A": "accountable unit id",
    "raci.C": "consulted unit ids", "raci.I": "informed unit ids",
    "resource.fte": "staff in VZÄ (decimal point or comma)", "resource.unit": "unit of the staff",
    "resource.eur": "budget in EUR", "resource.itSystem": "IT systems, comma-separated",
    "notification.channel": "Dienstanweisung, Rundschreiben, …", "notification.recipients": "unit ids",
    "notification.obligations": "obligation ids the staff are told about",
    "notification.acknowledgement": "true | false",
}
"""Property names (after ``vz:``) the reader understands."""


def template_properties(extensions: tuple[etree._Element, ...]) -> dict[str, str]:
    """The ``vz:`` camunda properties of an element's extension elements (name without prefix → value)."""
    found: dict[str, str] = {}
    for el in extensions:
        if el.tag != _PROPERTIES:
            continue
        for prop in el.iterchildren(_PROPERTY):
            name = prop.get("name") or ""
            value = (prop.get("value") or "").strip()
            if name.startswith(PREFIX) and value:
                found[name[len(PREFIX):]] = value
    return found


def _list(value: str | None) -> tuple[str, ...]:
    return tuple(v for v in _SPLIT.split(value or "") if v)


def _number(value: str) -> float:
    return float(value.replace(",", ".")) if re.fullmatch(r"\d+([.,]\d+)?", value) else float("nan")


def step_data(props: dict[str, str]) -> dict[str, Any]:
    """Step fields (plain data, validated with the model) from template properties; unknown names are ignored."""
    data: dict[str, Any] = {}
    if "obligation" in props:
        data["obligations"] = _list(props["obligation"])
    if "citation" in props:
        data["citations"] = tuple(c for c in re.split(r"\s*;\s*", props["citation"]) if c)
    if "basis" in props:
        data["basis"] = props["basis"]
    raci = [{"party": party, "letter": letter} for letter in "RACI" for party in _list(props.get(f"raci.{letter}"))]
    if raci:
        data["raci"] = tuple(raci)
    resources: list[dict[str, Any]] = []
    if "resource.fte" in props:
        staff: dict[str, Any] = {"kind": "staff", "fte": _number(props["resource.fte"])}
        if "resource.unit" in props:
            staff["unit"] = props["resource.unit"]
        resources.append(staff)
    if "resource.eur" in props:
        resources.append({"kind": "budget", "eur": _number(props["resource.eur"])})
    resources.extend({"kind": "it_system", "name": name} for name in _list(props.get("resource.itSystem")))
    if resources:
        data["resources"] = tuple(resources)
    if "deadline" in props:
        value = props["deadline"]
        deadline: dict[str, Any] = {"kind": "legal"}
        key = "date" if _DATE.match(value) else "duration" if value.startswith("P") else "term"
        deadline[key] = value
        if "deadline.citation" in props:
            deadline["citation"] = props["deadline.citation"]
        data["deadlines"] = (deadline,)
    if "notification.channel" in props:
        data["notification"] = {
            "channel": props["notification.channel"],
            "recipients": _list(props.get("notification.recipients")),
            "obligations": _list(props.get("notification.obligations")),
            "acknowledgement": props.get("notification.acknowledgement") == "true",
        }
    return data
