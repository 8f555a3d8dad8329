"""Drawing lots: the one thing a count or an apportionment leaves to chance, always repeatably.

Statutes say "decided by lot" and leave the mechanism open. Here a lot is a draw from a
generator seeded with a recorded number, so anyone holding the seed repeats it exactly; each
draw of one seed has its own stream, so one lot never shifts another. Counting and
apportionment both draw here and record their lots in their own terms
(:mod:`soviet.counting.lot`, :mod:`soviet.apportion.lot`): the two are peers, and counting
already reads apportionment's rules (party lists), so the shared lot sits below both.
"""

from __future__ import annotations

import secrets

import numpy as np


def fresh_seed(seed: int | None) -> int:
    """The caller's seed, or a new one from the operating system when none was given."""
    return seed if seed is not None else secrets.randbits(63)


def stream(seed: int, draw: int) -> np.random.Generator:
    """The generator of draw number ``draw`` under ``seed``."""
    return np.random.default_rng([seed, draw])
