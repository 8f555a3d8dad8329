"""The fold from events to :class:`State`, and replay to any past moment.

Folding a million events through immutable copies would copy the whole state per event, so a
:class:`Replay` keeps private working tables while it runs and hands out frozen snapshots:
events in, frozen state out, nothing shared with a snapshot once it is taken.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Protocol

from soviet.model.events import (
    CharterAmended,
    DomainEvent,
    MemberJoined,
    MemberLeft,
    OrganisationFounded,
    decode,
)
from soviet.model.state import Member, State


class Recorded(Protocol):
    """What the fold needs of a stored event (the ledger's Event has these)."""

    @property
    def seq(self) -> int: ...
    @property
    def recorded_at(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def payload_json(self) -> str: ...


class FoldError(ValueError):
    """An event that cannot follow the state before it: the ledger is inconsistent."""


@dataclass(frozen=True)
class Until:
    """Where a replay stops: after event ``seq``, or at the last event recorded by ``time``."""

    seq: int | None = None
    time: str | None = None

    def passed(self, event: Recorded) -> bool:
        return (self.seq is not None and event.seq > self.seq) or (
            self.time is not None and event.recorded_at > self.time
        )


class Replay:
    def __init__(self) -> None:
        self.seq = 0
        self.time = ""
        self.name = ""
        self.charter: dict[str, Any] = {}
        self.charter_since = 0
        self.members: dict[str, Member] = {}
        self._apply: dict[type[DomainEvent], Callable[[Any], None]] = {
            OrganisationFounded: self._founded,
            CharterAmended: self._amended,
            MemberJoined: self._joined,
            MemberLeft: self._left,
        }

    def apply(self, event: Recorded) -> None:
        if event.seq != self.seq + 1:
            raise FoldError(f"event {event.seq} cannot follow event {self.seq}")
        body = decode(event.type, event.payload_json)
        if self.seq == 0 and not isinstance(body, OrganisationFounded):
            raise FoldError(f"event 1 must found the organisation, not {event.type}")
        self.seq = event.seq
        self.time = event.recorded_at
        self._apply[type(body)](body)

    def run(self, events: Iterable[Recorded], until: Until | None = None) -> Replay:
        for event in events:
            if until is not None and until.passed(event):
                break
            self.apply(event)
        return self

    def state(self) -> State:
        return State(
            seq=self.seq,
            time=self.time,
            name=self.name,
            charter=MappingProxyType(dict(self.charter)),
            charter_since=self.charter_since,
            members=MappingProxyType(dict(self.members)),
        )

    def _founded(self, e: OrganisationFounded) -> None:
        if self.seq != 1:
            raise FoldError(f"event {self.seq}: the organisation was already founded")
        self.name = e.name
        self.charter = e.charter
        self.charter_since = self.seq

    def _amended(self, e: CharterAmended) -> None:
        self.charter = e.charter
        self.charter_since = self.seq

    def _joined(self, e: MemberJoined) -> None:
        if e.member in self.members:
            raise FoldError(f"event {self.seq}: member {e.member} is already a member")
        self.members[e.member] = Member(e.member, e.name, e.unit, e.since)

    def _left(self, e: MemberLeft) -> None:
        if self.members.pop(e.member, None) is None:
            raise FoldError(f"event {self.seq}: {e.member} is not a member")


def fold(events: Iterable[Recorded], until: Until | None = None) -> State:
    """The state after ``events`` (up to ``until``): a pure function of the events."""
    return Replay().run(events, until).state()
