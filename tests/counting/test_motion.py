"""Motions: every majority base an assembly uses, exact, explained, and refused when unclear."""

from __future__ import annotations

import json
from fractions import Fraction

import numpy as np
import pytest

from soviet.counting import Majority, Tally, count, decide
from soviet.counting.motion import figure, tally_votes

SIMPLE = Majority()
TWO_THIRDS = Majority(Fraction(2, 3), strict=False)


def test_simple_majority_of_votes_cast_explains_itself() -> None:
    d = decide(Tally(61, 39), SIMPLE)
    assert d.adopted
    assert d.base == 100 and d.threshold == 50
    assert d.sentence == "adopted: 61 for of 100 cast, more than 1/2 (50) required"
    assert str(d) == d.sentence


def test_an_equality_is_not_more_than_half_but_is_at_least_half() -> None:
    assert not decide(Tally(50, 50), SIMPLE).adopted
    assert decide(Tally(50, 50), Majority(strict=False)).adopted


def test_abstentions_leave_the_base_unless_the_charter_counts_them() -> None:
    tally = Tally(50, 40, 20)
    assert decide(tally, SIMPLE).adopted  # 50 > 45
    counted = decide(tally, Majority(abstentions_count=True))
    assert not counted.adopted  # 50 is not more than 55
    assert counted.sentence == (
        "rejected: 50 for of 110 cast (abstentions included), more than 1/2 (55) required"
    )


def test_absolute_majority_of_members_present_counts_those_who_did_not_vote() -> None:
    tally = Tally(55, 30, 10)
    assert decide(tally, SIMPLE, present=120).adopted
    d = decide(tally, Majority(base="present"), present=120)
    assert not d.adopted
    assert d.sentence == "rejected: 55 for of 120 present, more than 1/2 (60) required"


def test_two_thirds_of_all_seats() -> None:
    rule = Majority(Fraction(2, 3), base="seats", strict=False)
    assert decide(Tally(200, 50), rule, present=260, seats=300).adopted
    d = decide(Tally(199, 50), rule, present=260, seats=300)
    assert not d.adopted
    assert d.sentence == "rejected: 199 for of 300 seats, at least 2/3 (200) required"


def test_two_thirds_at_least_versus_more_than() -> None:
    assert decide(Tally(20, 10), TWO_THIRDS).adopted
    assert not decide(Tally(20, 10), Majority(Fraction(2, 3))).adopted
    d = decide(Tally(67, 33), TWO_THIRDS)
    assert d.threshold == Fraction(200, 3)
    assert "at least 2/3 (66 2/3) required" in d.sentence


def test_unanimity_is_at_least_all() -> None:
    unanimity = Majority(Fraction(1), strict=False)
    assert decide(Tally(10, 0, 3), unanimity).adopted
    assert not decide(Tally(10, 1), unanimity).adopted
    assert "at least all" in decide(Tally(10, 0), unanimity).sentence


def test_nothing_passes_without_a_vote_for_it() -> None:
    assert not decide(Tally(0, 0, 12), Majority(strict=False)).adopted
    assert not decide(Tally(0, 0), Majority(Fraction(1), strict=False)).adopted


def test_weighted_delegates_carry_their_votes() -> None:
    # Four delegates carrying 5, 3, 2 and 1 votes: for, against, for, abstain.
    tally = tally_votes(np.array([0, 1, 0, 2]), np.array([5, 3, 2, 1]))
    assert tally == Tally(7, 3, 1)
    assert decide(tally, SIMPLE).adopted


def test_a_divided_delegation_counts_in_exact_thirds() -> None:
    # 1000 members' strength divided among three delegates; one votes against.
    third = Fraction(1000, 3)
    weights = np.array([third, third, third, 400], dtype=object)
    tally = tally_votes(np.array([0, 0, 1, 1]), weights)
    assert tally == Tally(Fraction(2000, 3), Fraction(1000, 3) + 400)
    d = decide(tally, SIMPLE)
    assert not d.adopted  # 666 2/3 is not more than 1/2 of 1400
    assert d.sentence == "rejected: 666 2/3 for of 1400 cast, more than 1/2 (700) required"


def test_members_who_did_not_vote_are_not_votes() -> None:
    assert tally_votes(np.array([0, -1, 1, -1, 0])) == Tally(2, 1, 0)


def test_figures_read_as_an_assembly_writes_them() -> None:
    assert [figure(61), figure(Fraction(200, 3)), figure(Fraction(1, 3))] == ["61", "66 2/3", "1/3"]


def test_majority_describes_itself_for_the_minutes() -> None:
    assert str(SIMPLE) == "more than 1/2 of votes cast"
    assert (
        str(Majority(abstentions_count=True)) == "more than 1/2 of votes cast, abstentions included"
    )
    assert str(Majority(Fraction(2, 3), "seats", strict=False)) == "at least 2/3 of all seats"


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"fraction": 0.5}, TypeError, "Fraction"),
        ({"fraction": Fraction(3, 2)}, ValueError, "at most 1"),
        ({"fraction": Fraction(0)}, ValueError, "above 0"),
        ({"fraction": Fraction(1)}, ValueError, "strict=False"),
        ({"base": "members"}, ValueError, "cast, present, seats"),
    ],
)
def test_an_unclear_majority_is_refused(kwargs: dict[str, object], error: type, words: str) -> None:
    with pytest.raises(error, match=words):
        Majority(**kwargs)  # type: ignore[arg-type]


def test_the_figures_a_base_needs_are_demanded() -> None:
    with pytest.raises(ValueError, match="strength present"):
        decide(Tally(1, 0), Majority(base="present"))
    with pytest.raises(ValueError, match="number of seats"):
        decide(Tally(1, 0), Majority(base="seats"), present=5)


def test_impossible_figures_are_refused() -> None:
    with pytest.raises(ValueError, match=r"101 voted .* only 100 present"):
        decide(Tally(61, 30, 10), SIMPLE, present=100)
    with pytest.raises(ValueError, match="120 present but the body has only 100 seats"):
        decide(Tally(1, 0), SIMPLE, present=120, seats=100)
    with pytest.raises(ValueError, match="votes no cannot be negative"):
        Tally(3, -1)
    with pytest.raises(TypeError, match="votes yes must be a whole number or a Fraction"):
        Tally(2.5, 1)  # type: ignore[arg-type]


def test_bad_votes_are_refused() -> None:
    with pytest.raises(TypeError, match="not floats"):
        tally_votes(np.array([0, 1]), np.array([0.5, 1.5]))
    with pytest.raises(ValueError, match=r"found 0\.\.3"):
        tally_votes(np.array([0, 3]))


def test_motion_counts_through_the_registry_with_its_reasons() -> None:
    ballots = [[0]] * 6 + [[1]] * 3 + [[2]]
    result = count("motion", ballots, candidates=["for", "against", "abstain"])
    assert result.elected == ("for",)
    (round_,) = result.rounds
    assert round_.votes == (6, 3, 1)
    assert round_.quota == Fraction(9, 2)
    assert round_.note == "adopted: 6 for of 9 cast, more than 1/2 (4 1/2) required"
    assert json.loads(json.dumps(result.to_json()))["options"]["majority"]["fraction"] == "1/2"


def test_a_rejected_motion_elects_nothing() -> None:
    rule = Majority(base="seats")
    result = count(
        "motion",
        [[0]] * 6 + [[1]] * 3 + [[]],
        candidates=["for", "against"],
        majority=rule,
        present=10,
        members=Fraction(25),
    )
    assert result.elected == ()
    assert result.rounds[0].note == "rejected: 6 for of 25 seats, more than 1/2 (12 1/2) required"
    assert result.to_json()["options"]["members"] == "25"  # exact figures as strings


def test_motion_refuses_what_is_not_a_motion() -> None:
    with pytest.raises(ValueError, match="seats must be 1"):
        count("motion", [[0]], candidates=["for", "against"], seats=2)
    with pytest.raises(ValueError, match="got 4"):
        count("motion", [[0]], candidates=["a", "b", "c", "d"])
