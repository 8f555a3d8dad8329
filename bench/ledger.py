"""Ledger benchmark: append rate on both backends, verify and replay of 1,000,000 events.

Targets on a 2-core machine (issue #2): verify >= 300,000 events/s, replay >= 200,000 events/s,
batched append >= 5,000 events/s on SQLite. There is no peer event store to race, so each figure
is printed beside its floor measured in the same run on the same rows: plain SQLite/PostgreSQL
inserts and reads with no hashing or decoding. The ratio is the price of the chain.

    python bench/ledger.py            # 1,000,000 events
    python bench/ledger.py --events 100000 --no-postgres
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from soviet.charter import charter_to_json, load_charter
from soviet.ledger import Act, Ledger, open_ledger, verify_rows
from soviet.model import fold

BATCH = 1_000
CHARTER = charter_to_json(load_charter(Path(__file__).resolve().parents[1] / "charters"
                                       / "union-federation.toml"))


def acts(n: int, start: int = 0) -> Iterator[list[Act]]:
    """A thousand units, then members joining and some leaving: the bulk of a real ledger."""
    for lo in range(start, start + n, BATCH):
        batch = []
        for i in range(lo, min(lo + BATCH, start + n)):
            if i == 0:
                batch.append(Act("organisation.founded", {"name": "Bench", "charter": CHARTER}))
            elif i < 1001:
                batch.append(Act("body.created", {"body": f"u{i}", "name": f"Unit {i}",
                                                  "kind": "unit_assembly", "parent": None,
                                                  "on": "2026-01-01"}))
            elif i % 10 == 9:
                batch.append(Act("member.left", {"member": f"m{i - 1}", "on": "2026-02-01"}))
            else:
                batch.append(Act("members.joined", {"unit": f"u{1 + i % 1000}",
                                                    "members": [[f"m{i}", f"Member {i}"]],
                                                    "on": "2026-01-01"}))
        yield batch


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    value = fn()
    return time.perf_counter() - t0, value


def fill(ledger: Ledger, n: int) -> None:
    for batch in acts(n, ledger.head().seq):
        ledger.append(batch, ledger.head())


def line(what: str, n: int, seconds: float, floor: float | None = None,
         target: float | None = None) -> None:
    rate = n / seconds
    text = f"{what:<38} {n:>9,} events {seconds:7.2f} s {rate:>11,.0f} /s"
    if floor is not None:
        text += f"   floor {n / floor:>11,.0f} /s  ratio {seconds / floor:5.1f}x"
    if target is not None:
        text += f"   target {target:,.0f} /s {'MET' if rate >= target else 'MISSED'}"
    print(text, flush=True)


def sqlite_floor_insert(path: Path, rows: list[tuple[Any, ...]]) -> float:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE e (seq INTEGER PRIMARY KEY, a TEXT, b TEXT, c TEXT, d TEXT, "
               "f TEXT, g TEXT) STRICT")
    t0 = time.perf_counter()
    for lo in range(0, len(rows), BATCH):
        db.execute("BEGIN IMMEDIATE")
        db.executemany("INSERT INTO e VALUES (?,?,?,?,?,?,?)", rows[lo:lo + BATCH])
        db.execute("COMMIT")
    seconds = time.perf_counter() - t0
    db.close()
    return seconds


def run(events: int, postgres: bool, append_n: int) -> None:
    print(f"python {sys.version.split()[0]}, {events:,} events, batches of {BATCH}")
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        with open_ledger(url) as ledger:
            seconds, _ = timed(lambda: fill(ledger, append_n))
            rows = list(ledger.rows())
            floor = sqlite_floor_insert(Path(tmp) / "floor.db", rows)
            line("append, SQLite (batched)", append_n, seconds, floor, 5_000)
            fill(ledger, events - append_n)

            read, rows = timed(lambda: list(ledger.rows()))
            line("read rows, SQLite (floor)", len(rows), read)
            seconds, verdict = timed(lambda: verify_rows(ledger.rows()))
            assert verdict.sound and verdict.checked == events
            line("verify, SQLite", events, seconds, read, 300_000)
            seconds, state = timed(lambda: fold(ledger.events()))
            assert state.seq == events
            line("replay (fold to state), SQLite", events, seconds, read, 200_000)
            seconds, verdict = timed(lambda: verify_rows(iter(rows)))
            line("verify, rows in memory", events, seconds)

        if postgres:
            from tests.postgres_server import postgres_server

            with postgres_server() as server, open_ledger(f"{server}/postgres") as pg:
                seconds, _ = timed(lambda: fill(pg, append_n))
                line("append, PostgreSQL (batched)", append_n, seconds)
                single = 500
                seconds, _ = timed(lambda: [pg.append([a], pg.head())
                                            for b in acts(single, append_n) for a in b])
                line("append, PostgreSQL (one per commit)", single, seconds)
                read, prow = timed(lambda: list(pg.rows()))
                seconds, verdict = timed(lambda: verify_rows(pg.rows()))
                assert verdict.sound
                line("verify, PostgreSQL", len(prow), seconds, read)

        with open_ledger(f"sqlite:///{tmp}/single.db") as ledger:
            single = 500
            seconds, _ = timed(lambda: [ledger.append([a], ledger.head())
                                        for b in acts(single) for a in b])
            line("append, SQLite (one per commit)", single, seconds)


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--events", type=int, default=1_000_000)
    p.add_argument("--append", type=int, default=100_000, help="events timed for append")
    p.add_argument("--no-postgres", action="store_true")
    a = p.parse_args()
    run(a.events, not a.no_postgres, min(a.append, a.events))
