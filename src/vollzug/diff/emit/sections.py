"""Berichtsabschnitte: the language-specific content shared by the text, Markdown and HTML emitters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vollzug.diff import messages as m_
from vollzug.diff import values as v_
from vollzug.diff.changes import AttrChange, DiffResult
from vollzug.i18n import Lang, Msg
from vollzug.locale import format_currency, format_decimal, format_fte, format_signed

MAX_BEHAVIOUR_LINES = 60
"""Behavioural deltas listed before the rest is summarised."""

_MORE = Msg("… und {n} weitere", "… and {n} more")
_ID_MATCHES = Msg("{n} Elemente nach Id zugeordnet", "{n} elements matched by id")
_SPLIT = Msg("Aufteilung", "split")
_MERGE = Msg("Zusammenlegung", "merge")
_BANDS: dict[str, Msg] = {
    "sicher": Msg("sicher", "certain"), "wahrscheinlich": Msg("wahrscheinlich", "probable"),
    "unsicher": Msg("mögliche Entsprechung", "possible correspondence"),
}
"""Confidence bands of matches in reports."""


_FILES = Msg("{left}: {lfile}\n{right}: {rfile}", "{left}: {lfile}\n{right}: {rfile}")


@dataclass
class Section:
    """One report section: a key (for styling), a heading and its lines."""

    key: str
    heading: str
    lines: list[str] = field(default_factory=list)


def value(v: Any, lang: Lang = "de", limit: int = 120) -> str:
    """Readable display of a property value (see :mod:`vollzug.diff.values`)."""
    text = v_.show(v, lang)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def attr_line(a: AttrChange, lang: Lang = "de") -> str:
    """``Label: left → right``; for two mappings only the keys that differ."""
    return v_.attr_line(a, lang)


SIGNALS: dict[str, Msg] = {
    "label": Msg("Bezeichnung", "label"), "obligation": Msg("Pflichten", "obligations"), "lane": Msg("Lane", "lane"),
    "id": Msg("Id", "id"), "gateway_kind": Msg("Verzweigungsart", "gateway kind"), "type": Msg("Typ", "type"),
    "position": Msg("Position", "position"),
    "context": Msg("Umgebung", "context"), "type_factor": Msg("Typfaktor", "type factor"),
}
"""Names of the matching signals (``Match.signals`` keys) in reports."""


GROUP_MIN = 3
"""An activity whose relation to at least this many others changed the same way is reported in one line."""

_INVERT = {"sequence": "reverse", "reverse": "sequence"}


def behaviour_lines(result: DiffResult, lang: Lang) -> list[str]:
    """Behavioural deltas as sentences; an activity that moved against many others (e.g. participation running in
    parallel from the start instead of before everything) becomes one grouped sentence instead of one per pair."""
    remaining = list(range(len(result.behaviour_deltas)))
    lines: list[str] = []
    while True:
        groups: dict[tuple[str, str, str, str], list[tuple[int, str]]] = {}
        for i in remaining:
            d = result.behaviour_deltas[i]
            groups.setdefault((d.right_a, d.name_a, d.left_relation, d.right_relation), []).append((i, d.name_b))
            inverted = (_INVERT.get(d.left_relation, d.left_relation), _INVERT.get(d.right_relation, d.right_relation))
            groups.setdefault((d.right_b, d.name_b, *inverted), []).append((i, d.name_a))
        if not groups:
            break
        key, members = max(groups.items(), key=lambda kv: (len(kv[1]), kv[0]))
        if len(members) < GROUP_MIN:
            break
        _ident, name, lrel, rrel = key
        lines.append(m_.BEHAVIOUR_GROUP(
            lang, name=name, left=result.left_label, right=result.right_label, n=len(members),
            left_rel=m_.RELATION_TO[lrel](lang), right_rel=m_.RELATION_TO[rrel](lang),  # type: ignore[index]
            others=", ".join(f"„{other}“" if lang == "de" else f"“{other}”" for _i, other in members)))
        used = {i for i, _other in members}
        remaining = [i for i in remaining if i not in used]
    return lines + [result.behaviour_deltas[i].text.get(lang) for i in remaining]


def _amount(measure: str, amount: float | None, lang: Lang) -> str:
    if amount is None:
        return "—"
    if measure == "eur":
        return format_currency(amount, lang)
    return format_fte(amount, lang)


def _delta(measure: str, amount: float, lang: Lang) -> str:
    if measure == "eur":
        return ("+" if amount >= 0 else "-") + format_currency(abs(amount), lang)
    return format_signed(amount, lang)


def _resource_change(measure: str, left: float | None, right: float | None, lang: Lang) -> str:
    if measure == "presence":
        return f"{m_.PRESENCE[bool(left)](lang)} → {m_.PRESENCE[bool(right)](lang)}"
    return (f"{m_.MEASURE[measure](lang)} {_amount(measure, left, lang)} → {_amount(measure, right, lang)}"
            f" (Δ {_delta(measure, (right or 0) - (left or 0), lang)})")


def _label(ident: str, name: str, el_type: str) -> str:
    return f"[{el_type}] {ident}" + (f" „{name}“" if name else "")


def build(result: DiffResult, lang: Lang) -> tuple[str, list[Section]]:
    """Title and the non-empty sections of a report."""
    fmt = {"left": result.left_label, "right": result.right_label}
    title = m_.HEADINGS["title"](lang, **fmt)
    out: list[Section] = []
    sim = result.similarity
    sim_line = ", ".join(f"{m_.SIMILARITY_NAMES[k](lang)} {format_decimal(getattr(sim, k), lang)}"
                         for k in ("overall", "node", "structural", "behavioural"))
    out.append(Section("similarity", m_.HEADINGS["similarity"](lang),
                       [_FILES(lang, lfile=result.left_file or "—", rfile=result.right_file or "—", **fmt), sim_line]))
    if result.equal:
        out.append(Section("equal", m_.HEADINGS["equal"](lang)))
    out.append(Section("removed", m_.HEADINGS["removed"](lang, **fmt),
                       [_label(e.id, e.name, e.type) for e in result.removed]))
    out.append(Section("added", m_.HEADINGS["added"](lang, **fmt),
                       [_label(e.id, e.name, e.type) for e in result.added]))
    changed: list[str] = []
    for c in result.changed:
        head = _label(c.id, c.name, c.type) + (f" ({result.left_label}: {c.left_id})" if c.left_id != c.id else "")
        changed.append(head)
        changed.extend("    " + attr_line(a, lang) for a in c.attrs)
    out.append(Section("changed", m_.HEADINGS["changed"](lang), changed))
    out.append(Section("layout_changed", m_.HEADINGS["layout_changed"](lang),
                       [_label(e.id, e.name, e.type) + ": " + ", ".join(a.path for a in e.attrs)
                        for e in result.layout_changed]))
    out.append(Section("reconnected", m_.HEADINGS["reconnected"](lang),
                       [f"{r.id}: {r.left_source} → {r.left_target}  ⇒  {r.right_source} → {r.right_target}"
                        for r in result.reconnected]))
    shifts: list[str] = []
    for s in result.responsibility_shifts:
        if s.lane_moved:
            shifts.append(m_.SHIFT(lang, name=s.name, left_lane=s.left_lane_name or "—",
                                   right_lane=s.right_lane_name or "—"))
        else:
            shifts.append(m_.SHIFT_SAME_LANE(lang, name=s.name, lane=s.right_lane_name or "—"))
        if s.accountable_changed:
            shifts.append("    " + m_.ACCOUNTABLE(lang, left=", ".join(s.left_accountable_names) or "—",
                                                 right=", ".join(s.right_accountable_names) or "—"))
        if s.responsible_changed:
            shifts.append("    " + m_.RESPONSIBLE(lang, left=", ".join(s.left_responsible_names) or "—",
                                                 right=", ".join(s.right_responsible_names) or "—"))
        others = [f"+{p}" for p in s.raci_added if not p.endswith((":A", ":R"))]
        others += [f"−{p}" for p in s.raci_removed if not p.endswith((":A", ":R"))]
        if others:
            shifts.append("    " + m_.CONSULTED(lang, changes=", ".join(others)))
    out.append(Section("responsibility", m_.HEADINGS["responsibility"](lang), shifts))
    res = [f"„{d.step_name or d.step}“: {m_.RESOURCE_KIND.get(d.kind, Msg(d.kind, d.kind))(lang)}"
           + (f" „{d.name}“" if d.name else "")
           + f": {_resource_change(d.measure, d.left, d.right, lang)}"
           for d in result.resource_deltas]
    t = result.resource_totals
    if res or t.left_fte != t.right_fte or t.left_eur != t.right_eur:
        res.append(m_.TOTALS(lang, left_fte=format_fte(t.left_fte, lang), right_fte=format_fte(t.right_fte, lang),
                            left_eur=format_currency(t.left_eur, lang), right_eur=format_currency(t.right_eur, lang)))
    out.append(Section("resources", m_.HEADINGS["resources"](lang), res))
    out.append(Section("domain", m_.HEADINGS["domain"](lang), [d.text.get(lang) for d in result.domain_deltas]))
    beh = behaviour_lines(result, lang)
    if len(beh) > MAX_BEHAVIOUR_LINES:
        beh = [*beh[:MAX_BEHAVIOUR_LINES], _MORE(lang, n=len(beh) - MAX_BEHAVIOUR_LINES)]
    out.append(Section("behaviour", m_.HEADINGS["behaviour"](lang), beh))
    if result.match_mode == "auto":
        lines: list[str] = []
        possible: list[str] = []
        for m in result.matches:
            kind = {"split": f" [{_SPLIT(lang)}]", "merge": f" [{_MERGE(lang)}]"}.get(m.kind, "")
            signals = ", ".join(f"{SIGNALS.get(k, Msg(k, k))(lang)} {format_decimal(v, lang)}"
                                for k, v in m.signals.items())
            band = _BANDS[m.confidence or "sicher"](lang)
            line = f"{m.left} ↔ {m.right}  {band} {format_decimal(m.score, lang)}{kind}  ({signals})"
            (possible if m.confidence == "unsicher" else lines).append(line)
        out.append(Section("matches", m_.HEADINGS["matches"](lang), lines))
        out.append(Section("possible", m_.HEADINGS["possible"](lang), possible))
        unmatched = [f"{result.left_label}: {', '.join(result.unmatched_left) or '—'}",
                     f"{result.right_label}: {', '.join(result.unmatched_right) or '—'}"]
        if result.unmatched_left or result.unmatched_right:
            out.append(Section("unmatched", m_.HEADINGS["unmatched"](lang), unmatched))
    else:
        out.append(Section("matches", m_.HEADINGS["matches"](lang), [_ID_MATCHES(lang, n=len(result.matches))]))
    return title, [s for s in out if s.lines or s.key == "equal"]
