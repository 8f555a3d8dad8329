"""SQLite backend: one file, WAL journal, every commit synced to disk before it returns."""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from soviet.ledger import box as ballot_box
from soviet.ledger.box import BoxChange
from soviet.ledger.event import Event
from soviet.ledger.schema import COLUMNS, HEAD, expect_head, head_of, table, values
from soviet.ledger.store import Head, Ledger, LedgerError, Row

SCHEMA = table("INTEGER", " STRICT") + ballot_box.table(" WITHOUT ROWID, STRICT")



class SqliteLedger(Ledger):
    def __init__(self, path: str | Path, url: str | None = None) -> None:
        self._held = False
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
        # Writers on one file queue on a lock beside it: SQLite's own wait for its write lock
        # sleeps and retries (up to 100 ms a turn), which two server processes sharing a vote
        # storm would pay in their slowest answers; a waiting flock wakes the moment it is free.
        try:
            self._queue = (None if self.path == ":memory:"
                           else os.open(self.path + ".lock", os.O_RDWR | os.O_CREAT, 0o600))
        except OSError as e:
            self.db.close()
            raise LedgerError(f"cannot open {self.url}: its lock file: {e}") from e

    def head(self) -> Head:
        return head_of(self.db.execute(HEAD).fetchone())

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the write lock from the first read to the commit, so that state caught up,
        decided on and appended in the block cannot be overtaken by another writer (group
        commit: several commands, one transaction, one disk sync)."""
        db = self.db
        if self._queue is not None:
            fcntl.flock(self._queue, fcntl.LOCK_EX)
        try:
            db.execute("BEGIN IMMEDIATE")
            self._held = True
            try:
                yield
            except BaseException:
                db.execute("ROLLBACK")
                raise
            finally:
                self._held = False
            db.execute("COMMIT")
        finally:
            if self._queue is not None:
                fcntl.flock(self._queue, fcntl.LOCK_UN)

    def _insert(self, expected: int, events: Sequence[Event], box: BoxChange | None = None
                ) -> None:
        if self._held:
            self._store(expected, events, box)
            return
        with self.exclusive():
            self._store(expected, events, box)

    def _store(self, expected: int, events: Sequence[Event], box: BoxChange | None) -> None:
        db = self.db
        try:
            expect_head(expected, self.head())
            db.executemany(
                f"INSERT INTO events ({COLUMNS}) VALUES (?,?,?,?,?,?,?)",
                values(events),
            )
            if box is not None:
                db.executemany(ballot_box.PUT.format("?"), box.put)
                db.executemany(ballot_box.EMPTY.format("?"), [(p,) for p in box.emptied])
        except sqlite3.Error as e:
            raise LedgerError(f"nothing stored: {e}") from e

    def rows(self, after: int = 0, upto: int | None = None,
             batch: int = 10_000) -> Iterator[Row]:
        last = upto if upto is not None else (1 << 62)
        cur = self.db.execute(
            f"SELECT {COLUMNS} FROM events WHERE seq > ? AND seq <= ? ORDER BY seq", (after, last)
        )
        while chunk := cur.fetchmany(batch):
            yield from chunk

    def box(self, poll: str) -> list[tuple[str, str]]:
        return list(self.db.execute(ballot_box.READ.format("?"), (poll,)))

    def close(self) -> None:
        self.db.close()
        if self._queue is not None:
            os.close(self._queue)
