"""Motions from below end to end through the service: two locals adopt motions in their
assemblies and send them to the congress by the charter's deadline; the standing-orders
committee composites them (one body consenting, the other overruled); a delegate of a local
moves the composite, the congress adopts it and it binds the locals; another is referred back;
and each local reads what became of its motion at every step. Then the refusals."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from soviet.rules import (
    convocation,
    credentials,
    decisions,
    discussion,
    motions,
    polls,
    sessions,
    submissions,
)
from soviet.service import Organisation
from tests.rules.sessions import (
    CONVENED,
    DELEGATES,
    OPENS,
    PUBLISHED,
    convention,
    delegates,
)
from tests.rules.tree import Tree, build, refused

MET, DUE, LATE = "2026-02-20", "2026-03-06", "2026-03-07"
"""The locals meet; the last day motions reach the congress (56 days before it opens); a day
too late."""
QUORATE = {"n2": 15, "s1": 20}
"""Members enough for a quorate assembly: 5% of N2's 300 and of S1's 400."""
SHORTER, WEEK = "Shorter hours", "A thirty-two hour week"


@pytest.fixture
def congress(tmp_path: Path) -> Iterator[Tree]:
    with Organisation.open(f"sqlite:///{tmp_path / 'ledger.db'}") as org:
        yield delegates(build(org, convention()))


def convened(t: Tree) -> str:
    """The congress convened and its discussion begun; it has not opened."""
    [c] = t(convocation.convene, "congress", "Fifth Congress", OPENS, CONVENED)
    s = str(c.payload["session"])
    t(discussion.publish, s, "Theses", "We propose ...", ["exec"], PUBLISHED)
    return s


def opened(t: Tree, s: str) -> None:
    """The congress opens with every delegate, all admitted, and one item on its agenda."""
    t(sessions.open_session, s, OPENS)
    for x in DELEGATES:
        t(sessions.register, s, x, OPENS)
    t(credentials.report, s, OPENS)
    t(sessions.add_item, s, "Hours of work")


def decide(t: Tree, unit: str, *votes: tuple[str, str]) -> list[str]:
    """A quorate meeting of ``unit``'s assembly votes on one motion per (title, choice), every
    member present voting ``choice``; the motions, in order."""
    [c] = t(convocation.convene, unit, f"{unit.upper()} general meeting", MET, MET)
    s = c.payload["session"]
    t(sessions.open_session, s, MET)
    present = [f"{unit}m{i}" for i in range(1, QUORATE[unit] + 1)]
    for x in present:
        t(sessions.register, s, x, MET)
    t(sessions.add_item, s, "Motions to the congress")
    moved = []
    for title, choice in votes:
        [m, *_] = t(motions.submit, s, "1", present[0], title, f"{title}, for all.", MET)
        name = str(m.payload["motion"])
        t(motions.support, name, present[1])
        [p] = t(polls.open_poll, s, MET, motion=name, secrecy="named")
        for x in present:
            t(polls.cast, p.payload["poll"], x, choice=choice)
        t(polls.close, p.payload["poll"], MET)
        moved.append(name)
    t(sessions.close_session, s, MET)
    return moved


def test_two_motions_composited_moved_adopted_and_binding_the_locals(congress: Tree) -> None:
    t = congress
    s = convened(t)
    [shorter] = decide(t, "n2", (SHORTER, "yes"))
    [week] = decide(t, "s1", (WEEK, "yes"))
    [sent] = t(submissions.forward, s, "n2", shorter, "2026-03-01")
    assert sent.payload["decision_seq"] == t.state.motions[shorter].decided
    assert (sent.payload["title"], sent.payload["text"]) == (SHORTER, "Shorter hours, for all.")
    su1 = str(sent.payload["submission"])
    [sent] = t(submissions.forward, s, "s1", week, DUE, title="Thirty-two hours",
               text="The federation demands a 32-hour week.")
    su2 = str(sent.payload["submission"])
    assert submissions.fate(t.state, su1) == f"waits to be moved in session {s}"
    # the standing-orders committee: N2 consents, S1 is overruled
    [drafted] = t(submissions.composite, s, "Hours of work", "The federation demands a "
                  "32-hour week and shorter hours for all.", [su1, su2],
                  {su1: "consented", su2: "committee"}, ["n1m4", "s2m2"], "2026-04-20")
    cp = str(drafted.payload["composite"])
    state = t.state
    assert state.submissions[cp].replaces == (su1, su2)
    assert submissions.fate(state, su1) == (
        f"composited into {cp} with its body's consent; {cp} waits to be moved in session "
        f"{s}")
    assert submissions.fate(state, su2) == (
        f"composited into {cp} by the committee's decision, without its body's consent; "
        f"{cp} waits to be moved in session {s}")
    # a delegate of N2 (through the north council) moves it; the congress adopts it
    opened(t, s)
    refused(t, "submissions: s2m1 is not a delegate of N2 or S1: a motion from below is "
            "moved by a delegate of a body that sent it", submissions.move, cp, "1", "s2m1",
            OPENS)
    [submitted, moved] = t(submissions.move, cp, "1", "n2m1", OPENS)
    mo = str(submitted.payload["motion"])
    assert (moved.type, moved.payload) == ("submission.moved", {"submission": cp, "motion": mo})
    assert t.state.motions[mo].text == t.state.submissions[cp].text
    assert submissions.fate(t.state, su2).endswith(
        f"; {cp} moved as {mo}; {mo} is before session {s} (submitted)")
    t(motions.support, mo, "s1m1")
    [p] = t(polls.open_poll, s, OPENS, motion=mo, secrecy="named")
    for x in DELEGATES:
        t(polls.cast, p.payload["poll"], x, choice="yes")
    [closed] = t(polls.close, p.payload["poll"], OPENS)
    assert closed.payload["adopted"] is True
    state = t.state
    assert submissions.fate(state, su1) == (
        f"composited into {cp} with its body's consent; {cp} moved as {mo}; {mo} was adopted "
        f"at event {closed.seq}")
    for unit in ("n2", "s1"):
        assert mo in [m.id for m in decisions.directives(state, unit)]
    refused(t, f"submissions: {su1} is no longer pending: composited into {cp} with its "
            f"body's consent; {cp} moved as {mo}",
            submissions.move, su1, "1", "n2m1", OPENS)


def test_referred_back_with_its_reason(congress: Tree) -> None:
    t = congress
    s = convened(t)
    [shorter] = decide(t, "n2", (SHORTER, "yes"))
    [sent] = t(submissions.forward, s, "n2", shorter, "2026-03-01")
    su = str(sent.payload["submission"])
    refused(t, f"submissions: session {s} has not been opened", submissions.refer_back, su,
            "Out of order.", OPENS)
    opened(t, s)
    refused(t, "submissions: a motion is referred back with the reason",
            submissions.refer_back, su, " ", OPENS)
    [back] = t(submissions.refer_back, su, "The executive negotiates hours this year.", OPENS)
    assert back.type == "submission.referred_back"
    assert submissions.fate(t.state, su) == (
        f"referred back on {OPENS}: The executive negotiates hours this year.")
    refused(t, f"submissions: {su} is no longer pending: referred back on {OPENS}",
            submissions.move, su, "1", "n2m1", OPENS)
    refused(t, f"submissions: {su} is no longer pending: referred back",
            submissions.refer_back, su, "Again.", OPENS)


def test_a_motion_after_the_deadline_is_refused_with_its_clause(congress: Tree) -> None:
    t = congress
    s = convened(t)
    [shorter] = decide(t, "n2", (SHORTER, "yes"))
    e = refused(t, f"submissions: motions to session {s} \\(opening {OPENS}\\) were due by "
                f"{DUE}, not {LATE}", submissions.forward, s, "n2", shorter, LATE)
    assert e.clause == "[convention].motion_deadline = 56 days"
    opened(t, s)
    e = refused(t, f"submissions: session {s} opened on {OPENS}: motions from below reach it "
                "before it opens", submissions.forward, s, "n2", shorter, OPENS)
    assert e.clause == "[convention].motion_deadline = 56 days"


def test_only_a_decision_in_force_of_a_body_below(congress: Tree) -> None:
    t = congress
    s = convened(t)
    shorter, merger = decide(t, "n2", (SHORTER, "yes"), ("Merge with the south", "no"))
    [week] = decide(t, "s1", (WEEK, "yes"))
    refused(t, f"submissions: {merger} is rejected: only a decision in force of N2 is sent up",
            submissions.forward, s, "n2", merger, DUE)
    refused(t, f"submissions: {week} is not a decision of N2: a motion from below carries the "
            "decision of the body that sends it", submissions.forward, s, "n2", week, DUE)
    refused(t, "submissions: there is no body 'n9'", submissions.forward, s, "n9", week, DUE)
    [north] = t(convocation.convene, "north", "North council", OPENS, CONVENED)
    refused(t, "submissions: S1 is not below North: a body sends motions to the bodies above "
            "it", submissions.forward, north.payload["session"], "s1", week, DUE)
    t(submissions.forward, s, "n2", shorter, DUE)
    refused(t, f"submissions: {shorter} was already sent to session {s} as SU1",
            submissions.forward, s, "n2", shorter, DUE)


def test_a_composite_names_its_originals_and_their_consent(congress: Tree) -> None:
    t = congress
    s = convened(t)
    [shorter] = decide(t, "n2", (SHORTER, "yes"))
    [week] = decide(t, "s1", (WEEK, "yes"))
    [a] = t(submissions.forward, s, "n2", shorter, DUE)
    [b] = t(submissions.forward, s, "s1", week, DUE)
    su1, su2 = str(a.payload["submission"]), str(b.payload["submission"])
    both = {su1: "consented", su2: "consented"}

    def drafting(match: str, replaces: list[str], consent: dict[str, str],
                 by: tuple[str, ...] = ("n1m4",)) -> None:
        refused(t, f"submissions: {match}", submissions.composite, s, "Hours", "Shorter.",
                replaces, consent, list(by), DUE)

    drafting("a composite replaces two or more motions sent up to the session, and names "
             "them: 0 named", [], {})
    drafting("a composite replaces two or more", [su1], {su1: "consented"})
    drafting("there is no submission 'SU9'", [su1, "SU9"], {su1: "consented",
                                                             "SU9": "consented"})
    drafting(f"no consent given for {su2}: each original's body consents, or the committee "
             "decides without it", [su1, su2], {su1: "consented"})
    drafting(f"'agreed' for {su2}: the consent is consented or committee", [su1, su2],
             {su1: "consented", su2: "agreed"})
    drafting("a composite names the members of the committee that drafted it", [su1, su2],
             both, ())
    drafting("the committee's members are members of the organisation; not known: n1m9999, x",
             [su1, su2], both, ("n1m9999", "x"))
    [north] = t(convocation.convene, "north", "North council", OPENS, CONVENED)
    [elsewhere] = t(submissions.forward, north.payload["session"], "n2", shorter, DUE)
    su3 = str(elsewhere.payload["submission"])
    drafting(f"{su3} was sent to session {north.payload['session']}, not {s}", [su1, su3],
             {su1: "consented", su3: "consented"})
    [drafted] = t(submissions.composite, s, "Hours", "Shorter.", [su1, su2], both, ["n1m4"],
                  DUE)
    cp = str(drafted.payload["composite"])
    drafting(f"{su1} is no longer pending: composited into {cp}", [su1, su2], both)
    drafting(f"{cp} is itself a composite", [cp, su1], {cp: "consented", su1: "consented"})
