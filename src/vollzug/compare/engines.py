"""Adapters to the rules engine and the diff engine of the other workstreams (the one place to swap them in).

Each adapter returns None when its engine is not installed; the comparison then uses its own fallback.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from vollzug.compare import messages as m_
from vollzug.compare.results import DiffEntry, Gap
from vollzug.compare.trusted import trusted
from vollzug.glossary import term
from vollzug.i18n import Text
from vollzug.model.process import OperationalModel

_ENGINE: Any = None
_gap = trusted(Gap)
"""Gaps from findings, whose fields the rules engine has validated already (plain strings)."""


def _rules_engine() -> Any:
    global _ENGINE  # one engine per process: it caches catalogues
    if _ENGINE is None:
        try:
            module: Any = importlib.import_module("vollzug.lint.engine")
        except ImportError:
            return None
        _ENGINE = module.Engine()
    return _ENGINE


def run_rules(model: OperationalModel, path: Path | None, lines: Mapping[str, int] | None = None
              ) -> list[Gap] | None:
    """Unsuppressed rule findings of one model as gaps, or None without a rules engine."""
    engine = _rules_engine()
    if engine is None:
        return None
    findings: Any = engine.check_model(model, str(path) if path else None, dict(lines or {}))
    gaps: list[Gap] = []
    for finding in findings:
        if finding.suppressed:
            continue
        gaps.append(_gap(category=finding.gap or "", code=finding.code, message=finding.message,
                         element=finding.element, citation=finding.citation or "", source="rules"))
    return gaps


_FLIP = {"added": "removed", "removed": "added", "changed": "changed"}
"""The diff's ``added`` (only on the right, the reference) is ``removed`` relative to the reference, and back."""


def run_diff(town: OperationalModel, reference: OperationalModel
             ) -> tuple[list[DiffEntry], dict[str, str]] | None:
    """The diff engine's differences of the town (left) from the reference (right) as diff entries plus the state
    (same/changed/added) of each town step; None without a diff engine."""
    try:
        module: Any = importlib.import_module("vollzug.diff.engine")
        from vollzug.diff.values import attr_line
    except ImportError:
        return None
    result: Any = module.diff_models(town, reference)
    entries: list[DiffEntry] = []
    state = {s.id: "same" for s in town.steps}
    for entry in result.added:  # only in the SOLL
        if entry.category == "step":
            entries.append(DiffEntry(kind="removed", reference_element=entry.id, label=entry.name,
                                     detail=m_.text(m_.DETAIL_MISSING)))
    for entry in result.removed:  # only in the town
        if entry.category == "step":
            entries.append(DiffEntry(kind="added", element=entry.id, label=entry.name,
                                     detail=m_.text(m_.DETAIL_NOT_IN_REFERENCE)))
            state[entry.id] = "added"
    for changed in result.changed:
        if changed.category != "step":
            continue
        paths = [a.path for a in changed.attrs]
        detail = Text(de="; ".join(attr_line(a, "de", limit=60) for a in changed.attrs[:4]),
                      en="; ".join(attr_line(a, "en", limit=60) for a in changed.attrs[:4]))
        entries.append(DiffEntry(kind="changed", element=changed.left_id, reference_element=changed.id,
                                 label=changed.name, detail=detail))
        if any(p != "name" for p in paths):
            state[changed.left_id] = "changed"
    for shift in result.responsibility_shifts:
        entries.append(DiffEntry(kind="reassigned", element=shift.left_id, reference_element=shift.id,
                                 label=shift.name, detail=m_.text(
                                     m_.DETAIL_SHIFT, town=shift.left_lane_name or shift.left_lane or "–",
                                     town_a=", ".join(shift.left_accountable_names or shift.left_accountable) or "–",
                                     ref=shift.right_lane_name or shift.right_lane or "–",
                                     ref_a=", ".join(shift.right_accountable_names or shift.right_accountable) or "–")))
        state[shift.left_id] = "changed"
    names = {s.id: s.name for m in (town, reference) for s in m.steps if s.name}
    names.update({s.id: s.name for m in (town, reference) for s in m.stakeholders if s.name})
    for delta in result.domain_deltas:
        entries.append(DiffEntry(kind=f"{delta.kind}_{_FLIP[delta.change]}", element=delta.element,
                                 label=_delta_label(delta, names), detail=_delta_detail(delta)))
    return entries, {k: v for k, v in state.items() if k in {s.id for s in town.steps}}


def _delta_label(delta: Any, names: Mapping[str, str]) -> str:
    """What a domain change is about, as the models name it: the stakeholder or step, or the flow's ends."""
    if delta.kind == "message_flow":
        return str(delta.subject).replace("->", " → ")
    return names.get(delta.element, delta.element)


def _delta_detail(delta: Any) -> Text:
    """What changed, without the diff's left-to-right sentence ("… kommt hinzu"): the change code already says it
    relative to the reference, the detail names the citation, obligation, deadline, stakeholder or flow."""
    from vollzug.diff.values import path_label, show

    value = delta.right if delta.right is not None else delta.left
    if delta.kind == "stakeholder":
        return Text(de=term(f"stakeholder.{delta.subject}", "de", default=delta.subject),
                    en=term(f"stakeholder.{delta.subject}", "en", default=delta.subject))
    if delta.kind == "message_flow":
        return Text.same(str(delta.subject).replace("->", " → "))
    if delta.kind == "deadline":
        return Text(de=show(value, "de", "deadlines"), en=show(value, "en", "deadlines"))
    if delta.kind == "notification" and isinstance(delta.left, dict) and isinstance(delta.right, dict):
        keys = [k for k in sorted(set(delta.left) | set(delta.right)) if delta.left.get(k) != delta.right.get(k)]
        return Text(de=", ".join(path_label(k, "de") for k in keys), en=", ".join(path_label(k, "en") for k in keys))
    if delta.kind == "notification":
        return Text(de=show(value, "de", "notification"), en=show(value, "en", "notification"))
    return Text.same(str(delta.subject))
