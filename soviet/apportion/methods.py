"""``apportion``: seats by population under the method a charter names.

Each method lives in its own module (``divisor``, ``largest_remainder``, ``ratio``); this one
checks the request once, refuses what cannot be done, and sends it to the right rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

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
    name = ALIASES.get(method, method)
    if name not in METHODS:
        raise ApportionmentError(
            f"unknown apportionment method {method!r}; known: {', '.join(METHODS)}"
        )
    if isinstance(minimum, bool) or not isinstance(minimum, int | np.integer) or minimum < 0:
        raise ApportionmentError(f"minimum must be a whole number of seats >= 0, got {minimum!r}")
    if ties not in ("lot", "refuse"):
        raise ApportionmentError(f"ties must be 'lot' or 'refuse', got {ties!r}")
    pops, label = as_populations(populations, names)
    if name == "ratio":
        if seats is not None:
            raise ApportionmentError("ratio mode sets the house from the ratio; give no seats")
        if ratio is None:
            raise ApportionmentError("ratio mode needs the ratio (members per delegate)")
        return ratio_apportion(pops, ratio, remainder, int(minimum), label)
    if ratio is not None or remainder is not None:
        raise ApportionmentError(
            f"{name} apportions a fixed house; ratio and remainder are for the 'ratio' method"
        )
    if isinstance(seats, bool) or not isinstance(seats, int | np.integer) or seats < 1:
        raise ApportionmentError(f"{name} needs the number of seats (at least 1), got {seats!r}")
    if name in REMAINDER_RULES:
        return remainder_apportion(
            REMAINDER_RULES[name], pops, int(seats), int(minimum), label, seed, ties
        )
    return divisor_apportion(DIVISOR_RULES[name], pops, int(seats), int(minimum), label, seed, ties)
