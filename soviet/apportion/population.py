"""The figures an apportionment starts from, checked once for every method.

A population is a count of people: a whole number above zero. A unit with no members has no
claim to measure, so it is refused rather than silently given nothing (or the minimum).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from soviet.apportion.errors import ApportionmentError
from soviet.apportion.result import IntArray, unit_label


def as_populations(
    populations: Sequence[int] | IntArray, names: Sequence[str] | None
) -> tuple[IntArray, tuple[str, ...] | None]:
    """Populations as an int64 array (and names as a tuple), or a refusal naming the unit."""
    label = tuple(names) if names is not None else None
    if isinstance(populations, np.ndarray):
        if populations.ndim != 1:
            raise ApportionmentError(
                f"populations must be a flat array, got {populations.ndim} dimensions"
            )
        if populations.dtype == np.bool_ or not np.issubdtype(populations.dtype, np.integer):
            raise ApportionmentError(
                f"populations must be whole numbers, got an array of {populations.dtype}"
            )
        pops = populations.astype(np.int64)
    else:
        values = list(populations)
        for i, p in enumerate(values):
            if isinstance(p, bool) or not isinstance(p, int | np.integer):
                raise ApportionmentError(
                    f"population of {unit_label(i, label)} must be a whole number, got {p!r}"
                )
            if abs(int(p)) >= 2**62:
                raise ApportionmentError(f"population of {unit_label(i, label)} is too large")
        pops = np.array(values, dtype=np.int64)
    if pops.size == 0:
        raise ApportionmentError("no units to apportion seats among")
    if label is not None:
        if len(label) != pops.size:
            raise ApportionmentError(f"{len(label)} names for {pops.size} populations")
        seen: set[str] = set()
        for name in label:
            if name in seen:
                raise ApportionmentError(f"unit name {name!r} is given twice")
            seen.add(name)
    if (pops <= 0).any():
        bad = int(np.argmax(pops <= 0))
        raise ApportionmentError(
            f"population of {unit_label(bad, label)} is {int(pops[bad])}: "
            "every unit needs at least one member to be apportioned seats"
        )
    return pops, label
