"""Contested mandates at a session (``/api/sessions/{session}/contests``): an admitted
delegate contests another's mandate in their own name; the body votes, and whoever presides
enters its decision as the poll went."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from soviet.api.acting import On, Recorded, day, presiding, recorded, session_of
from soviet.api.auth import Member
from soviet.api.deps import Org
from soviet.api.errors import found
from soviet.rules import credentials

router = APIRouter(tags=["sessions"])


class Contest(BaseModel):
    member: str = Field(max_length=200, description="The delegate whose mandate is contested.")
    grounds: str = Field(max_length=5000)
    on: str | None = On


@router.post("/sessions/{session}/contests", status_code=201)
def contest(session: str, body: Contest, login: Member, org: Org) -> list[Recorded]:
    """Contest a delegate's admitted mandate in the caller's name (an admitted delegate);
    the contested delegate loses their deciding vote until the body decides."""
    when = day(body.on)
    return recorded(org.execute(lambda s: credentials.contest(
        s, session_of(s, session).id, found(s.members, body.member, "member").id,
        login.member, body.grounds, when), login.member))


class Decision(BaseModel):
    poll: str = Field(max_length=200, description="The closed poll on admitting them.")
    reason: str = Field(max_length=5000)
    on: str | None = On


@router.post("/sessions/{session}/contests/{member}/decision", status_code=201)
def decide(session: str, member: str, body: Decision, login: Member, org: Org
           ) -> list[Recorded]:
    """Enter the body's decision on a contested mandate, as its closed poll went (admitted
    if adopted): for those presiding."""
    when = day(body.on)
    return recorded(org.execute(presiding(login.member, session, lambda s: credentials.decide(
        s, session, found(s.members, member, "member").id, body.poll, body.reason, when)),
        login.member))
