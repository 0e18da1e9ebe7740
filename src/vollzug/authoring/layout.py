"""Diagram layout (BPMNDI) of a whole model: pools, nested lanes, flow nodes, data, annotations, edges.

The municipality's pool holds one band per lane (org unit, nested lanes stacked without gaps inside their parent);
expanded sub-processes are laid out recursively and placed as one big node; collapsed sub-processes with children
get their own diagram (plane). Collapsed stakeholder pools go above or below the main pool, on the side where the
steps they talk to sit, so message flows run vertically. See ``docs/layout.md``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from vollzug.authoring.layered import COLUMN_GAP, Box, Item, Placement, place
from vollzug.authoring.normalise import main_pool
from vollzug.model.process import EVENT_TYPES, GATEWAY_TYPES, OperationalModel, Step

POOL_LABEL = 30
"""Width of a pool's (and each lane's) vertical label column."""
COLLAPSED_POOL_H = 60
POOL_GAP = 50
SUB_PAD = 20
"""Padding inside an expanded sub-process."""
ORIGIN = (100, 80)
SUBPROCESS_TYPES = frozenset({"subProcess", "adHocSubProcess", "transaction"})

Point = tuple[int, int]


@dataclass
class Diagram:
    """One BPMNDiagram: a plane with shapes and edges."""

    plane: str
    shapes: dict[str, Box] = field(default_factory=dict)
    expanded: dict[str, bool] = field(default_factory=dict)
    edges: dict[str, list[Point]] = field(default_factory=dict)


def node_size(step: Step) -> tuple[int, int]:
    """Default size of a flow node by type."""
    if step.type in EVENT_TYPES:
        return 36, 36
    if step.type in GATEWAY_TYPES:
        return 50, 50
    return 100, 80


class Layouter:
    """Places containers and keeps what edge routing needs."""

    def __init__(self, model: OperationalModel) -> None:
        self.model = model
        self.steps = {s.id: s for s in model.steps}
        self.children: dict[str | None, list[Step]] = defaultdict(list)
        for s in model.steps:
            if s.type != "boundaryEvent":
                self.children[s.parent].append(s)
        self.boundaries: dict[str, list[Step]] = defaultdict(list)
        for s in model.steps:
            if s.type == "boundaryEvent" and s.event and s.event.attached_to:
                self.boundaries[s.event.attached_to].append(s)
        self.data_ids = {d.id for d in model.data_objects}
        self.diagrams: list[Diagram] = []
        self.inner_placements: dict[str, Placement] = {}
        self.col_right: dict[str, int] = {}
        """Absolute right edge of each placed item's column (forward flows bend just after it)."""
        self.row_bottom: dict[str, int] = {}
        """Absolute bottom of each placed item's row (back-edges run just above it)."""
        self.back_edges: set[tuple[str, str]] = set()

    # --- containers -------------------------------------------------------------------------------

    def _expanded(self, step: Step) -> bool:
        return step.type in SUBPROCESS_TYPES and not step.collapsed and bool(self.children.get(step.id))

    def _attached(self, members: set[str]) -> list[tuple[str, str, int, int]]:
        """(item id, anchor node, w, h) for data objects and annotations anchored in this container."""
        out: list[tuple[str, str, int, int]] = []
        for obj in self.model.data_objects:
            for assoc in self.model.data_associations:
                step = assoc.target if assoc.source == obj.id else assoc.source if assoc.target == obj.id else None
                if step in members:
                    size = (50, 50) if obj.kind == "store" else (36, 50)
                    out.append((obj.id, step, *size))
                    break
        for note in self.model.annotations:
            if note.target in members:
                out.append((note.id, note.target, 100, 50))
        return out

    def orphans(self) -> list[tuple[str, int, int]]:
        """Data objects and annotations attached to nothing drawn in a container: (id, w, h)."""
        linked = {a.source for a in self.model.data_associations} | {a.target for a in self.model.data_associations}
        out = [(d.id, *((50, 50) if d.kind == "store" else (36, 50))) for d in self.model.data_objects
               if d.id not in linked]
        out += [(n.id, 100, 50) for n in self.model.annotations if n.target is None or n.target not in self.steps]
        return out

    def _owner(self, step_id: str, members: set[str]) -> str | None:
        """The member of ``members`` that is or contains ``step_id``."""
        current: str | None = step_id
        while current is not None and current not in members:
            step = self.steps.get(current)
            if step is None:
                return None
            current = step.parent if step.type != "boundaryEvent" else (step.event.attached_to if step.event else None)
        return current

    def container(self, nodes: list[Step], band_of: dict[str, object], bands: list[object], *,
                  main: bool = False) -> Placement:
        """Place one container (expanded sub-processes are placed first, recursively, and become big nodes)."""
        sizes: dict[str, tuple[int, int]] = {}
        for s in nodes:
            if self._expanded(s):
                sub = self.sub_container(s.id)
                sizes[s.id] = (sub.width + 2 * SUB_PAD, sub.height + 2 * SUB_PAD + 10)
            else:
                sizes[s.id] = node_size(s)
        members = {s.id for s in nodes}
        items = [Item(s.id, *sizes[s.id], band=band_of.get(s.id)) for s in nodes]
        placed = {s.id for s in nodes}
        inside = {i for i in self.steps if self._owner(i, members) in members}
        for ident, anchor_id, w, h in self._attached(inside):
            anchor = self._owner(anchor_id, members)
            if anchor is not None and ident not in placed:
                placed.add(ident)
                items.append(Item(ident, w, h, band=band_of.get(anchor), node=False, anchor=anchor))
        if main:
            for ident, w, h in self.orphans():
                items.append(Item(ident, w, h, band=bands[0], node=False))
        edges: list[tuple[str, str]] = []
        for f in self.model.sequence_flows:
            src, tgt = self._owner(f.source, members), self._owner(f.target, members)
            if src is not None and tgt is not None:
                edges.append((src, tgt))
        return place(items, edges, bands)

    def sub_container(self, parent: str) -> Placement:
        """Place the children of a sub-process (one band, no lanes)."""
        placement = self.container(self.children[parent], {}, [None])
        self.inner_placements[parent] = placement
        return placement

    # --- absolute placement -----------------------------------------------------------------------

    def absolutise(self, placement: Placement, dx: int, dy: int, diagram: Diagram) -> None:
        """Write the placement's boxes (and recursively expanded sub-processes) into ``diagram``."""
        for ident, box in placement.boxes.items():
            abs_box = box.moved(dx, dy)
            diagram.shapes[ident] = abs_box
            self.col_right[ident] = placement.column_right[placement.layer[ident]] + dx
            self.row_bottom[ident] = placement.row_bottom[ident] + dy
            step = self.steps.get(ident)
            if step is None:
                continue
            if step.type in SUBPROCESS_TYPES:
                diagram.expanded[ident] = self._expanded(step)
            if self._expanded(step):
                self.absolutise(self.inner_placements[ident], abs_box.x + SUB_PAD, abs_box.y + SUB_PAD + 10, diagram)
            elif step.type in SUBPROCESS_TYPES and self.children.get(ident):
                self._collapsed_plane(ident)
            self._place_boundaries(ident, abs_box, diagram)
        self.back_edges |= placement.back_edges

    def _place_boundaries(self, host: str, box: Box, diagram: Diagram) -> None:
        for i, ev in enumerate(self.boundaries.get(host, ())):
            diagram.shapes[ev.id] = Box(box.right - 20 - 36 - i * 46, box.bottom - 18, 36, 36)

    def _collapsed_plane(self, ident: str) -> None:
        sub = Diagram(plane=ident)
        placement = self.sub_container(ident)
        self.diagrams.append(sub)
        self.absolutise(placement, ORIGIN[0], ORIGIN[1], sub)



def lane_order(model: OperationalModel) -> list[tuple[str, int]]:
    """Org units in drawing order (pre-order of the lane tree) with their nesting depth."""
    known = {u.id for u in model.org_units}
    kids: dict[str | None, list[str]] = defaultdict(list)
    for u in model.org_units:
        kids[u.parent if u.parent in known else None].append(u.id)
    out: list[tuple[str, int]] = []

    def walk(parent: str | None, depth: int) -> None:
        for child in kids.get(parent, ()):
            out.append((child, depth))
            walk(child, depth + 1)

    walk(None, 0)
    return out


def layout(model: OperationalModel) -> list[Diagram]:
    """Compute all diagrams: the collaboration's first, then one per collapsed sub-process with children."""
    from vollzug.authoring.layout_pools import layout_collaboration

    lay = Layouter(model)
    own = main_pool(model)
    return layout_collaboration(lay, model, own.id if own else None)


__all__ = ["COLUMN_GAP", "Diagram", "Layouter", "lane_order", "layout", "node_size"]
