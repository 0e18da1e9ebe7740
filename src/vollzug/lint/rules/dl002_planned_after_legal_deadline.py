"""DL002 planned-after-legal-deadline."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation
from vollzug.lint.rules._deadlines import rules_in_force
from vollzug.locale import bilingual, format_date


class PlannedAfterLegalDeadline(Rule):
    """A planned date lies after the legal deadline."""

    code = "DL002"
    name = "planned-after-legal-deadline"
    severity = "error"
    gap = "G09"
    summary = Msg("Geplanter Termin nach gesetzlicher Frist", "Planned date after the legal deadline")
    what = Msg(
        "Ein geplanter Termin (`deadlines: [{kind: planned, date: …}]`) oder ein Zeitgeber mit Datum liegt nach der "
        "gesetzlichen Frist des Schritts: nach einer gesetzlichen Frist am Schritt selbst oder nach der festen "
        "Frist, die der Katalog für seine Pflicht und die Kommune festlegt.",
        "A planned date (`deadlines: [{kind: planned, date: …}]`) or a date timer lies after the step's legal "
        "deadline: after a legal deadline on the step itself, or after the fixed deadline the catalogue sets for "
        "its obligation and the municipality.",
    )
    why = Msg(
        "Wer einen Termin nach der Frist plant, hat das Fristversäumnis schon eingeplant (z. B. Beschluss nach "
        "dem 30.06.2028).",
        "Planning a date after the deadline plans the missed deadline (e.g. adoption after 30 June 2028).",
    )
    invalid = """law: WPG
steps:
  - {id: Task_15, name: Wärmeplan beschließen, obligations: [WPG.W15],
     deadlines: [{kind: legal, date: 2028-06-30}, {kind: planned, date: 2028-10-31}]}"""
    valid = """law: WPG
steps:
  - {id: Task_15, name: Wärmeplan beschließen, obligations: [WPG.W15],
     deadlines: [{kind: legal, date: 2028-06-30}, {kind: planned, date: 2028-03-31}]}"""
    _msg = Msg("„{name}“: geplanter Termin {planned} liegt nach der gesetzlichen Frist {legal}.",
               "'{name}': planned date {planned} is after the legal deadline {legal}.")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Compare planned dates with the earliest legal date of each step."""
        for step in ctx.model.steps:
            legal: list[tuple[dt.date, str | None]] = [(d.date, d.citation) for d in step.deadlines
                                                      if d.kind == "legal" and d.date]
            for oid in step.obligations:
                obligation = ctx.obligations.get(oid)
                for rule in rules_in_force(ctx, obligation) if obligation else []:
                    if rule.kind == "fixed":
                        legal.append((rule.date, rule.citation or None))
            if not legal:
                continue
            limit, citation = min(legal, key=lambda item: item[0])
            planned = [d.date for d in step.deadlines if d.kind == "planned" and d.date]
            if step.event and step.event.kind == "timer" and step.event.timer_type == "date" and step.event.timer:
                with contextlib.suppress(ValueError):
                    planned.append(dt.date.fromisoformat(step.event.timer[:10]))
            for date in planned:
                if date > limit:
                    yield self.report(step.id, self._msg, citation, name=step.name or step.id,
                                      planned=bilingual(format_date, date), legal=bilingual(format_date, limit))
