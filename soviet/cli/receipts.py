"""What a command recorded, said in words: one line per event, with its number in the ledger,
so a user can find it again with ``soviet log`` and see at once what a recall took with it."""

from __future__ import annotations

from collections.abc import Iterable

from rich.markup import escape

from soviet.cli.consoles import out
from soviet.cli.session_receipts import session_act
from soviet.model.events import (
    BasisReported,
    BodiesMerged,
    BodyCreated,
    BodyDissolved,
    BodyMoved,
    ByElectionCalled,
    CharterAmended,
    DomainEvent,
    ElectionHeld,
    MandateEnded,
    MandateGranted,
    MemberLeft,
    MemberReinstated,
    MembersJoined,
    MemberSuspended,
    MemberTransferred,
    OrganisationFounded,
    RecallPetitionFiled,
    RecallPetitionSigned,
    RecallVoteCalled,
    RecallVoteTaken,
    SeatsApportioned,
)
from soviet.model.state import State
from soviet.service.names import who


def describe(event: DomainEvent, state: State) -> str:
    """One line for ``event``; ``state`` (after it) supplies the names of the people in it."""
    match event:
        case OrganisationFounded():
            return f"founded {event.name}"
        case CharterAmended():
            return "the charter is amended"
        case BodyCreated():
            under = f" under {event.parent}" if event.parent else ""
            scale = f", scale {event.scale}" if event.scale else ""
            return f"{event.name} [{event.body}] set up: {event.kind}{under}{scale}"
        case BodyMoved():
            return f"{event.body} now stands under {event.parent}"
        case BodiesMerged():
            return f"{', '.join(event.bodies)} merged into {event.into}"
        case BodyDissolved():
            return f"{event.body} dissolved"
        case BasisReported():
            return f"{event.body} reports {event.figure:,} {event.basis}"
        case MembersJoined():
            if len(event.members) == 1:
                return f"{who(state, event.members[0][0])} joined {event.unit}"
            return f"{len(event.members):,} members joined {event.unit}"
        case MemberTransferred():
            return f"{who(state, event.member)} transferred to {event.unit}"
        case MemberSuspended():
            until = f" until {event.until}" if event.until else ""
            why = f": {event.reason}" if event.reason else ""
            return f"{who(state, event.member)} suspended{until}{why}"
        case MemberReinstated():
            return f"{who(state, event.member)} reinstated"
        case MemberLeft():
            return f"{who(state, event.member)} left ({event.reason})"
        case SeatsApportioned():
            bodies = "body" if len(event.seats) == 1 else "bodies"
            return (f"seats in {event.body} apportioned ({event.method}): "
                    f"{sum(event.seats.values())} for {len(event.seats)} {bodies}"
                    + (f"; {event.note}" if event.note else ""))
        case ElectionHeld():
            kind = "by-election" if event.replaces else "election"
            return (f"{kind} {event.election}: {event.electorate} elects {event.seats} to "
                    f"{event.body} ({event.method})")
        case MandateGranted():
            if event.role == "alternate":
                return (f"{event.mandate}: {who(state, event.holder)} is alternate {event.rank} "
                        f"of {event.electorate} for {event.body}")
            through = f", through {event.through}" if event.through else ""
            stands_in = f", in place of {event.substitutes}" if event.substitutes else ""
            return (f"{event.mandate}: {who(state, event.holder)} sits in {event.body} for "
                    f"{event.electorate}{through}{stands_in}")
        case MandateEnded():
            m = state.mandates.get(event.mandate)
            seat = f" ({who(state, m.holder)} in {m.body})" if m is not None else ""
            if event.reason == "substituted":
                return f"{event.mandate}{seat} ends: the alternate steps in for {event.cause}"
            cause = f" with {event.cause}" if event.cause else ""
            return f"{event.mandate}{seat} ends: {event.reason}{cause}"
        case ByElectionCalled():
            return (f"by-election {event.election} called: {event.electorate} to fill "
                    f"{len(event.replaces)} seat(s) in {event.body} left by "
                    f"{', '.join(event.replaces)}")
        case RecallPetitionFiled():
            m = state.mandates.get(event.mandate)
            holder = f" ({who(state, m.holder)} in {m.body})" if m is not None else ""
            return (f"petition {event.petition} to recall {event.mandate}{holder} filed by "
                    f"{who(state, event.by)}: {event.grounds}")
        case RecallPetitionSigned():
            return f"{who(state, event.member)} signed {event.petition}"
        case RecallVoteCalled():
            return (f"{event.signatures} signatures, {event.threshold} needed: a recall vote on "
                    f"{event.petition} is called")
        case RecallVoteTaken():
            verdict = "carried" if event.carried else "lost"
            return (f"recall {event.petition} {verdict}: {event.yes} for, {event.no} against, "
                    f"{event.abstain} abstaining ({event.reason})")
    return session_act(event, state)


def show(recorded: Iterable[tuple[int, DomainEvent]], state: State) -> None:
    for seq, event in recorded:
        out.print(escape(f"#{seq} {describe(event, state)}"))
