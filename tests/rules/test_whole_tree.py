"""Acts over the whole tree at once: every body's seats in one apportionment, a round of
elections in many electorates. They must decide exactly what the same acts one by one do."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from soviet.model.state import State
from soviet.rules.apportionment import apportion_seats, apportion_tree, receivers
from soviet.rules.elections import Poll, elect, elect_round
from soviet.rules.membership import join
from soviet.rules.refusal import Refusal
from soviet.rules.structure import report_basis
from soviet.service import Organisation
from tests.conftest import CHARTER_JSON
from tests.rules.tree import ON, Tree, build, roll

LATER = "2026-09-01"


def figures(state: State) -> dict[str, tuple[dict[str, int], dict[str, int], str, str]]:
    return {body: (dict(a.seats), dict(a.basis), a.scale, a.method)
            for body, a in state.apportionments.items()}


def scales(**changes: dict[str, Any]) -> dict[str, Any]:
    charter = copy.deepcopy(CHARTER_JSON)
    for name, keys in changes.items():
        charter["representation"]["scales"][name].update(keys)
    return charter


def test_the_tree_act_records_what_each_body_would(tmp_path: Path) -> None:
    with Organisation.open(f"sqlite:///{tmp_path / 'a.db'}") as a, \
            Organisation.open(f"sqlite:///{tmp_path / 'b.db'}") as b:
        one_by_one, at_once = build(a, apportion=False), build(b, apportion=False)
        assert receivers(at_once.state) == ["congress", "north", "south"]
        for body in ("north", "south", "congress"):
            one_by_one(apportion_seats, body, ON)
        events = at_once(apportion_tree, ON)
        assert [e.type for e in events] == ["seats.apportioned"] * 3
        assert figures(at_once.state) == figures(one_by_one.state)
        assert figures(at_once.state)["north"][0] == {"n1": 3, "n2": 2}


def test_scales_on_different_bases_keep_their_own_figures(tmp_path: Path) -> None:
    """Locals send by members, the regions by the voters their locals report: one act sums
    each basis on its own."""
    charter = scales(region={"basis": "voters"})
    with Organisation.open(f"sqlite:///{tmp_path / 'a.db'}") as a, \
            Organisation.open(f"sqlite:///{tmp_path / 'b.db'}") as b:
        one_by_one, at_once = build(a, charter, apportion=False), build(b, charter, apportion=False)
        for tree in (one_by_one, at_once):
            for unit, voters in [("n1", 3000), ("n2", 1000), ("s1", 4000), ("s2", 10), ("s3", 5)]:
                tree(report_basis, unit, "voters", voters, ON)
        for body in ("north", "south", "congress"):
            one_by_one(apportion_seats, body, ON)
        at_once(apportion_tree, ON)
        assert figures(at_once.state) == figures(one_by_one.state)
        assert figures(at_once.state)["north"][1] == {"n1": 1000, "n2": 300}
        assert figures(at_once.state)["congress"][1] == {"north": 4000, "south": 4015}


def test_a_body_whose_seats_cannot_be_shared_is_named(tmp_path: Path) -> None:
    """Both councils' locals share a house of 3 with a minimum of 2 each: South (3 locals)
    cannot, and neither can North (2); the first in id order is named."""
    charter = scales(local={"method": "hamilton", "seats": 3, "one_delegate_per": None,
                            "remainder": None, "maximum": None})
    with Organisation.open(f"sqlite:///{tmp_path / 'l.db'}") as org:
        tree = build(org, charter, apportion=False)
        head = org.ledger.head().seq
        with pytest.raises(Refusal, match="seats in North: hamilton: a minimum of 2") as e:
            tree(apportion_tree, ON)
        assert e.value.clause == "[representation.scales.local]"
        with pytest.raises(Refusal, match="seats in South: hamilton: a minimum of 2"):
            tree(apportion_seats, "south", ON)
        assert org.ledger.head().seq == head


def test_a_seat_lost_in_the_cascade_is_not_taken_twice(tmp_path: Path) -> None:
    """n1 loses two of its five seats in North, n1m5's congress seat falls with its North
    seat, and North loses one of its three congress seats: that one, and no other."""
    charter = scales(local={"method": "hamilton", "seats": 6, "minimum": 1,
                            "one_delegate_per": None, "remainder": None, "maximum": None},
                     region={"seats": 4, "minimum": 1})
    charter["representation"]["keep_seats_on_reapportionment"] = False
    with Organisation.open(f"sqlite:///{tmp_path / 'l.db'}") as org:
        tree = build(org, charter)
        assert tree.state.apportionments["north"].seats == {"n1": 5, "n2": 1}
        assert tree.state.apportionments["congress"].seats == {"north": 3, "south": 1}
        tree.elect("n1", "north", [f"n1m{i}" for i in range(1, 6)])
        tree.elect("north", "congress", ["n1m1", "n1m2", "n1m5"])
        tree(join, "n2", roll("n2", 301, 1000), LATER)
        tree(join, "s1", roll("s1", 401, 1700), LATER)
        events = tree(apportion_tree, LATER)
        s = tree.state
        assert s.apportionments["north"].seats == {"n1": 3, "n2": 3}
        assert s.apportionments["congress"].seats == {"north": 2, "south": 2}
        ended = [(s.mandates[e.payload["mandate"]].holder, s.mandates[e.payload["mandate"]].body,
                  e.payload["reason"]) for e in events if e.type == "mandate.ended"]
        assert ended == [("n1m4", "north", "reapportioned"), ("n1m5", "north", "reapportioned"),
                         ("n1m5", "congress", "cascade")]
        assert tree.seats("congress") == ["n1m1", "n1m2"]


def test_a_round_of_elections_is_each_election_in_one_act(tmp_path: Path) -> None:
    with Organisation.open(f"sqlite:///{tmp_path / 'a.db'}") as a, \
            Organisation.open(f"sqlite:///{tmp_path / 'b.db'}") as b:
        one_by_one, in_a_round = build(a), build(b)
        polls = [Poll("n1", "north", ["n1m1", "n1m2", "n1m3", "n1m4"],
                      [[0, 1], [1, 0, 2], [2, 3], [0, 3], [3], [1, 2]]),
                 Poll("n2", "north", ["n2m1", "n2m2"], None),
                 Poll("s1", "south", ["s1m1", "s1m2", "s1m3"], [[2, 1], [1], [0, 2]], seats=1)]
        for p in polls:
            one_by_one(elect, p.electorate, p.body, p.candidates, p.ballots, ON, seats=p.seats,
                       seed=1)
        in_a_round(lambda s: elect_round(s, polls, ON, seed=1))
        mine, theirs = in_a_round.state, one_by_one.state
        assert sorted(mine.mandates) == sorted(theirs.mandates)
        assert {m.id: (m.holder, m.body, m.role, m.rank, m.election)
                for m in mine.mandates.values()} == {
            m.id: (m.holder, m.body, m.role, m.rank, m.election)
            for m in theirs.mandates.values()}
        assert sorted(mine.elections) == ["E1", "E2", "E3"]


def test_a_round_refuses_an_electorate_or_a_candidate_twice(tree: Tree) -> None:
    twice = [Poll("n1", "north", ["n1m1"], None), Poll("n1", "north", ["n1m2"], None)]
    with pytest.raises(Refusal, match="n1 elects to north twice in one round"):
        tree(elect_round, twice, ON)
    tree.elect("n1", "north", ["n1m1"])
    tree.elect("n2", "north", ["n2m1"])
    both = [Poll("north", "congress", ["n1m1"], None), Poll("south", "congress", ["n1m1"], None)]
    with pytest.raises(Refusal, match="n1m1 stands for congress in two electorates"):
        tree(elect_round, both, ON)
