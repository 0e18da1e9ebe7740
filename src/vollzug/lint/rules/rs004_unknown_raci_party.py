"""RS004 unknown-raci-party."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation


class UnknownRaciParty(Rule):
    """A RACI assignment names a party that is not in the organisation."""

    code = "RS004"
    name = "unknown-raci-party"
    severity = "error"
    gap = "G01"
    summary = Msg("RACI-Zuordnung auf unbekannte Stelle", "RACI assignment to an unknown party")
    what = Msg(
        "Eine RACI-Zuordnung nennt eine Stelle, die weder Organisationseinheit, Rolle noch Beteiligte/r des "
        "Modells ist.",
        "A RACI assignment names a party that is neither an org unit, a role nor a stakeholder of the model.",
    )
    why = Msg(
        "Eine Zuständigkeit für eine Stelle, die es nicht gibt, ist keine Zuständigkeit (oft ein Tippfehler oder "
        "eine aufgelöste Einheit).",
        "Responsibility assigned to a unit that does not exist is none (often a typo or a dissolved unit).",
    )
    invalid = """org_units:
  - {id: FB_Planung, name: FB Stadtentwicklung}
steps:
  - {id: Task_1, name: Entwurf erstellen, lane: FB_Planung, raci: [{party: FB_Plannung, letter: A}]}"""
    valid = """org_units:
  - {id: FB_Planung, name: FB Stadtentwicklung}
steps:
  - {id: Task_1, name: Entwurf erstellen, lane: FB_Planung, raci: [{party: FB_Planung, letter: A}]}"""
    _msg = Msg("RACI „{letter}“ an „{name}“ nennt unbekannte Stelle „{party}“.",
               "RACI '{letter}' on '{name}' names unknown party '{party}'.")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report RACI parties not among org units, roles and stakeholders."""
        m = ctx.model
        known = ctx.index.org_unit_ids | {r.id for r in m.roles} | {s.id for s in m.stakeholders}
        for step in m.steps:
            for r in step.raci:
                if r.party not in known:
                    yield self.report(step.id, self._msg, letter=r.letter, name=step.name or step.id, party=r.party)
