"""The pages of what a session leaves behind and what members do between sessions: the
minutes with every decision and its minority positions, the pre-congress discussion with its
tallies by unit and level as they come in, and recall petitions to sign or file."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from soviet.api.acting import day, session_of
from soviet.api.auth import Caller
from soviet.api.deps import Org
from soviet.api.records import minutes_of
from soviet.model.state import Mandate, State
from soviet.rules import recall
from soviet.rules.refusal import Refusal
from soviet.service.queries import Tally, discussion_tallies
from soviet.web.pages import children, roots
from soviet.web.render import page

router = APIRouter(include_in_schema=False)


@router.get("/sessions/{session}/minutes", response_class=HTMLResponse)
def minutes_page(session: str, request: Request, org: Org, login: Caller) -> HTMLResponse:
    state = org.state()
    s = session_of(state, session)
    decided = [state.motions[m] for m in s.motions if state.motions[m].decided is not None]
    whole = "part" not in request.query_params  # a live refresh needs only the decisions
    return page(request, "minutes.html", state, login, s=s, decided=decided,
                doc=minutes_of(org, session) if whole else None)


@dataclass(frozen=True)
class Level:
    """A row of the tallies: a body, how deep it is in the tree, and its units' votes."""

    body: str
    depth: int
    tally: Tally


def levels(state: State, tallies: dict[str, Tally]) -> list[Level]:
    """The bodies with a tally, each above the bodies below it (the tree walked depth first)."""
    below = children(state)
    out: list[Level] = []

    def walk(body: str, depth: int) -> None:
        if body in tallies:
            out.append(Level(body, depth, tallies[body]))
        for child in below.get(body, []):
            walk(child, depth + 1)

    for top in roots(state):
        walk(top, 0)
    return out


@router.get("/sessions/{session}/discussion", response_class=HTMLResponse)
def discussion_page(session: str, request: Request, org: Org, login: Caller) -> HTMLResponse:
    state = org.state()
    s = session_of(state, session)
    return page(request, "discussion.html", state, login, s=s,
                theses=[state.theses[t] for t in s.theses],
                levels=levels(state, discussion_tallies(state, session)))


def may_petition(state: State, member: str, on: str) -> list[Mandate]:
    """The live delegate mandates ``member`` is of the electorate of, by the recall rule's own
    test, so the form offers only what the rule would accept."""
    out = []
    for m in state.mandates.values():
        if m.live and m.role == "delegate":
            try:
                recall.in_electorate(state, m, member, on)
            except Refusal:
                continue
            out.append(m)
    return out


@router.get("/recall", response_class=HTMLResponse)
def recall_page(request: Request, org: Org, login: Caller) -> HTMLResponse:
    state = org.state()
    today = day(None)
    petitions = sorted(state.petitions.values(), key=lambda p: -p.seq)
    open_ = [p for p in petitions if p.outcome is None and state.mandates[p.mandate].live]
    return page(request, "recall.html", state, login, today=today, open_petitions=open_,
                closed=[p for p in petitions if p.outcome is not None
                        or not state.mandates[p.mandate].live],
                needed={p.id: recall.threshold(state, state.mandates[p.mandate], today)
                        for p in open_},
                mandates=may_petition(state, login.member, today) if login else [],
                chosen=request.query_params.get("mandate"))
