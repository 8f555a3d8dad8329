"""Single-winner methods: hand-worked counts, known paradoxes, lots, refusals."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import pytest

from soviet.counting import Ballots, Result, count

A, B, C, D, E = range(5)

# Schulze (2011), section 3 example, also the usual worked example: 45 voters, E wins.
SCHULZE_EXAMPLE = [
    (5, [A, C, B, E, D]),
    (5, [A, D, E, C, B]),
    (8, [B, E, D, A, C]),
    (3, [C, A, B, E, D]),
    (7, [C, A, E, B, D]),
    (2, [C, B, A, D, E]),
    (7, [D, C, E, B, A]),
    (8, [E, B, A, D, C]),
]

# The capital of Tennessee: Memphis leads on first preferences; Nashville beats everyone.
TENNESSEE = [(42, [0, 1, 2, 3]), (26, [1, 2, 3, 0]), (15, [2, 3, 1, 0]), (17, [3, 2, 1, 0])]
CITIES = ["Memphis", "Nashville", "Chattanooga", "Knoxville"]

# A majority cycle: A beats B, B beats C, C beats A, each 6 to 3.
CYCLE = [[A, B, C]] * 3 + [[B, C, A]] * 3 + [[C, A, B]] * 3


def counted(
    method: str, profile: list[tuple[int, list[int]]], names: Sequence[str], **options: Any
) -> Result:
    """Count a profile given as (voters, ranking) pairs."""
    return count(
        method,
        [r for _, r in profile],
        candidates=list(names),
        weights=[n for n, _ in profile],
        **options,
    )


# --- plurality -----------------------------------------------------------------------------


def test_plurality_counts_first_preferences_and_blanks() -> None:
    ranks = np.array([[0, 1], [1, -1], [0, 2], [-1, -1], [2, 0]], dtype=np.int8)
    r = count("plurality", ranks, candidates=["A", "B", "C"])
    assert r.elected == ("A",)
    assert r.scores == (2, 1, 1)
    assert r.rounds[0].exhausted == 1
    assert r.ties == () and r.seed is None


def test_plurality_elects_the_most_votes_not_a_majority() -> None:
    r = counted("plurality", TENNESSEE, CITIES)
    assert r.elected == ("Memphis",) and r.scores == (42, 26, 15, 17)


def test_plurality_lot_for_first_place_is_recorded_and_repeatable() -> None:
    ballots = [[A], [B], [A], [B], [C]]
    first = count("plurality", ballots, candidates="ABC", seed=2024)
    again = count("plurality", ballots, candidates="ABC", seed=2024)
    assert first.elected == again.elected and first.elected[0] in "AB"
    (tie,) = first.ties
    assert (tie.tied, tie.by, tie.purpose) == (("A", "B"), "lot", "winner")
    assert first.seed == 2024
    chosen = {count("plurality", ballots, candidates="ABC", seed=s).elected for s in range(30)}
    assert chosen == {("A",), ("B",)}


def test_plurality_draws_a_seed_when_none_is_given_and_records_it() -> None:
    r = count("plurality", [[A], [B]], candidates="AB")
    assert r.seed is not None
    assert count("plurality", [[A], [B]], candidates="AB", seed=r.seed).elected == r.elected


def test_plurality_weights_integer_and_fractional_stay_exact() -> None:
    r = count("plurality", [[A], [B], [C]], candidates="ABC", weights=[3, 2, 4])
    assert r.scores == (3, 2, 4) and all(type(s) is int for s in r.scores)
    thirds = np.array([Fraction(1, 3), Fraction(1, 3), Fraction(1, 2)], dtype=object)
    r = count("plurality", [[A], [A], [B]], candidates="AB", weights=thirds)
    assert r.scores == (Fraction(2, 3), Fraction(1, 2)) and r.elected == ("A",)


def test_plurality_of_many_marks_matches_bincount() -> None:
    rng = np.random.default_rng(5)
    marks = rng.integers(-1, 7, size=3_000_000, dtype=np.int8)
    r = count("plurality", Ballots(marks.reshape(-1, 1), tuple("ABCDEFG")), seats=1)
    expected = np.bincount(marks + 1, minlength=8)
    assert r.scores == tuple(expected[1:].tolist())
    assert r.rounds[0].exhausted == expected[0]


# --- two-round ----------------------------------------------------------------------------


def test_two_round_majority_in_the_first_round_ends_it() -> None:
    r = count("two-round", [[A, B]] * 6 + [[B, A]] * 3 + [[C]] * 2, candidates="ABC")
    assert r.elected == ("A",) and len(r.rounds) == 1
    assert r.rounds[0].quota == Fraction(11, 2)


def test_two_round_the_plurality_leader_can_lose_the_second_round() -> None:
    # Plurality's spoiler: C's voters prefer B, and decide between A and B.
    ballots = [[A, B, C]] * 8 + [[B, C, A]] * 7 + [[C, B]] * 5
    assert count("plurality", ballots, candidates="ABC").elected == ("A",)
    r = count("two-round", ballots, candidates="ABC")
    assert r.elected == ("B",) and r.eliminated == ("C",)
    assert r.rounds[1].votes == (8, 12, 0) and r.rounds[1].exhausted == 0


def test_two_round_a_ballot_ranking_neither_finalist_is_not_cast() -> None:
    ballots = [[A]] * 8 + [[B]] * 7 + [[C]] * 3 + [[C, B]] * 2
    r = count("two-round", ballots, candidates="ABC")
    assert r.rounds[1].votes == (8, 9, 0) and r.rounds[1].exhausted == 3
    assert r.elected == ("B",)


def test_two_round_equality_for_second_place_is_drawn() -> None:
    ballots = [[A, B]] * 5 + [[B, A]] * 3 + [[C, A]] * 3
    r = count("two-round", ballots, candidates="ABC", seed=1)
    (tie,) = r.ties
    assert (tie.purpose, tie.tied) == ("second round", ("B", "C"))
    assert r.elected == ("A",)  # A beats either finalist


def test_two_round_is_not_monotonic() -> None:
    # Round 1: A 8, B 9, C 12; C beats B 16 to 13. Two B>C>A voters move C to the top:
    # round 1: A 8, B 7, C 14; now A meets C and wins 15 to 14. More support cost C the seat.
    orders = [[A, B, C], [A, C, B], [B, A, C], [B, C, A], [C, A, B], [C, B, A]]
    before = count("two-round", orders, candidates="ABC", weights=[4, 4, 7, 2, 7, 5])
    after = count("two-round", orders, candidates="ABC", weights=[4, 4, 7, 0, 7, 7])
    assert before.elected == ("C",) and before.rounds[1].votes == (0, 13, 16)
    assert after.elected == ("A",) and after.rounds[1].votes == (15, 0, 14)


def test_two_round_tennessee() -> None:
    r = counted("two-round", TENNESSEE, CITIES)
    assert r.elected == ("Nashville",)
    assert r.rounds[1].votes == (42, 58, 0, 0)


# --- Borda --------------------------------------------------------------------------------


def test_borda_can_defeat_the_condorcet_winner() -> None:
    # A beats B 3 to 2 and C 3 to 2, yet B has more points (7 to 6).
    ballots = [[A, B, C]] * 3 + [[B, C, A]] * 2
    r = count("borda", ballots, candidates="ABC")
    assert r.scores == (6, 7, 2) and r.elected == ("B",)
    assert count("schulze", ballots, candidates="ABC").elected == ("A",)


def test_borda_tennessee() -> None:
    assert counted("borda", TENNESSEE, CITIES).scores == (126, 194, 173, 107)


def test_borda_short_ballots_share_points_among_the_unranked() -> None:
    r = count("borda", [[A], [B, C, A], []], candidates="ABC")
    # [A]: A 2, B 1/2, C 1/2; [B, C, A]: B 2, C 1, A 0; the blank ballot counts for nobody.
    assert r.scores == (2, Fraction(5, 2), Fraction(3, 2))
    assert r.rounds[0].exhausted == 1
    assert r.elected == ("B",)


def test_borda_with_fractional_weights_stays_exact() -> None:
    weights = np.array([Fraction(1, 3), Fraction(1, 2)], dtype=object)
    r = count("borda", [[A, B, C], [C]], candidates="ABC", weights=weights)
    # [A, B, C] x 1/3: A 2/3, B 1/3; [C] x 1/2: C 1, A and B 1/4 each.
    assert r.scores == (Fraction(11, 12), Fraction(7, 12), 1)
    assert r.elected == ("C",)


def test_borda_equal_points_are_drawn() -> None:
    r = count("borda", [[A, B, C], [B, A, C]], candidates="ABC", seed=9)
    assert r.scores == (3, 3, 0)
    assert r.ties[0].tied == ("A", "B") and r.elected[0] in "AB"


# --- approval -----------------------------------------------------------------------------


def test_approval_counts_every_marked_candidate_once() -> None:
    ballots = [[A, B], [C], [B, C, A], [B]]
    r = count("approval", ballots, candidates="ABC", weights=[2, 1, 1, 1])
    assert r.scores == (3, 4, 2) and r.elected == ("B",)


def test_approval_order_within_a_ballot_does_not_matter() -> None:
    one = count("approval", [[A, B], [C, B]], candidates="ABC")
    other = count("approval", [[B, A], [B, C]], candidates="ABC")
    assert one.scores == other.scores == (1, 2, 1)


# --- Schulze ------------------------------------------------------------------------------


def test_schulze_worked_example() -> None:
    r = counted("schulze", SCHULZE_EXAMPLE, "ABCDE")
    assert r.elected == ("E",)
    # The full Schulze order E > A > C > B > D: how many each beats.
    assert r.scores == (3, 1, 2, 0, 4)
    note = r.rounds[0].note
    assert "A v B 20:25" in note and "E->D 31:14" in note and "A->E 24:21" in note


def test_schulze_elects_the_condorcet_winner() -> None:
    assert counted("schulze", TENNESSEE, CITIES).elected == ("Nashville",)


def test_schulze_cycle_leaves_every_candidate_unbeaten_and_draws() -> None:
    r = count("schulze", CYCLE, candidates="ABC", seed=3)
    assert r.scores == (0, 0, 0)
    (tie,) = r.ties
    assert tie.tied == ("A", "B", "C") and tie.by == "lot"
    assert {count("schulze", CYCLE, candidates="ABC", seed=s).elected[0] for s in range(40)} == {
        "A",
        "B",
        "C",
    }


def test_schulze_winning_votes_and_margins_part_on_short_ballots() -> None:
    # Links B->A 7:4, A->C 6:5, C->B 5:3. The weakest by winning votes is C->B (5),
    # by margin A->C (1): each measure breaks the cycle at a different link.
    profile = [(3, [A]), (2, [B, A]), (5, [C, B, A]), (1, [A, B, C])]
    assert counted("schulze", profile, "ABC").elected == ("B",)
    assert counted("schulze", profile, "ABC", strength="margin").elected == ("C",)


# --- ranked pairs -------------------------------------------------------------------------


def test_ranked_pairs_worked_example_differs_from_schulze() -> None:
    r = counted("ranked-pairs", SCHULZE_EXAMPLE, "ABCDE")
    assert r.elected == ("A",) and r.ties == ()
    note = r.rounds[0].note
    assert "locked B>D 21; locked E>D 17; locked A>D 15; locked C>B 13" in note
    assert "skipped D>C 11 (cycle)" in note and "skipped E>A 1 (cycle)" in note


def test_ranked_pairs_cycle_with_unequal_majorities_needs_no_lot() -> None:
    # A>B by 4, B>C by 6, C>A by 2: lock B>C, then A>B; C>A would close the cycle.
    ballots = [[A, B, C]] * 5 + [[B, C, A]] * 4 + [[C, A, B]] * 3
    r = count("ranked-pairs", ballots, candidates="ABC")
    assert r.elected == ("A",) and r.ties == () and r.seed is None
    assert r.scores == (2, 1, 0)


def test_ranked_pairs_equal_majorities_are_ordered_by_a_drawn_ranking() -> None:
    r = count("ranked-pairs", CYCLE, candidates="ABC", seed=4)
    (tie,) = r.ties
    assert tie.purpose == "tie-breaking ranking" and tie.by == "lot"
    assert sorted(r.scores or ()) == [0, 1, 2]
    assert r.elected == count("ranked-pairs", CYCLE, candidates="ABC", seed=4).elected
    assert {
        count("ranked-pairs", CYCLE, candidates="ABC", seed=s).elected[0] for s in range(40)
    } == {
        "A",
        "B",
        "C",
    }


def test_ranked_pairs_a_pair_with_no_majority_is_settled_by_the_ranking() -> None:
    r = count("ranked-pairs", [[A, B], [B, A]], candidates="AB", seed=8)
    assert r.ties[0].purpose == "tie-breaking ranking"
    assert r.elected == (r.ties[0].chosen.split(" > ")[0],)


def test_ranked_pairs_elects_the_condorcet_winner() -> None:
    assert counted("ranked-pairs", TENNESSEE, CITIES).elected == ("Nashville",)


# --- refusals -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "method", ["plurality", "two-round", "borda", "approval", "schulze", "ranked-pairs"]
)
def test_single_winner_methods_refuse_several_seats(method: str) -> None:
    with pytest.raises(ValueError, match="elects one candidate; for 2 seats use"):
        count(method, [[A, B]], candidates="AB", seats=2)


def test_an_unknown_schulze_strength_is_refused() -> None:
    with pytest.raises(ValueError, match="winning-votes, margin"):
        count("schulze", [[A, B]], candidates="AB", strength="ratio")


def test_a_count_with_no_candidates_is_refused() -> None:
    with pytest.raises(ValueError, match="no candidates"):
        count("plurality", Ballots(np.zeros((0, 1), dtype=np.int8), ()))


def test_json_of_a_pairwise_count_is_plain() -> None:
    out = count("schulze", CYCLE, candidates="ABC", seed=1).to_json()
    assert out["seed"] == 1 and out["ties"][0]["by"] == "lot"
    assert out["options"] == {"strength": "winning-votes", "seed": 1}
