"""Founding the organisation and changing its charter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from soviet.model.events.base import DomainEvent


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
