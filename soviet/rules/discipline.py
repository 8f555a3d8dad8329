"""The control commission's cases: a complaint is filed against a member, both sides are heard
and recorded, and the penalty is voted by the meeting the charter names for it (the commission
alone, or jointly with the executive and its candidate members) under that penalty's majority.
Penalties take effect in the same act: a removal ends the offices it names, a suspension or an
expulsion ends membership rights and every mandate, with the cascade. The member may appeal to
``[discipline].appeal_to`` within ``appeal_within``; if that body reverses the decision, a
suspension is lifted and an expelled member is readmitted to their unit (mandates that ended
stay ended: their seats were filled).
"""

from __future__ import annotations

import re
from datetime import date

from soviet.charter.sections import Penalty
from soviet.counting.motion import Tally, decide
from soviet.model.cases import Case
from soviet.model.events import (
    AppealDecided,
    CaseAppealed,
    CaseDecided,
    CaseFiled,
    CaseHeard,
    DomainEvent,
    MembersJoined,
    OfficeEnded,
)
from soviet.model.state import State
from soviet.rules.mandates import Ids, end_mandates
from soviet.rules.membership import leave, reinstate, suspend
from soviet.rules.refusal import Refusal, founded, known
from soviet.rules.structure import live_body

RULE = "discipline"
SIDES = ("complaint", "defence")


def _case(state: State, case: str) -> Case:
    return known(state.cases, case, RULE, "case")


def file_case(state: State, commission: str, member: str, by: str, charges: str, on: str
              ) -> list[DomainEvent]:
    founded(state, RULE)
    body = live_body(state, commission, RULE)
    if body.kind != "control_commission":
        raise Refusal(RULE, f"{body.name} is not a control commission")
    m = state.members.get(member)
    if m is None or m.left is not None:
        raise Refusal(RULE, f"{member} is not a member")
    if not charges.strip():
        raise Refusal(RULE, "a case states its charges")
    _known(state, by)
    return [CaseFiled(case=Ids(state).next("C"), commission=body.id, member=member, by=by,
                      charges=charges, on=on)]


def hear(state: State, case: str, side: str, speaker: str, statement: str, on: str
         ) -> list[DomainEvent]:
    founded(state, RULE)
    c = _case(state, case)
    if c.verdict is not None:
        raise Refusal(RULE, f"case {c.id} was decided on {c.verdict.on}")
    if side not in SIDES:
        raise Refusal(RULE, f"{side!r} is not a side: {', '.join(SIDES)}")
    _known(state, speaker)
    return [CaseHeard(case=c.id, side=side, speaker=speaker, statement=statement, on=on)]


def _known(state: State, who: str) -> None:
    """A complainant or speaker is a member or a body of the organisation."""
    if who not in state.members and who not in state.bodies:
        raise Refusal(RULE, f"{who} is neither a member nor a body of the organisation")


def _penalty(state: State, name: str) -> tuple[int, Penalty]:
    """The penalty named, with its number in the charter's list (from 1, as cited)."""
    rules = state.rules.discipline
    if rules is None:
        raise Refusal(RULE, "the charter sets no penalties")
    for i, p in enumerate(rules.penalties, 1):
        if p.name == name:
            return i, p
    raise Refusal(RULE, f"{name!r} is not a penalty of the charter",
                  state.rules.cite("discipline.penalties"))


def meeting(state: State, c: Case, penalty: Penalty) -> int:
    """Seats at the meeting that decides ``penalty``: the sitting members of the bodies of
    each kind it names beside the commission (with the executive's candidate members if the
    charter says so)."""
    parent = state.bodies[c.commission].parent
    bodies = [b for b in state.bodies.values() if b.parent == parent
              and b.kind in penalty.decided_by and b.dissolved is None]
    seats = sum(len(state.seated.get(b.id, ())) for b in bodies)
    if penalty.with_candidates and parent is not None:
        seats += sum(1 for b in bodies if b.kind == "executive"
                     for _ in state.alternates(parent, b.id))
    return seats


def decide_case(state: State, case: str, penalty: str, yes: int, no: int, abstain: int,
                present: int, on: str, *, until: str | None = None) -> list[DomainEvent]:
    """Record the meeting's vote on ``penalty``; if carried, the penalty takes effect."""
    founded(state, RULE)
    c = _case(state, case)
    if c.verdict is not None:
        raise Refusal(RULE, f"case {c.id} was decided on {c.verdict.on}")
    heard = {h.side for h in c.hearings}
    if heard != set(SIDES):
        missing = " and ".join(s for s in SIDES if s not in heard)
        raise Refusal(RULE, f"the {missing} of case {c.id} has not been heard: both sides are "
                      "heard before a case is decided")
    i, p = _penalty(state, penalty)
    seats = meeting(state, c, p)
    if not yes + no + abstain <= present <= seats:
        raise Refusal(RULE, f"{yes + no + abstain} voting, {present} present: the meeting of "
                      f"{' and '.join(p.decided_by)} has {seats} seats",
                      state.rules.cite(f"discipline.penalties[{i}].decided_by"))
    if p.effect == "suspension":
        _within(state, i, p, on, until)
    d = decide(Tally(yes, no, abstain), p.majority.rule(), present, seats)
    events: list[DomainEvent] = [CaseDecided(
        case=c.id, penalty=p.name, yes=yes, no=no, abstain=abstain, present=present,
        seats=seats, adopted=d.adopted, sentence=d.sentence,
        clause=state.rules.cite(f"discipline.penalties[{i}].majority"), on=on, until=until)]
    if d.adopted:
        events += _effect(state, c, p, on, until)
    return events


def _within(state: State, i: int, p: Penalty, on: str, until: str | None) -> None:
    if p.max_duration is None:
        return
    latest = p.max_duration.after(date.fromisoformat(on)).isoformat()
    if until is None or until > latest:
        raise Refusal(RULE, f"a {p.name} runs until a day no later than {latest}",
                      state.rules.cite(f"discipline.penalties[{i}].max_duration"))


def _effect(state: State, c: Case, p: Penalty, on: str, until: str | None
            ) -> list[DomainEvent]:
    reason = f"{p.name} (case {c.id})"
    if p.effect == "suspension":
        return suspend(state, c.member, on, until, reason)
    if p.effect == "expulsion":
        return leave(state, c.member, on, "expelled")
    if p.effect != "removal":
        return []
    held = sorted(x for x in state.held_by.get(c.member, ())
                  if p.office is None or state.bodies[state.mandates[x].body].kind == p.office)
    offices = [] if p.office not in (None, "executive") else [
        OfficeEnded(office=o.id, reason="removed", on=on)
        for o in state.offices.values() if o.holder == c.member and o.ended is None]
    if not held and not offices:
        raise Refusal(RULE, f"{c.member} holds no office a {p.name} removes from")
    return [*offices, *end_mandates(state, held, "removed", on)]


def appeal(state: State, case: str, grounds: str, on: str) -> list[DomainEvent]:
    founded(state, RULE)
    c = _case(state, case)
    rules = state.rules.discipline
    assert rules is not None
    if c.verdict is None or not c.verdict.adopted:
        raise Refusal(RULE, f"case {c.id} imposed no penalty to appeal against")
    if c.appeal is not None:
        raise Refusal(RULE, f"case {c.id} was already appealed on {c.appeal.on}")
    if rules.appeal_within is not None:
        last = rules.appeal_within.after(date.fromisoformat(c.verdict.on)).isoformat()
        if on > last:
            raise Refusal(RULE, f"the appeal was due by {last}",
                          state.rules.cite("discipline.appeal_within"))
    to = _appeal_body(state, c)
    return [CaseAppealed(case=c.id, to=to, grounds=grounds, on=on)]


def _appeal_body(state: State, c: Case) -> str:
    kind = state.rules.discipline.appeal_to if state.rules.discipline else "congress"
    body: str | None = c.commission
    while body is not None:
        if state.bodies[body].kind == kind:
            return body
        body = state.bodies[body].parent
    raise Refusal(RULE, f"no {kind} above {c.commission} to appeal to",
                  state.rules.cite("discipline.appeal_to"))


def decide_appeal(state: State, case: str, motion: str, on: str) -> list[DomainEvent]:
    """Record the appeal body's vote on the motion to reverse the decision."""
    founded(state, RULE)
    c = _case(state, case)
    if c.appeal is None or c.appeal.reversed is not None:
        raise Refusal(RULE, f"case {c.id} has no appeal waiting for a decision")
    m = state.motions.get(motion)
    if m is None or m.body != c.appeal.to or m.status not in ("adopted", "rejected"):
        raise Refusal(RULE, f"{motion} is not a motion {c.appeal.to} has voted on")
    if m.seq < c.appeal.seq or re.search(rf"\b{re.escape(c.id)}\b", m.title) is None:
        raise Refusal(RULE, f"{m.id} is not a motion on the appeal in case {c.id}: it is moved "
                      f"after the appeal and names the case in its title")
    reverse = m.status == "adopted"
    events: list[DomainEvent] = [AppealDecided(case=c.id, motion=m.id, reversed=reverse,
                                               on=on)]
    if reverse and c.verdict is not None:
        _, p = _penalty(state, c.verdict.penalty)
        member = state.members[c.member]
        if p.effect == "suspension" and member.suspended_on(on) is not None:
            events += reinstate(state, c.member, on)
        if p.effect == "expulsion" and member.left is not None:
            events.append(MembersJoined(unit=member.unit, members=[(member.id, member.name)],
                                        on=on))
    return events
