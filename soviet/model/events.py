"""The organisation's events, declared once: each a frozen dataclass named for the act it records.

A ledger row carries a type name and a JSON payload; :func:`decode` turns it into the matching
dataclass, refusing unknown types and missing or extra fields so that a fold never guesses.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, ClassVar


@dataclass(frozen=True)
class DomainEvent:
    TYPE: ClassVar[str]


@dataclass(frozen=True)
class OrganisationFounded(DomainEvent):
    """The first event of every ledger: the organisation's name and its charter."""

    TYPE: ClassVar[str] = "organisation.founded"
    name: str
    charter: dict[str, Any]


@dataclass(frozen=True)
class CharterAmended(DomainEvent):
    """A new charter in force from this event on; ``decision`` names the act that adopted it."""

    TYPE: ClassVar[str] = "charter.amended"
    charter: dict[str, Any]
    decision: int | None = None


@dataclass(frozen=True)
class MemberJoined(DomainEvent):
    TYPE: ClassVar[str] = "member.joined"
    member: str
    name: str
    unit: str
    since: str  # ISO date the membership runs from


@dataclass(frozen=True)
class MemberLeft(DomainEvent):
    TYPE: ClassVar[str] = "member.left"
    member: str
    on: str  # ISO date
    reason: str = "resigned"


EVENT_TYPES: dict[str, type[DomainEvent]] = {
    cls.TYPE: cls for cls in (OrganisationFounded, CharterAmended, MemberJoined, MemberLeft)
}
_FIELDS = {name: frozenset(f.name for f in fields(cls)) for name, cls in EVENT_TYPES.items()}


class UnknownEvent(ValueError):
    pass


def decode(type_: str, payload: dict[str, Any]) -> DomainEvent:
    cls = EVENT_TYPES.get(type_)
    if cls is None:
        raise UnknownEvent(f"unknown event type {type_!r}")
    extra = payload.keys() - _FIELDS[type_]
    if extra:
        raise UnknownEvent(f"{type_} has unknown field(s) {', '.join(sorted(extra))}")
    try:
        return cls(**payload)
    except TypeError as e:
        raise UnknownEvent(f"{type_}: {e}") from None


def encode(event: DomainEvent) -> dict[str, Any]:
    return {f.name: getattr(event, f.name) for f in fields(event)}
