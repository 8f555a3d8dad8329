"""The page of a body of the tree: its composition as a hemicycle, each seat with the chain of
mandates that gives it legitimacy down to a base unit, its empty seats and the bodies below it.

The seats are placed by parliamentarch's geometry and drawn by the page's own template, so
each seat can carry its holder's name and link to its line in the list of seats."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from parliamentarch import (
    get_nrows_from_nseats,
    get_row_thickness,
    get_seats_centers,
)

from soviet.api.auth import Caller
from soviet.api.deps import Org
from soviet.api.errors import found
from soviet.model.state import Mandate
from soviet.service.queries import Link, Vacancy, chain, sitting, vacancies
from soviet.web.pages import children
from soviet.web.render import page

router = APIRouter(include_in_schema=False)

PALETTE = ("#8c1c13", "#1f5f99", "#2e7d32", "#b26a00", "#6a3d9a", "#00838f", "#ad1457",
           "#5d4037", "#827717", "#37474f")
"""One colour per electorate, in turn; an organisation with more electorates than colours in
one body repeats them, and the legend still names each."""

EMPTY_SEAT = "#d9d9de"

SCALE = 100.0
"""The hemicycle's height in the drawing's units (its width is twice that)."""


@dataclass(frozen=True)
class Seat:
    """One circle: where it is, its colour, its electorate, and the mandate holding it (None
    when the seat is empty)."""

    x: float
    y: float
    colour: str
    electorate: str
    mandate: Mandate | None


@dataclass(frozen=True)
class Delegation:
    """A legend entry: the electorate a body's seats come from, and how many it holds of
    how many it has."""

    electorate: str
    colour: str
    held: int
    seats: int


@dataclass(frozen=True)
class Hemicycle:
    seats: tuple[Seat, ...]
    radius: float
    legend: tuple[Delegation, ...]


def hemicycle(seated: list[Mandate], empty: list[Vacancy]) -> Hemicycle:
    """The body's seats from left to right, grouped by electorate (held, then empty)."""
    electorates = sorted({m.electorate for m in seated} | {v.electorate for v in empty})
    colours = {e: PALETTE[i % len(PALETTE)] for i, e in enumerate(electorates)}
    missing = {v.electorate: v.empty for v in empty}
    order: list[tuple[str, str, Mandate | None]] = []
    legend: list[Delegation] = []
    for e in electorates:
        held = [m for m in seated if m.electorate == e]
        order += [(colours[e], e, m) for m in held]
        order += [(EMPTY_SEAT, e, None)] * missing.get(e, 0)
        legend.append(Delegation(e, colours[e], len(held), len(held) + missing.get(e, 0)))
    if not order:
        return Hemicycle((), 0.0, ())
    centres = get_seats_centers(len(order))
    left_to_right = sorted(centres, key=centres.__getitem__, reverse=True)
    radius = 0.8 * get_row_thickness(get_nrows_from_nseats(len(order))) * SCALE
    seats = tuple(Seat(round(x * SCALE, 2), round((1 - y) * SCALE, 2), *seat)
                  for (x, y), seat in zip(left_to_right, order, strict=True))
    return Hemicycle(seats, round(radius, 2), tuple(legend))


@router.get("/bodies/{body}", response_class=HTMLResponse)
def body_page(body: str, request: Request, org: Org, login: Caller) -> HTMLResponse:
    state = org.state()
    b = found(state.bodies, body, "body")
    seated = sitting(state, body)
    empty = [v for v in vacancies(state) if v.body == body]
    chains: dict[str, list[Link]] = {m.id: chain(state, m.id) for m in seated}
    sends = sorted((state.mandates[x] for (electorate, _), ids in state.sent.items()
                    if electorate == body for x in ids), key=lambda m: (m.body, m.rank, m.id))
    return page(request, "body.html", state, login, b=b, seated=seated, empty=empty,
                chains=chains, diagram=hemicycle(seated, empty), sends=sends,
                members=state.unit_sizes.get(body),
                below=[state.bodies[x] for x in children(state).get(body, [])])
