"""Live updates: every act recorded, by this server or another, reaches every open stream
(server-sent events) within moments.

One task per server process reads the ledger after its last-seen event whenever it is woken:
by this process's own appends at once, by PostgreSQL's NOTIFY from other servers (a listening
connection in a thread), and otherwise by a timer (a SQLite file shared by several processes has
no notifications). Each act becomes one small message to every stream; a storm of votes becomes
one message per poll with the number who have voted, sent only to streams that asked for it
(the projector, the chair), so 2,000 phones are not sent 2,000 messages per vote.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from collections.abc import AsyncIterator
from typing import Any

import psycopg

from soviet.ledger import Event
from soviet.ledger.postgres import CHANNEL
from soviet.model.state import State
from soviet.service import Organisation

TICK = 0.25
"""Seconds between looks at a SQLite ledger when nothing woke the task."""

FALLBACK = 5.0
"""On PostgreSQL, NOTIFY wakes the task; the timer is only a fallback should the listening
connection drop."""

KEEPALIVE = 15.0

GATHER = 0.05
"""Seconds the task waits once woken before it reads, so a storm of votes, committed in many
small groups, is read (and counted for the streams) a few times a second, not once a group."""

IDS = ("session", "poll", "motion", "body", "petition", "unit", "member", "holder", "mandate")


def topics(event: Event, payload: dict[str, Any], state: State) -> list[str]:
    """The records an act concerns (a poll's or a motion's session too), for the pages to
    decide what to refresh."""
    out = [str(payload[k]) for k in IDS if isinstance(payload.get(k), str)]
    for key, table in (("poll", state.polls), ("motion", state.motions)):
        record = table.get(payload.get(key, ""))
        if record is not None:
            out.append(record.session)
    return sorted(set(out))


def message(event: Event, state: State) -> dict[str, Any]:
    """An act as a stream message: its number, type, topics and payload (without a closing
    poll's published ballots, which are read from the poll page, not pushed to every phone)."""
    payload = dict(event.payload)
    payload.pop("ballots", None)
    return {"seq": event.seq, "type": event.type, "topics": topics(event, payload, state),
            "payload": payload}


class Live:
    """The fan-out of one server process."""

    def __init__(self, org: Organisation) -> None:
        self.org = org
        self.streams: set[asyncio.Queue[str]] = set()
        """The queue of messages of each open stream."""
        self.counting: set[asyncio.Queue[str]] = set()
        """The streams that asked for the count of voters (a subset of ``streams``)."""
        self.seen = org.ledger.head().seq
        self._wake = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop = threading.Event()

    def kick(self, _seq: int = 0) -> None:
        """Wake the task (from any thread)."""
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._wake.set)

    async def run(self) -> None:
        self._loop = asyncio.get_running_loop()
        self.org.listeners.append(self.kick)
        tick = TICK
        if not self.org.ledger.url.startswith("sqlite"):
            threading.Thread(target=self._listen, daemon=True).start()
            tick = FALLBACK
        try:
            while True:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), tick)
                await asyncio.sleep(GATHER)
                self._wake.clear()
                for text, votes in await asyncio.to_thread(self._read):
                    for queue in self.counting if votes else self.streams:
                        queue.put_nowait(text)
        finally:
            self._stop.set()
            self.org.listeners.remove(self.kick)

    def _read(self) -> list[tuple[str, bool]]:
        """The new acts as messages; votes folded into one count per poll."""
        events = self.org.events_after(self.seen)
        if not events:
            return []
        self.seen = events[-1].seq
        state = self.org.state()
        out: list[tuple[str, bool]] = []
        counted: set[str] = set()
        for e in events:
            if e.type == "vote.cast":
                counted.add(str(e.payload["poll"]))
                continue
            out.append((json.dumps(message(e, state)), False))
        for poll in sorted(counted):
            p = state.polls[poll]
            out.append((json.dumps({"seq": self.seen, "type": "votes", "topics": [poll, p.session],
                                    "payload": {"poll": poll, "voted": len(p.cast)}}), True))
        return out

    def _listen(self) -> None:
        """Wake on other servers' NOTIFY (PostgreSQL)."""
        while not self._stop.is_set():
            try:
                with psycopg.connect(self.org.ledger.url, autocommit=True) as db:
                    db.execute(f"LISTEN {CHANNEL}")
                    while not self._stop.is_set():
                        for _ in db.notifies(timeout=1.0, stop_after=1):
                            self.kick()
            except psycopg.Error:
                self._stop.wait(1.0)

    async def stream(self, votes: bool) -> AsyncIterator[str]:
        """Server-sent events for one client until it goes away."""
        mine: asyncio.Queue[str] = asyncio.Queue()
        self.streams.add(mine)
        if votes:
            self.counting.add(mine)
        try:
            yield f"retry: 1000\n: connected at event {self.seen}\n\n"
            while True:
                try:
                    text = await asyncio.wait_for(mine.get(), KEEPALIVE)
                except TimeoutError:
                    yield ": keepalive\n\n"
                    continue
                yield f"event: act\ndata: {text}\n\n"
        finally:
            self.streams.discard(mine)
            self.counting.discard(mine)
