"""Divisor methods: hand-worked cases, the 2020 US House, exact ties, figures, properties."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soviet.apportion import Apportionment, ApportionmentError, TieRefused, apportion
from soviet.apportion.divisor import RULES
from tests.apportion.us_census import CENSUS_2020, HOUSE_2020

VOTES = [100_000, 80_000, 30_000, 20_000]


@pytest.mark.parametrize(
    ("method", "seats", "divisor"),
    [
        ("dhondt", [4, 3, 1, 0], 21000),
        ("jefferson", [4, 3, 1, 0], 21000),
        ("sainte-lague", [3, 3, 1, 1], 30000),
        ("huntington-hill", [3, 3, 1, 1], 30000),
        ("adams", [3, 3, 1, 1], 34000),
    ],
)
def test_hand_worked_eight_seats(method: str, seats: list[int], divisor: int) -> None:
    # D'Hondt averages: A 100k 50k 33.3k 25k | B 80k 40k 26.7k | C 30k | D 20k -> A4 B3 C1
    result = apportion(method, VOTES, 8)
    assert result.seats.tolist() == seats
    assert result.divisor == divisor
    assert result.ties == ()


def test_modified_sainte_lague_meets_an_exact_tie() -> None:
    """A's seventh-divisor average 100000/7 equals D's first, 20000/1.4: a tie, not a float."""
    result = apportion("modified-sainte-lague", VOTES, 8, seed=5, names=list("ABCD"))
    (tie,) = result.ties
    assert tie.units == (0, 3)
    assert tie.seats == 1
    assert result.seats[[1, 2]].tolist() == [3, 1]
    assert result.seats[0] + result.seats[3] == 4
    with pytest.raises(TieRefused, match="A, D are level for the last 1 seat"):
        apportion("modified-sainte-lague", VOTES, 8, names=list("ABCD"), ties="refuse")


def test_modified_sainte_lague_first_divisor_is_1_4() -> None:
    # Sainte-Lague gives the small list a seat at 0.5 quotas; the modified rule wants 0.7.
    assert apportion("sainte-lague", [600, 100], 4).seats.tolist() == [3, 1]
    assert apportion("modified-sainte-lague", [600, 100], 4).seats.tolist() == [4, 0]


def test_us_house_2020_is_huntington_hill_with_one_seat_minimum() -> None:
    states = list(CENSUS_2020)
    result = apportion("huntington-hill", list(CENSUS_2020.values()), 435, names=states, minimum=1)
    assert result.seats_by_name() == HOUSE_2020
    assert result.divisor == 762995
    wyoming = result.explain(states.index("Wyoming"))
    assert (wyoming.rounded, wyoming.seats) == (1, 1)


def test_adams_and_huntington_hill_round_up_small_units() -> None:
    assert apportion("adams", [650, 250, 100], 10).seats.tolist() == [6, 3, 1]
    assert apportion("adams", [650, 250, 100], 10).divisor == 110
    assert apportion("huntington-hill", [650, 250, 100], 10).divisor == 101


def test_minimum_raises_small_units_and_says_so() -> None:
    result = apportion("dhondt", [9000, 800, 200], 10, minimum=2)
    assert result.seats.tolist() == [6, 2, 2]
    small = result.explain(2)
    assert small.rounded < 2
    assert small.note == "raised to the minimum of 2"


def test_every_unit_first_seat_needs_enough_seats() -> None:
    with pytest.raises(ApportionmentError, match="every unit a first seat"):
        apportion("adams", [5, 6, 7], 2)
    with pytest.raises(ApportionmentError, match="minimum is 2"):
        apportion("webster", [5, 6, 7], 5, minimum=2)


def test_ties_by_lot_repeat_from_the_seed() -> None:
    runs = [apportion("webster", [5, 5, 5, 5], 6, seed=s).seats.tolist() for s in range(30)]
    assert all(sum(r) == 6 and sorted(r) == [1, 1, 2, 2] for r in runs)
    assert runs[3] == apportion("webster", [5, 5, 5, 5], 6, seed=3).seats.tolist()
    assert len({tuple(r) for r in runs}) > 1


def _check_figures(result: Apportionment) -> None:
    """Every unit's published line adds up: the rule's rounding, the minimum, the lot."""
    rule = RULES[result.method]
    won = {u for tie in result.ties for u in tie.won}
    for unit in range(result.populations.size):
        line = result.explain(unit)
        assert line.quotient == Fraction(line.population) / result.divisor
        assert line.rounded == rule.exact_round(line.quotient)
        assert line.seats == max(line.rounded, result.minimum) + (unit in won)


populations = st.lists(st.integers(1, 10**7), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(
    populations,
    st.integers(0, 60),
    st.integers(0, 3),
    st.sampled_from(sorted(RULES)),
    st.integers(0, 2**32),
)
def test_figures_reproduce_every_unit(
    pops: list[int], extra: int, minimum: int, method: str, seed: int
) -> None:
    floor = max(minimum, 1 if RULES[method].first_seat_free else 0)
    house = floor * len(pops) + extra + 1
    result = apportion(method, pops, house, minimum=minimum, seed=seed)
    assert result.house == house
    assert (result.seats >= minimum).all()
    _check_figures(result)


@settings(max_examples=150, deadline=None)
@given(populations, st.integers(1, 60), st.sampled_from(sorted(RULES)))
def test_divisor_methods_know_no_alabama_paradox(pops: list[int], extra: int, method: str) -> None:
    """One more seat never costs a unit a seat (house monotonicity), ties aside."""
    house = len(pops) + extra
    try:
        smaller = apportion(method, pops, house, ties="refuse")
        larger = apportion(method, pops, house + 1, ties="refuse")
    except TieRefused:
        return
    assert (larger.seats >= smaller.seats).all()
    assert larger.house == smaller.house + 1


def test_many_equal_units_tie_exactly() -> None:
    pops = np.full(1000, 37, dtype=np.int64)
    result = apportion("huntington-hill", pops, 1500, seed=9)
    (tie,) = result.ties
    assert (len(tie.units), tie.seats) == (1000, 500)
    assert sorted(set(result.seats.tolist())) == [1, 2]
    _check_figures(result)
