"""Approval ballots: each row lists the candidates its voter marks, in no particular order.

The same :class:`~soviet.counting.ballots.Ballots` carry them; only the reading differs. Ranked
methods read a row as an order, approval methods (approval, block vote, PAV, Phragmén) read it
as a set, so a row's order never matters to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from soviet.counting.ballots import Ballots, RankArray, WeightArray
from soviet.counting.pairwise import positions


def marks(ranks: RankArray, candidates: int) -> npt.NDArray[np.bool_]:
    """``marks[c, b]``: whether ballot ``b`` marks candidate ``c``."""
    marked: npt.NDArray[np.bool_] = positions(ranks, candidates) < ranks.shape[1]
    return marked


@dataclass(frozen=True, eq=False)
class Approvals:
    """Distinct approval sets with the weight of the voters who cast each.

    Committee rules (PAV, Phragmén) work on voters with equal sets as one, so a million
    ballots over ten candidates become at most a thousand and twenty-four groups.
    """

    sets: npt.NDArray[np.bool_]
    """``sets[g, c]``: whether the voters of group ``g`` approve candidate ``c``."""
    weights: npt.NDArray[Any]
    """Integer, float or object (Fraction) weight of each group."""


def grouped(ballots: Ballots) -> Approvals:
    """Group identical approval sets, summing their weights exactly."""
    m = len(ballots.candidates)
    rows = marks(ballots.ranks, m).T
    weights: WeightArray = ballots.weight_array()
    if ballots.rows == 0:
        return Approvals(np.zeros((0, m), dtype=bool), weights[:0])
    packed = np.packbits(rows, axis=1)
    keys, inverse = np.unique(packed, axis=0, return_inverse=True)
    inverse = inverse.reshape(-1)
    sets = np.unpackbits(keys, axis=1, count=m).astype(bool)
    if weights.dtype == object:
        totals = np.array([weights[inverse == g].sum() for g in range(len(keys))], dtype=object)
    elif np.issubdtype(weights.dtype, np.integer):
        totals = np.zeros(len(keys), dtype=np.int64)
        np.add.at(totals, inverse, weights)
    else:
        totals = np.bincount(inverse, weights=weights.astype(np.float64), minlength=len(keys))
    return Approvals(sets, totals)
