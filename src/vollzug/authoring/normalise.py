"""Authoring conveniences, expanded losslessly before and after validation (documented in ``docs/authoring.md``).

Before validation (on plain data):

* ``next:`` on a step — a target id, or a list of target ids and/or mappings ``{to, name, condition, default, id}`` —
  becomes sequence flows with ids ``Flow_<source>_<target>`` (suffixed ``_2``, ``_3`` … if taken);
* ``raci:`` given as a mapping ``{R: unit, A: unit, C: [unit, …], I: …}`` becomes the list form;
* a timer event without ``timer_type`` gets it from the value: ``R…`` cycle, ``P…`` duration, else date.

After validation (on the model, :func:`complete_pools`, also applied by ``vollzug build``):

* the municipality's pool is added if missing (``Participant_<process id>``) and gets ``process`` set;
* every stakeholder without a pool gets a collapsed pool whose id is the stakeholder id;
* a stakeholder pool holding steps gets a process ``Process_<pool id>``.
"""

from __future__ import annotations

from typing import Any

from vollzug.model.process import OperationalModel, Pool

_FLOW_KEYS = ("id", "name", "condition", "default")


def _expand_next(data: dict[str, Any], lines: dict[tuple[str | int, ...], int]) -> None:
    steps = data.get("steps")
    if not isinstance(steps, list) or not isinstance(data.get("sequence_flows", []), list):
        return  # validation reports the wrong type
    flows = data.get("sequence_flows")
    flows = list(flows) if isinstance(flows, list) else []
    first_new = len(flows)
    taken = {f.get("id") for f in flows if isinstance(f, dict)}
    for i, step in enumerate(steps):
        if not isinstance(step, dict) or "next" not in step:
            continue
        targets = step.pop("next")
        items = targets if isinstance(targets, list) else [targets]
        for j, item in enumerate(items):
            spec: dict[str, Any] = dict(item) if isinstance(item, dict) else {"to": item}
            target = spec.pop("to", None)
            flow: dict[str, Any] = {"source": step.get("id"), "target": target}
            for key in _FLOW_KEYS:
                if key in spec:
                    flow[key] = spec.pop(key)
            flow.update(spec)  # unknown keys are left for validation to reject
            if "id" not in flow:
                base = f"Flow_{step.get('id')}_{target}"
                ident, n = base, 1
                while ident in taken:
                    n += 1
                    ident = f"{base}_{n}"
                flow = {"id": ident, **flow}
            taken.add(flow["id"])
            line = lines.get(("steps", i, "next", j)) or lines.get(("steps", i, "next")) or lines.get(("steps", i))
            index = len(flows)
            flows.append(flow)
            if line is not None:
                lines[("sequence_flows", index)] = line
                for key in flow:
                    lines[("sequence_flows", index, key)] = line
    if len(flows) > first_new or "sequence_flows" in data:
        data["sequence_flows"] = flows


def _steps(data: dict[str, Any]) -> list[Any]:
    steps = data.get("steps")
    return steps if isinstance(steps, list) else []


def _expand_raci(data: dict[str, Any]) -> None:
    for step in _steps(data):
        if not isinstance(step, dict) or not isinstance(step.get("raci"), dict):
            continue
        expanded: list[dict[str, Any]] = []
        for letter, parties in step["raci"].items():
            for party in parties if isinstance(parties, list) else [parties]:
                expanded.append({"party": party, "letter": letter})
        step["raci"] = expanded


def _timer_types(data: dict[str, Any]) -> None:
    for step in _steps(data):
        event = step.get("event") if isinstance(step, dict) else None
        if isinstance(event, dict) and event.get("kind") == "timer" and isinstance(event.get("timer"), str) \
                and "timer_type" not in event:
            value = event["timer"].upper()
            event["timer_type"] = "cycle" if value.startswith("R") else "duration" if value.startswith("P") else "date"


def normalise(data: dict[str, Any], lines: dict[tuple[str | int, ...], int]) -> dict[str, Any]:
    """Expand the pre-validation conveniences in place (``lines`` gets entries for generated elements)."""
    _expand_next(data, lines)
    _expand_raci(data)
    _timer_types(data)
    return data


def main_pool(model: OperationalModel) -> Pool | None:
    """The municipality's own pool (the first pool without a stakeholder), if any."""
    return next((p for p in model.pools if p.stakeholder is None), None)


def complete_pools(model: OperationalModel) -> OperationalModel:
    """Add the implicit pools (idempotent): the municipality's pool, one per stakeholder, processes for pools with
    steps."""
    pools = list(model.pools)
    own = main_pool(model)
    if own is None:
        name = model.municipality.name if model.municipality else (model.title or model.id)
        pools.insert(0, Pool(id=f"Participant_{model.id}", name=name, process=model.id))
    elif own.process is None:
        pools[pools.index(own)] = own.model_copy(update={"process": model.id})
    covered = {p.stakeholder for p in pools} | {p.id for p in pools}
    for holder in model.stakeholders:
        if holder.id not in covered:
            pools.append(Pool(id=holder.id, name=holder.name, stakeholder=holder.id, collapsed=True))
    with_steps = {s.pool for s in model.steps if s.pool}
    for i, pool in enumerate(pools):
        if pool.stakeholder is not None and pool.id in with_steps and pool.process is None:
            pools[i] = pool.model_copy(update={"process": f"Process_{pool.id}", "collapsed": False})
    if tuple(pools) == model.pools:
        return model
    return model.model_copy(update={"pools": tuple(pools)})
