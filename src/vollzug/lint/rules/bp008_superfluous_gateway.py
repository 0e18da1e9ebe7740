"""BP008 superfluous-gateway."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation
from vollzug.model.process import GATEWAY_TYPES


class SuperfluousGateway(Rule):
    """A gateway with exactly one incoming and one outgoing flow."""

    code = "BP008"
    name = "superfluous-gateway"
    summary = Msg("Überflüssiges Gateway", "Superfluous gateway")
    what = Msg(
        "Ein Gateway hat genau einen eingehenden und einen ausgehenden Sequenzfluss.",
        "A gateway has exactly one incoming and one outgoing sequence flow.",
    )
    why = Msg(
        "Es verzweigt nicht und führt nicht zusammen; es macht das Modell nur schwerer lesbar.",
        "It neither splits nor joins; it only makes the model harder to read.",
    )
    invalid = """steps:
  - {id: Task_1, name: Entwurf erstellen}
  - {id: Gw_1, type: exclusiveGateway}
  - {id: Task_2, name: Entwurf auslegen}
sequence_flows:
  - {id: F1, source: Task_1, target: Gw_1}
  - {id: F2, source: Gw_1, target: Task_2}"""
    valid = """steps:
  - {id: Task_1, name: Entwurf erstellen}
  - {id: Task_2, name: Entwurf auslegen}
sequence_flows:
  - {id: F1, source: Task_1, target: Task_2}"""
    _msg = Msg(
        "Gateway {id} hat nur einen Ein- und einen Ausgang und ist überflüssig.",
        "Gateway {id} has only one incoming and one outgoing flow and is superfluous.",
    )

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report gateways with one incoming and one outgoing flow."""
        for step in ctx.model.steps:
            if step.type in GATEWAY_TYPES and len(ctx.index.incoming.get(step.id, [])) == 1 and len(
                    ctx.index.outgoing.get(step.id, [])) == 1:
                yield self.report(step.id, self._msg, id=step.id)
