"""Helpers of the deadline rules (not a rule module)."""

from __future__ import annotations

from vollzug.law.applicability import town_law
from vollzug.lint.rule import RuleContext
from vollzug.model.law import DeadlineRule, Obligation


def rules_in_force(ctx: RuleContext, obligation: Obligation) -> list[DeadlineRule]:
    """The obligation's deadline rules whose ``applies_if`` conditions hold for the model's municipality."""
    if ctx.catalogue is None:
        return []
    context = town_law(ctx.catalogue, ctx.model.municipality, ctx.model.choices)
    return [rule for rule in obligation.deadlines if all(context.holds(c) for c in rule.applies_if)]


def checked_rules(ctx: RuleContext, obligation: Obligation) -> list[DeadlineRule]:
    """Deadline rules DL001 requires to be modelled: all listed in ``checks.yaml`` (``legal_deadlines``), by
    default the fixed, relative and recurring ones."""
    rules = rules_in_force(ctx, obligation)
    listed = ctx.checks.legal_deadlines
    if listed is None:
        return [r for r in rules if r.kind != "prompt"]
    return rules if obligation.id in listed else []
