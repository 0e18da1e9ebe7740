"""Zuordnung: which log activity is which model step, and which log performer is which org unit.

Order of precedence: the mapping YAML (``activities:`` / ``resources:``), then exact id/label matches, then the
label matcher. The label matcher sits behind :func:`match_label` so the diff engine's matcher can replace it.

Mapping file format::

    activities:           # log activity → step id (null: ignore the activity)
      01_HOOFD_010: Task_Eingang
      01_HOOFD_011: null
    resources:            # log performer → org unit (lane) id
      "560872": Lane_Bauaufsicht
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from vollzug.errors import ConfigError
from vollzug.model.process import ACTIVITY_TYPES, OperationalModel
from vollzug.safe_yaml import line_for, load_yaml_file

MATCH_THRESHOLD = 85.0
"""Minimal rapidfuzz score (0–100) for a label match."""

_STOPWORDS = frozenset((
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "und", "oder", "zu", "zur", "zum",
    "von", "vom", "im", "in", "an", "am", "auf", "fuer", "mit", "bei",
    "the", "a", "and", "or", "of", "to", "for", "on", "at", "by", "with",
))


class ActivityMapping(BaseModel):
    """Zuordnungsdatei: log activities to model steps and log performers to org units."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    activities: dict[str, str | None] = Field(default_factory=dict)
    """Log activity → step id; None ignores the activity."""
    resources: dict[str, str] = Field(default_factory=dict)
    """Log performer (resource value) → org unit id."""


class MappingResult(BaseModel):
    """The mapping actually used, with how each pair was found (printed by the CLI)."""

    model_config = ConfigDict(frozen=True)

    steps: dict[str, str] = Field(default_factory=dict)
    """Log activity → step id."""
    how: dict[str, str] = Field(default_factory=dict)
    """Log activity → "file", "id", "label" or "fuzzy:<score>"."""
    ignored: tuple[str, ...] = ()
    """Activities the mapping file says to ignore."""
    unknown: tuple[str, ...] = ()
    """Log activities with no model step."""
    unobserved: tuple[str, ...] = ()
    """Model activities with no log activity (silent in conformance)."""
    resources: dict[str, str] = Field(default_factory=dict)
    """Log performer → org unit id (from the mapping file)."""


def load_mapping(path: str | Path) -> ActivityMapping:
    """Read a mapping YAML (``activities:``/``resources:``)."""
    p = Path(path)
    data, lines = load_yaml_file(p, error=ConfigError)
    try:
        return ActivityMapping.model_validate(_stringify(data or {}))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise ConfigError(f"bad mapping file: {where}: {first['msg']}", file=p,
                          line=line_for(lines, tuple(first["loc"]))) from exc


def _stringify(data: object) -> object:
    """YAML reads ``560872:`` as an int key; activities and performers are strings."""
    if isinstance(data, dict):
        return {str(k): (_stringify(v) if isinstance(v, dict) else (None if v is None else str(v)))
                for k, v in data.items()}
    return data


def normalise(text: str) -> str:
    """German/English label normalisation: case, umlauts, ß, punctuation, stop words."""
    text = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = [w for w in re.split(r"[^a-z0-9]+", text) if w and w not in _STOPWORDS]
    return " ".join(words)


def match_label(label: str, candidates: Mapping[str, str]) -> tuple[str, float] | None:
    """Best candidate id for ``label`` among ``{id: label}``, with its score 0–100, or None below the threshold."""
    from rapidfuzz import fuzz, process

    wanted = normalise(label)
    if not wanted:
        return None
    names = {cid: normalise(text) for cid, text in candidates.items()}
    best = process.extractOne(wanted, names, scorer=fuzz.token_set_ratio, score_cutoff=MATCH_THRESHOLD)
    if best is None:
        return None
    _text, score, cid = best
    return str(cid), float(score)


def _exact_step(activity: str, tasks: Mapping[str, str]) -> str | None:
    """A step whose id is the activity, or the id discovery gives it (``Activity_<activity>``)."""
    from vollzug.mining.discover import ncname

    for candidate in (activity, ncname("Activity", activity)):
        if candidate in tasks:
            return candidate
    return None


def map_activities(activities: Iterable[str], labels: Mapping[str, str], model: OperationalModel,
                   mapping: ActivityMapping | None = None) -> MappingResult:
    """Map log activities to the model's activity steps (file, then id/label equality, then fuzzy labels)."""
    given = mapping or ActivityMapping()
    tasks = {s.id: s.name for s in model.steps if s.type in ACTIVITY_TYPES}
    for activity, step in given.activities.items():
        if step is not None and step not in tasks:
            raise ConfigError(f"mapping names step '{step}' for activity '{activity}', but the model has no such "
                              "activity")
    steps: dict[str, str] = {}
    how: dict[str, str] = {}
    ignored: list[str] = []
    unknown: list[str] = []
    exact = {a: _exact_step(a, tasks) for a in set(activities)}
    claimed = {sid for sid in exact.values() if sid}
    free = {sid: name for sid, name in tasks.items() if sid not in claimed}
    by_name = {normalise(name): sid for sid, name in free.items() if name}
    for activity in sorted(set(activities)):
        if activity in given.activities:
            target = given.activities[activity]
            if target is None:
                ignored.append(activity)
            else:
                steps[activity], how[activity] = target, "file"
            continue
        label = labels.get(activity, activity)
        found_id = exact[activity]
        if found_id:
            steps[activity], how[activity] = found_id, "id"
        elif normalise(label) in by_name or normalise(activity) in by_name:
            steps[activity] = by_name.get(normalise(label)) or by_name[normalise(activity)]
            how[activity] = "label"
        else:
            found = match_label(label, free) or (match_label(activity, free) if label != activity else None)
            if found is None:
                unknown.append(activity)
            else:
                steps[activity], how[activity] = found[0], f"fuzzy:{found[1]:.0f}"
    mapped = set(steps.values())
    return MappingResult(
        steps=steps, how=how, ignored=tuple(ignored), unknown=tuple(unknown),
        unobserved=tuple(sid for sid in tasks if sid not in mapped), resources=dict(given.resources),
    )
