"""Members of base units: joining (one or a whole roll at once), transfer, suspension, leaving."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from soviet.model.events.base import DomainEvent


@dataclass(frozen=True)
class MembersJoined(DomainEvent):
    """One or many members join ``unit``; each entry is ``[member id, name]``."""

    TYPE: ClassVar[str] = "members.joined"
    unit: str
    members: list[tuple[str, str]]
    on: str


@dataclass(frozen=True)
class MemberTransferred(DomainEvent):
    TYPE: ClassVar[str] = "member.transferred"
    member: str
    unit: str
    on: str


@dataclass(frozen=True)
class MemberSuspended(DomainEvent):
    """Suspended from ``on`` until ``until`` (open-ended if None): no vote, no signature."""

    TYPE: ClassVar[str] = "member.suspended"
    member: str
    on: str
    until: str | None
    reason: str


@dataclass(frozen=True)
class MemberReinstated(DomainEvent):
    TYPE: ClassVar[str] = "member.reinstated"
    member: str
    on: str


@dataclass(frozen=True)
class MemberLeft(DomainEvent):
    """Leaving ends membership and every mandate (reason: resigned, died, expelled, lapsed)."""

    TYPE: ClassVar[str] = "member.left"
    member: str
    on: str
    reason: str = "resigned"
