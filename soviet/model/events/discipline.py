"""Cases before the control commission, and applications to join the federation: each heard
or examined item by item, decided, and (a case) appealed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from soviet.model.events.base import DomainEvent


@dataclass(frozen=True)
class CaseFiled(DomainEvent):
    TYPE: ClassVar[str] = "case.filed"
    case: str
    commission: str
    member: str
    by: str
    charges: str
    on: str


@dataclass(frozen=True)
class CaseHeard(DomainEvent):
    """One side's statement: the ``complaint`` or the ``defence``."""

    TYPE: ClassVar[str] = "case.heard"
    case: str
    side: str
    speaker: str
    statement: str
    on: str


@dataclass(frozen=True)
class CaseDecided(DomainEvent):
    """The joint meeting's vote on ``penalty`` (by the charter's name; empty: acquitted)."""

    TYPE: ClassVar[str] = "case.decided"
    case: str
    penalty: str
    yes: int
    no: int
    abstain: int
    present: int
    seats: int
    adopted: bool
    sentence: str
    clause: str
    on: str
    until: str | None = None


@dataclass(frozen=True)
class CaseAppealed(DomainEvent):
    TYPE: ClassVar[str] = "case.appealed"
    case: str
    to: str
    grounds: str
    on: str


@dataclass(frozen=True)
class AppealDecided(DomainEvent):
    """The body appealed to decided by ``motion`` (to reverse): ``reversed`` if adopted."""

    TYPE: ClassVar[str] = "appeal.decided"
    case: str
    motion: str
    reversed: bool
    on: str


@dataclass(frozen=True)
class AdmissionApplied(DomainEvent):
    """An organisation applies to join the federation."""

    TYPE: ClassVar[str] = "admission.applied"
    application: str
    organisation: str
    on: str


@dataclass(frozen=True)
class ConditionExamined(DomainEvent):
    """Condition ``number`` (from 1, in the charter's order) found met or not met."""

    TYPE: ClassVar[str] = "condition.examined"
    application: str
    number: int
    met: bool
    note: str
    on: str


@dataclass(frozen=True)
class AdmissionDecided(DomainEvent):
    """The admitting body's vote (``motion``) on the application."""

    TYPE: ClassVar[str] = "admission.decided"
    application: str
    motion: str
    admitted: bool
    on: str
