"""Sessions end to end through the service: a congress from convocation to an adopted
resolution with its minority's position recorded, and the refusals on the way."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

import pytest

from soviet.rules import (
    convocation,
    credentials,
    decisions,
    discussion,
    floor,
    motions,
    polls,
    recall,
    sessions,
)
from soviet.rules.voters import strengths, total
from soviet.service import Organisation
from soviet.service.queries import discussion_tallies
from tests.rules.sessions import (
    CONVENED,
    DELEGATES,
    NORTH,
    OPENS,
    PUBLISHED,
    SOUTH,
    convention,
    delegates,
    sitting,
)
from tests.rules.tree import Tree, build, refused


@pytest.fixture
def both_congress(ledger_url: str) -> Iterator[Tree]:
    with Organisation.open(ledger_url) as org:
        yield delegates(build(org, convention()))


@pytest.fixture
def congress(tmp_path: Path) -> Iterator[Tree]:
    with Organisation.open(f"sqlite:///{tmp_path / 'ledger.db'}") as org:
        yield delegates(build(org, convention()))


def motion(tree: Tree, s: str, mover: str = "n1m1", supporter: str = "s1m1", **kw: object
           ) -> str:
    """A motion on item 1, moved and supported (the charter wants one supporter)."""
    [moved] = tree(motions.submit, s, "1", mover, kw.pop("title", "Programme of action"),
                   kw.pop("text", "The federation adopts the programme."), OPENS, **kw)
    name = str(moved.payload["motion"])
    [_, admitted] = tree(motions.support, name, supporter)
    assert admitted.type == "motion.admitted"
    return name


def roll_call(tree: Tree, m: str, votes: dict[str, str]) -> str:
    s = tree.state.motions[m].session
    [opened] = tree(polls.open_poll, s, OPENS, motion=m, secrecy="named")
    p = str(opened.payload["poll"])
    for voter, choice in votes.items():
        tree(polls.cast, p, voter, choice=choice)
    return p


def test_a_congress_from_convocation_to_a_resolution_with_its_minority(both_congress: Tree
                                                                        ) -> None:
    t = both_congress
    [convened] = t(convocation.convene, "congress", "Fifth Congress", "2026-04-01", CONVENED)
    s = str(convened.payload["session"])
    # the pre-congress discussion: theses, counter-theses, the units' votes added up by level
    [theses] = t(discussion.publish, s, "Theses", "The executive proposes ...", ["exec"],
                 PUBLISHED)
    [counter] = t(discussion.publish, s, "Counter-theses", "We propose instead ...",
                  ["n2m7", "n2m8"], "2026-02-12", counter=True)
    th, ct = theses.payload["theses"], counter.payload["theses"]
    t(discussion.vote, s, "n1", {th: 600, ct: 39}, 11, "2026-03-01")
    t(discussion.vote, s, "n2", {th: 100, ct: 150}, 0, "2026-03-02")
    t(discussion.vote, s, "s1", {th: 300, ct: 29}, 1, "2026-03-03")
    tallies = discussion_tallies(t.state, s)
    assert tallies["north"].votes == {th: 700, ct: 189} and tallies["north"].units == 2
    assert tallies["south"].votes == {th: 300, ct: 29} and tallies["south"].abstain == 1
    assert tallies["congress"].votes == {th: 1000, ct: 218} and tallies["congress"].units == 3
    e = refused(t, "discussion: the discussion began on 2026-02-10 and lasts until 2026-04-11: "
                "the congress cannot open on 2026-04-01", sessions.open_session, s,
                "2026-04-01")
    assert e.clause == "[congress].discussion = 60 days"
    t(sessions.open_session, s, OPENS)
    # attendance and credentials
    for x in [*DELEGATES, "n1m9", "n1m4"]:
        t(sessions.register, s, x, OPENS)
    [report] = t(credentials.report, s, OPENS, guests=frozenset({"n1m4"}))
    assert sorted(report.payload["admitted"]) == sorted(DELEGATES)
    assert report.payload["consultative"] == {"n1m4": "invited guest"}
    assert report.payload["refused"] == {"n1m9": "holds no mandate in Congress"}
    state = t.state
    assert strengths(state, state.sessions[s]) == {
        "n1m1": 434, "n1m2": 433, "n2m1": 433, "s1m1": 350, "s2m1": 350}
    assert total(state, state.sessions[s]) == (240, 2000)
    # the floor: a point of order goes first
    t(sessions.add_item, s, "Programme of action")
    t(floor.request, s, "1", "n1m2", "contribution")
    t(floor.request, s, "1", "s2m1", "point_of_order")
    refused(t, "floor: s2m1 asked first \\(point_of_order, which goes first\\)", floor.hold, s,
            "1", "n1m2", "contribution", 120)
    [po] = t(floor.hold, s, "1", "s2m1", "point_of_order", 75)
    assert (po.payload["seconds"], po.payload["limit"], po.payload["cut"]) == (60, 60, True)
    t(floor.hold, s, "1", "n1m2", "contribution", 200, "For the programme.")
    # the motion, an amendment voted first and rejected, then the motion adopted
    m = motion(t, s)
    a = motion(t, s, "s2m1", "s1m1", title="Delete the strike clause", text="Delete 4.",
               amends=m, amended_text="The federation adopts the programme without 4.")
    refused(t, f"polls: amendment {a} to {m} is still before the body: amendments are voted "
            "before the motion", polls.open_poll, s, OPENS, motion=m)
    pa = roll_call(t, a, {"n1m1": "no", "n1m2": "no", "n2m1": "yes", "s1m1": "no",
                          "s2m1": "yes"})
    [closed] = t(polls.close, pa, OPENS)
    assert closed.payload["adopted"] is False
    assert closed.payload["sentence"] == ("rejected: 783 for of 2000 cast, more than 1/2 "
                                          "(1000) required")  # 433 + 350 against 434 + 433 + 350
    assert (closed.payload["yes"], closed.payload["no"]) == ("783", "1217")
    refused(t, f"polls: poll {pa} was closed at event", polls.close, pa, OPENS)
    pm = roll_call(t, m, {"n1m1": "yes", "n1m2": "yes", "n2m1": "yes", "s1m1": "no",
                          "s2m1": "abstain"})
    [adopted] = t(polls.close, pm, OPENS)
    assert adopted.payload["adopted"] is True
    assert adopted.payload["clause"].startswith("[congress.majority].ordinary = {fraction = 1/2")
    assert adopted.payload["majority"] == "more than 1/2 of votes cast"
    assert adopted.payload["sentence"] == ("adopted: 1300 for of 1650 cast, more than 1/2 (825) "
                                           "required")
    state = t.state
    assert state.motions[m].status == "adopted" and state.motions[a].status == "rejected"
    assert state.motions[m].wording == "The federation adopts the programme."
    # both positions recorded
    t(decisions.record_dissent, m, SOUTH, "The south holds the strike clause premature.",
      OPENS)
    refused(t, f"decisions: n1m1 did not vote against {m} nor abstain in the roll call",
            decisions.record_dissent, m, ["n1m1"], "no", OPENS)
    [dissent] = t.state.motions[m].dissents
    assert dissent.by == ("s1m1", "s2m1")
    # the decision binds every body below
    assert [x.id for x in decisions.directives(t.state, "n1")] == [m]
    assert decisions.directives(t.state, "congress") == []
    t(sessions.close_session, s, OPENS)
    assert t.state.sessions[s].closed == OPENS


def test_no_quorum(congress: Tree) -> None:
    """South's 700 votes present of 2,000: the charter wants half of the strength."""
    s = sitting(congress, SOUTH)
    e = refused(congress, "quorum: 700 of 2000 votes present, 1000 needed", polls.open_poll, s,
                OPENS, question="Adjourn?")
    assert e.clause == "[congress].quorum = 1/2"
    congress(sessions.register, s, "n1m1", OPENS)
    congress(credentials.report, s, OPENS)
    congress(polls.open_poll, s, OPENS, question="Adjourn?")  # 700 + 1300 (n1m1 alone)


def test_a_recalled_delegate_cannot_vote_a_moment_later(congress: Tree) -> None:
    s = sitting(congress)
    m = motion(congress, s)
    [opened] = congress(polls.open_poll, s, OPENS, motion=m, secrecy="named")
    p = opened.payload["poll"]
    seat = congress.seat("n2m1", "north").id
    congress(recall.resign, seat, OPENS)  # ends the congress seat held through it
    e = refused(congress, r"polls: n2m1's mandate M\d+ from North ended on 2026-05-01 "
                r"\(cascade, event \d+\): only sitting delegates vote", polls.cast, p, "n2m1",
                choice="yes")
    assert e.clause is None
    # north's 1,300 votes now divide between the two left
    assert strengths(congress.state, congress.state.sessions[s])["n1m1"] == 650


def test_poll_refusals(congress: Tree) -> None:
    s = sitting(congress)
    m = motion(congress, s)
    refused(congress, "polls: 'show' is not a kind of poll", polls.open_poll, s, OPENS,
            motion=m, secrecy="show")
    [opened] = congress(polls.open_poll, s, OPENS, motion=m, secrecy="named")
    p = opened.payload["poll"]
    refused(congress, f"polls: a poll on {m} is already open", polls.open_poll, s, OPENS,
            motion=m)
    refused(congress, "polls: n1m1 casts 500 votes but carries 434", polls.cast, p, "n1m1",
            parts={"yes": Fraction(400), "no": Fraction(100)})
    congress(polls.cast, p, "n1m1", parts={"yes": Fraction(400), "no": Fraction(34)})
    refused(congress, f"polls: n1m1 has already voted in poll {p}", polls.cast, p, "n1m1",
            choice="yes")
    refused(congress, "polls: n1m9 holds no seat in Congress", polls.cast, p, "n1m9",
            choice="yes")
    refused(congress, f"polls: poll {p} is a roll call", polls.count, p, ["s1m2"], "hall",
            {"yes": Fraction(1)}, 1)
    refused(congress, "session: poll .* is still open", sessions.close_session, s, OPENS)
    congress(polls.close, p, OPENS)
    refused(congress, f"polls: poll {p} was closed at event", polls.cast, p, "n1m2",
            choice="yes")


def test_split_votes_need_the_charter(tmp_path: Path) -> None:
    with Organisation.open(f"sqlite:///{tmp_path / 'l.db'}") as org:
        t = delegates(build(org, convention(split_votes=False)))
        s = sitting(t)
        m = motion(t, s)
        [opened] = t(polls.open_poll, s, OPENS, motion=m, secrecy="named")
        e = refused(t, "polls: n1m1 may not split their votes", polls.cast,
                    opened.payload["poll"], "n1m1",
                    parts={"yes": Fraction(400), "no": Fraction(34)})
        assert e.clause == "[convention].split_votes = false"


def test_a_vote_below_the_required_majority_is_recorded_as_rejected(congress: Tree) -> None:
    """Changing the charter needs two thirds of the votes cast, abstentions counted: 1,300 of
    2,000 is 65%."""
    s = sitting(congress)
    m = motion(congress, s, kind="charter_change", title="Amend article 3")
    p = roll_call(congress, m, dict.fromkeys(NORTH, "yes") | dict.fromkeys(SOUTH, "abstain"))
    [closed] = congress(polls.close, p, OPENS)
    assert closed.payload["adopted"] is False
    assert closed.payload["sentence"] == ("rejected: 1300 for of 2000 cast (abstentions "
                                          "included), at least 2/3 (1333 1/3) required")
    assert congress.state.motions[m].status == "rejected"


def test_motion_refusals(congress: Tree) -> None:
    s = sitting(congress)
    m = motion(congress, s)
    refused(congress, "motions: only the mover, n1m1, may withdraw", motions.withdraw, m,
            "s1m1", OPENS)
    a = motion(congress, s, "s2m1", "s1m1", title="Amend", text="Delete 4.", amends=m)
    events = congress(motions.withdraw, m, "n1m1", OPENS)
    assert [e.payload["motion"] for e in events] == [m, a]  # the amendment lapses with it
    refused(congress, f"motions: {m} was withdrawn: there is nothing left to amend",
            motions.submit, s, "1", "n1m2", "Amend", "Add 5.", OPENS, amends=m)
    refused(congress, f"polls: {m} was withdrawn", polls.open_poll, s, OPENS, motion=m)
    refused(congress, "motions: n1m9 holds no seat in Congress: only those with a deciding "
            "vote move motions", motions.submit, s, "1", "n1m9", "X", "Y", OPENS)
    refused(congress, "motions: item 7 is not on the agenda", motions.submit, s, "7", "n1m1",
            "X", "Y", OPENS)
    [moved] = congress(motions.submit, s, "1", "n1m2", "Unsupported", "Text.", OPENS)
    e = refused(congress, "polls: .* has 0 supporter\\(s\\) and is not admitted",
                polls.open_poll, s, OPENS, motion=moved.payload["motion"])
    assert e.clause == "[debate].supporters = 1"


def test_secret_poll_with_tellers_and_paper(congress: Tree) -> None:
    """Ballots are handed out by name, the choice is never stored; the tellers' count must
    cover every ballot before the poll closes."""
    s = sitting(congress)
    m = motion(congress, s)
    [opened] = congress(polls.open_poll, s, OPENS, motion=m, secrecy="secret")
    p = opened.payload["poll"]
    refused(congress, "polls: a secret poll records that a ballot was given, never the choice",
            polls.cast, p, "n1m1", choice="yes")
    for x in DELEGATES:
        [ballot] = congress(polls.cast, p, x)
        assert ballot.payload["parts"] == {}
    refused(congress, "polls: 5 ballots given out, 0 counted", polls.close, p, OPENS)
    refused(congress, "polls: 6 voters counted, but only 5 ballots given out", polls.count, p,
            ["t1", "t2"],
            "paper", {"yes": Fraction(3)}, 6)
    congress(polls.count, p, ["t1", "t2"], "paper",
             {"yes": Fraction(1300), "no": Fraction(700)}, 5)
    [closed] = congress(polls.close, p, OPENS)
    assert closed.payload["adopted"] is True
    assert congress.state.polls[p].cast["n1m1"].parts == {}


def test_phone_and_hall_votes_in_one_poll_count_nobody_twice(congress: Tree) -> None:
    s = sitting(congress)
    [opened] = congress(polls.open_poll, s, OPENS, question="Adjourn for lunch?")
    p = opened.payload["poll"]
    congress(polls.cast, p, "n1m1", choice="yes")  # by phone
    e = refused(congress, "polls: 5 voters counted, but only 4 present who have not voted "
                "otherwise: nobody is counted twice", polls.count, p, ["t1"], "hall",
                {"yes": Fraction(1)}, 5)
    assert e.clause is None
    refused(congress, "polls: 1567 votes counted, more than the 1566 those counted carry",
            polls.count, p, ["t1"], "hall", {"yes": Fraction(1567)}, 4)
    congress(polls.count, p, ["t1"], "hall", {"yes": Fraction(866), "no": Fraction(700)}, 4)
    [closed] = congress(polls.close, p, OPENS)
    assert (closed.payload["yes"], closed.payload["no"]) == ("1300", "700")


def test_extraordinary_congress_on_demand_of_a_third_of_the_units(congress: Tree) -> None:
    """Five units: two demands are not a third (5/3), the second... the third is."""
    [d1] = congress(convocation.demand, "congress", "n1", "the strike", "2026-02-01")
    assert d1.type == "convocation.demanded"
    refused(congress, "convocation: n1 has already demanded", convocation.demand, "congress",
            "n1", "again", "2026-02-01")
    e = refused(congress, "convocation: n1m1 is not a live base unit", convocation.demand,
                "congress", "n1m1", "x", "2026-02-01")
    assert e.clause == '[congress.extraordinary].of = "units"'
    [d2, convened] = congress(convocation.demand, "congress", "s1", "the strike", "2026-02-02")
    assert convened.type == "session.convened"
    assert convened.payload["kind"] == "extraordinary"
    assert convened.payload["demands"] == [d1.payload["demand"], d2.payload["demand"]]
    refused(congress, "convocation: Congress already has session", convocation.convene,
            "congress", "Regular", "2026-03-01", "2026-02-03")


def test_credentials_refuse_a_recalled_mandate_and_decide_a_contest(congress: Tree) -> None:
    s = sitting(congress, ["n1m1", "n1m2", "s1m1"])
    seat = congress.seat("s2m1", "south").id
    congress(recall.resign, seat, OPENS)
    congress(sessions.register, s, "s2m1", OPENS)
    [supplement] = congress(credentials.report, s, OPENS)
    assert supplement.payload["number"] == 2
    assert supplement.payload["refused"]["s2m1"].startswith("mandate M")
    assert "(cascade, event" in supplement.payload["refused"]["s2m1"]
    congress(credentials.contest, s, "n1m2", "s1m1", "elected after the deadline", OPENS)
    assert "n1m2" not in congress.state.sessions[s].credentials.admitted
    refused(congress, "credentials: n1m2's mandate is not contested|no admitted",
            credentials.contest, s, "n1m2", "s1m1", "again", OPENS)
    [opened] = congress(polls.open_poll, s, OPENS, question="Admit n1m2?",
                        kind="procedure")
    p = opened.payload["poll"]
    congress(polls.cast, p, "n1m1", choice="yes")
    congress(polls.cast, p, "s1m1", choice="yes")
    congress(polls.close, p, OPENS)
    [decided] = congress(credentials.decide, s, "n1m2", p, "the deadline was met", OPENS)
    assert decided.payload["admitted"] is True
    assert congress.state.sessions[s].credentials.admitted["n1m2"] == decided.payload["mandate"]


def test_credentials_refuse_a_mandate_whose_term_has_run_out(congress: Tree) -> None:
    """No one recorded the expiry, but the commission checks the term: on its last day the
    mandate admits, on the day it ends it does not."""
    s = sitting(congress, ["n1m1", "s1m1"])
    ends = congress.seat("n1m2", "congress").term_ends
    assert ends is not None and congress.seat("n2m1", "congress").term_ends == ends
    last = (date.fromisoformat(ends) - timedelta(days=1)).isoformat()
    congress(sessions.register, s, "n1m2", OPENS)
    [report] = congress(credentials.report, s, last)
    assert list(report.payload["admitted"]) == ["n1m2"]
    congress(sessions.register, s, "n2m1", OPENS)
    [report] = congress(credentials.report, s, ends)
    assert report.payload["admitted"] == {}
    assert re.fullmatch(rf"the term of mandate M\d+ from North ended on {ends} \(charter "
                        r"\[representation\]\.term = \d+ years?\)",
                        report.payload["refused"]["n2m1"])


def test_a_poll_kind_must_be_a_kind_of_decision(congress: Tree) -> None:
    s = sitting(congress)
    refused(congress, "polls: 'nonsense' is not a kind of decision", polls.open_poll, s, OPENS,
            question="Adjourn?", kind="nonsense")


def test_a_delegation_never_casts_more_than_it_carries(tmp_path: Path) -> None:
    """The remainder drawn by lot stays with one delegate all session; a delegate arriving in
    the middle of a poll takes a share of what the delegation has not cast yet."""
    with Organisation.open(f"sqlite:///{tmp_path / 'l.db'}") as org:
        t = delegates(build(org, convention(remainder="lot")))
        s = sitting(t, ["n1m1", "n1m2", *SOUTH])
        [opened] = t(polls.open_poll, s, OPENS, question="Adjourn?", secrecy="named")
        p = opened.payload["poll"]
        [first] = t(polls.cast, p, "n1m1", choice="yes")
        assert first.payload["strength"] == "650"  # 1,300 between two present
        t(sessions.register, s, "n2m1", OPENS)
        t(credentials.report, s, OPENS)
        [late] = t(polls.cast, p, "n2m1", choice="yes")
        assert late.payload["strength"] in ("433", "434")
        [last] = t(polls.cast, p, "n1m2", choice="no")
        cast = [Fraction(e.payload["strength"]) for e in (first, late, last)]
        assert sum(cast) == 1300
