"""Ballot papers in a transferable-vote count: which candidate holds each paper, at what value.

Every rule of the transferable-vote family moves papers the same way: a paper sits with the
highest continuing candidate it ranks, and when that candidate is excluded (or passes on a
surplus) it goes "to the continuing candidate for whom the next available preference is given"
(SSI 2007/42 Sch. 1 r. 48(2), 50(3)). The rules differ in *when* papers move and at what value;
that stays in each rule. This module only does the moving, over numpy arrays.

State is one small integer per paper (its position in its ranking), the candidate it sits with,
and a value per paper only once a rule has revalued some paper. Rows are processed in blocks so
no temporary grows with the number of ballots. The arrays are updated in place: a count of ten
million ballots cannot copy them at every stage, and nothing outside one count ever sees them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from soviet.counting.arithmetic import Arithmetic, Values
from soviet.counting.ballots import BallotError, Ballots
from soviet.counting.sums import label_totals

BLOCK = 1 << 18  # rows per block: temporaries stay a few megabytes

Mask = npt.NDArray[np.bool_]
Rows = npt.NDArray[np.intp]


def whole_counts(ballots: Ballots) -> npt.NDArray[np.int64] | None:
    """The number of voters behind each row, refusing weights that are not whole papers."""
    if ballots.weights is None:
        return None
    w = np.asarray(ballots.weights)
    if w.dtype.kind not in "iuf":
        raise BallotError(f"weights must be whole numbers of papers, got dtype {w.dtype}")
    bad = ~np.isfinite(w) | (w != np.floor(w)) | (w < 0) if w.dtype.kind == "f" else w < 0
    if bad.any():
        row = int(np.argmax(bad))
        raise BallotError(
            f"ballot row {row + 1} has weight {w[row]}: a transferable-vote count needs a whole, "
            "non-negative number of papers per row"
        )
    return w.astype(np.int64)


def exact_totals(
    labels: npt.NDArray[Any], weights: Values | None, size: int
) -> tuple[list[Any], Any]:
    """Votes per label ``0..size-1`` and on label -1, exactly: int64 weights too large for a
    float64 sum are summed as Python integers instead."""
    try:
        held, blank = label_totals(labels, weights, size)
    except OverflowError:
        assert weights is not None
        held, blank = label_totals(labels, weights.astype(object), size)
    return list(held), blank


class Papers:
    """The ballot papers of one count and where each currently sits.

    ``standing`` marks the candidates a paper may rest with at the start (withdrawn candidates
    are skipped as if never ranked). A paper whose ranking names no standing candidate is not a
    valid paper for this count: it is left out of :attr:`valid` and of every tally. Votes are
    whole papers until a rule revalues some (then in ``arithmetic``'s units).
    """

    def __init__(
        self, ballots: Ballots, standing: Sequence[bool], arithmetic: Arithmetic | None = None
    ) -> None:
        self.ranks = ballots.ranks
        self.counts = whole_counts(ballots)
        self.candidates = len(ballots.candidates)
        self.arithmetic = arithmetic
        self.values: Values | None = None
        rows, depth = self.ranks.shape
        self.pos = np.zeros(rows, dtype=np.uint8 if depth < 255 else np.uint16)
        self.top = self.ranks[:, 0].copy() if depth else np.full(rows, -1, np.int8)
        stop = self.stops(standing)
        for start in range(0, rows, BLOCK):
            block = self.top[start : start + BLOCK]
            astray = (~stop[block]).nonzero()[0] + start
            self._advance(astray, stop)
        held = self.top >= 0
        self.valid = int(held.sum() if self.counts is None else self.counts[held].sum())
        if not self.valid:
            raise BallotError("no valid ballot paper: none ranks a standing candidate")

    @staticmethod
    def stops(continuing: Sequence[bool]) -> Mask:
        """Where a moving paper comes to rest: a continuing candidate, or index -1 (no further
        preference), which numpy reads as the appended last entry."""
        return np.array([*continuing, True], dtype=bool)

    def _advance(self, rows: Rows, stop: Mask) -> None:
        """Move ``rows`` along their rankings until each rests on a ``stop``."""
        depth = self.ranks.shape[1]
        while rows.size:
            p = self.pos[rows] + 1  # a moving paper is short of its end: p <= depth fits
            ended = p >= depth
            cand = self.ranks[rows, np.minimum(p, depth - 1)]
            cand[ended] = -1
            self.pos[rows] = p
            self.top[rows] = cand
            rows = rows[~stop[cand]]

    def _weights(self, rows: Rows | slice) -> Values | None:
        """Each row's votes: papers times value, or None for one whole paper a row."""
        if self.values is None:
            return None if self.counts is None else self.counts[rows]
        if self.counts is None:
            return self.values[rows]
        v = self.values[rows]
        c = self.counts[rows]
        if v.dtype != object and int(np.abs(v).max(initial=0)) * int(c.max(initial=0)) >= 2**62:
            v = v.astype(object)
        return v * c

    def _totals(self, rows: Rows | slice) -> tuple[list[Any], Any]:
        """Votes on ``rows`` per candidate they sit with, and on rows with nowhere to sit."""
        held, blank = exact_totals(self.top[rows], self._weights(rows), self.candidates)
        if self.values is None and self.arithmetic is not None:
            return [self.arithmetic.integer(int(v)) for v in held], self.arithmetic.integer(
                int(blank)
            )
        return held, blank

    def tally(self) -> list[Any]:
        """The votes each candidate holds now."""
        total: list[Any] = [0] * self.candidates
        for start in range(0, self.top.size, BLOCK):
            held, _ = self._totals(slice(start, start + BLOCK))
            total = [a + b for a, b in zip(total, held, strict=True)]
        return total

    def transfer(
        self,
        holder: int,
        continuing: Sequence[bool],
        revalue: Callable[[Values], Values] | None = None,
    ) -> tuple[list[Any], Any]:
        """Send every paper ``holder`` holds to its next continuing preference.

        ``revalue`` gives the papers their new value first (a surplus transfer); without it they
        keep the value they came with (an exclusion). Returns the votes credited to each
        candidate and the votes on papers that had no further continuing preference.
        """
        stop = self.stops(continuing)
        if revalue is not None and self.values is None:
            if self.arithmetic is None:
                raise ValueError("revaluing papers needs the count's arithmetic")
            self.values = self.arithmetic.full(self.top.size, self.arithmetic.integer(1))
        gained: list[Any] = [0] * self.candidates
        lost: Any = 0
        for start in range(0, self.top.size, BLOCK):
            block = self.top[start : start + BLOCK]
            rows = (block == holder).nonzero()[0] + start
            if not rows.size:
                continue
            if revalue is not None and self.values is not None:
                self.values[rows] = revalue(self.values[rows])
            self._advance(rows, stop)
            held, blank = self._totals(rows)
            gained = [a + b for a, b in zip(gained, held, strict=True)]
            lost += blank
        return gained, lost
