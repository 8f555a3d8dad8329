"""Admission to the federation (the rules of :mod:`soviet.rules.federation`): an
organisation's application, the charter's conditions examined one by one, the admitting body's
vote entered, and the members due to be examined again. Every act is recorded by those who
administer the body the charter names to decide admissions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from soviet.api.acting import On, Recorded, administering, day, recorded
from soviet.api.auth import Member
from soviet.api.deps import Org
from soviet.api.errors import found
from soviet.api.plain import plain
from soviet.model.cases import Application
from soviet.model.state import State
from soviet.rules import federation
from soviet.rules.roles import above
from soviet.service.organisation import Decision

router = APIRouter(tags=["federation"])


def admitting(state: State) -> str:
    """The body that decides admissions: the highest live body of the charter's
    ``[federation].admitted_by`` kind, or the top of the tree when the charter names none (the
    rule then refuses, as this is no federation)."""
    rules = state.rules.federation if state.founded else None
    live = sorted((b for b in state.bodies.values() if b.dissolved is None),
                  key=lambda b: len(above(state, b.id)))
    chosen = next((b for b in live if rules is None or b.kind == rules.admitted_by),
                  live[0] if live else None)
    return "" if chosen is None else chosen.id


def admitting_act(member: str, what: str, decide: Decision) -> Decision:
    """``decide``, for those who administer the admitting body at that moment."""
    return administering(member, admitting, what, decide)


class Applying(BaseModel):
    organisation: str = Field(max_length=500, description="The organisation applying.")
    on: str | None = On


@router.post("/applications", status_code=201)
def apply(spec: Applying, login: Member, org: Org) -> list[Recorded]:
    """Record an organisation's application to join (one pending at a time)."""
    return recorded(org.execute(admitting_act(
        login.member, "an application to join",
        lambda s: federation.apply(s, spec.organisation, day(spec.on))), login.member))


@router.get("/applications")
def applications(org: Org) -> list[dict[str, Any]]:
    """Every application: its findings over every examination, and the decision."""
    return [plain(a) for a in org.state().applications.values()]


@router.get("/applications/due")
def due(org: Org, on: str | None = None) -> list[dict[str, Any]]:
    """The members due to be examined again on ``on`` (today when left out): their conditions
    were last all examined longer ago than the charter's ``[federation].re_examination``."""
    return [plain(a) for a in federation.due(org.state(), day(on))]


def application_of(state: State, application: str) -> Application:
    return found(state.applications, application, "application")


@router.get("/applications/{application}")
def application_view(application: str, org: Org) -> dict[str, Any]:
    """An application, and each of the charter's conditions (numbered from 1) with its latest
    finding (null while not examined)."""
    state = org.state()
    a = application_of(state, application)
    latest = federation.findings(state, a)
    conditions = state.rules.federation.conditions if state.rules.federation else ()
    return {**plain(a), "conditions": [
        {"number": n, "condition": c, "finding": plain(latest.get(n))}
        for n, c in enumerate(conditions, 1)]}


class Examination(BaseModel):
    numbers: list[Annotated[int, Field(ge=1, le=1000)]] = Field(
        min_length=1, max_length=1000, description="The conditions examined, numbered from 1 "
        "in the charter's order.")
    met: bool = Field(description="What was found, for each of them.")
    note: str = Field(default="", max_length=10_000, description="The evidence, for the "
                      "record.")
    on: str | None = On


@router.post("/applications/{application}/findings", status_code=201)
def examine(application: str, spec: Examination, login: Member, org: Org) -> list[Recorded]:
    """Record a finding on each condition named, all or none; a later finding on a condition
    replaces an earlier one."""
    application_of(org.state(), application)  # applications are never removed
    when = day(spec.on)
    return recorded(org.execute(admitting_act(
        login.member, f"examining application {application}",
        lambda s: [e for n in spec.numbers for e in federation.examine(
            s, application, n, spec.met, spec.note, when)]),
        login.member))


class Admission(BaseModel):
    motion: str = Field(max_length=100, description="The admission motion the admitting body "
                        "voted on (e.g. MO7).")
    on: str | None = On


@router.post("/applications/{application}/decision", status_code=201)
def decide(application: str, spec: Admission, login: Member, org: Org) -> list[Recorded]:
    """Enter the admitting body's vote: admitted if the motion was adopted. Every condition
    must have been examined, and found met for an admission."""
    application_of(org.state(), application)
    return recorded(org.execute(admitting_act(
        login.member, f"deciding application {application}",
        lambda s: federation.decide(s, application, spec.motion, day(spec.on))), login.member))
