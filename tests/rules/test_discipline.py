"""The control commission and the federation: an expulsion that ends mandates and is reversed
on appeal, a removal from the executive by a joint meeting, and an admission examined condition
by condition."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from soviet.rules import discipline, federation
from soviet.service import Organisation
from tests.rules.sessions import DELEGATES, NORTH, OPENS, SOUTH, convention, delegates, sitting
from tests.rules.test_executive import carried
from tests.rules.tree import Tree, build, refused

LATER = "2026-06-01"


@pytest.fixture
def congress(tmp_path: Path) -> Iterator[Tree]:
    with Organisation.open(f"sqlite:///{tmp_path / 'ledger.db'}") as org:
        t = delegates(build(org, convention()))
        t.elect("congress", "exec", NORTH)
        t.elect("congress", "cc", SOUTH)
        yield t


def case(tree: Tree, member: str, heard: bool = True) -> str:
    [filed] = tree(discipline.file_case, "cc", member, "s3m9", "Strike-breaking.", OPENS)
    c = str(filed.payload["case"])
    tree(discipline.hear, c, "complaint", "s3m9", "He crossed the picket line.", OPENS)
    if heard:
        tree(discipline.hear, c, "defence", member, "I did not.", OPENS)
    return c


def test_an_expulsion_ends_mandates_and_the_congress_reverses_it(congress: Tree) -> None:
    t = congress
    c = case(t, "n2m1", heard=False)
    refused(t, f"discipline: the defence of case {c} has not been heard", discipline.decide_case,
            c, "expulsion", 2, 0, 0, 2, OPENS)
    t(discipline.hear, c, "defence", "n2m1", "I did not.", OPENS)
    refused(t, "discipline: 3 voting, 3 present: the meeting of control_commission has 2 seats",
            discipline.decide_case, c, "expulsion", 3, 0, 0, 3, OPENS)
    events = t(discipline.decide_case, c, "expulsion", 2, 0, 0, 2, OPENS)
    decided = events[0]
    assert decided.payload["adopted"] is True
    assert decided.payload["sentence"] == "adopted: 2 for of 2 seats, at least 4/5 (1 3/5) required"
    ended = {t.state.mandates[e.payload["mandate"]].body: e.payload["reason"]
             for e in events if e.type == "mandate.ended"}
    assert ended == {"north": "left", "congress": "left", "exec": "cascade"}
    assert t.state.members["n2m1"].left == OPENS
    # the appeal, to the congress, within 60 days
    refused(t, "discipline: the appeal was due by 2026-06-30", discipline.appeal, c, "Unjust.",
            "2026-07-01")
    [appealed] = t(discipline.appeal, c, "The evidence was mistaken.", LATER)
    assert appealed.payload["to"] == "congress"
    s = sitting(t, [x for x in DELEGATES if x != "n2m1"])
    other = carried(t, s, "s1m1", "s2m1", {x: "yes" for x in DELEGATES if x != "n2m1"},
                    title="Reverse the decision in case C12")
    refused(t, f"discipline: {other} is not a motion on the appeal in case {c}",
            discipline.decide_appeal, c, other, LATER)
    m = carried(t, s, "s1m1", "s2m1", {x: "yes" for x in DELEGATES if x != "n2m1"},
                title=f"Reverse the decision in case {c}")
    [decided_appeal, rejoined] = t(discipline.decide_appeal, c, m, LATER)
    assert decided_appeal.payload["reversed"] is True
    assert rejoined.type == "members.joined"
    member = t.state.members["n2m1"]
    assert member.left is None and member.unit == "n2"
    assert "n2m1" not in t.seats("north")  # the seat was not given back: it was filled


def test_removal_from_the_executive_by_a_joint_meeting(congress: Tree) -> None:
    """Executive (3) and commission (2) sit together: at least 2/3 of those present."""
    c = case(congress, "n1m2")
    [decided, *rest] = congress(discipline.decide_case, c, "removal from the executive", 3, 2,
                                0, 5, OPENS)
    assert decided.payload["adopted"] is False  # 3 of 5 is less than two thirds
    assert rest == []
    c2 = case(congress, "n1m2")
    events = congress(discipline.decide_case, c2, "removal from the executive", 4, 1, 0, 5,
                      OPENS)
    assert events[0].payload["adopted"] is True
    assert [e.payload["reason"] for e in events if e.type == "mandate.ended"] == ["removed"]
    assert congress.seats("exec") == ["n1m1", "n2m1"]
    assert "n1m2" in congress.seats("congress")  # the delegate seat stays


def test_penalty_refusals(congress: Tree) -> None:
    refused(congress, "discipline: nobody9 is neither a member nor a body",
            discipline.file_case, "cc", "s3m5", "nobody9", "X.", OPENS)
    c = case(congress, "s3m5")
    e = refused(congress, "discipline: 'exile' is not a penalty of the charter",
                discipline.decide_case, c, "exile", 2, 0, 0, 2, OPENS)
    assert e.clause is not None and e.clause.startswith("[discipline].penalties")
    e = refused(congress, "discipline: a suspension runs until a day no later than 2027-05-01",
                discipline.decide_case, c, "suspension", 2, 0, 0, 2, OPENS, until="2028-01-01")
    assert e.clause == "[discipline.penalties[5]].max_duration = 1 year"
    refused(congress, "discipline: s3m5 holds no office a removal from office removes from",
            discipline.decide_case, c, "removal from office", 2, 0, 0, 2, OPENS)
    congress(discipline.decide_case, c, "warning", 1, 1, 0, 2, OPENS)  # 1 of 2: rejected
    refused(congress, f"discipline: case {c} imposed no penalty to appeal against",
            discipline.appeal, c, "x", OPENS)


def test_admission_examined_condition_by_condition(congress: Tree) -> None:
    t = congress
    [applied] = t(federation.apply, "Dockers' Union", OPENS)
    a = applied.payload["application"]
    refused(t, "federation: Dockers' Union has application", federation.apply,
            "Dockers' Union", OPENS)
    e = refused(t, "federation: the charter has conditions 1 to 8, not 9", federation.examine,
                a, 9, True, "", OPENS)
    assert e.clause is not None and e.clause.startswith("[federation].conditions")
    for n in range(1, 8):
        t(federation.examine, a, n, n != 4, "180 paying members" if n == 4 else "", OPENS)
    s = sitting(t)
    m = carried(t, s, "n1m1", "s1m1", dict.fromkeys(DELEGATES, "yes"), kind="admission",
                title="Admit the Dockers' Union")
    refused(t, "federation: condition\\(s\\) 8 not yet examined", federation.decide, a, m,
            OPENS)
    t(federation.examine, a, 8, True, "", OPENS)
    refused(t, "federation: condition\\(s\\) 4 found not met", federation.decide, a, m, OPENS)
    t(federation.examine, a, 4, True, "210 paying members after the spring drive", OPENS)
    [decided] = t(federation.decide, a, m, OPENS)
    assert decided.payload["admitted"] is True
    assert federation.due(t.state, "2029-04-30") == []
    assert [x.id for x in federation.due(t.state, "2029-05-01")] == [a]
    t(federation.examine, a, 4, True, "240 paying members", "2029-05-01")
    assert federation.due(t.state, "2029-05-02")[0].id == a  # one condition is not all
