"""Counts settled in one round from one figure per candidate, and the result they report.

Plurality, the block vote, approval and Borda elect the highest figures, an equality that
decides a seat drawn by lot (the UK equality-of-votes rules: a lot falls only where it decides
who is elected). Schulze, ranked pairs and PAV decide otherwise but report alike: one round
whose figures are the candidates' scores.
"""

from __future__ import annotations

from typing import Any

from soviet.counting.lot import Lots, highest
from soviet.counting.result import Number, Result, Round


def one_round(
    method: str,
    names: tuple[str, ...],
    seats: int,
    round: Round,
    lots: Lots,
    options: dict[str, Any],
) -> Result:
    """The result of a count decided in ``round``: its figures are the scores."""
    return Result(
        method=method,
        candidates=names,
        seats=seats,
        elected=round.elected,
        rounds=(round,),
        ties=lots.ties,
        seed=lots.seed,
        scores=round.votes,
        options=options,
    )


def highest_elected(
    method: str,
    names: tuple[str, ...],
    seats: int,
    scores: tuple[Number, ...],
    seed: int | None,
    purpose: str,
    exhausted: Number = 0,
    note: str = "",
) -> Result:
    """Elect the ``seats`` candidates with the highest ``scores``, best first; an equality
    that decides a seat is drawn by lot (recorded with ``purpose``)."""
    taken, lots = highest(scores, seats, range(len(names)), names, Lots(seed), 1, purpose)
    elected = tuple(names[c] for c in taken)
    round = Round(1, scores, exhausted=exhausted, elected=elected, note=note)
    return one_round(method, names, seats, round, lots, {"seed": seed})
