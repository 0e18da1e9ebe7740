"""Collaboration-level layout: pools stacked vertically, lanes from bands, and orthogonal edge routing."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from vollzug.authoring.layered import COLUMN_GAP, Box, Placement
from vollzug.model.process import OperationalModel

if TYPE_CHECKING:
    from vollzug.authoring.layout import Diagram, Layouter, Point

MIN_POOL_W = 600


def _bands(model: OperationalModel, nodes: list[str], lane_of: dict[str, str | None]) -> tuple[list[object],
                                                                                                 dict[str, object]]:
    """Bands of the main pool: every leaf lane, and every inner lane that holds steps itself; None if unassigned."""
    from vollzug.authoring.layout import lane_order

    order = lane_order(model)
    parents = {u.parent for u in model.org_units if u.parent}
    direct = {lane_of[n] for n in nodes}
    bands: list[object] = [lane for lane, _depth in order if lane not in parents or lane in direct]
    band_of: dict[str, object] = {n: (lane_of[n] if lane_of[n] in bands else None) for n in nodes}
    if None in band_of.values() or not bands:
        bands.append(None)
    return bands, band_of


def _subtree(model: OperationalModel, lane: str) -> set[str]:
    out, todo = {lane}, [lane]
    while todo:
        current = todo.pop()
        for u in model.org_units:
            if u.parent == current and u.id not in out:
                out.add(u.id)
                todo.append(u.id)
    return out


def layout_collaboration(lay: Layouter, model: OperationalModel, main_id: str | None) -> list[Diagram]:
    """Place every pool of the collaboration and return all diagrams (collaboration first)."""
    from vollzug.authoring.layout import POOL_LABEL, Diagram, lane_order

    diagram = Diagram(plane="")  # plane element set by the writer
    top = [s for s in lay.children[None]]
    main_nodes = [s for s in top if s.pool is None or s.pool == main_id]
    bands, band_of = _bands(model, [s.id for s in main_nodes], {s.id: s.lane for s in main_nodes})
    main_place = lay.container(main_nodes, band_of, bands, main=True)
    depth = max((d for _lane, d in lane_order(model)), default=-1) + 1
    main_dx = POOL_LABEL * (1 + depth)
    expanded: list[tuple[str, Placement, int]] = []
    if main_id is not None:
        expanded.append((main_id, main_place, main_dx))
    for pool in model.pools:
        nodes = [s for s in top if s.pool == pool.id and pool.id != main_id]
        if nodes:
            expanded.append((pool.id, lay.container(nodes, {}, [None]), POOL_LABEL))
    width = max([MIN_POOL_W, *(p.width + dx for _i, p, dx in expanded)])
    expanded_ids = {i for i, _p, _dx in expanded}
    above, below = _sides(model, main_place, expanded_ids)
    x0, y = 100, 80
    pool_y: dict[str, tuple[int, int]] = {}
    for pid in above:
        pool_y[pid] = (y, 60)
        y += 60 + 50
    for pid, placement, _dx in expanded:
        pool_y[pid] = (y, placement.height)
        y += placement.height + 50
    for pid in below:
        pool_y[pid] = (y, 60)
        y += 60 + 50
    for pool in model.pools:
        py, ph = pool_y[pool.id]
        diagram.shapes[pool.id] = Box(x0, py, width, ph)
    if main_id is not None:
        my = pool_y[main_id][0]
        for lane, lane_depth in lane_order(model):
            extents = [main_place.bands[b] for b in _subtree(model, lane) if b in main_place.bands]
            if not extents:
                continue
            ly = min(e[0] for e in extents)
            lh = sum(e[1] for e in extents)
            lx = x0 + POOL_LABEL * (1 + lane_depth)
            diagram.shapes[lane] = Box(lx, my + ly, width - (lx - x0), lh)
    for pid, placement, dx in expanded:
        lay.absolutise(placement, x0 + dx, pool_y[pid][0], diagram)
    for d in [diagram, *lay.diagrams]:
        _route(lay, model, d)
    return [diagram, *lay.diagrams]


def _sides(model: OperationalModel, main: Placement, expanded: set[str]) -> tuple[list[str], list[str]]:
    """Collapsed pools above (their partners sit in the upper half of the main pool) or below."""
    ys: dict[str, list[int]] = defaultdict(list)
    for flow in model.message_flows:
        for pool_end, step_end in ((flow.source, flow.target), (flow.target, flow.source)):
            if step_end in main.boxes:
                ys[pool_end].append(main.boxes[step_end].cy)
    collapsed = [p.id for p in model.pools if p.id not in expanded]

    def mean(pid: str) -> float:
        marks = ys.get(pid)
        return sum(marks) / len(marks) if marks else float(main.height)

    upper = [pid for pid in collapsed if mean(pid) < main.height / 2]
    keep = sorted(upper, key=lambda pid: (mean(pid), collapsed.index(pid)))[: (len(collapsed) + 1) // 2]
    above = [pid for pid in collapsed if pid in keep]
    below = [pid for pid in collapsed if pid not in keep]
    return above, below


def connect(a: Box, b: Box, shift: int = 0) -> list[Point]:
    """Orthogonal connection between two boxes: straight if they overlap in x or y, else one bend."""
    lo, hi = max(a.x, b.x), min(a.right, b.right)
    if lo < hi:
        x = max(lo, min(hi, (lo + hi) // 2 + shift))
        if a.bottom <= b.y:
            return [(x, a.bottom), (x, b.y)]
        if b.bottom <= a.y:
            return [(x, a.y), (x, b.bottom)]
        return [(a.cx, a.cy), (b.cx, b.cy)]
    lo, hi = max(a.y, b.y), min(a.bottom, b.bottom)
    if lo < hi:
        y = (lo + hi) // 2
        return [(a.right, y), (b.x, y)] if a.right <= b.x else [(a.x, y), (b.right, y)]
    start = (a.right, a.cy) if b.x >= a.right else (a.x, a.cy)
    end = (b.cx, b.y) if b.y >= a.cy else (b.cx, b.bottom)
    return [start, (b.cx, a.cy), end]


def _sequence(lay: Layouter, s_id: str, t_id: str, s: Box, t: Box) -> list[Point]:
    step = lay.steps.get(s_id)
    if step is not None and step.type == "boundaryEvent" and step.event is not None:
        host = step.event.attached_to or ""
        yb = lay.row_bottom.get(host, s.bottom + 24) - 12
        mx = lay.col_right.get(host, s.right) + COLUMN_GAP // 2
        if t.x > mx:
            return [(s.cx, s.bottom), (s.cx, yb), (mx, yb), (mx, t.cy), (t.x, t.cy)]
        return connect(s, t)
    if t.x >= s.right and (s_id, t_id) not in lay.back_edges:
        if s.cy == t.cy:
            return [(s.right, s.cy), (t.x, t.cy)]
        mx = lay.col_right.get(s_id, s.right) + COLUMN_GAP // 2
        if mx >= t.x:
            mx = (s.right + t.x) // 2
        return [(s.right, s.cy), (mx, s.cy), (mx, t.cy), (t.x, t.cy)]
    yb = max(lay.row_bottom.get(s_id, s.bottom + 20), lay.row_bottom.get(t_id, t.bottom + 20)) - 12
    return [(s.cx, s.bottom), (s.cx, yb), (t.cx, yb), (t.cx, t.bottom)]


def _pool_of(box: Box, pools: list[Box]) -> Box | None:
    return next((p for p in pools if _inside(box, p) and p != box), None)


def _clear(x: int, y0: int, y1: int, obstacles: list[Box], ends: tuple[Box, Box]) -> bool:
    lo, hi = min(y0, y1), max(y0, y1)
    return not any(b.x - 4 <= x <= b.right + 4 and b.y < hi and lo < b.bottom and b not in ends
                   and not any(_inside(end, b) for end in ends) for b in obstacles)


def _inside(inner: Box, outer: Box) -> bool:
    return outer.x <= inner.x and inner.right <= outer.right and outer.y <= inner.y and inner.bottom <= outer.bottom


def _message(a: Box, b: Box, pools: list[Box], obstacles: list[Box], used: set[int]) -> list[Point]:
    """Vertical message flow; bends in the gap between the two pools when the ends do not overlap in x.

    ``used`` holds the x positions already taken by message flows, so that several flows of one step stay apart.
    """
    down = a.bottom <= b.y
    y0, y1 = (a.bottom, b.y) if down else (a.y, b.bottom)
    lo, hi = max(a.x, b.x), min(a.right, b.right)
    if lo < hi:
        middle = (lo + hi) // 2
        candidates = sorted(range(lo + 6, hi - 5, 6), key=lambda x: (abs(x - middle), x)) or [middle]
        free = [c for c in candidates if all(abs(c - u) >= 10 for u in used)] or candidates
        x = next((c for c in free if _clear(c, y0, y1, obstacles, (a, b))), free[0])
        used.add(x)
        return [(x, y0), (x, y1)]
    pa, pb = _pool_of(a, pools) or a, _pool_of(b, pools) or b
    gap = (pa.bottom + pb.y) // 2 if down else (pb.bottom + pa.y) // 2
    return [(a.cx, y0), (a.cx, gap), (b.cx, gap), (b.cx, y1)]


def _route(lay: Layouter, model: OperationalModel, d: Diagram) -> None:
    shapes = d.shapes
    for flow in model.sequence_flows:
        if flow.source in shapes and flow.target in shapes:
            d.edges[flow.id] = _sequence(lay, flow.source, flow.target, shapes[flow.source], shapes[flow.target])
    pools = [shapes[p.id] for p in model.pools if p.id in shapes]
    frames = pools + [shapes[u.id] for u in model.org_units if u.id in shapes]
    obstacles = [b for b in shapes.values() if b not in frames]
    used: set[int] = set()
    for mflow in model.message_flows:
        if mflow.source in shapes and mflow.target in shapes:
            d.edges[mflow.id] = _message(shapes[mflow.source], shapes[mflow.target], pools, obstacles, used)
    for assoc in model.data_associations:
        if assoc.source in shapes and assoc.target in shapes:
            d.edges[assoc.id] = connect(shapes[assoc.source], shapes[assoc.target])
    for note in model.annotations:
        if note.target is not None and note.id in shapes and note.target in shapes:
            d.edges[f"Association_{note.id}"] = connect(shapes[note.id], shapes[note.target])
