"""Paarbildung: from the step matches to a pairing of *all* elements (lanes, pools, flows, data, …).

With ``--match id`` every element pairs with the element of the same id. With ``--match auto`` the steps come from
the matchers, and the rest follows: lanes, roles, pools and data objects by name (optimal assignment over the
normalised names), stakeholders by kind, flows by their (translated) end points, the process with the process.
"""

from __future__ import annotations

import numpy as np

from vollzug.diff.elements import Element
from vollzug.diff.match.label import similarity
from vollzug.diff.normalize import normalized

NAME_THRESHOLD = 0.6
"""Smallest name similarity for pairing lanes, roles, pools and data objects."""
LANE_THRESHOLD = 0.45
"""Smallest blended name/member score for pairing lanes."""


def _by_name(left: list[Element], right: list[Element], vocab: frozenset[str],
             members: tuple[dict[str, set[str]], dict[str, set[str]]] | None = None) -> dict[str, str]:
    """Optimal assignment by name; for lanes the overlap of their (matched) steps counts too."""
    if not left or not right:
        return {}
    left = sorted(left, key=lambda e: e.id)
    right = sorted(right, key=lambda e: e.id)
    ln = [normalized(e.name or e.id, vocab) for e in left]
    rn = [normalized(e.name or e.id, vocab) for e in right]
    scores = np.array([[similarity(a, b) + (0.05 if le.id == re.id else 0.0) for b, re in zip(rn, right, strict=True)]
                       for a, le in zip(ln, left, strict=True)])
    if members is not None:
        lm, rm = members
        for i, le in enumerate(left):
            for j, re in enumerate(right):
                a, b = lm.get(le.id, set()), rm.get(re.id, set())
                if a or b:
                    scores[i, j] = 0.6 * scores[i, j] + 0.4 * len(a & b) / len(a | b)
    from scipy.optimize import linear_sum_assignment  # lazy: --match id never needs scipy

    rows, cols = linear_sum_assignment(-scores)
    limit = NAME_THRESHOLD if members is None else LANE_THRESHOLD
    return {left[i].id: right[j].id for i, j in zip(rows.tolist(), cols.tolist(), strict=True)
            if scores[i, j] >= limit}


def _lane_members(side: dict[str, Element], translate: dict[str, str] | None) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in side.values():
        if e.category == "step" and e.props.get("lane"):
            sid = e.id if translate is None else translate.get(e.id, "\x00" + e.id)
            out.setdefault(str(e.props["lane"]), set()).add(sid)
    return out


def _by_key(left: list[Element], right: list[Element], key: str) -> dict[str, str]:
    rk: dict[object, str] = {}
    for e in sorted(right, key=lambda e: e.id):
        rk.setdefault(str(e.props.get(key) or e.props.get(f"stakeholder.{key}") or ""), e.id)
    out: dict[str, str] = {}
    used: set[str] = set()
    for e in sorted(left, key=lambda e: e.id):
        k = str(e.props.get(key) or e.props.get(f"stakeholder.{key}") or "")
        if k and k in rk and rk[k] not in used:
            out[e.id] = rk[k]
            used.add(rk[k])
    return out


def _flows(left: list[Element], right: list[Element], mapping: dict[str, str]) -> dict[str, str]:
    """Flows with translated end points; else same id when at least one end point agrees (a reconnection)."""
    ends: dict[tuple[str, str], list[str]] = {}
    for e in sorted(right, key=lambda e: e.id):
        ends.setdefault((str(e.props.get("source")), str(e.props.get("target"))), []).append(e.id)
    out: dict[str, str] = {}
    used: set[str] = set()
    for e in sorted(left, key=lambda e: e.id):
        key = (mapping.get(str(e.props.get("source")), ""), mapping.get(str(e.props.get("target")), ""))
        candidates = [c for c in ends.get(key, []) if c not in used]
        if candidates:
            pick = e.id if e.id in candidates else candidates[0]
            out[e.id] = pick
            used.add(pick)
    right_ids = {e.id: e for e in right}
    for e in left:
        if e.id in out or e.id not in right_ids or e.id in used:
            continue
        r = right_ids[e.id]
        src_ok = mapping.get(str(e.props.get("source"))) == r.props.get("source")
        tgt_ok = mapping.get(str(e.props.get("target"))) == r.props.get("target")
        if src_ok or tgt_ok:
            out[e.id] = e.id
            used.add(e.id)
    return out


def _annotations(left: list[Element], right: list[Element], mapping: dict[str, str]) -> dict[str, str]:
    """Text annotations by their text and (translated) annotated element, then by their text alone."""
    def text(e: Element) -> str:
        return " ".join(str(e.props.get("text", "")).split())

    out: dict[str, str] = {}
    used: set[str] = set()
    for with_target in (True, False):
        free: dict[tuple[str, str], list[str]] = {}
        for e in sorted(right, key=lambda e: e.id):
            if e.id not in used:
                free.setdefault((text(e), str(e.props.get("target", "")) if with_target else ""), []).append(e.id)
        for e in sorted(left, key=lambda e: e.id):
            if e.id in out:
                continue
            target = str(e.props.get("target", ""))
            key = (text(e), mapping.get(target, "\x00" + target) if with_target and target else "")
            candidates = [c for c in free.get(key, []) if c not in used]
            if candidates:
                pick = e.id if e.id in candidates else candidates[0]
                out[e.id] = pick
                used.add(pick)
    return out


def pair_elements(
    left: dict[str, Element], right: dict[str, Element], steps: dict[str, str], mode: str, vocab: frozenset[str],
    left_process: str, right_process: str,
) -> dict[str, str]:
    """Left id → right id for every paired element."""
    if mode == "id":
        return {i: i for i in left if i in right}
    mapping: dict[str, str] = {left_process: right_process, **steps}

    def cat(side: dict[str, Element], name: str) -> list[Element]:
        return [e for e in side.values() if e.category == name]

    members = (_lane_members(left, steps), _lane_members(right, None))
    mapping.update(_by_name(cat(left, "lane"), cat(right, "lane"), vocab, members))
    for name in ("role", "data_object"):
        mapping.update(_by_name(cat(left, name), cat(right, name), vocab))
    own_l = [e for e in cat(left, "pool") if e.props.get("process") == left_process]
    own_r = [e for e in cat(right, "pool") if e.props.get("process") == right_process]
    pools = {own_l[0].id: own_r[0].id} if len(own_l) == 1 and len(own_r) == 1 else {}
    pools.update(_by_key([e for e in cat(left, "pool") if e.id not in pools],
                         [e for e in cat(right, "pool") if e.id not in set(pools.values())], "kind"))
    rest_l = [e for e in cat(left, "pool") if e.id not in pools]
    rest_r = [e for e in cat(right, "pool") if e.id not in set(pools.values())]
    pools.update(_by_name(rest_l, rest_r, vocab))
    mapping.update(pools)
    mapping.update(_by_key(cat(left, "stakeholder"), cat(right, "stakeholder"), "kind"))
    for name in ("sequence_flow", "message_flow", "data_association"):
        mapping.update(_flows(cat(left, name), cat(right, name), mapping))
    mapping.update(_annotations(cat(left, "annotation"), cat(right, "annotation"), mapping))
    taken = set(mapping.values())
    for lid, el in sorted(left.items()):  # the same id with the same content is the same element
        rel = right.get(lid)
        if lid in mapping or rel is None or lid in taken or rel.category != el.category or rel.type != el.type:
            continue
        if el.same_record(rel) or el.props == rel.props:
            mapping[lid] = lid
            taken.add(lid)
    return mapping
