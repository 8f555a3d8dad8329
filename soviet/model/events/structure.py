"""The tree of bodies: base units, councils, the congress, and the committees they elect.

``parent`` is the body a unit or council sends delegates to; for an executive or a control
commission it is the body that elects it. Dates (``on``) are the day the act takes effect, which
for a re-enacted history is not the day it was recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from soviet.model.events.base import DomainEvent


@dataclass(frozen=True)
class BodyCreated(DomainEvent):
    TYPE: ClassVar[str] = "body.created"
    body: str
    name: str
    kind: str  # unit_assembly | council | congress | executive | control_commission
    parent: str | None
    on: str
    scale: str | None = None  # the charter's representation scale for its seats above


@dataclass(frozen=True)
class BodyMoved(DomainEvent):
    TYPE: ClassVar[str] = "body.moved"
    body: str
    parent: str
    on: str


@dataclass(frozen=True)
class BodiesMerged(DomainEvent):
    """``bodies`` join ``into``: their members and sitting delegates now belong to it."""

    TYPE: ClassVar[str] = "bodies.merged"
    bodies: list[str]
    into: str
    on: str


@dataclass(frozen=True)
class BodyDissolved(DomainEvent):
    TYPE: ClassVar[str] = "body.dissolved"
    body: str
    on: str


@dataclass(frozen=True)
class BasisReported(DomainEvent):
    """A unit's count of voters or inhabitants, for scales whose basis is not its members."""

    TYPE: ClassVar[str] = "basis.reported"
    body: str
    basis: str  # voters | inhabitants
    figure: int
    on: str
