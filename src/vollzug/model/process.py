"""Operationalisierungsmodell: how one municipality puts one law into practice (IST or SOLL)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from vollzug.model.actors import Municipality, OrgUnit, Role, Stakeholder
from vollzug.model.base import Frozen
from vollzug.model.lawid import LawId
from vollzug.model.resources import Resource

FlowNodeType = Literal[
    "task", "userTask", "serviceTask", "sendTask", "receiveTask", "manualTask", "businessRuleTask", "scriptTask",
    "callActivity", "subProcess", "adHocSubProcess", "transaction",
    "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
    "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway",
]
"""BPMN flow node type (the local name of the BPMN element)."""

ACTIVITY_TYPES: frozenset[str] = frozenset({
    "task", "userTask", "serviceTask", "sendTask", "receiveTask", "manualTask", "businessRuleTask", "scriptTask",
    "callActivity", "subProcess", "adHocSubProcess", "transaction",
})
"""Flow node types that are activities (work)."""
EVENT_TYPES: frozenset[str] = frozenset({
    "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
})
"""Flow node types that are events."""
GATEWAY_TYPES: frozenset[str] = frozenset({
    "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway",
})
"""Flow node types that are gateways."""

EventKind = Literal[
    "none", "message", "timer", "signal", "error", "escalation", "conditional", "compensation", "terminate",
    "link", "cancel", "multiple",
]
"""Event definition kind (BPMN ``*EventDefinition``)."""

RaciLetter = Literal["R", "A", "C", "I"]
"""Responsible, Accountable, Consulted, Informed."""

NotificationChannel = Literal[
    "Dienstanweisung", "Rundschreiben", "Dienstbesprechung", "Schulung", "Intranet", "E-Mail", "Umlauf"
]
"""Kanal der Inkenntnissetzung."""

Basis = Literal["legal", "internal", "none"]
"""Handlungsgrundlage: gesetzlich (a norm), intern (e.g. a Dienstanweisung), or none given."""


class RaciAssignment(Frozen):
    """RACI-Zuordnung: one unit or role with its letter for a step."""

    party: str
    """Org unit id, role id or stakeholder id."""
    letter: RaciLetter
    """R, A, C or I."""


class Notification(Frozen):
    """Inkenntnissetzung des Personals: who informs whom of which obligation, how, with acknowledgement."""

    recipients: tuple[str, ...]
    """Org units (or roles) being informed."""
    obligations: tuple[str, ...] = ()
    """Obligation ids the staff are informed of."""
    channel: NotificationChannel = "Dienstanweisung"
    """How staff are informed."""
    acknowledgement: bool = False
    """Whether receipt is acknowledged (Kenntnisnahmevermerk)."""
    sender: str | None = None
    """Unit issuing the notification (default: the step's lane)."""


class Deadline(Frozen):
    """Frist am Schritt: a legal or planned deadline attached to a step."""

    kind: Literal["legal", "planned"] = "planned"
    """Legal (from the law) or planned (the municipality's own schedule)."""
    date: dt.date | None = None
    """Absolute date, if any."""
    duration: str | None = None
    """ISO 8601 duration relative to ``after`` (e.g. "P3M")."""
    after: str | None = None
    """Step id the duration starts from."""
    term: str | None = None
    """Indefinite legal term, e.g. "unverzüglich"."""
    citation: str | None = None
    """Norm that sets the deadline."""


class Suppression(Frozen):
    """Unterdrückung einer Regel für dieses Element, mit Pflichtbegründung."""

    code: str
    """Rule code or prefix, e.g. "RS001"."""
    reason: str = Field(min_length=1)
    """Why the finding does not apply; shown in reports."""


class EventDefinition(Frozen):
    """Ereignisdefinition of an event step."""

    kind: EventKind = "none"
    """Trigger kind."""
    timer: str | None = None
    """Timer value (ISO 8601 date, duration or cycle)."""
    timer_type: Literal["date", "duration", "cycle"] | None = None
    """Which timer element holds ``timer``."""
    attached_to: str | None = None
    """Activity a boundary event is attached to."""
    interrupting: bool = True
    """Boundary/start event cancels the activity."""
    ref: str | None = None
    """Referenced message/signal/error name or id."""


class Step(Frozen):
    """Verfahrensschritt: a BPMN flow node with its links to obligations and its operational data."""

    id: str
    """Element id (an XML NCName; also the id in BPMN)."""
    name: str = ""
    """Label."""
    type: FlowNodeType = "task"
    """BPMN flow node type."""
    pool: str | None = None
    """Participant (pool) id the node belongs to; None for the municipality's own process."""
    lane: str | None = None
    """Org unit (innermost lane) performing the step."""
    parent: str | None = None
    """Enclosing sub-process, if any."""
    obligations: tuple[str, ...] = ()
    """Obligation ids this step fulfils (in whole or in part)."""
    citations: tuple[str, ...] = ()
    """Handlungsgrundlagen as written, e.g. "§ 13 Abs. 2 WPG"."""
    basis: Basis = "legal"
    """Whether the step rests on a norm, an internal rule, or nothing stated."""
    raci: tuple[RaciAssignment, ...] = ()
    """RACI assignments; exactly one A per obligation is checked by a rule, not enforced here."""
    resources: tuple[Resource, ...] = ()
    """Resources used."""
    deadlines: tuple[Deadline, ...] = ()
    """Deadlines of this step."""
    notification: Notification | None = None
    """Set for staff-notification steps (Inkenntnissetzung)."""
    event: EventDefinition | None = None
    """Event definition, for events."""
    loop: Literal["none", "standard", "parallel", "sequential"] = "none"
    """Loop characteristics (e.g. "early and continuous" participation)."""
    collapsed: bool = False
    """Sub-process drawn collapsed."""
    documentation: str = ""
    """Free documentation."""
    suppressions: tuple[Suppression, ...] = ()
    """Rules suppressed for this element, each with a reason."""


class SequenceFlow(Frozen):
    """Sequenzfluss between two flow nodes of one process."""

    id: str
    """Element id."""
    source: str
    """Source step id."""
    target: str
    """Target step id."""
    name: str = ""
    """Label."""
    condition: str | None = None
    """Condition expression, if any."""
    default: bool = False
    """Default flow of its source gateway/activity."""


class MessageFlow(Frozen):
    """Nachrichtenfluss between pools (stakeholder involvement) or their nodes."""

    id: str
    """Element id."""
    source: str
    """Source: step id or pool (participant) id."""
    target: str
    """Target: step id or pool (participant) id."""
    name: str = ""
    """Label, e.g. what is sent."""


class Pool(Frozen):
    """Pool (BPMN participant): the municipality's own, or an external stakeholder's."""

    id: str
    """Participant id."""
    name: str
    """Label."""
    stakeholder: str | None = None
    """Stakeholder id this pool stands for (None for the municipality itself)."""
    process: str | None = None
    """Id of the process the pool contains, if any (collapsed pools have none)."""
    collapsed: bool = False
    """Drawn as a black box."""


class DataObject(Frozen):
    """Datenobjekt oder Datenspeicher, with medium and personal-data flag."""

    id: str
    """Element id."""
    name: str = ""
    """Label."""
    kind: Literal["object", "store", "input", "output"] = "object"
    """Data object (reference), data store (reference), or process input/output."""
    medium: str | None = None
    """Medium: Papier, E-Mail, Excel, Fachverfahren, GIS, …"""
    personal: bool = False
    """Contains personal data (e.g. building-level consumption)."""
    pool: str | None = None
    """Participant the object belongs to (None: the municipality)."""


class DataAssociation(Frozen):
    """Datenassoziation: a data object read or written by a step."""

    id: str
    """Element id."""
    source: str
    """Source id (step or data object)."""
    target: str
    """Target id (step or data object)."""


class Annotation(Frozen):
    """Textanmerkung, optionally associated with an element."""

    id: str
    """Element id."""
    text: str
    """Annotation text."""
    target: str | None = None
    """Annotated element, if associated."""


Variant = Literal["IST", "SOLL"]
"""IST (as-is) or SOLL (to-be)."""


class OperationalModel(Frozen):
    """Operationalisierungsmodell: one municipality's way of executing one law (IST or SOLL)."""

    kind: Literal["operational_model"] = "operational_model"
    """Document tag."""
    id: str = "Process_1"
    """Id of the municipality's process."""
    title: str = ""
    """Title, e.g. "Kommunale Wärmeplanung Rheine (IST)"."""
    law: LawId | None = None
    """Catalogue id, e.g. "WPG" (letters, digits, ``-``/``_`` parts; checked against the catalogue registry)."""
    variant: Variant | None = None
    """IST or SOLL."""
    municipality: Municipality | None = None
    """The municipality (None for generic BPMN files)."""
    joint_with: tuple[str, ...] = ()
    """AGS of municipalities planning jointly with this one (Konvoi)."""
    valid_from: dt.date | None = None
    """Date from which the model describes practice."""
    authors: tuple[str, ...] = ()
    """Who wrote the model."""
    process_owner: str | None = None
    """Org unit or role owning the end-to-end process (Prozessverantwortung)."""
    choices: dict[str, bool] = Field(default_factory=dict)
    """Municipal choices, e.g. {"simplified_procedure": true, "commission_third_party": true}."""
    synthetic: bool = False
    """True if the model is made-up example data, not a real town's process."""
    documentation: str = ""
    """Free text."""
    org_units: tuple[OrgUnit, ...] = ()
    """Org units (lanes), outermost first."""
    roles: tuple[Role, ...] = ()
    """Roles."""
    stakeholders: tuple[Stakeholder, ...] = ()
    """Stakeholders (external ones become pools)."""
    pools: tuple[Pool, ...] = ()
    """Pools; the municipality's own pool has ``stakeholder`` None."""
    steps: tuple[Step, ...] = ()
    """Flow nodes."""
    sequence_flows: tuple[SequenceFlow, ...] = ()
    """Sequence flows."""
    message_flows: tuple[MessageFlow, ...] = ()
    """Message flows."""
    data_objects: tuple[DataObject, ...] = ()
    """Data objects and stores."""
    data_associations: tuple[DataAssociation, ...] = ()
    """Data associations."""
    annotations: tuple[Annotation, ...] = ()
    """Text annotations."""

    def step(self, step_id: str) -> Step | None:
        """The step with this id, or None."""
        return next((s for s in self.steps if s.id == step_id), None)
