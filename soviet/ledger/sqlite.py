"""SQLite backend: one file, WAL journal, every commit synced to disk before it returns."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from soviet.ledger.event import Event
from soviet.ledger.store import EMPTY, ConcurrentAppend, Head, Ledger, LedgerError, Row

SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    seq         INTEGER PRIMARY KEY,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    actor       TEXT NOT NULL,
    type        TEXT NOT NULL,
    payload     TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_time ON events(recorded_at);
"""

COLUMNS = "seq, prev_hash, hash, recorded_at, actor, type, payload"


class SqliteLedger(Ledger):
    def __init__(self, path: str | Path, url: str | None = None) -> None:
        self.path = str(path)
        self.url = url or f"sqlite:///{self.path}"
        if self.path != ":memory:" and not Path(self.path).parent.exists():
            raise LedgerError(f"cannot open {self.url}: folder {Path(self.path).parent} missing")
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=60,
                                      check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            # FULL: in WAL mode only this makes a returned commit survive a power cut.
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.executescript(SCHEMA)
        except sqlite3.Error as e:
            raise LedgerError(f"cannot open {self.url}: {e}") from e

    def head(self) -> Head:
        row = self.db.execute("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1").fetchone()
        return Head(row[0], row[1]) if row else EMPTY

    def _insert(self, expected: int, events: Sequence[Event]) -> None:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            actual = self.head().seq
            if actual != expected:
                raise ConcurrentAppend(expected, actual)
            db.executemany(
                f"INSERT INTO events ({COLUMNS}) VALUES (?,?,?,?,?,?,?)",
                [(e.seq, e.prev_hash, e.hash, e.recorded_at, e.actor, e.type, e.payload_json)
                 for e in events],
            )
        except sqlite3.Error as e:
            db.execute("ROLLBACK")
            raise LedgerError(f"nothing stored: {e}") from e
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def rows(self, after: int = 0, upto: int | None = None,
             batch: int = 10_000) -> Iterator[Row]:
        last = upto if upto is not None else (1 << 62)
        cur = self.db.execute(
            f"SELECT {COLUMNS} FROM events WHERE seq > ? AND seq <= ? ORDER BY seq", (after, last)
        )
        while chunk := cur.fetchmany(batch):
            yield from chunk

    def close(self) -> None:
        self.db.close()
