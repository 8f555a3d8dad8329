"""Motions sent up from below (``/api/submissions``): a unit or council's decision forwarded
to a session of a body above it, for whoever administers the sending body; composites and
referring back, for those presiding at the receiving session; moving one, in the name of a
delegate of a body that sent it; and each with what became of it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from soviet.api.acting import On, Recorded, administering, day, presiding, recorded, session_of
from soviet.api.auth import Member
from soviet.api.deps import Org
from soviet.api.errors import found
from soviet.api.plain import plain
from soviet.model.state import State
from soviet.model.submissions import CONSENTS, Submission
from soviet.rules import submissions

router = APIRouter(tags=["submissions"])

Id = Annotated[str, Field(max_length=200)]


def submission_view(state: State, sub: Submission) -> dict[str, Any]:
    """A submission, the bodies that sent it, and what became of it, in words."""
    return {**plain(sub), "senders": submissions.senders(state, sub),
            "fate": submissions.fate(state, sub.id)}


@router.get("/sessions/{session}/submissions")
def submissions_view(session: str, org: Org, from_body: str | None = None
                     ) -> list[dict[str, Any]]:
    """The motions sent up to a session and the composites made of them, with their fate;
    ``from_body``: only what that body sent, directly or in a composite."""
    state = org.state()
    s = session_of(state, session)
    return [submission_view(state, x) for x in state.submissions.values() if x.session == s.id
            and (from_body is None or from_body in submissions.senders(state, x))]


@router.get("/submissions/{submission}")
def submission(submission: str, org: Org) -> dict[str, Any]:
    state = org.state()
    return submission_view(state, found(state.submissions, submission, "submission"))


class Forwarding(BaseModel):
    from_body: Id = Field(description="The body sending it (e.g. a unit).")
    decision: Id = Field(description="Its own decision it sends up (e.g. MO3).")
    title: str | None = Field(default=None, max_length=500,
                              description="The motion's title (default: the decision's).")
    text: str | None = Field(default=None, max_length=50_000,
                             description="The motion's text (default: the decision as "
                             "amended).")
    on: str | None = On


@router.post("/sessions/{session}/submissions", status_code=201)
def forward(session: str, body: Forwarding, login: Member, org: Org) -> list[Recorded]:
    """Send a body's decision up to a session of a body above it, by the charter's
    ``[convention].motion_deadline``: for whoever administers the sending body (its
    executive, or one above it), as its secretary would send it."""
    when = day(body.on)
    return recorded(org.execute(administering(
        login.member, lambda s: found(s.bodies, body.from_body, "body").id,
        f"sending its decision to {session}",
        lambda s: submissions.forward(s, session_of(s, session).id, body.from_body,
                                      body.decision, when, title=body.title,
                                      text=body.text)), login.member))


class Composite(BaseModel):
    title: str = Field(max_length=500)
    text: str = Field(max_length=50_000)
    replaces: list[Id] = Field(max_length=1000, description="The originals it replaces.")
    consent: dict[Id, Annotated[str, Field(max_length=50)]] = Field(
        max_length=1000, description="original -> " + " or ".join(CONSENTS)
        + " (the committee's decision without that body's consent)")
    by: list[Id] = Field(max_length=1000, description="The members of the standing-orders "
                         "committee that drafted it.")
    on: str | None = On


@router.post("/sessions/{session}/composites", status_code=201)
def composite(session: str, body: Composite, login: Member, org: Org) -> list[Recorded]:
    """Merge motions sent up on one subject into a composite that replaces them, as the
    standing-orders committee drafted it: for those presiding at the receiving session."""
    when = day(body.on)
    return recorded(org.execute(presiding(login.member, session, lambda s: submissions.composite(
        s, session, body.title, body.text, body.replaces, body.consent, body.by, when)),
        login.member))


class Moving(BaseModel):
    item: Id = Field(description="The agenda item it is moved on.")
    on: str | None = On


@router.post("/submissions/{submission}/move", status_code=201)
def move(submission: str, body: Moving, login: Member, org: Org) -> list[Recorded]:
    """Move a submission or composite before its sitting session as a motion, in the
    caller's name (a delegate of a body that sent it)."""
    when = day(body.on)
    return recorded(org.execute(lambda s: submissions.move(
        s, found(s.submissions, submission, "submission").id, body.item, login.member, when),
        login.member))


class ReferringBack(BaseModel):
    reason: str = Field(max_length=5000, description="Why it goes back unheard.")
    on: str | None = On


@router.post("/submissions/{submission}/refer-back", status_code=201)
def refer_back(submission: str, body: ReferringBack, login: Member, org: Org
               ) -> list[Recorded]:
    """Send a submission or composite back unheard to those who sent it, as the sitting
    session decides: for those presiding at it."""
    sub = found(org.state().submissions, submission, "submission")
    when = day(body.on)
    return recorded(org.execute(presiding(login.member, sub.session, lambda s: (
        submissions.refer_back(s, submission, body.reason, when))), login.member))
