"""Who sits where, as ``soviet sits``, ``vacancies`` and ``representation`` show it: the
delegates in a body (now or on a past day), the seats its electorates have not filled, and each
sending unit's seats against its fair share. Read from the state at the ledger's head by the
queries the CLI asks (:mod:`soviet.service.queries`); open to anyone, as the tree is."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from soviet.api.acting import day
from soviet.api.deps import Org
from soviet.api.errors import found
from soviet.api.plain import plain
from soviet.service.queries import Share, Vacancy, representation, sitting, vacancies, waiting

router = APIRouter(tags=["organisation"])


@router.get("/bodies/{body}/sitting")
def sitting_view(body: str, org: Org, on: str | None = None) -> dict[str, Any]:
    """The delegates sitting in a body, by electorate: now, with the alternates waiting for a
    seat; or on the day ``on`` (YYYY-MM-DD), as the ledger had it then."""
    state = org.state()
    found(state.bodies, body, "body")
    when = None if on is None else day(on)
    seats: dict[str, Any] = {"body": body, "on": when,
                             "sitting": [plain(m) for m in sitting(state, body, when)]}
    return seats if when is not None else {**seats, "alternates": plain(waiting(state, body))}


def _vacancy(v: Vacancy) -> dict[str, Any]:
    return {**plain(v), "vacant": v.empty}


@router.get("/vacancies")
def vacancies_view(org: Org) -> list[dict[str, Any]]:
    """Every electorate holding fewer seats than it has in a body above it, by body, with the
    by-election pending to fill them, if one is."""
    return [_vacancy(v) for v in vacancies(org.state())]


@router.get("/bodies/{body}/vacancies")
def body_vacancies_view(body: str, org: Org) -> list[dict[str, Any]]:
    """The seats in a body its electorates have not filled."""
    state = org.state()
    found(state.bodies, body, "body")
    return [_vacancy(v) for v in vacancies(state) if v.body == body]


def _share(s: Share) -> dict[str, Any]:
    """A unit's share, its exact figures as text (``"13/3"``)."""
    return {**plain(s), "deviation": str(s.deviation),
            "ratio": None if s.ratio is None else str(s.ratio)}


@router.get("/bodies/{body}/representation")
def representation_view(body: str, org: Org) -> list[dict[str, Any]]:
    """Each body sending delegates to this one: the basis its seats were found from, the
    seats apportioned and held, its fair share of the seats (basis x seats / total basis)
    and how far the seats held are above (+) or below (-) it. A 404 until seats have been
    apportioned."""
    state = org.state()
    found(state.bodies, body, "body")
    found(state.apportionments, body, "apportionment of seats in")
    return [_share(s) for s in representation(state, body)]
