"""Decisions: an adopted motion binds the minority and every body below the body that took
it (a directive to them); the minority may have its position recorded beside it in the
minutes ("both positions recorded"); a decision of a lower body that contradicts a directive
is annulled by a motion to annul in the higher body (see :mod:`soviet.rules.polls`).
"""

from __future__ import annotations

from soviet.model.events import DissentRecorded, DomainEvent
from soviet.model.sessions import Motion
from soviet.model.state import State
from soviet.rules.motions import find
from soviet.rules.refusal import Refusal, founded

RULE = "decisions"


def record_dissent(state: State, motion: str, by: list[str], statement: str, on: str
                   ) -> list[DomainEvent]:
    """Record the minority's position on an adopted motion. ``by`` are members who took part
    in the session; in a roll call, each must have voted against or abstained."""
    founded(state, RULE)
    m = find(state, motion)
    if m.status != "adopted":
        raise Refusal(RULE, f"{m.id} is {m.status}: a minority position is recorded beside an "
                      "adopted decision")
    if not by:
        raise Refusal(RULE, "a minority position names who holds it")
    if not statement.strip():
        raise Refusal(RULE, "a minority position needs its statement")
    session = state.sessions[m.session]
    poll = state.polls[m.polls[-1]]
    for x in by:
        if x not in session.registered:
            raise Refusal(RULE, f"{x} did not take part in session {session.id}")
        vote = poll.cast.get(x)
        against = vote is not None and any(vote.parts.get(c) for c in ("no", "abstain"))
        if poll.secrecy == "named" and not against:
            raise Refusal(RULE, f"{x} did not vote against {m.id} nor abstain in the roll call "
                          f"({poll.id})")
    return [DissentRecorded(motion=m.id, by=list(by), statement=statement, on=on)]


def directives(state: State, body: str) -> list[Motion]:
    """The decisions in force that bind ``body``: those of every body above it, nearest
    first, each in the order taken."""
    above: list[str] = []
    parent = state.bodies[body].parent
    while parent is not None:
        above.append(parent)
        parent = state.bodies[parent].parent
    rank = {b: i for i, b in enumerate(above)}
    found = [m for m in state.motions.values() if m.body in rank and m.in_force
             and m.amends is None]
    return sorted(found, key=lambda m: (rank[m.body], m.decided or 0))
