"""A session sitting: it opens (not before its day, nor before the pre-congress discussion has run
its course; a body of delegates fixes then the membership its delegations carry), members and
delegates register as they arrive and leave, the agenda is set item by item, and it closes, with
no poll left open.
"""

from __future__ import annotations

from soviet.model.events import (
    AgendaItemAdded,
    AttendanceRegistered,
    DomainEvent,
    ProxyEnded,
    SessionClosed,
    SessionOpened,
)
from soviet.model.sessions import Session
from soviet.model.state import State
from soviet.rules.convocation import session as find_session
from soviet.rules.discussion import long_enough
from soviet.rules.refusal import Refusal, founded
from soviet.rules.strength import fix
from soviet.rules.voters import DELEGATE_BODIES

RULE = "session"


def sitting(state: State, session_id: str, rule: str) -> Session:
    """The session, refused unless it is open and not closed."""
    s = find_session(state, session_id, rule)
    if s.opened is None:
        raise Refusal(rule, f"session {s.id} has not been opened")
    if s.closed is not None:
        raise Refusal(rule, f"session {s.id} closed on {s.closed}")
    return s


def open_session(state: State, session_id: str, on: str) -> list[DomainEvent]:
    founded(state, RULE)
    s = find_session(state, session_id, RULE)
    if s.opened is not None:
        raise Refusal(RULE, f"session {s.id} was already opened on {s.opened}")
    if on < s.opens:
        raise Refusal(RULE, f"session {s.id} is convened for {s.opens}, not {on}")
    long_enough(state, s, on)
    fixed = fix(state, s, on) if state.bodies[s.body].kind in DELEGATE_BODIES else []
    return [SessionOpened(session=s.id, on=on), *fixed]


def close_session(state: State, session_id: str, on: str) -> list[DomainEvent]:
    founded(state, RULE)
    s = sitting(state, session_id, RULE)
    still = [p for p in s.polls if state.polls[p].is_open]
    if still:
        raise Refusal(RULE, f"poll {still[0]} is still open: close it before the session")
    return [SessionClosed(session=s.id, on=on)]


def add_item(state: State, session_id: str, title: str) -> list[DomainEvent]:
    """Put an item on the agenda (numbered in order)."""
    founded(state, RULE)
    s = find_session(state, session_id, RULE)
    if s.closed is not None:
        raise Refusal(RULE, f"session {s.id} closed on {s.closed}")
    if not title.strip():
        raise Refusal(RULE, "an agenda item needs a title")
    return [AgendaItemAdded(session=s.id, item=str(len(s.agenda) + 1), title=title)]


def register(state: State, session_id: str, member: str, on: str, *, present: bool = True
             ) -> list[DomainEvent]:
    """Record an arrival (or, ``present`` false, a departure); a delegate who returns takes
    back the vote they had passed by proxy."""
    founded(state, RULE)
    s = sitting(state, session_id, RULE)
    if member not in state.members:
        raise Refusal(RULE, f"{member} is not known to the organisation")
    if present and member in s.present:
        raise Refusal(RULE, f"{member} is already registered as present")
    if not present and member not in s.present:
        raise Refusal(RULE, f"{member} is not present")
    back = ([ProxyEnded(session=s.id, giver=member, reason="returned", on=on)]
            if present and member in s.proxies else [])
    return [*back, AttendanceRegistered(session=s.id, member=member, present=present, on=on)]
