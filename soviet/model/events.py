"""The organisation's events, declared once: each a frozen dataclass named for the act it records.

A ledger row carries a type name and a JSON payload; :func:`decode` turns it into the matching
dataclass, refusing unknown types and missing or mistyped fields so that a fold never guesses.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, ClassVar

import msgspec


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
# msgspec builds each dataclass straight from the stored JSON text, checking every field's type,
# four times faster than parsing to a dict and calling the constructor: replay is this loop.
_DECODERS = {name: msgspec.json.Decoder(cls) for name, cls in EVENT_TYPES.items()}


class EventError(ValueError):
    """A stored event this version cannot read: unknown type, missing or mistyped field."""


def decode(type_: str, payload_json: str) -> DomainEvent:
    """The event a ledger row records. Fields this version does not know are ignored."""
    try:
        decoder = _DECODERS[type_]
    except KeyError:
        raise EventError(f"unknown event type {type_!r}") from None
    try:
        event: DomainEvent = decoder.decode(payload_json)
    except msgspec.DecodeError as e:
        raise EventError(f"{type_}: {e}") from None
    return event


def encode(event: DomainEvent) -> dict[str, Any]:
    return {f.name: getattr(event, f.name) for f in fields(event)}
