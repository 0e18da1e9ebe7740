"""Fachliche Deltas: responsibility shifts, resources, stakeholders, notifications, deadlines and obligations."""

from __future__ import annotations

from collections.abc import Mapping

from rapidfuzz import fuzz

from vollzug.diff import messages as m_
from vollzug.diff.changes import (
    DomainDelta,
    ResourceDelta,
    ResourceTotals,
    ResponsibilityShift,
)
from vollzug.diff.elements import plain
from vollzug.diff.normalize import fold
from vollzug.diff.values import path_label, show
from vollzug.glossary import term
from vollzug.i18n import Text
from vollzug.model.process import OperationalModel, Step
from vollzug.model.resources import (
    BudgetResource,
    DataSourceResource,
    ExternalServiceResource,
    ItSystemResource,
    StaffResource,
    staff_and_money,
)


def _kind_name(kind: str) -> Text:
    """A stakeholder kind by its glossary name in both languages (the id where the glossary has none)."""
    return Text(de=term(f"stakeholder.{kind}", "de", default=kind), en=term(f"stakeholder.{kind}", "en", default=kind))


def _involvement(value: str) -> Text:
    key = f"involvement.{value}"
    return Text(de=term(key, "de", default=value), en=term(key, "en", default=value))


def _letters(step: Step, letter: str) -> tuple[str, ...]:
    return tuple(sorted(r.party for r in step.raci if r.letter == letter))


def responsibility_shifts(
    left: OperationalModel, right: OperationalModel, pairs: list[tuple[Step, Step]], units: Mapping[str, str]
) -> list[ResponsibilityShift]:
    """Steps whose lane (translated through the unit mapping ``units``) or whose A/R parties changed."""
    lnames = {u.id: u.name for u in left.org_units} | {r.id: r.name for r in left.roles}
    rnames = {u.id: u.name for u in right.org_units} | {r.id: r.name for r in right.roles}
    out: list[ResponsibilityShift] = []
    for ls, rs in pairs:
        lane_moved = units.get(ls.lane or "", ls.lane) != rs.lane
        lraci = {f"{units.get(r.party, r.party)}:{r.letter}" for r in ls.raci}
        rraci = {f"{r.party}:{r.letter}" for r in rs.raci}
        if not lane_moved and lraci == rraci:
            continue
        la, ra, lr, rr = _letters(ls, "A"), _letters(rs, "A"), _letters(ls, "R"), _letters(rs, "R")
        out.append(ResponsibilityShift(
            id=rs.id, left_id=ls.id, name=rs.name or ls.name, left_lane=ls.lane, right_lane=rs.lane,
            left_lane_name=lnames.get(ls.lane or "", ls.lane or ""),
            right_lane_name=rnames.get(rs.lane or "", rs.lane or ""),
            left_accountable=la, right_accountable=ra, left_responsible=lr, right_responsible=rr,
            raci_added=tuple(sorted(rraci - lraci)), raci_removed=tuple(sorted(lraci - rraci)),
            lane_moved=lane_moved,
            accountable_changed=sorted(units.get(p, p) for p in la) != sorted(ra),
            responsible_changed=sorted(units.get(p, p) for p in lr) != sorted(rr),
            left_accountable_names=tuple(lnames.get(p, p) for p in la),
            right_accountable_names=tuple(rnames.get(p, p) for p in ra),
            left_responsible_names=tuple(lnames.get(p, p) for p in lr),
            right_responsible_names=tuple(rnames.get(p, p) for p in rr),
        ))
    return out


def _measures(step: Step) -> dict[tuple[str, str, str], float]:
    """(kind, name, measure) → value for every resource of a step (same kind+name summed)."""
    out: dict[tuple[str, str, str], float] = {}
    key: tuple[str, str, str]
    for res in step.resources:
        if isinstance(res, StaffResource):  # unnamed staff is named by its unit (else the step's lane)
            key, value = (res.kind, res.name or res.unit or step.lane or "", "fte"), res.fte
        elif isinstance(res, BudgetResource):
            key, value = (res.kind, res.name, "eur"), res.eur
        elif isinstance(res, ExternalServiceResource):
            key, value = (res.kind, res.name or (res.provider or ""), "eur"), res.eur or 0.0
        else:
            key, value = (res.kind, res.name, "presence"), 1.0
        out[key] = out.get(key, 0.0) + value
    return out


def _pair_by_kind(lm: dict[tuple[str, str, str], float], rm: dict[tuple[str, str, str], float]) -> None:
    """Rename left resources to their right partner: the only one of its kind on each side, or a name that contains
    the other's words ("GIS" ~ "GIS (Geodateninfrastruktur)")."""
    for kind in sorted({k[0] for k in lm} & {k[0] for k in rm}):
        lonly = sorted(k for k in lm if k[0] == kind and k not in rm)
        ronly = sorted(k for k in rm if k[0] == kind and k not in lm)
        if len(lonly) == 1 and len(ronly) == 1 and lonly[0][2] == ronly[0][2]:
            lm[ronly[0]] = lm.pop(lonly[0])
            continue
        for lk in lonly:
            for rk in ronly:
                if rk not in lm and lk[2] == rk[2] and fuzz.token_set_ratio(fold(lk[1]), fold(rk[1])) >= 90:
                    lm[rk] = lm.pop(lk)
                    break


def resource_deltas(pairs: list[tuple[Step | None, Step | None]]) -> list[ResourceDelta]:
    """Per step pair (either side may be None for added/removed steps): resources that differ.

    Resources pair by kind and name; a single resource of a kind on each side pairs even if renamed.
    """
    out: list[ResourceDelta] = []
    for ls, rs in pairs:
        lm = _measures(ls) if ls else {}
        rm = _measures(rs) if rs else {}
        _pair_by_kind(lm, rm)
        step_id = rs.id if rs else ls.id if ls else "?"
        step_name = (rs.name if rs else "") or (ls.name if ls else "")
        for key in sorted(set(lm) | set(rm)):
            lv, rv = lm.get(key), rm.get(key)
            if lv is not None and rv is not None and abs(lv - rv) < 1e-9:
                continue
            out.append(ResourceDelta(step=step_id, step_name=step_name, kind=key[0], name=key[1], measure=key[2],
                                     left=lv, right=rv, delta=round((rv or 0.0) - (lv or 0.0), 6)))
    return out


def resource_totals(left: OperationalModel, right: OperationalModel) -> ResourceTotals:
    """FTE and EUR totals; IT systems and data sources present on one side only."""
    def totals(model: OperationalModel) -> tuple[float, float, set[str], set[str]]:
        fte = eur = 0.0
        it: set[str] = set()
        ds: set[str] = set()
        for step in model.steps:
            for res in step.resources:
                staff, money = staff_and_money(res)
                fte += staff
                eur += money
                if isinstance(res, ItSystemResource):
                    it.add(res.name)
                elif isinstance(res, DataSourceResource):
                    ds.add(res.name)
        return round(fte, 6), round(eur, 2), it, ds

    lf, le, lit, lds = totals(left)
    rf, re_, rit, rds = totals(right)
    return ResourceTotals(left_fte=lf, right_fte=rf, left_eur=le, right_eur=re_,
                          it_systems_added=tuple(sorted(rit - lit)), it_systems_removed=tuple(sorted(lit - rit)),
                          data_sources_added=tuple(sorted(rds - lds)), data_sources_removed=tuple(sorted(lds - rds)))


def stakeholder_deltas(left: OperationalModel, right: OperationalModel) -> list[DomainDelta]:
    """Stakeholders by kind (then id): added, removed, involvement changed."""
    def keyed(model: OperationalModel) -> dict[str, tuple[str, str, str, str]]:
        out: dict[str, tuple[str, str, str, str]] = {}
        for s in model.stakeholders:
            out.setdefault(s.kind if s.kind else s.id, (s.id, s.name, s.kind, s.involvement))
        return out

    lk, rk = keyed(left), keyed(right)
    out: list[DomainDelta] = []
    for kind in sorted(set(lk) | set(rk)):
        a, b = lk.get(kind), rk.get(kind)
        if a and not b:
            out.append(DomainDelta(kind="stakeholder", change="removed", element=a[0], subject=kind, left=a[3],
                                   text=Text.of(m_.STAKEHOLDER_REMOVED, name=a[1], kind=_kind_name(kind))))
        elif b and not a:
            out.append(DomainDelta(kind="stakeholder", change="added", element=b[0], subject=kind, right=b[3],
                                   text=Text.of(m_.STAKEHOLDER_ADDED, name=b[1], kind=_kind_name(kind))))
        elif a and b and a[3] != b[3]:
            out.append(DomainDelta(kind="stakeholder", change="changed", element=b[0], subject=kind, left=a[3],
                                   right=b[3], text=Text.of(m_.INVOLVEMENT_CHANGED, name=b[1], left=_involvement(a[3]),
                                                            right=_involvement(b[3]))))
    return out


def step_deltas(pairs: list[tuple[Step | None, Step | None]],
                step_map: Mapping[str, str] | None = None) -> list[DomainDelta]:
    """Notification, deadline, obligation and citation differences of step pairs.

    Left deadlines are compared with their ``after`` step translated through ``step_map`` (left → right step id),
    so "3 months after the update" is the same deadline in two towns whose update steps have different ids.
    """
    mapping = step_map or {}
    out: list[DomainDelta] = []
    for ls, rs in pairs:
        step = rs or ls
        if step is None:
            continue
        name = step.name or step.id
        lo, ro = set(ls.obligations) if ls else set(), set(rs.obligations) if rs else set()
        for ob in sorted(ro - lo):
            out.append(DomainDelta(kind="obligation", change="added", element=step.id, subject=ob, right=ob,
                                   text=Text.of(m_.OBLIGATION_ADDED, name=name, subject=ob)))
        for ob in sorted(lo - ro):
            out.append(DomainDelta(kind="obligation", change="removed", element=step.id, subject=ob, left=ob,
                                   text=Text.of(m_.OBLIGATION_REMOVED, name=name, subject=ob)))
        lc, rc = set(ls.citations) if ls else set(), set(rs.citations) if rs else set()
        for c in sorted(rc - lc):
            out.append(DomainDelta(kind="citation", change="added", element=step.id, subject=c, right=c,
                                   text=Text.of(m_.CITATION_ADDED, name=name, subject=c)))
        for c in sorted(lc - rc):
            out.append(DomainDelta(kind="citation", change="removed", element=step.id, subject=c, left=c,
                                   text=Text.of(m_.CITATION_REMOVED, name=name, subject=c)))
        ld = {_deadline_text(d, mapping): plain(d) for d in (ls.deadlines if ls else ())}
        rd = {_deadline_text(d): plain(d) for d in (rs.deadlines if rs else ())}
        for key in sorted(set(rd) - set(ld)):
            out.append(DomainDelta(kind="deadline", change="added", element=step.id, subject=key, right=rd[key],
                                   text=Text.of(m_.DEADLINE_ADDED, name=name, value=_deadline_words(rd[key]))))
        for key in sorted(set(ld) - set(rd)):
            out.append(DomainDelta(kind="deadline", change="removed", element=step.id, subject=key, left=ld[key],
                                   text=Text.of(m_.DEADLINE_REMOVED, name=name, value=_deadline_words(ld[key]))))
        out += _notification_delta(ls, rs, step.id, name)
    return out


def _deadline_words(value: object) -> Text:
    """A deadline as a person reads it ("geplant 14 Tag(e) nach …"), in both languages."""
    return Text(de=show(value, "de", "deadlines"), en=show(value, "en", "deadlines"))


def _deadline_text(d: object, mapping: Mapping[str, str] | None = None) -> str:
    values = plain(d)
    if mapping and isinstance(values.get("after"), str):
        values["after"] = mapping.get(values["after"], values["after"])
    return ", ".join(f"{k}={v}" for k, v in sorted(values.items()))


def _notification_delta(ls: Step | None, rs: Step | None, element: str, name: str) -> list[DomainDelta]:
    ln = ls.notification if ls else None
    rn = rs.notification if rs else None
    if ln == rn:
        return []
    if ln is None and rn is not None:
        return [DomainDelta(kind="notification", change="added", element=element, subject="notification",
                            right=plain(rn), text=Text.of(m_.NOTIFICATION_ADDED, name=name, channel=rn.channel))]
    if rn is None and ln is not None:
        return [DomainDelta(kind="notification", change="removed", element=element, subject="notification",
                            left=plain(ln), text=Text.of(m_.NOTIFICATION_REMOVED, name=name, channel=ln.channel))]
    lp, rp = plain(ln), plain(rn)
    keys = [k for k in sorted(set(lp) | set(rp)) if lp.get(k) != rp.get(k)]
    what = Text(de=", ".join(path_label(k, "de") for k in keys), en=", ".join(path_label(k, "en") for k in keys))
    return [DomainDelta(kind="notification", change="changed", element=element, subject="notification", left=lp,
                        right=rp, text=Text.of(m_.NOTIFICATION_CHANGED, name=name, what=what))]


def message_flow_deltas(added: list[tuple[str, str, str, str]], removed: list[tuple[str, str, str, str]],
                        ) -> list[DomainDelta]:
    """Message flows (id, source, target, name) only on one side: stakeholder involvement added/dropped."""
    out: list[DomainDelta] = []
    for change, flows, msg in (("added", added, m_.MESSAGE_FLOW_ADDED), ("removed", removed, m_.MESSAGE_FLOW_REMOVED)):
        for ident, source, target, name in flows:
            label = f" ({name})" if name else ""
            out.append(DomainDelta(kind="message_flow", change=change,
                                   element=ident, subject=f"{source}->{target}",
                                   left=None if change == "added" else f"{source}->{target}",
                                   right=f"{source}->{target}" if change == "added" else None,
                                   text=Text.of(msg, source=source, target=target, label=label)))
    return out
