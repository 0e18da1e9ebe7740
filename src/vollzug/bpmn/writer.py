"""Serialise a :class:`~vollzug.bpmn.document.BpmnDocument` back to bytes, keeping everything that was read."""

from __future__ import annotations

from typing import cast

from lxml import etree

from vollzug.bpmn.document import BpmnDocument


def write_bpmn(document: BpmnDocument) -> bytes:
    """The document's tree as bytes, in its original encoding, with the XML declaration if it had one.

    Elements, attributes, namespace declarations, comments, processing instructions, extensions and DI are all
    kept, because the tree itself is serialised (the indexes are views on it).
    """
    tree = document.tree
    out: bytes
    standalone = document.standalone
    if not document.has_declaration:
        out = cast(bytes, etree.tostring(tree, encoding=document.encoding, xml_declaration=False))
    elif standalone is None:
        out = cast(bytes, etree.tostring(tree, encoding=document.encoding, xml_declaration=True))
    else:
        out = cast(bytes, etree.tostring(tree, encoding=document.encoding, xml_declaration=True,
                                         standalone=standalone))
    return out
