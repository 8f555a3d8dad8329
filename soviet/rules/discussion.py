"""The pre-congress discussion: the executive publishes theses, any group of members
counter-theses; every base unit votes on them before the congress opens, and the tallies add
up by unit and level as they come in. The congress may not open before the discussion has
lasted ``[congress].discussion`` from the first theses published.
"""

from __future__ import annotations

from datetime import date

from soviet.model.events import DomainEvent, ThesesPublished, ThesesVoted
from soviet.model.sessions import Session
from soviet.model.state import State
from soviet.rules.convocation import session as find_session
from soviet.rules.mandates import Ids
from soviet.rules.refusal import Refusal, founded

RULE = "discussion"


def _before_congress(state: State, session_id: str) -> Session:
    s = find_session(state, session_id, RULE)
    if state.bodies[s.body].kind != "congress":
        raise Refusal(RULE, f"session {s.id} is not a congress: theses are discussed before "
                      "a congress")
    if s.opened is not None:
        raise Refusal(RULE, f"the discussion ended when session {s.id} opened on {s.opened}")
    return s


def publish(state: State, session_id: str, title: str, text: str, authors: list[str],
            on: str, *, counter: bool = False) -> list[DomainEvent]:
    """Publish theses (by the executive: ``authors`` names its body) or counter-theses (by
    members in good standing, each named)."""
    founded(state, RULE)
    s = _before_congress(state, session_id)
    if not authors:
        raise Refusal(RULE, "theses need their authors")
    for a in authors:
        body = state.bodies.get(a)
        if counter or body is None:
            m = state.members.get(a)
            if m is None or not m.in_good_standing(on):
                raise Refusal(RULE, f"{a} is not a member in good standing: counter-theses are "
                              "published by members")
        elif body.kind != "executive":
            raise Refusal(RULE, f"{body.name} is not an executive: the executive publishes the "
                          "theses, members the counter-theses")
    if not text.strip():
        raise Refusal(RULE, "theses need a text")
    return [ThesesPublished(theses=Ids(state).next("T"), session=s.id, title=title, text=text,
                            authors=list(authors), counter=counter, on=on)]


def vote(state: State, session_id: str, unit: str, votes: dict[str, int], abstain: int,
         on: str) -> list[DomainEvent]:
    """Record a base unit's vote on the theses: votes for each, and abstentions."""
    founded(state, RULE)
    s = _before_congress(state, session_id)
    u = state.bodies.get(unit)
    if u is None or u.kind != "unit_assembly" or u.dissolved is not None:
        raise Refusal(RULE, f"{unit} is not a live base unit: base units vote on the theses")
    if (s.id, unit) in state.theses_votes:
        raise Refusal(RULE, f"{u.name} has already voted on the theses of session {s.id}")
    unknown = sorted(set(votes) - set(s.theses))
    if unknown:
        raise Refusal(RULE, f"no theses {', '.join(unknown)} in the discussion of {s.id}")
    if any(v < 0 for v in votes.values()) or abstain < 0:
        raise Refusal(RULE, "votes cannot be negative")
    members = state.members_in_good_standing(unit, on)
    if sum(votes.values()) + abstain > members:
        raise Refusal(RULE, f"{sum(votes.values()) + abstain} votes from {u.name}, which has "
                      f"{members} members in good standing")
    return [ThesesVoted(session=s.id, unit=unit, votes=dict(votes), abstain=abstain, on=on)]


def long_enough(state: State, s: Session, on: str) -> None:
    """Refuse to open a regular congress before its discussion has lasted the charter's
    minimum since the first theses were published."""
    minimum = state.rules.congress.discussion
    if minimum is None or s.kind != "regular" or state.bodies[s.body].kind != "congress":
        return
    clause = state.rules.cite("congress.discussion")
    if not s.theses:
        raise Refusal(RULE, f"no theses have been published for session {s.id}: the "
                      "pre-congress discussion has not begun", clause)
    began = state.theses[s.theses[0]].on
    ends = minimum.after(date.fromisoformat(began)).isoformat()
    if on < ends:
        raise Refusal(RULE, f"the discussion began on {began} and lasts until {ends}: the "
                      f"congress cannot open on {on}", clause)
