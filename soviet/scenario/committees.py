"""Acts of the executive, the pre-congress discussion, the control commission and the
federation: factions, coalition offers, officers, theses and the units' votes on them,
disciplinary cases and their appeals, applications for admission examined condition by
condition and decided. Each calls the rule a user's command calls."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from soviet.model.events import DomainEvent
from soviet.rules import discipline, discussion, executive, federation
from soviet.scenario.stage import ActFailed, Stage

Fields = Mapping[str, Any]


def faction(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(executive.register_faction, body=f["body"], name=f["name"],
                                platform=f["platform"], members=stage.pick(f["members"]),
                                on=f["on"]))


def offer(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(executive.offer_coalition, executive=f["executive"],
                                by=f["by"], faction=f["faction"], seats=f["seats"],
                                condition=f["condition"], on=f["on"],
                                programme=f.get("programme")))


def answer(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(executive.answer_offer, offer=f["offer"],
                                accepted=f["accepted"], statement=f["statement"], on=f["on"]))


def appoint(stage: Stage, f: Fields) -> list[DomainEvent]:
    """The executive appoints each holder to the portfolio paired with them."""
    events: list[DomainEvent] = []
    for holder, portfolio in f["officers"].items():
        events += stage.decide(partial(executive.appoint, executive=f["executive"],
                                       holder=holder, portfolio=portfolio, on=f["on"],
                                       decision=f.get("decision")))
    return events


def leave_office(stage: Stage, f: Fields) -> list[DomainEvent]:
    """Each holder named resigns the office they hold under the executive."""
    events: list[DomainEvent] = []
    for holder in stage.pick(f["holders"]):
        held = sorted(o.id for o in stage.state().offices.values()
                      if o.holder == holder and o.executive == f["executive"]
                      and o.ended is None)
        if not held:
            raise ActFailed(f"{holder} holds no office under {f['executive']}")
        events += stage.decide(partial(executive.resign, office=held[0], on=f["on"]))
    return events


def theses(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(discussion.publish, session_id=f["session"], title=f["title"],
                                text=f["text"], authors=stage.pick(f["authors"]), on=f["on"],
                                counter=f.get("counter", False)))


def theses_vote(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(discussion.vote, session_id=f["session"], unit=f["unit"],
                                votes=dict(f["votes"]), abstain=f.get("abstain", 0),
                                on=f["on"]))


def case(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(discipline.file_case, commission=f["commission"],
                                member=f["member"], by=f["by"], charges=f["charges"],
                                on=f["on"]))


def hear(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(discipline.hear, case=f["case"], side=f["side"],
                                speaker=f["speaker"], statement=f["statement"], on=f["on"]))


def decide_case(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(discipline.decide_case, case=f["case"], penalty=f["penalty"],
                                yes=f["yes"], no=f["no"], abstain=f["abstain"],
                                present=f["present"], on=f["on"], until=f.get("until")))


def appeal(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(discipline.appeal, case=f["case"], grounds=f["grounds"],
                                on=f["on"]))


def decide_appeal(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(discipline.decide_appeal, case=f["case"], motion=f["motion"],
                                on=f["on"]))


def apply(stage: Stage, f: Fields) -> list[DomainEvent]:
    return stage.decide(partial(federation.apply, organisation=f["organisation"], on=f["on"]))


def examine(stage: Stage, f: Fields) -> list[DomainEvent]:
    """The finding on one of the charter's conditions of admission (numbered from 1)."""
    return stage.decide(partial(federation.examine, application=f["application"],
                                number=f["condition"], met=f["met"], note=f["note"],
                                on=f["on"]))


def admit(stage: Stage, f: Fields) -> list[DomainEvent]:
    """The admitting body's decision, recorded from the admission motion it voted on."""
    return stage.decide(partial(federation.decide, application=f["application"],
                                motion=f["motion"], on=f["on"]))
