"""RS003 missing-process-owner."""

from __future__ import annotations

from collections.abc import Iterator

from vollzug.i18n import Msg
from vollzug.lint.rule import Rule, RuleContext, Violation


class MissingProcessOwner(Rule):
    """The model names no process owner, or one that is not an org unit or role of the model."""

    code = "RS003"
    name = "missing-process-owner"
    gap = "G03"
    summary = Msg("Prozessverantwortung fehlt", "Missing process owner")
    what = Msg(
        "Das Modell nennt keine Prozessverantwortliche Stelle (`process_owner`) oder eine, die weder "
        "Organisationseinheit noch Rolle des Modells ist.",
        "The model names no process owner (`process_owner`), or one that is neither an org unit nor a role of "
        "the model.",
    )
    why = Msg(
        "Fehlende Prozessverantwortung für den gesamten Ablauf hat der Bundesrechnungshof als Kernmangel benannt.",
        "The federal audit office named missing end-to-end process ownership as a core weakness.",
    )
    invalid = """org_units:
  - {id: FB_Planung, name: FB Stadtentwicklung}"""
    valid = """process_owner: FB_Planung
org_units:
  - {id: FB_Planung, name: FB Stadtentwicklung}"""
    _missing = Msg("Das Modell nennt keine Prozessverantwortung (process_owner).",
                   "The model names no process owner (process_owner).")
    _unknown = Msg("Prozessverantwortung „{owner}“ ist weder Organisationseinheit noch Rolle des Modells.",
                   "Process owner '{owner}' is neither an org unit nor a role of the model.")

    def check(self, ctx: RuleContext) -> Iterator[Violation]:
        """Report a missing or unknown process owner at the process."""
        owner = ctx.model.process_owner
        if not owner:
            yield self.report(ctx.model.id, self._missing)
        elif owner not in ctx.index.org_unit_ids | {r.id for r in ctx.model.roles}:
            yield self.report(ctx.model.id, self._unknown, owner=owner)
