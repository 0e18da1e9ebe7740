"""Helpers shared by the obligation-based rules (not a rule module)."""

from __future__ import annotations

from vollzug.lint.rule import RuleContext
from vollzug.model.law import Obligation


def is_publication(ctx: RuleContext, obligation: Obligation) -> bool:
    """Whether ``obligation`` is a publication duty (kind ``publication`` or listed in ``checks.yaml``)."""
    return obligation.kind == "publication" or obligation.id in ctx.checks.publication


def expected(ctx: RuleContext) -> list[Obligation]:
    """Applicable obligations a municipal model must cover (not optional, not exempt in ``checks.yaml``)."""
    return [o for o in ctx.applicable if not o.optional and o.id not in ctx.checks.coverage_exempt]


def covered(ctx: RuleContext) -> set[str]:
    """Obligation ids some step of the model refers to."""
    return set(ctx.index.steps_by_obligation)


def first_citation(obligation: Obligation) -> str | None:
    """The obligation's first citation, if any."""
    return obligation.citations[0] if obligation.citations else None


def obligation_steps(ctx: RuleContext, obligation_id: str) -> list[str]:
    """Ids of the steps of an obligation plus the steps nested in them (sub-process children, boundary events)."""
    return ctx.index.obligation_steps(obligation_id)
