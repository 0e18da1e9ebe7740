"""Typed, frozen domain model (pydantic v2). No I/O here."""

from vollzug.model.actors import Municipality, OrgUnit, Population, Role, Stakeholder
from vollzug.model.citation import Citation, CitationUnit
from vollzug.model.law import Catalogue, Law, Norm, Obligation, StakeholderRequirement
from vollzug.model.process import (
    Annotation,
    DataAssociation,
    DataObject,
    Deadline,
    EventDefinition,
    MessageFlow,
    Notification,
    OperationalModel,
    Pool,
    RaciAssignment,
    SequenceFlow,
    Step,
    Suppression,
)
from vollzug.model.resources import Resource

__all__ = [
    "Annotation", "Catalogue", "Citation", "CitationUnit", "DataAssociation", "DataObject", "Deadline",
    "EventDefinition", "Law", "MessageFlow", "Municipality", "Norm", "Notification", "Obligation",
    "OperationalModel", "OrgUnit", "Pool", "Population", "RaciAssignment", "Resource", "Role", "SequenceFlow",
    "Stakeholder", "StakeholderRequirement", "Step", "Suppression",
]
