"""Differential tests: our counts against pref_voting and abcvoting on random small profiles.

Profiles are small and full of ties on purpose. Where a peer returns every winner that some
tie-break could give, our winner must be one of them; where we drew no lot, the peer must have
found exactly our winner; where we drew among tied winners, the tied set must be the peer's.
"""

from __future__ import annotations

from typing import Any

import pytest
from abcvoting import abcrules
from abcvoting.preferences import Profile as ApprovalProfile
from abcvoting.preferences import Voter
from hypothesis import given, settings
from hypothesis import strategies as st
from pref_voting.iterative_methods import instant_runoff_put, plurality_with_runoff_put
from pref_voting.margin_based_methods import beat_path, ranked_pairs
from pref_voting.profiles import Profile
from pref_voting.profiles_with_ties import ProfileWithTies
from pref_voting.scoring_methods import borda, borda_for_profile_with_ties, plurality

from soviet.counting import METHODS, Result, count

Ranked = tuple[int, list[tuple[list[int], int]]]
EXAMPLES = settings(max_examples=60, deadline=None)


@st.composite
def ranked_profiles(draw: st.DrawFn, truncated: bool) -> Ranked:
    """2-5 candidates, 1-7 distinct rankings of 1-3 voters each; complete or cut short."""
    m = draw(st.integers(2, 5))
    rows = []
    for _ in range(draw(st.integers(1, 7))):
        order = draw(st.permutations(range(m)))
        keep = draw(st.integers(1, m)) if truncated else m
        rows.append((list(order[:keep]), draw(st.integers(1, 3))))
    return m, rows


@st.composite
def approval_profiles(draw: st.DrawFn) -> tuple[int, int, list[tuple[list[int], int]]]:
    """2-6 candidates, 1-7 approval sets (possibly empty) of 1-3 voters, and the seats."""
    m = draw(st.integers(2, 6))
    rows = [
        (sorted(draw(st.sets(st.integers(0, m - 1)))), draw(st.integers(1, 3)))
        for _ in range(draw(st.integers(1, 7)))
    ]
    return m, draw(st.integers(1, m)), rows


def ours(method: str, profile: Ranked, seed: int = 0, **options: Any) -> Result:
    m, rows = profile
    return count(
        method,
        [r for r, _ in rows],
        candidates=[str(c) for c in range(m)],
        weights=[n for _, n in rows],
        seed=seed,
        **options,
    )


def peer(profile: Ranked) -> Profile | ProfileWithTies:
    """pref_voting's profile: linear orders when complete, else ranked above unranked."""
    m, rows = profile
    if all(len(r) == m for r, _ in rows):
        return Profile([r for r, _ in rows], [n for _, n in rows])
    with_ties = ProfileWithTies(
        [{c: i + 1 for i, c in enumerate(r)} for r, _ in rows],
        [n for _, n in rows],
        candidates=list(range(m)),
    )
    with_ties.use_extended_strict_preference()
    return with_ties


def winner(result: Result) -> int:
    return int(result.elected[0])


def tied_winners(result: Result) -> set[int]:
    """The candidates a final lot chose among, or the winner alone when none was drawn."""
    final = [t for t in result.ties if t.purpose == "winner"]
    return {int(c) for c in final[-1].tied} if final else {winner(result)}


def same_scores_and_winners(
    method: str, profile: Ranked, scores: dict[int, Any], winners: list[int]
) -> None:
    """Our scores are the peer's, candidate by candidate, and so are the winners."""
    result = ours(method, profile)
    assert result.scores == tuple(scores[c] for c in range(profile[0]))
    assert tied_winners(result) == set(winners)


@EXAMPLES
@given(ranked_profiles(truncated=True))
def test_plurality(profile: Ranked) -> None:
    theirs = peer(profile)
    same_scores_and_winners("plurality", profile, theirs.plurality_scores(), plurality(theirs))


@EXAMPLES
@given(ranked_profiles(truncated=False))
def test_borda_complete(profile: Ranked) -> None:
    theirs = peer(profile)
    same_scores_and_winners("borda", profile, theirs.borda_scores(), borda(theirs))


@EXAMPLES
@given(ranked_profiles(truncated=True))
def test_borda_short_ballots(profile: Ranked) -> None:
    theirs = peer(profile)
    expected = borda(theirs) if isinstance(theirs, Profile) else borda_for_profile_with_ties(theirs)
    assert tied_winners(ours("borda", profile)) == set(expected)


@EXAMPLES
@given(ranked_profiles(truncated=True))
def test_schulze_margins(profile: Ranked) -> None:
    assert tied_winners(ours("schulze", profile, strength="margin")) == set(
        beat_path(peer(profile))
    )


@EXAMPLES
@given(ranked_profiles(truncated=False))
def test_schulze_winning_votes_on_complete_ballots(profile: Ranked) -> None:
    # With every candidate ranked, winning votes and margins order links alike.
    assert tied_winners(ours("schulze", profile)) == set(beat_path(peer(profile)))


@EXAMPLES
@given(ranked_profiles(truncated=True), st.integers(0, 2**32))
def test_ranked_pairs(profile: Ranked, seed: int) -> None:
    theirs = set(ranked_pairs(peer(profile), algorithm="from_stacks"))
    result = ours("ranked-pairs", profile, seed=seed)
    assert winner(result) in theirs
    if not result.ties:
        assert theirs == {winner(result)}


@EXAMPLES
@given(ranked_profiles(truncated=True), st.integers(0, 2**32))
def test_two_round(profile: Ranked, seed: int) -> None:
    theirs = set(plurality_with_runoff_put(peer(profile)))
    result = ours("two-round", profile, seed=seed)
    assert winner(result) in theirs
    if not result.ties:
        assert theirs == {winner(result)}


@pytest.mark.skipif("irv" not in METHODS, reason="IRV is not registered yet")
@EXAMPLES
@given(ranked_profiles(truncated=False), st.integers(0, 2**32))
def test_instant_runoff(profile: Ranked, seed: int) -> None:
    assert winner(ours("irv", profile, seed=seed)) in set(instant_runoff_put(peer(profile)))


@EXAMPLES
@given(ranked_profiles(truncated=True))
def test_condorcet_winner_is_elected_by_schulze_and_ranked_pairs(profile: Ranked) -> None:
    theirs = peer(profile)
    cw = theirs.condorcet_winner()
    if cw is not None:
        for method in ("schulze", "ranked-pairs"):
            assert winner(ours(method, profile)) == cw


def approval_peer(m: int, rows: list[tuple[list[int], int]]) -> ApprovalProfile:
    profile = ApprovalProfile(m)
    profile.add_voters([Voter(set(r), weight=n) for r, n in rows])
    return profile


def committee(result: Result) -> frozenset[int]:
    return frozenset(int(c) for c in result.elected)


def count_approvals(
    method: str, m: int, seats: int, rows: list[tuple[list[int], int]], seed: int
) -> Result:
    return count(
        method,
        [r for r, _ in rows],
        candidates=[str(c) for c in range(m)],
        seats=seats,
        weights=[n for _, n in rows],
        seed=seed,
    )


@EXAMPLES
@given(approval_profiles(), st.integers(0, 2**32))
def test_pav(drawn: tuple[int, int, list[tuple[list[int], int]]], seed: int) -> None:
    m, seats, rows = drawn
    theirs = {
        frozenset(c)
        for c in abcrules.compute_pav(
            approval_peer(m, rows), seats, algorithm="brute-force", resolute=False
        )
    }
    result = count_approvals("pav", m, seats, rows, seed)
    assert committee(result) in theirs
    if result.ties:
        tied = {frozenset(int(c) for c in label.split(", ")) for label in result.ties[0].tied}
        assert tied == theirs
    else:
        assert theirs == {committee(result)}


@EXAMPLES
@given(approval_profiles(), st.integers(0, 2**32))
def test_seq_phragmen(drawn: tuple[int, int, list[tuple[list[int], int]]], seed: int) -> None:
    m, seats, rows = drawn
    theirs = {
        frozenset(c)
        for c in abcrules.compute_seqphragmen(
            approval_peer(m, rows), seats, algorithm="standard-fractions", resolute=False
        )
    }
    result = count_approvals("seq-phragmen", m, seats, rows, seed)
    assert committee(result) in theirs
    if not result.ties:
        assert theirs == {committee(result)}
