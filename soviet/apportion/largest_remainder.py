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

from soviet.apportion.bodies import Bodies, assemble
from soviet.apportion.errors import ApportionmentError
from soviet.apportion.lot import TiePolicy, share_by_lot
from soviet.apportion.result import Apportionment, Figures, IntArray, Tie

BoolArray = npt.NDArray[np.bool_]
Quota = tuple[IntArray, IntArray]
"""Each body's quota as numerator and denominator arrays: exact, and vectorised."""


@dataclass(frozen=True)
class QuotaRule:
    """A largest-remainder method: its name and its quota for (total population, seats)."""

    name: str
    quota: Callable[[IntArray, IntArray], Quota]


def hare_quota(total: IntArray, seats: IntArray) -> Quota:
    common = np.gcd(total, seats)
    return total // common, seats // common


def droop_quota(total: IntArray, seats: IntArray) -> Quota:
    return total // (seats + 1) + 1, np.ones_like(total)


RULES: dict[str, QuotaRule] = {
    "hamilton": QuotaRule("hamilton", hare_quota),
    "largest-remainder-droop": QuotaRule("largest-remainder-droop", droop_quota),
}


def remainder_apportion(
    rule: QuotaRule,
    populations: IntArray,
    bodies: Bodies,
    houses: IntArray,
    minimum: int,
    names: tuple[str, ...] | None,
    seed: int | None,
    ties: TiePolicy,
) -> tuple[Apportionment, ...]:
    """Apportion each body's seats among its units by ``rule`` (see the module text).

    ``populations`` are sorted by body (``bodies.order``); ``houses`` holds each body's seats.
    """
    need = minimum * bodies.sizes
    if (need > houses).any():
        b = int(np.argmax(need > houses))
        raise ApportionmentError(
            f"{bodies.label(b)}{rule.name}: a minimum of {minimum} seat(s) for "
            f"{bodies.sizes[b]} units needs {need[b]} seats, but the house has {houses[b]}"
        )
    per = bodies.body
    stage = np.full(populations.size, -1, dtype=np.int64)
    stages: list[Quota] = []
    rounded = np.zeros(populations.size, dtype=np.int64)
    active = np.ones(populations.size, dtype=bool)
    left = houses.copy()
    num, den = rule.quota(bodies.sums(populations), left)
    while True:
        whole, remainder = _divmod(populations, num[per], den[per])
        below = active & (_exact(populations, den[per]) < minimum * num[per])
        if below.any():
            stage[below] = len(stages)
            stages.append((num, den))
            rounded[below] = whole[below]
            active &= ~below
            left = left - minimum * bodies.sums(below.astype(np.int64))
        wholes = bodies.sums(np.where(active, whole, 0).astype(np.int64))
        redo = (bodies.sums(active.astype(np.int64)) > 0) & (wholes > left)
        if not redo.any():
            break
        fresh_num, fresh_den = rule.quota(bodies.sums(np.where(active, populations, 0)), left)
        num, den = np.where(redo, fresh_num, num), np.where(redo, fresh_den, den)
    extra = left - wholes
    room = bodies.sums(active.astype(np.int64))
    if (extra > room).any():
        b = int(np.argmax(extra > room))
        raise ApportionmentError(
            f"{bodies.label(b)}{rule.name}: quota {Fraction(int(num[b]), int(den[b]))} leaves "
            f"{extra[b]} seats after the whole parts, more than the {room[b]} units that could "
            "take one each; too few people for the seats"
        )
    seats = np.where(active, whole, np.maximum(rounded, minimum)).astype(np.int64)
    rounded = np.where(active, whole, rounded).astype(np.int64)
    cut = _cut(remainder, active, per, extra, bodies.count)
    contest = active & (extra[per] > 0)
    above = contest & (remainder > cut[per])
    level = contest & (remainder == cut[per])
    short = extra - bodies.sums(above.astype(np.int64))
    tied_bodies = bodies.sums(level.astype(np.int64)) > short
    clean = level & ~tied_bodies[per]
    seats += above | clean
    rounded += above | clean
    tied: dict[int, Tie] = {}
    for b in np.flatnonzero(tied_bodies).tolist():
        span = bodies.span(b)
        local = np.flatnonzero(level[span]).tolist()
        tie, seed = share_by_lot(
            local, int(short[b]), seed, ties, bodies.names_of(b, names), draw=b
        )
        seats[span.start + np.array(tie.won, dtype=np.int64)] += 1
        tied[b] = tie

    def figures(b: int) -> Callable[[], Figures]:
        span = bodies.span(b)
        quotas = tuple(Fraction(int(n[b]), int(d[b])) for n, d in stages)
        quota = Fraction(int(num[b]), int(den[b]))
        return partial(Figures, quota, rounded[span], quotas, stage[span])

    return assemble(
        bodies,
        rule.name,
        populations,
        seats,
        lambda b: f"whole part, one seat more for each of the {extra[b]} largest remainders",
        figures,
        tied,
        minimum,
        names,
        seed,
    )


def _cut(
    remainder: IntArray, active: BoolArray, per: IntArray, extra: IntArray, count: int
) -> IntArray:
    """Per body, the remainder of the last unit a remainder seat reaches (-1 when none do)."""
    units = np.flatnonzero(active & (extra[per] > 0))
    if remainder.dtype == object:
        ranked = np.array(
            sorted(units.tolist(), key=lambda u: (per[u], -remainder[u])), dtype=np.int64
        )
    else:
        ranked = units[np.lexsort((-remainder[units], per[units]))]
    bodies_ranked = per[ranked]
    cut = np.full(count, -1, dtype=remainder.dtype)
    reaching = np.flatnonzero(extra > 0)
    last = np.searchsorted(bodies_ranked, reaching) + extra[reaching] - 1
    cut[reaching] = remainder[ranked[last]]
    return cut


def _exact(values: IntArray, factor: IntArray) -> IntArray:
    """``values * factor`` in int64 when it surely fits, else in Python integers."""
    if int(values.max(initial=0)) * int(np.abs(factor).max(initial=0)) < 2**62:
        return values * factor
    product: IntArray = values.astype(object) * factor.astype(object)
    return product


def _divmod(populations: IntArray, num: IntArray, den: IntArray) -> tuple[IntArray, IntArray]:
    """Whole part and remainder (in units of 1/den) of population / (num/den), exactly."""
    scaled = _exact(populations, den)
    return scaled // num, scaled % num
