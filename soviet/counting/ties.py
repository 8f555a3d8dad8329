"""How a transferable-vote count breaks a tie: by an earlier stage where its text says so, then
by lot.

Lots come from :mod:`soviet.counting.lot` (seeded, recorded, repeatable). A returning officer
may instead have drawn the order of the candidates beforehand and pass it in as ``tie_order``:
a tie then goes to the tied candidate earliest in that order. That is how the droop counter's
reference counts draw (its ``[tie]`` line), and what Minneapolis 167.70(c)(1)d asks of a
recount: "the result of the tie resolution must be recorded and reused".
"""

from __future__ import annotations

from collections.abc import Sequence

from soviet.counting.arithmetic import Value
from soviet.counting.lot import Lots
from soviet.counting.result import TieBreak


class Drawer:
    """Draws the lots of one count (a builder, used by one count only)."""

    def __init__(self, names: Sequence[str], seed: int | None, order: Sequence[int] | None) -> None:
        self.names = tuple(names)
        self.lots = Lots(seed=seed)
        self.order = None if order is None else tuple(order)
        if self.order is not None and sorted(self.order) != list(range(len(names))):
            raise ValueError(
                f"tie_order must list each of the {len(names)} candidates once, got {self.order}"
            )

    @property
    def seed(self) -> int | None:
        return self.lots.seed

    def draw(self, tied: Sequence[int], stage: int, purpose: str) -> tuple[int, TieBreak]:
        """One of ``tied`` chosen by lot, and the record of the drawing."""
        if self.order is None:
            chosen, self.lots = self.lots.draw(tied, self.names, stage, purpose)
            return chosen, self.lots.ties[-1]
        chosen = min(tied, key=self.order.index)
        pool = tuple(self.names[c] for c in sorted(tied))
        return chosen, TieBreak(stage, purpose, pool, self.names[chosen], "lot")


def by_earlier_stage(
    tied: Sequence[int], stages: Sequence[Sequence[Value]], lowest: bool
) -> int | None:
    """The tied candidate who alone had the fewest (``lowest``) or most votes at the most
    recent earlier stage where one did; None if they were level at every stage.

    This is the test of SSI 2007/42 Sch. 1 r. 49(2) and 51(2)(a): "the most recently preceding
    stage of the count at which they had an unequal number of votes". Where three or more are
    tied and two share the extreme at that stage, that stage decides nothing between them and
    the search goes on back, so the candidate chosen is always alone in the extreme.
    """
    for votes in reversed(stages):
        at = [votes[c] for c in tied]
        extreme = min(at) if lowest else max(at)
        alone = [c for c, v in zip(tied, at, strict=True) if v == extreme]
        if len(alone) == 1:
            return alone[0]
    return None


def earlier_stage_then_lot(
    tied: Sequence[int],
    stages: Sequence[Sequence[Value]],
    lowest: bool,
    drawer: Drawer,
    stage: int,
    purpose: str,
) -> tuple[int, TieBreak]:
    """Break a tie as SSI 2007/42 Sch. 1 r. 49 and 51 do: the latest earlier stage where one
    of the tied alone had the fewest (``lowest``) or most votes decides; failing that, a lot."""
    chosen = by_earlier_stage(tied, stages, lowest)
    if chosen is None:
        return drawer.draw(tied, stage, purpose)
    names = drawer.names
    pool = tuple(names[c] for c in sorted(tied))
    return chosen, TieBreak(stage, purpose, pool, names[chosen], "earlier-stage")
