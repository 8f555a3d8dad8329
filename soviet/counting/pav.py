"""Proportional approval voting: the committee that satisfies voters best, with diminishing
returns for each further approved member.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import chain, combinations, islice
from math import comb, lcm
from typing import Any

import numpy as np
import numpy.typing as npt

from soviet.counting.approvals import Approvals, grouped
from soviet.counting.ballots import Ballots
from soviet.counting.lot import Lots
from soviet.counting.motion import figure
from soviet.counting.one_round import one_round
from soviet.counting.refusals import enough_candidates
from soviet.counting.registry import method
from soviet.counting.result import Result, Round
from soviet.counting.sums import marked_totals

MAX_COMMITTEES = 5_000_000
"""Exact PAV is NP-hard; this many committees are weighed in seconds, more are refused."""

CELLS = 1 << 23
"""Voter groups x committees scored at a time, so memory stays small whatever the count."""


def _scaled_harmonics(seats: int) -> tuple[int, npt.NDArray[np.int64]]:
    """``scale`` and ``h[j] = scale * (1 + 1/2 + ... + 1/j)`` as integers, for ``j <= seats``."""
    scale = lcm(*range(1, seats + 1))
    h = [0]
    for j in range(1, seats + 1):
        h.append(h[-1] + scale // j)
    return scale, np.array(h, dtype=np.int64)


def _weights(approvals: Approvals, top: int) -> npt.NDArray[Any]:
    """Group weights in a dtype whose products with ``top`` are exact: int64, float or object."""
    w = approvals.weights
    if w.dtype == object or np.issubdtype(w.dtype, np.floating):
        return w
    if int(np.abs(w).sum()) * top >= 1 << 62:
        return w.astype(object)
    return w.astype(np.int64)


def optimal_committees(
    approvals: Approvals, seats: int
) -> tuple[list[tuple[int, ...]], Fraction | float]:
    """Every committee of ``seats`` with the highest PAV score, and that score.

    Committees are weighed in blocks: each block is a ``committees x candidates`` 0/1 matrix,
    so one matrix product gives every voter group's overlap with every committee.
    """
    m = approvals.sets.shape[1]
    scale, h = _scaled_harmonics(seats)
    w = _weights(approvals, int(h[-1]))
    sets = approvals.sets.astype(np.int64)
    block = max(1, CELLS // max(1, sets.shape[0] * seats))
    everyone = combinations(range(m), seats)
    best: Any = None
    winners: list[tuple[int, ...]] = []
    while chosen := list(islice(everyone, block)):
        members = np.fromiter(chain.from_iterable(chosen), dtype=np.int64).reshape(-1, seats)
        committee = np.zeros((len(chosen), m), dtype=np.int64)
        np.put_along_axis(committee, members, 1, axis=1)
        scores = w @ h[sets @ committee.T]
        top = scores.max()
        if best is None or top > best:
            best, winners = top, []
        if top == best:
            winners += [chosen[i] for i in np.flatnonzero(scores == top)]
    score = best / scale if isinstance(best, float) else Fraction(best, scale)
    return winners, score


@method("pav")
def pav(ballots: Ballots, seats: int, seed: int | None = None) -> Result:
    """Proportional approval voting, T. N. Thiele's rule of 1895 ("Om Flerfoldsvalg",
    Oversigt over det Kongelige Danske Videnskabernes Selskabs Forhandlinger 1895, 415-441),
    as defined in M. Lackner and P. Skowron, "Multi-Winner Voting with Approval Preferences"
    (Springer, 2023), section 2.2: the committee elected maximises the sum over voters of
    ``1 + 1/2 + ... + 1/j``, where ``j`` is how many of its members the voter approves.

    Each row lists the candidates its voter approves. Every committee is weighed exactly
    (scores are rationals), so the count is certain rather than approximate; several optimal
    committees are decided by lot. Elected members are listed in candidate order: PAV elects
    a committee at once, not one by one.
    """
    enough_candidates("pav", ballots, seats)
    names = ballots.candidates
    m = len(names)
    if comb(m, seats) > MAX_COMMITTEES:
        raise ValueError(
            f"pav: {comb(m, seats):,} committees of {seats} from {m} candidates; exact PAV "
            f"weighs each and is refused above {MAX_COMMITTEES:,} (use seq-phragmen)"
        )
    approvals = grouped(ballots)
    winners, score = optimal_committees(approvals, seats)
    lots = Lots(seed)
    chosen = 0
    if len(winners) > 1:
        labels = [", ".join(names[c] for c in committee) for committee in winners]
        chosen, lots = lots.pick(labels, 1, "committee")
    elected = tuple(names[c] for c in winners[chosen])
    support = marked_totals(approvals.sets.T, approvals.weights)
    shown = figure(score) if isinstance(score, Fraction) else str(score)
    note = f"PAV score {shown}; {len(winners)} of {comb(m, seats):,} committees reach it"
    round = Round(1, support, action="committee", quota=score, elected=elected, note=note)
    return one_round("pav", names, seats, round, lots, {"seed": seed})
