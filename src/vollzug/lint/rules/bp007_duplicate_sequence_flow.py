"""BP007 duplicate-sequence-flow."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation


class DuplicateSequenceFlow(Rule):
    """Two sequence flows connect the same nodes with the same condition."""

    code = "BP007"
    name = "duplicate-sequence-flow"
    summary = Msg("Doppelter Sequenzfluss", "Duplicate sequence flow")
    what = Msg(
        "Zwei Sequenzflüsse verbinden dieselben Knoten mit derselben (oder keiner) Bedingung.",
        "Two sequence flows connect the same nodes with the same (or no) condition.",
    )
    why = Msg(
        "Doppelte Kanten erzeugen doppelte Token: der Folgeschritt läuft zweimal.",
        "Duplicate edges create duplicate tokens: the next step runs twice.",
    )
    invalid = """sequence_flows:
  - {id: F1, source: Task_1, target: Task_2}
  - {id: F2, source: Task_1, target: Task_2}"""
    valid = """sequence_flows:
  - {id: F1, source: Task_1, target: Task_2}"""
    _msg = Msg(
        "Sequenzfluss {id} doppelt {other} ({source} → {target}).",
        "Sequence flow {id} duplicates {other} ({source} → {target}).",
    )

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report every flow after the first with the same source, target and condition."""
        seen: dict[tuple[str, str, str | None], str] = {}
        for flow in ctx.model.sequence_flows:
            key = (flow.source, flow.target, flow.condition)
            if key in seen:
                yield self.report(flow.id, self._msg, id=flow.id, other=seen[key], source=flow.source,
                                  target=flow.target)
            else:
                seen[key] = flow.id
