"""BP003 disconnected-node."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation


class DisconnectedNode(Rule):
    """A flow node lacks an incoming or an outgoing sequence flow it needs."""

    code = "BP003"
    name = "disconnected-node"
    severity = "error"
    summary = Msg("Knoten ohne Verbindung", "Disconnected node")
    what = Msg(
        "Ein Schritt, Gateway oder Ereignis hat keinen eingehenden (außer Start- und angehefteten Ereignissen) oder "
        "keinen ausgehenden Sequenzfluss (außer Endereignissen). Schritte in Ad-hoc-Teilprozessen sind ausgenommen.",
        "A task, gateway or event has no incoming sequence flow (except start and boundary events) or no outgoing "
        "one (except end events). Steps inside ad-hoc sub-processes are exempt.",
    )
    why = Msg(
        "Ein unverbundener Schritt wird nie ausgeführt oder führt nirgendwohin; meist fehlt eine Kante.",
        "A disconnected step is never executed or leads nowhere; usually an edge is missing.",
    )
    invalid = """steps:
  - {id: Start_1, type: startEvent, name: Start}
  - {id: Task_1, name: Daten erheben}
  - {id: Task_2, name: Vergessener Schritt}
  - {id: End_1, type: endEvent, name: Ende}
sequence_flows:
  - {id: F0, source: Start_1, target: Task_1}
  - {id: F1, source: Task_1, target: End_1}"""
    valid = """steps:
  - {id: Start_1, type: startEvent, name: Start}
  - {id: Task_1, name: Daten erheben}
  - {id: Task_2, name: Daten prüfen}
  - {id: End_1, type: endEvent, name: Ende}
sequence_flows:
  - {id: F0, source: Start_1, target: Task_1}
  - {id: F1, source: Task_1, target: Task_2}
  - {id: F2, source: Task_2, target: End_1}"""
    _no_in = Msg("„{name}“ hat keinen eingehenden Sequenzfluss.", "'{name}' has no incoming sequence flow.")
    _no_out = Msg("„{name}“ hat keinen ausgehenden Sequenzfluss.", "'{name}' has no outgoing sequence flow.")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report nodes missing the flows their type needs."""
        adhoc = {s.id for s in ctx.model.steps if s.type == "adHocSubProcess"}
        collapsed = {p.id for p in ctx.model.pools if p.collapsed}
        incoming, outgoing = ctx.index.incoming, ctx.index.outgoing
        for step in ctx.model.steps:
            if step.parent in adhoc or (step.pool is not None and step.pool in collapsed):
                continue
            if step.type not in {"startEvent", "boundaryEvent"} and not incoming.get(step.id):
                yield self.report(step.id, self._no_in, name=step.name or step.id)
            if step.type != "endEvent" and not outgoing.get(step.id):
                yield self.report(step.id, self._no_out, name=step.name or step.id)
