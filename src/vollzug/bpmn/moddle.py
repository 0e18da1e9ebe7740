"""The bpmn-moddle extension descriptor of the ``vz:`` namespace, generated from ``vollzug.xsd``.

bpmn-js, the Camunda Modeler and every other tool built on bpmn-moddle read a JSON *descriptor* to know the types of
an extension namespace. With it our elements import as typed objects (``vz:Step`` with ``raci`` children of type
``vz:Raci``, ``fte`` as a number) instead of generic XML, and they are written back unchanged.

The XSD is the one definition of the extension (``docs/extension.md`` describes it, ``extension.py`` encodes it):
this module derives the descriptor from it, so the two cannot drift apart. Mapping:

* every top-level ``xsd:element`` becomes a type with ``superClass: ["Element"]`` (allowed in
  ``bpmn:extensionElements``); its name is the element name with a capital first letter (``tagAlias: lowerCase``);
* a local element with a complex type becomes a property of that name whose type is named after the element
  (``raci`` → ``Raci``, ``obligation`` of type ``tRef`` → ``Obligation``: bpmn-moddle writes a typed child under
  its type's name); ``maxOccurs="unbounded"`` → ``isMany``;
* a local element of a simple type (``citation``, ``author``) becomes a ``String`` property serialised as a child
  element with text;
* attributes become ``isAttr`` properties: ``tBoolean`` → ``Boolean``, ``xsd:decimal`` → ``Real``,
  ``xsd:nonNegativeInteger`` → ``Integer``, everything else (dates, durations, enumerations) → ``String``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from lxml import etree

from vollzug.bpmn.extension import VZ_PREFIX
from vollzug.bpmn.spec import VZ_NS

_XS = "{http://www.w3.org/2001/XMLSchema}"
_TYPES = {"tBoolean": "Boolean", "xsd:boolean": "Boolean", "xsd:decimal": "Real", "xsd:double": "Real",
          "xsd:nonNegativeInteger": "Integer", "xsd:integer": "Integer", "xsd:int": "Integer"}
NAME = "vollzug"
"""The package name in the descriptor (bpmn-js registers extensions by this key)."""


def _type_name(name: str) -> str:
    return name[:1].upper() + name[1:]


class _Builder:
    def __init__(self, schema: etree._Element) -> None:
        self.named = {t.get("name", ""): t for t in schema.iterchildren(_XS + "complexType")}
        self.types: dict[str, dict[str, Any]] = {}

    def attribute(self, attr: etree._Element) -> dict[str, Any]:
        xsd_type = attr.get("type", "xsd:string")
        prop: dict[str, Any] = {"name": attr.get("name"), "isAttr": True, "type": _TYPES.get(xsd_type, "String")}
        return prop

    def complex_type(self, name: str, ctype: etree._Element, top: bool) -> None:
        if name in self.types:
            return
        entry: dict[str, Any] = {"name": name}
        if top:
            entry["superClass"] = ["Element"]
        self.types[name] = entry
        props: list[dict[str, Any]] = []
        for child in ctype.iter(_XS + "element"):
            if child.getparent() is None or child.getparent().tag != _XS + "sequence":  # type: ignore[union-attr]
                continue
            if _owner(child) is not ctype:
                continue
            props.append(self.child(child))
        props.extend(self.attribute(a) for a in ctype.iterchildren(_XS + "attribute"))
        entry["properties"] = props

    def child(self, el: etree._Element) -> dict[str, Any]:
        name = el.get("name", "")
        prop: dict[str, Any] = {"name": name}
        ref_type = el.get("type")
        inline = el.find(_XS + "complexType")
        if inline is not None:
            type_name = _type_name(name)
            self.complex_type(type_name, inline, top=False)
            prop["type"] = type_name
        elif ref_type is not None and ref_type in self.named:
            type_name = _type_name(name)  # bpmn-moddle writes a typed child under its type's name
            self.complex_type(type_name, self.named[ref_type], top=False)
            prop["type"] = type_name
        else:
            prop["type"] = _TYPES.get(ref_type or "xsd:string", "String")
        if el.get("maxOccurs") == "unbounded":
            prop["isMany"] = True
        return prop


def _owner(el: etree._Element) -> etree._Element | None:
    """The complexType an element declaration belongs to (its nearest complexType ancestor)."""
    parent = el.getparent()
    while parent is not None and parent.tag != _XS + "complexType":
        parent = parent.getparent()
    return parent


@cache
def moddle_descriptor() -> dict[str, Any]:
    """The descriptor as a JSON-ready dict (``vollzug schema --moddle`` prints it)."""
    raw = resources.files("vollzug.bpmn").joinpath("xsd", "vollzug.xsd").read_bytes()
    schema = etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True))
    builder = _Builder(schema)
    for top in schema.iterchildren(_XS + "element"):
        ctype = top.find(_XS + "complexType")
        if ctype is not None:
            builder.complex_type(_type_name(top.get("name", "")), ctype, top=True)
    return {"name": NAME, "uri": VZ_NS, "prefix": VZ_PREFIX, "xml": {"tagAlias": "lowerCase"},
            "associations": [], "enumerations": [], "types": list(builder.types.values())}
