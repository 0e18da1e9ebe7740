"""Ereignislog: read XES(.gz) or CSV event logs (through pm4py/pandas) into a small, plain Python structure.

Everything downstream (discovery, conformance, deadlines, comparison) works on :class:`EventLog`; pm4py gets a
DataFrame rebuilt from it with the standard column names, so all algorithms see the same cases and activities.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vollzug.errors import ConfigError, HostileInputError, InputError
from vollzug.mining._pm4py import pandas, quiet
from vollzug.mining.logsafe import DEFAULT_LOG_LIMITS, LogLimits, read_log_bytes, read_xes_rows

CASE = "case:concept:name"
ACTIVITY = "concept:name"
TIMESTAMP = "time:timestamp"
RESOURCE = "org:resource"

RESOURCE_CANDIDATES: tuple[str, ...] = ("org:resource", "org:role", "org:group", "monitoringResource")
"""Attributes tried, in order, when no resource key is given."""
LABEL_CANDIDATES: tuple[str, ...] = ("activityNameEN", "activityNameNL")
"""Attributes tried, in order, for human-readable activity labels (BPIC 2015 uses codes as concept:name)."""
LOG_SUFFIXES: tuple[str, ...] = (".xes", ".xes.gz", ".csv")
"""File types :func:`read_log` accepts."""
CSV_ALIASES: dict[str, tuple[str, ...]] = {
    CASE: ("case_id", "case", "caseid", "Case ID", "case id"),
    ACTIVITY: ("activity", "Activity", "activity_name"),
    TIMESTAMP: ("timestamp", "Timestamp", "time", "complete_timestamp"),
}
"""Column names tried in a CSV when the standard (XES) key of a role is absent and no other column was chosen."""


@dataclass(frozen=True)
class LogColumns:
    """Which attribute/column plays which part. ``None`` means: detect (resource, label) or use the default."""

    case_id: str = CASE
    """Case identifier (CSV column; XES traces use ``case:concept:name``)."""
    activity: str = ACTIVITY
    """Activity key, e.g. ``concept:name``, ``activityNameEN`` or a CSV column."""
    timestamp: str = TIMESTAMP
    """Timestamp key."""
    resource: str | None = None
    """Performer key (``org:resource``, ``org:role``, ``monitoringResource``, ``case:Responsible_actor``, …)."""
    label: str | None = None
    """Key with a readable label for each activity (default: activityNameEN/NL if present)."""


@dataclass(frozen=True)
class Event:
    """Ereignis: one executed activity."""

    activity: str
    timestamp: dt.datetime | None
    resource: str | None = None


@dataclass(frozen=True)
class Trace:
    """Fall: the events of one case in time order, with the case attributes."""

    case_id: str
    events: tuple[Event, ...]
    attributes: dict[str, str] = field(default_factory=dict)

    @property
    def activities(self) -> tuple[str, ...]:
        """The activity sequence (the variant) of the case."""
        return tuple(e.activity for e in self.events)


@dataclass
class EventLog:
    """An event log read from one file."""

    name: str
    path: Path
    traces: list[Trace]
    activity_key: str
    resource_key: str | None
    labels: dict[str, str] = field(default_factory=dict)
    """Activity → readable label (only where the log has one that differs from the activity)."""

    @property
    def event_count(self) -> int:
        """Number of events."""
        return sum(len(t.events) for t in self.traces)

    def activity_counts(self) -> Counter[str]:
        """Events per activity."""
        return Counter(e.activity for t in self.traces for e in t.events)

    def case_counts(self) -> Counter[str]:
        """Cases per activity (each case counted once)."""
        return Counter(a for t in self.traces for a in set(t.activities))

    def variants(self) -> Counter[tuple[str, ...]]:
        """Cases per variant (activity sequence)."""
        return Counter(t.activities for t in self.traces)

    def label(self, activity: str) -> str:
        """The readable label of an activity (the activity itself if the log has none)."""
        return self.labels.get(activity, activity)

    def performers(self) -> dict[str, Counter[str]]:
        """Activity → events per performer (only events with a resource)."""
        result: dict[str, Counter[str]] = defaultdict(Counter)
        for t in self.traces:
            for e in t.events:
                if e.resource:
                    result[e.activity][e.resource] += 1
        return dict(result)

    def filtered(self, activities: Iterable[str]) -> EventLog:
        """A copy keeping only events of the given activities (cases left empty are dropped)."""
        keep = set(activities)
        traces = []
        for t in self.traces:
            events = tuple(e for e in t.events if e.activity in keep)
            if events:
                traces.append(Trace(t.case_id, events, t.attributes))
        return EventLog(self.name, self.path, traces, self.activity_key, self.resource_key, self.labels)

    def to_dataframe(self) -> Any:
        """A pandas DataFrame with the pm4py standard columns (case, activity, timestamp, resource)."""
        pd = pandas()

        rows = [
            (t.case_id, e.activity, e.timestamp, e.resource or "", i)
            for t in self.traces for i, e in enumerate(t.events)
        ]
        frame = pd.DataFrame(rows, columns=[CASE, ACTIVITY, TIMESTAMP, RESOURCE, "_order"])
        frame[TIMESTAMP] = pd.to_datetime(frame[TIMESTAMP], utc=True)
        return frame


def log_name(path: Path) -> str:
    """The file name without log suffixes (``BPIC15_1.xes.gz`` → ``BPIC15_1``)."""
    name = path.name
    for suffix in (".xes.gz", ".csv.gz", ".xes", ".csv"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def read_log(path: str | Path, columns: LogColumns | None = None,
             limits: LogLimits = DEFAULT_LOG_LIMITS) -> EventLog:
    """Read an XES, XES.gz or CSV event log; raise :class:`InputError` with file/line for broken input.

    Decompressed size and event count are limited (:class:`~vollzug.mining.logsafe.LogLimits`); a trace without
    case id or an event without timestamp is an error naming the attribute."""
    p = Path(path)
    cols = columns or LogColumns()
    if not p.is_file():
        raise InputError("file not found", file=p)
    lower = p.name.lower()
    if lower.endswith((".xes", ".xes.gz")):
        frame = _read_xes(p, limits)
        case_key = CASE
    elif lower.endswith((".csv", ".csv.gz")):
        frame, cols = _read_csv(p, cols, limits)
        case_key = cols.case_id
    else:
        raise InputError(f"unsupported event log type (known: {', '.join(LOG_SUFFIXES)})", file=p)
    return _to_event_log(p, frame, cols, case_key)


def _read_xes(path: Path, limits: LogLimits = DEFAULT_LOG_LIMITS) -> Any:
    """XES(.gz) through :mod:`vollzug.mining.logsafe` (limits, hardened parser), as a DataFrame with pm4py's
    column names (trace attributes as ``case:<key>``, dates as UTC timestamps)."""
    pd = pandas()
    rows, date_keys = read_xes_rows(path, limits)
    if not rows:
        raise InputError("event log has no events", file=path)
    frame = pd.DataFrame(rows)
    for column in frame.columns:
        key = column[5:] if column.startswith("case:") else column
        if key in date_keys:
            frame[column] = pd.to_datetime(frame[column], utc=True)
    return frame


def _read_csv(path: Path, cols: LogColumns, limits: LogLimits = DEFAULT_LOG_LIMITS) -> tuple[Any, LogColumns]:
    pd = pandas()

    data = read_log_bytes(path, limits)
    if data.count(b"\n") > limits.max_events + 1:
        raise HostileInputError(f"refused: more than {limits.max_events} events (the limit)", file=path)
    try:
        with quiet():
            frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, sep=None, engine="python")
    except Exception as exc:  # pandas: ParserError, UnicodeDecodeError, EmptyDataError …
        raise InputError(f"not a readable CSV event log: {_first_line(exc)}", file=path) from exc
    frame.columns = [str(c).strip() for c in frame.columns]
    cols = _detect_columns(frame, cols)
    for role, key in (("case id", cols.case_id), ("activity", cols.activity), ("timestamp", cols.timestamp)):
        if key not in frame.columns:
            raise ConfigError(
                f"CSV has no {role} column '{key}' (columns: {', '.join(frame.columns)}); "
                f"choose one with --{role.replace(' ', '-')}",
                file=path, line=1,
            )
    stamps = pd.to_datetime(frame[cols.timestamp], utc=True, errors="coerce", format="mixed")
    bad = stamps.isna()
    if bool(bad.any()):
        row = int(bad.to_numpy().nonzero()[0][0])
        value = frame[cols.timestamp].iloc[row]
        raise InputError(f"unreadable timestamp '{value}'", file=path, line=row + 2, element=cols.timestamp)
    frame[cols.timestamp] = stamps
    for row, value in enumerate(frame[cols.case_id]):
        if not str(value).strip():
            raise InputError("empty case id", file=path, line=row + 2, element=cols.case_id)
    return frame, cols


def _detect_columns(frame: Any, cols: LogColumns) -> LogColumns:
    """Replace standard keys missing from the CSV by a common alias (``case_id``, ``activity``, ``timestamp``)."""
    found = {}
    for field_name, default in (("case_id", CASE), ("activity", ACTIVITY), ("timestamp", TIMESTAMP)):
        if getattr(cols, field_name) == default and default not in frame.columns:
            alias = next((a for a in CSV_ALIASES[default] if a in frame.columns), None)
            if alias is not None:
                found[field_name] = alias
    if cols.resource is None and RESOURCE not in frame.columns and "resource" in frame.columns:
        found["resource"] = "resource"
    return dataclasses.replace(cols, **found) if found else cols


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _pick(frame: Any, wanted: str | None, candidates: tuple[str, ...], path: Path, role: str) -> str | None:
    if wanted:
        if wanted not in frame.columns:
            raise ConfigError(f"log has no {role} attribute '{wanted}' (have: {', '.join(map(str, frame.columns))})",
                              file=path)
        return wanted
    return next((c for c in candidates if c in frame.columns), None)


def _to_event_log(path: Path, frame: Any, cols: LogColumns, case_key: str) -> EventLog:
    activity_key = cols.activity
    if activity_key not in frame.columns:
        raise ConfigError(
            f"log has no activity attribute '{activity_key}' (have: {', '.join(map(str, frame.columns))})", file=path
        )
    timestamp_key = cols.timestamp if cols.timestamp in frame.columns else TIMESTAMP
    resource_key = _pick(frame, cols.resource, RESOURCE_CANDIDATES, path, "resource")
    label_key = _pick(frame, cols.label, tuple(c for c in LABEL_CANDIDATES if c != activity_key), path, "label")
    if "lifecycle:transition" in frame.columns:
        life = frame["lifecycle:transition"].astype(str).str.lower()
        if bool((life == "complete").any()):
            frame = frame[life == "complete"]
    if len(frame) == 0:
        raise InputError("event log has no events", file=path)
    frame = frame.sort_values([case_key, timestamp_key], kind="stable") if timestamp_key in frame.columns else frame
    keys = [case_key, activity_key, timestamp_key, resource_key, label_key]
    present = [k for k in keys if k is not None and k in frame.columns]
    index = {k: i for i, k in enumerate(present)}
    traces: dict[str, list[Event]] = defaultdict(list)
    label_votes: dict[str, Counter[str]] = defaultdict(Counter)
    for row in frame[present].itertuples(index=False, name=None):
        case = _text(row[index[case_key]])
        activity = _text(row[index[activity_key]])
        if not case or not activity:
            continue
        stamp = row[index[timestamp_key]] if timestamp_key in index else None
        resource = _text(row[index[resource_key]]) if resource_key in index else None
        traces[case].append(Event(activity, _datetime(stamp), resource or None))
        if label_key in index:
            label = _text(row[index[label_key]])
            if label:
                label_votes[activity][label] += 1
    case_attrs = _case_attributes(frame, case_key)
    result = [Trace(case, tuple(events), case_attrs.get(case, {})) for case, events in traces.items()]
    labels = {a: votes.most_common(1)[0][0] for a, votes in label_votes.items() if votes.most_common(1)[0][0] != a}
    return EventLog(log_name(path), path, result, activity_key, resource_key, labels)


def _case_attributes(frame: Any, case_key: str) -> dict[str, dict[str, str]]:
    attr_cols = [c for c in frame.columns if str(c).startswith("case:") and c != case_key]
    if not attr_cols:
        return {}
    firsts = frame.groupby(case_key, sort=False)[attr_cols].first()
    result: dict[str, dict[str, str]] = {}
    for case, row in firsts.iterrows():
        result[_text(case)] = {str(k)[5:]: _text(v) for k, v in row.items() if _text(v)}
    return result


def _text(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    return "" if text in {"nan", "NaT", "None", "<NA>"} else text.strip()


def _datetime(value: Any) -> dt.datetime | None:
    if value is None or _text(value) == "":
        return None
    if hasattr(value, "to_pydatetime"):
        result: dt.datetime = value.to_pydatetime()
        return result
    if isinstance(value, dt.datetime):
        return value
    return None
