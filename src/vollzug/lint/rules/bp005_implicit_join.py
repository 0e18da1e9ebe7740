"""BP005 implicit-join."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation
from vollzug.model.process import GATEWAY_TYPES


class ImplicitJoin(Rule):
    """A task or event joins several flows without a gateway."""

    code = "BP005"
    name = "implicit-join"
    summary = Msg("Implizite Zusammenführung", "Implicit join")
    what = Msg(
        "Ein Schritt oder Ereignis hat mehr als einen eingehenden Sequenzfluss.",
        "A task or event has more than one incoming sequence flow.",
    )
    why = Msg(
        "Ob auf alle Zweige gewartet wird, bleibt offen; ein Gateway macht es eindeutig.",
        "Whether all branches are awaited stays open; a gateway makes it explicit.",
    )
    invalid = """steps:
  - {id: Task_2, name: Öffentlichkeit beteiligen}
  - {id: Task_3, name: TöB beteiligen}
  - {id: Task_4, name: Stellungnahmen abwägen}
sequence_flows:
  - {id: F1, source: Task_2, target: Task_4}
  - {id: F2, source: Task_3, target: Task_4}"""
    valid = """steps:
  - {id: Task_2, name: Öffentlichkeit beteiligen}
  - {id: Task_3, name: TöB beteiligen}
  - {id: Gw_2, type: parallelGateway}
  - {id: Task_4, name: Stellungnahmen abwägen}
sequence_flows:
  - {id: F1, source: Task_2, target: Gw_2}
  - {id: F2, source: Task_3, target: Gw_2}
  - {id: F3, source: Gw_2, target: Task_4}"""
    _msg = Msg(
        "„{name}“ führt {count} Sequenzflüsse ohne Gateway zusammen.",
        "'{name}' joins {count} sequence flows without a gateway.",
    )

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report non-gateway nodes with more than one incoming flow."""
        for step in ctx.model.steps:
            incoming = ctx.index.incoming.get(step.id, [])
            if step.type not in GATEWAY_TYPES and len(incoming) > 1:
                yield self.report(step.id, self._msg, name=step.name or step.id, count=len(incoming))
