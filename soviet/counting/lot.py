"""The lots of one count, drawn from :mod:`soviet.lot` and recorded as tie breaks.

"The returning officer shall decide by lot": the seed is recorded in ``Result.seed``, so anyone
can repeat the count and see the same lots fall. Draw *n* of a count depends only on the seed,
*n* and who is tied.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from soviet.counting.result import Number, TieBreak
from soviet.lot import fresh_seed, stream


@dataclass(frozen=True)
class Lots:
    """The lots drawn so far in one count, and the seed they come from.

    ``seed`` stays ``None`` until a lot is needed and none was given; then a fresh one is
    drawn from the operating system and recorded, so a count without ties reports no seed.
    """

    seed: int | None = None
    ties: tuple[TieBreak, ...] = ()

    def _next(self) -> tuple[np.random.Generator, Lots]:
        """The stream of the next lot, and these lots with their seed (drawn now if none)."""
        seed = fresh_seed(self.seed)
        return stream(seed, len(self.ties)), replace(self, seed=seed)

    def _with(self, tie: TieBreak) -> Lots:
        return replace(self, ties=(*self.ties, tie))

    def draw(
        self, tied: Sequence[int], names: Sequence[str], round: int, purpose: str
    ) -> tuple[int, Lots]:
        """Choose one of ``tied`` (candidate indices) by lot and record the tie."""
        generator, lots = self._next()
        pool = sorted(tied)
        chosen = pool[int(generator.integers(len(pool)))]
        tie = TieBreak(round, purpose, tuple(names[i] for i in pool), names[chosen], "lot")
        return chosen, lots._with(tie)

    def order(
        self, items: Sequence[int], names: Sequence[str], round: int, purpose: str
    ) -> tuple[tuple[int, ...], Lots]:
        """Put ``items`` in an order drawn by lot (first = favoured) and record it."""
        generator, lots = self._next()
        pool = sorted(items)
        shuffled = tuple(pool[i] for i in generator.permutation(len(pool)))
        tie = TieBreak(
            round,
            purpose,
            tuple(names[i] for i in pool),
            " > ".join(names[i] for i in shuffled),
            "lot",
        )
        return shuffled, lots._with(tie)

    def pick(self, options: Sequence[str], round: int, purpose: str) -> tuple[int, Lots]:
        """Choose one of several labelled outcomes (e.g. tied committees) by lot; its index."""
        generator, lots = self._next()
        chosen = int(generator.integers(len(options)))
        return chosen, lots._with(TieBreak(round, purpose, tuple(options), options[chosen], "lot"))


def highest(
    scores: Sequence[Number],
    k: int,
    among: Sequence[int],
    names: Sequence[str],
    lots: Lots,
    round: int,
    purpose: str,
) -> tuple[tuple[int, ...], Lots]:
    """The ``k`` candidates of ``among`` with the highest scores, best first.

    A lot is drawn only where an equality decides who is in: candidates level with the last
    place taken are drawn one by one, as the equality-of-votes rules of UK elections direct
    (a lot falls only where "the addition of a vote would entitle" a candidate to be elected).
    """
    pool = sorted(among, key=lambda c: (-scores[c], c))
    taken: list[int] = []
    while len(taken) < k and pool:
        top = scores[pool[0]]
        level = [c for c in pool if scores[c] == top]
        if len(level) <= k - len(taken):
            taken += level
        else:
            while len(taken) < k:
                chosen, lots = lots.draw(level, names, round, purpose)
                taken.append(chosen)
                level.remove(chosen)
        pool = [c for c in pool if scores[c] != top]
    return tuple(taken), lots
