"""What the ledger recorded of one session: its events, decoded, numbered and timed, in the
order they happened.

The state says what a session came to; only the ledger says when each thing happened, and some
acts leave nothing else behind (a speech, an arrival, each numbered credentials report). The
minutes read both: the records for what stands, these entries for the order and the numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from soviet.model.events import ALL, OfficeEnded, decode
from soviet.model.events import sessions as session_events
from soviet.model.events.base import DomainEvent
from soviet.model.recorded import Recorded
from soviet.model.sessions import Session
from soviet.model.state import State

E = TypeVar("E", bound=DomainEvent)

TYPES = frozenset(cls.TYPE for cls in ALL if cls.__module__ == session_events.__name__
                  ) | {OfficeEnded.TYPE}
"""The session events, and the end of an office a session's decision caused: the only ones
worth decoding."""


@dataclass(frozen=True)
class Entry:
    seq: int
    recorded_at: str
    event: DomainEvent


@dataclass(frozen=True)
class Record:
    """A session's record in the state and its entries in the ledger."""

    state: State
    session: Session
    entries: tuple[Entry, ...]

    def of(self, kind: type[E]) -> list[tuple[Entry, E]]:
        """The entries of one kind of event, in ledger order."""
        return [(e, e.event) for e in self.entries if isinstance(e.event, kind)]

    def first(self, kind: type[E]) -> Entry | None:
        return next((e for e, _ in self.of(kind)), None)


def record(state: State, events: Iterable[Recorded], session_id: str) -> Record:
    """The session ``session_id`` of ``state``, with the entries of ``events`` that concern it
    (events after the state's own point are ignored: the state knows nothing of them)."""
    s = state.sessions.get(session_id)
    if s is None:
        raise LookupError(f"there is no session {session_id!r}")
    mine = {*s.motions, *s.polls, *s.demands}
    entries: list[Entry] = []
    for e in events:
        if e.seq > state.seq:
            break
        if e.type not in TYPES:
            continue
        event = decode(e.type, e.payload_json)
        if _concerns(event, s.id, mine):
            entries.append(Entry(e.seq, e.recorded_at, event))
    return Record(state, s, tuple(entries))


def _concerns(event: DomainEvent, session: str, mine: set[str]) -> bool:
    """Whether an event is of the session: it names it, or a motion, poll or demand of it
    (a decision annulled, or annulling, names the motions on both sides)."""
    if getattr(event, "session", None) == session:
        return True
    if isinstance(event, session_events.DecisionAnnulled):
        return event.motion in mine or event.by in mine
    named = (getattr(event, "motion", None), getattr(event, "poll", None),
             getattr(event, "demand", None), getattr(event, "decision", None))
    return any(x in mine for x in named if x is not None)
