"""DL001 missing-legal-deadline."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation
from vollzug.lint.rules._deadlines import checked_rules
from vollzug.lint.rules._lawutil import obligation_steps
from vollzug.locale import format_date
from vollzug.model.law import DeadlineRule
from vollzug.model.process import Step


def _satisfied(rule: DeadlineRule, steps: list[Step]) -> bool:
    deadlines = [d for s in steps for d in s.deadlines]
    timers = [s.event for s in steps if s.event is not None and s.event.kind == "timer"]
    if rule.kind == "fixed":
        return any(d.date for d in deadlines if d.kind == "legal") or any(t.timer_type == "date" for t in timers)
    if rule.kind == "recurring":
        return bool(timers) or any(d.duration for d in deadlines if d.kind == "legal")
    if rule.kind == "relative":
        return any(d.duration for d in deadlines) or any(t.timer_type == "duration" for t in timers)
    return any(d.term or d.duration or d.date for d in deadlines) or bool(timers)


def _describe(rule: DeadlineRule) -> tuple[str, str]:
    if rule.kind == "fixed":
        return format_date(rule.date, "de"), format_date(rule.date, "en")
    if rule.kind == "recurring":
        return f"wiederkehrend {rule.every}", f"recurring {rule.every}"
    if rule.kind == "relative":
        return f"{rule.duration} nach {rule.after}", f"{rule.duration} after {rule.after}"
    return f"„{rule.term}“", f"'{rule.term}'"


class MissingLegalDeadline(Rule):
    """A legal deadline of a modelled obligation has no deadline attribute or timer."""

    code = "DL001"
    name = "missing-legal-deadline"
    gap = "G09"
    needs_catalogue = True
    summary = Msg("Gesetzliche Frist fehlt", "Legal deadline missing")
    what = Msg(
        "Für eine abgebildete Pflicht setzt der Katalog eine Frist, die für die Kommune gilt (z. B. § 4 Abs. 2 WPG "
        "nach Einwohnerzahl), aber keiner ihrer Schritte (einschließlich angehefteter Ereignisse) trägt sie: "
        "feste Frist → gesetzliche Frist mit Datum oder Zeitgeber mit Datum; wiederkehrende Frist (§ 25 WPG) → "
        "Zeitgeber oder gesetzliche Frist mit Dauer; relative Frist (3 Monate, 10 Tage) → Frist mit Dauer oder "
        "Zeitgeber mit Dauer. Welche Pflichten geprüft werden, steht in `checks.yaml` (`legal_deadlines`); sonst "
        "alle mit fester, relativer oder wiederkehrender Frist. Gemeldet wird am letzten Schritt der Pflicht. "
        "Unbestimmte Fristen („unverzüglich“) werden nur "
        "geprüft, wenn `legal_deadlines` die Pflicht nennt; Mindestfristen (`minimum: true`, z. B. Auslegungsdauer) "
        "nie.",
        "For a modelled obligation the catalogue sets a deadline that applies to the municipality (e.g. § 4 Abs. 2 "
        "WPG by population), but none of its steps (including attached events) carries it: fixed deadline → legal "
        "deadline with a date or a date timer; recurring deadline (§ 25 WPG) → a timer or a legal deadline with a "
        "duration; relative deadline (3 months, 10 days) → a deadline with a duration or a duration timer. Which "
        "obligations are checked is set in `checks.yaml` (`legal_deadlines`); by default all with a fixed, relative "
        "or recurring deadline. The finding is reported at the obligation's last step. "
        "Indefinite terms ('unverzüglich') are checked only if `legal_deadlines` lists "
        "the obligation; minimum periods (`minimum: true`, e.g. the inspection period) never.",
    )
    why = Msg(
        "Eine Frist, die nicht im Modell steht, wird nicht überwacht; Fristversäumnisse sind ein Vollzugsrisiko.",
        "A deadline that is not in the model is not monitored; missed deadlines are a risk of execution.",
    )
    invalid = """law: WPG
municipality: {ags: "05566084", name: Saerbeck, kind: Gemeinde,
               population: {count: 7400, reference_date: 2024-01-01}}
steps:
  - {id: Task_15, name: Wärmeplan beschließen, obligations: [WPG.W15]}"""
    valid = """steps:
  - {id: Task_15, name: Wärmeplan beschließen, obligations: [WPG.W15],
     deadlines: [{kind: legal, date: 2028-06-30, citation: "§ 4 Abs. 2 Satz 1 Nr. 2 WPG"}]}"""
    _msg = Msg("Pflicht {obligation}: gesetzliche Frist {deadline} ist nicht modelliert (kein Fristattribut, kein "
               "Zeitgeber).",
               "Obligation {obligation}: legal deadline {deadline_en} is not modelled (no deadline attribute, no "
               "timer).")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report each deadline rule in force that no step of its obligation carries."""
        for obligation in ctx.applicable:
            step_ids = obligation_steps(ctx, obligation.id)
            if not step_ids:
                continue
            steps = [ctx.index.steps[s] for s in step_ids]
            for rule in checked_rules(ctx, obligation):
                if rule.kind == "relative" and rule.minimum:
                    continue  # a minimum period (e.g. a comment period) is a lower bound, not a deadline to miss
                if not _satisfied(rule, steps):
                    de, en = _describe(rule)
                    own = ctx.index.steps_by_obligation.get(obligation.id, [])
                    yield self.report(own[-1].id if own else step_ids[0], self._msg, rule.citation or None,
                                      obligation=obligation.id, deadline=de, deadline_en=en)
