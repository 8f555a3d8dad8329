"""``apportion``: seats by population under the method a charter names.

Each method lives in its own module (``divisor``, ``largest_remainder``, ``ratio``); this one
checks the request once, refuses what cannot be done, and sends it to the right rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from soviet.apportion.bodies import Bodies, group, one_body
from soviet.apportion.divisor import RULES as DIVISOR_RULES
from soviet.apportion.divisor import divisor_apportion
from soviet.apportion.errors import ApportionmentError
from soviet.apportion.largest_remainder import RULES as REMAINDER_RULES
from soviet.apportion.largest_remainder import remainder_apportion
from soviet.apportion.lot import TiePolicy
from soviet.apportion.population import as_populations
from soviet.apportion.ratio import ratio_apportion
from soviet.apportion.result import Apportionment, IntArray

ALIASES: dict[str, str] = {
    "largest-remainder": "hamilton",
    "largest-remainder-hare": "hamilton",
    "hare-niemeyer": "hamilton",
    "droop": "largest-remainder-droop",
    "dhondt": "jefferson",
    "d'hondt": "jefferson",
    "sainte-lague": "webster",
    "equal-proportions": "huntington-hill",
}

METHODS: tuple[str, ...] = (*REMAINDER_RULES, *DIVISOR_RULES, "ratio")
"""Every method name ``apportion`` accepts, besides the aliases in ``ALIASES``."""


def apportion(
    method: str,
    populations: Sequence[int] | IntArray,
    seats: int | np.integer[Any] | None = None,
    *,
    ratio: int | None = None,
    remainder: str | None = None,
    minimum: int = 0,
    names: Sequence[str] | None = None,
    seed: int | None = None,
    ties: TiePolicy = "lot",
) -> Apportionment:
    """Apportion seats among units by population.

    ``seats`` is the house size for every method but ``"ratio"``, which instead takes the
    charter's ``ratio`` (members per delegate) and its ``remainder`` rule and makes the house
    whatever they give. Units level for the last seats share them by lot with ``seed`` (a fresh
    one is drawn and recorded when none is given), or the request is refused when ``ties`` is
    ``"refuse"``.
    """
    name = _method(method)
    if name != "ratio" and not _whole(seats, 1):
        raise ApportionmentError(f"{name} needs the number of seats (at least 1), got {seats!r}")
    pops, label = as_populations(populations, names)
    houses = None if seats is None else np.array([seats], dtype=np.int64)
    (result,) = _run(
        name, pops, label, one_body(pops.size), houses, ratio, remainder, minimum, seed, ties
    )
    return result


def apportion_bodies(
    method: str,
    populations: Sequence[int] | IntArray,
    bodies: Sequence[int] | IntArray,
    seats: Sequence[int] | IntArray | None = None,
    *,
    ratio: int | None = None,
    remainder: str | None = None,
    minimum: int = 0,
    names: Sequence[str] | None = None,
    seed: int | None = None,
    ties: TiePolicy = "lot",
) -> tuple[Apportionment, ...]:
    """Apportion the seats of many bodies in one pass, each body's among its own units.

    ``bodies[i]`` numbers the body (0, 1, ...) unit i sends delegates to and ``seats[b]`` is
    body b's number of seats (none in ratio mode). The result holds one Apportionment per body,
    its units in their original order; lots are drawn per body from the one recorded seed.
    The same rules as :func:`apportion`, vectorised across bodies: a council tree's ten
    thousand councils cost a few passes, not ten thousand calls.
    """
    name = _method(method)
    pops, label = as_populations(populations, names)
    body = np.asarray(bodies)
    if body.shape != pops.shape or not np.issubdtype(body.dtype, np.integer) or body.dtype == bool:
        raise ApportionmentError(
            f"bodies must give a body number for each of the {pops.size} units"
        )
    if int(body.min()) < 0:
        raise ApportionmentError(f"body numbers start at 0, got {int(body.min())}")
    houses = None
    if name != "ratio":
        if seats is None or any(not _whole(h, 1) for h in list(seats)):
            raise ApportionmentError(f"{name} needs each body's number of seats (at least 1)")
        houses = np.asarray(seats, dtype=np.int64)
        if int(body.max()) >= houses.size:
            raise ApportionmentError(
                f"unit in body {int(body.max()) + 1}, but seats are given for {houses.size} bodies"
            )
    count = int(body.max()) + 1 if houses is None else houses.size
    grouping = group(body.astype(np.int64), count)
    return _run(name, pops, label, grouping, houses, ratio, remainder, minimum, seed, ties)


def _method(method: str) -> str:
    name = ALIASES.get(method, method)
    if name not in METHODS:
        raise ApportionmentError(
            f"unknown apportionment method {method!r}; known: {', '.join(METHODS)}"
        )
    return name


def _whole(value: object, least: int) -> bool:
    """A whole number (not a bool) of at least ``least``."""
    return (
        not isinstance(value, bool) and isinstance(value, int | np.integer) and bool(value >= least)
    )


def _run(
    name: str,
    populations: IntArray,
    names: tuple[str, ...] | None,
    bodies: Bodies,
    houses: IntArray | None,
    ratio: int | None,
    remainder: str | None,
    minimum: int,
    seed: int | None,
    ties: TiePolicy,
) -> tuple[Apportionment, ...]:
    if not _whole(minimum, 0):
        raise ApportionmentError(f"minimum must be a whole number of seats >= 0, got {minimum!r}")
    if ties not in ("lot", "refuse"):
        raise ApportionmentError(f"ties must be 'lot' or 'refuse', got {ties!r}")
    ordered = populations[bodies.order]
    if name == "ratio":
        if houses is not None:
            raise ApportionmentError("ratio mode sets the house from the ratio; give no seats")
        if ratio is None:
            raise ApportionmentError("ratio mode needs the ratio (members per delegate)")
        return ratio_apportion(ordered, bodies, ratio, remainder, int(minimum), names)
    if ratio is not None or remainder is not None:
        raise ApportionmentError(
            f"{name} apportions a fixed house; ratio and remainder are for the 'ratio' method"
        )
    assert houses is not None
    if name in REMAINDER_RULES:
        return remainder_apportion(
            REMAINDER_RULES[name], ordered, bodies, houses, int(minimum), names, seed, ties
        )
    return divisor_apportion(
        DIVISOR_RULES[name], ordered, bodies, houses, int(minimum), names, seed, ties
    )
