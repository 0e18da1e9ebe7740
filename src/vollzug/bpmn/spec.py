"""The BPMN 2.0 element table: qualified tag → :class:`ElementSpec` (category and id-reference attributes).

Reading, the reference checks and the model builder are driven by this table, not by if/elif ladders over tag
names (the bpmn-moddle/SpiffWorkflow idea). Elements that are not in the table but live in the BPMN namespace are
kept in the tree and reported as unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from vollzug.bpmn.safe_xml import BPMN_NS

BPMNDI_NS = "http://www.omg.org/spec/BPMN/20100524/DI"
DC_NS = "http://www.omg.org/spec/DD/20100524/DC"
DI_NS = "http://www.omg.org/spec/DD/20100524/DI"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
VZ_NS = "urn:vollzug:bpmn:1.0"
"""vollzug's own extension namespace (prefix ``vz``; encoded and decoded in :mod:`vollzug.bpmn.extension`)."""
STANDARD_NS: frozenset[str] = frozenset({BPMN_NS, BPMNDI_NS, DC_NS, DI_NS})
"""Namespaces of the OMG BPMN 2.0 / DD specifications; any other namespace is foreign (vendor or ours)."""

Category = Literal[
    "definitions", "process", "sub_process", "collaboration", "participant", "lane_set", "lane", "flow_node",
    "sequence_flow", "message_flow", "data", "data_association", "artifact", "association", "event_definition",
    "root_element", "support", "di",
]
"""What an element is, for indexing: containers, flow nodes, flows, data, artifacts, definitions, DI."""


@dataclass(frozen=True, slots=True)
class ElementSpec:
    """How one BPMN element type is indexed."""

    category: Category
    """Category of the element."""
    refs: tuple[str, ...] = ()
    """Attributes holding references to other elements' ids (checked for dangling references)."""
    child_refs: tuple[str, ...] = ()
    """Local names of BPMN child elements whose text is a reference (e.g. ``flowNodeRef``, ``incoming``)."""
    container: bool = False
    """Flow nodes below it belong to it (process, sub-processes)."""


_FLOW_NODE_REFS = ("incoming", "outgoing")
_ACTIVITY = ElementSpec("flow_node", refs=("default",), child_refs=_FLOW_NODE_REFS)
_SUB = ElementSpec("sub_process", refs=("default",), child_refs=_FLOW_NODE_REFS, container=True)
_EVENT = ElementSpec("flow_node", child_refs=_FLOW_NODE_REFS)
_GATEWAY = ElementSpec("flow_node", refs=("default",), child_refs=_FLOW_NODE_REFS)
_EVENT_DEF = ElementSpec("event_definition", refs=("messageRef", "signalRef", "errorRef", "escalationRef"))
_ROOT = ElementSpec("root_element")
_SUPPORT = ElementSpec("support")


def _bpmn(names: str, spec: ElementSpec) -> dict[str, ElementSpec]:
    return {f"{{{BPMN_NS}}}{name}": spec for name in names.split()}


SPECS: dict[str, ElementSpec] = {
    **_bpmn("definitions", ElementSpec("definitions")),
    **_bpmn("process", ElementSpec("process", container=True)),
    **_bpmn("subProcess adHocSubProcess transaction", _SUB),
    **_bpmn("task userTask serviceTask sendTask receiveTask manualTask businessRuleTask scriptTask", _ACTIVITY),
    **_bpmn("callActivity", ElementSpec("flow_node", refs=("default",), child_refs=_FLOW_NODE_REFS)),
    **_bpmn("startEvent endEvent intermediateCatchEvent intermediateThrowEvent implicitThrowEvent", _EVENT),
    **_bpmn("boundaryEvent", ElementSpec("flow_node", refs=("attachedToRef",), child_refs=_FLOW_NODE_REFS)),
    **_bpmn("exclusiveGateway parallelGateway inclusiveGateway eventBasedGateway complexGateway", _GATEWAY),
    **_bpmn("sequenceFlow", ElementSpec("sequence_flow", refs=("sourceRef", "targetRef"))),
    **_bpmn("messageFlow", ElementSpec("message_flow", refs=("sourceRef", "targetRef", "messageRef"))),
    **_bpmn("collaboration", ElementSpec("collaboration")),
    **_bpmn("participant", ElementSpec("participant", refs=("processRef",))),
    **_bpmn("laneSet", ElementSpec("lane_set")),
    **_bpmn("lane", ElementSpec("lane", child_refs=("flowNodeRef",))),
    **_bpmn("dataObject", ElementSpec("data")),
    **_bpmn("dataObjectReference", ElementSpec("data", refs=("dataObjectRef",))),
    **_bpmn("dataStoreReference", ElementSpec("data", refs=("dataStoreRef",))),
    **_bpmn("dataInput dataOutput", ElementSpec("data")),
    **_bpmn("dataInputAssociation dataOutputAssociation", ElementSpec("data_association", child_refs=(
        "sourceRef", "targetRef"))),
    **_bpmn("textAnnotation group", ElementSpec("artifact", refs=("categoryValueRef",))),
    **_bpmn("association", ElementSpec("association", refs=("sourceRef", "targetRef"))),
    **_bpmn("messageEventDefinition signalEventDefinition errorEventDefinition escalationEventDefinition "
            "timerEventDefinition conditionalEventDefinition compensateEventDefinition terminateEventDefinition "
            "linkEventDefinition cancelEventDefinition", _EVENT_DEF),
    **_bpmn("message signal error escalation dataStore category itemDefinition interface resource "
            "correlationProperty globalTask endPoint partnerRole partnerEntity eventDefinition", _ROOT),
    **_bpmn("categoryValue ioSpecification inputSet outputSet property operation conversationLink "
            "standardLoopCharacteristics multiInstanceLoopCharacteristics humanPerformer performer potentialOwner "
            "resourceRole resourceAssignmentExpression resourceParameterBinding formalExpression expression "
            "conditionExpression timeDate timeDuration timeCycle completionCondition loopCardinality "
            "documentation extensionElements incoming outgoing flowNodeRef sourceRef targetRef text "
            "childLaneSet dataState script condition import extension relationship "
            "inputDataItem outputDataItem assignment from to transformation correlationKey "
            "correlationPropertyRef messagePath dataPath correlationPropertyRetrievalExpression "
            "complexBehaviorDefinition participantMultiplicity inputSetRefs outputSetRefs dataInputRefs "
            "dataOutputRefs optionalInputRefs optionalOutputRefs whileExecutingInputRefs "
            "whileExecutingOutputRefs interfaceRef supportedInterfaceRef ioBinding loopCondition "
            "loopDataInputRef loopDataOutputRef oneBehaviorEventRef noneBehaviorEventRef "
            "activationCondition eventDefinitionRef source target participantRef messageFlowRef "
            "conversation subConversation callConversation callChoreography choreographyTask "
            "subChoreography choreography globalConversation globalManualTask globalUserTask "
            "globalScriptTask globalBusinessRuleTask rendering auditing monitoring lanes "
            "conversationNode participantAssociation messageFlowAssociation conversationAssociation "
            "innerParticipantRef outerParticipantRef innerMessageFlowRef outerMessageFlowRef "
            "innerConversationNodeRef outerConversationNodeRef correlationSubscription "
            "dataObjectRef dataStoreRef categoryValueRef choreographyRef correlationPropertyBinding endPointRef "
            "errorRef globalChoreographyTask inMessageRef operationRef outMessageRef partitionElement "
            "resourceParameter resourceRef supports", _SUPPORT),
    f"{{{BPMNDI_NS}}}BPMNDiagram": ElementSpec("di"),
    f"{{{BPMNDI_NS}}}BPMNPlane": ElementSpec("di", refs=("bpmnElement",)),
    f"{{{BPMNDI_NS}}}BPMNShape": ElementSpec("di", refs=("bpmnElement", "choreographyActivityShape")),
    f"{{{BPMNDI_NS}}}BPMNEdge": ElementSpec("di", refs=("bpmnElement", "sourceElement", "targetElement")),
    f"{{{BPMNDI_NS}}}BPMNLabel": ElementSpec("di", refs=("labelStyle",)),
    f"{{{BPMNDI_NS}}}BPMNLabelStyle": ElementSpec("di"),
    f"{{{DC_NS}}}Bounds": ElementSpec("di"),
    f"{{{DC_NS}}}Font": ElementSpec("di"),
    f"{{{DI_NS}}}waypoint": ElementSpec("di"),
    f"{{{DI_NS}}}extension": ElementSpec("di"),
}
"""Qualified tag (Clark notation) → spec. One row per BPMN 2.0 element type vollzug knows."""

OPAQUE_TAGS: frozenset[str] = frozenset({
    f"{{{BPMN_NS}}}extensionElements", f"{{{BPMN_NS}}}documentation", f"{{{DI_NS}}}extension",
    f"{{{BPMN_NS}}}text", f"{{{BPMN_NS}}}conditionExpression", f"{{{BPMN_NS}}}script",
})
"""Elements whose content is kept verbatim and not walked (extensions, mixed text content)."""

# Notes on references: in BPMN some reference attributes are QNames ("tns:Process_1"); lookups strip the prefix.
CHILD_REF_TAGS: frozenset[str] = frozenset(
    f"{{{BPMN_NS}}}{name}" for name in ("incoming", "outgoing", "flowNodeRef", "sourceRef", "targetRef")
)
