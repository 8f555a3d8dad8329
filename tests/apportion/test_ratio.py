"""A fixed ratio of members per delegate, with the charter's rule for the remainder."""

from __future__ import annotations

import pytest

from soviet.apportion import ApportionmentError, apportion

TOWNS = [37_000, 37_500, 25_001, 10_000, 250_000]


@pytest.mark.parametrize(
    ("remainder", "seats"),
    [
        ("drop", [1, 1, 1, 0, 10]),
        ("half", [1, 2, 1, 0, 10]),
        ("any", [2, 2, 2, 1, 10]),
    ],
)
def test_one_delegate_per_25000_voters(remainder: str, seats: list[int]) -> None:
    result = apportion("ratio", TOWNS, ratio=25_000, remainder=remainder)
    assert result.seats.tolist() == seats
    assert result.house == sum(seats)
    assert result.divisor == 25_000


def test_minimum_lifts_units_below_one_ratio() -> None:
    result = apportion("ratio", TOWNS, ratio=25_000, remainder="drop", minimum=1)
    assert result.seats.tolist() == [1, 1, 1, 1, 10]
    line = result.explain(3)
    assert (line.rounded, line.seats) == (0, 1)
    assert line.note == "raised to the minimum of 1"
    assert str(line) == "unit 4: 10,000 / 25,000 = 0.4000 -> 0 -> 1 (raised to the minimum of 1)"


def test_remainder_rule_is_required() -> None:
    with pytest.raises(ApportionmentError, match="rule for the remainder"):
        apportion("ratio", TOWNS, ratio=25_000)
    with pytest.raises(ApportionmentError, match="rule for the remainder"):
        apportion("ratio", TOWNS, ratio=25_000, remainder="round")


def test_ratio_takes_no_house_and_needs_a_ratio() -> None:
    with pytest.raises(ApportionmentError, match="give no seats"):
        apportion("ratio", TOWNS, 10, ratio=25_000, remainder="drop")
    with pytest.raises(ApportionmentError, match="needs the ratio"):
        apportion("ratio", TOWNS, remainder="drop")
    with pytest.raises(ApportionmentError, match="whole number of members"):
        apportion("ratio", TOWNS, ratio=0, remainder="drop")
    with pytest.raises(ApportionmentError, match="ratio and remainder are for"):
        apportion("webster", TOWNS, 10, ratio=25_000)
