"""Drawing lots: the one place a count leaves anything to chance, and always repeatably.

Statutes say "the returning officer shall decide by lot" and leave the mechanism open. Here a lot
is a draw from a seeded generator, so anyone holding the seed (recorded in ``Result.seed``) can
repeat the count and see the same lots fall. Draw *n* of a count depends only on the seed, *n*
and who is tied, so one lot never shifts another.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from soviet.counting.result import Number, TieBreak


def _generator(seed: int, draw: int) -> np.random.Generator:
    return np.random.default_rng([seed, draw])


@dataclass(frozen=True)
class Lots:
    """The lots drawn so far in one count, and the seed they come from.

    ``seed`` stays ``None`` until a lot is needed and none was given; then a fresh one is
    drawn from the operating system and recorded, so a count without ties reports no seed.
    """

    seed: int | None = None
    ties: tuple[TieBreak, ...] = ()

    def _seeded(self) -> Lots:
        return self if self.seed is not None else replace(self, seed=secrets.randbits(63))

    def draw(
        self, tied: Sequence[int], names: Sequence[str], round: int, purpose: str
    ) -> tuple[int, Lots]:
        """Choose one of ``tied`` (candidate indices) by lot and record the tie."""
        lots = self._seeded()
        assert lots.seed is not None
        pool = sorted(tied)
        chosen = pool[int(_generator(lots.seed, len(lots.ties)).integers(len(pool)))]
        tie = TieBreak(round, purpose, tuple(names[i] for i in pool), names[chosen], "lot")
        return chosen, replace(lots, ties=(*lots.ties, tie))

    def order(
        self, items: Sequence[int], names: Sequence[str], round: int, purpose: str
    ) -> tuple[tuple[int, ...], Lots]:
        """Put ``items`` in an order drawn by lot (first = favoured) and record it."""
        lots = self._seeded()
        assert lots.seed is not None
        pool = sorted(items)
        shuffled = tuple(
            pool[i] for i in _generator(lots.seed, len(lots.ties)).permutation(len(pool))
        )
        tie = TieBreak(
            round,
            purpose,
            tuple(names[i] for i in pool),
            " > ".join(names[i] for i in shuffled),
            "lot",
        )
        return shuffled, replace(lots, ties=(*lots.ties, tie))

    def pick(self, options: Sequence[str], round: int, purpose: str) -> tuple[int, Lots]:
        """Choose one of several labelled outcomes (e.g. tied committees) by lot; its index."""
        lots = self._seeded()
        assert lots.seed is not None
        chosen = int(_generator(lots.seed, len(lots.ties)).integers(len(options)))
        tie = TieBreak(round, purpose, tuple(options), options[chosen], "lot")
        return chosen, replace(lots, ties=(*lots.ties, tie))


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
