"""PostgreSQL backend (psycopg 3): several app servers on several machines share one chain.

The sequence number is the primary key, so of two writers that read the same head and append
the same next number, the second waits for the first to commit and then fails on the key: that
failure becomes :class:`ConcurrentAppend`, and nothing of the loser's command is stored.
Every append also sends a NOTIFY on channel ``soviet_events`` with the new head's number, for
live updates across servers.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import psycopg
from psycopg import errors

from soviet.ledger import box as ballot_box
from soviet.ledger.box import BoxChange
from soviet.ledger.event import Event
from soviet.ledger.open import masked_url
from soviet.ledger.schema import COLUMNS, HEAD, expect_head, head_of, table, values
from soviet.ledger.store import ConcurrentAppend, Head, Ledger, LedgerError, Row

SCHEMA = table("BIGINT") + ballot_box.table()

CHANNEL = "soviet_events"

LOCK = "SELECT pg_advisory_xact_lock(7319)"
"""Taken by every append until its commit: writers wait for one another instead of racing for
the next number, so a writer holding it (see ``exclusive``) is never overtaken."""


class PostgresLedger(Ledger):
    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.db = psycopg.connect(url, autocommit=True)
            with self.db.transaction():
                # Serialise schema creation between processes starting at once.
                self.db.execute("SELECT pg_advisory_xact_lock(7317)")
                self.db.execute(SCHEMA)
        except psycopg.Error as e:
            raise LedgerError(f"cannot open {masked_url(url)}: {str(e).strip()}") from e

    def head(self) -> Head:
        return head_of(self.db.execute(HEAD).fetchone())

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the writers' lock from the first read to the commit, so that state caught up,
        decided on and appended in the block cannot be overtaken by another writer (group
        commit: several commands, one transaction, one disk sync). An append inside is a
        savepoint of this transaction."""
        with self.db.transaction():
            self.db.execute(LOCK)
            yield

    def _insert(self, expected: int, events: Sequence[Event], box: BoxChange | None = None
                ) -> None:
        try:
            with self.db.transaction(), self.db.cursor() as cur:
                cur.execute(LOCK)
                expect_head(expected, self.head())
                cur.executemany(
                    f"INSERT INTO events ({COLUMNS}) VALUES (%s,%s,%s,%s,%s,%s,%s)",
                    values(events),
                )
                if box is not None:
                    cur.executemany(ballot_box.PUT.format("%s"), box.put)
                    cur.executemany(ballot_box.EMPTY.format("%s"), [(p,) for p in box.emptied])
                cur.execute("SELECT pg_notify(%s, %s)", (CHANNEL, str(events[-1].seq)))
        except errors.UniqueViolation as e:
            if e.diag.table_name == "events":
                raise ConcurrentAppend(expected, self.head().seq) from None
            raise LedgerError(f"nothing stored: {str(e).strip()}") from e
        except psycopg.Error as e:
            raise LedgerError(f"nothing stored: {str(e).strip()}") from e

    def rows(self, after: int = 0, upto: int | None = None,
             batch: int = 10_000) -> Iterator[Row]:
        last = upto if upto is not None else (1 << 62)
        with self.db.transaction(), self.db.cursor(name="soviet_rows") as cur:
            cur.itersize = batch
            cur.execute(
                f"SELECT {COLUMNS} FROM events WHERE seq > %s AND seq <= %s ORDER BY seq",
                (after, last),
            )
            yield from cur

    def box(self, poll: str) -> list[tuple[str, str]]:
        return list(self.db.execute(ballot_box.READ.format("%s"), (poll,)))

    def close(self) -> None:
        self.db.close()
