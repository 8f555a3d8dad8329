"""What an apportionment returns: the seats, and enough figures to explain every one of them.

Each unit's seats follow from three published figures: its population, the divisor (or quota, or
ratio) it was divided by, and the method's rounding of the quotient; then the charter's minimum,
then any seat shared out by lot. ``seats == max(rounded, minimum) + won_by_lot`` for every unit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]


def unit_label(unit: int, names: tuple[str, ...] | None) -> str:
    """A unit's name, or "unit N" (counting from 1) when the units are not named."""
    return names[unit] if names is not None else f"unit {unit + 1}"


@dataclass(frozen=True)
class Tie:
    """Units level for the last seats: ``seats`` of them went by lot to the units in ``won``."""

    units: tuple[int, ...]
    seats: int
    won: tuple[int, ...]
    by: str = "lot"


@dataclass(frozen=True)
class UnitFigure:
    """One unit's line of the published table: population / divisor = quotient -> seats."""

    name: str
    population: int
    divisor: Fraction
    quotient: Fraction
    rounded: int
    seats: int
    note: str

    def __str__(self) -> str:
        divisor = self.divisor
        shown = f"{divisor.numerator:,}" if divisor.denominator == 1 else f"{float(divisor):,.2f}"
        line = (
            f"{self.name}: {self.population:,} / {shown} = "
            f"{float(self.quotient):,.4f} -> {self.rounded}"
        )
        if self.seats != self.rounded:
            line += f" -> {self.seats}"
        return f"{line} ({self.note})" if self.note else line


@dataclass(frozen=True)
class Figures:
    """What divides each population, and each quotient after the method's rounding.

    ``divisor`` is a divisor that reproduces the whole result (divisor methods, the roundest
    number that does), the quota (largest remainder) or the charter's ratio. Under largest
    remainder a unit raised to the minimum in an earlier stage was measured against that
    stage's quota: ``stage[i]`` indexes ``stage_divisors`` for such a unit, -1 otherwise.
    """

    divisor: Fraction
    rounded: IntArray
    stage_divisors: tuple[Fraction, ...] = ()
    stage: IntArray | None = None


@dataclass(frozen=True, eq=False)
class Apportionment:
    """Seats per unit, aligned with ``populations``, and how to explain them.

    The explaining figures are worked out on first use (``figures``), so a caller that only
    wants the seats of thousands of small bodies does not pay for them.
    """

    method: str
    populations: IntArray
    seats: IntArray
    rounding: str
    work_figures: Callable[[], Figures] = field(repr=False)
    minimum: int = 0
    names: tuple[str, ...] | None = None
    ties: tuple[Tie, ...] = ()
    seed: int | None = None

    @cached_property
    def figures(self) -> Figures:
        return self.work_figures()

    @property
    def divisor(self) -> Fraction:
        return self.figures.divisor

    @property
    def house(self) -> int:
        """The total number of seats apportioned."""
        return int(self.seats.sum())

    def name(self, unit: int) -> str:
        return unit_label(unit, self.names)

    def seats_by_name(self) -> dict[str, int]:
        return {self.name(i): int(s) for i, s in enumerate(self.seats.tolist())}

    def explain(self, unit: int) -> UnitFigure:
        """The published line for one unit, with the reason for any seat beyond its rounding."""
        figures = self.figures
        divisor = figures.divisor
        if figures.stage is not None and figures.stage[unit] >= 0:
            divisor = figures.stage_divisors[int(figures.stage[unit])]
        population = int(self.populations[unit])
        rounded = int(figures.rounded[unit])
        seats = int(self.seats[unit])
        notes = []
        if rounded < self.minimum:
            notes.append(f"raised to the minimum of {self.minimum}")
        for tie in self.ties:
            if unit in tie.won:
                rivals = ", ".join(self.name(u) for u in tie.units if u != unit)
                notes.append(f"seat won by {tie.by} against {rivals} ({tie.seats} seat(s))")
            elif unit in tie.units:
                notes.append(f"seat lost by {tie.by} ({tie.seats} seat(s) among {len(tie.units)})")
        return UnitFigure(
            name=self.name(unit),
            population=population,
            divisor=divisor,
            quotient=Fraction(population) / divisor,
            rounded=rounded,
            seats=seats,
            note="; ".join(notes),
        )
