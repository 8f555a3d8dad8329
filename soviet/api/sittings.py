"""``/api/sessions`` and ``/api/polls``: a session as it sits, its polls, and the acts of the
floor a delegate's phone performs: arriving, leaving, voting."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field

from soviet.api.deps import Org
from soviet.api.errors import NotFound
from soviet.api.plain import plain
from soviet.ledger import Event
from soviet.model.events import decode
from soviet.model.state import State
from soviet.rules import polls, sessions
from soviet.rules.voters import strengths

router = APIRouter(tags=["sessions"])


class Recorded(BaseModel):
    """An event a command recorded."""

    seq: int
    type: str
    payload: dict[str, Any]


def recorded(events: list[Event]) -> list[Recorded]:
    return [Recorded(seq=e.seq, type=e.type, payload=plain(decode(e.type, e.payload_json)))
            for e in events]


def _session(state: State, session: str) -> Any:
    s = state.sessions.get(session)
    if s is None:
        raise NotFound(f"there is no session {session!r}")
    return s


@router.get("/sessions/{session}")
def session_view(session: str, org: Org) -> dict[str, Any]:
    """A session: its agenda, attendance, credentials, motions and polls."""
    return dict(plain(_session(org.state(), session)))


@router.get("/sessions/{session}/strength")
def strength_view(session: str, org: Org) -> dict[str, str]:
    """The votes each voter present carries now (exact, as text)."""
    state = org.state()
    return {x: str(n) for x, n in strengths(state, _session(state, session)).items()}


class Attendance(BaseModel):
    member: str
    present: bool = True
    on: str = Field(description="The day, YYYY-MM-DD.")


@router.post("/sessions/{session}/attendance", status_code=201)
def attend(session: str, body: Attendance, org: Org) -> list[Recorded]:
    """A member arrives (or leaves)."""
    return recorded(org.execute(lambda s: sessions.register(s, session, body.member, body.on,
                                                            present=body.present)))


@router.get("/polls/{poll}")
def poll_view(poll: str, org: Org) -> dict[str, Any]:
    """A poll: its votes cast (never a secret ballot's choice), counts, tally and outcome."""
    state = org.state()
    p = state.polls.get(poll)
    if p is None:
        raise NotFound(f"there is no poll {poll!r}")
    return {**plain(p), "tally": plain(polls.tally(p))}


class Ballot(BaseModel):
    """A vote: a ``choice`` (all the votes the voter carries), or ``parts`` of a split vote;
    ``proxy_for`` an absent delegate whose proxy the voter holds; ``whole`` a chair casting
    their delegation's whole strength in a card vote. A secret ballot gives neither."""

    voter: str
    choice: str | None = None
    parts: dict[str, str] | None = Field(default=None, description="choice -> votes, e.g. "
                                         '{"yes": "400", "no": "200/3"}')
    proxy_for: str | None = None
    whole: bool = False


@router.post("/polls/{poll}/votes", status_code=201)
def vote(poll: str, ballot: Ballot, org: Org) -> list[Recorded]:
    """Cast a vote; refused (409) with the rule and clause if the voter may not."""
    try:
        parts = (None if ballot.parts is None
                 else {c: Fraction(v) for c, v in ballot.parts.items()})
    except ValueError:
        raise HTTPException(422, "parts: each figure is a whole number or a fraction such as "
                            "200/3") from None
    return recorded(org.execute(lambda s: polls.cast(
        s, poll, ballot.voter, choice=ballot.choice, parts=parts, proxy_for=ballot.proxy_for,
        whole=ballot.whole)))


class Closing(BaseModel):
    on: str = Field(description="The day, YYYY-MM-DD.")


@router.post("/polls/{poll}/close", status_code=201)
def close(poll: str, body: Closing, org: Org) -> list[Recorded]:
    """Close a poll: the result under the charter's majority, with its sentence and clause."""
    return recorded(org.execute(lambda s: polls.close(s, poll, body.on)))
