"""What a replay reads of a stored event, where it stops, and how it refuses a ledger."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


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
