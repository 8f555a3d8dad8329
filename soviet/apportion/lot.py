"""Seats that no figure can decide: shared out among level units by lot, or refused.

The lot comes from :mod:`soviet.lot` (seeded, recorded, repeatable). The draw depends only on
the seed and on which units are level (taken in unit order), never on the order the count
happened to meet them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from soviet.apportion.errors import TieRefused
from soviet.apportion.result import Tie, unit_label
from soviet.lot import fresh_seed, stream

TiePolicy = Literal["lot", "refuse"]


def share_by_lot(
    level: Sequence[int],
    seats: int,
    seed: int | None,
    policy: TiePolicy,
    names: tuple[str, ...] | None,
    draw: int = 0,
) -> tuple[Tie, int]:
    """Give ``seats`` seats to as many of the ``level`` units, drawn by lot (or refuse); the
    tie, and the seed it was drawn with (a fresh one when ``seed`` is None, to be recorded).

    ``draw`` numbers the lots of one call (one per body), each from its own stream of ``seed``.
    """
    units = tuple(sorted(level))
    if policy == "refuse":
        tied = ", ".join(unit_label(u, names) for u in units)
        raise TieRefused(
            f"{tied} are level for the last {seats} seat(s); "
            "a lot is needed and the charter (or caller) refuses one"
        )
    seed = fresh_seed(seed)
    drawn = stream(seed, draw).choice(len(units), size=seats, replace=False)
    return Tie(units=units, seats=seats, won=tuple(sorted(units[int(i)] for i in drawn))), seed
