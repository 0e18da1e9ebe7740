"""Draw an operational model through Graphviz: pools and lanes as clusters, BPMN-like shapes, left to right.

Lanes are full-width bands stacked in model order (invisible anchors before and after each lane's steps share a rank).

Tasks are rounded boxes with the citations (small) and a resource line ("0,5 VZÄ · GIS") under the name;
staff-notification steps carry an envelope ✉; events are circles (thick for end events, double for intermediate
and boundary events); gateways are diamonds with ×/+/○; message flows are dashed, data associations dotted.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape
from itertools import pairwise
from pathlib import Path
from typing import Any

from vollzug.authoring.normalise import complete_pools, main_pool
from vollzug.authoring.summary import resource_line
from vollzug.errors import ConfigError, MissingExtraError, OutputError, VollzugError
from vollzug.fileio import write_bytes_atomic
from vollzug.model.process import ACTIVITY_TYPES, EVENT_TYPES, GATEWAY_TYPES, OperationalModel, Step

FORMATS = ("svg", "png", "pdf")
"""Output formats, chosen by the output file's suffix."""
_GATEWAY_MARK = {"exclusiveGateway": "×", "parallelGateway": "+", "inclusiveGateway": "○",
                 "eventBasedGateway": "⬠", "complexGateway": "✱"}
_EVENT_MARK = {"message": "✉", "timer": "◷", "signal": "△", "error": "ϟ", "escalation": "⇑", "conditional": "≡",
               "terminate": "●", "link": "→", "compensation": "⏪", "cancel": "✕", "multiple": "⬠"}
_FONT = "Helvetica"
_POOL_NODE = {"shape": "box", "style": "filled", "fillcolor": "#e8e8e8", "width": "2.5", "height": "0.4",
              "fontsize": "10"}


class GraphvizMissingError(MissingExtraError):
    """The Graphviz ``dot`` program is not installed."""

    def __init__(self) -> None:
        VollzugError.__init__(self, "rendering needs the Graphviz program 'dot'. Install Graphviz "
                                    "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)")


def _label(step: Step) -> str:
    """HTML-like label: name, citations in a small font, resource line, ✉ for notification steps."""
    name = escape(step.name or step.id)
    if step.notification is not None:
        name = "✉ " + name
    rows = [f"<B>{name}</B>" if step.notification is not None else name]
    if step.citations:
        rows.append(f'<FONT POINT-SIZE="8" COLOR="#444444">{escape("; ".join(step.citations))}</FONT>')
    line = resource_line(step)
    if line:
        rows.append(f'<FONT POINT-SIZE="8" COLOR="#1f5f8b">{escape(line)}</FONT>')
    return "<" + "<BR/>".join(rows) + ">"


def _node_attrs(step: Step) -> dict[str, str]:
    if step.type in ACTIVITY_TYPES:
        attrs = {"shape": "box", "style": "rounded,filled", "fillcolor": "#fffbe6" if step.notification else "white",
                 "label": _label(step), "margin": "0.12,0.06"}
        if step.type in ("subProcess", "adHocSubProcess", "transaction", "callActivity"):
            attrs["peripheries"] = "2" if step.type == "transaction" else "1"
            attrs["penwidth"] = "2" if step.type == "callActivity" else "1"
        if step.loop != "none":
            attrs["label"] = attrs["label"][:-1] + '<BR/><FONT POINT-SIZE="9">↻</FONT>>'
        return attrs
    if step.type in EVENT_TYPES:
        mark = _EVENT_MARK.get(step.event.kind, "") if step.event else ""
        attrs = {"shape": "circle", "label": mark, "fixedsize": "true", "width": "0.4", "fontsize": "11",
                 "xlabel": escape(step.name)}
        if step.type == "endEvent":
            attrs["penwidth"] = "3"
        elif step.type != "startEvent":
            attrs["shape"] = "doublecircle"
            attrs["width"] = "0.32"
        if step.event is not None and not step.event.interrupting:
            attrs["style"] = "dashed"
        return attrs
    if step.type in GATEWAY_TYPES:
        return {"shape": "diamond", "label": _GATEWAY_MARK.get(step.type, ""), "fixedsize": "true", "width": "0.5",
                "height": "0.5", "fontsize": "14", "xlabel": escape(step.name)}
    return {"shape": "box", "label": escape(step.name)}


def _cluster(graph: Any, name: str, label: str, **attrs: str) -> Any:
    return graph.subgraph(name=f"cluster_{name}", graph_attr={"label": label, "labeljust": "l", **attrs})


def to_dot(model: OperationalModel) -> str:
    """Graphviz DOT source for a model."""
    try:
        import graphviz
    except ImportError as exc:
        raise MissingExtraError("graphviz", "all", "Rendering") from exc
    model = complete_pools(model)
    own = main_pool(model)
    dot = graphviz.Digraph(name=model.id, graph_attr={
        "rankdir": "LR", "compound": "true", "newrank": "true", "fontname": _FONT, "nodesep": "0.35",
        "ranksep": "0.45", "label": escape(model.title or model.id), "labelloc": "t", "fontsize": "16"},
        node_attr={"fontname": _FONT, "fontsize": "10"}, edge_attr={"fontname": _FONT, "fontsize": "8"})
    children: dict[str | None, list[Step]] = defaultdict(list)
    for step in model.steps:
        children[step.parent].append(step)
    units = {u.id: u for u in model.org_units}
    sub_units: dict[str | None, list[str]] = defaultdict(list)
    for unit in model.org_units:
        sub_units[unit.parent if unit.parent in units else None].append(unit.id)

    def add_steps(graph: Any, steps: list[Step]) -> None:
        for step in steps:
            if step.type in ("subProcess", "adHocSubProcess", "transaction") and children.get(step.id):
                with _cluster(graph, step.id, _label(step), style="rounded", color="black") as sub:
                    add_steps(sub, children[step.id])
            else:
                graph.node(step.id, **_node_attrs(step))

    anchors: list[str] = []
    ends_of: dict[str, list[str]] = defaultdict(list)

    def add_lane(graph: Any, lane: str, top: list[Step]) -> None:
        with _cluster(graph, lane, escape(units[lane].name), style="filled", fillcolor="#f4f6f8",
                      color="#8899aa") as sub:
            own_steps = [s for s in top if s.lane == lane]
            add_steps(sub, own_steps)
            if not sub_units.get(lane):  # leaf lane: invisible ends left of and right of all its steps
                for end in ("first", "last"):
                    sub.node(f"{lane}__{end}", label="", shape="point", style="invis", width="0", height="0")
                for step in own_steps:
                    if step.type != "boundaryEvent":
                        ends_of[lane].append(step.id)
                anchors.append(lane)
            for child in sub_units.get(lane, ()):
                add_lane(sub, child, top)

    proxied: set[str] = set()
    for pool in model.pools:
        top = [s for s in children[None] if (s.pool in (None, pool.id) if pool is own else s.pool == pool.id)]
        if pool is not own and not top:
            proxied.add(pool.id)
            if not any(pool.id in (f.source, f.target) for f in model.message_flows):
                dot.node(pool.id, label=escape(pool.name), **_POOL_NODE)
            continue
        with _cluster(dot, pool.id, f"<<B>{escape(pool.name)}</B>>", color="black") as graph:
            if pool is own:
                for lane in sub_units.get(None, ()):
                    add_lane(graph, lane, top)
                add_steps(graph, [s for s in top if s.lane not in units])
            else:
                add_steps(graph, top)
    _edges(dot, model, proxied)
    _stretch_lanes(dot, anchors, ends_of, _Ends(model))
    return str(dot.source)


def _stretch_lanes(dot: Any, lanes: list[str], steps_of: dict[str, list[str]], ends: _Ends) -> None:
    """Lanes as full-width bands in model order: every leaf lane gets an invisible node before and one after all
    of its steps, and the first (last) nodes of all lanes share one rank, so every band spans the whole width."""
    if len(lanes) < 2:
        return
    for lane in lanes:
        for step in steps_of.get(lane, ()):
            ends.edge(dot, f"{lane}__first", step, style="invis", weight="0")
            ends.edge(dot, step, f"{lane}__last", style="invis", weight="0")
    for end in ("first", "last"):
        members = "; ".join(f'"{lane}__{end}"' for lane in lanes)
        dot.body.append(f"{{rank=same; {members}}}")
    for upper, lower in pairwise(lanes):
        dot.edge(f"{upper}__first", f"{lower}__first", style="invis")


class _Ends:
    """Edge ends: an expanded sub-process is a cluster, so edges attach to a child and clip at the cluster."""

    def __init__(self, model: OperationalModel) -> None:
        self.first: dict[str, str] = {}
        self.last: dict[str, str] = {}
        for step in model.steps:
            if step.parent is not None and step.type != "boundaryEvent":
                self.first.setdefault(step.parent, step.id)
                self.last[step.parent] = step.id

    def edge(self, dot: Any, source: str, target: str, **attrs: str) -> None:
        while source in self.last:  # nested sub-processes: descend to a real node
            attrs.setdefault("ltail", f"cluster_{source}")
            source = self.last[source]
        while target in self.first:
            attrs.setdefault("lhead", f"cluster_{target}")
            target = self.first[target]
        dot.edge(source, target, **attrs)


def _edges(dot: Any, model: OperationalModel, proxied: set[str]) -> None:
    """All edges. A collapsed pool gets one small proxy node per message flow, placed next to the step it talks
    to, instead of one node with edges across the whole drawing."""
    ends = _Ends(model)
    for step in model.steps:
        if step.type == "boundaryEvent" and step.event is not None and step.event.attached_to:
            ends.edge(dot, step.event.attached_to, step.id, style="dotted", arrowhead="none", weight="5")
    for flow in model.sequence_flows:
        label = flow.name or (f"[{flow.condition}]" if flow.condition else "")
        attrs = {"label": escape(label)} if label else {}
        if flow.default:
            attrs["arrowtail"] = "tee"
            attrs["dir"] = "both"
        ends.edge(dot, flow.source, flow.target, **attrs)
    names = {p.id: p.name for p in model.pools}
    for mflow in model.message_flows:
        source, target, constraint = mflow.source, mflow.target, "false"
        for end in (mflow.source, mflow.target):
            if end in proxied:
                proxy = f"{end}__{mflow.id}"
                dot.node(proxy, label=escape(names[end]), **{**_POOL_NODE, "width": "1.2", "fontsize": "8"})
                source, target = (proxy, target) if end == mflow.source else (source, proxy)
                constraint = "true"
        ends.edge(dot, source, target, label=escape(mflow.name), style="dashed", arrowhead="empty",
                  arrowtail="odot", dir="both", constraint=constraint, color="#555555")
    for obj in model.data_objects:
        dot.node(obj.id, label=escape(obj.name) + ("\n(personenbezogen)" if obj.personal else ""), fontsize="8",
                 shape="cylinder" if obj.kind == "store" else "note", style="filled", fillcolor="#ffffff")
    for assoc in model.data_associations:
        ends.edge(dot, assoc.source, assoc.target, style="dotted", arrowhead="vee", weight="0")
    for note in model.annotations:
        dot.node(note.id, label=escape(note.text), shape="box", style="dashed", fontsize="8", color="#888888")
        if note.target and model.step(note.target) is not None:
            ends.edge(dot, note.id, note.target, style="dotted", arrowhead="none", constraint="false")


def render_bytes(model: OperationalModel, fmt: str) -> bytes:
    """Rendered diagram in ``svg``, ``png`` or ``pdf``."""
    import graphviz

    if fmt not in FORMATS:
        raise ConfigError(f"unknown render format '{fmt}' (known: {', '.join(FORMATS)})")
    source = graphviz.Source(to_dot(model))
    try:
        data: bytes = source.pipe(format=fmt)
    except graphviz.ExecutableNotFound as exc:
        raise GraphvizMissingError() from exc
    except graphviz.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        raise OutputError(f"Graphviz failed: {detail[-1] if detail else exc}") from exc
    return data


def render_file(model: OperationalModel, out: str | Path, fmt: str | None = None) -> None:
    """Render to a file; the format comes from ``fmt`` or the suffix."""
    target = Path(out)
    chosen = (fmt or target.suffix.lstrip(".")).lower()
    write_bytes_atomic(target, render_bytes(model, chosen))
