"""BP010 redundant-data-request."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation


class RedundantOptions(BaseModel):
    """Options of BP010."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    similarity: float = Field(default=80.0, ge=0, le=100)
    """Minimum token-set similarity (0–100) of the two message labels."""


class RedundantDataRequest(Rule):
    """The same data are requested twice from the same party for one obligation."""

    code = "BP010"
    name = "redundant-data-request"
    gap = "G15"
    options_model = RedundantOptions
    summary = Msg("Doppelte Datenanforderung", "Redundant data request")
    what = Msg(
        "Zwei Tätigkeiten derselben Pflicht empfangen vom selben externen Pool eine Nachricht mit (fast) gleicher "
        "Beschriftung (nacheinander oder parallel). Gemeldet wird die spätere Tätigkeit.",
        "Two activities of the same obligation receive a message with (almost) the same label from the same "
        "external pool (in sequence or in parallel). The later activity is reported.",
    )
    why = Msg(
        "Doppelt angeforderte Daten sind Doppelarbeit für Verwaltung und Auskunftspflichtige (Bundesrechnungshof: "
        "redundante Tätigkeiten).",
        "Requesting the same data twice is double work for the administration and for those obliged to provide "
        "it (federal audit office: redundant activities).",
    )
    invalid = """steps:
  - {id: Task_1, name: Daten anfordern, lane: GIS, obligations: [WPG.W06]}
  - {id: Task_2, name: Daten erneut abfragen, lane: Klimaschutz, obligations: [WPG.W06]}
sequence_flows:
  - {id: F1, source: Task_1, target: Task_2}
message_flows:
  - {id: M1, source: Netzbetreiber, target: Task_1, name: Verbrauchsdaten}
  - {id: M2, source: Netzbetreiber, target: Task_2, name: Verbrauchsdaten (zweite Lieferung)}"""
    valid = """steps:
  - {id: Task_1, name: Daten anfordern, lane: GIS, obligations: [WPG.W06]}
  - {id: Task_2, name: Daten an Klimaschutz weitergeben, lane: GIS, obligations: [WPG.W06]}
sequence_flows:
  - {id: F1, source: Task_1, target: Task_2}
message_flows:
  - {id: M1, source: Netzbetreiber, target: Task_1, name: Verbrauchsdaten}"""
    _msg = Msg("„{name}“ fordert „{message}“ von „{pool}“ erneut an (schon in „{first}“, Pflicht {obligation}).",
               "'{name}' requests '{message}' from '{pool}' again (already in '{first}', obligation {obligation}).")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report the later of two steps receiving similar messages from one pool for one obligation."""
        opts = self.options
        assert isinstance(opts, RedundantOptions)
        pools = {p.id: p.name for p in ctx.model.pools if p.stakeholder}
        received: list[tuple[str, str, str]] = []  # (step, pool, label)
        for flow in ctx.model.message_flows:
            if flow.source in pools and flow.target in ctx.index.steps and flow.name.strip():
                received.append((flow.target, flow.source, flow.name))
        reported: set[str] = set()
        for i, (first, pool, label) in enumerate(received):
            for later, pool2, label2 in received[i + 1:]:
                if pool2 != pool or later == first or later in reported:
                    continue
                shared = set(ctx.index.steps[first].obligations) & set(ctx.index.steps[later].obligations)
                if not shared or fuzz.token_set_ratio(label, label2) < opts.similarity:
                    continue
                backwards = first in ctx.index.reachable(later) and later not in ctx.index.reachable(first)
                a, b = (later, first) if backwards else (first, later)
                if b not in reported:
                    reported.add(b)
                    yield self.report(b, self._msg, name=ctx.index.steps[b].name or b, message=label2,
                                      pool=pools[pool], first=ctx.index.steps[a].name or a,
                                      obligation=sorted(shared)[0])
