"""The events table, as both backends store it: one definition of its columns and queries."""

from __future__ import annotations

from collections.abc import Sequence

from soviet.ledger.event import Event
from soviet.ledger.store import EMPTY, ConcurrentAppend, Head

COLUMNS = "seq, prev_hash, hash, recorded_at, actor, type, payload"
HEAD = "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1"


def table(seq_type: str, suffix: str = "") -> str:
    """``CREATE`` statements; only the integer type of ``seq`` and the table options differ."""
    return f"""
CREATE TABLE IF NOT EXISTS events (
    seq         {seq_type} PRIMARY KEY,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    actor       TEXT NOT NULL,
    type        TEXT NOT NULL,
    payload     TEXT NOT NULL
){suffix};
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_time ON events(recorded_at);
"""


def head_of(row: tuple[int, str] | None) -> Head:
    return Head(row[0], row[1]) if row else EMPTY


def expect_head(expected: int, actual: Head) -> None:
    """Inside the append transaction: refuse if another writer moved the head."""
    if actual.seq != expected:
        raise ConcurrentAppend(expected, actual.seq)


def values(events: Sequence[Event]) -> list[tuple[int, str, str, str, str, str, str]]:
    return [(e.seq, e.prev_hash, e.hash, e.recorded_at, e.actor, e.type, e.payload_json)
            for e in events]
