"""What a session leaves behind and what members do between sessions: the minutes (Markdown,
a standalone HTML page, or PDF), the pre-congress discussion's tallies, and recall petitions
(filed and signed in the caller's name, by the recall rules)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from soviet.api.acting import On, Recorded, day, recorded, session_of
from soviet.api.auth import Member
from soviet.api.deps import Org
from soviet.api.errors import found
from soviet.api.ledger import reading
from soviet.api.plain import plain
from soviet.model.state import Petition, State
from soviet.rules import recall
from soviet.service import Organisation
from soviet.service.minutes import minutes_document
from soviet.service.minutes.document import Document
from soviet.service.minutes.html import html_page
from soviet.service.minutes.markdown import markdown
from soviet.service.minutes.pdf import pdf
from soviet.service.queries import discussion_tallies

router = APIRouter(tags=["records"])


def minutes_of(org: Organisation, session: str) -> Document:
    """The minutes of ``session`` as the ledger records it now."""
    state = org.state()
    session_of(state, session)
    with reading(org) as ledger:
        return minutes_document(state, ledger.events(upto=state.seq), session)


class Format(StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"


@router.get("/sessions/{session}/minutes", response_class=Response, responses={200: {
    "content": {"text/markdown": {}, "text/html": {}, "application/pdf": {}}}})
def minutes_view(session: str, org: Org, format: Format = Format.md) -> Response:
    """The minutes of a session, written from the ledger: every decision with the minority's
    position beside it, every entry citing its event. ``format``: md, html or pdf."""
    doc = minutes_of(org, session)
    if format is Format.pdf:
        return Response(pdf(doc), media_type="application/pdf", headers={
            "Content-Disposition": f'inline; filename="minutes-{session}.pdf"'})
    if format is Format.html:
        return Response(html_page(doc), media_type="text/html; charset=utf-8")
    return Response(markdown(doc), media_type="text/markdown; charset=utf-8")


@router.get("/sessions/{session}/discussion")
def discussion_view(session: str, org: Org) -> dict[str, Any]:
    """The pre-congress discussion: the theses, and each body's tally of the votes of the
    units in or below it (a unit's own vote is its tally)."""
    state = org.state()
    s = session_of(state, session)
    return {"theses": [plain(state.theses[t]) for t in s.theses],
            "tallies": plain(discussion_tallies(state, session))}


def petition_view(state: State, p: Petition, on: str) -> dict[str, Any]:
    """A petition, and the signatures it needs on ``on`` while it is open."""
    m = state.mandates[p.mandate]
    needed = recall.threshold(state, m, on) if p.outcome is None and m.live else None
    return {**plain(p), "holder": m.holder, "body": m.body, "electorate": m.electorate,
            "threshold": needed}


@router.get("/petitions")
def petitions(org: Org) -> list[dict[str, Any]]:
    """Every recall petition: the mandate it targets, its signatures, and, while it is open,
    the signatures it needs today."""
    state = org.state()
    today = day(None)
    return [petition_view(state, p, today) for p in state.petitions.values()]


@router.get("/petitions/{petition}")
def petition(petition: str, org: Org) -> dict[str, Any]:
    state = org.state()
    return petition_view(state, found(state.petitions, petition, "petition"), day(None))


class Filing(BaseModel):
    grounds: str = Field(min_length=1, max_length=5000)
    on: str | None = On


@router.post("/mandates/{mandate}/petitions", status_code=201)
def file(mandate: str, body: Filing, login: Member, org: Org) -> list[Recorded]:
    """File a petition to recall a mandate, in the caller's name (their signature is the
    first): refused unless they are of the electorate that gave it."""
    return recorded(org.execute(lambda s: recall.file_petition(
        s, mandate, login.member, body.grounds, day(body.on)), login.member))


class Signing(BaseModel):
    on: str | None = On


@router.post("/petitions/{petition}/signatures", status_code=201)
def sign(petition: str, body: Signing, login: Member, org: Org) -> list[Recorded]:
    """Sign a recall petition in the caller's name; at the charter's threshold the recall
    vote is called."""
    return recorded(org.execute(lambda s: recall.sign_petition(
        s, petition, login.member, day(body.on)), login.member))
