"""Instant runoff: hand-worked counts, its non-monotonicity, ties, refusals."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from soviet.counting import Ballots, Result, count

A, B, C, D = range(4)


def counted(profile: list[tuple[int, list[int]]], names: str, **options: Any) -> Result:
    return count(
        "irv",
        [r for _, r in profile],
        candidates=list(names),
        weights=[n for n, _ in profile],
        **options,
    )


def test_tennessee_by_hand() -> None:
    # Memphis 42, Nashville 26, Chattanooga 15, Knoxville 17 (each ranks by distance)
    r = counted(
        [(42, [A, B, C, D]), (26, [B, C, D, A]), (15, [C, D, B, A]), (17, [D, C, B, A])], "MNCK"
    )
    assert r.eliminated == ("C", "N") and r.elected == ("K",)
    assert [x.votes for x in r.rounds] == [(42, 26, 15, 17), (42, 26, 0, 32), (42, 0, 0, 58)]
    assert r.rounds[-1].elected == ("K",) and r.ties == () and r.seed is None
    # whole papers reported as plain integers, and no quota: the majority moves
    assert all(type(v) is int for x in r.rounds for v in (*x.votes, x.exhausted))
    assert all(x.quota is None for x in r.rounds)


def test_raising_the_winner_can_make_it_lose() -> None:
    """Non-monotonicity: 10 voters move A from last to first, and A loses."""
    before = [(39, [A, B, C]), (35, [B, C, A]), (26, [C, A, B])]
    after = [(49, [A, B, C]), (25, [B, C, A]), (26, [C, A, B])]
    assert counted(before, "ABC").elected == ("A",)
    assert counted(after, "ABC").elected == ("C",)


def test_exhausted_papers_leave_the_majority_to_those_still_counting() -> None:
    r = counted([(4, [A]), (3, [B]), (1, [C]), (2, [D, B])], "ABCD")
    final = r.rounds[-1]
    assert final.exhausted == 1 and final.votes == (4, 5, 0, 0)
    assert r.elected == ("B",)  # 5 of 10 papers: not half of all, but of the 9 still counting


def test_last_place_tie_goes_by_an_earlier_round_then_by_lot() -> None:
    # round 1: C 2, D 1 -> D out, its paper to B; round 2: B 3 and C 3 tie; round 1 had B 2
    r = counted([(5, [A]), (2, [B]), (2, [C]), (1, [D, B]), (1, [C])], "ABCD")
    tie = r.ties[0]
    assert (tie.tied, tie.chosen, tie.by) == (("B", "C"), "B", "earlier-stage")
    level = [(3, [A]), (2, [B]), (2, [C])]
    first = counted(level, "ABC", seed=5)
    assert all(counted(level, "ABC", seed=5).eliminated == first.eliminated for _ in range(3))
    assert first.seed == 5 and first.ties[0].by == "lot"
    assert {counted(level, "ABC", seed=s).eliminated[0] for s in range(30)} == {"B", "C"}


def test_ungrouped_int8_ballots() -> None:
    ranks = np.array([[0, 1], [1, -1], [2, 1], [1, 0], [0, -1]], dtype=np.int8)
    r = count("irv", Ballots(ranks, ("A", "B", "C")))
    assert r.elected == ("B",) and r.rounds[0].votes == (2, 2, 1)


def test_refusals() -> None:
    with pytest.raises(ValueError, match="one seat, not 2"):
        counted([(1, [A])], "AB", seats=2)
    with pytest.raises(ValueError, match="no valid ballot paper"):
        count("irv", np.full((3, 2), -1, dtype=np.int8), candidates=["A", "B"])
    with pytest.raises(TypeError, match="batch"):
        counted([(1, [A])], "AB", batch=True)
