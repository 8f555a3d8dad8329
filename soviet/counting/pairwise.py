"""Pairwise contests: how many voters prefer each candidate to each other one.

Every Condorcet method (Schulze, ranked pairs) and Borda's count read this matrix. A ballot
prefers each candidate it ranks to every candidate ranked lower and to every candidate it leaves
out; candidates it leaves out are level with one another, so the ballot counts in neither
direction between them (Schulze 2011, section 2.1, read with truncated ballots).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from soviet.counting.ballots import Ballots, RankArray
from soviet.counting.sums import marked_totals

CHUNK = 1 << 19
"""Ballots turned into positions at a time: bounds the temporaries whatever the profile size."""


def positions(ranks: RankArray, candidates: int) -> npt.NDArray[np.integer]:
    """``pos[c, b]``: the rank ballot ``b`` gives candidate ``c`` (0 first, ``depth`` unranked).

    Candidates run along the first axis, ballots along the second, so comparing two candidates
    over every ballot reads contiguous memory.
    """
    depth = ranks.shape[1]
    dtype = np.int8 if depth < 127 else np.int32
    out = np.full((candidates + 1, ranks.shape[0]), depth, dtype=dtype)
    ballots = np.arange(ranks.shape[0])
    for k in range(depth):
        # A blank rank (-1) lands in the spare last row, which is dropped.
        out[ranks[:, k], ballots] = k
    return out[:candidates]


def pairwise(ballots: Ballots) -> npt.NDArray[np.generic]:
    """``d[x, y]``: the weight of ballots preferring candidate ``x`` to candidate ``y``.

    Built from the rank array one candidate at a time over chunks of ballots; there is no
    Python loop per ballot, so a million ballots take a fraction of a second.
    """
    m = len(ballots.candidates)
    weights = ballots.weights
    dtype = np.dtype(np.int64) if weights is None else weights.dtype
    if dtype.kind in "biu":
        dtype = np.dtype(np.int64)
    d: npt.NDArray[Any] = np.zeros((m, m), dtype=dtype)
    for start in range(0, ballots.rows, CHUNK):
        pos = positions(ballots.ranks[start : start + CHUNK], m)
        w = None if weights is None else weights[start : start + CHUNK]
        d = d + np.array([marked_totals(pos[x] < pos, w) for x in range(m)], dtype=dtype)
    return d


def pairwise_note(d: npt.NDArray[np.generic], names: tuple[str, ...]) -> str:
    """Every contest as ``A v B 30:20`` (for A, for B), so a reader can redo the count by hand."""
    m = len(names)
    return ", ".join(
        f"{names[x]} v {names[y]} {d[x, y]}:{d[y, x]}" for x in range(m) for y in range(m) if x < y
    )
