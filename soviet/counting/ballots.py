"""Ranked ballots as numpy arrays: the one input form every counting method reads.

A profile is stored grouped: each row of ``ranks`` is one distinct ranking (candidate indices,
most preferred first, padded with -1), and ``weights`` says how many voters cast it (or how
many votes a weighted delegate carries). ``weights`` may be ``None`` when every row is one
voter, so ten million ungrouped ballots cost one byte per ballot-rank and nothing more.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import numpy.typing as npt

RankArray = npt.NDArray[np.integer]
WeightArray = npt.NDArray[np.integer] | npt.NDArray[np.floating]

NO_CANDIDATE = -1


class BallotError(ValueError):
    """A ballot that cannot be read unambiguously; the message says which and why."""


def rank_dtype(candidates: int) -> np.dtype[np.signedinteger]:
    """The narrowest signed integer that holds every candidate index and the -1 padding."""
    if candidates < np.iinfo(np.int8).max:
        return np.dtype(np.int8)
    if candidates < np.iinfo(np.int16).max:
        return np.dtype(np.int16)
    return np.dtype(np.int32)


@dataclass(frozen=True, eq=False)
class Ballots:
    """A grouped profile of ranked ballots over named candidates."""

    ranks: RankArray
    candidates: tuple[str, ...]
    weights: WeightArray | None = None

    def __post_init__(self) -> None:
        if self.ranks.ndim != 2:
            raise BallotError(f"ranks must be a 2-d array, got {self.ranks.ndim} dimensions")
        if self.weights is not None and self.weights.shape != (self.ranks.shape[0],):
            raise BallotError(
                f"weights has shape {self.weights.shape}, expected ({self.ranks.shape[0]},)"
            )

    @property
    def rows(self) -> int:
        return int(self.ranks.shape[0])

    @property
    def depth(self) -> int:
        return int(self.ranks.shape[1])

    def weight_array(self) -> WeightArray:
        """Weights with the implicit ones made explicit (for methods that need an array)."""
        if self.weights is None:
            return np.ones(self.rows, dtype=np.int64)
        return self.weights

    def total_weight(self) -> int | float | Fraction:
        """The votes on all rows: an int, a float, or an exact sum of object (Fraction) weights."""
        if self.weights is None:
            return self.rows
        total = self.weights.sum()
        exact: int | float | Fraction = total.item() if isinstance(total, np.generic) else total
        return exact


def as_ballots(
    ballots: Ballots | RankArray | Sequence[Sequence[int]],
    candidates: Sequence[str] | None = None,
    weights: Sequence[int | float] | WeightArray | None = None,
) -> Ballots:
    """Normalise what a caller hands to ``count`` into :class:`Ballots`, checking indices.

    Refuses a candidate index out of range or a candidate ranked twice on one ballot: such a
    ballot has no single reading, and counting it anyway would hide the error.
    """
    if isinstance(ballots, Ballots):
        if candidates is not None and tuple(candidates) != ballots.candidates:
            raise BallotError("candidates given twice and they differ")
        if weights is not None:
            raise BallotError("weights given twice: pass them inside Ballots or beside, not both")
        return ballots
    if isinstance(ballots, np.ndarray):
        raw = ballots
        if raw.ndim == 1:
            raw = raw.reshape(-1, 1)
        known = int(raw.max()) + 1 if raw.size else 0
    else:
        rows = [list(b) for b in ballots]
        depth = max((len(r) for r in rows), default=0)
        known = max((max(r) for r in rows if r), default=-1) + 1
        raw = np.full((len(rows), max(depth, 1)), NO_CANDIDATE, dtype=np.int64)
        for i, r in enumerate(rows):
            raw[i, : len(r)] = r
    names = tuple(candidates) if candidates is not None else tuple(str(i) for i in range(known))
    if raw.size and (int(raw.min()) < NO_CANDIDATE or known > len(names)):  # known: max + 1
        raise BallotError(
            f"a ballot names candidate index outside 0..{len(names) - 1} "
            f"(found {int(raw.min())}..{int(raw.max())})"
        )
    ranks = raw.astype(rank_dtype(len(names)), copy=False)
    _refuse_repeats(ranks)
    w = None if weights is None else np.asarray(weights)
    return Ballots(ranks=ranks, candidates=names, weights=w)


def repeated_row(ranks: RankArray) -> int | None:
    """The first row that ranks some candidate twice, or None: such a ballot has no reading.

    Short rows compare each preference with the earlier ones, column against columns (ten
    times faster than sorting rows of ten); long rows are sorted, which grows more slowly.
    """
    if ranks.shape[1] < 2 or ranks.shape[0] == 0:
        return None
    if ranks.shape[1] <= 16:
        by_rank = np.ascontiguousarray(ranks.T)
        dup = np.zeros(ranks.shape[0], dtype=bool)
        for j in range(1, by_rank.shape[0]):
            dup |= (by_rank[:j] == by_rank[j]).any(axis=0) & (by_rank[j] != NO_CANDIDATE)
    else:
        s = np.sort(ranks, axis=1)
        dup = ((s[:, 1:] == s[:, :-1]) & (s[:, 1:] != NO_CANDIDATE)).any(axis=1)
    return int(np.argmax(dup)) if dup.any() else None


def gap_row(ranks: RankArray) -> int | None:
    """The first row with a blank rank before a later preference, or None."""
    blank = ranks == NO_CANDIDATE
    gap = (blank[:, :-1] > blank[:, 1:]).any(axis=1)  # blank, then not blank
    return int(np.argmax(gap)) if gap.any() else None


def _refuse_repeats(ranks: RankArray) -> None:
    """A candidate ranked twice on one ballot, or a gap before a later preference, is refused."""
    row = repeated_row(ranks)
    if row is not None:
        raise BallotError(f"ballot {row + 1} ranks a candidate twice")
    row = gap_row(ranks)
    if row is not None:
        raise BallotError(f"ballot {row + 1} has a blank rank before a later preference")
