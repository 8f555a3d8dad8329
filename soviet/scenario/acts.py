"""The table of acts a scenario may hold: each act's name, its fields (required and optional,
each with its kind of value), the function that puts it to the ordinary rules, and which
record it creates (so that ``as = "label"`` can name it for later acts)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from soviet.model.events import (
    AdmissionApplied,
    CaseFiled,
    CoalitionOffered,
    DomainEvent,
    ElectionHeld,
    FactionRegistered,
    MotionSubmitted,
    PollOpened,
    RecallPetitionFiled,
    SessionConvened,
    ThesesPublished,
)
from soviet.scenario import ballots, committees, sittings, tree
from soviet.scenario.fields import (
    Spec,
    choices,
    count,
    day,
    flag,
    names,
    pairs,
    people,
    table,
    tally,
    text,
)
from soviet.scenario.stage import Stage


@dataclass(frozen=True)
class Kind:
    """One kind of act. ``makes`` is the event type and field that name the record the act
    creates (a session, motion, poll...), which a label stands for."""

    play: Callable[[Stage, Mapping[str, Any]], list[DomainEvent]]
    required: Spec
    optional: Spec = field(default_factory=dict)
    makes: tuple[type[DomainEvent], str] | None = None


ON = {"on": day}
VOTES = {"yes": count, "no": count, "abstain": count}

KINDS: Mapping[str, Kind] = {
    # the organisation and its tree
    "found": Kind(tree.found, {"name": text, "charter": text}),
    "amend": Kind(tree.amend, {"set": table}, {"decision": count}),
    "body": Kind(tree.body, {"id": text, "name": text, "kind": text, **ON},
                 {"parent": text, "scale": text}),
    "basis": Kind(tree.basis, {"body": text, "basis": text, "figure": count, **ON}),
    "members": Kind(tree.members, {"unit": text, **ON},
                    {"people": people, "count": count, "named": text}),
    "leave": Kind(tree.leave, {"member": text, **ON}, {"reason": text}),
    "apportion": Kind(tree.apportion, {"body": text, **ON}),
    "elect": Kind(tree.elect, {"electorate": text, "body": text, "candidates": names, **ON},
                  makes=(ElectionHeld, "election")),
    "stv": Kind(ballots.stv, {"electorate": text, "body": text, "candidates": names, **ON},
                {"ballots": tally, "voters": count, "seed": count, "seats": count},
                makes=(ElectionHeld, "election")),
    "paid_up": Kind(tree.paid_up, {"units": tally, "months": count, "before": day, **ON}),
    "by_election": Kind(tree.by_election,
                        {"electorate": text, "body": text, "candidates": names, **ON},
                        makes=(ElectionHeld, "election")),
    "expire": Kind(tree.expire, ON),
    "petition": Kind(tree.petition,
                     {"holder": text, "body": text, "by": names, "grounds": text, **ON},
                     makes=(RecallPetitionFiled, "petition")),
    "recall_vote": Kind(tree.recall_vote, {"petition": text, **VOTES, **ON}),
    "resign": Kind(tree.resign, {"holders": names, "body": text, **ON}),
    # sessions
    "convene": Kind(sittings.convene, {"body": text, "title": text, "opens": day, **ON},
                    makes=(SessionConvened, "session")),
    "demand": Kind(sittings.demand, {"body": text, "by": names, "grounds": text, **ON},
                   makes=(SessionConvened, "session")),
    "open": Kind(sittings.open_session, {"session": text, **ON}),
    "agenda": Kind(sittings.agenda, {"session": text, "title": text}),
    "attend": Kind(sittings.attend, {"session": text, "members": names, **ON}),
    "credentials": Kind(sittings.check_credentials, {"session": text, **ON}),
    "motion": Kind(sittings.motion,
                   {"session": text, "item": text, "mover": text, "title": text, "text": text,
                    **ON},
                   {"kind": text, "amends": text, "amended_text": text, "against": text},
                   makes=(MotionSubmitted, "motion")),
    "support": Kind(sittings.support, {"motion": text, "members": names}),
    "poll": Kind(sittings.poll, {"session": text, **ON},
                 {"motion": text, "question": text, "secrecy": text, "kind": text},
                 makes=(PollOpened, "poll")),
    "roll_call": Kind(sittings.roll_call, {"poll": text}, {**VOTES, "named": choices}),
    "vote": Kind(sittings.vote, {"poll": text, "voter": text, "choice": text}),
    "count": Kind(sittings.count, {"poll": text, "tellers": names, "voters": count},
                  {**VOTES, "channel": text}),
    "close_poll": Kind(sittings.close_poll, {"poll": text, **ON}),
    "dissent": Kind(sittings.dissent, {"motion": text, "by": names, "statement": text, **ON}),
    "close": Kind(sittings.close_session, {"session": text, **ON}),
    # the executive, the discussion, the control commission
    "faction": Kind(committees.faction,
                    {"body": text, "name": text, "platform": text, "members": names, **ON},
                    makes=(FactionRegistered, "faction")),
    "offer": Kind(committees.offer,
                  {"executive": text, "by": text, "faction": text, "seats": count,
                   "condition": text, **ON}, {"programme": text},
                  makes=(CoalitionOffered, "offer")),
    "answer": Kind(committees.answer,
                   {"offer": text, "accepted": flag, "statement": text, **ON}),
    "appoint": Kind(committees.appoint, {"executive": text, "officers": pairs, **ON},
                    {"decision": text}),
    "leave_office": Kind(committees.leave_office,
                         {"executive": text, "holders": names, **ON}),
    "theses": Kind(committees.theses,
                   {"session": text, "title": text, "text": text, "authors": names, **ON},
                   {"counter": flag}, makes=(ThesesPublished, "theses")),
    "theses_vote": Kind(committees.theses_vote,
                        {"session": text, "unit": text, "votes": tally, **ON},
                        {"abstain": count}),
    "case": Kind(committees.case,
                 {"commission": text, "member": text, "by": text, "charges": text, **ON},
                 makes=(CaseFiled, "case")),
    "hear": Kind(committees.hear,
                 {"case": text, "side": text, "speaker": text, "statement": text, **ON}),
    "decide_case": Kind(committees.decide_case,
                        {"case": text, "penalty": text, **VOTES, "present": count, **ON},
                        {"until": day}),
    "appeal": Kind(committees.appeal, {"case": text, "grounds": text, **ON}),
    "decide_appeal": Kind(committees.decide_appeal, {"case": text, "motion": text, **ON}),
    # the federation
    "apply": Kind(committees.apply, {"organisation": text, **ON},
                  makes=(AdmissionApplied, "application")),
    "examine": Kind(committees.examine,
                    {"application": text, "condition": count, "met": flag, "note": text, **ON}),
    "admit": Kind(committees.admit, {"application": text, "motion": text, **ON}),
}
