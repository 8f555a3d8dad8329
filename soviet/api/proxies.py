"""Proxies at a session (``/api/sessions/{session}/proxies``): a delegate leaving passes their
vote to another of their delegation present, and may take it back, in their own name."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from soviet.api.acting import On, Recorded, day, recorded, session_of
from soviet.api.auth import Member
from soviet.api.convening import Day
from soviet.api.deps import Org
from soviet.rules import proxies

router = APIRouter(tags=["sessions"])


class Proxy(BaseModel):
    holder: str = Field(max_length=200, description="Who casts the caller's vote: an "
                        "alternate, or another delegate of their delegation, present.")
    on: str | None = On


@router.post("/sessions/{session}/proxies", status_code=201)
def give(session: str, body: Proxy, login: Member, org: Org) -> list[Recorded]:
    """Pass the caller's vote, as they leave, to ``holder`` (as the charter's
    ``[convention].proxies`` and ``proxy_cap`` allow)."""
    when = day(body.on)
    return recorded(org.execute(lambda s: proxies.give(
        s, session_of(s, session).id, login.member, body.holder, when), login.member))


@router.post("/sessions/{session}/proxies/withdraw", status_code=201)
def withdraw(session: str, body: Day, login: Member, org: Org) -> list[Recorded]:
    """End the proxy the caller gave (returning to the session ends it too)."""
    when = day(body.on)
    return recorded(org.execute(lambda s: proxies.withdraw(
        s, session_of(s, session).id, login.member, when), login.member))
