"""Canonical element order: the order in which the elements appear in the built BPMN document.

A BPMN file has no place for the order of, say, sequence flows across sub-processes; a reader returns them in
document order. Loading YAML therefore sorts every element list into that order (a stable sort, so lists that are
already in document order — the usual case — keep their authored order). This is what makes
``load_bpmn_model(build_bpmn(m)).model == m`` hold.
"""

from __future__ import annotations

from typing import Any

from vollzug.authoring.checks import check_model
from vollzug.model.process import OperationalModel

_LISTS = ("org_units", "pools", "steps", "sequence_flows", "message_flows", "data_objects", "data_associations",
          "annotations")


def canonical_order(model: OperationalModel, *, has_errors: bool | None = None) -> OperationalModel:
    """The model with every element list in document order (unchanged if the model has errors).

    ``has_errors`` saves a second check pass when the caller has already run :func:`check_model`.
    """
    from vollzug.authoring.build import semantic_tree

    if has_errors is None:
        has_errors = any(d.severity == "error" for d in check_model(model))
    if has_errors:
        return model
    position: dict[str, int] = {}
    for index, el in enumerate(semantic_tree(model).iter()):
        ident = el.get("id")
        if ident is not None:
            position.setdefault(ident, index)
    update: dict[str, Any] = {}
    for name in _LISTS:
        items = getattr(model, name)
        ordered = tuple(sorted(items, key=lambda item: position.get(item.id, len(position))))
        if ordered != items:
            update[name] = ordered
    return model.model_copy(update=update) if update else model
