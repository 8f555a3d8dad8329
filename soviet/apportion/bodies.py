"""Units grouped by the body whose seats they share, so thousands of bodies go in one pass.

A council tree apportions every council's seats among the units below it: ten thousand small
apportionments. Each method works on the units sorted by body (every body one contiguous
run) with per-body figures spread to the units, so the whole tree costs a few vectorised
passes rather than a Python call per body. One body is the ordinary case.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from soviet.apportion.errors import ApportionmentError
from soviet.apportion.result import Apportionment, Figures, IntArray, Tie


@dataclass(frozen=True, eq=False)
class Bodies:
    """Units sorted by body (stably): body b's units are ``order[span(b)]``, in unit order."""

    order: IntArray
    body: IntArray
    starts: IntArray
    sizes: IntArray

    @property
    def count(self) -> int:
        return int(self.sizes.size)

    def sums(self, values: IntArray) -> IntArray:
        """Per-body sums of a per-unit array in sorted order."""
        sums: IntArray = np.add.reduceat(values, self.starts)
        return sums

    def span(self, b: int) -> slice:
        start = int(self.starts[b])
        return slice(start, start + int(self.sizes[b]))

    def names_of(self, b: int, names: tuple[str, ...] | None) -> tuple[str, ...] | None:
        """The names of body b's units, in their original order."""
        return None if names is None else tuple(names[i] for i in self.order[self.span(b)])

    def label(self, b: int) -> str:
        """How a refusal names a body: nothing when there is only one."""
        return f"body {b + 1}: " if self.count > 1 else ""


def one_body(units: int) -> Bodies:
    everyone = np.arange(units, dtype=np.int64)
    return Bodies(
        everyone,
        np.zeros(units, dtype=np.int64),
        np.zeros(1, dtype=np.int64),
        np.array([units], dtype=np.int64),
    )


def group(body_of_unit: IntArray, count: int) -> Bodies:
    """Bodies from each unit's body index (0 .. count-1); every body needs a unit."""
    sizes = np.bincount(body_of_unit, minlength=count).astype(np.int64)
    if (sizes == 0).any():
        raise ApportionmentError(f"body {int(np.argmax(sizes == 0)) + 1} has no units")
    order = np.argsort(body_of_unit, kind="stable").astype(np.int64)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
    return Bodies(order, body_of_unit[order].astype(np.int64), starts, sizes)


def assemble(
    bodies: Bodies,
    method: str,
    populations: IntArray,
    seats: IntArray,
    rounding: Callable[[int], str],
    figures: Callable[[int], Callable[[], Figures]],
    ties: dict[int, Tie],
    minimum: int,
    names: tuple[str, ...] | None,
    seed: int | None,
) -> tuple[Apportionment, ...]:
    """One Apportionment per body from arrays in sorted order; ties use body-local units."""
    out = []
    for b in range(bodies.count):
        span = bodies.span(b)
        tie = ties.get(b)
        out.append(
            Apportionment(
                method=method,
                populations=populations[span],
                seats=seats[span],
                rounding=rounding(b),
                work_figures=figures(b),
                minimum=minimum,
                names=bodies.names_of(b, names),
                ties=() if tie is None else (tie,),
                seed=seed,
            )
        )
    return tuple(out)
