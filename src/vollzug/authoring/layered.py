"""Layered placement of one container (a process or an expanded sub-process) in horizontal bands (lanes).

Steps (see ``docs/layout.md``): back-edges are found by a depth-first search in declaration order; layers are
longest paths over the remaining DAG; every node sits in its band (lane) in its layer's column; several items of one
(band, layer) cell are stacked vertically and ordered by barycentre of their neighbours (two sweeps). Columns take
the width of their widest item, rows the height of their tallest. Everything is integer and deterministic.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

COLUMN_GAP = 60
"""Horizontal space between columns (sequence flows bend in it)."""
ROW_GAP = 50
"""Vertical space between rows (a boundary event protrudes 18 px into it)."""
MIN_BAND = 120
"""Height of an empty band (lane)."""

Band = Hashable


@dataclass(frozen=True)
class Box:
    """A rectangle in diagram coordinates."""

    x: int
    y: int
    w: int
    h: int

    @property
    def cx(self) -> int:
        """Centre x."""
        return self.x + self.w // 2

    @property
    def cy(self) -> int:
        """Centre y."""
        return self.y + self.h // 2

    @property
    def right(self) -> int:
        """Right edge."""
        return self.x + self.w

    @property
    def bottom(self) -> int:
        """Bottom edge."""
        return self.y + self.h

    def moved(self, dx: int, dy: int) -> Box:
        """The same box shifted."""
        return Box(self.x + dx, self.y + dy, self.w, self.h)


@dataclass
class Item:
    """Something to place: a flow node (``node=True``) or an attached item (data object, annotation)."""

    id: str
    w: int
    h: int
    band: Band
    node: bool = True
    anchor: str | None = None
    """For attached items: the node whose cell they join."""


@dataclass
class Placement:
    """Result: boxes relative to the container's content origin, band extents, columns, back-edges."""

    boxes: dict[str, Box] = field(default_factory=dict)
    bands: dict[Band, tuple[int, int]] = field(default_factory=dict)
    """band → (y, height)."""
    layer: dict[str, int] = field(default_factory=dict)
    column_right: list[int] = field(default_factory=list)
    """Right edge of each column (flows bend at ``column_right[layer] + COLUMN_GAP // 2``)."""
    row_bottom: dict[str, int] = field(default_factory=dict)
    """Bottom of the row cell of each item (back-edges run just above it)."""
    back_edges: set[tuple[str, str]] = field(default_factory=set)
    width: int = 0
    height: int = 0


def _back_edges(order: Sequence[str], succ: dict[str, list[str]]) -> set[tuple[str, str]]:
    """Edges closing a cycle, found by iterative DFS from the sources (then any unvisited node), in order."""
    indegree: dict[str, int] = dict.fromkeys(order, 0)
    for s in order:
        for t in succ[s]:
            indegree[t] += 1
    roots = [n for n in order if indegree[n] == 0] + list(order)
    state: dict[str, int] = {}  # 1 = on stack, 2 = done
    back: set[tuple[str, str]] = set()
    for root in roots:
        if root in state:
            continue
        stack: list[tuple[str, int]] = [(root, 0)]
        state[root] = 1
        while stack:
            node, i = stack[-1]
            if i < len(succ[node]):
                stack[-1] = (node, i + 1)
                nxt = succ[node][i]
                if state.get(nxt) == 1:
                    back.add((node, nxt))
                elif nxt not in state:
                    state[nxt] = 1
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                stack.pop()
    return back


def _layers(order: Sequence[str], succ: dict[str, list[str]], back: set[tuple[str, str]]) -> dict[str, int]:
    """Longest-path layering of the DAG left after removing back-edges."""
    indegree: dict[str, int] = dict.fromkeys(order, 0)
    for s in order:
        for t in succ[s]:
            if (s, t) not in back:
                indegree[t] += 1
    layer = dict.fromkeys(order, 0)
    ready = [n for n in order if indegree[n] == 0]
    while ready:
        node = ready.pop(0)
        for t in succ[node]:
            if (node, t) in back:
                continue
            layer[t] = max(layer[t], layer[node] + 1)
            indegree[t] -= 1
            if indegree[t] == 0:
                ready.append(t)
    return layer


def place(items: Sequence[Item], edges: Sequence[tuple[str, str]], bands: Sequence[Band]) -> Placement:
    """Place items in columns (layers) and bands; ``edges`` are (source, target) between node items."""
    nodes = [it.id for it in items if it.node]
    node_set = set(nodes)
    succ: dict[str, list[str]] = {n: [] for n in nodes}
    pred: dict[str, list[str]] = {n: [] for n in nodes}
    for s, t in edges:
        if s in node_set and t in node_set and s != t and t not in succ[s]:
            succ[s].append(t)
            pred[t].append(s)
    back = _back_edges(nodes, succ)
    layer = _layers(nodes, succ, back)
    by_id = {it.id: it for it in items}
    for it in items:
        if not it.node:
            anchor = by_id.get(it.anchor) if it.anchor else None
            layer[it.id] = layer[anchor.id] if anchor is not None and anchor.node else 0
    cells: dict[tuple[Band, int], list[str]] = defaultdict(list)
    for it in items:
        if it.node:
            cells[(it.band, layer[it.id])].append(it.id)
    for it in items:
        if not it.node:
            cells[(it.band, layer[it.id])].append(it.id)
    _reduce_crossings(cells, pred, succ, bands, by_id)
    return _coordinates(items, cells, layer, bands, back)


def _rank(cells: dict[tuple[Band, int], list[str]], bands: Sequence[Band]) -> dict[str, float]:
    band_index = {b: i for i, b in enumerate(bands)}
    return {ident: band_index.get(band, len(bands)) * 1000 + row
            for (band, _layer), ids in cells.items() for row, ident in enumerate(ids)}


def _reduce_crossings(cells: dict[tuple[Band, int], list[str]], pred: dict[str, list[str]],
                      succ: dict[str, list[str]], bands: Sequence[Band], by_id: dict[str, Item]) -> None:
    """Barycentre ordering inside each cell: a forward sweep (predecessors), then a backward one (successors)."""
    for neighbours in (pred, succ):
        rank = _rank(cells, bands)
        for key in sorted(cells, key=lambda k: (k[1], str(k[0]))):
            ids = cells[key]
            if len(ids) < 2:
                continue

            def bary(ident: str, current: dict[str, float] = rank, nb: dict[str, list[str]] = neighbours) -> float:
                around = [current[n] for n in nb.get(ident, ()) if n in current]
                return sum(around) / len(around) if around else current[ident]

            nodes = sorted((i for i in ids if by_id[i].node), key=lambda i: (bary(i), rank[i]))
            attached = [i for i in ids if not by_id[i].node]
            cells[key] = nodes + attached


def _coordinates(items: Sequence[Item], cells: dict[tuple[Band, int], list[str]], layer: dict[str, int],
                 bands: Sequence[Band], back: set[tuple[str, str]]) -> Placement:
    by_id = {it.id: it for it in items}
    n_layers = max(layer.values(), default=-1) + 1
    col_w = [0] * n_layers
    for it in items:
        col_w[layer[it.id]] = max(col_w[layer[it.id]], it.w)
    col_x: list[int] = []
    x = COLUMN_GAP // 2
    for w in col_w:
        col_x.append(x)
        x += w + COLUMN_GAP
    result = Placement(layer=dict(layer), back_edges=back, width=max(x - COLUMN_GAP // 2, 0))
    result.column_right = [cx + w for cx, w in zip(col_x, col_w, strict=True)]
    y = 0
    for band in bands:
        rows: dict[int, int] = defaultdict(int)
        for (b, _layer), ids in cells.items():
            if b == band:
                for row, ident in enumerate(ids):
                    rows[row] = max(rows[row], by_id[ident].h)
        heights = [rows[r] + ROW_GAP for r in range(len(rows))]
        band_h = max(sum(heights), MIN_BAND)
        pad = (band_h - sum(heights)) // 2
        row_y = [y + pad + sum(heights[:r]) for r in range(len(heights))]
        for (b, lay), ids in cells.items():
            if b != band:
                continue
            for row, ident in enumerate(ids):
                it = by_id[ident]
                bx = col_x[lay] + (col_w[lay] - it.w) // 2
                by = row_y[row] + (heights[row] - it.h) // 2
                result.boxes[ident] = Box(bx, by, it.w, it.h)
                result.row_bottom[ident] = row_y[row] + heights[row]
        result.bands[band] = (y, band_h)
        y += band_h
    result.height = y
    return result
