"""100,000 units in one apportionment: exact, and vectorised (no Python loop per seat)."""

from __future__ import annotations

import time

import numpy as np
import pytest

from soviet.apportion import METHODS, apportion

UNITS = np.random.default_rng(2024).integers(20, 200, size=100_000)


@pytest.mark.parametrize("method", [m for m in METHODS if m != "ratio"])
def test_hundred_thousand_units(method: str) -> None:
    start = time.perf_counter()
    result = apportion(method, UNITS, 250_000, minimum=1, seed=7)
    elapsed = time.perf_counter() - start
    assert elapsed < 3.0, f"{method} took {elapsed:.2f} s for 100,000 units"
    assert result.house == 250_000
    assert (result.seats >= 1).all()
    won = {u for tie in result.ties for u in tie.won}
    for unit in range(0, 100_000, 9_973):
        line = result.explain(unit)
        assert line.seats == max(line.rounded, 1) + (unit in won)
