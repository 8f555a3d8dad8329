"""Export and import of a whole ledger as JSON Lines, byte for byte.

An import is checked link by link before anything is stored and lands in one transaction, so a
damaged file is refused with its line number and leaves the target ledger as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from soviet.ledger.event import Event
from soviet.ledger.open import masked_url
from soviet.ledger.store import Ledger, LedgerError
from soviet.ledger.verify import verify_rows


def export_lines(ledger: Ledger, out: TextIO) -> int:
    n = 0
    for event in ledger.events():
        out.write(event.to_line())
        out.write("\n")
        n += 1
    return n


def read_lines(lines: Iterable[str]) -> list[Event]:
    """Parse an export, naming the first line that is not an event or breaks the chain."""
    events: list[Event] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            events.append(Event.from_line(line))
        except ValueError as e:
            raise LedgerError(f"line {number}: not a ledger event ({e})") from None
    verdict = verify_rows(
        (e.seq, e.prev_hash, e.hash, e.recorded_at, e.actor, e.type, e.payload_json)
        for e in events
    )
    if not verdict.sound:
        raise LedgerError(f"event {verdict.bad_seq} of the file: {verdict.problem}")
    return events


def import_lines(ledger: Ledger, lines: Iterable[str]) -> int:
    events = read_lines(lines)
    if ledger.head().seq != 0:
        raise LedgerError(f"{masked_url(ledger.url)} already holds events: import only into an "
                          "empty ledger")
    ledger.restore(events)
    return len(events)
