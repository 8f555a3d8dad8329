"""Founding and amending the charter: the acts that give the organisation its rules."""

from __future__ import annotations

from typing import Any

from soviet.charter import charter_to_json
from soviet.model.events import CharterAmended, OrganisationFounded
from soviet.model.state import State
from soviet.rules.refusal import Refusal, founded


def found(state: State, name: str, charter: dict[str, Any]) -> list[OrganisationFounded]:
    """An organisation is founded once, with a name and a charter, as the ledger's first act."""
    if state.founded:
        raise Refusal("founding", f"this ledger already holds the organisation {state.name!r}")
    if not name.strip():
        raise Refusal("founding", "the organisation needs a name")
    return [OrganisationFounded(name=name.strip(), charter=charter)]


def amend(state: State, charter: dict[str, Any], decision: int | None) -> list[CharterAmended]:
    founded(state, "charter")
    if state.charter is not None and charter == charter_to_json(state.charter):
        raise Refusal("charter", "the new charter is the same as the one in force")
    return [CharterAmended(charter=charter, decision=decision)]

