"""A fixed ratio: one delegate per so many members, the house being whatever that makes.

The Russian constitution of 10 July 1918, art. 25, composes the All-Russian Congress of
Soviets of one delegate per 25,000 voters from the town soviets and one per 125,000
inhabitants from the provincial congresses; art. 57 sets the soviets the same way (one deputy
per 1,000 inhabitants in towns, per 100 in villages). The text is silent on the remainder:
whether 37,000 voters send one delegate or two. So the charter must say; there is no default:

- ``"drop"``: only whole ratios count (37,000 -> 1);
- ``"half"``: a remainder of at least half the ratio adds a delegate (37,500 -> 2, 37,499 -> 1);
- ``"any"``: any remainder adds a delegate (25,001 -> 2).

The charter's minimum then applies (a unit of 10,000 voters still sends its minimum).
"""

from __future__ import annotations

from fractions import Fraction
from functools import partial
from typing import Literal

import numpy as np

from soviet.apportion.bodies import Bodies, assemble
from soviet.apportion.errors import ApportionmentError
from soviet.apportion.result import Apportionment, Figures, IntArray

Remainder = Literal["drop", "half", "any"]

REMAINDERS: dict[str, str] = {
    "drop": "whole ratios only, the remainder dropped",
    "half": "whole ratios, one more for a remainder of at least half the ratio",
    "any": "whole ratios, one more for any remainder",
}


def ratio_apportion(
    populations: IntArray,
    bodies: Bodies,
    ratio: int,
    remainder: str | None,
    minimum: int,
    names: tuple[str, ...] | None,
) -> tuple[Apportionment, ...]:
    """One delegate per ``ratio`` members, the remainder treated as the charter says."""
    if isinstance(ratio, bool) or not isinstance(ratio, int | np.integer) or ratio < 1:
        raise ApportionmentError(f"ratio must be a whole number of members, got {ratio!r}")
    if remainder not in REMAINDERS:
        raise ApportionmentError(
            f"ratio mode needs the charter's rule for the remainder: one of "
            f"{', '.join(map(repr, REMAINDERS))} (got {remainder!r}); the 1918 constitution's "
            "'one delegate for 25,000 voters' does not say which"
        )
    whole, rest = np.divmod(populations, ratio)
    if remainder == "half":
        whole = whole + (2 * rest >= ratio)
    elif remainder == "any":
        whole = whole + (rest > 0)
    divisor = Fraction(int(ratio))
    return assemble(
        bodies,
        "ratio",
        populations,
        np.maximum(whole, minimum),
        lambda b: REMAINDERS[remainder],
        lambda b: partial(Figures, divisor, whole[bodies.span(b)]),
        {},
        minimum,
        names,
        None,
    )
