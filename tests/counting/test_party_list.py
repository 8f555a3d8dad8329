"""Party-list PR: hand-worked counts, thresholds, lots, refusals, and the peer package."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from apportionment.methods import compute
from hypothesis import given, settings
from hypothesis import strategies as st

from soviet.apportion import TieRefused, apportion
from soviet.counting import Ballots, Result, count

LISTS = ("A", "B", "C", "D")
VOTES = [100_000, 80_000, 30_000, 20_000]


def seats_of(result: Result) -> tuple[int, ...]:
    assert result.allocation is not None
    return result.allocation


def list_ballots(votes: list[int], blank: int = 0) -> Ballots:
    """One grouped row per list, and one row of blank ballots."""
    ranks = np.array([[i] for i in range(len(votes))] + [[-1]], dtype=np.int8)
    return Ballots(ranks, LISTS[: len(votes)], np.array([*votes, blank], dtype=np.int64))


@pytest.mark.parametrize(
    ("method", "allocation"),
    [
        ("dhondt", (4, 3, 1, 0)),
        ("sainte-lague", (3, 3, 1, 1)),
        ("largest-remainder-hare", (3, 3, 1, 1)),
        ("largest-remainder-droop", (4, 3, 1, 0)),
    ],
)
def test_hand_worked_eight_seats(method: str, allocation: tuple[int, ...]) -> None:
    # Hare quota 28,750: 3.48 2.78 1.04 0.70 -> 3 2 1 0, remainders .78 .70 .48 .04 -> B, D
    # Droop quota 25,556: 3.91 3.13 1.17 0.78 -> 3 3 1 0, one seat left -> A (.91)
    result = count(method, list_ballots(VOTES, blank=500), seats=8)
    assert result.allocation == allocation
    assert result.elected == tuple(n for n, s in zip(LISTS, allocation, strict=True) if s)
    assert result.rounds[0].votes == tuple(VOTES)
    assert result.rounds[0].exhausted == 500
    assert result.ties == ()


def test_dhondt_quotients_and_divisor_are_published() -> None:
    result = count("dhondt", list_ballots(VOTES), seats=8)
    allocate = result.rounds[1]
    assert allocate.quota == 21000
    assert allocate.votes == (
        Fraction(100, 21),
        Fraction(80, 21),
        Fraction(10, 7),
        Fraction(20, 21),
    )
    assert result.to_json()["rounds"][1]["votes"]["A"] == "100/21"


def test_modified_sainte_lague_exact_tie_drawn_by_lot() -> None:
    """100000/7 and 20000/1.4 are the same number: A and D draw lots for the eighth seat."""
    first = count("modified-sainte-lague", list_ballots(VOTES), seats=8, seed=11)
    again = count("modified-sainte-lague", list_ballots(VOTES), seats=8, seed=11)
    assert first.allocation == again.allocation
    assert first.seed == 11
    (tie,) = first.ties
    assert (tie.tied, tie.by, tie.purpose) == (("A", "D"), "lot", "seat")
    assert seats_of(first)[1:3] == (3, 1)
    winners = {
        count("modified-sainte-lague", list_ballots(VOTES), seats=8, seed=s).ties[0].chosen
        for s in range(20)
    }
    assert winners == {"A", "D"}
    with pytest.raises(TieRefused, match="A, D are level"):
        count("modified-sainte-lague", list_ballots(VOTES), seats=8, ties="refuse")


def test_threshold_bars_small_lists_and_at_least_passes() -> None:
    result = count("sainte-lague", list_ballots(VOTES), seats=8, threshold="1/10")
    assert result.eliminated == ("D",)
    assert seats_of(result)[3] == 0
    assert sum(seats_of(result)) == 8
    assert result.rounds[0].quota == 23000
    exactly = count("dhondt", list_ballots([95, 5]), seats=20, threshold=Fraction(5, 100))
    assert exactly.eliminated == ()
    assert exactly.allocation == (19, 1)


def test_threshold_base_is_votes_for_lists_not_blank_ballots() -> None:
    result = count("dhondt", list_ballots([90, 10], blank=1000), seats=10, threshold="0.1")
    assert result.eliminated == ()


def test_one_list_per_ballot_grouped_or_not() -> None:
    plain = count("dhondt", [[0]] * 7 + [[1]] * 3 + [[2]], candidates=["x", "y", "z"], seats=5)
    assert plain.allocation == (4, 1, 0)
    assert plain.elected == ("x", "y")


@pytest.mark.parametrize(
    ("threshold", "error", "message"),
    [
        (0.05, TypeError, "a float cannot state a share exactly"),
        ("1", ValueError, "share from 0 up to"),
        ("5%", ValueError, "not a share; write e.g."),
        ("5/0", ValueError, "not a share; write e.g."),
        ("-1/10", ValueError, "share from 0 up to"),
        ("9/10", ValueError, "no list has votes at or above the threshold"),
    ],
)
def test_bad_thresholds(threshold: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        count("dhondt", list_ballots(VOTES), seats=8, threshold=threshold)


def test_a_ballot_naming_two_lists_is_refused() -> None:
    with pytest.raises(ValueError, match="ballot 2 ranks a second one"):
        count("dhondt", [[0], [1, 0]], candidates=["x", "y"], seats=2)


def test_fractional_votes_are_refused() -> None:
    ballots = Ballots(np.array([[0], [1]], dtype=np.int8), ("x", "y"), np.array([2.5, 1.0]))
    with pytest.raises(ValueError, match=r"list 'x' has 2\.5"):
        count("largest-remainder-hare", ballots, seats=2)


def test_same_rule_as_apportionment() -> None:
    """The counting method and the apportionment of units are one rule, not two."""
    votes = [4_321, 1_234, 987, 55]
    counted = count("sainte-lague", list_ballots(votes), seats=11)
    shared = apportion("webster", votes, 11)
    assert counted.allocation == tuple(shared.seats.tolist())
    assert counted.rounds[1].quota == shared.divisor


PEER = {
    "dhondt": "dhondt",
    "sainte-lague": "saintelague",
    "modified-sainte-lague": "modified_saintelague",
    "largest-remainder-hare": "largest_remainder",
}


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted(PEER)),
    st.lists(st.integers(0, 10**5), min_size=1, max_size=4),
    st.integers(1, 40),
    st.sampled_from([None, Fraction(1, 16), Fraction(1, 8), Fraction(1, 4)]),
)
def test_same_seats_as_the_apportionment_package(
    method: str, votes: list[int], seats: int, threshold: Fraction | None
) -> None:
    """Thresholds are powers of two, so the peer's float share is exact too."""
    total = sum(votes)
    if not any(v > 0 and v >= (threshold or 0) * total for v in votes):
        return
    try:
        ours = count(method, list_ballots(votes), seats=seats, threshold=threshold, ties="refuse")
    except TieRefused:
        return
    theirs = compute(
        PEER[method],
        votes,
        seats,
        fractions=True,
        threshold=None if threshold is None else float(threshold),
        tiesallowed=False,
    )
    assert list(seats_of(ours)) == theirs
