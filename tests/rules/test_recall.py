"""Recall: petitions from the electorate, the threshold, the vote under the charter majority,
the cascade, substitutes or by-elections, and resignation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from soviet.model.state import State
from soviet.rules.elections import elect
from soviet.rules.membership import leave, reinstate, suspend, transfer
from soviet.rules.recall import (
    electorate_size,
    file_petition,
    resign,
    sign_petition,
    threshold,
    vote_recall,
)
from soviet.rules.refusal import Refusal
from soviet.service import Organisation
from soviet.service.queries import vacancies
from tests.rules.tree import ON, Tree, build, charter, refused

LATER = "2026-04-01"
BY_ELECTION = charter(recall={"vacancy": "by-election"})


def petition(tree: Tree, mandate: str, signers: list[str], on: str = LATER) -> str:
    """File a petition by the first signer; the others sign it. Its id."""
    [filed, *_] = tree(file_petition, mandate, signers[0], "broke the mandate", on)
    for member in signers[1:]:
        tree(sign_petition, filed.payload["petition"], member, on)
    return str(filed.payload["petition"])


def s3(first: int, last: int) -> list[str]:
    return [f"s3m{i}" for i in range(first, last + 1)]


def three_levels(tree: Tree) -> None:
    """s3m1 sits for s3 in South, for South in the congress, for the congress on the
    executive; each body also elected an alternate (candidate member) who can step in."""
    tree(elect, "s3", "south", ["s3m1", "s3m2", "s3m3"], [[0, 2], [0, 1], [1, 0], [2]], ON,
         seats=2, alternates=1)
    tree.elect("s1", "south", ["s1m1", "s1m2"])
    tree(elect, "south", "congress", ["s3m1", "s1m1", "s1m2"], [[0, 2], [0, 1], [1, 0], [2]],
         ON, seats=2, alternates=1)
    tree(elect, "congress", "exec", ["s3m1", "s1m1"], [[0, 1], [0, 1], [1]], ON, seats=1,
         alternates=1)
    assert tree.seats("south") == ["s1m1", "s1m2", "s3m1", "s3m2"]
    assert tree.seats("congress") == ["s1m1", "s3m1"]
    assert tree.seats("exec") == ["s3m1"]


@pytest.fixture
def by_election_tree(tmp_path: Path) -> Iterator[Tree]:
    with Organisation.open(f"sqlite:///{tmp_path / 'l.db'}") as org:
        yield build(org, BY_ELECTION)


def test_threshold_reached_calls_the_vote(both: Tree) -> None:
    both.elect("s3", "south", ["s3m1"], seats=1)
    seat = both.seat("s3m1", "south").id
    assert threshold(both.state, both.state.mandates[seat], LATER) == 20  # 1/5 of 100 members
    p = petition(both, seat, s3(2, 20))
    assert both.state.petitions[p].vote_called is None
    e = refused(both, f"petition {p} has 19 of the 20 signatures it needs for a vote",
                vote_recall, p, 30, 10, 0, LATER)
    assert e.clause == "[recall].petition_threshold = 1/5"
    [signed, called] = both(sign_petition, p, "s3m21", LATER)
    assert signed.payload["member"] == "s3m21"
    assert called.type == "recall.vote_called"
    assert (called.payload["signatures"], called.payload["threshold"]) == (20, 20)
    assert both.state.petitions[p].vote_called == called.seq
    assert len(both(sign_petition, p, "s3m22", LATER)) == 1  # no second call


@pytest.mark.parametrize(("yes", "no", "abstain", "carried"), [
    (10, 10, 0, False), (11, 10, 50, True), (0, 0, 5, False), (1, 0, 60, True)])
def test_vote_under_the_charter_majority(tree: Tree, yes: int, no: int, abstain: int,
                                         carried: bool) -> None:
    """More than half of the votes cast, abstentions not counted."""
    tree.elect("s3", "south", ["s3m1"], seats=1)
    seat = tree.seat("s3m1", "south").id
    p = petition(tree, seat, s3(2, 21))
    [vote, *rest] = tree(vote_recall, p, yes, no, abstain, LATER)
    assert vote.payload["carried"] is carried
    assert vote.payload["reason"].startswith("adopted" if carried else "rejected")
    assert vote.payload["reason"].endswith("charter [recall].majority")
    s = tree.state
    assert s.petitions[p].outcome == ("carried" if carried else "lost")
    assert (s.mandates[seat].ended is not None) is carried
    if carried:
        ended = s.mandates[seat].ended
        assert ended is not None and (ended.reason, ended.on) == ("recalled", LATER)
        assert [e.type for e in rest] == ["mandate.ended", "by_election.called"]
    refused(tree, f"petition {p} was already voted on", vote_recall, p, 50, 0, 0, LATER)


def test_a_cascade_over_three_levels_with_substitutes(both: Tree) -> None:
    """The recall of s3m1's seat in South ends their congress and executive seats in the
    same act; each seat goes to the alternate its own electorate elected."""
    three_levels(both)
    seat = both.seat("s3m1", "south").id
    p = petition(both, seat, s3(2, 21))
    events = both(vote_recall, p, 40, 20, 5, LATER)
    assert len({e.seq for e in events}) == len(events)
    assert len({e.recorded_at for e in events}) == 1  # one act
    ended = [(e.payload["reason"], both.state.mandates[e.payload["mandate"]].body)
             for e in events if e.type == "mandate.ended"]
    assert ended == [("recalled", "south"), ("cascade", "congress"), ("cascade", "exec"),
                     ("substituted", "south"), ("substituted", "congress"),
                     ("substituted", "exec")]
    assert both.seats("south") == ["s1m1", "s1m2", "s3m2", "s3m3"]
    assert both.seats("congress") == ["s1m1", "s1m2"]
    assert both.seats("exec") == ["s1m1"]
    s = both.state
    assert not s.held_by["s3m1"] and s.members["s3m1"].left is None
    # each substitute holds its new seat through its own seat below
    sub = both.seat("s1m2", "congress")
    assert sub.through == both.seat("s1m2", "south").id and sub.substitutes is not None
    assert s.mandates[sub.substitutes].holder == "s3m1"
    assert both.seat("s1m1", "exec").through == both.seat("s1m1", "congress").id
    assert not s.by_elections


def test_a_cascade_with_by_elections(by_election_tree: Tree) -> None:
    tree = by_election_tree
    three_levels(tree)
    p = petition(tree, tree.seat("s3m1", "south").id, s3(2, 21))
    events = tree(vote_recall, p, 40, 20, 5, LATER)
    called = [(e.payload["electorate"], e.payload["body"]) for e in events
              if e.type == "by_election.called"]
    assert called == [("s3", "south"), ("south", "congress"), ("congress", "exec")]
    assert tree.seats("exec") == [] and tree.seats("congress") == ["s1m1"]
    empty = {(v.electorate, v.body): v for v in vacancies(tree.state)}
    assert empty[("s3", "south")].pending_by_election is not None
    # the alternates stay in reserve for later; the by-elections fill the seats
    assert [m.holder for m in tree.state.alternates("s3", "south")] == ["s3m3"]


def test_a_recall_during_a_pending_by_election(by_election_tree: Tree) -> None:
    tree = by_election_tree
    tree.elect("s3", "south", ["s3m1", "s3m2"])
    first = petition(tree, tree.seat("s3m1", "south").id, s3(3, 22))
    tree(vote_recall, first, 30, 1, 0, LATER)
    [pending] = tree.state.by_elections.values()
    second = petition(tree, tree.seat("s3m2", "south").id, s3(3, 22))
    tree(vote_recall, second, 30, 1, 0, LATER)
    [a, b] = sorted(tree.state.by_elections.values(), key=lambda x: x.seq)
    assert a == pending and (b.electorate, b.body) == ("s3", "south")
    [v] = [v for v in vacancies(tree.state) if v.electorate == "s3"]
    assert (v.seats, v.held) == (2, 0)
    # the first by-election elects one delegate, who is recalled before the second is held
    tree.elect("s3", "south", ["s3m30"], on=LATER, election=a.id)
    third = petition(tree, tree.seat("s3m30", "south").id, s3(3, 22))
    tree(vote_recall, third, 30, 1, 0, LATER)
    assert len(tree.state.by_elections) == 2
    for i, by in enumerate(list(tree.state.by_elections.values())):
        tree.elect("s3", "south", [f"s3m{40 + i}"], on=LATER, election=by.id)
    assert tree.seats("south") == ["s3m40", "s3m41"] and not tree.state.by_elections


def test_resignation_ends_what_is_held_through_it(both: Tree) -> None:
    three_levels(both)
    events = both(resign, both.seat("s3m1", "congress").id, LATER)
    assert [(e.type, e.payload.get("reason")) for e in events] == [
        ("mandate.ended", "resigned"), ("mandate.ended", "cascade"),
        ("mandate.ended", "substituted"), ("mandate.granted", None),
        ("mandate.ended", "substituted"), ("mandate.granted", None)]
    assert both.seats("south") == ["s1m1", "s1m2", "s3m1", "s3m2"]  # still a delegate there
    assert both.seats("congress") == ["s1m1", "s1m2"]
    assert both.seats("exec") == ["s1m1"]


def test_petitions_come_from_the_electorate_in_good_standing(tree: Tree) -> None:
    tree.elect("s3", "south", ["s3m1"], seats=1)
    tree.elect("s1", "south", ["s1m1", "s1m2"])
    tree.elect("south", "congress", ["s1m1"], seats=1)
    seat = tree.seat("s3m1", "south").id
    e = refused(tree, "s1m5 is a member of s1: only members of S3, which elected s3m1, may "
                r"petition \(recall\)$", file_petition, seat, "s1m5", "x", LATER)
    assert e.clause is None  # the recall article itself, not the threshold's clause
    e = refused(tree, r"recall: ghost is not a member: only those who elected the delegate "
                r"may sign \(recall\)$", file_petition, seat, "ghost", "x", LATER)
    assert e.clause is None
    tree(suspend, "s3m9", ON, None, "dues")
    e = refused(tree, r"s3m9 is suspended \(dues, since 2026-01-01\) and cannot sign a recall "
                r"petition: only those who elected the delegate, in good standing, may sign "
                r"\(recall\)$", file_petition, seat, "s3m9", "x", LATER)
    assert e.clause is None
    tree(leave, "s3m8", ON)
    refused(tree, "s3m8 is not a member", file_petition, seat, "s3m8", "x", LATER)
    # a congress delegate is recalled by the council that elected them: its delegates
    above = tree.seat("s1m1", "congress").id
    e = refused(tree, "s3m2 does not sit in South, which elected s1m1: only those who elected "
                r"the delegate may sign \(recall\)$", file_petition, above, "s3m2", "x", LATER)
    assert e.clause is None
    p = petition(tree, above, ["s3m1", "s1m2"])
    assert tree.state.petitions[p].vote_called is not None  # 2 of South's 3 delegates
    # signing goes through the same gate
    p = petition(tree, seat, ["s3m2"])
    refused(tree, "s1m5 is a member of s1", sign_petition, p, "s1m5", LATER)
    refused(tree, "s3m9 is suspended", sign_petition, p, "s3m9", LATER)
    refused(tree, f"s3m2 has already signed petition {p}", sign_petition, p, "s3m2", LATER)
    tree(sign_petition, p, "s3m3", LATER)
    refused(tree, f"s3m3 has already signed petition {p}", sign_petition, p, "s3m3", LATER)
    refused(tree, f"a petition to recall mandate {seat} is already open: sign it",
            file_petition, seat, "s3m4", "y", LATER)


def test_vote_refusals(tree: Tree) -> None:
    tree.elect("s3", "south", ["s3m1"], seats=1)
    seat = tree.seat("s3m1", "south").id
    p = petition(tree, seat, s3(2, 21))
    refused(tree, "101 votes from an electorate of 100", vote_recall, p, 51, 50, 0, LATER)
    refused(tree, r"votes cannot be negative \(yes -1, no 0, abstain 0\)", vote_recall, p, -1,
            0, 0, LATER)
    refused(tree, "101 present: at least the 30 who voted and at most the electorate of 100",
            vote_recall, p, 20, 10, 0, LATER, present=101)
    refused(tree, "29 present: at least the 30 who voted", vote_recall, p, 20, 10, 0, LATER,
            present=29)
    refused(tree, "there is no petition P9", vote_recall, "P9", 1, 0, 0, LATER)
    refused(tree, "there is no petition P9", sign_petition, "P9", "s3m2", LATER)
    tree(resign, seat, LATER)
    refused(tree, f"mandate {seat} already ended on {LATER} .resigned.", vote_recall, p, 60,
            0, 0, LATER)
    refused(tree, f"mandate {seat} already ended", file_petition, seat, "s3m2", "x", LATER)
    refused(tree, f"mandate {seat} already ended", resign, seat, LATER)
    refused(tree, "there is no mandate M99", file_petition, "M99", "s3m2", "x", LATER)
    refused(tree, "there is no mandate M99", resign, "M99", LATER)


def test_a_majority_of_all_seats(tmp_path: Path) -> None:
    """With the base "seats" a recall needs more than half of the whole electorate."""
    rule = {"fraction": "1/2", "comparison": "more-than", "base": "seats",
            "count_abstentions": False}
    with Organisation.open(f"sqlite:///{tmp_path / 'l.db'}") as org:
        tree = build(org, charter(recall={"majority": rule}))
        tree.elect("s3", "south", ["s3m1"], seats=1)
        p = petition(tree, tree.seat("s3m1", "south").id, s3(2, 21))
        [lost] = tree(vote_recall, p, 50, 0, 0, LATER)
        assert lost.payload["carried"] is False
        assert "50 for of 100 seats" in lost.payload["reason"]


def test_the_electorate_is_the_members_in_good_standing_on_the_day(tree: Tree) -> None:
    """Suspended members neither sign nor count towards the threshold or the electorate a
    majority of seats is taken of, on the days their suspension covers."""
    tree.elect("s3", "south", ["s3m1"], seats=1)
    seat = tree.state.mandates[tree.seat("s3m1", "south").id]
    for member in s3(91, 99):
        tree(suspend, member, ON, None, "dues")
    tree(suspend, "s3m100", ON, "2026-03-01", "late")
    s = tree.state
    assert [electorate_size(s, seat, d) for d in (ON, LATER)] == [90, 91]
    assert [threshold(s, seat, d) for d in (ON, LATER)] == [18, 19]  # 1/5, rounded up
    tree(reinstate, "s3m91", LATER)
    tree(transfer, "s3m92", "s1", LATER)  # the suspension goes with the member
    tree(leave, "s3m93", LATER)
    s = tree.state
    assert electorate_size(s, seat, LATER) == 100 - 2 - 6
    s1_seat = tree.elect("s1", "south", ["s1m1"], seats=1)[-1].payload["mandate"]
    assert electorate_size(tree.state, tree.state.mandates[s1_seat], LATER) == 400


def test_a_majority_of_all_seats_in_good_standing(tmp_path: Path) -> None:
    """With the base "seats", the whole electorate is those in good standing: 46 of 90."""
    rule = {"fraction": "1/2", "comparison": "more-than", "base": "seats",
            "count_abstentions": False}
    with Organisation.open(f"sqlite:///{tmp_path / 'l.db'}") as org:
        tree = build(org, charter(recall={"majority": rule}))
        tree.elect("s3", "south", ["s3m1"], seats=1)
        for member in s3(91, 100):
            tree(suspend, member, ON, None, "dues")
        p = petition(tree, tree.seat("s3m1", "south").id, s3(2, 19))
        refused(tree, "91 votes from an electorate of 90", vote_recall, p, 46, 45, 0, LATER)
        [carried, *_] = tree(vote_recall, p, 46, 0, 0, LATER)
        assert carried.payload["carried"] is True
        assert "46 for of 90 seats" in carried.payload["reason"]


def test_recall_before_founding() -> None:
    with pytest.raises(Refusal, match="recall: no organisation has been founded"):
        resign(State(), "M1", ON)
