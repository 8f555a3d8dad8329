"""Largest remainder: Hamilton (Hare quota, also Hare-Niemeyer, Vinton) and the Droop quota.

The rule, as the US apportionment act of 23 May 1850, § 25 set it out (with the exact quota
where the act dropped the quota's fraction):

1. The quota is the total population divided by the seats (Hare), or the whole part of the
   total divided by one more than the seats, plus one (Droop).
2. Each unit gets as many seats as the quota goes whole into its population.
3. The seats still to fill go one each to the units with the largest remainders ("the States
   having the largest fractions"); units level for the last of them draw lots.

A minimum of m seats per unit: a unit whose population is below m quotas gets m seats and
leaves the count, and the seats left after the whole parts go by largest remainders among the
others. That is how the US House was apportioned under the 1850 act with the Constitution's
minimum of one (the 1882 act's 325 seats are Hamilton's with Nevada raised to one, and the
Census Office's tables of 1881 that found the "Alabama paradox" were made so). When the
minimums take more seats than the remainders leave, the quota is computed again over the units
and seats left, and any unit now below m leaves in turn, until the rest reach it: the rule of
the Swiss Federal Act on Political Rights (SR 161.1), art. 17(a), where m = 1.

All comparisons are in integers: with the quota p/q, unit i's whole part and remainder are
the quotient and remainder of population_i * q by p.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from functools import partial

import numpy as np
import numpy.typing as npt

from soviet.apportion.errors import ApportionmentError
from soviet.apportion.lot import TiePolicy, fresh_seed, share_by_lot
from soviet.apportion.result import Apportionment, Figures, IntArray

BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class QuotaRule:
    """A largest-remainder method: its name and its quota for (total population, seats)."""

    name: str
    quota: Callable[[int, int], Fraction]


def hare_quota(total: int, seats: int) -> Fraction:
    return Fraction(total, seats)


def droop_quota(total: int, seats: int) -> Fraction:
    return Fraction(total // (seats + 1) + 1)


RULES: dict[str, QuotaRule] = {
    "hamilton": QuotaRule("hamilton", hare_quota),
    "largest-remainder-droop": QuotaRule("largest-remainder-droop", droop_quota),
}


def remainder_apportion(
    rule: QuotaRule,
    populations: IntArray,
    house: int,
    minimum: int,
    names: tuple[str, ...] | None,
    seed: int | None,
    ties: TiePolicy,
) -> Apportionment:
    """Apportion ``house`` seats by ``rule``; see the module text for the method."""
    n = populations.size
    if minimum * n > house:
        raise ApportionmentError(
            f"{rule.name}: a minimum of {minimum} seat(s) for {n} units needs {minimum * n} "
            f"seats, but the house has {house}"
        )
    stage = np.full(n, -1, dtype=np.int64)
    stage_divisors: list[Fraction] = []
    rounded = np.zeros(n, dtype=np.int64)
    active = np.ones(n, dtype=bool)
    left = house
    quota = rule.quota(int(populations.sum()), left)
    while True:
        below = active & _less(populations, minimum, quota)
        if below.any():
            stage[below] = len(stage_divisors)
            stage_divisors.append(quota)
            rounded[below] = _whole(populations[below], quota)
            active &= ~below
            left -= minimum * int(below.sum())
        if not active.any() or int(_whole(populations[active], quota).sum()) <= left:
            break
        quota = rule.quota(int(populations[active].sum()), left)
    units = np.flatnonzero(active)
    whole, remainder = _divmod(populations[units], quota)
    extra = left - int(whole.sum())
    if extra > units.size:
        raise ApportionmentError(
            f"{rule.name}: quota {quota} leaves {extra} seats after the whole parts, more than "
            f"the {units.size} units that could take one each; too few people for the seats"
        )
    seats = np.maximum(rounded, minimum)
    seats[units] = whole
    rounded[units] = whole
    tie = None
    if extra > 0:
        cut = np.sort(remainder)[::-1][extra - 1]
        above = units[remainder > cut]
        level = units[remainder == cut]
        seats[above] += 1
        rounded[above] += 1
        if above.size + level.size > extra:
            seed = fresh_seed(seed)
            tie = share_by_lot(level.tolist(), extra - above.size, seed, ties, names)
            seats[list(tie.won)] += 1
        else:
            seats[level] += 1
            rounded[level] += 1
    return Apportionment(
        method=rule.name,
        populations=populations,
        seats=seats,
        rounding=f"whole part, one seat more for each of the {extra} largest remainders",
        work_figures=partial(Figures, quota, rounded, tuple(stage_divisors), stage),
        minimum=minimum,
        names=names,
        ties=() if tie is None else (tie,),
        seed=seed,
    )


def _exact(values: IntArray, factor: int) -> IntArray:
    """``values * factor`` in int64 when it surely fits, else in Python integers."""
    if int(values.max(initial=0)) * abs(factor) < 2**62:
        return values * factor
    return values.astype(object) * factor


def _divmod(populations: IntArray, quota: Fraction) -> tuple[IntArray, IntArray]:
    """Whole part and remainder (in units of 1/denominator) of population / quota."""
    scaled = _exact(populations, quota.denominator)
    return scaled // quota.numerator, scaled % quota.numerator


def _whole(populations: IntArray, quota: Fraction) -> IntArray:
    return _divmod(populations, quota)[0].astype(np.int64)


def _less(populations: IntArray, minimum: int, quota: Fraction) -> BoolArray:
    """population / quota < minimum, compared in integers."""
    return _exact(populations, quota.denominator) < minimum * quota.numerator
