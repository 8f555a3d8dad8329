"""The control commission's cases (the rules of :mod:`soviet.rules.discipline`): a complaint
filed in the caller's name, both sides heard and the deciding meeting's vote entered by the
commission's members, an appeal by the member concerned, and its outcome entered by those who
administer the body appealed to."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from soviet.api.acting import On, Recorded, administering, day, recorded
from soviet.api.auth import Member
from soviet.api.belonging import checking, must_be, must_sit
from soviet.api.deps import Org
from soviet.api.errors import found
from soviet.api.plain import plain
from soviet.model.cases import Case
from soviet.model.state import State
from soviet.rules import discipline

router = APIRouter(tags=["control commission"])


def case_of(state: State, case: str) -> Case:
    return found(state.cases, case, "case")


class Complaint(BaseModel):
    member: str = Field(max_length=100, description="The member complained of.")
    charges: str = Field(max_length=10_000)
    on: str | None = On


@router.post("/bodies/{body}/cases", status_code=201)
def file(body: str, spec: Complaint, login: Member, org: Org) -> list[Recorded]:
    """File a complaint against a member with the control commission, in the caller's name:
    any member may bring one."""
    return recorded(org.execute(lambda s: discipline.file_case(
        s, found(s.bodies, body, "body").id, spec.member, login.member, spec.charges,
        day(spec.on)), login.member))


@router.get("/cases")
def cases(org: Org) -> list[dict[str, Any]]:
    """Every case: the charges, the hearings, the decision and the appeal."""
    return [plain(c) for c in org.state().cases.values()]


@router.get("/cases/{case}")
def case_view(case: str, org: Org) -> dict[str, Any]:
    return dict(plain(case_of(org.state(), case)))


class Hearing(BaseModel):
    side: str = Field(description=" or ".join(discipline.SIDES))
    speaker: str = Field(max_length=100, description="Who speaks for that side (a member or "
                         "a body).")
    statement: str = Field(max_length=50_000, description="What they said, for the record.")
    on: str | None = On


@router.post("/cases/{case}/hearings", status_code=201)
def hear(case: str, spec: Hearing, login: Member, org: Org) -> list[Recorded]:
    """Record one side's statement (both are heard before the case is decided): for the
    members of the control commission, who hear it."""
    return recorded(org.execute(checking(
        lambda s: must_sit(s, case_of(s, case).commission, login.member, "hearing its cases"),
        lambda s: discipline.hear(s, case, spec.side, spec.speaker, spec.statement,
                                  day(spec.on))), login.member))


Votes = Field(ge=0, le=100_000)


class Verdict(BaseModel):
    penalty: str = Field(max_length=200, description="The penalty voted on, by the charter's "
                         "name (e.g. expulsion).")
    yes: int = Votes
    no: int = Votes
    abstain: int = Field(default=0, ge=0, le=100_000)
    present: int | None = Field(default=None, ge=0, le=100_000, description="Members of the "
                                "deciding meeting present (those who voted when left out).")
    until: str | None = Field(default=None, description="The day a suspension ends, "
                              "YYYY-MM-DD.")
    on: str | None = On


@router.post("/cases/{case}/decision", status_code=201)
def decide(case: str, spec: Verdict, login: Member, org: Org) -> list[Recorded]:
    """Enter the vote of the meeting the charter names for the penalty: carried by the
    charter's majority, the penalty takes effect at once. For the members of the control
    commission, which keeps the case."""
    present = spec.yes + spec.no + spec.abstain if spec.present is None else spec.present
    until = None if spec.until is None else day(spec.until)
    return recorded(org.execute(checking(
        lambda s: must_sit(s, case_of(s, case).commission, login.member,
                           "deciding its cases"),
        lambda s: discipline.decide_case(s, case, spec.penalty, spec.yes, spec.no,
                                         spec.abstain, present, day(spec.on), until=until)),
        login.member))


class Grounds(BaseModel):
    grounds: str = Field(max_length=20_000, description="Why the decision is wrong.")
    on: str | None = On


@router.post("/cases/{case}/appeal", status_code=201)
def appeal(case: str, spec: Grounds, login: Member, org: Org) -> list[Recorded]:
    """Appeal against a penalty, within the charter's time, to the body it names: only the
    member concerned."""
    return recorded(org.execute(checking(
        lambda s: must_be(login.member, [case_of(s, case).member], f"appeal in case {case}"),
        lambda s: discipline.appeal(s, case, spec.grounds, day(spec.on))), login.member))


def appealed_to(state: State, case: str) -> str:
    """The body the case is appealed to (the commission's, before any appeal: the rule then
    refuses)."""
    c = case_of(state, case)
    return c.commission if c.appeal is None else c.appeal.to


class AppealDecision(BaseModel):
    motion: str = Field(max_length=100, description="The motion to reverse the decision, "
                        "voted on by the body appealed to (e.g. MO6).")
    on: str | None = On


@router.post("/cases/{case}/appeal/decision", status_code=201)
def decide_appeal(case: str, spec: AppealDecision, login: Member, org: Org
                  ) -> list[Recorded]:
    """Enter the appeal's outcome: reversed if the motion was adopted (a suspension lifted, an
    expelled member back in their unit), upheld if rejected. For those who administer the body
    appealed to, which voted on it."""
    return recorded(org.execute(administering(
        login.member, lambda s: appealed_to(s, case), f"the appeal in case {case}",
        lambda s: discipline.decide_appeal(s, case, spec.motion, day(spec.on))), login.member))
