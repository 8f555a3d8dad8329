"""How mandates end: the cascade through ``through`` chains, and what fills each seat."""

from __future__ import annotations

from pathlib import Path

from soviet.model.events import ByElectionCalled, MandateEnded
from soviet.rules.apportionment import apportion_seats
from soviet.rules.elections import elect
from soviet.rules.mandates import carried_through, end_mandates
from soviet.rules.membership import join, leave
from soviet.rules.recall import resign
from soviet.service import Organisation
from tests.rules.tree import FIXED, ON, Tree, build, roll, with_scale

LATER = "2026-07-01"


def test_carried_through_lists_the_whole_chain_nearest_first(tree: Tree) -> None:
    tree.elect("n1", "north", ["n1m1"], seats=1)
    tree.elect("north", "congress", ["n1m1"], seats=1)
    tree.elect("congress", "exec", ["n1m1"], seats=1)
    tree.elect("congress", "cc", ["n1m1"], seats=1)
    s = tree.state
    base = tree.seat("n1m1", "north").id
    congress = tree.seat("n1m1", "congress").id
    chain = carried_through(s, base)
    assert chain[0] == congress
    assert sorted(chain[1:]) == sorted([tree.seat("n1m1", "exec").id,
                                        tree.seat("n1m1", "cc").id])
    assert carried_through(s, tree.seat("n1m1", "exec").id) == []


def test_alternates_step_in_by_rank_then_a_by_election(tree: Tree) -> None:
    candidates = ["s1m1", "s1m2", "s1m3", "s1m4"]
    ballots = [[0, 1, 2, 3], [1, 0, 2, 3], [2, 3], [3, 2], [0, 1], [1, 0], [2, 3]]
    tree(elect, "s1", "south", candidates, ballots, ON, seats=2, alternates=2)
    s = tree.state
    first, second = sorted(s.alternates("s1", "south"), key=lambda m: m.rank)
    delegates = sorted(s.sitting("south"), key=lambda m: m.rank)
    # the rank-2 delegate resigns: the rank-1 alternate takes the seat, its rank and term
    [ended, stepped_out, granted] = tree(resign, delegates[1].id, LATER)
    assert (ended.payload["reason"], granted.payload["holder"]) == ("resigned", first.holder)
    assert stepped_out.payload == {"mandate": first.id, "reason": "substituted", "on": LATER,
                                   "cause": delegates[1].id}
    sub = tree.seat(first.holder, "south")
    assert (sub.rank, sub.term_ends, sub.since, sub.substitutes) == (
        2, delegates[1].term_ends, LATER, delegates[1].id)
    assert sub.election == first.election
    # then the rank-2 alternate
    tree(resign, delegates[0].id, LATER)
    assert tree.seat(second.holder, "south").substitutes == delegates[0].id
    # with no alternate left, a by-election
    [*_, called] = tree(resign, sub.id, LATER)
    assert called.type == "by_election.called"
    assert called.payload["replaces"] == [sub.id]


def test_an_alternate_who_sits_already_or_left_is_passed_over(tree: Tree) -> None:
    candidates = ["s1m1", "s1m2", "s1m3", "s1m4"]
    ballots = [[0, 1, 2, 3], [1, 0, 2, 3], [2, 3], [3, 2], [0, 1], [1, 0], [2, 3]]
    tree(elect, "s1", "south", candidates, ballots, ON, seats=2, alternates=2)
    s = tree.state
    first, second = sorted(s.alternates("s1", "south"), key=lambda m: m.rank)
    delegates = sorted(s.sitting("south"), key=lambda m: m.rank)
    tree(leave, first.holder, ON)  # leaving ends the alternate's place too
    [*_, granted] = tree(resign, delegates[0].id, LATER)
    assert granted.payload["holder"] == second.holder
    assert list(tree.state.alternates("s1", "south")) == []


def test_a_seat_is_not_filled_twice_by_one_person(tmp_path: Path) -> None:
    """n1m6 is North's alternate for the congress in two elections; when both seats they
    could fill fall in one act, they take one and a by-election is called for the other."""
    with Organisation.open(f"sqlite:///{tmp_path / 'l.db'}") as org:
        charter = with_scale("local", **FIXED)
        charter["representation"]["keep_seats_on_reapportionment"] = False
        tree = build(org, charter, {"north": {"n1": 1000, "n2": 300}})
        tree.elect("n1", "north", [f"n1m{i}" for i in range(1, 6)])  # n1 has 5 seats
        tree(elect, "north", "congress", ["n1m4", "n1m1"], [[0, 1], [0, 1], [1]], ON,
             seats=1, alternates=1)
        tree(elect, "north", "congress", ["n1m5", "n1m1"], [[0, 1], [0, 1], [1]], ON,
             seats=1, alternates=1)
        assert [m.holder for m in tree.state.alternates("north", "congress")] == ["n1m1"] * 2
        tree(join, "n2", roll("n2", 301, 1000), LATER)  # n1 falls to 3 seats: n1m4, n1m5 go
        events = tree(apportion_seats, "north", LATER)
        assert [e.payload["holder"] for e in events if e.type == "mandate.granted"] == ["n1m1"]
        [called] = [e for e in events if e.type == "by_election.called"]
        assert (called.payload["electorate"], called.payload["body"]) == ("north", "congress")
        assert tree.seats("congress") == ["n1m1"]


def test_ending_twice_in_one_act_ends_once_and_fills_only_the_cascade(tree: Tree) -> None:
    """``fill=False``: the root's own seat is gone, the seat above that fell with it is not."""
    tree.elect("n1", "north", ["n1m1"], seats=1)
    tree.elect("north", "congress", ["n1m1"], seats=1)
    s = tree.state
    base, above = tree.seat("n1m1", "north").id, tree.seat("n1m1", "congress").id
    events = end_mandates(s, [base, above, base], "dissolved", LATER, fill=False)
    ended = [e for e in events if isinstance(e, MandateEnded)]
    assert [(e.mandate, e.reason, e.cause) for e in ended] == [
        (base, "dissolved", None), (above, "cascade", base)]
    [called] = [e for e in events if isinstance(e, ByElectionCalled)]
    assert (called.electorate, called.body, called.replaces) == ("north", "congress", [above])
