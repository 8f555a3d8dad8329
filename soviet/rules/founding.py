"""Founding and amending the charter: the acts that give the organisation its rules."""

from __future__ import annotations

from typing import Any

from soviet.charter import CharterInvalid, charter_from_json, charter_to_json
from soviet.model.events import CharterAmended, OrganisationFounded
from soviet.model.state import State
from soviet.rules.refusal import Refusal, founded


def found(state: State, name: str, charter: dict[str, Any]) -> list[OrganisationFounded]:
    """An organisation is founded once, with a name and a charter, as the ledger's first act."""
    if state.founded:
        raise Refusal("founding", f"this ledger already holds the organisation {state.name!r}")
    if not name.strip():
        raise Refusal("founding", "the organisation needs a name")
    valid("founding", charter)
    return [OrganisationFounded(name=name.strip(), charter=charter)]


def valid(rule: str, charter: dict[str, Any]) -> None:
    """Refuse a charter with any problem: the fold could not read it back."""
    try:
        charter_from_json(charter)
    except CharterInvalid as e:
        raise Refusal(rule, f"the charter is invalid: {e}") from None


def amend(state: State, charter: dict[str, Any], decision: int | None) -> list[CharterAmended]:
    founded(state, "charter")
    valid("charter", charter)
    if state.charter is not None and charter == charter_to_json(state.charter):
        raise Refusal("charter", "the new charter is the same as the one in force")
    return [CharterAmended(charter=charter, decision=decision)]

