"""Admission to the federation: an organisation applies; the charter's numbered
``[federation].conditions`` are examined one by one (met or not, with a note); the admitting
body votes a motion of the ``admission`` kind on it (its majority is the charter's); and an
admitted member is examined again every ``re_examination``.
"""

from __future__ import annotations

from datetime import date

from soviet.model.cases import Application, Finding
from soviet.model.events import (
    AdmissionApplied,
    AdmissionDecided,
    ConditionExamined,
    DomainEvent,
)
from soviet.model.state import State
from soviet.rules.mandates import Ids
from soviet.rules.refusal import Refusal, founded, known

RULE = "federation"


def _application(state: State, application: str) -> Application:
    return known(state.applications, application, RULE, "application")


def _conditions(state: State) -> tuple[str, ...]:
    if state.rules.federation is None:
        raise Refusal(RULE, "the charter sets no conditions of admission: this organisation "
                      "is not a federation")
    return state.rules.federation.conditions


def apply(state: State, organisation: str, on: str) -> list[DomainEvent]:
    founded(state, RULE)
    _conditions(state)
    if not organisation.strip():
        raise Refusal(RULE, "the application names the organisation")
    pending = [a for a in state.applications.values()
               if a.organisation == organisation and a.admitted is None]
    if pending:
        raise Refusal(RULE, f"{organisation} has application {pending[0].id} pending")
    return [AdmissionApplied(application=Ids(state).next("A"), organisation=organisation,
                             on=on)]


def examine(state: State, application: str, number: int, met: bool, note: str, on: str
            ) -> list[DomainEvent]:
    """Record the finding on condition ``number`` (from 1, in the charter's order)."""
    founded(state, RULE)
    a = _application(state, application)
    conditions = _conditions(state)
    if a.admitted is False:
        raise Refusal(RULE, f"{a.organisation}'s application was refused on {a.decided_on}")
    if not 1 <= number <= len(conditions):
        raise Refusal(RULE, f"the charter has conditions 1 to {len(conditions)}, not {number}",
                      state.rules.cite("federation.conditions"))
    return [ConditionExamined(application=a.id, number=number, met=met, note=note, on=on)]


def findings(state: State, a: Application, since: str | None = None) -> dict[int, Finding]:
    """The latest finding on each condition (made on or after ``since``, if given)."""
    out: dict[int, Finding] = {}
    for f in a.findings:
        if since is None or f.on >= since:
            out[f.number] = f
    return out


def decide(state: State, application: str, motion: str, on: str) -> list[DomainEvent]:
    """Record the admitting body's vote: a motion of the admission kind, voted on."""
    founded(state, RULE)
    a = _application(state, application)
    conditions = _conditions(state)
    if a.admitted is not None:
        raise Refusal(RULE, f"{a.organisation}'s application was decided on {a.decided_on}")
    missing = [n for n in range(1, len(conditions) + 1) if n not in findings(state, a)]
    if missing:
        raise Refusal(RULE, f"condition(s) {', '.join(map(str, missing))} not yet examined: "
                      "every condition is examined before the vote",
                      state.rules.cite("federation.conditions"))
    m = state.motions.get(motion)
    kind = state.rules.federation.admitted_by if state.rules.federation else "congress"
    if m is None or m.kind != "admission" or m.status not in ("adopted", "rejected") \
            or state.bodies[m.body].kind != kind:
        raise Refusal(RULE, f"{motion} is not an admission motion the {kind} has voted on",
                      state.rules.cite("federation.admitted_by"))
    unmet = sorted(n for n, f in findings(state, a).items() if not f.met)
    if m.status == "adopted" and unmet:
        raise Refusal(RULE, f"condition(s) {', '.join(map(str, unmet))} found not met: an "
                      "organisation is admitted only when it meets every condition",
                      state.rules.cite("federation.conditions"))
    return [AdmissionDecided(application=a.id, motion=m.id, admitted=m.status == "adopted",
                             on=on)]


def due(state: State, on: str) -> list[Application]:
    """Admitted members whose conditions were last examined in full longer ago than
    ``[federation].re_examination``: they are due to be examined again."""
    rules = state.rules.federation
    if rules is None:
        return []
    out = []
    for a in state.applications.values():
        if not a.admitted:
            continue
        last = min(f.on for f in findings(state, a).values())
        if rules.re_examination.after(date.fromisoformat(last)).isoformat() <= on:
            out.append(a)
    return out
