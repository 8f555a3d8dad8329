"""Exact weighted sums over many ballots: the arithmetic under every tally.

Weights come as ``None`` (one voter a row), integers (grouped ballots, delegates carrying N
votes), floats, or Python objects such as ``Fraction`` (a delegation's strength divided among
its delegates). Integer sums stay integers and exact; object weights are summed in Python so a
Fraction is never rounded; only float weights give float sums.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np
import numpy.typing as npt

from soviet.counting.ballots import RankArray, WeightArray
from soviet.counting.result import Number

CHUNK = 1 << 22
"""Rows handled at a time, so a hundred million ballots never need a full-size temporary."""

EXACT_FLOAT = 1 << 53
"""Integer sums below this are exact in float64, which is what ``np.bincount`` adds in."""


def _python(values: npt.NDArray[np.generic]) -> tuple[Number, ...]:
    return tuple(values.tolist())


def _chunk_totals(
    labels: RankArray, weights: WeightArray | None, start: int, size: int
) -> npt.NDArray[Any]:
    """Weight per label + 1 over one chunk: int64 counts without weights, float64 with."""
    shifted = labels[start : start + CHUNK].astype(np.intp)
    shifted += 1
    w = None if weights is None else weights[start : start + CHUNK]
    return np.bincount(shifted, weights=w, minlength=size + 1).astype(
        np.int64 if weights is None else np.float64, copy=False
    )


def label_totals(
    labels: RankArray, weights: WeightArray | None, size: int
) -> tuple[tuple[Number, ...], Number]:
    """Weight carried by each label ``0..size-1``, and the weight of rows labelled -1 (blank).

    This is a plurality count: ``labels`` holds one mark per ballot. It is chunked
    ``np.bincount``, so a hundred million marks are counted without a Python loop per ballot.
    """
    if weights is not None and weights.dtype == object:
        blank = weights[labels < 0].sum()
        return tuple(weights[labels == k].sum() for k in range(size)), blank
    integral = weights is None or np.issubdtype(weights.dtype, np.integer)
    if weights is not None and integral and int(np.abs(weights).sum()) >= EXACT_FLOAT:
        raise OverflowError("total ballot weight too large to count exactly (2**53 or more)")
    out = _chunk_totals(labels, weights, 0, size)  # the first chunk; often the only one
    for start in range(CHUNK, labels.shape[0], CHUNK):
        out += _chunk_totals(labels, weights, start, size)
    if weights is not None and integral:  # float sums of whole weights: back to whole
        out = np.rint(out).astype(np.int64)
    values = _python(out)
    return values[1:], values[0]


def marked_totals(marks: npt.NDArray[np.bool_], weights: WeightArray | None) -> tuple[Number, ...]:
    """Weight of the ballots marked in each row of a boolean ``rows x ballots`` matrix.

    Ballots run along the last axis so each row is one contiguous reduction (eight times faster
    than reducing down columns).
    """
    if weights is None:
        return _python(np.count_nonzero(marks, axis=1))
    if weights.dtype == object:
        return tuple(weights[row].sum() for row in marks)
    if np.issubdtype(weights.dtype, np.integer):
        return _python(marks.astype(np.int64) @ weights.astype(np.int64))
    return _python(marks @ weights.astype(np.float64))


def rational(x: Fraction) -> int | Fraction:
    """A Fraction as an int when it is whole, so reports read ``12`` rather than ``12/1``."""
    return x.numerator if x.denominator == 1 else x
