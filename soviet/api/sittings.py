"""``/api/sessions``: a session as it sits, and the acts of its floor: arrivals registered at
the door, the agenda, requests to speak and the speeches held, motions moved and supported."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from soviet.api.acting import On, Recorded, day, presiding, recorded, session_of
from soviet.api.auth import Member
from soviet.api.deps import Org
from soviet.api.plain import plain
from soviet.rules import floor, motions, sessions
from soviet.rules.voters import strengths

router = APIRouter(tags=["sessions"])


@router.get("/sessions/{session}")
def session_view(session: str, org: Org) -> dict[str, Any]:
    """A session: its agenda, attendance, credentials, motions and polls."""
    return dict(plain(session_of(org.state(), session)))


@router.get("/sessions/{session}/strength")
def strength_view(session: str, org: Org) -> dict[str, str]:
    """The votes each voter present carries now (exact, as text)."""
    state = org.state()
    return {x: str(n) for x, n in strengths(state, session_of(state, session)).items()}


class Attendance(BaseModel):
    member: str
    present: bool = True
    on: str | None = On


@router.post("/sessions/{session}/attendance", status_code=201)
def attend(session: str, body: Attendance, login: Member, org: Org) -> list[Recorded]:
    """Register a member's arrival (or departure) at the door: for those presiding."""
    return recorded(org.execute(presiding(login.member, session, lambda s: sessions.register(
        s, session, body.member, day(body.on), present=body.present)), login.member))


class Item(BaseModel):
    title: str = Field(max_length=500)


@router.post("/sessions/{session}/agenda", status_code=201)
def add_item(session: str, body: Item, login: Member, org: Org) -> list[Recorded]:
    """Put an item on the agenda: for those presiding."""
    return recorded(org.execute(presiding(login.member, session, lambda s: sessions.add_item(
        s, session, body.title)), login.member))


class FloorAsk(BaseModel):
    item: str
    kind: str = Field(default="contribution", description=", ".join(floor.KINDS))


@router.post("/sessions/{session}/floor", status_code=201)
def ask_floor(session: str, body: FloorAsk, login: Member, org: Org) -> list[Recorded]:
    """Ask to speak on an item (the caller, who must be present)."""
    return recorded(org.execute(lambda s: floor.request(s, session, body.item, login.member,
                                                        body.kind), login.member))


class Speech(BaseModel):
    item: str
    speaker: str
    kind: str = "contribution"
    seconds: int = Field(ge=0, le=24 * 3600)
    summary: str = Field(default="", max_length=5000)


@router.post("/sessions/{session}/speeches", status_code=201)
def speech(session: str, body: Speech, login: Member, org: Org) -> list[Recorded]:
    """Record a speech held, the next on the list (cut at the charter's time): for those
    presiding."""
    return recorded(org.execute(presiding(login.member, session, lambda s: floor.hold(
        s, session, body.item, body.speaker, body.kind, body.seconds, body.summary)),
        login.member))


class MotionMoved(BaseModel):
    item: str
    title: str = Field(max_length=500)
    text: str = Field(max_length=50_000)
    kind: str = "ordinary"
    amends: str | None = None
    amended_text: str | None = Field(default=None, max_length=50_000)
    on: str | None = On


@router.post("/sessions/{session}/motions", status_code=201)
def move(session: str, body: MotionMoved, login: Member, org: Org) -> list[Recorded]:
    """Move a motion (or an amendment) in the caller's name."""
    return recorded(org.execute(lambda s: motions.submit(
        s, session, body.item, login.member, body.title, body.text, day(body.on),
        kind=body.kind, amends=body.amends, amended_text=body.amended_text), login.member))


@router.post("/motions/{motion}/support", status_code=201)
def support(motion: str, login: Member, org: Org) -> list[Recorded]:
    """Support a motion in the caller's name (admitted at the charter's number)."""
    return recorded(org.execute(lambda s: motions.support(s, motion, login.member),
                                login.member))
