"""The pages of a sitting: the home page with the tree and the sessions, logging in, a
session (with the chair's console for those presiding and the voting card for delegates), the
projector for the hall, and a poll with its result and published ballots."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from soviet.api.acting import session_of
from soviet.api.auth import Caller
from soviet.api.deps import Org
from soviet.api.errors import found
from soviet.model.sessions import Session
from soviet.model.state import State
from soviet.rules import floor, polls
from soviet.rules.roles import presides, presides_over
from soviet.rules.voters import standing, strengths
from soviet.web.render import page

router = APIRouter(include_in_schema=False)


def roots(state: State) -> list[str]:
    """The bodies at the top of the tree (normally the congress)."""
    return [b.id for b in state.bodies.values() if b.parent is None and b.dissolved is None]


def children(state: State) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for b in state.bodies.values():
        if b.parent is not None and b.dissolved is None:
            out.setdefault(b.parent, []).append(b.id)
    return out


@router.get("/", response_class=HTMLResponse)
def home(request: Request, org: Org, login: Caller) -> HTMLResponse:
    state = org.state()
    sessions = sorted(state.sessions.values(), key=lambda s: (s.closed is not None, s.opens),)
    pending = {s.body for s in state.sessions.values() if s.closed is None}
    convenes = ([b.id for b in state.bodies.values() if b.dissolved is None
                 and b.id not in pending and presides_over(state, b.id, login.member)]
                if login else [])
    return page(request, "home.html", state, login, roots=roots(state),
                children=children(state), sessions=sessions, convenes=convenes)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, org: Org, login: Caller) -> HTMLResponse:
    return page(request, "login.html", org.state(), login)


def sitting_context(state: State, s: Session, member: str | None) -> dict[str, Any]:
    """What the session page shows, and what it lets ``member`` do."""
    all_polls = [state.polls[p] for p in s.polls]
    carries = strengths(state, s, only=member).get(member) if member else None
    return {
        "s": s,
        "body": state.bodies[s.body],
        "presiding": member is not None and presides(state, s, member),
        "why_not": standing(state, s, member) if member else None,
        "carries": carries,
        "open_polls": [p for p in all_polls if p.is_open],
        "closed_polls": [p for p in all_polls if not p.is_open],
        "motions": [state.motions[m] for m in s.motions],
        "queue": floor.queue(s),
        "speech_kinds": floor.KINDS,
        "tally": polls.tally,
    }


@router.get("/sessions/{session}", response_class=HTMLResponse)
def session_page(session: str, request: Request, org: Org, login: Caller) -> HTMLResponse:
    state = org.state()
    s = session_of(state, session)
    return page(request, "session.html", state, login,
                **sitting_context(state, s, login.member if login else None))


@router.get("/sessions/{session}/projector", response_class=HTMLResponse)
def projector(session: str, request: Request, org: Org, login: Caller) -> HTMLResponse:
    state = org.state()
    s = session_of(state, session)
    return page(request, "projector.html", state, login, **sitting_context(state, s, None))


@router.get("/polls/{poll}", response_class=HTMLResponse)
def poll_page(poll: str, request: Request, org: Org, login: Caller) -> HTMLResponse:
    state = org.state()
    p = found(state.polls, poll, "poll")
    return page(request, "poll.html", state, login, p=p, s=state.sessions[p.session],
                tally=polls.tally(p))
