"""Recall: those who elected a delegate may take the mandate back at any moment.

A member of the electorate files a petition (their signature is the first); members in good
standing sign it; when the signatures reach ``[recall].petition_threshold`` of the electorate, a
recall vote is called; if it reaches ``[recall].majority`` the mandate ends at once, with every
seat held through it (see :mod:`soviet.rules.mandates`), and the seat is filled as
``[recall].vacancy`` says. The electorate of a mandate given by a base unit is the unit's
members; of one given by a council, the delegates sitting in it.
"""

from __future__ import annotations

from math import ceil

from soviet.counting.motion import Majority, Tally, decide
from soviet.model.events import (
    DomainEvent,
    RecallPetitionFiled,
    RecallPetitionSigned,
    RecallVoteCalled,
    RecallVoteTaken,
)
from soviet.model.state import Mandate, Petition, State
from soviet.rules.mandates import Ids, end_mandates
from soviet.rules.refusal import Refusal, founded


def electorate_size(state: State, mandate: Mandate, on: str) -> int:
    """Those of the electorate who may sign and vote on ``on``: the members of the unit in good
    standing, or the delegates sitting in the council (a suspension ends a delegate's seats)."""
    if state.bodies[mandate.electorate].kind == "unit_assembly":
        return state.members_in_good_standing(mandate.electorate, on)
    return len(state.seated.get(mandate.electorate, ()))


def threshold(state: State, mandate: Mandate, on: str) -> int:
    """Signatures needed on ``on``: the charter's share of the electorate, rounded up."""
    return max(1, ceil(state.rules.recall.petition_threshold
                       * electorate_size(state, mandate, on)))


ELECTORATE_ONLY = "only those who elected the delegate may sign (recall)"
"""The refusal's ground when a signer is not of the electorate: the recall article itself, which
no single clause of the charter states (so the refusal cites none)."""


def in_electorate(state: State, mandate: Mandate, member: str, on: str) -> None:
    """Refuse a signer who is not, on ``on``, one of those who elected ``mandate`` and in good
    standing."""
    m = state.members.get(member)
    if m is None or m.left is not None:
        raise Refusal("recall", f"{member} is not a member: {ELECTORATE_ONLY}")
    suspension = m.suspended_on(on)
    if suspension is not None:
        raise Refusal("recall", f"{member} is suspended ({suspension.reason}, since "
                      f"{suspension.since}) and cannot sign a recall petition: only those "
                      "who elected the delegate, in good standing, may sign (recall)")
    electorate = state.bodies[mandate.electorate]
    if electorate.kind == "unit_assembly":
        if m.unit != electorate.id:
            raise Refusal("recall", f"{member} is a member of {m.unit}: only members of "
                          f"{electorate.name}, which elected {mandate.holder}, may petition "
                          "(recall)")
    elif state.seat_in(member, electorate.id) is None:
        raise Refusal("recall", f"{member} does not sit in {electorate.name}, which elected "
                      f"{mandate.holder}: {ELECTORATE_ONLY}")


def live_mandate(state: State, mandate: str) -> Mandate:
    m = state.mandates.get(mandate)
    if m is None:
        raise Refusal("recall", f"there is no mandate {mandate}")
    if m.ended is not None:
        raise Refusal("recall", f"mandate {mandate} already ended on {m.ended.on} "
                      f"({m.ended.reason})")
    return m


def open_petition(state: State, petition: str) -> tuple[Petition, Mandate]:
    p = state.petitions.get(petition)
    if p is None:
        raise Refusal("recall", f"there is no petition {petition}")
    if p.outcome is not None:
        raise Refusal("recall", f"petition {petition} was already voted on ({p.outcome})")
    return p, live_mandate(state, p.mandate)


def _maybe_call(state: State, petition: str, mandate: Mandate, signatures: int, on: str
                ) -> list[DomainEvent]:
    needed = threshold(state, mandate, on)
    if signatures < needed:
        return []
    return [RecallVoteCalled(petition=petition, signatures=signatures, threshold=needed, on=on)]


def file_petition(state: State, mandate_id: str, by: str, grounds: str, on: str
                  ) -> list[DomainEvent]:
    founded(state, "recall")
    mandate = live_mandate(state, mandate_id)
    in_electorate(state, mandate, by, on)
    if any(p.mandate == mandate_id and p.outcome is None for p in state.petitions.values()):
        raise Refusal("recall", f"a petition to recall mandate {mandate_id} is already open: "
                      "sign it")
    name = Ids(state).next("P")
    return [RecallPetitionFiled(petition=name, mandate=mandate_id, by=by, grounds=grounds, on=on),
            *_maybe_call(state, name, mandate, 1, on)]


def sign_petition(state: State, petition: str, member: str, on: str) -> list[DomainEvent]:
    founded(state, "recall")
    p, mandate = open_petition(state, petition)
    in_electorate(state, mandate, member, on)
    if member in p.signatures:
        raise Refusal("recall", f"{member} has already signed petition {petition}")
    events: list[DomainEvent] = [RecallPetitionSigned(petition=petition, member=member, on=on)]
    if p.vote_called is None:
        events += _maybe_call(state, petition, mandate, len(p.signatures) + 1, on)
    return events


def vote_recall(state: State, petition: str, yes: int, no: int, abstain: int, on: str,
                present: int | None = None) -> list[DomainEvent]:
    """Record the electorate's vote; if carried the mandate ends now, with its cascade."""
    founded(state, "recall")
    p, mandate = open_petition(state, petition)
    rule = state.rules.recall.majority
    if p.vote_called is None:
        raise Refusal("recall", f"petition {petition} has {len(p.signatures)} of the "
                      f"{threshold(state, mandate, on)} signatures it needs for a vote",
                      f"[recall].petition_threshold = {state.rules.recall.petition_threshold}")
    size = electorate_size(state, mandate, on)
    if min(yes, no, abstain) < 0:
        raise Refusal("recall", f"votes cannot be negative (yes {yes}, no {no}, "
                      f"abstain {abstain})")
    if yes + no + abstain > size:
        raise Refusal("recall", f"{yes + no + abstain} votes from an electorate of {size}")
    if present is not None and not yes + no + abstain <= present <= size:
        raise Refusal("recall", f"{present} present: at least the {yes + no + abstain} who "
                      f"voted and at most the electorate of {size}")
    majority = Majority(fraction=rule.fraction, base=rule.base,
                        abstentions_count=rule.count_abstentions,
                        strict=rule.comparison == "more-than")
    decision = decide(Tally(yes, no, abstain), majority,
                      present=present if present is not None else yes + no + abstain,
                      seats=size)
    events: list[DomainEvent] = [RecallVoteTaken(
        petition=petition, yes=yes, no=no, abstain=abstain, carried=decision.adopted,
        reason=f"{decision.sentence}, charter [recall].majority", on=on)]
    if decision.adopted:
        events += end_mandates(state, [mandate.id], "recalled", on)
    return events


def resign(state: State, mandate_id: str, on: str) -> list[DomainEvent]:
    """A delegate gives up one mandate (and what is held through it); membership stays."""
    founded(state, "recall")
    live_mandate(state, mandate_id)
    return end_mandates(state, [mandate_id], "resigned", on)
