"""Multi-winner methods: block vote, PAV and sequential Phragmén, worked by hand."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from soviet.counting import count
from soviet.counting.approvals import grouped
from soviet.counting.ballots import as_ballots

A, B, C, D = range(4)

# Five voters approve A and B, three approve C, one approves A only; two seats.
#   block vote: A 6, B 5, C 3                      -> A, B (the majority takes both seats)
#   PAV: AB 5*(1 + 1/2) + 1 = 8 1/2; AC 5 + 3 + 1 = 9; BC 5 + 3 = 8   -> A, C
#   Phragmén: loads A 1/6, B 1/5, C 1/3 -> A; then B (1 + 5/6)/5 = 11/30, C 1/3 -> C
SPLIT = [[A, B]] * 5 + [[C]] * 3 + [[A]]


def test_block_vote_lets_the_majority_take_every_seat() -> None:
    r = count("block-plurality", SPLIT, candidates="ABC", seats=2)
    assert r.elected == ("A", "B") and r.scores == (6, 5, 3)


def test_block_vote_voids_a_ballot_with_more_marks_than_seats() -> None:
    r = count("block-plurality", [*SPLIT, [A, B, C], [C, B, A]], candidates="ABC", seats=2)
    assert r.scores == (6, 5, 3)
    assert r.rounds[0].exhausted == 2
    assert r.rounds[0].note == "void: 2 (more marks than the 2 seats)"


def test_block_vote_draws_only_for_the_last_seat() -> None:
    ballots = [[A, B]] * 4 + [[C]] * 2 + [[D]] * 2
    r = count("block-plurality", ballots, candidates="ABCD", seats=3, seed=6)
    assert r.elected[:2] == ("A", "B") and r.elected[2] in "CD"
    (tie,) = r.ties
    assert tie.tied == ("C", "D") and tie.purpose == "elect"


def test_pav_gives_the_minority_its_seat() -> None:
    r = count("pav", SPLIT, candidates="ABC", seats=2)
    assert r.elected == ("A", "C") and r.ties == ()
    assert r.rounds[0].quota == 9
    assert r.rounds[0].note == "PAV score 9; 1 of 3 committees reach it"
    assert r.scores == (6, 5, 3)


def test_pav_scores_are_exact_harmonic_sums() -> None:
    # Three approve all of A, B, C: 3 * (1 + 1/2 + 1/3) = 5 1/2.
    r = count("pav", [[A, B, C]] * 3, candidates="ABCD", seats=3)
    assert r.rounds[0].quota == Fraction(11, 2) and r.elected == ("A", "B", "C")


def test_pav_tied_committees_are_drawn_and_listed() -> None:
    r = count("pav", [[A, B], [C, D]], candidates="ABCD", seats=2, seed=12)
    (tie,) = r.ties
    assert tie.purpose == "committee"
    assert tie.tied == ("A, C", "A, D", "B, C", "B, D")
    assert ", ".join(r.elected) == tie.chosen


def test_pav_weights_count_as_voters() -> None:
    weighted = count("pav", [[A, B], [C], [A]], candidates="ABC", seats=2, weights=[5, 3, 1])
    assert weighted.elected == ("A", "C") and weighted.rounds[0].quota == 9


def test_pav_with_fractional_weights_stays_exact() -> None:
    weights = np.array([Fraction(5, 2), Fraction(3, 2), Fraction(1, 2)], dtype=object)
    r = count("pav", [[A, B], [C], [A]], candidates="ABC", seats=2, weights=weights)
    assert r.elected == ("A", "C") and r.rounds[0].quota == Fraction(9, 2)
    assert r.scores == (3, Fraction(5, 2), Fraction(3, 2))


def test_pav_refuses_a_search_too_large_to_be_exact() -> None:
    with pytest.raises(ValueError, match="committees of 15 from 40 candidates"):
        count("pav", [[0]], candidates=[f"c{i}" for i in range(40)], seats=15)


def test_phragmen_spreads_each_seat_over_its_approvers() -> None:
    r = count("seq-phragmen", SPLIT, candidates="ABC", seats=2)
    assert r.elected == ("A", "C") and r.ties == ()
    first, second = r.rounds
    assert first.quota == Fraction(1, 6) and first.note.endswith("A 1/6, B 1/5, C 1/3")
    assert second.quota == Fraction(1, 3) and second.note.endswith("B 11/30, C 1/3")


def test_phragmen_with_delegates_carrying_fractional_weight() -> None:
    weights = np.array([Fraction(5, 2), Fraction(3, 2), Fraction(1, 2)], dtype=object)
    r = count("seq-phragmen", [[A, B], [C], [A]], candidates="ABC", seats=2, weights=weights)
    # Halving every weight doubles every load and changes no choice.
    assert r.elected == ("A", "C")
    assert r.rounds[0].quota == Fraction(1, 3)


def test_phragmen_fills_seats_nobody_approves_by_lot() -> None:
    r = count("seq-phragmen", [[A]] * 3, candidates="ABC", seats=2, seed=5)
    assert r.elected[0] == "A" and r.elected[1] in "BC"
    assert r.rounds[1].quota is None and "B none, C none" in r.rounds[1].note
    assert r.ties[0].tied == ("B", "C")


def test_phragmen_equal_loads_are_drawn() -> None:
    r = count("seq-phragmen", [[A], [B]], candidates="AB", seats=1, seed=1)
    assert r.ties[0].tied == ("A", "B") and r.elected[0] in "AB"


@pytest.mark.parametrize("method", ["block-plurality", "pav", "seq-phragmen"])
def test_committee_methods_refuse_more_seats_than_candidates(method: str) -> None:
    with pytest.raises(ValueError, match="3 seats but only 2 candidates"):
        count(method, [[A]], candidates="AB", seats=3)


def test_grouping_sums_identical_approval_sets_whatever_their_order() -> None:
    approvals = grouped(as_ballots([[A, B], [B, A], [C], [], [A, B]], "ABC", [1, 2, 3, 4, 5]))
    sets = {
        tuple(row.tolist()): int(w)
        for row, w in zip(approvals.sets, approvals.weights, strict=True)
    }
    assert sets == {(True, True, False): 8, (False, False, True): 3, (False, False, False): 4}
