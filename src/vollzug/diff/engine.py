"""Vergleichsmaschine: match, walk both sides, file every difference (bpmn-js-differ's walker/handler split).

The *walker* (:func:`_walk`) visits every paired element and every unpaired one and emits events; the
*handler* (:class:`_Handler`) files them as added / removed / changed / layout-changed. Layout never mixes with
semantics. Domain deltas (responsibility, resources, stakeholders, …) and behavioural deltas are computed on the
step pairs afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

from vollzug.diff import deltas, messages
from vollzug.diff.behaviour import Profile, differing_pairs
from vollzug.diff.changes import (
    AttrChange,
    BehaviourDelta,
    Category,
    Changed,
    DiffResult,
    Entry,
    Match,
    Reconnected,
    Relation,
)
from vollzug.diff.elements import REF_PATHS, Element, index_model
from vollzug.diff.extensions import ExtensionMode, fold
from vollzug.diff.similarity import similarity
from vollzug.diff.xmlview import XmlView
from vollzug.gcpause import gc_paused
from vollzug.i18n import Text
from vollzug.model.process import ACTIVITY_TYPES, FlowNodeType, OperationalModel

MatchMode = Literal["id", "auto"]

XML_REF_PATHS: frozenset[str] = frozenset({
    "sourceRef", "targetRef", "attachedToRef", "processRef", "default", "dataObjectRef", "dataStoreRef",
    "calledElement", "messageRef", "signalRef", "errorRef",
})
"""XML attributes holding element ids."""

XML_COVERED: frozenset[str] = frozenset({
    "name", "type", "documentation", "event", "loop", "collapsed", "source", "target", "condition", "default",
    "text", "process",
})
"""Model properties that the XML view already compares when both sides are BPMN (not reported twice)."""

_XML_CATEGORY: dict[str, Category] = {
    "sequenceFlow": "sequence_flow", "messageFlow": "message_flow", "lane": "lane", "participant": "pool",
    "process": "process", "collaboration": "collaboration", "dataObjectReference": "data_object",
    "dataStoreReference": "data_object", "dataInputAssociation": "data_association",
    "dataOutputAssociation": "data_association", "textAnnotation": "annotation", "association": "annotation",
}


@dataclass
class Side:
    """One side of a diff: the model, where it came from, and its BPMN view if it was a BPMN file."""

    model: OperationalModel
    path: Path | None = None
    view: XmlView | None = None


@dataclass
class DiffOptions:
    """Options of one diff."""

    match: MatchMode = "auto"
    left_label: str = "IST"
    right_label: str = "SOLL"
    threshold: float = 0.4
    extensions: ExtensionMode = "fold"
    """Vendor extension changes: one entry per element (fold), every path (show), or left out (ignore)."""


_NODE_TYPES: frozenset[str] = frozenset(get_args(FlowNodeType))


def _category(el_type: str) -> Category:
    return "step" if el_type in _NODE_TYPES else _XML_CATEGORY.get(el_type, "other")


class _Handler:
    """Files walker events."""

    def __init__(self) -> None:
        self.added: dict[str, Entry] = {}
        self.removed: dict[str, Entry] = {}
        self.changed: dict[str, Changed] = {}
        self.layout: dict[str, Entry] = {}

    def add(self, el_id: str, el_type: str, name: str, category: Category) -> None:
        self.added.setdefault(el_id, Entry(id=el_id, type=el_type, name=name, category=category))

    def remove(self, el_id: str, el_type: str, name: str, category: Category) -> None:
        self.removed.setdefault(el_id, Entry(id=el_id, type=el_type, name=name, category=category))

    def change(self, right_id: str, left_id: str, el_type: str, name: str, category: Category,
               attrs: list[AttrChange]) -> None:
        if not attrs:
            return
        old = self.changed.get(right_id)
        if old is not None:
            seen = {a.path for a in old.attrs}
            attrs = list(old.attrs) + [a for a in attrs if a.path not in seen]
        self.changed[right_id] = Changed(id=right_id, left_id=left_id, type=el_type, name=name, category=category,
                                         attrs=tuple(sorted(attrs, key=lambda a: a.path)))

    def layout_changed(self, right_id: str, el_type: str, name: str, category: Category,
                       attrs: list[AttrChange]) -> None:
        if attrs:
            self.layout[right_id] = Entry(id=right_id, type=el_type, name=name, category=category,
                                          attrs=tuple(attrs))


NESTED_REF_KEYS: frozenset[str] = frozenset({"unit", "after", "sender", "recipients", "party"})
"""Keys inside nested values (resources, deadlines, notifications) that hold element ids."""


def translate(value: Any, mapping: dict[str, str], key: str = "") -> Any:
    """A left value with the element ids in it replaced by their right partners (for comparison only)."""
    if isinstance(value, dict):
        return {k: translate(v, mapping, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [translate(v, mapping, key) for v in value]
        return sorted(items, key=str) if key in ("raci", "recipients") else items
    if isinstance(value, str):
        if key == "raci" and ":" in value:
            party, letter = value.rsplit(":", 1)
            return f"{mapping.get(party, party)}:{letter}"
        if key in NESTED_REF_KEYS:
            return mapping.get(value, value)
    return value


def _compare(lp: dict[str, Any], rp: dict[str, Any], mapping: dict[str, str], refs: frozenset[str],
             skip: frozenset[str] = frozenset()) -> list[AttrChange]:
    out: list[AttrChange] = []
    for path in sorted(set(lp) | set(rp)):
        if path in skip:
            continue
        a, b = lp.get(path), rp.get(path)
        translated: Any
        if path in refs and isinstance(a, str):
            translated = mapping.get(a, a)
        elif mapping and isinstance(a, (dict, list)):
            translated = translate(a, mapping, path)
            b = translate(b, {}, path)  # the same normalisation (sorted recipients/RACI) on both sides
        else:
            translated = a
        if translated != b:
            out.append(AttrChange(path=path, left=a, right=rp.get(path)))
    return out


def _walk(left: Side, right: Side, li: dict[str, Element], ri: dict[str, Element], mapping: dict[str, str],
          handler: _Handler, mode: MatchMode) -> None:
    both_xml = left.view is not None and right.view is not None
    reverse = {v: k for k, v in mapping.items()}
    for lid, el in sorted(li.items()):
        rid = mapping.get(lid)
        if rid is None or rid not in ri:
            handler.remove(lid, el.type, el.name, el.category)
            continue
        rel = ri[rid]
        if mode == "id" and el.same_record(rel):  # identity mapping and equal records: nothing can differ
            continue
        in_xml = left.view is not None and (lid in left.view.elements or el.category == "step")
        skip = XML_COVERED if both_xml and in_xml else frozenset()
        lp = dict(el.props)
        rp = dict(rel.props)
        if not skip:
            lp["name"], rp["name"] = el.name, rel.name
            lp["type"], rp["type"] = el.type, rel.type
            lp.pop("id", None)
            rp.pop("id", None)
        if mode == "id" and lp == rp:  # identity mapping: equal properties cannot differ after translation
            continue
        attrs = _compare(lp, rp, mapping, REF_PATHS, skip)
        handler.change(rid, lid, rel.type, rel.name or el.name, rel.category, attrs)
    for rid, rel in sorted(ri.items()):
        if rid not in reverse:
            handler.add(rid, rel.type, rel.name, rel.category)
    if both_xml:  # layout only for two versions of one drawing (same process id or --match id), not two towns
        same_drawing = mode == "id" or left.model.id == right.model.id
        _walk_xml(left.view, right.view, mapping, handler, mode, same_drawing)  # type: ignore[arg-type]


def _xml_mapping(lv: XmlView, rv: XmlView, mapping: dict[str, str], mode: MatchMode) -> dict[str, str]:
    full = dict(mapping)
    if mode == "id":
        full.update({i: i for i in lv.elements if i in rv.elements})
    else:  # structural elements the model does not hold (collaboration, processes): same id and type
        for i, el in lv.elements.items():
            if i not in full and i in rv.elements and rv.elements[i].type == el.type and _category(el.type) in (
                    "collaboration", "process", "other"):
                full[i] = i
        _pair_associations(lv, rv, full)
        taken = set(full.values())
        for i, el in sorted(lv.elements.items()):  # the same id with the same content is the same element
            rel = rv.elements.get(i)
            if i not in full and rel is not None and i not in taken and rel.type == el.type and (
                    el.fingerprint == rel.fingerprint):
                full[i] = i
                taken.add(i)
    return full


def _pair_associations(lv: XmlView, rv: XmlView, full: dict[str, str]) -> None:
    """Associations (annotation links) by their translated ends; in place."""
    ends: dict[tuple[str, str], list[str]] = {}
    taken = set(full.values())
    for i, el in sorted(rv.elements.items()):
        if el.type == "association" and i not in taken:
            ends.setdefault((el.node.get("sourceRef") or "", el.node.get("targetRef") or ""), []).append(i)
    for i, el in sorted(lv.elements.items()):
        if el.type != "association" or i in full:
            continue
        src, tgt = el.node.get("sourceRef") or "", el.node.get("targetRef") or ""
        key = (full.get(src, "\x00" + src), full.get(tgt, "\x00" + tgt))
        candidates = [c for c in ends.get(key, []) if c not in taken]
        if candidates:
            pick = i if i in candidates else candidates[0]
            full[i] = pick
            taken.add(pick)


def _walk_xml(lv: XmlView, rv: XmlView, mapping: dict[str, str], handler: _Handler, mode: MatchMode,
              compare_layout: bool = True) -> None:
    full = _xml_mapping(lv, rv, mapping, mode)
    reverse = {v: k for k, v in full.items()}
    owner = {ref: el.id for el in rv.elements.values()  # (the attribute itself: no participant's props are needed)
             if el.type == "participant" and (ref := el.node.get("processRef")) is not None}
    for lid, el in sorted(lv.elements.items()):
        rid = full.get(lid)
        if rid is None or rid not in rv.elements:
            handler.remove(lid, el.type, el.name, _category(el.type))
            continue
        rel = rv.elements[rid]
        if mode == "id" and el.fingerprint == rel.fingerprint:
            attrs = []  # equal own content, identity mapping: nothing changed (no property extraction)
        else:
            attrs = _compare(el.props, rel.props, full, XML_REF_PATHS)
        if mode == "auto":  # ids of nested untracked children (bpmn:property …) differ between drawings
            attrs = [a for a in attrs if a.path != "id" and not a.path.endswith("/@id")]
        if rel.type == "process" and rid in owner and owner[rid] in rv.elements:
            part = rv.elements[owner[rid]]
            attrs = [AttrChange(path=f"processRef.{a.path}", left=a.left, right=a.right) for a in attrs]
            handler.change(part.id, reverse.get(part.id, part.id), part.type, part.name, "pool", attrs)
        else:
            handler.change(rid, lid, rel.type, rel.name or el.name, _category(rel.type), attrs)
        layouts = lv.layout_pair(lid, rv, rid) if lid == rid and compare_layout else None
        if layouts is not None:
            handler.layout_changed(rid, rel.type, rel.name, _category(rel.type),
                                   _compare(layouts[0], layouts[1], {}, frozenset()))
    for rid, rel in sorted(rv.elements.items()):
        if rid not in reverse:
            handler.add(rid, rel.type, rel.name, _category(rel.type))


def _reconnected(li: dict[str, Element], ri: dict[str, Element], mapping: dict[str, str], identity: bool
                 ) -> list[Reconnected]:
    """Paired flows whose ends are not the partners of each other (``identity``: the mapping is id → same id)."""
    out: list[Reconnected] = []
    for lid, el in sorted(li.items()):
        if el.category not in ("sequence_flow", "message_flow") or lid not in mapping:
            continue
        rel = ri.get(mapping[lid])
        if rel is None or (identity and el.same_record(rel)):  # equal flows with identical ids: same ends
            continue
        ls, lt = str(el.props.get("source", "")), str(el.props.get("target", ""))
        rs, rt = str(rel.props.get("source", "")), str(rel.props.get("target", ""))
        if mapping.get(ls, ls) != rs or mapping.get(lt, lt) != rt:
            out.append(Reconnected(id=rel.id, left_id=lid, type=rel.type, left_source=ls, left_target=lt,
                                   right_source=rs, right_target=rt))
    return out


def _activity_pairs(left: OperationalModel, right: OperationalModel, matches: list[Match]) -> list[tuple[str, str]]:
    """One-to-one matched (left, right) activity pairs, sorted: the pairs the behavioural comparison covers."""
    ltypes = {s.id: s.type for s in left.steps}
    rtypes = {s.id: s.type for s in right.steps}
    pairs = sorted((m.left, m.right) for m in matches if m.kind == "one_to_one")
    return [(a, b) for a, b in pairs if ltypes[a] in ACTIVITY_TYPES and rtypes[b] in ACTIVITY_TYPES]


def _behaviour(left: OperationalModel, right: OperationalModel, acts: list[tuple[str, str]],
               differing: list[tuple[int, int, Relation, Relation]], options: DiffOptions) -> list[BehaviourDelta]:
    ltypes = {s.id: s for s in left.steps}
    rtypes = {s.id: s for s in right.steps}
    out: list[BehaviourDelta] = []
    for i, j, lrel, rrel in differing:
        (la, ra), (lb, rb) = acts[i], acts[j]
        name_a = rtypes[ra].name or ltypes[la].name or ra
        name_b = rtypes[rb].name or ltypes[lb].name or rb
        left_a, left_b = ltypes[la].name or name_a, ltypes[lb].name or name_b  # each side in its own words
        texts = {lang: messages.BEHAVIOUR(
            lang, left=options.left_label, right=options.right_label,
            left_phrase=messages.RELATION_PHRASE[lrel](lang, a=left_a, b=left_b),
            right_phrase=messages.RELATION_PHRASE[rrel](lang, a=name_a, b=name_b)) for lang in ("de", "en")}
        out.append(BehaviourDelta(left_a=la, left_b=lb, right_a=ra, right_b=rb, name_a=name_a, name_b=name_b,
                                  left_relation=lrel, right_relation=rrel, text=Text(**texts)))
    return out


def _fold_extensions(changed: dict[str, Changed], mode: ExtensionMode) -> dict[str, Changed]:
    """The changed elements with their vendor extension changes folded or dropped (see :mod:`.extensions`)."""
    if mode == "show":
        return changed
    out: dict[str, Changed] = {}
    for key, entry in changed.items():
        attrs = fold(entry.attrs, mode)
        if attrs:
            out[key] = entry if attrs is entry.attrs else entry.model_copy(update={"attrs": attrs})
    return out


@gc_paused
def diff_sides(left: Side, right: Side, options: DiffOptions | None = None) -> DiffResult:
    """Compare two sides."""
    opts = options or DiffOptions()
    lm, rm = left.model, right.model
    if opts.match == "id":  # no label normalisation needed
        common = sorted({s.id for s in lm.steps} & {s.id for s in rm.steps})
        matches = [Match(left=s, right=s, score=1.0, signals={"id": 1.0}) for s in common]
        vocabulary: frozenset[str] = frozenset()
    else:
        from vollzug.diff.match.combine import match_auto  # numpy/scipy only for --match auto
        from vollzug.diff.match.context import prepare

        ctx = prepare(lm, rm)
        matches = match_auto(ctx, opts.threshold)
        vocabulary = ctx.vocabulary
    acting = [m for m in matches if m.confidence != "unsicher"]  # uncertain pairs: possible correspondences only
    step_map = {m.left: m.right for m in acting if m.kind == "one_to_one"}
    li, ri = index_model(lm), index_model(rm)
    if opts.match == "id":
        mapping = {i: i for i in li if i in ri}
    else:
        from vollzug.diff.pairing import pair_elements

        mapping = pair_elements(li, ri, step_map, opts.match, vocabulary, lm.id, rm.id)
    handler = _Handler()
    _walk(left, right, li, ri, mapping, handler, opts.match)

    lsteps, rsteps = {s.id: s for s in lm.steps}, {s.id: s for s in rm.steps}
    pairs = [(lsteps[a], rsteps[b]) for a, b in sorted(step_map.items())]
    matched_right = set(step_map.values())
    step_pairs: list[tuple[Any, Any]] = list(pairs)
    step_pairs += [(s, None) for s in lm.steps if s.id not in step_map]
    step_pairs += [(None, s) for s in rm.steps if s.id not in matched_right]
    lane_map = {k: v for k, v in mapping.items() if li.get(k) is not None and li[k].category in ("lane", "role")}
    lprof, rprof = Profile(lm), Profile(rm)
    acts = _activity_pairs(lm, rm, acting)
    if all(a == b for a, b in acts) and lprof.same_as(rprof):
        differing: list[tuple[int, int, Relation, Relation]] = []  # same typed graph, every activity itself
    else:
        differing = differing_pairs(lprof, rprof, acts)
    def flows(index: dict[str, Element], ids: dict[str, Entry]) -> list[tuple[str, str, str, str]]:
        return [(i, str(index[i].props.get("source", "")), str(index[i].props.get("target", "")), index[i].name)
                for i in sorted(ids) if i in index and index[i].category == "message_flow"]

    domain = (deltas.stakeholder_deltas(lm, rm)
              + deltas.message_flow_deltas(flows(ri, handler.added), flows(li, handler.removed))
              + deltas.step_deltas(step_pairs, step_map))
    added, removed = handler.added, handler.removed
    changed = _fold_extensions(handler.changed, opts.extensions)
    return DiffResult(
        left_label=opts.left_label, right_label=opts.right_label,
        left_file=str(left.path or ""), right_file=str(right.path or ""), match_mode=opts.match,
        matches=tuple(matches),
        unmatched_left=tuple(sorted(set(lsteps) - set(step_map))),
        unmatched_right=tuple(sorted(set(rsteps) - matched_right)),
        added=tuple(added[k] for k in sorted(added)),
        removed=tuple(removed[k] for k in sorted(removed)),
        changed=tuple(changed[k] for k in sorted(changed)),
        layout_changed=tuple(handler.layout[k] for k in sorted(handler.layout)),
        reconnected=tuple(_reconnected(li, ri, mapping, opts.match == "id")),
        responsibility_shifts=tuple(deltas.responsibility_shifts(lm, rm, pairs, lane_map)),
        resource_deltas=tuple(deltas.resource_deltas(step_pairs)),
        resource_totals=deltas.resource_totals(lm, rm),
        domain_deltas=tuple(domain),
        behaviour_deltas=tuple(_behaviour(lm, rm, acts, differing, opts)),
        similarity=similarity(lm, rm, acting, lprof, rprof, len(acts), len(differing)),
        equal=not (added or removed or changed or handler.layout),
    )


def diff_models(left: OperationalModel, right: OperationalModel, options: DiffOptions | None = None) -> DiffResult:
    """Compare two domain models (no BPMN-level view)."""
    return diff_sides(Side(left), Side(right), options)


def load_side(path: str | Path) -> Side:
    """Load one file for diffing: the domain model (project loader) plus, for BPMN, the XML view."""
    from vollzug.diff.xmlview import view_of_document
    from vollzug.loader import load_model

    p = path if isinstance(path, Path) else Path(path)
    loaded = load_model(p)  # reports a missing file (InputError "file not found")
    return Side(model=loaded.model, path=p,
                view=view_of_document(loaded.document) if loaded.document is not None else None)


@gc_paused
def diff_files(left: str | Path, right: str | Path, options: DiffOptions | None = None) -> DiffResult:
    """Load and compare two model files (.bpmn/.xml/.yaml/.yml/.json)."""
    return diff_sides(load_side(left), load_side(right), options)
