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
        """Report dangling references."""
        m = ctx.model
        steps = set(ctx.index.steps)
        pools = {p.id for p in m.pools}
        data = {d.id for d in m.data_objects}
        steps_or_pools, steps_or_data = steps | pools, steps | data  # once, not per flow
        checks: list[tuple[str, str, str, str, set[str]]] = []
        for f in m.sequence_flows:
            checks += [("Sequenzfluss", "Sequence flow", f.id, r, steps) for r in (f.source, f.target)]
        for mf in m.message_flows:
            checks += [("Nachrichtenfluss", "Message flow", mf.id, r, steps_or_pools) for r in (mf.source, mf.target)]
        for a in m.data_associations:
            checks += [("Datenassoziation", "Data association", a.id, r, steps_or_data) for r in (a.source, a.target)]
        for s in m.steps:
            if s.lane is not None:
                checks.append(("Schritt (Lane)", "Step (lane)", s.id, s.lane, ctx.index.org_unit_ids))
            if s.pool is not None:
                checks.append(("Schritt (Pool)", "Step (pool)", s.id, s.pool, pools))
        for kind, kind_en, element, ref, known in checks:
            if ref not in known:
                yield self.report(element, self._msg, kind=kind, kind_en=kind_en, id=element, ref=ref)
