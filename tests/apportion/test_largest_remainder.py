"""Largest remainder (Hamilton, Droop): historical cases, minimums, ties, figures."""

from __future__ import annotations

from fractions import Fraction

import pytest

from soviet.apportion import ApportionmentError, TieRefused, apportion
from tests.apportion.us_census import ACT_1882, CENSUS_1880

STATES = list(CENSUS_1880)
PEOPLE = list(CENSUS_1880.values())


def test_act_of_1882_is_hamilton_with_nevada_raised_to_one() -> None:
    result = apportion("hamilton", PEOPLE, 325, names=STATES, minimum=1)
    assert result.seats_by_name() == ACT_1882
    assert result.divisor == Fraction(49371340, 325)
    nevada = result.explain(STATES.index("Nevada"))
    assert (nevada.rounded, nevada.seats) == (0, 1)
    assert "minimum" in nevada.note


def test_alabama_paradox_1880() -> None:
    """The Census Office's tables of 1881: a 300th seat costs Alabama its eighth."""
    at_299 = apportion("hamilton", PEOPLE, 299, names=STATES, minimum=1).seats_by_name()
    at_300 = apportion("hamilton", PEOPLE, 300, names=STATES, minimum=1).seats_by_name()
    assert at_299["Alabama"] == 8
    assert at_300["Alabama"] == 7
    assert (at_299["Illinois"], at_300["Illinois"]) == (18, 19)
    assert (at_299["Texas"], at_300["Texas"]) == (9, 10)


def test_alabama_quotient_and_remainder_seat_at_299() -> None:
    result = apportion("hamilton", PEOPLE, 299, names=STATES, minimum=1)
    alabama = result.explain(STATES.index("Alabama"))
    assert alabama.quotient == Fraction(1262505 * 299, 49371340)
    assert int(alabama.quotient) == 7
    assert (alabama.rounded, alabama.seats) == (8, 8)
    assert str(alabama) == "Alabama: 1,262,505 / 165,121.54 = 7.6459 -> 8"


def test_hand_worked_hare() -> None:
    # quota 1000/10 = 100: quotients 4.5, 3.2, 2.3 -> 4, 3, 2 and one seat for the 0.5
    result = apportion("largest-remainder", [450, 320, 230], 10)
    assert result.seats.tolist() == [5, 3, 2]
    assert result.divisor == 100


def test_hand_worked_droop() -> None:
    # Droop quota: 1000 // 11 + 1 = 91; quotients 4.95, 3.52, 2.53 -> 4, 3, 2; one seat left
    result = apportion("droop", [450, 320, 230], 10)
    assert result.divisor == 91
    assert result.seats.tolist() == [5, 3, 2]
    assert apportion("largest-remainder-droop", [6000, 3000, 1000], 3).seats.tolist() == [2, 1, 0]


def test_minimum_recomputes_the_quota_when_remainders_cannot_pay_for_it() -> None:
    # quota 188: the four small units need 4 seats but only 1 is left after the whole parts
    # (5 + 2), so the quota is computed again over the rest: 1500 / 4 = 375 -> 2.67, 1.33.
    result = apportion("hamilton", [1000, 1, 1, 1, 1, 500], 8, minimum=1)
    assert result.seats.tolist() == [3, 1, 1, 1, 1, 1]
    assert result.divisor == 375
    assert result.explain(1).divisor == 188
    assert result.explain(1).note == "raised to the minimum of 1"
    assert result.explain(0).note == ""


def test_minimum_on_everyone() -> None:
    assert apportion("hamilton", [5, 5, 90], 6, minimum=2).seats.tolist() == [2, 2, 2]


def test_tie_for_the_last_seat_is_drawn_by_lot_and_repeatable() -> None:
    first = apportion("hamilton", [100, 100, 100], 2, seed=42)
    again = apportion("hamilton", [100, 100, 100], 2, seed=42)
    assert first.seats.tolist() == again.seats.tolist()
    assert first.seats.sum() == 2
    assert first.seed == 42
    (tie,) = first.ties
    assert tie.units == (0, 1, 2)
    assert tie.seats == 2
    assert len(tie.won) == 2
    outcomes = {tuple(apportion("hamilton", [100, 100, 100], 2, seed=s).seats) for s in range(40)}
    assert len(outcomes) == 3


def test_lot_without_seed_records_the_one_drawn() -> None:
    result = apportion("hamilton", [7, 7], 1)
    assert result.seed is not None
    repeat = apportion("hamilton", [7, 7], 1, seed=result.seed)
    assert repeat.seats.tolist() == result.seats.tolist()


def test_lot_is_explained() -> None:
    result = apportion("hamilton", [100, 100, 50], 1, seed=1, names=["a", "b", "c"])
    (tie,) = result.ties
    assert tie.units == (0, 1)
    winner = tie.won[0]
    loser = 1 - winner
    assert "won by lot" in result.explain(winner).note
    assert "lost by lot" in result.explain(loser).note
    assert result.explain(2).note == ""


def test_tie_refused_when_asked() -> None:
    with pytest.raises(TieRefused, match=r"a, b are level for the last 1 seat"):
        apportion("hamilton", [10, 10], 1, names=["a", "b"], ties="refuse")


def test_no_seed_when_no_lot() -> None:
    assert apportion("hamilton", [3, 1], 4).seed is None


def test_minimum_beyond_the_house_is_refused() -> None:
    with pytest.raises(ApportionmentError, match="needs 12 seats, but the house has 10"):
        apportion("hamilton", [1, 2, 3, 4], 10, minimum=3)


def test_droop_quota_too_small_for_the_house_is_refused() -> None:
    # 3 voters, 10 seats: quota 1, whole parts 3, seven seats for three lists
    with pytest.raises(ApportionmentError, match="leaves 7 seats"):
        apportion("droop", [1, 1, 1], 10)
