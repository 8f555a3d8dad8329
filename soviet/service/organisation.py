"""The Organisation facade: run a rule against current state and record its events atomically.

A command reads state at the ledger's head, the rule decides, and the events are appended
expecting that same head. If another writer got in between, the state is caught up and the
rule decides again, so a command is never recorded against state it did not see.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from types import TracebackType

import msgspec

from soviet.ledger import Act, ConcurrentAppend, Event, Head, Ledger, open_ledger
from soviet.ledger.box import BoxChange
from soviet.ledger.event import canonical_json
from soviet.ledger.store import EMPTY
from soviet.model.events import DomainEvent, PollClosed, SealedBallot
from soviet.model.fold import Replay
from soviet.model.recorded import Until
from soviet.model.state import State

Decision = Callable[[State], Sequence[DomainEvent | SealedBallot]]
"""A rule's verdict: the events to record, and any secret ballots for the box."""

RETRIES = 20


class Organisation:
    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self._replay = Replay()
        self._head: Head = EMPTY
        # A State is a view of the replay: deciding and appending happen under one lock so no
        # thread's rule reads tables another thread is advancing.
        self._lock = threading.RLock()
        self.listeners: list[Callable[[int], None]] = []
        """Called with the new head's number after each append of this process's."""

    @classmethod
    def open(cls, url: str | None = None) -> Organisation:
        return cls(open_ledger(url))

    def state(self) -> State:
        """State at the ledger's head (catching up with what other writers appended)."""
        with self._lock:
            self._follow(self.ledger.events(after=self._head.seq))
            return self._replay.state()

    def _follow(self, events: Iterable[Event]) -> None:
        for event in events:
            self._replay.apply(event)
            self._head = Head(event.seq, event.hash)

    def events_after(self, seq: int) -> list[Event]:
        """The events recorded after ``seq`` (by any writer), read under the lock that guards
        the connection."""
        with self._lock:
            return list(self.ledger.events(after=seq))

    def state_as_of(self, until: Until) -> State:
        return Replay().run(self.ledger.events(), until).state()

    def execute(self, decide: Decision, actor: str = "system") -> list[Event]:
        """Decide against the current state and append the result in one transaction."""
        with self._lock:
            for _ in range(RETRIES):
                state = self.state()
                decided = decide(state)
                events = [e for e in decided if isinstance(e, DomainEvent)]
                acts = [Act(e.TYPE, e, actor) for e in events]
                box = BoxChange(
                    put=[(b.poll, b.receipt, canonical_json(b))
                         for b in decided if isinstance(b, SealedBallot)],
                    emptied=[e.poll for e in events if isinstance(e, PollClosed)])
                try:
                    recorded = self.ledger.append(acts, self._head, box)
                except ConcurrentAppend:
                    continue
                self._follow(recorded)
                for listener in self.listeners if recorded else ():
                    listener(recorded[-1].seq)
                return recorded
        raise ConcurrentAppend(self._head.seq, self.ledger.head().seq)

    def box(self, poll: str) -> list[SealedBallot]:
        """The secret ballots waiting in ``poll``'s box, by receipt code."""
        return [msgspec.json.decode(text, type=SealedBallot) for _, text in self.ledger.box(poll)]

    def close(self) -> None:
        self.ledger.close()

    def __enter__(self) -> Organisation:
        return self

    def __exit__(self, t: type[BaseException] | None, v: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
