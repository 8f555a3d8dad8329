"""Seats, elections and mandates: who sends how many, who was elected, and how mandates end.

A mandate is one person's seat in one body, given by one electorate. A seat in a council won by
a delegate of a lower council is held *through* the delegate's mandate there: ``through`` names
it, and ending that mandate ends this one (the cascade).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from soviet.model.events.base import DomainEvent


@dataclass(frozen=True)
class SeatsApportioned(DomainEvent):
    """The seats each body below ``body`` sends to it, from the named figures and method."""

    TYPE: ClassVar[str] = "seats.apportioned"
    body: str
    scale: str
    method: str
    seats: dict[str, int]
    basis: dict[str, int]
    on: str
    note: str = ""


@dataclass(frozen=True)
class ElectionHeld(DomainEvent):
    """``electorate`` elected ``elected`` (member ids, in order) to ``body``; ``alternates``
    are ranked, first to step in. ``replaces`` lists the vacated mandates of a by-election."""

    TYPE: ClassVar[str] = "election.held"
    election: str
    electorate: str
    body: str
    method: str
    seats: int
    elected: list[str]
    on: str
    alternates: list[str] = field(default_factory=list)
    replaces: list[str] = field(default_factory=list)
    result: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class MandateGranted(DomainEvent):
    """A seat: ``holder`` sits in ``body`` for ``electorate`` from ``on`` to ``term_ends``."""

    TYPE: ClassVar[str] = "mandate.granted"
    mandate: str
    holder: str
    body: str
    electorate: str
    election: str
    on: str
    term_ends: str | None
    through: str | None = None
    role: str = "delegate"  # delegate | alternate
    rank: int = 0
    substitutes: str | None = None  # the ended mandate a substitute steps in for


@dataclass(frozen=True)
class MandateEnded(DomainEvent):
    """``reason``: recalled, resigned, died, left, term, dissolved, or cascade (then ``cause`` is
    the mandate whose end took this one with it)."""

    TYPE: ClassVar[str] = "mandate.ended"
    mandate: str
    reason: str
    on: str
    cause: str | None = None


@dataclass(frozen=True)
class ByElectionCalled(DomainEvent):
    """Seats of ``electorate`` in ``body`` left vacant by ``replaces`` are to be filled."""

    TYPE: ClassVar[str] = "by_election.called"
    election: str
    electorate: str
    body: str
    replaces: list[str]
    on: str


@dataclass(frozen=True)
class RecallPetitionFiled(DomainEvent):
    TYPE: ClassVar[str] = "recall.filed"
    petition: str
    mandate: str
    by: str
    grounds: str
    on: str


@dataclass(frozen=True)
class RecallPetitionSigned(DomainEvent):
    TYPE: ClassVar[str] = "recall.signed"
    petition: str
    member: str
    on: str


@dataclass(frozen=True)
class RecallVoteCalled(DomainEvent):
    """The signatures reached the charter's threshold: the electorate must vote."""

    TYPE: ClassVar[str] = "recall.vote_called"
    petition: str
    signatures: int
    threshold: int
    on: str


@dataclass(frozen=True)
class RecallVoteTaken(DomainEvent):
    TYPE: ClassVar[str] = "recall.voted"
    petition: str
    yes: int
    no: int
    abstain: int
    carried: bool
    reason: str
    on: str
