"""Acts done as one of a group rather than for a body: as a member of a faction, of the body
whose business it is (the executive appointing its officers, the control commission hearing
its cases), or as the person concerned (an officer resigning, a member appealing). Each check
is made against the state the rule decides on, as :mod:`soviet.api.acting` does for presiding,
and refuses under rule ``roles``, saying who may."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from soviet.api.errors import found
from soviet.model.events import DomainEvent, SealedBallot
from soviet.model.state import State
from soviet.rules.refusal import Refusal
from soviet.rules.roles import RULE
from soviet.service.organisation import Decision


def checking(check: Callable[[State], None], decide: Decision) -> Decision:
    """``decide``, after ``check`` has passed on the same state."""
    def checked(state: State) -> Sequence[DomainEvent | SealedBallot]:
        check(state)
        return decide(state)
    return checked


def must_sit(state: State, body: str, member: str, what: str) -> None:
    """Refuse unless ``member`` holds a seat on ``body`` now (``what``: the act, for the
    refusal)."""
    b = found(state.bodies, body, "body")
    if state.seat_in(member, b.id) is None:
        raise Refusal(RULE, f"{member} does not sit on {b.name}: {what} is for its members")


def must_belong(state: State, faction: str, member: str, what: str) -> None:
    """Refuse unless ``member`` is of ``faction``; an unknown faction is the rule's to refuse."""
    f = state.factions.get(faction)
    if f is not None and member not in f.members:
        raise Refusal(RULE, f"{member} is not of the faction {f.name} ({f.id}): {what} is for "
                      "its members")


def must_be(member: str, concerned: Sequence[str], what: str) -> None:
    """Refuse unless ``member`` is one of the people ``what`` is for."""
    if member not in concerned:
        raise Refusal(RULE, f"{member} may not {what}: only {', '.join(concerned)} may")
