"""BP004 implicit-split."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation
from vollzug.model.process import GATEWAY_TYPES


class ImplicitSplit(Rule):
    """A task or event splits the flow without a gateway."""

    code = "BP004"
    name = "implicit-split"
    summary = Msg("Implizite Verzweigung", "Implicit split")
    what = Msg(
        "Ein Schritt oder Ereignis hat mehr als einen ausgehenden Sequenzfluss ohne Bedingung.",
        "A task or event has more than one outgoing sequence flow without a condition.",
    )
    why = Msg(
        "Ob die Zweige parallel oder alternativ laufen, bleibt offen; ein Gateway macht es eindeutig.",
        "Whether the branches run in parallel or as alternatives stays open; a gateway makes it explicit.",
    )
    invalid = """steps:
  - {id: Task_1, name: Entwurf erstellen}
  - {id: Task_2, name: Öffentlichkeit beteiligen}
  - {id: Task_3, name: TöB beteiligen}
sequence_flows:
  - {id: F1, source: Task_1, target: Task_2}
  - {id: F2, source: Task_1, target: Task_3}"""
    valid = """steps:
  - {id: Task_1, name: Entwurf erstellen}
  - {id: Gw_1, type: parallelGateway}
  - {id: Task_2, name: Öffentlichkeit beteiligen}
  - {id: Task_3, name: TöB beteiligen}
sequence_flows:
  - {id: F0, source: Task_1, target: Gw_1}
  - {id: F1, source: Gw_1, target: Task_2}
  - {id: F2, source: Gw_1, target: Task_3}"""
    _msg = Msg(
        "„{name}“ verzweigt ohne Gateway in {count} Sequenzflüsse ohne Bedingung.",
        "'{name}' splits into {count} unconditioned sequence flows without a gateway.",
    )

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report non-gateway nodes with more than one unconditioned, non-default outgoing flow."""
        for step in ctx.model.steps:
            if step.type in GATEWAY_TYPES:
                continue
            plain = [f for f in ctx.index.outgoing.get(step.id, []) if not f.condition and not f.default]
            if len(plain) > 1:
                yield self.report(step.id, self._msg, name=step.name or step.id, count=len(plain))
