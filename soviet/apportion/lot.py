"""Seats that no figure can decide: shared out among level units by lot, or refused.

The lot is a draw from a generator seeded with a recorded number, so anyone holding the seed
repeats it exactly. The draw depends only on the seed and on which units are level (taken in
unit order), never on the order the count happened to meet them.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import Literal

import numpy as np

from soviet.apportion.errors import TieRefused
from soviet.apportion.result import Tie, unit_label

TiePolicy = Literal["lot", "refuse"]


def fresh_seed(seed: int | None) -> int:
    """The caller's seed, or a new one from the operating system when none was given."""
    return seed if seed is not None else secrets.randbits(63)


def share_by_lot(
    level: Sequence[int],
    seats: int,
    seed: int,
    policy: TiePolicy,
    names: tuple[str, ...] | None,
    draw: int = 0,
) -> Tie:
    """Give ``seats`` seats to as many of the ``level`` units, drawn by lot (or refuse).

    ``draw`` numbers the lots of one call (one per body), each from its own stream of ``seed``.
    """
    units = tuple(sorted(level))
    if policy == "refuse":
        tied = ", ".join(unit_label(u, names) for u in units)
        raise TieRefused(
            f"{tied} are level for the last {seats} seat(s); "
            "a lot is needed and the charter (or caller) refuses one"
        )
    drawn = np.random.default_rng([seed, draw]).choice(len(units), size=seats, replace=False)
    return Tie(units=units, seats=seats, won=tuple(sorted(units[int(i)] for i in drawn)))
