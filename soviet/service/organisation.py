"""The Organisation facade: run a rule against current state and record its events atomically.

A command reads state at the ledger's head, the rule decides, and the events are appended
expecting that same head. If another writer got in between, the state is caught up and the
rule decides again, so a command is never recorded against state it did not see.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from types import TracebackType
from typing import Protocol, cast

import msgspec

from soviet.ledger import Act, ConcurrentAppend, Event, Head, Ledger, open_ledger
from soviet.ledger.box import BoxChange
from soviet.ledger.event import canonical_json, chain, now_utc
from soviet.ledger.store import EMPTY
from soviet.model.events import DomainEvent, PollClosed, SealedBallot
from soviet.model.fold import Replay
from soviet.model.recorded import Until
from soviet.model.state import State

Decision = Callable[[State], Sequence[DomainEvent | SealedBallot]]
"""A rule's verdict: the events to record, and any secret ballots for the box."""

RETRIES = 20


class _Exclusive(Protocol):
    """What group commit needs of a ledger, which both backends offer: the write lock held
    across several steps, and an append inside it."""

    def exclusive(self) -> AbstractContextManager[None]: ...

    def _insert(self, expected: int, events: Sequence[Event], box: BoxChange | None = None
                ) -> None: ...


@dataclass(eq=False)
class _Pending:
    """A command waiting for the next group commit, and the future its caller awaits."""

    decide: Decision
    actor: str
    answer: asyncio.Future[list[Event]]
    events: list[Event] = field(default_factory=list)
    error: BaseException | None = None

    def settle(self) -> None:
        """Answer the caller (on its event loop's thread), unless it has stopped waiting."""
        if self.answer.done():
            return
        if self.error is not None:
            self.answer.set_exception(self.error)
        else:
            self.answer.set_result(self.events)


def _settle(batch: list[_Pending]) -> None:
    for p in batch:
        p.settle()


def _split(decided: Sequence[DomainEvent | SealedBallot]) -> tuple[list[DomainEvent], BoxChange]:
    """A verdict as the events to record and what they do to the ballot box: the sealed
    ballots go in, and a closing poll's box is emptied (its ballots are in the event)."""
    events = [e for e in decided if isinstance(e, DomainEvent)]
    return events, BoxChange(
        put=[(b.poll, b.receipt, canonical_json(b))
             for b in decided if isinstance(b, SealedBallot)],
        emptied=[e.poll for e in events if isinstance(e, PollClosed)])


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
        self._pending: list[_Pending] = []
        self._pending_lock = threading.Lock()
        self._draining = False
        """Whether a thread is writing the groups of commands (then it takes the next one)."""

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
                events, box = _split(decide(self.state()))
                try:
                    recorded = self.ledger.append([Act(e.TYPE, e, actor) for e in events],
                                                  self._head, box)
                except ConcurrentAppend:
                    continue
                self._follow(recorded)
                self._tell(recorded)
                return recorded
        raise ConcurrentAppend(self._head.seq, self.ledger.head().seq)

    async def execute_grouped(self, decide: Decision, actor: str = "system") -> list[Event]:
        """``execute`` for a storm of commands (the votes of a congress), awaited on the event
        loop: the commands that arrive while the ledger is busy are recorded in one
        transaction, one disk sync for all of them, and each caller is answered only once its
        events are committed. Each is decided in turn against the state with the ones before
        it, so the result is that of executing them one after another; a refused command is
        left out and refused to its caller alone. One thread at a time writes the groups, so a
        caller costs no trip through a thread pool of its own."""
        loop = asyncio.get_running_loop()
        mine = _Pending(decide, actor, loop.create_future())
        with self._pending_lock:
            self._pending.append(mine)
            lead, self._draining = not self._draining, True
        if lead:
            loop.run_in_executor(None, self._drain)
        return await mine.answer

    def _drain(self) -> None:
        """Record the waiting commands group by group until none is left, answering each
        group's callers (on their event loops) as soon as it is committed."""
        while True:
            with self._pending_lock:
                batch, self._pending = self._pending, []
                if not batch:
                    self._draining = False
                    return
            with self._lock:
                self._record(batch)
            for loop in {p.answer.get_loop() for p in batch}:
                loop.call_soon_threadsafe(_settle, [p for p in batch
                                                    if p.answer.get_loop() is loop])

    def _record(self, batch: list[_Pending]) -> None:
        """Decide ``batch`` in turn, folding each one's events before the next is decided, and
        append them all while the ledger's write lock is held (see ``exclusive``), so no other
        writer can get in between. If the append fails nothing is stored: every command of the
        batch fails with it, and the fold, which ran ahead of the ledger, is started again."""
        ledger = cast(_Exclusive, self.ledger)
        stored: list[Event] = []
        put: list[tuple[str, str, str]] = []
        emptied: list[str] = []
        try:
            with ledger.exclusive():
                self._follow(self.ledger.events(after=self._head.seq))
                expected = self._head
                for p in batch:
                    try:
                        events, box = _split(p.decide(self._replay.state()))
                    except Exception as e:
                        p.error = e
                        continue
                    p.events = chain(self._head.hash, self._head.seq + 1,
                                     [Act(e.TYPE, e, p.actor) for e in events], now_utc())
                    put.extend(box.put)
                    emptied.extend(box.emptied)
                    self._follow(p.events)
                    stored.extend(p.events)
                if stored:
                    ledger._insert(expected.seq, stored, BoxChange(put=put, emptied=emptied))
        except BaseException as e:
            self._replay, self._head = Replay(), EMPTY
            for p in batch:
                p.events = []
                p.error = p.error or e
            return
        self._tell(stored)

    def _tell(self, recorded: Sequence[Event]) -> None:
        """Tell the listeners the new head, if anything was recorded."""
        for listener in self.listeners if recorded else ():
            listener(recorded[-1].seq)

    def box(self, poll: str) -> list[SealedBallot]:
        """The secret ballots waiting in ``poll``'s box, by receipt code."""
        return [msgspec.json.decode(text, type=SealedBallot) for _, text in self.ledger.box(poll)]

    def close(self) -> None:
        """Close the ledger once no thread is using it: a server's stream reader may still be
        reading when the server stops, and SQLite's connection closed under a running query
        crashes the process."""
        with self._lock:
            self.ledger.close()

    def __enter__(self) -> Organisation:
        return self

    def __exit__(self, t: type[BaseException] | None, v: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
