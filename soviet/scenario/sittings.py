"""Acts of a session: convocation, opening, agenda, attendance, credentials, motions, polls and
votes, the minority's position, closing. Each calls the rule a user's command calls; the acts
for a whole hall (attendance, a roll call) call it once per person, in order."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from functools import partial
from typing import Any

from soviet.model.events import DomainEvent
from soviet.rules import convocation, credentials, decisions, motions, polls, sessions
from soviet.rules.voters import voters
from soviet.scenario.stage import ActFailed, Stage
from soviet.service.ballots import new_receipt

Fields = Mapping[str, Any]
CHOICES = ("yes", "no", "abstain")


def convene(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(convocation.convene, body=f["body"], title=f["title"],
                                opens=f["opens"], on=f["on"]))


def demand(stage: Stage, f: Fields) -> list[DomainEvent]:
    """Each unit named demands an extraordinary congress, until the charter's share convenes
    it (the act that files the last demand needed)."""
    events: list[DomainEvent] = []
    for unit in f["by"]:
        events += stage.decide(partial(convocation.demand, body=f["body"], by=unit,
                                       grounds=f["grounds"], on=f["on"]))
    return events


def open_session(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(sessions.open_session, session_id=f["session"], on=f["on"]))


def close_session(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(sessions.close_session, session_id=f["session"], on=f["on"]))


def agenda(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(sessions.add_item, session_id=f["session"], title=f["title"]))


def attend(stage: Stage, f: Fields) -> list[DomainEvent]:
    """Everyone named registers as present, one by one, as they arrive."""
    events: list[DomainEvent] = []
    for x in stage.pick(f["members"]):
        events += stage.decide(partial(sessions.register, session_id=f["session"], member=x,
                                       on=f["on"]))
    return events


def check_credentials(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(credentials.report, session_id=f["session"], on=f["on"]))


def motion(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(motions.submit, session_id=f["session"], item=f["item"],
                                mover=f["mover"], title=f["title"], text=f["text"],
                                on=f["on"], kind=f.get("kind", "ordinary"),
                                amends=f.get("amends"), amended_text=f.get("amended_text"),
                                against=f.get("against")))


def support(stage: Stage, f: Fields) -> list[DomainEvent]:
    events: list[DomainEvent] = []
    for x in stage.pick(f["members"]):
        events += stage.decide(partial(motions.support, motion=f["motion"], member=x))
    return events


def poll(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(polls.open_poll, session_id=f["session"], on=f["on"],
                                motion=f.get("motion"), question=f.get("question"),
                                secrecy=f.get("secrecy", "open"),
                                kind=f.get("kind", "ordinary")))


def roll_call(stage: Stage, f: Fields) -> list[DomainEvent]:
    """Every voter present votes by name: those ``named`` as named, then the others in the
    order they registered, until each choice has its figure."""
    state = stage.state()
    p = state.polls.get(f["poll"])
    if p is None:
        raise ActFailed(f"there is no poll {f['poll']!r}")
    wanted = {c: f.get(c, 0) for c in CHOICES}
    named = {c: stage.pick(xs) for c, xs in f.get("named", {}).items()}
    order = [(x, c) for c, xs in named.items() for x in xs]
    for c, xs in named.items():
        if len(xs) > wanted[c]:
            raise ActFailed(f"{len(xs)} named to vote {c}, but the figure is {wanted[c]}")
        wanted[c] -= len(xs)
    taken = {x for x, _ in order}
    rest = iter(x for x in voters(state, state.sessions[p.session]) if x not in taken)
    for c in CHOICES:
        for _ in range(wanted[c]):
            x = next(rest, None)
            if x is None:
                raise ActFailed(f"not enough voters present for {f.get(c, 0)} {c}")
            order.append((x, c))
    events: list[DomainEvent] = []
    for x, c in order:
        events += stage.decide(partial(polls.cast, poll=p.id, voter=x, choice=c,
                                       receipt=_receipt(stage, p.id)))
    return events


def vote(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(polls.cast, poll=f["poll"], voter=f["voter"],
                                choice=f["choice"], receipt=_receipt(stage, f["poll"])))


def _receipt(stage: Stage, poll: str) -> str | None:
    """A fresh receipt code for a ballot on devices, as the voter's device is shown; none for
    any other poll."""
    p = stage.state().polls.get(poll)
    return new_receipt() if p is not None and p.secrecy == "ballot" else None


def count(stage: Stage, f: Fields) -> list[DomainEvent]:
    """The tellers' count of a show of hands (or of paper ballots)."""
    parts = {c: Fraction(f.get(c, 0)) for c in CHOICES}
    return stage.decide(partial(polls.count, poll=f["poll"], tellers=stage.pick(f["tellers"]),
                                channel=f.get("channel", "hall"), parts=parts,
                                voters=f["voters"]))


def close_poll(stage: Stage, f: Fields) -> list[DomainEvent]:
    """Close the poll; a secret ballot is counted from its box, as the service does."""
    return stage.decide(partial(polls.close, poll=f["poll"], on=f["on"],
                                box=stage.org.box(f["poll"])))


def dissent(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(decisions.record_dissent, motion=f["motion"],
                                by=stage.pick(f["by"]), statement=f["statement"], on=f["on"]))
