"""What every transferable-vote count settles before the first paper is sorted.

Who stands (a withdrawn candidate's preferences are passed over as if never marked), how many
seats there are, and how lots will be drawn. Refusing here, once, keeps each rule module to
its statute.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from soviet.counting.ballots import Ballots
from soviet.counting.ties import Drawer


class Standing(Enum):
    """Where a candidate stands in the count."""

    HOPEFUL = "hopeful"  # a continuing candidate: neither elected nor excluded
    ELECTED = "elected"
    DEFEATED = "defeated"  # excluded, or not elected when the count ends
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class Contest:
    """The candidates, the seats and the withdrawn of one count, and how it draws lots."""

    candidates: tuple[str, ...]
    seats: int
    withdrawn: frozenset[int]
    seed: int | None = None
    tie_order: tuple[int, ...] | None = None

    def opening(self) -> list[Standing]:
        return [
            Standing.WITHDRAWN if c in self.withdrawn else Standing.HOPEFUL
            for c in range(len(self.candidates))
        ]

    def drawer(self) -> Drawer:
        return Drawer(self.candidates, self.seed, self.tie_order)


def candidate_index(names: Sequence[str], given: int | str) -> int:
    """A candidate given by index or by name, refusing one the ballots do not list."""
    if isinstance(given, str):
        if given not in names:
            raise ValueError(f"no candidate named {given!r}; candidates: {', '.join(names)}")
        return names.index(given)
    if not 0 <= int(given) < len(names):
        raise ValueError(f"candidate index {given} outside 0..{len(names) - 1}")
    return int(given)


def open_contest(
    ballots: Ballots,
    seats: int,
    withdrawn: Iterable[int | str] = (),
    tie_order: Sequence[int | str] | None = None,
    seed: int | None = None,
) -> Contest:
    """Check the contest can be counted; refuse with the reason if not."""
    names = ballots.candidates
    out = frozenset(candidate_index(names, c) for c in withdrawn)
    standing = len(names) - len(out)
    if seats < 1:
        raise ValueError(f"seats must be at least 1, got {seats}")
    if seats > standing:
        raise ValueError(
            f"{seats} seats to fill but only {standing} candidates stand "
            f"({len(names)} named, {len(out)} withdrawn)"
        )
    order = None if tie_order is None else tuple(candidate_index(names, c) for c in tie_order)
    return Contest(names, seats, out, seed, order)
