"""Membership of base units: rolls, transfers, suspensions with dates, leaving and death."""

from __future__ import annotations

import pytest

from soviet.model.state import State
from soviet.rules.elections import elect
from soviet.rules.membership import join, leave, reinstate, suspend, transfer
from soviet.rules.recall import file_petition
from soviet.rules.refusal import Refusal
from tests.rules.tree import ON, Tree, refused, roll

LATER = "2026-03-01"


def test_a_roll_joins_all_or_nothing(both: Tree) -> None:
    refused(both, r"n1m5 is already a member \(of n1 since 2026-01-01\)", join, "n2",
            [("new1", "New"), ("n1m5", "Again")], LATER)
    assert "new1" not in both.state.members
    [event] = both(join, "n2", [("new1", "New"), ("new2", "Newer")], LATER)
    assert event.payload["members"] == [["new1", "New"], ["new2", "Newer"]]
    s = both.state
    assert s.unit_sizes["n2"] == 302
    assert (s.members["new2"].unit, s.members["new2"].since) == ("n2", LATER)


def test_join_refusals(tree: Tree) -> None:
    refused(tree, "new1 appears twice in the roll", join, "n1", [("new1", "A"), ("new1", "B")],
            ON)
    refused(tree, "membership: the roll is empty", join, "n1", [], ON)
    refused(tree, "members belong to base units; North is a council", join, "north",
            [("new1", "A")], ON)
    refused(tree, "there is no body 'n9'", join, "n9", [("new1", "A")], ON)


def test_a_member_who_left_may_join_again(tree: Tree) -> None:
    tree(leave, "s3m1", ON)
    tree(join, "s1", [("s3m1", "Back")], LATER)
    m = tree.state.members["s3m1"]
    assert (m.unit, m.since, m.left) == ("s1", LATER, None)


def test_transfer_ends_the_mandates_the_old_unit_gave(both: Tree) -> None:
    both.elect("n1", "north", ["n1m1"], seats=1)
    both.elect("s1", "south", ["s1m1"], seats=1)
    both.elect("north", "congress", ["n1m1"], seats=1)
    seat, above = both.seat("n1m1", "north").id, both.seat("n1m1", "congress").id
    both(transfer, "n1m1", "n2", LATER)
    s = both.state
    assert (s.members["n1m1"].unit, s.unit_sizes["n1"], s.unit_sizes["n2"]) == ("n2", 999, 301)
    for mid, reason, cause in [(seat, "transferred", None), (above, "cascade", seat)]:
        ended = s.mandates[mid].ended
        assert ended is not None
        assert (ended.on, ended.reason, ended.cause) == (LATER, reason, cause)
    assert both.seats("north") == [] and both.seats("south") == ["s1m1"]
    # now a member of n2, they may stand there
    both.elect("n2", "north", ["n1m1"], seats=1, on=LATER)
    assert both.seat("n1m1", "north").electorate == "n2"


def test_transfer_ends_an_alternates_place_too(tree: Tree) -> None:
    tree(elect, "n1", "north", ["n1m1", "n1m2"], [[0, 1], [0], [1, 0]], ON, seats=1,
         alternates=1)
    assert [m.holder for m in tree.state.alternates("n1", "north")] == ["n1m2"]
    tree(transfer, "n1m2", "n2", LATER)
    assert list(tree.state.alternates("n1", "north")) == []
    assert tree.seats("north") == ["n1m1"]


def test_transfer_refusals(tree: Tree) -> None:
    refused(tree, "n1m1 is already in n1", transfer, "n1m1", "n1", ON)
    refused(tree, "membership: nobody is not a member", transfer, "nobody", "n1", ON)
    refused(tree, "members belong to base units; Congress is a congress", transfer, "n1m1",
            "congress", ON)


def test_a_suspended_member_cannot_sign_or_stand_until_reinstated(both: Tree) -> None:
    both.elect("n2", "north", ["n2m1"], seats=1)
    seat = both.seat("n2m1", "north").id
    both(suspend, "n2m2", "2026-02-01", "2026-04-01", "unpaid dues")
    m = both.state.members["n2m2"]
    assert [m.in_good_standing(d) for d in ("2026-01-31", "2026-02-01", "2026-03-31",
                                            "2026-04-01")] == [True, False, False, True]
    e = refused(both, r"n2m2 is suspended \(unpaid dues, since 2026-02-01\) and cannot sign",
                file_petition, seat, "n2m2", "no report", LATER)
    assert e.clause is None
    refused(both, "n2m2 is not a member in good standing on 2026-03-01", elect, "n2", "north",
            ["n2m2"], None, LATER, seats=1)
    both(reinstate, "n2m2", "2026-02-15")
    assert both.state.members["n2m2"].suspensions[0].until == "2026-02-15"
    both(file_petition, seat, "n2m2", "no report", LATER)
    both.elect("n2", "north", ["n2m2"], seats=1, on=LATER)
    assert both.seats("north") == ["n2m1", "n2m2"]


def test_suspension_ends_every_mandate_with_its_cascade(both: Tree) -> None:
    both(elect, "n1", "north", ["n1m1", "n1m2"], [[0, 1], [0], [1, 0]], ON, seats=1,
         alternates=1)
    both.elect("north", "congress", ["n1m1"], seats=1)
    events = both(suspend, "n1m1", LATER, None, "disciplinary case")
    assert [(e.type, e.payload.get("reason")) for e in events] == [
        ("member.suspended", "disciplinary case"), ("mandate.ended", "suspended"),
        ("mandate.ended", "cascade"), ("mandate.ended", "substituted"),
        ("mandate.granted", None), ("by_election.called", None)]
    assert both.seats("north") == ["n1m2"] and both.seats("congress") == []


def test_suspension_refusals(tree: Tree) -> None:
    tree(suspend, "s1m1", "2026-02-01", "2026-03-01", "dues")
    refused(tree, r"s1m1 is already suspended from 2026-02-01 until 2026-03-01 \(dues\)",
            suspend, "s1m1", "2026-01-15", "2026-02-02", "other")
    refused(tree, "s1m1 is already suspended from 2026-02-01", suspend, "s1m1", "2026-02-20",
            None, "other")
    tree(suspend, "s1m1", "2026-03-01", None, "again")  # back to back is no overlap
    refused(tree, r"a suspension must end after it starts \(2026-05-01 .. 2026-05-01\)",
            suspend, "s1m2", "2026-05-01", "2026-05-01", "x")
    refused(tree, "s1m2 is not suspended on 2026-05-01", reinstate, "s1m2", "2026-05-01")
    refused(tree, "s1m1 is not suspended on 2026-01-01", reinstate, "s1m1", ON)
    tree(leave, "s1m3", ON)
    refused(tree, "s1m3 is not a member", suspend, "s1m3", LATER, None, "x")


@pytest.mark.parametrize("reason", ["resigned", "died"])
def test_leaving_or_death_ends_every_mandate_with_cascade(both: Tree, reason: str) -> None:
    both.elect("n1", "north", ["n1m1", "n1m2"], seats=2)
    both.elect("north", "congress", ["n1m1"], seats=1)
    both.elect("congress", "exec", ["n1m1"], seats=1)
    events = both(leave, "n1m1", LATER, reason)
    assert [e.payload.get("reason") for e in events if e.type == "mandate.ended"] == [
        "died" if reason == "died" else "left", "cascade", "cascade"]
    s = both.state
    assert s.members["n1m1"].left == LATER and s.unit_sizes["n1"] == 999
    assert not s.held_by["n1m1"]
    assert both.seats("north") == ["n1m2"]
    assert both.seats("congress") == [] and both.seats("exec") == []
    assert {(b.electorate, b.body) for b in s.by_elections.values()} == {
        ("n1", "north"), ("north", "congress"), ("congress", "exec")}


def test_leave_refusals(tree: Tree) -> None:
    refused(tree, "a member leaves as resigned, died, expelled, lapsed, not 'moved'", leave,
            "n1m1", ON, "moved")
    refused(tree, "nobody is not a member", leave, "nobody", ON)
    tree(leave, "n1m1", ON, "lapsed")
    refused(tree, "n1m1 is not a member", leave, "n1m1", ON)


def test_membership_before_founding() -> None:
    with pytest.raises(Refusal, match="membership: no organisation has been founded"):
        join(State(), "n1", roll("n1", 1, 1), ON)
