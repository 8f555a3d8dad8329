"""Borda's count: points for every candidate a ballot ranks below the one scored."""

from __future__ import annotations

from fractions import Fraction

from soviet.counting.ballots import Ballots
from soviet.counting.one_round import highest_elected
from soviet.counting.pairwise import pairwise
from soviet.counting.refusals import single_seat
from soviet.counting.registry import method
from soviet.counting.result import Number, Result
from soviet.counting.sums import label_totals, rational


@method("borda")
def borda(ballots: Ballots, seats: int, seed: int | None = None) -> Result:
    """J.-C. de Borda, "Mémoire sur les élections au scrutin", Histoire de l'Académie royale
    des sciences, 1781: each ballot gives a candidate one point for every candidate it ranks
    below them (the last ranked 0, the first one fewer than the number standing); the most
    points elects.

    Borda assumed every ballot ranks everyone. A ballot that stops short puts the candidates
    it ranks above all it leaves out, and leaves those level with one another: each pair of
    them shares that ballot's point, half each. So every ballot hands out the same total and
    ranking more buys no weight. Blank ballots are not counted. Equal totals are decided by
    lot. Scores are exact (halves where ballots stop short).
    """
    single_seat("borda", ballots, seats, "an STV method")
    names = ballots.candidates
    m = len(names)
    d = pairwise(ballots).tolist()
    first, blank = label_totals(ballots.ranks[:, 0], ballots.weights, m)
    counted = sum((Fraction(v) for v in first), Fraction(0))
    points: tuple[Number, ...] = tuple(
        rational(
            sum(
                (
                    Fraction(d[x][y]) + (counted - Fraction(d[x][y]) - Fraction(d[y][x])) / 2
                    for y in range(m)
                    if y != x
                ),
                Fraction(0),
            )
        )
        for x in range(m)
    )
    return highest_elected("borda", names, 1, points, seed, "winner", blank)
