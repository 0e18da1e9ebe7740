"""BP009 unknown-reference."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation


class UnknownReference(Rule):
    """A flow, association or step refers to an element that does not exist."""

    code = "BP009"
    name = "unknown-reference"
    severity = "error"
    summary = Msg("Verweis auf unbekanntes Element", "Reference to an unknown element")
    what = Msg(
        "Ein Sequenzfluss, Nachrichtenfluss oder eine Datenassoziation verweist auf ein Element, das es nicht gibt; "
        "oder ein Schritt liegt in einer unbekannten Lane oder einem unbekannten Pool.",
        "A sequence flow, message flow or data association refers to an element that does not exist; or a step "
        "lies in an unknown lane or pool.",
    )
    why = Msg(
        "Solche Verweise stammen aus Tippfehlern oder gelöschten Elementen; das Modell ist dann nicht auswertbar.",
        "Such references come from typos or deleted elements; the model cannot be evaluated correctly.",
    )
    invalid = """steps:
  - {id: Task_1, name: Daten erheben, lane: GIS}
sequence_flows:
  - {id: F1, source: Task_1, target: Task_9}"""
    valid = """org_units:
  - {id: GIS, name: GIS/Vermessung}
steps:
  - {id: Task_1, name: Daten erheben, lane: GIS}
  - {id: Task_2, name: Daten prüfen, lane: GIS}
sequence_flows:
  - {id: F1, source: Task_1, target: Task_2}"""
    _msg = Msg("{kind} {id} verweist auf unbekanntes Element „{ref}“.", "{kind_en} {id} refers to unknown element "
               "'{ref}'.")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report dangling references (flows, then steps' lanes and pools; in model order)."""
        m = ctx.model
        steps = ctx.index.steps
        pools = {p.id for p in m.pools}
        data = {d.id for d in m.data_objects}
        steps_or_pools, steps_or_data = steps.keys() | pools, steps.keys() | data  # once, not per flow
        for f in m.sequence_flows:
            for ref in (f.source, f.target):
                if ref not in steps:
                    yield self._dangling("Sequenzfluss", "Sequence flow", f.id, ref)
        for mf in m.message_flows:
            for ref in (mf.source, mf.target):
                if ref not in steps_or_pools:
                    yield self._dangling("Nachrichtenfluss", "Message flow", mf.id, ref)
        for a in m.data_associations:
            for ref in (a.source, a.target):
                if ref not in steps_or_data:
                    yield self._dangling("Datenassoziation", "Data association", a.id, ref)
        units = ctx.index.org_unit_ids
        for step in m.steps:
            if step.lane is not None and step.lane not in units:
                yield self._dangling("Schritt (Lane)", "Step (lane)", step.id, step.lane)
            if step.pool is not None and step.pool not in pools:
                yield self._dangling("Schritt (Pool)", "Step (pool)", step.id, step.pool)

    def _dangling(self, kind: str, kind_en: str, element: str, ref: str) -> Violation:
        return self.report(element, self._msg, kind=kind, kind_en=kind_en, id=element, ref=ref)
