"""The executive's life besides its election: factions, their platforms and the delegates who
join and leave them, the majority's offer of seats to the minority and its answer, officers
appointed to portfolios, and the end of an office."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from soviet.model.events.base import DomainEvent


@dataclass(frozen=True)
class FactionRegistered(DomainEvent):
    """A group of delegates of ``body`` with a platform."""

    TYPE: ClassVar[str] = "faction.registered"
    faction: str
    body: str
    name: str
    platform: str
    members: list[str]
    on: str


@dataclass(frozen=True)
class FactionJoined(DomainEvent):
    """``member``, a delegate of the faction's body, joins ``faction`` after its registration."""

    TYPE: ClassVar[str] = "faction.joined"
    faction: str
    member: str
    on: str


@dataclass(frozen=True)
class FactionLeft(DomainEvent):
    TYPE: ClassVar[str] = "faction.left"
    faction: str
    member: str
    on: str


@dataclass(frozen=True)
class CoalitionOffered(DomainEvent):
    """The majority (``by``, a faction) offers ``faction`` seats in ``executive`` on the
    ``condition`` that it accepts the programme the body adopted (``programme``, a motion)."""

    TYPE: ClassVar[str] = "coalition.offered"
    offer: str
    executive: str
    by: str
    faction: str
    seats: int
    condition: str
    on: str
    programme: str | None = None


@dataclass(frozen=True)
class CoalitionAnswered(DomainEvent):
    TYPE: ClassVar[str] = "coalition.answered"
    offer: str
    accepted: bool
    statement: str
    on: str


@dataclass(frozen=True)
class OfficerAppointed(DomainEvent):
    """``executive`` appointed ``holder`` to ``portfolio`` by its decision (a motion)."""

    TYPE: ClassVar[str] = "officer.appointed"
    office: str
    executive: str
    holder: str
    portfolio: str
    on: str
    decision: str | None = None


@dataclass(frozen=True)
class OfficeEnded(DomainEvent):
    """``reason``: resigned, no-confidence, or the executive's no-confidence (``decision``
    names the motion that carried it)."""

    TYPE: ClassVar[str] = "office.ended"
    office: str
    reason: str
    on: str
    decision: str | None = None
