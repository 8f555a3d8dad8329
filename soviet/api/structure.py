"""The organisation's shape: the charter amended; bodies set up, moved, merged and dissolved;
the seats each body below a body sends to it recorded. No session's business: each is done by
those who administer the body concerned (:mod:`soviet.rules.roles`), and what concerns the whole
organisation (its charter, its terms) by those who administer the congress at its top."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field

from soviet.api.acting import On, Recorded, administering, day, recorded
from soviet.api.auth import Member
from soviet.api.convening import Day
from soviet.api.deps import Org
from soviet.api.errors import NotFound, found
from soviet.api.plain import plain
from soviet.charter import CharterInvalid, charter_to_json, parse_charter
from soviet.model.state import State
from soviet.rules import apportionment, founding, structure
from soviet.rules.refusal import Refusal
from soviet.rules.roles import RULE
from soviet.service.organisation import Decision

router = APIRouter(tags=["organisation"])

Id = Annotated[str, Field(min_length=1, max_length=100)]
"""The id of a record (a body, a member, a mandate...), as users name it."""


def known(body: str) -> Callable[[State], str]:
    """``body`` for :func:`administering` to check, or a 404 if there is no such body."""
    return lambda state: found(state.bodies, body, "body").id


def congress(state: State) -> str:
    """The body at the top of the tree, to which the charter and acts for the whole
    organisation answer."""
    top = [b.id for b in state.bodies.values() if b.parent is None and b.dissolved is None]
    if not top:
        raise Refusal(RULE, "the organisation has no congress yet, so nobody administers it")
    return top[0]


def administering_all(member: str, bodies: Sequence[str], what: str, decide: Decision
                      ) -> Decision:
    """``decide``, refused unless ``member`` administers every one of ``bodies``."""
    for body in bodies:
        decide = administering(member, known(body), what, decide)
    return decide


@router.get("/charter")
def charter_view(org: Org) -> dict[str, Any]:
    """The charter in force, as the ledger keeps it (fractions as "p/q", periods as text)."""
    state = org.state()
    if state.charter is None:
        raise NotFound("no organisation has been founded, so there is no charter")
    return charter_to_json(state.charter)


class Amendment(BaseModel):
    charter: str = Field(min_length=1, max_length=200_000, description="The whole amended "
                         "charter as TOML, as `soviet charter check` reads a file.")
    decision: int | None = Field(default=None, ge=1, le=2**53, description="The event number "
                                 "of the decision that adopted it.")


@router.post("/charter/amendments", status_code=201)
def amend_charter(body: Amendment, login: Member, org: Org) -> list[Recorded]:
    """Put an amended charter in force from the next act on (the ledger keeps the old one for
    the acts before): for those who administer the congress, whose executive carries out its
    decisions. A charter that cannot be used is a 422 listing every problem, by field path."""
    try:
        charter = charter_to_json(parse_charter(body.charter, "the amended charter"))
    except CharterInvalid as invalid:
        raise HTTPException(422, [{"path": p.path, "message": p.message}
                                  for p in invalid.problems]) from None
    return recorded(org.execute(administering(
        login.member, congress, "amending the charter",
        lambda s: founding.amend(s, charter, body.decision)), login.member))


class NewBody(BaseModel):
    body: Id = Field(description="Its id, which every other act names it by.")
    name: str = Field(min_length=1, max_length=500)
    kind: str = Field(max_length=50, description=", ".join(structure.PARENTS))
    parent: Id | None = Field(default=None, description="The body it sends delegates to (or, "
                              "for a committee, that elects it).")
    scale: str | None = Field(default=None, max_length=100, description="The charter's "
                              "representation scale for its seats above (default: the "
                              "charter's default_scale).")
    on: str | None = On


@router.post("/bodies", status_code=201)
def create_body(spec: NewBody, login: Member, org: Org) -> list[Recorded]:
    """Set up a base unit, council, executive or control commission: for those who administer
    the parent it will stand under. (The congress, the first body, is set up at founding; one
    asked for without a parent is for those who administer the congress, and refused, since
    there is one already.)"""
    when = day(spec.on)
    return recorded(org.execute(administering(
        login.member, congress if spec.parent is None else known(spec.parent),
        f"setting up {spec.body}", lambda s: structure.create_body(
            s, spec.body, spec.name, spec.kind, spec.parent, when, spec.scale)), login.member))


class Move(BaseModel):
    parent: Id = Field(description="The council (or congress) it will stand under.")
    on: str | None = On


@router.post("/bodies/{body}/move", status_code=201)
def move_body(body: str, spec: Move, login: Member, org: Org) -> list[Recorded]:
    """Move a unit or council under another council; the seats between it and its old parent
    end. For those who administer both the body and its new parent, so that no council is
    handed a unit by someone who does not answer for it."""
    when = day(spec.on)
    return recorded(org.execute(administering_all(
        login.member, [body, spec.parent], f"moving {body}",
        lambda s: structure.move_body(s, body, spec.parent, when)), login.member))


class Merger(BaseModel):
    units: list[Id] = Field(min_length=1, max_length=1000, description="The units that merge "
                            "into this one: their members and sitting delegates pass to it.")
    on: str | None = On


@router.post("/bodies/{body}/merge", status_code=201)
def merge_units(body: str, spec: Merger, login: Member, org: Org) -> list[Recorded]:
    """Units of one council merge into this one: for those who administer every unit
    concerned."""
    when = day(spec.on)
    return recorded(org.execute(administering_all(
        login.member, [body, *spec.units], f"merging into {body}",
        lambda s: structure.merge_units(s, spec.units, body, when)), login.member))


@router.post("/bodies/{body}/dissolve", status_code=201)
def dissolve_body(body: str, spec: Day, login: Member, org: Org) -> list[Recorded]:
    """Dissolve a body with no members and no bodies under it; the delegates it elected, and
    everyone sitting in it, lose their seats. For those who administer it."""
    when = day(spec.on)
    return recorded(org.execute(administering(
        login.member, known(body), f"dissolving {body}",
        lambda s: structure.dissolve_body(s, body, when)), login.member))


@router.get("/bodies/{body}/seats")
def seats_view(body: str, org: Org) -> dict[str, Any]:
    """The apportionment of record: the seats each body below sends to this one, the figure
    each was found from, the method and scale."""
    state = org.state()
    found(state.bodies, body, "body")
    return dict(plain(found(state.apportionments, body, "apportionment of seats in")))


@router.post("/bodies/{body}/seats", status_code=201)
def apportion_seats(body: str, spec: Day, login: Member, org: Org) -> list[Recorded]:
    """Record the seats each body below sends to this one, as the charter's scales give them
    on the day (seats beyond them end, if the charter says so); elections then fill them. For
    those who administer the body."""
    when = day(spec.on)
    return recorded(org.execute(administering(
        login.member, known(body), f"apportioning the seats of {body}",
        lambda s: apportionment.apportion_seats(s, body, when)), login.member))
