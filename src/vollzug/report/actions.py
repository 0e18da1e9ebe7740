"""„Was ist zu tun“: per town, per obligation that is missing or deviating, the gap, the responsible unit, the cited
§ and the concrete change, sorted by legal deadline (earliest first; obligations without a fixed date after them in
catalogue order). The same list feeds the HTML town sections and ``actions.md``, ``actions.xlsx``, ``actions.json``.

The gap reasons come from the comparison (``vollzug.compare.cells``); each known reason becomes a sentence that says
what to change ("Beteiligung der Betreiber von Wärmenetzen fortlaufend vorsehen (§ 7 Abs. 2 Nr. 2 WPG)").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass

from vollzug.compare.results import Comparison, ComparisonSet, ObligationCell, TownResult
from vollzug.glossary import term
from vollzug.i18n import Lang, Msg, Text
from vollzug.law.present import _deadline as deadline_rule_text
from vollzug.model.law import Catalogue, FixedDeadline, Obligation
from vollzug.model.process import OperationalModel
from vollzug.model.resources import StaffResource
from vollzug.report.context import ReportContext
from vollzug.report.labels import STATUS

_S = {
    "introduce": Msg("Prozessschritt „{title}“ einführen", "Introduce a step “{title}”"),
    "introduce_unit": Msg("Prozessschritt „{title}“ einführen; im SOLL zuständig: {unit}",
                          "Introduce a step “{title}”; responsible in the SOLL: {unit}"),
    "shifted": Msg("Zuständigkeit verschoben: im SOLL bei {soll}, hier bei {ist} – angleichen oder begründen",
                   "Responsibility shifted: {soll} in the SOLL, {ist} here – align or justify"),
    "involve": Msg("{who} {how}beteiligen{cite}", "Involve {who}{how}{cite}"),
    "continuous": Msg("fortlaufend ", " continuously"),
    "resources": Msg("Personal und Mittel zuordnen{soll}", "Assign staff and budget{soll}"),
    "resources_soll": Msg(" (SOLL: {fte} VZÄ)", " (SOLL: {fte} FTE)"),
    "notify": Msg("Dienstanweisung fehlt: Beschäftigte über die Pflicht in Kenntnis setzen",
                  "No staff instruction: inform the staff of the duty"),
    "deadline": Msg("Frist {text} im Prozess festlegen", "Set the deadline {text} in the process"),
    "deadline_any": Msg("Frist im Prozess festlegen", "Set a deadline in the process"),
    "unit": Msg("Zuständige Organisationseinheit festlegen (R und A)", "Assign a responsible unit (R and A)"),
    "one_a": Msg("Genau eine verantwortliche Stelle (A) bestimmen", "Name exactly one accountable unit (A)"),
    "basis": Msg("Handlungsgrundlage am Schritt angeben: {citations}",
                 "State the legal basis on the step: {citations}"),
    "soll": Msg("laut SOLL: {unit}", "per SOLL: {unit}"),
    "no_deadline": Msg("ohne feste Frist", "no fixed date"),
}


@dataclass(frozen=True)
class Action:
    """One line of the action list."""

    town: str
    town_key: str
    law: str
    obligation: str
    title: str
    citations: str
    status: str
    status_label: str
    gap: str
    unit: str
    change: str
    deadline: str | None
    """ISO date of the legal deadline (fixed dates only)."""
    deadline_text: str
    """The deadline as the catalogue states it (also relative ones), in the report language."""


_REASON: dict[str, Msg] = {
    "nicht modelliert": Msg("nicht modelliert", "not modelled"),
    "keine Ressourcen zugeordnet": Msg("keine Ressourcen zugeordnet", "no resources assigned"),
    "Personal nicht in Kenntnis gesetzt": Msg("Personal nicht in Kenntnis gesetzt", "staff not notified"),
    "Frist nicht modelliert": Msg("Frist nicht modelliert", "deadline not modelled"),
    "keine Zuständigkeit": Msg("keine Zuständigkeit", "no responsible unit"),
    "mehrere Verantwortliche (A)": Msg("mehrere Verantwortliche (A)", "several accountable units (A)"),
    "keine Handlungsgrundlage": Msg("keine Handlungsgrundlage", "no legal basis"),
}
_MISSING_STAKEHOLDERS = Msg("Beteiligte fehlen: {names}", "stakeholders missing: {names}")
_OTHER_UNIT = Msg("andere Zuständigkeit als SOLL ({unit})", "responsibility differs from the SOLL ({unit})")
_UNITS: dict[str, tuple[str, str, str, str]] = {"Y": ("Jahr", "Jahre", "year", "years"),
                                                "M": ("Monat", "Monate", "month", "months"),
                                                "W": ("Woche", "Wochen", "week", "weeks"),
                                                "D": ("Tag", "Tage", "day", "days")}


def durations(text: str, lang: Lang) -> str:
    """ISO 8601 durations in a text as words: ``P3M`` → "3 Monate", ``P1Y`` → "1 Jahr"."""
    def word(found: re.Match[str]) -> str:
        n, unit = int(found.group(1)), _UNITS[found.group(2)]
        names = unit[:2] if lang == "de" else unit[2:]
        return f"{n} {names[0] if n == 1 else names[1]}"
    return re.sub(r"\bP(\d+)([YMWD])\b", word, text)


def gap_text(reason: Text | str, lang: Lang) -> str:
    """A compare reason for people: a bilingual reason in ``lang``; an older German-only reason translated (stakeholder
    kinds by their names, English wording with ``lang="en"``)."""
    if isinstance(reason, Text):
        return reason.get(lang)
    if reason.startswith("Beteiligte fehlen:"):
        kinds = [k.strip() for k in reason.partition(":")[2].split(",") if k.strip()]
        return _MISSING_STAKEHOLDERS(lang, names=", ".join(term(f"stakeholder.{k}", lang, default=k) for k in kinds))
    if reason.startswith("andere Zuständigkeit als SOLL"):
        found = re.search(r"\((.*)\)$", reason)
        return _OTHER_UNIT(lang, unit=found.group(1) if found else "–")
    key = "nicht modelliert" if reason.startswith("nicht modelliert") else reason
    msg = _REASON.get(key)
    return msg(lang) if msg is not None else reason


def _soll_facts(reference: OperationalModel | None, obligation: str) -> tuple[str, float]:
    """(responsible unit name, VZÄ) of an obligation in the reference SOLL."""
    if reference is None:
        return "", 0.0
    names = {u.id: u.name for u in reference.org_units}
    unit, fte = "", 0.0
    for step in reference.steps:
        if obligation not in step.obligations:
            continue
        fte += sum(r.fte for r in step.resources if isinstance(r, StaffResource))
        if not unit:
            raci = {r.letter: r.party for r in step.raci}
            party = raci.get("A") or raci.get("R") or step.lane or ""
            unit = names.get(party, party)
    return unit, fte


def _number(value: float, lang: Lang) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "de" else text


def _involve(kinds: str, ob: Obligation | None, lang: Lang) -> list[str]:
    out = []
    for kind in (k.strip() for k in kinds.split(",") if k.strip()):
        req = next((r for r in ob.stakeholders if r.stakeholder == kind), None) if ob else None
        how = _S["continuous"](lang) if req is not None and req.continuous else ""
        cite = f" ({req.citation})" if req is not None and req.citation else ""
        who = term(f"stakeholder.{kind}", lang, default=kind)
        out.append(_S["involve"](lang, who=who, how=how, cite=cite))
    return out


def _changes(cell: ObligationCell, ob: Obligation | None, title: str, soll_unit: str, soll_fte: float,
             deadline: str, lang: Lang) -> list[str]:
    out: list[str] = []
    for raw in cell.reasons:
        reason = raw.de if isinstance(raw, Text) else raw  # compare's German wording identifies the reason
        if reason.startswith("nicht modelliert"):
            out.append(_S["introduce_unit"](lang, title=title, unit=soll_unit) if soll_unit
                       else _S["introduce"](lang, title=title))
        elif reason.startswith("andere Zuständigkeit als SOLL"):
            found = re.search(r"\((.*)\)$", reason)
            out.append(_S["shifted"](lang, soll=found.group(1) if found else soll_unit,
                                     ist=cell.responsible_name or "–"))
        elif reason.startswith("Beteiligte fehlen:"):
            out.extend(_involve(reason.partition(":")[2], ob, lang))
        elif reason == "keine Ressourcen zugeordnet":
            soll = _S["resources_soll"](lang, fte=_number(soll_fte, lang)) if soll_fte else ""
            out.append(_S["resources"](lang, soll=soll))
        elif reason == "Personal nicht in Kenntnis gesetzt":
            out.append(_S["notify"](lang))
        elif reason == "Frist nicht modelliert":
            out.append(_S["deadline"](lang, text=deadline) if deadline else _S["deadline_any"](lang))
        elif reason == "keine Zuständigkeit":
            out.append(_S["unit"](lang))
        elif reason == "mehrere Verantwortliche (A)":
            out.append(_S["one_a"](lang))
        elif reason == "keine Handlungsgrundlage":
            out.append(_S["basis"](lang, citations="; ".join(ob.citations) if ob else "§"))
        else:
            out.append(raw.get(lang) if isinstance(raw, Text) else raw)
    return out


def _deadline(ob: Obligation | None, model: OperationalModel | None, lang: Lang) -> tuple[str | None, str]:
    """(ISO date or None, text) of the obligation's deadline for this town."""
    if ob is None or not ob.deadlines:
        return None, ""
    date: dt.date | None = None
    if model is not None and model.municipality is not None:
        from vollzug.law.applicability import deadline_for

        date = deadline_for(ob, model.municipality, land=())
    if date is None:
        plain = [r for r in ob.deadlines if isinstance(r, FixedDeadline) and not r.applies_if]
        date = plain[0].date if plain else None
    if date is not None:
        shown = date.strftime("%d.%m.%Y") if lang == "de" else date.isoformat()
        rule = next((r for r in ob.deadlines if isinstance(r, FixedDeadline) and r.date == date), None)
        return date.isoformat(), f"{shown} ({rule.citation})" if rule is not None and rule.citation else shown
    return None, durations(deadline_rule_text(ob.deadlines[0], lang), lang)


def town_actions(comparison: Comparison, town: TownResult, ctx: ReportContext, lang: Lang = "de") -> list[Action]:
    """The action list of one town, sorted by legal deadline, then catalogue order."""
    catalogue: Catalogue | None = ctx.catalogue(comparison.law)
    obligations = {o.id: o for o in catalogue.obligations} if catalogue else {}
    infos = {o.id: o for o in comparison.obligations}
    order = {o.id: i for i, o in enumerate(comparison.obligations)}
    reference = ctx.reference(comparison)
    model = ctx.town(town)
    out: list[Action] = []
    for cell in town.cells:
        if cell.status not in ("missing", "deviating"):
            continue
        info = infos.get(cell.obligation)
        ob = obligations.get(cell.obligation)
        title = (ob.title_en if lang == "en" and ob is not None and ob.title_en else info.title if info else "")
        soll_unit, soll_fte = _soll_facts(reference, cell.obligation)
        date, text = _deadline(ob, model, lang)
        unit = cell.responsible_name or (_S["soll"](lang, unit=soll_unit) if soll_unit else "–")
        out.append(Action(
            town=town.name, town_key=town.key, law=comparison.law, obligation=cell.obligation, title=title,
            citations="; ".join(info.citations if info else ()), status=cell.status,
            status_label=STATUS[cell.status](lang), gap="; ".join(gap_text(r, lang) for r in cell.reasons), unit=unit,
            change="; ".join(_changes(cell, ob, title, soll_unit, soll_fte, text, lang)),
            deadline=date, deadline_text=text or _S["no_deadline"](lang)))
    out.sort(key=lambda a: (a.deadline or "9999", order.get(a.obligation, 0)))
    return out


def all_actions(result: ComparisonSet, ctx: ReportContext, lang: Lang) -> list[Action]:
    """Every town's action list, law by law."""
    return [a for c in result.comparisons for town in c.towns for a in town_actions(c, town, ctx, lang)]


HEADER: dict[str, Msg] = {
    "deadline": Msg("Frist", "Deadline"), "obligation": Msg("Pflicht", "Obligation"),
    "title": Msg("Bezeichnung", "Title"), "citations": Msg("Norm", "Norm"), "status": Msg("Status", "Status"),
    "gap": Msg("Lücke", "Gap"), "unit": Msg("Zuständig", "Responsible"),
    "change": Msg("Was zu ändern ist", "What to change"), "town": Msg("Kommune", "Municipality"),
}
TITLE = Msg("Was ist zu tun", "What to do")
NOTHING = Msg("Keine offenen Punkte gegenüber dem SOLL.", "Nothing open against the SOLL.")
COLUMNS = ("deadline", "obligation", "title", "citations", "status", "gap", "unit", "change")


def row(action: Action, columns: tuple[str, ...] = COLUMNS) -> list[str]:
    """The cells of one action for a table (deadline as text)."""
    values: dict[str, Callable[[Action], str]] = {
        "deadline": lambda a: a.deadline_text, "status": lambda a: a.status_label, "town": lambda a: a.town}
    return [values[c](action) if c in values else str(getattr(action, c)) for c in columns]


def as_json(actions: list[Action]) -> list[dict[str, object]]:
    """The actions as JSON-ready records."""
    return [asdict(a) for a in actions]
