"""Convening and opening a session, its theses and credentials, and closing it: acts of the
executive the body elected (see :mod:`soviet.rules.roles`)."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import APIRouter
from pydantic import BaseModel, Field

from soviet.api.acting import On, Recorded, day, presiding, recorded
from soviet.api.auth import Member
from soviet.api.deps import Org
from soviet.model.events import DomainEvent, SealedBallot
from soviet.model.state import State
from soviet.rules import convocation, credentials, discussion, sessions
from soviet.rules.roles import must_preside, presidium

router = APIRouter(tags=["sessions"])


class Convening(BaseModel):
    title: str = Field(max_length=500)
    opens: str = Field(description="The day it opens, YYYY-MM-DD.")
    on: str | None = On


@router.post("/bodies/{body}/sessions", status_code=201)
def convene(body: str, spec: Convening, login: Member, org: Org) -> list[Recorded]:
    """Convene the body's regular session: for the members of the executive it elected."""
    def decide(state: State) -> Sequence[DomainEvent | SealedBallot]:
        must_preside(state, body, login.member, body)
        return convocation.convene(state, body, spec.title, day(spec.opens), day(spec.on))
    return recorded(org.execute(decide, login.member))


class Theses(BaseModel):
    title: str = Field(max_length=500)
    text: str = Field(max_length=100_000)
    on: str | None = On


@router.post("/sessions/{session}/theses", status_code=201)
def theses(session: str, body: Theses, login: Member, org: Org) -> list[Recorded]:
    """Publish the executive's theses for the pre-congress discussion: for those presiding."""
    def decide(state: State) -> Sequence[DomainEvent | SealedBallot]:
        authors = presidium(state, state.sessions[session].body)
        return discussion.publish(state, session, body.title, body.text, authors,
                                  day(body.on))
    return recorded(org.execute(presiding(login.member, session, decide), login.member))


class Day(BaseModel):
    on: str | None = On


@router.post("/sessions/{session}/open", status_code=201)
def open_session(session: str, body: Day, login: Member, org: Org) -> list[Recorded]:
    """Open the session (not before the discussion has run its course): for those presiding."""
    return recorded(org.execute(presiding(login.member, session, lambda s: sessions.open_session(
        s, session, day(body.on))), login.member))


@router.post("/sessions/{session}/credentials", status_code=201)
def credentials_report(session: str, body: Day, login: Member, org: Org) -> list[Recorded]:
    """The credentials commission's report on everyone registered and not yet reported on:
    for those presiding."""
    return recorded(org.execute(presiding(login.member, session, lambda s: credentials.report(
        s, session, day(body.on))), login.member))


@router.post("/sessions/{session}/close", status_code=201)
def close_session(session: str, body: Day, login: Member, org: Org) -> list[Recorded]:
    """Close the session (every poll closed first): for those presiding."""
    return recorded(org.execute(presiding(login.member, session, lambda s: sessions.close_session(
        s, session, day(body.on))), login.member))
