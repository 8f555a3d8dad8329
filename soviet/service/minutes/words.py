"""How the minutes name people, bodies, events and figures, the same way in every section."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction

from soviet.counting.motion import figure
from soviet.model.sessions import CHOICES
from soviet.model.state import State
from soviet.service.minutes.record import Entry
from soviet.service.names import who


def people(state: State, xs: Iterable[str]) -> str:
    return ", ".join(who(state, x) for x in xs)


def stamp(entry: Entry) -> str:
    """An event's number and the time the ledger recorded it: ``event 61, recorded
    2026-05-01 09:02:11 UTC``."""
    day, time = entry.recorded_at.rstrip("Z").split("T")
    return f"event {entry.seq}, recorded {day} {time.split('.')[0]} UTC"


def duration(seconds: int) -> str:
    """``45 s``, ``3 min``, ``3 min 20 s``."""
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


def votes(parts: Mapping[str, Fraction], *, every: bool = False) -> str:
    """Votes per choice in the order of the ballot, ``yes 434, no 12``: those given, or every
    choice (a count says how many it found of each, none included)."""
    shown = [c for c in CHOICES if every or parts.get(c)]
    return ", ".join(f"{c} {figure(parts.get(c, Fraction(0)))}" for c in shown) or "no votes"


def words(code: str) -> str:
    """A code of the ledger as words: ``point_of_order`` -> ``point of order``."""
    return code.replace("_", " ")
