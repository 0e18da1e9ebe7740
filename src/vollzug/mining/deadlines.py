"""Fristeinhaltung: legal and planned deadlines measured on an event log.

A rule names start and end activities (data, e.g. ``01_HOOFD_010`` → ``01_HOOFD_495`` for BPIC 2015). Per case the
first start event and the first end event after it give the duration; cases without an end are counted as open and
left out of the shares. Percentiles use the nearest-rank method (a value that occurs in the data).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from vollzug.errors import ConfigError
from vollzug.mining.log import EventLog, Trace
from vollzug.model.process import OperationalModel
from vollzug.safe_yaml import load_yaml_file

_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


class DeadlineRule(BaseModel):
    """Frist, gemessen am Log: from the first start activity to the first end activity after it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    """Rule id, e.g. "BPIC.D01"."""
    title: str
    """German title."""
    kind: Literal["legal", "planned"] = "legal"
    """Legal (from the law) or planned (the municipality's own)."""
    citation: str = ""
    """Norm that sets the deadline."""
    duration: str
    """ISO 8601 duration (Y, M, W, D), e.g. "P8W"."""
    extension: str | None = None
    """Allowed extension (once), e.g. "P6W"."""
    extension_citation: str = ""
    """Norm that allows the extension."""
    start: tuple[str, ...]
    """Activities that start the period (first occurrence counts)."""
    end: tuple[str, ...]
    """Activities that end it (first occurrence after the start)."""
    only_if: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Case attribute → values; the rule applies only to matching cases."""
    exclude_if: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Case attribute → values; matching cases are left out."""
    verified: bool = True
    """False while the legal content is to be verified."""
    note: str = ""
    """Free text (limitations of the measurement)."""


class DeadlineRules(BaseModel):
    """Fristenkatalog für ein Verfahren (file ``rules/<procedure>/deadlines.yaml``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["deadline_rules"] = "deadline_rules"
    """Document tag."""
    procedure: str
    """The procedure the rules apply to."""
    source: str = ""
    """Where the rules come from."""
    rules: tuple[DeadlineRule, ...]
    """The rules."""


class WorstCase(BaseModel):
    """Ein Fall mit langer Dauer."""

    model_config = ConfigDict(frozen=True)

    case_id: str
    """Case id."""
    days: float
    """Duration in days."""


class DeadlineCompliance(BaseModel):
    """Fristeinhaltung einer Regel in einem Log."""

    model_config = ConfigDict(frozen=True)

    rule: str
    """Rule id."""
    title: str
    """Rule title."""
    kind: Literal["legal", "planned"]
    """Legal or planned."""
    citation: str = ""
    """Norm."""
    verified: bool = True
    """False if the rule is to be verified."""
    duration: str
    """ISO duration of the deadline."""
    extension: str | None = None
    """ISO duration of the extension."""
    applicable: int
    """Cases the rule applies to that contain a start activity."""
    measured: int
    """Cases with start and end."""
    open: int
    """Cases with start but no end (not counted in the shares)."""
    within: int
    """Measured cases within the deadline."""
    within_extended: int | None = None
    """Measured cases within deadline plus extension."""
    median_days: float | None = None
    """Median duration (nearest rank)."""
    p90_days: float | None = None
    """90th percentile duration (nearest rank)."""
    max_days: float | None = None
    """Longest duration."""
    worst: tuple[WorstCase, ...] = ()
    """The five longest cases."""

    @property
    def share(self) -> float | None:
        """Share of measured cases within the deadline."""
        return self.within / self.measured if self.measured else None

    @property
    def share_extended(self) -> float | None:
        """Share within deadline plus extension."""
        return self.within_extended / self.measured if self.measured and self.within_extended is not None else None


def add_duration(start: dt.datetime, duration: str) -> dt.datetime:
    """``start`` plus an ISO 8601 duration of years, months, weeks, days (calendar months, end-of-month clamped)."""
    match = _DURATION.match(duration)
    if not match or duration == "P":
        raise ConfigError(f"unsupported duration '{duration}' (use e.g. P8W, P3M, P10D)")
    years, months, weeks, days = (int(g) if g else 0 for g in match.groups())
    month_index = start.month - 1 + months + 12 * years
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return start.replace(year=year, month=month, day=day) + dt.timedelta(weeks=weeks, days=days)


def load_rules(path: str | Path) -> DeadlineRules:
    """Read a deadline rules YAML."""
    p = Path(path)
    data, lines = load_yaml_file(p, error=ConfigError)
    try:
        rules = DeadlineRules.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        raise ConfigError(f"bad deadline rules: {'.'.join(map(str, loc))}: {first['msg']}", file=p,
                          line=lines.get(loc[:2]) or lines.get(loc[:1])) from exc
    for rule in rules.rules:
        add_duration(dt.datetime(2000, 1, 31), rule.duration)
    return rules


def _applies(trace: Trace, rule: DeadlineRule) -> bool:
    attrs = trace.attributes
    if any(attrs.get(k, "") not in set(v) for k, v in rule.only_if.items()):
        return False
    return not any(attrs.get(k, "") in set(v) for k, v in rule.exclude_if.items())


def _span(trace: Trace, start: set[str], end: set[str]) -> tuple[dt.datetime, dt.datetime | None] | None:
    begin: dt.datetime | None = None
    for event in trace.events:
        if begin is None:
            if event.activity in start and event.timestamp is not None:
                begin = event.timestamp
        elif event.activity in end and event.timestamp is not None:
            return begin, event.timestamp
    return (begin, None) if begin is not None else None


def nearest_rank(values: list[float], share: float) -> float:
    """Nearest-rank percentile of sorted ``values``."""
    return values[max(0, math.ceil(share * len(values)) - 1)]


def measure(log: EventLog, rule: DeadlineRule) -> DeadlineCompliance:
    """Measure one rule on a log."""
    durations: list[tuple[float, str]] = []
    within = within_ext = applicable = open_cases = 0
    start, end = set(rule.start), set(rule.end)
    for trace in log.traces:
        if not _applies(trace, rule):
            continue
        span = _span(trace, start, end)
        if span is None:
            continue
        applicable += 1
        begin, finish = span
        if finish is None:
            open_cases += 1
            continue
        durations.append(((finish - begin).total_seconds() / 86400, trace.case_id))
        within += finish <= add_duration(begin, rule.duration)
        if rule.extension:
            within_ext += finish <= add_duration(add_duration(begin, rule.duration), rule.extension)
    values = sorted(d for d, _ in durations)
    worst = sorted(durations, key=lambda x: (-x[0], x[1]))[:5]
    return DeadlineCompliance(
        rule=rule.id, title=rule.title, kind=rule.kind, citation=rule.citation, verified=rule.verified,
        duration=rule.duration, extension=rule.extension, applicable=applicable, measured=len(values),
        open=open_cases, within=within, within_extended=within_ext if rule.extension else None,
        median_days=round(nearest_rank(values, 0.5), 2) if values else None,
        p90_days=round(nearest_rank(values, 0.9), 2) if values else None,
        max_days=round(values[-1], 2) if values else None,
        worst=tuple(WorstCase(case_id=c, days=round(d, 2)) for d, c in worst),
    )


def model_rules(model: OperationalModel, steps_of_activity: dict[str, str]) -> list[DeadlineRule]:
    """Planned/legal deadlines of the model's steps (duration after another step) as rules on log activities."""
    activities: dict[str, list[str]] = {}
    for activity, step_id in steps_of_activity.items():
        activities.setdefault(step_id, []).append(activity)
    rules = []
    for step in model.steps:
        for index, deadline in enumerate(step.deadlines, 1):
            if not deadline.duration or not deadline.after:
                continue
            start, end = activities.get(deadline.after), activities.get(step.id)
            if start and end:
                rules.append(DeadlineRule(
                    id=f"{step.id}.deadline{index}", title=f"{step.name or step.id}: {deadline.duration} nach "
                    f"{deadline.after}", kind=deadline.kind, citation=deadline.citation or "",
                    duration=deadline.duration, start=tuple(sorted(start)), end=tuple(sorted(end)),
                ))
    return rules


def compliance(log: EventLog, rules: Iterable[DeadlineRule]) -> tuple[DeadlineCompliance, ...]:
    """Measure every rule on the log."""
    return tuple(measure(log, rule) for rule in rules)
