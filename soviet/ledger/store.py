"""The one interface every ledger backend offers, and the errors it raises.

Appends name the sequence number they expect to follow; if another writer got there first the
append is refused as a whole with :class:`ConcurrentAppend`, which the caller may retry after
re-reading state. A command's events therefore land together or not at all, and two writers can
never fork the chain.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType

from soviet.ledger.box import BoxChange
from soviet.ledger.event import GENESIS_HASH, Act, Event, chain, now_utc


class LedgerError(Exception):
    """A ledger operation that could not be carried out; the message says why."""


class ConcurrentAppend(LedgerError):
    """Another writer appended first: re-read the ledger and retry the command."""

    retryable = True

    def __init__(self, expected: int, actual: int) -> None:
        super().__init__(
            f"the ledger moved on: expected to append after event {expected}, "
            f"but it now ends at event {actual}; re-read and retry"
        )
        self.expected = expected
        self.actual = actual


@dataclass(frozen=True)
class Head:
    """The last event of the chain (seq 0 and the genesis hash for an empty ledger)."""

    seq: int
    hash: str


EMPTY = Head(0, GENESIS_HASH)

Row = tuple[int, str, str, str, str, str, str]
"""A stored event as a plain tuple: seq, prev_hash, hash, recorded_at, actor, type, payload."""


class Ledger(ABC):
    """An append-only, hash-chained sequence of events."""

    url: str

    @abstractmethod
    def head(self) -> Head: ...

    @abstractmethod
    def _insert(self, expected: int, events: Sequence[Event], box: BoxChange | None = None
                ) -> None:
        """Store ``events``, and make the ``box`` change, in one transaction iff the chain
        still ends at ``expected``."""

    @abstractmethod
    def box(self, poll: str) -> list[tuple[str, str]]:
        """The ballots waiting in ``poll``'s box: (receipt, ballot JSON), by receipt."""

    @abstractmethod
    def rows(self, after: int = 0, upto: int | None = None,
             batch: int = 10_000) -> Iterator[Row]:
        """Stored rows in sequence order, fetched in batches (verify and replay read these)."""

    @abstractmethod
    def close(self) -> None: ...

    def append(self, acts: Sequence[Act], expected: Head, box: BoxChange | None = None
               ) -> list[Event]:
        """Record ``acts`` after ``expected`` (and the ``box`` change with them), all in one
        transaction, and return them.

        Raises :class:`ConcurrentAppend` if the ledger no longer ends at ``expected``.
        """
        if not acts:
            return []
        events = chain(expected.hash, expected.seq + 1, list(acts), now_utc())
        self._insert(expected.seq, events, box)
        return events

    def append_now(self, acts: Sequence[Act]) -> list[Event]:
        """Append after whatever the head is now (for acts that do not depend on state)."""
        return self.append(acts, self.head())

    def restore(self, events: Sequence[Event]) -> None:
        """Store already-chained events (an import) after the current head, unchanged."""
        if not events:
            return
        first = events[0].seq
        for i, e in enumerate(events):
            if e.seq != first + i:
                raise LedgerError(f"cannot store event {e.seq} after event {first + i - 1}")
        self._insert(first - 1, events)

    def events(self, after: int = 0, upto: int | None = None) -> Iterator[Event]:
        return map(Event._make, self.rows(after, upto))

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, t: type[BaseException] | None, v: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
