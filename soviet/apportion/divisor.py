"""Divisor methods: D'Hondt/Jefferson, Sainte-Laguë/Webster, modified Sainte-Laguë,
Huntington-Hill and Adams, with a minimum number of seats per unit.

Each method is one rule that reads two ways. As a divisor method: find a divisor D such that
rounding every population / D gives the house size. As highest averages: hand out seats one by
one, each to the unit whose population / d is highest, d being the divisor of that unit's next
seat. Both readings give seat k+1 (k = 0, 1, ...) to a unit once its quotient passes the
method's signpost s(k):

- D'Hondt / Jefferson: s(k) = k + 1, i.e. rounding down (divisors 1, 2, 3, ...).
- Sainte-Laguë / Webster: s(k) = k + 1/2, standard rounding (divisors 1, 3, 5, ... halved).
- modified Sainte-Laguë: s(0) = 0.7, then k + 1/2 (first divisor 1.4, then 3, 5, 7, ...;
  Norway's Representation of the People Act, ch. 11; Sweden's rule until 2018).
- Huntington-Hill, "equal proportions": s(k) = sqrt(k(k+1)), the geometric mean; with a
  minimum of one, the rule of 2 U.S.C. § 2a(a) for the US House.
- Adams: s(k) = k, rounding up.

A minimum m gives each unit max(m, rounded) seats, the divisor adjusted until they sum to the
house: the "min-restricted" divisor method of Pukelsheim, *Proportional Representation* (2017).

Speed: the divisor is found by false position over float quotients (a handful of vectorised
passes); then the seats near the boundary, whose float averages lie within 1e-9 of it, are
taken back and handed out again in exact rational arithmetic. So a tie is only ever a real
equality, and 100,000 units cost milliseconds rather than a Python loop per seat.
"""

from __future__ import annotations

import heapq
import math
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

FloatArray = npt.NDArray[np.float64]
Whole = npt.NDArray[np.int64] | npt.NDArray[np.float64]
"""Whole numbers, held as integers (exact work) or as floats (the fast float passes)."""
Signpost = Callable[[Whole], tuple[Whole, Whole | int]]

BAND = 1e-9
"""Relative width around the boundary inside which float averages are not trusted."""

SEARCH_STEPS = 100
"""Enough false-position steps for any body; the exact settlement never depends on it."""


@dataclass(frozen=True)
class DivisorRule:
    """One divisor method: its signposts s(k), as s(k)**power = num/den in whole numbers."""

    name: str
    rounding: str
    power: int
    signpost: Signpost

    @property
    def first_seat_free(self) -> bool:
        """True when s(0) = 0: every unit gets a first seat before any unit gets a second."""
        num, _ = self.signpost(np.zeros(1, dtype=np.int64))
        return bool(num[0] == 0)

    def signposts(self, k: Whole) -> FloatArray:
        """s(k) in floats."""
        num, den = self.signpost(k)
        ratio = num / den
        return np.sqrt(ratio) if self.power == 2 else ratio

    def averages(self, populations: IntArray, k: IntArray) -> FloatArray:
        """population / s(k) in floats: what each unit's seat k+1 would be won at (inf if free)."""
        with np.errstate(divide="ignore"):
            return populations / self.signposts(k)

    def keys(self, populations: IntArray, k: IntArray) -> list[Fraction]:
        """(population / s(k)) ** power exactly: the figure seats are ranked by."""
        num, den = self.signpost(k)
        dens = np.broadcast_to(den, num.shape).tolist()
        return [
            Fraction(int(p) ** self.power * int(d), int(n))
            for p, n, d in zip(populations.tolist(), num.tolist(), dens, strict=True)
        ]

    def rounds(self, quotients: FloatArray, minimum: int) -> IntArray:
        """Seats at a float divisor: c - 1 seats are sure (c = ceil q), seat c if s(c-1) < q."""
        below: FloatArray = np.ceil(quotients) - 1
        won = below + (self.signposts(below) < quotients)
        seats: IntArray = np.maximum(won, minimum).astype(np.int64)
        return seats

    def exact_round(self, quotient: Fraction) -> int:
        """The same rounding of one quotient, exactly."""
        c = math.ceil(quotient)
        num, den = self.signpost(np.array([c - 1], dtype=np.int64))
        signpost = Fraction(int(num[0]), int(np.broadcast_to(den, num.shape)[0]))
        return c - 1 + int(signpost < quotient**self.power)


def _jefferson(k: Whole) -> tuple[Whole, int]:
    return k + 1, 1


def _webster(k: Whole) -> tuple[Whole, int]:
    return 2 * k + 1, 2


def _modified_webster(k: Whole) -> tuple[Whole, Whole]:
    return np.where(k == 0, 7, 2 * k + 1), np.where(k == 0, 10, 2)


def _hill(k: Whole) -> tuple[Whole, int]:
    return k * (k + 1), 1


def _adams(k: Whole) -> tuple[Whole, int]:
    return k, 1


RULES: dict[str, DivisorRule] = {
    rule.name: rule
    for rule in (
        DivisorRule("jefferson", "rounded down", 1, _jefferson),
        DivisorRule("webster", "rounded to the nearest whole number", 1, _webster),
        DivisorRule(
            "modified-sainte-lague",
            "rounded to the nearest whole number, the first seat from 0.7",
            1,
            _modified_webster,
        ),
        DivisorRule(
            "huntington-hill", "rounded at the geometric mean of the two neighbours", 2, _hill
        ),
        DivisorRule("adams", "rounded up", 1, _adams),
    )
}


def divisor_apportion(
    rule: DivisorRule,
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
    floor_seats = max(minimum, 1 if rule.first_seat_free else 0)
    need = floor_seats * bodies.sizes
    if (need > houses).any():
        b = int(np.argmax(need > houses))
        why = (
            "the method gives every unit a first seat"
            if floor_seats > minimum
            else f"the minimum is {minimum} seat(s) per unit"
        )
        raise ApportionmentError(
            f"{bodies.label(b)}{rule.name}: {why}, so {bodies.sizes[b]} units need "
            f"{need[b]} seats, but the house has {houses[b]}"
        )
    low, high = _bracket(rule, populations, bodies, houses, minimum)
    seats, tied, seed = _settle(
        rule, populations, bodies, houses, minimum, low, high, seed, ties, names
    )
    base = seats.copy()
    for b, tie in tied.items():
        base[bodies.starts[b] + np.array(tie.won, dtype=np.int64)] -= 1

    def figures(b: int) -> Callable[[], Figures]:
        span = bodies.span(b)
        return partial(_figures, rule, populations[span], base[span], minimum)

    return assemble(
        bodies,
        rule.name,
        populations,
        seats,
        lambda b: rule.rounding,
        figures,
        tied,
        minimum,
        names,
        seed,
    )


def _figures(rule: DivisorRule, populations: IntArray, base: IntArray, minimum: int) -> Figures:
    divisor = _roundest_divisor(rule, populations, base, minimum)
    return Figures(divisor, _rounded(rule, populations, base, minimum, divisor))


def _bracket(
    rule: DivisorRule, populations: IntArray, bodies: Bodies, houses: IntArray, minimum: int
) -> tuple[FloatArray, FloatArray]:
    """Per body, divisors low <= high with seats(low) >= house >= seats(high), as close as
    floats allow.

    Seats grow about linearly in 1/divisor (total / divisor, give or take a seat per unit), so
    the search interpolates in 1/divisor (false position, Illinois variant) rather than halving,
    all bodies at once. The exact settlement does not rely on it converging: a wide bracket
    only makes that settlement do more exact work.
    """
    per = bodies.body
    total = bodies.sums(populations).astype(np.float64)
    house = houses.astype(np.float64)

    def excess(x: FloatArray) -> FloatArray:
        return bodies.sums(rule.rounds(populations * x[per], minimum)).astype(np.float64) - house

    x_low = 0.5 / np.maximum.reduceat(populations, bodies.starts).astype(np.float64)
    x_high = (house + bodies.sizes + 1) / total
    f_low, f_high = excess(x_low), excess(x_high)
    x_high = np.where(f_low == 0, x_low, x_high)
    x_low = np.where(f_high == 0, x_high, x_low)
    x, side = house / total, np.zeros(bodies.count)
    for _ in range(SEARCH_STEPS):
        done = x_high <= x_low * (1 + 1e-12)
        if done.all():
            break
        x = np.where((x_low < x) & (x < x_high), x, (x_low + x_high) / 2)
        f = excess(x)
        hit = (f == 0) & ~done
        below = (f < 0) & ~done
        above = (f > 0) & ~done
        x_low = np.where(hit | below, x, x_low)
        x_high = np.where(hit | above, x, x_high)
        f_high = np.where(below & (side < 0), f_high / 2, np.where(above, f, f_high))
        f_low = np.where(above & (side > 0), f_low / 2, np.where(below, f, f_low))
        side = np.where(below, -1.0, np.where(above, 1.0, side))
        with np.errstate(divide="ignore", invalid="ignore"):
            x = x_low + (x_high - x_low) * f_low / (f_low - f_high)
    return 1 / x_high, 1 / x_low


def _settle(
    rule: DivisorRule,
    populations: IntArray,
    bodies: Bodies,
    houses: IntArray,
    minimum: int,
    low: FloatArray,
    high: FloatArray,
    seed: int | None,
    policy: TiePolicy,
    names: tuple[str, ...] | None,
) -> tuple[IntArray, dict[int, Tie], int | None]:
    """Exact seats: take back every seat won near the boundary, hand them out in Fractions.

    After the take-back every seat kept was won at an average above ``high * (1 + BAND)`` and
    every unit outside the pool wants its next seat at below ``low * (1 - BAND)`` (per body), so
    the seats handed out again go by exact comparison within the pool alone, and an equality
    there is a real tie for the last seats. Ties carry body-local unit numbers.
    """
    top, bottom = high[bodies.body] * (1 + BAND), low[bodies.body] * (1 - BAND)
    seats = rule.rounds(populations / high[bodies.body], minimum)
    while True:
        last = rule.averages(populations, np.maximum(seats - 1, 0))
        back = (seats > minimum) & (last <= top)
        if not back.any():
            break
        seats = seats - back
    pool = np.flatnonzero(rule.averages(populations, seats) >= bottom)
    left = houses - bodies.sums(seats)
    tied: dict[int, Tie] = {}
    for b in np.flatnonzero(left > 0).tolist():
        start = int(bodies.starts[b])
        members = pool[
            np.searchsorted(pool, start) : np.searchsorted(pool, start + bodies.sizes[b])
        ]
        level, short = _hand_out(rule, populations, seats, members, int(left[b]))
        if level:
            local = [u - start for u in level]
            tie, seed = share_by_lot(local, short, seed, policy, bodies.names_of(b, names), draw=b)
            seats[start + np.array(tie.won, dtype=np.int64)] += 1
            tied[b] = tie
    return seats, tied, seed


def _hand_out(
    rule: DivisorRule, populations: IntArray, seats: IntArray, pool: IntArray, left: int
) -> tuple[list[int], int]:
    """Highest averages over ``pool`` in exact keys, ``left`` seats, adding to ``seats``.

    Returns the units level for the last seats and how many seats they share when the
    averages alone cannot decide (else an empty list).
    """
    heap = [
        (-key, int(u))
        for key, u in zip(rule.keys(populations[pool], seats[pool]), pool.tolist(), strict=True)
    ]
    heapq.heapify(heap)
    while left > 0:
        top = heap[0][0]
        level = []
        while heap and heap[0][0] == top:
            level.append(heapq.heappop(heap)[1])
        if len(level) > left:
            return level, left
        for u in level:
            seats[u] += 1
            (key,) = rule.keys(populations[u : u + 1], seats[u : u + 1])
            heapq.heappush(heap, (-key, u))
        left -= len(level)
    return [], 0


def _roundest_divisor(
    rule: DivisorRule, populations: IntArray, base: IntArray, minimum: int
) -> Fraction:
    """The number with fewest significant digits that reproduces ``base`` by the rule.

    It lies strictly between the highest average not rewarded (each unit's next seat) and the
    lowest average rewarded above the minimum, so no quotient sits on a signpost and every
    unit's figure reads without ambiguity. Seats won by lot are not in ``base``.
    """
    everyone = np.arange(populations.size)
    low = _extreme(rule, populations, base, everyone, highest=True)
    assert low is not None
    above_minimum = np.flatnonzero(base > minimum)
    high = _extreme(rule, populations, base - 1, above_minimum, highest=False)
    approx = float(low) ** (1 / rule.power)
    digits = -math.floor(math.log10(approx)) - 1
    while True:
        scale = Fraction(10) ** digits
        scaled = low * scale**rule.power
        whole = scaled.numerator // scaled.denominator
        root = math.isqrt(whole) if rule.power == 2 else whole
        candidate = Fraction(root + 1) / scale
        if high is None or candidate**rule.power < high:
            return candidate
        digits += 1


def _extreme(
    rule: DivisorRule, populations: IntArray, k: IntArray, units: IntArray, *, highest: bool
) -> Fraction | None:
    """The exact highest (or lowest finite) key among ``units``' seat k, found via floats."""
    if units.size == 0:
        return None
    averages = rule.averages(populations[units], k[units])
    finite = np.isfinite(averages)
    if not finite.any():
        return None
    units, averages = units[finite], averages[finite]
    if highest:
        near = units[averages >= averages.max() * (1 - BAND)]
    else:
        near = units[averages <= averages.min() * (1 + BAND)]
    keys = rule.keys(populations[near], k[near])
    return max(keys) if highest else min(keys)


def _rounded(
    rule: DivisorRule, populations: IntArray, base: IntArray, minimum: int, divisor: Fraction
) -> IntArray:
    """Each unit's quotient rounded by the rule; below ``base`` only for units at the minimum."""
    rounded = base.copy()
    if minimum == 0:
        return rounded
    at_minimum = np.flatnonzero(base == minimum)
    quotients = populations[at_minimum] / float(divisor)
    floats = rule.rounds(quotients, 0)
    c = np.ceil(quotients).astype(np.int64)
    unsure = (np.abs(quotients - np.round(quotients)) <= BAND * quotients) | (
        np.abs(rule.signposts(c - 1) - quotients) <= BAND * quotients
    )
    for i in np.flatnonzero(unsure).tolist():
        floats[i] = rule.exact_round(Fraction(int(populations[at_minimum[i]])) / divisor)
    rounded[at_minimum] = np.minimum(floats, minimum)
    return rounded
