"""Darstellung von Katalogen: text, Markdown and JSON views for ``vollzug law list|show`` (one emitter per format)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from vollzug.glossary import term
from vollzug.i18n import Lang, Msg
from vollzug.model.law import (
    Catalogue,
    ChoiceCondition,
    Condition,
    DeadlineRule,
    FixedDeadline,
    LandOptionCondition,
    MunicipalityKindCondition,
    Obligation,
    PopulationCondition,
    PromptDeadline,
    RecurringDeadline,
)

__all__ = ["EMITTERS", "catalogue_summary", "obligation_rows", "render_catalogue", "render_list"]

_L = {
    "citations": Msg("Handlungsgrundlage", "Legal basis"),
    "kind": Msg("Pflichtart", "Kind"),
    "addressee": Msg("Adressat", "Addressee"),
    "deadlines": Msg("Fristen", "Deadlines"),
    "applicability": Msg("Anwendbarkeit", "Applicability"),
    "stakeholders": Msg("Beteiligte", "Stakeholders"),
    "outputs": Msg("Ergebnisse", "Outputs"),
    "depends_on": Msg("setzt voraus", "Depends on"),
    "personal_data": Msg("Datenschutz", "Data protection"),
    "note": Msg("Hinweis", "Note"),
    "unverified": Msg("[U] nicht verifiziert", "[U] unverified"),
    "optional": Msg("freiwillig", "optional"),
    "continuous": Msg("fortlaufend", "continuous"),
    "always": Msg("immer", "always"),
}
_OPS = {"lt": "<", "le": "≤", "gt": ">", "ge": "≥"}


def _num(value: int, lang: Lang) -> str:
    return f"{value:,}".replace(",", "." if lang == "de" else ",")


def _condition(cond: Condition, lang: Lang) -> str:
    if isinstance(cond, PopulationCondition):
        who = "Einwohner" if lang == "de" else "inhabitants"
        return f"{who} {_OPS[cond.op]} {_num(cond.value, lang)} ({cond.reference_date.isoformat()})"
    if isinstance(cond, LandOptionCondition):
        prefix = "Landesoption" if lang == "de" else "Land option"
        return f"{prefix} {term(f'land_option.{cond.option}', lang, default=cond.option)}"
    if isinstance(cond, MunicipalityKindCondition):
        return ("Kommunaltyp: " if lang == "de" else "municipality kind: ") + ", ".join(cond.kinds)
    assert isinstance(cond, ChoiceCondition)
    name = term(f"choice.{cond.choice}", lang, default=cond.choice)
    if cond.value:
        return ("Wahl: " if lang == "de" else "choice: ") + name
    return ("nicht gewählt: " if lang == "de" else "not chosen: ") + name


def _deadline(rule: DeadlineRule, lang: Lang) -> str:
    if isinstance(rule, FixedDeadline):
        text = rule.date.strftime("%d.%m.%Y") if lang == "de" else rule.date.isoformat()
    elif isinstance(rule, RecurringDeadline):
        text = ("alle " if lang == "de" else "every ") + rule.every
    elif isinstance(rule, PromptDeadline):
        text = term(f"deadline.{rule.term}", lang, default=rule.term)
    else:
        minimum = (term("deadline.minimum", lang) + " ") if rule.minimum else ""
        text = f"{minimum}{rule.duration} " + ("nach " if lang == "de" else "after ") + rule.after
    if rule.applies_if:
        text += " [" + ", ".join(_condition(c, lang) for c in rule.applies_if) + "]"
    return f"{text} ({rule.citation})" if rule.citation else text


def obligation_rows(ob: Obligation, catalogue: Catalogue, lang: Lang) -> list[tuple[str, str]]:
    """Label/value rows describing one obligation (empty values left out)."""
    stakeholders = []
    for req in ob.stakeholders:
        name = term(f"stakeholder.{req.stakeholder}", lang, default=req.stakeholder)
        extra = [term(f"involvement.{req.involvement}", lang)]
        if req.citation:
            extra.append(req.citation)
        if req.continuous:
            extra.append(_L["continuous"](lang))
        stakeholders.append(f"{name} ({', '.join(extra)})")
    addressee = catalogue.addressees.get(ob.addressee, ob.addressee) if lang == "de" else ob.addressee
    rows = [
        (_L["citations"](lang), "; ".join(ob.citations)),
        (_L["kind"](lang), term(f"obligation_kind.{ob.kind}", lang)),
        (_L["addressee"](lang), addressee),
        (_L["deadlines"](lang), "; ".join(_deadline(r, lang) for r in ob.deadlines)),
        (_L["applicability"](lang), "; ".join(_condition(c, lang) for c in ob.applicability) or _L["always"](lang)),
        (_L["stakeholders"](lang), "; ".join(stakeholders)),
        (_L["outputs"](lang), "; ".join(ob.outputs)),
        (_L["depends_on"](lang), ", ".join(ob.depends_on)),
        (_L["personal_data"](lang), term(f"personal_data.{ob.personal_data}", lang) if ob.personal_data != "allowed"
         else ""),
        (_L["note"](lang), ob.note),
    ]
    return [(label, value) for label, value in rows if value]


def _title(ob: Obligation, lang: Lang) -> str:
    title = ob.title_en if lang == "en" and ob.title_en else ob.title
    flags = [_L["optional"](lang)] if ob.optional else []
    if not ob.verified:
        flags.append(_L["unverified"](lang))
    return title + (f"  [{', '.join(flags)}]" if flags else "")


_QUOTE_LIMIT = 600


def cited_wording(ob: Obligation, catalogue: Catalogue) -> list[tuple[str, str]]:
    """(citation, wording) of the obligation's citations from the shipped texts, in the version the catalogue
    refers to; long texts are cut at 600 characters."""
    from vollzug.law.citation import CitationError, parse_citation
    from vollzug.law.grounding import catalogue_version
    from vollzug.law.texts import cited_text

    out = []
    for citation in ob.citations:
        try:
            law = parse_citation(citation).law or ""
        except CitationError:
            continue
        found = cited_text(citation, catalogue_version(catalogue, law))
        if found is not None:
            text = found.text if len(found.text) <= _QUOTE_LIMIT else found.text[: _QUOTE_LIMIT - 1] + "…"
            out.append((f"{citation} ({found.version})", text))
    return out


def _text(catalogue: Catalogue, lang: Lang) -> str:
    out = [f"{catalogue.id} – {catalogue.title}", ""]
    for law in catalogue.laws:
        version = law.versions[-1].title if law.versions else ""
        out.append(f"  {law.id}: {law.title}" + (f" – {version}" if version else ""))
    out.append("")
    for ob in catalogue.obligations:
        out.append(f"{ob.id}  {_title(ob, lang)}")
        out.extend(f"    {label}: {value}" for label, value in obligation_rows(ob, catalogue, lang))
        out.extend(f"    » {citation}: {text}" for citation, text in cited_wording(ob, catalogue))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _markdown(catalogue: Catalogue, lang: Lang) -> str:
    from vollzug.output.markdown import escape

    out = [f"# {escape(catalogue.id)} – {escape(catalogue.title)}", ""]
    for law in catalogue.laws:
        gazette = f" ({law.versions[-1].gazette})" if law.versions and law.versions[-1].gazette else ""
        out.append(f"- **{escape(law.id)}**: {escape(law.title + gazette)}")
    out.append("")
    for ob in catalogue.obligations:
        out.append(f"## {escape(ob.id)} {escape(_title(ob, lang))}")
        out.append("")
        out.extend(f"- **{escape(label)}:** {escape(value)}" for label, value in obligation_rows(ob, catalogue, lang))
        out.append("")
        for citation, text in cited_wording(ob, catalogue):  # the cited wording as a quote block
            out += [f"> **{citation}:** {text}", ""]
    return "\n".join(out).rstrip() + "\n"


def _json(catalogue: Catalogue, lang: Lang) -> str:
    return catalogue.model_dump_json(indent=2) + "\n"


EMITTERS: dict[str, Callable[[Catalogue, Lang], str]] = {"text": _text, "markdown": _markdown, "json": _json}
"""Output formats of ``vollzug law show``."""


def render_catalogue(catalogue: Catalogue, fmt: str = "text", lang: Lang = "de") -> str:
    """The catalogue in one output format."""
    return EMITTERS[fmt](catalogue, lang)


@dataclass(frozen=True)
class CatalogueSummary:
    """Kennzahlen eines Katalogs for ``vollzug law list``."""

    id: str
    title: str
    laws: tuple[str, ...]
    obligations: int
    unverified: int
    optional: int


def catalogue_summary(catalogue: Catalogue) -> CatalogueSummary:
    """Counts for one catalogue."""
    return CatalogueSummary(
        id=catalogue.id,
        title=catalogue.title,
        laws=tuple(law.id for law in catalogue.laws),
        obligations=len(catalogue.obligations),
        unverified=sum(1 for ob in catalogue.obligations if not ob.verified),
        optional=sum(1 for ob in catalogue.obligations if ob.optional),
    )


def render_list(catalogues: list[Catalogue], fmt: str = "text", lang: Lang = "de") -> str:
    """The ``law list`` table (text) or a JSON array."""
    rows = [catalogue_summary(c) for c in catalogues]
    if fmt == "json":
        return json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=2) + "\n"
    head = Msg("{id:<6} {n:>8} {u:>6}  {title} ({laws})", "{id:<6} {n:>8} {u:>6}  {title} ({laws})")
    header = ("ID", "Pflichten" if lang == "de" else "Obligat.", "[U]", "Titel" if lang == "de" else "Title")
    lines = [f"{header[0]:<6} {header[1]:>8} {header[2]:>6}  {header[3]}"]
    for r in rows:
        lines.append(head(lang, id=r.id, n=r.obligations, u=r.unverified, title=r.title, laws=", ".join(r.laws)))
    return "\n".join(lines) + "\n"
