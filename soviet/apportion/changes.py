"""Who gains and who loses when seats are apportioned again (after membership changes).

Units are matched by name, so a unit added since the last apportionment shows as gaining
from nothing and a unit dissolved since as losing everything it had.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from soviet.apportion.result import Apportionment


@dataclass(frozen=True)
class SeatChange:
    """One unit whose seats differ between two apportionments."""

    name: str
    before: int
    after: int

    @property
    def delta(self) -> int:
        return self.after - self.before


def seat_changes(before: Apportionment, after: Apportionment) -> tuple[SeatChange, ...]:
    """The units whose seats differ, in the order of ``after`` then units it no longer has."""
    if before.names == after.names and before.seats.size == after.seats.size:
        moved = np.flatnonzero(before.seats != after.seats).tolist()
        return tuple(
            SeatChange(after.name(u), int(before.seats[u]), int(after.seats[u])) for u in moved
        )
    old = before.seats_by_name()
    new = after.seats_by_name()
    gone = [SeatChange(n, s, 0) for n, s in old.items() if n not in new]
    return (
        *(SeatChange(n, old.get(n, 0), s) for n, s in new.items() if s != old.get(n, 0)),
        *gone,
    )
